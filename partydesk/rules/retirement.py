"""Retirement age and date of cadres and civil servants (Nghị định 135/2020/NĐ-CP)."""

from __future__ import annotations

import calendar
from datetime import date

from partydesk.rules.ages import add_months
from partydesk.rules.ruletable import RuleTable
from partydesk.rules.sex import MALE, normalize_sex

__all__ = ["birth_date_from_year", "retirement_age", "retirement_date"]


def _rule_key(sex: str) -> str:
    normalized = normalize_sex(sex)
    if normalized is None:
        raise ValueError(f"unknown sex {sex!r}")
    return "retirement.male_months" if normalized == MALE else "retirement.female_months"


def _months(sex: str, year: int, rules: RuleTable | None) -> int:
    table = rules if rules is not None else RuleTable.default()
    return int(table.value(_rule_key(sex), date(year, 1, 1)))


def retirement_age(sex: str, year: int, rules: RuleTable | None = None) -> tuple[int, int]:
    """Return the retirement age (years, months) for people who reach it in `year`.

    In normal working conditions, men: 60 years 3 months in 2021, 3 more months each
    year, 62 years from 2028; women: 55 years 4 months in 2021, 4 more months each year,
    60 years from 2035 (Nghị định 135/2020/NĐ-CP điều 4 khoản 1, phụ lục I; Bộ luật Lao
    động 2019 điều 169). Before 2021: 60 and 55 years (Bộ luật Lao động 2012 điều 187).
    Read from `rules` (default: the shipped table) at 1 January of `year`. Raises
    ValueError for an unknown sex.
    """
    return divmod(_months(sex, year, rules), 12)


def retirement_date(birth_date: date, sex: str, rules: RuleTable | None = None) -> date:
    """Return the retirement date: the last day of the month the retirement age is reached.

    The age that applies is the one of the year in which it is reached: a man born in
    10/1961 reaches 60y3m (the 2021 age) only in 01/2022, when 60y6m applies, so he
    reaches 60y6m in 04/2022 and retires on 30/04/2022; his pension starts the next day
    (Nghị định 135/2020/NĐ-CP điều 3 and điều 4 khoản 1). When only the birth year is
    known, pass `birth_date_from_year(year)`.
    """
    year = birth_date.year + 50
    while True:
        reached = add_months(birth_date, _months(sex, year, rules))
        # Ages grow 12 months a year and the required age by at most 4, so the first
        # year whose own age is reached within that same year is the year of retirement.
        if reached.year <= year:
            last_day = calendar.monthrange(reached.year, reached.month)[1]
            return reached.replace(day=last_day)
        year += 1


def birth_date_from_year(year: int) -> date:
    """Return the birth date used when only the birth year is known: 1 January.

    Nghị định 135/2020/NĐ-CP, điều 3 (thời điểm nghỉ hưu khi chỉ có năm sinh).
    """
    return date(year, 1, 1)
