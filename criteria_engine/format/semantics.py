"""Layer two of validation: what the file means (ids, references, bands, languages, windows).

Expressions are type-checked by the compiler; this module checks everything else that a
structurally valid file can still get wrong. Every check yields diagnostics; none raises.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator, Mapping
from typing import Any

from pydantic import BaseModel

from ..errors import Diagnostic, DocPath, did_you_mean, error
from ..messages import msg
from .models import CriteriaSet, Criterion, InputSpec
from .procedure_checks import check_procedure

REQUIRED_LANGUAGES = ("vi", "en")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def criterion_max_points(criterion: Criterion) -> float:
    """The most points a criterion can give."""
    if criterion.points_by is not None:
        pb = criterion.points_by
        values = list((pb.table or {}).values()) + [b.points for b in pb.bands or []]
        return max(values, default=0)
    return criterion.points


def _criterion_paths(cs: CriteriaSet) -> Iterator[tuple[DocPath, Criterion]]:
    for gi, group in enumerate(cs.groups):
        for ci, criterion in enumerate(group.criteria):
            yield ("groups", gi, "criteria", ci), criterion


def _check_ids(cs: CriteriaSet) -> Iterator[Diagnostic]:
    seen: dict[str, DocPath] = {}
    for gi, group in enumerate(cs.groups):
        if group.id in seen:
            yield error("duplicate-id", msg("duplicate-id.group", id=group.id), ("groups", gi, "id"))
        seen.setdefault(group.id, ("groups", gi, "id"))
    crit_seen: set[str] = set()
    for path, criterion in _criterion_paths(cs):
        if criterion.id in crit_seen:
            yield error("duplicate-id", msg("duplicate-id.criterion", id=criterion.id), (*path, "id"))
        elif criterion.id in seen:
            yield error("duplicate-id", msg("duplicate-id.criterion-group", id=criterion.id), (*path, "id"))
        crit_seen.add(criterion.id)
    names: dict[str, str] = {}
    for section in ("inputs", "parameters", "derived", "collections", "measures"):
        for name in getattr(cs, section):
            if name in names:
                text = msg("duplicate-name", name=name, first=names[name], second=section)
                yield error("duplicate-name", text, (section, name))
            names.setdefault(name, section)
    check_seen: set[str] = set()
    for index, consistency in enumerate(cs.checks):
        if consistency.id in check_seen:
            yield error("duplicate-id", msg("duplicate-id.check", id=consistency.id), ("checks", index, "id"))
        check_seen.add(consistency.id)
    rating_seen: set[str] = set()
    for ri, rating in enumerate(cs.decision.ratings):
        if rating.id in rating_seen:
            text = msg("duplicate-id.rating", id=rating.id)
            yield error("duplicate-id", text, ("decision", "ratings", ri, "id"))
        rating_seen.add(rating.id)


def _check_inputs(inputs: Mapping[str, InputSpec], base: DocPath) -> Iterator[Diagnostic]:
    for name, spec in inputs.items():
        path = (*base, name)
        if spec.type == "enum" and not spec.values:
            yield error("enum-without-values", msg("enum-without-values", name=name), path)
        if spec.type != "enum" and spec.values:
            yield error("values-not-enum", msg("values-not-enum", name=name, type=spec.type), path)
        if spec.type == "list":
            if not spec.items:
                yield error("list-without-items", msg("list-without-items", name=name), path)
            else:
                yield from _check_inputs(spec.items, (*path, "items"))
        elif spec.items:
            yield error("items-not-list", msg("items-not-list", name=name, type=spec.type), path)
        if spec.digits is not None and spec.type not in ("integer", "number"):
            text = msg("digits-not-number", name=name, type=spec.type)
            yield error("digits-not-number", text, (*path, "digits"))
        if spec.min is not None and spec.max is not None and spec.min > spec.max:
            yield error("bad-range", msg("bad-range", min=spec.min, max=spec.max), (*path, "min"))
        if spec.blank is not None:
            yield from _check_blank(name, spec, path)
        if spec.value_labels and spec.values:
            for value in spec.value_labels:
                if value not in spec.values:
                    yield error(
                        "unknown-enum-value",
                        msg("unknown-enum-value", value=value, name=name),
                        (*path, "value_labels", value),
                        did_you_mean(value, spec.values),
                    )


def _check_blank(name: str, spec: InputSpec, path: DocPath) -> Iterator[Diagnostic]:
    """``blank`` must be a value of the input: a yes/no, a number in range, an enum value, a date."""
    value, where = spec.blank, (*path, "blank")
    kind = spec.type
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "list":
        yield error("bad-blank", msg("bad-blank.list", name=name), where)
        return
    fits = {
        "boolean": isinstance(value, bool),
        "integer": numeric and float(value).is_integer(),  # type: ignore[arg-type]
        "number": numeric and math.isfinite(value),  # type: ignore[arg-type]
        "enum": isinstance(value, str) and value in (spec.values or ()),
        "string": isinstance(value, str),
        "date": isinstance(value, str) and _is_date(value),
    }[kind]
    if not fits:
        hint = did_you_mean(str(value), spec.values or ()) if kind == "enum" else None
        yield error("bad-blank", msg("bad-blank", value=repr(value), type=kind, name=name), where, hint)
    elif numeric and (
        (spec.min is not None and value < spec.min)  # type: ignore[operator]
        or (spec.max is not None and value > spec.max)  # type: ignore[operator]
    ):
        yield error("bad-blank", msg("bad-blank.range", value=repr(value), name=name), where)


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _check_parameters(cs: CriteriaSet) -> Iterator[Diagnostic]:
    for name, param in cs.parameters.items():
        path: DocPath = ("parameters", name)
        if param.by is None:
            if param.value is None:
                yield error("parameter-shape", msg("parameter-shape", name=name), path)
            if param.values is not None:
                yield error("parameter-shape", msg("parameter-shape.values", name=name), path)
            continue
        if param.value is not None:
            yield error("parameter-shape", msg("parameter-shape.both", name=name), path)
        spec = cs.inputs.get(param.by)
        if spec is None:
            yield error(
                "unknown-reference",
                msg("unknown-reference", name=param.by),
                (*path, "by"),
                did_you_mean(param.by, cs.inputs),
            )
            continue
        if spec.type != "enum" or not spec.values:
            yield error("parameter-by-not-enum", msg("parameter-by-not-enum", name=param.by), (*path, "by"))
            continue
        table = param.values or {}
        for value in spec.values:
            if value not in table:
                yield error(
                    "table-incomplete",
                    msg("table-incomplete", name=name, by=param.by, value=value),
                    (*path, "values") if param.values is not None else path,
                )
        for value in table:
            if value not in spec.values:
                yield error(
                    "unknown-enum-value",
                    msg("unknown-enum-value", value=value, name=param.by),
                    (*path, "values", value),
                    did_you_mean(value, spec.values),
                )


def _template_names(cs: CriteriaSet) -> set[str]:
    return set(cs.inputs) | set(cs.parameters) | set(cs.derived) | set(cs.measures)


def _check_criteria(cs: CriteriaSet) -> Iterator[Diagnostic]:
    known = _template_names(cs)
    for path, criterion in _criterion_paths(cs):
        has_when = criterion.when is not None
        has_graded = criterion.points_by is not None
        if has_when == has_graded:
            what = msg("rule-shape.both" if has_when else "rule-shape.neither")
            yield error("rule-shape", msg("rule-shape", id=criterion.id, what=what), path)
        if has_graded and criterion.points:
            yield error("rule-shape", msg("rule-shape.points", id=criterion.id), (*path, "points"))
        pb = criterion.points_by
        if pb is not None and any(
            v < 0 for v in [*(pb.table or {}).values(), *(b.points for b in pb.bands or [])]
        ):
            yield error("negative-points", msg("negative-points"), (*path, "points_by"))
        if pb is not None:
            if (pb.table is None) == (pb.bands is None):
                yield error("points-by-shape", msg("points-by-shape"), (*path, "points_by"))
            if pb.bands:
                mins = [b.min for b in pb.bands]
                if mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
                    yield error("bands-order", msg("bands-order"), (*path, "points_by", "bands"))
            spec = cs.inputs.get(pb.value)
            if pb.table is not None and spec is not None and spec.values:
                for value in pb.table:
                    if value not in spec.values:
                        yield error(
                            "unknown-enum-value",
                            msg("unknown-enum-value", value=value, name=pb.value),
                            (*path, "points_by", "table", value),
                            did_you_mean(value, spec.values),
                        )
                for value in spec.values:
                    if value not in pb.table:
                        yield error(
                            "table-incomplete",
                            msg("table-incomplete.points", by=pb.value, value=value),
                            (*path, "points_by", "table"),
                        )
        if criterion.message is not None:
            for verdict in ("pass", "fail", "unknown", "not_applicable"):
                text = getattr(criterion.message, "pass_" if verdict == "pass" else verdict)
                for lang, template in (text or {}).items():
                    for name in _PLACEHOLDER.findall(template):
                        if name not in known:
                            yield error(
                                "unknown-placeholder",
                                msg("unknown-placeholder", name=name),
                                (*path, "message", verdict, lang),
                                did_you_mean(name, known),
                            )


def max_score(cs: CriteriaSet) -> float:
    """The sum of every criterion's maximum points."""
    return sum(criterion_max_points(c) for c in cs.criteria())


