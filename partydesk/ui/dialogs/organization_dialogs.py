"""Dialogs that change the organization tree: add, rename, re-parent, merge, dissolve.

`OrganizationActions` is what the tree's context menu and the organization page call:
it reads what a dialog needs on the worker, opens the dialog (window-modal, not
blocking, so tests can fill it in), and the dialog runs the service when accepted. A
refused write keeps the dialog open with the service's sentence under the fields;
nothing is written. After a write every page hears `bus.announce("organization",
"member")`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, cast

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from partydesk.codes import OrgKind
from partydesk.rules import fold
from partydesk.services.catalogues import CatalogueEntry
from partydesk.services.committee import (
    CommitteeInput,
    CommitteeSeat,
    add_committee_member,
    end_committee_member,
)
from partydesk.services.member_queries import search_members
from partydesk.services.members import MemberRow
from partydesk.services.organizations import (
    MergePreview,
    OrganizationChoices,
    OrganizationDetail,
    OrganizationInput,
    OrganizationRow,
    create_organization,
    dissolve_organization,
    list_organizations,
    merge_organizations,
    merge_preview,
    organization_choices,
    organization_detail,
    rename_organization,
    reparent_organization,
)
from partydesk.ui.code_labels import org_kind_label
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.dialogs.action_dialog import ActionDialog
from partydesk.ui.models.rows import RowsModel
from partydesk.ui.widgets.confirm import ask_confirmation
from partydesk.ui.widgets.date_edit import DateEdit, format_date

_Index = QModelIndex | QPersistentModelIndex

#: The kind a new child organization most often has, by the parent's kind.
DEFAULT_CHILD_KIND = {
    OrgKind.PROVINCE: OrgKind.COMMUNE,
    OrgKind.DISTRICT: OrgKind.GRASSROOTS_COMMITTEE,
    OrgKind.COMMUNE: OrgKind.GRASSROOTS_BRANCH,
    OrgKind.ABOVE_GRASSROOTS: OrgKind.GRASSROOTS_BRANCH,
    OrgKind.GRASSROOTS_COMMITTEE: OrgKind.BRANCH,
    OrgKind.PARTIAL_COMMITTEE: OrgKind.BRANCH,
    OrgKind.GRASSROOTS_BRANCH: OrgKind.CELL,
    OrgKind.BRANCH: OrgKind.CELL,
    OrgKind.CELL: OrgKind.CELL,
}


def show_error(parent: QWidget, text: str) -> None:
    """Show an error without blocking the caller.

    The box belongs to `parent` (so Python's collector leaves it alone) and deletes
    itself when closed.
    """
    box = QMessageBox(QMessageBox.Icon.Warning, "partydesk", text, parent=parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def required_date(field: DateEdit, label: str) -> date:
    """The date typed in `field`; ValueError with a sentence when empty or not a date."""
    value = field.value()
    if value is None:
        raise ValueError(
            QCoreApplication.translate(
                "OrganizationDialogs", "Trường «{field}» không được để trống."
            ).replace("{field}", label)
        )
    return value


def fill_catalogue(
    combo: QComboBox, entries: Sequence[CatalogueEntry], empty: str | None = None
) -> None:
    """Fill a combo box with catalogue names, the code as item data."""
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    for entry in entries:
        combo.addItem(entry.name, entry.code)


def select_data(combo: QComboBox, value: object) -> None:
    """Select the item whose data is `value` (the first item when there is none)."""
    position = combo.findData(value)
    combo.setCurrentIndex(max(position, 0))


# --- choosing an organization ------------------------------------------------------------


class _FoldFilter(QSortFilterProxyModel):
    """Keeps the rows whose folded label holds every typed word."""

    def __init__(self, keys: Callable[[int], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys = keys
        self._words: list[str] = []

    def set_text(self, text: str) -> None:
        """Filter by `text` (diacritics and case ignored)."""
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        """True when every word is in the row's label."""
        key = self._keys(source_row)
        return all(word in key for word in self._words)


class OrganizationPicker(QWidget):
    """A filter field over a list of organizations; typing without diacritics works."""

    def __init__(self, rows: Sequence[OrganizationRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Gõ tên hoặc mã để lọc (không cần dấu)"))
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        self.model: RowsModel[OrganizationRow] = RowsModel(
            [(self.tr("Tổ chức"), lambda r: f"{r.name} ({r.code})")]
        )
        self.model.set_rows(rows)
        keys = [fold(f"{r.name} {r.code}") for r in rows]
        self.proxy = _FoldFilter(lambda row: keys[row], self)
        self.proxy.setSourceModel(self.model)
        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setMinimumHeight(220)
        layout.addWidget(self.list)
        self.filter.textChanged.connect(self._filter)

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        if self.proxy.rowCount() == 1:
            self.list.setCurrentIndex(self.proxy.index(0, 0))

    def visible_count(self) -> int:
        """Rows left after filtering."""
        return self.proxy.rowCount()

    def select_id(self, organization_id: int) -> bool:
        """Select an organization by id (False when it is not offered)."""
        for row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(row, 0))
            if self.model.row_at(source.row()).id == organization_id:
                self.list.setCurrentIndex(self.proxy.index(row, 0))
                return True
        return False

    def current(self) -> OrganizationRow | None:
        """The chosen organization."""
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())


def _subtree(rows: Sequence[OrganizationRow], root_id: int) -> set[int]:
    below: dict[int | None, list[int]] = {}
    for row in rows:
        below.setdefault(row.parent_id, []).append(row.id)
    found = {root_id}
    todo = [root_id]
    while todo:
        for child in below.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


# --- the dialogs -----------------------------------------------------------------------


class _ActionDialog(ActionDialog):
    """A write on the organization tree; every page hears «organization» and «member»."""

    announces = ("organization", "member")


class NewOrganizationDialog(_ActionDialog):
    """Thêm tổ chức trực thuộc: a new organization under `parent`."""

    def __init__(
        self,
        ctx: UiContext,
        parent_org: OrganizationDetail,
        choices: OrganizationChoices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Thêm tổ chức trực thuộc"), parent)
        self.parent_org = parent_org
        self.set_intro(self.tr("Trực thuộc: {name}").replace("{name}", parent_org.name))
        self.name = QLineEdit()
        self.form.addRow(self.tr("Tên tổ chức:"), self.name)
        self.kind = QComboBox()
        for kind in OrgKind:
            self.kind.addItem(org_kind_label(kind.value), kind.value)
        try:
            default = DEFAULT_CHILD_KIND[OrgKind(parent_org.kind)]
        except (KeyError, ValueError):
            default = OrgKind.BRANCH
        select_data(self.kind, default.value)
        self.form.addRow(self.tr("Cấp tổ chức:"), self.kind)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("để trống: tự đánh mã"))
        self.form.addRow(self.tr("Mã:"), self.code)
        self.short_name = QLineEdit()
        self.form.addRow(self.tr("Tên viết tắt:"), self.short_name)
        self.type_code = QComboBox()
        fill_catalogue(self.type_code, choices.org_types, self.tr("(không ghi)"))
        self.form.addRow(self.tr("Loại hình:"), self.type_code)
        self.founded_on = self.add_date(self.tr("Ngày thành lập:"))
        self.founding_decision = QLineEdit()
        self.form.addRow(self.tr("Quyết định thành lập:"), self.founding_decision)
        self.address = QLineEdit()
        self.form.addRow(self.tr("Địa chỉ:"), self.address)

    def prepare(self) -> Callable[[], Any]:
        """Create the organization."""
        data = OrganizationInput(
            name=self.name.text(),
            kind=str(self.kind.currentData()),
            parent_id=self.parent_org.id,
            code=self.code.text().strip(),
            short_name=self.short_name.text(),
            type_code=self.type_code.currentData(),
            founded_on=self.founded_on.value(),
            founding_decision=self.founding_decision.text(),
            address=self.address.text(),
        )
        return lambda: create_organization(self.ctx.db, data)


class RenameDialog(_ActionDialog):
    """Đổi tên: the audit log keeps the old name."""

    def __init__(
        self, ctx: UiContext, org: OrganizationDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, self.tr("Đổi tên tổ chức"), parent)
        self.org = org
        self.set_intro(self.tr("Tên hiện tại: {name}").replace("{name}", org.name))
        self.name = QLineEdit(org.name)
        self.name.selectAll()
        self.form.addRow(self.tr("Tên mới:"), self.name)

    def prepare(self) -> Callable[[], Any]:
        """Rename."""
        name = self.name.text()
        return lambda: rename_organization(self.ctx.db, self.org.id, name)


class ReparentDialog(_ActionDialog):
    """Chuyển trực thuộc: a new parent from an effective date; the old one stays history."""

    def __init__(
        self,
        ctx: UiContext,
        org: OrganizationDetail,
        candidates: Sequence[OrganizationRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Chuyển trực thuộc"), parent)
        self.org = org
        self.set_intro(
            self.tr("«{name}» đang trực thuộc «{parent}». Chọn tổ chức cấp trên mới:")
            .replace("{name}", org.name)
            .replace("{parent}", org.parent_name or "—")
        )
        excluded = _subtree(candidates, org.id) | {org.parent_id or 0}
        self.picker = OrganizationPicker([r for r in candidates if r.id not in excluded])
        self.form.addRow(self.tr("Trực thuộc mới:"), self.picker)
        self.effective_on = self.add_date(self.tr("Ngày hiệu lực:"), date.today())

    def prepare(self) -> Callable[[], Any]:
        """Re-parent."""
        target = self.picker.current()
        if target is None:
            raise ValueError(self.tr("Hãy chọn tổ chức cấp trên mới."))
        on = required_date(self.effective_on, self.tr("Ngày hiệu lực"))
        return lambda: reparent_organization(self.ctx.db, self.org.id, target.id, on)


class MergeDialog(_ActionDialog):
    """Hợp nhất vào…: members and child organizations move, the source is dissolved."""

    def __init__(
        self,
        ctx: UiContext,
        preview: MergePreview,
        candidates: Sequence[OrganizationRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Hợp nhất tổ chức"), parent)
        self.preview = preview
        self.set_intro(
            self.tr(
                "Hợp nhất «{name}» vào tổ chức được chọn: {members} đảng viên và quần chúng, "
                "{children} tổ chức trực thuộc sẽ chuyển sang; lịch sử được giữ nguyên."
            )
            .replace("{name}", preview.name)
            .replace("{members}", str(preview.members))
            .replace("{children}", str(preview.children))
        )
        excluded = _subtree(candidates, preview.organization_id)
        self.picker = OrganizationPicker([r for r in candidates if r.id not in excluded])
        self.form.addRow(self.tr("Hợp nhất vào:"), self.picker)
        self.effective_on = self.add_date(self.tr("Ngày hiệu lực:"), date.today())
        self.decision = QLineEdit()
        self.decision.setPlaceholderText(self.tr("ví dụ 125-QĐ/ĐU"))
        self.form.addRow(self.tr("Số quyết định:"), self.decision)

    def prepare(self) -> Callable[[], Any] | None:
        """Confirm with the counts, then merge."""
        target = self.picker.current()
        if target is None:
            raise ValueError(self.tr("Hãy chọn tổ chức nhận hợp nhất."))
        on = required_date(self.effective_on, self.tr("Ngày hiệu lực"))
        decision = self.decision.text()
        question = (
            self.tr(
                "Hợp nhất «{source}» vào «{target}» từ ngày {date}?\n\n"
                "{members} đảng viên và quần chúng sẽ chuyển sinh hoạt sang «{target}»; "
                "{children} tổ chức trực thuộc sẽ chuyển trực thuộc «{target}»; "
                "«{source}» được ghi là đã giải thể. Lịch sử trước ngày đó vẫn được giữ."
            )
            .replace("{source}", self.preview.name)
            .replace("{target}", target.name)
            .replace("{date}", format_date(on))
            .replace("{members}", str(self.preview.members))
            .replace("{children}", str(self.preview.children))
        )
        if not ask_confirmation(self, self.tr("Hợp nhất tổ chức"), question):
            return None
        source = self.preview.organization_id
        return lambda: merge_organizations(self.ctx.db, source, target.id, on, decision)


class DissolveDialog(_ActionDialog):
    """Giải thể: only an organization without members or live children."""

    def __init__(
        self, ctx: UiContext, org: OrganizationDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, self.tr("Giải thể tổ chức"), parent)
        self.org = org
        self.set_intro(self.tr("Giải thể «{name}».").replace("{name}", org.name))
        self.dissolved_on = self.add_date(self.tr("Ngày giải thể:"), date.today())
        self.decision = QLineEdit()
        self.form.addRow(self.tr("Số quyết định:"), self.decision)

    def prepare(self) -> Callable[[], Any] | None:
        """Confirm, then dissolve."""
        on = required_date(self.dissolved_on, self.tr("Ngày giải thể"))
        decision = self.decision.text()
        question = (
            self.tr(
                "Giải thể «{name}» từ ngày {date}? Tổ chức sẽ không còn hiện trên cây "
                "(trừ khi chọn hiện tổ chức đã giải thể)."
            )
            .replace("{name}", self.org.name)
            .replace("{date}", format_date(on))
        )
        if not ask_confirmation(self, self.tr("Giải thể tổ chức"), question):
            return None
        return lambda: dissolve_organization(self.ctx.db, self.org.id, on, decision)


class MemberLinkEdit(QWidget):
    """Link to a member found by name or number as one types (diacritics optional)."""

    member_chosen = Signal(object)  # MemberRow

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit()
        self.line.setPlaceholderText(self.tr("Tìm đảng viên: tên không dấu, CCCD…"))
        layout.addWidget(self.line, 1)
        self.clear_button = QToolButton()
        self.clear_button.setText("×")
        self.clear_button.setToolTip(self.tr("Bỏ liên kết"))
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)
        # A page of results (≤ 50 rows): a standard item model is enough here.
        self.results = QStandardItemModel(self)
        self.completer_ = QCompleter(self.results, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        # `activated` is overloaded (str, QModelIndex); the index carries the result number.
        cast(Any, self.completer_.activated)[QModelIndex].connect(self._activated)
        self.line.setCompleter(self.completer_)
        self._rows: list[MemberRow] = []
        self._member: MemberRow | None = None
        self._member_id: int | None = None
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.search_now)
        self.line.textEdited.connect(self._edited)

    def _edited(self, _text: str) -> None:
        self._member_id = None  # typing again undoes the link until a result is chosen
        self._member = None
        self._timer.start()

    def search_now(self) -> None:
        """Search members for the typed text."""
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        text = self.line.text()
        self.ctx.run(
            lambda: search_members(self.ctx.db, text),
            lambda rows: self._show(generation, rows),
            lambda _error: self._show(generation, []),
        )

    def _show(self, generation: int, rows: list[MemberRow]) -> None:
        if generation != self._generation:
            return
        self._rows = rows
        self.results.clear()
        for number, row in enumerate(rows):
            item = QStandardItem(self._label(row))
            item.setData(number, Qt.ItemDataRole.UserRole)
            self.results.appendRow(item)
        if rows and self.line.hasFocus():
            self.completer_.complete()

    @staticmethod
    def _label(row: MemberRow) -> str:
        return f"{row.full_name} — {format_date(row.birth_date)}"

    def _activated(self, index: QModelIndex) -> None:
        number = index.data(Qt.ItemDataRole.UserRole)
        if number is not None:
            self.choose(self._rows[int(number)])

    def result_count(self) -> int:
        """How many members the last search found."""
        return len(self._rows)

    def choose(self, row: MemberRow) -> None:
        """Link to `row` (what picking it from the drop-down does)."""
        self._member = row
        self._member_id = row.id
        self.line.setText(self._label(row))
        self.member_chosen.emit(row)

    def choose_result(self, number: int) -> None:
        """Link to the `number`-th result of the last search."""
        self.choose(self._rows[number])

    def set_member(self, member_id: int | None, label: str = "") -> None:
        """Show an existing link."""
        self._member = None
        self._member_id = member_id
        self.line.setText(label if member_id is not None else "")

    def member_id(self) -> int | None:
        """The linked member's id (None: no link)."""
        return self._member_id

    def member(self) -> MemberRow | None:
        """The member chosen in this session of the widget (None if only an id is known)."""
        return self._member

    def clear(self) -> None:
        """Remove the link."""
        self.set_member(None)


class CommitteeSeatDialog(_ActionDialog):
    """Thêm người vào cấp ủy: post, name (or a linked member), term, start, decision."""

    def __init__(
        self,
        ctx: UiContext,
        org: OrganizationDetail,
        posts: Sequence[CatalogueEntry],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Thêm cấp ủy viên"), parent)
        self.org = org
        self.set_intro(self.tr("Cấp ủy của «{name}»").replace("{name}", org.name))
        self.post = QComboBox()
        fill_catalogue(self.post, posts)
        self.form.addRow(self.tr("Chức vụ:"), self.post)
        self.member = MemberLinkEdit(ctx)
        self.form.addRow(self.tr("Đảng viên:"), self.member)
        self.full_name = QLineEdit()
        self.full_name.setPlaceholderText(self.tr("để trống: lấy tên đảng viên đã chọn"))
        self.form.addRow(self.tr("Họ và tên:"), self.full_name)
        self.term = QLineEdit(current_term(date.today()))
        self.form.addRow(self.tr("Nhiệm kỳ:"), self.term)
        self.start_on = self.add_date(self.tr("Từ ngày:"))
        self.decision = QLineEdit()
        self.form.addRow(self.tr("Số quyết định:"), self.decision)
        self.member.member_chosen.connect(self._member_chosen)

    def _member_chosen(self, row: MemberRow) -> None:
        if not self.full_name.text().strip():
            self.full_name.setText(row.full_name)

    def prepare(self) -> Callable[[], Any]:
        """Add the seat."""
        data = CommitteeInput(
            organization_id=self.org.id,
            post_code=str(self.post.currentData() or ""),
            term=self.term.text(),
            full_name=self.full_name.text(),
            member_id=self.member.member_id(),
            start_on=self.start_on.value(),
            decision_no=self.decision.text(),
        )
        return lambda: add_committee_member(self.ctx.db, data)


class EndSeatDialog(_ActionDialog):
    """Thôi giữ chức vụ cấp ủy from a date; the seat stays in the committee's history."""

    def __init__(self, ctx: UiContext, seat: CommitteeSeat, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Thôi giữ chức vụ cấp ủy"), parent)
        self.seat = seat
        self.set_intro(
            self.tr("{name} — {post}, nhiệm kỳ {term}")
            .replace("{name}", seat.full_name or "—")
            .replace("{post}", seat.post_name)
            .replace("{term}", seat.term.replace("-", "–"))
        )
        self.end_on = self.add_date(self.tr("Ngày thôi:"), date.today())

    def prepare(self) -> Callable[[], Any]:
        """End the seat."""
        on = required_date(self.end_on, self.tr("Ngày thôi"))
        return lambda: end_committee_member(self.ctx.db, self.seat.id, on)


def current_term(today: date) -> str:
    """The five-year party term that holds `today`, e.g. "2025–2030".

    Party congresses of every level meet in years ending in 0 and 5.
    """
    first = today.year - (today.year % 5)
    return f"{first}–{first + 5}"


# --- the actions ------------------------------------------------------------------------


class OrganizationActions(QObject):
    """Opens the organization dialogs for the tree's context menu and the page's buttons."""

    def __init__(self, ctx: UiContext, widget: QWidget) -> None:
        super().__init__(widget)
        self.ctx = ctx
        self.widget = widget
        #: The dialog opened last (tests fill it in and click OK).
        self.dialog: _ActionDialog | None = None

    def _load(self, work: Callable[[], Any], build: Callable[[Any], _ActionDialog]) -> None:
        def opened(data: Any) -> None:
            dialog = build(data)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.dialog = dialog
            dialog.finished.connect(lambda _result, d=dialog: self._closed(d))
            dialog.open()

        self.ctx.run(
            work,
            opened,
            lambda error: show_error(self.widget, error_text(error, self.ctx.language)),
        )

    def _closed(self, dialog: _ActionDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def add_child(self, parent_id: int) -> None:
        """Thêm tổ chức trực thuộc."""
        self._load(
            lambda: (
                organization_detail(self.ctx.db, parent_id),
                organization_choices(self.ctx.db),
            ),
            lambda data: NewOrganizationDialog(self.ctx, data[0], data[1], self.widget),
        )

    def rename(self, organization_id: int) -> None:
        """Đổi tên."""
        self._load(
            lambda: organization_detail(self.ctx.db, organization_id),
            lambda org: RenameDialog(self.ctx, org, self.widget),
        )

    def reparent(self, organization_id: int) -> None:
        """Chuyển trực thuộc."""
        self._load(
            lambda: (
                organization_detail(self.ctx.db, organization_id),
                list_organizations(self.ctx.db),
            ),
            lambda data: ReparentDialog(self.ctx, data[0], data[1], self.widget),
        )

    def merge(self, organization_id: int) -> None:
        """Hợp nhất vào…."""
        self._load(
            lambda: (merge_preview(self.ctx.db, organization_id), list_organizations(self.ctx.db)),
            lambda data: MergeDialog(self.ctx, data[0], data[1], self.widget),
        )

    def dissolve(self, organization_id: int) -> None:
        """Giải thể."""
        self._load(
            lambda: organization_detail(self.ctx.db, organization_id),
            lambda org: DissolveDialog(self.ctx, org, self.widget),
        )

    def add_seat(self, organization_id: int) -> None:
        """Thêm cấp ủy viên."""
        self._load(
            lambda: (
                organization_detail(self.ctx.db, organization_id),
                organization_choices(self.ctx.db),
            ),
            lambda data: CommitteeSeatDialog(
                self.ctx, data[0], data[1].committee_posts, self.widget
            ),
        )

    def end_seat(self, seat: CommitteeSeat) -> None:
        """Thôi giữ chức vụ cấp ủy (no database read needed to open the dialog)."""
        self._load(lambda: seat, lambda data: EndSeatDialog(self.ctx, data, self.widget))
