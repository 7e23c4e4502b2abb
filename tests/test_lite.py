"""tools/lite.py, the browser edition's build: its stamp, its wheels and its errors (no network)."""

from __future__ import annotations

import importlib.util
import io
import json
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("lite", ROOT / "tools" / "lite.py")
lite = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lite)


def test_the_edition_holds_every_notebook_and_learner_exercise_and_no_source():
    files = lite._content_files()
    assert sorted(files) == sorted(
        [f"notebooks/{p.name}" for p in (ROOT / "notebooks").glob("*.ipynb")]
        + [f"exercises/{p.name}" for p in (ROOT / "exercises").glob("*.ipynb")]
    )
    assert not [f for f in files if "_source" in f]


def test_the_stamp_follows_the_notebooks(tmp_path, monkeypatch):
    nb = tmp_path / "notebooks" / "01.ipynb"
    nb.parent.mkdir()
    nb.write_text("{}")
    monkeypatch.setattr(lite, "CONTENTS", {"notebooks": nb.parent})
    monkeypatch.setattr(lite, "ROOT", tmp_path)
    monkeypatch.setattr(lite, "MANIFEST", tmp_path / "lite.json")
    monkeypatch.setattr(lite, "_kit_files", lambda: [])
    monkeypatch.setattr(lite, "__file__", str(tmp_path / "lite.py"))
    (tmp_path / "lite.json").write_text("{}")
    (tmp_path / "lite.py").write_text("")
    (tmp_path / "requirements.txt").write_text("jupyterlite-core==0.6.4\n")
    first = lite.stamp()
    assert lite.stamp() == first
    nb.write_text('{"cells": []}')
    assert lite.stamp() != first
    nb.write_text("{}")
    (tmp_path / "requirements.txt").write_text("jupyterlite-core==0.6.5\n")
    assert lite.stamp() != first


def test_the_kit_wheel_is_pure_and_carries_its_data():
    version, name, data = lite._kit_wheel()
    assert name == f"connectivism-{version}-py3-none-any.whl"
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert "connectivism/__init__.py" in names
    assert any(n.startswith("connectivism/data/") and n.endswith(".json") for n in names)
    assert any(n.startswith("connectivism/render/templates/") for n in names)
    assert not [n for n in names if "__pycache__" in n or n.endswith((".so", ".pyc"))]
    assert lite._kit_wheel()[2] == data  # the same inputs give the same bytes


def test_a_missing_source_stops_with_what_to_do(tmp_path):
    missing = tmp_path / "pyodide-0.27.7.tar.bz2"
    with pytest.raises(lite.LiteError) as info:
        lite._Source({"kind": "archive", "path": str(missing), "prefix": "pyodide/"})
    assert str(missing) in str(info.value.code)
    assert "release archive" in str(info.value.code)
    with pytest.raises(lite.LiteError, match="kind"):
        lite._Source({"kind": "cdn"})


def test_every_pin_has_a_hash_and_the_lock_keeps_pypi_fallback_off():
    manifest = json.loads((ROOT / "tools" / "lite.json").read_text())
    for entry in [*manifest["pure"], manifest["markupsafe"], manifest["compiled"]["source"]]:
        assert "==" in entry["requirement"] and len(entry["sha256"]) == 64
    assert manifest["pyodide"]["integrity"].startswith("sha512-")
    assert '"disablePyPIFallback": True' in (ROOT / "tools" / "lite.py").read_text()


def test_the_repl_page_gets_the_sites_icon_or_the_build_stops(tmp_path):
    page = tmp_path / "index.html"
    page.write_text('<head>\n    <link rel="manifest" href="../manifest.webmanifest" />\n</head>', "utf-8")
    lite._app_icon(page)
    markup = page.read_text("utf-8")
    assert markup.count('rel="icon"') == 1 and "../static/favicons/favicon.ico" in markup
    assert markup.index('rel="icon"') < markup.index('rel="manifest"')
    page.write_text("<head></head>", "utf-8")
    with pytest.raises(lite.LiteError, match="no manifest link"):
        lite._app_icon(page)