def _check_decision(cs: CriteriaSet) -> Iterator[Diagnostic]:
    total = max_score(cs)
    decision = cs.decision
    if decision.max_score is not None and decision.max_score != total:
        yield error(
            "max-score-mismatch",
            msg("max-score-mismatch", declared=decision.max_score, total=total),
            ("decision", "max_score"),
        )
    pass_min = decision.pass_.min_score
    if isinstance(pass_min, int | float) and pass_min > total:
        yield error(
            "pass-unreachable",
            msg("pass-unreachable", mark=pass_min, total=total),
            ("decision", "pass", "min_score"),
        )
    previous: float | None = None
    fallback_seen: str | None = None
    for ri, rating in enumerate(decision.ratings):
        path: DocPath = ("decision", "ratings", ri)
        if fallback_seen is not None:
            yield error(
                "rating-unreachable",
                msg("rating-unreachable.after", id=rating.id, fallback=fallback_seen),
                path,
            )
            continue
        score = rating.min_score
        if isinstance(score, int | float):
            if score > total:
                yield error(
                    "rating-unreachable",
                    msg("rating-unreachable", id=rating.id, score=score, total=total),
                    (*path, "min_score"),
                )
            if previous is not None and score > previous:
                yield error("ratings-order", msg("ratings-order"), (*path, "min_score"))
            elif previous is not None and score == previous and rating.when is None:
                yield error(
                    "rating-overlap",
                    msg("rating-overlap", id=rating.id),
                    (*path, "min_score"),
                )
            previous = float(score)
        if score is None and rating.when is None and not rating.requires_pass:
            fallback_seen = rating.id
    if decision.ratings and fallback_seen is None:
        yield error(
            "ratings-no-fallback",
            msg("ratings-no-fallback"),
            ("decision", "ratings", len(decision.ratings) - 1),
        )


