"""Incoming transfers through the office above: a member sent by one office, received by another.

Office A transfers a member out; its next package carries the letter (a `transfer` in
transit) up. The office above lists such letters (`transfers_in_transit`) and sends the
member's record, history and letter down to the office the member goes to, in a
`downward` package (`export_transfer_down`). That office previews it
(`incoming_transfer`) and receives the member into one of its branches
(`receive_transfer`): the record and its history come from the package, the arrival is
the ordinary transfer-in (`transfers.transfer_in`), so every rule of a transfer applies
and nothing is retyped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from partydesk import __version__
from partydesk.codes import EventKind, TransferDirection, TransferStatus
from partydesk.db.engine import Database
from partydesk.db.migrate import head_revision
from partydesk.db.models import (
    Member,
    MemberEvent,
    SyncPackageReceived,
    SyncPackageSent,
    SyncPartner,
    Transfer,
)
from partydesk.documents.package import Kind, OpenedPackage, PackageRecord, PackageSpec
from partydesk.documents.package import write_package as write_package_file
from partydesk.errors import PartydeskError, add_messages
from partydesk.services.member_input import HistoryItem, MemberInput
from partydesk.services.sync_export import open_epoch
from partydesk.services.sync_import import ALREADY, open_verified
from partydesk.services.sync_keys import Relation, ensure_office_keys, partner_public_key
from partydesk.services.sync_records import UuidMaps, row_record, select_rows, table_spec
from partydesk.services.transfer_queries import TransferDetail
from partydesk.services.transfers import OFFICIAL, TransferInInput, transfer_in

add_messages(
    {
        "sync.transfer_not_in_transit": (
            "Không có giấy giới thiệu đang trên đường mã {ref} từ đơn vị cấp dưới.",
            "No letter in transit from an office below with reference {ref}.",
        ),
        "sync.not_transfer_package": (
            "Gói này không mang đảng viên chuyển đến.",
            "This package carries no incoming member.",
        ),
    }
)

# Events made again from the dates of the record (admission) or by the arrival itself.
_DERIVED = {
    EventKind.CANDIDATE_REGISTERED.value,
    EventKind.ADMISSION_DECISION.value,
    EventKind.CEREMONY.value,
    EventKind.RECOGNITION.value,
    EventKind.TRANSFER_IN.value,
}


@dataclass(frozen=True)
class TransitTransfer:
    """A letter issued by an office below, not yet received anywhere."""

    transfer_uuid: str
    full_name: str
    birth_date: date | None
    from_office: str
    letter_no: str
    letter_date: date
    to_text: str


@dataclass(frozen=True)
class DownwardResult:
    """A downward package written."""

    path: Path
    package_uuid: str
    recipient: str


@dataclass(frozen=True)
class IncomingTransfer:
    """What a downward package brings: one member and the letter."""

    package_uuid: str
    status: str  # "ready" or ALREADY
    full_name: str
    birth_date: str
    from_text: str
    letter_no: str
    letter_date: str
    events: int


def transfers_in_transit(db: Database) -> list[TransitTransfer]:
    """Letters sent by offices below whose member has not arrived anywhere yet."""
    with db.reader() as session:
        names = dict(session.execute(select(SyncPartner.office_uuid, SyncPartner.name)).all())
        rows = session.execute(
            select(Transfer, Member.full_name, Member.birth_date)
            .join(Member, Transfer.member_id == Member.id)
            .where(
                Transfer.direction == TransferDirection.OUT.value,
                Transfer.status == TransferStatus.IN_TRANSIT.value,
                Transfer.deleted_at.is_(None),
                Transfer.origin_office.is_not(None),
            )
            .order_by(Transfer.letter_date)
        ).all()
        return [
            TransitTransfer(
                transfer.uuid,
                full_name,
                birth_date,
                names.get(transfer.origin_office or "", ""),
                transfer.letter_no,
                transfer.letter_date,
                transfer.to_text,
            )
            for transfer, full_name, birth_date in rows
        ]


def _partner_below(session: Any, ref: str) -> SyncPartner:
    for row in session.scalars(
        select(SyncPartner).where(SyncPartner.relation == Relation.BELOW.value)
    ).all():
        if ref in (row.office_uuid, row.name, row.fingerprint):
            return row
    raise PartydeskError("sync.unknown_partner", ref=ref)


def export_transfer_down(
    db: Database, transfer_uuid: str, to_office: str, out: Path
) -> DownwardResult:
    """Write a downward package with a member in transit, for the office receiving it.

    `to_office` is the UUID, name or fingerprint of an office below; the package holds the
    member of letter `transfer_uuid`, its history and the letter.

    Errors: sync.transfer_not_in_transit, sync.unknown_partner.
    """
    out = Path(out)
    with db.session("sync.export_downward") as session:
        keys, _ = ensure_office_keys(session)
        transfer = session.scalars(
            select(Transfer).where(
                Transfer.uuid == transfer_uuid,
                Transfer.direction == TransferDirection.OUT.value,
                Transfer.status == TransferStatus.IN_TRANSIT.value,
                Transfer.origin_office.is_not(None),
            )
        ).first()
        if transfer is None:
            raise PartydeskError("sync.transfer_not_in_transit", ref=transfer_uuid)
        partner = _partner_below(session, to_office)
        sender = session.scalars(
            select(SyncPartner).where(SyncPartner.office_uuid == transfer.origin_office)
        ).first()
        maps = UuidMaps(session)
        tables: dict[str, list[PackageRecord]] = {}
        for model, condition in (
            (Member, Member.id == transfer.member_id),
            (MemberEvent, MemberEvent.member_id == transfer.member_id),
            (Transfer, Transfer.id == transfer.id),
        ):
            spec = table_spec(model)
            query = select_rows(spec).where(condition, model.deleted_at.is_(None))
            tables[spec.name] = [
                row_record(spec, row, maps, keys.office_uuid)
                for row in session.execute(query).mappings()
            ]
        letter = tables["transfer"][0]
        # The receiving office reads where the member comes from in the letter itself.
        fields = dict(letter.fields)
        fields["from_text"] = fields.get("from_text") or (sender.name if sender else "")
        tables["transfer"] = [
            PackageRecord(
                letter.uuid,
                letter.version,
                letter.updated_at,
                letter.origin_office,
                letter.deleted,
                fields,
            )
        ]
        epoch = open_epoch(session).open_seq
        spec_out = PackageSpec(
            Kind.DOWNWARD, head_revision(), __version__, sequence_from=epoch, sequence_to=epoch
        )
        package = write_package_file(out, spec_out, tables, [], keys, partner_public_key(partner))
        session.add(
            SyncPackageSent(
                package_uuid=package.manifest.package_uuid,
                partner_id=partner.id,
                kind=Kind.DOWNWARD.value,
                seq_from=epoch,
                seq_to=epoch,
                file_name=out.name,
                file_sha256=package.file_sha256,
                counts_json=json.dumps(dict(package.manifest.counts)),
            )
        )
        return DownwardResult(out, package.manifest.package_uuid, partner.name)


def _open_transfer(session: Any, path: Path) -> tuple[OpenedPackage, PackageRecord, PackageRecord]:
    package = open_verified(session, path, None)
    if package.manifest.kind is not Kind.DOWNWARD:
        raise PartydeskError("sync.not_records", kind=str(package.manifest.kind))
    members = list(package.records("member"))
    letters = list(package.records("transfer"))
    if len(members) != 1 or len(letters) != 1:
        raise PartydeskError("sync.not_transfer_package")
    return package, members[0], letters[0]


def _already(session: Any, package: OpenedPackage) -> bool:
    return (
        session.scalars(
            select(SyncPackageReceived).where(
                SyncPackageReceived.package_uuid == package.manifest.package_uuid
            )
        ).first()
        is not None
    )


def incoming_transfer(db: Database, path: Path) -> IncomingTransfer:
    """Verify a downward package and say who it brings (nothing is written)."""
    with db.reader() as session:
        package, member, letter = _open_transfer(session, Path(path))
        return IncomingTransfer(
            package.manifest.package_uuid,
            ALREADY if _already(session, package) else "ready",
            str(member.fields.get("full_name", "")),
            str(member.fields.get("birth_date", "")),
            str(letter.fields.get("from_text", "")),
            str(letter.fields.get("letter_no", "")),
            str(letter.fields.get("letter_date", "")),
            sum(1 for _ in package.records("member_event")),
        )


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def _person(
    member: PackageRecord, events: list[PackageRecord], branch_id: int, letter_event: str | None
) -> MemberInput:
    fields = member.fields
    text_fields = {
        name: fields[name]
        for name in MemberInput.__dataclass_fields__
        if name in fields and isinstance(fields[name], str | bool | int) and name != "sex"
    }
    dates = {
        name: _day(fields.get(name))
        for name in (
            "birth_date",
            "youth_union_date",
            "decision_date",
            "ceremony_date",
            "official_date",
        )
    }
    history = tuple(
        HistoryItem(
            str(event.fields["kind"]),
            date.fromisoformat(str(event.fields["on_date"])),
            decision_no=str(event.fields.get("decision_no") or ""),
            counterpart=str(event.fields.get("counterpart") or ""),
            details_json=str(event.fields.get("details_json") or "{}"),
            note=str(event.fields.get("note") or ""),
        )
        for event in sorted(events, key=lambda e: str(e.fields.get("on_date")))
        if event.fields.get("kind") not in _DERIVED and event.uuid != letter_event
    )
    values: dict[str, Any] = {
        **text_fields,
        **{name: value for name, value in dates.items() if value is not None},
    }
    values.pop("branch_list_no", None)
    return MemberInput(
        **values,
        sex=str(fields.get("sex", "")),
        organization_id=branch_id,
        history=history,
    )


def receive_transfer(
    db: Database,
    path: Path,
    branch_id: int,
    arrived_on: date | None = None,
    today: date | None = None,
) -> TransferDetail | None:
    """Receive the member of a downward package into `branch_id` (a transfer-in).

    The record, its history and the letter come from the package; the arrival is
    `transfers.transfer_in`, with all its checks. Returns None when this package was
    already received (nothing changes). Errors: package.*, sync.not_records,
    sync.not_transfer_package, every error of `transfer_in`.
    """
    path = Path(path)
    with db.reader() as session:
        package, member, letter = _open_transfer(session, path)
        if _already(session, package):
            return None
        events = list(package.records("member_event"))
        partner_id = session.scalars(
            select(SyncPartner.id).where(
                SyncPartner.office_uuid == package.manifest.sender_office_uuid
            )
        ).one()
    letter_date = _day(letter.fields.get("letter_date"))
    assert letter_date is not None
    data = TransferInInput(
        letter_no=str(letter.fields.get("letter_no") or ""),
        letter_date=letter_date,
        from_text=str(letter.fields.get("from_text") or ""),
        person=_person(member, events, branch_id, letter.fields.get("event_uuid")),
        arrived_on=arrived_on,
        kind=OFFICIAL,
        dues_paid_through=str(letter.fields.get("dues_paid_through") or ""),
    )
    detail = transfer_in(db, data, today)
    # Recorded right after: a second receipt of the same package is then "đã nhận", and
    # even before, transfer_in refuses a second record with the same CCCD.
    with db.session("sync.receive_transfer") as session:
        session.add(
            SyncPackageReceived(
                package_uuid=package.manifest.package_uuid,
                partner_id=partner_id,
                kind=Kind.DOWNWARD.value,
                seq_from=package.manifest.sequence_from,
                seq_to=package.manifest.sequence_to,
                file_sha256=package.file_sha256,
                counts_json=json.dumps({"member": 1, "member_event": len(events)}),
            )
        )
    return detail
