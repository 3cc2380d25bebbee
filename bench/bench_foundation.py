"""Foundation benchmarks of the member register: bulk creation, search, list pages, size.

    .venv/bin/python -m bench.bench_foundation [--sizes 100000,500000] [--quick]

For each size N, in a temporary directory deleted at the end:

1. Bulk creation of N official members with `create_members` (rows built beforehand),
   against a raw `sqlite3.executemany` of the very rows it wrote (member, member_event,
   membership, read back from our database) into a second database migrated the same
   way (same tables, indexes, FTS triggers and pragmas).  Target: ≤ 4× the baseline.
2. Name and number search with `search_members`, ~200 typical queries, p50 and p95 by
   query kind, against a plain LIKE query on the same database.  Targets at 500k:
   p50 ≤ 20 ms, p95 ≤ 60 ms.
3. The first page of 200 in Vietnamese list order with `member_page` (median of 20 runs,
   the first run on a freshly opened database reported apart as cold), against a plain
   `SELECT * FROM member WHERE deleted_at IS NULL ORDER BY name_sort_key LIMIT 200` (the
   service's own filter, so the plain query can use the same partial index).  Target:
   ≤ 50 ms.  The last page and a filtered page (women) are reported without a target.
4. The database size after creation (file + WAL) and per member.

Every figure is printed with its ratio to the baseline measured in the same run, then a
summary table with pass/fail; the exit status is 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any

import sqlalchemy
from sqlalchemy import select

from bench.measure import (
    MB,
    file_sizes,
    median,
    ms,
    percentile,
    repeat,
    space_by_object,
    table,
    timed,
)
from bench.queries import KINDS, Query, baseline_search, make_queries
from bench.rows import Person, make_rows
from partydesk.codes import OrgKind
from partydesk.db.models import Organization
from partydesk.services.catalogues import CatalogueCodes
from partydesk.services.database import open_database
from partydesk.services.demo import build_demo_office
from partydesk.services.member_bulk import create_members
from partydesk.services.member_input import MemberInput, prepare_member
from partydesk.services.member_queries import MemberFilter, member_page, search_members
from partydesk.services.rule_table import load_rule_table

TODAY = date(2026, 6, 30)  # fixed, so every run builds the same rows
DEFAULT_SIZES = (100_000, 500_000)
QUICK_SIZES = (20_000,)
QUERIES_PER_KIND = 29  # 7 kinds: 203 queries
PAGE = 200
PAGE_RUNS = 20
LAST_PAGE_RUNS = 5

BULK_MAX_RATIO = 4.0
SEARCH_P50_MAX = 0.020
SEARCH_P95_MAX = 0.060
FIRST_PAGE_MAX = 0.050

# Tables create_members writes (besides one audit entry per chunk, left out of the
# baseline, which makes the baseline stricter).
_MEMBER_TABLES = ("member", "member_event", "membership")
# The plain list query: live records, as the service lists them.
_LIVE = "SELECT * FROM member WHERE deleted_at IS NULL"


@dataclass(frozen=True)
class Line:
    """One line of the summary table."""

    size: int
    figure: str
    ours: str
    baseline: str
    ratio: str
    target: str
    ok: bool | None  # None: reported, no target


def say(text: str = "") -> None:
    print(text, flush=True)


def x(ours: float, base: float) -> str:
    return f"{ours / base:.2f}x" if base > 0 else "n/a"


def verdict(ok: bool | None) -> str:
    return "-" if ok is None else "PASS" if ok else "FAIL"


# --- 1. bulk creation -------------------------------------------------------------------


def _branches(db: Any) -> list[int]:
    kinds = [k.value for k in OrgKind if k.holds_members]
    with db.reader() as session:
        return list(
            session.scalars(
                select(Organization.id).where(
                    Organization.kind.in_(kinds),
                    Organization.deleted_at.is_(None),
                    Organization.dissolved_on.is_(None),
                )
            )
        )


def _plain_connection(path: Path) -> sqlite3.Connection:
    """A sqlite3 connection with the pragmas partydesk sets (db/engine.py)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def _copy_other_tables(source: Path, conn: sqlite3.Connection) -> None:
    """Give the baseline database the office, organizations and catalogues of ours."""
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("ATTACH DATABASE ? AS src", (str(source),))
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM src.sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'member_fts%'"
        )
    ]
    conn.execute("BEGIN")
    for name in names:
        if name in (*_MEMBER_TABLES, "audit_log", "alembic_version"):
            continue
        conn.execute(f'DELETE FROM main."{name}"')
        conn.execute(f'INSERT INTO main."{name}" SELECT * FROM src."{name}"')
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE src")
    conn.execute("PRAGMA foreign_keys = ON")


