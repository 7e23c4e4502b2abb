"""Sphinx extension: distinct author-year labels for same-author, same-year works.

sphinxcontrib-bibtex's ``author_year`` referencing style renders a citation
from the entry's author and ``year`` field only, so two works by Siemens from
2005 both render as "Siemens, 2005" and a reader cannot tell which is meant.
This extension gives such works the usual suffixes (2005a, 2005b) in the
parsed bibliography data, once the bibliography files are loaded, so that
in-text citations and the bibliography page agree.  ``references.bib``
itself keeps the plain year.

Works are grouped as an author-year citation shows them: by the authors'
last names (the first author and "et al." for three or more) and the year.
Within a group, suffixes follow the titles' alphabetical order (APA style),
ignoring a leading article.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from string import ascii_lowercase

__all__ = ["year_labels", "apply_year_labels"]

_YEAR = re.compile(r"^(\d{4})[a-z]?$")
_ARTICLE = re.compile(r"^(a|an|the)\s+", re.IGNORECASE)
_LATEX = re.compile(r"[{}\\`'\"^~]")


def _base_year(entry) -> str:
    year = str(entry.fields.get("year", "")).strip()
    match = _YEAR.match(year)
    return match.group(1) if match else year


def _author_label(entry) -> tuple:
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    names = tuple(" ".join(p.last_names) for p in persons)
    if len(names) > 2:
        names = (names[0], "et al.")
    if not names:
        names = (str(entry.fields.get("title", "")),)
    return names


def _title_key(entry) -> str:
    title = _LATEX.sub("", str(entry.fields.get("title", ""))).strip().lower()
    return _ARTICLE.sub("", title)


def year_labels(entries: Mapping[str, object]) -> dict[str, str]:
    """Return the year label each entry should render with.

    Parameters
    ----------
    entries : mapping
        pybtex entries by key (``BibliographyData.entries``).

    Returns
    -------
    dict
        ``{key: label}`` for every entry with a year: the plain year, or the
        year with a letter when the same authors have more than one work
        that year.

    Examples
    --------
    >>> from pybtex.database import Entry, Person
    >>> a = Entry("misc", fields={"title": "B", "year": "2005"}, persons={"author": [Person("Siemens, George")]})
    >>> b = Entry("misc", fields={"title": "A", "year": "2005"}, persons={"author": [Person("Siemens, George")]})
    >>> sorted(year_labels({"x": a, "y": b}).items())
    [('x', '2005b'), ('y', '2005a')]
    """
    groups = defaultdict(list)
    labels = {}
    for key, entry in entries.items():
        year = _base_year(entry)
        if not year:
            continue
        labels[key] = year
        groups[(_author_label(entry), year)].append(key)
    for (_, year), keys in groups.items():
        if len(keys) < 2:
            continue
        ordered = sorted(keys, key=lambda k: (_title_key(entries[k]), k))
        for letter, key in zip(ascii_lowercase, ordered):
            labels[key] = year + letter
    return labels


def apply_year_labels(entries) -> None:
    """Set each entry's ``year`` field to its label (idempotent)."""
    for key, label in year_labels(entries).items():
        entries[key].fields["year"] = label


def _builder_inited(app) -> None:
    domain = app.env.get_domain("cite")
    apply_year_labels(domain.bibdata.data.entries)


def remember_plaintext_backend() -> None:
    """Register pybtex's plain-text backend as a run-time plugin, so finding it costs nothing.

    sphinxcontrib-bibtex looks up ``pybtex.backends`` / ``plaintext`` once per
    citation it resolves; each lookup scans the entry points of every
    installed package (about 6 ms), some 2.5 s of a site build. Registered
    under its own name, the same class is found in pybtex's run-time table
    first.

    Examples
    --------
    >>> import pybtex.plugin
    >>> before = pybtex.plugin.find_plugin("pybtex.backends", "plaintext")
    >>> remember_plaintext_backend()
    >>> pybtex.plugin.find_plugin("pybtex.backends", "plaintext") is before
    True
    """
    import pybtex.plugin

    group, name = "pybtex.backends", "plaintext"
    pybtex.plugin.register_plugin(group, name, pybtex.plugin.find_plugin(group, name), force=True)


def setup(app):
    remember_plaintext_backend()
    # after sphinxcontrib-bibtex has loaded the .bib files (priority 500)
    app.connect("builder-inited", _builder_inited, priority=800)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
