"""Editing a learning network safely: undo, autosave and restore.

An :class:`EditSession` wraps a :class:`~connectivism.network.LearningNetwork`
for an interactive editor (the builder widget) without knowing anything about
widgets. Every change goes through :meth:`EditSession.do`, which

* keeps an exact copy of the network from before the change, so
  :meth:`EditSession.undo` restores it exactly (the last
  :data:`HISTORY_LIMIT` changes);
* changes nothing, and records nothing, when the change is refused (the
  model checks everything before it changes anything);
* writes the network to the autosave file after every successful change, so
  a learner whose Binder session ends, or whose kernel restarts, loses
  nothing.

Where autosaves go: the folder named by the environment variable
``CONNECTIVISM_AUTOSAVE_DIR`` if it is set; otherwise the current folder (next
to the notebook); if that folder cannot be written, a folder
``connectivism-autosave`` in the home directory, with a notice saying so.
"""

from __future__ import annotations

import datetime
import os
import tempfile
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from connectivism.formats import read_json, write_json
from connectivism.network import LearningNetwork, new_learner_id
from connectivism.notices import caught_notices

__all__ = [
    "AUTOSAVE_ENV",
    "AUTOSAVE_NAME",
    "HISTORY_LIMIT",
    "AutosaveLocation",
    "EditSession",
    "autosave_location",
    "as_of_default",
]

#: Environment variable naming the autosave folder.
AUTOSAVE_ENV = "CONNECTIVISM_AUTOSAVE_DIR"
#: Environment variable fixing "today" for builds and tests (YYYY-MM-DD).
AS_OF_ENV = "CONNECTIVISM_AS_OF"
#: File name of the autosave (git-ignored by the pattern ``*.autosave.json``).
AUTOSAVE_NAME = "my-learning-network.autosave.json"
#: How many changes can be undone.
HISTORY_LIMIT = 100


def as_of_default() -> datetime.date:
    """The date widgets measure from: today, unless ``CONNECTIVISM_AS_OF`` fixes it.

    The site build and the tests set ``CONNECTIVISM_AS_OF`` so that pages and
    outputs do not change from day to day; a learner's live notebook uses today.

    Examples
    --------
    >>> os.environ["CONNECTIVISM_AS_OF"] = "2026-10-01"
    >>> as_of_default()
    datetime.date(2026, 10, 1)
    >>> del os.environ["CONNECTIVISM_AS_OF"]
    """
    fixed = os.environ.get(AS_OF_ENV, "").strip()
    return datetime.date.fromisoformat(fixed) if fixed else datetime.date.today()


@dataclass(frozen=True)
class AutosaveLocation:
    """Where autosaves go, and a notice for the learner when it is not the usual place."""

    path: Path
    notice: str | None = None


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".kit-write-test-"):
            pass
        return True
    except OSError:
        return False


def autosave_location(folder: str | os.PathLike[str] | None = None,
                      *, home: str | os.PathLike[str] | None = None) -> AutosaveLocation:
    """Choose the autosave file: the given folder, ``$CONNECTIVISM_AUTOSAVE_DIR``, or here.

    Parameters
    ----------
    folder : path, optional
        Folder to use; default: the environment variable, else the current folder.
    home : path, optional
        Home directory for the fallback (default: the user's home).

    Returns
    -------
    AutosaveLocation
        ``path`` of the autosave file and, if the preferred folder could not be
        written, a ``notice`` saying where the work is kept instead.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     autosave_location(d).path.name
    'my-learning-network.autosave.json'
    """
    chosen = Path(folder or os.environ.get(AUTOSAVE_ENV) or Path.cwd())
    if _writable(chosen):
        return AutosaveLocation(chosen / AUTOSAVE_NAME)
    fallback = Path(home or Path.home()) / "connectivism-autosave"
    if _writable(fallback):
        return AutosaveLocation(
            fallback / AUTOSAVE_NAME,
            notice=(f"The folder {chosen} cannot be written, so your network is autosaved in "
                    f"{fallback} instead."),
        )
    return AutosaveLocation(
        chosen / AUTOSAVE_NAME,
        notice=("Your network cannot be autosaved here (no folder can be written): "
                "export it before you close the notebook."),
    )


