"""Zips of submissions as untrusted input, and uploads giving the command line's report.

Hostile zips (bombs by ratio and by size, many members, nested zips, paths
outside, links, duplicate names, names that are not UTF-8, a zip cut short)
are refused quickly, each with the kit's error or rejection kind, and the good
members beside them are still read. The notebook's way in
(:func:`~connectivism.facilitator.archive.read_uploads`) and the command line
(a folder, or a zip) give the same pseudonyms, counts and rejection kinds for
the same files and key.
"""

from __future__ import annotations

import io
import json
import stat
import time
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_classnet import _command

from connectivism.errors import FileTooLargeError, MalformedFileError, UnsafeFileError
from connectivism.facilitator import archive, classnet
from connectivism.facilitator.demo import demo_class
from connectivism.formats import MAX_FILE_BYTES, to_json

Kind = classnet.RejectionKind
KEY = bytes(range(32))
AS_OF = "2026-10-01"


def make_zip(members, *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of (name or ZipInfo, bytes) members, in this order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as z:
        for name, data in members:
            if isinstance(name, zipfile.ZipInfo):
                name.compress_type = compression
            z.writestr(name, data)
    return buffer.getvalue()


def special(name: str, mode: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3  # unix: the mode is in the high bits of external_attr
    info.external_attr = mode << 16
    return info


@pytest.fixture(scope="module")
def good():
    """Five learners' networks as (file name, bytes)."""
    return [(name, to_json(net).encode()) for name, net in demo_class(5, seed=7, sizes=(10, 15))]


def kinds(members) -> dict[bytes, Kind]:
    return dict(members.skipped)


def test_good_members_are_read_in_memory_with_the_zips_name(good, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    members = archive.read_zip(make_zip([(f"Ana_1/{n}", d) for n, d in good]), name="class.zip")
    assert [n for n, _ in members.files] == [f"class.zip/Ana_1/{n}".encode() for n, _ in good]
    assert [d for _, d in members.files] == [d for _, d in good]
    assert members.skipped == []
    assert list(tmp_path.iterdir()) == []  # nothing unpacked to disk


def test_hostile_members_are_set_aside_by_kind_and_the_good_ones_still_read(good, monkeypatch):
    fifo = special("pipe.json", stat.S_IFIFO | 0o644)
    link = special("link.json", stat.S_IFLNK | 0o777)
    hostile = [
        ("../up.json", good[0][1]),
        ("/etc/abs.json", good[0][1]),
        ("C:/windows.json", good[0][1]),
        ("back\\slash.json", good[0][1]),
        ("a/./dot.json", good[0][1]),
        (link, b"../../../etc/passwd"),
        (fifo, b""),
        ("inner.zip", make_zip([good[1]])),
        ("disguised.json", make_zip([good[1]])),
        ("bomb.json", b" " * (2 * 1024 * 1024)),  # packs about 1000 times: a bomb by ratio
        ("huge.json", b"x" * 10 + bytes(range(256)) * ((MAX_FILE_BYTES // 256) + 1)),  # over the file limit
        ("__MACOSX/._learner.json", b"\x00\x05\x16\x07"),
        ("sub/.hidden.json", good[0][1]),
        ("feedback.pdf", b"%PDF-1.4"),
        (good[0][0], good[2][1]),  # a second member of the same name as the first good one
    ]
    with pytest.warns(UserWarning, match="Duplicate name"):  # zipfile's own warning, when the zip is made
        data = make_zip([good[0], *hostile[:8], good[1], *hostile[8:], good[2]])
    unpacked = []
    unpack = archive._unpack
    monkeypatch.setattr(archive, "_unpack", lambda z, info: unpacked.append(info.filename) or unpack(z, info))
    start = time.perf_counter()
    members = archive.read_zip(data, name="c.zip")
    assert time.perf_counter() - start < 10  # about 0.1 s; generous
    # decided from the central directory, before unpacking: only the disguised zip needed its bytes
    assert unpacked == [good[0][0], good[1][0], "disguised.json", good[2][0]]
    assert [n for n, _ in members.files] == [f"c.zip/{n}".encode() for n, _ in good[:3]]
    assert kinds(members) == {
        b"c.zip/../up.json": Kind.OUTSIDE_PATH,
        b"c.zip//etc/abs.json": Kind.OUTSIDE_PATH,
        b"c.zip/C:/windows.json": Kind.OUTSIDE_PATH,
        b"c.zip/back\\slash.json": Kind.OUTSIDE_PATH,
        b"c.zip/a/./dot.json": Kind.OUTSIDE_PATH,
        b"c.zip/link.json": Kind.LINK,
        b"c.zip/pipe.json": Kind.NOT_A_REGULAR_FILE,
        b"c.zip/inner.zip": Kind.NESTED_ZIP,
        b"c.zip/disguised.json": Kind.NESTED_ZIP,
        b"c.zip/bomb.json": Kind.UNSAFE,
        b"c.zip/huge.json": Kind.TOO_LARGE,
        b"c.zip/__MACOSX/._learner.json": Kind.HIDDEN,
        b"c.zip/sub/.hidden.json": Kind.HIDDEN,
        b"c.zip/feedback.pdf": Kind.NOT_A_NETWORK_FILE,
        f"c.zip/{good[0][0]}".encode(): Kind.DUPLICATE_NAME,
    }
    assert len(members.skipped) == len(hostile)


def _patch(data: bytes, old: bytes, new: bytes) -> bytes:
    """Replace a member's name in the local and central headers (same length: offsets unchanged)."""
    assert len(old) == len(new) and data.count(old) == 2
    return data.replace(old, new)


def test_names_that_are_not_utf8_are_set_aside_and_utf8_without_the_flag_is_read(good):
    # Windows and some LMSs write names in a code page without zip's UTF-8 flag
    data = make_zip([("josX.json", good[0][1]), ("renXY.json", good[1][1])])
    data = _patch(data, b"josX.json", b"jos\xe9.json")  # cp1252: not UTF-8
    data = _patch(data, b"renXY.json", "rené.json".encode())  # UTF-8 bytes, flag unset
    members = archive.read_zip(data)
    assert [n for n, _ in members.files] == [b"jos\xe9.json", "rené.json".encode()]
    found = classnet.read_submissions(members.files, key=KEY, skipped=members.skipped)
    assert [r.kind for r in found.rejected] == [Kind.UNREADABLE_NAME]
    assert len(found.accepted) == 1
    assert "jos" not in json.dumps([r.file for r in found.rejected])  # shown as a pseudonym


def test_a_member_longer_than_its_header_says_is_not_read_on(good):
    """Declared sizes are not trusted: a member whose data outruns them is refused, not unpacked whole."""
    big = b"[" + b" " * 50_000 + b"]"
    data = make_zip([("liar.json", big)], compression=zipfile.ZIP_STORED)
    # the headers say 100 bytes; the data is 50 KB
    for size in (len(big).to_bytes(4, "little"),):
        assert data.count(size) == 4  # compressed and uncompressed sizes, local and central headers
        data = data.replace(size, (100).to_bytes(4, "little"))
    members = archive.read_zip(data)
    assert members.files == []
    assert kinds(members) == {b"liar.json": Kind.MALFORMED}  # checksum of the first 100 bytes fails


def test_an_encrypted_member_is_unreadable_and_the_others_are_read(good):
    data = bytearray(make_zip([("locked.json", good[0][1]), good[1]]))
    central = int.from_bytes(data[data.rfind(b"PK\x05\x06") + 16 :][:4], "little")
    data[6] |= 1  # the first member's local header, then its central directory entry: "encrypted"
    data[central + 8] |= 1
    members = archive.read_zip(bytes(data))
    assert kinds(members) == {b"locked.json": Kind.UNREADABLE}
    assert [n for n, _ in members.files] == [good[1][0].encode()]


def test_too_many_members_refuses_the_whole_zip_quickly():
    data = make_zip([(f"f{i}.json", b"") for i in range(archive.MAX_ZIP_MEMBERS + 1)])
    start = time.perf_counter()
    with pytest.raises(UnsafeFileError, match="more than 2000 files"):
        archive.read_zip(data, name="many.zip")
    assert time.perf_counter() - start < 10
    # a zip that declares fewer members than its directory holds is still refused, once zipfile counts them
    at = data.rfind(b"PK\x05\x06")
    few = data[: at + 8] + (3).to_bytes(2, "little") * 2 + data[at + 12 :]
    with pytest.raises(UnsafeFileError, match="more than 2000 files"):
        archive.read_zip(few, name="many.zip")


def test_a_directory_too_long_for_its_members_is_refused_before_it_is_read(monkeypatch):
    data = make_zip([(f"{i}-" + "n" * 1100 + ".json", b"") for i in range(5)])
    monkeypatch.setattr(archive, "MAX_ZIP_MEMBERS", 5)

    def never(*args, **kwargs):
        raise AssertionError("the directory was read")

    monkeypatch.setattr(archive.zipfile, "ZipFile", never)
    with pytest.raises(UnsafeFileError, match="more than 5 files"):
        archive.read_zip(data, name="long.zip")


def test_too_much_to_unpack_in_all_refuses_the_whole_zip(good, monkeypatch):
    monkeypatch.setattr(archive, "MAX_ZIP_BYTES", sum(len(d) for _, d in good) - 1)
    with pytest.raises(FileTooLargeError, match="would unpack to more than"):
        archive.read_zip(make_zip(good), name="class.zip")
    monkeypatch.setattr(archive, "MAX_ZIP_BYTES", 100)
    with pytest.raises(FileTooLargeError, match="larger than"):
        archive.read_zip(make_zip(good), name="class.zip")


@pytest.mark.parametrize("cut", [0, 10, 0.5, -1])
def test_a_zip_cut_short_or_not_a_zip_is_a_malformed_file(good, cut):
    data = make_zip(good)
    data = data[: int(len(data) * cut)] if isinstance(cut, float) else data[:cut]
    with pytest.raises(MalformedFileError, match="not a zip that can be read"):
        archive.read_zip(data, name="class.zip")


def test_a_bad_zip_among_uploads_is_one_rejection(good):
    truncated = make_zip(good)[:-30]
    found = archive.read_uploads([*good[:2], ("lms.zip", truncated), ("other.zip", make_zip(good[2:]))], key=KEY)
    assert len(found.accepted) == 5
    assert [r.kind for r in found.rejected] == [Kind.MALFORMED]


# ---- the same report by every way in -------------------------------------------------------------


def _summary(document: dict) -> dict:
    return {
        "learners": sorted(c["learner"] for c in document["learners"]),
        "nodes": len(document["nodes"]),
        "ties": len(document["ties"]),
        "rejected": sorted((r["file"], r["kind"]) for r in document["rejected"]),
    }


@pytest.fixture(scope="module")
def class_files():
    """30 submissions, two broken files and a zip of five more (with a hostile member), as uploads."""
    nets = demo_class(35, seed=28, sizes=(20, 30))
    files = [(name, to_json(net).encode()) for name, net in nets[:30]]
    files += [("broken.json", b'{"format": "connectivism-learning-network", "me": '), ("notes.docx", b"PK\x03\x04")]
    zipped = [(f"week 3/{name}", to_json(net).encode()) for name, net in nets[30:]] + [("../escape.json", b"{}")]
    files.append(("lms-download.zip", make_zip(zipped)))
    return files


def test_uploads_give_the_command_lines_report_for_a_folder(class_files, tmp_path):
    folder = tmp_path / "submissions"
    folder.mkdir()
    for name, data in class_files:
        (folder / name).write_bytes(data)
    (tmp_path / "class-key.txt").write_text(KEY.hex() + "\n")
    result = _command(
        folder, "--out", tmp_path / "out", "--key-file", tmp_path / "class-key.txt", "--as-of", AS_OF, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr.decode()
    assert b"35 networks merged, 3 set aside" in result.stdout
    command = json.loads((tmp_path / "out" / "class-network.json").read_text("utf-8"))

    uploaded = classnet.class_document(classnet.merge(archive.read_uploads(class_files, key=KEY), as_of=AS_OF))
    assert _summary(uploaded) == _summary(command)
    assert uploaded == command  # the whole document, measures included
    assert sorted(kind for _, kind in _summary(command)["rejected"]) == [
        "malformed",
        "not-a-network-file",
        "outside-path",
    ]


def test_uploads_of_one_zip_give_the_command_lines_report_for_that_zip(class_files, tmp_path):
    everything = make_zip(class_files[:32])
    (tmp_path / "class.zip").write_bytes(everything)
    (tmp_path / "class-key.txt").write_text(KEY.hex() + "\n")
    result = _command(
        tmp_path / "class.zip",
        "--out",
        tmp_path / "out",
        "--key-file",
        tmp_path / "class-key.txt",
        "--as-of",
        AS_OF,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr.decode()
    command = json.loads((tmp_path / "out" / "class-network.json").read_text("utf-8"))
    uploaded = classnet.class_document(
        classnet.merge(archive.read_uploads([("class.zip", everything)], key=KEY), as_of=AS_OF)
    )
    assert uploaded == command
    assert len(command["learners"]) == 30


def test_a_folder_and_uploads_of_its_files_give_the_same_pseudonyms(class_files):
    loose = class_files[:32]
    by_upload = archive.read_uploads(loose, key=KEY)
    direct = classnet.read_submissions(loose, key=KEY)
    assert [s.learner for s in by_upload.accepted] == [s.learner for s in direct.accepted]
    assert by_upload.rejected == direct.rejected


def test_the_command_line_refuses_a_bad_zip_with_one_line(tmp_path):
    (tmp_path / "class.zip").write_bytes(b"PK\x03\x04 cut short")
    result = _command(tmp_path / "class.zip", "--out", tmp_path / "out", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode().startswith("class-network: FOLDER: The file class.zip is not a zip that can be read")
    assert not (tmp_path / "out").exists()
    assert not (tmp_path / "class-key.txt").exists()  # refused before the key is made


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), min_size=1, max_size=8))
def test_a_damaged_zip_gives_members_or_the_kits_error_never_another(good, edits):
    data = bytearray(make_zip(good[:2]))
    for at, value in edits:
        data[at % len(data)] = value
    try:
        members = archive.read_zip(bytes(data), name="damaged.zip")
    except (MalformedFileError, FileTooLargeError, UnsafeFileError):
        return
    assert all(isinstance(kind, Kind) for _, kind in members.skipped)
    assert len(members.files) + len(members.skipped) <= 2 + len(edits)
