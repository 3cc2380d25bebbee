"""Write the messy member list of the import tests as .xls and .ods: tests/fixtures/.

    pip install xlwt odfpy          # in a scratch environment beside partydesk's own
    PYTHONPATH=.:<its site-packages> .venv/bin/python scripts/make_import_fixtures.py

Offices keep lists in Excel 97–2003 workbooks (.xls) and in LibreOffice (.ods) too; the
import reads both (python-calamine). Neither format can be written by partydesk's own
dependencies, so the two files are made once by this script and committed; the tests
compare what the import finds in them with what it finds in the same list as .xlsx. The
cells and merges come from tests/integration/test_excel_import.py (`messy_cells`,
`MESSY_MERGES`): dates as date cells, numbers as numbers, text as text.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.integration.test_excel_import import (  # noqa: E402
    MESSY_MERGES,
    MESSY_SHEET,
    messy_cells,
)

FIXTURES = ROOT / "tests" / "fixtures"


def write_xls(path: Path) -> None:
    """The list as an Excel 97–2003 workbook (BIFF8), with xlwt."""
    import xlwt  # type: ignore[import-not-found]

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet(MESSY_SHEET)
    day = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    cells = {(row, col): value for row, col, value in messy_cells()}
    merged = set()
    for first_row, first_col, last_row, last_col in MESSY_MERGES:
        value = cells.get((first_row, first_col), "")
        sheet.write_merge(first_row - 1, last_row - 1, first_col - 1, last_col - 1, value)
        merged |= {
            (r, c) for r in range(first_row, last_row + 1) for c in range(first_col, last_col + 1)
        }
    for (row, col), value in cells.items():
        if (row, col) in merged:
            continue
        if isinstance(value, date):
            sheet.write(row - 1, col - 1, value, day)
        else:
            sheet.write(row - 1, col - 1, value)
    book.save(str(path))


def write_ods(path: Path) -> None:
    """The list as an OpenDocument spreadsheet, with odfpy."""
    from odf.opendocument import OpenDocumentSpreadsheet  # type: ignore[import-not-found]
    from odf.table import (  # type: ignore[import-not-found]
        CoveredTableCell,
        Table,
        TableCell,
        TableRow,
    )
    from odf.text import P  # type: ignore[import-not-found]

    doc = OpenDocumentSpreadsheet()
    table = Table(name=MESSY_SHEET)
    cells = {(row, col): value for row, col, value in messy_cells()}
    spans = {(r, c): (r2 - r + 1, c2 - c + 1) for r, c, r2, c2 in MESSY_MERGES}
    covered = {
        (row, col)
        for r, c, r2, c2 in MESSY_MERGES
        for row in range(r, r2 + 1)
        for col in range(c, c2 + 1)
        if (row, col) != (r, c)
    }
    last_row = max(row for row, _col in cells)
    for row in range(1, last_row + 1):
        table_row = TableRow()
        for col in range(1, 13):
            if (row, col) in covered:
                table_row.addElement(CoveredTableCell())
                continue
            value, span = cells.get((row, col)), spans.get((row, col))
            table_row.addElement(_ods_cell(TableCell, P, value, span))
        table.addElement(table_row)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))


def _ods_cell(cell_type: Any, paragraph: Any, value: Any, span: tuple[int, int] | None) -> Any:
    attributes: dict[str, Any] = {}
    if span is not None:
        attributes.update(numberrowsspanned=span[0], numbercolumnsspanned=span[1])
    if value is None:
        return cell_type(**attributes)
    if isinstance(value, datetime | date):
        cell = cell_type(valuetype="date", datevalue=value.strftime("%Y-%m-%d"), **attributes)
        cell.addElement(paragraph(text=value.strftime("%d/%m/%Y")))
        return cell
    if isinstance(value, int | float):
        cell = cell_type(valuetype="float", value=value, **attributes)
        cell.addElement(paragraph(text=str(value)))
        return cell
    cell = cell_type(valuetype="string", **attributes)
    cell.addElement(paragraph(text=str(value)))
    return cell


def main() -> int:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    write_xls(FIXTURES / "danh-sach-cu.xls")
    write_ods(FIXTURES / "danh-sach-cu.ods")
    for name in ("danh-sach-cu.xls", "danh-sach-cu.ods"):
        print(FIXTURES / name, (FIXTURES / name).stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
