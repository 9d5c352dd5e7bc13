"""End-to-end throughput of ``criteria evaluate``, CSV in and JSONL out, beside the plain Python
pipeline that computes the same thing, in paired rounds.

The data: N rows of the flat benchmark set (``cli_data.write_csv``: a commune's CSV, Vietnamese
numbers and yes/no, the generator's gaps and broken values). The contenders, each a fresh
process run on the same file, their order rotating from round to round:

* ``plain``: ``csv.DictReader`` → a conversion per column → ``flat.hand_written_flat`` →
  ``json.dumps`` (``cli_data.plain_pipeline``): the baseline;
* ``verdicts``: ``criteria evaluate household-flat@2026.1 FILE --format jsonl --detail verdicts``;
* ``full``: the same with ``--detail full`` (every criterion's reason, values and sentence);
* ``jobs1`` / ``jobsN``: ``--detail verdicts`` with ``--jobs 1`` and ``--jobs N`` (``--jobs N``).

Each round gives a paired ratio of rows a second (wall clock, start-up included: what a user
waits for) to the plain pipeline's in the same round (``jobsN`` to ``jobs1``); the table shows
the median over the rounds, and CPU seconds (the process and its workers) beside. Before
timing, the command's status and score are checked equal to the plain pipeline's on every row,
and the ``--jobs`` outputs byte-identical to ``--jobs 1``'s.

    python benchmarks/cli_throughput.py --rows 200000 --rounds 5
    python benchmarks/cli_throughput.py --rows 200000 --rounds 3 --jobs 2 --only jobs
    PYTHONPATH=/path/to/checkout python benchmarks/cli_throughput.py ...   # another build
"""

from __future__ import annotations

import argparse
import filecmp
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cli_data import cli_args, statuses  # noqa: E402


@dataclass(frozen=True)
class Run:
    """One process: wall seconds, CPU seconds (with its children), peak memory (MB)."""

    wall: float
    cpu: float
    peak_mb: float


def measure(argv: Sequence[str], stdout: int | None = subprocess.DEVNULL) -> Run:
    """Run ``argv`` and measure it (``os.wait4`` gives the child's own resource use)."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE)
    assert process.stderr is not None
    err = process.stderr.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.stderr.write(err.decode("utf-8", "replace"))
        raise SystemExit(f"{' '.join(argv[:4])}... exited with {process.returncode}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def plain_command(source: Path, target: Path) -> list[str]:
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path; "
        "from cli_data import plain_pipeline; plain_pipeline(Path(sys.argv[2]), Path(sys.argv[3]))"
    )
    return [sys.executable, "-c", code, str(HERE), str(source), str(target)]


def cli_command(source: Path, target: Path, detail: str, jobs: int = 1) -> list[str]:
    return [sys.executable, "-m", "criteria_engine", *cli_args(source, target, detail, jobs)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2, help="the N of the jobsN contender")
    parser.add_argument(
        "--only", choices=("all", "detail", "jobs"), default="all",
        help="detail: plain, verdicts, full; jobs: jobs1 and jobsN",
    )  # fmt: skip
    parser.add_argument("--keep", metavar="FOLDER", help="write the files here and keep them")
    options = parser.parse_args(argv)
    folder = Path(options.keep or tempfile.mkdtemp(prefix="cli-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / "flat.csv"
    if not data.exists() or options.keep is None:  # in another process: this one stays small,
        # so the children's peak memory is their own (Linux counts a child's memory before exec)
        subprocess.run([sys.executable, str(HERE / "cli_data.py"), str(options.rows), str(data)], check=True)
    n = options.jobs
    commands = {
        "plain": plain_command(data, folder / "plain.jsonl"),
        "verdicts": cli_command(data, folder / "verdicts.jsonl", "verdicts"),
        "full": cli_command(data, folder / "full.jsonl", "full"),
        "jobs1": cli_command(data, folder / "jobs1.jsonl", "verdicts", 1),
        f"jobs{n}": cli_command(data, folder / f"jobs{n}.jsonl", "verdicts", n),
    }
    if options.only == "detail":
        names = ["plain", "verdicts", "full"]
    elif options.only == "jobs":
        names = ["jobs1", f"jobs{n}"]
    else:
        names = list(commands)
    runs: dict[str, list[Run]] = {name: [] for name in names}
    for round_number in range(options.rounds):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            runs[name].append(measure(commands[name]))
        if round_number == 0:
            check(folder, names, n)
    report(options, names, runs, n, data)
    if options.keep is None:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()
    return 0


def check(folder: Path, names: list[str], n: int) -> None:
    """The contenders agree (status and score on every row) and ``--jobs`` changes no byte."""
    if "plain" in names:
        for name in ("verdicts", "full"):
            if name in names:
                pairs = zip(statuses(folder / "plain.jsonl"), statuses(folder / f"{name}.jsonl"), strict=True)
                assert all(a == b for a, b in pairs), f"{name} differs from the plain pipeline"
    if "jobs1" in names:
        same = filecmp.cmp(folder / "jobs1.jsonl", folder / f"jobs{n}.jsonl", shallow=False)
        assert same, f"--jobs {n} wrote other bytes than --jobs 1"


def report(
    options: argparse.Namespace, names: list[str], runs: dict[str, list[Run]], n: int, data: Path
) -> None:
    rows = options.rows
    print(f"{rows:,} rows ({data.stat().st_size / 1e6:.1f} MB of CSV), {options.rounds} rounds, "
          f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")  # fmt: skip
    base = {"verdicts": "plain", "full": "plain", f"jobs{n}": "jobs1"}
    print()
    print(
        "| contender | rows/s (wall, median) | CPU s (median) | peak MB | paired ratio (median) | each round |"
    )
    print("|---|---:|---:|---:|---:|---|")
    for name in names:
        own = runs[name]
        rates = [rows / r.wall for r in own]
        against = base.get(name)
        ratio, each = "", ""
        if against in runs:
            pairs = [(rows / a.wall) / (rows / b.wall) for a, b in zip(own, runs[against], strict=True)]
            ratio = f"{statistics.median(pairs):.2f}× {against}"
            each = ", ".join(f"{p:.2f}" for p in pairs)
        print(
            f"| {name} | {statistics.median(rates):,.0f} | {statistics.median(r.cpu for r in own):.1f} | "
            f"{max(r.peak_mb for r in own):.0f} | {ratio} | {each} |"
        )
    sizes = {name: (Path(data.parent) / f"{name}.jsonl").stat().st_size / rows for name in names}
    print()
    print("bytes per row: " + ", ".join(f"{name} {size:,.0f}" for name, size in sizes.items()))


if __name__ == "__main__":
    sys.exit(main())
