"""Printable handouts (PDF) from the built site, with Debian's Chromium.

Usage::

    python tools/handouts.py [OUTDIR] [--html _build/html] [--learner-only]

writes, in A4 and US Letter:

* ``OUTDIR/learner/``: one sheet per exercise (the learner version, as the site
  shows it, with ruled space under every answer stub and every reflection),
  the three workshop agendas of the facilitator guide, and a one-page card of
  Siemens' eight principles in their 2005 wording, with the source;
* ``OUTDIR/facilitator/``: the facilitator pack, with every exercise's model
  answers and rubric, made from ``tools/exercises.py facilitator``. It is never
  written into the learner folder nor into the site.

``OUTDIR`` defaults to ``_build/handouts``. ``make book`` copies the learner set
to ``_build/html/handouts/`` so that the facilitator guide's links work on the
published site.

The pages are printed from the built site (``make book`` first), offline: every
request that is not to the local server is blocked. They are made for paper:
the page's content only (no navigation, buttons, launch notes or empty output
boxes), still drawings instead of interactive ones, tables that wrap instead of
being cut, and links followed by their address. Each page's footer gives the
kit's name, version and licence and the page's address as a path inside the
site (``exercises/01-map-and-read-diversity.html``): the site's public address
is not known to the kit (the repository address in ``_config.yml`` is a
placeholder until ``make set-repo``, and is not the site's).

Uses Debian's Chromium through Playwright, as the tests do (never
``playwright install``).
"""

from __future__ import annotations

import argparse
import functools
import html
import http.server
import re
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import yaml
from markdown_it import MarkdownIt
from pybtex.database import parse_file

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
import exercises  # noqa: E402  (tools/exercises.py)
from connectivism import __version__  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
HTML = ROOT / "_build" / "html"
OUT = ROOT / "_build" / "handouts"
SIZES = {"a4": "A4", "letter": "Letter"}
LICENCE = "text CC BY 4.0, code MIT"
#: Where the book quotes the eight principles in full, and the entry of their source.
PRINCIPLES_PAGE = "book/03-connectivism"
PRINCIPLES_SOURCE = "siemens2005connectivism"
GUIDE_PAGE = "book/10-facilitator-guide"
ANSWER_LINES = 8  # ruled lines under an answer stub or a reflection

CSS = """

html, body { background: #fff !important; }
body { margin: 0 !important; padding: 0 !important; font-size: 10.5pt; line-height: 1.4; color: #000; }
main.kit-handout { max-width: none !important; margin: 0 !important; padding: 0 !important; }
.kit-handout h1 { font-size: 18pt; margin: 0 0 6pt; }
.kit-handout h2 { font-size: 13.5pt; margin: 12pt 0 4pt; break-after: avoid; }
.kit-handout h3 { font-size: 11.5pt; break-after: avoid; }
.kit-handout pre, .kit-handout code { white-space: pre-wrap !important; overflow-wrap: anywhere; font-size: 9pt; }
.kit-handout .highlight, .kit-handout pre { overflow: visible !important; max-height: none !important; }
.kit-handout .cell_output, .kit-handout .output { overflow: visible !important; max-height: none !important; }
.kit-handout img, .kit-handout svg { max-width: 100% !important; height: auto; }
.kit-handout .table-wrapper, .pst-scrollable-table-container { overflow: visible !important; }
.kit-handout table { width: 100% !important; table-layout: auto; border-collapse: collapse; font-size: 9pt; }
.kit-handout th, .kit-handout td { overflow-wrap: break-word; white-space: normal !important;
  border: 0.5pt solid #999; padding: 2pt 4pt; vertical-align: top; }
.kit-handout tr, .kit-handout figure, .kit-handout .cell, .kit-handout svg { break-inside: avoid; }
.kit-handout a { color: #000; text-decoration: underline; }
.kit-handout .kit-url { font-size: 8.5pt; color: #333; overflow-wrap: anywhere; }
.kit-handout .kit-answer { break-inside: avoid; margin: 4pt 0 10pt; }
.kit-handout .kit-answer-label { font-size: 8.5pt; color: #444; }
.kit-handout .kit-line { height: 8.5mm; border-bottom: 0.6pt solid #777; }
iframe.kit-graph { display: none !important; }
svg.kit-graph-print { display: block !important; }
"""

