"""Workshop in a box: the zip (``make bundle``, ``tools/bundle.py``) and the ``serve.py`` inside it.

The server is started as a participant's facilitator would start it, as its
own process (``python serve.py --bind 127.0.0.1 --port N``), and stopped by its
process id with the signal Ctrl-C sends. First on a small folder (no build
needed): it serves files with the right types, refuses every path outside the
folder however it is spelled, never lists a folder, writes nothing and stops
cleanly. Then on the real bundle of the clean build: its contents, the types
of the browser edition's files, 30 clients fetching the browser edition at once
(the time is printed), and the builder used live in the served browser edition
with every other request blocked.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import doctest
import hashlib
import http.client
import importlib.util
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import bundle as tool  # noqa: E402  (tools/bundle.py)

from connectivism import __version__  # noqa: E402

SERVE = ROOT / "tools" / "workshop" / "serve.py"
SECRET = "outside the served folder: never to be served"

# requests that name something outside the folder, or a folder: each must get 403 or 404, never content
OUTSIDE = [
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E/secret.txt",
    "/site/../../secret.txt",
    "/..%2fsecret.txt",
    "/%2e%2e%2fsecret.txt",
    "/%2fetc%2fpasswd",
    "//etc/passwd",
    "/C:/Windows/win.ini",
    "/C%3a%5cWindows%5cwin.ini",
    "/..\\secret.txt",
    "/%5c..%5csecret.txt",
    "/index.html%00.txt",
    "/link-out",
    "/%ff%fe",
]
FOLDERS = ["/css/", "/css", "/_serve/", "/_serve/segno/", "/empty/"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def raw_get(port: int, target: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    """Send ``target`` exactly as written (no client-side clean-up of ``..`` or escapes)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.putrequest(method, target, skip_host=False, skip_accept_encoding=True)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every entry below ``folder`` (links not followed) with its size and modification time."""
    found = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        found[path.relative_to(folder).as_posix()] = (info.st_size, info.st_mtime_ns)
    return found


class Served:
    """A running ``serve.py``: its folder, port, process, start-up time and what it printed."""

    def __init__(self, folder: Path, args: tuple[str, ...] = ()):
        self.folder = folder
        self.port = free_port()
        self.before = snapshot(folder)
        start = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "serve.py", "--bind", "127.0.0.1", "--port", str(self.port), *args],
            cwd=folder,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE")},
        )
        while True:  # ready when it answers
            try:
                urllib.request.urlopen(f"{self.url}index.html", timeout=5).read()
                break
            except OSError:
                if self.process.poll() is not None or time.perf_counter() - start > 60:
                    raise AssertionError("serve.py did not start:\n" + self.stop()) from None
                time.sleep(0.05)
        self.start_seconds = time.perf_counter() - start

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def stop(self) -> str:
        """Stop it as Ctrl-C does (SIGINT to its process id) and return what it printed."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            out, _ = self.process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, _ = self.process.communicate()
        return out


@contextlib.contextmanager
def serving(folder: Path, *args: str):
    served = Served(folder, args)
    try:
        yield served
    finally:
        if served.process.poll() is None:
            served.process.kill()
            served.process.communicate()


