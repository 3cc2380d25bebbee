"""Finding a member: the live record by id, and the id from what a clerk types.

Every lifecycle service (admission, leaving, dues, transfers) and its command line uses
these two, so a member is found the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk.db.engine import Database
from partydesk.db.models import Member
from partydesk.errors import PartydeskError

#: The numbers a member can be typed by, tried in this order before the record id.
REFERENCE_FIELDS = ("cccd", "card_no", "biography_no")


def get_member(session: Session, member_id: int) -> Member:
    """The live (not deleted) member row; raises `member.not_found`."""
    member = session.get(Member, member_id)
    if member is None or member.deleted_at is not None:
        raise PartydeskError("member.not_found", ref=member_id)
    return member


def resolve_member(db: Database, ref: str, fields: Sequence[str] = REFERENCE_FIELDS) -> int:
    """A member's id from a reference typed on the command line: a number, then the id.

    White space is dropped; the text is tried against each of `fields` (by default CCCD,
    card and biography number: an 8-digit card number could also be an id), then, when it
    is all digits, as the record id. Raises `member.not_found`.
    """
    text = "".join(str(ref).split())
    with db.reader() as session:
        for name in fields:
            found = session.scalars(
                select(Member.id)
                .where(getattr(Member, name) == text, Member.deleted_at.is_(None))
                .order_by(Member.id)
            ).first()
            if found is not None:
                return found
        if text.isdigit():
            member = session.get(Member, int(text))
            if member is not None and member.deleted_at is None:
                return member.id
    raise PartydeskError("member.not_found", ref=ref)
