"""The class network: 30 good submissions merged with hostile ones, anonymised by a keyed hash."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

import pytest
from conftest import ROOT

from connectivism.facilitator import classnet, report
from connectivism.facilitator.demo import demo_class
from connectivism.formats import MAX_FILE_BYTES, to_json
from connectivism.measures import kind_diversity
from connectivism.network import LearningNetwork, match_key

AS_OF = "2026-10-01"
GOOD = 30
PAYLOADS = [
    "<script>window.pwned = 'script'</script>",
    "<img src=x onerror=\"window.pwned = 'img'\">",
    "</script><script>window.pwned = 'close'</script>",
]
Kind = classnet.RejectionKind
REJECTED = {
    "malformed.json": Kind.MALFORMED,
    "wrong-schema.json": Kind.NOT_A_NETWORK_FILE,
    "future-version.json": Kind.UNSUPPORTED_VERSION,
    "oversized.json": Kind.TOO_LARGE,
    "invalid-utf8.json": Kind.NOT_UTF8,
    "zz-duplicate.json": Kind.DUPLICATE_FILE,
    "notes.txt": Kind.NOT_A_NETWORK_FILE,
    ".DS_Store": Kind.HIDDEN,
}


def hostile_network(me: str = "Mallory <b>Real</b>") -> LearningNetwork:
    net = LearningNetwork(me, learner_id=hashlib.sha256(me.encode()).hexdigest()[:32])  # reproducible
    for i, payload in enumerate(PAYLOADS):
        net.add(payload, ["resource", "tool", "community"][i], topic=PAYLOADS[0], note=PAYLOADS[1])
        net.connect(net.me, payload, strength=i + 1)
    net.add("open ed WEEKLY", "resource", topic="open education")  # merges with the shared pool
    net.connect(net.me, "open ed WEEKLY", strength=5)
    net.add("Trudy Secret", "person", note="phone 555-0101")
    net.connect(net.me, "Trudy Secret", strength=2)
    return net


def _command(*args, cwd):
    """Run the command line in a fresh interpreter, importing this working copy's package."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "connectivism.facilitator", "class-network", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        env=env,
    )


def build_class_folder(folder) -> dict:
    """30 good submissions and the hostile ones; returns the good networks by file name."""
    folder.mkdir(parents=True, exist_ok=True)
    good = dict(demo_class(GOOD, seed=11, sizes=(30, 40)))
    for name, net in good.items():
        (folder / name).write_text(to_json(net), "utf-8")
    good["hostile-labels.json"] = hostile_network()
    (folder / "hostile-labels.json").write_text(to_json(good["hostile-labels.json"]), "utf-8")
    # a second learner names the same things, so they are shared: in the tables and the drawing
    good["hostile-twin.json"] = hostile_network("Eve <i>Twin</i>")
    (folder / "hostile-twin.json").write_text(to_json(good["hostile-twin.json"]), "utf-8")
    (folder / "malformed.json").write_bytes(b'{"format": "connectivism-learning-network", "me": ')
    (folder / "wrong-schema.json").write_text(json.dumps({"format": "someone-elses-graph", "nodes": []}))
    future = json.loads(to_json(good["learner-001.json"]))
    future["format_version"] = 99
    (folder / "future-version.json").write_text(json.dumps(future))
    with open(folder / "oversized.json", "wb") as handle:
        handle.write(b'{"pad": "' + b"x" * (MAX_FILE_BYTES + 10) + b'"}')
    (folder / "invalid-utf8.json").write_bytes(
        to_json(good["learner-002.json"]).encode()[:-40] + b"\xff\xfe\xc3(" + b"}"
    )
    (folder / "zz-duplicate.json").write_bytes((folder / "learner-003.json").read_bytes())
    (folder / "notes.txt").write_text("not a network")
    (folder / ".DS_Store").write_bytes(b"\0\0")
    return good


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("class") / "submissions"
    return path, build_class_folder(path)


@pytest.fixture(scope="module")
def key():
    return bytes(range(32))  # fixed keys keep the test deterministic


@pytest.fixture(scope="module")
def merged(folder, key):
    path, _ = folder
    return classnet.merge(classnet.read_folder(path, key=key), as_of=AS_OF)


