"""No learner work lost: big networks, odd names, shared autosaves, damaged files.

One test (or a few) per finding of the hostile-input review (M6, M7, M8, L1, L7)
and issue 20; each failed on the code before the fix.
"""

from __future__ import annotations

import base64
import datetime
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_builder import upload

import connectivism.session as session_module
from connectivism.errors import NetworkError
from connectivism.examples import load_example
from connectivism.formats import (
    MAX_FILE_BYTES,
    _safety,
    csv_format,
    load,
    read_csv,
    read_json,
    to_csv,
    write_csv,
)
from connectivism.network import (
    MAX_NOTE_LENGTH,
    MAX_TEXT_LENGTH,
    LearningNetwork,
    normalise_name,
)
from connectivism.privacy import anonymised
from connectivism.session import EditSession
from connectivism.widgets import sharing as sharing_module
from connectivism.widgets.builder import NetworkBuilder

AS_OF = datetime.date(2026, 10, 1)


def fake_measures(net, as_of):
    return (f"<p>measures of {len(net)} nodes</p>", f"<p>suggestions for {len(net.ties)} ties</p>")


def make_builder(session):
    return NetworkBuilder(session, as_of=AS_OF, measures=fake_measures)


def decode_links(markup):
    return {
        name: base64.b64decode(data).decode("utf-8")
        for name, data in re.findall(r"download='([^']+)' href='data:[^;]+;charset=utf-8;base64,([^']+)'", markup)
    }


# --- 1. a change is either applied and saved, or refused with nothing changed ----------------


def test_the_big_network_of_the_review_is_refused_before_it_cannot_be_saved(tmp_path):
    """M6: 1,100 nodes with 5,000-character notes.

    Now the change that would make the network too large to save is refused, with a
    message saying what to shorten.
    """
    path = tmp_path / "auto.json"
    b = make_builder(EditSession(LearningNetwork("Sam"), autosave=path))
    note = "\U0001f600" * MAX_NOTE_LENGTH  # 4 bytes each: the costliest text for JSON
    refused = None
    for i in range(1100):
        b.node_name.value, b.node_note.value = f"node {i}", note
        before, history = b.network.copy(), b.session.history
        if not b.add_node():
            refused = i
            break
    assert refused is not None and refused < 1100
    # the refusal changed nothing and says what to do
    assert b.network == before and b.session.history == history
    assert "shorten the longest notes" in b.add_message.value
    assert b.session.save_error is None and "kit-error" not in b.status.value
    # everything else works with the largest network: autosave, undo, export, import
    assert b.network.text_length <= MAX_TEXT_LENGTH
    assert path.stat().st_size <= MAX_FILE_BYTES and read_json(path) == b.network
    full = b.network.copy()
    b.node_name.value, b.node_note.value = "short", "a short note"
    assert b.add_node()
    assert read_json(path) == b.network
    assert b.undo() == "add short" and b.network == full and read_json(path) == full
    b.prepare_downloads()
    files = decode_links(b.export_links.value)
    assert len(files) == 5 and "kit-error" not in b.export_links.value
    assert all(len(text.encode("utf-8")) <= MAX_FILE_BYTES for text in files.values())
    fresh = make_builder(EditSession(LearningNetwork("Kim"), autosave=tmp_path / "other.json"))
    upload(fresh, ("my-learning-network.json", files["my-learning-network.json"].encode()))
    assert fresh.network == full, fresh.share_message.value
    upload(
        fresh,
        ("a.csv", files["my-learning-network-ties.csv"].encode()),
        ("b.csv", files["my-learning-network-nodes.csv"].encode()),
    )
    assert to_csv(fresh.network) == to_csv(full), fresh.share_message.value
    upload(fresh, ("anon.json", files["my-learning-network-anonymised.json"].encode()))
    assert len(fresh.network) == len(full), fresh.share_message.value