def _written_rows(path: Path) -> dict[str, tuple[str, list[tuple[Any, ...]]]]:
    """The rows create_members wrote, per table: (INSERT statement, rows)."""
    conn = sqlite3.connect(path)
    try:
        written: dict[str, tuple[str, list[tuple[Any, ...]]]] = {}
        for name in _MEMBER_TABLES:
            cursor = conn.execute(f"SELECT * FROM {name} ORDER BY id")
            rows = cursor.fetchall()
            columns = [d[0] for d in cursor.description]
            marks = ", ".join("?" for _ in columns)
            sql = f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks})"
            written[name] = (sql, rows)
        return written
    finally:
        conn.close()


def bench_bulk(size: int, folder: Path, seed: int, lines: list[Line]) -> tuple[Path, list[Person]]:
    say(f"\n[1] bulk creation of {size:,} members")
    ours = folder / "ours.sqlite"
    db = open_database(ours, actor="bench")
    build_demo_office(db, members=0, seed=seed, today=TODAY)
    branches = _branches(db)
    rows, people = make_rows(size, branches, TODAY, seed)
    say(f"    {len(rows):,} MemberInput rows built over {len(branches)} branches")
    gc.collect()
    ours_s, result = timed(lambda: create_members(db, rows, today=TODAY))
    wal_file, wal_wal = file_sizes(ours)
    assert result.members == size, result
    say(
        f"    create_members: {ours_s:.2f} s ({size / ours_s:,.0f} members/s;"
        f" {result.events:,} events, {result.memberships:,} memberships)"
    )
    prepare_s = _prepare_only(db, rows)
    say(
        f"    of which prepare_member alone (measured apart): {prepare_s:.2f} s"
        f" ({prepare_s / ours_s:.0%})"
    )
    db.close()
    rows.clear()
    gc.collect()

    base_path = folder / "baseline.sqlite"
    open_database(base_path, actor="bench").close()
    conn = _plain_connection(base_path)
    _copy_other_tables(ours, conn)
    written = _written_rows(ours)
    total_rows = sum(len(r) for _, r in written.values())

    def insert_all() -> None:
        conn.execute("BEGIN")
        for sql, table_rows in written.values():
            conn.executemany(sql, table_rows)
        conn.execute("COMMIT")

    gc.collect()
    base_s, _ = timed(insert_all)
    base_file, base_wal = file_sizes(base_path)
    conn.close()
    written.clear()
    say(
        f"    baseline executemany of the same {total_rows:,} rows: {base_s:.2f} s"
        f" ({size / base_s:,.0f} members/s, {total_rows / base_s:,.0f} rows/s)"
    )
    bulk_ratio = ours_s / base_s
    say(f"    ratio: {bulk_ratio:.2f}x (target ≤ {BULK_MAX_RATIO:.0f}x)")
    lines.append(
        Line(
            size,
            "bulk create (s)",
            f"{ours_s:.2f}",
            f"{base_s:.2f}",
            x(ours_s, base_s),
            f"≤ {BULK_MAX_RATIO:.0f}x",
            bulk_ratio <= BULK_MAX_RATIO,
        )
    )
    lines.append(
        Line(size, "bulk members/s", f"{size / ours_s:,.0f}", f"{size / base_s:,.0f}", "", "", None)
    )

    # 4. size, measured here while both WAL files are as the writes left them.
    say("\n[4] database size after creation")
    ours_total, base_total = wal_file + wal_wal, base_file + base_wal
    say(
        f"    ours: file {wal_file / MB:.1f} MB + wal {wal_wal / MB:.1f} MB ="
        f" {ours_total / MB:.1f} MB, {ours_total / size:,.0f} bytes/member"
    )
    say(
        f"    baseline: file {base_file / MB:.1f} MB + wal {base_wal / MB:.1f} MB ="
        f" {base_total / MB:.1f} MB, {base_total / size:,.0f} bytes/member"
    )
    checkpointed = ours.stat().st_size  # closed: WAL checkpointed into the file, removed
    say(
        f"    ours once closed (WAL checkpointed): {checkpointed / MB:.1f} MB,"
        f" {checkpointed / size:,.0f} bytes/member"
    )
    biggest = space_by_object(ours, top=8)
    if biggest:
        say(
            "    largest objects: "
            + ", ".join(f"{name} {size_ / MB:.0f} MB" for name, size_ in biggest)
        )
    lines.append(
        Line(
            size,
            "db size file+wal (MB)",
            f"{ours_total / MB:.1f}",
            "-",  # the baseline leaves its WAL as is: compare the closed files below
            "",
            "",
            None,
        )
    )
    lines.append(
        Line(
            size,
            "bytes/member (closed)",
            f"{checkpointed / size:,.0f}",
            f"{base_path.stat().st_size / size:,.0f}",
            x(checkpointed, base_path.stat().st_size),
            "",
            None,
        )
    )
    base_path.unlink()
    return ours, people


