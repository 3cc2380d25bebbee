"""Print settings of the office: page margins and the default signer of printed documents.

They travel with the data (table `office_setting`, key `print.settings`) because they
belong to the office, not to one computer: every clerk prints with the same margins and
the same "BÍ THƯ" under "T/M BAN THƯỜNG VỤ". Margins default to 36-HD/VPTW's top 20 mm,
bottom 20 mm, left 30 mm, right 15 mm.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk.db.engine import Database
from partydesk.db.models import OfficeSetting
from partydesk.documents.pdf.frame import Margins
from partydesk.errors import ValidationError
from partydesk.rules import clean_text

#: The `office_setting` key holding the JSON of `PrintSettings`.
SETTINGS_KEY = "print.settings"
#: Allowed margins in millimetres: under 5 mm printers clip, over 50 mm the 14-column
#: list book no longer fits on a landscape A4.
MARGIN_MIN = 5.0
MARGIN_MAX = 50.0

_MARGIN_LABELS = {
    "top": "Lề trên (mm)",
    "bottom": "Lề dưới (mm)",
    "left": "Lề trái (mm)",
    "right": "Lề phải (mm)",
}


@dataclass(frozen=True)
class PrintSettings:
    """Margins in millimetres and the default signer's title and name."""

    top: float = 20.0
    bottom: float = 20.0
    left: float = 30.0
    right: float = 15.0
    signer_title: str = "BÍ THƯ"
    signer_name: str = ""

    @property
    def margins(self) -> Margins:
        """The margins as the PDF frame takes them."""
        return Margins(top=self.top, bottom=self.bottom, left=self.left, right=self.right)


def _from_json(text: str | None) -> PrintSettings:
    try:
        raw: Any = json.loads(text or "{}")
    except ValueError:
        raw = {}
    if not isinstance(raw, dict):
        raw = {}
    known = {f.name for f in fields(PrintSettings)}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in known:
            continue  # a newer version's setting: ignore rather than fail to print
        if key in _MARGIN_LABELS:
            try:
                values[key] = float(value)
            except (TypeError, ValueError):
                continue
        else:
            values[key] = str(value)
    return PrintSettings(**values)


def load_print_settings(session: Session) -> PrintSettings:
    """The settings inside an open session (defaults when none were saved)."""
    text = session.scalar(
        select(OfficeSetting.value_json).where(
            OfficeSetting.key == SETTINGS_KEY, OfficeSetting.deleted_at.is_(None)
        )
    )
    return _from_json(text)


def print_settings(db: Database) -> PrintSettings:
    """The office's print settings (defaults when none were saved)."""
    with db.reader() as session:
        return load_print_settings(session)


def _checked(settings: PrintSettings) -> PrintSettings:
    for key, label in _MARGIN_LABELS.items():
        value = getattr(settings, key)
        if not isinstance(value, int | float) or not MARGIN_MIN <= float(value) <= MARGIN_MAX:
            raise ValidationError(
                "field.invalid",
                field=label,
                problem=f"lề {value} mm phải từ {MARGIN_MIN:g} đến {MARGIN_MAX:g} mm",
            )
    return PrintSettings(
        top=float(settings.top),
        bottom=float(settings.bottom),
        left=float(settings.left),
        right=float(settings.right),
        signer_title=clean_text(settings.signer_title),
        signer_name=clean_text(settings.signer_name),
    )


def save_print_settings(db: Database, settings: PrintSettings) -> None:
    """Save the print settings (one audited transaction).

    Errors: `field.invalid` naming the margin outside 5–50 mm.
    """
    clean = _checked(settings)
    text = json.dumps(asdict(clean), ensure_ascii=False, sort_keys=True)
    with db.session("print.settings") as session:
        row = session.scalars(
            select(OfficeSetting).where(OfficeSetting.key == SETTINGS_KEY)
        ).first()
        if row is None:
            session.add(OfficeSetting(key=SETTINGS_KEY, value_json=text))
        else:
            row.value_json = text
            row.deleted_at = None
