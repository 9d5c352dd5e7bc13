"""The walk behind :func:`criteria_engine.revisions.diff.diff_revisions`: every part, both sides.

Each part of a set is compared field by field; a field this walk has no specific kind for is
still reported (as ``<part>-changed``), so no change to the rules goes unlisted.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from ..explain.i18n import format_number
from ..format.models import Band, CriteriaSet, Criterion, InputSpec, PointsBy, Text
from .diff import Change, Entity, Threshold, criteria_by_id, input_label, ordered_union, plain
from .expressions import expression_words, number_changes

_MESSAGES = {"pass": "pass_", "fail": "fail", "unknown": "unknown", "not_applicable": "not_applicable"}
_TEXTS = {"label": "label-changed", "title": "title-changed", "description": "description-changed"}
_TEXTS["basis"] = "basis-changed"
_ENTITIES: tuple[tuple[str, Entity], ...] = (
    ("decision.ratings", "band"),
    ("decision", "pass"),
    ("inputs", "input"),
    ("parameters", "parameter"),
    ("derived", "derived"),
    ("groups", "group"),
    ("criteria", "criterion"),
    ("measures", "measure"),
    ("collections", "collection"),
    ("checks", "check"),
)
_CRITERION_FLAGS = {
    "points": "points-changed",
    "mandatory": "mandatory-changed",
    "veto": "veto-changed",
    "on_missing": "on-missing-changed",
}


def _entity(path: str) -> Entity:
    return next((entity for prefix, entity in _ENTITIES if path.startswith(prefix)), "set")


def _band_label(points: float) -> Text:
    return {
        "vi": f"mức {format_number(points, 'vi')} điểm",
        "en": f"{format_number(points, 'en')}-point band",
    }


def _max_points(c: Criterion) -> float:
    if c.points_by is None:
        return c.points
    values = [*(c.points_by.table or {}).values(), *(b.points for b in c.points_by.bands or [])]
    return max(values, default=0)


class _Walk:
    def __init__(self, a: CriteriaSet, b: CriteriaSet) -> None:
        self.a, self.b = a, b
        self.out: list[Change] = []

    def add(self, kind: str, path: str, old: object, new: object, **extra: Any) -> None:
        self.out.append(Change(kind, _entity(path), path, plain(old), plain(new), **extra))

    def presence(self, noun: str, path: str, x: object, y: object, summary: object, **extra: Any) -> bool:
        """Report ``noun-added`` / ``noun-removed`` when one side is missing; True if it did."""
        if x is not None and y is not None:
            return False
        if x is None:
            self.add(f"{noun}-added", path, None, summary, **extra)
        else:
            self.add(f"{noun}-removed", path, summary, None, **extra)
        return True

    def field(self, kind: str, where: str, x: object, y: object, name: str, **extra: Any) -> None:
        """One field of two models: texts by their own kinds, anything else as ``kind``."""
        old, new = getattr(x, name), getattr(y, name)
        if old != new:
            path = f"{where}.{name}" if where else name
            self.add(_TEXTS.get(name, kind), path, old, new, key=name, **extra)

    def fields(
        self, kind: str, where: str, x: BaseModel, y: BaseModel, skip: tuple[str, ...] = (), **extra: Any
    ) -> None:
        for name in type(x).model_fields:
            if name not in skip:
                self.field(kind, where, x, y, name, **extra)

    def name_info(self, name: str) -> tuple[Text | None, str | None]:
        """The label and unit of a name an expression reads (newest side first)."""
        for model in (self.b, self.a):
            for table in (model.inputs, model.parameters, model.derived, model.measures):
                found = table.get(name)
                if found is not None:
                    return dict(found.label), found.unit
        return None, None

    def threshold(self, about: str, op: str | None, old: float, new: float, percent: bool) -> Threshold:
        label, unit = self.name_info(about) if about.isidentifier() else (None, None)
        if label is None and about:  # an expression: said in words, as the rule is
            label = expression_words(about, self.b) or expression_words(about, self.a)
        return Threshold(about, op, old, new, percent, label, unit)

    def expression(self, path: str, old: object, new: object, kind: str = "", **extra: Any) -> None:
        """A changed expression: ``threshold-changed`` when only numbers differ, else ``rule-changed``."""
        if old == new:
            return
        said = {"old_words": expression_words(old, self.a), "new_words": expression_words(new, self.b)}
        if isinstance(old, str) and isinstance(new, str):
            numbers = number_changes(old, new)
            if numbers == []:
                return  # the same tree: spacing or parentheses only
            if numbers is not None:
                thresholds = tuple(self.threshold(*n) for n in numbers)
                self.add(kind or "threshold-changed", path, old, new, thresholds=thresholds, **said, **extra)
                return
        self.add(kind or "rule-changed", path, old, new, **said, **extra)

    # --- the parts --------------------------------------------------------------------------

    def run(self) -> list[Change]:
        a, b = self.a, self.b
        for name in ("title", "description", "basis", "subject", "languages"):
            self.field("set-changed", "", a, b, name, label=dict(b.title))
        self.inputs(a.inputs, b.inputs, "inputs", "")
        self.parameters()
        self.named("derived", "derived", a.derived, b.derived, "expr")
        self.groups()
        self.criteria()
        self.decision()
        self.named("measure", "measures", a.measures, b.measures, "expr")
        self.named("collection", "collections", a.collections, b.collections, None)
        self.checks()
        return self.out

    def checks(self) -> None:
        """Consistency checks, by id: added, removed, their rule (numbers in it), their message."""
        a = {c.id: c for c in self.a.checks}
        b = {c.id: c for c in self.b.checks}
        for cid in ordered_union(a, b):
            x, y = a.get(cid), b.get(cid)
            either = y if y is not None else x
            assert either is not None
            extra: dict[str, Any] = {"target": cid, "label": dict(either.message)}
            where = f"checks.{cid}"
            if self.presence("check", where, x, y, {"rule": either.rule}, **extra):
                continue
            assert x is not None and y is not None
            if x.rule != y.rule:
                self.expression(f"{where}.rule", x.rule, y.rule, key="rule", **extra)
            if x.message != y.message:
                self.add("check-changed", f"{where}.message", x.message, y.message, key="message", **extra)

    def inputs(
        self, old: Mapping[str, InputSpec], new: Mapping[str, InputSpec], path: str, owner: str
    ) -> None:
        for name in ordered_union(old, new):
            x, y = old.get(name), new.get(name)
            target, where = f"{owner}{name}", f"{path}.{name}"
            spec = y if y is not None else x
            assert spec is not None
            summary = {"type": spec.type, "unit": spec.unit}
            if self.presence("input", where, x, y, summary, target=target, label=dict(spec.label)) or x == y:
                continue
            assert x is not None and y is not None
            self.fields(
                "input-changed", where, x, y, ("items",), target=target, label=dict(y.label), unit=y.unit
            )
            if x.items != y.items:
                self.inputs(x.items or {}, y.items or {}, f"{where}.items", f"{target}.")

    def parameters(self) -> None:
        a, b = self.a.parameters, self.b.parameters
        for name in ordered_union(a, b):
            x, y = a.get(name), b.get(name)
            where = f"parameters.{name}"
            p = y if y is not None else x
            assert p is not None
            extra: dict[str, Any] = {"target": name, "label": dict(p.label), "unit": p.unit}
            if self.presence("parameter", where, x, y, p, **extra):
                continue
            assert x is not None and y is not None
            skip: tuple[str, ...] = ()
            if x.values is not None and y.values is not None and x.by == y.by:
                skip = ("values",)
                for key in ordered_union(x.values, y.values):
                    old, new = x.values.get(key), y.values.get(key)
                    label = input_label(self.b.inputs, y.by, key) or input_label(self.a.inputs, y.by, key)
                    if old != new:
                        self.add(
                            "parameter-value-changed",
                            f"{where}.values.{key}",
                            old,
                            new,
                            key=key,
                            key_label=label,
                            **extra,
                        )
            elif x.value is not None and y.value is not None:
                skip = ("value",)
                if x.value != y.value:
                    self.add("parameter-value-changed", f"{where}.value", x.value, y.value, **extra)
            self.fields("parameter-changed", where, x, y, skip, **extra)

    def named(
        self, entity: Entity, section: str, a: Mapping[str, Any], b: Mapping[str, Any], expr: str | None
    ) -> None:
        """Derived values, measures and collections: added, removed, their expression, other fields."""
        for name in ordered_union(a, b):
            x, y = a.get(name), b.get(name)
            either: Any = y if y is not None else x
            extra: dict[str, Any] = {
                "target": name,
                "label": dict(either.label),
                "unit": getattr(either, "unit", None),
            }
            where = f"{section}.{name}"
            if self.presence(entity, where, x, y, either, **extra):
                continue
            assert x is not None and y is not None
            if expr is not None:
                self.expression(f"{where}.{expr}", getattr(x, expr), getattr(y, expr), key=expr, **extra)
            self.fields(f"{entity}-changed", where, x, y, (expr,) if expr else (), **extra)

    def groups(self) -> None:
        a = {g.id: g for g in self.a.groups}
        b = {g.id: g for g in self.b.groups}
        for gid in ordered_union(a, b):
            x, y = a.get(gid), b.get(gid)
            g = y if y is not None else x
            assert g is not None
            ids = [c.id for c in g.criteria]
            if not self.presence("group", f"groups.{gid}", x, y, ids, target=gid, label=dict(g.title)):
                self.field("group-changed", f"groups.{gid}", x, y, "title", target=gid, label=dict(g.title))

    def criteria(self) -> None:
        a, b = criteria_by_id(self.a), criteria_by_id(self.b)
        for cid in ordered_union(a, b):
            x, y = a.get(cid), b.get(cid)
            gid, c = y if y is not None else x  # type: ignore[misc]
            where = f"criteria.{cid}"
            extra: dict[str, Any] = {"target": cid, "label": dict(c.title)}
            summary = {"group": gid, "title": c.title, "points": _max_points(c), "mandatory": c.mandatory}
            summary.update({"veto": c.veto, "when": c.when})
            if self.presence("criterion", where, x, y, summary, **extra):
                continue
            assert x is not None and y is not None
            (ga, ca), (gb, cb) = x, y
            if ga != gb:
                self.add("criterion-moved", f"{where}.group", ga, gb, **extra)
            if ca != cb:
                self.criterion(where, ca, cb, extra)

    def criterion(self, where: str, x: Criterion, y: Criterion, extra: dict[str, Any]) -> None:
        for name in ("when", "applies_if"):
            self.expression(f"{where}.{name}", getattr(x, name), getattr(y, name), key=name, **extra)
        for name, kind in _CRITERION_FLAGS.items():
            self.field(kind, where, x, y, name, unit="points" if name == "points" else None, **extra)
        for name in ("title", "description", "basis"):
            self.field("criterion-changed", where, x, y, name, **extra)
        if x.points_by != y.points_by:
            self.points_by(f"{where}.points_by", x.points_by, y.points_by, extra)
        if x.message != y.message:
            for key, attr in _MESSAGES.items():
                old = getattr(x.message, attr) if x.message else None
                new = getattr(y.message, attr) if y.message else None
                if old != new:
                    self.add("message-changed", f"{where}.message.{key}", old, new, key=key, **extra)

    def points_by(self, where: str, x: PointsBy | None, y: PointsBy | None, extra: dict[str, Any]) -> None:
        if x is None or y is None:
            self.add("points-changed", where, x, y, key="points_by", unit="points", **extra)
            return
        self.expression(f"{where}.value", x.value, y.value, key="points_by.value", **extra)
        if x.table != y.table and (x.table is None or y.table is None):
            self.add(
                "points-changed", f"{where}.table", x.table, y.table, key="table", unit="points", **extra
            )
        elif x.table is not None and y.table is not None:
            by = y.value if y.value.isidentifier() else None
            for key in ordered_union(x.table, y.table):
                old, new = x.table.get(key), y.table.get(key)
                label = input_label(self.b.inputs, by, key) or input_label(self.a.inputs, by, key)
                if old != new:
                    self.add(
                        "points-changed",
                        f"{where}.table.{key}",
                        old,
                        new,
                        key=key,
                        key_label=label,
                        unit="points",
                        **extra,
                    )
        if x.bands != y.bands:
            self.bands(where, x.bands, y.bands, y.value, extra)

    def bands(
        self, where: str, x: list[Band] | None, y: list[Band] | None, value: str, extra: dict[str, Any]
    ) -> None:
        if x is None or y is None or len(x) != len(y):
            self.add("points-changed", f"{where}.bands", x, y, key="bands", unit="points", **extra)
            return
        for i, (p, q) in enumerate(zip(x, y, strict=True)):
            key, label = f"bands[{i}]", _band_label(q.points)
            if p.min != q.min:
                threshold = self.threshold(value, ">=", p.min, q.min, False)
                self.add(
                    "threshold-changed",
                    f"{where}.{key}.min",
                    p.min,
                    q.min,
                    key=key,
                    key_label=label,
                    thresholds=(threshold,),
                    **extra,
                )
            if p.points != q.points:
                label = {
                    "vi": f"mức từ {format_number(q.min, 'vi')}",
                    "en": f"band from {format_number(q.min, 'en')}",
                }
                self.add(
                    "points-changed",
                    f"{where}.{key}.points",
                    p.points,
                    q.points,
                    key=key,
                    key_label=label,
                    unit="points",
                    **extra,
                )

    def decision(self) -> None:
        x, y = self.a.decision, self.b.decision
        if x.max_score != y.max_score:
            self.add("max-score-changed", "decision.max_score", x.max_score, y.max_score, unit="points")
        for name in type(x.pass_).model_fields:
            self.score("decision.pass", x.pass_, y.pass_, name, "pass-rule-changed")
        a = {r.id: r for r in x.ratings}
        b = {r.id: r for r in y.ratings}
        for rid in ordered_union(a, b):
            p, q = a.get(rid), b.get(rid)
            band = q if q is not None else p
            assert band is not None
            extra: dict[str, Any] = {"target": rid, "label": dict(band.label)}
            if not self.presence("band", f"decision.ratings.{rid}", p, q, band, **extra):
                for name in type(band).model_fields:
                    self.score(f"decision.ratings.{rid}", p, q, name, "band-changed", **extra)
        common_a = [r for r in a if r in b]
        common_b = [r for r in b if r in a]
        if common_a != common_b:
            self.add("band-order-changed", "decision.ratings", common_a, common_b)

    def score(self, where: str, x: object, y: object, name: str, kind: str, **extra: Any) -> None:
        """A field of the pass rule or a band; thresholds (numbers or expressions) in words."""
        old, new = getattr(x, name), getattr(y, name)
        if old == new:
            return
        if isinstance(old, str) and isinstance(new, str):
            self.expression(f"{where}.{name}", old, new, kind=kind, key=name, **extra)
        elif name == "label":
            self.add("label-changed", f"{where}.{name}", old, new, key=name, **extra)
        else:
            unit = "points" if name == "min_score" else None
            self.add(kind, f"{where}.{name}", old, new, key=name, unit=unit, **extra)


def compare(a: CriteriaSet, b: CriteriaSet) -> list[Change]:
    """Every change from ``a`` to ``b``, part by part, in file order."""
    return _Walk(a, b).run()


__all__ = ["compare"]
