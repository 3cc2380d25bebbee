"""The member register page, its lazy table model and the member record dialog."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QImage, QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox
from sqlalchemy import func, select

from partydesk.codes import COUNTED_STATUSES, MemberStatus
from partydesk.db.models import AuditEntry, Member
from partydesk.rules import make_cccd
from partydesk.services.member_input import MemberInput
from partydesk.services.member_photo import get_member_photo
from partydesk.services.member_queries import (
    AgeBand,
    MemberFilter,
    MemberSort,
    count_members,
    member_list_page,
)
from partydesk.services.members import create_member
from partydesk.ui.context import UiContext
from partydesk.ui.dialogs.member_record import MemberRecordDialog
from partydesk.ui.models.member_table import PLACEHOLDER, MemberTableModel
from partydesk.ui.pages.members import MembersPage, thousands
from partydesk.ui.widgets.photo import PhotoCropDialog, centre_crop_rect, crop_to_3x4
from tests.conftest import TODAY
from tests.helpers import snapshot

COUNTED = tuple(status.value for status in COUNTED_STATUSES)
DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture(autouse=True)
def _discard_without_asking(monkeypatch):
    """Closing a changed record at teardown would open a modal question and hang the run."""
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)


class DeferredRunner:
    """Holds tasks until the test runs them, in any order (a slow worker, made visible)."""

    def __init__(self) -> None:
        self.tasks: list[tuple[Callable[[], Any], Callable[[Any], None], Callable[..., None]]] = []

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None], on_error: Any) -> None:
        self.tasks.append((work, on_done, on_error))

    def run_task(self, index: int) -> None:
        work, on_done, _on_error = self.tasks.pop(index)
        on_done(work())

    def run_all(self) -> None:
        while self.tasks:
            self.run_task(0)


def type_text(qtbot, widget, text: str) -> None:
    """Type `text` key by key; QTest.keyClicks asserts on letters outside ASCII."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def _wait_loaded(qtbot, model: MemberTableModel, row: int) -> None:
    model.data(model.index(row, 0), DISPLAY)
    qtbot.waitUntil(lambda: model.data(model.index(row, 0), DISPLAY) != PLACEHOLDER, timeout=3000)


# --- the model ----------------------------------------------------------------------------


