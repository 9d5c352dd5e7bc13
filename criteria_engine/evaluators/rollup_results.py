"""What a dataset evaluation gives: results per level, roll-up lines, pooled results.

:class:`DatasetEvaluation` is returned by :func:`criteria_engine.evaluators.rollup.evaluate_dataset`.
Levels are listed bottom-up (households first); a level is named by its set's id
(``happy-village``) and can be asked for by its subject (``village``) when only one set
evaluates that subject.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..errors import Diagnostic, Severity
from ..explain.phrases import MEMBER_NOUNS
from ..results import Result
from .rollup_lines import STATUS_ORDER, STATUS_WORDS, RollupLine, RollupReader


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
        return "\n".join([text, *level.reader.section(lines, lang)])

    def explain_pooled(self, set_id: str, lang: str = "vi") -> str:
        """The explanation of a set evaluated over every member of the dataset."""
        pooled = self.pooled[set_id]
        return "\n".join([pooled.result.explain(lang), *pooled.reader.section(pooled.rollups, lang)])

    def summary(self, lang: str = "vi") -> str:
        """One line per level, top first: rows and statuses."""
        out = []
        for level in reversed(self.levels.values()):
            nouns = MEMBER_NOUNS.get(level.subject, MEMBER_NOUNS[""])
            singular, plural = nouns.get(lang, nouns["en"])
            head = f"{level.set_ref or level.key} ({os.path.basename(level.file)}): {level.rows} {singular if level.rows == 1 else plural}"
            words = STATUS_WORDS.get(lang, STATUS_WORDS["en"])
            parts = [f"{level.statuses[s]} {words[s]}" for s in STATUS_ORDER if level.statuses.get(s)]
            out.append(head + (f" — {', '.join(parts)}" if parts else ""))
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


__all__ = ["DatasetEvaluation", "LevelResult", "PooledResult"]
