"""Map your network from your tools: readers of other tools' exports.

Each reader takes a file (a path, bytes or text, as the readers in
:mod:`connectivism.formats` do) and returns :class:`Candidates`; the builder's
"Import from your tools" panel lets the learner choose which candidates to add,
and :func:`add_candidates` adds them (all or none).
:data:`READERS` maps each reader's key to its function; readers register there
as they are added.
"""

from __future__ import annotations

from collections.abc import Callable

from connectivism.imports._adding import Added, add_candidates
from connectivism.imports._candidates import Candidate, Candidates, CandidateTie

__all__ = ["READERS", "SIGNS", "ORDER", "Added", "Candidate", "CandidateTie", "Candidates", "add_candidates"]

#: Reader key -> function taking a source (path, bytes or str) and returning
#: :class:`Candidates`. Filled as readers are added, then put in :data:`ORDER`.
READERS: dict[str, Callable[..., Candidates]] = {}
#: Reader key -> whether the start of a file (bytes) has that export's header
#: structure: tells a learner who picked the wrong kind of file which export
#: the file looks like (for exports that share a file type, such as CSV).
SIGNS: dict[str, Callable[[bytes], bool]] = {}
#: The order the readers are offered in: what the learner follows and keeps
#: (feeds, follows, bookmarks), a network drawn elsewhere, then professional
#: connections and reference libraries. Readers not named here come last.
ORDER = ("opml", "mastodon", "bookmarks", "drawn", "linkedin", "bibtex", "ris")

# The readers register themselves in READERS (imported last: they import READERS).
from connectivism.imports import bookmarks, drawn, linkedin, mastodon, opml, references  # noqa: E402, F401

_registered = sorted(READERS.items(), key=lambda item: ORDER.index(item[0]) if item[0] in ORDER else len(ORDER))
READERS.clear()
READERS.update(_registered)
