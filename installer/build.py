"""Build partydesk for distribution: translations, the one-folder bundle, the installer.

    .venv/bin/python installer/build.py                  # Linux: bundle in dist/partydesk
    .venv\\Scripts\\python installer\\build.py            # Windows: bundle and Setup .exe

Steps, each printed with its time:
1. the GUI translations (.ts -> .qm, scripts/build_translations.py);
2. the bundle with PyInstaller and installer/partydesk.spec into DIST/partydesk (work
   files in WORK); on Linux, a check that every library the xcb platform plugin needs is
   in the bundle or on the machine (a build machine without the xcb libraries would
   otherwise give a bundle that cannot open a window);
3. on Windows, the installer with Inno Setup 6 (ISCC.exe, found on PATH or in its usual
   folders), version from pyproject.toml;
4. the bundle's own `--self-test`, offscreen, in WORK/self-test;
then the bundle's size (unpacked) and the times. Exit status 0 when everything passed.
`--json FILE` also writes these figures for scripts and tests.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "partydesk.spec"
ISS = ROOT / "installer" / "partydesk.iss"
WINDOWS = sys.platform == "win32"
#: The issue's target for the unpacked bundle.
TARGET_MB = 150
#: Libraries the target machine provides: OpenGL, libxcb (PyInstaller leaves it out on
#: purpose), CUPS, D-Bus and Kerberos' GSS-API with what they need (the spec leaves them out).
HOST_LIBRARIES = re.compile(
    r"^(libGL|libEGL|libOpenGL|libGLX|libGLdispatch|libxcb\.so|libcups|libdbus-1|libsystemd"
    r"|libgcrypt|libgpg-error|liblz4|libcap\.so|libzstd|libgssapi_krb5|libkrb5|libk5crypto"
    r"|libcom_err|libkeyutils)"
)


class BuildError(Exception):
    """A step failed; the message says which and why."""


def say(text: str) -> None:
    """One line of progress, flushed at once (the build is long)."""
    print(text, flush=True)


def project_version() -> str:
    """The version in pyproject.toml."""
    with (ROOT / "pyproject.toml").open("rb") as stream:
        return str(tomllib.load(stream)["project"]["version"])


def run(command: list[str], what: str, env: dict[str, str] | None = None) -> float:
    """Run `command` in the project folder; its time in seconds, BuildError on failure."""
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env, check=False)
    if result.returncode != 0:
        raise BuildError(f"{what} failed (exit status {result.returncode}): {' '.join(command)}")
    return time.perf_counter() - started


def folder_size(folder: Path) -> int:
    """Bytes of every file under `folder` (what the unpacked bundle takes)."""
    files = (path for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
    return sum(path.stat().st_size for path in files)


def build_translations() -> float:
    """Step 1: every .ts into its .qm."""
    return run([sys.executable, str(ROOT / "scripts" / "build_translations.py")], "translations")


def build_bundle(dist: Path, work: Path, version: str) -> float:
    """Step 2: the PyInstaller one-folder bundle in `dist`/partydesk."""
    env = dict(os.environ, PARTYDESK_APP_VERSION=version)
    command = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm"]
    command += ["--distpath", str(dist), "--workpath", str(work), "--log-level", "WARN"]
    return run(command, "PyInstaller", env)


def check_xcb_libraries(bundle: Path) -> None:
    """Linux: every library of the xcb platform plugin is bundled or on this machine."""
    plugin = next(bundle.rglob("platforms/libqxcb.so"), None)
    if plugin is None:
        raise BuildError("the bundle has no xcb platform plugin (platforms/libqxcb.so)")
    ldd = shutil.which("ldd")
    if ldd is None:
        say("   (ldd not found: the xcb libraries were not checked)")
        return
    internal = bundle / "_internal"
    paths = [internal, internal / "PySide6" / "Qt" / "lib"]
    env = dict(os.environ, LD_LIBRARY_PATH=os.pathsep.join(str(path) for path in paths))
    listing = subprocess.run(
        [ldd, str(plugin)], capture_output=True, text=True, env=env, check=False
    ).stdout
    missing = [line.split()[0] for line in listing.splitlines() if "not found" in line]
    if missing:
        raise BuildError(
            "the xcb platform plugin needs libraries this machine lacks, so the bundle lacks"
            f" them too: {', '.join(missing)} (install them, e.g. ./dev.sh installs them)"
        )
    bundled = {path.name for path in internal.rglob("*.so*")}
    outside = [
        line.split()[0]
        for line in listing.splitlines()
        if "=>" in line and line.split()[0] not in bundled
    ]
    unexpected = [
        name for name in outside if not HOST_LIBRARIES.match(name) and not _is_glibc(name)
    ]
    if unexpected:
        say(f"   note: taken from the target system: {', '.join(sorted(unexpected))}")


def _is_glibc(name: str) -> bool:
    return re.match(r"^(libc|libm|libdl|libpthread|librt|ld-linux[^.]*)\.so", name) is not None


def find_iscc() -> Path | None:
    """Inno Setup 6's command-line compiler, if installed."""
    found = shutil.which("ISCC") or shutil.which("iscc")
    if found:
        return Path(found)
    roots = [os.environ.get(name) for name in ("ProgramFiles(x86)", "ProgramFiles")]
    local = os.environ.get("LOCALAPPDATA")
    candidates = [Path(root) / "Inno Setup 6" / "ISCC.exe" for root in roots if root]
    if local:
        candidates.append(Path(local) / "Programs" / "Inno Setup 6" / "ISCC.exe")
    return next((path for path in candidates if path.is_file()), None)


