"""The evaluation paths side by side, as paired ratios against a hand-written Python function.

Two sets: ``flat`` (household_flat.yaml: 20 criteria on plain fields, the shape of most sets)
and ``members`` (household20.yaml: the same rules with five vetoes over the persons list).
For each set, every path below runs over the same generated records, in one process. Each
round times, for every path in a rotating order, the hand-written function over all the
records and then the path over the same records, back to back: the ratio of the two is one
paired sample, so a slow moment of a shared machine hits both sides of a ratio alike. The
table shows the median of the paired ratios over the rounds (CPU time, ``process_time``) and
the median µs per record.

Paths (``plan = compile_plan(...)``):

- ``outcome``: ``plan.outcome(record)`` on records checked beforehand (internal: the generated
  rules, status and rating; no record check, no result object);
- ``verdicts``: ``plan.evaluate(record, detail=False)``;
- ``evaluate_many``: ``for r in plan.evaluate_many(records, detail=False)`` (the same results);
- ``full``: ``plan.evaluate(record)``: the result with its explanation data, as returned;
- ``full, read``: ``plan.evaluate(record)`` then reading ``criteria``, ``missing``, ``gap`` and
  ``measures`` (results may build those on first access: this is what reading them costs);
- ``hand-written, inlined`` (a stricter reference): the same rules as one flat function with
  fast class-identity checks (flat.hand_written_flat_inline, evaluator.hand_written_inline).

Before timing, every path's rows (status, score, maximum, rating, verdicts, points) are
compared with the hand-written function's on every record; a difference stops the run.

Run::

    python benchmarks/paths.py                         # both sets, 20,000 records, 7 rounds
    python benchmarks/paths.py --records 50000 --rounds 9 --sets flat
    PYTHONPATH=/path/to/other/checkout python benchmarks/paths.py   # another build (before/after)
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from evaluator import SET_FILE, ce_row, code_identity, hand_written, hand_written_inline  # noqa: E402
from flat import FLAT_SET, flat_records, hand_written_flat, hand_written_flat_inline  # noqa: E402
from gen_households import households  # noqa: E402

from criteria_engine import compile_plan, load_revision  # noqa: E402

Records = Sequence[Mapping[str, object]]
TARGETS = {
    "flat": {"verdicts": 1.5, "full": 3.0},
    "members": {"verdicts": 1.2, "full": 2.5},
}


@dataclass(frozen=True)
class BenchSet:
    name: str
    file: Path
    reference: Callable[[Mapping[str, object]], object]
    inline: Callable[[Mapping[str, object]], object]
    records: Callable[[int, int], Any]


SETS = {
    "flat": BenchSet("flat", FLAT_SET, hand_written_flat, hand_written_flat_inline, flat_records),
    "members": BenchSet("members", SET_FILE, hand_written, hand_written_inline, households),
}


def _paths(
    plan: Any, inline: Callable[[Mapping[str, object]], object]
) -> dict[str, tuple[Callable[[Records], None], bool]]:
    """Each path: a function over all the records, and whether it reads the checked records."""
    evaluate, outcome, many = plan.evaluate, plan.outcome, plan.evaluate_many

    def run_inline(records: Records) -> None:
        for record in records:
            inline(record)

    def run_outcome(records: Records) -> None:
        for record in records:
            outcome(record)

    def run_verdicts(records: Records) -> None:
        for record in records:
            evaluate(record, detail=False)

    def run_many(records: Records) -> None:
        for _ in many(records, detail=False):
            pass

    def run_full(records: Records) -> None:
        for record in records:
            evaluate(record)

    def run_full_read(records: Records) -> None:
        for record in records:
            result = evaluate(record)
            result.criteria  # noqa: B018
            result.missing  # noqa: B018
            result.gap  # noqa: B018
            result.measures  # noqa: B018

    return {
        "outcome": (run_outcome, True),
        "verdicts": (run_verdicts, False),
        "evaluate_many": (run_many, False),
        "full": (run_full, False),
        "full, read": (run_full_read, False),
        "hand-written, inlined": (run_inline, False),
    }


def _check(bench: BenchSet, plan: Any, records: Records) -> None:
    """Every path gives the hand-written function's row on every record (else stop)."""
    many = list(plan.evaluate_many(records, detail=False))
    for index, record in enumerate(records):
        want = bench.reference(record)
        if bench.inline(record) != want:
            raise SystemExit(f"{bench.name}: the inlined reference differs on {record.get('id')}")
        for label, result in (
            ("verdicts", plan.evaluate(record, detail=False)),
            ("evaluate_many", many[index]),
            ("full", plan.evaluate(record)),
        ):
            got = ce_row(result)
            if got != want:
                raise SystemExit(f"{bench.name}: {label} differs on {record.get('id')}: {got} vs {want}")


