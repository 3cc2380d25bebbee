"""`partydesk admission`: every step from the command line, refusals and notices."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from partydesk import cli
from partydesk.codes import MemberStatus
from partydesk.db.models import Member
from partydesk.rules import make_cccd
from partydesk.services.member_input import MemberInput
from partydesk.services.members import create_member
from tests.conftest import TODAY


@pytest.fixture
def run(monkeypatch, db_path: Path, tmp_path: Path):
    monkeypatch.setattr(cli, "_EXTENSIONS", ("admission",))

    def _run(*argv: str) -> tuple[int, str, str]:
        args = cli.build_parser().parse_args(
            [*argv, "--db", str(db_path), "--data-dir", str(tmp_path / "data")]
        )
        out, err = io.StringIO(), io.StringIO()
        code = cli.run(args, out, err)
        return code, out.getvalue(), err.getvalue()

    return _run


def _person(db, org_id: int, name: str, serial: int, **dates: object) -> int:
    return create_member(
        db,
        MemberInput(
            full_name=name,
            sex="nam",
            birth_date=date(1996, 4, 4),
            organization_id=org_id,
            cccd=make_cccd("068", "nam", 1996, serial),
            **dates,  # type: ignore[arg-type]
        ),
        today=TODAY,
    ).id


def _status(db, member_id: int) -> str:
    with db.reader() as session:
        member = session.get(Member, member_id)
        assert member is not None
        return member.status


def test_admission_from_the_command_line(db, org_ids, run):
    branch = org_ids["DR.02"]
    old = {"decision_date": date(2010, 1, 4), "ceremony_date": date(2010, 2, 1)}
    a = _person(db, branch, "Giới Thiệu Một", 1, official_date=date(2011, 2, 1), **old)
    b = _person(db, branch, "Giới Thiệu Hai", 2, official_date=date(2011, 2, 1), **old)
    first = _person(db, branch, "Ứng Viên Một", 3, registered_on=date(2025, 1, 2))
    second = _person(db, branch, "Ứng Viên Hai", 4, registered_on=date(2025, 1, 2))
    cccd = make_cccd("068", "nam", 1996, 3)

    # Out of order: refused, exit 1, both languages on one line.
    code, _out, err = run("admission", "decide", str(first), "--date", "02/03/2026", "--no", "1")
    assert code == 1
    assert err.startswith("Lỗi:")
    assert "/ Error:" in err
    assert err.count("\n") == 1

    for member_id in (first, second):
        ref = cccd if member_id == first else str(member_id)
        steps = [
            ("course", "--date", "10/04/2025", "--no", "15/CN-NTVĐ"),
            (
                "introducer",
                "--date",
                "01/10/2025",
                "--introducer",
                str(a),
                "--worked-from",
                "01/09/2024",
            ),
            (
                "introducer",
                "--date",
                "01/10/2025",
                "--kind",
                "youth_union",
                "--name",
                "Ban Chấp hành Đoàn xã",
            ),
            ("apply", "--date", "2025-10-05"),
            ("verify", "--date", "15/12/2025"),
            ("branch", "--date", "12/01/2026", "--no", "3-NQ/CB"),
            ("decide", "--date", "02/03/2026", "--no", "12-QĐ/ĐU", "--signer", "Nguyễn Văn Hùng"),
        ]
        for verb, *options in steps:
            code, out, err = run("admission", verb, ref, *options)
            assert code == 0, err
            assert out.startswith("Đã ghi «")
    code, out, err = run(
        "admission",
        "introducer",
        str(first),
        "--introducer",
        str(b),
        "--worked-from",
        "01/01/2020",
        "--date",
        "01/10/2025",
    )
    assert code == 1
    assert "điều 4" in err

    code, out, _err = run("admission", "board")
    assert code == 0
    assert "Ứng Viên Một" in out
    assert "Lễ kết nạp" in out
    # One ceremony for both, late: recorded with a notice for each.
    code, out, err = run("admission", "ceremony", cccd, str(second), "--date", "20/04/2026")
    assert code == 0, err
    assert out.count("Cảnh báo:") == 2
    assert "Warning:" in out
    assert _status(db, first) == _status(db, second) == MemberStatus.PROBATIONARY.value

    code, out, _err = run("admission", "show", cccd)
    assert code == 0
    assert "Ứng Viên Một" in out
    assert "12-QĐ/ĐU" in out
    assert "Nguyễn Văn Hùng" in out
    assert "Hết dự bị: 20/04/2027" in out
    assert "Ban Chấp hành Đoàn xã" in out


def test_recognition_and_failure_from_the_command_line(db, org_ids, run):
    branch = org_ids["DR.02"]
    dates = {"decision_date": date(2025, 5, 12), "ceremony_date": date(2025, 6, 2)}
    member_id = _person(db, branch, "Dự Bị Một", 11, **dates)
    other = _person(db, branch, "Dự Bị Hai", 12, **dates)
    code, _out, err = run(
        "admission", "recognize-branch", str(member_id), "--date", "01/06/2026", "--no", "9-NQ/CB"
    )
    assert code == 1
    assert "02/06/2026" in err
    code, out, err = run(
        "admission", "recognize-branch", str(member_id), "--date", "05/06/2026", "--no", "9-NQ/CB"
    )
    assert code == 0, err
    code, out, err = run(
        "admission",
        "recognize",
        str(member_id),
        "--date",
        "19/06/2026",
        "--no",
        "40-QĐ/ĐU",
        "--signer",
        "Nguyễn Văn Hùng",
    )
    assert code == 0, err
    assert _status(db, member_id) == MemberStatus.OFFICIAL.value
    code, out, _err = run("admission", "show", str(member_id))
    assert "hiệu lực 02/06/2026" in out
    code, out, err = run(
        "admission", "fail", str(other), "--date", "10/06/2026", "--no", "41-QĐ/ĐU"
    )
    assert code == 0, err
    assert _status(db, other) == MemberStatus.LEFT.value
    code, _out, err = run(
        "admission", "decide", str(other), "--date", "10/07/2026", "--no", "1", "--signer", "X"
    )
    assert code == 1
    assert "Kết nạp lại" in err
    code, _out, err = run("admission", "show", "999999999999")
    assert code == 1
    code, _out, err = run("admission", "recognize", str(member_id), str(other), "--no", "1")
    assert code == 1
    with pytest.raises(SystemExit):
        run("admission", "course", str(member_id), "--date", "31/02/2026")
