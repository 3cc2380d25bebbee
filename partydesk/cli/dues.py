"""`partydesk dues`: members' categories, a branch's monthly payments, register, unpaid list."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from partydesk.cli.base import Context, parse_day, parse_month
from partydesk.db.engine import Database
from partydesk.errors import PartydeskError
from partydesk.services import dues


def _money(value: int | None) -> str:
    return "" if value is None else f"{value:,}".replace(",", ".")


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add `dues` and its sub-commands."""
    p = sub.add_parser("dues", parents=[common], help="đảng phí (party dues)")
    inner = p.add_subparsers(dest="dues_command", metavar="ACTION", required=True)
    q = inner.add_parser("set", parents=[common], help="đối tượng và mức căn cứ của đảng viên")
    q.add_argument("member", help="mã đảng viên hoặc số CCCD")
    q.add_argument("--category", required=True, help="mã danh mục dues_category, ví dụ bhxh")
    q.add_argument("--basis", type=int, help="mức lương/trợ cấp/lương hưu hằng tháng (đồng)")
    q = inner.add_parser("pay", parents=[common], help="ghi đảng phí một tháng cho chi bộ")
    q.add_argument("--branch", required=True, help="mã chi bộ, ví dụ DR.01.01")
    q.add_argument("--month", required=True, type=parse_month, help="tháng, ví dụ 2026-10")
    q.add_argument("--all", action="store_true", help="mọi đảng viên nộp đủ số phải nộp")
    q.add_argument("payments", nargs="*", metavar="MEMBER=AMOUNT", help="ví dụ 12=45000")
    q.add_argument("--paid-on", type=parse_day, help="ngày nộp (mặc định hôm nay)")
    q.add_argument("--today", type=parse_day, help=argparse.SUPPRESS)
    q = inner.add_parser("register", parents=[common], help="sổ thu đảng phí của chi bộ")
    q.add_argument("--branch", required=True, help="mã chi bộ")
    q.add_argument("--month", required=True, type=parse_month, help="tháng, ví dụ 2026-10")
    q = inner.add_parser("unpaid", parents=[common], help="đảng viên nợ đảng phí từ 3 tháng")
    q.add_argument("--year", type=int, help="năm (mặc định năm nay)")
    q.add_argument("--branch", help="chỉ trong tổ chức này (mã)")
    q.add_argument("--today", type=parse_day, help=argparse.SUPPRESS)


def _entries(db: Database, texts: list[str]) -> list[dues.DuesEntry]:
    entries: list[dues.DuesEntry] = []
    for text in texts:
        ref, sep, amount = text.partition("=")
        if not sep or not amount.strip().lstrip("-").isdigit():
            raise PartydeskError(
                "field.invalid",
                field="MEMBER=AMOUNT",
                problem=f"«{text}»: viết mã=số tiền, ví dụ 12=45000",
            )
        entries.append(dues.DuesEntry(dues.find_member(db, ref), int(amount)))
    return entries


def _set(ctx: Context, db: Database, args: argparse.Namespace, today: date) -> int:
    member_id = dues.find_member(db, args.member)
    category = None if args.category in ("", "none") else args.category
    dues.set_member_dues(db, member_id, category, args.basis, today)
    ctx.say(f"Đã ghi đối tượng đóng đảng phí của đảng viên mã {member_id}: {category or '-'}")
    return 0


def _pay(ctx: Context, db: Database, args: argparse.Namespace, today: date) -> int:
    org_id, name = dues.organization_by_code(db, args.branch)
    if args.all == bool(args.payments):
        raise PartydeskError(
            "field.invalid",
            field="--all / MEMBER=AMOUNT",
            problem="chọn --all hoặc liệt kê từng khoản",
        )
    if args.all:
        entries = dues.full_payments(db, org_id, args.month)
    else:
        entries = _entries(db, args.payments)
    result = dues.record_dues(db, org_id, args.month, entries, args.paid_on or today, today)
    total = sum(e.amount for e in entries)
    ctx.say(
        f"Đã ghi đảng phí tháng {args.month:%m/%Y} của {name}: {len(entries)} đảng viên,"
        f" {_money(total)} đ (mới {result.inserted}, sửa {result.updated})."
    )
    return 0


def _register(ctx: Context, db: Database, args: argparse.Namespace) -> int:
    org_id, name = dues.organization_by_code(db, args.branch)
    rows = dues.dues_register(db, org_id, args.month)
    ctx.say(f"Sổ thu đảng phí tháng {args.month:%m/%Y} — {name}")
    for row in rows:
        paid = _money(row.paid_amount) or "chưa nộp"
        if row.paid_on is not None:
            paid += f" ({row.paid_on:%d/%m/%Y})"
        line = (
            f"{row.member_id:>7}  {row.full_name:<30} {row.category_code or '-':<20}"
            f" {_money(row.expected):>10}  {paid}  {row.problem}"
        )
        ctx.say(line.rstrip())
    expected = _money(sum(r.expected or 0 for r in rows))
    paid_total = _money(sum(r.paid_amount or 0 for r in rows))
    ctx.say(f"{len(rows)} đảng viên; phải nộp {expected} đ; đã nộp {paid_total} đ.")
    return 0


def _unpaid(ctx: Context, db: Database, args: argparse.Namespace, today: date) -> int:
    year = args.year or today.year
    org = dues.organization_by_code(db, args.branch)[0] if args.branch else None
    flags = dues.unpaid_flags(db, year, org, today)
    for flag in flags:
        months = ", ".join(f"{m:%m}" for m in flag.months)
        ctx.say(f"{flag.member_id:>7}  {flag.full_name:<30} {flag.organization_name:<30} {months}")
    if flags:
        ctx.say(
            f"{len(flags)} đảng viên không đóng đảng phí từ {flags[0].threshold} tháng"
            f" trong năm {year} (căn cứ: {flags[0].source})."
        )
    else:
        ctx.say(f"Năm {year}: không có đảng viên nào nợ đảng phí đến mức đề nghị xóa tên.")
    return 0


def _dues(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.database() as db:
        today = getattr(args, "today", None) or date.today()
        if args.dues_command == "set":
            return _set(ctx, db, args, today)
        if args.dues_command == "pay":
            return _pay(ctx, db, args, today)
        if args.dues_command == "register":
            return _register(ctx, db, args)
        return _unpaid(ctx, db, args, today)


COMMANDS: dict[str, Callable[[Context, argparse.Namespace], int]] = {"dues": _dues}
