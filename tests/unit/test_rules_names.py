"""Tests of name splitting and the Vietnamese list sort key."""

import itertools
import random
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partydesk.rules import name_sort_key, split_name
from partydesk.rules.names import _component_key, _component_key_slow

SETTINGS = settings(max_examples=200, deadline=None)

ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]  # fmt: skip

# Written out by hand: given name first, then family name, then middle names.
EXPECTED_ORDER = [
    "Nguyễn Văn An",  # An < Anh (prefix), Nguyễn < Trần
    "Trần Văn An",
    "Lê Thị Anh",  # no tone before sắc
    "Lê Thị Ánh",
    "Bùi Thị Ân",  # â after a
    "Hoàng Văn Bảo",
    "Vũ Thị Dung",  # no tone before ngã
    "Đặng Văn Dũng",
    "Nguyễn Văn Đạt",  # đ after d
    "Trần Thị Hà",  # Hà is a prefix of Hải
    "Lê Văn Hải",
    "Lê Văn Hùng",  # same given name: Lê < Nguyễn
    "Nguyễn Văn Hùng",
    "Nguyễn Mai",  # same given and family: no middle name first
    "Nguyễn Thị Mai",
    "Nguyễn Văn Mai",
    "Phan Thị Uyên",  # u before ư
    "Phan Văn Ước",
    "Võ Văn Xuân",
    "Trần Thị Ngọc Yến",
]


def test_split_name():
    assert split_name("Nguyễn Thị Ngọc Ánh") == ("Nguyễn", "Thị Ngọc", "Ánh")
    assert split_name("Trần Hưng") == ("Trần", "", "Hưng")
    assert split_name("  Lê   Văn  Tám ") == ("Lê", "Văn", "Tám")
    assert split_name("Hùng") == ("", "", "Hùng")
    assert split_name("") == ("", "", "")
    assert split_name(unicodedata.normalize("NFD", "Lê Ánh")) == ("Lê", "", "Ánh")


def test_hand_written_order():
    shuffled = EXPECTED_ORDER[:]
    random.Random(7).shuffle(shuffled)
    assert sorted(shuffled, key=name_sort_key) == EXPECTED_ORDER


def test_vietnamese_alphabet_order_with_digits_first():
    letters = ["0", "9", *ALPHABET]
    keys = [name_sort_key(x) for x in letters]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize(
    "smaller_larger",
    [("a", "ă"), ("ă", "â"), ("d", "đ"), ("e", "ê"), ("o", "ô"), ("ô", "ơ"), ("u", "ư")],
)
def test_modified_letters_are_separate_letters(smaller_larger):
    smaller, larger = smaller_larger
    assert name_sort_key(smaller) < name_sort_key(larger)
    # The letter decides before anything that follows it.
    assert name_sort_key(smaller + "zz") < name_sort_key(larger)


@pytest.mark.parametrize("vowel", ["a", "ơ", "ư", "y"])
def test_tone_order(vowel):
    tones = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]  # none, huyền … nặng
    words = [unicodedata.normalize("NFC", "b" + vowel + tone + "n") for tone in tones]
    keys = [name_sort_key(w) for w in words]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


def test_letters_before_tones_before_case():
    ordered = ["anh", "Anh", "ảnh", "Ảnh", "ánh", "Ánh", "anhx", "ăn"]
    shuffled = ordered[:]
    random.Random(3).shuffle(shuffled)
    assert sorted(shuffled, key=name_sort_key) == ordered


def test_prefix_component_sorts_first():
    assert name_sort_key("An") < name_sort_key("Anh")
    assert name_sort_key("Nguyễn An") < name_sort_key("Nguyễn Anh")
    assert name_sort_key("Nguyễn Thị An") < name_sort_key("Nguyễn Anh")
    # Component boundaries never leak: given name "Bc" sorts before given name "C".
    assert name_sort_key("A Bc") < name_sort_key("Ab C")
    assert name_sort_key("Thị") < name_sort_key("Lê Thị")


def test_given_name_compared_fully_before_family_name():
    # Case of the given name decides before the family name is looked at.
    assert name_sort_key("Trần anh") < name_sort_key("An Anh")
    assert name_sort_key("Trần Ánh") > name_sort_key("Vũ Anh")


def test_nfd_and_spacing_give_the_same_key():
    for name in EXPECTED_ORDER:
        key = name_sort_key(name)
        assert name_sort_key(unicodedata.normalize("NFD", name)) == key
        assert name_sort_key("  " + name.replace(" ", " \t ") + " ") == key


def test_key_is_bytes_and_blank_names_sort_first():
    assert isinstance(name_sort_key("Lê Văn Tám"), bytes)
    assert name_sort_key("") == name_sort_key("   ")
    assert name_sort_key("") < name_sort_key("a")


def test_unusual_characters_do_not_break_the_key():
    names = ["Nguyễn Văn A1", "O'Neil", "Ngô-Bảo", "Ñandú", "Øster", "李小龍", "q\u0300", "İlker"]
    keys = [name_sort_key(n) for n in names]
    assert all(isinstance(k, bytes) for k in keys)
    assert sorted(names, key=name_sort_key)  # total order, no exception
    # Characters outside the fast table sort after all Vietnamese letters.
    assert name_sort_key("Øster") > name_sort_key("Zeta")


vietnamese_word = st.text(
    alphabet=ALPHABET
    + [a.upper() for a in ALPHABET]
    + ["à", "ả", "ã", "á", "ạ", "ầ", "ẩ", "ẫ", "ấ", "ậ", "ờ", "ữ", "Ự", "Đ"],
    min_size=1,
    max_size=6,
)
vietnamese_name = st.lists(vietnamese_word, min_size=1, max_size=4).map(" ".join)


def component_tuple(name):
    family, middle, given_ = split_name(name)
    return (_component_key(given_), _component_key(family), _component_key(middle))


@SETTINGS
@given(vietnamese_name, vietnamese_name)
def test_key_order_matches_component_order(a, b):
    ka, kb = name_sort_key(a), name_sort_key(b)
    ta, tb = component_tuple(a), component_tuple(b)
    assert (ka < kb) == (ta < tb)
    assert (ka == kb) == (ta == tb)


@SETTINGS
@given(st.text(max_size=30))
def test_key_is_deterministic_and_normalization_invariant(text):
    key = name_sort_key(text)
    assert key == name_sort_key(text)
    assert key == name_sort_key(unicodedata.normalize("NFD", text))
    assert key == name_sort_key(unicodedata.normalize("NFC", text))


@SETTINGS
@given(vietnamese_word)
def test_fast_and_slow_component_keys_agree(word):
    assert _component_key(word) == _component_key_slow(word)


@SETTINGS
@given(st.lists(vietnamese_name, min_size=2, max_size=8))
def test_sort_by_key_is_consistent_with_pairwise_order(names):
    ordered = sorted(names, key=name_sort_key)
    for a, b in itertools.pairwise(ordered):
        assert component_tuple(a) <= component_tuple(b)
