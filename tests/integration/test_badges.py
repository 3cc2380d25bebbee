"""Party badges: lists of members due at an occasion (on time, early, posthumous), awards."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from partydesk.codes import EventKind
from partydesk.db.engine import Database
from partydesk.db.models import Member, MemberEvent
from partydesk.errors import PartydeskError
from partydesk.services import badges
from partydesk.services.badges import BadgeAward
from partydesk.services.due import due_context
from partydesk.services.member_input import HistoryItem
from tests.conftest import TODAY
from tests.helpers import snapshot
from tests.integration.test_leaving import make_member

OCCASION = date(2027, 9, 2)


@pytest.fixture
def office(db: Database, org_ids: dict[str, int]) -> dict[str, int]:
    """Members around the thresholds of 2/9/2027."""
    branch = org_ids["DR.01.01"]
    return {
        "thirty": make_member(db, branch, "Nguyễn Văn Ba Mươi", decision=date(1997, 8, 20)),
        "forty": make_member(db, branch, "Trần Văn Bốn Mươi", decision=date(1987, 5, 1)),
        "early30": make_member(db, branch, "Lê Văn Sớm", decision=date(1997, 10, 1)),
        "early70": make_member(
            db,
            branch,
            "Phạm Văn Bảy Mươi",
            decision=date(1957, 12, 1),
            birth=date(1935, 1, 1),
            history=(
                HistoryItem(
                    EventKind.BADGE.value, date(2023, 2, 3), details_json=json.dumps({"years": 65})
                ),
            ),
        ),
        "late": make_member(db, branch, "Hoàng Văn Muộn", decision=date(1998, 12, 1)),
        "dead": make_member(
            db,
            branch,
            "Vũ Văn Cố",
            decision=date(1960, 1, 1),
            birth=date(1935, 1, 1),
            history=(HistoryItem(EventKind.DIED.value, date(2005, 6, 1)),),
        ),
        "left": make_member(
            db,
            branch,
            "Đặng Văn Rời",
            decision=date(1980, 1, 1),
            history=(HistoryItem(EventKind.ASKED_TO_LEAVE.value, date(2015, 1, 1)),),
        ),
        "readmitted": make_member(
            db,
            branch,
            "Bùi Văn Lại",
            decision=date(1995, 1, 1),
            history=(
                HistoryItem(EventKind.STRUCK_OFF.value, date(2000, 1, 1)),
                HistoryItem(EventKind.ADMISSION_DECISION.value, date(2003, 1, 1)),
                HistoryItem(EventKind.CEREMONY.value, date(2003, 2, 1)),
                HistoryItem(EventKind.RECOGNITION.value, date(2004, 2, 1)),
            ),
        ),
    }


def _ids(candidates: list[badges.BadgeCandidate]) -> list[tuple[int, int]]:
    return [(c.member_id, c.years) for c in candidates]


def test_next_occasions() -> None:
    assert badges.next_occasions(TODAY, 4) == [
        date(2027, 2, 3),
        date(2027, 5, 19),
        date(2027, 9, 2),
        date(2027, 11, 7),
    ]
    assert badges.next_occasions(date(2027, 2, 3), 1) == [date(2027, 2, 3)]


def test_lists_for_an_occasion(db: Database, office: dict[str, int]) -> None:
    lists = badges.badge_candidates(db, OCCASION)
    assert sorted(_ids(lists.due)) == sorted([(office["forty"], 40), (office["thirty"], 30)])
    assert _ids(lists.due)[0] == (office["forty"], 40)  # highest threshold first
    thirty = next(c for c in lists.due if c.member_id == office["thirty"])
    assert thirty.reached_on == date(2027, 8, 20)
    assert thirty.age_months == 30 * 12
    # Early for serious illness: 12 months for 30–65 years, 24 for 70–90; the re-admitted
    # member's 3-year gap moves the 30 years from 2025 to 2028.
    assert sorted(_ids(lists.early)) == sorted(
        [(office["early30"], 30), (office["early70"], 70), (office["readmitted"], 30)]
    )
    readmitted = next(c for c in lists.early if c.member_id == office["readmitted"])
    assert readmitted.reached_on == date(2028, 1, 1)
    assert _ids(lists.posthumous) == [(office["dead"], 45)]
    assert "Quy định 24-QĐ/TW 2021" in lists.source
    assert "điểm 27" in lists.source


def test_award_badges(db: Database, db_path: Path, office: dict[str, int]) -> None:
    result = badges.award_badges(
        db,
        [
            BadgeAward(office["thirty"], 30, "A-123"),
            BadgeAward(office["early30"], 30, "A-124", early=True, early_reason="Bệnh nặng"),
            BadgeAward(office["dead"], 45),
        ],
        occasion=OCCASION,
        decision_no="1234-QĐ/TU",
        decision_date=date(2027, 8, 25),
        decided_by="Ban Thường vụ Tỉnh ủy",
    )
    assert result.awarded == 3
    with db.reader() as session:
        member = session.get(Member, office["thirty"])
        assert member is not None
        assert member.badge_no == "A-123"
        events = session.scalars(
            select(MemberEvent).where(
                MemberEvent.kind == EventKind.BADGE.value, MemberEvent.decision_no != ""
            )
        ).all()
        details = {e.member_id: json.loads(e.details_json) for e in events}
        assert len(events) == 3
        assert all(e.decision_no == "1234-QĐ/TU" and e.on_date == date(2027, 8, 25) for e in events)
    assert details[office["early30"]]["early"] is True
    assert details[office["dead"]]["posthumous"] is True
    assert details[office["thirty"]] == {
        "years": 30,
        "badge_no": "A-123",
        "early": False,
        "posthumous": False,
        "occasion": "2027-09-02",
    }
    lists = badges.badge_candidates(db, OCCASION)
    assert _ids(lists.due) == [(office["forty"], 40)]
    assert lists.posthumous == []
    assert office["early30"] not in [c.member_id for c in lists.early]


@pytest.mark.parametrize(
    ("key", "award", "code"),
    [
        ("thirty", BadgeAward(0, 35), "badge.not_threshold"),
        ("early30", BadgeAward(0, 30), "badge.not_reached"),
        ("early30", BadgeAward(0, 30, early=True), "badge.early_reason_required"),
        ("late", BadgeAward(0, 30, early=True, early_reason="Bệnh nặng"), "badge.too_early"),
        ("left", BadgeAward(0, 30), "badge.bad_status"),
    ],
)
def test_refused_awards_write_nothing(
    db: Database, db_path: Path, office: dict[str, int], key: str, award: BadgeAward, code: str
) -> None:
    before = snapshot(db_path)
    good = BadgeAward(office["forty"], 40)
    bad = BadgeAward(office[key], award.years, early=award.early, early_reason=award.early_reason)
    with pytest.raises(PartydeskError) as err:
        badges.award_badges(db, [good, bad], occasion=OCCASION, decision_no="1-QĐ/TU")
    assert err.value.code == code
    assert snapshot(db_path) == before


def test_not_reached_names_the_rule(db: Database, office: dict[str, int]) -> None:
    with pytest.raises(PartydeskError) as err:
        badges.award_badges(
            db, [BadgeAward(office["early30"], 30)], occasion=OCCASION, decision_no="1"
        )
    assert "01/10/2027" in err.value.message()
    assert "Quy định 24-QĐ/TW 2021 thi hành Điều lệ Đảng, điểm 27" in err.value.message()


def test_awarded_twice_refused(db: Database, office: dict[str, int]) -> None:
    badges.award_badges(db, [BadgeAward(office["forty"], 40)], occasion=OCCASION, decision_no="1")
    for awards, code in (
        ([BadgeAward(office["forty"], 40)], "badge.already_awarded"),
        ([BadgeAward(office["thirty"], 30)] * 2, "badge.duplicate"),
        ([BadgeAward(office["thirty"], 30)], None),
    ):
        if code is None:
            badges.award_badges(db, awards, occasion=OCCASION, decision_no="2")
            continue
        with pytest.raises(PartydeskError) as err:
            badges.award_badges(db, awards, occasion=OCCASION, decision_no="2")
        assert err.value.code == code
    with pytest.raises(PartydeskError) as err:
        badges.award_badges(
            db, [BadgeAward(office["thirty"], 40)], occasion=OCCASION, decision_no=""
        )
    assert err.value.code == "badge.decision_required"


def test_due_items_per_occasion(db: Database, office: dict[str, int]) -> None:
    with db.session() as session:
        assert badges.due_items(due_context(session, TODAY)) == []  # 3/2/2027 beyond 60 days
        items = badges.due_items(due_context(session, TODAY, horizon_days=120))
    assert [(i.due, i.member_id, i.action, i.group) for i in items] == [
        (date(2027, 2, 3), None, "badges", "badge")
    ]
    # Due by 3/2/2027: the 40-year member's 30 years (reached 2017) and the dead member.
    assert "2 đảng viên" in items[0].what
