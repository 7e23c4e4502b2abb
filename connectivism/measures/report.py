"""Tables of measures, the Downes profile and suggestions, for notebooks and the built site.

Each function returns a :class:`Report`: an object that notebooks display as
an HTML table (``_repr_html_``) and that prints as plain text. Each measure's
value is written by the formatter registered for it in
:mod:`connectivism.measures.values`; values are rounded there and here, and
nowhere else; every word comes from :mod:`connectivism.messages` and every
name is HTML-escaped. The output depends only on the measures, so it
is identical on every run (notebook outputs are compared strictly).

Examples
--------
>>> from connectivism.examples import load_example
>>> from connectivism.measures import measure_all
>>> net = load_example("teacher")
>>> m = measure_all(net, as_of=net.metadata.as_of)
>>> print(measures_table(m, groups=["reach"]))
What Amira's network says, as of 1 October 2026
<BLANKLINE>
Reach · Principle 4: capacity to know more
  Reach: one step: 12 sources in 7 fields; two steps: 13 sources in 7 fields
  Out of reach: none
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from connectivism.measures import MEASURE_INFO, NetworkMeasures
from connectivism.measures.downes import PROPERTIES
from connectivism.measures.values import FORMATTERS, number
from connectivism.messages import format_date, join_names, text

__all__ = ["Report", "GROUPS", "measures_table", "profile_table", "suggestions_list"]

#: Groups of the measures table: group id → (principle numbers, measure ids).
GROUPS: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "diversity": ((1,), ("kinds", "fields", "homophily")),
    "reach": ((4,), ("reach", "unreachable")),
    "brokerage": ((6,), ("betweenness", "constraint", "effective_size", "cut_points", "bridges")),
    "nonhuman": ((3,), ("nonhuman",)),
    "currency": ((5, 7), ("tie_ages", "freshness", "stale")),
}

#: The two parts behind each Downes property, in order.
_PARTS = {
    "diversity": ("kind_spread", "field_spread"),
    "autonomy": ("self_direction", "independence"),
    "openness": ("newness", "outwardness"),
    "connectivity": ("cohesion", "reachability"),
}

_TABLE_STYLE = "border-collapse:collapse;margin:0.5em 0;"
_CELL = "text-align:left;vertical-align:top;padding:0.3em 0.6em;border-bottom:1px solid #ccc;"
_NOWRAP = "white-space:nowrap;"
_BAR = "display:inline-block;height:0.8em;background:#0072B2;margin-right:0.4em;vertical-align:middle;"
_BAR_SPACE = "display:inline-block;height:0.8em;border:1px solid #0072B2;box-sizing:border-box;vertical-align:middle;"


@dataclass(frozen=True)
class Report:
    """A table or list ready to show: HTML for notebooks, plain text for print.

    Attributes
    ----------
    html : str
        A self-contained HTML fragment (a ``<table>`` or a list in a ``<div>``).
    text : str
        The same content as plain text.

    Examples
    --------
    >>> r = Report("<p>x</p>", "x")
    >>> r._repr_html_(), str(r)
    ('<p>x</p>', 'x')
    """

    html: str
    text: str

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


# --- formatting ----------------------------------------------------------------


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _caption(key: str, m: NetworkMeasures, language: str | None) -> str:
    as_of = text("as_of", language, date=format_date(m.as_of, language))
    return text(key, language, me=m.me, as_of=as_of)


def _group_title(group: str, language: str | None) -> str:
    principles = GROUPS[group][0]
    labels = " · ".join(text(f"principle.{p}", language) for p in principles)
    return f"{text(f'report.group.{group}', language)} · {labels}"


def _row(measure: str, m: NetworkMeasures, language: str | None) -> tuple[str, str, str]:
    """(label, value, explanation) of one measure, as plain text."""
    info = MEASURE_INFO[measure]
    value, explain_fields = FORMATTERS[measure](m, language)
    return text(info.label, language), value, text(info.explanation, language, **explain_fields)


def _table(caption: str, head: Sequence[str], sections: list[tuple[str | None, list[Sequence[str]]]]) -> str:
    out = [
        f'<table class="kit-measures" style="{_TABLE_STYLE}">',
        f'<caption style="text-align:left;font-weight:bold;">{_e(caption)}</caption>',
        "<thead><tr>",
    ]
    out += [f'<th scope="col" style="{_CELL}">{_e(h)}</th>' for h in head]
    out.append("</tr></thead>")
    for title, rows in sections:
        out.append("<tbody>")
        if title is not None:
            out.append(f'<tr><th scope="colgroup" colspan="{len(head)}" style="{_CELL}">{_e(title)}</th></tr>')
        for row in rows:
            cells = [f'<th scope="row" style="{_CELL}font-weight:normal;">{_e(row[0])}</th>']
            cells += [f'<td style="{_CELL}">{cell}</td>' for cell in row[1:]]  # cells are HTML already
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</tbody>")
    out.append("</table>")
    return "\n".join(out)


def measures_table(
    measures: NetworkMeasures, groups: Iterable[str] | None = None, *, language: str | None = None
) -> Report:
    """Return the measures as a table: label, rounded value and plain-language meaning.

    Parameters
    ----------
    measures : NetworkMeasures
        From :func:`~connectivism.measures.measure_all`.
    groups : iterable of str, optional
        Which groups of :data:`GROUPS` to show, in that order; all if not given.
    language : str, optional
        Language of the texts.

    Returns
    -------
    Report
        HTML: a table with one section per group (titled with its principle);
        text: "label: value" lines under each group title.

    Raises
    ------
    KeyError
        If a group does not exist.

    Examples
    --------
    >>> from connectivism.network import LearningNetwork
    >>> from connectivism.measures import measure_all
    >>> m = measure_all(LearningNetwork("Me"), as_of="2026-10-01")
    >>> print(measures_table(m, groups=["currency"]))
    What Me's network says, as of 1 October 2026
    <BLANKLINE>
    Currency · Principle 5: nurturing connections · Principle 7: currency
      Days since last contact: not enough data
      Freshness: not enough data
      Ties gone quiet: none
    """
    chosen = list(GROUPS) if groups is None else list(groups)
    for group in chosen:
        if group not in GROUPS:
            raise KeyError(f"no group {group!r}; choose from {', '.join(GROUPS)}")
    caption = _caption("report.caption", measures, language)
    sections = []
    lines = [caption]
    for group in chosen:
        rows = [_row(measure, measures, language) for measure in GROUPS[group][1]]
        title = _group_title(group, language)
        sections.append((title, [(label, _e(value), _e(explain)) for label, value, explain in rows]))
        lines += ["", title] + [f"  {label}: {value}" for label, value, _ in rows]
    head = [text(f"report.column.{c}", language) for c in ("measure", "value", "meaning")]
    return Report(_table(caption, head, sections), "\n".join(lines))


def _bar_html(value: float | None) -> str:
    if value is None:
        return ""
    width = round(value * 100)
    return (
        f'<span aria-hidden="true" style="{_BAR}width:{width}px;"></span>'
        f'<span aria-hidden="true" style="{_BAR_SPACE}width:{100 - width}px;margin-left:-0.4em;"></span>'
    )


def _bar_text(value: float | None) -> str:
    if value is None:
        return " " * 10
    filled = round(value * 10)
    return "█" * filled + "░" * (10 - filled)


def profile_table(measures: NetworkMeasures, *, language: str | None = None) -> Report:
    """Return Downes' four properties as a table with a bar, the parts and their meaning.

    Parameters
    ----------
    measures : NetworkMeasures
        From :func:`~connectivism.measures.measure_all`.
    language : str, optional
        Language of the texts.

    Returns
    -------
    Report
        One row per property: label, score (two decimals and a bar 0–1; the
        bar is decorative, the number carries the value), the two parts, and
        the explanation; a note that these are the kit's proposals.

    Examples
    --------
    >>> from connectivism.examples import load_example
    >>> from connectivism.measures import measure_all
    >>> net = load_example("teacher")
    >>> print(profile_table(measure_all(net, as_of=net.metadata.as_of)))
    Downes' four properties for Amira, as of 1 October 2026
    <BLANKLINE>
      Diversity     0.84 ████████░░  mix of kinds 0.96 and mix of fields 0.72
      Autonomy      0.83 ████████░░  ties you started 0.73 and independence 0.92
      Openness      0.42 ████░░░░░░  new this year 0.00 and outside your field 0.83
      Connectivity  0.96 ██████████  contacts linked 0.92 and reachable 1.00
    <BLANKLINE>
    These four scores are the kit's own way of reading Downes' properties off one network, not Downes' definitions.
    """
    profile = measures.downes
    caption = _caption("report.profile_caption", measures, language)
    rows = []
    lines = [caption, ""]
    for prop in PROPERTIES:
        value = getattr(profile, prop)
        label = text(f"measure.downes.{prop}.label", language)
        parts = join_names(
            [
                text(
                    "report.part",
                    language,
                    label=text(f"part.{p}", language),
                    value=number(getattr(profile, p), language=language),
                )
                for p in _PARTS[prop]
            ],
            language,
        )
        score = number(value, language=language)
        rows.append(
            (
                label,
                f'<span style="{_NOWRAP}">{_bar_html(value)}{_e(score)}</span>',
                _e(parts),
                _e(text(f"measure.downes.{prop}.explain", language)),
            )
        )
        lines.append(f"  {label:<13} {score:>4} {_bar_text(value)}  {parts}")
    note = text("report.profile_note", language)
    lines += ["", note]
    head = [text(f"report.column.{c}", language) for c in ("property", "score", "parts", "meaning")]
    table = _table(caption, head, [(None, rows)])
    return Report(f'<div class="kit-profile">{table}\n<p><em>{_e(note)}</em></p></div>', "\n".join(lines))


def suggestions_list(suggestions, measures: NetworkMeasures | None = None, *, language: str | None = None) -> Report:
    """Return suggestions as a numbered list, each with its principle.

    Parameters
    ----------
    suggestions : list of Suggestion
        From :func:`connectivism.suggestions.suggest`.
    measures : NetworkMeasures, optional
        If given, a caption names the learner and the date.
    language : str, optional
        Language of the texts.

    Returns
    -------
    Report
        HTML: an ordered list, the principle in bold before each suggestion;
        text: numbered paragraphs. With no suggestions, a sentence saying so.

    Examples
    --------
    >>> from connectivism.network import LearningNetwork
    >>> from connectivism.suggestions import suggest
    >>> print(suggestions_list(suggest(LearningNetwork("Me"), as_of="2026-10-01")))  # doctest: +NORMALIZE_WHITESPACE
    1. Principle 2: connecting specialised sources
       Your network has no ties yet. Start with one: a colleague you asked something this month, a community
       you read, or a resource you keep going back to. Add it and connect it to yourself; everything else
       grows from there.
    """
    lines: list[str] = []
    parts: list[str] = ['<div class="kit-suggestions">']
    if measures is not None:
        caption = _caption("report.suggestions_caption", measures, language)
        lines += [caption, ""]
        parts.append(f"<p><strong>{_e(caption)}</strong></p>")
    if not suggestions:
        none = text("report.no_suggestions", language)
        lines.append(none)
        parts.append(f"<p>{_e(none)}</p>")
    else:
        parts.append("<ol>")
        for i, s in enumerate(suggestions, 1):
            lines += [f"{i}. {s.principle}", f"   {s.text}"]
            parts.append(f"<li><strong>{_e(s.principle)}.</strong> {_e(s.text)}</li>")
        parts.append("</ol>")
    parts.append("</div>")
    return Report("\n".join(parts), "\n".join(lines))
