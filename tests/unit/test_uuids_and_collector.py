"""Batch UUIDs for bulk writes, and the paused cycle collector of bulk steps."""

from __future__ import annotations

import gc
import uuid

from partydesk.db.base import new_uuid, new_uuids
from partydesk.services.collector import paused_collector


def test_new_uuids_are_random_uuid4_in_canonical_text() -> None:
    made = new_uuids(5_000)
    assert len(made) == len(set(made)) == 5_000
    for text in made:
        parsed = uuid.UUID(text)
        assert (parsed.version, parsed.variant) == (4, uuid.RFC_4122)
        assert str(parsed) == text  # lower-case, 36 characters, as new_uuid() writes
    # Every variant digit (8, 9, a, b) and the random digits all occur: nothing is fixed
    # but the version and variant bits.
    assert {text[19] for text in made} == set("89ab")
    assert {text[0] for text in made} == set("0123456789abcdef")
    assert len(new_uuid()) == 36
    assert new_uuids(0) == []


def test_paused_collector_restores_and_freezes() -> None:
    assert gc.isenabled()
    before = gc.get_freeze_count()
    try:
        with paused_collector():
            assert not gc.isenabled()
            kept = [[index] for index in range(1_000)]  # containers the collector tracks
            with paused_collector():  # nested: the inner one changes nothing
                assert not gc.isenabled()
            assert not gc.isenabled()
        assert gc.isenabled()
        # What the step built and kept is out of the collector's sight.
        assert gc.get_freeze_count() >= before + len(kept)
        gc.disable()
        with paused_collector():
            pass
        assert not gc.isenabled()  # already off: left off
    finally:
        gc.enable()


def test_paused_collector_restores_after_an_error() -> None:
    try:
        with paused_collector():
            raise ValueError("boom")
    except ValueError:
        pass
    assert gc.isenabled()
