"""The office that keeps the database: creating it and reading its identity."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from partydesk.codes import OrgKind
from partydesk.db.engine import Database
from partydesk.db.models import Office, Organization, OrganizationParent
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import clean_text, fold
from partydesk.services.catalogues import load_catalogues
from partydesk.services.organizations import (
    TREE_EPOCH,
)
from partydesk.services.rule_table import seed_default_rules
from partydesk.services.sync_keys import ensure_office_keys


@dataclass(frozen=True)
class OfficeInput:
    """What a user types to create an office."""

    name: str
    superior_name: str
    place_name: str
    number_symbol: str
    level: str = OrgKind.COMMUNE.value
    code: str = ""
    province_code: str | None = None
    admin_unit_code: str | None = None


@dataclass(frozen=True)
class OfficeInfo:
    """The office's identity as documents and packages need it."""

    uuid: str
    name: str
    superior_name: str
    place_name: str
    number_symbol: str
    level: str
    organization_id: int | None


def _clean(value: str, field: str, required: bool = True) -> str:
    text = clean_text(value)
    if required and not text:
        raise ValidationError("field.required", field=field)
    return text


def add_office(session: Session, data: OfficeInput) -> Office:
    """Create the office inside an open unit of work (see `init_office`)."""
    name = _clean(data.name, "Tên đơn vị")
    superior = _clean(data.superior_name, "Cấp ủy cấp trên", required=False)
    place = _clean(data.place_name, "Địa danh")
    symbol = _clean(data.number_symbol, "Ký hiệu số văn bản")
    try:
        level = OrgKind(data.level)
    except ValueError as exc:
        raise ValidationError(
            "field.invalid", field="Cấp", problem=f"cấp «{data.level}» không có"
        ) from exc
    existing = session.scalars(select(Office)).first()
    if existing is not None:
        raise PartydeskError("office.exists", name=existing.name)
    load_catalogues(session)
    seed_default_rules(session)
    root = Organization(
        code=data.code or fold(symbol).replace(" ", "").upper() or "ROOT",
        name=name,
        name_fold=fold(name),
        kind=level.value,
        admin_unit_code=data.admin_unit_code,
    )
    session.add(root)
    session.flush()
    session.add(OrganizationParent(organization_id=root.id, parent_id=None, valid_from=TREE_EPOCH))
    office = Office(
        name=name,
        superior_name=superior,
        place_name=place,
        number_symbol=symbol,
        level=level.value,
        province_code=data.province_code,
        admin_unit_code=data.admin_unit_code,
        organization_id=root.id,
    )
    session.add(office)
    session.flush()
    # The sync key pair is made with the office (docs/sync.md), so its fingerprint can be
    # read out to the office above from day one.
    ensure_office_keys(session)
    return office


def init_office(db: Database, data: OfficeInput) -> OfficeInfo:
    """Create the office in one transaction.

    That is the office row, its own organization at the root of the tree, the
    catalogues and the default rule table.

    Errors: `office.exists` when the database already has an office; `field.required`
    and `field.invalid` for bad input.
    """
    with db.session("init_office") as session:
        return _info(add_office(session, data))


def get_office(db: Database) -> OfficeInfo:
    """The office of this database; `office.missing` when `init` was never run."""
    with db.reader() as session:
        office = session.scalars(select(Office)).first()
        if office is None:
            raise PartydeskError("office.missing")
        return _info(office)


def has_office(db: Database) -> bool:
    """True when the database holds an office (false for a new, empty file)."""
    with db.reader() as session:
        return bool(session.scalar(select(func.count()).select_from(Office)))


def _info(office: Office) -> OfficeInfo:
    return OfficeInfo(
        uuid=office.uuid,
        name=office.name,
        superior_name=office.superior_name,
        place_name=office.place_name,
        number_symbol=office.number_symbol,
        level=office.level,
        organization_id=office.organization_id,
    )
