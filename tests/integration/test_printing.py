"""The printing service: every form from real register data, numbering, batches, refusals."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from partydesk.db.engine import Database
from partydesk.db.models import Cadre, IssuedDocument, Member, Organization, Transfer
from partydesk.documents.pdf.forms import admission_decision as admission_decision_form
from partydesk.documents.pdf.frame import date_line, nfc
from partydesk.errors import PartydeskError, ValidationError
from partydesk.services import admission, printing
from partydesk.services.cadres import record_post
from partydesk.services.candidates import Step, StepInput
from partydesk.services.database import open_database
from partydesk.services.demo import build_demo_office
from partydesk.services.document_register import get_document, list_documents
from partydesk.services.member_input import HistoryItem, MemberInput
from partydesk.services.members import create_member
from partydesk.services.print_settings import PrintSettings, print_settings, save_print_settings
from partydesk.services.transfer_queries import transfer_detail
from tests.conftest import TODAY
from tests.pdf_helpers import A4_LANDSCAPE, assert_pdf_basics, pdf_lines, pdf_text

PLACE = "Đam Rông"


def _flat(path: Path) -> str:
    """The PDF's words in reading order, white space squeezed (names may wrap in cells)."""
    return " ".join(pdf_text(path, layout=False).split())


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " AND name NOT LIKE 'member_fts%'"
            )
        ]
        return {t: con.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        con.close()


def _candidate(
    db: Database, org: int, name: str, resolved: date = date(2025, 12, 1), serial: int = 0
) -> int:
    """A candidate whose branch resolution proposing admission is recorded."""
    history = (
        HistoryItem("branch_resolution", resolved, f"{serial + 3}-NQ/CB", organization_id=org),
    )
    data = MemberInput(
        full_name=name,
        sex="nam",
        birth_date=date(1995, 3, 4),
        organization_id=org,
        hometown="xã Đạ Tông, tỉnh Lâm Đồng",
        history=history,
    )
    return create_member(db, data, today=TODAY).id


def _official(db: Database, org: int, name: str) -> int:
    data = MemberInput(
        full_name=name,
        sex="nữ",
        birth_date=date(1980, 6, 7),
        organization_id=org,
        decision_date=date(2010, 3, 1),
        ceremony_date=date(2010, 3, 20),
        official_date=date(2011, 3, 20),
    )
    return create_member(db, data, today=TODAY).id


def _decision(db: Database, member: int, on: date) -> printing.PrintedDocument:
    return printing.print_document(
        db, printing.PrintRequest("admission_decision", member, on=on), db_out(db)
    )


def db_out(db: Database) -> Path:
    assert db.path is not None
    return db.path.parent / "out"


# --- the demo office ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = open_database(path, actor="test")
    build_demo_office(db, members=200, seed=3, today=TODAY)
    db.close()
    return path


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    target = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, target)
    db = open_database(target, actor="test")
    yield db
    db.close()


def _first_for(db: Database, form: str) -> int:
    with db.reader() as session:
        ids = session.scalars(select(Member.id).order_by(Member.id)).all()
    for member_id in ids:
        if form in printing.forms_for_member(db, member_id):
            return member_id
    raise AssertionError(f"no demo member fits {form}")


def _name(db: Database, member_id: int) -> str:
    with db.reader() as session:
        return session.get(Member, member_id).full_name  # type: ignore[union-attr]


