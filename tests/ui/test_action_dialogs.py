"""Every write dialog built on ActionDialog defines the write it runs."""

from __future__ import annotations

import importlib
import pkgutil

import partydesk.ui
from partydesk.ui.dialogs.action_dialog import ActionDialog


def _subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    for sub in list(found):
        found |= _subclasses(sub)
    return found


def test_every_action_dialog_defines_prepare() -> None:
    # ActionDialog.prepare is the hook each dialog fills in; a dialog without one would
    # raise only when the clerk presses OK. Import the whole GUI to find them all.
    for module in pkgutil.walk_packages(partydesk.ui.__path__, "partydesk.ui."):
        importlib.import_module(module.name)
    # The dialogs opened are the leaves; the others are shared bases (TransferDialog…).
    dialogs = {d for d in _subclasses(ActionDialog) if not d.__subclasses__()}
    assert len(dialogs) >= 5
    missing = sorted(d.__name__ for d in dialogs if d.prepare is ActionDialog.prepare)
    assert missing == []
