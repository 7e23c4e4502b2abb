"""Fetch the site's third-party browser files from the npm registry into ``_vendor/``.

The built site must work with no network, so the files that Jupyter Book would
load from CDNs (MathJax, require.js, the ipywidgets HTML manager with its icon
fonts) and vis-network (for the graphs) are served from the site itself.
``tools/vendor.json`` pins each package's version and integrity hash; this
script runs ``npm pack`` (no dependencies are installed), checks the hash, and
copies the listed files.  It does nothing when ``_vendor/`` is already up to
date, so repeated builds stay fast.

Usage: ``python tools/vendor.py [--force]``
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "tools" / "vendor.json"
DEST = ROOT / "_vendor"  # served by the site (html_static_path)
TOOLS_DEST = ROOT / "_vendor_tools"  # used by the tests only, never served
STAMP = DEST / ".manifest.json"


def _integrity(path: Path) -> str:
    digest = hashlib.sha512(path.read_bytes()).digest()
    return "sha512-" + base64.b64encode(digest).decode()


def _pack(name: str, version: str, workdir: Path) -> Path:
    out = subprocess.run(
        ["npm", "pack", "--json", f"{name}@{version}", "--pack-destination", str(workdir)],
        check=True,
        capture_output=True,
        text=True,
    )
    return workdir / json.loads(out.stdout)[0]["filename"]


def _copy(src_root: Path, pattern: str, target: str, dest: Path) -> int:
    matches = sorted(src_root.glob(pattern))
    if not matches:
        raise SystemExit(f"vendor: {pattern!r} matched nothing in the package")
    for src in matches:
        # a target ending in "/" (or ".") is a folder that keeps the file's name
        out = dest / target / src.name if target.endswith(("/", ".")) else dest / target
        out.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, out, dirs_exist_ok=True)
        else:
            shutil.copy2(src, out)
    return len(matches)


def vendor(force: bool = False) -> None:
    manifest = json.loads(MANIFEST.read_text())
    if not force and STAMP.exists() and TOOLS_DEST.exists() and json.loads(STAMP.read_text()) == manifest:
        print("vendor: _vendor/ is up to date")
        return
    for old in (DEST, TOOLS_DEST):
        if old.exists():
            shutil.rmtree(old)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        stagings = {"site": work / "_vendor", "tools": work / "_vendor_tools"}
        for pkg in manifest["packages"]:
            staging = stagings[pkg.get("root", "site")]
            tgz = _pack(pkg["name"], pkg["version"], work)
            got = _integrity(tgz)
            if got != pkg["integrity"]:
                raise SystemExit(
                    f"vendor: {pkg['name']}@{pkg['version']} has integrity {got}, "
                    f"expected {pkg['integrity']}: refusing to use it"
                )
            unpacked = work / tgz.stem
            with tarfile.open(tgz) as tar:
                tar.extractall(unpacked, filter="data")
            src_root = unpacked / "package"
            for pattern, target in pkg["copy"].items():
                _copy(src_root, pattern, target, staging)
            lic_dir = staging / "LICENSES" / pkg["name"].replace("/", "__")
            for lic in pkg["license_files"]:
                _copy(src_root, lic, "/", lic_dir)
            print(f"vendor: {pkg['name']}@{pkg['version']} ok")
        shutil.copytree(stagings["site"], DEST)
        shutil.copytree(stagings["tools"], TOOLS_DEST)
    STAMP.write_text(json.dumps(manifest))


if __name__ == "__main__":
    vendor(force="--force" in sys.argv[1:])
