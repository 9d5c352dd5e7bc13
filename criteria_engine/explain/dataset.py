"""A dataset evaluation with its explanations: results per level, roll-ups, pooled results.

:class:`DatasetEvaluation` is what :func:`criteria_engine.evaluate_dataset` returns. Levels are
listed bottom-up (households first); a level is named by its set's id (``happy-village``) and
can be asked for by its subject (``village``) when only one set evaluates that subject.
"""

from __future__ import annotations

import os

from ..errors import Diagnostic, Severity
from ..evaluators.rollup_lines import RollupLine
from ..evaluators.rollup_results import LevelResult, PooledResult
from ..results import Result
from .rollup import noun, rollup_section, status_counts


class DatasetEvaluation:
    """Results per level (bottom-up), diagnostics, roll-up lines and pooled results."""

    def __init__(
        self, levels: dict[str, LevelResult], diagnostics: list[Diagnostic], pooled: dict[str, PooledResult]
    ) -> None:
        self.levels = levels
        self.diagnostics = diagnostics
        self.pooled = pooled

    @property
    def ok(self) -> bool:
        """No error among the diagnostics (warnings allowed)."""
        return not any(d.severity == Severity.ERROR for d in self.diagnostics)

    def level(self, key: str) -> LevelResult:
        """A level by set id (``happy-village``), level key, or subject (``village``) when unique."""
        if key in self.levels:
            return self.levels[key]
        found = [level for level in self.levels.values() if level.subject == key]
        if len(found) == 1:
            return found[0]
        known = ", ".join(self.levels)
        raise KeyError(f"no single level '{key}' (levels: {known})")

    def results(self, key: str) -> list[Result]:
        """The kept results of a level, in input order."""
        return self.level(key).results

    def result(self, key: str, candidate_id: str) -> Result:
        """The (first) result of ``candidate_id`` at a level."""
        for result in self.level(key).results:
            if result.id == candidate_id:
                return result
        raise KeyError(f"no result for '{candidate_id}' at level '{key}'")

    def rollup(self, key: str, candidate_id: str) -> tuple[RollupLine, ...]:
        """The aggregates over members behind a candidate's result."""
        return self.level(key).rollups.get(candidate_id, ())

    def explain(self, key: str, candidate_id: str, lang: str = "vi") -> str:
        """The candidate's explanation followed by its roll-ups from members."""
        level = self.level(key)
        text = self.result(key, candidate_id).explain(lang)
        lines = level.rollups.get(candidate_id, ())
        if level.reader is None or not lines:
            return text
        return "\n".join([text, *rollup_section(level.reader, lines, lang)])

    def explain_pooled(self, set_id: str, lang: str = "vi") -> str:
        """The explanation of a set evaluated over every member of the dataset."""
        pooled = self.pooled[set_id]
        return "\n".join([pooled.result.explain(lang), *rollup_section(pooled.reader, pooled.rollups, lang)])

    def summary(self, lang: str = "vi") -> str:
        """One line per level, top first: rows and statuses."""
        out = []
        for level in reversed(self.levels.values()):
            rows = f"{level.rows} {noun(level.subject, level.rows, lang)}"
            head = f"{level.set_ref or level.key} ({os.path.basename(level.file)}): {rows}"
            counts = status_counts(level.statuses, lang)
            out.append(head + (f" — {counts}" if counts else ""))
        return "\n".join(out)

    def to_dict(self) -> dict[str, object]:
        """Plain data with stable keys, ready for ``json.dumps``."""
        return {
            "levels": [level.to_dict() for level in self.levels.values()],
            "pooled": {
                k: {"result": p.result.to_dict(), "rollups": [line.to_dict() for line in p.rollups]}
                for k, p in self.pooled.items()
            },
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }


__all__ = ["DatasetEvaluation"]
