"""Excel export of registers: the member list (any filter and columns), the list book, cadres.

The member register is read with one SQL query streamed in chunks (the same filter and
order as the register's table), so exporting 500k members keeps a chunk in memory, not
the register. Catalogue and organization names come from small dictionaries read once,
not from joins, so the planner keeps walking the list-order index.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select

from partydesk import errors
from partydesk.codes import CadreStatus, MemberStatus
from partydesk.db.engine import Database
from partydesk.db.models import CatalogueItem, Member, Organization
from partydesk.documents.excel.list_writer import CellValue, ListColumn, write_list
from partydesk.documents.pdf.forms.list_book import ListBookRow
from partydesk.errors import PartydeskError
from partydesk.services import print_data
from partydesk.services.cadre_records import CadreListRow, cadre_list

# The register's filter and order, shared with its table: an export must list exactly
# the rows the clerk sees, in the same order.
from partydesk.services.member_queries import (
    MemberFilter,
    MemberSort,
    apply_member_filter,
    apply_member_sort,
    count_members,
)
from partydesk.services.print_forms import ascii_fold

errors.add_messages(
    {
        "export.unknown_column": (
            "Không có cột «{key}». Các cột: {known}.",
            "There is no column '{key}'. Columns: {known}.",
        ),
        "export.no_columns": (
            "Chọn ít nhất một cột để xuất.",
            "Choose at least one column to export.",
        ),
        "export.cancelled": ("Đã dừng xuất Excel.", "The Excel export was stopped."),
    }
)

#: Called before the first row and after each chunk with (rows written, rows in all);
#: returning False stops the export (`export.cancelled`, and no file is written).
Progress = Callable[[int, int], bool]

CHUNK = 2000

T = TypeVar("T")

#: The register's columns: key -> (heading, width). Same keys, headings and order as the
#: member table (ui/models/member_table.py), so the visible columns map one to one.
MEMBER_COLUMNS: dict[str, tuple[str, float]] = {
    "name": ("Họ và tên", 28),
    "sex": ("Giới tính", 9),
    "birth_date": ("Ngày sinh", 12),
    "organization": ("Chi bộ", 32),
    "status": ("Trạng thái", 22),
    "cccd": ("Số CCCD", 15),
    "card_no": ("Số thẻ", 12),
    "decision_date": ("Ngày QĐ kết nạp", 14),
    "ceremony_date": ("Ngày kết nạp", 13),
    "official_date": ("Ngày chính thức", 14),
    "ethnicity": ("Dân tộc", 12),
    "theory": ("Lý luận chính trị", 18),
}

_SEX = {"nam": "Nam", "nữ": "Nữ"}
_CADRE_STATUS = {
    CadreStatus.ACTIVE.value: "Đang công tác",
    CadreStatus.RETIRED.value: "Đã nghỉ hưu",
    CadreStatus.MOVED.value: "Đã chuyển công tác",
    CadreStatus.DECEASED.value: "Đã từ trần",
}


#: What the export reads of each member (the cells are made from these, by position).
_MEMBER_FIELDS: tuple[Any, ...] = (
    Member.full_name,
    Member.sex,
    Member.birth_date,
    Member.birth_year_only,
    Member.organization_id,
    Member.status,
    Member.cccd,
    Member.card_no,
    Member.decision_date,
    Member.ceremony_date,
    Member.official_date,
    Member.ethnicity_code,
    Member.theory_code,
)


@dataclass(frozen=True)
class ExportResult:
    """A written workbook: where, and how many data rows."""

    path: Path
    rows: int


#: File name stems of the exports (ASCII: they travel by USB sticks and e-mail).
FILE_STEMS = {
    "members": "Danh-sach-dang-vien",
    "list_book": "So-danh-sach-dang-vien",
    "cadres": "Danh-sach-can-bo",
}


def export_file_name(kind: str, on: date, subject: str = "") -> str:
    """A readable file name for an export: `So-danh-sach-dang-vien-Chi-bo-1-2026-11-23.xlsx`.

    `kind` is a key of `FILE_STEMS`; `subject` (an organization's name) is folded to ASCII.
    """
    who = ascii_fold(subject, 40)
    return f"{FILE_STEMS[kind]}{'-' + who if who else ''}-{on:%Y-%m-%d}.xlsx"


def free_path(folder: Path, name: str) -> Path:
    """`folder / name`, or `name-2`, `name-3`… when taken: a default never overwrites."""
    path = Path(folder) / name
    counter = 2
    while path.exists():
        path = Path(folder) / f"{Path(name).stem}-{counter}{Path(name).suffix}"
        counter += 1
    return path


def organization_name(db: Database, organization_id: int) -> str:
    """An organization's name (for file names and titles); `organization.not_found`."""
    with db.reader() as session:
        name = session.scalar(
            select(Organization.name).where(
                Organization.id == organization_id, Organization.deleted_at.is_(None)
            )
        )
    if name is None:
        raise PartydeskError("organization.not_found", ref=organization_id)
    return str(name)


def _status_label(code: str) -> str:
    try:
        return MemberStatus(code).label
    except ValueError:
        return code


def _names(session: Any, catalogue: str) -> dict[str, str]:
    return dict(
        session.execute(
            select(CatalogueItem.code, CatalogueItem.name).where(
                CatalogueItem.catalogue == catalogue
            )
        ).all()
    )


def member_columns(keys: Sequence[str] | None) -> list[str]:
    """The column keys to export (None: every column); `export.unknown_column` if unknown."""
    if keys is None:
        return list(MEMBER_COLUMNS)
    chosen = [key.strip() for key in keys if key.strip()]
    if not chosen:
        raise PartydeskError("export.no_columns")
    for key in chosen:
        if key not in MEMBER_COLUMNS:
            raise PartydeskError("export.unknown_column", key=key, known=", ".join(MEMBER_COLUMNS))
    return chosen


def _ticker(total: int, progress: Progress | None) -> Callable[[int], None]:
    def tick(done: int) -> None:
        if progress is not None and not progress(done, total):
            raise PartydeskError("export.cancelled")

    return tick


def _ticking(rows: Iterable[T], total: int, progress: Progress | None) -> Iterator[T]:
    """`rows` passed on, with `progress` told before the first and after every CHUNK."""
    tick = _ticker(total, progress)
    tick(0)
    done = 0
    for row in rows:
        yield row
        done += 1
        if done % CHUNK == 0:
            tick(done)
    if done % CHUNK or not done:
        tick(done)


def export_members(
    db: Database,
    path: Path,
    filters: MemberFilter | None = None,
    columns: Sequence[str] | None = None,
    sort: MemberSort = MemberSort.NAME,
    descending: bool = False,
    progress: Progress | None = None,
    title: str = "DANH SÁCH ĐẢNG VIÊN",
) -> ExportResult:
    """Write the member register under `filters` to `path` (xlsx), in the table's order.

    `columns` are keys of `MEMBER_COLUMNS` in the order wanted (None: all). Dates are
    real dates; a birth date known only by its year is the year as a number. `progress`
    is called before the first row and after every chunk and may stop the export
    (`export.cancelled`: no file is written, an existing file at `path` is untouched).
    Errors: `export.unknown_column`, `export.no_columns`, `export.cancelled`.
    """
    filters = filters or MemberFilter()
    keys = member_columns(columns)
    total = count_members(db, filters)
    tick = _ticker(total, progress)
    tick(0)
    with db.reader() as session:
        organizations = dict(session.execute(select(Organization.id, Organization.name)).all())
        ethnicity, theory = _names(session, "ethnicity"), _names(session, "theory")
        query = apply_member_filter(
            select(*_MEMBER_FIELDS),
            filters,
            session,
            status_index=sort != MemberSort.NAME,
        )
        query = apply_member_sort(query, MemberSort(sort), descending)
        cells: dict[str, Callable[[Any], CellValue]] = {
            "name": lambda r: r[0],
            "sex": lambda r: _SEX.get(r[1], r[1]),
            "birth_date": lambda r: r[2].year if r[3] else r[2],
            "organization": lambda r: organizations.get(r[4], ""),
            "status": lambda r: _status_label(r[5]),
            "cccd": lambda r: r[6],
            "card_no": lambda r: r[7],
            "decision_date": lambda r: r[8],
            "ceremony_date": lambda r: r[9],
            "official_date": lambda r: r[10],
            "ethnicity": lambda r: ethnicity.get(r[11], r[11]) if r[11] else None,
            "theory": lambda r: theory.get(r[12], r[12]) if r[12] else None,
        }
        getters = [cells[key] for key in keys]
        result = session.execute(query.execution_options(yield_per=CHUNK))

        def rows() -> Iterator[list[CellValue]]:
            done = 0
            for part in result.partitions(CHUNK):
                for row in part:
                    yield [get(row) for get in getters]
                done += len(part)
                tick(done)

        subtitle = _subtitle(session, filters)
        try:
            count = write_list(
                path,
                [ListColumn(*MEMBER_COLUMNS[key]) for key in keys],
                rows(),
                title=title,
                subtitle=subtitle,
                sheet_name="Đảng viên",
            )
        finally:
            # On PostgreSQL yield_per reads through a server-side cursor, which a stopped
            # or failed export must close itself.
            result.close()
    return ExportResult(Path(path), count)


def _subtitle(session: Any, filters: MemberFilter) -> str:
    on = filters.today or date.today()
    where = ""
    if filters.organization_id is not None:
        where = session.scalar(
            select(Organization.name).where(Organization.id == filters.organization_id)
        )
    return f"{where + ' — ' if where else ''}ngày {on:%d/%m/%Y}"


# --- the list book ------------------------------------------------------------------------

#: The 14 columns of the book (domain.md §3.1), headed and ordered as the printed book.
LIST_BOOK_COLUMNS: tuple[ListColumn, ...] = (
    ListColumn("STT", 6),
    ListColumn("Họ và tên", 26, wrap=True),
    ListColumn("Giới tính, dân tộc, tôn giáo", 14, wrap=True),
    ListColumn("Quê quán", 22, wrap=True),
    ListColumn("Trình độ: GDPT, lý luận chính trị, chuyên môn, ngoại ngữ", 22, wrap=True),
    ListColumn("Nghề nghiệp khi vào Đảng, hiện nay", 18, wrap=True),
    ListColumn("Ngày vào Đảng, ngày chính thức", 13, wrap=True),
    ListColumn("Số thẻ đảng viên, số lý lịch, số huy hiệu", 16, wrap=True),
    ListColumn("Quân đội, công an, nghỉ hưu", 11, wrap=True),
    ListColumn("Ngày chuyển đi, nơi chuyển đến", 18, wrap=True),
    ListColumn("Ngày chuyển đến, nơi chuyển đi", 18, wrap=True),
    ListColumn("Ngày từ trần", 12),
    ListColumn("Ngày, hình thức ra khỏi Đảng", 16, wrap=True),
    ListColumn("Ghi chú", 16, wrap=True),
)


def _day(value: date | None) -> str:
    return "" if value is None else f"{value:%d/%m/%Y}"


def _lines(*parts: str) -> str:
    # Sub-fields of one column go on separate lines of the cell, as in the printed book.
    return "\n".join(part.strip() for part in parts if part and part.strip())


def list_book_cells(row: ListBookRow) -> list[CellValue]:
    """The 14 cells of a book line: sub-fields on lines of one cell, a lone date a date."""
    return [
        row.number,
        row.full_name,
        _lines(row.sex, row.ethnicity, row.religion),
        row.hometown,
        _lines(row.general_education, row.theory, row.qualification, row.foreign_language),
        _lines(row.occupation_before, row.occupation_now),
        _lines(_day(row.admitted_on), _day(row.official_on)),
        _lines(row.card_number, row.biography_number, row.badge),
        row.service,
        _lines(_day(row.transferred_out_on), row.transferred_out_to),
        _lines(_day(row.transferred_in_on), row.transferred_in_from),
        row.died_on,
        _lines(_day(row.left_on), row.left_kind),
        row.note,
    ]


def export_list_book(
    db: Database,
    path: Path,
    organization_id: int,
    today: date | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the member list book of an organization's whole subtree to `path` (xlsx).

    The lines are those of the printed book (`print_data.list_book_rows`): members in
    the subtree, and those who moved in or out of it, in Vietnamese list order.
    `progress` as in `export_members`. Errors: `organization.not_found`,
    `export.cancelled`.
    """
    on = today or date.today()
    with db.reader() as session:
        org = session.get(Organization, organization_id)
        if org is None or org.deleted_at is not None:
            raise PartydeskError("organization.not_found", ref=organization_id)
        rows = print_data.list_book_rows(session, org.id, print_data.Labels(session))
        name = org.name
    count = write_list(
        path,
        LIST_BOOK_COLUMNS,
        _ticking((list_book_cells(row) for row in rows), len(rows), progress),
        title="SỔ DANH SÁCH ĐẢNG VIÊN",
        subtitle=f"{name} — ngày {on:%d/%m/%Y}",
        sheet_name="Sổ danh sách",
    )
    return ExportResult(Path(path), count)


# --- cadres -------------------------------------------------------------------------------

CADRE_COLUMNS: tuple[ListColumn, ...] = (
    ListColumn("STT", 6),
    ListColumn("Họ và tên", 26),
    ListColumn("Giới tính", 9),
    ListColumn("Ngày sinh", 12),
    ListColumn("Chức vụ hiện tại", 30),
    ListColumn("Kiêm nhiệm", 30, wrap=True),
    ListColumn("Người địa phương", 10),
    ListColumn("Ngạch", 22),
    ListColumn("Mã ngạch", 10),
    ListColumn("Bậc", 6),
    ListColumn("Hệ số", 8),
    ListColumn("Ngày hưởng bậc", 13),
    ListColumn("Tình trạng", 18),
)


def cadre_cells(number: int, row: CadreListRow) -> list[CellValue]:
    """One cadre's cells (numbers as numbers, dates as dates)."""
    return [
        number,
        row.full_name,
        _SEX.get(row.sex, row.sex),
        row.birth_date.year if row.birth_year_only else row.birth_date,
        row.main_post,
        "\n".join(row.concurrent_posts),
        "Có" if row.is_local else "",
        row.salary_grade,
        row.salary_grade_code,
        row.salary_step,
        row.salary_coefficient,
        row.salary_step_date,
        _CADRE_STATUS.get(row.status, row.status),
    ]


def write_cadre_list(
    path: Path,
    rows: Sequence[CadreListRow],
    on: date | None = None,
    progress: Progress | None = None,
) -> int:
    """Write cadre rows (as the register's table holds them, filtered and sorted) to `path`.

    Returns the number of rows written. `progress` as in `export_members`.
    Errors: `export.cancelled`.
    """
    on = on or date.today()
    cells = (cadre_cells(number, row) for number, row in enumerate(rows, start=1))
    return write_list(
        path,
        CADRE_COLUMNS,
        _ticking(cells, len(rows), progress),
        title="DANH SÁCH CÁN BỘ",
        subtitle=f"ngày {on:%d/%m/%Y}",
        sheet_name="Cán bộ",
    )


def export_cadres(
    db: Database,
    path: Path,
    include_inactive: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the cadre register (active cadres, or all with `include_inactive`) to `path`.

    Cadres come in Vietnamese name order, as the register lists them.
    Errors: `export.cancelled`.
    """
    rows = [
        row
        for row in cadre_list(db, today)
        if include_inactive or row.status == CadreStatus.ACTIVE.value
    ]
    return ExportResult(Path(path), write_cadre_list(path, rows, today, progress))
