"""Realistic member rows for the benchmarks, generated before any timing starts.

Every row is an official member (admission decision, ceremony, recognition 12 months
later: three events and one membership each) placed in a branch of the demo office.
Names follow resources/demo/names.json (family names at their real frequencies, middle
names weighted by generation, about one person in ten from an ethnic minority with that
group's naming pattern); CCCDs agree with birth date and sex and are unique (each row
gets its own six-digit serial); card and biography numbers are unique.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from partydesk.catalogue_files import load_demo
from partydesk.rules import CCCD_PROVINCES, add_months, make_cccd
from partydesk.services.member_input import MemberInput

MAX_ROWS = 999_999  # one CCCD serial per row, six digits

_MINORITY_SHARE = 0.10
_HOME_PROVINCE = "079"  # a big register: most members born in the province itself
_HOME_SHARE = 0.55
_RELIGIONS = [("00", 70), ("02", 12), ("01", 9), ("03", 8), ("04", 1)]
_THEORY = [(None, 35), ("so_cap", 35), ("trung_cap", 23), ("cao_cap", 6), ("cu_nhan", 1)]
_QUALIFICATION = [(None, 25), ("trung_cap", 20), ("cao_dang", 10), ("dai_hoc", 38), ("thac_si", 7)]
_OCCUPATIONS = [
    "can_bo_cong_chuc",
    "vien_chuc",
    "cong_nhan",
    "nong_dan",
    "quan_doi",
    "cong_an",
    "lao_dong_tu_do",
    "lao_dong_dn_ngoai_nn",
    "huu_tri",
]
_WORKPLACES = [
    "UBND xã {commune}",
    "Trường THCS {village}",
    "Trạm Y tế {commune}",
    "Công ty TNHH {village}",
    "Hợp tác xã nông nghiệp {village}",
    "Công an {commune}",
]
_JOB_TITLES = ["Chuyên viên", "Giáo viên", "Nhân viên", "Kế toán", "Y sĩ", "Trưởng thôn", ""]


@dataclass(frozen=True)
class Person:
    """A generated row and the parts of its name, for building search queries."""

    family: str
    middle: str
    given: str
    full_name: str
    cccd: str | None
    card_no: str | None


class _Weighted:
    """Fast repeated weighted draws (cumulative weights computed once)."""

    def __init__(self, pairs: Sequence[tuple[Any, float]]) -> None:
        self.values = [value for value, _ in pairs]
        self.cum = list(itertools.accumulate(weight for _, weight in pairs))

    def draw(self, rng: random.Random) -> Any:
        return rng.choices(self.values, cum_weights=self.cum)[0]


class _Names:
    """Vietnamese names from resources/demo/names.json."""

    def __init__(self) -> None:
        data = load_demo("names")
        self.family = _Weighted([(f["name"], f["weight"]) for f in data["family_names"]])
        self.middle: dict[tuple[str, bool], _Weighted] = {}
        for sex, items in data["middle_names"].items():
            for old in (False, True):
                key = "weight_born_before_1980" if old else "weight"
                self.middle[sex, old] = _Weighted(
                    [(m["name"], float(m.get(key, m["weight"]))) for m in items]
                )
        self.given: dict[str, list[str]] = dict(data["given_names"])
        self.minorities: list[dict[str, Any]] = list(data["ethnic_names"])

    def kinh(self, rng: random.Random, sex: str, born: int) -> tuple[str, str, str]:
        return (
            self.family.draw(rng),
            self.middle[sex, born < 1980].draw(rng),
            rng.choice(self.given[sex]),
        )

    def minority(self, rng: random.Random, sex: str) -> tuple[str, str, str, str, str]:
        """(ethnicity code, full name, family, middle, given) of a minority person."""
        group = rng.choice(self.minorities)
        givens = group["given_names"]
        given = rng.choice(self.given[sex] if givens == "common" else givens[sex])
        family = rng.choice(group["family_names"])
        middles = group.get("middle_names", {}).get(sex, [])
        patterns = [p for p in group["patterns"] if middles or "{middle}" not in p]
        middle = rng.choice(middles) if middles else ""
        full = rng.choice(patterns).format(family=family, middle=middle, given=given)
        return group["ethnicity"], " ".join(full.split()), family, middle, given


class _Places:
    """Addresses and workplaces from resources/demo/places.json."""

    def __init__(self) -> None:
        data = load_demo("places")
        self.communes = [c["name"] for c in data["communes"]]
        self.villages = list(data["village_names"])
        self.streets = list(data["street_names"])
        self.bons = list(data["bon_names"])
        self.patterns = [*data["address_patterns"]["rural"], *data["address_patterns"]["urban"]]

    def address(self, rng: random.Random) -> str:
        return rng.choice(self.patterns).format(
            number=rng.randint(1, 15),
            village=rng.choice(self.villages),
            bon=rng.choice(self.bons),
            house=rng.randint(1, 450),
            street=rng.choice(self.streets),
            commune=rng.choice(self.communes),
        )

    def workplace(self, rng: random.Random) -> str:
        commune = rng.choice(self.communes)
        for prefix in ("Phường ", "Xã "):
            commune = commune.removeprefix(prefix)
        return rng.choice(_WORKPLACES).format(commune=commune, village=rng.choice(self.villages))


def make_rows(
    count: int, branches: Sequence[int], today: date, seed: int = 1
) -> tuple[list[MemberInput], list[Person]]:
    """`count` official members spread over `branches`, and who they are (same order)."""
    if not 0 < count <= MAX_ROWS:
        raise ValueError(f"between 1 and {MAX_ROWS} rows, not {count}")
    rng = random.Random(seed)
    names = _Names()
    places = _Places()
    provinces = sorted(CCCD_PROVINCES)
    religion = _Weighted(_RELIGIONS)
    theory = _Weighted(_THEORY)
    qualification = _Weighted(_QUALIFICATION)
    serials = rng.sample(range(MAX_ROWS + 1), count)
    cards = rng.sample(range(10_000_000, 100_000_000), count)
    rows: list[MemberInput] = []
    people: list[Person] = []
    for index in range(count):
        sex = "nam" if rng.random() < 0.64 else "nữ"
        birth = today - timedelta(days=rng.randint(20 * 365 + 30, 88 * 365))
        if rng.random() < _MINORITY_SHARE:
            ethnicity, full_name, family, middle, given = names.minority(rng, sex)
        else:
            ethnicity = "01"
            family, middle, given = names.kinh(rng, sex, birth.year)
            full_name = f"{family} {middle} {given}"
        province = _HOME_PROVINCE if rng.random() < _HOME_SHARE else rng.choice(provinces)
        cccd = make_cccd(province, sex, birth.year, serials[index])
        earliest = add_months(birth, 18 * 12 + 1)
        latest = min(today - timedelta(days=500), add_months(birth, 45 * 12))
        decision = earliest + timedelta(days=rng.randint(0, max((latest - earliest).days, 1)))
        ceremony = decision + timedelta(days=rng.randint(7, 45))
        youth = add_months(birth, 16 * 12 + rng.randint(0, 48))
        card_no = str(cards[index])
        rows.append(
            MemberInput(
                full_name=full_name,
                sex=sex,
                birth_date=birth,
                organization_id=rng.choice(branches),
                birthplace=f"{rng.choice(places.communes)}, {CCCD_PROVINCES[province]}",
                hometown=f"{rng.choice(places.communes)}, {CCCD_PROVINCES[province]}",
                permanent_address=places.address(rng),
                temporary_address=places.address(rng) if rng.random() < 0.1 else "",
                cccd=cccd,
                biography_no=f"{index + 1:06d}-BM",
                card_no=card_no,
                ethnicity_code=ethnicity,
                religion_code=religion.draw(rng),
                general_education=rng.choice(["12/12"] * 8 + ["9/12", "10/10", "7/10"]),
                qualification_code=qualification.draw(rng),
                theory_code=theory.draw(rng),
                occupation_code=rng.choice(_OCCUPATIONS),
                workplace=places.workplace(rng),
                job_title=rng.choice(_JOB_TITLES),
                youth_union_date=youth if youth < decision else None,
                decision_date=decision,
                decision_no=f"{rng.randint(1, 999)}-QĐ/ĐU",
                ceremony_date=ceremony,
                official_date=add_months(ceremony, 12),
            )
        )
        people.append(Person(family, middle, given, full_name, cccd, card_no))
    return rows, people
