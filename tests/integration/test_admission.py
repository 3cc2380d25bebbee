"""Admission and recognition, from candidate to official member, with a fixed clock.

Deadlines are computed here independently of partydesk's calendar code, from an explicit
list of Vietnam's 2026–2027 public holidays, and checked to the day.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from partydesk.codes import EventKind, IntroducerKind, MemberStatus
from partydesk.db.engine import Database
from partydesk.db.models import AuditEntry, Member, MemberEvent, Membership
from partydesk.errors import PartydeskError
from partydesk.services import admission
from partydesk.services.admission import IntroducerInput, Step, StepInput
from partydesk.services.member_input import MemberInput
from partydesk.services.members import create_member
from partydesk.services.overview import overview
from tests.conftest import TODAY

# Weekday public holidays and days off in lieu (Bộ luật Lao động 2019, điều 112, and the
# yearly notices): Tết Bính Ngọ 16–20/02/2026, Giỗ Tổ observed 27/04, 30/4, 1/5, the
# 31/08/2026 swap, 1–2/9, Ngày Văn hóa 24/11; 2027: Tết 04–10/02, Giỗ Tổ 16/04, 30/4,
# 1/5 observed 03/05, 2–3/9, 24/11.
HOLIDAYS = {
    date(2026, 1, 1),
    *(date(2026, 2, d) for d in range(16, 21)),
    date(2026, 4, 27),
    date(2026, 4, 30),
    date(2026, 5, 1),
    date(2026, 8, 31),
    date(2026, 9, 1),
    date(2026, 9, 2),
    date(2026, 11, 24),
    date(2027, 1, 1),
    date(2027, 2, 4),
    date(2027, 2, 5),
    date(2027, 2, 8),
    date(2027, 2, 9),
    date(2027, 2, 10),
    date(2027, 4, 16),
    date(2027, 4, 30),
    date(2027, 5, 3),
    date(2027, 9, 2),
    date(2027, 9, 3),
    date(2027, 11, 24),
}
WORKED_SATURDAYS = {date(2026, 8, 22)}


def working(d: date) -> bool:
    if d in WORKED_SATURDAYS:
        return True
    return d.weekday() < 5 and d not in HOLIDAYS


def plus_working_days(start: date, n: int) -> date:
    d = start
    while n:
        d += timedelta(days=1)
        if working(d):
            n -= 1
    return d


def next_working_day(d: date) -> date:
    return plus_working_days(d, 1)


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, to prove a refused step wrote nothing."""
    con = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " AND name NOT LIKE 'member_fts%'"
            )
        ]
        return {t: con.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        con.close()


def person(db: Database, org_id: int, name: str, birth: date, **dates: object) -> int:
    data = MemberInput(
        full_name=name,
        sex="nam",
        birth_date=birth,
        organization_id=org_id,
        **dates,  # type: ignore[arg-type]
    )
    return create_member(db, data, today=TODAY).id


def official(db: Database, org_id: int, name: str) -> int:
    return person(
        db,
        org_id,
        name,
        date(1975, 5, 5),
        decision_date=date(2015, 1, 5),
        ceremony_date=date(2015, 2, 2),
        official_date=date(2016, 2, 2),
    )


def step(
    db: Database,
    member_id: int,
    which: Step,
    on: date,
    number: str = "",
    signer: str = "",
    today: date = TODAY,
) -> admission.StepResult:
    return admission.record_step(db, member_id, which, StepInput(on, number, signer), today)


def introduce(db: Database, member_id: int, introducer: int, on: date, worked_from: date) -> None:
    admission.add_introducer(
        db,
        member_id,
        IntroducerInput(
            IntroducerKind.MEMBER.value,
            on,
            introducer_member_id=introducer,
            worked_from=worked_from,
        ),
        TODAY,
    )


def prepared(db: Database, org_id: int, name: str, birth: date = date(1998, 3, 15)) -> int:
    """A candidate with the course, two introducers, application and verification."""
    a = official(db, org_id, f"Giới thiệu A {name}")
    b = official(db, org_id, f"Giới thiệu B {name}")
    member_id = person(db, org_id, name, birth, registered_on=date(2025, 3, 1))
    step(db, member_id, Step.COURSE, date(2025, 4, 10), "15/CN-NTVĐ")
    introduce(db, member_id, a, date(2025, 10, 1), date(2024, 9, 1))
    introduce(db, member_id, b, date(2025, 10, 1), date(2024, 9, 1))
    step(db, member_id, Step.APPLICATION, date(2025, 10, 5))
    step(db, member_id, Step.BIOGRAPHY, date(2025, 12, 15))
    return member_id


def refused(
    db_path: Path, code: str, call: object, *args: object, **kwargs: object
) -> PartydeskError:
    before = dump(db_path)
    with pytest.raises(PartydeskError) as err:
        call(*args, **kwargs)  # type: ignore[operator]
    assert err.value.code == code, err.value.message()
    assert dump(db_path) == before
    return err.value


def events(db: Database, member_id: int) -> list[tuple[str, date, str, str, date | None]]:
    with db.reader() as session:
        return [
            tuple(row)  # type: ignore[misc]
            for row in session.execute(
                select(
                    MemberEvent.kind,
                    MemberEvent.on_date,
                    MemberEvent.decision_no,
                    MemberEvent.decided_by,
                    MemberEvent.effective_date,
                )
                .where(MemberEvent.member_id == member_id)
                .order_by(MemberEvent.on_date, MemberEvent.id)
            )
        ]


def member(db: Database, member_id: int) -> Member:
    with db.reader() as session:
        row = session.get(Member, member_id)
        assert row is not None
        session.expunge(row)  # keep the loaded values after the reader rolls back
        return row


def test_holiday_list_matches_the_year(db):
    # Guard for the independent computation: the Tết crossing really is in the deadline.
    assert plus_working_days(date(2026, 1, 12), 60) == date(2026, 4, 13)
    assert plus_working_days(date(2026, 1, 12), 55) == date(2026, 4, 6)


def test_from_candidate_to_official_member_every_deadline_to_the_day(db, db_path, org_ids):
    branch = org_ids["DR.01.01"]  # a chi bộ under the đảng bộ cơ sở DR.01
    member_id = prepared(db, branch, "Lê Văn Tâm")
    resolution = date(2026, 1, 12)
    step(db, member_id, Step.BRANCH, resolution, "3-NQ/CB")
    step(db, member_id, Step.GRASSROOTS, date(2026, 1, 20), "5-NQ/ĐU")

    # 60 working days after the branch resolution, across Tết (16–20/02/2026).
    due = plus_working_days(resolution, 60)
    extended = plus_working_days(resolution, 90)
    assert due == date(2026, 4, 13)
    progress = admission.admission_progress(db, member_id, date(2026, 2, 1))
    assert progress.next_step == Step.DECISION.value
    assert progress.next_due == due
    check = admission.check_step
    decide = StepInput(due, "12-QĐ/ĐU", "Nguyễn Văn Hùng")
    assert check(db, member_id, Step.DECISION, decide, TODAY).notices == ()
    late = StepInput(next_working_day(due), "12-QĐ/ĐU", "Nguyễn Văn Hùng")
    notices = check(db, member_id, Step.DECISION, late, TODAY).notices
    assert [n.code for n in notices] == ["admission.decision_late"]
    assert "232-QĐ/TW 2025 thi hành Điều lệ Đảng, điểm 4.3.1" in notices[0].message()
    assert extended.strftime("%d/%m/%Y") in notices[0].message()
    at_extended = StepInput(extended, "12-QĐ/ĐU", "Nguyễn Văn Hùng")
    assert [n.code for n in check(db, member_id, Step.DECISION, at_extended, TODAY).notices] == [
        "admission.decision_late"
    ]
    past = StepInput(extended + timedelta(days=1), "12-QĐ/ĐU", "Nguyễn Văn Hùng")
    assert [n.code for n in check(db, member_id, Step.DECISION, past, TODAY).notices] == [
        "admission.decision_late_extended"
    ]
    result = step(db, member_id, Step.DECISION, due, "12-QĐ/ĐU", "Nguyễn Văn Hùng")
    assert result.notices == ()

    # The ceremony: 30 working days after the decision (Giỗ Tổ, 30/4 and 1/5 skipped).
    ceremony_due = plus_working_days(due, 30)
    assert ceremony_due == date(2026, 5, 28)
    assert admission.admission_progress(db, member_id, TODAY).next_due == ceremony_due
    assert check(db, member_id, Step.CEREMONY, StepInput(ceremony_due), TODAY).notices == ()
    late_ceremony = StepInput(next_working_day(ceremony_due))
    assert [n.code for n in check(db, member_id, Step.CEREMONY, late_ceremony, TODAY).notices] == [
        "admission.ceremony_late"
    ]
    refused(
        db_path,
        "admission.date_before",
        step,
        db,
        member_id,
        Step.CEREMONY,
        due - timedelta(days=1),
    )
    ceremony = date(2026, 5, 19)
    assert step(db, member_id, Step.CEREMONY, ceremony).notices == ()
    row = member(db, member_id)
    assert row.status == MemberStatus.PROBATIONARY.value
    assert (row.decision_date, row.decision_no, row.ceremony_date) == (due, "12-QĐ/ĐU", ceremony)

    # Probation: 12 months from the ceremony, then 30 working days to consider.
    ends = date(2027, 5, 19)
    later = date(2027, 12, 31)  # the clock of the recognition part
    refused(
        db_path,
        "admission.not_yet_ended",
        step,
        db,
        member_id,
        Step.RECOGNITION_BRANCH,
        ends - timedelta(days=1),
        "7-NQ/CB",
        today=later,
    )
    consider_due = plus_working_days(ends, 30)
    assert consider_due == date(2027, 6, 30)
    progress = admission.admission_progress(db, member_id, later)
    assert progress.probation_ends == ends
    assert progress.next_step == Step.RECOGNITION_BRANCH.value
    assert progress.next_due == consider_due
    # The branch meets late: allowed, with a notice.
    branch_day = next_working_day(consider_due)
    result = step(db, member_id, Step.RECOGNITION_BRANCH, branch_day, "7-NQ/CB", today=later)
    assert [n.code for n in result.notices] == ["admission.recognition_consider_late"]
    decision_due = plus_working_days(branch_day, 30)
    assert decision_due == date(2027, 8, 12)
    recognize = StepInput(decision_due, "45-QĐ/ĐU", "Nguyễn Văn Hùng")
    assert check(db, member_id, Step.RECOGNITION, recognize, later).notices == ()
    # Decided late: still official from the end of probation.
    late_day = date(2027, 9, 6)
    result = admission.recognize(db, member_id, late_day, "45-QĐ/ĐU", "Nguyễn Văn Hùng", later)
    assert [n.code for n in result.notices] == ["admission.recognition_decision_late"]
    row = member(db, member_id)
    assert row.status == MemberStatus.OFFICIAL.value
    assert (row.decision_date, row.ceremony_date, row.official_date) == (due, ceremony, ends)
    recognition = [e for e in events(db, member_id) if e[0] == EventKind.RECOGNITION.value]
    assert recognition == [("recognition", late_day, "45-QĐ/ĐU", "Nguyễn Văn Hùng", ends)]
    kinds = [e[0] for e in events(db, member_id)]
    assert kinds == [
        "candidate_registered",
        "course_completed",
        "application",
        "biography_verified",
        "branch_resolution",
        "grassroots_resolution",
        "admission_decision",
        "ceremony",
        "recognition_branch_resolution",
        "recognition",
    ]
    with db.reader() as session:
        actions = set(session.scalars(select(AuditEntry.action)))
    assert {
        "admission.admission_decision",
        "admission.ceremony",
        "admission.recognition",
    } <= actions
    progress = admission.admission_progress(db, member_id, later)
    assert progress.next_step is None
    late_steps = [s.step for s in progress.steps if s.warning]
    assert late_steps == ["recognition_branch_resolution", "recognition"]
    assert progress.steps[-1].effective_date == ends


def test_every_out_of_order_step_is_refused_and_writes_nothing(db, db_path, org_ids):
    branch = org_ids["DR.01.01"]
    bare = person(db, branch, "Trần Thị Bé", date(2000, 1, 1), registered_on=date(2025, 1, 1))
    on = date(2026, 1, 12)
    refused(db_path, "admission.step_missing", step, db, bare, Step.DECISION, on, "1", "X")
    refused(db_path, "admission.step_missing", step, db, bare, Step.CEREMONY, on)
    refused(db_path, "admission.step_missing", step, db, bare, Step.BRANCH, on, "1-NQ/CB")
    refused(db_path, "admission.step_missing", step, db, bare, Step.BIOGRAPHY, on)
    refused(db_path, "admission.step_missing", step, db, bare, Step.GRASSROOTS, on, "1")
    refused(db_path, "admission.bad_status", step, db, bare, Step.RECOGNITION_BRANCH, on, "1")
    refused(db_path, "admission.bad_status", step, db, bare, Step.RECOGNITION, on, "1", "X")
    refused(db_path, "field.future_date", step, db, bare, Step.COURSE, TODAY + timedelta(days=1))

    member_id = prepared(db, branch, "Phan Văn Khoa")
    refused(db_path, "field.required", step, db, member_id, Step.BRANCH, on)  # no number
    refused(db_path, "admission.step_missing", step, db, member_id, Step.DECISION, on, "1", "X")
    step(db, member_id, Step.BRANCH, on, "3-NQ/CB")
    refused(db_path, "admission.step_done", step, db, member_id, Step.BRANCH, on, "4-NQ/CB")
    refused(
        db_path,
        "admission.date_before",
        step,
        db,
        member_id,
        Step.GRASSROOTS,
        date(2026, 1, 5),
        "5",
    )
    # Under a đảng bộ cơ sở the grassroots committee resolves before the decision.
    err = refused(
        db_path, "admission.step_missing", step, db, member_id, Step.DECISION, on, "12", "X"
    )
    assert EventKind.GRASSROOTS_RESOLUTION.label in err.message()
    step(db, member_id, Step.GRASSROOTS, date(2026, 1, 20), "5-NQ/ĐU")
    refused(db_path, "field.required", step, db, member_id, Step.DECISION, date(2026, 2, 2), "12")
    refused(
        db_path,
        "admission.date_before",
        step,
        db,
        member_id,
        Step.DECISION,
        date(2026, 1, 19),
        "12",
        "X",
    )
    refused(db_path, "admission.step_missing", step, db, member_id, Step.CEREMONY, date(2026, 2, 2))
    step(db, member_id, Step.DECISION, date(2026, 2, 2), "12-QĐ/ĐU", "Nguyễn Văn Hùng")
    refused(
        db_path,
        "admission.step_done",
        step,
        db,
        member_id,
        Step.DECISION,
        date(2026, 2, 3),
        "13",
        "X",
    )
    refused(db_path, "admission.date_before", step, db, member_id, Step.CEREMONY, date(2026, 2, 1))
    refused(db_path, "admission.bad_status", step, db, member_id, Step.RECOGNITION_BRANCH, on, "1")
    step(db, member_id, Step.CEREMONY, date(2026, 2, 9))
    refused(db_path, "admission.bad_status", step, db, member_id, Step.CEREMONY, date(2026, 2, 10))
    refused(
        db_path,
        "admission.not_yet_ended",
        step,
        db,
        member_id,
        Step.RECOGNITION_BRANCH,
        date(2026, 11, 20),
        "9",
    )
    later = date(2027, 6, 1)
    refused(
        db_path,
        "admission.step_missing",
        step,
        db,
        member_id,
        Step.RECOGNITION,
        date(2027, 3, 1),
        "9",
        "X",
        today=later,
    )
    err = refused(
        db_path,
        "admission.not_yet_ended",
        admission.fail_recognition,
        db,
        member_id,
        date(2027, 2, 8),
        today=later,
    )
    assert "Điều lệ Đảng 2011, điều 5 khoản 1" in err.message()
    refused(db_path, "admission.unknown_step", step, db, member_id, "frobnicate", on)  # type: ignore[arg-type]
    refused(db_path, "member.not_found", step, db, 999_999, Step.COURSE, on)


def test_a_grassroots_branch_needs_no_grassroots_resolution(db, db_path, org_ids):
    member_id = prepared(db, org_ids["DR.02"], "Hà Văn Sơn")  # DR.02 is a chi bộ cơ sở
    step(db, member_id, Step.BRANCH, date(2026, 1, 12), "3-NQ/CB")
    err = refused(
        db_path,
        "admission.grassroots_not_needed",
        step,
        db,
        member_id,
        Step.GRASSROOTS,
        date(2026, 1, 20),
        "5",
    )
    assert "Chi bộ thôn 1" in err.message()
    assert admission.admission_progress(db, member_id, TODAY).next_step == Step.DECISION.value
    step(db, member_id, Step.DECISION, date(2026, 1, 26), "9-QĐ/ĐU", "Nguyễn Văn Hùng")


def test_branch_resolution_checks_course_introducers_and_application(db, db_path, org_ids):
    branch = org_ids["DR.02"]
    a = official(db, branch, "Đảng Viên A")
    b = official(db, branch, "Đảng Viên B")
    member_id = person(db, branch, "Cao Thị Ngân", date(1999, 6, 1), registered_on=date(2020, 1, 1))
    on = date(2026, 1, 12)
    err = refused(db_path, "admission.step_missing", step, db, member_id, Step.BRANCH, on, "3")
    assert EventKind.COURSE_COMPLETED.label in err.message()
    # A certificate of 10/06/2020 is valid five years: expired by 2026 (an uncertain rule).
    step(db, member_id, Step.COURSE, date(2020, 6, 10), "1/CN")
    err = refused(db_path, "admission.course_expired", step, db, member_id, Step.BRANCH, on, "3")
    assert "10/06/2025" in err.message()
    assert "Hướng dẫn 12-HD/BTCTW 2022" in err.message()
    assert "chưa chắc chắn" in err.message()
    refused(db_path, "admission.step_done", step, db, member_id, Step.COURSE, date(2020, 6, 10))
    step(db, member_id, Step.COURSE, date(2025, 9, 1), "2/CN")
    err = refused(db_path, "admission.step_missing", step, db, member_id, Step.BRANCH, on, "3")
    assert EventKind.APPLICATION.label in err.message()
    step(db, member_id, Step.APPLICATION, date(2025, 10, 1))
    step(db, member_id, Step.BIOGRAPHY, date(2025, 12, 1))
    err = refused(
        db_path, "admission.introducers_incomplete", step, db, member_id, Step.BRANCH, on, "3"
    )
    assert "Điều lệ Đảng 2011, điều 4 khoản 1" in err.message()
    introduce(db, member_id, a, date(2025, 10, 1), date(2024, 10, 1))
    refused(db_path, "admission.introducers_incomplete", step, db, member_id, Step.BRANCH, on, "3")
    introduce(db, member_id, b, date(2025, 10, 1), date(2024, 9, 15))
    step(db, member_id, Step.BRANCH, on, "3-NQ/CB")
    assert member(db, member_id).introducers == "Đảng Viên A; Đảng Viên B"


def test_introducer_rules(db, db_path, org_ids):
    branch = org_ids["DR.02"]
    member_id = person(db, branch, "Lò Văn Páo", date(2001, 2, 3), registered_on=date(2025, 1, 1))
    probationary = person(
        db,
        branch,
        "Dự Bị",
        date(1990, 1, 1),
        decision_date=date(2025, 3, 2),
        ceremony_date=date(2025, 3, 20),
    )
    a = official(db, branch, "Chính Thức A")
    b = official(db, branch, "Chính Thức B")
    on = date(2025, 10, 1)

    def add(kind: str, **kwargs: object) -> None:
        admission.add_introducer(db, member_id, IntroducerInput(kind, on, **kwargs), TODAY)  # type: ignore[arg-type]

    err = refused(
        db_path,
        "admission.introducer_not_official",
        add,
        "member",
        introducer_member_id=probationary,
        worked_from=date(2024, 1, 1),
    )
    assert "Điều lệ Đảng 2011, điều 4 khoản 1" in err.message()
    # 12 full months are needed: 02/10/2024 → 01/10/2025 is 11 months.
    err = refused(
        db_path,
        "admission.introducer_too_short",
        add,
        "member",
        introducer_member_id=a,
        worked_from=date(2024, 10, 2),
    )
    assert "11" in err.message()
    refused(db_path, "field.required", add, "member", introducer_member_id=a)
    refused(db_path, "admission.introducer_self", add, "member", introducer_member_id=member_id)
    add("member", introducer_member_id=a, worked_from=date(2024, 10, 1))
    refused(
        db_path,
        "admission.introducer_twice",
        add,
        "member",
        introducer_member_id=a,
        worked_from=date(2024, 1, 1),
    )
    refused(db_path, "field.required", add, "youth_union")
    add("youth_union", full_name="Ban Chấp hành Đoàn xã Đam Rông")
    refused(db_path, "admission.introducers_full", add, "trade_union", full_name="Công đoàn")
    refused(
        db_path,
        "admission.introducers_full",
        add,
        "member",
        introducer_member_id=b,
        worked_from=date(2024, 1, 1),
    )
    progress = admission.admission_progress(db, member_id, TODAY)
    assert [(i.kind, i.full_name) for i in progress.introducers] == [
        ("member", "Chính Thức A"),
        ("youth_union", "Ban Chấp hành Đoàn xã Đam Rông"),
    ]
    assert progress.steps[1].done_on == on


@pytest.mark.parametrize(
    ("birth", "on", "ok"),
    [
        (date(2008, 1, 23), date(2026, 1, 22), False),  # 215 months: one day short of 18
        (date(2008, 1, 23), date(2026, 1, 23), True),  # 216 months on the 18th birthday
        (date(1966, 1, 12), date(2026, 1, 12), True),  # 720 months on the 60th birthday
        (date(1966, 1, 12), date(2026, 2, 11), True),  # 720 months and 30 days
        (date(1966, 1, 12), date(2026, 2, 12), False),  # 721 months
    ],
)
def test_age_on_the_branch_date_in_full_months(db, db_path, org_ids, birth, on, ok):
    member_id = prepared(db, org_ids["DR.02"], "Tuổi Vừa Đủ", birth=birth)
    if ok:
        step(db, member_id, Step.BRANCH, on, "3-NQ/CB")
        return
    err = refused(db_path, "admission.age", step, db, member_id, Step.BRANCH, on, "3-NQ/CB")
    assert "232-QĐ/TW 2025 thi hành Điều lệ Đảng, điểm 1.1" in err.message()


def test_batch_ceremony_is_all_or_nothing(db, db_path, org_ids):
    branch = org_ids["DR.02"]
    ids = []
    for name in ("Một", "Hai", "Ba"):
        member_id = prepared(db, branch, f"Nguyễn Văn {name}")
        step(db, member_id, Step.BRANCH, date(2026, 1, 12), "3-NQ/CB")
        ids.append(member_id)
    for member_id in ids[:2]:
        step(db, member_id, Step.DECISION, date(2026, 2, 2), "12-QĐ/ĐU", "Nguyễn Văn Hùng")
    err = refused(
        db_path, "admission.batch", admission.hold_ceremonies, db, ids, date(2026, 2, 9), TODAY
    )
    assert "Nguyễn Văn Ba" in err.message()
    assert "No ceremony" in err.message("en")
    refused(
        db_path,
        "admission.duplicate_member",
        admission.hold_ceremonies,
        db,
        [ids[0], ids[0]],
        date(2026, 2, 9),
        TODAY,
    )
    refused(db_path, "admission.no_members", admission.hold_ceremonies, db, [], date(2026, 2, 9))
    results = admission.hold_ceremonies(db, ids[:2], date(2026, 2, 9), TODAY)
    assert [r.member_id for r in results] == ids[:2]
    for member_id in ids[:2]:
        ceremonies = [e for e in events(db, member_id) if e[0] == "ceremony"]
        assert ceremonies == [("ceremony", date(2026, 2, 9), "", "", None)]
        assert member(db, member_id).status == MemberStatus.PROBATIONARY.value
    assert member(db, ids[2]).status == MemberStatus.CANDIDATE.value


def test_failing_recognition_strikes_off_the_probationary_list(db, db_path, org_ids):
    branch = org_ids["DR.02"]
    member_id = person(
        db,
        branch,
        "Không Đạt",
        date(1990, 1, 1),
        decision_date=date(2025, 3, 2),
        ceremony_date=date(2025, 3, 20),
    )
    refused(
        db_path,
        "field.unknown_code",
        admission.fail_recognition,
        db,
        member_id,
        date(2026, 4, 1),
        ground="khong_co",
        today=TODAY,
    )
    admission.fail_recognition(db, member_id, date(2026, 4, 1), number="20-QĐ/ĐU", today=TODAY)
    row = member(db, member_id)
    assert (row.status, row.left_on) == (MemberStatus.LEFT.value, date(2026, 4, 1))
    assert (row.decision_date, row.ceremony_date, row.official_date) == (
        date(2025, 3, 2),
        date(2025, 3, 20),
        None,
    )
    with db.reader() as session:
        periods = session.execute(
            select(Membership.valid_from, Membership.valid_to).where(
                Membership.member_id == member_id
            )
        ).all()
    assert periods == [(date(2025, 3, 20), date(2026, 4, 1))]
    err = refused(
        db_path, "admission.left_readmit", step, db, member_id, Step.DECISION, TODAY, "1", "X"
    )
    assert "232-QĐ/TW 2025 thi hành Điều lệ Đảng, điểm 3.5.1" in err.message()
    progress = admission.admission_progress(db, member_id, TODAY)
    assert progress.steps[-1].step == Step.FAIL.value
    assert progress.next_step is None


def test_due_items_board_and_overview(db, org_ids):
    branch = org_ids["DR.01.01"]
    waiting = prepared(db, branch, "Chờ Quyết Định")
    step(db, waiting, Step.BRANCH, date(2026, 9, 1), "3-NQ/CB")
    decided = prepared(db, org_ids["DR.02"], "Chờ Lễ Kết Nạp")
    step(db, decided, Step.BRANCH, date(2026, 9, 1), "4-NQ/CB")
    step(db, decided, Step.DECISION, date(2026, 11, 2), "30-QĐ/ĐU", "Nguyễn Văn Hùng")
    ending = person(
        db,
        branch,
        "Sắp Hết Dự Bị",
        date(1990, 1, 1),
        decision_date=date(2025, 11, 20),
        ceremony_date=date(2025, 12, 1),
    )
    far = person(
        db,
        branch,
        "Còn Lâu",
        date(1990, 1, 1),
        decision_date=date(2026, 6, 1),
        ceremony_date=date(2026, 6, 5),
    )
    # Other areas list these people too (no dues paid this year): only admission here.
    items = {
        item.member_id: item
        for item in overview(db, TODAY).due
        if item.group in ("admission", "recognition")
    }
    assert far not in items
    assert items[waiting].due == plus_working_days(date(2026, 9, 1), 60)
    assert (items[waiting].group, items[waiting].action) == ("admission", "admission_decision")
    assert items[decided].due == plus_working_days(date(2026, 11, 2), 30)
    assert (items[decided].group, items[decided].action) == ("admission", "ceremony")
    assert items[ending].due == plus_working_days(date(2026, 12, 1), 30)
    assert (items[ending].group, items[ending].action) == ("recognition", "recognition")
    board = {row.member_id: row for row in admission.admission_board(db, TODAY)}
    # The branch under a đảng bộ cơ sở waits for the grassroots resolution first.
    assert board[waiting].next_step == Step.GRASSROOTS.value
    assert board[decided].next_step == Step.CEREMONY.value
    assert board[far].next_step == Step.RECOGNITION_BRANCH.value
    assert board[far].probation_ends == date(2027, 6, 5)
    only_dr02 = admission.admission_board(db, TODAY, org_ids["DR.02"])
    assert [row.member_id for row in only_dr02] == [decided]
    assert not board[decided].overdue


def test_resolve_member_by_id_cccd_and_card(db, org_ids):
    from partydesk.rules import make_cccd

    cccd = make_cccd("068", "nam", 1998, 4242)
    member_id = create_member(
        db,
        MemberInput(
            full_name="Tìm Thấy",
            sex="nam",
            birth_date=date(1998, 1, 1),
            organization_id=org_ids["DR.02"],
            cccd=cccd,
            card_no="12345678",
            decision_date=date(2020, 1, 2),
        ),
        today=TODAY,
    ).id
    assert admission.resolve_member(db, str(member_id)) == member_id
    assert admission.resolve_member(db, cccd) == member_id
    assert admission.resolve_member(db, "12345678") == member_id
    with pytest.raises(PartydeskError):
        admission.resolve_member(db, "0000")


def test_demo_admission_is_deterministic_and_follows_the_rules(tmp_path):
    from partydesk.services.database import open_database
    from partydesk.services.demo import build_demo_office

    boards = []
    for name in ("a", "b"):
        db = open_database(tmp_path / f"{name}.sqlite3", actor="test")
        try:
            build_demo_office(db, members=300, seed=2, today=TODAY, lifecycle=False)
            before = len(admission.admission_board(db, TODAY))
            assert admission.demo_admission(db, TODAY, seed=2) == 12
            board = admission.admission_board(db, TODAY)
            assert len(board) == before + 11  # the twelfth is official
            boards.append([(r.full_name, r.next_step, r.due) for r in board])
            ours = [r for r in board if r.full_name in {p[0] for p in admission._DEMO_PEOPLE}]
            assert any(r.overdue for r in ours)
            assert {r.next_step for r in ours} >= {
                "course",
                "introducer",
                "application",
                "branch_resolution",
                "admission_decision",
                "ceremony",
                "recognition_branch_resolution",
                "recognition",
            }
        finally:
            db.close()
    assert boards[0] == boards[1]
