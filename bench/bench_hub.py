"""The provincial hub: `hub.import_folder` of N offices × M members, PostgreSQL and SQLite.

    .venv/bin/python -m bench.bench_hub [--offices 10] [--members 50000] [--fast]

Setup (untimed, cached under bench/out/hub-N×M/ and reused by later runs): N demo
communes below (`build_demo_office(lifecycle=False)`, renamed apart as in
tests/integration/hub_offices.py), a hub above with every office registered, and from
each office a full package then a delta (3 members edited), all in one folder.

Timed, in one run on one machine:

1. **Ours on PostgreSQL**: `import_folder` into a fresh hub database on a throw-away
   server (tests/server/pg_server.py, PostgreSQL's default durability unless --fast):
   the peek of every file, then per office its packages in order, each verified, checked,
   planned and applied in one transaction, its receipt written. Per office and in total:
   seconds and records/s.
2. **Ours on SQLite**: the same folder into a copy of the hub file.
3. **Baselines, same run**: every record row the hub wrote (the tables the packages
   carry, rows with an origin office), read back and written by the bare driver into
   copies of those tables with their keys, unique constraints and indexes (PostgreSQL
   `LIKE … INCLUDING ALL`; SQLite the schema's own CREATE statements), without foreign
   keys or triggers: psycopg `COPY` on the same server, `sqlite3` `executemany` in one
   transaction into the SQLite hub file.

Figures only; nothing here is a test.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy
from sqlalchemy import create_engine, select

from bench.measure import table, timed
from partydesk.db.engine import Database
from partydesk.services import hub
from partydesk.services.database import open_database
from partydesk.services.office import init_office
from partydesk.services.sync_records import UPWARD_MODELS
from tests.integration.hub_offices import HUB_OFFICE, HubFolder, adopt_identity, build_hub_folder
from tests.server.pg_server import PostgresServer, start_server

TODAY = date(2026, 6, 30)
OUT = Path(__file__).parent / "out"

Rows = dict[str, tuple[list[str], list[tuple[Any, ...]]]]


def say(text: str = "") -> None:
    print(text, flush=True)


def _folder(offices: int, members: int) -> HubFolder:
    """The offices' packages, built once per size and reused (bench/out is not in git)."""
    where = OUT / f"hub-{offices}x{members}"
    done = where / "done.txt"
    if done.exists():
        folder = HubFolder(where / "hub.sqlite3", where / "packages")
        say(f"Packages reused from {where}")
        return folder
    if where.exists():
        shutil.rmtree(where)
    say(f"Building {offices} offices × {members:,} members and their packages in {where} …")
    seconds, folder = timed(
        lambda: build_hub_folder(where, offices=offices, members=members, today=TODAY)
    )
    done.write_text("built\n", encoding="utf-8")
    say(f"  built in {seconds:.0f} s")
    return folder


def _tables() -> list[sqlalchemy.Table]:
    return [model.__table__ for model in UPWARD_MODELS]  # type: ignore[attr-defined]


def _written(db: Database) -> Rows:
    """The record rows the hub received (origin office set), per table, for the baselines."""
    found: Rows = {}
    with db.reader() as session:
        for t in _tables():
            names = [c.name for c in t.columns]
            query = select(t).where(t.c.origin_office.is_not(None)).order_by(t.c.id)
            found[t.name] = (names, [tuple(r) for r in session.execute(query)])
    return found


def _copy_baseline(url: str, written: Rows) -> float:
    engine = create_engine(url)
    try:
        raw = engine.raw_connection()
        driver = raw.driver_connection
        assert driver is not None
        with driver.cursor() as cursor:
            for name in written:
                cursor.execute(f"CREATE TABLE bare_{name} (LIKE {name} INCLUDING ALL)")
        driver.commit()

        def run() -> None:
            with driver.cursor() as cursor:
                for name, (columns, rows) in written.items():
                    sql = f"COPY bare_{name} ({', '.join(columns)}) FROM STDIN"
                    with cursor.copy(sql) as copy:
                        for row in rows:
                            copy.write_row(row)
            driver.commit()

        seconds, _ = timed(run)
        raw.close()
        return seconds
    finally:
        engine.dispose()


