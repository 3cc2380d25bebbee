"""Sync import: a full package of a 50,000-member office, and a delta of 500 changes.

    .venv/bin/python -m bench.bench_sync [--members 50000] [--changes 500]

Setup (untimed): a demo office below with `--members` members (their organizations,
memberships, events and cadres; `build_demo_office(lifecycle=False)`), an office above,
keys exchanged; the office below exports a full package.

1. **Full import, ours**: `import_package` on a fresh copy of the office above: the whole
   package opened and verified (decryption, signature, every hash and line), replay,
   schema, continuity and scope checks, every record planned against the database, then
   one transaction of bulk inserts, the self references of the organization tree, audit
   entries and the package record.
   **Baseline, same run**: raw `sqlite3` `executemany` of the same rows (every table the
   package carries, `SELECT *` from the office below, `INSERT` of the same columns) into
   a fresh migrated database, one transaction, the same pragmas (WAL, synchronous
   NORMAL, foreign keys on). No decryption, no checks, no id mapping.
2. **Delta**: `--changes` members edited below (one transaction), a delta exported, and
   `import_package` of it timed at the office above that imported the full package.

The full import runs `--repeats` times (fresh copies each time), alternating with the
baseline; the verdict is the median of the pairs' ratios, as the machine is shared.
Targets (issue 6): full import ≤ 4× the baseline; delta of 500 changes ≤ 1 s.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import sqlite3
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import select

from partydesk.db.models import Member
from partydesk.services import sync_export, sync_import, sync_receipts
from partydesk.services.database import open_database
from partydesk.services.demo import build_demo_office
from partydesk.services.office import OfficeInput, init_office
from partydesk.services.sync_keys import Relation, register_partner, write_public_key
from partydesk.services.sync_records import upward_specs

TODAY = date(2026, 11, 23)
ABOVE = OfficeInput(
    name="Ban Tổ chức Tỉnh ủy Lâm Đồng",
    superior_name="Tỉnh ủy Lâm Đồng",
    place_name="Lâm Đồng",
    number_symbol="BTCTU",
    level="tinh",
    code="TINH",
)


def setup(folder: Path, members: int) -> tuple[Path, Path, Path]:
    """The office below, the office above (template) and the full package."""
    below = open_database(folder / "below.sqlite3", actor="bench")
    build_demo_office(below, members=members, seed=1, today=TODAY, lifecycle=False)
    above = open_database(folder / "above.sqlite3", actor="bench")
    init_office(above, ABOVE)
    key_below = write_public_key(below, folder / "below.pdkey")
    key_above = write_public_key(above, folder / "above.pdkey")
    register_partner(
        above, (folder / "below.pdkey").read_bytes(), key_below.fingerprint, Relation.BELOW, ["LD"]
    )
    register_partner(
        below, (folder / "above.pdkey").read_bytes(), key_above.fingerprint, Relation.ABOVE
    )
    package = folder / "full.pdpkg"
    sync_export.export_package(below, package, full=True)
    below.close()
    above.close()
    return folder / "below.sqlite3", folder / "above.sqlite3", package


def baseline(source: Path, target: Path) -> tuple[float, int]:
    """Raw executemany of every synchronised table's rows; (seconds, rows)."""
    tables = [spec.name for spec in upward_specs()]
    src = sqlite3.connect(source)
    data = {}
    for table in tables:
        cursor = src.execute(f"SELECT * FROM {table}")
        data[table] = ([column[0] for column in cursor.description], cursor.fetchall())
    src.close()
    con = sqlite3.connect(target, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    con.execute("PRAGMA foreign_keys = ON")
    rows = 0
    start = time.perf_counter()
    con.execute("BEGIN")
    for table in tables:
        columns, values = data[table]
        marks = ", ".join("?" for _ in columns)
        con.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
            values,
        )
        rows += len(values)
    con.execute("COMMIT")
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed, rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--members", type=int, default=50_000)
    parser.add_argument("--changes", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    print(f"Python {platform.python_version()}, {platform.machine()}, {args.members} members")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        below_path, above_template, package = setup(folder, args.members)
        print(f"setup (demo office, keys, full export): {time.perf_counter() - start:.1f} s")
        print(f"package: {package.stat().st_size / 2**20:.1f} MiB")

        empty = folder / "empty.sqlite3"
        open_database(empty, actor="bench").close()
        pairs = []
        for run in range(args.repeats):
            # Fresh targets each time; ours and the baseline alternate, so each pair ran
            # under the same load (the machine is shared).
            target = folder / f"base-{run}.sqlite3"
            shutil.copyfile(empty, target)
            base_time, base_rows = baseline(below_path, target)
            above_path = folder / f"above-{run}.sqlite3"
            shutil.copyfile(above_template, above_path)
            above = open_database(above_path, actor="bench")
            start = time.perf_counter()
            result = sync_import.import_package(above, package, receipt=folder / "r.pdpkg")
            ours = time.perf_counter() - start
            records = sum(result.counts.values())
            pairs.append((ours, base_time))
            print(
                f"run {run + 1}: ours {ours:6.2f} s ({records:,} records, {records / ours:,.0f}/s),"
                f" raw executemany {base_time:6.2f} s ({base_rows:,} rows): {ours / base_time:.2f}x"
            )
            if run < args.repeats - 1:
                above.close()
        print(
            f"full import: median ours {statistics.median(p[0] for p in pairs):.2f} s,"
            f" median baseline {statistics.median(p[1] for p in pairs):.2f} s,"
            f" median of the pairs' ratios {statistics.median(p[0] / p[1] for p in pairs):.2f}x"
            " (target <= 4x)"
        )

        below = open_database(below_path, actor="bench")
        sync_receipts.import_receipt(below, folder / "r.pdpkg")
        with below.session("bench.edit") as session:
            members = session.scalars(select(Member).limit(args.changes)).all()
            for member in members:
                member.notes = "Đã cập nhật"
        delta = folder / "delta.pdpkg"
        exported = sync_export.export_package(below, delta)
        start = time.perf_counter()
        done = sync_import.import_package(above, delta)
        elapsed = time.perf_counter() - start
        print(
            f"delta import: {elapsed:.2f} s for {sum(exported.counts.values())} records"
            f" (updated {done.counts['updated']}; target <= 1 s)"
        )
        below.close()
        above.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
