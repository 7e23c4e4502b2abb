"""Defences shared by every reader and writer: size, encoding, nesting, XML.

A facilitator may open thirty files from strangers, so every reader goes
through these checks before it looks at the content:

* the size is checked *before* a file is read (:data:`MAX_FILE_BYTES`), and at
  most one byte more than the limit is ever read;
* text must be UTF-8 (a byte-order mark is allowed and removed);
* JSON nesting is measured before parsing (:data:`MAX_JSON_DEPTH`), in time
  linear in the size of the text;
* XML is parsed with defusedxml with document type declarations, entities and
  external references forbidden, and nesting is limited (:data:`MAX_XML_DEPTH`).

Writers refuse to make a file the readers would refuse, and replace files
atomically so that a crash never leaves half a file behind.
"""

from __future__ import annotations

import io
import os
import re
import secrets
from pathlib import Path
from typing import IO, Union

from connectivism.errors import (
    EncodingError,
    FileFormatError,
    FileTooLargeError,
    MalformedFileError,
    UnsafeFileError,
)

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_JSON_DEPTH",
    "MAX_XML_DEPTH",
    "Source",
    "read_source",
    "bytes_of",
    "check_output_size",
    "decode_text",
    "check_json_depth",
    "parse_xml",
    "atomic_write",
]

#: Largest file the kit reads or writes: 5 MB (5 × 1024 × 1024 bytes).
MAX_FILE_BYTES = 5 * 1024 * 1024
#: Deepest nesting of lists and objects accepted in a JSON file.
MAX_JSON_DEPTH = 20
#: Deepest nesting of elements accepted in a GraphML file.
MAX_XML_DEPTH = 32

#: What readers accept: a path, the bytes of a file, or a binary file object.
Source = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, IO[bytes]]

_CP1252_HINT = (
    "In Excel use File → Save As → 'CSV UTF-8 (Comma delimited)'; in LibreOffice tick "
    "'Edit filter settings' and choose the character set 'Unicode (UTF-8)'."
)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _check_size(size: int, name: str, *, at_least: bool = False) -> None:
    limit = MAX_FILE_BYTES
    if size > limit:
        amount = f"more than {_mb(limit)}" if at_least else _mb(size)
        raise FileTooLargeError(
            f"The file '{name}' is {amount}, larger than the {_mb(limit)} limit for "
            "learning-network files, so it was not read: check that you picked the right "
            "file (a learning network is usually a few kilobytes).",
            field="size",
            value=size,
        )


def read_source(source: Source, *, name: str) -> tuple[bytes, str]:
    """Return the bytes of a source and the name to use for it in messages.

    Parameters
    ----------
    source : str, os.PathLike, bytes-like or binary file object
        A path is checked with ``os.stat`` before it is opened. A file object
        is read for at most ``MAX_FILE_BYTES + 1`` bytes.
    name : str
        The name used in messages when the source has none (bytes, or a file
        object without a ``name``).

    Returns
    -------
    (bytes, str)

    Raises
    ------
    FileTooLargeError
        If the source is larger than :data:`MAX_FILE_BYTES`.
    OSError
        If a path cannot be read (for example ``FileNotFoundError``).
    TypeError
        If `source` is none of the accepted kinds.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        _check_size(len(data), name)
        return data, name
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        name = path.name or name
        _check_size(path.stat().st_size, name)
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
        _check_size(len(data), name, at_least=True)
        return data, name
    if hasattr(source, "read"):
        own = getattr(source, "name", None)
        if isinstance(own, (str, os.PathLike)) and Path(own).name:
            name = Path(own).name
        data = source.read(MAX_FILE_BYTES + 1)
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogatepass")
        _check_size(len(data), name, at_least=True)
        return bytes(data), name
    raise TypeError(
        "A learning network can be read from a path, from bytes or from a binary file "
        f"object, not from {type(source).__name__}."
    )


def bytes_of(text: str | bytes | bytearray | memoryview, *, name: str) -> bytes:
    """Return in-memory content as bytes (str is encoded as UTF-8), size-checked."""
    if isinstance(text, str):
        data = text.encode("utf-8", "surrogatepass")
    elif isinstance(text, (bytes, bytearray, memoryview)):
        data = bytes(text)
    else:
        raise TypeError(f"Expected text or bytes, not {type(text).__name__}.")
    _check_size(len(data), name)
    return data


def check_output_size(data: bytes, name: str) -> None:
    """Refuse to write a file the readers would refuse."""
    if len(data) > MAX_FILE_BYTES:
        raise FileTooLargeError(
            f"This network would make a file '{name}' of {_mb(len(data))}, larger than the "
            f"{_mb(MAX_FILE_BYTES)} the kit can read back, so it was not written: shorten the "
            "longest notes or split the network into parts.",
            field="size",
            value=len(data),
        )


def decode_text(data: bytes, name: str, *, spreadsheet: bool = False) -> str:
    """Decode UTF-8 (with or without a byte-order mark) or raise a helpful error.

    Parameters
    ----------
    data : bytes
    name : str
        The file's name, for messages.
    spreadsheet : bool, optional
        If true, a file that is not UTF-8 gets a hint on saving it as
        "CSV UTF-8" from Excel or LibreOffice.

    Returns
    -------
    str
        The text, without a byte-order mark.

    Raises
    ------
    EncodingError
        If the data is UTF-16 or not valid UTF-8.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        hint = _CP1252_HINT if spreadsheet else "save it as UTF-8."
        raise EncodingError(f"The file '{name}' is UTF-16 text, not UTF-8: {hint}", field="encoding", value="utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if spreadsheet:
            try:
                data.decode("cp1252")
            except UnicodeDecodeError:
                pass
            else:
                raise EncodingError(
                    f"The file '{name}' is not UTF-8 (it looks like Windows/cp1252 text). {_CP1252_HINT}",
                    field="encoding",
                    value="cp1252",
                ) from None
        bad = data[error.start]
        hint = _CP1252_HINT if spreadsheet else "save it as UTF-8 text."
        raise EncodingError(
            f"The file '{name}' is not valid UTF-8 text (byte 0x{bad:02X} at position "
            f"{error.start} cannot start or continue a character): {hint}",
            field="encoding",
            value=error.start,
        ) from None


# A string, or an unterminated string up to the end of the text. The pattern is
# unambiguous ("unrolled loop") and always matches from a quote, so the regex
# engine never backtracks or retries: removing strings takes time linear in
# the text, whatever it holds (escaped quotes, brackets, no closing quote).
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def check_json_depth(text: str, name: str) -> None:
    """Reject JSON nested deeper than :data:`MAX_JSON_DEPTH` before parsing it.

    Strings are removed first, so brackets inside names and notes do not count.
    Every step takes time linear in the length of the text (a few milliseconds
    per megabyte), whatever the text holds.

    Raises
    ------
    UnsafeFileError
        If lists and objects are nested deeper than the limit.

    Examples
    --------
    >>> check_json_depth('{"a": "[[[[" , "b": [[1]]}', "x.json")
    >>> check_json_depth('{"a":"' + '\\\\"' * 1000, "x.json")  # unterminated: left to the parser
    """
    import numpy as np

    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text)).encode("ascii")
    if len(brackets) <= MAX_JSON_DEPTH:
        return
    codes = np.frombuffer(brackets, dtype=np.uint8)
    steps = np.where((codes == ord("[")) | (codes == ord("{")), 1, -1).astype(np.int32)
    if int(np.cumsum(steps, dtype=np.int32).max()) > MAX_JSON_DEPTH:
        raise UnsafeFileError(
            f"The file '{name}' nests lists or objects more than {MAX_JSON_DEPTH} levels "
            "deep; a learning network needs at most 4, so the file was not read "
            "(deep nesting can be used to crash the program that reads it).",
            field="depth",
            value=MAX_JSON_DEPTH,
        )


