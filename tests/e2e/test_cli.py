"""The `partydesk` command line, run as a real subprocess on real files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _run(*args: str, data_dir: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "partydesk", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_demo_info_search_check_backup_restore(tmp_path: Path):
    data = tmp_path / "data"
    out = _run("demo", "--members", "400", "--seed", "3", data_dir=data).stdout
    assert "400 đảng viên" in out
    assert (data / "partydesk.sqlite3").exists()
    info = _run("info", data_dir=data).stdout
    assert "Đảng ủy xã Lạc Dương" in info
    assert "Đảng viên chính thức:" in info
    assert "Cán bộ:" in info
    assert _run("check", data_dir=data).stdout.strip().endswith("không có vấn đề.")
    found = _run("search", "nguyen", data_dir=data).stdout
    assert "Nguyễn" in found
    backup = _run("backup", data_dir=data).stdout
    path = Path(backup.strip().split(" vào ", 1)[1])
    assert path.exists()
    refused = _run("restore", str(path), data_dir=data, check=False)
    assert refused.returncode == 1  # no --yes and no terminal: asks for confirmation
    restored = _run("restore", str(path), "--yes", data_dir=data).stdout
    assert "Đã phục hồi" in restored
    again = _run("demo", data_dir=data, check=False)
    assert again.returncode == 1
    assert again.stderr.count("\n") == 1
    assert again.stderr.startswith("Lỗi:")
    assert "/ Error:" in again.stderr


def test_init_and_errors(tmp_path: Path):
    data = tmp_path / "data"
    result = _run(
        "init",
        "--name",
        "Đảng ủy phường Xuân Hương",
        "--superior",
        "Đảng bộ tỉnh Lâm Đồng",
        "--place",
        "Đà Lạt",
        "--symbol",
        "ĐU",
        data_dir=data,
    )
    assert "Đảng ủy phường Xuân Hương" in result.stdout
    assert "Xuân Hương" in _run("info", data_dir=data).stdout
    missing = _run("info", data_dir=tmp_path / "empty", check=False)
    assert missing.returncode == 1
    assert "partydesk init" in missing.stderr
    usage = _run("frobnicate", data_dir=data, check=False)
    assert usage.returncode == 2
    bad_db = tmp_path / "garbage.sqlite3"
    bad_db.write_bytes(b"x" * 4096)
    garbage = _run("info", "--db", str(bad_db), data_dir=data, check=False)
    assert garbage.returncode == 1
    assert bad_db.read_bytes() == b"x" * 4096


def test_version():
    result = subprocess.run(
        [sys.executable, "-m", "partydesk", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("partydesk ")


def test_data_dir_before_or_after_the_command(tmp_path):
    from partydesk.cli import build_parser

    parser = build_parser()
    before = parser.parse_args(["--data-dir", str(tmp_path / "a"), "info"])
    after = parser.parse_args(["info", "--data-dir", str(tmp_path / "b")])
    neither = parser.parse_args(["info"])
    assert before.data_dir == str(tmp_path / "a")
    assert after.data_dir == str(tmp_path / "b")
    assert neither.data_dir is None
    assert neither.db is None
