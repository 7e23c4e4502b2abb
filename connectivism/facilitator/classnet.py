"""The class network: learners' exported networks merged, anonymised and measured together.

:func:`read_folder` reads every file in a folder of learners' exported
networks with the kit's safe readers (:func:`connectivism.formats.load`: size
limit, encodings, schema) and sets aside the ones it cannot use, each with its
reason; one bad file never stops the others. :func:`merge` then builds one
class network from the accepted ones.

Merging
-------
* Every learner's "me" node becomes one **learner** node.
* Communities, resources and tools named by several learners become **one
  node**: names are matched with :func:`connectivism.network.match_key`
  (case, spacing, Unicode forms and accents folded), the most common spelling
  is shown (ties: the first in alphabetical order), and so is the most common
  kind and topic. Each merged node records which learners named it.
* **People are not merged across learners** by name: two learners' "Ana" may
  well be two different people. Only with ``keep_names=True`` are people (and
  learners) with the same name treated as one person.
* A tie named by several learners is kept once, with its strongest strength
  and the number of learners who recorded it.

Anonymity (the default)
-----------------------
Learners, people and submission file names become pseudonyms such as
"Learner 7F3A" and "Person 2B9C", made with HMAC-SHA256 under a per-class
random key (:func:`new_key`). A plain hash of a name could be reversed by
hashing guessed names; a keyed hash cannot without the key, which the
facilitator keeps outside the shared folder and which never goes into the
report. The same key gives the same pseudonyms every time (so next week's
report matches this week's); another key gives unrelated ones. Notes and
tags are dropped; topics are kept.

What a learner's pseudonym is made from:

* a network saved by the kit in format version 2 carries a random
  ``learner_id`` made when the network was created: the pseudonym is the
  keyed hash of that id, so it survives renaming the file, and two files
  with the same id are one learner (the latest ``saved_at`` is used; the
  other is set aside as a :attr:`RejectionKind.DUPLICATE_LEARNER`);
* a file with no id (format version 1, an example or a starter file): the
  keyed hash of the file name, as bytes (:func:`os.fsencode`); no id is
  invented for it.

The raw id never appears in any output. Every list in the outputs is in
the order of pseudonyms or of a measure, never of file names.

Rejections
----------
A file set aside has a :class:`RejectionKind` decided by the *type* of what
went wrong (the reader's exception type, or what the folder entry is), and
the report shows only that kind and the file's pseudonym: never text from
the file and never an error's message, because a file's author controls
both.

Examples
--------
>>> from connectivism.network import LearningNetwork
>>> from connectivism.formats import to_json
>>> a = LearningNetwork("Ana"); _ = a.add("Open Ed Weekly", "resource")
>>> _ = a.connect("Ana", "Open Ed Weekly", strength=3)
>>> b = LearningNetwork("Ben"); _ = b.add("open  ed WEEKLY", "resource"); _ = b.add("Cy", "person")
>>> _ = b.connect("Ben", "open  ed WEEKLY", strength=5); _ = b.connect("Ben", "Cy", strength=2)
>>> files = [("ana.json", to_json(a).encode()), ("ben.json", to_json(b).encode()), ("x.json", b"{oops")]
>>> cls = merge(read_submissions(files, key=b"k" * 32), as_of="2026-10-01")
>>> [n for n, d in cls.graph.nodes(data=True) if d["kind"] == "resource"]
['Open Ed Weekly']
>>> cls.graph.nodes["Open Ed Weekly"]["count"], len(cls.learners), len(cls.rejected)
(2, 2, 1)
>>> cls.rejected[0].kind, cls.rejected[0].reason
(<RejectionKind.MALFORMED: 'malformed'>, 'malformed JSON or GraphML (damaged or cut short)')
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import hashlib
import hmac
import math
import os
import secrets
import stat
import statistics
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

import networkx as nx

from connectivism.errors import (
    ClassKeyError,
    EncodingError,
    FileFormatError,
    FileTooLargeError,
    MalformedFileError,
    NetworkError,
    SchemaVersionError,
    UnsafeFileError,
)
from connectivism.formats import MAX_FILE_BYTES, load
from connectivism.formats._safety import atomic_write
from connectivism.measures import downes_profile
from connectivism.measures.diversity import blau_index, shannon_entropy
from connectivism.network import OTHER_KINDS, LearningNetwork, match_key
from connectivism.notices import caught_notices

__all__ = [
    "KEY_BYTES",
    "ACCEPTED_SUFFIXES",
    "MERGED_KINDS",
    "OUTPUT_NAMES",
    "RejectionKind",
    "Submission",
    "Rejection",
    "Submissions",
    "LearnerContribution",
    "ClassNetwork",
    "new_key",
    "read_key",
    "load_or_create_key",
    "pseudonym",
    "learner_identity",
    "display_name",
    "read_submissions",
    "read_folder",
    "merge",
    "class_document",
    "class_graphml",
    "check_out_dir",
    "write_outputs",
]

#: Length of a class key, in bytes.
KEY_BYTES = 32
#: File endings read as learners' networks.
ACCEPTED_SUFFIXES = (".json", ".graphml", ".xml")
#: Kinds merged across learners by name.
MERGED_KINDS = ("community", "resource", "tool")
#: Above this many nodes in the class core, betweenness is estimated from this many sampled sources.
BETWEENNESS_SAMPLE = 120
#: Kind given to learner nodes in the class network.
LEARNER_KIND = "learner"
#: The files :func:`write_outputs` writes, by kind.
OUTPUT_NAMES = {"json": "class-network.json", "graphml": "class-network.graphml", "html": "class-network.html"}


# --- keys and pseudonyms ---------------------------------------------------------


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
    where = display_name(os.fsencode(path))
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


# --- reading submissions ---------------------------------------------------------


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


def _read_regular(path: str | os.PathLike) -> bytes:
    """Read a regular file without following a link and without blocking on a pipe."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise _NotRegular()
        return handle.read(MAX_FILE_BYTES + 1)


