"""Readers that stay fast on hostile files, and names that cannot lie (issue 18).

* every reader reads or refuses adversarial inputs of the file limit's size
  in time linear in the size (the limits here are many times the expected
  time, so they cannot flake; ``benchmarks/readers.py`` prints the figures);
* error messages quote at most a short excerpt of what they found;
* bidirectional control characters are refused in names, topics, tags and
  titles, removed on import with a notice, and kept (isolated) in notes;
* ``share_library`` swaps only the markers the renderer wrote;
* GraphML honours its declared encoding, or refuses bytes that do not match.

Each time-limited read runs in a child process that is stopped at the limit,
so a quadratic reader fails the test instead of hanging it.
"""

from __future__ import annotations

import datetime
import json
import re
import warnings

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from timed import within

from connectivism.errors import (
    EncodingError,
    FileFormatError,
    InvalidFieldError,
    InvalidNameError,
    NetworkError,
    SchemaVersionError,
    UnsafeFileError,
)
from connectivism.formats import (
    MAX_FILE_BYTES,
    from_csv,
    from_graphml,
    from_json,
    load,
    to_csv,
    to_graphml,
    to_json,
)
from connectivism.network import LearningNetwork

NODES = b"name,kind,topic,tags,note\n"
TIES = b"from,to,strength,since,last_contact,initiated_by\n"
#: Seconds a reader may take on an input of the file limit's size: the readers
#: take well under 1 s (see benchmarks/readers.py); the quadratic ones took
#: minutes to hours.
LIMIT = 30.0
#: The longest message any refusal below may have: the fixed text plus a few
#: short excerpts, never the offending text itself.
MESSAGE_LIMIT = 600
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


# --- hostile inputs of a given size ------------------------------------------------


