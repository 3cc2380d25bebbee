"""Tests of the rules package surface: public names, signatures, purity, docstrings."""

import ast
import inspect
import sys
from pathlib import Path

import pytest

from partydesk import rules

RULES_DIR = Path(rules.__file__).parent
MODULES = sorted(RULES_DIR.glob("*.py"))

PUBLIC = {
    "nfc", "fold", "split_name", "name_sort_key", "CCCD_PROVINCES", "check_cccd",
    "cccd_facts", "CccdFacts", "make_cccd", "normalize_sex", "add_working_days",
    "is_working_day", "working_days_between", "WorkCalendar", "add_months",
    "full_months_between", "full_age_months", "admission_age_ok", "party_age",
    "BADGE_THRESHOLDS", "BADGE_OCCASIONS", "badge_reached_on", "badge_due",
    "next_occasion", "early_award_months", "retirement_age", "retirement_date",
    "birth_date_from_year", "RuleParameter", "RuleTable", "RuleMissing", "DEFAULT_RULES",
    "admission_decision_due", "admission_decision_due_extended", "ceremony_due",
    "official_date", "recognition_due", "recognition_decision_due", "transfer_request_due",
    "transfer_presentation_due", "readmission_earliest", "term_end",
    "reappointment_notice_due", "Deadline", "days_left",
}  # fmt: skip

SIGNATURES = {
    "check_cccd": ["number", "birth_date", "sex"],
    "make_cccd": ["province_code", "sex", "birth_year", "serial"],
    "add_working_days": ["start", "n", "days_off", "working_days"],
    "is_working_day": ["d", "days_off", "working_days"],
    "admission_age_ok": ["birth_date", "on", "min_months", "max_months"],
    "party_age": ["decision_date", "on", "gaps"],
    "badge_reached_on": ["decision_date", "years", "gaps"],
    "retirement_date": ["birth_date", "sex", "rules"],
    "admission_decision_due": ["branch_resolution_on", "rules", "calendar"],
    "ceremony_due": ["decision_received_on", "rules", "calendar"],
    "official_date": ["ceremony_on", "rules"],
    "transfer_presentation_due": ["letter_on", "rules"],
    "reappointment_notice_due": ["term_end_on", "rules", "calendar"],
}

# Functions that carry a rule must name its legal source.
SOURCE_WORDS = ("Điều lệ", "Quy định", "Hướng dẫn", "Nghị định", "Bộ luật", "Thông tư")


def test_public_names_are_exported():
    assert set(rules.__all__) >= PUBLIC
    for name in rules.__all__:
        assert hasattr(rules, name), name


@pytest.mark.parametrize(("name", "params"), sorted(SIGNATURES.items()))
def test_signatures(name, params):
    signature = inspect.signature(getattr(rules, name))
    assert list(signature.parameters)[: len(params)] == params


def test_work_calendar_shape():
    calendar = rules.WorkCalendar()
    assert calendar.days_off == frozenset()
    assert calendar.working_days == frozenset()
    for method in ("add", "is_working_day", "between"):
        assert callable(getattr(calendar, method))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_module_docstring_and_imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstring = ast.get_docstring(tree)
    assert docstring, path.name
    assert docstring.splitlines()[0].strip().endswith("."), path.name
    allowed = set(sys.stdlib_module_names) | {"holidays", "__future__"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id != "open", f"{path.name} reads files"
            continue
        else:
            continue
        for name in names:
            if name.startswith("partydesk"):
                assert name.startswith("partydesk.rules"), f"{path.name} imports {name}"
            else:
                assert name.split(".")[0] in allowed, f"{path.name} imports {name}"


@pytest.mark.parametrize(
    "name",
    sorted(
        n
        for n in PUBLIC
        if inspect.isfunction(getattr(rules, n)) and n not in {"nfc", "fold", "days_left"}
    ),
)
def test_rule_functions_cite_their_source(name):
    doc = inspect.getdoc(getattr(rules, name)) or ""
    assert any(word in doc for word in SOURCE_WORDS), name
