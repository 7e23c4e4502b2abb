"""The builder in the browser edition, with the browser's storage simulated (no browser).

:mod:`connectivism.browser` is the only layer that talks to Pyodide: here its
store is a temporary folder, the copy to IndexedDB (``_syncfs``) a fake that
can fail, and the channel to other tabs a recorder. Everything above it (the
session's autosave into the store, the builder's words, "Forget my network",
a version 1 file resumed, the other tabs' messages) is the real code. The same
steps in a real browser, on a secure and a non-secure page: test_lite_storage.py.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import sys
import types
from pathlib import Path

import pytest

from connectivism import browser
from connectivism.formats import FORMAT_NAME, FORMAT_VERSION, to_json
from connectivism.session import AUTOSAVE_NAME, EditSession, autosave_location
from connectivism.widgets import open_builder
from connectivism.widgets.builder import NetworkBuilder

AS_OF = datetime.date(2026, 10, 1)


def fake_measures(net, as_of):
    return (f"<p>measures of {len(net)} nodes</p>", "<p>suggestions</p>")


class FakeBrowser:
    """The browser's side: what was copied to IndexedDB, what was told to other tabs, what fails."""

    def __init__(self):
        self.copies: list[bool] = []  # populate flags, in order
        self.told: list[dict] = []
        self.fail: str | None = None  # the next copies fail with this DOMException name

    async def syncfs(self, populate):
        self.copies.append(populate)
        browser._state["error"] = self.fail
        return self.fail

    def postMessage(self, message):  # the BroadcastChannel
        self.told.append(json.loads(message))


@pytest.fixture
def store(tmp_path, monkeypatch):
    """The browser edition with its store open, in a temporary folder; returns the fake browser."""
    folder = tmp_path / "connectivism-store"
    folder.mkdir()
    fake = FakeBrowser()
    monkeypatch.setattr(browser, "IN_BROWSER", True)
    monkeypatch.setattr(browser, "STORE", str(folder))
    monkeypatch.setattr(browser, "_syncfs", fake.syncfs)
    monkeypatch.setattr(browser, "_listeners", [])
    monkeypatch.setattr(
        browser, "_state", {"mounted": True, "error": None, "last": None, "channel": fake, "tab": "this-tab"}
    )
    fake.folder = folder
    return fake


def run(coroutine):
    """Run `coroutine` and the background copies it started, as the kernel's event loop would."""

    async def and_then_the_rest():
        result = await coroutine
        for _ in range(5):
            await asyncio.sleep(0)
        return result

    return asyncio.run(and_then_the_rest())


def builder_in(store) -> NetworkBuilder:
    """A builder opened as ``await open_builder()`` does, and its background copies run."""

    async def opened():
        return await open_builder(as_of=AS_OF, measures=fake_measures)

    return run(opened())


def change(builder, name):
    """Add a node through the widget, and let the copy to IndexedDB run."""

    async def add():
        builder.node_name.value = name
        builder.add_button.click()

    run(add())


# --- where autosaves go --------------------------------------------------------------------


def test_outside_the_browser_nothing_is_open_and_autosaves_stay_in_their_folder(tmp_path):
    assert not browser.is_open() and not browser.in_store(tmp_path / "x.json")
    assert run(browser.open_store()) is None
    assert autosave_location(tmp_path).path == tmp_path / AUTOSAVE_NAME


def test_with_the_store_open_autosaves_go_there(store):
    assert autosave_location().path == store.folder / AUTOSAVE_NAME
    assert browser.in_store(store.folder / AUTOSAVE_NAME)
    assert not browser.in_store(store.folder.parent / AUTOSAVE_NAME)


def test_in_the_browser_without_the_store_the_builder_says_its_work_may_not_be_kept(store, tmp_path):
    browser._state["mounted"] = False
    where = autosave_location()
    assert not browser.in_store(where.path)
    assert "await open_builder()" in where.notice and "download" in where.notice


# --- autosave, reload, resume -----------------------------------------------------------------


