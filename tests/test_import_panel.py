"""The builder's "Import from your tools" panel, driven from Python (issue 30).

Choose by group, kind per group, merge with existing nodes, one change that
one Undo takes back, refusal at the network's limits saying how many to
deselect, the privacy text, readers given by the caller, and the scripted
walkthrough: a 60-node network from an OPML and a Mastodon export in a
handful of panel actions, read by the measures and the suggestions.
"""

from __future__ import annotations

import datetime
import html
from pathlib import Path

import pytest

from connectivism.imports import READERS, Candidate, Candidates
from connectivism.network import MAX_NODES, LearningNetwork
from connectivism.privacy import anonymised
from connectivism.session import EditSession
from connectivism.widgets.builder import NetworkBuilder
from connectivism.widgets.importing import OPEN_LIMIT, ImportPanel

DATA = Path(__file__).parent / "data" / "imports"
AS_OF = datetime.date(2026, 10, 1)


def upload(control, name: str, content: bytes) -> None:
    """Set a FileUpload's value as the browser does."""
    control.value = (
        {
            "name": name,
            "type": "",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": datetime.datetime(2026, 10, 1),
        },
    )


def feeds_opml(folders: int = 10, each: int = 30) -> bytes:
    """An OPML of `folders` × `each` feeds (300 by default), folder i holding "Feed i.j"."""
    body = "".join(
        f'<outline text="Folder {i}">'
        + "".join(
            f'<outline type="rss" text="Feed {i}.{j}" xmlUrl="https://f{i}-{j}.example/rss"/>' for j in range(each)
        )
        + "</outline>"
        for i in range(folders)
    )
    return f'<?xml version="1.0"?><opml version="2.0"><head/><body>{body}</body></opml>'.encode()


class Changes:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


@pytest.fixture
def session(tmp_path):
    return EditSession(LearningNetwork("Sam"), autosave=tmp_path / "auto.json")


def test_a_300_feed_opml_two_folders_added_merged_and_undone(session):
    session.do("add", lambda net: (net.add("feed 3.4", "tool", tags=["mine"]), net.add("Ada", "person")))
    before = session.network.copy()
    changed = Changes()
    panel = ImportPanel(session, changed)
    panel.reader.value = "opml"
    upload(panel.upload, "subscriptions.opml", feeds_opml())
    assert panel.read_upload() is True and panel.upload.value == ()
    assert "Found 300 candidates in 10 groups" in panel.message.value
    assert [len(choice.candidates) for choice in panel.groups] == [30] * 10
    assert all(choice.select.value == () for choice in panel.groups)  # more than 25: unselected
    folder3 = panel.groups[3]
    assert "1 already in your network" in folder3.heading.value
    assert folder3.select.options[4] == ("Feed 3.4 (already in your network: merged)", 4)

    for choice in (panel.groups[3], panel.groups[7]):  # select two folders
        choice.select.value = tuple(range(len(choice.candidates)))
    assert panel.add_selected() is True and changed.count == 1
    net = session.network
    assert len(net) == len(before) + 59 and len(net.ties) == 60
    assert "Added 59 nodes, merged 1" in panel.message.value
    merged = net.node("feed 3.4")
    assert (merged.name, merged.kind, merged.topic, merged.tags) == ("feed 3.4", "tool", "Folder 3", ("mine",))
    assert net.node("Feed 7.29").kind == "resource" and net.node("Feed 7.29").topic == "Folder 7"
    assert net.tie("Sam", "Feed 7.29").initiated_by == "me"
    assert session.history[-1] == "import 60 candidates"

    assert session.undo() == "import 60 candidates"
    assert session.network == before and "Feed 7.0" not in session.network
    assert session.network.node("feed 3.4").topic == ""


def test_the_kind_is_chosen_per_group_and_small_groups_start_selected(session):
    panel = ImportPanel(session, Changes())
    panel.show(READERS["drawn"](DATA / "yed-3.23.graphml"), "yed.graphml")
    assert [choice.kind.value for choice in panel.groups] == ["person", "person"]  # person by default
    assert all(choice.select.value == tuple(range(len(choice.candidates))) for choice in panel.groups)
    panel.groups[0].select.value = (1,)  # only Open Ed Weekly from the first group
    panel.groups[0].kind.value = "resource"
    assert panel.add_selected() is True
    net = session.network
    assert net.node("Open Ed Weekly").kind == "resource" and net.node("Grace Hopper").kind == "person"
    assert "Ada Lovelace" not in net
    assert {frozenset((t.a, t.b)) for t in net.ties} == {
        frozenset(("Sam", "Open Ed Weekly")),
        frozenset(("Sam", "Grace Hopper")),
        frozenset(("Sam", "Alan Turing")),
        frozenset(("Grace Hopper", "Alan Turing")),  # ties between chosen candidates come along
    }


