"""Member services on a real SQLite file: creation, events, audit, refusals, moves."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from partydesk.codes import EventKind, MemberStatus
from partydesk.db.models import AuditEntry, Member, MemberEvent, Membership
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import make_cccd
from partydesk.services.member_input import HistoryItem, MemberInput
from partydesk.services.member_queries import member_detail
from partydesk.services.members import create_member, get_member_input, move_member, update_member
from tests.conftest import TODAY
from tests.helpers import snapshot


def _member(org_id: int, **changes: object) -> MemberInput:
    base = MemberInput(
        full_name="Nguyễn Thị Đào",
        sex="Nữ",
        birth_date=date(1990, 5, 17),
        organization_id=org_id,
        cccd=make_cccd("068", "nữ", 1990, 123),
        decision_date=date(2015, 3, 2),
        decision_no="12-QĐ/HU",
        ceremony_date=date(2015, 3, 20),
        official_date=date(2016, 3, 20),
        card_no="12345678",
        biography_no="000123-LĐ",
        ethnicity_code="01",
        religion_code="00",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_create_official_member_derives_status_events_and_audit(db, org_ids):
    row = create_member(db, _member(org_ids["DR.01.01"]), today=TODAY)
    assert row.status == MemberStatus.OFFICIAL
    assert row.decision_date == date(2015, 3, 2)
    assert row.official_date == date(2016, 3, 20)
    with db.reader() as session:
        member = session.get(Member, row.id)
        assert member.name_fold == "nguyen thi dao"
        assert member.sex == "nữ"
        kinds = session.scalars(
            select(MemberEvent.kind)
            .where(MemberEvent.member_id == row.id)
            .order_by(MemberEvent.on_date)
        ).all()
        assert kinds == ["admission_decision", "ceremony", "recognition"]
        periods = session.execute(
            select(Membership.organization_id, Membership.valid_from, Membership.valid_to).where(
                Membership.member_id == row.id
            )
        ).all()
        assert periods == [(org_ids["DR.01.01"], date(2015, 3, 20), None)]
        audit = session.scalars(select(AuditEntry).where(AuditEntry.record_uuid == row.uuid)).all()
        assert len(audit) >= 1
        assert audit[0].action == "create_member"
        assert audit[0].actor == "test"
        assert audit[0].before_json is None
        assert json.loads(audit[0].after_json)["full_name"] == "Nguyễn Thị Đào"


def test_candidate_without_decision(db, org_ids):
    row = create_member(
        db,
        _member(
            org_ids["DR.02"],
            decision_date=None,
            ceremony_date=None,
            official_date=None,
            card_no=None,
            registered_on=date(2026, 1, 5),
        ),
        today=TODAY,
    )
    assert row.status == MemberStatus.CANDIDATE


def test_probationary_member(db, org_ids):
    row = create_member(
        db,
        _member(
            org_ids["DR.02"],
            decision_date=date(2026, 3, 1),
            ceremony_date=date(2026, 3, 20),
            official_date=None,
        ),
        today=TODAY,
    )
    assert row.status == MemberStatus.PROBATIONARY
    assert row.ceremony_date == date(2026, 3, 20)


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"birth_date": date(2027, 1, 1)}, "field.future_date", "Ngày sinh"),
        ({"ceremony_date": date(2015, 2, 1)}, "date.order", None),
        ({"official_date": date(2016, 4, 1)}, "date.official_not_12_months", "Ngày chính thức"),
        ({"cccd": make_cccd("068", "nam", 1990, 123)}, "field.invalid", "Số CCCD"),
        ({"cccd": make_cccd("068", "nữ", 1991, 123)}, "field.invalid", "Số CCCD"),
        ({"cccd": "06830012345"}, "field.invalid", "Số CCCD"),
        ({"ethnicity_code": "77"}, "field.unknown_code", "Dân tộc"),
        ({"religion_code": "zz"}, "field.unknown_code", "Tôn giáo"),
        ({"sex": "khác"}, "field.invalid", "Giới tính"),
        ({"full_name": "   "}, "field.required", "Họ và tên"),
    ],
)
def test_refused_values_name_the_field_and_change_nothing(
    db, db_path, org_ids, changes, code, field
):
    before = snapshot(db_path)
    with pytest.raises(ValidationError) as caught:
        create_member(db, _member(org_ids["DR.01.01"], **changes), today=TODAY)
    assert caught.value.code == code
    if field:
        assert caught.value.field == field
        assert field in caught.value.message("vi")
    assert snapshot(db_path) == before


def test_member_cannot_sit_in_a_grassroots_committee(db, org_ids):
    with pytest.raises(ValidationError, match="chi bộ"):
        create_member(db, _member(org_ids["DR.01"]), today=TODAY)


def test_duplicate_cccd_refused(db, db_path, org_ids):
    create_member(db, _member(org_ids["DR.01.01"]), today=TODAY)
    before = snapshot(db_path)
    with pytest.raises(ValidationError) as caught:
        create_member(
            db, _member(org_ids["DR.01.02"], card_no=None, biography_no=None), today=TODAY
        )
    assert caught.value.code == "field.duplicate"
    assert "Nguyễn Thị Đào" in caught.value.message()
    assert snapshot(db_path) == before


def test_move_keeps_history_and_refuses_overlap(db, db_path, org_ids):
    row = create_member(db, _member(org_ids["DR.01.01"]), today=TODAY)
    move_member(db, row.id, org_ids["DR.01.02"], date(2020, 1, 1))
    detail = member_detail(db, row.id)
    assert [(m.organization_id, m.valid_from, m.valid_to) for m in detail.memberships] == [
        (org_ids["DR.01.01"], date(2015, 3, 20), date(2020, 1, 1)),
        (org_ids["DR.01.02"], date(2020, 1, 1), None),
    ]
    assert detail.values["organization_id"] == org_ids["DR.01.02"]
    before = snapshot(db_path)
    with pytest.raises(PartydeskError) as caught:
        move_member(db, row.id, org_ids["DR.02"], date(2019, 6, 1))
    assert caught.value.code == "member.two_organizations"
    assert snapshot(db_path) == before


def test_history_items_end_membership_and_status(db, org_ids):
    row = create_member(
        db,
        _member(
            org_ids["DR.01.01"],
            history=(
                HistoryItem(
                    EventKind.INTERNAL_MOVE.value,
                    date(2018, 1, 1),
                    organization_id=org_ids["DR.02"],
                ),
                HistoryItem(EventKind.DIED.value, date(2024, 5, 1)),
            ),
        ),
        today=TODAY,
    )
    assert row.status == MemberStatus.DECEASED
    detail = member_detail(db, row.id)
    assert detail.memberships[-1].valid_to == date(2024, 5, 1)
    assert detail.memberships[-1].organization_id == org_ids["DR.02"]
    assert [e.kind for e in detail.events][-1] == "died"


def test_update_records_before_and_after_values(db, org_ids):
    row = create_member(db, _member(org_ids["DR.01.01"]), today=TODAY)
    data = get_member_input(db, row.id)
    update_member(
        db, row.id, replace(data, full_name="Nguyễn Thị Bích Đào", hometown="Đà Lạt"), today=TODAY
    )
    with db.reader() as session:
        member = session.get(Member, row.id)
        assert member.name_fold == "nguyen thi bich dao"
        assert member.version == 2
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "update_member")
        ).one()
        assert json.loads(entry.before_json) == {"full_name": "Nguyễn Thị Đào", "hometown": ""}
        assert json.loads(entry.after_json) == {
            "full_name": "Nguyễn Thị Bích Đào",
            "hometown": "Đà Lạt",
        }


def test_decomposed_input_is_stored_nfc(db, org_ids):
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Trần Văn Hưởng")
    row = create_member(
        db,
        _member(
            org_ids["DR.02"],
            full_name=decomposed,
            cccd=None,
            card_no=None,
            biography_no=None,
            sex="nam",
        ),
        today=TODAY,
    )
    assert row.full_name == "Trần Văn Hưởng"
    assert unicodedata.is_normalized("NFC", row.full_name)
