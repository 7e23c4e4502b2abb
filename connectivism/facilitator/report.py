"""The class network as one self-contained, offline HTML report, made to be projected.

:func:`report_html` returns a complete page: in-line CSS, no outside files or
requests (the drawing's frame in-lines vis-network), and a Content Security
Policy that forbids the page and its frame to fetch anything. Every name,
topic and reason is escaped text: a label such as ``<script>...`` is shown,
never run. :func:`report_fragment` returns the same sections without the page
around them, for a notebook.

The drawing shows the **class core**: every learner and everything two or more
learners named. When the core has more than ``draw_limit`` nodes, the
drawing keeps the ones that connect the most (highest betweenness, then named
by the most learners) and says so; the full network is in the JSON and
GraphML files.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import networkx as nx

from connectivism.facilitator.measure import LEARNER_KIND, ordered_subgraph
from connectivism.facilitator.merge import ClassNetwork
from connectivism.measures.downes import PROPERTIES

__all__ = ["DRAW_LIMIT", "drawn_view", "report_fragment", "report_html"]

#: Most nodes drawn in the report's figure.
DRAW_LIMIT = 150

_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:; font-src data:; frame-src about: 'self'; base-uri 'none'; form-action 'none'"
)

_CSS = """
.kit-class-report{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:18px;line-height:1.5;\
color:#1a1a1a;max-width:1100px;margin:0 auto;padding:1rem}
.kit-class-report h1{font-size:2rem;margin:.2em 0}
.kit-class-report h2{font-size:1.4rem;margin-top:1.6em;border-bottom:2px solid #ddd}
.kit-class-report table{border-collapse:collapse;margin:.5em 0;font-size:.95rem}
.kit-class-report th,.kit-class-report td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
.kit-class-report th{background:#f3f3f3}
.kit-class-report td.num{text-align:right;font-variant-numeric:tabular-nums}
.kit-class-report .lead{font-size:1.15rem}
.kit-class-report .note{background:#fff8e1;border-left:4px solid #f0b400;padding:.5em 1em}
.kit-class-report .figures{display:flex;flex-wrap:wrap;gap:1em}
.kit-class-report .figure{border:1px solid #ccc;border-radius:6px;padding:.5em 1em;min-width:10em}
.kit-class-report .figure .value{display:block;font-size:1.8rem;font-weight:bold}
@media print{.kit-class-report{font-size:12pt}}
"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _table(head: Sequence[str], rows: Sequence[Sequence[object]], numeric: Sequence[int] = ()) -> str:
    out = ["<table><thead><tr>", "".join(f"<th scope='col'>{_e(h)}</th>" for h in head), "</tr></thead><tbody>"]
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            cls = " class='num'" if i in numeric else ""
            cells.append(f"<td{cls}>{_e(cell)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _num(value: float | None, places: int = 2) -> str:
    return "n/a" if value is None else f"{value:.{places}f}"


def drawn_view(cls: ClassNetwork, limit: int = DRAW_LIMIT) -> tuple[nx.Graph, str]:
    """The graph drawn in the report, and a sentence saying what it shows."""
    core = cls.core
    total = core.number_of_nodes()
    if total <= limit:
        view = core
        learners = sum(1 for _, d in core.nodes(data=True) if d["kind"] == LEARNER_KIND)
        note = (
            f"The drawing shows the class core: the {learners} learners and the {total - learners} things "
            "two or more of them named. What only one learner named is counted in the tables and kept in "
            "the JSON and GraphML files."
        )
    else:
        between = cls.betweenness
        ranked = sorted(core, key=lambda n: (-between.get(n, 0.0), -core.nodes[n]["count"], n.casefold()))
        view = ordered_subgraph(core, ranked[:limit])
        note = (
            f"The class core has {total} nodes, too many to read on a screen, so the drawing shows the "
            f"{view.number_of_nodes()} that connect the most (highest betweenness, then named by the most "
            "learners). The full network is in the JSON and GraphML files."
        )
    alone = [n for n in view if view.degree(n) == 0]
    if alone:
        view = ordered_subgraph(view, [n for n in view if view.degree(n)])
        lonely = [n for n in alone if core.nodes[n]["kind"] == LEARNER_KIND]
        if lonely and total <= limit:
            verb = (
                "share nothing with the others yet and are"
                if len(lonely) != 1
                else "shares nothing with the others yet and is"
            )
            note += (
                f" {len(lonely)} learner{'s' if len(lonely) != 1 else ''} {verb} left out of the drawing: "
                + ", ".join(lonely[:10])
                + (" …" if len(lonely) > 10 else "")
                + "."
            )
    # the renderer knows the kinds of one learner's map; learners are drawn as "other" nodes
    drawn = nx.Graph(title="Class network")
    for n, d in view.nodes(data=True):
        drawn.add_node(n, kind=d["kind"] if d["kind"] != LEARNER_KIND else "learner", topic=d["topic"])
    for a, b, d in view.edges(data=True):
        drawn.add_edge(a, b, strength=d["strength"])
    return drawn, note


def _sections(cls: ClassNetwork, *, title: str, draw_limit: int) -> str:
    from connectivism.render import draw

    g = cls.graph
    n_learners = len(cls.learners)
    n_things = sum(1 for _, d in g.nodes(data=True) if d["kind"] != LEARNER_KIND)
    shared = [(n, c) for n, c in cls.shared if c > 1]
    parts = [f"<h1>{_e(title)}</h1>"]
    parts.append(
        "<p class='lead'>"
        f"{n_learners} learner{'s' if n_learners != 1 else ''} shared a network; "
        f"{len(cls.rejected)} file{'s were' if len(cls.rejected) != 1 else ' was'} set aside. "
        f"Together they name {n_things} people, communities, resources and tools, "
        f"{len(shared)} of them named by two or more learners. Measured on {cls.as_of.isoformat()}.</p>"
    )
    if cls.anonymised:
        parts.append(
            "<p class='note'>Anonymised: learners, people and file names are pseudonyms made with the "
            "class's secret key (the facilitator keeps it, and it is not in this page). Notes and tags "
            "were dropped. People are never merged across learners: two learners' contacts with the same "
            "name may be different people.</p>"
        )
    else:
        parts.append(
            "<p class='note'><strong>Names kept.</strong> This report shows real names: do not share it "
            "beyond the people who agreed to it.</p>"
        )

    parts.append(
        "<h2>How to read this</h2><ul>"
        '<li>Each learner is a grey circle ("other" in the legend); '
        "the things they learn from have a colour and a shape for their kind.</li>"
        "<li>A thing many learners named is a <em>shared node</em>: the class's common ground. "
        "Ask who found it first and how it reached the others.</li>"
        "<li><em>Communities</em> are groups of learners and things more tied to each other than to the rest: "
        "possible study groups, or bubbles to break.</li>"
        "<li><em>Brokers</em> join parts of the class network that would otherwise be apart; take one away "
        "and some learners lose their route to each other.</li>"
        "<li>Figures are prompts for discussion, never marks.</li></ul>"
    )

    drawn, note = drawn_view(cls, draw_limit)
    parts.append("<h2>The class network</h2>")
    parts.append(f"<p>{_e(note)}</p>")
    if drawn.number_of_nodes():
        parts.append(draw(drawn, title=title, height=560, table=True).html)

    parts.append("<h2>Shared resources, ranked</h2>")
    if shared:
        rows = [(i + 1, n, g.nodes[n]["kind"], g.nodes[n]["topic"] or "", c) for i, (n, c) in enumerate(shared[:25])]
        parts.append(_table(["Rank", "Name", "Kind", "Topic", "Learners who named it"], rows, numeric=(0, 4)))
        if len(shared) > 25:
            parts.append(f"<p>And {len(shared) - 25} more named by two or more learners (in the JSON file).</p>")
    else:
        parts.append("<p>No community, resource or tool was named by more than one learner.</p>")

    parts.append("<h2>Communities</h2>")
    if cls.communities:
        rows = []
        for i, members in enumerate(cls.communities[:12]):
            learners = [m for m in members if g.nodes[m]["kind"] == LEARNER_KIND]
            things = [m for m in members if g.nodes[m]["kind"] != LEARNER_KIND]
            rows.append(
                (
                    i + 1,
                    len(learners),
                    ", ".join(things[:6]) + (" …" if len(things) > 6 else ""),
                    ", ".join(learners[:8]) + (" …" if len(learners) > 8 else ""),
                )
            )
        parts.append(
            _table(["Community", "Learners", "Shared things at its heart", "Learners in it"], rows, numeric=(0, 1))
        )
    else:
        parts.append("<p>The class core is too small to split into communities.</p>")

    parts.append("<h2>Brokers</h2>")
    if cls.brokers:
        rows = [(n, g.nodes[n]["kind"], f"{b:.3f}") for n, b in cls.brokers]
        parts.append(_table(["Broker", "Kind", "Betweenness in the class core"], rows, numeric=(2,)))
    else:
        parts.append("<p>No node joins otherwise separate parts of the class core.</p>")

    parts.append("<h2>Diversity and Downes' four properties</h2>")
    kinds, topics = cls.diversity.kinds, cls.diversity.topics
    downes = [(p, getattr(cls.downes, p)) for p in PROPERTIES]
    parts.append(
        "<div class='figures'>"
        f"<div class='figure'>Kind spread (class)<span class='value'>{_num(kinds.normalised)}</span></div>"
        f"<div class='figure'>Topic spread (class)<span class='value'>{_num(topics.normalised)}</span></div>"
        + "".join(
            f"<div class='figure'>{_e(p.capitalize())} (mean)<span class='value'>{_num(r.mean)}</span></div>"
            for p, r in downes
        )
        + "</div>"
    )
    parts.append(
        "<p>Kind and topic spread are measured on the whole class network (0 = everything of one kind "
        "or topic, 1 = spread evenly). Downes' properties belong to one learner's network, which has one "
        '"me": each learner\'s profile was measured on their own network and the class figure is the '
        "mean, with the range below.</p>"
    )
    rows = [(p.capitalize(), _num(r.mean), _num(r.min), _num(r.max), r.learners) for p, r in downes]
    parts.append(_table(["Property", "Mean", "Lowest", "Highest", "Learners measured"], rows, numeric=(1, 2, 3, 4)))
    parts.append(_table(["Kind", "Nodes in the class network"], kinds.counts, numeric=(1,)))

    parts.append("<h2>Each learner's contribution</h2>")
    rows = [(c.learner, c.nodes, c.shared, c.unique, c.ties) for c in cls.learners]
    parts.append(_table(["Learner", "Nodes", "Shared with others", "Theirs alone", "Ties"], rows, numeric=(1, 2, 3, 4)))

    parts.append("<h2>Files set aside</h2>")
    if cls.rejected:
        rows = [(r.file, r.reason) for r in cls.rejected]
        parts.append(_table(["File", "Reason"], rows))
        parts.append(
            "<p>Ask the owners to export their network again from the kit and resend it. "
            "The facilitator can tell whose file is whose by running the command again privately with "
            "<code>--keep-names</code>.</p>"
        )
    else:
        parts.append("<p>None: every file was read.</p>")
    return "".join(parts)


def report_fragment(cls: ClassNetwork, *, title: str = "Our class network", draw_limit: int = DRAW_LIMIT) -> str:
    """The report's sections as HTML to show in a notebook (styles scoped to the report)."""
    return (
        f"<div class='kit-class-report'><style>{_CSS}</style>{_sections(cls, title=title, draw_limit=draw_limit)}</div>"
    )


def report_html(cls: ClassNetwork, *, title: str = "Our class network", draw_limit: int = DRAW_LIMIT) -> str:
    """The whole report as one self-contained HTML page."""
    return (
        "<!doctype html><html lang='en-GB'><head><meta charset='utf-8'>"
        f"<meta http-equiv='Content-Security-Policy' content=\"{_CSP}\">"
        "<meta name='referrer' content='no-referrer'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{_e(title)}</title><link rel='icon' href='data:,'><style>{_CSS}</style></head><body>"
        f"<main class='kit-class-report'>{_sections(cls, title=title, draw_limit=draw_limit)}</main>"
        "</body></html>\n"
    )
