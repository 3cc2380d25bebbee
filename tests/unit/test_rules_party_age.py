"""Tests of party age and party badges."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partydesk.rules import (
    BADGE_OCCASIONS,
    BADGE_THRESHOLDS,
    badge_due,
    badge_reached_on,
    early_award_months,
    excluded_days,
    merge_gaps,
    next_occasion,
    party_age,
)

SETTINGS = settings(max_examples=150, deadline=None)

# 01/03/1997 → 01/03/1999: 730 days, no 29 February inside.
TWO_YEAR_GAP = (date(1997, 3, 1), date(1999, 3, 1))


def test_party_age_without_gaps():
    assert party_age(date(1990, 1, 1), date(2026, 1, 1)) == (36, 0)
    assert party_age(date(1995, 6, 15), date(2025, 6, 14)) == (29, 11)
    assert party_age(date(1995, 6, 15), date(2025, 6, 15)) == (30, 0)
    assert party_age(date(2025, 1, 31), date(2025, 2, 28)) == (0, 1)


def test_party_age_before_decision_is_zero():
    assert party_age(date(2020, 5, 1), date(2020, 4, 30)) == (0, 0)
    assert party_age(date(2020, 5, 1), date(2020, 5, 1)) == (0, 0)


def test_gap_is_not_counted():
    # 730 days out: the count starts again from 01/01/1992.
    assert party_age(date(1990, 1, 1), date(2026, 1, 1), [TWO_YEAR_GAP]) == (34, 0)


def test_gap_before_decision_and_after_on_count_only_their_overlap():
    gap = (date(1985, 1, 1), date(1991, 1, 1))  # overlaps [01/01/1990, 01/01/1991)
    assert party_age(date(1990, 1, 1), date(2026, 1, 1), [gap]) == (35, 0)
    later = (date(2030, 1, 1), date(2031, 1, 1))
    assert party_age(date(1990, 1, 1), date(2026, 1, 1), [later]) == (36, 0)


def test_overlapping_gaps_are_merged():
    gaps = [(date(1997, 3, 1), date(1998, 3, 1)), (date(1997, 9, 1), date(1999, 3, 1))]
    assert merge_gaps(gaps) == [TWO_YEAR_GAP]
    assert party_age(date(1990, 1, 1), date(2026, 1, 1), gaps) == (34, 0)
    assert excluded_days(date(1990, 1, 1), date(2026, 1, 1), gaps) == 730
    assert merge_gaps([(date(2000, 1, 2), date(2000, 1, 1))]) == []  # reversed: dropped


def test_age_is_frozen_inside_a_gap():
    decision = date(1990, 1, 1)
    at_gap_start = party_age(decision, date(1997, 3, 1), [TWO_YEAR_GAP])
    inside = party_age(decision, date(1998, 3, 1), [TWO_YEAR_GAP])
    assert at_gap_start == inside == (7, 2)


def test_days_based_gap_can_step_back_a_month_at_month_end():
    # Documented artefact of counting gaps in days: 29 days out from 01/03/2001 move the
    # start from 31/01 to 01/03, and 01/03 → 30/03 is not yet a full month.
    decision, gap = date(2001, 1, 31), (date(2001, 3, 1), date(2001, 3, 30))
    assert party_age(decision, date(2001, 2, 28), [gap]) == (0, 1)
    assert party_age(decision, date(2001, 3, 30), [gap]) == (0, 0)
    assert party_age(decision, date(2001, 4, 1), [gap]) == (0, 1)
    assert badge_reached_on(decision, 0, [gap]) == decision


def test_badge_reached_on():
    assert badge_reached_on(date(1995, 6, 15), 30) == date(2025, 6, 15)
    # 730 days out after 15/06/1995 (29/02/1996 before the gap) shift the date by 730 days
    # from the decision, then 30 years: 14/06/1997 + 30 years.
    reached = badge_reached_on(date(1995, 6, 15), 30, [TWO_YEAR_GAP])
    assert reached == date(2027, 6, 14)
    assert party_age(date(1995, 6, 15), reached, [TWO_YEAR_GAP]) == (30, 0)
    day_before = reached - timedelta(days=1)
    assert party_age(date(1995, 6, 15), day_before, [TWO_YEAR_GAP]) == (29, 11)


@pytest.mark.parametrize(
    ("decision", "after", "expected"),
    [
        (date(1995, 6, 15), date(2025, 1, 1), (30, date(2025, 6, 15), date(2025, 9, 2))),
        (date(1995, 6, 15), date(2025, 6, 14), (30, date(2025, 6, 15), date(2025, 9, 2))),
        (date(1995, 6, 15), date(2025, 6, 15), (40, date(2035, 6, 15), date(2035, 9, 2))),
        (date(1996, 2, 3), date(2026, 1, 1), (30, date(2026, 2, 3), date(2026, 2, 3))),
        (date(1995, 11, 8), date(2025, 1, 1), (30, date(2025, 11, 8), date(2026, 2, 3))),
        (date(1976, 5, 20), date(2026, 1, 1), (50, date(2026, 5, 20), date(2026, 9, 2))),
        (date(1945, 8, 19), date(2026, 1, 1), (85, date(2030, 8, 19), date(2030, 9, 2))),
        (date(2020, 1, 1), date(2026, 1, 1), (30, date(2050, 1, 1), date(2050, 2, 3))),
    ],
)
def test_badge_due(decision, after, expected):
    assert badge_due(decision, after) == expected


def test_badge_due_with_gap_and_custom_thresholds():
    years, reached, occasion = badge_due(date(1995, 6, 15), date(2025, 7, 1), [TWO_YEAR_GAP])
    assert (years, reached, occasion) == (30, date(2027, 6, 14), date(2027, 9, 2))
    assert badge_due(date(1995, 6, 15), date(2025, 7, 1), thresholds=(35,))[0] == 35


def test_badge_due_raises_when_all_reached():
    with pytest.raises(ValueError, match="already reached"):
        badge_due(date(1930, 2, 3), date(2026, 1, 1))


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2026, 1, 1), date(2026, 2, 3)),
        (date(2026, 2, 3), date(2026, 2, 3)),
        (date(2026, 2, 4), date(2026, 5, 19)),
        (date(2026, 5, 20), date(2026, 9, 2)),
        (date(2026, 9, 3), date(2026, 11, 7)),
        (date(2026, 11, 8), date(2027, 2, 3)),
    ],
)
def test_next_occasion(on, expected):
    assert next_occasion(on) == expected


def test_constants_and_early_award():
    assert BADGE_THRESHOLDS == (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90)
    assert BADGE_OCCASIONS == ((2, 3), (5, 19), (9, 2), (11, 7))
    assert [early_award_months(t) for t in BADGE_THRESHOLDS] == [12] * 7 + [24] * 5
    with pytest.raises(ValueError, match="threshold"):
        early_award_months(35)


dates = st.dates(min_value=date(1930, 1, 1), max_value=date(2030, 12, 31))
gaps = st.lists(
    st.tuples(dates, st.integers(min_value=1, max_value=4000)).map(
        lambda t: (t[0], t[0] + timedelta(days=t[1]))
    ),
    max_size=3,
)


@SETTINGS
@given(dates, dates, dates)
def test_party_age_is_monotone_in_on(decision, a, b):
    low, high = sorted((a, b))
    assert party_age(decision, low) <= party_age(decision, high)


@SETTINGS
@given(dates, dates, gaps)
def test_gaps_never_make_party_age_larger(decision, on, gap_list):
    assert party_age(decision, on, gap_list) <= party_age(decision, on)
    years, months = party_age(decision, on, gap_list)
    assert years >= 0
    assert 0 <= months < 12


@SETTINGS
@given(dates, dates, gaps)
def test_party_age_never_drops_by_more_than_a_month(decision, on, gap_list):
    # With the gaps measured in days, the age can only move back by one month at a
    # month end (documented in party_age); it never moves back by more.
    later = on + timedelta(days=1)
    before = party_age(decision, on, gap_list)
    after = party_age(decision, later, gap_list)
    assert after[0] * 12 + after[1] >= before[0] * 12 + before[1] - 1


@SETTINGS
@given(dates, st.sampled_from(BADGE_THRESHOLDS), gaps)
def test_badge_reached_on_is_the_first_such_day(decision, years, gap_list):
    reached = badge_reached_on(decision, years, gap_list)
    assert party_age(decision, reached, gap_list)[0] >= years
    assert party_age(decision, reached - timedelta(days=1), gap_list)[0] < years
