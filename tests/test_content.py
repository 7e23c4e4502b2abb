"""Content tests that every page of the book passes, now and as chapters are added.

What is checked:

* the strict build resolved every citation, glossary term and cross-reference;
* every chapter page (``book/NN-*.md`` in ``_toc.yml``) has learning objectives
  and key points, and the rest of the house shape (reading time at the top,
  a reflection question, further reading);
* every image on every page has meaningful alt text, and every figure a caption;
* spelling: codespell, with the project word list ``tests/codespell-words.txt``;
* originality against the seed article (``tests/data/``, see its README): on the
  built HTML of every page except the bibliography, with quotations removed,
  no run of 10 consecutive words from the seed, and no sentence of 8 words or
  more that matches a seed sentence by 80 % or more (difflib).

The checking logic is plain functions. Each is unit-tested on tiny hand-made
inputs, including inputs that MUST fail, so that a broken check cannot pass
silently. The ``test_built_*`` tests apply the functions to every page of the
shared clean build (``good_site``); select the fast tests alone with
``-k "not built"``.
"""

from __future__ import annotations

import difflib
import functools
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, toc_files

SEED = ROOT / "tests" / "data" / "seed-edutechwiki-connectivism.txt"
WORD_LIST = ROOT / "tests" / "codespell-words.txt"

RUN_LENGTH = 10  # words in a forbidden run shared with the seed
SENTENCE_RATIO = 0.8  # difflib ratio at or above which a sentence is too close
MIN_SENTENCE_WORDS = 8  # shorter page sentences are not compared

# Pages built from _toc.yml (paths without suffix, as in conftest.toc_files()).
PAGES = toc_files()
ORIGINALITY_PAGES = [p for p in PAGES if p != "book/bibliography"]
CHAPTERS = [p for p in PAGES if re.fullmatch(r"book/\d\d-[^/]+", p)]


# ---------------------------------------------------------------------------
# Extracting the prose of a built page
# ---------------------------------------------------------------------------

#: Elements whose text is not the page's own prose. ``q`` and ``blockquote``
#: hold quotations (allowed when marked as such); ``code``, ``pre``, ``kbd`` and
#: ``samp`` hold code and program output, which is not prose; the rest is
#: never visible text.
NOT_PROSE = ("script", "style", "noscript", "template", "svg", "math", "q", "blockquote", "code", "pre", "kbd", "samp")

#: Elements that end a block of text (a paragraph, a list item, a cell ...).
BLOCKS = (
    "p",
    "li",
    "dt",
    "dd",
    "td",
    "th",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figcaption",
    "caption",
    "summary",
    "div",
    "section",
    "table",
    "ul",
    "ol",
    "dl",
    "details",
    "br",
    "hr",
    "aside",
    "header",
    "footer",
)

_BLOCK_MARK = "\x1e"  # ASCII record separator: never in page text


def _main(soup: BeautifulSoup):
    """The main article of a Jupyter Book page (falls back to <main>, <body>)."""
    return soup.find("article") or soup.find("main") or soup.body or soup


def page_text(html: str) -> str:
    """Visible prose of a page's main article, one block (paragraph, item, cell) per line.

    Quotation elements (``<q>``, ``<blockquote>``) and code (``<code>``, ``<pre>``,
    ``<kbd>``, ``<samp>``) are removed, as are scripts and the ``#`` permalinks
    Sphinx puts after headings. Whitespace inside a block collapses to one space.
    """
    soup = BeautifulSoup(html, "html.parser")
    root = _main(soup)
    for tag in root.find_all(NOT_PROSE):
        tag.decompose()
    for tag in root.select("a.headerlink"):
        tag.decompose()
    for tag in root.find_all(BLOCKS):
        tag.insert_before(_BLOCK_MARK)
        tag.append(_BLOCK_MARK)
    blocks = (" ".join(block.split()) for block in root.get_text().split(_BLOCK_MARK))
    return "\n".join(block for block in blocks if block)


#: Text between straight or curly double quotation marks, within one block.
#: Mixed pairs (“...") are accepted because smart-quote conversion is not perfect.
_QUOTED = re.compile(r"[\"“][^\"“”\n]*[\"”]")


