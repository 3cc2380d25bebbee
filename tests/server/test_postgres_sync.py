"""The office above on PostgreSQL (the hub): a package from a SQLite office below is
previewed, imported in one transaction, refused as "đã nhập" the second time, followed by
a delta and a conflict, and its receipt advances the watermark below."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from partydesk.db.engine import Database
from partydesk.db.models import Member
from partydesk.services import sync_conflicts, sync_export, sync_import, sync_receipts
from partydesk.services.database import open_database
from partydesk.services.demo import build_demo_office
from partydesk.services.sync_keys import Relation, register_partner, write_public_key
from tests.conftest import TODAY


def _members(db: Database) -> int:
    with db.reader() as session:
        return int(session.scalar(select(func.count()).select_from(Member)) or 0)


def test_hub_imports_previews_and_acknowledges(pg_db: Database, tmp_path: Path) -> None:
    below = open_database(tmp_path / "below.sqlite3", actor="below")
    try:
        build_demo_office(below, members=20, seed=3, today=TODAY, lifecycle=False)
        key_below = write_public_key(below, tmp_path / "below.pdkey")
        key_hub = write_public_key(pg_db, tmp_path / "hub.pdkey")
        register_partner(
            pg_db, (tmp_path / "below.pdkey").read_bytes(), key_below.fingerprint,
            Relation.BELOW, ["LD"],
        )  # fmt: skip
        register_partner(
            below, (tmp_path / "hub.pdkey").read_bytes(), key_hub.fingerprint, Relation.ABOVE
        )
        full = tmp_path / "full.pdpkg"
        sync_export.export_package(below, full, full=True)
        before = _members(pg_db)
        preview = sync_import.preview_package(pg_db, full)
        assert preview.status == sync_import.READY
        assert preview.counts["refused"] == 0
        assert _members(pg_db) == before
        receipt = tmp_path / "receipt.pdpkg"
        result = sync_import.import_package(pg_db, full, receipt=receipt)
        assert result.counts["new"] == preview.counts["new"]
        assert _members(pg_db) == before + _members(below)
        assert sync_import.import_package(pg_db, full).status == sync_import.ALREADY
        assert sync_receipts.import_receipt(below, receipt).status == "applied"

        with below.reader() as session:
            member_uuid = session.scalars(select(Member.uuid).order_by(Member.id)).first()
        for db, note in ((pg_db, "sửa ở trên"), (below, "sửa ở dưới")):
            with db.session("test.edit") as session:
                member = session.scalars(select(Member).where(Member.uuid == member_uuid)).one()
                member.notes = note
        delta = tmp_path / "delta.pdpkg"
        exported = sync_export.export_package(below, delta)
        assert exported.counts["member"] == 1
        done = sync_import.import_package(pg_db, delta)
        assert done.counts["conflict"] == 1
        [conflict] = sync_conflicts.list_conflicts(pg_db)
        sync_conflicts.resolve_conflict(pg_db, conflict.id, sync_conflicts.Resolution.THEIRS)
        with pg_db.reader() as session:
            notes = session.scalar(select(Member.notes).where(Member.uuid == member_uuid))
        assert notes == "sửa ở dưới"
    finally:
        below.close()
