"""The numbered document register on a real SQLite file: numbers, years, voids, reprints."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from partydesk.db.models import AuditEntry, IssuedDocument
from partydesk.errors import PartydeskError, ValidationError
from partydesk.services.document_register import (
    format_number,
    get_document,
    issue_number,
    list_documents,
    record_print,
    void_document,
)


def _issue(db, doc_type: str = "GT", on: date = date(2026, 3, 5), issuer: str = "ĐU") -> int:
    with db.session("test.issue") as session:
        return issue_number(
            session, issuer, doc_type, on.year, issued_on=on, subject="Giấy giới thiệu"
        ).number


def _register(path: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(
            "SELECT issuer_symbol, doc_type, year, number, void_reason, print_count"
            " FROM issued_document ORDER BY id"
        ).fetchall()
    finally:
        con.close()


def test_numbers_grow_per_register_and_restart_each_year(db):
    assert [_issue(db) for _ in range(3)] == [1, 2, 3]
    assert _issue(db, "QD") == 1  # another type, another register
    assert _issue(db, issuer="HU") == 1  # another issuing body
    assert _issue(db, on=date(2027, 1, 2)) == 1  # a new year starts again at 1
    assert _issue(db, on=date(2026, 12, 31)) == 4
    rows = list_documents(db, 2026, doc_type="GT", issuer="ĐU")
    assert [r.number_text for r in rows] == ["1-GT/ĐU", "2-GT/ĐU", "3-GT/ĐU", "4-GT/ĐU"]
    decisions = list_documents(db, 2026, doc_type="QD")
    assert [r.number_text for r in decisions] == ["1-QĐ/ĐU"]  # abbreviation from catalogue
    assert list_documents(db, 2026, doc_type="QĐ") == decisions
    assert len(list_documents(db, 2026)) == 6
    assert [r.number_text for r in list_documents(db, 2027)] == ["1-GT/ĐU"]
    with db.reader() as session:
        assert (
            session.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.table_name == "issued_document")
            )
            == 7
        )


def test_rolled_back_number_is_not_left_behind_and_not_repeated(db, db_path):
    assert _issue(db) == 1
    taken: list[int] = []

    def crash_after_issue() -> None:
        with db.session("test.crash") as session:
            taken.append(issue_number(session, "ĐU", "GT", 2026, issued_on=date(2026, 4, 1)).number)
            raise RuntimeError("power cut while building the letter")

    with pytest.raises(RuntimeError, match="power cut"):
        crash_after_issue()
    assert taken == [2]
    assert _register(db_path) == [("ĐU", "GT", 2026, 1, "", 0)]
    assert _issue(db) == 2  # the rolled-back number was never on paper: taken again, once
    numbers = [r[3] for r in _register(db_path)]
    assert numbers == sorted(set(numbers))


def test_committed_number_stays_used_when_printing_fails(db, db_path):
    with db.session("test.issue") as session:
        doc_id = issue_number(session, "ĐU", "GT", 2026, issued_on=date(2026, 4, 1)).id

    def print_letter() -> None:
        raise OSError("printer on fire")

    with pytest.raises(OSError, match="printer"):
        print_letter()
    assert _issue(db) == 2  # number 1 is used even though nothing was printed
    first = record_print(db, doc_id, "gt-1.pdf")
    again = record_print(db, doc_id, "gt-1-lan-2.pdf")
    assert (first.print_count, again.print_count) == (1, 2)
    assert again.number_text == "1-GT/ĐU"
    assert again.file_name == "gt-1-lan-2.pdf"


def test_void_needs_a_reason_and_keeps_the_number(db, db_path):
    with db.session("test.issue") as session:
        doc_id = issue_number(session, "ĐU", "GT", 2026, issued_on=date(2026, 4, 1)).id
    before = _register(db_path)
    with pytest.raises(ValidationError) as refused:
        void_document(db, doc_id, "   ", date(2026, 4, 2))
    assert refused.value.code == "field.required"
    with pytest.raises(ValidationError) as early:
        void_document(db, doc_id, "Viết sai ô 1", date(2026, 3, 31))
    assert early.value.code == "date.order"
    assert _register(db_path) == before
    row = void_document(db, doc_id, "Viết sai ô 1", date(2026, 4, 2))
    assert row.voided
    assert row.void_reason == "Viết sai ô 1"
    assert row.number_text == "1-GT/ĐU"
    with pytest.raises(PartydeskError) as twice:
        void_document(db, doc_id, "again", date(2026, 4, 3))
    assert twice.value.code == "document.already_void"
    with pytest.raises(PartydeskError) as reprint:
        record_print(db, doc_id, "x.pdf")
    assert reprint.value.code == "document.voided"
    assert _issue(db) == 2  # a void never frees its number
    assert get_document(db, doc_id).voided_on == date(2026, 4, 2)


def test_bad_input_is_refused_and_writes_nothing(db, db_path):
    before = _register(db_path)
    with pytest.raises(ValidationError) as unknown, db.session("test") as session:
        issue_number(session, "ĐU", "XYZ", 2026, issued_on=date(2026, 1, 5))
    assert unknown.value.code == "field.unknown_code"
    with pytest.raises(PartydeskError) as year, db.session("test") as session:
        issue_number(session, "ĐU", "GT", 2025, issued_on=date(2026, 1, 5))
    assert year.value.code == "document.year_mismatch"
    with pytest.raises(ValidationError), db.session("test") as session:
        issue_number(session, " ", "GT", 2026, issued_on=date(2026, 1, 5))
    with pytest.raises(PartydeskError) as missing:
        void_document(db, 999, "x", date(2026, 1, 5))
    assert missing.value.code == "document.not_found"
    assert _register(db_path) == before


def test_format_number_without_a_session():
    doc = IssuedDocument(issuer_symbol="ĐU", doc_type="QD", year=2026, number=127)
    assert format_number(doc) == "127-QĐ/ĐU"
    assert format_number(doc, {"QD": "QĐ-X"}) == "127-QĐ-X/ĐU"
