"""Reading learners' submissions: each file read safely, or set aside with a typed reason.

:func:`read_folder` reads every file in a folder of learners' exported
networks with the kit's safe readers (:func:`connectivism.formats.load`: size
limit, encodings, schema) and sets aside the ones it cannot use, each with its
reason; one bad file never stops the others. :func:`read_submissions` does the
same for (file name, bytes or path) pairs.

Rejections
----------
A file set aside has a :class:`RejectionKind` decided by the *type* of what
went wrong (the reader's exception type, or what the folder entry is), and
the report shows only that kind and the file's pseudonym: never text from
the file and never an error's message, because a file's author controls
both.

Two files with the same ``learner_id`` are one learner: the latest
``saved_at`` is used and the other is set aside as a
:attr:`RejectionKind.DUPLICATE_LEARNER`. Pseudonyms are handed out in the
order of their keyed hashes, so nothing depends on file names
(:mod:`~connectivism.facilitator.keys`).
"""

from __future__ import annotations

import datetime
import enum
import hashlib
import os
import stat
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from connectivism.errors import (
    EncodingError,
    FileFormatError,
    FileTooLargeError,
    MalformedFileError,
    NetworkError,
    SchemaVersionError,
    UnsafeFileError,
)
from connectivism.facilitator.keys import _as_bytes, _digest, _Names, display_name, learner_identity
from connectivism.formats import MAX_FILE_BYTES, load
from connectivism.network import LearningNetwork, match_key
from connectivism.notices import caught_notices

__all__ = [
    "ACCEPTED_SUFFIXES",
    "RejectionKind",
    "Submission",
    "Rejection",
    "Submissions",
    "read_submissions",
    "read_folder",
    "folder_entries",
]

#: File endings read as learners' networks.
ACCEPTED_SUFFIXES = (".json", ".graphml", ".xml")


class RejectionKind(enum.Enum):
    """Why a file was set aside. Decided by the type of the problem, never by an error's wording.

    The value is a short code (kept in the JSON); :attr:`text` is what the report shows.
    """

    NOT_A_NETWORK_FILE = "not-a-network-file"
    TOO_LARGE = "too-large"
    NOT_UTF8 = "not-utf8"
    UNSAFE = "unsafe"
    UNSUPPORTED_VERSION = "unsupported-version"
    MALFORMED = "malformed"
    BREAKS_RULES = "breaks-rules"
    DUPLICATE_FILE = "duplicate-file"
    DUPLICATE_LEARNER = "duplicate-learner"
    UNREADABLE_NAME = "unreadable-name"
    NOT_A_REGULAR_FILE = "not-a-regular-file"
    LINK = "link"
    HIDDEN = "hidden"
    UNREADABLE = "unreadable"
    NESTED_ZIP = "nested-zip"
    OUTSIDE_PATH = "outside-path"
    DUPLICATE_NAME = "duplicate-name"

    @property
    def text(self) -> str:
        """The reason as the report shows it."""
        return _KIND_TEXT[self]


_KIND_TEXT = {
    RejectionKind.NOT_A_NETWORK_FILE: "not a learning-network file (export it from the kit as .json)",
    RejectionKind.TOO_LARGE: f"too large (over {MAX_FILE_BYTES // (1024 * 1024)} MB)",
    RejectionKind.NOT_UTF8: "not valid UTF-8 text",
    RejectionKind.UNSAFE: "unsafe content (refused by the safe reader)",
    RejectionKind.UNSUPPORTED_VERSION: "made by another version of the kit (unsupported format version)",
    RejectionKind.MALFORMED: "malformed JSON or GraphML (damaged or cut short)",
    RejectionKind.BREAKS_RULES: "the network inside breaks the kit's rules",
    RejectionKind.DUPLICATE_FILE: "duplicate file (identical to another file)",
    RejectionKind.DUPLICATE_LEARNER: "duplicate learner (an older save of a network also sent)",
    RejectionKind.UNREADABLE_NAME: "unreadable file name (not valid UTF-8): rename the file",
    RejectionKind.NOT_A_REGULAR_FILE: "not a regular file (a folder, a pipe or a device)",
    RejectionKind.LINK: "a link, not a file (copy the file itself)",
    RejectionKind.HIDDEN: "a hidden file (its name starts with a dot)",
    RejectionKind.UNREADABLE: "could not be opened or read",
    RejectionKind.NESTED_ZIP: "a zip inside a zip (send its files in the one zip)",
    RejectionKind.OUTSIDE_PATH: "a path in a zip that points outside it (refused)",
    RejectionKind.DUPLICATE_NAME: "a second file of the same name in a zip (only the first is read)",
}


