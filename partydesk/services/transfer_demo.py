"""Transfers for the demo office, made through the transfer services (deterministic)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from partydesk.codes import EventKind, MemberStatus
from partydesk.db.engine import Database
from partydesk.db.models import Member, MemberEvent, Organization
from partydesk.rules import add_months
from partydesk.services.member_input import MemberInput
from partydesk.services.transfer_moves import TemporaryInput, internal_move, temporary_out
from partydesk.services.transfers import (
    TransferInInput,
    TransferOutInput,
    transfer_in,
    transfer_out,
)


@dataclass(frozen=True)
class DemoTransfers:
    """What `demo_transfers` created: transfer ids by kind."""

    out: tuple[int, ...]
    overdue: int
    transfer_in: int
    internal: tuple[int, ...]
    temporary: int


# --- demo ---------------------------------------------------------------------------------

_DEMO_DESTINATIONS = [
    ("Đảng ủy phường Xuân Hương - Đà Lạt", "Đảng bộ tỉnh Lâm Đồng", "Đảng bộ Phường Xuân Hương"),
    ("Đảng ủy phường Bảo Lộc", "Đảng bộ tỉnh Lâm Đồng", "Đảng bộ Phường Bảo Lộc"),
    ("Đảng ủy xã Đức Trọng", "Đảng bộ tỉnh Lâm Đồng", "Đảng bộ xã Đức Trọng"),
]


def demo_transfers(db: Database, today: date, seed: int = 1) -> DemoTransfers:
    """Add a few transfers to a demo office through the services (deterministic).

    Three official transfers out (one overdue), one member received from another office,
    two internal moves and one temporary transfer. Members are picked by `seed` among
    official members whose history ends well before the chosen dates.
    """
    rng = random.Random(seed)
    with db.reader() as session:
        # Ordered by date, so each member keeps the date of their latest event.
        last: dict[int, date] = dict(
            session.execute(
                select(MemberEvent.member_id, MemberEvent.on_date)
                .where(MemberEvent.deleted_at.is_(None))
                .order_by(MemberEvent.on_date)
            ).all()
        )
        reviewed = set(
            session.scalars(
                select(MemberEvent.member_id).where(
                    MemberEvent.kind == EventKind.DISCIPLINE_REVIEW.value
                )
            )
        )
        eligible = [
            (member_id, org_id)
            for member_id, org_id in session.execute(
                select(Member.id, Member.organization_id)
                .where(
                    Member.deleted_at.is_(None),
                    Member.status == MemberStatus.OFFICIAL.value,
                    Member.organization_id.is_not(None),
                )
                .order_by(Member.id)
            )
            if member_id not in reviewed
            and last.get(member_id, date.min) < today - timedelta(days=60)
        ]
        branches = list(
            session.scalars(
                select(Organization.id)
                .where(
                    Organization.deleted_at.is_(None),
                    Organization.dissolved_on.is_(None),
                    Organization.kind.in_(["chi_bo", "chi_bo_co_so"]),
                )
                .order_by(Organization.id)
            )
        )
    picked = rng.sample(eligible, 6)
    out_ids: list[int] = []
    for (member_id, _org), days, destination in zip(
        picked[:3], (45, 12, 4), _DEMO_DESTINATIONS, strict=True
    ):
        to_text, superior, grassroots = destination
        detail = transfer_out(
            db,
            TransferOutInput(
                member_id=member_id,
                letter_date=today - timedelta(days=days),
                to_text=to_text,
                receiving_superior=superior,
                receiving_grassroots=grassroots,
                reason="Chuyển công tác",
            ),
            today,
        )
        out_ids.append(detail.row.id)
    internal_ids: list[int] = []
    for member_id, org_id in picked[3:5]:
        target = rng.choice([b for b in branches if b != org_id])
        internal_ids.append(
            internal_move(
                db, member_id, target, today - timedelta(days=rng.randint(5, 30)), today
            ).id
        )
    member_id, _org = picked[5]
    start = today - timedelta(days=80)
    temporary = temporary_out(
        db,
        TemporaryInput(
            member_id=member_id,
            start=start,
            ends_on=add_months(start, 4),
            reason="study",
            to_text="Chi bộ lớp Trung cấp lý luận chính trị, Trường Chính trị tỉnh Lâm Đồng",
        ),
        today,
    )
    arrived = today - timedelta(days=20)
    born = date(1988, 4, 12)
    incoming = transfer_in(
        db,
        TransferInInput(
            letter_no=f"{rng.randint(20, 180)}-GT/ĐU",
            letter_date=arrived - timedelta(days=6),
            from_text="Đảng ủy phường Lang Biang - Đà Lạt",
            arrived_on=arrived,
            person=MemberInput(
                full_name="Ka Thị Hồng Nhung",
                sex="nữ",
                birth_date=born,
                organization_id=rng.choice(branches),
                ethnicity_code="16",
                decision_date=date(2014, 5, 8),
                decision_no="57-QĐ/HU",
                ceremony_date=date(2014, 5, 19),
                official_date=date(2015, 5, 19),
                general_education="12/12",
            ),
        ),
        today,
    )
    return DemoTransfers(
        out=tuple(out_ids),
        overdue=out_ids[0],
        transfer_in=incoming.row.id,
        internal=tuple(internal_ids),
        temporary=temporary.row.id,
    )
