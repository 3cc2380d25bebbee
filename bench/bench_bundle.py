"""The one-folder bundle against the source checkout: cold start and self-test time, size.

    .venv/bin/python installer/build.py                    # builds dist/partydesk first
    .venv/bin/python -m bench.bench_bundle [--bundle dist/partydesk] [--runs 3]

Both sides run the same `partydesk --self-test` offscreen, in turns (bundle, source,
bundle, …), each in a fresh folder: the bundle's program, and `python -m partydesk` from
the checkout (the baseline, measured in the same run). Figures, medians of the runs:

- cold start to a usable window, as the self-test reports it: the process's age when the
  self-test begins (interpreter, imports) plus its window step (Qt, fonts, translations,
  the main window on the demo office until every start-up query came back);
- the whole self-test, wall clock from spawning the process to its exit;
- the bundle's size unpacked (files only, as the installer will lay them down).

Each ratio is also given as the median of the pairs' ratios (a bundle run and the
checkout run right after it share the machine's load), steadier on a shared machine.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COLD = re.compile(r"cold start to a usable window ([\d.]+) s")


def run_self_test(command: list[str], folder: Path) -> tuple[float, float]:
    """(cold start reported by the self-test, wall seconds) of one run."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")
    env.pop("PARTYDESK_DATA_DIR", None)
    started = time.perf_counter()
    done = subprocess.run(
        [*command, "--self-test", "--data-dir", str(folder)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
        timeout=600,
    )
    wall = time.perf_counter() - started
    match = COLD.search(done.stdout)
    if done.returncode != 0 or match is None:
        raise SystemExit(f"self-test failed ({' '.join(command)}):\n{done.stdout}{done.stderr}")
    return float(match.group(1)), wall


def size_mib(folder: Path) -> float:
    """MiB of every file under `folder`."""
    files = (path for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
    return sum(path.stat().st_size for path in files) / 1_048_576


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "partydesk")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    program = args.bundle / ("partydesk.exe" if sys.platform == "win32" else "partydesk")
    if not program.is_file():
        print(f"no bundle at {args.bundle}: run .venv/bin/python installer/build.py first")
        return 1
    sides = {"bundle": [str(program)], "source": [sys.executable, "-m", "partydesk"]}
    cold: dict[str, list[float]] = {name: [] for name in sides}
    wall: dict[str, list[float]] = {name: [] for name in sides}
    with tempfile.TemporaryDirectory(prefix="bench-bundle-") as scratch:
        for run in range(args.runs):
            for name, command in sides.items():
                seconds, elapsed = run_self_test(command, Path(scratch) / f"{name}-{run}")
                cold[name].append(seconds)
                wall[name].append(elapsed)
                print(f"run {run + 1} {name}: cold start {seconds:.2f} s, whole {elapsed:.2f} s")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\n{args.runs} runs each, alternating; load average {load:.1f}")
    print("| Measure | bundle | source (baseline) | ratio |")
    print("|---|---|---|---|")
    for label, figures in (("cold start to a usable window", cold), ("whole self-test", wall)):
        ours, base = statistics.median(figures["bundle"]), statistics.median(figures["source"])
        print(f"| {label} (median) | {ours:.2f} s | {base:.2f} s | {ours / base:.2f}× |")
        # Each pair ran back to back under the same load: the steadier ratio on a busy box.
        pairs = statistics.median(
            b / s for b, s in zip(figures["bundle"], figures["source"], strict=True)
        )
        print(f"| {label} (median of the pairs' ratios) | | | **{pairs:.2f}×** |")
    print(f"| bundle size unpacked | {size_mib(args.bundle):.1f} MiB | | target ≤ 150 MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
