"""Re-admission of a former member (kết nạp lại; domain.md §3.4).

`readmission_check` lists every reason a re-admission is refused, each naming its rule
(the waiting time, once only, grounds that rule it out); `readmit` records the decision,
after which the person is a candidate again with a new membership period.
"""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk import errors
from partydesk.codes import LEAVING_EVENTS, EventKind, MemberStatus
from partydesk.db.engine import Database
from partydesk.db.models import Member, MemberEvent, Membership
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import RuleParameter, RuleTable, add_months
from partydesk.rules.ruletable import RuleMissing
from partydesk.services.lifecycle_common import (
    RecordResult,
    add_event,
    catalogue_facts,
    catalogue_source,
    check_event_date,
    fmt_date,
    get_member,
    record_result,
    status_of,
)
from partydesk.services.members import check_member_organization, refresh_state
from partydesk.services.party_exit import LeaveKind
from partydesk.services.rule_table import load_rule_table

errors.add_messages(
    {
        "readmission.not_left": (
            "Chỉ xem xét kết nạp lại người đã ra khỏi Đảng; người này đang ở trạng thái"
            " «{status}» ({source}).",
            "Only a former member can be re-admitted; this person's status is '{status}'"
            " ({source}).",
        ),
        "readmission.too_early": (
            "Chưa đủ {months} tháng kể từ khi ra khỏi Đảng ngày {left}: sớm nhất ngày {earliest}"
            " ({source}).",
            "Less than {months} months since leaving the Party on {left}: {earliest} at the"
            " earliest ({source}).",
        ),
        "readmission.once_only": (
            "Đã được kết nạp lại một lần (quyết định ngày {date}); chỉ kết nạp lại một lần"
            " ({source}).",
            "Already re-admitted once (decision of {date}); re-admission happens only once"
            " ({source}).",
        ),
        "readmission.forbidden_ground": (
            "Ra khỏi Đảng ngày {date} vì «{ground}»: không xem xét kết nạp lại ({source}).",
            "Left the Party on {date} for '{ground}': re-admission is not considered ({source}).",
        ),
        "readmission.refused": ("Không thể kết nạp lại: {reasons}", "Cannot re-admit: {reasons}"),
    }
)


_LEAVING_VALUES = frozenset(kind.value for kind in LEAVING_EVENTS)


class ReadmissionRefusedError(PartydeskError):
    """Re-admission refused: every reason the check found, each naming its rule."""

    def __init__(self, reasons: list[PartydeskError]) -> None:
        super().__init__("readmission.refused", reasons="; ".join(r.message() for r in reasons))
        self.reasons = reasons

    def message(self, language: str = "vi") -> str:
        """All the reasons, in `language`."""
        vi, en = errors.MESSAGES["readmission.refused"]
        template = en if language == "en" else vi
        return template.format(reasons="; ".join(r.message(language) for r in self.reasons))


def _history(session: Session, member_id: int) -> list[MemberEvent]:
    return list(
        session.scalars(
            select(MemberEvent)
            .where(MemberEvent.member_id == member_id, MemberEvent.deleted_at.is_(None))
            .order_by(MemberEvent.on_date, MemberEvent.id)
        )
    )


def _unanswered_leavings(history: list[MemberEvent]) -> list[MemberEvent]:
    """Leaving events not cancelled by a later exoneration (minh oan)."""
    leavings: list[MemberEvent] = []
    for event in history:
        if event.kind in _LEAVING_VALUES:
            leavings.append(event)
        elif event.kind == EventKind.EXONERATED.value and leavings:
            leavings.pop()
    return leavings


def _readmission_rule(rules: RuleTable, left_on: date, on: date) -> RuleParameter:
    """The waiting rule (`readmission.min_months`) in force when the member left.

    For a leaving older than the first recorded value: the rule in force on `on`.
    """
    try:
        return rules.parameter("readmission.min_months", left_on)
    except RuleMissing:
        try:
            return rules.parameter("readmission.min_months", on)
        except RuleMissing as exc:
            raise PartydeskError(
                "rule.missing", key=exc.key, on=exc.on.strftime("%d/%m/%Y")
            ) from exc