# --- serve.py on a small folder (no build needed) -----------------------------------------------


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A small site with serve.py and the QR library, as the bundle lays them out, next to a secret file."""
    base = tmp_path_factory.mktemp("small")
    (base / "secret.txt").write_text(SECRET)
    site = base / "site"
    (site / "css").mkdir(parents=True)
    (site / "empty").mkdir()
    (site / "lite" / "static").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>Kit</title><p>home</p>")
    (site / "css" / "a.css").write_text("p { color: black }")
    (site / "lite" / "index.html").write_text("<!doctype html><title>Lite</title>")
    (site / "lite" / "static" / "k.wasm").write_bytes(b"\0asm\1\0\0\0" + os.urandom(300_000))
    for name, data in {
        "a.js": "1",
        "b.mjs": "2",
        "c.json": "{}",
        "d.svg": "<svg/>",
        "e.whl": "PK",
        "f.xyz": "?",
    }.items():
        (site / "lite" / name).write_text(data)
    (site / "link-out").symlink_to(base / "secret.txt")
    (site / "serve.py").write_bytes(SERVE.read_bytes())
    for name, path in tool.segno_files():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(path.read_bytes())
    with serving(site) as served:
        yield served


def test_serves_files_with_their_types_whatever_the_system_says(small):
    expected = {
        "index.html": "text/html; charset=utf-8",
        "lite/": "text/html; charset=utf-8",
        "lite/static/k.wasm": "application/wasm",
        "lite/a.js": "text/javascript; charset=utf-8",
        "lite/b.mjs": "text/javascript; charset=utf-8",
        "lite/c.json": "application/json",
        "lite/d.svg": "image/svg+xml",
        "lite/e.whl": "application/zip",
        "lite/f.xyz": "application/octet-stream",
        "css/a.css": "text/css; charset=utf-8",
    }
    for name, content_type in expected.items():
        status, headers, body = raw_get(small.port, "/" + name)
        on_disk = small.folder / (name + "index.html" if name.endswith("/") else name)
        assert (status, headers["content-type"]) == (200, content_type), name
        assert body == on_disk.read_bytes() and headers["content-length"] == str(len(body))
        assert headers["x-content-type-options"] == "nosniff"
    status, headers, body = raw_get(small.port, "/lite/static/k.wasm", method="HEAD")
    assert (status, body, headers["content-length"]) == (
        200,
        b"",
        str((small.folder / "lite/static/k.wasm").stat().st_size),
    )
    # a folder with an index, named without its slash, is redirected to it (as static hosts do)
    status, headers, _ = raw_get(small.port, "/lite?x=1")
    assert (status, headers["location"]) == (301, "/lite/?x=1")


@pytest.mark.parametrize("target", OUTSIDE)
def test_a_path_outside_the_folder_is_refused_however_it_is_spelled(small, target):
    status, _, body = raw_get(small.port, target)
    assert status in (403, 404), (target, status)
    assert SECRET.encode() not in body and b"root:" not in body


@pytest.mark.parametrize("target", FOLDERS)
def test_a_folder_is_never_listed(small, target):
    status, _, body = raw_get(small.port, target)
    assert status in (403, 404), (target, status)
    assert b"a.css" not in body and b"__init__" not in body and b"Directory listing" not in body


def test_only_get_and_head_are_answered(small):
    for method in ("POST", "PUT", "DELETE"):
        assert raw_get(small.port, "/index.html", method=method)[0] in (405, 501)


def test_the_page_to_project_shows_each_address_with_its_qr_code(small):
    status, headers, body = raw_get(small.port, "/_serve/room.html")
    assert (status, headers["content-type"]) == (200, "text/html; charset=utf-8")
    assert b"Join the workshop" in body
    assert not (small.folder / "_serve" / "room.html").exists()  # made in memory, not written


def test_ctrl_c_stops_it_cleanly_and_it_wrote_nothing(small):
    """The last test of this group: it stops the server the others used."""
    out = small.stop()
    assert small.process.returncode == 0, out
    assert "Only this computer can open it" in out and f"http://127.0.0.1:{small.port}/" in out
    assert f"http://127.0.0.1:{small.port}/_serve/room.html" in out
    assert out.rstrip().endswith("Stopped.") and "Traceback" not in out
    assert snapshot(small.folder) == small.before, "serve.py wrote or changed a file"


def test_on_the_network_it_prints_each_address_with_a_qr_code(tmp_path):
    (tmp_path / "index.html").write_text("<p>home</p>")
    (tmp_path / "serve.py").write_bytes(SERVE.read_bytes())
    for name, path in tool.segno_files():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(path.read_bytes())
    before = snapshot(tmp_path)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "serve.py", "--port", str(port)], cwd=tmp_path, stdout=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read()
                break
            time.sleep(0.05)
        room = urllib.request.urlopen(f"http://127.0.0.1:{port}/_serve/room.html", timeout=5).read().decode()
    finally:
        process.send_signal(signal.SIGINT)
        out = process.communicate(timeout=20)[0]
    assert process.returncode == 0 and "Traceback" not in out
    urls = re.findall(r"^  (http://[0-9.]+:\d+/)$", out, flags=re.MULTILINE)
    if urls:  # this machine is on a network: each address has its code in the terminal and on the page
        assert out.count(
            "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588"
        ) >= 3 * len(urls)
        assert all(f"{url}</p>" in room for url in urls) and room.count("<svg") == len(urls)
        assert all(not url.startswith("http://127.") for url in urls)
    else:
        assert "No network address found" in out
    assert snapshot(tmp_path) == before


def test_a_port_in_use_gets_one_clear_line(tmp_path):
    (tmp_path / "serve.py").write_bytes(SERVE.read_bytes())
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "serve.py", "--local", "--port", str(port)], cwd=tmp_path, capture_output=True, text=True
        )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"cannot listen on 127.0.0.1 port {port}" in result.stderr and "--port" in result.stderr
    assert list(tmp_path.iterdir()) == [tmp_path / "serve.py"]


def test_serve_py_examples():
    spec = importlib.util.spec_from_file_location("kit_serve", SERVE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = doctest.testmod(module)
    assert result.failed == 0 and result.attempted >= 4


def test_serve_py_keeps_to_python_38_and_the_standard_library():
    """It runs on the facilitator's own Python: no module outside the standard library but segno, no 3.9+ API."""
    source = SERVE.read_text("utf-8")
    imported = set(re.findall(r"^\s*(?:from|import) ([a-z_]+)", source, flags=re.MULTILINE))
    assert imported - {"segno", "__future__"} <= set(sys.stdlib_module_names)
    for newer in ("removeprefix", "removesuffix", "is_relative_to", "functools.cache", "zoneinfo", "tomllib"):
        assert newer not in source, newer
    assert "from __future__ import annotations" in source  # the X | None annotations stay strings on 3.8
    for posix_only in ("os.fork", "signal.SIGHUP", "os.getuid", "fcntl", "pwd"):
        assert posix_only not in source, posix_only


