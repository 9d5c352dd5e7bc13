"""Each machine-like sentence issue 13 lists is gone, and what replaced it reads as an official
writes; results carry their sentences in JSON, JSONL and CSV; ``--keep`` carries columns; the
stored examples check their Vietnamese sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from criteria_engine.evaluators.plan import Plan, compile_plan
from criteria_engine.explain.cache import plan_words
from criteria_engine.explain.text import criterion_sentence
from criteria_engine.io.catalog import examples_file, load_examples, load_registry
from criteria_engine.io.records import read_records
from criteria_engine.results import Result

from .test_cli_support import CASES, GOLDEN, SET, evaluate, run

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = load_registry()
COMMUNE = ROOT / "examples" / "data" / "commune"


def _plan(ref: str) -> Plan:
    return compile_plan(REGISTRY.get(ref), REGISTRY.resolver())


FAMILY = _plan("happy-family@2026.2")
EXAMPLES = {e.id: e for e in load_examples(examples_file(FAMILY.revision))}  # type: ignore[arg-type]


def _example(example_id: str) -> Result:
    e = EXAMPLES[example_id]
    return FAMILY.evaluate({"id": e.id, **e.record})


def _say(plan: Plan, result: Result, criterion_id: str, lang: str = "vi") -> str:
    return criterion_sentence(plan, result.criterion(criterion_id), lang)


@pytest.fixture(scope="module")
def commune_text() -> str:
    done = run("evaluate", "happy-commune", COMMUNE, "--as-of", "2026-12-01")
    assert done.code == 0
    return done.out


def test_a_veto_that_passed_says_no_member_and_one_that_failed_says_who_and_how_many() -> None:
    full = _example("full-marks")
    assert _say(FAMILY, full, "K6") == (
        "Không có thành viên nào bị xử phạt hành chính về trật tự công cộng, đánh bạc, tệ nạn xã hội, "
        "phòng cháy chữa cháy hoặc bạo lực gia đình"
    )
    assert "thỏa điều kiện" not in full.explain("vi")  # was "0/4 thành viên thỏa điều kiện"
    failed = next(_example(i) for i in EXAMPLES if _example(i).criterion("K4").verdict == "fail")
    assert _say(FAMILY, failed, "K4") == (
        "Có 1 thành viên chưa hoàn thành nghĩa vụ quân sự hoặc nghĩa vụ thuế nên hộ không được xét"
    )


def test_counts_say_how_many_things_not_a_figure_and_a_relation() -> None:
    full = _example("full-marks")
    assert _say(FAMILY, full, "A1") == "Không có vụ bạo lực gia đình được ghi nhận trong năm"
    assert (
        _say(FAMILY, full, "E4")
        == "Có 2 thành viên từ 14 tuổi trở lên có tài khoản định danh điện tử VNeID mức độ 2"
    )
    assert (
        _say(FAMILY, full, "D1")
        == "Số trẻ trong độ tuổi đang đi học bằng số trẻ trong độ tuổi đi học (2 người)"
    )
    text = full.explain("vi")
    for bad in ("trong năm 0, bằng 0", "mức độ 2 2 người", "không thấp hơn 1 người", "không thấp hơn Số trẻ"):
        assert bad not in text, bad


def test_listed_codes_and_enum_values_are_said_by_their_label() -> None:
    cheap = next(_example(i) for i in EXAMPLES if _example(i).criterion("B1").points == 5)
    assert _say(FAMILY, cheap, "B1") == "Mức sống: cận nghèo; mức trên: trung bình (8 điểm)"
    assert "0 nghèo, 1 cận nghèo" not in cheap.explain("vi")


def test_the_commune_reads_its_targets_as_the_plan_words_them(commune_text: str) -> None:
    assert "Tỷ lệ hài lòng của người bệnh 88,9%, chưa đạt chỉ tiêu trên 91%" in commune_text
    assert "Xếp loại chất lượng tổ chức đảng, chính quyền xã: Hoàn thành tốt nhiệm vụ" in commune_text
    assert "Tỷ lệ che phủ rừng tăng từ 50,6% lên 51,6%" in commune_text
    assert 'Tỷ lệ hộ đạt "Gia đình hạnh phúc" 69,0%, chưa đạt chỉ tiêu từ 75% trở lên' in commune_text
    for bad in ("không cao hơn 91%", "khác Không hoàn thành nhiệm vụ", "69%,", "Đối tượng", "57,88%"):
        assert bad not in commune_text, bad
    assert "Xã C001 — Xã, phường hạnh phúc" in commune_text
    assert "ngày áp dụng 01/12/2026" in commune_text


def test_a_bands_condition_in_the_gap_is_a_requirement_not_a_formula() -> None:
    text = _example("full-marks").explain("vi")
    assert (
        'và cần: Số năm liên tiếp ngay trước năm đánh giá đạt "Gia đình hạnh phúc" từ 3 năm trở lên' in text
    )
    assert "≥" not in text and "cần thỏa điều kiện" not in text


def test_money_has_its_unit_and_a_percentage_one_precision() -> None:
    words = plan_words(FAMILY, "vi")
    assert words.names.show("income_per_capita", 1_500_000) == "1.500.000 đồng/tháng"
    village = plan_words(_plan("happy-village"), "vi")
    assert village.names.show("pct_hh_gdvh", 72.727) == "72,7%"
    assert village.names.show("pct_hh_gdvh", 69) == "69,0%"


def test_a_criterions_own_message_still_wins() -> None:
    refused = _example("mandatory-K1-not-registered")
    assert _say(FAMILY, refused, "K1") == 'Hộ chưa đăng ký xây dựng "Gia đình hạnh phúc" đầu năm.'


def test_show_reads_rules_status_and_basis_in_words() -> None:
    done = run("show", SET)
    assert done.code == 0
    assert "đang áp dụng · Hiệu lực 01/07/2026 – 31/12/2026" in done.out
    assert "(văn bản pháp luật)" in done.out and "(đề xuất)" in done.out
    assert "Quy tắc: Loại nhà ở: Kiên cố hoặc Bán kiên cố" in done.out
    assert "Chỉ áp dụng khi: Có thành viên từ 60 tuổi trở lên" in done.out
    for bad in ("(active)", "(law)", "(plan)", "(proposal)", "not any(", "2026-07-01", "→"):
        assert bad not in done.out, bad


def test_json_results_carry_the_sentences_and_the_summary_line() -> None:
    done = evaluate("--format", "jsonl", "--lang", "vi")
    lines = [json.loads(line) for line in done.out.splitlines()]
    h02 = next(line for line in lines if line.get("id") == "H02")
    assert h02["text"] == "Kết quả: CHƯA ĐẠT · 82/100 điểm (82,0%) · Xếp loại: Chưa đạt"
    b2 = next(c for c in h02["criteria"] if c["id"] == "B2")
    assert list(b2)[list(b2).index("reason") + 1] == "text"  # next to the reason code
    assert b2["text"] == "Loại nhà ở: Thiếu kiên cố hoặc đơn sơ (cần: Kiên cố hoặc Bán kiên cố)"
    assert (
        lines[-1]["summary"]["text"]
        == "Tổng cộng 8 hộ: 4 đạt, 2 chưa đạt, 1 chưa xác định, 1 dữ liệu không hợp lệ"
    )
    document = json.loads(evaluate("--format", "json", "--lang", "en").out)
    first = document["results"][0]
    assert first["text"].startswith("Result: PASSED") and document["summary"]["text"].startswith(
        "8 households"
    )
    verdicts = json.loads(evaluate("--format", "jsonl", "--detail", "verdicts").out.splitlines()[0])
    assert verdicts["text"] == "Kết quả: ĐẠT · 100/100 điểm (100,0%) · Xếp loại: Gia đình hạnh phúc"
    assert "criteria" not in verdicts  # compact: verdicts by criterion, no reasons, no sentences


def test_excel_carries_the_sentences(tmp_path: Path) -> None:
    from openpyxl import load_workbook  # type: ignore[import-untyped,unused-ignore]

    target = tmp_path / "ket-qua.xlsx"
    assert evaluate("--detail", "full", "-o", target).code == 0
    rows = list(load_workbook(target).worksheets[0].iter_rows(values_only=True))
    head = list(rows[0])
    h02 = next(row for row in rows if row[1] == "H02")
    assert h02[head.index("Kết luận")] == "Kết quả: CHƯA ĐẠT · 82/100 điểm (82,0%) · Xếp loại: Chưa đạt"
    assert h02[head.index("D3 · giải thích")] == (
        "Chưa giữ gìn tiếng nói, trang phục, lễ hội truyền thống của dân tộc"
    )
    assert h02[head.index("Tỷ lệ điểm (%)")] == 82.0  # Excel keeps numbers as numbers


def test_csv_writes_numbers_and_sentences_in_the_language() -> None:
    golden = (GOLDEN / "evaluate.csv").read_text(encoding="utf-8")
    assert '"82,0"' in golden and "82.0" not in golden
    full = evaluate("--format", "csv", "--detail", "full").out
    head = full.splitlines()[0].split(",")
    assert "Kết luận" in head and "B2 · giải thích" in head
    assert "Loại nhà ở: Thiếu kiên cố hoặc đơn sơ (cần: Kiên cố hoặc Bán kiên cố)" in full


def test_keep_carries_columns_into_rows_and_outputs() -> None:
    rows = list(read_records(CASES / "households.csv", FAMILY, keep=["Chủ hộ"]))
    assert rows[0].kept == {"Chủ hộ": "Giàng A Sử"}
    done = evaluate("--format", "jsonl", "--keep", "Chủ hộ", "--keep", "Khu vực")
    first = json.loads(done.out.splitlines()[0])
    assert first["kept"] == {"Chủ hộ": "Giàng A Sử", "Khu vực": "Nông thôn"}
    assert first["status"] == "passed"  # a kept input is still read as an input
    table = evaluate("--format", "csv", "--keep", "Chủ hộ").out.splitlines()
    assert table[0].startswith("Dòng,Mã,Chủ hộ,") and table[1].startswith("2,H01,Giàng A Sử,")
    missing = evaluate("--format", "jsonl", "--keep", "Họ tên")
    assert "cảnh báo[data-no-keep-column]: không có cột 'Họ tên' để giữ lại; để trống" in missing.err


def test_the_examples_check_their_vietnamese_sentences(tmp_path: Path) -> None:
    folder = tmp_path / "happy-family"
    folder.mkdir()
    source = ROOT / "criteria_sets" / "happy-family"
    (folder / "2026.2.yaml").write_text(
        (source / "2026.2.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    text = (source / "2026.2.examples.yaml").read_text(encoding="utf-8")
    wrong = text.replace("    B2: 'Loại nhà ở: Kiên cố'", "    B2: 'Loại nhà ở: kiên cố'", 1)
    assert wrong != text
    (folder / "2026.2.examples.yaml").write_text(wrong, encoding="utf-8")
    done = run("test", "happy-family@2026.2", "--sets", tmp_path)
    assert done.code == 1
    assert "lời giải thích B2: mong đợi 'Loại nhà ở: kiên cố', thực tế 'Loại nhà ở: Kiên cố'" in done.out
    assert run("test", "happy-family").code == 0


def test_every_happy_family_example_lists_the_sentence_of_each_criterion() -> None:
    for ref in ("happy-family@2026.1", "happy-family@2026.2", "happy-family@2027.1"):
        revision = REGISTRY.get(ref)
        ids = {c.id for c in revision.model.criteria()}
        for example in load_examples(examples_file(revision)):  # type: ignore[arg-type]
            if example.expect.get("status") == "invalid":
                continue
            assert example.explain is not None and set(example.explain) == ids, (ref, example.id)
