"""Quyết định công nhận đảng viên chính thức: rendered and read back."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

from partydesk.documents.pdf.forms.recognition_decision import RecognitionDecision, render
from partydesk.documents.pdf.frame import Header, Signature
from tests.pdf_helpers import assert_pdf_basics, page_count, pdf_lines


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_recognition_decision(tmp_path: Path):
    path = tmp_path / "cn.pdf"
    data = RecognitionDecision(
        header=Header(
            nfd("Đảng bộ tỉnh Lâm Đồng"),
            nfd("Đảng ủy xã Đam Rông"),
            nfd("Số 131-QĐ/ĐU"),
            nfd("Đam Rông"),
            date(2026, 1, 9),
        ),
        signature=Signature(nfd("T/M Ban thường vụ"), nfd("Bí thư"), nfd("Trần Đức Lượng")),
        full_name=nfd("Hoàng Thị Thu Hường"),
        birth_date=date(1990, 11, 30),
        hometown=nfd("xã Phi Liêng, tỉnh Lâm Đồng"),
        branch=nfd("Chi bộ Thôn 2"),
        admitted_on=date(2024, 12, 22),
        official_on=date(2025, 12, 22),
    )
    render(data, path)
    lines = pdf_lines(path)
    text = " ".join(lines)
    assert lines[0] == "ĐẢNG BỘ TỈNH LÂM ĐỒNG ĐẢNG CỘNG SẢN VIỆT NAM"
    assert lines[1] == "ĐẢNG ỦY XÃ ĐAM RÔNG"
    assert lines[3] == "Số 131-QĐ/ĐU Đam Rông, ngày 09 tháng 01 năm 2026"
    assert "QUYẾT ĐỊNH" in lines
    assert "Về việc công nhận đảng viên chính thức" in lines
    assert "BAN THƯỜNG VỤ ĐẢNG ỦY XÃ ĐAM RÔNG" in lines
    assert "- Xét đề nghị của Chi bộ Thôn 2," in lines
    assert (
        "Điều 1. Công nhận đồng chí Hoàng Thị Thu Hường, sinh ngày 30/11/1990, quê quán xã "
        "Phi Liêng, tỉnh Lâm Đồng, kết nạp vào Đảng ngày 22/12/2024, là đảng viên chính thức "
        "từ ngày 22/12/2025 (ngày hết 12 tháng dự bị)." in text
    )
    assert "Điều 2. Chi bộ Thôn 2 và đồng chí Hoàng Thị Thu Hường chịu trách nhiệm" in text
    assert "- Như Điều 2, BÍ THƯ" in lines
    assert lines[-1] == "Trần Đức Lượng"
    assert unicodedata.is_normalized("NFC", text)
    assert page_count(path) == 1
    assert_pdf_basics(path)
