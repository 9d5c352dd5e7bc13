"""Does readable generated code cost speed? The same set compiled twice, side by side.

``readable``: the plan as it is built (locals named after the set's names, lines wrapped under
120 columns, a ``# file:line`` comment on each). ``opaque``: the same plan with every name
of the set renamed to ``n0``, ``n1``... and no wrapping (what the generator wrote before).
Both run the same records in one process; each round times them back to back (alternating
which goes first) and the table gives the median ratio opaque / readable (CPU time).

Run::

    python benchmarks/readable_code.py --records 20000 --rounds 9
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from flat import FLAT_SET, flat_records  # noqa: E402

from criteria_engine import compile_plan, load_revision  # noqa: E402
from criteria_engine.evaluators import code_writer, generate_context  # noqa: E402


def _opaque_plan() -> Any:
    """The flat plan compiled with ``n<i>`` names and unwrapped lines."""
    saved_names, saved_wrap = generate_context.local_names, code_writer.wrap
    generate_context.local_names = lambda names: {n: f"n{i}" for i, n in enumerate(names)}  # type: ignore[assignment]
    code_writer.wrap = lambda code, indent, width=0: [indent + code]  # type: ignore[assignment]
    try:
        return compile_plan(load_revision(FLAT_SET))
    finally:
        generate_context.local_names, code_writer.wrap = saved_names, saved_wrap


def _timed(run: Callable[[], None]) -> float:
    gc.collect()
    start = time.process_time()
    run()
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Readable vs opaque generated code, side by side.")
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args(argv)
    readable, opaque = compile_plan(load_revision(FLAT_SET)), _opaque_plan()
    assert "n3 = " in opaque.source and "n3 = " not in readable.source
    records: Sequence[Mapping[str, object]] = list(flat_records(args.records, 2026))
    for record in records[:2000]:
        assert readable.evaluate(record) == opaque.evaluate(record)
    ratios: dict[str, list[float]] = {"verdicts": [], "full": []}
    for round_index in range(args.rounds):
        for path, detail in (("verdicts", False), ("full", True)):
            runs = {
                name: (lambda p=plan, d=detail: [p.evaluate(r, detail=d) for r in records])
                for name, plan in (("readable", readable), ("opaque", opaque))
            }
            order = ["readable", "opaque"] if round_index % 2 == 0 else ["opaque", "readable"]
            took = {name: _timed(runs[name]) for name in order}
            ratios[path].append(took["opaque"] / took["readable"])
    print(f"{args.records:,} flat records, {args.rounds} rounds: opaque / readable (CPU), median")
    for path, values in ratios.items():
        print(f"  {path}: {statistics.median(values):.3f} (range {min(values):.3f}-{max(values):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
