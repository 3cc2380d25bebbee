"""Bulk creation and search: diacritic-free names, identity numbers, list order."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from partydesk.db.models import AuditEntry, Member
from partydesk.errors import PartydeskError
from partydesk.rules import make_cccd, name_sort_key
from partydesk.services.member_bulk import create_members
from partydesk.services.member_input import MemberInput
from partydesk.services.member_queries import (
    MemberFilter,
    count_members,
    member_page,
    search_members,
)
from partydesk.services.members import create_member
from tests.conftest import TODAY
from tests.helpers import snapshot

NAMES = [
    "Nguyễn Thị Đào",
    "Trần Văn An",
    "Lê Thị Ánh",
    "Phạm Đức Anh",
    "Đỗ Minh Đức",
    "Nguyễn Văn Đạt",
    "Hoàng Thị Ân",
    "Ngô Quang Dũng",
]


def _rows(org_id: int) -> list[MemberInput]:
    rows = []
    for i, name in enumerate(NAMES, start=1):
        sex = "nữ" if " Thị " in name else "nam"
        rows.append(
            MemberInput(
                full_name=name,
                sex=sex,
                birth_date=date(1985, 1, i),
                organization_id=org_id,
                cccd=make_cccd("068", sex, 1985, 1000 + i),
                card_no=f"{10_000_000 + i}",
                biography_no=f"{i:06d}-LĐ",
                decision_date=date(2010, 1, 4),
                ceremony_date=date(2010, 2, 1),
                official_date=date(2011, 2, 1),
            )
        )
    return rows


def test_bulk_create_then_search(db, org_ids):
    result = create_members(db, _rows(org_ids["DR.01.01"]), today=TODAY)
    assert result.members == len(NAMES)
    assert result.events == 3 * len(NAMES)
    assert result.memberships == len(NAMES)
    assert [r.full_name for r in search_members(db, "nguyen thi dao")] == ["Nguyễn Thị Đào"]
    assert [r.full_name for r in search_members(db, "NGUYEN   thi dAo")] == ["Nguyễn Thị Đào"]
    assert {r.full_name for r in search_members(db, "duc")} == {"Phạm Đức Anh", "Đỗ Minh Đức"}
    # The last word may still be being typed.
    assert {r.full_name for r in search_members(db, "nguyen d")} == {
        "Nguyễn Thị Đào",
        "Nguyễn Văn Đạt",
    }
    cccd = make_cccd("068", "nam", 1985, 1002)
    assert [r.full_name for r in search_members(db, cccd)] == ["Trần Văn An"]
    by_prefix = search_members(db, cccd[:9])
    assert "Trần Văn An" in {r.full_name for r in by_prefix}
    assert all(r.cccd and r.cccd.startswith(cccd[:9]) for r in by_prefix)
    assert [r.full_name for r in search_members(db, "10000004")] == ["Phạm Đức Anh"]
    assert [r.full_name for r in search_members(db, "000005-LĐ")] == ["Đỗ Minh Đức"]
    assert search_members(db, "   ") == []
    assert search_members(db, '"') == []


def test_page_is_in_vietnamese_list_order(db, org_ids):
    create_members(db, _rows(org_ids["DR.01.01"]), today=TODAY)
    page = member_page(db, 0, 100)
    assert [r.full_name for r in page] == sorted(NAMES, key=name_sort_key)
    assert count_members(db) == len(NAMES)
    assert count_members(db, MemberFilter(sex="nữ")) == 3
    assert len(member_page(db, 2, 3)) == 3


def test_bulk_is_all_or_nothing(db, db_path, org_ids):
    rows = _rows(org_ids["DR.01.01"])
    rows.append(
        MemberInput(
            full_name="Sai Ngày Sinh",
            sex="nam",
            birth_date=date(2030, 1, 1),
            organization_id=org_ids["DR.01.01"],
        )
    )
    before = snapshot(db_path)
    with pytest.raises(PartydeskError) as caught:
        create_members(db, rows, today=TODAY)
    assert caught.value.code == "bulk.row"
    assert "Dòng 9" in caught.value.message()
    assert snapshot(db_path) == before


def test_bulk_refuses_duplicates_within_the_batch(db, org_ids):
    rows = _rows(org_ids["DR.01.01"])
    rows.append(rows[0])
    with pytest.raises(PartydeskError, match="Số CCCD"):
        create_members(db, rows, today=TODAY)
    with db.reader() as session:
        assert session.scalar(select(func.count()).select_from(Member)) == 0


def test_bulk_writes_audit_entries(db, org_ids):
    create_members(db, _rows(org_ids["DR.01.01"]), today=TODAY)
    with db.reader() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.table_name == "member")).all()
        uuids = set(session.scalars(select(Member.uuid)))
        listed = set()
        import json

        for entry in entries:
            listed.update(json.loads(entry.after_json).get("uuids", []))
        assert listed == uuids


def test_quick_search_gives_the_first_matches_in_list_order(db, org_ids):
    """More matches than the limit: the ones shown are the first of the register."""
    given = ["Thu", "Hà", "An", "Yến", "Bình", "Cúc", "Đào", "Giang", "Ánh", "Ân", "Ơn", "Ý"]
    rows = [
        MemberInput(
            full_name=f"Nguyễn Thị {name}",
            sex="nữ",
            birth_date=date(1990, 1, 1 + i),
            organization_id=org_ids["DR.01.01"],
            decision_date=date(2015, 1, 5),
            ceremony_date=date(2015, 2, 2),
            official_date=date(2016, 2, 2),
        )
        for i, name in enumerate(given)
    ]
    create_members(db, rows, today=TODAY)
    found = [m.full_name for m in search_members(db, "nguyen thi", limit=5)]
    expected = sorted((f"Nguyễn Thị {n}" for n in given), key=name_sort_key)[:5]
    assert found == expected


def _fts_trigger_sql(db) -> str | None:
    with db.engine.connect() as connection:
        return connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'member_fts_ai'"
        ).scalar()


def test_bulk_indexes_names_once_and_keeps_the_per_row_trigger(db, org_ids):
    # The bulk path drops the FTS insert trigger for its transaction and indexes the new
    # rows in one statement (member_bulk._suspend_fts_trigger): the trigger must be back
    # afterwards, a failed bulk must leave it in place, and nothing is indexed twice.
    trigger = _fts_trigger_sql(db)
    assert trigger is not None
    rows = _rows(org_ids["DR.01.01"])
    create_members(db, rows[:4], today=TODAY)
    late = MemberInput(
        full_name="Sai", sex="nam", birth_date=date(2030, 1, 1), organization_id=org_ids["DR.01.01"]
    )
    bad = [*rows[4:], late]
    with pytest.raises(PartydeskError):
        create_members(db, bad, today=TODAY)
    assert _fts_trigger_sql(db) == trigger
    create_members(db, rows[4:], today=TODAY)
    assert _fts_trigger_sql(db) == trigger
    with db.engine.connect() as connection:
        # One document per member in the index itself (the FTS table's own count would
        # read the content table), and FTS5's check that index and content agree.
        indexed = connection.exec_driver_sql("SELECT count(*) FROM member_fts_docsize").scalar()
        connection.exec_driver_sql("INSERT INTO member_fts(member_fts) VALUES ('integrity-check')")
    assert indexed == len(NAMES)
    assert [r.full_name for r in search_members(db, "nguyen thi dao")] == ["Nguyễn Thị Đào"]
    assert [r.full_name for r in search_members(db, "ngo quang dung")] == ["Ngô Quang Dũng"]


def _schema(db) -> list[tuple[str, str, str]]:
    with db.engine.connect() as connection:
        return [
            tuple(row)
            for row in connection.exec_driver_sql(
                "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
            )
        ]


def test_bulk_rebuilds_indexes_and_leaves_the_schema_as_it_was(db, org_ids):
    # A bulk write at least as large as the register drops the member tables' secondary
    # indexes and builds them again before its commit (member_bulk._suspend_indexes); a
    # smaller one keeps them. Either way the schema is the same afterwards, a failed
    # write leaves it untouched, and the indexes agree with their tables.
    schema = _schema(db)
    rows = _rows(org_ids["DR.01.01"])
    late = MemberInput(
        full_name="Sai", sex="nam", birth_date=date(2030, 1, 1), organization_id=org_ids["DR.01.01"]
    )
    with pytest.raises(PartydeskError):
        create_members(db, [*rows, late], today=TODAY)
    assert _schema(db) == schema
    create_members(db, rows[:5], today=TODAY)  # into an empty register: rebuilt
    assert _schema(db) == schema
    create_members(db, rows[5:], today=TODAY)  # 3 into 5: kept
    assert _schema(db) == schema
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        plan = connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM member WHERE card_no = '10000004'"
        ).all()
    assert "ix_member_card_no" in " ".join(str(step[-1]) for step in plan)
    assert [r.full_name for r in search_members(db, "10000004")] == ["Phạm Đức Anh"]


def test_bulk_rows_store_the_same_text_as_the_form(db, org_ids):
    # The bulk path hands SQLite dates and timestamps as text itself (member_bulk._Writer);
    # it must be the text SQLAlchemy writes for a record saved from the form, or sorting
    # and comparing in SQL would mix two spellings of one day.
    rows = _rows(org_ids["DR.01.01"])
    create_member(db, rows[0], today=TODAY)
    create_members(db, rows[1:2], today=TODAY)
    with db.engine.connect() as connection:
        stored = connection.exec_driver_sql(
            "SELECT birth_date, typeof(birth_date), ceremony_date, official_date,"
            " birth_year_only, typeof(birth_year_only), length(created_at), typeof(created_at)"
            " FROM member ORDER BY id"
        ).all()
        events = connection.exec_driver_sql(
            "SELECT m.id, e.kind, e.on_date, typeof(e.on_date), e.effective_date,"
            " length(e.created_at) FROM member_event e JOIN member m ON m.id = e.member_id"
            " ORDER BY m.id, e.on_date, e.kind"
        ).all()
        periods = connection.exec_driver_sql(
            "SELECT valid_from, typeof(valid_from), valid_to FROM membership ORDER BY member_id"
        ).all()
    form, bulk = stored
    assert form == ("1985-01-01", "text", "2010-02-01", "2011-02-01", 0, "integer", 26, "text")
    assert bulk == ("1985-01-02", "text", "2010-02-01", "2011-02-01", 0, "integer", 26, "text")
    by_member: dict[int, list[tuple[object, ...]]] = {}
    for member_id, *rest in events:
        by_member.setdefault(member_id, []).append(tuple(rest))
    form_events, bulk_events = by_member.values()
    assert form_events == bulk_events
    assert periods[0] == periods[1] == ("2010-02-01", "text", None)
