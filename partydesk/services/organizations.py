"""The organization tree: create, rename, re-parent, merge and dissolve with dated history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from partydesk.codes import COUNTED_STATUSES, OrgKind
from partydesk.db.engine import Database
from partydesk.db.models import Member, Membership, Organization, OrganizationParent
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import clean_text, fold
from partydesk.services.catalogues import CatalogueCodes

#: The Party's founding day: the earliest date the tree answers for (parent history of
#: organizations created without a known founding date starts here).
TREE_EPOCH = date(1930, 2, 3)


@dataclass(frozen=True)
class OrganizationInput:
    """Fields of a new organization."""

    name: str
    kind: str
    parent_id: int | None
    code: str = ""
    short_name: str = ""
    type_code: str | None = None
    founded_on: date | None = None
    founding_decision: str = ""
    admin_unit_code: str | None = None
    address: str = ""
    notes: str = ""


@dataclass(frozen=True)
class OrganizationRow:
    """An organization as lists and the tree show it."""

    id: int
    uuid: str
    code: str
    name: str
    kind: str
    type_code: str | None
    parent_id: int | None
    dissolved_on: date | None
    member_count: int = 0


def _get(session: Session, organization_id: int) -> Organization:
    org = session.get(Organization, organization_id)
    if org is None or org.deleted_at is not None:
        raise PartydeskError("organization.not_found", ref=organization_id)
    return org


def _row(org: Organization, count: int = 0) -> OrganizationRow:
    return OrganizationRow(
        id=org.id,
        uuid=org.uuid,
        code=org.code,
        name=org.name,
        kind=org.kind,
        type_code=org.type_code,
        parent_id=org.parent_id,
        dissolved_on=org.dissolved_on,
        member_count=count,
    )


def _clean_name(name: str) -> str:
    text = clean_text(name)
    if not text:
        raise ValidationError("field.required", field="Tên tổ chức")
    return text


def _next_code(session: Session, parent: Organization | None) -> str:
    prefix = f"{parent.code}." if parent is not None else "TC"
    count = session.scalar(
        select(func.count()).select_from(Organization).where(Organization.code.like(f"{prefix}%"))
    )
    number = (count or 0) + 1
    while session.scalar(
        select(Organization.id).where(Organization.code == f"{prefix}{number:02d}")
    ):
        number += 1
    return f"{prefix}{number:02d}"


def add_organization(session: Session, data: OrganizationInput) -> Organization:
    """Create an organization inside an open unit of work (used by services and the demo)."""
    name = _clean_name(data.name)
    try:
        kind = OrgKind(data.kind)
    except ValueError as exc:
        raise ValidationError(
            "field.unknown_code", field="Cấp tổ chức", value=data.kind, catalogue="org_kind"
        ) from exc
    CatalogueCodes(session).check("org_type", data.type_code, "Loại hình")
    parent = _get(session, data.parent_id) if data.parent_id is not None else None
    if parent is not None and parent.dissolved_on is not None:
        raise PartydeskError("organization.dissolved", name=parent.name, date=parent.dissolved_on)
    code = (data.code or "").strip() or _next_code(session, parent)
    if session.scalar(select(Organization.id).where(Organization.code == code)):
        raise PartydeskError("organization.code_taken", value=code)
    if data.founded_on is not None and data.founded_on > date.today():
        raise ValidationError("field.future_date", field="Ngày thành lập", value=data.founded_on)
    org = Organization(
        code=code,
        name=name,
        short_name=data.short_name,
        name_fold=fold(name),
        kind=kind.value,
        type_code=data.type_code or None,
        parent_id=parent.id if parent is not None else None,
        founded_on=data.founded_on,
        founding_decision=data.founding_decision,
        admin_unit_code=data.admin_unit_code,
        address=data.address,
        notes=data.notes,
    )
    session.add(org)
    session.flush()
    session.add(
        OrganizationParent(
            organization_id=org.id,
            parent_id=org.parent_id,
            valid_from=data.founded_on or TREE_EPOCH,
        )
    )
    return org


def create_organization(db: Database, data: OrganizationInput) -> OrganizationRow:
    """Create an organization under `data.parent_id`.

    Errors: `field.required` (name), `field.unknown_code` (kind, type),
    `organization.not_found` / `organization.dissolved` (parent), `organization.code_taken`.
    """
    with db.session("create_organization") as session:
        return _row(add_organization(session, data))


def rename_organization(db: Database, organization_id: int, name: str) -> OrganizationRow:
    """Give an organization a new name (the audit log keeps the old one)."""
    with db.session("rename_organization") as session:
        org = _get(session, organization_id)
        org.name = _clean_name(name)
        org.name_fold = fold(org.name)
        return _row(org)


def _ancestors(session: Session, organization_id: int) -> list[int]:
    chain: list[int] = []
    current: int | None = organization_id
    while current is not None and current not in chain:
        chain.append(current)
        current = session.scalar(select(Organization.parent_id).where(Organization.id == current))
    return chain


def _set_parent(session: Session, org: Organization, parent_id: int | None, on: date) -> None:
    open_period = session.scalars(
        select(OrganizationParent).where(
            OrganizationParent.organization_id == org.id,
            OrganizationParent.valid_to.is_(None),
            OrganizationParent.deleted_at.is_(None),
        )
    ).first()
    if open_period is not None:
        if on < open_period.valid_from:
            raise ValidationError(
                "date.order",
                later="Ngày hiệu lực",
                later_value=on,
                earlier="Ngày bắt đầu trực thuộc hiện tại",
                earlier_value=open_period.valid_from,
            )
        open_period.valid_to = on
    session.add(OrganizationParent(organization_id=org.id, parent_id=parent_id, valid_from=on))
    org.parent_id = parent_id


def reparent_organization(
    db: Database, organization_id: int, new_parent_id: int, on: date
) -> OrganizationRow:
    """Place an organization under a new parent from `on`; the old placement stays history.

    Errors: `organization.cycle` when the new parent is inside the organization's own
    subtree; `organization.dissolved`; `date.order` when `on` is before the current
    placement began.
    """
    with db.session("reparent_organization") as session:
        org = _get(session, organization_id)
        parent = _get(session, new_parent_id)
        if parent.dissolved_on is not None:
            raise PartydeskError(
                "organization.dissolved", name=parent.name, date=parent.dissolved_on
            )
        if org.id in _ancestors(session, parent.id):
            raise PartydeskError("organization.cycle", child=org.name, parent=parent.name)
        _set_parent(session, org, parent.id, on)
        return _row(org)


def _live_members(session: Session, organization_id: int) -> list[Member]:
    return list(
        session.scalars(
            select(Member).where(
                Member.organization_id == organization_id,
                Member.deleted_at.is_(None),
                Member.status.in_([s.value for s in COUNTED_STATUSES] + ["candidate"]),
            )
        )
    )


def _move_membership(
    session: Session, member: Member, target_id: int, on: date, reason: str
) -> None:
    from partydesk.services.members import move_membership

    move_membership(session, member, target_id, on, reason)


def merge_organizations(
    db: Database, source_id: int, target_id: int, on: date, decision: str = ""
) -> OrganizationRow:
    """Merge `source` into `target` from `on`.

    Its members and child organizations move to the target, the source is dissolved with
    `merged_into` set. History stays answerable.
    """
    with db.session("merge_organizations") as session:
        source = _get(session, source_id)
        target = _get(session, target_id)
        if source.id in _ancestors(session, target.id):
            raise PartydeskError("organization.cycle", child=source.name, parent=target.name)
        for member in _live_members(session, source.id):
            _move_membership(session, member, target.id, on, "merge")
        children = session.scalars(
            select(Organization).where(
                Organization.parent_id == source.id, Organization.dissolved_on.is_(None)
            )
        ).all()
        for child in children:
            _set_parent(session, child, target.id, on)
        source.dissolved_on = on
        source.dissolution_decision = decision
        source.merged_into_id = target.id
        return _row(target)


def dissolve_organization(
    db: Database, organization_id: int, on: date, decision: str = ""
) -> OrganizationRow:
    """Dissolve an organization that no longer has members or live child organizations."""
    with db.session("dissolve_organization") as session:
        org = _get(session, organization_id)
        if _live_members(session, org.id):
            raise ValidationError(
                "field.invalid",
                field="Giải thể",
                problem="tổ chức còn đảng viên; hãy chuyển sinh hoạt hoặc hợp nhất trước",
            )
        live_children = session.scalar(
            select(func.count())
            .select_from(Organization)
            .where(Organization.parent_id == org.id, Organization.dissolved_on.is_(None))
        )
        if live_children:
            raise ValidationError(
                "field.invalid",
                field="Giải thể",
                problem="tổ chức còn tổ chức trực thuộc; hãy hợp nhất hoặc chuyển trước",
            )
        org.dissolved_on = on
        org.dissolution_decision = decision
        return _row(org)


def list_organizations(db: Database, include_dissolved: bool = False) -> list[OrganizationRow]:
    """Every organization with its count of counted members, in tree order by code."""
    with db.reader() as session:
        counts = dict(
            session.execute(
                select(Member.organization_id, func.count())
                .where(
                    Member.deleted_at.is_(None),
                    Member.status.in_([s.value for s in COUNTED_STATUSES]),
                )
                .group_by(Member.organization_id)
            ).all()
        )
        query = select(Organization).where(Organization.deleted_at.is_(None))
        if not include_dissolved:
            query = query.where(Organization.dissolved_on.is_(None))
        orgs = session.scalars(query.order_by(Organization.sort_order, Organization.code)).all()
        return [_row(org, counts.get(org.id, 0)) for org in orgs]


def organization_on(db: Database, organization_id: int, on: date) -> int | None:
    """The parent of an organization on a past date (None at the root or before founding)."""
    with db.reader() as session:
        return session.scalar(
            select(OrganizationParent.parent_id).where(
                OrganizationParent.organization_id == organization_id,
                OrganizationParent.valid_from <= on,
                (OrganizationParent.valid_to.is_(None)) | (OrganizationParent.valid_to > on),
                OrganizationParent.deleted_at.is_(None),
            )
        )


def subtree_ids(session: Session, root_id: int, on: date | None = None) -> list[int]:
    """Ids of `root_id` and everything under it, now or on a past date (recursive CTE)."""
    if on is None:
        edges = select(
            Organization.id.label("child"), Organization.parent_id.label("parent")
        ).where(Organization.deleted_at.is_(None))
    else:
        edges = select(
            OrganizationParent.organization_id.label("child"),
            OrganizationParent.parent_id.label("parent"),
        ).where(
            OrganizationParent.valid_from <= on,
            (OrganizationParent.valid_to.is_(None)) | (OrganizationParent.valid_to > on),
            OrganizationParent.deleted_at.is_(None),
        )
    edge = edges.subquery()
    tree = select(edge.c.child.label("id")).where(edge.c.child == root_id).cte(recursive=True)
    tree = tree.union(select(edge.c.child).where(edge.c.parent == tree.c.id))
    return list(session.scalars(select(tree.c.id)))


def members_on(db: Database, organization_id: int, on: date) -> list[int]:
    """Ids of members with activity in the subtree of `organization_id` on a past date."""
    with db.reader() as session:
        orgs = subtree_ids(session, organization_id, on)
        return list(
            session.scalars(
                select(Membership.member_id).where(
                    Membership.organization_id.in_(orgs),
                    Membership.valid_from <= on,
                    (Membership.valid_to.is_(None)) | (Membership.valid_to > on),
                    Membership.deleted_at.is_(None),
                )
            )
        )
