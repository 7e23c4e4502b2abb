"""The browser edition keeps the learner's network in the browser: reload, two tabs, forget.

The builder runs in JupyterLite's REPL app (``lite/repl/``), served by the
local test server with every other request blocked, as a learner would run
it: ``builder = await open_builder()``. A node and a tie are added through the
widget, the page is reloaded and the network is found restored; "Forget my
network" (with its confirmation) is used, the page reloaded, and the network
is gone. The same test runs a second time with the site opened under a host
name that is not localhost but resolves to loopback (Chromium's
``--host-resolver-rules``): a page that is not a secure context, with no
service worker. Two tabs on the same builder are told of each other, and the
second to save a different network is not allowed to write over the first.
Zero console errors, page errors, blocked or failed requests.

:func:`open_builder_in_repl` is the one place that opens the builder in the
browser edition; other browser tests can use it.
"""

from __future__ import annotations

import urllib.parse

import pytest
from browser import chromium, watch
from builder_ui import (
    KEPT_HERE,
    ROOM_HOST,
    ROOM_HOST_RULE,
    STEP_MS,
    add_node,
    builder_drawn,
    choose_tab,
    connect,
    forget,
    node_names,
    shoot,
    status,
    tie_names,
    wait_for_message,
    wait_for_nodes,
)

from connectivism.formats import from_graphml, from_json, load

pytestmark = pytest.mark.browser

BUILDER_CODE = "from connectivism.widgets import open_builder\nbuilder = await open_builder()\nbuilder"


def repl_url(site_url: str, code: str = BUILDER_CODE) -> str:
    """The browser edition's REPL app, running `code` on load."""
    return f"{site_url}lite/repl/index.html?kernel=python&toolbar=1&code={urllib.parse.quote(code)}"


def open_builder_in_repl(tab, site_url: str) -> None:
    """Open the builder in the browser edition (the REPL app) and wait until it is drawn."""
    tab.goto(repl_url(site_url))
    builder_drawn(tab)


@pytest.mark.parametrize("host", ["127.0.0.1", ROOM_HOST])
def test_the_network_is_kept_in_this_browser_until_forgotten(good_site, site_url, host):
    assert (good_site.html / "lite" / "repl" / "index.html").is_file()
    url = site_url.replace("127.0.0.1", host)
    with chromium(ROOM_HOST_RULE) as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 1000})
        tab = context.new_page()
        problems = watch(tab, url)
        try:
            open_builder_in_repl(tab, url)
            assert tab.evaluate("window.isSecureContext") is (host == "127.0.0.1")
            assert KEPT_HERE in status(tab)
            add_node(tab, "Ada")
            connect(tab, "Me", "Ada")
            tab.wait_for_timeout(2000)  # the copy to IndexedDB runs in the background (milliseconds)

            tab.reload()
            builder_drawn(tab)
            wait_for_message(tab, "Welcome back")
            assert "Ada" in node_names(tab)
            assert any("Ada" in t and "Me" in t for t in tie_names(tab))

            forget(tab)
            wait_for_nodes(tab, ["Me"])
            tab.reload()
            builder_drawn(tab)
            tab.wait_for_timeout(1000)
            assert "Welcome back" not in status(tab)
            assert node_names(tab) == ["Me"]
        finally:
            shoot(tab, f"storage-{host}")
            context.close()
    assert not problems.all(), "\n".join(problems.all())


def test_export_and_import_work_in_the_browser_edition_on_a_page_that_is_not_secure(good_site, site_url, tmp_path):
    url = site_url.replace("127.0.0.1", ROOM_HOST)
    with chromium(ROOM_HOST_RULE) as browser:
        context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 1000})
        tab = context.new_page()
        problems = watch(tab, url)
        try:
            open_builder_in_repl(tab, url)
            add_node(tab, "Ada")
            connect(tab, "Me", "Ada")
            choose_tab(tab, "Save & share")
            tab.locator(".jupyter-widgets button", has_text="Prepare downloads").first.click()
            saved = {}
            for name in [
                "my-learning-network.json",
                "my-learning-network.graphml",
                "my-learning-network-nodes.csv",
                "my-learning-network-ties.csv",
            ]:
                with tab.expect_download() as info:
                    tab.locator(f".jupyter-widgets a[download='{name}']").click()
                saved[name] = tmp_path / name
                info.value.save_as(saved[name])
            built = from_json(saved["my-learning-network.json"].read_bytes())
            assert {n.name for n in built.nodes} == {"Me", "Ada"} and len(built.ties) == 1
            assert from_graphml(saved["my-learning-network.graphml"].read_bytes()) == built
            assert (
                load(
                    (
                        saved["my-learning-network-nodes.csv"].read_bytes(),
                        saved["my-learning-network-ties.csv"].read_bytes(),
                    )
                )
                == built
            )

            for files in (
                ["my-learning-network.json"],
                ["my-learning-network.graphml"],
                ["my-learning-network-ties.csv", "my-learning-network-nodes.csv"],
            ):
                tab.locator(".jupyter-widgets button", has_text="Start over").last.click()
                wait_for_nodes(tab, ["Me"])
                choose_tab(tab, "Save & share")
                # the upload of Save & share (the one of "From your tools" is in a hidden tab)
                upload = tab.locator(".jupyter-widgets .widget-upload >> visible=true")
                with tab.expect_file_chooser() as chooser:
                    upload.first.click()
                chooser.value.set_files([str(saved[f]) for f in files])
                # the upload button counts the files once it has read them (and sent them to the kernel)
                upload.filter(has_text=f"({len(files)})").wait_for(timeout=STEP_MS)
                tab.locator(".jupyter-widgets button", has_text="Import the uploaded file(s)").click()
                wait_for_nodes(tab, ["Me", "Ada"])
                assert "Imported a network of 2 nodes and 1 ties" in status(tab), files
        finally:
            shoot(tab, "storage-export-import")
            context.close()
    assert not problems.all(), "\n".join(problems.all())


def test_two_tabs_on_one_builder_are_told_and_lose_nothing(good_site, site_url):
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 1000})
        first, second = context.new_page(), context.new_page()
        problems = [watch(first, site_url), watch(second, site_url)]
        try:
            open_builder_in_repl(first, site_url)
            add_node(first, "Ada")
            first.wait_for_timeout(2000)

            open_builder_in_repl(second, site_url)  # restored from the store the first tab wrote
            wait_for_message(second, "open in another tab")  # the first tab answered
            wait_for_message(first, "open in another tab")  # the second tab said it opened
            assert "Ada" in node_names(second)

            add_node(second, "Ben")
            wait_for_message(first, "Another tab of this browser has just saved")
            # the first tab changes its older copy: it must not write over the second's network
            add_node(first, "Cy")
            wait_for_message(first, "has saved a different network")
            first.locator(".jupyter-widgets button", has_text="Keep mine in a new file").first.click()
            wait_for_message(first, "my-learning-network-2.autosave.json")

            second.reload()
            builder_drawn(second)
            wait_for_message(second, "Welcome back")
            names = node_names(second)
            assert "Ben" in names and "Cy" not in names
        finally:
            shoot(first, "storage-two-tabs-first")
            shoot(second, "storage-two-tabs-second")
            context.close()
    found = [p for tab in problems for p in tab.all()]
    assert not found, "\n".join(found)
