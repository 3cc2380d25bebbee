"""`partydesk import-excel …` end to end on a real database file and real workbooks."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from partydesk import cli
from partydesk.db.models import Member
from partydesk.services.database import open_database
from tests.helpers import snapshot
from tests.integration.test_excel_import import REFUSED, existing, messy_workbook

__all__ = ["existing"]  # the fixture, used by name


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, db_path: Path, tmp_path: Path):
    monkeypatch.setattr(cli, "_EXTENSIONS", ("excel_import",))
    parser = cli.build_parser()

    def invoke(*words: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        args = parser.parse_args(
            [*words, "--db", str(db_path), "--data-dir", str(tmp_path / "data")]
        )
        code = cli.run(args, out, err)
        return code, out.getvalue(), err.getvalue()

    return invoke


def _members(db_path: Path) -> int:
    db = open_database(db_path, actor="test")
    try:
        with db.reader() as session:
            return session.scalar(select(func.count(Member.id))) or 0
    finally:
        db.close()


def test_dry_run_prints_counts_and_problems_and_writes_nothing(
    run, existing: int, db_path: Path, tmp_path: Path
) -> None:
    path = messy_workbook(tmp_path / "ds.xlsx")
    errors = tmp_path / "loi.xlsx"
    before = snapshot(db_path)
    code, out, err = run("import-excel", str(path), "--dry-run", "--errors", str(errors))
    assert (code, err) == (0, "")
    assert "Trang «DS 2025», dòng tiêu đề 4, dữ liệu từ dòng 6." in out
    assert "HO VA TEN → full_name" in out
    assert "15 dòng: 4 nhập được, 11 bị từ chối (trong đó 4 trùng); 2 dòng trống" in out
    for row, reasons in REFUSED.items():
        assert f"  Dòng {row}: {'; '.join(reasons)}" in out
    assert "Đã ghi 11 dòng bị từ chối vào" in out
    assert "chưa ghi gì" in out
    assert snapshot(db_path) == before
    refused = [
        r[13] for r in load_workbook(errors).worksheets[0].iter_rows(min_row=3, values_only=True)
    ]
    assert refused == sorted(REFUSED)


def test_import_adds_the_accepted_rows(run, existing: int, db_path: Path, tmp_path: Path) -> None:
    path = messy_workbook(tmp_path / "ds.xlsx")
    code, out, _ = run("import-excel", str(path))
    assert code == 0
    assert "Đã nhập 4 đảng viên từ «ds.xlsx»." in out
    assert _members(db_path) == 5


def test_map_and_branch_and_template(run, db_path: Path, tmp_path: Path) -> None:
    template = tmp_path / "mau.xlsx"
    code, out, _ = run("import-excel", "--template", str(template))
    assert code == 0
    assert f"Đã ghi tệp mẫu: {template}" in out
    wb = load_workbook(template)
    ws = wb.worksheets[0]
    ws["I4"] = None  # no branch on the row: --branch places it
    ws["R3"] = "Mã nội bộ"  # «Ghi chú» renamed: mapped by hand to the card number
    ws["R4"] = "TH-0001"
    wb.save(template)
    code, out, _ = run(
        "import-excel", str(template), "--branch", "DR.02", "--map", "Mã nội bộ=card_no"
    )
    assert code == 0, out
    assert "Mã nội bộ → card_no" in out
    assert "Đã nhập 1 đảng viên" in out
    code, out, err = run("import-excel", str(template), "--map", "Mã nội bộ=the_dang")
    assert code == 1
    assert "Không có trường «the_dang»" in err
    code, out, err = run("import-excel", str(template), "--map", "Mã nội bộ")
    assert code == 1
    assert "phải viết dạng" in err


def test_refused_file_exits_1(run, db_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "khong phai excel.xlsx"
    bad.write_bytes(b"not a zip")
    code, _out, err = run("import-excel", str(bad))
    assert code == 1
    assert "Không đọc được tệp «khong phai excel.xlsx»" in err
    code, _out, err = run("import-excel")
    assert code == 1
    assert "FILE" in err
