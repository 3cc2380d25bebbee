"""Tests of procedure deadlines read from the rule table."""

from datetime import date

import pytest

from partydesk.rules import (
    Deadline,
    RuleMissing,
    RuleParameter,
    RuleTable,
    WorkCalendar,
    admission_decision_due,
    admission_decision_due_extended,
    ceremony_due,
    days_left,
    official_date,
    readmission_earliest,
    reappointment_notice_due,
    recognition_decision_due,
    recognition_due,
    term_end,
    transfer_presentation_due,
    transfer_request_due,
    working_days_between,
)

RULES = RuleTable.default()


def test_admission_decision_due():
    # Counted by hand: 60 working days after Monday 05/01/2026, Tết 16–20/02 skipped.
    assert admission_decision_due(date(2026, 1, 5), RULES) == date(2026, 4, 6)
    extended = admission_decision_due_extended(date(2026, 1, 5), RULES)
    assert working_days_between(date(2026, 1, 5), extended) == 90


def test_ceremony_due():
    # 30 working days after 15/04/2026, skipping 27/04, 30/04 and 01/05.
    assert ceremony_due(date(2026, 4, 15), RULES) == date(2026, 6, 1)


def test_official_date_is_ceremony_plus_twelve_months():
    assert official_date(date(2025, 3, 15), RULES) == date(2026, 3, 15)
    assert official_date(date(2024, 2, 29), RULES) == date(2025, 2, 28)
    assert official_date(date(1985, 9, 2), RULES) == date(1986, 9, 2)  # old records


def test_recognition_due():
    # Probation ends on Sunday 15/03/2026; 30 working days later is Friday 24/04/2026.
    assert recognition_due(date(2025, 3, 15), RULES) == date(2026, 4, 24)


def test_recognition_decision_and_transfer_request():
    resolution = date(2026, 8, 3)
    due = recognition_decision_due(resolution, RULES)
    assert working_days_between(resolution, due) == 30
    request = transfer_request_due(resolution, RULES)
    assert working_days_between(resolution, request) == 60


def test_transfer_presentation_counts_calendar_days():
    assert transfer_presentation_due(date(2026, 8, 1), RULES) == date(2026, 8, 31)
    assert transfer_presentation_due(date(2026, 2, 10), RULES) == date(2026, 3, 12)


def test_readmission_earliest():
    assert readmission_earliest(date(2022, 5, 31), RULES) == date(2025, 5, 31)
    assert readmission_earliest(date(2024, 2, 29), RULES) == date(2027, 2, 28)


def test_term_end_and_reappointment_notice():
    assert term_end(date(2026, 3, 1), RULES) == date(2031, 2, 28)
    assert term_end(date(2025, 7, 15), RULES) == date(2030, 7, 14)
    end = date(2026, 12, 31)
    notice = reappointment_notice_due(end, RULES)
    assert working_days_between(end, notice) == -90
    # Counted by hand: December 22, November 20 (24/11 is a holiday), October 22,
    # September 20 (1–2/09 off); then 28, 27, 26, 25, 24/08 (31/08 is off) and the
    # make-up Saturday 22/08/2026 as the 90th.
    assert notice == date(2026, 8, 22)


def test_office_calendar_is_used():
    closure = WorkCalendar(days_off=frozenset({date(2026, 4, 16)}))
    assert ceremony_due(date(2026, 4, 15), RULES, closure) == date(2026, 6, 2)


def test_rules_are_read_on_the_event_date():
    rules = RULES.with_overrides(
        [RuleParameter("admission.ceremony_working_days", date(2026, 5, 1), 10, "giả định")]
    )
    assert ceremony_due(date(2026, 4, 15), rules) == date(2026, 6, 1)  # 30 days still
    assert ceremony_due(date(2026, 5, 4), rules) == date(2026, 5, 18)  # 10 days now


def test_missing_rule_before_it_existed():
    with pytest.raises(RuleMissing):
        admission_decision_due(date(2010, 1, 4), RULES)


def test_deadline_and_days_left():
    deadline = Deadline("ceremony", date(2026, 6, 1), "Hạn tổ chức lễ kết nạp")
    assert deadline.due == date(2026, 6, 1)
    assert days_left(date(2026, 6, 1), date(2026, 5, 30)) == 2
    assert days_left(date(2026, 6, 1), date(2026, 6, 1)) == 0
    assert days_left(date(2026, 6, 1), date(2026, 6, 3)) == -2
    with pytest.raises(AttributeError):
        deadline.due = date(2026, 1, 1)  # type: ignore[misc]
