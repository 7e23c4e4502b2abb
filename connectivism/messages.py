"""The catalogue of learner-facing text: one mechanism, one language setting, for translation.

Texts live in tables, one per language, keyed by a message id
(``"measure.homophily.label"``, ``"suggest.stale.many"`` ...). Templates use
``str.format`` fields in braces; :func:`text` fills them in. To add a
language, copy each ``"en"`` table, translate the values (keep the keys and
the ``{fields}``), and pass ``language="xx"`` or set :data:`LANGUAGE`, which
every catalogue follows.

The catalogue has parts, each a :class:`Catalogue` registered here with
:func:`register` and served by the same code:

* this module's :data:`MESSAGES`: the measures, the reports and the
  suggestions (:func:`text`);
* ``"selfcheck"`` in :mod:`connectivism.selfcheck.messages`: the exercises'
  self-checks;
* ``"widgets"`` in :mod:`connectivism.widgets.messages`: the builder, the
  kind filter and the model explorers (labels, tooltips, messages, undo
  labels).

Code never builds learner-facing sentences itself: it picks a key and passes
values (names, numbers, dates already formatted with :func:`format_date`,
lists joined with :func:`join_names`). ``tests/test_catalogue.py`` fails if a
sentence is written outside a catalogue module.

What is translatable: every value of these tables. What is not (yet), and
why (``tests/test_catalogue.py`` lists the same modules as not scanned):

* the messages of the package's errors (:mod:`connectivism.errors`), raised
  by the model (:mod:`connectivism.network`), the formats and the measures,
  and the import notices about a file: they name the value and the fix, are
  written where the check is, and are shown as they are;
* each model's :meth:`~connectivism.models.base.Model.summary`, its charts'
  titles, axis labels and alt texts, its parameter labels and its
  ``challenge``: they stay beside the model's figures in
  :mod:`connectivism.models` (one module per model);
* the drawings' titles, hover texts and text descriptions
  (:mod:`connectivism.render`), like the models' alt texts;
* the autosave's notices (:mod:`connectivism.session`), the next to move
  here;
* the facilitator's command line and class report
  (:mod:`connectivism.facilitator`), which are for teachers, in English;
* data that happens to be English: the example networks' descriptions
  (:mod:`connectivism.examples`), the title of an anonymised copy
  (:mod:`connectivism.privacy`), and the self-checks' status ids
  (``"good"`` ...), which are shown through the catalogue.

Why this module is long: its English table is some 230 lines of texts, kept
together so a translator has one file; the code is short.

Examples
--------
>>> text("principle.5")
'Principle 5: nurturing connections'
>>> text("as_of", date=format_date(datetime.date(2026, 10, 1)))
'as of 1 October 2026'
>>> join_names(["Ada", "Bo", "Cy"])
'Ada, Bo and Cy'
"""

from __future__ import annotations

import datetime
import string
from collections.abc import Iterable

__all__ = [
    "LANGUAGE",
    "MESSAGES",
    "CATALOGUES",
    "Catalogue",
    "register",
    "text",
    "format_date",
    "join_names",
    "fields_of",
]

#: The language used when none is given.
LANGUAGE = "en"

