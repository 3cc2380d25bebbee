"""A cadre's record: the register's list, detail, edits, posts ended, planning removed,
salary steps with their history, training."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from partydesk.db.models import Cadre, CadreEvent, CadrePlanning, CadrePost, CadreTraining
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import make_cccd
from partydesk.services.cadre_records import (
    cadre_detail,
    cadre_list,
)
from partydesk.services.cadres import (
    CadreInput,
    PostInput,
    SalaryStep,
    create_cadre,
    end_post,
    plan_cadre,
    planning_check,
    record_post,
    record_salary_step,
    record_training,
    remove_planning,
    update_cadre,
)
from tests.helpers import snapshot

TODAY = date(2026, 11, 23)


def _cadre(db, name: str = "Phạm Văn Bình", serial: int = 55, **extra) -> int:
    values = {
        "full_name": name,
        "sex": "nam",
        "birth_date": date(1975, 4, 2),
        "cccd": make_cccd("068", "nam", 1975, serial),
        "salary_grade": "Chuyên viên",
        "salary_step": 3,
        "salary_coefficient": 3.0,
        "salary_step_date": date(2023, 1, 1),
    }
    values.update(extra)
    return create_cadre(db, CadreInput(**values)).id


def test_list_shows_main_and_concurrent_posts_held_today(db):
    cadre = _cadre(db)
    record_post(db, cadre, PostInput(title="Phó Chủ tịch UBND xã", start_on=date(2020, 1, 1)))
    record_post(db, cadre, PostInput(title="Bí thư Đảng ủy xã", start_on=date(2025, 7, 1)))
    record_post(
        db,
        cadre,
        PostInput(title="Chủ tịch HĐND xã", start_on=date(2025, 7, 1), concurrent=True),
    )
    old_concurrent = record_post(
        db,
        cadre,
        PostInput(title="Trưởng ban Dân vận", start_on=date(2021, 1, 1), concurrent=True),
    )
    end_post(db, old_concurrent, date(2025, 6, 30))
    _cadre(db, "Lê Thị Ánh", 56, sex="nữ", is_local=False, cccd=make_cccd("068", "nữ", 1975, 56))
    rows = cadre_list(db, today=TODAY)
    assert [r.full_name for r in rows] == ["Lê Thị Ánh", "Phạm Văn Bình"]  # name order
    row = rows[1]
    assert (row.main_post, row.concurrent_posts) == ("Bí thư Đảng ủy xã", ("Chủ tịch HĐND xã",))
    assert (row.salary_grade, row.salary_step, row.salary_coefficient) == ("Chuyên viên", 3, 3.0)
    assert rows[0].main_post == ""
    assert not rows[0].is_local
    # On a past date the earlier posts were the current ones.
    past = cadre_list(db, today=date(2024, 1, 1))[1]
    assert (past.main_post, past.concurrent_posts) == (
        "Phó Chủ tịch UBND xã",
        ("Trưởng ban Dân vận",),
    )


def test_detail_holds_the_whole_record(db):
    cadre = _cadre(db)
    record_post(
        db,
        cadre,
        PostInput(
            title="Bí thư Đảng ủy xã",
            post_code="bi_thu_dang_uy",
            start_on=date(2025, 7, 1),
            kind="election",
        ),
    )
    record_training(db, cadre, "theory", "cao_cap", institution="Học viện CTQG Hồ Chí Minh")
    plan_cadre(db, cadre, "2025–2030", "Chủ tịch UBND xã", date(2025, 10, 1))
    detail = cadre_detail(db, cadre)
    assert detail.data.full_name == "Phạm Văn Bình"
    assert [(p.title, p.post_code, p.kind) for p in detail.posts] == [
        ("Bí thư Đảng ủy xã", "bi_thu_dang_uy", "election")
    ]
    assert [(t.category, t.level_name) for t in detail.training] == [("theory", "Cao cấp")]
    assert [(p.term, p.post_title) for p in detail.planning] == [("2025-2030", "Chủ tịch UBND xã")]
    with pytest.raises(PartydeskError) as caught:
        cadre_detail(db, 999_999)
    assert caught.value.code == "cadre.not_found"


def test_update_changes_personal_fields_but_never_the_salary(db):
    cadre = _cadre(db)
    data = cadre_detail(db, cadre).data
    update_cadre(
        db,
        cadre,
        replace(
            data,
            full_name="Phạm  Văn Bình ",
            hometown="Đà Lạt",
            is_local=False,
            status="retired",
            salary_step=9,
            salary_coefficient=9.9,
        ),
    )
    after = cadre_detail(db, cadre).data
    assert (after.full_name, after.hometown, after.is_local, after.status) == (
        "Phạm Văn Bình",
        "Đà Lạt",
        False,
        "retired",
    )
    assert (after.salary_step, after.salary_coefficient) == (3, 3.0)


def test_update_refuses_bad_input_and_writes_nothing(db, db_path):
    cadre = _cadre(db)
    data = cadre_detail(db, cadre).data
    before = snapshot(db_path)
    cases = [
        (replace(data, full_name=" "), "field.required"),
        (replace(data, sex="không rõ"), "field.invalid"),
        (replace(data, birth_date=date(2999, 1, 1)), "field.future_date"),
        (replace(data, cccd="068175000055"), "field.invalid"),
        (replace(data, status="vanished"), "field.unknown_code"),
        (replace(data, member_id=999_999), "member.not_found"),
    ]
    for bad, code in cases:
        with pytest.raises(PartydeskError) as caught:
            update_cadre(db, cadre, bad)
        assert caught.value.code == code
    assert snapshot(db_path) == before


def test_end_post_keeps_the_post_and_refuses_nonsense(db, db_path):
    cadre = _cadre(db)
    post = record_post(db, cadre, PostInput(title="Chánh Văn phòng", start_on=date(2022, 3, 1)))
    before = snapshot(db_path)
    with pytest.raises(ValidationError) as caught:
        end_post(db, post, date(2022, 2, 1))
    assert caught.value.code == "date.order"
    with pytest.raises(PartydeskError) as caught:
        end_post(db, 999_999, date(2023, 1, 1))
    assert caught.value.code == "cadre.post_not_found"
    assert snapshot(db_path) == before
    end_post(db, post, date(2024, 12, 31))
    with pytest.raises(PartydeskError) as caught:
        end_post(db, post, date(2025, 1, 1))
    assert caught.value.code == "cadre.post_ended"
    with db.reader() as session:
        row = session.get(CadrePost, post)
        assert row is not None
        assert row.end_on == date(2024, 12, 31)


def test_record_post_refuses_an_unknown_post_code(db, db_path):
    cadre = _cadre(db)
    before = snapshot(db_path)
    with pytest.raises(ValidationError) as caught:
        record_post(db, cadre, PostInput(title="X", post_code="vua", start_on=date(2022, 3, 1)))
    assert caught.value.code == "field.unknown_code"
    assert snapshot(db_path) == before


def test_planning_warns_past_three_people_and_removal_keeps_the_entry(db, db_path):
    people = [_cadre(db, f"Người Số{n}", 60 + n) for n in range(4)]
    for cadre in people[:3]:
        result = plan_cadre(db, cadre, "2025-2030", "Chủ tịch UBND xã", date(2025, 10, 1))
        assert result.warnings == ()
    warnings = planning_check(db, people[3], "2025–2030", "Chủ tịch UBND xã", date(2025, 10, 1))
    assert len(warnings) == 1
    assert "tối đa 3" in warnings[0]
    result = plan_cadre(db, people[3], "2025–2030", "Chủ tịch UBND xã", date(2025, 10, 1))
    assert result.warnings == warnings  # a warning, not a refusal: the entry is written
    with db.reader() as session:
        first = session.scalars(
            select(CadrePlanning.id).where(CadrePlanning.cadre_id == people[0])
        ).one()
    before = snapshot(db_path)
    with pytest.raises(ValidationError) as caught:
        remove_planning(db, first, date(2026, 1, 5), "  ")
    assert caught.value.code == "field.required"
    with pytest.raises(ValidationError) as caught:
        remove_planning(db, first, date(2025, 9, 1), "Chuyển công tác")
    assert caught.value.code == "date.order"
    assert snapshot(db_path) == before
    remove_planning(db, first, date(2026, 1, 5), "Chuyển công tác")
    with pytest.raises(PartydeskError) as caught:
        remove_planning(db, first, date(2026, 1, 6), "Lần nữa")
    assert caught.value.code == "cadre.planning_removed"
    with db.reader() as session:
        row = session.get(CadrePlanning, first)
        assert row is not None
        assert row.deleted_at is None
        assert (row.removed_on, row.removal_reason) == (date(2026, 1, 5), "Chuyển công tác")
    # The removed entry no longer counts: four entries were made, three remain live.
    again = planning_check(db, people[0], "2025-2030", "Chủ tịch UBND xã", date(2026, 2, 1))
    assert again == ("Chức danh «Chủ tịch UBND xã» đã có 3 người trong quy hoạch (tối đa 3).",)


def test_planning_warns_past_three_posts_per_person(db):
    cadre = _cadre(db)
    for title in ("Bí thư Đảng ủy xã", "Chủ tịch UBND xã", "Chủ tịch HĐND xã"):
        plan_cadre(db, cadre, "2025-2030", title, date(2025, 10, 1))
    warnings = planning_check(db, cadre, "2025-2030", "Phó Bí thư", date(2025, 10, 1))
    assert warnings == ("Cán bộ đã được quy hoạch 3 chức danh (tối đa 3).",)
    with pytest.raises(ValidationError) as caught:
        planning_check(db, cadre, "2025", "Phó Bí thư", date(2025, 10, 1))
    assert caught.value.code == "term.invalid"


def test_salary_step_keeps_the_old_step_in_an_event(db, db_path):
    cadre = _cadre(db)
    event_id = record_salary_step(
        db,
        cadre,
        SalaryStep(
            grade="Chuyên viên",
            grade_code="01.003",
            step=4,
            coefficient=3.33,
            on=date(2026, 1, 1),
            decision_no="15-QĐ/UBND",
        ),
        today=TODAY,
    )
    with db.reader() as session:
        event = session.get(CadreEvent, event_id)
        cadre_row = session.get(Cadre, cadre)
        assert event is not None
        assert cadre_row is not None
        assert event.kind == "salary_step"
        assert event.decision_no == "15-QĐ/UBND"
        details = json.loads(event.details_json)
        assert (cadre_row.salary_step, cadre_row.salary_coefficient) == (4, 3.33)
        assert cadre_row.salary_step_date == date(2026, 1, 1)
    assert details["old"] == {
        "grade": "Chuyên viên",
        "grade_code": "",
        "step": 3,
        "coefficient": 3.0,
        "on": "2023-01-01",
    }
    assert details["new"]["step"] == 4
    history = cadre_detail(db, cadre).salary_history
    assert [e.details["new"]["coefficient"] for e in history] == [3.33]
    before = snapshot(db_path)
    bad = [
        (SalaryStep("Chuyên viên", 5, 3.66, date(2025, 12, 1)), "date.order"),
        (SalaryStep("", 5, 3.66, date(2026, 6, 1)), "field.required"),
        (SalaryStep("Chuyên viên", 0, 3.66, date(2026, 6, 1)), "field.invalid"),
        (SalaryStep("Chuyên viên", 5, 366.0, date(2026, 6, 1)), "field.invalid"),
        (SalaryStep("Chuyên viên", 5, 3.66, date(2999, 1, 1)), "field.future_date"),
    ]
    for step, code in bad:
        with pytest.raises(ValidationError) as caught:
            record_salary_step(db, cadre, step, today=TODAY)
        assert caught.value.code == code
    assert snapshot(db_path) == before


def test_training_checks_category_and_level(db):
    cadre = _cadre(db)
    record_training(db, cadre, "qualification", "dai_hoc", field="Luật", end_on=date(1998, 6, 1))
    with pytest.raises(ValidationError) as caught:
        record_training(db, cadre, "astrology", None)
    assert caught.value.code == "field.unknown_code"
    with pytest.raises(ValidationError) as caught:
        record_training(db, cadre, "theory", "dai_hoc")  # a qualification, not a theory level
    assert caught.value.code == "field.unknown_code"
    with db.reader() as session:
        rows = session.execute(
            select(CadreTraining.category, CadreTraining.level_code, CadreTraining.field)
        ).all()
    assert [tuple(r) for r in rows] == [("qualification", "dai_hoc", "Luật")]