def test_an_addition_past_the_limit_is_refused_saying_how_many_to_deselect(session):
    session.do("fill", lambda net: [net.add(f"n{i}", "person") for i in range(MAX_NODES - 11)])
    before, history = session.network.copy(), list(session.history)
    panel = ImportPanel(session, Changes())
    panel.show(Candidates("opml", tuple(Candidate(f"Feed {i}", "resource", "News") for i in range(25))))
    assert len(panel.chosen()) == 25
    assert panel.add_selected() is False
    assert "deselect 15 of them" in panel.message.value and "2,000 nodes" in panel.message.value
    assert session.network == before and session.history == history  # nothing added, nothing recorded
    panel.groups[0].select.value = tuple(range(10))
    assert panel.add_selected() is True and len(session.network) == MAX_NODES


def test_a_bad_file_changes_nothing_and_says_why(session):
    panel = ImportPanel(session, Changes())
    assert panel.read_upload() is False and "Choose a file" in panel.message.value
    assert panel.add_selected() is False and "Select at least one" in panel.message.value
    panel.reader.value = "bookmarks"
    upload(panel.upload, "bookmarks.html", b'<!DOCTYPE x [<!ENTITY a "b">]><opml/>')
    assert panel.read_upload() is False and "kit-error" in panel.message.value
    assert panel.groups == [] and len(session.network) == 1 and not session.can_undo


def test_names_from_files_are_shown_as_text(session):
    panel = ImportPanel(session, Changes())
    panel.show(READERS["opml"](DATA / "inoreader-2026.xml"))
    assert ("<script>alert('feed')</script>", 0) in panel.groups[1].select.options  # an option's text, not HTML
    panel.show(READERS["bookmarks"](DATA / "firefox-128-bookmarks.html"))
    headings = " ".join(choice.heading.value for choice in panel.groups)
    assert "<script>" not in headings and "&lt;script&gt;" in headings


def test_the_panel_says_the_file_goes_nowhere_and_what_is_kept(session):
    text = ImportPanel(session, Changes()).box.children[0].value
    for words in ("read where this notebook runs", "in your browser", "sent nowhere", "full addresses"):
        assert words in text
    assert "anonymised copy and the class report" in text


def test_a_caller_gives_the_readers_and_a_new_reader_appears_by_its_key(session):
    def read_contacts(data, *, name="x"):
        return Candidates("contacts", (Candidate("Ada", "person", "Work"), Candidate("Bo", "person", "Work")))

    panel = ImportPanel(session, Changes(), readers={"contacts": read_contacts, "opml": READERS["opml"]})
    assert list(panel.reader.options) == [("contacts", "contacts"), (panel.reader.options[1][0], "opml")]
    upload(panel.upload, "contacts.csv", b"anything")
    assert panel.read_upload() is True and panel.add_selected() is True
    assert {"Ada", "Bo"} <= set(session.network)
    every = ImportPanel(session, Changes())
    assert [key for _, key in every.reader.options] == list(READERS)


def test_imported_people_are_anonymised_like_anyone_else(session):
    panel = ImportPanel(session, Changes())
    panel.show(READERS["mastodon"](DATA / "mastodon-3.5-following_accounts.csv"))
    assert panel.add_selected() is True
    copy = anonymised(session.network)
    assert not any("@" in node.name for node in copy.nodes)


def test_the_builder_refreshes_the_marks_after_add_and_undo(session):
    builder = NetworkBuilder(session, as_of=AS_OF, measures=lambda net, as_of: ("", ""))
    panel = builder.importing
    panel.show(READERS["opml"](DATA / "netnewswire-6.1.opml"))
    panel.add_button.click()
    assert all("already in your network" in label for choice in panel.groups for label, _ in choice.select.options)
    builder.undo()
    assert not any("already" in label for choice in panel.groups for label, _ in choice.select.options)


def test_walkthrough_a_60_node_network_from_an_opml_and_a_mastodon_export(session):
    builder = NetworkBuilder(session, as_of=AS_OF)  # the kit's own measures and suggestions
    panel = builder.importing
    assert "no ties yet" in builder.suggestions_html.value
    actions = 0

    panel.reader.value = "opml"  # 1: the feed reader's export
    upload(panel.upload, "feedly.opml", (DATA / "feedly-2026.opml").read_bytes())
    panel.read_button.click()  # 2
    panel.add_button.click()  # 3: all four folders (8 feeds each) start selected
    actions += 3
    panel.reader.value = "mastodon"  # 4: the accounts followed
    upload(panel.upload, "following_accounts.csv", (DATA / "mastodon-4.2-following_accounts.csv").read_bytes())
    panel.read_button.click()  # 5
    servers = next(choice for choice in panel.groups if choice.group == "Servers")
    servers.select.value = ()  # 6: people only, not their servers
    panel.add_button.click()  # 7
    actions += 4
    assert actions <= 7

    net = builder.network
    assert len(net) == 60 and len(net.ties) == 59
    kinds = [node.kind for node in net.nodes]
    assert kinds.count("resource") == 32 and kinds.count("person") == 27
    assert "32 resources" in builder.measures_html.value and "27 people" in builder.measures_html.value
    suggestions = builder.suggestions_html.value  # read again from the 60 nodes
    assert "Suggestions for Sam" in suggestions and "no ties yet" not in suggestions
    assert len(session.history) == 2
    builder.undo()
    builder.undo()
    assert len(builder.network) == 1


