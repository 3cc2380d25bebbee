"""Dialogs for a member's leaving, exemption, discipline and re-admission.

Each dialog takes the `UiContext` and a member id, reads what it offers on the worker
(`leaving.lifecycle_form`), says what will happen, asks before a step that cannot be
undone, and runs the service on the worker. A refusal keeps the dialog open with the
service's sentence (which names the rule and its source); nothing is written. After a
write every page hears `bus.announce("member")`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from partydesk.codes import MemberStatus
from partydesk.services import leaving
from partydesk.services.leaving import LeaveInput, LeaveKind, MemberLifecycleForm, SanctionInput
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.dialogs.action_dialog import ActionDialog
from partydesk.ui.widgets.confirm import ask_confirmation
from partydesk.ui.widgets.date_edit import DateEdit, format_date


def _required(field: DateEdit, label: str) -> date:
    value = field.value()  # ValueError with a sentence when not a date
    if value is None:
        raise ValueError(
            QCoreApplication.translate(
                "LeavingDialogs", "Trường «{field}» không được để trống."
            ).replace("{field}", label)
        )
    return value


class _MemberStepDialog(ActionDialog):
    """A form about one member; `prepare` returns the write, `accept` runs it."""

    announces = ("member",)

    def __init__(
        self, ctx: UiContext, member_id: int, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, title, parent, min_width=540)
        self.member_id = member_id
        self.form_data: MemberLifecycleForm | None = None
        #: The member's name and status, above the fields.
        self.member_label = self.intro
        self.member_label.show()
        self.effect = QLabel()
        self.effect.setWordWrap(True)
        self.effect.setStyleSheet("color: #1a4d8f;")
        self.box.insertWidget(self.box.indexOf(self.error), self.effect)

    def load(self) -> None:
        """Read the member and the choices on the worker, then fill the form."""
        self.buttons.setEnabled(False)
        self.ctx.run(
            lambda: leaving.lifecycle_form(self.ctx.db, self.member_id),
            self._loaded,
            lambda error: self.show_error(error_text(error, self.ctx.language)),
        )

    def _loaded(self, data: MemberLifecycleForm) -> None:
        self.form_data = data
        self.buttons.setEnabled(True)
        self.member_label.setText(
            # The base class's strings keep one context whatever the dialog.
            QCoreApplication.translate("LeavingDialogs", "Đảng viên: <b>{name}</b> — {status}")
            .replace("{name}", data.full_name)
            .replace("{status}", MemberStatus(data.status).label)
        )
        self.fill(data)
        self.update_effect()

    def fill(self, data: MemberLifecycleForm) -> None:
        """Offer the choices that apply to the member."""

    def update_effect(self) -> None:
        """Say what saving will do."""

    def accept(self) -> None:
        """Nothing to do until the member is read; then check, write, close."""
        if self.form_data is not None:
            super().accept()


class LeaveDialog(_MemberStepDialog):
    """Ra khỏi Đảng (khai trừ, xóa tên, xin ra) or từ trần, with its decision."""

    def __init__(self, ctx: UiContext, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, member_id, self.tr("Ra khỏi Đảng, từ trần"), parent)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Khai trừ"), LeaveKind.EXPELLED.value)
        self.kind.addItem(self.tr("Xóa tên"), LeaveKind.STRUCK_OFF.value)
        self.kind.addItem(self.tr("Xin ra khỏi Đảng"), LeaveKind.ASKED_TO_LEAVE.value)
        self.kind.addItem(self.tr("Từ trần"), LeaveKind.DIED.value)
        self.form.addRow(self.tr("Hình thức:"), self.kind)
        self.on = self.add_date(self.tr("Ngày:"), date.today())
        self.ground = QComboBox()
        self.form.addRow(self.tr("Căn cứ xóa tên:"), self.ground)
        self.serious = QCheckBox(
            self.tr("Vi phạm nghiêm trọng (tham nhũng, phản bội, tội phạm nghiêm trọng…)")
        )
        self.form.addRow("", self.serious)
        self.decision_no = QLineEdit()
        self.form.addRow(self.tr("Số quyết định:"), self.decision_no)
        self.decided_by = QLineEdit()
        self.form.addRow(self.tr("Cấp quyết định:"), self.decided_by)
        self.reason = QLineEdit()
        self.form.addRow(self.tr("Lý do, ghi chú:"), self.reason)
        self.kind.currentIndexChanged.connect(lambda _index: self.update_effect())
        self.on.edited.connect(self.update_effect)
        self.load()

    def fill(self, data: MemberLifecycleForm) -> None:
        """Only the grounds that apply to the member's status."""
        self.ground.clear()
        for facts in data.grounds:
            self.ground.addItem(facts.name, facts.code)
        if MemberStatus(data.status) is MemberStatus.CANDIDATE:
            self.kind.setCurrentIndex(self.kind.findData(LeaveKind.DIED.value))

    def current_kind(self) -> LeaveKind:
        """The chosen way of leaving."""
        return LeaveKind(self.kind.currentData())

    def update_effect(self) -> None:
        """Show the fields of the chosen kind and say what will happen."""
        kind = self.current_kind()
        self.form.setRowVisible(self.ground, kind is LeaveKind.STRUCK_OFF)
        self.form.setRowVisible(self.serious, kind is LeaveKind.EXPELLED)
        try:
            on = format_date(self.on.value()) or "…"
        except ValueError:
            on = "…"
        if kind is LeaveKind.DIED:
            text = self.tr(
                "Đảng viên được ghi từ trần ngày {date}: thôi sinh hoạt ở chi bộ, trạng thái"
                " «Đã từ trần»; vẫn có thể được truy tặng Huy hiệu Đảng."
            )
        else:
            text = self.tr(
                "Đảng viên ra khỏi Đảng từ ngày {date}: thôi sinh hoạt ở chi bộ, không còn"
                " tính trong tổng số đảng viên, trạng thái «Đã ra khỏi Đảng»; tuổi đảng ngừng"
                " tính từ ngày này."
            )
            if kind is LeaveKind.EXPELLED:
                text += " " + self.tr("Ghi kèm quyết định kỷ luật khai trừ.")
        self.effect.setText(text.replace("{date}", on))

    def prepare(self) -> Callable[[], Any] | None:
        """Confirm, then record the leaving."""
        on = _required(self.on, self.tr("Ngày"))
        kind = self.current_kind()
        data = LeaveInput(
            kind=kind.value,
            on=on,
            ground=self.ground.currentData() if kind is LeaveKind.STRUCK_OFF else None,
            decision_no=self.decision_no.text(),
            decided_by=self.decided_by.text(),
            serious=kind is LeaveKind.EXPELLED and self.serious.isChecked(),
            reason=self.reason.text(),
        )
        assert self.form_data is not None
        question = (
            self.tr("Ghi «{kind}» cho {name}? {effect}")
            .replace("{kind}", self.kind.currentText())
            .replace("{name}", self.form_data.full_name)
            .replace("{effect}", self.effect.text())
        )
        if not ask_confirmation(self, self.tr("Ra khỏi Đảng, từ trần"), question):
            return None
        return lambda: leaving.record_leaving(self.ctx.db, self.member_id, data)


