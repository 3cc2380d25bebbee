"""`partydesk print …` end to end on a real database file."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from partydesk import cli
from partydesk.rules import make_cccd
from partydesk.services.database import open_database
from partydesk.services.member_input import HistoryItem, MemberInput
from partydesk.services.members import create_member
from partydesk.services.transfers import TransferOutInput, transfer_out
from tests.conftest import TODAY
from tests.pdf_helpers import pdf_text

CCCD = make_cccd("068", "nữ", 1984, 77)
LETTER_DAY = date(2026, 11, 20)


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, db_path: Path, tmp_path: Path):
    monkeypatch.setattr(cli, "_EXTENSIONS", ("printing",))
    parser = cli.build_parser()

    def invoke(*words: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        args = parser.parse_args(
            [*words, "--db", str(db_path), "--data-dir", str(tmp_path / "data")]
        )
        code = cli.run(args, out, err)
        return code, out.getvalue(), err.getvalue()

    return invoke


@pytest.fixture
def people(db_path: Path, org_ids: dict[str, int]) -> dict[str, int]:
    """An official member (with a transfer letter issued on LETTER_DAY) and a candidate."""
    db = open_database(db_path, actor="test")
    try:
        org = org_ids["DR.02"]
        official = create_member(
            db,
            MemberInput(
                full_name="Hồ Thị Thu",
                sex="nữ",
                birth_date=date(1984, 2, 3),
                organization_id=org_ids["DR.01.01"],
                cccd=CCCD,
                card_no="20001234",
                decision_date=date(2010, 3, 1),
                ceremony_date=date(2010, 3, 20),
                official_date=date(2011, 3, 20),
            ),
            today=TODAY,
        ).id
        leaving = create_member(
            db,
            MemberInput(
                full_name="Lâm Văn Đi",
                sex="nam",
                birth_date=date(1979, 5, 6),
                organization_id=org,
                decision_date=date(2005, 3, 1),
                ceremony_date=date(2005, 3, 20),
                official_date=date(2006, 3, 20),
            ),
            today=TODAY,
        ).id
        transfer = transfer_out(
            db,
            TransferOutInput(
                member_id=leaving,
                letter_date=LETTER_DAY,
                to_text="Đảng ủy phường Bảo Lộc",
                receiving_superior="Đảng bộ tỉnh Lâm Đồng",
                receiving_grassroots="Đảng ủy phường Bảo Lộc",
                receiving_branch="Chi bộ khu phố 3",
            ),
            today=TODAY,
        )
        candidate = create_member(
            db,
            MemberInput(
                full_name="Ngô Văn Mới",
                sex="nam",
                birth_date=date(1998, 8, 8),
                organization_id=org,
                history=(
                    HistoryItem(
                        "branch_resolution", date(2026, 10, 1), "5-NQ/CB", organization_id=org
                    ),
                ),
            ),
            today=TODAY,
        ).id
        return {"official": official, "candidate": candidate, "transfer": transfer.row.id}
    finally:
        db.close()


def test_print_forms_reprint_and_letters_of_day(run, people, tmp_path: Path) -> None:
    out = tmp_path / "pdf"
    code, said, err = run("print", "member_sheet", CCCD, "--date", "23/11/2026", "--out", str(out))
    assert code == 0, err
    path = Path(said.split(": ", 1)[1].strip())
    assert said.startswith("Đã in Phiếu đảng viên: ")
    assert path.exists()
    assert "HỒ THỊ THU" in pdf_text(path)

    code, said, err = run(
        "print",
        "admission_decision",
        str(people["candidate"]),
        "--date",
        "20/11/2026",
        "--signer-title",
        "Phó Bí thư",
        "--signer-name",
        "Trần Văn Phó",
        "--out",
        str(out),
    )
    assert code == 0, err
    assert said.startswith("Đã in Quyết định kết nạp đảng viên số 1-QĐ/ĐU: ")
    text = pdf_text(out / "QD-ket-nap-1-2026-Ngo-Van-Moi.pdf")
    assert "PHÓ BÍ THƯ" in text
    assert "Trần Văn Phó" in text
    assert "Đam Rông, ngày 20 tháng 11 năm 2026" in text

    code, said, err = run("print", "reprint", "2", "--out", str(out))
    assert code == 0, err
    assert "số 1-QĐ/ĐU" in said

    code, said, err = run("print", "letters-of-day", "--date", "20/11/2026", "--out", str(out))
    assert code == 0, err
    lines = said.splitlines()
    assert lines[0] == "Đang in: 1/1"
    assert lines[1].startswith("Đã in Giấy giới thiệu sinh hoạt đảng số 1-GT/ĐU: ")
    assert lines[-1] == "Đã in 1 giấy giới thiệu ngày 20/11/2026."

    code, said, err = run("print", "transfer_letter", str(people["transfer"]), "--out", str(out))
    assert code == 0, err
    assert "số 1-GT/ĐU" in said

    code, said, err = run("print", "list_book", "DR.01", "--out", str(out))
    assert code == 0, err
    assert said.startswith("Đã in Sổ danh sách đảng viên: ")
    code, said, err = run("print", "badge_list", "--occasion", "03/02/2027", "--out", str(out))
    assert code == 0, err
    assert said.startswith("Đã in Danh sách đề nghị tặng Huy hiệu Đảng: ")
    # Without --out the file goes to the data folder's exports.
    code, said, err = run("print", "admission_resolution", str(people["candidate"]))
    assert code == 0, err
    assert str(tmp_path / "data" / "exports") in said


def test_print_errors_are_sentences_and_exit_1(run, people) -> None:
    code, _said, err = run("print", "brochure", "1")
    assert code == 1
    assert "Không có mẫu in «brochure»" in err
    code, _said, err = run("print", "admission_decision", CCCD)
    assert code == 1
    assert "Không in được «Quyết định kết nạp đảng viên» cho Hồ Thị Thu" in err
    code, _said, err = run("print", "list_book", "XX.99")
    assert code == 1
    assert "XX.99" in err
    code, _said, err = run("print", "letters-of-day")
    assert code == 1
    assert "--date" in err
    code, said, _err = run("print", "letters-of-day", "--date", "01/01/2026")
    assert code == 0
    assert "không có giấy giới thiệu" in said
