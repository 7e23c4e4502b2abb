"""Readers of other tools' exports (issue 30): OPML, Mastodon follows, bookmarks, GraphML drawn elsewhere.

Each reader is tested on example files that follow real exports of named
tool versions (``tests/data/imports/README.md`` lists them), on the variants
real exports have, and on malformed and hostile files, which give the
package's own errors (subclasses of :class:`~connectivism.errors.FileFormatError`).
A property test feeds any bytes to every reader. The time the readers take on
hostile files of the size limit is tested in ``tests/test_readers_linear.py``.
"""

from __future__ import annotations

import datetime
import io
import warnings
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from connectivism.errors import (
    EncodingError,
    FileFormatError,
    FileTooLargeError,
    InvalidKindError,
    MalformedFileError,
    UnsafeFileError,
)
from connectivism.formats import MAX_FILE_BYTES, from_graphml, to_graphml
from connectivism.imports import READERS, Candidates
from connectivism.imports.bookmarks import read_bookmarks
from connectivism.imports.drawn import read_drawn_graphml
from connectivism.imports.mastodon import read_mastodon_follows
from connectivism.imports.opml import read_opml
from connectivism.network import LearningNetwork

DATA = Path(__file__).parent / "data" / "imports"
MINE = ("opml", "mastodon", "bookmarks", "drawn")
MESSAGE_LIMIT = 600


def names(found: Candidates) -> list[str]:
    return [c.name for c in found.candidates]


def by_group(found: Candidates) -> dict[str, list[str]]:
    return {group: [c.name for c in members] for group, members in found.groups().items()}


def test_the_readers_are_registered():
    assert {key: READERS[key] for key in MINE} == {
        "opml": read_opml,
        "mastodon": read_mastodon_follows,
        "bookmarks": read_bookmarks,
        "drawn": read_drawn_graphml,
    }


# --- OPML -------------------------------------------------------------------------


def test_feedly_opml_gives_one_resource_per_feed_grouped_by_folder():
    found = read_opml(DATA / "feedly-2026.opml")
    assert found.source == "opml" and len(found.candidates) == 32 and found.notices == ()
    assert list(found.groups()) == ["Open education", "Learning design", "Research", "Networks"]
    assert all(len(members) == 8 for members in found.groups().values())
    first = found.candidates[0]
    assert (first.name, first.kind, first.group, first.topic, first.initiated_by) == (
        "OLDaily",
        "resource",
        "Open education",
        "Open education",
        "me",
    )
    assert "Learning Design & Technology" in names(found)  # entities of XML itself are decoded


def test_inoreader_repeats_are_merged_and_scripts_stay_text():
    found = read_opml(DATA / "inoreader-2026.xml")
    assert by_group(found) == {
        "Assessment": ["Assessment & Evaluation in Higher Education", "Wonkhe", "OLDaily"],
        "Open education": ["<script>alert('feed')</script>"],
        "": ["Stephen Downes on Mastodon"],
    }
    assert len(found.notices) == 1 and "merged" in found.notices[0]


def test_netnewswire_feeds_outside_folders_have_no_group_or_topic():
    found = read_opml(DATA / "netnewswire-6.1.opml")
    assert by_group(found) == {
        "": ["Daring Fireball", "Hack Education"],
        "Teaching": ["Cult of Pedagogy", "The Learning Scientists"],
    }
    assert found.candidates[0].topic == "" and found.candidates[2].topic == "Teaching"


def test_nested_folders_titles_without_text_and_feeds_without_either():
    found = read_opml(DATA / "thunderbird-115-nested.opml")
    assert by_group(found) == {
        "Research › Journals": ["IRRODL", "Research in Learning Technology"],
        "Research › Blogs": ["elearnspace.org"],  # no text, empty title: named by its site
    }
    assert {c.topic for c in found.candidates} == {"Journals", "Blogs"}
    assert len(found.notices) == 1 and "neither a feed nor a folder" in found.notices[0]


