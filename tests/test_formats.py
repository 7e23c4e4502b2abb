"""Tests for connectivism.formats: JSON, the CSV pair, GraphML, migrations, load/save."""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import re
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from connectivism.errors import (
    DuplicateNodeError,
    DuplicateTieError,
    EncodingError,
    FileFormatError,
    FileTooLargeError,
    InvalidDateError,
    InvalidFieldError,
    InvalidKindError,
    InvalidNameError,
    InvalidStrengthError,
    MeNodeError,
    NetworkError,
    SchemaVersionError,
    SelfTieError,
    UnknownNodeError,
)
from connectivism.formats import (
    FORMAT_NAME,
    FORMAT_VERSION,
    MIGRATIONS,
    NODE_COLUMNS,
    TIE_COLUMNS,
    _safety,
    csv_templates,
    from_csv,
    from_graphml,
    from_json,
    load,
    migrate,
    read_csv,
    read_graphml,
    read_json,
    save,
    to_csv,
    to_graphml,
    to_json,
    write_csv,
    write_graphml,
    write_json,
)
from connectivism.formats.csv_format import neutralise_cell, restore_cell
from connectivism.network import OTHER_KINDS, LearningNetwork, normalise_name

TEMPLATES = Path(__file__).resolve().parents[1] / "connectivism" / "templates"
NODES_HEADER = "name,kind,topic,tags,note"
TIES_HEADER = "from,to,strength,since,last_contact,initiated_by"


@pytest.fixture
def formats_example_network() -> LearningNetwork:
    """A small network using every field, some Unicode, and HTML-ish text."""
    net = LearningNetwork("Sam Rivera", title="Sam's network, week 3", created="2024-01-05", as_of="2024-03-01")
    net.edit("Sam Rivera", topic="learning design", tags=["online"], note="Me.")
    net.add("Ada Lovelace", "person", "computing", ["mentor", "history"], "Met at a meetup.\nWrites letters.")
    net.add("José Martí", "person", "poetry")
    net.add("<script>alert(1)</script>", "resource", note="A & B < C")
    net.add("=SUM(A1:A9)", "tool", tags=["-risky", "@home"])
    net.add("Open Forum", "community")
    net.connect("Sam Rivera", "Ada Lovelace", 4, "2023-09-14", "2024-02-20", "them")
    net.connect("José Martí", "Sam Rivera", 2, initiated_by="both")
    net.connect("Sam Rivera", "<script>alert(1)</script>", 1, since=datetime.date(2020, 2, 29))
    net.connect("Ada Lovelace", "Open Forum", 5, last_contact="2024-01-01", initiated_by="me")
    net.connect("=SUM(A1:A9)", "Sam Rivera", 3)
    return net


def assert_exact(one: LearningNetwork, two: LearningNetwork, *, metadata: bool = True) -> None:
    """Equal, and also the same order of nodes and ties and the same tie ends."""
    assert one.me == two.me
    assert one.nodes == two.nodes
    assert one.ties == two.ties
    if metadata:
        assert one.metadata == two.metadata
        assert one == two


def _doc(**changes):
    doc = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "me": "Sam",
        "nodes": [
            {"name": "Sam", "kind": "me", "topic": "", "tags": [], "note": ""},
            {"name": "Ada", "kind": "person", "topic": "", "tags": [], "note": ""},
        ],
        "ties": [{"a": "Sam", "b": "Ada", "strength": 3, "since": None, "last_contact": None, "initiated_by": None}],
        "metadata": {"title": "", "created": None, "as_of": None},
    }
    doc.update(changes)
    return doc


def _json(doc) -> str:
    return json.dumps(doc)


# --- JSON ------------------------------------------------------------------------------------