def _repeat(unit: bytes, size: int, head: bytes = b"", tail: bytes = b"") -> bytes:
    return head + unit * ((size - len(head) - len(tail)) // len(unit)) + tail


def _graphml_key_defaults(size: int) -> bytes:
    keys = b"".join(
        b'<key id="k%d" for="node" attr.name="a%d"><default>x</default></key>' % (i, i) for i in range(size // 2 // 75)
    )
    head = b"<graphml>" + keys + b"<graph>"
    tail = b"</graph></graphml>"
    room = size - len(head) - len(tail)
    nodes = b"".join(b'<node id="%07d"/>' % i for i in range(room // len(b'<node id="0000000"/>')))
    return head + nodes + tail


HOSTILE = {
    "json-escaped-quotes": ("json", lambda n: _repeat(b'\\"', n, head=b'{"a":"')),
    "json-unterminated": ("json", lambda n: _repeat(b"x", n, head=b'{"a":"')),
    "json-backslashes": ("json", lambda n: _repeat(b'"\\', n)),
    "json-brackets-in-strings": (
        "json",
        lambda n: _repeat(b'"[[{{\\"]]}}",', n, head=b'{"a":[', tail=b'"x"]}'),
    ),
    "json-deep": ("json", lambda n: _repeat(b"[", n)),
    "load-escaped-quotes": ("load", lambda n: _repeat(b'\\"', n, head=b'{"a":"')),
    "graphml-key-defaults": ("graphml", _graphml_key_defaults),
    "csv-wide-header": ("nodes", lambda n: _repeat(b"a,", n)),
    "csv-repeated-header": ("nodes", lambda n: _repeat(b"name,", n)),
    "csv-empty-columns": (
        "nodes",
        lambda n: (
            _repeat(b",", n // 2, head=b"name,kind,topic,tags,note", tail=b"\n")
            + _repeat(b",", n // 2, head=b"Kim,me,,,", tail=b"\n")
        ),
    ),
    "csv-wide-rows": ("nodes", lambda n: _repeat(b"," * 1000 + b"\n", n, head=NODES + b"Kim,me,,,\n")),
    "csv-wide-ties": ("ties", lambda n: _repeat(b"x,", n)),
    # readers of other tools' exports (issue 30)
    "opml-feeds": ("opml", lambda n: _repeat(b'<outline text="f" xmlUrl="https://x.example/"/>', n, b"<opml><body>")),
    "opml-folders": (
        "opml",
        lambda n: _repeat(b'<outline text="f"><outline XMLURL="h"/></outline>', n, b"<opml><body>"),
    ),
    "mastodon-rows": ("mastodon", lambda n: _repeat(b"a@b.social,true\n", n, b"Account address,Show boosts\n")),
    "mastodon-dots": ("mastodon", lambda n: _repeat(b"a@" + b"." * 300 + b"\n", n, b"Account address\n")),
    "bookmarks-open-tags": ("bookmarks", lambda n: _repeat(b"<a ", n, b"<DL>")),
    "bookmarks-open-comments": ("bookmarks", lambda n: _repeat(b"<!--", n, b"<DL>")),
    "bookmarks-less-than": ("bookmarks", lambda n: _repeat(b"<", n, b"<DL>")),
    "bookmarks-deep-folders": (
        "bookmarks",
        lambda n: _repeat(b'<DT><H3>f</H3><DL><p><DT><A HREF="https://a.example/">a</A>', n),
    ),
    "bookmarks-long-folder-name": ("bookmarks", lambda n: _repeat(b"<b>x</b>", n, b"<DL><DT><H3>")),
    "drawn-key-defaults": ("drawn", _graphml_key_defaults),
    "drawn-nodes": ("drawn", lambda n: _repeat(b"<node id='n'/>", n, b"<graphml><graph>", b"</graph></graphml>")),
    "drawn-edges": (
        "drawn",
        lambda n: _repeat(b"<edge source='a' target='b'/>", n, b"<graphml><graph><node id='a'/><node id='b'/>"),
    ),
}


def _read(data: bytes, which: str) -> None:
    if which == "json":
        from_json(data)
    elif which == "load":
        load(data, name="upload")
    elif which == "graphml":
        from_graphml(data)
    elif which in ("opml", "mastodon", "bookmarks", "drawn"):
        from connectivism.imports import READERS

        READERS[which](data)
    elif which == "nodes":
        from_csv(data, TIES)
    else:
        from_csv(NODES + b"Kim,me,,,\n", data)


def read_within(seconds: float, reader: str, data: bytes) -> tuple[str, str]:
    """Read `data` with the named reader in a child process; fail if it takes longer than `seconds`."""
    return within(seconds, _read, data, which=reader)


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_input_of_the_limit_size_is_read_in_linear_time(case):
    reader, make = HOSTILE[case]
    data = make(MAX_FILE_BYTES)
    assert MAX_FILE_BYTES - 4096 <= len(data) <= MAX_FILE_BYTES
    kind, message = read_within(LIMIT, reader, data)
    assert not kind.startswith("not a NetworkError"), (kind, message)
    assert len(message) <= MESSAGE_LIMIT, (kind, len(message))


def test_check_json_depth_still_ignores_brackets_in_strings_and_counts_the_rest():
    from connectivism.formats import MAX_JSON_DEPTH
    from connectivism.formats._safety import check_json_depth

    deep_in_text = '{"a": "' + "[" * 1000 + '\\"' + "{" * 1000 + '"}'
    check_json_depth(deep_in_text, "x.json")
    check_json_depth("[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH, "x.json")
    with pytest.raises(UnsafeFileError):
        check_json_depth("[" * (MAX_JSON_DEPTH + 1), "x.json")
    with pytest.raises(UnsafeFileError):  # a string closes, and the brackets after it count
        check_json_depth('["\\\\"' + "," + "[" * MAX_JSON_DEPTH, "x.json")


# --- short messages --------------------------------------------------------------


BIG = "X" * 1_000_000


def _document(**changes) -> dict:
    doc = json.loads(to_json(LearningNetwork("Kim")))
    doc.update(changes)
    return doc


MESSAGES = {
    "json-duplicate-key": (
        lambda: from_json(f'{{"metadata": {{"{BIG}": 1, "{BIG}": 2}}}}'),
        UnsafeFileError,
    ),
    "json-format": (lambda: from_json(json.dumps(_document(format=BIG))), FileFormatError),
    "json-version": (lambda: from_json(json.dumps(_document(format_version=BIG))), SchemaVersionError),
    "json-huge-version": (
        lambda: from_json(json.dumps(_document(format_version=int("9" * 4000)))),
        SchemaVersionError,
    ),
    "json-unknown-keys": (
        lambda: from_json(json.dumps(_document(**{f"{BIG[:5000]}{i}": 1 for i in range(150)}))),
        FileFormatError,
    ),
    "json-unknown-node-keys": (
        lambda: from_json(
            json.dumps(_document(nodes=[{"name": "Kim", "kind": "me", **{f"{BIG[:5000]}{i}": 1 for i in range(150)}}]))
        ),
        FileFormatError,
    ),
    "json-long-name": (
        lambda: from_json(json.dumps(_document(nodes=[{"name": BIG, "kind": "me"}]))),
        InvalidNameError,
    ),
    "csv-wide-header": (lambda: from_csv(("a," * 29_000).encode(), TIES), FileFormatError),
    "csv-long-header-cells": (lambda: from_csv(b"name,kind," + BIG.encode(), TIES), FileFormatError),
    "csv-repeated-long": (
        lambda: from_csv(b"name,kind,topic,tags,note," + (BIG[:100_000] + ",").encode() * 2, TIES),
        FileFormatError,
    ),
    "graphml-root": (lambda: from_graphml(f"<{BIG}/>".encode()), FileFormatError),
    "graphml-data-key": (
        lambda: from_graphml(f"<graphml><graph><node id='a'><data key='{BIG}'/></node></graph></graphml>".encode()),
        FileFormatError,
    ),
    "graphml-node-ids": (
        lambda: from_graphml(f"<graphml><graph><node id='{BIG}'/><node id='{BIG}'/></graph></graphml>".encode()),
        FileFormatError,
    ),
    "graphml-edge-end": (
        lambda: from_graphml(
            f"<graphml><graph><node id='a'/><edge source='a' target='{BIG}'/></graph></graphml>".encode()
        ),
        FileFormatError,
    ),
}


@pytest.mark.parametrize("case", sorted(MESSAGES))
def test_messages_quote_only_a_short_excerpt(case):
    read, error_type = MESSAGES[case]
    with pytest.raises(error_type) as caught:
        read()
    message = str(caught.value)
    assert len(message) <= MESSAGE_LIMIT, (len(message), message[:300])
    assert "X" * 100 not in message


# --- names that cannot lie ---------------------------------------------------------


@pytest.mark.parametrize("control", list(BIDI))
def test_bidi_controls_are_refused_in_names_topics_tags_and_titles(control):
    net = LearningNetwork("Sam")
    net.add("Ada", "person")
    before = net.copy()
    spoof = f"{control}exe.txt"
    for change, error in [
        (lambda: net.add(spoof, "person"), InvalidNameError),
        (lambda: net.rename("Ada", spoof), InvalidNameError),
        (lambda: LearningNetwork(spoof), InvalidNameError),
        (lambda: net.add("Bo", "person", topic=spoof), InvalidFieldError),
        (lambda: net.edit("Ada", topic=spoof), InvalidFieldError),
        (lambda: net.edit("Ada", tags=["ok", spoof]), InvalidFieldError),
        (lambda: net.set_metadata(title=spoof), InvalidFieldError),
    ]:
        with pytest.raises(error) as caught:
            change()
        assert f"U+{ord(control):04X}" in str(caught.value)
        assert control not in str(caught.value)  # the message shows it escaped, never raw
        assert net == before
    net.edit("Ada", note=f"notes may keep them: {spoof}")
    assert spoof in net.node("Ada").note


def _spoofed_network() -> LearningNetwork:
    net = LearningNetwork("Sam")
    net.add("exe.txt", "person", topic="maths", tags=["mentor"], note="kept \u202e as is")
    net.connect("Sam", "exe.txt", strength=4)
    return net


def _spoofed_files() -> dict[str, object]:
    net = _spoofed_network()
    doc = json.loads(to_json(net))
    doc["nodes"][1].update(name="\u202eexe.txt", topic="ma\u2066ths", tags=["men\u202dtor"])
    doc["ties"][0]["b"] = "\u202eexe.txt"
    doc["metadata"]["title"] = "\u2067Week 1"
    nodes, ties = to_csv(net)
    graphml = to_graphml(net).replace(b">exe.txt<", ">\u202eexe.txt<".encode())
    return {
        "json": json.dumps(doc).encode(),
        "csv": (nodes.replace("exe.txt", "\u202eexe.txt", 1).encode(), ties.encode()),
        "graphml": graphml,
    }


@pytest.mark.parametrize("kind", ["json", "csv", "graphml"])
def test_bidi_controls_are_removed_on_import_with_a_notice(kind):
    from connectivism.notices import ImportNotice

    data = _spoofed_files()[kind]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        net = load(data, name=f"spoof.{kind}") if kind != "csv" else load(data)
    notices = [w.message for w in caught if issubclass(w.category, ImportNotice)]
    assert len(notices) == 1
    message = str(notices[0])
    assert "bidirectional" in message and "'exe.txt'" in message
    assert not any(ch in message for ch in BIDI)
    assert net.node("exe.txt").name == "exe.txt"
    assert net.tie("Sam", "exe.txt").strength == 4
    assert net.node("exe.txt").note == "kept \u202e as is"  # notes keep them
    if kind == "json":
        assert net.metadata.title == "Week 1"
        assert net.node("exe.txt").topic == "maths" and net.node("exe.txt").tags == ("mentor",)
        assert {"nodes[1].name", "nodes[1].topic", "nodes[1].tags", "metadata.title"} == {
            change.split(" (now")[0] for change in notices[0].changes
        }


def test_files_without_bidi_controls_give_no_notice():
    net = _spoofed_network()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert from_json(to_json(net)) == net
        assert from_graphml(to_graphml(net)) == net


def test_the_autosave_and_the_builder_show_the_notice(tmp_path):
    from connectivism.session import EditSession
    from connectivism.widgets.builder import NetworkBuilder

    path = tmp_path / "auto.json"
    path.write_bytes(_spoofed_files()["json"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # shown by the view, not printed
        session = EditSession.resume(autosave=path)
    assert session.restored and "bidirectional" in session.notice
    builder = NetworkBuilder(session, measures=lambda net, as_of: ("", ""))
    assert "Welcome back" in builder.status.value and "bidirectional" in builder.status.value

    nodes, ties = _spoofed_files()["csv"]
    builder.upload.value = tuple(
        {
            "name": name,
            "type": "",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": datetime.datetime(2026, 10, 1),
        }
        for name, content in (("nodes.csv", nodes), ("ties.csv", ties))
    )
    builder.import_button.click()
    assert "Imported a network" in builder.share_message.value
    assert "bidirectional" in builder.share_message.value
    assert "exe.txt" in builder.network


def test_table_cells_isolate_text():
    from connectivism.render.describe import table_html

    g = nx.Graph()
    g.add_node("\u202eexe.txt", kind="person", topic="\u05e2\u05d1\u05e8\u05d9\u05ea")
    table = table_html(g)
    assert "<bdi>\u202eexe.txt</bdi>" in table and "<bdi>\u05e2\u05d1\u05e8\u05d9\u05ea</bdi>" in table


# --- frame sharing ---------------------------------------------------------------


@pytest.mark.parametrize(
    "label",
    [
        "<!-- kit:vis-network -->",
        "<!-- /kit:vis-network -->",
        "<!-- kit:vis-network 0123456789abcdef0123456789abcdef -->",
        "<!-- /kit:vis-network 0123456789abcdef0123456789abcdef -->",
    ],
)
def test_a_label_cannot_make_share_library_swallow_a_frame(label):
    from connectivism.render import draw, share_library

    hostile = nx.Graph()
    hostile.add_node(label, kind="me")
    hostile.add_node("Ada", kind="person")
    hostile.add_edge(label, "Ada", strength=3)
    page = draw(hostile).html + draw(nx.path_graph(3)).html + draw(hostile).html
    shared = share_library(page, "vis/vis-network.min.js")
    frames = re.findall(r'<iframe [^>]*srcdoc="([^"]*)"', shared)
    assert len(frames) == 3
    for frame in frames:
        assert frame.count("vis/vis-network.min.js") == 1
        assert "vis.Network" in frame and frame.endswith("&lt;/html&gt;\n")
    assert len(shared) < len(page) // 10  # every in-lined library was swapped
    assert label.replace("<", "&lt;").replace(">", "&gt;") in shared  # the label stays text


# --- GraphML encodings -----------------------------------------------------------


def _accented() -> LearningNetwork:
    net = LearningNetwork("Sérgio")
    net.add("Zoë", "person")
    return net


def test_graphml_declared_latin1_holding_utf8_is_refused():
    data = to_graphml(_accented()).replace(b"encoding='utf-8'", b"encoding='iso-8859-1'")
    with pytest.raises(EncodingError, match="UTF-8") as caught:
        from_graphml(data)
    assert "iso-8859-1" in str(caught.value)


@pytest.mark.parametrize("encoding", ["iso-8859-1", "cp1252", "latin-1"])
def test_graphml_in_a_declared_single_byte_encoding_is_honoured(encoding):
    text = to_graphml(_accented()).decode("utf-8").replace("encoding='utf-8'", f"encoding='{encoding}'")
    assert from_graphml(text.encode(encoding)) == _accented()


@pytest.mark.parametrize("declared", ["no-such-encoding", "utf-16", "base64"])
def test_graphml_declaring_an_unusable_encoding_is_refused(declared):
    data = to_graphml(_accented()).replace(b"encoding='utf-8'", f"encoding='{declared}'".encode())
    with pytest.raises(EncodingError, match="save it as UTF-8"):
        from_graphml(data)


# --- any bytes -------------------------------------------------------------------


PREFIXES = [
    b"",
    b'{"a":"',
    b"[",
    b"<graphml>",
    b"<?xml version='1.0' encoding='latin-1'?>",
    b"<graphml><key id='k' for='node' attr.name='kind'><default>",
    NODES,
    TIES,
    b"\xef\xbb\xbf",
]


@settings(
    max_examples=150,
    deadline=5000,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    prefix=st.sampled_from(PREFIXES),
    body=st.binary(max_size=2000),
    reader=st.sampled_from(["json", "load", "graphml", "nodes", "ties"]),
)
def test_any_bytes_load_or_raise_the_packages_own_error(prefix, body, reader):
    data = prefix + body
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            _read(data, reader)
        except NetworkError as error:
            assert len(str(error)) <= MESSAGE_LIMIT  # a short excerpt at most
