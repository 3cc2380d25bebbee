"""Commands `partydesk transfer …` (transfers of party activity) and `partydesk documents …`.

MEMBER is a record id, a CCCD, a card or a biography number; dates are dd/mm/yyyy (also
yyyy-mm-dd); organizations are given by their code (e.g. DR.01.01).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from partydesk.cli.base import Context, dmy, parse_day
from partydesk.codes import TransferStatus
from partydesk.db.engine import Database
from partydesk.errors import PartydeskError, ValidationError
from partydesk.services import document_register, transfer_moves, transfer_queries, transfers
from partydesk.services.member_input import MemberInput


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the `transfer` and `documents` commands to the main parser."""
    transfer = sub.add_parser(
        "transfer", parents=[common], help="chuyển sinh hoạt đảng (transfers of party activity)"
    )
    actions = transfer.add_subparsers(dest="transfer_command", metavar="ACTION", required=True)

    p = actions.add_parser("out", parents=[common], help="chuyển đi (official transfer out)")
    p.add_argument("member", help="mã, số CCCD, số thẻ hoặc số lý lịch")
    p.add_argument("--kind", default="chinh_thuc", choices=transfer_queries.OUT_KINDS)
    p.add_argument("--date", required=True, type=parse_day, help="ngày giấy giới thiệu")
    p.add_argument("--to", required=True, help="nơi chuyển đến (dòng Kính gửi)")
    p.add_argument("--receiving-superior", default="", help="cấp ủy cấp trên nơi đến")
    p.add_argument("--receiving-grassroots", default="", help="tổ chức cơ sở đảng nơi đến")
    p.add_argument("--receiving-branch", default="", help="chi bộ nơi đến")
    p.add_argument("--dues-through", default=None, help="đã đóng đảng phí hết tháng YYYY-MM")
    p.add_argument("--reason", default="", help="lý do chuyển")
    p.add_argument("--signer", default="", help="người ký")

    p = actions.add_parser("in", parents=[common], help="tiếp nhận (receive a member)")
    p.add_argument("--letter-no", required=True, help="số giấy giới thiệu của nơi đi")
    p.add_argument("--letter-date", required=True, type=parse_day)
    p.add_argument("--from", dest="from_text", required=True, help="nơi chuyển đi")
    p.add_argument("--branch", required=True, help="mã chi bộ tiếp nhận")
    p.add_argument("--name", required=True, help="họ và tên")
    p.add_argument("--sex", required=True, help="Nam / Nữ")
    p.add_argument("--birth", required=True, type=parse_day, help="ngày sinh")
    p.add_argument("--cccd", default=None)
    p.add_argument("--card-no", default=None, help="số thẻ đảng viên")
    p.add_argument("--biography-no", default=None, help="số lý lịch")
    p.add_argument("--decision-date", required=True, type=parse_day, help="ngày quyết định kết nạp")
    p.add_argument("--decision-no", default="", help="số quyết định kết nạp")
    p.add_argument("--ceremony-date", required=True, type=parse_day, help="ngày kết nạp")
    p.add_argument("--official-date", default=None, type=parse_day, help="ngày chính thức")
    p.add_argument("--arrived", default=None, type=parse_day, help="ngày đến sinh hoạt")
    p.add_argument("--kind", default="chinh_thuc", choices=transfer_queries.IN_KINDS)
    p.add_argument("--dues-through", default="", help="đã đóng đảng phí hết tháng YYYY-MM")

    p = actions.add_parser("internal", parents=[common], help="chuyển nội bộ (internal move)")
    p.add_argument("member")
    p.add_argument("--to", required=True, help="mã chi bộ mới")
    p.add_argument("--date", required=True, type=parse_day)

    p = actions.add_parser("temporary", parents=[common], help="chuyển tạm thời (temporary)")
    p.add_argument("member")
    p.add_argument("--to", required=True, help="mã chi bộ trong đơn vị, hoặc tên nơi đến")
    p.add_argument("--date", required=True, type=parse_day, help="ngày đi")
    p.add_argument("--until", required=True, type=parse_day, help="đến ngày")
    p.add_argument("--reason", required=True, choices=tuple(transfer_moves.TEMPORARY_REASONS))

    p = actions.add_parser("return", parents=[common], help="trở về sau tạm thời (return)")
    p.add_argument("member")
    p.add_argument("--date", required=True, type=parse_day)

    p = actions.add_parser("received", parents=[common], help="đã đến nơi (letter received)")
    p.add_argument("id", type=int, help="mã việc chuyển (cột đầu của «transfer list»)")
    p.add_argument("--date", required=True, type=parse_day)

    p = actions.add_parser("cancel", parents=[common], help="hủy giấy giới thiệu (cancel)")
    p.add_argument("id", type=int)
    p.add_argument("--reason", required=True)

    p = actions.add_parser("list", parents=[common], help="sổ giới thiệu sinh hoạt đảng")
    p.add_argument("--year", type=int, default=None)
    p.add_argument("--status", choices=[s.value for s in TransferStatus], default=None)
    p.add_argument("--overdue", action="store_true", help="chỉ những giấy quá hạn")

    documents = sub.add_parser(
        "documents", parents=[common], help="sổ đăng ký văn bản (numbered document register)"
    )
    doc_actions = documents.add_subparsers(
        dest="documents_command", metavar="ACTION", required=True
    )
    p = doc_actions.add_parser("list", parents=[common], help="liệt kê văn bản của một năm")
    p.add_argument("--year", type=int, default=None, help="năm (mặc định: năm nay)")
    p.add_argument("--type", dest="doc_type", default=None, help="thể loại, ví dụ GT, QD")
    p = doc_actions.add_parser("void", parents=[common], help="hủy số văn bản (void)")
    p.add_argument("id", type=int)
    p.add_argument("--reason", required=True)
    p.add_argument("--date", type=parse_day, default=None, help="ngày hủy (mặc định: hôm nay)")


