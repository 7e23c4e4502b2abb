"""The deploy workflow builds with the README's command, and release metadata is in place."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def readme_build_command() -> str:
    block = re.search(r"```bash\n(.*?)```", (ROOT / "README.md").read_text(), re.S).group(1)
    return block.splitlines()[0].split("#")[0].strip()


def test_workflow_is_valid_and_uses_the_readme_build_command():
    flow = yaml.safe_load(WORKFLOW.read_text())
    jobs = flow["jobs"]
    assert set(jobs) == {"build", "deploy"}
    runs = [step.get("run", "") for step in jobs["build"]["steps"]]
    assert readme_build_command() == "make book"
    assert "make book" in runs
    assert any(".nojekyll" in r for r in runs)
    uses = [step.get("uses", "") for job in jobs.values() for step in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert all(re.search(r"@v\d+$", u) for u in uses if u), "pin every action to a major version"
    upload = next(s for s in jobs["build"]["steps"] if s.get("uses", "").startswith("actions/upload-pages"))
    assert upload["with"]["path"] == "_build/html"
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert flow[True]["push"]["branches"] == ["main"]  # YAML reads the key `on` as True


def test_citation_and_changelog():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert cff["cff-version"].startswith("1.2")
    assert cff["title"] == "Connectivism Course Kit"
    from connectivism import __version__
    assert cff["version"] == __version__
    changelog = (ROOT / "CHANGELOG.md").read_text()
    assert f"## [{__version__}]" in changelog or "## [Unreleased]" in changelog


def test_contributing_guide_covers_the_patterns():
    text = (ROOT / "CONTRIBUTING.md").read_text()
    for needle in ["Add a chapter", "Add a model", "Add an exercise", "make test", "nbval-ignore-output",
                   "Licences", "style"]:
        assert needle in text, needle