_EN: dict[str, str] = {
    # --- general ---------------------------------------------------------------
    "as_of": "as of {date}",
    "date": "{day} {month} {year}",
    "month.1": "January",
    "month.2": "February",
    "month.3": "March",
    "month.4": "April",
    "month.5": "May",
    "month.6": "June",
    "month.7": "July",
    "month.8": "August",
    "month.9": "September",
    "month.10": "October",
    "month.11": "November",
    "month.12": "December",
    "list.pair": "{first} and {last}",
    "list.separator": ", ",
    "list.last": "{rest} and {last}",
    "list.more": "{shown} and {count} more",
    "list.items": "; ",
    "none": "none",
    "not_available": "not enough data",
    "percent": "{value}%",
    "count.kind.person.one": "{n} person",
    "count.kind.person.many": "{n} people",
    "count.kind.community.one": "{n} community",
    "count.kind.community.many": "{n} communities",
    "count.kind.resource.one": "{n} resource",
    "count.kind.resource.many": "{n} resources",
    "count.kind.tool.one": "{n} tool",
    "count.kind.tool.many": "{n} tools",
    # --- principles and properties -------------------------------------------------
    "principle.1": "Principle 1: diversity of opinions",
    "principle.2": "Principle 2: connecting specialised sources",
    "principle.3": "Principle 3: learning in non-human appliances",
    "principle.4": "Principle 4: capacity to know more",
    "principle.5": "Principle 5: nurturing connections",
    "principle.6": "Principle 6: seeing connections between fields",
    "principle.7": "Principle 7: currency",
    "principle.8": "Principle 8: decision-making as learning",
    "downes.diversity": "Downes: diversity",
    "downes.autonomy": "Downes: autonomy",
    "downes.openness": "Downes: openness",
    "downes.connectivity": "Downes: connectivity",
    # --- report layout -----------------------------------------------------------------
    "report.caption": "What {me}'s network says, {as_of}",
    "report.profile_caption": "Downes' four properties for {me}, {as_of}",
    "report.suggestions_caption": "Suggestions for {me}, {as_of}",
    "report.no_suggestions": "Nothing stands out: this network looks well balanced on every measure the kit checks.",
    "report.column.measure": "Measure",
    "report.column.value": "Value",
    "report.column.meaning": "What it means",
    "report.column.property": "Property",
    "report.column.score": "Score (0–1)",
    "report.column.parts": "Made of",
    "report.group.diversity": "Diversity",
    "report.group.reach": "Reach",
    "report.group.brokerage": "Brokerage",
    "report.group.nonhuman": "Non-human sources",
    "report.group.currency": "Currency",
    "report.part": "{label} {value}",
    "report.count_in": "{name} ({count})",
    "report.profile_note": (
        "These four scores are the kit's own way of reading Downes' properties off one network, "
        "not Downes' definitions."
    ),
    # --- measure labels and plain-language explanations ---------------------------------
    "measure.kinds.label": "Kinds of source",
    "measure.kinds.explain": (
        "Every node except you, whether you are tied to it directly or not. "
        "Entropy is 0 bits when all sources are of one kind and 2 bits when the four kinds are equally common; "
        "Blau's index is the chance that two sources picked at random are of different kinds."
    ),
    "measure.kinds.value": "{counts}; entropy {entropy} of at most {most} bits, Blau {blau}",
    "measure.fields.label": "Fields",
    "measure.fields.explain": (
        "The topics of your sources. The more fields, and the more evenly your sources are spread over them, "
        "the higher the entropy; the most possible is every source in a field of its own."
    ),
    "measure.fields.value": (
        "{count} fields among {total} sources; most common: {top}; entropy {entropy} of at most {most} bits, "
        "Blau {blau}"
    ),
    "measure.homophily.label": "Ties in your own field",
    "measure.homophily.explain": (
        "The share of your direct contacts whose topic is your own ({field}). "
        "Sources in your field speak your language; sources outside it bring what your field does not know yet."
    ),
    "measure.homophily.value": "{percent} ({same} of {compared} contacts{names})",
    "measure.homophily.names": ": {names}",
    "measure.reach.label": "Reach",
    "measure.reach.explain": (
        "What you can get to: your direct contacts (one step), and whom they connect you to (two steps). "
        "Reach is your capacity to know more, whatever you know today."
    ),
    "measure.reach.value": "one step: {n1} sources in {t1} fields; two steps: {n2} sources in {t2} fields",
    "measure.unreachable.label": "Out of reach",
    "measure.unreachable.explain": "Sources in your network that no chain of ties connects to you.",
    "measure.betweenness.label": "Betweenness",
    "measure.betweenness.explain": (
        "The share of pairs of your sources whose shortest link runs through you. "
        "Near 1: you are the meeting point of sources that do not meet otherwise, a broker between them."
    ),
    "measure.constraint.label": "Constraint",
    "measure.constraint.explain": (
        "How much your attention is locked into a few contacts who are tied to one another (Burt). "
        "Low values mean many independent contacts; values near 1, one tight circle."
    ),
    "measure.effective_size.label": "Effective size",
    "measure.effective_size.explain": (
        "Your contacts minus their overlap: contacts who know each other partly repeat each other."
    ),
    "measure.effective_size.value": "{value} of {contacts} contacts ({among} ties among them)",
    "measure.cut_points.label": "Only routes",
    "measure.cut_points.explain": (
        "Contacts who are your only route to other sources: if you lost touch with them, you would lose those "
        "sources too, and any field named here with them."
    ),
    "measure.cut_points.item": "{node} → {cut_off}",
    "measure.cut_points.item_topics": "{node} → {cut_off} (your only way into {topics})",
    "measure.bridges.label": "Bridge ties",
    "measure.bridges.explain": (
        "Ties whose loss would cut you off from some sources. A tie to a source with no other ties "
        "is always one; a bridge to several sources matters more."
    ),
    "measure.bridges.value": "{count} ({items})",
    "measure.bridges.item": "{near}–{far}",
    "measure.nonhuman.label": "Non-human sources",
    "measure.nonhuman.explain": (
        "Resources and tools: their share among your sources, and their share of the strength of your own ties "
        "(how much of your attention goes to them)."
    ),
    "measure.nonhuman.value": "{nodes} of sources ({count} of {total}); {strength} of your tie strength",
    "measure.tie_ages.label": "Days since last contact",
    "measure.tie_ages.explain": "Counted from the date the network describes, on your own ties with a recorded date.",
    "measure.tie_ages.value": "median {median} days; longest {oldest} days ({name})",
    "measure.freshness.label": "Freshness",
    "measure.freshness.explain": (
        "1 if you were in touch with every source on the day; a tie counts half after {half_life} days, "
        "a quarter after twice that. Stronger ties weigh more."
    ),
    "measure.stale.label": "Ties gone quiet",
    "measure.stale.explain": "Your ties with no contact for more than {limit} days, longest first.",
    "measure.stale.item": "{name} ({days} days)",
    "measure.downes.diversity.label": "Diversity",
    "measure.downes.diversity.explain": (
        "How varied your sources are: the mix of kinds and the mix of fields, each compared with the most "
        "varied mix possible for this many sources."
    ),
    "measure.downes.autonomy.label": "Autonomy",
    "measure.downes.autonomy.explain": (
        "How much the network is your own: the ties you started (alone or together), and how little of it hangs "
        "on a single other person or source."
    ),
    "measure.downes.openness.label": "Openness",
    "measure.downes.openness.explain": (
        "How open the network is to what is new and different: ties begun in the last year, and ties "
        "outside your own field."
    ),
    "measure.downes.connectivity.label": "Connectivity",
    "measure.downes.connectivity.explain": (
        "How connected your sources are: contacts tied to another of your contacts, and the share of the "
        "network you can reach at all."
    ),
    "part.kind_spread": "mix of kinds",
    "part.field_spread": "mix of fields",
    "part.self_direction": "ties you started",
    "part.independence": "independence",
    "part.newness": "new this year",
    "part.outwardness": "outside your field",
    "part.cohesion": "contacts linked",
    "part.reachability": "reachable",
    # --- suggestions --------------------------------------------------------------------
    "suggest.no_ties": (
        "Your network has no ties yet. Start with one: a colleague you asked something this month, a "
        "community you read, or a resource you keep going back to. Add it and connect it to yourself; "
        "everything else grows from there."
    ),
    "suggest.unreachable": (
        "Some sources in your network have no path to you: {names}. If you learn from them, add a tie, "
        "even a weak one, so that they count in your reach."
    ),
    "suggest.stale.one": (
        "You have not been in touch with {first} for {days} days. Ties fade without a little care, and it "
        "rarely takes much: a short message, a question, or something you read and thought they would like."
    ),
    "suggest.stale.many": (
        "You have not been in touch with {names} for more than {limit} days. Ties fade without a little "
        "care, and it rarely takes much: a short message, a question, or something you read and thought they "
        "would like. Start with {first}, the strongest of these ties ({days} days since your last contact)."
    ),
    "suggest.only_route.topics": (
        "{node} is your only way into {topics}: everything you reach there ({cut_off}) comes to you through "
        "this one contact. That makes the tie precious, and also a single thread. Find a second way in: a tie "
        "of your own to {first}, or another person or community working on {topics}."
    ),
    "suggest.only_route": (
        "You reach {cut_off} only through {node}. If that tie went quiet, you would lose this part of your "
        "network too. A tie of your own to {first}, or a second contact who can lead you there, would make "
        "it sturdier."
    ),
    "suggest.own_field": (
        "{percent} of your contacts are in your own field, {field}: {names}. They share your language, and "
        "often your blind spots. Add one community or resource from outside {field}: a neighbouring subject, "
        "a field your learners come from, or one your colleagues rarely read."
    ),
    "suggest.no_nonhuman": (
        "All your sources are people and communities. Some learning lives in things that keep working when "
        "nobody writes to you: add a resource or a tool, such as a feed of a few good blogs, a journal's "
        "alerts or a database in your field."
    ),
    "suggest.no_new_ties": (
        "Your newest tie, {node}, dates from {date}: no new source has joined your network for more than a "
        "year. A network that stops growing slowly narrows what you see. This term, try one new source you "
        "would not usually pick, and give it a few weeks."
    ),
    "suggest.others_started": (
        "Most of your ties were started by others ({names}). Ties that come with the job are a good "
        "foundation. Now pick one question you want to pursue for yourself, and seek out a person or "
        "community for it."
    ),
    "suggest.introduce": (
        "{first} and {second} both deal with {topic} but have no tie to each other. Connecting them, even "
        "just by passing on what one said to the other, lets ideas flow between them without everything "
        "going through you."
    ),
    # --- imports from other tools (connectivism.imports): notices about a file ------------
    "import.notice.repeated": "Entries that repeat a name read before, merged into it: {count}.",
    "import.notice.unnamed": "Entries without a name, skipped: {count}.",
    "import.notice.cleaned": (
        "Names, groups, topics or tags cleaned to what a network accepts (invisible or control characters "
        "removed, text too long cut with “…”, addresses left out): {count}."
    ),
    "import.notice.left_out": "The file holds more than {most} candidates; the rest were left out: {count}.",
    "import.notice.skipped_ties": "Ties skipped (to a node that is not a candidate, or to itself): {count}.",
    "import.notice.not_feeds": "Outlines that are neither a feed nor a folder, skipped: {count}.",
    "import.notice.not_accounts": "Rows that do not start with an account address (user@server), skipped: {count}.",
    "import.notice.not_sites": (
        "Bookmarks that are not web pages (bookmarklets, files, the browser's own pages), skipped: {count}."
    ),
    "import.notice.hyperedges": "Hyperedges skipped (a tie joins two nodes): {count}.",
    "import.group.servers": "Servers",
    "import.group.authors": "Authors you cite",
    "import.group.organisations": "Organisations you cite",
    "import.group.venues": "Journals and venues",
    "import.group.connected": "Connected in {year}",
    "import.group.not_dated": "Connection date not given",
    "import.notice.no_addresses": "E-mail addresses and profile addresses in the file were not read.",
    "import.notice.no_links": "Addresses (url, doi) in the file were not read.",
    "import.notice.undated": "{count} connection date(s) could not be read and were left empty.",
    "import.notice.below_threshold": (
        "{count} author(s), organisation(s) or venue(s) appear in fewer than {threshold} entries and were "
        "left out: lower the threshold to see them."
    ),
    "import.notice.failed_blocks": "{count} part(s) of the file could not be read as BibTeX entries and were skipped.",
    "import.notice.and_others": "Entries whose authors end with 'and others': {count} (those authors are unknown).",
}

