"""Benchmark: every reader on hostile files of 1 MB and 5 MB, and a 50 MB file (target < 1 s each).

Run from the repository root::

    PYTHONPATH=. python benchmarks/readers.py [--sizes 1,5] [--timeout 120] [--only json]

Builds adversarial inputs of each size in memory (escaped quotes, unterminated
strings, brackets inside strings, deep nesting, thousands of GraphML keys with
defaults, very wide CSV headers and rows, a GraphML file whose bytes do not
match its declared encoding) and times the reader on each, then times a 50 MB
file on disk, which must be refused before it is read. Each case runs in its own
process and is stopped after ``--timeout`` seconds (old, quadratic readers
take hours on 5 MB: give small ``--sizes`` such as ``0.016,0.064`` to measure
them and extrapolate). Prints seconds and seconds per MB of CPU time (the
fairer figure on a shared, busy machine) and what the reader did; makes no
assertion. The package measured is the one Python imports (printed first):
set ``PYTHONPATH`` to the checkout you mean.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import tempfile
import time
from collections.abc import Callable

MB = 1024 * 1024
NODES = b"name,kind,topic,tags,note\n"
TIES = b"from,to,strength,since,last_contact,initiated_by\n"


def _repeat(unit: bytes, size: int, head: bytes = b"", tail: bytes = b"") -> bytes:
    count = max(1, (size - len(head) - len(tail)) // len(unit))
    return head + unit * count + tail


def _json_escaped_quotes(size: int) -> bytes:
    return _repeat(b'\\"', size, head=b'{"a":"')


def _json_unterminated(size: int) -> bytes:
    return _repeat(b"x", size, head=b'{"a":"')


def _json_brackets_in_strings(size: int) -> bytes:
    return _repeat(
        b'"[[{{\\"]]}}",',
        size,
        head=b'{"format":"connectivism-learning-network","format_version":1,"nodes":[',
        tail=b'"x"]}',
    )


def _json_deep(size: int) -> bytes:
    return _repeat(b"[", size)


def _graphml_key_defaults(size: int) -> bytes:
    head, tail = b"<graphml>", b"</graph></graphml>"
    keys = b"".join(
        b'<key id="k%d" for="node" attr.name="a%d"><default>x</default></key>' % (i, i) for i in range(size // 2 // 75)
    )
    room = size - len(head) - len(keys) - len(b"<graph>") - len(tail)
    nodes, used, i = [], 0, 0
    while True:
        node = b'<node id="n%d"/>' % i
        if used + len(node) > room:
            break
        nodes.append(node)
        used, i = used + len(node), i + 1
    return head + keys + b"<graph>" + b"".join(nodes) + tail


def _graphml_mislabelled(size: int) -> bytes:
    return _repeat(
        "<!-- Sérgio -->".encode(),
        size,
        head=b"<?xml version='1.0' encoding='iso-8859-1'?>\n<graphml><graph>",
        tail=b"</graph></graphml>",
    )


def _csv_wide_header(size: int) -> tuple[bytes, bytes]:
    return _repeat(b"a,", size), TIES


def _csv_empty_columns(size: int) -> tuple[bytes, bytes]:
    header = _repeat(b",", size // 2, head=b"name,kind,topic,tags,note", tail=b"\n")
    row = _repeat(b",", size // 2, head=b"Kim,me,,,", tail=b"\n")
    return header + row, TIES


def _csv_wide_rows(size: int) -> tuple[bytes, bytes]:
    return _repeat(b"," * 1000 + b"\n", size, head=NODES + b"Kim,me,,,\n"), TIES


def _cases() -> list[tuple[str, str, Callable[[int], object]]]:
    return [
        ("from_json", "escaped quotes, unterminated", _json_escaped_quotes),
        ("from_json", "unterminated string", _json_unterminated),
        ("from_json", "brackets inside strings", _json_brackets_in_strings),
        ("from_json", "deep nesting", _json_deep),
        ("load", "escaped quotes (JSON upload)", _json_escaped_quotes),
        ("from_graphml", "keys with defaults x nodes", _graphml_key_defaults),
        ("from_graphml", "UTF-8 declared as Latin-1", _graphml_mislabelled),
        ("from_csv", "very wide header", _csv_wide_header),
        ("from_csv", "header + empty columns", _csv_empty_columns),
        ("from_csv", "very wide rows", _csv_wide_rows),
    ]


def _read(reader: str, data) -> str:
    from connectivism import formats
    from connectivism.errors import NetworkError

    try:
        if reader == "from_csv":
            formats.from_csv(*data)
        elif reader == "load":
            formats.load(data, name="upload")
        else:
            getattr(formats, reader)(data)
    except NetworkError as error:
        return f"{type(error).__name__} ({len(str(error))} chars)"
    return "loaded"


def _run(reader: str, make: Callable[[int], object], size: int, queue) -> None:
    data = make(size)
    _read(reader, make(64))  # warm-up: imports
    wall, cpu = time.perf_counter(), time.process_time()
    outcome = _read(reader, data)
    queue.put((time.perf_counter() - wall, time.process_time() - cpu, outcome))


def _run_large(path: str, queue) -> None:
    from connectivism.formats import load

    _read("load", b"{}")  # warm-up: imports
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        load(path)
        outcome = "loaded"
    except Exception as error:  # noqa: BLE001 - report whatever happened
        outcome = type(error).__name__
    queue.put((time.perf_counter() - wall, time.process_time() - cpu, outcome))


def _timed(target, args, timeout: float):
    queue = multiprocessing.Queue()
    process = multiprocessing.Process(target=target, args=(*args, queue))
    process.start()
    process.join(timeout)
    if process.is_alive():
        process.terminate()
        process.join()
        return None
    return queue.get() if not queue.empty() else (float("nan"), float("nan"), "crashed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,5", help="sizes in MB, comma-separated (default 1,5)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a case is stopped")
    parser.add_argument("--only", default="", help="run only readers whose name contains this")
    args = parser.parse_args()
    import connectivism
    from connectivism.formats import MAX_FILE_BYTES

    sizes = [float(s) for s in args.sizes.split(",") if s]
    print(f"package: {os.path.dirname(connectivism.__file__)}; file limit {MAX_FILE_BYTES / MB:.1f} MB")
    print(f"{'reader':<13}{'input':<31}{'MB':>6}{'cpu s':>9}{'s/MB':>9}  outcome")
    for reader, label, make in _cases():
        if args.only not in reader:
            continue
        for mb in sizes:
            size = min(int(mb * MB), MAX_FILE_BYTES)
            result = _timed(_run, (reader, make, size), args.timeout)
            shown = size / MB
            if result is None:
                print(
                    f"{reader:<13}{label:<31}{shown:6.3f}{'>' + str(int(args.timeout)):>9}"
                    f"{'>' + format(args.timeout / shown, '.0f'):>9}  stopped after {args.timeout:.0f} s"
                )
                continue
            _, cpu, outcome = result
            print(f"{reader:<13}{label:<31}{shown:6.3f}{cpu:9.3f}{cpu / shown:9.3f}  {outcome}")
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "huge.json")
        with open(path, "wb") as handle:
            handle.write(b"{" + b" " * (50 * MB - 2) + b"}")
        result = _timed(_run_large, (path,), args.timeout)
        if result is None:
            print(f"{'load':<13}{'50 MB file on disk':<31}{50:6.0f}  stopped after {args.timeout:.0f} s")
        else:
            _, cpu, outcome = result
            print(f"{'load':<13}{'50 MB file on disk':<31}{50:6.0f}{cpu:9.4f}{cpu / 50:9.5f}  {outcome}")


if __name__ == "__main__":
    main()