def test_model_passes_the_model_tester(qtmodeltester, qtbot, demo_ctx):
    model = MemberTableModel(demo_ctx, page_size=50, max_pages=4)
    model.refresh()
    assert model.rowCount() == count_members(demo_ctx.db)
    qtmodeltester.check(model, force_py=True)
    # Again with pages arriving (and evicted) while the tester watches the signals.
    for row in range(0, model.rowCount(), 50):
        model.data(model.index(row, 0), DISPLAY)
    qtbot.waitUntil(lambda: len(model.loaded_pages()) == 4, timeout=3000)
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_model_fetches_pages_lazily_and_signals_them(qtbot, demo_ctx):
    model = MemberTableModel(demo_ctx, page_size=50)
    model.refresh()
    total = model.rowCount()
    assert total == count_members(demo_ctx.db) > 300
    # The count and the first page come together; nothing else is fetched yet.
    assert model.loaded_pages() == [0]
    first = member_list_page(demo_ctx.db, 0, 1)[0]
    assert model.data(model.index(0, 0), DISPLAY) == first.full_name
    assert model.member_id(0) == first.id
    last = total - 1
    assert model.data(model.index(last, 0), DISPLAY) == PLACEHOLDER
    assert model.member_id(last) is None
    with qtbot.waitSignal(model.dataChanged, timeout=3000) as changed:
        pass
    top_left, bottom_right = changed.args[:2]
    assert top_left.row() == (last // 50) * 50
    assert bottom_right.row() == last
    expected = member_list_page(demo_ctx.db, last, 1)[0]
    assert model.data(model.index(last, 0), DISPLAY) == expected.full_name
    assert model.data(model.index(last, 0), Qt.ItemDataRole.UserRole) == expected.id
    assert model.loaded_pages() == [0, last // 50]


def test_model_cache_is_bounded(qtbot, demo_ctx):
    model = MemberTableModel(demo_ctx, page_size=20, max_pages=3)
    model.refresh()
    for page in range(8):
        _wait_loaded(qtbot, model, page * 20)
    assert len(model.loaded_pages()) == 3
    assert model.loaded_pages() == [5, 6, 7]
    # An evicted page is fetched again when the view comes back to it.
    _wait_loaded(qtbot, model, 0)
    assert model.loaded_pages() == [6, 7, 0]


def test_stale_results_are_dropped(qtbot, demo_ctx):
    runner = DeferredRunner()
    ctx = UiContext(db=demo_ctx.db, runner=runner, settings=demo_ctx.settings)
    model = MemberTableModel(ctx, page_size=50)
    model.refresh()
    runner.run_all()
    everyone = model.rowCount()
    # Ask for the last page, then change the filter before the page arrives.
    model.data(model.index(everyone - 1, 0), DISPLAY)
    qtbot.waitUntil(lambda: len(runner.tasks) == 1, timeout=3000)
    women = MemberFilter(sex="nữ")
    model.set_filter(women)
    assert len(runner.tasks) == 2
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    runner.run_task(1)  # the new count arrives first …
    assert model.rowCount() == count_members(demo_ctx.db, women)
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles: changed.append(top.row()))
    runner.run_task(0)  # … then the page asked under the old filter: ignored.
    assert changed == []
    assert resets == [True]
    assert model.loaded_pages() == [0]
    assert {model.row_data(r).sex for r in range(min(50, model.rowCount()))} == {"nữ"}


def test_pages_scrolled_past_are_skipped_on_the_worker(qtbot, demo_ctx):
    runner = DeferredRunner()
    ctx = UiContext(db=demo_ctx.db, runner=runner, settings=demo_ctx.settings)
    model = MemberTableModel(ctx, page_size=50)
    model.refresh()
    runner.run_all()
    model.data(model.index(120, 0), DISPLAY)  # the view passes page 2 …
    qtbot.waitUntil(lambda: len(runner.tasks) == 1, timeout=3000)
    model.data(model.index(380, 0), DISPLAY)  # … and stops at page 7
    qtbot.waitUntil(lambda: len(runner.tasks) == 2, timeout=3000)
    repainted: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles: repainted.append(top.row()))
    runner.run_task(0)
    # Page 2 was not queried; the view is told, and asks again only if it still shows it.
    assert model.loaded_pages() == [0]
    assert repainted == [100]
    runner.run_task(0)
    assert model.loaded_pages() == [0, 7]
    assert model.data(model.index(380, 0), DISPLAY) != PLACEHOLDER
    assert model.data(model.index(120, 0), DISPLAY) == PLACEHOLDER
    qtbot.waitUntil(lambda: len(runner.tasks) == 1, timeout=3000)
    runner.run_all()
    assert model.loaded_pages() == [0, 7, 2]


def test_model_sorts_in_sql(demo_ctx):
    model = MemberTableModel(demo_ctx)
    model.refresh()
    births = model.column_index("birth_date")
    model.sort(births, Qt.SortOrder.DescendingOrder)
    assert model.sort_key == MemberSort.BIRTH_DATE
    assert model.descending is True
    expected = member_list_page(demo_ctx.db, 0, 5, None, MemberSort.BIRTH_DATE, True)
    assert [model.member_id(r) for r in range(5)] == [row.id for row in expected]
    # Columns without a SQL sort are ignored rather than sorted in Python.
    model.sort(model.column_index("ethnicity"), Qt.SortOrder.AscendingOrder)
    assert model.sort_key == MemberSort.BIRTH_DATE


def test_model_refresh_keeps_rows_when_the_count_is_the_same(demo_ctx):
    model = MemberTableModel(demo_ctx)
    model.refresh()
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _r: changed.append((a.row(), b.row())))
    model.refresh()
    assert resets == []
    assert changed == [(0, model.rowCount() - 1)]


# --- the page -----------------------------------------------------------------------------


@pytest.fixture
def page(qtbot, demo_ctx) -> MembersPage:
    widget = MembersPage(demo_ctx)
    widget.today = TODAY
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_page_loads_only_when_shown(qtbot, demo_ctx):
    widget = MembersPage(demo_ctx)
    qtbot.addWidget(widget)
    assert widget.model.rowCount() == 0
    widget.set_organization(None)
    assert widget.model.rowCount() == 0
    widget.show()
    counted = count_members(demo_ctx.db, MemberFilter(statuses=COUNTED))
    assert widget.model.rowCount() == counted
    assert widget.count_label.text() == f"{thousands(counted)} đảng viên"


