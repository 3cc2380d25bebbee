"""Statistics as of a date on a demo office, against independent counts over the rows.

The reference counts here replay each member's events with `member_state.derive_state`
(the register's own rule for status) and read the membership rows in Python: nothing of
`services/statistics*` is used to compute what the report must say.
"""

from __future__ import annotations

import shutil
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from partydesk.codes import COUNTED_STATUSES, EventKind, OrgKind
from partydesk.db.engine import Database
from partydesk.db.models import Member, MemberEvent, Membership, Organization
from partydesk.services.database import open_database
from partydesk.services.demo import build_demo_office
from partydesk.services.member_state import EventFact, derive_state
from partydesk.services.rule_admin import set_rule_value
from partydesk.services.statistics import StatisticsRequest, compute_statistics, full_years
from partydesk.services.statistics_report import export_statistics

DEMO_TODAY = date(2026, 11, 23)
HALF_YEAR = date(2026, 6, 30)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stats") / "demo.sqlite3"
    db = open_database(path, actor="test")
    build_demo_office(db, members=600, seed=3, today=DEMO_TODAY)
    db.close()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    target = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, target)
    db = open_database(target, actor="test")
    yield db
    db.close()


@dataclass
class _Person:
    member: Member
    events: list[EventFact]
    periods: list[tuple[date, date | None, int]]


def _people(db: Database) -> list[_Person]:
    with db.reader() as session:
        members = {
            m.id: m for m in session.scalars(select(Member).where(Member.deleted_at.is_(None)))
        }
        for member in members.values():
            session.expunge(member)
        events: dict[int, list[EventFact]] = {}
        for e in session.scalars(select(MemberEvent).where(MemberEvent.deleted_at.is_(None))):
            events.setdefault(e.member_id, []).append(
                EventFact(e.kind, e.on_date, e.decision_no, e.id, e.effective_date)
            )
        periods: dict[int, list[tuple[date, date | None, int]]] = {}
        for p in session.scalars(select(Membership).where(Membership.deleted_at.is_(None))):
            periods.setdefault(p.member_id, []).append(
                (p.valid_from, p.valid_to, p.organization_id)
            )
    return [_Person(m, events.get(i, []), periods.get(i, [])) for i, m in members.items()]


def _org_on(person: _Person, day: date) -> int | None:
    """Independent "member here on `day`": derive_state on the events up to that day."""
    state = derive_state(e for e in person.events if e.on_date <= day)
    if state.status not in COUNTED_STATUSES:
        return None
    for start, end, org in person.periods:
        if start <= day and (end is None or end > day):
            return org
    return None


def _grassroots(db: Database) -> dict[int, int]:
    """Each organization's grassroots organization (the demo never re-parents)."""
    with db.reader() as session:
        rows = {o.id: (o.kind, o.parent_id) for o in session.scalars(select(Organization))}
    result: dict[int, int] = {}
    for org_id in rows:
        current: int | None = org_id
        while current is not None and not OrgKind(rows[current][0]).is_grassroots:
            current = rows[current][1]
        result[org_id] = current if current is not None else org_id
    return result


def _members_on(people: list[_Person], day: date) -> dict[int, int]:
    return {p.member.id: org for p in people if (org := _org_on(p, day)) is not None}


def test_figures_match_independent_counts(demo: Database) -> None:
    people = _people(demo)
    by_id = {p.member.id: p for p in people}
    on = _members_on(people, HALF_YEAR)
    stats = compute_statistics(demo, StatisticsRequest(as_of=HALF_YEAR))

    assert stats.period_start == date(2026, 1, 1)
    assert stats.total.closing == len(on) > 300
    sex = Counter(by_id[m].member.sex for m in on)
    assert stats.composition("sex").count("nam") == sex["nam"]
    assert stats.composition("sex").count("nữ") == sex["nữ"] == stats.members.count("women")
    bands = Counter()
    for member_id in on:
        age = full_years(by_id[member_id].member.birth_date, HALF_YEAR)
        band = (
            "le30"
            if age <= 30
            else "31_40"
            if age <= 40
            else "41_50"
            if age <= 50
            else ("51_60" if age <= 60 else "gt60")
        )
        bands[band] += 1
    assert {i.code: i.count for i in stats.composition("age").items} == {
        b: bands[b] for b in ("le30", "31_40", "41_50", "51_60", "gt60")
    }
    ethnicity = Counter(by_id[m].member.ethnicity_code for m in on)
    assert stats.composition("ethnicity").count("01") == ethnicity["01"]
    assert stats.composition("ethnicity").count("16") == ethnicity["16"]
    assert stats.members.count("minorities") == len(on) - ethnicity["01"]
    assert len(stats.composition("ethnicity").items) == 55  # 54 groups and «Khác»
    religion = Counter(by_id[m].member.religion_code for m in on)
    assert {i.code: i.count for i in stats.composition("religion").items if i.count} == dict(
        religion
    )
    theory = Counter(by_id[m].member.theory_code for m in on)
    shown = {i.code: i.count for i in stats.composition("theory").items}
    assert shown["so_cap"] == theory["so_cap"]
    assert shown["trung_cap"] == theory["trung_cap"]
    assert shown[""] == theory[None]
    occupation = Counter(by_id[m].member.occupation_code for m in on)
    assert stats.composition("occupation").count("nong_dan") == occupation["nong_dan"]
    assert stats.composition("qualification").total == len(on)
    assert stats.composition("education").total == len(on)


