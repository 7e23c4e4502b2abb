"""The messages module: every key used exists, every key is used, templates are sound."""

from __future__ import annotations

import datetime
import re
import string
from pathlib import Path

import pytest

from connectivism.measures import MEASURE_INFO, PROPERTIES
from connectivism.measures.report import _PARTS, GROUPS
from connectivism.messages import LANGUAGE, MESSAGES, fields_of, format_date, join_names, text

ROOT = Path(__file__).resolve().parent.parent
EN = MESSAGES["en"]


def dynamic_keys() -> set[str]:
    """Keys the code builds from parts (f-strings), listed explicitly."""
    keys = {f"principle.{p}" for p in range(1, 9)}
    keys |= {f"month.{m}" for m in range(1, 13)}
    keys |= {f"count.kind.{k}.{n}" for k in ("person", "community", "resource", "tool") for n in ("one", "many")}
    keys |= {key for info in MEASURE_INFO.values() for key in (info.label, info.explanation)}
    keys |= {f"downes.{p}" for p in PROPERTIES}
    keys |= {f"part.{part}" for parts in _PARTS.values() for part in parts}
    keys |= {f"report.group.{g}" for g in GROUPS}
    keys |= {f"report.column.{c}" for c in ("measure", "value", "meaning", "property", "score", "parts")}
    return keys


def literal_keys() -> set[str]:
    """String literals in the package that are message keys."""
    found = set()
    for path in (ROOT / "connectivism").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if path.name == "messages.py":  # its own table is not a use; its calls to text() are
            found |= set(re.findall(r'text\(\s*"([^"]+)"', source))
            continue
        found |= set(re.findall(r'"([a-z_]+(?:\.[a-z0-9_]+)+|[a-z_]+)"', source))
    return found & set(EN) | {
        k
        for k in found
        if "." in k
        and k.split(".")[0] in {"suggest", "measure", "report", "principle", "downes", "part", "list", "count"}
    }


def test_every_key_the_code_uses_exists():
    used = dynamic_keys() | literal_keys()
    assert sorted(used - set(EN)) == []


def test_every_key_is_used():
    assert sorted(set(EN) - dynamic_keys() - literal_keys()) == []


def test_every_language_has_the_same_keys_and_fields():
    assert LANGUAGE in MESSAGES
    for language, table in MESSAGES.items():
        assert set(table) == set(EN), language
        for key, template in table.items():
            assert fields_of(template) == fields_of(EN[key]), (language, key)


def test_templates_parse_and_use_named_fields_only():
    for key, template in EN.items():
        parsed = list(string.Formatter().parse(template))  # raises on stray braces
        assert all(name != "" for _, name, _, _ in parsed if name is not None), key
        assert template == template.strip() or key.startswith("list."), key


def test_text_fills_fields_and_reports_problems():
    assert text("as_of", date="1 May 2026") == "as of 1 May 2026"
    with pytest.raises(KeyError, match="needs the field"):
        text("as_of")
    with pytest.raises(KeyError, match="no message 'nope'"):
        text("nope")
    with pytest.raises(KeyError, match="no messages in language 'xx'"):
        text("as_of", "xx", date="x")


def test_dates_and_lists():
    assert format_date(datetime.date(2026, 10, 1)) == "1 October 2026"
    assert format_date(datetime.date(2025, 1, 31)) == "31 January 2025"
    assert join_names([]) == ""
    assert join_names(["A"]) == "A"
    assert join_names(["A", "B"]) == "A and B"
    assert join_names(["A", "B", "C"]) == "A, B and C"
    assert join_names(["A", "B", "C"], limit=3) == "A, B and C"
    assert join_names(["A", "B", "C", "D", "E"], limit=3) == "A, B, C and 2 more"


SHAMING = re.compile(r"\b(fail\w*|bad|poor\w*|wrong|lazy|neglect\w*|should have|must|weak network)\b", re.I)


def test_suggestions_speak_warmly():
    # Texts for the learner say what to do next; none of them blames.
    for key, template in EN.items():
        if key.startswith(("suggest.", "measure.", "report.")):
            assert not SHAMING.search(template), (key, SHAMING.search(template).group(0))
