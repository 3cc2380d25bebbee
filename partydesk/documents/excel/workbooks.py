"""Workbooks of the member import: the error workbook (refused rows) and the template.

The error workbook keeps every refused row with its cells exactly as read, under the
original headers, plus «Lý do» and the row's number in the source file: the clerk fixes
the rows there and imports that workbook again («Lý do» and «Dòng gốc» are not field
headers, so the second import ignores them). Both files are written atomically.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from partydesk.documents.excel.headers import (
    DATE_FIELDS,
    FIELD_LABELS,
    TEMPLATE_EXAMPLE,
    TEMPLATE_FIELDS,
)
from partydesk.documents.excel.list_writer import save_workbook_atomically

__all__ = ["REASON_HEADER", "SOURCE_ROW_HEADER", "RefusedRow", "write_errors", "write_template"]

REASON_HEADER = "Lý do"
SOURCE_ROW_HEADER = "Dòng gốc"
_BOLD = Font(bold=True)
_REASON_FONT = Font(color="B00020")
_HEADER_FILL = PatternFill("solid", fgColor="DDE7F3")


@dataclass(frozen=True)
class RefusedRow:
    """A refused row: its number in the source sheet, its cells as read, the reasons."""

    row: int
    cells: tuple[Any, ...]
    reasons: tuple[str, ...]


def _cell(ws: Any, value: Any) -> Any:
    cell = WriteOnlyCell(ws, value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        # A name or note that looks like a formula stays text, never runs.
        cell.data_type = "s"
    elif isinstance(value, datetime | date):
        cell.number_format = "dd/mm/yyyy"
    return cell


def write_errors(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[RefusedRow],
    title: str = "Các dòng không nhập được",
) -> int:
    """Write the refused rows under `headers` (+ «Lý do», «Dòng gốc»); returns the count."""
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("Dòng bị từ chối")
    width = len(headers)
    for index in range(width + 2):
        ws.column_dimensions[get_column_letter(index + 1)].width = 18
    ws.column_dimensions[get_column_letter(width + 1)].width = 60
    ws.freeze_panes = "A3"
    title_cell = WriteOnlyCell(ws, title)
    title_cell.font = Font(bold=True, size=13)
    ws.append([title_cell])
    header_cells = []
    for text in (*headers, REASON_HEADER, SOURCE_ROW_HEADER):
        cell = WriteOnlyCell(ws, text)
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        header_cells.append(cell)
    ws.append(header_cells)
    count = 0
    for refused in rows:
        cells = [
            _cell(ws, refused.cells[i] if i < len(refused.cells) else None) for i in range(width)
        ]
        reason = WriteOnlyCell(ws, "; ".join(refused.reasons))
        reason.data_type = "s"
        reason.font = _REASON_FONT
        cells.append(reason)
        cells.append(WriteOnlyCell(ws, refused.row))
        ws.append(cells)
        count += 1
    save_workbook_atomically(workbook, path)
    return count


def write_template(path: Path, title: str = "DANH SÁCH ĐẢNG VIÊN") -> Path:
    """Write the import template: a title, the recognized headers and one example row."""
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None  # a new Workbook always has its first sheet
    ws.title = "Danh sách"
    last = get_column_letter(len(TEMPLATE_FIELDS))
    ws["A1"] = title
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells(f"A1:{last}1")
    ws["A2"] = (
        "Mỗi dòng một người. Ngày viết dd/mm/yyyy hoặc định dạng ngày của Excel;"
        " năm sinh có thể chỉ ghi năm. Chi bộ ghi tên hoặc mã. Xóa dòng ví dụ trước khi nhập."
    )
    ws["A2"].font = Font(italic=True)
    ws.merge_cells(f"A2:{last}2")
    for index, name in enumerate(TEMPLATE_FIELDS, start=1):
        letter = get_column_letter(index)
        header = ws.cell(row=3, column=index, value=FIELD_LABELS[name])
        header.font = _BOLD
        header.fill = _HEADER_FILL
        header.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        example = ws.cell(row=4, column=index, value=TEMPLATE_EXAMPLE.get(name, ""))
        if name in DATE_FIELDS or name in ("cccd", "card_no", "biography_no"):
            # Text cells keep leading zeros of numbers and the dd/mm/yyyy of dates.
            example.number_format = "@"
            for row in range(5, 205):
                ws.cell(row=row, column=index).number_format = "@"
        ws.column_dimensions[letter].width = 6 if name == "row_no" else 18
    ws.column_dimensions["B"].width = 26
    ws.freeze_panes = "C4"
    save_workbook_atomically(workbook, path)
    return path
