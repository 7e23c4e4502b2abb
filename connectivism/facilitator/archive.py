"""Zips of learners' submissions, read as untrusted input, in memory; and the two ways files come in.

An LMS hands a facilitator the class's files as one zip. A zip is untrusted
input: a few kilobytes can unpack to gigabytes (a *zip bomb*), a member can be
named ``../../.bashrc`` or be a link, and a zip can hold another zip. So
:func:`read_zip`:

* reads the zip's end record and central directory first and refuses the
  whole zip if it has more than :data:`MAX_ZIP_MEMBERS` members (checked on
  the end record, and the directory's size, before the directory is read), or
  if the network files in it would unpack to more than :data:`MAX_ZIP_BYTES`
  in all;
* sets a member aside, with its :class:`~connectivism.facilitator.submissions.RejectionKind`,
  before unpacking it if its declared size is over the file limit
  (:data:`connectivism.formats.MAX_FILE_BYTES`) or it unpacks to more than
  :data:`MAX_ZIP_RATIO` times its packed size (``UNSAFE``), and never trusts
  the declared sizes alone: it stops reading a member as soon as it passes
  its bound;
* refuses paths outside the zip (absolute, ``..``, a drive letter, a
  backslash, a NUL: ``OUTSIDE_PATH``), links (``LINK``), other special files
  (``NOT_A_REGULAR_FILE``), zips inside the zip (``NESTED_ZIP``), hidden files
  such as macOS's ``__MACOSX/._x.json`` (``HIDDEN``) and a second member of
  the same name (``DUPLICATE_NAME``);
* keeps a name that is not UTF-8 as its bytes, so that
  :func:`~connectivism.facilitator.submissions.read_submissions` sets it
  aside as ``UNREADABLE_NAME``, as it does for a folder.

Nothing is written to disk. One bad member never spoils the others; only a
zip that cannot be read at all (cut short, not a zip) or is over the
whole-zip bounds is refused, with one of the kit's errors.

A member is named ``<zip name>/<path in the zip>``, so an LMS's folder per
learner (``Ana_123/network.json``, ``Ben_456/network.json``) keeps files apart.

The ways in, both ending in :func:`~connectivism.facilitator.submissions.read_submissions`:

* :func:`read_uploads`: (name, bytes) pairs, as a notebook's upload button
  gives them; every ``.zip`` among them is opened with :func:`read_zip`;
* :func:`read_path`: what the command line is given, a folder (a zip in it
  is opened the same way) or a zip file.

The same files and key give the same report by either way.

Examples
--------
>>> import io, zipfile
>>> from connectivism.formats import to_json
>>> from connectivism.network import LearningNetwork
>>> buffer = io.BytesIO()
>>> with zipfile.ZipFile(buffer, "w") as z:
...     z.writestr("ana/network.json", to_json(LearningNetwork("Ana")))
...     z.writestr("../evil.json", "{}")
>>> members = read_zip(buffer.getvalue(), name="class.zip")
>>> [name for name, _ in members.files], [(name, kind.value) for name, kind in members.skipped]
([b'class.zip/ana/network.json'], [(b'class.zip/../evil.json', 'outside-path')])
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from connectivism.errors import FileTooLargeError, MalformedFileError, UnsafeFileError
from connectivism.facilitator.keys import _as_bytes, display_name
from connectivism.facilitator.submissions import (
    RejectionKind,
    Submissions,
    _kind,
    _read_regular,
    _suffix,
    folder_entries,
    read_submissions,
)
from connectivism.formats import MAX_FILE_BYTES

__all__ = ["MAX_ZIP_MEMBERS", "MAX_ZIP_BYTES", "MAX_ZIP_RATIO", "ZipMembers", "read_zip", "read_uploads", "read_path"]

#: Most members (files and folders) in one zip.
MAX_ZIP_MEMBERS = 2_000
#: Largest zip, and most bytes the network files in one zip may unpack to, in all.
MAX_ZIP_BYTES = 100 * 1024 * 1024
#: Most a member may unpack to, as a multiple of its packed size (the kit's files pack about 10 times).
MAX_ZIP_RATIO = 100

#: Most bytes of central directory per member (a member's entry is 46 bytes and its name, usually
#: well under 200): bounds the directory read before any member is, whatever count the zip declares.
_ENTRY_BYTES = 1024
_END_RECORD = b"PK\x05\x06"
_CHUNK = 64 * 1024
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_DRIVE = re.compile(rb"^[A-Za-z]:")


@dataclass
class ZipMembers:
    """What :func:`read_zip` found: members read (name, bytes) and members set aside (name, kind)."""

    files: list[tuple[bytes, bytes]] = field(default_factory=list)
    skipped: list[tuple[bytes, RejectionKind]] = field(default_factory=list)


def _declared_directory(data: bytes) -> tuple[int, int] | None:
    """(members, bytes) of the central directory, as the zip's end record declares them; None if it has none.

    Read from the last end record, as :mod:`zipfile` finds it, before
    :mod:`zipfile` reads the directory into memory. A zip64 zip with more
    members than this record can count says 0xFFFF, over the bound.
    """
    at = data.rfind(_END_RECORD, max(0, len(data) - 22 - 0xFFFF))
    if at < 0 or len(data) - at < 22:
        return None
    return int.from_bytes(data[at + 10 : at + 12], "little"), int.from_bytes(data[at + 12 : at + 16], "little")


def _is_zip_name(name: bytes) -> bool:
    return name.lower().endswith(b".zip")


def _raw_name(info: zipfile.ZipInfo) -> bytes:
    """The member's name as the bytes in the zip (zipfile decodes names without the UTF-8 flag as cp437)."""
    if info.flag_bits & 0x800:
        return info.orig_filename.encode("utf-8", "surrogateescape")
    return info.orig_filename.encode("cp437")


