"""`partydesk --self-test`, run as a real subprocess offscreen: the steps, the files they
leave, the folder rule that protects real data, and the report of a failing step."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from openpyxl import load_workbook

from partydesk.services.self_test import FAIL_VARIABLE, MARKER, STEPS

pytestmark = pytest.mark.slow


def _self_test(
    *args: str, env: dict[str, str] | None = None, home: Path | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "LANG": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
        "QT_QPA_PLATFORM": "offscreen",
        **(env or {}),
    }
    environment.pop("PARTYDESK_DATA_DIR", None)
    if home is not None:  # where platformdirs would put real data: must stay untouched
        environment["HOME"] = str(home)
        environment["XDG_DATA_HOME"] = str(home / "share")
    return subprocess.run(
        [sys.executable, "-m", "partydesk", "--self-test", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=600,
        check=False,
    )


def _step_lines(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if re.match(r"^\[\d/\d\] ", line)]


def test_self_test_passes_every_step_and_leaves_its_files(tmp_path: Path):
    folder = tmp_path / "self-test"
    result = _self_test("--data-dir", str(folder), home=tmp_path / "home")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = _step_lines(result.stdout)
    assert len(lines) == len(STEPS)
    for number, line in enumerate(lines, start=1):
        assert line.startswith(f"[{number}/{len(STEPS)}] ")
        assert ": ok (" in line, line
    assert result.stdout.splitlines()[-1] == "OK"
    # The GUI step ran on the self-test's database and reports the cold start.
    assert "'partydesk — Đảng ủy xã Lạc Dương' on offscreen" in lines[-1]
    assert "cold start to a usable window" in lines[-1]
    assert re.search(r"preview of \S+\.pdf rendered", lines[-1])  # QtPdf, as the preview

    assert (folder / MARKER).is_file()
    assert (folder / "partydesk.sqlite3").is_file()
    exports = folder / "exports"
    pdfs = list(exports.glob("*.pdf"))
    assert len(pdfs) == 1
    assert pdfs[0].read_bytes().startswith(b"%PDF-")
    workbooks = list(exports.glob("*.xlsx"))
    assert len(workbooks) == 1
    rows = re.search(r"\.xlsx, (\d+) rows", result.stdout)
    assert rows is not None
    workbook = load_workbook(workbooks[0], read_only=True)
    try:
        names = [row[0] for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()
    assert sum(1 for name in names if isinstance(name, str) and name) >= int(rows.group(1))
    assert (exports / "self-test.pdpkg").stat().st_size > 0
    assert (exports / "self-test-receipt.pdpkg").stat().st_size > 0
    assert (folder / "above.sqlite3").is_file()  # the office above that imported it
    sent = re.search(
        r"self-test\.pdpkg: (\d+) records .* imported above \((\d+) new\)", result.stdout
    )
    assert sent is not None
    assert sent.group(1) == sent.group(2)
    # Nothing went to the user's real data folder.
    assert not (tmp_path / "home" / "share" / "partydesk").exists()

    # A previous self-test's folder may be used again: it is emptied first.
    (exports / "left-over.txt").write_text("x", encoding="utf-8")
    again = _self_test("--data-dir", str(folder), env={FAIL_VARIABLE: "demo"})
    assert again.returncode == 1
    assert not (exports / "left-over.txt").exists()
    assert (folder / "partydesk.sqlite3").is_file()  # the database step ran anew


def test_a_folder_with_other_files_is_refused_untouched(tmp_path: Path):
    folder = tmp_path / "real-data"
    folder.mkdir()
    database = folder / "partydesk.sqlite3"
    database.write_bytes(b"the office's real database")
    result = _self_test("--data-dir", str(folder))
    assert result.returncode == 1
    assert "Self-test failed at step 'folder'" in result.stdout
    assert "is not a self-test folder" in result.stdout
    assert str(folder) in result.stdout
    assert "OK" not in result.stdout.splitlines()
    assert sorted(path.name for path in folder.iterdir()) == ["partydesk.sqlite3"]
    assert database.read_bytes() == b"the office's real database"


def test_a_failing_step_is_named_and_stops_the_run(tmp_path: Path):
    folder = tmp_path / "self-test"
    result = _self_test("--data-dir", str(folder), env={FAIL_VARIABLE: "database"})
    assert result.returncode == 1
    lines = _step_lines(result.stdout)
    assert len(lines) == 2  # the folder step, then the failing one; nothing after it
    assert ": ok (" in lines[0]
    assert lines[1].startswith(f"[2/{len(STEPS)}] ")
    assert "LỖI / FAILED" in lines[1]
    assert "Self-test failed at step 'database': " in result.stdout
    assert FAIL_VARIABLE in result.stdout
    assert f"Folder kept: {folder}" in result.stdout
    assert "OK" not in result.stdout.splitlines()
    assert not (folder / "partydesk.sqlite3").exists()


def test_without_a_folder_it_uses_a_temporary_one_and_removes_it(tmp_path: Path):
    result = _self_test(home=tmp_path / "home")
    assert result.returncode == 0, result.stdout + result.stderr
    first = _step_lines(result.stdout)[0]
    used = Path(first.rsplit(" — ", 1)[1])
    assert used.name.startswith("partydesk-self-test-")
    assert not used.exists()
    assert not (tmp_path / "home" / "share" / "partydesk").exists()


def test_db_option_is_refused_with_the_self_test(tmp_path: Path):
    result = _self_test("--db", str(tmp_path / "x.sqlite3"))
    assert result.returncode == 2
    assert "--data-dir" in result.stderr
    assert not (tmp_path / "x.sqlite3").exists()


def test_the_steps_before_the_window_do_not_load_qt(tmp_path: Path):
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from partydesk.services.self_test import run_self_test
        report = run_self_test(Path({str(tmp_path / "st")!r}))
        assert report.ok, report.failed
        assert [step.name for step in report.steps] == {list(STEPS[:-1])!r}
        loaded = sorted(name for name in sys.modules if name.startswith("PySide6"))
        print("qt modules:", loaded)
        """
    )
    env = {**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("DISPLAY", None)
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "qt modules: []" in result.stdout