def test_every_change_is_written_to_the_store_then_copied_to_the_browser_and_told(store):
    builder = builder_in(store)
    assert "kept in this browser, on this computer, for this site address" in builder.status.value
    assert "autosaved in this browser" in builder.sharing.box.children[0].value
    store.copies.clear()
    change(builder, "Ada")
    saved = json.loads((store.folder / AUTOSAVE_NAME).read_text("utf-8"))
    assert [n["name"] for n in saved["nodes"]] == ["Me", "Ada"]
    assert store.copies == [False]  # one copy to IndexedDB after the write
    assert store.told[-1] == {"kind": "saved", "tab": "this-tab"}

    async def undo():
        builder.undo()

    run(undo())
    assert store.copies == [False, False]


def test_after_a_reload_the_network_is_resumed_from_the_store(store):
    change(builder_in(store), "Ada")
    again = builder_in(store)  # a reload: a new kernel reads the same store
    assert again.session.restored and "Ada" in again.network
    assert "Welcome back" in again.status.value


def test_a_version_1_network_in_the_store_is_resumed_and_saved_as_the_current_version(store):
    v1 = {
        "format": FORMAT_NAME,
        "format_version": 1,
        "me": "Kim",
        "nodes": [{"name": "Kim", "kind": "me"}, {"name": "Ada", "kind": "person"}],
        "ties": [{"a": "Kim", "b": "Ada", "strength": 4}],
        "metadata": {"title": "Week 1"},
    }
    (store.folder / AUTOSAVE_NAME).write_text(json.dumps(v1), "utf-8")
    builder = builder_in(store)
    assert builder.session.restored and builder.network.tie("Kim", "Ada").strength == 4
    assert builder.network.metadata.title == "Week 1"
    change(builder, "Ben")
    saved = json.loads((store.folder / AUTOSAVE_NAME).read_text("utf-8"))
    assert saved["format_version"] == FORMAT_VERSION == 2
    assert {n["name"] for n in saved["nodes"]} == {"Kim", "Ada", "Ben"}
    assert saved["metadata"]["learner_id"] == builder.network.metadata.learner_id is not None


# --- a copy to the browser's storage that fails -------------------------------------------------


def test_a_failed_copy_is_said_with_a_plea_to_download_and_a_later_one_clears_it(store):
    builder = builder_in(store)
    store.fail = "QuotaExceededError"
    change(builder, "Ada")
    assert "Ada" in builder.network and builder.session.can_undo  # the change is kept
    assert "did not keep it in its storage (QuotaExceededError" in builder.status.value
    assert "Download your network" in builder.status.value and "kit-error" in builder.status.value
    assert not any(m["kind"] == "saved" for m in store.told)  # nothing to tell other tabs
    store.fail = None
    change(builder, "Ben")
    assert builder.session.save_error is None
    assert "autosaved again" in builder.status.value


def test_a_browser_that_keeps_nothing_is_said_when_the_builder_opens(store):
    browser._state["error"] = "InvalidStateError"  # as the first read from IndexedDB left it
    builder = NetworkBuilder(as_of=AS_OF, measures=fake_measures)
    assert "does not let the kit keep your network (InvalidStateError" in builder.status.value
    assert "download your network" in builder.status.value


def test_the_reason_is_the_exceptions_name_never_its_message():
    class DOMException:
        name = "QuotaExceededError"
        message = "secret file content"

    assert browser._reason(DOMException()) == "QuotaExceededError"
    assert browser._reason(OSError("/home/x")) == "OSError"


# --- forget my network ---------------------------------------------------------------------------


def test_forget_asks_first_and_cancel_forgets_nothing(store):
    builder = builder_in(store)
    change(builder, "Ada")
    panel = builder.sharing
    assert panel.forget_box.layout.display == "flex" and panel.forget_confirm.layout.display == "none"
    panel.forget_button.click()
    assert panel.forget_confirm.layout.display == "flex" and panel.forget_button.disabled
    panel.forget_cancel.click()
    assert panel.forget_confirm.layout.display == "none" and not panel.forget_button.disabled
    assert "Nothing was forgotten" in panel.message.value
    assert (store.folder / AUTOSAVE_NAME).is_file() and "Ada" in builder.network


