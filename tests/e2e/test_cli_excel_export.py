"""`partydesk export-excel …` end to end on a real database file; workbooks read back."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from partydesk import cli
from partydesk.rules import make_cccd
from partydesk.services.cadres import CadreInput, create_cadre
from partydesk.services.database import open_database
from partydesk.services.member_input import MemberInput
from partydesk.services.members import create_member
from tests.conftest import TODAY


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, db_path: Path, tmp_path: Path):
    monkeypatch.setattr(cli, "_EXTENSIONS", ("excel_export",))
    parser = cli.build_parser()

    def invoke(*words: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        args = parser.parse_args(
            [*words, "--db", str(db_path), "--data-dir", str(tmp_path / "data")]
        )
        code = cli.run(args, out, err)
        return code, out.getvalue(), err.getvalue()

    return invoke


def _member(
    name: str, sex: str, birth: date, org: int, serial: int, **extra: object
) -> MemberInput:
    return MemberInput(
        full_name=name,
        sex=sex,
        birth_date=birth,
        organization_id=org,
        cccd=make_cccd("068", sex, birth.year, serial),
        card_no=f"{40_000_000 + serial}",
        decision_date=date(2012, 5, 2),
        ceremony_date=date(2012, 5, 19),
        official_date=date(2013, 5, 19),
        **extra,  # type: ignore[arg-type]
    )


@pytest.fixture
def register(db_path: Path, org_ids: dict[str, int]) -> None:
    """Three official members, a candidate, an active and a retired cadre."""
    db = open_database(db_path, actor="test")
    try:
        for row in (
            _member("Nguyễn Văn An", "nam", date(1960, 1, 5), org_ids["DR.01.01"], 1),
            _member("Trần Thị Bình", "nữ", date(1998, 7, 9), org_ids["DR.01.02"], 2),
            _member("Lê Văn Cường", "nam", date(1988, 2, 1), org_ids["DR.02"], 3),
            MemberInput(
                full_name="Hà Thị Dung",
                sex="nữ",
                birth_date=date(2001, 3, 3),
                organization_id=org_ids["DR.02"],
            ),
        ):
            create_member(db, row, today=TODAY)
        create_cadre(db, CadreInput(full_name="Võ Thị Hoa", sex="nữ", birth_date=date(1980, 6, 1)))
        create_cadre(
            db,
            CadreInput(
                full_name="Đinh Văn Sơn", sex="nam", birth_date=date(1955, 4, 4), status="retired"
            ),
        )
    finally:
        db.close()


def _rows(path: Path) -> list[tuple[object, ...]]:
    workbook = openpyxl.load_workbook(path)
    return list(workbook.active.iter_rows(values_only=True))


def test_members_default_goes_to_exports_and_never_overwrites(run, register, tmp_path):
    code, out, err = run("export-excel", "members", "--date", "23/11/2026")
    assert code == 0, err
    exports = tmp_path / "data" / "exports"
    first = exports / "Danh-sach-dang-vien-2026-11-23.xlsx"
    assert out.strip() == f"Đã xuất 3 đảng viên: {first}"
    rows = _rows(first)
    assert rows[0][0] == "DANH SÁCH ĐẢNG VIÊN"
    assert rows[2][:3] == ("Họ và tên", "Giới tính", "Ngày sinh")
    # Counted members only (the candidate is not), in Vietnamese list order.
    assert [row[0] for row in rows[3:]] == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]
    assert rows[3][2] == datetime(1960, 1, 5)
    code, out, _err = run("export-excel", "members", "--date", "23/11/2026", "--status", "all")
    assert code == 0
    second = exports / "Danh-sach-dang-vien-2026-11-23-2.xlsx"
    assert out.strip() == f"Đã xuất 4 đảng viên: {second}"
    assert len(_rows(first)) == 6  # the first file is untouched


def test_members_filters_columns_and_sort(run, register, tmp_path):
    target = tmp_path / "loc.xlsx"
    code, out, err = run(
        "export-excel", "members", "--org", "DR.01", "--sex", "Nam",
        "--columns", "card_no,name,birth_date", "--out", str(target), "--date", "23/11/2026",
    )  # fmt: skip
    assert code == 0, err
    assert out.strip() == f"Đã xuất 1 đảng viên: {target}"
    rows = _rows(target)
    assert rows[1][0] == "Đảng bộ Trường THPT Đam Rông — ngày 23/11/2026"
    assert rows[2:] == [
        ("Số thẻ", "Họ và tên", "Ngày sinh"),
        ("40000001", "Nguyễn Văn An", datetime(1960, 1, 5)),
    ]
    code, _out, err = run(
        "export-excel", "members", "--status", "counted,candidate", "--sort", "birth_date",
        "--desc", "--columns", "name", "--out", str(target),
    )  # fmt: skip
    assert code == 0, err
    assert [row[0] for row in _rows(target)[3:]] == [
        "Hà Thị Dung", "Trần Thị Bình", "Lê Văn Cường", "Nguyễn Văn An",
    ]  # fmt: skip
    code, _out, err = run(
        "export-excel", "members", "tran", "thi", "--columns", "name,sex", "--out", str(target)
    )
    assert code == 0, err
    assert _rows(target)[3:] == [("Trần Thị Bình", "Nữ")]
    code, _out, err = run(
        "export-excel", "members", "--age-band", "le30", "--columns", "name",
        "--date", "23/11/2026", "--out", str(tmp_path / "young"),
    )  # fmt: skip
    assert code == 0, err
    assert _rows(tmp_path / "young.xlsx")[3:] == [("Trần Thị Bình",)]


def test_members_bad_input_writes_nothing(run, register, tmp_path):
    code, out, err = run("export-excel", "members", "--columns", "name,shoe")
    assert code == 1
    assert out == ""
    assert "Không có cột «shoe»" in err
    assert "There is no column 'shoe'" in err
    code, _out, err = run("export-excel", "members", "--status", "happy")
    assert code == 1
    assert "«happy» không có" in err
    code, _out, err = run("export-excel", "members", "--sex", "x")
    assert code == 1
    assert "--sex" in err
    code, _out, err = run("export-excel", "members", "--org", "NOPE")
    assert code == 1
    exports = tmp_path / "data" / "exports"
    assert not exports.exists() or list(exports.iterdir()) == []


def test_list_book(run, register, tmp_path):
    code, out, err = run("export-excel", "list-book", "--org", "DR.01", "--date", "23/11/2026")
    assert code == 0, err
    path = (
        tmp_path
        / "data"
        / "exports"
        / ("So-danh-sach-dang-vien-Dang-bo-Truong-THPT-Dam-Rong-2026-11-23.xlsx")
    )
    assert out.strip() == f"Đã xuất sổ danh sách đảng viên (2 dòng): {path}"
    rows = _rows(path)
    assert rows[0][0] == "SỔ DANH SÁCH ĐẢNG VIÊN"
    assert len(rows[2]) == 14
    assert rows[2][0] == "STT"
    assert [row[1] for row in rows[3:]] == ["Nguyễn Văn An", "Trần Thị Bình"]
    with pytest.raises(SystemExit) as usage:
        run("export-excel", "list-book")
    assert usage.value.code == 2  # --org is required (argparse usage error)


def test_cadres(run, register, tmp_path):
    target = tmp_path / "cb.xlsx"
    code, out, err = run("export-excel", "cadres", "--out", str(target))
    assert code == 0, err
    assert out.strip() == f"Đã xuất 1 cán bộ: {target}"
    assert [row[1] for row in _rows(target)[3:]] == ["Võ Thị Hoa"]
    code, out, err = run("export-excel", "cadres", "--all", "--out", str(target))
    assert code == 0, err
    assert out.strip() == f"Đã xuất 2 cán bộ: {target}"
    assert [row[:2] for row in _rows(target)[3:]] == [(1, "Võ Thị Hoa"), (2, "Đinh Văn Sơn")]
