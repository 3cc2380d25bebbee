"""Printed forms: one admission decision and 1,000 transfer letters against bare reportlab.

    .venv/bin/python -m bench.bench_forms [--letters 1000] [--repeats 20]

1. One admission decision (`admission_decision.render`): the first render of the process
   (fonts parsed) reported apart, then the median of `--repeats` renders.  Target: ≤ 50 ms.
2. `--letters` official transfer letters (`transfer_letter.render`), one file each, with
   a different member per letter.  Target: 1,000 letters ≤ 10 s.

The baseline of each is bare reportlab in the same run: a `Canvas` with the same embedded
TrueType fonts drawing the very strings the form printed (read back once with pdftotext
before timing) line by line with `drawString`, one file per document.  The ratio is
form / baseline: what the layout engine (Paragraph wrapping, tables, the frame) costs on
top of putting the same text on a page.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from partydesk.documents.pdf.fonts import SERIF, register_fonts
from partydesk.documents.pdf.forms import admission_decision, transfer_letter
from partydesk.documents.pdf.frame import Header, Signature

DECISION_TARGET = 0.050
LETTERS_TARGET = 10.0

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"]
MIDDLE = ["Văn", "Thị", "Đức", "Thu", "Minh", "Ngọc", "Hữu", "Thanh"]
GIVEN = ["Ánh", "Bình", "Cường", "Dũng", "Hường", "Lượng", "Phúc", "Quỳnh", "Thảo", "Yến"]


def name(i: int) -> str:
    return f"{FAMILY[i % 10]} {MIDDLE[(i // 10) % 8]} {GIVEN[(i // 80) % 10]}"


def decision() -> admission_decision.AdmissionDecision:
    return admission_decision.AdmissionDecision(
        header=Header(
            "Đảng bộ tỉnh Lâm Đồng",
            "Đảng ủy xã Đam Rông",
            "Số 127-QĐ/ĐU",
            "Đam Rông",
            date(2026, 2, 5),
        ),
        signature=Signature("T/M Ban thường vụ", "Phó bí thư", "Trần Đức Lượng"),
        full_name="Nguyễn Thị Ánh",
        birth_date=date(1998, 3, 7),
        hometown="xã Đạ Tông, huyện Đam Rông, tỉnh Lâm Đồng",
        branch="Chi bộ Trường THCS Đam Rông",
        proposers=("Đảng ủy Trường THPT Đam Rông",),
        form_code="Mẫu 9-KNĐ",
    )


def letter(i: int) -> transfer_letter.TransferLetter:
    return transfer_letter.TransferLetter(
        kind="chinh_thuc",
        header=Header(
            "Đảng bộ tỉnh Lâm Đồng",
            "Đảng ủy xã Đam Rông",
            f"Số {i + 1}-GT/ĐU",
            "Đam Rông",
            date(2026, 2, 5),
        ),
        signature=Signature("T/M Ban thường vụ", "Phó bí thư", "Trần Đức Lượng"),
        to_text="Đảng ủy phường Xuân Hương - Đà Lạt",
        member_name=name(i),
        birth_date=date(1980 + i % 20, 1 + i % 12, 1 + i % 28),
        probationary=False,
        admitted_on=date(2010, 5, 19),
        official_on=date(2011, 5, 19),
        card_number=f"{74000000 + i}",
        biography_number=f"{i:06d}-LĐ",
        list_number=str(i + 1),
        destination="Chi bộ Khu phố 3, Đảng bộ phường Xuân Hương - Đà Lạt",
        hops=(
            "Đảng ủy xã Đam Rông",
            "Ban Tổ chức Tỉnh ủy Lâm Đồng",
            "Đảng ủy phường Xuân Hương - Đà Lạt",
            "Chi bộ Khu phố 3",
        ),
        dues_paid_through="2026-01",
    )


def printed_pages(pdf: Path) -> list[list[str]]:
    """The lines pdftotext reads from each page (the strings the baseline draws)."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [[line for line in page.splitlines() if line.strip()] for page in text.split("\f")]


