"""The rule table editor: list rules, show a key's history, add or revert a dated value.

The shipped defaults are never changed in place: an administrator adds a row for a key
from a date, which overrides whatever applied before from that date on (and the shipped
row of the same date, if any). A value is checked against the type of the shipped
default, a reason is required and kept in the row's note (so in its audit entry), and a
reverted row is a tombstone, still shown in the history.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk import errors
from partydesk.db.base import utcnow
from partydesk.db.engine import Database
from partydesk.db.models import RuleParameterRow
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import DEFAULT_RULES, RuleMissing, RuleParameter, RuleTable
from partydesk.services.rule_table import load_rule_table

errors.add_messages(
    {
        "rules.unknown_key": (
            "Không có tham số quy định «{key}».",
            "There is no rule parameter '{key}'.",
        ),
        "rules.bad_value": (
            "Giá trị «{value}» không hợp lệ cho «{key}»: {problem}",
            "Value '{value}' is not valid for '{key}': {problem_en}",
        ),
        "rules.reason_required": (
            "Hãy ghi lý do thay đổi tham số «{key}» (căn cứ văn bản).",
            "Give the reason for changing '{key}' (the text it comes from).",
        ),
        "rules.not_found": (
            "Không có giá trị do quản trị viên nhập cho «{key}» từ ngày {on}.",
            "No administrator's value of '{key}' from {on}.",
        ),
        "rules.default_row": (
            "Giá trị của «{key}» từ ngày {on} là mặc định theo {source}: không hủy được,"
            " hãy thêm giá trị mới có ngày hiệu lực.",
            "The value of '{key}' from {on} is a shipped default ({source}): it cannot be"
            " reverted; add a new dated value instead.",
        ),
    }
)


@dataclass(frozen=True)
class RuleRow:
    """A rule as the editor lists it: the value in force on the day asked.

    `in_force` is False when no value applied yet that day (then the first value is
    shown); `edited` when the value shown is an administrator's; `overrides` counts the
    key's live administrator rows.
    """

    key: str
    value: Any
    valid_from: date
    source: str
    note: str
    uncertain: bool
    edited: bool
    in_force: bool
    overrides: int


@dataclass(frozen=True)
class RuleHistoryRow:
    """One stored value of a key: shipped or an administrator's, live or reverted."""

    key: str
    valid_from: date
    value: Any
    source: str
    note: str
    uncertain: bool
    is_default: bool
    reverted: bool


def _shipped(key: str) -> RuleParameter | None:
    found = [p for p in DEFAULT_RULES if p.key == key]
    return max(found, key=lambda p: p.valid_from) if found else None


def _problem(vi: str, en: str) -> tuple[str, str]:
    return vi, en


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_value(template: Any, value: Any) -> tuple[Any, tuple[str, str] | None]:
    """`value` converted to the shape of `template`, or the problem (vi, en)."""
    if _is_int(template):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not _is_int(value):
            return value, _problem("phải là số nguyên.", "must be a whole number.")
        if value < 0:
            return value, _problem("không được âm.", "cannot be negative.")
        return value, None
    if isinstance(template, float):
        if not (_is_int(value) or isinstance(value, float)) or not math.isfinite(value):
            return value, _problem("phải là số, ví dụ 0.01.", "must be a number, e.g. 0.01.")
        if value < 0:
            return value, _problem("không được âm.", "cannot be negative.")
        if template < 1 and value >= 1:
            return value, _problem(
                "là tỷ lệ, phải nhỏ hơn 1 (1% viết 0.01).",
                "is a rate and must be below 1 (1% is 0.01).",
            )
        return float(value), None
    if isinstance(template, str):
        if not isinstance(value, str) or not value.strip():
            return value, _problem("phải là chuỗi chữ không rỗng.", "must be non-empty text.")
        return value.strip(), None
    if isinstance(template, list):
        return _check_list(template, value)
    if isinstance(template, dict):
        if not isinstance(value, dict):
            return value, _problem(
                'phải là bảng mã → số tiền, ví dụ {"khac": 10000}.',
                'must map codes to amounts, e.g. {"khac": 10000}.',
            )
        for code, amount in value.items():
            if not str(code).strip() or not _is_int(amount) or amount <= 0:
                return value, _problem(
                    "mỗi mã phải có số tiền nguyên dương.",
                    "every code needs a positive whole amount.",
                )
        return {str(k): v for k, v in value.items()}, None
    return value, _problem("kiểu giá trị không được hỗ trợ.", "unsupported value type.")


def _check_list(template: list[Any], value: Any) -> tuple[Any, tuple[str, str] | None]:
    if not isinstance(value, list) or not value:
        return value, _problem("phải là danh sách không rỗng.", "must be a non-empty list.")
    pairs = bool(template) and isinstance(template[0], list)
    if pairs:
        for item in value:
            if not (isinstance(item, list) and len(item) == 2 and all(_is_int(x) for x in item)):
                return value, _problem(
                    "mỗi phần tử phải là [tháng, ngày], ví dụ [[2, 3], [5, 19]].",
                    "every item must be [month, day], e.g. [[2, 3], [5, 19]].",
                )
            try:
                date(2000, item[0], item[1])
            except ValueError:
                return value, _problem(
                    f"không có ngày {item[1]}/{item[0]}.", f"there is no day {item[1]}/{item[0]}."
                )
        return value, None
    if not all(_is_int(x) and x > 0 for x in value):
        return value, _problem(
            "mỗi phần tử phải là số nguyên dương.", "every item must be a positive whole number."
        )
    if sorted(set(value)) != value:
        return value, _problem(
            "các số phải tăng dần, không trùng.", "the numbers must increase, without repeats."
        )
    return value, None


