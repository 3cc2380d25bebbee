"""CCCD (citizen identity) numbers: structure, checks against a person, generation."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from partydesk.rules.sex import FEMALE, MALE, normalize_sex

__all__ = ["CCCD_PROVINCES", "CccdFacts", "cccd_facts", "check_cccd", "make_cccd"]

CCCD_LENGTH = 12

# Codes of the 63 provinces before the 2025 mergers, in the first three digits of a
# personal identification number (Thông tư 07/2016/TT-BCA, phụ lục; unchanged in Thông tư
# 59/2021/TT-BCA). They name where the birth was registered and never change with a move
# or a merger, so the old list stays valid for every number ever issued.
CCCD_PROVINCES: Mapping[str, str] = MappingProxyType(
    {
        "001": "Hà Nội",
        "002": "Hà Giang",
        "004": "Cao Bằng",
        "006": "Bắc Kạn",
        "008": "Tuyên Quang",
        "010": "Lào Cai",
        "011": "Điện Biên",
        "012": "Lai Châu",
        "014": "Sơn La",
        "015": "Yên Bái",
        "017": "Hòa Bình",
        "019": "Thái Nguyên",
        "020": "Lạng Sơn",
        "022": "Quảng Ninh",
        "024": "Bắc Giang",
        "025": "Phú Thọ",
        "026": "Vĩnh Phúc",
        "027": "Bắc Ninh",
        "030": "Hải Dương",
        "031": "Hải Phòng",
        "033": "Hưng Yên",
        "034": "Thái Bình",
        "035": "Hà Nam",
        "036": "Nam Định",
        "037": "Ninh Bình",
        "038": "Thanh Hóa",
        "040": "Nghệ An",
        "042": "Hà Tĩnh",
        "044": "Quảng Bình",
        "045": "Quảng Trị",
        "046": "Thừa Thiên Huế",
        "048": "Đà Nẵng",
        "049": "Quảng Nam",
        "051": "Quảng Ngãi",
        "052": "Bình Định",
        "054": "Phú Yên",
        "056": "Khánh Hòa",
        "058": "Ninh Thuận",
        "060": "Bình Thuận",
        "062": "Kon Tum",
        "064": "Gia Lai",
        "066": "Đắk Lắk",
        "067": "Đắk Nông",
        "068": "Lâm Đồng",
        "070": "Bình Phước",
        "072": "Tây Ninh",
        "074": "Bình Dương",
        "075": "Đồng Nai",
        "077": "Bà Rịa - Vũng Tàu",
        "079": "Hồ Chí Minh",
        "080": "Long An",
        "082": "Tiền Giang",
        "083": "Bến Tre",
        "084": "Trà Vinh",
        "086": "Vĩnh Long",
        "087": "Đồng Tháp",
        "089": "An Giang",
        "091": "Kiên Giang",
        "092": "Cần Thơ",
        "093": "Hậu Giang",
        "094": "Sóc Trăng",
        "095": "Bạc Liêu",
        "096": "Cà Mau",
    }
)

# Digit 4 codes century and sex together: even male, odd female; 0/1 for 1900–1999,
# 2/3 for 2000–2099, 4/5, 6/7 for the next centuries and 8/9 for 1800–1899.
_CENTURY_BY_PAIR = (1900, 2000, 2100, 2200, 1800)


@dataclass(frozen=True)
class CccdFacts:
    """What a well-formed CCCD number says about its holder."""

    province_code: str
    province_name: str
    sex: str  # "nam" or "nữ"
    birth_year: int


def _is_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _century(digit: int) -> int:
    return _CENTURY_BY_PAIR[digit // 2]


def _sex_of(digit: int) -> str:
    return MALE if digit % 2 == 0 else FEMALE


def _form_problems(number: str) -> list[str]:
    if len(number) == CCCD_LENGTH and _is_digits(number):
        return []  # nearly every number checked: no need to look at each character
    if not number:
        return ["Chưa nhập số CCCD."]
    problems: list[str] = []
    others = [ch for ch in number if not ("0" <= ch <= "9")]
    if others:
        shown = "".join(dict.fromkeys("␣" if ch.isspace() else ch for ch in others))
        problems.append(
            f"Số CCCD chỉ được gồm chữ số, không có khoảng trắng, dấu hay chữ cái"
            f" (đang có «{shown}»)."
        )
    digits = len(number) - len(others)
    if digits != CCCD_LENGTH:
        problems.append(f"Số CCCD phải có đúng {CCCD_LENGTH} chữ số (đang có {digits}).")
    return problems


def cccd_facts(number: str) -> CccdFacts | None:
    """Read province, sex and birth year from a well-formed CCCD number, else None.

    Structure of the 12-digit personal identification number: province code of the birth
    registration (digits 1–3), century-and-sex code (digit 4), last two digits of the
    birth year (5–6), serial (7–12). Thông tư 07/2016/TT-BCA điều 7, replaced by Thông tư
    59/2021/TT-BCA điều 7.
    """
    number = number.strip()
    if len(number) != CCCD_LENGTH or not _is_digits(number):
        return None
    province = CCCD_PROVINCES.get(number[:3])
    if province is None:
        return None
    digit = int(number[3])
    return CccdFacts(
        province_code=number[:3],
        province_name=province,
        sex=_sex_of(digit),
        birth_year=_century(digit) + int(number[4:6]),
    )


def check_cccd(number: str, birth_date: date | None = None, sex: str | None = None) -> list[str]:
    """List what is wrong with a CCCD number, in sentences a clerk understands; [] if valid.

    Checks 12 digits (surrounding spaces are ignored, inner spaces and letters are not),
    a known province code, and, when given, that digit 4 (century and sex) and digits 5–6
    (birth year) agree with the birth date and with the sex ("nam"/"nữ", any spelling
    `normalize_sex` accepts). Thông tư 07/2016/TT-BCA điều 7 and Thông tư 59/2021/TT-BCA
    điều 7 (structure), Thông tư 07/2016/TT-BCA phụ lục (province codes).
    """
    number = number.strip()
    problems = _form_problems(number)
    if problems:
        return problems
    code = number[:3]
    if code not in CCCD_PROVINCES:
        problems.append(
            f"Ba chữ số đầu «{code}» không phải mã tỉnh nơi đăng ký khai sinh"
            " (từ 001 Hà Nội đến 096 Cà Mau)."
        )
    digit = int(number[3])
    century = _century(digit)
    if birth_date is not None:
        if birth_date.year // 100 * 100 != century:
            problems.append(
                f"Chữ số thứ 4 là «{digit}», dành cho người sinh năm {century}–{century + 99},"
                f" không khớp năm sinh {birth_date.year}."
            )
        if int(number[4:6]) != birth_date.year % 100:
            problems.append(
                f"Chữ số thứ 5–6 là «{number[4:6]}», phải là hai số cuối của năm sinh"
                f" {birth_date.year} («{birth_date.year % 100:02d}»)."
            )
    if sex is not None:
        declared = normalize_sex(sex)
        if declared is None:
            problems.append(f"Không rõ giới tính «{sex}»: cần ghi «nam» hoặc «nữ».")
        elif declared != _sex_of(digit):
            problems.append(
                f"Chữ số thứ 4 là «{digit}», dành cho {_sex_of(digit)},"
                f" không khớp giới tính «{declared}»."
            )
    return problems


def make_cccd(province_code: str, sex: str, birth_year: int, serial: int) -> str:
    """Build a CCCD number with the given facts (demo data and tests).

    Same structure as `cccd_facts` reads (Thông tư 59/2021/TT-BCA điều 7). Raises
    ValueError for an unknown province, sex, a year outside 1800–2299 or a serial outside
    0–999999.
    """
    if province_code not in CCCD_PROVINCES:
        raise ValueError(f"unknown CCCD province code {province_code!r}")
    normalized = normalize_sex(sex)
    if normalized is None:
        raise ValueError(f"unknown sex {sex!r}")
    if not 1800 <= birth_year <= 2299:
        raise ValueError(f"birth year {birth_year} has no CCCD century code")
    if not 0 <= serial <= 999_999:
        raise ValueError(f"serial {serial} does not fit in six digits")
    pair = _CENTURY_BY_PAIR.index(birth_year // 100 * 100)
    digit = 2 * pair + (0 if normalized == MALE else 1)
    return f"{province_code}{digit}{birth_year % 100:02d}{serial:06d}"
