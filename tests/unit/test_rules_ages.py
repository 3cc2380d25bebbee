"""Tests of calendar months, ages in months and the admission age window."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partydesk.rules import add_months, admission_age_ok, full_age_months, full_months_between

SETTINGS = settings(max_examples=300, deadline=None)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 3, 15), 1, date(2025, 4, 15)),
        (date(2025, 12, 15), 1, date(2026, 1, 15)),
        (date(2025, 3, 31), 1, date(2025, 4, 30)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2024, 1, 15), -13, date(2022, 12, 15)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2025, 5, 10), 0, date(2025, 5, 10)),
    ],
)
def test_add_months(start, months, expected):
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2025, 3, 15), date(2025, 4, 14), 0),
        (date(2025, 3, 15), date(2025, 4, 15), 1),
        (date(2025, 1, 31), date(2025, 2, 28), 1),  # month end: February has no 31st
        (date(2024, 1, 31), date(2024, 2, 28), 0),  # … but 2024 has a 29th
        (date(2024, 1, 31), date(2024, 2, 29), 1),
        (date(2025, 1, 30), date(2025, 2, 28), 1),
        (date(2025, 2, 28), date(2025, 3, 28), 1),
        (date(2025, 2, 28), date(2025, 3, 27), 0),
        (date(2024, 2, 29), date(2025, 2, 28), 12),
        (date(2008, 5, 10), date(2026, 5, 10), 216),
        (date(2008, 5, 10), date(2026, 5, 9), 215),
        (date(2025, 5, 10), date(2025, 5, 10), 0),
        (date(2025, 5, 10), date(2024, 5, 10), 0),  # end before start
    ],
)
def test_full_months_between(start, end, expected):
    assert full_months_between(start, end) == expected


def test_full_age_months():
    assert full_age_months(date(1990, 7, 1), date(2026, 6, 30)) == 35 * 12 + 11
    assert full_age_months(date(1990, 7, 1), date(2026, 7, 1)) == 36 * 12


@pytest.mark.parametrize(
    ("birth", "on", "ok"),
    [
        (date(2008, 5, 10), date(2026, 5, 9), False),  # one day short of 18
        (date(2008, 5, 10), date(2026, 5, 10), True),  # 18 full years
        (date(1966, 5, 10), date(2026, 5, 10), True),  # exactly 60
        (date(1966, 3, 15), date(2026, 4, 13), True),  # 60 years and 29 days
        (date(1966, 5, 10), date(2026, 6, 9), True),  # 60 years, 0 full months
        (date(1966, 5, 10), date(2026, 6, 10), False),  # 60 years and 1 month
        (date(1940, 1, 1), date(2026, 1, 1), False),
    ],
)
def test_admission_age(birth, on, ok):
    assert admission_age_ok(birth, on) is ok


def test_admission_age_custom_limits():
    assert admission_age_ok(date(1950, 1, 1), date(2026, 1, 1), max_months=1000)
    assert not admission_age_ok(date(2008, 5, 10), date(2026, 5, 10), min_months=217)


dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@SETTINGS
@given(dates, dates)
def test_full_months_is_the_largest_k_with_add_months_not_after_end(start, end):
    k = full_months_between(start, end)
    assert k >= 0
    if end >= start:
        assert add_months(start, k) <= end < add_months(start, k + 1)
    else:
        assert k == 0


@SETTINGS
@given(dates, st.integers(min_value=0, max_value=1200))
def test_full_months_inverts_add_months(start, k):
    assert full_months_between(start, add_months(start, k)) == k


@SETTINGS
@given(dates, dates, dates)
def test_full_months_is_monotone_in_end(start, a, b):
    low, high = sorted((a, b))
    assert full_months_between(start, low) <= full_months_between(start, high)
