"""The checks of a node's, tie's or metadata's field values: each returns what is kept, or raises.

Part of the model, split out of :mod:`connectivism.network`. Each
``_clean_*`` function checks one kind of value completely and raises one of
the :mod:`connectivism.errors` types with a message that names the value and
says what is accepted; the ``_*_cleaner`` adaptors give them the one
signature (:data:`Cleaner`) that :func:`~connectivism.network.record_field`
stores with a field. Nothing here is public: the records in
:mod:`connectivism._fields` and :class:`~connectivism.network.LearningNetwork`
use them.
"""

from __future__ import annotations

import datetime
import numbers
import re
from collections.abc import Callable, Iterable
from typing import Any

from connectivism._limits import (
    INITIATORS,
    KINDS,
    MAX_NOTE_LENGTH,
    MAX_STRENGTH,
    MAX_TAG_LENGTH,
    MAX_TAGS,
    MAX_TITLE_LENGTH,
    MAX_TOPIC_LENGTH,
    MIN_STRENGTH,
)
from connectivism._names import _BIDI_HINT, _bad_character, _bidi_character, _q
from connectivism.errors import (
    InvalidDateError,
    InvalidFieldError,
    InvalidKindError,
    InvalidStrengthError,
)

_LEARNER_ID = re.compile(r"[0-9a-f]{32}")
_ISO_TIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?(?:Z|[+-][0-9]{2}:[0-9]{2})"
)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_KINDS_TEXT = "person, community, resource or tool"
_STRENGTH_HINT = "use a whole number from 1 (weak) to 5 (strong)"
_DATE_HINT = "write it as YYYY-MM-DD, for example 2024-03-01"


def _clean_line(value: object, *, field: str, owner: str, limit: int) -> str:
    """Validate one line of text (topic, title): stripped, spaces collapsed."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidFieldError(
            f"The {field} {_q(value)} {owner} is not text: write it as text, or leave it empty.",
            field=field,
            value=value,
        )
    text = " ".join(value.split())
    bad = _bad_character(text)
    if bad is not None:
        raise InvalidFieldError(
            f"The {field} {_q(text)} {owner} contains an invisible control character (U+{ord(bad):04X}): remove it.",
            field=field,
            value=value,
        )
    bad = _bidi_character(text)
    if bad is not None:
        raise InvalidFieldError(
            f"The {field} {_q(text)} {owner} contains {_BIDI_HINT.format(code=ord(bad))}.",
            field=field,
            value=value,
        )
    if len(text) > limit:
        raise InvalidFieldError(
            f"The {field} {_q(text)} {owner} is {len(text)} characters long: it can be at "
            f"most {limit} characters; put longer text in the note.",
            field=field,
            value=value,
        )
    return text


def _clean_note(value: object, *, owner: str, field: str = "note") -> str:
    """Validate a note (or another free text): line breaks become "\\n"; ends stripped."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidFieldError(
            f"The {field} {owner} is {_q(value)}, which is not text: write it as text, or leave it empty.",
            field=field,
            value=value,
        )
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    bad = _bad_character(text, allow="\n\t")
    if bad is not None:
        raise InvalidFieldError(
            f"The {field} {owner} contains an invisible control character (U+{ord(bad):04X}): "
            "remove it; notes can hold any text, tabs and line breaks.",
            field=field,
            value=value,
        )
    if len(text) > MAX_NOTE_LENGTH:
        raise InvalidFieldError(
            f"The {field} {owner} is {len(text)} characters long: a {field} can be at most "
            f"{MAX_NOTE_LENGTH} characters.",
            field=field,
            value=value,
        )
    return text


def _clean_tags(value: object, *, owner: str) -> tuple[str, ...]:
    """Validate tags: a list of short texts without "|"; duplicates dropped."""
    if value is None:
        return ()
    if isinstance(value, (str, bytes, dict)) or not isinstance(value, Iterable):
        raise InvalidFieldError(
            f"The tags {owner} must be a list of words such as ['mentor', 'ethics'], not {_q(value)}.",
            field="tags",
            value=value,
        )
    tags: list[str] = []
    seen: set[str] = set()
    for raw in value:
        if not isinstance(raw, str):
            raise InvalidFieldError(
                f"The tag {_q(raw)} {owner} is not text: each tag is a short text such as 'mentor'.",
                field="tags",
                value=value,
            )
        tag = _clean_line(raw, field="tag", owner=owner, limit=MAX_TAG_LENGTH)
        if not tag:
            raise InvalidFieldError(
                f"One of the tags {owner} is empty: remove it, or write a word.",
                field="tags",
                value=value,
            )
        if "|" in tag:
            raise InvalidFieldError(
                f"The tag {_q(tag)} {owner} contains '|', which separates tags in files: split it into separate tags.",
                field="tags",
                value=value,
            )
        if tag not in seen:
            seen.add(tag)
            tags.append(tag)
    if len(tags) > MAX_TAGS:
        raise InvalidFieldError(
            f"There are {len(tags)} tags {owner}: a node can have at most {MAX_TAGS} tags.",
            field="tags",
            value=value,
        )
    return tuple(tags)


