"""Reading the admission area: one member's progress, the board, the due items.

Everything is computed from the events of the member's current admission cycle, the
dated rule table and the office's work calendar; lists filter in SQL (status, subtree)
and group the events in SQL, so a 500,000-member register is never loaded whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from partydesk.codes import LEAVING_EVENTS, EventKind, MemberStatus, OrgKind
from partydesk.db.engine import Database
from partydesk.db.models import CandidateIntroducer, Member, MemberEvent, Organization
from partydesk.errors import add_messages
from partydesk.rules import (
    RuleMissing,
    RuleTable,
    WorkCalendar,
    add_months,
    admission_decision_due,
    ceremony_due,
    official_date,
    recognition_decision_due,
    recognition_due,
)
from partydesk.services import candidates as core
from partydesk.services.candidates import STEP_EVENTS, Notice, Step, fmt, notice, whole
from partydesk.services.due import DueContext, DueItem, work_calendar
from partydesk.services.rule_table import load_rule_table

__all__ = [
    "AdmissionProgress",
    "BoardRow",
    "IntroducerRow",
    "ProgressStep",
    "admission_board",
    "admission_progress",
    "due_items",
]

add_messages(
    {
        "admission.overdue": (
            "Quá hạn {days} ngày (hạn {due}).",
            "{days} days overdue (due {due}).",
        ),
    }
)


@dataclass(frozen=True)
class ProgressStep:
    """One step of a member's procedure: done or not, its deadline and any warning."""

    step: str
    label: str
    done_on: date | None
    number: str = ""
    signer: str = ""
    due: date | None = None
    warning: Notice | None = None
    effective_date: date | None = None

    @property
    def done(self) -> bool:
        """True once recorded."""
        return self.done_on is not None


@dataclass(frozen=True)
class IntroducerRow:
    """An introducer as the progress view lists it."""

    kind: str
    full_name: str
    introducer_member_id: int | None
    worked_from: date | None
    introduced_on: date | None


@dataclass(frozen=True)
class AdmissionProgress:
    """Where one person stands in the procedure from candidate to official member."""

    member_id: int
    full_name: str
    birth_date: date
    status: str
    organization_name: str
    steps: tuple[ProgressStep, ...]
    introducers: tuple[IntroducerRow, ...]
    next_step: str | None
    next_due: date | None
    decision_date: date | None
    ceremony_date: date | None
    probation_ends: date | None
    official_date: date | None
    left_on: date | None


@dataclass(frozen=True)
class BoardRow:
    """A candidate or probationary member on the admission board, with the next step."""

    member_id: int
    full_name: str
    birth_date: date
    status: str
    organization_id: int | None
    organization_name: str
    last_label: str
    last_on: date | None
    next_step: str | None
    next_label: str
    due: date | None
    days_left: int | None
    ceremony_date: date | None
    probation_ends: date | None

    @property
    def overdue(self) -> bool:
        """True once the next step's deadline has passed."""
        return self.days_left is not None and self.days_left < 0


@dataclass(frozen=True)
class _Summary:
    """The dates of one member's current cycle, as the next-step logic needs them."""

    status: str
    dates: dict[str, date]
    introducers_ok: bool
    needs_grassroots: bool
    ceremony: date | None


@dataclass(frozen=True)
class _Next:
    step: Step | None
    due: date | None = None
    start: date | None = None


_ORDER = (
    Step.COURSE,
    Step.INTRODUCER,
    Step.APPLICATION,
    Step.BIOGRAPHY,
    Step.BRANCH,
    Step.GRASSROOTS,
    Step.DECISION,
    Step.CEREMONY,
    Step.RECOGNITION_BRANCH,
    Step.RECOGNITION,
)


