"""Import a member list from Excel: look at the file, preview every row, add the good ones.

Three steps, the same for the GUI wizard and `partydesk import-excel`:

1. `inspect_workbook` finds the header row and guesses what each column holds (the clerk
   may correct the guess: a mapping override per column).
2. `preview_import` reads every row once (openpyxl `read_only`, streamed) and gives the
   verdict on each: added, or refused with its reasons in Vietnamese (see
   `excel_import_rows`). Nothing is written.
3. `apply_import` adds the accepted rows in one transaction through the bulk path of
   typed entry (`member_bulk.insert_members`: the same `prepare_member` checks), with an
   audit entry naming the file. It refuses a file that changed since the preview (its
   SHA-256 is compared). Stopping or any error rolls everything back.

`write_error_workbook` writes the refused rows with «Lý do», to fix and import again;
`write_template_file` writes the empty list to fill.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from partydesk import errors
from partydesk.codes import OrgKind
from partydesk.db.audit import audit_bulk
from partydesk.db.engine import Database
from partydesk.db.models import Organization
from partydesk.documents.excel import workbooks
from partydesk.documents.excel.headers import FIELD_HEADERS, FIELD_LABELS
from partydesk.documents.excel.member_reader import (
    HeaderGuess,
    MemberSheet,
    ReadStoppedError,
    apply_overrides,
    detect_header,
    list_sheets,
    read_member_sheet,
)
from partydesk.documents.excel.sheet_values import PasswordProtectedError
from partydesk.errors import PartydeskError
from partydesk.services.collector import paused_collector
from partydesk.services.excel_import_rows import ImportRow, RowChecker
from partydesk.services.excel_lookup import Branch, ImportLookups
from partydesk.services.member_bulk import insert_members

__all__ = [
    "ACTION",
    "FIELD_CHOICES",
    "ImportPreview",
    "ImportResult",
    "ImportRow",
    "Progress",
    "apply_import",
    "file_digest",
    "import_branches",
    "inspect_workbook",
    "preview_import",
    "workbook_sheets",
    "write_error_workbook",
    "write_template_file",
]

errors.add_messages(
    {
        "import.bad_file": (
            "Không đọc được tệp «{name}»: cần sổ tính Excel (.xlsx, .xls) hoặc LibreOffice"
            " (.ods) ({problem}).",
            "Cannot read '{name}': an Excel (.xlsx, .xls) or LibreOffice (.ods) workbook is"
            " needed ({problem}).",
        ),
        "import.password": (
            "Tệp «{name}» được đặt mật khẩu: hãy mở tệp bằng Excel, bỏ mật khẩu (Tệp › Thông"
            " tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu) rồi nhập lại.",
            "'{name}' is protected by a password: open it in Excel, remove the password"
            " (File › Info › Protect Workbook › Encrypt with Password) and import it again.",
        ),
        "import.no_sheet": (
            "Tệp không có trang tính «{sheet}». Các trang: {known}.",
            "The workbook has no sheet '{sheet}'. Sheets: {known}.",
        ),
        "import.no_header": (
            "Không tìm thấy dòng tiêu đề trong 20 dòng đầu của trang «{sheet}»: cần các cột"
            " như «Họ và tên», «Ngày sinh», «Giới tính».",
            "No header row in the first 20 rows of sheet '{sheet}': columns such as"
            " 'Họ và tên', 'Ngày sinh', 'Giới tính' are needed.",
        ),
        "import.missing_columns": (
            "Chưa có cột {fields}: hãy chọn cột tương ứng.",
            "No column for {fields}: choose the matching columns.",
        ),
        "import.unknown_column": (
            "Không có cột «{column}» trong dòng tiêu đề.",
            "There is no column '{column}' in the header row.",
        ),
        "import.unknown_field": (
            "Không có trường «{field}». Các trường: {known}.",
            "There is no field '{field}'. Fields: {known}.",
        ),
        "import.unknown_branch": (
            "Chi bộ mặc định «{branch}»: {problem}",
            "Default branch '{branch}': {problem}",
        ),
        "import.file_changed": (
            "Tệp «{name}» đã thay đổi sau khi xem trước: hãy xem trước lại.",
            "The file '{name}' changed after the preview: preview it again.",
        ),
        "import.nothing_to_add": (
            "Không có dòng nào nhập được ({refused} dòng bị từ chối).",
            "No row can be imported ({refused} rows refused).",
        ),
        "import.cancelled": (
            "Đã dừng nhập Excel: cơ sở dữ liệu không thay đổi.",
            "The Excel import was stopped: the database is unchanged.",
        ),
        "import.row": (
            "Dòng {row} của tệp: {message}",
            "Row {row} of the file: {message}",
        ),
    }
)

ACTION = "import_excel"
#: Called with (stage, done, total): stage "read", "check" or "write"; total 0 when not
#: known yet. Returning False stops the work (nothing is written).
Progress = Callable[[str, int, int], bool]
#: The fields a column can be mapped to, with their labels, in the template's order first.
FIELD_CHOICES: tuple[tuple[str, str], ...] = tuple(
    (name, FIELD_LABELS[name]) for name in FIELD_HEADERS if name != "row_no"
)
_REQUIRED_COLUMNS = ("full_name", "sex", "birth_date")
_CHECK_EVERY = 2000


@dataclass(frozen=True)
class ImportPreview:
    """What an import would do, row by row; nothing written yet."""

    path: Path
    digest: str
    guess: HeaderGuess
    rows: tuple[ImportRow, ...]
    blank_rows: int
    footer_rows: int
    today: date

    @property
    def headers(self) -> tuple[str, ...]:
        """The column headers as read (a two-row header combined)."""
        return self.guess.headers

    @property
    def mapping(self) -> tuple[str | None, ...]:
        """The field of each column (None: not imported)."""
        return self.guess.mapping

    @property
    def accepted(self) -> int:
        """Rows that will be added."""
        return sum(1 for row in self.rows if row.accepted)

    @property
    def refused(self) -> int:
        """Rows that will not be added."""
        return len(self.rows) - self.accepted

    @property
    def duplicates(self) -> int:
        """Rows refused (among other reasons) as duplicates of a row above or a record."""
        return sum(1 for row in self.rows if row.duplicate)

    def refused_rows(self) -> list[ImportRow]:
        """The refused rows, in sheet order."""
        return [row for row in self.rows if not row.accepted]


@dataclass(frozen=True)
class ImportResult:
    """What `apply_import` wrote."""

    added: int
    refused: int
    events: int


def file_digest(path: Path) -> str:
    """The SHA-256 of a file (to notice a file changed between preview and apply)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _bad_file(path: Path, exc: BaseException) -> PartydeskError:
    if isinstance(exc, PasswordProtectedError):
        return PartydeskError("import.password", name=path.name)
    return PartydeskError("import.bad_file", name=path.name, problem=str(exc) or type(exc).__name__)


