"""Cadre deadlines: terms and reappointment notices, retirement lists, salary steps, planning."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from partydesk.db.models import CalendarDay
from partydesk.errors import PartydeskError
from partydesk.rules import make_cccd
from partydesk.services import cadre_terms
from partydesk.services.cadre_terms import (
    is_university_level,
    planning_problems,
    retirement_list,
    salary_step_list,
    term_list,
)
from partydesk.services.cadres import (
    CadreInput,
    PostInput,
    create_cadre,
    end_post,
    plan_cadre,
    record_post,
)
from partydesk.services.due import collect, due_context
from tests.conftest import TODAY

_serial = iter(range(100, 10_000))


def _cadre(
    db,
    name: str,
    birth: date = date(1980, 5, 5),
    sex: str = "nam",
    *,
    year_only: bool = False,
    grade: str = "",
    code: str = "",
    step_on: date | None = None,
) -> int:
    return create_cadre(
        db,
        CadreInput(
            full_name=name,
            sex=sex,
            birth_date=birth,
            birth_year_only=year_only,
            cccd=None if year_only else make_cccd("068", sex, birth.year, next(_serial)),
            salary_grade=grade,
            salary_grade_code=code,
            salary_step=2 if step_on else None,
            salary_coefficient=3.0 if step_on else None,
            salary_step_date=step_on,
        ),
    ).id


def _count_back(end: date, working_days: int, days_off: set[date]) -> date:
    """An independent count: walk back over Monday–Friday, skipping the listed days off."""
    day = end
    while working_days:
        day -= timedelta(days=1)
        if day.weekday() < 5 and day not in days_off:
            working_days -= 1
    return day


# Public holidays between April and August 2026 (Bộ luật Lao động 2019, điều 112): Giỗ Tổ
# Hùng Vương on Sunday 26/4, so Monday 27/4 off in lieu; 30/4 and 1/5.
_HOLIDAYS_2026 = {date(2026, 4, 27), date(2026, 4, 30), date(2026, 5, 1)}


# --- terms ------------------------------------------------------------------------------------


def test_term_end_and_notice_to_the_day_against_an_independent_count(db):
    cadre = _cadre(db, "Phạm Văn Bình")
    post = record_post(db, cadre, PostInput(title="Chánh Văn phòng", start_on=date(2021, 8, 17)))
    [row] = term_list(db, TODAY)
    assert row.post_id == post
    assert row.term_end == date(2026, 8, 16)  # five years, minus a day
    expected = _count_back(date(2026, 8, 16), 90, _HOLIDAYS_2026)
    assert expected == date(2026, 4, 8)
    assert row.notice_due == expected
    assert row.days_left == (expected - TODAY).days < 0
    assert "Quy định 377-QĐ/TW 2025" in row.source


def test_the_office_calendar_moves_the_notice(db):
    cadre = _cadre(db, "Phạm Văn Bình")
    record_post(db, cadre, PostInput(title="Chánh Văn phòng", start_on=date(2021, 8, 17)))
    with db.session("test.calendar") as session:
        session.add(CalendarDay(day=date(2026, 6, 15), is_working_day=False, note="Ngày nghỉ"))
    [row] = term_list(db, TODAY)
    assert row.notice_due == _count_back(
        date(2026, 8, 16), 90, _HOLIDAYS_2026 | {date(2026, 6, 15)}
    )
    assert row.notice_due == date(2026, 4, 7)


def test_only_open_appointments_are_listed_sorted_by_notice(db):
    first = _cadre(db, "Nguyễn Văn An")
    second = _cadre(db, "Trần Văn Cường")
    third = _cadre(db, "Lê Thị Dung", sex="nữ")
    record_post(db, first, PostInput(title="Phó Chủ tịch UBND", start_on=date(2025, 7, 1)))
    record_post(db, second, PostInput(title="Trưởng phòng Kinh tế", start_on=date(2023, 3, 1)))
    record_post(
        db,
        second,
        PostInput(
            title="Bí thư Chi bộ", start_on=date(2023, 3, 1), kind="election", concurrent=True
        ),
    )
    ended = record_post(db, third, PostInput(title="Phó phòng", start_on=date(2020, 1, 1)))
    end_post(db, ended, date(2024, 6, 30))
    rows = term_list(db, TODAY)
    assert [(r.full_name, r.title) for r in rows] == [
        ("Trần Văn Cường", "Trưởng phòng Kinh tế"),
        ("Nguyễn Văn An", "Phó Chủ tịch UBND"),
    ]
    assert rows[0].term_end == date(2028, 2, 29)
    assert rows[1].term_end == date(2030, 6, 30)


# --- retirement -------------------------------------------------------------------------------


@pytest.fixture
def retiring(db) -> dict[str, int]:
    return {
        # Domain.md §4: reaches 60y3m only in 01/2022, when 60y6m applies -> 30/04/2022.
        "1961": _cadre(db, "Hoàng Văn Giang", date(1961, 10, 5)),
        # 2026's 61y6m is reached on 10/12/2026 -> 31/12/2026 (within 6 months).
        "six": _cadre(db, "Đỗ Văn Hải", date(1965, 6, 10)),
        # 2026's 61y6m would fall in 2027; 2027's 61y9m on 20/05/2027 -> 31/05/2027.
        "twelve_man": _cadre(db, "Bùi Văn Khoa", date(1965, 8, 20)),
        # Women: 2027's 57y4m on 12/07/2027 -> 31/07/2027.
        "twelve_woman": _cadre(db, "Ngô Thị Lan", date(1970, 3, 12), "nữ"),
        # 62 years from 2028: 01/06/2028 -> 30/06/2028 (24 months only).
        "twentyfour": _cadre(db, "Vũ Văn Minh", date(1966, 6, 1)),
        # Birth year only: 1 January 1966 counts -> 61y9m on 01/10/2027 -> 31/10/2027.
        "year_only": _cadre(db, "Đinh Văn Nam", date(1966, 12, 20), year_only=True),
        "young": _cadre(db, "Lý Văn Phúc", date(1985, 1, 1)),
    }


def test_retirement_dates_from_decree_135(db, retiring):
    rows = {r.cadre_id: r for r in retirement_list(db, TODAY, 24)}
    expected = {
        "1961": date(2022, 4, 30),
        "six": date(2026, 12, 31),
        "twelve_man": date(2027, 5, 31),
        "twelve_woman": date(2027, 7, 31),
        "year_only": date(2027, 10, 31),
        "twentyfour": date(2028, 6, 30),
    }
    assert {k: rows[retiring[k]].retirement_date for k in expected} == expected
    assert retiring["young"] not in rows
    assert (rows[retiring["1961"]].age_years, rows[retiring["1961"]].age_months) == (60, 6)
    assert (
        rows[retiring["twelve_woman"]].age_years,
        rows[retiring["twelve_woman"]].age_months,
    ) == (57, 4)
    assert rows[retiring["1961"]].days_left < 0  # past the date but still active: listed


@pytest.mark.parametrize(
    ("months", "keys"),
    [
        (6, {"1961", "six"}),
        (12, {"1961", "six", "twelve_man", "twelve_woman", "year_only"}),
        (24, {"1961", "six", "twelve_man", "twelve_woman", "year_only", "twentyfour"}),
    ],
)
def test_retirement_lists_for_6_12_24_months(db, retiring, months, keys):
    rows = retirement_list(db, TODAY, months)
    assert {r.cadre_id for r in rows} == {retiring[k] for k in keys}
    assert [r.retirement_date for r in rows] == sorted(r.retirement_date for r in rows)


@pytest.mark.parametrize("months", [5, 25, 0])
def test_retirement_list_window_comes_from_the_rule_table(db, months):
    with pytest.raises(PartydeskError) as caught:
        retirement_list(db, TODAY, months)
    assert caught.value.code == "cadre_terms.months_range"
    assert "6–24" in caught.value.message()
    assert "Nghị định 135/2020" in caught.value.message()


# --- salary steps ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "name", "expected"),
    [
        ("01.003", "", True),
        ("01.002", "Chuyên viên chính", True),
        ("A2.1", "", True),
        ("a0", "", True),
        ("01.005", "Nhân viên", False),
        ("B", "", False),
        ("C1", "", False),
        ("", "Chuyên viên", True),
        ("", "Cán sự", False),
        ("", "Kế toán viên trung cấp", False),
        ("06.031", "Kế toán viên", True),
        ("", "", None),
    ],
)
def test_grade_level(code, name, expected):
    assert is_university_level(code, name) is expected


def test_salary_steps_due_within_the_window(db):
    a = _cadre(db, "Nguyễn Văn An", grade="Chuyên viên", code="01.003", step_on=date(2024, 1, 15))
    b = _cadre(db, "Trần Văn Bình", grade="Nhân viên", code="01.005", step_on=date(2024, 12, 1))
    c = _cadre(db, "Lê Văn Cường", grade="Cán sự", step_on=date(2025, 1, 10))
    d = _cadre(
        db, "Phạm Văn Dũng", grade="Chuyên viên chính", code="A2.1", step_on=date(2023, 6, 1)
    )
    e = _cadre(db, "Hồ Văn Em", grade="Chuyên viên", code="A1", step_on=date(2025, 1, 1))
    _cadre(db, "Không Bậc")  # no salary step recorded: not listed
    rows = salary_step_list(db, TODAY, 3)
    assert [(r.cadre_id, r.next_due, r.months) for r in rows] == [
        (d, date(2026, 6, 1), 36),
        (b, date(2026, 12, 1), 24),
        (c, date(2027, 1, 10), 24),
        (a, date(2027, 1, 15), 36),
    ]
    assert rows[0].days_left < 0
    assert e in {r.cadre_id for r in salary_step_list(db, TODAY, 14)}
    with pytest.raises(PartydeskError):
        salary_step_list(db, TODAY, -1)


# --- planning --------------------------------------------------------------------------------


def test_planning_problems_past_the_limits(db):
    people = [_cadre(db, f"Cán Bộ {letter}") for letter in "ABCDE"]
    for cadre in people[:4]:
        plan_cadre(db, cadre, "2025–2030", "Chủ tịch UBND xã", date(2025, 10, 1))
    for cadre in people[:3]:
        plan_cadre(db, cadre, "2025-2030", "Bí thư Đảng ủy xã", date(2025, 10, 1))
    for title in ("Phó Bí thư", "Chủ tịch HĐND", "Trưởng Ban Tổ chức", "Phó Chủ tịch UBND"):
        plan_cadre(db, people[4], "2025-2030", title, date(2025, 10, 1))
    plan_cadre(db, people[0], "2025-2030", "Phó Bí thư", date(2025, 10, 1))
    problems = planning_problems(db, "2025 - 2030", TODAY)
    texts = [p.text for p in problems]
    assert len(problems) == 2, texts
    post = next(p for p in problems if p.kind == "post")
    assert (post.subject, post.count, post.limit) == ("Chủ tịch UBND xã", 4, 3)
    assert "Quy định 50-QĐ/TW 2021" in post.text
    person = next(p for p in problems if p.kind == "person")
    assert (person.cadre_id, person.count, person.limit) == (people[4], 4, 3)
    assert "Phó Chủ tịch UBND" in person.names
    assert planning_problems(db, "2030-2035", TODAY) == []
    with pytest.raises(PartydeskError):
        planning_problems(db, "kỳ sau", TODAY)


# --- due items -------------------------------------------------------------------------------


def test_due_items_of_cadres(db):
    soon = _cadre(db, "Đỗ Văn Hải", date(1965, 6, 10))  # retires 31/12/2026
    noticed = _cadre(db, "Trần Văn Bình")
    # Term 01/05/2022–30/04/2027: notice due in December 2026, inside the 60-day horizon.
    record_post(db, noticed, PostInput(title="Trưởng phòng", start_on=date(2022, 5, 1)))
    later = _cadre(db, "Lê Văn Cường")
    record_post(db, later, PostInput(title="Phó phòng", start_on=date(2025, 1, 1)))
    stepping = _cadre(
        db, "Nguyễn Văn An", grade="Nhân viên", code="01.005", step_on=date(2024, 12, 1)
    )
    with db.reader() as session:
        items = collect(due_context(session, TODAY), [cadre_terms.due_items])
    by_group = {item.group: item for item in items}
    assert set(by_group) == {"cadre_term", "retirement", "salary_step"}
    assert len(items) == 3
    assert by_group["retirement"].cadre_id == soon
    assert by_group["retirement"].due == date(2026, 12, 31)
    assert by_group["cadre_term"].cadre_id == noticed
    assert "30/04/2027" in by_group["cadre_term"].what
    assert by_group["salary_step"].cadre_id == stepping
    assert by_group["salary_step"].due == date(2026, 12, 1)
    assert all(item.action == "cadre" and item.member_id is None for item in items)
