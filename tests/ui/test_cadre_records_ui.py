"""The cadre record's tab of ratings, awards and disciplines, and removing training."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from partydesk.db.models import CadreEvent, CadreTraining
from partydesk.rules import make_cccd
from partydesk.services.cadres import CadreInput, create_cadre, record_training
from partydesk.ui.dialogs.cadre import records_tab, training_tab
from partydesk.ui.dialogs.cadre_record import CadreRecordDialog
from partydesk.ui.pages.cadres import CadresPage


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(path)
    try:
        return {
            table: con.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("cadre_event", "cadre_training", "audit_log")
        }
    finally:
        con.close()


@pytest.fixture
def page(qtbot, ui_ctx) -> CadresPage:
    widget = CadresPage(ui_ctx)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def cadre(db) -> int:
    return create_cadre(
        db,
        CadreInput(
            full_name="Lý Thị Mai",
            sex="nữ",
            birth_date=date(1985, 9, 9),
            cccd=make_cccd("068", "nữ", 1985, 31),
        ),
    ).id


@pytest.fixture
def answers(monkeypatch) -> list[bool]:
    """Answers the confirmations will give, in order (asked questions are popped)."""
    queue: list[bool] = []

    def confirm(_parent, _title, _text):
        return queue.pop(0)

    monkeypatch.setattr(records_tab, "ask_confirmation", confirm)
    monkeypatch.setattr(training_tab, "ask_confirmation", confirm)
    return queue


def _pick(combo, text: str) -> None:
    position = combo.findText(text)
    assert position >= 0, text
    combo.setCurrentIndex(position)


def test_the_tab_opens_once_the_record_exists(page):
    dialog = page.open_cadre(None)
    assert dialog.tabs.tabText(5) == "Khen thưởng, kỷ luật, đánh giá"
    assert not dialog.tabs.isTabEnabled(5)


def test_rating_award_and_discipline_through_the_tab(qtbot, db, db_path, page, cadre):
    dialog: CadreRecordDialog = page.open_cadre(cadre)
    tab = dialog.records_tab
    dialog.tabs.setCurrentIndex(5)
    assert tab.form.isRowVisible(tab.level_row)
    assert not tab.form.isRowVisible(tab.event_form)
    assert tab.event_level.count() == 4
    _pick(tab.event_level, "Hoàn thành tốt nhiệm vụ")
    tab.event_year.setValue(2025)
    tab.event_date.line.setText("20/12/2025")
    tab.event_decision.setText("05-QĐ/ĐU")
    tab.add_event_button.click()
    assert tab.error.isHidden()
    assert dialog.message.text() == "Đã thêm bản ghi khen thưởng, kỷ luật, đánh giá."
    assert tab.events_model.rowCount() == 1
    assert [tab.events_model.index(0, c).data() for c in range(6)] == [
        "20/12/2025",
        "Đánh giá, xếp loại",
        "Hoàn thành tốt nhiệm vụ",
        "2025",
        "",
        "05-QĐ/ĐU",
    ]

    # A second rating of 2025 and a future date are refused; nothing is written.
    before = _rows(db_path)
    _pick(tab.event_level, "Hoàn thành xuất sắc nhiệm vụ")
    tab.event_date.line.setText("30/12/2025")
    tab.add_event_button.click()
    assert "đã có xếp loại năm 2025" in tab.error.text()
    tab.event_year.setValue(2026)
    tab.event_date.line.setText("01/01/2027")
    tab.add_event_button.click()
    assert "ở tương lai" in tab.error.text()
    assert _rows(db_path) == before

    _pick(tab.event_kind, "Khen thưởng")
    assert tab.form.isRowVisible(tab.event_form)
    assert not tab.form.isRowVisible(tab.level_row)
    tab.event_form.setEditText("Giấy khen của Chủ tịch UBND huyện")
    tab.event_content.setText("Hoàn thành xuất sắc nhiệm vụ năm 2025")
    tab.event_date.line.setText("15/01/2026")
    tab.add_event_button.click()
    _pick(tab.event_kind, "Kỷ luật")
    _pick(tab.event_form, "Khiển trách")
    tab.event_date.line.setText("02/03/2026")
    tab.add_event_button.click()
    assert tab.error.isHidden()
    assert tab.events_model.rowCount() == 3
    assert tab.events_model.index(0, 2).data() == "Khiển trách"  # newest first
    with db.reader() as session:
        stored = {e.kind: json.loads(e.details_json) for e in session.scalars(select(CadreEvent))}
    assert stored["rating"] == {"level_code": "tot", "year": 2025}
    assert stored["award"]["form"] == "Giấy khen của Chủ tịch UBND huyện"
    assert stored["discipline"] == {"form": "Khiển trách", "form_code": "khien_trach"}


def test_removing_a_record_asks_and_needs_a_reason(qtbot, db, db_path, page, cadre, answers):
    dialog = page.open_cadre(cadre)
    tab = dialog.records_tab
    _pick(tab.event_kind, "Khen thưởng")
    tab.event_form.setEditText("Bằng khen")
    tab.event_date.line.setText("10/10/2026")
    tab.add_event_button.click()
    before = _rows(db_path)
    tab.remove_event_button.click()
    assert "Hãy chọn" in tab.error.text()
    tab.events_table.selectRow(0)
    tab.remove_event_button.click()  # no reason: refused without asking
    assert "Lý do xóa" in tab.error.text()
    tab.event_reason.setText("Nhập trùng")
    answers.append(False)
    tab.remove_event_button.click()  # declined
    assert not answers
    assert _rows(db_path) == before
    answers.append(True)
    tab.remove_event_button.click()
    assert tab.events_model.rowCount() == 0
    assert dialog.message.text() == "Đã xóa bản ghi."
    with db.reader() as session:
        event = session.scalars(select(CadreEvent)).one()
        assert event.deleted_at is not None


def test_removing_a_training_entry(qtbot, db, db_path, page, cadre, answers):
    record_training(db, cadre, "theory", "trung_cap", "", "Trường Chính trị tỉnh")
    kept = record_training(db, cadre, "it_level", None, "Tin học văn phòng")
    dialog = page.open_cadre(cadre)
    tab = dialog.training_tab
    assert tab.training_model.rowCount() == 2
    before = _rows(db_path)
    tab.remove_training_button.click()
    assert "Hãy chọn quá trình đào tạo" in tab.training_error.text()
    row = [tab.training_model.row_at(r).category for r in range(2)].index("theory")
    tab.training_table.selectRow(row)
    answers.append(False)
    tab.remove_training_button.click()
    assert _rows(db_path) == before
    answers.append(True)
    tab.remove_training_button.click()
    assert tab.training_error.isHidden()
    assert dialog.message.text() == "Đã xóa quá trình đào tạo."
    assert tab.training_model.rowCount() == 1
    with db.reader() as session:
        live = session.scalars(
            select(CadreTraining.id).where(CadreTraining.deleted_at.is_(None))
        ).all()
    assert live == [kept]