def test_organizations_existing_on_the_date(demo: Database) -> None:
    with demo.reader() as session:
        orgs = session.execute(
            select(
                Organization.id,
                Organization.kind,
                Organization.type_code,
                Organization.parent_id,
                Organization.founded_on,
            )
        ).all()
    stats = compute_statistics(demo, StatisticsRequest(as_of=HALF_YEAR))
    root = next(o for o in orgs if o.parent_id is None)
    existing = [
        o for o in orgs if o.id != root.id and (o.founded_on is None or o.founded_on <= HALF_YEAR)
    ]
    kinds = Counter(o.kind for o in existing)
    assert stats.organizations_by_kind.count("dang_bo_co_so") == kinds["dang_bo_co_so"]
    assert stats.organizations_by_kind.count("chi_bo_co_so") == kinds["chi_bo_co_so"]
    assert stats.organizations_by_kind.count("chi_bo") == kinds["chi_bo"]
    types = Counter(o.type_code for o in existing if OrgKind(o.kind).is_grassroots)
    assert stats.organizations_by_type.count("xa") == types["xa"]
    assert stats.organizations_by_type.count("su_nghiep_cong_lap") == types["su_nghiep_cong_lap"]
    # Before any organization was founded, none is counted.
    early = compute_statistics(demo, StatisticsRequest(as_of=date(1975, 12, 31)))
    assert early.organizations_by_kind.total == 0


def test_a_past_date_counts_who_left_later(demo: Database) -> None:
    people = _people(demo)
    day = date(2025, 12, 31)
    leavers = [
        p
        for p in people
        if any(
            e.kind
            in (EventKind.STRUCK_OFF, EventKind.TRANSFER_OUT, EventKind.DIED, EventKind.EXPELLED)
            and e.on_date > day
            for e in p.events
        )
        and _org_on(p, day) is not None
    ]
    assert leavers, "the demo has members leaving after 31/12/2025"
    past = compute_statistics(demo, StatisticsRequest(as_of=day))
    now = compute_statistics(demo, StatisticsRequest(as_of=DEMO_TODAY))
    on_then = _members_on(people, day)
    assert past.total.closing == len(on_then)
    assert all(p.member.id in on_then for p in leavers)
    assert all(_org_on(p, DEMO_TODAY) is None for p in leavers if p.member.left_on)
    assert now.total.closing == len(_members_on(people, DEMO_TODAY))
    # The cached status says "left" today; the report of the past date still counts them.
    assert any(p.member.status not in COUNTED_STATUSES for p in leavers)
    # Reproducible: the same date gives the same figures after later work.
    assert compute_statistics(demo, StatisticsRequest(as_of=day)) == past


def test_every_row_balances_and_openings_are_independent(demo: Database) -> None:
    people = _people(demo)
    grassroots = _grassroots(demo)
    start = date(2026, 1, 1)
    stats = compute_statistics(demo, StatisticsRequest(as_of=DEMO_TODAY, start=start))
    assert stats.balanced
    assert stats.mismatches == ()
    opening = Counter(
        grassroots[o] for o in _members_on(people, start - timedelta(days=1)).values()
    )
    closing = Counter(grassroots[o] for o in _members_on(people, DEMO_TODAY).values())
    for row in stats.rows:
        assert row.opening + row.total_in - row.total_out == row.closing, row.code
        assert row.opening == opening[row.organization_id], row.code
        assert row.closing == closing[row.organization_id], row.code
    assert stats.total.opening == sum(opening.values())
    assert stats.total.closing == sum(closing.values())
    # The period's leavers and arrivals, counted from the events directly.
    in_period = [(p, e) for p in people for e in p.events if start <= e.on_date <= DEMO_TODAY]
    died = sum(
        1
        for p, e in in_period
        if e.kind == EventKind.DIED and _org_on(p, e.on_date - timedelta(days=1))
    )
    assert stats.period.count("died") == died
    ceremonies = sum(
        1
        for p, e in in_period
        if e.kind == EventKind.CEREMONY and _org_on(p, e.on_date) is not None
    )
    assert stats.admissions.total == ceremonies > 0
    decisions = sum(1 for _p, e in in_period if e.kind == EventKind.ADMISSION_DECISION)
    assert stats.admissions.decisions == decisions


