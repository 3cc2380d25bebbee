"""Excel import of member lists: messy workbooks, exact outcomes, error workbook, rollbacks."""

from __future__ import annotations

import gc
import json
import shutil
import unicodedata
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from partydesk.db.engine import Database
from partydesk.db.models import AuditEntry, Member
from partydesk.errors import PartydeskError
from partydesk.rules import make_cccd
from partydesk.services import excel_import
from partydesk.services.member_input import MemberInput
from partydesk.services.members import create_member
from tests.conftest import TODAY
from tests.helpers import snapshot


def nfd(text: str) -> str:
    """Decomposed Unicode, as some keyboards and old converters type Vietnamese."""
    return unicodedata.normalize("NFD", text)


CCCD_AN = "068085000123"
CCCD_HOA = make_cccd("068", "nữ", 1990, 2)
CCCD_CHAU = make_cccd("068", "nam", 1975, 3)
CCCD_SON = make_cccd("068", "nam", 1990, 22)
EXISTING_CCCD = make_cccd("068", "nam", 1980, 1)
EXISTING_CARD = "12345678"

# Columns: A STT, B name, C sex, D birth, E ceremony, F official, G CCCD, H ethnicity,
# I religion, J branch, K card no, L notes.
DATA_ROWS: list[list[Any]] = [
    # row 7: an ordinary row with Excel dates.
    [
        1,
        "Nguyễn Văn An",
        "Nam",
        datetime(1985, 3, 15),
        datetime(2010, 5, 19),
        datetime(2011, 5, 19),
        CCCD_AN,
        "Kinh",
        "Không",
        "Chi bộ Giáo viên",
        "10000001",
        "",
    ],
    # row 8: decomposed Unicode everywhere, dd/mm/yyyy text dates, branch by code.
    [
        2,
        nfd("  Lê  Thị Hoa "),
        nfd("NỮ"),
        "02/09/1990",
        "03/02/2015",
        "03/02/2016",
        CCCD_HOA,
        nfd("Tày"),
        nfd("Phật giáo"),
        "DR.01.02",
        "10000002",
        nfd("Chuyển đến"),
    ],
    None,  # row 9: blank in the middle
    # row 10: year-only birth date, branch named without «Chi bộ», CCCD typed as a number.
    [
        3,
        "Phạm Minh Châu",
        "nam",
        1975,
        "1/7/2000",
        "1/7/2001",
        int(CCCD_CHAU),
        "Kinh",
        "Không",
        "Giáo viên",
        None,
        None,
    ],
    # row 11: a date that does not exist.
    [
        4,
        "Hoàng Văn Dũng",
        "Nam",
        "31/02/1980",
        "19/05/2010",
        "19/05/2011",
        make_cccd("068", "nam", 1980, 4),
        "Kinh",
        "Không",
        "Chi bộ Giáo viên",
        None,
        None,
    ],
    # row 12: CCCD of 11 digits typed as text.
    [
        5,
        "Đỗ Thị Em",
        "Nữ",
        "15/08/1988",
        "19/05/2010",
        "19/05/2011",
        "06818800000",
        "Kinh",
        "Không",
        "Chi bộ Giáo viên",
        None,
        None,
    ],
    # row 13: CCCD of a woman for a man.
    [
        6,
        "Vũ Văn Giang",
        "Nam",
        datetime(1992, 1, 1),
        "19/05/2015",
        "19/05/2016",
        make_cccd("068", "nữ", 1992, 6),
        "Kinh",
        "Không",
        "Chi bộ Giáo viên",
        None,
        None,
    ],
    # row 14: CCCD of the 2000s century for a woman born in 1995.
    [
        7,
        "Bùi Thị Hằng",
        "Nữ",
        datetime(1995, 6, 6),
        "19/05/2018",
        "19/05/2019",
        "068395000007",
        "Kinh",
        "Không",
        "Chi bộ Giáo viên",
        None,
        None,
    ],
    # row 15: CCCD of another birth year.
    [
        8,
        "Ngô Văn Khoa",
        "Nam",
        datetime(1983, 4, 4),
        "19/05/2010",
        "19/05/2011",
        make_cccd("068", "nam", 1984, 8),
        "Kinh",
        "Không",
        "Chi bộ Giáo viên",
        None,
        None,
    ],
    # row 16: same name and birth date as a member already in the database.
    [
        9,
        "Trần Văn Bình",
        "Nam",
        datetime(1980, 5, 10),
        "19/05/2010",
        "19/05/2011",
        make_cccd("068", "nam", 1980, 9),
        "Kinh",
        "Không",
        "Chi bộ Giáo viên",
        None,
        None,
    ],
    # row 17: card number of a member already in the database.
    [
        10,
        "Lý Văn Long",
        "Nam",
        datetime(1970, 2, 2),
        "19/05/2010",
        "19/05/2011",
        make_cccd("068", "nam", 1970, 10),
        "Kinh",
        "Không",
        "Chi bộ Giáo viên",
        EXISTING_CARD,
        None,
    ],
    # row 18: row 7 again, the name in capitals and the birth date as text.
    [
        11,
        "NGUYỄN VĂN AN",
        "Nam",
        "15/03/1985",
        "19/05/2010",
        "19/05/2011",
        None,
        "Kinh",
        "Không",
        "Chi bộ Giáo viên",
        None,
        None,
    ],
    # row 19: the CCCD of row 8.
    [
        12,
        "Nguyễn Thị Oanh",
        "Nữ",
        datetime(1990, 9, 2),
        "19/05/2012",
        "19/05/2013",
        CCCD_HOA,
        "Kinh",
        "Không",
        "Chi bộ Hành chính",
        None,
        None,
    ],
    # row 20: a branch that does not exist.
    [
        13,
        "Đinh Văn Phú",
        "Nam",
        datetime(1987, 7, 7),
        "19/05/2012",
        "19/05/2013",
        make_cccd("068", "nam", 1987, 13),
        "Kinh",
        "Không",
        "Chi bộ Không Có",
        None,
        None,
    ],
    # row 21: ceremony year only, official date as words.
    [
        14,
        "Tạ Văn Quang",
        "Nam",
        datetime(1986, 8, 8),
        2012,
        "tháng 5/2013",
        make_cccd("068", "nam", 1986, 14),
        "Kinh",
        "Không",
        "Chi bộ Hành chính",
        None,
        None,
    ],
    # row 22: an Excel serial number left without a date format.
    [
        15,
        "Cao Văn Sơn",
        "Nam",
        32874,
        datetime(2015, 1, 1),
        datetime(2016, 1, 1),
        CCCD_SON,
        "Kinh",
        "Không",
        "DR.02",
        "10000022",
        None,
    ],
    None,  # row 23
]
FOOTER: list[list[Any]] = [
    ["Tổng cộng: 15 đảng viên"],  # row 24
    [None, None, None, None, None, None, None, None, None, "Ngày 20 tháng 11 năm 2026"],
    [None, "Người lập biểu", None, None, None, None, None, None, None, "T/M CHI ỦY"],
    [None, "Nguyễn Văn Tư", None, None, None, None, None, None, None, "Lê Văn Bí"],
]