#: Runs in the page: keep only the content (the whole article or one section),
#: take out what only works on screen, print links' addresses, add ruled space.
PREPARE = r"""
([sectionId, answerLines, root]) => {
  const article = document.querySelector('article.bd-article') || document.querySelector('main') || document.body;
  const content = sectionId ? document.getElementById(sectionId) : article;
  if (!content) throw new Error('no content ' + sectionId);
  const main = document.createElement('main');
  main.className = 'kit-handout';
  main.appendChild(content.cloneNode(true));
  document.body.replaceChildren(main);
  document.body.className = '';
  const drop = [
    'button', 'input', 'select', 'textarea', 'iframe', 'script', 'noscript', 'nav', 'form',
    '.headerlink', '.toggle-details', '.kit-launch', '.kit-live', '.kit-snapshot-note', '.widget-button',
    '.widget-toggle-buttons', '.widget-dropdown', '.widget-slider', '.widget-play',
    '.prev-next-area', '.bd-header-article', '.header-article-items', '#pst-back-to-top',
    '.sd-btn', '.tag_remove-input > .cell_input', '.cell.tag_selfcheck',
  ];
  main.querySelectorAll(drop.join(',')).forEach(e => e.remove());
  // Self-checks run only in a notebook: on paper their heading would stand alone.
  main.querySelectorAll('h3').forEach(h => {
    if (h.textContent.trim().replace(/#$/, '') === 'Self-check') (h.closest('section') || h).remove();
  });
  // Any remaining element that says only "launch to interact" is a web-only note.
  main.querySelectorAll('*').forEach(e => {
    const webOnly = /launch to interact|Run it live|Click to explore/i;
    if (e.isConnected && e.children.length === 0 && webOnly.test(e.textContent)) {
      (e.closest('p, div, span') || e).remove();
    }
  });
  // Still drawings instead of interactive ones.
  main.querySelectorAll('svg.kit-graph-print').forEach(s => { s.style.display = 'block'; });
  // No empty boxes: output areas and widgets with nothing to print.
  const empty = e => !e.textContent.trim() && !e.querySelector('img, svg, canvas, table');
  for (let pass = 0; pass < 3; pass++) {
    const boxes = '.cell_output, .output, .output_area, .widget-subarea, .jupyter-widgets, .widget-box, '
      + '.cell_input, .cell';
    main.querySelectorAll(boxes).forEach(e => {
      if (e.isConnected && empty(e)) e.remove();
    });
  }
  // Links print with their address: web addresses, and pages of the site.
  main.querySelectorAll('a[href]').forEach(a => {
    const text = a.textContent.trim();
    if (!text) return;
    const url = new URL(a.getAttribute('href'), document.baseURI);
    let shown = null;
    if (url.origin !== location.origin) {
      if (/^https?:$/.test(url.protocol) && text !== url.href) shown = url.href;
    } else if (url.pathname !== location.pathname && url.href.startsWith(root)
               && !/\/(bibliography|glossary|genindex|search)\.html$/.test(url.pathname)) {
      shown = url.pathname.slice(new URL(root).pathname.length);
    }
    if (shown) {
      const span = document.createElement('span');
      span.className = 'kit-url';
      span.textContent = ' (' + shown + ')';
      a.after(span);
    }
  });
  // Ruled space wherever an answer is asked: under each answer stub, and under the reflection.
  const ruled = label => {
    const box = document.createElement('div');
    box.className = 'kit-answer';
    const l = document.createElement('div');
    l.className = 'kit-answer-label';
    l.textContent = label;
    box.appendChild(l);
    for (let i = 0; i < answerLines; i++) {
      const line = document.createElement('div');
      line.className = 'kit-line';
      box.appendChild(line);
    }
    return box;
  };
  main.querySelectorAll('.cell.tag_stub').forEach(c => {
    if (!c.querySelector('.cell_input')) return;
    const box = ruled('Write your answer here:');
    c.before(box);
    box.prepend(c);  // the placeholder and its lines stay on one page
  });
  main.querySelectorAll('section').forEach(s => {
    const h = s.querySelector(':scope > h2');
    if (h && /^Reflection/.test(h.textContent.trim())) s.appendChild(ruled('Write here:'));
  });
  return main.querySelectorAll('.kit-answer').length;
}
"""


@dataclass
class Handout:
    """One handout: where its content comes from and what it is called."""

    stem: str
    title: str
    page: str  # the site page it comes from, e.g. "exercises/01-....html"
    section: str | None = None  # print only this section of the page
    html: str | None = None  # or print this document instead of a page
    landscape: bool = False


def kit_name() -> str:
    return yaml.safe_load((ROOT / "_config.yml").read_text("utf-8"))["title"]


