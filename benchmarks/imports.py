"""Benchmark: "Import from your tools" (issue 30): upload → candidates, and Add → refreshed measures.

Prints figures; asserts nothing. Targets (issue 30): from upload to candidates
≤ 1 s for a 5 MB file of each kind; from "Add" to refreshed measures and
suggestions ≤ 300 ms for 300 candidates.

* For each reader, a realistic file of about 5 MB is built in memory (an
  OPML of feeds in folders, a Mastodon follows CSV, a Firefox bookmark file
  with icons, a yEd GraphML with labels and edges), and the time is measured
  from its bytes to :class:`~connectivism.imports.Candidates` (the reader),
  and to the panel showing them (reader + :meth:`ImportPanel.show`).
* "Add" is the builder's button with 300 candidates selected (12 groups of
  25), measured to the end of the builder's refresh (measures, suggestions,
  drawing, autosave included); Undo between runs.

Usage: ``PYTHONPATH=. .venv/bin/python benchmarks/imports.py``
"""

from __future__ import annotations

import datetime
import statistics
import tempfile
import time

import connectivism
from connectivism.imports import READERS, Candidate, Candidates
from connectivism.network import LearningNetwork
from connectivism.session import EditSession
from connectivism.widgets.builder import NetworkBuilder
from connectivism.widgets.importing import ImportPanel

MB = 1024 * 1024
SIZE = 5 * MB - 4096
AS_OF = datetime.date(2026, 10, 1)


def _fill(head: str, item, tail: str) -> bytes:
    parts, size, i = [head], len(head) + len(tail), 0
    while True:
        piece = item(i)
        if size + len(piece.encode()) > SIZE:
            break
        parts.append(piece)
        size += len(piece.encode())
        i += 1
    return ("".join(parts) + tail).encode()


def opml() -> bytes:
    def item(i: int) -> str:
        folder = "" if i % 40 else ('</outline><outline text="Folder {0}" title="Folder {0}">'.format(i // 40))
        return folder + (
            f'<outline type="rss" text="Feed number {i}" title="Feed number {i}" '
            f'xmlUrl="https://blog{i}.example.org/feed/" htmlUrl="https://blog{i}.example.org"/>\n'
        )

    return _fill(
        '<?xml version="1.0" encoding="UTF-8"?><opml version="1.0"><body><outline text="F">',
        item,
        "</outline></body></opml>",
    )


def mastodon() -> bytes:
    return _fill(
        "Account address,Show boosts,Notify on new posts,Languages\n",
        lambda i: f"user{i}@server{i % 300}.social,true,false,\n",
        "",
    )


def bookmarks() -> bytes:
    icon = "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAAXNSR0IArs4c6QAAAA1JREFUOE9jYBgFgwQAAAFQAAGYeXGK" * 2

    def item(i: int) -> str:
        folder = "" if i % 50 else f'</DL><p>\n<DT><H3 ADD_DATE="1700000000">Folder {i // 50}</H3>\n<DL><p>\n'
        return folder + (
            f'<DT><A HREF="https://www.site{i % 2000}.example/page/{i}?ref=x" ADD_DATE="{1600000000 + i}" '
            f'LAST_MODIFIED="{1600000000 + i}" ICON="data:image/png;base64,{icon}" TAGS="a,b">Page {i}</A>\n'
        )

    return _fill(
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks Menu</H1>\n<DL><p>\n<DL><p>\n",
        item,
        "</DL><p>\n</DL>\n",
    )


def graphml() -> bytes:
    head = (
        '<?xml version="1.0" encoding="UTF-8"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:y="http://www.yworks.com/xml/graphml"><key for="node" id="d6" yfiles.type="nodegraphics"/>'
        '<key for="edge" id="d10" yfiles.type="edgegraphics"/><graph edgedefault="directed" id="G">\n'
    )

    def item(i: int) -> str:
        node = (
            f'<node id="n{i}"><data key="d6"><y:ShapeNode><y:Geometry height="30.0" width="30.0" x="{i}.0" '
            f'y="{i}.0"/><y:Fill color="#FFCC00" transparent="false"/><y:NodeLabel alignment="center" '
            f'visible="true">Person {i}</y:NodeLabel><y:Shape type="ellipse"/></y:ShapeNode></data></node>\n'
        )
        edge = "" if i == 0 else f'<edge id="e{i}" source="n{i}" target="n{(i * 7) % i}"/>\n'
        return node + edge

    return _fill(head, item, "</graph></graphml>")


FILES = {"opml": opml, "mastodon": mastodon, "bookmarks": bookmarks, "drawn": graphml}


def upload_times() -> None:
    print("upload → candidates, 5 MB files (target ≤ 1 s)")
    print(f"{'reader':>10} {'MB':>5} {'candidates':>11} {'ties':>6} {'reader s':>9} {'shown s':>8}")
    session = EditSession(LearningNetwork("Sam"), autosave=False)
    for key, make in FILES.items():
        data = make()
        times, shown = [], []
        for _ in range(3):
            t = time.perf_counter()
            found = READERS[key](data, name=f"bench.{key}")
            times.append(time.perf_counter() - t)
            panel = ImportPanel(session, lambda: None)
            t = time.perf_counter()
            panel.show(found)
            shown.append(times[-1] + time.perf_counter() - t)
        print(
            f"{key:>10} {len(data) / MB:>5.2f} {len(found.candidates):>11} {len(found.ties):>6} "
            f"{min(times):>9.2f} {min(shown):>8.2f}"
        )


def add_times(runs: int = 7) -> None:
    print("Add → refreshed measures, suggestions and drawing, 300 candidates (target ≤ 300 ms)")
    found = Candidates(
        "opml",
        tuple(
            Candidate(f"Feed {g}.{i}", "resource", group=f"Folder {g}", topic=f"topic {g % 5}", initiated_by="me")
            for g in range(12)
            for i in range(25)
        ),
    )
    with tempfile.TemporaryDirectory() as folder:
        builder = NetworkBuilder(EditSession(LearningNetwork("Sam"), autosave=f"{folder}/auto.json"), as_of=AS_OF)
        panel = builder.importing
        panel.show(found)
        assert len(panel.chosen()) == 300
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            panel.add_button.click()
            times.append(time.perf_counter() - t)
            assert len(builder.network) == 301
            builder.undo()
        print(f"  median {statistics.median(times) * 1000:.0f} ms, best {min(times) * 1000:.0f} ms ({runs} runs)")


def main() -> None:
    print(f"package: {connectivism.__file__}")
    upload_times()
    add_times()


if __name__ == "__main__":
    main()
