"""From the registers to the printed forms: one function per form, each returning its data class.

The functions read inside the caller's open session (the printing service reads the
member, takes the number and builds the data in one transaction, architecture.md §3) and
return the plain frozen data classes of `partydesk.documents.pdf.forms`; the forms never
see the database. Catalogue codes become their Vietnamese names here, dates stay dates
(the forms write them per 36-HD/VPTW), and names are passed as stored (the forms NFC
every string they draw).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from partydesk.codes import COUNTED_STATUSES, LEAVING_EVENTS, EventKind, MemberStatus
from partydesk.db.models import (
    CatalogueItem,
    Member,
    MemberEvent,
    MemberPhoto,
    Membership,
    Office,
    Organization,
    Transfer,
)
from partydesk.documents.pdf.forms.admission_decision import AdmissionDecision
from partydesk.documents.pdf.forms.badge_list import BadgeProposalList, BadgeRow
from partydesk.documents.pdf.forms.branch_resolution import (
    AdmissionResolutionDraft,
    RecognitionResolutionDraft,
)
from partydesk.documents.pdf.forms.list_book import ListBook, ListBookRow
from partydesk.documents.pdf.forms.member_sheet import MemberSheet
from partydesk.documents.pdf.forms.recognition_decision import RecognitionDecision
from partydesk.documents.pdf.forms.transfer_letter import KINDS as LETTER_KINDS
from partydesk.documents.pdf.forms.transfer_letter import OFFICIAL as LETTER_OFFICIAL
from partydesk.documents.pdf.forms.transfer_letter import TEMPORARY as LETTER_TEMPORARY
from partydesk.documents.pdf.forms.transfer_letter import TransferLetter
from partydesk.documents.pdf.frame import Header, Signature
from partydesk.errors import PartydeskError
from partydesk.rules import official_date
from partydesk.services.badges import BadgeLists
from partydesk.services.candidates import grassroots_committee, introducers_of, load_cycle
from partydesk.services.organizations import subtree_ids
from partydesk.services.rule_table import load_rule_table
from partydesk.services.transfer_queries import hops_from_json

#: Who signs the committee's documents (36-HD/VPTW: "thay mặt" the standing committee).
COMMITTEE_AUTHORITY = "T/M BAN THƯỜNG VỤ"
#: A branch resolution is signed for the branch by its secretary.
BRANCH_AUTHORITY = "T/M CHI BỘ"
BRANCH_SIGNER_TITLE = "BÍ THƯ"

#: Occupation codes that fill the list book's "army / police / retired" column.
_SERVICE = {"quan_doi": "Quân đội", "cong_an": "Công an", "huu_tri": "Nghỉ hưu"}
_LEAVING = {kind.value for kind in LEAVING_EVENTS}
_LABEL_CATALOGUES = (
    "ethnicity",
    "religion",
    "general_education",
    "qualification",
    "academic_title",
    "theory",
    "state_management",
    "foreign_language",
    "it_level",
    "occupation",
    "leave_kind",
)


@dataclass(frozen=True)
class OfficeContext:
    """The office as printed documents need it: names for the header, place, number symbol."""

    name: str
    superior: str
    place: str
    symbol: str
    organization_id: int | None

    def header(self, number: str, on: date | None) -> Header:
        """The committee's header: superior and issuer upper-case, "Số …" or "" for none."""
        return Header(
            superior=self.superior.upper(),
            issuer=self.name.upper(),
            number=f"Số {number}" if number else "",
            place=self.place,
            on=on,
        )


def office_context(session: Session) -> OfficeContext:
    """The office identity; `office.missing` when the database has none."""
    office = session.scalars(select(Office).limit(1)).first()
    if office is None:
        raise PartydeskError("office.missing")
    return OfficeContext(
        name=office.name,
        superior=office.superior_name,
        place=office.place_name,
        symbol=office.number_symbol,
        organization_id=office.organization_id,
    )


def committee_signature(title: str, name: str) -> Signature:
    """The signature block of a committee document: T/M BAN THƯỜNG VỤ, title, name."""
    return Signature(authority=COMMITTEE_AUTHORITY, title=title.upper(), name=name)


