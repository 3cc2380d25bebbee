"""Tests of the shipped catalogue files, the admin units and the demo data."""

from __future__ import annotations

import json
import time
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from partydesk import catalogue_files as cf
from partydesk.resources import resources_dir

CATALOGUE_DIR = resources_dir() / "catalogues"


def _is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


def _write(tmp_path: Path, data: Any, name: str = "sample") -> Path:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _good() -> dict[str, Any]:
    return {
        "catalogue": "sample",
        "title": "Mẫu",
        "title_en": "Sample",
        "source": "test",
        "uncertain": False,
        "items": [
            {"code": "a", "name": "Một", "name_en": "One", "aliases": ["Mot"]},
            {"code": "b", "name": "Hai", "name_en": "Two", "aliases": [], "level": 2},
        ],
    }


# --------------------------------------------------------------------------- shipped files


def test_catalogue_ids_match_the_files() -> None:
    files = {path.stem for path in CATALOGUE_DIR.glob("*.json")}
    assert files == set(cf.CATALOGUES)
    assert len(cf.CATALOGUES) == len(set(cf.CATALOGUES))


@pytest.mark.parametrize("name", cf.CATALOGUES)
def test_every_catalogue_loads(name: str) -> None:
    info = cf.read_catalogue(name)
    assert info.catalogue == name
    assert info.title
    assert info.source
    items = cf.load_catalogue(name)
    assert items
    assert len({item.code for item in items}) == len(items)
    assert [item.sort_order for item in items] == list(range(1, len(items) + 1))
    for item in items:
        assert item.catalogue == name
        assert item.name.strip()
        assert item.name_en.strip()
        assert item.code.isascii()
        for text in (item.name, item.name_en, *item.aliases):
            assert _is_nfc(text), (name, item.code, text)


@pytest.mark.parametrize("name", cf.CATALOGUES)
def test_files_are_pretty_printed_utf8(name: str) -> None:
    raw = (CATALOGUE_DIR / f"{name}.json").read_text(encoding="utf-8")
    assert _is_nfc(raw)
    assert raw == json.dumps(json.loads(raw), ensure_ascii=False, indent=2) + "\n"


def test_load_all() -> None:
    everything = cf.load_all()
    assert list(everything) == list(cf.CATALOGUES)
    assert all(everything.values())


def test_unknown_catalogue_name() -> None:
    with pytest.raises(ValueError, match="unknown catalogue"):
        cf.load_catalogue("../catalogues/ethnicity")


def test_ethnicity_has_54_groups_and_other() -> None:
    items = cf.load_catalogue("ethnicity")
    codes = [item.code for item in items]
    assert codes == [f"{n:02d}" for n in range(1, 55)] + ["99"]
    by_code = {item.code: item for item in items}
    assert by_code["01"].name == "Kinh"
    assert by_code["05"].name == "Khơ-me"
    assert by_code["08"].name == "Hmông"
    assert by_code["54"].name == "Rơ-măm"
    assert by_code["99"].name == "Khác"
    assert "Khmer" in by_code["05"].aliases
    assert "Mông" in by_code["08"].aliases
    assert len({item.name for item in items}) == 55


def test_religion_starts_with_none_and_ends_with_other() -> None:
    items = cf.load_catalogue("religion")
    assert (items[0].code, items[0].name) == ("00", "Không")
    assert (items[-1].code, items[-1].name) == ("99", "Khác")
    assert len(items) == 18  # none + 16 recognized religions + other


def test_ratings_have_ordered_min_points() -> None:
    items = cf.load_catalogue("rating")
    assert [item.code for item in items] == ["xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh"]
    points = [item.extra["min_points"] for item in items]
    # display order is best first; read from the worst, the thresholds strictly ascend
    assert list(reversed(points)) == sorted(set(points))
    assert points == [90, 70, 50, 0]


def test_discipline_for_probationary_members() -> None:
    items = cf.load_catalogue("discipline")
    probationary = [item.code for item in items if "probationary" in item.extra["applies_to"]]
    official = [item.code for item in items if "official" in item.extra["applies_to"]]
    assert probationary == ["khien_trach", "canh_cao"]
    assert official == ["khien_trach", "canh_cao", "cach_chuc", "khai_tru"]


