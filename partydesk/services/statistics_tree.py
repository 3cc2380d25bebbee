"""The organization tree as it stood on a date, for the statistics (plain, read once).

The report groups members by grassroots organization as the tree stood on its last day:
`OrganizationParent` periods give each organization's parent on that day, so merges and
re-parenting after the date do not move members between rows of a past report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk.codes import OrgKind
from partydesk.db.models import Organization, OrganizationParent


@dataclass(frozen=True)
class OrgFact:
    """What the report needs to know of one organization."""

    id: int
    code: str
    name: str
    kind: str
    type_code: str | None
    sort_order: int
    founded_on: date | None
    dissolved_on: date | None


class TreeOnDate:
    """The organizations and their parents as they stood on a date."""

    def __init__(self, session: Session, on: date) -> None:
        self.on = on
        self.orgs = {
            row.id: OrgFact(
                row.id,
                row.code,
                row.name,
                row.kind,
                row.type_code,
                row.sort_order,
                row.founded_on,
                row.dissolved_on,
            )
            for row in session.execute(
                select(
                    Organization.id,
                    Organization.code,
                    Organization.name,
                    Organization.kind,
                    Organization.type_code,
                    Organization.sort_order,
                    Organization.founded_on,
                    Organization.dissolved_on,
                ).where(Organization.deleted_at.is_(None))
            )
        }
        self.parent: dict[int, int | None] = {}
        for org_id, parent_id in session.execute(
            select(OrganizationParent.organization_id, OrganizationParent.parent_id).where(
                OrganizationParent.deleted_at.is_(None),
                OrganizationParent.valid_from <= on,
                (OrganizationParent.valid_to.is_(None)) | (OrganizationParent.valid_to > on),
            )
        ):
            self.parent[org_id] = parent_id

    def exists(self, org_id: int) -> bool:
        """Whether the organization existed on the date (founded, placed, not dissolved)."""
        org = self.orgs.get(org_id)
        if org is None or org_id not in self.parent:
            return False
        if org.founded_on is not None and org.founded_on > self.on:
            return False
        return org.dissolved_on is None or org.dissolved_on > self.on

    def chain(self, org_id: int) -> list[int]:
        """`org_id` and its ancestors on the date, nearest first."""
        chain: list[int] = []
        current: int | None = org_id
        while current is not None and current not in chain:
            chain.append(current)
            current = self.parent.get(current)
        return chain

    def in_scope(self, org_id: int, root: int) -> bool:
        """Whether `org_id` is `root` or under it on the date."""
        return root in self.chain(org_id)

    def row_of(self, org_id: int | None, root: int) -> int | None:
        """The report row of an organization: its nearest grassroots ancestor in scope."""
        if org_id is None:
            return None
        chain = self.chain(org_id)
        if root not in chain:
            return None
        for node in chain[: chain.index(root) + 1]:
            org = self.orgs.get(node)
            if org is not None and is_grassroots(org.kind):
                return node
        return org_id

    def sort_key(self, org_id: int) -> tuple[int, str]:
        """The tree order of an organization (sort order, then code)."""
        org = self.orgs.get(org_id)
        return (org.sort_order, org.code) if org else (0, "")


def holds_members(kind: str) -> bool:
    """True for kinds where members have their activity (unknown kinds: False)."""
    try:
        return OrgKind(kind).holds_members
    except ValueError:
        return False


def is_grassroots(kind: str) -> bool:
    """True for grassroots organizations (unknown kinds: False)."""
    try:
        return OrgKind(kind).is_grassroots
    except ValueError:
        return False