@pytest.fixture(scope="module")
def outputs(merged, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    paths = classnet.write_outputs(merged, out, html=report.report_html(merged))
    return {k: p.read_text("utf-8") for k, p in paths.items()}


def test_counts_accepted_and_rejected_with_reasons(merged, key):
    assert len(merged.learners) == GOOD + 2
    assert len(merged.rejected) == len(REJECTED)
    # which of the two identical files is set aside depends on the pseudonyms, not on the names
    twins = {classnet.pseudonym(key, "File", n) + ".json": n for n in ("learner-003.json", "zz-duplicate.json")}
    duplicate = next(r.file for r in merged.rejected if r.kind is Kind.DUPLICATE_FILE)
    expected = {**REJECTED, twins[duplicate]: Kind.DUPLICATE_FILE}
    expected.pop("zz-duplicate.json") if twins[duplicate] != "zz-duplicate.json" else None
    labels = {
        classnet.pseudonym(key, "File", name) + classnet._suffix(name.encode()): kind for name, kind in expected.items()
    }
    assert {r.file: r.kind for r in merged.rejected} == labels
    assert all(r.reason == r.kind.text for r in merged.rejected)
    files = {r.file for r in merged.rejected}
    assert not any("malformed" in f or "duplicate" in f or "notes" in f for f in files)


def test_merged_nodes_and_who_named_what(merged, folder, key):
    _, good = folder
    learner = {
        name: classnet.pseudonym(key, "Learner", classnet.learner_identity(net, name)) for name, net in good.items()
    }
    by_key: dict[str, set[str]] = defaultdict(set)
    people = 0
    for name, net in good.items():
        for node in net.nodes:
            if node.kind in classnet.MERGED_KINDS:
                by_key[match_key(node.name)].add(learner[name])
            people += node.kind == "person"
    g = merged.graph
    kinds = defaultdict(int)
    for _, d in g.nodes(data=True):
        kinds[d["kind"]] += 1
    assert kinds["learner"] == GOOD + 2
    assert kinds["person"] == people  # people are never merged across learners
    assert kinds["community"] + kinds["resource"] + kinds["tool"] == len(by_key)
    assert g.number_of_nodes() == GOOD + 2 + people + len(by_key)
    # "Open Ed Weekly", spelt in several ways, is one node named by everyone who named it
    weekly = [n for n in g if match_key(n) == "open ed weekly"]
    assert weekly == ["Open Ed Weekly"]
    assert set(g.nodes["Open Ed Weekly"]["named_by"]) == by_key["open ed weekly"]
    assert g.nodes["Open Ed Weekly"]["count"] == len(by_key["open ed weekly"]) >= 3
    assert set(g.nodes["Café Pédagogique"]["named_by"]) == by_key["cafe pedagogique"]
    ranked = [c for _, c in merged.shared]
    assert ranked == sorted(ranked, reverse=True) and merged.shared[0][1] == max(len(v) for v in by_key.values())
    # contributions add up
    for c in merged.learners:
        assert c.shared + c.unique == c.nodes
    assert sum(c.nodes for c in merged.learners) == sum(len(n) - 1 for n in good.values())
    assert merged.brokers and len(merged.brokers) <= 5 and merged.communities
    assert set(merged.downes.as_dict()) == {"diversity", "autonomy", "openness", "connectivity"}
    assert 0 < merged.diversity.kinds.normalised <= 1


def test_hostile_labels_are_accepted_as_text(merged, outputs):
    for payload in PAYLOADS:
        assert payload in merged.graph
        assert payload not in outputs["html"]
    assert "&lt;script&gt;window.pwned" in outputs["html"]  # the shared-resources table
    assert "\\u003cscript\\u003ewindow.pwned" in outputs["html"]  # the drawing's data, inside its frame
    doc = json.loads(outputs["json"])
    assert {PAYLOADS[0], PAYLOADS[1]} <= {n["id"] for n in doc["nodes"]}
    labels = [d.text for d in ET.fromstring(outputs["graphml"]).iter("{http://graphml.graphdrawing.org/xmlns}data")]
    assert PAYLOADS[1] in labels


def test_pseudonyms_stable_within_a_key_and_different_across_keys(folder, merged, key):
    path, _ = folder
    again = classnet.merge(classnet.read_folder(path, key=key), as_of=AS_OF)
    assert sorted(again.graph) == sorted(merged.graph)
    assert [c.learner for c in again.learners] == [c.learner for c in merged.learners]
    other = classnet.merge(classnet.read_folder(path, key=bytes(range(1, 33))), as_of=AS_OF)
    mine = [c.learner for c in merged.learners]
    theirs = [c.learner for c in other.learners]
    assert len(mine) == len(theirs) and not set(mine) & set(theirs)
    people = {n for n, d in merged.graph.nodes(data=True) if d["kind"] == "person"}
    other_people = {n for n, d in other.graph.nodes(data=True) if d["kind"] == "person"}
    assert len(people) == len(other_people) and len(people & other_people) < len(people) // 20
    assert all(n.startswith(("Learner ", "Person ")) for n in people | set(mine))
    assert len({c.learner for c in merged.learners}) == GOOD + 2


def test_no_real_names_notes_or_key_in_the_outputs(outputs, folder, key):
    _, good = folder
    secrets_ = {
        "private note",
        "shared pool",
        "phone 555",
        "Trudy Secret",
        "Mallory",
        "Eve <i>",
        "learner-0",
        "(learner ",
    }
    for net in good.values():
        secrets_ |= {n.name for n in net.nodes if n.kind in ("me", "person")}
    for kind, text in outputs.items():
        leaked = sorted(s for s in secrets_ if s in text)
        assert not leaked, (kind, leaked[:5])
        assert key.hex() not in text and key.hex().upper() not in text


def test_keep_names_shows_names_and_escapes_them(folder, tmp_path):
    path, good = folder
    hostile_file = tmp_path / "<img src=x onerror=alert(1)>.json"
    hostile_file.write_bytes(b"{broken")
    found = classnet.read_folder(path, key=classnet.new_key(), keep_names=True)
    found.rejected += classnet.read_submissions(
        [(hostile_file.name, hostile_file)], key=found.key, keep_names=True
    ).rejected
    cls = classnet.merge(found, as_of=AS_OF)
    page = report.report_html(cls)
    assert "Names kept" in page
    first_me = good["learner-001.json"].me
    assert first_me in cls.graph and first_me in page
    assert "<img src=x onerror" not in page and "&lt;img src=x onerror=alert(1)&gt;.json" in page
    assert "Mallory &lt;b&gt;Real&lt;/b&gt;" in page


def test_command_writes_three_files_and_keeps_the_key_outside(folder, tmp_path):
    path, _ = folder
    out = tmp_path / "report"

    def run(*extra):
        return _command(path, "--out", str(out), "--as-of", AS_OF, *extra, cwd=tmp_path)

    first = run()
    assert first.returncode == 0, first.stderr.decode()
    key_file = tmp_path / "class-key.txt"
    assert key_file.is_file() and stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert "32 networks merged, 8 set aside" in first.stdout.decode()
    names = sorted(p.name for p in out.iterdir())
    assert names == ["class-network.graphml", "class-network.html", "class-network.json"]
    page = (out / "class-network.html").read_text("utf-8")
    assert key_file.read_text().strip() not in page
    assert run().returncode == 0
    assert (out / "class-network.html").read_text("utf-8") == page  # same key, same report
    inside = run("--key-file", str(path / "key.txt"))
    assert inside.returncode == 2 and "out of the shared folders" in inside.stderr.decode()


def test_key_file_is_reused_and_checked(tmp_path):
    key_path = tmp_path / "k.txt"
    key = classnet.load_or_create_key(key_path)
    assert classnet.load_or_create_key(key_path) == key and len(key) == classnet.KEY_BYTES
    key_path.write_text("not hex")
    with pytest.raises(ValueError, match="does not hold a class key"):
        classnet.load_or_create_key(key_path)


def test_empty_folder_gives_an_empty_report(tmp_path):
    cls = classnet.merge(classnet.read_folder(tmp_path, key=b"k" * 32), as_of=AS_OF)
    assert cls.graph.number_of_nodes() == 0 and not cls.rejected
    assert "0 learners" in report.report_html(cls)


def test_class_network_is_one_frozen_typed_value(merged, outputs):
    with pytest.raises(dataclasses.FrozenInstanceError):
        merged.shared = ()
    assert isinstance(merged.learners, tuple) and isinstance(merged.communities, tuple)
    assert isinstance(merged.diversity.kinds.counts, tuple)
    assert merged.downes.autonomy.learners == len(merged.learners)
    with pytest.raises(TypeError):
        merged.betweenness["anyone"] = 1.0
    doc = json.loads(outputs["json"])
    assert doc["diversity"] == merged.diversity.as_dict() and doc["downes"] == merged.downes.as_dict()


def test_class_spread_is_the_measures_own_for_one_learner():
    net = LearningNetwork("Ana", learner_id="ab" * 16)
    for name, kind in (("Bo", "person"), ("Cy", "person"), ("Forum", "community"), ("Wiki", "resource")):
        net.add(name, kind, topic="maths" if kind == "person" else "")
        net.connect("Ana", name)
    cls = classnet.merge(classnet.read_submissions([("ana.json", to_json(net).encode())], key=b"k" * 32), as_of=AS_OF)
    mine = kind_diversity(net)
    assert cls.diversity.kinds.normalised == round(mine.normalised, 3)
    assert cls.diversity.kinds.entropy == round(mine.entropy, 3) and cls.diversity.kinds.blau == round(mine.blau, 3)
    assert cls.diversity.kinds.counts == tuple((k, c) for k, c in sorted(mine.counts, key=lambda kc: -kc[1]) if c)
