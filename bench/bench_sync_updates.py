"""Downward updates: importing an update package (catalogue entries, rules, decisions).

    .venv/bin/python -m bench.bench_sync_updates [--members 5000] [--entries 1000]
        [--rules 100] [--events 1000] [--repeats 3]

Setup (untimed): a demo office below with `--members` members, an office above, keys
exchanged, the full package imported above. The office above then adds `--entries`
catalogue entries, `--rules` dated rows of `report.admission_target` and `--events`
decisions (award events) for members of the office below, and writes the update package.

**Ours**: `import_updates` on a fresh copy of the office below: the package opened and
verified, continuity, every record planned (catalogue codes, rule values checked like
`rules set`, members looked up, the same step recorded here?), then one transaction
through the ORM (an audit entry per record), the members' status recomputed from their
events, the audit entries of the office above copied, the package recorded.
**Baseline, same run**: raw `sqlite3` `executemany` of the same rows (the office above's
rows, member ids mapped to the office below's beforehand) into a fresh copy of the office
below, one transaction, the same pragmas. No decryption, no checks, no audit.

Ours and the baseline alternate `--repeats` times; the verdict is the median of the
pairs' ratios. No target is set by the issue; the figure is for the record.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import sqlite3
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from partydesk.db.models import CatalogueItem, Member, MemberEvent, RuleParameterRow
from partydesk.rules import fold
from partydesk.services import sync_export, sync_import, sync_updates
from partydesk.services.database import open_database
from partydesk.services.demo import build_demo_office
from partydesk.services.office import OfficeInput, init_office
from partydesk.services.sync_keys import Relation, register_partner, write_public_key

TODAY = date(2026, 11, 23)
ABOVE = OfficeInput(
    name="Ban Tổ chức Tỉnh ủy Lâm Đồng",
    superior_name="Tỉnh ủy Lâm Đồng",
    place_name="Lâm Đồng",
    number_symbol="BTCTU",
    level="tinh",
    code="TINH",
)
BELOW_NAME = "Đảng ủy xã Lạc Dương"
TABLES = ("catalogue_item", "rule_parameter", "member_event")


def setup(folder: Path, args: argparse.Namespace) -> tuple[Path, Path, Path]:
    """The office below (template), the office above and the update package."""
    below = open_database(folder / "below.sqlite3", actor="bench")
    build_demo_office(below, members=args.members, seed=1, today=TODAY, lifecycle=False)
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
    full = folder / "full.pdpkg"
    sync_export.export_package(below, full, full=True)
    sync_import.import_package(above, full)
    with above.session("bench.updates") as session:
        for index in range(args.entries):
            name = f"Nghề mới số {index}"
            session.add(
                CatalogueItem(
                    catalogue="occupation",
                    code=f"moi_{index}",
                    name=name,
                    name_en=f"New occupation {index}",
                    name_fold=fold(name),
                    sort_order=1000 + index,
                )
            )
        for index in range(args.rules):
            session.add(
                RuleParameterRow(
                    key="report.admission_target",
                    valid_from=date(2027, 1, 1) + timedelta(days=index),
                    value_json=str(10 + index),
                    source="Nghị quyết Tỉnh ủy",
                    note="Chỉ tiêu",
                    is_default=False,
                )
            )
        members = session.execute(
            select(Member.id, Member.organization_id).order_by(Member.id).limit(args.events)
        ).all()
        for member_id, organization_id in members:
            session.add(
                MemberEvent(
                    member_id=member_id,
                    organization_id=organization_id,
                    kind="award",
                    on_date=TODAY,
                    decision_no="99-QĐ/TU",
                    decided_by="Tỉnh ủy Lâm Đồng",
                )
            )
    package = folder / "updates.pdpkg"
    sync_updates.export_updates_down(above, BELOW_NAME, package)
    below.close()
    above.close()
    return folder / "below.sqlite3", folder / "above.sqlite3", package


def baseline_rows(
    above: Path, below: Path
) -> dict[str, tuple[list[str], list[tuple[object, ...]]]]:
    """The rows the package carries, as stored above, member ids mapped to the office below."""
    src = sqlite3.connect(above)
    dst = sqlite3.connect(below)
    # above id -> below id, through the UUIDs both offices share
    ids = {}
    for table in ("member", "organization"):
        here = dict(dst.execute(f"SELECT uuid, id FROM {table}").fetchall())
        there = src.execute(f"SELECT id, uuid FROM {table}").fetchall()
        ids[f"{table}_id"] = {row_id: here.get(uuid) for row_id, uuid in there}
    dst.close()
    data = {}
    queries = {
        "catalogue_item": "SELECT * FROM catalogue_item WHERE code LIKE 'moi_%'",
        "rule_parameter": "SELECT * FROM rule_parameter WHERE is_default = 0",
        "member_event": "SELECT * FROM member_event WHERE origin_office IS NULL"
        " AND member_id IN (SELECT id FROM member WHERE origin_office IS NOT NULL)",
    }
    for table in TABLES:
        cursor = src.execute(queries[table])
        columns = [column[0] for column in cursor.description]
        rows = cursor.fetchall()
        maps = [ids.get(name) for name in columns]
        rows = [
            tuple(
                None
                if name == "id"
                else (mapping[value] if mapping is not None and value is not None else value)
                for name, mapping, value in zip(columns, maps, row, strict=True)
            )
            for row in rows
        ]
        data[table] = (columns, rows)
    src.close()
    return data


def baseline(data: dict[str, tuple[list[str], list[tuple[object, ...]]]], target: Path) -> float:
    """Raw executemany of the rows into `target`; seconds."""
    con = sqlite3.connect(target, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    con.execute("PRAGMA foreign_keys = ON")
    start = time.perf_counter()
    con.execute("BEGIN")
    for table, (columns, values) in data.items():
        marks = ", ".join("?" for _ in columns)
        con.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
            values,
        )
    con.execute("COMMIT")
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--members", type=int, default=5_000)
    parser.add_argument("--entries", type=int, default=1_000)
    parser.add_argument("--rules", type=int, default=100)
    parser.add_argument("--events", type=int, default=1_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    print(
        f"Python {platform.python_version()}, {platform.machine()}, {args.members} members;"
        f" {args.entries} entries, {args.rules} rules, {args.events} decisions"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        below_template, above_path, package = setup(folder, args)
        print(
            f"setup (demo office, keys, full import, updates): {time.perf_counter() - start:.1f} s"
        )
        data = baseline_rows(above_path, below_template)
        pairs = []
        for run in range(args.repeats):
            target = folder / f"base-{run}.sqlite3"
            shutil.copyfile(below_template, target)
            base_time = baseline(data, target)
            below_path = folder / f"below-{run}.sqlite3"
            shutil.copyfile(below_template, below_path)
            below = open_database(below_path, actor="bench")
            start = time.perf_counter()
            result = sync_updates.import_updates(below, package)
            ours = time.perf_counter() - start
            below.close()
            records = sum(result.counts.values())
            pairs.append((ours, base_time))
            print(
                f"run {run + 1}: ours {ours:6.2f} s ({records:,} records, {records / ours:,.0f}/s),"
                f" raw executemany {base_time:6.3f} s: {ours / base_time:.1f}x"
            )
        print(
            f"update import: median ours {statistics.median(p[0] for p in pairs):.2f} s,"
            f" median baseline {statistics.median(p[1] for p in pairs):.3f} s,"
            f" median of the pairs' ratios {statistics.median(p[0] / p[1] for p in pairs):.1f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
