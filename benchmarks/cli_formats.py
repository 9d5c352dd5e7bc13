"""Every output format of ``criteria evaluate`` on one big file: time beside JSONL, peak memory.

The data: N rows of the flat benchmark set (``cli_data.write_csv``). For each format, a fresh
process runs ``criteria evaluate household-flat@2026.1 FILE --format F -o OUT`` (the table goes
to a pipe, as it would to a terminal's scrollback); the formats' order rotates from round to
round. Each round gives each format's wall time divided by the JSONL run's in the same round
(a paired ratio); the table shows the median over the rounds, and the largest peak resident
memory of any round (``os.wait4``'s ``ru_maxrss``: the process as the system sees it).

Targets (issue 12): 200,000 rows to xlsx in under 4x the time of the same run to JSONL, and
peak memory under 150 MB for every format.

    python benchmarks/cli_formats.py --rows 200000 --rounds 3
    python benchmarks/cli_formats.py --rows 20000 --rounds 1 --formats jsonl,xlsx
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cli_data import SET_REF  # noqa: E402
from cli_throughput import Run, measure  # noqa: E402
from flat import FLAT_SET  # noqa: E402

FORMATS = ("jsonl", "json", "csv", "xlsx", "md", "html", "table")


def command(source: Path, folder: Path, fmt: str) -> list[str]:
    """The command for one format (``table`` prints; the others write a file)."""
    argv = [sys.executable, "-m", "criteria_engine", "evaluate", SET_REF, str(source)]
    argv += ["--sets", str(FLAT_SET), "--format", fmt, "--detail", "verdicts"]
    if fmt != "table":
        argv += ["-o", str(folder / f"out.{fmt}")]
    return argv


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated (jsonl is always run)")
    options = parser.parse_args(argv)
    names = ["jsonl", *[f for f in options.formats.split(",") if f and f != "jsonl"]]
    runs: dict[str, list[Run]] = {name: [] for name in names}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        data = folder / "households.csv"
        # in another process: this one stays small, so each child's peak memory is its own
        subprocess.run([sys.executable, str(HERE / "cli_data.py"), str(options.rows), str(data)], check=True)
        for round_ in range(options.rounds):
            order = names[round_ % len(names) :] + names[: round_ % len(names)]
            for name in order:
                runs[name].append(measure(command(data, folder, name)))
                print(f"round {round_ + 1} {name}: {runs[name][-1].wall:.1f} s", file=sys.stderr)
        size = data.stat().st_size / 1e6
        print(f"{options.rows:,} rows ({size:.1f} MB of CSV), {options.rounds} rounds, "
              f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")  # fmt: skip
        print()
        print("| format | wall s (median) | × JSONL (paired, median) | peak MB (max) |")
        print("|---|---:|---:|---:|")
        for name in names:
            ratios = [own.wall / base.wall for own, base in zip(runs[name], runs["jsonl"], strict=True)]
            wall = statistics.median(r.wall for r in runs[name])
            peak = max(r.peak_mb for r in runs[name])
            print(f"| {name} | {wall:.1f} | {statistics.median(ratios):.2f} | {peak:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
