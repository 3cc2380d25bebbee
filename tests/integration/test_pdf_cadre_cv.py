"""Sơ yếu lý lịch cán bộ, công chức (Mẫu 2C): dotted items, photo box, tables."""

from __future__ import annotations

import io
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

from PIL import Image

from partydesk.documents.pdf.forms.cadre_cv import (
    CadreCv,
    FamilyRow,
    TrainingRow,
    WorkRow,
    render,
)
from tests.pdf_helpers import assert_pdf_basics, pdf_lines, pdf_text


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def photo() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (240, 360), (70, 110, 190)).save(buffer, "JPEG")
    return buffer.getvalue()


def cv(with_photo: bool = True) -> CadreCv:
    return CadreCv(
        full_name=nfd("Nguyễn Thị Ánh"),
        managing_body=nfd("Ban Thường vụ Đảng ủy xã Đam Rông"),
        using_body=nfd("Ủy ban nhân dân xã Đam Rông"),
        birth_date=date(1985, 3, 5),
        sex=nfd("Nữ"),
        birthplace=nfd("xã Đạ Tông, huyện Đam Rông, tỉnh Lâm Đồng"),
        hometown=nfd("xã Hải Thanh, tỉnh Thanh Hóa"),
        ethnicity="Kinh",
        religion=nfd("Không"),
        current_position=nfd("Phó Chủ tịch Ủy ban nhân dân xã"),
        grade=nfd("Chuyên viên"),
        grade_code="01.003",
        political_theory=nfd("Trung cấp"),
        party_admitted_on=date(2008, 5, 19),
        party_official_on=date(2009, 5, 19),
        training=(
            TrainingRow(
                nfd("Trường Đại học Luật TP. Hồ Chí Minh"),
                "Luật",
                "09/2003 - 06/2007",
                nfd("Chính quy"),
                nfd("Cử nhân"),
            ),
        ),
        work_history=(WorkRow("01/2016 - nay", nfd("Phó Chủ tịch UBND xã Đam Rông")),),
        family=(FamilyRow(nfd("Bố"), nfd("Nguyễn Văn Bình"), 1955, nfd("Hưu trí")),),
        photo=photo() if with_photo else None,
        place=nfd("Đam Rông"),
        on=date(2026, 2, 1),
    )


def test_cadre_cv(tmp_path: Path):
    path = tmp_path / "cv.pdf"
    render(cv(), path)
    lines = pdf_lines(path)
    text = " ".join(lines)
    assert "SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC" in text
    assert "1) Họ và tên khai sinh (viết chữ in hoa): NGUYỄN THỊ ÁNH" in text
    assert "3) Sinh ngày: 05 tháng 03 năm 1985, Giới tính (nam, nữ): Nữ" in text
    assert "6) Dân tộc: Kinh, 7) Tôn giáo: Không" in text
    assert "14) Ngạch công chức (viên chức): Chuyên viên, Mã ngạch: 01.003" in text
    assert "16) Ngày vào Đảng Cộng sản Việt Nam: 19/5/2008, Ngày chính thức: 19/5/2009" in text
    raw = " ".join(pdf_text(path, layout=False).split())
    assert "Trường Đại học Luật TP. Hồ Chí Minh" in raw
    assert "Phó Chủ tịch UBND xã Đam Rông" in text
    assert "Nguyễn Văn Bình" in text
    assert "Đam Rông, ngày 01 tháng 02 năm 2026" in text
    # Unknown items stay as dotted lines.
    assert any(line.startswith("9) Nơi ở hiện nay: ....") for line in lines)
    assert "Ảnh màu" not in text
    assert unicodedata.is_normalized("NFC", text)
    images = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert len(images.splitlines()) == 3  # two heading lines and the photo
    assert_pdf_basics(path)


def test_cadre_cv_without_photo(tmp_path: Path):
    path = tmp_path / "cv.pdf"
    render(cv(with_photo=False), path)
    text = " ".join(pdf_text(path, layout=False).split())
    assert "Ảnh màu (4 x 6 cm)" in text
    assert_pdf_basics(path)
