"""Candidates (quần chúng ưu tú) up to the branch and grassroots resolutions.

Also the shared core of the admission area: the member's current admission cycle read
from the events, step inputs and results, notices (warnings that do not refuse) and the
area's messages. Every refusal names its rule and the text it comes from (the rule table
parameter's `source`). `services.admission` builds the decision, ceremony and
recognition on this core.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk.codes import LEAVING_EVENTS, EventKind, IntroducerKind, MemberStatus, OrgKind
from partydesk.db.models import CandidateIntroducer, Member, MemberEvent, Organization
from partydesk.errors import PartydeskError, ValidationError, add_messages
from partydesk.rules import (
    RuleMissing,
    RuleParameter,
    RuleTable,
    WorkCalendar,
    add_months,
    full_age_months,
    full_months_between,
)
from partydesk.rules.ages import admission_age_ok
from partydesk.services import member_events
from partydesk.services.member_lookup import get_member
from partydesk.services.member_state import EventFact, derive_state

add_messages(
    {
        "admission.bad_status": (
            "Không thể ghi «{step}»: {name} đang ở trạng thái «{status}».",
            "Cannot record '{step}': {name} has the status '{status}'.",
        ),
        "admission.left_readmit": (
            "{name} đã ra khỏi Đảng ngày {left_on}: không ra quyết định kết nạp mới được;"
            " hãy dùng chức năng «Kết nạp lại» (ít nhất {months} tháng sau khi ra khỏi"
            " Đảng, chỉ một lần; {source}).",
            "{name} left the Party on {left_on}: record a re-admission instead of a new"
            " admission decision (at least {months} months after leaving, once only;"
            " {source}).",
        ),
        "admission.step_done": (
            "«{step}» của {name} đã được ghi ngày {done}.",
            "'{step}' of {name} was already recorded on {done}.",
        ),
        "admission.step_missing": (
            "Chưa ghi được «{step}»: cần có «{missing}» trước ({source}).",
            "Cannot record '{step}' yet: '{missing}' must come first ({source}).",
        ),
        "admission.date_before": (
            "«{step}» ngày {value} không được trước «{earlier}» ngày {earlier_value}.",
            "'{step}' on {value} cannot be before '{earlier}' on {earlier_value}.",
        ),
        "admission.course_expired": (
            "Giấy chứng nhận bồi dưỡng nhận thức về Đảng ngày {course} chỉ có giá trị"
            " {years} năm, đến {expires}: đã hết hạn ngày chi bộ xét {value} ({source}{flag}).",
            "The certificate of the course on the Party of {course} is valid {years} years,"
            " until {expires}: expired on the branch's date {value} ({source}{flag}).",
        ),
        "admission.introducers_incomplete": (
            "Chưa đủ người giới thiệu: cần hai đảng viên chính thức, hoặc Đoàn TNCS Hồ Chí"
            " Minh / công đoàn cơ sở và một đảng viên chính thức ({source}); hiện có"
            " {members} đảng viên và {unions} tổ chức đoàn thể giới thiệu.",
            "Introducers incomplete: two official members, or the Youth Union / trade union"
            " and one official member are needed ({source}); there are {members} members and"
            " {unions} unions.",
        ),
        "admission.introducers_full": (
            "{name} đã đủ người giới thiệu ({source}).",
            "{name} already has all the introducers needed ({source}).",
        ),
        "admission.introducer_union_twice": (
            "Chỉ một tổ chức đoàn thể (Đoàn hoặc công đoàn) giới thiệu ({source}).",
            "Only one union (Youth Union or trade union) introduces a candidate ({source}).",
        ),
        "admission.introducer_self": (
            "Người vào Đảng không tự giới thiệu mình được.",
            "A candidate cannot introduce themselves.",
        ),
        "admission.introducer_twice": (
            "{introducer} đã là người giới thiệu của {name}.",
            "{introducer} already introduces {name}.",
        ),
        "admission.introducer_not_official": (
            "{introducer} không phải đảng viên chính thức của đảng bộ vào ngày {on}"
            " (người giới thiệu phải là đảng viên chính thức; {source}).",
            "{introducer} was not an official member of this office on {on} (introducers"
            " must be official members; {source}).",
        ),
        "admission.introducer_too_short": (
            "{introducer} cùng công tác với người vào Đảng từ {worked_from}: mới {months}"
            " tháng, cần ít nhất {min_months} tháng ({source}).",
            "{introducer} has worked with the candidate since {worked_from}: {months}"
            " months, at least {min_months} are needed ({source}).",
        ),
        "admission.age": (
            "Ngày chi bộ xét {value}, {name} {years} tuổi {months} tháng ({total} tháng):"
            " tuổi vào Đảng phải từ {min_months} đến {max_months} tháng ({source}).",
            "On the branch's date {value}, {name} is {years} years {months} months old"
            " ({total} months): admission needs {min_months} to {max_months} months"
            " ({source}).",
        ),
        "admission.grassroots_not_needed": (
            "{organization} là chi bộ cơ sở: không có nghị quyết đảng ủy cơ sở, quyết định"
            " kết nạp ra sau nghị quyết chi bộ ({source}).",
            "{organization} is a grassroots branch: there is no grassroots committee"
            " resolution; the decision follows the branch resolution ({source}).",
        ),
        "admission.not_yet_ended": (
            "Chưa hết thời gian dự bị: {name} hết {probation} tháng dự bị ngày {ends}"
            " (kết nạp ngày {ceremony}; {source}).",
            "Probation has not ended: {name}'s {probation} months end on {ends} (ceremony"
            " of {ceremony}; {source}).",
        ),
        "admission.batch": (
            "{name}: {message} Không ai được ghi lễ kết nạp.",
            "{name}: {message_en} No ceremony was recorded.",
        ),
        "admission.no_members": (
            "Chưa chọn người nào.",
            "No one was selected.",
        ),
        "admission.duplicate_member": (
            "{name} được chọn hai lần.",
            "{name} was selected twice.",
        ),
        "admission.one_member": (
            "«{step}» ghi cho từng người một: chỉ chọn một người.",
            "'{step}' is recorded for one person at a time: select one.",
        ),
        "admission.unknown_step": ("Không có bước «{step}».", "There is no step '{step}'."),
        # Notices: shown before saving and after, never a refusal.
        "admission.decision_late": (
            "Quyết định kết nạp ngày {value} quá hạn {days} ngày làm việc sau nghị quyết"
            " chi bộ ngày {resolution} (hạn {due}; {source}); vẫn trong thời gian gia hạn"
            " đến {extended}.",
            "The admission decision of {value} is past the {days} working days after the"
            " branch resolution of {resolution} (due {due}; {source}); still within the"
            " extension until {extended}.",
        ),
        "admission.decision_late_extended": (
            "Quyết định kết nạp ngày {value} quá cả thời hạn gia hạn ({extended}) sau nghị"
            " quyết chi bộ ngày {resolution} ({source}).",
            "The admission decision of {value} is past even the extension ({extended})"
            " after the branch resolution of {resolution} ({source}).",
        ),
        "admission.ceremony_late": (
            "Lễ kết nạp ngày {value} quá hạn {days} ngày làm việc sau quyết định ngày"
            " {decision} (hạn {due}); phải được cấp ủy cấp trên trực tiếp đồng ý ({source}).",
            "The ceremony of {value} is past the {days} working days after the decision of"
            " {decision} (due {due}); the direct superior committee must agree ({source}).",
        ),
        "admission.recognition_consider_late": (
            "Chi bộ xét công nhận ngày {value}, quá hạn {days} ngày làm việc sau khi hết dự bị"
            " ngày {ends} (hạn {due}; {source}); ngày chính thức vẫn là {ends}.",
            "The branch considered recognition on {value}, past the {days} working days"
            " after probation ended on {ends} (due {due}; {source}); the official date"
            " stays {ends}.",
        ),
        "admission.recognition_decision_late": (
            "Quyết định công nhận ngày {value} quá hạn {days} ngày làm việc sau nghị quyết"
            " chi bộ ngày {resolution} (hạn {due}; {source}); ngày chính thức vẫn là {official}.",
            "The recognition decision of {value} is past the {days} working days after the"
            " branch resolution of {resolution} (due {due}; {source}); the official date"
            " stays {official}.",
        ),
    }
)


class Step(StrEnum):
    """The steps from candidate to official member, in order (domain.md §3.2)."""

    COURSE = "course"
    INTRODUCER = "introducer"
    APPLICATION = "application"
    BIOGRAPHY = "biography"
    BRANCH = "branch_resolution"
    GRASSROOTS = "grassroots_resolution"
    DECISION = "admission_decision"
    CEREMONY = "ceremony"
    RECOGNITION_BRANCH = "recognition_branch_resolution"
    RECOGNITION = "recognition"
    FAIL = "recognition_failed"

    @property
    def label(self) -> str:
        """Vietnamese label."""
        if self is Step.INTRODUCER:
            return "Người giới thiệu"
        return STEP_EVENTS[self].label

    @property
    def needs_number(self) -> bool:
        """Resolutions and decisions carry a document number."""
        return self in _NUMBERED

    @property
    def needs_signer(self) -> bool:
        """Decisions name their signer."""
        return self in (Step.DECISION, Step.RECOGNITION)


STEP_EVENTS: dict[Step, EventKind] = {
    Step.COURSE: EventKind.COURSE_COMPLETED,
    Step.APPLICATION: EventKind.APPLICATION,
    Step.BIOGRAPHY: EventKind.BIOGRAPHY_VERIFIED,
    Step.BRANCH: EventKind.BRANCH_RESOLUTION,
    Step.GRASSROOTS: EventKind.GRASSROOTS_RESOLUTION,
    Step.DECISION: EventKind.ADMISSION_DECISION,
    Step.CEREMONY: EventKind.CEREMONY,
    Step.RECOGNITION_BRANCH: EventKind.RECOGNITION_BRANCH_RESOLUTION,
    Step.RECOGNITION: EventKind.RECOGNITION,
    Step.FAIL: EventKind.RECOGNITION_FAILED,
}
_NUMBERED = (
    Step.BRANCH,
    Step.GRASSROOTS,
    Step.DECISION,
    Step.RECOGNITION_BRANCH,
    Step.RECOGNITION,
)

#: Điều lệ Đảng điều 4 khoản 1–2: two official members, or the union and one member.
_CHARTER_INTRODUCERS = "Điều lệ Đảng 2011, điều 4"
_UNION_KINDS = (IntroducerKind.YOUTH_UNION.value, IntroducerKind.TRADE_UNION.value)


def fmt(value: date) -> str:
    """dd/mm/yyyy, as on Party documents."""
    return value.strftime("%d/%m/%Y")


@dataclass(frozen=True)
class Notice:
    """A warning about a step that is allowed but late or unusual (never a refusal)."""

    code: str
    params: tuple[tuple[str, str], ...] = ()

    def message(self, language: str = "vi") -> str:
        """The sentence in `language` ("vi" or "en")."""
        return PartydeskError(self.code, **dict(self.params)).message(language)


def notice(code: str, **params: object) -> Notice:
    """A notice with its parameters as text."""
    return Notice(code, tuple((k, str(v)) for k, v in params.items()))


@dataclass(frozen=True)
class StepInput:
    """What a clerk types for one step: the date, the document number, the signer."""

    on: date
    number: str = ""
    signer: str = ""
    ground: str = ""
    note: str = ""


@dataclass(frozen=True)
class StepResult:
    """A recorded (or, for a dry run, an allowed) step and its notices."""

    member_id: int
    step: str
    on: date
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class CycleEvent:
    """An event of the current admission cycle."""

    id: int
    kind: str
    on_date: date
    number: str
    signer: str
    effective_date: date | None


@dataclass
class Cycle:
    """The member's current admission cycle: latest event of each kind since last leaving.

    A member who left and is re-admitted starts a new cycle: the old branch resolution
    or ceremony no longer counts for the new admission (domain.md §3.2, kết nạp lại).
    """

    latest: dict[str, CycleEvent] = field(default_factory=dict)
    left_on: date | None = None
    ended: dict[str, CycleEvent] = field(default_factory=dict)

    def get(self, kind: EventKind) -> CycleEvent | None:
        """The latest event of `kind` in this cycle."""
        return self.latest.get(kind.value)

    def on(self, kind: EventKind) -> date | None:
        """The date of the latest event of `kind` in this cycle."""
        event = self.latest.get(kind.value)
        return event.on_date if event else None


_LEAVING = {kind.value for kind in LEAVING_EVENTS}


def load_cycle(session: Session, member_id: int) -> Cycle:
    """Read the member's events and keep those after the last leaving event."""
    rows = session.execute(
        select(
            MemberEvent.id,
            MemberEvent.kind,
            MemberEvent.on_date,
            MemberEvent.decision_no,
            MemberEvent.decided_by,
            MemberEvent.effective_date,
        )
        .where(MemberEvent.member_id == member_id, MemberEvent.deleted_at.is_(None))
        .order_by(MemberEvent.on_date, MemberEvent.id)
    )
    cycle = Cycle()
    for row in rows:
        event = CycleEvent(*row)
        if event.kind in _LEAVING:
            cycle.ended = dict(cycle.latest)
            cycle.ended[event.kind] = event
            cycle.latest = {}
            cycle.left_on = event.on_date
        else:
            cycle.latest[event.kind] = event
    return cycle


