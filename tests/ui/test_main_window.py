"""The shell: first-start dialog, overview page, global search, the wired main window."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from partydesk.ui.models.rows import RowsModel
from partydesk.ui.pages.overview import DUE_ROLE, OverviewPage
from partydesk.ui.search_box import GlobalSearch
from partydesk.ui.tasks import TaskRunner
from partydesk.ui.welcome import WelcomeDialog


def test_welcome_dialog_requires_the_office_identity(qtbot):
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.symbol.clear()
    dialog.create_button.click()
    assert dialog.choice == ""
    assert "Tên đơn vị" in dialog.error.text()
    dialog.name.setText("Đảng ủy xã Đam Rông")
    dialog.place.setText("Đam Rông")
    dialog.symbol.setText("ĐU")
    dialog.create_button.click()
    assert dialog.choice == "create"
    assert dialog.office_input().name == "Đảng ủy xã Đam Rông"


def test_welcome_dialog_demo_choice(qtbot):
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.demo_button.click()
    assert dialog.choice == "demo"


def test_overview_page_shows_counts_and_due_items(qtbot, demo_ctx, qtmodeltester):
    page = OverviewPage(demo_ctx)
    qtbot.addWidget(page)
    labels = [
        page.status_form.itemAt(i).widget().text()
        for i in range(page.status_form.count())
        if page.status_form.itemAt(i).widget() is not None
    ]
    assert "Đảng viên chính thức:" in labels
    assert page.org_model.rowCount() >= 10
    items = page.due_items()
    assert items
    assert "việc" in page.due_label.text()
    qtmodeltester.check(page.due_model)
    # Grouped: every heading names its group and how many items it holds.
    headings = [page.due_model.item(r, 0).text() for r in range(page.due_model.rowCount())]
    assert all("(" in heading for heading in headings)
    # Sorted by date inside each group.
    group = page.due_model.item(0, 0)
    dates = [group.child(r, 0).data(DUE_ROLE).due for r in range(group.rowCount())]
    assert dates == sorted(dates)
    requested: list[object] = []
    page.due_requested.connect(requested.append)
    page.due_tree.doubleClicked.emit(page.index_of(items[0]))
    assert requested == [items[0]]
    page.due_tree.doubleClicked.emit(page.due_model.index(0, 0))  # a heading: nothing
    assert requested == [items[0]]


def test_rows_model_passes_the_model_tester(qtmodeltester):
    model: RowsModel[tuple[str, int]] = RowsModel([("Tên", lambda r: r[0]), ("Số", lambda r: r[1])])
    model.set_rows([("Chi bộ 1", 3), ("Chi bộ 2", 5)])
    qtmodeltester.check(model)
    assert model.data(model.index(1, 1), Qt.ItemDataRole.DisplayRole) == "5"


def test_global_search_lists_members_and_opens_one(qtbot, demo_ctx):
    search = GlobalSearch(demo_ctx)
    qtbot.addWidget(search)
    chosen: list[int] = []
    search.member_chosen.connect(chosen.append)
    qtbot.keyClicks(search, "nguyen")
    with qtbot.waitSignal(search.results_shown, timeout=2000):
        pass  # the debounce timer fires, the inline runner answers at once
    assert 0 < search.result_count() <= 50
    first = search.result_id(0)
    popup_index = search.completer_.completionModel().index(0, 0)
    search.completer_.activated[QModelIndex].emit(popup_index)
    assert chosen == [first]


def test_task_runner_delivers_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    seen: list[object] = []
    try:
        runner.run(lambda: threading.current_thread().name, seen.append, seen.append)
        qtbot.waitUntil(lambda: bool(seen), timeout=3000)
        assert str(seen[0]).startswith("partydesk-db")
        runner.run(lambda: 1 / 0, seen.append, seen.append)
        qtbot.waitUntil(lambda: len(seen) == 2, timeout=3000)
        assert isinstance(seen[1], ZeroDivisionError)
    finally:
        runner.shutdown()


@pytest.fixture
def window(qtbot, demo_ctx, tmp_path: Path):
    from partydesk.ui.main_window import MainWindow

    main = MainWindow(demo_ctx, tmp_path / "backups")
    qtbot.addWidget(main)
    return main


def test_main_window_pages_and_shortcuts(window):
    assert "Đảng ủy xã Lạc Dương" in window.windowTitle()
    assert window.page_names() == [
        "overview",
        "organizations",
        "members",
        "admission",
        "transfers",
        "dues",
        "ratings",
        "badges",
        "cadres",
        "cadre_deadlines",
        "documents",
        "sync",
    ]
    for name in window.page_names():
        window.show_page(name)
        assert window.current_page() == name
    window._page_action["members"].trigger()
    assert window.current_page() == "members"


def test_main_window_backup_now(window, tmp_path: Path):
    window.back_up_now()
    copies = list((tmp_path / "backups").glob("partydesk-*.sqlite3"))
    assert len(copies) == 1
    assert "Đã sao lưu" in window.statusBar().currentMessage()


def test_main_window_opens_a_member_from_search(window, monkeypatch):
    opened: list[int] = []
    monkeypatch.setattr(window, "open_member", opened.append)
    window.search.member_chosen.disconnect()
    window.search.member_chosen.connect(window.open_member)
    window.search.setText("nguyen")
    window.search.search_now()
    window.search.member_chosen.emit(window.search.result_id(0))
    assert opened == [window.search.result_id(0)]


def test_recent_files_are_remembered(demo_ctx):
    from partydesk.ui.main_window import recent_files, remember_recent

    remember_recent(demo_ctx, "/a.sqlite3")
    remember_recent(demo_ctx, "/b.sqlite3")
    remember_recent(demo_ctx, "/a.sqlite3")
    assert recent_files(demo_ctx) == ["/a.sqlite3", "/b.sqlite3"]


def test_main_window_opens_the_record_that_deletes_itself_on_close(window):
    window.search.setText("nguyen")
    window.search.search_now()
    member_id = window.search.result_id(0)
    window.open_member(member_id)
    dialog = window.members.last_dialog
    assert dialog.isVisible()
    assert dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


def test_a_sub_organization_opened_on_its_page_is_selected_in_the_tree(window, qtbot):
    page = window.organizations
    window.show_page("organizations")
    assert page.children_model.rowCount() > 0
    child = page.children_model.row_at(0)
    page._child_activated(page.children_model.index(0, 0))
    assert window.tree.selected_id() == child.id
    assert window.members._organization_id == child.id


def test_due_items_open_their_action_and_count_on_the_navigation(window, monkeypatch):
    items = window.overview.due_items()
    assert items
    step = next(item for item in items if item.action in ("admission_decision", "ceremony"))
    window.open_due_item(step)
    assert window.current_page() == "admission"
    assert window.admission.dialog is not None
    assert window.admission.dialog.isVisible()
    window.admission.dialog.reject()
    opened: list[int] = []
    monkeypatch.setattr(window, "open_member", opened.append)
    plain = replace(step, action="")
    window.open_due_item(plain)  # no action: the record opens
    assert opened == [step.member_id]
    admission_total = sum(1 for item in items if item.group in ("admission", "recognition"))
    assert window._page_action["admission"].text() == f"Kết nạp ({admission_total})"


def test_member_actions_open_the_lifecycle_steps(window, demo_ctx):
    from partydesk.codes import MemberStatus
    from partydesk.db.models import Member
    from partydesk.ui.dialogs.leaving_dialogs import ExemptionDialog, LeaveDialog
    from partydesk.ui.widgets.member_actions import actions_for

    assert actions_for(MemberStatus.CANDIDATE.value) == ["admission_step", "introducer"]
    assert actions_for(MemberStatus.LEFT.value) == ["readmit"]
    assert actions_for(MemberStatus.DECEASED.value) == []
    with demo_ctx.db.reader() as session:
        official = session.query(Member).filter_by(status="official").first().id
        candidate = session.query(Member).filter_by(status="candidate").first().id
    # From the record: its «Nghiệp vụ» offers what applies to an official member.
    dialog = window.members.open_member(official)
    assert "leave" in dialog.actions_button.action_keys()
    assert "readmit" not in dialog.actions_button.action_keys()
    dialog.actions_button.action_requested.emit("leave")
    assert isinstance(window.last_action_dialog, LeaveDialog)
    window.last_action_dialog.reject()
    window.run_member_action("exemption", official)
    assert isinstance(window.last_action_dialog, ExemptionDialog)
    window.last_action_dialog.reject()
    dialog.reject()
    window.run_member_action("transfer_out", official)
    assert window.current_page() == "transfers"
    assert window.transfers.dialog is not None
    window.transfers.dialog.reject()
    window.run_member_action("admission_step", candidate)
    assert window.current_page() == "admission"


def test_register_row_offers_its_member_actions(window, qtbot):
    page = window.members
    window.show_page("members")
    assert not page.actions_button.isEnabled()  # nothing chosen yet
    window.resize(1200, 700)
    window.show()  # the register loads only when shown
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: page.model.row_data(0) is not None, timeout=3000)
    page.table.setCurrentIndex(page.model.index(0, 0))
    row = page.model.row_data(0)
    assert row is not None
    assert page.actions_button.isEnabled()
    with qtbot.waitSignal(page.action_requested) as chosen:
        page.actions_button.action_requested.emit(page.actions_button.action_keys()[0])
    assert chosen.args == [page.actions_button.action_keys()[0], row.id]


def test_lifecycle_pages_are_built_when_first_opened(window):
    lazy = ("admission", "transfers", "dues", "ratings", "badges", "cadre_deadlines", "documents")
    # The overview's due counts fill the navigation without building any page.
    assert not any(window._pages[name][0].built for name in lazy)
    window.show_page("dues")
    assert window._pages["dues"][0].built
    assert window.current_page() == "dues"
    assert not window._pages["badges"][0].built