def test_forget_deletes_everything_kept_here_and_starts_afresh_with_nothing_to_undo(store):
    builder = builder_in(store)
    change(builder, "Ada")
    (store.folder / "my-learning-network-2.autosave.json").write_text("{}", "utf-8")
    (store.folder / "old").mkdir()
    (store.folder / "old" / "x.json").write_text("{}", "utf-8")
    store.copies.clear()
    assert run(builder.sharing.forget()) is True
    assert list(store.folder.iterdir()) == []
    assert store.copies == [False] and store.told[-1]["kind"] == "forgot"
    assert [n.name for n in builder.network.nodes] == ["Me"] and not builder.session.can_undo
    assert "Forgotten" in builder.sharing.message.value
    assert builder.connecting.tie_a.options == ("Me",)
    assert not builder_in(store).session.restored  # a reload finds nothing
    change(builder, "Ben")  # and the next change is kept again, in the usual file
    assert "Ben" in (store.folder / AUTOSAVE_NAME).read_text("utf-8")


def test_a_forget_the_browser_refuses_says_so_and_changes_nothing(store):
    builder = builder_in(store)
    change(builder, "Ada")
    store.fail = "UnknownError"
    assert run(builder.sharing.forget()) is False
    assert "could not delete its copy (UnknownError)" in builder.sharing.message.value
    assert "Ada" in builder.network and builder.session.can_undo


def test_outside_the_browser_there_is_nothing_to_forget(tmp_path):
    session = EditSession.resume(autosave=tmp_path / AUTOSAVE_NAME)
    builder = NetworkBuilder(session, as_of=AS_OF, measures=fake_measures)
    assert builder.sharing.forget_box.layout.display == "none"
    assert "Binder" in builder.sharing.box.children[0].value
    assert "this browser" not in builder.status.value


# --- other tabs ------------------------------------------------------------------------------------


def test_a_new_tab_says_so_and_the_tabs_that_have_the_store_open_answer(store):
    builder = builder_in(store)
    run(browser._heard("open"))
    assert store.told[-1] == {"kind": "here", "tab": "this-tab"}
    assert "open in another tab of this browser" in builder.status.value
    run(browser._heard("here"))
    assert builder.status.value.count("open in another tab of this browser") == 1
    assert "kept in this browser" in builder.status.value  # added to what the status said, not instead


def test_when_another_tab_saved_the_store_is_read_again_and_this_tab_does_not_write_over_it(store):
    builder = builder_in(store)
    change(builder, "Ada")
    # the other tab's kernel saved a different network (what reading the store again brings here)
    other = builder.network.copy()
    other.add("Ben", "person")
    (store.folder / AUTOSAVE_NAME).write_text(to_json(other), "utf-8")
    store.copies.clear()
    run(browser._heard("saved"))
    assert store.copies == [True]  # read again from IndexedDB before the builder is told
    assert "Another tab of this browser has just saved" in builder.status.value
    change(builder, "Cy")
    assert builder.session.conflict and builder.conflict_box.layout.display == "flex"
    assert "Ben" in (store.folder / AUTOSAVE_NAME).read_text("utf-8")  # not written over

    async def keep_mine():
        return builder.keep_mine()

    assert run(keep_mine())
    assert "Cy" in (store.folder / "my-learning-network-2.autosave.json").read_text("utf-8")


def test_when_another_tab_forgot_this_tab_says_it_still_shows_the_network(store):
    builder = builder_in(store)
    run(browser._heard("forgot"))
    assert "forgotten in another tab" in builder.status.value


class FakePyodide:
    """Pyodide's modules as browser.py uses them: ``pyodide_js.FS``, ``js``, ``pyodide.ffi``."""

    def __init__(self):
        self.calls: list[str] = []
        self.channels: list[types.SimpleNamespace] = []
        self.answer: object = None  # what FS.syncfs's callback gets (None: done)

    # pyodide_js.FS
    filesystems = types.SimpleNamespace(IDBFS="IDBFS")

    def mount(self, kind, options, where):
        self.calls.append(f"mount {kind} at {where} autoPersist={options.autoPersist}")

    def syncfs(self, populate, callback):
        self.calls.append(f"syncfs {'in' if populate else 'out'} start")

        def later():
            self.calls.append(f"syncfs {'in' if populate else 'out'} end")
            callback(self.answer)

        asyncio.get_event_loop().call_later(0.01, later)  # IndexedDB answers later

    def modules(self):
        posted = []
        channel_class = types.SimpleNamespace(
            new=lambda name: (
                self.channels.append(types.SimpleNamespace(name=name, postMessage=posted.append)) or self.channels[-1]
            )
        )
        js = types.SimpleNamespace(
            BroadcastChannel=channel_class, Object=types.SimpleNamespace(new=types.SimpleNamespace)
        )
        ffi = types.SimpleNamespace(create_once_callable=lambda f: f, create_proxy=lambda f: f)
        pyodide = types.ModuleType("pyodide")
        pyodide.ffi = ffi
        self.posted = posted
        return {"pyodide_js": types.SimpleNamespace(FS=self), "js": js, "pyodide": pyodide, "pyodide.ffi": ffi}


