"""The wording layer's tables and its one formatter: every label in both languages with the
same placeholders; numbers, quantities, dates and periods per language; the label grammar."""

from __future__ import annotations

import datetime as dt
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from criteria_engine.explain.grammar import coded, counted, deny_en, deny_vi, lower_first, plural_en, to_do
from criteria_engine.explain.i18n import (
    SHARE,
    SUPPORTED_LANGUAGES,
    Quantity,
    default_digits,
    format_date,
    format_long_date,
    format_number,
    format_period,
    format_value,
    pick,
)
from criteria_engine.explain.labels import catalogues, word


def _fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("name", sorted(catalogues()))
def test_every_label_exists_in_every_language_with_the_same_placeholders(name: str) -> None:
    table = catalogues()[name]
    assert set(table) == set(SUPPORTED_LANGUAGES), name
    keys = {lang: set(texts) for lang, texts in table.items()}
    assert keys["vi"] == keys["en"], (name, keys["vi"] ^ keys["en"])
    for key in keys["vi"]:
        vi, en = table["vi"][key], table["en"][key]
        assert vi.strip() and en.strip(), (name, key)
        assert _fields(vi) == _fields(en), (name, key)


def test_word_and_pick_per_language() -> None:
    assert word("vi", "digest") == "Mã kiểm tra" and word("en", "digest") == "Digest"
    assert word("fr", "digest") == "Digest"  # an unknown language reads English
    assert pick({"vi": "Hộ", "en": "Household"}, "en") == "Household"
    assert pick({"vi": "Hộ"}, "en") == "Hộ" and pick(None, "vi") == ""


def test_numbers_per_language() -> None:
    assert format_number(1_500_000, "vi") == "1.500.000" and format_number(1_500_000, "en") == "1,500,000"
    assert format_number(69, "vi", 1) == "69,0" and format_number(72.7272, "en", 1) == "72.7"
    assert format_number(82.5, "vi") == "82,5" and format_number(1.18, "vi") == "1,18"
    assert format_number(-0.04, "vi", 1) == "0,0"  # never "-0,0"


def test_quantities_carry_their_unit_and_one_precision() -> None:
    money = Quantity("VND/month", default_digits("VND/month", "number"))
    assert money.show(1_500_000, "vi") == "1.500.000 đồng/tháng"
    assert money.show(1_500_000, "en") == "1,500,000 VND/month"
    percent = Quantity("%", default_digits("%", "number"))
    assert percent.show(69, "vi") == "69,0%" and percent.show(72.727, "vi") == "72,7%"
    assert percent.target(91, "vi") == "91%"  # a target is said as the rule writes it
    assert Quantity("%", 2).show(1.5, "vi") == "1,50%"  # a set's declared digits win
    people = Quantity("people", default_digits("people", "integer"))
    assert people.show(1, "en") == "1 person" and people.show(3, "vi") == "3 người"
    assert Quantity(SHARE, 1).show(0.75, "vi") == "75,0%"
    assert format_value(True, "vi") == "có" and format_value(None, "vi") == "—"


def test_dates_and_periods_with_inclusive_ends() -> None:
    assert format_date(dt.date(2026, 7, 1), "vi") == "01/07/2026"
    assert format_date(dt.date(2026, 7, 1), "en") == "1 Jul 2026"
    assert format_period(dt.date(2026, 7, 1), dt.date(2027, 1, 1), "vi") == "01/07/2026 – 31/12/2026"
    assert format_period(dt.date(2026, 7, 1), None, "vi") == "từ 01/07/2026"
    assert format_long_date(dt.date(2026, 12, 1), "vi") == "ngày 01 tháng 12 năm 2026"
    assert format_long_date(dt.date(2026, 12, 1), "en") == "1 December 2026"


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(min_value=0, max_value=4))
def test_a_vietnamese_number_reads_back_as_the_rounded_value(value: float, digits: int) -> None:
    text = format_number(value, "vi", digits)
    back = float(text.replace(".", "").replace(",", "."))
    assert back == pytest.approx(round(value, digits), abs=10**-digits)
    assert text.count(",") == (1 if digits else 0)


def test_facts_denied_in_vietnamese() -> None:
    assert deny_vi("Đã đăng ký xây dựng gia đình văn hóa") == "Chưa đăng ký xây dựng gia đình văn hóa"
    assert deny_vi("Có nhà tiêu hợp vệ sinh") == "Chưa có nhà tiêu hợp vệ sinh"
    assert deny_vi("Có vi phạm về bảo vệ rừng", "hard") == "Không có vi phạm về bảo vệ rừng"
    assert deny_vi("Trẻ dưới 6 tuổi được tiêm chủng đầy đủ") == "Trẻ dưới 6 tuổi chưa được tiêm chủng đầy đủ"
    assert deny_vi("Đang bị truy cứu trách nhiệm hình sự") == "Không bị truy cứu trách nhiệm hình sự"
    assert deny_vi("Là điểm nóng về ma túy", "hard") == "Không phải là điểm nóng về ma túy"
    assert deny_vi("Thực hiện nếp sống văn minh") == "Chưa thực hiện nếp sống văn minh"
    assert deny_vi("Tổ chức đảng không bị xếp loại yếu") == "Tổ chức đảng bị xếp loại yếu"


def test_facts_denied_in_english() -> None:
    assert deny_en("Has a hygienic latrine") == "Does not have a hygienic latrine"
    assert deny_en("Elders are cared for") == "Elders are not cared for"
    assert deny_en("A child marriage in the family") == "No child marriage in the family"
    assert deny_en("Holds the title") == "Does not hold the title"
    assert deny_en("Applies the conduct criteria") == "Does not apply the conduct criteria"
    assert deny_en("Broke forest rules") == "Did not break forest rules"
    assert deny_en("The school boards pupils") == "The school does not board pupils"
    assert deny_en("Hazardous waste arises in the commune") == "Hazardous waste does not arise in the commune"
    assert deny_en("Weddings, funerals follow the rules").startswith("Not yet: ")
    assert plural_en("exercises regularly") == "exercise regularly" and plural_en("has a job") == "have a job"


def test_counts_codes_and_case() -> None:
    assert counted("Số vụ bạo lực gia đình", "vi") == "vụ bạo lực gia đình"
    assert counted("Tỷ lệ hộ nghèo", "vi") is None
    assert coded("Mức sống: 0 nghèo, 1 cận nghèo, 2 trung bình") == (
        "Mức sống",
        {0: "nghèo", 1: "cận nghèo", 2: "trung bình"},
    )
    assert coded("Mức sống (đồng)") is None
    assert lower_first("Tỷ lệ hộ") == "tỷ lệ hộ" and lower_first("BHYT") == "BHYT"
    assert lower_first("Lào Cai") == "Lào Cai"
    assert to_do("Đã đăng ký xây dựng", "vi") == "Đăng ký xây dựng"
