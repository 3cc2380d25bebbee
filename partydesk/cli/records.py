"""Commands for leaving, exemption, discipline, re-admission, ratings, party age and badges.

MEMBER is a record id, a CCCD or a card number; dates are dd/mm/yyyy (also yyyy-mm-dd).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from datetime import date

from partydesk.cli.base import Context, dmy, parse_day
from partydesk.codes import MemberStatus
from partydesk.db.engine import Database
from partydesk.errors import PartydeskError
from partydesk.services import badges, leaving, ratings
from partydesk.services.party_age import party_age_of

_AWARD = re.compile(r"^(?P<member>[^:]+):(?P<years>\d{2})(?::(?P<badge_no>.+))?$")

_LEVEL_NAMES = {
    "xuat_sac": "Hoàn thành xuất sắc nhiệm vụ",
    "tot": "Hoàn thành tốt nhiệm vụ",
    "hoan_thanh": "Hoàn thành nhiệm vụ",
    "khong_hoan_thanh": "Không hoàn thành nhiệm vụ",
}


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add this area's commands to the main parser."""
    member_help = "mã, số CCCD hoặc số thẻ đảng viên (id, CCCD or card number)"

    p = sub.add_parser("leave", parents=[common], help="ra khỏi Đảng, từ trần (leaving, death)")
    p.add_argument("member", help=member_help)
    p.add_argument("--kind", required=True, choices=[k.value for k in leaving.LeaveKind])
    p.add_argument("--date", required=True, type=parse_day, help="ngày quyết định / từ trần")
    p.add_argument("--ground", default=None, help="căn cứ xóa tên (danh mục strike_off_ground)")
    p.add_argument("--no", default="", help="số quyết định")
    p.add_argument("--by", default="", help="cấp quyết định")
    p.add_argument("--serious", action="store_true", help="khai trừ vì vi phạm nghiêm trọng")
    p.add_argument("--reason", default="", help="lý do, ghi chú")

    p = sub.add_parser("exempt", parents=[common], help="miễn công tác và sinh hoạt đảng")
    p.add_argument("member", help=member_help)
    p.add_argument("--from", dest="start", required=True, type=parse_day, help="miễn từ ngày")
    p.add_argument("--until", default=None, type=parse_day, help="miễn đến ngày")
    p.add_argument("--reason", required=True, help="lý do (tuổi cao, sức yếu…)")
    p.add_argument("--no", default="", help="số quyết định, nghị quyết")

    p = sub.add_parser("exempt-end", parents=[common], help="thôi miễn công tác và sinh hoạt")
    p.add_argument("member", help=member_help)
    p.add_argument("--date", required=True, type=parse_day)

    p = sub.add_parser("discipline", parents=[common], help="xem xét, thi hành kỷ luật")
    p.add_argument("member", help=member_help)
    p.add_argument("action", choices=["review", "close", "sanction"])
    p.add_argument("--date", required=True, type=parse_day)
    p.add_argument("--sanction", default=None, help="khien_trach, canh_cao, cach_chuc, khai_tru")
    p.add_argument("--no", default="", help="số quyết định")
    p.add_argument("--by", default="", help="cấp quyết định")
    p.add_argument("--reason", default="", help="nội dung, kết luận")
    p.add_argument("--serious", action="store_true", help="khai trừ vì vi phạm nghiêm trọng")

    p = sub.add_parser("readmit", parents=[common], help="kết nạp lại (re-admission)")
    p.add_argument("member", help=member_help)
    p.add_argument("--date", required=True, type=parse_day, help="ngày quyết định kết nạp lại")
    p.add_argument("--no", required=True, help="số quyết định")
    p.add_argument("--signer", default="", help="người ký")

    p = sub.add_parser("rate", parents=[common], help="xếp loại chất lượng đảng viên")
    p.add_argument("--year", required=True, help="năm đánh giá, ví dụ 2025")
    p.add_argument("member", help=member_help)
    p.add_argument("level", nargs="?", default=None, choices=list(_LEVEL_NAMES))
    p.add_argument("--points", type=int, default=None, help="điểm (thang 100)")

    p = sub.add_parser("rating-summary", parents=[common], help="tổng hợp xếp loại")
    p.add_argument("--year", required=True)
    p.add_argument("--org", default=None, help="mã tổ chức (mặc định: toàn đơn vị)")

    p = sub.add_parser("party-age", parents=[common], help="tuổi đảng (party age)")
    p.add_argument("member", help=member_help)
    p.add_argument("--on", default=None, type=parse_day, help="tính đến ngày (mặc định hôm nay)")

    p = sub.add_parser("badges", parents=[common], help="Huy hiệu Đảng (Party badges)")
    actions = p.add_subparsers(dest="badges_action", metavar="ACTION", required=True)
    a = actions.add_parser("due", parents=[common], help="danh sách đến hạn (who is due)")
    a.add_argument("--occasion", default=None, type=parse_day, help="dịp xét tặng")
    a = actions.add_parser("award", parents=[common], help="ghi quyết định tặng (record awards)")
    a.add_argument("--occasion", required=True, type=parse_day)
    a.add_argument("--decision", required=True, help="số quyết định")
    a.add_argument("--decision-date", default=None, type=parse_day)
    a.add_argument("--by", default="", help="cấp quyết định")
    a.add_argument("--early-reason", default="", help="lý do tặng sớm (bệnh nặng)")
    a.add_argument("awards", nargs="+", metavar="MEMBER:YEARS[:BADGE_NO]")