def _outside(raw: bytes) -> bool:
    """Whether a member's path could point outside the zip (or is no usable path at all)."""
    parts = raw.split(b"/")
    return (
        not raw
        or b"\x00" in raw
        or b"\\" in raw
        or raw.startswith(b"/")
        or bool(_DRIVE.match(raw))
        or any(part in (b"..", b".") for part in parts)
    )


def _problem(info: zipfile.ZipInfo, raw: bytes) -> RejectionKind | None:
    """Why a member is set aside before anything is unpacked, from the central directory alone."""
    if _outside(raw):
        return RejectionKind.OUTSIDE_PATH
    mode = info.external_attr >> 16
    if info.create_system == 3 and stat.S_ISLNK(mode):
        return RejectionKind.LINK
    if info.create_system == 3 and stat.S_IFMT(mode) and not stat.S_ISREG(mode):
        return RejectionKind.NOT_A_REGULAR_FILE
    parts = raw.split(b"/")
    if parts[0] == b"__MACOSX" or any(part.startswith(b".") for part in parts):
        return RejectionKind.HIDDEN
    if _is_zip_name(raw):
        return RejectionKind.NESTED_ZIP
    if not _suffix(raw):
        return RejectionKind.NOT_A_NETWORK_FILE  # never unpacked: it could be anything
    if info.file_size > MAX_FILE_BYTES:
        return RejectionKind.TOO_LARGE
    if info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
        return RejectionKind.UNSAFE
    return None


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes | RejectionKind:
    """A member's bytes, read in chunks and stopped as soon as they pass the member's bounds."""
    bound = min(info.file_size, MAX_FILE_BYTES, MAX_ZIP_RATIO * max(info.compress_size, 1))
    out = bytearray()
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                out += chunk
                if len(out) > bound:  # more than it declared: never read on
                    return RejectionKind.TOO_LARGE if len(out) > MAX_FILE_BYTES else RejectionKind.UNSAFE
    except (zipfile.BadZipFile, zlib.error, EOFError):
        return RejectionKind.MALFORMED  # damaged: checksum, header or data
    except (RuntimeError, NotImplementedError, OSError, ValueError):
        return RejectionKind.UNREADABLE  # encrypted, or packed in a way Python cannot unpack
    if bytes(out[:4]) in _ZIP_MAGIC:
        return RejectionKind.NESTED_ZIP
    return bytes(out)


def _too_many(shown: str) -> UnsafeFileError:
    return UnsafeFileError(
        f"The zip {shown} has more than {MAX_ZIP_MEMBERS} files (or a list of files too long for them), "
        "so it was not opened: a class's zip holds one file or a few per learner."
    )


