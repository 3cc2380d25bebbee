"""`partydesk cadres`: appointment terms, retirement lists, salary steps, planning limits."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from partydesk.cli.base import Context, dmy, parse_day
from partydesk.db.engine import Database
from partydesk.services import cadre_terms


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add `cadres` and its sub-commands."""
    p = sub.add_parser("cadres", parents=[common], help="hạn của cán bộ (cadre deadlines)")
    inner = p.add_subparsers(dest="cadres_command", metavar="LIST", required=True)
    q = inner.add_parser("terms", parents=[common], help="nhiệm kỳ và thông báo bổ nhiệm lại")
    q.add_argument("--today", type=parse_day, help=argparse.SUPPRESS)
    q = inner.add_parser("retirements", parents=[common], help="cán bộ sắp nghỉ hưu")
    q.add_argument("--months", type=int, default=12, help="trong bao nhiêu tháng tới (6–24)")
    q.add_argument("--today", type=parse_day, help=argparse.SUPPRESS)
    q = inner.add_parser("salary-steps", parents=[common], help="cán bộ đến hạn nâng bậc lương")
    q.add_argument("--months", type=int, default=3, help="trong bao nhiêu tháng tới (mặc định 3)")
    q.add_argument("--today", type=parse_day, help=argparse.SUPPRESS)
    q = inner.add_parser("planning", parents=[common], help="quy hoạch vượt giới hạn")
    q.add_argument("--term", default="2025-2030", help="nhiệm kỳ, ví dụ 2025-2030")
    q.add_argument("--today", type=parse_day, help=argparse.SUPPRESS)


def _terms(ctx: Context, db: Database, today: date) -> int:
    rows = cadre_terms.term_list(db, today)
    for r in rows:
        late = " (quá hạn)" if r.days_left < 0 else ""
        ctx.say(
            f"{r.cadre_id:>5}  {r.full_name:<28} {r.title:<36} từ {dmy(r.start_on)}"
            f"  hết nhiệm kỳ {dmy(r.term_end)}  thông báo trước {dmy(r.notice_due)}{late}"
        )
    ctx.say(f"{len(rows)} chức vụ bổ nhiệm đang giữ.")
    return 0


def _retirements(ctx: Context, db: Database, months: int, today: date) -> int:
    rows = cadre_terms.retirement_list(db, today, months)
    for r in rows:
        ctx.say(
            f"{r.cadre_id:>5}  {r.full_name:<28} {r.main_post:<36}"
            f" nghỉ hưu {dmy(r.retirement_date)} ({r.age_years} tuổi {r.age_months} tháng)"
        )
    ctx.say(f"{len(rows)} cán bộ nghỉ hưu trong {months} tháng tới (hoặc đã đến tuổi).")
    return 0


def _steps(ctx: Context, db: Database, months: int, today: date) -> int:
    rows = cadre_terms.salary_step_list(db, today, months)
    for r in rows:
        level = {True: "từ cao đẳng", False: "dưới cao đẳng", None: "chưa rõ ngạch"}
        ctx.say(
            f"{r.cadre_id:>5}  {r.full_name:<28} {r.grade or '-'} {r.grade_code}"
            f" bậc {r.step or '?'} từ {dmy(r.last_step_on)}: nâng bậc {dmy(r.next_due)}"
            f" ({r.months} tháng, {level[r.university_level]})"
        )
    ctx.say(f"{len(rows)} cán bộ đến hạn nâng bậc lương trong {months} tháng tới.")
    return 0


def _planning(ctx: Context, db: Database, term: str, today: date) -> int:
    problems = cadre_terms.planning_problems(db, term, today)
    for problem in problems:
        ctx.say(f"{problem.text} {', '.join(problem.names)}")
    if not problems:
        ctx.say("Quy hoạch không vượt giới hạn nào.")
    return 0


def _cadres(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.database() as db:
        today = args.today or date.today()
        if args.cadres_command == "terms":
            return _terms(ctx, db, today)
        if args.cadres_command == "retirements":
            return _retirements(ctx, db, args.months, today)
        if args.cadres_command == "salary-steps":
            return _steps(ctx, db, args.months, today)
        return _planning(ctx, db, args.term, today)


COMMANDS: dict[str, Callable[[Context, argparse.Namespace], int]] = {"cadres": _cadres}
