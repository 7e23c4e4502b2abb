#!/usr/bin/env python3
"""Serve this folder (the Connectivism Course Kit's site and browser edition) to a room.

Run it from a terminal inside the unzipped folder::

    python3 serve.py              # everyone on this laptop's network (Wi-Fi or hotspot)
    python3 serve.py --local      # only this laptop, to try it alone
    python3 serve.py --port 8080  # another port (the default is 8000)

It prints the address participants open, with a QR code for each, and the
address of a page to project that shows the same codes in large. Press Ctrl-C
to stop.

Needs only Python 3.8 or later (Windows, macOS or Linux) and the QR library
shipped beside it in ``_serve/`` (segno, BSD licence, see
``_serve/segno-LICENSE.txt``); without that library it still serves, and prints
the addresses without codes.

What it does and does not do: it serves the files of this folder and of its
sub-folders, and nothing else (no path outside the folder, no link leading out
of it, no list of a folder's contents); it sets each file's type itself rather
than trusting the computer's settings; it answers many participants at once; it
writes nothing (no log file, no cache, no compiled Python files) and keeps no
record of who asked for what.
"""

from __future__ import annotations

import argparse
import html
import ipaddress
import os
import socket
import stat
import sys
import time
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

ROOT = os.path.dirname(os.path.realpath(__file__))
VENDOR = os.path.join(ROOT, "_serve")
#: The page to project: generated in memory (never a file), listed nowhere else.
ROOM_PAGE = "/_serve/room.html"
DEFAULT_PORT = 8000

#: Every type is set here, never read from the system (Windows' registry may map .js to text/plain).
MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
    ".ipynb": "application/json",
    ".wasm": "application/wasm",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/vnd.microsoft.icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".eot": "application/vnd.ms-fontobject",
    ".pdf": "application/pdf",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".py": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".xml": "application/xml",
    ".graphml": "application/xml",
}
OTHER_TYPE = "application/octet-stream"
_DOWN = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, socket.timeout)


def mime_type(path: str) -> str:
    """The Content-Type of a file, from its extension (case-insensitive), never from the system.

    >>> mime_type("lite/static/pyodide/pyodide.asm.wasm"), mime_type("a.MJS"), mime_type("x.bin")
    ('application/wasm', 'text/javascript; charset=utf-8', 'application/octet-stream')
    """
    return MIME_TYPES.get(os.path.splitext(path)[1].lower(), OTHER_TYPE)


def local_path(root: str, target: str) -> str | None:
    """The file or folder inside ``root`` that a request's target names, or None if it names nothing allowed.

    Refused (None): anything that is not a plain path below ``/`` after decoding,
    a ``.`` or ``..`` segment, a backslash, a colon (a Windows drive or stream), a
    NUL byte, and anything whose real location (links followed) is outside
    ``root``. The query and fragment are ignored.

    >>> root = os.path.realpath(".")
    >>> local_path(root, "/../etc/passwd") is None, local_path(root, "/%2e%2e/x") is None
    (True, True)
    >>> local_path(root, "/a\\\\..\\\\b") is None, local_path(root, "/C:/Windows") is None
    (True, True)
    >>> local_path(root, "/docs/a.html?x=1") == os.path.join(root, "docs", "a.html")
    True
    """
    path = urlsplit(target).path
    if not path.startswith("/"):
        return None
    try:
        text = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return None
    if "\\" in text or "\x00" in text or ":" in text:
        return None
    parts = [p for p in text.split("/") if p]
    if any(p in (".", "..") for p in parts):
        return None
    full = os.path.join(root, *parts)
    return full if inside(root, full) else None


def inside(root: str, path: str) -> bool:
    """Whether ``path``, with every link followed, is ``root`` or below it (``root`` is a real path)."""
    real = os.path.realpath(path)
    try:
        return real == root or os.path.commonpath([real, root]) == root
    except ValueError:  # Windows: another drive
        return False


