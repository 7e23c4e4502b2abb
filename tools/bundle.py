"""Workshop in a box: one zip of the built site, its browser edition and the learner handouts.

Usage (from the repository root, after ``make book``; ``make bundle`` runs it)::

    python tools/bundle.py [--site _build/html] [--handouts DIR] [--out _build]

writes ``_build/connectivism-kit-<version>.zip`` (the version is the package's,
as pyproject.toml says) and prints its size. The zip holds one folder:

- the site exactly as built (``index.html``, the book, ``lite/`` the browser
  edition, ``handouts/`` the learner handouts), so the folder also works
  unchanged on any static web host;
- ``serve.py`` (from ``tools/workshop/serve.py``), which serves the folder to a
  room with Python alone;
- ``_serve/segno/`` and ``_serve/segno-LICENSE.txt``: the QR library serve.py
  uses, copied from the installed package after checking that it is the
  version requirements.txt pins and that every file matches the hash its wheel
  recorded;
- ``START-HERE.txt``: the two commands a facilitator needs.

The zip is written whole to a temporary name and then put in place. Nothing
else is added: no facilitator pack, no answer key (tests/test_exercises.py scans
the zip), no build cache.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import importlib.metadata
import os
import re
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "_build" / "html"
OUT = ROOT / "_build"
SERVE = ROOT / "tools" / "workshop" / "serve.py"
#: Files of a build that are not the site (caches, editor and OS leftovers).
SKIP_NAMES = {".jupyterlite.doit.db", ".DS_Store", "Thumbs.db"}
SKIP_DIRS = {"__pycache__", ".ipynb_checkpoints"}
#: Already compressed: stored as they are (deflating them again costs time and saves nothing).
STORED = {".zip", ".whl", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".ico", ".pdf", ".gz"}

START_HERE = """\
Connectivism Course Kit {version}: workshop in a box
====================================================

To serve this folder to a room (Python 3.8 or later; no internet needed):

    python3 serve.py            (on Windows: py serve.py)

Participants join the same Wi-Fi or hotspot as this computer and open the
address it prints (or scan its QR code). To try it alone first:

    python3 serve.py --local

