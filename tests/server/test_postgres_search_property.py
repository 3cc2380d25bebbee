"""Property: the server's name query matches exactly the rows FTS5 matches (random names)."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import column, select, table, text

from partydesk.db.server_search import name_condition, name_query
from partydesk.rules import fold
from partydesk.services.member_queries import _fts_query

pytestmark = pytest.mark.postgres

# Vietnamese letters (all fold to ASCII), digits and what clerks type between words.
_LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵAĂĐÊÔƠƯ"
)
_WORD = st.text(alphabet=_LETTERS + "0123456789", min_size=1, max_size=4)
_GLUE = st.sampled_from([" ", " ", " ", "-", "'", ".", ", ", '"', "  "])


@st.composite
def _phrase(draw: st.DrawFn, max_words: int) -> str:
    words = draw(st.lists(_WORD, min_size=0, max_size=max_words))
    glue = [draw(_GLUE) for _ in words]
    return "".join(w + g for w, g in zip(words, glue, strict=True)).strip()


_NAMES = st.lists(st.tuples(_phrase(4), _phrase(2)), min_size=1, max_size=6)


@st.composite
def _case(draw: st.DrawFn) -> tuple[list[tuple[str, str]], str]:
    """Names, and typed text: random, or a piece of one of the names (so it often matches)."""
    names = draw(_NAMES)
    if draw(st.booleans()):
        return names, draw(_phrase(3))
    words = " ".join(draw(st.sampled_from(names))).split()
    if not words:
        return names, ""
    start = draw(st.integers(0, len(words) - 1))
    end = draw(st.integers(start + 1, len(words)))
    picked = words[start:end]
    picked[-1] = picked[-1][: draw(st.integers(1, len(picked[-1])))]  # still being typed
    return names, " ".join(draw(st.permutations(picked)))


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(case=_case())
def test_server_query_matches_what_fts5_matches(pg_db, case):
    names, typed = case
    folded = [(fold(n), fold(o)) for n, o in names]
    lite = sqlite3.connect(":memory:")
    lite.execute(
        "CREATE VIRTUAL TABLE f USING fts5(name_fold, other_names_fold,"
        " tokenize='unicode61 remove_diacritics 2')"
    )
    lite.executemany(
        "INSERT INTO f(rowid, name_fold, other_names_fold) VALUES (?, ?, ?)",
        [(i, n, o) for i, (n, o) in enumerate(folded, start=1)],
    )
    fts = _fts_query(typed)
    expected: set[int] = set()
    if fts is not None:
        try:
            expected = {r[0] for r in lite.execute("SELECT rowid FROM f WHERE f MATCH ?", (fts,))}
        except sqlite3.OperationalError:
            expected = set()  # FTS5 refuses a query made of nothing: nothing matches
    lite.close()

    query = name_query(typed)
    with pg_db.reader() as session:
        session.execute(
            text(
                "CREATE TEMP TABLE t (id integer, name_fold text, other_names_fold text)"
                " ON COMMIT DROP"
            )
        )
        session.execute(
            text("INSERT INTO t VALUES (:id, :n, :o)"),
            [{"id": i, "n": n, "o": o} for i, (n, o) in enumerate(folded, start=1)],
        )
        found: set[int] = set()
        if query is not None:
            t = table("t", column("id"))
            found = set(session.scalars(select(t.c.id).where(name_condition(query, "t"))))
    event("some rows match" if expected else "no row matches")
    assert found == expected, (folded, typed, fts, query)
