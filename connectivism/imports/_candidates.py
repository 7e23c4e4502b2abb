"""What an import from another tool returns: candidates, not a network.

A reader of another tool's export (a feed list, the accounts one follows, a
bookmark file, a reference library, a network drawn in yEd) does not build a
:class:`~connectivism.network.LearningNetwork`. It returns
:class:`Candidates`: the nodes and ties it found, each with the *group* it came
from (a folder, a server, a site, a journal), so that the learner chooses what
goes into their network before anything is added.

Every reader follows the rules of :mod:`connectivism.formats`: it checks the
size first, runs in time linear in its input, refuses hostile content with the
package's own errors (subclasses of
:class:`~connectivism.errors.FileFormatError`), executes nothing and never
touches the network. A reader's docstring says exactly which elements or
columns it reads.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Mapping

__all__ = ["Candidate", "CandidateTie", "Candidates"]


@dataclasses.dataclass(frozen=True)
class Candidate:
    """One node a reader found.

    Parameters
    ----------
    name : str
        The name it would have in the network (already cleaned, as
        :meth:`~connectivism.network.LearningNetwork.add` accepts it).
    kind : str
        The kind suggested by the reader: ``"person"``, ``"community"``,
        ``"resource"`` or ``"tool"``. The learner may change it per group.
    group : str
        Where it came from, as the learner would recognise it: a folder, a
        server, a site, a journal; ``""`` when the file has no groups.
    topic : str
        A topic the file gives (for example the folder's name), or ``""``.
    tags : tuple of str
        Tags the file gives, or ``()``.
    since : datetime.date or None
        When the tie to the learner began, if the file says (a follow, a
        connection, a bookmark's date).
    last_contact : datetime.date or None
        The latest date the file shows of contact (a visit, a citation).
    strength : int or None
        A strength of tie the reader derived (1-5), or ``None`` for the kit's
        default.
    initiated_by : str or None
        Who started the tie to the learner, if the file says: ``"me"`` for a
        subscription, a follow or a bookmark the learner made.
    """

    name: str
    kind: str
    group: str = ""
    topic: str = ""
    tags: tuple[str, ...] = ()
    since: datetime.date | None = None
    last_contact: datetime.date | None = None
    strength: int | None = None
    initiated_by: str | None = None


@dataclasses.dataclass(frozen=True)
class CandidateTie:
    """A tie between two candidates that a drawn network (GraphML) holds.

    Ties between the learner and a candidate are implied by choosing the
    candidate; only ties *between* candidates are listed.
    """

    a: str
    b: str
    strength: int | None = None
    since: datetime.date | None = None
    last_contact: datetime.date | None = None


@dataclasses.dataclass(frozen=True)
class Candidates:
    """What a reader found in one file.

    Parameters
    ----------
    source : str
        The reader's key in :data:`connectivism.imports.READERS`, for example
        ``"opml"``.
    candidates : tuple of Candidate
        In the file's order, one per name (a reader merges repeats).
    ties : tuple of CandidateTie
        Ties between candidates, if the file has any.
    notices : tuple of str
        Plain-language notes on what was skipped or changed (never more than
        a short excerpt of the file's text; see :func:`connectivism.notices.excerpt`).
    """

    source: str
    candidates: tuple[Candidate, ...] = ()
    ties: tuple[CandidateTie, ...] = ()
    notices: tuple[str, ...] = ()

    def groups(self) -> Mapping[str, tuple[Candidate, ...]]:
        """The candidates by group, groups in order of first appearance.

        >>> found = Candidates("opml", (Candidate("A", "resource", "News"),
        ...                             Candidate("B", "resource", "Blogs"),
        ...                             Candidate("C", "resource", "News")))
        >>> {group: [c.name for c in members] for group, members in found.groups().items()}
        {'News': ['A', 'C'], 'Blogs': ['B']}
        """
        grouped: dict[str, list[Candidate]] = {}
        for candidate in self.candidates:
            grouped.setdefault(candidate.group, []).append(candidate)
        return {group: tuple(members) for group, members in grouped.items()}
