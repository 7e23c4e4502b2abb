"""The models' live plots (connectivism.render.charts): well-formed, escaped, readable in greyscale, stable."""

from __future__ import annotations

import base64
import hashlib
import math
import re
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from connectivism.models import MODELS
from connectivism.models.base import Chart, Series
from connectivism.render.charts import charts_alt, charts_html, charts_svg, star_points
from connectivism.render.static import static_svg
from connectivism.render.style import style_for

SVG = "{http://www.w3.org/2000/svg}"


def _every_kind() -> Chart:
    return Chart(
        "All kinds",
        "x",
        "y",
        (
            Series("line", [1, 2, 3], [0.1, 0.4, 0.9]),
            Series("points", [1, 2, 3], [0.3, 0.2, 0.5], kind="points"),
            Series("bars A", [0, 1, 2], [1.0, 2.0, 3.0], kind="bars"),
            Series("bars B", [0, 1, 2], [2.0, 1.0, 0.5], kind="bars"),
            Series("star", [2], [1.5], kind="marker"),
        ),
        alt="everything",
        hline=1.0,
        ref_label="reference",
    )


def test_every_series_kind_is_drawn_with_its_legend_entry():
    root = ET.fromstring(charts_svg([_every_kind()]))
    assert root.tag == SVG + "svg"
    texts = [t.text for t in root.iter(SVG + "text")]
    for label in ("line", "points", "bars A", "bars B", "star", "reference", "All kinds"):
        assert label in texts
    assert len(root.findall(f"{SVG}polyline")) == 2  # the line and the dotted points
    assert len(root.findall(f"{SVG}polygon")) == 2  # the star and its legend swatch
    fills = [r.get("fill") for r in root.findall(f"{SVG}rect")]
    assert "url(#hatch1)" in fills  # the second bar series is hatched, not only coloured
    height = int(root.get("height"))
    assert height == 300 + 8 + 6 * 17  # six legend rows under the panel


def test_series_differ_by_more_than_colour():
    chart = Chart("t", "x", "y", tuple(Series(f"s{i}", [0, 1], [i, i + 1]) for i in range(4)), alt="four lines")
    lines = ET.fromstring(charts_svg([chart])).findall(f"{SVG}polyline")
    assert len({line.get("stroke-dasharray") for line in lines}) == 4


def test_panels_sit_side_by_side():
    one = Chart("a", "x", "y", (Series("s", [0, 1], [0, 1]),), alt="one")
    root = ET.fromstring(charts_svg([one, one, one]))
    assert root.get("width") == "1440" and root.get("viewBox").startswith("0 0 1440 ")
    assert charts_alt([one, one, one]).startswith("Panel 1, a: one Panel 2")


def test_log_axis_ticks_are_powers_of_ten():
    chart = Chart("t", "x", "y", (Series("s", [0.01, 0.1, 1.0], [1, 2, 3]),), alt="log", xscale="log")
    texts = [t.text for t in ET.fromstring(charts_svg([chart])).iter(SVG + "text")]
    assert {"0.01", "0.1", "1"} <= set(texts)


def test_nothing_finite_still_draws_a_valid_panel():
    chart = Chart("empty", "x", "y", (Series("s", [math.nan], [math.inf]),), alt="nothing")
    ET.fromstring(charts_svg([chart]))
    ET.fromstring(charts_svg([]))


def test_labels_are_text_never_markup():
    evil = "<script>alert(1)</script>"
    chart = Chart(evil, evil, evil, (Series(evil, [0, 1], [0, 1]),), alt=evil, xticklabels=(evil, evil))
    svg = charts_svg([chart])
    assert "<script>" not in svg and svg.count("&lt;script&gt;") >= 5
    markup = charts_html([chart])
    assert "<script>" not in markup
    data = re.search(r"base64,([A-Za-z0-9+/=]+)'", markup).group(1)
    assert base64.b64decode(data).decode("utf-8") == svg


def test_the_star_is_one_shape_shared_with_the_print_drawing():
    graph = nx.Graph()
    graph.add_node("Me", kind="me")  # "me" is drawn as a star
    svg = static_svg(graph, {"Me": (10, 20)}, label="one")
    assert f"<polygon points='{star_points(10, 20, style_for('me').size * 0.75)}'/>" in svg
    chart = Chart("t", "x", "y", (Series("here", [1], [1], kind="marker"),), alt="a star")
    assert charts_svg([chart]).count("<polygon points=") == 2  # the marker and its legend swatch
    points = star_points(0, 0, 10).split()
    assert len(points) == 10 and points[0] == "0.0,-10.0"


def test_same_panels_same_bytes():
    # A fixed chart's SVG, byte for byte: notebook outputs (nbval) depend on it.
    svg = charts_svg([_every_kind(), _every_kind()])
    assert svg == charts_svg([_every_kind(), _every_kind()])
    assert hashlib.sha256(svg.encode()).hexdigest() == (
        "9ff4052aa03de5f24f6191909819e41f5ba2bf1c1f419761c2dc125e40ccdcf4"
    )


@pytest.mark.parametrize("name", sorted(MODELS))
def test_every_models_default_plot_is_well_formed(name):
    model = MODELS[name]()
    charts = model.charts(model.run(seed=1))
    root = ET.fromstring(charts_svg(charts))
    assert root.get("width") == str(480 * len(charts))
    assert all(chart.alt for chart in charts) and charts_alt(charts)