def whole(p: RuleParameter) -> int:
    """A parameter's value as a whole number (days, months, years)."""
    value: Any = p.value
    return int(value)


def parameter(rules: RuleTable, key: str, on: date) -> RuleParameter:
    """The rule parameter in force on `on`, or the `rule.missing` error."""
    try:
        return rules.parameter(key, on)
    except RuleMissing as exc:
        raise PartydeskError("rule.missing", key=key, on=fmt(on)) from exc


def grassroots_committee(session: Session, organization_id: int | None) -> Organization | None:
    """The đảng bộ cơ sở above the member's branch, or None for a chi bộ cơ sở.

    Only a branch under a grassroots committee needs that committee's resolution
    (8-KNĐ) before the admission decision.
    """
    seen: set[int] = set()
    current = organization_id
    while current is not None and current not in seen:
        seen.add(current)
        org = session.get(Organization, current)
        if org is None:
            return None
        kind = OrgKind(org.kind)
        if kind is OrgKind.GRASSROOTS_COMMITTEE:
            return org
        if kind.is_grassroots:
            return None
        current = org.parent_id
    return None


def introducers_of(session: Session, member_id: int, cycle: Cycle) -> list[CandidateIntroducer]:
    """The member's introducers for the current cycle (introduced after the last leaving)."""
    rows = session.scalars(
        select(CandidateIntroducer)
        .where(
            CandidateIntroducer.member_id == member_id,
            CandidateIntroducer.deleted_at.is_(None),
        )
        .order_by(CandidateIntroducer.id)
    ).all()
    if cycle.left_on is None:
        return list(rows)
    left = cycle.left_on
    return [r for r in rows if r.introduced_on is not None and r.introduced_on > left]


