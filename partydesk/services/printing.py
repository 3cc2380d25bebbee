"""Printing Party documents: numbering, the register, the PDF, one request or a batch.

The entry point of the print feature (print_api.md). One request runs as architecture.md
§3 describes: one transaction reads the subject, checks that its state fits the form,
takes (or finds) the number in the document register and builds the form's plain data;
it commits **before** the PDF is rendered, so a crash mid-print leaves a used number,
never a repeated one. The form then writes the file atomically, and
`document_register.record_print` logs the print (file name, print count).

Numbers (domain.md §5, 36-HD/VPTW): a decision takes the next number of the office's
register for type QĐ and the year, unless the member's event already has a decision
number (that number is used and its register row found or created), or a number taken
by an earlier print of the same pending decision is still live (reused, not wasted). A
transfer letter uses the register row the transfer took when it was issued. Member
sheet, list book, drafts, CV and badge list are unnumbered and not in the register.

The forms themselves (keys, titles, renderers, file names) are `print_forms`; the data
each form prints is built by `print_data`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from partydesk.codes import EventKind, MemberStatus, TransferDirection, TransferStatus
from partydesk.db.engine import Database
from partydesk.db.models import IssuedDocument, Member, Organization, Transfer
from partydesk.documents.pdf.frame import Margins, Signature
from partydesk.errors import PartydeskError, ValidationError, add_messages
from partydesk.rules import nfc
from partydesk.services import cadre_cv_data, print_data
from partydesk.services.badges import candidates_in, next_occasions, occasions
from partydesk.services.cadre_records import cadre_detail
from partydesk.services.candidates import Cycle, CycleEvent, grassroots_committee, load_cycle
from partydesk.services.document_register import (
    abbreviations,
    format_number,
    issue_number,
    record_print,
)
from partydesk.services.member_lookup import get_member
from partydesk.services.print_forms import (
    FORM_KEYS,
    FORM_SUBJECT,
    FORM_TITLES,
    NUMBER,
    NUMBERED_FORMS,
    SUBJECT_NAMES,
    file_stem,
    free_name,
    page_count,
    renderer,
)
from partydesk.services.print_settings import (
    PrintSettings,
    load_print_settings,
    print_settings,
    save_print_settings,
)
from partydesk.services.rule_table import load_rule_table
from partydesk.services.transfer_queries import get_transfer

__all__ = [
    "FORM_KEYS",
    "FORM_SUBJECT",
    "FORM_TITLES",
    "NUMBERED_FORMS",
    "PrintRequest",
    "PrintSettings",
    "PrintedDocument",
    "file_stem",
    "forms_for_member",
    "letters_of_day",
    "print_batch",
    "print_document",
    "print_settings",
    "reprint_document",
    "save_print_settings",
]

add_messages(
    {
        "print.unknown_form": (
            "Không có mẫu in «{form}» (có: {known}).",
            "No printed form '{form}' (known: {known}).",
        ),
        "print.not_applicable": (
            "Không in được «{title}» cho {name}: {reason}.",
            "Cannot print '{title}' for {name}: {reason_en}.",
        ),
        "print.ref_required": (
            "Mẫu «{title}» cần chọn {subject}.",
            "The form '{title}' needs a {subject_en}.",
        ),
        "print.not_occasion": (
            "Ngày {value} không phải đợt trao Huy hiệu Đảng (các đợt: {occasions}).",
            "{value} is not a Party badge award occasion (occasions: {occasions}).",
        ),
        "print.busy": (
            "Cơ sở dữ liệu đang bận (máy khác đang ghi): hãy in lại sau ít giây.",
            "The database is busy (another computer is writing): print again in a moment.",
        ),
    }
)

#: Decision forms: the event that records the decision and the step that proposes it.
_DECISIONS = {
    "admission_decision": (EventKind.ADMISSION_DECISION, EventKind.BRANCH_RESOLUTION),
    "recognition_decision": (EventKind.RECOGNITION, EventKind.RECOGNITION_BRANCH_RESOLUTION),
}
_DECISION_SUBJECT = {
    "admission_decision": "Kết nạp đảng viên",
    "recognition_decision": "Công nhận đảng viên chính thức",
}
_MEMBER_STATES = (
    MemberStatus.PROBATIONARY.value,
    MemberStatus.OFFICIAL.value,
    MemberStatus.EXEMPTED.value,
    MemberStatus.TRANSFERRED_OUT.value,
)
#: Retries when another writer holds the database (two clerks printing at once).
_BUSY_RETRIES = 8


@dataclass(frozen=True)
class PrintRequest:
    """One document to print; `ref` per `FORM_SUBJECT` (None for the badge list).

    `on` dates a new document (default today); a document that has its date already
    (a recorded or pending decision, a transfer letter) keeps it. Empty signer fields
    take the print settings' (the name recorded with a decision or letter first).
    """

    form: str
    ref: int | None
    on: date | None = None
    occasion: date | None = None
    signer_title: str = ""
    signer_name: str = ""


@dataclass(frozen=True)
class PrintedDocument:
    """A printed file, its register row and number ("" / None for unnumbered forms)."""

    form: str
    path: Path
    document_id: int | None
    number: str
    subject: str
    pages: int


@dataclass(frozen=True)
class _Job:
    """What one print needs once the transaction has committed: data, number, file name."""

    form: str
    data: Any
    document_id: int | None
    number: str
    subject: str
    on: date
    margins: Margins = field(default_factory=Margins)


class _Shared:
    """Office identity, print settings and type abbreviations: read once per print or batch.

    A batch of a thousand letters would otherwise read the same three things a thousand
    times (a third of the service's own time per letter).
    """

    def __init__(self) -> None:
        self._loaded: tuple[print_data.OfficeContext, PrintSettings, dict[str, str]] | None = None

    def load(
        self, session: Session
    ) -> tuple[print_data.OfficeContext, PrintSettings, dict[str, str]]:
        """The office, the settings and the abbreviations (read on first use)."""
        if self._loaded is None:
            self._loaded = (
                print_data.office_context(session),
                load_print_settings(session),
                abbreviations(session),
            )
        return self._loaded


# --- small helpers ------------------------------------------------------------------------


def _check_form(form: str) -> None:
    if form not in FORM_KEYS:
        raise PartydeskError("print.unknown_form", form=form, known=", ".join(FORM_KEYS))


def _ref(request: PrintRequest) -> int:
    if request.ref is None:
        vi, en = SUBJECT_NAMES[FORM_SUBJECT[request.form]]
        raise PartydeskError(
            "print.ref_required", title=FORM_TITLES[request.form], subject=vi, subject_en=en
        )
    return request.ref


def _refuse(form: str, name: str, reason: tuple[str, str]) -> PartydeskError:
    return PartydeskError(
        "print.not_applicable",
        title=FORM_TITLES[form],
        name=name,
        reason=reason[0],
        reason_en=reason[1],
    )


def _target(out_dir: Path, job: _Job) -> Path:
    stem = file_stem(job.form, job.subject, job.number, job.on)
    path = out_dir / f"{stem}.pdf"
    if job.document_id is not None or not path.exists():
        return path  # a reprint of a numbered document replaces its earlier file
    # Unnumbered forms are not in the register: never overwrite another print.
    return free_name(path)


def _busy(exc: OperationalError) -> bool:
    message = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
    return "locked" in message or "busy" in message


def _retry_busy(work: Callable[[], Any]) -> Any:
    """Run a unit of work again when SQLite reports another writer (busy snapshot)."""
    for attempt in range(_BUSY_RETRIES):
        try:
            return work()
        except OperationalError as exc:
            if not _busy(exc) or attempt == _BUSY_RETRIES - 1:
                if _busy(exc):
                    raise PartydeskError("print.busy") from exc
                raise
            time.sleep(0.02 * (attempt + 1))
    raise AssertionError("unreachable")


def _take_write_lock(session: Session) -> None:
    # SQLite begins transactions deferred: a read-then-write unit of work fails at once
    # (SQLITE_BUSY_SNAPSHOT) when another writer committed after its read. Taking the
    # write lock first makes "max + 1" and the insert one critical section, and the
    # busy timeout then queues concurrent prints instead of failing them.
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("UPDATE issued_document SET number = number WHERE 0"))


def _signature(request: PrintRequest, settings: PrintSettings, recorded: str = "") -> Signature:
    title = request.signer_title or settings.signer_title
    name = request.signer_name or recorded or settings.signer_name
    return print_data.committee_signature(title, name)


# --- applicability of member forms --------------------------------------------------------


@dataclass(frozen=True)
class _Number:
    number: int
    doc_type: str
    issuer: str


def _parse_number(session: Session, value: str) -> _Number | None:
    """The parts of a number ("12-QĐ/ĐU" → 12, "QD", "ĐU"); None when not n-TYPE/ISSUER."""
    match = NUMBER.match(nfc(value))
    if match is None:
        return None
    abbreviation = match.group(2)
    table = abbreviations(session)
    codes = [code for code, abbr in table.items() if nfc(abbr) == abbreviation]
    doc_type = codes[0] if codes else abbreviation
    return _Number(int(match.group(1)), doc_type, match.group(3))


def _decided_elsewhere(
    session: Session, event: CycleEvent, office: print_data.OfficeContext
) -> tuple[str, str] | None:
    parsed = _parse_number(session, event.number)
    if parsed is None:
        return (
            f"số quyết định «{event.number}» không theo dạng n-QĐ/{office.symbol}",
            f"the decision number '{event.number}' is not of the form n-QĐ/{office.symbol}",
        )
    if parsed.doc_type != "QD" or parsed.issuer != nfc(office.symbol):
        return (
            f"quyết định số {event.number} do cấp khác ban hành",
            f"decision {event.number} was issued by another body",
        )
    return None


def _member_reason(
    session: Session,
    member: Member,
    form: str,
    cycle: Cycle,
    office: print_data.OfficeContext,
) -> tuple[str, str] | None:
    """Why the member's state does not fit the form (Vietnamese, English), None if it does."""
    status = MemberStatus(member.status)
    state = (f"đang ở trạng thái «{status.label}»", f"the status is '{status.value}'")
    if form in _DECISIONS:
        decided_kind, proposed_kind = _DECISIONS[form]
        decided = cycle.get(decided_kind)
        if decided is not None:
            if not decided.number.strip():
                return (
                    "quyết định đã ghi nhận không có số văn bản",
                    "the recorded decision has no number",
                )
            return _decided_elsewhere(session, decided, office)
        waiting = (
            MemberStatus.CANDIDATE if form == "admission_decision" else MemberStatus.PROBATIONARY
        )
        if status is not waiting:
            return state
        if cycle.get(proposed_kind) is None:
            return (
                f"chưa có «{proposed_kind.label}»",
                f"there is no '{proposed_kind.value}' yet",
            )
        if (
            form == "admission_decision"
            and grassroots_committee(session, member.organization_id) is not None
            and cycle.get(EventKind.GRASSROOTS_RESOLUTION) is None
        ):
            return (
                f"chưa có «{EventKind.GRASSROOTS_RESOLUTION.label}»",
                "there is no grassroots committee resolution yet",
            )
        return None
    if form == "member_sheet":
        return None if member.status in _MEMBER_STATES else state
    if form == "admission_resolution":
        if status is not MemberStatus.CANDIDATE:
            return state
        if cycle.get(EventKind.ADMISSION_DECISION) is not None:
            return ("đã có quyết định kết nạp", "the admission decision is already recorded")
        return None
    if form == "recognition_resolution":
        if status is not MemberStatus.PROBATIONARY:
            return state
        return None
    return ("mẫu này không in theo đảng viên", "this form is not printed per member")


def forms_for_member(db: Database, member_id: int) -> list[str]:
    """The member forms (FORM_KEYS order) that apply to the member's present state.

    Errors: `member.not_found`.
    """
    with db.reader() as session:
        member = get_member(session, member_id)
        office = print_data.office_context(session)
        cycle = load_cycle(session, member.id)
        return [
            form
            for form in FORM_KEYS
            if FORM_SUBJECT[form] == "member"
            and _member_reason(session, member, form, cycle, office) is None
        ]


# --- preparing a job (the transaction) ----------------------------------------------------


def _decision_document(
    session: Session,
    member: Member,
    form: str,
    cycle: Cycle,
    office: print_data.OfficeContext,
    request: PrintRequest,
    signer: str,
) -> tuple[IssuedDocument, date]:
    """The register row of the decision: the recorded number's, a pending one, or a new one."""
    decided_kind, proposed_kind = _DECISIONS[form]
    subject = f"{_DECISION_SUBJECT[form]}: {member.full_name}"
    decided = cycle.get(decided_kind)
    if decided is not None:
        parsed = _parse_number(session, decided.number)
        assert parsed is not None  # checked by _member_reason
        doc = session.scalars(
            select(IssuedDocument).where(
                IssuedDocument.issuer_symbol == parsed.issuer,
                IssuedDocument.doc_type == parsed.doc_type,
                IssuedDocument.year == decided.on_date.year,
                IssuedDocument.number == parsed.number,
                IssuedDocument.deleted_at.is_(None),
            )
        ).first()
        if doc is None:
            # Typed from a paper decision: enter it in the register under its own number.
            doc = IssuedDocument(
                issuer_symbol=parsed.issuer,
                doc_type=parsed.doc_type,
                year=decided.on_date.year,
                number=parsed.number,
                form_code=form,
                issued_on=decided.on_date,
                member_id=member.id,
                subject=subject,
                signer=decided.signer or signer,
            )
            session.add(doc)
            session.flush()
        return doc, doc.issued_on
    proposed = cycle.get(proposed_kind)
    assert proposed is not None  # checked by _member_reason
    pending = session.scalars(
        select(IssuedDocument)
        .where(
            IssuedDocument.member_id == member.id,
            IssuedDocument.form_code == form,
            IssuedDocument.issued_on >= proposed.on_date,
            IssuedDocument.voided_on.is_(None),
            IssuedDocument.deleted_at.is_(None),
        )
        .order_by(IssuedDocument.id.desc())
    ).first()
    if pending is not None:
        # Printed before and not recorded yet: the same decision, the same number.
        return pending, pending.issued_on
    on = request.on or date.today()
    if on < proposed.on_date:
        raise ValidationError(
            "date.order",
            later="Ngày quyết định",
            later_value=f"{on:%d/%m/%Y}",
            earlier=proposed_kind.label,
            earlier_value=f"{proposed.on_date:%d/%m/%Y}",
        )
    doc = issue_number(
        session,
        office.symbol,
        NUMBERED_FORMS[form],
        on.year,
        issued_on=on,
        form_code=form,
        member_id=member.id,
        subject=subject,
        signer=signer,
    )
    return doc, on


def _decision_job(db: Database, request: PrintRequest, shared: _Shared) -> _Job:
    form = request.form
    member_id = _ref(request)

    def work() -> _Job:
        with db.session(f"print.{form}") as session:
            _take_write_lock(session)
            member = get_member(session, member_id)
            office, settings, table = shared.load(session)
            cycle = load_cycle(session, member.id)
            reason = _member_reason(session, member, form, cycle, office)
            if reason is not None:
                raise _refuse(form, member.full_name, reason)
            decided = cycle.get(_DECISIONS[form][0])
            signature = _signature(request, settings, decided.signer if decided else "")
            doc, on = _decision_document(
                session, member, form, cycle, office, request, signature.name
            )
            number = format_number(doc, table)
            return _decision_data(
                session, form, member, doc, number, on, office, signature, settings
            )

    job: _Job = _retry_busy(work)
    return job


def _decision_data(
    session: Session,
    form: str,
    member: Member,
    doc: IssuedDocument,
    number: str,
    on: date,
    office: print_data.OfficeContext,
    signature: Signature,
    settings: PrintSettings,
) -> _Job:
    if form == "admission_decision":
        labels = print_data.Labels(session)
        data: Any = print_data.admission_decision(
            session, member, office, number, on, signature, labels
        )
    else:
        data = print_data.recognition_decision(session, member, office, number, on, signature)
    return _Job(form, data, doc.id, number, member.full_name, on, settings.margins)


def _transfer_job(
    session: Session, transfer: Transfer, request: PrintRequest, shared: _Shared
) -> _Job:
    member = get_member(session, transfer.member_id)
    form = "transfer_letter"
    if transfer.direction == TransferDirection.IN.value:
        raise _refuse(
            form,
            member.full_name,
            (
                f"giấy giới thiệu số {transfer.letter_no} do «{transfer.from_text}» cấp",
                f"letter {transfer.letter_no} was issued by '{transfer.from_text}'",
            ),
        )
    if transfer.status == TransferStatus.CANCELLED.value:
        raise _refuse(
            form,
            member.full_name,
            ("giấy giới thiệu đã bị hủy", "the letter was cancelled"),
        )
    office, settings, table = shared.load(session)
    number, document_id, recorded = "", None, ""
    if transfer.document_id is not None:
        doc = session.get(IssuedDocument, transfer.document_id)
        if doc is not None and doc.deleted_at is None:
            number = format_number(doc, table)
            if doc.voided_on is not None:
                raise PartydeskError("document.voided", number=number)
            document_id, recorded = doc.id, doc.signer
    signature = _signature(request, settings, recorded)
    data = print_data.transfer_letter(session, transfer, member, office, number, signature)
    return _Job(
        form, data, document_id, number, member.full_name, transfer.letter_date, settings.margins
    )


def _read_job(db: Database, request: PrintRequest, shared: _Shared) -> _Job:
    form = request.form
    on = request.on or date.today()
    if form == "cadre_cv":
        detail = cadre_detail(db, _ref(request))
    with db.reader() as session:
        if form == "transfer_letter":
            return _transfer_job(session, get_transfer(session, _ref(request)), request, shared)
        office, settings, _table = shared.load(session)
        signature = _signature(request, settings)
        if form == "list_book":
            org = session.get(Organization, _ref(request))
            if org is None or org.deleted_at is not None:
                raise PartydeskError("organization.not_found", ref=request.ref)
            labels = print_data.Labels(session)
            data: Any = print_data.list_book(session, org.id, office, on, labels)
            return _Job(form, data, None, "", org.name, on, settings.margins)
        if form == "badge_list":
            occasion = _occasion(session, request.occasion, on)
            lists = candidates_in(session, occasion)
            data = print_data.badge_list(session, lists, office, on, signature)
            return _Job(form, data, None, "", f"dot {occasion:%Y-%m-%d}", on, settings.margins)
        if form == "cadre_cv":
            labels = print_data.Labels(session)
            data = cadre_cv_data.cadre_cv(session, detail, office, on, labels)
            return _Job(form, data, None, "", detail.data.full_name, on, settings.margins)
        member = get_member(session, _ref(request))
        cycle = load_cycle(session, member.id)
        reason = _member_reason(session, member, form, cycle, office)
        if reason is not None:
            raise _refuse(form, member.full_name, reason)
        labels = print_data.Labels(session)
        if form == "member_sheet":
            data = print_data.member_sheet(session, member, office, on, signature, labels)
        elif form == "admission_resolution":
            data = print_data.admission_resolution(session, member, office, labels)
        else:
            data = print_data.recognition_resolution(session, member, office, labels)
        return _Job(form, data, None, "", member.full_name, on, settings.margins)


def _occasion(session: Session, occasion: date | None, on: date) -> date:
    """The award occasion asked for, or the next one from `on`; refuse other dates."""
    rules = load_rule_table(session)
    if occasion is None:
        return next_occasions(on, 1, rules)[0]
    allowed = occasions(rules, occasion)
    if (occasion.month, occasion.day) not in allowed:
        raise PartydeskError(
            "print.not_occasion",
            value=f"{occasion:%d/%m/%Y}",
            occasions=", ".join(f"{d}/{m}" for m, d in allowed),
        )
    return occasion


# --- producing the file -------------------------------------------------------------------


def _produce(db: Database, job: _Job, out_dir: Path) -> PrintedDocument:
    """Render the committed job to `out_dir` (atomically), then log the print."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = _target(out_dir, job)
    render = renderer(job.form)
    try:
        render(job.data, path, job.margins)
    except PermissionError:
        if not path.exists():
            raise
        # Windows refuses to replace a file a PDF viewer holds open: print the reprint
        # beside it rather than fail.
        path = free_name(path)
        render(job.data, path, job.margins)
    pages = page_count(path)
    if job.document_id is not None:
        document_id = job.document_id
        _retry_busy(lambda: record_print(db, document_id, path.name))
    return PrintedDocument(job.form, path, job.document_id, job.number, job.subject, pages)


def print_document(db: Database, request: PrintRequest, out_dir: Path) -> PrintedDocument:
    """Print one document to `out_dir` (see the module docstring for numbering).

    Errors (nothing written, no number taken): `print.unknown_form`, `print.ref_required`,
    `print.not_applicable` (the member's state does not fit the form, the letter was
    received or cancelled, the decision was numbered by another body), `print.not_occasion`,
    `member.not_found`, `transfer.not_found`, `organization.not_found`, `cadre.not_found`,
    `document.voided`, `date.order` (decision dated before the proposal), `office.missing`,
    `print.busy`. A failure while rendering leaves the number taken and no file.
    """
    return _print_one(db, request, out_dir, _Shared())


def _print_one(
    db: Database, request: PrintRequest, out_dir: Path, shared: _Shared
) -> PrintedDocument:
    _check_form(request.form)
    if request.form in _DECISIONS:
        job = _decision_job(db, request, shared)
    else:
        job = _read_job(db, request, shared)
    return _produce(db, job, out_dir)


def reprint_document(db: Database, document_id: int, out_dir: Path) -> PrintedDocument:
    """Print a numbered document again: same number and date, print count + 1.

    The content is rebuilt from the register as it stands (a corrected name prints
    corrected); the member's present state is not checked, the document exists already.

    Errors: `document.not_found`, `document.voided`, `print.unknown_form` (a register row
    that partydesk does not print, such as a document typed from paper).
    """
    with db.reader() as session:
        doc = session.get(IssuedDocument, document_id)
        if doc is None or doc.deleted_at is not None:
            raise PartydeskError("document.not_found", ref=document_id)
        shared = _Shared()
        office, settings, table = shared.load(session)
        number = format_number(doc, table)
        if doc.voided_on is not None:
            raise PartydeskError("document.voided", number=number)
        form = doc.form_code.split(".", 1)[0]
        if form not in NUMBERED_FORMS:
            raise PartydeskError(
                "print.unknown_form", form=doc.form_code, known=", ".join(NUMBERED_FORMS)
            )
        request = PrintRequest(form, None, on=doc.issued_on)
        if form == "transfer_letter":
            transfer = session.scalars(
                select(Transfer).where(Transfer.document_id == doc.id)
            ).first()
            if transfer is None:
                raise PartydeskError("document.not_found", ref=document_id)
            job = _transfer_job(session, transfer, request, shared)
        else:
            if doc.member_id is None:
                raise PartydeskError("document.not_found", ref=document_id)
            member = get_member(session, doc.member_id)
            signature = _signature(request, settings, doc.signer)
            job = _decision_data(
                session, form, member, doc, number, doc.issued_on, office, signature, settings
            )
    return _produce(db, job, out_dir)


def print_batch(
    db: Database,
    requests: Sequence[PrintRequest],
    out_dir: Path,
    progress: Callable[[int, int], bool] | None = None,
) -> list[PrintedDocument]:
    """Print the requests in order; `progress(done, total)` after each, False stops.

    Runs in the calling (worker) thread. Stopping keeps what was printed: those
    documents stay printed and numbered. An error stops the batch and propagates; the
    documents printed before it stay too.
    """
    printed: list[PrintedDocument] = []
    total = len(requests)
    shared = _Shared()
    index = 0
    while index < total:
        chunk = _letter_run(requests, index)
        if not chunk:
            printed.append(_print_one(db, requests[index], out_dir, shared))
            index += 1
            if progress is not None and progress(len(printed), total) is False:
                break
            continue
        jobs, error = _letter_jobs(db, chunk, shared)
        for job in jobs:
            printed.append(_produce(db, job, out_dir))
            if progress is not None and progress(len(printed), total) is False:
                return printed
        if error is not None:
            raise error
        index += len(chunk)
    return printed


#: Transfer letters of a batch are read this many at a time, in one read transaction.
_LETTER_CHUNK = 50


def _letter_run(requests: Sequence[PrintRequest], start: int) -> list[PrintRequest]:
    """The transfer-letter requests from `start` on (at most `_LETTER_CHUNK`), or []."""
    run: list[PrintRequest] = []
    for request in requests[start : start + _LETTER_CHUNK]:
        if request.form != "transfer_letter" or request.ref is None:
            break
        run.append(request)
    return run


def _letter_jobs(
    db: Database, chunk: list[PrintRequest], shared: _Shared
) -> tuple[list[_Job], PartydeskError | None]:
    """Jobs of a run of transfer letters, read together; stops at the first refusal.

    Their numbers were committed when the letters were issued, so reading ahead changes
    nothing in the register. The rows are loaded with three queries and kept in the
    session's identity map, which the per-letter code then reads without SQL: a batch of
    1,000 letters otherwise spends a fifth of the service's own time on single-row reads.
    """
    jobs: list[_Job] = []
    with db.reader() as session:
        ids = [r.ref for r in chunk if r.ref is not None]
        transfers = session.scalars(select(Transfer).where(Transfer.id.in_(ids))).all()
        held = [
            *transfers,
            *session.scalars(
                select(Member).where(Member.id.in_({t.member_id for t in transfers}))
            ).all(),
            *session.scalars(
                select(IssuedDocument).where(
                    IssuedDocument.id.in_({t.document_id for t in transfers if t.document_id})
                )
            ).all(),
        ]
        for request in chunk:
            try:
                transfer = get_transfer(session, _ref(request))
                jobs.append(_transfer_job(session, transfer, request, shared))
            except PartydeskError as exc:
                return jobs, exc
        del held
    return jobs, None


def letters_of_day(db: Database, on: date) -> list[PrintRequest]:
    """A request for every transfer letter this office issued on `on` (cancelled ones not)."""
    with db.reader() as session:
        ids = session.scalars(
            select(Transfer.id)
            .where(
                Transfer.letter_date == on,
                Transfer.deleted_at.is_(None),
                Transfer.direction.in_(
                    [TransferDirection.OUT.value, TransferDirection.INTERNAL.value]
                ),
                Transfer.status != TransferStatus.CANCELLED.value,
            )
            .order_by(Transfer.id)
        ).all()
    return [PrintRequest("transfer_letter", transfer_id, on=on) for transfer_id in ids]
