"""The decision: status from the best and worst cases, the rating band, and the gap.

Pure functions over one candidate's tallies. The status is decided by two cases: the best
(every unknown criterion passes with its full points) and the worst (every unknown criterion
fails). Both pass: ``passed``; both fail: ``failed``; else ``undetermined``. A failed veto,
or a failed mandatory criterion when the pass rule wants all of them, fails the candidate
whatever its score. The generated record function computes the tallies inline;
:func:`tally` computes the same from verdicts and points (for the reference evaluator).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..results import Gap, Status, Verdict


@dataclass(frozen=True, slots=True)
class CriterionFacts:
    """What the decision needs to know of a criterion (fixed at compile time)."""

    id: str
    max_points: float
    mandatory: bool
    veto: bool


@dataclass(frozen=True, slots=True)
class BandRule:
    """A rating band, compiled: its id, whether it has a mark or a condition, whether it needs a pass."""

    id: str
    has_min: bool
    has_when: bool
    requires_pass: bool


@dataclass(frozen=True, slots=True)
class Tally:
    """Score, applicable maximum, points unknown criteria could add, and the gates."""

    score: float
    top: float
    loose: float
    gate_fail: bool
    gate_unknown: bool


def tally(
    facts: Sequence[CriterionFacts], verdicts: Sequence[Verdict], points: Sequence[float], all_mandatory: bool
) -> Tally:
    """The tallies of one candidate, computed plainly from its verdicts and points."""
    score = top = loose = 0.0
    gate_fail = gate_unknown = False
    for fact, verdict, earned in zip(facts, verdicts, points, strict=True):
        if verdict == Verdict.NOT_APPLICABLE:
            continue
        top += fact.max_points
        score += earned
        gate = fact.veto or (fact.mandatory and all_mandatory)
        if verdict == Verdict.FAIL:
            gate_fail = gate_fail or gate
        elif verdict == Verdict.UNKNOWN:
            loose += fact.max_points - earned
            gate_unknown = gate_unknown or gate
    return Tally(score, top, loose, gate_fail, gate_unknown)


def _case_passes(
    score: float, top: float, blocked: bool, mark: float | None, percent: float | None
) -> bool | None:
    """Whether a case passes; None when the pass mark itself is unknown."""
    if blocked:
        return False
    if percent is not None and (top <= 0 or 100.0 * score / top < percent):
        return False
    if mark is None:
        return None
    return score >= mark


def status_of(t: Tally, mark: float | None, percent: float | None) -> Status:
    """passed / failed / undetermined from the worst and best cases (``mark`` None: unknown mark)."""
    worst = _case_passes(t.score, t.top, t.gate_fail or t.gate_unknown, mark, percent)
    if worst:
        return Status.PASSED
    best = _case_passes(t.score + t.loose, t.top, t.gate_fail, mark, percent)
    return Status.FAILED if best is False else Status.UNDETERMINED


def rating_of(
    status: Status,
    score: float,
    bands: Sequence[BandRule],
    band_mins: Sequence[float | None],
    band_whens: Sequence[bool | None],
) -> tuple[str | None, int]:
    """The highest band whose conditions hold, and its index (``len(bands)`` when none)."""
    for index, (band, mark, when) in enumerate(zip(bands, band_mins, band_whens, strict=True)):
        if band.requires_pass and status != Status.PASSED:
            continue
        if band.has_min and (mark is None or score < mark):
            continue
        if band.has_when and when is not True:
            continue
        return band.id, index
    return None, len(bands)


_NA, _PASS = Verdict.NOT_APPLICABLE, Verdict.PASS


def _by_gain(item: tuple[float, str]) -> float:
    return -item[0]


def gap_of(
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
        if verdict == _NA or (verdict == _PASS and earned >= fact.max_points):
            continue
        gain = fact.max_points - earned
        if (fact.veto or (fact.mandatory and all_mandatory)) and verdict != _PASS:
            must.append(fact.id)
            needed -= gain
            continue
        if gain > 0:
            open_items.append((gain, fact.id))
    suggest: list[str] = []
    # Largest gains first gives the fewest criteria; ties keep file order (sorted is stable).
    for gain, criterion_id in sorted(open_items, key=_by_gain):
        if needed <= 1e-9:
            break
        suggest.append(criterion_id)
        needed -= gain
    # The band's mark may be an expression that is unknown for this candidate: say so (None).
    # Rounded: points are decimals people wrote (4.3), not binary fractions (4.2999999).
    points_needed = None if target.has_min and mark is None else round(max(0.0, (mark or 0.0) - score), 6)
    return Gap(
        to=target.id,
        points_needed=points_needed,
        must_pass=tuple(must),
        suggest=tuple(suggest),
        condition=target.has_when,
    )


__all__ = ["BandRule", "CriterionFacts", "Tally", "gap_of", "rating_of", "status_of", "tally"]