def _kind(error: BaseException) -> RejectionKind:
    """The kind of problem, from the exception's type alone."""
    for types, kind in (
        (_NotRegular, RejectionKind.NOT_A_REGULAR_FILE),
        (FileTooLargeError, RejectionKind.TOO_LARGE),
        (EncodingError, RejectionKind.NOT_UTF8),
        (SchemaVersionError, RejectionKind.UNSUPPORTED_VERSION),
        (UnsafeFileError, RejectionKind.UNSAFE),
        (MalformedFileError, RejectionKind.MALFORMED),
        (FileFormatError, RejectionKind.NOT_A_NETWORK_FILE),
        (NetworkError, RejectionKind.BREAKS_RULES),
    ):
        if isinstance(error, types):
            return kind
    return RejectionKind.UNREADABLE


@dataclass(frozen=True)
class Submission:
    """A learner's accepted network."""

    learner: str  # pseudonym (or the learner's name with keep_names)
    file: str  # pseudonymised file name (or the shown one with keep_names)
    network: LearningNetwork
    #: what the learner's pseudonyms are made from (the learner id or the file name): never shown
    identity: bytes = field(default=b"", repr=False)


@dataclass(frozen=True)
class Rejection:
    """A file (or folder entry) set aside, and the kind of problem."""

    file: str  # pseudonymised file name (or the shown one with keep_names)
    kind: RejectionKind

    @property
    def reason(self) -> str:
        """The kind of problem as the report shows it."""
        return self.kind.text


@dataclass
class Submissions:
    """What :func:`read_submissions` found."""

    accepted: list[Submission]
    rejected: list[Rejection]
    key: bytes = field(repr=False)
    keep_names: bool = False


@dataclass
class _Read:
    raw: bytes  # the file name's bytes
    label: str  # what the report calls the file
    network: LearningNetwork
    digest: str


def _suffix(raw: bytes) -> str:
    """The file's ending if it is one the kit reads (anything else could carry text)."""
    lower = raw.lower()
    return next((s for s in ACCEPTED_SUFFIXES if lower.endswith(s.encode())), "")


