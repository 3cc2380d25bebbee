"""The «Nghiệp vụ» menu: lifecycle steps for one member, from the register or the record.

The menu only names the step; the main window opens the step's dialog on the page that
owns it (admission, transfers) or the leaving dialogs. Steps that cannot apply to the
member's status are hidden, so the menu never offers what the services would refuse
outright; the finer rules (dates, deadlines, discipline reviews) are checked on saving.
Below a separator, "In…" entries (keys `print:<form>`) print the member's forms through
the main window's printer; the printing service refuses a form the member's state does
not fit yet (`print.not_applicable`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from partydesk.codes import COUNTED_STATUSES, MemberStatus

#: Action key -> the statuses it applies to.
_APPLIES: dict[str, tuple[MemberStatus, ...]] = {
    "admission_step": (MemberStatus.CANDIDATE, MemberStatus.PROBATIONARY),
    "introducer": (MemberStatus.CANDIDATE,),
    "transfer_out": (MemberStatus.OFFICIAL, MemberStatus.PROBATIONARY, MemberStatus.EXEMPTED),
    "internal_move": (MemberStatus.OFFICIAL, MemberStatus.PROBATIONARY, MemberStatus.EXEMPTED),
    "temporary": (MemberStatus.OFFICIAL, MemberStatus.PROBATIONARY),
    "exemption": (MemberStatus.OFFICIAL, MemberStatus.EXEMPTED),
    "discipline": (MemberStatus.OFFICIAL, MemberStatus.PROBATIONARY, MemberStatus.EXEMPTED),
    "leave": (MemberStatus.OFFICIAL, MemberStatus.PROBATIONARY, MemberStatus.EXEMPTED),
    "readmit": (MemberStatus.LEFT,),
}


#: Printed form (a `services.printing` form key) -> the statuses it is offered for. The
#: service checks the finer state (a decision needs the branch's resolution first…).
_PRINT_APPLIES: dict[str, tuple[MemberStatus, ...]] = {
    "member_sheet": COUNTED_STATUSES,
    "admission_resolution": (MemberStatus.CANDIDATE,),
    "admission_decision": (MemberStatus.CANDIDATE, MemberStatus.PROBATIONARY),
    "recognition_resolution": (MemberStatus.PROBATIONARY, MemberStatus.OFFICIAL),
    "recognition_decision": (MemberStatus.PROBATIONARY, MemberStatus.OFFICIAL),
}

#: The prefix of print action keys ("print:member_sheet").
PRINT_PREFIX = "print:"


def _print_titles() -> dict[str, str]:
    return {
        "member_sheet": QCoreApplication.translate("MemberActions", "In phiếu đảng viên…"),
        "admission_resolution": QCoreApplication.translate(
            "MemberActions", "In nghị quyết đề nghị kết nạp…"
        ),
        "admission_decision": QCoreApplication.translate("MemberActions", "In quyết định kết nạp…"),
        "recognition_resolution": QCoreApplication.translate(
            "MemberActions", "In nghị quyết đề nghị công nhận chính thức…"
        ),
        "recognition_decision": QCoreApplication.translate(
            "MemberActions", "In quyết định công nhận chính thức…"
        ),
    }


def _titles() -> dict[str, str]:
    return {
        "admission_step": QCoreApplication.translate(
            "MemberActions", "Bước kết nạp, công nhận tiếp theo…"
        ),
        "introducer": QCoreApplication.translate("MemberActions", "Thêm người giới thiệu…"),
        "transfer_out": QCoreApplication.translate("MemberActions", "Chuyển sinh hoạt đảng đi…"),
        "internal_move": QCoreApplication.translate("MemberActions", "Chuyển sinh hoạt nội bộ…"),
        "temporary": QCoreApplication.translate("MemberActions", "Chuyển sinh hoạt tạm thời…"),
        "exemption": QCoreApplication.translate(
            "MemberActions", "Miễn công tác và sinh hoạt đảng…"
        ),
        "discipline": QCoreApplication.translate("MemberActions", "Xem xét, thi hành kỷ luật…"),
        "leave": QCoreApplication.translate("MemberActions", "Ra khỏi Đảng, từ trần…"),
        "readmit": QCoreApplication.translate("MemberActions", "Kết nạp lại…"),
    }


def actions_for(status: str | None) -> list[str]:
    """The action keys that apply to a member with `status`, in menu order."""
    return [key for key, statuses in _APPLIES.items() if status in statuses]


def print_actions_for(status: str | None) -> list[str]:
    """The print action keys (`print:<form>`) offered for a member with `status`."""
    return [PRINT_PREFIX + form for form, statuses in _PRINT_APPLIES.items() if status in statuses]


class MemberActionsButton(QPushButton):
    """A «Nghiệp vụ» button whose menu lists the steps for the member shown.

    `action_requested(str)` carries the chosen action key; the owner adds the member id.
    """

    action_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("MemberActions", "Nghiệp vụ"), parent)
        self.setToolTip(
            QCoreApplication.translate(
                "MemberActions", "Kết nạp, chuyển sinh hoạt, miễn sinh hoạt, kỷ luật, ra khỏi Đảng"
            )
        )
        self.setAutoDefault(False)
        self._menu = QMenu(self)
        self.setMenu(self._menu)
        self.set_status(None)

    def set_status(self, status: str | None) -> None:
        """Offer the steps for a member with `status` (None: nothing chosen)."""
        self._menu.clear()
        titles = _titles()
        titles.update({PRINT_PREFIX + form: text for form, text in _print_titles().items()})
        keys = actions_for(status)
        prints = print_actions_for(status)
        for key in keys:
            self._add(key, titles[key])
        if keys and prints:
            self._menu.addSeparator()
        for key in prints:
            self._add(key, titles[key])
        self.setEnabled(bool(keys or prints))

    def _add(self, key: str, title: str) -> None:
        action = self._menu.addAction(title)
        action.setData(key)
        action.triggered.connect(lambda _checked=False, k=key: self.action_requested.emit(k))

    def action_keys(self) -> list[str]:
        """The keys offered now (tests, and the main window's routing check)."""
        return [str(action.data()) for action in self._menu.actions() if not action.isSeparator()]

    def trigger(self, key: str) -> bool:
        """Choose the entry `key` as if clicked (False when it is not offered)."""
        for action in self._menu.actions():
            if not action.isSeparator() and action.data() == key:
                action.trigger()
                return True
        return False
