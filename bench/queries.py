"""The search queries a clerk types, drawn from the generated members, and their baseline.

Seven kinds, the same number of each: a full name without diacritics ("nguyen thi dao"),
family and middle names ("nguyen van"), the given name alone ("dung"), family and given
names ("tran hung"), a name being typed ("nguyen th"), the first 9 digits of a CCCD and
a full party card number.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from bench.rows import Person
from partydesk.rules import fold

KINDS = (
    "full name",
    "family+middle",
    "given only",
    "family+given",
    "typing prefix",
    "cccd prefix 9",
    "card number",
)


@dataclass(frozen=True)
class Query:
    """One search box text and its kind."""

    kind: str
    text: str


def make_queries(people: Sequence[Person], per_kind: int, seed: int = 7) -> list[Query]:
    """`per_kind` queries of every kind, interleaved (kinds alternate, as a day's work)."""
    rng = random.Random(seed)
    # Name queries come from ordinary three-part names, as a clerk would type them.
    named = [p for p in people if p.family and p.middle and p.given and " " not in p.given]
    if not named:
        named = list(people)
    numbered = [p for p in people if p.cccd and p.card_no]
    by_kind: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for _ in range(per_kind):
        p = rng.choice(named)
        family, middle, given = fold(p.family), fold(p.middle), fold(p.given)
        by_kind["full name"].append(fold(p.full_name))
        by_kind["family+middle"].append(f"{family} {middle}")
        by_kind["given only"].append(fold(rng.choice(named).given))
        by_kind["family+given"].append(f"{family} {given}")
        by_kind["typing prefix"].append(f"{family} {middle[:2]}")
        n = rng.choice(numbered)
        by_kind["cccd prefix 9"].append((n.cccd or "")[:9])
        by_kind["card number"].append(n.card_no or "")
    return [Query(kind, by_kind[kind][i]) for i in range(per_kind) for kind in KINDS]


def is_number_query(text: str) -> bool:
    """Whether partydesk searches identity numbers for `text` (same test as the service)."""
    compact = "".join(text.split())
    return compact[:1].isdigit() and len(compact) >= 3


def baseline_search(conn: sqlite3.Connection, text: str, limit: int = 50) -> list[int]:
    """The plain query a first version would run: LIKE on the folded name or on the numbers."""
    if is_number_query(text):
        prefix = "".join(text.split()) + "%"
        sql = (
            "SELECT id FROM member WHERE cccd LIKE ? OR card_no LIKE ? OR biography_no LIKE ?"
            " LIMIT ?"
        )
        params: list[object] = [prefix, prefix, prefix, limit]
    else:
        tokens = fold(text).split()
        where = " AND ".join("name_fold LIKE ?" for _ in tokens)
        sql = f"SELECT id FROM member WHERE {where} LIMIT ?"
        params = [f"%{token}%" for token in tokens] + [limit]
    return [row[0] for row in conn.execute(sql, params)]
