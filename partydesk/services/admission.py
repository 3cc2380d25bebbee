"""Admission and recognition: decision, ceremony, probation, official membership.

One use case per step (domain.md §3.2): each write checks the step's rules, refuses with
the rule and its source before anything is written, records one event in one audited
transaction and refreshes the member's cached state. Late steps are allowed with a
notice (the deadline is the rule table's, counted in the office's working days). The
three dates stay apart: decision (party age), ceremony (probation), official date =
ceremony + probation even when recognized late. Candidates' earlier steps are in
`services.candidates`. Reading: one member's progress, the board of everyone in the
procedure, the due items of the overview. The demo office's candidates: `admission_demo`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk.codes import EventKind, MemberStatus
from partydesk.db.engine import Database
from partydesk.db.models import Membership
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import (
    admission_decision_due,
    admission_decision_due_extended,
    ceremony_due,
    official_date,
    recognition_decision_due,
    recognition_due,
)
from partydesk.services import candidates as core
from partydesk.services.admission_board import (
    AdmissionProgress,
    BoardRow,
    ProgressStep,
    admission_board,
    admission_progress,
    due_items,
)
from partydesk.services.candidates import (
    STEP_EVENTS,
    IntroducerInput,
    Notice,
    Step,
    StepInput,
    StepResult,
    StepScope,
    fmt,
    notice,
)
from partydesk.services.catalogues import CatalogueCodes
from partydesk.services.due import work_calendar
from partydesk.services.member_lookup import resolve_member
from partydesk.services.members import refresh_state
from partydesk.services.rule_table import load_rule_table

__all__ = [
    "STEP_EVENTS",
    "AdmissionProgress",
    "BoardRow",
    "IntroducerInput",
    "Notice",
    "ProgressStep",
    "Step",
    "StepInput",
    "StepResult",
    "add_introducer",
    "admission_board",
    "admission_progress",
    "check_ceremonies",
    "check_introducer",
    "check_step",
    "decide_admission",
    "demo_admission",
    "due_items",
    "fail_recognition",
    "hold_ceremonies",
    "hold_ceremony",
    "recognize",
    "record_step",
    "resolve_member",
    "strike_off_grounds",
]

_SIGNER = "Người ký"
_NUMBER = "Số văn bản"
_GROUND = "Căn cứ xóa tên"


def _decision(scope: StepScope, data: StepInput) -> list[Notice]:
    """Decision of admission (9-KNĐ) after the branch (and grassroots) resolution."""
    label = EventKind.ADMISSION_DECISION.label
    on = data.on
    core.check_date(scope, label, on)
    if scope.member.status == MemberStatus.LEFT.value:
        readmit = core.parameter(scope.rules, "readmission.min_months", on)
        raise PartydeskError(
            "admission.left_readmit",
            name=scope.member.full_name,
            left_on=fmt(scope.member.left_on or on),
            months=readmit.value,
            source=readmit.source,
        )
    core.require_status(scope, label, MemberStatus.CANDIDATE)
    core.require_number(data, _NUMBER)
    if not data.signer.strip():
        raise ValidationError("field.required", field=_SIGNER)
    core.require_once(scope, label, EventKind.ADMISSION_DECISION)
    days = core.parameter(scope.rules, "admission.decision_working_days", on)
    resolved = scope.cycle.get(EventKind.BRANCH_RESOLUTION)
    core.require_present(label, EventKind.BRANCH_RESOLUTION, resolved, days.source)
    assert resolved is not None
    core.require_after(label, on, resolved)
    if core.grassroots_committee(scope.session, scope.member.organization_id) is not None:
        grassroots = scope.cycle.get(EventKind.GRASSROOTS_RESOLUTION)
        core.require_present(label, EventKind.GRASSROOTS_RESOLUTION, grassroots, days.source)
        core.require_after(label, on, grassroots)
    due = admission_decision_due(resolved.on_date, scope.rules, scope.calendar)
    extended = admission_decision_due_extended(resolved.on_date, scope.rules, scope.calendar)
    notices = []
    if on > extended:
        notices.append(
            notice(
                "admission.decision_late_extended",
                value=fmt(on),
                extended=fmt(extended),
                resolution=fmt(resolved.on_date),
                source=days.source,
            )
        )
    elif on > due:
        notices.append(
            notice(
                "admission.decision_late",
                value=fmt(on),
                days=days.value,
                resolution=fmt(resolved.on_date),
                due=fmt(due),
                extended=fmt(extended),
                source=days.source,
            )
        )
    scope.add_event(EventKind.ADMISSION_DECISION, data)
    return notices


def _ceremony(scope: StepScope, data: StepInput) -> list[Notice]:
    """The admission ceremony, one person at a time, on or after the decision date."""
    label = EventKind.CEREMONY.label
    on = data.on
    core.check_date(scope, label, on)
    core.require_status(scope, label, MemberStatus.CANDIDATE)
    days = core.parameter(scope.rules, "admission.ceremony_working_days", on)
    decided = scope.cycle.get(EventKind.ADMISSION_DECISION)
    core.require_present(label, EventKind.ADMISSION_DECISION, decided, days.source)
    assert decided is not None
    core.require_after(label, on, decided)
    core.require_once(scope, label, EventKind.CEREMONY)
    due = ceremony_due(decided.on_date, scope.rules, scope.calendar)
    notices = []
    if on > due:
        notices.append(
            notice(
                "admission.ceremony_late",
                value=fmt(on),
                days=days.value,
                decision=fmt(decided.on_date),
                due=fmt(due),
                source=days.source,
            )
        )
    scope.add_event(EventKind.CEREMONY, data)
    return notices


def _probation_ended(scope: StepScope, label: str, on: date) -> tuple[date, date]:
    """The ceremony and probation end dates; refuse a step dated before probation ends."""
    core.require_status(scope, label, MemberStatus.PROBATIONARY)
    ceremony = scope.cycle.get(EventKind.CEREMONY)
    on_ceremony = ceremony.on_date if ceremony else scope.member.ceremony_date
    months = core.parameter(scope.rules, "probation.months", on_ceremony or on)
    if on_ceremony is None:
        raise PartydeskError(
            "admission.step_missing",
            step=label,
            missing=EventKind.CEREMONY.label,
            source=months.source,
        )
    ends = official_date(on_ceremony, scope.rules)
    if on < ends:
        raise PartydeskError(
            "admission.not_yet_ended",
            name=scope.member.full_name,
            probation=months.value,
            ends=fmt(ends),
            ceremony=fmt(on_ceremony),
            source=months.source,
        )
    return on_ceremony, ends


def _recognition_branch(scope: StepScope, data: StepInput) -> list[Notice]:
    """The branch's resolution on official membership (13-KNĐ), not before probation ends."""
    label = EventKind.RECOGNITION_BRANCH_RESOLUTION.label
    core.check_date(scope, label, data.on)
    core.require_number(data, _NUMBER)
    ceremony, ends = _probation_ended(scope, label, data.on)
    core.require_once(scope, label, EventKind.RECOGNITION_BRANCH_RESOLUTION)
    days = core.parameter(scope.rules, "recognition.consider_working_days", ends)
    due = recognition_due(ceremony, scope.rules, scope.calendar)
    notices = []
    if data.on > due:
        notices.append(
            notice(
                "admission.recognition_consider_late",
                value=fmt(data.on),
                days=days.value,
                ends=fmt(ends),
                due=fmt(due),
                source=days.source,
            )
        )
    scope.add_event(EventKind.RECOGNITION_BRANCH_RESOLUTION, data)
    return notices


