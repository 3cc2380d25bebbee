"""The command line on a PostgreSQL URL, and name search on tricky names, on both engines."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text

from partydesk.db.engine import Database
from partydesk.db.models import Organization
from partydesk.rules import make_cccd
from partydesk.services.member_input import MemberInput
from partydesk.services.member_queries import MemberFilter, count_members, search_members
from partydesk.services.members import create_member
from tests.conftest import TODAY
from tests.server.conftest import PostgresAdmin

pytestmark = pytest.mark.postgres


def _cli(*args: str, data_dir: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "partydesk", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_command_line_on_a_server_url(pg_admin: PostgresAdmin, tmp_path: Path):
    url = pg_admin.create("cli_hub")
    data = tmp_path / "data"
    try:
        out = _cli(
            "init",
            "--name",
            "Đảng ủy xã Đam Rông",
            "--superior",
            "Đảng bộ tỉnh Lâm Đồng",
            "--place",
            "Đam Rông",
            "--symbol",
            "ĐU",
            "--db",
            url,
            data_dir=data,
        ).stdout
        assert "postgresql+psycopg://" in out
        assert not (data / "partydesk.sqlite3").exists()
        info = _cli("info", "--db", url, data_dir=data).stdout
        assert "Đảng ủy xã Đam Rông" in info
        assert "Dung lượng:" in info
        assert _cli("check", "--db", url, data_dir=data).stdout.strip().endswith("không có vấn đề.")
        assert "0 kết quả." in _cli("search", "nguyen", "--db", url, data_dir=data).stdout
        refused = _cli("backup", "--db", url, data_dir=data, check=False)
        assert refused.returncode == 1
        assert "pg_dump" in refused.stderr
        refused = _cli(
            "restore", str(tmp_path / "x.sqlite3"), "--db", url, data_dir=data, check=False
        )
        assert refused.returncode == 1
        assert "pg_restore" in refused.stderr
    finally:
        pg_admin.drop("cli_hub")


def test_unreachable_server_is_a_clear_refusal(tmp_path: Path):
    url = f"postgresql+psycopg://hub:secret@/none?host={tmp_path}"
    result = _cli("info", "--db", url, data_dir=tmp_path / "data", check=False)
    assert result.returncode == 1
    assert result.stderr.startswith("Lỗi: Không mở được cơ sở dữ liệu")
    assert "secret" not in result.stderr  # the password is never shown


# Names with what a clerk types besides letters: hyphens, apostrophes, dots, digits, other
# names (bí danh), đ, and words that are prefixes of other words.
_NAMES = [
    ("Nguyễn Văn An", ""),
    ("Nguyễn Văn-An", ""),
    ("Nguyễn Anh", "An Nguyên"),
    ("Lê Thị Hoa", "Hoa-Lê"),
    ("Lê Thị Hoàng", ""),
    ("Đỗ Đức Đạt", "Út Đạt"),
    ("Đinh Thị Ánh", "Ánh 2"),
    ("H'Hen Niê", ""),
    ("Y Moan Ênuôl", "Ama Moan"),
    ("Trần T. Bích", ""),
    ("Phạm Văn Nam", "Văn Nam"),
    ("Nam Phạm", "An"),
    ("Hoàng Anh Tuấn", "Tuấn Anh"),
    ("Võ Thị Sáu", "Sáu Võ"),
    ("Lò Văn Pọm", ""),
]
_QUERIES = [
    "an",
    "van an",
    "van-an",
    "van-a",
    "an nguyen",
    "nguyen an",
    "nam an",
    "hoa le",
    "hoa-le",
    "le-hoa",
    "hoa-",
    "le thi hoa",
    "le thi ho",
    "dat",
    "đạt",
    "ut",
    "h'hen",
    "hhen",
    "h",
    "hen nie",
    "ama",
    "moan ama",
    "t.",
    "t. bich",
    "tran t",
    "2",
    "anh 2",
    "nguyen -",
    "-",
    "' .",
    '"an"',
    "tuan anh",
    "anh tuan",
    "vo sau",
    "pom",
    "pham-an",
    "pham an",
    "lo van pom",
    "xyz",
    "nguyễn văn",
]


def _add_people(db: Database) -> None:
    with db.reader() as session:
        branch = session.scalar(select(Organization.id).where(Organization.code == "DR.01.01"))
    assert branch is not None
    base = MemberInput(
        full_name="",
        sex="Nữ",
        birth_date=date(1990, 5, 17),
        organization_id=branch,
        decision_date=date(2015, 3, 2),
        decision_no="12-QĐ/HU",
        ceremony_date=date(2015, 3, 20),
        official_date=date(2016, 3, 20),
    )
    for serial, (name, other) in enumerate(_NAMES, start=1):
        person = replace(
            base, full_name=name, other_names=other, cccd=make_cccd("068", "nữ", 1990, serial)
        )
        create_member(db, person, TODAY)


def test_name_search_finds_what_fts5_finds(db, pg_db):
    _add_people(db)
    _add_people(pg_db)
    for query in _QUERIES:
        on_sqlite = [m.full_name for m in search_members(db, query)]
        assert [m.full_name for m in search_members(pg_db, query)] == on_sqlite, query
        both = [count_members(d, MemberFilter(text=query, statuses=None)) for d in (db, pg_db)]
        assert both[0] == both[1], query
    # The queries really discriminate: not everything, not nothing.
    # FTS5 reads "van-an" as the phrase "van an", and a phrase never spans two columns.
    assert [m.full_name for m in search_members(pg_db, "van-an")] == [
        "Nguyễn Văn An",
        "Nguyễn Văn-An",
    ]
    assert [m.full_name for m in search_members(pg_db, "hoa-le")] == ["Lê Thị Hoa"]
    assert search_members(pg_db, "pham-an") == search_members(db, "pham-an") == []
    assert len(search_members(pg_db, "an")) > 2
    assert search_members(pg_db, "xyz") == []


def test_service_search_query_uses_the_index(pg_db):
    from partydesk.db.models import Member
    from partydesk.db.server_search import name_condition, name_query

    condition = name_condition(name_query("nguyen van-a"))  # type: ignore[arg-type]
    statement = select(Member.id).where(condition)
    compiled = statement.compile(pg_db.engine, compile_kwargs={"literal_binds": True})
    with pg_db.reader() as session:
        session.execute(text("SET LOCAL enable_seqscan = off"))
        plan = "\n".join(session.execute(text(f"EXPLAIN {compiled}")).scalars())
    assert "ix_member_name_search" in plan


def test_missing_server_fails_the_tests_and_says_how_to_install(tmp_path: Path):
    """A CI run that skipped the install step must fail, not quietly skip the hub tests."""
    env = {
        **os.environ,
        "PARTYDESK_PG_BINDIR": str(tmp_path / "no-postgresql"),
        "PARTYDESK_SKIP_POSTGRES": "",
    }
    test = "tests/server/test_postgres_schema.py::test_office_database_on_the_server"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", test, "-q", "-p", "no:cacheprovider"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
        cwd=Path(__file__).parents[2],
    )
    assert result.returncode == 1, result.stdout
    assert "1 error" in result.stdout
    assert "./dev.sh test" in result.stdout
