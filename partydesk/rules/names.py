"""Vietnamese personal names: splitting and the list sort key (tên, họ, đệm)."""

from __future__ import annotations

import unicodedata

__all__ = ["name_sort_key", "split_name"]


def split_name(full_name: str) -> tuple[str, str, str]:
    """Split a full name into (family, middle, given).

    "Nguyễn Thị Ngọc Ánh" → ("Nguyễn", "Thị Ngọc", "Ánh").
    Vietnamese names are written family name (họ) first, given name (tên) last, middle
    names (tên đệm) between, as on the CCCD (Luật Căn cước 2023, and the biography form
    2-KNĐ, Hướng dẫn 12-HD/BTCTW 2022). One word is a given name alone: ("", "", word).
    Whitespace is collapsed and the text returned in NFC.
    """
    words = unicodedata.normalize("NFC", full_name).split()
    if not words:
        return ("", "", "")
    if len(words) == 1:
        return ("", "", words[0])
    return (words[0], " ".join(words[1:-1]), words[-1])


# --- collation ------------------------------------------------------------------------
#
# A component (given name, family name, middle names) encodes as
#     primary weights 0x01 secondary weights 0x01 tertiary weights 0x00
# and the key is given + family + middle. Every weight byte is >= 0x02, so 0x00 only ends
# a component and 0x01 only separates levels: a component that is a prefix of another
# sorts first ("An" < "Anh") and no comparison ever runs across a component boundary.
# One character gives exactly one secondary and one tertiary weight, so two components
# with equal primaries have secondary parts of equal length.

_LEVEL = "\x01"
_END = "\x00"

# Vietnamese alphabet order; f, j, w, z sit where the Latin alphabet puts them, as in
# ICU's `vi` tailoring (&a<ă<â &d<đ &e<ê &o<ô<ơ &u<ư).
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_SPACE_WEIGHT = 0x02
_PUNCTUATION = "".join(chr(c) for c in range(0x21, 0x7F) if not chr(c).isalnum())
_PRIMARY: dict[str, int] = {" ": _SPACE_WEIGHT}
_PRIMARY.update({ch: 0x03 + i for i, ch in enumerate(_PUNCTUATION)})
_DIGIT_BASE = 0x03 + len(_PUNCTUATION)
_PRIMARY.update({str(d): _DIGIT_BASE + d for d in range(10)})
_PRIMARY.update({ch: _DIGIT_BASE + 10 + i for i, ch in enumerate(_ALPHABET)})
_ESCAPE = 0xF0  # other characters: 0xF0 then the code point in three base-254 digits

# The five tones as secondary weights, in ICU `vi` order: no mark first, then
# huyền (grave) < hỏi (hook above) < ngã (tilde) < sắc (acute) < nặng (dot below).
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_SECONDARY_NONE = 0x02
_SECONDARY_OTHER = 0x08  # marks foreign to Vietnamese (ç, ü): after every tone
_LOWER, _UPPER = 0x02, 0x03  # ICU default: lowercase first

# Marks that make a separate Vietnamese letter rather than a tone.
_LETTER_MARKS = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}


def _escape(cp: int) -> str:
    # Digits offset by 2 keep 0x00 and 0x01 out of the key; base 254 covers U+10FFFF.
    return chr(_ESCAPE) + "".join(chr(2 + (cp // 254**k) % 254) for k in (2, 1, 0))


def _cluster_weights(cluster: str) -> tuple[str, int, int]:
    """Weights of one base character with its combining marks: (primary, sec, ter)."""
    base_char = cluster[0]
    upper = base_char != base_char.lower() or base_char.isupper()
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFD", cluster).lower())
    base, marks = decomposed[0], list(decomposed[1:])
    for mark in list(marks):
        letter = _LETTER_MARKS.get((base, mark))
        if letter is not None:
            base = letter
            marks.remove(mark)
            break
    weight = _PRIMARY.get(base)
    primary = chr(weight) if weight is not None else _escape(ord(base))
    tones = [_TONES[m] for m in marks if m in _TONES]
    foreign = len(marks) - len(tones)
    if foreign == 0 and len(tones) <= 1:
        secondary = _SECONDARY_NONE + (tones[0] if tones else 0)
    else:
        secondary = _SECONDARY_OTHER + min(sum(tones) + foreign, 0xE0)
    return primary, secondary, _UPPER if upper else _LOWER


def _build_weight_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for start, stop in ((0x20, 0x250), (0x1E00, 0x1F00)):
        for cp in range(start, stop):
            ch = chr(cp)
            if unicodedata.combining(ch) or not ch.isprintable():
                continue
            primary, secondary, tertiary = _cluster_weights(ch)
            if len(primary) == 1:
                table[cp] = primary + chr(secondary) + chr(tertiary)
    return table


# Built once at import: name_sort_key runs for every row of a bulk import, and
# str.translate over this table is the fast path (about 2 µs per name).
_WEIGHT_TABLE = _build_weight_table()
_EMPTY_COMPONENT = (_LEVEL + _LEVEL + _END).encode("latin-1")


def _component_key_slow(text: str) -> bytes:
    clusters: list[str] = []
    for ch in text:
        if clusters and unicodedata.combining(ch):
            clusters[-1] += ch
        else:
            clusters.append(ch)
    weights = [_cluster_weights(c) for c in clusters]
    primary = "".join(w[0] for w in weights)
    secondary = "".join(chr(w[1]) for w in weights)
    tertiary = "".join(chr(w[2]) for w in weights)
    return (primary + _LEVEL + secondary + _LEVEL + tertiary + _END).encode("latin-1")


def _component_key(text: str) -> bytes:
    """Key of one name component (NFC text): letters, then tones, then case."""
    woven = text.translate(_WEIGHT_TABLE)
    if len(woven) != 3 * len(text):  # a character outside the table: take the long way
        return _component_key_slow(text)
    return (woven[0::3] + _LEVEL + woven[1::3] + _LEVEL + woven[2::3] + _END).encode("latin-1")


def name_sort_key(full_name: str) -> bytes:
    """Sort key of a full name in Vietnamese list order, comparable as plain bytes.

    Lists of members are ordered by given name (tên), then family name (họ), then middle
    names (đệm), as the member list book (sổ danh sách đảng viên, Hướng dẫn 12-HD/BTCTW
    2022) and the Excel lists offices keep. Each component is compared completely before
    the next: letters in the Vietnamese alphabet order (a ă â b c d đ e ê g h i k l m n o ô
    ơ p q r s t u ư v x y, with f j w z at their Latin places, digits before letters),
    then tones (none, huyền, hỏi, ngã, sắc, nặng), then case (lowercase first), like ICU's
    `vi` collation. NFD input gives the same key as NFC input. The bytes compare correctly
    with memcmp, so SQLite can index them as a BLOB.
    """
    if not full_name.isascii() and not unicodedata.is_normalized("NFC", full_name):
        full_name = unicodedata.normalize("NFC", full_name)
    words = full_name.split()
    count = len(words)
    if count == 0:
        return _EMPTY_COMPONENT * 3
    if count == 1:
        return _component_key(words[0]) + _EMPTY_COMPONENT * 2
    middle = _component_key(" ".join(words[1:-1])) if count > 2 else _EMPTY_COMPONENT
    return _component_key(words[-1]) + _component_key(words[0]) + middle