#: The messy list's sheet and its merged ranges (first row, first column, last row, last
#: column; 1-based): titles over the sheet, a two-row header in capitals without marks.
MESSY_SHEET = "DS 2025"
MESSY_MERGES = [
    (1, 1, 1, 4),
    (1, 6, 1, 12),
    (2, 1, 2, 12),
    (4, 4, 4, 6),
    *((4, col, 5, col) for col in (1, 2, 3, 7, 8, 9, 10, 11, 12)),
]


def messy_cells() -> list[tuple[int, int, Any]]:
    """Every written cell of the messy list: (row, column, value), 1-based."""
    cells: list[tuple[int, int, Any]] = [
        (1, 1, "ĐẢNG BỘ XÃ ĐAM RÔNG"),
        (1, 6, "ĐẢNG CỘNG SẢN VIỆT NAM"),
        (2, 1, "DANH SÁCH ĐẢNG VIÊN NĂM 2025"),
    ]
    top = [
        "STT",
        "HO VA TEN",
        "GIOI TINH",
        "NGÀY THÁNG NĂM",
        None,
        None,
        "SO CCCD",
        "Dân tộc",
        nfd("Tôn giáo"),
        "Chi bộ",
        "Số thẻ đảng viên",
        "Ghi chú",
    ]
    under = [None, None, None, "Ngày sinh", "NGAY VAO DANG", "Ngày chính thức"]
    rows = [(4, top), (5, under), (6, [f"({col})" for col in range(1, 13)])]
    rows += [(7 + index, values or []) for index, values in enumerate(DATA_ROWS + FOOTER)]
    for row, values in rows:
        cells += [
            (row, col, value) for col, value in enumerate(values, start=1) if value is not None
        ]
    return cells