#: Message tables by language code. Every language has the same keys as "en".
MESSAGES: dict[str, dict[str, str]] = {"en": _EN}

_FORMATTER = string.Formatter()


def fields_of(template: str) -> set[str]:
    """Return the ``{field}`` names a template uses.

    Examples
    --------
    >>> sorted(fields_of("{a} and {b}, {a}"))
    ['a', 'b']
    """
    return {name for _, name, _, _ in _FORMATTER.parse(template) if name}


def text(key: str, language: str | None = None, **fields: object) -> str:
    """Return the message `key` in `language`, with `fields` filled in.

    Parameters
    ----------
    key : str
        A key of :data:`MESSAGES`, such as ``"principle.1"``.
    language : str, optional
        A language code of :data:`MESSAGES`; :data:`LANGUAGE` if not given.
    **fields
        Values for the template's ``{fields}``; values are inserted with
        ``str()``, so format numbers and dates before passing them.

    Returns
    -------
    str
        The filled-in text.

    Raises
    ------
    KeyError
        If the language or the key does not exist, or a field the template
        uses is not given (the message names it).

    Examples
    --------
    >>> text("suggest.introduce", first="Ada", second="Bo", topic="maths")[:47]
    'Ada and Bo both deal with maths but have no tie'
    >>> text("nope")
    Traceback (most recent call last):
    ...
    KeyError: "no message 'nope' in language 'en'"
    """
    return _fill(MESSAGES, "", key, language, fields)


