"""Party dues: amounts from the dated rule table, the branch register and batch, flags."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from partydesk.db.models import AuditEntry, DuesPayment, Member
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import RuleTable, make_cccd
from partydesk.services import dues
from partydesk.services.due import collect, due_context
from partydesk.services.dues import (
    DuesEntry,
    dues_register,
    expected_dues,
    full_payments,
    paid_through,
    record_dues,
    set_member_dues,
    unpaid_flags,
)
from partydesk.services.member_input import HistoryItem, MemberInput
from partydesk.services.members import create_member, move_member
from partydesk.services.rule_admin import set_rule_value
from tests.conftest import TODAY

RULES = RuleTable.default()
OCT = date(2026, 10, 1)


def _tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(path)
    try:
        return {
            t: con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
            for t in ("dues_payment", "member", "audit_log", "rule_parameter")
        }
    finally:
        con.close()


def _member(
    db,
    org: int,
    name: str,
    serial: int,
    ceremony: date = date(2015, 5, 10),
    history: tuple[HistoryItem, ...] = (),
) -> int:
    return create_member(
        db,
        MemberInput(
            full_name=name,
            sex="nam",
            birth_date=date(1985, 3, 2),
            organization_id=org,
            cccd=make_cccd("068", "nam", 1985, serial),
            decision_date=date(ceremony.year, ceremony.month, 1),
            ceremony_date=ceremony,
            official_date=date(ceremony.year + 1, ceremony.month, ceremony.day)
            if date(ceremony.year + 1, ceremony.month, ceremony.day) <= TODAY
            else None,
            history=history,
        ),
        today=TODAY,
    ).id


@pytest.fixture
def branch(db, org_ids) -> dict[str, int]:
    """Three members of Chi bộ Giáo viên with dues categories."""
    org = org_ids["DR.01.01"]
    ids = {
        "salaried": _member(db, org, "Nguyễn Văn An", 1),
        "pensioner": _member(db, org, "Trần Văn Bình", 2),
        "student": _member(db, org, "Lê Văn Cường", 3, ceremony=date(2026, 3, 15)),
    }
    set_member_dues(db, ids["salaried"], "bhxh", 4_567_850, TODAY)
    set_member_dues(db, ids["pensioner"], "huu_tri", 3_333_333, TODAY)
    set_member_dues(db, ids["student"], "hoc_sinh_sinh_vien", None, TODAY)
    return {**ids, "org": org}


# --- amounts ------------------------------------------------------------------------------


def test_expected_amounts_per_category_from_the_rule_table():
    # 1 % of 4,567,850 = 45,678.5 -> rounded half up to 45,679 đ.
    assert expected_dues("bhxh", 4_567_850, OCT, RULES) == 45_679
    assert expected_dues("om_dau_thai_san", 6_000_000, OCT, RULES) == 60_000
    # 0.5 % of 3,333,333 = 16,666.665 -> 16,667 (no float drift below the half).
    assert expected_dues("huu_tri", 3_333_333, OCT, RULES) == 16_667
    assert expected_dues("hoc_sinh_sinh_vien", None, OCT, RULES) == 5_000
    assert expected_dues("hoc_sinh_sinh_vien", 9_999_999, OCT, RULES) == 5_000
    # Other groups: no shipped amount, so the member's own agreed amount.
    assert expected_dues("khac", 20_000, OCT, RULES) == 20_000
    # February 2026 is governed by the rule that took effect on 3/2/2026.
    assert expected_dues("bhxh", 5_000_000, date(2026, 2, 1), RULES) == 50_000


def test_a_month_before_the_2026_rule_has_no_amount():
    with pytest.raises(PartydeskError) as caught:
        expected_dues("bhxh", 5_000_000, date(2026, 1, 1), RULES)
    assert caught.value.code == "dues.no_rule"
    text = caught.value.message()
    assert "01/2026" in text
    assert "dues.rate_salary" in text
    assert "Quy định 01-QĐ/TW 2026" in text
    assert "03/02/2026" in text


def test_missing_bases_and_amounts_are_refused_with_the_rule_cited():
    with pytest.raises(PartydeskError) as caught:
        expected_dues("bhxh", None, OCT, RULES)
    assert caught.value.code == "dues.basis_required"
    assert "Quy định 01-QĐ/TW 2026" in caught.value.message()
    with pytest.raises(PartydeskError) as caught:
        expected_dues("khac", None, OCT, RULES)
    assert caught.value.code == "dues.no_fixed_amount"
    assert "dues.other_groups_monthly" in caught.value.message("en")
    with pytest.raises(PartydeskError) as caught:
        expected_dues(None, None, OCT, RULES)
    assert caught.value.code == "dues.no_category"


def test_an_administrators_dated_rate_applies_from_its_month(db):
    set_rule_value(
        db, "dues.other_groups_monthly", date(2026, 6, 1), {"khac": 12_000}, "Hướng dẫn tỉnh"
    )
    set_rule_value(db, "dues.rate_salary", date(2026, 9, 1), 0.02, "Thử nghiệm")
    with db.reader() as session:
        from partydesk.services.rule_table import load_rule_table

        rules = load_rule_table(session)
    assert expected_dues("khac", 20_000, date(2026, 5, 1), rules) == 20_000
    assert expected_dues("khac", 20_000, date(2026, 6, 1), rules) == 12_000
    assert expected_dues("bhxh", 5_000_000, date(2026, 8, 1), rules) == 50_000
    assert expected_dues("bhxh", 5_000_000, date(2026, 9, 1), rules) == 100_000


# --- categories -----------------------------------------------------------------------------


def test_set_category_validates_and_is_audited(db, db_path, org_ids):
    member = _member(db, org_ids["DR.02"], "Phạm Thị Dung", 9)
    before = _tables(db_path)
    with pytest.raises(ValidationError) as caught:
        set_member_dues(db, member, "bhxh", None, TODAY)
    assert caught.value.code == "dues.basis_required"
    assert "1%" in caught.value.message()
    assert "01-QĐ/TW" in caught.value.message()
    with pytest.raises(ValidationError) as caught:
        set_member_dues(db, member, "huu_tri", -5, TODAY)
    assert caught.value.code == "dues.basis_negative"
    with pytest.raises(ValidationError) as caught:
        set_member_dues(db, member, "vip", 1, TODAY)
    assert caught.value.code == "field.unknown_code"
    with pytest.raises(PartydeskError) as caught:
        set_member_dues(db, 99_999, "bhxh", 1, TODAY)
    assert caught.value.code == "member.not_found"
    assert _tables(db_path) == before
    set_member_dues(db, member, "hoc_sinh_sinh_vien", 4_000_000, TODAY)
    with db.reader() as session:
        row = session.get(Member, member)
        assert row is not None
        assert (row.dues_category_code, row.dues_basis) == ("hoc_sinh_sinh_vien", None)
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "dues.set_category")
        ).one()
        assert "hoc_sinh_sinh_vien" in (entry.after_json or "")


# --- the register and the batch ---------------------------------------------------------------


def test_register_lists_members_counted_in_the_month(db, branch):
    rows = dues_register(db, branch["org"], OCT)
    # Vietnamese list order: by given name.
    assert [r.full_name for r in rows] == ["Nguyễn Văn An", "Trần Văn Bình", "Lê Văn Cường"]
    by_id = {r.member_id: r for r in rows}
    assert by_id[branch["salaried"]].expected == 45_679
    assert by_id[branch["pensioner"]].expected == 16_667
    assert by_id[branch["student"]].expected == 5_000
    assert by_id[branch["student"]].category_name == "Học sinh, sinh viên"
    assert all(r.paid_amount is None for r in rows)
    # Admitted on 15/3/2026: not yet a member in February.
    february = {r.member_id for r in dues_register(db, branch["org"], date(2026, 2, 1))}
    assert branch["student"] not in february
    january = dues_register(db, branch["org"], date(2026, 1, 1))
    assert all(r.expected is None and "01/2026" in r.problem for r in january)


def test_batch_entry_upserts_in_one_audited_transaction(db, branch):
    result = record_dues(
        db,
        branch["org"],
        date(2026, 10, 17),  # any day names its month
        [DuesEntry(branch["salaried"], 45_679), DuesEntry(branch["pensioner"], 16_667)],
        date(2026, 10, 20),
        today=TODAY,
    )
    assert (result.inserted, result.updated) == (2, 0)
    rows = {r.member_id: r for r in dues_register(db, branch["org"], OCT)}
    assert rows[branch["salaried"]].paid_amount == 45_679
    assert rows[branch["salaried"]].paid_on == date(2026, 10, 20)
    assert rows[branch["student"]].paid_amount is None
    again = record_dues(
        db,
        branch["org"],
        OCT,
        [DuesEntry(branch["salaried"], 50_000), DuesEntry(branch["student"], 5_000)],
        date(2026, 10, 25),
        today=TODAY,
    )
    assert (again.inserted, again.updated) == (1, 1)
    with db.reader() as session:
        payments = session.scalars(select(DuesPayment).order_by(DuesPayment.id)).all()
        assert len(payments) == 3
        assert {p.month for p in payments} == {OCT}
        salaried = next(p for p in payments if p.member_id == branch["salaried"])
        assert (salaried.amount, salaried.category_code) == (50_000, "bhxh")
        audits = session.scalars(select(AuditEntry).where(AuditEntry.action == "dues.record")).all()
        # Bulk inserts list their UUIDs; the update keeps the old amount.
        bulk = [a for a in audits if a.record_uuid is None]
        assert sum(json.loads(a.after_json or "{}")["count"] for a in bulk) == 3
        update = [a for a in audits if a.record_uuid == salaried.uuid]
        assert json.loads(update[0].before_json or "{}")["amount"] == 45_679


@pytest.mark.parametrize(
    ("entries", "code"),
    [
        ("zero", "dues.amount_not_positive"),
        ("negative", "dues.amount_not_positive"),
        ("stranger", "dues.not_in_branch"),
        ("twice", "dues.duplicate_entry"),
        ("empty", "dues.nothing"),
    ],
)
def test_a_bad_entry_refuses_the_whole_batch(db, db_path, branch, org_ids, entries, code):
    other = _member(db, org_ids["DR.02"], "Võ Văn Em", 7)
    good = DuesEntry(branch["salaried"], 45_679)
    batches = {
        "zero": [good, DuesEntry(branch["pensioner"], 0)],
        "negative": [good, DuesEntry(branch["pensioner"], -16_667)],
        "stranger": [good, DuesEntry(other, 5_000)],
        "twice": [good, DuesEntry(branch["salaried"], 1_000)],
        "empty": [],
    }
    before = _tables(db_path)
    with pytest.raises(PartydeskError) as caught:
        record_dues(db, branch["org"], OCT, batches[entries], date(2026, 10, 20), today=TODAY)
    assert caught.value.code == code
    assert _tables(db_path) == before


def test_payment_date_in_the_future_and_unknown_branch_are_refused(db, db_path, branch):
    before = _tables(db_path)
    with pytest.raises(ValidationError):
        record_dues(
            db, branch["org"], OCT, [DuesEntry(branch["salaried"], 1)], date(2026, 12, 1), TODAY
        )
    with pytest.raises(PartydeskError) as caught:
        record_dues(db, 99_999, OCT, [DuesEntry(branch["salaried"], 1)], TODAY, TODAY)
    assert caught.value.code == "organization.not_found"
    assert _tables(db_path) == before


def test_a_member_who_moved_is_in_the_later_branch_of_the_month(db, branch, org_ids):
    move_member(db, branch["salaried"], org_ids["DR.01.02"], date(2026, 10, 12))
    october_old = {r.member_id for r in dues_register(db, branch["org"], OCT)}
    october_new = {r.member_id for r in dues_register(db, org_ids["DR.01.02"], OCT)}
    september_old = {r.member_id for r in dues_register(db, branch["org"], date(2026, 9, 1))}
    assert branch["salaried"] not in october_old
    assert october_new == {branch["salaried"]}
    assert branch["salaried"] in september_old
    with pytest.raises(PartydeskError) as caught:
        record_dues(db, branch["org"], OCT, [DuesEntry(branch["salaried"], 1)], TODAY, TODAY)
    assert caught.value.code == "dues.not_in_branch"


def test_full_payments_fill_expected_amounts(db, branch):
    entries = full_payments(db, branch["org"], OCT)
    assert sorted(e.amount for e in entries) == [5_000, 16_667, 45_679]
    record_dues(db, branch["org"], OCT, entries, date(2026, 10, 5), TODAY)
    assert all(r.paid_amount == r.expected for r in dues_register(db, branch["org"], OCT))


def test_paid_through_is_the_latest_month_paid(db, branch):
    with db.reader() as session:
        assert paid_through(session, branch["salaried"]) is None
    for month in (date(2026, 8, 1), date(2026, 10, 1), date(2026, 9, 1)):
        record_dues(db, branch["org"], month, [DuesEntry(branch["salaried"], 45_679)], month, TODAY)
    with db.reader() as session:
        assert paid_through(session, branch["salaried"]) == date(2026, 10, 1)
        assert paid_through(session, branch["pensioner"]) is None


# --- unpaid months ----------------------------------------------------------------------------


def _pay(db, branch, member_key: str, months: list[int]) -> None:
    for m in months:
        record_dues(
            db,
            branch["org"],
            date(2026, m, 1),
            [DuesEntry(branch[member_key], 10_000)],
            date(2026, m, 1),
            TODAY,
        )


def test_unpaid_flags_with_a_fixed_clock(db, branch):
    _pay(db, branch, "salaried", list(range(1, 11)))  # January–October: all paid
    _pay(db, branch, "pensioner", [1, 2, 3, 4, 5, 6, 7])  # August–October unpaid
    _pay(db, branch, "student", [3, 4, 5, 6, 7, 8, 9])  # October unpaid only
    flags = unpaid_flags(db, 2026, today=TODAY)
    assert [f.member_id for f in flags] == [branch["pensioner"]]
    flag = flags[0]
    assert flag.months == (date(2026, 8, 1), date(2026, 9, 1), date(2026, 10, 1))
    assert flag.threshold == 3
    assert "Điều lệ Đảng 2011, điều 8 khoản 2" in flag.source
    # November is not over on 23/11: it does not count yet.
    assert unpaid_flags(db, 2026, today=date(2026, 10, 31)) == []
    later = unpaid_flags(db, 2026, today=date(2026, 12, 2))
    assert {f.member_id for f in later} == {branch["pensioner"]}
    # Limited to a subtree.
    assert unpaid_flags(db, 2026, branch["org"], TODAY) == flags
    assert unpaid_flags(db, 2025, today=TODAY)[0].months[0] == date(2025, 1, 1)


def test_unpaid_flags_skip_members_who_left(db, branch):
    _pay(db, branch, "salaried", list(range(1, 8)))
    from partydesk.db.models import MemberEvent
    from partydesk.services.members import refresh_state

    with db.session("test.leave") as session:
        session.add(
            MemberEvent(member_id=branch["salaried"], kind="died", on_date=date(2026, 8, 10))
        )
        session.flush()
        member = session.get(Member, branch["salaried"])
        assert member is not None
        refresh_state(session, member)
    assert branch["salaried"] not in {f.member_id for f in unpaid_flags(db, 2026, today=TODAY)}


def test_due_items_list_members_three_months_behind(db, branch):
    _pay(db, branch, "salaried", list(range(1, 11)))
    _pay(db, branch, "pensioner", [1, 2, 3, 4, 5, 6])
    _pay(db, branch, "student", list(range(3, 11)))
    with db.reader() as session:
        items = collect(due_context(session, TODAY), [dues.due_items])
    assert len(items) == 1
    item = items[0]
    assert (item.member_id, item.group, item.action) == (branch["pensioner"], "dues", "dues")
    assert item.due == date(2026, 9, 30)  # the third unpaid month ended
    assert item.overdue
    assert item.organization_name == "Chi bộ Giáo viên"
    assert "4 tháng" in item.what


def test_demo_dues_are_deterministic_and_flag_a_few(tmp_path):
    from partydesk.services.database import open_database
    from partydesk.services.demo import build_demo_office

    summaries = []
    for run in (1, 2):
        database = open_database(tmp_path / f"demo{run}.sqlite3", actor="test")
        try:
            build_demo_office(database, members=150, seed=4, today=TODAY, lifecycle=False)
            summaries.append(dues.demo_dues(database, TODAY, seed=4))
            flags = unpaid_flags(database, 2026, today=TODAY)
            with database.reader() as session:
                amounts = session.execute(
                    select(DuesPayment.member_id, DuesPayment.month, DuesPayment.amount).order_by(
                        DuesPayment.member_id, DuesPayment.month
                    )
                ).all()
        finally:
            database.close()
        if run == 1:
            first = (flags, amounts)
    assert summaries[0] == summaries[1]
    assert first == (flags, amounts)
    assert summaries[0].payments > 1_000
    assert 1 <= len(flags) <= summaries[0].behind
    assert all(len(f.months) >= 3 for f in flags)
