"""`partydesk dues`, `partydesk cadres` and `partydesk rules` end to end on a real database."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from partydesk import cli
from partydesk.rules import make_cccd
from partydesk.services.cadres import CadreInput, PostInput, create_cadre, record_post
from partydesk.services.dues import dues_register
from partydesk.services.member_input import MemberInput
from partydesk.services.members import create_member
from partydesk.services.rule_admin import rule_history
from tests.conftest import TODAY


@pytest.fixture
def run(monkeypatch, db_path: Path, tmp_path: Path):
    monkeypatch.setattr(cli, "_EXTENSIONS", ("dues", "cadre_terms", "rules"))

    def _run(*words: str) -> tuple[int, str, str]:
        args = cli.build_parser().parse_args(
            [*words, "--db", str(db_path), "--data-dir", str(tmp_path / "data")]
        )
        out, err = io.StringIO(), io.StringIO()
        code = cli.run(args, out, err)
        return code, out.getvalue(), err.getvalue()

    return _run


def _member(db, org: int, name: str, serial: int) -> int:
    return create_member(
        db,
        MemberInput(
            full_name=name,
            sex="nữ",
            birth_date=date(1990, 4, 4),
            organization_id=org,
            cccd=make_cccd("068", "nữ", 1990, serial),
            decision_date=date(2015, 3, 1),
            ceremony_date=date(2015, 3, 20),
            official_date=date(2016, 3, 20),
        ),
        today=TODAY,
    ).id


def test_dues_set_pay_register_unpaid(db, org_ids, run):
    org = org_ids["DR.01.01"]
    a = _member(db, org, "Nguyễn Thị An", 1)
    b = _member(db, org, "Trần Thị Bích", 2)
    assert run("dues", "set", str(a), "--category", "bhxh", "--basis", "6000000")[0] == 0
    cccd_b = make_cccd("068", "nữ", 1990, 2)
    code, out, _ = run("dues", "set", cccd_b, "--category", "huu_tri", "--basis", "5000000")
    assert code == 0
    assert "huu_tri" in out
    code, _, err = run("dues", "set", str(a), "--category", "bhxh")
    assert code == 1
    assert err.startswith("Lỗi:")
    assert "01-QĐ/TW" in err
    # A whole branch pays in full for October, then one member for September.
    code, out, _ = run(
        "dues", "pay", "--branch", "DR.01.01", "--month", "2026-10", "--all",
        "--paid-on", "20/10/2026", "--today", "23/11/2026",
    )  # fmt: skip
    assert code == 0, out
    assert "2 đảng viên" in out
    assert "85.000 đ" in out  # 60,000 + 25,000
    code, out, _ = run(
        "dues", "pay", "--branch", "DR.01.01", "--month", "09/2026", f"{a}=60000",
        "--paid-on", "2026-09-15", "--today", "23/11/2026",
    )  # fmt: skip
    assert code == 0, out
    code, _, err = run(
        "dues", "pay", "--branch", "DR.01.01", "--month", "2026-08", f"{a}=0", "--today",
        "23/11/2026",
    )  # fmt: skip
    assert code == 1
    assert "lớn hơn 0" in err
    assert run("dues", "pay", "--branch", "DR.01.01", "--month", "2026-08")[0] == 1
    code, out, _ = run("dues", "register", "--branch", "DR.01.01", "--month", "2026-10")
    assert code == 0
    assert "Nguyễn Thị An" in out
    assert "60.000 (20/10/2026)" in out
    assert "phải nộp 85.000 đ; đã nộp 85.000 đ" in out
    assert {r.paid_amount for r in dues_register(db, org, date(2026, 9, 1))} == {60_000, None}
    code, out, _ = run("dues", "unpaid", "--year", "2026", "--today", "23/11/2026")
    assert code == 0
    # Both owe January–August (10 months for B, 8 for A): both listed with the rule cited.
    assert "Nguyễn Thị An" in out
    assert "Trần Thị Bích" in out
    assert "Điều lệ Đảng 2011, điều 8 khoản 2" in out
    assert str(b) in out
    with pytest.raises(SystemExit):
        run("dues", "register", "--branch", "DR.01.01", "--month", "tháng mười")


def test_cadres_lists(db, run):
    cadre = create_cadre(
        db,
        CadreInput(
            full_name="Phạm Văn Bình",
            sex="nam",
            birth_date=date(1965, 6, 10),
            cccd=make_cccd("068", "nam", 1965, 77),
            salary_grade="Chuyên viên",
            salary_grade_code="01.003",
            salary_step=3,
            salary_coefficient=3.0,
            salary_step_date=date(2024, 1, 15),
        ),
    ).id
    record_post(db, cadre, PostInput(title="Chánh Văn phòng", start_on=date(2021, 8, 17)))
    code, out, _ = run("cadres", "terms", "--today", "23/11/2026")
    assert code == 0
    assert "hết nhiệm kỳ 16/08/2026" in out
    assert "thông báo trước 08/04/2026 (quá hạn)" in out
    code, out, _ = run("cadres", "retirements", "--months", "6", "--today", "23/11/2026")
    assert code == 0
    assert "nghỉ hưu 31/12/2026 (61 tuổi 6 tháng)" in out
    code, _, err = run("cadres", "retirements", "--months", "36")
    assert code == 1
    assert "6–24" in err
    code, out, _ = run("cadres", "salary-steps", "--today", "23/11/2026")
    assert code == 0
    assert "nâng bậc 15/01/2027 (36 tháng, từ cao đẳng)" in out
    code, out, _ = run("cadres", "planning", "--term", "2025-2030")
    assert code == 0
    assert "không vượt" in out


def test_rules_list_history_set_revert(db, run):
    code, out, _ = run("rules", "list", "--on", "23/11/2026")
    assert code == 0
    assert "dues.rate_salary" in out
    assert "Quy định 01-QĐ/TW 2026" in out
    code, out, _ = run(
        "rules", "set", "dues.other_groups_monthly", '{"khac": 10000}', "--from", "01/12/2026",
        "--reason", "Hướng dẫn của Tỉnh ủy",
    )  # fmt: skip
    assert code == 0, out
    assert "01/12/2026" in out
    code, _, err = run(
        "rules", "set", "dues.rate_salary", "1%", "--from", "01/12/2026", "--reason", "x"
    )
    assert code == 1
    assert "JSON" in err
    code, _, err = run(
        "rules", "set", "dues.rate_salary", "2", "--from", "01/12/2026", "--reason", "x"
    )
    assert code == 1
    assert "nhỏ hơn 1" in err
    code, out, _ = run("rules", "history", "dues.other_groups_monthly")
    assert code == 0
    assert "quản trị viên" in out
    assert "Hướng dẫn của Tỉnh ủy" in out
    code, out, _ = run("rules", "list", "--on", "2026-12-15")
    assert "*  dues.other_groups_monthly" in out  # edited by an administrator, confirmed
    assert (
        run(
            "rules",
            "revert",
            "dues.other_groups_monthly",
            "--from",
            "01/12/2026",
            "--reason",
            "Sai",
        )[0]
        == 0
    )
    assert rule_history(db, "dues.other_groups_monthly")[-1].reverted
    code, _, err = run("rules", "history", "no.such")
    assert code == 1
    assert "no.such" in err
