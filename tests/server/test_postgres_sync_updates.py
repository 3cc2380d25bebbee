"""The office above on PostgreSQL (the hub) sends downward updates: a catalogue entry, a
dated rule and an admission decision for a member of a SQLite office below, which imports
them with the same UUIDs once; its receipt, imported on the hub, advances the watermark."""

from __future__ import annotations

import contextlib
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from partydesk.codes import EventKind, MemberStatus
from partydesk.db.engine import Database
from partydesk.db.models import CatalogueItem, Member, MemberEvent
from partydesk.errors import PartydeskError
from partydesk.services import sync_export, sync_import, sync_receipts, sync_updates
from partydesk.services.admission import decide_admission, record_step
from partydesk.services.candidates import StepInput
from partydesk.services.catalogues import save_catalogue_entry
from partydesk.services.database import open_database
from partydesk.services.demo import build_demo_office
from partydesk.services.rule_admin import set_rule_value
from partydesk.services.sync_keys import Relation, key_info, register_partner, write_public_key
from tests.conftest import TODAY


def _candidates(db: Database) -> list[str]:
    with db.reader() as session:
        return list(
            session.scalars(
                select(Member.uuid)
                .where(Member.status == MemberStatus.CANDIDATE.value)
                .order_by(Member.id)
            ).all()
        )


def _member_id(db: Database, member_uuid: str) -> int:
    with db.reader() as session:
        return session.scalars(select(Member.id).where(Member.uuid == member_uuid)).one()


def test_hub_sends_updates_down(pg_db: Database, tmp_path: Path) -> None:
    below = open_database(tmp_path / "below.sqlite3", actor="below")
    try:
        build_demo_office(below, members=20, seed=1, today=TODAY)
        for member_uuid in _candidates(below):
            for step, days in (("branch_resolution", 10), ("grassroots_resolution", 5)):
                with contextlib.suppress(PartydeskError):  # not at that step
                    record_step(
                        below, _member_id(below, member_uuid), step,
                        StepInput(TODAY - timedelta(days), "1-NQ"), TODAY,
                    )  # fmt: skip
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
        sync_import.import_package(pg_db, full)

        decided = None
        for member_uuid in _candidates(pg_db):
            try:
                decide_admission(
                    pg_db, _member_id(pg_db, member_uuid), TODAY, "15-QĐ/TU", "Tỉnh ủy",
                    today=TODAY,
                )  # fmt: skip
            except PartydeskError:
                continue
            decided = member_uuid
            break
        assert decided is not None
        save_catalogue_entry(pg_db, "occupation", "kinh_te_so", "Lao động kinh tế số")
        set_rule_value(pg_db, "report.admission_target", date(2027, 1, 1), 25, "Chỉ tiêu 2027")

        down = tmp_path / "down.pdpkg"
        office = key_info(below).office_name
        result = sync_updates.export_updates_down(pg_db, office, down)
        assert result.counts == {"catalogue_item": 1, "rule_parameter": 1, "member_event": 1}
        receipt = tmp_path / "down-receipt.pdpkg"
        done = sync_updates.import_updates(below, down, receipt=receipt)
        assert done.counts["new"] == 3
        with pg_db.reader() as session:
            entry = session.scalars(
                select(CatalogueItem.uuid).where(CatalogueItem.code == "kinh_te_so")
            ).one()
            event = session.scalars(
                select(MemberEvent.uuid)
                .join(Member, MemberEvent.member_id == Member.id)
                .where(
                    Member.uuid == decided,
                    MemberEvent.kind == EventKind.ADMISSION_DECISION.value,
                )
            ).one()
        with below.reader() as session:
            assert (
                session.scalars(select(CatalogueItem.code).where(CatalogueItem.uuid == entry)).one()
                == "kinh_te_so"
            )
            assert session.scalars(select(MemberEvent.id).where(MemberEvent.uuid == event)).one()
        assert sync_updates.import_updates(below, down).status == sync_import.ALREADY
        assert sync_receipts.import_receipt(pg_db, receipt).status == "applied"
        after = sync_updates.export_updates_down(pg_db, office, tmp_path / "next.pdpkg")
        assert after.seq_from == result.seq_to + 1
        assert sum(after.counts.values()) == 0
    finally:
        below.close()
