"""The walk behind :func:`criteria_engine.revisions.diff.diff_revisions`: every part, both sides.

Each part of a set is compared field by field; a field this walk has no specific kind for is
still reported (as ``<part>-changed``), so no change to the rules goes unlisted.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from ..i18n import format_number
from ..models import Band, CriteriaSet, Criterion, InputSpec, PointsBy, Text
from .diff import Change, Entity, Threshold, criteria_by_id, input_label, number_changes, ordered_union, plain

_MESSAGES = (("pass", "pass_"), ("fail", "fail"), ("unknown", "unknown"), ("not_applicable", "not_applicable"))


def _text(value: Mapping[str, str] | None) -> Text | None:
    return dict(value) if value else None


class _Walk:
    def __init__(self, a: CriteriaSet, b: CriteriaSet) -> None:
        self.a, self.b = a, b
        self.out: list[Change] = []

    def add(self, kind: str, entity: Entity, path: str, old: object, new: object, **extra: Any) -> None:
        self.out.append(Change(kind, entity, path, plain(old), plain(new), **extra))

    # --- names and what they mean -----------------------------------------------------------

    def name_info(self, name: str) -> tuple[Text | None, str | None]:
        """The label and unit of a name an expression reads (newest side first)."""
        for model in (self.b, self.a):
            for table in (model.inputs, model.parameters, model.derived, model.measures):
                found = table.get(name)
                if found is not None:
                    return dict(found.label), found.unit
        return None, None

    def expression(
        self, entity: Entity, path: str, old: object, new: object, kind: str = "", **extra: Any
    ) -> None:
        """A changed expression: ``threshold-changed`` when only numbers differ, else ``rule-changed``."""
        if old == new:
            return
        if isinstance(old, str) and isinstance(new, str):
            numbers = number_changes(old, new)
            if numbers == []:
                return  # same tree: spacing or parentheses only
            if numbers is not None:
                thresholds = tuple(self.threshold(about, op, x.value, y.value, x.percent) for about, op, x, y in numbers)  # type: ignore[arg-type]
                self.add(kind or "threshold-changed", entity, path, old, new, thresholds=thresholds, **extra)
                return
        self.add(kind or "rule-changed", entity, path, old, new, **extra)

    def threshold(self, about: str, op: str | None, old: float, new: float, percent: bool) -> Threshold:
        label, unit = self.name_info(about) if about.isidentifier() else (None, None)
        return Threshold(about, op, old, new, percent, label, unit)

    def fields(self, entity: Entity, path: str, x: BaseModel, y: BaseModel, kind: str, **extra: Any) -> None:
        """Label, description and basis by their own kinds; any other field as ``kind``."""
        for name in type(x).model_fields:
            old, new = getattr(x, name), getattr(y, name)
            if old == new:
                continue
            if name in ("label", "title", "description", "basis"):
                own = {"label": "label", "title": "title", "description": "description", "basis": "basis"}[name]
                self.add(f"{own}-changed", entity, f"{path}.{name}", old, new, key=name, **extra)
            else:
                self.add(kind, entity, f"{path}.{name}", old, new, key=name, **extra)

    # --- the parts --------------------------------------------------------------------------

    def run(self) -> list[Change]:
        a, b = self.a, self.b
        for name in ("title", "description", "basis"):
            old, new = getattr(a, name), getattr(b, name)
            if old != new:
                self.add(f"{name}-changed", "set", name, old, new, key=name, label=dict(b.title))
        for name in ("subject", "languages"):
            if getattr(a, name) != getattr(b, name):
                self.add("set-changed", "set", name, getattr(a, name), getattr(b, name), key=name)
        self.inputs(a.inputs, b.inputs, "inputs", "")
        self.parameters()
        self.named("derived", "derived", a.derived, b.derived, "expr")
        self.groups()
        self.criteria()
        self.decision()
        self.named("measure", "measures", a.measures, b.measures, "expr")
        self.named("collection", "collections", a.collections, b.collections, None)
        return self.out

    def inputs(self, old: Mapping[str, InputSpec], new: Mapping[str, InputSpec], path: str, owner: str) -> None:
        for name in ordered_union(old, new):
            x, y = old.get(name), new.get(name)
            target = f"{owner}{name}"
            where = f"{path}.{name}"
            if x is None or y is None:
                spec = x or y
                assert spec is not None
                kind = "input-added" if x is None else "input-removed"
                summary = {"type": spec.type, "unit": spec.unit}
                old_side, new_side = (None, summary) if x is None else (summary, None)
                self.add(kind, "input", where, old_side, new_side, target=target, label=dict(spec.label))
                continue
            if x == y:
                continue
            label = dict(y.label)
            for field in type(x).model_fields:
                if field == "items":
                    self.inputs(x.items or {}, y.items or {}, f"{where}.items", f"{target}.")
                elif getattr(x, field) != getattr(y, field):
                    kind = {"label": "label-changed", "description": "description-changed"}.get(field, "input-changed")
                    self.add(kind, "input", f"{where}.{field}", getattr(x, field), getattr(y, field), target=target, label=label, key=field, unit=y.unit)  # fmt: skip

    def parameters(self) -> None:
        a, b = self.a.parameters, self.b.parameters
        for name in ordered_union(a, b):
            x, y = a.get(name), b.get(name)
            where = f"parameters.{name}"
            if x is None or y is None:
                kind = "parameter-added" if x is None else "parameter-removed"
                p = x or y
                assert p is not None
                self.add(kind, "parameter", where, x, y, target=name, label=dict(p.label), unit=p.unit)
                continue
            extra: dict[str, Any] = {"target": name, "label": dict(y.label), "unit": y.unit}
            if x.values is not None and y.values is not None and x.by == y.by:
                for key in ordered_union(x.values, y.values):
                    old, new = x.values.get(key), y.values.get(key)
                    if old != new:
                        key_label = input_label(self.b.inputs, y.by, key) or input_label(self.a.inputs, y.by, key)
                        self.add("parameter-value-changed", "parameter", f"{where}.values.{key}", old, new, key=key, key_label=key_label, **extra)  # fmt: skip
                x = x.model_copy(update={"values": None})
                y = y.model_copy(update={"values": None})
            elif x.value is not None and y.value is not None and x.value != y.value:
                self.add("parameter-value-changed", "parameter", f"{where}.value", x.value, y.value, **extra)
                x = x.model_copy(update={"value": None})
                y = y.model_copy(update={"value": None})
            self.fields("parameter", where, x, y, "parameter-changed", **extra)

    def named(self, entity: Entity, section: str, a: Mapping[str, Any], b: Mapping[str, Any], expr: str | None) -> None:
        """Derived values, measures and collections: added, removed, their expression, other fields."""
        for name in ordered_union(a, b):
            x, y = a.get(name), b.get(name)
            where = f"{section}.{name}"
            if x is None or y is None:
                kind = f"{entity}-added" if x is None else f"{entity}-removed"
                label = dict((x or y).label)
                self.add(kind, entity, where, x, y, target=name, label=label, unit=getattr(x or y, "unit", None))
                continue
            extra: dict[str, Any] = {"target": name, "label": dict(y.label), "unit": getattr(y, "unit", None)}
            if expr is not None and getattr(x, expr) != getattr(y, expr):
                self.expression(entity, f"{where}.{expr}", getattr(x, expr), getattr(y, expr), **extra)
                x = x.model_copy(update={expr: getattr(y, expr)})
            self.fields(entity, where, x, y, f"{entity}-changed", **extra)

    def groups(self) -> None:
        a = {g.id: g for g in self.a.groups}
        b = {g.id: g for g in self.b.groups}
        for gid in ordered_union(a, b):
            x, y = a.get(gid), b.get(gid)
            if x is None or y is None:
                g = x or y
                assert g is not None
                ids = [c.id for c in g.criteria]
                kind = "group-added" if x is None else "group-removed"
                self.add(kind, "group", f"groups.{gid}", ids if x else None, ids if y else None, target=gid, label=dict(g.title))  # fmt: skip
            elif x.title != y.title:
                self.add("title-changed", "group", f"groups.{gid}.title", x.title, y.title, target=gid, label=dict(y.title), key="title")  # fmt: skip

    def criteria(self) -> None:
        a, b = criteria_by_id(self.a), criteria_by_id(self.b)
        for cid in ordered_union(a, b):
            x, y = a.get(cid), b.get(cid)
            where = f"criteria.{cid}"
            if x is None or y is None:
                gid, c = x or y  # type: ignore[misc]
                summary = {"group": gid, "title": c.title, "points": _max_points(c), "mandatory": c.mandatory, "veto": c.veto, "when": c.when}  # fmt: skip
                kind = "criterion-added" if x is None else "criterion-removed"
                self.add(kind, "criterion", where, None if x is None else summary, summary if x is None else None, target=cid, label=dict(c.title))  # fmt: skip
                continue
            (ga, ca), (gb, cb) = x, y
            extra: dict[str, Any] = {"target": cid, "label": dict(cb.title)}
            if ga != gb:
                self.add("criterion-moved", "criterion", f"{where}.group", ga, gb, **extra)
            if ca != cb:
                self.criterion(where, ca, cb, extra)

    def criterion(self, where: str, x: Criterion, y: Criterion, extra: dict[str, Any]) -> None:
        for name in ("when", "applies_if"):
            self.expression("criterion", f"{where}.{name}", getattr(x, name), getattr(y, name), key=name, **extra)
        simple = {"points": "points-changed", "mandatory": "mandatory-changed", "veto": "veto-changed", "on_missing": "on-missing-changed"}  # fmt: skip
        for name, kind in simple.items():
            if getattr(x, name) != getattr(y, name):
                unit = "points" if name == "points" else None
                self.add(kind, "criterion", f"{where}.{name}", getattr(x, name), getattr(y, name), key=name, unit=unit, **extra)  # fmt: skip
        for name in ("title", "description", "basis"):
            if getattr(x, name) != getattr(y, name):
                self.add(f"{name}-changed", "criterion", f"{where}.{name}", getattr(x, name), getattr(y, name), key=name, **extra)  # fmt: skip
        if x.points_by != y.points_by:
            self.points_by(f"{where}.points_by", x.points_by, y.points_by, extra)
        if x.message != y.message:
            for key, attr in _MESSAGES:
                old = getattr(x.message, attr) if x.message else None
                new = getattr(y.message, attr) if y.message else None
                if old != new:
                    self.add("message-changed", "criterion", f"{where}.message.{key}", old, new, key=key, **extra)

    def points_by(self, where: str, x: PointsBy | None, y: PointsBy | None, extra: dict[str, Any]) -> None:
        if x is None or y is None:
            self.add("points-changed", "criterion", where, x, y, key="points_by", unit="points", **extra)
            return
        self.expression("criterion", f"{where}.value", x.value, y.value, key="points_by.value", **extra)
        if x.table != y.table:
            if x.table is None or y.table is None:
                self.add("points-changed", "criterion", f"{where}.table", x.table, y.table, key="table", unit="points", **extra)  # fmt: skip
            else:
                by = y.value if y.value.isidentifier() else None
                for key in ordered_union(x.table, y.table):
                    old, new = x.table.get(key), y.table.get(key)
                    if old != new:
                        key_label = input_label(self.b.inputs, by, key) or input_label(self.a.inputs, by, key)
                        self.add("points-changed", "criterion", f"{where}.table.{key}", old, new, key=key, key_label=key_label, unit="points", **extra)  # fmt: skip
        if x.bands != y.bands:
            self.bands(where, x.bands, y.bands, y.value, extra)

    def bands(self, where: str, x: list[Band] | None, y: list[Band] | None, value: str, extra: dict[str, Any]) -> None:
        if x is None or y is None or len(x) != len(y):
            self.add("points-changed", "criterion", f"{where}.bands", x, y, key="bands", unit="points", **extra)
            return
        for i, (p, q) in enumerate(zip(x, y, strict=True)):
            key = f"bands[{i}]"
            if p.min != q.min:
                threshold = self.threshold(value, ">=", p.min, q.min, False)
                self.add("threshold-changed", "criterion", f"{where}.{key}.min", p.min, q.min, key=key, key_label=_band_label(q.points), thresholds=(threshold,), **extra)  # fmt: skip
            if p.points != q.points:
                label = {"vi": f"mức từ {format_number(q.min, 'vi')}", "en": f"band from {format_number(q.min, 'en')}"}
                self.add("points-changed", "criterion", f"{where}.{key}.points", p.points, q.points, key=key, key_label=label, unit="points", **extra)  # fmt: skip

    def decision(self) -> None:
        x, y = self.a.decision, self.b.decision
        if x.max_score != y.max_score:
            self.add("max-score-changed", "pass", "decision.max_score", x.max_score, y.max_score, unit="points")
        for name in type(x.pass_).model_fields:
            old, new = getattr(x.pass_, name), getattr(y.pass_, name)
            if old != new:
                self.score("pass", f"decision.pass.{name}", old, new, "pass-rule-changed", key=name)
        a = {r.id: r for r in x.ratings}
        b = {r.id: r for r in y.ratings}
        for rid in ordered_union(a, b):
            p, q = a.get(rid), b.get(rid)
            where = f"decision.ratings.{rid}"
            if p is None or q is None:
                kind = "band-added" if p is None else "band-removed"
                self.add(kind, "band", where, p, q, target=rid, label=dict((p or q).label))  # type: ignore[union-attr]
                continue
            extra: dict[str, Any] = {"target": rid, "label": dict(q.label)}
            for name in type(p).model_fields:
                old, new = getattr(p, name), getattr(q, name)
                if old == new:
                    continue
                if name == "label":
                    self.add("label-changed", "band", f"{where}.label", old, new, key=name, **extra)
                else:
                    self.score("band", f"{where}.{name}", old, new, "band-changed", key=name, **extra)
        common_a = [r for r in a if r in b]
        common_b = [r for r in b if r in a]
        if common_a != common_b:
            self.add("band-order-changed", "band", "decision.ratings", common_a, common_b)

    def score(self, entity: Entity, path: str, old: object, new: object, kind: str, **extra: Any) -> None:
        """A threshold of the decision: a number (in points) or an expression."""
        if isinstance(old, str) and isinstance(new, str):
            self.expression(entity, path, old, new, kind=kind, **extra)
            return
        unit = "points" if extra.get("key") == "min_score" else None
        self.add(kind, entity, path, old, new, unit=unit, **extra)


def _band_label(points: float) -> Text:
    return {"vi": f"mức {format_number(points, 'vi')} điểm", "en": f"{format_number(points, 'en')}-point band"}


def _max_points(c: Criterion) -> float:
    if c.points_by is None:
        return c.points
    values = [*(c.points_by.table or {}).values(), *(b.points for b in c.points_by.bands or [])]
    return max(values, default=0)


def compare(a: CriteriaSet, b: CriteriaSet) -> list[Change]:
    """Every change from ``a`` to ``b``, part by part, in file order."""
    return _Walk(a, b).run()


__all__ = ["compare"]
