"""Writes the CLI test fixtures of this folder (run once; the files are committed).

Households for happy-family@2026.2, as a commune officer's spreadsheet would hold them:
Vietnamese headers (labels), Vietnamese number writing, có/không and x for yes/no. Members
are in persons.csv, linked by household_id.
"""

from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).parent

HEADERS = [
    ("id", "Mã hộ"),
    ("village_id", "village_id"),
    ("head", "Chủ hộ"),
    ("area", "Khu vực"),
    ("commune_group", "Nhóm xã (Quyết định 51/2025/QĐ-TTg)"),
    ("especially_difficult", "Xã đặc biệt khó khăn"),
    ("members", "Số nhân khẩu"),
    ("insured_members", "insured_members"),
    ("income_per_capita", "Thu nhập bình quân đầu người (đồng/tháng)"),
    ("deprivations", "deprivations"),
    ("registered", "registered"),
    ("gdvh_this_year", "gdvh_this_year"),
    ("dv_incidents", "dv_incidents"),
    ("conduct_code_registered", "conduct_code_registered"),
    ("elders", "Số thành viên từ 60 tuổi trở lên"),
    ("elder_care_ok", "elder_care_ok"),
    ("child_marriage", "child_marriage"),
    ("housing_type", "Loại nhà ở"),
    ("water_source", "Nguồn nước sinh hoạt"),
    ("latrine_hygienic", "Có nhà tiêu hợp vệ sinh"),
    ("children_under_6", "children_under_6"),
    ("children_vaccinated", "children_vaccinated"),
    ("members_exercising", "members_exercising"),
    ("children_under_5", "children_under_5"),
    ("child_stunted", "child_stunted"),
    ("school_age_children", "school_age_children"),
    ("school_age_in_school", "school_age_in_school"),
    ("civilised_rites", "civilised_rites"),
    ("heritage_practice", "heritage_practice"),
    ("community_participation", "community_participation"),
    ("waste_handled", "waste_handled"),
    ("forest_violation", "forest_violation"),
    ("vneid_level2_adults", "vneid_level2_adults"),
    ("years_held_consecutive", "years_held_consecutive"),
]

BASE = {
    "area": "Nông thôn",
    "commune_group": "group2",
    "especially_difficult": "không",
    "members": "4",
    "insured_members": "4",
    "income_per_capita": "2.600.000",
    "deprivations": "0",
    "registered": "có",
    "gdvh_this_year": "có",
    "dv_incidents": "0",
    "conduct_code_registered": "x",
    "elders": "1",
    "elder_care_ok": "có",
    "child_marriage": "không",
    "housing_type": "Kiên cố",
    "water_source": "qc_standard",
    "latrine_hygienic": "có",
    "children_under_6": "1",
    "children_vaccinated": "có",
    "members_exercising": "2",
    "children_under_5": "1",
    "child_stunted": "không",
    "school_age_children": "2",
    "school_age_in_school": "2",
    "civilised_rites": "có",
    "heritage_practice": "có",
    "community_participation": "có",
    "waste_handled": "có",
    "forest_violation": "không",
    "vneid_level2_adults": "2",
    "years_held_consecutive": "0",
}

HOUSEHOLDS = [
    ("H01", "V01", "Giàng A Sử", {}),
    (
        "H02",
        "V01",
        "Lý Thị Mai",
        {
            "insured_members": "3",
            "water_source": "hygienic",
            "housing_type": "makeshift",
            "heritage_practice": "không",
        },
    ),
    (
        "H03",
        "V01",
        "Vàng A Chư",
        {
            "income_per_capita": "1.200.000",
            "deprivations": "2",
            "heritage_practice": "không",
            "members_exercising": "0",
        },
    ),
    ("H04", "V02", "Lò Văn Bình", {"income_per_capita": "", "deprivations": ""}),
    ("H05", "V02", "Sùng Thị Dua", {"members": "bốn"}),
    ("H06", "V02", "Hoàng Văn Páo", {}),
    ("H07", "V03", "Tẩn Láo Lở", {"years_held_consecutive": "3"}),
    (
        "H08",
        "V03",
        "Ma Thị Hoa",
        {
            "elders": "0",
            "children_under_6": "0",
            "children_under_5": "0",
            "school_age_children": "0",
            "school_age_in_school": "0",
            "members": "2",
            "insured_members": "2",
            "income_per_capita": "69,5",
            "deprivations": "4",
            "conduct_code_registered": "không",
        },
    ),
]

PERSON_HEADERS = [
    "household_id",
    "Họ và tên",
    "criminal_prosecution",
    "mil_tax_default",
    "sanction_marriage",
    "sanction_order_dv",
    "drug_user",
]


def rows() -> list[list[str]]:
    out = []
    for hid, village, head, changes in HOUSEHOLDS:
        values = {**BASE, **changes, "id": hid, "village_id": village, "head": head}
        out.append([values[key] for key, _ in HEADERS])
    return out


def person_rows() -> list[list[str]]:
    out = []
    for hid, _village, head, _changes in HOUSEHOLDS:
        drug = "x" if hid == "H06" else "không"
        out.append([hid, head, "không", "không", "không", "không", drug])
        out.append([hid, f"{head.split()[0]} Thị Con", "không", "không", "không", "không", "không"])
    return out


def main() -> None:
    with (HERE / "households.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow([label for _, label in HEADERS])
        writer.writerows(rows())
    with (HERE / "persons.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(PERSON_HEADERS)
        writer.writerows(person_rows())
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Hộ gia đình"
    sheet.append([label for _, label in HEADERS])
    for row in rows():
        sheet.append([_cell(v) for v in row])
    book.save(HERE / "households.xlsx")


def _cell(value: str) -> object:
    return int(value) if value.isdigit() else value


if __name__ == "__main__":
    main()
