"""The overview's chart figures, checked against counts made independently on the file.

The independent counts read the demo office with plain sqlite3 and count in Python: ages
in full years by calendar arithmetic, sexes and ethnicities with a Counter, admissions
from the ceremony *events* (not the cached date the service reads), subtrees by walking
the parent links.
"""

from __future__ import annotations

import calendar
import shutil
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from partydesk.codes import COUNTED_STATUSES, EventKind
from partydesk.db.engine import Database
from partydesk.services.database import open_database
from partydesk.services.demo import build_demo_office
from partydesk.services.member_queries import AgeBand, MemberFilter, count_members
from partydesk.services.overview_charts import (
    OTHER_KEY,
    TOP_ETHNICITIES,
    ChartKind,
    overview_charts,
)
from partydesk.services.rule_admin import set_rule_value
from tests.conftest import TODAY

COUNTED = tuple(status.value for status in COUNTED_STATUSES)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo office of 400 members, built once for the module."""
    path = tmp_path_factory.mktemp("charts") / "demo.sqlite3"
    db = open_database(path, actor="test")
    build_demo_office(db, members=400, seed=5, today=TODAY)
    db.close()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[tuple[Database, Path]]:
    """A private copy of the demo office, open, with its path for plain sqlite3."""
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, path)
    db = open_database(path, actor="test")
    yield db, path
    db.close()


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _band(age: int) -> AgeBand:
    if age <= 30:
        return AgeBand.UP_TO_30
    if age <= 40:
        return AgeBand.FROM_31_TO_40
    if age <= 50:
        return AgeBand.FROM_41_TO_50
    if age <= 60:
        return AgeBand.FROM_51_TO_60
    return AgeBand.OVER_60


def _subtree(conn: sqlite3.Connection, root: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for org_id, parent in conn.execute(
        "SELECT id, parent_id FROM organization WHERE deleted_at IS NULL"
    ):
        children.setdefault(parent, []).append(org_id)
    found, todo = set(), [root]
    while todo:
        current = todo.pop()
        found.add(current)
        todo.extend(children.get(current, []))
    return found


def _counted_rows(path: Path, orgs: set[int] | None = None) -> list[tuple[str, str, date]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT sex, ethnicity_code, birth_date, organization_id FROM member"
            " WHERE deleted_at IS NULL AND status IN (?, ?, ?)",
            COUNTED,
        ).fetchall()
    finally:
        conn.close()
    return [
        (sex, ethnicity, date.fromisoformat(born))
        for sex, ethnicity, born, org in rows
        if orgs is None or org in orgs
    ]


def _ceremony_months(path: Path, year: int, orgs: set[int] | None = None) -> Counter[int]:
    """Admissions per month from the ceremony events of live members."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT e.on_date, m.organization_id FROM member_event e"
            " JOIN member m ON m.id = e.member_id"
            " WHERE e.kind = ? AND e.deleted_at IS NULL AND m.deleted_at IS NULL",
            (EventKind.CEREMONY.value,),
        ).fetchall()
    finally:
        conn.close()
    months: Counter[int] = Counter()
    for on_date, org in rows:
        day = date.fromisoformat(on_date)
        if day.year == year and (orgs is None or org in orgs):
            months[day.month] += 1
    return months


def test_office_figures_match_independent_counts(demo):
    db, path = demo
    charts = overview_charts(db, today=TODAY)
    rows = _counted_rows(path)
    assert charts.members == len(rows) > 300
    ages = Counter(_band(_age(born, TODAY)) for _sex, _eth, born in rows)
    assert {bar.key: bar.count for bar in charts.by_age} == {b.value: ages[b] for b in AgeBand}
    sexes = Counter(sex for sex, _eth, _born in rows)
    assert {bar.key: bar.count for bar in charts.by_sex} == {"nam": sexes["nam"], "nữ": sexes["nữ"]}
    # The largest groups on their own (the catalogue's «Khác», 99, never), the rest summed.
    groups = Counter(eth for _sex, eth, _born in rows)
    top = [code for code, _n in sorted(groups.items(), key=lambda g: (-g[1], g[0])) if code != "99"]
    top = top[:TOP_ETHNICITIES]
    assert [bar.key for bar in charts.by_ethnicity] == [*top, OTHER_KEY]
    assert charts.shown_ethnicities == tuple(top)
    assert [bar.count for bar in charts.by_ethnicity] == [
        *(groups[code] for code in top),
        len(rows) - sum(groups[code] for code in top),
    ]
    assert charts.by_ethnicity[0].label == "Kinh"
    assert charts.by_ethnicity[0].label_en == "Kinh (Viet)"
    # Admissions: the demo holds ceremonies this year; the service reads the cached dates.
    months = _ceremony_months(path, TODAY.year)
    assert sum(months.values()) > 0
    assert [m.count for m in charts.admissions.months] == [months[m] for m in range(1, 13)]
    assert charts.admissions.total == sum(months.values())
    assert [m.cumulative for m in charts.admissions.months][-1] == charts.admissions.total
    assert charts.admissions.target == 0
    assert charts.admissions.percent_of_target is None
    assert charts.organization_id is None
    assert charts.scope_name == ""


