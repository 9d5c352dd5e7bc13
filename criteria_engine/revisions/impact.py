"""The impact of a new revision on real data: whose status or rating changes, and why.

:func:`impact` evaluates every record under both plans on the fast path
(``Plan.evaluate(detail=False)``), one record at a time, and keeps only what differs: the
candidates whose status or rating changes (with the criteria whose verdict or points changed)
and the counts of every move. Pure: the records come in as an iterable.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..evaluators.plan import Plan
from ..evaluators.records import RecordChecker
from ..format.models import Text
from ..results import Result, Status
from ..rules import compile_expression


@dataclass(frozen=True)
class CriterionDelta:
    """One criterion whose verdict or points differ (None: the criterion is not in that revision)."""

    id: str
    verdict_a: str | None
    verdict_b: str | None
    points_a: float | None
    points_b: float | None

    @property
    def verdict_changed(self) -> bool:
        """Whether the verdict itself changed (not only the points)."""
        return self.verdict_a != self.verdict_b

    def to_dict(self) -> dict[str, object]:
        """Plain data with stable keys."""
        return {
            "id": self.id,
            "verdict_a": self.verdict_a,
            "verdict_b": self.verdict_b,
            "points_a": self.points_a,
            "points_b": self.points_b,
        }


@dataclass(frozen=True)
class CandidateChange:
    """A candidate whose outcome differs between the two revisions."""

    id: str
    status_a: str
    status_b: str
    rating_a: str | None
    rating_b: str | None
    score_a: float | None
    score_b: float | None
    criteria: tuple[CriterionDelta, ...] = ()
    pass_min_a: float | None = None
    """The points needed to pass under a (when the set's pass rule is a minimum score)."""
    pass_min_b: float | None = None
    errors_a: tuple[str, ...] = ()
    """The fields that make the record invalid under a."""
    errors_b: tuple[str, ...] = ()

    @property
    def status_changed(self) -> bool:
        """Whether the status (passed, failed...) changed."""
        return self.status_a != self.status_b

    @property
    def rating_changed(self) -> bool:
        """Whether the rating band changed."""
        return self.rating_a != self.rating_b

    def to_dict(self) -> dict[str, object]:
        """Plain data with stable keys."""
        return {
            "id": self.id,
            "status": [self.status_a, self.status_b],
            "rating": [self.rating_a, self.rating_b],
            "score": [self.score_a, self.score_b],
            "criteria": [c.to_dict() for c in self.criteria],
            "pass_min": [self.pass_min_a, self.pass_min_b],
            "errors": [list(self.errors_a), list(self.errors_b)],
        }


@dataclass
class ImpactReport:
    """Counts of every move between the revisions and the candidates whose outcome changes."""

    ref_a: str
    ref_b: str
    subject: str
    rating_labels: dict[str, Text] = field(default_factory=dict)
    total: int = 0
    statuses: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(status under a, status under b) -> how many candidates, unchanged ones included."""
    ratings: Counter[tuple[str | None, str | None]] = field(default_factory=Counter)
    criteria: dict[str, Counter[tuple[str | None, str | None]]] = field(default_factory=dict)
    """Criterion id -> (verdict under a, under b) -> how many candidates, changed verdicts only."""
    points_only: Counter[str] = field(default_factory=Counter)
    """Criterion id -> how many candidates earn other points with the same verdict."""
    changed_total: int = 0
    """Candidates whose status or rating changed (``changed`` may keep fewer)."""
    score_only: int = 0
    """Candidates whose score changed but whose status and rating did not."""
    changed: list[CandidateChange] = field(default_factory=list)
    """Candidates whose status or rating changed, in data order."""

    @property
    def version_a(self) -> str:
        """The version of the first revision."""
        return self.ref_a.partition("@")[2] or self.ref_a

    @property
    def version_b(self) -> str:
        """The version of the second revision."""
        return self.ref_b.partition("@")[2] or self.ref_b

    def moved(self, status_a: str, status_b: str) -> int:
        """How many candidates have ``status_a`` under a and ``status_b`` under b."""
        return self.statuses.get((status_a, status_b), 0)

    @property
    def unchanged(self) -> int:
        """Candidates with the same status, rating and score under both."""
        return self.total - self.changed_total - self.score_only

    def to_dict(self) -> dict[str, object]:
        """Plain data with stable keys."""
        return {
            "a": self.ref_a,
            "b": self.ref_b,
            "subject": self.subject,
            "total": self.total,
            "changed": self.changed_total,
            "score_only": self.score_only,
            "unchanged": self.unchanged,
            "statuses": [{"a": a, "b": b, "count": n} for (a, b), n in sorted(self.statuses.items())],
            "ratings": [
                {"a": a, "b": b, "count": n}
                for (a, b), n in sorted(self.ratings.items(), key=lambda i: (str(i[0][0]), str(i[0][1])))
                if a != b
            ],
            "criteria": {
                cid: [{"a": a, "b": b, "count": n} for (a, b), n in sorted(moves.items(), key=str)]
                for cid, moves in self.criteria.items()
            },
            "points_only": dict(self.points_only),
            "candidates": [c.to_dict() for c in self.changed],
        }


Pairs = tuple[tuple[str, int | None, int | None], ...]
"""Each criterion of either plan: its id and its position in each plan's results (None: absent)."""


def _pairs(plan_a: Plan, plan_b: Plan) -> Pairs:
    a = {c.id: i for i, c in enumerate(plan_a.criteria)}
    b = {c.id: i for i, c in enumerate(plan_b.criteria)}
    return tuple((cid, a.get(cid), b.get(cid)) for cid in dict.fromkeys([*b, *a]))


def _deltas(ra: Result, rb: Result, pairs: Pairs) -> tuple[CriterionDelta, ...]:
    """The criteria whose verdict or points differ (results are in their plan's criteria order)."""
    ca, cb = ra.criteria, rb.criteria
    out: list[CriterionDelta] = []
    for cid, ia, ib in pairs:
        x = ca[ia] if ia is not None else None
        y = cb[ib] if ib is not None else None
        if x is not None and y is not None and x.verdict == y.verdict and x.points == y.points:
            continue
        va, vb = (x.verdict if x else None), (y.verdict if y else None)
        out.append(CriterionDelta(cid, va, vb, x.points if x else None, y.points if y else None))
    return tuple(out)


def _pass_min(plan: Plan, checker: RecordChecker, record: Mapping[str, object]) -> float | None:
    """The points needed to pass for this record, when the pass rule is a minimum score."""
    rule = plan.model.decision.pass_.min_score
    if rule is None or isinstance(rule, int | float):
        return None if rule is None else float(rule)
    clean, problems = checker.check(record)
    expression = plan.expressions().get(("decision", "pass", "min_score"))
    if problems or expression is None:
        return None
    try:
        value = compile_expression(expression)(plan.env(clean))
    except Exception:  # the pass threshold is an aid to the reader, never a reason to stop
        return None
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _changed(
    plan_a: Plan,
    plan_b: Plan,
    checkers: tuple[RecordChecker, RecordChecker],
    record: Mapping[str, object],
    ra: Result,
    rb: Result,
    deltas: tuple[CriterionDelta, ...],
) -> CandidateChange:
    pass_a = _pass_min(plan_a, checkers[0], record) if ra.status != Status.INVALID else None
    pass_b = _pass_min(plan_b, checkers[1], record) if rb.status != Status.INVALID else None
    return CandidateChange(
        ra.id,
        ra.status,
        rb.status,
        ra.rating,
        rb.rating,
        ra.score,
        rb.score,
        deltas,
        pass_a,
        pass_b,
        tuple(e.field for e in ra.errors),
        tuple(e.field for e in rb.errors),
    )


def impact(
    plan_a: Plan,
    plan_b: Plan,
    records: Iterable[Mapping[str, object]],
    *,
    id_field: str = "id",
    keep: int | None = None,
) -> ImpactReport:
    """Evaluate ``records`` under both plans and report what changes.

    ``keep`` caps how many changed candidates are kept (None: all); the counts are always
    complete.
    """
    labels = {r.id: dict(r.label) for r in plan_a.model.decision.ratings}
    labels.update({r.id: dict(r.label) for r in plan_b.model.decision.ratings})
    report = ImpactReport(plan_a.revision.ref, plan_b.revision.ref, plan_b.model.subject, labels)
    pairs = _pairs(plan_a, plan_b)
    checkers = (RecordChecker(plan_a.model.inputs), RecordChecker(plan_b.model.inputs))
    for record in records:
        ra = plan_a.evaluate(record, detail=False, id_field=id_field)
        rb = plan_b.evaluate(record, detail=False, id_field=id_field)
        report.total += 1
        report.statuses[(ra.status, rb.status)] += 1
        report.ratings[(ra.rating, rb.rating)] += 1
        valid = ra.status != Status.INVALID and rb.status != Status.INVALID
        deltas = _deltas(ra, rb, pairs) if valid else ()
        for delta in deltas:
            if delta.verdict_changed:
                report.criteria.setdefault(delta.id, Counter())[(delta.verdict_a, delta.verdict_b)] += 1
            else:
                report.points_only[delta.id] += 1
        if ra.status != rb.status or ra.rating != rb.rating:
            report.changed_total += 1
            if keep is None or len(report.changed) < keep:
                report.changed.append(_changed(plan_a, plan_b, checkers, record, ra, rb, deltas))
        elif ra.score != rb.score:
            report.score_only += 1
    return report


__all__ = ["CandidateChange", "CriterionDelta", "ImpactReport", "impact"]
