"""Memory of a long stream: 1,000,000 generated households through ``Plan.evaluate_many``.

Records are generated one at a time (benchmarks/gen_households.py), evaluated lazily by
``evaluate_many`` and written as JSONL (``json.dumps(result.to_dict())``, one line each, as
``criteria evaluate --format jsonl`` writes them) to a sink, by default ``os.devnull``. Nothing
is kept, so memory must stay flat however long the stream.

Two measures of the peak:

- **peak RSS** (``resource.getrusage(RUSAGE_SELF).ru_maxrss``): the whole process, as the
  operating system sees it: the interpreter, imports, the compiled plan, and the stream;
- **tracemalloc peak**: the largest amount of memory Python objects held at once while the
  stream ran (started after the plan is compiled, so it is the stream's own working set).

The current RSS (``/proc/self/statm``) is also sampled every tenth of the stream: a flat
series is what "constant memory" means.

tracemalloc records every allocation and slows this stream down about tenfold, so by default
it watches the first 20,000 records (``--trace-records``; 0 = the whole stream) and is then
stopped; the RSS is measured over the whole stream either way. A flat RSS series shows that
the first 20,000 records are representative. ``--no-tracemalloc`` skips it.

Run::

    python benchmarks/stream_memory.py --records 1000000
    python benchmarks/stream_memory.py --records 1000000 --no-detail --no-tracemalloc
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_households import households  # noqa: E402

from criteria_engine import compile_plan, load_revision  # noqa: E402

MB = 1024 * 1024
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def rss_now() -> int:
    """The current resident set size in bytes (Linux; 0 where /proc is absent)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * PAGE
    except OSError:
        return 0


def rss_peak() -> int:
    """The process's peak resident set size in bytes (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Peak memory of a 1,000,000-record evaluate_many stream.")
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--sink", default=os.devnull, help="where the JSONL goes (default: os.devnull)")
    parser.add_argument(
        "--no-detail",
        dest="detail",
        action="store_false",
        help="verdicts only (default: full explanation data)",
    )
    parser.add_argument(
        "--no-tracemalloc", dest="trace", action="store_false", help="RSS only, at full speed"
    )
    parser.add_argument(
        "--trace-records", type=int, default=20_000, help="records watched by tracemalloc (0: all)"
    )
    parser.add_argument("--samples", type=int, default=10, help="how many RSS samples along the stream")
    args = parser.parse_args(argv)

    plan = compile_plan(load_revision(HERE / "household20.yaml"))
    # Warm up: the first evaluations fill caches (compiled traces, interned strings); they are
    # part of the plan's fixed cost, not of the stream's.
    for result in plan.evaluate_many(households(200, args.seed + 1), detail=args.detail):
        json.dumps(result.to_dict(), ensure_ascii=False, default=str)
    rss_before = rss_now()
    peak_before = rss_peak()
    traced_peak: int | None = None
    trace_until = (args.trace_records or args.records) if args.trace else 0
    if args.trace:
        tracemalloc.start()

    every = max(1, args.records // max(1, args.samples))
    samples: list[tuple[int, int]] = []
    statuses: dict[str, int] = {}
    lines = 0
    start = time.perf_counter()
    records: Iterator[dict[str, object]] = households(args.records, args.seed)
    with open(args.sink, "w", encoding="utf-8") as sink:
        for result in plan.evaluate_many(records, detail=args.detail):
            sink.write(json.dumps(result.to_dict(), ensure_ascii=False, default=str) + "\n")
            statuses[result.status] = statuses.get(result.status, 0) + 1
            lines += 1
            if lines == trace_until:
                traced_peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
            if lines % every == 0:
                samples.append((lines, rss_now()))
    elapsed = time.perf_counter() - start
    if tracemalloc.is_tracing():
        traced_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    peak = rss_peak()

    mode = "full explanation data (detail=True)" if args.detail else "verdicts only (detail=False)"
    print(f"{lines:,} records streamed, {mode}, JSONL to {args.sink}")
    print(
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs; {elapsed:.1f} s ({elapsed / lines * 1e6:.1f} µs/record incl. generation and JSON)"
    )
    print(f"statuses: {dict(sorted(statuses.items()))}")
    print()
    print("| measure | MB |")
    print("|---|---:|")
    print(f"| RSS after imports, compile and warm-up | {rss_before / MB:.1f} |")
    print(f"| peak RSS before the stream (ru_maxrss) | {peak_before / MB:.1f} |")
    print(f"| **peak RSS, whole run (ru_maxrss)** | **{peak / MB:.1f}** |")
    print(f"| growth of the peak during the stream | {(peak - peak_before) / MB:.1f} |")
    if traced_peak is not None:
        watched = min(trace_until, lines)
        print(f"| **tracemalloc peak (first {watched:,} records)** | **{traced_peak / MB:.2f}** |")
    print()
    print("RSS along the stream (MB): " + ", ".join(f"{n // 1000}k: {rss / MB:.1f}" for n, rss in samples))
    spread = (max(r for _, r in samples) - min(r for _, r in samples)) / MB if samples else 0.0
    print(f"RSS spread over the samples: {spread:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
