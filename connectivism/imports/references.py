"""Reference libraries (BibTeX, RIS): the authors one cites most, and the journals one reads.

Zotero, Mendeley, EndNote, JabRef and most reference managers export a
library as BibTeX (``.bib``) or RIS (``.ris``). The authors a learner cites
most are people they learn from (Siemens' principle 2: learning is connecting
specialised nodes), and the journals and conferences they cite are resources.

What is read, exactly:

* **BibTeX**: the fields ``author`` (people), ``journal``, ``journaltitle``
  (biblatex) and ``booktitle`` (venues) and ``keywords`` of every entry;
  ``@string`` abbreviations are expanded when a field is one of them; entries
  of any type (``@article``, ``@inproceedings``, ``@book`` ...) count. Names
  are split as BibTeX splits them ("von Last, Jr, First", "First von Last",
  separated by ``and``); a name wholly in braces (``{World Health
  Organization}``) is an organisation and becomes a community; ``and others``
  is skipped. LaTeX accents (``M{\\"u}ller``, ``\\c{c}``) and Unicode give the
  same name.
* **RIS**: the tags ``TY`` and ``ER`` (the start and end of a reference),
  ``AU`` and ``A1`` (people), ``JF``, ``T2``, ``JO``, ``J2``, ``JA`` and
  ``BT`` (venues; ``T2`` not for books, where it is a series) and ``KW``. Every
  other line (titles, abstracts, notes, addresses) is dropped *before* the
  parser sees the file.

A name's variants are merged: "Siemens, G.", "Siemens, George" and "George
Siemens" are one person, keyed on the family name and the first initial
(ignoring case and accents). When one key holds two different first names
("Siemens, George" and "Siemens, Gerald") they stay two people, and
initials-only variants go to the one cited more.

An author or a venue becomes a candidate when it appears in at least
`threshold` entries (2 unless the learner changes it). Its strength is the
number of entries, capped at 5; its topic is the keyword most often given to
those entries. Dates are not filled in: a publication year says when a work
appeared, not when the learner met it. Addresses (``url``, ``doi``, ``UR``)
are never read.

Bounds
------
Both parsers are used with bounds checked first, in one pass over the text:
at most :data:`MAX_ENTRIES` entries (``@`` followed by a letter, or ``TY``
lines) and, for BibTeX, at most :data:`MAX_BIBTEX_FIELDS` ``=`` signs; LaTeX is
decoded only for names and venues of at most :data:`MAX_LATEX_LENGTH`
characters nested at most :data:`MAX_LATEX_DEPTH` braces deep (plain text
otherwise). Measured on the kit's development machine (bibtexparser 2.1.0,
rispy 0.10.0; ``benchmarks/references_imports.py`` prints current figures):

* bibtexparser's splitter costs about 10 µs for each ``@`` block, so 240 KB of
  repeated ``@a{`` (80,000 broken entries) took 0.8 s and 5 MB of ``@a{k,``
  31 s; counting entries first refuses both in milliseconds;
* one entry with 1.25 million fields (5 MB of ``a=b,``) took 2.7 s: the ``=``
  count refuses it first;
* every other 5 MB shape tried (unclosed braces and quotes, braces nested
  100,000 deep, a million commas or closing braces, newlines, comments) took
  at most 1.7 s, linear in the size;
* a realistic library (Zotero-like, LaTeX accents, abstracts) takes about
  0.2 s per MB, about half of it in bibtexparser's splitter; the densest
  input, 5 MB of nothing but author names (650,000 of them), about 2.5 s;
* rispy joins continuation lines of a tag by repeated string concatenation,
  which is quadratic: 1.2 MB of continuation lines took 37 s. Dropping every
  line that is not one of the tags read above makes it linear (and skips
  abstracts, which are most of a library's size).

bibtexparser 2.x is used rather than 1.x: 1.4.4 is published only as source
(no wheel for the browser edition), and its pyparsing grammar is far slower:
measured the same way, 1.4.4 took 2.3 s of CPU on a 1 MB Zotero-like library
(about 11 s for 5 MB, extrapolated) and 1.1 s on the 240 KB of ``@a{``, where 2.1.0's
splitter takes about 0.1 s per MB. 2.1.0 and its one dependency, pylatexenc
2.11, are pure-Python wheels; both run in the browser edition (Pyodide 0.27.7).

Examples
--------
>>> bib = rb'''@article{a, author = {Siemens, G. and Downes, Stephen}, journal = {IRRODL}, year = 2008}
... @article{b, author = {George Siemens and M{\\"u}ller, J{\\"o}rg and others}, journal = {IRRODL}}'''
>>> found = read_bibtex(bib)
>>> [(c.name, c.kind, c.strength) for c in found.candidates]
[('George Siemens', 'person', 2), ('IRRODL', 'resource', 2)]
>>> [c.name for c in read_bibtex(bib, threshold=1).candidates]
['George Siemens', 'Stephen Downes', 'Jörg Müller', 'IRRODL']
"""

