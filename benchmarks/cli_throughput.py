"""End-to-end throughput of the command line: CSV in, JSONL out, verdicts only.

Generates N household rows for happy-family@2026.2 (a Vietnamese-headed CSV as a commune
would keep it, values written the Vietnamese way), then times
``main(["evaluate", "happy-family@2026.2", CSV, "--format", "jsonl", "--detail", "verdicts",
"-o", OUT])`` in this process, and reports households a second and the peak memory.

    python benchmarks/cli_throughput.py --rows 200000
    python benchmarks/cli_throughput.py --rows 1000000 --persons --jobs 2

Startup (loading and checking the shipped sets, compiling the plan) is timed separately on a
one-row file and reported, so the per-row rate can be read both with and without it.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from criteria_engine.cli import main
from criteria_engine.cli.common import Streams

HEADER = [
    "Mã hộ", "village_id", "Khu vực", "commune_group", "especially_difficult", "Số nhân khẩu",
    "insured_members", "Thu nhập bình quân đầu người (đồng/tháng)", "deprivations", "registered",
    "gdvh_this_year", "dv_incidents", "conduct_code_registered", "elders", "elder_care_ok",
    "child_marriage", "housing_type", "water_source", "latrine_hygienic", "children_under_6",
    "children_vaccinated", "members_exercising", "children_under_5", "child_stunted",
    "school_age_children", "school_age_in_school", "civilised_rites", "heritage_practice",
    "community_participation", "waste_handled", "forest_violation", "vneid_level2_adults",
    "years_held_consecutive",
]  # fmt: skip
PERSON_HEADER = ["household_id", "full_name", "criminal_prosecution", "mil_tax_default",
                 "sanction_marriage", "sanction_order_dv", "drug_user"]  # fmt: skip


def household(rng: random.Random, number: int) -> list[str]:
    """One plausible household row (about 1 in 50 has a gap, 1 in 500 a bad value)."""
    members = rng.randint(1, 8)
    school = rng.randint(0, 3)
    income = rng.choice(["1.200.000", "1.800.000", "2.600.000", "3.500.000", "4.250.000,5"])
    yes = ("có", "có", "có", "không")
    row = [
        f"H{number:07d}", f"V{number % 97:02d}", rng.choice(["Nông thôn", "Thành thị"]),
        rng.choice(["group1", "group2", "group3"]), rng.choice(["không", "có"]), str(members),
        str(rng.randint(max(0, members - 2), members)), income, str(rng.randint(0, 5)),
        rng.choice(yes), rng.choice(yes), rng.choice(["0", "0", "0", "1"]), rng.choice(yes),
        str(rng.randint(0, 2)), rng.choice(yes), rng.choice(["không", "không", "có"]),
        rng.choice(["Kiên cố", "semi_solid", "makeshift"]), rng.choice(["qc_standard", "hygienic", "unhygienic"]),
        rng.choice(yes), str(rng.randint(0, 2)), rng.choice(yes), str(rng.randint(0, members)),
        str(rng.randint(0, 1)), rng.choice(["không", "không", "có"]), str(school),
        str(rng.randint(max(0, school - 1), school)), rng.choice(yes), rng.choice(yes), rng.choice(yes),
        rng.choice(yes), rng.choice(["không", "không", "có"]), str(rng.randint(0, 3)), str(rng.randint(0, 4)),
    ]  # fmt: skip
    if number % 50 == 0:
        row[7] = ""
    if number % 500 == 0:
        row[5] = "bốn"
    return row


def generate(folder: Path, rows: int, persons: bool, seed: int = 7) -> tuple[Path, Path]:
    """Write households.csv and persons.csv (three members each, or only its header: the
    command refuses a run with no members' table at all) in streaming mode."""
    rng = random.Random(seed)
    data = folder / "households.csv"
    people = folder / "persons.csv"
    with data.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(HEADER)
        for number in range(1, rows + 1):
            writer.writerow(household(rng, number))
    with people.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(PERSON_HEADER)
        for number in range(1, rows + 1 if persons else 1):
            for member in range(3):
                flags = ["không"] * 5
                if (number + member) % 211 == 0:
                    flags[4] = "x"
                writer.writerow([f"H{number:07d}", f"Thành viên {member + 1}", *flags])
    return data, people


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def timed(args: list[str]) -> tuple[float, float, int, str]:
    """Wall seconds, CPU seconds (this process and its workers), exit code and stderr of one
    ``main`` call. On a busy machine the CPU seconds are the fairer measure of one core."""
    err = io.StringIO()
    start, cpu = time.perf_counter(), _cpu()
    code = main(args, Streams(out=io.StringIO(), err=err))
    return time.perf_counter() - start, _cpu() - cpu, code, err.getvalue()


def main_bench(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000, help="households to generate (default 200000)")
    parser.add_argument("--persons", action="store_true", help="also a persons.csv, 3 members a household")
    parser.add_argument("--jobs", type=int, default=1, help="criteria evaluate --jobs N")
    parser.add_argument("--detail", choices=("verdicts", "full"), default="verdicts")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        data, people = generate(folder, options.rows, options.persons)
        made = time.perf_counter() - start
        (folder / "tiny").mkdir()
        tiny, nobody = generate(folder / "tiny", 1, False)
        base = ["evaluate", "happy-family@2026.2"]
        extra = ["--persons", str(people)]
        tiny_run = [
            *base,
            str(tiny),
            "--persons",
            str(nobody),
            "--format",
            "jsonl",
            "-o",
            str(folder / "tiny.jsonl"),
        ]
        startup, _, _, _ = timed(tiny_run)
        out = folder / "out.jsonl"
        args = [*base, str(data), *extra, "--format", "jsonl", "--detail", options.detail, "-o", str(out)]
        args += ["--jobs", str(options.jobs)]
        seconds, cpu, code, err = timed(args)
        if code != 0:
            print(err, file=sys.stderr)
            return code
        with out.open("rb") as handle:
            lines = sum(1 for _ in handle)
        assert lines == options.rows + 1, (lines, options.rows)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        size_mb = data.stat().st_size / 1e6
    rate = options.rows / seconds
    print(
        f"rows: {options.rows:,} ({size_mb:.1f} MB CSV, generated in {made:.1f} s); persons: {options.persons}"
    )
    print(f"jobs: {options.jobs}; detail: {options.detail}; python {sys.version.split()[0]}")
    print(
        f"end to end: {seconds:.2f} s = {rate:,.0f} households/s (first-run startup {startup:.2f} s, cached here)"
    )
    print(f"CPU time: {cpu:.2f} s = {options.rows / cpu:,.0f} households per CPU second")
    print(f"peak memory of this process: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main_bench(sys.argv[1:]))