class TestJson:
    def test_round_trip_is_exact(self, formats_example_network):
        text = to_json(formats_example_network)
        back = from_json(text)
        assert_exact(back, formats_example_network)
        assert to_json(back, saved_at=back.metadata.saved_at) == text

    def test_layout(self, formats_example_network):
        text = to_json(formats_example_network)
        assert text.endswith("}\n")
        assert '  "format": "connectivism-learning-network",\n' in text
        assert "José Martí" in text  # not \u escapes
        doc = json.loads(text)
        assert list(doc) == ["format", "format_version", "me", "nodes", "ties", "metadata"]
        assert doc["format_version"] == FORMAT_VERSION == 2
        assert doc["me"] == "Sam Rivera"
        assert doc["nodes"][0] == {
            "name": "Sam Rivera",
            "kind": "me",
            "topic": "learning design",
            "tags": ["online"],
            "note": "Me.",
        }
        assert doc["ties"][0] == {
            "a": "Sam Rivera",
            "b": "Ada Lovelace",
            "strength": 4,
            "since": "2023-09-14",
            "last_contact": "2024-02-20",
            "initiated_by": "them",
        }
        saved_at = doc["metadata"].pop("saved_at")
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", saved_at)
        assert doc["metadata"] == {
            "title": "Sam's network, week 3",
            "created": "2024-01-05",
            "as_of": "2024-03-01",
            "learner_id": formats_example_network.metadata.learner_id,
        }

    def test_files(self, tmp_path, formats_example_network):
        path = tmp_path / "sam.json"
        write_json(formats_example_network, path)
        assert path.read_bytes()[:1] == b"{"
        assert_exact(read_json(path), formats_example_network)
        assert_exact(read_json(str(path)), formats_example_network)
        with path.open("rb") as handle:
            assert_exact(read_json(handle), formats_example_network)
        assert_exact(read_json(path.read_bytes()), formats_example_network)

    def test_byte_order_mark_is_accepted(self, formats_example_network):
        data = b"\xef\xbb\xbf" + to_json(formats_example_network).encode()
        assert_exact(from_json(data), formats_example_network)

    def test_minimal_hand_written_file(self):
        net = from_json(
            '{"format": "connectivism-learning-network", "format_version": 1, "me": "Kim",'
            ' "nodes": [{"name": "Kim", "kind": "me"}, {"name": "Ada", "kind": "person"}],'
            ' "ties": [{"a": "kim", "b": "ADA", "strength": 2}]}'
        )
        assert net.tie("Kim", "Ada").strength == 2
        assert net.tie("Kim", "Ada").a == "Kim"  # display names, not the spelling in the tie

    def test_me_may_be_anywhere_in_the_list_and_is_written_first(self):
        doc = _doc()
        doc["nodes"].reverse()
        net = from_json(_json(doc))
        assert [n.name for n in net.nodes] == ["Sam", "Ada"]

    def test_unknown_metadata_keys_are_ignored(self):
        doc = _doc(metadata={"title": "T", "course": "EDU101", "nested": {"x": [1]}})
        assert from_json(_json(doc)).metadata.title == "T"

    @pytest.mark.parametrize(
        "doc, error, text",
        [
            ({"format": "something-else", "format_version": 1}, FileFormatError, "says its format is 'something-else'"),
            ({"format_version": 1, "nodes": []}, FileFormatError, "has no 'format' entry"),
            (
                _doc(format_version=3),
                SchemaVersionError,
                "newer version of the kit (format version 3; this kit reads versions up to 2): update the kit",
            ),
            (_doc(format_version=0), SchemaVersionError, "format version 0, which this kit cannot read or upgrade"),
            (_doc(format_version="1"), SchemaVersionError, "The format_version '1'"),
            (_doc(format_version=True), SchemaVersionError, "is not a whole number"),
            (_doc(format_version=None), SchemaVersionError, "has no format_version"),
            ([1, 2], FileFormatError, "must hold one object"),
            (_doc(extra=1, other=2), FileFormatError, "unexpected top-level keys 'extra', 'other'"),
            (_doc(nodes={}), FileFormatError, "'nodes' is dict, not a list"),
            (_doc(ties="none"), FileFormatError, "'ties' is str, not a list"),
            (_doc(metadata=[]), FileFormatError, "The metadata in the file 'network.json' is list"),
            (_doc(me="Kim"), MeNodeError, "names 'Kim' as me, but the node with kind 'me' is 'Sam'"),
        ],
    )
    def test_whole_file_errors(self, doc, error, text):
        with pytest.raises(error) as caught:
            from_json(_json(doc))
        assert text in str(caught.value)

    def test_error_paths_name_the_place(self):
        doc = _doc()
        doc["nodes"].append({"name": "Bob", "kind": "persn"})
        with pytest.raises(InvalidKindError) as caught:
            from_json(_json(doc), name="class.json")
        assert str(caught.value).startswith("class.json, nodes[2].kind: The kind 'persn' for 'Bob'")
        assert caught.value.source == "class.json"
        assert caught.value.location == "nodes[2].kind"

        doc = _doc()
        doc["ties"][0]["strength"] = "3"
        with pytest.raises(InvalidStrengthError, match=r"^network.json, ties\[0\].strength: Strength '3'"):
            from_json(_json(doc))

        doc = _doc()
        doc["nodes"][1]["colour"] = "red"
        with pytest.raises(FileFormatError, match=r"nodes\[1\]: Unexpected key 'colour'"):
            from_json(_json(doc))

        doc = _doc()
        doc["ties"][0] = ["Sam", "Ada"]
        with pytest.raises(FileFormatError, match=r"ties\[0\]: This entry is list, not an object"):
            from_json(_json(doc))

        doc = _doc(metadata={"as_of": "March"})
        with pytest.raises(InvalidDateError, match=r"metadata.as_of: The as_of date 'March'"):
            from_json(_json(doc))

        doc = _doc()
        doc["nodes"][0]["name"] = 7
        with pytest.raises(InvalidNameError, match=r"nodes\[0\].name: The learner's name 7 is not text"):
            from_json(_json(doc))

    @pytest.mark.parametrize(
        "change, error",
        [
            (lambda d: d["nodes"].append({"name": "ADA", "kind": "tool"}), DuplicateNodeError),
            (lambda d: d["nodes"].append({"name": "Kim", "kind": "me"}), MeNodeError),
            (lambda d: d["nodes"].__delitem__(0), MeNodeError),
            (lambda d: d["ties"].append({"a": "Ada", "b": "Sam", "strength": 1}), DuplicateTieError),
            (lambda d: d["ties"].append({"a": "Ada", "b": "ada", "strength": 1}), SelfTieError),
            (lambda d: d["ties"].append({"a": "Ada", "b": "Bob", "strength": 1}), UnknownNodeError),
            (lambda d: d["ties"][0].update(strength=None), InvalidStrengthError),
            (lambda d: d["ties"][0].update(since="1/2/2024"), InvalidDateError),
            (lambda d: d["ties"][0].update(initiated_by="nobody"), InvalidFieldError),
            (lambda d: d["nodes"][1].update(tags="a|b"), InvalidFieldError),
            (lambda d: d["nodes"][1].update(name="  "), InvalidNameError),
        ],
    )
    def test_model_rules_apply_to_files(self, change, error):
        doc = _doc()
        change(doc)
        with pytest.raises(error) as caught:
            from_json(_json(doc))
        assert caught.value.source == "network.json" or "network.json" in str(caught.value)

    def test_failed_import_leaves_the_shown_network_alone(self, formats_example_network):
        shown = formats_example_network
        before = shown.copy()
        bad = to_json(shown).replace('"strength": 5', '"strength": 9')
        with pytest.raises(InvalidStrengthError):
            shown.replace_with(from_json(bad))
        assert_exact(shown, before)


# --- migrations -------------------------------------------------------------------------------


def _version_0_to_1(document):
    """A made-up version 0 had 'people' with 'label' instead of 'nodes' with 'name'."""
    document["nodes"] = [{"name": p["label"], "kind": p["kind"]} for p in document.pop("people")]
    return document


