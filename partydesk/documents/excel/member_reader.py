"""Read a member list as offices keep it: find the header row, convert cells, flag problems.

Plain data in and out, no database: the import service maps branches and catalogues and
checks the records. A sheet is read twice at most: the first rows to find the header row
(`detect_header`), then every row once (`read_member_sheet`). The cells are read by
`sheet_values` (calamine): openpyxl's `read_only` mode took seven times as long.

Merged cells need no special pass: in a merged range only the top-left cell holds the
value and the others read as empty, so a title merged over the row scores nothing, and a
header merged down over two rows (its sub-headers on the second) is found by combining the
best row with the row under it (`_combine`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

from openpyxl.utils import get_column_letter

from partydesk.documents.excel.headers import DATE_FIELDS, IGNORED, fold_header, match_header
from partydesk.documents.excel.sheet_values import SheetRows, Workbook, open_workbook
from partydesk.rules import clean_text, fold, nfc

__all__ = [
    "CellProblem",
    "HeaderGuess",
    "MemberSheet",
    "ReadStoppedError",
    "SheetRow",
    "YearOnly",
    "apply_overrides",
    "column_name",
    "detect_header",
    "list_sheets",
    "parse_date",
    "read_member_sheet",
]

#: Rows scanned for the header row.
HEADER_SCAN_ROWS = 20
_MIN_RECOGNIZED = 2
_EXCEL_EPOCH = datetime(1899, 12, 30)
_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_YEAR = re.compile(r"^(\d{4})$")
_NUMBERING = re.compile(r"^\(?\d{1,2}\)?$")
# Rows under the list: totals, the signature block, the date line above it.
_FOOTER_PREFIXES = (
    "tong cong",
    "tong so",
    "cong:",
    "nguoi lap",
    "nguoi lap bieu",
    "nguoi ky",
    "xac nhan",
    "thu truong",
    "t/m",
    "tm ",
    "tm.",
    "bi thu",
    "pho bi thu",
    "danh sach nay co",
    "an dinh danh sach",
)
#: A footer row that says more than its first words holds at most this many cells.
_FOOTER_MAX_CELLS = 4
_DATE_LINE = re.compile(r"ngay\s*\.*\s*\d*\s*thang\s*\.*\s*\d*\s*nam")


@dataclass(frozen=True)
class YearOnly:
    """A date cell that gives the year alone ("1975")."""

    year: int


class ReadStoppedError(Exception):
    """The progress callback asked to stop reading."""


@dataclass(frozen=True)
class CellProblem:
    """A problem of one cell: the sheet row, the column (index and header), the message."""

    row: int
    index: int
    column: str
    message: str


@dataclass(frozen=True)
class HeaderGuess:
    """Where the list's header is and what each column seems to mean."""

    sheet: str
    header_row: int
    #: The row where data starts (the header row + 1, or + 2 under a two-row header).
    first_data_row: int
    headers: tuple[str, ...]
    #: The field of each column (None: not imported).
    mapping: tuple[str | None, ...]
    #: A few data rows, as read, for the mapping screen.
    samples: tuple[tuple[Any, ...], ...] = ()


class SheetRow(NamedTuple):
    """One data row: its cells as read, its converted values and its cell problems.

    A named tuple: one per row of a list (50,000 and more), four times faster to build
    than a frozen dataclass.
    """

    row: int
    cells: tuple[Any, ...]
    values: dict[str, Any]
    problems: tuple[CellProblem, ...]


@dataclass(frozen=True)
class MemberSheet:
    """A member list read from a workbook."""

    guess: HeaderGuess
    rows: list[SheetRow] = field(default_factory=list)
    blank_rows: int = 0
    footer_rows: int = 0


def column_name(headers: Sequence[str], index: int) -> str:
    """The header of column `index`, or its letter when the header cell is empty."""
    text = headers[index] if index < len(headers) else ""
    return text or f"Cột {get_column_letter(index + 1)}"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return clean_text(str(value))


def _score(row: Sequence[Any]) -> int:
    fields = {match_header(v) for v in row if isinstance(v, str)}
    fields.discard(None)
    return len(fields)


def _combine(top: Sequence[Any], under: Sequence[Any]) -> tuple[list[str], bool]:
    """Headers of a one- or two-row header; True when the row under is part of it."""
    width = max(len(top), len(under))
    top_texts = [_text(top[i]) if i < len(top) else "" for i in range(width)]
    under_texts = [_text(under[i]) if i < len(under) else "" for i in range(width)]
    sub = [i for i, text in enumerate(under_texts) if match_header(text) is not None]
    # The row under is a sub-header when it names fields that the top row leaves empty
    # (a merged "Ngày tháng" over "Ngày sinh" | "Ngày vào Đảng") or does not know.
    if sub and all(match_header(top_texts[i]) is None for i in sub):
        return [under_texts[i] or top_texts[i] for i in range(width)], True
    return top_texts, False


