"""`partydesk export-excel`: the member register (filtered), the list book, cadres, as xlsx.

    partydesk export-excel members [TEXT…] [--org CODE] [--status S,S] [--sex nam|nữ]
                                   [--age-band le30|31_40|41_50|51_60|gt60]
                                   [--ethnicity CODE] [--theory CODE] [--due-soon]
                                   [--columns name,sex,…] [--sort KEY] [--desc]
                                   [--date D] [--out FILE.xlsx]
    partydesk export-excel list-book --org CODE [--date D] [--out FILE.xlsx]
    partydesk export-excel cadres [--all] [--date D] [--out FILE.xlsx]

The filters are those of the Đảng viên page (the same service query), so the file lists
what the page would show. Without `--out` the file goes to the data folder's `exports`
under a readable name that never overwrites an earlier export.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

from partydesk.cli.base import Context, parse_day
from partydesk.codes import COUNTED_STATUSES, MemberStatus
from partydesk.db.engine import Database
from partydesk.errors import PartydeskError
from partydesk.rules import normalize_sex
from partydesk.services import excel_export
from partydesk.services.member_queries import AgeBand, MemberFilter, MemberSort
from partydesk.services.transfer_queries import organization_by_code

#: `--status` words besides the status codes.
_COUNTED_WORD = "counted"
_ALL_WORD = "all"


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add `export-excel members | list-book | cadres`."""
    p = sub.add_parser(
        "export-excel",
        parents=[common],
        help="xuất danh sách ra Excel (export lists to Excel)",
    )
    inner = p.add_subparsers(dest="export_what", metavar="LIST", required=True)

    q = inner.add_parser(
        "members",
        parents=[common],
        help="danh sách đảng viên theo bộ lọc (the member register, filtered)",
    )
    q.add_argument(
        "text",
        nargs="*",
        metavar="TEXT",
        help="tên không dấu, hoặc đầu số CCCD, số thẻ, số lý lịch",
    )
    q.add_argument("--org", metavar="CODE", help="mã tổ chức (cả các tổ chức trực thuộc)")
    statuses = ", ".join(s.value for s in MemberStatus)
    q.add_argument(
        "--status",
        default=_COUNTED_WORD,
        help=f"{_COUNTED_WORD} (đang sinh hoạt, mặc định), {_ALL_WORD}, hoặc mã: {statuses}",
    )
    q.add_argument("--sex", help="nam hoặc nữ")
    q.add_argument(
        "--age-band",
        choices=[band.value for band in AgeBand],
        help="độ tuổi (le30 = từ 30 trở xuống, gt60 = trên 60)",
    )
    q.add_argument("--ethnicity", metavar="CODE", help="mã dân tộc (01 Kinh)")
    q.add_argument("--theory", metavar="CODE", help="mã trình độ lý luận chính trị")
    q.add_argument("--due-soon", action="store_true", help="dự bị sắp đến hạn chính thức")
    q.add_argument(
        "--columns",
        help="các cột, theo thứ tự: " + ",".join(excel_export.MEMBER_COLUMNS),
    )
    q.add_argument(
        "--sort",
        default=MemberSort.NAME.value,
        choices=[sort.value for sort in MemberSort],
        help="sắp xếp theo (mặc định name: thứ tự danh sách tiếng Việt)",
    )
    q.add_argument("--desc", action="store_true", help="sắp xếp giảm dần")
    _common_options(q)

    q = inner.add_parser(
        "list-book", parents=[common], help="sổ danh sách đảng viên (the member list book)"
    )
    q.add_argument("--org", metavar="CODE", required=True, help="mã tổ chức, ví dụ LD.01")
    _common_options(q)

    q = inner.add_parser("cadres", parents=[common], help="danh sách cán bộ (the cadre list)")
    q.add_argument("--all", action="store_true", help="cả cán bộ đã nghỉ hưu, chuyển đi, từ trần")
    _common_options(q)


def _common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--date", type=parse_day, help="ngày tính tuổi và ghi trên danh sách (mặc định hôm nay)"
    )
    parser.add_argument("--out", metavar="FILE", help="tệp .xlsx (mặc định: thư mục exports)")


def _statuses(text: str) -> tuple[str, ...] | None:
    words = [word.strip() for word in text.split(",") if word.strip()]
    if _ALL_WORD in words:
        return None
    chosen: list[str] = []
    for word in words:
        if word == _COUNTED_WORD:
            chosen += [s.value for s in COUNTED_STATUSES]
        elif word in {s.value for s in MemberStatus}:
            chosen.append(word)
        else:
            known = ", ".join([_COUNTED_WORD, _ALL_WORD, *(s.value for s in MemberStatus)])
            raise PartydeskError(
                "field.invalid", field="--status", problem=f"«{word}» không có; dùng: {known}"
            )
    return tuple(dict.fromkeys(chosen)) or tuple(s.value for s in COUNTED_STATUSES)


def _sex(text: str | None) -> str | None:
    if not text:
        return None
    sex = normalize_sex(text)
    if sex is None:
        raise PartydeskError("field.invalid", field="--sex", problem=f"«{text}»: nam hoặc nữ")
    return sex


def _target(ctx: Context, args: argparse.Namespace, kind: str, on: date, subject: str) -> Path:
    if args.out:
        path = Path(args.out).expanduser()
        return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")
    folder = ctx.paths.exports
    return excel_export.free_path(folder, excel_export.export_file_name(kind, on, subject))


def _members(ctx: Context, db: Database, args: argparse.Namespace, on: date) -> None:
    org = organization_by_code(db, args.org) if args.org else None
    filters = MemberFilter(
        organization_id=org,
        statuses=_statuses(args.status),
        sex=_sex(args.sex),
        age_band=AgeBand(args.age_band) if args.age_band else None,
        ethnicity_code=args.ethnicity or None,
        theory_code=args.theory or None,
        due_soon=args.due_soon,
        text=" ".join(args.text).strip(),
        today=on,
    )
    columns = args.columns.split(",") if args.columns is not None else None
    # Checked before a file name is chosen, so a typo costs nothing.
    excel_export.member_columns(columns)
    path = _target(ctx, args, "members", on, "")
    result = excel_export.export_members(
        db, path, filters, columns, MemberSort(args.sort), args.desc
    )
    ctx.say(f"Đã xuất {result.rows} đảng viên: {result.path}")


def _list_book(ctx: Context, db: Database, args: argparse.Namespace, on: date) -> None:
    org = organization_by_code(db, args.org)
    name = excel_export.organization_name(db, org)
    path = _target(ctx, args, "list_book", on, name)
    result = excel_export.export_list_book(db, path, org, today=on)
    ctx.say(f"Đã xuất sổ danh sách đảng viên ({result.rows} dòng): {result.path}")


def _cadres(ctx: Context, db: Database, args: argparse.Namespace, on: date) -> None:
    path = _target(ctx, args, "cadres", on, "")
    result = excel_export.export_cadres(db, path, include_inactive=args.all, today=on)
    ctx.say(f"Đã xuất {result.rows} cán bộ: {result.path}")


_LISTS: dict[str, Callable[[Context, Database, argparse.Namespace, date], None]] = {
    "members": _members,
    "list-book": _list_book,
    "cadres": _cadres,
}


def _export(ctx: Context, args: argparse.Namespace) -> int:
    on = args.date or date.today()
    with ctx.database() as db:
        _LISTS[args.export_what](ctx, db, args, on)
    return 0


COMMANDS: dict[str, Callable[[Context, argparse.Namespace], int]] = {"export-excel": _export}
