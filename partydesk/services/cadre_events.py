"""A cadre's dated records (rating, award, discipline) and removing training entries.

Records are `CadreEvent` rows like the salary steps of `services.cadres`; `details_json`
holds what each kind needs:

- "rating" (đánh giá, xếp loại hằng năm): `level_code` from catalogue `rating` (the four
  levels), `year` rated (the date's year, or the year before for a rating decided early
  in the next year), `content` optional;
- "award" (khen thưởng): `form` (e.g. "Giấy khen của Chủ tịch UBND huyện"), `content`;
- "discipline" (kỷ luật): `form` (`form_code` when picked from catalogue `discipline`),
  `content` (the violation).

Nothing is ever deleted: removing a record or a training entry makes it a tombstone
(`deleted_at`), and the reason given is kept in the record and so in the audit log.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from partydesk import errors
from partydesk.db.base import utcnow
from partydesk.db.engine import Database
from partydesk.db.models import CadreEvent, CadreTraining
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import clean_text
from partydesk.services.cadres import SALARY_STEP_EVENT, get_cadre
from partydesk.services.catalogues import CatalogueCodes, CatalogueEntry, list_catalogue

errors.add_messages(
    {
        "cadre.event_kind": (
            "Loại bản ghi «{value}» không hợp lệ: chỉ ghi đánh giá xếp loại, khen thưởng"
            " hoặc kỷ luật.",
            "Record kind '{value}' is not valid: only a rating, an award or a discipline.",
        ),
        "cadre.event_not_found": (
            "Không tìm thấy bản ghi khen thưởng, kỷ luật, đánh giá có mã {ref}.",
            "No rating, award or discipline record with reference {ref}.",
        ),
        "cadre.event_not_removable": (
            "Bậc lương đã ghi không xóa được ở đây: hãy ghi bậc lương mới.",
            "A recorded salary step cannot be removed here: record a new step instead.",
        ),
        "cadre.rating_year": (
            "Năm xếp loại {year} không hợp lệ cho quyết định ngày {date}: chỉ xếp loại năm"
            " của ngày quyết định hoặc năm trước đó.",
            "Rating year {year} does not fit a decision dated {date}: only that year or"
            " the year before can be rated.",
        ),
        "cadre.rating_exists": (
            "Cán bộ đã có xếp loại năm {year} («{level}»): hãy xóa bản ghi cũ trước.",
            "The cadre already has a rating for {year} ('{level}'): remove that one first.",
        ),
        "cadre.training_not_found": (
            "Không tìm thấy quá trình đào tạo có mã {ref}.",
            "No training entry with reference {ref}.",
        ),
    }
)

#: Kinds of records `record_cadre_event` writes (the salary steps have their own service).
RATING_EVENT = "rating"
AWARD_EVENT = "award"
DISCIPLINE_EVENT = "discipline"
CADRE_EVENT_KINDS = (RATING_EVENT, AWARD_EVENT, DISCIPLINE_EVENT)


@dataclass(frozen=True)
class CadreEventChoices:
    """Catalogue entries the records tab offers: rating levels, discipline forms."""

    rating_levels: tuple[CatalogueEntry, ...]
    discipline_forms: tuple[CatalogueEntry, ...]


def cadre_event_choices(db: Database) -> CadreEventChoices:
    """The four rating levels and the discipline forms, in catalogue order."""
    with db.reader() as session:
        return CadreEventChoices(
            tuple(list_catalogue(session, "rating")),
            tuple(list_catalogue(session, "discipline")),
        )


def _d(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def _details_of(event: CadreEvent) -> dict[str, Any]:
    try:
        value = json.loads(event.details_json or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _rating_year(details: dict[str, Any], on_date: date) -> int:
    raw = details.get("year")
    if raw is None or raw == "":
        return on_date.year
    try:
        year = int(raw)
    except (TypeError, ValueError) as exc:
        raise PartydeskError("cadre.rating_year", year=raw, date=_d(on_date)) from exc
    if year not in (on_date.year, on_date.year - 1):
        raise PartydeskError("cadre.rating_year", year=year, date=_d(on_date))
    return year


def record_cadre_event(
    db: Database,
    cadre_id: int,
    kind: str,
    on_date: date,
    decision_no: str = "",
    details: dict[str, Any] | None = None,
    note: str = "",
    today: date | None = None,
) -> int:
    """Record a rating, an award or a discipline of a cadre; returns the event id.

    `details` as in the module docstring; keys of other kinds are dropped. One rating per
    cadre and year. Errors: `cadre.not_found`, `cadre.event_kind`, `field.future_date`,
    `field.required` (level, form), `field.unknown_code`, `cadre.rating_year`,
    `cadre.rating_exists`.
    """
    today = today or date.today()
    given = dict(details or {})
    with db.session("cadre.record_event") as session:
        cadre = get_cadre(session, cadre_id)
        if kind not in CADRE_EVENT_KINDS:
            raise ValidationError(
                "cadre.event_kind", field="Loại", value=kind if kind else "(trống)"
            )
        if on_date > today:
            raise ValidationError("field.future_date", field="Ngày quyết định", value=_d(on_date))
        codes = CatalogueCodes(session)
        content = clean_text(str(given.get("content") or ""))
        kept: dict[str, Any] = {"content": content} if content else {}
        if kind == RATING_EVENT:
            level = clean_text(str(given.get("level_code") or ""))
            if not level:
                raise ValidationError("field.required", field="Mức xếp loại")
            codes.check("rating", level, "Mức xếp loại")
            year = _rating_year(given, on_date)
            for other in session.scalars(
                select(CadreEvent).where(
                    CadreEvent.cadre_id == cadre.id,
                    CadreEvent.kind == RATING_EVENT,
                    CadreEvent.deleted_at.is_(None),
                )
            ):
                other_details = _details_of(other)
                if other_details.get("year", other.on_date.year) == year:
                    raise PartydeskError(
                        "cadre.rating_exists", year=year, level=other_details.get("level_code")
                    )
            kept.update(level_code=level, year=year)
        else:
            form = clean_text(str(given.get("form") or ""))
            if not form:
                raise ValidationError("field.required", field="Hình thức")
            kept["form"] = form
            form_code = given.get("form_code")
            if kind == DISCIPLINE_EVENT and form_code:
                codes.check("discipline", str(form_code), "Hình thức kỷ luật")
                kept["form_code"] = str(form_code)
        event = CadreEvent(
            cadre_id=cadre.id,
            kind=kind,
            on_date=on_date,
            decision_no=clean_text(decision_no),
            details_json=json.dumps(kept, ensure_ascii=False, sort_keys=True),
            note=(note or "").strip(),
        )
        session.add(event)
        session.flush()
        return event.id


def remove_cadre_event(db: Database, event_id: int, reason: str) -> None:
    """Remove a rating, award or discipline record (a tombstone keeping the reason).

    Errors: `cadre.event_not_found`, `cadre.event_not_removable` (a salary step),
    `field.required` (reason).
    """
    with db.session("cadre.remove_event") as session:
        event = session.get(CadreEvent, event_id)
        if event is None or event.deleted_at is not None:
            raise PartydeskError("cadre.event_not_found", ref=event_id)
        if event.kind == SALARY_STEP_EVENT:
            raise PartydeskError("cadre.event_not_removable")
        if event.kind not in CADRE_EVENT_KINDS:
            raise PartydeskError("cadre.event_not_found", ref=event_id)
        text = (reason or "").strip()
        if not text:
            raise ValidationError("field.required", field="Lý do xóa")
        details = _details_of(event)
        details["removal_reason"] = text
        event.details_json = json.dumps(details, ensure_ascii=False, sort_keys=True)
        event.deleted_at = utcnow()


def remove_training(db: Database, training_id: int) -> None:
    """Remove a training entry typed by mistake (a tombstone, as every record).

    Errors: `cadre.training_not_found`.
    """
    with db.session("cadre.remove_training") as session:
        row = session.get(CadreTraining, training_id)
        if row is None or row.deleted_at is not None:
            raise PartydeskError("cadre.training_not_found", ref=training_id)
        row.deleted_at = utcnow()
