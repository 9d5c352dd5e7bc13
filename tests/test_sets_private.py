"""Personal and sensitive inputs of the shipped sets are marked `private`.

Decree 13/2023/NĐ-CP on personal data: a household's income, the sanctions and prosecutions of
its members, drug use, domestic violence and the health of its children must never appear on a
list posted for the village's comments. The sets say which inputs those are (`private: true`);
this test reads every input of a household and every member field by its Vietnamese label, so
an input added later with such a label and without the mark fails here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from criteria_engine import CriteriaSet, load_registry

REVISIONS = load_registry().revisions()

SENSITIVE = re.compile(
    r"truy cứu|xử phạt|bị kỷ luật|ma túy|thu nhập|bạo lực|thiếu hụt|nghèo|suy dinh dưỡng|tiêm chủng"
    r"|khuyết tật|sức khỏe|tảo hôn|nghĩa vụ quân sự|vi phạm|phụng dưỡng|bỏ rơi|tự đánh giá",
    re.I,
)


def _personal_inputs(model: CriteriaSet) -> Iterator[tuple[str, bool, str]]:
    """(name, private, Vietnamese label) of the inputs that describe a person or a household:
    every input of a household set, every field of a list of persons, and, in any set, an input
    about a disciplined person (a teacher)."""
    for name, spec in model.inputs.items():
        if model.subject == "household" or "kỷ luật" in spec.label["vi"]:
            yield name, spec.private, spec.label["vi"]
        for field, item in (spec.items or {}).items():
            yield f"{name}.{field}", item.private, item.label["vi"]


@pytest.mark.parametrize("revision", REVISIONS, ids=lambda r: r.ref)
def test_sensitive_inputs_are_private(revision) -> None:  # type: ignore[no-untyped-def]
    unmarked = [
        name
        for name, private, label in _personal_inputs(revision.model)
        if SENSITIVE.search(label) and not private
    ]
    assert unmarked == []


def test_the_household_sets_mark_the_exclusions_income_and_health() -> None:
    for revision in load_registry().revisions("happy-family"):
        inputs = revision.model.inputs
        persons = inputs["persons"].items or {}
        assert all(item.private for key, item in persons.items() if key != "full_name"), revision.ref
        for name in ("income_per_capita", "deprivations", "dv_incidents", "child_marriage", "child_stunted"):
            assert inputs[name].private, (revision.ref, name)
        assert not inputs["area"].private and not inputs["registered"].private


def test_the_label_check_is_not_vacuous() -> None:
    assert SENSITIVE.search("Đang bị truy cứu trách nhiệm hình sự")
    assert SENSITIVE.search("Thu nhập bình quân đầu người (đồng/tháng)")
    assert not SENSITIVE.search("Khu vực")