class _NotRegular(OSError):
    """The entry changed into something other than a regular file while the folder was read."""


def read_folder(folder: str | os.PathLike[str], *, key: bytes, keep_names: bool = False) -> Submissions:
    """Read every file in ``folder``; every other entry is listed as set aside, with its kind.

    Sub-folders (even one named ``x.json``), links (to files or to folders),
    pipes, devices and hidden files are not read, and each is listed among the
    rejections. Names are taken as the system gives them, as bytes.
    """
    files: list[tuple[bytes, bytes | Path]] = []
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
    found = read_submissions(files, key=key, keep_names=keep_names, skipped=skipped)
    return found


# --- merging ---------------------------------------------------------------------


@dataclass(frozen=True)
class LearnerContribution:
    """What one learner brought to the class network."""

    learner: str
    nodes: int  # nodes other than "me"
    shared: int  # of which named by two or more learners
    unique: int  # of which named by this learner alone
    ties: int


@dataclass
class ClassNetwork:
    """The merged class network and what was measured on it.

    ``graph`` holds every node with ``kind`` (learner, person, community,
    resource, tool), ``topic``, ``named_by`` (learners, sorted) and ``count``;
    every tie with ``strength`` (the strongest recorded) and ``learners``.
    """

    graph: nx.Graph
    learners: list[LearnerContribution]
    rejected: list[Rejection]
    keep_names: bool
    as_of: datetime.date
    shared: list[tuple[str, int]] = field(default_factory=list)
    communities: list[list[str]] = field(default_factory=list)
    brokers: list[tuple[str, float]] = field(default_factory=list)
    core: nx.Graph = field(default_factory=nx.Graph)
    diversity: dict = field(default_factory=dict)
    downes: dict = field(default_factory=dict)
    betweenness: dict = field(default_factory=dict)

    @property
    def anonymised(self) -> bool:
        """Whether the learners are shown by pseudonym (the default) rather than by name."""
        return not self.keep_names


def _most_common(values: list[str]) -> str:
    if len(values) == 1:
        return values[0]
    counts = Counter(v for v in values if v)
    if not counts:
        return ""
    best = max(counts.values())
    # among equally common spellings prefer mixed case ("Local library" over "LOCAL LIBRARY")
    return min((v for v, c in counts.items() if c == best), key=lambda v: (v.isupper() or v.islower(), v.casefold(), v))


def _entropy(counts: Counter, categories: int) -> dict:
    values = [c for c in counts.values() if c]
    total = sum(values)
    entropy = shannon_entropy(values) if values else 0.0
    possible = math.log2(min(categories, total)) if total and min(categories, total) > 1 else 0.0
    return {
        "entropy": round(entropy, 3),
        "blau": round(blau_index(values) if values else 0.0, 3),
        "normalised": round(entropy / possible, 3) if possible else 0.0,
        "counts": dict(counts.most_common()),
    }


