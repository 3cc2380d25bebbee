"""Dialogs of the admission area: record one step (for one or several people), add an introducer.

A step is checked on the worker before it is saved (`check_step`): a refusal shows in
red under the fields and nothing is written; a late step shows its notices in amber and
the save button turns into «Vẫn lưu», so the clerk confirms knowingly. Striking a
probationary member off asks for the same confirmation.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partydesk.codes import IntroducerKind
from partydesk.services import admission
from partydesk.services.admission import IntroducerInput, Step, StepInput, StepResult
from partydesk.services.member_queries import search_members
from partydesk.services.members import MemberRow
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.widgets.date_edit import DateEdit

_ERROR_STYLE = "color: #c0392b;"
_NOTICE_STYLE = "color: #b9770e;"


def _today() -> date:
    return date.today()


class AdmissionStepDialog(QDialog):
    """Record `step` for the members (several only for the ceremony)."""

    #: Emitted with the list of `StepResult` once saved.
    saved = Signal(object)

    def __init__(
        self,
        ctx: UiContext,
        member_ids: Sequence[int],
        step: str,
        names: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_ids = list(member_ids)
        self.step = Step(step)
        self.results: list[StepResult] = []
        self._confirmed = False
        self.setWindowTitle(self.step.label)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.step.label)
        self.heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.heading)
        self.who = QLabel(", ".join(names))
        self.who.setWordWrap(True)
        layout.addWidget(self.who)
        form = QFormLayout()
        self.date_edit = DateEdit()
        self.date_edit.set_value(_today())
        form.addRow(self.tr("Ngày:"), self.date_edit)
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(self.tr("ví dụ 12-QĐ/ĐU"))
        self.signer_edit = QLineEdit()
        self.ground_combo = QComboBox()
        self.note_edit = QLineEdit()
        if self.step.needs_number or self.step in (Step.COURSE, Step.FAIL):
            form.addRow(self.tr("Số văn bản:"), self.number_edit)
        else:
            self.number_edit.hide()
        if self.step.needs_signer or self.step is Step.FAIL:
            form.addRow(self.tr("Người ký:"), self.signer_edit)
        else:
            self.signer_edit.hide()
        if self.step is Step.FAIL:
            form.addRow(self.tr("Căn cứ:"), self.ground_combo)
        else:
            self.ground_combo.hide()
        form.addRow(self.tr("Ghi chú:"), self.note_edit)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet(_ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.notices = QLabel()
        self.notices.setObjectName("notices")
        self.notices.setStyleSheet(_NOTICE_STYLE)
        self.notices.setWordWrap(True)
        self.notices.hide()
        layout.addWidget(self.notices)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("Lưu"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Hủy"))
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        for edit in (self.number_edit, self.signer_edit, self.note_edit):
            edit.textEdited.connect(lambda _text: self._changed())
        self.date_edit.edited.connect(self._changed)
        self.ground_combo.currentIndexChanged.connect(lambda _i: self._changed())
        if self.step is Step.FAIL:
            ctx.run(lambda: admission.strike_off_grounds(ctx.db), self._grounds, self._failed)

    def _grounds(self, grounds: list[tuple[str, str]]) -> None:
        for code, name in grounds:
            self.ground_combo.addItem(name, code)

    def _changed(self) -> None:
        # Any edit withdraws a confirmation given for the previous values.
        self._confirmed = False
        self.save_button.setText(self.tr("Lưu"))
        self.message.hide()
        self.notices.hide()

    def _input(self) -> StepInput | None:
        try:
            on = self.date_edit.value()
        except ValueError as exc:
            self._show_error(str(exc))
            return None
        if on is None:
            self._show_error(self.tr("Hãy nhập ngày."))
            return None
        ground = self.ground_combo.currentData() if self.step is Step.FAIL else ""
        return StepInput(
            on,
            self.number_edit.text(),
            self.signer_edit.text(),
            ground=str(ground or ""),
            note=self.note_edit.text(),
        )

    def save(self) -> None:
        """Check the step; save it at once, or after the clerk confirms the notices."""
        data = self._input()
        if data is None:
            return
        if self._confirmed:
            self._write(data)
            return
        db, ids, step = self.ctx.db, self.member_ids, self.step

        def check() -> list[StepResult]:
            if step is Step.CEREMONY:
                return admission.check_ceremonies(db, ids, data.on)
            return [admission.check_step(db, ids[0], step, data)]

        self.ctx.run(check, lambda results: self._checked(data, results), self._failed)

    def _checked(self, data: StepInput, results: list[StepResult]) -> None:
        notices = [n.message(self.ctx.language) for r in results for n in r.notices]
        if self.step is Step.FAIL:
            notices.append(
                self.tr(
                    "Đảng viên sẽ bị xóa tên khỏi danh sách đảng viên dự bị (ra khỏi Đảng);"
                    " không hoàn tác được."
                )
            )
        if not notices:
            self._write(data)
            return
        self._confirmed = True
        self.notices.setText("\n".join(notices) + "\n" + self.tr("Bấm «Vẫn lưu» để xác nhận."))
        self.notices.show()
        self.save_button.setText(self.tr("Vẫn lưu"))

    def _write(self, data: StepInput) -> None:
        db, ids, step = self.ctx.db, self.member_ids, self.step

        def write() -> list[StepResult]:
            if step is Step.CEREMONY:
                return admission.hold_ceremonies(db, ids, data.on)
            return [admission.record_step(db, ids[0], step, data)]

        self.ctx.run(write, self._saved, self._failed)

    def _saved(self, results: list[StepResult]) -> None:
        self.results = results
        self.ctx.bus.announce("member")
        self.saved.emit(results)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._confirmed = False
        self.save_button.setText(self.tr("Lưu"))
        self.notices.hide()
        self._show_error(error_text(error, self.ctx.language))

    def _show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


class IntroducerDialog(QDialog):
    """Add an introducer: an official member found by name or number, or a union."""

    saved = Signal(int)

    def __init__(self, ctx: UiContext, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.setWindowTitle(self.tr("Người giới thiệu"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Đảng viên chính thức"), IntroducerKind.MEMBER.value)
        self.kind_combo.addItem(self.tr("Đoàn TNCS Hồ Chí Minh"), IntroducerKind.YOUTH_UNION.value)
        self.kind_combo.addItem(self.tr("Công đoàn cơ sở"), IntroducerKind.TRADE_UNION.value)
        form.addRow(self.tr("Người giới thiệu là:"), self.kind_combo)
        search_row = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Tên, số CCCD hoặc số thẻ…"))
        self.search_button = QPushButton(self.tr("Tìm"))
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.search_button)
        self.search_label = QLabel(self.tr("Tìm đảng viên:"))
        form.addRow(self.search_label, search_row)
        self.member_combo = QComboBox()
        self.member_label = QLabel(self.tr("Đảng viên:"))
        form.addRow(self.member_label, self.member_combo)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("ví dụ Ban Chấp hành Đoàn xã"))
        self.name_label = QLabel(self.tr("Tổ chức giới thiệu:"))
        form.addRow(self.name_label, self.name_edit)
        self.worked_from = DateEdit()
        self.worked_label = QLabel(self.tr("Cùng công tác từ:"))
        form.addRow(self.worked_label, self.worked_from)
        self.introduced_on = DateEdit()
        self.introduced_on.set_value(_today())
        form.addRow(self.tr("Ngày giới thiệu:"), self.introduced_on)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet(_ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("Lưu"))
        self.cancel_button = QPushButton(self.tr("Hủy"))
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.search_button.clicked.connect(self.search)
        self.search_edit.returnPressed.connect(self.search)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self._kind_changed()

    def _is_member(self) -> bool:
        return bool(self.kind_combo.currentData() == IntroducerKind.MEMBER.value)

    def _kind_changed(self) -> None:
        member = self._is_member()
        for widget in (
            self.search_label,
            self.search_edit,
            self.search_button,
            self.member_label,
            self.member_combo,
            self.worked_label,
            self.worked_from,
        ):
            widget.setVisible(member)
        self.name_label.setVisible(not member)
        self.name_edit.setVisible(not member)
        self.message.hide()

    def search(self) -> None:
        """Find members by name or number on the worker."""
        text = self.search_edit.text()
        self.ctx.run(lambda: search_members(self.ctx.db, text), self._found, self._failed)

    def _found(self, rows: list[MemberRow]) -> None:
        self.member_combo.clear()
        for row in rows:
            if row.id == self.member_id:
                continue
            self.member_combo.addItem(f"{row.full_name} ({row.birth_date:%d/%m/%Y})", row.id)
        if self.member_combo.count() == 0:
            self._show_error(self.tr("Không tìm thấy đảng viên nào."))
        else:
            self.message.hide()

    def save(self) -> None:
        """Add the introducer; a refusal shows under the fields and nothing is written."""
        try:
            introduced = self.introduced_on.value()
            worked = self.worked_from.value() if self._is_member() else None
        except ValueError as exc:
            self._show_error(str(exc))
            return
        if introduced is None:
            self._show_error(self.tr("Hãy nhập ngày giới thiệu."))
            return
        member_id: Any = self.member_combo.currentData() if self._is_member() else None
        if self._is_member() and member_id is None:
            self._show_error(self.tr("Hãy tìm và chọn đảng viên giới thiệu."))
            return
        data = IntroducerInput(
            str(self.kind_combo.currentData()),
            introduced,
            introducer_member_id=int(member_id) if member_id is not None else None,
            full_name="" if self._is_member() else self.name_edit.text(),
            worked_from=worked,
        )
        self.ctx.run(
            lambda: admission.add_introducer(self.ctx.db, self.member_id, data),
            self._saved,
            self._failed,
        )

    def _saved(self, _result: object) -> None:
        self.ctx.bus.announce("member")
        self.saved.emit(self.member_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._show_error(error_text(error, self.ctx.language))

    def _show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