class Handler(BaseHTTPRequestHandler):
    """GET and HEAD for the files of ``server.root``; everything else is refused."""

    server_version = "ConnectivismKitServe/1"
    protocol_version = "HTTP/1.1"
    timeout = 60  # an idle kept-alive connection is closed, so its thread ends

    def do_GET(self):  # noqa: D102  (the name is http.server's)
        self._respond(body=True)

    def do_HEAD(self):  # noqa: D102
        self._respond(body=False)

    def _respond(self, body: bool) -> None:
        path = urlsplit(self.path).path
        if path == ROOM_PAGE:
            page = self.server.room_page().encode("utf-8")
            self._headers(HTTPStatus.OK, "text/html; charset=utf-8", len(page), extra={"Cache-Control": "no-store"})
            if body:
                self.wfile.write(page)
            return
        full = local_path(self.server.root, self.path)
        if full is None:
            self.send_error(HTTPStatus.NOT_FOUND, "Not found")
            return
        if os.path.isdir(full):
            index = os.path.join(full, "index.html")
            if not os.path.isfile(index) or not inside(self.server.root, index):
                self.send_error(HTTPStatus.NOT_FOUND, "Not found")  # never a list of the folder's files
                return
            if not path.endswith("/"):
                query = urlsplit(self.path).query
                self._headers(
                    HTTPStatus.MOVED_PERMANENTLY,
                    None,
                    0,
                    extra={"Location": path + "/" + ("?" + query if query else "")},
                )
                return
            full = index
        try:
            handle = open(full, "rb")  # noqa: SIM115  (closed below)
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND, "Not found")
            return
        with handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode):
                self.send_error(HTTPStatus.NOT_FOUND, "Not found")
                return
            if self._not_modified(status.st_mtime):
                self._headers(HTTPStatus.NOT_MODIFIED, None, None, modified=status.st_mtime)
                return
            self._headers(HTTPStatus.OK, mime_type(full), status.st_size, modified=status.st_mtime)
            if body:
                self.wfile.flush()
                self.connection.sendfile(handle)  # the system's sendfile where there is one, else a plain loop

    def _not_modified(self, mtime: float) -> bool:
        since = self.headers.get("If-Modified-Since")
        if not since or self.headers.get("If-None-Match"):
            return False
        try:
            return int(mtime) <= parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return False

    def _headers(self, status, content_type, length, modified=None, extra=None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
            self.send_header("X-Content-Type-Options", "nosniff")
        if length is not None:
            self.send_header("Content-Length", str(length))
        if modified is not None:
            self.send_header("Last-Modified", formatdate(modified, usegmt=True))
            self.send_header("Cache-Control", "no-cache")  # ask again each time: a changed file is never stale
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()

    def log_message(self, format, *args):  # noqa: A002  (http.server's signature)
        """Nothing is logged unless ``--verbose``; never to a file."""
        if self.server.verbose:
            sys.stderr.write(f"{self.log_date_time_string()} {format % args}\n")


class RoomServer(ThreadingHTTPServer):
    """A threaded server for one folder; a client that goes away is not an error worth a traceback."""

    daemon_threads = True
    request_queue_size = 128  # a room that opens the page at once waits, is not refused
    # Windows lets a second server bind a port that is in use if this is set: refuse instead
    allow_reuse_address = os.name != "nt"

    def __init__(self, address, root: str, verbose: bool = False, family=socket.AF_INET):
        self.address_family = family
        self.root = root
        self.verbose = verbose
        self.urls = []  # the addresses participants open (set once listening)
        super().__init__(address, Handler)

    def room_page(self) -> str:
        """The page to project: each address in large type with its QR code."""
        return room_page(self.urls)

    def handle_error(self, request, client_address):  # noqa: D102
        if isinstance(sys.exc_info()[1], _DOWN):
            return
        super().handle_error(request, client_address)


# --- addresses and QR codes -------------------------------------------------------------------


def lan_addresses() -> list[str]:
    """The computer's IPv4 addresses on its networks (not loopback or link-local), found without sending anything.

    Connecting a UDP socket sends no packet; it only asks the system which of
    its addresses it would use to reach a private address. The host name's
    addresses are added.
    """
    found = []
    for probe in ("10.254.254.254", "172.31.254.254", "192.168.254.254"):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            try:
                s.connect((probe, 9))
                found.append(s.getsockname()[0])
            except OSError:
                pass
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET, socket.SOCK_STREAM)
        found += [info[4][0] for info in infos]
    except OSError:
        pass
    useful = []
    for address in found:
        ip = ipaddress.ip_address(address)
        if not (ip.is_loopback or ip.is_link_local or ip.is_unspecified) and address not in useful:
            useful.append(address)
    return useful


def _segno():
    if VENDOR not in sys.path:
        sys.path.insert(0, VENDOR)
    try:
        import segno
    except ImportError:
        return None
    return segno


def terminal_qr(url: str, out) -> bool:
    """Print a QR code for ``url`` to ``out``; False if the QR library is missing."""
    segno = _segno()
    if segno is None:
        return False
    qr = segno.make(url, error="m", micro=False)
    if getattr(out, "isatty", lambda: False)():
        qr.terminal(out=out if os.name != "nt" else None, border=2)  # colours (or Windows' console) for contrast
        return True
    rows = list(qr.matrix_iter(scale=1, border=2))  # a plain copy (a pipe or a log): dark modules as blocks
    for row in rows:
        out.write("".join("\u2588\u2588" if dark else "  " for dark in row) + "\n")
    return True