def test_opml_keeps_no_address():
    found = read_opml(DATA / "feedly-2026.opml")
    assert "http" not in repr(found) and "xml" not in repr(found).lower().replace("xmlurl", "")


def test_opml_in_a_declared_single_byte_encoding_is_honoured():
    data = '<?xml version="1.0" encoding="iso-8859-1"?><opml><body><outline text="Sérgio" xmlUrl="https://s.example/f"/></body></opml>'
    assert names(read_opml(data.encode("iso-8859-1"))) == ["Sérgio"]


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b'<!DOCTYPE opml [<!ENTITY a "aaaa">]><opml><body/></opml>', UnsafeFileError),
        (b'<!DOCTYPE opml SYSTEM "http://example.org/x.dtd"><opml/>', UnsafeFileError),
        (b"<opml><body><outline text='a'", MalformedFileError),
        (b"<rss version='2.0'><channel/></rss>", FileFormatError),
        (b"\xff\xfe<\x00o\x00p\x00m\x00l\x00/\x00>\x00", EncodingError),
        (b"<opml>" + b"<outline>" * 40 + b"</outline>" * 40 + b"</opml>", UnsafeFileError),
        (b" " * (MAX_FILE_BYTES + 1), FileTooLargeError),
    ],
    ids=["entity", "external-dtd", "cut-short", "not-opml", "utf-16", "deep", "too-large"],
)
def test_malformed_and_hostile_opml_gives_the_packages_errors(data, error):
    with pytest.raises(error) as caught:
        read_opml(data, name="feeds.opml")
    assert "feeds.opml" in str(caught.value) and len(str(caught.value)) <= MESSAGE_LIMIT


def test_names_too_long_or_holding_invisible_characters_are_cleaned_not_refused():
    long = "x" * 5000
    data = (
        f'<opml><body><outline text="{long}" xmlUrl="https://a.example/f"/>'
        '<outline text="Open\u202e Ed&#x85;" xmlUrl="https://b.example/f"/>'
        '<outline text="&#x200b;" xmlUrl="https://c.example/f"/></body></opml>'
    )
    found = read_opml(data.encode())
    assert [len(name) for name in names(found)][0] == 200 and names(found)[1:] == ["Open Ed", "c.example"]
    net = LearningNetwork("Sam")
    for candidate in found.candidates:  # every candidate can be added as it is
        net.add(candidate.name, candidate.kind, topic=candidate.topic, tags=candidate.tags)


# --- Mastodon ----------------------------------------------------------------------


def test_mastodon_4_follows_give_people_by_server_and_the_servers_as_communities():
    found = read_mastodon_follows(DATA / "mastodon-4.2-following_accounts.csv")
    groups = found.groups()
    people = [c for c in found.candidates if c.kind == "person"]
    assert len(people) == 27 and found.source == "mastodon" and found.notices == ()
    assert people[0].name == "@Downes@mastodon.social" and people[0].group == "mastodon.social"
    assert people[0].initiated_by == "me"
    assert [c.name for c in groups["Servers"]] == [
        "mastodon.social",
        "cosocial.ca",
        "social.coop",
        "mstdn.ca",
        "mastodon.online",
        "scholar.social",
        "fediscience.org",
    ]
    assert all(c.kind == "community" for c in groups["Servers"])
    assert len(found.ties) == 27 and all(t.b in {c.name for c in groups["Servers"]} for t in found.ties)


@pytest.mark.parametrize(
    ("file", "people"),
    [("mastodon-3.5-following_accounts.csv", 6), ("mastodon-2.9-following_accounts.csv", 4)],
    ids=["without-optional-columns", "without-header"],
)
def test_older_mastodon_exports_are_read(file, people):
    found = read_mastodon_follows(DATA / file)
    assert sum(c.kind == "person" for c in found.candidates) == people and found.notices == ()