def read_submissions(
    files: Iterable[tuple[str | bytes, bytes | Path]],
    *,
    key: bytes,
    keep_names: bool = False,
    skipped: Iterable[tuple[str | bytes, RejectionKind]] = (),
) -> Submissions:
    """Read learners' files, given as (file name, bytes or path) pairs.

    A file is set aside, with a :class:`RejectionKind`, if its name is not
    valid UTF-8, it has another ending than :data:`ACCEPTED_SUFFIXES`, the
    safe reader refuses it, its content is identical to another file's, or
    it is an older save of a network (the same learner id) than another file.
    ``skipped`` lists folder entries already set aside (see :func:`read_folder`).

    Parameters
    ----------
    files : iterable of (name, bytes or path)
        Names as ``str`` or, as the system gives them, ``bytes``.
    key : bytes
        The class key.
    keep_names : bool
        Show real names and file names instead of pseudonyms.
    skipped : iterable of (name, RejectionKind)
        Entries set aside before reading.

    Returns
    -------
    Submissions
        Accepted networks in the order of their pseudonyms (or names, with
        ``keep_names``); rejections in the order of their labels.
    """
    names = _Names(key)

    def label_of(raw: bytes) -> str:
        return display_name(raw) if keep_names else names("File", raw) + _suffix(raw)

    rejected = [Rejection(label_of(_as_bytes(name)), kind) for name, kind in skipped]
    read: list[_Read] = []
    for name, source in files:
        raw = _as_bytes(name)
        label = label_of(raw)
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            rejected.append(Rejection(label, RejectionKind.UNREADABLE_NAME))
            continue
        if not _suffix(raw):
            rejected.append(Rejection(label, RejectionKind.NOT_A_NETWORK_FILE))
            continue
        try:
            data = bytes(source) if isinstance(source, (bytes, bytearray)) else _read_regular(source)
            # a repaired file is read as repaired; its notices quote the file, so they are dropped
            with caught_notices():
                net = load(data, name="submission" + _suffix(raw))
        except Exception as error:  # one bad file never stops the merge; its message is never shown
            rejected.append(Rejection(label, _kind(error)))
            continue
        read.append(_Read(raw, label, net, hashlib.sha256(data).hexdigest()))

    # identical files, then older saves of the same learner's network: the order never depends on file names
    read.sort(key=lambda r: (_digest(key, "File", r.raw), r.digest))
    kept: list[_Read] = []
    seen: set[str] = set()
    for r in read:
        if r.digest in seen:
            rejected.append(Rejection(r.label, RejectionKind.DUPLICATE_FILE))
        else:
            seen.add(r.digest)
            kept.append(r)
    by_id: dict[str, list[_Read]] = defaultdict(list)
    for r in kept:
        if r.network.metadata.learner_id is not None:
            by_id[r.network.metadata.learner_id].append(r)
    oldest = datetime.datetime.min.replace(tzinfo=datetime.timezone.utc)
    for same in by_id.values():
        same.sort(key=lambda r: (r.network.metadata.saved_at or oldest, r.digest), reverse=True)
        for r in same[1:]:
            rejected.append(Rejection(r.label, RejectionKind.DUPLICATE_LEARNER))
            kept.remove(r)

    accepted: list[Submission] = []
    me_names: Counter[str] = Counter()
    identities = [(learner_identity(r.network, r.raw), r) for r in kept]
    # pseudonyms are handed out in the order of their hashes, so a clash never depends on file names
    identities.sort(key=lambda item: _digest(key, "Learner", item[0]))
    for identity, r in identities:
        if keep_names:
            me_names[match_key(r.network.me)] += 1
            count = me_names[match_key(r.network.me)]
            learner = r.network.me if count == 1 else f"{r.network.me} ({count})"
        else:
            learner = names("Learner", identity)
        accepted.append(Submission(learner, r.label, r.network, identity))
    accepted.sort(key=lambda s: (s.learner.casefold(), s.learner))
    rejected.sort(key=lambda r: (r.file.casefold(), r.file, r.kind.value))
    return Submissions(accepted, rejected, key, keep_names)


def _read_regular(path: str | os.PathLike, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read a regular file (up to ``limit`` + 1 bytes) without following a link or blocking on a pipe."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise _NotRegular()
        return handle.read(limit + 1)


class _NotRegular(OSError):
    """The entry changed into something other than a regular file while the folder was read."""


def read_folder(folder: str | os.PathLike[str], *, key: bytes, keep_names: bool = False) -> Submissions:
    """Read every file in ``folder``; every other entry is listed as set aside, with its kind.

    Sub-folders (even one named ``x.json``), links (to files or to folders),
    pipes, devices and hidden files are not read, and each is listed among the
    rejections. Names are taken as the system gives them, as bytes. A zip in
    the folder is not opened here (it is set aside as not a network file); the
    command line opens it with :func:`connectivism.facilitator.archive.read_path`.
    """
    files, skipped = folder_entries(folder)
    return read_submissions(files, key=key, keep_names=keep_names, skipped=skipped)


def folder_entries(
    folder: str | os.PathLike[str],
) -> tuple[list[tuple[bytes, Path]], list[tuple[bytes, RejectionKind]]]:
    """The regular files in ``folder`` (name as bytes, path), and the other entries with their kinds."""
    files: list[tuple[bytes, Path]] = []
    skipped: list[tuple[bytes, RejectionKind]] = []
    with os.scandir(os.fsencode(folder)) as entries:
        for entry in entries:
            name = entry.name
            try:
                if entry.is_symlink():
                    skipped.append((name, RejectionKind.LINK))
                elif name.startswith(b"."):
                    skipped.append((name, RejectionKind.HIDDEN))
                elif entry.is_file(follow_symlinks=False):
                    files.append((name, Path(os.fsdecode(entry.path))))
                else:
                    skipped.append((name, RejectionKind.NOT_A_REGULAR_FILE))
            except OSError:
                skipped.append((name, RejectionKind.UNREADABLE))
    return files, skipped
