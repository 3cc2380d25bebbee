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
    (scripts / "versions" / "0002_test_only.py").write_text(
        '"""Test-only revision."""\n'
        "from alembic import op\n"
        "import sqlalchemy as sa\n"
        "revision = '0002_test_only'\n"
        "down_revision = '0001'\n"
        "branch_labels = None\n"
        "depends_on = None\n"
        "def upgrade():\n"
        "    op.create_table('test_only', sa.Column('id', sa.Integer, primary_key=True))\n"
        "def downgrade():\n"
        "    op.drop_table('test_only')\n",
        encoding="utf-8",
    )
    path = tmp_path / "old.sqlite3"
    open_database(path).close()  # at 0001, the real head
    monkeypatch.setattr(migrate, "migrations_dir", lambda: scripts)
    backups = tmp_path / "backups"
    db = open_database(path, backup_dir=backups)
    db.close()
    copies = list(backups.glob("pre-upgrade-*.sqlite3"))
    assert len(copies) == 1
    con = sqlite3.connect(copies[0])
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
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
