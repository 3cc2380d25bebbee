"""Plain list workbooks: a title, a bold header row and typed cells, streamed to disk.

Any register list (members, the list book, cadres) is written the same way: openpyxl's
`write_only` mode, so a list of 500k rows goes to the file row by row and never sits in
memory as cells. Dates are real dates shown dd/mm/yyyy, numbers are numbers, and text that
a spreadsheet could read as a formula (it starts with =, +, - or @) is stored as text with
Excel's "quote prefix" flag, the file-format equivalent of typing a leading apostrophe:
the cell shows exactly the text, is never evaluated, and stays text when edited.

The file is written to a temporary file in the target folder and moved into place, so a
failed or cancelled export never leaves half a workbook behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.properties import PageSetupProperties

__all__ = [
    "DATE_FORMAT",
    "FORMULA_PREFIXES",
    "CellValue",
    "ListColumn",
    "is_formula_like",
    "save_workbook_atomically",
    "write_list",
]

#: A value of a list cell; anything else is written as its `str()`.
CellValue = str | int | float | date | datetime | None

DATE_FORMAT = "dd/mm/yyyy"
#: Leading characters that make Excel (or LibreOffice) read typed text as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@")
#: Text starting with these gets Excel's quote prefix (formulas, and "#N/A"-like errors).
_QUOTED_PREFIXES = (*FORMULA_PREFIXES, "#")

#: Excel allows 31 characters in a sheet name and none of these.
_SHEET_NAME_BAD = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


@dataclass(frozen=True)
class ListColumn:
    """A column of a list: its heading, width in Excel character units, wrapped or not."""

    title: str
    width: float = 14.0
    #: Multi-line cells (sub-fields joined by line breaks, as in the list book).
    wrap: bool = False


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet would read `text` typed into a cell as a formula."""
    return text.startswith(FORMULA_PREFIXES)


def _clean(text: str) -> str:
    # Control characters other than tab and line breaks are not allowed in the XML.
    return ILLEGAL_CHARACTERS_RE.sub("", text)


#: Excel's limit on the characters of one cell.
MAX_CELL_TEXT = 32_767


def _styled_cell(ws: Any, number_format: str = "", quote: bool = False, wrap: bool = False) -> Cell:
    """A cell carrying one of the list's few styles, to be reused for every such value."""
    cell = WriteOnlyCell(ws)
    if number_format:
        cell.number_format = number_format
    if quote:
        cell.quotePrefix = True
    if wrap:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


class _RowCells:
    """Turns a row of plain values into the cells openpyxl writes, with little work per cell.

    It replaces the sheet's `_values_to_row` (openpyxl's write-only sheets call it for each
    appended row; the method is private but stable across 3.1.x, which pyproject pins).
    openpyxl's own version binds every value through the cell's value setter (type
    checks, a regular expression, formula and error-code detection) and raises and
    catches an exception for every prepared cell it is given. Here the type is known
    from `type(value)` once, the value and data type are set directly, and one cell per
    style is reused: the sheet writer turns each yielded cell into XML before asking for
    the next one (openpyxl reuses its own unstyled cell the same way). Setting the data
    type directly is also what keeps "=…" text a string: the value setter would make it
    a formula.
    """

    def __init__(self, ws: Any, columns: Sequence[ListColumn]) -> None:
        plain = (
            _styled_cell(ws),
            _styled_cell(ws, quote=True),
            _styled_cell(ws, number_format=DATE_FORMAT),
        )
        # Per column: the cells for (text or number, formula-like text, date).
        self._cells: list[tuple[Cell, Cell, Cell]] = [
            (
                (
                    _styled_cell(ws, wrap=True),
                    _styled_cell(ws, quote=True, wrap=True),
                    _styled_cell(ws, number_format=DATE_FORMAT, wrap=True),
                )
                if column.wrap
                else plain
            )
            for column in columns
        ]
        self._plain = plain

    def __call__(self, values: Iterable[Any], row_idx: int) -> Iterator[Cell]:
        """The cells of row `row_idx` (1-based), empty values skipped."""
        cells = self._cells
        width = len(cells)
        for column, raw in enumerate(values, start=1):
            if raw is None:
                continue
            value: Any = raw
            kind = type(value)
            # The common types by identity first (cheap); subclasses after.
            if kind is str:
                which, data_type = 0, "s"
            elif kind is int or kind is float:
                which, data_type = 0, "n"
            elif kind is date or kind is datetime:
                which, data_type = 2, "d"
            elif isinstance(value, Cell):  # a prepared cell (title and header rows)
                value.column, value.row = column, row_idx
                yield value
                continue
            elif isinstance(value, bool):
                value, which, data_type = int(value), 0, "n"
            elif isinstance(value, int | float):
                which, data_type = 0, "n"
            elif isinstance(value, date):
                which, data_type = 2, "d"
            else:
                value, which, data_type = str(value), 0, "s"
            if data_type == "s":
                if not value:
                    continue
                if ILLEGAL_CHARACTERS_RE.search(value):
                    value = _clean(value)
                if len(value) > MAX_CELL_TEXT:
                    value = value[:MAX_CELL_TEXT]
                # "#" too: "#N/A", "#REF!"… typed into Excel would become error values.
                if value.startswith(_QUOTED_PREFIXES):
                    which = 1
            cell = (cells[column - 1] if column <= width else self._plain)[which]
            cell._value, cell.data_type = value, data_type
            cell.column, cell.row = column, row_idx
            yield cell


