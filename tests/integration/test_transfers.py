"""Transfers of party activity on a real SQLite file: out, in, internal, temporary, refusals."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from partydesk.codes import EventKind, MemberStatus, TransferStatus
from partydesk.db.models import (
    AuditEntry,
    DuesPayment,
    IssuedDocument,
    Member,
    MemberEvent,
    Membership,
    Organization,
)
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import make_cccd, party_age
from partydesk.services.database import open_database
from partydesk.services.document_register import list_documents
from partydesk.services.due import due_context
from partydesk.services.integrity import check_database
from partydesk.services.member_input import MemberInput
from partydesk.services.members import create_member
from partydesk.services.organizations import dissolve_organization
from partydesk.services.transfer_demo import demo_transfers
from partydesk.services.transfer_moves import (
    TemporaryInput,
    internal_move,
    temporary_out,
    temporary_return,
)
from partydesk.services.transfer_queries import (
    due_items,
    hosted_members,
    resolve_member,
    transfer_detail,
    transfer_out_preview,
    transfer_register,
)
from partydesk.services.transfers import (
    TransferInInput,
    TransferOutInput,
    cancel_transfer,
    mark_received,
    transfer_in,
    transfer_out,
)
from tests.conftest import TODAY

_TABLES = (
    "member",
    "member_event",
    "membership",
    "transfer",
    "issued_document",
    "audit_log",
)


def _snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in _TABLES}
    finally:
        con.close()


def _person(org_id: int, serial: int = 123, **changes: object) -> MemberInput:
    base = MemberInput(
        full_name="Nguyễn Thị Đào",
        sex="Nữ",
        birth_date=date(1990, 5, 17),
        organization_id=org_id,
        cccd=make_cccd("068", "nữ", 1990, serial),
        decision_date=date(2015, 3, 2),
        decision_no="12-QĐ/HU",
        ceremony_date=date(2015, 3, 20),
        official_date=date(2016, 3, 20),
        card_no=f"{12345000 + serial:08d}",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture
def member_id(db, org_ids) -> int:
    return create_member(db, _person(org_ids["DR.01.01"]), today=TODAY).id


def _out(member: int, on: date = date(2026, 10, 1), **changes: object) -> TransferOutInput:
    base = TransferOutInput(
        member_id=member,
        letter_date=on,
        to_text="Đảng ủy phường Xuân Hương",
        receiving_superior="Đảng bộ tỉnh Lâm Đồng",
        receiving_grassroots="Đảng bộ Cơ quan UBND phường Xuân Hương",
        receiving_branch="Chi bộ Văn phòng",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_transfer_out_in_transit_overdue_then_received(db, member_id, org_ids):
    letter = date(2026, 10, 1)
    detail = transfer_out(db, _out(member_id, letter), today=TODAY)
    row = detail.row
    assert row.status == TransferStatus.IN_TRANSIT
    assert row.letter_no == "1-GT/ĐU"
    assert row.present_by == letter + timedelta(days=30)
    assert row.from_name == "Chi bộ Giáo viên"
    assert [h.name for h in detail.hops] == [
        "Chi bộ Giáo viên",
        "Đảng bộ Trường THPT Đam Rông",
        "Đảng ủy xã Đam Rông",
        "Đảng bộ tỉnh Lâm Đồng",
        "Đảng bộ Cơ quan UBND phường Xuân Hương",
        "Chi bộ Văn phòng",
    ]
    assert [h.side for h in detail.hops][2:4] == ["sending", "receiving"]
    with db.reader() as session:
        member = session.get(Member, member_id)
        assert member.status == MemberStatus.TRANSFERRED_OUT
        assert member.left_on == letter
        periods = session.execute(
            select(Membership.valid_to).where(Membership.member_id == member_id)
        ).all()
        assert periods == [(letter,)]
        event = session.scalars(
            select(MemberEvent).where(MemberEvent.kind == EventKind.TRANSFER_OUT.value)
        ).one()
        assert event.decision_no == "1-GT/ĐU"
        assert event.counterpart == "Đảng ủy phường Xuân Hương"
    with db.reader() as session:
        audited = set(
            session.scalars(
                select(AuditEntry.table_name).where(AuditEntry.action == "transfers.out")
            )
        )
    assert {"transfer", "issued_document", "member_event", "membership", "member"} <= audited
    docs = list_documents(db, 2026, doc_type="GT")
    assert [(d.number_text, d.member_id) for d in docs] == [("1-GT/ĐU", member_id)]

    # 30 calendar days after the letter it is still on time; the day after, overdue.
    on_time = letter + timedelta(days=30)
    assert not transfer_register(db, today=on_time)[0].overdue
    assert transfer_register(db, overdue_only=True, today=on_time) == []
    late = transfer_register(db, overdue_only=True, today=on_time + timedelta(days=1))
    assert [r.id for r in late] == [row.id]
    assert late[0].overdue
    assert transfer_register(db, year=2025, today=TODAY) == []
    with db.reader() as session:
        items = due_items(due_context(session, TODAY))
    assert len(items) == 1
    assert items[0].action == "transfer_received"
    assert items[0].overdue
    assert items[0].transfer_id == row.id
    assert items[0].group == "transfer"
    assert "1-GT/ĐU" in items[0].what

    received = mark_received(db, row.id, date(2026, 11, 10), today=TODAY)
    assert received.status == TransferStatus.RECEIVED
    assert not received.overdue
    assert received.received_on == date(2026, 11, 10)
    assert transfer_register(db, overdue_only=True, today=TODAY) == []
    with db.reader() as session:
        assert due_items(due_context(session, TODAY)) == []
    with pytest.raises(PartydeskError) as again:
        mark_received(db, row.id, date(2026, 11, 11), today=TODAY)
    assert again.value.code == "transfer.not_in_transit"


def test_dues_default_to_latest_paid_month(db, member_id):
    with db.session("test.dues") as session:
        for month in (8, 9, 10):
            session.add(DuesPayment(member_id=member_id, month=date(2026, month, 1), amount=50_000))
    assert transfer_out_preview(db, member_id).dues_paid_through == "2026-10"
    detail = transfer_out(db, _out(member_id, date(2026, 11, 2)), today=TODAY)
    assert detail.dues_paid_through == "2026-10"


def test_preview_shows_hops_before_saving(db, member_id, db_path):
    before = _snapshot(db_path)
    preview = transfer_out_preview(db, member_id, to_text="Đảng ủy xã Đức Trọng")
    assert preview.branch_name == "Chi bộ Giáo viên"
    assert [h.name for h in preview.hops][-1] == "Đảng ủy xã Đức Trọng"
    assert preview.dues_paid_through == ""
    assert _snapshot(db_path) == before


def test_cancel_restores_the_member_and_voids_the_letter(db, member_id, org_ids, db_path):
    row = transfer_out(db, _out(member_id), today=TODAY).row
    before = _snapshot(db_path)
    with pytest.raises(ValidationError):
        cancel_transfer(db, row.id, "  ", today=TODAY)
    assert _snapshot(db_path) == before
    cancelled = cancel_transfer(db, row.id, "Đảng viên không chuyển công tác nữa", today=TODAY)
    assert cancelled.status == TransferStatus.CANCELLED
    with db.reader() as session:
        member = session.get(Member, member_id)
        assert member.status == MemberStatus.OFFICIAL
        assert member.organization_id == org_ids["DR.01.01"]
        assert member.left_on is None
        assert session.execute(
            select(Membership.valid_to).where(Membership.member_id == member_id)
        ).all() == [(None,)]
        event = session.scalars(
            select(MemberEvent).where(MemberEvent.kind == EventKind.TRANSFER_OUT.value)
        ).one()
        assert event.deleted_at is not None
        doc = session.scalars(select(IssuedDocument)).one()
        assert doc.void_reason == "Đảng viên không chuyển công tác nữa"
    # The voided number stays used: the next letter takes 2.
    assert transfer_out(db, _out(member_id, date(2026, 11, 3)), today=TODAY).row.letter_no == (
        "2-GT/ĐU"
    )


def test_member_transferred_out_and_back_keeps_record_and_party_age(db, member_id, org_ids):
    on = date(2026, 11, 20)
    before_age = party_age(date(2015, 3, 2), on)
    transfer_out(db, _out(member_id, date(2024, 6, 1)), today=TODAY)
    back = transfer_in(
        db,
        TransferInInput(
            letter_no="88-GT/ĐU",
            letter_date=date(2026, 9, 1),
            from_text="Đảng ủy phường Xuân Hương",
            arrived_on=date(2026, 9, 10),
            person=_person(org_ids["DR.01.02"]),
        ),
        today=TODAY,
    )
    assert back.row.member_id == member_id  # the same record, reactivated
    assert back.row.direction == "in"
    assert back.row.status == TransferStatus.RECEIVED
    assert back.row.to_name == "Chi bộ Hành chính"
    with db.reader() as session:
        assert session.scalar(select(func.count()).select_from(Member)) == 1
        member = session.get(Member, member_id)
        assert member.status == MemberStatus.OFFICIAL
        decided = member.decision_date
        assert decided == date(2015, 3, 2)
        assert member.organization_id == org_ids["DR.01.02"]
        kinds = session.scalars(
            select(MemberEvent.kind)
            .where(MemberEvent.member_id == member_id)
            .order_by(MemberEvent.on_date, MemberEvent.id)
        ).all()
        assert kinds[-2:] == ["transfer_out", "transfer_in"]
        periods = session.execute(
            select(Membership.organization_id, Membership.valid_from, Membership.valid_to)
            .where(Membership.member_id == member_id)
            .order_by(Membership.valid_from)
        ).all()
    assert periods[-1] == (org_ids["DR.01.02"], date(2026, 9, 10), None)
    assert periods[0][2] == date(2024, 6, 1)
    assert party_age(decided, on) == before_age == (11, 8)


def test_returning_member_with_other_decision_date_is_refused(db, member_id, org_ids, db_path):
    transfer_out(db, _out(member_id, date(2024, 6, 1)), today=TODAY)
    before = _snapshot(db_path)
    with pytest.raises(PartydeskError) as refused:
        transfer_in(
            db,
            TransferInInput(
                letter_no="88-GT/ĐU",
                letter_date=date(2026, 9, 1),
                from_text="Đảng ủy phường Xuân Hương",
                person=_person(org_ids["DR.01.02"], decision_date=date(2015, 3, 3)),
            ),
            today=TODAY,
        )
    assert refused.value.code == "transfer.returning_mismatch"
    assert _snapshot(db_path) == before


def test_transfer_in_creates_a_member_with_party_age_from_the_decision(db, org_ids):
    detail = transfer_in(
        db,
        TransferInInput(
            letter_no="41-GT/ĐU",
            letter_date=date(2026, 10, 20),
            from_text="Đảng ủy xã Đức Trọng",
            arrived_on=date(2026, 10, 28),
            person=_person(
                org_ids["DR.02"],
                serial=777,
                full_name="Trần Văn Bình",
                sex="Nam",
                cccd=make_cccd("068", "nam", 1990, 777),
            ),
        ),
        today=TODAY,
    )
    assert detail.row.letter_no == "41-GT/ĐU"
    assert detail.row.from_name == "Đảng ủy xã Đức Trọng"
    assert detail.hops[0].name == "Đảng ủy xã Đức Trọng"
    assert detail.hops[-1].name == "Chi bộ thôn 1"
    with db.reader() as session:
        member = session.get(Member, detail.row.member_id)
        assert member.status == MemberStatus.OFFICIAL
        decided = member.decision_date
        assert decided == date(2015, 3, 2)
        assert member.organization_id == org_ids["DR.02"]
        assert session.execute(
            select(Membership.valid_from).where(Membership.member_id == member.id)
        ).all() == [(date(2026, 10, 28),)]
    assert party_age(decided, TODAY) == (11, 8)
    assert list_documents(db, 2026) == []  # the sending office numbered that letter


def test_transfer_in_refusals_write_nothing(db, org_ids, db_path):
    create_member(db, _person(org_ids["DR.01.01"], serial=9), today=TODAY)  # an active member
    before = _snapshot(db_path)
    base = TransferInInput(
        letter_no="41-GT/ĐU",
        letter_date=date(2026, 10, 20),
        from_text="Đảng ủy xã Đức Trọng",
        person=_person(org_ids["DR.02"]),
    )
    cases = [
        (replace(base, letter_no=" "), "field.required"),
        (replace(base, from_text=""), "field.required"),
        (replace(base, arrived_on=date(2026, 10, 1)), "date.order"),
        (replace(base, letter_date=date(2026, 12, 1)), "field.future_date"),
        (replace(base, kind="tam_thoi"), "transfer.wrong_kind"),
        (replace(base, person=_person(org_ids["DR.01"])), "field.invalid"),  # not a chi bộ
        (
            replace(
                base,
                person=_person(
                    org_ids["DR.02"], decision_date=None, ceremony_date=None, official_date=None
                ),
            ),
            "transfer.not_member",
        ),
        (replace(base, dues_paid_through="10/2026"), "field.invalid"),
        (replace(base, person=_person(org_ids["DR.02"], serial=9)), "field.duplicate"),
    ]
    for data, code in cases:
        with pytest.raises(PartydeskError) as refused:
            transfer_in(db, data, today=TODAY)
        assert refused.value.code == code, data
    assert _snapshot(db_path) == before


def test_internal_move_changes_branch_with_a_record(db, member_id, org_ids, db_path):
    row = internal_move(db, member_id, org_ids["DR.02"], date(2026, 11, 1), today=TODAY)
    assert row.kind == "noi_bo"
    assert row.direction == "internal"
    assert (row.from_name, row.to_name) == ("Chi bộ Giáo viên", "Chi bộ thôn 1")
    detail = transfer_detail(db, row.id, today=TODAY)
    assert [h.name for h in detail.hops] == [
        "Chi bộ Giáo viên",
        "Đảng bộ Trường THPT Đam Rông",
        "Đảng ủy xã Đam Rông",
        "Chi bộ thôn 1",
    ]
    with db.reader() as session:
        member = session.get(Member, member_id)
        assert member.organization_id == org_ids["DR.02"]
        assert member.status == MemberStatus.OFFICIAL
        assert (
            session.scalar(
                select(func.count())
                .select_from(MemberEvent)
                .where(MemberEvent.kind == EventKind.INTERNAL_MOVE.value)
            )
            == 1
        )
    before = _snapshot(db_path)
    with pytest.raises(PartydeskError) as same:
        internal_move(db, member_id, org_ids["DR.02"], date(2026, 11, 5), today=TODAY)
    assert same.value.code == "transfer.same_branch"
    with pytest.raises(ValidationError) as not_branch:
        internal_move(db, member_id, org_ids["DR.01"], date(2026, 11, 5), today=TODAY)
    assert not_branch.value.code == "field.invalid"
    assert _snapshot(db_path) == before
    dissolve_organization(db, org_ids["DR.01.02"], date(2026, 11, 2), "9-QĐ/ĐU")
    before = _snapshot(db_path)
    with pytest.raises(PartydeskError) as dissolved:
        internal_move(db, member_id, org_ids["DR.01.02"], date(2026, 11, 5), today=TODAY)
    assert dissolved.value.code == "organization.dissolved"
    assert _snapshot(db_path) == before


def test_temporary_transfer_keeps_member_at_home_and_lists_at_host(db, member_id, org_ids):
    start = date(2026, 9, 1)
    detail = temporary_out(
        db,
        TemporaryInput(
            member_id=member_id,
            start=start,
            ends_on=date(2026, 12, 31),
            reason="work",
            to_organization_id=org_ids["DR.02"],
        ),
        today=TODAY,
    )
    assert detail.row.kind == "tam_thoi"
    assert detail.row.status == TransferStatus.IN_TRANSIT
    assert detail.row.letter_no == ""  # a host branch of this office: no outside letter
    with db.reader() as session:
        member = session.get(Member, member_id)
        assert member.status == MemberStatus.OFFICIAL  # still counted at home
        assert member.organization_id == org_ids["DR.01.01"]
    hosted = hosted_members(db, org_ids["DR.02"])
    assert [(h.member_id, h.home_name, h.ends_on) for h in hosted] == [
        (member_id, "Chi bộ Giáo viên", date(2026, 12, 31))
    ]
    assert hosted_members(db, org_ids["DR.01.01"]) == []
    with db.reader() as session:
        items = due_items(due_context(session, TODAY))
    assert [(i.action, i.due) for i in items] == [("temporary_return", date(2026, 12, 31))]
    with pytest.raises(PartydeskError) as busy:
        transfer_out(db, _out(member_id, date(2026, 11, 2)), today=TODAY)
    assert busy.value.code == "transfer.temporary_open"
    back = temporary_return(db, member_id, date(2026, 11, 20), today=TODAY)
    assert back.status == TransferStatus.RETURNED
    assert back.returned_on == date(2026, 11, 20)
    assert hosted_members(db, org_ids["DR.02"]) == []
    with pytest.raises(PartydeskError) as none_open:
        temporary_return(db, member_id, date(2026, 11, 21), today=TODAY)
    assert none_open.value.code == "transfer.no_temporary"


def test_temporary_stay_limits_come_from_the_rule_table(db, member_id, db_path):
    before = _snapshot(db_path)
    start = date(2026, 9, 1)
    base = TemporaryInput(
        member_id=member_id,
        start=start,
        ends_on=date(2026, 11, 30),
        reason="work",
        to_text="Chi bộ Công ty Điện lực Lâm Đồng",
    )
    with pytest.raises(PartydeskError) as short:
        temporary_out(db, base, today=TODAY)
    assert short.value.code == "transfer.temporary_too_short"
    assert "232-QĐ/TW" in short.value.message()  # the rule's source is named
    with pytest.raises(PartydeskError) as long_work:
        temporary_out(db, replace(base, ends_on=date(2027, 9, 2)), today=TODAY)
    assert long_work.value.code == "transfer.temporary_too_long"
    assert "12 tháng" in long_work.value.message()
    with pytest.raises(ValidationError):
        temporary_out(db, replace(base, ends_on=date(2027, 9, 2), reason="holiday"), today=TODAY)
    assert _snapshot(db_path) == before
    # Study allows up to 24 months, and an outside host gets a numbered letter.
    study = temporary_out(db, replace(base, ends_on=date(2028, 9, 1), reason="study"), today=TODAY)
    assert study.row.letter_no == "1-GT/ĐU"
    assert study.row.to_name == "Chi bộ Công ty Điện lực Lâm Đồng"
    assert not study.row.overdue


def test_refusals_name_the_rule_and_leave_the_database_unchanged(db, member_id, org_ids, db_path):
    with db.session("test.review") as session:
        session.add(
            MemberEvent(
                member_id=member_id,
                kind=EventKind.DISCIPLINE_REVIEW.value,
                on_date=date(2026, 9, 1),
            )
        )
    candidate = create_member(
        db,
        _person(
            org_ids["DR.01.01"],
            serial=555,
            decision_date=None,
            ceremony_date=None,
            official_date=None,
            registered_on=date(2026, 1, 5),
            card_no=None,
        ),
        today=TODAY,
    ).id
    other = create_member(db, _person(org_ids["DR.02"], serial=556), today=TODAY).id
    before = _snapshot(db_path)
    with pytest.raises(PartydeskError) as review:
        transfer_out(db, _out(member_id), today=TODAY)
    assert review.value.code == "transfer.discipline_review"
    assert "Điều lệ Đảng" in review.value.message()
    with pytest.raises(PartydeskError) as review_move:
        internal_move(db, member_id, org_ids["DR.02"], date(2026, 11, 1), today=TODAY)
    assert review_move.value.code == "transfer.discipline_review"
    with pytest.raises(PartydeskError) as not_member:
        transfer_out(db, _out(candidate), today=TODAY)
    assert not_member.value.code == "transfer.not_member"
    assert "Điều lệ Đảng" in not_member.value.message("en")
    with pytest.raises(PartydeskError) as kind:
        transfer_out(db, _out(member_id, kind="noi_bo"), today=TODAY)
    assert kind.value.code == "transfer.wrong_kind"
    assert _snapshot(db_path) == before

    with db.session("test.review") as session:
        session.add(
            MemberEvent(
                member_id=member_id,
                kind=EventKind.DISCIPLINE_REVIEW_CLOSED.value,
                on_date=date(2026, 9, 20),
            )
        )
    before = _snapshot(db_path)
    with pytest.raises(PartydeskError) as early:
        transfer_out(db, _out(member_id, date(2026, 9, 10)), today=TODAY)
    assert early.value.code == "transfer.before_last_event"  # before the review closed
    assert _snapshot(db_path) == before
    row = transfer_out(db, _out(member_id), today=TODAY).row  # review closed: allowed
    before = _snapshot(db_path)
    with pytest.raises(PartydeskError) as gone:
        transfer_out(db, _out(member_id, date(2026, 11, 1)), today=TODAY)
    assert gone.value.code == "transfer.member_gone"
    with pytest.raises(PartydeskError) as gone_move:
        internal_move(db, member_id, org_ids["DR.02"], date(2026, 11, 1), today=TODAY)
    assert gone_move.value.code == "transfer.member_gone"
    with pytest.raises(ValidationError):
        transfer_out(db, _out(member_id, to_text=" "), today=TODAY)
    with pytest.raises(ValidationError):
        mark_received(db, row.id, date(2026, 9, 1), today=TODAY)
    with pytest.raises(ValidationError) as dues:
        transfer_out(db, _out(other, dues_paid_through="2026-13"), today=TODAY)
    assert dues.value.code == "field.invalid"
    assert _snapshot(db_path) == before


def test_resolve_member_by_cccd_card_or_id(db, member_id):
    assert resolve_member(db, make_cccd("068", "nữ", 1990, 123)) == member_id
    assert resolve_member(db, "12345123") == member_id
    assert resolve_member(db, str(member_id)) == member_id
    with pytest.raises(PartydeskError):
        resolve_member(db, "999999")


def test_demo_transfers_are_deterministic(tmp_path):
    from partydesk.services.demo import build_demo_office

    results = []
    for name in ("a", "b"):
        demo = open_database(tmp_path / f"{name}.sqlite3", actor="test")
        try:
            build_demo_office(demo, members=150, seed=4, today=TODAY, lifecycle=False)
            made = demo_transfers(demo, TODAY, seed=3)
            register = transfer_register(demo, today=TODAY)
            overdue = transfer_register(demo, overdue_only=True, today=TODAY)
            with demo.reader() as session:
                incoming = session.get(
                    Member, transfer_detail(demo, made.transfer_in).row.member_id
                )
                assert incoming.status == MemberStatus.OFFICIAL
                assert session.get(Organization, incoming.organization_id) is not None
            assert check_database(demo) == []  # cached status and memberships agree
            results.append([(r.kind, r.direction, r.status, r.member_id) for r in register])
        finally:
            demo.close()
        assert len(made.out) == 3
        assert len(made.internal) == 2
        assert [r.id for r in overdue] == [made.overdue]
        assert len(register) == 7
    assert results[0] == results[1]
