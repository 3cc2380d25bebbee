"""Giấy giới thiệu sinh hoạt đảng: official, temporary and internal letters read back."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from partydesk.documents.pdf.forms import transfer_letter
from partydesk.documents.pdf.forms.transfer_letter import TransferLetter, render
from partydesk.documents.pdf.frame import Header, Margins, Signature
from tests.pdf_helpers import (
    assert_pdf_basics,
    no_leftovers,
    page_count,
    pdf_info,
    pdf_lines,
    pdf_text,
)

NAME = "Nguyễn Thị Ngọc Ánh"
HOPS = (
    "Chi bộ Giáo viên",
    "Đảng ủy Trường THPT Đam Rông",
    "Đảng ủy xã Đam Rông",
    "Ban Tổ chức Tỉnh ủy Lâm Đồng",
    "Đảng ủy phường Xuân Hương",
    "Chi bộ Trường THCS Nguyễn Du",
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def letter(kind: str = "chinh_thuc", **changes: object) -> TransferLetter:
    base = TransferLetter(
        kind=kind,
        header=Header(
            superior="Đảng bộ tỉnh Lâm Đồng",
            issuer="Đảng ủy xã Đam Rông",
            number="Số 15-GT/ĐU",
            place="Đam Rông",
            on=date(2026, 2, 5),
        ),
        signature=Signature("T/M Ban Thường vụ", "Phó Bí thư", "Trần Thị Bích"),
        to_text="Đảng ủy phường Xuân Hương",
        member_name=nfd(NAME),
        birth_date=date(1990, 3, 7),
        probationary=False,
        admitted_on=date(2015, 5, 19),
        official_on=date(2016, 5, 19),
        card_number="01234567",
        biography_number="012345-LĐ",
        list_number="27",
        destination="Chi bộ Trường THCS Nguyễn Du",
        hops=HOPS,
        dues_paid_through="2026-01",
        period_from=date(2026, 3, 1),
        period_until=date(2026, 12, 31),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        ("chinh_thuc", "GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG CHÍNH THỨC"),
        ("tam_thoi", "GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG TẠM THỜI"),
        ("noi_bo", "GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG NỘI BỘ"),
    ],
)
def test_letter_reads_back_with_header_title_and_particulars(tmp_path: Path, kind, title):
    path = tmp_path / f"{kind}.pdf"
    render(letter(kind), path)

    assert_pdf_basics(path)
    lines = pdf_lines(path)
    text = "\n".join(lines)
    assert "ĐẢNG BỘ TỈNH LÂM ĐỒNG" in text
    assert "ĐẢNG ỦY XÃ ĐAM RÔNG" in text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert any("Số 15-GT/ĐU" in line for line in lines)
    # 36-HD/VPTW: day 5 and month 2 are zero-padded.
    assert any("Đam Rông, ngày 05 tháng 02 năm 2026" in line for line in lines)
    assert title in text
    assert "Kính gửi: Đảng ủy phường Xuân Hương" in text
    # The name went in decomposed and comes out composed, exactly.
    assert f"Giới thiệu đồng chí: {NAME}, sinh ngày 07/03/1990," in text
    assert unicodedata.is_normalized("NFC", text)
    assert "đã đóng đảng phí đến hết tháng 1 năm 2026" in text
    assert "Chi bộ Trường THCS Nguyễn Du" in text
    # Valid 30 days from 05/02/2026.
    assert "Giấy có giá trị đến hết ngày 07/03/2026 (30 ngày)." in text
    assert "T/M BAN THƯỜNG VỤ" in text
    assert "PHÓ BÍ THƯ" in text
    assert "Trần Thị Bích" in text
    info = pdf_info(path)
    assert info["Author"] == "partydesk"
    assert title in info["Title"]


def test_official_letter_has_ten_boxes_with_the_hops_pre_printed(tmp_path: Path):
    path = tmp_path / "official.pdf"
    render(letter(), path)

    text = pdf_text(path)
    assert page_count(path) == 2
    assert "là đảng viên chính thức, vào Đảng ngày 19/05/2015, chính thức ngày 19/05/2016," in (
        " ".join(text.split())
    )
    assert "số thẻ đảng viên 01234567, số lý lịch 012345-LĐ, số danh sách (SĐV) 27," in " ".join(
        text.split()
    )
    for number in range(2, 11):
        assert f"({number})" in text
    assert "(11)" not in text
    # Box 2 is the first hop; capitals as pre-printed; long names may wrap in the box.
    flat = " ".join(text.split())
    assert "CHI BỘ GIÁO VIÊN" in flat
    assert "BAN TỔ CHỨC TỈNH ỦY" in flat
    assert text.count("Kính chuyển:") == 9
    assert text.count("(Ký tên, đóng dấu)") == 9


def test_temporary_letter_has_eight_boxes_and_the_period(tmp_path: Path):
    path = tmp_path / "temporary.pdf"
    render(letter("tam_thoi"), path)

    text = pdf_text(path)
    flat = " ".join(text.split())
    assert "(8)" in text
    assert "(9)" not in text
    assert text.count("Kính chuyển:") == 7
    assert "đến sinh hoạt đảng tạm thời tại Chi bộ Trường THCS Nguyễn Du." in flat
    assert "từ ngày 01/03/2026 đến ngày 31/12/2026" in flat


def test_internal_letter_is_the_short_form_with_a_receipt(tmp_path: Path):
    path = tmp_path / "internal.pdf"
    render(letter("noi_bo"), path)

    text = pdf_text(path)
    assert page_count(path) == 1
    assert "Kính chuyển:" not in text
    assert "Đã tiếp nhận đồng chí có tên trong giấy" in text
    assert "CHI BỘ GIÁO VIÊN" in text
    assert "vào Đảng ngày" not in text


def test_a_longer_chain_gets_more_boxes_instead_of_losing_hops(tmp_path: Path):
    hops = tuple(f"Cấp ủy số {index}" for index in range(1, 12))
    path = tmp_path / "long.pdf"
    render(letter(hops=hops), path)

    text = pdf_text(path)
    assert "(12)" in text
    assert "CẤP ỦY SỐ 11" in text
    assert_pdf_basics(path)


def test_probationary_member_and_blank_fields_print_dotted_lines(tmp_path: Path):
    path = tmp_path / "blank.pdf"
    render(
        letter(
            probationary=True,
            official_on=None,
            dues_paid_through="",
            list_number="",
            hops=(),
            header=Header(
                "Đảng bộ tỉnh Lâm Đồng", "Đảng ủy xã Đam Rông", "Số   -GT/ĐU", "Đam Rông", None
            ),
            valid_until=None,
        ),
        path,
    )
    flat = " ".join(pdf_text(path).split())
    assert "là đảng viên dự bị, vào Đảng ngày 19/05/2015, chính thức ngày ……/……/………," in flat
    assert "đã đóng đảng phí đến hết tháng …… năm ………" in flat
    assert "Giấy có giá trị đến hết ngày ……/……/……… (30 ngày)." in flat
    assert "ngày tháng năm 20" in flat
    assert_pdf_basics(path)


def test_wider_margins_are_respected(tmp_path: Path):
    margins = Margins(top=25, bottom=25, left=35, right=20)
    path = tmp_path / "margins.pdf"
    render(letter(), path, margins)

    assert_pdf_basics(path, margins=(25, 25, 35, 20))


def test_register_serial_is_printed_when_given(tmp_path: Path):
    path = tmp_path / "serial.pdf"
    render(letter(letter_serial="GT-2026/0042"), path)

    assert "số GTSHĐ GT-2026/0042" in " ".join(pdf_text(path).split())


def test_bad_input_is_refused_before_any_file_is_written(tmp_path: Path):
    with pytest.raises(ValueError, match="YYYY-MM"):
        render(letter(dues_paid_through="01/2026"), tmp_path / "bad.pdf")
    with pytest.raises(ValueError, match="unknown transfer kind"):
        render(letter("abroad"), tmp_path / "bad.pdf")
    assert no_leftovers(tmp_path, set())


def test_a_failing_render_leaves_no_file_and_no_temporary(tmp_path: Path, monkeypatch):
    target = tmp_path / "letter.pdf"
    target.write_bytes(b"old letter")

    def broken(self, *args, **kwargs):
        raise RuntimeError("disk on fire")

    # Fails halfway through drawing, after the temporary file exists.
    monkeypatch.setattr(transfer_letter._BoxRow, "draw", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        render(letter(), target)

    assert no_leftovers(tmp_path, {"letter.pdf"})
    assert target.read_bytes() == b"old letter"
