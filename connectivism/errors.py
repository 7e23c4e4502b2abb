"""Errors raised by learning networks and their files.

Every error the kit raises on purpose derives from :class:`NetworkError`, so a
notebook or widget can catch that one type and show ``str(error)`` to the
learner. Each message names the offending value and says what is accepted.

The errors come in two families:

* **Model errors** (``InvalidNameError``, ``DuplicateNodeError`` ...) are
  raised when an operation on a :class:`~connectivism.network.LearningNetwork`
  breaks a rule. Readers raise the same types when a value inside a file breaks
  a rule; they then prefix the message with the file and the place in it
  (``"ties.csv, row 4, column 'strength': ..."``) and fill in
  :attr:`NetworkError.source` and :attr:`NetworkError.location`.
* **File errors** (:class:`FileFormatError` and its subclasses) are about a
  file as a whole: too large, not UTF-8, not a learning-network file, a format
  version this kit cannot read, or something unsafe.

Most of the types also derive from a built-in exception (``ValueError``, ``TypeError`` or
``LookupError``) so that generic code that catches those keeps working.

Why this module is long: it is the one place every error type of the kit
is defined, so that code and readers find them all together. It is flat: one
short class per kind of error, each with a docstring that says when it is
raised and a runnable example, and nothing else.

Examples
--------
>>> from connectivism.network import LearningNetwork
>>> from connectivism.errors import NetworkError, InvalidStrengthError
>>> net = LearningNetwork("Me")
>>> _ = net.add("Ada", "person")
>>> try:
...     net.connect("Me", "Ada", strength=7)
... except NetworkError as error:
...     print(type(error).__name__)
...     print(error)
InvalidStrengthError
Strength 7 for the tie Me–Ada is outside 1–5: use a whole number from 1 (weak) to 5 (strong).
"""

from __future__ import annotations

__all__ = [
    "NetworkError",
    "InvalidNameError",
    "DuplicateNodeError",
    "UnknownNodeError",
    "InvalidKindError",
    "MeNodeError",
    "InvalidStrengthError",
    "SelfTieError",
    "DuplicateTieError",
    "UnknownTieError",
    "InvalidDateError",
    "InvalidFieldError",
    "LimitExceededError",
    "SelectionTooLargeError",
    "FileFormatError",
    "MalformedFileError",
    "FileTooLargeError",
    "EncodingError",
    "SchemaVersionError",
    "UnsafeFileError",
    "ClassKeyError",
    "ModelParameterError",
    "MeasureArgumentError",
    "MeasureTypeError",
]


class NetworkError(Exception):
    """Base class of every error raised by the learning-network layer.

    Parameters
    ----------
    message : str
        A complete sentence for the learner: it names the offending value and
        says what is accepted.
    field : str, optional
        The field the error is about (``"name"``, ``"kind"``, ``"strength"``,
        ``"since"`` ...), if any.
    value : object, optional
        The offending value, if any.

    Attributes
    ----------
    field : str or None
        The field the error is about.
    value : object
        The offending value (``None`` when there is none).
    source : str or None
        For errors raised while reading a file: the file's name.
    location : str or None
        For errors raised while reading a file: where in the file, such as
        ``"row 4, column 'strength'"`` or ``"nodes[3]"``.

    Notes
    -----
    ``str(error)`` is the message; it is written for a teacher or a learner,
    not for a programmer, so it can be shown as it is.

    Examples
    --------
    >>> error = NetworkError("Something is wrong.", field="kind", value="x")
    >>> str(error), error.field, error.value
    ('Something is wrong.', 'kind', 'x')
    """

    def __init__(self, message: str, *, field: str | None = None, value: object = None):
        super().__init__(message)
        self.field = field
        self.value = value
        self.source: str | None = None
        self.location: str | None = None

    @property
    def message(self) -> str:
        """The message shown to the learner (the same as ``str(error)``).

        Examples
        --------
        >>> NetworkError("Something is wrong.").message
        'Something is wrong.'
        """
        return str(self.args[0]) if self.args else ""

    def __str__(self) -> str:
        return self.message

    def located(self, source: str | None, location: str | None = None) -> NetworkError:
        """Return a copy of this error that says where in a file it happened.

        Parameters
        ----------
        source : str or None
            The file's name, such as ``"ties.csv"``.
        location : str, optional
            The place in the file, such as ``"row 4, column 'strength'"``.

        Returns
        -------
        NetworkError
            An error of the same type whose message starts with the source and
            location. An error that already has a source is returned unchanged.

        Examples
        --------
        >>> error = InvalidStrengthError("Strength 9 is outside 1–5.")
        >>> print(error.located("ties.csv", "row 4, column 'strength'"))
        ties.csv, row 4, column 'strength': Strength 9 is outside 1–5.
        """
        if self.source is not None:
            return self
        prefix = ", ".join(part for part in (source, location) if part)
        new = self.__class__.__new__(self.__class__)
        new.__dict__.update(self.__dict__)
        new.args = (f"{prefix}: {self.message}" if prefix else self.message,)
        new.source = source
        new.location = location
        return new