def merge(found: Submissions, *, as_of: datetime.date | str, seed: int = 7) -> ClassNetwork:
    """Merge accepted submissions into one class network and measure it.

    Parameters
    ----------
    found : Submissions
        From :func:`read_submissions` or :func:`read_folder`.
    as_of : date or "YYYY-MM-DD"
        The date the Downes profiles are measured at.
    seed : int
        Seed of the community detection (the same input gives the same result).
    """
    if isinstance(as_of, str):
        as_of = datetime.date.fromisoformat(as_of)
    names = _Names(found.key)
    keep = found.keep_names

    def person_text(sub: Submission) -> bytes:
        # a person is pseudonymised within their learner: by the learner id (survives renaming), or,
        # for a file without one, by the file's pseudonym as before (the pseudonyms of a class that
        # has not re-exported stay the same)
        if sub.identity.startswith(b"\x00"):
            return sub.identity + b"\x00"
        return sub.file.encode("utf-8") + b"\x00"

    keys: dict[str, str] = {}

    def mkey(name: str) -> str:
        if name not in keys:
            keys[name] = match_key(name)
        return keys[name]

    # key of a merged node -> its id in the graph; spellings, kinds, topics, learners
    spellings: dict[tuple, list[str]] = defaultdict(list)
    kinds: dict[tuple, list[str]] = defaultdict(list)
    topics: dict[tuple, list[str]] = defaultdict(list)
    named_by: dict[tuple, set[str]] = defaultdict(set)
    ties: dict[frozenset, list] = {}
    per_learner: list[tuple[str, list[tuple], int]] = []
    for sub in found.accepted:
        net = sub.network
        lkey = ("people", mkey(sub.learner)) if keep else ("learner", sub.learner)
        spellings[lkey].append(sub.learner)
        kinds[lkey].append(LEARNER_KIND)
        me_node = net.node(net.me)
        topics[lkey].append(me_node.topic or "")
        named_by[lkey].add(sub.learner)
        local: dict[str, tuple] = {net.me: lkey}
        mine: list[tuple] = []
        for node in net.nodes:
            if node.kind == "me":
                continue
            if node.kind == "person":
                if keep:
                    key = ("people", mkey(node.name))
                    spellings[key].append(node.name)
                else:
                    key = ("person", sub.learner, mkey(node.name))
                    spellings[key].append(names("Person", person_text(sub) + mkey(node.name).encode("utf-8")))
            else:
                key = ("shared", mkey(node.name))
                spellings[key].append(node.name)
            kinds[key].append(node.kind)
            topics[key].append(node.topic or "")
            named_by[key].add(sub.learner)
            local[node.name] = key
            mine.append(key)
        for tie in net.ties:
            a, b = local[tie.a], local[tie.b]
            if a == b:
                continue
            pair = frozenset((a, b))
            entry = ties.setdefault(pair, [0, set()])
            entry[0] = max(entry[0], tie.strength)
            entry[1].add(sub.learner)
        per_learner.append((sub.learner, mine, len(net.ties)))

    # ids: the shown spelling, made unique
    graph = nx.Graph(title="Class network", anonymised=not keep, as_of=as_of.isoformat())
    ids: dict[tuple, str] = {}
    used: set[str] = set()
    order = sorted(
        spellings,
        key=lambda k: (
            LEARNER_KIND not in kinds[k],
            -len(named_by[k]),
            _most_common(spellings[k]).casefold(),
            _most_common(spellings[k]),
        ),
    )
    for key in order:
        label = _most_common(spellings[key])
        kind = LEARNER_KIND if LEARNER_KIND in kinds[key] else _most_common(kinds[key])
        node_id, n = label, 1
        while node_id in used:
            n += 1
            node_id = f"{label} ({n})"
        used.add(node_id)
        ids[key] = node_id
        graph.add_node(
            node_id,
            kind=kind,
            topic=_most_common(topics[key]),
            named_by=sorted(named_by[key]),
            count=len(named_by[key]),
        )
    position = {node_id: i for i, node_id in enumerate(graph)}
    edges = []
    for pair, (strength, who) in ties.items():
        a, b = sorted((ids[k] for k in pair), key=position.__getitem__)
        edges.append((a, b, strength, len(who)))
    # ties in the order of the nodes (learners by pseudonym, then by measure), never by file
    for a, b, strength, n in sorted(edges, key=lambda e: (position[e[0]], position[e[1]])):
        graph.add_edge(a, b, strength=strength, learners=n)

    counts = {ids[k]: len(v) for k, v in named_by.items()}
    learners = []
    for learner, mine, n_ties in per_learner:
        shared = sum(1 for k in mine if counts[ids[k]] > 1)
        learners.append(LearnerContribution(learner, len(mine), shared, len(mine) - shared, n_ties))
    learners.sort(key=lambda c: (c.learner.casefold(), c.learner))

    rejected = sorted(found.rejected, key=lambda r: (r.file.casefold(), r.file, r.kind.value))
    result = ClassNetwork(graph=graph, learners=learners, rejected=rejected, keep_names=keep, as_of=as_of)
    result.shared = sorted(
        ((n, d["count"]) for n, d in graph.nodes(data=True) if d["kind"] in MERGED_KINDS),
        key=lambda t: (-t[1], t[0].casefold()),
    )
    _measure(result, found, seed)
    return result


