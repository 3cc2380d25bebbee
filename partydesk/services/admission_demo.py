"""The demo office's candidates: a dozen people at every step of admission, some late.

Each goes through the same services a clerk uses (`admission.record_step`,
`admission.add_introducer`), so the demo data obeys every rule.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk.codes import IntroducerKind, MemberStatus, OrgKind
from partydesk.db.engine import Database
from partydesk.db.models import Member, Organization
from partydesk.rules import WorkCalendar, add_months, make_cccd, official_date
from partydesk.services import candidates as core
from partydesk.services.admission import add_introducer, record_step
from partydesk.services.candidates import IntroducerInput, Step, StepInput
from partydesk.services.due import work_calendar
from partydesk.services.member_input import MemberInput
from partydesk.services.members import create_member
from partydesk.services.rule_table import load_rule_table

#: (full name, sex, stage): one person at each step, some of them late.
_DEMO_PEOPLE = (
    ("Nguyễn Thị Hồng Nhung", "nữ", "registered"),
    ("Trần Văn Khải", "nam", "course"),
    ("K'Điệp", "nữ", "introduced"),
    ("Lê Minh Tuấn", "nam", "verified"),
    ("Phạm Thị Thu Trang", "nữ", "branch"),
    ("Hoàng Đức Anh", "nam", "branch_overdue"),
    ("Vũ Thị Mai", "nữ", "decided"),
    ("Đặng Quốc Bảo", "nam", "decided_overdue"),
    ("Bùi Thị Lan Anh", "nữ", "probation_ending"),
    ("Ngô Văn Thành", "nam", "probation_overdue"),
    ("Đỗ Thị Hạnh", "nữ", "recognition_pending"),
    ("Ka Sô Liễng", "nam", "official"),
)


def demo_admission(db: Database, today: date | None = None, seed: int = 1) -> int:
    """Add a dozen candidates at every step (some overdue) to the demo office.

    Each goes through the same services a clerk uses, so the demo data obeys every rule;
    same seed and `today`, same people. Returns how many were added.
    """
    today = today or date.today()
    rng = random.Random(seed)
    with db.reader() as session:
        calendar = work_calendar(session)
        branches = _demo_branches(session, today)
    added = 0
    for index, (name, sex, stage) in enumerate(_DEMO_PEOPLE):
        plan = _demo_plan(stage, today, calendar)
        start = plan["start"]
        assert isinstance(start, date)
        choices = [b for b in branches if len(b[1]) >= 2 and b[1][1][1] <= start]
        if not choices:
            continue
        branch_id, introducers = choices[rng.randrange(len(choices))]
        birth = date(today.year - rng.randint(20, 38), rng.randint(1, 12), rng.randint(1, 28))
        cccd = _free_cccd(db, rng, sex, birth.year)
        member = create_member(
            db,
            MemberInput(
                full_name=name,
                sex=sex,
                birth_date=birth,
                organization_id=branch_id,
                cccd=cccd,
                general_education="12/12",
                registered_on=start,
            ),
            today,
        )
        _demo_steps(db, member.id, plan, introducers, index, today)
        added += 1
    return added


def _demo_branches(session: Session, today: date) -> list[tuple[int, list[tuple[int, date]]]]:
    """Live branches with their official members (id, official date), oldest first."""
    orgs = session.execute(
        select(Organization.id, Organization.kind)
        .where(Organization.deleted_at.is_(None), Organization.dissolved_on.is_(None))
        .order_by(Organization.code)
    ).all()
    out = []
    for org_id, kind in orgs:
        if not OrgKind(kind).holds_members:
            continue
        officials = session.execute(
            select(Member.id, Member.official_date)
            .where(
                Member.organization_id == org_id,
                Member.deleted_at.is_(None),
                Member.status == MemberStatus.OFFICIAL.value,
                Member.official_date.is_not(None),
            )
            .order_by(Member.official_date, Member.id)
            .limit(2)
        ).all()
        out.append((org_id, [(m, d) for m, d in officials if d is not None and d < today]))
    return out


def _free_cccd(db: Database, rng: random.Random, sex: str, year: int) -> str:
    with db.reader() as session:
        while True:
            cccd = make_cccd("068", sex, year, rng.randint(900_000, 999_999))
            if session.scalar(select(Member.id).where(Member.cccd == cccd)) is None:
                return cccd


def _demo_plan(stage: str, today: date, calendar: WorkCalendar) -> dict[str, date | str]:
    """The dates of one demo person's steps, counted back from `today`."""
    plan: dict[str, date | str] = {"stage": stage}
    if stage in ("probation_ending", "probation_overdue", "recognition_pending", "official"):
        ceremony = {
            "probation_ending": add_months(today, -12) + timedelta(days=20),
            "probation_overdue": add_months(today, -12) - timedelta(days=60),
            "recognition_pending": add_months(today, -13) - timedelta(days=10),
            "official": add_months(today, -14),
        }[stage]
        plan["ceremony"] = ceremony
        decision = calendar.add(ceremony, -12)
        plan["decision"] = decision
        branch = calendar.add(decision, -35)
    elif stage in ("decided", "decided_overdue"):
        decision = calendar.add(today, -8 if stage == "decided" else -40)
        plan["decision"] = decision
        branch = calendar.add(decision, -30)
    elif stage in ("branch", "branch_overdue"):
        branch = calendar.add(today, -10 if stage == "branch" else -70)
    else:
        branch = today + timedelta(days=10)
    plan["branch"] = branch
    plan["verify"] = branch - timedelta(days=12)
    plan["apply"] = branch - timedelta(days=30)
    plan["introduced"] = branch - timedelta(days=40)
    plan["course"] = branch - timedelta(days=75)
    plan["start"] = branch - timedelta(days=200)
    return plan


