"""The overview's figures and to-do list over a big register, against a plain read of its data.

    .venv/bin/python -m bench.bench_overview [--size 100000] [--runs 3]

The database is bench_statistics' (`bench/out/statistics-N.sqlite3`, built by
`bench.bench_statistics --size N --build-only` and reused; this bench builds it when it
is missing). The day is 15/8/2026, when the badge occasion of 2/9 is inside the to-do
list's 60-day horizon: the badge list is the provider that reads the whole register.

Measured, each the median of `--runs` runs after one warm-up:

- ours: `overview(db, today)`: the counts by status and by grassroots organization, and
  every area's «Việc cần làm» (admission, transfers, exemption, dues, badges, ratings,
  cadre terms), with the time of each provider printed beside it;
- baseline: plain sqlite3 on the same file reading the data the badge list needs: the
  living and deceased members admitted by the occasion, and the events of all members
  (one pass each, rows fetched, nothing computed).

No target was set for this page; the figure was over a minute at 500k members before
the badge list was fixed (bench/README.md).
"""

from __future__ import annotations

import argparse
import gc
import platform
import sqlite3
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from bench.bench_statistics import register_file, say
from bench.measure import median, timed
from partydesk.services.database import open_database

TODAY = date(2026, 8, 15)
OCCASION = date(2026, 9, 2)


def _timed(work: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    return timed(work)


def baseline(path: Path) -> int:
    """Plain sqlite3: the members the badge list considers and every live event, fetched."""
    con = sqlite3.connect(path)
    try:
        members = con.execute(
            "SELECT id, full_name, birth_date, organization_id, status, badge_no FROM member"
            " WHERE status IN ('probationary', 'official', 'exempted', 'deceased')"
            " AND decision_date IS NOT NULL AND decision_date <= ? AND deleted_at IS NULL",
            (OCCASION.isoformat(),),
        ).fetchall()
        events = con.execute(
            "SELECT member_id, kind, on_date, id FROM member_event WHERE deleted_at IS NULL"
            " ORDER BY member_id, on_date, id"
        ).fetchall()
        return len(members) + len(events)
    finally:
        con.close()


def providers(path: Path) -> list[tuple[str, float, int]]:
    """Each to-do provider alone: (module, seconds, items)."""
    from partydesk.services import due
    from partydesk.services.overview import DUE_PROVIDERS

    db = open_database(path, actor="bench")
    try:
        with db.reader() as session:
            context = due.due_context(session, TODAY)
            found = []
            for provider in DUE_PROVIDERS:
                seconds, items = _timed(lambda provider=provider: provider(context))
                found.append((provider.__module__.rsplit(".", 1)[-1], seconds, len(items)))
            return found
    finally:
        db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    say(
        f"overview bench: {args.size:,} members, day {TODAY:%d/%m/%Y};"
        f" Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )
    path = register_file(args.size, args.seed)

    from partydesk.services.overview import overview

    db = open_database(path, actor="bench")
    try:
        overview(db, TODAY)  # warm-up: SQLite's page cache and the OS file cache
        ours_runs = []
        result = None
        for _ in range(args.runs):
            seconds, result = _timed(lambda: overview(db, TODAY))
            ours_runs.append(seconds)
    finally:
        db.close()
    assert result is not None
    baseline(path)  # warm-up
    base_runs = [_timed(lambda: baseline(path))[0] for _ in range(args.runs)]
    ours, base = median(ours_runs), median(base_runs)
    say(f"[1] overview(): median of {args.runs} {ours:.2f} s ({len(result.due)} to-do items)")
    for name, seconds, items in providers(path):
        say(f"      {name:20s} {seconds:6.2f} s  {items} items")
    say(f"[2] baseline (plain sqlite3 read of the badge list's data): {base:.2f} s")
    say(f"ratio: {ours / base:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
