"""The renderer: safe, deterministic, accessible, light on the site."""

from __future__ import annotations

import hashlib
import html
import os
import re
import subprocess
import sys
from html.parser import HTMLParser

import networkx as nx
import numpy as np
import pytest

from connectivism.examples import load_example
from connectivism.render import (
    LIBRARY_END,
    LIBRARY_START,
    draw,
    kind_counts,
    legend_html,
    positions,
    static_svg,
    summary,
    table_html,
)
from connectivism.render.html import _safe_json

HOSTILE = [
    "<script>window.pwned=1</script>",
    '<img src=x onerror="window.pwned=2">',
    "\"'><svg onload=alert(1)>",
    "</script><script>window.pwned=3</script>",
    "A & B",
]


def hostile_graph():
    g = nx.Graph(me=HOSTILE[0])
    g.add_node(HOSTILE[0], kind="me", topic="<b>topic</b>")
    for name in HOSTILE[1:]:
        g.add_node(name, kind="person", topic="<i>t</i>", tags=("<u>tag</u>",))
        g.add_edge(HOSTILE[0], name, strength=3)
    return g


def frame_document(view_html: str) -> str:
    m = re.search(r'srcdoc="([^"]*)"', view_html)
    assert m, "no srcdoc frame in the view"
    return html.unescape(m.group(1))


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.handlers = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]


def tags_of(markup: str) -> TagCollector:
    collector = TagCollector()
    collector.feed(markup)
    return collector


FIGURE_TAGS = {
    "div",
    "iframe",
    "svg",
    "title",
    "g",
    "line",
    "circle",
    "rect",
    "polygon",
    "text",
    "ul",
    "li",
    "p",
    "details",
    "summary",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "bdi",
}
FRAME_TAGS = {"html", "head", "meta", "title", "style", "script", "body", "div", "button"}


def test_no_label_reaches_the_page_as_markup():
    view = draw(hostile_graph(), title="<script>alert('title')</script>")
    outer = tags_of(view.html)
    assert set(outer.tags) <= FIGURE_TAGS, set(outer.tags) - FIGURE_TAGS
    assert not outer.handlers
    frame = tags_of(frame_document(view.html))
    assert set(frame.tags) <= FRAME_TAGS, set(frame.tags) - FRAME_TAGS
    assert frame.tags.count("script") == 2  # the library and the kit's drawing code
    assert not frame.handlers
    # the labels travel as JSON text with every < escaped
    assert "\\u003cscript\\u003ewindow.pwned=1" in frame_document(view.html)


def test_safe_json_cannot_close_a_script():
    text = _safe_json({"label": "</script><b>&"})
    assert "<" not in text and ">" not in text and "&" not in text


