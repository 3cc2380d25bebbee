"""Import planning: what each record of a verified package would do here, before any write.

Every record is classified as new, updated, unchanged, conflict or refused (with a
Vietnamese reason). Refusals: an organization outside what the sender may send, a
reference to a record that exists neither here nor in the package (or was refused), a
field of the wrong type, an organization code already used here by another organization.
A conflict is a record changed here since the sender's version was last applied
(`version` moved past `sync_base`) and changed at the sender too (its version is past
`sync_base`): it is queued, never overwritten.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk.db.models import Cadre, Member, Organization
from partydesk.documents.package import OpenedPackage, PackageRecord
from partydesk.services.sync_keys import in_scope, local_codes
from partydesk.services.sync_records import (
    TableSpec,
    UuidMaps,
    decoded_fields,
    record_label,
    row_record,
    select_rows,
    upward_specs,
)

_CHUNK = 2000


class Outcome(enum.StrEnum):
    """What importing a record does."""

    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    CONFLICT = "conflict"
    REFUSED = "refused"


OUTCOME_LABELS = {
    Outcome.NEW: "Mới",
    Outcome.UPDATED: "Cập nhật",
    Outcome.UNCHANGED: "Không đổi",
    Outcome.CONFLICT: "Xung đột",
    Outcome.REFUSED: "Từ chối",
}


@dataclass(frozen=True)
class PlannedRecord:
    """One record of the preview: what it is, what importing does, and why."""

    table: str
    record_uuid: str
    label: str
    outcome: Outcome
    reason: str = ""


@dataclass
class Action:
    """A planned record with what the apply step needs."""

    spec: TableSpec
    record: PackageRecord
    outcome: Outcome
    local_id: int | None = None
    reason: str = ""
    values: dict[str, Any] = field(default_factory=dict)  # plain columns, decoded
    agree: bool = False  # unchanged, but both sides now agree on the sender's version


@dataclass
class Plan:
    """Every record of a package, table by table in dependency order."""

    actions: list[Action] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Records per outcome (every outcome present, zero included)."""
        counts = {outcome.value: 0 for outcome in Outcome}
        for action in self.actions:
            counts[action.outcome.value] += 1
        return counts

    def refused(self) -> list[Action]:
        """The refused records."""
        return [action for action in self.actions if action.outcome is Outcome.REFUSED]

    def items(self) -> tuple[PlannedRecord, ...]:
        """The preview rows."""
        return tuple(
            PlannedRecord(
                action.spec.name,
                action.record.uuid,
                record_label(action.spec.name, action.record.fields),
                action.outcome,
                action.reason,
            )
            for action in self.actions
        )


def _local_state(
    session: Session, spec: TableSpec, uuids: list[str]
) -> dict[str, tuple[int, int, int | None]]:
    """Uuid -> (id, version, sync_base) of the rows of `uuids` that exist here."""
    model = spec.model
    state: dict[str, tuple[int, int, int | None]] = {}
    for start in range(0, len(uuids), _CHUNK):
        chunk = uuids[start : start + _CHUNK]
        query = select(model.uuid, model.id, model.version, model.sync_base).where(
            model.uuid.in_(chunk)
        )
        for record_uuid, row_id, version, base in session.execute(query):
            state[record_uuid] = (row_id, version or 1, base)
    return state


class _Scope:
    """Which organization a record belongs to: from the package as planned, or from here.

    Organizations, members and cadres are planned before the records that refer to them
    (`UPWARD_MODELS` order), so `learn` has seen them by the time they are asked for.
    """

    def __init__(self, session: Session, scope: frozenset[str]) -> None:
        self.session = session
        self.scope = scope
        self.codes = local_codes(session)
        # Loaded on first need: a delta of members alone never asks (50k rows spared).
        self._member_org: dict[str, str | None] | None = None
        self._cadre_org: dict[str, str | None] | None = None
        self._learnt_members: dict[str, str | None] = {}
        self._learnt_cadres: dict[str, str | None] = {}
        self._allowed_codes: dict[str, bool] = {}

    def _org_of(self, model: type[Member] | type[Cadre], record_uuid: str) -> str | None:
        learnt = self._learnt_members if model is Member else self._learnt_cadres
        if record_uuid in learnt:
            return learnt[record_uuid]
        loaded = self._member_org if model is Member else self._cadre_org
        if loaded is None:
            loaded = dict(
                self.session.execute(
                    select(model.uuid, Organization.uuid).join(
                        Organization, model.organization_id == Organization.id
                    )
                ).all()
            )
            if model is Member:
                self._member_org = loaded
            else:
                self._cadre_org = loaded
        return loaded.get(record_uuid)

    def _allowed(self, code: str) -> bool:
        allowed = self._allowed_codes.get(code)
        if allowed is None:
            allowed = self._allowed_codes[code] = in_scope(code, self.scope)
        return allowed

    def learn(self, table: str, record: PackageRecord) -> None:
        fields = record.fields
        if table == "organization" and isinstance(fields.get("code"), str):
            self.codes[record.uuid] = fields["code"]
        elif table == "member":
            self._learnt_members[record.uuid] = fields.get("organization_uuid")
        elif table == "cadre":
            self._learnt_cadres[record.uuid] = fields.get("organization_uuid")

    def organization_of(self, table: str, record: PackageRecord) -> str | None:
        if table == "organization":
            return record.uuid
        fields = record.fields
        for key in ("organization_uuid", "from_organization_uuid"):
            if fields.get(key):
                return str(fields[key])
        if fields.get("member_uuid"):
            return self._org_of(Member, str(fields["member_uuid"]))
        if fields.get("cadre_uuid"):
            return self._org_of(Cadre, str(fields["cadre_uuid"]))
        return None

    def refusal(self, table: str, record: PackageRecord, sender_name: str) -> str:
        self.learn(table, record)
        org = self.organization_of(table, record)
        code = self.codes.get(org) if org else None
        if code is not None and not self._allowed(code):
            return (
                f"Tổ chức «{code}» ngoài phạm vi «{sender_name}» được gửi"
                f" ({', '.join(sorted(self.scope))})."
            )
        return ""