class TestMigrations:
    def test_a_registered_migration_upgrades_old_files(self, monkeypatch):
        monkeypatch.setitem(MIGRATIONS, 0, _version_0_to_1)
        old = {
            "format": FORMAT_NAME,
            "format_version": 0,
            "me": "Kim",
            "people": [{"label": "Kim", "kind": "me"}, {"label": "Ada", "kind": "person"}],
            "ties": [{"a": "Kim", "b": "Ada", "strength": 5}],
        }
        net = from_json(json.dumps(old))
        assert [n.name for n in net.nodes] == ["Kim", "Ada"]
        assert json.loads(to_json(net))["format_version"] == FORMAT_VERSION

    def test_migrate_does_not_change_its_input(self, monkeypatch):
        monkeypatch.setitem(MIGRATIONS, 0, _version_0_to_1)
        old = {"format": FORMAT_NAME, "format_version": 0, "people": [{"label": "Kim", "kind": "me"}]}
        new = migrate(old)
        assert "people" in old and old["format_version"] == 0
        assert new["format_version"] == FORMAT_VERSION and new["nodes"] == [{"name": "Kim", "kind": "me"}]

    def test_migrations_run_in_sequence(self, monkeypatch):
        from connectivism.formats import migrations

        monkeypatch.setattr(migrations, "FORMAT_VERSION", 3)
        monkeypatch.setitem(MIGRATIONS, 1, lambda d: {**d, "steps": d.get("steps", []) + ["1→2"]})
        monkeypatch.setitem(MIGRATIONS, 2, lambda d: {**d, "steps": d["steps"] + ["2→3"]})
        result = migrations.migrate({"format": FORMAT_NAME, "format_version": 1})
        assert result["steps"] == ["1→2", "2→3"] and result["format_version"] == 3
        with pytest.raises(SchemaVersionError, match="format version 0, which this kit cannot"):
            migrations.migrate({"format": FORMAT_NAME, "format_version": 0})

    def test_a_failing_migration_is_reported(self, monkeypatch):
        monkeypatch.setitem(MIGRATIONS, 0, lambda d: d["missing"])
        with pytest.raises(SchemaVersionError, match=r"upgrading it from version 0 to 1 failed \(KeyError"):
            from_json(json.dumps({"format": FORMAT_NAME, "format_version": 0}))

    def test_graphml_goes_through_the_same_migrations(self, monkeypatch):
        calls = []

        def upgrade(document):
            calls.append(document["format_version"])
            return document

        monkeypatch.setitem(MIGRATIONS, 0, upgrade)
        data = to_graphml(LearningNetwork("Kim")).replace(
            b'<data key="format_version">2</data>', b'<data key="format_version">0</data>'
        )
        assert from_graphml(data).me == "Kim"
        assert calls == [0]


# --- CSV -----------------------------------------------------------------------------------------


