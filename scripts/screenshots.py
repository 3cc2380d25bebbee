"""Screenshots of the real app on the demo office: one PNG per page, plus English and pseudo.

    .venv/bin/python scripts/screenshots.py                  # -> docs/screenshots/*.png
    .venv/bin/python scripts/screenshots.py --out /tmp/shots --members 500

Without a display it starts itself again under `xvfb-run` (1280×800×24). It builds a demo
office in a temporary data folder (`partydesk demo --members 3000 --seed 1`), then for each
language starts a fresh process (translators must be installed before any widget) that
opens the main window at (0, 0), 1280×800, and grabs it.

The interface used on the window, kept small on purpose:
- `MainWindow(ctx, backups_dir)` (or `MainWindow(ctx)`);
- `window.page_names()` and `window.show_page(name)` when they exist; otherwise the window
  is grabbed as it opens, as `window.png`.

Set QT_SCALE_FACTOR=2 to see the window at 200 % (the PNGs are then 2560×1600).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WIDTH, HEIGHT = 1280, 800
MAX_BYTES = 200 * 1024
#: Besides Vietnamese (every page), one page in each of these languages.
EXTRA_LANGUAGES = ("en", "pseudo")
EXTRA_PAGE = "members"
#: Languages whose run also grabs the overview and its «Biểu đồ» tab.
CHARTS_LANGUAGES = ("en",)
#: The year's admission target set in the demo, so the charts show the target line.
DEMO_ADMISSION_TARGET = 200


def say(text: str) -> None:
    print(text, flush=True)


# --- the capturing child process -----------------------------------------------------------


def pin_none() -> None:
    """Work around PySide6 6.12.0 on Python < 3.12, which drops a reference to None on every
    call of a method returning void (`show()`, `processEvents()`…): after a few thousand calls
    Python aborts with "none_dealloc". Python 3.12 made None immortal; this does the same.
    """
    if sys.version_info < (3, 12):
        import ctypes

        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


def _settle(app: object, seconds: float) -> None:
    """Let queued work, worker results and paints happen for `seconds`."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def _save(image: object, path: Path) -> int:
    """Save a PNG; if it is over MAX_BYTES, again with a 256-colour palette. Returns bytes."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    assert isinstance(image, QImage)
    image.save(str(path), quality=0)  # PNG: 0 = smallest file
    if path.stat().st_size > MAX_BYTES:
        indexed = image.convertToFormat(
            QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither
        )
        indexed.save(str(path), quality=0)
    return path.stat().st_size


def capture(data_dir: Path, out: Path, language: str, pages: Sequence[str], suffix: str) -> int:
    """Open the main window on `data_dir` in `language` and save the pages asked for."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from partydesk.paths import DataPaths
    from partydesk.services.database import open_database
    from partydesk.ui.context import UiContext
    from partydesk.ui.fonts import apply_default_font
    from partydesk.ui.i18n import install_language
    from partydesk.ui.tasks import TaskRunner

    pin_none()
    app = QApplication([sys.argv[0]])
    app.setApplicationName("partydesk")
    apply_default_font(app)
    install_language(app, language)
    try:  # after the translators, like launch.py
        from partydesk.ui.main_window import MainWindow
    except ImportError as exc:
        say(f"    partydesk.ui.main_window cannot be imported yet ({exc}): no screenshots")
        return 1

    paths = DataPaths(data_dir).ensure()
    settings = QSettings(str(paths.settings), QSettings.Format.IniFormat)
    db = open_database(paths.database, backup_dir=paths.backups)
    runner = TaskRunner()
    ctx = UiContext(db=db, runner=runner, settings=settings, language=language)
    try:
        try:
            window = MainWindow(ctx, paths.backups)
        except TypeError:
            window = MainWindow(ctx)  # type: ignore[call-arg]
        window.move(0, 0)
        window.resize(WIDTH, HEIGHT)
        window.show()
        window.raise_()
        _settle(app, 2.0)
        if window.width() > WIDTH or window.height() > HEIGHT:
            hint = window.minimumSizeHint()
            say(
                f"    warning: the window does not fit {WIDTH}×{HEIGHT}: it is"
                f" {window.width()}×{window.height()} (minimum {hint.width()}×{hint.height()})"
            )
        names = list(window.page_names()) if hasattr(window, "page_names") else []
        if not names or not hasattr(window, "show_page"):
            say("    MainWindow has no page_names()/show_page(): grabbing the window as it is")
            names = ["window"]
        wanted = [n for n in names if not pages or n in pages] or names[:1]
        for name in wanted:
            if name != "window":
                window.show_page(name)
                _settle(app, 1.2)
            path = out / f"{name}{suffix}.png"
            size = _save(window.grab().toImage(), path)
            say(
                f"    {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}"
                f"  {size / 1024:.0f} KB"
            )
            if name == "overview" and hasattr(window.overview, "show_charts"):
                _overview_charts(app, window, out, suffix)
        if language == "vi" and not pages:
            _preferences(app, ctx, window, out)
        window.close()
    finally:
        runner.shutdown()
        db.close()
    return 0


