"""Reading transfers of party activity: the letter register, details, hosts, due items.

The writes live in `services.transfers`; this module holds what both need (the messages
of the transfer area, the chain of hops, the plain rows) and every read. "Overdue" is
computed, never stored: an official letter still in transit after its `present_by` date,
or a temporary transfer still open after its `ends_on` date.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from partydesk.codes import MemberStatus, OrgKind, TransferDirection, TransferStatus
from partydesk.db.engine import Database
from partydesk.db.models import (
    CatalogueItem,
    DuesPayment,
    IssuedDocument,
    Member,
    Office,
    Organization,
    Transfer,
)
from partydesk.errors import PartydeskError, add_messages
from partydesk.rules import clean_text
from partydesk.services.document_register import abbreviations, format_number
from partydesk.services.due import DueContext, DueItem
from partydesk.services.member_lookup import get_member as live_member
from partydesk.services.member_lookup import resolve_member  # noqa: F401 (re-exported)
from partydesk.services.member_queries import BranchChoice

add_messages(
    {
        "transfer.not_found": (
            "Không tìm thấy việc chuyển sinh hoạt đảng có mã {ref}.",
            "No transfer of party activity with reference {ref}.",
        ),
        "transfer.discipline_review": (
            "Không chuyển sinh hoạt đảng cho {name}: đảng viên đang bị xem xét, thi hành kỷ"
            " luật (từ {since}). Căn cứ: {source}.",
            "Cannot transfer {name}: the member is under discipline review (since {since})."
            " Rule: {source}.",
        ),
        "transfer.not_member": (
            "Không chuyển sinh hoạt đảng cho {name}: người này là {status}, chưa là đảng"
            " viên. Căn cứ: {source}.",
            "Cannot transfer {name}: the person is '{status}', not a party member. Rule: {source}.",
        ),
        "transfer.member_gone": (
            "Không chuyển sinh hoạt đảng cho {name}: đảng viên đang ở trạng thái «{status}».",
            "Cannot transfer {name}: the member's status is '{status}'.",
        ),
        "transfer.already_in_transit": (
            "{name} đang có giấy giới thiệu số {letter} chưa xác nhận tiếp nhận.",
            "{name} already has letter {letter} in transit.",
        ),
        "transfer.temporary_open": (
            "{name} đang sinh hoạt tạm thời tại «{host}» đến {until}: hãy ghi nhận trở về trước.",
            "{name} is temporarily at '{host}' until {until}: record the return first.",
        ),
        "transfer.no_temporary": (
            "{name} không có đợt sinh hoạt tạm thời nào đang mở.",
            "{name} has no open temporary transfer.",
        ),
        "transfer.before_last_event": (
            "{field} ({value}) trước sự kiện gần nhất của {name}: «{event}» ngày {last}.",
            "{field} ({value}) is before {name}'s latest event '{event}' of {last}.",
        ),
        "transfer.wrong_kind": (
            "Hình thức «{kind}» không dùng cho việc này (dùng: {allowed}).",
            "Kind '{kind}' does not apply here (use: {allowed}).",
        ),
        "transfer.not_in_transit": (
            "Giấy giới thiệu {letter} đang ở trạng thái «{status}», không còn chờ tiếp nhận.",
            "Letter {letter} is '{status}', no longer in transit.",
        ),
        "transfer.same_branch": (
            "{name} đang sinh hoạt ở «{branch}».",
            "{name} already belongs to '{branch}'.",
        ),
        "transfer.temporary_too_short": (
            "Sinh hoạt tạm thời đến {until} chưa đủ {months} tháng kể từ {start}: vắng dưới"
            " {months} tháng không chuyển sinh hoạt tạm thời. Căn cứ: {source}.",
            "A temporary transfer until {until} is shorter than {months} months from"
            " {start}. Rule: {source}.",
        ),
        "transfer.temporary_too_long": (
            "Sinh hoạt tạm thời ({reason}) đến {until} quá {months} tháng kể từ {start}."
            " Căn cứ: {source}.",
            "A temporary transfer ({reason}) until {until} is longer than {months} months"
            " from {start}. Rule: {source}.",
        ),
        "transfer.later_events": (
            "Không hủy được: {name} đã có sự kiện «{event}» ngày {on} sau giấy giới thiệu.",
            "Cannot cancel: {name} has the event '{event}' of {on} after the letter.",
        ),
        "transfer.returning_mismatch": (
            "Số CCCD {cccd} là của {name} (đã chuyển đi), nhưng ngày quyết định kết nạp"
            " khác: {stored} trong hồ sơ, {typed} trên giấy giới thiệu.",
            "CCCD {cccd} belongs to {name} (transferred out), but the admission decision"
            " dates differ: {stored} on record, {typed} on the letter.",
        ),
    }
)

#: Kinds per operation (codes of catalogue `transfer_kind`).
OFFICIAL = "chinh_thuc"
TEMPORARY = "tam_thoi"
INTERNAL = "noi_bo"
ABROAD = "ra_nuoc_ngoai"
FROM_ABROAD = "tu_nuoc_ngoai_ve"
OUT_KINDS = (OFFICIAL, ABROAD)
IN_KINDS = (OFFICIAL, FROM_ABROAD)

#: Where the refusals without a rule parameter come from. The provision on members under
#: discipline review was not found in the current text: cited at the level of the Charter
#: and the implementing regulation, flagged uncertain.
DISCIPLINE_SOURCE = (
    "Điều lệ Đảng 2011, Điều 6 và Quy định thi hành Điều lệ Đảng (24-QĐ/TW 2021,"
    " 232-QĐ/TW 2025) về chuyển sinh hoạt đảng; điểm cụ thể chưa đối chiếu (uncertain)"
)
MEMBERS_ONLY_SOURCE = "Điều lệ Đảng 2011, Điều 6 (chuyển sinh hoạt đảng là việc của đảng viên)"

#: Statuses of people no longer here: they cannot be transferred.
GONE_STATUSES = (
    MemberStatus.LEFT.value,
    MemberStatus.DECEASED.value,
    MemberStatus.TRANSFERRED_OUT.value,
)


@dataclass(frozen=True)
class Hop:
    """One committee the letter passes through (one box of the letter)."""

    name: str
    organization_id: int | None = None
    side: str = "sending"  # "sending" (this office's tree) or "receiving" (typed)


@dataclass(frozen=True)
class TransferRow:
    """A line of the transfer-letter register (sổ giới thiệu sinh hoạt đảng)."""

    id: int
    member_id: int
    full_name: str
    kind: str
    kind_label: str
    direction: str
    status: str
    status_label: str
    letter_no: str
    letter_date: date
    from_name: str
    to_name: str
    present_by: date | None
    ends_on: date | None
    received_on: date | None
    returned_on: date | None
    overdue: bool
    from_organization_id: int | None = None
    to_organization_id: int | None = None


@dataclass(frozen=True)
class TransferDetail:
    """A transfer with its chain of hops and the letter's particulars."""

    row: TransferRow
    hops: tuple[Hop, ...]
    dues_paid_through: str
    reason: str
    note: str
    document_id: int | None
    document_number: str
    document_voided: bool


