"""What the readers of other tools' exports share: merge repeats, cap the count, say what was left out.

Part of :mod:`connectivism.imports`. Every reader gathers its candidates in a
:class:`Collector`, which cleans each value by the one policy of
:mod:`connectivism.imports._clean` (clean what can be cleaned, drop what
cannot) so that every :class:`~connectivism.imports.Candidate` can be added as
it is, merges repeated names, keeps at most :data:`MAX_CANDIDATES` and says in
a notice how many values it merged, dropped or left out.
"""

from __future__ import annotations

import dataclasses
import datetime

from connectivism._limits import MAX_TAGS
from connectivism.imports._candidates import Candidate, Candidates, CandidateTie
from connectivism.imports._clean import clean_line, clean_name, clean_tag
from connectivism.messages import text
from connectivism.network import MAX_NODES, MAX_TIES, normalise_name

__all__ = ["MAX_CANDIDATES", "Collector", "date_of_timestamp"]

#: Most candidates one file gives, for every reader: five times the nodes a
#: network can hold (:data:`~connectivism.network.MAX_NODES`), enough to choose
#: from and few enough for the panel's lists; the rest of a longer file (a
#: LinkedIn export of 30,000 connections, a library cited at threshold 1) is
#: left out, with a notice, rather than refused.
MAX_CANDIDATES = 5 * MAX_NODES
#: Most ties between candidates one file gives.
MAX_CANDIDATE_TIES = MAX_TIES


def date_of_timestamp(value: str | None) -> datetime.date | None:
    """The date (UTC) of a Unix timestamp in seconds, or None if it is not one.

    Examples
    --------
    >>> date_of_timestamp("1700000000"), date_of_timestamp("soon"), date_of_timestamp("9" * 40)
    (datetime.date(2023, 11, 14), None, None)
    """
    if not value or not value.strip().isdigit() or len(value.strip()) > 12:
        return None
    try:
        return datetime.datetime.fromtimestamp(int(value), tz=datetime.timezone.utc).date()
    except (OverflowError, OSError, ValueError):
        return None


