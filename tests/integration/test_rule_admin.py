"""The rule table editor: validation, required reason, history, audit, defaults untouched."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from partydesk.db.models import AuditEntry, RuleParameterRow
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import DEFAULT_RULES
from partydesk.services.rule_admin import (
    list_rules,
    revert_rule,
    rule_history,
    set_rule_value,
    validate_value,
)
from partydesk.services.rule_table import load_rule_table
from tests.conftest import TODAY


def _rule_rows(path: Path, defaults_only: bool = False) -> list[tuple[object, ...]]:
    where = "WHERE is_default = 1" if defaults_only else ""
    con = sqlite3.connect(path)
    try:
        return con.execute(f"SELECT * FROM rule_parameter {where} ORDER BY id").fetchall()
    finally:
        con.close()


def _audit_count(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT count(*) FROM audit_log").fetchone()[0])
    finally:
        con.close()


def test_list_rules_shows_every_key_in_force(db):
    rows = {r.key: r for r in list_rules(db, TODAY)}
    assert set(rows) == {p.key for p in DEFAULT_RULES}
    salary = rows["dues.rate_salary"]
    assert (salary.value, salary.valid_from, salary.in_force) == (0.01, date(2026, 2, 3), True)
    assert "Quy định 01-QĐ/TW 2026" in salary.source
    assert rows["dues.other_groups_monthly"].uncertain
    assert not any(r.edited for r in rows.values())
    assert rows["retirement.male_months"].value == 738  # 61 years 6 months in 2026
    before = {r.key: r for r in list_rules(db, date(2025, 1, 1))}
    assert not before["dues.rate_salary"].in_force  # not yet in force: first value shown


@pytest.mark.parametrize(
    ("key", "value", "clean"),
    [
        ("cadre.term_years", 5, 5),
        ("cadre.term_years", 4.0, 4),
        ("dues.rate_salary", 0.015, 0.015),
        ("dues.rate_salary", 0, 0.0),
        ("dues.student_monthly", 6000, 6000),
        ("badge.thresholds", [30, 40, 50], [30, 40, 50]),
        ("badge.occasions", [[2, 3], [9, 2]], [[2, 3], [9, 2]]),
        ("dues.other_groups_monthly", {"khac": 10000}, {"khac": 10000}),
    ],
)
def test_valid_values(key, value, clean):
    assert validate_value(key, value) == clean


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("cadre.term_years", "năm"),
        ("cadre.term_years", 4.5),
        ("cadre.term_years", -1),
        ("cadre.term_years", True),
        ("dues.rate_salary", "1%"),
        ("dues.rate_salary", 1.5),
        ("dues.rate_salary", -0.01),
        ("badge.thresholds", [40, 30]),
        ("badge.thresholds", [30, "40"]),
        ("badge.thresholds", []),
        ("badge.occasions", [[2, 30]]),
        ("badge.occasions", [3, 2]),
        ("dues.other_groups_monthly", {"khac": 0}),
        ("dues.other_groups_monthly", [10000]),
    ],
)
def test_invalid_values_say_why(key, value):
    with pytest.raises(ValidationError) as caught:
        validate_value(key, value)
    assert caught.value.code == "rules.bad_value"
    assert key in caught.value.message()


def test_set_value_adds_a_dated_row_and_leaves_the_default(db, db_path):
    defaults_before = _rule_rows(db_path, defaults_only=True)
    set_rule_value(
        db,
        "dues.student_monthly",
        date(2027, 1, 1),
        6000,
        "Hướng dẫn 05-HD/VPTW 2026, mục 2",
        actor="admin",
    )
    assert _rule_rows(db_path, defaults_only=True) == defaults_before
    with db.reader() as session:
        rules = load_rule_table(session)
        assert rules.value("dues.student_monthly", date(2026, 12, 31)) == 5000
        assert rules.value("dues.student_monthly", date(2027, 1, 1)) == 6000
        row = session.scalars(
            select(RuleParameterRow).where(RuleParameterRow.is_default.is_(False))
        ).one()
        assert row.note == "Hướng dẫn 05-HD/VPTW 2026, mục 2"
        assert "admin" in row.source
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "rules.set")).one()
        assert audit.record_uuid == row.uuid
        assert "Hướng dẫn 05-HD/VPTW 2026" in (audit.after_json or "")
    listed = {r.key: r for r in list_rules(db, date(2027, 2, 1))}
    assert listed["dues.student_monthly"].edited
    assert listed["dues.student_monthly"].value == 6000
    assert listed["dues.student_monthly"].overrides == 1


def test_same_date_as_a_default_overrides_it(db, db_path):
    set_rule_value(
        db, "dues.other_groups_monthly", date(2026, 2, 3), {"khac": 8000}, "Nghị quyết tỉnh ủy"
    )
    with db.reader() as session:
        assert load_rule_table(session).value("dues.other_groups_monthly", TODAY) == {"khac": 8000}
    history = rule_history(db, "dues.other_groups_monthly")
    assert [(h.is_default, h.value) for h in history] == [(True, {}), (False, {"khac": 8000})]
    # Same date again: the earlier administrator's row is kept as a reverted row.
    set_rule_value(db, "dues.other_groups_monthly", date(2026, 2, 3), {"khac": 9000}, "Sửa số liệu")
    history = rule_history(db, "dues.other_groups_monthly")
    assert [(h.value, h.reverted) for h in history if not h.is_default] == [
        ({"khac": 8000}, True),
        ({"khac": 9000}, False),
    ]
    with db.reader() as session:
        assert load_rule_table(session).value("dues.other_groups_monthly", TODAY) == {"khac": 9000}


@pytest.mark.parametrize(
    ("key", "value", "reason", "code"),
    [
        ("cadre.term_years", 4, "  ", "rules.reason_required"),
        ("cadre.term_years", "bốn", "Lý do", "rules.bad_value"),
        ("no.such.rule", 1, "Lý do", "rules.unknown_key"),
    ],
)
def test_refused_changes_write_nothing(db, db_path, key, value, reason, code):
    before, audits = _rule_rows(db_path), _audit_count(db_path)
    with pytest.raises(PartydeskError) as caught:
        set_rule_value(db, key, date(2027, 1, 1), value, reason)
    assert caught.value.code == code
    assert _rule_rows(db_path) == before
    assert _audit_count(db_path) == audits


def test_history_and_revert(db, db_path):
    set_rule_value(db, "cadre.term_years", date(2027, 1, 1), 4, "Thử nghiệm")
    history = rule_history(db, "cadre.term_years")
    assert [(h.valid_from, h.value, h.is_default) for h in history] == [
        (date(2000, 1, 1), 5, True),
        (date(2027, 1, 1), 4, False),
    ]
    before = _rule_rows(db_path)
    with pytest.raises(ValidationError):
        revert_rule(db, "cadre.term_years", date(2027, 1, 1), "")
    with pytest.raises(PartydeskError) as caught:
        revert_rule(db, "cadre.term_years", date(2000, 1, 1), "Sai")
    assert caught.value.code == "rules.default_row"
    assert "Nghị định 138/2020" in caught.value.message()
    with pytest.raises(PartydeskError) as caught:
        revert_rule(db, "cadre.term_years", date(2028, 1, 1), "Sai")
    assert caught.value.code == "rules.not_found"
    assert _rule_rows(db_path) == before
    revert_rule(db, "cadre.term_years", date(2027, 1, 1), "Nhập nhầm")
    history = rule_history(db, "cadre.term_years")
    assert history[-1].reverted
    assert "Nhập nhầm" in history[-1].note
    with db.reader() as session:
        assert load_rule_table(session).value("cadre.term_years", date(2028, 1, 1)) == 5
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "rules.revert")).one()
        assert "deleted_at" in json.loads(audit.after_json or "{}")
    with pytest.raises(PartydeskError) as caught:
        rule_history(db, "no.such.rule")
    assert caught.value.code == "rules.unknown_key"