@dataclass(frozen=True)
class HostedMember:
    """A member of another branch temporarily active in a branch of this office."""

    transfer_id: int
    member_id: int
    full_name: str
    home_organization_id: int | None
    home_name: str
    since: date
    ends_on: date | None


@dataclass(frozen=True)
class TransferOutPreview:
    """What the transfer-out form shows before saving: who, from where, the hops."""

    member_id: int
    full_name: str
    status: str
    branch_id: int | None
    branch_name: str
    hops: tuple[Hop, ...]
    dues_paid_through: str


def hops_to_json(hops: list[Hop] | tuple[Hop, ...]) -> str:
    """The chain as stored in `transfer.hops_json`: a list of {name, organization_id, side}."""
    return json.dumps(
        [{"name": h.name, "organization_id": h.organization_id, "side": h.side} for h in hops],
        ensure_ascii=False,
    )


def hops_from_json(text: str) -> tuple[Hop, ...]:
    """The chain read back from `transfer.hops_json` (plain names are accepted too)."""
    try:
        raw = json.loads(text or "[]")
    except ValueError:
        return ()
    hops: list[Hop] = []
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, str):
            hops.append(Hop(item))
        elif isinstance(item, dict):
            hops.append(
                Hop(
                    str(item.get("name", "")),
                    item.get("organization_id"),
                    str(item.get("side", "sending")),
                )
            )
    return tuple(hops)


