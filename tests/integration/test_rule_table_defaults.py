"""A database seeded by an older partydesk still reads the rules shipped since."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select

from partydesk.db.models import RuleParameterRow
from partydesk.rules import RuleTable
from partydesk.services.rule_table import load_rule_table, set_rule


def test_a_key_the_database_lacks_reads_its_shipped_default(db):
    # As if the office had been created before `report.admission_target` was shipped.
    with db.session("test.drop_rule") as session:
        session.execute(
            delete(RuleParameterRow).where(RuleParameterRow.key == "report.admission_target")
        )
    with db.reader() as session:
        assert not session.scalars(
            select(RuleParameterRow).where(RuleParameterRow.key == "report.admission_target")
        ).all()
        table = load_rule_table(session)
    assert table.value("report.admission_target", date(2026, 12, 31)) == 0
    assert len(table) == len(RuleTable.default())


def test_stored_values_still_win_over_the_defaults(db):
    with db.session("test.set_target") as session:
        set_rule(session, "report.admission_target", date(2026, 1, 1), 40, "Nghị quyết 05-NQ/ĐU")
    with db.reader() as session:
        table = load_rule_table(session)
    assert table.value("report.admission_target", date(2026, 12, 31)) == 40
    assert table.value("report.admission_target", date(2025, 12, 31)) == 0