def _overview_charts(app: object, window: object, out: Path, suffix: str) -> None:
    """The overview's «Biểu đồ» tab, as `overview-charts.png`; then the to-do tab again."""
    overview = window.overview  # type: ignore[attr-defined]
    overview.show_charts()
    _settle(app, 1.5)  # read on the worker
    path = out / f"overview-charts{suffix}.png"
    size = _save(window.grab().toImage(), path)  # type: ignore[attr-defined]
    say(
        f"    {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  {size / 1024:.0f} KB"
    )
    overview.tabs.setCurrentIndex(0)  # the next start (and language) opens on the to-do list


def set_admission_target(data_dir: Path) -> None:
    """`partydesk rules set report.admission_target` for this year in the demo office."""
    year = time.localtime().tm_year
    say(f"setting the {year} admission target to {DEMO_ADMISSION_TARGET}")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "partydesk",
            "rules",
            "set",
            "--data-dir",
            str(data_dir),
            "report.admission_target",
            str(DEMO_ADMISSION_TARGET),
            "--from",
            f"01/01/{year}",
            "--reason",
            "Chỉ tiêu kết nạp của năm (văn phòng mẫu)",
        ],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _preferences(app: object, ctx: object, window: object, out: Path) -> None:
    from PySide6.QtWidgets import QWidget

    from partydesk.ui.context import UiContext
    from partydesk.ui.dialogs.preferences import PreferencesDialog

    assert isinstance(ctx, UiContext)
    assert isinstance(window, QWidget)
    dialog = PreferencesDialog(ctx, parent=window)
    dialog.show()
    _settle(app, 0.3)
    path = out / "preferences.png"
    size = _save(dialog.grab().toImage(), path)
    say(
        f"    {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  {size / 1024:.0f} KB"
    )
    dialog.reject()


# --- the driver ------------------------------------------------------------------------------


def _under_xvfb(argv: Sequence[str]) -> int:
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        say("no DISPLAY and no xvfb-run: install xvfb (./dev.sh does) or set DISPLAY")
        return 1
    env = dict(os.environ, PARTYDESK_SCREENSHOTS_XVFB="1")
    env.pop("QT_QPA_PLATFORM", None)  # a real X server, not offscreen
    command = [xvfb, "-a", "-s", f"-screen 0 {WIDTH}x{HEIGHT}x24", sys.executable, __file__]
    return subprocess.run([*command, *argv], env=env, check=False).returncode


def build_demo(data_dir: Path, members: int) -> None:
    """`partydesk demo` into a fresh data folder."""
    say(f"building the demo office ({members:,} members) in {data_dir}")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "partydesk",
            "demo",
            "--data-dir",
            str(data_dir),
            "--members",
            str(members),
            "--seed",
            "1",
        ],
        cwd=ROOT,
        check=True,
    )


def _child(data_dir: Path, out: Path, language: str, pages: Sequence[str], suffix: str) -> int:
    command = [
        sys.executable,
        __file__,
        "--capture",
        "--data-dir",
        str(data_dir),
        "--out",
        str(out),
        "--language",
        language,
        f"--suffix={suffix}",
    ]
    for page in pages:
        command += ["--page", page]
    return subprocess.run(command, cwd=ROOT, check=False).returncode


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description="Screenshots of every page of partydesk.")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--members", type=int, default=3000, help="members of the demo office")
    parser.add_argument("--data-dir", type=Path, help="use this data folder, do not build one")
    parser.add_argument("--capture", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--language", default="vi", help=argparse.SUPPRESS)
    parser.add_argument("--page", action="append", default=[], help=argparse.SUPPRESS)
    parser.add_argument("--suffix", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.capture:
        return capture(args.data_dir, args.out, args.language, args.page, args.suffix)
    if not os.environ.get("DISPLAY") and not os.environ.get("PARTYDESK_SCREENSHOTS_XVFB"):
        return _under_xvfb(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="partydesk-shots-") as tmp:
        data_dir = args.data_dir or Path(tmp) / "data"
        if args.data_dir is None:
            build_demo(data_dir, args.members)
            set_admission_target(data_dir)
        say("capturing in Vietnamese")
        failed = _child(data_dir, args.out, "vi", [], "")
        for language in EXTRA_LANGUAGES:
            say(f"capturing in {language}")
            pages = [EXTRA_PAGE, "overview"] if language in CHARTS_LANGUAGES else [EXTRA_PAGE]
            failed |= _child(data_dir, args.out, language, pages, f"-{language}")
    return failed


if __name__ == "__main__":
    sys.exit(main())
