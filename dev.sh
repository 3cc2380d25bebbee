#!/usr/bin/env bash
# partydesk: set everything up, then run the app or the test suite.
#
#   ./dev.sh run     install what is missing, then start partydesk on its default database
#   ./dev.sh test    install what is missing, then run the whole test suite headless
#
# Works on a fresh Debian 12 / Ubuntu 22.04+ machine as root (or with sudo), with or
# without a display. Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")"
export LANG=C.UTF-8 LC_ALL=C.UTF-8

# Qt offscreen + Xvfb, fonts covering Vietnamese, PDF tools (checked on a fresh Debian 12).
# Without libxcb-icccm4 / libxcb-keysyms1 Qt wrongly blames libxcb-cursor0.
SYSTEM_PACKAGES=(
  python3 python3-venv
  libegl1 libgl1 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0
  libxkbcommon-x11-0 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0
  libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 xvfb xauth
  fonts-dejavu-core fonts-liberation2 fonts-noto-core poppler-utils
  # tests/server start their own throw-away PostgreSQL server from these binaries.
  postgresql
  # installer/build.py: PyInstaller needs objdump and objcopy; strip makes the bundle smaller.
  binutils
)
VENV=.venv
STAMP="$VENV/.setup-stamp"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || { say "not a Debian/Ubuntu system: install the Qt xcb libraries, Xvfb, fonts and poppler-utils yourself"; return 0; }
  local missing=()
  for p in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing system packages: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "run as root or install sudo: missing ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  case " ${missing[*]} " in *" postgresql "*) stop_new_postgresql_clusters "$sudo" ;; esac
}

stop_new_postgresql_clusters() {
  # The package may create and start a "main" cluster as a system service; the tests
  # need only the binaries (they run initdb/pg_ctl in a temporary folder), so a cluster
  # started by this install is stopped rather than left running.
  command -v pg_lsclusters >/dev/null 2>&1 || return 0
  pg_lsclusters --no-header 2>/dev/null | while read -r version cluster _port status _rest; do
    if [ "$status" = "online" ]; then
      say "stopping the PostgreSQL cluster $version/$cluster the package started (not needed)"
      $1 pg_ctlcluster "$version" "$cluster" stop || true
    fi
  done
}

pick_python() {
  # Any Python 3.11+ on PATH (Debian 12 ships 3.11).
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "partydesk needs Python 3.11 or newer" >&2; exit 1
}

install_python_packages() {
  local python; python=$(pick_python)
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating the virtual environment ($python)"
    "$python" -m venv "$VENV"
  fi
  local want; want=$(sha256sum pyproject.toml | cut -d' ' -f1)
  if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then return 0; fi
  say "installing partydesk and its dependencies"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -e '.[dev]'
  echo "$want" > "$STAMP"
}

build_translations() {
  # .ts -> .qm (resources/translations, not committed); a second or so, so always done.
  "$VENV/bin/python" scripts/build_translations.py >/dev/null
}

setup() {
  install_system_packages
  install_python_packages
  build_translations
}

case "${1:-}" in
  run)
    setup
    shift
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      say "no display: starting partydesk on a virtual screen (Xvfb). Set DISPLAY to see the window."
      exec xvfb-run -a -s "-screen 0 1280x800x24" "$VENV/bin/partydesk" "$@"
    fi
    exec "$VENV/bin/partydesk" "$@"
    ;;
  test)
    setup
    shift
    export QT_QPA_PLATFORM=offscreen
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  *)
    echo "usage: ./dev.sh run | ./dev.sh test [pytest arguments]" >&2
    exit 2
    ;;
esac
