"""`partydesk hub import-dir` end to end: a folder of six packages from three offices
imported into the hub, a per-office table and totals printed, receipts written; the
second run imports nothing; a refused package makes the exit code 1."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from partydesk import cli
from tests.conftest import TODAY
from tests.integration.hub_offices import HubFolder, build_hub_folder

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> HubFolder:
    return build_hub_folder(tmp_path_factory.mktemp("cli-hub"), offices=3, members=12, today=TODAY)


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, folder: HubFolder, tmp_path: Path) -> Run:
    monkeypatch.setattr(cli, "_EXTENSIONS", ("hub",))
    parser = cli.build_parser()
    database = tmp_path / "hub.sqlite3"
    shutil.copyfile(folder.hub, database)

    def invoke(*words: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        args = parser.parse_args([*words, "--db", str(database), "--data-dir", str(tmp_path)])
        code = cli.run(args, out, err)
        return code, out.getvalue(), err.getvalue()

    return invoke


def test_import_dir_prints_each_office_and_totals(
    run: Run, folder: HubFolder, tmp_path: Path
) -> None:
    receipts = tmp_path / "giay-bao-nhan"
    code, out, err = run("hub", "import-dir", str(folder.packages), "--receipts", str(receipts))
    assert code == 0, err
    for name in folder.offices:
        assert f"{name}: nhập 2, đã có 0, từ chối 0, bỏ qua 0 gói" in out
    new = sum(p.records for p in folder.sent if p.kind == "full")
    total_line = next(line for line in out.splitlines() if line.startswith("Tổng cộng"))
    assert total_line.split()[2:6] == ["6", "0", "0", "0"]
    assert f"Tổng: mới {new:,}," in out
    assert len(list(receipts.iterdir())) == 6

    code, out, _ = run("hub", "import-dir", str(folder.packages), "--receipts", str(receipts))
    assert code == 0
    total_line = next(line for line in out.splitlines() if line.startswith("Tổng cộng"))
    assert total_line.split()[2:7] == ["0", "6", "0", "0", "0"]


def test_refused_package_exits_1(run: Run, folder: HubFolder, tmp_path: Path) -> None:
    bad = tmp_path / "in"
    shutil.copytree(folder.packages, bad)
    victim = bad / folder.sent[0].path.name
    victim.write_bytes(b"not a package at all")
    code, out, err = run("hub", "import-dir", str(bad))
    assert code == 1, out + err
    assert "TỪ CHỐI" in out
    assert victim.name in out
    # That office's delta would be a gap: refused too, with the reason printed.
    assert "Thiếu gói" in out
    # Receipts default to DIR/bao-nhan, which the next run does not read as packages.
    assert len(list((bad / "bao-nhan").iterdir())) == 4
    code, out, _ = run("hub", "import-dir", str(bad))
    assert "đã có" in out
