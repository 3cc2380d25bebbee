"""Sync between offices, at the service level on real SQLite files: export, preview,
import, re-import, receipts and the watermark, deltas, gaps, scope, conflicts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from partydesk.db.models import Member, Organization, SyncPackageSent
from partydesk.errors import PartydeskError
from partydesk.services import sync_export, sync_import, sync_receipts
from tests.helpers import snapshot
from tests.integration.sync_offices import Offices, build_offices, copy_offices


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sync-offices")
    build_offices(folder)
    return folder


@pytest.fixture
def offices(template: Path, tmp_path: Path) -> Iterator[Offices]:
    made = copy_offices(template, tmp_path / "offices")
    yield made
    made.close()


def _count(db, model) -> int:  # type: ignore[no-untyped-def]
    with db.reader() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_full_packages_from_two_offices_preview_import_and_reimport(offices: Offices) -> None:
    out_a = offices.folder / "a-full.pdpkg"
    out_b = offices.folder / "b-full.pdpkg"
    result_a = sync_export.export_package(offices.a, out_a, full=True, period_label="Quý IV/2026")
    sync_export.export_package(offices.b, out_b, full=True)
    assert result_a.seq_from == 0
    assert result_a.counts["member"] == _count(offices.a, Member)

    before = snapshot(offices.paths()["above"])
    preview = sync_import.preview_package(offices.above, out_a)
    assert preview.status == sync_import.READY
    assert preview.sender == "Đảng ủy xã Lạc Dương"
    assert preview.counts["new"] == sum(result_a.counts.values())
    assert preview.counts["refused"] == preview.counts["conflict"] == 0
    assert snapshot(offices.paths()["above"]) == before  # a preview writes nothing

    receipt = offices.folder / "a-receipt.pdpkg"
    done = sync_import.import_package(offices.above, out_a, receipt=receipt)
    assert done.status == "applied"
    assert done.receipt == receipt
    assert receipt.exists()
    sync_import.import_package(offices.above, out_b)
    members_above = _count(offices.above, Member)
    assert members_above == _count(offices.a, Member) + _count(offices.b, Member)
    with offices.above.reader() as session:
        codes = set(session.scalars(select(Organization.code)).all())
    assert {"TINH", "LD", "LD.01", "BL", "BL.01"} <= codes

    # The same package again: "đã nhập", nothing changes.
    before = snapshot(offices.paths()["above"])
    again = sync_import.import_package(offices.above, out_a)
    assert again.status == sync_import.ALREADY
    assert sync_import.preview_package(offices.above, out_a).status == sync_import.ALREADY
    assert snapshot(offices.paths()["above"]) == before

    # The receipt goes back and advances the watermark below.
    ack = sync_receipts.import_receipt(offices.a, receipt)
    assert ack.status == "applied"
    assert ack.seq_to == result_a.seq_to
    assert sync_receipts.import_receipt(offices.a, receipt).status == sync_import.ALREADY
    with offices.a.reader() as session:
        sent = session.scalars(select(SyncPackageSent)).one()
        assert sent.acknowledged_at is not None
        assert sent.outcome == "applied"


def test_delta_carries_only_the_changes_and_continues_the_sequence(offices: Offices) -> None:
    full = offices.folder / "full.pdpkg"
    first = sync_export.export_package(offices.a, full, full=True)
    receipt = offices.folder / "r1.pdpkg"
    sync_import.import_package(offices.above, full, receipt=receipt)
    sync_receipts.import_receipt(offices.a, receipt)
    with offices.a.session("test.edit") as session:
        member = session.scalars(select(Member).order_by(Member.id).limit(1)).one()
        member.notes = "Đã cập nhật địa chỉ"
        member_uuid = member.uuid
    delta = offices.folder / "delta.pdpkg"
    result = sync_export.export_package(offices.a, delta)
    assert result.seq_from == first.seq_to + 1
    assert result.counts["member"] == 1
    assert sum(result.counts.values()) == 1
    preview = sync_import.preview_package(offices.above, delta)
    assert preview.counts["updated"] == 1
    assert preview.counts["new"] == 0
    sync_import.import_package(offices.above, delta)
    with offices.above.reader() as session:
        notes = session.scalar(select(Member.notes).where(Member.uuid == member_uuid))
    assert notes == "Đã cập nhật địa chỉ"


def test_gap_refused_then_allowed(offices: Offices) -> None:
    full = offices.folder / "full.pdpkg"
    sync_export.export_package(offices.a, full, full=True)
    receipt = offices.folder / "r.pdpkg"
    sync_import.import_package(offices.above, full, receipt=receipt)
    sync_receipts.import_receipt(offices.a, receipt)
    for name in ("x", "y"):
        with offices.a.session("test.edit") as session:
            member = session.scalars(select(Member).order_by(Member.id).limit(1)).one()
            member.notes = f"sửa {name}"
        out = offices.folder / f"{name}.pdpkg"
        sync_export.export_package(offices.a, out)
        # Pretend the office above acknowledged x without importing it: y starts later.
        with offices.a.session("test.ack") as session:
            for sent in session.scalars(select(SyncPackageSent)).all():
                if sent.acknowledged_at is None:
                    sent.acknowledged_at = sent.created_at
                    sent.outcome = "applied"
    gap = offices.folder / "y.pdpkg"
    before = snapshot(offices.paths()["above"])
    assert sync_import.preview_package(offices.above, gap).status == sync_import.GAP
    with pytest.raises(PartydeskError) as caught:
        sync_import.import_package(offices.above, gap)
    assert caught.value.code == "sync.gap"
    assert snapshot(offices.paths()["above"]) == before
    done = sync_import.import_package(offices.above, gap, allow_gap=True)
    assert done.status == "applied"


def test_records_outside_the_senders_scope_are_refused(offices: Offices) -> None:
    out = offices.folder / "b.pdpkg"
    sync_export.export_package(offices.b, out, full=True)
    # Office B was registered for BL…; make its branch BL.01 appear as LD.99 instead.
    with offices.b.session("test.rename") as session:
        org = session.scalars(select(Organization).where(Organization.code == "BL.01")).one()
        org.code = "LD.99"
    delta = offices.folder / "b-delta.pdpkg"
    sync_export.export_package(offices.b, delta)
    sync_import.import_package(offices.above, out)
    before = snapshot(offices.paths()["above"])
    preview = sync_import.preview_package(offices.above, delta)
    refused = [item for item in preview.items if item.outcome == "refused"]
    assert refused
    assert "ngoài phạm vi" in refused[0].reason
    with pytest.raises(PartydeskError) as caught:
        sync_import.import_package(offices.above, delta)
    assert caught.value.code == "sync.records_refused"
    assert snapshot(offices.paths()["above"]) == before


def test_unacknowledged_range_is_sent_again(offices: Offices) -> None:
    first = sync_export.export_package(offices.a, offices.folder / "1.pdpkg")
    with offices.a.session("test.edit") as session:
        member = session.scalars(select(Member).order_by(Member.id).limit(1)).one()
        member.notes = "lần hai"
    second = sync_export.export_package(offices.a, offices.folder / "2.pdpkg")
    assert second.seq_from == first.seq_from == 1  # no receipt yet: the range is resent
    assert second.counts["member"] == first.counts["member"]
    sync_import.import_package(offices.above, offices.folder / "1.pdpkg")
    done = sync_import.import_package(offices.above, offices.folder / "2.pdpkg")
    assert done.counts["updated"] == 1
