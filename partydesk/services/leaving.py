"""Leaving the Party, exemption, discipline and re-admission (domain.md §3.2, §3.4).

The member lifecycle after admission, as the command line and the dialogs see it. Each
part lives in a module of its own; this one re-exports their names so that
`leaving.record_leaving` and the like keep working:

- `party_exit`: leaving the Party (expulsion, striking off, asking to leave, death);
- `discipline`: discipline reviews and sanctions;
- `exemption`: exemption from party work and activity, and its due items;
- `readmission`: re-admission of a former member;
- `lifecycle_form`: what the dialogs show and offer;
- `lifecycle_common`: what the steps share (member, dates, events, catalogue facts).

Every use case writes its events in one audited transaction, closes or opens the
membership period where the member's place changes, and refreshes the cached state from
the events. Every check runs before anything is written, so a refused step leaves the
database as it was.
"""

from __future__ import annotations

from partydesk.db.engine import Database
from partydesk.services.discipline import (
    SanctionInput,
    close_discipline_review,
    open_discipline_review,
    record_sanction,
    sanction_choices,
)
from partydesk.services.exemption import (
    EXEMPTION_SOURCE,
    due_items,
    end_exemption,
    start_exemption,
)
from partydesk.services.lifecycle_common import (
    CatalogueFacts,
    RecordResult,
    catalogue_facts,
    catalogue_source,
    check_event_date,
    close_membership,
    get_member,
    last_event,
    under_discipline_review,
)
from partydesk.services.lifecycle_form import (
    MemberLifecycleForm,
    lifecycle_form,
    organization_name,
)
from partydesk.services.member_lookup import resolve_member
from partydesk.services.party_exit import LeaveInput, LeaveKind, leave_party, record_leaving
from partydesk.services.readmission import (
    ReadmissionRefusedError,
    readmission_check,
    readmission_earliest_for,
    readmission_reasons,
    readmit,
)

__all__ = [
    "EXEMPTION_SOURCE",
    "CatalogueFacts",
    "LeaveInput",
    "LeaveKind",
    "MemberLifecycleForm",
    "ReadmissionRefusedError",
    "RecordResult",
    "SanctionInput",
    "catalogue_facts",
    "catalogue_source",
    "check_event_date",
    "close_discipline_review",
    "close_membership",
    "due_items",
    "end_exemption",
    "find_member",
    "get_member",
    "last_event",
    "leave_party",
    "lifecycle_form",
    "open_discipline_review",
    "organization_name",
    "readmission_check",
    "readmission_earliest_for",
    "readmission_reasons",
    "readmit",
    "record_leaving",
    "record_sanction",
    "sanction_choices",
    "start_exemption",
    "under_discipline_review",
]


def find_member(db: Database, ref: str) -> int:
    """The id of the member with CCCD, card number or id `ref` (in that order).

    Raises `member.not_found`.
    """
    return resolve_member(db, ref, fields=("cccd", "card_no"))