class ExemptionDialog(_MemberStepDialog):
    """Miễn công tác và sinh hoạt đảng: start it, or end it for an exempted member."""

    def __init__(self, ctx: UiContext, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, member_id, self.tr("Miễn công tác và sinh hoạt đảng"), parent)
        self.start = self.add_date(self.tr("Từ ngày:"), date.today())
        self.until = self.add_date(self.tr("Đến ngày (nếu có):"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Tuổi cao, sức yếu…"))
        self.form.addRow(self.tr("Lý do:"), self.reason)
        self.decision_no = QLineEdit()
        self.form.addRow(self.tr("Số nghị quyết, quyết định:"), self.decision_no)
        self.end = self.add_date(self.tr("Thôi miễn từ ngày:"), date.today())
        self.load()

    @property
    def ending(self) -> bool:
        """True when the member is exempted: the dialog ends the exemption."""
        return (
            self.form_data is not None
            and MemberStatus(self.form_data.status) is MemberStatus.EXEMPTED
        )

    def fill(self, data: MemberLifecycleForm) -> None:
        """Start fields for an official member, the end date for an exempted one."""
        for field in (self.start, self.until, self.reason, self.decision_no):
            self.form.setRowVisible(field, not self.ending)
        self.form.setRowVisible(self.end, self.ending)

    def update_effect(self) -> None:
        """Say what will happen."""
        if self.ending:
            text = self.tr("Đảng viên trở lại sinh hoạt, công tác bình thường.")
            if self.form_data is not None and self.form_data.exemption_until is not None:
                text += " " + self.tr("Thời hạn miễn đã định: đến {date}.").replace(
                    "{date}", format_date(self.form_data.exemption_until)
                )
        else:
            text = self.tr(
                "Đảng viên được miễn công tác và sinh hoạt đảng; vẫn tính trong tổng số"
                " đảng viên của chi bộ."
            )
        self.effect.setText(text)

    def prepare(self) -> Callable[[], Any] | None:
        """Start or end the exemption."""
        if self.ending:
            end = _required(self.end, self.tr("Thôi miễn từ ngày"))
            return lambda: leaving.end_exemption(self.ctx.db, self.member_id, end)
        start = _required(self.start, self.tr("Từ ngày"))
        until = self.until.value()
        reason, number = self.reason.text(), self.decision_no.text()
        return lambda: leaving.start_exemption(
            self.ctx.db, self.member_id, start, reason, until=until, decision_no=number
        )


class DisciplineDialog(_MemberStepDialog):
    """Xem xét kỷ luật (open, close) and thi hành kỷ luật (a sanction of the catalogue)."""

    REVIEW, CLOSE, SANCTION = "review", "close", "sanction"

    def __init__(self, ctx: UiContext, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, member_id, self.tr("Kỷ luật đảng viên"), parent)
        self.action = QComboBox()
        self.form.addRow(self.tr("Việc:"), self.action)
        self.on = self.add_date(self.tr("Ngày:"), date.today())
        self.sanction = QComboBox()
        self.form.addRow(self.tr("Hình thức kỷ luật:"), self.sanction)
        self.serious = QCheckBox(self.tr("Khai trừ vì vi phạm nghiêm trọng"))
        self.form.addRow("", self.serious)
        self.decision_no = QLineEdit()
        self.form.addRow(self.tr("Số quyết định:"), self.decision_no)
        self.decided_by = QLineEdit()
        self.form.addRow(self.tr("Cấp quyết định:"), self.decided_by)
        self.reason = QLineEdit()
        self.form.addRow(self.tr("Nội dung, kết luận:"), self.reason)
        self.action.currentIndexChanged.connect(lambda _index: self.update_effect())
        self.sanction.currentIndexChanged.connect(lambda _index: self.update_effect())
        self.load()

    def fill(self, data: MemberLifecycleForm) -> None:
        """Offer closing when a review is open, and only the sanctions that apply."""
        self.action.clear()
        if data.review_since is None:
            self.action.addItem(self.tr("Bắt đầu xem xét kỷ luật"), self.REVIEW)
        else:
            self.action.addItem(self.tr("Kết thúc xem xét (không kỷ luật)"), self.CLOSE)
        self.action.addItem(self.tr("Thi hành kỷ luật"), self.SANCTION)
        self.sanction.clear()
        for facts in data.sanctions:
            self.sanction.addItem(facts.name, facts.code)

    def current_action(self) -> str:
        """review, close or sanction."""
        return str(self.action.currentData())

    def update_effect(self) -> None:
        """Show the fields of the chosen step and say what will happen."""
        action = self.current_action()
        sanction = self.sanction.currentData()
        self.form.setRowVisible(self.sanction, action == self.SANCTION)
        self.form.setRowVisible(self.serious, action == self.SANCTION and sanction == "khai_tru")
        self.form.setRowVisible(self.decision_no, action == self.SANCTION)
        data = self.form_data
        if action == self.REVIEW:
            text = self.tr("Mở việc xem xét kỷ luật; đảng viên được ghi là đang bị xem xét.")
        elif action == self.CLOSE:
            text = self.tr("Kết thúc việc xem xét kỷ luật mở từ ngày {date}.").replace(
                "{date}", format_date(data.review_since if data else None)
            )
        elif sanction == "khai_tru":
            text = self.tr(
                "Khai trừ: đảng viên ra khỏi Đảng từ ngày quyết định, thôi sinh hoạt ở chi bộ."
            )
        else:
            text = self.tr("Ghi hình thức kỷ luật «{name}» vào lý lịch đảng viên.").replace(
                "{name}", self.sanction.currentText()
            )
        if data is not None and not data.sanctions and action == self.SANCTION:
            text = self.tr("Không có hình thức kỷ luật nào áp dụng cho trạng thái này.")
        self.effect.setText(text)

    def prepare(self) -> Callable[[], Any] | None:
        """Open or close the review, or confirm and record the sanction."""
        on = _required(self.on, self.tr("Ngày"))
        action = self.current_action()
        reason, by = self.reason.text(), self.decided_by.text()
        if action == self.REVIEW:
            return lambda: leaving.open_discipline_review(
                self.ctx.db, self.member_id, on, reason=reason, decided_by=by
            )
        if action == self.CLOSE:
            return lambda: leaving.close_discipline_review(self.ctx.db, self.member_id, on, reason)
        code = self.sanction.currentData()
        if code is None:
            raise ValueError(self.tr("Hãy chọn hình thức kỷ luật."))
        data = SanctionInput(
            sanction=str(code),
            on=on,
            decision_no=self.decision_no.text(),
            decided_by=by,
            reason=reason,
            serious=code == "khai_tru" and self.serious.isChecked(),
        )
        question = self.tr("Thi hành kỷ luật «{name}»? {effect}")
        question = question.replace("{name}", self.sanction.currentText()).replace(
            "{effect}", self.effect.text()
        )
        if not ask_confirmation(self, self.tr("Kỷ luật đảng viên"), question):
            return None
        return lambda: leaving.record_sanction(self.ctx.db, self.member_id, data)


class ReadmissionDialog(_MemberStepDialog):
    """Kết nạp lại: the check's reasons as the date changes, then the decision."""

    def __init__(self, ctx: UiContext, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, member_id, self.tr("Kết nạp lại vào Đảng"), parent)
        self.on = self.add_date(self.tr("Ngày quyết định:"), date.today())
        self.decision_no = QLineEdit()
        self.form.addRow(self.tr("Số quyết định:"), self.decision_no)
        self.signer = QLineEdit()
        self.form.addRow(self.tr("Người ký:"), self.signer)
        self.branch = QComboBox()
        self.form.addRow(self.tr("Chi bộ sinh hoạt:"), self.branch)
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setStyleSheet("color: #b00020;")
        self.form.addRow(self.reasons)
        self.on.edited.connect(self.check)
        self.load()

    def fill(self, data: MemberLifecycleForm) -> None:
        """The branches; the member's last one first chosen."""
        self.branch.clear()
        for org_id, name in data.branches:
            self.branch.addItem(name, org_id)
        position = self.branch.findData(data.organization_id)
        self.branch.setCurrentIndex(max(position, 0))
        self.check()

    def update_effect(self) -> None:
        """Say what will happen."""
        self.effect.setText(
            self.tr(
                "Người được kết nạp lại trở thành quần chúng được kết nạp, sinh hoạt ở chi bộ"
                " đã chọn; lễ kết nạp và công nhận chính thức ghi như đảng viên mới. Tuổi đảng"
                " tính từ quyết định kết nạp lần đầu, trừ thời gian ở ngoài Đảng."
            )
        )

    def check(self) -> None:
        """Run the re-admission check for the typed date and list its reasons."""
        try:
            on = self.on.value()
        except ValueError as exc:
            self.reasons.setText(str(exc))
            return
        if on is None:
            self.reasons.setText("")
            return
        self.ctx.run(
            lambda: leaving.readmission_check(self.ctx.db, self.member_id, on),
            self._show_reasons,
            lambda error: self.reasons.setText(error_text(error, self.ctx.language)),
        )

    def _show_reasons(self, reasons: list[Any]) -> None:
        if not reasons:
            self.reasons.setText("")
            self.reasons.hide()
            return
        lines = [self.tr("Không đủ điều kiện kết nạp lại:")]
        lines += ["• " + reason.message(self.ctx.language) for reason in reasons]
        self.reasons.setText("\n".join(lines))
        self.reasons.show()

    def prepare(self) -> Callable[[], Any] | None:
        """Record the re-admission decision (the service checks again)."""
        on = _required(self.on, self.tr("Ngày quyết định"))
        number, signer = self.decision_no.text(), self.signer.text()
        branch = self.branch.currentData()
        return lambda: leaving.readmit(
            self.ctx.db, self.member_id, on, number, signer, organization_id=branch
        )
