"""Working days: weekends, Vietnam's public holidays, and an office's own days off."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import holidays

__all__ = [
    "WorkCalendar",
    "add_working_days",
    "is_working_day",
    "public_holidays",
    "working_days_between",
]

_ONE_DAY = timedelta(days=1)
_SATURDAY = 5


@functools.cache
def _package_year(year: int) -> tuple[frozenset[date], frozenset[date]]:
    # Building a holidays object costs milliseconds (lunar calendar, observed-day rules),
    # far too much per date when a report computes thousands of deadlines: one per year.
    # Outside the years the package knows (it computes 1901–2100) it returns nothing, and
    # only weekends count.
    table = holidays.country_holidays("VN", years=year)
    days_off = frozenset(d for d in table if d.year == year)
    weekend_workdays = frozenset(getattr(table, "weekend_workdays", ()))
    return days_off, weekend_workdays


@functools.cache
def _year(year: int) -> tuple[frozenset[date], frozenset[date]]:
    # A swap can cross the new year (work Saturday 27/12/2014 for Friday 2/1/2015), so the
    # make-up Saturdays of a year are gathered from its neighbours' tables too.
    days_off = _package_year(year)[0]
    worked = frozenset(
        d for y in (year - 1, year, year + 1) for d in _package_year(y)[1] if d.year == year
    )
    return days_off, worked


def public_holidays(year: int) -> frozenset[date]:
    """Vietnam's public holidays and substituted days off of `year`, from `holidays`.

    Bộ luật Lao động 2019, điều 112 (holidays, days off in lieu) and the yearly swap
    notices for civil servants (e.g. 31/08/2026 off in exchange for Saturday 22/08/2026).
    """
    return _year(year)[0]


@dataclass(frozen=True)
class WorkCalendar:
    """An office's working calendar: the national one plus its own days off and make-up days.

    `days_off` are extra days the office does not work (a provincial holiday, a
    declared closure); `working_days` are weekend days it works (a make-up Saturday). A
    date in `working_days` is worked even if also listed in `days_off`.
    """

    days_off: frozenset[date] = frozenset()
    working_days: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        # Callers often pass a set or a list read from settings; keep the instance
        # hashable and immutable whatever they pass.
        object.__setattr__(self, "days_off", frozenset(self.days_off))
        object.__setattr__(self, "working_days", frozenset(self.working_days))

    def is_working_day(self, d: date) -> bool:
        """Whether `d` is a working day (Bộ luật Lao động 2019, điều 111–112).

        Saturdays and Sundays are off (the 40-hour week of Quyết định 188/1999/QĐ-TTg),
        and so are the public holidays and days off in lieu that `holidays` lists, except
        the Saturdays that a national swap or this office declares worked.
        """
        if d in self.working_days:
            return True
        if d in self.days_off:
            return False
        days_off, worked = _year(d.year)
        if d.weekday() >= _SATURDAY:
            return d in worked
        return d not in days_off

    def add(self, start: date, n: int) -> date:
        """Return the date `n` working days after `start` (before it when `n` < 0).

        The start day is not counted (Bộ luật Dân sự 2015, điều 147 khoản 1): Friday plus
        one working day is the next Monday; n == 0 returns `start` unchanged.
        """
        step = _ONE_DAY if n > 0 else -_ONE_DAY
        remaining = abs(n)
        d = start
        while remaining:
            d += step
            if self.is_working_day(d):
                remaining -= 1
        return d

    def between(self, start: date, end: date) -> int:
        """Count the working days from `start` to `end`; the inverse of `add`.

        between(a, add(a, n)) == n: like `add`, the start day is not counted and the end
        day is; forward, the working days in (start, end]; backward, minus those in
        [end, start). Bộ luật Dân sự 2015, điều 147.
        """
        if end >= start:
            first, last, sign = start + _ONE_DAY, end, 1
        else:
            first, last, sign = end, start - _ONE_DAY, -1
        count = 0
        d = first
        while d <= last:
            if self.is_working_day(d):
                count += 1
            d += _ONE_DAY
        return sign * count


def _calendar(days_off: Iterable[date], working_days: Iterable[date]) -> WorkCalendar:
    return WorkCalendar(frozenset(days_off), frozenset(working_days))


def is_working_day(
    d: date, days_off: Iterable[date] = (), working_days: Iterable[date] = ()
) -> bool:
    """Whether `d` is a working day; see `WorkCalendar.is_working_day`.

    Bộ luật Lao động 2019, điều 111–112; Quyết định 188/1999/QĐ-TTg (Saturdays off).
    """
    return _calendar(days_off, working_days).is_working_day(d)


def add_working_days(
    start: date, n: int, days_off: Iterable[date] = (), working_days: Iterable[date] = ()
) -> date:
    """Return the date `n` working days after `start`; see `WorkCalendar.add`.

    Deadlines "within N working days" of the Party rules (Quy định 232-QĐ/TW 2025,
    Hướng dẫn 12-HD/BTCTW 2022) count from the day after the event (Bộ luật Dân sự 2015,
    điều 147–148).
    """
    return _calendar(days_off, working_days).add(start, n)


def working_days_between(
    start: date, end: date, days_off: Iterable[date] = (), working_days: Iterable[date] = ()
) -> int:
    """Working days from `start` to `end`; the inverse of `add_working_days`.

    See `WorkCalendar.between` (Bộ luật Dân sự 2015, điều 147).
    """
    return _calendar(days_off, working_days).between(start, end)