def _owned(net: LearningNetwork) -> LearningNetwork:
    """Give a network started from an example or a starter file (no learner id) a fresh one."""
    if net.metadata.learner_id is None:
        net.set_metadata(learner_id=new_learner_id())
    return net


class EditSession:
    """A network being edited, with undo and autosave.

    Parameters
    ----------
    network : LearningNetwork, optional
        The network to start from (default: a network with only "Me").
    autosave : path, False or None, optional
        The autosave file; ``None`` chooses one with :func:`autosave_location`;
        ``False`` turns autosave off.
    history_limit : int, optional
        How many changes can be undone (default :data:`HISTORY_LIMIT`).

    Examples
    --------
    >>> s = EditSession(LearningNetwork("Sam"), autosave=False)
    >>> _ = s.do("add Ada", lambda net: net.add("Ada", "person"))
    >>> len(s.network), s.undo(), len(s.network)
    (2, 'add Ada', 1)
    """

    def __init__(self, network: LearningNetwork | None = None, *,
                 autosave: str | os.PathLike[str] | bool | None = None,
                 history_limit: int = HISTORY_LIMIT) -> None:
        self.network = _owned(network) if network is not None else LearningNetwork("Me")
        self._history: deque[tuple[str, LearningNetwork]] = deque(maxlen=history_limit)
        self.notice: str | None = None
        if autosave is None:
            where = autosave_location()
            self.autosave_path: Path | None = where.path
            self.notice = where.notice
        elif autosave is False:
            self.autosave_path = None
        else:
            self.autosave_path = Path(autosave)
        self.saved_at: datetime.datetime | None = None
        self.save_error: str | None = None
        #: True when the network was reopened from an autosave.
        self.restored = False

    # --- restoring ---------------------------------------------------------------

    @classmethod
    def resume(cls, *, autosave: str | os.PathLike[str] | None = None,
               start: Callable[[], LearningNetwork] | None = None) -> EditSession:
        """Reopen the autosaved network if there is one, else start from ``start()``.

        A damaged autosave is kept (renamed ``*.damaged-<time>.json``) rather
        than overwritten, and the session starts fresh with a notice.
        """
        session = cls(LearningNetwork("Me"), autosave=autosave)
        path = session.autosave_path
        if path is not None and path.is_file():
            try:
                with caught_notices() as notices:
                    session.network = _owned(read_json(path))
                session.restored = True
                if notices:
                    session.notice = " ".join(filter(None, [session.notice, *notices]))
                return session
            except Exception as err:  # keep the learner's file whatever went wrong
                stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
                kept = path.with_name(path.stem + f".damaged-{stamp}.json")
                path.rename(kept)
                session.notice = (f"Your autosave could not be read ({err}); it was kept as "
                                  f"{kept.name} and a new network was started.")
        if start is not None:
            session.network = _owned(start())
        return session

    # --- changing ------------------------------------------------------------------

    def do(self, label: str, change: Callable[[LearningNetwork], Any]) -> Any:
        """Apply ``change`` to the network, undoably; refused changes change nothing."""
        before = self.network.copy()
        result = change(self.network)  # raises NetworkError with nothing changed
        self._history.append((label, before))
        self.save()
        return result

    def replace(self, network: LearningNetwork, label: str) -> None:
        """Replace the whole network (import, start over), undoably."""
        self.do(label, lambda net: net.replace_with(network))

    def undo(self) -> str | None:
        """Undo the last change; return its label, or None if there is nothing to undo."""
        if not self._history:
            return None
        label, before = self._history.pop()
        self.network.replace_with(before)
        self.save()
        return label

    @property
    def can_undo(self) -> bool:
        """True if there is a change to undo."""
        return bool(self._history)

    @property
    def history(self) -> list[str]:
        """Labels of the changes that can be undone, oldest first."""
        return [label for label, _ in self._history]

    # --- saving --------------------------------------------------------------------

    def save(self) -> Path | None:
        """Write the autosave now; on failure keep working and say why in ``save_error``."""
        if self.autosave_path is None:
            return None
        try:
            write_json(self.network, self.autosave_path)
        except OSError as err:
            self.save_error = (f"Autosave failed ({err.strerror or err}): export your network "
                               "to keep your work.")
            return None
        self.save_error = None
        self.saved_at = datetime.datetime.now()
        return self.autosave_path
