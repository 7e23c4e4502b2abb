"""Class keys and pseudonyms: who is shown as "Learner 7F3A", and how file names are shown.

Learners, people and submission file names become pseudonyms such as
"Learner 7F3A" and "Person 2B9C", made with HMAC-SHA256 under a per-class
random key (:func:`new_key`). A plain hash of a name could be reversed by
hashing guessed names; a keyed hash cannot without the key, which the
facilitator keeps outside the shared folder and which never goes into the
report. The same key gives the same pseudonyms every time (so next week's
report matches this week's); another key gives unrelated ones.

What a learner's pseudonym is made from (:func:`learner_identity`):

* a network saved by the kit in format version 2 carries a random
  ``learner_id`` made when the network was created: the pseudonym is the
  keyed hash of that id, so it survives renaming the file;
* a file with no id (format version 1, an example or a starter file): the
  keyed hash of the file name, as bytes (:func:`os.fsencode`); no id is
  invented for it.

The raw id never appears in any output.

Used by :mod:`~connectivism.facilitator.submissions` and
:mod:`~connectivism.facilitator.merge`; :mod:`~connectivism.facilitator.classnet`
re-exports the public names.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import unicodedata
from pathlib import Path

from connectivism.errors import ClassKeyError
from connectivism.network import LearningNetwork

__all__ = [
    "KEY_BYTES",
    "new_key",
    "read_key",
    "key_from_text",
    "load_or_create_key",
    "pseudonym",
    "learner_identity",
    "display_name",
]

#: Length of a class key, in bytes.
KEY_BYTES = 32


def new_key() -> bytes:
    """A fresh random class key (:data:`KEY_BYTES` bytes from :mod:`secrets`)."""
    return secrets.token_bytes(KEY_BYTES)


def read_key(path: str | os.PathLike[str]) -> bytes:
    """Read the class key from an existing key file (hex text).

    Raises
    ------
    ClassKeyError
        If ``path`` is a folder or not a regular file, is empty, is not hex
        text, or holds fewer than 16 bytes. The message names the file and
        never quotes its content.
    OSError
        If the file cannot be opened.
    """
    path = Path(path)
    if path.is_dir():
        raise ClassKeyError(
            f"The key file {display_name(os.fsencode(path))} is a folder: give the path "
            "of a key file (it is made if it is missing).",
            field="key_file",
        )
    if not path.is_file():
        raise ClassKeyError(
            f"The key file {display_name(os.fsencode(path))} is not a regular file: give "
            "the path of a key file (it is made if it is missing).",
            field="key_file",
        )
    with open(path, "rb") as handle:
        data = handle.read(4096)
    return key_from_text(data, where=display_name(os.fsencode(path)))


def key_from_text(data: bytes, *, where: str = "the key file") -> bytes:
    """The class key in a key file's content (hex text, as the kit writes it).

    What :func:`read_key` does once the file is read; the browser edition uses
    it for a key file the facilitator uploads.

    Raises
    ------
    ClassKeyError
        If ``data`` is not hex text or holds fewer than 16 bytes. The message
        names ``where`` and never quotes ``data``.

    Examples
    --------
    >>> key_from_text(b"00" * 32 + b"\\n") == bytes(32)
    True
    """
    if len(data) > 4096:
        data = b""  # no key file is that long
    try:
        key = bytes.fromhex(data.decode("ascii").strip())
    except (UnicodeDecodeError, ValueError):
        key = None
    if not key:
        raise ClassKeyError(
            f"The key file {where} does not hold a class key (it must be hex text, "
            "as the kit writes it): give another path to make a new key, or restore "
            "the file from a copy.",
            field="key_file",
        )
    if len(key) < 16:
        raise ClassKeyError(
            f"The key in {where} is too short (a class key is at least 16 bytes): give another path to make a new key.",
            field="key_file",
        )
    return key


def load_or_create_key(path: str | os.PathLike[str]) -> bytes:
    """Read the class key from ``path`` (hex text), creating it if the file is missing.

    A new key file is written readable by its owner only. Keep it outside
    the folder you share with the class, and keep it for the whole course:
    the same key gives the same pseudonyms every week.

    Raises
    ------
    ClassKeyError
        If the file exists but is not a usable key file (see :func:`read_key`).
    """
    path = Path(path)
    if os.path.lexists(path):
        return read_key(path)
    key = new_key()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key.hex() + "\n")
    return key


def _as_bytes(text: str | bytes) -> bytes:
    return text if isinstance(text, bytes) else os.fsencode(text)


def _digest(key: bytes, role: str, text: str | bytes) -> str:
    # str is encoded as UTF-8 (or, for a file name the system gave undecoded, back to its bytes)
    data = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text
    return hmac.new(key, role.encode("ascii") + b"\x00" + data, hashlib.sha256).hexdigest().upper()


def pseudonym(key: bytes, role: str, text: str | bytes, length: int = 4) -> str:
    """A keyed pseudonym such as ``"Learner 7F3A"``: HMAC-SHA256 of ``text`` under ``key``.

    Parameters
    ----------
    key : bytes
        The class key.
    role : str
        "Learner", "Person" or "File": part of the pseudonym and of the hashed text.
    text : str or bytes
        What is pseudonymised (a learner's identity, a file name, a person's name key).
    length : int
        Hex digits shown (longer ones resolve the rare clash).

    Examples
    --------
    >>> pseudonym(b"k" * 32, "Learner", "ana.json") == pseudonym(b"k" * 32, "Learner", b"ana.json")
    True
    >>> pseudonym(b"k" * 32, "Learner", "ana.json") != pseudonym(b"j" * 32, "Learner", "ana.json")
    True
    >>> pseudonym(b"k" * 32, "Person", "x").startswith("Person ")
    True
    """
    return f"{role} {_digest(key, role, text)[:length]}"


def _id_text(learner_id: str) -> bytes:
    """What a learner id is hashed as: starts with a NUL, which no file name has."""
    return b"\x00learner-id\x00" + learner_id.encode("ascii")


def learner_identity(network: LearningNetwork, file_name: str | bytes) -> bytes:
    """What a learner's pseudonym is the keyed hash of: the network's learner id, else the file name.

    A network with a ``learner_id`` (format version 2) is known by it, so its
    pseudonym survives renaming the file; one without (version 1, an example
    or a starter file) by its file name as bytes, as before version 2. The
    two can never be mistaken for each other (the first starts with a NUL
    byte, which no file name has).

    Examples
    --------
    >>> net = LearningNetwork("Ana", learner_id="0123456789abcdef" * 2)
    >>> pseudonym(b"k" * 32, "Learner", learner_identity(net, "ana.json")) == \\
    ...     pseudonym(b"k" * 32, "Learner", learner_identity(net, "renamed.json"))
    True
    >>> learner_identity(net.as_template(), "ana.json")
    b'ana.json'
    """
    learner_id = network.metadata.learner_id
    return _id_text(learner_id) if learner_id is not None else _as_bytes(file_name)


class _Names:
    """Hands out pseudonyms, lengthening one on a clash so that all stay distinct."""

    def __init__(self, key: bytes):
        self.key = key
        self.given: dict[tuple[str, bytes], str] = {}
        self.taken: set[str] = set()

    def __call__(self, role: str, text: str | bytes) -> str:
        raw = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text
        if (role, raw) in self.given:
            return self.given[(role, raw)]
        for length in range(4, 65, 2):
            name = pseudonym(self.key, role, raw, length)
            if name not in self.taken:
                break
        self.taken.add(name)
        self.given[(role, raw)] = name
        return name


_CONTROL = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def display_name(name: str | bytes) -> str:
    """A file name made safe to show: undecodable bytes as ``\\xNN``, control and format characters escaped.

    Terminal escape codes, bidirectional overrides and line breaks in a file
    name are shown as escapes, never acted on.

    Examples
    --------
    >>> display_name(b"jos\\xe9.json")
    'jos\\\\xe9.json'
    >>> display_name("\\x1b[31mred.json")
    '\\\\x1b[31mred.json'
    >>> display_name("\\u202etxt.exe")
    '\\\\u202etxt.exe'
    """
    text = _as_bytes(name).decode("utf-8", "backslashreplace")
    out = []
    for char in text:
        if unicodedata.category(char) in _CONTROL:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(char)
    return "".join(out)
