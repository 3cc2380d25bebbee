"""Excel export of the member register, the list book and the cadre list, read back."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import update

from partydesk.codes import MemberStatus
from partydesk.db.models import Member
from partydesk.documents.excel.list_writer import ListColumn, write_list
from partydesk.errors import PartydeskError
from partydesk.rules import make_cccd
from partydesk.services import excel_export
from partydesk.services.cadres import CadreInput, create_cadre
from partydesk.services.excel_export import (
    CADRE_COLUMNS,
    LIST_BOOK_COLUMNS,
    MEMBER_COLUMNS,
    export_cadres,
    export_list_book,
    export_members,
)
from partydesk.services.member_input import MemberInput
from partydesk.services.member_queries import AgeBand, MemberFilter, MemberSort
from partydesk.services.members import create_member
from tests.conftest import TODAY
from tests.helpers import snapshot

HYPERLINK = '=HYPERLINK("http://example.com","bấm vào")'


def _person(
    name: str, sex: str, birth: date, org: int, serial: int, **extra: object
) -> MemberInput:
    return MemberInput(
        full_name=name,
        sex=sex,
        birth_date=birth,
        organization_id=org,
        cccd=make_cccd("068", sex, birth.year, serial),
        card_no=f"{30_000_000 + serial}",
        decision_date=date(2015, 3, 2),
        ceremony_date=date(2015, 3, 20),
        official_date=date(2016, 3, 20),
        **extra,  # type: ignore[arg-type]
    )


@pytest.fixture
def people(db, org_ids) -> dict[str, int]:
    rows = {
        "an": _person("Nguyễn Văn An", "nam", date(1960, 1, 5), org_ids["DR.01.01"], 1),
        "binh": _person(
            "Trần Thị Bình", "nữ", date(1998, 7, 9), org_ids["DR.01.02"], 2, theory_code="so_cap"
        ),
        "cuong": _person("Lê Văn Cường", "nam", date(1988, 2, 1), org_ids["DR.02"], 3),
        "dao": _person("Phạm Thị Đào", "nữ", date(1975, 12, 30), org_ids["DR.01.01"], 4),
    }
    ids = {key: create_member(db, row, today=TODAY).id for key, row in rows.items()}
    # Formula-like text as an imported list may hold it: written straight to the table.
    with db.session("test.formula_names") as session:
        session.execute(update(Member).where(Member.id == ids["dao"]).values(full_name=HYPERLINK))
        session.execute(update(Member).where(Member.id == ids["cuong"]).values(card_no="+84912345"))
    return ids


def _sheet(path: Path) -> list[tuple[object, ...]]:
    wb = openpyxl.load_workbook(path)
    return list(wb.active.iter_rows(values_only=True))


def _no_formulas(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name)
                assert b"<f " not in z.read(name)


def test_member_register_headers_values_and_text_guard(db, people, tmp_path):
    out = tmp_path / "members.xlsx"
    result = export_members(db, out, MemberFilter(today=TODAY))
    assert result.rows == 4
    assert result.path == out
    rows = _sheet(out)
    assert rows[0][0] == "DANH SÁCH ĐẢNG VIÊN"
    assert rows[1][0] == "ngày 23/11/2026"
    assert list(rows[2]) == [title for title, _w in MEMBER_COLUMNS.values()]
    data = {row[0]: row for row in rows[3:]}
    assert list(data) == [HYPERLINK, "Lê Văn Cường", "Nguyễn Văn An", "Trần Thị Bình"] or set(
        data
    ) == {HYPERLINK, "Lê Văn Cường", "Nguyễn Văn An", "Trần Thị Bình"}
    an = data["Nguyễn Văn An"]
    assert an[1] == "Nam"
    assert an[2] == datetime(1960, 1, 5)
    assert an[3] == "Chi bộ Giáo viên"
    assert an[4] == MemberStatus.OFFICIAL.label
    assert an[5] == make_cccd("068", "nam", 1960, 1)
    assert an[6] == "30000001"
    assert an[7:10] == (datetime(2015, 3, 2), datetime(2015, 3, 20), datetime(2016, 3, 20))
    assert data["Trần Thị Bình"][11] == "Sơ cấp"
    assert data["Lê Văn Cường"][6] == "+84912345"
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    assert ws.freeze_panes == "A4"
    assert ws["A3"].font.b
    for row in ws.iter_rows(min_row=4):
        assert row[2].number_format == "dd/mm/yyyy"
        assert row[2].is_date
        if row[0].value == HYPERLINK:
            assert row[0].data_type == "s"
            assert row[0].quotePrefix
        if row[6].value == "+84912345":
            assert row[6].data_type == "s"
            assert row[6].quotePrefix
    _no_formulas(out)


def test_filter_columns_and_order_respected(db, people, org_ids, tmp_path):
    out = tmp_path / "filtered.xlsx"
    filters = MemberFilter(
        organization_id=org_ids["DR.01"], sex="nam", today=TODAY, statuses=("official",)
    )
    result = export_members(db, out, filters, ["card_no", "name", "birth_date"])
    rows = _sheet(out)
    assert rows[1][0] == "Đảng bộ Trường THPT Đam Rông — ngày 23/11/2026"
    assert rows[2] == ("Số thẻ", "Họ và tên", "Ngày sinh")
    assert rows[3:] == [("30000001", "Nguyễn Văn An", datetime(1960, 1, 5))]
    assert result.rows == 1
    young = tmp_path / "young.xlsx"
    export_members(db, young, MemberFilter(age_band=AgeBand.UP_TO_30, today=TODAY), ["name"])
    assert _sheet(young)[3:] == [("Trần Thị Bình",)]
    by_birth = tmp_path / "by_birth.xlsx"
    export_members(db, by_birth, MemberFilter(today=TODAY), ["name"], MemberSort.BIRTH_DATE, True)
    assert [r[0] for r in _sheet(by_birth)[3:]] == [
        "Trần Thị Bình",
        "Lê Văn Cường",
        HYPERLINK,
        "Nguyễn Văn An",
    ]


def test_birth_year_only_is_a_number(db, org_ids, tmp_path):
    create_member(
        db,
        _person("Hoàng Văn Em", "nam", date(1950, 1, 1), org_ids["DR.02"], 9, birth_year_only=True),
        today=TODAY,
    )
    out = tmp_path / "year.xlsx"
    export_members(db, out, MemberFilter(today=TODAY), ["name", "birth_date"])
    assert _sheet(out)[3:] == [("Hoàng Văn Em", 1950)]


def test_bad_column_and_cancel_leave_no_file(db, people, tmp_path, db_path):
    before = snapshot(db_path)
    out = tmp_path / "bad.xlsx"
    with pytest.raises(PartydeskError) as caught:
        export_members(db, out, None, ["name", "shoe_size"])
    assert caught.value.code == "export.unknown_column"
    with pytest.raises(PartydeskError) as caught:
        export_members(db, out, None, progress=lambda done, total: False)
    assert caught.value.code == "export.cancelled"
    assert not out.exists()
    assert list(tmp_path.glob("*.xlsx")) == []
    # An existing file is untouched by a failed export.
    out.write_bytes(b"old")
    with pytest.raises(PartydeskError):
        export_members(db, out, None, progress=lambda done, total: False)
    assert out.read_bytes() == b"old"
    assert snapshot(db_path) == before


def test_progress_reports_every_row(db, people, tmp_path):
    seen: list[tuple[int, int]] = []
    export_members(
        db,
        tmp_path / "p.xlsx",
        MemberFilter(today=TODAY),
        progress=lambda d, t: not seen.append((d, t)),
    )
    assert seen == [(0, 4), (4, 4)]


def test_progress_in_chunks_and_stop_midway(db, people, tmp_path, monkeypatch):
    tmp_path = tmp_path / "out"
    monkeypatch.setattr(excel_export, "CHUNK", 3)
    seen: list[tuple[int, int]] = []
    export_members(
        db,
        tmp_path / "p.xlsx",
        MemberFilter(today=TODAY),
        progress=lambda d, t: not seen.append((d, t)),
    )
    assert seen == [(0, 4), (3, 4), (4, 4)]
    # Stopped after the first chunk: nothing is written, no temporary file is left.
    out = tmp_path / "stopped.xlsx"
    with pytest.raises(PartydeskError) as caught:
        export_members(db, out, MemberFilter(today=TODAY), progress=lambda d, t: d < 3)
    assert caught.value.code == "export.cancelled"
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.xlsx"]


def test_text_status_and_organization_filters(db, people, org_ids, tmp_path):
    out = tmp_path / "t.xlsx"
    export_members(db, out, MemberFilter(text="tran thi", today=TODAY), ["name", "sex"])
    assert _sheet(out)[3:] == [("Trần Thị Bình", "Nữ")]
    export_members(db, out, MemberFilter(text="3000000", today=TODAY), ["card_no"])
    # Cường's card is "+84912345" now: a number prefix finds the three others.
    assert sorted(r[0] for r in _sheet(out)[3:]) == ["30000001", "30000002", "30000004"]
    export_members(
        db, out, MemberFilter(statuses=(MemberStatus.PROBATIONARY.value,), today=TODAY), ["name"]
    )
    assert _sheet(out)[3:] == []
    export_members(
        db,
        out,
        MemberFilter(organization_id=org_ids["DR.01.01"], include_descendants=False, today=TODAY),
        ["organization", "name"],
        MemberSort.NAME,
        True,
    )
    # Descending list order; Đào's sort key is still her real name (Phạm… > Nguyễn…).
    assert _sheet(out)[3:] == [
        ("Chi bộ Giáo viên", HYPERLINK),
        ("Chi bộ Giáo viên", "Nguyễn Văn An"),
    ]


def test_page_setup_print_titles_and_filter(db, people, tmp_path):
    out = tmp_path / "setup.xlsx"
    export_members(db, out, MemberFilter(today=TODAY), ["name", "cccd", "official_date"])
    ws = openpyxl.load_workbook(out).active
    assert ws.title == "Đảng viên"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9
    assert ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$3:$3"
    assert ws.auto_filter.ref == "A3:C7"
    assert "A1:C1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws.column_dimensions["A"].width == MEMBER_COLUMNS["name"][1]
    # CCCDs stay text (leading zeros), dates are dates shown dd/mm/yyyy.
    assert all(
        isinstance(row[1].value, str) and row[1].value.startswith("0")
        for row in ws.iter_rows(min_row=4)
    )
    assert all(
        row[2].is_date and row[2].number_format == "dd/mm/yyyy" for row in ws.iter_rows(min_row=4)
    )


def test_list_book_has_the_fourteen_columns(db, people, org_ids, tmp_path):
    out = tmp_path / "book.xlsx"
    result = export_list_book(db, out, org_ids["DR.01"], today=TODAY)
    rows = _sheet(out)
    assert rows[0][0] == "SỔ DANH SÁCH ĐẢNG VIÊN"
    assert rows[1][0] == "Đảng bộ Trường THPT Đam Rông — ngày 23/11/2026"
    assert list(rows[2]) == [column.title for column in LIST_BOOK_COLUMNS]
    assert len(rows[2]) == 14
    assert result.rows == 3
    by_name = {row[1]: row for row in rows[3:]}
    assert set(by_name) == {HYPERLINK, "Nguyễn Văn An", "Trần Thị Bình"}
    an = by_name["Nguyễn Văn An"]
    assert isinstance(an[0], int)
    assert an[2] == "Nam\nKinh\nKhông"
    assert an[6] == "20/03/2015\n20/03/2016"
    assert an[7].startswith("30000001")
    for row in openpyxl.load_workbook(out).active.iter_rows(min_row=4):
        assert row[2].alignment.wrap_text
    _no_formulas(out)
    with pytest.raises(PartydeskError) as caught:
        export_list_book(db, tmp_path / "none.xlsx", 999_999)
    assert caught.value.code == "organization.not_found"
    assert not (tmp_path / "none.xlsx").exists()


def test_list_book_death_is_a_date_and_stop_keeps_old_file(db, people, org_ids, tmp_path):
    tmp_path = tmp_path / "out"
    with db.session("test.died") as session:
        session.execute(
            update(Member)
            .where(Member.id == people["an"])
            .values(
                hometown="=cmd|' /C calc'!A0",
                status=MemberStatus.DECEASED.value,
                left_on=date(2026, 1, 2),
            )
        )
    out = tmp_path / "book.xlsx"
    export_list_book(db, out, org_ids["DR.01.01"], today=TODAY)
    rows = _sheet(out)
    an = next(row for row in rows[3:] if row[1] == "Nguyễn Văn An")
    assert an[3] == "=cmd|' /C calc'!A0"
    assert an[11] == datetime(2026, 1, 2)
    _no_formulas(out)
    before = out.read_bytes()
    with pytest.raises(PartydeskError) as caught:
        export_list_book(db, out, org_ids["DR.01"], today=TODAY, progress=lambda d, t: d == 0)
    assert caught.value.code == "export.cancelled"
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.xlsx"]


def test_cadre_list(db, tmp_path):
    create_cadre(
        db,
        CadreInput(
            full_name="Võ Thị Hoa",
            sex="nữ",
            birth_date=date(1980, 6, 1),
            salary_grade="Chuyên viên",
            salary_grade_code="01.003",
            salary_step=4,
            salary_coefficient=3.33,
            salary_step_date=date(2024, 7, 1),
        ),
    )
    create_cadre(
        db,
        CadreInput(
            full_name="Đinh Văn Sơn",
            sex="nam",
            birth_date=date(1950, 1, 1),
            birth_year_only=True,
            is_local=False,
            status="retired",
        ),
    )
    out = tmp_path / "cadres.xlsx"
    result = export_cadres(db, out, today=TODAY)
    rows = _sheet(out)
    assert rows[0][0] == "DANH SÁCH CÁN BỘ"
    assert list(rows[2]) == [column.title for column in CADRE_COLUMNS]
    assert rows[3] == (
        1, "Võ Thị Hoa", "Nữ", datetime(1980, 6, 1), None, None, "Có",
        "Chuyên viên", "01.003", 4, 3.33, datetime(2024, 7, 1), "Đang công tác",
    )  # fmt: skip
    assert result.rows == 1
    everyone = export_cadres(db, out, include_inactive=True, today=TODAY)
    assert everyone.rows == 2
    rows = _sheet(out)
    # Vietnamese list order: by given name first (Hoa before Sơn).
    assert [row[:4] for row in rows[3:]] == [
        (1, "Võ Thị Hoa", "Nữ", datetime(1980, 6, 1)),
        (2, "Đinh Văn Sơn", "Nam", 1950),
    ]
    assert rows[4][6] is None
    assert rows[4][12] == "Đã nghỉ hưu"
    with pytest.raises(PartydeskError):
        export_cadres(db, out, include_inactive=True, progress=lambda d, t: False)
    assert _sheet(out)[3:] == rows[3:]


def test_writer_never_creates_formulas(tmp_path):
    out = tmp_path / "w.xlsx"
    texts = ["=1+1", "+1", "-1", "@SUM(A1)", "#N/A", "a\x01b", "plain"]
    write_list(out, [ListColumn("x"), ListColumn("y", wrap=True)], [[t, t] for t in texts])
    ws = openpyxl.load_workbook(out).active
    values = [(row[0].value, row[1].value) for row in ws.iter_rows(min_row=2)]
    assert values == [(t.replace("\x01", ""),) * 2 for t in texts]
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type == "s"
            assert cell.quotePrefix == (cell.value[0] in "=+-@#")
    assert ws["B2"].alignment.wrap_text
    _no_formulas(out)


def test_writer_types_every_value(tmp_path):
    out = tmp_path / "types.xlsx"
    columns = [ListColumn("a"), ListColumn("b", wrap=True), ListColumn("c")]
    rows = [
        [1, 2.5, True],
        [date(2020, 2, 29), datetime(2021, 3, 4, 5, 6), Decimal("1.50")],
        ["", None, "x" * 40_000],
        [None, "dòng 1\ndòng 2", "  giữ khoảng trắng "],
        [7, 8, 9, "beyond the columns"],
    ]
    assert write_list(out, columns, rows) == 5
    ws = openpyxl.load_workbook(out).active
    cells = list(ws.iter_rows(min_row=2))
    assert [c.value for c in cells[0][:3]] == [1, 2.5, 1]
    assert [c.data_type for c in cells[0][:3]] == ["n", "n", "n"]
    assert cells[1][0].value == datetime(2020, 2, 29)
    assert cells[1][0].number_format == "dd/mm/yyyy"
    assert cells[1][1].value == datetime(2021, 3, 4, 5, 6)
    assert cells[1][1].alignment.wrap_text
    assert cells[1][2].value == "1.50"
    assert cells[2][0].value is None
    assert cells[2][1].value is None
    assert len(cells[2][2].value) == 32_767
    assert cells[3][1].value == "dòng 1\ndòng 2"
    assert cells[3][2].value == "  giữ khoảng trắng "
    assert cells[4][3].value == "beyond the columns"
    # openpyxl's own temporary files of the sheet are gone.
    assert list(tmp_path.iterdir()) == [out]