def test_theory_codes() -> None:
    codes = [item.code for item in cf.load_catalogue("theory")]
    assert codes == ["so_cap", "trung_cap", "cao_cap", "cu_nhan"]


def test_org_kind_and_org_type_codes_used_by_demo_places() -> None:
    kinds = {item.code for item in cf.load_catalogue("org_kind")}
    types = {item.code for item in cf.load_catalogue("org_type")}
    places = cf.load_demo("places")
    orgs = places["grassroots_organizations"]
    assert orgs
    for org in [*orgs, places["demo_office"]]:
        assert org["org_kind"] in kinds
        assert org["org_type"] in types


def test_uncertain_flags_are_booleans() -> None:
    for name in cf.CATALOGUES:
        assert isinstance(cf.read_catalogue(name).uncertain, bool)
        for item in cf.load_catalogue(name):
            assert isinstance(item.uncertain, bool)
    assert cf.read_catalogue("form_code").uncertain
    assert cf.read_catalogue("org_type").uncertain


def test_items_are_hashable_despite_extra() -> None:
    items = cf.load_catalogue("rating")
    assert len(set(items)) == len(items)


# --------------------------------------------------------------------------- admin units


def test_admin_units_counts_and_codes() -> None:
    start = time.perf_counter()
    units = cf.load_admin_units()
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0
    provinces = [unit for unit in units if unit.extra["kind"] == "province"]
    lower = [unit for unit in units if unit.extra["kind"] != "province"]
    assert len(provinces) == 34
    assert len(lower) == 3321
    assert {unit.extra["kind"] for unit in lower} == {"commune", "ward", "special_zone"}
    assert len({unit.code for unit in units}) == len(units)
    province_codes = {unit.code for unit in provinces}
    assert all(len(code) == 2 for code in province_codes)
    for unit in lower:
        assert len(unit.code) == 5
        assert unit.code.isdigit()
        assert unit.extra["parent_code"] in province_codes
        assert _is_nfc(unit.name)
    assert all(unit.extra["parent_code"] is None for unit in provinces)
    assert units[: len(provinces)] == provinces
    assert all(unit.catalogue == cf.ADMIN_UNIT_CATALOGUE for unit in units)


def test_admin_units_lam_dong() -> None:
    units = cf.load_admin_units()
    lam_dong = next(unit for unit in units if unit.code == "68")
    assert lam_dong.name == "Lâm Đồng"
    children = [unit for unit in units if unit.extra["parent_code"] == "68"]
    assert len(children) == 124
    dam_rong = next(unit for unit in children if unit.code == "24886")
    assert dam_rong.name == "Xã Đam Rông 1"
    assert dam_rong.extra["kind"] == "commune"
    assert dam_rong.extra["short_name"] == "Đam Rông 1"
    phu_quy = next(unit for unit in children if unit.extra["kind"] == "special_zone")
    assert phu_quy.name == "Đặc khu Phú Quý"


# --------------------------------------------------------------------------- demo data


def test_demo_names() -> None:
    names = cf.load_demo("names")
    family = names["family_names"]
    assert len(family) >= 36
    weights = [entry["weight"] for entry in family]
    assert all(weight > 0 for weight in weights)
    assert 90 <= sum(weights) <= 100
    assert family[0]["name"] == "Nguyễn"
    assert max(family, key=lambda entry: entry["weight"])["name"] == "Nguyễn"
    assert len({entry["name"] for entry in family}) == len(family)
    for sex in ("nam", "nữ"):
        middles = names["middle_names"][sex]
        assert all(entry["weight"] > 0 for entry in middles)
        assert all(entry.get("weight_born_before_1980", 1) > 0 for entry in middles)
        given = names["given_names"][sex]
        assert len(given) >= 75
        assert len(set(given)) == len(given)
    assert names["middle_names"]["nam"][0]["name"] == "Văn"
    assert names["middle_names"]["nữ"][0]["name"] == "Thị"


def test_demo_ethnic_names_refer_to_ethnicity_codes() -> None:
    codes = {item.code for item in cf.load_catalogue("ethnicity")}
    entries = cf.load_demo("names")["ethnic_names"]
    assert {"02", "03", "04", "05", "06", "07", "08", "10", "12", "13", "17"} <= {
        entry["ethnicity"] for entry in entries
    }
    for entry in entries:
        assert entry["ethnicity"] in codes
        assert entry["patterns"]
        assert entry["family_names"]
        given = entry["given_names"]
        assert given == "common" or (given["nam"] and given["nữ"])