def test_every_form_prints_from_the_demo_registers(demo: Database, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with demo.reader() as session:
        letter = session.scalars(
            select(Transfer).where(Transfer.document_id.is_not(None)).order_by(Transfer.id)
        ).first()
        assert letter is not None
        cadre = session.scalars(select(Cadre).order_by(Cadre.id)).first()
        assert cadre is not None
        org = session.scalars(select(Organization).where(Organization.code == "LD.01")).one()
        org_id, org_name = org.id, org.name
        place = "Lạc Dương"
        letter_id, letter_date, cadre_id, cadre_name = (
            letter.id,
            letter.letter_date,
            cadre.id,
            cadre.full_name,
        )
        letter_member = _name(demo, letter.member_id)
    member_forms = [f for f in printing.FORM_KEYS if printing.FORM_SUBJECT[f] == "member"]
    for form in member_forms:
        member_id = _first_for(demo, form)
        name = _name(demo, member_id)
        printed = printing.print_document(
            demo, printing.PrintRequest(form, member_id, on=TODAY), out
        )
        assert printed.path.exists()
        assert printed.path.suffix == ".pdf"
        assert printed.path.name.isascii()
        # The member sheet writes the name in capitals, as the paper form does.
        wanted = nfc(name).upper() if form == "member_sheet" else nfc(name)
        assert wanted in _flat(printed.path), form
        assert printed.subject == name
        if form in printing.NUMBERED_FORMS:
            row = get_document(demo, printed.document_id)  # type: ignore[arg-type]
            assert printed.number == row.number_text
            assert printed.number.endswith("-QĐ/ĐU")
            assert any(f"Số {printed.number}" in line for line in pdf_lines(printed.path))
            assert any(date_line(place, row.issued_on) in line for line in pdf_lines(printed.path))
            assert row.print_count == 1
            assert row.file_name == printed.path.name
        else:
            assert printed.number == ""
            assert printed.document_id is None
    # The transfer letter keeps the number the transfer took; its hops come from hops_json.
    detail = transfer_detail(demo, letter_id, TODAY)
    printed = printing.print_document(
        demo, printing.PrintRequest("transfer_letter", letter_id), out
    )
    assert printed.number == detail.document_number
    assert printed.document_id == detail.document_id
    text = _flat(printed.path)
    assert nfc(letter_member) in text
    assert f"Số {printed.number}" in text
    assert date_line(place, letter_date) in " ".join(pdf_text(printed.path).split())
    receiving = [h.name for h in detail.hops if h.side == "receiving"]
    assert receiving
    assert all(nfc(h).upper().split()[-1] in text for h in receiving)
    # List book: the organization's whole subtree, landscape, many lines in list order.
    book = printing.print_document(demo, printing.PrintRequest("list_book", org_id, on=TODAY), out)
    assert_pdf_basics(book.path, size=A4_LANDSCAPE)
    assert book.subject == org_name
    assert book.pages >= 2
    # Badge list of the next occasion, cadre CV.
    badges = printing.print_document(
        demo, printing.PrintRequest("badge_list", None, occasion=date(2027, 2, 3)), out
    )
    assert "03/02/2027" in _flat(badges.path)
    cv = printing.print_document(demo, printing.PrintRequest("cadre_cv", cadre_id, on=TODAY), out)
    assert nfc(cadre_name).upper() in _flat(cv.path).upper()


def test_list_book_keeps_those_who_left_in_vietnamese_order(demo: Database, tmp_path: Path) -> None:
    from partydesk.services import print_data

    with demo.reader() as session:
        root = session.scalars(select(Organization).where(Organization.code == "LD")).one()
        rows = print_data.list_book_rows(session, root.id, print_data.Labels(session))
        statuses = dict(session.execute(select(Member.full_name, Member.status)).all())
        keys = {
            m.full_name: m.name_sort_key
            for m in session.scalars(select(Member).where(Member.deleted_at.is_(None)))
        }
    names = [r.full_name for r in rows]
    assert [keys[n] for n in names] == sorted(keys[n] for n in names)
    assert [r.number for r in rows] == list(range(1, len(rows) + 1))
    assert not any(statuses[n] == "candidate" for n in names)
    assert any(r.died_on for r in rows)
    assert any(r.left_on and r.left_kind for r in rows)
    assert any(r.transferred_out_on and r.transferred_out_to for r in rows)


# --- numbering ----------------------------------------------------------------------------


def test_decisions_in_a_row_reprint_and_a_new_year(db: Database, org_ids, tmp_path: Path) -> None:
    org = org_ids["DR.02"]
    a = _candidate(db, org, "Nguyễn Văn An", serial=1)
    b = _candidate(db, org, "Trần Thị Bình", serial=2)
    c = _candidate(db, org, "Lê Văn Cường", serial=3)
    first = _decision(db, a, date(2025, 12, 20))
    second = _decision(db, b, date(2026, 1, 5))
    third = _decision(db, c, date(2026, 1, 6))
    # Numbers restart each year; two decisions in a row get consecutive numbers.
    assert first.number == "1-QĐ/ĐU"
    assert (second.number, third.number) == ("1-QĐ/ĐU", "2-QĐ/ĐU")
    assert first.path.name == "QD-ket-nap-1-2025-Nguyen-Van-An.pdf"
    assert "Số 1-QĐ/ĐU" in pdf_text(first.path)
    assert any(date_line(PLACE, date(2026, 1, 6)) in line for line in pdf_lines(third.path))
    again = printing.reprint_document(db, third.document_id, tmp_path / "again")  # type: ignore[arg-type]
    assert (again.number, again.document_id) == (third.number, third.document_id)
    assert get_document(db, third.document_id).print_count == 2  # type: ignore[arg-type]
    # Printing the pending decision again is the same document, not a new number.
    assert _decision(db, c, date(2026, 2, 1)).number == "2-QĐ/ĐU"
    assert len(list_documents(db, 2026, "QD")) == 2


def test_a_recorded_decision_keeps_its_number(db: Database, org_ids) -> None:
    org = org_ids["DR.02"]
    a = _candidate(db, org, "Phạm Minh Đức", serial=1)
    printed = _decision(db, a, date(2026, 1, 10))
    admission.record_step(
        db, a, Step.DECISION, StepInput(date(2026, 1, 10), printed.number, "Nguyễn Bí Thư"), TODAY
    )
    again = _decision(db, a, date(2026, 3, 3))
    assert (again.number, again.document_id) == (printed.number, printed.document_id)
    # A decision typed from paper with its own number enters the register under it.
    b = _candidate(db, org, "Võ Thị Én", serial=2)
    admission.record_step(
        db, b, Step.DECISION, StepInput(date(2026, 2, 2), "17-QĐ/ĐU", "Nguyễn Bí Thư"), TODAY
    )
    typed = _decision(db, b, TODAY)
    assert typed.number == "17-QĐ/ĐU"
    assert typed.document_id is not None
    assert get_document(db, typed.document_id).issued_on == date(2026, 2, 2)
    c = _candidate(db, org, "Đỗ Văn Giang", serial=3)
    assert _decision(db, c, date(2026, 3, 1)).number == "18-QĐ/ĐU"


def test_an_interrupted_print_leaves_the_number_used_and_no_file(
    db: Database, org_ids, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = org_ids["DR.02"]
    a = _candidate(db, org, "Nguyễn Văn Ngắt", serial=1)
    b = _candidate(db, org, "Trần Văn Sau", serial=2)
    taken: list[int] = []

    def crash(data: object, path: Path, margins: object = None) -> None:
        with db.reader() as session:
            taken.extend(session.scalars(select(IssuedDocument.number)).all())
        raise RuntimeError("printer driver crashed")

    monkeypatch.setattr(admission_decision_form, "render", crash)
    with pytest.raises(RuntimeError):
        _decision(db, a, date(2026, 1, 5))
    assert taken == [1]  # committed before rendering
    out = db_out(db)
    assert not out.exists() or not any(out.iterdir())
    rows = list_documents(db, 2026, "QD")
    assert [(r.number, r.member_id, r.print_count) for r in rows] == [(1, a, 0)]
    monkeypatch.undo()
    assert _decision(db, b, date(2026, 1, 6)).number == "2-QĐ/ĐU"
    # The interrupted decision prints under the number it took.
    assert _decision(db, a, date(2026, 1, 5)).number == "1-QĐ/ĐU"
    assert sorted(p.name for p in out.iterdir()) == [
        "QD-ket-nap-1-2026-Nguyen-Van-Ngat.pdf",
        "QD-ket-nap-2-2026-Tran-Van-Sau.pdf",
    ]


def test_concurrent_prints_never_repeat_a_number(db: Database, db_path: Path, org_ids) -> None:
    org = org_ids["DR.02"]
    members = [_candidate(db, org, f"Người Thứ {i}", serial=i) for i in range(24)]
    results: dict[int, list[str]] = {0: [], 1: []}
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def worker(index: int) -> None:
        own = open_database(db_path, actor=f"clerk{index}")
        try:
            start.wait()
            for member in members[index::2]:
                printed = printing.print_document(
                    own,
                    printing.PrintRequest("admission_decision", member, on=date(2026, 2, 2)),
                    db_path.parent / f"out{index}",
                )
                results[index].append(printed.number)
        except BaseException as exc:  # reported below, with the thread's numbers
            errors.append(exc)
        finally:
            own.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    numbers = results[0] + results[1]
    assert len(numbers) == len(set(numbers)) == 24
    assert sorted(int(n.split("-")[0]) for n in numbers) == list(range(1, 25))
    assert len(list_documents(db, 2026, "QD")) == 24


# --- refusals -----------------------------------------------------------------------------


def test_a_state_that_does_not_fit_is_refused_with_nothing_written(
    db: Database, db_path: Path, org_ids, tmp_path: Path
) -> None:
    org = org_ids["DR.02"]
    member = _official(db, org, "Hoàng Thị Chính")
    waiting = create_member(
        db,
        MemberInput(
            full_name="Bùi Văn Chờ", sex="nam", birth_date=date(1999, 9, 9), organization_id=org
        ),
        today=TODAY,
    ).id
    out = tmp_path / "out"
    before = _dump(db_path)
    for form, ref in (
        ("admission_decision", member),
        ("recognition_decision", member),
        ("admission_resolution", member),
        ("recognition_resolution", member),
        ("admission_decision", waiting),
        ("member_sheet", waiting),
    ):
        with pytest.raises(PartydeskError) as caught:
            printing.print_document(db, printing.PrintRequest(form, ref), out)
        assert caught.value.code == "print.not_applicable", form
    with pytest.raises(PartydeskError) as caught:
        printing.print_document(db, printing.PrintRequest("nope", member), out)
    assert caught.value.code == "print.unknown_form"
    with pytest.raises(PartydeskError) as caught:
        printing.print_document(db, printing.PrintRequest("member_sheet", None), out)
    assert caught.value.code == "print.ref_required"
    with pytest.raises(PartydeskError) as caught:
        printing.print_document(
            db, printing.PrintRequest("badge_list", None, occasion=date(2027, 2, 4)), out
        )
    assert caught.value.code == "print.not_occasion"
    assert _dump(db_path) == before
    # A decision dated before the branch proposed it.
    pending = _candidate(db, org, "Lý Văn Sớm")
    before = _dump(db_path)
    with pytest.raises(ValidationError):
        _decision(db, pending, date(2025, 11, 1))
    assert _dump(db_path) == before
    assert not out.exists() or not any(out.iterdir())
    assert printing.forms_for_member(db, member) == ["member_sheet"]
    assert printing.forms_for_member(db, waiting) == ["admission_resolution"]
    assert printing.forms_for_member(db, pending) == ["admission_decision", "admission_resolution"]


def test_received_and_cancelled_letters_are_not_printed(demo: Database, tmp_path: Path) -> None:
    with demo.reader() as session:
        received = session.scalars(select(Transfer.id).where(Transfer.direction == "in")).first()
    with pytest.raises(PartydeskError) as caught:
        printing.print_document(demo, printing.PrintRequest("transfer_letter", received), tmp_path)
    assert caught.value.code == "print.not_applicable"
    with pytest.raises(PartydeskError) as caught:
        printing.print_document(demo, printing.PrintRequest("transfer_letter", 99999), tmp_path)
    assert caught.value.code == "transfer.not_found"


# --- batches ------------------------------------------------------------------------------


def test_batch_cancelled_after_two_of_five(db: Database, org_ids, tmp_path: Path) -> None:
    org = org_ids["DR.02"]
    members = [_candidate(db, org, f"Đảng Viên Số {i}", serial=i) for i in range(5)]
    requests = [
        printing.PrintRequest("admission_decision", m, on=date(2026, 1, 9)) for m in members
    ]
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 2

    printed = printing.print_batch(db, requests, tmp_path / "batch", progress)
    assert seen == [(1, 5), (2, 5)]
    assert [p.number for p in printed] == ["1-QĐ/ĐU", "2-QĐ/ĐU"]
    assert len(list(tmp_path.joinpath("batch").iterdir())) == 2
    assert [r.number for r in list_documents(db, 2026, "QD")] == [1, 2]


def test_letters_of_day_print_as_a_batch(demo: Database, tmp_path: Path) -> None:
    with demo.reader() as session:
        day = session.scalar(
            select(Transfer.letter_date).where(Transfer.document_id.is_not(None)).limit(1)
        )
    assert day is not None
    requests = printing.letters_of_day(demo, day)
    assert requests
    assert all(r.form == "transfer_letter" and r.on == day for r in requests)
    printed = printing.print_batch(demo, requests, tmp_path)
    assert len(printed) == len(requests)
    assert printing.letters_of_day(demo, date(2001, 1, 1)) == []
    # An error stops the batch; what was printed before it stays printed.
    broken = [requests[0], printing.PrintRequest("transfer_letter", 99999), *requests]
    with pytest.raises(PartydeskError) as caught:
        printing.print_batch(demo, broken, tmp_path / "broken")
    assert caught.value.code == "transfer.not_found"
    assert [p.name for p in (tmp_path / "broken").iterdir()] == [printed[0].path.name]
    assert get_document(demo, printed[0].document_id).print_count == 2  # type: ignore[arg-type]


# --- settings -----------------------------------------------------------------------------


def test_print_settings_are_saved_validated_and_used(db: Database, org_ids, tmp_path: Path) -> None:
    assert print_settings(db) == PrintSettings()
    save_print_settings(
        db, PrintSettings(top=25, bottom=22, left=35, right=20, signer_name="Nguyễn Văn Thư")
    )
    settings = print_settings(db)
    assert (settings.top, settings.left, settings.signer_title) == (25.0, 35.0, "BÍ THƯ")
    with pytest.raises(ValidationError) as caught:
        save_print_settings(db, PrintSettings(left=4))
    assert caught.value.field == "Lề trái (mm)"
    assert print_settings(db) == settings
    member = _official(db, org_ids["DR.01.01"], "Mai Thị Lề")
    printed = printing.print_document(
        db, printing.PrintRequest("member_sheet", member, on=TODAY), tmp_path
    )
    assert_pdf_basics(printed.path, margins=(25, 22, 35, 20))
    assert "Nguyễn Văn Thư" in _flat(printed.path)
    decision = _decision(db, _candidate(db, org_ids["DR.02"], "Tạ Văn Ký"), TODAY)
    assert get_document(db, decision.document_id).signer == "Nguyễn Văn Thư"  # type: ignore[arg-type]


def test_file_names_are_ascii_and_readable() -> None:
    assert (
        printing.file_stem("admission_decision", "Nguyễn Văn Á", "12-QĐ/ĐU", date(2026, 3, 5))
        == "QD-ket-nap-12-2026-Nguyen-Van-A"
    )
    assert (
        printing.file_stem("member_sheet", "Đặng Thị Ước", "", date(2026, 3, 5))
        == "Phieu-dang-vien-Dang-Thi-Uoc-2026-03-05"
    )


def test_unnumbered_prints_never_overwrite_and_a_locked_file_is_printed_beside(
    db: Database, org_ids, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    member = _official(db, org_ids["DR.02"], "Châu Thị Hai")
    request = printing.PrintRequest("member_sheet", member, on=TODAY)
    first = printing.print_document(db, request, tmp_path)
    second = printing.print_document(db, request, tmp_path)
    assert first.path.name == "Phieu-dang-vien-Chau-Thi-Hai-2026-11-23.pdf"
    assert second.path.name == "Phieu-dang-vien-Chau-Thi-Hai-2026-11-23-2.pdf"
    decision = _decision(db, _candidate(db, org_ids["DR.02"], "Khóa Văn Mở"), TODAY)
    real = admission_decision_form.render

    def locked(data: object, path: Path, margins: object) -> None:
        if path.exists():  # a viewer holds the earlier print open (Windows)
            raise PermissionError(13, "The process cannot access the file", str(path))
        real(data, path, margins)  # type: ignore[arg-type]

    monkeypatch.setattr(admission_decision_form, "render", locked)
    assert decision.document_id is not None
    again = printing.reprint_document(db, decision.document_id, decision.path.parent)
    assert again.path.name == decision.path.stem + "-2.pdf"
    assert get_document(db, decision.document_id).file_name == again.path.name


def test_cadre_cv_from_the_cadre_record(db: Database, org_ids, tmp_path: Path) -> None:
    from partydesk.services.cadre_events import record_cadre_event
    from partydesk.services.cadres import CadreInput, PostInput, create_cadre, record_training

    member = _official(db, org_ids["DR.02"], "Y Blơ Êban")
    cadre = create_cadre(
        db,
        CadreInput(
            full_name="Y Blơ Êban",
            sex="nữ",
            birth_date=date(1980, 6, 7),
            member_id=member,
            hometown="xã Đạ Tông, tỉnh Lâm Đồng",
            workplace="Ủy ban nhân dân xã Đam Rông",
        ),
    ).id
    record_post(db, cadre, PostInput("Phó Chủ tịch UBND xã", date(2021, 7, 1), unit="UBND xã"))
    record_training(db, cadre, "theory", "trung_cap", institution="Trường Chính trị tỉnh")
    record_cadre_event(
        db, cadre, "award", date(2024, 12, 20), details={"form": "Giấy khen của UBND huyện"}
    )
    printed = printing.print_document(
        db, printing.PrintRequest("cadre_cv", cadre, on=TODAY), tmp_path
    )
    text = _flat(printed.path)
    assert nfc("Y Blơ Êban").upper() in text.upper()
    for expected in (
        "Phó Chủ tịch UBND xã",
        "Trường Chính trị tỉnh",
        "Trung cấp",
        "Giấy khen của UBND huyện (2024)",
        "Ngày vào Đảng Cộng sản Việt Nam: 20/3/2010",
    ):
        assert nfc(expected) in text, expected
