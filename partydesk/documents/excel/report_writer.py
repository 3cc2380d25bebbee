"""Statistics workbooks: a `ReportLayout` filled with plain `ReportData`, written atomically.

Each sheet opens with the office header of a Party document (domain.md §5: the superior
body and the issuing body on the left with "*" and the number line, "ĐẢNG CỘNG SẢN VIỆT
NAM" underlined and the place-and-date line on the right), then a merged title and
subtitle, a bold header row repeated on every printed page, the rows, and native Excel
charts where the layout asks for them. Pages are A4 landscape, fitted to the width.

The writer knows nothing of the database: it takes figures by key and breakdowns as
lines. It returns where every figure landed, so callers and tests can find them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from partydesk.documents.excel.list_writer import save_workbook_atomically
from partydesk.documents.excel.report_layout import ReportLayout, RowSpec, SheetSpec

__all__ = [
    "BreakdownLine",
    "ReportData",
    "ReportTable",
    "WrittenReport",
    "date_line",
    "write_report",
]

COUNT_FORMAT = "#,##0"
PERCENT_FORMAT = "0.0"
_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_HEADER_FILL = PatternFill("solid", fgColor="DDE7F3")
_GROUP_FILL = PatternFill("solid", fgColor="F2F2F2")
_BAD_FILL = PatternFill("solid", fgColor="F8D7DA")
_BAD_FONT = Font(bold=True, color="B00020")
_THIN = Side(style="thin", color="999999")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
#: The first row of a sheet's own content, under the office header.
_TITLE_ROW = 6


@dataclass(frozen=True)
class BreakdownLine:
    """One line of a breakdown: code, label, count."""

    code: str
    label: str
    count: int


@dataclass(frozen=True)
class ReportTable:
    """The rows of a table sheet: values by column key; flagged rows are marked red."""

    rows: tuple[Mapping[str, object], ...]
    flagged: tuple[bool, ...] = ()
    #: A sentence under the table (the balance check's verdict).
    verdict: str = ""
    verdict_ok: bool = True


@dataclass(frozen=True)
class ReportData:
    """Everything a layout can place, as plain values."""

    superior: str
    issuer: str
    number_symbol: str
    place: str
    issued_on: date
    texts: Mapping[str, str] = field(default_factory=dict)
    values: Mapping[str, int | float | None] = field(default_factory=dict)
    breakdowns: Mapping[str, Sequence[BreakdownLine]] = field(default_factory=dict)
    tables: Mapping[str, ReportTable] = field(default_factory=dict)


@dataclass(frozen=True)
class WrittenReport:
    """The file written and where each figure is: "Sheet!key" → "C12"."""

    path: Path
    cells: Mapping[str, str]


def date_line(place: str, on: date) -> str:
    """The place-and-date line: «Lạc Dương, ngày 30 tháng 6 năm 2026».

    36-HD/VPTW pads days below 10 and months below 3 with a zero.

    The same rule as documents.pdf.frame.date_line, kept here so a workbook does not load
    the PDF machinery.
    """
    month = f"{on.month:02d}" if on.month < 3 else str(on.month)
    prefix = f"{place.strip()}, " if place.strip() else ""
    return f"{prefix}ngày {on.day:02d} tháng {month} năm {on.year}"


def _fill(text: str, texts: Mapping[str, str]) -> str:
    for key, value in texts.items():
        text = text.replace("{" + key + "}", value)
    return text


def _merge(ws: Worksheet, row: int, first: int, last: int, value: str, font: Font | None) -> None:
    cell = ws.cell(row=row, column=first, value=value)
    if font is not None:
        cell.font = font
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    if last > first:
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)


def _office_header(ws: Worksheet, data: ReportData, symbol: str, width: int) -> None:
    """Rows 1–4: the Party-document header, left and right halves of the columns."""
    split = max(1, width // 2)
    left_last, right_first = split, min(split + 1, width)
    _merge(ws, 1, 1, left_last, data.superior.upper(), Font(size=12))
    _merge(ws, 2, 1, left_last, data.issuer.upper(), Font(bold=True, size=12))
    _merge(ws, 3, 1, left_last, "*", None)
    _merge(ws, 4, 1, left_last, f"Số        -{symbol}/{data.number_symbol}", None)
    _merge(
        ws,
        1,
        right_first,
        width,
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        Font(bold=True, size=13, underline="single"),
    )
    _merge(ws, 2, right_first, width, date_line(data.place, data.issued_on), Font(italic=True))


def _page_setup(ws: Worksheet, header_row: int) -> None:
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _start(ws: Worksheet, sheet: SheetSpec, data: ReportData, symbol: str) -> int:
    """Header, title, subtitle and the column headings; returns the heading row."""
    width = len(sheet.columns)
    for number, column in enumerate(sheet.columns, start=1):
        ws.column_dimensions[get_column_letter(number)].width = column.width
    _office_header(ws, data, symbol, width)
    _merge(ws, _TITLE_ROW, 1, width, _fill(sheet.title, data.texts), _TITLE)
    _merge(ws, _TITLE_ROW + 1, 1, width, _fill(sheet.subtitle, data.texts), Font(italic=True))
    ws.row_dimensions[_TITLE_ROW + 1].height = 30
    header_row = _TITLE_ROW + 3
    for number, column in enumerate(sheet.columns, start=1):
        cell = ws.cell(row=header_row, column=number, value=column.title)
        cell.font, cell.fill, cell.alignment, cell.border = _BOLD, _HEADER_FILL, _CENTRE, _BOX
    _page_setup(ws, header_row)
    return header_row


def _percent(value: float | None, total: float | None) -> float | None:
    if value is None or not total:
        return None
    return round(100.0 * value / total, 1)


def _figures(
    ws: Worksheet, sheet: SheetSpec, data: ReportData, row: int, cells: dict[str, str]
) -> dict[str, tuple[int, int]]:
    """The rows of a figures sheet from `row` on; returns each group's first/last data row."""
    width = len(sheet.columns)
    spans: dict[str, tuple[int, int]] = {}

    def put(
        number: int | None, label: str, value: float | None, pct: float | None, key: str, fmt: str
    ) -> None:
        nonlocal row
        if number is not None:
            ws.cell(row=row, column=1, value=number).alignment = Alignment(horizontal="center")
        ws.cell(row=row, column=2, value=label).alignment = Alignment(wrap_text=True)
        if width >= 3 and fmt:
            cell = ws.cell(row=row, column=3, value=value)
            cell.number_format = PERCENT_FORMAT if fmt == "percent" else COUNT_FORMAT
            cells[f"{sheet.name}!{key}"] = cell.coordinate
        if width >= 4:
            ws.cell(row=row, column=4, value=pct).number_format = PERCENT_FORMAT
        for column in range(1, width + 1):
            ws.cell(row=row, column=column).border = _BOX
        row += 1

    for group in sheet.groups:
        title = ws.cell(row=row, column=1, value=_fill(group.title, data.texts))
        title.font = _BOLD
        for column in range(1, width + 1):
            ws.cell(row=row, column=column).fill = _GROUP_FILL
            ws.cell(row=row, column=column).border = _BOX
        if width > 1:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        row += 1
        first = row
        number = 1
        for spec in group.rows:
            number = _group_row(spec, data, put, number)
        spans[group.id] = (first, row - 1)
    return spans


