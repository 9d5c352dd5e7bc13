"""What a dataset evaluation gives per level: results, counts, roll-up lines; pooled results.

The whole outcome, with its explanations, is :class:`criteria_engine.explain.DatasetEvaluation`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..results import Result
from .rollup_lines import RollupLine, RollupReader


@dataclass
class LevelResult:
    """The outcome of one level: its results (when kept), counts, and roll-ups per candidate."""

    key: str
    subject: str
    set_ref: str | None
    table: str
    file: str
    results: list[Result] = field(default_factory=list)
    rows: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    rollups: dict[str, tuple[RollupLine, ...]] = field(default_factory=dict)
    reader: RollupReader | None = field(default=None, repr=False)
    only_id: str | None = None

    def to_dict(self) -> dict[str, object]:
        """Plain data with stable keys."""
        return {
            "key": self.key,
            "subject": self.subject,
            "criteria_set": self.set_ref,
            "table": self.table,
            "rows": self.rows,
            "statuses": dict(self.statuses),
            "results": [r.to_dict() for r in self.results],
            "rollups": {k: [line.to_dict() for line in v] for k, v in self.rollups.items()},
        }


@dataclass
class PooledResult:
    """A set evaluated once over every member of the dataset (the province's index)."""

    result: Result
    rollups: tuple[RollupLine, ...]
    reader: RollupReader = field(repr=False)


__all__ = ["LevelResult", "PooledResult"]
