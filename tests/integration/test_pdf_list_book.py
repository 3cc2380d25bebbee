"""Sổ danh sách đảng viên: A4 landscape, 14 columns, header on every page, many pages."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from partydesk.documents.pdf.forms import list_book
from partydesk.documents.pdf.forms.list_book import COLUMNS, ListBook, ListBookRow, render
from partydesk.documents.pdf.frame import Header, Margins
from tests.pdf_helpers import (
    A4_LANDSCAPE,
    assert_pdf_basics,
    no_leftovers,
    page_count,
    pdf_info,
    pdf_text,
    pdf_words,
)

HEADER = Header("Đảng bộ tỉnh Lâm Đồng", "Đảng ủy xã Đam Rông", "", "Đam Rông", date(2026, 2, 3))
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng", "Bùi", "K'")
GIVEN = ("Văn An", "Thị Bích", "Ngọc Ánh", "Đức Thắng", "Thị Hồng Nhung", "Quang Vinh")


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def row(number: int) -> ListBookRow:
    moved = number % 37 == 0
    return ListBookRow(
        number=number,
        full_name=nfd(f"{FAMILY[number % len(FAMILY)]} {GIVEN[number % len(GIVEN)]}"),
        sex="Nữ" if number % 2 else "Nam",
        ethnicity="Kinh" if number % 3 else "Cơ Ho",
        religion="Không",
        hometown="Xã Đạ Tông, huyện Đam Rông, tỉnh Lâm Đồng",
        general_education="12/12",
        theory="Trung cấp",
        qualification="Cử nhân Sư phạm",
        foreign_language="Tiếng Anh B1",
        occupation_before="Nông dân",
        occupation_now="Cán bộ xã",
        admitted_on=date(2000 + number % 25, 5, 19),
        official_on=date(2001 + number % 25, 5, 19),
        card_number=f"{10000000 + number}",
        biography_number=f"{number:06d}-LĐ",
        badge="30 năm" if number % 11 == 0 else "",
        service="Nghỉ hưu" if number % 7 == 0 else "",
        transferred_out_on=date(2026, 3, 2) if moved else None,
        transferred_out_to="Đảng ủy phường Xuân Hương" if moved else "",
        note="Miễn sinh hoạt" if number % 50 == 0 else "",
    )


def book(count: int) -> ListBook:
    return ListBook(header=HEADER, rows=tuple(row(n) for n in range(1, count + 1)))


def test_fourteen_columns_as_in_the_book():
    assert len(COLUMNS) == 14


def test_short_book_reads_back(tmp_path: Path):
    path = tmp_path / "book.pdf"
    render(book(5), path)

    assert_pdf_basics(path, size=A4_LANDSCAPE)
    text = pdf_text(path)
    flat = " ".join(text.split())
    assert unicodedata.is_normalized("NFC", text)
    assert "ĐẢNG BỘ TỈNH LÂM ĐỒNG" in flat
    assert "ĐẢNG ỦY XÃ ĐAM RÔNG" in flat
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in flat
    assert "Đam Rông, ngày 03 tháng 02 năm 2026" in flat
    assert "SỔ DANH SÁCH ĐẢNG VIÊN" in flat
    assert "Đảng ủy xã Đam Rông — tổng số 5 đảng viên" in flat
    assert "(14)" in flat
    for number in range(1, 6):
        name = unicodedata.normalize("NFC", row(number).full_name)
        assert name in text
        assert f"{number:06d}-LĐ" in text
    assert "19/05/2001" in text
    info = pdf_info(path)
    assert "SỔ DANH SÁCH ĐẢNG VIÊN" in info["Title"]
    assert info["Author"] == "partydesk"


def test_many_rows_make_many_pages_with_the_header_repeated(tmp_path: Path):
    path = tmp_path / "book.pdf"
    render(book(600), path)

    pages = page_count(path)
    assert pages > 20
    assert_pdf_basics(path, size=A4_LANDSCAPE)
    page_texts = pdf_text(path).split("\f")
    page_texts = [page for page in page_texts if page.strip()]
    assert len(page_texts) == pages
    for page in page_texts:
        assert "Họ và tên" in page
        assert "Ghi chú" in page
        assert "(14)" in page
    # Page numbers from the second page on (36-HD/VPTW), at the top.
    for number, page in enumerate(page_texts[1:], start=2):
        first_line = next(line for line in page.splitlines() if line.strip())
        assert first_line.strip() == str(number)
    # Every row exactly once, in order, none lost at a page break.
    _, words = pdf_words(path)
    numbers = [int(w.text[:6]) for w in words if re.fullmatch(r"\d{6}-LĐ", w.text)]
    assert numbers == list(range(1, 601))
    # Transfers out (every 37th member) fill column 10.
    assert pdf_text(path).count("02/03/2026") == 600 // 37


def test_thousand_rows_render(tmp_path: Path):
    path = tmp_path / "book.pdf"
    render(book(1000), path)

    assert page_count(path) > 50


def test_wider_margins_are_respected(tmp_path: Path):
    path = tmp_path / "book.pdf"
    render(book(40), path, Margins(top=25, bottom=25, left=35, right=20))

    assert_pdf_basics(path, size=A4_LANDSCAPE, margins=(25, 25, 35, 20))


def test_empty_book_still_prints_the_header_row(tmp_path: Path):
    path = tmp_path / "empty.pdf"
    render(ListBook(header=HEADER, rows=()), path)

    flat = " ".join(pdf_text(path).split())
    assert "tổng số 0 đảng viên" in flat
    assert "Họ và tên" in flat
    assert page_count(path) == 1


def test_a_very_long_cell_is_cut_so_a_row_always_fits_a_page(tmp_path: Path):
    path = tmp_path / "long.pdf"
    long_note = " ".join(["ghi chú rất dài"] * 400)
    rows = (ListBookRow(number=1, full_name="Lê Văn A", note=long_note), row(2))
    render(ListBook(header=HEADER, rows=rows), path)

    assert_pdf_basics(path, size=A4_LANDSCAPE)


def test_a_failing_render_leaves_no_file_and_no_temporary(tmp_path: Path, monkeypatch):
    def broken(self, *args, **kwargs):
        raise RuntimeError("out of paper")

    monkeypatch.setattr(list_book._BookTable, "draw", broken)
    with pytest.raises(RuntimeError, match="out of paper"):
        render(book(30), tmp_path / "book.pdf")

    assert no_leftovers(tmp_path, set())
