"""Canonical JSON and UTC timestamps: the exact bytes that packages hash and sign.

Canonical means: keys sorted, no insignificant spaces, UTF-8 (letters written as
themselves, not escaped), every string (keys and values) in Unicode NFC, no NaN or
infinity. Two writers that follow
these rules produce the same bytes for the same data, which keeps hashes reproducible
and lets another implementation check our files byte for byte.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z")


def _text(value: str) -> str:
    # Most text is ASCII or already NFC: checking is much cheaper than normalizing.
    if value.isascii() or unicodedata.is_normalized("NFC", value):
        return value
    return unicodedata.normalize("NFC", value)


def normalized(value: Any) -> Any:
    """`value` with every string NFC-normalized and dates written as ISO text.

    Accepted: None, bool, int, float (finite), str, date, datetime, lists/tuples and
    mappings with string keys. Anything else is a programming error (TypeError): the
    services decide how their values look before they reach a package.
    """
    kind = type(value)
    # Exact types first: this runs for every value of every record.
    if kind is str:
        return _text(value)
    if value is None or kind is int or kind is bool or kind is float:
        return value
    if kind is dict or isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if type(key) is not str:
                raise TypeError(f"JSON object keys must be text, not {type(key).__name__}")
            out[_text(key)] = normalized(item)
        return out
    if kind is list or kind is tuple:
        return [normalized(item) for item in value]
    if isinstance(value, str):
        return _text(str(value))
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, datetime):
        return format_timestamp(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [normalized(item) for item in value]
    raise TypeError(f"{type(value).__name__} cannot go into a package")


def _plain(value: Any) -> Any:
    """JSON's fallback for the few non-JSON types `normalized` accepts."""
    if isinstance(value, datetime):
        return format_timestamp(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"{type(value).__name__} cannot go into a package")


def _dumps(value: Any) -> str:
    return json.dumps(
        value,
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
        allow_nan=False,
        default=_plain,
    )


def canonical_bytes(value: Any) -> bytes:
    """The canonical JSON bytes of `value` (see the module docstring).

    Fast path: serialize as is and check the whole text is NFC (one C call). JSON's
    punctuation never composes with a neighbouring character, so an NFC text means NFC
    strings. Only text that is not NFC pays for the value-by-value normalization.
    """
    text = _dumps(value)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = _dumps(normalized(value))
    return text.encode("utf-8")


def refuse_constant(text: str) -> Any:
    """`json.loads`'s `parse_constant`: NaN and Infinity are not JSON, so not accepted."""
    raise ValueError(f"{text} is not JSON")


def format_timestamp(moment: datetime) -> str:
    """`moment` as UTC text, e.g. 2026-12-06T04:41:38.120000Z (naive means UTC already).

    The database keeps naive UTC times (`partydesk.db.base.utcnow`); aware times are
    converted. Microseconds are written only when there are any.
    """
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    text = moment.isoformat(timespec="microseconds" if moment.microsecond else "seconds")
    return text + "Z"


def parse_timestamp(text: object) -> datetime | None:
    """The naive UTC datetime written by `format_timestamp`, or None if `text` is not one."""
    if not isinstance(text, str) or not _TIMESTAMP.fullmatch(text):
        return None
    try:
        return datetime.fromisoformat(text[:-1])
    except ValueError:
        return None
