"""A throw-away PostgreSQL server for the tests and benchmarks: initdb, start, stop.

The server runs from the binaries of Debian's `postgresql` package
(`/usr/lib/postgresql/*/bin`), in a temporary folder, listening on a unix socket in that
folder only (no TCP port, nothing left behind). PostgreSQL refuses to run as root, so
under root the cluster belongs to the `postgres` system user the package creates (or
`nobody`), and the folder is handed over to that user.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

#: Set to 1 to skip the server tests on a machine that cannot install PostgreSQL.
SKIP_VARIABLE = "PARTYDESK_SKIP_POSTGRES"
#: The folder holding initdb, pg_ctl and postgres to use instead of searching for them.
BINDIR_VARIABLE = "PARTYDESK_PG_BINDIR"
SUPERUSER = "partydesk"
_PROGRAMS = ("initdb", "pg_ctl", "postgres")


class ServerUnavailableError(RuntimeError):
    """No PostgreSQL server binaries here, or the server would not start."""


def find_bindir() -> Path | None:
    """The folder of the newest installed PostgreSQL server binaries, or None."""
    override = os.environ.get(BINDIR_VARIABLE)
    if override:
        # Named explicitly: those binaries or none.
        folder = Path(override)
        return folder if all(os.access(folder / n, os.X_OK) for n in _PROGRAMS) else None
    candidates: list[Path] = []

    def version(path: str) -> float:
        try:
            return float(Path(path).parent.parent.name)
        except ValueError:
            return 0.0

    found = glob.glob("/usr/lib/postgresql/*/bin/initdb")
    candidates.extend(Path(p).parent for p in sorted(found, key=version, reverse=True))
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).parent)
    for folder in candidates:
        if all(os.access(folder / name, os.X_OK) for name in _PROGRAMS):
            return folder
    return None


def _server_user() -> pwd.struct_passwd | None:
    """The unprivileged user the server runs as under root (None when not root)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise ServerUnavailableError("running as root and neither user postgres nor nobody exists")


def _reachable_tempdir(user: pwd.struct_passwd | None) -> str | None:
    """The temporary folder, unless the server's user could not reach it (then /tmp)."""
    base = Path(tempfile.gettempdir())
    if user is None:
        return None
    for folder in (base, *base.parents):
        if not folder.stat().st_mode & 0o001:
            return "/tmp"
    return None


@dataclass
class PostgresServer:
    """A running throw-away cluster; `url(name)` gives a SQLAlchemy URL of one database."""

    bindir: Path
    folder: Path
    user: pwd.struct_passwd | None
    #: False for the tests: no fsync (a crash loses nothing we keep); True for benchmarks.
    durable: bool = False
    log: Path = field(init=False)

    def __post_init__(self) -> None:
        self.log = self.folder / "server.log"

    @property
    def data(self) -> Path:
        """The cluster's data directory."""
        return self.folder / "data"

    @property
    def socket_dir(self) -> Path:
        """The folder of the unix socket (the server listens on nothing else)."""
        return self.folder / "socket"

    def url(self, database: str) -> str:
        """The SQLAlchemy URL of `database` on this server (psycopg 3, unix socket)."""
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.socket_dir}"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        kwargs: dict[str, object] = {}
        if self.user is not None:
            kwargs = {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []}
        return subprocess.run(  # type: ignore[call-overload,no-any-return]
            args,
            capture_output=True,
            text=True,
            check=False,
            cwd=self.folder,
            env={**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
            **kwargs,
        )

    def _check(self, result: subprocess.CompletedProcess[str], what: str) -> None:
        if result.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise ServerUnavailableError(
                f"{what} failed ({result.returncode}): {result.stderr.strip()}\n{log}"
            )

    def start(self) -> None:
        """initdb (UTF-8, C collation: text sorts by code point, as in SQLite), then start."""
        self.socket_dir.mkdir()
        if self.user is not None:
            for path in (self.folder, self.socket_dir):
                os.chown(path, self.user.pw_uid, self.user.pw_gid)
        result = self._run(
            str(self.bindir / "initdb"),
            "--pgdata",
            str(self.data),
            "--username",
            SUPERUSER,
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--locale",
            "C",
            "--no-sync",
        )
        self._check(result, "initdb")
        options = f"-k {self.socket_dir} -c listen_addresses=''"
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        result = self._run(
            str(self.bindir / "pg_ctl"),
            "--pgdata",
            str(self.data),
            "--log",
            str(self.log),
            "--options",
            options,
            "--wait",
            "start",
        )
        self._check(result, "pg_ctl start")

    def stop(self) -> None:
        """Stop the server at once and delete its folder."""
        try:
            if (self.data / "postmaster.pid").exists():
                self._run(
                    str(self.bindir / "pg_ctl"),
                    "--pgdata",
                    str(self.data),
                    "--mode",
                    "immediate",
                    "--wait",
                    "stop",
                )
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def start_server(prefix: str = "partydesk-pg-", durable: bool = False) -> PostgresServer:
    """Make a cluster in a new temporary folder and start it; raises ServerUnavailableError.

    `durable` keeps PostgreSQL's default fsync and commit settings (benchmarks); the tests
    run without them.
    """
    bindir = find_bindir()
    if bindir is None:
        raise ServerUnavailableError(
            "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb)"
        )
    user = _server_user()
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=_reachable_tempdir(user)))
    server = PostgresServer(bindir, folder, user, durable)
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    return server
