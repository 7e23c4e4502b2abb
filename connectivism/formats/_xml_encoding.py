"""Honouring the encoding an XML file declares: return its bytes as UTF-8, or refuse it.

Part of :mod:`connectivism.formats.graphml_format` (see its docstring: files
should be UTF-8; one that declares another encoding is read in it, and one
whose bytes do not match the declaration is refused with
:class:`~connectivism.errors.EncodingError`, never read garbled).
"""

from __future__ import annotations

import codecs
import re

from connectivism.errors import EncodingError
from connectivism.formats._safety import decode_text

_DECLARATION = re.compile(rb"\s{0,100}<\?xml\s[^>]{0,200}?\bencoding\s*=\s*([\"'])([A-Za-z][A-Za-z0-9._-]{0,39})\1")
_TEXT_DECLARATION = re.compile(_DECLARATION.pattern.decode("ascii"))


def _as_utf8(data: bytes, name: str) -> bytes:
    """Return the document as UTF-8 bytes, honouring the encoding it declares.

    A file that declares no encoding, or UTF-8, must be UTF-8. A file that
    declares another encoding is decoded with it, unless its bytes do not
    match: bytes that are not valid in that encoding, or UTF-8 text with
    accents under another name (which would be read garbled, "SÃ©rgio").
    """
    start = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    declared = _DECLARATION.match(start[:400])
    if declared is None:
        decode_text(data, name)  # GraphML files must be UTF-8; this gives the clear message
        return data
    shown = declared.group(2).decode("ascii")
    save = "save it as UTF-8 (the encoding GraphML tools write) and open it again"
    try:
        codec = codecs.lookup(shown)
    except LookupError:
        raise EncodingError(
            f"The file '{name}' declares the encoding '{shown}', which is not known here: {save}.",
            field="encoding",
            value=shown,
        ) from None
    text = None
    if codec.name in ("utf-8", "utf-8-sig"):
        text = decode_text(data, name)
        if shown.lower() == "utf-8":
            return data
    elif start is data and not codec.name.startswith(("utf-16", "utf-32")):
        try:
            start.decode("utf-8")
            utf8_accents = not start.isascii()
        except UnicodeDecodeError:
            utf8_accents = False
        if not utf8_accents:  # else: UTF-8 with accents, labelled as something else
            try:
                text = start.decode(codec.name)
                text.encode("utf-8")
            except (UnicodeError, LookupError, ValueError):
                text = None
            else:
                if not text.lstrip().startswith("<?xml") or (start.isascii() and not text.isascii()):
                    text = None
    if text is None:
        raise EncodingError(
            f"The file '{name}' declares the encoding '{shown}', but its bytes are not "
            f"{shown} text (they look like UTF-8 or another encoding), so it would be read "
            f"garbled: {save}.",
            field="encoding",
            value=shown,
        )
    found = _TEXT_DECLARATION.match(text)
    if found is None:  # pragma: no cover - the same declaration, decoded
        return text.encode("utf-8")
    return (text[: found.start(2)] + "UTF-8" + text[found.end(2) :]).encode("utf-8")