# --- model errors -------------------------------------------------------------


class InvalidNameError(NetworkError, ValueError):
    """A name is missing, empty, not text, too long or holds control characters.

    Examples
    --------
    >>> from connectivism.network import LearningNetwork
    >>> LearningNetwork("Me").add("   ", "person")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.InvalidNameError: The name '   ' is empty: give every node a name with at
    least one letter, digit or symbol.
    """


class DuplicateNodeError(NetworkError, ValueError):
    """A node with the same name (ignoring case, spacing and Unicode variants) exists.

    Examples
    --------
    >>> from connectivism.network import LearningNetwork
    >>> net = LearningNetwork("Me")
    >>> _ = net.add("Ada Lovelace", "person")
    >>> net.add("ada  LOVELACE", "person")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.DuplicateNodeError: There is already a node called 'Ada Lovelace', and 'ada
    LOVELACE' counts as the same name (names are compared ignoring case, spacing and Unicode
    variants): choose a different name or edit the existing node.
    """


class UnknownNodeError(NetworkError, LookupError):
    """No node has the given name.

    Examples
    --------
    >>> from connectivism.network import LearningNetwork
    >>> LearningNetwork("Me").node("Bob")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.UnknownNodeError: There is no node called 'Bob' in this network: add it as a
    node first, or check the spelling.
    """


class InvalidKindError(NetworkError, ValueError):
    """A kind is missing or is not one of person, community, resource, tool.

    Examples
    --------
    >>> from connectivism.network import LearningNetwork
    >>> LearningNetwork("Me").add("Ada", "persn")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.InvalidKindError: The kind 'persn' for 'Ada' is not a kind of node: use
    person, community, resource or tool.
    """


class MeNodeError(NetworkError, ValueError):
    """A rule about the single "me" node (the learner) was broken.

    Raised for a second "me", for removing "me", for changing the kind of
    "me", and for files with no "me" or more than one.

    Examples
    --------
    >>> from connectivism.network import LearningNetwork
    >>> LearningNetwork("Me").remove("Me")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.MeNodeError: 'Me' is the learner at the centre of this network and cannot be
    removed: rename it instead, or start a new network.
    """


class InvalidStrengthError(NetworkError, ValueError):
    """A tie strength is missing, not a whole number, or outside 1–5.

    Examples
    --------
    >>> from connectivism.network import LearningNetwork
    >>> net = LearningNetwork("Me")
    >>> _ = net.add("Ada", "person")
    >>> net.connect("Me", "Ada", strength=0)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.InvalidStrengthError: Strength 0 for the tie Me–Ada is outside 1–5: use a
    whole number from 1 (weak) to 5 (strong).
    """


class SelfTieError(NetworkError, ValueError):
    """A tie would join a node to itself.

    Examples
    --------
    >>> from connectivism.network import LearningNetwork
    >>> net = LearningNetwork("Me")
    >>> _ = net.add("Ada", "person")
    >>> net.connect("Ada", "ada")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.SelfTieError: 'Ada' and 'ada' are the same node, and it cannot be tied to
    itself: a tie joins two different nodes.
    """


class DuplicateTieError(NetworkError, ValueError):
    """Two nodes are already tied; ties have no direction, so A–B equals B–A.

    Examples
    --------
    >>> from connectivism.network import LearningNetwork
    >>> net = LearningNetwork("Me")
    >>> _ = net.add("Ada", "person")
    >>> _ = net.connect("Me", "Ada")
    >>> net.connect("Ada", "Me")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.DuplicateTieError: 'Ada' and 'Me' are already tied: change the existing tie
    instead of adding another (a tie has no direction, so Ada–Me and Me–Ada are the same tie).
    """


class UnknownTieError(NetworkError, LookupError):
    """Two nodes are not tied, so the tie cannot be edited or removed.

    Examples
    --------
    >>> from connectivism.network import LearningNetwork
    >>> net = LearningNetwork("Me")
    >>> _ = net.add("Ada", "person")
    >>> net.disconnect("Ada", "Me")
    Traceback (most recent call last):
    ...
    connectivism.errors.UnknownTieError: There is no tie between 'Ada' and 'Me': connect them first.
    """