class Labels:
    """Catalogue code → Vietnamese name for the catalogues members' records use."""

    def __init__(self, session: Session) -> None:
        self._names: dict[tuple[str, str], str] = {}
        self._extra: dict[tuple[str, str], str] = {}
        for catalogue, code, name, extra in session.execute(
            select(
                CatalogueItem.catalogue,
                CatalogueItem.code,
                CatalogueItem.name,
                CatalogueItem.extra_json,
            ).where(CatalogueItem.catalogue.in_((*_LABEL_CATALOGUES, "form_code")))
        ):
            self._names[(catalogue, code)] = name
            self._extra[(catalogue, code)] = extra or "{}"

    def name(self, catalogue: str, code: str | None) -> str:
        """The entry's name; free text that is no code (foreign language "B1") as typed."""
        if not code:
            return ""
        return self._names.get((catalogue, code), code)

    def form_code(self, code: str) -> str:
        """The printed form code, "Mẫu 9-KNĐ" for entry "9-KND" ("" when it is unknown)."""
        try:
            label = json.loads(self._extra.get(("form_code", code), "{}")).get("label")
        except (ValueError, AttributeError):
            label = None
        return f"Mẫu {label}" if label else ""


def sex_label(value: str) -> str:
    """The sex as the forms print it: «nam» becomes «Nam»."""
    return value[:1].upper() + value[1:] if value else ""


