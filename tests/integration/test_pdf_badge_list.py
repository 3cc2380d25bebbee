"""Danh sách đề nghị tặng Huy hiệu Đảng: landscape, repeated heads, many pages."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

from partydesk.documents.pdf.forms.badge_list import BadgeProposalList, BadgeRow, render
from partydesk.documents.pdf.frame import Header, Signature
from tests.pdf_helpers import A4_LANDSCAPE, assert_pdf_basics, page_count, pdf_lines, pdf_text


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def rows(count: int) -> tuple[BadgeRow, ...]:
    thresholds = (50, 45, 40)
    return tuple(
        BadgeRow(
            full_name=nfd(f"Nguyễn Văn Thành {i:03d}"),
            birth_year=1950 + i % 10,
            hometown=nfd("xã Đạ Tông, huyện Đam Rông, tỉnh Lâm Đồng"),
            branch=nfd("Chi bộ Thôn Liêng Trang"),
            admitted_on=date(1976 + i % 3, 5, 3),
            official_on=date(1977 + i % 3, 5, 3),
            party_age_years=thresholds[i % 3],
            threshold=thresholds[i % 3],
            note="",
        )
        for i in range(count)
    )


def proposal(count: int) -> BadgeProposalList:
    return BadgeProposalList(
        header=Header(
            nfd("Đảng bộ tỉnh Lâm Đồng"),
            nfd("Đảng ủy xã Đam Rông"),
            "Số 45-DS/ĐU",
            "Đam Rông",
            date(2026, 12, 1),
        ),
        signature=Signature("T/M Ban thường vụ", "Bí thư", nfd("Trần Đức Lượng")),
        occasion="03/02/2027",
        rows=rows(count),
    )


def test_badge_list_many_pages(tmp_path: Path):
    path = tmp_path / "hh.pdf"
    render(proposal(60), path)
    lines = pdf_lines(path)
    text = pdf_text(path)
    assert lines[0] == "ĐẢNG BỘ TỈNH LÂM ĐỒNG ĐẢNG CỘNG SẢN VIỆT NAM"
    assert lines[3] == "Số 45-DS/ĐU Đam Rông, ngày 01 tháng 12 năm 2026"
    assert "DANH SÁCH" in lines
    assert "đề nghị tặng Huy hiệu 40, 45, 50 năm tuổi Đảng, đợt 03/02/2027" in lines
    assert "Huy hiệu 40 năm tuổi Đảng: 20 đồng chí" in lines
    assert "Huy hiệu 50 năm tuổi Đảng: 20 đồng chí" in lines
    for i in range(60):
        assert f"Nguyễn Văn Thành {i:03d}" in text
    assert "Tổng số: 60 đồng chí." in lines
    pages = page_count(path)
    assert pages >= 3
    # The column head is printed again on every page.
    page_texts = text.split("\f")
    assert sum("Họ và tên" in page for page in page_texts) == pages
    assert unicodedata.is_normalized("NFC", text)
    assert_pdf_basics(path, size=A4_LANDSCAPE)


def test_single_badge_has_no_sections(tmp_path: Path):
    path = tmp_path / "hh.pdf"
    data = proposal(1)
    render(data, path)
    lines = pdf_lines(path)
    assert "đề nghị tặng Huy hiệu 50 năm tuổi Đảng, đợt 03/02/2027" in lines
    assert not any(line.startswith("Huy hiệu 50 năm tuổi Đảng:") for line in lines)
    assert page_count(path) == 1
    assert_pdf_basics(path, size=A4_LANDSCAPE)
