"""`partydesk sync …` end to end: keys read out, offices registered, a full package
exported below, previewed and imported above, its receipt taken back below."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from partydesk import cli
from tests.helpers import snapshot
from tests.integration.sync_offices import build_offices

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture(scope="module")
def offices(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-sync")
    build_offices(folder, members=15, register=False)
    return folder


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, offices: Path) -> Run:
    monkeypatch.setattr(cli, "_EXTENSIONS", ("sync",))
    parser = cli.build_parser()

    def invoke(office: str, *words: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        args = parser.parse_args(
            [*words, "--db", str(offices / f"{office}.sqlite3"), "--data-dir", str(offices)]
        )
        code = cli.run(args, out, err)
        return code, out.getvalue(), err.getvalue()

    return invoke


def _fingerprint(text: str) -> str:
    found = re.search(r"[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}", text)
    assert found, text
    return found.group(0)


def test_two_offices_exchange_keys_and_a_package(run: Run, offices: Path) -> None:
    code, out, _ = run("a", "sync", "key", "--out", str(offices / "a-cli.pdkey"))
    assert code == 0
    fingerprint_a = _fingerprint(out)
    code, out, _ = run("above", "sync", "key", "--out", str(offices / "above-cli.pdkey"))
    fingerprint_above = _fingerprint(out)

    # A fingerprint misread on the phone: refused, nothing registered.
    wrong = "AAAA-AAAA-AAAA-AAAA"
    before = snapshot(offices / "above.sqlite3")
    code, _, err = run(
        "above", "sync", "office", "add", str(offices / "a-cli.pdkey"),
        "--fingerprint", wrong, "--orgs", "LD",
    )  # fmt: skip
    assert code == 1
    assert "không khớp" in err
    assert snapshot(offices / "above.sqlite3") == before

    code, out, _ = run(
        "above", "sync", "office", "add", str(offices / "a-cli.pdkey"),
        "--fingerprint", fingerprint_a, "--orgs", "LD",
    )  # fmt: skip
    assert code == 0
    assert "Đã đăng ký đơn vị cấp dưới" in out
    code, out, _ = run(
        "a", "sync", "office", "add", str(offices / "above-cli.pdkey"),
        "--fingerprint", fingerprint_above.lower(), "--above",
    )  # fmt: skip
    assert code == 0
    assert run("above", "sync", "office", "list")[1].count("cấp dưới") == 1

    package = offices / "a-full.pdpkg"
    code, out, _ = run(
        "a", "sync", "export", "--full", "--period", "Quý IV/2026", "--out", str(package)
    )
    assert code == 0
    assert "Đã lập gói toàn bộ" in out
    assert package.exists()

    before = snapshot(offices / "above.sqlite3")
    code, out, _ = run("above", "sync", "preview", str(package))
    assert code == 0
    assert "Mới:" in out
    assert "Quý IV/2026" in out
    assert snapshot(offices / "above.sqlite3") == before

    code, out, _ = run("above", "sync", "import", str(package))
    assert code == 0
    assert "Đã nhập gói của Đảng ủy xã Lạc Dương" in out
    receipt = offices / "a-full-bao-nhan.pdpkg"
    assert receipt.exists()
    code, out, _ = run("above", "sync", "import", str(package))
    assert code == 0
    assert "không thay đổi gì" in out

    code, out, _ = run("a", "sync", "receipt", str(receipt))
    assert code == 0
    assert "Cấp trên đã nhận gói" in out
    code, out, _ = run("a", "sync", "history")
    assert "đã báo nhận" in out
    code, out, _ = run("above", "sync", "conflicts")
    assert "Không có xung đột" in out

    # The demo's letters in transit, seen above; A keeps its own letters to itself.
    code, out, _ = run("above", "sync", "transit")
    assert "từ Đảng ủy xã Lạc Dương, giấy số" in out
    assert "Không có đảng viên nào đang trên đường" in run("a", "sync", "transit")[1]
    code, _, err = run("above", "sync", "send-transfer", "no-such", "--to", "x", "--out", "x.pdpkg")
    assert code == 1
    assert "Không có giấy giới thiệu" in err

    # A package from an office that was never registered is refused with its reason.
    code, _, err = run("above", "sync", "import", str(receipt))
    assert code == 1
    assert err.startswith("Lỗi:")