def _recognition(scope: StepScope, data: StepInput) -> list[Notice]:
    """The decision recognizing official membership, effective when probation ended."""
    label = EventKind.RECOGNITION.label
    core.check_date(scope, label, data.on)
    core.require_number(data, _NUMBER)
    if not data.signer.strip():
        raise ValidationError("field.required", field=_SIGNER)
    _ceremony_on, ends = _probation_ended(scope, label, data.on)
    days = core.parameter(scope.rules, "recognition.decision_working_days", data.on)
    resolved = scope.cycle.get(EventKind.RECOGNITION_BRANCH_RESOLUTION)
    core.require_present(label, EventKind.RECOGNITION_BRANCH_RESOLUTION, resolved, days.source)
    assert resolved is not None
    core.require_after(label, data.on, resolved)
    core.require_once(scope, label, EventKind.RECOGNITION)
    due = recognition_decision_due(resolved.on_date, scope.rules, scope.calendar)
    notices = []
    if data.on > due:
        notices.append(
            notice(
                "admission.recognition_decision_late",
                value=fmt(data.on),
                days=days.value,
                resolution=fmt(resolved.on_date),
                due=fmt(due),
                official=fmt(ends),
                source=days.source,
            )
        )
    # Official from the end of probation, however late the decision (domain.md §3.2).
    scope.add_event(EventKind.RECOGNITION, data, effective_date=ends)
    return notices


