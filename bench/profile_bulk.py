"""Profile `create_members` alone (the rows are built before profiling starts).

    .venv/bin/python -m bench.profile_bulk [--size 50000] [--sort cumtime] [--top 40]

Builds the demo office without members in a temporary database, generates the rows as
bench_foundation does, then runs `create_members` under cProfile and prints the top
functions.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench.bench_foundation import TODAY, _branches
from bench.rows import make_rows
from partydesk.services.database import open_database
from partydesk.services.demo import build_demo_office
from partydesk.services.member_bulk import create_members


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile_bulk")
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--sort", default="cumtime")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="partydesk-profile-") as tmp:
        db = open_database(Path(tmp) / "profile.sqlite", actor="bench")
        try:
            build_demo_office(db, members=0, seed=1, today=TODAY)
            rows, _ = make_rows(args.size, _branches(db), TODAY)
            gc.collect()
            profile = cProfile.Profile()
            profile.enable()
            create_members(db, rows, today=TODAY)
            profile.disable()
        finally:
            db.close()
    pstats.Stats(profile, stream=sys.stdout).sort_stats(args.sort).print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
