"""Excel import of a 50,000-row member list against a bare openpyxl `read_only` pass.

    .venv/bin/python -m bench.bench_excel_import [--rows 50000] [--rounds 5] [--profile]

The list is written before any timing, the way offices keep it: two title rows merged
across the sheet, a header row of Vietnamese headings, one member per row (realistic
rows from bench/rows.py: names, CCCDs agreeing with birth date and sex, unique card and
biography numbers), catalogue values as names («Kinh», «Không», «Đại học»…), branches by
name, dates as Excel dates except one row in five typed as dd/mm/yyyy text, a footer.
It is written with openpyxl's normal mode and then its text moved into a shared-strings
table (`to_shared_strings`), as Excel stores text: openpyxl 3.1 writes inline strings in
every mode, which openpyxl reads back about twice as slowly, and that would flatter the
import against the baseline.

Measured in the same run, on the same file:
- baseline: `load_workbook(read_only=True, data_only=True)` and every cell value of the
  sheet iterated (`iter_rows(values_only=True)`), nothing else;
- import: `preview_import` (read with python-calamine, convert, check every row against
  the register) plus `apply_import` (one transaction through the bulk path) into a
  database holding the demo office's organizations and no members.

Both run `--rounds` times, interleaved (baseline, import, baseline, import…), each import
into a fresh copy of the empty database; the best of each is compared (the machine is
shared: the best run is the one least disturbed). CPU time (`time.process_time`, both
are single-threaded) is printed too, as a ratio that other processes barely move.

Target: import ≤ 1.5× the baseline.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import platform
import pstats
import re
import shutil
import sys
import tempfile
import time
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from bench.rows import make_rows
from partydesk.codes import OrgKind
from partydesk.db.models import CatalogueItem, Organization
from partydesk.documents.excel.member_reader import read_member_sheet
from partydesk.services.catalogues import CatalogueCodes
from partydesk.services.collector import paused_collector
from partydesk.services.database import open_database
from partydesk.services.demo import build_demo_office
from partydesk.services.excel_import import ImportResult, apply_import, preview_import
from partydesk.services.member_input import MemberInput, prepare_member
from partydesk.services.rule_table import load_rule_table

TARGET = 1.5
TODAY = date(2026, 11, 23)
HEADERS = (
    "STT",
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Số CCCD",
    "Dân tộc",
    "Tôn giáo",
    "Quê quán",
    "Nơi thường trú",
    "Chi bộ",
    "Ngày quyết định kết nạp",
    "Ngày vào Đảng",
    "Ngày chính thức",
    "Số thẻ đảng viên",
    "Số lý lịch",
    "Giáo dục phổ thông",
    "Trình độ chuyên môn",
    "Lý luận chính trị",
    "Nghề nghiệp",
    "Nơi làm việc",
    "Chức vụ",
    "Ghi chú",
)


def say(text: str = "") -> None:
    print(text, flush=True)


def _names(db: Any) -> tuple[dict[tuple[str, str], str], dict[int, str]]:
    """Catalogue names by (catalogue, code); each branch's name (its code if not unique)."""
    with db.reader() as session:
        catalogue = {
            (c, code): name
            for c, code, name in session.execute(
                select(CatalogueItem.catalogue, CatalogueItem.code, CatalogueItem.name)
            )
        }
        orgs = [
            (org_id, code, name)
            for org_id, code, name, kind in session.execute(
                select(Organization.id, Organization.code, Organization.name, Organization.kind)
            )
            if OrgKind(kind).holds_members
        ]
    counts: dict[str, int] = {}
    for _id, _code, name in orgs:
        counts[name] = counts.get(name, 0) + 1
    branches = {org_id: name if counts[name] == 1 else code for org_id, code, name in orgs}
    return catalogue, branches


def _day(value: date | None, as_text: bool) -> Any:
    if value is None:
        return None
    return value.strftime("%d/%m/%Y") if as_text else datetime(value.year, value.month, value.day)