def _prepare_only(db: Any, rows: Sequence[MemberInput]) -> float:
    """Seconds of the validation and normalization alone, the same calls create_members makes."""
    with db.reader() as session:
        codes = CatalogueCodes(session)
        rules = load_rule_table(session)
    gc.collect()
    seconds, _ = timed(lambda: [prepare_member(row, codes, rules, TODAY) for row in rows])
    return seconds


# --- 3. pages -----------------------------------------------------------------------------


def bench_pages(size: int, path: Path, lines: list[Line]) -> None:
    say(f"\n[3] member list pages of {PAGE}")
    db = open_database(path, actor="bench")  # a fresh engine: nothing cached yet
    conn = sqlite3.connect(path)
    last_offset = max(size - PAGE, 0)
    women = MemberFilter(sex="nữ")
    cases: list[tuple[str, Any, str, tuple[Any, ...], int, float | None]] = [
        (
            "first page",
            lambda: member_page(db, 0, PAGE),
            _LIVE + " ORDER BY name_sort_key LIMIT ?",
            (PAGE,),
            PAGE_RUNS,
            FIRST_PAGE_MAX,
        ),
        (
            f"last page (offset {last_offset:,})",
            lambda: member_page(db, last_offset, PAGE),
            _LIVE + " ORDER BY name_sort_key, id LIMIT ? OFFSET ?",
            (PAGE, last_offset),
            LAST_PAGE_RUNS,
            None,
        ),
        (
            "filtered page (sex = nữ)",
            lambda: member_page(db, 0, PAGE, women),
            _LIVE + " AND sex = ? ORDER BY name_sort_key LIMIT ?",
            ("nữ", PAGE),
            PAGE_RUNS,
            None,
        ),
    ]
    try:
        for label, ours_call, sql, params, runs, target in cases:
            # The first call; for the first page, the first on this database: cold.
            cold, page = timed(ours_call)
            assert len(page) == PAGE, (label, len(page))
            warm = median(repeat(ours_call, runs))
            base_cold, base_rows = timed(partial(_fetch, conn, sql, params))
            assert len(base_rows) == PAGE, (label, len(base_rows))
            base_warm = median(repeat(partial(_fetch, conn, sql, params), runs))
            if target is not None:  # the first page: same names as the plain query
                plain = [
                    row[0]
                    for row in conn.execute(
                        "SELECT full_name FROM member WHERE deleted_at IS NULL"
                        " ORDER BY name_sort_key LIMIT ?",
                        (PAGE,),
                    )
                ]
                assert [r.full_name for r in page] == plain, "first page differs from plain"
            say(
                f"    {label}: first call {ms(cold)}, median of {runs} {ms(warm)};"
                f" baseline first call {ms(base_cold)}, median {ms(base_warm)};"
                f" ratio {x(warm, base_warm)}"
            )
            short = label.split(" (")[0]
            lines.append(
                Line(
                    size,
                    f"{short} median (ms)",
                    f"{warm * 1000:.1f}",
                    f"{base_warm * 1000:.1f}",
                    x(warm, base_warm),
                    f"≤ {target * 1000:.0f} ms" if target else "",
                    None if target is None else warm <= target,
                )
            )
            lines.append(
                Line(
                    size,
                    f"{short} 1st call (ms)",
                    f"{cold * 1000:.1f}",
                    f"{base_cold * 1000:.1f}",
                    x(cold, base_cold),
                    "",
                    None,
                )
            )
    finally:
        conn.close()
        db.close()


def _fetch(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...]) -> list[Any]:
    return conn.execute(sql, params).fetchall()


# --- 2. search ------------------------------------------------------------------------------


