"""`partydesk import-excel`: bring an office's member list in from Excel, or write the template.

    partydesk import-excel FILE [--sheet S] [--map "Header=field" ...] [--branch CODE]
                                [--dry-run] [--errors OUT.xlsx]
    partydesk import-excel --template OUT.xlsx

The header row is found under the title rows; `--map` corrects what a column holds
(`--map "Kết nạp=ceremony_date"`, `--map "E=card_no"`, `--map "Ghi chú="` to leave it out).
Rows without a «Chi bộ» go to `--branch`. The command prints the counts and the first
problems, writes the refused rows to `--errors`, and adds the accepted rows unless
`--dry-run`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from partydesk.cli.base import Context
from partydesk.errors import PartydeskError
from partydesk.services import excel_import

#: How many refused rows are printed (all of them go to --errors).
SHOWN_PROBLEMS = 20


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add `import-excel`."""
    fields = ", ".join(name for name, _label in excel_import.FIELD_CHOICES)
    p = sub.add_parser(
        "import-excel",
        parents=[common],
        help="nhập danh sách đảng viên từ Excel (import a member list)",
        description=f"Trường (fields) cho --map: {fields}.",
    )
    p.add_argument(
        "file", nargs="?", metavar="FILE", help="tệp Excel .xlsx, .xls hoặc LibreOffice .ods"
    )
    p.add_argument("--sheet", help="tên trang tính (mặc định: trang đầu)")
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help="cột (tiêu đề hoặc chữ cột) = trường; để trống trường để bỏ cột",
    )
    p.add_argument("--branch", metavar="CODE", help="chi bộ cho các dòng không ghi chi bộ")
    p.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi")
    p.add_argument("--errors", metavar="OUT.xlsx", help="ghi các dòng bị từ chối ra tệp này")
    p.add_argument("--template", metavar="OUT.xlsx", help="ghi tệp mẫu để điền rồi thoát")


def _overrides(pairs: list[str]) -> dict[str, str | None]:
    overrides: dict[str, str | None] = {}
    for pair in pairs:
        header, sep, name = pair.partition("=")
        if not sep or not header.strip():
            raise PartydeskError(
                "field.invalid",
                field="--map",
                problem=f"«{pair}» phải viết dạng «Tiêu đề cột=trường»",
            )
        overrides[header.strip()] = name.strip() or None
    return overrides


def _progress(ctx: Context) -> excel_import.Progress:
    stages = {"read": "Đã đọc", "check": "Đã kiểm tra", "write": "Đã ghi"}

    def report(stage: str, done: int, total: int) -> bool:
        of = f"/{total:,}" if total else ""
        ctx.say(f"  {stages.get(stage, stage)} {done:,}{of} dòng…")
        return True

    return report


def _summary(ctx: Context, preview: excel_import.ImportPreview) -> None:
    guess = preview.guess
    ctx.say(
        f"Trang «{guess.sheet}», dòng tiêu đề {guess.header_row},"
        f" dữ liệu từ dòng {guess.first_data_row}."
    )
    mapped = [
        f"{header or '?'} → {name}"
        for header, name in zip(preview.headers, preview.mapping, strict=False)
        if name is not None and name != "row_no"
    ]
    ctx.say("Cột nhận ra: " + "; ".join(mapped))
    ignored = [h for h, n in zip(preview.headers, preview.mapping, strict=False) if h and not n]
    if ignored:
        ctx.say("Cột bỏ qua: " + "; ".join(ignored))
    ctx.say(
        f"{len(preview.rows):,} dòng: {preview.accepted:,} nhập được, {preview.refused:,} bị"
        f" từ chối (trong đó {preview.duplicates:,} trùng); {preview.blank_rows:,} dòng trống,"
        f" {preview.footer_rows:,} dòng cuối bảng bỏ qua."
    )
    refused = preview.refused_rows()
    for row in refused[:SHOWN_PROBLEMS]:
        ctx.say(f"  Dòng {row.row}: {'; '.join(row.reasons)}")
    if len(refused) > SHOWN_PROBLEMS:
        ctx.say(f"  … và {len(refused) - SHOWN_PROBLEMS:,} dòng nữa (xem tệp --errors).")


def _import(ctx: Context, args: argparse.Namespace) -> int:
    if args.template:
        path = excel_import.write_template_file(Path(args.template).expanduser())
        ctx.say(f"Đã ghi tệp mẫu: {path}")
        return 0
    if not args.file:
        raise PartydeskError("field.required", field="FILE")
    source = Path(args.file).expanduser()
    overrides = _overrides(args.map)
    with ctx.database() as db:
        preview = excel_import.preview_import(
            db,
            source,
            overrides or None,
            sheet=args.sheet,
            default_branch=args.branch,
            progress=_progress(ctx),
        )
        _summary(ctx, preview)
        if args.errors and preview.refused:
            out = Path(args.errors).expanduser()
            count = excel_import.write_error_workbook(preview, out)
            ctx.say(f"Đã ghi {count:,} dòng bị từ chối vào {out}")
        if args.dry_run:
            ctx.say("Chỉ xem trước (--dry-run): chưa ghi gì vào cơ sở dữ liệu.")
            return 0
        if not preview.accepted:
            raise PartydeskError("import.nothing_to_add", refused=preview.refused)
        result = excel_import.apply_import(db, preview, _progress(ctx))
    ctx.say(f"Đã nhập {result.added:,} đảng viên từ «{source.name}».")
    return 0


COMMANDS: dict[str, Callable[[Context, argparse.Namespace], int]] = {"import-excel": _import}