class InvalidDateError(NetworkError, ValueError):
    """A date is not an ISO 8601 calendar date (YYYY-MM-DD) or is impossible.

    Examples
    --------
    >>> from connectivism.network import LearningNetwork
    >>> net = LearningNetwork("Me")
    >>> _ = net.add("Ada", "person")
    >>> net.connect("Me", "Ada", since="1 March 2024")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.InvalidDateError: The since date '1 March 2024' on the tie Me–Ada is not an
    ISO 8601 date: write it as YYYY-MM-DD, for example 2024-03-01.
    """


class InvalidFieldError(NetworkError, ValueError):
    """Any other field value is not accepted, or a field does not exist.

    Used for ``initiated_by``, tags, topics, notes, metadata and unknown field
    names given to ``edit`` or ``edit_tie``.

    Examples
    --------
    >>> from connectivism.network import LearningNetwork
    >>> net = LearningNetwork("Me")
    >>> _ = net.add("Ada", "person")
    >>> net.connect("Me", "Ada", initiated_by="someone")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.InvalidFieldError: 'someone' is not accepted for initiated_by on the tie
    Me–Ada: use me, them, both, or leave it empty.
    """


class LimitExceededError(NetworkError, ValueError):
    """A network would have more nodes, ties or text than the kit allows.

    The limits are :data:`connectivism.network.MAX_NODES`,
    :data:`connectivism.network.MAX_TIES` and
    :data:`connectivism.network.MAX_TEXT_LENGTH` (characters of text in all);
    together they keep every file the kit writes under its file limit.

    Examples
    --------
    >>> from connectivism.network import MAX_NODES, MAX_TEXT_LENGTH, MAX_TIES
    >>> MAX_NODES, MAX_TIES, MAX_TEXT_LENGTH
    (2000, 10000, 500000)
    """


class SelectionTooLargeError(LimitExceededError):
    """Adding the chosen candidates of an import would pass the network's limits.

    Raised by :func:`connectivism.imports.add_candidates` with nothing
    added; it says how many of the chosen candidates fit and how many to
    deselect.

    Parameters
    ----------
    message : str
    limit : {"nodes", "ties", "text"}
        The limit that would be passed.
    fits : int
        How many of the chosen candidates fit (the first ones, in order).
    deselect : int
        How many to deselect so that the rest fit.

    Examples
    --------
    >>> error = SelectionTooLargeError("Too many.", limit="nodes", fits=3, deselect=2)
    >>> error.limit, error.fits, error.deselect
    ('nodes', 3, 2)
    """

    def __init__(self, message: str, *, limit: str, fits: int, deselect: int):
        super().__init__(message, field=limit, value=deselect)
        self.limit = limit
        self.fits = fits
        self.deselect = deselect


# --- file errors --------------------------------------------------------------


class FileFormatError(NetworkError, ValueError):
    """A file cannot be read as a learning network.

    Subclasses say why when the reason is one of the common ones (not
    well-formed JSON or XML: :class:`MalformedFileError`). The base type is
    used for the rest: not a learning-network file, a missing or unexpected
    column or key, a value of the wrong type.

    Examples
    --------
    >>> from connectivism.formats import from_json
    >>> from_json('{"format": "someone-elses-graph"}')  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.FileFormatError: The file 'network.json' is not a learning-network file: it
    says its format is 'someone-elses-graph', and files made by the kit say "format":
    "connectivism-learning-network".
    """


class MalformedFileError(FileFormatError):
    """A file is not well-formed JSON or XML: damaged, cut short, or another kind of file.

    Examples
    --------
    >>> from connectivism.formats import from_json
    >>> from_json('{"format": ')  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.MalformedFileError: The file 'network.json' is not valid JSON (Expecting
    value at line 1, column 12): it may be damaged, or it is another kind of file.
    """


class FileTooLargeError(FileFormatError):
    """A file (or the file a network would make) is over the size limit.

    The limit is :data:`connectivism.formats.MAX_FILE_BYTES`; the check happens
    before the file is read.

    Examples
    --------
    >>> from connectivism.formats import MAX_FILE_BYTES, load
    >>> load(b"{" + b" " * MAX_FILE_BYTES, name="upload.json")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.FileTooLargeError: The file 'upload.json' is 5.0 MB, larger than the 5.0 MB
    limit for learning-network files, so it was not read: check that you picked the right file (a
    learning network is usually a few kilobytes).
    """


