"""`partydesk report` end to end on a real database file; the workbook read back."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from partydesk import cli
from partydesk.rules import make_cccd
from partydesk.services.database import open_database
from partydesk.services.member_input import HistoryItem, MemberInput
from partydesk.services.members import create_member
from tests.conftest import TODAY


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, db_path: Path, tmp_path: Path):
    monkeypatch.setattr(cli, "_EXTENSIONS", ("reports",))
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
        decision_date=date(2012, 5, 2),
        ceremony_date=date(2012, 5, 19),
        official_date=date(2013, 5, 19),
        **extra,  # type: ignore[arg-type]
    )


@pytest.fixture
def register(db_path: Path, org_ids: dict[str, int]) -> None:
    """Two members all along, one admitted in 2026, one who died in March 2026."""
    db = open_database(db_path, actor="test")
    try:
        create_member(
            db,
            _member("Nguyễn Văn An", "nam", date(1960, 1, 5), org_ids["DR.01.01"], 1),
            today=TODAY,
        )
        create_member(
            db, _member("Trần Thị Bình", "nữ", date(1998, 7, 9), org_ids["DR.02"], 2), today=TODAY
        )
        create_member(
            db,
            MemberInput(
                full_name="Lê Thị Hoa",
                sex="nữ",
                birth_date=date(2001, 5, 2),
                organization_id=org_ids["DR.01.02"],
                cccd=make_cccd("068", "nữ", 2001, 3),
                decision_date=date(2026, 2, 10),
                ceremony_date=date(2026, 3, 1),
            ),
            today=TODAY,
        )
        create_member(
            db,
            _member(
                "Đinh Văn Sơn",
                "nam",
                date(1950, 4, 4),
                org_ids["DR.02"],
                4,
                history=(HistoryItem("died", date(2026, 3, 15)),),
            ),
            today=TODAY,
        )
    finally:
        db.close()


def test_report_prints_figures_and_writes_the_workbook(run, register, tmp_path: Path) -> None:
    code, out, err = run("report", "--as-of", "30/06/2026")
    assert code == 0, err
    target = tmp_path / "data" / "exports" / "Bao-cao-thong-ke-2026-06-30.xlsx"
    lines = out.splitlines()
    assert "Tính đến ngày 30/06/2026; kỳ từ 01/01/2026" in lines
    assert "  Tổng số đảng viên: 3" in lines
    assert "  Đảng viên nữ: 2" in lines
    assert "  Kết nạp trong kỳ: 1 (kết nạp lại 0); chỉ tiêu năm: chưa giao" in lines
    assert "  Từ trần: 1" in lines
    assert "Cân đối: đầu kỳ 3 + tăng 1 − giảm 1 = 3; cuối kỳ 3" in lines
    assert "Kiểm tra cân đối: đúng ở 3 dòng." in lines
    assert lines[-1] == f"Đã ghi báo cáo: {target}"
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Tổng hợp", "Cân đối"]
    rows = list(book["Cân đối"].iter_rows(min_row=10, values_only=True))
    assert rows[0][:4] == ("DR.01", "Đảng bộ Trường THPT Đam Rông", 1, 1)
    assert rows[1][:3] == ("DR.02", "Chi bộ thôn 1", 2)


def test_report_of_an_organization_a_past_date_and_a_file(run, register, tmp_path: Path) -> None:
    target = tmp_path / "dr02"
    code, out, err = run(
        "report", "--as-of", "01/03/2026", "--from", "01/02/2026", "--org", "DR.02",
        "--out", str(target),
    )  # fmt: skip
    assert code == 0, err
    assert "Báo cáo thống kê: Chi bộ thôn 1" in out
    # Before 15/3 the member who died later is still counted.
    assert "  Tổng số đảng viên: 2" in out
    assert (tmp_path / "dr02.xlsx").exists()


def test_report_errors(run, register) -> None:
    code, _out, err = run("report", "--org", "KHONG.CO")
    assert code == 1
    assert "KHONG.CO" in err
    code, _out, err = run("report", "--layout", "khong_co_mau")
    assert code == 1
    assert "khong_co_mau" in err
    code, _out, err = run("report", "--as-of", "01/01/2026", "--from", "02/01/2026")
    assert code == 1
    with pytest.raises(SystemExit):
        run("report", "--as-of", "31/02/2026")
