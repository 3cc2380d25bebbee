"""The printing service end to end: one admission decision, a batch of 1,000 transfer letters.

    .venv/bin/python -m bench.bench_printing [--members 2000] [--letters 1000] [--repeats 20]

On the demo office (`build_demo_office`, `--members` members, seed 1, today fixed):

1. `print_document` of one admission decision: a transaction that reads the member, takes
   the next number of the register and commits; the PDF; the print logged in the
   register. Each call is a new candidate (a new number), the first call of the process
   (fonts parsed, caches cold) reported apart, then the median of `--repeats`: the figure
   for "one form ≤ 50 ms in the running app".
2. `print_batch` of `--letters` transfer-letter requests: letters issued through
   `services.transfers.transfer_out` first (one per member, up to 200), the requests cycling
   over them (a reprint of a letter keeps its number and counts the print). Target: 1,000
   letters ≤ 10 s.

The baseline of each is bare reportlab in the same run: a `Canvas` with the same embedded
TrueType font drawing the strings the service printed (read back with pdftotext before
timing) with `drawString`, one file per document. The ratio is service / baseline: what
the database work, the layout engine and the atomic write cost on top of putting the same
text on a page.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from partydesk.codes import MemberStatus, OrgKind
from partydesk.db.models import Member, Organization
from partydesk.documents.pdf.fonts import SERIF, register_fonts
from partydesk.documents.pdf.forms import transfer_letter
from partydesk.errors import PartydeskError
from partydesk.services import printing
from partydesk.services.database import open_database
from partydesk.services.demo import build_demo_office
from partydesk.services.member_input import HistoryItem, MemberInput
from partydesk.services.members import create_member
from partydesk.services.transfers import TransferOutInput, transfer_out

TODAY = date(2026, 6, 30)
DECISION_TARGET = 0.050
LETTERS_TARGET = 10.0
MAX_TRANSFERS = 200


def timed(action: Callable[[], object]) -> float:
    """Seconds taken by `action()`."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def printed_pages(pdf: Path) -> list[list[str]]:
    """The lines pdftotext reads from each page (the strings the baseline draws)."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [[line for line in page.splitlines() if line.strip()] for page in text.split("\f")]


def bare(path: Path, pages: list[list[str]]) -> None:
    """The baseline: the bundled serif, the same strings, drawString line by line."""
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


def main(argv: list[str] | None = None) -> int:
    """Run both measures, print the figures; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args(argv)
    if shutil.which("pdftotext") is None:
        print("pdftotext (poppler-utils) is needed to read the strings back")
        return 2
    print(f"Python {platform.python_version()}, {platform.machine()}, {platform.system()}")
    work = Path(tempfile.mkdtemp(prefix="bench-printing-"))
    try:
        db = open_database(work / "demo.sqlite3", actor="bench")
        build_seconds = timed(lambda: build_demo_office(db, args.members, 1, TODAY))
        print(f"demo office of {args.members} members built in {build_seconds:.1f} s")
        with db.reader() as session:
            branch = session.scalars(
                select(Organization.id)
                .where(Organization.kind == OrgKind.GRASSROOTS_BRANCH.value)
                .order_by(Organization.id)
            ).first()
            officials = session.scalars(
                select(Member.id)
                .where(Member.status == MemberStatus.OFFICIAL.value, Member.deleted_at.is_(None))
                .order_by(Member.id)
            ).all()
        assert branch is not None
        # Candidates proposed by their branch: each print takes a new number.
        candidates = [
            create_member(
                db,
                MemberInput(
                    full_name=f"Nguyễn Thị Ánh {i}",
                    sex="nữ",
                    birth_date=date(1998, 3, 7),
                    organization_id=branch,
                    hometown="xã Đạ Tông, tỉnh Lâm Đồng",
                    history=(
                        HistoryItem(
                            "branch_resolution", date(2026, 6, 1), "3-NQ/CB", organization_id=branch
                        ),
                    ),
                ),
                today=TODAY,
            ).id
            for i in range(args.repeats + 1)
        ]
        out = work / "decisions"
        request = printing.PrintRequest
        cold = timed(
            lambda: printing.print_document(
                db, request("admission_decision", candidates[0], on=TODAY), out
            )
        )
        printed: list[printing.PrintedDocument] = []
        runs = [
            timed(
                lambda m=m: printed.append(
                    printing.print_document(db, request("admission_decision", m, on=TODAY), out)
                )
            )
            for m in candidates[1:]
        ]
        register_fonts()
        pages = printed_pages(printed[0].path)
        base_runs = [
            timed(lambda n=n: bare(work / f"bare-qd-{n}.pdf", pages)) for n in range(args.repeats)
        ]
        one, one_base = statistics.median(runs), statistics.median(base_runs)
        numbers = [p.number for p in printed]
        print(f"\n1. print_document, admission decision (median of {args.repeats}, new numbers)")
        print(f"   numbers {numbers[0]} … {numbers[-1]}")
        print(f"   first call in the process:               {cold * 1000:8.1f} ms")
        print(f"   print_document (number, PDF, register):  {one * 1000:8.1f} ms")
        print(f"   bare reportlab drawString, same strings: {one_base * 1000:8.1f} ms")
        print(f"   ratio: {one / one_base:.1f}x; target ≤ {DECISION_TARGET * 1000:.0f} ms")

        transfers: list[int] = []
        for member_id in officials:
            if len(transfers) >= min(MAX_TRANSFERS, args.letters):
                break
            try:
                detail = transfer_out(
                    db,
                    TransferOutInput(
                        member_id=member_id,
                        letter_date=TODAY,
                        to_text="Đảng ủy phường Xuân Hương - Đà Lạt",
                        receiving_superior="Đảng bộ tỉnh Lâm Đồng",
                        receiving_grassroots="Đảng ủy phường Xuân Hương - Đà Lạt",
                        receiving_branch="Chi bộ Khu phố 3",
                    ),
                    today=TODAY,
                )
            except PartydeskError:
                continue  # a member the rules do not let go (discipline review…)
            transfers.append(detail.row.id)
        requests = [
            request("transfer_letter", transfers[i % len(transfers)]) for i in range(args.letters)
        ]
        folder = work / "letters"
        batch: list[printing.PrintedDocument] = []
        # Time the form's own render apart (the service looks it up at call time).
        real_render = transfer_letter.render
        rendering = [0.0]

        def render(*items: Any) -> None:
            start = time.perf_counter()
            real_render(*items)
            rendering[0] += time.perf_counter() - start

        transfer_letter.render = render  # type: ignore[assignment]
        try:
            total = timed(lambda: batch.extend(printing.print_batch(db, requests, folder)))
        finally:
            transfer_letter.render = real_render  # type: ignore[assignment]
        by_transfer = {t: printed_pages(batch[i].path) for i, t in enumerate(transfers)}
        bare_folder = work / "bare-letters"
        bare_folder.mkdir()
        base_total = timed(
            lambda: [
                bare(bare_folder / f"gt-{i:04d}.pdf", by_transfer[r.ref or 0])
                for i, r in enumerate(requests)
            ]
        )
        print(
            f"\n2. print_batch of {args.letters} transfer-letter requests"
            f" ({len(transfers)} letters issued by transfer_out, cycled)"
        )
        print(
            f"   print_batch:                             {total:8.2f} s "
            f"({total / args.letters * 1000:.1f} ms per letter)"
        )
        print(
            f"   of which transfer_letter.render:         {rendering[0]:8.2f} s; "
            f"the service's own work {(total - rendering[0]) / args.letters * 1000:.1f} ms"
            " per letter"
        )
        print(
            f"   bare reportlab drawString, same strings: {base_total:8.2f} s "
            f"({base_total / args.letters * 1000:.1f} ms per letter)"
        )
        print(
            f"   ratio: {total / base_total:.1f}x; target ≤ {LETTERS_TARGET:.0f} s "
            f"for 1,000 ({total * 1000 / args.letters:.2f} s scaled)"
        )
        db.close()
        missed = one > DECISION_TARGET or total * 1000 / args.letters > LETTERS_TARGET
        print("\nall targets met" if not missed else "\nTARGET MISSED")
        return 1 if missed else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
