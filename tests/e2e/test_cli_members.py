"""`partydesk candidate add`: the command line starts the lifecycle too."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from partydesk import cli
from partydesk.codes import MemberStatus
from partydesk.db.models import Member
from partydesk.rules import make_cccd
from tests.helpers import snapshot


@pytest.fixture
def run(monkeypatch, db_path: Path, tmp_path: Path):
    monkeypatch.setattr(cli, "_EXTENSIONS", ("members", "admission"))

    def _run(*argv: str) -> tuple[int, str, str]:
        args = cli.build_parser().parse_args(
            [*argv, "--db", str(db_path), "--data-dir", str(tmp_path / "data")]
        )
        out, err = io.StringIO(), io.StringIO()
        code = cli.run(args, out, err)
        return code, out.getvalue(), err.getvalue()

    return _run


def test_candidate_add_then_first_step(db, run):
    cccd = make_cccd("068", "nữ", 2001, 77)
    code, out, err = run(
        "candidate", "add", "--name", "Lê Thị Hoa", "--sex", "nữ", "--birth", "02/05/2001",
        "--branch", "DR.02", "--cccd", cccd, "--since", "01/03/2026",
    )  # fmt: skip
    assert code == 0, err
    assert "Lê Thị Hoa" in out
    with db.reader() as session:
        member = session.query(Member).filter_by(cccd=cccd).one()
        assert member.status == MemberStatus.CANDIDATE.value
    code, out, err = run("admission", "course", cccd, "--date", "10/04/2026", "--no", "7/CN")
    assert code == 0, err


def test_candidate_add_refuses_bad_input_and_writes_nothing(db, db_path, run):
    before = snapshot(db_path)
    code, _out, err = run(
        "candidate", "add", "--name", "Lê Văn Tâm", "--sex", "nam", "--birth", "02/05/2001",
        "--branch", "DR.01",  # a đảng bộ cơ sở, not a chi bộ
    )  # fmt: skip
    assert code == 1
    assert "Lỗi:" in err
    code, _out, err = run(
        "candidate", "add", "--name", "Lê Văn Tâm", "--sex", "nam", "--birth", "02/05/2001",
        "--branch", "DR.02", "--cccd", make_cccd("068", "nữ", 2001, 78),  # CCCD says female
    )  # fmt: skip
    assert code == 1
    assert "CCCD" in err
    assert snapshot(db_path) == before
