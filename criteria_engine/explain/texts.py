"""The texts that travel with a result in JSON, JSONL, CSV and Excel: the summary line of the
result and the sentence of each criterion, in one language — so a program that shows results
to people needs no wording of its own.

Criteria evaluated without detail (``--detail verdicts``) keep no values, so their sentence
would only repeat the verdict: they get none.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from ..results import CriterionResult, Result
from .cache import plan_words
from .text import headline


class ResultTexts(NamedTuple):
    """A result's words: its summary line and each detailed criterion's sentence, by id."""

    summary: str
    criteria: Mapping[str, str]


def result_texts(result: Result, lang: str) -> ResultTexts:
    """The summary line and the criteria sentences of ``result`` in ``lang``."""
    summary = headline(result, lang)
    plan: Any = result.plan
    if plan is None or not any(c.reason for c in result.criteria):
        return ResultTexts(summary, {})
    words = plan_words(plan, lang)
    values = result.measures if words.measured and result.measures else None
    out: dict[str, str] = {}
    for cw, outcome in zip(words.criteria, result.criteria, strict=True):
        if outcome.reason:
            own = {**values, **outcome.values} if values else None
            out[outcome.id] = cw.sentence(outcome, own)
    return ResultTexts(summary, out)


def criterion_dict(criterion: CriterionResult, text: str | None) -> dict[str, object]:
    """A criterion result as JSON data with its sentence next to its reason code."""
    data = criterion.to_dict()
    if text is None:
        return data
    out: dict[str, object] = {}
    for key, value in data.items():
        out[key] = value
        if key == "reason":
            out["text"] = text
    return out


def result_dict(result: Result, lang: str) -> dict[str, object]:
    """A result as JSON data with its texts: ``text`` (the summary line) after ``status``,
    and each criterion's ``text`` after its ``reason``."""
    texts = result_texts(result, lang)
    data = result.to_dict()
    out: dict[str, object] = {}
    for key, value in data.items():
        out[key] = value
        if key == "status":
            out["text"] = texts.summary
    out["criteria"] = [criterion_dict(c, texts.criteria.get(c.id)) for c in result.criteria]
    return out


def compact_dict(result: Result, lang: str, measures: bool | None = None) -> dict[str, object]:
    """A result as the compact JSON of ``--detail verdicts``: no set metadata and no per-criterion
    facts, only what varies from one candidate to the next — ``id``, ``status``, ``text`` (the
    summary line), ``rating``, ``score``, ``max_score``, ``percent``, ``verdicts`` and ``points``
    (by criterion id), ``errors``; and ``measures`` when ``measures`` says so (by default, when
    the result has some). The set that produced it is said once per file."""
    out: dict[str, object] = {
        "id": result.id,
        "status": str(result.status),
        "text": headline(result, lang),
        "rating": result.rating,
        "score": result.score,
        "max_score": result.max_score,
        "percent": result.percent,
        "verdicts": {c.id: str(c.verdict) for c in result.criteria},
        "points": {c.id: c.points for c in result.criteria},
        "errors": [e.to_dict() for e in result.errors],
    }
    if measures if measures is not None else bool(result.measures):
        out["measures"] = dict(result.measures)
    return out


__all__ = ["ResultTexts", "compact_dict", "criterion_dict", "result_dict", "result_texts"]