def test_page_filters_follow_the_bar(qtbot, page, demo_ctx):
    db = demo_ctx.db
    page.status_filter.setCurrentIndex(page.status_filter.findData(None))
    assert page.model.rowCount() == count_members(db)
    page.sex_filter.setCurrentIndex(page.sex_filter.findData("nữ"))
    assert page.model.rowCount() == count_members(db, MemberFilter(sex="nữ"))
    page.age_filter.setCurrentIndex(page.age_filter.findData(AgeBand.OVER_60.value))
    expected = count_members(db, MemberFilter(sex="nữ", age_band=AgeBand.OVER_60, today=TODAY))
    assert page.model.rowCount() == expected
    assert page.count_label.text() == f"{thousands(expected)} đảng viên"
    page.sex_filter.setCurrentIndex(0)
    page.age_filter.setCurrentIndex(0)
    page.theory_filter.setCurrentIndex(page.theory_filter.findData("cao_cap"))
    assert page.model.rowCount() == count_members(db, MemberFilter(theory_code="cao_cap"))
    page.theory_filter.setCurrentIndex(0)
    page.ethnicity_filter.setCurrentIndex(page.ethnicity_filter.findData("01"))
    assert page.model.rowCount() == count_members(db, MemberFilter(ethnicity_code="01"))
    page.ethnicity_filter.setCurrentIndex(0)
    page.due_soon.setChecked(True)
    due = count_members(db, MemberFilter(due_soon=True, today=TODAY))
    assert page.model.rowCount() == due
    assert all(page.model.row_data(r).status == MemberStatus.PROBATIONARY.value for r in range(due))
    page.due_soon.setChecked(False)
    name = member_list_page(db, 7, 1)[0].full_name
    type_text(qtbot, page.text_filter, name)
    qtbot.waitUntil(lambda: page.model.filters.text == name, timeout=3000)
    assert name in {page.model.row_data(r).full_name for r in range(page.model.rowCount())}
    assert page.model.rowCount() == count_members(db, MemberFilter(text=name))


def test_page_follows_the_organization_tree(page, demo_ctx):
    branch = member_list_page(demo_ctx.db, 0, 1)[0].organization_id
    assert branch is not None
    page.set_organization(branch)
    assert page.organization_id() == branch
    expected = count_members(demo_ctx.db, MemberFilter(organization_id=branch, statuses=COUNTED))
    assert page.model.rowCount() == expected
    assert {page.model.row_data(r).organization_id for r in range(expected)} == {branch}
    page.set_organization(None)
    assert page.model.rowCount() == count_members(demo_ctx.db, MemberFilter(statuses=COUNTED))


def test_page_refreshes_when_members_change(page, demo_ctx, org_ids_demo):
    before = page.model.rowCount()
    create_member(
        demo_ctx.db,
        MemberInput(
            full_name="Aa Mới Thêm",
            sex="nam",
            birth_date=date(1980, 1, 1),
            organization_id=org_ids_demo,
            decision_date=date(2010, 1, 4),
            ceremony_date=date(2010, 2, 1),
            official_date=date(2011, 2, 1),
        ),
        today=TODAY,
    )
    assert page.model.rowCount() == before
    demo_ctx.bus.announce("cadre")
    assert page.model.rowCount() == before
    demo_ctx.bus.announce("member")
    assert page.model.rowCount() == before + 1


@pytest.fixture
def org_ids_demo(demo_ctx) -> int:
    """A chi bộ of the demo office."""
    rows = member_list_page(demo_ctx.db, 0, 1)
    assert rows[0].organization_id is not None
    return rows[0].organization_id


