"""The member register: create and edit records, move members, recompute their state."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk.codes import OrgKind
from partydesk.db.engine import Database
from partydesk.db.models import Member, MemberEvent, Membership, Organization
from partydesk.errors import PartydeskError, ValidationError
from partydesk.services.catalogues import CatalogueCodes
from partydesk.services.member_input import LABELS, MemberInput, PreparedMember, prepare_member
from partydesk.services.member_lookup import get_member as _get
from partydesk.services.member_state import EventFact, derive_state
from partydesk.services.rule_table import load_rule_table


@dataclass(frozen=True)
class MemberRow:
    """A member as lists show it."""

    id: int
    uuid: str
    full_name: str
    sex: str
    birth_date: date
    status: str
    organization_id: int | None
    cccd: str | None
    card_no: str | None
    decision_date: date | None
    ceremony_date: date | None
    official_date: date | None


def member_row(member: Member) -> MemberRow:
    """The list view of a member."""
    return MemberRow(
        id=member.id,
        uuid=member.uuid,
        full_name=member.full_name,
        sex=member.sex,
        birth_date=member.birth_date,
        status=member.status,
        organization_id=member.organization_id,
        cccd=member.cccd,
        card_no=member.card_no,
        decision_date=member.decision_date,
        ceremony_date=member.ceremony_date,
        official_date=member.official_date,
    )


def check_member_organization(session: Session, organization_id: int) -> Organization:
    """The organization a member is placed in must exist, be live and be a chi bộ."""
    org = session.get(Organization, organization_id)
    if org is None or org.deleted_at is not None:
        raise PartydeskError("organization.not_found", ref=organization_id)
    if org.dissolved_on is not None:
        raise PartydeskError("organization.dissolved", name=org.name, date=org.dissolved_on)
    if not OrgKind(org.kind).holds_members:
        raise ValidationError(
            "field.invalid",
            field=LABELS["organization_id"],
            problem=(
                f"đảng viên sinh hoạt ở chi bộ, không ở «{org.name}» ({OrgKind(org.kind).label})"
            ),
        )
    return org


def check_unique_keys(session: Session, values: dict[str, object], member_id: int | None) -> None:
    """CCCD, card and biography numbers identify one living record each."""
    for column in ("cccd", "card_no", "biography_no"):
        value = values.get(column)
        if not value:
            continue
        query = select(Member.full_name).where(
            getattr(Member, column) == value, Member.deleted_at.is_(None)
        )
        if member_id is not None:
            query = query.where(Member.id != member_id)
        other = session.scalar(query.limit(1))
        if other is not None:
            raise ValidationError("field.duplicate", field=LABELS[column], value=value, other=other)


def refresh_state(session: Session, member: Member) -> None:
    """Recompute the cached status and dates of `member` from its events."""
    events = session.execute(
        select(
            MemberEvent.kind,
            MemberEvent.on_date,
            MemberEvent.decision_no,
            MemberEvent.id,
            MemberEvent.effective_date,
        ).where(MemberEvent.member_id == member.id, MemberEvent.deleted_at.is_(None))
    )
    state = derive_state(EventFact(*row) for row in events)
    member.status = state.status.value
    member.decision_date = state.decision_date
    member.decision_no = state.decision_no
    member.ceremony_date = state.ceremony_date
    member.official_date = state.official_date
    member.left_on = state.left_on


def _insert_prepared(session: Session, prepared: PreparedMember) -> Member:
    values = dict(prepared.values)
    values["organization_id"] = prepared.memberships[-1][0]
    state = derive_state(
        EventFact(e.kind, e.on_date, e.decision_no, i, e.effective_date)
        for i, e in enumerate(prepared.events)
    )
    member = Member(
        **values,
        status=state.status.value,
        decision_date=state.decision_date,
        ceremony_date=state.ceremony_date,
        official_date=state.official_date,
        left_on=state.left_on,
    )
    session.add(member)
    session.flush()
    for org_id, start, end, reason in prepared.memberships:
        session.add(
            Membership(
                member_id=member.id,
                organization_id=org_id,
                valid_from=start,
                valid_to=end,
                reason=reason,
            )
        )
    for event in prepared.events:
        session.add(
            MemberEvent(
                member_id=member.id,
                kind=event.kind,
                on_date=event.on_date,
                effective_date=event.effective_date,
                decision_no=event.decision_no,
                counterpart=event.counterpart,
                organization_id=event.organization_id,
                details_json=event.details_json,
                note=event.note,
            )
        )
    session.flush()
    return member


def add_member(session: Session, data: MemberInput, today: date | None = None) -> Member:
    """Check and insert one record inside an open unit of work."""
    prepared = prepare_member(
        data, CatalogueCodes(session), load_rule_table(session), today or date.today()
    )
    for org_id, *_ in prepared.memberships:
        check_member_organization(session, org_id)
    check_unique_keys(session, prepared.values, None)
    return _insert_prepared(session, prepared)


def create_member(db: Database, data: MemberInput, today: date | None = None) -> MemberRow:
    """Create a member (or candidate) with the events the entered dates imply.

    Errors (nothing is written): `field.required`, `field.invalid` (sex, CCCD against
    birth date and sex…), `field.future_date`, `field.unknown_code`, `field.duplicate`
    (CCCD, card or biography number of another record), `date.order` (ceremony before
    decision…), `date.official_not_12_months`, `organization.not_found` /
    `organization.dissolved` / not a chi bộ.
    """
    with db.session("create_member") as session:
        return member_row(add_member(session, data, today))


def get_member_input(db: Database, member_id: int) -> MemberInput:
    """The editable fields of a member, ready to be changed and passed to `update_member`."""
    with db.reader() as session:
        member = _get(session, member_id)
        values = {
            name: getattr(member, name)
            for name in MemberInput.__dataclass_fields__
            if hasattr(Member, name) and name != "history"
        }
        return MemberInput(**values)


def update_member(
    db: Database, member_id: int, data: MemberInput, today: date | None = None
) -> MemberRow:
    """Save an edited record.

    Identity and biography fields change in place (the audit log keeps the old values);
    the party dates and the organization change through the lifecycle use cases and are
    ignored here.
    """
    with db.session("update_member") as session:
        member = _get(session, member_id)
        data = replace(
            data,
            organization_id=member.organization_id or data.organization_id,
            decision_date=member.decision_date,
            ceremony_date=member.ceremony_date,
            official_date=member.official_date,
            history=(),
        )
        prepared = prepare_member(
            data, CatalogueCodes(session), load_rule_table(session), today or date.today()
        )
        check_unique_keys(session, prepared.values, member.id)
        for name, value in prepared.values.items():
            if name in ("organization_id", "decision_no"):
                continue
            if getattr(member, name) != value:
                setattr(member, name, value)
        return member_row(member)


def open_membership(session: Session, member_id: int) -> Membership | None:
    """The member's current membership period (not ended, not deleted), if any."""
    return session.scalars(
        select(Membership).where(
            Membership.member_id == member_id,
            Membership.valid_to.is_(None),
            Membership.deleted_at.is_(None),
        )
    ).first()


