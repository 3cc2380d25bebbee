"""The schema on PostgreSQL: migrations up and down, models agree with the head, search index."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from partydesk.db import migrate
from partydesk.db.base import Base
from partydesk.db.engine import make_engine
from partydesk.db.server_search import SEARCH_DOCUMENT
from partydesk.errors import PartydeskError
from partydesk.services.database import open_database
from partydesk.services.integrity import check_database, integrity_sql_ok
from partydesk.services.office import get_office, has_office
from tests.server.conftest import PostgresAdmin

pytestmark = pytest.mark.postgres


def _compare(url_or_path: object) -> list[object]:
    engine = make_engine(str(url_or_path))
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection,
                opts={"compare_type": True, "include_object": migrate.include_object},
            )
            return list(compare_metadata(context, Base.metadata))
    finally:
        engine.dispose()


def test_models_and_migration_head_agree_on_both_engines(pg_admin: PostgresAdmin, tmp_path):
    url = pg_admin.create("fresh_compare")
    try:
        engine = make_engine(url)
        assert migrate.upgrade(engine) is True
        assert migrate.current_revision(engine) == migrate.head_revision()
        engine.dispose()
        assert _compare(url) == []
    finally:
        pg_admin.drop("fresh_compare")
    path = tmp_path / "fresh.sqlite3"
    engine = make_engine(path)
    migrate.upgrade(engine)
    engine.dispose()
    assert _compare(path) == []


def test_migrations_run_down_and_up_again(pg_admin: PostgresAdmin):
    url = pg_admin.create("down_up")
    try:
        config = migrate.alembic_config(url)
        command.upgrade(config, "head")
        command.downgrade(config, "base")
        engine = make_engine(url)
        with engine.connect() as connection:
            tables = connection.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            ).scalars()
            assert set(tables) == {"alembic_version"}
        engine.dispose()
        command.upgrade(config, "head")
        engine = make_engine(url)
        assert migrate.current_revision(engine) == migrate.head_revision()
        engine.dispose()
    finally:
        pg_admin.drop("down_up")


def test_search_index_is_built_on_the_expression_the_queries_use(pg_db):
    with pg_db.reader() as session:
        definition = session.execute(
            text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_member_name_search'")
        ).scalar_one()
        assert "USING gin" in definition
        # PostgreSQL uses the index only for the very same expression: ask the planner.
        session.execute(text("SET LOCAL enable_seqscan = off"))
        plan = "\n".join(
            session.execute(
                text(
                    f"EXPLAIN SELECT id FROM member"
                    f" WHERE {SEARCH_DOCUMENT} @@ to_tsquery('simple', 'nguyen')"
                )
            ).scalars()
        )
        assert "ix_member_name_search" in plan


def test_office_database_on_the_server(pg_db):
    assert has_office(pg_db)
    assert get_office(pg_db).name == "Đảng ủy xã Đam Rông"
    assert not pg_db.is_sqlite
    assert pg_db.path is None
    assert integrity_sql_ok(pg_db)
    assert check_database(pg_db) == []


def test_newer_server_database_is_refused_untouched(pg_admin: PostgresAdmin, pg_template):
    url = pg_admin.create("newer", pg_template)
    try:
        engine = make_engine(url)
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = 'ffff'"))
        engine.dispose()
        with pytest.raises(PartydeskError) as caught:
            open_database(url, actor="test")
        assert caught.value.code == "db.newer"
        engine = make_engine(url)
        assert migrate.current_revision(engine) == "ffff"
        engine.dispose()
    finally:
        pg_admin.drop("newer")


def test_concurrent_numbering_on_the_server_never_repeats_a_number(pg_db):
    """Two writers taking register numbers at once: the table lock queues them (max + 1)."""
    from concurrent.futures import ThreadPoolExecutor
    from datetime import date

    from partydesk.services.document_register import issue_number

    def issue_many(count: int) -> list[int]:
        numbers = []
        for _ in range(count):
            with pg_db.session("test.issue") as session:
                doc = issue_number(
                    session, "ĐU", "GT", 2026, issued_on=date(2026, 3, 5), subject="x"
                )
                numbers.append(doc.number)
        return numbers

    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(issue_many, [12, 12, 12]))
    taken = sorted(n for numbers in results for n in numbers)
    assert taken == list(range(1, 37))


def test_bulk_creation_and_single_creation_at_once_on_the_server(pg_db):
    """A bulk load assigns ids itself; a clerk adding members meanwhile must not collide."""
    from concurrent.futures import ThreadPoolExecutor
    from datetime import date

    from sqlalchemy import func, select

    from partydesk.db.models import Member, Organization
    from partydesk.rules import make_cccd
    from partydesk.services.member_bulk import create_members
    from partydesk.services.member_input import MemberInput
    from partydesk.services.members import create_member

    with pg_db.reader() as session:
        branch = session.scalar(select(Organization.id).where(Organization.code == "DR.01.01"))

    def person(serial: int) -> MemberInput:
        return MemberInput(
            full_name=f"Trần Văn Bình {serial}",
            sex="Nam",
            birth_date=date(1980, 1, 2),
            organization_id=branch,
            cccd=make_cccd("068", "nam", 1980, serial),
            decision_date=date(2010, 3, 2),
            decision_no="12-QĐ/HU",
            ceremony_date=date(2010, 3, 20),
            official_date=date(2011, 3, 20),
        )

    def bulk() -> int:
        return create_members(pg_db, [person(n) for n in range(1, 1501)]).members

    def singles() -> list[int]:
        return [create_member(pg_db, person(5000 + n)).id for n in range(10)]

    with ThreadPoolExecutor(max_workers=2) as pool:
        loaded = pool.submit(bulk)
        added = pool.submit(singles)
        assert loaded.result() == 1500
        ids = added.result()
    assert len(set(ids)) == 10
    with pg_db.reader() as session:
        assert session.scalar(select(func.count()).select_from(Member)) == 1510
        assert session.scalar(select(func.count(func.distinct(Member.id)))) == 1510