def room_page(urls: list[str]) -> str:
    """HTML for the projector: every address, in large type, with its QR code (inline SVG, no request)."""
    segno = _segno()
    blocks = []
    for url in urls:
        code = ""
        if segno is not None:
            code = segno.make(url, error="m", micro=False).svg_inline(scale=8, border=2, svgclass="qr", omitsize=True)
        blocks.append(f'<section>{code}<p class="url">{html.escape(url)}</p></section>')
    if not blocks:
        blocks.append("<p>No network address found: connect this laptop to the room's Wi-Fi or hotspot.</p>")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Join the workshop</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ font-family: system-ui, sans-serif; margin: 2vh 2vw; text-align: center; background: #fff; color: #000; }}
h1 {{ font-size: 5vh; margin: 1vh 0; }}
p {{ font-size: 3vh; margin: 1vh 0; }}
main {{ display: flex; flex-wrap: wrap; justify-content: center; gap: 4vw; }}
.qr {{ width: min(60vh, 80vw); height: auto; }}
.url {{ font-family: ui-monospace, monospace; font-size: 5vh; font-weight: bold; }}
</style></head><body>
<h1>Join the workshop</h1>
<p>Join the same Wi-Fi as this screen, then scan the code or type the address.</p>
<main>{"".join(blocks)}</main>
<p>Then choose “Open in your browser” on any notebook page.</p>
</body></html>
"""


def _url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def main(argv: list[str] | None = None) -> int:
    """Serve the folder until Ctrl-C; return the exit status (0 after Ctrl-C, 2 if it cannot start)."""
    sys.dont_write_bytecode = True  # importing segno must not write _serve/segno/__pycache__
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port to serve on (default {DEFAULT_PORT}; 0: any free port)"
    )
    parser.add_argument(
        "--bind", default="0.0.0.0", help="address to listen on (default 0.0.0.0: every network of this computer)"
    )
    parser.add_argument("--local", action="store_true", help="only this computer (127.0.0.1), to try it alone")
    parser.add_argument("--verbose", action="store_true", help="print every request (never written to a file)")
    args = parser.parse_args(argv)
    bind = "127.0.0.1" if args.local else args.bind
    if not 0 <= args.port <= 65535:
        parser.error(f"--port {args.port}: give a number from 1 to 65535, or 0 for any free port")
    try:
        family = socket.AF_INET6 if ipaddress.ip_address(bind).version == 6 else socket.AF_INET
    except ValueError:
        parser.error(f"--bind {bind}: give an address of this computer such as 0.0.0.0, 127.0.0.1 or 192.168.1.20")
    start = time.perf_counter()
    try:
        server = RoomServer((bind, args.port), ROOT, verbose=args.verbose, family=family)
    except OSError as error:
        print(
            f"serve.py: cannot listen on {bind} port {args.port} ({error.strerror or error}). "
            "Another program may be using that port: try --port 8080.",
            file=sys.stderr,
        )
        return 2
    port = server.server_address[1]
    ip = ipaddress.ip_address(bind)
    if ip.is_unspecified:
        hosts = lan_addresses()
    else:
        hosts = [bind]
    server.urls = [_url(h, port) for h in hosts if not ipaddress.ip_address(h).is_loopback]
    local = (
        _url("127.0.0.1" if family == socket.AF_INET else "::1", port)
        if (ip.is_unspecified or ip.is_loopback)
        else _url(bind, port)
    )
    out = sys.stdout
    out.write(f"Serving {ROOT}\n")
    if ip.is_loopback:
        out.write(
            f"Only this computer can open it (--local): {local}\nTo serve the room, run it again without --local.\n"
        )
    elif server.urls:
        out.write("Participants join the same Wi-Fi or hotspot as this computer, then open:\n")
        for url in server.urls:
            out.write(f"\n  {url}\n\n")
            if not terminal_qr(url, out):
                out.write("  (no QR code: the _serve/segno folder is missing)\n")
    else:
        out.write("No network address found: connect this computer to the room's Wi-Fi or hotspot, then start again.\n")
    out.write(f"\nProject this page for the room: {local}{ROOM_PAGE[1:]}\n")
    out.write(f"Started in {time.perf_counter() - start:.2f} s. Press Ctrl-C to stop.\n")
    out.flush()
    try:
        server.serve_forever(poll_interval=0.25)
    except KeyboardInterrupt:
        out.write("\nStopped.\n")
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