class TestCsv:
    def test_templates_have_exact_headers_and_load(self):
        nodes, ties = csv_templates()
        assert nodes.splitlines()[0] == NODES_HEADER == ",".join(NODE_COLUMNS)
        assert ties.splitlines()[0] == TIES_HEADER == ",".join(TIE_COLUMNS)
        assert 2 <= len(nodes.strip().splitlines()) - 1 <= 3
        assert 2 <= len(ties.strip().splitlines()) - 1 <= 3
        net = read_csv(TEMPLATES / "nodes.csv", TEMPLATES / "ties.csv")
        assert net.me == "Sam Rivera"
        assert {n.kind for n in net.nodes} >= {"me", "person"}
        assert all(t.since is not None for t in net.ties)

    def test_round_trip_is_exact_without_metadata(self, formats_example_network):
        nodes, ties = to_csv(formats_example_network)
        back = from_csv(nodes, ties)
        assert_exact(back, formats_example_network, metadata=False)
        assert back.metadata.title == ""
        assert to_csv(back) == (nodes, ties)

    def test_files_start_with_a_bom_for_excel(self, tmp_path, formats_example_network):
        nodes, ties = tmp_path / "nodes.csv", tmp_path / "ties.csv"
        write_csv(formats_example_network, nodes, ties)
        assert nodes.read_bytes().startswith(b"\xef\xbb\xbf" + NODES_HEADER.encode() + b"\r\n")
        assert ties.read_bytes().startswith(b"\xef\xbb\xbf" + TIES_HEADER.encode())
        assert_exact(read_csv(nodes, ties), formats_example_network, metadata=False)
        write_csv(formats_example_network, nodes, ties, bom=False)
        assert nodes.read_bytes().startswith(NODES_HEADER.encode())
        assert_exact(load((nodes, ties)), formats_example_network, metadata=False)

    def test_bom_and_semicolons_from_excel(self):
        nodes = '\ufeffname;kind;topic;tags;note\r\nJosé;me;;;\r\nAda;Person;maths;a | b;"Note; with separator"\r\n'
        ties = "\ufefffrom;to;strength;since;last_contact;initiated_by\r\nJosé;Ada; 4 ;2024-03-01;;Them\r\n"
        net = from_csv(nodes.encode("utf-8"), ties.encode("utf-8"))
        assert net.node("Ada").tags == ("a", "b")
        assert net.node("Ada").kind == "person"
        assert net.node("Ada").note == "Note; with separator"
        tie = net.tie("José", "Ada")
        assert (tie.strength, tie.since, tie.initiated_by) == (4, datetime.date(2024, 3, 1), "them")

    def test_columns_in_any_order_blank_rows_and_short_rows(self):
        nodes = "note,tags,topic,kind,name\n,,,me,Kim\n\n,,,,\nhello,,,person,Ada\n"
        ties = "to,from,strength,since,last_contact,initiated_by\nAda,Kim,2\n"
        net = from_csv(nodes, ties)
        assert net.node("Ada").note == "hello"
        assert net.tie("Kim", "Ada").strength == 2

    def test_trailing_empty_columns_are_ignored(self):
        nodes = "name;kind;topic;tags;note;;\nKim;me;;;;;\nAda;person;;;;;\n"
        ties = "from;to;strength;since;last_contact;initiated_by;\nKim;Ada;1;;;;\n"
        assert len(from_csv(nodes, ties)) == 2

    def test_rows_are_counted_like_a_spreadsheet(self):
        nodes = f'{NODES_HEADER}\nKim,me,,,\nAda,person,,,"two\nlines"\n\nBob,persn,,,\n'
        with pytest.raises(InvalidKindError) as caught:
            from_csv(nodes, TIES_HEADER + "\n")
        assert str(caught.value).startswith("nodes.csv, row 5, column 'kind': The kind 'persn' for 'Bob'")

    @pytest.mark.parametrize(
        "cell, message",
        [
            (
                "01/03/2024",
                "ties.csv, row 2, column 'since': The since date '01/03/2024' on the tie Kim–Ada "
                "is not an ISO 8601 date: write it as YYYY-MM-DD, for example 2024-03-01.",
            ),
            (
                "2024-02-30",
                "ties.csv, row 2, column 'since': The since date '2024-02-30' on the tie Kim–Ada is not a real date",
            ),
            ("45352", "ties.csv, row 2, column 'since': The since date '45352'"),
        ],
    )
    def test_dates_are_iso_only_with_row_and_expected_form(self, cell, message):
        nodes = f"{NODES_HEADER}\nKim,me,,,\nAda,person,,,\n"
        ties = f"{TIES_HEADER}\nKim,Ada,3,{cell},,\n"
        with pytest.raises(InvalidDateError) as caught:
            from_csv(nodes, ties)
        assert str(caught.value).startswith(message)
        assert caught.value.location == "row 2, column 'since'"

    @pytest.mark.parametrize(
        "row, error, start",
        [
            ("Kim,Ada,high,,,", InvalidStrengthError, "ties.csv, row 2, column 'strength': Strength 'high'"),
            ("Kim,Ada,3.5,,,", InvalidStrengthError, "ties.csv, row 2, column 'strength': Strength '3.5'"),
            (
                "Kim,Ada,-1,,,",
                InvalidStrengthError,
                "ties.csv, row 2, column 'strength': Strength -1 for the tie Kim–Ada is outside 1–5",
            ),
            (
                "Kim,Ada,,,,",
                InvalidStrengthError,
                "ties.csv, row 2, column 'strength': The strength of the tie Kim–Ada is missing",
            ),
            ("Kim,Bob,3,,,", UnknownNodeError, "ties.csv, row 2, column 'to': There is no node called 'Bob'"),
            ("Kim,kim,3,,,", SelfTieError, "ties.csv, row 2, column 'to':"),
            ("Kim,Ada,3,,,later", InvalidFieldError, "ties.csv, row 2, column 'initiated_by':"),
        ],
    )
    def test_tie_row_errors(self, row, error, start):
        nodes = f"{NODES_HEADER}\nKim,me,,,\nAda,person,,,\n"
        with pytest.raises(error) as caught:
            from_csv(nodes, f"{TIES_HEADER}\n{row}\n")
        assert str(caught.value).startswith(start)

    def test_duplicate_tie_rows(self):
        nodes = f"{NODES_HEADER}\nKim,me,,,\nAda,person,,,\n"
        with pytest.raises(DuplicateTieError, match="^ties.csv, row 3, column 'to':"):
            from_csv(nodes, f"{TIES_HEADER}\nKim,Ada,3,,,\nAda,Kim,1,,,\n")

    @pytest.mark.parametrize(
        "nodes, error, text",
        [
            (f"{NODES_HEADER}\nKim,person,,,\n", MeNodeError, "has no node with kind 'me'"),
            (
                f"{NODES_HEADER}\nKim,me,,,\nLee,ME,,,\n",
                MeNodeError,
                "nodes.csv, row 3, column 'kind': More than one node has kind 'me' ('Kim' and 'Lee')",
            ),
            (
                f"{NODES_HEADER}\nKim,me,,,\nAda,person,,,\n ada ,tool,,,\n",
                DuplicateNodeError,
                "nodes.csv, row 4, column 'name': There is already a node called 'Ada'",
            ),
            (
                f"{NODES_HEADER}\nKim,me,,,\n,person,,,x\n",
                InvalidNameError,
                "nodes.csv, row 3, column 'name': The name '' is empty",
            ),
            (
                f"{NODES_HEADER}\nKim,me,,,\nAda,,,,\n",
                InvalidKindError,
                "nodes.csv, row 3, column 'kind': The kind of 'Ada' is missing: "
                "use person, community, resource or tool.",
            ),
        ],
    )
    def test_node_row_errors(self, nodes, error, text):
        with pytest.raises(error) as caught:
            from_csv(nodes, TIES_HEADER + "\n")
        assert text in str(caught.value)

    @pytest.mark.parametrize(
        "header, text",
        [
            ("Name,Kind,topic,tags,note", "missing 'name', 'kind'; unexpected 'Name', 'Kind'"),
            ("name,kind,topic,tags", "missing 'note'"),
            ("name,kind,topic,tags,note,colour", "unexpected 'colour'"),
            ("name,kind,topic,tags,note,name", "repeated 'name'"),
            ("name\tkind\ttopic\ttags\tnote", "missing 'name', 'kind', 'topic', 'tags', 'note'"),
        ],
    )
    def test_header_errors_point_to_the_template(self, header, text):
        with pytest.raises(FileFormatError) as caught:
            from_csv(f"{header}\nKim,me,,,\n", TIES_HEADER + "\n")
        message = str(caught.value)
        assert text in message
        assert "name,kind,topic,tags,note" in message and "template nodes.csv" in message

    def test_empty_file(self):
        with pytest.raises(FileFormatError, match="'ties.csv' is empty: its first row must be the header from,to,"):
            from_csv(f"{NODES_HEADER}\nKim,me,,,\n", b"")

    def test_unquoted_separator_in_a_cell(self):
        with pytest.raises(FileFormatError, match=r"^nodes.csv, row 3: This row has 6 cells"):
            from_csv(f"{NODES_HEADER}\nKim,me,,,\nAda,person,maths, stats,,note\n", TIES_HEADER + "\n")

    def test_broken_quotes(self):
        with pytest.raises(FileFormatError, match=r"^nodes.csv, row 3: The CSV cannot be read here"):
            from_csv(f'{NODES_HEADER}\nKim,me,,,\n"Ada" Lovelace,person,,,\n', TIES_HEADER + "\n")

    def test_cp1252_gets_the_excel_hint(self):
        nodes = f"{NODES_HEADER}\nJosé,me,,,\nZoë,person,,,€\n".encode("cp1252")
        with pytest.raises(EncodingError) as caught:
            from_csv(nodes, TIES_HEADER + "\n")
        assert str(caught.value) == (
            "The file 'nodes.csv' is not UTF-8 (it looks like Windows/cp1252 text). In Excel use "
            "File → Save As → 'CSV UTF-8 (Comma delimited)'; in LibreOffice tick 'Edit filter "
            "settings' and choose the character set 'Unicode (UTF-8)'."
        )

    def test_utf16_gets_the_excel_hint(self):
        nodes = f"{NODES_HEADER}\nKim,me,,,\n".encode("utf-16")
        with pytest.raises(EncodingError, match="is UTF-16 text, not UTF-8: In Excel use File → Save As"):
            from_csv(nodes, TIES_HEADER + "\n")

    @pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
    def test_formula_cells_are_neutralised_on_export(self, start):
        assert neutralise_cell(f"{start}1+1") == f"'{start}1+1"
        assert restore_cell(f"'{start}1+1") == f"{start}1+1"

    def test_formula_export_in_files(self, formats_example_network):
        nodes, ties = to_csv(formats_example_network)
        lines = nodes.splitlines()
        assert "'=SUM(A1:A9),tool,,'-risky|@home," in lines
        assert "'=SUM(A1:A9),Sam Rivera,3,,," in ties.splitlines()
        for line in lines + ties.splitlines():
            for cell in line.split(","):
                assert cell[:1] not in ("=", "+", "-", "@"), line

    def test_formula_round_trip_is_exact(self):
        net = LearningNetwork("=cmd|' /C calc'!A0")
        for name in ["-Ada", "+44 Group", "@handle", "'=already quoted", "''@two", "'plain apostrophe", "O'Brien"]:
            net.add(name, "person", note=name, tags=[name])
        net.connect("-Ada", "@handle", 2)
        back = from_csv(*to_csv(net))
        assert_exact(back, net)

    def test_apostrophes_are_only_removed_before_formula_characters(self):
        nodes = f"{NODES_HEADER}\nKim,me,,,\n'Tis Ada,person,,,'=1+1\n"
        net = from_csv(nodes, TIES_HEADER + "\n")
        assert net.node("'Tis Ada").note == "=1+1"

    def test_html_is_kept_verbatim(self):
        net = LearningNetwork("Kim")
        net.add('<img src=x onerror="alert(1)">', "resource", note="<b>bold</b> & <i>more</i>")
        assert_exact(from_csv(*to_csv(net)), net)
        assert_exact(from_json(to_json(net)), net)
        assert_exact(from_graphml(to_graphml(net)), net)


