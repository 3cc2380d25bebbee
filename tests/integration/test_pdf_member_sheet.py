"""Phiếu đảng viên: the member sheet with and without a photo, read back."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import unicodedata
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from partydesk.documents.pdf.forms import member_sheet
from partydesk.documents.pdf.forms.member_sheet import MemberSheet, render
from partydesk.documents.pdf.frame import Header, Signature
from tests.pdf_helpers import assert_pdf_basics, no_leftovers, page_count, pdf_info, pdf_text

NAME = "Nguyễn Thị Ngọc Ánh"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def photo_bytes(kind: str = "JPEG") -> bytes:
    image = Image.new("RGB", (354, 472), (200, 215, 235))
    buffer = BytesIO()
    image.save(buffer, kind)
    return buffer.getvalue()


def sheet(**changes: object) -> MemberSheet:
    base = MemberSheet(
        header=Header(
            "Đảng bộ tỉnh Lâm Đồng", "Đảng ủy xã Đam Rông", "", "Đam Rông", date(2026, 1, 9)
        ),
        signature=Signature("T/M Ban Thường vụ", "Bí thư", "Trần Văn Hùng"),
        full_name=nfd(NAME),
        card_number="01234567",
        biography_number="012345-LĐ",
        other_names=nfd("Ánh Ngọc"),
        sex="Nữ",
        birth_date=date(1990, 3, 7),
        birthplace="Xã Đạ Tông, huyện Đam Rông, tỉnh Lâm Đồng",
        hometown="Xã Nghĩa Hưng, tỉnh Ninh Bình",
        residence="Thôn 2, xã Đam Rông, tỉnh Lâm Đồng",
        ethnicity="Kinh",
        religion="Không",
        cccd="068190001234",
        occupation="Giáo viên",
        general_education="12/12",
        qualification="Cử nhân Sư phạm Toán",
        theory="Trung cấp",
        foreign_language="Tiếng Anh B1",
        it_level="Cơ bản",
        youth_union_on=date(2005, 3, 26),
        admitted_on=date(2015, 5, 19),
        admitted_at="Chi bộ Giáo viên",
        official_on=date(2016, 5, 19),
        introducers=("Lê Văn Tám", "Phạm Thị Hoa"),
        branch="Chi bộ Giáo viên, Đảng bộ Trường THPT Đam Rông",
        position="Tổ trưởng chuyên môn",
        photo=photo_bytes(),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def image_count(path: Path) -> int:
    exe = shutil.which("pdfimages")
    if exe is None:
        pytest.skip("pdfimages (poppler-utils) is not installed")
    out = subprocess.run(
        [exe, "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return len(out.splitlines()) - 2


def test_sheet_reads_back_with_header_numbers_and_fields(tmp_path: Path):
    path = tmp_path / "sheet.pdf"
    render(sheet(), path)

    assert_pdf_basics(path)
    assert page_count(path) == 1
    text = pdf_text(path)
    flat = " ".join(text.split())
    assert unicodedata.is_normalized("NFC", text)
    assert "ĐẢNG BỘ TỈNH LÂM ĐỒNG" in flat
    assert "ĐẢNG ỦY XÃ ĐAM RÔNG" in flat
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in flat
    assert "Đam Rông, ngày 09 tháng 01 năm 2026" in flat
    assert "PHIẾU ĐẢNG VIÊN" in flat
    assert "Số lý lịch: 012345-LĐ" in flat
    assert "Số thẻ đảng viên: 01234567" in flat
    # NFD input, NFC-exact output.
    assert f"1. Họ và tên đang dùng: {NAME.upper()}" in flat
    assert "2. Tên gọi khác: Ánh Ngọc" in flat
    assert "3. Giới tính: Nữ" in flat
    assert "4. Sinh ngày: 07/03/1990" in flat
    assert "9. Dân tộc: Kinh; tôn giáo: Không" in flat
    assert "giáo dục phổ thông: 12/12" in flat
    assert "Lý luận chính trị: Trung cấp" in flat
    assert "ngoại ngữ: Tiếng Anh B1" in flat
    assert "15. Ngày vào Đảng: 19/05/2015, tại: Chi bộ Giáo viên" in flat
    assert "16. Ngày chính thức: 19/05/2016" in flat
    assert "17. Người giới thiệu: 1. Lê Văn Tám; 2. Phạm Thị Hoa" in flat
    assert "T/M BAN THƯỜNG VỤ" in flat
    assert "Trần Văn Hùng" in flat
    assert "Ảnh 3×4" not in flat
    assert NAME in pdf_info(path)["Title"]


@pytest.mark.parametrize("kind", ["JPEG", "PNG"])
def test_photo_is_embedded(tmp_path: Path, kind: str):
    path = tmp_path / "photo.pdf"
    render(sheet(photo=photo_bytes(kind)), path)

    assert image_count(path) >= 1


def test_without_photo_an_empty_frame_is_printed(tmp_path: Path):
    path = tmp_path / "nophoto.pdf"
    render(sheet(photo=None, other_names="", temporary_residence=""), path)

    assert_pdf_basics(path)
    flat = " ".join(pdf_text(path).split())
    assert "Ảnh 3×4" in flat
    assert "2. Tên gọi khác: ………" in flat
    assert image_count(path) == 0


def test_unreadable_photo_is_refused_and_nothing_is_written(tmp_path: Path):
    with pytest.raises(ValueError, match="photo"):
        render(sheet(photo=b"not an image"), tmp_path / "sheet.pdf")
    assert no_leftovers(tmp_path, set())


def test_a_failing_render_leaves_no_file_and_no_temporary(tmp_path: Path, monkeypatch):
    def broken(self, *args, **kwargs):
        raise RuntimeError("printer jam")

    monkeypatch.setattr(member_sheet._PhotoFrame, "draw", broken)
    with pytest.raises(RuntimeError, match="printer jam"):
        render(sheet(), tmp_path / "sheet.pdf")

    assert no_leftovers(tmp_path, set())