def workbook_sheets(path: Path) -> list[str]:
    """The sheet names of the workbook at `path` (`import.bad_file` when unreadable)."""
    try:
        return list_sheets(path)
    except (OSError, ValueError) as exc:
        raise _bad_file(path, exc) from exc


def _check_overrides(overrides: Mapping[str, str | None]) -> None:
    known = dict(FIELD_CHOICES)
    for name in overrides.values():
        if name and name not in known:
            raise PartydeskError("import.unknown_field", field=name, known=", ".join(sorted(known)))


def inspect_workbook(
    path: Path,
    sheet: str | None = None,
    overrides: Mapping[str, str | None] | None = None,
) -> HeaderGuess:
    """Where the list's header is, what each column seems to hold, and a few sample rows.

    `overrides` maps a column (its header or letter) to a field name, or to None to leave
    it out. Errors: `import.bad_file`, `import.no_sheet`, `import.no_header`,
    `import.unknown_column`, `import.unknown_field`.
    """
    try:
        guess = detect_header(path, sheet)
    except KeyError as exc:
        raise PartydeskError(
            "import.no_sheet", sheet=sheet, known=", ".join(workbook_sheets(path))
        ) from exc
    except ValueError as exc:
        if str(exc) == "no header row":
            raise PartydeskError("import.no_header", sheet=sheet or "1") from exc
        raise _bad_file(path, exc) from exc
    except OSError as exc:
        raise _bad_file(path, exc) from exc
    if overrides:
        _check_overrides(overrides)
        try:
            guess = apply_overrides(guess, overrides)
        except KeyError as exc:
            raise PartydeskError("import.unknown_column", column=exc.args[0]) from exc
    return guess


