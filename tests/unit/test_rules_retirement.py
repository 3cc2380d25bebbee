"""Tests of retirement ages and dates (Nghị định 135/2020/NĐ-CP)."""

import calendar
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partydesk.rules import (
    RuleParameter,
    RuleTable,
    add_months,
    birth_date_from_year,
    retirement_age,
    retirement_date,
)


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2015, (60, 0)),
        (2020, (60, 0)),
        (2021, (60, 3)),
        (2022, (60, 6)),
        (2023, (60, 9)),
        (2024, (61, 0)),
        (2025, (61, 3)),
        (2026, (61, 6)),
        (2027, (61, 9)),
        (2028, (62, 0)),
        (2040, (62, 0)),
    ],
)
def test_men(year, expected):
    assert retirement_age("nam", year) == expected


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2020, (55, 0)),
        (2021, (55, 4)),
        (2022, (55, 8)),
        (2023, (56, 0)),
        (2026, (57, 0)),
        (2030, (58, 4)),
        (2034, (59, 8)),
        (2035, (60, 0)),
        (2050, (60, 0)),
    ],
)
def test_women(year, expected):
    assert retirement_age("Nữ", year) == expected


@pytest.mark.parametrize(
    ("birth", "sex", "expected"),
    [
        # 60y3m would fall in 01/2022, when 60y6m applies: reached in 04/2022.
        (date(1961, 10, 15), "nam", date(2022, 4, 30)),
        (date(1961, 1, 1), "nam", date(2021, 4, 30)),  # 60y3m in 2021
        (date(1960, 5, 20), "nam", date(2020, 5, 31)),  # before Decree 135: 60 years
        (date(1966, 1, 1), "nam", date(2027, 10, 31)),  # 61y9m, in the 07/1965–03/1966 row
        (date(1966, 5, 20), "nữ", date(2021, 9, 30)),  # 55y4m
        (date(1966, 9, 15), "nữ", date(2022, 5, 31)),  # 55y4m misses 2021: 55y8m
        (date(1965, 10, 31), "nữ", date(2020, 10, 31)),  # 55 reached before 2021
        (date(1966, 10, 31), "nữ", date(2022, 6, 30)),  # 31/10/1966 + 55y8m: no 31/06
        (date(1940, 3, 5), "nam", date(2000, 3, 31)),  # long retired: 60 years
        (date(1970, 1, 1), "nữ", date(2027, 5, 31)),  # 57y4m
        (date(1975, 1, 1), "nữ", date(2034, 9, 30)),  # 59y8m
        (date(1980, 3, 3), "nữ", date(2040, 3, 31)),  # 60 years from 2035
        (date(1964, 12, 31), "nu", date(2019, 12, 31)),  # 55 years before 2021
    ],
)
def test_retirement_date(birth, sex, expected):
    assert retirement_date(birth, sex) == expected


def test_birth_year_only():
    assert birth_date_from_year(1970) == date(1970, 1, 1)
    assert retirement_date(birth_date_from_year(1970), "nữ") == date(2027, 5, 31)


def test_unknown_sex():
    with pytest.raises(ValueError, match="sex"):
        retirement_age("?", 2026)
    with pytest.raises(ValueError, match="sex"):
        retirement_date(date(1970, 1, 1), "")


def test_custom_rules_are_used():
    rules = RuleTable(
        [
            RuleParameter("retirement.male_months", date(2000, 1, 1), 720, "test"),
            RuleParameter("retirement.male_months", date(2030, 1, 1), 780, "test"),
        ]
    )
    assert retirement_age("nam", 2031, rules) == (65, 0)
    assert retirement_date(date(1970, 6, 10), "nam", rules) == date(2035, 6, 30)


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(1940, 1, 1), max_value=date(2000, 12, 31)),
    st.sampled_from(["nam", "nữ"]),
)
def test_retirement_date_properties(birth, sex):
    retire = retirement_date(birth, sex)
    assert retire.day == calendar.monthrange(retire.year, retire.month)[1]
    years, months = retirement_age(sex, retire.year)
    reached = add_months(birth, 12 * years + months)
    # The age of the retirement year is reached in the retirement month.
    assert (reached.year, reached.month) == (retire.year, retire.month)
    # One month earlier, the age of that month's year was not yet reached.
    previous = add_months(retire.replace(day=1), -1)
    years_before, months_before = retirement_age(sex, previous.year)
    assert add_months(birth, 12 * years_before + months_before) > previous.replace(
        day=calendar.monthrange(previous.year, previous.month)[1]
    )