def messy_workbook(path: Path) -> Path:
    """The messy list as an .xlsx (the .xls and .ods copies: tests/fixtures/)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = MESSY_SHEET
    for row, col, value in messy_cells():
        ws.cell(row=row, column=col, value=value)
    for first_row, first_col, last_row, last_col in MESSY_MERGES:
        ws.merge_cells(
            start_row=first_row, start_column=first_col, end_row=last_row, end_column=last_col
        )
    wb.save(path)
    return path


def plain(record: Any) -> SimpleNamespace:
    """The column values of a record, usable after its session ended."""
    return SimpleNamespace(**{c.key: getattr(record, c.key) for c in record.__table__.columns})


@pytest.fixture
def existing(db: Database, org_ids: dict[str, int]) -> int:
    """A member already in the register (for duplicates against the database)."""
    row = create_member(
        db,
        MemberInput(
            full_name="Trần Văn Bình",
            sex="nam",
            birth_date=date(1980, 5, 10),
            organization_id=org_ids["DR.01.01"],
            cccd=EXISTING_CCCD,
            card_no=EXISTING_CARD,
            decision_date=date(2005, 1, 5),
            ceremony_date=date(2005, 2, 3),
            official_date=date(2006, 2, 3),
        ),
        today=TODAY,
    )
    return row.id


DECISION_NOTE = "Ngày quyết định kết nạp lấy bằng ngày vào Đảng."

#: sheet row -> every reason it is refused, exactly.
REFUSED = {
    11: ("«Ngày sinh»: không có ngày «31/02/1980»",),
    12: ("«SO CCCD»: Số CCCD phải có đúng 12 chữ số (đang có 11).",),
    13: ("«SO CCCD»: Chữ số thứ 4 là «1», dành cho nữ, không khớp giới tính «nam».",),
    14: (
        "«SO CCCD»: Chữ số thứ 4 là «3», dành cho người sinh năm 2000–2099,"
        " không khớp năm sinh 1995.",
    ),
    15: ("«SO CCCD»: Chữ số thứ 5–6 là «84», phải là hai số cuối của năm sinh 1983 («83»).",),
    16: ("«HO VA TEN»: đã có đảng viên cùng họ tên và ngày sinh trong cơ sở dữ liệu",),
    17: ("«Số thẻ đảng viên»: Số thẻ đảng viên «12345678» đã có trong cơ sở dữ liệu",),
    18: ("«HO VA TEN»: trùng họ tên và ngày sinh với dòng 7 của tệp",),
    19: (f"«SO CCCD»: trùng Số CCCD «{CCCD_HOA}» với dòng 8 của tệp",),
    20: ("«Chi bộ»: không có chi bộ «Chi bộ Không Có» (ghi tên hoặc mã chi bộ đang hoạt động)",),
    21: (
        "«Ngày chính thức»: «tháng 5/2013» không phải ngày (viết dd/mm/yyyy)",
        "«NGAY VAO DANG»: chỉ có năm 2012: cần ghi đủ ngày, tháng, năm",
    ),
}
ADDED_ROWS = [7, 8, 10, 22]


def test_preview_of_a_messy_list(db: Database, existing: int, tmp_path: Path) -> None:
    path = messy_workbook(tmp_path / "danh sach.xlsx")
    before = snapshot(db.path)  # type: ignore[arg-type]
    preview = excel_import.preview_import(db, path, today=TODAY)
    assert snapshot(db.path) == before  # type: ignore[arg-type]
    guess = preview.guess
    assert (guess.sheet, guess.header_row, guess.first_data_row) == ("DS 2025", 4, 6)
    assert guess.mapping == (
        "row_no", "full_name", "sex", "birth_date", "ceremony_date", "official_date", "cccd",
        "ethnicity_code", "religion_code", "branch", "card_no", "notes",
    )  # fmt: skip
    assert guess.headers[3:6] == ("Ngày sinh", "NGAY VAO DANG", "Ngày chính thức")
    assert [row.row for row in preview.rows if row.accepted] == ADDED_ROWS
    assert {row.row: row.reasons for row in preview.rows if not row.accepted} == REFUSED
    assert (preview.accepted, preview.refused, preview.duplicates) == (4, 11, 4)
    # The row of numbers under the header is not a member; the blank rows are counted,
    # and the footer (totals, date line, signature block and the signer's name) ends it.
    assert (preview.blank_rows, preview.footer_rows) == (2, 4)
    by_row = {row.row: row for row in preview.rows}
    assert all(by_row[n].notes == (DECISION_NOTE,) for n in ADDED_ROWS)
    # Per-cell problems sit on their column (index), for the preview's highlighting.
    assert by_row[11].problems == {3: "không có ngày «31/02/1980»"}
    assert set(by_row[21].problems) == {4, 5}
    assert by_row[19].duplicate
    assert not by_row[11].duplicate


def test_values_of_the_added_rows(db: Database, existing: int, org_ids, tmp_path: Path) -> None:
    path = messy_workbook(tmp_path / "ds.xlsx")
    preview = excel_import.preview_import(db, path, today=TODAY)
    result = excel_import.apply_import(db, preview)
    assert (result.added, result.refused) == (4, 11)
    with db.reader() as session:
        members = {
            m.full_name: plain(m)
            for m in session.scalars(select(Member).where(Member.id != existing))
        }
    assert sorted(members) == ["Cao Văn Sơn", "Lê Thị Hoa", "Nguyễn Văn An", "Phạm Minh Châu"]
    an = members["Nguyễn Văn An"]
    assert (an.sex, an.birth_date, an.cccd, an.card_no) == ("nam", date(1985, 3, 15), CCCD_AN,
                                                           "10000001")  # fmt: skip
    assert (an.ethnicity_code, an.religion_code, an.organization_id) == (
        "01", "00", org_ids["DR.01.01"],
    )  # fmt: skip
    assert (an.decision_date, an.ceremony_date, an.official_date, an.status) == (
        date(2010, 5, 19), date(2010, 5, 19), date(2011, 5, 19), "official",
    )  # fmt: skip
    hoa = members["Lê Thị Hoa"]  # decomposed in the file, NFC and trimmed in the register
    assert unicodedata.is_normalized("NFC", hoa.full_name)
    assert (hoa.sex, hoa.birth_date, hoa.cccd, hoa.notes) == (
        "nữ", date(1990, 9, 2), CCCD_HOA, "Chuyển đến",
    )  # fmt: skip
    assert (hoa.ethnicity_code, hoa.religion_code, hoa.organization_id) == (
        "02", "01", org_ids["DR.01.02"],
    )  # fmt: skip
    assert (hoa.ceremony_date, hoa.official_date) == (date(2015, 2, 3), date(2016, 2, 3))
    chau = members["Phạm Minh Châu"]
    assert (chau.birth_date, chau.birth_year_only, chau.cccd, chau.organization_id) == (
        date(1975, 1, 1), True, CCCD_CHAU, org_ids["DR.01.01"],
    )  # fmt: skip
    assert (chau.ceremony_date, chau.official_date) == (date(2000, 7, 1), date(2001, 7, 1))
    son = members["Cao Văn Sơn"]
    assert (son.birth_date, son.organization_id, son.card_no) == (
        date(1990, 1, 1), org_ids["DR.02"], "10000022",
    )  # fmt: skip


def test_error_workbook_lists_exactly_the_refused_rows(
    db: Database, existing: int, tmp_path: Path
) -> None:
    path = messy_workbook(tmp_path / "ds.xlsx")
    preview = excel_import.preview_import(db, path, today=TODAY)
    out = tmp_path / "loi" / "dong loi.xlsx"
    assert excel_import.write_error_workbook(preview, out) == 11
    ws = load_workbook(out, read_only=True).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    header = rows[1]
    assert header[:12] == preview.headers
    assert header[12:] == ("Lý do", "Dòng gốc")
    body = rows[2:]
    assert [r[13] for r in body] == sorted(REFUSED)
    assert {r[13]: r[12] for r in body} == {n: "; ".join(v) for n, v in REFUSED.items()}
    # The cells are kept as read: the bad date text, the 11-digit CCCD, the Excel date.
    assert body[0][1:4] == ("Hoàng Văn Dũng", "Nam", "31/02/1980")
    assert body[1][6] == "06818800000"
    assert body[2][3] == datetime(1992, 1, 1)
    assert not list(tmp_path.joinpath("loi").glob(".*"))  # no temporary file left


def test_fixed_error_workbook_imports(db: Database, existing: int, tmp_path: Path) -> None:
    path = messy_workbook(tmp_path / "ds.xlsx")
    first = excel_import.preview_import(db, path, today=TODAY)
    excel_import.apply_import(db, first)
    errors_path = tmp_path / "loi.xlsx"
    excel_import.write_error_workbook(first, errors_path)
    wb = load_workbook(errors_path)
    ws = wb.worksheets[0]
    ws["D3"] = "28/02/1980"  # Hoàng Văn Dũng: the date that exists
    ws["G4"] = "068188000005"  # Đỗ Thị Em: 12 digits
    ws["J12"] = "Chi bộ Hành chính"  # Đinh Văn Phú: a branch that exists
    wb.save(errors_path)
    second = excel_import.preview_import(db, errors_path, today=TODAY)
    assert second.guess.header_row == 2
    assert [r.row for r in second.rows if r.accepted] == [3, 4, 12]
    # The other rows are refused for the same reasons (rows 7 and 8 of the first file are
    # now in the register, so their repeats are duplicates of records, not of rows).
    refused = {r.row: r.reasons for r in second.rows if not r.accepted}
    assert refused[13] == REFUSED[21]
    assert refused[10] == (
        "«HO VA TEN»: đã có đảng viên cùng họ tên và ngày sinh trong cơ sở dữ liệu",
    )
    assert refused[11] == (f"«SO CCCD»: Số CCCD «{CCCD_HOA}» đã có trong cơ sở dữ liệu",)
    assert excel_import.apply_import(db, second).added == 3
    with db.reader() as session:
        names = set(session.scalars(select(Member.full_name)))
    assert {"Hoàng Văn Dũng", "Đỗ Thị Em", "Đinh Văn Phú"} <= names
    # A third round writes the eight rows still refused, with their new row numbers.
    third = tmp_path / "loi 2.xlsx"
    assert excel_import.write_error_workbook(second, third) == 8
    header = next(load_workbook(third, read_only=True).worksheets[0].iter_rows(
        min_row=2, max_row=2, values_only=True))  # fmt: skip
    assert header.count("Lý do") == 1
    assert header.count("Dòng gốc") == 1


def test_apply_writes_one_audit_entry_for_the_file(
    db: Database, existing: int, tmp_path: Path
) -> None:
    path = messy_workbook(tmp_path / "ds.xlsx")
    preview = excel_import.preview_import(db, path, today=TODAY)
    excel_import.apply_import(db, preview)
    with db.reader() as session:
        entries = [
            plain(e)
            for e in session.scalars(select(AuditEntry).where(AuditEntry.action == "import_excel"))
        ]
    summaries = [json.loads(e.after_json or "{}") for e in entries]
    file_entries = [s for s in summaries if "file" in s]
    assert len(file_entries) == 1
    assert file_entries[0] | {"sha256": ""} == {
        "file": "ds.xlsx", "sheet": "DS 2025", "sha256": "", "rows": 15, "added": 4,
        "refused": 11, "count": 0, "uuids": [],
    }  # fmt: skip
    assert file_entries[0]["sha256"] == preview.digest
    uuids = [u for s in summaries for u in s.get("uuids", [])]
    with db.reader() as session:
        added = set(session.scalars(select(Member.uuid).where(Member.id != existing)))
    assert set(uuids) == added
    assert len({e.transaction_uuid for e in entries}) == 1


def test_changed_file_is_refused_and_nothing_written(
    db: Database, existing: int, tmp_path: Path
) -> None:
    path = messy_workbook(tmp_path / "ds.xlsx")
    preview = excel_import.preview_import(db, path, today=TODAY)
    wb = load_workbook(path)
    wb.worksheets[0]["B7"] = "Nguyễn Văn Ân"
    wb.save(path)
    before = snapshot(db.path)  # type: ignore[arg-type]
    with pytest.raises(PartydeskError) as caught:
        excel_import.apply_import(db, preview)
    assert caught.value.code == "import.file_changed"
    assert snapshot(db.path) == before  # type: ignore[arg-type]


def test_stopping_leaves_the_database_as_it_was(
    db: Database, existing: int, tmp_path: Path
) -> None:
    path = messy_workbook(tmp_path / "ds.xlsx")
    preview = excel_import.preview_import(db, path, today=TODAY)
    before = snapshot(db.path)  # type: ignore[arg-type]
    seen: list[tuple[str, int, int]] = []

    def stop(stage: str, done: int, total: int) -> bool:
        seen.append((stage, done, total))
        return False

    with pytest.raises(PartydeskError) as caught:
        excel_import.apply_import(db, preview, stop)
    assert caught.value.code == "import.cancelled"
    assert seen == [("write", 4, 4)]  # asked once the rows were inserted, before commit
    assert snapshot(db.path) == before  # type: ignore[arg-type]


def test_a_record_added_since_the_preview_rolls_the_import_back(
    db: Database, existing: int, org_ids, tmp_path: Path
) -> None:
    path = messy_workbook(tmp_path / "ds.xlsx")
    preview = excel_import.preview_import(db, path, today=TODAY)
    create_member(
        db,
        MemberInput(
            full_name="Người Khác",
            sex="nữ",
            birth_date=date(1990, 9, 2),
            organization_id=org_ids["DR.02"],
            cccd=CCCD_HOA,
            decision_date=date(2012, 1, 1),
            ceremony_date=date(2012, 1, 5),
        ),
        today=TODAY,
    )
    before = snapshot(db.path)  # type: ignore[arg-type]
    with pytest.raises(PartydeskError) as caught:
        excel_import.apply_import(db, preview)
    assert caught.value.code == "import.row"
    assert caught.value.params["row"] == 8
    assert "Số CCCD" in caught.value.message()
    assert snapshot(db.path) == before  # type: ignore[arg-type]


def test_mapping_overrides_and_default_branch(db: Database, org_ids, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Họ tên", "Phái", "Năm sinh", "Kết nạp", "Mã số", "Số CCCD"])
    ws.append(["Lò Văn Mạnh", "nam", "1979", "02/09/2005", "X1", make_cccd("011", "nam", 1979, 5)])
    path = tmp_path / "khong tieu de.xlsx"
    wb.save(path)
    # Guessed alone, «Kết nạp» and «Mã số» mean nothing, and no branch is named.
    guessed = excel_import.preview_import(db, path, today=TODAY)
    assert guessed.mapping == ("full_name", "sex", "birth_date", None, None, "cccd")
    assert [r.reasons for r in guessed.rows] == [
        (
            "thiếu chi bộ (ghi cột «Chi bộ» hoặc chọn chi bộ mặc định)",
            "Trường «Ngày vào Đảng» không được để trống. Danh sách đảng viên cần ngày kết nạp.",
        )
    ]
    with pytest.raises(PartydeskError) as caught:
        excel_import.preview_import(db, path, {"Họ tên": None}, today=TODAY)
    assert caught.value.code == "import.missing_columns"
    assert "«Họ và tên»" in caught.value.message()
    preview = excel_import.preview_import(
        db, path, {"Kết nạp": "ceremony_date", "E": "card_no"}, default_branch="DR.02",
        today=TODAY,
    )  # fmt: skip
    assert preview.mapping == (
        "full_name", "sex", "birth_date", "ceremony_date", "card_no", "cccd",
    )  # fmt: skip
    assert [r.reasons for r in preview.rows] == [()]
    member = preview.rows[0].member
    assert member is not None
    assert (member.organization_id, member.card_no, member.birth_year_only) == (
        org_ids["DR.02"], "X1", True,
    )  # fmt: skip
    with pytest.raises(PartydeskError) as caught:
        excel_import.preview_import(db, path, {"Mã số": "so_the"}, today=TODAY)
    assert caught.value.code == "import.unknown_field"
    with pytest.raises(PartydeskError) as caught:
        excel_import.preview_import(db, path, {"Không có": "card_no"}, today=TODAY)
    assert caught.value.code == "import.unknown_column"
    with pytest.raises(PartydeskError) as caught:
        excel_import.preview_import(db, path, default_branch="Chi bộ Ma", today=TODAY)
    assert caught.value.code == "import.unknown_branch"


def test_bad_files(db: Database, tmp_path: Path) -> None:
    text = tmp_path / "not excel.xlsx"
    text.write_text("Họ và tên;Ngày sinh\n", encoding="utf-8")
    with pytest.raises(PartydeskError) as caught:
        excel_import.preview_import(db, text, today=TODAY)
    assert caught.value.code == "import.bad_file"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Bảng chấm công"])
    ws.append(["Ngày", "Giờ vào"])
    empty = tmp_path / "cham cong.xlsx"
    wb.save(empty)
    with pytest.raises(PartydeskError) as caught:
        excel_import.preview_import(db, empty, today=TODAY)
    assert caught.value.code == "import.no_header"
    with pytest.raises(PartydeskError) as caught:
        excel_import.preview_import(db, empty, sheet="Trang 9", today=TODAY)
    assert caught.value.code == "import.no_sheet"
    assert "Sheet" in caught.value.message()


def test_template_round_trip(db: Database, org_ids, tmp_path: Path) -> None:
    path = excel_import.write_template_file(tmp_path / "mau.xlsx")
    guess = excel_import.inspect_workbook(path)
    assert guess.header_row == 3
    assert None not in guess.mapping
    preview = excel_import.preview_import(db, path, today=TODAY)
    # The example row is a valid member: the template shows what a good row looks like.
    assert [(r.row, r.reasons) for r in preview.rows] == [(4, ())]
    member = preview.rows[0].member
    assert member is not None
    assert member.organization_id == org_ids["DR.01.01"]


@pytest.mark.parametrize(
    ("cells", "footer"),
    [
        (["Tổng cộng: 15 đảng viên"], True),
        (["Tổng số", 15, 8, 7], True),
        ([None, "Người lập biểu", None, "T/M CHI ỦY"], True),
        (["TM. CHI ỦY"], True),
        ([None, None, "Ngày 20 tháng 11 năm 2026"], True),
        # Names that begin like a footer word are members.
        ([1, "Tống Công Minh", "Nam", "01/01/1980", "Kinh", "Không"], False),
        ([2, "Bì Thu Hà", "Nữ", "01/01/1980", "Kinh", "Không"], False),
        ([3, "Tống Sơn", "Nam", "01/01/1980", "Kinh", "Không"], False),
    ],
)
def test_footer_rows(cells: list[Any], footer: bool) -> None:
    from partydesk.documents.excel.member_reader import _is_footer

    assert _is_footer(cells) is footer


def _as_read(value: Any) -> Any:
    # What openpyxl gives, in calamine's terms: a date cell without a time is a date.
    if isinstance(value, datetime) and value == datetime.combine(value.date(), datetime.min.time()):
        return value.date()
    return value


def test_sheet_values_are_openpyxls(db: Database, existing: int, tmp_path: Path) -> None:
    """calamine's values are openpyxl's read_only values on both kinds of file: shared
    strings (the list as offices keep it) and inline strings (the error workbook, written
    write_only); numbers compare equal (12 == 12.0), date cells are dates."""
    from partydesk.documents.excel.sheet_values import open_workbook

    listing = messy_workbook(tmp_path / "ds.xlsx")
    preview = excel_import.preview_import(db, listing, today=TODAY)
    errors_path = tmp_path / "loi.xlsx"
    excel_import.write_error_workbook(preview, errors_path)
    for path in (listing, errors_path):
        wb = load_workbook(path, read_only=True, data_only=True)
        expected = [
            tuple(map(_as_read, row)) for row in wb.worksheets[0].iter_rows(values_only=True)
        ]
        wb.close()
        with open_workbook(path) as book:
            ours = list(book.rows().numbered())
        assert [number for number, _ in ours] == list(range(1, len(expected) + 1))
        width = max(len(row) for row in expected)
        assert [row for _, row in ours] == [row + (None,) * (width - len(row)) for row in expected]


def test_sheet_values_rows_and_sheets(tmp_path: Path) -> None:
    """Rows are numbered from the sheet's row 1 and columns start at A even when the first
    rows and columns are empty; chart sheets are not listed; unknown sheets are KeyError."""
    from partydesk.documents.excel.sheet_values import open_workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Danh sách"
    ws["C3"] = "Họ và tên"
    ws["D4"] = datetime(2020, 1, 2, 3, 4)
    ws["E4"] = True
    wb.create_chartsheet("Biểu đồ")
    wb.create_sheet("Trang 2")["A1"] = "x"
    path = tmp_path / "lech.xlsx"
    wb.save(path)
    with open_workbook(path) as book:
        assert book.sheet_names == ["Danh sách", "Trang 2"]
        rows = book.rows()
        assert rows.title == "Danh sách"
        assert len(rows) == 4
        assert list(rows.numbered(3)) == [
            (3, (None, None, "Họ và tên", None, None)),
            (4, (None, None, None, datetime(2020, 1, 2, 3, 4), True)),
        ]
        assert book.rows("Trang 2").head(5) == [("x",)]
        with pytest.raises(KeyError):
            book.rows("Biểu đồ")


@pytest.mark.parametrize("content", [b"", b"hello", b"PK\x03\x04 not really a zip"])
def test_not_a_workbook_is_refused_clearly(db: Database, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "ds.xlsx"
    path.write_bytes(content)
    with pytest.raises(PartydeskError) as caught:
        excel_import.inspect_workbook(path)
    assert caught.value.code == "import.bad_file"
    assert "ds.xlsx" in caught.value.message()


def test_password_protected_workbook_says_what_to_do(tmp_path: Path) -> None:
    from partydesk.documents.excel.sheet_values import PasswordProtectedError

    error = excel_import._bad_file(tmp_path / "ds.xlsx", PasswordProtectedError("password"))
    assert error.code == "import.password"
    assert "bỏ mật khẩu" in error.message()


def test_an_import_makes_no_reference_cycles(db: Database, existing: int, tmp_path: Path) -> None:
    # paused_collector freezes what a preview or an apply leaves behind instead of letting
    # the collector walk it (services/collector.py): safe only while neither makes cyclic
    # garbage, which the freeze would keep until the program ends. Refused rows (raised
    # and caught errors) included.
    path = messy_workbook(tmp_path / "ds.xlsx")
    gc.collect()
    gc.disable()
    try:
        preview = excel_import.preview_import(db, path, today=TODAY)
        assert preview.refused > 0
        assert gc.collect() == 0
        gc.disable()
        excel_import.apply_import(db, preview)
        del preview
        assert gc.collect() == 0
    finally:
        gc.enable()


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize("name", ["danh-sach-cu.xls", "danh-sach-cu.ods"])
def test_xls_and_ods_lists_import_as_the_xlsx(
    db: Database, existing: int, tmp_path: Path, name: str
) -> None:
    # The messy list saved by Excel 97–2003 (.xls) and by LibreOffice (.ods), made by
    # scripts/make_import_fixtures.py from the same cells: the same header, verdicts,
    # reasons, error workbook and added records as the .xlsx.
    path = tmp_path / name
    shutil.copyfile(FIXTURES / name, path)
    assert excel_import.workbook_sheets(path) == [MESSY_SHEET]
    preview = excel_import.preview_import(db, path, today=TODAY)
    guess = preview.guess
    assert (guess.sheet, guess.header_row, guess.first_data_row) == (MESSY_SHEET, 4, 6)
    assert [row.row for row in preview.rows if row.accepted] == ADDED_ROWS
    assert {row.row: row.reasons for row in preview.rows if not row.accepted} == REFUSED
    assert (preview.blank_rows, preview.footer_rows) == (2, 4)
    out = tmp_path / "dong loi.xlsx"
    assert excel_import.write_error_workbook(preview, out) == len(REFUSED)
    body = list(load_workbook(out, read_only=True).worksheets[0].iter_rows(values_only=True))[2:]
    assert [r[13] for r in body] == sorted(REFUSED)
    result = excel_import.apply_import(db, preview)
    assert (result.added, result.refused) == (len(ADDED_ROWS), len(REFUSED))
    with db.reader() as session:
        an = session.scalars(select(Member).where(Member.full_name == "Nguyễn Văn An")).one()
        assert (an.birth_date, an.cccd, an.official_date) == (
            date(1985, 3, 15),
            CCCD_AN,
            date(2011, 5, 19),
        )
