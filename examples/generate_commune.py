"""Generate a synthetic, seeded dataset of mountainous communes of Lào Cai for roll-ups.

Run ``python examples/generate_commune.py`` to (re)write ``examples/data/commune/``: ONE
commune (Group 3, mostly Hmông and Dao villages) with 8 villages, about 300 households and
their persons, its schools and 40 survey respondents. ``generate_province.py`` calls
:func:`generate` with 99 communes for the scale benchmark. The same seed gives the same files.

Every field name is an input name of the shipped sets (happy-family, happy-village,
happy-commune, happy-school, laocai-happiness-index, laocai-2026-targets), plus the ids and the
links that join the tables: ``person.household_id``, ``household.village_id``,
``village.commune_id``, ``school.commune_id``, ``respondent.commune_id``,
``commune.province_id``.

The distributions are plausible, not data (sources for the orders of magnitude: the 2026
plan's targets, the 2021-2025 poverty standard, GSO figures for the northern uplands):

* ethnic mix per village: Hmông, Dao, Tày, Giáy and Kinh villages; Group 3 communes are
  mostly Hmông and Dao; names follow each group's usual family names;
* household size mostly 4-6 (mean about 5); one or two elders in 40% of households;
* income per head log-normal around 2.2 million VND/month in Group 3 communes (2.8 in Group 2,
  4.0 in wards), so 15-25% of rural households fall under the 1.5 million poverty line;
* health insurance near-universal for ethnic minorities; child stunting about 20% in poor
  upland households; child marriage rare (2-4%);
* person records: criminal prosecution, tax/military default, fines and drug use are rare
  (0.05-0.3% of persons each);
* a few gaps on purpose: about 1.5% of households have no income recorded (they come out
  undetermined) and, in the example commune, one household has an unreadable size (invalid);
* survey answers on a 1-5 scale with sampling weights (households of the village / sampled).
"""

from __future__ import annotations

import argparse
import csv
import math
import random
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "data" / "commune"

ETHNIC_NAMES: dict[str, tuple[list[str], list[str], list[str]]] = {
    # family names, male / female middle names, given names
    "hmong": (
        ["Giàng", "Sùng", "Vàng", "Thào", "Lý", "Hầu", "Lầu", "Mùa"],
        ["A", "Thị"],
        ["Páo", "Chứ", "Sính", "Dình", "Cở", "Mỷ", "Dợ", "Sua", "Pà", "Chu"],
    ),
    "dao": (
        ["Triệu", "Bàn", "Lý", "Đặng", "Phùng", "Chảo"],
        ["Văn", "Thị"],
        ["Quẩy", "Chòi", "Mẩy", "Slì", "Sành", "Phây", "Tả", "Mẩy"],
    ),
    "tay": (
        ["Hoàng", "Nông", "Lương", "Ma", "La", "Hà"],
        ["Văn", "Thị"],
        ["Thắng", "Dung", "Lợi", "Hoa", "Quý", "Thương", "Định", "Lành"],
    ),
    "giay": (["Lù", "Lò", "Hoàng", "Vù"], ["Văn", "Thị"], ["Chính", "Dần", "Phin", "Súng", "Thái", "Hiền"]),
    "kinh": (
        ["Nguyễn", "Trần", "Lê", "Phạm", "Vũ", "Đỗ"],
        ["Văn", "Thị"],
        ["Hùng", "Lan", "Minh", "Hà", "Tuấn", "Hương", "Bình", "Mai"],
    ),
}
GROUP_MIX = {  # village ethnic majority by commune group
    "group3": {"hmong": 0.5, "dao": 0.25, "tay": 0.1, "giay": 0.1, "kinh": 0.05},
    "group2": {"hmong": 0.2, "dao": 0.2, "tay": 0.3, "giay": 0.1, "kinh": 0.2},
    "group1": {"hmong": 0.05, "dao": 0.05, "tay": 0.2, "giay": 0.05, "kinh": 0.65},
}
MEDIAN_INCOME = {"group3": 2_200_000, "group2": 2_800_000, "group1": 4_000_000}
POVERTY_LINE = {"rural": 1_500_000, "urban": 2_000_000}