def test_mastodon_rows_that_are_not_accounts_are_skipped_with_a_notice():
    data = b"Account address,Show boosts\n@Ada@example.social,true\nnot an account,true\n=HYPERLINK(1),true\n\n"
    found = read_mastodon_follows(data)
    assert names(found) == ["@Ada@example.social", "example.social"]
    assert len(found.notices) == 1 and "2" in found.notices[0]


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"First Name,Last Name,Email Address,Company\nAda,Lovelace,,\n", FileFormatError),
        (b"list,account\nfriends,ada@example.social\n", FileFormatError),
        ("Account address\nRenée@example.social\n".encode("cp1252"), EncodingError),
        (b'Account address,Show boosts\n"ada@example.social,true\n', FileFormatError),
        (b"Account address\n" + b"a@b.social," * 200 + b"\n", FileFormatError),
        (b"", FileFormatError),
    ],
    ids=["linkedin", "lists", "cp1252", "quotes", "wide-row", "empty"],
)
def test_wrong_or_hostile_mastodon_files_give_the_packages_errors(data, error):
    with pytest.raises(error) as caught:
        read_mastodon_follows(data, name="follows.csv")
    assert len(str(caught.value)) <= MESSAGE_LIMIT


# --- bookmarks ----------------------------------------------------------------------


def test_firefox_bookmarks_give_one_resource_per_site_grouped_by_folder():
    found = read_bookmarks(DATA / "firefox-128-bookmarks.html")
    assert by_group(found) == {
        "Bookmarks Menu": ["mozilla.org"],
        "Bookmarks Toolbar › Teaching": ["downes.ca", "opencontent.org"],
        "Bookmarks Toolbar › Teaching › <script>alert('folder')</script>": ["evil.example"],
        "Bookmarks Toolbar": ["github.com"],
        "Other Bookmarks": ["en.wikipedia.org"],
    }
    downes = found.candidates[1]
    assert downes.topic == "Teaching" and downes.tags == ("connectivism", "moocs")
    assert (downes.since, downes.last_contact) == (datetime.date(2023, 11, 14), datetime.date(2024, 3, 9))
    assert found.candidates[-1].topic == ""  # the browser's own folders are not topics
    assert any("skipped: 3" in notice for notice in found.notices)  # place:, javascript:, file:


def test_bookmarks_keep_no_full_address():
    for file in ("firefox-128-bookmarks.html", "chrome-120-bookmarks.html", "safari-17-bookmarks.html"):
        kept = repr(read_bookmarks(DATA / file))
        for part in ("http", "/post/", "utm_source", "private-token", "?", "%3C", "onerror"):
            assert part not in kept, (file, part)


def test_chrome_and_safari_bookmarks_are_read():
    chrome = read_bookmarks(DATA / "chrome-120-bookmarks.html")
    assert by_group(chrome) == {
        "Bookmarks bar": ["scholar.google.com"],
        "Bookmarks bar › Research": ["irrodl.org", "doi.org", "jstor.org"],
        "Bookmarks bar › Communities": ["community.oeglobal.org", "reddit.com"],
        "Bookmarks": ["youtube.com"],
    }
    irrodl = chrome.candidates[1]
    assert (irrodl.since, irrodl.last_contact) == (datetime.date(2023, 8, 2), datetime.date(2023, 8, 25))
    safari = read_bookmarks(DATA / "safari-17-bookmarks.html")
    assert by_group(safari) == {"Favourites": ["apple.com", "edutopia.org"]}
    assert safari.candidates[0].since is None


def test_four_hundred_bookmarks_on_thirty_sites_make_thirty_candidates():
    rows = "".join(
        f'<DT><A HREF="https://www.site{i % 30}.example/page/{i}" ADD_DATE="{1700000000 + i * 86400}">Page {i}</A>\n'
        for i in range(400)
    )
    found = read_bookmarks(f"<!DOCTYPE NETSCAPE-Bookmark-file-1><H1>Bookmarks</H1><DL><p>{rows}</DL><p>".encode())
    assert len(found.candidates) == 30 and names(found)[0] == "site0.example"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"<DL><p><DT><A HREF='https://a.example/' ADD_DATE='1700000000' never closed", MalformedFileError),
        (b"<DL><p><!-- a comment that never ends", MalformedFileError),
        (b"<DL><![if x", MalformedFileError),
        (b"<html><body><p>Just a page, no bookmarks</p></body></html>", FileFormatError),
        (b"Account address\nada@example.social\n", FileFormatError),
        ("<DL>Renée".encode("cp1252"), EncodingError),
    ],
    ids=["open-tag", "open-comment", "bad-declaration", "a-page", "a-csv", "cp1252"],
)
def test_malformed_bookmark_files_give_the_packages_errors(data, error):
    with pytest.raises(error):
        read_bookmarks(data)


