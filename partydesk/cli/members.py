"""`partydesk candidate add`: put a person on the candidates' list (quần chúng ưu tú).

The admission steps (`partydesk admission …`) then take the candidate to official
membership; the GUI does the same from «Thêm» on the Đảng viên page.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from partydesk.cli.base import Context, dmy, parse_day
from partydesk.rules import normalize_sex
from partydesk.services.member_input import MemberInput
from partydesk.services.members import create_member
from partydesk.services.transfer_queries import organization_by_code


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add `candidate add`."""
    p = sub.add_parser("candidate", parents=[common], help="quần chúng ưu tú (candidates)")
    inner = p.add_subparsers(dest="candidate_command", metavar="ACTION", required=True)
    q = inner.add_parser("add", parents=[common], help="thêm quần chúng ưu tú (add a candidate)")
    q.add_argument("--name", required=True, help="họ và tên như trên CCCD")
    q.add_argument("--sex", required=True, help="nam hoặc nữ")
    q.add_argument("--birth", required=True, type=parse_day, help="ngày sinh dd/mm/yyyy")
    q.add_argument("--branch", required=True, help="mã chi bộ, ví dụ LD.01.01")
    q.add_argument("--cccd", help="số CCCD (12 chữ số)")
    q.add_argument("--hometown", default="", help="quê quán")
    q.add_argument("--education", default="", help="giáo dục phổ thông, ví dụ 12/12")
    q.add_argument("--ethnicity", default="01", help="mã dân tộc (01 Kinh)")
    q.add_argument("--since", type=parse_day, help="ngày bắt đầu theo dõi (mặc định hôm nay)")


def _candidate(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.database() as db:
        branch = organization_by_code(db, args.branch)
        since = args.since or date.today()
        row = create_member(
            db,
            MemberInput(
                full_name=args.name,
                # An unknown word is passed on as typed: the service names the field.
                sex=normalize_sex(args.sex) or args.sex,
                birth_date=args.birth,
                organization_id=branch,
                cccd=args.cccd,
                hometown=args.hometown,
                general_education=args.education,
                ethnicity_code=args.ethnicity,
                registered_on=since,
            ),
        )
    ctx.say(
        f"Đã thêm quần chúng ưu tú {row.full_name} (mã {row.id}), theo dõi từ {dmy(since)}."
        f" / Candidate added (id {row.id})."
    )
    return 0


COMMANDS: dict[str, Callable[[Context, argparse.Namespace], int]] = {"candidate": _candidate}