def _walk_texts(node: object, path: DocPath) -> Iterator[tuple[DocPath, Mapping[str, str]]]:
    """Every human-facing text (a language -> text mapping) in the model, with its path."""
    if isinstance(node, BaseModel):
        for name, info in type(node).model_fields.items():
            value: Any = getattr(node, name)
            yield from _walk_texts(value, (*path, info.alias or name))
    elif isinstance(node, dict):
        if (
            node
            and all(isinstance(v, str) for v in node.values())
            and all(isinstance(k, str) and re.fullmatch(r"[a-z]{2,3}", k) for k in node)
        ):
            yield path, node
        else:
            for key, value in node.items():
                yield from _walk_texts(value, (*path, key))
    elif isinstance(node, list | tuple):
        for i, value in enumerate(node):
            yield from _walk_texts(value, (*path, i))


def _check_languages(cs: CriteriaSet) -> Iterator[Diagnostic]:
    for lang in REQUIRED_LANGUAGES:
        if lang not in cs.languages:
            yield error(
                "missing-language",
                msg("missing-language", lang=lang),
                ("languages",),
            )
    wanted = list(dict.fromkeys([*cs.languages, *REQUIRED_LANGUAGES]))
    for path, text in _walk_texts(cs, ()):
        for lang in wanted:
            if lang not in text:
                yield error("missing-translation", msg("missing-translation", lang=lang), path)
        for lang in text:
            if lang not in wanted:
                yield error(
                    "unknown-language",
                    msg("unknown-language", lang=lang),
                    (*path, lang),
                    did_you_mean(lang, wanted),
                )


