"""The organization tree: create, rename, re-parent, merge and dissolve with dated history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from partydesk.codes import COUNTED_STATUSES, OrgKind
from partydesk.db.engine import Database
from partydesk.db.models import (
    CatalogueItem,
    Member,
    Membership,
    Organization,
    OrganizationParent,
)
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import clean_text, fold
from partydesk.services.catalogues import CatalogueCodes, CatalogueEntry, list_catalogue
from partydesk.services.committee import CommitteeSeat, committee_seats
from partydesk.services.org_tree import OrgNode, children_of, counted, kind_label

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


def _d(value: date | None) -> str:
    """A date as messages show it."""
    return "" if value is None else value.strftime("%d/%m/%Y")


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
        raise PartydeskError(
            "organization.dissolved", name=parent.name, date=_d(parent.dissolved_on)
        )
    code = (data.code or "").strip() or _next_code(session, parent)
    if session.scalar(select(Organization.id).where(Organization.code == code)):
        raise PartydeskError("organization.code_taken", value=code)
    if data.founded_on is not None and data.founded_on > date.today():
        raise ValidationError(
            "field.future_date", field="Ngày thành lập", value=_d(data.founded_on)
        )
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


def _set_parent(
    session: Session, org: Organization, parent_id: int | None, on: date, reason: str = ""
) -> None:
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
                later_value=_d(on),
                earlier="Ngày bắt đầu trực thuộc hiện tại",
                earlier_value=_d(open_period.valid_from),
            )
        open_period.valid_to = on
    session.add(
        OrganizationParent(
            organization_id=org.id, parent_id=parent_id, valid_from=on, reason=reason
        )
    )
    org.parent_id = parent_id


def reparent_organization(
    db: Database, organization_id: int, new_parent_id: int, on: date
) -> OrganizationRow:
    """Place an organization under a new parent from `on`; the old placement stays history.

    Errors: `organization.cycle` when the new parent is inside the organization's own
    subtree; `organization.dissolved` (either side); `organization.same_parent`;
    `date.order` when `on` is before the current placement began.
    """
    with db.session("reparent_organization") as session:
        org = _get(session, organization_id)
        parent = _get(session, new_parent_id)
        for side in (org, parent):
            if side.dissolved_on is not None:
                raise PartydeskError(
                    "organization.dissolved", name=side.name, date=_d(side.dissolved_on)
                )
        if org.id in _ancestors(session, parent.id):
            raise PartydeskError("organization.cycle", child=org.name, parent=parent.name)
        if org.parent_id == parent.id:
            raise PartydeskError("organization.same_parent", name=org.name, parent=parent.name)
        _set_parent(session, org, parent.id, on, "reparent")
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
    Errors: `organization.same`, `organization.dissolved` (either side),
    `organization.cycle` (target inside the source), and the member errors of
    `move_membership` (target not a chi bộ while members move, date before a member's
    current membership began).
    """
    with db.session("merge_organizations") as session:
        source = _get(session, source_id)
        target = _get(session, target_id)
        if source.id == target.id:
            raise PartydeskError("organization.same", name=source.name)
        for side in (source, target):
            if side.dissolved_on is not None:
                raise PartydeskError(
                    "organization.dissolved", name=side.name, date=_d(side.dissolved_on)
                )
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
            _set_parent(session, child, target.id, on, "merge")
        source.dissolved_on = on
        source.dissolution_decision = decision
        source.merged_into_id = target.id
        return _row(target)


def dissolve_organization(
    db: Database, organization_id: int, on: date, decision: str = ""
) -> OrganizationRow:
    """Dissolve an organization that no longer has members or live child organizations.

    Errors: `organization.dissolved` (already), `field.invalid` while members or live
    child organizations remain.
    """
    with db.session("dissolve_organization") as session:
        org = _get(session, organization_id)
        if org.dissolved_on is not None:
            raise PartydeskError("organization.dissolved", name=org.name, date=_d(org.dissolved_on))
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


