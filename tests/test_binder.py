"""Binder's slim runtime stays in step with the pinned requirements, and works on its own."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

from conftest import ROOT

PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;#]+)")


def pins(path):
    out = {}
    for line in path.read_text().splitlines():
        m = PIN.match(line.strip())
        if m:
            out[m.group(1).lower().replace("_", "-")] = m.group(2)
    return out


def test_binder_pins_match_requirements():
    binder = pins(ROOT / "binder" / "requirements.txt")
    full = pins(ROOT / "requirements.txt")
    assert binder, "binder/requirements.txt pins nothing"
    drift = {name: (v, full.get(name)) for name, v in binder.items() if full.get(name) != v}
    assert not drift, f"binder pins differ from requirements.txt (binder, requirements): {drift}"


def test_binder_installs_the_local_package():
    lines = [ln.strip() for ln in (ROOT / "binder" / "requirements.txt").read_text().splitlines()]
    assert "." in lines, "repo2docker installs the kit's package only from a '.' line (or postBuild)"
    assert (ROOT / "binder" / "runtime.txt").read_text().strip().startswith("python-3.")


def test_fresh_environment_from_binder_files_alone(tmp_path):
    """A stand-in for Binder: a new venv from binder/ only, run from a copy of the repo."""
    repo = tmp_path / "repo"
    tracked = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for rel in tracked:
        src = ROOT / rel
        if src.is_file():
            (repo / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, repo / rel)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    install = subprocess.run(
        [str(py), "-m", "pip", "install", "--quiet", "-r", "binder/requirements.txt"],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    check = subprocess.run(
        [
            str(py),
            "-c",
            "import connectivism, ipywidgets, networkx, pyvis; "
            "from connectivism.examples import load_example; from connectivism.render import draw; "
            "assert draw(load_example('teacher')).html; print(connectivism.__version__)",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr[-3000:]
    assert check.stdout.strip()
    lab = subprocess.run([str(venv / "bin" / "jupyter"), "lab", "--version"], capture_output=True, text=True)
    assert lab.returncode == 0, lab.stderr
