"""Read rendered PDFs back with poppler-utils (pdftotext, pdffonts, pdfinfo) for the tests."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

MM = 72 / 25.4
A4_PORTRAIT = (595.0, 842.0)
A4_LANDSCAPE = (842.0, 595.0)


def _run(tool: str, *args: str) -> str:
    exe = shutil.which(tool)
    if exe is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    result = subprocess.run(
        [exe, *args], capture_output=True, text=True, encoding="utf-8", check=True
    )
    return result.stdout


def pdf_text(path: Path, *, layout: bool = True) -> str:
    """The text of the PDF (`pdftotext -layout` unless `layout` is False)."""
    args = ["-layout"] if layout else []
    return _run("pdftotext", *args, str(path), "-")


def pdf_lines(path: Path) -> list[str]:
    """Non-empty lines of `pdftotext -layout`, with runs of spaces squeezed to one."""
    return [" ".join(line.split()) for line in pdf_text(path).splitlines() if line.strip()]


@dataclass(frozen=True)
class Word:
    """One word of `pdftotext -bbox-layout`: page number (1-based), text and box in points."""

    page: int
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


@dataclass(frozen=True)
class Page:
    """Size of one page in points."""

    number: int
    width: float
    height: float


def pdf_words(path: Path) -> tuple[list[Page], list[Word]]:
    """Pages and words with their boxes (origin top-left, y downwards, in points)."""
    xhtml = _run("pdftotext", "-bbox-layout", str(path), "-")
    root = ET.fromstring(xhtml)
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    pages: list[Page] = []
    words: list[Word] = []
    for number, page in enumerate(root.iter(f"{{{ns['x']}}}page"), start=1):
        pages.append(Page(number, float(page.get("width", 0)), float(page.get("height", 0))))
        for word in page.iter(f"{{{ns['x']}}}word"):
            words.append(
                Word(
                    number,
                    word.text or "",
                    float(word.get("xMin", 0)),
                    float(word.get("yMin", 0)),
                    float(word.get("xMax", 0)),
                    float(word.get("yMax", 0)),
                )
            )
    return pages, words


def words_outside_margins(
    path: Path,
    *,
    top: float = 20.0,
    bottom: float = 20.0,
    left: float = 30.0,
    right: float = 15.0,
    tolerance: float = 0.5,
) -> list[Word]:
    """Words whose box leaves the page minus the margins (millimetres), with `tolerance` pt."""
    pages, words = pdf_words(path)
    sizes = {page.number: page for page in pages}
    outside = []
    for word in words:
        page = sizes[word.page]
        if (
            word.x_min < left * MM - tolerance
            or word.x_max > page.width - right * MM + tolerance
            or word.y_min < top * MM - tolerance
            or word.y_max > page.height - bottom * MM + tolerance
        ):
            outside.append(word)
    return outside


@dataclass(frozen=True)
class FontRow:
    """One line of `pdffonts`: name, type, whether embedded and subset."""

    name: str
    type: str
    embedded: bool
    subset: bool


def pdf_fonts(path: Path) -> list[FontRow]:
    """The fonts `pdffonts` lists for the PDF."""
    out = _run("pdffonts", str(path)).splitlines()
    rows = []
    for line in out[2:]:
        if not line.strip():
            continue
        parts = line.split()
        # name, type (may be two words: "Type 1", "CID TrueType"), encoding, emb, sub, uni, id, gen
        emb, sub = parts[-5], parts[-4]
        rows.append(FontRow(parts[0], " ".join(parts[1:-6]), emb == "yes", sub == "yes"))
    return rows


def pdf_info(path: Path) -> dict[str, str]:
    """`pdfinfo` as a dictionary (Title, Author, Pages, Page size…)."""
    info = {}
    for line in _run("pdfinfo", str(path)).splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def page_count(path: Path) -> int:
    """Number of pages."""
    return int(pdf_info(path)["Pages"])


def page_sizes(path: Path) -> list[tuple[float, float]]:
    """(width, height) of every page, in points, rounded to whole points."""
    pages, _ = pdf_words(path)
    return [(round(page.width), round(page.height)) for page in pages]


def assert_pdf_basics(
    path: Path,
    *,
    size: tuple[float, float] = A4_PORTRAIT,
    margins: tuple[float, float, float, float] = (20.0, 20.0, 30.0, 15.0),
) -> None:
    """Every page of `size`, every font embedded, every word inside the margins.

    `margins` is (top, bottom, left, right) in millimetres.
    """
    assert path.exists()
    assert all(s == (round(size[0]), round(size[1])) for s in page_sizes(path)), page_sizes(path)
    fonts = pdf_fonts(path)
    assert fonts, "no fonts in the PDF"
    assert all(f.embedded for f in fonts), fonts
    top, bottom, left, right = margins
    outside = words_outside_margins(path, top=top, bottom=bottom, left=left, right=right)
    assert not outside, outside[:5]


def no_leftovers(folder: Path, expected: set[str]) -> bool:
    """True when `folder` holds exactly the files named in `expected` (no temporary files)."""
    return {p.name for p in folder.iterdir()} == expected
