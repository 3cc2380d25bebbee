"""Tests of the versioned rule table and the shipped defaults."""

from datetime import date

import pytest

from partydesk.rules import (
    BADGE_OCCASIONS,
    BADGE_THRESHOLDS,
    DEFAULT_RULES,
    RuleMissing,
    RuleParameter,
    RuleTable,
    retirement_age,
)

P = RuleParameter


def small_table():
    return RuleTable(
        [
            P("x.days", date(2020, 1, 1), 60, "Quy định A"),
            P("x.days", date(2025, 1, 20), 45, "Quy định B", note="đổi", uncertain=True),
            P("x.list", date(2020, 1, 1), [1, 2, 3], "Quy định A"),
        ]
    )


def test_value_is_the_latest_in_force():
    table = small_table()
    assert table.value("x.days", date(2020, 1, 1)) == 60
    assert table.value("x.days", date(2025, 1, 19)) == 60
    assert table.value("x.days", date(2025, 1, 20)) == 45
    assert table.value("x.days", date(2099, 1, 1)) == 45
    parameter = table.parameter("x.days", date(2026, 1, 1))
    assert parameter.source == "Quy định B"
    assert parameter.uncertain


def test_missing_rule():
    table = small_table()
    with pytest.raises(RuleMissing) as caught:
        table.value("x.days", date(2019, 12, 31))
    assert caught.value.key == "x.days"
    assert caught.value.on == date(2019, 12, 31)
    assert "x.days" in str(caught.value)
    assert "31/12/2019" in str(caught.value)
    assert isinstance(caught.value, LookupError)
    with pytest.raises(RuleMissing):
        table.value("nope", date(2026, 1, 1))


def test_keys_history_len_iter():
    table = small_table()
    assert table.keys() == ["x.days", "x.list"]
    assert [p.value for p in table.history("x.days")] == [60, 45]
    assert table.history("nope") == []
    assert len(table) == 3
    assert [p.key for p in table] == ["x.days", "x.days", "x.list"]


def test_duplicate_dates_are_refused():
    with pytest.raises(ValueError, match="two values"):
        RuleTable([P("k", date(2020, 1, 1), 1, "a"), P("k", date(2020, 1, 1), 2, "b")])


def test_values_are_copies():
    table = small_table()
    table.value("x.list", date(2021, 1, 1)).append(4)
    assert table.value("x.list", date(2021, 1, 1)) == [1, 2, 3]


def test_overrides_replace_same_key_and_date():
    table = small_table().with_overrides(
        [P("x.days", date(2025, 1, 20), 50, "quản trị viên"), P("y", date(2020, 1, 1), 1, "z")]
    )
    assert table.value("x.days", date(2026, 1, 1)) == 50
    assert table.value("x.days", date(2021, 1, 1)) == 60
    assert table.value("y", date(2021, 1, 1)) == 1


def test_parameters_are_frozen():
    parameter = P("k", date(2020, 1, 1), 1, "a")
    with pytest.raises(AttributeError):
        parameter.value = 2  # type: ignore[misc]


REQUIRED_KEYS = {
    "admission.min_age_months": 216,
    "admission.max_age_months": 720,
    "admission.course_certificate_valid_years": 5,
    "admission.introducer_min_months": 12,
    "admission.decision_working_days": 60,
    "admission.decision_extension_working_days": 30,
    "admission.ceremony_working_days": 30,
    "probation.months": 12,
    "recognition.consider_working_days": 30,
    "recognition.decision_working_days": 30,
    "transfer.request_working_days": 60,
    "transfer.presentation_days": 30,
    "transfer.temporary_work_max_months": 12,
    "transfer.temporary_study_max_months": 24,
    "transfer.temporary_min_months": 3,
    "readmission.min_months": 36,
    "badge.thresholds": list(BADGE_THRESHOLDS),
    "badge.occasions": [list(o) for o in BADGE_OCCASIONS],
    "badge.early_months_upto_65": 12,
    "badge.early_months_from_70": 24,
    "rating.excellent_min_points": 90,
    "rating.good_min_points": 70,
    "rating.pass_min_points": 50,
    "rating.excellent_share_of_good_max": 0.20,
    "dues.rate_salary": 0.01,
    "dues.rate_sick_maternity": 0.01,
    "dues.rate_pension": 0.005,
    "dues.student_monthly": 5000,
    "dues.unpaid_months_strike_off": 3,
    "cadre.term_years": 5,
    "cadre.reappointment_notice_working_days": 90,
    "planning.max_people_per_post": 3,
    "planning.max_posts_per_person": 3,
    "salary.step_months_university": 36,
    "salary.step_months_lower": 24,
    "cadre.retirement_list_months_min": 6,
    "cadre.retirement_list_months_max": 24,
    "organization.min_official_members": 3,
    "organization.branch_threshold_members": 30,
    "reconciliation.months": 3,
}

UNCERTAIN_KEYS = {
    "admission.course_certificate_valid_years",
    "rating.excellent_share_of_good_max",
    "rating.pass_min_points",
    "dues.other_groups_monthly",
    "salary.step_months_university",
    "salary.step_months_lower",
}


@pytest.mark.parametrize(("key", "expected"), sorted(REQUIRED_KEYS.items()))
def test_default_values_in_force_in_2026(key, expected):
    assert RuleTable.default().value(key, date(2026, 3, 1)) == expected


def test_default_table_is_shared_and_complete():
    assert RuleTable.default() is RuleTable.default()
    assert len(RuleTable.default()) == len(DEFAULT_RULES)
    for parameter in DEFAULT_RULES:
        assert parameter.source.strip(), parameter.key
        # The retirement schedule of Nghị định 135/2020/NĐ-CP is set out up to 2035.
        assert date(1930, 1, 1) <= parameter.valid_from <= date(2035, 1, 1), parameter.key
        if parameter.valid_from == date(2000, 1, 1):
            assert "01/01/2000" in parameter.note, parameter.key


def test_uncertain_defaults_are_marked():
    table = RuleTable.default()
    for key in UNCERTAIN_KEYS:
        assert table.parameter(key, date(2026, 3, 1)).uncertain, key


def test_dues_start_on_3_february_2026():
    table = RuleTable.default()
    assert table.value("dues.rate_salary", date(2026, 2, 3)) == 0.01
    with pytest.raises(RuleMissing):
        table.value("dues.rate_salary", date(2026, 2, 2))


def test_history_of_a_changed_rule():
    history = RuleTable.default().history("badge.early_months_from_70")
    assert [(p.valid_from, p.value) for p in history] == [
        (date(2016, 7, 25), 12),
        (date(2021, 7, 30), 24),
    ]


def test_retirement_schedule_in_defaults_matches_the_decree():
    assert retirement_age("nam", 2028) == (62, 0)
    table = RuleTable.default()
    assert table.value("retirement.female_months", date(2035, 1, 1)) == 720
    assert table.value("retirement.female_months", date(2034, 12, 31)) == 716