def parse_xml(data: bytes, name: str, *, what: str = "GraphML"):
    """Parse XML safely and return the root element.

    Document type declarations (and so entities of any kind) are refused, as
    are external references and nesting deeper than :data:`MAX_XML_DEPTH`.
    `what` names the format expected, for messages (``"GraphML"``, ``"OPML"``).

    Raises
    ------
    UnsafeFileError
        For a DTD, an entity, an external reference, or too deep nesting.
    FileFormatError
        If the data is not well-formed XML.
    """
    import xml.etree.ElementTree as ET

    import defusedxml
    from defusedxml import ElementTree as SafeET

    root = None
    depth = 0
    unsafe = (
        "so the file was not read: learning-network files never need one, and such "
        "declarations can be used to attack the computer that opens a file (entities that "
        "expand to gigabytes, or that pull in other files)."
    )
    try:
        events = SafeET.iterparse(
            io.BytesIO(data),
            events=("start", "end"),
            forbid_dtd=True,
            forbid_entities=True,
            forbid_external=True,
        )
        for event, element in events:
            if event == "start":
                depth += 1
                if root is None:
                    root = element
                if depth > MAX_XML_DEPTH:
                    raise UnsafeFileError(
                        f"The file '{name}' nests XML elements more than {MAX_XML_DEPTH} levels "
                        f"deep; {what} needs far fewer, so the file was not read.",
                        field="depth",
                        value=MAX_XML_DEPTH,
                    )
            else:
                depth -= 1
    except defusedxml.DTDForbidden:
        raise UnsafeFileError(
            f"The file '{name}' contains a document type declaration (<!DOCTYPE ...>), {unsafe}",
            field="dtd",
        ) from None
    except defusedxml.EntitiesForbidden:
        raise UnsafeFileError(
            f"The file '{name}' declares XML entities (<!ENTITY ...>), {unsafe}", field="entity"
        ) from None
    except defusedxml.ExternalReferenceForbidden:
        raise UnsafeFileError(
            f"The file '{name}' refers to an external file or address, {unsafe}",
            field="external",
        ) from None
    except defusedxml.DefusedXmlException as error:  # pragma: no cover - future defusedxml
        raise UnsafeFileError(f"The file '{name}' was refused as unsafe ({error}).") from None
    except ET.ParseError as error:
        raise MalformedFileError(
            f"The file '{name}' is not well-formed XML ({error}): it may be damaged, or not {what} at all.",
            field="xml",
        ) from None
    if root is None:  # pragma: no cover - expat reports "no element found" first
        raise FileFormatError(f"The file '{name}' contains no XML element.")
    return root


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` so that the file is either the old one or the new one.

    The data goes to a temporary file in the same folder, which then replaces
    the target. An existing file keeps its permissions; a new file gets the
    usual ones (as with ``open(path, "wb")``, governed by the umask).
    """
    path = Path(path)
    mode = path.stat().st_mode & 0o7777 if path.exists() else None
    temporary = str(path.parent / f".{path.name}.{secrets.token_hex(8)}.tmp")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