def read_zip(data: bytes, *, name: str | bytes = b"") -> ZipMembers:
    """The network files in a zip, read into memory within bounds; every other member set aside with its kind.

    Parameters
    ----------
    data : bytes
        The zip.
    name : str or bytes
        The zip's file name: members are named ``name/<path in the zip>`` (just the path if empty).

    Returns
    -------
    ZipMembers
        Members read, in the zip's order, and members set aside, each with its kind.
        Folders are not listed.

    Raises
    ------
    MalformedFileError
        If ``data`` is not a zip or is cut short.
    FileTooLargeError
        If the zip is over :data:`MAX_ZIP_BYTES`, or its network files would unpack to more.
    UnsafeFileError
        If the zip has more than :data:`MAX_ZIP_MEMBERS` members.
    """
    shown = display_name(name) if name else "the zip"
    prefix = _as_bytes(name) + b"/" if name else b""
    if len(data) > MAX_ZIP_BYTES:
        raise FileTooLargeError(
            f"The zip {shown} is larger than {MAX_ZIP_BYTES // (1024 * 1024)} MB, so it was not opened: "
            "a class's network files are usually a few megabytes; check that you picked the right file."
        )
    declared = _declared_directory(data)
    if declared is not None and (declared[0] > MAX_ZIP_MEMBERS or declared[1] > MAX_ZIP_MEMBERS * _ENTRY_BYTES):
        raise _too_many(shown)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, EOFError, UnicodeDecodeError, ValueError, OSError):
        raise MalformedFileError(
            f"The file {shown} is not a zip that can be read: it may be cut short (download it again) "
            "or another kind of file."
        ) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_MEMBERS:
            raise _too_many(shown)
        found = ZipMembers()
        to_read: list[tuple[bytes, zipfile.ZipInfo]] = []
        seen: set[bytes] = set()
        for info in infos:
            raw = _raw_name(info)
            if info.is_dir() and not _outside(raw.rstrip(b"/")):
                continue  # a folder holds nothing to read; its files are listed on their own
            problem = _problem(info, raw)
            if problem is None and raw in seen:
                problem = RejectionKind.DUPLICATE_NAME
            seen.add(raw)
            if problem is None:
                to_read.append((raw, info))
            else:
                found.skipped.append((prefix + raw, problem))
        if sum(info.file_size for _, info in to_read) > MAX_ZIP_BYTES:
            raise FileTooLargeError(
                f"The network files in the zip {shown} would unpack to more than "
                f"{MAX_ZIP_BYTES // (1024 * 1024)} MB, so it was not opened: a class's network files are "
                "usually a few megabytes; check that you picked the right file."
            )
        for raw, info in to_read:
            content = _unpack(archive, info)
            if isinstance(content, RejectionKind):
                found.skipped.append((prefix + raw, content))
            else:
                found.files.append((prefix + raw, content))
    return found


def _expand(
    files: Iterable[tuple[str | bytes, bytes | Path]],
) -> tuple[list[tuple[bytes, bytes | Path]], list[tuple[bytes, RejectionKind]]]:
    """Each zip among ``files`` replaced by its members; a zip that cannot be opened set aside with its kind."""
    out: list[tuple[bytes, bytes | Path]] = []
    skipped: list[tuple[bytes, RejectionKind]] = []
    for name, source in files:
        raw = _as_bytes(name)
        if not _is_zip_name(raw):
            out.append((raw, source))
            continue
        try:
            data = bytes(source) if isinstance(source, (bytes, bytearray, memoryview)) else None
            if data is None:
                data = _read_regular(source, MAX_ZIP_BYTES)
            members = read_zip(data, name=raw)
        except Exception as error:  # one bad zip never stops the others; kind by type, message never shown
            skipped.append((raw, _kind(error)))
            continue
        out.extend(members.files)
        skipped.extend(members.skipped)
    return out, skipped


def read_uploads(files: Iterable[tuple[str | bytes, bytes]], *, key: bytes, keep_names: bool = False) -> Submissions:
    """Read uploaded files (name, bytes), opening every zip among them with :func:`read_zip`.

    What a notebook's upload button gives; the same files in a folder give the
    same result with :func:`read_path`.
    """
    found, skipped = _expand(files)
    return read_submissions(found, key=key, keep_names=keep_names, skipped=skipped)


def read_path(path: str | os.PathLike[str], *, key: bytes, keep_names: bool = False) -> Submissions:
    """Read a folder of submissions (a zip in it is opened) or one zip of them.

    Raises
    ------
    MalformedFileError, FileTooLargeError, UnsafeFileError
        If ``path`` is a zip that cannot be opened (see :func:`read_zip`).
    OSError
        If ``path`` cannot be read.
    """
    path = Path(path)
    if path.is_dir():
        files, skipped = folder_entries(path)
        found, more = _expand(files)
        return read_submissions(found, key=key, keep_names=keep_names, skipped=skipped + more)
    data = _read_regular(path, MAX_ZIP_BYTES)
    members = read_zip(data, name=os.fsencode(path.name))
    return read_submissions(members.files, key=key, keep_names=keep_names, skipped=members.skipped)