def _timed(run: Callable[[Records], None], records: Records) -> float:
    gc.collect()
    start = time.process_time()
    run(records)
    return time.process_time() - start


def measure(bench: BenchSet, count: int, rounds: int, seed: int) -> dict[str, dict[str, float]]:
    plan = compile_plan(load_revision(bench.file))
    records = list(bench.records(count, seed))
    checked = [clean for clean, problems in map(plan._checker.check, records) if not problems]
    _check(bench, plan, records)
    paths = _paths(plan, bench.inline)
    reference = bench.reference

    def run_reference(rs: Records) -> None:
        for record in rs:
            reference(record)

    ratios: dict[str, list[float]] = {name: [] for name in paths}
    micros: dict[str, list[float]] = {name: [] for name in paths}
    reference_micros: list[float] = []
    many_vs_loop: list[float] = []
    names = list(paths)
    for round_index in range(rounds):
        shift = round_index % len(names)
        for name in names[shift:] + names[:shift]:
            run, on_checked = paths[name]
            data = checked if on_checked else records
            base = _timed(run_reference, data)
            took = _timed(run, data)
            ratios[name].append(took / base)
            micros[name].append(took / len(data) * 1e6)
            reference_micros.append(base / len(data) * 1e6)
        # evaluate_many against a loop of evaluate, paired the same way.
        loop = _timed(paths["verdicts"][0], records)
        many_vs_loop.append(_timed(paths["evaluate_many"][0], records) / loop)
        print(f"  {bench.name} round {round_index + 1}/{rounds}", file=sys.stderr, flush=True)
    out = {
        name: {"ratio": statistics.median(ratios[name]), "us": statistics.median(micros[name])}
        for name in names
    }
    out["hand-written"] = {"ratio": 1.0, "us": statistics.median(reference_micros)}
    out["evaluate_many / loop of evaluate"] = {"ratio": statistics.median(many_vs_loop), "us": 0.0}
    return out


def table(name: str, results: Mapping[str, Mapping[str, float]]) -> str:
    targets = TARGETS.get(name, {})
    lines = [
        f"**{name}** set: median of paired ratios (CPU)",
        "",
        "| path | µs per record | × hand-written | target |",
        "|---|---:|---:|---:|",
    ]
    for path, row in results.items():
        us = f"{row['us']:.1f}" if row["us"] else ""
        target = f"≤ {targets[path]}" if path in targets else ""
        if path == "evaluate_many / loop of evaluate":
            target = "≤ 1.0"
        lines.append(f"| {path} | {us} | {row['ratio']:.2f} | {target} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Evaluation paths as paired ratios to hand-written Python.")
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--sets", default="flat,members", help="comma-separated: flat, members")
    args = parser.parse_args(argv)
    print(f"criteria_engine: {code_identity()}")
    print(
        f"{args.records:,} records, {args.rounds} rounds; Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}"
    )
    for name in (s.strip() for s in args.sets.split(",") if s.strip()):
        results = measure(SETS[name], args.records, args.rounds, args.seed)
        print()
        print(table(name, results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