def bench_search(size: int, path: Path, people: Sequence[Person], lines: list[Line]) -> None:
    queries = make_queries(people, QUERIES_PER_KIND)
    say(f"\n[2] search: {len(queries)} queries over {size:,} members")
    db = open_database(path, actor="bench")
    conn = sqlite3.connect(path)
    try:
        search_members(db, "tran van")  # warm-up: connection, statement caches
        search_members(db, "0790")
        baseline_search(conn, "tran van")
        ours: list[tuple[Query, float, int]] = []
        for query in queries:
            seconds, found = timed(partial(search_members, db, query.text))
            ours.append((query, seconds, len(found)))
        base: list[float] = []
        for query in queries:
            seconds, _ = timed(partial(baseline_search, conn, query.text))
            base.append(seconds)
    finally:
        conn.close()
        db.close()

    rows: list[list[str]] = []
    for kind in (*KINDS, "all"):
        picked = [i for i, (q, _, _) in enumerate(ours) if kind in ("all", q.kind)]
        times = [ours[i][1] for i in picked]
        base_times = [base[i] for i in picked]
        empty = sum(1 for i in picked if ours[i][2] == 0)
        hits = sum(ours[i][2] for i in picked) / len(picked)
        example = ours[picked[0]][0].text if kind != "all" else ""
        rows.append(
            [
                kind,
                f"«{example}»" if example else "",
                str(len(picked)),
                ms(percentile(times, 50)),
                ms(percentile(times, 95)),
                ms(max(times)),
                ms(percentile(base_times, 50)),
                ms(percentile(base_times, 95)),
                x(percentile(times, 50), percentile(base_times, 50)),
                f"{hits:.0f}",
                str(empty),
            ]
        )
    say(
        "    "
        + table(
            [
                "kind",
                "example",
                "n",
                "p50",
                "p95",
                "max",
                "LIKE p50",
                "LIKE p95",
                "p50 ratio",
                "avg hits",
                "empty",
            ],
            rows,
        ).replace("\n", "\n    ")
    )
    times = [t for _, t, _ in ours]
    p50, p95 = percentile(times, 50), percentile(times, 95)
    b50, b95 = percentile(base, 50), percentile(base, 95)
    lines.append(
        Line(
            size,
            "search p50 (ms)",
            f"{p50 * 1000:.1f}",
            f"{b50 * 1000:.1f}",
            x(p50, b50),
            f"≤ {SEARCH_P50_MAX * 1000:.0f} ms",
            p50 <= SEARCH_P50_MAX,
        )
    )
    lines.append(
        Line(
            size,
            "search p95 (ms)",
            f"{p95 * 1000:.1f}",
            f"{b95 * 1000:.1f}",
            x(p95, b95),
            f"≤ {SEARCH_P95_MAX * 1000:.0f} ms",
            p95 <= SEARCH_P95_MAX,
        )
    )


# --- driver ---------------------------------------------------------------------------------


def run_size(size: int, workdir: Path, seed: int) -> list[Line]:
    folder = workdir / f"n{size}"
    folder.mkdir()
    lines: list[Line] = []
    say(f"\n===== N = {size:,} =====")
    try:
        path, people = bench_bulk(size, folder, seed, lines)
        bench_pages(size, path, lines)
        bench_search(size, path, people, lines)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return lines


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"sizes are integers separated by commas: {text}") from exc
    if not sizes or any(s < PAGE or s > 999_999 for s in sizes):
        raise argparse.ArgumentTypeError(f"each size must be between {PAGE} and 999999")
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bench_foundation", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=list(DEFAULT_SIZES),
        help="member counts, comma separated (default 100000,500000)",
    )
    parser.add_argument("--quick", action="store_true", help="smoke run: 20,000 members only")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated rows")
    args = parser.parse_args(argv)
    sizes: list[int] = list(QUICK_SIZES) if args.quick else args.sizes

    say(
        f"partydesk foundation benchmark, {datetime.now():%Y-%m-%d %H:%M}"
        f" | Python {platform.python_version()} | SQLite {sqlite3.sqlite_version}"
        f" | SQLAlchemy {sqlalchemy.__version__} | {os.cpu_count()} cores"
        f" | {platform.system()} {platform.release()}"
    )
    lines: list[Line] = []
    with tempfile.TemporaryDirectory(prefix="partydesk-bench-") as tmp:
        for size in sizes:
            lines.extend(run_size(size, Path(tmp), args.seed))

    say("\n===== summary =====")
    say(
        table(
            ["N", "figure", "ours", "baseline", "ratio", "target", "result"],
            [
                [
                    f"{ln.size:,}",
                    ln.figure,
                    ln.ours,
                    ln.baseline,
                    ln.ratio,
                    ln.target,
                    verdict(ln.ok),
                ]
                for ln in lines
            ],
        )
    )
    failed = [ln for ln in lines if ln.ok is False]
    say(f"\n{len(failed)} target(s) missed" if failed else "\nall targets met")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
