"""`partydesk sync …`: keys, partner offices, export, preview, import, receipts, conflicts.

    partydesk sync key [--out FILE.pdkey]              mã nhận dạng khóa; tệp khóa công khai
    partydesk sync office add KEYFILE --fingerprint F (--orgs CODES | --above)
    partydesk sync office list
    partydesk sync export [--full] [--period NHÃN] --out FILE.pdpkg
    partydesk sync export --down ĐƠN_VỊ [--period NHÃN] --out FILE   cấp trên: gói cập nhật
    partydesk sync preview FILE                         xem trước, không ghi gì
    partydesk sync import FILE [--allow-gap] [--receipt OUT]   nhập; ghi giấy báo nhận
    partydesk sync receipt FILE                         nhập giấy báo nhận
    partydesk sync catalogue DANH_MỤC MÃ TÊN [--en TÊN] [--inactive]   cấp trên: mục danh mục
    partydesk sync conflicts [show ID | resolve ID --keep ours|theirs | --take F,G]
    partydesk sync history
    partydesk sync transit                              cấp trên: đảng viên đang trên đường
    partydesk sync send-transfer UUID --to ĐƠN_VỊ --out FILE   gửi đảng viên xuống nơi nhận
    partydesk sync receive FILE [--branch MÃ [--arrived NGÀY]] tiếp nhận đảng viên

docs/sync.md explains what an operator does, step by step.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from partydesk.cli.base import Context, dmy, parse_day
from partydesk.db.engine import Database
from partydesk.documents.package import PACKAGE_SUFFIX, PUBLIC_KEY_SUFFIX
from partydesk.services import (
    sync_conflicts,
    sync_downward,
    sync_export,
    sync_import,
    sync_keys,
    sync_receipts,
    sync_updates,
    transfer_queries,
)
from partydesk.services.catalogues import save_catalogue_entry
from partydesk.services.sync_plan import OUTCOME_LABELS, Outcome

#: How many records of each kind the preview prints (new and unchanged are only counted).
SHOWN_ITEMS = 20


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the `sync` command and its actions."""
    sync = sub.add_parser(
        "sync", parents=[common], help="đồng bộ với đơn vị cấp trên, cấp dưới (sync packages)"
    )
    actions = sync.add_subparsers(dest="sync_command", metavar="ACTION", required=True)

    p = actions.add_parser("key", parents=[common], help="mã nhận dạng khóa (key fingerprint)")
    p.add_argument("--out", help=f"ghi tệp khóa công khai ({PUBLIC_KEY_SUFFIX})")

    p = actions.add_parser("office", parents=[common], help="đơn vị đối tác (partner offices)")
    office = p.add_subparsers(dest="office_command", metavar="ACTION", required=True)
    p = office.add_parser("add", parents=[common], help="đăng ký đơn vị (register an office)")
    p.add_argument("keyfile", help=f"tệp khóa công khai của đơn vị ({PUBLIC_KEY_SUFFIX})")
    p.add_argument("--fingerprint", required=True, help="mã nhận dạng đơn vị đọc qua điện thoại")
    scope = p.add_mutually_exclusive_group(required=True)
    scope.add_argument(
        "--orgs", help="đơn vị cấp dưới: các mã tổ chức được gửi, cách nhau dấu phẩy"
    )
    scope.add_argument("--above", action="store_true", help="đơn vị cấp trên")
    office.add_parser("list", parents=[common], help="các đơn vị đã đăng ký")

    p = actions.add_parser("export", parents=[common], help="lập gói gửi cấp trên (export)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--full", action="store_true", help="toàn bộ dữ liệu (full snapshot)")
    where.add_argument(
        "--down",
        metavar="ĐƠN_VỊ",
        help="cấp trên: gói cập nhật (danh mục, quy định, quyết định) cho đơn vị cấp dưới này",
    )
    p.add_argument("--period", default="", help="nhãn kỳ, ví dụ «Quý IV/2026»")
    p.add_argument("--out", required=True, help=f"tệp gói ({PACKAGE_SUFFIX})")

    p = actions.add_parser("preview", parents=[common], help="xem trước gói (dry run)")
    p.add_argument("file")
    p.add_argument("--all", action="store_true", help="in mọi bản ghi, không chỉ 20 đầu")

    p = actions.add_parser("import", parents=[common], help="nhập gói của cấp dưới")
    p.add_argument("file")
    p.add_argument("--allow-gap", action="store_true", help="cho nhập dù thiếu gói trước")
    p.add_argument("--receipt", help="nơi ghi giấy báo nhận (mặc định: cạnh tệp gói)")

    p = actions.add_parser("receipt", parents=[common], help="nhập giấy báo nhận")
    p.add_argument("file")

    p = actions.add_parser(
        "catalogue", parents=[common], help="cấp trên: thêm, đổi tên, ngừng dùng mục danh mục"
    )
    p.add_argument("catalogue", help="tên danh mục, ví dụ occupation, org_type")
    p.add_argument("code", help="mã mục")
    p.add_argument("name", help="tên tiếng Việt")
    p.add_argument("--en", default="", help="tên tiếng Anh")
    p.add_argument("--inactive", action="store_true", help="ngừng dùng mục này")

    p = actions.add_parser("conflicts", parents=[common], help="xung đột cần xử lý")
    p.add_argument("--all", action="store_true", help="cả các xung đột đã xử lý")
    conflict = p.add_subparsers(dest="conflict_command", metavar="ACTION")
    p = conflict.add_parser("show", parents=[common], help="xem hai bản cạnh nhau")
    p.add_argument("id", type=int)
    p = conflict.add_parser("resolve", parents=[common], help="xử lý một xung đột")
    p.add_argument("id", type=int)
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--keep", choices=("ours", "theirs"), help="giữ bản ở đây / lấy bản gửi lên")
    how.add_argument("--take", help="lấy các trường này theo bản gửi lên (cách nhau dấu phẩy)")

    actions.add_parser("history", parents=[common], help="các gói đã gửi, đã nhận")

    actions.add_parser(
        "transit", parents=[common], help="cấp trên: đảng viên cấp dưới chuyển đi, đang trên đường"
    )
    p = actions.add_parser(
        "send-transfer", parents=[common], help="cấp trên: gửi đảng viên xuống đơn vị nhận"
    )
    p.add_argument("transfer", help="mã giấy giới thiệu (cột đầu của «sync transit»)")
    p.add_argument("--to", required=True, help="đơn vị nhận: tên, mã nhận dạng khóa hoặc UUID")
    p.add_argument("--out", required=True, help=f"tệp gói ({PACKAGE_SUFFIX})")
    p = actions.add_parser(
        "receive", parents=[common], help="tiếp nhận đảng viên từ gói của cấp trên"
    )
    p.add_argument("file")
    p.add_argument("--branch", help="mã chi bộ tiếp nhận (không có: chỉ xem)")
    p.add_argument("--arrived", type=parse_day, help="ngày đến sinh hoạt (mặc định: ngày giấy)")


