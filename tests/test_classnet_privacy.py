"""The class report stays private, is written safely, and its command line never shows a traceback.

One test (or more) per finding M3, M4, M5, H2, L2 and L3 of the hostile-input review
(``shared/reviews/hostile-inputs-2026-11.md``).
"""

from __future__ import annotations

import datetime
import json
import os
import warnings
import xml.etree.ElementTree as ET

import pytest
from test_classnet import _command

from connectivism.facilitator import classnet, report
from connectivism.facilitator.__main__ import main
from connectivism.formats import to_json
from connectivism.network import LearningNetwork

AS_OF = "2026-10-01"
KEY = bytes(range(32))
Kind = classnet.RejectionKind
UTC = datetime.timezone.utc
PLANTED = "Alice Realname0 lives at 12 Main St"


def network(
    me: str = "Sam",
    *,
    things: tuple[str, ...] = ("Open Ed Weekly", "Zotero"),
    people: tuple[str, ...] = ("Ada",),
    learner_id: str | None = None,
) -> LearningNetwork:
    net = LearningNetwork(me, learner_id=learner_id)
    for i, thing in enumerate(things):
        net.add(thing, "resource" if i % 2 == 0 else "tool")
        net.connect(me, thing, strength=3)
    for person in people:
        net.add(person, "person")
        net.connect(me, person, strength=2)
    return net


def save(folder, name, net, *, saved_at=datetime.datetime(2026, 9, 1, tzinfo=UTC)):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name if isinstance(name, str) else os.path.join(os.fsencode(folder), name)
    with open(path, "wb") as handle:
        handle.write(to_json(net, saved_at=saved_at).encode())
    return path


def outputs_of(cls) -> dict[str, str]:
    return {
        "json": json.dumps(classnet.class_document(cls), ensure_ascii=False),
        "graphml": classnet.class_graphml(cls),
        "html": report.report_html(cls),
    }


