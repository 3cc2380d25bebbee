"""The distribution: portable mode, the Windows installer script, and (slow) the one-folder
bundle built by installer/build.py, with its contents, its self-test and portable mode.

The bundle tests build into a temporary folder from the working tree, so they need what
`./dev.sh` installs (PyInstaller from the dev extra, binutils, the xcb libraries).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from partydesk import paths
from partydesk.documents.package import PACKAGE_SUFFIX

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "installer" / "partydesk.iss"
BUILD = ROOT / "installer" / "build.py"
#: A guard against a dependency that drags in half of Qt; the issue's target is 150 MB
#: and the measured size is reported by the test (installer/README.md has the figures).
SIZE_GUARD_MIB = 175


def _env(home: Path) -> dict[str, str]:
    """A child environment whose user data folder is under `home`, never the real one."""
    env = {**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    env.pop("PARTYDESK_DATA_DIR", None)
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "share"), QT_QPA_PLATFORM="offscreen")
    return env


# --- portable mode ------------------------------------------------------------------------


def test_portable_flag_beside_the_frozen_program_keeps_data_beside_it(tmp_path, monkeypatch):
    program = tmp_path / "usb" / "partydesk"
    program.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program / "partydesk.exe"))
    monkeypatch.delenv("PARTYDESK_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home"))
    assert paths.executable_dir() == program.resolve()
    assert paths.resolve_data_dir().root == Path(platformdirs.user_data_dir("partydesk", False))
    (program / paths.PORTABLE_FLAG).touch()
    assert paths.resolve_data_dir().root == program.resolve() / "data"
    # An explicit folder and the environment variable still come first.
    monkeypatch.setenv("PARTYDESK_DATA_DIR", str(tmp_path / "env"))
    assert paths.resolve_data_dir().root == (tmp_path / "env").resolve()
    assert paths.resolve_data_dir(tmp_path / "given").root == (tmp_path / "given").resolve()


def test_portable_flag_in_a_source_checkout_keeps_data_in_the_checkout(tmp_path):
    # A copy of the checkout (the package, with resources and migrations beside it), so
    # the flag never appears in the real one.
    checkout = tmp_path / "checkout"
    shutil.copytree(
        ROOT / "partydesk", checkout / "partydesk", ignore=shutil.ignore_patterns("__pycache__")
    )
    for folder in ("resources", "migrations"):
        (checkout / folder).symlink_to(ROOT / folder)
    (checkout / paths.PORTABLE_FLAG).touch()
    home = tmp_path / "home"
    env = {**_env(home), "PYTHONPATH": str(checkout)}
    command = [sys.executable, "-m", "partydesk"]
    init = [*command, "init", "--name", "Đảng ủy xã Thử", "--place", "Thử", "--symbol", "ĐU"]
    result = subprocess.run(
        init, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr
    assert (checkout / "data" / "partydesk.sqlite3").is_file()
    assert str(checkout / "data") in result.stdout
    assert not (home / "share" / "partydesk").exists()


# --- the Windows installer script (checked as text: Inno Setup does not run here) -----------


def _iss_sections() -> dict[str, list[str]]:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads UTF-8 only with a BOM"
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for line in raw.decode("utf-8-sig").splitlines():
        match = re.fullmatch(r"\[(\w+)\]", line.strip())
        if match:
            current = match.group(1)
            sections.setdefault(current, [])
        elif line.strip() and not line.lstrip().startswith(";"):
            sections[current].append(line.strip())
    return sections


def test_installer_script_is_per_user_vietnamese_and_keeps_data():
    sections = _iss_sections()
    setup = dict(line.split("=", 1) for line in sections["Setup"] if "=" in line)
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup  # never asks for admin
    assert setup["DefaultDirName"] == r"{autopf}\partydesk"  # %LOCALAPPDATA%\Programs
    assert setup["AppVersion"] == setup["VersionInfoVersion"] == "{#AppVersion}"
    assert re.fullmatch(r"\{\{[0-9A-F-]{36}\}", setup["AppId"])
    assert setup["ChangesAssociations"] == "yes"
    # Vietnamese first: the wizard speaks Vietnamese unless Windows is in English.
    assert sections["Languages"][0].startswith('Name: "vi"; MessagesFile: "{#VietnameseIsl}"')
    assert any(line.startswith('Name: "en"') for line in sections["Languages"])
    icons = sections["Icons"]
    assert any(line.startswith(r'Name: "{autoprograms}\{#AppTitle}"') for line in icons)
    assert any("{autodesktop}" in line and "Tasks: desktopicon" in line for line in icons)
    assert any("desktopicon" in line and "unchecked" in line for line in sections["Tasks"])


def test_installer_associates_sync_packages_per_user():
    registry = _iss_sections()["Registry"]
    assert registry
    assert all(line.startswith("Root: HKA;") for line in registry)  # HKCU when per user
    assert all('Subkey: "Software\\Classes\\' in line for line in registry)
    extension = rf'Subkey: "Software\Classes\{PACKAGE_SUFFIX}"'
    assert any(extension in line and "{#PackageProgId}" in line for line in registry)
    command = next(line for line in registry if r"shell\open\command" in line)
    assert '"""{app}\\{#AppExe}"" ""%1"""' in command


def test_uninstaller_deletes_the_data_folder_only_when_asked():
    code = "\n".join(_iss_sections()["Code"])
    data_dir = Path(platformdirs.user_data_dir(paths.APP_NAME, appauthor=False)).name
    assert f"ExpandConstant('{{localappdata}}\\{data_dir}')" in code
    uninstall = code[code.index("procedure CurUninstallStepChanged") :]
    asked = uninstall.index("MsgBox(")
    assert "MB_DEFBUTTON2" in uninstall[asked:]  # "No" is the default answer
    assert "UninstallSilent()" in uninstall[:asked]  # a silent uninstall keeps the data
    assert uninstall.index("DelTree(") > uninstall.index("= IDYES then")


def test_installer_messages_exist_in_both_languages_and_build_defines_match():
    text = ISS.read_text(encoding="utf-8-sig")
    messages = _iss_sections()["CustomMessages"]
    used = set(re.findall(r"\{cm:(\w+)", text)) | set(re.findall(r"CustomMessage\('(\w+)", text))
    assert {"TaskDesktop", "TaskAssociate", "PackageType", "DeleteData"} <= used
    for name in used:
        assert any(line.startswith(f"vi.{name}=") for line in messages), name
        assert any(line.startswith(f"en.{name}=") for line in messages), name
    build = BUILD.read_text(encoding="utf-8")
    defines = re.findall(r'f?"/D(\w+)=', build)
    assert sorted(defines) == ["AppVersion", "BundleDir"]
    for define in defines:
        assert f"#ifndef {define}" in text, define
    assert "partydesk-{#AppVersion}-setup" in text
    assert 'f"partydesk-{version}-setup.exe"' in build


# --- the bundle (slow: about a minute to build) ------------------------------------------


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    """The bundle built by installer/build.py (with its self-test) and its figures."""
    folder = tmp_path_factory.mktemp("bundle")
    figures_file = folder / "figures.json"
    result = subprocess.run(
        [
            sys.executable,
            str(BUILD),
            "--dist",
            str(folder / "dist"),
            "--work",
            str(folder / "work"),
            "--json",
            str(figures_file),
        ],
        cwd=ROOT,
        env=_env(folder / "home"),
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "   OK" in result.stdout.splitlines()
    figures = json.loads(figures_file.read_text(encoding="utf-8"))
    return folder / "dist" / "partydesk", figures


@pytest.mark.slow
def test_bundle_builds_and_passes_its_self_test(bundle, capsys):
    folder, figures = bundle
    assert (folder / "partydesk").is_file()
    size = float(figures["size_mib"])  # type: ignore[arg-type]
    with capsys.disabled():
        print(
            f"\nbundle: {size} MiB unpacked (target 150 MB), built in {figures['bundle_s']} s,"
            f" self-test {figures['self_test_s']} s,"
            f" cold start to a usable window {figures.get('cold_start_s')} s"
        )
    assert 0 < size < SIZE_GUARD_MIB
    assert float(figures["self_test_s"]) > 0  # type: ignore[arg-type]


@pytest.mark.slow
def test_bundle_carries_what_the_program_reads_and_not_what_it_does_not(bundle):
    folder, _ = bundle
    internal = folder / "_internal"
    for name in ("partydesk_en.qm", "qtbase_vi.qm"):
        assert (internal / "resources" / "translations" / name).is_file()
    assert not list((internal / "resources").rglob("*.ts"))  # sources stay home
    assert (internal / "resources" / "fonts" / "LiberationSerif-Regular.ttf").is_file()
    # Every resource file but the translation sources, folder by folder.
    source = ROOT / "resources"
    wanted = {
        path.relative_to(source)
        for path in source.rglob("*")
        if path.is_file() and path.suffix not in (".ts", ".lock") and "__pycache__" not in str(path)
    }
    bundled = internal / "resources"
    assert {path.relative_to(bundled) for path in bundled.rglob("*") if path.is_file()} == wanted
    versions = sorted(p.name for p in (ROOT / "migrations" / "versions").glob("*.py"))
    assert sorted(p.name for p in (internal / "migrations" / "versions").glob("*.py")) == versions
    assert (internal / "migrations" / "env.py").is_file()

    qt = internal / "PySide6" / "Qt"
    platforms = {p.name for p in (qt / "plugins" / "platforms").iterdir()}
    assert {"libqxcb.so", "libqoffscreen.so"} <= platforms
    assert not any("wayland" in name or "eglfs" in name for name in platforms)
    assert {p.name for p in (qt / "translations").iterdir()} <= {"qtbase_en.qm", "qtbase_vi.qm"}
    names = {p.name for p in internal.rglob("*")}
    assert any(name.startswith("libQt6Pdf.so") for name in names)  # the preview
    for unwanted in ("QtWebEngine", "Qt6Qml", "Qt6Quick", "QtNetwork.abi3", "psycopg", "pytest"):
        assert not [name for name in names if unwanted in name], unwanted


@pytest.mark.slow
def test_bundle_portable_mode_keeps_the_data_beside_the_program(bundle, tmp_path):
    folder, _ = bundle
    program = tmp_path / "usb" / "partydesk"
    shutil.copytree(folder, program, symlinks=True)
    (program / paths.PORTABLE_FLAG).touch()
    home = tmp_path / "home"
    init = ["init", "--name", "Đảng ủy xã Thử", "--place", "Thử", "--symbol", "ĐU"]
    for arguments in (init, ["info"]):
        result = subprocess.run(
            [str(program / "partydesk"), *arguments],
            cwd=tmp_path,
            env=_env(home),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stderr
    assert "Đảng ủy xã Thử" in result.stdout
    assert (program / "data" / "partydesk.sqlite3").is_file()
    assert not (home / "share" / "partydesk").exists()
