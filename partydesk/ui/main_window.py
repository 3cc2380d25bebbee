"""The main window: organization tree, pages, global search, menus.

The window owns no data: pages fetch through the task runner and refresh when the change
bus says their register changed. Opening another database, restoring a backup and
quitting are the application controller's business (`launch.App`), reached through
signals, because they replace the whole context this window was built on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from partydesk import __version__
from partydesk.services import office
from partydesk.services.database import backup_now
from partydesk.services.due import DueItem
from partydesk.services.member_queries import MemberFilter
from partydesk.services.printing import PrintRequest
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.dialogs.admission_dialogs import IntroducerDialog
from partydesk.ui.dialogs.excel_import import ExcelImportDialog
from partydesk.ui.dialogs.leaving_dialogs import (
    DisciplineDialog,
    ExemptionDialog,
    LeaveDialog,
    ReadmissionDialog,
)
from partydesk.ui.dialogs.preferences import PreferencesDialog
from partydesk.ui.dialogs.rule_editor import RuleEditorDialog
from partydesk.ui.dialogs.statistics_report import StatisticsReportDialog
from partydesk.ui.pages.admission import AdmissionPage
from partydesk.ui.pages.badges import BadgesPage
from partydesk.ui.pages.cadre_deadlines import CadreDeadlinesPage
from partydesk.ui.pages.cadres import CadresPage
from partydesk.ui.pages.documents import DocumentsPage
from partydesk.ui.pages.dues import DuesPage
from partydesk.ui.pages.members import MembersPage
from partydesk.ui.pages.org_tree_panel import OrgTreePanel
from partydesk.ui.pages.organizations import OrganizationsPage
from partydesk.ui.pages.overview import OverviewPage
from partydesk.ui.pages.ratings import RatingsPage
from partydesk.ui.pages.sync import SyncDueCount, SyncPage
from partydesk.ui.pages.transfers import TransfersPage
from partydesk.ui.printing import PrintActions
from partydesk.ui.search_box import GlobalSearch
from partydesk.ui.widgets.lazy_page import LazyPage
from partydesk.ui.widgets.member_actions import PRINT_PREFIX

MAX_RECENT = 8


class MainWindow(QMainWindow):
    """The window a clerk works in all day."""

    open_database_requested = Signal(str)
    restore_requested = Signal(str)

    def __init__(
        self,
        ctx: UiContext,
        backups_dir: Path,
        parent: QWidget | None = None,
        exports_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.backups_dir = backups_dir
        #: Where printed forms go (the data folder's "exports", beside "backups").
        self.exports_dir = exports_dir or backups_dir.parent / "exports"
        #: Prints what pages ask for (pages emit requests, never print themselves).
        self.printer = PrintActions(ctx, self.exports_dir, self)
        the_office = office.get_office(ctx.db)
        self.setWindowTitle(f"partydesk — {the_office.name}")
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.overview = OverviewPage(ctx)
        self.organizations = OrganizationsPage(ctx)
        self.members = MembersPage(ctx)
        self.cadres = CadresPage(ctx)
        # The lifecycle pages are built when first opened (see LazyPage).
        self._admission = LazyPage(lambda: AdmissionPage(ctx))
        self._transfers = LazyPage(self._build_transfers)
        self._dues = LazyPage(self._build_dues)
        self._ratings = LazyPage(lambda: RatingsPage(ctx))
        self._badges = LazyPage(self._build_badges)
        self._cadre_deadlines = LazyPage(self._build_cadre_deadlines)
        self._documents = LazyPage(self._build_documents)
        self._sync = LazyPage(lambda: SyncPage(ctx))
        self._pages: dict[str, tuple[QWidget, str, str]] = {
            "overview": (self.overview, self.tr("Tổng quan"), "Ctrl+1"),
            "organizations": (self.organizations, self.tr("Tổ chức"), "Ctrl+2"),
            "members": (self.members, self.tr("Đảng viên"), "Ctrl+3"),
            "admission": (self._admission, self.tr("Kết nạp"), "Ctrl+4"),
            "transfers": (self._transfers, self.tr("Chuyển sinh hoạt"), "Ctrl+5"),
            "dues": (self._dues, self.tr("Đảng phí"), "Ctrl+6"),
            "ratings": (self._ratings, self.tr("Đánh giá"), "Ctrl+7"),
            "badges": (self._badges, self.tr("Huy hiệu"), "Ctrl+Shift+7"),
            "cadres": (self.cadres, self.tr("Cán bộ"), "Ctrl+8"),
            "cadre_deadlines": (self._cadre_deadlines, self.tr("Hạn cán bộ"), "Ctrl+9"),
            "documents": (self._documents, self.tr("Văn bản"), "Ctrl+0"),
            "sync": (self._sync, self.tr("Đồng bộ"), "Ctrl+Shift+8"),
        }
        for page, _title, _key in self._pages.values():
            self.stack.addWidget(page)
        # What a "Việc cần làm" item opens, by its action key (a handler returns False
        # when it cannot open the item, and the record opens instead), and which due
        # groups each page's navigation button counts.
        self._due_handlers: dict[str, Callable[[DueItem], bool]] = {
            "admission_decision": self._open_admission_step,
            "ceremony": self._open_admission_step,
            "recognition": self._open_admission_step,
            "transfer_received": self._open_transfer_item,
            "temporary_return": self._open_transfer_item,
            "dues": lambda _item: self._show("dues"),
            "ratings": lambda _item: self._show("ratings"),
            "badges": self._open_badges_item,
            "cadre": self._open_cadre_item,
        }
        self._page_due_groups: dict[str, tuple[str, ...]] = {
            "admission": ("admission", "recognition"),
            "transfers": ("transfer",),
            "dues": ("dues",),
            "ratings": ("rating",),
            "badges": ("badge",),
            "cadre_deadlines": ("cadre_term", "retirement", "salary_step"),
        }
        #: The step dialog a «Nghiệp vụ» menu opened last (tests look at it).
        self.last_action_dialog: QDialog | None = None
        self.tree = OrgTreePanel(ctx)
        dock = QDockWidget(self.tr("Cây tổ chức"), self)
        dock.setObjectName("organization_tree")
        dock.setWidget(self.tree)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.tree_dock = dock
        self.search = GlobalSearch(ctx)
        self._build_navigation()
        self._build_menus()
        self.office_label = QLabel(f"{the_office.name} · {ctx.db.path or ''}")
        self.statusBar().addPermanentWidget(self.office_label)
        self.tree.organization_selected.connect(self._organization_selected)
        self.search.member_chosen.connect(self.open_member)
        self.members.action_requested.connect(self.run_member_action)
        self.overview.due_requested.connect(self.open_due_item)
        self.overview.list_requested.connect(self.open_member_list)
        self.overview.due_counts_changed.connect(self._show_due_counts)
        self._show_due_counts(self.overview.due_counts)  # the first load came before
        # «Đồng bộ» counts the conflicts waiting, without building its page.
        self.sync_count = SyncDueCount(ctx, self)
        self.sync_count.changed.connect(self._show_sync_count)
        self.sync_count.refresh()
        # A sub-organization clicked on the Tổ chức page is selected in the tree, which
        # then shows it everywhere (the tree is the one place that says "where we are").
        self.organizations.organization_requested.connect(self.tree.select_organization)
        self.organizations.print_requested.connect(self.printer.print_one)
        self.cadres.print_requested.connect(self.printer.print_one)
        self._restore_state()
        if the_office.organization_id is not None:
            self.organizations.show_organization(the_office.organization_id)
        self.show_page("overview")

    # --- layout -----------------------------------------------------------------------

    def _build_navigation(self) -> None:
        bar = QToolBar(self.tr("Trang"))
        bar.setObjectName("pages")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.page_actions = QActionGroup(self)
        self.page_actions.setExclusive(True)
        self._page_action: dict[str, QAction] = {}
        for name, (_page, title, key) in self._pages.items():
            action = QAction(title, self)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(key))
            action.setToolTip(f"{title} ({key})")
            action.triggered.connect(lambda _checked=False, n=name: self.show_page(n))
            self.page_actions.addAction(action)
            bar.addAction(action)
            self._page_action[name] = action
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(self.search)
        self.addToolBar(bar)
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._focus_search)
        self.addAction(find)

    def _build_menus(self) -> None:
        files = self.menuBar().addMenu(self.tr("&Tệp"))
        open_other = files.addAction(self.tr("Mở cơ sở dữ liệu khác…"))
        open_other.setShortcut(QKeySequence.StandardKey.Open)
        open_other.triggered.connect(self._choose_database)
        self.recent_menu = files.addMenu(self.tr("Mở gần đây"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        files.addSeparator()
        files.addAction(self.tr("Sao lưu ngay"), self.back_up_now)
        files.addAction(self.tr("Phục hồi từ bản sao lưu…"), self._choose_backup)
        files.addSeparator()
        files.addAction(self.tr("Nhập danh sách từ Excel…"), self.import_excel)
        files.addSeparator()
        quit_action = files.addAction(self.tr("Thoát"), self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        view = self.menuBar().addMenu(self.tr("&Xem"))
        for action in self._page_action.values():
            view.addAction(action)
        reports = self.menuBar().addMenu(self.tr("&Báo cáo"))
        reports.addAction(self.tr("Báo cáo thống kê…"), self.statistics_report)
        tools = self.menuBar().addMenu(self.tr("&Công cụ"))
        tools.addAction(self.tr("Bảng quy định (thời hạn, định mức)…"), self._rule_editor)
        tools.addSeparator()
        tools.addAction(self.tr("Tùy chọn…"), self._preferences)
        help_menu = self.menuBar().addMenu(self.tr("Trợ &giúp"))
        help_menu.addAction(self.tr("Giới thiệu partydesk"), self._about)

    # --- pages built when first needed ---------------------------------------------------

    @property
    def admission(self) -> AdmissionPage:
        """Kết nạp: candidates and probationary members."""
        return self._admission.page

    @property
    def transfers(self) -> TransfersPage:
        """Chuyển sinh hoạt: the transfer-letter register."""
        return self._transfers.page

    @property
    def dues(self) -> DuesPage:
        """Đảng phí: the monthly register of a branch."""
        return self._dues.page

    @property
    def ratings(self) -> RatingsPage:
        """Đánh giá: the year's quality ratings."""
        return self._ratings.page

    @property
    def badges(self) -> BadgesPage:
        """Huy hiệu: badge lists by occasion."""
        return self._badges.page

    @property
    def cadre_deadlines(self) -> CadreDeadlinesPage:
        """Hạn cán bộ: terms, retirement, salary steps, planning."""
        return self._cadre_deadlines.page

    @property
    def documents(self) -> DocumentsPage:
        """Văn bản: the numbered document register."""
        return self._documents.page

    @property
    def sync(self) -> SyncPage:
        """Đồng bộ: packages to and from the offices above and below."""
        return self._sync.page

    def _show_sync_count(self, count: int) -> None:
        title = self._pages["sync"][1]
        self._page_action["sync"].setText(f"{title} ({count})" if count else title)

    def _build_transfers(self) -> TransfersPage:
        page = TransfersPage(self.ctx)
        page.print_requested.connect(self.printer.print_one)
        page.print_batch_requested.connect(self.printer.print_many)
        return page

    def _build_badges(self) -> BadgesPage:
        page = BadgesPage(self.ctx)
        page.print_requested.connect(self.printer.print_one)
        return page

    def _build_documents(self) -> DocumentsPage:
        page = DocumentsPage(self.ctx)
        page.view_requested.connect(self.printer.view_document)
        page.reprint_requested.connect(self.printer.reprint)
        return page

    def _build_dues(self) -> DuesPage:
        page = DuesPage(self.ctx)
        page.member_requested.connect(self.open_member)
        return page

    def _build_cadre_deadlines(self) -> CadreDeadlinesPage:
        page = CadreDeadlinesPage(self.ctx)
        page.cadre_requested.connect(self._open_cadre)
        return page

    # --- pages --------------------------------------------------------------------------

    def page_names(self) -> list[str]:
        """Names of the pages, in navigation order."""
        return list(self._pages)

    def show_page(self, name: str) -> None:
        """Bring a page to the front."""
        page = self._pages[name][0]
        if isinstance(page, LazyPage):
            _ = page.page  # built now, not at the next paint, so callers can use it
        self.stack.setCurrentWidget(page)
        self._page_action[name].setChecked(True)

    def current_page(self) -> str:
        """Name of the page in front."""
        current = self.stack.currentWidget()
        return next(name for name, (page, _t, _k) in self._pages.items() if page is current)

    def _organization_selected(self, org_id: int | None) -> None:
        self.members.set_organization(org_id)
        self.overview.set_organization(org_id)  # the charts follow the tree too
        if org_id is not None:
            self.organizations.show_organization(org_id)
        if self.current_page() == "overview":
            self.show_page("members")

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def open_due_item(self, item: DueItem) -> None:
        """Open what a "Việc cần làm" item asks for: its page's action, else the record."""
        handler = self._due_handlers.get(item.action)
        if handler is not None and handler(item):
            return
        if item.member_id is not None:
            self.open_member(item.member_id)
        elif item.cadre_id is not None:
            self.show_page("cadres")
            self.cadres.open_cadre(item.cadre_id)

    def _open_admission_step(self, item: DueItem) -> bool:
        if item.member_id is None:
            return False
        self.show_page("admission")
        self.admission.open_step(item.member_id, item.action)
        return True

    def run_member_action(self, action: str, member_id: int) -> None:
        """Open a lifecycle step for a member, chosen in a «Nghiệp vụ» menu."""
        if action.startswith(PRINT_PREFIX):
            self.printer.print_one(PrintRequest(action.removeprefix(PRINT_PREFIX), member_id))
            return
        if action == "admission_step":
            self.show_page("admission")
            # A due action: the admission page opens the member's actual next step.
            self.admission.open_step(member_id, "admission_decision")
            return
        if action in ("transfer_out", "internal_move", "temporary"):
            self.show_page("transfers")
            start = {
                "transfer_out": self.transfers.start_transfer_out,
                "internal_move": self.transfers.start_internal_move,
                "temporary": self.transfers.start_temporary,
            }[action]
            start(member_id)
            return
        dialogs: dict[str, Callable[..., QDialog]] = {
            "introducer": IntroducerDialog,
            "exemption": ExemptionDialog,
            "discipline": DisciplineDialog,
            "leave": LeaveDialog,
            "readmit": ReadmissionDialog,
        }
        dialog = dialogs[action](self.ctx, member_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_action_dialog = dialog

    def _open_transfer_item(self, item: DueItem) -> bool:
        self.show_page("transfers")
        self.transfers.open_due(item.action, item.transfer_id)
        return True

    def _open_badges_item(self, item: DueItem) -> bool:
        self.show_page("badges")
        self.badges.select_occasion(item.due)
        return True

    def _open_cadre_item(self, item: DueItem) -> bool:
        if item.cadre_id is None:
            return False
        self._open_cadre(item.cadre_id)
        return True

    def _open_cadre(self, cadre_id: int) -> None:
        self.show_page("cadres")
        self.cadres.open_cadre(cadre_id)

    def _show(self, page: str) -> bool:
        self.show_page(page)
        return True

    def _show_due_counts(self, counts: dict[str, tuple[int, int]]) -> None:
        # Each page's navigation button shows how many items of its areas are due.
        for name, groups in self._page_due_groups.items():
            total = sum(counts.get(group, (0, 0))[0] for group in groups)
            title = self._pages[name][1]
            self._page_action[name].setText(f"{title} ({total})" if total else title)

    def open_member_list(self, filters: MemberFilter, caption: str) -> None:
        """Open the register filtered to a list (an overview chart's bar), with its caption."""
        # The filter first: the page, still hidden, then loads once, with it, when shown.
        self.members.show_list(filters, caption)
        self.show_page("members")

    def open_member(self, member_id: int) -> None:
        """Open a member's record (the register's dialog, deleted when closed)."""
        self.members.open_member(member_id)

    # --- file menu ------------------------------------------------------------------------

    def back_up_now(self) -> None:
        """Write a manual backup on the worker and say where it went."""
        self.statusBar().showMessage(self.tr("Đang sao lưu…"))
        self.ctx.run(
            lambda: backup_now(self.ctx.db, self.backups_dir),
            lambda path: self.statusBar().showMessage(
                self.tr("Đã sao lưu vào ") + str(path), 10000
            ),
            self._warn,
        )

    def _warn(self, error: BaseException) -> None:
        QMessageBox.warning(self, "partydesk", error_text(error))

    def _choose_database(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Mở cơ sở dữ liệu"),
            str(self.backups_dir.parent),
            self.tr("Cơ sở dữ liệu partydesk (*.sqlite3 *.db);;Mọi tệp (*)"),
        )
        if path:
            self.open_database_requested.emit(path)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in recent_files(self.ctx):
            action = self.recent_menu.addAction(path)
            action.triggered.connect(
                lambda _checked=False, p=path: self.open_database_requested.emit(p)
            )
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(chưa có)")).setEnabled(False)

    def _choose_backup(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn bản sao lưu"),
            str(self.backups_dir),
            self.tr("Bản sao lưu partydesk (*.sqlite3);;Mọi tệp (*)"),
        )
        if not path:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Phục hồi dữ liệu"),
            self.tr(
                "Dữ liệu hiện tại sẽ được thay bằng bản sao lưu đã chọn. Bản hiện tại được giữ "
                "lại trong thư mục sao lưu để có thể quay lại. Tiếp tục?"
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_requested.emit(path)

    def statistics_report(self) -> StatisticsReportDialog:
        """Open the statistics report dialog (Báo cáo › Báo cáo thống kê…)."""
        dialog = StatisticsReportDialog(self.ctx, self.exports_dir, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def import_excel(self) -> ExcelImportDialog:
        """Open the Excel import wizard (Tệp › Nhập danh sách từ Excel…)."""
        dialog = ExcelImportDialog(self.ctx, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _rule_editor(self) -> None:
        dialog = RuleEditorDialog(self.ctx, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _preferences(self) -> None:
        PreferencesDialog(self.ctx, parent=self).exec()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("Giới thiệu partydesk"),
            self.tr(
                "<b>partydesk {version}</b><br>Sổ tổ chức đảng, đảng viên và cán bộ, chạy không "
                "cần mạng.<br>Giấy phép GPL-3.0-or-later."
            ).replace("{version}", __version__),
        )

    # --- window state -------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.ctx.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self.ctx.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        else:
            # Organization names are long ("Đảng bộ Cơ quan Đảng ủy - HĐND - UBND xã").
            self.resizeDocks([self.tree_dock], [340], Qt.Orientation.Horizontal)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Remember the window's size and docks."""
        self.ctx.settings.setValue("window/geometry", self.saveGeometry())
        self.ctx.settings.setValue("window/state", self.saveState())
        super().closeEvent(event)


def recent_files(ctx: UiContext) -> list[str]:
    """Databases opened lately, newest first."""
    value = ctx.settings.value("files/recent", [])
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list):
        return [str(v) for v in value if v]
    return []


def remember_recent(ctx: UiContext, path: str) -> None:
    """Put `path` first in the recent files list."""
    paths = [path] + [p for p in recent_files(ctx) if p != path]
    ctx.settings.setValue("files/recent", paths[:MAX_RECENT])