def readmission_reasons(session: Session, member: Member, on: date) -> list[PartydeskError]:
    """Why `member` may not be re-admitted by a decision of `on` (empty: allowed)."""
    rules = load_rule_table(session)
    status = status_of(member)
    history = _history(session, member.id)
    leavings = _unanswered_leavings(history)
    left_on = member.left_on or (leavings[-1].on_date if leavings else None)
    if status is not MemberStatus.LEFT or left_on is None:
        source = _readmission_rule(rules, on, on).source
        return [PartydeskError("readmission.not_left", status=status.label, source=source)]
    reasons: list[PartydeskError] = []
    parameter = _readmission_rule(rules, left_on, on)
    earliest = add_months(left_on, int(rules.value(parameter.key, parameter.valid_from)))
    if on < earliest:
        reasons.append(
            PartydeskError(
                "readmission.too_early",
                months=parameter.value,
                left=fmt_date(left_on),
                earliest=fmt_date(earliest),
                source=parameter.source,
            )
        )
    decisions = [e for e in history if e.kind == EventKind.ADMISSION_DECISION.value]
    if len(decisions) > 1:
        reasons.append(
            PartydeskError(
                "readmission.once_only",
                date=fmt_date(decisions[-1].on_date),
                source=parameter.source,
            )
        )
    grounds = catalogue_facts(session, "strike_off_ground")
    kinds = catalogue_facts(session, "leave_kind")
    for event in leavings:
        details = json.loads(event.details_json or "{}")
        if event.kind == EventKind.STRUCK_OFF.value:
            facts = grounds.get(details.get("ground") or "")
            if facts is not None and facts.extra.get("forbids_readmission"):
                reasons.append(
                    PartydeskError(
                        "readmission.forbidden_ground",
                        date=fmt_date(event.on_date),
                        ground=facts.name,
                        source=facts.extra.get("readmission_source")
                        or catalogue_source("strike_off_ground"),
                    )
                )
        elif event.kind == EventKind.EXPELLED.value and details.get("serious"):
            facts = kinds.get(LeaveKind.EXPELLED.value)
            if facts is not None and facts.extra.get("forbids_readmission_if_serious"):
                reasons.append(
                    PartydeskError(
                        "readmission.forbidden_ground",
                        date=fmt_date(event.on_date),
                        ground=f"{facts.name} (vi phạm nghiêm trọng)",
                        source=facts.extra.get("readmission_source")
                        or catalogue_source("leave_kind"),
                    )
                )
    return reasons


def readmission_check(db: Database, member_id: int, on: date) -> list[PartydeskError]:
    """The reasons a re-admission decided on `on` is not allowed; empty when it is.

    Each reason is an error (not raised) whose message names the rule and its source:
    `readmission.not_left`, `readmission.too_early` (`readmission.min_months`),
    `readmission.once_only`, `readmission.forbidden_ground` (catalogue data).
    """
    with db.reader() as session:
        return readmission_reasons(session, get_member(session, member_id), on)


def readmit(
    db: Database,
    member_id: int,
    decision_date: date,
    decision_no: str,
    signer: str = "",
    organization_id: int | None = None,
    today: date | None = None,
) -> RecordResult:
    """Record the re-admission decision (kết nạp lại) after `readmission_check`.

    The person becomes a candidate again with a new membership period in
    `organization_id` (default: the last one); the ceremony and recognition follow as for
    a new member. Party age keeps counting from the first decision, the gap excluded.
    Errors: `member.not_found`, `readmission.refused` (with every reason),
    `field.required` (decision number), `field.future_date`, `leaving.before_last_event`,
    organization errors.
    """
    with db.session("readmission.decide") as session:
        member = get_member(session, member_id)
        reasons = readmission_reasons(session, member, decision_date)
        if reasons:
            raise ReadmissionRefusedError(reasons)
        if not decision_no.strip():
            raise ValidationError("field.required", field="Số quyết định kết nạp lại")
        check_event_date(session, member, decision_date, "Kết nạp lại", today)
        target = organization_id or member.organization_id
        if target is None:
            raise ValidationError("field.required", field="Chi bộ sinh hoạt")
        org = check_member_organization(session, target)
        add_event(
            session,
            member,
            EventKind.ADMISSION_DECISION,
            decision_date,
            decision_no=decision_no,
            decided_by=signer,
            details={"readmission": True},
        )
        session.add(
            Membership(
                member_id=member.id,
                organization_id=org.id,
                valid_from=decision_date,
                reason="readmission",
            )
        )
        member.organization_id = org.id
        refresh_state(session, member)
        return record_result(member, "Kết nạp lại", decision_date)


def readmission_earliest_for(db: Database, member_id: int) -> date | None:
    """The earliest re-admission date of a former member (None when not left)."""
    with db.reader() as session:
        member = get_member(session, member_id)
        if member.left_on is None or member.status != MemberStatus.LEFT.value:
            return None
        rules = load_rule_table(session)
        parameter = _readmission_rule(rules, member.left_on, date.today())
        return add_months(member.left_on, int(rules.value(parameter.key, parameter.valid_from)))
