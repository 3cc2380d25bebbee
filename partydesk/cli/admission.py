"""`partydesk admission`: the steps from candidate to official member on the command line.

    partydesk admission STEP MEMBER... [--date dd/mm/yyyy] [--no NUMBER] [--signer NAME]
    partydesk admission show MEMBER
    partydesk admission board [--org ID]

MEMBER is the record's number (id), a CCCD, a card or biography number. Notices (late
steps) are printed and the step is recorded; refusals exit 1 with the sentence in
Vietnamese and English.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from partydesk.cli.base import Context, dmy, parse_day
from partydesk.codes import IntroducerKind, MemberStatus
from partydesk.db.engine import Database
from partydesk.errors import PartydeskError
from partydesk.services import admission
from partydesk.services.admission import IntroducerInput, Step, StepInput

#: Command-line verbs and the steps they record.
VERBS: dict[str, Step] = {
    "course": Step.COURSE,
    "introducer": Step.INTRODUCER,
    "apply": Step.APPLICATION,
    "verify": Step.BIOGRAPHY,
    "branch": Step.BRANCH,
    "grassroots": Step.GRASSROOTS,
    "decide": Step.DECISION,
    "ceremony": Step.CEREMONY,
    "recognize-branch": Step.RECOGNITION_BRANCH,
    "recognize": Step.RECOGNITION,
    "fail": Step.FAIL,
}


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the `admission` sub-command."""
    p = sub.add_parser(
        "admission",
        parents=[common],
        help="kết nạp, công nhận đảng viên chính thức (admission and recognition)",
        description="Các bước từ quần chúng ưu tú đến đảng viên chính thức.",
    )
    p.add_argument(
        "step",
        choices=[*VERBS, "show", "board"],
        help="bước: course, introducer, apply, verify, branch, grassroots, decide, ceremony"
        " (nhiều người), recognize-branch, recognize, fail; show; board",
    )
    p.add_argument("members", nargs="*", metavar="MEMBER", help="mã, số CCCD hoặc số thẻ")
    p.add_argument("--date", type=parse_day, help="ngày (dd/mm/yyyy; mặc định hôm nay)")
    p.add_argument("--no", dest="number", default="", help="số văn bản, ví dụ 12-QĐ/ĐU")
    p.add_argument("--signer", default="", help="người ký quyết định")
    p.add_argument(
        "--ground",
        default="du_bi_khong_du_dieu_kien",
        help="căn cứ xóa tên (mã danh mục strike_off_ground)",
    )
    p.add_argument(
        "--kind",
        default=IntroducerKind.MEMBER.value,
        choices=[k.value for k in IntroducerKind],
        help="người giới thiệu: member, youth_union, trade_union",
    )
    p.add_argument("--introducer", help="đảng viên giới thiệu (mã, CCCD hoặc số thẻ)")
    p.add_argument("--name", default="", help="tên tổ chức đoàn thể giới thiệu")
    p.add_argument("--worked-from", type=parse_day, help="cùng công tác từ ngày")
    p.add_argument("--org", type=int, help="chỉ tổ chức này và cấp dưới (board)")


def _admission(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.database() as db:
        today = date.today()
        on = args.date or today
        if args.step == "board":
            _board(ctx, admission.admission_board(db, today, args.org))
            return 0
        if not args.members:
            raise PartydeskError("admission.no_members")
        ids = [admission.resolve_member(db, ref) for ref in args.members]
        if args.step == "show":
            for member_id in ids:
                _show(ctx, admission.admission_progress(db, member_id, today))
            return 0
        step = VERBS[args.step]
        if step is Step.CEREMONY:
            results = admission.hold_ceremonies(db, ids, on, today)
        else:
            if len(ids) > 1:
                raise PartydeskError("admission.one_member", step=step.label)
            if step is Step.INTRODUCER:
                results = [_introducer(db, ids[0], args, on, today)]
            else:
                ground = args.ground if step is Step.FAIL else ""
                data = StepInput(on, args.number, args.signer, ground=ground)
                results = [admission.record_step(db, ids[0], step, data, today)]
        for result in results:
            name = admission.admission_progress(db, result.member_id, today).full_name
            ctx.say(f"Đã ghi «{step.label}» ngày {result.on:%d/%m/%Y}: {name} ({result.member_id})")
            for item in result.notices:
                ctx.warn(item.message("vi"), item.message("en"), indent="  ")
        return 0


def _introducer(
    db: Database, member_id: int, args: argparse.Namespace, on: date, today: date
) -> admission.StepResult:
    introducer_id = admission.resolve_member(db, args.introducer) if args.introducer else None
    return admission.add_introducer(
        db,
        member_id,
        IntroducerInput(
            args.kind,
            on,
            introducer_member_id=introducer_id,
            full_name=args.name,
            worked_from=args.worked_from,
        ),
        today,
    )


def _show(ctx: Context, progress: admission.AdmissionProgress) -> None:
    ctx.say(
        f"{progress.full_name} ({progress.member_id}), sinh {dmy(progress.birth_date)},"
        f" {progress.organization_name}: {MemberStatus(progress.status).label}"
    )
    for item in progress.steps:
        done = dmy(item.done_on) or "—"
        line = f"  {item.label:<48} {done:<10}"
        if item.number:
            line += f"  số {item.number}"
        if item.signer:
            line += f"  ký: {item.signer}"
        if item.effective_date and item.effective_date != item.done_on:
            line += f"  (hiệu lực {dmy(item.effective_date)})"
        if item.due and not item.done_on:
            line += f"  hạn {dmy(item.due)}"
        if item.warning:
            line += f"  [{item.warning.message('vi')}]"
        ctx.say(line.rstrip())
    for intro in progress.introducers:
        since = f", cùng công tác từ {dmy(intro.worked_from)}" if intro.worked_from else ""
        ctx.say(f"  Người giới thiệu: {intro.full_name}{since}")
    if progress.probation_ends:
        ctx.say(f"  Hết dự bị: {dmy(progress.probation_ends)}")
    if progress.next_step:
        due = f", hạn {dmy(progress.next_due)}" if progress.next_due else ""
        ctx.say(f"  Bước tiếp theo: {Step(progress.next_step).label}{due}")


def _board(ctx: Context, rows: list[admission.BoardRow]) -> None:
    for row in rows:
        due = dmy(row.due)
        late = " QUÁ HẠN" if row.overdue else ""
        ctx.say(
            f"{row.member_id:>7}  {row.full_name:<28} {MemberStatus(row.status).label:<17}"
            f" {row.next_label:<44} {due:<10}{late}"
        )
    ctx.say(f"{len(rows)} người.")


COMMANDS: dict[str, Callable[[Context, argparse.Namespace], int]] = {"admission": _admission}