def _next_step(s: _Summary, rules: RuleTable, calendar: WorkCalendar) -> _Next:
    """The step a person waits for, its deadline and the day its window opened."""
    d = s.dates
    try:
        if s.status == MemberStatus.CANDIDATE.value:
            if EventKind.ADMISSION_DECISION in d:
                if EventKind.CEREMONY in d:
                    return _Next(None)
                decided = d[EventKind.ADMISSION_DECISION]
                return _Next(Step.CEREMONY, ceremony_due(decided, rules, calendar), decided)
            if EventKind.BRANCH_RESOLUTION in d:
                resolved = d[EventKind.BRANCH_RESOLUTION]
                due = admission_decision_due(resolved, rules, calendar)
                if s.needs_grassroots and EventKind.GRASSROOTS_RESOLUTION not in d:
                    return _Next(Step.GRASSROOTS, due, resolved)
                return _Next(Step.DECISION, due, resolved)
            for step, kind in (
                (Step.COURSE, EventKind.COURSE_COMPLETED),
                (Step.INTRODUCER, None),
                (Step.APPLICATION, EventKind.APPLICATION),
                (Step.BIOGRAPHY, EventKind.BIOGRAPHY_VERIFIED),
            ):
                missing = not s.introducers_ok if kind is None else kind not in d
                if missing:
                    return _Next(step)
            return _Next(Step.BRANCH)
        if s.status == MemberStatus.PROBATIONARY.value and s.ceremony is not None:
            ends = official_date(s.ceremony, rules)
            if EventKind.RECOGNITION_BRANCH_RESOLUTION not in d:
                return _Next(
                    Step.RECOGNITION_BRANCH, recognition_due(s.ceremony, rules, calendar), ends
                )
            resolved = d[EventKind.RECOGNITION_BRANCH_RESOLUTION]
            if EventKind.RECOGNITION not in d:
                due = recognition_decision_due(resolved, rules, calendar)
                return _Next(Step.RECOGNITION, due, resolved)
    except RuleMissing:
        return _Next(None)
    return _Next(None)


def admission_progress(
    db: Database, member_id: int, today: date | None = None
) -> AdmissionProgress:
    """Every step of the member's current (or, after leaving, last) admission cycle."""
    today = today or date.today()
    with db.reader() as session:
        member = core.get_member(session, member_id)
        cycle = core.load_cycle(session, member_id)
        rules = load_rule_table(session)
        calendar = work_calendar(session)
        events = cycle.latest
        if not events and member.status == MemberStatus.LEFT.value:
            events = cycle.ended
        intro = core.introducers_of(session, member_id, cycle)
        needs_grassroots = core.grassroots_committee(session, member.organization_id) is not None
        org = session.get(Organization, member.organization_id or -1)
        ceremony_event = events.get(EventKind.CEREMONY.value)
        ceremony = ceremony_event.on_date if ceremony_event else member.ceremony_date
        summary = _Summary(
            member.status,
            {k: e.on_date for k, e in events.items()},
            core.introducers_complete(r.kind for r in intro),
            needs_grassroots,
            ceremony,
        )
        upcoming = _next_step(summary, rules, calendar)
        deadlines = _deadlines(summary, rules, calendar)
        steps: list[ProgressStep] = []
        for step in _ORDER:
            if step is Step.GRASSROOTS and not needs_grassroots:
                continue
            if step is Step.INTRODUCER:
                dates = [r.introduced_on for r in intro if r.introduced_on is not None]
                done_on = max(dates) if summary.introducers_ok and dates else None
                steps.append(ProgressStep(step.value, step.label, done_on))
                continue
            event = events.get(STEP_EVENTS[step].value)
            due = deadlines.get(step)
            warning = None
            if due is not None:
                when = event.on_date if event else today
                if when > due:
                    warning = notice(
                        "admission.overdue",
                        days=(when - due).days,
                        due=fmt(due),
                    )
            steps.append(
                ProgressStep(
                    step.value,
                    step.label,
                    event.on_date if event else None,
                    event.number if event else "",
                    event.signer if event else "",
                    due,
                    warning,
                    event.effective_date if event else None,
                )
            )
        failed = events.get(EventKind.RECOGNITION_FAILED.value)
        if failed is not None:
            steps.append(
                ProgressStep(Step.FAIL.value, Step.FAIL.label, failed.on_date, failed.number)
            )
        try:
            ends = official_date(ceremony, rules) if ceremony else None
        except RuleMissing:
            ends = None
        return AdmissionProgress(
            member_id=member.id,
            full_name=member.full_name,
            birth_date=member.birth_date,
            status=member.status,
            organization_name=org.name if org else "",
            steps=tuple(steps),
            introducers=tuple(
                IntroducerRow(
                    r.kind, r.full_name, r.introducer_member_id, r.worked_from, r.introduced_on
                )
                for r in intro
            ),
            next_step=upcoming.step.value if upcoming.step else None,
            next_due=upcoming.due,
            decision_date=member.decision_date,
            ceremony_date=ceremony,
            probation_ends=ends,
            official_date=member.official_date,
            left_on=member.left_on,
        )


