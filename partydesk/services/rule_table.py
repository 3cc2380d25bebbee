"""The dated rule table in the database: seeding the defaults and reading it back."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk.db.models import RuleParameterRow
from partydesk.rules import DEFAULT_RULES, RuleParameter, RuleTable


def seed_default_rules(session: Session) -> int:
    """Add the shipped default parameters that the table lacks; returns how many were added.

    A parameter is identified by key and valid_from: an administrator's edits (rows with
    `is_default` false) are never overwritten.
    """
    present = set(session.execute(select(RuleParameterRow.key, RuleParameterRow.valid_from)))
    added = 0
    for parameter in DEFAULT_RULES:
        if (parameter.key, parameter.valid_from) in present:
            continue
        session.add(
            RuleParameterRow(
                key=parameter.key,
                valid_from=parameter.valid_from,
                value_json=json.dumps(parameter.value, ensure_ascii=False),
                source=parameter.source,
                note=parameter.note,
                uncertain=parameter.uncertain,
                is_default=True,
            )
        )
        added += 1
    return added


def load_rule_table(session: Session) -> RuleTable:
    """The rule table as stored (defaults plus the administrator's dated changes)."""
    rows = session.scalars(
        select(RuleParameterRow)
        .where(RuleParameterRow.deleted_at.is_(None))
        .order_by(RuleParameterRow.is_default.desc(), RuleParameterRow.id)
    ).all()
    if not rows:
        return RuleTable.default()
    # Shipped rows come first, so an administrator's row from the same date as a shipped
    # one replaces it (the shipped row itself is never changed: services/rule_admin.py).
    chosen = {(row.key, row.valid_from): row for row in rows}
    # Under the shipped defaults: a key that a newer partydesk ships and this database
    # was not seeded with still has its default (seeding happens at `init`).
    return RuleTable.default().with_overrides(
        RuleParameter(
            key=row.key,
            valid_from=row.valid_from,
            value=json.loads(row.value_json),
            source=row.source,
            note=row.note,
            uncertain=row.uncertain,
        )
        for row in chosen.values()
    )


def set_rule(
    session: Session, key: str, valid_from: date, value: object, source: str, note: str = ""
) -> None:
    """Record an administrator's value for `key` from `valid_from` (audited by the flush)."""
    row = session.scalars(
        select(RuleParameterRow).where(
            RuleParameterRow.key == key, RuleParameterRow.valid_from == valid_from
        )
    ).first()
    encoded = json.dumps(value, ensure_ascii=False)
    if row is None:
        session.add(
            RuleParameterRow(
                key=key,
                valid_from=valid_from,
                value_json=encoded,
                source=source,
                note=note,
                is_default=False,
            )
        )
    else:
        row.value_json = encoded
        row.source = source
        row.note = note
        row.is_default = False
