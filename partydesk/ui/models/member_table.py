"""The member register as a lazy table model: a count, pages of ids and rows on demand.

The model never holds the register: `rowCount` comes from a count query, and rows come
in pages of 200 fetched through the task runner when the view first asks for them
(anki's browser table model). Until a page arrives its cells show a placeholder; a small
LRU cache keeps the pages seen last. Sorting and filtering re-run the queries in SQL.

Threading: every query runs on the worker through `ctx.run`; results come back on the
GUI thread. A result that arrives after the filter, the sort or the data changed belongs
to an older generation and is dropped, so a slow page can never paint stale rows.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from partydesk.codes import COUNTED_STATUSES, MemberStatus
from partydesk.services.member_queries import (
    MemberFilter,
    MemberListRow,
    MemberSort,
    count_members,
    member_list_page,
)
from partydesk.ui.code_labels import sex_label, status_label
from partydesk.ui.context import UiContext, error_text

PAGE_SIZE = 200
#: 20 pages = 4,000 rows: a few screens either side of where the user is, a few MB.
MAX_PAGES = 20
PLACEHOLDER = "…"

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_COUNTED = frozenset(status.value for status in COUNTED_STATUSES) | {MemberStatus.CANDIDATE.value}
_FADED = QBrush(QColor(128, 128, 128))


def _date(value: date | None) -> str:
    return "" if value is None else value.strftime("%d/%m/%Y")


def _birth(row: MemberListRow) -> str:
    # A record that only knows the year must not pretend to know 01/01.
    return str(row.birth_date.year) if row.birth_year_only else _date(row.birth_date)


def _sex(row: MemberListRow) -> str:
    return sex_label(row.sex)


@dataclass(frozen=True)
class MemberColumn:
    """A column of the register: settings key, title, cell text and SQL sort key."""

    key: str
    title: str
    value: Callable[[MemberListRow], str]
    sort: MemberSort | None
    centred: bool = False


class MemberTableModel(QAbstractTableModel):
    """Rows of the member register, fetched in pages as the view scrolls to them."""

    #: The number of rows after a refresh.
    count_changed = Signal(int)
    #: A query failed; the sentence to show.
    load_failed = Signal(str)

    def __init__(
        self,
        ctx: UiContext,
        parent: QObject | None = None,
        page_size: int = PAGE_SIZE,
        max_pages: int = MAX_PAGES,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.page_size = page_size
        self.max_pages = max(2, max_pages)
        self.columns = self._make_columns()
        self._filters = MemberFilter()
        self._sort = MemberSort.NAME
        self._descending = False
        self._count = 0
        self._pages: OrderedDict[int, list[MemberListRow]] = OrderedDict()
        self._generation = 0
        self._wanted: set[int] = set()
        self._in_flight: set[int] = set()
        self._failed: set[int] = set()
        self._counting = False
        self._touched: set[int] = set()
        self._on_screen: frozenset[int] = frozenset()
        # Pages asked for while the view paints are sent together once it is done.
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self._request_wanted)

    def _make_columns(self) -> list[MemberColumn]:
        return [
            MemberColumn("name", self.tr("Họ và tên"), lambda r: r.full_name, MemberSort.NAME),
            MemberColumn("sex", self.tr("Giới tính"), _sex, MemberSort.SEX, centred=True),
            MemberColumn("birth_date", self.tr("Ngày sinh"), _birth, MemberSort.BIRTH_DATE, True),
            MemberColumn(
                "organization",
                self.tr("Chi bộ"),
                lambda r: r.organization_name,
                MemberSort.ORGANIZATION,
            ),
            MemberColumn(
                "status", self.tr("Trạng thái"), lambda r: status_label(r.status), MemberSort.STATUS
            ),
            MemberColumn("cccd", self.tr("Số CCCD"), lambda r: r.cccd or "", MemberSort.CCCD),
            MemberColumn(
                "card_no", self.tr("Số thẻ"), lambda r: r.card_no or "", MemberSort.CARD_NO
            ),
            MemberColumn(
                "decision_date",
                self.tr("Ngày QĐ kết nạp"),
                lambda r: _date(r.decision_date),
                MemberSort.DECISION_DATE,
                True,
            ),
            MemberColumn(
                "ceremony_date",
                self.tr("Ngày kết nạp"),
                lambda r: _date(r.ceremony_date),
                MemberSort.CEREMONY_DATE,
                True,
            ),
            MemberColumn(
                "official_date",
                self.tr("Ngày chính thức"),
                lambda r: _date(r.official_date),
                MemberSort.OFFICIAL_DATE,
                True,
            ),
            MemberColumn("ethnicity", self.tr("Dân tộc"), lambda r: r.ethnicity_name, None),
            MemberColumn("theory", self.tr("Lý luận chính trị"), lambda r: r.theory_name, None),
        ]

    # --- state ----------------------------------------------------------------------------

    @property
    def filters(self) -> MemberFilter:
        """The filter the rows answer to."""
        return self._filters

    @property
    def sort_key(self) -> MemberSort:
        """The SQL sort of the rows."""
        return self._sort

    @property
    def descending(self) -> bool:
        """True when the sort is descending."""
        return self._descending

    def column_index(self, key: str) -> int:
        """The column number of a column key ("name", "cccd"…)."""
        return next(i for i, column in enumerate(self.columns) if column.key == key)

    def is_sortable(self, column: int) -> bool:
        """True when the column can be sorted (in SQL)."""
        return 0 <= column < len(self.columns) and self.columns[column].sort is not None

    def sort_column(self) -> int:
        """The column the rows are sorted by."""
        return next(i for i, c in enumerate(self.columns) if c.sort == self._sort)

    def set_filter(self, filters: MemberFilter, reload: bool = True) -> None:
        """Show the rows matching `filters` (re-counted and re-fetched unless `reload` is off)."""
        self._filters = filters
        if reload:
            self.refresh()

    def set_sort(self, sort: MemberSort, descending: bool = False, reload: bool = True) -> None:
        """Sort by `sort` in SQL (re-fetched unless `reload` is off or nothing changed)."""
        sort = MemberSort(sort)
        if sort == self._sort and descending == self._descending:
            return
        self._sort, self._descending = sort, descending
        if reload:
            self.refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column in SQL; columns without a SQL sort are ignored."""
        if not self.is_sortable(column):
            return
        key = self.columns[column].sort
        assert key is not None
        self.set_sort(key, order == Qt.SortOrder.DescendingOrder)

    def refresh(self) -> None:
        """Re-count and drop the cached pages (the register, the filter or the sort changed).

        Rows stay on screen until the new count arrives; a count equal to the old one
        updates the cells in place, so the view keeps its selection and scroll position.
        """
        self._generation += 1
        generation = self._generation
        self._wanted.clear()
        self._in_flight.clear()
        self._failed.clear()
        self._counting = True
        db, filters, sort, descending, size = (
            self.ctx.db,
            self._filters,
            self._sort,
            self._descending,
            self.page_size,
        )

        def work() -> tuple[int, list[MemberListRow]]:
            # The first page rides along with the count: the first paint needs both.
            return (
                count_members(db, filters),
                member_list_page(db, 0, size, filters, sort, descending),
            )

        self.ctx.run(
            work,
            lambda result: self._counted(generation, result),
            lambda error: self._count_failed(generation, error),
        )

    def _counted(self, generation: int, result: tuple[int, list[MemberListRow]]) -> None:
        if generation != self._generation:
            return
        count, first = result
        self._counting = False
        if count == self._count and count > 0:
            self._pages = OrderedDict({0: first})
            self.dataChanged.emit(self.index(0, 0), self.index(count - 1, len(self.columns) - 1))
        else:
            self.beginResetModel()
            self._count = count
            self._pages = OrderedDict({0: first}) if count else OrderedDict()
            self.endResetModel()
        self.count_changed.emit(count)
        if self._wanted:
            self._flush_timer.start()

    def _count_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._counting = False
            self.load_failed.emit(error_text(error, self.ctx.language))

    # --- pages ----------------------------------------------------------------------------

    def row_data(self, row: int) -> MemberListRow | None:
        """The plain row behind a table row, or None while its page is not loaded."""
        page = self._pages.get(row // self.page_size)
        if page is None:
            return None
        offset = row % self.page_size
        return page[offset] if offset < len(page) else None

    def member_id(self, row: int) -> int | None:
        """The member id of a table row, or None while its page is not loaded."""
        found = self.row_data(row)
        return None if found is None else found.id

    def loaded_pages(self) -> list[int]:
        """Page numbers in the cache, least recently used first (tests, diagnostics)."""
        return list(self._pages)

    def _want(self, page: int) -> None:
        if page in self._in_flight or page in self._failed or page in self._wanted:
            return
        self._wanted.add(page)
        if not self._counting:
            self._flush_timer.start()

    def _request_wanted(self) -> None:
        if self._counting:
            return
        # The pages the view painted since the last batch are the ones on screen now.
        self._on_screen = frozenset(self._touched | self._wanted)
        self._touched = set()
        wanted, self._wanted = sorted(self._wanted), set()
        for page in wanted:
            if page in self._pages or page * self.page_size >= self._count:
                continue
            self._in_flight.add(page)
            self._request(page)

    def _request(self, page: int) -> None:
        generation, total = self._generation, self._count
        db, filters, sort, descending, size = (
            self.ctx.db,
            self._filters,
            self._sort,
            self._descending,
            self.page_size,
        )

        def work() -> list[MemberListRow] | None:
            # Runs on the worker. Dragging the scroll bar to the end asks for pages all the
            # way down; those scrolled past are skipped here instead of queueing ahead of
            # the page the user stopped at. (Reading a frozenset reference is atomic.)
            if page not in self._on_screen:
                return None
            return member_list_page(db, page * size, size, filters, sort, descending, total)

        self.ctx.run(
            work,
            lambda rows: self._page_arrived(generation, page, rows),
            lambda error: self._page_failed(generation, page, error),
        )

    def _page_arrived(self, generation: int, page: int, rows: list[MemberListRow] | None) -> None:
        if generation != self._generation:
            return  # asked for under another filter, sort or state of the data
        self._in_flight.discard(page)
        if rows is None:
            # Skipped as off screen: a repaint asks again if the view shows it after all.
            self._emit_page_changed(page)
            return
        self._pages[page] = rows
        self._pages.move_to_end(page)
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)
        self._emit_page_changed(page)

    def _emit_page_changed(self, page: int) -> None:
        first = page * self.page_size
        last = min(first + self.page_size, self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    def _page_failed(self, generation: int, page: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._in_flight.discard(page)
        # Not asked again until the next refresh: a failing query must not loop per paint.
        self._failed.add(page)
        self.load_failed.emit(error_text(error, self.ctx.language))

    # --- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        """Number of matching members (from the count query)."""
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        """Number of columns."""
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, or a placeholder while the row's page is on its way."""
        if not index.isValid() or index.row() >= self._count:
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.UserRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.TextAlignmentRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignHCenter if column.centred else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        page_no = index.row() // self.page_size
        self._touched.add(page_no)
        page = self._pages.get(page_no)
        if page is None:
            self._want(page_no)
            if role == Qt.ItemDataRole.DisplayRole:
                return PLACEHOLDER
            return _FADED if role == Qt.ItemDataRole.ForegroundRole else None
        self._pages.move_to_end(page_no)
        offset = index.row() % self.page_size
        if offset >= len(page):
            return None  # the register shrank since the count; the bus refresh follows
        row = page[offset]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.value(row)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole:
            # Members who left, died or moved away stay listed but step back visually.
            return None if row.status in _COUNTED else _FADED
        if role == Qt.ItemDataRole.ToolTipRole and column.key == "status":
            return status_label(row.status)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles; row numbers (the list's "STT") on the side."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                return self.columns[section].title
            return None
        return str(section + 1) if 0 <= section < self._count else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Rows are selectable, never editable in place."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
