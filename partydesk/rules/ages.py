"""Calendar months, ages counted in full months, and the admission age window."""

from __future__ import annotations

import calendar
from datetime import date

__all__ = ["add_months", "admission_age_ok", "full_age_months", "full_months_between"]


def add_months(d: date, months: int) -> date:
    """Return the date `months` calendar months after `d` (before it when negative).

    A period in months ends on the same day number of the last month; when that month has
    no such day, on its last day (Bộ luật Dân sự 2015, điều 148 khoản 3): 31/01 + 1 month =
    28/02 (29/02 in a leap year).
    """
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    month = month0 + 1
    day = min(d.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def full_months_between(start: date, end: date) -> int:
    """Count the full calendar months from `start` to `end`; 0 when `end` is not later.

    A month is full on the day `add_months` gives (Bộ luật Dân sự 2015, điều 147–148: the
    first day is not counted, the period ends on the corresponding day of the last month,
    or on its last day when there is none): 15/03 → 14/04 is 0, 15/03 → 15/04 is 1, and
    31/01 → 28/02 of a common year is 1 because that month has no 31st. Formally the
    largest k ≥ 0 with add_months(start, k) ≤ end.
    """
    if end <= start:
        return 0
    months = (end.year - start.year) * 12 + (end.month - start.month)
    # The calendar difference is right or one too many (end's day not yet reached).
    if add_months(start, months) > end:
        months -= 1
    return months


def full_age_months(birth_date: date, on: date) -> int:
    """Age in full months on `on` ("tính theo tháng", Quy định 232-QĐ/TW 2025, điểm 1.1).

    Counted as `full_months_between`: a person born 10/05/2008 has 216 months (18 full
    years) on 10/05/2026.
    """
    return full_months_between(birth_date, on)


def admission_age_ok(
    birth_date: date, on: date, min_months: int = 216, max_months: int = 720
) -> bool:
    """Whether the age on `on` (the day the branch considers the application) is admissible.

    From 18 full years to 60 full years, counted in months (Điều lệ Đảng, điều 1 khoản 2;
    Quy định 232-QĐ/TW 2025, điểm 1.1; Hướng dẫn 12-HD/BTCTW 2022): 60 years and up to 29
    days is still 720 full months and allowed, 60 years and one month is not. Older
    applicants need the provincial committee's approval, which the caller records.
    """
    return min_months <= full_age_months(birth_date, on) <= max_months