#: Writes one row: (number, label, value, percentage, figure key, format).
_Put = Callable[[int | None, str, float | None, float | None, str, str], None]


def _group_row(spec: RowSpec, data: ReportData, emit: _Put, number: int) -> int:
    total = data.values.get(spec.percent_of) if spec.percent_of else None
    if spec.heading:
        emit(None, _fill(spec.heading, data.texts), None, None, f"heading.{spec.heading}", "")
        return number
    if spec.breakdown:
        for line in data.breakdowns.get(spec.breakdown, ()):
            key = f"{spec.breakdown}.{line.code}"
            emit(number, line.label, line.count, _percent(line.count, total), key, "count")
            number += 1
        return number
    value = data.values.get(spec.value)
    emit(
        number,
        _fill(spec.label, data.texts),
        value,
        _percent(value, total) if spec.format == "count" else None,
        spec.value,
        spec.format,
    )
    return number + 1


def _charts(ws: Worksheet, sheet: SheetSpec, spans: Mapping[str, tuple[int, int]]) -> None:
    """Native charts to the right of the figures, one under the other."""
    anchor_row = _TITLE_ROW + 3
    anchor_column = get_column_letter(len(sheet.columns) + 2)
    for spec in sheet.charts:
        first, last = spans[spec.group]
        if spec.rows:
            chosen = [first + i for i in spec.rows if first + i <= last]
            first, last = (min(chosen), max(chosen)) if chosen else (first, last)
        if last < first:
            continue
        chart: BarChart | PieChart
        if spec.type == "pie":
            chart = PieChart()
        else:
            chart = BarChart()
            chart.type = "bar" if spec.type == "bar" else "col"
            chart.y_axis.title = spec.y_title or None
            chart.legend = None
        chart.title = spec.title
        data = Reference(ws, min_col=3, min_row=first, max_row=last)
        labels = Reference(ws, min_col=2, min_row=first, max_row=last)
        chart.add_data(data, titles_from_data=False)
        chart.set_categories(labels)
        chart.height, chart.width = 7.5, 15
        ws.add_chart(chart, f"{anchor_column}{anchor_row}")
        anchor_row += 16


def _table(
    ws: Worksheet, sheet: SheetSpec, data: ReportData, row: int, cells: dict[str, str]
) -> None:
    table = data.tables.get(sheet.table)
    if table is None:
        return
    width = len(sheet.columns)
    for index, values in enumerate(table.rows):
        flagged = index < len(table.flagged) and table.flagged[index]
        for number, column in enumerate(sheet.columns, start=1):
            value = values.get(column.key)
            cell = ws.cell(row=row, column=number, value=value)
            cell.border = _BOX
            if isinstance(value, int | float) and not isinstance(value, bool):
                cell.number_format = COUNT_FORMAT
            if flagged:
                cell.fill = _BAD_FILL
                cell.font = _BAD_FONT
            code = values.get("code")
            cells[f"{sheet.name}!{code}.{column.key}"] = cell.coordinate
        row += 1
    if table.verdict:
        row += 1
        _merge(ws, row, 1, width, table.verdict, _BOLD if table.verdict_ok else _BAD_FONT)
        verdict = ws.cell(row=row, column=1)
        verdict.alignment = Alignment(horizontal="left", wrap_text=True)
        if not table.verdict_ok:
            verdict.fill = _BAD_FILL
        cells[f"{sheet.name}!verdict"] = verdict.coordinate


def write_report(path: Path, layout: ReportLayout, data: ReportData) -> WrittenReport:
    """Write `data` in `layout` to `path` atomically; returns where each figure landed."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    cells: dict[str, str] = {}
    for sheet in layout.sheets:
        ws = workbook.create_sheet(sheet.name[:31])
        header_row = _start(ws, sheet, data, layout.document_symbol)
        if sheet.kind == "figures":
            spans = _figures(ws, sheet, data, header_row + 1, cells)
            _charts(ws, sheet, spans)
        else:
            _table(ws, sheet, data, header_row + 1, cells)
    workbook.properties.title = layout.title
    workbook.properties.creator = "partydesk"
    save_workbook_atomically(workbook, Path(path))
    return WrittenReport(Path(path), cells)
