"""The numbered document register (sổ đăng ký văn bản): numbers per issuer, type and year.

Every printed Party document gets a number `n-TYPE/ISSUER` (domain.md §5, Hướng dẫn
36-HD/VPTW 2018) from the register of its issuing body, document type and year. The number
is taken inside the caller's transaction, as max + 1 over every row of that register
(voided ones included), so a number is never given twice: a void keeps its number with
the reason, a reprint keeps its number and counts the print, and a transaction rolled back
after taking a number leaves no row and hence no gap that a later number could collide
with. The unique constraint on (issuer, type, year, number) backs the rule in the schema.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from partydesk import catalogue_files
from partydesk.db.engine import Database
from partydesk.db.models import CatalogueItem, IssuedDocument, Member, Office
from partydesk.db.portable import lock_for_writing
from partydesk.errors import PartydeskError, ValidationError, add_messages
from partydesk.rules import clean_text

add_messages(
    {
        "document.not_found": (
            "Không tìm thấy văn bản có mã {ref} trong sổ đăng ký.",
            "No document with reference {ref} in the register.",
        ),
        "document.already_void": (
            "Văn bản số {number} đã bị hủy ngày {date} ({reason}).",
            "Document {number} was already voided on {date} ({reason}).",
        ),
        "document.voided": (
            "Văn bản số {number} đã bị hủy: không in lại được.",
            "Document {number} was voided: it cannot be printed again.",
        ),
        "document.year_mismatch": (
            "Ngày văn bản {date} không thuộc năm {year} của sổ đăng ký.",
            "The document date {date} is not in the register year {year}.",
        ),
    }
)

#: The catalogue that lists document types and their abbreviations (GT, QĐ, NQ…).
DOCUMENT_TYPE_CATALOGUE = "document_type"

#: Document type of transfer letters (giấy giới thiệu sinh hoạt đảng); its abbreviation
#: "GT" is flagged uncertain in the catalogue (some committees write "GGT").
TRANSFER_LETTER_TYPE = "GT"


@dataclass(frozen=True)
class DocumentRow:
    """A register entry as lists, the CLI and the forms see it."""

    id: int
    issuer_symbol: str
    doc_type: str
    year: int
    number: int
    number_text: str
    form_code: str
    issued_on: date
    member_id: int | None
    member_name: str
    subject: str
    signer: str
    file_name: str
    print_count: int
    void_reason: str
    voided_on: date | None

    @property
    def voided(self) -> bool:
        """True once the document was voided (its number stays used)."""
        return self.voided_on is not None


@functools.cache
def _shipped_abbreviations() -> dict[str, str]:
    return {
        item.code: str(item.extra.get("abbreviation") or item.code)
        for item in catalogue_files.load_catalogue(DOCUMENT_TYPE_CATALOGUE)
    }


def abbreviations(session: Session) -> dict[str, str]:
    """Document type code → abbreviation written in numbers, from the database catalogue."""
    rows = session.execute(
        select(CatalogueItem.code, CatalogueItem.extra_json).where(
            CatalogueItem.catalogue == DOCUMENT_TYPE_CATALOGUE
        )
    ).all()
    found: dict[str, str] = {}
    for code, extra in rows:
        try:
            abbreviation = json.loads(extra or "{}").get("abbreviation")
        except (ValueError, AttributeError):
            abbreviation = None
        found[code] = str(abbreviation or code)
    return found or dict(_shipped_abbreviations())


def format_number(
    doc: IssuedDocument | DocumentRow, abbreviations: Mapping[str, str] | None = None
) -> str:
    """The number as written on the document: "12-GT/ĐU" (n-TYPE/ISSUER, 36-HD/VPTW).

    `abbreviations` maps type codes to their abbreviation (QD → QĐ); without it the
    shipped catalogue is used.
    """
    table = abbreviations if abbreviations is not None else _shipped_abbreviations()
    return f"{doc.number}-{table.get(doc.doc_type, doc.doc_type)}/{doc.issuer_symbol}"


def office_symbol(session: Session) -> str:
    """The office's issuer abbreviation for numbers (ĐU, HU…); `office.missing` if none."""
    symbol = session.scalar(select(Office.number_symbol).limit(1))
    if symbol is None:
        raise PartydeskError("office.missing")
    return symbol


def next_number(session: Session, issuer_symbol: str, doc_type: str, year: int) -> int:
    """The number the next document of this register will get (max + 1, voids included)."""
    # Tombstoned rows count too: a number once written on paper is never reused. On a
    # server, other writers wait until this transaction ends, so max + 1 stays unique.
    lock_for_writing(session, IssuedDocument.__tablename__)
    current = session.scalar(
        select(func.max(IssuedDocument.number)).where(
            IssuedDocument.issuer_symbol == issuer_symbol,
            IssuedDocument.doc_type == doc_type,
            IssuedDocument.year == year,
        )
    )
    return (current or 0) + 1


