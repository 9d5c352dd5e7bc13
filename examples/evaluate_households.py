"""Evaluate a few households with the shipped Happy Family set and explain the results.

Run: python examples/evaluate_households.py
"""

from __future__ import annotations

import datetime as dt
import json

from criteria_engine import compile_plan, load_registry

HOUSEHOLDS = [
    {
        "id": "HH-001",
        "area": "rural",
        "commune_group": "group3",
        "especially_difficult": True,
        "members": 5,
        "insured_members": 5,
        "income_per_capita": 1_900_000,
        "deprivations": 1,
        "registered": True,
        "gdvh_this_year": True,
        "dv_incidents": 0,
        "child_marriage": False,
        "school_age_children": 2,
        "school_age_in_school": 2,
        "conduct_code_registered": True,
        "elders": 1,
        "elder_care_ok": True,
        "housing_type": "semi_solid",
        "water_source": "hygienic",
        "latrine_hygienic": True,
        "children_under_6": 0,
        "children_under_5": 0,
        "members_exercising": 2,
        "civilised_rites": True,
        "heritage_practice": True,
        "community_participation": True,
        "waste_handled": True,
        "forest_violation": False,
        "vneid_level2_adults": 3,
        "years_held_consecutive": 1,
        "persons": [
            {
                "criminal_prosecution": False,
                "mil_tax_default": False,
                "sanction_marriage": False,
                "sanction_order_dv": False,
                "drug_user": False,
            }
            for _ in range(5)
        ],
    },
    {
        # The income is not known yet: the verdicts that depend on it are unknown, never 0.
        "id": "HH-002",
        "area": "urban",
        "members": 3,
        "insured_members": 2,
        "registered": True,
        "gdvh_this_year": True,
    },
]


def main() -> None:
    registry = load_registry()
    # The revision in force on a date (an explicit "happy-family@2026.1" would win).
    revision = registry.get("happy-family", as_of=dt.date(2026, 9, 1))
    plan = compile_plan(revision, registry.resolver())
    for result in plan.evaluate_many(HOUSEHOLDS, as_of=dt.date(2026, 9, 1)):
        print(result.explain("vi"))
        print()
    summary = [
        {k: v for k, v in r.to_dict().items() if k in ("id", "status", "score", "rating")}
        for r in plan.evaluate_many(HOUSEHOLDS)
    ]
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