def _sqlite_value(value: Any) -> Any:
    # The text forms SQLAlchemy stores (services/sync_import.py does the same).
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _executemany_baseline(path: Path, written: Rows) -> float:
    import sqlite3

    rows_by_table = {
        name: (columns, [tuple(_sqlite_value(v) for v in row) for row in rows])
        for name, (columns, rows) in written.items()
    }
    connection = sqlite3.connect(path)
    try:
        for name in written:
            # The table as the schema made it (columns, keys, unique constraints) and its
            # indexes, under another name; foreign keys are not enforced by a bare
            # connection, and the FTS triggers are not copied.
            for (sql,) in connection.execute(
                "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL"
                " AND type IN ('table', 'index') ORDER BY type DESC",
                (name,),
            ).fetchall():
                copied = sql.replace(f"CREATE TABLE {name} (", f"CREATE TABLE bare_{name} (", 1)
                copied = copied.replace(f" ON {name} (", f" ON bare_{name} (", 1)
                connection.execute(copied.replace("INDEX ", "INDEX bare_", 1))
        connection.commit()

        def run() -> None:
            with connection:
                for name, (columns, rows) in rows_by_table.items():
                    marks = ", ".join("?" for _ in columns)
                    connection.executemany(
                        f"INSERT INTO bare_{name} ({', '.join(columns)}) VALUES ({marks})", rows
                    )

        return timed(run)[0]
    finally:
        connection.close()


def _report(title: str, report: hub.HubReport) -> list[list[str]]:
    say(f"{title}: {report.count(hub.IMPORTED)} packages imported,"
        f" {report.count(hub.REFUSED)} refused, {report.seconds:.1f} s")  # fmt: skip
    rows = []
    for office in report.offices:
        records = sum(office.records.values())
        rows.append(
            [
                f"{title}: {office.office}",
                f"{records:,}",
                f"{office.seconds:.2f} s",
                f"{office.rows_per_second:,.0f}",
            ]
        )
    return rows


def _pg_hub(server: PostgresServer, source: Path) -> Database:
    admin = create_engine(server.url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql('CREATE DATABASE "hub"')
    admin.dispose()
    db = open_database(server.url("hub"), actor="bench")
    init_office(db, HUB_OFFICE)
    sqlite_hub = open_database(source, actor="bench")
    try:
        adopt_identity(db, sqlite_hub)
    finally:
        sqlite_hub.close()
    return db


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offices", type=int, default=10)
    parser.add_argument("--members", type=int, default=50_000)
    parser.add_argument("--fast", action="store_true", help="PostgreSQL without fsync")
    args = parser.parse_args(argv)
    say(f"Python {platform.python_version()}, SQLAlchemy {sqlalchemy.__version__},"
        f" {args.offices} offices × {args.members:,} members")  # fmt: skip
    folder = _folder(args.offices, args.members)
    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory(prefix="bench-hub-") as temp:
        work = Path(temp)
        server = start_server(durable=not args.fast)
        try:
            pg = _pg_hub(server, folder.hub)
            try:
                pg_report = hub.import_folder(pg, folder.packages, receipts=work / "r-pg")
                pg_written = _written(pg)
            finally:
                pg.close()
            rows += _report("PostgreSQL", pg_report)
            copy_s = _copy_baseline(server.url("hub"), pg_written)
        finally:
            server.stop()
        shutil.copyfile(folder.hub, work / "hub.sqlite3")
        lite = open_database(work / "hub.sqlite3", actor="bench")
        try:
            lite_report = hub.import_folder(lite, folder.packages, receipts=work / "r-sqlite")
            lite_written = _written(lite)
        finally:
            lite.close()
        rows += _report("SQLite", lite_report)
        many_s = _executemany_baseline(work / "hub.sqlite3", lite_written)
    written = sum(len(r) for _, r in pg_written.values())
    total_pg = sum(pg_report.records.values())
    total_lite = sum(lite_report.records.values())
    rows.append(["PostgreSQL: all offices", f"{total_pg:,}", f"{pg_report.seconds:.2f} s",
                 f"{pg_report.rows_per_second:,.0f}"])  # fmt: skip
    rows.append(["SQLite: all offices", f"{total_lite:,}", f"{lite_report.seconds:.2f} s",
                 f"{lite_report.rows_per_second:,.0f}"])  # fmt: skip
    say()
    say(table(["Hub import", "records", "time", "records/s"], rows))
    say()
    say(f"Rows written at the hub: {written:,} (records taken, incl. unchanged: {total_pg:,})")
    say(
        table(
            ["Engine", "hub import", "bare baseline", "ratio"],
            [
                [
                    "PostgreSQL",
                    f"{pg_report.seconds:.2f} s",
                    f"COPY {copy_s:.2f} s",
                    f"{pg_report.seconds / copy_s:.1f}×",
                ],
                [
                    "SQLite",
                    f"{lite_report.seconds:.2f} s",
                    f"executemany {many_s:.2f} s",
                    f"{lite_report.seconds / many_s:.1f}×",
                ],
            ],
        )
    )
    return 0 if pg_report.count(hub.REFUSED) == lite_report.count(hub.REFUSED) == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