HOUSEHOLD = [
    "id", "village_id", "area", "commune_group", "especially_difficult", "members", "insured_members",
    "income_per_capita", "deprivations", "registered", "gdvh_this_year", "dv_incidents",
    "conduct_code_registered", "elders", "elder_care_ok", "child_marriage", "housing_type", "water_source",
    "latrine_hygienic", "children_under_6", "children_vaccinated", "members_exercising", "children_under_5",
    "child_stunted", "school_age_children", "school_age_in_school", "civilised_rites", "heritage_practice",
    "community_participation", "waste_handled", "forest_violation", "vneid_level2_adults", "years_held_consecutive",
]  # fmt: skip
PERSON = [
    "id",
    "household_id",
    "full_name",
    "criminal_prosecution",
    "mil_tax_default",
    "sanction_marriage",
    "sanction_order_dv",
    "drug_user",
]
VILLAGE = [
    "id", "commune_id", "commune_group", "tvh_title", "serious_crimes", "drug_hotspot", "complaint_hotspot",
    "pct_hh_happy", "pct_hh_gdvh", "pct_conduct_registered", "poor_rate", "poor_rate_prev", "commune_poor_rate",
    "pct_employed", "cultural_house", "sports_ground", "clubs", "mediation_cases", "mediation_success",
    "child_marriage_cases", "pct_preschool_3_5", "pct_hygienic_water", "pct_waste_collected", "bhyt_rate",
    "forest_cases", "pct_satisfied", "years_held_consecutive",
]  # fmt: skip
COMMUNE = [
    "id", "province_id", "unit_type", "commune_group", "ntm_met", "ntm_roadmap", "org_rating",
    "serious_security_incidents", "drug_free", "drug_free_prev", "pct_villages_happy", "pct_hh_happy",
    "poverty_rate", "poverty_rate_prev", "income_pc", "doctors_at_station", "patient_satisfaction", "bhyt_rate",
    "pct_exercise", "preschool_universal", "pct_schools_std", "pct_online_services", "admin_satisfaction",
    "core_club", "pct_clean_water_std", "clean_water_target", "pct_waste_collected", "forest_cover",
    "forest_cover_prev", "has_hazardous_waste", "pct_haz_treated", "happiness_index", "years_held_consecutive",
    "ls_reported", "le_reported", "env_reported",
]  # fmt: skip
SCHOOL = [
    "id", "commune_id", "school_level", "commune_group", "boards_pupils", "em_pupils", "violence_serious",
    "teacher_ethics_discipline", "food_poisoning", "safety_checklist_pass", "counselling", "anti_bullying_plan",
    "student_satisfied", "teacher_satisfied", "parent_satisfied", "conduct_code", "positive_discipline",
    "activities_per_term", "em_support", "dropout_rate", "green_clean", "wash_ok", "boarding_ok",
    "national_standard_level", "years_held_consecutive",
]  # fmt: skip
LIKERT = [
    "ls_material",
    "ls_relations",
    "ls_social_security",
    "ls_authorities",
    "le_expectancy",
    "env_development",
    "env_water_waste",
    "env_forest",
    "env_noise_air",
]
RESPONDENT = ["id", "commune_id", "village_id", "weight", *LIKERT]
PROVINCE = [
    "id",
    "poverty_rate",
    "poverty_rate_prev",
    "grdp_growth",
    "income_per_capita",
    "urbanisation_rate",
    "social_housing_units",
    "schools_national_std_pct",
    "patient_satisfaction",
    "life_expectancy",
    "healthy_life_years",
    "bhyt_rate",
    "exercise_rate",
    "online_services_rate",
    "villages_without_coverage",
    "clean_water_std_pct",
    "solid_waste_treated_pct",
    "hazardous_waste_treated_pct",
    "operating_industrial_parks",
    "ip_wastewater_pct",
    "forest_cover",
    "par_index_rank",
    "sipas_rank",
    "dti_rank",
    "admin_satisfaction",
    # left empty: the counts of communes roll up, and the index comes from the survey
    "communes_preschool_universal",
    "communes_with_4_doctors",
    "drug_free_kept",
    "drug_free_new",
    "communes_core_club",
    "ls",
    "le",
    "env",
]


