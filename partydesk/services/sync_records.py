"""Which tables travel upward, and how a row becomes a package record and back.

Local ids never leave the database: a foreign key column `x_id` travels as the field
`x_uuid` (the referenced row's UUID) and is turned back into the receiver's id on import.
Binary columns stay home (`name_sort_key` is recomputed from the name; photos are not
sent in version 1). Dates travel as ISO text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, LargeBinary, select
from sqlalchemy.orm import Session

from partydesk.db.base import RecordMixin
from partydesk.db.models import (
    Cadre,
    CadreEvent,
    CadrePlanning,
    CadrePost,
    CadreTraining,
    CandidateIntroducer,
    CatalogueItem,
    CommitteeMember,
    DuesPayment,
    Member,
    MemberEvent,
    MemberRating,
    Membership,
    Organization,
    OrganizationParent,
    OrganizationRating,
    Transfer,
)
from partydesk.db.models import RuleParameterRow as RuleParameter
from partydesk.documents.package import PackageRecord
from partydesk.rules.names import name_sort_key

#: The registers an office sends upward, parents before children (foreign keys). The
#: register of issued documents stays home: its numbers are unique per issuing office
#: ("12-QĐ/ĐU" exists in every commune), so it cannot be merged at the office above.
UPWARD_MODELS: tuple[type[RecordMixin], ...] = (
    Organization,
    OrganizationParent,
    OrganizationRating,
    Member,
    CommitteeMember,
    Membership,
    MemberEvent,
    Transfer,
    CandidateIntroducer,
    MemberRating,
    DuesPayment,
    Cadre,
    CadrePost,
    CadreTraining,
    CadrePlanning,
    CadreEvent,
)

_SENT_TABLES = frozenset(model.__tablename__ for model in UPWARD_MODELS)  # type: ignore[attr-defined]

# Columns carried by the record line itself (or kept home), never in `fields`.
_SYNC_COLUMNS = frozenset(
    {"id", "uuid", "updated_at", "version", "sync_seq", "sync_base", "origin_office"}
)


@dataclass(frozen=True)
class Column:
    """One column of a table as it travels: its key, its field name, how to decode it."""

    key: str
    field: str
    kind: str  # "date", "datetime", "float", "int", "bool", "text"
    target: str | None  # referenced table for a foreign key
    nullable: bool


@dataclass(frozen=True)
class TableSpec:
    """A synchronised table: its model and its travelling columns."""

    name: str
    model: type[RecordMixin]
    columns: tuple[Column, ...]

    @property
    def foreign_keys(self) -> tuple[Column, ...]:
        """The columns that refer to another row (sent as UUIDs)."""
        return tuple(column for column in self.columns if column.target is not None)

    @property
    def plain_columns(self) -> tuple[Column, ...]:
        """The columns that are not references."""
        return tuple(column for column in self.columns if column.target is None)

    @cached_property
    def decoders(self) -> tuple[tuple[str, str, Callable[[Any], Any] | None], ...]:
        """(column key, field name, decoder or None for text) of the plain columns."""
        return tuple(
            (column.key, column.field, None if column.kind == "text" else _DECODERS[column.kind])
            for column in self.plain_columns
        )

    @cached_property
    def has_sort_key(self) -> bool:
        """True when the table keeps a name sort key (recomputed from `full_name`)."""
        return "name_sort_key" in self.model.__table__.c  # type: ignore[attr-defined]


def _kind(sql_type: Any) -> str:
    if isinstance(sql_type, DateTime):
        return "datetime"
    if isinstance(sql_type, Date):
        return "date"
    if isinstance(sql_type, Float):
        return "float"
    if isinstance(sql_type, Boolean):
        return "bool"
    if isinstance(sql_type, Integer):
        return "int"
    return "text"


_SPECS: dict[str, TableSpec] = {}


def table_spec(model: type[RecordMixin]) -> TableSpec:
    """The travelling columns of `model`'s table (worked out once per table)."""
    table = model.__table__  # type: ignore[attr-defined]
    if table.name in _SPECS:
        return _SPECS[table.name]
    columns = []
    for column in table.columns:
        if column.key in _SYNC_COLUMNS or isinstance(column.type, LargeBinary):
            continue
        target = None
        field = column.key
        if column.foreign_keys:
            target = next(iter(column.foreign_keys)).column.table.name
            if target not in _SENT_TABLES:
                continue  # a reference to a register that stays home (issued documents)
            field = column.key.removesuffix("_id") + "_uuid"
        columns.append(Column(column.key, field, _kind(column.type), target, column.nullable))
    spec = _SPECS[table.name] = TableSpec(table.name, model, tuple(columns))
    return spec


def upward_specs() -> tuple[TableSpec, ...]:
    """The specs of every table sent upward, in dependency order."""
    return tuple(table_spec(model) for model in UPWARD_MODELS)


def synced_spec(name: str) -> TableSpec:
    """The spec of a table that travels up or down (KeyError for any other table).

    Catalogue entries and rule rows only come down from the office above
    (services/sync_updates.py); conflicts on them are resolved like any other.
    """
    upward = spec_by_name()
    if name in upward:
        return upward[name]
    return {
        "catalogue_item": table_spec(CatalogueItem),
        "rule_parameter": table_spec(RuleParameter),
    }[name]


def spec_by_name() -> dict[str, TableSpec]:
    """Table name -> spec, for the tables this program synchronises."""
    return {spec.name: spec for spec in upward_specs()}


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _text(value: Any) -> Any:
    if not isinstance(value, str):
        raise TypeError("not a text")
    return value