def _deadlines(s: _Summary, rules: RuleTable, calendar: WorkCalendar) -> dict[Step, date]:
    """The deadline of each timed step that can already be computed."""
    d = s.dates
    out: dict[Step, date] = {}
    try:
        if EventKind.BRANCH_RESOLUTION in d:
            out[Step.DECISION] = admission_decision_due(
                d[EventKind.BRANCH_RESOLUTION], rules, calendar
            )
        if EventKind.ADMISSION_DECISION in d:
            out[Step.CEREMONY] = ceremony_due(d[EventKind.ADMISSION_DECISION], rules, calendar)
        if s.ceremony is not None:
            out[Step.RECOGNITION_BRANCH] = recognition_due(s.ceremony, rules, calendar)
        if EventKind.RECOGNITION_BRANCH_RESOLUTION in d:
            out[Step.RECOGNITION] = recognition_decision_due(
                d[EventKind.RECOGNITION_BRANCH_RESOLUTION], rules, calendar
            )
    except RuleMissing:
        pass
    return out


_TRACKED_KINDS = [kind.value for kind in STEP_EVENTS.values()] + [
    kind.value for kind in LEAVING_EVENTS
]
_LEAVING_VALUES = {kind.value for kind in LEAVING_EVENTS}


def _summaries(session: Session, conditions: Sequence[Any]) -> list[tuple[Any, _Summary]]:
    """Members matching `conditions` (SQL) with the dates of their current cycle.

    Three grouped queries joined on the member table, never one query per member and
    never an IN list of ids (SQLite's variable limit at 500k members).
    """
    live = [Member.deleted_at.is_(None), *conditions]
    members = session.execute(
        select(
            Member.id,
            Member.full_name,
            Member.birth_date,
            Member.status,
            Member.organization_id,
            Member.ceremony_date,
        )
        .where(*live)
        .order_by(Member.name_sort_key, Member.id)
    ).all()
    if not members:
        return []
    dates: dict[int, dict[str, date]] = {}
    for member_id, kind, on in session.execute(
        select(MemberEvent.member_id, MemberEvent.kind, func.max(MemberEvent.on_date))
        .join(Member, Member.id == MemberEvent.member_id)
        .where(*live, MemberEvent.deleted_at.is_(None), MemberEvent.kind.in_(_TRACKED_KINDS))
        .group_by(MemberEvent.member_id, MemberEvent.kind)
    ):
        dates.setdefault(member_id, {})[kind] = on
    introducers: dict[int, list[tuple[str, date | None]]] = {}
    for member_id, kind, introduced_on in session.execute(
        select(
            CandidateIntroducer.member_id,
            CandidateIntroducer.kind,
            CandidateIntroducer.introduced_on,
        )
        .join(Member, Member.id == CandidateIntroducer.member_id)
        .where(*live, CandidateIntroducer.deleted_at.is_(None))
    ):
        introducers.setdefault(member_id, []).append((kind, introduced_on))
    needs = _grassroots_map(session)
    out = []
    for row in members:
        all_dates = dates.get(row.id, {})
        left = max((on for k, on in all_dates.items() if k in _LEAVING_VALUES), default=None)
        cycle = {
            k: on
            for k, on in all_dates.items()
            if k not in _LEAVING_VALUES and (left is None or on > left)
        }
        kinds = [
            k
            for k, on in introducers.get(row.id, [])
            if left is None or (on is not None and on > left)
        ]
        out.append(
            (
                row,
                _Summary(
                    row.status,
                    cycle,
                    core.introducers_complete(kinds),
                    needs.get(row.organization_id or -1, False),
                    cycle.get(EventKind.CEREMONY.value, row.ceremony_date),
                ),
            )
        )
    return out


def _grassroots_map(session: Session) -> dict[int, bool]:
    """Whether a member of each organization needs a grassroots committee resolution."""
    orgs = {
        org_id: (parent_id, kind)
        for org_id, parent_id, kind in session.execute(
            select(Organization.id, Organization.parent_id, Organization.kind)
        )
    }
    result: dict[int, bool] = {}
    for org_id in orgs:
        current: int | None = org_id
        seen: set[int] = set()
        needed = False
        while current is not None and current in orgs and current not in seen:
            seen.add(current)
            parent_id, kind = orgs[current]
            if kind == OrgKind.GRASSROOTS_COMMITTEE.value:
                needed = True
                break
            if OrgKind(kind).is_grassroots:
                break
            current = parent_id
        result[org_id] = needed
    return result


