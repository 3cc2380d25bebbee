"""Opening, migrating, refusing, backing up and restoring the database file."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from partydesk.db import migrate
from partydesk.db.base import Base
from partydesk.db.engine import make_engine
from partydesk.errors import PartydeskError
from partydesk.services.database import backup_now, open_database, restore_backup
from partydesk.services.office import get_office, has_office


def test_models_and_migration_head_agree(tmp_path: Path):
    engine = make_engine(tmp_path / "fresh.sqlite3")
    migrate.upgrade(engine)

    def include(obj, name, type_, reflected, compare_to):
        return not (type_ == "table" and name and name.startswith("member_fts"))

    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include}
        )
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_pragmas(db):
    with db.reader() as session:
        connection = session.connection()
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_newer_database_is_refused_untouched(db_path: Path):
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(PartydeskError) as caught:
        open_database(db_path)
    assert caught.value.code == "db.newer"
    assert "mới hơn" in caught.value.message("vi")
    assert db_path.read_bytes() == before


def test_foreign_sqlite_file_is_refused(tmp_path: Path):
    path = tmp_path / "other.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (x TEXT)")
    con.commit()
    con.close()
    with pytest.raises(PartydeskError) as caught:
        open_database(path)
    assert caught.value.code == "db.not_partydesk"


def test_garbage_file_is_refused(tmp_path: Path):
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(PartydeskError) as caught:
        open_database(path)
    assert caught.value.code == "db.open_failed"


def test_backup_before_upgrade(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A database at an older revision is copied to the backup folder before upgrading."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.migrations_dir(), scripts)
    head = migrate.head_revision()
    (scripts / "versions" / "9999_test_only.py").write_text(
        '"""Test-only revision."""\n'
        "from alembic import op\n"
        "import sqlalchemy as sa\n"
        "revision = '9999_test_only'\n"
        f"down_revision = '{head}'\n"
        "branch_labels = None\n"
        "depends_on = None\n"
        "def upgrade():\n"
        "    op.create_table('test_only', sa.Column('id', sa.Integer, primary_key=True))\n"
        "def downgrade():\n"
        "    op.drop_table('test_only')\n",
        encoding="utf-8",
    )
    path = tmp_path / "old.sqlite3"
    open_database(path).close()  # at the real head
    monkeypatch.setattr(migrate, "migrations_dir", lambda: scripts)
    backups = tmp_path / "backups"
    db = open_database(path, backup_dir=backups)
    db.close()
    copies = list(backups.glob("pre-upgrade-*.sqlite3"))
    assert len(copies) == 1
    con = sqlite3.connect(copies[0])
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (head,)
    con.close()


def test_backup_and_restore_roundtrip(db, db_path: Path, tmp_path: Path):
    backups = tmp_path / "backups"
    copy = backup_now(db, backups)
    assert copy.exists()
    name = get_office(db).name
    db.close()
    # Damage the live file's data, then restore.
    con = sqlite3.connect(db_path)
    con.execute("DELETE FROM office")
    con.commit()
    con.close()
    safety = restore_backup(copy, db_path, backups)
    assert safety is not None
    assert safety.exists()
    reopened = open_database(db_path)
    try:
        assert has_office(reopened)
        assert get_office(reopened).name == name
    finally:
        reopened.close()


def test_restore_refuses_a_bad_backup(db_path: Path, tmp_path: Path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"nope" * 1000)
    before = db_path.read_bytes()
    with pytest.raises(PartydeskError) as caught:
        restore_backup(bad, db_path, tmp_path)
    assert caught.value.code == "backup.invalid"
    assert db_path.read_bytes() == before
    with pytest.raises(PartydeskError) as missing:
        restore_backup(tmp_path / "missing.sqlite3", db_path, tmp_path)
    assert missing.value.code == "backup.not_found"


def test_automatic_backups_rotate(db, tmp_path: Path):
    folder = tmp_path / "auto"
    for _ in range(13):
        backup_now(db, folder, automatic=True)
    assert len(list(folder.glob("auto-*.sqlite3"))) == 10
    backup_now(db, folder)
    assert len(list(folder.glob("partydesk-*.sqlite3"))) == 1


def test_second_init_is_refused(db):
    from partydesk.services.office import init_office
    from tests.conftest import TEST_OFFICE

    with pytest.raises(PartydeskError) as caught:
        init_office(db, TEST_OFFICE)
    assert caught.value.code == "office.exists"


def test_upgrade_from_first_revision_keeps_search(tmp_path: Path):
    """A database made by 0001 with members upgrades to head; search triggers survive."""
    from alembic import command

    from partydesk.db.engine import Database
    from partydesk.services.member_queries import search_members

    path = tmp_path / "v1.sqlite3"
    config = migrate.alembic_config(f"sqlite:///{path}")
    command.upgrade(config, "0001")
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO member (uuid, created_at, updated_at, version, full_name, other_names,"
        " name_fold, other_names_fold, name_sort_key, sex, birth_date, birth_year_only,"
        " birthplace, birthplace_old, hometown, hometown_old, permanent_address,"
        " temporary_address, ethnicity_code, religion_code, general_education, major,"
        " foreign_language, it_level, workplace, job_title, party_position, introducers,"
        " family, status, decision_no, notes) VALUES ('u1', '2026-01-01', '2026-01-01', 1,"
        " 'Đỗ Thị Hà', '', 'do thi ha', '', x'00', 'Nữ', '1990-01-01', 0, '', '', '', '',"
        " '', '', '01', '00', '', '', '', '', '', '', '', '', '', 'official', '', '')"
    )
    con.commit()
    con.close()
    db = open_database(path, backup_dir=tmp_path / "backups")
    try:
        assert isinstance(db, Database)
        assert [m.full_name for m in search_members(db, "do thi")] == ["Đỗ Thị Hà"]
        with db.session("test.rename") as session:
            from partydesk.db.models import Member

            member = session.query(Member).one()
            member.full_name = "Đỗ Thị Hằng"
            member.name_fold = "do thi hang"
        assert [m.full_name for m in search_members(db, "hang")] == ["Đỗ Thị Hằng"]
    finally:
        db.close()
    assert list((tmp_path / "backups").glob("pre-upgrade-*.sqlite3"))