def strip_quotations(text: str) -> str:
    """Remove text inside double quotation marks ("...", “...”), marks included.

    Single quotation marks are left alone: they cannot be told apart from
    apostrophes. The kit quotes with double marks.
    """
    return _QUOTED.sub(" ", text)


def words(text: str) -> list[str]:
    """Lower-case words of ``text`` with punctuation and spacing ignored."""
    return re.sub(r"[\W_]+", " ", text.lower()).split()


def sentences(text: str) -> list[tuple[str, list[str]]]:
    """Split into sentences (at ``.``, ``!``, ``?`` and line ends): (sentence, its words)."""
    out = []
    for line in text.splitlines():
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            ws = words(sentence)
            if ws:
                out.append((sentence.strip(), ws))
    return out


# ---------------------------------------------------------------------------
# Originality checks
# ---------------------------------------------------------------------------


def seed_word_runs(text: str, seed_text: str, n: int = RUN_LENGTH) -> list[str]:
    """Runs of ``n`` or more consecutive words that ``text`` shares with ``seed_text``.

    Case, punctuation and spacing are ignored. Overlapping hits are merged, so
    a copied passage is reported once, as its longest shared run.
    """
    seed = words(seed_text)
    grams = {tuple(seed[i : i + n]) for i in range(len(seed) - n + 1)}
    page = words(text)
    hits = [i for i in range(len(page) - n + 1) if tuple(page[i : i + n]) in grams]
    runs, start, end = [], None, None
    for i in hits:
        if start is not None and i <= end:
            end = i + n
        else:
            if start is not None:
                runs.append(" ".join(page[start:end]))
            start, end = i, i + n
    if start is not None:
        runs.append(" ".join(page[start:end]))
    return runs


def overlapping_sentences(
    text: str, seed_text: str, threshold: float = SENTENCE_RATIO, min_words: int = MIN_SENTENCE_WORDS
) -> list[tuple[str, str, float]]:
    """Sentences of ``text`` (of ``min_words`` words or more) too close to a seed sentence.

    Closeness is ``difflib.SequenceMatcher(None, page_words, seed_words).ratio()``
    on the sentences' words. Returns (page sentence, seed sentence, ratio).
    Pairs that cannot reach the threshold are skipped cheaply: first by length
    (the ratio is at most 2·min/(a+b)), then by difflib's upper bounds.
    """
    page = [(s, w) for s, w in sentences(text) if len(w) >= min_words]
    hits = []
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    for seed_sentence, seed_words in sentences(seed_text):
        matcher.set_seq2(seed_words)  # difflib caches its analysis of seq2
        for page_sentence, page_words in page:
            a, b = len(page_words), len(seed_words)
            if 2 * min(a, b) / (a + b) < threshold:
                continue
            matcher.set_seq1(page_words)
            if (
                matcher.real_quick_ratio() >= threshold
                and matcher.quick_ratio() >= threshold
                and (ratio := matcher.ratio()) >= threshold
            ):
                hits.append((page_sentence, seed_sentence, round(ratio, 2)))
    return hits


# ---------------------------------------------------------------------------
# Images, figures, headings, references
# ---------------------------------------------------------------------------

GENERIC_ALT = {
    "graph",
    "image",
    "figure",
    "fig",
    "plot",
    "picture",
    "pic",
    "img",
    "photo",
    "chart",
    "diagram",
    "screenshot",
    "icon",
    "logo",
    "illustration",
    "alt",
    "untitled",
    "placeholder",
    "network",
    "drawing",
}
_FILENAME = re.compile(r"^[\w\-./ ]+\.(png|jpe?g|gif|svg|webp|bmp|tiff?|pdf)$", re.I)
_GENERIC_NUMBERED = re.compile(r"^(an?\s+|the\s+)?(" + "|".join(sorted(GENERIC_ALT)) + r")s?\.?\s*\d*[.:]?$", re.I)


def alt_problem(alt: str | None, src: str = "") -> str | None:
    """Why ``alt`` is not meaningful alt text for the image at ``src`` (None if it is)."""
    if alt is None:
        return "no alt attribute"
    text = " ".join(alt.split())
    if not text:
        return "empty alt text"
    name = Path(src.split("?")[0]).name.lower()
    if _FILENAME.match(text) or text.lower() in {name, Path(name).stem}:
        return "alt text is a file name"
    if _GENERIC_NUMBERED.match(text):
        return "alt text is only a generic word"
    return None