def _check_window(cs: CriteriaSet) -> Iterator[Diagnostic]:
    if cs.effective_to is not None and cs.effective_to <= cs.effective_from:
        yield error(
            "bad-window",
            msg("bad-window", end=cs.effective_to, start=cs.effective_from),
            ("effective_to",),
        )


BIGGEST = 1e308
"""The largest number a set may write (arithmetic beyond it is unknown, see docs/expressions.md)."""
MAX_BANDS = 100
"""Graded bands of one criterion, and rating bands of a set, at most (docs/format.md, Limits)."""


def _numbers(node: object, path: DocPath) -> Iterator[tuple[DocPath, int | float]]:
    """Every number in the model, with its path (booleans are not numbers)."""
    if isinstance(node, BaseModel):
        for name, info in type(node).model_fields.items():
            yield from _numbers(getattr(node, name), (*path, info.alias or name))
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _numbers(value, (*path, key))
    elif isinstance(node, list | tuple):
        for index, value in enumerate(node):
            yield from _numbers(value, (*path, index))
    elif isinstance(node, int | float) and not isinstance(node, bool):
        yield path, node


def _check_numbers(cs: CriteriaSet) -> Iterator[Diagnostic]:
    """Numbers a rule could not compute with: beyond ±1e308 (NaN and infinity are refused by
    the structure check)."""
    for path, value in _numbers(cs, ()):
        if not -BIGGEST <= value <= BIGGEST:
            if isinstance(value, float):
                text = msg("not-finite.too-large", value=f"{value:.3g}")
            else:
                text = msg("not-finite.too-many-digits", digits=len(str(abs(value))))
            yield error("not-finite", text, path)


def _check_sizes(cs: CriteriaSet) -> Iterator[Diagnostic]:
    """Bands within the documented limit (each band is a branch of the compiled code)."""
    for path, criterion in _criterion_paths(cs):
        bands = criterion.points_by.bands if criterion.points_by is not None else None
        if bands is not None and len(bands) > MAX_BANDS:
            text = msg("too-many-bands", count=len(bands), most=MAX_BANDS)
            yield error("too-many-bands", text, (*path, "points_by", "bands"))
    if len(cs.decision.ratings) > MAX_BANDS:
        text = msg("too-many-bands.ratings", count=len(cs.decision.ratings), most=MAX_BANDS)
        yield error("too-many-bands", text, ("decision", "ratings"))


def check_meaning(cs: CriteriaSet) -> list[Diagnostic]:
    """Every meaning problem of a structurally valid set (expressions excepted)."""
    out: list[Diagnostic] = []
    for check in (
        _check_ids,
        _check_parameters,
        _check_criteria,
        _check_decision,
        _check_languages,
        _check_window,
        _check_numbers,
        _check_sizes,
    ):
        out.extend(check(cs))
    out.extend(_check_inputs(cs.inputs, ("inputs",)))
    out.extend(check_procedure(cs))
    return out


__all__ = ["check_meaning", "criterion_max_points", "max_score"]