def test_subtree_figures_match_independent_counts(demo):
    db, path = demo
    conn = sqlite3.connect(path)
    try:
        # The đảng bộ with the most branches under it (not the office at the top).
        root, name = conn.execute(
            "SELECT p.id, p.name FROM organization p JOIN organization c ON c.parent_id = p.id"
            " WHERE p.deleted_at IS NULL AND c.deleted_at IS NULL AND p.parent_id IS NOT NULL"
            " GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1"
        ).fetchone()
        orgs = _subtree(conn, root)
    finally:
        conn.close()
    assert len(orgs) > 2
    charts = overview_charts(db, root, TODAY)
    rows = _counted_rows(path, orgs)
    assert charts.scope_name == name
    assert charts.members == len(rows) > 0
    ages = Counter(_band(_age(born, TODAY)) for _sex, _eth, born in rows)
    assert [bar.count for bar in charts.by_age] == [ages[b] for b in AgeBand]
    assert sum(bar.count for bar in charts.by_ethnicity) == len(rows)
    months = _ceremony_months(path, TODAY.year, orgs)
    assert [m.count for m in charts.admissions.months] == [months[m] for m in range(1, 13)]
    assert charts.members < overview_charts(db, today=TODAY).members


def test_every_bar_opens_a_list_of_exactly_its_count(demo):
    db, _path = demo
    charts = overview_charts(db, today=TODAY)
    for kind in ChartKind:
        for bar in charts.bars(kind):
            filters = charts.member_filter(kind, bar.key)
            assert count_members(db, filters) == bar.count, (kind, bar.key)
    age = charts.member_filter(ChartKind.AGE, AgeBand.OVER_60.value)
    assert age.statuses == COUNTED
    assert age.age_band is AgeBand.OVER_60
    assert age.today == TODAY
    other = charts.member_filter(ChartKind.ETHNICITY, OTHER_KEY)
    assert other.ethnicity_excluded == charts.shown_ethnicities
    march = charts.member_filter(ChartKind.ADMISSIONS, "3")
    # Admissions are listed whatever the member's status is now.
    assert march.statuses is None
    assert (march.ceremony_from, march.ceremony_to) == (date(2026, 3, 1), date(2026, 3, 31))
    february = charts.member_filter(ChartKind.ADMISSIONS, "2")
    assert february.ceremony_to == date(2026, 2, calendar.monthrange(2026, 2)[1])
    with pytest.raises(ValueError, match="month"):
        charts.member_filter(ChartKind.ADMISSIONS, "13")
    with pytest.raises(ValueError, match="ethnicity"):
        charts.member_filter(ChartKind.ETHNICITY, "99")


def test_target_comes_from_the_rule_table(demo):
    db, _path = demo
    set_rule_value(
        db, "report.admission_target", date(2026, 1, 1), 40, "Chỉ tiêu năm 2026 của Đảng ủy xã"
    )
    charts = overview_charts(db, today=TODAY)
    assert charts.admissions.target == 40
    assert charts.admissions.percent_of_target == pytest.approx(100 * charts.admissions.total / 40)
    # The next year has no target of its own yet: the 2026 value still applies on 31/12/2027.
    later = overview_charts(db, today=date(2027, 2, 1))
    assert later.admissions.target == 40
    assert later.admissions.total == 0


def test_new_register_filters_match_plain_sql(demo):
    db, path = demo
    conn = sqlite3.connect(path)
    try:
        excluded = conn.execute(
            "SELECT count(*) FROM member WHERE deleted_at IS NULL AND ethnicity_code NOT IN"
            " ('01', '16')"
        ).fetchone()[0]
        ceremonies = conn.execute(
            "SELECT count(*) FROM member WHERE deleted_at IS NULL"
            " AND ceremony_date BETWEEN '2026-01-01' AND '2026-04-30'"
        ).fetchone()[0]
    finally:
        conn.close()
    assert count_members(db, MemberFilter(ethnicity_excluded=("01", "16"))) == excluded
    window = MemberFilter(ceremony_from=date(2026, 1, 1), ceremony_to=date(2026, 4, 30))
    assert count_members(db, window) == ceremonies > 0
    # Empty values change nothing: the register's default list is the same as before.
    assert count_members(db, MemberFilter(ethnicity_excluded=())) == count_members(db)
