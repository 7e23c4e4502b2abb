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
``connectivism-autosave`` in the home directory, with a notice saying so. In
the browser edition, once :func:`connectivism.browser.open_store` has been
awaited, autosaves go to the folder kept in the browser's storage
(:data:`connectivism.browser.STORE`), and after every autosave there the
session copies it to the browser's storage (:func:`connectivism.browser.persist`);
if that copy fails, :attr:`EditSession.save_error` says so.

Nothing is lost, whatever goes wrong with the autosave:

* *A failed autosave* (a full disk, a folder that cannot be written, any
  error of the writer) keeps the change, which can still be undone, and says
  what happened in :attr:`EditSession.save_error`. The model's limits keep
  every network small enough to save (see :data:`connectivism.network.MAX_TEXT_LENGTH`).
* *A shared autosave file* (two browser tabs, or two notebooks in one folder,
  each with a builder) is noticed by a **change check**: the session remembers a
  SHA-256 hash of the file's content as it last read or wrote it, and before
  every autosave compares the file on disk with it. If another session has
  written the file since, this session does not write over it: it sets
  :attr:`EditSession.conflict` and :attr:`EditSession.save_error`, and the
  learner chooses :meth:`EditSession.save_as_new` (keep this network in a new
  file) or :meth:`EditSession.open_other` (open the other network; this one is
  first kept in a new file). A hash is used rather than the modification time,
  which can miss a change made within the file system's time resolution; a
  lock file is not used because a kernel that dies (as Binder's do) leaves it
  behind and would block the learner's next session. The check and the write
  are a few milliseconds apart: two sessions saving within that window can
  still overwrite each other.
* *A damaged autosave* is kept under a name of its own
  (``*.damaged-<time>.json``, numbered if that name is taken) and a new network
  starts, with a notice; if it cannot be renamed, it is left where it is, the
  notice says so, and this session autosaves to a new file beside it.

Why this module is long: :class:`EditSession` is one class whose promise
(nothing is lost) rests on the order of its steps across a change, an undo,
an autosave, a conflict and a restore, described above and kept in one place
so that order can be read and checked at once; where autosaves go
(:func:`autosave_location`) is the small rest.
"""

from __future__ import annotations

import datetime
import hashlib
import itertools
import os
import tempfile
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from connectivism import browser
from connectivism.errors import NetworkError
from connectivism.formats import MAX_FILE_BYTES, from_json, to_json
from connectivism.formats._safety import atomic_write, check_output_size
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


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_on_disk(path: Path) -> bytes | None:
    """A file's content (at most one byte past the file limit), or None if there is no file."""
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return None


def _holds(data: bytes, network: LearningNetwork) -> bool:
    """Whether `data` is a network file holding `network` (equality ignores save time and id)."""
    try:
        with caught_notices():
            return from_json(data) == network
    except NetworkError:
        return False


def _free_name(path: Path, label: str) -> Path:
    """A name beside `path` that no file has: ``<stem>.<label>.json``, then ``-2``, ``-3`` ..."""
    stem = path.name[: -len(".json")] if path.name.endswith(".json") else path.name
    for number in itertools.count(1):
        suffix = "" if number == 1 else f"-{number}"
        candidate = path.with_name(f"{stem}.{label}{suffix}.json")
        if not candidate.exists():
            return candidate
    raise AssertionError("unreachable")  # pragma: no cover


def _another_autosave(path: Path) -> Path:
    """A new autosave file beside `path`: ``my-learning-network-2.autosave.json``, ``-3`` ..."""
    name = path.name
    ending = next((e for e in (".autosave.json", ".json") if name.endswith(e)), "")
    base = name[: len(name) - len(ending)]
    for number in itertools.count(2):
        candidate = path.with_name(f"{base}-{number}{ending}")
        if not candidate.exists():
            return candidate
    raise AssertionError("unreachable")  # pragma: no cover


def _reason(err: BaseException) -> str:
    """Say why an autosave could not be written or read, without quoting file content."""
    if isinstance(err, OSError):
        return err.strerror or type(err).__name__
    if isinstance(err, NetworkError):
        return str(err)
    return type(err).__name__


def autosave_location(
    folder: str | os.PathLike[str] | None = None, *, home: str | os.PathLike[str] | None = None
) -> AutosaveLocation:
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
    if folder is None and browser.is_open():
        return AutosaveLocation(Path(browser.STORE) / AUTOSAVE_NAME)
    chosen = Path(folder or os.environ.get(AUTOSAVE_ENV) or Path.cwd())
    if browser.IN_BROWSER:  # the store was not opened: this folder may be gone after a reload
        return AutosaveLocation(
            chosen / AUTOSAVE_NAME,
            notice=(
                "Your network is autosaved in this page's memory, which the browser may not keep after a "
                "reload: start the builder with `builder = await open_builder()` to keep it in this "
                "browser, or download it (Save & share) before you leave."
            ),
        )
    if _writable(chosen):
        return AutosaveLocation(chosen / AUTOSAVE_NAME)
    fallback = Path(home or Path.home()) / "connectivism-autosave"
    if _writable(fallback):
        return AutosaveLocation(
            fallback / AUTOSAVE_NAME,
            notice=(f"The folder {chosen} cannot be written, so your network is autosaved in {fallback} instead."),
        )
    return AutosaveLocation(
        chosen / AUTOSAVE_NAME,
        notice=(
            "Your network cannot be autosaved here (no folder can be written): export it before you close the notebook."
        ),
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

    def __init__(
        self,
        network: LearningNetwork | None = None,
        *,
        autosave: str | os.PathLike[str] | bool | None = None,
        history_limit: int = HISTORY_LIMIT,
    ) -> None:
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
        #: True when another session has written the autosave file since this one
        #: last read or wrote it; this session then stops autosaving until the
        #: learner chooses :meth:`save_as_new` or :meth:`open_other`.
        self.conflict = False
        # Hash of the autosave's content as this session last read or wrote it.
        self._seen: str | None = None
        #: Called with no arguments when a copy to the browser's storage has
        #: finished (see :func:`connectivism.browser.persist`), so a view can
        #: show :attr:`save_error`; ``None`` outside the browser edition.
        self.on_stored: Callable[[], None] | None = None
        self._store_failed = False

    # --- restoring ---------------------------------------------------------------

    @classmethod
    def resume(
        cls, *, autosave: str | os.PathLike[str] | None = None, start: Callable[[], LearningNetwork] | None = None
    ) -> EditSession:
        """Reopen the autosaved network if there is one, else start from ``start()``.

        A damaged autosave is kept rather than overwritten: it is renamed
        ``*.damaged-<time>.json`` (numbered ``-2``, ``-3`` ... if that name is
        taken), and the session starts fresh with a notice. If it cannot be
        renamed, it stays where it is, the notice says where, and the session
        autosaves to a new file beside it instead.
        """
        session = cls(LearningNetwork("Me"), autosave=autosave)
        path = session.autosave_path
        if path is not None and path.is_file():
            try:
                with caught_notices() as notices:
                    with path.open("rb") as handle:
                        data = handle.read(MAX_FILE_BYTES + 1)
                    session.network = _owned(from_json(data, name=path.name))
                session._seen = _digest(data)
                session.restored = True
                if notices:
                    session.notice = " ".join(filter(None, [session.notice, *notices]))
                return session
            except Exception as err:  # keep the learner's file whatever went wrong
                session._keep_damaged(path, err)
        if start is not None:
            session.network = _owned(start())
        return session

    def _keep_damaged(self, path: Path, err: BaseException) -> None:
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = _free_name(path, f"damaged-{stamp}")
        try:
            path.rename(kept)
            self._persist(path)
        except OSError as failure:
            self.autosave_path = _another_autosave(path)
            self.notice = (
                f"Your autosave could not be read ({_reason(err)}), and it could not be "
                f"renamed ({_reason(failure)}): it is still at {path}, unchanged. A new "
                f"network was started; it is autosaved to {self.autosave_path.name} "
                "instead, so the damaged file is not written over."
            )
            return
        self.notice = (
            f"Your autosave could not be read ({_reason(err)}); it was kept as "
            f"{kept.name} and a new network was started."
        )

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
        """Write the autosave now; on failure keep working and say why in ``save_error``.

        Never raises for a failed write: the network, and what can be undone,
        stay as they are. The file is not written if another session has
        written it since this one last read or wrote it, unless it already holds
        this very network (see :attr:`conflict`).

        Returns
        -------
        pathlib.Path or None
            The autosave file, or None if autosave is off or the save failed.
        """
        if self.autosave_path is None:
            return None
        path = self.autosave_path
        try:
            data = to_json(self.network).encode("utf-8")
            on_disk = _read_on_disk(path)
            seen_here = on_disk is None or _digest(on_disk) == self._seen
            if (self.conflict or not seen_here) and on_disk is not None and _holds(on_disk, self.network):
                # The file already holds this very network (its nodes, ties and metadata;
                # the save time and learner id aside): nothing to lose, nothing to write.
                self._seen, self.conflict, self.save_error = _digest(on_disk), False, None
                self.saved_at = datetime.datetime.now()
                return path
            if self.conflict or not seen_here:
                self.conflict = True
                self.save_error = (
                    f"Another builder (another tab, or another notebook in this folder) has saved "
                    f"a different network in {path.name} since this one last saved, so your "
                    "changes were not saved over it; they are still here. Choose: keep yours in "
                    "a new file, or open the other network (yours is kept in a new file first)."
                )
                return None
            self._write(path, data)
        except (OSError, NetworkError) as err:
            self.save_error = (
                f"Your change was made, but it could not be autosaved "
                f"({_reason(err)}). Download your network (Save & share) to keep "
                "your work; Undo still works."
            )
            return None
        return path

    def _write(self, path: Path, data: bytes | None = None) -> None:
        """Write `data` (default: the network's JSON) to `path` and remember its hash.

        The bytes hashed are the bytes written: the JSON carries its save time,
        so serialising twice could give two different files.
        """
        if data is None:
            data = to_json(self.network).encode("utf-8")
        check_output_size(data, path.name)
        atomic_write(path, data)
        self._seen = _digest(data)
        self.save_error = None
        self.saved_at = datetime.datetime.now()
        self._persist(path)

    # --- the browser edition's storage -------------------------------------------------

    @property
    def in_browser_store(self) -> bool:
        """True when the autosave is kept in the browser's storage (the browser edition)."""
        return browser.in_store(self.autosave_path)

    def _persist(self, path: Path) -> None:
        """After writing under the browser's store: copy it to the browser's storage."""
        if browser.in_store(path):
            browser.persist(self._stored)

    def _stored(self, error: str | None) -> None:
        """A copy to the browser's storage finished: say if it failed, and when it works again."""
        if self.conflict:  # the choice the conflict asks for is said first; this copy changes nothing
            pass
        elif error is not None:
            self._store_failed = True
            self.save_error = (
                f"Your change was made, but this browser did not keep it in its storage ({error}: "
                "it may be full, or in a private window). Download your network (Save & share) now "
                "to keep your work; the builder keeps trying at every change."
            )
        elif self._store_failed:
            self._store_failed = False
            self.save_error = None
        if self.on_stored is not None:
            self.on_stored()

    def start_fresh(self, network: LearningNetwork) -> None:
        """Start again from `network`, with nothing to undo and nothing saved yet.

        For "Forget my network" on a shared computer: after the stored files
        are deleted, no undo may bring the forgotten network back. The next
        change is autosaved as usual, to the usual file.
        """
        self.network = _owned(network)
        self._history.clear()
        self._seen = None
        self.conflict = self.restored = self._store_failed = False
        self.save_error = self.notice = self.saved_at = None
        if self.in_browser_store:
            self.autosave_path = Path(browser.STORE) / AUTOSAVE_NAME

    # --- a shared autosave file --------------------------------------------------------

    def save_as_new(self) -> Path | None:
        """Keep this network in a new autosave file beside the old one, and autosave there.

        The way out of a :attr:`conflict` that keeps this network and leaves the
        other session's file alone.

        Returns
        -------
        pathlib.Path or None
            The new file, or None (with ``save_error`` set) if it could not be written.

        Examples
        --------
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = Path(folder) / "my-learning-network.autosave.json"
        ...     one, two = EditSession.resume(autosave=path), EditSession.resume(autosave=path)
        ...     _ = one.do("add Ada", lambda net: net.add("Ada", "person"))
        ...     _ = two.do("add Ben", lambda net: net.add("Ben", "person"))
        ...     print(two.conflict, two.save_as_new().name, two.conflict)
        True my-learning-network-2.autosave.json False
        """
        if self.autosave_path is None:
            return None
        target = _another_autosave(self.autosave_path)
        try:
            self._write(target)
        except (OSError, NetworkError) as err:
            self.save_error = (
                f"Your network could not be saved in a new file ({_reason(err)}). "
                "Download it (Save & share) to keep your work."
            )
            return None
        self.autosave_path = target
        self.conflict = False
        self.notice = f"Your network is now autosaved in {target.name}."
        return target

    def open_other(self) -> Path | None:
        """Open the network the other session saved; this one is kept in a new file first.

        The way out of a :attr:`conflict` that continues with the other
        session's network. Undo brings this network back, and the new file
        keeps it too.

        Returns
        -------
        pathlib.Path or None
            The file that now holds this session's previous network, or None
            (with ``save_error`` set, and nothing changed) if it could not be
            written or the other network could not be read.
        """
        if self.autosave_path is None:
            return None
        shared = self.autosave_path
        try:
            with shared.open("rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
            other = from_json(data, name=shared.name)
        except (OSError, NetworkError) as err:
            self.save_error = (
                f"The other network could not be opened ({_reason(err)}); yours "
                "is unchanged. Keep yours in a new file instead."
            )
            return None
        kept = self.save_as_new()
        if kept is None:
            return None
        self.autosave_path = shared
        self._history.append(("open the other network", self.network.copy()))
        self.network.replace_with(other)
        self._seen = _digest(data)
        self.notice = (
            f"Opened the network saved by the other builder; yours is kept in "
            f"{kept.name} (and Undo brings it back here)."
        )
        self.save()
        return kept