class Collector:
    """Gathers a reader's candidates: one per name, at most :data:`MAX_CANDIDATES`.

    Once it holds :data:`MAX_CANDIDATES`, every further entry is left out
    (counted in a notice), even one that repeats a name already collected.

    Parameters
    ----------
    source : str
        The reader's key in :data:`connectivism.imports.READERS`.
    private : bool, optional
        Drop names, groups, topics and tags holding an e-mail or web address
        (for files about people: see :mod:`connectivism.imports._clean`).
    widen : bool, optional
        A repeated name widens the first's dates and tags (default); with
        ``False`` the first is kept as it is (rows that each say when one
        tie began, such as LinkedIn's, where a repeat is a namesake).

    Examples
    --------
    >>> found = Collector("opml")
    >>> found.add("Open Ed  Weekly", "resource", group="News")
    'Open Ed Weekly'
    >>> found.add("open ed weekly", "resource", group="Blogs")  # the same name: merged
    'Open Ed Weekly'
    >>> found.add("\\u200b", "resource") is None  # nothing visible: skipped
    True
    >>> found.add("Ed\\u202e Tech", "resource")  # a bidirectional control: removed, counted
    'Ed Tech'
    >>> result = found.result()
    >>> [c.name for c in result.candidates], len(result.notices)
    (['Open Ed Weekly', 'Ed Tech'], 3)
    """

    def __init__(self, source: str, *, private: bool = False, widen: bool = True) -> None:
        self.source = source
        self.private = private
        self.widen = widen
        self._candidates: dict[str, Candidate] = {}
        self._names: dict[str, str] = {}  # normalised name -> display name
        self._ties: dict[frozenset[str], CandidateTie] = {}
        self.repeated = 0
        self.unnamed = 0
        self.cleaned = 0
        self.left_out = 0
        self.skipped_ties = 0
        self.notices: list[str] = []

    @property
    def full(self) -> bool:
        """True when :data:`MAX_CANDIDATES` are collected: the rest of the file is left out."""
        return len(self._candidates) >= MAX_CANDIDATES

    def add(
        self,
        name: str,
        kind: str,
        *,
        group: str = "",
        topic: str = "",
        tags: tuple[str, ...] = (),
        since: datetime.date | None = None,
        last_contact: datetime.date | None = None,
        strength: int | None = None,
        initiated_by: str | None = None,
    ) -> str | None:
        """Collect one candidate; return its name as collected, or None if it was skipped.

        A name seen before (the same :func:`~connectivism.network.normalise_name`)
        merges into the first: its group and topic stay, its dates widen.
        """
        if self.full:
            self.left_out += 1
            return None
        display = clean_name(name, private=self.private)
        key = _key(display) if display is not None else ""
        if not key:
            self.unnamed += 1
            return None
        display = self._counted(name, display)
        known = self._candidates.get(key)
        if known is not None:
            self.repeated += 1
            if self.widen:
                self._candidates[key] = _widened(known, since, last_contact, self._tags(tags))
            return known.name
        self._candidates[key] = Candidate(
            display,
            kind,
            group=self._counted(group, clean_line(group, private=self.private)),
            topic=self._counted(topic, clean_line(topic, private=self.private)),
            tags=self._tags(tags),
            since=since,
            last_contact=last_contact,
            strength=strength,
            initiated_by=initiated_by,
        )
        return display

    def _counted(self, value: str, cleaned: str) -> str:
        """`cleaned`, counted in a notice if cleaning changed more than spaces in `value`."""
        if cleaned != value and cleaned != " ".join(value.split()):
            self.cleaned += 1
        return cleaned

    def _tags(self, tags: tuple[str, ...]) -> tuple[str, ...]:
        for tag in tags:
            self._counted(tag, clean_tag(tag, private=self.private))
        return _tags(tags, self.private)

    def tie(self, a: str, b: str, *, strength: int | None = None, since=None, last_contact=None) -> None:
        """Collect a tie between two collected candidates (a repeat, or a tie to itself, is skipped)."""
        ka, kb = _key(a), _key(b)
        if ka == kb or ka not in self._candidates or kb not in self._candidates:
            self.skipped_ties += 1
            return
        pair = frozenset((ka, kb))
        if pair in self._ties:
            return
        if len(self._ties) >= MAX_CANDIDATE_TIES:
            self.skipped_ties += 1
            return
        self._ties[pair] = CandidateTie(
            self._candidates[ka].name,
            self._candidates[kb].name,
            strength=strength,
            since=since,
            last_contact=last_contact,
        )

    def result(self) -> Candidates:
        """The candidates collected, with notices saying what was merged, skipped or left out."""
        notices = list(self.notices)
        if self.repeated:
            notices.append(text("import.notice.repeated", count=self.repeated))
        if self.unnamed:
            notices.append(text("import.notice.unnamed", count=self.unnamed))
        if self.cleaned:
            notices.append(text("import.notice.cleaned", count=self.cleaned))
        if self.left_out:
            notices.append(text("import.notice.left_out", count=self.left_out, most=MAX_CANDIDATES))
        if self.skipped_ties:
            notices.append(text("import.notice.skipped_ties", count=self.skipped_ties))
        return Candidates(self.source, tuple(self._candidates.values()), tuple(self._ties.values()), tuple(notices))


def _key(name: str) -> str:
    """:func:`~connectivism.network.normalise_name`, faster for ASCII names (the same key).

    For ASCII text, NFKC changes nothing, case folding is lower-casing, and
    there is no invisible formatting character to remove.

    Examples
    --------
    >>> all(_key(n) == normalise_name(n) for n in ["  Ada  LOVELACE ", "@A_b@x.social", "Zoë", "ＡＤＡ", "a\u200bb"])
    True
    """
    return " ".join(name.lower().split()) if name.isascii() else normalise_name(name)


def _tags(tags: tuple[str, ...], private: bool = False) -> tuple[str, ...]:
    cleaned: list[str] = []
    for tag in tags:
        tag = clean_tag(tag, private=private)
        if tag and tag not in cleaned and len(cleaned) < MAX_TAGS:
            cleaned.append(tag)
    return tuple(cleaned)


def _widened(known: Candidate, since, last_contact, tags) -> Candidate:
    """A repeated candidate: the earliest `since`, the latest `last_contact`, the tags of both."""
    changes: dict = {}
    if since is not None and (known.since is None or since < known.since):
        changes["since"] = since
    if last_contact is not None and (known.last_contact is None or last_contact > known.last_contact):
        changes["last_contact"] = last_contact
    if tags:
        merged = _tags(known.tags + tuple(tags))
        if merged != known.tags:
            changes["tags"] = merged
    return dataclasses.replace(known, **changes) if changes else known
