"""`partydesk hub …`: the provincial hub imports a folder of packages from many offices.

    partydesk hub import-dir DIR [--receipts OUT] [--allow-gap] [--recursive]

Works on SQLite and on a PostgreSQL hub (`--db postgresql+psycopg://user@host/db`).
Each office's packages are imported in sequence order, one transaction each; a refused
package is reported with its reason and stops that office's later ones. Exit 1 if any
package was refused or the run was stopped. README.md, «Máy chủ tỉnh», explains it.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from partydesk.cli.base import Context
from partydesk.db.engine import Database
from partydesk.services import hub

_STATUS = {
    hub.IMPORTED: "đã nhập",
    hub.ALREADY: "đã có",
    hub.REFUSED: "TỪ CHỐI",
    hub.SKIPPED: "bỏ qua",
}


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the `hub` command and its actions."""
    p = sub.add_parser(
        "hub", parents=[common], help="cấp tỉnh: nhập gói của nhiều đơn vị (provincial hub)"
    )
    actions = p.add_subparsers(dest="hub_command", metavar="ACTION", required=True)
    p = actions.add_parser(
        "import-dir", parents=[common], help="nhập mọi gói .pdpkg trong một thư mục"
    )
    p.add_argument("folder", metavar="DIR", help="thư mục chứa các gói của đơn vị cấp dưới")
    p.add_argument(
        "--receipts", metavar="OUT", help="thư mục ghi giấy báo nhận (mặc định: DIR/bao-nhan)"
    )
    p.add_argument("--allow-gap", action="store_true", help="cho nhập dù thiếu gói trước")
    p.add_argument("--recursive", action="store_true", help="cả các thư mục con")


def _progress(ctx: Context) -> Callable[[int, int, str], bool]:
    def report(done: int, total: int, what: str) -> bool:
        if what and ":" not in what:  # one line per package, not per 5,000 records
            ctx.say(f"  [{done + 1}/{total}] {what}")
        return True

    return report


def _counts(records: dict[str, int]) -> str:
    return (
        f"mới {records['new']:,}, cập nhật {records['updated']:,},"
        f" không đổi {records['unchanged']:,}, xung đột {records['conflict']:,}"
    )


def _say_report(ctx: Context, report: hub.HubReport) -> None:
    for office in report.offices:
        ctx.say()
        ctx.say(
            f"{office.office}: nhập {office.count(hub.IMPORTED)}, đã có"
            f" {office.count(hub.ALREADY)}, từ chối {office.count(hub.REFUSED)},"
            f" bỏ qua {office.count(hub.SKIPPED)} gói"
        )
        for package in office.packages:
            seq = f" số {package.seq_from}–{package.seq_to}" if package.kind else ""
            ctx.say(f"  {_STATUS[package.status]:8} {package.file.name} {package.kind}{seq}")
            if package.reason and package.status != hub.ALREADY:
                ctx.say(f"           {package.reason}")
        ctx.say(
            f"  Bản ghi: {_counts(office.records)};"
            f" {office.seconds:.1f} s, {office.rows_per_second:,.0f} bản ghi/s"
        )
    ctx.say()
    header = f"{'Đơn vị':40} {'nhập':>5} {'đã có':>6} {'từ chối':>8} {'bỏ qua':>7} {'bản ghi':>9}"
    ctx.say(header)
    for office in report.offices:
        ctx.say(
            f"{office.office[:40]:40} {office.count(hub.IMPORTED):5} {office.count(hub.ALREADY):6}"
            f" {office.count(hub.REFUSED):8} {office.count(hub.SKIPPED):7}"
            f" {sum(office.records.values()):9,}"
        )
    ctx.say(
        f"{'Tổng cộng':40} {report.count(hub.IMPORTED):5} {report.count(hub.ALREADY):6}"
        f" {report.count(hub.REFUSED):8} {report.count(hub.SKIPPED):7}"
        f" {sum(report.records.values()):9,}"
    )
    ctx.say(f"Tổng: {_counts(report.records)}")
    ctx.say(f"Thời gian {report.seconds:.1f} s, {report.rows_per_second:,.0f} bản ghi/s")
    if report.ignored:
        ctx.say(f"Bỏ qua {len(report.ignored)} tệp do chính đơn vị này lập (giấy báo nhận…).")
    if report.stopped:
        ctx.say("Đã dừng theo yêu cầu; các gói còn lại chưa nhập.")


def _import_dir(ctx: Context, args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    receipts = Path(args.receipts) if args.receipts else folder / "bao-nhan"

    def work(db: Database) -> int:
        ctx.say(f"Nhập các gói trong {folder} vào {ctx.where}")
        report = hub.import_folder(
            db,
            folder,
            receipts=receipts,
            allow_gap=args.allow_gap,
            recursive=args.recursive,
            progress=_progress(ctx),
        )
        if not report.offices:
            ctx.say("Không có gói nào (.pdpkg) trong thư mục. / No package in the folder.")
            return 0
        _say_report(ctx, report)
        if report.count(hub.IMPORTED):
            ctx.say(f"Giấy báo nhận gửi lại các đơn vị: {receipts}")
        return 1 if report.count(hub.REFUSED) or report.stopped else 0

    return ctx.with_db(work)


def _hub(ctx: Context, args: argparse.Namespace) -> int:
    return _import_dir(ctx, args)


COMMANDS: dict[str, Callable[[Context, argparse.Namespace], int]] = {"hub": _hub}
