"""`partydesk --self-test [--data-dir DIR]`: the self-test, one printed line per step.

    partydesk --self-test --data-dir DIR   # DIR new, empty, or an earlier self-test's
    partydesk --self-test                  # a temporary folder, removed when all passed

Prints `OK` and exits 0 when every step passed; otherwise names the failing step and
its reason and exits 1 (the folder is kept to look at). The GUI step is given by the
composition root (only `ui` knows Qt); see `partydesk.services.self_test`.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import TextIO

from partydesk import __version__
from partydesk.services.self_test import STEPS, GuiCheck, StepResult, run_self_test

#: What each step is called on screen (Vietnamese first).
STEP_LABELS = {
    "folder": "Thư mục / Folder",
    "database": "Cơ sở dữ liệu mới / New database",
    "demo": "Đơn vị mẫu / Demo office",
    "form": "In biểu mẫu / Printed form",
    "workbook": "Xuất Excel / Workbook",
    "package": "Gói đồng bộ / Sync package",
    "gui": "Giao diện / Main window",
}


def run_self_test_command(
    args: argparse.Namespace, gui_check: GuiCheck | None, out: TextIO | None = None
) -> int:
    """Run the self-test for the parsed arguments; returns the exit code (0, 1 or 2)."""
    out = out or sys.stdout
    if args.db:
        print(
            "Lỗi: --self-test chỉ dùng --data-dir, không dùng --db."
            " / Error: --self-test takes --data-dir, not --db.",
            file=sys.stderr,
        )
        return 2
    temporary = not args.data_dir
    folder = (
        Path(tempfile.mkdtemp(prefix="partydesk-self-test-")) if temporary else Path(args.data_dir)
    )
    total = len(STEPS) if gui_check is not None else len(STEPS) - 1
    print(f"partydesk {__version__} — tự kiểm tra / self-test", file=out, flush=True)

    def show(step: StepResult) -> None:
        number = STEPS.index(step.name) + 1
        verdict = "ok" if step.ok else "LỖI / FAILED"
        print(
            f"[{number}/{total}] {STEP_LABELS[step.name]}: {verdict} "
            f"({step.seconds:.2f} s) — {step.detail}",
            file=out,
            flush=True,
        )

    started = time.perf_counter()
    report = run_self_test(folder, gui_check, show)
    elapsed = time.perf_counter() - started
    failed = report.failed
    if failed is not None or not report.ok:
        name = failed.name if failed is not None else "?"
        detail = failed.detail if failed is not None else ""
        print(
            f"Tự kiểm tra thất bại ở bước «{name}» / Self-test failed at step '{name}': {detail}",
            file=out,
            flush=True,
        )
        print(f"Thư mục được giữ lại / Folder kept: {report.folder}", file=out, flush=True)
        return 1
    print(f"Tổng thời gian / Total: {elapsed:.2f} s", file=out)
    if temporary:
        shutil.rmtree(folder, ignore_errors=True)
    print("OK", file=out, flush=True)
    return 0