def _say_detail(ctx: Context, detail: transfer_queries.TransferDetail) -> None:
    row = detail.row
    ctx.say(
        f"[{row.id}] {row.kind_label}: {row.full_name} — {row.from_name} → {row.to_name}"
        f" ({row.status_label})"
    )
    if row.letter_no:
        ctx.say(f"  Giấy giới thiệu số {row.letter_no} ngày {dmy(row.letter_date)}")
    if row.present_by is not None and row.direction == "out" and row.kind != "tam_thoi":
        ctx.say(f"  Hạn trình giấy: {dmy(row.present_by)}")
    if row.ends_on is not None:
        ctx.say(f"  Đến ngày: {dmy(row.ends_on)}")
    if detail.dues_paid_through:
        ctx.say(f"  Đã đóng đảng phí hết tháng {detail.dues_paid_through}")
    if detail.hops:
        ctx.say("  Các cấp: " + " → ".join(h.name for h in detail.hops))


def _out(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        detail = transfers.transfer_out(
            db,
            transfers.TransferOutInput(
                member_id=transfer_queries.resolve_member(db, args.member),
                letter_date=args.date,
                to_text=args.to,
                kind=args.kind,
                receiving_superior=args.receiving_superior,
                receiving_grassroots=args.receiving_grassroots,
                receiving_branch=args.receiving_branch,
                dues_paid_through=args.dues_through,
                reason=args.reason,
                signer=args.signer,
            ),
        )
        _say_detail(ctx, detail)
        return 0

    return ctx.with_db(work)


def _in(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        person = MemberInput(
            full_name=args.name,
            sex=args.sex,
            birth_date=args.birth,
            organization_id=transfer_queries.organization_by_code(db, args.branch),
            cccd=args.cccd,
            card_no=args.card_no,
            biography_no=args.biography_no,
            decision_date=args.decision_date,
            decision_no=args.decision_no,
            ceremony_date=args.ceremony_date,
            official_date=args.official_date,
        )
        detail = transfers.transfer_in(
            db,
            transfers.TransferInInput(
                letter_no=args.letter_no,
                letter_date=args.letter_date,
                from_text=args.from_text,
                person=person,
                arrived_on=args.arrived,
                kind=args.kind,
                dues_paid_through=args.dues_through,
            ),
        )
        _say_detail(ctx, detail)
        ctx.say(f"  Mã đảng viên: {detail.row.member_id}")
        return 0

    return ctx.with_db(work)


def _internal(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        row = transfer_moves.internal_move(
            db,
            transfer_queries.resolve_member(db, args.member),
            transfer_queries.organization_by_code(db, args.to),
            args.date,
        )
        ctx.say(
            f"[{row.id}] {row.full_name}: {row.from_name} → {row.to_name} ({dmy(row.letter_date)})"
        )
        return 0

    return ctx.with_db(work)


def _temporary(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        member_id = transfer_queries.resolve_member(db, args.member)
        try:
            host_id: int | None = transfer_queries.organization_by_code(db, args.to)
            to_text = ""
        except PartydeskError:
            host_id, to_text = None, args.to
        detail = transfer_moves.temporary_out(
            db,
            transfer_moves.TemporaryInput(
                member_id=member_id,
                start=args.date,
                ends_on=args.until,
                reason=args.reason,
                to_organization_id=host_id,
                to_text=to_text,
            ),
        )
        _say_detail(ctx, detail)
        return 0

    return ctx.with_db(work)


def _return(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        row = transfer_moves.temporary_return(
            db, transfer_queries.resolve_member(db, args.member), args.date
        )
        ctx.say(f"[{row.id}] {row.full_name}: {row.status_label} ngày {dmy(row.returned_on)}")
        return 0

    return ctx.with_db(work)


def _received(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        row = transfers.mark_received(db, args.id, args.date)
        ctx.say(
            f"[{row.id}] {row.letter_no} {row.full_name}: {row.status_label} {dmy(row.received_on)}"
        )
        return 0

    return ctx.with_db(work)


def _cancel(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        row = transfers.cancel_transfer(db, args.id, args.reason)
        ctx.say(f"[{row.id}] {row.letter_no} {row.full_name}: {row.status_label}")
        return 0

    return ctx.with_db(work)


def _list(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        rows = transfer_queries.transfer_register(
            db, year=args.year, status=args.status, overdue_only=args.overdue
        )
        for row in rows:
            flag = " QUÁ HẠN" if row.overdue else ""
            ctx.say(
                f"{row.id:>5}  {row.letter_no or '—':<12} {dmy(row.letter_date)}  "
                f"{row.full_name:<28} {row.kind_label}: {row.from_name} → {row.to_name}  "
                f"hạn {dmy(row.present_by if row.kind != 'tam_thoi' else row.ends_on) or '—'}  "
                f"{row.status_label}{flag}"
            )
        ctx.say(f"{len(rows)} việc chuyển sinh hoạt.")
        return 0

    return ctx.with_db(work)


_TRANSFER_ACTIONS: dict[str, Callable[[Context, argparse.Namespace], int]] = {
    "out": _out,
    "in": _in,
    "internal": _internal,
    "temporary": _temporary,
    "return": _return,
    "received": _received,
    "cancel": _cancel,
    "list": _list,
}


def _transfer(ctx: Context, args: argparse.Namespace) -> int:
    return _TRANSFER_ACTIONS[args.transfer_command](ctx, args)


def _documents(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        if args.documents_command == "void":
            if not args.reason.strip():
                raise ValidationError("field.required", field="Lý do hủy")
            row = document_register.void_document(
                db, args.id, args.reason, args.date or date.today()
            )
            ctx.say(f"Đã hủy văn bản số {row.number_text}: {row.void_reason}")
            return 0
        year = args.year or date.today().year
        rows = document_register.list_documents(db, year, doc_type=args.doc_type)
        for row in rows:
            void = f"  ĐÃ HỦY {dmy(row.voided_on)}: {row.void_reason}" if row.voided else ""
            ctx.say(
                f"{row.id:>5}  {row.number_text:<14} {dmy(row.issued_on)}  {row.member_name:<28}"
                f" {row.subject}  (in {row.print_count} lần){void}"
            )
        ctx.say(f"{len(rows)} văn bản năm {year}.")
        return 0

    return ctx.with_db(work)


COMMANDS: dict[str, Callable[[Context, argparse.Namespace], int]] = {
    "transfer": _transfer,
    "documents": _documents,
}