def bare(path: Path, pages: list[list[str]]) -> None:
    """The baseline: same fonts, same strings, drawString line by line."""
    # Same settings as build_pdf: invariant output, no compression, the bundled serif.
    canvas = Canvas(
        str(path), pagesize=A4, invariant=True, initialFontName=SERIF, pageCompression=0
    )
    for lines in pages:
        if not lines:
            continue
        canvas.setFont(SERIF, 12)
        y = A4[1] - 60
        for line in lines:
            canvas.drawString(85, y, line.strip())
            y -= 15
        canvas.showPage()
    canvas.save()


def timed(action: Callable[[], None]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args(argv)
    if shutil.which("pdftotext") is None:
        print("pdftotext (poppler-utils) is needed to read the strings back")
        return 2
    print(f"Python {platform.python_version()}, {platform.machine()}, {platform.system()}")
    work = Path(tempfile.mkdtemp(prefix="bench-forms-"))
    try:
        # 1. One admission decision.
        data = decision()
        cold = timed(lambda: admission_decision.render(data, work / "qd-cold.pdf"))
        runs = [
            timed(lambda n=n: admission_decision.render(data, work / f"qd-{n}.pdf"))
            for n in range(args.repeats)
        ]
        pages = printed_pages(work / "qd-0.pdf")
        register_fonts()
        base_runs = [
            timed(lambda n=n: bare(work / f"bare-qd-{n}.pdf", pages)) for n in range(args.repeats)
        ]
        form_ms = statistics.median(runs)
        base_ms = statistics.median(base_runs)
        print("\n1. Admission decision (median of", args.repeats, "renders)")
        print(f"   first render in the process (fonts parsed): {cold * 1000:8.1f} ms")
        print(f"   partydesk render:                           {form_ms * 1000:8.1f} ms")
        print(f"   bare reportlab drawString, same strings:    {base_ms * 1000:8.1f} ms")
        print(f"   ratio: {form_ms / base_ms:.1f}x; target ≤ {DECISION_TARGET * 1000:.0f} ms")

        # 2. Transfer letters, one file each.
        letters = [letter(i) for i in range(args.letters)]
        folder = work / "letters"
        folder.mkdir()
        total = timed(
            lambda: [
                transfer_letter.render(item, folder / f"gt-{i:04d}.pdf")
                for i, item in enumerate(letters)
            ]
        )
        sample = printed_pages(folder / "gt-0000.pdf")
        first = letters[0].member_name
        bare_pages = [
            [[line.replace(first, item.member_name) for line in page] for page in sample]
            for item in letters
        ]
        bare_folder = work / "bare-letters"
        bare_folder.mkdir()
        base_total = timed(
            lambda: [
                bare(bare_folder / f"gt-{i:04d}.pdf", page_set)
                for i, page_set in enumerate(bare_pages)
            ]
        )
        print(f"\n2. {args.letters} official transfer letters, one file each")
        print(
            f"   partydesk render:                        {total:8.2f} s "
            f"({total / args.letters * 1000:.1f} ms per letter)"
        )
        print(
            f"   bare reportlab drawString, same strings: {base_total:8.2f} s "
            f"({base_total / args.letters * 1000:.1f} ms per letter)"
        )
        print(
            f"   ratio: {total / base_total:.1f}x; target ≤ {LETTERS_TARGET:.0f} s "
            f"for 1,000 ({total * 1000 / args.letters:.2f} s scaled)"
        )

        ok_decision = form_ms <= DECISION_TARGET
        ok_letters = total * 1000 / args.letters <= LETTERS_TARGET
        print("\nSummary")
        print(f"   one decision ≤ 50 ms:      {'PASS' if ok_decision else 'FAIL'}")
        print(f"   1,000 letters ≤ 10 s:      {'PASS' if ok_letters else 'FAIL'}")
        return 0 if ok_decision and ok_letters else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
