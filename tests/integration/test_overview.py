"""The overview figures: counts by grassroots organization and the due items."""

from __future__ import annotations

from datetime import date

from partydesk.codes import EventKind
from partydesk.rules import make_cccd
from partydesk.services.member_input import HistoryItem, MemberInput
from partydesk.services.members import create_member
from partydesk.services.overview import overview
from tests.conftest import TODAY


def _person(org_id: int, serial: int, **dates: object) -> MemberInput:
    return MemberInput(
        full_name=f"Hoàng Văn Số{serial}",
        sex="nam",
        birth_date=date(1995, 1, 1),
        organization_id=org_id,
        cccd=make_cccd("068", "nam", 1995, serial),
        **dates,  # type: ignore[arg-type]
    )


def test_counts_roll_up_to_grassroots_organizations(db, org_ids):
    create_member(
        db,
        _person(
            org_ids["DR.01.01"],
            1,
            decision_date=date(2020, 1, 6),
            ceremony_date=date(2020, 2, 3),
            official_date=date(2021, 2, 3),
        ),
        today=TODAY,
    )
    create_member(
        db,
        _person(
            org_ids["DR.01.02"],
            2,
            decision_date=date(2020, 1, 6),
            ceremony_date=date(2020, 2, 3),
            official_date=date(2021, 2, 3),
        ),
        today=TODAY,
    )
    create_member(db, _person(org_ids["DR.02"], 3, registered_on=date(2026, 1, 1)), today=TODAY)
    data = overview(db, TODAY)
    counts = {row.name: row.members for row in data.by_grassroots}
    assert counts == {"Đảng bộ Trường THPT Đam Rông": 2, "Chi bộ thôn 1": 0}
    assert data.by_status == {"official": 2, "candidate": 1}


def test_due_items_from_the_rule_table(db, org_ids):
    # Probation ends 20/12/2026; recognition is due 30 working days later.
    create_member(
        db,
        _person(
            org_ids["DR.02"], 4, decision_date=date(2025, 12, 1), ceremony_date=date(2025, 12, 20)
        ),
        today=TODAY,
    )
    # Branch resolution 01/10/2026: decision due 60 working days later (late December).
    create_member(
        db,
        _person(
            org_ids["DR.02"],
            5,
            registered_on=date(2026, 3, 1),
            history=(HistoryItem(EventKind.BRANCH_RESOLUTION.value, date(2026, 10, 1)),),
        ),
        today=TODAY,
    )
    # A probationary member far from the end of probation is not listed.
    create_member(
        db,
        _person(
            org_ids["DR.02"], 6, decision_date=date(2026, 8, 3), ceremony_date=date(2026, 8, 20)
        ),
        today=TODAY,
    )
    everything = overview(db, TODAY).due
    # The year's ratings fall due too (31/12): this test is about admission items.
    assert {item.group for item in everything} == {"admission", "recognition", "rating"}
    items = [item for item in everything if item.group in ("admission", "recognition")]
    assert [item.full_name for item in items] == ["Hoàng Văn Số5", "Hoàng Văn Số4"]
    decision, recognition = items
    assert decision.what.startswith("Ra quyết định kết nạp")
    assert decision.due == date(2026, 12, 25)
    assert recognition.what.startswith("Xét công nhận chính thức")
    assert recognition.due > date(2026, 12, 20)
    assert recognition.days_left == (recognition.due - TODAY).days