def validate_value(key: str, value: Any, table: RuleTable | None = None) -> Any:
    """Check `value` for rule `key` against the type of the shipped default; return it clean.

    Errors: `rules.unknown_key`, `rules.bad_value` (the problem says why).
    """
    shipped = _shipped(key)
    template: Any
    if shipped is not None:
        template = shipped.value
    elif table is not None and table.history(key):
        template = table.history(key)[-1].value
    else:
        raise PartydeskError("rules.unknown_key", key=key)
    clean, problem = _check_value(template, value)
    if problem is not None:
        raise ValidationError(
            "rules.bad_value",
            field=key,
            key=key,
            value=json.dumps(value, ensure_ascii=False),
            problem=problem[0],
            problem_en=problem[1],
        )
    return clean


def _rows(session: Session, key: str | None = None) -> list[RuleParameterRow]:
    query = select(RuleParameterRow)
    if key is not None:
        query = query.where(RuleParameterRow.key == key)
    return list(
        session.scalars(query.order_by(RuleParameterRow.key, RuleParameterRow.valid_from)).all()
    )


def list_rules(db: Database, on: date | None = None) -> list[RuleRow]:
    """Every rule key with the value in force on `on` (default today), sorted by key."""
    on = on or date.today()
    with db.reader() as session:
        table = load_rule_table(session)
        admin = {
            (row.key, row.valid_from)
            for row in _rows(session)
            if not row.is_default and row.deleted_at is None
        }
        result: list[RuleRow] = []
        keys = table.keys()
        for key in keys:
            try:
                parameter, in_force = table.parameter(key, on), True
            except RuleMissing:
                parameter, in_force = table.history(key)[0], False
            result.append(
                RuleRow(
                    key=key,
                    value=parameter.value,
                    valid_from=parameter.valid_from,
                    source=parameter.source,
                    note=parameter.note,
                    uncertain=parameter.uncertain,
                    edited=(key, parameter.valid_from) in admin,
                    in_force=in_force,
                    overrides=sum(1 for k, _ in admin if k == key),
                )
            )
        return result


def rule_history(db: Database, key: str) -> list[RuleHistoryRow]:
    """Every stored value of `key`, oldest first, reverted rows included and marked.

    Errors: `rules.unknown_key`.
    """
    with db.reader() as session:
        rows = _rows(session, key)
        if not rows and _shipped(key) is None:
            raise PartydeskError("rules.unknown_key", key=key)
        return [
            RuleHistoryRow(
                key=row.key,
                valid_from=row.valid_from,
                value=json.loads(row.value_json),
                source=row.source,
                note=row.note,
                uncertain=row.uncertain,
                is_default=row.is_default,
                reverted=row.deleted_at is not None,
            )
            for row in rows
        ]


def set_rule_value(
    db: Database,
    key: str,
    valid_from: date,
    value: Any,
    reason: str,
    actor: str | None = None,
    source: str = "",
    uncertain: bool = False,
) -> RuleHistoryRow:
    """Add an administrator's value of `key` from `valid_from` (one audited transaction).

    `reason` (required) goes into the row's note, `source` cites the text (default: the
    administrator's change). A shipped row is never changed: the new row overrides it
    from its date. An administrator's live row of the same date is reverted (kept as a
    tombstone) and replaced. Errors: `rules.unknown_key`, `rules.bad_value`,
    `rules.reason_required`.
    """
    text = (reason or "").strip()
    who = actor or db.actor
    with db.session("rules.set") as session:
        table = load_rule_table(session)
        known = table.keys()
        if key not in known and _shipped(key) is None:
            raise PartydeskError("rules.unknown_key", key=key)
        clean = validate_value(key, value, table)
        if not text:
            raise ValidationError("rules.reason_required", field="Lý do", key=key)
        for row in _rows(session, key):
            if row.valid_from == valid_from and not row.is_default and row.deleted_at is None:
                row.deleted_at = utcnow()
                row.note = f"{row.note} [Thay bằng giá trị mới: {text}]".strip()
        row = RuleParameterRow(
            key=key,
            valid_from=valid_from,
            value_json=json.dumps(clean, ensure_ascii=False),
            source=(source or "").strip() or f"Điều chỉnh của quản trị viên ({who})",
            note=text,
            uncertain=uncertain,
            is_default=False,
        )
        session.add(row)
        session.flush()
        load_rule_table(session)  # the table must still build with the new row
        return RuleHistoryRow(
            key, valid_from, clean, row.source, row.note, row.uncertain, False, False
        )


def revert_rule(db: Database, key: str, valid_from: date, reason: str) -> None:
    """Revert an administrator's value of `key` from `valid_from` (a tombstone, audited).

    What applied before it applies again. Errors: `rules.reason_required`,
    `rules.not_found`, `rules.default_row` (shipped values cannot be reverted).
    """
    text = (reason or "").strip()
    if not text:
        raise ValidationError("rules.reason_required", field="Lý do", key=key)
    with db.session("rules.revert") as session:
        rows = [
            r for r in _rows(session, key) if r.valid_from == valid_from and r.deleted_at is None
        ]
        admin = [r for r in rows if not r.is_default]
        if not admin:
            if rows:
                raise PartydeskError(
                    "rules.default_row", key=key, on=f"{valid_from:%d/%m/%Y}", source=rows[0].source
                )
            raise PartydeskError("rules.not_found", key=key, on=f"{valid_from:%d/%m/%Y}")
        for row in admin:
            row.deleted_at = utcnow()
            row.note = f"{row.note} [Hủy: {text}]"
