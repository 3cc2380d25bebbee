"""Versioned rule parameters: which value of a rule applied on a given date."""

from __future__ import annotations

import bisect
import copy
import functools
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

__all__ = ["RuleMissing", "RuleParameter", "RuleTable", "RuleValue"]

RuleValue = int | float | str | list[Any] | dict[str, Any]


@dataclass(frozen=True)
class RuleParameter:
    """One value of a rule, in force from `valid_from` until the next value of the same key.

    `source` cites the text (e.g. "Quy định 232-QĐ/TW 2025, điểm 4.1"); `uncertain` marks a
    value not confirmed from the current primary text, which the UI flags as editable.
    """

    key: str
    valid_from: date
    value: RuleValue
    source: str
    note: str = ""
    uncertain: bool = False


class RuleMissing(LookupError):  # noqa: N818 - the public name other layers use
    """No value of rule `key` was in force on date `on`."""

    code = "rule.missing"

    def __init__(self, key: str, on: date) -> None:
        super().__init__(f"Chưa có tham số quy định «{key}» áp dụng ngày {on:%d/%m/%Y}.")
        self.key = key
        self.on = on


class RuleTable:
    """Rule parameters with effective dates; a calculation asks what applied on a date.

    Rules change by new texts taking effect (Quy định 24-QĐ/TW 2021 replaced by Quy định
    232-QĐ/TW 2025, Quyết định 342-QĐ/TW 2010 on dues replaced by Quy định 01-QĐ/TW 2026),
    and an event is judged by the rule in force on its date, so every value keeps its
    `valid_from` instead of being overwritten.
    """

    def __init__(self, parameters: Iterable[RuleParameter]) -> None:
        by_key: dict[str, list[RuleParameter]] = {}
        for parameter in parameters:
            by_key.setdefault(parameter.key, []).append(parameter)
        for key, history in by_key.items():
            history.sort(key=lambda p: p.valid_from)
            for earlier, later in itertools.pairwise(history):
                if earlier.valid_from == later.valid_from:
                    raise ValueError(f"rule {key!r} has two values from {later.valid_from}")
        self._history = by_key
        self._starts = {key: [p.valid_from for p in h] for key, h in by_key.items()}

    @classmethod
    def default(cls) -> RuleTable:
        """Return the rule table shipped with partydesk (`defaults.DEFAULT_RULES`).

        The table never changes once built, so one instance is shared.
        """
        return _default_table()

    def with_overrides(self, parameters: Iterable[RuleParameter]) -> RuleTable:
        """Return a new table where `parameters` replace those of the same key and valid_from.

        This is how an administrator's edits (stored in the database) are laid over the
        shipped defaults.
        """
        merged = {(p.key, p.valid_from): p for h in self._history.values() for p in h}
        merged.update({(p.key, p.valid_from): p for p in parameters})
        return RuleTable(merged.values())

    def parameter(self, key: str, on: date) -> RuleParameter:
        """Return the parameter of `key` in force on `on`: the latest with valid_from ≤ on."""
        starts = self._starts.get(key)
        if not starts:
            raise RuleMissing(key, on)
        index = bisect.bisect_right(starts, on) - 1
        if index < 0:
            raise RuleMissing(key, on)
        return self._history[key][index]

    def value(self, key: str, on: date) -> Any:
        """Return the value of `key` in force on `on`; raise RuleMissing when there is none.

        Lists and dicts are returned as copies, so a caller cannot change the table.
        """
        value = self.parameter(key, on).value
        if isinstance(value, list | dict):
            return copy.deepcopy(value)
        return value

    def keys(self) -> list[str]:
        """All rule keys, sorted."""
        return sorted(self._history)

    def history(self, key: str) -> list[RuleParameter]:
        """Every value of `key`, oldest first (empty when the key is unknown)."""
        return list(self._history.get(key, ()))

    def __iter__(self) -> Iterator[RuleParameter]:
        """Every parameter, by key then date."""
        return (p for key in self.keys() for p in self._history[key])

    def __len__(self) -> int:
        """Count the parameters (all keys, all dates)."""
        return sum(len(h) for h in self._history.values())


@functools.cache
def _default_table() -> RuleTable:
    # Imported here: defaults.py imports RuleParameter from this module.
    from partydesk.rules.defaults import DEFAULT_RULES

    return RuleTable(DEFAULT_RULES)
