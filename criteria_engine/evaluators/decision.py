"""The decision: status from the best and worst cases, the rating band, and the gap.

Pure functions over one candidate's verdicts and points. The status is decided by two
cases: the best (every unknown criterion passes with its full points) and the worst (every
unknown criterion fails). Both pass: ``passed``; both fail: ``failed``; else ``undetermined``.
A failed veto, or a failed mandatory criterion when the pass rule wants all of them, fails
the candidate whatever its score.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..results import FAIL, NOT_APPLICABLE, PASS, UNKNOWN, Gap, Status, Verdict


@dataclass(frozen=True, slots=True)
class CriterionFacts:
    """What the decision needs to know of a criterion (fixed at compile time)."""

    id: str
    max_points: float
    mandatory: bool
    veto: bool


@dataclass(frozen=True, slots=True)
class BandRule:
    """A rating band, compiled: its id, its mark (None: no mark) and whether it needs a pass."""

    id: str
    has_min: bool
    has_when: bool
    requires_pass: bool


@dataclass(frozen=True, slots=True)
class Outcome:
    """The decision for one candidate."""

    status: Status
    score: float
    max_score: float
    rating: str | None
    gap: Gap | None


def _case_passes(
    score: float,
    max_score: float,
    blocked: bool,
    pass_min: float | None,
    pass_percent: float | None,
) -> bool | None:
    """Whether a case passes; None when the pass mark itself is unknown."""
    if blocked:
        return False
    if pass_percent is not None and (max_score <= 0 or 100.0 * score / max_score < pass_percent):
        return False
    if pass_min is None:
        return None
    return score >= pass_min


def decide(
    facts: Sequence[CriterionFacts],
    verdicts: Sequence[Verdict],
    points: Sequence[float],
    *,
    all_mandatory: bool,
    pass_min: float | None,
    pass_min_known: bool,
    pass_percent: float | None,
    bands: Sequence[BandRule],
    band_mins: Sequence[float | None],
    band_whens: Sequence[bool | None],
) -> Outcome:
    """Status, score, rating and gap from verdicts and points (see the module docstring)."""
    score = 0.0
    max_score = 0.0
    unknown_points = 0.0
    hard_fail = False
    hard_unknown = False
    for fact, verdict, earned in zip(facts, verdicts, points, strict=True):
        if verdict == NOT_APPLICABLE:
            continue
        max_score += fact.max_points
        score += earned
        gate = fact.veto or (fact.mandatory and all_mandatory)
        if verdict == FAIL:
            hard_fail = hard_fail or gate
        elif verdict == UNKNOWN:
            unknown_points += fact.max_points - earned
            hard_unknown = hard_unknown or gate
    threshold = pass_min if pass_min_known else None
    if not pass_min_known and pass_min is None and pass_percent is None:
        threshold = 0.0  # no mark at all: only gates and vetoes decide
    worst = _case_passes(score, max_score, hard_fail or hard_unknown, threshold, pass_percent)
    best = _case_passes(score + unknown_points, max_score, hard_fail, threshold, pass_percent)
    status: Status
    if worst:
        status = "passed"
    elif best is False:
        status = "failed"
    else:
        status = "undetermined"
    rating, index = _rating(status, score, bands, band_mins, band_whens)
    gap = _gap(facts, verdicts, points, score, bands, band_mins, index, all_mandatory)
    # An undetermined candidate has no rating yet: the missing data decides it.
    return Outcome(status, score, max_score, None if status == "undetermined" else rating, gap)


def _rating(
    status: Status,
    score: float,
    bands: Sequence[BandRule],
    band_mins: Sequence[float | None],
    band_whens: Sequence[bool | None],
) -> tuple[str | None, int]:
    for index, (band, mark, when) in enumerate(zip(bands, band_mins, band_whens, strict=True)):
        if band.requires_pass and status != "passed":
            continue
        if band.has_min and (mark is None or score < mark):
            continue
        if band.has_when and when is not True:
            continue
        return band.id, index
    return None, len(bands)


def _gap(
    facts: Sequence[CriterionFacts],
    verdicts: Sequence[Verdict],
    points: Sequence[float],
    score: float,
    bands: Sequence[BandRule],
    band_mins: Sequence[float | None],
    index: int,
    all_mandatory: bool,
) -> Gap | None:
    """The next band up: points still needed, gates to clear, the fewest criteria to get there."""
    if index == 0 or not bands:
        return None
    target = bands[index - 1]
    mark = band_mins[index - 1] if target.has_min else None
    needed = max(0.0, (mark or 0.0) - score)
    must: list[str] = []
    open_items: list[tuple[float, str]] = []
    for fact, verdict, earned in zip(facts, verdicts, points, strict=True):
        if verdict == NOT_APPLICABLE or verdict == PASS and earned >= fact.max_points:
            continue
        gain = fact.max_points - earned
        if (fact.veto or (fact.mandatory and all_mandatory)) and verdict != PASS:
            must.append(fact.id)
            needed -= gain
            continue
        if gain > 0:
            open_items.append((gain, fact.id))
    suggest: list[str] = []
    # Largest gains first gives the fewest criteria; ties keep file order (sorted is stable).
    for gain, criterion_id in sorted(open_items, key=lambda item: -item[0]):
        if needed <= 1e-9:
            break
        suggest.append(criterion_id)
        needed -= gain
    points_needed = max(0.0, (mark or 0.0) - score)
    return Gap(to=target.id, points_needed=points_needed, must_pass=tuple(must), suggest=tuple(suggest))


__all__ = ["BandRule", "CriterionFacts", "Outcome", "decide"]