def kit_line(page: str) -> str:
    """The line every handout carries: kit, version, licence, and the page's address."""
    return f"{kit_name()} {__version__} · {LICENCE} · {page}"


def footer(page: str) -> str:
    text = html.escape(kit_line(page))
    return (
        '<div style="font-size:7.5px;width:100%;margin:0 14mm;display:flex;justify-content:space-between;'
        f'color:#444;font-family:sans-serif"><span>{text}</span>'
        '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>'
    )


# --- what to print ---------------------------------------------------------------------


def exercise_handouts(html_dir: Path) -> list[Handout]:
    """One handout per learner exercise, as the site shows it."""
    found = []
    for source in exercises.sources():
        page = f"exercises/{source.stem}.html"
        if not (html_dir / page).is_file():
            raise SystemExit(f"{html_dir / page} is missing: run `make book` first")
        nb = nbformat.read(ROOT / "exercises" / source.name, as_version=4)
        found.append(Handout(f"exercise-{source.stem}", _title(nb.cells[0].source), page))
    return found


def agenda_handouts(html_dir: Path) -> list[Handout]:
    """The facilitator guide's agendas, one handout each (landscape: their tables are wide)."""
    from bs4 import BeautifulSoup

    page = f"{GUIDE_PAGE}.html"
    soup = BeautifulSoup((html_dir / page).read_text("utf-8"), "html.parser")
    found = []
    for section in soup.select("article section[id]"):
        h2 = section.find("h2", recursive=False)
        if h2 and h2.get_text(strip=True).startswith("Agenda"):
            title = h2.get_text(strip=True).rstrip("#")
            found.append(Handout(section["id"], title, f"{page}#{section['id']}", section["id"], landscape=True))
    if len(found) != 3:
        raise SystemExit(f"expected three agendas in {page}, found {len(found)}")
    return found


def principles() -> list[str]:
    """Siemens' eight principles in their 2005 wording, as the book quotes them."""
    text = (ROOT / f"{PRINCIPLES_PAGE}.md").read_text("utf-8")
    found = re.findall(r'^> (\d)\. "(.+)"$', text, flags=re.MULTILINE)
    if [n for n, _ in found] != [str(i) for i in range(1, 9)]:
        raise SystemExit(f"{PRINCIPLES_PAGE}.md no longer quotes the eight principles as a numbered list")
    return [wording for _, wording in found]


def principles_source() -> str:
    """The principles' source, from the book's bibliography."""
    entry = parse_file(str(ROOT / "book" / "references.bib")).entries[PRINCIPLES_SOURCE]
    f = entry.fields
    author = " ".join(str(p) for p in entry.persons["author"])
    return (
        f"{author} ({f['year']}). {f['title']}. <i>{f['journal']}</i>, {f['volume']}({f['number']}), "
        f"{f['pages'].replace('--', '–')}. {f['url']}"
    )


def principles_card() -> Handout:
    items = "".join(f"<li>“{html.escape(p)}”</li>" for p in principles())
    doc = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The eight principles</title>
