"""Roll-ups: evaluate the example commune bottom-up in one call, and explain each level.

    python examples/rollup_example.py [en]

The dataset ``examples/data/commune/`` (written by ``generate_commune.py``) holds one Group 3
commune: its villages, households with their persons, schools and survey respondents. One
call evaluates every household with happy-family, gives each village its households'
results, evaluates the villages with happy-village, gives the commune its villages, and
evaluates the commune with happy-commune and, from the survey, laocai-happiness-index.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from criteria_engine import evaluate_dataset, load_registry

DATA = Path(__file__).resolve().parent / "data" / "commune"


def main(lang: str = "vi") -> None:
    registry = load_registry()
    evaluation = evaluate_dataset(DATA, registry, as_of=dt.date(2026, 12, 1))

    print(evaluation.summary(lang))  # every level, top first: rows and statuses
    for problem in evaluation.diagnostics:  # nothing is dropped silently
        print(problem)

    commune = evaluation.results("happy-commune")[0]
    print()
    print(evaluation.explain("happy-commune", commune.id, lang))  # with the villages behind A1
    print()
    print(evaluation.explain("laocai-happiness-index", commune.id, lang))  # n, LS, LE, ENV, HI

    village = evaluation.results("village")[1]  # the one with an invalid household
    print()
    print(evaluation.explain("village", village.id, lang))  # with the households behind A1

    household = evaluation.results("household")[0]
    print()
    print(household.explain(lang))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "vi")