@pytest.mark.parametrize("failure", ["too large", "disk full"])
def test_a_failed_autosave_keeps_the_change_and_undo_and_says_what_to_do(tmp_path, monkeypatch, failure):
    path = tmp_path / "auto.json"
    b = make_builder(EditSession(LearningNetwork("Sam"), autosave=path))
    b.node_name.value = "Ada"
    assert b.add_node()
    saved = path.read_bytes()
    if failure == "too large":
        monkeypatch.setattr(_safety, "MAX_FILE_BYTES", len(saved))
    else:

        def full(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(_safety.os, "fsync", full)
    b.node_name.value, b.node_note.value = "Ben", "a note that makes the file larger"
    assert b.add_node()  # the change is made ...
    assert "Ben" in b.network and b.session.history[-1] == "add Ben"
    assert path.read_bytes() == saved  # ... but not saved, and the old file is intact
    assert "could not be autosaved" in b.session.save_error
    assert "could not be autosaved" in b.status.value and "Download your network" in b.status.value
    b.node_name.value = "Cy"
    assert b.add_node() and "Cy" in b.network
    assert b.undo() == "add Cy" and "Cy" not in b.network  # undo does not raise ...
    assert "Ben" in b.network and "could not be autosaved" in b.status.value  # ... nor hide the problem
    assert path.read_bytes() == saved
    monkeypatch.undo()
    b.node_name.value = "Dan"
    assert b.add_node()
    assert b.session.save_error is None and read_json(path) == b.network
    assert "autosaved again" in b.status.value and "kit-error" not in b.status.value


# --- 2. anonymised() never fails ---------------------------------------------------------------

LOOK_ALIKES = ["Ｐｅｒｓｏｎ 1", "Person\u200b 1", "  learner   2 ", "ＬＥＡＲＮＥＲ"]


@st.composite
def pseudonyms(draw):
    """The word learner or person, maybe numbered, in any mix of cases and spacing."""
    word = draw(st.sampled_from(["learner", "person"]))
    cased = "".join(c.upper() if draw(st.booleans()) else c for c in word)
    number = draw(st.one_of(st.none(), st.integers(1, 30)))
    return cased if number is None else cased + draw(st.sampled_from([" ", "  ", "\t"])) + str(number)


names = st.one_of(pseudonyms(), st.sampled_from(LOOK_ALIKES), st.text(min_size=1, max_size=12))
kinds = st.sampled_from(["person", "community", "resource", "tool"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    me=names,
    nodes=st.lists(st.tuples(names, kinds), max_size=25),
    ties=st.lists(st.tuples(st.integers(0, 25), st.integers(0, 25)), max_size=30),
)
def test_anonymised_never_fails_whatever_the_names(me, nodes, ties):
    try:
        net = LearningNetwork(me)
    except NetworkError:
        net = LearningNetwork("Sam")
    for name, kind in nodes:
        try:
            net.add(name, kind, note="private")
        except NetworkError:
            pass
    names_ = [n.name for n in net.nodes]
    for a, b in ties:
        try:
            net.connect(names_[a % len(names_)], names_[b % len(names_)])
        except NetworkError:
            pass
    anon = anonymised(net)
    assert len(anon) == len(net) and len(anon.ties) == len(net.ties)
    assert all(node.note == "" for node in anon.nodes)
    kept = [n.name for n in net.nodes if n.kind not in ("me", "person")]
    assert [n.name for n in anon.nodes if n.kind not in ("me", "person")] == kept
    people = [n for n in anon.nodes if n.kind in ("me", "person")]
    assert all(re.fullmatch(r"(Learner|Person)( [0-9]+)?", n.name) for n in people)
    assert len({normalise_name(n.name) for n in anon.nodes}) == len(anon)
    assert anon.text_length <= max(net.text_length, MAX_TEXT_LENGTH)


def test_anonymised_copy_of_a_network_at_the_text_limit_fits(monkeypatch):
    """Pseudonyms are longer than one-letter names, but names count as 12 characters."""
    import connectivism.network as network_module

    net = LearningNetwork("S")
    for i in range(30):
        net.add(chr(0x4E00 + i), "person")
        net.connect("S", chr(0x4E00 + i))
    monkeypatch.setattr(network_module, "MAX_TEXT_LENGTH", net.text_length)
    anon = anonymised(net)
    assert anon.text_length <= net.text_length and anon.metadata.title == ""


def test_a_tool_called_learner_no_longer_blocks_the_downloads(tmp_path):
    """M7: every link appears, the anonymised one included."""
    b = make_builder(EditSession(LearningNetwork("Sam"), autosave=tmp_path / "a.json"))
    for name, kind in [("Ada", "person"), ("learner", "tool"), ("PERSON 1", "community")]:
        b.session.do(f"add {name}", lambda net, name=name, kind=kind: net.add(name, kind))
    b.prepare_downloads()
    files = decode_links(b.export_links.value)
    assert len(files) == 5
    anon = load(files["my-learning-network-anonymised.json"].encode())
    assert [n.name for n in anon.nodes] == ["Learner 2", "Person 2", "learner", "PERSON 1"]


# --- 3. a shared autosave file is noticed -------------------------------------------------------


def test_two_sessions_on_one_autosave_never_overwrite_each_other(tmp_path):
    """M8: the second writer is told, and nothing is written over the first's work."""
    path = tmp_path / "my-learning-network.autosave.json"
    one = EditSession.resume(autosave=path)
    two = EditSession.resume(autosave=path)
    one.do("a", lambda n: n.add("Tab1", "person"))
    two.do("b", lambda n: n.add("Tab2", "person"))
    assert "Tab1" in read_json(path) and "Tab2" not in read_json(path)
    assert two.conflict and "Another builder" in two.save_error
    assert "Tab2" in two.network and two.can_undo  # the change is kept, in memory
    two.do("c", lambda n: n.add("Tab2 again", "person"))
    assert "Tab2" not in read_json(path)  # still not written over
    # the first session goes on saving its own file
    one.do("d", lambda n: n.add("Tab1 again", "person"))
    assert not one.conflict and "Tab1 again" in read_json(path)
    # choice 1: keep mine in a new file
    new = two.save_as_new()
    assert new == tmp_path / "my-learning-network-2.autosave.json"
    assert read_json(new) == two.network and not two.conflict and two.save_error is None
    two.do("e", lambda n: n.add("Tab2 later", "person"))
    assert "Tab2 later" in read_json(new) and "Tab2 later" not in read_json(path)
    assert EditSession.resume(autosave=path).network == one.network


def test_opening_the_other_network_keeps_this_one(tmp_path):
    path = tmp_path / "auto.json"
    one, two = EditSession.resume(autosave=path), EditSession.resume(autosave=path)
    one.do("a", lambda n: n.add("Tab1", "person"))
    two.do("b", lambda n: n.add("Tab2", "person"))
    mine = two.network.copy()
    kept = two.open_other()
    assert read_json(kept) == mine and two.network == one.network
    assert two.autosave_path == path and not two.conflict
    assert two.undo() == "open the other network" and two.network == mine
    # the two now share the file by the learner's choice; the first is told when it saves
    one.do("c", lambda n: n.add("Tab1 later", "person"))
    assert one.conflict and "Tab1 later" in one.network and read_json(path) == mine


def test_the_same_content_saved_by_another_session_is_no_conflict(tmp_path):
    path = tmp_path / "auto.json"
    one, two = EditSession.resume(autosave=path), EditSession.resume(autosave=path)
    one.do("a", lambda n: n.add("Ada", "person"))
    two.do("a", lambda n: n.add("Ada", "person"))  # the same network: nothing would be lost
    assert not two.conflict and two.save_error is None
    two.do("b", lambda n: n.add("Ben", "person"))
    assert not two.conflict and read_json(path) == two.network
    one.do("c", lambda n: n.add("Cy", "person"))
    assert one.conflict and "Cy" not in read_json(path)


def test_the_builder_shows_a_shared_autosave_and_both_choices(tmp_path):
    path = tmp_path / "my-learning-network.autosave.json"
    one = make_builder(EditSession.resume(autosave=path))
    two = make_builder(EditSession.resume(autosave=path))
    assert two.conflict_box.layout.display == "none"
    one.node_name.value = "Tab1"
    one.add_node()
    two.node_name.value = "Tab2"
    assert two.add_node()
    assert two.conflict_box.layout.display == "flex"
    assert "Another builder" in two.status.value and "not saved over it" in two.status.value
    assert two.open_other_button.description and two.keep_mine_button.description
    two.keep_mine_button.click()
    assert two.conflict_box.layout.display == "none"
    assert "my-learning-network-2.autosave.json" in two.status.value
    assert "Tab2" in read_json(tmp_path / "my-learning-network-2.autosave.json")
    assert "Tab1" in read_json(path) and "Tab2" not in read_json(path)

    three = make_builder(EditSession.resume(autosave=path))
    one.node_name.value = "Tab1 again"
    one.add_node()
    three.node_name.value = "Tab3"
    three.add_node()
    three.open_other_button.click()
    assert "Tab1 again" in three.network and "Tab3" not in three.network
    assert "Undo brings it back" in three.status.value


# --- 4. damaged autosaves are always kept --------------------------------------------------------


def test_an_autosave_that_cannot_be_renamed_is_left_alone_and_the_session_starts(tmp_path, monkeypatch):
    path = tmp_path / "auto.json"
    path.write_text("{ damaged")

    def refuse(self, target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "rename", refuse)
    session = EditSession.resume(autosave=path)
    assert len(session.network) == 1
    assert str(path) in session.notice and "could not be renamed" in session.notice
    assert session.autosave_path != path
    b = make_builder(session)
    assert str(path) in b.status.value
    b.node_name.value = "Ada"
    assert b.add_node()
    assert path.read_text() == "{ damaged"  # never written over
    assert read_json(session.autosave_path) == b.network


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can rename anything")
def test_a_damaged_autosave_in_a_read_only_folder(tmp_path):
    folder = tmp_path / "read-only"
    folder.mkdir()
    path = folder / "auto.json"
    path.write_text("{ damaged")
    folder.chmod(0o500)
    try:
        session = EditSession.resume(autosave=path)
        assert str(path) in session.notice
        session.do("add", lambda n: n.add("Ada", "person"))
        assert "could not be autosaved" in session.save_error
        assert path.read_text() == "{ damaged"
    finally:
        folder.chmod(0o700)


def test_two_damaged_autosaves_in_one_second_are_both_kept(tmp_path, monkeypatch):
    class Frozen(datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            return cls(2026, 11, 28, 4, 30, 0)

    monkeypatch.setattr(session_module.datetime, "datetime", Frozen)
    path = tmp_path / "auto.json"
    for content in ("{ first", "{ second", "{ third"):
        path.write_text(content)
        assert "could not be read" in EditSession.resume(autosave=path).notice
    kept = sorted(tmp_path.glob("auto.damaged-*.json"))
    assert sorted(p.read_text() for p in kept) == ["{ first", "{ second", "{ third"]
    assert [p.name for p in kept] == [
        "auto.damaged-20261128-043000-2.json",
        "auto.damaged-20261128-043000-3.json",
        "auto.damaged-20261128-043000.json",
    ]


# --- 5. CSV import by content --------------------------------------------------------------------


@pytest.mark.parametrize(
    "names",
    [("export (1).csv", "export (2).csv"), ("ties.csv", "nodes.csv"), ("my-ties.csv", "ties-too.csv"), ("a", "b.txt")],
)
@pytest.mark.parametrize("order", ["nodes first", "ties first"])
def test_a_csv_pair_is_recognised_by_its_headers_whatever_its_names(tmp_path, names, order):
    teacher = load_example("teacher")
    nodes, ties = to_csv(teacher)
    files = [(names[0], nodes.encode("utf-8-sig")), (names[1], ties.encode())]
    if order == "ties first":
        files.reverse()
    b = make_builder(EditSession(LearningNetwork("Sam"), autosave=tmp_path / "a.json"))
    upload(b, *files)
    assert to_csv(b.network) == (nodes, ties), b.share_message.value


@pytest.mark.parametrize(
    "first,second",
    [
        ("name,kind,topic,tags,note\r\nSam,me,,,\r\n", "name,kind,topic,tags,note\r\nKim,me,,,\r\n"),
        ("a,b,c\r\n", "from,to,strength,since,last_contact,initiated_by\r\n"),
        ("", "\xff"),
    ],
)
def test_a_pair_that_cannot_be_told_apart_is_refused_with_a_message(tmp_path, first, second):
    b = make_builder(EditSession(LearningNetwork("Sam"), autosave=tmp_path / "a.json"))
    before = b.network.copy()
    upload(b, ("one.csv", first.encode("utf-8", "surrogateescape")), ("two.csv", second.encode("latin-1")))
    assert b.network == before and not b.session.can_undo
    assert "Could not tell which file holds the nodes" in b.share_message.value
    assert "name,kind,topic,tags,note" in b.share_message.value


def test_csv_kind_reads_only_the_header():
    assert csv_format.csv_kind('"Name";"Kind";"Topic"\n') == "nodes"
    assert csv_format.csv_kind(b"\xef\xbb\xbffrom;to;strength\r\nname,kind\r\n") == "ties"
    assert csv_format.csv_kind(b"name,kind,from,to\n") is None
    assert csv_format.csv_kind(b"") is None


# --- 6. the CSV pair is written all or nothing ---------------------------------------------------


def failing_replace_of(monkeypatch, victim):
    real = os.replace

    def replace(src, dst, *args, **kwargs):
        if Path(dst).name == victim:
            raise OSError(28, "No space left on device")
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(csv_format.os, "replace", replace)


def test_a_failed_ties_write_leaves_the_old_pair(tmp_path, monkeypatch):
    nodes, ties = tmp_path / "n.csv", tmp_path / "t.csv"
    old = load_example("teacher")
    write_csv(old, nodes, ties)
    nodes.chmod(0o640)
    old_bytes = nodes.read_bytes(), ties.read_bytes()
    new = LearningNetwork("Kim")
    failing_replace_of(monkeypatch, "t.csv")
    with pytest.raises(OSError):
        write_csv(new, nodes, ties)
    assert (nodes.read_bytes(), ties.read_bytes()) == old_bytes
    assert read_csv(nodes, ties).me == old.me
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.csv", "t.csv"]  # no temporary files
    monkeypatch.undo()
    write_csv(new, nodes, ties)
    assert read_csv(nodes, ties) == new and nodes.stat().st_mode & 0o777 == 0o640


def test_a_failed_first_write_of_a_new_pair_leaves_no_half_pair(tmp_path, monkeypatch):
    nodes, ties = tmp_path / "n.csv", tmp_path / "t.csv"
    failing_replace_of(monkeypatch, "t.csv")
    with pytest.raises(OSError):
        write_csv(LearningNetwork("Kim"), nodes, ties)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_staging_changes_nothing(tmp_path, monkeypatch):
    nodes, ties = tmp_path / "n.csv", tmp_path / "t.csv"
    write_csv(LearningNetwork("Sam"), nodes, ties)
    old_bytes = nodes.read_bytes(), ties.read_bytes()
    calls = []
    real = os.fsync

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(5, "Input/output error")
        return real(fd)

    monkeypatch.setattr(csv_format.os, "fsync", fsync)
    with pytest.raises(OSError):
        write_csv(LearningNetwork("Kim"), nodes, ties)
    assert (nodes.read_bytes(), ties.read_bytes()) == old_bytes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.csv", "t.csv"]


# --- 7. downloads stay available -----------------------------------------------------------------


@pytest.mark.parametrize("broken", ["anonymised", "to_csv"])
def test_a_failing_download_kind_does_not_hide_the_others(tmp_path, monkeypatch, broken):
    b = make_builder(EditSession(load_example("teacher"), autosave=tmp_path / "a.json"))

    def fail(net):
        raise RuntimeError("boom")

    monkeypatch.setattr(sharing_module, broken, fail)
    b.prepare_downloads()
    files = decode_links(b.export_links.value)
    expected = {
        "my-learning-network.json",
        "my-learning-network.graphml",
        "my-learning-network-nodes.csv",
        "my-learning-network-ties.csv",
        "my-learning-network-anonymised.json",
    }
    failed = (
        {"my-learning-network-anonymised.json"}
        if broken == "anonymised"
        else {"my-learning-network-nodes.csv", "my-learning-network-ties.csv"}
    )
    assert set(files) == expected - failed
    assert load(files["my-learning-network.json"].encode()) == b.network
    assert b.export_links.value.count("could not be prepared") == len(failed)
    assert "boom" not in b.export_links.value and "kit-error" in b.export_links.value


def test_a_session_never_conflicts_with_its_own_saves_while_the_clock_moves(tmp_path, monkeypatch):
    # every save stamps saved_at (format version 2): what the session hashes must be what it wrote
    from connectivism.formats import _document

    ticks = iter(range(10_000))
    start = datetime.datetime(2026, 10, 1, tzinfo=datetime.timezone.utc)
    monkeypatch.setattr(_document, "clock", lambda: start + datetime.timedelta(seconds=next(ticks)))
    path = tmp_path / "auto.json"
    session = EditSession.resume(autosave=path)
    for name in ("Ada", "Ben", "Cy"):
        session.do(f"add {name}", lambda n, name=name: n.add(name, "person"))
        assert not session.conflict and session.save_error is None
    assert session.undo() and not session.conflict
    assert read_json(path) == session.network