def _fail(scope: StepScope, data: StepInput) -> list[Notice]:
    """Not recognized: struck off the probationary list (the member leaves)."""
    label = EventKind.RECOGNITION_FAILED.label
    core.check_date(scope, label, data.on)
    _probation_ended(scope, label, data.on)
    if not data.ground.strip():
        raise ValidationError("field.required", field=_GROUND)
    CatalogueCodes(scope.session).check("strike_off_ground", data.ground.strip(), _GROUND)
    scope.add_event(EventKind.RECOGNITION_FAILED, data)
    if scope.apply:
        current = scope.session.scalars(
            select(Membership).where(
                Membership.member_id == scope.member.id,
                Membership.valid_to.is_(None),
                Membership.deleted_at.is_(None),
            )
        ).first()
        if current is not None and current.valid_from < data.on:
            current.valid_to = data.on
    return []


_STEP_RULES: dict[Step, Callable[[StepScope, StepInput], list[Notice]]] = {
    Step.COURSE: core.course,
    Step.APPLICATION: core.application,
    Step.BIOGRAPHY: core.biography,
    Step.BRANCH: core.branch_resolution,
    Step.GRASSROOTS: core.grassroots_resolution,
    Step.DECISION: _decision,
    Step.CEREMONY: _ceremony,
    Step.RECOGNITION_BRANCH: _recognition_branch,
    Step.RECOGNITION: _recognition,
    Step.FAIL: _fail,
}


def _step(step: str) -> Step:
    try:
        found = Step(step)
    except ValueError as exc:
        raise PartydeskError("admission.unknown_step", step=step) from exc
    if found not in _STEP_RULES:
        raise PartydeskError("admission.unknown_step", step=step)
    return found


def _scope(session: Session, member_id: int, today: date, apply: bool) -> StepScope:
    member = core.get_member(session, member_id)
    return StepScope(
        session=session,
        member=member,
        cycle=core.load_cycle(session, member_id),
        rules=load_rule_table(session),
        calendar=work_calendar(session),
        today=today,
        apply=apply,
    )


def check_step(
    db: Database, member_id: int, step: str, data: StepInput, today: date | None = None
) -> StepResult:
    """Dry run of `record_step`: raise the refusal it would raise, or return its notices.

    Nothing is written; the GUI shows the notices before the clerk confirms.
    """
    rule = _STEP_RULES[_step(step)]
    with db.reader() as session:
        scope = _scope(session, member_id, today or date.today(), apply=False)
        return StepResult(member_id, step, data.on, tuple(rule(scope, data)))


def record_step(
    db: Database, member_id: int, step: str, data: StepInput, today: date | None = None
) -> StepResult:
    """Record one step of admission or recognition for one member (one transaction).

    `step` is a `Step` value other than "introducer" (see `add_introducer`). Refusals
    (nothing written): `member.not_found`, `field.required` (number, signer, ground),
    `field.future_date`, `admission.bad_status`, `admission.left_readmit`,
    `admission.step_done`, `admission.step_missing`, `admission.date_before`,
    `admission.age`, `admission.course_expired`, `admission.introducers_incomplete`,
    `admission.grassroots_not_needed`, `admission.not_yet_ended`, `field.unknown_code`.
    Late steps are recorded and returned with notices.
    """
    found = _step(step)
    rule = _STEP_RULES[found]
    with db.session(f"admission.{found.value}") as session:
        scope = _scope(session, member_id, today or date.today(), apply=True)
        notices = rule(scope, data)
        refresh_state(session, scope.member)
        return StepResult(member_id, found.value, data.on, tuple(notices))


def decide_admission(
    db: Database, member_id: int, on: date, number: str, signer: str, today: date | None = None
) -> StepResult:
    """Record the decision of admission (9-KNĐ); see `record_step`."""
    return record_step(db, member_id, Step.DECISION, StepInput(on, number, signer), today)


def hold_ceremony(db: Database, member_id: int, on: date, today: date | None = None) -> StepResult:
    """Record one member's admission ceremony; see `record_step`."""
    return record_step(db, member_id, Step.CEREMONY, StepInput(on), today)


