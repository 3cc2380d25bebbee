"""Audit every ORM write mechanically, so no use case can forget its audit entry.

A `before_flush` listener turns each new, changed or deleted record into an `AuditEntry`
with the values before and after (changed columns only for updates). Bulk writes that
bypass the ORM write their own entries through `audit_bulk`. The audit log lives in the
database, never in log files: it holds personal data.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, sessionmaker

from partydesk.db.base import RecordMixin, new_uuid, utcnow
from partydesk.db.models.audit import AuditEntry

# Columns that are derived or too large to be worth keeping twice.
_SKIPPED_COLUMNS = frozenset(
    {
        "name_sort_key",
        "name_fold",
        "other_names_fold",
        "image",
        "updated_at",
        "version",
        "sync_seq",
        "sync_base",
        "origin_office",
    }
)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def _dump(values: dict[str, Any]) -> str:
    return json.dumps(values, ensure_ascii=False, sort_keys=True, default=str)


def record_values(obj: Any) -> dict[str, Any]:
    """The column values of a mapped object, as JSON-friendly plain values."""
    mapper = inspect(obj).mapper
    return {
        column.key: _plain(getattr(obj, column.key))
        for column in mapper.column_attrs
        if column.key not in _SKIPPED_COLUMNS
    }


def _transaction_uuid(session: Session) -> str:
    tx: str = session.info.setdefault("transaction_uuid", new_uuid())
    return tx


def _entry(session: Session, actor: str, obj: Any, before: Any, after: Any) -> dict[str, Any]:
    return {
        "at": utcnow(),
        "actor": actor,
        "action": session.info.get("action") or "edit",
        "table_name": obj.__tablename__,
        "record_uuid": getattr(obj, "uuid", None),
        "before_json": None if before is None else _dump(before),
        "after_json": None if after is None else _dump(after),
        "transaction_uuid": _transaction_uuid(session),
    }


def _changes(obj: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in _SKIPPED_COLUMNS:
            continue
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if old == new:
            continue
        before[attr.key] = _plain(old)
        after[attr.key] = _plain(new)
    return before, after


def _end_transaction(session: Session) -> None:
    for key in ("transaction_uuid", "created", "versioned"):
        session.info.pop(key, None)


def install_audit(factory: sessionmaker[Session], actor: str) -> None:
    """Attach the audit listener to every session `factory` makes."""

    @event.listens_for(factory, "before_flush")
    def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
        entries: list[dict[str, Any]] = []
        created = session.info.setdefault("created", set())
        for obj in session.new:
            if isinstance(obj, AuditEntry):
                continue
            if isinstance(obj, RecordMixin):
                if obj.uuid is None:
                    obj.uuid = new_uuid()
                created.add(obj.uuid)
            entries.append(_entry(session, actor, obj, None, record_values(obj)))
        for obj in session.dirty:
            if isinstance(obj, AuditEntry) or not session.is_modified(obj):
                continue
            before, after = _changes(obj)
            if not after:
                continue
            # One version step per transaction, however many flushes it takes.
            bumped = session.info.setdefault("versioned", set())
            if isinstance(obj, RecordMixin) and obj.uuid not in bumped and obj.uuid not in created:
                obj.version = (obj.version or 0) + 1
                bumped.add(obj.uuid)
            entries.append(_entry(session, actor, obj, before, after))
        for obj in session.deleted:
            entries.append(_entry(session, actor, obj, record_values(obj), None))
        if entries:
            session.execute(insert(AuditEntry), entries)

    @event.listens_for(factory, "after_commit")
    def _after_commit(session: Session) -> None:
        _end_transaction(session)

    @event.listens_for(factory, "after_rollback")
    def _after_rollback(session: Session) -> None:
        _end_transaction(session)


def audit_bulk(
    session: Session,
    action: str,
    table_name: str,
    record_uuids: list[str],
    summary: dict[str, Any],
) -> None:
    """One audit entry for a bulk write that bypassed the ORM (imports, demo builds).

    The entry lists every record UUID written; the records themselves carry their values.
    """
    session.execute(
        insert(AuditEntry),
        [
            {
                "at": utcnow(),
                "actor": session.info.get("actor", "unknown"),
                "action": action,
                "table_name": table_name,
                "record_uuid": None,
                "before_json": None,
                "after_json": _dump({**summary, "count": len(record_uuids), "uuids": record_uuids}),
                "transaction_uuid": _transaction_uuid(session),
            }
        ],
    )
