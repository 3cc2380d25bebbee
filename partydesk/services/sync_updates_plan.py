"""Planning a downward update package: what each record would do at the office below.

Catalogue entries, rule rows and member events from the office above are classified as
new, updated, unchanged, conflict or refused (with a Vietnamese reason) before any write;
services/sync_updates.py verifies, previews and applies. docs/sync.md §9 has the table of
rules.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk.codes import EventKind
from partydesk.db.models import CatalogueItem, Member, MemberEvent, RuleParameterRow
from partydesk.documents.package import OpenedPackage, PackageRecord
from partydesk.errors import PartydeskError
from partydesk.services.catalogues import ENTRY_COLUMNS, entry_content, shipped_entries
from partydesk.services.rule_admin import validate_value
from partydesk.services.rule_table import load_rule_table
from partydesk.services.sync_plan import Action, Outcome, Plan, PlannedRecord
from partydesk.services.sync_records import TableSpec, UuidMaps, decoded_fields, table_spec

#: The tables an update package may carry, in the order they are applied.
UPDATE_TABLES = ("catalogue_item", "rule_parameter", "member_event")

#: Steps a member takes once: the office below recording the same one itself is a conflict.
ONCE_KINDS = frozenset(
    kind.value
    for kind in (
        EventKind.CANDIDATE_REGISTERED,
        EventKind.BRANCH_RESOLUTION,
        EventKind.GRASSROOTS_RESOLUTION,
        EventKind.ADMISSION_DECISION,
        EventKind.CEREMONY,
        EventKind.RECOGNITION_BRANCH_RESOLUTION,
        EventKind.RECOGNITION,
        EventKind.RECOGNITION_FAILED,
    )
)


@dataclass
class UpdatePlan(Plan):
    """A plan whose UNCHANGED catalogue entries may still adopt the sender's UUID."""

    adopt: set[str] = field(default_factory=set)
    labels: dict[str, str] = field(default_factory=dict)

    def items(self) -> tuple[PlannedRecord, ...]:
        """The preview rows, labelled for people (a rule's key and date, a member's name)."""
        labels = self.labels
        return tuple(
            PlannedRecord(
                action.spec.name,
                action.record.uuid,
                labels.get(action.record.uuid, action.spec.name),
                action.outcome,
                action.reason,
            )
            for action in self.actions
        )


def _by_version(record: PackageRecord, version: int, base: int | None) -> Outcome:
    """A record received before (`base` set): the same rule as an upward import."""
    if base is None or record.version <= base:
        return Outcome.UNCHANGED
    return Outcome.CONFLICT if version != base else Outcome.UPDATED


_CONFLICT = "Đã sửa ở đơn vị này từ lần đồng bộ trước: cần chọn bản giữ lại."


def _decode(spec: TableSpec, record: PackageRecord) -> tuple[dict[str, Any], str]:
    try:
        return decoded_fields(spec, record.fields), ""
    except ValueError as error:
        return {}, f"Giá trị không hợp lệ ở trường «{error}»."


def _plan_catalogue(session: Session, package: OpenedPackage, plan: UpdatePlan) -> None:
    spec = table_spec(CatalogueItem)
    records = list(package.records(spec.name))
    if not records:
        return
    shipped = shipped_entries()
    rows = session.scalars(
        select(CatalogueItem).where(
            CatalogueItem.code.in_({str(r.fields.get("code")) for r in records})
        )
    ).all()
    by_uuid = {row.uuid: row for row in rows}
    by_key = {(row.catalogue, row.code): row for row in rows}
    for record in records:
        values, reason = _decode(spec, record)
        key = (str(values.get("catalogue") or ""), str(values.get("code") or ""))
        plan.labels[record.uuid] = f"{key[0]} {key[1]} «{values.get('name', '')}»"
        if not reason and not (key[0] and key[1] and values.get("name")):
            reason = "Mục danh mục thiếu danh mục, mã hoặc tên."
        if reason:
            plan.actions.append(Action(spec, record, Outcome.REFUSED, None, reason))
            continue
        row = by_uuid.get(record.uuid) or by_key.get(key)
        if row is None:
            plan.actions.append(Action(spec, record, Outcome.NEW, None, "", values))
            continue
        theirs = {name: values.get(name) for name in ENTRY_COLUMNS}
        ours = entry_content(row)
        if row.sync_base is not None:
            outcome = _by_version(record, row.version or 1, row.sync_base)
        elif ours == theirs:
            outcome = Outcome.UNCHANGED
            plan.adopt.add(record.uuid)  # same content: from now on the entry is theirs
        elif key not in shipped or ours != shipped[key]:
            outcome = Outcome.CONFLICT  # an entry this office changed itself
        else:
            outcome = Outcome.UPDATED
        if outcome is Outcome.CONFLICT and ours == theirs:
            outcome = Outcome.UNCHANGED
            plan.adopt.add(record.uuid)
        note = _CONFLICT if outcome is Outcome.CONFLICT else ""
        plan.actions.append(Action(spec, record, outcome, row.id, note, values))