def _say_result(ctx: Context, result: leaving.RecordResult) -> None:
    ctx.say(
        f"Đã ghi «{result.what}» ngày {dmy(result.on)} cho {result.full_name}"
        f" (trạng thái: {MemberStatus(result.status).label})."
    )


def _leave(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        member_id = leaving.find_member(db, args.member)
        data = leaving.LeaveInput(
            kind=args.kind,
            on=args.date,
            ground=args.ground,
            decision_no=args.no,
            decided_by=args.by,
            serious=args.serious,
            reason=args.reason,
        )
        _say_result(ctx, leaving.record_leaving(db, member_id, data))
        return 0

    return ctx.with_db(work)


def _exempt(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        member_id = leaving.find_member(db, args.member)
        result = leaving.start_exemption(
            db, member_id, args.start, args.reason, until=args.until, decision_no=args.no
        )
        _say_result(ctx, result)
        return 0

    return ctx.with_db(work)


def _exempt_end(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        member_id = leaving.find_member(db, args.member)
        _say_result(ctx, leaving.end_exemption(db, member_id, args.date))
        return 0

    return ctx.with_db(work)


def _discipline(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        member_id = leaving.find_member(db, args.member)
        if args.action == "review":
            result = leaving.open_discipline_review(
                db, member_id, args.date, reason=args.reason, decided_by=args.by
            )
        elif args.action == "close":
            result = leaving.close_discipline_review(db, member_id, args.date, args.reason)
        else:
            if not args.sanction:
                ctx.say("Thiếu --sanction (khien_trach, canh_cao, cach_chuc, khai_tru).")
                return 2
            result = leaving.record_sanction(
                db,
                member_id,
                leaving.SanctionInput(
                    sanction=args.sanction,
                    on=args.date,
                    decision_no=args.no,
                    decided_by=args.by,
                    reason=args.reason,
                    serious=args.serious,
                ),
            )
        _say_result(ctx, result)
        return 0

    return ctx.with_db(work)


def _readmit(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        member_id = leaving.find_member(db, args.member)
        reasons = leaving.readmission_check(db, member_id, args.date)
        if reasons:
            ctx.say("Không thể kết nạp lại / Cannot re-admit:")
            for reason in reasons:
                ctx.say(f"  - {reason.message('vi')} / {reason.message('en')}")
            return 1
        _say_result(ctx, leaving.readmit(db, member_id, args.date, args.no, args.signer))
        return 0

    return ctx.with_db(work)


def _rate(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        member_id = leaving.find_member(db, args.member)
        level = ratings.rate_member(db, member_id, args.year, args.level, args.points)
        points = f" ({args.points} điểm)" if args.points is not None else ""
        ctx.say(f"Đã xếp loại năm {args.year}: {_LEVEL_NAMES[level]}{points}.")
        return 0

    return ctx.with_db(work)


def _organization_id(db: Database, code: str) -> int:
    from partydesk.services.organizations import list_organizations

    for row in list_organizations(db, include_dissolved=True):
        if row.code == code or str(row.id) == code:
            return row.id
    raise PartydeskError("organization.not_found", ref=code)


def _rating_summary(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        org_id = _organization_id(db, args.org) if args.org else None
        summary = ratings.rating_summary(db, args.year, org_id)
        cases = ratings.strike_off_cases(db, args.year)
        ctx.say(f"Xếp loại chất lượng đảng viên năm {summary.period}: {summary.rated} đã xếp loại")
        for code, name in _LEVEL_NAMES.items():
            ctx.say(f"  {name}: {summary.counts.get(code, 0)}")
        ctx.say("Tổ chức đảng:")
        for code, name in _LEVEL_NAMES.items():
            ctx.say(f"  {name}: {summary.organization_counts.get(code, 0)}")
        if summary.warning:
            ctx.warn(summary.warning, summary.warning_en or "")
        if cases:
            ctx.say("Không hoàn thành nhiệm vụ hai năm liền (có thể xem xét xóa tên):")
            for case in cases:
                ctx.say(f"  {case.member_id:>7}  {case.full_name}")
        return 0

    return ctx.with_db(work)


def _party_age(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        member_id = leaving.find_member(db, args.member)
        age = party_age_of(db, member_id, args.on or date.today())
        if age.decision_date is None:
            ctx.say(f"{age.full_name}: chưa được kết nạp (not admitted).")
            return 0
        ctx.say(
            f"{age.full_name}: {age.years} năm {age.months} tháng tuổi đảng đến ngày"
            f" {dmy(age.on)} (kết nạp ngày {dmy(age.decision_date)})"
        )
        for start, end in age.gaps:
            ctx.say(f"  không tính: {dmy(start)} – {dmy(end)}")
        if age.died_on is not None:
            ctx.say(f"  từ trần ngày {dmy(age.died_on)}")
        return 0

    return ctx.with_db(work)


def _print_list(ctx: Context, title: str, rows: list[badges.BadgeCandidate]) -> None:
    ctx.say(f"{title}: {len(rows)}")
    for row in rows:
        ctx.say(
            f"  {row.member_id:>7}  {row.full_name:<30} {row.years} năm (đủ {dmy(row.reached_on)})"
            f"  {row.organization_name}"
        )


def _badges(ctx: Context, args: argparse.Namespace) -> int:
    def due(db: Database) -> int:
        occasion = args.occasion or badges.next_occasions(date.today(), 1)[0]
        lists = badges.badge_candidates(db, occasion)
        ctx.say(f"Xét tặng Huy hiệu Đảng dịp {dmy(occasion)} ({lists.source})")
        _print_list(ctx, "Đến hạn", lists.due)
        _print_list(ctx, "Có thể xét tặng sớm (bệnh nặng)", lists.early)
        _print_list(ctx, "Truy tặng", lists.posthumous)
        return 0

    def award(db: Database) -> int:
        items = []
        for text in args.awards:
            match = _AWARD.match(text)
            if match is None:
                raise PartydeskError(
                    "field.invalid", field="MEMBER:YEARS[:BADGE_NO]", problem=f"«{text}»"
                )
            member_id = leaving.find_member(db, match["member"])
            items.append(
                badges.BadgeAward(
                    member_id,
                    int(match["years"]),
                    match["badge_no"] or "",
                    early=bool(args.early_reason),
                    early_reason=args.early_reason,
                )
            )
        result = badges.award_badges(
            db,
            items,
            occasion=args.occasion,
            decision_no=args.decision,
            decision_date=args.decision_date,
            decided_by=args.by,
        )
        ctx.say(
            f"Đã ghi {result.awarded} Huy hiệu Đảng dịp {dmy(result.occasion)}"
            f" (quyết định {result.decision_no})."
        )
        return 0

    return ctx.with_db(due if args.badges_action == "due" else award)


COMMANDS: dict[str, Callable[[Context, argparse.Namespace], int]] = {
    "leave": _leave,
    "exempt": _exempt,
    "exempt-end": _exempt_end,
    "discipline": _discipline,
    "readmit": _readmit,
    "rate": _rate,
    "rating-summary": _rating_summary,
    "party-age": _party_age,
    "badges": _badges,
}