def sending_chain(session: Session, branch_id: int | None) -> list[Hop]:
    """The committees from the member's branch up to this office, read from the tree.

    The tree is data (domain.md: no fixed "district" box): branch → đảng bộ bộ phận if
    any → grassroots organization → … → the office's own organization.
    """
    root_id = session.scalar(select(Office.organization_id).limit(1))
    parents = dict(
        session.execute(
            select(Organization.id, Organization.parent_id).where(Organization.deleted_at.is_(None))
        ).all()
    )
    names = dict(session.execute(select(Organization.id, Organization.name)).all())
    chain: list[Hop] = []
    seen: set[int] = set()
    current = branch_id
    while current is not None and current not in seen:
        seen.add(current)
        chain.append(Hop(names.get(current, str(current)), current, "sending"))
        if current == root_id:
            break
        current = parents.get(current)
    return chain


def receiving_chain(superior: str, grassroots: str, branch: str, to_text: str) -> list[Hop]:
    """The receiving side as typed: superior → grassroots → branch (blank lines skipped)."""
    typed = [clean_text(superior), clean_text(grassroots), clean_text(branch)]
    hops = [Hop(text, None, "receiving") for text in typed if text]
    if not hops and clean_text(to_text):
        hops.append(Hop(clean_text(to_text), None, "receiving"))
    return hops


def default_dues_through(session: Session, member_id: int) -> str:
    """The latest month the member paid dues for, as YYYY-MM ("" when none is recorded)."""
    month = session.scalar(
        select(func.max(DuesPayment.month)).where(
            DuesPayment.member_id == member_id, DuesPayment.deleted_at.is_(None)
        )
    )
    return "" if month is None else f"{month.year:04d}-{month.month:02d}"


def kind_labels(session: Session) -> dict[str, str]:
    """Transfer kind code → Vietnamese name, from catalogue `transfer_kind`."""
    return dict(
        session.execute(
            select(CatalogueItem.code, CatalogueItem.name).where(
                CatalogueItem.catalogue == "transfer_kind"
            )
        ).all()
    )


def overdue_condition(today: date) -> ColumnElement[bool]:
    """SQL condition of an overdue transfer (see the module docstring)."""
    return and_(
        Transfer.status == TransferStatus.IN_TRANSIT.value,
        or_(
            and_(Transfer.kind == TEMPORARY, Transfer.ends_on < today),
            and_(Transfer.kind != TEMPORARY, Transfer.present_by < today),
        ),
    )


def is_overdue(transfer: Transfer, today: date) -> bool:
    """True for an official letter past `present_by`, or a temporary stay past `ends_on`."""
    if transfer.status != TransferStatus.IN_TRANSIT.value:
        return False
    limit = transfer.ends_on if transfer.kind == TEMPORARY else transfer.present_by
    return limit is not None and today > limit


def transfer_row(
    session: Session,
    transfer: Transfer,
    today: date,
    *,
    labels: dict[str, str] | None = None,
    names: dict[int, str] | None = None,
    full_name: str | None = None,
) -> TransferRow:
    """The register line of one transfer."""
    labels = labels if labels is not None else kind_labels(session)
    if names is None:
        ids = {i for i in (transfer.from_organization_id, transfer.to_organization_id) if i}
        names = dict(
            session.execute(
                select(Organization.id, Organization.name).where(Organization.id.in_(ids))
            ).all()
        )
    if full_name is None:
        full_name = session.scalar(select(Member.full_name).where(Member.id == transfer.member_id))
    return TransferRow(
        id=transfer.id,
        member_id=transfer.member_id,
        full_name=full_name or "",
        kind=transfer.kind,
        kind_label=labels.get(transfer.kind, transfer.kind),
        direction=transfer.direction,
        status=transfer.status,
        status_label=TransferStatus(transfer.status).label,
        letter_no=transfer.letter_no,
        letter_date=transfer.letter_date,
        from_name=_place(names, transfer.from_organization_id, transfer.from_text),
        to_name=_place(names, transfer.to_organization_id, transfer.to_text),
        present_by=transfer.present_by,
        ends_on=transfer.ends_on,
        received_on=transfer.received_on,
        returned_on=transfer.returned_on,
        overdue=is_overdue(transfer, today),
        from_organization_id=transfer.from_organization_id,
        to_organization_id=transfer.to_organization_id,
    )


