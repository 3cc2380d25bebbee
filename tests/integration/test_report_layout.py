"""Report layouts as data: the shipped layout loads, broken files say what is wrong, the
writer marks an unbalanced row in red (plain data in, workbook read back)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from partydesk.documents.excel.report_layout import (
    LayoutError,
    layout_names,
    load_layout,
    read_layout,
)
from partydesk.documents.excel.report_writer import (
    BreakdownLine,
    ReportData,
    ReportTable,
    date_line,
    write_report,
)


def test_the_shipped_layout_loads() -> None:
    assert "thong_ke_dang_vien" in layout_names()
    layout = load_layout()
    assert [s.name for s in layout.sheets] == ["Tổng hợp", "Cân đối"]
    assert layout.uncertain
    assert {c.group for c in layout.sheets[0].charts} == {"age", "admissions"}
    with pytest.raises(LayoutError, match="khong_co"):
        load_layout("khong_co")


@pytest.mark.parametrize(
    ("sheet", "message"),
    [
        ({"name": "A", "kind": "figures", "columns": []}, "không có cột"),
        ({"name": "A", "kind": "pivot", "columns": [{"title": "x"}]}, "kind «pivot»"),
        (
            {"name": "A", "kind": "figures", "columns": [{"title": "x"}],
             "groups": [{"id": "g", "title": "G", "rows": [{"label": "x"}]}]},
            "đúng một trong value, breakdown, heading",
        ),
        (
            {"name": "A", "kind": "figures", "columns": [{"title": "x"}],
             "charts": [{"title": "c", "group": "none"}]},
            "không có nhóm «none»",
        ),
        ({"name": "A", "kind": "table", "columns": [{"title": "x"}]}, "cần «table»"),
    ],
)  # fmt: skip
def test_broken_layouts_are_refused(tmp_path: Path, sheet: dict, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"title": "t", "sheets": [sheet]}), encoding="utf-8")
    with pytest.raises(LayoutError, match=message):
        read_layout(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(LayoutError, match="không đọc được"):
        read_layout(path)


def test_date_line_pads_as_the_guidance_says() -> None:
    assert date_line("Đam Rông", date(2026, 2, 5)) == "Đam Rông, ngày 05 tháng 02 năm 2026"
    assert date_line("", date(2026, 12, 31)) == "ngày 31 tháng 12 năm 2026"


def test_an_unbalanced_row_is_marked(tmp_path: Path) -> None:
    layout = load_layout()
    data = ReportData(
        superior="Đảng bộ tỉnh Lâm Đồng",
        issuer="Đảng ủy xã Đam Rông",
        number_symbol="ĐU",
        place="Đam Rông",
        issued_on=date(2026, 6, 30),
        texts={"as_of": "30/06/2026", "scope": "Đảng ủy xã Đam Rông"},
        values={"members.total": 12, "members.women": 3},
        breakdowns={"sex": (BreakdownLine("nam", "Nam", 9), BreakdownLine("nữ", "Nữ", 3))},
        tables={
            "balance": ReportTable(
                rows=(
                    {"code": "DR.01", "name": "Chi bộ 1", "opening": 5, "closing": 7},
                    {"code": "DR", "name": "Tổng cộng", "opening": 10, "closing": 12},
                ),
                flagged=(True, False),
                verdict="KIỂM TRA CÂN ĐỐI: CÓ DÒNG LỆCH",
                verdict_ok=False,
            )
        },
    )
    written = write_report(tmp_path / "r.xlsx", layout, data)
    book = openpyxl.load_workbook(written.path)
    figures = book["Tổng hợp"]
    assert figures[written.cells["Tổng hợp!members.total"]].value == 12
    women = written.cells["Tổng hợp!members.women"]
    assert figures["D" + women[1:]].value == 25.0  # 3 of 12
    assert figures[written.cells["Tổng hợp!sex.nữ"]].value == 3
    balance = book["Cân đối"]
    bad = balance[written.cells["Cân đối!DR.01.closing"]]
    assert bad.font.color.rgb.endswith("B00020")
    assert bad.fill.fgColor.rgb.endswith("F8D7DA")
    good = balance[written.cells["Cân đối!DR.closing"]]
    assert good.fill.fgColor.rgb in ("00000000", None)
    verdict = balance[written.cells["Cân đối!verdict"]]
    assert verdict.value == "KIỂM TRA CÂN ĐỐI: CÓ DÒNG LỆCH"
    assert verdict.font.bold