def _bool(value: Any) -> Any:
    if not isinstance(value, bool):
        raise TypeError("not a boolean")
    return value


def _int(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("not an integer")
    return value


def _float(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError("not a number")
    return float(value)


_DECODERS = {
    "date": date.fromisoformat,
    "datetime": datetime.fromisoformat,
    "float": _float,
    "bool": _bool,
    "int": _int,
    "text": _text,
}


def decode(column: Column, value: Any) -> Any:
    """A field's JSON value as the column's Python value (ValueError/TypeError if bad)."""
    if value is None:
        return None
    return _DECODERS[column.kind](value)


def decoded_fields(spec: TableSpec, fields: Mapping[str, Any]) -> dict[str, Any]:
    """The plain (not foreign key) column values of an incoming record, decoded once.

    Raises ValueError naming the field whose value does not fit its column.
    """
    values: dict[str, Any] = {}
    for key, name, decoder in spec.decoders:
        if name not in fields:
            continue
        raw = fields[name]
        if raw is None or (decoder is None and type(raw) is str):
            values[key] = raw  # most columns are text: no call for them
            continue
        try:
            values[key] = (decoder or _text)(raw)
        except (TypeError, ValueError):
            raise ValueError(name) from None
    if "full_name" in values and spec.has_sort_key:
        values["name_sort_key"] = name_sort_key(values["full_name"] or "")
    return values


def resolved_references(
    spec: TableSpec, fields: Mapping[str, Any], maps: UuidMaps, *, skip: Iterable[str] = ()
) -> dict[str, Any]:
    """The foreign key columns of an incoming record as local ids (KeyError if unknown)."""
    values: dict[str, Any] = {}
    for column in spec.foreign_keys:
        if column.key in skip or column.field not in fields or column.target is None:
            continue
        raw = fields[column.field]
        local = maps.id_of(column.target, raw)
        if raw is not None and local is None:
            raise KeyError(column.field)
        values[column.key] = local
    return values


class UuidMaps:
    """id <-> uuid of the referenced tables, loaded once per table when first needed."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._to_uuid: dict[str, dict[int, str]] = {}
        self._to_id: dict[str, dict[str, int]] = {}

    def _load(self, table: str) -> None:
        model = _MODELS_BY_TABLE[table]
        pairs = self.session.execute(select(model.id, model.uuid)).all()
        self._to_uuid[table] = dict(pairs)
        self._to_id[table] = {record_uuid: row_id for row_id, record_uuid in pairs}

    def uuid_of(self, table: str, row_id: int | None) -> str | None:
        """The UUID of row `row_id` of `table` (None for None)."""
        if row_id is None:
            return None
        if table not in self._to_uuid:
            self._load(table)
        return self._to_uuid[table].get(row_id)

    def id_of(self, table: str, record_uuid: str | None) -> int | None:
        """The local id of the row with `record_uuid` (None if unknown here)."""
        if record_uuid is None:
            return None
        if table not in self._to_id:
            self._load(table)
        return self._to_id[table].get(record_uuid)

    def forget(self, table: str) -> None:
        """Reload `table` on next use (after rows were inserted)."""
        self._to_uuid.pop(table, None)
        self._to_id.pop(table, None)


_MODELS_BY_TABLE: dict[str, type[RecordMixin]] = {
    model.__tablename__: model  # type: ignore[attr-defined]
    for model in UPWARD_MODELS
}


def row_fields(spec: TableSpec, row: Mapping[Any, Any], maps: UuidMaps) -> dict[str, Any]:
    """The `fields` object of a row (a mapping of column key -> value)."""
    fields = {}
    for column in spec.columns:
        value = row[column.key]
        if column.target is not None:
            fields[column.field] = maps.uuid_of(column.target, value)
        else:
            fields[column.field] = _encode(value)
    return fields


def row_record(
    spec: TableSpec, row: Mapping[Any, Any], maps: UuidMaps, office_uuid: str
) -> PackageRecord:
    """A row of `spec`'s table as a package record (`office_uuid`: this office)."""
    return PackageRecord(
        uuid=row["uuid"],
        version=max(int(row["version"] or 1), 1),
        updated_at=row["updated_at"],
        origin_office=row["origin_office"] or office_uuid,
        deleted=row["deleted_at"] is not None,
        fields=row_fields(spec, row, maps),
    )


def select_rows(spec: TableSpec) -> Any:
    """SELECT of every column of `spec`'s table (rows as mappings)."""
    return select(*spec.model.__table__.columns)  # type: ignore[attr-defined]


def record_json(record: PackageRecord) -> dict[str, Any]:
    """A record as plain JSON (the conflicts queue keeps both sides like this)."""
    return {
        "uuid": record.uuid,
        "version": record.version,
        "updated_at": record.updated_at.isoformat(),
        "origin_office": record.origin_office,
        "deleted": record.deleted,
        "fields": dict(record.fields),
    }


def column_values(
    spec: TableSpec, fields: Mapping[str, Any], maps: UuidMaps, *, skip: Iterable[str] = ()
) -> dict[str, Any]:
    """The column values of an incoming record (foreign keys resolved to local ids).

    Raises KeyError naming the field whose referenced row is unknown here, ValueError
    naming a field whose value does not fit its column.
    """
    return decoded_fields(spec, fields) | resolved_references(spec, fields, maps, skip=skip)


def record_label(table: str, fields: Mapping[str, Any]) -> str:
    """A short human label of a record for previews (a name, a code, else the table)."""
    for key in ("full_name", "name", "code", "title", "kind"):
        value = fields.get(key)
        if isinstance(value, str) and value:
            return value
    return table
