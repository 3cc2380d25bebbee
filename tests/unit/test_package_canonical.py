"""Canonical JSON of packages: the fast path gives the same bytes as normalizing each value."""

from __future__ import annotations

import json
import unicodedata
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partydesk.documents.package.canonical import (
    canonical_bytes,
    format_timestamp,
    normalized,
    parse_timestamp,
)

# Letters with their tone marks composed and decomposed, combining marks on their own.
VIETNAMESE = st.text(
    alphabet=st.sampled_from(
        [*'aăâeêioôơuưyđAĂÂĐ "\\{}:,', "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
    ),
    max_size=12,
)
TEXT = VIETNAMESE.map(lambda s: unicodedata.normalize("NFD", s)) | VIETNAMESE | st.text(max_size=8)
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(TEXT, children, max_size=4),
    max_leaves=15,
)


def _slow(value):
    return json.dumps(
        normalized(value), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode()


@settings(max_examples=200, deadline=None)
@given(VALUES)
def test_fast_path_equals_value_by_value_normalization(value):
    assert canonical_bytes(value) == _slow(value)


@settings(max_examples=200, deadline=None)
@given(VALUES)
def test_canonical_bytes_are_nfc_and_stable(value):
    data = canonical_bytes(value)
    text = data.decode("utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert canonical_bytes(json.loads(data)) == data


def test_canonical_form():
    value = {"b": 1, "a": [True, None, 1.5], "đ": "Nguyễn"}
    assert canonical_bytes(value) == '{"a":[true,null,1.5],"b":1,"đ":"Nguyễn"}'.encode()


def test_dates_and_times():
    assert canonical_bytes({"d": date(2026, 3, 1)}) == b'{"d":"2026-03-01"}'
    hanoi = timezone(timedelta(hours=7))
    assert (
        canonical_bytes([datetime(2026, 3, 1, 7, 0, tzinfo=hanoi)]) == b'["2026-03-01T00:00:00Z"]'
    )
    assert format_timestamp(datetime(2026, 3, 1, 0, 0, 0, 5)) == "2026-03-01T00:00:00.000005Z"


@pytest.mark.parametrize(
    "text", ["2026-03-01T00:00:00", "2026-03-01 00:00:00Z", "2026-02-30T00:00:00Z", 20260301, None]
)
def test_bad_timestamps(text):
    assert parse_timestamp(text) is None


def test_no_nan_and_no_odd_types():
    with pytest.raises(ValueError, match="JSON"):
        canonical_bytes({"x": float("nan")})
    with pytest.raises(TypeError):
        canonical_bytes({"x": {1, 2}})
    with pytest.raises(TypeError):
        normalized({1: "a"})