# --- GraphML ----------------------------------------------------------------------------------------


class TestGraphml:
    def test_round_trip_is_exact(self, formats_example_network):
        data = to_graphml(formats_example_network)
        assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>\n<graphml xmlns=")
        assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in data
        back = from_graphml(data)
        assert_exact(back, formats_example_network)
        assert to_graphml(back, saved_at=back.metadata.saved_at) == data

    def test_files(self, tmp_path, formats_example_network):
        path = tmp_path / "sam.graphml"
        write_graphml(formats_example_network, path)
        assert_exact(read_graphml(path), formats_example_network)

    def test_our_files_are_standard_graphml(self, tmp_path, formats_example_network):
        path = tmp_path / "sam.graphml"
        write_graphml(formats_example_network, path)
        graph = nx.read_graphml(path)  # a trusted file we just wrote
        names = nx.get_node_attributes(graph, "name")
        assert sorted(names.values()) == sorted(n.name for n in formats_example_network.nodes)
        assert graph.graph["format"] == FORMAT_NAME and graph.graph["format_version"] == FORMAT_VERSION
        ada = next(k for k, v in names.items() if v == "Ada Lovelace")
        assert graph.nodes[ada]["tags"] == "mentor|history"
        sam = next(k for k, v in names.items() if v == "Sam Rivera")
        assert graph.edges[sam, ada]["strength"] == 4

    def test_foreign_graphml_without_kinds(self):
        graph = nx.Graph()
        graph.add_edge("Ada", "Bob")
        data = "".join(nx.generate_graphml(graph)).encode()
        with pytest.raises(InvalidKindError, match=r"node 'Ada' \(Ada\), data 'kind': The kind of 'Ada' is missing"):
            from_graphml(data)

    def test_foreign_graphml_with_labels_kinds_and_defaults(self):
        data = b"""<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="node" attr.name="kind" attr.type="string"><default>person</default></key>
  <key id="d2" for="edge" attr.name="strength" attr.type="int"><default>3</default></key>
  <key id="d3" for="node" yfiles.type="nodegraphics"/>
  <key id="d4" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="G" edgedefault="directed">
    <node id="a"><data key="d0">Kim</data><data key="d1">me</data>
      <data key="d3"><y:ShapeNode><y:NodeLabel>Kim</y:NodeLabel></y:ShapeNode></data></node>
    <node id="b"><data key="d0">Ada</data></node>
    <node id="c"/>
    <edge source="a" target="b"><data key="d4">0.5</data></edge>
    <edge source="c" target="a"><data key="d2">5</data></edge>
  </graph>
</graphml>"""
        net = from_graphml(data)
        assert [(n.name, n.kind) for n in net.nodes] == [("Kim", "me"), ("Ada", "person"), ("c", "person")]
        assert net.tie("Kim", "Ada").strength == 3
        assert net.tie("Kim", "c").strength == 5

    def test_no_me_in_foreign_graphml(self):
        graph = nx.Graph()
        graph.add_node("Ada", kind="person")
        data = b"".join(line.encode() for line in nx.generate_graphml(graph))
        with pytest.raises(MeNodeError, match="has no node with kind 'me'"):
            from_graphml(data)

    def test_directed_foreign_graphml_with_both_directions(self):
        graph = nx.DiGraph()
        graph.add_node("Kim", kind="me")
        graph.add_node("Ada", kind="person")
        graph.add_edge("Kim", "Ada", strength=3)
        graph.add_edge("Ada", "Kim", strength=2)
        data = "".join(nx.generate_graphml(graph)).encode()
        with pytest.raises(DuplicateTieError, match="already tied"):
            from_graphml(data)

    @pytest.mark.parametrize(
        "body, text",
        [
            (b"<graphml xmlns='http://graphml.graphdrawing.org/xmlns'/>", "has 0 <graph> elements"),
            (b"<graphml><graph/><graph/></graphml>", "has 2 <graph> elements"),
            (b"<svg/>", "is XML but not GraphML: its outer element is <svg>"),
            (b"<graphml><graph><node id='a'/><node id='a'/></graph></graphml>", "two nodes with the id 'a'"),
            (b"<graphml><graph><node/></graph></graphml>", "a <node> without an id"),
            (
                b"<graphml><graph><node id='a'/><edge source='a' target='z'/></graph></graphml>",
                "refers to the node 'z', which is not in the file",
            ),
            (b"<graphml><graph><hyperedge/></graph></graphml>", "hyperedges and nested graphs are not accepted"),
            (b"<graphml><graph><node id='a'><graph/></node></graph></graphml>", "contains a nested graph"),
            (
                b"<graphml><graph><node id='a'><data key='k'>x</data></node></graph></graphml>",
                "no <key> with that id is declared",
            ),
            (
                b"<graphml><key id='k' for='node' attr.name='kind'/><graph><node id='a'>"
                b"<data key='k'>me</data><data key='k'>me</data></node></graph></graphml>",
                "has two values for 'kind'",
            ),
            (b"<graphml><graph>", "is not well-formed XML"),
            (b"not xml at all", "is not well-formed XML"),
        ],
    )
    def test_structure_errors(self, body, text):
        with pytest.raises(FileFormatError) as caught:
            from_graphml(body)
        assert text in str(caught.value)

    def test_future_version(self):
        data = to_graphml(LearningNetwork("Kim")).replace(
            b'<data key="format_version">2</data>', b'<data key="format_version">7</data>'
        )
        with pytest.raises(SchemaVersionError, match="newer version of the kit"):
            from_graphml(data)

    def test_wrong_format_name(self):
        data = to_graphml(LearningNetwork("Kim")).replace(FORMAT_NAME.encode(), b"something-else")
        with pytest.raises(FileFormatError, match="says its format is 'something-else'"):
            from_graphml(data)

    def test_bad_values_name_the_node_or_edge(self):
        net = LearningNetwork("Kim")
        net.add("Ada", "person")
        net.connect("Kim", "Ada", 3)
        data = to_graphml(net).replace(b'<data key="strength">3</data>', b'<data key="strength">3.5</data>')
        with pytest.raises(
            InvalidStrengthError, match=r"^network.graphml, edge 'e0' \(Kim–Ada\), data 'strength': Strength '3.5'"
        ):
            from_graphml(data)

    def test_untrusted_input_never_reaches_networkx_reader(self, monkeypatch, formats_example_network):
        def refuse(*args, **kwargs):
            raise AssertionError("networkx.read_graphml must not see untrusted files")

        monkeypatch.setattr(nx, "read_graphml", refuse)
        monkeypatch.setattr(nx, "parse_graphml", refuse)
        assert_exact(from_graphml(to_graphml(formats_example_network)), formats_example_network)


