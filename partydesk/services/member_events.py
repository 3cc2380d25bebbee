"""Writing one dated event into a member's history (`MemberEvent`)."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy.orm import Session

from partydesk.codes import EventKind
from partydesk.db.models import Member, MemberEvent


def add_event(
    session: Session,
    member: Member,
    kind: EventKind,
    on: date,
    *,
    organization_id: int | None = None,
    counterpart: str = "",
    decision_no: str = "",
    decided_by: str = "",
    details: dict[str, object] | None = None,
    note: str = "",
    effective_date: date | None = None,
) -> MemberEvent:
    """Add a dated event to the member's history (flushed, so its id is known).

    Texts are stored as given; `effective_date` is set when the event takes effect on
    another day than `on`.
    """
    event = MemberEvent(
        member_id=member.id,
        kind=kind.value,
        on_date=on,
        organization_id=organization_id,
        counterpart=counterpart,
        decision_no=decision_no,
        decided_by=decided_by,
        details_json=json.dumps(details or {}, ensure_ascii=False, sort_keys=True),
        note=note,
        effective_date=effective_date,
    )
    session.add(event)
    session.flush()
    return event