def test_page_restores_columns_from_settings(qtbot, demo_ctx):
    settings: QSettings = demo_ctx.settings
    settings.setValue("members/widths/name", 321)
    settings.setValue("members/widths/cccd", 77)
    settings.setValue("members/hidden", "card_no,sex")
    settings.setValue("members/order", "cccd,name")
    first = MembersPage(demo_ctx)
    qtbot.addWidget(first)
    header = first.table.horizontalHeader()
    model = first.model
    assert header.sectionSize(model.column_index("name")) == 321
    assert header.sectionSize(model.column_index("cccd")) == 77
    assert header.isSectionHidden(model.column_index("card_no"))
    assert header.isSectionHidden(model.column_index("sex"))
    assert not header.isSectionHidden(model.column_index("ethnicity"))
    assert first.visible_columns()[:3] == ["cccd", "name", "birth_date"]
    # What the user changes is kept for next time.
    header.resizeSection(model.column_index("organization"), 260)
    first.set_column_visible("sex", True)
    first.set_column_visible("theory", False)
    first.set_column_visible("name", False)  # the name always stays
    header.moveSection(header.visualIndex(model.column_index("status")), 0)
    second = MembersPage(demo_ctx)
    qtbot.addWidget(second)
    header2 = second.table.horizontalHeader()
    assert header2.sectionSize(second.model.column_index("organization")) == 260
    assert header2.sectionSize(second.model.column_index("name")) == 321
    assert not header2.isSectionHidden(second.model.column_index("sex"))
    assert header2.isSectionHidden(second.model.column_index("theory"))
    assert not header2.isSectionHidden(second.model.column_index("name"))
    assert second.visible_columns()[:3] == ["status", "cccd", "name"]
    second.reset_columns()
    assert second.visible_columns()[0] == "name"
    assert header2.isSectionHidden(second.model.column_index("ethnicity"))


def test_page_sort_is_remembered_and_unsortable_columns_keep_the_indicator(qtbot, page, demo_ctx):
    header = page.table.horizontalHeader()
    births = page.model.column_index("birth_date")
    header.setSortIndicator(births, Qt.SortOrder.DescendingOrder)
    assert page.model.sort_key == MemberSort.BIRTH_DATE
    oldest_first = member_list_page(
        demo_ctx.db, 0, 3, MemberFilter(statuses=COUNTED), MemberSort.BIRTH_DATE, True
    )
    assert [page.model.member_id(r) for r in range(3)] == [r.id for r in oldest_first]
    header.setSortIndicator(page.model.column_index("ethnicity"), Qt.SortOrder.AscendingOrder)
    assert header.sortIndicatorSection() == births
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    again = MembersPage(demo_ctx)
    qtbot.addWidget(again)
    assert again.model.sort_key == MemberSort.BIRTH_DATE
    assert again.model.descending is True
    assert again.table.horizontalHeader().sortIndicatorSection() == births


def test_keyboard_opens_records_and_finds(qtbot, page, monkeypatch):
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=3000)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(2, 0))
    assert page.edit_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.last_dialog
    assert dialog is not None
    assert dialog.member_id == page.model.member_id(2)
    assert dialog.full_name.text() == page.model.row_data(2).full_name
    dialog.close()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.text_filter.hasFocus()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    new = page.last_dialog
    assert new is not dialog
    assert new.member_id is None
    assert new.full_name.text() == ""
    new.close()


def test_new_member_starts_in_the_chosen_branch(page, org_ids_demo):
    page.set_organization(org_ids_demo)
    dialog = page.new_member()
    assert dialog.organization.currentData() == org_ids_demo
    dialog.close()


# --- the record dialog --------------------------------------------------------------------


def _member_count(db) -> int:
    with db.reader() as session:
        return int(session.scalar(select(func.count()).select_from(Member)) or 0)


def _fill_new(qtbot, dialog: MemberRecordDialog, org_id: int, cccd: str) -> None:
    type_text(qtbot, dialog.full_name, "Nguyễn Thị Hoa")
    dialog.sex.setCurrentIndex(dialog.sex.findData("nữ"))
    qtbot.keyClicks(dialog.birth_date.line, "17/05/1990")
    qtbot.keyClicks(dialog.cccd, cccd)
    type_text(qtbot, dialog.hometown, "xã Đam Rông, tỉnh Lâm Đồng")
    dialog.organization.setCurrentIndex(dialog.organization.findData(org_id))
    qtbot.keyClicks(dialog.decision_date.line, "02/03/2015")
    type_text(qtbot, dialog.decision_no, "12-QĐ/ĐU")
    qtbot.keyClicks(dialog.ceremony_date.line, "20/03/2015")
    qtbot.keyClicks(dialog.official_date.line, "20/03/2016")
    dialog.theory.setCurrentIndex(dialog.theory.findData("trung_cap"))
    type_text(qtbot, dialog.workplace, "Trường THPT Đam Rông")