def _induced(graph: nx.Graph, nodes: Iterable[str]) -> nx.Graph:
    """The subgraph on ``nodes``, in ``graph``'s order.

    networkx's subgraph views follow set order, which changes from one run to the next.
    """
    keep = set(nodes)
    out = nx.Graph(**graph.graph)
    out.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if n in keep)
    out.add_edges_from((a, b, d) for a, b, d in graph.edges(data=True) if a in keep and b in keep)
    return out


def _measure(result: ClassNetwork, found: Submissions, seed: int) -> None:
    graph = result.graph
    # the class core: learners and everything two or more learners named
    core = _induced(graph, [n for n, d in graph.nodes(data=True) if d["kind"] == LEARNER_KIND or d["count"] > 1])
    result.core = core
    if core.number_of_edges():
        communities = nx.community.louvain_communities(core, weight="strength", seed=seed)
        # exact up to BETWEENNESS_SAMPLE nodes, estimated from that many sources above it
        sample = None if len(core) <= BETWEENNESS_SAMPLE else BETWEENNESS_SAMPLE
        between = nx.betweenness_centrality(core, k=sample, normalized=True, seed=seed)
    else:
        communities, between = [{n} for n in core], {n: 0.0 for n in core}
    result.communities = sorted(
        (sorted(c, key=lambda n: (-graph.nodes[n]["count"], n.casefold())) for c in communities if len(c) > 1),
        key=lambda c: (-len(c), c[0].casefold()),
    )
    result.betweenness = between
    result.brokers = sorted(
        ((n, round(b, 4)) for n, b in between.items() if b > 0), key=lambda t: (-t[1], t[0].casefold())
    )[:5]
    others = [d for _, d in graph.nodes(data=True) if d["kind"] in OTHER_KINDS]
    result.diversity = {
        "kinds": _entropy(Counter(d["kind"] for d in others), len(OTHER_KINDS)),
        "topics": _entropy(
            Counter(d["topic"] for d in others if d["topic"]), len({d["topic"] for d in others if d["topic"]})
        ),
    }
    profiles = [downes_profile(sub.network, result.as_of) for sub in found.accepted]
    summary = {}
    for prop in ("diversity", "autonomy", "openness", "connectivity"):
        values = [getattr(p, prop) for p in profiles if getattr(p, prop) is not None]
        summary[prop] = {
            "mean": round(statistics.fmean(values), 3) if values else None,
            "min": round(min(values), 3) if values else None,
            "max": round(max(values), 3) if values else None,
            "learners": len(values),
        }
    result.downes = summary


# --- outputs -----------------------------------------------------------------------


def class_document(cls: ClassNetwork) -> dict:
    """The class network as a JSON-ready dict (format ``connectivism-class-network``, version 2).

    Every list is in the order of pseudonyms or of a measure. A rejection is
    the file's pseudonym, the kind's code and its text, nothing else.
    """
    graph = cls.graph
    return {
        "format": "connectivism-class-network",
        "format_version": 2,
        "anonymised": cls.anonymised,
        "as_of": cls.as_of.isoformat(),
        "nodes": [
            {"id": n, "kind": d["kind"], "topic": d["topic"], "named_by": d["named_by"], "count": d["count"]}
            for n, d in graph.nodes(data=True)
        ],
        "ties": [
            {"a": a, "b": b, "strength": d["strength"], "learners": d["learners"]} for a, b, d in graph.edges(data=True)
        ],
        "learners": [dataclasses.asdict(c) for c in cls.learners],
        "rejected": [{"file": r.file, "kind": r.kind.value, "reason": r.reason} for r in cls.rejected],
        "shared": [{"id": n, "learners": c} for n, c in cls.shared],
        "communities": cls.communities,
        "brokers": [{"id": n, "betweenness": b} for n, b in cls.brokers],
        "diversity": cls.diversity,
        "downes": cls.downes,
    }


