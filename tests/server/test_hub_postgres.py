"""The provincial hub on PostgreSQL: the folder of packages of three offices below (the
same files as tests/integration/test_hub.py builds) imported into a hub on the server,
with the same counts per office as the same folder imported into the SQLite hub."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from partydesk.db.engine import Database
from partydesk.db.models import AuditEntry, Member
from partydesk.services import hub
from partydesk.services.database import open_database
from partydesk.services.office import init_office
from tests.conftest import TODAY
from tests.integration.hub_offices import HUB_OFFICE, adopt_identity, build_hub_folder
from tests.server.conftest import PostgresAdmin


def _members(db: Database) -> int:
    with db.reader() as session:
        return int(session.scalar(select(func.count()).select_from(Member)) or 0)


def _summary(report: hub.HubReport) -> list[tuple[str, list[tuple[str, str]], dict[str, int]]]:
    return [
        (
            office.office,
            [(package.file.name, package.status) for package in office.packages],
            office.records,
        )
        for office in report.offices
    ]


def test_hub_on_postgres_counts_as_on_sqlite(
    pg_admin: PostgresAdmin, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Refresh the planner's statistics after every package (only large ones otherwise),
    # so that path runs here too.
    monkeypatch.setattr(hub, "_ANALYZE_FROM", 0)
    folder = build_hub_folder(tmp_path / "offices", offices=3, members=20, today=TODAY)
    shutil.copyfile(folder.hub, tmp_path / "sqlite-hub.sqlite3")
    sqlite_hub = open_database(tmp_path / "sqlite-hub.sqlite3", actor="hub")
    name = "test_hub_postgres"
    pg_hub = open_database(pg_admin.create(name), actor="hub")
    try:
        init_office(pg_hub, HUB_OFFICE)
        adopt_identity(pg_hub, sqlite_hub)
        on_sqlite = hub.import_folder(sqlite_hub, folder.packages, receipts=tmp_path / "r1")
        on_postgres = hub.import_folder(pg_hub, folder.packages, receipts=tmp_path / "r2")
        assert on_postgres.count(hub.IMPORTED) == 6
        assert _summary(on_postgres) == _summary(on_sqlite)
        assert _members(pg_hub) == _members(sqlite_hub) == sum(folder.members.values())
        assert len(list((tmp_path / "r2").iterdir())) == 6
        with pg_hub.reader() as session:
            copied = session.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.actor.like(f"% @ {folder.offices[0]}"))
            )
        assert copied
        again = hub.import_folder(pg_hub, folder.packages, receipts=tmp_path / "r2")
        assert again.count(hub.ALREADY) == 6
        assert _members(pg_hub) == sum(folder.members.values())
    finally:
        sqlite_hub.close()
        pg_hub.close()
        pg_admin.drop(name)
