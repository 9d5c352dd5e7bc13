"""The command line's benchmark data and its baseline: the flat set's records as a CSV file, and
the plain Python pipeline a programmer would write without the engine.

``write_csv(path, rows)`` writes ``flat.flat_records(rows)`` as a commune's CSV (UTF-8 with a
BOM, ``;``-separated, yes/no as ``có``/``không``, numbers the Vietnamese way: ``1.500.000``,
``3,0``; a missing value is an empty cell). The records keep their gaps and data-entry errors
(a word in a yes/no field, a negative count, an unknown enum value, a count written as text,
``NaN`` income), so both contenders meet the same broken rows.

``plain_pipeline(csv_path, out_path)`` is the baseline: ``csv.DictReader`` → a conversion per
column chosen by the input's type → ``flat.hand_written_flat`` → ``json.dumps`` of the row's
number, id, status, score, maximum, percentage, rating, verdicts and points, one line per row. A
row with a cell it cannot convert is written as invalid, with its problem. It is what
``criteria evaluate --format jsonl --detail verdicts`` computes for the same file.
"""

from __future__ import annotations

import csv
import json
import math
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from evaluator import CRITERIA  # noqa: E402
from flat import FLAT_SET, flat_records, hand_written_flat  # noqa: E402

SET_REF = "household-flat@2026.1"
"""The flat set as the command line names it (with ``--sets benchmarks/household_flat.yaml``)."""

BOOLEANS = (
    "especially_difficult", "member_prosecuted", "member_obligation_default", "member_fined_marriage",
    "member_fined_order", "member_drug_user", "registered", "gdvh_this_year", "elder_care_ok",
    "child_marriage", "children_vaccinated", "waste_handled", "forest_violation",
)  # fmt: skip
INTEGERS = (
    "members", "insured_members", "deprivations", "dv_incidents", "elders", "children_under_6",
    "members_exercising", "school_age_children", "school_age_in_school", "vneid_level2_adults",
    "years_held_consecutive",
)  # fmt: skip
NUMBERS = ("income_per_capita",)
ENUMS = ("area", "commune_group", "housing_type", "water_source")
COLUMNS = ("id", *ENUMS[:2], *BOOLEANS[:1], *INTEGERS[:2], *NUMBERS, *INTEGERS[2:], *BOOLEANS[1:], *ENUMS[2:])


def _grouped(whole: int) -> str:
    return f"{whole:,}".replace(",", ".")


def cell(value: object) -> str:
    """A value as a commune's spreadsheet shows it."""
    if value is None:
        return ""
    if value is True:
        return "có"
    if value is False:
        return "không"
    if isinstance(value, int):
        return _grouped(value) if value >= 10_000 else str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        whole, fraction = divmod(value, 1)
        digits = f"{fraction:.2f}"[2:].rstrip("0") or "0"
        return f"{_grouped(int(whole))},{digits}"
    return str(value)


def write_csv(path: Path, rows: int, seed: int = 2026) -> None:
    """``rows`` flat household records as a CSV file (streamed)."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(COLUMNS)
        for record in flat_records(rows, seed):
            writer.writerow([cell(record.get(name)) for name in COLUMNS])


# --- the plain pipeline ----------------------------------------------------------------------

YES = {"có": True, "co": True, "x": True, "1": True, "true": True}
NO = {"không": False, "khong": False, "0": False, "false": False}


class Unreadable(ValueError):
    """A cell that cannot be converted (the row is invalid)."""


def _yes_no(text: str) -> object:
    if not text:
        return None
    word = text.strip().lower()
    if word in YES:
        return True
    if word in NO:
        return False
    raise Unreadable(f"{text!r} is not yes/no")


def _number(text: str) -> object:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    plain = text.replace(".", "").replace(",", ".")
    try:
        value = float(plain)
    except ValueError:
        raise Unreadable(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise Unreadable(f"{text!r} is not a finite number")
    return int(value) if value.is_integer() and "." not in plain else value


def _integer(text: str) -> object:
    value = _number(text)
    if isinstance(value, float):
        if not value.is_integer():
            raise Unreadable(f"{text!r} is not a whole number")
        return int(value)
    return value


def _text(text: str) -> object:
    return text or None


CONVERT: dict[str, Callable[[str], object]] = {
    **{name: _yes_no for name in BOOLEANS},
    **{name: _integer for name in INTEGERS},
    **{name: _number for name in NUMBERS},
    **{name: _text for name in ENUMS},
}


def convert(row: Mapping[str, str]) -> tuple[dict[str, object], str | None]:
    """The typed record of one CSV row, or the first problem."""
    record: dict[str, object] = {"id": row["id"]}
    for name, text in row.items():
        conversion = CONVERT.get(name)
        if conversion is None:
            continue
        try:
            value = conversion(text)
        except Unreadable as exc:
            return record, f"{name}: {exc}"
        if value is not None:
            record[name] = value
    return record, None


def plain_pipeline(source: Path, target: Path) -> int:
    """CSV in, JSONL out, the hand-written way; returns the rows written."""
    dumps = json.dumps
    count = 0
    with (
        source.open(encoding="utf-8-sig", newline="") as handle,
        target.open("w", encoding="utf-8") as out,
    ):
        for number, row in enumerate(csv.DictReader(handle, delimiter=";"), start=2):
            record, problem = convert(row)
            line: dict[str, object] = {"row": number, "id": record["id"]}
            if problem is not None:
                line.update(status="invalid", errors=[problem])
            else:
                status, score, top, rating, verdicts, points = hand_written_flat(record)
                percent = round(100.0 * score / top, 4) if score is not None and top else None
                line.update(status=status, rating=rating, score=score, max_score=top, percent=percent)
                if verdicts:
                    line["verdicts"] = dict(zip(CRITERIA, verdicts, strict=True))
                    line["points"] = dict(zip(CRITERIA, points, strict=True))
            out.write(dumps(line, ensure_ascii=False) + "\n")
            count += 1
    return count


def cli_args(source: Path, target: Path, detail: str, jobs: int = 1) -> list[str]:
    """``criteria evaluate`` on the flat set: CSV in, JSONL out."""
    return [
        "evaluate", SET_REF, str(source), "--sets", str(FLAT_SET), "--format", "jsonl",
        "--detail", detail, "--jobs", str(jobs), "-o", str(target),
    ]  # fmt: skip


def statuses(path: Path) -> Iterator[tuple[int, str, object]]:
    """(row, status, score) of every result line of a JSONL file (header and summary skipped),
    one at a time: the benchmark process stays small, so the peak memory its children report
    is their own (a child counts the pages it shares with its parent until it execs)."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            data = json.loads(line)
            if "status" in data:
                yield data["row"], data["status"], data.get("score")


if __name__ == "__main__":  # python benchmarks/cli_data.py ROWS FILE.csv
    write_csv(Path(sys.argv[2]), int(sys.argv[1]))
