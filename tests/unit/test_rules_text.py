"""Tests of NFC normalization and search folding."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partydesk.rules import fold, nfc
from partydesk.rules.text import _fold_slow

VOWELS = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]
# All 134 toned vowels plus đ, in both cases: the letters fold must make ASCII.
VIETNAMESE_LETTERS = sorted(
    {unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES} | {"đ"}
)
ALL_LETTERS = "".join(VIETNAMESE_LETTERS) + "".join(VIETNAMESE_LETTERS).upper()
FAST = settings(max_examples=200, deadline=None)


def test_nfc_composes_decomposed_text():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    assert decomposed != "Nguyễn Thị Ánh"
    assert nfc(decomposed) == "Nguyễn Thị Ánh"
    assert nfc("abc") == "abc"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nguyễn  Thị Đào ", "nguyen thi dao"),
        ("ĐẶNG VĂN ĐỨC", "dang van duc"),
        ("  Trần\tThị\nHương  ", "tran thi huong"),
        ("Ưng Hoàng Phúc", "ung hoang phuc"),
        ("Lê Thị Ngọc Ẩn", "le thi ngoc an"),
        ("Phường Đam Rông 1", "phuong dam rong 1"),
        ("", ""),
        ("   ", ""),
        ("Bà Rịa - Vũng Tàu", "ba ria - vung tau"),
    ],
)
def test_fold_examples(text, expected):
    assert fold(text) == expected


def test_fold_decomposed_input_same_as_composed():
    name = "Nguyễn Thị Ngọc Ánh Đào"
    assert fold(unicodedata.normalize("NFD", name)) == fold(name) == "nguyen thi ngoc anh dao"


def test_fold_every_vietnamese_letter_is_ascii():
    folded = fold(ALL_LETTERS)
    assert folded.isascii()
    assert set(folded) <= set("aeiouyd")


def test_fold_non_latin_text_is_kept_lowercase():
    assert fold("Москва  ЖК") == "москва жк"


@FAST
@given(st.text(max_size=40))
def test_fold_is_idempotent(text):
    once = fold(text)
    assert fold(once) == once


@FAST
@given(st.text(alphabet=ALL_LETTERS + " \t\nABCXYZabcxyz019-", max_size=40))
def test_fold_of_vietnamese_is_ascii_and_collapsed(text):
    folded = fold(text)
    assert folded.isascii()
    assert folded == folded.strip()
    assert "  " not in folded
    assert folded == folded.lower()


@FAST
@given(st.text(alphabet=ALL_LETTERS + " abcXYZ\u0301\u0323", max_size=30))
def test_fold_fast_path_agrees_with_slow_path(text):
    assert fold(text) == _fold_slow(text)