def missing_alt_text(html: str) -> list[tuple[str, str | None, str]]:
    """Every ``<img>`` on the page (theme images included) without meaningful alt text.

    Returns (src, alt, problem).
    """
    soup = BeautifulSoup(html, "html.parser")
    out = []
    for img in soup.find_all("img"):
        problem = alt_problem(img.get("alt"), img.get("src", ""))
        if problem:
            out.append((img.get("src", ""), img.get("alt"), problem))
    return out


def figures_without_caption(html: str) -> list[str]:
    """Figures in the main article that have no caption text (their id or src)."""
    soup = BeautifulSoup(html, "html.parser")
    out = []
    for figure in _main(soup).find_all("figure"):
        caption = figure.find("figcaption")
        if caption is None or not caption.get_text(strip=True).strip("#"):
            img = figure.find("img")
            out.append(figure.get("id") or (img.get("src") if img else "figure"))
    return out


def section_titles(html: str) -> list[str]:
    """Lower-cased titles of headings, admonitions and dropdowns in the main article."""
    soup = BeautifulSoup(html, "html.parser")
    root = _main(soup)
    for tag in root.select("a.headerlink"):
        tag.decompose()
    found = root.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "summary"])
    found += root.select("p.admonition-title, .sd-summary-title")
    return [" ".join(tag.get_text(" ").split()).lower() for tag in found]


#: Parts every chapter must have: name -> accepted title beginnings.
REQUIRED_PARTS = {
    "learning objectives": ("learning objectives", "you will learn"),
    "key points": ("key points",),
}
#: The rest of the house shape (issue 7, "Shape of every chapter").
SHAPE_PARTS = {
    "a reflection question": ("reflection", "reflect"),
    "further reading": ("further reading",),
}


def missing_parts(html: str, parts: dict[str, tuple[str, ...]]) -> list[str]:
    """Names of ``parts`` that no heading, admonition or dropdown title starts with."""
    titles = section_titles(html)
    return [name for name, starts in parts.items() if not any(title.startswith(starts) for title in titles)]


def reading_time_at_top(html: str) -> bool:
    """Whether "reading time" is stated before the page's first second-level heading."""
    soup = BeautifulSoup(html, "html.parser")
    root = _main(soup)
    first_h2 = root.find("h2")
    if first_h2 is not None:
        first_h2.insert_before(_BLOCK_MARK)
    top = root.get_text(" ").split(_BLOCK_MARK)[0]
    return "reading time" in " ".join(top.split()).lower()


def unresolved_references(html: str) -> list[str]:
    """Cross-references, glossary terms and citations the build left unresolved.

    Sphinx renders a resolved ``{ref}``/``{term}``/``{numref}`` as an ``<a>``
    around a ``span.xref``; an unresolved one stays a bare span. Roles that were
    never parsed show up as literal ``{cite...}`` text; docutils marks other
    failures as ``.problematic`` or ``.system-message``.
    """
    soup = BeautifulSoup(html, "html.parser")
    root = _main(soup)
    out = [
        f"unresolved {' '.join(span.get('class', []))}: {span.get_text()!r}"
        for span in root.select(".xref")
        if span.find_parent("a") is None
    ]
    out += [
        f"docutils problem: {tag.get_text(' ', strip=True)[:80]!r}"
        for tag in root.select(".problematic, .system-message")
    ]
    text = root.get_text(" ")
    out += [
        f"unparsed role: {m.group(0)!r}" for m in re.finditer(r"\{(cite(:[pt])?|term|ref|numref|doc)\}`[^`]*`?", text)
    ]
    return out


def glossary_entries(html: str) -> list[list[str]]:
    """Anchors of each glossary entry: the ids of the terms that share one definition."""
    soup = BeautifulSoup(html, "html.parser")
    entries: list[list[str]] = []
    for dl in soup.select("dl.glossary"):
        current: list[str] = []
        for child in dl.find_all(["dt", "dd"], recursive=False):
            if child.name == "dt":
                current.append(child.get("id", ""))
            elif current:
                entries.append(current)
                current = []
    return entries


def glossary_links(html: str) -> set[str]:
    """Anchors in the glossary that a page links to."""
    soup = BeautifulSoup(html, "html.parser")
    return {a["href"].split("#", 1)[1] for a in _main(soup).find_all("a", href=True) if "glossary.html#" in a["href"]}