def _org_names(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return dict(
        session.execute(
            select(Organization.id, Organization.name).where(Organization.id.in_(wanted))
        ).all()
    )


def branch_name(session: Session, member: Member) -> str:
    """The name of the member's branch ("" when none)."""
    return _org_names(session, [member.organization_id]).get(member.organization_id or -1, "")


def _committee_of(name: str) -> str:
    # A đảng bộ proposes through its committee: "Đảng bộ X" → "Đảng ủy X".
    prefix = "Đảng bộ "
    return "Đảng ủy " + name[len(prefix) :] if name.startswith(prefix) else name


def _proposers(session: Session, member: Member) -> tuple[str, ...]:
    committee = grassroots_committee(session, member.organization_id)
    return (_committee_of(committee.name),) if committee is not None else ()


# --- decisions ----------------------------------------------------------------------------


def admission_decision(
    session: Session,
    member: Member,
    office: OfficeContext,
    number: str,
    on: date,
    signature: Signature,
    labels: Labels,
) -> AdmissionDecision:
    """Quyết định kết nạp đảng viên (9-KNĐ) for a candidate whose branch proposed them."""
    return AdmissionDecision(
        header=office.header(number, on),
        signature=signature,
        full_name=member.full_name,
        birth_date=member.birth_date,
        hometown=member.hometown,
        branch=branch_name(session, member),
        proposers=_proposers(session, member),
        form_code=labels.form_code("9-KND"),
    )


def recognition_decision(
    session: Session,
    member: Member,
    office: OfficeContext,
    number: str,
    on: date,
    signature: Signature,
) -> RecognitionDecision:
    """Quyết định công nhận đảng viên chính thức: official from ceremony + 12 months."""
    cycle = load_cycle(session, member.id)
    ceremony = cycle.on(EventKind.CEREMONY) or member.ceremony_date
    official = member.official_date
    if official is None and ceremony is not None:
        # Not recorded yet: the date the decision states is ceremony + probation, however
        # late the branch met (domain.md §3.2).
        official = official_date(ceremony, load_rule_table(session))
    return RecognitionDecision(
        header=office.header(number, on),
        signature=signature,
        full_name=member.full_name,
        birth_date=member.birth_date,
        hometown=member.hometown,
        branch=branch_name(session, member),
        admitted_on=ceremony,
        official_on=official,
        proposers=_proposers(session, member),
    )


# --- branch resolution drafts -------------------------------------------------------------


def _branch_header(session: Session, member: Member, office: OfficeContext, code: str) -> Header:
    """A branch's own header: its đảng bộ above it, the branch as issuer, a blank number.

    Drafts leave the number and the date blank ("Số      -NQ/CB", "ngày … tháng …"):
    the branch numbers and dates its resolution at the meeting.
    """
    names = _org_names(session, [member.organization_id])
    branch = names.get(member.organization_id or -1, "")
    parent_id = session.scalar(
        select(Organization.parent_id).where(Organization.id == member.organization_id)
    )
    parent = _org_names(session, [parent_id]).get(parent_id or -1, "") or office.name
    return Header(
        superior=parent.upper(),
        issuer=branch.upper(),
        number=f"Số      -{code}/CB",
        place=office.place,
        on=None,
    )


def _branch_counts(session: Session, member: Member) -> tuple[int, int, int]:
    rows = session.execute(
        select(Member.status).where(
            Member.organization_id == member.organization_id,
            Member.deleted_at.is_(None),
            Member.status.in_([s.value for s in COUNTED_STATUSES]),
        )
    ).all()
    probationary = sum(1 for (s,) in rows if s == MemberStatus.PROBATIONARY.value)
    return len(rows), len(rows) - probationary, probationary


def _branch_signature() -> Signature:
    return Signature(authority=BRANCH_AUTHORITY, title=BRANCH_SIGNER_TITLE, name="")


def admission_resolution(
    session: Session, member: Member, office: OfficeContext, labels: Labels
) -> AdmissionResolutionDraft:
    """The branch resolution proposing admission (6-KNĐ), pre-filled with the candidate."""
    cycle = load_cycle(session, member.id)
    total, official, probationary = _branch_counts(session, member)
    introducers = tuple(r.full_name for r in introducers_of(session, member.id, cycle))
    return AdmissionResolutionDraft(
        header=_branch_header(session, member, office, "NQ"),
        signature=_branch_signature(),
        branch=branch_name(session, member),
        full_name=member.full_name,
        birth_date=member.birth_date,
        hometown=member.hometown,
        introducers=introducers or _split_names(member.introducers),
        members_total=total,
        members_official=official,
        members_probationary=probationary,
        form_code=labels.form_code("6-KND"),
    )


def recognition_resolution(
    session: Session, member: Member, office: OfficeContext, labels: Labels
) -> RecognitionResolutionDraft:
    """The branch resolution proposing official membership (13-KNĐ), pre-filled."""
    ceremony = member.ceremony_date
    official = member.official_date
    if official is None and ceremony is not None:
        official = official_date(ceremony, load_rule_table(session))
    total, official_count, probationary = _branch_counts(session, member)
    return RecognitionResolutionDraft(
        header=_branch_header(session, member, office, "NQ"),
        signature=_branch_signature(),
        branch=branch_name(session, member),
        full_name=member.full_name,
        birth_date=member.birth_date,
        hometown=member.hometown,
        admitted_on=ceremony,
        official_on=official,
        members_total=total,
        members_official=official_count,
        members_probationary=probationary,
        form_code=labels.form_code("13-KND"),
    )


def _split_names(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (text or "").replace(",", ";").split(";") if part.strip())


# --- transfer letter ----------------------------------------------------------------------


def transfer_letter(
    session: Session,
    transfer: Transfer,
    member: Member,
    office: OfficeContext,
    number: str,
    signature: Signature,
) -> TransferLetter:
    """Giấy giới thiệu sinh hoạt đảng from the transfer row and its stored hops.

    Box 1 is the letter this office issues; the boxes after it are the receiving side of
    the chain stored in `hops_json` when the letter was issued (the member's branch and
    the committees up to this office come before the letter, not after it).
    """
    kind = transfer.kind if transfer.kind in LETTER_KINDS else LETTER_OFFICIAL
    names = _org_names(session, [transfer.to_organization_id])
    destination = transfer.to_text or names.get(transfer.to_organization_id or -1, "")
    hops = tuple(h.name for h in hops_from_json(transfer.hops_json) if h.side == "receiving")
    probationary = member.official_date is None or member.official_date > transfer.letter_date
    valid_days = 30
    if transfer.present_by is not None:
        valid_days = (transfer.present_by - transfer.letter_date).days
    return TransferLetter(
        kind=kind,
        header=office.header(number, transfer.letter_date),
        signature=signature,
        to_text=destination,
        member_name=member.full_name,
        birth_date=member.birth_date,
        probationary=probationary,
        admitted_on=member.ceremony_date or member.decision_date,
        official_on=None if probationary else member.official_date,
        card_number=member.card_no or "",
        biography_number=member.biography_no or "",
        list_number="" if member.branch_list_no is None else str(member.branch_list_no),
        destination=destination,
        hops=hops,
        dues_paid_through=transfer.dues_paid_through,
        valid_until=transfer.present_by,
        valid_days=valid_days,
        period_from=transfer.letter_date if kind == LETTER_TEMPORARY else None,
        period_until=transfer.ends_on if kind == LETTER_TEMPORARY else None,
    )


# --- member sheet -------------------------------------------------------------------------


def member_photo(session: Session, member_id: int) -> bytes | None:
    """The member's photo bytes (JPEG or PNG), None when there is none."""
    row = session.scalars(select(MemberPhoto).where(MemberPhoto.member_id == member_id)).first()
    if row is None or row.deleted_at is not None or not row.image:
        return None
    return bytes(row.image)


def _ceremony_branch(session: Session, member: Member) -> str:
    org_id = session.scalar(
        select(MemberEvent.organization_id)
        .where(
            MemberEvent.member_id == member.id,
            MemberEvent.kind == EventKind.CEREMONY.value,
            MemberEvent.deleted_at.is_(None),
        )
        .order_by(MemberEvent.on_date.desc(), MemberEvent.id.desc())
        .limit(1)
    )
    return _org_names(session, [org_id]).get(org_id or -1, "")


def with_detail(label: str, detail: str) -> str:
    """«label, detail», or whichever of the two is not empty."""
    return f"{label}, {detail}" if label and detail else label or detail


def member_sheet(
    session: Session,
    member: Member,
    office: OfficeContext,
    on: date,
    signature: Signature,
    labels: Labels,
) -> MemberSheet:
    """Phiếu đảng viên with the member's photo (or the empty 3×4 frame)."""
    branch = branch_name(session, member)
    parent_id = session.scalar(
        select(Organization.parent_id).where(Organization.id == member.organization_id)
    )
    parent = _org_names(session, [parent_id]).get(parent_id or -1, "")
    return MemberSheet(
        header=office.header("", on),
        signature=signature,
        full_name=member.full_name,
        card_number=member.card_no or "",
        biography_number=member.biography_no or "",
        other_names=member.other_names,
        sex=sex_label(member.sex),
        birth_date=member.birth_date,
        birthplace=member.birthplace,
        hometown=member.hometown,
        residence=member.permanent_address,
        temporary_residence=member.temporary_address,
        ethnicity=labels.name("ethnicity", member.ethnicity_code),
        religion=labels.name("religion", member.religion_code),
        cccd=member.cccd or "",
        occupation=with_detail(labels.name("occupation", member.occupation_code), member.workplace),
        general_education=labels.name("general_education", member.general_education),
        qualification=with_detail(
            labels.name("qualification", member.qualification_code), member.major
        ),
        academic_title=labels.name("academic_title", member.academic_title_code),
        theory=labels.name("theory", member.theory_code),
        state_management=labels.name("state_management", member.state_management_code),
        foreign_language=labels.name("foreign_language", member.foreign_language),
        it_level=labels.name("it_level", member.it_level),
        youth_union_on=member.youth_union_date,
        admitted_on=member.ceremony_date or member.decision_date,
        admitted_at=_ceremony_branch(session, member),
        official_on=member.official_date,
        introducers=_split_names(member.introducers),
        branch=", ".join(part for part in (branch, parent) if part),
        position=member.party_position or member.job_title,
        photo=member_photo(session, member.id),
    )


# --- list book ----------------------------------------------------------------------------

#: Who the book keeps: everyone admitted, including those who since left, died or moved
#: away (the 14-column book records those dates rather than dropping the line).
BOOK_STATUSES = (
    *(s.value for s in COUNTED_STATUSES),
    MemberStatus.TRANSFERRED_OUT.value,
    MemberStatus.LEFT.value,
    MemberStatus.DECEASED.value,
)
_BOOK_EVENTS = (
    EventKind.TRANSFER_OUT.value,
    EventKind.TRANSFER_IN.value,
    EventKind.DIED.value,
    EventKind.BADGE.value,
    *_LEAVING,
)


@dataclass
class _BookFacts:
    """What the events and memberships add to one member's line."""

    out_on: date | None = None
    out_to: str = ""
    in_on: date | None = None
    in_from: str = ""
    died_on: date | None = None
    left_on: date | None = None
    left_kind: str = ""
    badge_years: int = 0


def _event_facts(rows: Sequence[Any], facts: dict[int, _BookFacts]) -> None:
    for member_id, kind, on, counterpart, details_json in rows:
        f = facts.setdefault(member_id, _BookFacts())
        if kind == EventKind.TRANSFER_OUT.value:
            f.out_on, f.out_to = on, counterpart
        elif kind == EventKind.TRANSFER_IN.value:
            f.in_on, f.in_from = on, counterpart
        elif kind == EventKind.DIED.value:
            f.died_on = on
        elif kind == EventKind.BADGE.value:
            try:
                years = int(json.loads(details_json or "{}").get("years") or 0)
            except (ValueError, TypeError, AttributeError):
                years = 0
            f.badge_years = max(f.badge_years, years)
        elif kind in _LEAVING:
            f.left_on, f.left_kind = on, EventKind(kind).label


def _membership_facts(
    session: Session, ids: Sequence[int], inside: set[int], facts: dict[int, _BookFacts]
) -> None:
    """Internal moves across the subtree's border count as moving in or out of the book."""
    periods: dict[int, list[tuple[date, date | None, int]]] = {}
    for member_id, org_id, start, end in session.execute(
        select(
            Membership.member_id,
            Membership.organization_id,
            Membership.valid_from,
            Membership.valid_to,
        )
        .where(Membership.member_id.in_(ids), Membership.deleted_at.is_(None))
        .order_by(Membership.member_id, Membership.valid_from)
    ):
        periods.setdefault(member_id, []).append((start, end, org_id))
    names = _org_names(session, {org for ps in periods.values() for _s, _e, org in ps})
    for member_id, ps in periods.items():
        f = facts.setdefault(member_id, _BookFacts())
        for before, after in itertools.pairwise(ps):
            if before[2] not in inside and after[2] in inside and f.in_on is None:
                f.in_on, f.in_from = after[0], names.get(before[2], "")
            if before[2] in inside and after[2] not in inside:
                f.out_on, f.out_to = before[1] or after[0], names.get(after[2], "")


def list_book_rows(
    session: Session, organization_id: int, labels: Labels
) -> tuple[ListBookRow, ...]:
    """The book's lines for the organization's whole subtree, in Vietnamese list order."""
    inside = set(subtree_ids(session, organization_id))
    ever_inside = select(Membership.member_id).where(
        Membership.organization_id.in_(inside), Membership.deleted_at.is_(None)
    )
    members = session.scalars(
        select(Member)
        .where(
            Member.deleted_at.is_(None),
            Member.status.in_(BOOK_STATUSES),
            or_(Member.organization_id.in_(inside), Member.id.in_(ever_inside)),
        )
        .order_by(Member.name_sort_key, Member.id)
    ).all()
    ids = [m.id for m in members]
    facts: dict[int, _BookFacts] = {}
    if ids:
        _membership_facts(session, ids, inside, facts)
        events = session.execute(
            select(
                MemberEvent.member_id,
                MemberEvent.kind,
                MemberEvent.on_date,
                MemberEvent.counterpart,
                MemberEvent.details_json,
            )
            .where(
                MemberEvent.member_id.in_(ids),
                MemberEvent.deleted_at.is_(None),
                MemberEvent.kind.in_(_BOOK_EVENTS),
            )
            .order_by(MemberEvent.on_date, MemberEvent.id)
        ).all()
        _event_facts(events, facts)
    rows: list[ListBookRow] = []
    for number, m in enumerate(members, start=1):
        f = facts.get(m.id, _BookFacts())
        badge = m.badge_no or ""
        if f.badge_years:
            badge = with_detail(f"Huy hiệu {f.badge_years} năm", badge)
        note = MemberStatus(m.status).label if m.status == MemberStatus.EXEMPTED.value else ""
        rows.append(
            ListBookRow(
                number=number,
                full_name=m.full_name,
                sex=sex_label(m.sex),
                ethnicity=labels.name("ethnicity", m.ethnicity_code),
                religion=labels.name("religion", m.religion_code),
                hometown=m.hometown,
                general_education=labels.name("general_education", m.general_education),
                theory=labels.name("theory", m.theory_code),
                qualification=labels.name("qualification", m.qualification_code),
                foreign_language=labels.name("foreign_language", m.foreign_language),
                occupation_before=labels.name("occupation", m.occupation_before_code),
                occupation_now=labels.name("occupation", m.occupation_code),
                admitted_on=m.ceremony_date or m.decision_date,
                official_on=m.official_date,
                card_number=m.card_no or "",
                biography_number=m.biography_no or "",
                badge=badge,
                service=_SERVICE.get(m.occupation_code or "", ""),
                transferred_out_on=f.out_on,
                transferred_out_to=f.out_to,
                transferred_in_on=f.in_on,
                transferred_in_from=f.in_from,
                died_on=f.died_on
                or (m.left_on if m.status == MemberStatus.DECEASED.value else None),
                left_on=f.left_on,
                left_kind=f.left_kind,
                note=note,
            )
        )
    return tuple(rows)


def list_book(
    session: Session, organization_id: int, office: OfficeContext, on: date, labels: Labels
) -> ListBook:
    """Sổ danh sách đảng viên of an organization and everything under it.

    The office's own book carries the office header; a branch's or a đảng bộ's book names
    that organization as the keeper under its parent (the form prints the keeper under
    the title), as the book kept by that organization does.
    """
    header = office.header("", on)
    if organization_id != office.organization_id:
        org = session.get(Organization, organization_id)
        if org is not None:
            parent = _org_names(session, [org.parent_id]).get(org.parent_id or -1, "")
            header = Header(
                superior=(parent or office.name).upper(),
                issuer=org.name.upper(),
                number="",
                place=office.place,
                on=on,
            )
    return ListBook(header=header, rows=list_book_rows(session, organization_id, labels))


# --- badge list ---------------------------------------------------------------------------


def badge_list(
    session: Session,
    lists: BadgeLists,
    office: OfficeContext,
    on: date,
    signature: Signature,
) -> BadgeProposalList:
    """Danh sách đề nghị tặng Huy hiệu Đảng: the members due at the occasion."""
    due = lists.due
    details = {
        member_id: (hometown, official)
        for member_id, hometown, official in session.execute(
            select(Member.id, Member.hometown, Member.official_date).where(
                Member.id.in_([c.member_id for c in due])
            )
        )
    }
    rows = tuple(
        BadgeRow(
            full_name=c.full_name,
            birth_year=c.birth_date.year if c.birth_date else None,
            hometown=details.get(c.member_id, ("", None))[0],
            branch=c.organization_name,
            admitted_on=c.decision_date,
            official_on=details.get(c.member_id, ("", None))[1],
            party_age_years=c.age_months // 12,
            threshold=c.years,
            note="Miễn sinh hoạt" if c.status == MemberStatus.EXEMPTED.value else "",
        )
        for c in due
    )
    occasion = lists.occasion
    return BadgeProposalList(
        header=office.header("", on),
        signature=signature,
        occasion=f"{occasion.day:02d}/{occasion.month:02d}/{occasion.year}",
        rows=rows,
    )


__all__ = [
    "BOOK_STATUSES",
    "BRANCH_AUTHORITY",
    "COMMITTEE_AUTHORITY",
    "Labels",
    "OfficeContext",
    "admission_decision",
    "admission_resolution",
    "badge_list",
    "branch_name",
    "committee_signature",
    "list_book",
    "list_book_rows",
    "member_photo",
    "member_sheet",
    "office_context",
    "recognition_decision",
    "recognition_resolution",
    "sex_label",
    "transfer_letter",
    "with_detail",
]
