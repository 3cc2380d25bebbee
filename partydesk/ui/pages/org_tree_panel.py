"""The organization tree in the left dock: lazy tree, search within it, context menu.

Selecting an organization emits `organization_selected(id)`; "Tất cả" emits None (the
whole office). Search folds diacritics ("chi bo thon" finds "Chi bộ thôn 1"), fetches
the levels down to each match and selects it; Enter goes to the next match.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from partydesk.services.org_tree import (
    OrgMatch,
    find_organizations,
    organization_path,
)
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.dialogs.organization_dialogs import OrganizationActions
from partydesk.ui.models.org_tree import OrgTreeModel

#: Typing pause before searching (ms).
SEARCH_DEBOUNCE_MS = 250


class OrgTreePanel(QWidget):
    """Search field, tree and the organization actions of its context menu."""

    organization_selected = Signal(object)  # int organization id, or None for "all"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.org_actions = OrganizationActions(ctx, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        search_row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm tổ chức (không cần dấu)…"))
        self.search.setClearButtonEnabled(True)
        search_row.addWidget(self.search, 1)
        self.match_label = QLabel()
        search_row.addWidget(self.match_label)
        layout.addLayout(search_row)
        self.tree = QTreeView()
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)  # lets the view skip measuring every row
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.model = OrgTreeModel(ctx, self)
        self.tree.setModel(self.model)
        layout.addWidget(self.tree, 1)
        bottom = QHBoxLayout()
        self.all_button = QToolButton()
        self.all_button.setText(self.tr("Tất cả"))
        self.all_button.setToolTip(self.tr("Bỏ chọn: xem toàn đơn vị"))
        bottom.addWidget(self.all_button)
        self.show_dissolved = QCheckBox(self.tr("Hiện tổ chức đã giải thể"))
        bottom.addWidget(self.show_dissolved, 1)
        layout.addLayout(bottom)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        layout.addWidget(self.status)

        self._matches: list[OrgMatch] = []
        self._match_at = -1
        self._search_generation = 0
        self._restoring = False
        self._first_load = True
        self._expanded: set[int] = set()
        self._selected: int | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.search.textEdited.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self.next_match)
        selection = self.tree.selectionModel()
        selection.currentChanged.connect(self._current_changed)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.all_button.clicked.connect(self.select_all)
        self.show_dissolved.toggled.connect(self._toggle_dissolved)
        self.model.refreshed.connect(self._restore_view)
        self.model.load_failed.connect(self._show_status)
        ctx.bus.changed.connect(self._registers_changed)
        self.model.refresh()

    def sizeHint(self) -> QSize:  # noqa: N802
        """Wide enough for a branch name and its count when the dock first opens."""
        return QSize(340, 600)

    # --- selection ----------------------------------------------------------------------

    def selected_id(self) -> int | None:
        """The organization selected in the tree (None: none, i.e. the whole office)."""
        node = self.model.node(self.tree.currentIndex())
        return None if node is None else node.id

    def select_all(self) -> None:
        """Clear the selection and tell listeners to show the whole office."""
        self._restoring = True
        try:
            self.tree.selectionModel().clearSelection()
            self.tree.setCurrentIndex(QModelIndex())
        finally:
            self._restoring = False
        self._selected = None
        self.organization_selected.emit(None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._restoring:
            return
        node = self.model.node(current)
        new = None if node is None else node.id
        if new != self._selected:
            self._selected = new
            self.organization_selected.emit(new)

    def select_organization(self, organization_id: int, path: Sequence[int] = ()) -> None:
        """Reveal and select an organization, loading the levels above it when needed.

        `path` (top of the tree → the organization, as `OrgMatch.path`) saves a trip to
        the database; without it the path is looked up when the node is not loaded yet.
        """
        index = self.model.index_of(organization_id)
        if index.isValid():
            self._reveal(index)
        elif path:
            self.model.load_path(path, self._reveal)
        else:
            self.ctx.run(
                lambda: organization_path(self.ctx.db, organization_id),
                lambda found: self.model.load_path(found, self._reveal) if found else None,
                lambda error: self._show_status(error_text(error, self.ctx.language)),
            )

    def _reveal(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    # --- search -------------------------------------------------------------------------

    def search_now(self) -> None:
        """Search for the typed text (also run by the debounce timer)."""
        self._timer.stop()
        self._search_generation += 1
        generation = self._search_generation
        text = self.search.text()
        include = self.model.include_dissolved
        if not text.strip():
            self._matches, self._match_at = [], -1
            self.match_label.clear()
            return
        self.ctx.run(
            lambda: find_organizations(self.ctx.db, text, include),
            lambda matches: self._found(generation, matches),
            lambda error: self._show_status(error_text(error, self.ctx.language)),
        )

    def _found(self, generation: int, matches: list[OrgMatch]) -> None:
        if generation != self._search_generation:
            return  # an older search answering after a newer one
        self._matches = matches
        self._match_at = -1
        if not matches:
            self.match_label.setText(self.tr("không thấy"))
            return
        self.next_match()

    def next_match(self) -> None:
        """Go to the next match (Enter in the search field); wraps around."""
        if self._timer.isActive() or not self._matches:
            self.search_now()
            return
        self._match_at = (self._match_at + 1) % len(self._matches)
        match = self._matches[self._match_at]
        self.match_label.setText(f"{self._match_at + 1}/{len(self._matches)}")
        self.select_organization(match.id, match.path)

    def match_count(self) -> int:
        """How many organizations the last search found."""
        return len(self._matches)

    # --- refresh keeping what the user had open -------------------------------------------

    def _registers_changed(self, registers: frozenset[str]) -> None:
        if registers & {"organization", "member"}:
            self.refresh()

    def refresh(self) -> None:
        """Refetch the loaded levels; expanded nodes and the selection are kept."""
        self._expanded = {
            org_id
            for org_id in self.model.loaded_ids()
            if self.tree.isExpanded(self.model.index_of(org_id))
        }
        self._selected = self.selected_id()
        self.model.refresh()

    def _restore_view(self) -> None:
        self._restoring = True
        try:
            # Parents before children: expanding a child under a collapsed parent is
            # harmless, but doing it top-down keeps the scroll position sensible.
            for org_id in sorted(self._expanded, key=self._depth):
                index = self.model.index_of(org_id)
                if index.isValid():
                    self.tree.expand(index)
            if self._first_load:
                self._first_load = False
                # First load: open the top level so the office's organizations show.
                # Fetch explicitly: a hidden view would only fetch once it is shown.
                for row in range(self.model.rowCount()):
                    index = self.model.index(row, 0)
                    if self.model.canFetchMore(index):
                        self.model.fetchMore(index)
                    self.tree.expand(index)
            if self._selected is not None:
                index = self.model.index_of(self._selected)
                if index.isValid():
                    self.tree.setCurrentIndex(index)
                else:
                    self._follow(self._selected)
        finally:
            self._restoring = False
        self.status.hide()

    def _follow(self, organization_id: int) -> None:
        """Find the selected organization again after it moved to another parent.

        Listeners are not told: the selection did not change. (A merged organization is
        dissolved and stays hidden.)
        """

        def reveal(index: QModelIndex) -> None:
            node = self.model.node(index)
            if node is None or node.id != self._selected:
                return  # hidden now, or the user chose another organization meanwhile
            self._restoring = True
            try:
                self._reveal(index)
            finally:
                self._restoring = False

        self.ctx.run(
            lambda: organization_path(self.ctx.db, organization_id),
            lambda path: self.model.load_path(path, reveal) if path else None,
            lambda error: self._show_status(error_text(error, self.ctx.language)),
        )

    def _depth(self, org_id: int) -> int:
        depth = 0
        index = self.model.index_of(org_id).parent()
        while index.isValid():
            depth += 1
            index = index.parent()
        return depth

    def _toggle_dissolved(self, checked: bool) -> None:
        self._expanded = {
            org_id
            for org_id in self.model.loaded_ids()
            if self.tree.isExpanded(self.model.index_of(org_id))
        }
        self._selected = self.selected_id()
        self.model.set_include_dissolved(checked)

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    # --- context menu -------------------------------------------------------------------

    def build_menu(self, organization_id: int | None) -> QMenu:
        """The context menu for an organization (None: only "Làm mới")."""
        menu = QMenu(self)
        if organization_id is not None:
            node = self.model.node(self.model.index_of(organization_id))
            live = node is not None and node.dissolved_on is None
            items = (
                (self.tr("Thêm tổ chức trực thuộc…"), self.org_actions.add_child),
                (self.tr("Đổi tên…"), self.org_actions.rename),
                (self.tr("Chuyển trực thuộc…"), self.org_actions.reparent),
                (self.tr("Hợp nhất vào…"), self.org_actions.merge),
                (self.tr("Giải thể…"), self.org_actions.dissolve),
            )
            for title, slot in items:
                action = menu.addAction(title)
                action.setEnabled(live)
                action.triggered.connect(lambda _checked=False, s=slot: s(organization_id))
            menu.addSeparator()
        menu.addAction(self.tr("Làm mới"), self.refresh)
        return menu

    def _context_menu(self, position: QPoint) -> None:
        node = self.model.node(self.tree.indexAt(position))
        menu = self.build_menu(None if node is None else node.id)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.tree.viewport().mapToGlobal(position))
