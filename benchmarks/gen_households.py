"""Seeded generator of household records for benchmarks/household20.yaml.

Records look like what a commune's household register gives after import: plain dicts with
the inputs of the set, a ``persons`` list of 2 to 7 members, and realistic gaps.

- **Missing values**: about 2% of all values. Gaps cluster as they do in real registers: about
  three households in four are complete and the rest are missing about 8% of their values. A
  missing value is an absent key or a null (half and half), in the household and in the
  persons rows alike.
- **Invalid records**: about 0.3% of households carry one data-entry error (a word in a yes/no
  field, a negative count, an unknown enum value, a count written as text), so the record
  checks have real work to reject.
- **Integral floats**: about 1% of households have a count written as ``3.0`` (a spreadsheet
  habit), which is valid.

The same seed always gives the same records, one at a time (``households`` is a generator,
so a million records stream in constant memory). Run it to write JSONL::

    python benchmarks/gen_households.py --records 1000 --seed 2026 > households.jsonl
    python benchmarks/gen_households.py --records 100000 --stats
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator

FAMILY_NAMES = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Lò",
    "Vàng",
    "Giàng",
    "Sùng",
    "Lý",
    "Hà",
    "Đặng",
    "Tráng",
)
MIDDLE_NAMES = ("Văn", "Thị", "Seo", "A", "Thị Mỹ", "Đức", "Minh", "Ngọc")
GIVEN_NAMES = (
    "Ấp",
    "Mai",
    "Páo",
    "Chứ",
    "Lan",
    "Dình",
    "Sử",
    "Hoa",
    "Nam",
    "Vừ",
    "Thào",
    "Dung",
    "Hùng",
    "Linh",
    "Chín",
)
PERSON_FLAGS = (
    "criminal_prosecution",
    "mil_tax_default",
    "sanction_marriage",
    "sanction_order_dv",
    "drug_user",
)
# Per-person rate of each flag: prosecutions and drug use are rare, unpaid obligations less so.
FLAG_RATES = (0.002, 0.006, 0.002, 0.004, 0.002)

COMPLETE_SHARE = 0.75
"""Share of households with no missing value."""
SLOPPY_MISSING = 0.08
"""Per-value missing rate in the other households (0.25 x 0.08 = 2% overall)."""
INVALID_SHARE = 0.003
FLOAT_COUNT_SHARE = 0.01

_INVALID_KINDS = (
    ("registered", "có"),
    ("dv_incidents", -1),
    ("housing_type", "nhà sàn"),
    ("members", "4"),
    ("persons", "Lò Văn Ấp"),
    ("income_per_capita", float("nan")),
)


def _person(rng: random.Random) -> dict[str, object]:
    person: dict[str, object] = {
        "full_name": f"{rng.choice(FAMILY_NAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}",
    }
    for flag, rate in zip(PERSON_FLAGS, FLAG_RATES, strict=True):
        person[flag] = rng.random() < rate
    return person


def _household(rng: random.Random, index: int) -> dict[str, object]:
    r = rng.random
    size = rng.choices((2, 3, 4, 5, 6, 7), weights=(15, 20, 25, 20, 12, 8))[0]
    area = "rural" if r() < 0.7 else "urban"
    # Income per head: log-normal around the poverty lines (rural households earn less).
    median = 2_300_000 if area == "rural" else 3_600_000
    income = round(median * rng.lognormvariate(0.0, 0.45), -3)
    elders = rng.choices((0, 1, 2), weights=(55, 30, 15))[0]
    under_6 = rng.choices((0, 1, 2), weights=(60, 30, 10))[0]
    school_age = rng.choices((0, 1, 2, 3), weights=(45, 30, 20, 5))[0]
    in_school = school_age if r() < 0.95 else max(0, school_age - 1)
    insured = size if r() < 0.82 else rng.randint(max(0, size - 2), size - 1)
    record: dict[str, object] = {
        "id": f"HH-{index:07d}",
        "area": area,
        "commune_group": rng.choices(("group1", "group2", "group3"), weights=(40, 35, 25))[0],
        "especially_difficult": r() < 0.15,
        "members": size,
        "insured_members": insured,
        "income_per_capita": income if r() < 0.5 else int(income),
        "deprivations": rng.choices(range(7), weights=(50, 20, 12, 8, 5, 3, 2))[0],
        "persons": [_person(rng) for _ in range(size)],
        "registered": r() < 0.93,
        "gdvh_this_year": r() < 0.9,
        "dv_incidents": 0 if r() < 0.96 else rng.randint(1, 3),
        "elders": elders,
        "elder_care_ok": r() < 0.94,
        "child_marriage": r() < 0.01,
        "housing_type": rng.choices(("solid", "semi_solid", "makeshift"), weights=(55, 35, 10))[0],
        "water_source": rng.choices(("qc_standard", "hygienic", "unhygienic"), weights=(50, 40, 10))[0],
        "children_under_6": under_6,
        "children_vaccinated": r() < 0.94,
        "members_exercising": rng.randint(0, size) if r() < 0.5 else rng.randint(1, size),
        "school_age_children": school_age,
        "school_age_in_school": in_school,
        "waste_handled": r() < 0.82,
        "forest_violation": r() < 0.03,
        "vneid_level2_adults": rng.randint(0, size) if r() < 0.3 else rng.randint(1, size),
        "years_held_consecutive": rng.choices(range(7), weights=(30, 20, 15, 12, 10, 8, 5))[0],
    }
    if r() < FLOAT_COUNT_SHARE:
        record["members"] = float(size)
    if r() >= COMPLETE_SHARE:
        _punch_holes(rng, record)
    if r() < INVALID_SHARE:
        field, bad = rng.choice(_INVALID_KINDS)
        record[field] = bad
    return record


def _punch_holes(rng: random.Random, record: dict[str, object]) -> None:
    """Make about SLOPPY_MISSING of the values missing: absent or null, half and half."""
    r = rng.random
    for key in [k for k in record if k not in ("id", "persons")]:
        if r() < SLOPPY_MISSING:
            if r() < 0.5:
                del record[key]
            else:
                record[key] = None
    persons = record.get("persons")
    if isinstance(persons, list):
        if r() < SLOPPY_MISSING:
            if r() < 0.5:
                del record["persons"]
            else:
                record["persons"] = None
            return
        for person in persons:
            for flag in PERSON_FLAGS:
                if r() < SLOPPY_MISSING:
                    if r() < 0.5:
                        del person[flag]
                    else:
                        person[flag] = None


def households(count: int, seed: int = 2026) -> Iterator[dict[str, object]]:
    """``count`` household records, lazily, the same ones for the same seed."""
    rng = random.Random(seed)
    for index in range(1, count + 1):
        yield _household(rng, index)


def missing_stats(records: Iterator[dict[str, object]]) -> dict[str, float]:
    """Counts of values, missing values and incomplete records (to check the rates)."""
    expected = [
        "area", "commune_group", "especially_difficult", "members", "insured_members", "income_per_capita",
        "deprivations", "persons", "registered", "gdvh_this_year", "dv_incidents", "elders", "elder_care_ok",
        "child_marriage", "housing_type", "water_source", "children_under_6", "children_vaccinated",
        "members_exercising", "school_age_children", "school_age_in_school", "waste_handled", "forest_violation",
        "vneid_level2_adults", "years_held_consecutive",
    ]  # fmt: skip
    values = missing = incomplete = total = 0
    for record in records:
        total += 1
        before = missing
        for key in expected:
            values += 1
            value = record.get(key)
            if value is None:
                missing += 1
            elif key == "persons" and isinstance(value, list):
                for person in value:
                    for flag in PERSON_FLAGS:
                        values += 1
                        missing += person.get(flag) is None
        incomplete += missing > before
    return {
        "records": total,
        "values": values,
        "missing_values": missing,
        "missing_share": missing / values if values else 0.0,
        "incomplete_share": incomplete / total if total else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--stats", action="store_true", help="print the missing-value rates instead of the records"
    )
    args = parser.parse_args(argv)
    if args.stats:
        print(json.dumps(missing_stats(households(args.records, args.seed)), indent=2))
        return 0
    out = sys.stdout
    for record in households(args.records, args.seed):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
