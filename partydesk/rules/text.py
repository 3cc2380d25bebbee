"""Unicode normalization and accent-insensitive folding of Vietnamese text."""

from __future__ import annotations

import unicodedata

__all__ = ["fold", "nfc"]


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC.

    Vietnamese is typed both precomposed (Unicode dựng sẵn) and decomposed (Unicode tổ
    hợp). Administrative documents use the Unicode character set of TCVN 6909:2001
    (Nghị định 30/2020/NĐ-CP, phụ lục I) and are printed precomposed; reportlab places
    marks correctly only on precomposed text.
    """
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text)


def clean_text(text: str | None) -> str:
    """Text as typed, made storable: NFC, whitespace runs collapsed, ends trimmed.

    Stored text is NFC because reportlab does no mark positioning (decomposed Vietnamese
    prints with misplaced tone marks) and because NFD and NFC spellings of one name must
    compare equal.
    """
    if not text:
        return ""  # most optional fields of a record: no work at all
    return " ".join(nfc(text).split())


def _fold_slow(text: str) -> str:
    # Decompose before lowering so that singletons (Ω ohm sign, K kelvin sign) and letters
    # whose lowercase is decomposed (İ) all end up as base letter plus marks, then decompose
    # again because lower() can return precomposed letters.
    s = unicodedata.normalize("NFD", unicodedata.normalize("NFD", text).lower())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    # đ has no Unicode decomposition, so stripping marks leaves it alone.
    s = unicodedata.normalize("NFC", s.replace("đ", "d"))
    return " ".join(s.split())


def _build_fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for start, stop in ((0x00C0, 0x0250), (0x0300, 0x0370), (0x1E00, 0x1F00)):
        for cp in range(start, stop):
            ch = chr(cp)
            if unicodedata.combining(ch):
                table[cp] = None
                continue
            folded = _fold_slow(ch)
            if folded and folded.isascii() and " " not in folded:
                table[cp] = folded
    return table


# Built once: fold() runs over every name and address of an import (500,000 rows), and a
# translate() over this table handles all Vietnamese text without the NFD round trips.
_FOLD_TABLE = _build_fold_table()


def fold(text: str) -> str:
    """Fold `text` for accent-insensitive search: "Nguyễn  Thị Đào " → "nguyen thi dao".

    Lowercase, tone and vowel marks removed, đ/Đ → d, whitespace collapsed and trimmed. The
    result is ASCII for Vietnamese text and fold(fold(x)) == fold(x). SQLite FTS5
    `remove_diacritics 2` does not fold đ (it has no Unicode decomposition), so the search
    index and the queries both store this folded form.
    """
    fast = text.translate(_FOLD_TABLE)
    if fast.isascii():
        return " ".join(fast.lower().split())
    return _fold_slow(text)