class _Known:
    """UUIDs that a reference may point at: rows here, or accepted rows of the package."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.accepted: dict[str, set[str]] = {}
        self.refused: set[str] = set()
        self._local: dict[str, set[str]] = {}

    def _load(self, table: str) -> set[str]:
        if table not in self._local:
            spec = next(spec for spec in upward_specs() if spec.name == table)
            self._local[table] = set(self.session.scalars(select(spec.model.uuid)).all())
        return self._local[table]

    def problem(self, spec: TableSpec, fields: Any) -> str:
        for column in spec.foreign_keys:
            target = fields.get(column.field)
            if target is None or column.target is None:
                continue
            if target in self.refused:
                return f"Bản ghi liên quan ({column.field}) bị từ chối."
            if target in self.accepted.get(column.target, set()):
                continue
            if target not in self._load(column.target):
                return f"Thiếu bản ghi liên quan ({column.field}): không có ở đây và trong gói."
        return ""


def _classify(record: PackageRecord, local: tuple[int, int, int | None] | None) -> Outcome:
    if local is None:
        return Outcome.NEW
    _, version, base = local
    if base is None:
        # Born here (or kept here before sync): only a newer version from there counts.
        return Outcome.UPDATED if record.version > version else Outcome.UNCHANGED
    changed_there = record.version > base
    changed_here = version != base
    if not changed_there:
        return Outcome.UNCHANGED
    return Outcome.CONFLICT if changed_here else Outcome.UPDATED


def plan_package(
    session: Session, package: OpenedPackage, scope: frozenset[str], sender_name: str
) -> Plan:
    """Classify every record of `package` against this database (reads only)."""
    plan = Plan()
    scope_check = _Scope(session, scope)
    known = _Known(session)
    codes_here = {code: org_uuid for org_uuid, code in local_codes(session).items()}
    for spec in upward_specs():
        records = list(package.records(spec.name))
        if not records:
            continue
        state = _local_state(session, spec, [record.uuid for record in records])
        accepted = known.accepted.setdefault(spec.name, set())
        for record in _parents_first(spec, records):
            local = state.get(record.uuid)
            values: dict[str, Any] = {}
            reason = scope_check.refusal(spec.name, record, sender_name)
            if not reason:
                try:
                    values = decoded_fields(spec, record.fields)
                except ValueError as error:
                    reason = f"Giá trị không hợp lệ ở trường «{error}»."
            reason = reason or known.problem(spec, record.fields)
            if not reason and spec.name == "organization" and local is None:
                owner = codes_here.get(str(record.fields.get("code")))
                if owner is not None and owner != record.uuid:
                    reason = f"Mã tổ chức «{record.fields.get('code')}» đã có ở đơn vị này."
            if reason:
                known.refused.add(record.uuid)
                plan.actions.append(Action(spec, record, Outcome.REFUSED, None, reason))
                continue
            accepted.add(record.uuid)
            outcome = _classify(record, local)
            agree = False
            if (
                outcome is Outcome.CONFLICT
                and local is not None
                and _same(session, spec, record, local[0])
            ):
                # Changed on both sides to the same content (a decision made above and
                # applied below comes back up): not a conflict, and from now on agreed.
                outcome, agree = Outcome.UNCHANGED, True
            note = ""
            if outcome is Outcome.CONFLICT:
                note = "Đã sửa ở cả hai nơi từ lần đồng bộ trước: cần chọn bản giữ lại."
            local_id = local[0] if local else None
            action = Action(spec, record, outcome, local_id, note, values, agree)
            plan.actions.append(action)
    return plan


def _same(session: Session, spec: TableSpec, record: PackageRecord, local_id: int) -> bool:
    """True when the row here holds exactly the incoming record's fields and tombstone."""
    table = spec.model.__table__  # type: ignore[attr-defined]
    row = session.execute(select_rows(spec).where(table.c.id == local_id)).mappings().one()
    ours = row_record(spec, row, UuidMaps(session), "")
    return ours.deleted == record.deleted and dict(ours.fields) == dict(record.fields)


def _parents_first(spec: TableSpec, records: list[PackageRecord]) -> Iterable[PackageRecord]:
    """Records of a self-referencing table (organizations) with parents before children."""
    self_refs = [column.field for column in spec.foreign_keys if column.target == spec.name]
    if not self_refs:
        return records
    by_uuid = {record.uuid: record for record in records}
    done: set[str] = set()
    ordered: list[PackageRecord] = []

    def visit(record: PackageRecord, depth: int) -> None:
        if record.uuid in done or depth > len(records):
            return
        for name in self_refs:
            parent = by_uuid.get(str(record.fields.get(name)))
            if parent is not None and parent.uuid != record.uuid:
                visit(parent, depth + 1)
        done.add(record.uuid)
        ordered.append(record)

    for record in records:
        visit(record, 0)
    return ordered