@dataclass(frozen=True)
class ParentPeriod:
    """Where an organization sat over [valid_from, valid_to)."""

    parent_id: int | None
    parent_name: str
    valid_from: date
    valid_to: date | None
    reason: str


@dataclass(frozen=True)
class OrganizationDetail:
    """Everything the organization page shows about one organization."""

    id: int
    code: str
    name: str
    short_name: str
    kind: str
    kind_label: str
    type_code: str | None
    type_name: str
    parent_id: int | None
    parent_name: str
    founded_on: date | None
    founding_decision: str
    dissolved_on: date | None
    dissolution_decision: str
    merged_into_id: int | None
    merged_into_name: str
    address: str
    notes: str
    holds_members: bool
    #: Members of the organization itself in counted statuses.
    direct_members: int
    #: Members of the whole subtree by status (every status, counted or not).
    members_by_status: dict[str, int] = field(default_factory=dict)
    parents: tuple[ParentPeriod, ...] = ()
    committee: tuple[CommitteeSeat, ...] = ()
    children: tuple[OrgNode, ...] = ()

    @property
    def subtree_members(self) -> int:
        """Members of the subtree in counted statuses."""
        return sum(self.members_by_status.get(s.value, 0) for s in COUNTED_STATUSES)


def _name_of(session: Session, organization_id: int | None) -> str:
    if organization_id is None:
        return ""
    return session.scalar(select(Organization.name).where(Organization.id == organization_id)) or ""


def organization_detail(db: Database, organization_id: int) -> OrganizationDetail:
    """One organization: fields, dated parent history, committee, counts, children.

    Errors: `organization.not_found`.
    """
    with db.reader() as session:
        org = _get(session, organization_id)
        type_name = ""
        if org.type_code:
            type_name = (
                session.scalar(
                    select(CatalogueItem.name).where(
                        CatalogueItem.catalogue == "org_type", CatalogueItem.code == org.type_code
                    )
                )
                or org.type_code
            )
        parent = aliased(Organization)
        periods = tuple(
            ParentPeriod(p.parent_id, name or "", p.valid_from, p.valid_to, p.reason)
            for p, name in session.execute(
                select(OrganizationParent, parent.name)
                .outerjoin(parent, parent.id == OrganizationParent.parent_id)
                .where(
                    OrganizationParent.organization_id == org.id,
                    OrganizationParent.deleted_at.is_(None),
                )
                .order_by(OrganizationParent.valid_from, OrganizationParent.id)
            )
        )
        ids = subtree_ids(session, org.id)
        by_status: dict[str, int] = {
            status: int(count)
            for status, count in session.execute(
                select(Member.status, func.count())
                .where(Member.organization_id.in_(ids), Member.deleted_at.is_(None))
                .group_by(Member.status)
            )
        }
        direct = (
            session.scalar(
                select(func.count())
                .select_from(Member)
                .where(Member.organization_id == org.id, Member.deleted_at.is_(None), counted())
            )
            or 0
        )
        try:
            holds = OrgKind(org.kind).holds_members
        except ValueError:
            holds = False
        return OrganizationDetail(
            id=org.id,
            code=org.code,
            name=org.name,
            short_name=org.short_name,
            kind=org.kind,
            kind_label=kind_label(org.kind),
            type_code=org.type_code,
            type_name=type_name,
            parent_id=org.parent_id,
            parent_name=_name_of(session, org.parent_id),
            founded_on=org.founded_on,
            founding_decision=org.founding_decision,
            dissolved_on=org.dissolved_on,
            dissolution_decision=org.dissolution_decision,
            merged_into_id=org.merged_into_id,
            merged_into_name=_name_of(session, org.merged_into_id),
            address=org.address,
            notes=org.notes,
            holds_members=holds,
            direct_members=direct,
            members_by_status=by_status,
            parents=periods,
            committee=tuple(committee_seats(session, org.id)),
            children=tuple(children_of(session, [org.id], include_dissolved=True)[org.id]),
        )