def test_bookmark_dates_out_of_range_are_ignored():
    data = (
        b'<DL><p><DT><A HREF="https://a.example/" ADD_DATE="99999999999999999999">x</A>'
        b'<DT><A HREF="https://b.example/" ADD_DATE="-5">y</A></DL>'
    )
    assert [c.since for c in read_bookmarks(data).candidates] == [None, None]


# --- GraphML drawn elsewhere ----------------------------------------------------------


def test_yed_labels_and_groups():
    found = read_drawn_graphml(DATA / "yed-3.23.graphml")
    assert by_group(found) == {"": ["Ada Lovelace", "Open Ed Weekly"], "Reading group": ["Grace Hopper", "Alan Turing"]}
    assert all(c.kind == "person" for c in found.candidates)  # person unless the file says
    assert {(t.a, t.b) for t in found.ties} == {
        ("Ada Lovelace", "Grace Hopper"),  # and Grace → Ada, the same tie: merged
        ("Grace Hopper", "Alan Turing"),
        ("Ada Lovelace", "Open Ed Weekly"),
    }


def test_gephi_labels_and_weights():
    found = read_drawn_graphml(DATA / "gephi-0.10.graphml")
    assert names(found) == ["Ada Lovelace", "Grace Hopper", "Computing history forum"]
    assert [(t.a, t.b, t.strength) for t in found.ties] == [
        ("Ada Lovelace", "Grace Hopper", 4),
        ("Grace Hopper", "Computing history forum", None),  # 1.5 is not a strength
    ]


def test_cytoscape_names_with_key_ids_shared_across_domains():
    found = read_drawn_graphml(DATA / "cytoscape-3.10.graphml")
    assert names(found) == ["Ada Lovelace", "Grace Hopper"] and len(found.ties) == 1


def test_networkx_graphml_the_kit_refuses_as_a_network_is_read_as_candidates():
    data = (DATA / "networkx-3.6.graphml").read_bytes()
    with pytest.raises(InvalidKindError, match="kind of 'Ada Lovelace' is missing"):
        from_graphml(data)  # no kind for every node, no "me": not a learning network
    found = read_drawn_graphml(data)
    assert by_group(found) == {
        "mentors": ["Ada Lovelace", "Grace Hopper"],
        "reading": ["Open Ed Weekly", "Hack Education"],
    }
    assert [c.kind for c in found.candidates] == ["person", "person", "resource", "resource"]
    assert found.candidates[0].topic == "computing"
    tie = found.ties[0]
    assert (tie.a, tie.b, tie.strength, tie.since) == ("Ada Lovelace", "Grace Hopper", 4, datetime.date(2024, 9, 1))


def test_any_networkx_graph_is_read():
    graph = nx.karate_club_graph()
    stream = io.BytesIO()
    nx.write_graphml(graph, stream)
    found = read_drawn_graphml(stream.getvalue())
    assert len(found.candidates) == 34 and len(found.ties) == 78