def _open(path: Path) -> Workbook:
    # OSError (unreadable) and PasswordProtectedError (a ValueError) pass as they are.
    return open_workbook(path)


def list_sheets(path: Path) -> list[str]:
    """The worksheet names of a workbook, in order (ValueError when it is not a workbook)."""
    with _open(path) as workbook:
        return workbook.sheet_names


def detect_header(path: Path, sheet: str | None = None, samples: int = 5) -> HeaderGuess:
    """Find the header row in the first rows of `sheet` (the first sheet by default).

    Each of the first `HEADER_SCAN_ROWS` rows is scored by the fields its cells name; the
    best row wins. Raises ValueError when no row names at least two fields (or the file is
    not a workbook), KeyError for an unknown sheet.
    """
    with _open(path) as workbook:
        return _detect(workbook.rows(sheet), samples)


def _detect(sheet: SheetRows, samples: int) -> HeaderGuess:
    head = sheet.head(HEADER_SCAN_ROWS + 2 + samples)
    scored = [(_score(row), -index) for index, row in enumerate(head[:HEADER_SCAN_ROWS])]
    if not scored or max(scored)[0] < _MIN_RECOGNIZED:
        raise ValueError("no header row")
    index = -max(scored)[1]
    header_row = index
    if index > 0 and _score(head[index - 1]) > 0:
        # The best row may be the lower half of a two-row header whose upper half names
        # fields too ("Họ và tên" merged down, "Ngày tháng" over "Ngày sinh | Ngày vào Đảng").
        headers, two_rows = _combine(head[index - 1], head[index])
        if two_rows:
            header_row = index - 1
    if header_row == index:
        under = head[index + 1] if index + 1 < len(head) else ()
        headers, two_rows = _combine(head[index], under)
        first = index + (2 if two_rows else 1)
    else:
        first = index + 1
    mapping = _mapping(headers)
    sample_rows = tuple(row for row in head[first : first + samples] if any(_text(v) for v in row))
    return HeaderGuess(
        sheet=sheet.title,
        header_row=header_row + 1,
        first_data_row=first + 1,
        headers=tuple(headers),
        mapping=mapping,
        samples=sample_rows,
    )


def apply_overrides(guess: HeaderGuess, overrides: Mapping[str, str | None]) -> HeaderGuess:
    """The guess with some columns mapped by hand.

    Keys name a column by its header (compared folded, so "ho va ten" finds «Họ và tên»)
    or by its letter ("C"); values are field names, or None / "" to leave the column out.
    A field given to a column is taken away from any other column. Raises KeyError with
    the key when no column matches.
    """
    mapping = list(guess.mapping)
    letters = {get_column_letter(i + 1): i for i in range(len(guess.headers))}
    folded: dict[str, int] = {}
    for i, text in enumerate(guess.headers):
        folded.setdefault(fold_header(text), i)
    for key, name in overrides.items():
        index = folded.get(fold_header(key))
        if index is None:
            index = letters.get(key.strip().upper())
        if index is None:
            raise KeyError(key)
        if name:
            mapping = [None if other == name else other for other in mapping]
        mapping[index] = name or None
    return replace(guess, mapping=tuple(mapping))


def _mapping(headers: Sequence[str]) -> tuple[str | None, ...]:
    seen: set[str] = set()
    mapping: list[str | None] = []
    for text in headers:
        name = match_header(text)
        # The first column naming a field wins: a second "Ngày sinh" is left to the user.
        if name is None or name in seen:
            mapping.append(None)
        else:
            seen.add(name)
            mapping.append(name)
    return tuple(mapping)