def introducers_complete(kinds: Iterable[str]) -> bool:
    """Two official members, or one union and one official member (Điều lệ Đảng, điều 4)."""
    kinds = list(kinds)
    members = kinds.count(IntroducerKind.MEMBER.value)
    unions = sum(1 for k in kinds if k in _UNION_KINDS)
    return members >= 2 or (members >= 1 and unions >= 1)


def introducer_source(rules: RuleTable, on: date) -> str:
    """The text the introducer rule comes from (the `admission.introducer_min_months` source)."""
    try:
        return rules.parameter("admission.introducer_min_months", on).source
    except RuleMissing:
        return _CHARTER_INTRODUCERS


@dataclass
class StepScope:
    """What a step function needs: the open session, the member, its cycle, rules, today."""

    session: Session
    member: Member
    cycle: Cycle
    rules: RuleTable
    calendar: WorkCalendar
    today: date
    apply: bool

    def add_event(
        self, kind: EventKind, data: StepInput, effective_date: date | None = None
    ) -> None:
        """Insert the step's event (only when applying, never in a dry run)."""
        if not self.apply:
            return
        details: dict[str, object] = {"ground": data.ground} if data.ground else {}
        member_events.add_event(
            self.session,
            self.member,
            kind,
            data.on,
            organization_id=self.member.organization_id,
            decision_no=data.number.strip(),
            decided_by=data.signer.strip(),
            details=details,
            note=data.note.strip(),
            effective_date=effective_date,
        )