def hold_ceremonies(
    db: Database, member_ids: Sequence[int], on: date, today: date | None = None
) -> list[StepResult]:
    """One ceremony for several people: all recorded in one transaction, or none.

    Each person is admitted one by one (one ceremony event each, domain.md §3.2). The
    first refusal, prefixed with the person's name (`admission.batch`), cancels all.
    """
    if not member_ids:
        raise PartydeskError("admission.no_members")
    today = today or date.today()
    results: list[StepResult] = []
    with db.session("admission.ceremony_batch") as session:
        seen: set[int] = set()
        for member_id in member_ids:
            scope = _scope(session, member_id, today, apply=True)
            if member_id in seen:
                raise PartydeskError("admission.duplicate_member", name=scope.member.full_name)
            seen.add(member_id)
            try:
                notices = _ceremony(scope, StepInput(on))
            except PartydeskError as exc:
                raise PartydeskError(
                    "admission.batch",
                    name=scope.member.full_name,
                    message=exc.message("vi"),
                    message_en=exc.message("en"),
                ) from exc
            refresh_state(session, scope.member)
            results.append(StepResult(member_id, Step.CEREMONY.value, on, tuple(notices)))
    return results


def recognize(
    db: Database, member_id: int, on: date, number: str, signer: str, today: date | None = None
) -> StepResult:
    """Record the decision recognizing official membership; see `record_step`."""
    return record_step(db, member_id, Step.RECOGNITION, StepInput(on, number, signer), today)


def fail_recognition(
    db: Database,
    member_id: int,
    on: date,
    ground: str = "du_bi_khong_du_dieu_kien",
    number: str = "",
    signer: str = "",
    today: date | None = None,
) -> StepResult:
    """Strike a probationary member who does not qualify off the list (status LEFT)."""
    data = StepInput(on, number, signer, ground=ground)
    return record_step(db, member_id, Step.FAIL, data, today)


def check_introducer(
    db: Database, member_id: int, data: IntroducerInput, today: date | None = None
) -> None:
    """Dry run of `add_introducer`: raise its refusal, write nothing."""
    with db.reader() as session:
        core.add_introducer_in(_scope(session, member_id, today or date.today(), False), data)


def add_introducer(
    db: Database, member_id: int, data: IntroducerInput, today: date | None = None
) -> StepResult:
    """Add an introducer of a candidate (Điều lệ Đảng, điều 4); one transaction.

    Refusals: `admission.introducer_not_official`, `admission.introducer_too_short`,
    `admission.introducers_full`, `admission.introducer_union_twice`,
    `admission.introducer_self`, `admission.introducer_twice`, `field.required`.
    """
    with db.session("admission.introducer") as session:
        scope = _scope(session, member_id, today or date.today(), apply=True)
        core.add_introducer_in(scope, data)
        scope.member.introducers = _introducer_text(scope)
        return StepResult(member_id, Step.INTRODUCER.value, data.introduced_on)


def _introducer_text(scope: StepScope) -> str:
    # The record's free-text "người giới thiệu" field mirrors the table, as on paper.
    scope.session.flush()
    rows = core.introducers_of(scope.session, scope.member.id, scope.cycle)
    return "; ".join(r.full_name for r in rows)


def check_ceremonies(
    db: Database, member_ids: Sequence[int], on: date, today: date | None = None
) -> list[StepResult]:
    """Dry run of `hold_ceremonies`: the refusal it would raise, or each person's notices."""
    if not member_ids:
        raise PartydeskError("admission.no_members")
    today = today or date.today()
    results = []
    with db.reader() as session:
        for member_id in dict.fromkeys(member_ids):
            scope = _scope(session, member_id, today, apply=False)
            try:
                notices = _ceremony(scope, StepInput(on))
            except PartydeskError as exc:
                raise PartydeskError(
                    "admission.batch",
                    name=scope.member.full_name,
                    message=exc.message("vi"),
                    message_en=exc.message("en"),
                ) from exc
            results.append(StepResult(member_id, Step.CEREMONY.value, on, tuple(notices)))
    return results


def strike_off_grounds(db: Database) -> list[tuple[str, str]]:
    """(code, Vietnamese name) of the grounds a probationary member can be struck off for."""
    from partydesk.services.catalogues import list_catalogue

    with db.reader() as session:
        entries = list_catalogue(session, "strike_off_ground")
    # Failing recognition is the usual ground; it comes first.
    first = "du_bi_khong_du_dieu_kien"
    entries.sort(key=lambda e: e.code != first)
    return [(e.code, e.name) for e in entries]


# Re-exported so that `admission.demo_admission` (and `_DEMO_PEOPLE`, which a test reads)
# keeps working. At the end of the module: admission_demo imports this one.
from partydesk.services.admission_demo import _DEMO_PEOPLE, demo_admission  # noqa: E402, F401
