"""The dues page, the cadre deadlines page and the rule table editor, driven like a clerk."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from partydesk.rules import make_cccd
from partydesk.services.cadres import CadreInput, PostInput, create_cadre, plan_cadre, record_post
from partydesk.services.dues import DuesEntry, dues_register, record_dues, set_member_dues
from partydesk.services.member_input import MemberInput
from partydesk.services.members import create_member
from partydesk.services.rule_admin import rule_history
from partydesk.ui.dialogs import rule_editor
from partydesk.ui.dialogs.rule_editor import RuleEditorDialog
from partydesk.ui.pages import dues as dues_page
from partydesk.ui.pages.cadre_deadlines import CadreDeadlinesPage
from partydesk.ui.pages.dues import DuesGridModel, DuesPage, parse_money
from tests.conftest import TODAY

OCT = date(2026, 10, 1)


def _rows(path: Path, table: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
    finally:
        con.close()


def _member(db, org: int, name: str, serial: int) -> int:
    return create_member(
        db,
        MemberInput(
            full_name=name,
            sex="nam",
            birth_date=date(1980, 2, 2),
            organization_id=org,
            cccd=make_cccd("068", "nam", 1980, serial),
            decision_date=date(2010, 1, 4),
            ceremony_date=date(2010, 2, 1),
            official_date=date(2011, 2, 1),
        ),
        today=TODAY,
    ).id


@pytest.fixture
def branch(ui_ctx, org_ids) -> dict[str, int]:
    db = ui_ctx.db
    org = org_ids["DR.01.01"]
    ids = {
        "an": _member(db, org, "Nguyễn Văn An", 1),
        "binh": _member(db, org, "Trần Văn Bình", 2),
        "cuong": _member(db, org, "Lê Văn Cường", 3),
    }
    set_member_dues(db, ids["an"], "bhxh", 6_000_000, TODAY)
    set_member_dues(db, ids["binh"], "huu_tri", 5_000_000, TODAY)
    # Cường has no category yet: his expected amount cannot be computed.
    for month in range(1, 11):
        record_dues(
            db, org, date(2026, month, 1), [DuesEntry(ids["an"], 60_000)], date(2026, month, 5)
        )
    return {**ids, "org": org}


@pytest.fixture
def page(qtbot, ui_ctx, branch) -> DuesPage:
    widget = DuesPage(ui_ctx, today=TODAY)
    qtbot.addWidget(widget)
    widget.select_branch(branch["org"])
    widget.month.setCurrentIndex(9)  # October
    widget.show()
    return widget


def _type_amount(qtbot, page: DuesPage, row: int, text: str) -> None:
    index = page.model.index(row, DuesGridModel.PAID)
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    editor = page.table.indexWidget(index)  # the delegate's editor of that cell
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on Return through a queued call.
    QApplication.processEvents()


def test_money_parsing():
    assert parse_money("45.679") == 45_679
    assert parse_money("45,679 đ") == 45_679
    assert parse_money("") is None
    with pytest.raises(ValueError, match="abc"):
        parse_money("abc")


def test_grid_model_passes_the_model_tester(qtmodeltester, page):
    assert page.model.rowCount() == 3
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.unpaid_model)


def test_register_grid_shows_expected_and_paid(page, branch):
    names = [page.model.register_row(i).full_name for i in range(3)]
    assert names == ["Nguyễn Văn An", "Trần Văn Bình", "Lê Văn Cường"]
    cell = page.model.index(0, 3).data()
    assert cell == "60.000"
    assert page.model.index(1, 3).data() == "25.000"
    assert page.model.index(0, DuesGridModel.PAID).data() == "60.000"
    assert page.model.index(0, 5).data() == "05/10/2026"
    assert "chưa có đối tượng" in page.model.index(2, 6).data()
    assert "phải nộp 85.000 đ; đã nộp 60.000 đ" in page.totals.text()
    # Bình and Cường paid nothing this year: both behind, Ân is not.
    flagged = {page.unpaid_model.row_at(i).member_id for i in range(page.unpaid_model.rowCount())}
    assert flagged == {branch["binh"], branch["cuong"]}


def test_typing_amounts_and_saving_one_batch(qtbot, page, branch, ui_ctx, db_path, monkeypatch):
    before = _rows(db_path, "dues_payment")
    _type_amount(qtbot, page, 2, "abc")
    assert "không phải số tiền" in page.status.text()
    _type_amount(qtbot, page, 2, "0")
    assert "lớn hơn 0" in page.status.text()
    assert page.model.amount(2) is None
    _type_amount(qtbot, page, 2, "10.000")
    assert page.model.amount(2) == 10_000
    assert _rows(db_path, "dues_payment") == before  # nothing written before Save
    announced: list[frozenset[str]] = []
    ui_ctx.bus.changed.connect(announced.append)
    page.save_button.click()
    assert "Đã lưu" in page.status.text()
    assert announced == [frozenset({"dues"})]
    paid = {r.member_id: r.paid_amount for r in dues_register(ui_ctx.db, branch["org"], OCT)}
    assert paid == {branch["an"]: 60_000, branch["binh"]: None, branch["cuong"]: 10_000}
    page.save_button.click()
    assert "Chưa nhập" in page.status.text()


def test_fill_all_then_save_asks_before_overwriting(qtbot, page, branch, ui_ctx, monkeypatch):
    asked: list[str] = []
    answer = {"value": False}

    def confirm(_parent, _title, text):
        asked.append(text)
        return answer["value"]

    monkeypatch.setattr(dues_page, "ask_confirmation", confirm)
    _type_amount(qtbot, page, 0, "70000")  # Ân's recorded 60,000 would be overwritten
    page.save_button.click()
    assert "Nguyễn Văn An" in asked[0]
    assert page.status.text() == "Chưa lưu."
    registered = {r.member_id: r.paid_amount for r in dues_register(ui_ctx.db, branch["org"], OCT)}
    assert registered[branch["an"]] == 60_000
    page.fill_button.click()
    assert "1 đảng viên chưa tính được" in page.status.text()
    assert [page.model.amount(i) for i in range(3)] == [60_000, 25_000, None]
    page.save_button.click()  # 60,000 again: nothing overwritten, no question
    assert len(asked) == 1
    paid = {r.member_id: r.paid_amount for r in dues_register(ui_ctx.db, branch["org"], OCT)}
    assert paid == {branch["an"]: 60_000, branch["binh"]: 25_000, branch["cuong"]: None}
    answer["value"] = True
    _type_amount(qtbot, page, 0, "70000")
    page.save_button.click()
    assert len(asked) == 2
    paid = {r.member_id: r.paid_amount for r in dues_register(ui_ctx.db, branch["org"], OCT)}
    assert paid[branch["an"]] == 70_000


def test_bad_payment_date_writes_nothing(qtbot, page, db_path):
    before = _rows(db_path, "dues_payment")
    page.fill_button.click()
    page.paid_on.line.setText("31/02/2026")
    page.save_button.click()
    assert "31/02/2026" in page.status.text()
    page.paid_on.line.setText("01/12/2026")  # in the future for the fixed clock
    page.save_button.click()
    assert "tương lai" in page.status.text()
    assert _rows(db_path, "dues_payment") == before


def test_double_click_asks_for_the_member(qtbot, page, branch):
    index = page.unpaid_model.index(0, 0)
    rect = page.unpaid_table.visualRect(index)
    # A double click is a press, a release, then the double-click event.
    qtbot.mouseClick(page.unpaid_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.member_requested) as signal:
        qtbot.mouseDClick(
            page.unpaid_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
        )
    assert signal.args[0] in {branch["binh"], branch["cuong"]}


# --- cadre deadlines ---------------------------------------------------------------------------


@pytest.fixture
def cadres(ui_ctx) -> dict[str, int]:
    db = ui_ctx.db

    def cadre(name: str, birth: date, serial: int, **salary: object) -> int:
        return create_cadre(
            db,
            CadreInput(
                full_name=name,
                sex="nam",
                birth_date=birth,
                cccd=make_cccd("068", "nam", birth.year, serial),
                **salary,  # type: ignore[arg-type]
            ),
        ).id

    ids = {
        "soon": cadre("Đỗ Văn Hải", date(1965, 6, 10), 1),  # retires 31/12/2026
        "later": cadre("Bùi Văn Khoa", date(1965, 8, 20), 2),  # retires 31/05/2027
        "step": cadre(
            "Nguyễn Văn An",
            date(1985, 1, 1),
            3,
            salary_grade="Nhân viên",
            salary_grade_code="01.005",
            salary_step=2,
            salary_coefficient=2.0,
            salary_step_date=date(2024, 12, 1),
        ),
    }
    record_post(db, ids["step"], PostInput(title="Trưởng phòng", start_on=date(2022, 5, 1)))
    for number in range(5):
        plan_cadre(db, ids["soon" if number == 0 else "step"], "2025-2030", f"Chức {number}", TODAY)
    plan_cadre(db, ids["later"], "2025-2030", "Chức 1", TODAY)
    return ids


def test_cadre_deadline_tabs(qtbot, qtmodeltester, ui_ctx, cadres):
    page = CadreDeadlinesPage(ui_ctx, today=TODAY)
    qtbot.addWidget(page)
    page.show()
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles == [
        "Nhiệm kỳ và thông báo bổ nhiệm lại",
        "Nghỉ hưu 6/12/24 tháng",
        "Nâng bậc lương",
        "Quy hoạch",
    ]
    assert page.terms_model.rowCount() == 1
    assert page.terms_model.index(0, 3).data() == "30/04/2027"
    retiring = {page.retirement_model.row_at(i).cadre_id for i in range(2)}
    assert retiring == {cadres["soon"], cadres["later"]}
    page.months.setCurrentIndex(0)  # 6 months
    assert page.retirement_model.rowCount() == 1
    assert page.retirement_model.index(0, 4).data() == "31/12/2026"
    assert page.steps_model.rowCount() == 1
    assert page.steps_model.index(0, 5).data() == "01/12/2026"
    page.steps_ahead.setValue(0)
    assert page.steps_model.rowCount() == 0
    assert page.planning_model.rowCount() == 1  # "Nguyễn Văn An" is planned for 4 posts
    for model in (page.terms_model, page.retirement_model, page.planning_model):
        qtmodeltester.check(model)
    page.term.setText("2030-2035")
    page.term.editingFinished.emit()
    assert page.planning_model.rowCount() == 0
    page.term.setText("sau này")
    page.term.editingFinished.emit()
    assert "Nhiệm kỳ" in page.status.text()
    page.term.setText("2025-2030")
    page.term.editingFinished.emit()
    page.tabs.setCurrentIndex(1)
    rect = page.retirement_table.visualRect(page.retirement_model.index(0, 0))
    qtbot.mouseClick(page.retirement_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.cadre_requested) as signal:
        qtbot.mouseDClick(
            page.retirement_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
        )
    assert signal.args == [cadres["soon"]]


# --- rule editor --------------------------------------------------------------------------------


@pytest.fixture
def editor(qtbot, ui_ctx) -> RuleEditorDialog:
    dialog = RuleEditorDialog(ui_ctx, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_rule_editor_lists_rules_with_source_and_marks(qtmodeltester, editor):
    assert editor.select_key("dues.other_groups_monthly")
    row = editor.rules_table.selectionModel().selectedRows()[0].row()
    assert "chưa chắc chắn" in editor.rules_model.index(row, 3).data()
    assert "Quy định 01-QĐ/TW 2026" in editor.rules_model.index(row, 4).data()
    assert editor.history_model.rowCount() == 1
    assert "chưa chắc chắn" in editor.selected_label.text()
    qtmodeltester.check(editor.rules_model)
    qtmodeltester.check(editor.history_model)


def test_rule_editor_shows_problems_inline_and_writes_nothing(qtbot, editor, db_path, monkeypatch):
    monkeypatch.setattr(rule_editor, "ask_confirmation", lambda *_args: True)
    before = _rows(db_path, "rule_parameter")
    editor.select_key("dues.rate_salary")
    editor.valid_from.set_value(date(2027, 1, 1))
    qtbot.keyClicks(editor.value, "1%")
    editor.add_button.click()
    assert "JSON" in editor.problem.text()
    editor.value.setText("2")
    editor.reason.setText("Thử")
    editor.add_button.click()
    assert "nhỏ hơn 1" in editor.problem.text()
    editor.value.setText("0.02")
    editor.reason.setText("")
    editor.add_button.click()
    assert "lý do" in editor.problem.text()
    editor.valid_from.line.setText("hôm qua")
    editor.reason.setText("Thử")
    editor.add_button.click()
    assert "ngày/tháng/năm" in editor.problem.text()
    assert _rows(db_path, "rule_parameter") == before


def test_rule_editor_adds_and_reverts_a_dated_value(qtbot, editor, ui_ctx, monkeypatch):
    answers: list[bool] = [False, True, True]
    monkeypatch.setattr(rule_editor, "ask_confirmation", lambda *_args: answers.pop(0))
    editor.select_key("dues.student_monthly")
    editor.valid_from.set_value(date(2027, 1, 1))
    qtbot.keyClicks(editor.value, "6000")
    editor.reason.setText("Hướng dẫn mới của Trung ương")  # QTest types Latin-1 only
    editor.add_button.click()  # refused at the confirmation: nothing written
    assert len(rule_history(ui_ctx.db, "dues.student_monthly")) == 1
    announced: list[frozenset[str]] = []
    ui_ctx.bus.changed.connect(announced.append)
    editor.add_button.click()
    history = rule_history(ui_ctx.db, "dues.student_monthly")
    assert [(h.value, h.is_default) for h in history] == [(5000, True), (6000, False)]
    assert history[1].note == "Hướng dẫn mới của Trung ương"
    assert announced == [frozenset({"rules"})]
    assert editor.selected_key() == "dues.student_monthly"
    assert editor.history_model.rowCount() == 2
    editor.history_table.selectRow(0)
    assert not editor.revert_button.isEnabled()  # a shipped value cannot be reverted
    editor.history_table.selectRow(1)
    assert editor.revert_button.isEnabled()
    editor.revert_button.click()
    assert "lý do" in editor.problem.text()
    editor.reason.setText("Nhập nhầm")
    editor.revert_button.click()
    assert rule_history(ui_ctx.db, "dues.student_monthly")[1].reverted
    assert "(đã hủy)" in editor.history_model.index(1, 2).data()
