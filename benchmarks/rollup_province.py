"""Roll-up at province scale: time and peak memory of a bottom-up run against households alone.

    python benchmarks/rollup_province.py                     # 400,000 households, once each
    python benchmarks/rollup_province.py --households 100000 200000 400000 --repeat 3
    python benchmarks/rollup_province.py --data /tmp/province   # reuse generated files

For each size it generates a synthetic province (``examples/generate_province.py``: 99 communes,
about 1,500 villages, households with their persons, schools, respondents; seeded) unless the
folder already holds it, then runs in a fresh process each:

* **households alone**: ``evaluate_dataset(..., top="happy-family")``: every household with
  its persons, results streamed to a counter and not kept;
* **roll-up**: every set in force: households (streamed, not kept), villages, communes (with
  the happiness index from the survey), schools, the province; village and higher results
  kept with details and roll-up lines.

It prints wall and CPU seconds and the peak resident memory of each run (``ru_maxrss``), with
the memory of a process that has only loaded the sets for comparison, as a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-12-01"

CHILD = r"""
import datetime as dt, json, resource, sys, time
from criteria_engine import load_registry
from criteria_engine import evaluate_dataset

path, mode = sys.argv[1], sys.argv[2]
registry = load_registry()
counts = {}
def count(key, result):
    counts[key] = counts.get(key, 0) + 1
start, cpu = time.perf_counter(), time.process_time()
if mode == "households":
    ev = evaluate_dataset(path, registry, as_of=dt.date.fromisoformat(sys.argv[3]), top="happy-family",
                          detail=False, keep=False, on_result=count)
elif mode == "rollup":
    upper = ["village", "commune", "province", "school"]
    ev = evaluate_dataset(path, registry, as_of=dt.date.fromisoformat(sys.argv[3]), detail=upper, keep=upper,
                          on_result=count)
else:
    ev = None
wall, cpu = time.perf_counter() - start, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
errors = sum(d.severity == "error" for d in ev.diagnostics) if ev else 0
print(json.dumps({"wall": wall, "cpu": cpu, "peak_mb": peak, "counts": counts, "errors": errors}))
"""


def _run(path: Path, mode: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), mode, AS_OF],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _data(base: Path, households: int) -> Path:
    folder = base / f"province-{households}"
    if not (folder / "household.csv").exists():
        sys.path.insert(0, str(ROOT / "examples"))
        from generate_province import generate_province  # a sibling script, not a package

        started = time.perf_counter()
        counts = generate_province(folder, households)
        took = time.perf_counter() - started
        print(f"generated {', '.join(f'{n:,} {t}' for t, n in counts.items())} in {took:.0f} s → {folder}")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, nargs="+", default=[400_000])
    parser.add_argument("--data", type=Path, default=None, help="folder for the generated provinces (kept)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each mode; the fastest is reported")
    args = parser.parse_args()
    base = args.data or Path(tempfile.mkdtemp(prefix="rollup-bench-"))
    baseline = _run(base, "imports")
    print(f"process with the sets loaded: {baseline['peak_mb']:.0f} MB")
    print("| households | run | wall s | CPU s | peak MB | results |")
    print("|---:|---|---:|---:|---:|---|")
    for households in args.households:
        folder = _data(base, households)
        times: dict[str, float] = {}
        for mode in ("households", "rollup"):
            runs = [_run(folder, mode) for _ in range(args.repeat)]
            best = min(runs, key=lambda r: float(r["cpu"]))  # type: ignore[arg-type]
            times[mode] = float(best["cpu"])  # type: ignore[arg-type]
            counts = ", ".join(f"{n:,} {k}" for k, n in best["counts"].items())  # type: ignore[attr-defined]
            print(
                f"| {households:,} | {mode} | {best['wall']:.1f} | {best['cpu']:.1f} | {best['peak_mb']:.0f} | {counts} |"
            )
        print(
            f"| {households:,} | roll-up / households alone (CPU) | {times['rollup'] / times['households']:.2f}× | | | |"
        )


if __name__ == "__main__":
    main()
