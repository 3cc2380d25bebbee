"""Tests of CCCD checks, CCCD facts and generation, and sex normalization."""

import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partydesk.rules import (
    CCCD_PROVINCES,
    CccdFacts,
    cccd_facts,
    check_cccd,
    make_cccd,
    normalize_sex,
)

SETTINGS = settings(max_examples=150, deadline=None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("nam", "nam"),
        ("Nam", "nam"),
        (" NAM ", "nam"),
        ("male", "nam"),
        ("M", "nam"),
        ("nữ", "nữ"),
        ("Nữ", "nữ"),
        ("NỮ", "nữ"),
        ("nu", "nữ"),
        ("female", "nữ"),
        ("f", "nữ"),
        (unicodedata.normalize("NFD", "Nữ"), "nữ"),
        ("", None),
        ("khác", None),
        ("x", None),
    ],
)
def test_normalize_sex(value, expected):
    assert normalize_sex(value) == expected


def test_province_table():
    assert len(CCCD_PROVINCES) == 63
    assert CCCD_PROVINCES["001"] == "Hà Nội"
    assert CCCD_PROVINCES["068"] == "Lâm Đồng"
    assert CCCD_PROVINCES["079"] == "Hồ Chí Minh"
    assert CCCD_PROVINCES["096"] == "Cà Mau"
    assert "003" not in CCCD_PROVINCES
    assert all(len(code) == 3 and code.isdigit() for code in CCCD_PROVINCES)
    with pytest.raises(TypeError):
        CCCD_PROVINCES["003"] = "x"  # type: ignore[index]


def test_valid_number_with_matching_person():
    assert check_cccd("001085012345") == []
    assert check_cccd("001085012345", date(1985, 5, 1), "nam") == []
    assert check_cccd("  068301000001  ", date(2001, 2, 3), "Nữ") == []
    assert check_cccd("079899000001", date(1899, 12, 31), "nam") == []


def test_wrong_length():
    assert check_cccd("00108501234") == ["Số CCCD phải có đúng 12 chữ số (đang có 11)."]
    assert check_cccd("0010850123456") == ["Số CCCD phải có đúng 12 chữ số (đang có 13)."]
    assert check_cccd("") == ["Chưa nhập số CCCD."]
    assert check_cccd("   ") == ["Chưa nhập số CCCD."]


def test_inner_spaces_and_letters_are_problems():
    spaced = check_cccd("001 085 012 345")
    assert len(spaced) == 1
    assert "khoảng trắng" in spaced[0]
    lettered = check_cccd("00108501234A")
    assert any("«A»" in p for p in lettered)
    assert any("đang có 11" in p for p in lettered)
    # Non-ASCII digits are not CCCD digits.
    assert check_cccd("００１085012345") != []


def test_unknown_province():
    problems = check_cccd("003085012345")
    assert len(problems) == 1
    assert "«003»" in problems[0]


def test_century_and_year_must_match_birth_date():
    problems = check_cccd("001085012345", date(2085, 1, 1))
    assert len(problems) == 1
    assert "Chữ số thứ 4" in problems[0]
    assert "1900–1999" in problems[0]
    problems = check_cccd("001085012345", date(1986, 1, 1))
    assert len(problems) == 1
    assert "«85»" in problems[0]
    assert "«86»" in problems[0]
    assert len(check_cccd("001085012345", date(2001, 1, 1))) == 2


def test_sex_must_match_digit_4():
    problems = check_cccd("001085012345", sex="nữ")
    assert len(problems) == 1
    assert "nam" in problems[0]
    assert check_cccd("001185012345", sex=unicodedata.normalize("NFD", "NỮ")) == []
    assert check_cccd("001285012345", date(2085, 6, 1), "nam") == []
    assert check_cccd("001385012345", date(2085, 6, 1), "nam") != []
    unknown = check_cccd("001085012345", sex="?")
    assert len(unknown) == 1
    assert "giới tính" in unknown[0]


def test_facts():
    assert cccd_facts("001085012345") == CccdFacts("001", "Hà Nội", "nam", 1985)
    assert cccd_facts(" 068301000001 ") == CccdFacts("068", "Lâm Đồng", "nữ", 2001)
    assert cccd_facts("096512000000") == CccdFacts("096", "Cà Mau", "nữ", 2112)
    assert cccd_facts("079999000001") == CccdFacts("079", "Hồ Chí Minh", "nữ", 1899)
    assert cccd_facts("003085012345") is None
    assert cccd_facts("00108501234") is None
    assert cccd_facts("00108501234x") is None


def test_make_cccd():
    assert make_cccd("001", "nam", 1985, 12345) == "001085012345"
    assert make_cccd("068", "nữ", 2001, 1) == "068301000001"
    assert make_cccd("096", "Nữ", 1899, 999_999) == "096999999999"
    with pytest.raises(ValueError, match="province"):
        make_cccd("003", "nam", 1985, 1)
    with pytest.raises(ValueError, match="sex"):
        make_cccd("001", "?", 1985, 1)
    with pytest.raises(ValueError, match="century"):
        make_cccd("001", "nam", 1799, 1)
    with pytest.raises(ValueError, match="six digits"):
        make_cccd("001", "nam", 1985, 1_000_000)


people = st.tuples(
    st.sampled_from(sorted(CCCD_PROVINCES)),
    st.sampled_from(["nam", "nữ", "Nam", "NỮ"]),
    st.dates(min_value=date(1800, 1, 1), max_value=date(2299, 12, 31)),
    st.integers(min_value=0, max_value=999_999),
)


@SETTINGS
@given(people)
def test_generated_numbers_pass_their_own_checks(person):
    province, sex, birth, serial = person
    number = make_cccd(province, sex, birth.year, serial)
    assert check_cccd(number, birth, sex) == []
    facts = cccd_facts(number)
    assert facts is not None
    assert (facts.province_code, facts.sex, facts.birth_year) == (
        province,
        normalize_sex(sex),
        birth.year,
    )


@SETTINGS
@given(people)
def test_flipped_sex_digit_is_rejected(person):
    province, sex, birth, serial = person
    number = make_cccd(province, sex, birth.year, serial)
    digit = int(number[3])
    flipped = number[:3] + str(digit ^ 1) + number[4:]
    problems = check_cccd(flipped, birth, sex)
    assert len(problems) == 1
    assert "giới tính" in problems[0]
