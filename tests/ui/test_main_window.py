"""The first-start dialog and the main window, offscreen with the inline task runner."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from partydesk.rules import make_cccd
from partydesk.services.member_input import MemberInput
from partydesk.services.members import create_member
from partydesk.ui.main_window import MainWindow, SearchResultsModel
from partydesk.ui.tasks import InlineRunner, TaskRunner
from partydesk.ui.welcome import WelcomeDialog
from tests.conftest import TODAY


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


def test_main_window_counts_and_search(qtbot, db, org_ids):
    create_member(
        db,
        MemberInput(
            full_name="Nguyễn Thị Đào",
            sex="nữ",
            birth_date=date(1990, 5, 17),
            organization_id=org_ids["DR.02"],
            cccd=make_cccd("068", "nữ", 1990, 1),
            decision_date=date(2015, 3, 2),
            ceremony_date=date(2015, 3, 20),
            official_date=date(2016, 3, 20),
        ),
        today=TODAY,
    )
    window = MainWindow(db, InlineRunner())
    qtbot.addWidget(window)
    assert "Đảng ủy xã Đam Rông" in window.windowTitle()
    labels = [
        window.counts_form.itemAt(i).widget().text()
        for i in range(window.counts_form.count())
        if window.counts_form.itemAt(i).widget() is not None
    ]
    assert "Đảng viên chính thức:" in labels
    qtbot.keyClicks(window.search, "nguyen thi dao")
    qtbot.waitUntil(lambda: window.results_model.rowCount() == 1, timeout=2000)
    index = window.results_model.index(0, 0)
    assert window.results_model.data(index, Qt.ItemDataRole.DisplayRole) == "Nguyễn Thị Đào"
    assert window.status_label.text() == "1 kết quả"


def test_search_model_passes_the_model_tester(qtmodeltester, db, org_ids):
    from partydesk.services.member_queries import member_page

    create_member(
        db,
        MemberInput(
            full_name="Lê Văn Tám",
            sex="nam",
            birth_date=date(1980, 1, 1),
            organization_id=org_ids["DR.02"],
        ),
        today=TODAY,
    )
    model = SearchResultsModel()
    model.set_rows(member_page(db, 0, 10))
    qtmodeltester.check(model)


def test_task_runner_delivers_on_the_gui_thread(qtbot):
    import threading

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