# --- the bundle of the clean build ---------------------------------------------------------------


def test_the_bundle_holds_the_site_the_browser_edition_the_handouts_and_the_server(bundle, good_site):
    assert bundle.name == f"connectivism-kit-{__version__}.zip" == f"connectivism-kit-{tool.version()}.zip"
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        assert archive.testzip() is None
        licence = archive.read(f"connectivism-kit-{__version__}/_serve/segno-LICENSE.txt").decode()
    top = {n.split("/")[0] for n in names}
    assert top == {f"connectivism-kit-{__version__}"}
    inside = {n.split("/", 1)[1] for n in names}
    site = {p.relative_to(good_site.html).as_posix() for p in good_site.html.rglob("*") if p.is_file()}
    site = {n for n in site if not n.startswith("handouts/") and ".jupyterlite.doit.db" not in n}
    assert site <= inside, sorted(site - inside)[:5]
    assert {"serve.py", "START-HERE.txt", "_serve/segno/__init__.py", "lite/index.html", "index.html"} <= inside
    assert "BSD" in licence or "Redistribution and use" in licence
    with zipfile.ZipFile(bundle) as archive:
        start_here = archive.read(f"connectivism-kit-{__version__}/START-HERE.txt").decode()
    pages = re.findall(r"book/[\w-]+\.html", start_here)
    assert pages and set(pages) <= inside  # the page it sends the facilitator to is there
    assert "python3 serve.py" in start_here and "--local" in start_here
    handouts = {n for n in inside if n.startswith("handouts/")}
    assert handouts and all(n.endswith(".pdf") for n in handouts)
    assert not [n for n in inside if "facilitator-pack" in n or "exercises/_source/" in n or "__pycache__" in n]


