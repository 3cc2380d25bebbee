"""The shared Party-document frame: date line, header, signature, fonts, margins, writing."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Flowable, Paragraph

from partydesk.documents.pdf.fonts import SERIF, register_fonts
from partydesk.documents.pdf.frame import (
    Header,
    Margins,
    Signature,
    build_pdf,
    content_width,
    date_line,
    esc,
    nfc,
    party_header,
    signature_block,
    styles,
)
from tests.pdf_helpers import (
    A4_LANDSCAPE,
    assert_pdf_basics,
    no_leftovers,
    page_count,
    pdf_info,
    pdf_lines,
)

HEADER = Header(
    superior="Đảng bộ tỉnh Lâm Đồng",
    issuer="Đảng ủy xã Đam Rông",
    number="Số 12-QĐ/ĐU",
    place="Đam Rông",
    on=date(2026, 3, 5),
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2026, 3, 5), "Đam Rông, ngày 05 tháng 3 năm 2026"),
        (date(2026, 2, 15), "Đam Rông, ngày 15 tháng 02 năm 2026"),
        (date(2026, 1, 9), "Đam Rông, ngày 09 tháng 01 năm 2026"),
        (date(2026, 12, 20), "Đam Rông, ngày 20 tháng 12 năm 2026"),
        (date(2026, 10, 10), "Đam Rông, ngày 10 tháng 10 năm 2026"),
    ],
)
def test_date_line_pads_days_below_10_and_months_below_3(on, expected):
    assert date_line("Đam Rông", on) == expected


def test_date_line_blank_for_drafts():
    assert date_line("Đam Rông", None) == "Đam Rông, ngày      tháng      năm 20    "


def test_nfc_and_esc():
    assert nfc(None) == ""
    assert nfc(nfd("Nguyễn Thị Ánh")) == "Nguyễn Thị Ánh"
    assert esc(nfd("A & <B>")) == "A &amp; &lt;B&gt;"
    assert esc(None) == ""


def test_register_fonts_is_idempotent():
    register_fonts()
    register_fonts()
    st = styles()
    assert st["body"].fontName == SERIF
    assert {"title", "subject", "body", "body_noindent", "small", "cell", "cell_bold"} <= set(st)
    assert {"cell_center", "center", "right", "italic"} <= set(st)


def test_content_width():
    assert content_width() == pytest.approx(595.2756 - 45 * 72 / 25.4, abs=0.01)
    assert content_width(landscape(A4), Margins(left=10, right=10)) == pytest.approx(
        841.89 - 20 * 72 / 25.4, abs=0.01
    )


def _story(
    header: Header, *, body_paragraphs: int = 1, margins: Margins = Margins()
) -> list[Flowable]:
    width = content_width(A4, margins)
    st = styles()
    story: list[Flowable] = [*party_header(header, width)]
    story.append(Paragraph("QUYẾT ĐỊNH", st["title"]))
    story.append(Paragraph(esc(nfd("Về việc kết nạp đảng viên")), st["subject"]))
    for _ in range(body_paragraphs):
        story.append(
            Paragraph(esc(nfd("Kết nạp quần chúng Nguyễn Thị Ánh vào Đảng. ")) * 6, st["body"])
        )
    story += signature_block(
        Signature(nfd("T/M Ban thường vụ"), "Bí thư", nfd("Trần Đức Lượng")),
        ["Như Điều 3", nfd("Lưu Văn phòng")],
        width,
    )
    return story


def test_frame_renders_header_signature_nfc(tmp_path: Path):
    path = tmp_path / "frame.pdf"
    header = Header(
        nfd(HEADER.superior), nfd(HEADER.issuer), nfd("Số 12-QĐ/ĐU"), nfd("Đam Rông"), HEADER.on
    )
    build_pdf(path, _story(header), title=nfd("Quyết định kết nạp"))
    lines = pdf_lines(path)
    text = "\n".join(lines)
    assert lines[0] == "ĐẢNG BỘ TỈNH LÂM ĐỒNG ĐẢNG CỘNG SẢN VIỆT NAM"
    assert lines[1] == "ĐẢNG ỦY XÃ ĐAM RÔNG"
    assert lines[2] == "*"
    assert lines[3] == "Số 12-QĐ/ĐU Đam Rông, ngày 05 tháng 3 năm 2026"
    assert "QUYẾT ĐỊNH" in lines
    assert "Về việc kết nạp đảng viên" in lines
    assert "Nguyễn Thị Ánh" in text
    assert "Nơi nhận: T/M BAN THƯỜNG VỤ" in lines
    assert "- Như Điều 3, BÍ THƯ" in lines
    assert "- Lưu Văn phòng." in lines
    assert lines[-1] == "Trần Đức Lượng"
    assert_pdf_basics(path)
    info = pdf_info(path)
    assert info["Title"] == "Quyết định kết nạp"
    assert info["Author"] == "partydesk"
    assert info["Page size"].startswith("595.276 x 841.89")


def test_draft_header_keeps_blanks(tmp_path: Path):
    path = tmp_path / "draft.pdf"
    header = Header(HEADER.superior, HEADER.issuer, "Số      -NQ/CB", "Đam Rông", None)
    build_pdf(path, _story(header), title="Dự thảo")
    line = pdf_lines(path)[3]
    assert line.startswith("Số -NQ/CB Đam Rông, ngày tháng năm 20")
    assert_pdf_basics(path)


def test_custom_margins_page_numbers_and_many_pages(tmp_path: Path):
    path = tmp_path / "long.pdf"
    margins = Margins(top=25, bottom=25, left=35, right=20)
    build_pdf(
        path,
        _story(HEADER, body_paragraphs=40, margins=margins),
        title="Dài",
        margins=margins,
        page_numbers=True,
    )
    assert page_count(path) >= 3
    assert_pdf_basics(path, margins=(25, 25, 35, 20))
    assert "2" in pdf_lines(path)


def test_landscape_page(tmp_path: Path):
    path = tmp_path / "landscape.pdf"
    build_pdf(
        path, [Paragraph("Sổ danh sách", styles()["title"])], title="x", pagesize=landscape(A4)
    )
    assert_pdf_basics(path, size=A4_LANDSCAPE)


class _Boom(Flowable):
    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        raise RuntimeError("boom")


def test_failed_render_leaves_no_file(tmp_path: Path):
    path = tmp_path / "fail.pdf"
    with pytest.raises(RuntimeError, match="boom"):
        build_pdf(path, [Paragraph("x", styles()["body"]), _Boom()], title="x")
    assert no_leftovers(tmp_path, set())


def test_failed_render_keeps_previous_file(tmp_path: Path):
    path = tmp_path / "keep.pdf"
    build_pdf(path, _story(HEADER), title="x")
    before = path.read_bytes()
    with pytest.raises(RuntimeError):
        build_pdf(path, [_Boom()], title="x")
    assert path.read_bytes() == before
    assert no_leftovers(tmp_path, {"keep.pdf"})


def test_same_input_same_bytes(tmp_path: Path):
    build_pdf(tmp_path / "a.pdf", _story(HEADER), title="x")
    build_pdf(tmp_path / "b.pdf", _story(HEADER), title="x")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_registry_names_every_form(tmp_path: Path):
    import dataclasses

    from partydesk.documents.pdf import forms

    assert set(forms.FORMS) == {
        "admission_decision",
        "recognition_decision",
        "admission_resolution",
        "recognition_resolution",
        "badge_list",
        "cadre_cv",
        "transfer_letter",
        "member_sheet",
        "list_book",
    }
    for data_class, renderer in forms.FORMS.values():
        assert dataclasses.is_dataclass(data_class)
        assert data_class.__dataclass_params__.frozen  # type: ignore[attr-defined]
        assert callable(renderer)
    with pytest.raises(TypeError, match="no printed form"):
        forms.render(HEADER, tmp_path / "x.pdf")
    assert no_leftovers(tmp_path, set())