def parse_date(value: Any) -> date | YearOnly:
    """A date cell: an Excel date, a serial number, "dd/mm/yyyy", "d-m-yyyy" or "yyyy".

    Raises ValueError with a Vietnamese reason otherwise.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
        if number.is_integer() and 1890 <= number <= 2100:
            return YearOnly(int(number))
        if 1 <= number < 2_958_466:  # Excel's serial days, up to 31/12/9999
            return (_EXCEL_EPOCH + timedelta(days=int(number))).date()
        raise ValueError(f"«{_text(value)}» không phải ngày")
    text = _text(value)
    try:
        if (match := _DMY.match(text)) is not None:
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
        if (match := _ISO.match(text)) is not None:
            year, month, day = (int(part) for part in match.groups())
            return date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"không có ngày «{text}»") from exc
    if (match := _YEAR.match(text)) is not None:
        return YearOnly(int(match.group(1)))
    raise ValueError(f"«{text}» không phải ngày (viết dd/mm/yyyy)")


def _converter(name: str) -> Callable[[Any], Any]:
    if name in DATE_FIELDS:
        return parse_date
    if name == "cccd":
        return _cccd
    return _text


def _cccd(value: Any) -> str:
    # Every CCCD starts with 0 (province codes 001–096); a cell typed as a number lost it.
    if isinstance(value, int | float) and not isinstance(value, bool):
        digits = str(int(value))
        return digits.zfill(12) if len(digits) == 11 else digits
    return "".join(_text(value).split())


def _is_footer(cells: Sequence[Any]) -> bool:
    """True when the row's first text cell opens a total or the signature block.

    A prefix counts only as whole words: «Tống Công Minh» and «Bì Thu Hà» are names, not
    «Tổng cộng» and «Bí thư». Followed by a colon, a number or nothing it is a footer;
    followed by more words only on a short row (a data row fills many cells).
    """
    first = next((v for v in cells if isinstance(v, str) and v.strip()), None)
    if first is None:
        return False
    folded = fold(first)
    if _DATE_LINE.search(folded):
        return True
    if not folded.startswith(_FOOTER_PREFIXES):
        return False  # most rows: one C-level test
    for prefix in _FOOTER_PREFIXES:
        if not folded.startswith(prefix):
            continue
        rest = folded[len(prefix) :]
        if not rest or (not rest[0].isalpha() and rest[0] != " "):
            return True
        if rest[0] == " " or prefix.endswith((" ", ".", ":", "/")):
            filled = sum(
                1 for v in cells if v is not None and (not isinstance(v, str) or v.strip())
            )
            return filled <= _FOOTER_MAX_CELLS
    return False


def _is_numbering(cells: Sequence[Any]) -> bool:
    texts = [_text(v) for v in cells if v is not None and _text(v)]
    return len(texts) >= 3 and all(_NUMBERING.match(t) for t in texts)


def read_member_sheet(
    path: Path,
    guess: HeaderGuess | None = None,
    *,
    sheet: str | None = None,
    overrides: Mapping[str, str | None] | None = None,
    progress: Callable[[int, int], bool | None] | None = None,
) -> MemberSheet:
    """Read every data row of the sheet under `guess` (detected when not given).

    The workbook is opened once: the header is detected (unless given) and `overrides`
    applied (`apply_overrides`) on the same open file. Blank rows are skipped; the first
    footer row ("Tổng cộng", "Người lập biểu", the date line of the signature block) ends
    the list. `progress(rows read, rows in the sheet or 0)` is called every 2,000 rows;
    when it returns False the read stops with `ReadStoppedError`.
    """
    with _open(path) as workbook:
        rows = workbook.rows(guess.sheet if guess else sheet)
    guess = guess or _detect(rows, 5)
    if overrides:
        guess = apply_overrides(guess, overrides)
    return _read(rows, guess, progress)


def _read(
    sheet: SheetRows, guess: HeaderGuess, progress: Callable[[int, int], bool | None] | None
) -> MemberSheet:
    plan = [
        (index, name, _converter(name))
        for index, name in enumerate(guess.mapping)
        if name is not None and name not in IGNORED
    ]
    names = [column_name(guess.headers, index) for index in range(len(guess.headers))]
    rows: list[SheetRow] = []
    blank = footer = 0
    total = max(0, len(sheet) - guess.first_data_row + 1)
    numbered = False
    for number, cells in sheet.numbered(guess.first_data_row):
        # any(cells) settles most rows at C speed; only rows of empty values and
        # whitespace strings need the second look.
        if not any(cells) or not any(v.strip() if isinstance(v, str) else True for v in cells if v):
            blank += 1
            continue
        if footer or _is_footer(cells):
            footer += 1
            continue
        if not numbered and not rows and _is_numbering(cells):
            numbered = True  # the "(1) (2) (3)…" row under the header
            continue
        rows.append(_convert_row(number, cells, plan, names))
        if progress is not None and len(rows) % 2000 == 0 and progress(len(rows), total) is False:
            raise ReadStoppedError
    return MemberSheet(guess=guess, rows=rows, blank_rows=blank, footer_rows=footer)


def _convert_row(
    number: int,
    cells: tuple[Any, ...],
    plan: list[tuple[int, str, Callable[[Any], Any]]],
    names: list[str],
) -> SheetRow:
    values: dict[str, Any] = {}
    problems: list[CellProblem] = []
    width = len(cells)
    for index, name, convert in plan:
        value = cells[index] if index < width else None
        if value is None:
            continue
        if type(value) is str:
            if convert is _text:
                # Most cells: text into a text field, cleaned here without a call chain.
                text = " ".join(nfc(value).split())
                if text:
                    values[name] = text
                continue
            if not value.strip():
                continue
        try:
            values[name] = convert(value)
        except ValueError as exc:
            problems.append(CellProblem(number, index, names[index], str(exc)))
    return SheetRow(row=number, cells=cells, values=values, problems=tuple(problems))
