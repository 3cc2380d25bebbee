"""Committees (cấp ủy) of party organizations: seats with a post and a term, added and ended."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk.db.engine import Database
from partydesk.db.models import CatalogueItem, CommitteeMember, Member, Organization
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import clean_text
from partydesk.services.catalogues import CatalogueCodes

#: "2025-2030", "2025–2030", "2025 - 2030": a term is two years, the second after the first.
_TERM = re.compile(r"^\s*(\d{4})\s*[-–—/]\s*(\d{4})\s*$")


@dataclass(frozen=True)
class CommitteeSeat:
    """A seat on a committee as the organization page shows it."""

    id: int
    organization_id: int
    member_id: int | None
    full_name: str
    post_code: str
    post_name: str
    term: str
    start_on: date | None
    end_on: date | None
    decision_no: str

    @property
    def is_current(self) -> bool:
        """True while the seat has not ended."""
        return self.end_on is None


@dataclass(frozen=True)
class CommitteeInput:
    """A new committee seat. `full_name` may stay empty when `member_id` is given."""

    organization_id: int
    post_code: str
    term: str
    full_name: str = ""
    member_id: int | None = None
    start_on: date | None = None
    decision_no: str = ""


def normalize_term(text: str) -> str:
    """A term (nhiệm kỳ) in its stored form "2025-2030".

    Accepts an en dash, a slash or spaces around the separator, because clerks copy terms
    from documents that print "2025–2030". Raises `ValidationError("term.invalid")`.
    """
    match = _TERM.match(text or "")
    if match is None:
        raise ValidationError("term.invalid", field="Nhiệm kỳ", value=(text or "").strip())
    first, last = int(match.group(1)), int(match.group(2))
    if not 1930 <= first < last <= first + 10:
        raise ValidationError("term.invalid", field="Nhiệm kỳ", value=text.strip())
    return f"{first}-{last}"


def _posts(session: Session) -> list[tuple[str, str]]:
    """(code, name) of the committee posts in catalogue order, which is rank order."""
    rows = session.execute(
        select(CatalogueItem.code, CatalogueItem.name)
        .where(CatalogueItem.catalogue == "committee_post")
        .order_by(CatalogueItem.sort_order, CatalogueItem.code)
    )
    return [(code, name) for code, name in rows]


def _seat(row: CommitteeMember, names: dict[str, str]) -> CommitteeSeat:
    return CommitteeSeat(
        id=row.id,
        organization_id=row.organization_id,
        member_id=row.member_id,
        full_name=row.full_name,
        post_code=row.post_code,
        post_name=names.get(row.post_code, row.post_code),
        term=row.term,
        start_on=row.start_on,
        end_on=row.end_on,
        decision_no=row.decision_no,
    )


def _term_start(term: str) -> int:
    return int(term[:4]) if term[:4].isdigit() else 0


def committee_seats(session: Session, organization_id: int) -> list[CommitteeSeat]:
    """Every seat of an organization's committee, current and past.

    Current seats first, newest term first, then by rank of the post (bí thư before phó
    bí thư before ủy viên).
    """
    posts = _posts(session)
    names = dict(posts)
    ranks = {code: index for index, (code, _name) in enumerate(posts)}
    rows = session.scalars(
        select(CommitteeMember).where(
            CommitteeMember.organization_id == organization_id,
            CommitteeMember.deleted_at.is_(None),
        )
    ).all()
    seats = [_seat(row, names) for row in rows]
    return sorted(
        seats,
        key=lambda s: (
            s.end_on is not None,
            -_term_start(s.term),
            ranks.get(s.post_code, len(ranks)),
            s.full_name,
        ),
    )


def list_committee(db: Database, organization_id: int) -> list[CommitteeSeat]:
    """The committee of one organization (current and past seats)."""
    with db.reader() as session:
        return committee_seats(session, organization_id)


def add_committee_member(db: Database, data: CommitteeInput) -> CommitteeSeat:
    """Seat someone on an organization's committee for a term.

    The post comes from the `committee_post` catalogue; the term is normalized to
    "2025-2030". With `member_id` the name defaults to the member's.
    Errors: `organization.not_found` / `organization.dissolved`, `field.required` (post,
    name), `field.unknown_code` (post), `term.invalid`, `member.not_found`,
    `field.future_date` (start).
    """
    with db.session("add_committee_member") as session:
        org = session.get(Organization, data.organization_id)
        if org is None or org.deleted_at is not None:
            raise PartydeskError("organization.not_found", ref=data.organization_id)
        if org.dissolved_on is not None:
            raise PartydeskError(
                "organization.dissolved", name=org.name, date=f"{org.dissolved_on:%d/%m/%Y}"
            )
        if not data.post_code:
            raise ValidationError("field.required", field="Chức vụ trong cấp ủy")
        CatalogueCodes(session).check("committee_post", data.post_code, "Chức vụ trong cấp ủy")
        term = normalize_term(data.term)
        name = clean_text(data.full_name)
        if data.member_id is not None:
            member = session.get(Member, data.member_id)
            if member is None or member.deleted_at is not None:
                raise PartydeskError("member.not_found", ref=data.member_id)
            name = name or member.full_name
        if not name:
            raise ValidationError("field.required", field="Họ và tên")
        if data.start_on is not None and data.start_on > date.today():
            raise ValidationError(
                "field.future_date", field="Ngày bắt đầu", value=f"{data.start_on:%d/%m/%Y}"
            )
        row = CommitteeMember(
            organization_id=org.id,
            member_id=data.member_id,
            full_name=name,
            post_code=data.post_code,
            term=term,
            start_on=data.start_on,
            decision_no=clean_text(data.decision_no),
        )
        session.add(row)
        session.flush()
        return _seat(row, dict(_posts(session)))


def end_committee_member(db: Database, seat_id: int, on: date) -> CommitteeSeat:
    """End a committee seat on `on` (the seat stays in the committee's history).

    Errors: `committee.not_found`, `committee.already_ended`, `date.order` (before the
    seat began), `field.future_date`.
    """
    with db.session("end_committee_member") as session:
        row = session.get(CommitteeMember, seat_id)
        if row is None or row.deleted_at is not None:
            raise PartydeskError("committee.not_found", ref=seat_id)
        if row.end_on is not None:
            raise PartydeskError(
                "committee.already_ended", name=row.full_name, date=f"{row.end_on:%d/%m/%Y}"
            )
        if row.start_on is not None and on < row.start_on:
            raise ValidationError(
                "date.order",
                later="Ngày thôi giữ chức",
                later_value=f"{on:%d/%m/%Y}",
                earlier="Ngày bắt đầu",
                earlier_value=f"{row.start_on:%d/%m/%Y}",
            )
        if on > date.today():
            raise ValidationError(
                "field.future_date", field="Ngày thôi giữ chức", value=f"{on:%d/%m/%Y}"
            )
        row.end_on = on
        return _seat(row, dict(_posts(session)))
