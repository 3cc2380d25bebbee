"""Pre-filled branch resolution drafts (6-KNĐ admission, 13-KNĐ recognition)."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest

from partydesk.documents.pdf.forms.branch_resolution import (
    AdmissionResolutionDraft,
    RecognitionResolutionDraft,
    render,
    render_admission,
    render_recognition,
)
from partydesk.documents.pdf.frame import Header, Signature
from tests.pdf_helpers import assert_pdf_basics, pdf_lines


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


HEADER = Header(
    nfd("Đảng bộ Trường THPT Đam Rông"),
    nfd("Chi bộ Tổ Toán - Tin"),
    nfd("Số      -NQ/CB"),
    nfd("Đam Rông"),
    None,
)
SIGNATURE = Signature(nfd("T/M Chi bộ"), nfd("Bí thư"), nfd("Lê Văn Hùng"))


def admission() -> AdmissionResolutionDraft:
    return AdmissionResolutionDraft(
        header=HEADER,
        signature=SIGNATURE,
        branch=nfd("Chi bộ Tổ Toán - Tin"),
        full_name=nfd("Nguyễn Thị Ánh"),
        birth_date=date(1998, 3, 7),
        hometown=nfd("xã Đạ Tông, tỉnh Lâm Đồng"),
        introducers=(nfd("Phạm Văn Minh"), nfd("Hoàng Thị Lan")),
        members_total=12,
        members_official=11,
        members_probationary=1,
        form_code="Mẫu 6-KNĐ",
    )


def recognition() -> RecognitionResolutionDraft:
    return RecognitionResolutionDraft(
        header=HEADER,
        signature=SIGNATURE,
        branch=nfd("Chi bộ Tổ Toán - Tin"),
        full_name=nfd("Nguyễn Thị Ánh"),
        birth_date=date(1998, 3, 7),
        hometown=nfd("xã Đạ Tông, tỉnh Lâm Đồng"),
        admitted_on=date(2025, 1, 10),
        official_on=date(2026, 1, 10),
        mentors=(nfd("Phạm Văn Minh"),),
    )


def test_admission_draft(tmp_path: Path):
    path = tmp_path / "nq6.pdf"
    render_admission(admission(), path)
    lines = pdf_lines(path)
    text = " ".join(lines)
    assert lines[0] == "Mẫu 6-KNĐ"
    assert lines[1].startswith("ĐẢNG BỘ TRƯỜNG THPT ĐAM")
    assert "CHI BỘ TỔ TOÁN - TIN" in lines
    # The draft's number and date are left blank for the meeting.
    assert "Số -NQ/CB Đam Rông, ngày tháng năm 20" in lines
    assert "NGHỊ QUYẾT" in lines
    assert "Đề nghị kết nạp đảng viên" in lines
    assert "Ngày …… tháng …… năm 20……, Chi bộ Tổ Toán - Tin đã họp để xét đề nghị kết nạp" in text
    assert "quần chúng Nguyễn Thị Ánh, sinh ngày 07/3/1998, quê quán xã Đạ Tông" in text
    assert "trong đó chính thức 11 đồng chí, dự bị 1 đồng chí." in text
    assert "Có mặt: …… đồng chí" in text
    assert "giấy giới thiệu của Phạm Văn Minh, Hoàng Thị Lan" in text
    assert "- Ưu điểm:" in text
    assert "tán thành việc kết nạp quần chúng Nguyễn Thị Ánh vào Đảng là ……" in text
    assert "T/M CHI BỘ" in text
    assert lines[-1] == "Lê Văn Hùng"
    assert unicodedata.is_normalized("NFC", text)
    assert_pdf_basics(path)


def test_recognition_draft(tmp_path: Path):
    path = tmp_path / "nq13.pdf"
    render_recognition(recognition(), path)
    lines = pdf_lines(path)
    text = " ".join(lines)
    assert lines[0].startswith("ĐẢNG BỘ TRƯỜNG THPT ĐAM")
    assert "Đề nghị công nhận đảng viên chính thức" in lines
    assert "Tổng số đảng viên của chi bộ: …… đồng chí" in text
    assert "đảng viên dự bị Nguyễn Thị Ánh, sinh ngày 07/3/1998" in text
    assert "kết nạp vào Đảng ngày 10/01/2025" in text
    assert "(Phạm Văn Minh)" in text
    assert (
        "công nhận đồng chí Nguyễn Thị Ánh là đảng viên chính thức từ ngày 10/01/2026 "
        "(ngày hết 12 tháng dự bị)." in text
    )
    assert lines[-1] == "Lê Văn Hùng"
    assert_pdf_basics(path)


def test_render_dispatches_on_type(tmp_path: Path):
    render(admission(), tmp_path / "a.pdf")
    render(recognition(), tmp_path / "r.pdf")
    assert "Đề nghị kết nạp đảng viên" in pdf_lines(tmp_path / "a.pdf")
    assert "Đề nghị công nhận đảng viên chính thức" in pdf_lines(tmp_path / "r.pdf")
    with pytest.raises(TypeError):
        render("x", tmp_path / "x.pdf")  # type: ignore[arg-type]
    assert not (tmp_path / "x.pdf").exists()