def check_date(scope: StepScope, label: str, on: date) -> None:
    """A step is dated: not in the future, not before the person was born."""
    if on > scope.today:
        raise ValidationError("field.future_date", field=label, value=fmt(on))
    if on < scope.member.birth_date:
        raise ValidationError(
            "date.order",
            later=label,
            later_value=fmt(on),
            earlier="Ngày sinh",
            earlier_value=fmt(scope.member.birth_date),
        )


def require_status(scope: StepScope, label: str, *allowed: MemberStatus) -> None:
    """Refuse a step for a member whose status does not allow it."""
    status = MemberStatus(scope.member.status)
    if status not in allowed:
        raise PartydeskError(
            "admission.bad_status", step=label, name=scope.member.full_name, status=status.label
        )


def require_after(label: str, on: date, earlier: CycleEvent | None) -> None:
    """A step cannot be dated before the step it follows."""
    if earlier is not None and on < earlier.on_date:
        raise PartydeskError(
            "admission.date_before",
            step=label,
            value=fmt(on),
            earlier=EventKind(earlier.kind).label,
            earlier_value=fmt(earlier.on_date),
        )


def require_once(scope: StepScope, label: str, kind: EventKind) -> None:
    """Most steps happen once per admission cycle."""
    done = scope.cycle.get(kind)
    if done is not None:
        raise PartydeskError(
            "admission.step_done", step=label, name=scope.member.full_name, done=fmt(done.on_date)
        )


