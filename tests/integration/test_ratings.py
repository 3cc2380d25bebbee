"""Quality ratings: points and levels, batch entry, the summary's warning, strike-off cases."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from partydesk.db.engine import Database
from partydesk.errors import PartydeskError
from partydesk.rules import RuleTable
from partydesk.services import ratings
from partydesk.services.due import due_context
from partydesk.services.ratings import RatingEntry
from tests.conftest import TODAY
from tests.integration.test_leaving import make_member


def _rating_rows(path: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        return (
            con.execute(
                "SELECT member_id, period, level_code, points FROM member_rating ORDER BY 1, 2"
            ).fetchall()
            + con.execute("SELECT count(*) FROM audit_log").fetchall()
        )
    finally:
        con.close()


@pytest.mark.parametrize(
    ("points", "level"),
    [
        (100, "xuat_sac"),
        (90, "xuat_sac"),
        (89, "tot"),
        (70, "tot"),
        (69, "hoan_thanh"),
        (50, "hoan_thanh"),
        (49, "khong_hoan_thanh"),
        (0, "khong_hoan_thanh"),
    ],
)
def test_points_give_the_level(points: int, level: str) -> None:
    assert ratings.level_for_points(points, RuleTable.default(), date(2025, 12, 31)) == level


def test_rate_member_checks_level_against_points(
    db: Database, db_path: Path, org_ids: dict[str, int]
) -> None:
    member_id = make_member(db, org_ids["DR.01.01"])
    assert ratings.rate_member(db, member_id, "2025", points=92) == "xuat_sac"
    assert ratings.rate_member(db, member_id, "2025", "tot", 75) == "tot"  # corrected in place
    assert _rating_rows(db_path)[0] == (member_id, "2025", "tot", 75)
    before = _rating_rows(db_path)
    with pytest.raises(PartydeskError) as err:
        ratings.rate_member(db, member_id, "2025", "xuat_sac", 75)
    assert err.value.code == "rating.points_contradict"
    assert "Quy định 124-QĐ/TW 2023" in err.value.message()
    for kwargs, code in (
        ({"points": 101}, "rating.points_range"),
        ({}, "rating.level_required"),
        ({"level_code": "gioi"}, "field.unknown_code"),
    ):
        with pytest.raises(PartydeskError) as err:
            ratings.rate_member(db, member_id, "2025", **kwargs)  # type: ignore[arg-type]
        assert err.value.code == code
    with pytest.raises(PartydeskError) as err:
        ratings.rate_member(db, member_id, "năm 2025", "tot")
    assert err.value.code == "rating.bad_period"
    assert _rating_rows(db_path) == before


def test_branch_batch_is_one_transaction(
    db: Database, db_path: Path, org_ids: dict[str, int]
) -> None:
    branch = org_ids["DR.01.01"]
    ids = [make_member(db, branch, f"Nguyễn Văn {n}") for n in ("An", "Bình", "Cường")]
    other = make_member(db, org_ids["DR.02"], "Lê Thị Dung")
    before = _rating_rows(db_path)
    with pytest.raises(PartydeskError) as err:
        ratings.rate_branch(
            db,
            branch,
            "2025",
            [RatingEntry(ids[0], "tot"), RatingEntry(ids[1], "tot", 95)],
        )
    assert err.value.code == "rating.row"
    assert "Nguyễn Văn Bình" in err.value.message()
    with pytest.raises(PartydeskError) as err:
        ratings.rate_branch(db, branch, "2025", [RatingEntry(other, "tot")])
    assert "Lê Thị Dung" in err.value.message()
    assert _rating_rows(db_path) == before
    saved = ratings.rate_branch(
        db,
        branch,
        "2025",
        [RatingEntry(ids[0], "tot"), RatingEntry(ids[1], points=95), RatingEntry(ids[2])],
    )
    assert saved == 2
    rows = {row.member_id: row for row in ratings.branch_ratings(db, branch, "2025")}
    assert rows[ids[1]].level_code == "xuat_sac"
    assert rows[ids[1]].points == 95
    assert rows[ids[2]].level_code is None
    ratings.rate_organization(db, branch, "2025", points=80)
    assert ratings.organization_rating(db, branch, "2025") == ("tot", 80)


def test_summary_warns_when_excellent_exceeds_the_share(
    db: Database, org_ids: dict[str, int]
) -> None:
    branch = org_ids["DR.01.01"]
    ids = [make_member(db, branch, f"Trần Văn {n}") for n in ("An", "Bình", "Cường", "Dũng")]
    entries = [RatingEntry(i, "tot") for i in ids[:3]] + [RatingEntry(ids[3], "hoan_thanh")]
    ratings.rate_branch(db, branch, "2025", entries)
    summary = ratings.rating_summary(db, "2025")
    assert summary.counts == {"xuat_sac": 0, "tot": 3, "hoan_thanh": 1, "khong_hoan_thanh": 0}
    assert summary.warning is None
    ratings.rate_member(db, ids[3], "2025", "xuat_sac")  # 1 > 20 % of 2
    summary = ratings.rating_summary(db, "2025", org_ids["DR.01"])
    assert summary.rated == 4
    assert summary.warning is not None
    assert "20%" in summary.warning
    assert "Quy định 124-QĐ/TW 2023" in summary.warning
    assert summary.warning_en is not None
    assert "warning only" in summary.warning_en
    assert ratings.rating_summary(db, "2025", org_ids["DR.02"]).rated == 0


def test_two_failed_years_are_strike_off_cases(db: Database, org_ids: dict[str, int]) -> None:
    branch = org_ids["DR.01.01"]
    failing = make_member(db, branch, "Phan Văn Ích")
    once = make_member(db, branch, "Phan Văn Khoa")
    for period in ("2024", "2025"):
        ratings.rate_member(db, failing, period, "khong_hoan_thanh", 30)
    ratings.rate_member(db, once, "2025", "khong_hoan_thanh")
    ratings.rate_member(db, once, "2024", "hoan_thanh")
    cases = ratings.strike_off_cases(db, "2025")
    assert [(c.member_id, c.years) for c in cases] == [(failing, ("2024", "2025"))]
    assert cases[0].ground == "Vi phạm tư cách đảng viên hai năm liền"


def test_due_items_in_the_rating_season(db: Database, org_ids: dict[str, int]) -> None:
    branch = org_ids["DR.01.01"]
    first = make_member(db, branch, "Ngô Văn Lâm")
    make_member(db, branch, "Ngô Văn Minh")
    with db.session() as session:
        items = ratings.due_items(due_context(session, TODAY))
    assert [(i.organization_name, i.due, i.action, i.group) for i in items] == [
        ("Chi bộ Giáo viên", date(2026, 12, 31), "ratings", "rating")
    ]
    assert "2/2" in items[0].what
    ratings.rate_member(db, first, "2026", "tot")
    with db.session() as session:
        assert "1/2" in ratings.due_items(due_context(session, TODAY))[0].what
        # In summer nothing is due.
        assert ratings.due_items(due_context(session, date(2026, 7, 1))) == []


def test_demo_records_are_deterministic(tmp_path: Path) -> None:
    import shutil

    from partydesk.services.database import open_database
    from partydesk.services.demo import build_demo_office
    from partydesk.services.integrity import check_database

    first_path = tmp_path / "first.sqlite3"
    db = open_database(first_path, actor="test")
    build_demo_office(db, members=300, seed=2, today=TODAY, lifecycle=False)
    db.close()
    second_path = tmp_path / "second.sqlite3"
    shutil.copyfile(first_path, second_path)
    results = []
    for path in (first_path, second_path):
        db = open_database(path, actor="test")
        try:
            results.append(ratings.demo_records(db, TODAY, seed=4))
            assert check_database(db) == []
        finally:
            db.close()
    assert results[0] == results[1]
    summary = results[0]
    assert summary.ratings > 100
    assert summary.leavers == 4
    assert summary.exempted == 2
    assert summary.badges > 0
    con = sqlite3.connect(first_path)
    other = sqlite3.connect(second_path)
    try:
        query = "SELECT member_id, kind, on_date, details_json FROM member_event ORDER BY id"
        assert con.execute(query).fetchall() == other.execute(query).fetchall()
    finally:
        con.close()
        other.close()