def test_same_network_same_html_across_processes():
    code = (
        "import hashlib; from connectivism.examples import load_example; "
        "from connectivism.render import draw; "
        "print(hashlib.sha256(draw(load_example('teacher')).html.encode()).hexdigest())"
    )
    digests = set()
    for seed in ("0", "1", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        digests.add(out.stdout.strip())
    local = hashlib.sha256(draw(load_example("teacher")).html.encode()).hexdigest()
    assert digests == {local}


def test_layout_is_seeded_and_centres_me():
    g = load_example("teacher").to_networkx()
    assert positions(g, seed=3) == positions(g, seed=3)
    assert positions(g, seed=3) != positions(g, seed=4)
    assert positions(g)["Amira"] == (0, 0)
    assert all(abs(x) <= 300 and abs(y) <= 300 for x, y in positions(g).values())


def _networkx_positions(g, seed=7):
    """What the layout gave when it called networkx's spring layout (dense solver below 500 nodes)."""
    kwargs = {"seed": seed, "k": 2.2 / g.number_of_nodes() ** 0.5, "iterations": 80, "method": "force"}
    centre = g.graph.get("me")
    if centre is not None:
        rng = np.random.default_rng(seed)
        initial = {n: tuple(rng.uniform(-1.0, 1.0, 2)) for n in g}
        initial[centre] = (0.0, 0.0)
        kwargs.update(pos=initial, fixed=[centre])
    raw = nx.spring_layout(g, **kwargs)
    spread = max(max(abs(x), abs(y)) for x, y in raw.values())
    return {n: (round(x / spread * 300), round(y / spread * 300)) for n, (x, y) in raw.items()}


@pytest.mark.parametrize(
    "graph",
    [
        nx.path_graph(10),
        nx.karate_club_graph(),
        nx.connected_watts_strogatz_graph(60, 4, 0.2, seed=1),
        nx.disjoint_union(nx.cycle_graph(5), nx.path_graph(4)),
        load_example("teacher").to_networkx(),
        load_example("clinical-educator").to_networkx(),
    ],
    ids=["path", "karate", "small world", "two parts", "teacher", "clinical educator"],
)
def test_layout_follows_networkx_spring_rules(graph):
    """Same rules and start as networkx's dense spring layout: the same drawing, to a unit or so."""
    for seed in (7, 3):
        ours, theirs = positions(graph, seed=seed), _networkx_positions(graph, seed=seed)
        assert max(max(abs(ours[n][0] - theirs[n][0]), abs(ours[n][1] - theirs[n][1])) for n in graph) <= 2


def test_layout_of_500_nodes_is_quick_deterministic_and_readable():
    import time

    g = nx.barabasi_albert_graph(500, 2, seed=1)
    start = time.perf_counter()
    pos = positions(g)
    assert time.perf_counter() - start < 3.0  # target 0.3 s (benchmarks/render_and_site.py); generous here
    assert positions(g) == pos
    xy = np.array([pos[n] for n in g], dtype=float)
    apart = np.hypot(xy[:, None, 0] - xy[:, 0], xy[:, None, 1] - xy[:, 1])
    assert len(set(pos.values())) == 500  # nobody drawn on top of anybody
    ties = np.array([apart[a, b] for a, b in g.edges()])
    assert ties.mean() < 0.5 * apart[np.triu_indices(500, 1)].mean()  # tied nodes are drawn close


def test_edge_cases_draw():
    assert "empty network" in draw(nx.Graph()).summary
    one = nx.Graph(me="Me")
    one.add_node("Me", kind="me")
    assert "1 node" in draw(one).summary
    plain = nx.karate_club_graph()  # no kinds, no strengths: still drawable
    assert "34 other nodes" in draw(plain).summary


def test_summary_names_kinds_and_strongest_ties():
    text = summary(load_example("teacher").to_networkx())
    assert text.startswith(
        "A network of 14 nodes (you, 5 people, 3 communities, 3 resources and 2 tools) with 20 ties."
    )
    assert "Amira–Daniel (5)" in text


def test_table_and_legend():
    g = load_example("teacher").to_networkx()
    table = table_html(g)
    assert table.count("<tr>") == 1 + 14 + 1 + 20
    assert "<caption>Nodes</caption>" in table and "<caption>Ties</caption>" in table
    legend = legend_html(list(kind_counts(g)))
    for label in ["me (you)", "people", "communities", "resources", "tools"]:
        assert label in legend


def test_accessibility_parts_are_present():
    view = draw(load_example("teacher"), title="Amira's network")
    assert 'title="Amira&#x27;s network: interactive network graph"' in view.html
    assert "class='kit-graph-summary'" in view.html
    assert "<details class='kit-graph-table'>" in view.html
    assert "svg class='kit-graph-print' role='img' aria-label=" in view.html
    doc = frame_document(view.html)
    assert 'role="img" aria-label="A network of 14 nodes' in doc
    assert "data-drawn" in doc and "afterDrawing" in doc
    assert "dragView: on" in doc  # interaction starts off and is switched on by a click


def test_frame_requests_nothing_outside():
    doc = frame_document(draw(load_example("teacher")).html)
    outside = doc.replace(doc[doc.index(LIBRARY_START) : doc.index(LIBRARY_END)], "")
    assert not re.search(r"(src|href)=[\"']?https?:", outside)
    assert "bootstrap" not in outside.lower()


def test_static_svg_escapes_and_matches_positions():
    g = hostile_graph()
    pos = positions(g)
    svg = static_svg(g, pos, label="<x>")
    assert "<script" not in svg and "&lt;script&gt;" in svg
    assert svg.count("<line ") == g.number_of_edges()
    assert svg.count("<text ") == g.number_of_nodes()


def test_speed_is_checked_by_the_benchmark_not_here():
    """Timing lives in benchmarks/ (a script), so the suite never flakes on a busy machine."""
    assert os.path.isfile(os.path.join(os.path.dirname(__file__), "..", "benchmarks", "render_and_site.py"))


@pytest.mark.parametrize("kind,expected", [(None, 14), ("person", 6), ("tool", 3)])
def test_kind_filter_widget_driven_from_python(kind, expected):
    from connectivism.widgets import KindFilter

    view = KindFilter(load_example("teacher"))
    before = view.picture.value
    view.choice.value = kind
    assert view.subgraph().number_of_nodes() == expected
    assert f": {expected} of 14 nodes." in view.caption.value
    assert (view.picture.value == before) == (kind is None)
    assert "Amira" in view.subgraph()


def test_vis_network_is_found_by_pattern_newest_version_first(tmp_path):
    from connectivism.render.html import vis_network_file

    for version in ("9.0.4", "10.2.0", "9.1.2"):
        (tmp_path / f"vis-{version}").mkdir()
        (tmp_path / f"vis-{version}" / "vis-network.min.js").write_text(version)
    (tmp_path / "vis-latest").mkdir()  # not a version: ignored
    (tmp_path / "vis-latest" / "vis-network.min.js").write_text("?")
    assert vis_network_file(tmp_path).read_text() == "10.2.0"
    with pytest.raises(FileNotFoundError, match="no vis-network"):
        vis_network_file(tmp_path / "vis-latest")
    assert vis_network_file().is_file()  # the installed pyvis


def test_marks_are_built_into_the_print_drawing_and_legend_not_spliced_in():
    g = nx.Graph()
    g.add_node("Me", kind="me")
    g.add_node("Ada", kind="person")
    g.add_edge("Me", "Ada")
    view = draw(g, highlight={"Ada"}, highlight_label="</svg></ul><b>x</b>")
    assert "<b>x</b>" not in view.html and "&lt;/svg&gt;&lt;/ul&gt;&lt;b&gt;x&lt;/b&gt;" in view.html
    svg = view.html[view.html.index("<svg class='kit-graph-print'") :]
    svg = svg[: svg.index("</svg>") + len("</svg>")]
    assert svg.count("stroke-width='3'") == 1 and svg.endswith("/></g></svg>")  # one ring, inside the drawing
    legend = view.html[view.html.index("<ul class='kit-graph-legend'") :]
    assert legend[: legend.index("</ul>")].count("<li") == 3  # you, people, the ring
    assert "stroke-width='3'" not in draw(g).html