Without Python, any static web server can serve this folder as it is.
The page "A workshop with no internet" (book/10-no-internet-in-the-room.html)
has the checklist.
"""


class BundleError(Exception):
    """The bundle cannot be made (a missing build, a wrong QR library version)."""


def version(root: Path = ROOT) -> str:
    """The kit's version, found where pyproject.toml says it lives.

    >>> bool(re.fullmatch(r"[0-9]+(\\.[0-9]+)*([a-z]+[0-9]*)?", version()))
    True
    """
    project = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))
    if "version" in project["project"]:
        return project["project"]["version"]
    attr = project["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    module, name = attr.rsplit(".", 1)
    source = (root / Path(*module.split("."))).with_suffix(".py")
    if not source.is_file():
        source = root / Path(*module.split(".")) / "__init__.py"
    match = re.search(rf"^{name}\s*=\s*[\"']([^\"']+)[\"']", source.read_text("utf-8"), re.MULTILINE)
    if not match:
        raise BundleError(f"no {name} in {source}")
    return match.group(1)


def pinned(name: str, requirements: Path = ROOT / "requirements.txt") -> str:
    """The version requirements.txt pins for ``name``."""
    for line in requirements.read_text("utf-8").splitlines():
        match = re.fullmatch(rf"{re.escape(name)}==([^\s;#]+).*", line.strip(), re.IGNORECASE)
        if match:
            return match.group(1)
    raise BundleError(f"{name} is not pinned in {requirements}")


def segno_files() -> list[tuple[str, Path]]:
    """(name in the bundle, installed file) for the segno package and its licence.

    The installed distribution must be the pinned version, and each file must
    match the sha256 its wheel's RECORD gives; type stubs and the command line
    are left out.
    """
    try:
        dist = importlib.metadata.distribution("segno")
    except importlib.metadata.PackageNotFoundError as error:
        raise BundleError("segno is not installed: pip install -r requirements.txt") from error
    want = pinned("segno")
    if dist.version != want:
        raise BundleError(f"segno {dist.version} is installed but requirements.txt pins {want}")
    chosen = []
    for record in dist.files or []:
        parts = record.parts
        is_code = parts[0] == "segno" and record.suffix == ".py" and record.name != "cli.py"
        is_licence = parts[0].endswith(".dist-info") and record.name.startswith("LICENSE")
        if not (is_code or is_licence):
            continue
        path = Path(record.locate())
        if record.hash is None or record.hash.mode != "sha256":
            raise BundleError(f"segno's RECORD gives no sha256 for {record}")
        digest = base64.urlsafe_b64encode(hashlib.sha256(path.read_bytes()).digest()).rstrip(b"=").decode()
        if digest != record.hash.value:
            raise BundleError(f"{path} differs from segno {want} as installed: reinstall it")
        chosen.append(("_serve/segno-LICENSE.txt" if is_licence else "_serve/" + record.as_posix(), path))
    names = [n for n, _ in chosen]
    if "_serve/segno/__init__.py" not in names or "_serve/segno-LICENSE.txt" not in names:
        raise BundleError("the installed segno has no __init__.py or no LICENSE in its RECORD")
    return sorted(chosen)


def site_files(site: Path, handouts: Path | None) -> list[tuple[str, Path]]:
    """(name in the bundle, file) for every file of the site; ``handouts`` replaces ``site/handouts``."""
    for needed, what in (("index.html", "the site"), ("lite/index.html", "the browser edition")):
        if not (site / needed).is_file():
            raise BundleError(f"{site / needed} is missing ({what}): run `make book` first")
    handouts = handouts or site / "handouts"
    if not any(handouts.glob("*.pdf")):
        raise BundleError(f"no learner handouts in {handouts}: run `make handouts` (or `make book`) first")
    if any("facilitator" in p.name for p in handouts.rglob("*")):
        raise BundleError(f"{handouts} holds the facilitator pack: give the learner set (_build/handouts/learner)")
    files = []
    for base, prefix in ((site, ""), (handouts, "handouts/")):
        for folder, dirs, names in os.walk(base):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
            here = Path(folder)
            if here == site and "handouts" in dirs:
                dirs.remove("handouts")  # the handouts come from ``handouts``
            for name in sorted(names):
                path = here / name
                if name in SKIP_NAMES or name.endswith((".pyc", "~")):
                    continue
                if path.is_symlink() or not path.is_file():
                    raise BundleError(f"{path} is a link or not a regular file: the bundle holds plain files only")
                files.append((prefix + path.relative_to(base).as_posix(), path))
    return files


def build(site: Path = SITE, out: Path = OUT, handouts: Path | None = None) -> Path:
    """Write ``out/connectivism-kit-<version>.zip`` and return its path."""
    kit = version()
    top = f"connectivism-kit-{kit}"
    entries = site_files(site, handouts) + segno_files() + [("serve.py", SERVE)]
    clash = [name for name, count in Counter(n for n, _ in entries).items() if count > 1]
    if clash:
        raise BundleError(f"two files would have the same name in the bundle: {sorted(clash)[:3]}")
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{top}.zip"
    handle, temporary = tempfile.mkstemp(prefix=f".{top}-", suffix=".zip", dir=out)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            archive.writestr(_info(f"{top}/START-HERE.txt"), START_HERE.format(version=kit))
            for name, path in entries:
                stored = Path(name).suffix.lower() in STORED
                archive.write(
                    path, f"{top}/{name}", compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
                )
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return target


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=SITE, help="the built site (default _build/html)")
    parser.add_argument("--handouts", type=Path, help="the learner handouts (default SITE/handouts)")
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write the zip into (default _build)")
    args = parser.parse_args(argv)
    try:
        target = build(args.site, args.out, args.handouts)
    except BundleError as error:
        print(f"bundle: {error}", file=sys.stderr)
        return 2
    with zipfile.ZipFile(target) as archive:
        count = len(archive.infolist())
    print(f"wrote {target}: {target.stat().st_size / 1e6:.1f} MB, {count} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
