"""Statistics as of a date over a big register, against a plain sqlite3 GROUP BY pass.

    .venv/bin/python -m bench.bench_statistics [--size 500000] [--rebuild] [--runs 3]

The database is the demo office without members (35 branches) plus N generated members
(`bench/rows.py`) given realistic histories: about 4 % left (struck off, asked to leave,
expelled), 3 % died, 3 % transferred out and 12 % transferred in at some past date, 2 %
admitted in the reporting year (probationary, no recognition yet), 1 % moved between
grassroots organizations; so ~3.3 events and ~1 membership per member. Building 500k
takes a few minutes: the file is kept in `bench/out/statistics-N.sqlite3` (git-ignored)
and reused by later runs (`--rebuild` builds it again).

Measured, each the median of `--runs` runs after one warm-up run:

- ours: `statistics.compute_statistics(db, StatisticsRequest(as_of=30/6/2026))` — the
  whole report: members on 31/12/2025 and on 30/6/2026 per organization from the event
  history and memberships, every composition, the flows of the period, the balance check.
- baseline: plain sqlite3 on the same file, the grouped counts of a report over the
  cached current status (what a report that ignored history would do):
  `SELECT sex, count(*) FROM member WHERE deleted_at IS NULL AND status IN
  ('probationary','official','exempted') GROUP BY sex`, and the same GROUP BY for
  ethnicity_code, religion_code, general_education, qualification_code, theory_code,
  occupation_code and organization_id (8 grouped passes).

Target: ours ≤ 2 s at 500k. Prints both times and the ratio.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import sqlite3
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from bench.measure import median, timed
from bench.rows import make_rows
from partydesk.codes import EventKind, OrgKind
from partydesk.db.models import Organization
from partydesk.services.database import open_database
from partydesk.services.demo import build_demo_office
from partydesk.services.member_bulk import create_members
from partydesk.services.member_input import HistoryItem, MemberInput

TODAY = date(2026, 6, 30)
AS_OF = date(2026, 6, 30)
TARGET_SECONDS = 2.0
OUT = Path(__file__).resolve().parent / "out"

_COUNTED = "('probationary', 'official', 'exempted')"
_BASELINE_COLUMNS = (
    "sex",
    "ethnicity_code",
    "religion_code",
    "general_education",
    "qualification_code",
    "theory_code",
    "occupation_code",
    "organization_id",
)


def say(text: str = "") -> None:
    print(text, flush=True)


def _branches(db: object) -> tuple[list[int], dict[int, int]]:
    """Branch ids, and each branch's grassroots organization."""
    kinds = [k.value for k in OrgKind if k.holds_members]
    with db.reader() as session:  # type: ignore[attr-defined]
        rows = session.execute(
            select(Organization.id, Organization.kind, Organization.parent_id).where(
                Organization.deleted_at.is_(None)
            )
        ).all()
    by_id = {row.id: row for row in rows}
    branches = [row.id for row in rows if row.kind in kinds]
    grassroots: dict[int, int] = {}
    for branch in branches:
        row = by_id[branch]
        grassroots[branch] = branch if OrgKind(row.kind).is_grassroots else row.parent_id
    return branches, grassroots


def _with_history(
    rows: list[MemberInput], branches: list[int], grassroots: dict[int, int], seed: int
) -> list[MemberInput]:
    """Give the generated official members leavings, deaths, transfers and admissions."""
    rng = random.Random(seed + 7)
    start_of_year = date(TODAY.year, 1, 1)
    out: list[MemberInput] = []
    for row in rows:
        assert row.official_date is not None
        assert row.ceremony_date is not None
        roll = rng.random()
        official = row.official_date
        if roll < 0.02:
            # Admitted this year: probationary on the report date.
            ceremony = start_of_year + timedelta(days=rng.randint(0, 170))
            decision = ceremony - timedelta(days=rng.randint(7, 30))
            out.append(
                replace(row, decision_date=decision, ceremony_date=ceremony, official_date=None)
            )
            continue
        history: tuple[HistoryItem, ...] = ()
        joined = row.ceremony_date
        if roll < 0.14:
            # Came from another office after recognition.
            joined = official + timedelta(days=rng.randint(100, 4000))
            if joined >= TODAY:
                joined = row.ceremony_date
            else:
                history += (
                    HistoryItem(EventKind.TRANSFER_IN.value, joined, "12-GT/ĐU", "Đảng ủy"),
                )
        first = max(joined, official) + timedelta(days=30)
        end_roll = rng.random()
        if end_roll < 0.11 and first < TODAY:
            on = first + timedelta(days=rng.randint(0, (TODAY - first).days))
            kind = (
                EventKind.STRUCK_OFF
                if end_roll < 0.02
                else EventKind.ASKED_TO_LEAVE
                if end_roll < 0.03
                else EventKind.EXPELLED
                if end_roll < 0.04
                else EventKind.DIED
                if end_roll < 0.07
                else EventKind.TRANSFER_OUT
                if end_roll < 0.10
                else EventKind.INTERNAL_MOVE
            )
            if kind is EventKind.INTERNAL_MOVE:
                others = [b for b in branches if grassroots[b] != grassroots[row.organization_id]]
                history += (HistoryItem(kind.value, on, organization_id=rng.choice(others)),)
            else:
                history += (HistoryItem(kind.value, on, "1-QĐ/ĐU"),)
        out.append(replace(row, joined_on=joined, history=history))
    return out


