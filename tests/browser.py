"""Helpers for driving Debian's Chromium with Playwright, offline.

Never ``playwright install``: it downloads a browser, which this kit's machines
cannot do. Debian's ``chromium`` package is used instead (``.ci/run`` installs
it).
"""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Messages that may appear without failing the browser test. Each entry needs
# the exact message, the reason, and an upstream link. Keep it empty.
ALLOWED_CONSOLE_ERRORS: list[dict] = []


@dataclass
class PageProblems:
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    blocked_requests: list[str] = field(default_factory=list)

    def all(self) -> list[str]:
        allowed = {entry["message"] for entry in ALLOWED_CONSOLE_ERRORS}
        return (
            [f"console error: {m}" for m in self.console_errors if m not in allowed]
            + [f"page error: {m}" for m in self.page_errors]
            + [f"failed request: {m}" for m in self.failed_requests]
            + [f"blocked (non-local) request: {m}" for m in self.blocked_requests]
        )


@contextmanager
def chromium(*extra_args: str):
    """Debian's Chromium, with :data:`CHROMIUM_ARGS` and `extra_args` (e.g. ``--host-resolver-rules=...``)."""
    if not shutil.which(CHROMIUM):
        pytest.fail(
            f"{CHROMIUM} not found: install Debian's Chromium (`apt-get install -y chromium`); .ci/run does this"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *extra_args])
        try:
            yield browser
        finally:
            browser.close()


def watch(page, base_url: str) -> PageProblems:
    """Record every console error, page error and failed request; block the network.

    Only requests to ``base_url`` (the local test server) and to ``about:``,
    ``data:`` and ``blob:`` URLs go through; any other request is aborted and
    recorded.
    """
    problems = PageProblems()
    page.on("console", lambda m: m.type == "error" and problems.console_errors.append(m.text))
    page.on("pageerror", lambda e: problems.page_errors.append(str(e)))
    page.on(
        "requestfailed",
        lambda r: r.url.startswith(base_url) and problems.failed_requests.append(f"{r.url} ({r.failure})"),
    )
    page.on(
        "response",
        lambda r: r.status >= 400 and problems.failed_requests.append(f"{r.url} (HTTP {r.status})"),
    )

    def route(route):
        url = route.request.url
        if url.startswith(base_url) or url.split(":", 1)[0] in {"about", "data", "blob"}:
            route.continue_()
        else:
            problems.blocked_requests.append(url)
            route.abort()

    page.context.route("**/*", route)
    return problems


AXE = Path(__file__).resolve().parent.parent / "_vendor_tools" / "axe-core" / "axe.min.js"


def axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core (vendored from npm, injected here) on the page; return the serious ones.

    Each violation is reduced to its rule id, impact, help text and the first
    few offending elements, which is what a failing test should print.
    """
    if not AXE.is_file():
        pytest.fail("axe-core is not vendored: run `python tools/vendor.py` (make test does)")
    page.add_script_tag(content=AXE.read_text("utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"][:3]],
            "count": len(v["nodes"]),
        }
        for v in result["violations"]
        if v["impact"] in impacts
    ]
