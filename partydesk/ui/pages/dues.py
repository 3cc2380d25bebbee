"""Đảng phí: a branch's monthly dues register, typed in as one batch, and who is behind."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from partydesk.services.dues import (
    DuesEntry,
    DuesRegisterRow,
    UnpaidFlag,
    dues_register,
    record_dues,
    unpaid_flags,
)
from partydesk.services.member_queries import BranchChoice, register_choices
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.models.rows import RowsModel
from partydesk.ui.widgets.confirm import ask_confirmation
from partydesk.ui.widgets.date_edit import DateEdit
from partydesk.ui.widgets.tables import editable_table, read_only_table

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

#: Role giving the member id of a row.
MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def money(value: int | None) -> str:
    """An amount in đồng as Vietnamese write it: 45.679 (dots between thousands)."""
    return "" if value is None else f"{value:,}".replace(",", ".")


def parse_money(text: str) -> int | None:
    """An amount typed as 45679, 45.679 or 45,679 đ; None for empty; ValueError otherwise."""
    cleaned = text.strip().lower().removesuffix("đ").strip().replace(".", "").replace(",", "")
    cleaned = cleaned.replace(" ", "")
    if not cleaned:
        return None
    if not cleaned.lstrip("-").isdigit():
        raise ValueError(text)
    return int(cleaned)


@dataclass(frozen=True)
class _GridRow:
    register: DuesRegisterRow
    amount: int | None
    dirty: bool = False


class DuesGridModel(QAbstractTableModel):
    """The register of one branch and month; the paid amount column is editable.

    Edits stay in the model (marked dirty) until the page saves them as one batch.
    """

    COLUMN_COUNT = 7
    PAID = 4

    #: Emitted with a sentence when a typed amount is refused.
    rejected = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[_GridRow] = []
        self._titles = (
            self.tr("Họ và tên"),
            self.tr("Đối tượng"),
            self.tr("Mức căn cứ"),
            self.tr("Phải nộp"),
            self.tr("Đã nộp"),
            self.tr("Ngày nộp"),
            self.tr("Ghi chú"),
        )

    def set_rows(self, rows: list[DuesRegisterRow]) -> None:
        """Show a freshly read register (edits are dropped)."""
        self.beginResetModel()
        self._rows = [_GridRow(r, r.paid_amount) for r in rows]
        self.endResetModel()

    def register_row(self, row: int) -> DuesRegisterRow:
        """The register line behind a table row."""
        return self._rows[row].register

    def amount(self, row: int) -> int | None:
        """The amount shown (typed or stored) of a table row."""
        return self._rows[row].amount

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        """Number of members."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        """Number of columns."""
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._titles[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """The paid amount is editable; everything is selectable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.PAID:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, the edit value, alignment, and the member id."""
        if not index.isValid():
            return None
        grid = self._rows[index.row()]
        row = grid.register
        column = index.column()
        if role == MEMBER_ID_ROLE:
            return row.member_id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.EditRole and column == self.PAID:
            return "" if grid.amount is None else str(grid.amount)
        if role == Qt.ItemDataRole.FontRole and column == self.PAID and grid.dirty:
            font = QFont()
            font.setBold(True)
            return font
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = (
            row.full_name,
            row.category_name or row.category_code or "",
            money(row.basis),
            money(row.expected),
            money(grid.amount),
            "" if row.paid_on is None or grid.dirty else row.paid_on.strftime("%d/%m/%Y"),
            row.problem,
        )
        return values[column]

    def setData(  # noqa: N802
        self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        """Take a typed amount: a whole positive number of đồng, or empty."""
        if not index.isValid() or index.column() != self.PAID or role != Qt.ItemDataRole.EditRole:
            return False
        grid = self._rows[index.row()]
        try:
            amount = value if isinstance(value, int) else parse_money(str(value or ""))
        except ValueError:
            self.rejected.emit(
                self.tr("«{value}» không phải số tiền (đồng).").replace("{value}", str(value))
            )
            return False
        if amount is not None and amount <= 0:
            self.rejected.emit(
                self.tr("{name}: số tiền phải lớn hơn 0.").replace(
                    "{name}", grid.register.full_name
                )
            )
            return False
        if amount == grid.amount:
            return True
        self._rows[index.row()] = replace(grid, amount=amount, dirty=True)
        self.dataChanged.emit(
            self.index(index.row(), 0), self.index(index.row(), self.COLUMN_COUNT - 1)
        )
        return True

    def fill_expected(self) -> int:
        """Set every member's amount to the expected one ("nộp đủ"); returns how many changed."""
        changed = 0
        for number, grid in enumerate(self._rows):
            expected = grid.register.expected
            if expected is not None and grid.amount != expected:
                self._rows[number] = replace(grid, amount=expected, dirty=True)
                changed += 1
        if changed and self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMN_COUNT - 1)
            )
        return changed

    def pending(self) -> list[tuple[DuesRegisterRow, int]]:
        """Rows edited since the last load that hold an amount to save."""
        return [(g.register, g.amount) for g in self._rows if g.dirty and g.amount is not None]

    def has_edits(self) -> bool:
        """Whether anything was typed since the last load."""
        return any(g.dirty for g in self._rows)