def build(path: Path, size: int, seed: int) -> None:
    """Build the benchmark database at `path` (replaced if present)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(path, actor="bench")
    try:
        build_demo_office(db, members=0, seed=seed, today=TODAY)
        branches, grassroots = _branches(db)
        rows, _people = make_rows(size, branches, TODAY, seed)
        rows = _with_history(rows, branches, grassroots, seed)
        gc.collect()
        seconds, result = timed(lambda: create_members(db, rows, today=TODAY))
        say(
            f"    built {result.members:,} members, {result.events:,} events,"
            f" {result.memberships:,} memberships in {seconds:.0f} s"
        )
    finally:
        db.close()


def baseline(path: Path) -> dict[str, dict[object, int]]:
    """The plain grouped counts over the cached current status (see the module docstring)."""
    conn = sqlite3.connect(path)
    try:
        return {
            column: dict(
                conn.execute(
                    f"SELECT {column}, count(*) FROM member WHERE deleted_at IS NULL"
                    f" AND status IN {_COUNTED} GROUP BY {column}"
                ).fetchall()
            )
            for column in _BASELINE_COLUMNS
        }
    finally:
        conn.close()


def register_file(size: int, seed: int, rebuild: bool = False) -> Path:
    """The database of `size` members in `OUT`, built first when missing (or `rebuild`)."""
    path = OUT / f"statistics-{size}.sqlite3"
    if rebuild or not path.exists():
        say(f"[0] building {path} (kept for later runs)")
        build(path, size, seed)
    else:
        say(f"[0] reusing {path}")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=500_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args(argv)
    say(
        f"statistics bench: {args.size:,} members; Python {platform.python_version()},"
        f" SQLite {sqlite3.sqlite_version}"
    )
    path = register_file(args.size, args.seed, rebuild=args.rebuild)
    if args.build_only:
        return 0

    from partydesk.services.statistics import StatisticsRequest, compute_statistics

    db = open_database(path, actor="bench")
    request = StatisticsRequest(as_of=AS_OF)
    try:
        compute_statistics(db, request)  # warm-up: SQLite page cache and OS file cache
        ours_times: list[tuple[float, float]] = []
        stats = None
        for _ in range(args.runs):
            gc.collect()
            cpu = time.process_time()
            seconds, stats = timed(lambda: compute_statistics(db, request))
            ours_times.append((seconds, time.process_time() - cpu))
    finally:
        db.close()
    assert stats is not None
    baseline(path)  # warm-up
    base_times: list[tuple[float, float]] = []
    for _ in range(args.runs):
        cpu = time.process_time()
        seconds, _ = timed(lambda: baseline(path))
        base_times.append((seconds, time.process_time() - cpu))
    ours, base = median([t for t, _ in ours_times]), median([t for t, _ in base_times])
    ours_cpu, base_cpu = median([c for _, c in ours_times]), median([c for _, c in base_times])
    total = stats.total
    say(f"\n[1] statistics as of {AS_OF:%d/%m/%Y}, period from {stats.period_start:%d/%m/%Y}")
    say(
        f"    members: opening {total.opening:,}, admitted {total.admitted:,},"
        f" in {total.total_in:,}, out {total.total_out:,}, closing {total.closing:,};"
        f" balance {'OK' if not stats.mismatches else 'MISMATCH ' + str(stats.mismatches)}"
    )
    say(
        f"    women {stats.members.count('women'):,},"
        f" minorities {stats.members.count('minorities'):,},"
        f" aged ≤ 30 {stats.members.count('young'):,}"
    )
    say(f"    load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    say(
        f"    ours (compute_statistics), median of {args.runs}: {ours:.3f} s (CPU {ours_cpu:.3f} s)"
    )
    say(
        f"    baseline (8 plain GROUP BY passes), median of {args.runs}: {base:.3f} s"
        f" (CPU {base_cpu:.3f} s)"
    )
    say(f"    CPU ratio: {ours_cpu / base_cpu:.2f}x")
    say(
        f"    ratio: {ours / base:.2f}x; target ≤ {TARGET_SECONDS:.1f} s:"
        f" {'PASS' if ours <= TARGET_SECONDS else 'FAIL'}"
    )
    return 0 if ours <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