def test_a_wrong_qr_library_version_or_a_missing_build_is_refused(tmp_path, monkeypatch):
    with pytest.raises(tool.BundleError, match="run `make book` first"):
        tool.build(tmp_path / "nothing", tmp_path / "out")
    monkeypatch.setattr(tool, "pinned", lambda name: "0.0.1")
    with pytest.raises(tool.BundleError, match="requirements.txt pins 0.0.1"):
        tool.segno_files()
    assert not (tmp_path / "out").exists()


@pytest.fixture(scope="module")
def served_bundle(bundle, tmp_path_factory):
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(folder)
    with serving(folder / f"connectivism-kit-{__version__}") as served:
        print(f"\nserve.py start (process start to first answer): {served.start_seconds:.2f} s")
        yield served


def test_the_served_bundle_gives_the_browser_editions_files_their_types(served_bundle):
    root = served_bundle.folder
    expected = {
        ".wasm": "application/wasm",
        ".mjs": "text/javascript; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".json": "application/json",
        ".whl": "application/zip",
        ".ipynb": "application/json",
        ".css": "text/css; charset=utf-8",
        ".html": "text/html; charset=utf-8",
    }
    for suffix, content_type in expected.items():
        sample = next(p for p in sorted((root / "lite").rglob(f"*{suffix}")) if p.is_file())
        status, headers, body = raw_get(served_bundle.port, "/" + sample.relative_to(root).as_posix())
        assert (status, headers["content-type"]) == (200, content_type), sample
        assert body == sample.read_bytes()
    for target in ["/../serve.py", "/%2e%2e/%2e%2e/etc/passwd", "/lite/static/", "/_static/", "/lite/%2e%2e/%2e%2e/x"]:
        assert raw_get(served_bundle.port, target)[0] in (403, 404), target


def test_thirty_clients_fetch_the_browser_edition_at_once_complete_and_correct(served_bundle):
    root = served_bundle.folder
    files = sorted(p for p in (root / "lite").rglob("*") if p.is_file())
    digests = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    total = sum(p.stat().st_size for p in files)

    def client(number: int) -> int:
        """One participant: every file of the browser edition over one kept-alive connection."""
        conn = http.client.HTTPConnection("127.0.0.1", served_bundle.port, timeout=120)
        fetched = 0
        try:
            for path in files[number % len(files) :] + files[: number % len(files)]:  # not all in the same order
                conn.request("GET", "/" + path.relative_to(root).as_posix())
                response = conn.getresponse()
                body = response.read()
                assert response.status == 200, path
                assert hashlib.sha256(body).hexdigest() == digests[path], f"client {number}: {path} differs"
                fetched += len(body)
        finally:
            conn.close()
        return fetched

    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=30) as pool:
        results = list(pool.map(client, range(30)))
    seconds = time.perf_counter() - start
    print(f"\n30 clients x {len(files)} files ({total / 1e6:.0f} MB each): {seconds:.1f} s")
    assert results == [total] * 30
    assert seconds < 600  # generous (a few seconds here): a limit only against a hang


def test_the_builder_runs_live_in_the_served_browser_edition(served_bundle):
    from browser import chromium, watch
    from test_builder_e2e import button, field, wait_summary
    from test_lite_browser import run_all

    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        tab = context.new_page()
        problems = watch(tab, served_bundle.url)
        try:
            run_all(tab, served_bundle.url, "notebooks/03-map-your-network.ipynb")
            wait_summary(tab, "14 nodes")
            field(tab, "Name:").fill("Room hotspot")
            button(tab, "Add node").click()
            tab.wait_for_function("() => document.body.innerText.includes('Added Room hotspot')", timeout=60000)
            wait_summary(tab, "15 nodes")
        finally:
            context.close()
    assert not problems.all(), "\n".join(problems.all())


def test_stopping_the_served_bundle_leaves_it_as_it_was(served_bundle):
    out = served_bundle.stop()
    assert served_bundle.process.returncode == 0 and out.rstrip().endswith("Stopped."), out
    assert snapshot(served_bundle.folder) == served_bundle.before
