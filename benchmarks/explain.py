"""Explanations measured side by side with a hand-written function, on a flat 20-criterion set.

One process, the same generated records for every contender (benchmarks/explain_flat20.yaml:
plain fields, no member lists, every shape of the phrase catalogue but member lists). Each
round times every contender over all the records, in an order that rotates from round to
round; the ratio to the hand-written function is taken per round (paired) and the table shows
the median ratio and the median time per record.

Contenders:

- ``hand-written``: a plain Python function with the same 20 rules and missing-data semantics
  (unknown, never 0 or false); returns the verdicts and points. The reference (ratio 1.00).
- ``evaluate(h)``: ``plan.evaluate(h)`` with full explanation data.
- ``evaluate(h).explain("vi")``: the same, then the Vietnamese explanation (the issue's
  target: at most 15 x hand-written).
- ``explain("vi") of a result``: the explanation alone, of results evaluated beforehand (what
  the wording layer costs by itself).
- ``texts of a result``: the sentences JSON and CSV carry (``result_texts``).

Run::

    python benchmarks/explain.py --records 20000 --rounds 5

To compare with another checkout (before/after), put it first on the path:
``PYTHONPATH=/path/to/checkout python benchmarks/explain.py`` (contenders the checkout lacks
are skipped).
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SET_FILE = HERE / "explain_flat20.yaml"

from criteria_engine import compile_plan, load_revision  # noqa: E402

PASS, FAIL, UNKNOWN, NA = "pass", "fail", "unknown", "not_applicable"
LINE = {"urban": 2_000_000, "rural": 1_500_000}


def records(n: int, seed: int = 7) -> list[dict[str, object]]:
    """Seeded flat household records; about 2% of the values missing."""
    rng = random.Random(seed)
    out = []
    for index in range(n):
        school_age = rng.choice((0, 0, 1, 2, 3))
        record: dict[str, object] = {
            "id": f"H{index:06d}",
            "area": rng.choice(("urban", "rural")),
            "registered": rng.random() < 0.95,
            "gdvh": rng.random() < 0.9,
            "prosecuted": rng.random() < 0.02,
            "tax_default": rng.random() < 0.03,
            "dv_incidents": rng.choice((0,) * 20 + (1, 2)),
            "conduct_code": rng.random() < 0.8,
            "elders": rng.choice((0, 0, 1, 2)),
            "elder_care": rng.random() < 0.9,
            "child_marriage": rng.random() < 0.02,
            "income": float(rng.randrange(800_000, 5_000_000, 50_000)),
            "housing": rng.choice(("solid", "solid", "semi_solid", "makeshift")),
            "water": rng.choice(("qc_standard", "hygienic", "unhygienic")),
            "latrine": rng.random() < 0.85,
            "insured_pct": rng.choice((100.0, 100.0, 90.0, 75.0, 50.0)),
            "exercising": rng.choice((0, 1, 2, 3)),
            "school_age": school_age,
            "in_school": max(0, school_age - rng.choice((0, 0, 0, 1))),
            "heritage": rng.random() < 0.7,
            "community": rng.random() < 0.85,
            "waste": rng.random() < 0.8,
            "forest_violation": rng.random() < 0.03,
            "savings": float(rng.randrange(0, 2_000_000, 10_000)),
            "savings_prev": float(rng.randrange(0, 2_000_000, 10_000)),
        }
        for key in list(record)[1:]:
            if rng.random() < 0.02:
                record[key] = None
        out.append(record)
    return out


def _fact(value: object, points: float = 0.0) -> tuple[str, float]:
    if value is None:
        return UNKNOWN, 0.0
    return (PASS, points) if value else (FAIL, 0.0)


def _compare(
    left: object, right: object, holds: Callable[[Any, Any], bool], points: float
) -> tuple[str, float]:
    if left is None or right is None:
        return UNKNOWN, 0.0
    return (PASS, points) if holds(left, right) else (FAIL, 0.0)


def hand_written(r: dict[str, object]) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """The 20 verdicts and points of explain_flat20.yaml, written by hand."""
    g = r.get
    out = [
        _fact(g("registered")),
        _fact(g("gdvh")),
        _fact(None if g("prosecuted") is None else not g("prosecuted")),
        _fact(None if g("tax_default") is None else not g("tax_default")),
        _compare(g("dv_incidents"), 0, lambda a, b: a == b, 8),
        _fact(g("conduct_code"), 5),
    ]
    elders = g("elders")
    out.append(_fact(None, 0) if elders is None else (NA, 0.0) if not elders else _fact(g("elder_care"), 6))  # type: ignore[operator]
    out.append(_fact(None if g("child_marriage") is None else not g("child_marriage"), 6))
    area = g("area")
    out.append(
        _compare(g("income"), LINE.get(area) if isinstance(area, str) else None, lambda a, b: a > b, 10)
    )
    housing = g("housing")
    out.append(_fact(None if housing is None else housing in ("solid", "semi_solid"), 5))
    water = g("water")
    points = {"qc_standard": 5.0, "hygienic": 3.0}.get(water, 0.0) if isinstance(water, str) else 0.0
    out.append((UNKNOWN, 0.0) if water is None else (PASS if points else FAIL, points))
    out.append(_fact(g("latrine"), 5))
    out.append(_compare(g("savings"), g("savings_prev"), lambda a, b: a >= b, 4))
    insured = g("insured_pct")
    if insured is None:
        out.append((UNKNOWN, 0.0))
    else:
        banded = 6.0 if insured >= 100 else 3.0 if insured >= 80 else 0.0  # type: ignore[operator]
        out.append((PASS if banded else FAIL, banded))
    out.append(_compare(g("exercising"), 1, lambda a, b: a >= b, 4))
    school_age = g("school_age")
    if school_age is None:
        out.append((UNKNOWN, 0.0))
    elif not school_age:
        out.append((NA, 0.0))
    else:
        out.append(_compare(g("in_school"), school_age, lambda a, b: a >= b, 6))
    out.append(_fact(g("heritage"), 5))
    out.append(_fact(g("community"), 5))
    out.append(_fact(g("waste"), 5))
    out.append(_fact(None if g("forest_violation") is None else not g("forest_violation"), 5))
    return tuple(v for v, _ in out), tuple(p for _, p in out)


def _time(run: Callable[[], object]) -> float:
    gc.collect()
    start = time.process_time()
    run()
    return time.process_time() - start


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    import criteria_engine

    plan = compile_plan(load_revision(SET_FILE))
    data = records(args.records)
    results = [plan.evaluate(r) for r in data]
    for record, result in zip(data[:2000], results, strict=False):  # the reference agrees
        verdicts, _points = hand_written(record)
        assert verdicts == tuple(c.verdict for c in result.criteria), record["id"]
    contenders: dict[str, Callable[[], object]] = {
        "hand-written": lambda: [hand_written(r) for r in data],
        "evaluate(h)": lambda: [plan.evaluate(r) for r in data],
        'evaluate(h).explain("vi")': lambda: [plan.evaluate(r).explain("vi") for r in data],
        'explain("vi") of a result': lambda: [r.explain("vi") for r in results],
    }
    try:
        from criteria_engine.explain.texts import result_texts

        contenders["texts of a result"] = lambda: [result_texts(r, "vi") for r in results]
    except ImportError:  # an older checkout
        pass
    names = list(contenders)
    times: dict[str, list[float]] = {name: [] for name in names}
    for round_ in range(args.rounds):
        order = names[round_ % len(names) :] + names[: round_ % len(names)]
        for name in order:
            times[name].append(_time(contenders[name]))
    print(f"criteria_engine from {Path(criteria_engine.__file__).parent}")
    print(f"{args.records} records x {args.rounds} rounds, CPU time, median of paired ratios\n")
    print("| contender | µs / record | × hand-written |\n|---|---:|---:|")
    for name in names:
        ratios = [t / h for t, h in zip(times[name], times["hand-written"], strict=True)]
        per = statistics.median(times[name]) / args.records * 1e6
        print(f"| {name} | {per:.1f} | {statistics.median(ratios):.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
