"""Pure rules of party organization work: names, CCCD, dates, party age, deadlines.

Standard library and `holidays` only: no Qt, no SQLAlchemy, no files, nothing else of
partydesk (an import-linter contract keeps it so). Every rule cites its legal source in
its docstring; parameters that change with new texts live in the rule table.
"""

from partydesk.rules.ages import (
    add_months,
    admission_age_ok,
    full_age_months,
    full_months_between,
)
from partydesk.rules.badges import (
    BADGE_OCCASIONS,
    BADGE_THRESHOLDS,
    badge_due,
    badge_reached_on,
    early_award_months,
    next_occasion,
)
from partydesk.rules.cccd import CCCD_PROVINCES, CccdFacts, cccd_facts, check_cccd, make_cccd
from partydesk.rules.deadlines import (
    Deadline,
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
)
from partydesk.rules.defaults import DEFAULT_RULES
from partydesk.rules.names import name_sort_key, split_name
from partydesk.rules.party_age import excluded_days, merge_gaps, party_age, party_age_months
from partydesk.rules.retirement import birth_date_from_year, retirement_age, retirement_date
from partydesk.rules.ruletable import RuleMissing, RuleParameter, RuleTable, RuleValue
from partydesk.rules.sex import FEMALE, MALE, normalize_sex
from partydesk.rules.text import clean_text, fold, nfc
from partydesk.rules.workdays import (
    WorkCalendar,
    add_working_days,
    is_working_day,
    public_holidays,
    working_days_between,
)

__all__ = [
    "BADGE_OCCASIONS",
    "BADGE_THRESHOLDS",
    "CCCD_PROVINCES",
    "DEFAULT_RULES",
    "FEMALE",
    "MALE",
    "CccdFacts",
    "Deadline",
    "RuleMissing",
    "RuleParameter",
    "RuleTable",
    "RuleValue",
    "WorkCalendar",
    "add_months",
    "add_working_days",
    "admission_age_ok",
    "admission_decision_due",
    "admission_decision_due_extended",
    "badge_due",
    "badge_reached_on",
    "birth_date_from_year",
    "cccd_facts",
    "ceremony_due",
    "check_cccd",
    "clean_text",
    "days_left",
    "early_award_months",
    "excluded_days",
    "fold",
    "full_age_months",
    "full_months_between",
    "is_working_day",
    "make_cccd",
    "merge_gaps",
    "name_sort_key",
    "next_occasion",
    "nfc",
    "normalize_sex",
    "official_date",
    "party_age",
    "party_age_months",
    "public_holidays",
    "readmission_earliest",
    "reappointment_notice_due",
    "recognition_decision_due",
    "recognition_due",
    "retirement_age",
    "retirement_date",
    "split_name",
    "term_end",
    "transfer_presentation_due",
    "transfer_request_due",
    "working_days_between",
]