# --- load and save ------------------------------------------------------------------------------------


class TestLoadSave:
    def test_dispatch_on_extension(self, tmp_path, formats_example_network):
        for name in ["a.json", "a.graphml", "a.XML", "A.JSON"]:
            path = tmp_path / name
            save(formats_example_network, path)
            assert_exact(load(path), formats_example_network)
        assert load(tmp_path / "a.json") == load(str(tmp_path / "a.graphml"))

    def test_dispatch_on_content(self, tmp_path, formats_example_network):
        assert_exact(load(to_json(formats_example_network).encode()), formats_example_network)
        assert_exact(load(b"\xef\xbb\xbf" + to_graphml(formats_example_network)), formats_example_network)
        assert_exact(load(b"\n  " + to_json(formats_example_network).encode()), formats_example_network)
        assert_exact(load(io.BytesIO(to_graphml(formats_example_network))), formats_example_network)
        path = tmp_path / "network.txt"
        path.write_text(to_json(formats_example_network), encoding="utf-8")
        assert_exact(load(path), formats_example_network)
        assert_exact(load(to_csv(formats_example_network)), formats_example_network, metadata=False)

    def test_upload_names_appear_in_messages(self):
        with pytest.raises(FileFormatError, match="'upload.json' is not valid JSON"):
            load(b"{oops", name="upload.json")

    def test_what_cannot_be_loaded_or_saved(self, tmp_path, formats_example_network):
        with pytest.raises(FileFormatError, match="neither a JSON nor a GraphML"):
            load(b"name,kind\n")
        with pytest.raises(FileFormatError, match=r"CSV is two files.*load\(\(nodes_path, ties_path\)\)"):
            load(tmp_path / "nodes.csv")
        with pytest.raises(FileFormatError, match="use a name ending in .json or .graphml"):
            save(formats_example_network, tmp_path / "net.csv")
        with pytest.raises(TypeError):
            load((1, 2, 3))  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            load(12345)  # type: ignore[arg-type]
        with pytest.raises(FileNotFoundError):
            load(tmp_path / "missing.json")

    def test_writers_refuse_files_the_readers_would_refuse(self, tmp_path, monkeypatch, formats_example_network):
        monkeypatch.setattr(_safety, "MAX_FILE_BYTES", 300)
        for write, name in [(write_json, "big.json"), (write_graphml, "big.graphml")]:
            with pytest.raises(FileTooLargeError, match=f"would make a file '{name}'"):
                write(formats_example_network, tmp_path / name)
            assert not (tmp_path / name).exists()
        monkeypatch.setattr(_safety, "MAX_FILE_BYTES", len(to_csv(formats_example_network)[1]) - 1)
        with pytest.raises(FileTooLargeError, match=r"would make a file '[nt]\.csv'"):
            write_csv(formats_example_network, tmp_path / "n.csv", tmp_path / "t.csv")
        assert list(tmp_path.iterdir()) == []

    def test_writes_are_atomic(self, tmp_path, monkeypatch, formats_example_network):
        path = tmp_path / "sam.json"
        write_json(LearningNetwork("Old"), path)
        before = path.read_bytes()

        def crash(*args):
            raise OSError("disk full")

        monkeypatch.setattr(_safety.os, "replace", crash)
        with pytest.raises(OSError, match="disk full"):
            write_json(formats_example_network, path)
        assert path.read_bytes() == before
        assert [p.name for p in tmp_path.iterdir()] == ["sam.json"]

    def test_new_files_get_usual_modes_existing_files_keep_theirs(self, tmp_path, formats_example_network):
        plain = tmp_path / "plain.txt"
        plain.write_bytes(b"")
        path = tmp_path / "new.json"
        write_json(formats_example_network, path)
        assert path.stat().st_mode & 0o777 == plain.stat().st_mode & 0o777
        os.chmod(path, 0o600)
        write_json(formats_example_network, path)
        assert path.stat().st_mode & 0o777 == 0o600