@pytest.fixture
def new_dialog(qtbot, ui_ctx) -> MemberRecordDialog:
    dialog = MemberRecordDialog(ui_ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_create_a_member_through_the_dialog(qtbot, new_dialog, ui_ctx, org_ids):
    dialog = new_dialog
    assert dialog.tabs.isTabEnabled(dialog.history_tab) is False
    _fill_new(qtbot, dialog, org_ids["DR.01.01"], make_cccd("068", "nữ", 1990, 77))
    assert dialog.is_modified()
    with qtbot.waitSignal(ui_ctx.bus.changed) as announced:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert announced.args == [frozenset({"member"})]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved_row is not None
    with ui_ctx.db.reader() as session:
        member = session.get(Member, dialog.saved_row.id)
        assert member is not None
        assert member.full_name == "Nguyễn Thị Hoa"
        assert member.sex == "nữ"
        assert member.birth_date == date(1990, 5, 17)
        assert member.status == MemberStatus.OFFICIAL.value
        assert member.organization_id == org_ids["DR.01.01"]
        assert member.decision_no == "12-QĐ/ĐU"
        assert member.theory_code == "trung_cap"
        assert member.workplace == "Trường THPT Đam Rông"
        assert member.hometown == "xã Đam Rông, tỉnh Lâm Đồng"
        audit = session.scalars(
            select(AuditEntry).where(
                AuditEntry.record_uuid == member.uuid, AuditEntry.action == "create_member"
            )
        ).all()
        assert len(audit) == 1
        assert json.loads(audit[0].after_json or "{}")["full_name"] == "Nguyễn Thị Hoa"


def test_bad_cccd_shows_next_to_the_field_and_saves_nothing(qtbot, new_dialog, ui_ctx, db_path):
    dialog = new_dialog
    # Digit 4 says "man born 1900-1999" and digits 5-6 say 1985: both wrong for her.
    _fill_new(qtbot, dialog, 0, make_cccd("068", "nam", 1985, 9))
    dialog.organization.setCurrentIndex(0)
    before = snapshot(db_path)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    message = dialog.error_text("cccd")
    assert message.startswith("Trường «Số CCCD»:")
    assert "không khớp giới tính «nữ»" in message
    assert "1990" in message
    assert dialog.cccd.hasFocus() or QApplication.focusWidget() is None
    assert dialog.tabs.currentIndex() == 0
    assert dialog.isVisible()
    assert snapshot(db_path) == before
    # Typing in the field clears its message.
    qtbot.keyClick(dialog.cccd, Qt.Key.Key_Backspace)
    assert dialog.error_text("cccd") == ""


def test_identity_is_checked_when_leaving_the_field(qtbot, new_dialog):
    dialog = new_dialog
    dialog.activateWindow()
    dialog.sex.setCurrentIndex(dialog.sex.findData("nam"))
    qtbot.keyClicks(dialog.birth_date.line, "01/01/1990")
    dialog.cccd.setFocus()
    qtbot.keyClicks(dialog.cccd, make_cccd("068", "nữ", 1990, 3))
    dialog.full_name.setFocus()  # leave the CCCD field
    qtbot.waitUntil(lambda: dialog.error_text("cccd") != "", timeout=3000)
    assert "không khớp giới tính «nam»" in dialog.error_text("cccd")
    dialog.sex.setCurrentIndex(dialog.sex.findData("nữ"))
    dialog.cccd.setFocus()
    dialog.full_name.setFocus()
    qtbot.waitUntil(lambda: dialog.error_text("cccd") == "", timeout=3000)


def test_bad_date_and_missing_fields_are_shown_under_them(qtbot, new_dialog, ui_ctx, db_path):
    dialog = new_dialog
    before = snapshot(db_path)
    dialog.save()
    assert dialog.error_text("birth_date") == ""
    assert dialog.error_text("full_name") == "Trường «Họ và tên» không được để trống."
    type_text(qtbot, dialog.full_name, "Lê Văn Ba")
    dialog.sex.setCurrentIndex(0)
    qtbot.keyClicks(dialog.birth_date.line, "31/02/1990")
    dialog.save()
    assert dialog.error_text("birth_date") == "Không có ngày 31/02/1990."
    dialog.birth_date.line.clear()
    qtbot.keyClicks(dialog.birth_date.line, "01/02/1990")
    qtbot.keyClicks(dialog.official_date.line, "1990")
    dialog.save()
    assert dialog.error_text("official_date").startswith("Ngày phải viết dạng")
    assert dialog.tabs.currentIndex() == 1
    assert snapshot(db_path) == before


def test_service_errors_land_on_their_field(qtbot, new_dialog, ui_ctx, org_ids, db_path):
    dialog = new_dialog
    _fill_new(qtbot, dialog, org_ids["DR.01.01"], make_cccd("068", "nữ", 1990, 78))
    dialog.official_date.line.clear()
    qtbot.keyClicks(dialog.official_date.line, "21/03/2016")
    before = snapshot(db_path)
    dialog.save()
    assert "Ngày chính thức phải là 20/03/2016" in dialog.error_text("official_date")
    dialog.official_date.line.clear()
    dialog.ceremony_date.line.clear()
    qtbot.keyClicks(dialog.ceremony_date.line, "01/03/2015")
    dialog.save()
    # date.order names no field: the later date's label finds it.
    assert "Ngày kết nạp" in dialog.error_text("ceremony_date")
    assert snapshot(db_path) == before


def test_tab_order_follows_the_paper_form(qtbot, new_dialog):
    dialog = new_dialog
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    dialog.full_name.setFocus()
    expected = [
        dialog.other_names,
        dialog.sex,
        dialog.birth_date.line,
        dialog.birth_year_only,
        dialog.birthplace,
        dialog.birthplace_old,
        dialog.hometown,
        dialog.hometown_old,
        dialog.permanent_address,
        dialog.temporary_address,
        dialog.cccd,
        dialog.ethnicity,
        dialog.religion,
        dialog.photo.choose_button,  # "Bỏ ảnh" is disabled without a photo
        dialog.save_button,
        dialog.close_button,
    ]
    visited = []
    for _ in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == expected
    # The party tab starts with the branch, then the admission decision.
    dialog.tabs.setCurrentIndex(1)
    dialog.organization.setFocus()
    qtbot.keyClick(dialog.organization, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.decision_date.line
    qtbot.keyClick(dialog.decision_date.line, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.decision_no


def _existing(ctx: UiContext) -> int:
    row = member_list_page(ctx.db, 0, 1, MemberFilter(statuses=(MemberStatus.OFFICIAL.value,)))[0]
    return row.id


def test_edit_an_existing_member(qtbot, demo_ctx):
    member_id = _existing(demo_ctx)
    dialog = MemberRecordDialog(demo_ctx, member_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.is_modified()
    # Party dates and the branch change through lifecycle actions only.
    assert not dialog.official_date.isEnabled()
    assert not dialog.organization.isEnabled()
    assert dialog.events_model.rowCount() >= 3
    assert dialog.memberships_model.rowCount() >= 1
    dialog.workplace.clear()
    type_text(qtbot, dialog.workplace, "UBND xã Lạc Dương")
    type_text(qtbot, dialog.other_names, "Tư")
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.keyClick(dialog.workplace, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved.args == [member_id]
    with demo_ctx.db.reader() as session:
        member = session.get(Member, member_id)
        assert member.workplace == "UBND xã Lạc Dương"
        assert member.other_names == "Tư"
        entry = session.scalars(
            select(AuditEntry).where(
                AuditEntry.record_uuid == member.uuid, AuditEntry.action == "update_member"
            )
        ).one()
        assert json.loads(entry.after_json or "{}") == {
            "workplace": "UBND xã Lạc Dương",
            "other_names": "Tư",
        }


def test_year_only_birth_dates_stay_year_only(qtbot, ui_ctx, org_ids):
    row = create_member(
        ui_ctx.db,
        MemberInput(
            full_name="Hà Văn Cũ",
            sex="nam",
            birth_date=date(1957, 1, 1),
            birth_year_only=True,
            organization_id=org_ids["DR.02"],
            decision_date=date(1980, 1, 4),
            ceremony_date=date(1980, 2, 1),
            official_date=date(1981, 2, 1),
        ),
        today=TODAY,
    )
    dialog = MemberRecordDialog(ui_ctx, row.id)
    qtbot.addWidget(dialog)
    assert dialog.birth_date.text() == "1957"
    assert dialog.birth_year_only.isChecked()
    qtbot.keyClicks(dialog.cccd, make_cccd("068", "nam", 1957, 5))
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with ui_ctx.db.reader() as session:
        member = session.get(Member, row.id)
        assert member.birth_year_only is True
        assert member.birth_date == date(1957, 1, 1)
        assert member.cccd == make_cccd("068", "nam", 1957, 5)


@pytest.mark.parametrize(("answer", "closes"), [("No", False), ("Yes", True)])
def test_discard_prompt_only_when_something_changed(qtbot, demo_ctx, monkeypatch, answer, closes):
    asked: list[str] = []

    def question(_parent, _title, text, *_args):
        asked.append(text)
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", question)
    member_id = _existing(demo_ctx)
    untouched = MemberRecordDialog(demo_ctx, member_id)
    qtbot.addWidget(untouched)
    untouched.show()
    qtbot.keyClick(untouched, Qt.Key.Key_Escape)
    assert asked == []
    assert not untouched.isVisible()

    dialog = MemberRecordDialog(demo_ctx, member_id)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.job_title, "Bí thư chi bộ")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["Bỏ các thay đổi chưa lưu?"]
    assert dialog.isVisible() is not closes
    dialog.close()  # the window's ×: asks again while still changed
    assert len(asked) == (1 if closes else 2)
    with demo_ctx.db.reader() as session:
        assert session.get(Member, member_id).job_title != "Bí thư chi bộ"


def _picture(tmp_path: Path) -> str:
    image = QImage(800, 600, QImage.Format.Format_RGB32)
    image.fill(QColor("navy"))
    path = tmp_path / "anh.png"
    assert image.save(str(path))
    return str(path)


def test_photo_attach_crop_and_remove(qtbot, demo_ctx, monkeypatch, tmp_path):
    picture = _picture(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (picture, ""))
    monkeypatch.setattr(PhotoCropDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)
    member_id = _existing(demo_ctx)
    dialog = MemberRecordDialog(demo_ctx, member_id)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.photo.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.photo.change() is not None
    assert dialog.is_modified()
    dialog.save()
    stored = get_member_photo(demo_ctx.db, member_id)
    assert stored is not None
    assert stored.mime_type == "image/jpeg"
    image = QImage.fromData(stored.image)
    assert (image.width(), image.height()) == (300, 400)

    again = MemberRecordDialog(demo_ctx, member_id)
    qtbot.addWidget(again)
    assert again.photo.photo() == stored.image
    assert again.photo.remove_button.isEnabled()
    qtbot.mouseClick(again.photo.remove_button, Qt.MouseButton.LeftButton)
    again.save()
    assert get_member_photo(demo_ctx.db, member_id) is None


def test_unreadable_photo_file_is_reported(qtbot, ui_ctx, monkeypatch, tmp_path):
    bad = tmp_path / "not-a-photo.jpg"
    bad.write_bytes(b"plain text")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(bad), ""))
    dialog = MemberRecordDialog(ui_ctx, None)
    qtbot.addWidget(dialog)
    dialog.photo.choose()
    assert "Không đọc được ảnh" in dialog.photo.error.text()
    assert dialog.photo.change() is None


def test_centre_crop_is_three_by_four():
    wide = QImage(800, 600, QImage.Format.Format_RGB32)
    rect = centre_crop_rect(wide.size())
    assert (rect.x(), rect.y(), rect.width(), rect.height()) == (175, 0, 450, 600)
    tall = QImage(300, 1000, QImage.Format.Format_RGB32)
    rect = centre_crop_rect(tall.size())
    assert (rect.x(), rect.y(), rect.width(), rect.height()) == (0, 300, 300, 400)
    assert crop_to_3x4(wide).size().toTuple() == (300, 400)


def test_crop_frame_drags_and_zooms_within_the_picture(qtbot):
    image = QImage(800, 600, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    dialog = PhotoCropDialog(image)
    qtbot.addWidget(dialog)
    view = dialog.view
    view.resize(400, 300)  # the picture is shown at half size
    assert view.crop_rect().getRect() == (175, 0, 450, 600)
    view.zoom(0.5)
    assert view.crop_rect().getRect() == (288, 150, 225, 300)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(200, 150))
    qtbot.mouseMove(view, QPoint(250, 150))  # 50 screen pixels = 100 picture pixels
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(250, 150))
    assert view.crop_rect().getRect() == (388, 150, 225, 300)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.mouseMove(view, QPoint(390, 290))  # far past the corner: the frame stops there
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(390, 290))
    assert view.crop_rect().getRect() == (575, 300, 225, 300)
    view.zoom(10)  # never larger than the picture allows
    assert view.crop_rect().getRect() == (350, 0, 450, 600)
    cropped = dialog.cropped()
    assert (cropped.width(), cropped.height()) == (300, 400)
