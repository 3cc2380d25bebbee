"""Benchmarks of partydesk (run `python -m bench.bench_foundation --help`)."""