def require_present(label: str, kind: EventKind, event: CycleEvent | None, source: str) -> None:
    """A step needs an earlier step recorded first."""
    if event is None:
        raise PartydeskError(
            "admission.step_missing", step=label, missing=kind.label, source=source
        )


def require_number(data: StepInput, label: str) -> None:
    """Resolutions and decisions are numbered documents."""
    if not data.number.strip():
        raise ValidationError("field.required", field=label)


_CANDIDATE_STATUSES = (MemberStatus.CANDIDATE, MemberStatus.LEFT)
_NUMBER = "Số văn bản"


def course(scope: StepScope, data: StepInput) -> list[Notice]:
    """Course on the Party completed (giấy chứng nhận CN-NTVĐ); a newer one may replace it."""
    label = EventKind.COURSE_COMPLETED.label
    check_date(scope, label, data.on)
    require_status(scope, label, *_CANDIDATE_STATUSES)
    done = scope.cycle.get(EventKind.COURSE_COMPLETED)
    if done is not None and data.on <= done.on_date:
        raise PartydeskError(
            "admission.step_done", step=label, name=scope.member.full_name, done=fmt(done.on_date)
        )
    scope.add_event(EventKind.COURSE_COMPLETED, data)
    return []


def application(scope: StepScope, data: StepInput) -> list[Notice]:
    """The applicant's handwritten application (1-KNĐ) and biography (2-KNĐ) received."""
    label = EventKind.APPLICATION.label
    check_date(scope, label, data.on)
    require_status(scope, label, *_CANDIDATE_STATUSES)
    require_once(scope, label, EventKind.APPLICATION)
    scope.add_event(EventKind.APPLICATION, data)
    return []


def biography(scope: StepScope, data: StepInput) -> list[Notice]:
    """The branch verified the biography (thẩm tra lý lịch) after the application."""
    label = EventKind.BIOGRAPHY_VERIFIED.label
    check_date(scope, label, data.on)
    require_status(scope, label, *_CANDIDATE_STATUSES)
    require_once(scope, label, EventKind.BIOGRAPHY_VERIFIED)
    applied = scope.cycle.get(EventKind.APPLICATION)
    source = parameter(scope.rules, "admission.min_age_months", data.on).source
    require_present(label, EventKind.APPLICATION, applied, source)
    require_after(label, data.on, applied)
    scope.add_event(EventKind.BIOGRAPHY_VERIFIED, data)
    return []


