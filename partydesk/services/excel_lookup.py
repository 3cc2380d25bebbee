"""What the Excel import looks up in the database: branches, catalogue names, existing keys.

Read once per preview, in one read session, so checking 50,000 rows costs dictionary
look-ups, not queries.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk.codes import OrgKind
from partydesk.db.models import CatalogueItem, Member, Organization
from partydesk.rules import RuleTable, fold
from partydesk.services.catalogues import CatalogueCodes
from partydesk.services.rule_table import load_rule_table

#: Key columns checked for duplicates (besides name + birth date).
KEY_FIELDS = ("cccd", "card_no", "biography_no")
_AMBIGUOUS = -1
_BRANCH_PREFIXES = ("chi bo co so ", "chi bo ")


@dataclass(frozen=True)
class Branch:
    """A member-holding organization, as the import names it in messages."""

    id: int
    code: str
    name: str


class ImportLookups:
    """Branches by code and name, catalogue codes by name and alias, keys already taken."""

    def __init__(self, session: Session) -> None:
        self.codes = CatalogueCodes(session)
        self.rules: RuleTable = load_rule_table(session)
        self._catalogues: dict[str, dict[str, str]] = {}
        for catalogue, code, name, aliases in session.execute(
            select(
                CatalogueItem.catalogue,
                CatalogueItem.code,
                CatalogueItem.name,
                CatalogueItem.aliases_json,
            ).where(CatalogueItem.active)
        ):
            index = self._catalogues.setdefault(catalogue, {})
            for text in (code, name, *json.loads(aliases or "[]")):
                index.setdefault(fold(text), code)
        self.branches: dict[int, Branch] = {}
        self._branch_index: dict[str, int] = {}
        for org_id, code, name, short, kind in session.execute(
            select(
                Organization.id,
                Organization.code,
                Organization.name,
                Organization.short_name,
                Organization.kind,
            ).where(Organization.deleted_at.is_(None), Organization.dissolved_on.is_(None))
        ):
            if not OrgKind(kind).holds_members:
                continue
            self.branches[org_id] = Branch(org_id, code, name)
            for key in self._branch_keys(code, name, short):
                known = self._branch_index.get(key)
                self._branch_index[key] = org_id if known in (None, org_id) else _AMBIGUOUS
        self.taken: dict[str, dict[str, int]] = {}
        for column in KEY_FIELDS:
            attr = getattr(Member, column)
            # Not dict(result): a Result has keys(), so dict() would take it for a mapping.
            self.taken[column] = {  # noqa: C416
                value: member_id
                for value, member_id in session.execute(
                    select(attr, Member.id).where(attr.is_not(None), Member.deleted_at.is_(None))
                )
            }
        self.people: dict[tuple[str, date], int] = {
            (name_fold, birth): member_id
            for name_fold, birth, member_id in session.execute(
                select(Member.name_fold, Member.birth_date, Member.id).where(
                    Member.deleted_at.is_(None)
                )
            )
        }

    @staticmethod
    def _branch_keys(code: str, name: str, short: str) -> set[str]:
        keys = {fold(code), fold(name)}
        if short:
            keys.add(fold(short))
        for prefix in _BRANCH_PREFIXES:
            if fold(name).startswith(prefix):
                keys.add(fold(name)[len(prefix) :])
                break
        keys.discard("")
        return keys

    def branch(self, text: str) -> tuple[int | None, str]:
        """The branch a cell names (code, name, or name without «Chi bộ»), or a reason."""
        found = self._branch_index.get(fold(text))
        if found is None:
            return None, f"không có chi bộ «{text}» (ghi tên hoặc mã chi bộ đang hoạt động)"
        if found == _AMBIGUOUS:
            return None, f"«{text}» trùng tên nhiều chi bộ: hãy ghi mã chi bộ"
        return found, ""

    def branch_by_code(self, code: str) -> Branch | None:
        """The branch of exactly this code."""
        for branch in self.branches.values():
            if branch.code == code:
                return branch
        return None

    def catalogue_code(self, catalogue: str, text: str) -> str | None:
        """The code of a catalogue entry named by its name, an alias or its code."""
        return self._catalogues.get(catalogue, {}).get(fold(text))
