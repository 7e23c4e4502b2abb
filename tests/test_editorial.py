"""Editorial rules that can be checked on the sources alone, without a build (issue 21).

What is checked:

* **Length.** No page of the book is over ``MAX_WORDS`` (5,000) words of prose.
* **One caveat, one place.** The remark that the principles have not been
  compared with the journal's own page, and the remark that some blogs count
  seven principles, each appear on exactly one page: the overview of the eight
  principles (``book/04-the-eight-principles.md``).
* **Reading grade.** No chapter's Flesch–Kincaid grade is more than
  ``MAX_GRADE_ABOVE_MEDIAN`` (one) grade above the median of all chapters.
  This test needs ``textstat`` and is skipped without it; pin it in
  ``requirements.in`` so that it always runs.

How words are counted (``page_prose``)
--------------------------------------
The count approximates what a reader sees on the built page, from the source:

* Markdown pages (``book/*.md``) are read whole; notebooks and exercises
  (``*.ipynb``) contribute their **markdown cells only**. Code cells and their
  outputs are not prose and are not counted.
* Removed: MyST labels (``(name)=``), fenced code blocks, directive fences and
  their option lines (``:class:``, ``:alt:``, ``:name:`` …), HTML comments and
  tags, and table separator rows.
* Kept: headings, paragraphs, list items, table cells, quotations, admonition
  bodies and figure captions, all of which the page shows.
* Roles are replaced by roughly what they render as: ``{cite:p}`a,b``` by two
  words per work ("Siemens, 2005"), ``{cite:t}``` likewise, ``{ref}`text <label>``` and
  ``{term}`text <term>``` by their text, a bare ``{ref}`label``` by the label's
  words, ``{numref}``` by two words ("Fig. 1").
* Markdown emphasis and link syntax are dropped; link text is kept.
* A word is a run of letters or digits, with inner apostrophes or hyphens.

The reading grade is the Flesch–Kincaid grade, computed on the paragraphs and
list items only (headings, tables and code left out, as the editorial review
measured it), from textstat's counts of words, sentences and syllables
(``fk_grade``). The book's median is the median over the chapter pages
(``book/NN-*.md`` in ``_toc.yml``, the principle pages included).
"""

from __future__ import annotations

import json
import re
import statistics

import pytest
from conftest import ROOT, toc_files

MAX_WORDS = 5000
MAX_GRADE_ABOVE_MEDIAN = 1.0
OVERVIEW = "book/04-the-eight-principles"

PAGES = toc_files()
CHAPTERS = [p for p in PAGES if re.fullmatch(r"book/\d\d-[^/]+", p)]

#: The two caveats that may be said once only, as regular expressions.
CAVEATS = {
    "journal-page caveat": re.compile(r"journal's own (web )?page|not (been )?compared (it )?with the journal", re.I),
    "seven-principles remark": re.compile(
        r"(count|counts|counting|number|numbers) seven (principles|items|in all)"
        r"|seven principles",
        re.I,
    ),
}


# ---------------------------------------------------------------------------
# From source to prose
# ---------------------------------------------------------------------------

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,}|:{3,})(.*)$")
_ROLE = re.compile(r"\{(cite:p|cite:t|cite|ref|term|numref|doc|download|eq)\}`([^`]*)`")


def _role(match: re.Match) -> str:
    kind, body = match.group(1), match.group(2)
    if kind.startswith("cite"):
        keys = [k for k in body.split(",") if k.strip()]
        return " ".join("Author year" for _ in keys)
    if kind == "numref":
        return "Fig. 1"
    text = re.match(r"^(.*?)\s*<[^>]*>$", body, re.S)
    if text:
        return text.group(1)
    return body.replace("-", " ").replace("_", " ") if kind in ("ref", "doc") else body


def markdown_blocks(source: str) -> list[tuple[str, str]]:
    """The visible blocks of a MyST markdown text, as (kind, text) pairs.

    ``kind`` is ``"heading"``, ``"table"`` or ``"prose"`` (paragraphs, list
    items, quotations, captions). Code, labels, directive fences and options
    are dropped.
    """
    blocks: list[tuple[str, str]] = []
    in_code = None  # the fence string of an open code block
    directives = []  # fence strings of open directives (their bodies are shown)
    para: list[str] = []

    def flush():
        if para:
            blocks.append(("prose", " ".join(para)))
            para.clear()

    source = re.sub(r"<!--.*?-->", " ", source, flags=re.S)
    for raw in source.splitlines():
        line = raw.rstrip()
        fence = _FENCE.match(line)
        if in_code is not None:
            if (
                fence
                and fence.group(1)[0] == in_code[0]
                and len(fence.group(1)) >= len(in_code)
                and not fence.group(2).strip()
            ):
                in_code = None
            continue
        if fence:
            flush()
            mark, info = fence.group(1), fence.group(2).strip()
            if not info and directives and directives[-1][0] == mark[0]:
                directives.pop()  # closes the innermost directive
            elif info.startswith("{") and not info.startswith("{code"):
                directives.append(mark)  # {figure}, {admonition}, {note} ...: body shown
            else:
                in_code = mark  # ```python, plain ```, {code-cell}: skipped
            continue
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        if re.fullmatch(r"\([\w:.-]+\)=", stripped) or re.match(r"^:[\w-]+:", stripped):
            continue
        if stripped.startswith("#"):
            flush()
            blocks.append(("heading", stripped.lstrip("#").strip()))
            continue
        if stripped.startswith("|"):
            flush()
            if not re.fullmatch(r"\|[\s:|-]*\|?", stripped):
                blocks.append(("table", " ".join(c.strip() for c in stripped.strip("|").split("|"))))
            continue
        item = re.match(r"^(?:[-*+]|\d+\.)\s+(.*)$", stripped)
        if item:
            flush()
            para.append(item.group(1))
            continue
        para.append(stripped.lstrip("> ").strip())
    flush()

    cleaned = []
    for kind, text in blocks:
        text = _ROLE.sub(_role, text)
        text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links and images: keep the text
        text = re.sub(r"<[^>]+>", " ", text)  # HTML tags
        text = re.sub(r"[*_`]+", "", text)  # emphasis and code marks
        text = re.sub(r"\s+", " ", text).strip()
        if text:
            cleaned.append((kind, text))
    return cleaned