from __future__ import annotations

import contextlib
import logging
import re
import warnings
from collections.abc import Iterator

from connectivism import messages
from connectivism.errors import FileTooLargeError, MalformedFileError
from connectivism.formats._safety import Source, decode_text, read_source
from connectivism.imports import READERS
from connectivism.imports._candidates import Candidates
from connectivism.imports._citations import (
    _BRACE_OR_AND,
    MAX_LATEX_DEPTH,
    MAX_LATEX_LENGTH,
    _candidates,
    _check_threshold,
    _keywords,
    _Latex,
    _name,
    _Reference,
    _split_top,
    _wholly_braced,
)
from connectivism.imports._clean import Memo, clean_name

__all__ = [
    "read_bibtex",
    "read_ris",
    "DEFAULT_THRESHOLD",
    "MAX_ENTRIES",
    "MAX_BIBTEX_FIELDS",
    "MAX_LATEX_LENGTH",
    "MAX_LATEX_DEPTH",
]

#: Fewest entries an author or venue must appear in to become a candidate, unless the learner says otherwise.
DEFAULT_THRESHOLD = 2
#: Most entries (references) read from one file; a 5 MB library holds about 10,000.
MAX_ENTRIES = 20_000
#: Most ``=`` signs in a BibTeX file (fields, and ``=`` inside values): 12 per entry of a full library.
MAX_BIBTEX_FIELDS = 250_000

_PARSERS = ("bibtexparser", "pylatexenc")
_ENTRY_START = re.compile(r"@[ \t]*[A-Za-z]")
_RIS_START = re.compile(r"^TY  -", re.MULTILINE)
_RIS_KEPT = re.compile(r"^(?:TY|ER|AU|A1|JF|T2|JO|J2|JA|BT|KW)  -.*$", re.MULTILINE)
_RIS_BOOKS = frozenset({"BOOK", "EBOOK", "EDBOOK", "CTLG"})


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Silence the parsers' per-entry log messages and warnings (they quote the file).

    Every logger of bibtexparser and pylatexenc is disabled while a file is
    read (a disabled parent does not stop its children's records, so each is
    disabled), and restored afterwards.
    """
    import bibtexparser  # noqa: F401 - imported first so that its loggers exist
    import pylatexenc.latex2text  # noqa: F401

    names = [name for name in list(logging.root.manager.loggerDict) if name.split(".")[0] in _PARSERS]
    loggers = [logging.getLogger(name) for name in (*_PARSERS, *names)]
    before = [logger.disabled for logger in loggers]
    for logger in loggers:
        logger.disabled = True
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, was in zip(loggers, before):
            logger.disabled = was


def _count_entries(text: str, pattern: re.Pattern[str], name: str) -> None:
    entries = 0
    for _ in pattern.finditer(text):
        entries += 1
        if entries > MAX_ENTRIES:
            raise FileTooLargeError(
                f"The file '{name}' holds more than {MAX_ENTRIES:,} references, so it was not read: "
                "export a smaller collection (a folder or a tag) from your reference manager.",
                field="entries",
                value=entries,
            )


# --------------------------------------------------------------------- BibTeX


def _field_text(value: object, strings: dict[str, str]) -> str:
    """A BibTeX field's text: enclosing braces or quotes removed, an ``@string`` name expanded."""
    if not isinstance(value, str):
        return ""
    value = value.strip()
    if len(value) >= 2 and ((value[0] == "{" and value[-1] == "}") or (value[0] == '"' and value[-1] == '"')):
        return value[1:-1]
    return strings.get(value.casefold(), value)


