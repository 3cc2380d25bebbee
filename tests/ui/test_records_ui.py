"""GUI flows of leaving, exemption, discipline, re-admission, ratings and badges (real widgets)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QTableView, QWidget
from sqlalchemy import select

from partydesk.codes import EventKind, MemberStatus
from partydesk.db.engine import Database
from partydesk.db.models import Member, MemberEvent, MemberRating, OrganizationRating
from partydesk.services import leaving, ratings
from partydesk.services.leaving import LeaveInput
from partydesk.ui.context import UiContext
from partydesk.ui.dialogs import leaving_dialogs
from partydesk.ui.dialogs.leaving_dialogs import (
    DisciplineDialog,
    ExemptionDialog,
    LeaveDialog,
    ReadmissionDialog,
)
from partydesk.ui.pages import badges as badges_page
from partydesk.ui.pages.badges import BadgesPage
from partydesk.ui.pages.ratings import RatingsPage
from tests.conftest import TODAY
from tests.helpers import snapshot
from tests.integration.test_leaving import make_member


@pytest.fixture
def confirm(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer Yes to every confirmation and keep the questions."""
    asked: list[str] = []

    def yes(_parent: QWidget | None, _title: str, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(leaving_dialogs, "ask_confirmation", yes)
    monkeypatch.setattr(badges_page, "ask_confirmation", yes)
    return asked


def _status(db: Database, member_id: int) -> str:
    with db.reader() as session:
        member = session.get(Member, member_id)
        assert member is not None
        return member.status


def _choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def _keys(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type key by key; QTest.keyClicks aborts on letters outside ASCII."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def _type(field: QLineEdit, qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    field.clear()
    _keys(qtbot, field, text)


def test_leave_dialog_strikes_off_after_confirmation(
    ui_ctx: UiContext, org_ids: dict[str, int], qtbot, confirm: list[str]
) -> None:  # type: ignore[no-untyped-def]
    member_id = make_member(ui_ctx.db, org_ids["DR.01.01"])
    heard: list[frozenset[str]] = []
    ui_ctx.bus.changed.connect(heard.append)
    dialog = LeaveDialog(ui_ctx, member_id)
    qtbot.addWidget(dialog)
    assert "Nguyễn Văn An" in dialog.member_label.text()
    _choose(dialog.kind, "xoa_ten")
    assert dialog.form.isRowVisible(dialog.ground)
    assert not dialog.form.isRowVisible(dialog.serious)
    grounds = [dialog.ground.itemData(i) for i in range(dialog.ground.count())]
    assert "tra_huy_the" in grounds  # an official member
    _choose(dialog.ground, "khong_dong_dang_phi")
    _type(dialog.on.line, qtbot, "01/10/2026")
    _type(dialog.decision_no, qtbot, "16-QĐ/ĐU")
    assert "01/10/2026" in dialog.effect.text()
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert "ra khỏi Đảng" in confirm[0]
    assert _status(ui_ctx.db, member_id) == MemberStatus.LEFT
    assert frozenset({"member"}) in heard


def test_leave_dialog_refusal_and_cancel_write_nothing(
    ui_ctx: UiContext, db_path: Path, org_ids: dict[str, int], qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    member_id = make_member(
        ui_ctx.db, org_ids["DR.01.01"], decision=date(2026, 1, 5), official=False
    )
    before = snapshot(db_path)
    monkeypatch.setattr(leaving_dialogs, "ask_confirmation", lambda *_args: False)
    dialog = LeaveDialog(ui_ctx, member_id)
    qtbot.addWidget(dialog)
    grounds = [dialog.ground.itemData(i) for i in range(dialog.ground.count())]
    assert "tra_huy_the" not in grounds  # not for a probationary member
    _choose(dialog.kind, "xin_ra")
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert snapshot(db_path) == before  # the clerk said no
    monkeypatch.setattr(leaving_dialogs, "ask_confirmation", lambda *_args: True)
    _choose(dialog.kind, "khai_tru")
    assert dialog.form.isRowVisible(dialog.serious)
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert not dialog.error.isHidden()
    assert "Khai trừ" in dialog.error.text()
    _choose(dialog.kind, "xin_ra")
    _type(dialog.on.line, qtbot, "32/13/2026")
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert "32/13/2026" in dialog.error.text() or "Không có ngày" in dialog.error.text()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert snapshot(db_path) == before


def test_exemption_dialog_starts_and_ends(
    ui_ctx: UiContext, org_ids: dict[str, int], qtbot
) -> None:  # type: ignore[no-untyped-def]
    member_id = make_member(ui_ctx.db, org_ids["DR.01.01"])
    dialog = ExemptionDialog(ui_ctx, member_id)
    qtbot.addWidget(dialog)
    assert not dialog.ending
    assert "vẫn tính" in dialog.effect.text()
    _type(dialog.start.line, qtbot, "01/09/2026")
    _type(dialog.until.line, qtbot, "31/12/2026")
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert "lý do" in dialog.error.text()  # refused: no reason
    _type(dialog.reason, qtbot, "Tuổi cao, sức yếu")
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert _status(ui_ctx.db, member_id) == MemberStatus.EXEMPTED
    ending = ExemptionDialog(ui_ctx, member_id)
    qtbot.addWidget(ending)
    assert ending.ending
    assert "31/12/2026" in ending.effect.text()
    _type(ending.end.line, qtbot, "01/11/2026")
    qtbot.mouseClick(ending.ok_button(), Qt.MouseButton.LeftButton)
    assert _status(ui_ctx.db, member_id) == MemberStatus.OFFICIAL


def test_discipline_dialog_review_then_sanction(
    ui_ctx: UiContext, org_ids: dict[str, int], qtbot, confirm: list[str]
) -> None:  # type: ignore[no-untyped-def]
    member_id = make_member(ui_ctx.db, org_ids["DR.01.01"])
    dialog = DisciplineDialog(ui_ctx, member_id)
    qtbot.addWidget(dialog)
    assert dialog.current_action() == DisciplineDialog.REVIEW
    _type(dialog.on.line, qtbot, "01/09/2026")
    _type(dialog.reason, qtbot, "Vi phạm quy định")
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    with ui_ctx.db.reader() as session:
        assert leaving.under_discipline_review(session, member_id)
    second = DisciplineDialog(ui_ctx, member_id)
    qtbot.addWidget(second)
    assert second.action.itemData(0) == DisciplineDialog.CLOSE
    _choose(second.action, DisciplineDialog.SANCTION)
    sanctions = [second.sanction.itemData(i) for i in range(second.sanction.count())]
    assert sanctions == ["khien_trach", "canh_cao", "cach_chuc", "khai_tru"]
    _choose(second.sanction, "canh_cao")
    _type(second.on.line, qtbot, "01/10/2026")
    qtbot.mouseClick(second.ok_button(), Qt.MouseButton.LeftButton)
    assert "số quyết định" in second.error.text()  # refused, stays open
    _type(second.decision_no, qtbot, "5-QĐ/UBKT")
    qtbot.mouseClick(second.ok_button(), Qt.MouseButton.LeftButton)
    assert second.result() == second.DialogCode.Accepted
    assert "Cảnh cáo" in confirm[-1]
    with ui_ctx.db.reader() as session:
        assert not leaving.under_discipline_review(session, member_id)
        kinds = session.scalars(
            select(MemberEvent.kind).where(MemberEvent.member_id == member_id)
        ).all()
    assert EventKind.DISCIPLINE.value in kinds


def test_readmission_dialog_shows_the_reasons(
    ui_ctx: UiContext, org_ids: dict[str, int], qtbot
) -> None:  # type: ignore[no-untyped-def]
    member_id = make_member(ui_ctx.db, org_ids["DR.01.01"], decision=date(1995, 3, 10))
    leaving.record_leaving(ui_ctx.db, member_id, LeaveInput("xin_ra", date(2023, 6, 1)), TODAY)
    dialog = ReadmissionDialog(ui_ctx, member_id)
    qtbot.addWidget(dialog)
    assert dialog.reasons.isHidden()  # today is more than 36 months after leaving
    _type(dialog.decision_no, qtbot, "7-QĐ/ĐU")
    _type(dialog.on.line, qtbot, "01/05/2026")
    assert "01/06/2026" in dialog.reasons.text()
    assert "Quy định 232-QĐ/TW 2025" in dialog.reasons.text()
    assert not dialog.reasons.isHidden()
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert "36 tháng" in dialog.error.text()
    assert _status(ui_ctx.db, member_id) == MemberStatus.LEFT
    _type(dialog.on.line, qtbot, "01/07/2026")
    assert dialog.reasons.isHidden()
    _choose(dialog.branch, org_ids["DR.02"])
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    with ui_ctx.db.reader() as session:
        member = session.get(Member, member_id)
        assert member is not None
        assert member.status == MemberStatus.CANDIDATE
        assert member.organization_id == org_ids["DR.02"]


def _edit_cell(table: QTableView, row: int, column: int, qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    index = table.model().index(row, column)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = next(e for e in table.viewport().findChildren(QLineEdit) if e.isVisible())
    editor.selectAll()
    _keys(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits and closes the editor through a queued call.
    qtbot.waitUntil(lambda: table.state() != QTableView.State.EditingState)


def _choose_level(table: QTableView, row: int, code: str) -> None:
    index = table.model().index(row, 3)
    table.setCurrentIndex(index)
    table.edit(index)
    # Closed editors linger until deleted: the open one is the visible one.
    combo = next(c for c in table.viewport().findChildren(QComboBox) if c.isVisible())
    _choose(combo, code)
    table.commitData(combo)
    table.closeEditor(combo, table.itemDelegate().EndEditHint.NoHint)


def test_ratings_page_batch_and_warning(
    ui_ctx: UiContext, org_ids: dict[str, int], qtbot, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    branch = org_ids["DR.01.01"]
    ids = [make_member(ui_ctx.db, branch, f"Nguyễn Văn {n}") for n in ("An", "Bình", "Cường")]
    page = RatingsPage(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.year.setValue(2025)
    _choose(page.branch, branch)
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 3
    names = [page.model.row_at(r).full_name for r in range(3)]
    row_of = {page.model.row_at(r).member_id: r for r in range(3)}
    assert sorted(names) == names or len(names) == 3
    _edit_cell(page.table, row_of[ids[0]], 2, qtbot, "95")
    assert page.model.row_at(row_of[ids[0]]).level_code == "xuat_sac"
    _choose_level(page.table, row_of[ids[1]], "tot")
    # A level against the points is refused at saving, nothing written.
    _edit_cell(page.table, row_of[ids[2]], 2, qtbot, "60")
    _choose_level(page.table, row_of[ids[2]], "tot")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "60 điểm" in page.message.text()
    with ui_ctx.db.reader() as session:
        assert session.scalars(select(MemberRating)).all() == []
    _choose_level(page.table, row_of[ids[2]], "hoan_thanh")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "Đã lưu 3 xếp loại" in page.message.text()
    assert ratings.branch_ratings(ui_ctx.db, branch, "2025")[0].level_code is not None
    # One "xuất sắc" against one "tốt" is more than 20 %: a warning, not a refusal.
    assert page.warning.isVisible()
    assert "20%" in page.warning.text()
    assert "3 đảng viên đã xếp loại" in page.summary_label.text()
    _type(page.org_points, qtbot, "82")
    assert page.org_level.currentData() == "tot"
    qtbot.mouseClick(page.org_save, Qt.MouseButton.LeftButton)
    with ui_ctx.db.reader() as session:
        rating = session.scalars(select(OrganizationRating)).one()
        assert (rating.level_code, rating.points) == ("tot", 82)


def test_ratings_page_lists_strike_off_cases(
    ui_ctx: UiContext, org_ids: dict[str, int], qtbot
) -> None:  # type: ignore[no-untyped-def]
    member_id = make_member(ui_ctx.db, org_ids["DR.01.01"], "Phan Văn Ích")
    for period in ("2024", "2025"):
        ratings.rate_member(ui_ctx.db, member_id, period, "khong_hoan_thanh")
    page = RatingsPage(ui_ctx)
    qtbot.addWidget(page)
    page.year.setValue(2025)
    assert page.cases.rowCount() == 1
    assert page.cases.row_at(0).full_name == "Phan Văn Ích"


def test_badges_page_awards_in_batch(
    ui_ctx: UiContext, org_ids: dict[str, int], qtbot, qtmodeltester, confirm: list[str]
) -> None:  # type: ignore[no-untyped-def]
    branch = org_ids["DR.01.01"]
    due = make_member(ui_ctx.db, branch, "Trần Văn Ba Mươi", decision=date(1996, 12, 20))
    early = make_member(ui_ctx.db, branch, "Lê Văn Sớm", decision=date(1997, 6, 1))
    page = BadgesPage(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert page.select_occasion(date(2027, 2, 3))
    qtmodeltester.check(page.due_model)
    assert [page.due_model.row_at(r).member_id for r in range(page.due_model.rowCount())] == [due]
    assert page.early_model.row_at(0).member_id == early
    assert page.tabs.tabText(0) == "Đến hạn (1)"
    qtbot.mouseClick(page.award_button, Qt.MouseButton.LeftButton)
    assert "đánh dấu" in page.message.text()
    page.due_model.setData(
        page.due_model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    _edit_cell(page.due_table, 0, 5, qtbot, "HH-30-001")
    page.tabs.setCurrentIndex(1)
    qtbot.mouseClick(page.check_all_button, Qt.MouseButton.LeftButton)
    _type(page.decision_no, qtbot, "77-QĐ/TU")
    qtbot.mouseClick(page.award_button, Qt.MouseButton.LeftButton)
    assert "lý do" in page.message.text()  # early needs its reason: nothing written
    with ui_ctx.db.reader() as session:
        assert session.scalars(select(MemberEvent).where(MemberEvent.kind == "badge")).all() == []
    _type(page.early_reason, qtbot, "Bệnh hiểm nghèo")
    qtbot.mouseClick(page.award_button, Qt.MouseButton.LeftButton)
    assert "2 đảng viên" in confirm[-1]
    assert "Đã ghi 2 Huy hiệu" in page.message.text()
    with ui_ctx.db.reader() as session:
        member = session.get(Member, due)
        assert member is not None
        assert member.badge_no == "HH-30-001"
    assert page.due_model.rowCount() == 0
    assert page.early_model.rowCount() == 0
