"""The project's standing rules, checked by the test suite: lint, types, layer contracts."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = BIN / name
    found = str(path) if path.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: run ./dev.sh test, which installs the dev tools")
    return found


def _check(*command: str) -> None:
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_lint():
    _check(_tool("ruff"), "check", ".")


def test_ruff_format():
    _check(_tool("ruff"), "format", "--check", ".")


def test_import_contracts():
    _check(_tool("lint-imports"))


@pytest.mark.slow
def test_mypy():
    _check(_tool("mypy"))
