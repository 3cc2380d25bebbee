"""One module per printed form; each has a frozen data class and `render(data, path)`.

`FORMS` names every form: key → (data class, renderer). Callers (services, the CLI) may
look a renderer up by name, or call `render` with a data object to pick it by type.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from partydesk.documents.pdf.forms import (
    admission_decision,
    badge_list,
    branch_resolution,
    cadre_cv,
    list_book,
    member_sheet,
    recognition_decision,
    transfer_letter,
)
from partydesk.documents.pdf.frame import Margins

__all__ = ["FORMS", "render"]

FORMS: dict[str, tuple[type, Callable[..., None]]] = {
    "admission_decision": (admission_decision.AdmissionDecision, admission_decision.render),
    "recognition_decision": (
        recognition_decision.RecognitionDecision,
        recognition_decision.render,
    ),
    "admission_resolution": (
        branch_resolution.AdmissionResolutionDraft,
        branch_resolution.render_admission,
    ),
    "recognition_resolution": (
        branch_resolution.RecognitionResolutionDraft,
        branch_resolution.render_recognition,
    ),
    "badge_list": (badge_list.BadgeProposalList, badge_list.render),
    "cadre_cv": (cadre_cv.CadreCv, cadre_cv.render),
    "transfer_letter": (transfer_letter.TransferLetter, transfer_letter.render),
    "member_sheet": (member_sheet.MemberSheet, member_sheet.render),
    "list_book": (list_book.ListBook, list_book.render),
}


def render(data: Any, path: Path, margins: Margins = Margins()) -> None:
    """Render `data` with the form registered for its type; TypeError for unknown data."""
    for data_class, renderer in FORMS.values():
        if type(data) is data_class:
            renderer(data, path, margins)
            return
    raise TypeError(f"no printed form for {type(data).__name__}")
