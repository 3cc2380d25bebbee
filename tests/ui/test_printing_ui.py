"""Printed documents in the GUI: preview, printing, the register, batches, the menus."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter

from partydesk.services import printing
from partydesk.services.document_register import get_document, list_documents
from partydesk.services.printing import PrintedDocument, PrintRequest
from partydesk.ui.dialogs.pdf_preview import PdfPreviewDialog
from partydesk.ui.dialogs.print_batch import PrintBatchDialog
from partydesk.ui.pages import documents as documents_module
from partydesk.ui.pages.documents import DocumentsPage
from partydesk.ui.printing import PrintActions


def make_pdf(path: Path, pages: int = 3, landscape_first: bool = False) -> Path:
    """A small PDF of `pages` A4 pages (the first one landscape if asked)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    sheet = canvas.Canvas(str(path), pagesize=landscape(A4) if landscape_first else A4)
    for page in range(pages):
        if page == 1 and landscape_first:
            sheet.setPageSize(A4)
        sheet.setFont("Helvetica", 24)
        sheet.drawString(72, 400, f"Trang {page + 1}")
        sheet.showPage()
    sheet.save()
    return path


def pdf_pages(path: Path) -> QPdfDocument:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    return document


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


# --- preview and printing -------------------------------------------------------------------


def test_preview_shows_every_page_and_zooms(qtbot, ui_ctx, tmp_path: Path):
    pdf = make_pdf(tmp_path / "form.pdf", pages=3)
    dialog = PdfPreviewDialog(ui_ctx, pdf, "Phiếu đảng viên")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.page_count() == 3
    assert dialog.view.pageMode() == QPdfView.PageMode.MultiPage
    assert dialog.page_label.text() == "Trang 1 / 3"
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    dialog.zoom_in_button.click()
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.Custom
    larger = dialog.view.zoomFactor()
    dialog.zoom_out_button.click()
    assert dialog.view.zoomFactor() < larger
    dialog.fit_button.click()
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    dialog.view.pageNavigator().jump(2, dialog.view.pageNavigator().currentLocation())
    assert dialog.page_label.text() == "Trang 3 / 3"
    copy = tmp_path / "copy.pdf"
    assert dialog.copy_to(copy)
    assert copy.read_bytes() == pdf.read_bytes()
    assert "copy.pdf" in dialog.message.text()


def test_preview_of_a_missing_file_says_so(qtbot, ui_ctx, tmp_path: Path):
    dialog = PdfPreviewDialog(ui_ctx, tmp_path / "gone.pdf", "")
    qtbot.addWidget(dialog)
    assert dialog.page_count() == 0
    assert not dialog.print_button.isEnabled()
    assert "gone.pdf" in dialog.message.text()
    assert dialog.print_to(pdf_printer(tmp_path / "out.pdf")) == 0


def test_print_to_a_pdf_printer_prints_every_page(qtbot, ui_ctx, tmp_path: Path):
    pdf = make_pdf(tmp_path / "form.pdf", pages=3)
    dialog = PdfPreviewDialog(ui_ctx, pdf, "")
    qtbot.addWidget(dialog)
    out = tmp_path / "printed.pdf"
    assert dialog.print_to(pdf_printer(out)) == 3
    printed = pdf_pages(out)
    assert printed.pageCount() == 3
    size = printed.pagePointSize(0)
    assert size.width() < size.height()  # A4 portrait
    assert abs(size.width() - 595) < 3


def test_print_to_follows_the_first_page_orientation(qtbot, ui_ctx, tmp_path: Path):
    pdf = make_pdf(tmp_path / "book.pdf", pages=2, landscape_first=True)
    dialog = PdfPreviewDialog(ui_ctx, pdf, "")
    qtbot.addWidget(dialog)
    out = tmp_path / "printed.pdf"
    assert dialog.print_to(pdf_printer(out)) == 2
    size = pdf_pages(out).pagePointSize(0)
    assert size.width() > size.height()


# --- the document register ------------------------------------------------------------------