def branch_resolution(scope: StepScope, data: StepInput) -> list[Notice]:
    """The branch's resolution proposing admission (6-KNĐ), with every condition checked.

    Refused unless the course certificate is valid on that date, the introducers are
    complete, the application is in and the biography verified, and the person is
    18–60 full years old counted in months on that date.
    """
    label = EventKind.BRANCH_RESOLUTION.label
    on = data.on
    check_date(scope, label, on)
    require_status(scope, label, *_CANDIDATE_STATUSES)
    require_number(data, _NUMBER)
    require_once(scope, label, EventKind.BRANCH_RESOLUTION)
    rules = scope.rules
    min_age = parameter(rules, "admission.min_age_months", on)
    max_age = parameter(rules, "admission.max_age_months", on)
    total = full_age_months(scope.member.birth_date, on)
    if not admission_age_ok(scope.member.birth_date, on, whole(min_age), whole(max_age)):
        source = min_age.source if total < whole(min_age) else max_age.source
        raise PartydeskError(
            "admission.age",
            value=fmt(on),
            name=scope.member.full_name,
            years=total // 12,
            months=total % 12,
            total=total,
            min_months=min_age.value,
            max_months=max_age.value,
            source=source,
        )
    validity = parameter(rules, "admission.course_certificate_valid_years", on)
    taken = scope.cycle.get(EventKind.COURSE_COMPLETED)
    require_present(label, EventKind.COURSE_COMPLETED, taken, validity.source)
    assert taken is not None
    require_after(label, on, taken)
    expires = add_months(taken.on_date, 12 * whole(validity))
    if on > expires:
        raise PartydeskError(
            "admission.course_expired",
            course=fmt(taken.on_date),
            years=validity.value,
            expires=fmt(expires),
            value=fmt(on),
            source=validity.source,
            flag="; thời hạn chưa chắc chắn, có thể sửa trong bảng quy định"
            if validity.uncertain
            else "",
        )
    applied = scope.cycle.get(EventKind.APPLICATION)
    require_present(label, EventKind.APPLICATION, applied, min_age.source)
    require_after(label, on, applied)
    verified = scope.cycle.get(EventKind.BIOGRAPHY_VERIFIED)
    require_present(label, EventKind.BIOGRAPHY_VERIFIED, verified, min_age.source)
    require_after(label, on, verified)
    kinds = [
        r.kind
        for r in introducers_of(scope.session, scope.member.id, scope.cycle)
        if r.introduced_on is None or r.introduced_on <= on
    ]
    if not introducers_complete(kinds):
        raise PartydeskError(
            "admission.introducers_incomplete",
            source=introducer_source(rules, on),
            members=kinds.count(IntroducerKind.MEMBER.value),
            unions=sum(1 for k in kinds if k in _UNION_KINDS),
        )
    scope.add_event(EventKind.BRANCH_RESOLUTION, data)
    return []


def grassroots_resolution(scope: StepScope, data: StepInput) -> list[Notice]:
    """The grassroots committee's resolution (8-KNĐ), for a branch under a đảng bộ cơ sở."""
    label = EventKind.GRASSROOTS_RESOLUTION.label
    check_date(scope, label, data.on)
    require_status(scope, label, *_CANDIDATE_STATUSES)
    require_number(data, _NUMBER)
    source = parameter(scope.rules, "admission.decision_working_days", data.on).source
    if grassroots_committee(scope.session, scope.member.organization_id) is None:
        org = scope.session.get(Organization, scope.member.organization_id or -1)
        raise PartydeskError(
            "admission.grassroots_not_needed",
            organization=org.name if org else "",
            source=source,
        )
    require_once(scope, label, EventKind.GRASSROOTS_RESOLUTION)
    resolved = scope.cycle.get(EventKind.BRANCH_RESOLUTION)
    require_present(label, EventKind.BRANCH_RESOLUTION, resolved, source)
    require_after(label, data.on, resolved)
    scope.add_event(EventKind.GRASSROOTS_RESOLUTION, data)
    return []


