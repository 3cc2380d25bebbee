"""Sync identity: this office's keys, its public key file, and the partner offices it trusts.

The private keys live in the database (`sync_key`), so backups, restores and moving to a
new PC keep the office's identity (docs/sync.md argues the choice). The office above
registers each office below from its public key file, after comparing the fingerprint
read out by phone, with the organization codes that office may send data for.
"""

from __future__ import annotations

import dataclasses
import enum
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk.db.engine import Database
from partydesk.db.models import Office, Organization, SyncKey, SyncPartner
from partydesk.documents.package import (
    Kind,
    KnownSender,
    OfficeKeyPair,
    OfficePublicKey,
    generate_office_keys,
    normalize_fingerprint,
    parse_public_key,
    private_keys_from_bytes,
    private_keys_to_bytes,
    public_key_text,
)
from partydesk.documents.package.files import atomic_file
from partydesk.errors import PartydeskError, add_messages

add_messages(
    {
        "sync.no_office": (
            "Chưa tạo đơn vị: chạy «partydesk init» trước khi đồng bộ.",
            "No office yet: run 'partydesk init' before syncing.",
        ),
        "sync.fingerprint_mismatch": (
            "Mã nhận dạng khóa không khớp: tệp khóa có {found}, anh/chị đọc {expected}."
            " Không đăng ký; hỏi lại đơn vị gửi khóa.",
            "The key fingerprint does not match: the file has {found}, you read {expected}."
            " Not registered; ask the office that sent the key again.",
        ),
        "sync.bad_fingerprint": (
            "«{value}» không phải mã nhận dạng khóa (16 ký tự, ví dụ WQVO-2KO2-25DU-OV2L).",
            "'{value}' is not a key fingerprint (16 characters, e.g. WQVO-2KO2-25DU-OV2L).",
        ),
        "sync.own_key": (
            "Đây là khóa của chính đơn vị này, không đăng ký được.",
            "This is this office's own key; it cannot be registered as a partner.",
        ),
        "sync.partner_exists": (
            "Đơn vị «{name}» đã được đăng ký (mã nhận dạng {fingerprint}).",
            "The office '{name}' is already registered (fingerprint {fingerprint}).",
        ),
        "sync.above_exists": (
            "Đã đăng ký cấp trên «{name}»; một đơn vị chỉ có một cấp trên.",
            "The office above ('{name}') is already registered; an office has one above.",
        ),
        "sync.scope_required": (
            "Cần ghi các mã tổ chức đảng mà đơn vị cấp dưới được gửi dữ liệu (--orgs).",
            "Give the organization codes the office below may send data for (--orgs).",
        ),
        "sync.bad_scope_code": (
            "Mã tổ chức «{value}» không hợp lệ.",
            "The organization code '{value}' is not valid.",
        ),
        "sync.no_above": (
            "Chưa đăng ký đơn vị cấp trên: «partydesk sync office add KEYFILE --above …».",
            "No office above is registered: 'partydesk sync office add KEYFILE --above …'.",
        ),
        "sync.unknown_partner": (
            "Không có đơn vị đối tác «{ref}».",
            "No partner office '{ref}'.",
        ),
    }
)


class Relation(enum.StrEnum):
    """Where a partner office sits relative to this one."""

    ABOVE = "above"  # receives our full and delta packages, sends receipts and downward ones
    BELOW = "below"  # sends full and delta packages, receives receipts


#: The package kinds each partner may send us (checked by the reader, step 16).
KINDS_FROM: dict[Relation, frozenset[Kind]] = {
    Relation.ABOVE: frozenset({Kind.RECEIPT, Kind.DOWNWARD}),
    # Receipts from below acknowledge the update packages sent down (sync_updates.py).
    Relation.BELOW: frozenset({Kind.FULL, Kind.DELTA, Kind.RECEIPT}),
}


@dataclass(frozen=True)
class KeyInfo:
    """This office's public identity: what is read out by phone."""

    office_uuid: str
    office_name: str
    fingerprint: str
    created: bool = False


@dataclass(frozen=True)
class PartnerInfo:
    """A registered partner office."""

    id: int
    office_uuid: str
    name: str
    relation: Relation
    fingerprint: str
    scope: tuple[str, ...]


def _office(session: Session) -> Office:
    office = session.scalars(select(Office)).first()
    if office is None:
        raise PartydeskError("sync.no_office")
    return office


def ensure_office_keys(session: Session) -> tuple[OfficeKeyPair, bool]:
    """The office's key pair inside an open unit of work, made now if it has none yet.

    Returns the keys and whether they were just made.
    """
    office = _office(session)
    row = session.scalars(select(SyncKey).where(SyncKey.office_uuid == office.uuid)).first()
    if row is not None:
        keys = private_keys_from_bytes(row.private_key.encode("utf-8"))
        # The key id binds the office UUID, not its name: a renamed office keeps its keys
        # and signs with its current name.
        return dataclasses.replace(keys, office_name=office.name), False
    keys = generate_office_keys(office.uuid, office.name)
    session.add(
        SyncKey(
            office_uuid=office.uuid,
            fingerprint=keys.public.fingerprint,
            private_key=private_keys_to_bytes(keys).decode("utf-8"),
        )
    )
    session.flush()
    return keys, True


def office_keys(db: Database) -> OfficeKeyPair:
    """This office's key pair (made and stored on first use)."""
    with db.session("sync.keys") as session:
        keys, _ = ensure_office_keys(session)
        return keys


