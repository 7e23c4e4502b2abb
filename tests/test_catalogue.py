"""Learner-facing text is written in the catalogue, nowhere else.

The catalogue (:mod:`connectivism.messages`) is every module named
``messages.py`` in the package; each registers its tables as a part. This test
reads the source of every module of the package, except the catalogue and
those :data:`NOT_SCANNED` lists with the reason, and fails on any string
literal that looks like text for a learner.

The rule, decided on the syntax tree (not on regular expressions over the
source), so it cannot be fooled by line breaks or implicit concatenation:

* a string literal, or an f-string with each ``{...}`` counted as a blank, is
  *text* when, after removing HTML tags and ``{fields}``, it holds two words
  of two or more letters next to each other ("Add node", "Showing {} of {}
  nodes." -> "of nodes"); a single word is not text ("Undo"), because ids,
  file names and CSS keywords are single words too;
* and any literal given as ``description=``, ``tooltip=`` or ``placeholder=``
  of a control is text, even a single word: it is a label the learner reads.

Not text:

* docstrings, and literals in the catalogue modules themselves;
* the arguments of ``raise``: error messages are a documented exception of
  the catalogue (see :mod:`connectivism.messages`);
* the arguments of ``warnings.warn``: deprecation notices are addressed to
  programmers, not learners;
* CSS declarations (``"border:1px solid #ccc;"``) and the values given to an
  ipywidgets ``Layout`` (``flex_flow="row wrap"``);
* the few literals in :data:`ALLOWED`, each with its reason.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from connectivism.messages import CATALOGUES

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "connectivism"

#: Modules and folders not scanned (yet), and why; :mod:`connectivism.messages` lists the same.
NOT_SCANNED = {
    "models/": "each model's summary, chart titles, axis labels, alt texts and parameter labels stay beside "
    "its figures (a documented exception)",
    "render/": "the drawings' titles, hover texts and text descriptions (alt texts), like the models'",
    "facilitator/": "for the facilitator, not learners: the command line and the class report, English only",
    "network.py": "pieces of error messages, put together before they are raised",
    "_names.py": "part of the model (network.py): pieces of error messages, put together before they are raised",
    "_cleaners.py": "part of the model (network.py): pieces of error messages, put together before they are raised",
    "_fields.py": "part of the model (network.py): pieces of error messages, put together before they are raised",
    "formats/": "pieces of error messages and import notices about a file, put together before they are raised",
    "notices.py": "the list of quoted values in notices and error messages",
    "session.py": "the autosave's notices (folder not writable, damaged autosave): next to move into the catalogue",
    "examples.py": "the example networks' descriptions, data of the examples",
    "privacy.py": "the title given to an anonymised copy, data of the file",
}


def _scanned(path: Path) -> bool:
    where = path.relative_to(PACKAGE).as_posix()
    return path.name != "messages.py" and not any(where.startswith(prefix) for prefix in NOT_SCANNED)


#: The modules the test reads: the whole package but the catalogue and :data:`NOT_SCANNED`.
SCANNED = sorted(p for p in PACKAGE.rglob("*.py") if _scanned(p))

#: (file, literal) → why it is not catalogue text.
ALLOWED = {
    ("selfcheck/_feedback.py", "not attempted yet"): "a status id; shown through the catalogue",
    ("selfcheck/_feedback.py", "keep going"): "a status id; shown through the catalogue",
    ("selfcheck/_network_checks.py", "next_source topic"): "the name of a field of the answer, shown as code",
    ("imports/mastodon.py", "Account address"): "the header of the column Mastodon writes, matched in files",
    ("imports/linkedin.py", "first name"): "a column header LinkedIn writes, matched in files",
    ("imports/linkedin.py", "last name"): "a column header LinkedIn writes, matched in files",
    ("imports/linkedin.py", "connected on"): "a column header LinkedIn writes, matched in files",
    ("imports/references.py", "et al."): "how an RIS file writes unknown authors, matched in files",
    ("imports/references.py", "et al"): "how an RIS file writes unknown authors, matched in files",
}

_TAG = re.compile(r"<[^<>]*(?:>|$)|^[^<>]*>")
_FIELD = re.compile(r"\{[^{}]*\}")
_TWO_WORDS = re.compile(r"[^\W\d_]{2,}[,;:]?\s+[^\W\d_]{2,}")
_CSS = re.compile(r"^\s*(?:[a-z-]+\s*:[^;:]+;\s*)*[a-z-]+\s*:[^;:]+;?\s*$")
_LABELS = {"description", "tooltip", "placeholder"}


def looks_like_text(literal: str) -> bool:
    """True if `literal` reads as words for a learner under the rule above."""
    if _CSS.match(literal):
        return False
    return bool(_TWO_WORDS.search(_FIELD.sub(" ", _TAG.sub(" ", literal))))


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


def sentences(path: Path) -> list[tuple[int, str]]:
    """(line, literal) of every literal in `path` that is text outside the catalogue."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skip.add(id(body[0].value))  # a docstring
        if isinstance(node, ast.Raise):
            skip |= {id(n) for n in ast.walk(node)}
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "warn":
            skip |= {id(n) for n in ast.walk(node)}  # warnings.warn: for programmers
        if isinstance(node, ast.JoinedStr):
            skip |= {id(v) for v in node.values}  # judged as a whole
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) == "Layout":
            skip |= {id(n) for n in ast.walk(node)}  # CSS layout values ("row wrap")
    labels = {
        id(k.value) for node in ast.walk(tree) if isinstance(node, ast.Call) for k in node.keywords if k.arg in _LABELS
    }
    found = []
    for node in ast.walk(tree):
        literal = _literal(node)
        if literal is None or id(node) in skip:
            continue
        if looks_like_text(literal) or (id(node) in labels and literal.strip()):
            found.append((node.lineno, literal))
    return sorted(found)