@pytest.mark.parametrize("limit", [OPEN_LIMIT, OPEN_LIMIT + 1])
def test_groups_start_selected_up_to_the_open_limit(session, limit):
    panel = ImportPanel(session, Changes())
    panel.show(Candidates("opml", tuple(Candidate(f"F{i}", "resource", "G") for i in range(limit))))
    assert len(panel.chosen()) == (limit if limit <= OPEN_LIMIT else 0)


# --- the readers of issue 31 in the panel ----------------------------------------------------


def test_every_reader_has_a_label_and_they_come_in_order(session):
    panel = ImportPanel(session, Changes())
    keys = [key for _, key in panel.reader.options]
    assert keys == ["opml", "mastodon", "bookmarks", "drawn", "linkedin", "bibtex", "ris"] == list(READERS)
    labels = dict((key, label) for label, key in panel.reader.options)
    assert all(label != key for key, label in labels.items()), "a reader without a catalogue label"
    assert "LinkedIn" in labels["linkedin"]
    panel.show(READERS["linkedin"](DATA / "linkedin-connections-2026.csv"))
    assert [choice.select.rows for choice in panel.groups] == [2, 2, 2, 2, 2]  # a list, even for one person
    assert all(tool in labels["bibtex"] for tool in ("BibTeX", "Zotero", "Mendeley", "EndNote"))
    assert all(tool in labels["ris"] for tool in ("RIS", "Zotero", "Mendeley", "EndNote"))


def test_the_threshold_is_shown_for_reference_libraries_only_and_reads_the_file_again(session):
    panel = ImportPanel(session, Changes())
    shown = {}
    for key in READERS:
        panel.reader.value = key
        shown[key] = panel.threshold.layout.display != "none"
    assert [key for key, visible in shown.items() if visible] == ["bibtex", "ris"]
    assert panel.threshold.description.startswith("List authors and journals cited in at least")
    assert (panel.threshold.min, panel.threshold.value) == (1, 2)

    panel.reader.value = "bibtex"
    upload(panel.upload, "zotero-7.bib", (DATA / "zotero-7.bib").read_bytes())
    assert panel.read_upload()
    at_two = [c.name for c in panel.found.candidates]
    assert at_two == [c.name for c in READERS["bibtex"](DATA / "zotero-7.bib", threshold=2).candidates]
    panel.threshold.value = 1  # the file is read again, with more authors
    at_one = [c.name for c in panel.found.candidates]
    assert set(at_two) < set(at_one) and "Jörg Müller" in at_one
    assert panel.file_name == "zotero-7.bib" and panel.groups
    panel.threshold.value = 4  # no one is cited in four entries: nothing to add, said
    assert panel.found.candidates == () and panel.add_button.disabled
    assert "lower the threshold" in panel.message.value

    panel.reader.value = "ris"
    panel.threshold.value = 1
    upload(panel.upload, "mendeley-1.19.ris", (DATA / "mendeley-1.19.ris").read_bytes())
    assert panel.read_upload() and panel.found.source == "ris" and panel.found.candidates

    panel.reader.value = "opml"  # a file of a reader without a threshold is not read again
    upload(panel.upload, "feeds.opml", (DATA / "netnewswire-6.1.opml").read_bytes())
    assert panel.read_upload()
    before = panel.found
    panel.threshold.value = 3
    assert panel.found is before


@pytest.mark.parametrize(
    "chosen, path, looks",
    [
        ("mastodon", "linkedin-connections-2026.csv", "linkedin"),
        ("mastodon", "linkedin-connections-2019-no-notes.csv", "linkedin"),
        ("linkedin", "mastodon-4.2-following_accounts.csv", "mastodon"),
        ("linkedin", "mastodon-2.9-following_accounts.csv", "mastodon"),
    ],
)
def test_a_csv_export_read_as_the_other_says_which_export_it_looks_like(session, chosen, path, looks):
    from connectivism.widgets.importing import reader_label

    panel = ImportPanel(session, Changes())
    panel.reader.value = chosen
    upload(panel.upload, path, (DATA / path).read_bytes())
    assert not panel.read_upload()
    message = panel.message.value
    assert "looks like" in message and html.escape(reader_label(looks)) in message
    assert panel.found is None and len(session.network) == 1


def test_a_csv_of_neither_export_gets_the_reader_s_own_error(session):
    panel = ImportPanel(session, Changes())
    panel.reader.value = "mastodon"
    upload(panel.upload, "nodes.csv", b"name,kind\nKim,me\n")
    assert not panel.read_upload()
    assert "looks like" not in panel.message.value and "Account address" in panel.message.value