def _place(names: dict[int, str], organization_id: int | None, text: str) -> str:
    if organization_id is not None:
        return names.get(organization_id, str(organization_id))
    return text


def transfer_register(
    db: Database,
    year: int | None = None,
    status: str | None = None,
    overdue_only: bool = False,
    today: date | None = None,
) -> list[TransferRow]:
    """The transfer-letter register, newest first.

    `year` filters by the letter's year, `status` by a `TransferStatus` value,
    `overdue_only` keeps what is overdue on `today` (default: the real today).
    """
    today = today or date.today()
    with db.reader() as session:
        query = (
            select(Transfer, Member.full_name)
            .join(Member, Member.id == Transfer.member_id)
            .where(Transfer.deleted_at.is_(None))
        )
        if year is not None:
            query = query.where(
                Transfer.letter_date >= date(year, 1, 1), Transfer.letter_date <= date(year, 12, 31)
            )
        if status:
            query = query.where(Transfer.status == TransferStatus(status).value)
        if overdue_only:
            query = query.where(overdue_condition(today))
        rows = session.execute(query.order_by(Transfer.letter_date.desc(), Transfer.id.desc()))
        labels = kind_labels(session)
        names = dict(session.execute(select(Organization.id, Organization.name)).all())
        return [
            transfer_row(session, t, today, labels=labels, names=names, full_name=name)
            for t, name in rows
        ]


def get_transfer(session: Session, transfer_id: int) -> Transfer:
    """A live transfer row; `transfer.not_found` otherwise."""
    transfer = session.get(Transfer, transfer_id)
    if transfer is None or transfer.deleted_at is not None:
        raise PartydeskError("transfer.not_found", ref=transfer_id)
    return transfer


def detail_of(session: Session, transfer: Transfer, today: date) -> TransferDetail:
    """The detail of a transfer inside an open session."""
    number, voided = "", False
    if transfer.document_id is not None:
        doc = session.get(IssuedDocument, transfer.document_id)
        if doc is not None:
            number = format_number(doc, abbreviations(session))
            voided = doc.voided_on is not None
    return TransferDetail(
        row=transfer_row(session, transfer, today),
        hops=hops_from_json(transfer.hops_json),
        dues_paid_through=transfer.dues_paid_through,
        reason=transfer.reason,
        note=transfer.note,
        document_id=transfer.document_id,
        document_number=number,
        document_voided=voided,
    )


def transfer_detail(db: Database, transfer_id: int, today: date | None = None) -> TransferDetail:
    """One transfer with its hops; `transfer.not_found` when there is none."""
    with db.reader() as session:
        return detail_of(session, get_transfer(session, transfer_id), today or date.today())


def hosted_members(db: Database, organization_id: int) -> list[HostedMember]:
    """Members of other branches temporarily active in `organization_id` now."""
    with db.reader() as session:
        rows = session.execute(
            select(Transfer, Member.full_name, Member.organization_id)
            .join(Member, Member.id == Transfer.member_id)
            .where(
                Transfer.deleted_at.is_(None),
                Transfer.kind == TEMPORARY,
                Transfer.status == TransferStatus.IN_TRANSIT.value,
                Transfer.to_organization_id == organization_id,
            )
            .order_by(Member.name_sort_key, Member.id)
        ).all()
        names = dict(session.execute(select(Organization.id, Organization.name)).all())
        return [
            HostedMember(
                transfer_id=t.id,
                member_id=t.member_id,
                full_name=name,
                home_organization_id=home,
                home_name=names.get(home, "") if home else "",
                since=t.letter_date,
                ends_on=t.ends_on,
            )
            for t, name, home in rows
        ]


def open_temporary(session: Session, member_id: int) -> Transfer | None:
    """The member's temporary transfer that has not ended yet, if any."""
    return session.scalars(
        select(Transfer).where(
            Transfer.member_id == member_id,
            Transfer.deleted_at.is_(None),
            Transfer.kind == TEMPORARY,
            Transfer.status == TransferStatus.IN_TRANSIT.value,
        )
    ).first()


