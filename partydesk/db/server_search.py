"""Name search on PostgreSQL with the results of SQLite's FTS5 index.

The office file searches `member_fts` (FTS5, `unicode61`) over the folded names. The hub
has no FTS5; it searches the same folded columns with PostgreSQL's text search, through a
GIN index on `SEARCH_DOCUMENT` (created by migration 0001 on PostgreSQL), and builds its
queries so that they mean what the FTS5 query of `member_queries._fts_query` means:

- the typed text is folded and split at whitespace; each piece is an FTS5 phrase: its
  letter-and-digit runs, one after the other ("van-an" is "van" then "an");
- every phrase must appear, in the full name or in the other names (a phrase never spans
  the two columns), and the last typed piece's last run may be a prefix;
- a piece with no letters or digits is ignored, and text with none at all matches nothing.

Folded Vietnamese is ASCII, so words are runs of [a-z0-9]; a letter that folding leaves
outside ASCII (not Vietnamese) is a separator here, where FTS5 would keep it in the word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_, text

from partydesk.rules import fold

_DOCUMENT = (
    "to_tsvector('simple', regexp_replace({t}name_fold || ' ' || {t}other_names_fold,"
    " '[^a-z0-9]+', ' ', 'g'))"
)
#: The indexed text-search document: both folded name columns, punctuation made spaces.
#: Migration 0001 creates `ix_member_name_search` on exactly this expression; a query must
#: repeat it for PostgreSQL to use the index.
SEARCH_DOCUMENT = _DOCUMENT.format(t="")
_COLUMN_DOCUMENT = "to_tsvector('simple', regexp_replace({column}, '[^a-z0-9]+', ' ', 'g'))"
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class NameQuery:
    """A typed name as PostgreSQL text-search queries (see the module docstring)."""

    phrases: tuple[str, ...]

    @property
    def all_phrases(self) -> str:
        """One tsquery of every phrase (what the index answers)."""
        return " & ".join(f"({p})" for p in self.phrases)


def name_query(typed: str) -> NameQuery | None:
    """The query of `typed`, or None when it holds no letter or digit (matches nothing)."""
    pieces = fold(typed).replace('"', " ").split()
    phrases: list[str] = []
    for number, piece in enumerate(pieces, start=1):
        words = _WORD.findall(piece)
        if not words:
            continue
        lexemes = [f"'{w}'" for w in words]
        if number == len(pieces):
            lexemes[-1] += ":*"
        phrases.append(" <-> ".join(lexemes))
    return NameQuery(tuple(phrases)) if phrases else None


def name_condition(query: NameQuery, table: str = "member") -> Any:
    """The SQL condition "this member's names match `query`" (index first, then recheck).

    A phrase of several words must sit inside one column, as in FTS5: the combined
    document of the index could otherwise join the end of the full name to the start of
    the other names, so such phrases are checked again on each column.
    """
    document = _DOCUMENT.format(t=f"{table}.")
    conditions: list[Any] = [
        text(f"{document} @@ to_tsquery('simple', :all_phrases)").bindparams(
            all_phrases=query.all_phrases
        )
    ]
    for number, phrase in enumerate(query.phrases):
        if "<->" not in phrase:
            continue
        name = f"phrase_{number}"
        per_column = [
            text(
                _COLUMN_DOCUMENT.format(column=f"{table}.{column}")
                + f" @@ to_tsquery('simple', :{name})"
            ).bindparams(**{name: phrase})
            for column in ("name_fold", "other_names_fold")
        ]
        conditions.append(or_(*per_column))
    return and_(*conditions)
