"""Party age (tuổi đảng): time in the Party from the admission decision, minus gaps."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from partydesk.rules.ages import add_months, full_months_between

__all__ = ["excluded_days", "merge_gaps", "party_age", "party_age_months"]

Gap = tuple[date, date]


def merge_gaps(gaps: Iterable[Gap]) -> list[Gap]:
    """Sort gaps and merge those that overlap or touch; empty or reversed gaps are dropped.

    A gap (start, end) is the half-open period [start, end): out of the Party from `start`
    (expulsion, striking off, loss of contact) until `end` (re-admission, restored
    contact), the day from which party age counts again.
    """
    merged: list[Gap] = []
    for start, end in sorted((s, e) for s, e in gaps if e > s):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def excluded_days(decision_date: date, on: date, gaps: Iterable[Gap] = ()) -> int:
    """Days of the gaps that fall within [decision_date, on), overlapping gaps counted once."""
    total = 0
    for start, end in merge_gaps(gaps):
        low, high = max(start, decision_date), min(end, on)
        if high > low:
            total += (high - low).days
    return total


def party_age_months(decision_date: date, on: date, gaps: Iterable[Gap] = ()) -> int:
    """Party age on `on` in full months; see `party_age`."""
    if on <= decision_date:
        return 0
    shifted = decision_date + timedelta(days=excluded_days(decision_date, on, gaps))
    return full_months_between(shifted, on)


def party_age(decision_date: date, on: date, gaps: Iterable[Gap] = ()) -> tuple[int, int]:
    """Party age on `on` as (full years, remaining full months).

    Party age counts from the date of the admission decision, minus every period out of
    the Party (expelled or struck off until re-admission, out of contact, lost in a
    transfer); a re-admitted member counts from the first decision minus the gap, and a
    member expelled wrongly and later exonerated keeps a continuous age (pass no gap).
    Điều lệ Đảng điều 5 khoản 4; Quy định 24-QĐ/TW 2021 điểm 4.5, kept by Quy định
    232-QĐ/TW 2025; Hướng dẫn 01-HD/TW 2021 mục 5.3.

    The days of the gaps inside [decision_date, on) are added to the decision date, then
    full months are counted from there to `on` (`full_months_between`, Bộ luật Dân sự
    2015 điều 148). Before the decision: (0, 0). Gaps never make the age larger. Because
    gaps are counted in days and months differ in length, with gaps the age can step back
    by one month around a month end (e.g. a decision of 31/01); without gaps it never
    decreases.
    """
    return divmod(party_age_months(decision_date, on, gaps), 12)


def reached_on(decision_date: date, months: int, gaps: Iterable[Gap] = ()) -> date:
    """Return the first date on which party age reaches `months` full months.

    Party age as `party_age` counts it (Điều lệ Đảng điều 5 khoản 4).
    """
    merged = merge_gaps(gaps)
    # Age reaches `months` on x when f(x) = add_months(decision + excluded(x), months) <= x.
    # f never decreases as x grows, so iterating x = f(x) from below stops at the least
    # such x: the first day, even where the age later steps back at a month end.
    candidate = add_months(decision_date, months)
    while True:
        shifted = decision_date + timedelta(days=excluded_days(decision_date, candidate, merged))
        following = add_months(shifted, months)
        if following == candidate:
            return candidate
        candidate = following
