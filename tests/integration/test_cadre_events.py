"""A cadre's ratings, awards and disciplines, and removing training entries."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from partydesk.db.models import AuditEntry, CadreEvent, CadreTraining
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import make_cccd
from partydesk.services.cadre_events import (
    cadre_event_choices,
    record_cadre_event,
    remove_cadre_event,
    remove_training,
)
from partydesk.services.cadre_records import cadre_detail
from partydesk.services.cadres import (
    CadreInput,
    SalaryStep,
    create_cadre,
    record_salary_step,
    record_training,
)

TODAY = date(2026, 11, 23)


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables these services write, and the audit log."""
    con = sqlite3.connect(path)
    try:
        return {
            table: con.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("cadre", "cadre_event", "cadre_training", "audit_log")
        }
    finally:
        con.close()


def _cadre(db, name: str = "Vũ Văn Khánh", serial: int = 77) -> int:
    return create_cadre(
        db,
        CadreInput(
            full_name=name,
            sex="nam",
            birth_date=date(1980, 2, 3),
            cccd=make_cccd("068", "nam", 1980, serial),
        ),
    ).id


def _audit(db, action: str) -> list[AuditEntry]:
    with db.reader() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == action)).all()
        session.expunge_all()
        return list(entries)


def test_choices_offer_the_four_rating_levels(db):
    choices = cadre_event_choices(db)
    assert [e.code for e in choices.rating_levels] == [
        "xuat_sac",
        "tot",
        "hoan_thanh",
        "khong_hoan_thanh",
    ]
    assert "khien_trach" in {e.code for e in choices.discipline_forms}


def test_rating_award_and_discipline_are_recorded_and_audited(db):
    cadre = _cadre(db)
    rating = record_cadre_event(
        db,
        cadre,
        "rating",
        date(2025, 12, 20),
        " 05-QĐ/ĐU ",
        {"level_code": "tot", "content": "  Năm 2025 ", "junk": 1},
        today=TODAY,
    )
    award = record_cadre_event(
        db,
        cadre,
        "award",
        date(2026, 1, 15),
        "12-QĐ/UBND",
        {"form": "Giấy khen của Chủ tịch UBND huyện", "content": "Thành tích xuất sắc"},
        note="bản sao trong hồ sơ",
        today=TODAY,
    )
    discipline = record_cadre_event(
        db,
        cadre,
        "discipline",
        date(2026, 3, 2),
        "3-QĐ/UBKT",
        {"form": "Khiển trách", "form_code": "khien_trach", "content": "Vi phạm quy chế"},
        today=TODAY,
    )
    events = {e.id: e for e in cadre_detail(db, cadre).events}
    assert events[rating].details == {"content": "Năm 2025", "level_code": "tot", "year": 2025}
    assert events[rating].decision_no == "05-QĐ/ĐU"
    assert events[award].details["form"] == "Giấy khen của Chủ tịch UBND huyện"
    assert events[award].note == "bản sao trong hồ sơ"
    assert events[discipline].details["form_code"] == "khien_trach"
    entries = _audit(db, "cadre.record_event")
    assert len(entries) == 3
    assert {e.table_name for e in entries} == {"cadre_event"}
    assert json.loads(entries[0].after_json or "{}")["kind"] == "rating"


def test_a_rating_decided_early_in_the_next_year_counts_for_the_year_before(db):
    cadre = _cadre(db)
    event = record_cadre_event(
        db, cadre, "rating", date(2026, 1, 10), "", {"level_code": "xuat_sac", "year": 2025}
    )
    (row,) = [e for e in cadre_detail(db, cadre).events if e.id == event]
    assert row.details["year"] == 2025