def write_list(
    path: Path,
    rows: Sequence[MemberInput],
    catalogue: dict[tuple[str, str], str],
    branches: dict[int, str],
) -> None:
    """The member list as an office keeps it (see the module docstring)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    last = len(HEADERS)
    ws.cell(row=1, column=1, value="ĐẢNG BỘ XÃ ĐAM RÔNG")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    ws.cell(row=2, column=1, value="DANH SÁCH ĐẢNG VIÊN ĐẾN NGÀY 31/12/2025")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last)
    ws.append(HEADERS)

    def name(cat: str, code: str | None) -> str | None:
        return None if code is None else catalogue[(cat, code)]

    for index, m in enumerate(rows, start=1):
        text_dates = index % 5 == 0
        ws.append(
            (
                index,
                m.full_name,
                "Nam" if m.sex == "nam" else "Nữ",
                _day(m.birth_date, text_dates),
                m.cccd,
                name("ethnicity", m.ethnicity_code),
                name("religion", m.religion_code),
                m.hometown,
                m.permanent_address,
                branches[m.organization_id],
                _day(m.decision_date, text_dates),
                _day(m.ceremony_date, text_dates),
                _day(m.official_date, text_dates),
                m.card_no,
                m.biography_no,
                m.general_education,
                name("qualification", m.qualification_code),
                name("theory", m.theory_code),
                name("occupation", m.occupation_code),
                m.workplace,
                m.job_title or None,
                None,
            )
        )
    ws.append(())
    ws.append((f"Tổng cộng: {len(rows):,} đảng viên",))
    ws.append((None, "Người lập biểu"))
    wb.save(path)
    to_shared_strings(path)


_INLINE = re.compile(
    rb'<c ([^>]*?)t="inlineStr"([^>]*)><is><t(?: xml:space="preserve")?>([^<]*)</t></is></c>'
)
_SST = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def to_shared_strings(path: Path) -> None:
    """Move every text cell into a shared-strings table, as Excel stores text.

    openpyxl 3.1 writes text as inline strings in every mode; Excel (and LibreOffice) write
    one table of distinct strings and an index per cell, which openpyxl reads back much
    faster. The sheet is rewritten cell by cell (the escaped text is kept as is), the
    table added, and the content types and workbook relations told about it.
    """
    index: dict[bytes, int] = {}
    count = 0

    def shared(match: re.Match[bytes]) -> bytes:
        nonlocal count
        count += 1
        number = index.setdefault(match.group(3), len(index))
        return b'<c %st="s"%s><v>%d</v></c>' % (match.group(1), match.group(2), number)

    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = _INLINE.sub(shared, parts[sheet])
    items = b"".join(b'<si><t xml:space="preserve">%s</t></si>' % text for text in index)
    parts["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + f'<sst xmlns="{_SST}" count="{count}" uniqueCount="{len(index)}">'.encode()
        + items
        + b"</sst>"
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SST_TYPE}"/></Types>'.encode(),
    )
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdSharedStrings" Type="{_SST_REL}"'
        f' Target="sharedStrings.xml"/></Relationships>'.encode(),
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def bare_read(path: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds to open the workbook read_only and touch every cell value."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    wb = load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for row in wb.worksheets[0].iter_rows(values_only=True):
        for _value in row:
            cells += 1
    wb.close()
    return time.perf_counter() - wall, time.process_time() - cpu, cells


def run_import(
    template: Path, target: Path, path: Path, profiler: cProfile.Profile | None
) -> tuple[float, float, float, float, ImportResult]:
    """Preview + apply into a fresh copy of the empty office.

    Wall and CPU seconds of the whole, wall and CPU seconds of the preview, the result.
    """
    shutil.copyfile(template, target)
    db = open_database(target, actor="bench")
    try:
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        if profiler is not None:
            profiler.enable()
        preview = preview_import(db, path, today=TODAY)
        preview_wall, preview_cpu = time.perf_counter() - wall, time.process_time() - cpu
        result = apply_import(db, preview)
        if profiler is not None:
            profiler.disable()
        return (
            time.perf_counter() - wall,
            time.process_time() - cpu,
            preview_wall,
            preview_cpu,
            result,
        )
    finally:
        db.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (best kept)")
    parser.add_argument("--profile", action="store_true", help="cProfile the first import")
    args = parser.parse_args(argv)
    say(f"partydesk bench_excel_import — Python {platform.python_version()}, {platform.machine()}")
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        work = Path(folder)
        template = work / "empty.sqlite"
        db = open_database(template, actor="bench")
        build_demo_office(db, members=0, seed=args.seed, today=TODAY)
        catalogue, branches = _names(db)
        db.close()
        rows, _people = make_rows(args.rows, sorted(branches), TODAY, args.seed)
        path = work / "danh sach dang vien.xlsx"
        start = time.perf_counter()
        write_list(path, rows, catalogue, branches)
        say(
            f"list written: {args.rows:,} rows × {len(HEADERS)} columns, shared strings,"
            f" {path.stat().st_size / 1e6:.1f} MB ({time.perf_counter() - start:.1f} s)"
        )
        del rows
        profiler = cProfile.Profile() if args.profile else None
        bases: list[tuple[float, float]] = []
        imports: list[tuple[float, float, float, float]] = []
        result: ImportResult | None = None
        for round_no in range(1, args.rounds + 1):
            base_wall, base_cpu, cells = bare_read(path)
            bases.append((base_wall, base_cpu))
            wall, cpu, preview_s, preview_cpu, result = run_import(
                template, work / "ours.sqlite", path, profiler if round_no == 1 else None
            )
            imports.append((wall, cpu, preview_s, preview_cpu))
            say(
                f"round {round_no}: bare read_only pass {base_wall:.2f} s (CPU {base_cpu:.2f} s,"
                f" {cells:,} cells); import {wall:.2f} s = preview {preview_s:.2f} s + apply"
                f" {wall - preview_s:.2f} s (CPU {cpu:.2f} s)"
            )
        assert result is not None
        say(f"imported: {result.added:,} added, {result.refused:,} refused")
        best_base = min(b[0] for b in bases)
        best_import = min(i[0] for i in imports)
        ratio = best_import / best_base
        cpu_ratio = min(i[1] for i in imports) / min(b[1] for b in bases)
        verdict = "PASS" if ratio <= TARGET else "FAIL"
        say(
            f"best of {args.rounds}: bare {best_base:.2f} s, import {best_import:.2f} s"
            f" -> ratio {ratio:.2f}x (target <= {TARGET}x) {verdict};"
            f" CPU-time ratio {cpu_ratio:.2f}x"
        )
        fastest = min(imports, key=lambda i: i[1])
        breakdown(template, work / "parts.sqlite", path, fastest[3], fastest[1] - fastest[3])
        if profiler is not None:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    return 0


def breakdown(
    template: Path, target: Path, path: Path, preview_cpu: float, apply_cpu: float
) -> None:
    """CPU time of the import's parts: the fastest round's preview and apply, and the
    preview's reading and typed-entry checks each measured alone afterwards, with the
    cycle collector paused as the preview pauses it."""
    shutil.copyfile(template, target)
    db = open_database(target, actor="bench")
    try:
        with paused_collector():
            gc.collect()
            cpu = time.process_time()
            sheet = read_member_sheet(path)
            read_s = time.process_time() - cpu
        preview = preview_import(db, path, today=TODAY)
        with db.reader() as session:
            codes, rules = CatalogueCodes(session), load_rule_table(session)
        members = [row.member for row in preview.rows if row.member is not None]
        with paused_collector():
            gc.collect()
            cpu = time.process_time()
            for member in members:
                prepare_member(member, codes, rules, TODAY)
            prepare_s = time.process_time() - cpu
    finally:
        db.close()
    check_s = preview_cpu - read_s - prepare_s
    say(
        f"CPU breakdown ({len(sheet.rows):,} rows): read and convert (calamine) {read_s:.2f} s,"
        f" prepare_member (the typed-entry checks) {prepare_s:.2f} s, the rest of the checks"
        f" (catalogues, branches, duplicates) {check_s:.2f} s, apply (bulk insert + commit)"
        f" {apply_cpu:.2f} s"
    )


if __name__ == "__main__":
    sys.exit(main())
