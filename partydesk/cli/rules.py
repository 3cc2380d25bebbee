"""`partydesk rules`: list the rule table, a key's history, add or revert a dated value."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date

from partydesk.cli.base import Context, parse_day
from partydesk.db.engine import Database
from partydesk.errors import PartydeskError
from partydesk.services import rule_admin


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add `rules` and its sub-commands."""
    p = sub.add_parser("rules", parents=[common], help="bảng tham số quy định (rule table)")
    inner = p.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    q = inner.add_parser("list", parents=[common], help="các tham số đang áp dụng")
    q.add_argument("--on", type=parse_day, help="áp dụng ngày (mặc định hôm nay)")
    q = inner.add_parser("history", parents=[common], help="các giá trị của một tham số")
    q.add_argument("key", help="khóa tham số, ví dụ dues.rate_salary")
    q = inner.add_parser("set", parents=[common], help="thêm giá trị mới có ngày hiệu lực")
    q.add_argument("key", help="khóa tham số")
    q.add_argument("value", help='giá trị dạng JSON, ví dụ 0.01, 36, [30, 40] hoặc {"khac": 10000}')
    q.add_argument(
        "--from", dest="valid_from", required=True, type=parse_day, help="áp dụng từ ngày"
    )
    q.add_argument("--reason", required=True, help="lý do, căn cứ văn bản")
    q.add_argument("--source", default="", help="văn bản quy định (nếu có)")
    q = inner.add_parser("revert", parents=[common], help="hủy giá trị do quản trị viên nhập")
    q.add_argument("key", help="khóa tham số")
    q.add_argument("--from", dest="valid_from", required=True, type=parse_day, help="ngày hiệu lực")
    q.add_argument("--reason", required=True, help="lý do hủy")


def _value(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _list(ctx: Context, db: Database, on: date) -> int:
    rows = rule_admin.list_rules(db, on)
    for r in rows:
        marks = ("*" if r.edited else " ") + ("?" if r.uncertain else " ")
        state = "" if r.in_force else " (chưa áp dụng)"
        ctx.say(
            f"{marks} {r.key:<42} {_value(r.value):<24}"
            f" từ {r.valid_from:%d/%m/%Y}{state}  {r.source}"
        )
    ctx.say(
        f"{len(rows)} tham số áp dụng ngày {on:%d/%m/%Y}. * quản trị viên đã sửa; ? chưa chắc chắn."
    )
    return 0


def _history(ctx: Context, db: Database, key: str) -> int:
    for h in rule_admin.rule_history(db, key):
        who = "mặc định" if h.is_default else "quản trị viên"
        state = " [đã hủy]" if h.reverted else ""
        ctx.say(
            f"{h.valid_from:%d/%m/%Y}  {_value(h.value):<24} {who}{state}  {h.source}  {h.note}"
        )
    return 0


def _set(ctx: Context, db: Database, args: argparse.Namespace) -> int:
    try:
        value = json.loads(args.value)
    except json.JSONDecodeError as exc:
        raise PartydeskError(
            "rules.bad_value",
            key=args.key,
            value=args.value,
            problem="không phải JSON (chuỗi chữ phải đặt trong dấu nháy kép).",
            problem_en="not JSON (text must be in double quotes).",
        ) from exc
    row = rule_admin.set_rule_value(
        db, args.key, args.valid_from, value, args.reason, source=args.source
    )
    ctx.say(f"Đã thêm {row.key} = {_value(row.value)} áp dụng từ {row.valid_from:%d/%m/%Y}.")
    return 0


def _rules(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.database() as db:
        if args.rules_command == "list":
            return _list(ctx, db, args.on or date.today())
        if args.rules_command == "history":
            return _history(ctx, db, args.key)
        if args.rules_command == "set":
            return _set(ctx, db, args)
        rule_admin.revert_rule(db, args.key, args.valid_from, args.reason)
        ctx.say(f"Đã hủy giá trị của {args.key} từ {args.valid_from:%d/%m/%Y}.")
        return 0


COMMANDS: dict[str, Callable[[Context, argparse.Namespace], int]] = {"rules": _rules}