def test_demo_places_are_real_units_of_lam_dong() -> None:
    places = cf.load_demo("places")
    assert places["province"]["code"] == "68"
    units = {unit.code: unit for unit in cf.load_admin_units()}
    assert len(places["communes"]) >= 20
    for commune in places["communes"]:
        unit = units[commune["code"]]
        assert unit.name == commune["name"]
        assert unit.extra["parent_code"] == "68"
        assert unit.extra["kind"] == commune["kind"]
    office = places["demo_office"]
    assert units[office["commune_code"]].name == office["commune_name"]


@pytest.mark.parametrize("name", ["names", "places"])
def test_demo_files_are_pretty_printed_utf8(name: str) -> None:
    raw = (resources_dir() / "demo" / f"{name}.json").read_text(encoding="utf-8")
    assert _is_nfc(raw)
    assert raw == json.dumps(json.loads(raw), ensure_ascii=False, indent=2) + "\n"


def test_load_demo_rejects_bad_names() -> None:
    with pytest.raises(ValueError, match="bad demo data name"):
        cf.load_demo("../catalogues/ethnicity")
    with pytest.raises(FileNotFoundError):
        cf.load_demo("no_such_file")


# --------------------------------------------------------------------------- validation


def test_good_file_loads(tmp_path: Path) -> None:
    items = cf.load_catalogue_file(_write(tmp_path, _good()), expected="sample")
    assert [item.code for item in items] == ["a", "b"]
    assert items[1].extra == {"level": 2}
    assert items[0].aliases == ("Mot",)


def _bad(tmp_path: Path, data: Any, match: str) -> None:
    path = _write(tmp_path, data)
    with pytest.raises(ValueError, match=match) as caught:
        cf.load_catalogue_file(path)
    assert str(path) in str(caught.value)


def test_duplicate_code_is_rejected(tmp_path: Path) -> None:
    data = _good()
    data["items"][1]["code"] = "a"
    _bad(tmp_path, data, r"item 2 \(code 'a'\): duplicate code")


def test_empty_name_is_rejected(tmp_path: Path) -> None:
    data = _good()
    data["items"][1]["name"] = "  "
    _bad(tmp_path, data, r"item 2 \(code 'b'\): 'name' is empty")


def test_non_nfc_text_is_rejected(tmp_path: Path) -> None:
    data = _good()
    data["items"][0]["name"] = unicodedata.normalize("NFD", "Nguyễn")
    _bad(tmp_path, data, r"items\[0\]\.name is not in Unicode NFC form")


def test_non_ascii_code_is_rejected(tmp_path: Path) -> None:
    data = _good()
    data["items"][0]["code"] = "QĐ"
    _bad(tmp_path, data, r"item 1: code 'QĐ' must be a short ASCII code")


def test_shared_alias_is_rejected(tmp_path: Path) -> None:
    data = _good()
    data["items"][1]["aliases"] = ["một"]
    _bad(tmp_path, data, r"item 2 \(code 'b'\): name or alias 'một' is also used by item")


def test_bad_applies_to_is_rejected(tmp_path: Path) -> None:
    data = _good()
    data["items"][0]["applies_to"] = ["everyone"]
    _bad(tmp_path, data, r"'applies_to' must be")


def test_missing_and_unknown_fields_are_rejected(tmp_path: Path) -> None:
    data = _good()
    del data["source"]
    _bad(tmp_path, data, "missing field")
    data = _good()
    data["itmes"] = []
    _bad(tmp_path, data, "unknown field")


def test_empty_items_and_bad_json_are_rejected(tmp_path: Path) -> None:
    data = _good()
    data["items"] = []
    _bad(tmp_path, data, "'items' must be a non-empty list")
    path = tmp_path / "broken.json"
    path.write_text('{"catalogue": ', encoding="utf-8")
    with pytest.raises(ValueError, match="not valid JSON"):
        cf.load_catalogue_file(path)


def test_expected_id_must_match(tmp_path: Path) -> None:
    path = _write(tmp_path, _good())
    with pytest.raises(ValueError, match="expected 'ethnicity'"):
        cf.load_catalogue_file(path, expected="ethnicity")