def test_documents_page_lists_the_register(qtbot, demo_ctx, qtmodeltester):
    year = date.today().year
    rows = list_documents(demo_ctx.db, year)
    assert rows, "the demo office issues transfer letters this year"
    page = DocumentsPage(demo_ctx)
    qtbot.addWidget(page)
    page.set_filter(year)
    assert page.model.rowCount() == len(rows)
    qtmodeltester.check(page.model)
    assert f"{len(rows)} văn bản" in page.count_label.text()
    assert not page.view_button.isEnabled()
    page.set_filter(year, "QD")
    assert page.model.rowCount() == len(list_documents(demo_ctx.db, year, "QD"))
    page.set_filter(year, None)
    page.table.selectRow(0)
    assert page.view_button.isEnabled()
    assert page.reprint_button.isEnabled()
    viewed: list[object] = []
    reprinted: list[int] = []
    page.view_requested.connect(viewed.append)
    page.reprint_requested.connect(reprinted.append)
    page.view_button.click()
    page.reprint_button.click()
    assert viewed == [page.model.row_at(0)]
    assert reprinted == [page.model.row_at(0).id]


def test_voiding_needs_a_reason_and_a_confirmation(qtbot, demo_ctx, monkeypatch):
    page = DocumentsPage(demo_ctx)
    qtbot.addWidget(page)
    page.set_filter(date.today().year)
    row = next(
        page.model.row_at(n)
        for n in range(page.model.rowCount())
        if not page.model.row_at(n).voided
    )
    page.select_document(row.id)
    dialog = page.void_selected()
    assert dialog is not None
    dialog.ok_button().click()
    assert "lý do" in dialog.error.text()
    assert dialog.isVisible()
    asked: list[str] = []
    monkeypatch.setattr(
        documents_module, "ask_confirmation", lambda _p, _t, text: asked.append(text) or False
    )
    dialog.reason.setText("In sai ten")
    dialog.ok_button().click()
    assert asked
    assert row.number_text in asked[0]
    assert dialog.isVisible()  # "No": nothing written
    monkeypatch.setattr(documents_module, "ask_confirmation", lambda *_a: True)
    dialog.ok_button().click()
    assert not dialog.isVisible()
    number = page.model.row_of(row.id)
    voided = page.model.row_at(number)
    assert voided.voided
    assert voided.void_reason == "In sai ten"
    page.select_document(row.id)
    assert not page.reprint_button.isEnabled()
    assert not page.void_button.isEnabled()
    assert page.void_selected() is None


# --- batches --------------------------------------------------------------------------------


def _fake_batch(monkeypatch, tmp_path: Path) -> list[int]:
    """Replace print_batch by one that writes nothing and calls back like the real one."""
    calls: list[int] = []

    def fake(_db, requests, out_dir, progress=None):
        done = []
        for number, request in enumerate(requests, start=1):
            calls.append(number)
            done.append(PrintedDocument(request.form, out_dir / f"{number}.pdf", None, "", "", 1))
            if progress is not None and not progress(number, len(requests)):
                break
        return done

    monkeypatch.setattr(printing, "print_batch", fake)
    return calls


def test_batch_dialog_shows_progress_and_the_result(qtbot, ui_ctx, tmp_path, monkeypatch):
    _fake_batch(monkeypatch, tmp_path)
    requests = [PrintRequest("member_sheet", n) for n in range(1, 5)]
    dialog = PrintBatchDialog(ui_ctx, requests, tmp_path, "Phiếu đảng viên")
    qtbot.addWidget(dialog)
    seen: list[tuple[int, int]] = []
    dialog.progressed.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(dialog.finished_batch):
        dialog.start()
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert dialog.progress.value() == 4
    assert len(dialog.documents) == 4
    assert dialog.result_label.text() == "Đã in 4 văn bản."
    assert dialog.close_button.isEnabled()
    assert not dialog.stop_button.isEnabled()


def test_batch_dialog_stops_when_asked(qtbot, ui_ctx, tmp_path, monkeypatch):
    calls = _fake_batch(monkeypatch, tmp_path)
    requests = [PrintRequest("member_sheet", n) for n in range(1, 6)]
    dialog = PrintBatchDialog(ui_ctx, requests, tmp_path, "")
    qtbot.addWidget(dialog)
    # «Dừng» pressed while the second document prints: the callback answers False after it.
    dialog.progressed.connect(
        lambda done, _total: dialog.stop_button.click() if done == 2 else None
    )
    dialog.start()
    assert calls == [1, 2]
    assert dialog.stopped()
    assert len(dialog.documents) == 2
    assert dialog.result_label.text() == "Đã dừng sau 2 trong 5 văn bản."


