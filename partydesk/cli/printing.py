"""`partydesk print`: print a Party document, the day's transfer letters, or reprint one.

    partydesk print FORM REF [--date D] [--occasion D] [--out DIR]
                             [--signer-title T] [--signer-name N]
    partydesk print letters-of-day --date D [--out DIR]
    partydesk print reprint DOCUMENT_ID [--out DIR]

REF is a member id, CCCD, card or biography number for member forms, a transfer id, an
organization code (e.g. LD.01) for the list book, a cadre id; the badge list takes none.
Files go to the data folder's `exports` unless `--out` says otherwise.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from partydesk.cli.base import Context, dmy, parse_day
from partydesk.db.engine import Database
from partydesk.errors import PartydeskError
from partydesk.services import printing
from partydesk.services.member_lookup import resolve_member
from partydesk.services.transfer_queries import organization_by_code

_BATCH = "letters-of-day"
_REPRINT = "reprint"


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add `print`."""
    forms = ", ".join(printing.FORM_KEYS)
    p = sub.add_parser(
        "print",
        parents=[common],
        help="in văn bản của Đảng (print Party documents)",
        description=f"FORM: {forms}, {_BATCH}, {_REPRINT}.",
    )
    p.add_argument("form", metavar="FORM", help=f"mẫu in: {forms}; hoặc {_BATCH}, {_REPRINT}")
    p.add_argument(
        "ref",
        nargs="?",
        metavar="REF",
        help="mã/CCCD đảng viên, mã chuyển sinh hoạt, mã tổ chức, mã cán bộ, mã văn bản",
    )
    p.add_argument("--date", type=parse_day, help="ngày văn bản (mặc định hôm nay)")
    p.add_argument("--occasion", type=parse_day, help="đợt trao Huy hiệu Đảng, ví dụ 03/02/2027")
    p.add_argument("--out", metavar="DIR", help="thư mục lưu tệp PDF (mặc định: exports)")
    p.add_argument("--signer-title", default="", help="chức vụ người ký, ví dụ «PHÓ BÍ THƯ»")
    p.add_argument("--signer-name", default="", help="họ tên người ký")


def _ref(db: Database, form: str, text: str | None) -> int | None:
    subject = printing.FORM_SUBJECT[form]
    if subject == "occasion":
        return None
    if text is None:
        return None  # the service names what is missing (print.ref_required)
    if subject == "member":
        return resolve_member(db, text)
    if subject == "organization":
        return organization_by_code(db, text) if not text.isdigit() else int(text)
    if not text.strip().isdigit():
        raise PartydeskError(
            "field.invalid", field="REF", problem=f"«{text}» phải là mã số (một số nguyên)"
        )
    return int(text)


def _said(ctx: Context, document: printing.PrintedDocument) -> None:
    title = printing.FORM_TITLES[document.form]
    number = f" số {document.number}" if document.number else ""
    ctx.say(f"Đã in {title}{number}: {document.path}")


def _print(ctx: Context, args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser() if args.out else ctx.paths.exports
    with ctx.database() as db:
        if args.form == _REPRINT:
            if args.ref is None or not args.ref.isdigit():
                raise PartydeskError("field.required", field="DOCUMENT_ID")
            _said(ctx, printing.reprint_document(db, int(args.ref), out))
            return 0
        if args.form == _BATCH:
            if args.date is None:
                raise PartydeskError("field.required", field="--date")
            requests = printing.letters_of_day(db, args.date)
            if not requests:
                ctx.say(f"Ngày {dmy(args.date)} không có giấy giới thiệu sinh hoạt đảng nào.")
                return 0
            printed = printing.print_batch(
                db, requests, out, lambda done, total: _progress(ctx, done, total)
            )
            for document in printed:
                _said(ctx, document)
            ctx.say(f"Đã in {len(printed)} giấy giới thiệu ngày {dmy(args.date)}.")
            return 0
        if args.form not in printing.FORM_KEYS:
            raise PartydeskError(
                "print.unknown_form",
                form=args.form,
                known=", ".join((*printing.FORM_KEYS, _BATCH, _REPRINT)),
            )
        request = printing.PrintRequest(
            form=args.form,
            ref=_ref(db, args.form, args.ref),
            on=args.date,
            occasion=args.occasion,
            signer_title=args.signer_title,
            signer_name=args.signer_name,
        )
        _said(ctx, printing.print_document(db, request, out))
        return 0


def _progress(ctx: Context, done: int, total: int) -> bool:
    ctx.say(f"Đang in: {done}/{total}")
    return True


COMMANDS: dict[str, Callable[[Context, argparse.Namespace], int]] = {"print": _print}