# ---------------------------------------------------------------------------
# Spelling
# ---------------------------------------------------------------------------


def spelling_targets() -> list[Path]:
    """Prose files codespell checks: chapters, notebooks, exercises, the README."""
    targets = sorted((ROOT / "book").glob("*.md")) + sorted((ROOT / "notebooks").glob("*.ipynb"))
    targets.append(ROOT / "README.md")
    if (ROOT / "exercises").is_dir():
        targets.append(ROOT / "exercises")
    return targets


def run_codespell(paths, word_list: Path = WORD_LIST) -> subprocess.CompletedProcess:
    """Codespell over ``paths`` with the project word list; exit status 0 means clean."""
    return subprocess.run(
        [sys.executable, "-m", "codespell_lib", "--ignore-words", str(word_list), *[str(p) for p in paths]],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


# ---------------------------------------------------------------------------
# Unit tests of the checks (fast; no build needed)
# ---------------------------------------------------------------------------

TINY_PAGE = """<html><body><nav>Site navigation words</nav>
<article class="bd-article"><section><h1>Title<a class="headerlink" href="#t">#</a></h1>
<p>Plain <em>prose</em>
over two lines.</p>
<blockquote><p>A quoted block.</p></blockquote>
<p>She said <q>an inline quotation</q> and wrote <code>x = 1</code>.</p>
<pre>print("code block")</pre><script>var hidden = 1;</script>
<ul><li>First item</li><li>Second item</li></ul></section></article>
<footer>Footer words</footer></body></html>"""

SEED_SENTENCE = (
    "Learning is a process that occurs within nebulous environments of shifting "
    "core elements – not entirely under the control of the individual."
)


def test_page_text_keeps_only_the_articles_own_prose():
    text = page_text(TINY_PAGE)
    assert text.splitlines() == [
        "Title",
        "Plain prose over two lines.",
        "She said and wrote .",
        "First item",
        "Second item",
    ]
    for gone in ["navigation", "quoted block", "inline quotation", "x = 1", "code block", "hidden", "Footer", "#"]:
        assert gone not in text


def test_strip_quotations_removes_straight_and_curly_quotes_but_not_apostrophes():
    text = 'Siemens’ claim: “the pipe matters” and "so does this" — Downes\' view stays.'
    assert strip_quotations(text) == "Siemens’ claim:   and   — Downes' view stays."
    # a quotation never swallows text across blocks
    assert strip_quotations('an "open\nquote" here') == 'an "open\nquote" here'


def test_words_ignore_case_punctuation_and_spacing():
    assert words("Learning (defined as ACTIONABLE knowledge) –\n can  reside!") == [
        "learning",
        "defined",
        "as",
        "actionable",
        "knowledge",
        "can",
        "reside",
    ]


def test_seed_word_runs_fail_a_copied_run_of_ten_words():
    copied = (
        "Our class agreed that learning is a process that occurs within nebulous "
        "environments of shifting core elements, which surprised us."
    )
    assert seed_word_runs(copied, SEED_SENTENCE) == [
        "learning is a process that occurs within nebulous environments of shifting core elements"
    ]


def test_seed_word_runs_allow_nine_words_and_quotations():
    nine = "In short: a process that occurs within nebulous environments of shifting weather."
    assert seed_word_runs(nine, SEED_SENTENCE) == []
    quoted = f"Siemens wrote that “{SEED_SENTENCE}” and we agree."
    assert seed_word_runs(strip_quotations(quoted), SEED_SENTENCE) == []


def test_seed_word_runs_on_the_real_seed_catch_a_principle_left_unquoted():
    seed = SEED.read_text(encoding="utf-8")
    page = (
        "Connectivism says that currency (accurate, up-to-date knowledge) "
        "is the intent of all connectivist learning activities."
    )
    assert seed_word_runs(page, seed)
    assert (
        seed_word_runs(
            strip_quotations(page.replace("currency", "“currency").replace("activities.", "activities.”")), seed
        )
        == []
    )


def test_overlapping_sentences_fail_a_light_paraphrase():
    paraphrase = (
        "Learning is a process occurring within nebulous environments of shifting core "
        "elements, not entirely under the individual's control."
    )
    hits = overlapping_sentences(paraphrase, SEED_SENTENCE)
    assert len(hits) == 1 and hits[0][2] >= SENTENCE_RATIO


def test_overlapping_sentences_pass_original_and_short_sentences():
    original = (
        "Siemens thought that much of what we learn happens in settings that no single "
        "person controls and that keep changing."
    )
    assert overlapping_sentences(original, SEED_SENTENCE) == []
    assert overlapping_sentences("Learning occurs within nebulous environments.", SEED_SENTENCE) == []


def test_alt_text_checks_fail_missing_empty_filename_and_generic_alt():
    html = """<img src="a.png"><img src="b.png" alt=""><img src="x/fig-3.svg" alt="fig-3.svg">
    <img src="c.png" alt="graph"><img src="d.png" alt="The figure"><img src="e.png" alt="Figure 2">
    <img src="f.png" alt="Bar chart of weekly posts: most come from three hubs.">"""
    problems = {src: problem for src, _, problem in missing_alt_text(html)}
    assert problems == {
        "a.png": "no alt attribute",
        "b.png": "empty alt text",
        "x/fig-3.svg": "alt text is a file name",
        "c.png": "alt text is only a generic word",
        "d.png": "alt text is only a generic word",
        "e.png": "alt text is only a generic word",
    }
    assert alt_problem("Connectivism Course Kit - Home", "_static/logo.svg") is None
    assert alt_problem("logo", "_static/logo.svg") is not None


def test_figures_without_caption_are_found():
    html = """<article><figure id="good"><img src="a.svg" alt="x y"><figcaption><p>
    <span class="caption-text">A caption.</span></p></figcaption></figure>
    <figure id="bad"><img src="b.svg" alt="x y"></figure></article>"""
    assert figures_without_caption(html) == ["bad"]


def test_chapter_parts_are_found_in_headings_and_admonitions():
    good = """<article><h1>Chapter</h1><div class="admonition"><p class="admonition-title">
    Learning objectives</p></div><p><strong>Reading time:</strong> 5 minutes.</p>
    <h2>Body<a class="headerlink">#</a></h2><h2>Key points</h2><h2>Reflection question</h2>
    <h2>Further reading</h2></article>"""
    assert missing_parts(good, REQUIRED_PARTS) == []
    assert missing_parts(good, SHAPE_PARTS) == []
    assert reading_time_at_top(good)
    bad = "<article><h1>Chapter</h1><h2>Body</h2><p>Reading time: late.</p><h2>Summary</h2></article>"
    assert missing_parts(bad, REQUIRED_PARTS) == ["learning objectives", "key points"]
    assert missing_parts(bad, SHAPE_PARTS) == ["a reflection question", "further reading"]
    assert not reading_time_at_top(bad)


def test_unresolved_references_are_found():
    good = """<article><a class="reference internal" href="glossary.html#term-node">
    <span class="xref std std-term">node</span></a></article>"""
    assert unresolved_references(good) == []
    bad = """<article><span class="xref std std-term">tie</span>
    <p>See {cite:p}`nobody2099`.</p></article>"""
    problems = unresolved_references(bad)
    assert len(problems) == 2 and "tie" in problems[0] and "nobody2099" in problems[1]


def test_glossary_entries_group_synonyms_and_links_are_read():
    glossary = """<dl class="simple glossary"><dt id="term-PLN">PLN</dt>
    <dt id="term-personal-learning-network">personal learning network</dt><dd>x</dd>
    <dt id="term-node">node</dt><dd>y</dd></dl>"""
    assert glossary_entries(glossary) == [["term-PLN", "term-personal-learning-network"], ["term-node"]]
    page = '<article><a href="glossary.html#term-node">node</a><a href="x.html#y">y</a></article>'
    assert glossary_links(page) == {"term-node"}


def test_codespell_fails_on_a_misspelling_and_honours_the_word_list(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("Learners recieve feedback from thier peers.\n")
    result = run_codespell([bad])
    assert result.returncode != 0 and "recieve" in result.stdout and "thier" in result.stdout
    words_file = tmp_path / "words.txt"
    words_file.write_text("recieve\nthier\n")
    assert run_codespell([bad], words_file).returncode == 0


def test_seed_test_data_is_present():
    seed = SEED.read_text(encoding="utf-8")
    assert "Connectivism is the integration of principles" in seed
    assert (SEED.parent / "README.md").is_file()


def test_spelling():
    result = run_codespell(spelling_targets())
    assert result.returncode == 0, (
        "codespell found misspellings (fix them, or add a genuine word to "
        f"tests/codespell-words.txt):\n{result.stdout}{result.stderr}"
    )


# ---------------------------------------------------------------------------
# Checks over every built page (need the shared clean build)
# ---------------------------------------------------------------------------


@functools.cache
def _html(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def built_page(site, page: str) -> str:
    path = site.html / f"{page}.html"
    assert path.is_file(), f"{page} is in _toc.yml but {path} was not built"
    return _html(path)


@functools.cache
def _seed() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.mark.build
def test_built_strict_build_reported_no_unresolved_reference(built_site):
    pattern = re.compile(
        r"WARNING:.*(citation|bibtex|cite|term not in glossary|undefined label"
        r"|unknown document|reference target not found|failed to create a cross)",
        re.I,
    )
    bad = [line for line in built_site.log.splitlines() if pattern.search(line)]
    assert not bad, "\n".join(bad)


@pytest.mark.build
@pytest.mark.parametrize("page", PAGES)
def test_built_page_resolves_every_reference(good_site, page):
    problems = unresolved_references(built_page(good_site, page))
    assert not problems, f"{page}: " + "; ".join(problems)


@pytest.mark.build
@pytest.mark.parametrize("page", CHAPTERS)
def test_built_chapter_has_objectives_and_key_points(good_site, page):
    missing = missing_parts(built_page(good_site, page), REQUIRED_PARTS)
    assert not missing, (
        f"{page} lacks: {', '.join(missing)} (a heading or admonition "
        "titled 'Learning objectives' and one titled 'Key points')"
    )


@pytest.mark.build
@pytest.mark.parametrize("page", CHAPTERS)
def test_built_chapter_has_the_house_shape(good_site, page):
    html = built_page(good_site, page)
    missing = missing_parts(html, SHAPE_PARTS)
    if not reading_time_at_top(html):
        missing.append("a reading time before the first section")
    assert not missing, f"{page} lacks: {', '.join(missing)}"


@pytest.mark.build
@pytest.mark.parametrize("page", PAGES)
def test_built_images_have_meaningful_alt_text(good_site, page):
    problems = missing_alt_text(built_page(good_site, page))
    assert not problems, f"{page}: " + "; ".join(f"{src} ({alt!r}): {why}" for src, alt, why in problems)


@pytest.mark.build
@pytest.mark.parametrize("page", PAGES)
def test_built_figures_have_captions(good_site, page):
    bad = figures_without_caption(built_page(good_site, page))
    assert not bad, f"{page}: figures without a caption: {bad}"


@pytest.mark.build
@pytest.mark.parametrize("page", ORIGINALITY_PAGES)
def test_built_page_shares_no_ten_word_run_with_the_seed(good_site, page):
    prose = strip_quotations(page_text(built_page(good_site, page)))
    runs = seed_word_runs(prose, _seed())
    assert not runs, (
        f"{page} repeats the seed article word for word outside quotation marks "
        f"(rewrite, or quote and cite):\n" + "\n".join(f"  - {r}" for r in runs)
    )


@pytest.mark.build
@pytest.mark.parametrize("page", ORIGINALITY_PAGES)
def test_built_page_has_no_sentence_close_to_a_seed_sentence(good_site, page):
    prose = strip_quotations(page_text(built_page(good_site, page)))
    hits = overlapping_sentences(prose, _seed())
    assert not hits, f"{page} has sentences within {SENTENCE_RATIO:.0%} of a seed sentence:\n" + "\n".join(
        f"  - {p!r}\n    ~ {s!r} ({r})" for p, s, r in hits
    )


@pytest.mark.build
def test_built_every_glossary_entry_is_linked_from_a_page(good_site):
    if "book/glossary" not in PAGES:
        pytest.skip("no glossary page in _toc.yml")
    entries = glossary_entries(built_page(good_site, "book/glossary"))
    assert entries, "the glossary page has no entries"
    linked = set().union(*(glossary_links(built_page(good_site, p)) for p in PAGES if p != "book/glossary"))
    orphans = [entry for entry in entries if not linked.intersection(entry)]
    assert not orphans, f"glossary entries no page links to (use {{term}} on first use): {orphans}"