def _read(
    path: Path,
    guess: HeaderGuess | None,
    sheet: str | None,
    overrides: Mapping[str, str | None] | None,
    progress: Progress | None,
) -> MemberSheet:
    """Read the sheet, opening the workbook once (header found on the same pass)."""

    def reading(done: int, total: int) -> bool:
        return progress is None or progress("read", done, total) is not False

    if overrides:
        _check_overrides(overrides)
    try:
        return read_member_sheet(path, guess, sheet=sheet, overrides=overrides, progress=reading)
    except ReadStoppedError as exc:
        raise PartydeskError("import.cancelled") from exc
    except KeyError as exc:
        if guess is None and sheet and exc.args and exc.args[0] == sheet:
            raise PartydeskError(
                "import.no_sheet", sheet=sheet, known=", ".join(workbook_sheets(path))
            ) from exc
        raise PartydeskError("import.unknown_column", column=exc.args[0]) from exc
    except ValueError as exc:
        if str(exc) == "no header row":
            raise PartydeskError("import.no_header", sheet=sheet or "1") from exc
        raise _bad_file(path, exc) from exc
    except OSError as exc:
        raise _bad_file(path, exc) from exc


def preview_import(
    db: Database,
    path: Path,
    overrides: Mapping[str, str | None] | None = None,
    sheet: str | None = None,
    default_branch: str | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    guess: HeaderGuess | None = None,
) -> ImportPreview:
    """Read the list at `path` and give the verdict on every row; writes nothing.

    `overrides` correct the column guess (see `inspect_workbook`), or `guess` gives the
    whole mapping (the wizard's; `overrides` then apply on top of it). `default_branch`
    (a branch code or name) places rows without a «Chi bộ» cell. Errors: those of
    `inspect_workbook`, `import.missing_columns`, `import.unknown_branch`, `import.cancelled`.
    """
    path = Path(path)
    today = today or date.today()
    digest = file_digest(path)
    with db.reader() as session:
        lookups = ImportLookups(session)
    branch_id: int | None = None
    if default_branch:
        branch_id, problem = lookups.branch(default_branch)
        if branch_id is None:
            raise PartydeskError("import.unknown_branch", branch=default_branch, problem=problem)
    with paused_collector():
        return _preview(lookups, path, digest, guess, sheet, overrides, branch_id, today, progress)


def _preview(
    lookups: ImportLookups,
    path: Path,
    digest: str,
    guess: HeaderGuess | None,
    sheet: str | None,
    overrides: Mapping[str, str | None] | None,
    branch_id: int | None,
    today: date,
    progress: Progress | None,
) -> ImportPreview:
    sheet_data = _read(path, guess, sheet, overrides, progress)
    mapping = sheet_data.guess.mapping
    missing = [FIELD_LABELS[name] for name in _REQUIRED_COLUMNS if name not in mapping]
    if missing:
        raise PartydeskError("import.missing_columns", fields=", ".join(f"«{m}»" for m in missing))
    checker = RowChecker(
        lookups, sheet_data.guess.headers, sheet_data.guess.mapping, branch_id, today
    )
    total = len(sheet_data.rows)
    rows: list[ImportRow] = []
    for done, sheet_row in enumerate(sheet_data.rows, start=1):
        rows.append(checker.check(sheet_row))
        if progress is not None and done % _CHECK_EVERY == 0 and not progress("check", done, total):
            raise PartydeskError("import.cancelled")
    return ImportPreview(
        path=path,
        digest=digest,
        guess=sheet_data.guess,
        rows=tuple(rows),
        blank_rows=sheet_data.blank_rows,
        footer_rows=sheet_data.footer_rows,
        today=today,
    )