def source_of(page: str) -> str:
    """The markdown a page is built from: the .md file, or a notebook's markdown cells."""
    md = ROOT / f"{page}.md"
    if md.exists():
        return md.read_text(encoding="utf-8")
    nb = json.loads((ROOT / f"{page}.ipynb").read_text(encoding="utf-8"))
    return "\n\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def page_prose(page: str) -> list[tuple[str, str]]:
    return markdown_blocks(source_of(page))


def word_count(blocks) -> int:
    return sum(len(WORD.findall(text)) for _, text in blocks)


def grade_text(blocks) -> str:
    """Paragraphs and list items, one per line, each ending as a sentence."""
    lines = []
    for kind, text in blocks:
        if kind == "prose":
            lines.append(text if text[-1] in '.!?:;"”)' else text + ".")
    return "\n".join(lines)


def caveat_pages(pattern: re.Pattern) -> list[str]:
    return [p for p in PAGES if pattern.search(" ".join(t for _, t in page_prose(p)))]


# ---------------------------------------------------------------------------
# The helpers, on inputs that must pass and inputs that must fail
# ---------------------------------------------------------------------------


def test_markdown_blocks_drops_code_labels_and_options():
    src = "\n".join(
        [
            "(label)=",
            "# Title",
            "",
            ":::{admonition} Learning objectives",
            ":class: tip",
            "- one two",
            ":::",
            "",
            "```python",
            "x = 1  # not prose",
            "```",
            "",
            "```{figure} a.svg",
            ":alt: hidden alt text",
            "",
            "The caption.",
            "```",
            "",
            "| a | b |",
            "|---|---|",
            "| c d | e |",
            "",
            "Text with {cite:p}`k1,k2` and {term}`shown <hidden>` and [link](http://x).",
        ]
    )
    blocks = markdown_blocks(src)
    text = " ".join(t for _, t in blocks)
    assert "label" not in text and "not prose" not in text and "hidden" not in text
    assert "tip" not in text and "http" not in text
    assert ("heading", "Title") in blocks
    assert ("table", "c d e") in blocks
    assert "The caption." in text and "one two" in text
    assert "Author year Author year" in text and "shown" in text and "link" in text


def test_word_count_counts_words_not_marks():
    assert word_count([("prose", "Siemens' eight-principle list, 2005: **one** two.")]) == 6
    assert word_count(markdown_blocks("```\nmany many words here\n```\n")) == 0


def test_caveat_patterns_match_variants_and_nothing_else():
    journal, seven = CAVEATS["journal-page caveat"], CAVEATS["seven-principles remark"]
    assert journal.search("the kit has not compared it with the journal's own page")
    assert journal.search("not compared with the journal's own web page")
    assert not journal.search("the journal's editor")
    assert seven.search("Some blogs merge this principle with the second and count seven principles in all.")
    assert seven.search("count seven in all")
    assert not seven.search("the eight principles")


# ---------------------------------------------------------------------------
# The rules, on every page
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_no_page_over_max_words(page):
    n = word_count(page_prose(page))
    assert n <= MAX_WORDS, f"{page}: {n} words of prose, more than {MAX_WORDS}; split or lighten it"


@pytest.mark.parametrize("name", sorted(CAVEATS))
def test_caveat_said_once_on_the_overview(name):
    pages = caveat_pages(CAVEATS[name])
    assert pages == [OVERVIEW], f"the {name} must appear on {OVERVIEW} only, found on {pages}"


def fk_grade(textstat, text: str) -> float:
    """Flesch-Kincaid grade, 0.39 words/sentence + 11.8 syllables/word - 15.59.

    Computed from textstat's own word, sentence and syllable counts without the
    rounding its ``flesch_kincaid_grade`` applies to the two averages (in 0.7.3
    a step of 0.1 syllables per word moves the grade by 1.2).
    """
    words = textstat.lexicon_count(text)
    sentences = max(1, textstat.sentence_count(text))
    syllables = textstat.syllable_count(text)
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59


def _grades() -> dict[str, float]:
    textstat = pytest.importorskip("textstat")
    try:
        return {p: fk_grade(textstat, grade_text(page_prose(p))) for p in CHAPTERS}
    except LookupError as exc:  # textstat >= 0.7.4 wants NLTK's cmudict, which is data, not a package
        pytest.skip(f"textstat cannot count syllables here ({type(exc).__name__}); pin textstat==0.7.3")


@pytest.mark.parametrize("page", CHAPTERS)
def test_reading_grade_near_median(page):
    grades = _grades_cached()
    median = statistics.median(grades.values())
    assert grades[page] <= median + MAX_GRADE_ABOVE_MEDIAN, (
        f"{page}: Flesch-Kincaid grade {grades[page]:.1f}, more than "
        f"{MAX_GRADE_ABOVE_MEDIAN} above the chapters' median {median:.1f}; shorten sentences"
    )


_CACHE: dict[str, float] = {}


def _grades_cached() -> dict[str, float]:
    if not _CACHE:
        _CACHE.update(_grades())
    return _CACHE