def _x(text: object) -> str:
    return xml_escape(str(text), {'"': "&quot;"})


def class_graphml(cls: ClassNetwork) -> str:
    """The class network as GraphML (Gephi, yEd, Cytoscape): node ids n0, n1 … with a label."""
    graph = cls.graph
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        '<key id="label" for="node" attr.name="label" attr.type="string"/>',
        '<key id="kind" for="node" attr.name="kind" attr.type="string"/>',
        '<key id="topic" for="node" attr.name="topic" attr.type="string"/>',
        '<key id="count" for="node" attr.name="count" attr.type="int"/>',
        '<key id="named_by" for="node" attr.name="named_by" attr.type="string"/>',
        '<key id="strength" for="edge" attr.name="strength" attr.type="int"/>',
        '<key id="learners" for="edge" attr.name="learners" attr.type="int"/>',
        '<graph id="class-network" edgedefault="undirected">',
    ]
    ids = {}
    for i, (n, d) in enumerate(graph.nodes(data=True)):
        ids[n] = f"n{i}"
        lines.append(
            f'<node id="n{i}"><data key="label">{_x(n)}</data><data key="kind">{_x(d["kind"])}</data>'
            f'<data key="topic">{_x(d["topic"])}</data><data key="count">{int(d["count"])}</data>'
            f'<data key="named_by">{_x("; ".join(d["named_by"]))}</data></node>'
        )
    for a, b, d in graph.edges(data=True):
        lines.append(
            f'<edge source="{ids[a]}" target="{ids[b]}"><data key="strength">{int(d["strength"])}</data>'
            f'<data key="learners">{int(d["learners"])}</data></edge>'
        )
    lines += ["</graph>", "</graphml>", ""]
    return "\n".join(lines)


def check_out_dir(out_dir: str | os.PathLike[str], folder: str | os.PathLike[str] | None = None) -> Path:
    """Check that ``out_dir`` can take the report: a folder or nothing yet, and not the submissions.

    Raises
    ------
    FileExistsError
        If ``out_dir`` exists and is not a folder.
    ValueError
        If ``out_dir`` is ``folder`` or inside it (the report would be read as a submission).
    """
    out = Path(out_dir)
    if os.path.lexists(out) and not out.is_dir():
        raise FileExistsError(f"{display_name(os.fsencode(out))} exists and is not a folder")
    if folder is not None and out.resolve().is_relative_to(Path(folder).resolve()):
        raise ValueError("the report cannot go into the submissions folder or a folder inside it")
    return out


def write_outputs(
    cls: ClassNetwork,
    out_dir: str | os.PathLike[str],
    *,
    html: str | None = None,
    folder: str | os.PathLike[str] | None = None,
) -> dict[str, Path]:
    """Write class-network.json, class-network.graphml (and .html if given) into ``out_dir``.

    Each file is written whole to a temporary file in ``out_dir`` that then
    replaces the old one (:func:`connectivism.formats._safety.atomic_write`):
    a write cut off part-way leaves the previous report intact, and a link
    placed where a report goes is replaced, never followed.

    Parameters
    ----------
    cls : ClassNetwork
    out_dir : path
        The folder to write into (made if missing).
    html : str, optional
        The HTML report (:func:`connectivism.facilitator.report.report_html`).
    folder : path, optional
        The submissions folder: ``out_dir`` may not be it or inside it.

    Raises
    ------
    FileExistsError, ValueError
        See :func:`check_out_dir`; nothing is written.
    OSError
        If a file cannot be written; files already written are whole.
    """
    import json

    out = check_out_dir(out_dir, folder)
    out.mkdir(parents=True, exist_ok=True)
    texts = {
        "json": json.dumps(class_document(cls), ensure_ascii=False, separators=(",", ":")),
        "graphml": class_graphml(cls),
    }
    if html is not None:
        texts["html"] = html
    paths = {}
    for kind, text in texts.items():
        paths[kind] = out / OUTPUT_NAMES[kind]
        atomic_write(paths[kind], text.encode("utf-8"))
    return paths