def test_the_kits_own_graphml_leaves_out_me():
    net = LearningNetwork("Sam")
    net.add("Ada", "person", topic="maths")
    net.add("OLDaily", "resource")
    net.connect("Sam", "Ada")
    net.connect("Ada", "OLDaily", strength=2)
    found = read_drawn_graphml(to_graphml(net))
    assert [(c.name, c.kind, c.group) for c in found.candidates] == [
        ("Ada", "person", "person"),
        ("OLDaily", "resource", "resource"),
    ]
    assert [(t.a, t.b, t.strength) for t in found.ties] == [("Ada", "OLDaily", 2)]
    assert found.notices == ()  # the tie to Sam is implied, not skipped


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b'<!DOCTYPE g [<!ENTITY a "aaaa">]><graphml/>', UnsafeFileError),
        (b"<graphml><graph><node id='a'/>", MalformedFileError),
        (b"<gexf><graph/></gexf>", FileFormatError),
        (b"<graphml><key id='k'/></graphml>", FileFormatError),
    ],
    ids=["entity", "cut-short", "gexf", "no-graph"],
)
def test_hostile_or_wrong_graphml_gives_the_packages_errors(data, error):
    with pytest.raises(error):
        read_drawn_graphml(data)


def test_edges_to_missing_nodes_and_hyperedges_are_skipped_with_notices():
    data = b"""<graphml><graph><node id='a'/><node id='b'/><edge source='a' target='b'/>
    <edge source='a' target='zz'/><edge source='a' target='a'/>
    <hyperedge><endpoint node='a'/></hyperedge></graph></graphml>"""
    found = read_drawn_graphml(data)
    assert names(found) == ["a", "b"] and len(found.ties) == 1
    assert len(found.notices) == 2


# --- any bytes ---------------------------------------------------------------------


PREFIXES = [
    b"",
    b"<opml><body><outline text='x' xmlUrl='https://x.example/'>",
    b"<?xml version='1.0' encoding='latin-1'?><opml>",
    b"Account address,Show boosts\n",
    b"a@b.social\n",
    b"<!DOCTYPE NETSCAPE-Bookmark-file-1><DL><p><DT><H3>",
    b"<DL><DT><A HREF='https://a.example/' ADD_DATE='",
    b"<graphml><key id='k' for='node' attr.name='label'><default>",
    b"<graphml><graph><node id='a'><data key='k'>",
    b"\xef\xbb\xbf",
]


@settings(
    max_examples=200,
    deadline=10_000,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=2000), reader=st.sampled_from(MINE))
def test_any_bytes_give_candidates_or_the_packages_file_error(prefix, body, reader):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no warning escapes either
        try:
            found = READERS[reader](prefix + body, name="upload")
        except FileFormatError as error:
            assert len(str(error)) <= MESSAGE_LIMIT
            return
    assert isinstance(found, Candidates) and found.source == reader
    net = LearningNetwork("Sam")
    for candidate in found.candidates[:50]:  # every candidate is one the model accepts
        if candidate.name.casefold() != "sam":
            net.add(candidate.name, candidate.kind, topic=candidate.topic, tags=candidate.tags)


@settings(max_examples=100, deadline=10_000, database=None)
@given(text=st.text(max_size=300), reader=st.sampled_from(MINE))
def test_any_text_in_a_valid_file_gives_candidates_the_model_accepts(text, reader):
    from xml.sax.saxutils import quoteattr

    attr = quoteattr(text.encode("utf-8", "surrogatepass").decode("utf-8", "replace"))
    data = {
        "opml": (
            f"<opml><body><outline text={attr}><outline text={attr} xmlUrl='https://x.example/'/>"
            "</outline></body></opml>"
        ),
        "mastodon": "Account address\nada@x.social\n",
        "bookmarks": f"<DL><DT><H3>{attr}</H3><DL><DT><A HREF='https://x.example/' TAGS={attr}>t</A></DL></DL>",
        "drawn": (
            "<graphml><key id='l' for='node' attr.name='label'/><graph>"
            f"<node id='n'><data key='l'>{attr[1:-1]}</data></node></graph></graphml>"
        ),
    }[reader]
    try:
        found = READERS[reader](data.encode("utf-8", "surrogatepass"))
    except FileFormatError:
        return
    net = LearningNetwork("Sam")
    for candidate in found.candidates:
        if candidate.name.casefold() != "sam":
            net.add(candidate.name, candidate.kind, topic=candidate.topic, tags=candidate.tags)