def key_info(db: Database) -> KeyInfo:
    """This office's fingerprint and identity; makes the keys if the database has none.

    That is the command for databases created before sync existed.
    """
    with db.session("sync.keys") as session:
        keys, created = ensure_office_keys(session)
        return KeyInfo(keys.office_uuid, keys.office_name, keys.public.fingerprint, created)


def write_public_key(db: Database, path: Path) -> KeyInfo:
    """Write this office's public key file (`.pdkey`) to `path`, atomically."""
    with db.session("sync.keys") as session:
        keys, created = ensure_office_keys(session)
    with atomic_file(Path(path)) as stream:
        stream.write(public_key_text(keys).encode("utf-8"))
    return KeyInfo(keys.office_uuid, keys.office_name, keys.public.fingerprint, created)


def _clean_scope(session: Session, codes: list[str]) -> tuple[str, ...]:
    cleaned = []
    for code in codes:
        text = code.strip().upper()
        if not text or any(char.isspace() for char in text) or len(text) > 40:
            raise PartydeskError("sync.bad_scope_code", value=code)
        cleaned.append(text)
    return tuple(dict.fromkeys(cleaned))


def register_partner(
    db: Database,
    key_data: bytes,
    fingerprint: str,
    relation: Relation,
    scope: list[str] | None = None,
    *,
    key_name: str = "",
) -> PartnerInfo:
    """Register a partner office from its public key file's bytes.

    `fingerprint` is what the partner read out by phone; it must match the file's keys.
    An office below needs `scope` (organization codes; a code covers its subtree); an
    office has at most one office above. Errors: key.* (bad file), sync.bad_fingerprint,
    sync.fingerprint_mismatch, sync.own_key, sync.partner_exists, sync.above_exists,
    sync.scope_required.
    """
    public = parse_public_key(key_data, key_name)
    try:
        expected = normalize_fingerprint(fingerprint)
    except ValueError:
        raise PartydeskError("sync.bad_fingerprint", value=fingerprint) from None
    if public.fingerprint != expected:
        raise PartydeskError(
            "sync.fingerprint_mismatch", found=public.fingerprint, expected=expected
        )
    codes: tuple[str, ...] = ()
    with db.session("sync.register_partner") as session:
        own = _office(session)
        if public.office_uuid == own.uuid:
            raise PartydeskError("sync.own_key")
        existing = session.scalars(
            select(SyncPartner).where(SyncPartner.office_uuid == public.office_uuid)
        ).first()
        if existing is not None:
            raise PartydeskError(
                "sync.partner_exists", name=existing.name, fingerprint=existing.fingerprint
            )
        if relation is Relation.ABOVE:
            above = session.scalars(
                select(SyncPartner).where(SyncPartner.relation == Relation.ABOVE.value)
            ).first()
            if above is not None:
                raise PartydeskError("sync.above_exists", name=above.name)
        else:
            codes = _clean_scope(session, scope or [])
            if not codes:
                raise PartydeskError("sync.scope_required")
        partner = SyncPartner(
            office_uuid=public.office_uuid,
            name=public.office_name,
            relation=relation.value,
            fingerprint=public.fingerprint,
            public_key=key_data.decode("utf-8"),
            scope_json=json.dumps(list(codes)),
        )
        session.add(partner)
        session.flush()
        return _partner_info(partner)


def _partner_info(row: SyncPartner) -> PartnerInfo:
    return PartnerInfo(
        row.id,
        row.office_uuid,
        row.name,
        Relation(row.relation),
        row.fingerprint,
        tuple(json.loads(row.scope_json)),
    )


def partners(db: Database) -> list[PartnerInfo]:
    """The registered partner offices: the one above first, then those below by name."""
    with db.reader() as session:
        rows = session.scalars(select(SyncPartner).order_by(SyncPartner.name)).all()
        infos = [_partner_info(row) for row in rows]
    return sorted(infos, key=lambda info: info.relation is not Relation.ABOVE)


def partner_public_key(row: SyncPartner) -> OfficePublicKey:
    """The registered public key of a partner (checked again: the row may be old)."""
    return parse_public_key(row.public_key.encode("utf-8"), row.name)


def known_senders(session: Session) -> dict[str, KnownSender]:
    """Every registered partner as the reader wants them: fingerprint -> sender."""
    senders = {}
    for row in session.scalars(select(SyncPartner)).all():
        public = partner_public_key(row)
        scope = frozenset(json.loads(row.scope_json))
        senders[public.fingerprint] = KnownSender(public, KINDS_FROM[Relation(row.relation)], scope)
    return senders


def above_partner(session: Session) -> SyncPartner:
    """The registered office above (`sync.no_above` if none)."""
    row = session.scalars(
        select(SyncPartner).where(SyncPartner.relation == Relation.ABOVE.value)
    ).first()
    if row is None:
        raise PartydeskError("sync.no_above")
    return row


def in_scope(code: str, scope: frozenset[str] | tuple[str, ...]) -> bool:
    """True when organization `code` is one of `scope` or below one (codes nest by dots)."""
    code = code.upper()
    return any(code == item or code.startswith(item + ".") for item in scope)


def local_codes(session: Session) -> dict[str, str]:
    """Organization uuid -> code of this database."""
    return dict(session.execute(select(Organization.uuid, Organization.code)).all())