def _plan_rules(session: Session, package: OpenedPackage, plan: UpdatePlan) -> None:
    spec = table_spec(RuleParameterRow)
    records = list(package.records(spec.name))
    if not records:
        return
    table = load_rule_table(session)
    rows = session.scalars(select(RuleParameterRow)).all()
    by_uuid = {row.uuid: row for row in rows}
    live: dict[tuple[Any, Any], RuleParameterRow] = {
        (row.key, row.valid_from): row
        for row in rows
        if not row.is_default and row.deleted_at is None
    }
    for record in records:
        values, reason = _decode(spec, record)
        key, valid_from = values.get("key"), values.get("valid_from")
        plan.labels[record.uuid] = f"{key} từ {valid_from:%d/%m/%Y}" if valid_from else str(key)
        if not reason and values.get("is_default"):
            reason = "Giá trị mặc định của chương trình không được gửi xuống."
        if not reason and not record.deleted:
            try:
                validate_value(str(key), json.loads(str(values.get("value_json"))), table)
            except PartydeskError as error:
                reason = str(error)
            except ValueError:
                reason = "Giá trị không đọc được."
        if reason:
            plan.actions.append(Action(spec, record, Outcome.REFUSED, None, reason))
            continue
        row = by_uuid.get(record.uuid)
        if row is not None:
            outcome = _by_version(record, row.version or 1, row.sync_base)
            note = _CONFLICT if outcome is Outcome.CONFLICT else ""
            plan.actions.append(Action(spec, record, outcome, row.id, note, values))
            continue
        mine = live.get((key, valid_from))
        if mine is not None and not record.deleted:
            note = "Đơn vị này đã tự nhập giá trị cho tham số này từ cùng ngày."
            plan.actions.append(Action(spec, record, Outcome.CONFLICT, mine.id, note, values))
            continue
        plan.actions.append(Action(spec, record, Outcome.NEW, None, "", values))


def _plan_events(session: Session, package: OpenedPackage, plan: UpdatePlan) -> None:
    spec = table_spec(MemberEvent)
    records = list(package.records(spec.name))
    if not records:
        return
    maps = UuidMaps(session)
    rows = session.scalars(
        select(MemberEvent).where(MemberEvent.uuid.in_([r.uuid for r in records]))
    ).all()
    by_uuid = {row.uuid: row for row in rows}
    # Members and their live events read once for the whole package, not per record.
    member_ids = {maps.id_of("member", record.fields.get("member_uuid")) for record in records} - {
        None
    }
    names: dict[int, str] = {}
    steps: dict[tuple[int, str], list[tuple[int, Any]]] = {}
    ordered = sorted(member_id for member_id in member_ids if member_id is not None)
    for start in range(0, len(ordered), 2000):
        chunk = ordered[start : start + 2000]
        names.update(
            session.execute(select(Member.id, Member.full_name).where(Member.id.in_(chunk))).all()
        )
        for event_id, owner, step, on_date in session.execute(
            select(MemberEvent.id, MemberEvent.member_id, MemberEvent.kind, MemberEvent.on_date)
            .where(MemberEvent.member_id.in_(chunk), MemberEvent.deleted_at.is_(None))
            .order_by(MemberEvent.id)
        ):
            steps.setdefault((owner, step), []).append((event_id, on_date))
    for record in records:
        values, reason = _decode(spec, record)
        member_id = maps.id_of("member", record.fields.get("member_uuid"))
        org_uuid = record.fields.get("organization_uuid")
        name = names.get(member_id) if member_id is not None else None
        kind = str(values.get("kind") or "")
        try:
            kind_label = EventKind(kind).label
        except ValueError:
            kind_label = kind
            reason = reason or f"Loại sự kiện «{kind}» không có ở chương trình này."
        plan.labels[record.uuid] = f"{kind_label} — {name or '?'}"
        if not reason and name is None:
            reason = "Đảng viên của quyết định không có ở đơn vị này."
        if not reason and org_uuid and maps.id_of("organization", org_uuid) is None:
            reason = "Tổ chức của quyết định không có ở đơn vị này."
        if reason:
            plan.actions.append(Action(spec, record, Outcome.REFUSED, None, reason))
            continue
        row = by_uuid.get(record.uuid)
        if row is not None:
            outcome = _by_version(record, row.version or 1, row.sync_base)
            note = _CONFLICT if outcome is Outcome.CONFLICT else ""
            plan.actions.append(Action(spec, record, outcome, row.id, note, values))
            continue
        assert member_id is not None
        mine = [
            event_id
            for event_id, on_date in steps.get((member_id, kind), [])
            if kind in ONCE_KINDS or on_date == values.get("on_date")
        ]
        if mine and not record.deleted:
            note = f"Đơn vị này đã tự ghi bước «{kind_label}» cho đảng viên này."
            plan.actions.append(Action(spec, record, Outcome.CONFLICT, mine[0], note, values))
            continue
        plan.actions.append(Action(spec, record, Outcome.NEW, None, "", values))


def plan_updates(session: Session, package: OpenedPackage) -> UpdatePlan:
    """Classify every record of a verified update package against this database (reads)."""
    plan = UpdatePlan()
    _plan_catalogue(session, package, plan)
    _plan_rules(session, package, plan)
    _plan_events(session, package, plan)
    return plan
