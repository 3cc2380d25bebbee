"""Sex codes as the registers write them: "nam" and "nữ"."""

from __future__ import annotations

from typing import Final

from partydesk.rules.text import fold

__all__ = ["FEMALE", "MALE", "normalize_sex"]

MALE: Final = "nam"
FEMALE: Final = "nữ"

# Spellings met in imported spreadsheets and other registers, compared after fold().
_SPELLINGS: Final[dict[str, str]] = {
    "nam": MALE,
    "male": MALE,
    "m": MALE,
    "trai": MALE,
    "nu": FEMALE,
    "female": FEMALE,
    "f": FEMALE,
    "gai": FEMALE,
}


def normalize_sex(value: str) -> str | None:
    """Return "nam" or "nữ" for any usual spelling ("Nữ", "NỮ", "nu", "female", "f"…).

    The two values are those of the biography and card forms (Hướng dẫn 12-HD/BTCTW 2022,
    mẫu 2-KNĐ) and of the CCCD (Thông tư 59/2021/TT-BCA điều 7). None when the value is not
    recognized: the caller decides whether that is an error.
    """
    return _SPELLINGS.get(fold(value))
