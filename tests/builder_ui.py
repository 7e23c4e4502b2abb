"""Driving the builder widget in the browser edition, in a page or in a frame.

The builder runs in JupyterLite's REPL app: opened by itself
(``tests/test_lite_storage.py``) or embedded in the builder's book page by "Run
it live in your browser" (``tests/test_live_pages.py``). Every helper here
takes ``where``, a Playwright page or frame showing the builder, so both drive
it the same way, through the widget as a learner would.
"""

from __future__ import annotations

import os
from pathlib import Path

#: A host name that is not localhost, mapped to loopback: the page is not a secure context.
ROOM_HOST = "kitroom.test"
#: The Chromium argument that maps :data:`ROOM_HOST` to loopback.
ROOM_HOST_RULE = f"--host-resolver-rules=MAP {ROOM_HOST} 127.0.0.1"
#: The kernel loads Pyodide, numpy, scipy and networkx from the site: generous, on a loaded machine.
START_MS = 240000
STEP_MS = 60000
#: A folder for screenshots of the tests' last steps, if set (to look at them).
SHOTS = os.environ.get("KIT_LITE_SHOTS")
#: What the builder says of where the network is kept, in the browser edition.
KEPT_HERE = "kept in this browser, on this computer, for this site address"


def builder_drawn(where) -> None:
    """Wait until the builder's Add button is drawn (after a load or a reload)."""
    where.locator(".jupyter-widgets button", has_text="Add node").first.wait_for(timeout=START_MS)


def status(where) -> str:
    """What the builder's message lines say, in the order they are drawn."""
    return "\n".join(where.locator(".jupyter-widgets .kit-message").all_inner_texts())


def wait_for_message(where, words: str) -> None:
    where.locator(".jupyter-widgets .kit-message", has_text=words).first.wait_for(timeout=STEP_MS)


def choose_tab(where, title: str) -> None:
    where.locator(".jupyter-widgets .lm-TabBar-tab, .jupyter-widgets .p-TabBar-tab", has_text=title).first.click()


def control(where, kind: str, label: str):
    """The input or select of the widget of `kind` ("text", "dropdown") labelled exactly `label`."""
    element = "input" if kind == "text" else "select"
    return where.locator(
        f".jupyter-widgets .widget-{kind}:has(label:text-is('{label}')) {element} >> visible=true"
    ).first


def add_node(where, name: str) -> None:
    choose_tab(where, "Add a node")
    field = control(where, "text", "Name:")
    field.fill(name)
    field.press("Enter")  # ipywidgets sends the value on Enter or blur
    where.locator(".jupyter-widgets button", has_text="Add node").first.click()
    wait_for_message(where, f"Added {name}.")


def connect(where, a: str, b: str) -> None:
    choose_tab(where, "Connect")
    control(where, "dropdown", "From:").select_option(label=a)
    control(where, "dropdown", "To:").select_option(label=b)
    where.locator(".jupyter-widgets button", has_text="Connect").last.click()
    wait_for_message(where, f"Connected {a} and {b}.")


def node_names(where) -> list[str]:
    """The nodes offered by the Connect tab (every node of the network)."""
    choose_tab(where, "Connect")
    return [o.strip() for o in control(where, "dropdown", "From:").locator("option").all_inner_texts()]


def tie_names(where) -> list[str]:
    """The ties offered by the Edit or remove tab (every tie of the network)."""
    choose_tab(where, "Edit or remove")
    return [o.strip() for o in control(where, "dropdown", "Tie:").locator("option").all_inner_texts()]


def wait_for_nodes(where, names: list[str]) -> None:
    """Wait until the network's nodes are `names` (a change made in the kernel is drawn a little later)."""
    for _ in range(STEP_MS // 500):
        if node_names(where) == names:
            return
        where.wait_for_timeout(500)
    assert node_names(where) == names


def forget(where) -> None:
    """Forget my network, with its confirmation."""
    choose_tab(where, "Save & share")
    where.locator(".jupyter-widgets button", has_text="Forget my network").first.click()
    where.locator(".jupyter-widgets button", has_text="Yes, forget it").first.click()
    wait_for_message(where, "Forgotten")


def shoot(tab, name: str) -> None:
    """A screenshot of the whole page in ``$KIT_LITE_SHOTS``, if set."""
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)