def transfer_out_preview(
    db: Database,
    member_id: int,
    *,
    receiving_superior: str = "",
    receiving_grassroots: str = "",
    receiving_branch: str = "",
    to_text: str = "",
) -> TransferOutPreview:
    """Who would be transferred, from which branch, through which hops (nothing written)."""
    with db.reader() as session:
        member = live_member(session, member_id)
        hops = sending_chain(session, member.organization_id) + receiving_chain(
            receiving_superior, receiving_grassroots, receiving_branch, to_text
        )
        branch_name = ""
        if member.organization_id is not None:
            branch_name = (
                session.scalar(
                    select(Organization.name).where(Organization.id == member.organization_id)
                )
                or ""
            )
        return TransferOutPreview(
            member_id=member.id,
            full_name=member.full_name,
            status=member.status,
            branch_id=member.organization_id,
            branch_name=branch_name,
            hops=tuple(hops),
            dues_paid_through=default_dues_through(session, member.id),
        )


def organization_by_code(db: Database, code: str) -> int:
    """An organization's id from its code (e.g. DR.01.01); `organization.not_found` if none."""
    with db.reader() as session:
        found = session.scalar(
            select(Organization.id).where(
                Organization.code == code.strip(), Organization.deleted_at.is_(None)
            )
        )
    if found is None:
        raise PartydeskError("organization.not_found", ref=code)
    return found


def due_items(context: DueContext) -> list[DueItem]:
    """Letters waiting for the receiving side, and temporary stays about to end.

    An official letter in transit is listed until it is confirmed received (due on its
    `present_by`); a temporary transfer once its `ends_on` is within the horizon.
    """
    session = context.session
    rows = session.execute(
        select(Transfer, Member.full_name, Member.organization_id)
        .join(Member, Member.id == Transfer.member_id)
        .where(
            Transfer.deleted_at.is_(None),
            Transfer.status == TransferStatus.IN_TRANSIT.value,
            Transfer.direction == TransferDirection.OUT.value,
        )
    ).all()
    items: list[DueItem] = []
    for transfer, name, home in rows:
        if transfer.kind == TEMPORARY:
            if transfer.ends_on is None or transfer.ends_on > context.horizon:
                continue
            host = transfer.to_text or context.organization_names.get(
                transfer.to_organization_id or -1, ""
            )
            items.append(
                context.item(
                    f"Hết hạn sinh hoạt tạm thời tại {host}: ghi nhận trở về",
                    transfer.ends_on,
                    full_name=name,
                    organization_id=home,
                    group="transfer",
                    action="temporary_return",
                    member_id=transfer.member_id,
                    transfer_id=transfer.id,
                )
            )
        elif transfer.present_by is not None and transfer.present_by <= context.horizon:
            items.append(
                context.item(
                    f"Chờ xác nhận tiếp nhận giấy giới thiệu số {transfer.letter_no}"
                    f" ({transfer.to_text})",
                    transfer.present_by,
                    full_name=name,
                    organization_id=transfer.from_organization_id or home,
                    group="transfer",
                    action="transfer_received",
                    member_id=transfer.member_id,
                    transfer_id=transfer.id,
                )
            )
    return items


@dataclass(frozen=True)
class TransferChoices:
    """What the transfer forms offer: kinds by operation and the live chi bộ of this office."""

    kinds: dict[str, str]
    branches: list[BranchChoice]


def transfer_choices(db: Database) -> TransferChoices:
    """Kind names (catalogue `transfer_kind`) and the branches members can be placed in."""
    with db.reader() as session:
        parent = aliased(Organization)
        rows = session.execute(
            select(Organization.id, Organization.name, parent.name, Organization.kind)
            .outerjoin(parent, parent.id == Organization.parent_id)
            .where(Organization.deleted_at.is_(None), Organization.dissolved_on.is_(None))
            .order_by(Organization.sort_order, Organization.code)
        ).all()
        branches = [
            BranchChoice(org_id, name, parent_name or "")
            for org_id, name, parent_name, kind in rows
            if OrgKind(kind).holds_members
        ]
        return TransferChoices(kind_labels(session), branches)