def move_membership(
    session: Session, member: Member, target_id: int, on: date, reason: str
) -> None:
    """End the member's current membership on `on` and start one in `target_id`.

    A membership that began after `on` would make the two periods overlap, i.e. the
    member would be in two organizations at once: refused.
    """
    target = check_member_organization(session, target_id)
    current = open_membership(session, member.id)
    if current is not None:
        if on <= current.valid_from:
            other = session.get(Organization, current.organization_id)
            raise PartydeskError(
                "member.two_organizations",
                other=other.name if other else current.organization_id,
                start=current.valid_from.strftime("%d/%m/%Y"),
            )
        current.valid_to = on
    session.add(
        Membership(member_id=member.id, organization_id=target.id, valid_from=on, reason=reason)
    )
    member.organization_id = target.id


def move_member(db: Database, member_id: int, target_id: int, on: date) -> MemberRow:
    """Internal move (chuyển sinh hoạt nội bộ) of a member to another chi bộ from `on`."""
    from partydesk.codes import EventKind

    with db.session("move_member") as session:
        member = _get(session, member_id)
        move_membership(session, member, target_id, on, "internal_move")
        session.add(
            MemberEvent(
                member_id=member.id,
                kind=EventKind.INTERNAL_MOVE.value,
                on_date=on,
                organization_id=target_id,
            )
        )
        return member_row(member)
