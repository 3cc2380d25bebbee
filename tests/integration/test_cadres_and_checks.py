"""Cadres (posts, concurrent posts, planning limits) and the integrity check."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from sqlalchemy import select

from partydesk.db.models import CadrePost
from partydesk.errors import ValidationError
from partydesk.rules import make_cccd
from partydesk.services.cadres import (
    CadreInput,
    PostInput,
    create_cadre,
    list_cadres,
    plan_cadre,
    record_post,
)
from partydesk.services.integrity import check_database
from partydesk.services.member_input import MemberInput
from partydesk.services.members import create_member
from tests.conftest import TODAY


def _cadre(db, name: str = "Phạm Văn Bình"):
    return create_cadre(
        db,
        CadreInput(
            full_name=name,
            sex="nam",
            birth_date=date(1975, 4, 2),
            cccd=make_cccd("068", "nam", 1975, 55),
            is_local=False,
        ),
    )


def test_posts_close_the_previous_main_post_but_not_concurrent_ones(db):
    cadre = _cadre(db)
    record_post(db, cadre.id, PostInput(title="Phó Chủ tịch UBND xã", start_on=date(2020, 1, 1)))
    record_post(db, cadre.id, PostInput(title="Bí thư Đảng ủy xã", start_on=date(2025, 7, 1)))
    record_post(
        db,
        cadre.id,
        PostInput(
            title="Chủ tịch HĐND xã", start_on=date(2025, 7, 1), concurrent=True, kind="election"
        ),
    )
    with db.reader() as session:
        posts = {p.title: (p.end_on, p.concurrent) for p in session.scalars(select(CadrePost))}
    assert posts == {
        "Phó Chủ tịch UBND xã": (date(2025, 6, 30), False),
        "Bí thư Đảng ủy xã": (None, False),
        "Chủ tịch HĐND xã": (None, True),
    }
    assert [c.is_local for c in list_cadres(db)] == [False]


def test_planning_warns_past_three_per_post(db):
    ids = [_cadre(db, n).id for n in ("Lê Văn A", "Lê Văn B", "Lê Văn C", "Lê Văn D")]
    results = [plan_cadre(db, i, "2025-2030", "Chủ tịch UBND xã", date(2025, 10, 1)) for i in ids]
    assert [bool(r.warnings) for r in results] == [False, False, False, True]
    assert "tối đa 3" in results[-1].warnings[0]


def test_cadre_refuses_bad_values(db):
    with pytest.raises(ValidationError):
        create_cadre(db, CadreInput(full_name="X", sex="?", birth_date=date(1975, 1, 1)))
    with pytest.raises(ValidationError):
        create_cadre(
            db,
            CadreInput(
                full_name="X",
                sex="nữ",
                birth_date=date(1975, 1, 1),
                cccd=make_cccd("068", "nam", 1975, 1),
            ),
        )
    cadre = _cadre(db)
    with pytest.raises(ValidationError):
        record_post(
            db, cadre.id, PostInput(title="A", start_on=date(2025, 1, 1), end_on=date(2024, 1, 1))
        )


def test_check_is_clean_then_finds_tampering(db, db_path, org_ids):
    row = create_member(
        db,
        MemberInput(
            full_name="Vũ Thị Hoa",
            sex="nữ",
            birth_date=date(1970, 2, 2),
            organization_id=org_ids["DR.02"],
            cccd=make_cccd("068", "nữ", 1970, 9),
            decision_date=date(2000, 1, 3),
            ceremony_date=date(2000, 2, 3),
            official_date=date(2001, 2, 3),
        ),
        today=TODAY,
    )
    assert check_database(db) == []
    db.close()
    con = sqlite3.connect(db_path)
    con.execute(
        "UPDATE member SET status = 'candidate', official_date = '2001-03-01' WHERE id = ?",
        (row.id,),
    )
    con.commit()
    con.close()
    from partydesk.services.database import open_database

    reopened = open_database(db_path)
    try:
        kinds = {p.kind for p in check_database(reopened)}
    finally:
        reopened.close()
    assert {"status", "official_date"} <= kinds


def test_planning_before_the_limits_existed_warns_nothing(db):
    ids = [_cadre(db, n).id for n in ("Đỗ Văn A", "Đỗ Văn B", "Đỗ Văn C", "Đỗ Văn D")]
    results = [plan_cadre(db, i, "2015-2020", "Bí thư Đảng ủy xã", date(2016, 1, 1)) for i in ids]
    assert all(r.warnings == () for r in results)
