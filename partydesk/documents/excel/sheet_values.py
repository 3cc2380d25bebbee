"""The cell values of a workbook's sheets, read with calamine: a list in a second, not seven.

An office's list of 50,000 members took openpyxl's `read_only` mode 6.6 s to read, and
our own expat reader over openpyxl's parts 3.5 s; calamine (a Rust reader, the engine
pandas uses for the same reason; `python-calamine` on PyPI) reads it in 0.9 s
(bench/bench_excel_import.py). Reading is all this module does: workbooks are still
written with openpyxl.

Values are as a cell shows them in Excel: text as str, numbers as float (Excel stores
every number as a double: a whole number reads as `12.0`), booleans, dates with a date
format as `date` (or `datetime` when the cell has a time), times as `time`, the cached
value of a formula. An empty cell is None. Rows are numbered as in the sheet (row 1 is
the first row of the sheet, written or not), and every row of a sheet has the same width,
from column A to the last column used. In a merged range only the top-left cell holds the
value, the others are empty.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from python_calamine import (
    CalamineError,
    CalamineWorkbook,
    PasswordError,
    SheetTypeEnum,
    WorksheetNotFound,
)

__all__ = ["PasswordProtectedError", "Workbook", "open_workbook"]


class PasswordProtectedError(ValueError):
    """The workbook is encrypted with a password: it must be saved without one first."""


class Workbook:
    """An open workbook: its worksheets' names and their rows. Use as a context manager."""

    def __init__(self, book: CalamineWorkbook) -> None:
        self._book = book

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the file."""
        self._book.close()

    @property
    def sheet_names(self) -> list[str]:
        """The worksheets' names in order (chart and macro sheets hold no list)."""
        return [
            sheet.name
            for sheet in self._book.sheets_metadata
            if sheet.typ == SheetTypeEnum.WorkSheet
        ]

    def rows(self, sheet: str | None = None) -> SheetRows:
        """The rows of `sheet` (the first worksheet by default); KeyError when there is none.

        The whole sheet is read here, in one pass in Rust: calamine has no streaming, and a
        50,000-row list is about 100 MB of Python values.
        """
        names = self.sheet_names
        if not sheet:
            if not names:
                raise KeyError("")
            sheet = names[0]
        elif sheet not in names:
            raise KeyError(sheet)
        try:
            values = self._book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
        except WorksheetNotFound as exc:
            raise KeyError(sheet) from exc
        except CalamineError as exc:
            raise ValueError(f"sheet {sheet!r}: {exc}") from exc
        return SheetRows(sheet, values)


class SheetRows:
    """The rows of one sheet: `len()`, and (row number, values) from a given row on."""

    def __init__(self, title: str, values: list[list[Any]]) -> None:
        self.title = title
        self._values = values

    def __len__(self) -> int:
        return len(self._values)

    def head(self, count: int) -> list[tuple[Any, ...]]:
        """The first `count` rows' values."""
        return [_values(row) for row in self._values[:count]]

    def numbered(self, first_row: int = 1) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """(row number, values) of every row from `first_row` on."""
        for index in range(max(first_row, 1) - 1, len(self._values)):
            yield index + 1, _values(self._values[index])


def _values(row: list[Any]) -> tuple[Any, ...]:
    # calamine gives "" for an empty cell; None is what the rest of partydesk means by
    # empty (and an empty string typed in a cell is not something a list means either).
    # Most rows of a list have some empty cell, so the test is not worth skipping.
    return tuple(None if value == "" else value for value in row)


def open_workbook(path: Path) -> Workbook:
    """Open an .xlsx (or .xlsm, .xls, .ods) workbook for reading.

    Raises OSError when the file cannot be read, `PasswordProtectedError` when it is
    encrypted, ValueError when it is not a workbook.
    """
    try:
        return Workbook(CalamineWorkbook.from_path(str(path)))
    except PasswordError as exc:
        raise PasswordProtectedError(str(exc) or "password") from exc
    except CalamineError as exc:
        raise ValueError(str(exc) or type(exc).__name__) from exc
