"""What every output carries: the evaluated items, the summary counts, and ranking for contests."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..award.ranking import STATUS_ORDER, contest_key, contest_order, ranked
from ..errors import Diagnostic
from ..explain.catalogue import subject_words
from ..explain.i18n import format_number, pick
from ..explain.labels import word
from ..results import Provenance, Result, Status, Verdict

STATUSES = (Status.PASSED, Status.FAILED, Status.UNDETERMINED, Status.INVALID)
_FAIL, _UNKNOWN = Verdict.FAIL, Verdict.UNKNOWN


@dataclass(frozen=True, slots=True)
class Item:
    """One evaluated input row: its row number in the file, its result, its group and rank."""

    row: int
    result: Result
    group: str | None = None
    rank: int | None = None


@dataclass(frozen=True)
class Block:
    """Items already written as text by another process (``--jobs``): the text (see
    :func:`~.writers.text_block`) in UTF-8 — bytes cross a pipe and reach the file without
    being decoded and encoded again —, the summary of those items and how many there are."""

    text: bytes
    summary: Summary
    count: int


@dataclass
class Summary:
    """Counts by status, by group, and how often each criterion failed or was unknown."""

    group_field: str | None = None
    subject: str = ""
    """What the candidates are (``household``): the summary line counts them by name."""
    counts: Counter[str] = field(default_factory=Counter)
    failing: Counter[str] = field(default_factory=Counter)
    unknown: Counter[str] = field(default_factory=Counter)
    groups: dict[str, Counter[str]] = field(default_factory=dict)
    notes: list[Diagnostic] = field(default_factory=list)
    """Problems of the data file itself (rows skipped, columns not read), known at the end of a
    run and given to the writers with the counts (the data-quality list shows them)."""
    rank_keys: tuple[str, ...] = ()
    """The contest's keys after the status, when the items were ranked."""
    rank_rule: str = ""
    """The ranking rule in words (in the output's language), when the items were ranked."""
    provenance: Provenance | None = None
    """The set (and as-of date) of the first result counted: what produced the results."""

    def add(self, item: Item) -> None:
        """Count one item."""
        result = item.result
        self.counts[result.status] += 1
        if self.provenance is None:
            self.provenance = result.provenance
        failing, unknown = self.failing, self.unknown
        for criterion in result.criteria:
            verdict = criterion.verdict
            if verdict is _FAIL or (verdict.__class__ is not Verdict and verdict == _FAIL):
                failing[criterion.id] += 1
            elif verdict is _UNKNOWN or (verdict.__class__ is not Verdict and verdict == _UNKNOWN):
                unknown[criterion.id] += 1
        if self.group_field is not None:
            key = item.group if item.group not in (None, "") else "—"
            self.groups.setdefault(key, Counter())[result.status] += 1

    def merge(self, other: Summary) -> None:
        """Add the counts of ``other``, the summary of the items that follow this one's (the
        order a count first appeared in is kept: ties are listed in that order)."""
        self.counts.update(other.counts)
        if self.provenance is None:
            self.provenance = other.provenance
        self.failing.update(other.failing)
        self.unknown.update(other.unknown)
        for key, counter in other.groups.items():
            self.groups.setdefault(key, Counter()).update(counter)

    @property
    def total(self) -> int:
        """How many items were counted."""
        return sum(self.counts.values())

    def to_dict(self) -> dict[str, object]:
        """Plain data with stable keys."""
        out: dict[str, object] = {"total": self.total}
        out.update({status: self.counts.get(status, 0) for status in STATUSES})
        out["failing_criteria"] = dict(self.failing.most_common())
        out["unknown_criteria"] = dict(self.unknown.most_common())
        if self.rank_rule:
            out["ranking"] = {"by": ["status", *self.rank_keys], "rule": self.rank_rule}
        if self.group_field is not None:
            out["group_by"] = self.group_field
            out["groups"] = {
                key: {status: counter.get(status, 0) for status in STATUSES}
                for key, counter in self.groups.items()
            }
        return out

    def line(self, lang: str) -> str:
        """One sentence: ``Tổng cộng 12 hộ: 5 đạt, 4 chưa đạt, ...`` (and the ranking rule, when ranked)."""
        counts = {status: format_number(self.counts.get(status, 0), lang) for status in STATUSES}
        noun = subject_words(self.subject, lang)[2 if self.total != 1 else 1]
        line = word(lang, "summary_line").format(total=format_number(self.total, lang), noun=noun, **counts)
        return f"{line}\n{self.rank_rule}" if self.rank_rule else line

    def rows(self, lang: str) -> list[tuple[str, int]]:
        """(label, count) for the total and each status."""
        return [(word(lang, "total"), self.total)] + [
            (word(lang, status), self.counts.get(status, 0)) for status in STATUSES
        ]


def assign_ranks(items: Iterable[Item], keys: Sequence[str] | None = None) -> list[Item]:
    """Items ranked for a contest: by status first (passed, undetermined, failed), then by
    ``keys`` (default: the set's declared ranking, else rating, percentage, score), highest
    first. Only items equal on every key share a rank (1, 2, 2, 4). Items without a score
    (invalid, or nothing applies) come last, unranked, in input order."""
    listed = list(items)
    plan: Any = next((i.result.plan for i in listed if i.result.plan is not None), None)
    model = plan.model if plan is not None else None
    order = tuple(keys) if keys is not None else contest_order(model)
    ratings = [r.id for r in model.decision.ratings] if model is not None else []
    scored = [i for i in listed if i.result.score is not None and i.result.status in STATUS_ORDER]
    out = [
        replace(item, rank=rank)
        for rank, item in ranked(scored, lambda i: contest_key(i.result, order, ratings))
    ]
    chosen = {id(i) for i in scored}
    out.extend(i for i in listed if id(i) not in chosen)
    return out


def rating_label(result: Result, lang: str) -> str:
    """The rating's label in ``lang`` (its id when the set has no such band)."""
    if result.rating is None:
        return ""
    plan: Any = result.plan
    if plan is not None:
        for band in plan.model.decision.ratings:
            if band.id == result.rating:
                return pick(band.label, lang)
    return result.rating


def failing_ids(result: Result) -> str:
    """The criteria a candidate fails, then those undetermined (marked ``?``); for an invalid
    record, the columns of its bad cells as the file names them (else the fields)."""
    if result.status == Status.INVALID:
        return ", ".join(dict.fromkeys(e.column or e.field for e in result.errors))
    failed = [c.id for c in result.criteria if c.verdict == Verdict.FAIL]
    unknown = [f"{c.id}?" for c in result.criteria if c.verdict == Verdict.UNKNOWN]
    return ", ".join(failed + unknown)


def number(value: float | None) -> str:
    """A score as plain text: ``85``, ``82.5``; '' for none."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}".rstrip("0").rstrip(".")


__all__ = ["STATUSES", "Block", "Item", "Summary", "assign_ranks", "failing_ids", "number", "rating_label"]
