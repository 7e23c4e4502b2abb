"""Who a reference library cites: names split and merged, LaTeX decoded, entries counted.

Part of :mod:`connectivism.imports.references` (its docstring says what is
read and how names are merged); the readers there turn each entry into a
:class:`_Reference`, and :func:`_candidates` counts them into candidates.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from connectivism._names import match_key, normalise_name
from connectivism.errors import InvalidFieldError
from connectivism.imports._candidates import Candidates
from connectivism.imports._clean import Memo, clean_line
from connectivism.imports._reading import Collector
from connectivism.messages import text

#: Longest name or venue whose LaTeX is decoded; longer ones lose only their braces.
MAX_LATEX_LENGTH = 500
#: Deepest brace nesting decoded as LaTeX; deeper text loses only its braces.
MAX_LATEX_DEPTH = 8

# the groups, as catalogue keys (the text is looked up when the candidates are made)
_PEOPLE, _ORGANISATIONS, _VENUES = "import.group.authors", "import.group.organisations", "import.group.venues"
_BRACE_OR_AND = re.compile(r"[{}]| and ", re.IGNORECASE)
_BRACE_OR_COMMA = re.compile(r"[{},]")
_BRACE_OR_SPACE = re.compile(r"[{} ]")
_LETTER = re.compile(r"\w", re.UNICODE)

# --------------------------------------------------------------------- LaTeX


class _Latex:
    """LaTeX to Unicode for short texts (names, venues), bounded and cached."""

    def __init__(self) -> None:
        self._cache: dict[str, str] = {}
        self._converter = None

    def __call__(self, text: str) -> str:
        if "\\" not in text and "$" not in text:
            return _plain(text)
        cached = self._cache.get(text)
        if cached is None:
            cached = self._decode(text)
            self._cache[text] = cached
        return cached

    def _decode(self, text: str) -> str:
        if len(text) > MAX_LATEX_LENGTH or _depth(text) > MAX_LATEX_DEPTH:
            return _plain(text)
        if self._converter is None:
            from pylatexenc.latex2text import LatexNodes2Text

            self._converter = LatexNodes2Text()
        try:
            decoded = self._converter.latex_to_text(text)
        except Exception:  # pylatexenc on hostile text: RecursionError, IndexError ...
            return _plain(text)
        return " ".join(unicodedata.normalize("NFC", decoded).split())


def _plain(text: str) -> str:
    """Text without braces, ``~`` as a space, spaces collapsed, in Unicode NFC."""
    text = text.replace("{", "").replace("}", "").replace("~", " ")
    return " ".join(unicodedata.normalize("NFC", text).split())


def _depth(text: str) -> int:
    """Deepest brace nesting in `text` (one pass)."""
    depth = deepest = 0
    for match in _BRACE_OR_COMMA.finditer(text):
        if match.group() == "{":
            depth += 1
            deepest = max(deepest, depth)
        elif match.group() == "}":
            depth = max(depth - 1, 0)
    return deepest


def _split_top(text: str, separator: re.Pattern[str], word: str) -> list[str]:
    """Split `text` where `separator` matches `word` outside braces (one pass)."""
    parts: list[str] = []
    depth = start = 0
    for match in separator.finditer(text):
        token = match.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth = max(depth - 1, 0)
        elif depth == 0 and token.strip().casefold() == word.strip():
            parts.append(text[start : match.start()])
            start = match.end()
    parts.append(text[start:])
    return [part.strip() for part in parts]


def _wholly_braced(text: str) -> bool:
    """Whether `text` is one brace group, as BibTeX writes an organisation ("{World Health Organization}")."""
    if not (text.startswith("{") and text.endswith("}")):
        return False
    depth = 0
    for index, char in enumerate(text):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0 and index != len(text) - 1:
                return False
    return depth == 0


# --------------------------------------------------------------------- names


@dataclass
class _Name:
    """One way an author was written: family and given names, as decoded."""

    family: str
    given: str


def _name(raw: str, latex: _Latex) -> _Name | None:
    """Split one BibTeX or RIS name into family and given names, as BibTeX does."""
    parts = [part for part in _split_top(raw, _BRACE_OR_COMMA, ",")]
    if len(parts) >= 2:
        # "von Last, First" or "von Last, Jr, First"
        family, given = parts[0], parts[-1]
    else:
        words = [word for word in _split_top(parts[0], _BRACE_OR_SPACE, " ") if word]
        if not words:
            return None
        # "First von Last": the family name starts at the first lower-case word before the last word
        start = len(words) - 1
        for index, word in enumerate(words[:-1]):
            if index and word[:1].islower():
                start = index
                break
        family, given = " ".join(words[start:]), " ".join(words[:start])
    family, given = latex(family), latex(given)
    if not family:
        return None
    return _Name(family, given)


def _first_name(given: str) -> str:
    """The first given name if written out in full (more than one letter), else ``""``."""
    first = given.replace(".", " ").replace("-", " ").split()
    return first[0] if first and len(first[0]) > 1 else ""


def _initial(given: str) -> str:
    match = _LETTER.search(given)
    return match_key(match.group()) if match else ""


# --------------------------------------------------------------------- references


@dataclass
class _Reference:
    """What one entry of a library says that the import uses."""

    people: list[_Name] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    venue: str = ""
    keywords: list[str] = field(default_factory=list)


@dataclass
class _Tally:
    """One candidate being counted: its display name, entries, keywords, first appearance."""

    name: str
    kind: str
    group: str
    order: int
    entries: set[int] = field(default_factory=set)
    keywords: Counter = field(default_factory=Counter)


def _check_threshold(threshold: object) -> int:
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 1:
        raise InvalidFieldError(
            f"threshold={threshold!r:.40} is not a whole number of at least 1: it is the fewest "
            "entries an author or journal must appear in to be listed, such as 2.",
            field="threshold",
            value=threshold,
        )
    return threshold


def _people(references: list[_Reference]) -> Iterable[tuple[int, str, _Name]]:
    """Each (entry, person key, name) with variants of one author given one key.

    Each distinct spelling is keyed once (a cache), and the first name that
    initials stand for is chosen once per family name and initial, so the
    work is linear in the number of names.
    """
    described: dict[tuple[str, str], tuple[tuple[str, str], str]] = {}

    def describe(person: _Name) -> tuple[tuple[str, str], str]:
        spelling = (person.family, person.given)
        known = described.get(spelling)
        if known is None:
            first = _first_name(person.given)
            known = ((match_key(person.family), _initial(person.given)), match_key(first) if first else "")
            described[spelling] = known
        return known

    # Pass 1: for each (family, initial), the first names written out in full and how often.
    full: dict[tuple[str, str], Counter] = {}
    for reference in references:
        for person in reference.people:
            key, first = describe(person)
            counter = full.setdefault(key, Counter())
            if first:
                counter[first] += 1
    # Initials go to the first name cited most with that family name and initial.
    chosen = {key: counter.most_common(1)[0][0] if counter else "" for key, counter in full.items()}
    # Pass 2: one key per person.
    for index, reference in enumerate(references):
        for person in reference.people:
            key, first = describe(person)
            yield index, f"{key[0]}\x00{key[1]}\x00{first or chosen[key]}", person


def _candidates(source: str, references: list[_Reference], threshold: int, notices: list[str]) -> Candidates:
    """Count people, organisations and venues over the references; keep those at or above the threshold."""
    tallies: dict[str, _Tally] = {}
    best: dict[str, _Name] = {}

    def tally(key: str, name: str, kind: str, group: str, index: int) -> None:
        found = tallies.get(key)
        if found is None:
            found = tallies[key] = _Tally(name, kind, group, len(tallies))
        if index not in found.entries:
            found.entries.add(index)
            found.keywords.update(references[index].keywords)

    for index, key, person in _people(references):
        shown = f"{person.given} {person.family}".strip()
        previous = best.get(key)
        if previous is None or len(person.given) > len(previous.given):
            best[key] = person
        tally("p" + key, shown, "person", _PEOPLE, index)
    for key, person in best.items():
        tallies["p" + key].name = f"{person.given} {person.family}".strip()
    normal = Memo(normalise_name)
    for index, reference in enumerate(references):
        for organisation in reference.organisations:
            tally("o" + normal[organisation], organisation, "community", _ORGANISATIONS, index)
        if reference.venue:
            tally("v" + normal[reference.venue], reference.venue, "resource", _VENUES, index)

    found = Collector(source, private=True)
    found.notices.extend(notices)
    below = 0
    group_order = {_PEOPLE: 0, _ORGANISATIONS: 1, _VENUES: 2}
    for tallied in sorted(tallies.values(), key=lambda t: (group_order[t.group], t.order)):
        count = len(tallied.entries)
        if count < threshold:
            below += 1
            continue
        topic = ""
        for keyword, _ in tallied.keywords.most_common(1):
            topic = keyword
        # an author and a journal of the same name: the first is kept (the Collector merges them)
        found.add(tallied.name, tallied.kind, group=text(tallied.group), topic=topic, strength=min(count, 5))
    if below:
        found.notices.append(text("import.notice.below_threshold", count=below, threshold=threshold))
    found.notices.append(text("import.notice.no_links"))
    return found.result()


def _keywords(text: str) -> list[str]:
    """Keywords from a ``keywords`` field or ``KW`` line: separated by ``,`` or ``;``; cleaned, repeats dropped."""
    found: dict[str, str] = {}
    for part in re.split(r"[,;]", text):
        keyword = clean_line(_plain(part), private=True)
        if keyword:
            found.setdefault(normalise_name(keyword), keyword)
    return list(found.values())
