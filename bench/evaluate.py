"""Evaluation speed and memory: durable-rules (cache miss), cache hit, and the oracle.

Run: ``python bench/evaluate.py [--code 2.000806] [--rounds 7] [--rss-evals 100000]``

"cache miss" runs durable-rules for every call; identical requirement outcomes
reuse their already-built Decision objects (as the server does). "cold
objects" also rebuilds every Decision, explanation and trace.

All timings run in this one process, interleaved round by round, and are
reported as medians, with ratios against the plain-Python oracle measured in
the same rounds (machine noise moves all of them together). RSS growth is
measured over N evaluations that mix misses over many distinct applicants and
dates with cache hits (the bounded cache included).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from engine.evaluator import Engine  # noqa: E402
from engine.loading import load_catalogue  # noqa: E402
from tests import oracle  # noqa: E402

APPLICANTS = [
    {"nationality": "vn"},
    {"nationality": "foreign"},
    {},
    {"nationality": "vn", "vneid": "level2"},
    {"nationality": "vn", "land-use": "residential", "by-proxy": "no"},
]


def rss_mib() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def per_call_us(fn, n: int) -> float:
    start = time.perf_counter()
    for i in range(n):
        fn(i)
    return (time.perf_counter() - start) / n * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--code", default="2.000806", help="a 10-requirement curated procedure")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--n", type=int, default=2000, help="calls per round and kind")
    parser.add_argument("--rss-evals", type=int, default=100_000)
    args = parser.parse_args()

    cat = load_catalogue().raise_for_errors()
    engine = Engine(cat)
    proc = cat.procedures[args.code]
    day = dt.date(2026, 6, 1)
    engine.evaluate(args.code, APPLICANTS[0], day)  # compile + register outside the timings

    def miss(i: int) -> None:
        engine.evaluate(args.code, APPLICANTS[i % len(APPLICANTS)], day, use_cache=False)

    def cold(i: int) -> None:
        engine._decisions.clear()  # rebuild every decision object too, not only re-decide
        engine.evaluate(args.code, APPLICANTS[i % len(APPLICANTS)], day, use_cache=False)

    def hit(i: int) -> None:
        engine.evaluate(args.code, APPLICANTS[i % len(APPLICANTS)], day)

    def orc(i: int) -> None:
        oracle.decide(cat, args.code, APPLICANTS[i % len(APPLICANTS)], day)

    for a in APPLICANTS:
        engine.evaluate(args.code, a, day)
    results: dict[str, list[float]] = {"durable (cache miss)": [], "durable, cold objects": [], "cache hit": [], "oracle (plain Python)": []}
    for _ in range(args.rounds):
        results["durable (cache miss)"].append(per_call_us(miss, args.n))
        results["durable, cold objects"].append(per_call_us(cold, args.n))
        results["cache hit"].append(per_call_us(hit, args.n * 10))
        results["oracle (plain Python)"].append(per_call_us(orc, args.n))
    base = statistics.median(results["oracle (plain Python)"])
    print(f"procedure {args.code}: {len(proc.requirements)} requirements, "
          f"{sum(len(r.document_types) or 1 for r in proc.requirements)} facts per evaluation; "
          f"{args.rounds} rounds x {args.n} calls; python {sys.version.split()[0]}, {os.cpu_count()} cpu")
    for name, values in results.items():
        med = statistics.median(values)
        print(f"  {name:24s} median {med:9.2f} us/eval   (min {min(values):.2f}, max {max(values):.2f}; x{med / base:.2f} oracle)")

    # Leak check: a portal's working day. One date, every curated procedure, the
    # applicant profiles above; half the calls bypass the cache (durable runs).
    codes = sorted(cat.procedures)
    for i in range(10_000):  # warm-up: compile everything, fill the cache's working set
        engine.evaluate(codes[i % len(codes)], APPLICANTS[i % len(APPLICANTS)], day)
    gc.collect()
    before = rss_mib()
    start = time.perf_counter()
    for i in range(args.rss_evals):
        engine.evaluate(codes[i % len(codes)], APPLICANTS[(i // 7) % len(APPLICANTS)], day, use_cache=bool(i % 2))
    elapsed = time.perf_counter() - start
    gc.collect()
    after = rss_mib()
    print(f"  RSS over {args.rss_evals:,} evaluations (half uncached) after warm-up: {before:.1f} -> {after:.1f} MiB "
          f"(growth {after - before:+.2f} MiB, target < 5), {elapsed:.1f} s")

    # Cache footprint: distinct keys (dates) until the bound; memory per 1,000 entries.
    engine.clear_cache()
    gc.collect()
    before = rss_mib()
    n = 10_000
    for i in range(n):
        engine.evaluate(codes[i % len(codes)], APPLICANTS[0], day + dt.timedelta(days=i // len(codes)))
    gc.collect()
    after = rss_mib()
    print(f"  decision cache: {(after - before) / n * 1000:.2f} MiB per 1,000 cached evaluations "
          f"(bound ONCEONLY_CACHE_SIZE={engine._cache_size:,} entries, cleared when full)")


if __name__ == "__main__":
    main()
