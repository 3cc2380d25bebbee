"""Quyết định kết nạp đảng viên: rendered, read back, checked against 36-HD/VPTW."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from partydesk.documents.pdf.forms.admission_decision import AdmissionDecision, render
from partydesk.documents.pdf.frame import Header, Margins, Signature
from tests.pdf_helpers import assert_pdf_basics, no_leftovers, page_count, pdf_info, pdf_lines


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def decision() -> AdmissionDecision:
    """An admission decision whose every string arrives decomposed (NFD)."""
    return AdmissionDecision(
        header=Header(
            nfd("Đảng bộ tỉnh Lâm Đồng"),
            nfd("Đảng ủy xã Đam Rông"),
            nfd("Số 127-QĐ/ĐU"),
            nfd("Đam Rông"),
            date(2026, 2, 5),
        ),
        signature=Signature(nfd("T/M Ban thường vụ"), nfd("Phó bí thư"), nfd("Trần Đức Lượng")),
        full_name=nfd("Nguyễn Thị Ánh"),
        birth_date=date(1998, 3, 7),
        hometown=nfd("xã Đạ Tông, huyện Đam Rông, tỉnh Lâm Đồng"),
        branch=nfd("Chi bộ Trường THCS Đam Rông"),
        proposers=(nfd("Đảng ủy Trường THPT Đam Rông"),),
        executors=(nfd("Văn phòng Đảng ủy"), nfd("Ban Xây dựng Đảng")),
        form_code=nfd("Mẫu 9-KNĐ"),
    )


def test_admission_decision_text(tmp_path: Path):
    path = tmp_path / "qd.pdf"
    render(decision(), path)
    lines = pdf_lines(path)
    text = " ".join(lines)
    assert lines[0] == "Mẫu 9-KNĐ"
    assert lines[1] == "ĐẢNG BỘ TỈNH LÂM ĐỒNG ĐẢNG CỘNG SẢN VIỆT NAM"
    assert lines[2] == "ĐẢNG ỦY XÃ ĐAM RÔNG"
    assert lines[3] == "*"
    # 36-HD/VPTW: day and month 02 zero-padded.
    assert lines[4] == "Số 127-QĐ/ĐU Đam Rông, ngày 05 tháng 02 năm 2026"
    assert "QUYẾT ĐỊNH" in lines
    assert "Về việc kết nạp đảng viên" in lines
    assert "BAN THƯỜNG VỤ ĐẢNG ỦY XÃ ĐAM RÔNG" in lines
    assert "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;" in lines
    assert "- Căn cứ Quy định thi hành Điều lệ Đảng;" in lines
    assert (
        "- Xét đề nghị của Chi bộ Trường THCS Đam Rông và của Đảng ủy Trường THPT Đam Rông," in text
    )
    assert lines.count("QUYẾT ĐỊNH") == 2
    assert (
        "Điều 1. Kết nạp quần chúng Nguyễn Thị Ánh, sinh ngày 07/3/1998, quê quán xã Đạ Tông, "
        "huyện Đam Rông, tỉnh Lâm Đồng, vào Đảng Cộng sản Việt Nam." in text
    )
    assert "Điều 2. Chi bộ Trường THCS Đam Rông có trách nhiệm tổ chức lễ kết nạp" in text
    assert "Điều 3. Văn phòng Đảng ủy, Ban Xây dựng Đảng, Chi bộ Trường THCS" in text
    assert "Nơi nhận: T/M BAN THƯỜNG VỤ" in lines
    assert "- Như Điều 3, PHÓ BÍ THƯ" in lines
    assert lines[-1] == "Trần Đức Lượng"
    # Names exactly NFC, never decomposed, whatever the input was.
    assert unicodedata.is_normalized("NFC", text)
    assert "Nguyễn Thị Ánh" in text
    assert page_count(path) == 1
    assert pdf_info(path)["Title"] == "Quyết định kết nạp đảng viên Nguyễn Thị Ánh"
    assert_pdf_basics(path)


def test_defaults_and_blank_birth_date(tmp_path: Path):
    path = tmp_path / "qd.pdf"
    data = replace(
        decision(),
        birth_date=None,
        proposers=(),
        executors=(),
        form_code="",
        authority="Ban Thường vụ Đảng ủy Khối",
        header=replace(decision().header, on=date(2026, 12, 20)),
    )
    render(data, path)
    lines = pdf_lines(path)
    text = " ".join(lines)
    assert lines[0] == "ĐẢNG BỘ TỈNH LÂM ĐỒNG ĐẢNG CỘNG SẢN VIỆT NAM"
    assert lines[3] == "Số 127-QĐ/ĐU Đam Rông, ngày 20 tháng 12 năm 2026"
    assert "BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI" in lines
    assert "- Xét đề nghị của Chi bộ Trường THCS Đam Rông," in lines
    assert "sinh ngày ……/……/………" in text
    assert "Điều 3. Chi bộ Trường THCS Đam Rông và quần chúng Nguyễn Thị Ánh" in text
    assert_pdf_basics(path)


def test_margins_are_settings(tmp_path: Path):
    path = tmp_path / "qd.pdf"
    render(decision(), path, Margins(top=30, bottom=30, left=35, right=20))
    assert_pdf_basics(path, margins=(30, 30, 35, 20))


def test_escapes_markup_in_data(tmp_path: Path):
    path = tmp_path / "qd.pdf"
    render(replace(decision(), hometown="Thôn <1> & 2"), path)
    assert "quê quán Thôn <1> & 2, vào Đảng" in " ".join(pdf_lines(path))


def test_failed_render_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from partydesk.documents.pdf import frame

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(frame.BaseDocTemplate, "build", broken)
    with pytest.raises(OSError, match="disk full"):
        render(decision(), tmp_path / "qd.pdf")
    assert no_leftovers(tmp_path, set())
