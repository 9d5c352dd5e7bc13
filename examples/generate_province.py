"""Generate a synthetic province for the roll-up benchmark: 99 communes, about 1,500 villages.

    python examples/generate_province.py --households 400000 --out /tmp/province

writes ``province.csv``, ``commune.csv``, ``village.csv``, ``household.csv`` (with their
persons in ``person.csv``, about 5 per household), ``school.csv`` and ``respondent.csv`` with
the same distributions as ``generate_commune.py`` (seeded: the same arguments give the same
files). 99 communes of Group 1, 2 and 3 (about 15%, 35%, 50%), 15 villages each on average,
and as many households per village as it takes to reach ``--households`` on average. The
files are large (about 90 MB of households and 110 MB of persons for 400,000 households):
write them outside the repository.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_commune import generate  # a sibling script, not a package

COMMUNES = 99
VILLAGES = (10, 20)  # per commune: 15 on average, about 1,485 in all


def generate_province(out: Path, households: int, *, seed: int = 99) -> dict[str, int]:
    """Write the province's tables under ``out``; return the number of rows of each."""
    average = households / (COMMUNES * sum(VILLAGES) / 2)
    spread = max(1, round(average * 0.3))
    per_village = (max(1, round(average) - spread), round(average) + spread)
    return generate(
        out,
        seed=seed,
        communes=COMMUNES,
        villages=VILLAGES,
        households=per_village,
        respondents=40,
        province="LC",
        broken=False,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--households", type=int, default=400_000, help="about how many households (default 400000)"
    )
    parser.add_argument(
        "--out", type=Path, default=None, help="folder to write (default: a new temporary folder)"
    )
    parser.add_argument("--seed", type=int, default=99)
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="province-"))
    started = time.perf_counter()
    counts = generate_province(out, args.households, seed=args.seed)
    took = time.perf_counter() - started
    print(", ".join(f"{n:,} {t}" for t, n in counts.items()), f"→ {out} ({took:.0f} s)")


if __name__ == "__main__":
    main()
