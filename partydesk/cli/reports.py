"""`partydesk report`: the periodic statistics as of a date, printed and written as a workbook.

    partydesk report [--as-of DD/MM/YYYY] [--from DD/MM/YYYY] [--org CODE]
                     [--layout NAME|FILE.json] [--out FILE.xlsx]

Without `--as-of` the report is as of today; without `--from` the period starts on
1 January of that year (30/6 gives the half year, 31/12 the year). The key figures and
the balance check are printed; the workbook goes to `--out` or to the data folder's
`exports`. A report whose balance check fails is still written (the sheet marks the rows
in red) and the command exits with status 1.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

from partydesk.cli.base import Context, dmy, parse_day
from partydesk.services.excel_export import free_path
from partydesk.services.statistics import Statistics, StatisticsRequest
from partydesk.services.statistics_report import (
    DEFAULT_LAYOUT,
    available_layouts,
    export_statistics,
    report_file_name,
)
from partydesk.services.transfer_queries import organization_by_code


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add `report`."""
    p = sub.add_parser(
        "report",
        parents=[common],
        help="báo cáo thống kê đảng viên ra Excel (periodic statistics as a workbook)",
    )
    p.add_argument(
        "--as-of",
        type=parse_day,
        help="ngày báo cáo, ví dụ 30/06/2026 hoặc 31/12/2026 (mặc định hôm nay)",
    )
    p.add_argument(
        "--from",
        dest="start",
        type=parse_day,
        help="ngày đầu kỳ (mặc định 01/01 của năm báo cáo)",
    )
    p.add_argument("--org", metavar="CODE", help="mã tổ chức: chỉ tổ chức này và cấp dưới")
    p.add_argument(
        "--layout",
        default=DEFAULT_LAYOUT,
        help="mẫu báo cáo: "
        + ", ".join(available_layouts() or [DEFAULT_LAYOUT])
        + " hoặc tệp .json",
    )
    p.add_argument("--out", metavar="FILE", help="tệp .xlsx (mặc định: thư mục exports)")


def _target(ctx: Context, args: argparse.Namespace, as_of: date) -> Path:
    if args.out:
        path = Path(args.out).expanduser()
        return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")
    return free_path(ctx.paths.exports, report_file_name(as_of))


def print_summary(ctx: Context, stats: Statistics) -> None:
    """The key figures and the balance check, one per line."""
    ctx.say(f"Báo cáo thống kê: {stats.scope_name}")
    ctx.say(f"Tính đến ngày {dmy(stats.as_of)}; kỳ từ {dmy(stats.period_start)}")
    for item in stats.members.items:
        ctx.say(f"  {item.label}: {item.count}")
    admissions = stats.admissions
    target = (
        f"{admissions.target} (đạt {admissions.percent:.1f}%)"
        if admissions.target and admissions.percent is not None
        else "chưa giao"
    )
    ctx.say(
        f"  Kết nạp trong kỳ: {admissions.total} (kết nạp lại {admissions.readmitted});"
        f" chỉ tiêu năm: {target}"
    )
    for item in stats.period.items:
        if item.code not in ("admitted", "readmitted") and item.count:
            ctx.say(f"  {item.label}: {item.count}")
    total = stats.total
    ctx.say(
        f"Cân đối: đầu kỳ {total.opening} + tăng {total.total_in} − giảm {total.total_out}"
        f" = {total.expected}; cuối kỳ {total.closing}"
    )
    if stats.balanced:
        ctx.say(f"Kiểm tra cân đối: đúng ở {len(stats.rows) + 1} dòng.")
    else:
        ctx.say(f"KIỂM TRA CÂN ĐỐI: {len(stats.mismatches)} dòng lệch:")
        for mismatch in stats.mismatches:
            ctx.say(f"  {mismatch.message()}")


def _report(ctx: Context, args: argparse.Namespace) -> int:
    as_of = args.as_of or date.today()
    with ctx.database() as db:
        org = organization_by_code(db, args.org) if args.org else None
        request = StatisticsRequest(as_of=as_of, start=args.start, organization_id=org)
        result = export_statistics(db, request, _target(ctx, args, as_of), args.layout)
    print_summary(ctx, result.statistics)
    ctx.say(f"Đã ghi báo cáo: {result.path}")
    return 0 if result.statistics.balanced else 1


COMMANDS: dict[str, Callable[[Context, argparse.Namespace], int]] = {"report": _report}