def test_a_subtree_balances_on_its_own(demo: Database) -> None:
    with demo.reader() as session:
        org_id = session.scalar(select(Organization.id).where(Organization.code == "LD.01"))
    stats = compute_statistics(demo, StatisticsRequest(as_of=DEMO_TODAY, organization_id=org_id))
    assert stats.balanced
    assert not stats.whole_office
    assert stats.admissions.target is None
    assert [row.code for row in stats.rows] == ["LD.01"]
    whole = compute_statistics(demo, StatisticsRequest(as_of=DEMO_TODAY))
    assert stats.total.closing == next(r.closing for r in whole.rows if r.code == "LD.01")


def test_admissions_against_the_target(demo: Database) -> None:
    set_rule_value(demo, "report.admission_target", date(2026, 1, 1), 8, "Nghị quyết năm 2026")
    stats = compute_statistics(demo, StatisticsRequest(as_of=DEMO_TODAY))
    assert stats.admissions.target == 8
    assert stats.admissions.total > 0
    assert stats.admissions.percent == round(100 * stats.admissions.total / 8, 1)
    # No target (0) for 2025: no percentage.
    earlier = compute_statistics(demo, StatisticsRequest(as_of=date(2025, 12, 31)))
    assert earlier.admissions.target is None
    assert earlier.admissions.percent is None


def test_a_broken_history_fails_the_check_loudly(demo: Database) -> None:
    """A member tombstoned while their events stay live: the replay and SQL disagree."""
    with demo.session("test") as session:
        member_id = session.scalar(
            select(MemberEvent.member_id).where(
                MemberEvent.kind == EventKind.CEREMONY.value,
                MemberEvent.on_date >= date(2026, 1, 1),
            )
        )
        member = session.get(Member, member_id)
        assert member is not None
        member.deleted_at = datetime(2026, 11, 1)
    stats = compute_statistics(demo, StatisticsRequest(as_of=DEMO_TODAY))
    assert not stats.balanced
    codes = {m.code for m in stats.mismatches}
    assert "LD" in codes  # the total
    assert any(m.difference == -1 for m in stats.mismatches)
    assert "lệch -1" in stats.mismatches[0].message()


def test_the_workbook_reads_back(demo: Database, tmp_path: Path) -> None:
    set_rule_value(demo, "report.admission_target", date(2026, 1, 1), 10, "Nghị quyết năm 2026")
    path = tmp_path / "bao-cao.xlsx"
    result = export_statistics(demo, StatisticsRequest(as_of=HALF_YEAR), path)
    stats = result.statistics
    assert path.exists()
    assert not list(tmp_path.glob(".bao-cao-*"))  # no temporary file left
    book = openpyxl.load_workbook(path)
    figures = book["Tổng hợp"]
    assert figures["A1"].value == "ĐẢNG BỘ TỈNH LÂM ĐỒNG"
    assert figures["A2"].value == "ĐẢNG ỦY XÃ LẠC DƯƠNG"
    assert figures["C1"].value == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert figures["C2"].value == "Lạc Dương, ngày 30 tháng 6 năm 2026"
    assert figures["A6"].value == "BÁO CÁO THỐNG KÊ TỔ CHỨC ĐẢNG VÀ ĐẢNG VIÊN"
    assert "30/06/2026" in figures["A7"].value
    assert "A6:D6" in {str(r) for r in figures.merged_cells.ranges}
    assert figures.print_title_rows == "$9:$9"
    assert figures.page_setup.orientation == "landscape"
    assert figures.page_setup.fitToWidth == 1

    def cell(key: str) -> object:
        return figures[result.cells[f"Tổng hợp!{key}"]].value

    assert cell("members.total") == stats.total.closing
    assert cell("members.women") == stats.members.count("women")
    assert cell("age.le30") == stats.composition("age").count("le30")
    assert cell("ethnicity.01") == stats.composition("ethnicity").count("01")
    assert cell("admissions.target") == 10
    assert cell("admissions.total") == stats.admissions.total
    assert cell("admissions.percent") == stats.admissions.percent
    assert cell("period.died") == stats.period.count("died")
    coordinate = result.cells["Tổng hợp!members.total"]
    assert figures[coordinate].number_format == "#,##0"
    assert figures["B" + coordinate[1:]].value == "Tổng số đảng viên"
    with zipfile.ZipFile(path) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 2
    balance = book["Cân đối"]
    assert balance["A9"].value == "Mã"
    total_row = result.cells[f"Cân đối!{stats.total.code}.closing"]
    assert balance[total_row].value == stats.total.closing
    check = result.cells[f"Cân đối!{stats.total.code}.check"]
    assert balance[check].value == "Đúng"
    assert balance[result.cells["Cân đối!verdict"]].value.startswith("Kiểm tra cân đối: ĐÚNG")
