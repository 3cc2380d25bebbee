"""Dialogs of transfers of party activity: out, in, internal, temporary, received, return, cancel.

Each dialog reads its fields, hands the service call to the task runner and closes when it
succeeds; a refusal keeps it open with the service's sentence (which names the rule and
its source) under the fields, and nothing is written. After a write every page hears
`bus.announce("member", "transfer")`. Dialogs are window-modal and opened with `open()`,
so tests can fill them in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from partydesk.services.member_input import MemberInput
from partydesk.services.member_queries import BranchChoice
from partydesk.services.transfer_moves import (
    TemporaryInput,
    internal_move,
    temporary_out,
    temporary_return,
)
from partydesk.services.transfer_queries import (
    ABROAD,
    FROM_ABROAD,
    OFFICIAL,
    TransferChoices,
    TransferOutPreview,
    TransferRow,
    transfer_out_preview,
)
from partydesk.services.transfers import (
    TransferInInput,
    TransferOutInput,
    cancel_transfer,
    mark_received,
    transfer_in,
    transfer_out,
)
from partydesk.ui.context import UiContext, error_text
from partydesk.ui.dialogs.action_dialog import ActionDialog
from partydesk.ui.dialogs.organization_dialogs import MemberLinkEdit
from partydesk.ui.widgets.confirm import ask_confirmation
from partydesk.ui.widgets.date_edit import DateEdit, format_date


def fill_branches(combo: QComboBox, branches: Sequence[BranchChoice]) -> None:
    """Fill a combo with chi bộ names ("name — parent"), the id as item data."""
    combo.clear()
    for branch in branches:
        label = f"{branch.name} — {branch.parent_name}" if branch.parent_name else branch.name
        combo.addItem(label, branch.id)


def select_data(combo: QComboBox, value: object) -> bool:
    """Select the item whose data is `value`; False when there is none."""
    position = combo.findData(value)
    if position < 0:
        return False
    combo.setCurrentIndex(position)
    return True


class TransferDialog(ActionDialog):
    """A transfer step; dates are checked against `today`, pages hear «member», «transfer»."""

    announces = ("member", "transfer")

    def __init__(
        self, ctx: UiContext, title: str, today: date | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, title, parent, min_width=560)
        #: The day dates are checked against (None: the real today; tests fix it).
        self.today = today

    def required_date(self, field: DateEdit, label: str) -> date:
        """The date in `field`; ValueError with a sentence when empty or not a date."""
        value = field.value()
        if value is None:
            raise ValueError(
                QCoreApplication.translate(
                    "TransferDialog", "Trường «{field}» không được để trống."
                ).replace("{field}", label)
            )
        return value

    def required_text(self, field: QLineEdit, label: str) -> str:
        """The trimmed text of `field`; ValueError with a sentence when empty."""
        text = field.text().strip()
        if not text:
            raise ValueError(
                QCoreApplication.translate(
                    "TransferDialog", "Trường «{field}» không được để trống."
                ).replace("{field}", label)
            )
        return text


class _MemberField(QWidget):
    """The member a dialog acts on: fixed by the caller, or found with a search field."""

    def __init__(
        self, ctx: UiContext, member_id: int | None, label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search: MemberLinkEdit | None = None
        self._fixed = member_id
        if member_id is None:
            self.search = MemberLinkEdit(ctx)
            layout.addWidget(self.search)
        else:
            self.name = QLabel(label or str(member_id))
            layout.addWidget(self.name)

    def member_id(self) -> int | None:
        """The chosen member."""
        return self._fixed if self.search is None else self.search.member_id()

    def required(self) -> int:
        """The chosen member; ValueError when none was chosen."""
        member_id = self.member_id()
        if member_id is None:
            raise ValueError(self.tr("Hãy tìm và chọn đảng viên."))
        return member_id


# --- transfer out ----------------------------------------------------------------------------


class TransferOutDialog(TransferDialog):
    """Chuyển sinh hoạt đảng đi: the letter, its destination, and the chain of hops.

    The chain (branch → … → this office → receiving bodies) is computed from the tree and
    shown before saving; it is refreshed when the member or a receiving line changes.
    """

    def __init__(
        self,
        ctx: UiContext,
        choices: TransferChoices,
        member_id: int | None = None,
        member_label: str = "",
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Chuyển sinh hoạt đảng đi"), today, parent)
        self.set_intro(
            self.tr(
                "Giấy giới thiệu được lấy số tiếp theo trong sổ giới thiệu sinh hoạt đảng của"
                " năm. Đảng viên phải trình giấy trong hạn quy định kể từ ngày ghi trên giấy."
            )
        )
        self.member = _MemberField(ctx, member_id, member_label)
        self.form.addRow(self.tr("Đảng viên:"), self.member)
        self.kind = QComboBox()
        for code in (OFFICIAL, ABROAD):
            self.kind.addItem(choices.kinds.get(code, code), code)
        self.form.addRow(self.tr("Hình thức:"), self.kind)
        self.letter_date = self.add_date(self.tr("Ngày giấy giới thiệu:"), today or date.today())
        self.to_text = QLineEdit()
        self.to_text.setPlaceholderText(self.tr("ví dụ: Đảng ủy phường Xuân Hương"))
        self.form.addRow(self.tr("Kính gửi (nơi đến):"), self.to_text)
        self.receiving_superior = QLineEdit()
        self.form.addRow(self.tr("Cấp ủy cấp trên nơi đến:"), self.receiving_superior)
        self.receiving_grassroots = QLineEdit()
        self.form.addRow(self.tr("Tổ chức cơ sở đảng nơi đến:"), self.receiving_grassroots)
        self.receiving_branch = QLineEdit()
        self.form.addRow(self.tr("Chi bộ nơi đến:"), self.receiving_branch)
        self.dues = QLineEdit()
        self.dues.setPlaceholderText(self.tr("năm-tháng, ví dụ 2026-10"))
        self.form.addRow(self.tr("Đã đóng đảng phí hết tháng:"), self.dues)
        self.reason = QLineEdit()
        self.form.addRow(self.tr("Lý do:"), self.reason)
        self.signer = QLineEdit()
        self.form.addRow(self.tr("Người ký:"), self.signer)
        self.hops = QLabel()
        self.hops.setWordWrap(True)
        self.form.addRow(self.tr("Các cấp giấy đi qua:"), self.hops)
        #: The last preview read (tests look at it).
        self.preview: TransferOutPreview | None = None
        self._dues_typed = False
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh_preview)
        for line in (
            self.to_text,
            self.receiving_superior,
            self.receiving_grassroots,
            self.receiving_branch,
        ):
            line.textEdited.connect(lambda _text: self._timer.start())
        self.dues.textEdited.connect(self._dues_edited)
        if self.member.search is not None:
            self.member.search.member_chosen.connect(lambda _row: self.refresh_preview())
        self.refresh_preview()

    def _dues_edited(self, _text: str) -> None:
        self._dues_typed = True

    def refresh_preview(self) -> None:
        """Read the chain of hops (and the default dues month) for the chosen member."""
        self._timer.stop()
        member_id = self.member.member_id()
        if member_id is None:
            self.hops.setText(self.tr("(chọn đảng viên để xem các cấp)"))
            return
        self._generation += 1
        generation = self._generation
        values = (
            self.receiving_superior.text(),
            self.receiving_grassroots.text(),
            self.receiving_branch.text(),
            self.to_text.text(),
        )
        self.ctx.run(
            lambda: transfer_out_preview(
                self.ctx.db,
                member_id,
                receiving_superior=values[0],
                receiving_grassroots=values[1],
                receiving_branch=values[2],
                to_text=values[3],
            ),
            lambda preview: self._show_preview(generation, preview),
            lambda error: self.show_error(error_text(error, self.ctx.language)),
        )

    def _show_preview(self, generation: int, preview: TransferOutPreview) -> None:
        if generation != self._generation:
            return
        self.preview = preview
        self.hops.setText(" → ".join(hop.name for hop in preview.hops))
        if not self._dues_typed:
            self.dues.setText(preview.dues_paid_through)

    def prepare(self) -> Callable[[], Any]:
        """Issue the letter."""
        member_id = self.member.required()
        data = TransferOutInput(
            member_id=member_id,
            letter_date=self.required_date(self.letter_date, self.tr("Ngày giấy giới thiệu")),
            to_text=self.required_text(self.to_text, self.tr("Kính gửi (nơi đến)")),
            kind=str(self.kind.currentData()),
            receiving_superior=self.receiving_superior.text(),
            receiving_grassroots=self.receiving_grassroots.text(),
            receiving_branch=self.receiving_branch.text(),
            dues_paid_through=self.dues.text(),
            reason=self.reason.text(),
            signer=self.signer.text(),
        )
        return lambda: transfer_out(self.ctx.db, data, self.today)


# --- transfer in -----------------------------------------------------------------------------


class TransferInDialog(TransferDialog):
    """Tiếp nhận đảng viên chuyển đến: the sending letter and the person's key record.

    The admission dates are copied from the letter and the member's file, so party age
    keeps counting from the same decision; a CCCD of a member who left this office earlier
    reactivates that record.
    """

    def __init__(
        self,
        ctx: UiContext,
        choices: TransferChoices,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Tiếp nhận đảng viên chuyển đến"), today, parent)
        self.kind = QComboBox()
        for code in (OFFICIAL, FROM_ABROAD):
            self.kind.addItem(choices.kinds.get(code, code), code)
        self.form.addRow(self.tr("Hình thức:"), self.kind)
        self.letter_no = QLineEdit()
        self.letter_no.setPlaceholderText(self.tr("ví dụ: 41-GT/ĐU"))
        self.form.addRow(self.tr("Số giấy giới thiệu:"), self.letter_no)
        self.letter_date = self.add_date(self.tr("Ngày giấy giới thiệu:"))
        self.from_text = QLineEdit()
        self.form.addRow(self.tr("Nơi chuyển đi:"), self.from_text)
        self.arrived_on = self.add_date(self.tr("Ngày đến sinh hoạt:"), today or date.today())
        self.branch = QComboBox()
        fill_branches(self.branch, choices.branches)
        self.form.addRow(self.tr("Chi bộ tiếp nhận:"), self.branch)
        self.full_name = QLineEdit()
        self.form.addRow(self.tr("Họ và tên:"), self.full_name)
        self.sex = QComboBox()
        self.sex.addItem(self.tr("Nam"), "nam")
        self.sex.addItem(self.tr("Nữ"), "nữ")
        self.form.addRow(self.tr("Giới tính:"), self.sex)
        self.birth_date = self.add_date(self.tr("Ngày sinh:"))
        self.cccd = QLineEdit()
        self.cccd.setMaxLength(12)
        self.form.addRow(self.tr("Số CCCD:"), self.cccd)
        self.card_no = QLineEdit()
        self.form.addRow(self.tr("Số thẻ đảng viên:"), self.card_no)
        self.biography_no = QLineEdit()
        self.form.addRow(self.tr("Số lý lịch:"), self.biography_no)
        self.decision_date = self.add_date(self.tr("Ngày quyết định kết nạp:"))
        self.decision_no = QLineEdit()
        self.form.addRow(self.tr("Số quyết định kết nạp:"), self.decision_no)
        self.ceremony_date = self.add_date(self.tr("Ngày kết nạp:"))
        self.official_date = self.add_date(self.tr("Ngày chính thức:"))
        self.dues = QLineEdit()
        self.dues.setPlaceholderText(self.tr("năm-tháng, ví dụ 2026-10"))
        self.form.addRow(self.tr("Đã đóng đảng phí hết tháng:"), self.dues)

    def prepare(self) -> Callable[[], Any]:
        """Receive the member."""
        branch = self.branch.currentData()
        if branch is None:
            raise ValueError(self.tr("Hãy chọn chi bộ tiếp nhận."))
        birth = self.required_date(self.birth_date, self.tr("Ngày sinh"))
        person = MemberInput(
            full_name=self.required_text(self.full_name, self.tr("Họ và tên")),
            sex=str(self.sex.currentData()),
            birth_date=birth,
            organization_id=int(branch),
            cccd=self.cccd.text().strip() or None,
            card_no=self.card_no.text().strip() or None,
            biography_no=self.biography_no.text().strip() or None,
            decision_date=self.required_date(
                self.decision_date, self.tr("Ngày quyết định kết nạp")
            ),
            decision_no=self.decision_no.text(),
            ceremony_date=self.required_date(self.ceremony_date, self.tr("Ngày kết nạp")),
            official_date=self.official_date.value(),
        )
        data = TransferInInput(
            letter_no=self.required_text(self.letter_no, self.tr("Số giấy giới thiệu")),
            letter_date=self.required_date(self.letter_date, self.tr("Ngày giấy giới thiệu")),
            from_text=self.required_text(self.from_text, self.tr("Nơi chuyển đi")),
            person=person,
            arrived_on=self.arrived_on.value(),
            kind=str(self.kind.currentData()),
            dues_paid_through=self.dues.text(),
        )
        return lambda: transfer_in(self.ctx.db, data, self.today)


# --- internal and temporary ------------------------------------------------------------------


class InternalMoveDialog(TransferDialog):
    """Chuyển sinh hoạt nội bộ: to another chi bộ of this office from a date."""

    def __init__(
        self,
        ctx: UiContext,
        choices: TransferChoices,
        member_id: int | None = None,
        member_label: str = "",
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Chuyển sinh hoạt nội bộ"), today, parent)
        self.member = _MemberField(ctx, member_id, member_label)
        self.form.addRow(self.tr("Đảng viên:"), self.member)
        self.branch = QComboBox()
        fill_branches(self.branch, choices.branches)
        self.form.addRow(self.tr("Chi bộ mới:"), self.branch)
        self.on = self.add_date(self.tr("Ngày chuyển:"), today or date.today())
        self.note = QLineEdit()
        self.form.addRow(self.tr("Ghi chú:"), self.note)

    def prepare(self) -> Callable[[], Any]:
        """Move the member."""
        member_id = self.member.required()
        branch = self.branch.currentData()
        if branch is None:
            raise ValueError(self.tr("Hãy chọn chi bộ mới."))
        on = self.required_date(self.on, self.tr("Ngày chuyển"))
        note = self.note.text()
        return lambda: internal_move(self.ctx.db, member_id, int(branch), on, self.today, note)


class TemporaryTransferDialog(TransferDialog):
    """Chuyển sinh hoạt tạm thời: host branch of this office or an outside body, until a date.

    The longest stay depends on the purpose (work or study) and comes from the rule table;
    a stay outside the limits is refused with the rule's source.
    """

    def __init__(
        self,
        ctx: UiContext,
        choices: TransferChoices,
        member_id: int | None = None,
        member_label: str = "",
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Chuyển sinh hoạt tạm thời"), today, parent)
        self.set_intro(
            self.tr(
                "Đảng viên vẫn được tính ở chi bộ chính thức; nơi sinh hoạt tạm thời quản lý"
                " và giáo dục đảng viên trong thời gian đó."
            )
        )
        self.member = _MemberField(ctx, member_id, member_label)
        self.form.addRow(self.tr("Đảng viên:"), self.member)
        self.inside = QRadioButton(self.tr("Chi bộ trong đơn vị"))
        self.inside.setChecked(True)
        self.branch = QComboBox()
        fill_branches(self.branch, choices.branches)
        self.form.addRow(self.inside, self.branch)
        self.outside = QRadioButton(self.tr("Nơi khác"))
        self.to_text = QLineEdit()
        self.to_text.setPlaceholderText(self.tr("tên tổ chức đảng nơi đến"))
        self.form.addRow(self.outside, self.to_text)
        self.inside.toggled.connect(self._host_kind)
        self._host_kind(True)
        self.reason = QComboBox()
        self.reason.addItem(self.tr("Công tác, cư trú"), "work")
        self.reason.addItem(self.tr("Học tập"), "study")
        self.form.addRow(self.tr("Lý do:"), self.reason)
        self.start = self.add_date(self.tr("Ngày đi:"), today or date.today())
        self.ends_on = self.add_date(self.tr("Đến ngày:"))
        self.note = QLineEdit()
        self.form.addRow(self.tr("Ghi chú:"), self.note)

    def _host_kind(self, inside: bool) -> None:
        self.branch.setEnabled(inside)
        self.to_text.setEnabled(not inside)

    def prepare(self) -> Callable[[], Any]:
        """Send the member to temporary activity."""
        member_id = self.member.required()
        host_id: int | None = None
        to_text = ""
        if self.inside.isChecked():
            branch = self.branch.currentData()
            if branch is None:
                raise ValueError(self.tr("Hãy chọn chi bộ nơi sinh hoạt tạm thời."))
            host_id = int(branch)
        else:
            to_text = self.required_text(self.to_text, self.tr("Nơi sinh hoạt tạm thời"))
        data = TemporaryInput(
            member_id=member_id,
            start=self.required_date(self.start, self.tr("Ngày đi")),
            ends_on=self.required_date(self.ends_on, self.tr("Đến ngày")),
            reason=str(self.reason.currentData()),
            to_organization_id=host_id,
            to_text=to_text,
            note=self.note.text(),
        )
        return lambda: temporary_out(self.ctx.db, data, self.today)


# --- steps on a register line ----------------------------------------------------------------


class ReceivedDialog(TransferDialog):
    """Đã đến nơi: the receiving side confirmed the letter on a date."""

    def __init__(
        self,
        ctx: UiContext,
        row: TransferRow,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Xác nhận đã tiếp nhận"), today, parent)
        self.row = row
        self.set_intro(
            self.tr("Giấy giới thiệu số {letter} của {name}, đến {to}.")
            .replace("{letter}", row.letter_no)
            .replace("{name}", row.full_name)
            .replace("{to}", row.to_name)
        )
        self.on = self.add_date(self.tr("Ngày nơi đến tiếp nhận:"), today or date.today())

    def prepare(self) -> Callable[[], Any]:
        """Mark the letter received."""
        on = self.required_date(self.on, self.tr("Ngày nơi đến tiếp nhận"))
        return lambda: mark_received(self.ctx.db, self.row.id, on, self.today)


class ReturnDialog(TransferDialog):
    """Trở về: the member came back from temporary activity."""

    def __init__(
        self,
        ctx: UiContext,
        row: TransferRow,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Trở về sau sinh hoạt tạm thời"), today, parent)
        self.row = row
        self.set_intro(
            self.tr("{name} sinh hoạt tạm thời tại {to} đến {until}.")
            .replace("{name}", row.full_name)
            .replace("{to}", row.to_name)
            .replace("{until}", format_date(row.ends_on))
        )
        self.on = self.add_date(self.tr("Ngày trở về:"), today or date.today())

    def prepare(self) -> Callable[[], Any]:
        """Record the return."""
        on = self.required_date(self.on, self.tr("Ngày trở về"))
        return lambda: temporary_return(self.ctx.db, self.row.member_id, on, self.today)


class CancelTransferDialog(TransferDialog):
    """Hủy giấy giới thiệu: the member is restored; the letter's number stays used (voided)."""

    def __init__(
        self,
        ctx: UiContext,
        row: TransferRow,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Hủy giấy giới thiệu sinh hoạt đảng"), today, parent)
        self.row = row
        self.set_intro(
            self.tr(
                "Hủy giấy số {letter} của {name}: đảng viên trở lại sinh hoạt ở {from}; số"
                " giấy vẫn giữ trong sổ, ghi là đã hủy."
            )
            .replace("{letter}", row.letter_no)
            .replace("{name}", row.full_name)
            .replace("{from}", row.from_name)
        )
        self.reason = QLineEdit()
        self.form.addRow(self.tr("Lý do hủy:"), self.reason)

    def prepare(self) -> Callable[[], Any] | None:
        """Cancel after confirmation."""
        reason = self.required_text(self.reason, self.tr("Lý do hủy"))
        if not ask_confirmation(
            self,
            self.tr("Hủy giấy giới thiệu"),
            self.tr("Hủy giấy giới thiệu số {letter}? Việc này không hoàn tác được.").replace(
                "{letter}", self.row.letter_no
            ),
        ):
            return None
        return lambda: cancel_transfer(self.ctx.db, self.row.id, reason, self.today)