def _fill(tables: dict[str, dict[str, str]], part: str, key: str, language: str | None, fields: dict) -> str:
    """The one implementation behind :func:`text` and :meth:`Catalogue.text`."""
    lang = LANGUAGE if language is None else language
    where = f" of the {part!r} catalogue" if part else ""
    table = tables.get(lang)
    if table is None:
        raise KeyError(f"no messages{where} in language {lang!r}; available: {', '.join(tables)}")
    if key not in table:
        raise KeyError(f"no message {key!r}{where} in language {lang!r}")
    template = table[key]
    missing = fields_of(template) - set(fields)
    if missing:
        raise KeyError(f"message {key!r}{where} needs the field(s) {', '.join(sorted(missing))}")
    return template.format(**fields)


class Catalogue:
    """A part of the catalogue: its tables by language, served by the same code as :func:`text`.

    Make one with :func:`register`, which lists it in :data:`CATALOGUES`.

    Parameters
    ----------
    name : str
        The part's name, such as ``"selfcheck"``.
    messages : dict of str to dict of str to str
        Language code → message id → template, like :data:`MESSAGES`.

    Examples
    --------
    >>> demo = Catalogue("demo", {"en": {"hello": "Hello, {name}."}})
    >>> demo.text("hello", name="Ada")
    'Hello, Ada.'
    >>> demo.text("bye")
    Traceback (most recent call last):
    ...
    KeyError: "no message 'bye' of the 'demo' catalogue in language 'en'"
    """

    def __init__(self, name: str, messages: dict[str, dict[str, str]]) -> None:
        self.name = name
        self.messages = messages

    def __repr__(self) -> str:
        return f"Catalogue({self.name!r}, languages={sorted(self.messages)})"

    def text(self, key: str, language: str | None = None, **fields: object) -> str:
        """Return the message `key` of this part, as :func:`text` does (same language setting)."""
        return _fill(self.messages, self.name, key, language, fields)


