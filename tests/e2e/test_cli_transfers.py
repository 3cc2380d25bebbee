"""`partydesk transfer …` and `partydesk documents …` end to end on a real database file."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest

from partydesk import cli
from partydesk.rules import make_cccd
from partydesk.services.database import open_database
from partydesk.services.member_input import MemberInput
from partydesk.services.members import create_member
from partydesk.services.transfer_queries import transfer_register

CCCD = make_cccd("068", "nam", 1985, 4242)


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, db_path: Path, tmp_path: Path):
    monkeypatch.setattr(cli, "_EXTENSIONS", ("transfers",))
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
def member(db_path: Path) -> int:
    db = open_database(db_path, actor="test")
    try:
        org = _org_id(db, "DR.01.01")
        return create_member(
            db,
            MemberInput(
                full_name="Lê Văn Hùng",
                sex="Nam",
                birth_date=date(1985, 2, 3),
                organization_id=org,
                cccd=CCCD,
                card_no="87654321",
                decision_date=date(2010, 4, 5),
                ceremony_date=date(2010, 4, 20),
                official_date=date(2011, 4, 20),
            ),
            today=date(2026, 11, 23),
        ).id
    finally:
        db.close()


def _org_id(db, code: str) -> int:
    from partydesk.services.transfer_queries import organization_by_code

    return organization_by_code(db, code)


def test_transfer_out_list_received_and_documents(run, member, db_path):
    letter = date.today() - timedelta(days=40)
    code, out, err = run(
        "transfer", "out", CCCD, "--date", letter.strftime("%d/%m/%Y"),
        "--to", "Đảng ủy phường Xuân Hương", "--receiving-superior", "Đảng bộ tỉnh Lâm Đồng",
        "--dues-through", "2026-10",
    )  # fmt: skip
    assert code == 0, err
    assert f"1-GT/ĐU ngày {letter:%d/%m/%Y}" in out
    assert "Chi bộ Giáo viên → Đảng bộ Trường THPT Đam Rông → Đảng ủy xã Đam Rông" in out
    assert "2026-10" in out
    code, out, _ = run("transfer", "list", "--overdue")
    assert code == 0
    assert "QUÁ HẠN" in out
    assert "Lê Văn Hùng" in out
    db = open_database(db_path, actor="test")
    try:
        transfer_id = transfer_register(db)[0].id
    finally:
        db.close()
    code, out, _ = run("transfer", "received", str(transfer_id), "--date", letter.isoformat())
    assert code == 0
    assert "Đã tiếp nhận" in out
    code, out, _ = run("transfer", "list", "--overdue")
    assert out.strip().endswith("0 việc chuyển sinh hoạt.")
    code, out, _ = run("documents", "list", "--year", str(letter.year), "--type", "GT")
    assert code == 0
    assert "1-GT/ĐU" in out
    assert "Lê Văn Hùng" in out


def test_internal_temporary_return_cancel_and_void(run, member, db_path):
    today = date.today()
    code, out, err = run("transfer", "internal", "87654321", "--to", "DR.02",
                         "--date", (today - timedelta(days=100)).strftime("%d/%m/%Y"))  # fmt: skip
    assert code == 0, err
    assert "Chi bộ Giáo viên → Chi bộ thôn 1" in out
    start = today - timedelta(days=50)
    code, out, err = run(
        "transfer", "temporary", str(member), "--to", "DR.01.02",
        "--date", start.isoformat(), "--until", (start + timedelta(days=200)).isoformat(),
        "--reason", "work",
    )  # fmt: skip
    assert code == 0, err
    assert "Chi bộ Hành chính" in out
    code, out, err = run("transfer", "return", str(member), "--date", today.isoformat())
    assert code == 0, err
    assert "Đã trở về" in out
    code, out, err = run("transfer", "out", str(member), "--date", today.isoformat(),
                         "--to", "Đảng ủy xã Đức Trọng")  # fmt: skip
    assert code == 0, err
    db = open_database(db_path, actor="test")
    try:
        out_row = next(r for r in transfer_register(db) if r.kind == "chinh_thuc")
    finally:
        db.close()
    code, _, err = run("transfer", "cancel", str(out_row.id), "--reason", " ")
    assert code == 1
    assert err.startswith("Lỗi:")
    assert "/ Error:" in err
    code, out, err = run("transfer", "cancel", str(out_row.id), "--reason", "Viết nhầm nơi đến")
    assert code == 0, err
    assert "Đã hủy" in out
    code, out, _ = run("documents", "list", "--year", str(today.year))
    assert "ĐÃ HỦY" in out
    assert "Viết nhầm nơi đến" in out


def test_transfer_in_and_refusals(run, member):
    code, out, err = run(
        "transfer", "in", "--letter-no", "41-GT/ĐU", "--letter-date", "20/10/2026",
        "--from", "Đảng ủy xã Đức Trọng", "--branch", "DR.02", "--name", "Trần Thị Mai",
        "--sex", "Nữ", "--birth", "1992-07-08", "--decision-date", "02/03/2016",
        "--ceremony-date", "20/03/2016", "--official-date", "20/03/2017",
        "--arrived", "25/10/2026",
    )  # fmt: skip
    assert code == 0, err
    assert "Đảng ủy xã Đức Trọng → Chi bộ thôn 1" in out
    assert "Mã đảng viên:" in out
    code, _, err = run("transfer", "internal", CCCD, "--to", "DR.01", "--date", "01/11/2026")
    assert code == 1
    assert "chi bộ" in err
    code, _, err = run("transfer", "out", "000000000000", "--date", "01/11/2026", "--to", "X")
    assert code == 1
    assert "000000000000" in err
    code, _, err = run("documents", "void", "999", "--reason", "x")
    assert code == 1


def test_bad_dates_are_usage_errors(monkeypatch):
    monkeypatch.setattr(cli, "_EXTENSIONS", ("transfers",))
    parser = cli.build_parser()
    with pytest.raises(SystemExit) as usage:
        parser.parse_args(["transfer", "internal", "1", "--to", "DR.02", "--date", "31/02/2026"])
    assert usage.value.code == 2
