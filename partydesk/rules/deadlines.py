"""Deadlines of the admission, recognition, transfer and appointment procedures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from partydesk.rules.ages import add_months
from partydesk.rules.ruletable import RuleTable
from partydesk.rules.workdays import WorkCalendar

__all__ = [
    "Deadline",
    "admission_decision_due",
    "admission_decision_due_extended",
    "ceremony_due",
    "days_left",
    "official_date",
    "readmission_earliest",
    "reappointment_notice_due",
    "recognition_decision_due",
    "recognition_due",
    "term_end",
    "transfer_presentation_due",
    "transfer_request_due",
]

# Each deadline reads its parameters on the date of the event that starts it: the rule in
# force when the branch met is the one the branch is judged by.


@dataclass(frozen=True)
class Deadline:
    """A computed deadline: what it is (`kind`), when, and how the UI names it."""

    kind: str
    due: date
    label_vi: str


def days_left(due: date, today: date) -> int:
    """Calendar days from `today` to `due`: 0 on the day, negative once overdue."""
    return (due - today).days


def _working(calendar: WorkCalendar | None) -> WorkCalendar:
    return calendar if calendar is not None else WorkCalendar()


def _int(rules: RuleTable, key: str, on: date) -> int:
    return int(rules.value(key, on))


def admission_decision_due(
    branch_resolution_on: date, rules: RuleTable, calendar: WorkCalendar | None = None
) -> date:
    """Last day for the admission decision: 60 working days after the branch resolution.

    Quy định 232-QĐ/TW 2025, điểm 4.3.1 (`admission.decision_working_days`).
    """
    days = _int(rules, "admission.decision_working_days", branch_resolution_on)
    return _working(calendar).add(branch_resolution_on, days)


def admission_decision_due_extended(
    branch_resolution_on: date, rules: RuleTable, calendar: WorkCalendar | None = None
) -> date:
    """Last day for the admission decision after the one extension (60 + 30 working days).

    Quy định 232-QĐ/TW 2025, điểm 4.3.1: in special cases the deadline may be extended by
    at most 30 working days (`admission.decision_extension_working_days`).
    """
    days = _int(rules, "admission.decision_working_days", branch_resolution_on) + _int(
        rules, "admission.decision_extension_working_days", branch_resolution_on
    )
    return _working(calendar).add(branch_resolution_on, days)


def ceremony_due(
    decision_received_on: date, rules: RuleTable, calendar: WorkCalendar | None = None
) -> date:
    """Last day for the admission ceremony: 30 working days after the decision is received.

    Quy định 232-QĐ/TW 2025, điểm 4.1 (`admission.ceremony_working_days`); later needs the
    direct superior committee's agreement.
    """
    days = _int(rules, "admission.ceremony_working_days", decision_received_on)
    return _working(calendar).add(decision_received_on, days)


def official_date(ceremony_on: date, rules: RuleTable) -> date:
    """Return the official-membership date: ceremony date plus 12 months of probation.

    Probation runs 12 months from the ceremony (Điều lệ Đảng, điều 5 khoản 1); a member
    who qualifies is official on that date even when the branch met or the committee
    decided late (Quy định 232-QĐ/TW 2025, điểm 4.2).
    """
    return add_months(ceremony_on, _int(rules, "probation.months", ceremony_on))


def recognition_due(
    ceremony_on: date, rules: RuleTable, calendar: WorkCalendar | None = None
) -> date:
    """Last day for the branch to consider recognition: 30 working days after probation ends.

    Quy định 232-QĐ/TW 2025, điểm 4.2 (`recognition.consider_working_days`, read on the
    day probation ends).
    """
    probation_end = official_date(ceremony_on, rules)
    days = _int(rules, "recognition.consider_working_days", probation_end)
    return _working(calendar).add(probation_end, days)


def recognition_decision_due(
    branch_resolution_on: date, rules: RuleTable, calendar: WorkCalendar | None = None
) -> date:
    """Last day for the recognition decision: 30 working days after the branch resolution.

    Quy định 232-QĐ/TW 2025, điểm 4.3.1 (`recognition.decision_working_days`).
    """
    days = _int(rules, "recognition.decision_working_days", branch_resolution_on)
    return _working(calendar).add(branch_resolution_on, days)


def transfer_request_due(
    moving_decision_on: date, rules: RuleTable, calendar: WorkCalendar | None = None
) -> date:
    """Last day for the member to ask for a transfer: 60 working days after the decision.

    The decision that moves the member (new post, retirement, study…) takes effect on
    `moving_decision_on`. Quy định 232-QĐ/TW 2025 (thi hành Điều 6 Điều lệ Đảng),
    Hướng dẫn 12-HD/BTCTW 2022 (`transfer.request_working_days`).
    """
    days = _int(rules, "transfer.request_working_days", moving_decision_on)
    return _working(calendar).add(moving_decision_on, days)


def transfer_presentation_due(letter_on: date, rules: RuleTable) -> date:
    """Last day to present a transfer letter: 30 calendar days after the letter's date.

    Hướng dẫn 12-HD/BTCTW 2022, giới thiệu sinh hoạt đảng (`transfer.presentation_days`).
    Calendar days, not working days; a late arrival must be explained to the committee.
    """
    return letter_on + timedelta(days=_int(rules, "transfer.presentation_days", letter_on))


def readmission_earliest(left_on: date, rules: RuleTable) -> date:
    """Earliest date a former member may be considered for re-admission: 36 months after leaving.

    Quy định 232-QĐ/TW 2025, điểm 3.5.1 (`readmission.min_months`).
    """
    return add_months(left_on, _int(rules, "readmission.min_months", left_on))


def term_end(start_on: date, rules: RuleTable) -> date:
    """Last day of an appointment term: five years from `start_on`, minus one day.

    Nghị định 138/2020/NĐ-CP, điều 41 khoản 1 (`cadre.term_years`): a term from 01/03/2026
    ends on 28/02/2031.
    """
    years = _int(rules, "cadre.term_years", start_on)
    return add_months(start_on, 12 * years) - timedelta(days=1)


def reappointment_notice_due(
    term_end_on: date, rules: RuleTable, calendar: WorkCalendar | None = None
) -> date:
    """Last day to notify a cadre about reappointment: 90 working days before the term ends.

    Quy định 80-QĐ/TW 2022, replaced by Quy định 377-QĐ/TW 2025
    (`cadre.reappointment_notice_working_days`, read on the day the term ends).
    """
    days = _int(rules, "cadre.reappointment_notice_working_days", term_end_on)
    return _working(calendar).add(term_end_on, -days)
