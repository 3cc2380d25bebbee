"""Sync refusals at the service level: every bad package is refused with its code and
the database is left exactly as it was; stopping an export leaves nothing behind."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from partydesk import __version__
from partydesk.db.base import utcnow
from partydesk.db.models import Member, SyncKey, SyncPackageSent, SyncPartner, SyncState
from partydesk.documents.package import Kind, PackageSpec, write_package
from partydesk.documents.package import progress as package_progress
from partydesk.errors import PartydeskError
from partydesk.services import sync_export, sync_import, sync_receipts
from partydesk.services.sync_keys import key_info, office_keys, partner_public_key
from tests.helpers import snapshot
from tests.integration.sync_offices import Offices, build_offices, copy_offices


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sync-refusals")
    build_offices(folder, members=15)
    return folder


@pytest.fixture
def offices(template: Path, tmp_path: Path) -> Iterator[Offices]:
    made = copy_offices(template, tmp_path / "offices")
    yield made
    made.close()


def _refused(offices: Offices, db_name: str, path: Path, code: str, **options: object) -> None:
    db = getattr(offices, db_name)
    before = snapshot(offices.paths()[db_name])
    with pytest.raises(PartydeskError) as caught:
        sync_import.import_package(db, path, **options)  # type: ignore[arg-type]
    assert caught.value.code == code
    assert caught.value.message("vi")
    assert snapshot(offices.paths()[db_name]) == before


def test_wrong_recipient_and_tampered_file(offices: Offices) -> None:
    package = offices.folder / "a.pdpkg"
    sync_export.export_package(offices.a, package, full=True)
    # B is not the recipient (and has no key registered for A).
    _refused(offices, "b", package, "package.wrong_recipient")
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = offices.folder / "tampered.pdpkg"
    tampered.write_bytes(bytes(data))
    _refused(offices, "above", tampered, "package.decrypt_failed")


def test_unknown_sender(offices: Offices) -> None:
    package = offices.folder / "b.pdpkg"
    sync_export.export_package(offices.b, package, full=True)
    with offices.above.session("test.forget") as session:
        partner = session.scalars(
            select(SyncPartner).where(SyncPartner.name == "Đảng ủy xã Bảo Lâm")
        ).first()
        assert partner is not None
        session.delete(partner)
    _refused(offices, "above", package, "package.unknown_sender")


def test_schema_mismatch(offices: Offices) -> None:
    keys = office_keys(offices.a)
    with offices.a.reader() as session:
        above = partner_public_key(session.scalars(select(SyncPartner)).one())
    old = offices.folder / "old.pdpkg"
    spec = PackageSpec(Kind.FULL, "0001", __version__, sequence_from=0, sequence_to=1)
    write_package(old, spec, {}, [], keys, above)
    _refused(offices, "above", old, "sync.schema_mismatch")


def test_a_receipt_is_not_a_data_package_and_names_a_package_sent(offices: Offices) -> None:
    package = offices.folder / "b.pdpkg"
    sync_export.export_package(offices.b, package, full=True)
    receipt = offices.folder / "rb.pdpkg"
    sync_import.import_package(offices.above, package, receipt=receipt)
    # A receipt imported as data, at the office that did send that package: refused.
    _refused(offices, "b", receipt, "sync.not_records")
    # B's receipt is encrypted for B: A cannot even open it.
    before = snapshot(offices.paths()["a"])
    with pytest.raises(PartydeskError) as caught:
        sync_receipts.import_receipt(offices.a, receipt)
    assert caught.value.code == "package.wrong_recipient"
    assert snapshot(offices.paths()["a"]) == before


def test_references_to_records_the_office_above_lacks_are_refused(offices: Offices) -> None:
    full = offices.folder / "full.pdpkg"
    sync_export.export_package(offices.a, full, full=True)
    # The full package is lost on the way, yet marked acknowledged below.
    with offices.a.session("test.ack") as session:
        for sent in session.scalars(select(SyncPackageSent)).all():
            sent.acknowledged_at = utcnow()
            sent.outcome = "applied"
    with offices.a.session("test.edit") as session:
        member = session.scalars(select(Member).order_by(Member.id).limit(1)).one()
        member.notes = "sửa"
    delta = offices.folder / "delta.pdpkg"
    sync_export.export_package(offices.a, delta)
    _refused(offices, "above", delta, "sync.gap")
    preview = sync_import.preview_package(offices.above, delta)
    assert preview.status == sync_import.GAP
    assert "Thiếu bản ghi liên quan" in preview.items[0].reason
    _refused(offices, "above", delta, "sync.records_refused", allow_gap=True)


def test_stopped_export_leaves_no_file_and_no_trace(
    offices: Offices, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(package_progress, "EVERY", 10)
    out = offices.folder / "stopped.pdpkg"
    before = snapshot(offices.paths()["a"])
    with pytest.raises(PartydeskError) as caught:
        sync_export.export_package(offices.a, out, full=True, progress=lambda done, total: False)
    assert caught.value.code == "sync.stopped"
    assert not out.exists()
    assert list(offices.folder.glob("*.tmp")) == []
    assert snapshot(offices.paths()["a"]) == before
    with offices.a.reader() as session:
        assert session.scalars(select(SyncPackageSent)).all() == []


def test_tombstones_travel_and_epochs_advance(offices: Offices) -> None:
    with offices.a.reader() as session:
        state = session.get(SyncState, 1)
        assert state is not None
        first_epoch = state.open_seq
    full = offices.folder / "full.pdpkg"
    result = sync_export.export_package(offices.a, full, full=True)
    assert result.seq_to == first_epoch
    receipt = offices.folder / "r.pdpkg"
    sync_import.import_package(offices.above, full, receipt=receipt)
    sync_receipts.import_receipt(offices.a, receipt)
    with offices.a.session("test.delete") as session:
        member = session.scalars(select(Member).order_by(Member.id.desc()).limit(1)).one()
        member.deleted_at = utcnow()
        member_uuid = member.uuid
    with offices.a.reader() as session:
        stamped = session.scalar(select(Member.sync_seq).where(Member.uuid == member_uuid))
    assert stamped == first_epoch + 1  # written after the export: the next epoch
    delta = offices.folder / "delta.pdpkg"
    result = sync_export.export_package(offices.a, delta)
    assert (result.seq_from, result.seq_to) == (first_epoch + 1, first_epoch + 1)
    assert result.counts["member"] == 1
    sync_import.import_package(offices.above, delta)
    with offices.above.reader() as session:
        deleted = session.scalar(select(Member.deleted_at).where(Member.uuid == member_uuid))
    assert deleted is not None


def test_stopped_import_changes_nothing(offices: Offices, monkeypatch: pytest.MonkeyPatch) -> None:
    package = offices.folder / "a.pdpkg"
    sync_export.export_package(offices.a, package, full=True)
    monkeypatch.setattr(package_progress, "EVERY", 10)
    before = snapshot(offices.paths()["above"])
    with pytest.raises(PartydeskError) as caught:
        sync_import.import_package(offices.above, package, progress=lambda done, total: False)
    assert caught.value.code == "sync.stopped"
    assert snapshot(offices.paths()["above"]) == before


def test_keys_made_for_a_database_without_them(offices: Offices) -> None:
    old = key_info(offices.a)
    assert not old.created  # made with the office
    with offices.a.session("test.forget_keys") as session:
        for row in session.scalars(select(SyncKey)).all():
            session.delete(row)
    made = key_info(offices.a)
    assert made.created
    assert made.fingerprint != old.fingerprint
    assert key_info(offices.a) == replace(made, created=False)