def run(*args, capsys) -> tuple[int, str, str]:
    code = main(["class-network", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- M3: nothing from a file reaches the report --------------------------------------------------


def _planted_files() -> dict[str, bytes]:
    base = json.loads(to_json(network()))
    files = {}
    doc = dict(base, format_version="URGENT: email your password " + PLANTED + "X" * 1000)
    files["version.json"] = json.dumps(doc).encode()
    files["dupkey.json"] = (
        b'{"format":"connectivism-learning-network","format_version":2,"me":"Sam",'
        b'"nodes":[{"name":"Sam","kind":"me"}],"metadata":{"'
        + PLANTED.encode()
        + b'":1,"'
        + PLANTED.encode()
        + b'":2}}'
    )
    files["format.json"] = json.dumps(
        {"format": "not valid JSON; " + PLANTED, "format_version": 1, "nodes": []}
    ).encode()
    files["xml.graphml"] = b'<x:a xmlns:x="urn:not well-formed: ' + PLANTED.encode() + b'"/>'
    files["broken-xml.graphml"] = b"<graphml><" + PLANTED.encode()
    files["future.json"] = json.dumps(dict(base, format_version=10**6 + 7)).encode()
    files["strength.json"] = json.dumps(dict(base, ties=[{"a": "Sam", "b": "Ada", "strength": PLANTED}])).encode()
    files["kind.json"] = json.dumps(dict(base, nodes=base["nodes"] + [{"name": "Bo", "kind": PLANTED}])).encode()
    files["name.json"] = json.dumps(dict(base, nodes=base["nodes"] + [{"name": "Ada", "kind": "person"}])).encode()
    files["identity.json"] = json.dumps(dict(base, metadata={**base["metadata"], "learner_id": PLANTED})).encode()
    files["saved.json"] = json.dumps(dict(base, metadata={**base["metadata"], "saved_at": PLANTED})).encode()
    files["key.json"] = json.dumps(dict(base, **{PLANTED: 1})).encode()
    files["number.json"] = b'{"format":"connectivism-learning-network","format_version":' + b"9" * 5000 + b"}"
    return files


def test_planted_text_never_reaches_the_report_or_the_command_line(tmp_path, capsys):
    folder = tmp_path / "sub"
    folder.mkdir()
    for name, data in _planted_files().items():
        (folder / name).write_bytes(data)
    save(folder, "good.json", network())
    found = classnet.read_folder(folder, key=KEY)
    assert len(found.accepted) == 1 and len(found.rejected) == len(_planted_files())
    cls = classnet.merge(found, as_of=AS_OF)
    for kind, text in outputs_of(cls).items():
        for planted in ("Realname", "Main St", "URGENT", "password", "XXXXXXXX", "1000007", "99999"):
            assert planted not in text, (kind, planted)
    for name in ("keep", "anonymised"):
        out = tmp_path / f"out-{name}"
        code, printed, errors = run(
            folder,
            "--out",
            out,
            "--as-of",
            AS_OF,
            "--key-file",
            tmp_path / "k.txt",
            *(["--keep-names"] if name == "keep" else []),
            capsys=capsys,
        )
        assert code == 0, errors
        for path in out.iterdir():
            assert "Realname" not in path.read_text("utf-8") and "URGENT" not in path.read_text("utf-8")
        assert "Realname" not in printed and "URGENT" not in printed


def test_a_repaired_submission_is_read_and_its_notice_never_printed(tmp_path, capsys):
    # issue 18 strips bidirectional controls on import with a notice that quotes the name;
    # the class run reads the repaired file but shows nothing of it
    folder = tmp_path / "sub"
    base = json.loads(to_json(network(people=(PLANTED,))))
    for node in base["nodes"]:
        if node["name"] == PLANTED:
            node["name"] = "\u202e" + PLANTED
    for tie in base["ties"]:
        tie.update({k: "\u202e" + PLANTED for k in ("a", "b") if tie.get(k) == PLANTED})
    folder.mkdir()
    (folder / "bidi.json").write_text(json.dumps(base), "utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        code, printed, errors = run(
            folder, "--out", tmp_path / "out", "--as-of", AS_OF, "--key-file", tmp_path / "k.txt", capsys=capsys
        )
    assert code == 0, errors
    assert "Realname" not in printed + errors
    assert not [w for w in caught if "Realname" in str(w.message)]
    found = classnet.read_folder(folder, key=KEY)
    assert len(found.accepted) == 1 and not found.rejected


def test_each_planted_file_is_set_aside_with_a_kind_decided_by_type():
    found = classnet.read_submissions(list(_planted_files().items()), key=KEY, keep_names=True)
    kinds = {r.file: r.kind for r in found.rejected}
    assert kinds == {
        "version.json": Kind.UNSUPPORTED_VERSION,
        "future.json": Kind.UNSUPPORTED_VERSION,
        "dupkey.json": Kind.UNSAFE,
        "key.json": Kind.NOT_A_NETWORK_FILE,
        "format.json": Kind.NOT_A_NETWORK_FILE,
        "xml.graphml": Kind.NOT_A_NETWORK_FILE,
        "broken-xml.graphml": Kind.MALFORMED,
        "strength.json": Kind.BREAKS_RULES,
        "kind.json": Kind.BREAKS_RULES,
        "name.json": Kind.BREAKS_RULES,
        "identity.json": Kind.BREAKS_RULES,
        "saved.json": Kind.BREAKS_RULES,
        "number.json": Kind.MALFORMED,
    }
    assert all(r.reason == r.kind.text and PLANTED not in r.reason for r in found.rejected)
    assert not hasattr(found.rejected[0], "detail")


def test_no_module_decides_by_an_error_s_wording():
    root = os.path.dirname(classnet.__file__).rsplit(os.sep, 1)[0]
    offenders = []
    for folder, _, files in os.walk(root):
        for name in files:
            if name.endswith(".py"):
                with open(os.path.join(folder, name), encoding="utf-8") as handle:
                    for number, line in enumerate(handle, 1):
                        # `"wording" in str(error)`, `str(error).startswith(...)`, `text = str(error)` ...
                        if " in str(" in line or "str(error)." in line or "str(err)." in line or "= str(err" in line:
                            offenders.append(f"{name}:{number}")
    assert not offenders


# --- M4: no order that re-identifies; pseudonyms keyed on the learner id ------------------------


def test_lists_follow_pseudonyms_never_file_names(tmp_path):
    folder = tmp_path / "sub"
    names = [f"{chr(97 + i)}-learner.json" for i in range(12)]
    for i, name in enumerate(names):
        save(folder, name, network(f"Learner {i}", things=("Open Ed Weekly", f"Tool {i}"), people=(f"P{i}",)))
    for i in range(6):
        (folder / f"{chr(97 + i)}-broken.json").write_bytes(b"{oops")
    found = classnet.read_folder(folder, key=KEY)
    cls = classnet.merge(found, as_of=AS_OF)
    learners = [c.learner for c in cls.learners]
    by_file = [
        classnet.pseudonym(KEY, "Learner", classnet.learner_identity(s.network, b""))
        for s in sorted(found.accepted, key=lambda s: s.network.me)
    ]
    assert learners == sorted(learners) and by_file != learners  # file order would differ
    rejected = [r.file for r in cls.rejected]
    assert rejected == sorted(rejected)
    assert rejected != [classnet.pseudonym(KEY, "File", f"{chr(97 + i)}-broken.json") + ".json" for i in range(6)]
    doc = classnet.class_document(cls)
    assert [c["learner"] for c in doc["learners"]] == learners
    assert [r["file"] for r in doc["rejected"]] == rejected
    node_ids = [n["id"] for n in doc["nodes"]]
    assert node_ids[:12] == learners  # learners first, by pseudonym, then by measure
    position = {n: i for i, n in enumerate(node_ids)}
    ties = [(position[t["a"]], position[t["b"]]) for t in doc["ties"]]
    assert ties == sorted(ties) and all(a < b for a, b in ties)
    labels = [
        d.text
        for d in ET.fromstring(classnet.class_graphml(cls)).iter("{http://graphml.graphdrawing.org/xmlns}data")
        if d.get("key") == "label"
    ]
    assert labels == node_ids


def test_a_renamed_submission_keeps_its_pseudonyms(tmp_path):
    net = network("Sam", people=("Ada", "Bo"))
    save(tmp_path / "one", "sam-smith.json", net)
    save(tmp_path / "two", "submission_4711_attempt_2.json", net)
    one = classnet.merge(classnet.read_folder(tmp_path / "one", key=KEY), as_of=AS_OF)
    two = classnet.merge(classnet.read_folder(tmp_path / "two", key=KEY), as_of=AS_OF)
    assert [c.learner for c in one.learners] == [c.learner for c in two.learners]
    assert sorted(one.graph) == sorted(two.graph)  # people's pseudonyms too
    assert outputs_of(one)["json"] == outputs_of(two)["json"]


def test_one_learner_s_two_files_count_once_and_the_latest_is_used(tmp_path):
    folder = tmp_path / "sub"
    early = network("Bruno", things=("Old thing",))
    late = early.copy()
    late.add("New thing", "tool")
    late.connect("Bruno", "New thing")
    save(folder, "bruno-v2.json", late, saved_at=datetime.datetime(2026, 9, 20, tzinfo=UTC))
    save(folder, "bruno.json", early, saved_at=datetime.datetime(2026, 9, 1, tzinfo=UTC))
    save(folder, "cy.json", network("Cy"))
    found = classnet.read_folder(folder, key=KEY)
    assert len(found.accepted) == 2
    bruno = next(s for s in found.accepted if s.network.me == "Bruno")
    assert "New thing" in bruno.network
    assert [(r.file, r.kind) for r in found.rejected] == [
        (classnet.pseudonym(KEY, "File", "bruno.json") + ".json", Kind.DUPLICATE_LEARNER)
    ]
    assert len(classnet.merge(found, as_of=AS_OF).learners) == 2


def test_version_1_files_keep_the_file_name_rule_and_get_no_invented_id(tmp_path):
    folder = tmp_path / "sub"
    folder.mkdir()
    doc = json.loads(to_json(network("Kim")))
    doc["format_version"] = 1
    del doc["metadata"]["learner_id"], doc["metadata"]["saved_at"]
    (folder / "kim.json").write_text(json.dumps(doc))
    (folder / "kim-copy.json").write_text(json.dumps(doc, indent=1))  # the same network, not byte-identical
    found = classnet.read_folder(folder, key=KEY)
    assert sorted(s.learner for s in found.accepted) == sorted(
        classnet.pseudonym(KEY, "Learner", n) for n in ("kim.json", "kim-copy.json")
    )
    assert all(s.network.metadata.learner_id is None for s in found.accepted)


def test_the_raw_id_never_appears_in_any_output(tmp_path, capsys):
    folder = tmp_path / "sub"
    nets = [network(f"L{i}") for i in range(3)]
    for i, net in enumerate(nets):
        save(folder, f"l{i}.json", net)
    out = tmp_path / "out"
    code, printed, _ = run(folder, "--out", out, "--as-of", AS_OF, capsys=capsys)
    assert code == 0
    texts = [p.read_text("utf-8") for p in out.iterdir()] + [printed]
    for net in nets:
        learner_id = net.metadata.learner_id
        assert not any(learner_id in t or learner_id.upper() in t for t in texts)


def test_a_starter_file_shared_by_two_learners_never_makes_them_one(tmp_path):
    from connectivism.session import EditSession

    starter = network("Me").as_template()
    folder = tmp_path / "sub"
    for name in ("ana.json", "ben.json"):
        session = EditSession(autosave=False)
        session.replace(starter, "start from the starter file")
        save(folder, name, session.network)
    assert len(classnet.read_folder(folder, key=KEY).accepted) == 2


# --- H2 and L3: file names as bytes; every entry listed; nothing raw on a terminal ---------------


@pytest.mark.parametrize("keep_names", [False, True])
def test_a_file_name_that_is_not_utf8_is_set_aside_and_nothing_crashes(tmp_path, keep_names):
    folder = tmp_path / "sub"
    save(folder, "ana.json", network("Ana"))
    save(folder, b"jos\xe9.json", network("Jos\u00e9"))
    out = tmp_path / "out"
    result = _command(folder, "--out", out, "--as-of", AS_OF, *(["--keep-names"] if keep_names else []), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    printed = result.stdout.decode("utf-8")
    assert "1 networks merged, 1 set aside" in printed
    doc = json.loads((out / "class-network.json").read_text("utf-8"))
    assert [r["kind"] for r in doc["rejected"]] == ["unreadable-name"]
    shown = doc["rejected"][0]["file"]
    if keep_names:
        assert shown == "jos\\xe9.json" and "jos\\xe9.json" in printed
    else:
        assert shown.startswith("File ") and shown.endswith(".json")
        assert "jos" not in printed and "jos" not in (out / "class-network.html").read_text("utf-8")
    assert all(p.stat().st_size > 0 for p in out.iterdir())


def test_pseudonyms_of_valid_names_are_the_same_as_str_and_bytes():
    assert classnet.pseudonym(KEY, "File", "ana.json") == classnet.pseudonym(KEY, "File", b"ana.json")
    assert classnet.pseudonym(KEY, "File", os.fsdecode(b"jos\xe9.json")) == classnet.pseudonym(
        KEY, "File", b"jos\xe9.json"
    )


def test_every_entry_not_read_is_listed_with_its_reason(tmp_path):
    folder = tmp_path / "sub"
    save(folder, "ana.json", network("Ana"))
    (folder / "x.json").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (folder / "folder-link.json").symlink_to(tmp_path / "elsewhere")
    (folder / "file-link.json").symlink_to(folder / "ana.json")
    os.mkfifo(folder / "pipe.json")
    (folder / ".hidden.json").write_text("{}")
    found = classnet.read_folder(folder, key=KEY, keep_names=True)
    assert len(found.accepted) == 1
    assert {r.file: r.kind for r in found.rejected} == {
        "x.json": Kind.NOT_A_REGULAR_FILE,
        "folder-link.json": Kind.LINK,
        "file-link.json": Kind.LINK,
        "pipe.json": Kind.NOT_A_REGULAR_FILE,
        ".hidden.json": Kind.HIDDEN,
    }
    anonymous = classnet.read_folder(folder, key=KEY)
    assert len(anonymous.rejected) == 5 and not any("link" in r.file or "pipe" in r.file for r in anonymous.rejected)


def test_keep_names_prints_file_names_without_their_escape_codes(tmp_path, capsys):
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "\x1b[2J\x1b[31mevil\u202e.json").write_bytes(b"{oops")
    save(folder, "ana.json", network("Ana"))
    code, printed, _ = run(folder, "--out", tmp_path / "out", "--as-of", AS_OF, "--keep-names", capsys=capsys)
    assert code == 0
    assert "\x1b" not in printed and "\u202e" not in printed
    assert "\\x1b[2J\\x1b[31mevil\\u202e.json" in printed
    assert "\x1b" not in (tmp_path / "out" / "class-network.html").read_text("utf-8")


# --- M5: safe writing ------------------------------------------------------------------------------


@pytest.fixture()
def small_class(tmp_path):
    folder = tmp_path / "sub"
    for i in range(3):
        save(folder, f"l{i}.json", network(f"L{i}"))
    return classnet.merge(classnet.read_folder(folder, key=KEY), as_of=AS_OF)


def test_a_link_in_out_is_replaced_and_its_target_untouched(tmp_path, small_class):
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (out / "class-network.graphml").symlink_to(victim)
    classnet.write_outputs(small_class, out, html="<p>report</p>")
    assert victim.read_text() == "precious"
    assert not (out / "class-network.graphml").is_symlink()
    assert (out / "class-network.graphml").read_text("utf-8").startswith("<?xml")


def test_a_failed_write_leaves_the_previous_report_intact(tmp_path, small_class, monkeypatch):
    out = tmp_path / "out"
    classnet.write_outputs(small_class, out, html="<p>" + "old report " * 50_000 + "</p>")
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        classnet.write_outputs(small_class, out, html="<p>new</p>")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no temporary files left either


def test_the_command_reports_a_failed_write_in_one_line(tmp_path, small_class, monkeypatch, capsys):
    folder = tmp_path / "sub"
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    code, _, errors = run(folder, "--out", tmp_path / "out", "--as-of", AS_OF, capsys=capsys)
    assert code == 1 and len(errors.strip().splitlines()) == 1 and "No space left" in errors


@pytest.mark.parametrize("where", ["same", "inside"])
def test_out_may_not_be_the_submissions_folder(tmp_path, where, capsys):
    folder = tmp_path / "sub"
    save(folder, "ana.json", network("Ana"))
    out = folder if where == "same" else folder / "report"
    before = sorted(p.name for p in folder.iterdir())
    code, _, errors = run(folder, "--out", out, "--as-of", AS_OF, capsys=capsys)
    assert code == 2 and errors.startswith("class-network: --out: ") and "submissions folder" in errors
    assert sorted(p.name for p in folder.iterdir()) == before
    assert not (tmp_path / "class-key.txt").exists()
    with pytest.raises(ValueError):
        classnet.write_outputs(classnet.merge(classnet.read_folder(folder, key=KEY), as_of=AS_OF), out, folder=folder)


# --- L2: every bad argument gets one line, exit status 2, nothing written --------------------------


def _bad_arguments(tmp_path):
    key_dir = tmp_path / "keys"
    key_dir.mkdir()
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\xff\xfe" * 20)
    (tmp_path / "short.txt").write_text("abcd")
    (tmp_path / "a-file").write_text("not a folder")
    return {
        "--as-of 2024-02-30": (["--as-of", "2024-02-30"], "--as-of"),
        "--as-of yesterday": (["--as-of", "yesterday"], "--as-of"),
        "--as-of 2024-2-3": (["--as-of", "2024-2-3"], "--as-of"),
        "empty key file": (["--key-file", tmp_path / "empty.txt"], "--key-file"),
        "binary key file": (["--key-file", tmp_path / "binary.txt"], "--key-file"),
        "short key": (["--key-file", tmp_path / "short.txt"], "--key-file"),
        "key file a folder": (["--key-file", key_dir], "--key-file"),
        "key file in the folder": (["--key-file", tmp_path / "sub" / "k.txt"], "--key-file"),
        "--out a file": (["--out", tmp_path / "a-file"], "--out"),
    }


BAD_CASES = [
    "--as-of 2024-02-30",
    "--as-of yesterday",
    "--as-of 2024-2-3",
    "empty key file",
    "binary key file",
    "short key",
    "key file a folder",
    "key file in the folder",
    "--out a file",
]


@pytest.mark.parametrize("case", BAD_CASES)
def test_each_bad_argument_gets_one_line_and_exit_status_2(tmp_path, case, capsys):
    folder = tmp_path / "sub"
    save(folder, "ana.json", network("Ana"))
    extra, argument = _bad_arguments(tmp_path)[case]
    args = [folder, "--out", tmp_path / "out", "--key-file", tmp_path / "new-key.txt", *extra]
    before = sorted(p.name for p in tmp_path.rglob("*"))
    code, printed, errors = run(*args, capsys=capsys)
    assert code == 2 and not printed
    assert len(errors.strip().splitlines()) == 1 and errors.startswith(f"class-network: {argument}: ")
    assert "Traceback" not in errors and "\x00" not in errors
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # no key file, no report


def test_bad_arguments_in_a_real_process_show_no_traceback(tmp_path):
    folder = tmp_path / "sub"
    save(folder, "ana.json", network("Ana"))
    result = _command(folder, "--out", tmp_path / "out", "--as-of", "yesterday", cwd=tmp_path)
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert result.stderr.decode().startswith("class-network: --as-of: 'yesterday' is not a date")
    assert not (tmp_path / "class-key.txt").exists() and not (tmp_path / "out").exists()
