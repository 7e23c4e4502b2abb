"""Format versions and the migration hook that upgrades older files.

Every JSON and GraphML file says which format it is in and which version:
``"format": "connectivism-learning-network"`` and ``"format_version": 2``.
Readers first turn a file into a *document*, a plain dict in the JSON layout,
then call :func:`migrate`, which

1. refuses documents that are not learning networks;
2. refuses documents from a newer kit (a higher version than
   :data:`FORMAT_VERSION`), telling the learner to update the kit;
3. upgrades older documents one version at a time with the functions in
   :data:`MIGRATIONS`.

How to change the format
------------------------
When the format has to change, raise :data:`FORMAT_VERSION` by one, change the
writers, and register a function that upgrades a version ``n`` document to
version ``n + 1``::

    def _v1_to_v2(document):
        # version 2 renamed "note" to "notes"
        for node in document["nodes"]:
            node["notes"] = node.pop("note", "")
        return document

    MIGRATIONS[1] = _v1_to_v2

Learners' old files then keep opening, and are saved in the new version.
CSV files carry no version: their columns are the contract, and a new column
would be optional or come with a new template.

A new field of a node, a tie or the metadata is declared once, in its
dataclass in :mod:`connectivism.network` with
:func:`~connectivism.network.record_field`: the document layer, JSON, CSV,
GraphML and :func:`~connectivism.privacy.anonymised` all follow it. A JSON or
GraphML file without the new key reads it as the field's default, so the step
only has to fill in a value when the default is not the right one.

Versions
--------
1
    The first format.
2
    ``metadata`` gains ``learner_id`` (the network's identity: 32 random hex
    digits made with the network, ``null`` in examples and starter files)
    and ``saved_at`` (when the file was written, UTC). A version 1 file is
    upgraded with ``learner_id`` and ``saved_at`` set to ``null``: it never
    had an identity, and none is invented for it (see :func:`_v1_to_v2`).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from connectivism.errors import FileFormatError, NetworkError, SchemaVersionError
from connectivism.notices import excerpt

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "MIGRATIONS", "migrate"]

#: The value of the ``format`` key in every learning-network file.
FORMAT_NAME = "connectivism-learning-network"
#: The format version this kit writes, and the newest it reads.
FORMAT_VERSION = 2


def _v1_to_v2(document: dict[str, Any]) -> dict[str, Any]:
    """Version 1 → 2: the metadata gains ``learner_id`` and ``saved_at``, both unknown.

    Version 1 ignored unknown keys in ``metadata``, so a ``learner_id`` or
    ``saved_at`` found there was never part of the format: it is dropped, and
    a version 1 file never gets an identity.

    Examples
    --------
    >>> _v1_to_v2({"metadata": {"title": "T", "learner_id": "planted"}})["metadata"]
    {'title': 'T', 'learner_id': None, 'saved_at': None}
    """
    metadata = document.get("metadata")
    if isinstance(metadata, dict):
        metadata["learner_id"] = None
        metadata["saved_at"] = None
    return document


#: Upgrade steps: ``MIGRATIONS[n]`` turns a version ``n`` document into version ``n + 1``.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


def migrate(document: dict[str, Any], *, source: str = "network.json") -> dict[str, Any]:
    """Check a document's format and version, and upgrade it to the current version.

    Parameters
    ----------
    document : dict
        A file's content in the JSON layout.
    source : str, optional
        The file's name, for messages.

    Returns
    -------
    dict
        `document` itself if it is already current; otherwise an upgraded
        copy (the original is not changed) whose ``format_version`` is
        :data:`FORMAT_VERSION`.

    Raises
    ------
    FileFormatError
        If ``format`` is missing or is not :data:`FORMAT_NAME`.
    SchemaVersionError
        If ``format_version`` is missing, not a whole number, newer than this
        kit, or older than any version with a migration.

    Notes
    -----
    Migration functions are applied in order, each from version ``n`` to
    ``n + 1``; after each step ``format_version`` is set to ``n + 1``. A step
    may raise a :class:`~connectivism.errors.NetworkError` to explain a problem;
    any other exception is reported as a failed upgrade.

    Examples
    --------
    >>> doc = {"format": FORMAT_NAME, "format_version": 2, "nodes": []}
    >>> migrate(doc) is doc
    True
    >>> migrate({"format": FORMAT_NAME, "format_version": 1, "nodes": []})["format_version"]
    2
    >>> migrate({"format": FORMAT_NAME, "format_version": 99})  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.SchemaVersionError: The file 'network.json' was made by a newer version of
    the kit (format version 99; this kit reads versions up to 2): update the kit (the connectivism
    package) to open it.
    """
    if not isinstance(document, dict):
        raise FileFormatError(
            f"The file '{source}' is not a learning-network file: it must hold one object {{...}} at the top.",
            field="format",
        )
    found = document.get("format")
    if found != FORMAT_NAME:
        said = "has no 'format' entry" if found is None else f"says its format is {excerpt(found)}"
        raise FileFormatError(
            f"The file '{source}' is not a learning-network file: it {said}, and files made "
            f'by the kit say "format": "{FORMAT_NAME}".',
            field="format",
            value=found,
        )
    version = document.get("format_version")
    if version is None:
        raise SchemaVersionError(
            f"The file '{source}' has no format_version: files made by the kit say "
            f'"format_version": {FORMAT_VERSION}.',
            field="format_version",
        )
    if isinstance(version, bool) or not isinstance(version, int):
        raise SchemaVersionError(
            f"The format_version {excerpt(version)} in the file '{source}' is not a whole number: "
            f'files made by this kit say "format_version": {FORMAT_VERSION}.',
            field="format_version",
            value=version,
        )
    if version > FORMAT_VERSION:
        raise SchemaVersionError(
            f"The file '{source}' was made by a newer version of the kit (format version "
            f"{excerpt(version)}; this kit reads versions up to {FORMAT_VERSION}): update the kit "
            "(the connectivism package) to open it.",
            field="format_version",
            value=version,
        )
    if version == FORMAT_VERSION:
        return document
    upgraded = copy.deepcopy(document)
    step = version
    while step < FORMAT_VERSION:
        upgrade = MIGRATIONS.get(step)
        if upgrade is None:
            raise SchemaVersionError(
                f"The file '{source}' uses format version {excerpt(version)}, which this kit cannot "
                f"read or upgrade: it reads version {FORMAT_VERSION}"
                + (f" and upgrades versions {', '.join(map(str, sorted(MIGRATIONS)))}" if MIGRATIONS else "")
                + ".",
                field="format_version",
                value=version,
            )
        try:
            upgraded = upgrade(upgraded)
        except NetworkError:
            raise
        except Exception as error:
            raise SchemaVersionError(
                f"The file '{source}' uses format version {excerpt(version)}, and upgrading it from "
                f"version {step} to {step + 1} failed ({type(error).__name__}: {error}): the "
                "file may be damaged.",
                field="format_version",
                value=version,
            ) from error
        if not isinstance(upgraded, dict):
            raise SchemaVersionError(  # a broken migration, not a broken file
                f"Upgrading '{source}' from format version {step} returned {type(upgraded).__name__}, not a document.",
                field="format_version",
                value=version,
            )
        step += 1
        upgraded["format_version"] = step
    return upgraded
