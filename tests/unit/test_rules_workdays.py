"""Tests of working days with Vietnam's real holidays."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partydesk.rules import (
    WorkCalendar,
    add_working_days,
    is_working_day,
    public_holidays,
    working_days_between,
)

SETTINGS = settings(max_examples=100, deadline=None)


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 1, 1),  # Tết Dương lịch
        date(2026, 2, 16),  # Tết Nguyên Đán 16–20/02/2026
        date(2026, 2, 17),
        date(2026, 2, 18),
        date(2026, 2, 19),
        date(2026, 2, 20),
        date(2026, 4, 27),  # Giỗ Tổ Hùng Vương (26/04 is a Sunday), day off in lieu
        date(2026, 4, 30),
        date(2026, 5, 1),
        date(2026, 8, 31),  # swapped with Saturday 22/08/2026
        date(2026, 9, 1),
        date(2026, 9, 2),
        date(2026, 2, 14),  # Saturday
        date(2026, 2, 15),  # Sunday
    ],
)
def test_days_off_2026(day):
    assert not is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 2, 13),  # Friday before Tết
        date(2026, 2, 23),  # Monday after Tết
        date(2026, 4, 28),
        date(2026, 5, 4),
        date(2026, 8, 22),  # make-up Saturday of the 2/9 swap
        date(2026, 9, 3),
    ],
)
def test_working_days_2026(day):
    assert is_working_day(day)


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2026, 1, 9), 1, date(2026, 1, 12)),  # Friday + 1 = Monday
        (date(2026, 1, 10), 1, date(2026, 1, 12)),  # from a Saturday
        (date(2026, 2, 13), 1, date(2026, 2, 23)),  # over Tết
        (date(2026, 2, 12), 2, date(2026, 2, 23)),
        (date(2026, 4, 24), 1, date(2026, 4, 28)),  # over Giỗ Tổ in lieu
        (date(2026, 4, 29), 1, date(2026, 5, 4)),  # over 30/4–1/5
        (date(2026, 8, 21), 1, date(2026, 8, 22)),  # Saturday 22/8 is worked
        (date(2026, 8, 28), 1, date(2026, 9, 3)),  # over 31/8, 1/9, 2/9
        (date(2026, 2, 23), -1, date(2026, 2, 13)),  # backwards over Tết
        (date(2026, 1, 12), -1, date(2026, 1, 9)),
        (date(2026, 2, 14), 0, date(2026, 2, 14)),  # n == 0: start, even on a weekend
        (date(2026, 1, 5), 60, date(2026, 4, 6)),  # counted by hand (admission decision)
        (date(2026, 4, 15), 30, date(2026, 6, 1)),  # counted by hand (ceremony)
    ],
)
def test_add_working_days(start, n, expected):
    assert add_working_days(start, n) == expected
    assert WorkCalendar().add(start, n) == expected


def test_between_counts_end_not_start():
    assert working_days_between(date(2026, 2, 13), date(2026, 2, 23)) == 1
    assert working_days_between(date(2026, 1, 5), date(2026, 4, 6)) == 60
    assert working_days_between(date(2026, 2, 23), date(2026, 2, 13)) == -1
    assert working_days_between(date(2026, 2, 14), date(2026, 2, 14)) == 0
    assert WorkCalendar().between(date(2026, 2, 15), date(2026, 2, 16)) == 0


def test_office_days_off_and_make_up_days():
    closure = date(2026, 3, 2)  # a Monday the office closes
    assert add_working_days(date(2026, 2, 27), 1, days_off=[closure]) == date(2026, 3, 3)
    make_up = date(2026, 3, 7)  # a Saturday the office works
    assert add_working_days(date(2026, 3, 6), 1, working_days=[make_up]) == make_up
    assert is_working_day(make_up, working_days={make_up})
    assert not is_working_day(date(2026, 8, 22), days_off=[date(2026, 8, 22)])
    calendar = WorkCalendar(frozenset({closure}), frozenset({make_up}))
    assert not calendar.is_working_day(closure)
    assert calendar.is_working_day(make_up)
    # (27/02, 09/03]: 03–06/03, Saturday 07/03 and Monday 09/03; 02/03 closed.
    assert calendar.between(date(2026, 2, 27), date(2026, 3, 9)) == 6
    # Plain sets and lists are accepted and frozen.
    loose = WorkCalendar({closure}, [make_up])  # type: ignore[arg-type]
    assert loose == calendar
    assert hash(loose) == hash(calendar)
    # Declared both ways, the make-up day wins.
    assert WorkCalendar(frozenset({make_up}), frozenset({make_up})).is_working_day(make_up)


def test_public_holidays_lists_substituted_days():
    days = public_holidays(2026)
    assert date(2026, 8, 31) in days
    assert date(2026, 2, 17) in days
    assert all(d.year == 2026 for d in days)


def test_every_year_1945_to_2100_works():
    for year in range(1945, 2101):
        start = date(year, 1, 1)
        assert add_working_days(start, 5) > start
        assert isinstance(public_holidays(year), frozenset)
    # Outside the years the holidays package computes, only weekends count.
    assert add_working_days(date(1800, 1, 3), 1) == date(1800, 1, 6)


dates = st.dates(min_value=date(1945, 1, 1), max_value=date(2100, 6, 30))


@SETTINGS
@given(dates, st.integers(min_value=1, max_value=120))
def test_forward_lands_on_working_day_and_between_inverts(start, n):
    end = add_working_days(start, n)
    assert end > start
    assert is_working_day(end)
    assert working_days_between(start, end) == n
    # No working day is skipped: the day before `end` is n - 1 working days away.
    assert working_days_between(start, end - timedelta(days=1)) == n - 1


@SETTINGS
@given(dates.filter(lambda d: d.year > 1945), st.integers(min_value=-120, max_value=-1))
def test_backward_lands_on_working_day_and_between_inverts(start, n):
    end = add_working_days(start, n)
    assert end < start
    assert is_working_day(end)
    assert working_days_between(start, end) == n
