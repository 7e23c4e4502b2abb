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

__all__ = ["READERS", "Added", "Candidate", "CandidateTie", "Candidates", "add_candidates"]

#: Reader key -> function taking a source (path, bytes or str) and returning
#: :class:`Candidates`. Filled as readers are added.
READERS: dict[str, Callable[..., Candidates]] = {}

# The readers register themselves in READERS (imported last: they import READERS).
from connectivism.imports import bookmarks, drawn, linkedin, mastodon, opml, references  # noqa: E402, F401