def read_bibtex(source: Source, *, threshold: int = DEFAULT_THRESHOLD, name: str = "references.bib") -> Candidates:
    """Read a BibTeX library into candidates: the authors cited most, and their journals.

    Parameters
    ----------
    source : str, os.PathLike, bytes-like or binary file object
        The file, as the readers of :mod:`connectivism.formats` take it.
    threshold : int, optional
        The fewest entries an author, organisation or venue must appear in to
        become a candidate (:data:`DEFAULT_THRESHOLD`).
    name : str, optional
        The file's name in messages when `source` has none.

    Returns
    -------
    Candidates
        People ("Authors you cite"), communities ("Organisations you cite")
        and resources ("Journals and venues"), in order of first appearance;
        ``source`` is ``"bibtex"``.

    Raises
    ------
    InvalidFieldError
        If `threshold` is not a whole number of at least 1.
    FileTooLargeError
        If the file is larger than 5 MB, holds more than :data:`MAX_ENTRIES`
        entries or more than :data:`MAX_BIBTEX_FIELDS` ``=`` signs.
    EncodingError
        If the file is not UTF-8 text.
    MalformedFileError
        If no entry in the file can be read.

    Examples
    --------
    >>> found = read_bibtex(b"@book{who, author = {{World Health Organization}}, title = {Report}}", threshold=1)
    >>> [(c.name, c.kind, c.group) for c in found.candidates]
    [('World Health Organization', 'community', 'Organisations you cite')]
    """
    threshold = _check_threshold(threshold)
    data, name = read_source(source, name=name)
    text = decode_text(data, name)
    _count_entries(text, _ENTRY_START, name)
    fields = text.count("=")
    if fields > MAX_BIBTEX_FIELDS:
        raise FileTooLargeError(
            f"The file '{name}' has more than {MAX_BIBTEX_FIELDS:,} fields, more than a library of "
            f"{MAX_ENTRIES:,} references holds, so it was not read: export a smaller collection.",
            field="fields",
            value=fields,
        )
    import bibtexparser

    with _quiet():
        try:
            library = bibtexparser.parse_string(text, parse_stack=[])
        except Exception:  # the parser's own errors on hostile text; nothing of it is shown
            raise MalformedFileError(
                f"The file '{name}' could not be read as BibTeX: it may be damaged, or another kind of file.",
                field="bibtex",
            ) from None
        strings = {}
        for string in library.strings:
            if isinstance(string.key, str):
                strings[string.key.casefold()] = _field_text(string.value, {})
        latex = _Latex()
        venues = Memo(lambda text: clean_name(latex(text), private=True))
        keywords = Memo(_keywords)
        references: list[_Reference] = []
        others = 0
        for entry in library.entries:
            values = {}
            for item in entry.fields:
                if isinstance(item.key, str):
                    values.setdefault(item.key.casefold(), item.value)
            reference = _Reference()
            authors = " ".join(_field_text(values.get("author"), strings).split())
            for raw in _split_top(authors, _BRACE_OR_AND, "and") if authors else ():
                if raw.casefold() == "others":
                    others += 1
                elif _wholly_braced(raw):
                    organisation = clean_name(latex(raw[1:-1]), private=True)
                    if organisation:
                        reference.organisations.append(organisation)
                else:
                    person = _name(raw, latex)
                    if person is not None:
                        reference.people.append(person)
            for key in ("journal", "journaltitle", "booktitle"):
                venue = venues[" ".join(_field_text(values.get(key), strings).split())]
                if venue:
                    reference.venue = venue
                    break
            reference.keywords = keywords[_field_text(values.get("keywords"), strings)]
            references.append(reference)
    failed = len(library.failed_blocks)
    if not references:
        raise MalformedFileError(
            f"The file '{name}' holds no BibTeX entry that could be read (an entry starts like "
            "'@article{key, author = {...}, ...}'): check that you exported BibTeX.",
            field="bibtex",
        )
    notices: list[str] = []
    if failed:
        notices.append(messages.text("import.notice.failed_blocks", count=failed))
    if others:
        notices.append(messages.text("import.notice.and_others", count=others))
    return _candidates("bibtex", references, threshold, notices)


