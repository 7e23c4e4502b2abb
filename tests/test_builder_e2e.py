"""End to end: a learner uses the builder in a real JupyterLab, in Chromium.

The test copies notebooks/ to a temporary folder, starts JupyterLab there on a
free local port (no token, its own config and settings folders, news off),
runs the builder notebook, adds two nodes and a tie through the page, sees the
drawing, the measures and the suggestions change, restarts the kernel and
finds the network restored, downloads the export and imports it again.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from browser import chromium
from conftest import AS_OF, ROOT
from playwright.sync_api import expect

from connectivism.network import OTHER_KINDS

pytestmark = pytest.mark.browser
NOTEBOOK = "03-map-your-network.ipynb"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def lab(tmp_path):
    with running_lab(tmp_path) as served:
        yield served


@contextlib.contextmanager
def running_lab(tmp_path: Path):
    work = tmp_path / "work"
    shutil.copytree(ROOT / "notebooks", work)
    settings = tmp_path / "settings"
    (settings / "@jupyterlab" / "apputils-extension").mkdir(parents=True)
    (settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False})
    )
    env = dict(
        os.environ,
        JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
        JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(settings),
        JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "workspaces"),
        CONNECTIVISM_AUTOSAVE_DIR=str(tmp_path / "autosave"),
        CONNECTIVISM_AS_OF=AS_OF,
    )
    port = free_port()
    log = open(tmp_path / "lab.log", "w")
    proc = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "jupyter"),
            "lab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={port}",
            "--ServerApp.token=",
            "--ServerApp.password=",
            "--allow-root",
            "--LabApp.expose_app_in_browser=True",
            "--LabApp.news_url=None",
            "--ServerApp.open_browser=False",
            f"--ServerApp.root_dir={work}",
        ],
        cwd=work,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "api/status", timeout=2)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("JupyterLab did not start:\n" + (tmp_path / "lab.log").read_text()[-3000:])
                time.sleep(0.3)
        yield base, work, tmp_path
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


def run_all(page):
    page.wait_for_function(
        "() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
        " && window.jupyterapp.shell.currentWidget.sessionContext"
        " && window.jupyterapp.shell.currentWidget.sessionContext.session"
        " && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel"
        " && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'",
        timeout=60000,
    )
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")


def summary(page) -> str:
    loc = page.locator(".jp-OutputArea .kit-graph-summary").first
    loc.wait_for(timeout=60000)
    return loc.inner_text()


def wait_summary(page, text: str):
    page.wait_for_function(
        "t => { const s = document.querySelector('.jp-OutputArea .kit-graph-summary');"
        " return s && s.innerText.includes(t); }",
        arg=text,
        timeout=30000,
    )


def button(page, text: str):
    """An ipywidgets button by its exact caption (its icon has no text)."""
    return page.locator(
        ".jp-OutputArea button.jupyter-button", has_text=re.compile(rf"^\s*{re.escape(text)}\s*$")
    ).first


def field(page, label: str, kind: str = "input"):
    return page.locator(f".widget-inline-hbox:has(> label:text-is('{label}')) {kind}").first


def test_learner_builds_restarts_exports_and_imports(lab):
    base, work, tmp = lab
    with chromium() as browser:
        context = browser.new_context(accept_downloads=True, viewport={"width": 1300, "height": 1000})
        page = context.new_page()
        try:
            learner_session(page, base, tmp)
        except Exception:
            shot = tmp / "failure.png"
            page.screenshot(path=str(shot))
            print(f"screenshot of the failure: {shot}")
            raise
        finally:
            context.close()


def learner_session(page, base, tmp):
    if True:
        page.route(
            "**/*",
            lambda r: (
                r.continue_() if r.request.url.startswith(base) or r.request.url.startswith("data:") else r.abort()
            ),
        )
        page.goto(base + "lab/tree/" + NOTEBOOK)
        run_all(page)
        assert "14 nodes" in summary(page)
        measures_before = page.locator(".jp-OutputArea .kit-measures").first.inner_text()

        # add two nodes and a tie through the page
        for name, kind in [("Open Science Forum", "community"), ("Zotero group", "tool")]:
            expect(field(page, "Name:")).to_have_value("", timeout=30000)
            field(page, "Name:").fill(name)
            field(page, "Kind:", "select").select_option(index=OTHER_KINDS.index(kind))
            field(page, "Topic:").fill("open science")
            button(page, "Add node").click()
            page.wait_for_function("n => document.body.innerText.includes('Added ' + n)", arg=name, timeout=30000)
        wait_summary(page, "16 nodes")
        page.locator(".jp-OutputArea .lm-TabBar-tab", has_text="Connect").first.click()
        field(page, "From:", "select").select_option(label="Amira")
        field(page, "To:", "select").select_option(label="Open Science Forum")
        button(page, "Connect").click()
        wait_summary(page, "21 ties")
        measures_after = page.locator(".jp-OutputArea .kit-measures").first.inner_text()
        assert measures_after != measures_before
        frame = page.frame_locator(".jp-OutputArea iframe.kit-graph").first
        frame.locator("html[data-drawn='true']").wait_for(timeout=30000)
        assert json.loads((tmp / "autosave" / "my-learning-network.autosave.json").read_text())["me"] == "Amira"

        # restart the kernel: the network comes back from the autosave
        # not awaited: the command resolves only once its dialog is answered
        page.evaluate("() => { window.jupyterapp.commands.execute('kernelmenu:restart'); }")
        page.locator(".jp-Dialog button.jp-mod-accept").click()
        page.wait_for_timeout(1000)
        run_all(page)
        wait_summary(page, "16 nodes")
        assert "restored" in page.locator(".jp-OutputArea").first.inner_text()

        # export (a real download) and import it again after starting over
        page.locator(".jp-OutputArea .lm-TabBar-tab", has_text="Save & share").first.click()
        button(page, "Prepare downloads").click()
        with page.expect_download() as info:
            page.get_by_role("link", name="Your network (JSON: everything)").click()
        exported = Path(info.value.path()).read_text("utf-8")
        data = json.loads(exported)
        assert len(data["nodes"]) == 16 and len(data["ties"]) == 21
        field(page, "Start over:", "select").select_option(index=0)
        button(page, "Start over").click()
        wait_summary(page, "1 node")
        saved = tmp / "export.json"
        saved.write_text(exported, "utf-8")
        with page.expect_file_chooser() as chooser:
            page.locator(".jp-OutputArea .widget-upload", has_text="Import").first.click()
        chooser.value.set_files(str(saved))
        page.wait_for_timeout(500)
        button(page, "Import the uploaded file(s)").click()
        wait_summary(page, "16 nodes")
