"""A realistic, deterministic demo office: a commune committee in Lâm Đồng.

Same seed and same `today`, same office. About 20 grassroots organizations of mixed
types with their branches; members with names at real family-name frequencies, CCCDs
consistent with birth date and sex, histories over decades (admissions, transfers,
leavers, deaths, exemptions, ratings); candidates and probationary members close to
their deadlines; cadres with posts, concurrent posts, training and planning. Everything
is written in one transaction.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TypeVar

from sqlalchemy.orm import Session

from partydesk.catalogue_files import load_demo
from partydesk.codes import EventKind, OrgKind
from partydesk.db.engine import Database
from partydesk.db.models import CommitteeMember
from partydesk.rules import add_months, add_working_days, make_cccd
from partydesk.services import admission, dues, ratings, transfer_demo
from partydesk.services.cadres import (
    CadreInput,
    PostInput,
    add_cadre,
    add_planning,
    add_post,
)
from partydesk.services.member_bulk import insert_members
from partydesk.services.member_input import HistoryItem, MemberInput
from partydesk.services.office import OfficeInput, add_office
from partydesk.services.organizations import (
    OrganizationInput,
    add_organization,
)

#: The lifecycle areas' demo builders, in the order a real office's year unfolds.
_LIFECYCLE_DEMOS: tuple[Callable[[Database, date, int], object], ...] = (
    admission.demo_admission,
    transfer_demo.demo_transfers,
    dues.demo_dues,
    ratings.demo_records,
)

DEMO_OFFICE = OfficeInput(
    name="Đảng ủy xã Lạc Dương",
    superior_name="Đảng bộ tỉnh Lâm Đồng",
    place_name="Lạc Dương",
    number_symbol="ĐU",
    level=OrgKind.COMMUNE.value,
    code="LD",
)

# (name, kind, type, number of branches under it; 0 = a chi bộ cơ sở holding members)
_GRASSROOTS = [
    (
        "Đảng bộ Cơ quan Đảng ủy - HĐND - UBND xã",
        OrgKind.GRASSROOTS_COMMITTEE,
        "co_quan_hanh_chinh",
        4,
    ),
    ("Đảng bộ Công an xã", OrgKind.GRASSROOTS_COMMITTEE, "cong_an", 3),
    ("Chi bộ Quân sự xã", OrgKind.GRASSROOTS_BRANCH, "quan_doi", 0),
    ("Đảng bộ Trường THPT Lạc Dương", OrgKind.GRASSROOTS_COMMITTEE, "su_nghiep_cong_lap", 3),
    ("Chi bộ Trường THCS Lạc Dương", OrgKind.GRASSROOTS_BRANCH, "su_nghiep_cong_lap", 0),
    ("Chi bộ Trường Tiểu học Đạ Sar", OrgKind.GRASSROOTS_BRANCH, "su_nghiep_cong_lap", 0),
    ("Chi bộ Trường Mầm non Hoa Hồng", OrgKind.GRASSROOTS_BRANCH, "su_nghiep_cong_lap", 0),
    ("Chi bộ Trạm Y tế xã", OrgKind.GRASSROOTS_BRANCH, "su_nghiep_cong_lap", 0),
    (
        "Đảng bộ Ban Quản lý rừng phòng hộ Đa Nhim",
        OrgKind.GRASSROOTS_COMMITTEE,
        "su_nghiep_cong_lap",
        3,
    ),
    (
        "Đảng bộ Công ty TNHH MTV Lâm nghiệp Lạc Dương",
        OrgKind.GRASSROOTS_COMMITTEE,
        "dn_nha_nuoc",
        3,
    ),
    (
        "Chi bộ Công ty Cổ phần Du lịch Langbiang",
        OrgKind.GRASSROOTS_BRANCH,
        "dn_ngoai_nha_nuoc",
        0,
    ),
    (
        "Chi bộ Công ty TNHH Nông nghiệp Công nghệ cao Đà Lạt Xanh",
        OrgKind.GRASSROOTS_BRANCH,
        "dn_ngoai_nha_nuoc",
        0,
    ),
    (
        "Chi bộ Công ty TNHH Hoa Nhật Bản",
        OrgKind.GRASSROOTS_BRANCH,
        "dn_von_nuoc_ngoai",
        0,
    ),
    ("Chi bộ Quỹ Tín dụng nhân dân xã", OrgKind.GRASSROOTS_BRANCH, "khac", 0),
    ("Chi bộ thôn Bon Đưng 1", OrgKind.GRASSROOTS_BRANCH, "xa", 0),
    ("Chi bộ thôn Bon Đưng 2", OrgKind.GRASSROOTS_BRANCH, "xa", 0),
    ("Chi bộ thôn Đưng K'Si", OrgKind.GRASSROOTS_BRANCH, "xa", 0),
    ("Chi bộ thôn Đạ Nghịt", OrgKind.GRASSROOTS_BRANCH, "xa", 0),
    ("Chi bộ thôn Long Lanh", OrgKind.GRASSROOTS_BRANCH, "xa", 0),
    ("Đảng bộ Khu dân cư thị trấn cũ", OrgKind.GRASSROOTS_COMMITTEE, "xa", 5),
]

# Lâm Đồng's highlands: Kinh majority, Cơ-ho (K'Ho) the largest minority.
_ETHNICITIES = [
    ("01", 72),
    ("16", 17),
    ("02", 3),
    ("07", 2),
    ("28", 2),
    ("36", 1),
    ("06", 1),
    ("03", 1),
    ("08", 1),
]
_RELIGIONS = [("00", 68), ("02", 12), ("01", 9), ("03", 9), ("04", 1), ("99", 1)]
_BIRTH_PROVINCES = [
    ("068", 70),
    ("040", 5),
    ("038", 4),
    ("036", 4),
    ("042", 3),
    ("034", 3),
    ("001", 3),
    ("046", 2),
    ("052", 2),
    ("079", 2),
    ("025", 2),
]
_THEORY = [(None, 40), ("so_cap", 35), ("trung_cap", 20), ("cao_cap", 4), ("cu_nhan", 1)]
_QUALIFICATION = [(None, 30), ("trung_cap", 20), ("cao_dang", 10), ("dai_hoc", 35), ("thac_si", 5)]
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
_COUNTERPARTS = [
    "Đảng ủy phường Xuân Hương - Đà Lạt, tỉnh Lâm Đồng",
    "Đảng ủy xã Đơn Dương, tỉnh Lâm Đồng",
    "Đảng ủy phường Bảo Lộc 1, tỉnh Lâm Đồng",
    "Đảng ủy phường Buôn Ma Thuột, tỉnh Đắk Lắk",
    "Đảng ủy xã Nam Ban, tỉnh Lâm Đồng",
    "Huyện ủy Lạc Dương (cũ)",
    "Thành ủy Đà Lạt (cũ)",
]


T = TypeVar("T")


@dataclass(frozen=True)
class DemoSummary:
    """What the demo build wrote."""

    office_name: str
    organizations: int
    members: int
    events: int
    cadres: int


def _pick(rng: random.Random, pairs: Sequence[tuple[T, float]]) -> T:
    """One value drawn with the given weights."""
    values = [value for value, _ in pairs]
    weights = [weight for _, weight in pairs]
    return rng.choices(values, weights=weights)[0]


def _pick_optional(rng: random.Random, pairs: Sequence[tuple[str | None, float]]) -> str | None:
    return _pick(rng, pairs)


class _People:
    """Draws realistic names from resources/demo/names.json."""

    def __init__(self, rng: random.Random) -> None:
        data = load_demo("names")
        self.rng = rng
        self.family = [(f["name"], f["weight"]) for f in data["family_names"]]
        self.middle = {
            sex: [(_n(m), _w(m)) for m in items] for sex, items in data["middle_names"].items()
        }
        self.given = {sex: [_n(g) for g in items] for sex, items in data["given_names"].items()}
        # Name patterns of minority groups (Cơ-ho "K'Điệp", Ê-đê "Y Bhim Niê", Hmông…).
        self.ethnic = {group["ethnicity"]: group for group in data.get("ethnic_names", [])}

    def name(self, sex: str, ethnicity: str = "01") -> str:
        """A full name for a person of `sex` and `ethnicity`."""
        group = self.ethnic.get(ethnicity)
        if group is None or self.rng.random() < 0.2:  # many minority members bear Kinh-style names
            family = _pick(self.rng, self.family)
            middle = _pick(self.rng, self.middle[sex])
            return f"{family} {middle} {self.rng.choice(self.given[sex])}"
        given_names = group.get("given_names")
        given_pool = given_names[sex] if isinstance(given_names, dict) else self.given[sex]
        middles = (group.get("middle_names") or {}).get(sex) or [""]
        text = self.rng.choice(group["patterns"]).format(
            family=self.rng.choice(group["family_names"]),
            middle=self.rng.choice(middles),
            given=self.rng.choice(given_pool),
        )
        return " ".join(text.split())


def _n(item: object) -> str:
    return item["name"] if isinstance(item, dict) else str(item)


def _w(item: object) -> float:
    return float(item.get("weight", 1.0)) if isinstance(item, dict) else 1.0


def build_demo_office(
    db: Database,
    members: int = 2000,
    seed: int = 1,
    today: date | None = None,
    *,
    lifecycle: bool = True,
) -> DemoSummary:
    """Create the demo office in an empty database.

    The office, its tree, members and cadres are one transaction; the lifecycle work in
    progress (candidates at every step, transfers, dues, ratings, badges…) is then added
    through the same services a clerk uses, so the demo obeys every rule. An office
    without members (benchmarks) or built with `lifecycle=False` (tests of one area's
    demo) gets no lifecycle data.
    """
    today = today or date.today()
    summary = _build_registers(db, members, seed, today)
    if members and lifecycle:
        add_lifecycle_demo(db, today, seed)
    return summary


def add_lifecycle_demo(db: Database, today: date, seed: int) -> None:
    """Work in progress of every lifecycle area, deterministic for a seed and `today`."""
    for add in _LIFECYCLE_DEMOS:
        add(db, today, seed)


def _build_registers(db: Database, members: int, seed: int, today: date) -> DemoSummary:
    rng = random.Random(seed)
    with db.session("build_demo_office") as session:
        office = add_office(session, DEMO_OFFICE)
        root_id = office.organization_id
        assert root_id is not None
        branches: list[int] = []
        org_count = 1
        for index, (name, kind, type_code, sub) in enumerate(_GRASSROOTS, start=1):
            founded = date(rng.randint(1976, 2015), rng.randint(1, 12), rng.randint(1, 28))
            org = add_organization(
                session,
                OrganizationInput(
                    name=name,
                    kind=kind.value,
                    parent_id=root_id,
                    type_code=type_code,
                    code=f"LD.{index:02d}",
                    founded_on=founded,
                    founding_decision=f"{rng.randint(10, 400)}-QĐ/HU",
                ),
            )
            org_count += 1
            session.add(
                CommitteeMember(
                    organization_id=org.id,
                    full_name="",
                    post_code="bi_thu",
                    term="2025-2030",
                    start_on=date(2025, 8, 15),
                )
            )
            if sub == 0:
                branches.append(org.id)
            for number in range(1, sub + 1):
                child = add_organization(
                    session,
                    OrganizationInput(
                        name=f"Chi bộ {number} - {name.split(' ', 2)[-1]}",
                        kind=OrgKind.BRANCH.value,
                        parent_id=org.id,
                        code=f"LD.{index:02d}.{number:02d}",
                        founded_on=founded,
                    ),
                )
                branches.append(child.id)
                org_count += 1
        people = _People(rng)
        rows = list(_members(rng, people, branches, members, today))
        result = insert_members(session, "build_demo_office", rows, today, None)
        cadres = _cadres(session, rng, people, root_id, today)
        return DemoSummary(office.name, org_count, result.members, result.events, cadres)


def _birth(rng: random.Random, today: date, low: int, high: int) -> date:
    age_days = rng.randint(low * 365 + 30, high * 365)
    return today - timedelta(days=age_days)


def _members(
    rng: random.Random, people: _People, branches: list[int], count: int, today: date
) -> Iterator[MemberInput]:
    serials: set[int] = set()
    for number in range(1, count + 1):
        sex = "nam" if rng.random() < 0.64 else "nữ"
        roll = rng.random()
        kind = (
            "candidate"
            if roll < 0.03
            else "probationary"
            if roll < 0.08
            else "left"
            if roll < 0.11
            else "deceased"
            if roll < 0.14
            else "transferred"
            if roll < 0.16
            else "official"
        )
        if kind == "candidate":
            birth = _birth(rng, today, 19, 45)
        elif kind == "deceased":
            birth = _birth(rng, today, 62, 95)
        else:
            birth = _birth(rng, today, 20, 88)
        province = _pick(rng, _BIRTH_PROVINCES)
        serial = rng.randint(1, 999_999)
        while serial in serials:
            serial = rng.randint(1, 999_999)
        serials.add(serial)
        branch = rng.choice(branches)
        ethnicity = _pick(rng, _ETHNICITIES)
        base = MemberInput(
            full_name=people.name(sex, ethnicity),
            sex=sex,
            birth_date=birth,
            organization_id=branch,
            cccd=make_cccd(province, sex, birth.year, serial) if rng.random() < 0.97 else None,
            ethnicity_code=ethnicity,
            religion_code=_pick(rng, _RELIGIONS),
            general_education=rng.choice(["12/12"] * 8 + ["9/12", "10/10", "7/10"]),
            theory_code=_pick_optional(rng, _THEORY),
            qualification_code=_pick_optional(rng, _QUALIFICATION),
            occupation_code=rng.choice(_OCCUPATIONS),
            hometown="xã Lạc Dương, tỉnh Lâm Đồng" if province == "068" else "",
            permanent_address=f"Thôn {rng.randint(1, 12)}, xã Lạc Dương, tỉnh Lâm Đồng",
            branch_list_no=number,
        )
        if kind == "candidate":
            registered = today - timedelta(days=rng.randint(60, 400))
            resolution = add_working_days(today, -rng.randint(20, 58))
            history: tuple[HistoryItem, ...] = (
                HistoryItem(EventKind.COURSE_COMPLETED.value, registered + timedelta(days=30)),
            )
            if resolution > registered + timedelta(days=45):
                history += (
                    HistoryItem(
                        EventKind.BRANCH_RESOLUTION.value,
                        resolution,
                        decision_no=f"{rng.randint(1, 40)}-NQ/CB",
                    ),
                )
            yield replace(base, registered_on=registered, history=history)
            continue
        earliest = add_months(birth, 18 * 12 + 1)
        if kind == "probationary":
            ceremony = today - timedelta(days=rng.randint(200, 390))
            decision = add_working_days(ceremony, -rng.randint(5, 25))
        else:
            latest = min(today - timedelta(days=500), add_months(birth, 45 * 12))
            span = max((latest - earliest).days, 1)
            decision = earliest + timedelta(days=rng.randint(0, span))
            ceremony = add_working_days(decision, rng.randint(5, 25))
        number_no = f"{rng.randint(1, 999)}-QĐ/{'ĐU' if decision.year >= 2025 else 'HU'}"
        official = add_months(ceremony, 12) if kind != "probationary" else None
        if official is not None and official > today:
            official = None
        history = ()
        joined = ceremony
        if kind != "probationary" and rng.random() < 0.15 and official is not None:
            joined = official + timedelta(days=rng.randint(200, 3000))
            if joined < today:
                history += (
                    HistoryItem(
                        EventKind.TRANSFER_IN.value,
                        joined,
                        counterpart=rng.choice(_COUNTERPARTS),
                        decision_no=f"{rng.randint(1, 300)}-GT/ĐU",
                    ),
                )
            else:
                joined = ceremony
        if official is not None:
            for year in range(max(joined.year, today.year - 3), today.year):
                level = _pick(
                    rng,
                    [("xuat_sac", 12), ("tot", 70), ("hoan_thanh", 16), ("khong_hoan_thanh", 2)],
                )
                history += (
                    HistoryItem(
                        EventKind.RATING.value,
                        date(year, 12, 20),
                        details_json=json.dumps({"year": year, "level": level}),
                    ),
                )
        end = _ending(rng, kind, joined, official, birth, today)
        if end is not None:
            history += (end,)
        elif official is not None and (today - birth).days > 80 * 365 and rng.random() < 0.5:
            history += (
                HistoryItem(
                    EventKind.EXEMPTION_START.value, today - timedelta(days=rng.randint(30, 1500))
                ),
            )
        yield replace(
            base,
            decision_date=decision,
            decision_no=number_no,
            ceremony_date=ceremony,
            official_date=official,
            joined_on=joined,
            history=history,
            card_no=f"{20_000_000 + number:08d}" if official else None,  # unique per member
            biography_no=f"{number:06d}-LĐ",
        )


def _ending(
    rng: random.Random, kind: str, joined: date, official: date | None, birth: date, today: date
) -> HistoryItem | None:
    start = max(joined, official or joined) + timedelta(days=30)
    if start >= today:
        return None
    on = start + timedelta(days=rng.randint(0, (today - start).days))
    if kind == "deceased":
        return HistoryItem(
            EventKind.DIED.value,
            max(on, birth + timedelta(days=60 * 365))
            if birth + timedelta(days=60 * 365) < today
            else on,
        )
    if kind == "left":
        event = rng.choice([EventKind.STRUCK_OFF, EventKind.ASKED_TO_LEAVE, EventKind.EXPELLED])
        return HistoryItem(event.value, on, decision_no=f"{rng.randint(1, 300)}-QĐ/ĐU")
    if kind == "transferred":
        return HistoryItem(
            EventKind.TRANSFER_OUT.value,
            on,
            counterpart=rng.choice(_COUNTERPARTS),
            decision_no=f"{rng.randint(1, 300)}-GT/ĐU",
        )
    return None


_CADRE_POSTS = [
    ("Bí thư Đảng ủy xã", "Chủ tịch HĐND xã"),
    ("Phó Bí thư Thường trực Đảng ủy xã", None),
    ("Phó Bí thư Đảng ủy, Chủ tịch UBND xã", None),
    ("Phó Chủ tịch HĐND xã", None),
    ("Phó Chủ tịch UBND xã", None),
    ("Phó Chủ tịch UBND xã", None),
    ("Chủ tịch Ủy ban MTTQ Việt Nam xã", None),
    ("Trưởng Ban Xây dựng Đảng", None),
    ("Chủ nhiệm Ủy ban Kiểm tra Đảng ủy", None),
    ("Chánh Văn phòng Đảng ủy", None),
    ("Trưởng phòng Kinh tế", None),
    ("Trưởng phòng Văn hóa - Xã hội", None),
    ("Bí thư Đoàn TNCS Hồ Chí Minh xã", None),
    ("Chủ tịch Hội Liên hiệp Phụ nữ xã", None),
    ("Chủ tịch Hội Nông dân xã", None),
    ("Chủ tịch Hội Cựu chiến binh xã", None),
    ("Trưởng Công an xã", None),
    ("Chỉ huy trưởng Ban Chỉ huy Quân sự xã", None),
]


def _cadres(
    session: Session, rng: random.Random, people: _People, root_id: int, today: date
) -> int:
    count = 0
    planned: dict[str, int] = {}
    titles = [title for title, _ in _CADRE_POSTS]
    for title, concurrent in _CADRE_POSTS * 2:
        sex = "nam" if rng.random() < 0.7 else "nữ"
        birth = _birth(rng, today, 28, 58)
        cadre = add_cadre(
            session,
            CadreInput(
                full_name=people.name(sex),
                sex=sex,
                birth_date=birth,
                is_local=rng.random() < 0.6,
                organization_id=root_id,
                workplace="xã Lạc Dương",
                salary_grade="Chuyên viên" if rng.random() < 0.7 else "Chuyên viên chính",
                salary_step=rng.randint(1, 8),
                salary_coefficient=round(rng.uniform(2.34, 5.08), 2),
                salary_step_date=today - timedelta(days=rng.randint(30, 1000)),
                cccd=make_cccd("068", sex, birth.year, rng.randint(1, 999_999)),
            ),
            today,
        )
        count += 1
        start = (
            date(2025, 7, 1)
            if count <= len(_CADRE_POSTS)
            else date(rng.randint(2012, 2024), rng.randint(1, 12), 1)
        )
        post_title = (
            title
            if count <= len(_CADRE_POSTS)
            else rng.choice(
                [
                    "Công chức Văn phòng - Thống kê",
                    "Công chức Tư pháp - Hộ tịch",
                    "Công chức Địa chính - Xây dựng",
                    "Chuyên viên Ban Xây dựng Đảng",
                ]
            )
        )
        add_post(
            session,
            cadre.id,
            PostInput(
                title=post_title,
                start_on=start,
                unit="xã Lạc Dương",
                decision_no=f"{rng.randint(1, 300)}-QĐ/TU",
            ),
        )
        if concurrent and count <= len(_CADRE_POSTS):
            add_post(
                session,
                cadre.id,
                PostInput(
                    title=concurrent,
                    start_on=start,
                    concurrent=True,
                    kind="election",
                    unit="xã Lạc Dương",
                ),
            )
        if rng.random() < 0.5:
            target = rng.choice(titles)
            if planned.get(target, 0) < 3:
                planned[target] = planned.get(target, 0) + 1
                add_planning(
                    session,
                    cadre.id,
                    "2025-2030",
                    target,
                    date(2025, 10, 1),
                    unit="xã Lạc Dương",
                    decision_no="12-QĐ/ĐU",
                )
    return count
