"""member_input(): the fast MemberInput builder of the Excel import, and the records it feeds."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from partydesk.services.member_input import MemberInput, member_input
from partydesk.services.member_state import EventFact, derive_state, replay_state

VALUES = {
    "full_name": "Nguyễn Văn An",
    "sex": "nam",
    "birth_date": date(1985, 3, 15),
    "organization_id": 7,
    "cccd": "068085000123",
    "ethnicity_code": "02",
    "decision_date": date(2010, 5, 19),
    "ceremony_date": date(2010, 5, 19),
    "notes": "Chuyển đến",
}


def test_member_input_equals_the_dataclass_constructor() -> None:
    built = member_input(VALUES)
    expected = MemberInput(**VALUES)
    assert built == expected
    assert hash(built) == hash(expected)
    assert type(built) is MemberInput
    # Defaults filled in, including the history tuple, and the record stays frozen.
    assert (built.religion_code, built.history, built.card_no) == ("00", (), None)
    with pytest.raises(AttributeError):
        built.full_name = "x"  # type: ignore[misc]
    assert replace(built, notes="").notes == ""


def test_member_input_refuses_what_the_constructor_refuses() -> None:
    with pytest.raises(TypeError, match="nickname"):
        member_input({**VALUES, "nickname": "An"})
    missing = dict(VALUES)
    del missing["birth_date"]
    with pytest.raises(TypeError, match="birth_date"):
        member_input(missing)


def test_replay_state_in_given_order_matches_derive_state() -> None:
    facts = [
        EventFact("recognition", date(2011, 5, 19), "", 3, date(2011, 5, 19)),
        EventFact("admission_decision", date(2010, 5, 19), "12-QĐ/ĐU", 1),
        EventFact("ceremony", date(2010, 5, 19), "", 2),
    ]
    state = derive_state(facts)
    assert state == replay_state(sorted(facts, key=lambda f: (f.on_date, f.id)))
    assert (state.status.value, state.decision_no, state.official_date) == (
        "official",
        "12-QĐ/ĐU",
        date(2011, 5, 19),
    )
    with pytest.raises(ValueError, match="no_such_kind"):
        derive_state([EventFact("no_such_kind", date(2010, 1, 1))])
