"""The award round at scale: a unit of N households through the register, step by step.

Times, in one process and one run, the pure decision (``award.decide`` over plain records,
with a 3-year history and the 15 % quota) beside the same steps through the SQLite register
(each step one transaction: open with N evaluations, votes, posting, decision), and reports
households a second, the ratio of register to pure, and the register's size. Evaluation of the
data is not included (benchmarks/cli_throughput.py measures it).

    python benchmarks/award_round.py --households 2000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

from criteria_engine import load_registry
from criteria_engine.award import Award, Evaluation, Meeting, Opening, Posting, Round, RoundKey, Vote, decide
from criteria_engine.register import (
    decide_round,
    import_history,
    open_register,
    open_round,
    post_list,
    record_votes,
)

REGISTRY = load_registry()
MODEL = REGISTRY.get("happy-family@2026.2").model
assert MODEL.procedure is not None
RATINGS = tuple(r.id for r in MODEL.decision.ratings)
KEY = RoundKey("happy-family", 2026, "W1")


def records(n: int, seed: int = 7) -> tuple[Opening, Meeting, list[Award]]:
    """N households (80 % passed, 10 % rated outstanding), votes, and a 3-year history."""
    rng = random.Random(seed)
    evaluations, history = [], []
    for i in range(n):
        cid = f"W1-H{i:05d}"
        passed = rng.random() < 0.8
        rating = ("outstanding" if rng.random() < 0.12 else "passed") if passed else "not_passed"
        evaluations.append(
            Evaluation(cid, cid, "passed" if passed else "failed", 90.0, 100.0, rating, RATINGS.index(rating))
        )
        history += [Award("happy-family", y, cid, True) for y in (2023, 2024, 2025) if rng.random() < 0.7]
    opening = Opening(dt.date(2026, 10, 1), "happy-family@2026.2", "sha256:x", MODEL.procedure, tuple(evaluations),
                      "", "household", RATINGS)  # fmt: skip
    votes = {e.candidate: Vote(rng.randint(n // 2, n)) for e in evaluations}
    return opening, Meeting(dt.date(2026, 10, 10), n, n, votes), history


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--households", type=int, default=2000)
    n = parser.parse_args().households
    opening, meeting, history = records(n)
    round_ = Round(KEY, opening, (meeting,), Posting(dt.date(2026, 10, 12)))
    start = time.perf_counter()
    decision = decide(round_, history, dt.date(2026, 10, 22), "Chủ tịch")
    pure = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "so.sqlite"
        with open_register(path, create=True) as register:
            import_history(register, history)
            start = time.perf_counter()
            open_round(register, KEY, opening)
            record_votes(register, KEY, meeting)
            post_list(register, KEY, dt.date(2026, 10, 12))
            stored = decide_round(register, KEY, dt.date(2026, 10, 22), "Chủ tịch")
            through = time.perf_counter() - start
        size = path.stat().st_size
    assert [e.level for e in stored.entries] == [e.level for e in decision.entries]
    levels = sum(e.level is not None for e in decision.entries)
    print(
        f"{n} households, {sum(e.title for e in decision.entries)} titles, {levels} 'Tiêu biểu' (quota {n * 15 // 100})"
    )
    print(f"{'pure decide':<34}{pure:8.3f} s {n / pure:12,.0f} households/s   ratio 1.00")
    print(
        f"{'register: open+votes+post+decide':<34}{through:8.3f} s {n / through:12,.0f} households/s   ratio {through / pure:.2f}"
    )
    print(f"register file: {size / 1024:,.0f} KiB ({len(history):,} history lines)")


if __name__ == "__main__":
    main()
