"""A cadre's record (hồ sơ cán bộ): the dialog that loads it and holds one tab per part.

Tabs: personal fields, posts, training, planning, salary, ratings/awards/disciplines.
Each tab writes on its own (one unit of work per action) and the dialog reloads the
record afterwards; nothing waits for a final "OK". A new record first needs its personal
fields saved, which creates the cadre and unlocks the other tabs. Refusals appear in red
under the tab's fields and write nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from partydesk.services.cadre_events import CadreEventChoices, cadre_event_choices
from partydesk.services.cadre_records import (
    CadreChoices,
    CadreDetail,
    cadre_choices,
    cadre_detail,
)
from partydesk.services.printing import PrintRequest
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.dialogs.cadre.common import CadreTab
from partydesk.ui.dialogs.cadre.info_tab import InfoTab
from partydesk.ui.dialogs.cadre.planning_tab import PlanningTab
from partydesk.ui.dialogs.cadre.posts_tab import PostsTab
from partydesk.ui.dialogs.cadre.records_tab import RecordsTab
from partydesk.ui.dialogs.cadre.salary_tab import SalaryTab
from partydesk.ui.dialogs.cadre.training_tab import TrainingTab

_Choices = tuple[CadreChoices, CadreEventChoices]


class CadreRecordDialog(QDialog):
    """Hồ sơ cán bộ; `cadre_id` None opens an empty record for a new cadre."""

    #: A write succeeded; carries the cadre id.
    saved = Signal(int)
    #: «In sơ yếu lý lịch»: a PrintRequest for the main window's printer.
    print_requested = Signal(object)

    def __init__(self, ctx: UiContext, cadre_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cadre_id = cadre_id
        self.detail: CadreDetail | None = None
        self.choices: CadreChoices | None = None
        self._generation = 0
        self.setWindowTitle(self.tr("Hồ sơ cán bộ"))
        self.resize(900, 620)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.info_tab = InfoTab(ctx, self._write)
        self.posts_tab = PostsTab(ctx, self._write)
        self.training_tab = TrainingTab(ctx, self._write)
        self.planning_tab = PlanningTab(ctx, self._write)
        self.salary_tab = SalaryTab(ctx, self._write)
        self.records_tab = RecordsTab(ctx, self._write)
        self._all_tabs: tuple[CadreTab, ...] = (
            self.info_tab,
            self.posts_tab,
            self.training_tab,
            self.planning_tab,
            self.salary_tab,
            self.records_tab,
        )
        self.tabs.addTab(self.info_tab, self.tr("Thông tin"))
        self.tabs.addTab(self.posts_tab, self.tr("Chức vụ"))
        self.tabs.addTab(self.training_tab, self.tr("Đào tạo"))
        self.tabs.addTab(self.planning_tab, self.tr("Quy hoạch"))
        self.tabs.addTab(self.salary_tab, self.tr("Lương"))
        self.tabs.addTab(self.records_tab, self.tr("Khen thưởng, kỷ luật, đánh giá"))
        self.info_tab.created.connect(self._created)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.print_button = QPushButton(self.tr("In sơ yếu lý lịch"))
        self.print_button.setAutoDefault(False)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(lambda _checked=False: self.print_cv())
        layout.addWidget(buttons)
        for tab in self._all_tabs:
            tab.cadre_id = cadre_id
        self._set_tabs_enabled()
        self.reload()

    # --- loading ------------------------------------------------------------------------

    def _set_tabs_enabled(self) -> None:
        for tab in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(tab, self.cadre_id is not None)
        self.print_button.setEnabled(self.cadre_id is not None)

    def print_cv(self) -> None:
        """Ask for the cadre's sơ yếu lý lịch to be printed (a saved record only)."""
        if self.cadre_id is not None:
            self.print_requested.emit(PrintRequest("cadre_cv", self.cadre_id))

    def _created(self, cadre_id: int) -> None:
        self.cadre_id = cadre_id
        for tab in self._all_tabs:
            tab.cadre_id = cadre_id
        self._set_tabs_enabled()

    def reload(self) -> None:
        """Read the record (and the catalogues, the first time) on the worker."""
        self._generation += 1
        generation = self._generation
        cadre_id = self.cadre_id
        need_choices = self.choices is None

        def work() -> tuple[_Choices | None, CadreDetail | None]:
            choices = (
                (cadre_choices(self.ctx.db), cadre_event_choices(self.ctx.db))
                if need_choices
                else None
            )
            detail = cadre_detail(self.ctx.db, cadre_id) if cadre_id is not None else None
            return choices, detail

        self.ctx.run(
            work,
            lambda data: self._loaded(generation, *data),
            lambda error: self.message.setText(error_text(error, self.ctx.language)),
        )

    def _loaded(
        self, generation: int, choices: _Choices | None, detail: CadreDetail | None
    ) -> None:
        if generation != self._generation:
            return
        if choices is not None:
            self.choices = choices[0]
            for tab in self._all_tabs:
                tab.set_choices(choices[0])
            self.records_tab.set_event_choices(choices[1])
        if detail is None:
            self.heading.setText(self.tr("<b>Cán bộ mới</b> — lưu thông tin để mở các mục khác."))
            return
        self.detail = detail
        self.heading.setText(f"<b>{detail.data.full_name}</b>")
        for tab in self._all_tabs:
            tab.show_detail(detail)

    # --- writing ------------------------------------------------------------------------

    def _write(
        self,
        work: Callable[[], Any],
        error_label: QLabel,
        done_text: str,
        after: Callable[[Any], None] | None = None,
    ) -> None:
        """Run one write; on success reload, announce "cadre" and say so."""
        error_label.hide()

        def done(result: Any) -> None:
            if after is not None:
                after(result)
            self.message.setText(done_text)
            self.ctx.bus.announce("cadre")
            if self.cadre_id is not None:
                self.saved.emit(self.cadre_id)
            self.reload()

        def refused(error: BaseException) -> None:
            error_label.setText(error_text(error, self.ctx.language))
            error_label.show()

        self.ctx.run(work, done, refused)
