"""Repository hygiene: pins, the one repository setting, licences, ignore rules."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import yaml
from conftest import ROOT

PLACEHOLDER_OWNER = "CHANGE-ME"


def tracked_files():
    out = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [ROOT / f for f in out if (ROOT / f).is_file()]


def test_jupyter_book_is_pinned_to_1x():
    assert re.search(r"^jupyter-book>=1\.0\.4,<2\s*$", (ROOT / "requirements.in").read_text(), re.M)
    m = re.search(r"^jupyter-book==(\S+)$", (ROOT / "requirements.txt").read_text(), re.M)
    assert m and m.group(1).startswith("1."), "requirements.txt must pin jupyter-book 1.x"


def test_every_requirement_is_pinned():
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            assert re.match(r"^[A-Za-z0-9_.\-\[\]]+==\S+$", line), f"not pinned: {line}"


def test_repository_url_lives_in_one_place():
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    url = config["repository"]["url"]
    owner_repo = url.removeprefix("https://github.com/")
    holders = [
        p.relative_to(ROOT).as_posix()
        for p in tracked_files()
        if p.suffix not in {".png", ".svg", ".woff", ".woff2"} and owner_repo in p.read_text(errors="ignore")
    ]
    assert holders == ["_config.yml"], f"the repository address appears in {holders}"


def test_set_repo_rewrites_only_url_and_branch(tmp_path):
    sys.path.insert(0, str(ROOT / "tools"))
    from set_repo import set_repo

    config = tmp_path / "_config.yml"
    shutil.copy(ROOT / "_config.yml", config)
    before = config.read_text()
    set_repo("https://github.com/example-org/kit-fork.git", "teaching", config)
    after = yaml.safe_load(config.read_text())
    assert after["repository"]["url"] == "https://github.com/example-org/kit-fork"
    assert after["repository"]["branch"] == "teaching"
    changed = [(a, b) for a, b in zip(before.splitlines(), config.read_text().splitlines()) if a != b]
    assert len(changed) == 2
    import pytest

    with pytest.raises(SystemExit, match="not a GitHub repository"):
        set_repo("javascript:alert(1)", "main", config)


def test_placeholder_is_clearly_marked():
    text = (ROOT / "_config.yml").read_text()
    if PLACEHOLDER_OWNER in text:
        assert "placeholder" in text and "make set-repo" in text


def test_gitignore_keeps_builds_and_learner_files_out():
    ignore = (ROOT / ".gitignore").read_text()
    for pattern in ["_build/", ".venv/", ".ipynb_checkpoints/", "_vendor/", "*autosave*", "my-learning-network*"]:
        assert any(
            line.strip().startswith(pattern.rstrip("*")) or pattern.strip("*") in line for line in ignore.splitlines()
        ), pattern
    tracked = [p.relative_to(ROOT).as_posix() for p in tracked_files()]
    assert not [t for t in tracked if re.search(r"(^|/)(_build|_vendor|\.venv|node_modules|__pycache__)/", t)]


def test_licences_and_notices():
    for name in ["LICENSE", "LICENSE-CC-BY-4.0.md", "THIRD-PARTY-NOTICES.md"]:
        assert (ROOT / name).is_file(), name
    notices = (ROOT / "THIRD-PARTY-NOTICES.md").read_text()
    vendored = yaml.safe_load((ROOT / "tools" / "vendor.json").read_text())["packages"]
    for pkg in vendored:
        assert f"{pkg['name']}@{pkg['version']}" in notices, pkg["name"]


def test_no_notebook_over_300_kb():
    big = [
        p.relative_to(ROOT).as_posix()
        for p in tracked_files()
        if p.suffix == ".ipynb" and p.stat().st_size > 300 * 1024
    ]
    assert not big, f"notebooks over 300 KB (commit renderer cells without outputs): {big}"


def test_readme_layout_table_matches_the_tree():
    """Every top-level folder, every subpackage and every public module of the package is in the table."""
    section = (ROOT / "README.md").read_text().split("## Layout", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"`([^`]+)`", section))
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    folders = {line.split("/")[0] for line in tracked.splitlines() if "/" in line}
    wanted = {f"{f}/" for f in folders if f not in (".ci", ".github")} | {".ci/run", ".github/workflows/"}
    package = ROOT / "connectivism"
    wanted |= {f"connectivism/{p.name}/" for p in package.iterdir() if p.is_dir() and not p.name.startswith("_")}
    modules = {p.name for p in package.glob("*.py") if not p.name.startswith("_")}
    named = {name for item in listed for name in re.findall(r"[\w./]+\.py", item)}
    assert not wanted - listed, f"missing from the README's layout table: {sorted(wanted - listed)}"
    missing = sorted(m for m in modules if m not in {n.rsplit("/", 1)[-1] for n in named})
    assert not missing, f"modules missing from the README's layout table: {missing}"
