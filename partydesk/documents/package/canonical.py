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


def normalized(value: Any) -> Any:
    """`value` with every string NFC-normalized and dates written as ISO text.

    Accepted: None, bool, int, float (finite), str, date, datetime, lists/tuples and
    mappings with string keys. Anything else is a programming error (TypeError): the
    services decide how their values look before they reach a package.
    """
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, datetime):
        return format_timestamp(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"JSON object keys must be text, not {type(key).__name__}")
            out[unicodedata.normalize("NFC", key)] = normalized(item)
        return out
    if isinstance(value, list | tuple):
        return [normalized(item) for item in value]
    raise TypeError(f"{type(value).__name__} cannot go into a package")


def canonical_bytes(value: Any) -> bytes:
    """The canonical JSON bytes of `value` (see the module docstring)."""
    return dumps_normalized(normalized(value))


def dumps_normalized(value: Any) -> bytes:
    """The canonical JSON bytes of a value `normalized` already returned."""
    return json.dumps(
        value,
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
        allow_nan=False,
    ).encode("utf-8")


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
