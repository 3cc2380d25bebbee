"""The conflicts queue: records changed here and at the sender since they last agreed.

A conflict shows both versions field by field; a person keeps ours, takes theirs, or
takes theirs for chosen fields. Each resolution is one audited transaction. Keeping ours
records that their version was seen (so the same version does not conflict again) and
leaves ours as the newer one, to travel upward with the next delta.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk.db.base import utcnow
from partydesk.db.engine import Database
from partydesk.db.models import Member, MemberEvent, SyncConflict, SyncPartner
from partydesk.errors import PartydeskError, add_messages
from partydesk.services.members import refresh_state
from partydesk.services.sync_records import (
    TableSpec,
    UuidMaps,
    column_values,
    record_label,
    synced_spec,
)

add_messages(
    {
        "sync.conflict_not_found": (
            "Không có xung đột số {ref} đang chờ xử lý.",
            "No open conflict number {ref}.",
        ),
        "sync.conflict_field": (
            "Trường «{field}» không có trong bản ghi này. Các trường: {known}.",
            "The record has no field '{field}'. Fields: {known}.",
        ),
        "sync.conflict_no_fields": (
            "Chọn ít nhất một trường lấy theo bản gửi lên.",
            "Choose at least one field to take from their version.",
        ),
        "sync.conflict_record_gone": (
            "Bản ghi của xung đột số {ref} không còn ở đây.",
            "The record of conflict number {ref} is no longer here.",
        ),
    }
)


class Resolution(enum.StrEnum):
    """How a conflict was resolved."""

    OURS = "ours"  # giữ bản ở đây
    THEIRS = "theirs"  # lấy bản gửi lên
    FIELDS = "fields"  # lấy từng trường


@dataclass(frozen=True)
class FieldDiff:
    """One field of both versions."""

    field: str
    ours: Any
    theirs: Any

    @property
    def differs(self) -> bool:
        """True when the two versions disagree on this field."""
        return bool(self.ours != self.theirs)


@dataclass(frozen=True)
class ConflictInfo:
    """A conflict in the queue."""

    id: int
    table: str
    record_uuid: str
    label: str
    partner: str
    ours_version: int
    theirs_version: int
    status: str
    resolution: str
    created_at: datetime


@dataclass(frozen=True)
class ConflictDetail:
    """A conflict with its side-by-side fields (those that differ first)."""

    info: ConflictInfo
    fields: tuple[FieldDiff, ...]


def _info(row: SyncConflict, partner: str) -> ConflictInfo:
    ours, theirs = json.loads(row.ours_json), json.loads(row.theirs_json)
    return ConflictInfo(
        row.id,
        row.table_name,
        row.record_uuid,
        record_label(row.table_name, ours["fields"]),
        partner,
        int(ours["version"]),
        int(theirs["version"]),
        row.status,
        row.resolution,
        row.created_at,
    )


def list_conflicts(db: Database, *, include_resolved: bool = False) -> list[ConflictInfo]:
    """The conflicts waiting for a decision (and the resolved ones if asked), oldest first."""
    with db.reader() as session:
        names = dict(session.execute(select(SyncPartner.id, SyncPartner.name)).all())
        query = select(SyncConflict).order_by(SyncConflict.id)
        if not include_resolved:
            query = query.where(SyncConflict.status == "open")
        return [_info(row, names.get(row.partner_id, "")) for row in session.scalars(query)]


def _open_conflict(session: Session, conflict_id: int) -> SyncConflict:
    row = session.get(SyncConflict, conflict_id)
    if row is None or row.status != "open":
        raise PartydeskError("sync.conflict_not_found", ref=conflict_id)
    return row


def conflict_detail(db: Database, conflict_id: int) -> ConflictDetail:
    """Both versions of an open conflict, field by field (differing fields first)."""
    with db.reader() as session:
        row = _open_conflict(session, conflict_id)
        partner = session.get(SyncPartner, row.partner_id)
        ours, theirs = json.loads(row.ours_json), json.loads(row.theirs_json)
        names = sorted(set(ours["fields"]) | set(theirs["fields"]))
        diffs = [
            FieldDiff(name, ours["fields"].get(name), theirs["fields"].get(name)) for name in names
        ]
        diffs.append(FieldDiff("deleted", ours["deleted"], theirs["deleted"]))
        diffs.sort(key=lambda diff: not diff.differs)
        return ConflictDetail(_info(row, partner.name if partner else ""), tuple(diffs))


def _members_of(obj: Any) -> set[int]:
    """The member whose cached status and dates depend on `obj` (a member or its event)."""
    if isinstance(obj, Member):
        return {obj.id}
    if isinstance(obj, MemberEvent) and obj.member_id is not None:
        return {obj.member_id}
    return set()


def _refresh_members(session: Session, member_ids: set[int]) -> None:
    # A member's status, decision, ceremony and official dates are a cache of its events
    # (integrity.check compares them): taking the sender's event or member record must
    # leave them as if the taken version had been recorded here.
    session.flush()
    for member_id in sorted(member_ids):
        member = session.get(Member, member_id)
        if member is not None:
            refresh_state(session, member)


def _apply_fields(
    session: Session, spec: TableSpec, obj: Any, theirs: dict[str, Any], names: Iterable[str]
) -> None:
    wanted = set(names)
    values = column_values(
        spec, {k: v for k, v in theirs["fields"].items() if k in wanted}, UuidMaps(session)
    )
    for key, value in values.items():
        setattr(obj, key, value)
    if "deleted" in wanted:
        obj.deleted_at = (obj.deleted_at or utcnow()) if theirs["deleted"] else None


def resolve_conflict(
    db: Database,
    conflict_id: int,
    resolution: Resolution,
    fields: Iterable[str] = (),
) -> ConflictInfo:
    """Resolve an open conflict in one audited transaction.

    OURS keeps this office's record; THEIRS takes the sender's version whole; FIELDS takes
    the sender's value for each of `fields` (names as in `conflict_detail`) and keeps ours
    for the rest. Errors: sync.conflict_not_found, sync.conflict_field,
    sync.conflict_no_fields, sync.conflict_record_gone.
    """
    chosen = list(fields)
    with db.session(f"sync.resolve_conflict.{resolution.value}") as session:
        row = _open_conflict(session, conflict_id)
        spec = synced_spec(row.table_name)
        theirs = json.loads(row.theirs_json)
        obj = session.scalars(select(spec.model).where(spec.model.uuid == row.record_uuid)).first()
        if obj is None:
            raise PartydeskError("sync.conflict_record_gone", ref=conflict_id)
        their_version = int(theirs["version"])
        members = _members_of(obj)
        if resolution is Resolution.THEIRS:
            _apply_fields(session, spec, obj, theirs, [*theirs["fields"], "deleted"])
            # Their version whole: the record is theirs again, not a change made here.
            session.info.setdefault("versioned", set()).add(obj.uuid)
            obj.version = their_version
        elif resolution is Resolution.FIELDS:
            known = {*theirs["fields"], "deleted"}
            if not chosen:
                raise PartydeskError("sync.conflict_no_fields")
            for name in chosen:
                if name not in known:
                    raise PartydeskError(
                        "sync.conflict_field", field=name, known=", ".join(sorted(known))
                    )
            _apply_fields(session, spec, obj, theirs, chosen)
            # A merge is a change made here, newer than both (the flush adds one step).
            obj.version = max(obj.version or 1, their_version)
        obj.sync_base = their_version
        if resolution is not Resolution.OURS:
            _refresh_members(session, members | _members_of(obj))
        row.status = "resolved"
        row.resolution = resolution.value
        row.resolved_at = utcnow()
        session.flush()
        partner = session.get(SyncPartner, row.partner_id)
        return _info(row, partner.name if partner else "")