@dataclass(frozen=True)
class OrganizationUpdate:
    """The editable fields of an organization (kind, code and parent change elsewhere)."""

    name: str
    short_name: str = ""
    type_code: str | None = None
    founding_decision: str = ""
    founded_on: date | None = None
    address: str = ""
    notes: str = ""


def update_organization(
    db: Database, organization_id: int, data: OrganizationUpdate
) -> OrganizationRow:
    """Save the editable fields of an organization (the audit log keeps the old values).

    A changed founding date moves the start of the first parent period with it, so the
    tree answers "where did it sit" from its founding on.
    Errors: `organization.not_found`, `field.required` (name), `field.unknown_code`
    (type), `field.future_date`, `date.order` (founding after its first re-parenting).
    """
    with db.session("update_organization") as session:
        org = _get(session, organization_id)
        name = _clean_name(data.name)
        type_code = data.type_code or None
        CatalogueCodes(session).check("org_type", type_code, "Loại hình")
        if data.founded_on is not None and data.founded_on > date.today():
            raise ValidationError(
                "field.future_date", field="Ngày thành lập", value=_d(data.founded_on)
            )
        if data.founded_on != org.founded_on:
            _move_founding(session, org, data.founded_on)
        if name != org.name:
            org.name = name
            org.name_fold = fold(name)
        org.short_name = clean_text(data.short_name)
        org.type_code = type_code
        org.founding_decision = clean_text(data.founding_decision)
        org.founded_on = data.founded_on
        org.address = clean_text(data.address)
        org.notes = (data.notes or "").strip()
        return _row(org)


def _move_founding(session: Session, org: Organization, founded_on: date | None) -> None:
    first = session.scalars(
        select(OrganizationParent)
        .where(
            OrganizationParent.organization_id == org.id,
            OrganizationParent.deleted_at.is_(None),
        )
        .order_by(OrganizationParent.valid_from, OrganizationParent.id)
    ).first()
    if first is None or first.valid_from != (org.founded_on or TREE_EPOCH):
        return  # the first period was dated by hand: leave it alone
    start = founded_on or TREE_EPOCH
    if first.valid_to is not None and start >= first.valid_to:
        raise ValidationError(
            "date.order",
            later="Ngày trực thuộc mới",
            later_value=_d(first.valid_to),
            earlier="Ngày thành lập",
            earlier_value=_d(start),
        )
    first.valid_from = start


@dataclass(frozen=True)
class MergePreview:
    """What a merge would move, for the confirmation the user answers first."""

    organization_id: int
    name: str
    members: int
    children: int


def merge_preview(db: Database, source_id: int) -> MergePreview:
    """What a merge of `source_id` would move: members (candidates too), live children.

    Errors: `organization.not_found`, `organization.dissolved`.
    """
    with db.reader() as session:
        source = _get(session, source_id)
        if source.dissolved_on is not None:
            raise PartydeskError(
                "organization.dissolved", name=source.name, date=_d(source.dissolved_on)
            )
        child_count = (
            session.scalar(
                select(func.count())
                .select_from(Organization)
                .where(
                    Organization.parent_id == source.id,
                    Organization.dissolved_on.is_(None),
                    Organization.deleted_at.is_(None),
                )
            )
            or 0
        )
        return MergePreview(
            source.id, source.name, len(_live_members(session, source.id)), child_count
        )


@dataclass(frozen=True)
class OrganizationChoices:
    """Catalogue entries the organization forms offer."""

    org_types: tuple[CatalogueEntry, ...]
    committee_posts: tuple[CatalogueEntry, ...]


def organization_choices(db: Database) -> OrganizationChoices:
    """The `org_type` and `committee_post` catalogues, for combo boxes."""
    with db.reader() as session:
        return OrganizationChoices(
            tuple(list_catalogue(session, "org_type")),
            tuple(list_catalogue(session, "committee_post")),
        )
