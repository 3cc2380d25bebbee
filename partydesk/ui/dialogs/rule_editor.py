"""Bảng tham số quy định: see each rule's value and source, its history, add a dated value."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from partydesk.errors import PartydeskError
from partydesk.services.rule_admin import (
    RuleHistoryRow,
    RuleRow,
    list_rules,
    revert_rule,
    rule_history,
    set_rule_value,
    validate_value,
)
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.models.rows import RowsModel
from partydesk.ui.widgets.confirm import ask_confirmation
from partydesk.ui.widgets.date_edit import DateEdit
from partydesk.ui.widgets.tables import read_only_table


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


class RuleEditorDialog(QDialog):
    """The rule table: parameters in force, the selected key's history, a new dated value.

    Shipped values are never changed; a new value applies from its date. Values are
    checked before anything is written and problems are shown under the form.
    """

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self.setWindowTitle(self.tr("Bảng tham số quy định"))
        self.resize(1000, 680)
        layout = QVBoxLayout(self)
        uncertain = self.tr("chưa chắc chắn")
        edited = self.tr("đã sửa")
        self.rules_model: RowsModel[RuleRow] = RowsModel(
            [
                (self.tr("Tham số"), lambda r: r.key),
                (self.tr("Giá trị"), lambda r: _json(r.value)),
                (self.tr("Áp dụng từ"), lambda r: f"{r.valid_from:%d/%m/%Y}"),
                (
                    self.tr("Ghi chú"),
                    lambda r: ", ".join(
                        mark for mark, on in ((uncertain, r.uncertain), (edited, r.edited)) if on
                    ),
                ),
                (self.tr("Văn bản"), lambda r: r.source),
            ]
        )
        self.history_model: RowsModel[RuleHistoryRow] = RowsModel(
            [
                (self.tr("Áp dụng từ"), lambda h: f"{h.valid_from:%d/%m/%Y}"),
                (self.tr("Giá trị"), lambda h: _json(h.value)),
                (
                    self.tr("Loại"),
                    lambda h: (
                        (self.tr("mặc định") if h.is_default else self.tr("quản trị viên"))
                        + (self.tr(" (đã hủy)") if h.reverted else "")
                    ),
                ),
                (self.tr("Văn bản"), lambda h: h.source),
                (self.tr("Lý do, ghi chú"), lambda h: h.note),
            ]
        )
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.rules_table = read_only_table(self.rules_model)
        splitter.addWidget(self.rules_table)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.selected_label = QLabel()
        self.selected_label.setWordWrap(True)
        lower_layout.addWidget(self.selected_label)
        self.history_table = read_only_table(self.history_model)
        lower_layout.addWidget(self.history_table, 1)
        self.revert_button = QPushButton(self.tr("Hủy giá trị đã chọn…"))
        self.revert_button.setEnabled(False)
        revert_bar = QHBoxLayout()
        revert_bar.addStretch(1)
        revert_bar.addWidget(self.revert_button)
        lower_layout.addLayout(revert_bar)

        box = QGroupBox(self.tr("Thêm giá trị mới có ngày hiệu lực"))
        form = QFormLayout(box)
        self.valid_from = DateEdit()
        self.value = QLineEdit()
        self.value.setPlaceholderText(self.tr('ví dụ 0.01, 36, [30, 40] hoặc {"khac": 10000}'))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("lý do, căn cứ văn bản (bắt buộc)"))
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("văn bản quy định (nếu có)"))
        form.addRow(self.tr("Áp dụng từ ngày"), self.valid_from)
        form.addRow(self.tr("Giá trị"), self.value)
        form.addRow(self.tr("Lý do"), self.reason)
        form.addRow(self.tr("Văn bản"), self.source)
        self.add_button = QPushButton(self.tr("Thêm giá trị"))
        self.add_button.setEnabled(False)
        form.addRow("", self.add_button)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        form.addRow("", self.problem)
        lower_layout.addWidget(box)
        splitter.addWidget(lower)
        layout.addWidget(splitter, 1)
        self.status = QLabel()
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.rules_table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.history_table.selectionModel().selectionChanged.connect(
            lambda *_: self._history_selected()
        )
        self.add_button.clicked.connect(self.add_value)
        self.revert_button.clicked.connect(self.revert_selected)
        self.value.textEdited.connect(lambda _t: self.problem.clear())
        self.refresh()

    # --- reading -------------------------------------------------------------------------

    def refresh(self, keep: str | None = None) -> None:
        """Reload the rules (and the history of `keep`, selected again)."""
        keep = keep or self.selected_key()
        self.ctx.run(
            lambda: list_rules(self.ctx.db, self.today),
            lambda rows: self._show_rules(rows, keep),
            lambda error: self.status.setText(error_text(error)),
        )

    def _show_rules(self, rows: list[RuleRow], keep: str | None) -> None:
        self.rules_model.set_rows(rows)
        self.status.setText(
            self.tr("{n} tham số, áp dụng ngày {day}.")
            .replace("{n}", str(len(rows)))
            .replace("{day}", f"{self.today:%d/%m/%Y}")
        )
        if keep is not None:
            self.select_key(keep)
        else:
            self._selected()

    def select_key(self, key: str) -> bool:
        """Select the row of `key`; False when there is none."""
        for row in range(self.rules_model.rowCount()):
            if self.rules_model.row_at(row).key == key:
                self.rules_table.selectRow(row)
                return True
        return False

    def selected_key(self) -> str | None:
        """The key of the selected rule."""
        rows = self.rules_table.selectionModel().selectedRows()
        return self.rules_model.row_at(rows[0].row()).key if rows else None

    def _selected(self) -> None:
        key = self.selected_key()
        self.add_button.setEnabled(key is not None)
        self.problem.clear()
        if key is None:
            self.history_model.set_rows([])
            self.selected_label.clear()
            return
        rule = self.rules_model.row_at(self.rules_table.selectionModel().selectedRows()[0].row())
        note = rule.note + (
            " " + self.tr("(Giá trị chưa chắc chắn: hãy đối chiếu văn bản.)")
            if rule.uncertain
            else ""
        )
        self.selected_label.setText(f"<b>{key}</b>: {note}")
        self.ctx.run(
            lambda: rule_history(self.ctx.db, key),
            self.history_model.set_rows,
            lambda error: self.status.setText(error_text(error)),
        )

    def _history_selected(self) -> None:
        row = self.selected_history()
        self.revert_button.setEnabled(row is not None and not row.is_default and not row.reverted)

    def selected_history(self) -> RuleHistoryRow | None:
        """The history row selected."""
        rows = self.history_table.selectionModel().selectedRows()
        return self.history_model.row_at(rows[0].row()) if rows else None

    # --- writing -------------------------------------------------------------------------

    def _checked(self) -> tuple[str, date, Any, str] | None:
        key = self.selected_key()
        if key is None:
            return None
        try:
            valid_from = self.valid_from.value()
        except ValueError as exc:
            self.problem.setText(str(exc))
            return None
        if valid_from is None:
            self.problem.setText(self.tr("Hãy nhập ngày áp dụng."))
            return None
        try:
            value = json.loads(self.value.text())
        except json.JSONDecodeError:
            self.problem.setText(
                self.tr("Giá trị phải viết dạng JSON: số (0.01), danh sách ([30, 40]) hoặc bảng.")
            )
            return None
        try:
            clean = validate_value(key, value)
        except PartydeskError as exc:
            self.problem.setText(error_text(exc, self.ctx.language))
            return None
        reason = self.reason.text().strip()
        if not reason:
            self.problem.setText(self.tr("Hãy ghi lý do thay đổi (căn cứ văn bản)."))
            return None
        return key, valid_from, clean, reason

    def add_value(self) -> None:
        """Check the form, ask for confirmation, then add the dated value."""
        checked = self._checked()
        if checked is None:
            return
        key, valid_from, value, reason = checked
        if not ask_confirmation(
            self,
            self.tr("Thêm giá trị tham số"),
            self.tr("Áp dụng {key} = {value} từ ngày {day}?")
            .replace("{key}", key)
            .replace("{value}", _json(value))
            .replace("{day}", f"{valid_from:%d/%m/%Y}"),
        ):
            return
        source = self.source.text()

        def done(_row: object) -> None:
            self.value.clear()
            self.reason.clear()
            self.source.clear()
            self.status.setText(self.tr("Đã thêm giá trị mới của {key}.").replace("{key}", key))
            self.ctx.bus.announce("rules")
            self.refresh(key)

        self.ctx.run(
            lambda: set_rule_value(self.ctx.db, key, valid_from, value, reason, source=source),
            done,
            lambda error: self.problem.setText(error_text(error, self.ctx.language)),
        )

    def revert_selected(self) -> None:
        """Revert the administrator's value selected in the history (reason and confirmation)."""
        row = self.selected_history()
        if row is None or row.is_default or row.reverted:
            return
        reason = self.reason.text().strip()
        if not reason:
            self.problem.setText(self.tr("Hãy ghi lý do hủy vào ô «Lý do»."))
            return
        if not ask_confirmation(
            self,
            self.tr("Hủy giá trị tham số"),
            self.tr("Hủy giá trị {value} của {key} từ ngày {day}?")
            .replace("{key}", row.key)
            .replace("{value}", _json(row.value))
            .replace("{day}", f"{row.valid_from:%d/%m/%Y}"),
        ):
            return

        def done(_result: object) -> None:
            self.reason.clear()
            self.status.setText(self.tr("Đã hủy giá trị của {key}.").replace("{key}", row.key))
            self.ctx.bus.announce("rules")
            self.refresh(row.key)

        self.ctx.run(
            lambda: revert_rule(self.ctx.db, row.key, row.valid_from, reason),
            done,
            lambda error: self.problem.setText(error_text(error, self.ctx.language)),
        )