def _sheet_name(name: str) -> str:
    cleaned = name.translate(_SHEET_NAME_BAD).strip().strip("'") or "Danh sách"
    return cleaned[:31]


def write_list(
    path: Path,
    columns: Sequence[ListColumn],
    rows: Iterable[Sequence[CellValue]],
    *,
    title: str = "",
    subtitle: str = "",
    sheet_name: str = "Danh sách",
) -> int:
    """Write a list workbook to `path` atomically; returns the number of data rows.

    `rows` is consumed once, row by row (a generator reading SQL in chunks keeps memory
    flat). The title and subtitle rows, when given, span the columns; the header row is
    bold, frozen, repeated on every printed page and carries an auto-filter. Pages are A4
    landscape, fitted to the width. A `rows` iterator that raises leaves no file behind
    (and an existing file at `path` untouched).
    """
    path = Path(path)
    if not columns:
        raise ValueError("a list needs at least one column")
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet(_sheet_name(sheet_name))
    last_letter = get_column_letter(len(columns))
    for number, column in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(number)].width = column.width
    heading_rows = [text for text in (title, subtitle) if text]
    header_row = len(heading_rows) + 1
    ws.freeze_panes = f"A{header_row + 1}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4 (ECMA-376 paper size code)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)

    title_font = Font(bold=True, size=14)
    for row_number, text in enumerate(heading_rows, start=1):
        cell = WriteOnlyCell(ws, value=None)
        cell._value, cell.data_type = _clean(text), "s"
        cell.font = title_font if row_number == 1 and title else Font(italic=True)
        cell.alignment = Alignment(horizontal="center")
        ws.append([cell])
        if len(columns) > 1:
            ws.merged_cells.add(CellRange(f"A{row_number}:{last_letter}{row_number}"))
    bold = Font(bold=True)
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    header: list[Cell] = []
    for column in columns:
        cell = WriteOnlyCell(ws)
        cell._value, cell.data_type = _clean(column.title), "s"
        cell.font = bold
        cell.alignment = centred
        header.append(cell)
    ws.append(header)

    # From here on rows are plain values, turned into cells by `_RowCells`.
    ws._values_to_row = _RowCells(ws, columns)
    count = 0
    append = ws.append
    try:
        for values in rows:
            append(values)
            count += 1
    except BaseException:
        _discard(ws)
        raise
    ws.auto_filter = AutoFilter(ref=f"A{header_row}:{last_letter}{header_row + max(count, 1)}")
    save_workbook_atomically(workbook, path)
    return count


def _discard(ws: Any) -> None:
    """Close and delete openpyxl's own temporary file of a sheet that will never be saved.

    The row generator is closed first (it writes its closing tag while the file is still
    open): left to the garbage collector it would write to a closed file and complain.
    """
    # Best effort: the sheet is thrown away either way, and a temporary file that could
    # not be removed is in the system's temporary folder, which is cleaned anyway.
    with contextlib.suppress(OSError, ValueError):
        ws.close()
    writer = getattr(ws, "_writer", None)
    if writer is not None:
        with contextlib.suppress(OSError, ValueError):
            writer.cleanup()


def save_workbook_atomically(workbook: Workbook, path: Path) -> None:
    """Save any openpyxl workbook to `path` through a temporary file in the same folder.

    The temporary file is moved over `path` only once it is complete (`os.replace`), so
    readers never see half a workbook and a failure leaves an existing file untouched;
    the temporary file is removed on any failure. Creates the folder if needed.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.stem}-", suffix=path.suffix or ".xlsx"
    )
    os.close(handle)
    try:
        workbook.save(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