# --- property-based round trips ------------------------------------------------------------------------

_TEXT = st.characters(exclude_categories=("Cc", "Cs"), exclude_characters="\ufffe\uffff")
_NOTE_TEXT = st.characters(
    exclude_categories=("Cc", "Cs"), exclude_characters="\ufffe\uffff", include_characters="\n\t\r"
)
_TRICKY = [
    "<script>alert(1)</script>",
    "=1+1",
    "-Ada",
    "+44",
    "@home",
    "'=x",
    "O'Brien",
    'say "hi"',
    "a,b;c",
    "José",
    "ﬁona",
    "&amp;",
    "]]>",
    "Ada\u200bLovelace",
    "emoji 👩‍💻",
    "tab\there",
    "x|y",
]
_names = st.one_of(st.text(_TEXT, min_size=1, max_size=12), st.sampled_from(_TRICKY))
_dates = st.one_of(st.none(), st.dates())


@st.composite
def learning_networks(draw):
    net = None
    while net is None:
        try:
            net = LearningNetwork(
                draw(_names),
                title=draw(st.text(_TEXT, max_size=20)),
                created=draw(_dates),
                as_of=draw(_dates),
            )
        except NetworkError:
            net = None
    try:
        net.edit(net.me, topic=draw(st.text(_TEXT, max_size=10)), note=draw(st.text(_NOTE_TEXT, max_size=30)))
    except NetworkError:
        pass
    for _ in range(draw(st.integers(0, 8))):
        try:
            net.add(
                draw(_names),
                draw(st.sampled_from(OTHER_KINDS)),
                topic=draw(st.text(_TEXT, max_size=10)),
                tags=draw(
                    st.lists(st.one_of(st.text(_TEXT, min_size=1, max_size=6), st.sampled_from(_TRICKY)), max_size=3)
                ),
                note=draw(st.text(_NOTE_TEXT, max_size=30)),
            )
        except NetworkError:
            pass
    names = [node.name for node in net.nodes]
    for _ in range(draw(st.integers(0, 12))):
        try:
            net.connect(
                draw(st.sampled_from(names)),
                draw(st.sampled_from(names)),
                strength=draw(st.integers(1, 5)),
                since=draw(_dates),
                last_contact=draw(_dates),
                initiated_by=draw(st.sampled_from([None, "me", "them", "both"])),
            )
        except NetworkError:
            pass
    return net


# database=None: no .hypothesis folder in the repository; failures print their example.
_ROUND_TRIP = settings(max_examples=50, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@_ROUND_TRIP
@given(learning_networks())
def test_json_round_trip_property(net):
    text = to_json(net)
    back = from_json(text)
    assert_exact(back, net)
    assert to_json(back, saved_at=back.metadata.saved_at) == text


@_ROUND_TRIP
@given(learning_networks())
def test_graphml_round_trip_property(net):
    data = to_graphml(net)
    back = from_graphml(data)
    assert_exact(back, net)
    assert to_graphml(back, saved_at=back.metadata.saved_at) == data


@_ROUND_TRIP
@given(learning_networks())
def test_csv_round_trip_property(net):
    nodes, ties = to_csv(net)
    back = from_csv(nodes.encode("utf-8-sig"), ties.encode("utf-8"))
    assert_exact(back, net, metadata=False)
    # no cell starts like a formula (a quoted note may hold a line that does: that is not a cell)
    for text in (nodes, ties):
        for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))):
            assert all(cell[:1] not in ("=", "+", "-", "@") for cell in row), row


@_ROUND_TRIP
@given(learning_networks())
def test_normalised_names_are_unique_in_generated_networks(net):
    keys = [normalise_name(node.name) for node in net.nodes]
    assert len(keys) == len(set(keys))


# --- format version 2: the network's identity --------------------------------------------------

_V1 = {
    "format": FORMAT_NAME,
    "format_version": 1,
    "me": "Kim",
    "nodes": [{"name": "Kim", "kind": "me"}, {"name": "Ada", "kind": "person"}],
    "ties": [{"a": "Kim", "b": "Ada", "strength": 4}],
    "metadata": {"title": "Week 1", "as_of": "2024-03-01"},
}
_WHEN = datetime.datetime(2026, 10, 1, 9, 30, tzinfo=datetime.timezone.utc)