def test_batch_dialog_reports_a_failure(qtbot, ui_ctx, tmp_path, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("máy in hỏng")

    monkeypatch.setattr(printing, "print_batch", broken)
    dialog = PrintBatchDialog(ui_ctx, [PrintRequest("member_sheet", 1)], tmp_path, "")
    qtbot.addWidget(dialog)
    dialog.start()
    assert "máy in hỏng" in dialog.result_label.text()
    assert dialog.close_button.isEnabled()


def test_print_actions_preview_or_explain(qtbot, ui_ctx, tmp_path, monkeypatch):
    pdf = make_pdf(tmp_path / "x.pdf", pages=1)

    def fake(_db, request, _out):
        if request.ref is None:
            raise RuntimeError("không áp dụng")
        return PrintedDocument(request.form, pdf, None, "", "Nguyễn Văn A", 1)

    monkeypatch.setattr(printing, "print_document", fake)
    actions = PrintActions(ui_ctx, tmp_path / "exports")
    actions.print_one(PrintRequest("member_sheet", 7))
    assert actions.last_preview is not None
    qtbot.addWidget(actions.last_preview)
    assert actions.last_preview.page_count() == 1
    assert "Nguyễn Văn A" in actions.last_preview.windowTitle()
    actions.print_one(PrintRequest("member_sheet", None))
    assert "không áp dụng" in actions.last_error


# --- pages ask, the main window prints ------------------------------------------------------


@pytest.fixture
def window(qtbot, demo_ctx, tmp_path: Path):
    from partydesk.ui.main_window import MainWindow

    main = MainWindow(demo_ctx, tmp_path / "backups")
    qtbot.addWidget(main)
    return main


def test_member_print_entries_follow_the_status():
    from partydesk.ui.widgets.member_actions import print_actions_for

    assert print_actions_for("candidate") == [
        "print:admission_resolution",
        "print:admission_decision",
    ]
    assert "print:member_sheet" in print_actions_for("official")
    assert "print:recognition_decision" in print_actions_for("probationary")
    assert print_actions_for("deceased") == []
    assert set(print_actions_for("official")) <= {"print:" + form for form in printing.FORM_KEYS}


def test_a_member_print_entry_opens_the_preview(window, demo_ctx, qtbot, tmp_path):
    from partydesk.db.models import Member

    with demo_ctx.db.reader() as session:
        official = session.query(Member).filter_by(status="official").first().id
    record = window.members.open_member(official)
    assert "print:member_sheet" in record.actions_button.action_keys()
    assert record.actions_button.trigger("print:member_sheet")
    preview = window.printer.last_preview
    assert preview is not None, window.printer.last_error
    assert preview.page_count() >= 1
    assert preview.path.parent == tmp_path / "exports"
    preview.close()
    record.reject()


def test_pages_emit_print_requests(window, qtbot):
    window.show_page("badges")
    with qtbot.waitSignal(window.badges.print_requested) as badge:
        window.badges.print_button.click()
    request = badge.args[0]
    assert request.form == "badge_list"
    assert request.occasion == window.badges.current_occasion()
    page = window.organizations
    with qtbot.waitSignal(page.print_requested) as book:
        page.print_button.click()
    assert book.args[0] == PrintRequest("list_book", page.current_id())
    window.show_page("transfers")
    transfers = window.transfers
    assert not transfers.print_button.isEnabled()
    from partydesk.ui.pages.transfers import has_letter

    number = next(
        n for n in range(transfers.model.rowCount()) if has_letter(transfers.model.row_at(n))
    )
    transfers.table.selectRow(number)
    assert transfers.print_button.isEnabled()
    with qtbot.waitSignal(transfers.print_requested) as letter:
        transfers.print_button.click()
    assert letter.args[0] == PrintRequest("transfer_letter", transfers.model.row_at(number).id)
    window.show_page("cadres")
    cadre = window.cadres.model.row_at(0).id if window.cadres.model.rowCount() else None
    if cadre is not None:
        record = window.cadres.open_cadre(cadre)
        with qtbot.waitSignal(window.cadres.print_requested) as cv:
            record.print_button.click()
        assert cv.args[0] == PrintRequest("cadre_cv", cadre)
        record.reject()


def test_letters_of_a_day_go_to_the_batch_dialog(window, qtbot, monkeypatch):
    window.show_page("transfers")
    transfers = window.transfers
    number = next(
        n
        for n in range(transfers.model.rowCount())
        if transfers.model.row_at(n).letter_no and transfers.model.row_at(n).direction == "out"
    )
    day = transfers.model.row_at(number).letter_date
    expected = printing.letters_of_day(window.ctx.db, day)
    _fake_batch(monkeypatch, Path())
    transfers.print_letters_of_day(day)
    batch = window.printer.last_batch
    assert batch is not None
    assert batch.requests == expected
    assert len(batch.documents) == len(expected)
    batch.close()
    empty_day = date(1990, 1, 1)
    transfers.print_letters_of_day(empty_day)
    assert "01/01/1990" in transfers.count_label.text()


def test_documents_page_is_in_the_navigation(window):
    assert "documents" in window.page_names()
    window.show_page("documents")
    assert window.current_page() == "documents"
    assert window.documents.model.rowCount() >= 0


def test_batch_progress_reaches_the_gui_thread_from_the_worker(
    qtbot, ui_ctx, tmp_path, monkeypatch
):
    import threading

    from partydesk.ui.tasks import TaskRunner

    _fake_batch(monkeypatch, tmp_path)
    runner = TaskRunner()
    ui_ctx.runner = runner
    try:
        dialog = PrintBatchDialog(
            ui_ctx, [PrintRequest("member_sheet", n) for n in (1, 2, 3)], tmp_path, ""
        )
        qtbot.addWidget(dialog)
        threads: list[str] = []
        dialog.progressed.connect(lambda *_a: threads.append(threading.current_thread().name))
        with qtbot.waitSignal(dialog.finished_batch, timeout=5000):
            dialog.start()
        assert threads == [threading.main_thread().name] * 3
        assert dialog.progress.value() == 3
    finally:
        runner.shutdown()


def test_preferences_save_the_print_settings(qtbot, ui_ctx):
    from partydesk.ui.dialogs.preferences import PreferencesDialog

    dialog = PreferencesDialog(ui_ctx)
    qtbot.addWidget(dialog)
    assert dialog.print_group.isEnabled()
    assert dialog.margins["left"].value() == 30.0
    assert dialog.signer_title.text() == "BÍ THƯ"
    dialog.margins["left"].setValue(25.0)
    dialog.signer_name.setText("Nguyen Van B")
    dialog.accept()
    assert dialog.result() == PreferencesDialog.DialogCode.Accepted
    saved = printing.print_settings(ui_ctx.db)
    assert saved.left == 25.0
    assert saved.signer_name == "Nguyen Van B"


def test_documents_page_views_the_file_or_prints_it_again(window, qtbot):
    window.show_page("transfers")
    transfers = window.transfers
    from partydesk.ui.pages.transfers import has_letter

    row = next(
        transfers.model.row_at(n)
        for n in range(transfers.model.rowCount())
        if has_letter(transfers.model.row_at(n)) and transfers.model.row_at(n).direction == "out"
    )
    window.printer.print_one(PrintRequest("transfer_letter", row.id))
    printed = window.printer.last_document
    assert printed is not None, window.printer.last_error
    assert printed.document_id is not None
    window.printer.last_preview.close()
    window.show_page("documents")
    page = window.documents
    page.set_filter(get_document(window.ctx.db, printed.document_id).year)
    assert page.select_document(printed.document_id)
    counted = page.selected_row().print_count
    page.view_button.click()  # the file exists: shown as it is
    assert window.printer.last_preview.path == printed.path
    assert page.selected_row().print_count == counted
    window.printer.last_preview.close()
    printed.path.unlink()
    page.view_button.click()  # the file is gone: printed again, same number
    assert window.printer.last_preview is not None
    assert window.printer.last_document.number == printed.number
    page.select_document(printed.document_id)
    assert page.selected_row().print_count == counted + 1
    window.printer.last_preview.close()
