"""Party badges (Huy hiệu Đảng): thresholds, award occasions and who is due next."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from partydesk.rules.party_age import Gap, party_age_months, reached_on

__all__ = [
    "BADGE_OCCASIONS",
    "BADGE_THRESHOLDS",
    "badge_due",
    "badge_reached_on",
    "early_award_months",
    "next_occasion",
]

# Quy định 24-QĐ/TW 2021 điểm 27 and Hướng dẫn 01-HD/TW 2021 mục 18, kept by Quy định
# 232-QĐ/TW 2025: badges for 30, 40, 45 … 90 years of party age.
BADGE_THRESHOLDS: tuple[int, ...] = (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90)

# (month, day) of the award occasions: 3/2 (founding of the Party), 19/5 (President Hồ
# Chí Minh's birthday), 2/9 (National Day), 7/11 (October Revolution). Hướng dẫn 01-HD/TW
# 2021 mục 18.
BADGE_OCCASIONS: tuple[tuple[int, int], ...] = ((2, 3), (5, 19), (9, 2), (11, 7))


def next_occasion(on: date, occasions: Iterable[tuple[int, int]] = BADGE_OCCASIONS) -> date:
    """Return the first badge award occasion on or after `on` (Hướng dẫn 01-HD/TW 2021 mục 18)."""
    dates = sorted(date(on.year, m, d) for m, d in occasions)
    if not dates:
        raise ValueError("no badge award occasions configured")
    for candidate in dates:
        if candidate >= on:
            return candidate
    return dates[0].replace(year=on.year + 1)


def badge_reached_on(decision_date: date, years: int, gaps: Iterable[Gap] = ()) -> date:
    """Return the first date on which party age reaches `years` full years.

    Party age as `party_age` counts it: from the admission decision, gaps excluded
    (Điều lệ Đảng điều 5 khoản 4; Quy định 24-QĐ/TW 2021 điểm 4.5). Badges are due at
    these dates (Quy định 24-QĐ/TW 2021 điểm 27).
    """
    return reached_on(decision_date, 12 * years, gaps)


def badge_due(
    decision_date: date,
    after: date,
    gaps: Iterable[Gap] = (),
    *,
    thresholds: Iterable[int] = BADGE_THRESHOLDS,
    occasions: Iterable[tuple[int, int]] = BADGE_OCCASIONS,
) -> tuple[int, date, date]:
    """Return the next badge not reached on `after`: (years, date reached, award occasion).

    The threshold is the smallest one above the party age on `after`; the occasion is the
    first of 3/2, 19/5, 2/9, 7/11 on or after the date it is reached (Quy định 24-QĐ/TW
    2021 điểm 27, Hướng dẫn 01-HD/TW 2021 mục 18, kept by Quy định 232-QĐ/TW 2025).
    Raises ValueError when every threshold is already reached.
    """
    gap_list = list(gaps)
    age_years = party_age_months(decision_date, after, gap_list) // 12
    for years in sorted(thresholds):
        if age_years < years:
            reached = badge_reached_on(decision_date, years, gap_list)
            return years, reached, next_occasion(reached, occasions)
    raise ValueError(f"every badge threshold is already reached ({age_years} years)")


def early_award_months(threshold: int) -> int:
    """How many months early a seriously ill member may receive the badge of `threshold`.

    Up to 12 months for the 30–65-year badges, up to 24 months for 70 years and above
    (Quy định 24-QĐ/TW 2021 điểm 27; Hướng dẫn 01-HD/TW 2021 mục 18). Uncertain: the 2025
    texts replacing them (Quy định 232-QĐ/TW 2025 and its guidance) were not checked for
    changes, so the rule table keeps these as editable parameters.
    """
    if threshold not in BADGE_THRESHOLDS:
        raise ValueError(f"{threshold} is not a badge threshold")
    return 24 if threshold >= 70 else 12
