"""Build the browser edition of the kit (JupyterLite) into the site, with no CDN.

Every notebook and every learner exercise runs in the reader's browser on
Pyodide, served by the site itself. ``tools/lite.json`` pins every file the
edition serves:

* Pyodide's core (interpreter, standard library, the official lock file) from
  the npm package, checked against its integrity hash;
* the compiled packages the kit needs (numpy, scipy, ipython, ...) and what
  they depend on, each file checked against the sha256 in that official lock,
  whatever the source they are taken from (a setting, so a fork can point at
  Pyodide's release archive);
* the pure wheels from PyPI (networkx, ipywidgets, ...), fetched with pip
  against pinned hashes; MarkupSafe packed pure from its sdist; the kit's own
  wheel packed from this repository.

The pure wheels and the kit are added to the served lock file, so a plain
``import connectivism`` loads everything with no ``%pip`` cell.

Downloads are kept in ``.cache/lite/`` (git-ignored): a clean rebuild does
not fetch again. A build is kept there too, under a stamp of its inputs (the
notebooks, the exercises, the package, the pins and this tool), and the
output folder carries the stamp: a no-change rebuild copies nothing and builds
nothing.

Usage: ``python tools/lite.py --out _build/html/lite [--force]``
(``make book`` runs it through the site's Sphinx extension).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "tools" / "lite.json"
CACHE = ROOT / ".cache" / "lite"
DOWNLOADS = CACHE / "downloads"
BUILDS = CACHE / "builds"
STAMP_NAME = ".lite-stamp"
# the learner's material; exercises/_source (the answer keys) never goes in
CONTENTS = {"notebooks": ROOT / "notebooks", "exercises": ROOT / "exercises"}
# a fixed time for every file packed into a wheel: the same inputs give the same bytes
ZIP_TIME = (2020, 1, 1, 0, 0, 0)


class LiteError(SystemExit):
    """A build input is missing or does not match its pin (the message says which and what to do)."""

    def __init__(self, message: str):
        super().__init__(f"lite: {message}")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


# ---------------------------------------------------------------- fetching


def _pip_download(requirement: str, sha256: str, file: str, no_binary: str | None = None, hint: str = "") -> Path:
    """One pinned file from PyPI into the download cache, through pip (hash-checked)."""
    target = DOWNLOADS / file
    if target.exists() and _sha256(target.read_bytes()) == sha256:
        return target
    DOWNLOADS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        req = Path(tmp) / "requirements.txt"
        req.write_text(f"{requirement} --hash=sha256:{sha256}\n")
        cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--require-hashes"]
        cmd += ["--no-binary", no_binary] if no_binary else ["--only-binary", ":all:"]
        proc = subprocess.run([*cmd, "-d", tmp, "-r", str(req)], capture_output=True, text=True)
        got = Path(tmp) / file
        if proc.returncode != 0 or not got.exists():
            raise LiteError(
                f"could not fetch {requirement} ({file}, sha256 {sha256}) from PyPI.\n"
                f"  Supply it by hand: put that file in {DOWNLOADS}/ and build again{hint}.\n"
                f"  pip said: {proc.stderr.strip()[-600:]}"
            )
        shutil.move(str(got), target)
    return target


def _npm_pack(pkg: dict) -> Path:
    """Pyodide's npm package into the download cache, checked against its integrity hash."""
    target = DOWNLOADS / f"{pkg['name']}-{pkg['version']}.tgz"

    def integrity(path: Path) -> str:
        return "sha512-" + base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()

    if target.exists() and integrity(target) == pkg["integrity"]:
        return target
    DOWNLOADS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run(
            ["npm", "pack", "--json", f"{pkg['name']}@{pkg['version']}", "--pack-destination", tmp],
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0:
            raise LiteError(
                f"could not fetch {pkg['name']}@{pkg['version']} from the npm registry.\n"
                f"  Supply it by hand: put {target.name} (integrity {pkg['integrity']}) in {DOWNLOADS}/ "
                f"and build again.\n  npm said: {proc.stderr.strip()[-600:]}"
            )
        got = Path(tmp) / json.loads(proc.stdout)[0]["filename"]
        if integrity(got) != pkg["integrity"]:
            raise LiteError(f"{pkg['name']}@{pkg['version']} does not match its pinned integrity: refusing to use it")
        shutil.move(str(got), target)
    return target


class _Source:
    """Where the compiled packages' files are read from: a zip/wheel, a tar archive or a folder."""

    def __init__(self, spec: dict):
        self.prefix = spec.get("prefix", "")
        if spec["kind"] == "pypi":
            hint = (
                ", or set compiled.source in tools/lite.json to Pyodide's release archive"
                " (kind 'archive': see the _comment there)"
            )
            path = _pip_download(spec["requirement"], spec["sha256"], spec["file"], hint=hint)
        elif spec["kind"] == "archive":
            path = Path(spec["path"]).expanduser()
            path = path if path.is_absolute() else ROOT / path
            if not path.exists():
                raise LiteError(
                    f"compiled.source in tools/lite.json names {path}, which does not exist: "
                    "download Pyodide's release archive (see the _comment there) to that path"
                )
        else:
            raise LiteError(f"compiled.source.kind must be 'pypi' or 'archive', not {spec['kind']!r}")
        self.path = path
        self._zip = zipfile.ZipFile(path) if zipfile.is_zipfile(path) else None
        self._tar = tarfile.open(path) if self._zip is None and path.is_file() else None

    def read(self, name: str) -> bytes:
        member = self.prefix + name
        try:
            if self._zip is not None:
                return self._zip.read(member)
            if self._tar is not None:
                return self._tar.extractfile(member).read()
            return (self.path / member).read_bytes()
        except (KeyError, AttributeError, FileNotFoundError) as exc:
            raise LiteError(f"{name} is not in {self.path} (under {self.prefix!r})") from exc


# ---------------------------------------------------------------- wheels


def _wheel(dist: str, version: str, files: dict[str, bytes], requires: list[str] = ()) -> tuple[str, bytes]:
    """A pure-Python wheel (py3-none-any) holding ``files``; deterministic bytes."""
    name = re.sub(r"[-.]+", "_", dist)
    info = f"{name}-{version}.dist-info"
    files = dict(files)
    meta = ["Metadata-Version: 2.1", f"Name: {dist}", f"Version: {version}"]
    meta += [f"Requires-Dist: {r}" for r in requires]
    files[f"{info}/METADATA"] = ("\n".join(meta) + "\n").encode()
    files[f"{info}/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: connectivism tools/lite.py\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    )
    record = [
        f"{path},sha256={base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()},{len(data)}"
        for path, data in sorted(files.items())
    ]
    files[f"{info}/RECORD"] = ("\n".join([*record, f"{info}/RECORD,,"]) + "\n").encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for path, data in sorted(files.items()):
            zi = zipfile.ZipInfo(path, ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zf.writestr(zi, data)
    return f"{name}-{version}-py3-none-any.whl", buf.getvalue()


def _kit_files() -> list[Path]:
    """The package's files that go in its wheel: the modules and the package data."""
    pkg = ROOT / "connectivism"
    return sorted(
        p
        for p in pkg.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix in {".py", ".json", ".csv", ".html"}
    )


def _kit_wheel() -> tuple[str, str, bytes]:
    version = re.search(r'__version__\s*=\s*"([^"]+)"', (ROOT / "connectivism" / "__init__.py").read_text())
    if version is None:
        raise LiteError("connectivism/__init__.py has no __version__")
    files = {p.relative_to(ROOT).as_posix(): p.read_bytes() for p in _kit_files()}
    name, data = _wheel("connectivism", version.group(1), files)
    return version.group(1), name, data


def _markupsafe_wheel(spec: dict) -> tuple[str, str, bytes]:
    sdist = _pip_download(spec["requirement"], spec["sha256"], spec["file"], no_binary="markupsafe")
    version = spec["requirement"].split("==")[1]
    files = {}
    with tarfile.open(sdist) as tar:
        for member in tar.getmembers():
            parts = member.name.split("/")
            if member.isfile() and parts[1:3] == ["src", "markupsafe"] and not parts[-1].startswith("_speedups"):
                files["markupsafe/" + parts[-1]] = tar.extractfile(member).read()
    if "markupsafe/_native.py" not in files:
        raise LiteError(f"{sdist.name} has no pure-Python markupsafe/_native.py")
    name, data = _wheel("MarkupSafe", version, files)
    return version, name, data


# ---------------------------------------------------------------- stamp and build


def _manifest() -> dict:
    return json.loads(MANIFEST.read_text())


def _content_files() -> dict[str, Path]:
    """Every notebook and learner exercise, by its path in the browser edition."""
    out = {}
    for folder, src in CONTENTS.items():
        for nb in sorted(src.glob("*.ipynb")):
            out[f"{folder}/{nb.name}"] = nb
    return out


def stamp() -> str:
    """A hash of everything the browser edition is built from."""
    h = hashlib.sha256()
    pins = [line for line in (ROOT / "requirements.txt").read_text().splitlines() if "jupyterlite" in line]
    inputs = [MANIFEST, Path(__file__).resolve(), *_content_files().values(), *_kit_files()]
    h.update("\n".join(pins).encode())
    for path in inputs:
        h.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def _pyodide_dir(dest: Path, manifest: dict) -> dict:
    """Write the Pyodide distribution the site serves into ``dest``; return the served lock."""
    core = manifest["pyodide"]
    tgz = _npm_pack(core)
    dest.mkdir(parents=True)
    with tarfile.open(tgz) as tar:
        official = json.loads(tar.extractfile("package/pyodide-lock.json").read())
        for name in core["files"]:
            (dest / name).write_bytes(tar.extractfile(f"package/{name}").read())
    lock = official["packages"]

    # the compiled packages and everything they depend on, each checked against the official lock
    wanted: list[str] = []

    def need(name: str) -> None:
        key = _norm(name)
        if key not in lock:
            raise LiteError(f"{name} is not in the official pyodide@{core['version']} lock")
        if key not in wanted:
            wanted.append(key)
            for dep in lock[key]["depends"]:
                need(dep)

    for name in manifest["compiled"]["packages"]:
        need(name)
    source = _Source(manifest["compiled"]["source"])
    packages = {}
    for key in wanted:
        entry = lock[key]
        data = source.read(entry["file_name"])
        if _sha256(data) != entry["sha256"]:
            raise LiteError(
                f"{entry['file_name']} from {source.path.name} does not match the official lock's sha256: "
                "refusing to use it"
            )
        (dest / entry["file_name"]).write_bytes(data)
        packages[key] = entry

    # pure wheels, MarkupSafe packed pure, and the kit: added to the lock so a plain import loads them
    def add(name: str, version: str, file_name: str, data: bytes, imports: list, depends: list) -> None:
        (dest / file_name).write_bytes(data)
        packages[_norm(name)] = {
            "name": name,
            "version": version,
            "file_name": file_name,
            "install_dir": "site",
            "sha256": _sha256(data),
            "package_type": "package",
            "imports": imports,
            "depends": [_norm(d) for d in depends],
            "unvendored_tests": False,
        }

    for pure in manifest["pure"]:
        path = _pip_download(pure["requirement"], pure["sha256"], pure["file"])
        name, version = pure["requirement"].split("==")
        add(name, version, pure["file"], path.read_bytes(), pure["imports"], pure["depends"])
    ms = manifest["markupsafe"]
    version, file_name, data = _markupsafe_wheel(ms)
    add("MarkupSafe", version, file_name, data, ms["imports"], [])
    version, file_name, data = _kit_wheel()
    add("connectivism", version, file_name, data, manifest["kit"]["imports"], manifest["kit"]["depends"])

    for key in packages:
        for dep in packages[key]["depends"]:
            if _norm(dep) not in packages:
                raise LiteError(f"{key} depends on {dep}, which the browser edition does not ship")
    served = {"info": official["info"], "packages": packages}
    (dest / "pyodide-lock.json").write_text(json.dumps(served, indent=1, sort_keys=True))
    return served


def _build(into: Path, manifest: dict) -> None:
    """Run ``jupyter lite build`` in a fresh folder (no doit cache to go stale) into ``into``."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        lite_dir = work / "lite"
        _pyodide_dir(lite_dir / "static" / "pyodide", manifest)
        config = {
            "jupyter-lite-schema-version": 0,
            "jupyter-config-data": {
                "appName": "Connectivism Course Kit (in your browser)",
                "litePluginSettings": {
                    "@jupyterlite/pyodide-kernel-extension:kernel": {
                        "disablePyPIFallback": True,
                        # loaded with the kernel, so the kit imports however a
                        # notebook spells it (importlib too), with no %pip cell
                        "loadPyodideOptions": {"packages": ["connectivism"]},
                    },
                },
            },
        }
        (lite_dir / "jupyter-lite.json").write_text(json.dumps(config, indent=1))
        # every cell in the page, not only those scrolled into view: a reader's find (and
        # the browser test) sees the whole notebook
        overrides = {"@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"}}
        (lite_dir / "overrides.json").write_text(json.dumps(overrides, indent=1))
        contents = work / "contents"
        for rel, src in _content_files().items():
            (contents / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, contents / rel)
        out = work / "out"
        jupyter = Path(sys.executable).parent / "jupyter"
        cmd = [str(jupyter), "lite", "build", "--lite-dir", str(lite_dir), "--contents", str(contents)]
        cmd += ["--output-dir", str(out), "--no-sourcemaps", "--no-libarchive"]
        proc = subprocess.run(cmd, cwd=work, capture_output=True, text=True)
        if proc.returncode != 0:
            raise LiteError(f"jupyter lite build failed:\n{(proc.stdout + proc.stderr)[-3000:]}")
        for app in APPS_WITH_ICON:
            _app_icon(out / app / "index.html")
        served = json.loads((out / "jupyter-lite.json").read_text())
        url = json.dumps(served).find("./static/pyodide/pyodide.js")
        if url < 0:
            raise LiteError("the built site does not point at its own Pyodide (it would use a CDN)")
        shutil.copytree(out, into)


#: JupyterLite's app pages, each given the site's icon by :func:`_app_icon`.
APPS_WITH_ICON = ("consoles", "edit", "lab", "notebooks", "repl", "tree")


def _app_icon(page: Path) -> None:
    """Give an app page the site's icon: without a link a browser asks for ``/favicon.ico``, which no site has (a 404).

    The REPL app asks at once; the others set their icon from script, but a
    browser that comes back to a page asks before the script runs.
    """
    markup = page.read_text("utf-8")
    anchor = '<link rel="manifest"'
    if anchor not in markup:
        raise LiteError(f"{page}: no manifest link to put the icon beside (has JupyterLite's app page changed?)")
    icon = '<link rel="icon" type="image/x-icon" href="../static/favicons/favicon.ico" />\n    '
    page.write_text(markup.replace(anchor, icon + anchor, 1), "utf-8")


def build(out: Path, force: bool = False) -> None:
    """Build (or copy from the cache) the browser edition into ``out``."""
    manifest = _manifest()
    key = stamp()
    stamp_file = out / STAMP_NAME
    if not force and stamp_file.exists() and stamp_file.read_text() == key:
        print(f"lite: {out} is up to date")
        return
    cached = BUILDS / key
    if force or not (cached / STAMP_NAME).exists():
        if cached.exists():
            shutil.rmtree(cached)
        print("lite: building the browser edition ...", flush=True)
        _build(cached, manifest)
        (cached / STAMP_NAME).write_text(key)
        for old in BUILDS.iterdir():
            if old.name != key:
                shutil.rmtree(old)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(cached, out)
    print(f"lite: {out} built ({key})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "html" / "lite")
    parser.add_argument("--force", action="store_true", help="build again even if nothing changed")
    args = parser.parse_args(argv)
    build(args.out.resolve(), force=args.force)


if __name__ == "__main__":
    main()