class EncodingError(FileFormatError):
    """A file is not UTF-8 text; CSV files from Excel get a hint how to fix it.

    Examples
    --------
    >>> from connectivism.formats import from_csv
    >>> nodes = "name,kind,topic,tags,note\\nRenée,me,,,\\n".encode("cp1252")
    >>> from_csv(nodes, "from,to,strength,since,last_contact,initiated_by\\n")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.EncodingError: The file 'nodes.csv' is not UTF-8 (it looks like
    Windows/cp1252 text). In Excel use File → Save As → 'CSV UTF-8 (Comma delimited)'; in
    LibreOffice tick 'Edit filter settings' and choose the character set 'Unicode (UTF-8)'.
    """


class SchemaVersionError(FileFormatError):
    """A file's ``format_version`` is missing, malformed, too new or too old.

    Examples
    --------
    >>> from connectivism.formats import from_json
    >>> from_json('{"format": "connectivism-learning-network", "format_version": 3}')  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.SchemaVersionError: The file 'network.json' was made by a newer version of
    the kit (format version 3; this kit reads versions up to 2): update the kit (the connectivism
    package) to open it.
    """


class UnsafeFileError(FileFormatError):
    """A file contains something that can be used to attack the reader.

    XML document type declarations and entities (billion laughs, external
    entities), nesting deeper than any learning network needs, and duplicate
    keys in a JSON object. Nothing from such a file is used.

    Examples
    --------
    >>> from connectivism.formats import from_json
    >>> from_json("[" * 100_000)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.UnsafeFileError: The file 'network.json' nests lists or objects more than 20
    levels deep; a learning network needs at most 4, so the file was not read (deep nesting can be
    used to crash the program that reads it).
    """


class ClassKeyError(NetworkError, ValueError):
    """A class key file (the secret behind a class report's pseudonyms) cannot be used.

    Raised for a key file that is a folder, is empty, is not hex text, or
    holds a key that is too short. The message names the file and never
    quotes what is in it.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from connectivism.facilitator.classnet import load_or_create_key
    >>> with tempfile.TemporaryDirectory() as folder:  # doctest: +NORMALIZE_WHITESPACE
    ...     load_or_create_key(folder)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    connectivism.errors.ClassKeyError: The key file ... is a folder: give the path of a key file (it
    is made if it is missing).
    """


# --- simulation models --------------------------------------------------------


class ModelParameterError(NetworkError, ValueError):
    """A parameter given to a simulation model is unknown, of the wrong type or out of range.

    Raised by :mod:`connectivism.models` before a model runs. The message names
    the parameter, the value given and the values accepted; :attr:`field` is
    the parameter's name and :attr:`value` the value given.

    Examples
    --------
    >>> from connectivism.models import SmallWorld
    >>> SmallWorld().run(p=1.5)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.ModelParameterError: p = 1.5 is outside 0–1: p is the chance that each tie
    is rewired into a long tie (a shortcut); use a number from 0 to 1.
    """


# --- measures -----------------------------------------------------------------


class MeasureArgumentError(NetworkError, ValueError):
    """A value given to a measure is out of range or malformed.

    Raised by :mod:`connectivism.measures` (a date that is not ``YYYY-MM-DD``,
    a number of days that is not positive, negative counts, a negative number
    of steps). :attr:`field` names the argument and :attr:`value` holds the
    value given. It is also a :class:`ValueError`, so ``except ValueError``
    keeps working.

    Examples
    --------
    >>> from connectivism.measures import measure_all
    >>> from connectivism.network import LearningNetwork
    >>> measure_all(LearningNetwork("Me"), as_of="1 October")
    Traceback (most recent call last):
    ...
    connectivism.errors.MeasureArgumentError: as_of='1 October' is not a date: write it as YYYY-MM-DD, e.g. 2026-10-01
    """


class MeasureTypeError(NetworkError, TypeError):
    """A measure was given the wrong kind of object (not a network, not a date, not a number).

    Raised by :mod:`connectivism.measures`; :attr:`field` names the argument
    and :attr:`value` holds the object given. It is also a :class:`TypeError`,
    so ``except TypeError`` keeps working.

    Examples
    --------
    >>> from connectivism.measures import reach
    >>> reach({"me": []})  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.MeasureTypeError: expected a LearningNetwork, not dict: load one with
    connectivism.formats.read_json() or connectivism.examples.load_example()
    """