@dataclass(frozen=True)
class IntroducerInput:
    """An introducer: an official member (by id) or the Youth Union / trade union (by name)."""

    kind: str
    introduced_on: date
    introducer_member_id: int | None = None
    full_name: str = ""
    worked_from: date | None = None
    note: str = ""


def add_introducer_in(scope: StepScope, data: IntroducerInput) -> CandidateIntroducer | None:
    """Check and (when applying) add one introducer to the candidate (Điều lệ Đảng, điều 4).

    A member introducer must be an official member of this office on the day of the
    introduction and have worked with the candidate for at least
    `admission.introducer_min_months` months; a union introduces with one member.
    """
    label = "Người giới thiệu"
    on = data.introduced_on
    check_date(scope, label, on)
    require_status(scope, label, *_CANDIDATE_STATUSES)
    rules = scope.rules
    min_months = parameter(rules, "admission.introducer_min_months", on)
    source = min_months.source
    try:
        kind = IntroducerKind(data.kind)
    except ValueError as exc:
        raise ValidationError(
            "field.unknown_code", field=label, value=data.kind, catalogue="introducer_kind"
        ) from exc
    present = introducers_of(scope.session, scope.member.id, scope.cycle)
    kinds = [r.kind for r in present]
    if introducers_complete(kinds):
        raise PartydeskError(
            "admission.introducers_full", name=scope.member.full_name, source=source
        )
    full_name = data.full_name.strip()
    if kind is IntroducerKind.MEMBER:
        if data.introducer_member_id is None:
            raise ValidationError("field.required", field=label)
        if data.introducer_member_id == scope.member.id:
            raise PartydeskError("admission.introducer_self")
        introducer = get_member(scope.session, data.introducer_member_id)
        full_name = introducer.full_name
        if any(r.introducer_member_id == introducer.id for r in present):
            raise PartydeskError(
                "admission.introducer_twice", introducer=full_name, name=scope.member.full_name
            )
        if not _official_on(scope.session, introducer.id, on):
            raise PartydeskError(
                "admission.introducer_not_official", introducer=full_name, on=fmt(on), source=source
            )
        if data.worked_from is None:
            raise ValidationError("field.required", field="Cùng công tác từ ngày")
        months = full_months_between(data.worked_from, on)
        if months < whole(min_months):
            raise PartydeskError(
                "admission.introducer_too_short",
                introducer=full_name,
                worked_from=fmt(data.worked_from),
                months=months,
                min_months=min_months.value,
                source=source,
            )
    else:
        if any(k in _UNION_KINDS for k in kinds):
            raise PartydeskError("admission.introducer_union_twice", source=source)
        if not full_name:
            raise ValidationError("field.required", field="Tên tổ chức đoàn thể giới thiệu")
    if not scope.apply:
        return None
    row = CandidateIntroducer(
        member_id=scope.member.id,
        kind=kind.value,
        introducer_member_id=data.introducer_member_id if kind is IntroducerKind.MEMBER else None,
        full_name=full_name,
        worked_from=data.worked_from,
        introduced_on=on,
        note=data.note.strip(),
    )
    scope.session.add(row)
    return row


def _official_on(session: Session, member_id: int, on: date) -> bool:
    """Whether the member was an official (or exempted) member of this office on `on`.

    Replays the introducer's events up to that day, so a member recognized later, or
    who had left or transferred out by then, does not qualify.
    """
    rows = session.execute(
        select(
            MemberEvent.kind,
            MemberEvent.on_date,
            MemberEvent.decision_no,
            MemberEvent.id,
            MemberEvent.effective_date,
        ).where(
            MemberEvent.member_id == member_id,
            MemberEvent.deleted_at.is_(None),
            MemberEvent.on_date <= on,
        )
    )
    state = derive_state(EventFact(*row) for row in rows)
    return state.status in (MemberStatus.OFFICIAL, MemberStatus.EXEMPTED)