class TestIdentity:
    def test_a_new_network_has_a_random_learner_id(self):
        one, two = LearningNetwork("Me"), LearningNetwork("Me")
        assert re.fullmatch(r"[0-9a-f]{32}", one.metadata.learner_id)
        assert one.metadata.learner_id != two.metadata.learner_id
        assert one == two  # identity is not content

    def test_version_1_file_is_migrated_and_read_without_inventing_an_id(self):
        doc = migrate(json.loads(json.dumps(_V1)))
        assert doc["format_version"] == 2 and doc["metadata"]["learner_id"] is None
        assert doc["metadata"]["saved_at"] is None and doc["metadata"]["title"] == "Week 1"
        net = from_json(json.dumps(_V1))
        assert net.metadata.learner_id is None and net.metadata.saved_at is None
        assert net.metadata.title == "Week 1" and net.tie("Kim", "Ada").strength == 4
        # written again, it is a version 2 file that still has no identity
        again = json.loads(to_json(net, saved_at=_WHEN))
        assert again["format_version"] == 2 and again["metadata"]["learner_id"] is None
        assert again["metadata"]["saved_at"] == "2026-10-01T09:30:00Z"

    def test_a_version_1_file_cannot_plant_an_identity(self):
        planted = json.loads(json.dumps(_V1))
        planted["metadata"]["learner_id"] = "0" * 32
        planted["metadata"]["saved_at"] = "2030-01-01T00:00:00Z"
        net = from_json(json.dumps(planted))
        assert net.metadata.learner_id is None and net.metadata.saved_at is None

    def test_version_1_graphml_is_migrated_too(self):
        net = from_json(json.dumps(_V1))
        data = to_graphml(net).replace(b'<data key="format_version">2</data>', b'<data key="format_version">1</data>')
        assert from_graphml(data).metadata.learner_id is None

    @pytest.mark.parametrize("writer,reader", [(to_json, from_json), (to_graphml, from_graphml)])
    def test_id_and_saved_at_round_trip(self, writer, reader):
        net = LearningNetwork("Sam")
        back = reader(writer(net, saved_at=_WHEN))
        assert back.metadata.learner_id == net.metadata.learner_id
        assert back.metadata.saved_at == _WHEN

    def test_every_save_stamps_the_time_from_the_clock(self, tmp_path, monkeypatch):
        from connectivism.formats import _document

        monkeypatch.setattr(_document, "clock", lambda: _WHEN)
        write_json(LearningNetwork("Sam"), tmp_path / "a.json")
        assert read_json(tmp_path / "a.json").metadata.saved_at == _WHEN
        later = _WHEN + datetime.timedelta(hours=1)
        monkeypatch.setattr(_document, "clock", lambda: later)
        write_graphml(LearningNetwork("Sam"), tmp_path / "a.graphml")
        assert read_graphml(tmp_path / "a.graphml").metadata.saved_at == later

    def test_the_same_network_and_time_give_the_same_file(self):
        net = LearningNetwork("Sam")
        assert to_json(net, saved_at=_WHEN) == to_json(net.copy(), saved_at=_WHEN)
        assert to_graphml(net, saved_at=_WHEN) == to_graphml(net.copy(), saved_at=_WHEN)

    @pytest.mark.parametrize("value", ["Alice Realname, 12 Main St", "ABCDEF" * 6, 42, ["x"], "0" * 31])
    def test_a_bad_learner_id_is_refused_without_quoting_it(self, value):
        doc = json.loads(to_json(LearningNetwork("Kim")))
        doc["metadata"]["learner_id"] = value
        with pytest.raises(InvalidFieldError) as caught:
            from_json(json.dumps(doc))
        assert "Realname" not in str(caught.value) and "ABCDEF" not in str(caught.value)
        assert caught.value.field == "learner_id"

    @pytest.mark.parametrize("value", ["yesterday", "2026-02-30T00:00:00Z", "2026-10-01T09:30:00", 5])
    def test_a_bad_saved_at_is_refused(self, value):
        doc = json.loads(to_json(LearningNetwork("Kim")))
        doc["metadata"]["saved_at"] = value
        with pytest.raises(InvalidDateError):
            from_json(json.dumps(doc))

    def test_csv_carries_no_identity(self):
        assert load(to_csv(LearningNetwork("Kim"))).metadata.learner_id is None

    def test_templates_and_examples_carry_no_id(self):
        from connectivism.examples import EXAMPLES, load_example

        for name in EXAMPLES:
            assert load_example(name).metadata.learner_id is None
        net = LearningNetwork("Sam")
        starter = net.as_template()
        assert starter.metadata.learner_id is None and starter == net
        assert json.loads(to_json(starter))["metadata"]["learner_id"] is None

    def test_a_network_started_from_a_template_gets_a_fresh_id_and_reimport_keeps_it(self):
        from connectivism.examples import load_example
        from connectivism.session import EditSession

        one = EditSession.resume(autosave=False, start=lambda: load_example("teacher"))
        two = EditSession.resume(autosave=False, start=lambda: load_example("teacher"))
        mine = one.network.metadata.learner_id
        assert mine and two.network.metadata.learner_id and mine != two.network.metadata.learner_id
        # importing a starter file keeps the learner's id; re-importing their own export keeps it too
        one.replace(from_json(to_json(load_example("clinical-educator").as_template())), "import starter")
        assert one.network.metadata.learner_id == mine
        exported = to_json(one.network)
        fresh = EditSession(autosave=False)
        fresh.replace(from_json(exported), "import my export")
        assert fresh.network.metadata.learner_id == mine

    def test_the_anonymised_export_keeps_the_id(self):
        from connectivism.privacy import anonymised

        net = LearningNetwork("Sam Rivera")
        doc = json.loads(to_json(anonymised(net), saved_at=_WHEN))
        assert doc["metadata"]["learner_id"] == net.metadata.learner_id
        assert doc["metadata"]["saved_at"] == "2026-10-01T09:30:00Z"
