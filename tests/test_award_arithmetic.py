"""Quorum, approval and quota arithmetic at their exact boundaries (> vs ≥, exactly 50 % and
60 %), compared with a brute force; and the sentences officials read."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from criteria_engine.award import (
    Meeting,
    ShareCheck,
    Vote,
    approval_check,
    meets,
    minimum,
    quorum_check,
    quota_size,
)
from criteria_engine.award.arithmetic import shown_share

from .award_support import OPENED, procedure, share


@pytest.mark.parametrize(
    ("part", "whole", "percent", "compare", "expected"),
    [
        (30, 60, 50, "above", False),  # exactly half is not above half
        (30, 60, 50, "at_least", True),
        (31, 60, 50, "above", True),
        (36, 60, 60, "at_least", True),  # exactly 60 %
        (36, 60, 60, "above", False),
        (35, 60, 60, "at_least", False),
        (18, 30, 60, "at_least", True),
        (17, 30, 60, "at_least", False),
        (0, 0, 50, "at_least", False),  # nobody invited: never a quorum
        (667, 1000, 66.7, "at_least", True),  # 66.7 is the decimal written, not a float near it
        (666, 1000, 66.7, "at_least", False),
        (60, 60, 100, "at_least", True),
        (60, 60, 100, "above", False),
    ],
)
def test_shares_at_their_boundaries(
    part: int, whole: int, percent: float, compare: str, expected: bool
) -> None:
    assert meets(part, whole, percent, compare) is expected  # type: ignore[arg-type]


PERCENTS = st.sampled_from([50, 60, 66.7, 75, 15, 33.3, 100, 12.5, 0.1])


@given(whole=st.integers(0, 400), percent=PERCENTS, compare=st.sampled_from(["above", "at_least"]))
def test_minimum_is_the_least_count_that_meets_the_share(whole: int, percent: float, compare: str) -> None:
    brute = next((k for k in range(whole + 1) if meets(k, whole, percent, compare)), None)  # type: ignore[arg-type]
    found = minimum(whole, percent, compare)  # type: ignore[arg-type]
    if brute is None:
        assert found > whole  # unreachable: more than everyone
    else:
        assert found == brute


@given(base=st.integers(0, 500), percent=PERCENTS)
def test_quota_is_the_largest_count_within_the_share(base: int, percent: float) -> None:
    expected = max(k for k in range(base + 1) if Fraction(k * 100) <= Fraction(str(percent)) * base)
    assert quota_size(base, percent) == expected


@pytest.mark.parametrize(("base", "size"), [(20, 3), (19, 2), (33, 4), (40, 6), (6, 0), (7, 1), (100, 15)])
def test_fifteen_percent_quota(base: int, size: int) -> None:
    assert quota_size(base, 15) == size


def test_the_issue_s_sentence() -> None:
    meeting = Meeting(OPENED, 60, 38, {})
    check = quorum_check(procedure(), meeting)
    assert check.met and check.needed == 31
    assert check.sentence("vi") == (
        "38/60 đại diện hộ dự họp (63,3%), đạt số lượng tối thiểu: trên 50% số được mời (ít nhất 31)."
    )
    assert check.sentence("en") == (
        "38/60 household representatives present (63.3%): quorum reached, more than 50% of those invited (at least 31)."
    )


def test_a_failed_quorum_says_so() -> None:
    check = quorum_check(procedure(), Meeting(OPENED, 60, 30, {}))
    assert not check.met
    assert check.sentence("vi") == (
        "30/60 đại diện hộ dự họp (50,0%), chưa đạt số lượng tối thiểu: trên 50% số được mời (ít nhất 31)."
    )


def test_approval_of_those_present_or_of_everyone_invited() -> None:
    meeting = Meeting(OPENED, 9, 5, {"V1": Vote(4, 1)})
    of_present = approval_check(procedure(approval=share(50, "above", "present")), meeting, Vote(4, 1))
    of_invited = approval_check(procedure(approval=share(50, "above", "invited")), meeting, Vote(4, 1))
    assert of_present.met and of_present.whole == 5
    assert not of_invited.met and of_invited.whole == 9 and of_invited.needed == 5
    assert (
        of_invited.sentence("vi") == "4/9 đồng ý (44,4%), chưa đạt tỷ lệ: trên 50% số được mời (ít nhất 5)."
    )


def test_a_share_just_above_the_threshold_never_reads_as_equal_to_it() -> None:
    assert shown_share(1001, 2000, 50, "vi") == "50,05%"  # 50,0% would read as "not above 50%"
    assert shown_share(1000, 2000, 50, "vi") == "50,0%"
    assert shown_share(38, 60, 50, "en") == "63.3%"


def test_rule_words() -> None:
    at_least = ShareCheck("approval", 0, 1, share(60, "at_least", "present"), "voters")
    assert at_least.rule("vi") == "từ 60% số người dự họp trở lên"
    assert at_least.rule("en") == "at least 60% of those present"
    odd = ShareCheck("quorum", 0, 1, share(66.7, "above"), "voters")
    assert odd.rule("vi") == "trên 66,7% số được mời"


@given(st.one_of(st.integers(-10**9, 10**9), st.floats(-1e9, 1e9, allow_nan=False)), st.sampled_from(["vi", "en"]),
       st.sampled_from([None, 0, 1, 2]))  # fmt: skip
def test_the_round_writes_numbers_as_the_explanations_do(value: float, lang: str, digits: int | None) -> None:
    from criteria_engine.award.messages import count, percent
    from criteria_engine.explain.i18n import format_number, format_percent

    assert count(value, lang, digits) == format_number(value, lang, digits)
    assert percent(value, lang, digits or 0) == format_percent(value, lang, digits or 0)