class DuesPage(QWidget):
    """Branch and month, the register grid (typed as a batch) and the members behind.

    Signals: `member_requested(int)` when a member is double-clicked (in the grid or the
    list of members behind).
    """

    member_requested = Signal(int)

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self._generation = 0
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Chi bộ:")))
        self.branch = QComboBox()
        self.branch.setMinimumContentsLength(30)
        bar.addWidget(self.branch, 2)
        bar.addWidget(QLabel(self.tr("Tháng:")))
        self.month = QComboBox()
        for number in range(1, 13):
            self.month.addItem(f"{number:02d}", number)
        self.month.setCurrentIndex(self.today.month - 1)
        bar.addWidget(self.month)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self.today.year)
        bar.addWidget(self.year)
        bar.addWidget(QLabel(self.tr("Ngày nộp:")))
        self.paid_on = DateEdit()
        self.paid_on.set_value(self.today)
        bar.addWidget(self.paid_on)
        bar.addStretch(1)
        layout.addLayout(bar)

        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.model = DuesGridModel(self)
        self.table = editable_table(self.model, select_rows=True)
        top_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.totals = QLabel()
        buttons.addWidget(self.totals, 1)
        self.fill_button = QPushButton(self.tr("Nộp đủ tất cả"))
        self.save_button = QPushButton(self.tr("Lưu"))
        buttons.addWidget(self.fill_button)
        buttons.addWidget(self.save_button)
        top_layout.addLayout(buttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        top_layout.addWidget(self.status)
        splitter.addWidget(top)

        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        self.unpaid_title = QLabel()
        bottom_layout.addWidget(self.unpaid_title)
        self.unpaid_model: RowsModel[UnpaidFlag] = RowsModel(
            [
                (self.tr("Họ và tên"), lambda f: f.full_name),
                (self.tr("Chi bộ"), lambda f: f.organization_name),
                (self.tr("Số tháng"), lambda f: len(f.months)),
                (self.tr("Các tháng chưa nộp"), lambda f: ", ".join(f"{m:%m}" for m in f.months)),
            ]
        )
        self.unpaid_table = read_only_table(self.unpaid_model)
        bottom_layout.addWidget(self.unpaid_table)
        splitter.addWidget(bottom)
        layout.addWidget(splitter, 1)

        self.model.rejected.connect(self.status.setText)
        self.model.dataChanged.connect(lambda *_: self._update_totals())
        self.branch.currentIndexChanged.connect(lambda _i: self.refresh())
        self.month.currentIndexChanged.connect(lambda _i: self.refresh())
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.fill_button.clicked.connect(self.fill_all)
        self.save_button.clicked.connect(self.save)
        self.table.doubleClicked.connect(self._grid_activated)
        self.unpaid_table.doubleClicked.connect(
            lambda index: self.member_requested.emit(
                self.unpaid_model.row_at(index.row()).member_id
            )
        )
        ctx.bus.changed.connect(self._registers_changed)
        self._load_branches()

    # --- loading -----------------------------------------------------------------------

    def _load_branches(self) -> None:
        self.ctx.run(
            lambda: register_choices(self.ctx.db).branches,
            self._show_branches,
            lambda error: self.status.setText(error_text(error)),
        )

    def _show_branches(self, branches: list[BranchChoice]) -> None:
        self.branch.blockSignals(True)
        self.branch.clear()
        for choice in branches:
            label = f"{choice.name} ({choice.parent_name})" if choice.parent_name else choice.name
            self.branch.addItem(label, choice.id)
        self.branch.blockSignals(False)
        self.refresh()

    def selected_month(self) -> date:
        """The first day of the month chosen."""
        return date(self.year.value(), int(self.month.currentData()), 1)

    def branch_id(self) -> int | None:
        """The branch chosen."""
        data = self.branch.currentData()
        return None if data is None else int(data)

    def select_branch(self, organization_id: int) -> None:
        """Show the register of `organization_id` (when it is in the list)."""
        index = self.branch.findData(organization_id)
        if index >= 0:
            self.branch.setCurrentIndex(index)

    def refresh(self) -> None:
        """Reload the register and the list of members behind, on the worker."""
        branch = self.branch_id()
        if branch is None:
            self.model.set_rows([])
            self.unpaid_model.set_rows([])
            self._update_totals()
            return
        month = self.selected_month()
        today = self.today
        self._generation += 1
        generation = self._generation

        def work() -> tuple[list[DuesRegisterRow], list[UnpaidFlag]]:
            return (
                dues_register(self.ctx.db, branch, month),
                unpaid_flags(self.ctx.db, month.year, branch, today),
            )

        self.ctx.run(
            work,
            lambda result: self._show(generation, *result),
            lambda error: self.status.setText(
                self.tr("Không tải được sổ đảng phí: ") + error_text(error)
            ),
        )

    def _show(self, generation: int, rows: list[DuesRegisterRow], flags: list[UnpaidFlag]) -> None:
        if generation != self._generation:
            return
        self.model.set_rows(rows)
        self.unpaid_model.set_rows(flags)
        year = self.selected_month().year
        self.unpaid_title.setText(
            self.tr("Đảng viên không đóng đảng phí từ 3 tháng trở lên trong năm {year}: {count}")
            .replace("{year}", str(year))
            .replace("{count}", str(len(flags)))
        )
        self._update_totals()

    def _update_totals(self) -> None:
        rows = self.model.rowCount()
        expected = sum(self.model.register_row(i).expected or 0 for i in range(rows))
        paid = sum(self.model.amount(i) or 0 for i in range(rows))
        self.totals.setText(
            self.tr("{count} đảng viên; phải nộp {expected} đ; đã nộp {paid} đ")
            .replace("{count}", str(rows))
            .replace("{expected}", money(expected))
            .replace("{paid}", money(paid))
        )

    def _registers_changed(self, registers: frozenset[str]) -> None:
        if registers & {"organization"}:
            self._load_branches()
        elif registers & {"dues", "member"}:
            self.refresh()

    def _grid_activated(self, index: QModelIndex) -> None:
        if index.column() != DuesGridModel.PAID:
            self.member_requested.emit(self.model.register_row(index.row()).member_id)

    # --- actions -----------------------------------------------------------------------

    def fill_all(self) -> None:
        """Fill every member's expected amount ("Nộp đủ tất cả"); nothing is saved yet."""
        changed = self.model.fill_expected()
        missing = sum(
            1 for i in range(self.model.rowCount()) if self.model.register_row(i).expected is None
        )
        text = self.tr("Đã điền số phải nộp cho {n} đảng viên; bấm «Lưu» để ghi.").replace(
            "{n}", str(changed)
        )
        if missing:
            text += " " + self.tr(
                "{n} đảng viên chưa tính được số phải nộp (xem cột Ghi chú)."
            ).replace("{n}", str(missing))
        self.status.setText(text)

    def save(self) -> None:
        """Save the typed amounts as one batch (asks before overwriting recorded payments)."""
        branch = self.branch_id()
        pending = self.model.pending()
        if branch is None or not pending:
            self.status.setText(self.tr("Chưa nhập khoản đảng phí nào để lưu."))
            return
        try:
            paid_on = self.paid_on.value()
        except ValueError as exc:
            self.status.setText(str(exc))
            return
        if paid_on is None:
            self.status.setText(self.tr("Hãy nhập ngày nộp."))
            return
        overwritten = [r for r, amount in pending if r.paid_amount not in (None, amount)]
        if overwritten and not ask_confirmation(
            self,
            self.tr("Sửa khoản đã ghi"),
            self.tr("Sửa số tiền đã ghi của {n} đảng viên ({names})?")
            .replace("{n}", str(len(overwritten)))
            .replace("{names}", ", ".join(r.full_name for r in overwritten[:5])),
        ):
            self.status.setText(self.tr("Chưa lưu."))
            return
        entries = [DuesEntry(r.member_id, amount) for r, amount in pending]
        month, today = self.selected_month(), self.today

        def done(_result: object) -> None:
            self.status.setText(
                self.tr("Đã lưu đảng phí tháng {month} của {n} đảng viên.")
                .replace("{month}", f"{month:%m/%Y}")
                .replace("{n}", str(len(entries)))
            )
            self.ctx.bus.announce("dues")

        self.ctx.run(
            lambda: record_dues(self.ctx.db, branch, month, entries, paid_on, today),
            done,
            lambda error: self.status.setText(self.tr("Không lưu được: ") + error_text(error)),
        )