_IN_PROCEDURE = (MemberStatus.CANDIDATE.value, MemberStatus.PROBATIONARY.value)


def admission_board(
    db: Database, today: date | None = None, organization_id: int | None = None
) -> list[BoardRow]:
    """Candidates and probationary members (of an organization's subtree), next step first.

    Sorted by due date (those without one last), then in list order.
    """
    today = today or date.today()
    with db.reader() as session:
        conditions: list[Any] = [Member.status.in_(_IN_PROCEDURE)]
        if organization_id is not None:
            conditions.append(Member.organization_id.in_(_subtree(session, organization_id)))
        rules = load_rule_table(session)
        calendar = work_calendar(session)
        names = dict(session.execute(select(Organization.id, Organization.name)).all())
        rows = []
        for row, summary in _summaries(session, conditions):
            upcoming = _next_step(summary, rules, calendar)
            last_kind, last_on = max(
                summary.dates.items(), key=lambda item: item[1], default=(None, None)
            )
            ends = None
            if summary.ceremony is not None and summary.status == MemberStatus.PROBATIONARY.value:
                try:
                    ends = official_date(summary.ceremony, rules)
                except RuleMissing:
                    ends = None
            rows.append(
                BoardRow(
                    member_id=row.id,
                    full_name=row.full_name,
                    birth_date=row.birth_date,
                    status=row.status,
                    organization_id=row.organization_id,
                    organization_name=names.get(row.organization_id or -1, ""),
                    last_label=EventKind(last_kind).label if last_kind else "",
                    last_on=last_on,
                    next_step=upcoming.step.value if upcoming.step else None,
                    next_label=upcoming.step.label if upcoming.step else "",
                    due=upcoming.due,
                    days_left=(upcoming.due - today).days if upcoming.due else None,
                    ceremony_date=summary.ceremony,
                    probation_ends=ends,
                )
            )
        order = {row.member_id: i for i, row in enumerate(rows)}
        return sorted(rows, key=lambda r: (r.due is None, r.due or today, order[r.member_id]))


def _subtree(session: Session, organization_id: int) -> list[int]:
    from partydesk.services.organizations import subtree_ids

    return subtree_ids(session, organization_id)


_DUE_TEXT = {
    Step.GRASSROOTS: (
        "admission",
        "admission_decision",
        "Ra quyết định kết nạp (nghị quyết chi bộ ngày {start})",
    ),
    Step.DECISION: (
        "admission",
        "admission_decision",
        "Ra quyết định kết nạp (nghị quyết chi bộ ngày {start})",
    ),
    Step.CEREMONY: ("admission", "ceremony", "Tổ chức lễ kết nạp (quyết định ngày {start})"),
    Step.RECOGNITION_BRANCH: (
        "recognition",
        "recognition",
        "Xét công nhận chính thức (hết dự bị {start})",
    ),
    Step.RECOGNITION: (
        "recognition",
        "recognition",
        "Ra quyết định công nhận chính thức (nghị quyết chi bộ ngày {start})",
    ),
}


def due_items(context: DueContext) -> list[DueItem]:
    """Admission decisions, ceremonies and recognitions due (the overview's provider).

    Listed once the step's window has opened before `context.horizon` (the branch
    resolution, the decision, the end of probation), and while overdue.
    """
    rules = context.rules
    # Probation has lasted 12 months in every text so far; taking the shortest value of
    # the table keeps the SQL filter safe if an administrator adds another.
    shortest = min((whole(p) for p in rules.history("probation.months")), default=12)
    cutoff = add_months(context.horizon, -shortest)
    conditions = [
        (Member.status == MemberStatus.CANDIDATE.value)
        | ((Member.status == MemberStatus.PROBATIONARY.value) & (Member.ceremony_date <= cutoff))
    ]
    items = []
    for row, summary in _summaries(context.session, conditions):
        upcoming = _next_step(summary, rules, context.calendar)
        if upcoming.step not in _DUE_TEXT or upcoming.due is None or upcoming.start is None:
            continue
        if upcoming.start > context.horizon:
            continue
        group, action, text = _DUE_TEXT[upcoming.step]
        items.append(
            context.item(
                text.format(start=fmt(upcoming.start)),
                upcoming.due,
                full_name=row.full_name,
                organization_id=row.organization_id,
                group=group,
                action=action,
                member_id=row.id,
            )
        )
    return items