#: Every part of the catalogue by name, this module's :data:`MESSAGES` as ``"measures"``.
CATALOGUES: dict[str, Catalogue] = {}


def register(name: str, messages: dict[str, dict[str, str]]) -> Catalogue:
    """Add a part to the catalogue and return it; its module keeps the tables.

    Raises
    ------
    ValueError
        If another part already has this name.

    Examples
    --------
    >>> sorted(CATALOGUES)[:1]
    ['measures']
    >>> register("measures", {"en": {}})
    Traceback (most recent call last):
    ...
    ValueError: the catalogue already has a part named 'measures'
    """
    known = CATALOGUES.get(name)
    if known is not None and known.messages is not messages:
        raise ValueError(f"the catalogue already has a part named {name!r}")
    CATALOGUES[name] = Catalogue(name, messages)
    return CATALOGUES[name]


register("measures", MESSAGES)


def format_date(date: datetime.date, language: str | None = None) -> str:
    """Return a date written out for learners, such as "1 October 2026".

    Examples
    --------
    >>> format_date(datetime.date(2026, 3, 9))
    '9 March 2026'
    """
    return text("date", language, day=date.day, month=text(f"month.{date.month}", language), year=date.year)


def join_names(names: Iterable[str], language: str | None = None, *, limit: int | None = None) -> str:
    """Join names into a list for a sentence: "A, B and C".

    Parameters
    ----------
    names : iterable of str
        The names, in the order to show.
    language : str, optional
        As :func:`text`.
    limit : int, optional
        Show at most this many names, then "and N more".

    Returns
    -------
    str
        The joined names; "" for no names.

    Examples
    --------
    >>> join_names(["Ada"]), join_names(["Ada", "Bo"])
    ('Ada', 'Ada and Bo')
    >>> join_names(["Ada", "Bo", "Cy", "Di"], limit=2)
    'Ada, Bo and 2 more'
    >>> join_names([])
    ''
    """
    items = [str(n) for n in names]
    if limit is not None and len(items) > limit:
        shown = text("list.separator", language).join(items[:limit])
        return text("list.more", language, shown=shown, count=len(items) - limit)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return text("list.pair", language, first=items[0], last=items[1])
    rest = text("list.separator", language).join(items[:-1])
    return text("list.last", language, rest=rest, last=items[-1])
