"""Excel export of the member register against bare openpyxl `write_only`, same cells.

    .venv/bin/python -m bench.bench_excel_export [--members 50000] [--repeats 3]
                                                [--db PATH] [--profile]

The database: the demo office without members (`build_demo_office(db, members=0,
seed=1)`, 35 branches), then `--members` official members from `bench/rows.py` (realistic
names, CCCDs, three dates each), built before any timing; `--db` uses an existing
database instead (any partydesk file, e.g. one made with `partydesk demo`).

1. **Ours**: `export_members(db, path, MemberFilter(statuses=None))` with every column
   (12: name, sex, birth date, branch, status, CCCD, card, the three admission dates,
   ethnicity, theory), in Vietnamese list order: the count, the SQL read in chunks, the
   catalogue and branch names, typed cells (dates as dates), the formula guard, the title
   rows, page setup and the atomic save, all in the timed call.
2. **Baseline**: the cells our workbook holds, read back with openpyxl before timing
   (dates as dates, numbers as numbers, text as text), written again by bare openpyxl:
   `Workbook(write_only=True)`, `ws.append(row)` for every row including the title and
   header rows, `wb.save(path)`: no styles beyond the date format openpyxl gives a date
   by itself, no database.

Each is run `--repeats` times, alternating ours and bare, so each pair runs under the
same load (the machine is shared); the verdict is the median of the pairs' ratios
(wall-clock), with the medians, the best runs and the CPU times printed too. Target:
ours ≤ 1.3× the baseline. Exit status 1 when missed. `--profile` prints the top of a cProfile
of one more export.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import platform
import pstats
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl import Workbook
from sqlalchemy import func, select

from bench.bench_foundation import _branches
from bench.measure import timed
from bench.rows import make_rows
from partydesk.db.engine import Database
from partydesk.db.models import Member
from partydesk.services.database import open_database
from partydesk.services.demo import build_demo_office
from partydesk.services.excel_export import MEMBER_COLUMNS, export_members
from partydesk.services.member_bulk import create_members
from partydesk.services.member_queries import MemberFilter

TODAY = date(2026, 6, 30)
TARGET = 1.3


def clocked(action: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of `action()` (CPU time ignores other processes)."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def build(path: Path, members: int, seed: int) -> Database:
    """The demo office without members, then `members` generated official members."""
    db = open_database(path, actor="bench")
    build_demo_office(db, members=0, seed=seed, today=TODAY)
    rows, _people = make_rows(members, _branches(db), TODAY, seed)
    seconds, _result = timed(lambda: create_members(db, rows, today=TODAY))
    print(f"{members:,} members created in {seconds:.1f} s (not timed below)")
    return db


def read_back(path: Path) -> list[list[Any]]:
    """Every row of the exported sheet as plain values (a midnight datetime as a date)."""
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        rows: list[list[Any]] = []
        for values in workbook.active.iter_rows(values_only=True):
            rows.append(
                [
                    v.date() if isinstance(v, datetime) and v.time() == datetime.min.time() else v
                    for v in values
                ]
            )
        return rows
    finally:
        workbook.close()


def bare(path: Path, rows: list[list[Any]]) -> None:
    """The baseline: the same values through bare openpyxl write_only."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Đảng viên")
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def main(argv: list[str] | None = None) -> int:
    """Measure, print the figures and the ratio; exit 1 when the target is missed."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--members", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--db", type=Path, help="an existing partydesk database to export")
    parser.add_argument("--profile", action="store_true", help="cProfile one more export")
    args = parser.parse_args(argv)
    print(
        f"Python {platform.python_version()}, openpyxl {openpyxl.__version__},"
        f" {platform.machine()}, {platform.system()}"
    )
    work = Path(tempfile.mkdtemp(prefix="bench-excel-export-"))
    try:
        if args.db is not None:
            db = open_database(args.db, actor="bench")
        else:
            db = build(work / "bench.sqlite3", args.members, args.seed)
        with db.reader() as session:
            live = session.scalar(
                select(func.count()).select_from(Member).where(Member.deleted_at.is_(None))
            )
        filters = MemberFilter(today=TODAY)  # every status, every organization
        ours_path, base_path = work / "ours.xlsx", work / "bare.xlsx"
        result = export_members(db, ours_path, filters)  # warm-up: imports, caches
        assert result.rows == live, (result.rows, live)
        cells = read_back(ours_path)
        assert len(cells) == result.rows + 3  # title, subtitle, header
        kinds = sorted({type(v).__name__ for row in cells[3:] for v in row if v is not None})
        print(
            f"{result.rows:,} rows × {len(MEMBER_COLUMNS)} columns;"
            f" value types in the data rows: {', '.join(kinds)}"
        )
        # Wall-clock and CPU seconds of each run; ours and bare alternate, so each pair
        # ran under the same load of the (shared) machine.
        ours_runs: list[tuple[float, float]] = []
        base_runs: list[tuple[float, float]] = []
        for _ in range(args.repeats):
            gc.collect()
            ours_runs.append(clocked(lambda: export_members(db, ours_path, filters)))
            gc.collect()
            base_runs.append(clocked(lambda: bare(base_path, cells)))
        ours = statistics.median(wall for wall, _cpu in ours_runs)
        base = statistics.median(wall for wall, _cpu in base_runs)
        ours_cpu = statistics.median(cpu for _wall, cpu in ours_runs)
        base_cpu = statistics.median(cpu for _wall, cpu in base_runs)
        pairs = [o[0] / b[0] for o, b in zip(ours_runs, base_runs, strict=True)]
        ratio = statistics.median(pairs)
        print(f"\nexport of {result.rows:,} members ({args.repeats} runs each, alternating)")
        print(f"  export_members (SQL, cells, styles, atomic save): {ours:7.2f} s median")
        print(f"  bare openpyxl write_only, same cells:            {base:7.2f} s median")
        print(f"  runs ours: {', '.join(f'{wall:.2f}' for wall, _cpu in ours_runs)} s")
        print(f"  runs bare: {', '.join(f'{wall:.2f}' for wall, _cpu in base_runs)} s")
        print(f"  ratio of each pair: {', '.join(f'{r:.2f}' for r in pairs)}")
        print(
            f"  CPU time, median: ours {ours_cpu:.2f} s, bare {base_cpu:.2f} s"
            f" ({ours_cpu / base_cpu:.2f}x)"
        )
        print(
            f"  best runs: ours {min(w for w, _c in ours_runs):.2f} s,"
            f" bare {min(w for w, _c in base_runs):.2f} s"
        )
        sizes = ours_path.stat().st_size, base_path.stat().st_size
        print(f"  file sizes: ours {sizes[0]:,} B, bare {sizes[1]:,} B")
        print(f"  rows per second: ours {result.rows / ours:,.0f}, bare {result.rows / base:,.0f}")
        verdict = "PASS" if ratio <= TARGET else "FAIL"
        print(f"  ratio (median of the pairs): {ratio:.2f}x; target ≤ {TARGET}x: {verdict}")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(export_members, db, ours_path, filters)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(20)
        db.close()
        return 0 if ratio <= TARGET else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
