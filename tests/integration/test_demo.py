"""The demo office: realistic, deterministic, and clean under the integrity check."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import func, select

from partydesk.codes import MemberStatus
from partydesk.db.models import Cadre, CadrePlanning, Member, MemberEvent, Organization
from partydesk.rules import check_cccd
from partydesk.services.database import open_database
from partydesk.services.demo import build_demo_office
from partydesk.services.integrity import check_database

TODAY = date(2026, 11, 23)


def _build(path, seed=7, members=600):
    db = open_database(path, actor="test")
    summary = build_demo_office(db, members=members, seed=seed, today=TODAY)
    return db, summary


def test_demo_office_is_realistic_and_clean(tmp_path):
    db, summary = _build(tmp_path / "demo.sqlite3")
    try:
        assert summary.members == 600
        assert summary.organizations > 20
        with db.reader() as session:
            members = session.scalars(select(Member)).all()
            statuses = Counter(m.status for m in members)
            assert statuses[MemberStatus.OFFICIAL] > 400
            for status in (
                MemberStatus.CANDIDATE,
                MemberStatus.PROBATIONARY,
                MemberStatus.LEFT,
                MemberStatus.DECEASED,
                MemberStatus.TRANSFERRED_OUT,
            ):
                assert statuses[status] > 0, status
            families = Counter(m.full_name.split()[0] for m in members)
            assert families.most_common(1)[0][0] == "Nguyễn"
            assert 0.25 < families["Nguyễn"] / len(members) < 0.5
            for m in members:
                if m.cccd:
                    assert check_cccd(m.cccd, m.birth_date, m.sex) == [], m.cccd
            assert len({m.ethnicity_code for m in members}) >= 4
            assert session.scalar(select(func.count()).select_from(MemberEvent)) > 2000
            kinds = set(session.scalars(select(Organization.type_code)))
            assert len(kinds) >= 5
            assert session.scalar(select(func.count()).select_from(Cadre)) >= 20
            assert session.scalar(select(func.count()).select_from(CadrePlanning)) >= 1
        assert check_database(db) == []
    finally:
        db.close()


def test_demo_is_deterministic(tmp_path):
    first, _ = _build(tmp_path / "a.sqlite3", members=150)
    second, _ = _build(tmp_path / "b.sqlite3", members=150)
    try:
        query = select(Member.full_name, Member.birth_date, Member.cccd, Member.status).order_by(
            Member.id
        )
        with first.reader() as a, second.reader() as b:
            assert a.execute(query).all() == b.execute(query).all()
    finally:
        first.close()
        second.close()