def issue_number(
    session: Session,
    issuer_symbol: str,
    doc_type: str,
    year: int,
    *,
    issued_on: date,
    form_code: str = "",
    member_id: int | None = None,
    subject: str = "",
    signer: str = "",
) -> IssuedDocument:
    """Take the next number of the register (issuer, type, year) inside an open transaction.

    The row is flushed at once so the unique constraint is checked before the caller goes
    on; the number is kept only if the caller's transaction commits. Commit before
    printing: a print that fails afterwards leaves the number used, never repeated.

    Errors: `field.required` (issuer), `field.unknown_code` (type not in the catalogue
    `document_type`), `document.year_mismatch`.
    """
    issuer = clean_text(issuer_symbol)
    if not issuer:
        raise ValidationError("field.required", field="Ký hiệu cơ quan ban hành")
    known = abbreviations(session)
    if doc_type not in known:
        raise ValidationError(
            "field.unknown_code",
            field="Thể loại văn bản",
            value=doc_type,
            catalogue=DOCUMENT_TYPE_CATALOGUE,
        )
    if issued_on.year != year:
        raise PartydeskError("document.year_mismatch", date=_d(issued_on), year=year)
    doc = IssuedDocument(
        issuer_symbol=issuer,
        doc_type=doc_type,
        year=year,
        number=next_number(session, issuer, doc_type, year),
        form_code=form_code,
        issued_on=issued_on,
        member_id=member_id,
        subject=clean_text(subject),
        signer=clean_text(signer),
    )
    session.add(doc)
    session.flush()
    return doc


def _d(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def _get(session: Session, document_id: int) -> IssuedDocument:
    doc = session.get(IssuedDocument, document_id)
    if doc is None or doc.deleted_at is not None:
        raise PartydeskError("document.not_found", ref=document_id)
    return doc


def _row(doc: IssuedDocument, table: Mapping[str, str], member_name: str) -> DocumentRow:
    return DocumentRow(
        id=doc.id,
        issuer_symbol=doc.issuer_symbol,
        doc_type=doc.doc_type,
        year=doc.year,
        number=doc.number,
        number_text=format_number(doc, table),
        form_code=doc.form_code,
        issued_on=doc.issued_on,
        member_id=doc.member_id,
        member_name=member_name,
        subject=doc.subject,
        signer=doc.signer,
        file_name=doc.file_name,
        print_count=doc.print_count,
        void_reason=doc.void_reason,
        voided_on=doc.voided_on,
    )


def document_row(session: Session, doc: IssuedDocument) -> DocumentRow:
    """The plain row of a register entry."""
    name = ""
    if doc.member_id is not None:
        name = session.scalar(select(Member.full_name).where(Member.id == doc.member_id)) or ""
    return _row(doc, abbreviations(session), name)


def void_in_session(session: Session, doc: IssuedDocument, reason: str, on: date) -> None:
    """Void a document inside an open unit of work (the number stays used)."""
    text = clean_text(reason)
    if not text:
        raise ValidationError("field.required", field="Lý do hủy")
    if doc.voided_on is not None:
        raise PartydeskError(
            "document.already_void",
            number=format_number(doc, abbreviations(session)),
            date=_d(doc.voided_on),
            reason=doc.void_reason,
        )
    if on < doc.issued_on:
        raise ValidationError(
            "date.order",
            later="Ngày hủy",
            later_value=_d(on),
            earlier="Ngày văn bản",
            earlier_value=_d(doc.issued_on),
        )
    doc.void_reason = text
    doc.voided_on = on


def void_document(db: Database, document_id: int, reason: str, on: date) -> DocumentRow:
    """Void a numbered document: it stays in the register with its number and the reason.

    Errors (nothing written): `document.not_found`, `field.required` (reason),
    `document.already_void`, `date.order` (void before the document's date).
    """
    with db.session("documents.void") as session:
        doc = _get(session, document_id)
        void_in_session(session, doc, reason, on)
        return document_row(session, doc)


def record_print(db: Database, document_id: int, file_name: str) -> DocumentRow:
    """Log a print (or reprint) of a document: same number, one more print, file name kept.

    Errors: `document.not_found`, `document.voided`.
    """
    with db.session("documents.print") as session:
        doc = _get(session, document_id)
        if doc.voided_on is not None:
            raise PartydeskError(
                "document.voided", number=format_number(doc, abbreviations(session))
            )
        doc.print_count = (doc.print_count or 0) + 1
        doc.file_name = file_name
        return document_row(session, doc)


def get_document(db: Database, document_id: int) -> DocumentRow:
    """One register entry; `document.not_found` when there is none."""
    with db.reader() as session:
        return document_row(session, _get(session, document_id))


def list_documents(
    db: Database, year: int, doc_type: str | None = None, issuer: str | None = None
) -> list[DocumentRow]:
    """The register of a year, by issuer, type and number (voided entries included)."""
    with db.reader() as session:
        query = select(IssuedDocument).where(
            IssuedDocument.year == year, IssuedDocument.deleted_at.is_(None)
        )
        table = abbreviations(session)
        if doc_type:
            # Accept the abbreviation as written on documents too ("QĐ" for code "QD").
            codes = {code for code, abbreviation in table.items() if abbreviation == doc_type}
            query = query.where(IssuedDocument.doc_type.in_(codes | {doc_type}))
        if issuer:
            query = query.where(IssuedDocument.issuer_symbol == issuer)
        docs = session.scalars(
            query.order_by(
                IssuedDocument.issuer_symbol, IssuedDocument.doc_type, IssuedDocument.number
            )
        ).all()
        names = dict(
            session.execute(
                select(Member.id, Member.full_name).where(
                    Member.id.in_({d.member_id for d in docs if d.member_id is not None})
                )
            ).all()
        )
        return [
            _row(doc, table, names.get(doc.member_id, "") if doc.member_id else "") for doc in docs
        ]
