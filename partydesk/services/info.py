"""`partydesk info`: counts of the registers, for the overview and the command line."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, text

from partydesk.db.engine import Database
from partydesk.db.models import AuditEntry, Cadre, CadrePost, Member, MemberEvent, Organization


@dataclass(frozen=True)
class RegisterCounts:
    """Counts by register and by status/kind."""

    organizations_by_kind: dict[str, int]
    members_by_status: dict[str, int]
    events: int
    cadres: int
    cadre_posts: int
    audit_entries: int
    file_size: int | None


def register_counts(db: Database) -> RegisterCounts:
    """Count live records of every register."""
    with db.reader() as session:
        orgs = dict(
            session.execute(
                select(Organization.kind, func.count())
                .where(Organization.deleted_at.is_(None), Organization.dissolved_on.is_(None))
                .group_by(Organization.kind)
            ).all()
        )
        statuses = dict(
            session.execute(
                select(Member.status, func.count())
                .where(Member.deleted_at.is_(None))
                .group_by(Member.status)
            ).all()
        )

        def count(model: type) -> int:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)

        size = db.path.stat().st_size if db.path is not None and db.path.exists() else None
        if not db.is_sqlite:
            # A server database has no file: report what the server stores for it.
            size = session.scalar(text("SELECT pg_database_size(current_database())"))
        return RegisterCounts(
            orgs,
            statuses,
            count(MemberEvent),
            count(Cadre),
            count(CadrePost),
            count(AuditEntry),
            size,
        )