def _key(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        if args.out:
            info = sync_keys.write_public_key(db, Path(args.out))
        else:
            info = sync_keys.key_info(db)
        if info.created:
            ctx.say("Đã tạo cặp khóa cho đơn vị. / The office's key pair was made.")
        ctx.say(f"Đơn vị: {info.office_name}")
        ctx.say(f"Mã nhận dạng khóa (fingerprint): {info.fingerprint}")
        if args.out:
            ctx.say(f"Đã ghi tệp khóa công khai: {args.out}")
        return 0

    return ctx.with_db(work)


def _office_add(ctx: Context, args: argparse.Namespace, db: Database) -> int:
    path = Path(args.keyfile)
    relation = sync_keys.Relation.ABOVE if args.above else sync_keys.Relation.BELOW
    codes = [code for code in (args.orgs or "").split(",") if code.strip()]
    info = sync_keys.register_partner(
        db, path.read_bytes(), args.fingerprint, relation, codes, key_name=path.name
    )
    where = "cấp trên" if info.relation is sync_keys.Relation.ABOVE else "cấp dưới"
    ctx.say(f"Đã đăng ký đơn vị {where}: {info.name} ({info.fingerprint})")
    if info.scope:
        ctx.say(f"  Được gửi dữ liệu của: {', '.join(info.scope)}")
    return 0


def _office(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        if args.office_command == "add":
            return _office_add(ctx, args, db)
        rows = sync_keys.partners(db)
        if not rows:
            ctx.say("Chưa đăng ký đơn vị nào. / No partner office yet.")
        for row in rows:
            where = "cấp trên" if row.relation is sync_keys.Relation.ABOVE else "cấp dưới"
            scope = f" — {', '.join(row.scope)}" if row.scope else ""
            ctx.say(f"{where}: {row.name} ({row.fingerprint}){scope}")
        return 0

    return ctx.with_db(work)


def _progress(ctx: Context, verb: str) -> Callable[[int, int], bool]:
    def report(done: int, total: int) -> bool:
        ctx.say(f"  {verb} {done:,}" + (f"/{total:,}" if total else "") + " bản ghi")
        return True

    return report


def _export_down(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        result = sync_updates.export_updates_down(
            db, args.down, Path(args.out), period_label=args.period
        )
        ctx.say(f"Đã lập gói cập nhật gửi {result.recipient}: {result.path}")
        ctx.say(f"  Số thứ tự {result.seq_from}–{result.seq_to}, mã gói {result.package_uuid}")
        counts = ", ".join(
            f"{sync_updates.table_label(name)} {count}"
            for name, count in result.counts.items()
            if count
        )
        ctx.say(f"  Bản ghi: {counts or 'không có cập nhật'}")
        return 0

    return ctx.with_db(work)


def _export(ctx: Context, args: argparse.Namespace) -> int:
    if args.down:
        return _export_down(ctx, args)

    def work(db: Database) -> int:
        result = sync_export.export_package(
            db,
            Path(args.out),
            full=args.full,
            period_label=args.period,
            progress=_progress(ctx, "Đã ghi"),
        )
        kind = "toàn bộ" if result.kind == "full" else "thay đổi"
        ctx.say(f"Đã lập gói {kind} gửi {result.recipient}: {result.path}")
        ctx.say(f"  Số thứ tự {result.seq_from}–{result.seq_to}, mã gói {result.package_uuid}")
        counts = ", ".join(f"{name} {count}" for name, count in result.counts.items() if count)
        ctx.say(f"  Bản ghi: {counts or 'không có thay đổi'}; nhật ký: {result.audit_entries}")
        return 0

    return ctx.with_db(work)


def _say_counts(ctx: Context, counts: dict[str, int]) -> None:
    ctx.say(
        "  "
        + ", ".join(f"{OUTCOME_LABELS[Outcome(name)]}: {count}" for name, count in counts.items())
    )


def _preview(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        preview = sync_updates.preview_file(db, Path(args.file), _progress(ctx, "Đã kiểm tra"))
        updates = preview.kind == sync_updates.UPDATES
        ctx.say(f"Gói {preview.kind} của {preview.sender}, số {preview.seq_from}–{preview.seq_to}")
        if preview.period_label:
            ctx.say(f"  Kỳ: {preview.period_label}")
        if preview.message:
            ctx.say(f"  {preview.message}")
        _say_counts(ctx, preview.counts)
        if updates:
            for table, per in sync_updates.updates_counts(preview.items).items():
                shown_counts = ", ".join(
                    f"{OUTCOME_LABELS[Outcome(name)]}: {count}" for name, count in per.items()
                )
                ctx.say(f"  {table}: {shown_counts}")
        listed = (Outcome.REFUSED, Outcome.CONFLICT, Outcome.UPDATED)
        # An update package is short: its new entries, rules and decisions are listed too.
        for outcome in (*listed, Outcome.NEW) if updates else listed:
            items = [item for item in preview.items if item.outcome is outcome]
            shown = items if args.all else items[:SHOWN_ITEMS]
            for item in shown:
                reason = f" — {item.reason}" if item.reason else ""
                table = sync_updates.table_label(item.table) if updates else item.table
                label = item.label if updates else f"«{item.label}»"
                ctx.say(f"  [{OUTCOME_LABELS[outcome]}] {table} {label}{reason}")
            if len(items) > len(shown):
                ctx.say(f"  … và {len(items) - len(shown)} bản ghi {OUTCOME_LABELS[outcome]}")
        return 1 if preview.counts[Outcome.REFUSED.value] else 0

    return ctx.with_db(work)


def _import(ctx: Context, args: argparse.Namespace) -> int:
    path = Path(args.file)
    receipt = (
        Path(args.receipt)
        if args.receipt
        else path.with_name(f"{path.stem}-bao-nhan{PACKAGE_SUFFIX}")
    )

    def work(db: Database) -> int:
        result = sync_updates.import_file(
            db,
            path,
            allow_gap=args.allow_gap,
            receipt=receipt,
            progress=_progress(ctx, "Đã xử lý"),
        )
        if result.status == sync_import.ALREADY:
            ctx.say(f"Đã nhập gói này trước đây; không thay đổi gì. ({result.package_uuid})")
            return 0
        ctx.say(f"Đã nhập gói của {result.sender}.")
        _say_counts(ctx, result.counts)
        if result.counts.get(Outcome.CONFLICT.value):
            ctx.say("  Có xung đột: «partydesk sync conflicts» để xem và xử lý.")
        ctx.say(f"Giấy báo nhận gửi lại đơn vị: {result.receipt}")
        return 0

    return ctx.with_db(work)


def _receipt(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        result = sync_receipts.import_receipt(db, Path(args.file))
        if result.status == sync_import.ALREADY:
            ctx.say("Đã nhập giấy báo nhận này trước đây; không thay đổi gì.")
            return 0
        ctx.say(
            f"Cấp trên đã nhận gói {result.package_uuid} (số {result.seq_from}–{result.seq_to})."
        )
        if result.note:
            ctx.say(f"  {result.note}")
        return 0

    return ctx.with_db(work)


def _catalogue(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        entry = save_catalogue_entry(
            db, args.catalogue, args.code, args.name, args.en, active=not args.inactive
        )
        state = "ngừng dùng" if args.inactive else "đang dùng"
        ctx.say(f"Đã lưu mục {entry.catalogue} {entry.code} «{entry.name}» ({state}).")
        return 0

    return ctx.with_db(work)


def _conflicts(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        if args.conflict_command == "show":
            detail = sync_conflicts.conflict_detail(db, args.id)
            ctx.say(f"Xung đột {detail.info.id}: {detail.info.table} «{detail.info.label}»")
            ctx.say(f"  {'trường':<24} {'ở đây (ours)':<30} gửi lên (theirs)")
            for diff in detail.fields:
                mark = "*" if diff.differs else " "
                ctx.say(f"{mark} {diff.field:<24} {diff.ours!s:<30} {diff.theirs!s}")
            return 0
        if args.conflict_command == "resolve":
            if args.take:
                fields = [name.strip() for name in args.take.split(",") if name.strip()]
                how = sync_conflicts.Resolution.FIELDS
            else:
                fields = []
                how = sync_conflicts.Resolution(args.keep)
            info = sync_conflicts.resolve_conflict(db, args.id, how, fields)
            ctx.say(f"Đã xử lý xung đột {info.id} ({info.resolution}).")
            return 0
        rows = sync_conflicts.list_conflicts(db, include_resolved=args.all)
        if not rows:
            ctx.say("Không có xung đột. / No conflicts.")
        for row in rows:
            state = "chờ xử lý" if row.status == "open" else f"đã xử lý ({row.resolution})"
            ctx.say(f"{row.id:>5}  {row.table:<14} «{row.label}» — {row.partner} — {state}")
        return 0

    return ctx.with_db(work)


def _history(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        rows = sync_receipts.history(db)
        if not rows:
            ctx.say("Chưa gửi, nhận gói nào. / No packages yet.")
        for row in rows:
            arrow = "gửi →" if row.direction == "sent" else "nhận ←"
            ack = ""
            if row.direction == "sent":
                ack = " đã báo nhận" if row.acknowledged_at else " chưa báo nhận"
            ctx.say(
                f"{row.at:%d/%m/%Y %H:%M} {arrow} {row.partner}: {row.kind}"
                f" số {row.seq_from}–{row.seq_to} {row.period_label}{ack}"
            )
        return 0

    return ctx.with_db(work)


def _transit(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        rows = sync_downward.transfers_in_transit(db)
        if not rows:
            ctx.say("Không có đảng viên nào đang trên đường. / No member in transit.")
        for row in rows:
            ctx.say(
                f"{row.transfer_uuid}  {row.full_name} ({dmy(row.birth_date)}) — từ"
                f" {row.from_office}, giấy số {row.letter_no} ngày {dmy(row.letter_date)}"
                f" — đến: {row.to_text}"
            )
        return 0

    return ctx.with_db(work)


def _send_transfer(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        result = sync_downward.export_transfer_down(db, args.transfer, args.to, Path(args.out))
        ctx.say(f"Đã lập gói gửi {result.recipient}: {result.path}")
        return 0

    return ctx.with_db(work)


def _receive(ctx: Context, args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        incoming = sync_downward.incoming_transfer(db, Path(args.file))
        ctx.say(
            f"Đảng viên {incoming.full_name} (sinh {incoming.birth_date}) từ {incoming.from_text},"
            f" giấy số {incoming.letter_no} ngày {incoming.letter_date};"
            f" {incoming.events} sự kiện trong lý lịch."
        )
        if incoming.status == sync_import.ALREADY:
            ctx.say("Đã tiếp nhận gói này trước đây; không thay đổi gì.")
            return 0
        if not args.branch:
            ctx.say("Chỉ xem: thêm --branch MÃ_CHI_BỘ để tiếp nhận.")
            return 0
        branch = transfer_queries.organization_by_code(db, args.branch)
        detail = sync_downward.receive_transfer(db, Path(args.file), branch, args.arrived)
        if detail is not None:
            ctx.say(f"Đã tiếp nhận vào {args.branch}; mã đảng viên {detail.row.member_id}.")
        return 0

    return ctx.with_db(work)


def _sync(ctx: Context, args: argparse.Namespace) -> int:
    actions: dict[str, Callable[[Context, argparse.Namespace], int]] = {
        "key": _key,
        "office": _office,
        "export": _export,
        "preview": _preview,
        "import": _import,
        "receipt": _receipt,
        "catalogue": _catalogue,
        "conflicts": _conflicts,
        "history": _history,
        "transit": _transit,
        "send-transfer": _send_transfer,
        "receive": _receive,
    }
    return actions[args.sync_command](ctx, args)


COMMANDS: dict[str, Callable[[Context, argparse.Namespace], int]] = {"sync": _sync}