def _demo_steps(
    db: Database,
    member_id: int,
    plan: dict[str, date | str],
    introducers: list[tuple[int, date]],
    index: int,
    today: date,
) -> None:
    stage = plan["stage"]
    order = [
        "registered",
        "course",
        "introduced",
        "verified",
        "branch",
        "decided",
        "probation_ending",
    ]
    level = order.index(str(stage)) if stage in order else len(order)

    def on(key: str) -> date:
        value = plan[key]
        assert isinstance(value, date)
        return value

    def step(which: Step, key: str, number: str = "", signer: str = "") -> None:
        record_step(db, member_id, which, StepInput(on(key), number, signer), today)

    if level >= 1:
        step(Step.COURSE, "course", f"{100 + index}/CN-NTVĐ")
    if level >= 2:
        for introducer_id, _official in introducers[:2]:
            add_introducer(
                db,
                member_id,
                IntroducerInput(
                    IntroducerKind.MEMBER.value,
                    on("introduced"),
                    introducer_member_id=introducer_id,
                    worked_from=add_months(on("introduced"), -18),
                ),
                today,
            )
    if level >= 3:
        step(Step.APPLICATION, "apply")
        step(Step.BIOGRAPHY, "verify")
    if level >= 4:
        step(Step.BRANCH, "branch", f"{index + 1}-NQ/CB")
        with db.reader() as session:
            member = core.get_member(session, member_id)
            needs = core.grassroots_committee(session, member.organization_id) is not None
        if needs and "decision" in plan:
            step(Step.GRASSROOTS, "branch", f"{index + 1}-NQ/ĐUCS")
    if "decision" in plan:
        step(Step.DECISION, "decision", f"{200 + index}-QĐ/ĐU", "Nguyễn Văn Hùng")
    if "ceremony" in plan:
        step(Step.CEREMONY, "ceremony")
        with db.reader() as session:
            ends = official_date(on("ceremony"), load_rule_table(session))
        if stage in ("recognition_pending", "official"):
            plan["recognition_branch"] = ends + timedelta(days=7)
            step(Step.RECOGNITION_BRANCH, "recognition_branch", f"{index + 1}-NQ/CB")
        if stage == "official":
            plan["recognition"] = ends + timedelta(days=21)
            step(Step.RECOGNITION, "recognition", f"{300 + index}-QĐ/ĐU", "Nguyễn Văn Hùng")
