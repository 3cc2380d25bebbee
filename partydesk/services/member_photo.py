"""A member's 3×4 photo: attach, read and remove, one audited transaction each.

The photo lives in its own table so lists never load image bytes. The GUI crops and
encodes the picture (Qt does images); this module only checks what it is given. Records
are never deleted: removing a photo empties it and marks the row a tombstone, and a later
photo revives the same row (one photo row per member, `member_id` is unique).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk.db.base import utcnow
from partydesk.db.engine import Database
from partydesk.db.models import MemberPhoto
from partydesk.errors import ValidationError
from partydesk.services.member_lookup import get_member as _live_member

PHOTO_FIELD = "Ảnh"
PHOTO_MIME_TYPES = ("image/jpeg", "image/png")
#: A 3×4 photo scanned at 300 dpi and saved as JPEG is 30–150 kB; 2 MB leaves room for
#: a PNG without letting a camera original (5–15 MB) bloat every backup.
MAX_PHOTO_BYTES = 2 * 1024 * 1024

_SIGNATURES = {"image/jpeg": b"\xff\xd8\xff", "image/png": b"\x89PNG\r\n\x1a\n"}


@dataclass(frozen=True)
class MemberPhotoData:
    """A member's photo as stored: the encoded image and its MIME type."""

    image: bytes
    mime_type: str


def _check_image(image_bytes: bytes, mime: str) -> None:
    if mime not in PHOTO_MIME_TYPES:
        raise ValidationError(
            "field.invalid", field=PHOTO_FIELD, problem=f"chỉ nhận ảnh JPEG hoặc PNG, không {mime}"
        )
    if not image_bytes:
        raise ValidationError("field.required", field=PHOTO_FIELD)
    if len(image_bytes) > MAX_PHOTO_BYTES:
        raise ValidationError(
            "field.invalid",
            field=PHOTO_FIELD,
            problem=f"ảnh {len(image_bytes) // 1024} kB, quá giới hạn {MAX_PHOTO_BYTES // 1024} kB",
        )
    if not image_bytes.startswith(_SIGNATURES[mime]):
        raise ValidationError(
            "field.invalid", field=PHOTO_FIELD, problem=f"nội dung tệp không phải ảnh {mime}"
        )


def _photo_row(session: Session, member_id: int) -> MemberPhoto | None:
    return session.scalars(select(MemberPhoto).where(MemberPhoto.member_id == member_id)).first()


def put_member_photo(session: Session, member_id: int, image_bytes: bytes, mime: str) -> None:
    """Attach or replace the photo inside an open unit of work (see `set_member_photo`)."""
    _check_image(image_bytes, mime)
    _live_member(session, member_id)
    row = _photo_row(session, member_id)
    if row is None:
        session.add(MemberPhoto(member_id=member_id, image=image_bytes, mime_type=mime))
        return
    row.image = image_bytes
    row.mime_type = mime
    row.deleted_at = None


def set_member_photo(db: Database, member_id: int, image_bytes: bytes, mime: str) -> None:
    """Attach or replace a member's photo (already cropped and encoded by the caller).

    Errors: `member.not_found`; `field.invalid` / `field.required` on «Ảnh» for another
    type than JPEG or PNG, bytes that are not that type, an empty or too large image.
    """
    with db.session("set_member_photo") as session:
        put_member_photo(session, member_id, image_bytes, mime)


def get_member_photo(db: Database, member_id: int) -> MemberPhotoData | None:
    """The member's photo, or None when there is none."""
    with db.reader() as session:
        row = _photo_row(session, member_id)
        if row is None or row.deleted_at is not None or not row.image:
            return None
        return MemberPhotoData(bytes(row.image), row.mime_type)


def remove_member_photo(db: Database, member_id: int) -> bool:
    """Remove a member's photo; False when there was none.

    The bytes are cleared (a removed photo is personal data nobody asked to keep) and the
    row becomes a tombstone, which sync packages carry upward.
    """
    with db.session("remove_member_photo") as session:
        _live_member(session, member_id)
        row = _photo_row(session, member_id)
        if row is None or row.deleted_at is not None:
            return False
        row.image = b""
        row.deleted_at = utcnow()
        return True