@pytest.fixture
def pyodide(tmp_path, monkeypatch):
    """The real browser.py over fake Pyodide modules, with its store in a temporary folder."""
    fake = FakePyodide()
    for name, module in fake.modules().items():
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.setattr(browser, "IN_BROWSER", True)
    monkeypatch.setattr(browser, "STORE", str(tmp_path / "connectivism-store"))
    monkeypatch.setattr(browser, "_listeners", [])
    monkeypatch.setattr(
        browser, "_state", {"mounted": False, "error": None, "last": None, "channel": None, "tab": None}
    )
    return fake


def test_open_store_mounts_once_reads_indexeddb_and_tells_the_other_tabs(pyodide):
    async def twice():
        return await browser.open_store(), await browser.open_store()

    first, second = asyncio.run(twice())
    assert first == second == Path(browser.STORE) and browser.is_open()
    assert pyodide.calls == [f"mount IDBFS at {browser.STORE} autoPersist=False", "syncfs in start", "syncfs in end"]
    assert pyodide.channels[0].name == browser.CHANNEL
    assert [json.loads(m)["kind"] for m in pyodide.posted] == ["open"]


def test_copies_run_one_at_a_time_in_the_order_asked_and_then_the_tabs_are_told(pyodide):
    done = []

    async def scenario():
        await browser.open_store()
        pyodide.calls.clear()
        browser.persist(done.append)
        browser.persist(done.append)
        await browser.flush()

    asyncio.run(scenario())
    assert pyodide.calls == ["syncfs out start", "syncfs out end"] * 3
    assert done == [None, None]
    assert [json.loads(m)["kind"] for m in pyodide.posted] == ["open", "saved", "saved"]


def test_a_copy_that_fails_is_named_and_not_told(pyodide):
    done = []

    async def scenario():
        await browser.open_store()
        pyodide.answer = types.SimpleNamespace(name="QuotaExceededError", message="the disk is full")
        browser.persist(done.append)
        for _ in range(20):
            await asyncio.sleep(0.01)

    asyncio.run(scenario())
    assert done == ["QuotaExceededError"] and browser.last_error() == "QuotaExceededError"
    assert [json.loads(m)["kind"] for m in pyodide.posted] == ["open"]


def test_only_the_kits_messages_from_other_tabs_are_heard(pyodide):
    heard = []

    async def scenario():
        await browser.open_store()
        browser.listen(heard.append)
        received = pyodide.channels[0].onmessage
        me = browser._state["tab"]
        for data in [
            json.dumps({"kind": "saved", "tab": "another"}),
            json.dumps({"kind": "saved", "tab": me}),  # its own
            json.dumps({"kind": "erase everything", "tab": "another"}),
            "not json",
            json.dumps(["kind"]),
            json.dumps({"kind": "open", "tab": "another"}),
        ]:
            received(types.SimpleNamespace(data=data))
        for _ in range(20):
            await asyncio.sleep(0.01)

    asyncio.run(scenario())
    assert sorted(heard) == ["open", "saved"]
    assert pyodide.calls.count("syncfs in start") == 2  # opened, then read again after "saved"
    assert [json.loads(m)["kind"] for m in pyodide.posted] == ["open", "here"]


def test_a_late_copy_does_not_hide_a_conflict(store):
    builder = builder_in(store)
    session = builder.session
    session.conflict, session.save_error = True, "another builder saved"
    session._stored("QuotaExceededError")
    session._stored(None)
    assert session.save_error == "another builder saved"
