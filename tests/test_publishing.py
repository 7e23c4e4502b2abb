"""CI runs the README's commands on every pull request.

Pages publishes only what CI tested, and release metadata is in place.
"""

from __future__ import annotations

import re
import subprocess
import sys

import yaml
from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
CI = WORKFLOWS / "ci.yml"
WORKFLOW = WORKFLOWS / "pages.yml"


def readme_commands() -> list[str]:
    block = re.search(r"```bash\n(.*?)```", (ROOT / "README.md").read_text(), re.S).group(1)
    return [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]


def triggers(flow: dict) -> dict:
    return flow[True]  # YAML reads the key `on` as True


def test_ci_runs_the_readme_commands_on_every_pull_request_and_push_to_main():
    flow = yaml.safe_load(CI.read_text())
    assert "pull_request" in triggers(flow)
    assert triggers(flow)["push"]["branches"] == ["main"]
    (job,) = flow["jobs"].values()
    assert job["container"]["image"] == "debian:bookworm"  # Python 3.11, apt as root, Debian's Chromium
    runs = [step.get("run", "") for step in job["steps"]]
    assert "bash .ci/run" in runs
    ci_run = (ROOT / ".ci" / "run").read_text()
    assert readme_commands()[:2] == ["make book", "make test"]
    assert all(f"\n{command}\n" in ci_run for command in readme_commands()[:2])
    cached = [step["with"]["path"] for step in job["steps"] if step.get("uses", "").startswith("actions/cache@")]
    assert "/root/.cache/pip" in cached and "_vendor" in cached
    upload = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"] == {**upload["with"], "name": "site", "path": "_build/html"}
    assert runs.index("bash .ci/run") < job["steps"].index(upload)


def test_pages_deploys_only_the_site_ci_tested_and_only_after_it_passed():
    flow = yaml.safe_load(WORKFLOW.read_text())
    ci_name = yaml.safe_load(CI.read_text())["name"]
    run = triggers(flow)["workflow_run"]
    assert set(triggers(flow)) == {"workflow_run"}, "Pages runs only after CI, never on its own"
    assert run["workflows"] == [ci_name] and run["types"] == ["completed"] and run["branches"] == ["main"]
    (job,) = flow["jobs"].values()
    assert "conclusion == 'success'" in job["if"] and "event == 'push'" in job["if"]
    steps = job["steps"]
    download = next(s for s in steps if s.get("uses", "").startswith("actions/download-artifact@"))
    assert download["with"]["name"] == "site"
    assert download["with"]["run-id"] == "${{ github.event.workflow_run.id }}"
    runs = " ".join(step.get("run", "") for step in steps)
    assert "make" not in runs, "Pages must not build a site of its own"
    assert any(".nojekyll" in step.get("run", "") for step in steps)
    uses = [step.get("uses", "") for step in steps]
    assert uses.index(download["uses"]) < next(i for i, u in enumerate(uses) if u.startswith("actions/deploy-pages@"))
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == download["with"]["path"]
    assert flow["permissions"] == {"contents": "read", "actions": "read", "pages": "write", "id-token": "write"}


def test_every_action_is_pinned_to_a_major_version():
    for path in (CI, WORKFLOW):
        flow = yaml.safe_load(path.read_text())
        uses = [step.get("uses", "") for job in flow["jobs"].values() for step in job["steps"]]
        assert all(re.search(r"@v\d+$", u) for u in uses if u), f"{path.name}: pin every action to a major version"


def test_the_fast_loop_builds_nothing():
    # every test that uses the book build is marked `build` (conftest), whatever its file says
    found = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--collect-only",
            "-q",
            "-p",
            "no:nbval",
            "-o",
            "addopts=",
            "-m",
            "not build and not browser",
            "tests/test_build.py",
            "tests/test_content.py",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert found.returncode == 0, found.stdout + found.stderr
    collected = [line for line in found.stdout.splitlines() if "::" in line]
    assert "tests/test_build.py::test_toc_entries_exist_as_sources" in collected
    assert not [c for c in collected if "test_clean_strict_build_passes" in c or "test_built_" in c]


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
    for needle in [
        "Add a chapter",
        "Add a model",
        "Add an exercise",
        "make test",
        "nbval-ignore-output",
        "Licences",
        "style",
    ]:
        assert needle in text, needle