# --------------------------------------------------------------------- RIS


def _ris_references(records: list[dict]) -> list[_Reference]:
    """What each RIS record (as rispy gives it) says that the import uses."""
    latex = _Latex()
    venues = Memo(lambda text: clean_name(latex(text), private=True))
    keyword_lists = Memo(_keywords)
    references: list[_Reference] = []
    for record in records:
        reference = _Reference()
        for raw in list(record.get("authors", [])) + list(record.get("first_authors", [])):
            if not isinstance(raw, str) or raw.strip().casefold() in ("et al.", "et al", "others"):
                continue
            person = _name(" ".join(raw.split()), latex)
            if person is not None:
                reference.people.append(person)
        kind = str(record.get("type_of_reference", "")).strip().upper()
        unknown = record.get("unknown_tag") or {}
        candidates = [
            record.get("alternate_title3"),  # JF
            None if kind in _RIS_BOOKS else record.get("secondary_title"),  # T2
            record.get("journal_name"),  # JO
            record.get("alternate_title1"),  # J2
            record.get("alternate_title2"),  # JA
            (unknown.get("BT") or [None])[0] if isinstance(unknown, dict) else None,
        ]
        for venue in candidates:
            if isinstance(venue, str):
                venue = venues[venue]
                if venue:
                    reference.venue = venue
                    break
        keywords = record.get("keywords", [])
        reference.keywords = keyword_lists[";".join(k for k in keywords if isinstance(k, str))]
        references.append(reference)
    return references


def read_ris(source: Source, *, threshold: int = DEFAULT_THRESHOLD, name: str = "references.ris") -> Candidates:
    """Read an RIS library into candidates: the authors cited most, and their journals.

    Parameters
    ----------
    source : str, os.PathLike, bytes-like or binary file object
        The file, as the readers of :mod:`connectivism.formats` take it.
    threshold : int, optional
        The fewest references an author or venue must appear in to become a
        candidate (:data:`DEFAULT_THRESHOLD`).
    name : str, optional
        The file's name in messages when `source` has none.

    Returns
    -------
    Candidates
        People ("Authors you cite") and resources ("Journals and venues"), in
        order of first appearance; ``source`` is ``"ris"``.

    Raises
    ------
    InvalidFieldError
        If `threshold` is not a whole number of at least 1.
    FileTooLargeError
        If the file is larger than 5 MB or holds more than :data:`MAX_ENTRIES`
        references.
    EncodingError
        If the file is not UTF-8 text.
    MalformedFileError
        If the file holds no RIS reference (``TY  -`` ... ``ER  -``).

    Examples
    --------
    >>> ris = b"TY  - JOUR\\nAU  - Siemens, George\\nT2  - IRRODL\\nER  - \\n"
    >>> [(c.name, c.kind) for c in read_ris(ris, threshold=1).candidates]
    [('George Siemens', 'person'), ('IRRODL', 'resource')]
    """
    threshold = _check_threshold(threshold)
    data, name = read_source(source, name=name)
    text = decode_text(data, name).replace("\r\n", "\n").replace("\r", "\n")
    _count_entries(text, _RIS_START, name)
    kept = "\n".join(match.group() for match in _RIS_KEPT.finditer(text))
    import rispy

    with _quiet():
        try:
            records = rispy.loads(kept)
        except Exception:  # the parser's own errors on hostile text; nothing of it is shown
            raise MalformedFileError(
                f"The file '{name}' could not be read as RIS: it may be damaged, or another kind of file.",
                field="ris",
            ) from None
    if not records:
        raise MalformedFileError(
            f"The file '{name}' holds no RIS reference (a reference starts with a line 'TY  - JOUR' "
            "and ends with 'ER  - '): check that you exported RIS.",
            field="ris",
        )
    with _quiet():
        references = _ris_references(records)
    return _candidates("ris", references, threshold, [])


READERS["bibtex"] = read_bibtex
READERS["ris"] = read_ris
