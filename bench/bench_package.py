"""Sync package format: write and read 50,000 member records against plain JSON lines in a ZIP.

    .venv/bin/python -m bench.bench_package [--members 50000] [--repeats 3]

The records are the benchmark's realistic members (bench/rows.py, 40 fields each, dates
as ISO text) wrapped as `PackageRecord`s with UUID, version, update time and origin
office, plus one audit entry per 100 members; built before any timing starts.

1. **Write**: `write_package` (canonical JSON lines checked one by one, deflate, manifest,
   Ed25519 signature, ChaCha20-Poly1305 in 1 MiB chunks, atomic file).
2. **Open**: `open_package` (decrypt, archive checks, signature, every entry hashed, every
   line parsed and checked, duplicate UUIDs), then **read**: iterating all records.

Baseline, same records, same run: `json.dumps(record, ensure_ascii=False)` per line into
one `zipfile` ZIP_DEFLATED entry (the same zlib level 6) written to a file; read back by
iterating the entry's lines with `json.loads`. No canonical form, no checks, no crypto:
the ratio is what safety costs on top of the plain way of storing the same data. The
median of `--repeats` runs is reported. Peak memory of one `open_package` (tracemalloc,
in a separate untimed run) is printed against the package's compressed archive size.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import platform
import statistics
import sys
import tempfile
import time
import tracemalloc
import uuid
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bench.measure import MB, ratio, table
from bench.rows import make_rows
from partydesk.documents.package import (
    AuditRecord,
    Kind,
    KnownSender,
    PackageRecord,
    PackageSpec,
    generate_office_keys,
    known_senders,
    open_package,
    write_package,
)

TODAY = date(2026, 6, 30)
ORIGIN = "6f1f7a52-3d0e-4c43-9a57-2f4d7c0e1a01"


def plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def make_records(count: int) -> tuple[list[PackageRecord], list[AuditRecord]]:
    rows, _ = make_rows(count, list(range(1, 36)), TODAY)
    records = []
    for index, row in enumerate(rows):
        fields = {key: plain(value) for key, value in dataclasses.asdict(row).items()}
        records.append(
            PackageRecord(
                uuid=str(uuid.UUID(int=index + 1)),
                version=1 + index % 4,
                updated_at=datetime(2026, 6, 30, 8, index % 60, index % 59, 1000 * (index % 997)),
                origin_office=ORIGIN,
                deleted=index % 500 == 0,
                fields=fields,
            )
        )
    audit = [
        AuditRecord(
            at=datetime(2026, 6, 30, 8, 0, index % 60),
            actor="Nguyễn Văn Cán",
            action="member.update",
            table="member",
            record_uuid=records[index].uuid,
            transaction_uuid=str(uuid.UUID(int=10**9 + index)),
            before={"status": "probationary"},
            after={"status": "official"},
        )
        for index in range(0, count, 100)
    ]
    return records, audit


def median_of(call: Callable[[], Any], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--members", type=int, default=50_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    print(f"Python {platform.python_version()}, {platform.machine()}, {args.members} members")
    records, audit = make_records(args.members)
    lines = [record.to_json() | {"updated_at": str(record.updated_at)} for record in records]
    audit_lines = [entry.to_json() | {"at": str(entry.at)} for entry in audit]
    sender = generate_office_keys(ORIGIN, "Đảng ủy xã Đam Rông")
    above = generate_office_keys(str(uuid.uuid4()), "Ban Tổ chức Tỉnh ủy")
    senders = known_senders([KnownSender(sender.public)])
    spec = PackageSpec(Kind.FULL, "0002", "0.1.0", 1, args.members, "Năm 2026")

    with tempfile.TemporaryDirectory() as folder:
        ours = Path(folder) / "full.pdpkg"
        base = Path(folder) / "plain.zip"

        def write_ours() -> None:
            write_package(ours, spec, {"member": records}, audit, sender, above.public)

        def write_base() -> None:
            with zipfile.ZipFile(base, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
                with archive.open("member.jsonl", "w") as out:
                    for line in lines:
                        out.write(json.dumps(line, ensure_ascii=False).encode() + b"\n")
                with archive.open("audit.jsonl", "w") as out:
                    for line in audit_lines:
                        out.write(json.dumps(line, ensure_ascii=False).encode() + b"\n")

        def open_ours() -> Any:
            return open_package(ours, above, senders)

        def read_ours() -> None:
            opened = open_ours()
            assert sum(1 for _ in opened.records("member")) == args.members

        def read_base() -> None:
            with zipfile.ZipFile(base) as archive, archive.open("member.jsonl") as stream:
                assert sum(1 for line in stream if json.loads(line)) == args.members

        rows = []
        write = (median_of(write_ours, args.repeats), median_of(write_base, args.repeats))
        rows.append(["write", f"{write[0]:.2f} s", f"{write[1]:.2f} s", ratio(*write)])
        verify = median_of(open_ours, args.repeats)
        rows.append(["open (all checks)", f"{verify:.2f} s", "", ""])
        read = (median_of(read_ours, args.repeats), median_of(read_base, args.repeats))
        rows.append(["open + read all", f"{read[0]:.2f} s", f"{read[1]:.2f} s", ratio(*read)])
        both = (write[0] + read[0], write[1] + read[1])
        rows.append(["write + open + read", f"{both[0]:.2f} s", f"{both[1]:.2f} s", ratio(*both)])
        sizes = (ours.stat().st_size / MB, base.stat().st_size / MB)
        rows.append(["file size", f"{sizes[0]:.1f} MiB", f"{sizes[1]:.1f} MiB", ratio(*sizes)])
        print(table(["", "package", "json+zipfile", "ratio"], rows))

        with zipfile.ZipFile(base) as archive:
            uncompressed = sum(info.file_size for info in archive.infolist()) / MB
        print(f"uncompressed JSON lines (baseline): {uncompressed:.1f} MiB")
        tracemalloc.start()
        opened = open_ours()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del opened
        print(
            f"open_package peak traced memory: {peak / MB:.1f} MiB "
            f"(package file {sizes[0]:.1f} MiB)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