@pytest.mark.parametrize(
    ("kind", "on", "details", "code"),
    [
        ("salary_step", date(2026, 1, 1), {"level_code": "tot"}, "cadre.event_kind"),
        ("", date(2026, 1, 1), {}, "cadre.event_kind"),
        ("rating", date(2026, 11, 24), {"level_code": "tot"}, "field.future_date"),
        ("rating", date(2026, 1, 1), {}, "field.required"),
        ("rating", date(2026, 1, 1), {"level_code": "gioi"}, "field.unknown_code"),
        ("rating", date(2026, 1, 1), {"level_code": "tot", "year": 2023}, "cadre.rating_year"),
        ("rating", date(2026, 1, 1), {"level_code": "tot", "year": "x"}, "cadre.rating_year"),
        ("rating", date(2025, 12, 1), {"level_code": "hoan_thanh"}, "cadre.rating_exists"),
        ("award", date(2026, 1, 1), {"content": "không có hình thức"}, "field.required"),
        ("discipline", date(2026, 1, 1), {"form": "X", "form_code": "bad"}, "field.unknown_code"),
    ],
)
def test_refusals_write_nothing(db, db_path, kind, on, details, code):
    cadre = _cadre(db)
    record_cadre_event(db, cadre, "rating", date(2025, 12, 20), "", {"level_code": "tot"})
    before = _rows(db_path)
    with pytest.raises(PartydeskError) as caught:
        record_cadre_event(db, cadre, kind, on, "1-QĐ", details, today=TODAY)
    assert caught.value.code == code
    assert caught.value.message("vi") != caught.value.message("en")
    assert _rows(db_path) == before


def test_unknown_cadre_is_refused(db, db_path):
    before = _rows(db_path)
    with pytest.raises(PartydeskError) as caught:
        record_cadre_event(db, 9999, "award", date(2026, 1, 1), "", {"form": "Giấy khen"})
    assert caught.value.code == "cadre.not_found"
    assert _rows(db_path) == before


def test_removing_a_record_needs_a_reason_and_keeps_a_tombstone(db, db_path):
    cadre = _cadre(db)
    event = record_cadre_event(db, cadre, "rating", date(2025, 12, 20), "", {"level_code": "tot"})
    before = _rows(db_path)
    with pytest.raises(ValidationError) as caught:
        remove_cadre_event(db, event, "  ")
    assert caught.value.code == "field.required"
    assert _rows(db_path) == before
    remove_cadre_event(db, event, "Nhập nhầm mức xếp loại")
    assert cadre_detail(db, cadre).events == ()
    with db.reader() as session:
        row = session.get(CadreEvent, event)
        assert row is not None
        assert row.deleted_at is not None
        assert json.loads(row.details_json)["removal_reason"] == "Nhập nhầm mức xếp loại"
    (entry,) = _audit(db, "cadre.remove_event")
    assert "Nhập nhầm mức xếp loại" in (entry.after_json or "")
    # The year is free again, and a removed record cannot be removed twice.
    record_cadre_event(db, cadre, "rating", date(2025, 12, 21), "", {"level_code": "xuat_sac"})
    before = _rows(db_path)
    with pytest.raises(PartydeskError) as again:
        remove_cadre_event(db, event, "lần nữa")
    assert again.value.code == "cadre.event_not_found"
    assert _rows(db_path) == before


def test_a_salary_step_is_not_removed_as_a_record(db, db_path):
    cadre = _cadre(db)
    step = record_salary_step(
        db, cadre, SalaryStep(grade="Chuyên viên", step=1, coefficient=2.34, on=date(2025, 1, 1))
    )
    before = _rows(db_path)
    with pytest.raises(PartydeskError) as caught:
        remove_cadre_event(db, step, "thử")
    assert caught.value.code == "cadre.event_not_removable"
    with pytest.raises(PartydeskError) as missing:
        remove_cadre_event(db, 9999, "thử")
    assert missing.value.code == "cadre.event_not_found"
    assert _rows(db_path) == before


def test_remove_training_makes_a_tombstone(db, db_path):
    cadre = _cadre(db)
    training = record_training(db, cadre, "theory", "trung_cap", "", "Trường Chính trị tỉnh")
    remove_training(db, training)
    assert cadre_detail(db, cadre).training == ()
    with db.reader() as session:
        row = session.get(CadreTraining, training)
        assert row is not None
        assert row.deleted_at is not None
    (entry,) = _audit(db, "cadre.remove_training")
    assert entry.table_name == "cadre_training"
    before = _rows(db_path)
    for ref in (training, 9999):
        with pytest.raises(PartydeskError) as caught:
            remove_training(db, ref)
        assert caught.value.code == "cadre.training_not_found"
        assert "{" not in caught.value.message("en")
    assert _rows(db_path) == before
