"""`partydesk sync …` for downward updates end to end: the office above adds a catalogue
entry and a dated rule, exports the update package for A (`sync export --down`), A
previews and imports it (twice: nothing changes), B cannot open it, the receipt goes back
up and the next update package starts after it."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from partydesk import cli
from tests.helpers import snapshot
from tests.integration.sync_offices import build_offices

Run = Callable[..., tuple[int, str, str]]
A_NAME = "Đảng ủy xã Lạc Dương"


@pytest.fixture(scope="module")
def offices(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-sync-updates")
    build_offices(folder, members=10)
    return folder


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, offices: Path) -> Run:
    monkeypatch.setattr(cli, "_EXTENSIONS", ("sync", "rules"))
    parser = cli.build_parser()

    def invoke(office: str, *words: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        args = parser.parse_args(
            [*words, "--db", str(offices / f"{office}.sqlite3"), "--data-dir", str(offices)]
        )
        code = cli.run(args, out, err)
        return code, out.getvalue(), err.getvalue()

    return invoke


def test_update_package_down_to_a(run: Run, offices: Path) -> None:
    code, out, err = run(
        "above", "sync", "catalogue", "occupation", "kinh_te_so", "Lao động kinh tế số",
        "--en", "Digital economy workers",
    )  # fmt: skip
    assert code == 0, err
    assert "Đã lưu mục occupation kinh_te_so" in out
    code, _, err = run(
        "above", "rules", "set", "report.admission_target", "25", "--from", "01/01/2027",
        "--reason", "Nghị quyết Tỉnh ủy giao chỉ tiêu năm 2027",
    )  # fmt: skip
    assert code == 0, err

    down = offices / "down-a.pdpkg"
    code, out, err = run(
        "above", "sync", "export", "--down", A_NAME, "--period", "Q4", "--out", str(down)
    )
    assert code == 0, err
    assert f"Đã lập gói cập nhật gửi {A_NAME}" in out
    assert "Danh mục 1" in out
    assert "Quy định 1" in out

    before_b = snapshot(offices / "b.sqlite3")
    code, _, err = run("b", "sync", "preview", str(down))
    assert code == 1
    assert "không phải đơn vị này" in err
    code, _, err = run("b", "sync", "import", str(down))
    assert code == 1
    assert "không phải đơn vị này" in err
    assert snapshot(offices / "b.sqlite3") == before_b

    before = snapshot(offices / "a.sqlite3")
    code, out, err = run("a", "sync", "preview", str(down))
    assert code == 0, err
    assert "[Mới] Danh mục occupation kinh_te_so «Lao động kinh tế số»" in out
    assert "[Mới] Quy định report.admission_target từ 01/01/2027" in out
    assert snapshot(offices / "a.sqlite3") == before

    code, out, err = run("a", "sync", "import", str(down))
    assert code == 0, err
    assert "Mới: 2" in out
    receipt = offices / "down-a-bao-nhan.pdpkg"
    assert receipt.exists()
    code, out, _ = run("a", "sync", "import", str(down))
    assert code == 0
    assert "không thay đổi gì" in out
    code, out, _ = run("a", "rules", "history", "report.admission_target")
    assert "Nghị quyết Tỉnh ủy giao chỉ tiêu năm 2027" in out

    code, out, err = run("above", "sync", "receipt", str(receipt))
    assert code == 0, err
    code, out, _ = run(
        "above", "sync", "export", "--down", A_NAME, "--out", str(offices / "next.pdpkg")
    )
    assert code == 0
    assert "không có cập nhật" in out
