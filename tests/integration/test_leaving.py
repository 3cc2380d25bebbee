"""Leaving, discipline, exemption, re-admission and party age with gaps (domain.md §3.2–3.6)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from partydesk.codes import EventKind, MemberStatus
from partydesk.db.engine import Database
from partydesk.db.models import Member, MemberEvent, Membership
from partydesk.errors import PartydeskError
from partydesk.services import leaving
from partydesk.services.due import due_context
from partydesk.services.leaving import LeaveInput, SanctionInput
from partydesk.services.member_input import HistoryItem, MemberInput
from partydesk.services.members import create_member, refresh_state
from partydesk.services.party_age import party_age_of
from tests.conftest import TODAY
from tests.helpers import snapshot


def make_member(
    db: Database,
    org_id: int,
    name: str = "Nguyễn Văn An",
    *,
    decision: date | None = date(2000, 3, 10),
    official: bool = True,
    history: tuple[HistoryItem, ...] = (),
    birth: date = date(1970, 5, 1),
) -> int:
    """An official (or probationary) member admitted on `decision`."""
    ceremony = date(decision.year, decision.month, 25) if decision else None
    row = create_member(
        db,
        MemberInput(
            full_name=name,
            sex="nam",
            birth_date=birth,
            organization_id=org_id,
            decision_date=decision,
            decision_no="12-QĐ/HU" if decision else "",
            ceremony_date=ceremony,
            official_date=(
                date(ceremony.year + 1, ceremony.month, ceremony.day)
                if ceremony and official
                else None
            ),
            history=history,
        ),
        today=TODAY,
    )
    return row.id


@pytest.fixture
def branch(org_ids: dict[str, int]) -> int:
    return org_ids["DR.01.01"]


def _events(db: Database, member_id: int) -> list[tuple[str, date]]:
    with db.reader() as session:
        return [
            (kind, on)
            for kind, on in session.execute(
                select(MemberEvent.kind, MemberEvent.on_date)
                .where(MemberEvent.member_id == member_id)
                .order_by(MemberEvent.on_date, MemberEvent.id)
            )
        ]


def _member(db: Database, member_id: int) -> Member:
    with db.reader() as session:
        member = session.get(Member, member_id)
        assert member is not None
        session.expunge(member)
        return member


def _open_memberships(db: Database, member_id: int) -> list[Membership]:
    with db.reader() as session:
        return list(
            session.scalars(
                select(Membership).where(
                    Membership.member_id == member_id, Membership.valid_to.is_(None)
                )
            )
        )


# --- leaving -----------------------------------------------------------------------------


def test_expulsion_records_discipline_and_closes_membership(db: Database, branch: int) -> None:
    member_id = make_member(db, branch)
    result = leaving.record_leaving(
        db,
        member_id,
        LeaveInput("khai_tru", date(2026, 5, 4), decision_no="45-QĐ/ĐU", decided_by="BTV Đảng ủy"),
        today=TODAY,
    )
    assert result.status == MemberStatus.LEFT
    kinds = [kind for kind, _ in _events(db, member_id)]
    assert kinds[-2:] == [EventKind.DISCIPLINE, EventKind.EXPELLED]
    member = _member(db, member_id)
    assert member.left_on == date(2026, 5, 4)
    assert member.status == MemberStatus.LEFT
    assert _open_memberships(db, member_id) == []
    with db.reader() as session:
        discipline = session.scalars(
            select(MemberEvent).where(
                MemberEvent.member_id == member_id, MemberEvent.kind == EventKind.DISCIPLINE.value
            )
        ).one()
        assert json.loads(discipline.details_json)["sanction"] == "khai_tru"
        assert discipline.decision_no == "45-QĐ/ĐU"
        assert discipline.decided_by == "BTV Đảng ủy"


@pytest.mark.parametrize(
    ("kind", "ground", "event", "status"),
    [
        ("xoa_ten", "khong_dong_dang_phi", EventKind.STRUCK_OFF, MemberStatus.LEFT),
        ("xin_ra", None, EventKind.ASKED_TO_LEAVE, MemberStatus.LEFT),
        ("tu_tran", None, EventKind.DIED, MemberStatus.DECEASED),
    ],
)
def test_each_kind_of_leaving(
    db: Database, branch: int, kind: str, ground: str | None, event: EventKind, status: MemberStatus
) -> None:
    member_id = make_member(db, branch)
    leaving.record_leaving(
        db, member_id, LeaveInput(kind, date(2026, 6, 1), ground=ground), today=TODAY
    )
    assert _events(db, member_id)[-1] == (event.value, date(2026, 6, 1))
    member = _member(db, member_id)
    assert member.status == status
    assert _open_memberships(db, member_id) == []


def test_a_candidate_can_die_but_not_be_struck_off(db: Database, branch: int) -> None:
    candidate = make_member(db, branch, "Trần Thị Bình", decision=None)
    with pytest.raises(PartydeskError) as err:
        leaving.record_leaving(
            db, candidate, LeaveInput("xoa_ten", TODAY, ground="bo_sinh_hoat"), today=TODAY
        )
    assert err.value.code == "leaving.bad_status"
    assert "Điều lệ Đảng" in err.value.message()
    leaving.record_leaving(db, candidate, LeaveInput("tu_tran", TODAY), today=TODAY)
    assert _member(db, candidate).status == MemberStatus.DECEASED


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (LeaveInput("khai_tru", date(2026, 5, 4)), "leaving.decision_required"),
        (LeaveInput("xoa_ten", date(2026, 5, 4)), "leaving.ground_required"),
        (LeaveInput("xoa_ten", date(2026, 5, 4), ground="khong_co"), "field.unknown_code"),
        (
            LeaveInput("xoa_ten", date(1999, 5, 4), ground="bo_sinh_hoat"),
            "leaving.before_last_event",
        ),
        (LeaveInput("xin_ra", date(2027, 1, 1)), "field.future_date"),
        (LeaveInput("bo_di", date(2026, 5, 4)), "leaving.unknown_kind"),
    ],
)
def test_refused_leaving_changes_nothing(
    db: Database, db_path: Path, branch: int, data: LeaveInput, code: str
) -> None:
    member_id = make_member(db, branch)
    before = snapshot(db_path)
    with pytest.raises(PartydeskError) as err:
        leaving.record_leaving(db, member_id, data, today=TODAY)
    assert err.value.code == code
    assert snapshot(db_path) == before


def test_leaving_twice_is_refused(db: Database, db_path: Path, branch: int) -> None:
    member_id = make_member(db, branch)
    leaving.record_leaving(db, member_id, LeaveInput("xin_ra", date(2026, 1, 5)), today=TODAY)
    before = snapshot(db_path)
    for data in (LeaveInput("tu_tran", TODAY), LeaveInput("xin_ra", TODAY)):
        with pytest.raises(PartydeskError) as err:
            leaving.record_leaving(db, member_id, data, today=TODAY)
        assert err.value.code == "leaving.bad_status"
    assert snapshot(db_path) == before


def test_ground_must_apply_to_the_status(db: Database, db_path: Path, branch: int) -> None:
    probationary = make_member(db, branch, decision=date(2026, 1, 5), official=False)
    before = snapshot(db_path)
    with pytest.raises(PartydeskError) as err:
        leaving.record_leaving(
            db, probationary, LeaveInput("xoa_ten", TODAY, ground="tra_huy_the"), today=TODAY
        )
    assert err.value.code == "leaving.ground_not_applicable"
    assert "Điều lệ Đảng" in err.value.message()
    with pytest.raises(PartydeskError) as err:
        leaving.record_leaving(
            db,
            probationary,
            LeaveInput("khai_tru", TODAY, decision_no="1", decided_by="ĐU"),
            today=TODAY,
        )
    assert err.value.code == "discipline.not_applicable"
    assert snapshot(db_path) == before


# --- discipline --------------------------------------------------------------------------


def test_discipline_review_and_sanctions(db: Database, db_path: Path, branch: int) -> None:
    member_id = make_member(db, branch)
    with db.reader() as session:
        assert not leaving.under_discipline_review(session, member_id)
    leaving.open_discipline_review(db, member_id, date(2026, 3, 1), reason="Vi phạm", today=TODAY)
    with db.reader() as session:
        assert leaving.under_discipline_review(session, member_id)
    with pytest.raises(PartydeskError) as err:
        leaving.open_discipline_review(db, member_id, date(2026, 3, 2), today=TODAY)
    assert err.value.code == "discipline.review_open"
    leaving.record_sanction(
        db,
        member_id,
        SanctionInput("canh_cao", date(2026, 4, 1), decision_no="7-QĐ/ĐU", decided_by="UBKT"),
        today=TODAY,
    )
    with db.reader() as session:
        assert not leaving.under_discipline_review(session, member_id)
    kinds = [kind for kind, _ in _events(db, member_id)][-3:]
    assert kinds == [
        EventKind.DISCIPLINE_REVIEW,
        EventKind.DISCIPLINE_REVIEW_CLOSED,
        EventKind.DISCIPLINE,
    ]
    assert _member(db, member_id).status == MemberStatus.OFFICIAL
    before = snapshot(db_path)
    with pytest.raises(PartydeskError) as err:
        leaving.close_discipline_review(db, member_id, TODAY, today=TODAY)
    assert err.value.code == "discipline.no_review"
    assert snapshot(db_path) == before


def test_sanctions_offered_by_status(db: Database, branch: int) -> None:
    official = make_member(db, branch)
    probationary = make_member(
        db, branch, "Lê Văn Cường", decision=date(2026, 1, 5), official=False
    )
    assert [s.code for s in leaving.sanction_choices(db, official)] == [
        "khien_trach",
        "canh_cao",
        "cach_chuc",
        "khai_tru",
    ]
    assert [s.code for s in leaving.sanction_choices(db, probationary)] == [
        "khien_trach",
        "canh_cao",
    ]
    with pytest.raises(PartydeskError) as err:
        leaving.record_sanction(
            db, probationary, SanctionInput("cach_chuc", TODAY, decision_no="1"), today=TODAY
        )
    assert err.value.code == "discipline.not_applicable"


def test_expulsion_through_a_sanction_closes_the_review(db: Database, branch: int) -> None:
    member_id = make_member(db, branch)
    leaving.open_discipline_review(db, member_id, date(2026, 3, 1), today=TODAY)
    leaving.record_sanction(
        db,
        member_id,
        SanctionInput("khai_tru", date(2026, 4, 1), decision_no="9-QĐ/ĐU", decided_by="BTV"),
        today=TODAY,
    )
    assert _member(db, member_id).status == MemberStatus.LEFT
    with db.reader() as session:
        assert not leaving.under_discipline_review(session, member_id)


# --- exemption ---------------------------------------------------------------------------


def test_exemption_start_and_end(db: Database, db_path: Path, branch: int) -> None:
    member_id = make_member(db, branch)
    leaving.start_exemption(
        db, member_id, date(2026, 2, 1), "Tuổi cao, sức yếu", until=date(2026, 12, 31), today=TODAY
    )
    assert _member(db, member_id).status == MemberStatus.EXEMPTED
    # Exempted members still count and still hold their membership.
    assert len(_open_memberships(db, member_id)) == 1
    with db.session() as session:
        items = leaving.due_items(due_context(session, TODAY))
    assert [(i.member_id, i.due, i.action, i.group) for i in items] == [
        (member_id, date(2026, 12, 31), "exemption", "exemption")
    ]
    before = snapshot(db_path)
    with pytest.raises(PartydeskError) as err:
        leaving.start_exemption(db, member_id, TODAY, "Ốm", today=TODAY)
    assert err.value.code == "exemption.not_official"
    assert snapshot(db_path) == before
    leaving.end_exemption(db, member_id, date(2026, 11, 1), today=TODAY)
    assert _member(db, member_id).status == MemberStatus.OFFICIAL
    with pytest.raises(PartydeskError) as err:
        leaving.end_exemption(db, member_id, TODAY, today=TODAY)
    assert err.value.code == "exemption.not_exempted"


def test_exemption_only_for_official_members_with_a_reason(
    db: Database, db_path: Path, branch: int
) -> None:
    probationary = make_member(db, branch, decision=date(2026, 1, 5), official=False)
    official = make_member(db, branch, "Phạm Thị Dung")
    before = snapshot(db_path)
    with pytest.raises(PartydeskError) as err:
        leaving.start_exemption(db, probationary, TODAY, "Ốm nặng", today=TODAY)
    assert err.value.code == "exemption.not_official"
    assert "Điều lệ Đảng 2011, điều 7" in err.value.message()
    with pytest.raises(PartydeskError) as err:
        leaving.start_exemption(db, official, TODAY, "  ", today=TODAY)
    assert err.value.code == "exemption.reason_required"
    with pytest.raises(PartydeskError) as err:
        leaving.start_exemption(db, official, TODAY, "Ốm", until=TODAY, today=TODAY)
    assert err.value.code == "date.order"
    assert snapshot(db_path) == before


# --- re-admission and party age ----------------------------------------------------------


def test_readmission_rules(db: Database, db_path: Path, branch: int) -> None:
    member_id = make_member(db, branch, decision=date(1995, 3, 10))
    leaving.record_leaving(db, member_id, LeaveInput("xin_ra", date(2021, 6, 15)), today=TODAY)
    # Inside 36 months: refused, the message names the rule and its source.
    reasons = leaving.readmission_check(db, member_id, date(2024, 6, 14))
    assert [r.code for r in reasons] == ["readmission.too_early"]
    assert "Quy định 232-QĐ/TW 2025 thi hành Điều lệ Đảng, điểm 3.5.1" in reasons[0].message()
    assert "15/06/2024" in reasons[0].message()
    before = snapshot(db_path)
    with pytest.raises(leaving.ReadmissionRefusedError) as err:
        leaving.readmit(db, member_id, date(2024, 6, 14), "3-QĐ/ĐU", "Bí thư", today=TODAY)
    assert "Quy định 232-QĐ/TW 2025 thi hành Điều lệ Đảng, điểm 3.5.1" in err.value.message()
    assert "3.5.1" in err.value.message("en")
    assert snapshot(db_path) == before
    # From 36 months on: accepted.
    assert leaving.readmission_check(db, member_id, date(2024, 6, 15)) == []
    leaving.readmit(db, member_id, date(2024, 6, 15), "3-QĐ/ĐU", "Bí thư", today=TODAY)
    member = _member(db, member_id)
    assert member.status == MemberStatus.CANDIDATE
    assert member.decision_date == date(1995, 3, 10)  # the first decision stays
    assert len(_open_memberships(db, member_id)) == 1
    # Party age: 10/3/1995 → 15/6/2021 (26 y 3 m) plus 15/6/2024 → 15/11/2026 (2 y 5 m).
    age = party_age_of(db, member_id, date(2026, 11, 15))
    assert (age.years, age.months) == (28, 8)
    assert age.gaps == ((date(2021, 6, 15), date(2024, 6, 15)),)
    # Only once: the new ceremony (recorded by the admission services) and a new leaving.
    with db.session("test") as session:
        session.add(
            MemberEvent(
                member_id=member_id, kind=EventKind.CEREMONY.value, on_date=date(2024, 7, 1)
            )
        )
        session.flush()
        refresh_state(session, session.get(Member, member_id))
    leaving.record_leaving(db, member_id, LeaveInput("xin_ra", date(2024, 8, 1)), today=TODAY)
    reasons = leaving.readmission_check(db, member_id, date(2030, 1, 1))
    assert [r.code for r in reasons] == ["readmission.once_only"]
    before = snapshot(db_path)
    with pytest.raises(PartydeskError):
        leaving.readmit(db, member_id, TODAY, "9-QĐ/ĐU", today=TODAY)
    assert snapshot(db_path) == before


def test_readmission_forbidden_by_ground(db: Database, branch: int) -> None:
    abandoned = make_member(db, branch, decision=date(1995, 3, 10))
    leaving.record_leaving(
        db, abandoned, LeaveInput("xoa_ten", date(2020, 1, 6), ground="bo_sinh_hoat"), today=TODAY
    )
    reasons = leaving.readmission_check(db, abandoned, TODAY)
    assert [r.code for r in reasons] == ["readmission.forbidden_ground"]
    assert "3.5.2" in reasons[0].message()
    serious = make_member(db, branch, "Võ Văn Em", decision=date(1995, 3, 10))
    leaving.record_leaving(
        db,
        serious,
        LeaveInput("khai_tru", date(2020, 1, 6), decision_no="1", decided_by="BTV", serious=True),
        today=TODAY,
    )
    assert [r.code for r in leaving.readmission_check(db, serious, TODAY)] == [
        "readmission.forbidden_ground"
    ]
    minor = make_member(db, branch, "Đỗ Văn Giang", decision=date(1995, 3, 10))
    leaving.record_leaving(
        db,
        minor,
        LeaveInput("khai_tru", date(2020, 1, 6), decision_no="1", decided_by="BTV"),
        today=TODAY,
    )
    assert leaving.readmission_check(db, minor, TODAY) == []
    alive = make_member(db, branch, "Hồ Văn Hải")
    assert [r.code for r in leaving.readmission_check(db, alive, TODAY)] == ["readmission.not_left"]


def test_exonerated_member_keeps_continuous_age(db: Database, branch: int) -> None:
    member_id = make_member(
        db,
        branch,
        decision=date(1990, 1, 15),
        history=(
            HistoryItem(EventKind.EXPELLED.value, date(2010, 5, 1), decision_no="5-QĐ/HU"),
            HistoryItem(EventKind.EXONERATED.value, date(2012, 5, 1)),
        ),
    )
    age = party_age_of(db, member_id, date(2026, 11, 23))
    assert (age.years, age.months) == (36, 10)
    assert age.gaps == ()
    assert _member(db, member_id).status == MemberStatus.OFFICIAL


def test_out_of_contact_gap_and_death(db: Database, branch: int) -> None:
    member_id = make_member(
        db,
        branch,
        decision=date(1980, 2, 1),
        history=(
            HistoryItem(EventKind.OUT_OF_CONTACT.value, date(2000, 1, 1)),
            HistoryItem(EventKind.CONTACT_RESTORED.value, date(2001, 1, 1)),
        ),
    )
    age = party_age_of(db, member_id, date(2026, 2, 1))
    assert (age.years, age.months) == (45, 0)
    leaving.record_leaving(db, member_id, LeaveInput("tu_tran", date(2026, 3, 1)), today=TODAY)
    later = party_age_of(db, member_id, date(2030, 1, 1))
    assert (later.years, later.months) == (45, 1)  # counting stops at death
    assert later.died_on == date(2026, 3, 1)


def test_find_member_by_cccd_card_or_id(db: Database, branch: int) -> None:
    member_id = make_member(db, branch)
    assert leaving.find_member(db, str(member_id)) == member_id
    with pytest.raises(PartydeskError) as err:
        leaving.find_member(db, "999999")
    assert err.value.code == "member.not_found"
