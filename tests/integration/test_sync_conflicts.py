"""The conflicts queue: a record changed at the office above and below since the last
sync is queued (never overwritten), shown side by side and resolved three ways."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from partydesk.db.models import AuditEntry, Member, SyncConflict
from partydesk.errors import PartydeskError
from partydesk.services import sync_conflicts, sync_export, sync_import, sync_receipts
from partydesk.services.sync_conflicts import Resolution
from tests.helpers import snapshot
from tests.integration.sync_offices import Offices, build_offices, copy_offices


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sync-conflicts")
    build_offices(folder, members=20)
    return folder


@pytest.fixture
def offices(template: Path, tmp_path: Path) -> Iterator[Offices]:
    made = copy_offices(template, tmp_path / "offices")
    yield made
    made.close()


def _edit(db, member_uuid: str, **values: object) -> None:  # type: ignore[no-untyped-def]
    with db.session("test.edit") as session:
        member = session.scalars(select(Member).where(Member.uuid == member_uuid)).one()
        for key, value in values.items():
            setattr(member, key, value)


def _member(db, member_uuid: str) -> Member:  # type: ignore[no-untyped-def]
    with db.reader() as session:
        member = session.scalars(select(Member).where(Member.uuid == member_uuid)).one()
        session.expunge(member)
        return member


def _conflict(offices: Offices) -> str:
    """Sync A up once, then change one member on both sides and send the delta."""
    full = offices.folder / "full.pdpkg"
    sync_export.export_package(offices.a, full, full=True)
    receipt = offices.folder / "r.pdpkg"
    sync_import.import_package(offices.above, full, receipt=receipt)
    sync_receipts.import_receipt(offices.a, receipt)
    with offices.a.reader() as session:
        member_uuid = session.scalars(select(Member.uuid).order_by(Member.id).limit(1)).one()
    _edit(offices.above, member_uuid, notes="Sửa ở tỉnh", job_title="Giáo viên")
    _edit(offices.a, member_uuid, notes="Sửa ở xã", temporary_address="Thôn 2")
    delta = offices.folder / "delta.pdpkg"
    sync_export.export_package(offices.a, delta)
    preview = sync_import.preview_package(offices.above, delta)
    assert preview.counts["conflict"] == 1
    result = sync_import.import_package(offices.above, delta)
    assert result.counts["conflict"] == 1
    # Never silently overwritten.
    assert _member(offices.above, member_uuid).notes == "Sửa ở tỉnh"
    return member_uuid


def test_conflict_queued_with_side_by_side_fields(offices: Offices) -> None:
    _conflict(offices)
    [info] = sync_conflicts.list_conflicts(offices.above)
    assert info.table == "member"
    assert info.partner == "Đảng ủy xã Lạc Dương"
    detail = sync_conflicts.conflict_detail(offices.above, info.id)
    differing = {diff.field: (diff.ours, diff.theirs) for diff in detail.fields if diff.differs}
    assert differing["notes"] == ("Sửa ở tỉnh", "Sửa ở xã")
    assert differing["job_title"][0] == "Giáo viên"
    assert "temporary_address" in differing
    assert detail.fields[0].differs  # differing fields come first


def test_keep_ours(offices: Offices) -> None:
    member_uuid = _conflict(offices)
    [info] = sync_conflicts.list_conflicts(offices.above)
    sync_conflicts.resolve_conflict(offices.above, info.id, Resolution.OURS)
    assert _member(offices.above, member_uuid).notes == "Sửa ở tỉnh"
    assert sync_conflicts.list_conflicts(offices.above) == []
    with offices.above.reader() as session:
        actions = set(session.scalars(select(AuditEntry.action)).all())
    assert "sync.resolve_conflict.ours" in actions


def test_take_theirs_then_a_later_change_below_is_a_plain_update(offices: Offices) -> None:
    member_uuid = _conflict(offices)
    [info] = sync_conflicts.list_conflicts(offices.above)
    sync_conflicts.resolve_conflict(offices.above, info.id, Resolution.THEIRS)
    member = _member(offices.above, member_uuid)
    assert (member.notes, member.temporary_address) == ("Sửa ở xã", "Thôn 2")
    receipt = offices.folder / "r2.pdpkg"
    sync_export.write_receipt(offices.above, _last_received(offices), receipt)
    sync_receipts.import_receipt(offices.a, receipt)
    _edit(offices.a, member_uuid, notes="Sửa lần nữa ở xã")
    delta = offices.folder / "delta2.pdpkg"
    sync_export.export_package(offices.a, delta)
    result = sync_import.import_package(offices.above, delta)
    assert result.counts["updated"] == 1
    assert result.counts["conflict"] == 0
    assert _member(offices.above, member_uuid).notes == "Sửa lần nữa ở xã"


def _last_received(offices: Offices) -> str:
    from partydesk.db.models import SyncPackageReceived

    with offices.above.reader() as session:
        return (
            session.scalars(
                select(SyncPackageReceived.package_uuid).order_by(SyncPackageReceived.id.desc())
            ).first()
            or ""
        )


def test_field_by_field(offices: Offices) -> None:
    member_uuid = _conflict(offices)
    [info] = sync_conflicts.list_conflicts(offices.above)
    before = snapshot(offices.folder / "above.sqlite3")
    with pytest.raises(PartydeskError) as caught:
        sync_conflicts.resolve_conflict(offices.above, info.id, Resolution.FIELDS, ["no_such"])
    assert caught.value.code == "sync.conflict_field"
    assert snapshot(offices.folder / "above.sqlite3") == before
    sync_conflicts.resolve_conflict(
        offices.above, info.id, Resolution.FIELDS, ["temporary_address"]
    )
    member = _member(offices.above, member_uuid)
    assert (member.notes, member.temporary_address, member.job_title) == (
        "Sửa ở tỉnh",
        "Thôn 2",
        "Giáo viên",
    )
    with offices.above.reader() as session:
        row = session.scalars(select(SyncConflict)).one()
        assert (row.status, row.resolution) == ("resolved", "fields")
    with pytest.raises(PartydeskError) as again:
        sync_conflicts.resolve_conflict(offices.above, info.id, Resolution.OURS)
    assert again.value.code == "sync.conflict_not_found"
