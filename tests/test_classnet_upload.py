"""The class network from uploaded files (the notebook's widget): the command line's report, the key kept.

Driven from Python, as JupyterLab or the browser edition drives it: the
files chosen, the merge button clicked, the downloads decoded and compared
with what the command line writes for the same files and key.
"""

from __future__ import annotations

import base64
import datetime
import json
import os
import re
import stat

import pytest
from test_classnet import _command
from test_classnet_zip import AS_OF, KEY, make_zip

from connectivism.facilitator.demo import demo_class
from connectivism.formats import to_json
from connectivism.widgets.classnet import ClassNetworkUpload


def chosen(upload, files):
    upload.value = tuple(
        {
            "name": n,
            "type": "",
            "size": len(c),
            "content": memoryview(c),
            "last_modified": datetime.datetime(2026, 10, 1),
        }
        for n, c in files
    )


def downloads(html: str) -> dict[str, bytes]:
    """The data: links in a widget's HTML, by file name."""
    return {
        name: base64.b64decode(data)
        for name, data in re.findall(r"<a download='([^']+)' href='data:[^;]+;charset=utf-8;base64,([^']+)'>", html)
    }


@pytest.fixture(scope="module")
def files():
    nets = demo_class(12, seed=5, sizes=(10, 20))
    saved = datetime.datetime(2026, 10, 1, tzinfo=datetime.timezone.utc)
    loose = [(name, to_json(net, saved_at=saved).encode()) for name, net in nets[:8]]
    loose.append(("broken.json", b"{"))
    zipped = [(name, to_json(net, saved_at=saved).encode()) for name, net in nets[8:]]
    return [*loose, ("lms.zip", make_zip(zipped + [("/abs.json", b"{}")]))]


def test_merge_shows_the_report_and_offers_the_command_lines_files(files, tmp_path):
    (tmp_path / "key.txt").write_text(KEY.hex() + "\n")
    view = ClassNetworkUpload(tmp_path / "key.txt", as_of=AS_OF, title="Our class network")
    chosen(view.files, files)
    view.merge_button.click()
    assert "12 networks merged, 2 set aside" in view.message.value
    offered = downloads(view.downloads.value)
    assert sorted(offered) == ["class-network.graphml", "class-network.html", "class-network.json"]
    assert view.report.outputs and "kit-class-report" in view.report.outputs[0]["data"]["text/html"]

    folder = tmp_path / "submissions"
    folder.mkdir()
    for name, data in files:
        (folder / name).write_bytes(data)
    result = _command(
        folder, "--out", tmp_path / "out", "--key-file", tmp_path / "key.txt", "--as-of", AS_OF, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr.decode()
    for name, data in offered.items():
        assert data == (tmp_path / "out" / name).read_bytes(), name  # byte for byte
    # the key is only in its own download
    assert KEY.hex() not in b"".join(offered.values()).decode()
    assert view.key_link.value == ""  # the key is offered only on request
    view.key_button.click()
    assert downloads(view.key_link.value) == {"class-key.txt": KEY.hex().encode() + b"\n"}


def test_the_key_is_made_on_first_merge_and_kept_for_the_next_session(files, tmp_path):
    where = tmp_path / "store" / "class-key.txt"
    first = ClassNetworkUpload(where, as_of=AS_OF)
    assert "No class key" in first.key_status.value and first.key_link.value == ""
    chosen(first.files, files)
    first.merge_button.click()
    assert where.is_file()
    made = bytes.fromhex(where.read_text())
    first.key_button.click()
    assert downloads(first.key_link.value) == {"class-key.txt": made.hex().encode() + b"\n"}

    again = ClassNetworkUpload(where, as_of=AS_OF)  # a reload: a new view, the same storage
    assert "Using the class key" in again.key_status.value
    chosen(again.files, files)
    again.merge_button.click()
    assert [s.learner for s in again.found.accepted] == [s.learner for s in first.found.accepted]


def test_a_saved_key_is_used_and_kept_and_forgetting_it_gives_new_pseudonyms(files, tmp_path):
    where = tmp_path / "store" / "class-key.txt"
    view = ClassNetworkUpload(where, as_of=AS_OF)
    chosen(view.key_upload, [("class-key.txt", KEY.hex().encode() + b"\n")])
    assert "saved class key is in use" in view.message.value
    assert bytes.fromhex(where.read_text()) == KEY
    if os.name == "posix":
        assert stat.S_IMODE(where.stat().st_mode) == 0o600  # readable by its owner only
    chosen(view.files, files)
    view.merge_button.click()
    with_key = [s.learner for s in view.found.accepted]

    view.forget_button.click()
    assert not where.exists() and "forgotten" in view.message.value
    view.merge_button.click()
    assert bytes.fromhex(where.read_text()) != KEY  # a new key, new pseudonyms
    assert set(s.learner for s in view.found.accepted).isdisjoint(with_key)


def test_a_file_that_is_not_a_key_is_refused_and_the_kept_key_stays(tmp_path):
    where = tmp_path / "class-key.txt"
    where.write_text(KEY.hex() + "\n")
    view = ClassNetworkUpload(where, as_of=AS_OF)
    chosen(view.key_upload, [("notes.txt", b"<script>alert(1)</script>")])
    assert "does not hold a class key" in view.message.value and "script" not in view.message.value
    assert bytes.fromhex(where.read_text()) == KEY
    assert view.key_upload.value == ()


def test_nothing_chosen_says_what_to_do(tmp_path):
    view = ClassNetworkUpload(tmp_path / "k.txt", as_of=AS_OF)
    view.merge_button.click()
    assert "Choose the learners&#x27; files" in view.message.value
    assert not (tmp_path / "k.txt").exists()  # no key made for nothing


def test_report_json_has_the_same_learners_as_the_view(files, tmp_path):
    view = ClassNetworkUpload(tmp_path / "k.txt", as_of=AS_OF)
    chosen(view.files, files)
    view.merge()
    document = json.loads(downloads(view.downloads.value)["class-network.json"])
    assert [c["learner"] for c in document["learners"]] == [c.learner for c in view.cls.learners]


def test_a_new_view_holds_neither_the_key_nor_where_it_is(tmp_path):
    """A page built from the notebook keeps the widgets' state: it must not publish the builder's key."""
    where = tmp_path / "private-folder" / "class-key.txt"
    where.parent.mkdir()
    where.write_text(KEY.hex() + "\n")
    view = ClassNetworkUpload(where, as_of=AS_OF)
    state = json.dumps([w.get_state() for w in (view.key_status, view.key_link, view.message, view.downloads)])
    assert "Using the class key" in state
    assert KEY.hex() not in state and "private-folder" not in state
    where.write_text("not a key")
    assert "private-folder" not in ClassNetworkUpload(where, as_of=AS_OF).key_status.value
    assert downloads(view.key_link.value) == {}
    view.key_button.click()
    assert "No class key" in view.key_link.value  # the broken key is not offered
