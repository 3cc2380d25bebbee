"""The provincial hub's engine: bulk member creation and search, PostgreSQL against SQLite.

    .venv/bin/python -m bench.bench_postgres [--members 50000] [--fast]

One run, one machine, the same rows:

1. `create_members` of N official members (rows built beforehand, three events and one
   membership each) into an empty office on SQLite (the office file) and on PostgreSQL
   (a throw-away cluster started from /usr/lib/postgresql/*/bin, as the tests do, with
   PostgreSQL's default durability unless --fast): seconds, members/s, and the ratio.
2. Baselines on the same server, same run: the rows our service wrote, read back and
   written again into a fresh migrated database by a bare psycopg `COPY` (the fastest
   way in) and by SQLAlchemy Core `insert` executemany (what the bulk writer did before
   it used COPY).
3. Name and number search (`search_members`) and the first list page on both engines:
   median of the same queries.

Figures only; nothing here is a test.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy
from sqlalchemy import create_engine, insert, select

from bench.measure import median, ms, repeat, table, timed
from bench.rows import make_rows
from partydesk.codes import OrgKind
from partydesk.db.engine import Database
from partydesk.db.models import Member, MemberEvent, Membership, Organization
from partydesk.services.database import open_database
from partydesk.services.demo import build_demo_office
from partydesk.services.member_bulk import create_members
from partydesk.services.member_queries import member_page, search_members
from tests.server.pg_server import PostgresServer, start_server

TODAY = date(2026, 6, 30)
QUERIES = ("nguyen van", "tran thi h", "le", "pham minh tuan", "hoang", "079", "0791")
_TABLES = (Member.__table__, MemberEvent.__table__, Membership.__table__)


def say(text: str = "") -> None:
    print(text, flush=True)


def _branches(db: Database) -> list[int]:
    kinds = [k.value for k in OrgKind if k.holds_members]
    with db.reader() as session:
        return list(
            session.scalars(
                select(Organization.id)
                .where(Organization.kind.in_(kinds), Organization.dissolved_on.is_(None))
                .order_by(Organization.id)
            )
        )


def _create_database(server: PostgresServer, name: str) -> str:
    admin = create_engine(server.url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return server.url(name)


def _empty_office(target: str | Path) -> Database:
    db = open_database(target, actor="bench")
    build_demo_office(db, members=0, seed=1, today=TODAY)
    return db


def _office_url(server: PostgresServer, name: str) -> str:
    """A new server database with the empty office (closed again): a baseline's target."""
    url = _create_database(server, name)
    _empty_office(url).close()
    return url


def _written(db: Database) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """The rows create_members wrote, per table (columns, rows), for the baselines."""
    found = {}
    with db.reader() as session:
        for t in _TABLES:
            names = [c.name for c in t.columns]
            rows = [tuple(r) for r in session.execute(select(t).order_by(t.c.id))]
            found[t.name] = (names, rows)
    return found


def _copy_baseline(url: str, written: dict[str, tuple[list[str], list[tuple[Any, ...]]]]) -> float:
    engine = create_engine(url)
    try:
        raw = engine.raw_connection()
        driver = raw.driver_connection
        assert driver is not None

        def run() -> None:
            with driver.cursor() as cursor:
                for name, (columns, rows) in written.items():
                    with cursor.copy(f"COPY {name} ({', '.join(columns)}) FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
            driver.commit()

        seconds, _ = timed(run)
        raw.close()
        return seconds
    finally:
        engine.dispose()


def _core_baseline(url: str, written: dict[str, tuple[list[str], list[tuple[Any, ...]]]]) -> float:
    engine = create_engine(url)
    try:

        def run() -> None:
            with engine.begin() as connection:
                for t in _TABLES:
                    columns, rows = written[t.name]
                    connection.execute(
                        insert(t), [dict(zip(columns, r, strict=True)) for r in rows]
                    )

        return timed(run)[0]
    finally:
        engine.dispose()


def _searches(db: Database) -> tuple[float, float]:
    times = []
    for query in QUERIES:
        search_members(db, query)  # warm
        times.append(median(repeat(lambda q=query: search_members(db, q), 5)))
    page = median(repeat(lambda: member_page(db, 0, 200), 5))
    return median(times), page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=50_000)
    parser.add_argument("--fast", action="store_true", help="server without fsync")
    args = parser.parse_args(argv)
    size = args.members
    server = start_server(durable=not args.fast)
    folder = Path(tempfile.mkdtemp(prefix="partydesk-bench-pg-"))
    try:
        with create_engine(server.url("postgres")).connect() as connection:
            version = connection.exec_driver_sql("SHOW server_version").scalar()
        say(
            f"Python {platform.python_version()}, SQLAlchemy {sqlalchemy.__version__},"
            f" PostgreSQL {version} ({'no fsync' if args.fast else 'default durability'}),"
            f" {size:,} members"
        )
        sqlite_db = _empty_office(folder / "office.sqlite3")
        pg_db = _empty_office(_create_database(server, "hub"))
        branches = _branches(sqlite_db)
        assert branches == _branches(pg_db)
        rows, _people = make_rows(size, branches, TODAY, 1)

        sqlite_s, _ = timed(lambda: create_members(sqlite_db, rows, today=TODAY))
        say(f"  SQLite     create_members: {sqlite_s:.2f} s ({size / sqlite_s:,.0f} members/s)")
        pg_s, _ = timed(lambda: create_members(pg_db, rows, today=TODAY))
        say(f"  PostgreSQL create_members: {pg_s:.2f} s ({size / pg_s:,.0f} members/s)")

        written = _written(pg_db)
        count = sum(len(r) for _, r in written.values())
        copy_s = _copy_baseline(_office_url(server, "copy"), written)
        say(f"  PostgreSQL bare COPY of the same {count:,} rows: {copy_s:.2f} s")
        core_s = _core_baseline(_office_url(server, "core"), written)
        say(f"  PostgreSQL Core insert executemany of the same rows: {core_s:.2f} s")

        sqlite_search, sqlite_page = _searches(sqlite_db)
        pg_search, pg_page = _searches(pg_db)
        sqlite_db.close()
        pg_db.close()
        say()
        say(
            table(
                ["what", "SQLite", "PostgreSQL", "PG / SQLite"],
                [
                    [
                        f"create_members {size:,}",
                        f"{sqlite_s:.2f} s ({size / sqlite_s:,.0f}/s)",
                        f"{pg_s:.2f} s ({size / pg_s:,.0f}/s)",
                        f"{pg_s / sqlite_s:.2f}x",
                    ],
                    [
                        "search_members, median of 7 queries",
                        ms(sqlite_search),
                        ms(pg_search),
                        f"{pg_search / sqlite_search:.2f}x",
                    ],
                    [
                        "first list page (200)",
                        ms(sqlite_page),
                        ms(pg_page),
                        f"{pg_page / sqlite_page:.2f}x",
                    ],
                ],
            )
        )
        say()
        say(
            table(
                ["PostgreSQL, same rows", "seconds", "ours / it"],
                [
                    ["create_members (ours)", f"{pg_s:.2f}", "1.00x"],
                    ["bare psycopg COPY", f"{copy_s:.2f}", f"{pg_s / copy_s:.2f}x"],
                    ["SQLAlchemy Core executemany", f"{core_s:.2f}", f"{pg_s / core_s:.2f}x"],
                ],
            )
        )
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
