"""Composition root: parse the command line, set up logging, then run a command or the GUI."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import sys
from collections.abc import Sequence
from pathlib import Path

from partydesk.cli import build_parser, run
from partydesk.paths import DataPaths, resolve_data_dir


def setup_logging(paths: DataPaths) -> None:
    """Rotating log file in the data folder. Log lines carry ids and counts, never names."""
    paths.logs.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        paths.logs / "partydesk.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)


def _drop_package_argument(argv: Sequence[str] | None) -> Sequence[str] | None:
    """The arguments without a lone sync package path (a double-clicked `.pdpkg` file).

    The Windows installer associates `.pdpkg` files with `partydesk.exe "%1"`: such a
    start opens the window on the office's database instead of failing on an unknown
    command. Taking the package into the import dialog belongs to the sync feature.
    """
    given = sys.argv[1:] if argv is None else list(argv)
    if len(given) == 1 and given[0].lower().endswith(".pdpkg") and Path(given[0]).is_file():
        logging.getLogger(__name__).info("started with a sync package argument")
        return []
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `partydesk` and `python -m partydesk`."""
    args = build_parser().parse_args(_drop_package_argument(argv))
    if args.self_test:
        # Before the data folder is resolved: the self-test never touches the user's data.
        from partydesk.cli.self_test import run_self_test_command
        from partydesk.ui.self_check import check_window

        return run_self_test_command(args, check_window)
    paths = resolve_data_dir(args.data_dir)
    # A read-only data folder must not stop the program; opening the database reports it.
    with contextlib.suppress(OSError):
        setup_logging(paths)
    if args.command:
        return run(args)
    from partydesk.ui.launch import run_gui

    return run_gui(paths, args.db)


if __name__ == "__main__":
    sys.exit(main())