def _clean_kind(value: object, *, name: str) -> str:
    """Validate a kind; accepts any case and surrounding spaces."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InvalidKindError(
            f"The kind of {_q(name)} is missing: use {_KINDS_TEXT}.",
            field="kind",
            value=value,
        )
    kind = value.strip().lower() if isinstance(value, str) else None
    if kind not in KINDS:
        raise InvalidKindError(
            f"The kind {_q(value)} for {_q(name)} is not a kind of node: use {_KINDS_TEXT}.",
            field="kind",
            value=value,
        )
    return kind


def _clean_strength(value: object, *, tie: str) -> int:
    """Validate a strength: a whole number from 1 to 5."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InvalidStrengthError(
            f"The strength of the tie {tie} is missing: {_STRENGTH_HINT}.",
            field="strength",
            value=value,
        )
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise InvalidStrengthError(
            f"Strength {_q(value)} for the tie {tie} is not a whole number: {_STRENGTH_HINT}.",
            field="strength",
            value=value,
        )
    strength = int(value)
    if not MIN_STRENGTH <= strength <= MAX_STRENGTH:
        raise InvalidStrengthError(
            f"Strength {strength} for the tie {tie} is outside 1–5: {_STRENGTH_HINT}.",
            field="strength",
            value=value,
        )
    return strength


def _clean_date(value: object, *, field: str, owner: str) -> datetime.date | None:
    """Validate a date: a ``datetime.date``, a "YYYY-MM-DD" string, or None/empty."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        raise InvalidDateError(
            f"The {field} date {_q(value)} {owner} includes a time of day: give just the date; {_DATE_HINT}.",
            field=field,
            value=value,
        )
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        raise InvalidDateError(
            f"The {field} date {_q(value)} {owner} is not a date: {_DATE_HINT}, or leave it empty.",
            field=field,
            value=value,
        )
    text = value.strip()
    if not text:
        return None
    if not _ISO_DATE.fullmatch(text):
        raise InvalidDateError(
            f"The {field} date {_q(value)} {owner} is not an ISO 8601 date: {_DATE_HINT}.",
            field=field,
            value=value,
        )
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as error:
        raise InvalidDateError(
            f"The {field} date {_q(value)} {owner} is not a real date ({error}): {_DATE_HINT}.",
            field=field,
            value=value,
        ) from None


def _clean_initiator(value: object, *, tie: str) -> str | None:
    """Validate ``initiated_by``: me, them, both, or None/empty."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip().lower()
        if not text:
            return None
        if text in INITIATORS:
            return text
    raise InvalidFieldError(
        f"{_q(value)} is not accepted for initiated_by on the tie {tie}: use me, them, both, or leave it empty.",
        field="initiated_by",
        value=value,
    )


def _check_fields(fields: dict[str, Any], allowed: tuple[str, ...], *, what: str, extra: str) -> None:
    unknown = [name for name in fields if name not in allowed]
    if unknown:
        raise InvalidFieldError(
            f"{what} have no field {_q(unknown[0])}: you can edit {', '.join(allowed[:-1])} and {allowed[-1]}{extra}.",
            field=unknown[0],
            value=fields[unknown[0]],
        )


def _clean_learner_id(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _LEARNER_ID.fullmatch(value):
        # the value is not quoted: it is an identity field, and a file's author controls it
        raise InvalidFieldError(
            "The learner_id in the metadata is not a learner id made by the kit: it must be "
            "32 hexadecimal digits (0-9, a-f), or be left out.",
            field="learner_id",
        )
    return value


def _clean_saved_at(value: object) -> datetime.datetime | None:
    if value is None:
        return None
    if isinstance(value, str) and _ISO_TIME.fullmatch(value.strip()):
        try:
            value = datetime.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            value = None
    if not isinstance(value, datetime.datetime) or value.tzinfo is None:
        raise InvalidDateError(
            "The saved_at time in the metadata is not a real time in ISO 8601 with a time zone: "
            "write it as YYYY-MM-DDTHH:MM:SSZ, for example 2026-10-01T09:30:00Z, or leave it out.",
            field="saved_at",
        )
    return value.astimezone(datetime.timezone.utc).replace(microsecond=0)


#: ``clean(value, *, field, owner, label) -> value``: checks one value of a field and
#: returns what the record keeps, or raises a NetworkError. `owner` places the value
#: in a message ("for 'Ada'", "on the tie Ada–Bob", "in the metadata"); `label` is the
#: node's name or the tie's "Ada–Bob".
Cleaner = Callable[..., Any]


def _line_cleaner(limit: int) -> Cleaner:
    def clean(value: object, *, field: str, owner: str, label: str) -> str:
        return _clean_line(value, field=field, owner=owner, limit=limit)

    return clean


def _text_cleaner(value: object, *, field: str, owner: str, label: str) -> str:
    return _clean_note(value, owner=owner, field=field)


def _tags_cleaner(value: object, *, field: str, owner: str, label: str) -> tuple[str, ...]:
    return _clean_tags(value, owner=owner)


def _date_cleaner(value: object, *, field: str, owner: str, label: str) -> datetime.date | None:
    return _clean_date(value, field=field, owner=owner)


def _kind_cleaner(value: object, *, field: str, owner: str, label: str) -> str:
    return _clean_kind(value, name=label)


def _strength_cleaner(value: object, *, field: str, owner: str, label: str) -> int:
    return _clean_strength(value, tie=label)


def _initiator_cleaner(value: object, *, field: str, owner: str, label: str) -> str | None:
    return _clean_initiator(value, tie=label)


def _title_cleaner(value: object, *, field: str, owner: str, label: str) -> str:
    return _clean_line(value, field=field, owner="of the network", limit=MAX_TITLE_LENGTH)


def _learner_id_cleaner(value: object, *, field: str, owner: str, label: str) -> str | None:
    return _clean_learner_id(value)


def _saved_at_cleaner(value: object, *, field: str, owner: str, label: str) -> datetime.datetime | None:
    return _clean_saved_at(value)


#: The cleaner a field of each codec gets when it names none.
_DEFAULT_CLEANERS: dict[str, Cleaner] = {
    "line": _line_cleaner(MAX_TOPIC_LENGTH),
    "text": _text_cleaner,
    "tags": _tags_cleaner,
    "date": _date_cleaner,
}