def _yes(rng: random.Random, p: float) -> str:
    return "1" if rng.random() < p else "0"


def _pct(value: float) -> str:
    return f"{min(100.0, max(0.0, value)):.1f}"


def _choice(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class Writer:
    """One CSV per table, written row by row (nothing is held in memory)."""

    def __init__(self, out: Path, stack: ExitStack, tables: dict[str, list[str]]) -> None:
        out.mkdir(parents=True, exist_ok=True)
        self.writers: dict[str, Any] = {}
        self.columns = tables
        for name, columns in tables.items():
            handle = stack.enter_context((out / f"{name}.csv").open("w", encoding="utf-8", newline=""))
            self.writers[name] = csv.writer(handle, lineterminator="\n")
            self.writers[name].writerow(columns)

    def row(self, table: str, values: dict[str, object]) -> None:
        self.writers[table].writerow(
            ["" if values.get(c) is None else values.get(c) for c in self.columns[table]]
        )


def _household(
    rng: random.Random, hid: str, vid: str, group: str, area: str, ethnic: str, w: Writer, *, broken: bool
) -> dict[str, Any]:
    """Write one household and its persons; return the facts the village figures use."""
    members = rng.choices([2, 3, 4, 5, 6, 7, 8], weights=[5, 10, 25, 28, 20, 8, 4])[0]
    income = int(round(math.exp(rng.gauss(math.log(MEDIAN_INCOME[group]), 0.45)) / 10_000) * 10_000)
    poor = income <= POVERTY_LINE[area]
    elders = rng.choices([0, 1, 2], weights=[60, 25, 15])[0]
    under_6 = rng.choices([0, 1, 2], weights=[55, 35, 10])[0]
    under_5 = min(under_6, rng.choices([0, 1, 2], weights=[30, 55, 15])[0])
    school_age = rng.choices([0, 1, 2, 3], weights=[35, 30, 25, 10])[0]
    minority = ethnic != "kinh"
    gdvh = rng.random() < 0.9
    row: dict[str, object] = {
        "id": hid, "village_id": vid, "area": area, "commune_group": group,
        "especially_difficult": _yes(rng, 0.7 if group == "group3" else 0.2),
        "members": members, "insured_members": members - (1 if rng.random() < (0.08 if minority else 0.15) else 0),
        "income_per_capita": income if rng.random() > 0.015 else None,
        "deprivations": rng.choices([0, 1, 2, 3, 4, 5], weights=[20, 20, 20, 20, 12, 8] if poor else [45, 30, 15, 7, 2, 1])[0],
        "registered": _yes(rng, 0.97), "gdvh_this_year": "1" if gdvh else "0",
        "dv_incidents": 0 if rng.random() < 0.97 else 1, "conduct_code_registered": _yes(rng, 0.85),
        "elders": elders, "elder_care_ok": _yes(rng, 0.9) if elders else None,
        "child_marriage": _yes(rng, 0.006 if ethnic == "hmong" else 0.002),  # a case this year
        "housing_type": _choice(rng, {"solid": 0.3, "semi_solid": 0.45, "makeshift": 0.25} if poor else {"solid": 0.55, "semi_solid": 0.38, "makeshift": 0.07}),
        "water_source": _choice(rng, {"qc_standard": 0.3, "hygienic": 0.62, "unhygienic": 0.08}),
        "latrine_hygienic": _yes(rng, 0.7 if poor else 0.9),
        "children_under_6": under_6, "children_vaccinated": _yes(rng, 0.92) if under_6 else None,
        "members_exercising": rng.choices([0, 1, 2, 3], weights=[15, 35, 30, 20])[0],
        "children_under_5": under_5, "child_stunted": _yes(rng, 0.25 if poor else 0.12) if under_5 else None,
        "school_age_children": school_age, "school_age_in_school": school_age - (1 if school_age and rng.random() < 0.05 else 0),
        "civilised_rites": _yes(rng, 0.8), "heritage_practice": _yes(rng, 0.6 if minority else 0.3),
        "community_participation": _yes(rng, 0.88), "waste_handled": _yes(rng, 0.85),
        "forest_violation": _yes(rng, 0.02), "vneid_level2_adults": rng.choices([0, 1, 2, 3], weights=[15, 30, 35, 20])[0],
        "years_held_consecutive": rng.choices([0, 1, 2, 3, 4], weights=[40, 20, 15, 15, 10])[0],
    }  # fmt: skip
    if broken:
        row["members"] = f"{members} người?"  # an unreadable cell: the household is invalid
    w.row("household", row)
    family, middles, given = ETHNIC_NAMES[ethnic]
    surname = rng.choice(family)
    for n in range(1, members + 1):
        person = {
            "id": f"{hid}-{n}", "household_id": hid,
            "full_name": f"{surname} {rng.choice(middles)} {rng.choice(given)}",
            "criminal_prosecution": _yes(rng, 0.001), "mil_tax_default": _yes(rng, 0.002),
            "sanction_marriage": _yes(rng, 0.0005), "sanction_order_dv": _yes(rng, 0.003), "drug_user": _yes(rng, 0.0015),
        }  # fmt: skip
        w.row("person", person)
    return {
        "poor": poor,
        "gdvh": gdvh,
        "conduct": row["conduct_code_registered"] == "1",
        "marriage": row["child_marriage"] == "1",
        "members": members,
    }


def _village(
    rng: random.Random, vid: str, cid: str, group: str, facts: list[dict[str, Any]], commune_poor: float
) -> dict[str, object]:
    n = len(facts) or 1
    poor = 100.0 * sum(f["poor"] for f in facts) / n
    return {
        "id": vid, "commune_id": cid, "commune_group": group, "tvh_title": _yes(rng, 0.85),
        "serious_crimes": 0 if rng.random() < 0.95 else 1, "drug_hotspot": _yes(rng, 0.04), "complaint_hotspot": _yes(rng, 0.03),
        "pct_hh_happy": None,  # empty: rolled up from the village's households
        "pct_hh_gdvh": _pct(100.0 * sum(f["gdvh"] for f in facts) / n),
        "pct_conduct_registered": _pct(100.0 * sum(f["conduct"] for f in facts) / n),
        "poor_rate": _pct(poor), "poor_rate_prev": _pct(poor + rng.uniform(-0.5, 4.0)), "commune_poor_rate": _pct(commune_poor),
        "pct_employed": _pct(rng.uniform(86, 97)), "cultural_house": _yes(rng, 0.9), "sports_ground": _yes(rng, 0.6 if group == "group3" else 0.85),
        "clubs": rng.choices([0, 1, 2, 3], weights=[10, 45, 30, 15])[0], "mediation_cases": (m := rng.choice([0, 0, 1, 2, 3, 4])),
        "mediation_success": _pct(rng.choice([75, 80, 100, 100])) if m else None,
        "child_marriage_cases": sum(f["marriage"] for f in facts), "pct_preschool_3_5": _pct(rng.uniform(90, 100)),
        "pct_hygienic_water": _pct(rng.uniform(88, 99)), "pct_waste_collected": _pct(rng.uniform(65, 95)),
        "bhyt_rate": _pct(rng.uniform(93, 99.5)), "forest_cases": 0 if rng.random() < 0.85 else 1,
        "pct_satisfied": _pct(rng.uniform(70, 92)), "years_held_consecutive": rng.choice([0, 0, 1, 2, 3]),
    }  # fmt: skip


def _commune(rng: random.Random, cid: str, pid: str | None, group: str, poor: float) -> dict[str, object]:
    ward = group == "group1" and rng.random() < 0.5
    drug_free_prev = rng.random() < 0.32
    return {
        "id": cid, "province_id": pid, "unit_type": "ward" if ward else "commune", "commune_group": group,
        "ntm_met": _yes(rng, 0.3 if group == "group3" else 0.8), "ntm_roadmap": _yes(rng, 0.9),
        "org_rating": _choice(rng, {"excellent": 0.2, "good": 0.5, "completed": 0.27, "failed": 0.03}),
        "serious_security_incidents": 0 if rng.random() < 0.9 else 1,
        "drug_free": "1" if drug_free_prev or rng.random() < 0.7 else "0", "drug_free_prev": "1" if drug_free_prev else "0",
        "pct_villages_happy": None,  # empty: rolled up from the commune's villages
        "pct_hh_happy": _pct(rng.uniform(60, 85)),  # reported by the commune (happy-commune does not roll it up)
        "poverty_rate": _pct(poor), "poverty_rate_prev": _pct(poor + rng.uniform(1.0, 5.0)),
        "income_pc": round(rng.uniform(30, 60), 1), "doctors_at_station": rng.choices([1, 2, 3, 4, 5], weights=[10, 25, 25, 25, 15])[0],
        "patient_satisfaction": _pct(rng.uniform(88, 96)), "bhyt_rate": _pct(rng.uniform(93, 99)), "pct_exercise": _pct(rng.uniform(30, 50)),
        "preschool_universal": _yes(rng, 0.2), "pct_schools_std": _pct(rng.uniform(60, 90)), "pct_online_services": _pct(rng.uniform(35, 65)),
        "admin_satisfaction": _pct(rng.uniform(75, 90)), "core_club": _yes(rng, 0.85),
        "pct_clean_water_std": _pct(rng.uniform(20, 60)), "clean_water_target": "36.0", "pct_waste_collected": _pct(rng.uniform(75, 95)),
        "forest_cover": _pct(fc := rng.uniform(45, 75)), "forest_cover_prev": _pct(fc - rng.uniform(-0.5, 1.0)),
        "has_hazardous_waste": _yes(rng, 0.3), "pct_haz_treated": _pct(rng.uniform(85, 99)),
        "happiness_index": None, "years_held_consecutive": rng.choice([0, 0, 1, 2]),
    }  # fmt: skip


def _schools(rng: random.Random, cid: str, group: str, w: Writer) -> None:
    for n, level in enumerate(["preschool", "primary", "lower_secondary", "inter_level"], start=1):
        boards = level in ("lower_secondary", "inter_level") and group == "group3"
        w.row("school", {
            "id": f"{cid}-S{n}", "commune_id": cid, "school_level": level, "commune_group": group,
            "boards_pupils": "1" if boards else "0", "em_pupils": rng.randint(20, 400) if group != "group1" else rng.randint(0, 40),
            "violence_serious": _yes(rng, 0.02), "teacher_ethics_discipline": _yes(rng, 0.02), "food_poisoning": _yes(rng, 0.01) if boards else None,
            "safety_checklist_pass": _yes(rng, 0.92), "counselling": _yes(rng, 0.8), "anti_bullying_plan": _yes(rng, 0.8),
            "student_satisfied": _pct(rng.uniform(70, 95)) if level != "preschool" else None, "teacher_satisfied": _pct(rng.uniform(70, 95)),
            "parent_satisfied": _pct(rng.uniform(70, 95)), "conduct_code": _yes(rng, 0.9), "positive_discipline": _yes(rng, 0.75),
            "activities_per_term": rng.randint(1, 4), "em_support": _yes(rng, 0.85), "dropout_rate": _pct(rng.uniform(0, 2.5)) if level != "preschool" else None,
            "green_clean": _yes(rng, 0.85), "wash_ok": _yes(rng, 0.9), "boarding_ok": _yes(rng, 0.85) if boards else None,
            "national_standard_level": rng.choices([0, 1, 2], weights=[35, 50, 15])[0], "years_held_consecutive": rng.choice([0, 1, 2]),
        })  # fmt: skip


def _respondents(rng: random.Random, cid: str, sizes: dict[str, int], count: int, w: Writer) -> None:
    """``count`` answers, sampled across villages; weight = households of the village / sampled there."""
    villages = list(sizes)
    picks = [villages[i % len(villages)] for i in range(count)]
    mood = rng.uniform(-0.3, 0.3)  # communes differ
    for n, vid in enumerate(picks, start=1):
        row: dict[str, object] = {"id": f"{cid}-R{n:03d}", "commune_id": cid, "village_id": vid}
        row["weight"] = round(sizes[vid] / picks.count(vid), 2)
        for item in LIKERT:
            # about half satisfied with life (4 or 5), 75% with life expectancy, 60% on the environment
            lift = 0.25 if item.startswith("env") else 0.67 if item == "le_expectancy" else 0.0
            centre = 3.5 + mood + lift
            row[item] = min(5, max(1, round(rng.gauss(centre, 1.0))))
        w.row("respondent", row)


def generate(
    out: Path,
    *,
    seed: int = 2026,
    communes: int = 1,
    villages: tuple[int, int] = (8, 8),
    households: tuple[int, int] = (30, 45),
    respondents: int = 40,
    province: str | None = None,
    broken: bool = True,
) -> dict[str, int]:
    """Write the tables under ``out``; return the number of rows of each."""
    rng = random.Random(seed)
    tables = {
        "commune": COMMUNE,
        "village": VILLAGE,
        "household": HOUSEHOLD,
        "person": PERSON,
        "school": SCHOOL,
        "respondent": RESPONDENT,
    }
    if province:
        tables = {"province": PROVINCE, **tables}
    counts = dict.fromkeys(tables, 0)
    with ExitStack() as stack:
        w = Writer(out, stack, tables)
        for c in range(1, communes + 1):
            cid = f"C{c:03d}"
            group = (
                "group3" if communes == 1 else _choice(rng, {"group1": 0.15, "group2": 0.35, "group3": 0.5})
            )
            area = "urban" if group == "group1" and rng.random() < 0.5 else "rural"
            village_facts: dict[str, list[dict[str, Any]]] = {}
            for v in range(1, rng.randint(*villages) + 1):
                vid = f"{cid}-V{v:02d}"
                ethnic = _choice(rng, GROUP_MIX[group])
                facts = village_facts[vid] = []
                for h in range(1, rng.randint(*households) + 1):
                    hid = f"{vid}-H{h:03d}"
                    is_broken = broken and c == 1 and v == 2 and h == 7
                    facts.append(_household(rng, hid, vid, group, area, ethnic, w, broken=is_broken))
            every = [f for facts in village_facts.values() for f in facts]
            poor = 100.0 * sum(f["poor"] for f in every) / max(1, len(every))
            for vid, facts in village_facts.items():
                w.row("village", _village(rng, vid, cid, group, facts, poor))
            w.row("commune", _commune(rng, cid, province, group, poor))
            _schools(rng, cid, group, w)
            _respondents(rng, cid, {vid: len(f) for vid, f in village_facts.items()}, respondents, w)
            counts["commune"] += 1
            counts["village"] += len(village_facts)
            counts["household"] += len(every)
            counts["person"] += sum(f["members"] for f in every)
            counts["school"] += 4
            counts["respondent"] += respondents
        if province:
            w.row("province", _province(rng, province))
            counts["province"] = 1
    return counts


def _province(rng: random.Random, pid: str) -> dict[str, object]:
    return {
        "id": pid, "poverty_rate": "9.8", "poverty_rate_prev": "11.6", "grdp_growth": "10.2", "income_per_capita": "52.1",
        "urbanisation_rate": "31.9", "social_housing_units": 1250, "schools_national_std_pct": "77.4",
        "patient_satisfaction": "91.3", "life_expectancy": "72.1", "healthy_life_years": "65.6", "bhyt_rate": "95.4",
        "exercise_rate": "40.5", "online_services_rate": "52.0", "villages_without_coverage": 3, "clean_water_std_pct": "36.4",
        "solid_waste_treated_pct": "86.5", "hazardous_waste_treated_pct": "91.2", "operating_industrial_parks": 3,
        "ip_wastewater_pct": "41.7", "forest_cover": "61.4", "par_index_rank": 8, "sipas_rank": 12, "dti_rank": 9,
        "admin_satisfaction": "81.0",
    }  # fmt: skip


def rows(path: Path) -> Iterator[dict[str, str]]:
    """The rows of a generated table (for checks)."""
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="folder to write (default: examples/data/commune)"
    )
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    counts = generate(args.out, seed=args.seed)
    print(", ".join(f"{n} {t}" for t, n in counts.items()), "→", args.out)


if __name__ == "__main__":
    main()
