"""LinkedIn's Connections.csv becomes candidates: people, with the date each tie began (issue 31).

The example files in ``tests/data/imports/`` follow LinkedIn's export as of
November 2026 (``linkedin-connections-2026.csv``: the notes lines before the
header, CRLF line ends, the ``URL`` and ``Email Address`` columns, some
e-mail cells empty) and the older export without notes or ``URL``
(``linkedin-connections-2019-no-notes.csv``). CSV has no comments, so the
tool and version are named here and in the file names.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from timed import within

from connectivism.errors import EncodingError, FileFormatError, FileTooLargeError, MalformedFileError
from connectivism.formats import MAX_FILE_BYTES, to_json
from connectivism.imports import READERS, Candidates
from connectivism.imports._reading import MAX_CANDIDATES
from connectivism.imports.linkedin import read_linkedin
from connectivism.network import LearningNetwork

DATA = Path(__file__).parent / "data" / "imports"
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
#: Seconds a read of a 5 MB file may take: the reader takes well under 1 s
#: (benchmarks/references_imports.py), so this cannot flake.
LIMIT = 30.0
ADDRESS = re.compile(r"@|https?://|www\.|linkedin\.com|/in/", re.IGNORECASE)


def _texts(found: Candidates) -> list[str]:
    """Every text the candidates and notices carry."""
    texts = list(found.notices)
    for candidate in found.candidates:
        texts += [candidate.name, candidate.group, candidate.topic, *candidate.tags]
    return texts


def test_the_2026_export_with_its_notes_lines_is_read():
    found = read_linkedin(DATA / "linkedin-connections-2026.csv")
    assert found.source == "linkedin"
    assert READERS["linkedin"] is read_linkedin
    by_name = {c.name: c for c in found.candidates}
    assert list(by_name) == [
        "Amara Okafor",
        "Jonas Müller",
        "Priya Raman",
        "Siobhán Ní Bhriain",
        "Wei Zhang",
        "Lucía García-Pérez",
    ]
    amara = by_name["Amara Okafor"]
    assert (amara.kind, amara.since, amara.group) == ("person", datetime.date(2026, 11, 14), "Connected in 2026")
    assert (amara.topic, amara.tags) == ("Consultant in Medical Education", ("University Hospital Lagos",))
    # quoted cells with commas; position as topic, company as tag
    siobhan = by_name["Siobhán Ní Bhriain"]
    assert (siobhan.topic, siobhan.tags) == ("Learning Designer, Digital Education", ("Open University, Ireland",))
    # no position: the company is the topic; neither: no topic and no tag
    assert by_name["Wei Zhang"].topic == "Peking University Health Science Center"
    assert (by_name["Priya Raman"].topic, by_name["Priya Raman"].tags) == ("", ())
    # a single-digit day
    assert by_name["Lucía García-Pérez"].since == datetime.date(2017, 9, 7)
    # the nameless row is skipped, the repeated name merged into the first, both said (as every reader says it)
    assert any("without a name, skipped: 1" in notice for notice in found.notices)
    assert any("repeat a name read before, merged into it: 1" in notice for notice in found.notices)
    assert [g for g in found.groups()] == [
        "Connected in 2026",
        "Connected in 2025",
        "Connected in 2024",
        "Connected in 2021",
        "Connected in 2017",
    ]


def test_the_older_export_without_notes_url_or_e_mail_values_is_read():
    found = read_linkedin(DATA / "linkedin-connections-2019-no-notes.csv")
    assert [(c.name, c.since) for c in found.candidates] == [
        ("Stephen Downes", datetime.date(2012, 11, 12)),
        ("Bonnie Stewart", datetime.date(2013, 5, 4)),
        ("Dave Cormier", datetime.date(2015, 8, 28)),
    ]


@pytest.mark.parametrize("path", sorted(DATA.glob("linkedin-*.csv")), ids=lambda p: p.name)
def test_no_e_mail_or_profile_address_survives_into_the_network(path):
    raw = path.read_text(encoding="utf-8")
    assert "@" in raw  # the example files do hold e-mail addresses
    found = read_linkedin(path)
    for text in _texts(found):
        if text.startswith("E-mail addresses and profile addresses"):
            continue
        assert not ADDRESS.search(text), text
    net = LearningNetwork("Me")
    for candidate in found.candidates:
        net.add(candidate.name, candidate.kind, topic=candidate.topic, tags=candidate.tags)
        net.connect("Me", candidate.name, since=candidate.since)
    saved = to_json(net)
    assert not ADDRESS.search(saved if isinstance(saved, str) else saved.decode("utf-8"))


def test_addresses_typed_into_names_or_positions_are_dropped_too():
    text = HEADER + (
        "ada@example.org,,https://www.linkedin.com/in/ada,,Acme,Lead,1 Jan 2020\n"
        "Grace,Hopper,,,see www.example.org,mail grace@example.org,2 Jan 2020\n"
    )
    found = read_linkedin(text.encode())
    assert [(c.name, c.topic, c.tags) for c in found.candidates] == [("Grace Hopper", "", ())]


def test_a_spreadsheet_resave_with_semicolons_and_a_bom_is_read():
    text = "\ufeffFirst Name;Last Name;Company;Position;Connected On\r\nAda;Lovelace;Acme;;03 March 2021\r\n"
    found = read_linkedin(text.encode("utf-8"))
    assert [(c.name, c.topic, c.since) for c in found.candidates] == [
        ("Ada Lovelace", "Acme", datetime.date(2021, 3, 3))
    ]


def test_unreadable_dates_are_left_empty_and_counted():
    found = read_linkedin((HEADER + "Ada,Lovelace,,,,,31 Feb 2024\nAlan,Turing,,,,,2024-02-01\n").encode())
    assert [c.since for c in found.candidates] == [None, datetime.date(2024, 2, 1)]
    assert found.candidates[0].group == "Connection date not given"
    assert any("1 connection date(s)" in notice for notice in found.notices)


def test_names_the_network_would_refuse_are_cleaned_or_skipped_not_raised():
    # the imports' one policy (connectivism.imports._clean): a bidirectional control is removed, a name
    # too long is cut with "…"; a name with nothing visible left, or holding an address, is skipped
    text = (
        HEADER
        + "Ev\u202eil,One,,,,,1 Jan 2020\n"
        + "x" * 150
        + ","
        + "y" * 100
        + ",,,,,1 Jan 2020\nOk,Name,,,,,\n\u200b,\u200b,,,,,\nada@example.org,,,,,,\n"
    )
    found = read_linkedin(text.encode())
    names = [c.name for c in found.candidates]
    assert names[0] == "Evil One" and names[2] == "Ok Name" and len(names) == 3
    assert len(names[1]) == 200 and names[1].endswith("…")
    assert any("without a name, skipped: 2" in notice for notice in found.notices)
    assert any(
        notice.startswith("Names, groups, topics or tags cleaned") and notice.endswith(": 2.")
        for notice in found.notices
    )


def test_another_csv_file_is_refused_with_the_package_s_error():
    with pytest.raises(FileFormatError, match="not LinkedIn's Connections.csv"):
        read_linkedin(b"name,kind,topic,tags,note\nKim,me,,,\n")
    with pytest.raises(FileFormatError):
        read_linkedin(b"")


def test_a_file_in_another_encoding_is_refused():
    with pytest.raises(EncodingError):
        read_linkedin((HEADER + "Jos\xe9,Mart\xed,,,,,1 Jan 2020\n").encode("cp1252"))


def test_rows_past_the_candidate_limit_are_left_out_with_a_notice():
    # one limit for every reader (MAX_CANDIDATES); LinkedIn's 30,000 connections are no longer refused
    rows = "".join(f"P{i},Q,,,,,1 Jan 2020\n" for i in range(MAX_CANDIDATES + 3))
    found = read_linkedin((HEADER + rows).encode())
    assert len(found.candidates) == MAX_CANDIDATES
    assert any("the rest were left out: 3" in notice for notice in found.notices)


def test_a_file_over_the_limit_is_refused_before_it_is_read():
    with pytest.raises(FileTooLargeError):
        read_linkedin(b"x" * (MAX_FILE_BYTES + 1))


HOSTILE = {
    "one huge cell": lambda n: (HEADER + "Ada," + "x" * n).encode(),
    "unclosed quote": lambda n: (HEADER + 'Ada,"' + "x\n" * (n // 2)).encode(),
    "wide header": lambda n: ("," * n + "\n").encode(),
    "many empty rows": lambda n: (HEADER + "\n" * n).encode(),
    "many commas after the header": lambda n: (HEADER + "," * n).encode(),
    "many short rows": lambda n: (HEADER + "A,B\n" * (n // 4)).encode(),
    "notes without a header": lambda n: ('Notes:\n"' + "x" * n + '"\n').encode(),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_files_of_the_limit_size_are_refused_or_read_quickly(case):
    data = HOSTILE[case](MAX_FILE_BYTES - 1000)
    outcome, message = within(LIMIT, read_linkedin, data)
    assert not outcome.startswith("not a NetworkError"), (outcome, message)
    assert len(message) < 600


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=2000),
        st.lists(
            st.sampled_from(
                [HEADER, "Notes:\n", '"', ",", "\n", "\r", ";", "Ada", "12 Nov 2024", "\u202e", "@x.org", "\x00"]
            ),
            max_size=40,
        ).map(lambda parts: "".join(parts).encode("utf-8")),
    )
)
def test_any_bytes_give_candidates_or_a_file_format_error(data):
    try:
        found = read_linkedin(data)
    except FileFormatError:
        return
    assert isinstance(found, Candidates)
    net = LearningNetwork("Me")
    for candidate in found.candidates:  # every candidate is one the network accepts
        net.add(candidate.name, candidate.kind, topic=candidate.topic, tags=candidate.tags)


def test_malformed_csv_gives_the_malformed_file_error():
    with pytest.raises(MalformedFileError):
        read_linkedin((HEADER + "Ada," + "x" * 200_000 + "\n").encode())
