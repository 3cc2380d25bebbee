"""The command line: the same use cases as the GUI, for batch work, admins and tests.

Errors exit 1 with one line in Vietnamese and English; usage errors exit 2 (argparse).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TextIO

from partydesk import __version__
from partydesk.cli.base import Context
from partydesk.errors import PartydeskError
from partydesk.services import database, demo, info, integrity, member_queries, office

#: Modules that add their own sub-commands: each has `register(sub, common)` and
#: `COMMANDS`. Lifecycle areas live in their own modules so this file stays small.
_EXTENSIONS: tuple[str, ...] = (
    "members",
    "admission",
    "transfers",
    "records",
    "dues",
    "cadre_terms",
    "rules",
    "printing",
    "excel_export",
    "reports",
    "excel_import",
    "sync",
    "hub",
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; no sub-command means "start the GUI"."""
    # --db and --data-dir are accepted before and after the command. The copies on the
    # sub-commands default to SUPPRESS: a sub-parser's default would otherwise overwrite
    # the value given before the command ("partydesk --data-dir X demo" wrote the demo
    # into the default data folder).
    top = argparse.ArgumentParser(add_help=False)
    top.add_argument("--db", metavar="PATH", help="tệp cơ sở dữ liệu (database file)")
    top.add_argument("--data-dir", metavar="DIR", help="thư mục dữ liệu (data folder)")
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    common.add_argument("--db", metavar="PATH", help="tệp cơ sở dữ liệu (database file)")
    common.add_argument("--data-dir", metavar="DIR", help="thư mục dữ liệu (data folder)")
    parser = argparse.ArgumentParser(
        prog="partydesk",
        description="Sổ đảng viên — partydesk. Không có lệnh: mở giao diện.",
        parents=[top],
    )
    parser.add_argument("--version", action="version", version=f"partydesk {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="tự kiểm tra trong thư mục --data-dir mới (self-test in a new --data-dir folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", parents=[common], help="tạo đơn vị mới (create an office)")
    p.add_argument("--name", required=True, help="tên đơn vị, ví dụ «Đảng ủy xã Đam Rông»")
    p.add_argument("--superior", default="", help="cấp ủy cấp trên, ví dụ «Đảng bộ tỉnh Lâm Đồng»")
    p.add_argument("--place", required=True, help="địa danh ghi ở dòng ngày tháng")
    p.add_argument("--symbol", required=True, help="ký hiệu số văn bản, ví dụ ĐU")
    p.add_argument("--level", default="xa_phuong", help="cấp (mã danh mục org_kind)")

    p = sub.add_parser("demo", parents=[common], help="tạo đơn vị mẫu (build the demo office)")
    p.add_argument("--members", type=int, default=2000, help="số đảng viên (default 2000)")
    p.add_argument("--seed", type=int, default=1, help="hạt giống ngẫu nhiên (default 1)")

    sub.add_parser("info", parents=[common], help="thống kê nhanh (register counts)")
    sub.add_parser("check", parents=[common], help="kiểm tra dữ liệu (integrity checks)")

    p = sub.add_parser("search", parents=[common], help="tìm đảng viên (find members)")
    p.add_argument("text", help="tên không dấu, số CCCD, số thẻ hoặc số lý lịch")

    p = sub.add_parser("backup", parents=[common], help="sao lưu ngay (back up now)")
    p.add_argument("--to", metavar="DIR", help="thư mục đích (default: backups folder)")

    p = sub.add_parser("restore", parents=[common], help="phục hồi từ bản sao lưu (restore)")
    p.add_argument("backup", help="tệp sao lưu")
    p.add_argument("--yes", action="store_true", help="không hỏi lại (do not ask)")
    for module in _extension_modules():
        module.register(sub, common)
    return parser


def _init(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.database() as db:
        created = office.init_office(
            db,
            office.OfficeInput(
                name=args.name,
                superior_name=args.superior,
                place_name=args.place,
                number_symbol=args.symbol,
                level=args.level,
            ),
        )
    ctx.say(f"Đã tạo đơn vị «{created.name}» trong {ctx.where}")
    return 0


def _demo(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.database() as db:
        if office.has_office(db):
            raise PartydeskError("demo.not_empty", path=ctx.where)
        summary = demo.build_demo_office(db, members=args.members, seed=args.seed)
    ctx.say(
        f"Đã tạo đơn vị mẫu «{summary.office_name}»: {summary.organizations} tổ chức, "
        f"{summary.members} đảng viên và quần chúng, {summary.cadres} cán bộ ({ctx.where})"
    )
    return 0


def _info(ctx: Context, _args: argparse.Namespace) -> int:
    from partydesk.codes import MemberStatus, OrgKind

    with ctx.database() as db:
        the_office = office.get_office(db)
        counts = info.register_counts(db)
    ctx.say(f"Đơn vị: {the_office.name} ({the_office.superior_name})")
    ctx.say(f"Tệp: {ctx.where}")
    ctx.say("Tổ chức đảng:")
    for kind in OrgKind:
        if counts.organizations_by_kind.get(kind.value):
            ctx.say(f"  {kind.label}: {counts.organizations_by_kind[kind.value]}")
    ctx.say("Đảng viên và quần chúng:")
    for status in MemberStatus:
        ctx.say(f"  {status.label}: {counts.members_by_status.get(status.value, 0)}")
    ctx.say(f"Sự kiện: {counts.events}")
    ctx.say(f"Cán bộ: {counts.cadres} ({counts.cadre_posts} chức vụ)")
    ctx.say(f"Nhật ký thay đổi: {counts.audit_entries}")
    if counts.file_size is not None:
        ctx.say(f"Dung lượng: {counts.file_size / 1_048_576:.1f} MB")
    return 0


def _check(ctx: Context, _args: argparse.Namespace) -> int:
    with ctx.database() as db:
        problems = integrity.check_database(db)
    for problem in problems:
        ctx.say(f"[{problem.kind}] {problem.table} {problem.record_uuid}: {problem.message}")
    ctx.say(
        f"Kiểm tra xong: {len(problems)} vấn đề." if problems else "Kiểm tra xong: không có vấn đề."
    )
    return 1 if problems else 0


def _search(ctx: Context, args: argparse.Namespace) -> int:
    from partydesk.codes import MemberStatus

    with ctx.database() as db:
        rows = member_queries.search_members(db, args.text)
    for row in rows:
        ctx.say(
            f"{row.id:>7}  {row.full_name:<32} {row.birth_date:%d/%m/%Y}  "
            f"{row.cccd or '':<12}  {MemberStatus(row.status).label}"
        )
    ctx.say(f"{len(rows)} kết quả.")
    return 0


def _backup(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.database() as db:
        folder = Path(args.to).expanduser() if args.to else ctx.paths.backups
        target = database.backup_now(db, folder)
    ctx.say(f"Đã sao lưu vào {target}")
    return 0


def _restore(ctx: Context, args: argparse.Namespace) -> int:
    backup = Path(args.backup).expanduser()
    if ctx.db_url:
        raise PartydeskError("db.server_file_only", target=ctx.where)
    if not args.yes:
        if not sys.stdin.isatty():
            ctx.say(
                "Phục hồi sẽ thay thế dữ liệu hiện tại: thêm --yes để xác nhận."
                " / Restoring replaces the current data: add --yes to confirm."
            )
            return 1
        answer = input(f"Thay dữ liệu {ctx.db_path} bằng {backup}? [c/K] ")
        if answer.strip().lower() not in ("c", "có", "y", "yes"):
            ctx.say("Đã hủy.")
            return 1
    ctx.paths.ensure()
    safety = database.restore_backup(backup, ctx.db_path, ctx.paths.backups)
    db = ctx.open()  # migrates an older backup to the current schema
    db.close()
    ctx.say(f"Đã phục hồi từ {backup}")
    if safety is not None:
        ctx.say(f"Dữ liệu trước khi phục hồi được giữ ở {safety}")
    return 0


COMMANDS: dict[str, Callable[[Context, argparse.Namespace], int]] = {
    "init": _init,
    "demo": _demo,
    "info": _info,
    "check": _check,
    "search": _search,
    "backup": _backup,
    "restore": _restore,
}


def _extension_modules() -> list[ModuleType]:
    return [importlib.import_module(f"partydesk.cli.{name}") for name in _EXTENSIONS]


def _commands() -> dict[str, Callable[[Context, argparse.Namespace], int]]:
    commands = dict(COMMANDS)
    for module in _extension_modules():
        commands.update(module.COMMANDS)
    return commands


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run a parsed sub-command; returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        return _commands()[args.command](Context(args, out), args)
    except PartydeskError as exc:
        print(f"Lỗi: {exc.message('vi')} / Error: {exc.message('en')}", file=err)
        return 1
    except BrokenPipeError:
        # The reader went away (`partydesk search … | head`): nothing left to say.
        return 0
    except OSError as exc:
        print(f"Lỗi tệp: {exc} / File error: {exc}", file=err)
        return 1