def build_installer(dist: Path, version: str) -> tuple[float, Path]:
    """Step 3 (Windows): partydesk-VERSION-setup.exe in `dist`."""
    iscc = find_iscc()
    if iscc is None:
        raise BuildError(
            "Inno Setup 6 not found: install it from https://jrsoftware.org/isdl.php (or"
            " `winget install JRSoftware.InnoSetup`), then run this script again; the bundle"
            f" in {dist / 'partydesk'} is ready"
        )
    languages = [ISS.parent / "Vietnamese.isl", iscc.parent / "Languages" / "Vietnamese.isl"]
    if not any(path.is_file() for path in languages):
        raise BuildError(
            "Vietnamese.isl not found: Inno Setup does not install its user-contributed"
            " Vietnamese messages; download Vietnamese.isl from"
            f" https://jrsoftware.org/files/istrans/ into {ISS.parent} (see README.md)"
        )
    command = [
        str(iscc),
        "/Q",
        f"/DAppVersion={version}",
        f"/DBundleDir={dist / 'partydesk'}",
        f"/O{dist}",
        str(ISS),
    ]
    seconds = run(command, "Inno Setup")
    return seconds, dist / f"partydesk-{version}-setup.exe"


def self_test(bundle: Path, folder: Path) -> tuple[float, str]:
    """Step 4: the bundle's `--self-test`, offscreen; its time and output."""
    program = bundle / ("partydesk.exe" if WINDOWS else "partydesk")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PARTYDESK_DATA_DIR", None)
    started = time.perf_counter()
    result = subprocess.run(
        [str(program), "--self-test", "--data-dir", str(folder)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        check=False,
    )
    seconds = time.perf_counter() - started
    output = result.stdout + (result.stderr if result.returncode else "")
    for line in output.splitlines():
        say(f"   {line}")
    if result.returncode != 0 or "OK" not in result.stdout.splitlines():
        raise BuildError(f"the bundle's self-test failed (exit status {result.returncode})")
    return seconds, result.stdout


def main(argv: list[str] | None = None) -> int:
    """Run the steps; 0 when all passed, 1 otherwise."""
    parser = argparse.ArgumentParser(prog="installer/build.py", description=__doc__.split("\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="bundle folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="work folder")
    parser.add_argument("--no-self-test", action="store_true", help="skip step 4")
    parser.add_argument("--no-installer", action="store_true", help="skip step 3 (Windows)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    bundle = dist / "partydesk"
    version = project_version()
    figures: dict[str, object] = {"version": version, "bundle": str(bundle)}
    say(f"partydesk {version}: building into {bundle}")
    try:
        say("1. translations")
        figures["translations_s"] = round(build_translations(), 2)
        say("2. bundle (PyInstaller)")
        if not WINDOWS and shutil.which("strip") is None:
            say("   note: strip not found (binutils): the bundle keeps its debug symbols")
        figures["bundle_s"] = round(build_bundle(dist, work, version), 2)
        if sys.platform.startswith("linux"):
            check_xcb_libraries(bundle)
        size = folder_size(bundle)
        figures["size_bytes"] = size
        figures["size_mib"] = round(size / 1_048_576, 1)
        if WINDOWS and not args.no_installer:
            say("3. installer (Inno Setup)")
            seconds, setup = build_installer(dist, version)
            figures["installer_s"] = round(seconds, 2)
            figures["installer"] = str(setup)
        if not args.no_self_test:
            say("4. self-test of the bundle (offscreen)")
            seconds, output = self_test(bundle, work / "self-test")
            figures["self_test_s"] = round(seconds, 2)
            cold = re.search(r"cold start to a usable window ([\d.]+) s", output)
            if cold:
                figures["cold_start_s"] = float(cold.group(1))
    except BuildError as error:
        say(f"FAILED: {error}")
        return 1
    finally:
        if args.json:
            args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    say(
        f"Bundle: {bundle} — {figures['size_mib']} MiB unpacked (target {TARGET_MB} MB),"
        f" built in {figures['bundle_s']} s"
    )
    if "self_test_s" in figures:
        cold = figures.get("cold_start_s")
        extra = f", cold start to a usable window {cold} s" if cold is not None else ""
        say(f"Self-test: {figures['self_test_s']} s{extra}")
    if "installer" in figures:
        say(f"Installer: {figures['installer']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
