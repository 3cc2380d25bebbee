"""The records commands end to end: leave, exempt, discipline, readmit, rate, party age, badges."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from partydesk import cli
from partydesk.db.engine import Database
from partydesk.services.member_input import MemberInput
from partydesk.services.members import create_member
from tests.conftest import TODAY


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, db_path: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(cli, "_EXTENSIONS", ("records",))

    def _run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        args = cli.build_parser().parse_args(
            [*argv, "--db", str(db_path), "--data-dir", str(tmp_path / "data")]
        )
        code = cli.run(args, out, err)
        return code, out.getvalue(), err.getvalue()

    return _run


def _member(db: Database, org_id: int, name: str, cccd: str, decision: date, card: str) -> int:
    return create_member(
        db,
        MemberInput(
            full_name=name,
            sex="nam",
            birth_date=date(1960, 4, 1),
            organization_id=org_id,
            cccd=cccd,
            card_no=card,
            decision_date=decision,
            ceremony_date=decision.replace(day=28),
            official_date=decision.replace(year=decision.year + 1, day=28),
        ),
        today=TODAY,
    ).id


@pytest.fixture
def people(db: Database, org_ids: dict[str, int]) -> dict[str, int]:
    branch = org_ids["DR.01.01"]
    return {
        "an": _member(db, branch, "Nguyễn Văn An", "068060000001", date(1996, 8, 10), "10000001"),
        "binh": _member(db, branch, "Trần Văn Bình", "068060000002", date(1986, 1, 10), "10000002"),
    }


def test_leave_and_readmit(run, people: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("leave", "068060000001", "--kind", "xin_ra", "--date", "01/02/2022")
    assert code == 0, err
    assert "Xin ra khỏi Đảng" in out
    assert "Đã ra khỏi Đảng" in out
    code, out, err = run("leave", "068060000001", "--kind", "tu_tran", "--date", "01/03/2022")
    assert code == 1
    assert err.startswith("Lỗi:")
    assert "/ Error:" in err
    code, out, _ = run("readmit", "068060000001", "--date", "01/01/2025", "--no", "5-QĐ/ĐU")
    assert code == 1
    assert "Quy định 232-QĐ/TW 2025" in out
    assert "01/02/2025" in out
    code, out, err = run("readmit", "068060000001", "--date", "2025-02-01", "--no", "5-QĐ/ĐU")
    assert code == 0, err
    code, out, _ = run("party-age", "068060000001", "--on", "01/08/2026")
    # 10/8/1996 → 1/2/2022 (25 y 5 m 22 d) + 1/2/2025 → 1/8/2026 (1 y 6 m) = 26 y 11 m
    assert "26 năm 11 tháng" in out
    assert "không tính: 01/02/2022 – 01/02/2025" in out


def test_strike_off_needs_a_ground(run, people: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("leave", "10000002", "--kind", "xoa_ten", "--date", "01/02/2026")
    assert code == 1
    assert "căn cứ" in err
    code, out, err = run(
        "leave", "10000002", "--kind", "xoa_ten", "--date", "01/02/2026", "--ground", "bo_sinh_hoat"
    )
    assert code == 0, err
    assert "Xóa tên" in out


def test_exemption_and_discipline(run, people: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    an = str(people["an"])
    code, out, err = run("exempt", an, "--from", "01/03/2026", "--reason", "Tuổi cao, sức yếu")
    assert code == 0, err
    assert "Miễn công tác" in out
    code, out, err = run("exempt-end", an, "--date", "01/06/2026")
    assert code == 0, err
    assert "Đảng viên chính thức" in out
    code, out, err = run("discipline", an, "review", "--date", "01/07/2026", "--reason", "X")
    assert code == 0, err
    code, out, err = run(
        "discipline",
        an,
        "sanction",
        "--date",
        "01/08/2026",
        "--sanction",
        "canh_cao",
        "--no",
        "3-QĐ/ĐU",
        "--by",
        "UBKT Đảng ủy",
    )
    assert code == 0, err
    assert "Cảnh cáo" in out
    code, _, err = run("discipline", an, "close", "--date", "02/08/2026")
    assert code == 1
    assert "không có việc xem xét" in err


def test_ratings(run, people: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("rate", "--year", "2025", "068060000001", "tot", "--points", "80")
    assert code == 0, err
    assert "Hoàn thành tốt nhiệm vụ (80 điểm)" in out
    code, _, err = run("rate", "--year", "2025", "068060000002", "xuat_sac", "--points", "80")
    assert code == 1
    assert "80 điểm" in err
    code, out, err = run("rate", "--year", "2025", "068060000002", "--points", "95")
    assert code == 0, err
    code, out, err = run("rating-summary", "--year", "2025", "--org", "DR.01")
    assert code == 0, err
    assert "Hoàn thành xuất sắc nhiệm vụ: 1" in out
    assert "Cảnh báo:" in out  # 1 excellent > 20 % of 1 good


def test_badges(run, people: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("badges", "due", "--occasion", "02/09/2026")
    assert code == 0, err
    assert "Trần Văn Bình" in out
    assert "40 năm" in out
    assert "Nguyễn Văn An" in out  # 30 years on 10/8/2026
    code, out, err = run(
        "badges",
        "award",
        "--occasion",
        "02/09/2026",
        "--decision",
        "88-QĐ/TU",
        "068060000002:40:B-1",
        f"{people['an']}:30",
    )
    assert code == 0, err
    assert "Đã ghi 2 Huy hiệu" in out
    code, _, err = run(
        "badges", "award", "--occasion", "02/09/2026", "--decision", "89-QĐ/TU", "10000002:40"
    )
    assert code == 1
    assert "đã được tặng" in err
    code, out, _ = run("badges", "due", "--occasion", "02/09/2026")
    assert "Đến hạn: 0" in out
