"""Run a reader in a child process that is stopped at a time limit (for tests of hostile files).

A reader that is quadratic on some input would hang the test run; run in a
forked child, it fails the test at the limit instead. The child reports the
outcome: ``("loaded", "")``, or the name and message of the error raised.
"""

from __future__ import annotations

import multiprocessing

from connectivism.errors import NetworkError


def _child(reader, data, kwargs, queue) -> None:
    try:
        reader(data, **kwargs)
        queue.put(("loaded", ""))
    except NetworkError as error:
        queue.put((type(error).__name__, str(error)))
    except BaseException as error:  # noqa: BLE001 - the test reports it
        queue.put(("not a NetworkError: " + type(error).__name__, str(error)[:200]))


def within(seconds: float, reader, data: bytes, **kwargs) -> tuple[str, str]:
    """Call ``reader(data, **kwargs)`` in a child; fail if it takes longer than `seconds`."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    process = context.Process(target=_child, args=(reader, data, kwargs, queue))
    process.start()
    try:
        outcome = queue.get(timeout=seconds)
    except Exception:  # queue.Empty: the reader is still working
        outcome = None
    process.join(5)
    if process.is_alive():
        process.kill()
        process.join()
    assert outcome is not None, f"{reader.__name__} took more than {seconds:.0f} s on {len(data)} bytes"
    return outcome
