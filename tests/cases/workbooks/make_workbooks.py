"""Writes the workbooks of this folder: commune spreadsheets laid out the way officials lay them
out, for `criteria evaluate` with no --map. Run it to rebuild them (the files are committed):

    python tests/cases/workbooks/make_workbooks.py

* form-2027.xlsx: 30 households for happy-family@2027.1; a title block and a band of merged
  headings above the header (row 5); short headers with abbreviations (Xã ĐBKK, Số TV có thẻ
  BHYT, GĐVH); checkbox columns (x or empty); numbers written 2.600.000; a "Tổng cộng" row of
  formulas; members on a sheet "Thành viên" below its own title. Problems: a count written
  in words, a repeated id, an empty income.
* form-2026.xlsx: 8 households for happy-family@2026.2 (no aliases): the set's labels as
  headers, typed in capitals or without accents, below a one-line title; members on a sheet
  "persons"; a formula whose result was never saved.
* two-row-header.xlsx: happy-family@2027.1 with a header over two rows (cells merged down
  and headings merged across); members on a sheet "Danh sách thành viên".
* survey-dates.xlsx: the corpus set survey-visit (sets/): dates as date cells, as Excel day
  numbers and as text, one impossible date; a checkbox declared `blank: false`.

Each workbook's expected results and problems are in its .expected.json, checked by
tests/test_workbooks.py.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

HERE = Path(__file__).parent

# (header as an official writes it, input of happy-family, how the cell is filled)
FORM_2027 = [
    ("STT", None, "row"),
    ("Mã hộ", "id", "id"),
    ("Họ tên chủ hộ", None, "name"),
    ("Thôn", None, "village"),
    ("Khu vực", "area", "area"),
    ("Nhóm xã", "commune_group", "group"),
    ("Xã ĐBKK", "especially_difficult", "tick-rare"),
    ("Số nhân khẩu", "members", "members"),
    ("Số TV có thẻ BHYT", "insured_members", "insured"),
    ("Thu nhập bình quân (đ/người/tháng)", "income_per_capita", "income"),
    ("Số chỉ số thiếu hụt", "deprivations", "deprivations"),
    ("Kết quả rà soát hộ nghèo", "poverty_status_official", "review"),
    ("Đăng ký GĐHP", "registered", "tick"),
    ("GĐVH năm trước", "gdvh_prev_year", "tick"),
    ("Số vụ BLGĐ", "dv_incidents", "zero"),
    ("Đăng ký bộ tiêu chí ứng xử", "conduct_code_registered", "tick"),
    ("Số người từ 60 tuổi", "elders", "elders"),
    ("NCT được chăm sóc", "elder_care_ok", "yes-if-elders"),
    ("Tảo hôn, cận huyết", "child_marriage", "no"),
    ("Loại nhà", "housing_type", "housing"),
    ("Nguồn nước", "water_source", "water"),
    ("Nhà tiêu HVS", "latrine_hygienic", "tick"),
    ("Số trẻ dưới 6 tuổi", "children_under_6", "small"),
    ("Tiêm chủng đầy đủ", "children_vaccinated", "yes"),
    ("Số người tập TDTT", "members_exercising", "exercising"),
    ("Số trẻ dưới 5 tuổi", "children_under_5", "small"),
    ("Trẻ SDD thấp còi", "child_stunted", "no"),
    ("Số trẻ trong độ tuổi đi học", "school_age_children", "school"),
    ("Số trẻ đang đi học", "school_age_in_school", "school"),
    ("Nếp sống văn minh", "civilised_rites", "tick"),
    ("Giữ gìn bản sắc", "heritage_practice", "tick"),
    ("Sinh hoạt cộng đồng", "community_participation", "tick"),
    ("Phân loại rác", "waste_handled", "tick"),
    ("Vi phạm bảo vệ rừng", "forest_violation", "no"),
    ("Số người có VNeID mức 2", "vneid_level2_adults", "vneid"),
    ("Số năm liên tiếp đạt GĐHP", "years_held_consecutive", "years"),
    ("Gia đình tự đánh giá mức hài lòng về sự gắn kết, hòa thuận (1-5)", "self_cohesion", "self"),
    ("Gia đình tự đánh giá mức hài lòng về điều kiện vật chất (1-5)", "self_material", "self"),
    ("Gia đình tự đánh giá mức hài lòng về sức khỏe thể chất, tinh thần (1-5)", "self_health", "self"),
    ("Gia đình tự đánh giá mức hài lòng về môi trường sống (1-5)", "self_environment", "self"),
    ("Gia đình tự đánh giá mức hài lòng về vị thế trong dòng họ, cộng đồng (1-5)", "self_standing", "self"),
    ("Ghi chú", None, "note"),
]
BANDS = [("Thông tin chung", 1, 9), ("Kinh tế", 10, 12), ("Các tiêu chí bình xét", 13, 42)]
MEMBERS = [
    "Mã hộ",
    "Họ tên",
    "Năm sinh",
    "Bị truy cứu hình sự",
    "Chưa hoàn thành nghĩa vụ quân sự hoặc nghĩa vụ thuế",
]
MEMBERS += ["Bị xử phạt hành chính về tảo hôn, kết hôn, ly hôn, chế độ một vợ một chồng"]
MEMBERS += [
    "Bị xử phạt hành chính về trật tự công cộng, đánh bạc, tệ nạn xã hội, phòng cháy chữa cháy hoặc bạo lực gia đình",
    "Sử dụng ma túy",
]
NAMES = [
    "Lý A Mỷ",
    "Giàng Seo Phử",
    "Vàng Thị Mai",
    "Hoàng Văn Nam",
    "Lò Thị Bình",
    "Sùng A Páo",
    "Tẩn Láo Lở",
]


def _cell(kind: str, n: int, rng: random.Random) -> object:
    members = 3 + (n % 5)
    if kind == "row":
        return n
    if kind == "id":
        return f"NX-{n:02d}"
    if kind == "name":
        return NAMES[n % len(NAMES)]
    if kind == "village":
        return f"Thôn {1 + n % 3}"
    if kind == "area":
        return "Nông thôn"
    if kind == "group":
        return "Xã nhóm 3"
    if kind == "tick-rare":
        return "x" if n % 4 == 0 else None
    if kind == "tick":
        return None if n % 9 == 4 else "x"  # an unticked box now and then: blank means không
    if kind == "members":
        return members
    if kind == "insured":
        return members if n % 6 else members - 1
    if kind == "income":
        return f"{2_000_000 + 150_000 * (n % 8):,}".replace(",", ".")
    if kind == "deprivations":
        return n % 3
    if kind == "zero":
        return 0
    if kind == "elders":
        return n % 2
    if kind == "yes-if-elders":
        return "có" if n % 2 else None
    if kind in ("no", "yes"):
        return "không" if kind == "no" else "có"
    if kind == "housing":
        return ["Kiên cố", "Bán kiên cố", "Kiên cố"][n % 3]
    if kind == "water":
        return ["Nước hợp vệ sinh", "Nước sạch đáp ứng quy chuẩn"][n % 2]
    if kind == "small":
        return n % 2
    if kind == "exercising":
        return 1 + n % 2
    if kind == "school":
        return n % 3
    if kind == "vneid":
        return max(1, members - 2)
    if kind == "years":
        return n % 4
    if kind == "review":  # the commune's review list: most not poor, some near-poor, a few not yet
        return [None, "Không thuộc hộ nghèo, cận nghèo", "Hộ cận nghèo", "Không thuộc hộ nghèo, cận nghèo"][
            n % 4
        ]
    if kind == "self":  # the family's own rating, 1-5: now and then a 3
        return 3 if n % 7 == 3 else 4 + n % 2
    return rng.choice([None, "", "mới tách hộ"])


def form_2027() -> None:
    rng = random.Random(2027)
    book = Workbook()
    sheet: Worksheet = book.active
    sheet.title = "Danh sách hộ"
    sheet["A1"] = "ỦY BAN NHÂN DÂN XÃ NẬM XÉ"
    sheet["A2"] = "DANH SÁCH HỘ GIA ĐÌNH BÌNH XÉT DANH HIỆU GIA ĐÌNH HẠNH PHÚC NĂM 2027"
    sheet.merge_cells("A2:L2")
    for title, first, last in BANDS:
        sheet.cell(row=4, column=first, value=title)
        sheet.merge_cells(start_row=4, start_column=first, end_row=4, end_column=last)
    for column, (header, _name, _kind) in enumerate(FORM_2027, start=1):
        sheet.cell(row=5, column=column, value=header)
    for n in range(1, 31):
        row = [_cell(kind, n, rng) for _h, _n, kind in FORM_2027]
        if n == 7:
            row[7] = "bốn"  # a count written in words
        if n == 12:
            row[1] = "NX-11"  # the id of the row above, typed twice
        if n == 15:
            row[9] = None  # income not collected yet
        sheet.append(row)
    total = ["Tổng cộng", None, None, None, None, None, None, "=SUM(H6:H35)", "=SUM(I6:I35)"]
    sheet.append(total)
    members = book.create_sheet("Thành viên")
    members["A1"] = "DANH SÁCH THÀNH VIÊN CÁC HỘ"
    members.append(MEMBERS)
    for n in range(1, 31):
        for k in range(3 + (n % 5)):
            sanction = "x" if (n, k) == (20, 1) else "không"
            members.append([f"NX-{n:02d}", f"{NAMES[(n + k) % len(NAMES)]} {k}", 1960 + 7 * k, "không", "không",
                            "không", sanction, "không"])  # fmt: skip
    members.append(["Cộng", None, None])
    book.save(HERE / "form-2027.xlsx")


# happy-family@2026.2: the labels as headers, typed in capitals, without accents or with spaces
FORM_2026 = {
    "Mã hộ": "id",
    "KHU VỰC": "Nông thôn",
    "Nhom xa (Quyet dinh 51/2025/QD-TTg)": "Xã nhóm 2",
    "Xã đặc biệt  khó khăn": "không",
    "Số nhân khẩu": 4,
    "Số thành viên có thẻ bảo hiểm y tế": 4,
    "Thu nhập bình quân đầu người (đồng/tháng)": 2600000,
    "Số chỉ số thiếu hụt dịch vụ xã hội cơ bản (0-12)": 0,
    'Đã đăng ký xây dựng "Gia đình hạnh phúc" đầu năm': "có",
    'Đạt danh hiệu "Gia đình văn hóa" năm nay': "có",
    "Số vụ bạo lực gia đình được ghi nhận trong năm": 0,
    "Đăng ký và thực hiện Bộ tiêu chí ứng xử trong gia đình": "x",
    "Số thành viên từ 60 tuổi trở lên": 1,
    "Người cao tuổi được chăm sóc, phụng dưỡng, không bị bỏ rơi": "có",
    "Có trường hợp tảo hôn hoặc hôn nhân cận huyết thống trong gia đình": "không",
    "Loại nhà ở": "Kiên cố",
    "Nguồn nước sinh hoạt": "Nước hợp vệ sinh",
    "Có nhà tiêu hợp vệ sinh": "có",
    "Số trẻ dưới 6 tuổi": 1,
    "Trẻ dưới 6 tuổi được tiêm chủng đầy đủ": "có",
    "Số thành viên luyện tập thể dục thể thao thường xuyên": 2,
    "Số trẻ dưới 5 tuổi": 1,
    "Có trẻ dưới 5 tuổi suy dinh dưỡng thấp còi": "không",
    "Số trẻ trong độ tuổi đi học": 1,
    "Số trẻ trong độ tuổi đang đi học": 1,
    "Thực hiện nếp sống văn minh trong việc cưới, việc tang và lễ hội": "có",
    "Giữ gìn tiếng nói, trang phục, lễ hội truyền thống của dân tộc": "có",
    "Tham gia sinh hoạt cộng đồng, tổ tự quản ở thôn, tổ dân phố": "có",
    "Phân loại rác và chuyển đến điểm thu gom hoặc xử lý tại chỗ đúng quy định": "có",
    "Có vi phạm về bảo vệ rừng trong năm": "không",
    "Số thành viên từ 14 tuổi trở lên có tài khoản định danh điện tử VNeID mức độ 2": 3,
    'Số năm liên tiếp ngay trước năm đánh giá đạt "Gia đình hạnh phúc"': 1,
}


def form_2026() -> None:
    book = Workbook()
    sheet: Worksheet = book.active
    sheet.title = "Hộ"
    sheet["A1"] = "Bảng tổng hợp số liệu hộ gia đình, thôn Nậm Sài (happy-family@2026.2)"
    headers = list(FORM_2026)
    sheet.append(headers)
    for n in range(1, 9):
        row = [f"H{n}" if h == "Mã hộ" else v for h, v in FORM_2026.items()]
        if n == 3:
            row[headers.index("Thu nhập bình quân đầu người (đồng/tháng)")] = "=1300000*2"  # never calculated
        if n == 5:
            row[headers.index("KHU VỰC")] = "nong thon"
        if n == 6:
            row[headers.index("Loại nhà ở")] = "nhà tạm"  # not a value of the list
        sheet.append(row)
    persons = book.create_sheet("persons")
    persons.append(
        ["household_id", "Họ và tên", "Đang bị truy cứu trách nhiệm hình sự", "Sử dụng trái phép chất ma túy"]
    )
    for n in range(1, 9):
        for k in range(4):
            persons.append([f"H{n}", f"Người {n}.{k}", "không", "không"])
    book.save(HERE / "form-2026.xlsx")


def two_row_header() -> None:
    book = Workbook()
    sheet: Worksheet = book.active
    sheet.title = "Bình xét"
    sheet["A1"] = "KẾT QUẢ BÌNH XÉT GIA ĐÌNH HẠNH PHÚC — THÔN LÙNG CẨU"
    headers = [h for h, _n, _k in FORM_2027 if h not in ("Ghi chú", "Thôn", "Họ tên chủ hộ")]
    down = {"STT", "Mã hộ"}
    for column, header in enumerate(headers, start=1):
        if header in down:  # one cell over both header rows
            sheet.cell(row=3, column=column, value=header)
            sheet.merge_cells(start_row=3, start_column=column, end_row=4, end_column=column)
        else:
            sheet.cell(row=4, column=column, value=header)
    sheet.cell(row=3, column=3, value="Thông tin hộ")
    sheet.merge_cells(start_row=3, start_column=3, end_row=3, end_column=8)
    sheet.cell(row=3, column=9, value="Các tiêu chí")
    sheet.merge_cells(start_row=3, start_column=9, end_row=3, end_column=len(headers))
    rng = random.Random(2)
    kinds = {h: k for h, _n, k in FORM_2027}
    for n in range(1, 7):
        sheet.append([_cell(kinds[h], n, rng) for h in headers])
    members = book.create_sheet("Danh sách thành viên")
    head = ["Mã hộ", "Họ và tên", "Đang bị truy cứu trách nhiệm hình sự", "Sử dụng trái phép chất ma túy"]
    members.append([*head, "Chưa hoàn thành nghĩa vụ quân sự hoặc nghĩa vụ thuế", *MEMBERS[5:7]])
    for n in range(1, 7):
        for k in range(3 + (n % 5)):
            members.append([f"NX-{n:02d}", f"Người {k}", "không", "không", "không", "không", "không"])
    book.save(HERE / "two-row-header.xlsx")


def survey_dates() -> None:
    book = Workbook()
    sheet: Worksheet = book.active
    sheet.title = "Khảo sát"
    sheet.append(["Mã hộ", "Ngày khảo sát", "Đã đến thăm hộ"])
    rows: list[list[object]] = [
        ["K1", dt.datetime(2026, 11, 20), "x"],  # a date cell
        ["K2", 46_351, "x"],  # an Excel day number that lost its format: 2026-11-24
        ["K3", "26/11/2026", "x"],  # text, day first, after the deadline
        ["K4", "2026-11-01", None],  # ISO text; an empty box: not visited
        ["K5", "31/02/2026", "x"],  # no such day
        ["K6", None, "x"],  # not surveyed yet
    ]
    for row in rows:
        sheet.append(row)
    sheet["B2"].number_format = "dd/mm/yyyy"
    book.save(HERE / "survey-dates.xlsx")


def main() -> None:
    form_2027()
    form_2026()
    two_row_header()
    survey_dates()


if __name__ == "__main__":
    main()