def apply_import(
    db: Database, preview: ImportPreview, progress: Progress | None = None
) -> ImportResult:
    """Add the preview's accepted rows in one transaction, with one audit entry for the file.

    Errors (nothing is written): `import.file_changed` when the file is not the one
    previewed, `import.nothing_to_add`, `import.row` when a row became a duplicate of a
    record added since the preview, `import.cancelled` when `progress` returned False.
    """
    if file_digest(preview.path) != preview.digest:
        raise PartydeskError("import.file_changed", name=preview.path.name)
    accepted = [row for row in preview.rows if row.accepted]
    if not accepted:
        raise PartydeskError("import.nothing_to_add", refused=preview.refused)
    total = len(accepted)

    def writing(done: int) -> None:
        if progress is not None and progress("write", done, total) is False:
            raise PartydeskError("import.cancelled")

    # The preview's checked records, so `prepare_member` does not run twice per row; the
    # bulk path still checks organizations and keys against the register as it is now.
    members = [row.prepared for row in accepted if row.prepared is not None]
    try:
        with db.session(ACTION) as session:
            audit_bulk(
                session,
                ACTION,
                "member",
                [],
                {
                    "file": preview.path.name,
                    "sheet": preview.guess.sheet,
                    "sha256": preview.digest,
                    "rows": len(preview.rows),
                    "added": total,
                    "refused": preview.refused,
                },
            )
            result = insert_members(session, ACTION, members, preview.today, writing)
    except PartydeskError as exc:
        if exc.code == "bulk.row":
            # The bulk path numbers the rows it was given: name the file's row instead.
            row = accepted[int(exc.params["row"]) - 1].row
            raise PartydeskError("import.row", row=row, message=exc.params["message"]) from exc
        raise
    if db.is_sqlite:
        # As create_members does: fold the bulk write's WAL back into the database.
        with db.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return ImportResult(added=result.members, refused=preview.refused, events=result.events)


def _strip_old_reasons(
    headers: tuple[str, ...], cells: tuple[Any, ...]
) -> tuple[tuple[str, ...], tuple[Any, ...]]:
    keep = [
        i
        for i, text in enumerate(headers)
        if text not in (workbooks.REASON_HEADER, workbooks.SOURCE_ROW_HEADER)
    ]
    return tuple(headers[i] for i in keep), tuple(
        cells[i] if i < len(cells) else None for i in keep
    )


def write_error_workbook(preview: ImportPreview, path: Path) -> int:
    """Write the refused rows, their cells as read, «Lý do» and «Dòng gốc»; returns the count.

    The columns «Lý do» and «Dòng gốc» of a workbook that was itself an error workbook are
    replaced, not repeated, so the fix-and-import-again loop can go round several times.
    """
    headers, _ = _strip_old_reasons(preview.headers, ())
    refused = (
        workbooks.RefusedRow(
            row=row.row,
            cells=_strip_old_reasons(preview.headers, row.cells)[1],
            reasons=row.reasons,
        )
        for row in preview.rows
        if not row.accepted
    )
    return workbooks.write_errors(Path(path), headers, refused)


def import_branches(db: Database) -> list[Branch]:
    """The branches a list's rows can go to (live organizations that hold members)."""
    with db.reader() as session:
        rows = session.execute(
            select(Organization.id, Organization.code, Organization.name, Organization.kind)
            .where(Organization.deleted_at.is_(None), Organization.dissolved_on.is_(None))
            .order_by(Organization.code)
        ).all()
    return [Branch(i, code, name) for i, code, name, kind in rows if OrgKind(kind).holds_members]


def write_template_file(path: Path) -> Path:
    """Write the import template (title, recognized headers, one example row) to `path`."""
    return workbooks.write_template(Path(path))