@pytest.mark.parametrize("path", SCANNED, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_learner_facing_sentence_outside_the_catalogue(path):
    where = path.relative_to(PACKAGE).as_posix()
    found = [(line, s) for line, s in sentences(path) if (where, s) not in ALLOWED]
    assert found == [], f"{where}: move these texts into a catalogue module (connectivism/**/messages.py)"


def test_the_rule_tells_text_from_code():
    assert looks_like_text("Choose a node first.")
    assert looks_like_text("Showing {}: {} of {} nodes.")
    assert looks_like_text("<p>Your network is <b>autosaved</b> after every change.</p>")
    assert looks_like_text("Résumé complet")
    assert not looks_like_text("Undo")
    assert not looks_like_text("<div class='kit-message kit-{kind}' role='{role}'>")
    assert not looks_like_text("text-align:left;vertical-align:top;border-bottom:1px solid #ccc;")
    assert not looks_like_text("my-learning-network.json")


def test_the_rule_finds_a_sentence_written_in_a_widget(tmp_path):
    module = tmp_path / "widget.py"
    module.write_text(
        '"""A docstring is not text."""\n'
        "import ipywidgets as widgets\n"
        'button = widgets.Button(description="Save")\n'
        'note = f"Saved {3} files."\n'
        'def check(x):\n    raise ValueError("errors are a documented exception")\n'
    )
    assert sentences(module) == [(3, "Save"), (4, "Saved {} files.")]


def test_the_scan_covers_the_views_and_every_exception_exists():
    scanned = {p.relative_to(PACKAGE).as_posix() for p in SCANNED}
    assert {"widgets/builder.py", "widgets/panels.py", "selfcheck/_network_checks.py", "measures/values.py"} <= scanned
    assert all((PACKAGE / prefix).exists() for prefix in NOT_SCANNED)


def test_every_catalogue_module_is_a_registered_part():
    import connectivism.selfcheck.messages
    import connectivism.widgets.messages

    modules = {p.relative_to(PACKAGE) for p in PACKAGE.rglob("messages.py")}
    assert modules == {Path("messages.py"), Path("selfcheck/messages.py"), Path("widgets/messages.py")}
    assert set(CATALOGUES) == {"measures", "selfcheck", "widgets"}
    assert CATALOGUES["selfcheck"].messages is connectivism.selfcheck.messages.MESSAGES
    assert CATALOGUES["widgets"].messages is connectivism.widgets.messages.MESSAGES


def test_one_language_setting_serves_every_part(monkeypatch):
    import connectivism.messages as messages
    from connectivism.selfcheck.messages import text as selfcheck_text
    from connectivism.widgets.messages import MESSAGES
    from connectivism.widgets.messages import text as widgets_text

    monkeypatch.setitem(MESSAGES, "xx", {**MESSAGES["en"], "undo": "Rückgängig"})
    monkeypatch.setattr(messages, "LANGUAGE", "xx")
    assert widgets_text("undo") == "Rückgängig"
    with pytest.raises(KeyError, match="no messages of the 'selfcheck' catalogue in language 'xx'"):
        selfcheck_text("title")
