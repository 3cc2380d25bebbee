"""The cadre record dialog; its tabs live in `partydesk.ui.dialogs.cadre`."""

from __future__ import annotations

from partydesk.ui.dialogs.cadre.record import CadreRecordDialog

__all__ = ["CadreRecordDialog"]