<style>
body {{ font-family: sans-serif; }}
h1 {{ font-size: 26pt; margin: 0 0 6pt; }}
.lead {{ font-size: 11pt; margin: 0 0 12pt; color: #222; }}
ol {{ font-size: 18pt; line-height: 1.35; padding-left: 1.6em; margin: 0; }}
li {{ margin: 0 0 14pt; padding-left: 0.3em; }}
.source {{ margin-top: 14pt; font-size: 10pt; border-top: 0.6pt solid #777; padding-top: 6pt; }}
</style></head><body><main>
<h1 style="font-size: 24pt">Siemens' eight principles of connectivism</h1>
<p class="lead">In the 2005 wording, as the Connectivism Course Kit quotes them ({PRINCIPLES_PAGE}.html);
book/04-the-eight-principles.html says which copies the kit read and how later reproductions differ.</p>
<ol>{items}</ol>
<p class="source">Source: {principles_source()}</p>
</main></body></html>"""
    return Handout(
        "eight-principles-card", "Siemens' eight principles of connectivism", f"{PRINCIPLES_PAGE}.html", html=doc
    )


def _title(markdown: str) -> str:
    return re.search(r"^# (.+)$", markdown, flags=re.MULTILINE).group(1).strip()


_MYST_ROLE = re.compile(r"\{[a-z:]+\}`([^`<]*?)(?:\s*<[^>]*>)?`")


def facilitator_pack(workdir: Path) -> Handout:
    """The model answers and rubrics of every exercise, from the facilitator versions."""
    md = MarkdownIt("commonmark").enable("table")
    parts = []
    for path in exercises.facilitator(workdir):
        nb = nbformat.read(path, as_version=4)
        parts.append(f"<section><h2>{html.escape(_title(nb.cells[0].source))}</h2>")
        parts.append(f'<p class="from">Facilitator version of exercises/{path.stem}.ipynb</p>')
        for cell in nb.cells:
            if exercises.SOLUTION_TAG not in cell.metadata.get("tags", []):
                continue
            if cell.cell_type == "code":
                parts.append(f'<p class="label">Model answer (code cell)</p><pre>{html.escape(cell.source)}</pre>')
            else:
                parts.append(
                    md.render(_MYST_ROLE.sub(r"\1", cell.source)).replace("<h2>", "<h3>").replace("</h2>", "</h3>")
                )
        parts.append("</section>")
    doc = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Facilitator pack</title>
<style>
body {{ font-family: sans-serif; }}
section {{ break-before: page; }}
section:first-of-type {{ break-before: auto; }}
.from, .label {{ font-size: 8.5pt; color: #444; margin: 6pt 0 2pt; }}
pre {{ background: #f3f3f3; padding: 4pt 6pt; border: 0.5pt solid #bbb; }}
</style></head><body><main>
<h1>Facilitator pack: model answers and rubrics</h1>
<p><strong>For facilitators only: do not hand out.</strong> One section per exercise: the model
answers that the learner sheets leave blank, and the rubric.</p>
{"".join(parts)}
</main></body></html>"""
    return Handout(
        "facilitator-pack",
        "Facilitator pack: model answers and rubrics",
        "facilitator versions of exercises/*.ipynb · not for learners",
        html=doc,
    )


# --- printing ----------------------------------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def print_all(handouts: list[Handout], html_dir: Path, outdir: Path) -> list[Path]:
    """Print every handout in every paper size into ``outdir``; return the PDFs written."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).is_file():
        raise SystemExit(f"{CHROMIUM} not found: install Debian's Chromium (`apt-get install -y chromium`)")
    outdir.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(html_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    written = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            documents: dict[str, str] = {}  # generated handouts, served from the local origin

            def route(r):
                url = r.request.url
                if url in documents:
                    r.fulfill(status=200, content_type="text/html; charset=utf-8", body=documents[url])
                elif url.startswith(base):
                    r.continue_()
                else:
                    r.abort()

            page.route("**/*", route)
            for h in handouts:
                if h.html is None:
                    page.goto(base + h.page.split("#")[0], wait_until="networkidle")
                else:
                    documents[f"{base}_handout/{h.stem}.html"] = h.html
                    page.goto(f"{base}_handout/{h.stem}.html", wait_until="load")
                page.add_style_tag(content=CSS)
                page.evaluate(PREPARE, [h.section, ANSWER_LINES, base])
                for suffix, size in SIZES.items():
                    target = outdir / f"{h.stem}-{suffix}.pdf"
                    page.pdf(
                        path=str(target),
                        format=size,
                        landscape=h.landscape,
                        print_background=True,
                        display_header_footer=True,
                        header_template="<span></span>",
                        footer_template=footer(h.page),
                        margin={"top": "14mm", "bottom": "16mm", "left": "14mm", "right": "14mm"},
                    )
                    written.append(target)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return written


def build(outdir: Path = OUT, html_dir: Path = HTML, learner_only: bool = False) -> dict[str, list[Path]]:
    """Write the learner set into ``outdir/learner`` and the facilitator pack into ``outdir/facilitator``."""
    learner = exercise_handouts(html_dir) + agenda_handouts(html_dir) + [principles_card()]
    shutil.rmtree(outdir / "learner", ignore_errors=True)
    result = {"learner": print_all(learner, html_dir, outdir / "learner")}
    if not learner_only:
        shutil.rmtree(outdir / "facilitator", ignore_errors=True)
        with tempfile.TemporaryDirectory() as tmp:
            pack = facilitator_pack(Path(tmp))
        result["facilitator"] = print_all([pack], html_dir, outdir / "facilitator")
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir", nargs="?", type=Path, default=OUT)
    ap.add_argument("--html", type=Path, default=HTML, help="the built site (default _build/html)")
    ap.add_argument("--learner-only", action="store_true", help="leave out the facilitator pack")
    args = ap.parse_args(argv)
    start = time.monotonic()
    result = build(args.outdir, args.html, args.learner_only)
    for kind, paths in result.items():
        print(f"{kind}: {len(paths)} PDFs in {paths[0].parent}")
    print(f"handouts: {time.monotonic() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
