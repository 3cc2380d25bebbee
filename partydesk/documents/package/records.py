"""The lines of a package: one JSON object per record (records/<table>.jsonl) or audit entry.

A record line carries the sync columns every partydesk table has (`RecordMixin`): UUID,
version, last update, the office where the record was born, whether it is a tombstone,
and the table's own columns under "fields". Keeping the sync columns apart from "fields"
means no table column can ever be mistaken for one of them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from partydesk.documents.package.canonical import canonical_bytes, normalized, parse_timestamp
from partydesk.documents.package.errors import PackageError

# The canonical text form of a UUID (what str(uuid.UUID(...)) gives): lower-case hex.
UUID_TEXT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
RECORD_FIELDS = ("uuid", "version", "updated_at", "origin_office", "deleted", "fields")
AUDIT_FIELDS = (
    "at",
    "actor",
    "action",
    "table",
    "record_uuid",
    "transaction_uuid",
    "before",
    "after",
)


@dataclass(frozen=True, slots=True)
class PackageRecord:
    """One record of a table: sync columns and the table's fields (plain JSON values).

    `updated_at` is naive UTC, like the database's columns. A tombstone (`deleted`) keeps
    its UUID and version so the office above can remove the record too.
    """

    uuid: str
    version: int
    updated_at: datetime
    origin_office: str
    deleted: bool = False
    fields: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The record's JSON object as written on its line."""
        return {
            "uuid": self.uuid,
            "version": self.version,
            "updated_at": self.updated_at,
            "origin_office": self.origin_office,
            "deleted": self.deleted,
            "fields": self.fields,
        }


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One audit entry behind the records: who changed what, when, before and after."""

    at: datetime
    actor: str
    action: str
    table: str
    record_uuid: str | None
    transaction_uuid: str
    before: Mapping[str, Any] | None = None
    after: Mapping[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        """The audit entry's JSON object as written on its line."""
        return {name: getattr(self, name) for name in AUDIT_FIELDS}


def _bad(name: str) -> PackageError:
    return PackageError("package.bad_record", field=name)


def _uuid(value: object, name: str) -> str:
    if isinstance(value, str) and UUID_TEXT.fullmatch(value):
        return value
    raise _bad(name)


def _timestamp(value: object, name: str) -> datetime:
    moment = parse_timestamp(value)
    if moment is None:
        raise _bad(name)
    return moment


def _object_or_none(value: object, name: str) -> Mapping[str, Any] | None:
    if value is not None and not isinstance(value, dict):
        raise _bad(name)
    return value


def parse_record(data: object) -> PackageRecord:
    """The record in a parsed JSON line; PackageError package.bad_record names the field."""
    if not isinstance(data, dict):
        raise _bad("{}")
    for name in RECORD_FIELDS:
        if name not in data:
            raise _bad(name)
    version = data["version"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _bad("version")
    if not isinstance(data["deleted"], bool):
        raise _bad("deleted")
    fields = data["fields"]
    if not isinstance(fields, dict):
        raise _bad("fields")
    return PackageRecord(
        uuid=_uuid(data["uuid"], "uuid"),
        version=version,
        updated_at=_timestamp(data["updated_at"], "updated_at"),
        origin_office=_uuid(data["origin_office"], "origin_office"),
        deleted=data["deleted"],
        fields=fields,
    )


def parse_audit(data: object) -> AuditRecord:
    """The audit entry in a parsed JSON line; PackageError package.bad_record names the field."""
    if not isinstance(data, dict):
        raise _bad("{}")
    for name in AUDIT_FIELDS:
        if name not in data:
            raise _bad(name)
    for name in ("actor", "action", "table"):
        if not isinstance(data[name], str):
            raise _bad(name)
    record_uuid = data["record_uuid"]
    return AuditRecord(
        at=_timestamp(data["at"], "at"),
        actor=data["actor"],
        action=data["action"],
        table=data["table"],
        record_uuid=None if record_uuid is None else _uuid(record_uuid, "record_uuid"),
        transaction_uuid=_uuid(data["transaction_uuid"], "transaction_uuid"),
        before=_object_or_none(data["before"], "before"),
        after=_object_or_none(data["after"], "after"),
    )


def _check_record(record: PackageRecord) -> None:
    """The checks of `parse_record` on a record already typed (no JSON round trip)."""
    _uuid(record.uuid, "uuid")
    version = record.version
    if type(version) is not int or version < 1:
        raise _bad("version")
    if not isinstance(record.updated_at, datetime):
        raise _bad("updated_at")
    _uuid(record.origin_office, "origin_office")
    if type(record.deleted) is not bool:
        raise _bad("deleted")
    if not isinstance(record.fields, Mapping):
        raise _bad("fields")


def record_line(record: PackageRecord | Mapping[str, Any]) -> tuple[str, bytes]:
    """A record's UUID and canonical line (newline included), checked like the reader does.

    A mapping must have the line's shape (RECORD_FIELDS; other keys are dropped);
    PackageError package.bad_record otherwise, so the writer never produces a line the
    reader would refuse.
    """
    if isinstance(record, PackageRecord):
        _check_record(record)
    else:
        record = parse_record(normalized({k: record[k] for k in RECORD_FIELDS if k in record}))
    return record.uuid, canonical_bytes(record.to_json()) + b"\n"


def audit_line(entry: AuditRecord | Mapping[str, Any]) -> bytes:
    """An audit entry's canonical line (newline included), checked like the reader does."""
    source = entry.to_json() if isinstance(entry, AuditRecord) else entry
    data = normalized({name: source[name] for name in AUDIT_FIELDS if name in source})
    parse_audit(data)
    return canonical_bytes(data) + b"\n"


def checked_record(data: dict[str, Any]) -> PackageRecord:
    """A record from a line the reader has already checked with `parse_record`."""
    return PackageRecord(
        data["uuid"],
        data["version"],
        datetime.fromisoformat(data["updated_at"][:-1]),
        data["origin_office"],
        data["deleted"],
        data["fields"],
    )
