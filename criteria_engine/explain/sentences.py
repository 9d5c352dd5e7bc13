"""The sentences of one shape of rule in one language (:class:`ShapeWords`).

Prepared once per plan and language from the shape (:mod:`.shapes`) and the phrase catalogue
(:mod:`.catalogue`): labels, counted nouns and denials are worked out when the words are
built, so a sentence is a format of prepared parts with the values of one result.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..results import CriterionResult
from .catalogue import MEMBER_WORDS, pattern
from .grammar import HARD, SOFT, deny, lower_first, plural_en, to_do, without_year
from .i18n import format_number, is_count_unit
from .names import Names
from .shapes import Shape, target_value, truth
from .words import in_words

Values = Mapping[str, object]
Say = Callable[[CriterionResult], str]


def is_number(value: object) -> bool:
    """A number that is not a boolean."""
    return isinstance(value, int | float) and not isinstance(value, bool)


class ShapeWords:
    """The sentences of one shape in one language (parts of a compound have their own)."""

    def __init__(self, shape: Shape, names: Names, subject: str, veto: bool, text: str) -> None:
        self.shape, self.names, self.lang = shape, names, names.lang
        self.subject, self.veto, self.text = subject, veto, text
        self.p: Callable[[str], str] = lambda key: pattern(names.lang, key)
        self.parts = tuple(ShapeWords(part, names, subject, False, text) for part in shape.parts)
        self.guard = ShapeWords(shape.guard, names, subject, False, text) if shape.guard else None
        self.said = frozenset(self._names(shape))
        name = shape.name or ""
        self.label = names.label(name) if shape.name else ""
        self.noun = names.noun(name) if shape.kind == "threshold" and shape.name else None
        if shape.kind == "fact":
            statement = self.label
            denied = deny(statement, self.lang, HARD if shape.negated else SOFT)
            self.yes, self.no = (denied, statement) if shape.negated else (statement, denied)
            self.absent = deny(statement, self.lang, HARD) if not shape.negated else statement

    def _names(self, shape: Shape) -> set[str]:
        found = {n for n in (shape.name, shape.other, shape.members) if n}
        for part in shape.parts:
            found |= self._names(part)
        return found

    # -- the four verdicts ------------------------------------------------------------------
    def passed(self, values: Values, result: CriterionResult | None) -> str:
        """The sentence when the rule holds."""
        return self._say(True, values, result)

    def failed(self, values: Values, result: CriterionResult | None) -> str:
        """The sentence when the rule does not hold."""
        return self._say(False, values, result)

    def unknown(self, values: Values, result: CriterionResult | None) -> str:
        """The sentence when the data does not decide the rule."""
        s, p, kind = self.shape, self.p, self.shape.kind
        if self.guard is not None and truth(self.guard.shape, values) is False:
            return p("guard.unknown").format(why=self.guard.failed(values, None))
        if kind == "fact":
            return p("fact.unknown").format(label=self.label)
        if kind == "threshold" and s.target is not None:
            key = "count.unknown" if self.noun is not None else "threshold.unknown"
            return p(key).format(label=self.label, goal=self._goal(values))
        if kind == "enum":
            return p("enum.unknown").format(label=self.label)
        if kind == "pair":
            return p("pair.unknown").format(
                label=self.label, other=lower_first(self.names.label(s.other or ""))
            )
        if kind == "change":
            return p("change.unknown").format(label=without_year(self.label, self.lang))
        if kind in ("table", "bands"):
            return p(f"{kind}.unknown").format(label=self.label)
        if kind == "members" and result is not None and result.aggregates:
            detail = result.aggregates[0]
            return p("members.unknown").format(
                unknown=detail.unknown, total=detail.total, member=self._member(2), cond=self._cond()
            )
        if kind == "compound":
            open_parts = [w for w in self.parts if truth(w.shape, values) is None]
            return p("and").join(w.unknown(values, result) for w in open_parts or self.parts)
        return p("other.unknown").format(rule=self.rule_words())

    def why_not(self, values: Values) -> str:
        """Why a condition (an ``applies_if``) is false, said as a plain fact (lower case)."""
        s, kind = self.shape, self.shape.kind
        if kind == "fact":
            if self.absent.startswith(("Not so: ", "Not yet: ")):  # no grammar for it: say it plainly
                return f"{lower_first(self.label)}: {'không' if self.lang == 'vi' else 'no'}"
            return lower_first(self.absent)
        if kind == "threshold" and self.noun is not None and s.op in (">", ">=", "!="):
            return lower_first(self.p("count.none.pass").format(noun=self.noun))
        if kind in ("threshold", "enum", "change", "pair") and s.name:
            joiner = ": " if kind == "enum" else " "
            return lower_first(f"{self.label}{joiner}{self.names.show(s.name, values.get(s.name))}")
        if kind == "compound":
            closed = [w for w in self.parts if truth(w.shape, values) is False] or list(self.parts)
            if s.op == "or":
                closed = list(self.parts)
            return self.p("and").join(w.why_not(values) for w in closed)
        return ""

    def need(self, values: Values | None = None, points: float | None = None, case: bool = False) -> str:
        """The rule as a requirement: what a candidate must show (for ``show`` and letters);
        for graded points, the next level above ``points`` (every level without them). ``case``:
        said as the case of an ``or`` ("Xã nhóm 3", not "Nhóm của xã: Xã nhóm 3")."""
        s, p, kind = self.shape, self.p, self.shape.kind
        values = values or {}
        if kind in ("table", "bands"):
            return self._graded_need(points)
        if kind == "fact":
            return to_do(self.yes, self.lang) if not s.negated else self.yes
        if kind == "threshold":
            tv = target_value(s.target, values) if s.target is not None else None
            if self.noun is not None and s.op == "==" and tv == 0:
                return p("count.none.need").format(noun=self.noun)
            if self.noun is not None and ((s.op == ">=" and tv == 1) or (s.op == ">" and tv == 0)):
                return p("count.some.need").format(noun=self.noun)
            return p("threshold.need").format(label=self.label, goal=self._goal(values))
        if kind == "enum":
            if case and s.op in ("==", "in"):
                return self._codes()
            key = "enum.need" if s.op in ("==", "in") else "enum.need.not"
            return p(key).format(label=self.label, codes=self._codes())
        if kind == "pair":
            other = lower_first(self.names.label(s.other or ""))
            return p(f"pair.need.{s.op}").format(label=self.label, other=other)
        if kind == "change":
            label = without_year(self.label, self.lang)
            if s.target is None:
                return p(f"change.need.{s.op}").format(label=label)
            return p("change.need.goal").format(label=label, goal=self._change_goal(values))
        if kind == "members":
            function = "none" if s.negated else s.function or "any"
            if function in ("count", "share", "sum", "mean"):
                return p("members.count.need").format(
                    member=self._member(2), cond=self._cond(), goal=self._goal(values)
                )
            return p(f"members.{function}.need").format(member=self._member(1), cond=self._cond())
        if kind == "compound":
            joiner = " và " if self.lang == "vi" else " and "
            if s.op == "or":
                joiner = p("or")
            said = []
            for index, w in enumerate(self.parts):
                text = w.need(values, case=case)
                text = text if index == 0 else lower_first(text)
                said.append(f"({text})" if w.shape.kind == "compound" else text)
            return joiner.join(said)
        return p("other.need").format(rule=self.rule_words())

    def _graded_need(self, points: float | None) -> str:
        s, p, names, name = self.shape, self.p, self.names, self.shape.name or ""

        def level(minimum: object) -> str:
            if s.kind == "table":
                return names.enum(name, minimum)
            shown = names.band(name, minimum)
            return shown if name in names.codes else p("goal.>=").format(t=shown)

        rows = [(m, pts) for m, pts in s.table if pts > 0]
        if points is not None:
            above = [(m, pts) for m, pts in rows if pts > points]
            if above:
                minimum, pts = above[-1]
                return p("graded.need").format(
                    label=self.label, next=level(minimum), points=_points(pts, self.lang)
                )
        unit = "điểm" if self.lang == "vi" else "points"
        steps = ", ".join(f"{level(m)} ({_points(pts, self.lang)} {unit})" for m, pts in rows)
        return f"{self.label}: {steps}"

    # -- helpers ----------------------------------------------------------------------------
    def rule_words(self) -> str:
        """The rule in words, names by their labels."""
        if self.shape.tree is None:
            return ""
        return in_words(self.shape.tree, self.names, self.lang)

    def _goal(self, values: Values) -> str:
        s = self.shape
        assert s.target is not None and s.op is not None
        t = self.names.target(s.name, s.target, values)
        return self.p(f"goal.{s.op}").format(t=t)

    def _change_goal(self, values: Values) -> str:
        s = self.shape
        assert s.target is not None and s.op is not None
        unit = self.names.quantity(s.name or "").unit
        t = self.names.target(None, s.target, values)
        points = "điểm phần trăm" if self.lang == "vi" else "percentage points"
        if unit == "%" and not t.endswith(points):  # a parameter says its unit itself
            t += " " + points
        goal = self.p(f"goal.{s.op}").format(t=t)
        return self.p(f"change.goal.{s.direction}").format(goal=goal)

    def _codes(self) -> str:
        s = self.shape
        return self.p("or").join(self.names.enum(s.name or "", code) for code in s.codes)

    def _member(self, count: float) -> str:
        singular, plural = MEMBER_WORDS.get(self.lang, MEMBER_WORDS["en"])
        return singular if count == 1 else plural

    def _cond(self) -> str:
        s = self.shape
        if s.field is not None and s.members is not None:
            return lower_first(self.names.field(f"{s.members}.{s.field}"))
        if s.condition is not None:
            return in_words(s.condition, self.names, self.lang)
        return ""

    def _say(self, holds: bool, values: Values, result: CriterionResult | None) -> str:
        s, p, kind = self.shape, self.p, self.shape.kind
        verdict = "pass" if holds else "fail"
        if kind == "fact":
            return self.yes if holds else self.no
        if kind == "compound":
            return self._compound(holds, values, result)
        if kind == "members":
            return self._members(holds, result)
        if kind in ("table", "bands"):
            return self._graded(holds, values, result)
        value = values.get(s.name or "")
        if kind == "enum":
            key = "enum.pass" if holds else ("enum.fail" if s.op in ("==", "in") else "enum.fail.not")
            return p(key).format(
                label=self.label, value=self.names.show(s.name or "", value), codes=self._codes()
            )
        if kind == "pair":
            return self._pair(values)
        if kind == "change":
            return self._change(holds, values)
        if kind == "threshold" and s.target is not None and s.op is not None:
            return self._threshold(holds, value, values)
        return p(f"other.{verdict}").format(rule=self.rule_words()) + self._values(values)

    def _threshold(self, holds: bool, value: object, values: Values) -> str:
        s, p = self.shape, self.p
        op = s.op or ">="
        goal = self._goal(values)
        met = p(f"met.{op}" if holds else f"unmet.{op}").format(goal=goal)
        if self.noun is None or not is_number(value):
            shown = self.names.show(s.name or "", value)
            return p("threshold.pass" if holds else "threshold.fail").format(
                label=self.label, value=shown, met=met, unmet=met
            )
        tv = target_value(s.target, values) if s.target is not None else None
        n = self.names.number(s.name or "", value)  # type: ignore[arg-type]
        if op == "==" and tv == 0:
            return p("count.none.pass" if holds else "count.none.fail").format(value=n, noun=self.noun)
        if holds and value == 0 and op in ("<=", "<"):
            return p("count.none.pass").format(noun=self.noun)
        if (op == ">=" and tv == 1) or (op == ">" and tv == 0):
            if holds:
                return p("count.some.pass").format(value=n, noun=self.noun)
            if value == 0:
                return p("count.some.fail").format(noun=self.noun)
        if holds:
            return p("count.pass").format(value=n, noun=self.noun, met=met, unmet=met)
        key = "count.fail" if op in (">=", ">") else "count.fail.over"
        return p(key).format(value=n, noun=self.noun, met=met, unmet=met)

    def _pair(self, values: Values) -> str:
        s, p, names = self.shape, self.p, self.names
        left, right = values.get(s.name or ""), values.get(s.other or "")
        other = lower_first(names.label(s.other or ""))
        if not (is_number(left) and is_number(right)):
            return p("pair.unknown").format(label=self.label, other=other)
        shown = names.show(s.name or "", left)
        if left == right:
            return p("pair.equal").format(label=self.label, other=other, value=shown)
        counts = names.noun(s.name or "") is not None or is_count_unit(names.quantity(s.name or "").unit)
        higher = float(left) > float(right)  # type: ignore[arg-type]
        key = (
            ("pair.more" if counts else "pair.higher")
            if higher
            else ("pair.fewer" if counts else "pair.lower")
        )
        return p(key).format(
            label=self.label, value=shown, other=other, other_value=names.show(s.other or "", right)
        )

    def _change(self, holds: bool, values: Values) -> str:
        s, p, names = self.shape, self.p, self.names
        now, before = values.get(s.name or ""), values.get(s.other or "")
        label = without_year(self.label, self.lang)
        if not (is_number(now) and is_number(before)):
            return p("change.unknown").format(label=label)
        new, old = names.show(s.name or "", now), names.show(s.other or "", before)
        move = "up" if now > before else "down" if now < before else "same"  # type: ignore[operator]
        text = p(f"change.{move}").format(label=label, old=old, new=new)
        if s.target is None:
            return text
        if move != "same":
            quantity = names.quantity(s.name or "")
            diff = abs(now - before)  # type: ignore[operator]
            unit = "percentage points" if quantity.unit == "%" else quantity.unit
            shown = type(quantity)(unit, quantity.digits).show(diff, self.lang)
            text += p(f"change.by.{move}").format(diff=shown)
        goal = self._change_goal(values)
        met = (
            ("đạt " if holds else "chưa đạt ") if self.lang == "vi" else ("meets " if holds else "short of ")
        )
        return f"{text}, {met}{goal}"

    def _members(self, holds: bool, result: CriterionResult | None) -> str:
        s, p = self.shape, self.p
        detail = result.aggregates[0] if result is not None and result.aggregates else None
        n = detail.numerator if detail is not None else 0
        total = detail.total if detail is not None else 0
        count = int(n) if float(n).is_integer() else n
        function = "none" if s.negated else s.function or "any"
        if function not in ("none", "any", "all"):
            from .aggregates import members_sentence

            return members_sentence(self, holds, detail)
        key = f"members.{function}.{'pass' if holds else 'fail'}"
        if function == "all" and not holds and count == 0:
            key = "members.any.fail"  # "Không có thành viên nào …", not "Chỉ 0/3 …"
        shown = self._member(count if function != "all" else total)
        if (function == "none" and holds) or (function in ("any", "all") and not holds and count == 0):
            shown = self._member(1)
        cond = self._cond()
        if self.lang == "en" and shown == self._member(2):
            cond = plural_en(cond)  # "3 members exercise regularly"
        text = p(key).format(n=count, total=total, member=shown, cond=cond)
        if self.veto and not holds:
            text += p("veto").format(subject=self.subject)
        return text

    def _graded(self, holds: bool, values: Values, result: CriterionResult | None) -> str:
        s, p, names = self.shape, self.p, self.names
        name = s.name or ""
        value = values.get(name)
        points = result.points if result is not None else 0.0
        level = names.show(name, value)
        coded = name in names.codes
        if s.kind == "table":
            text = p("table.pass" if holds else "table.fail").format(label=self.label, level=level)
        elif holds or coded:
            key = "bands.pass.level" if coded else "bands.pass"
            text = p(key).format(label=self.label, value=level, level=level)
        else:
            lowest = min((m for m, _ in s.table if isinstance(m, int | float)), default=0)
            goal = p("goal.>=").format(t=names.band(name, lowest))
            text = p("bands.fail").format(label=self.label, value=level, goal=goal)
        above = [(level_, pts) for level_, pts in s.table if pts > points]
        if above and (holds or coded or s.kind == "table"):
            level_, pts = above[-1]
            shown = names.enum(name, level_) if s.kind == "table" else names.band(name, level_)
            if s.kind == "bands" and not coded:
                shown = p("goal.>=").format(t=shown)
            text += p("next").format(next=shown, points=_points(pts, self.lang))
        return text

    def _compound(self, holds: bool, values: Values, result: CriterionResult | None) -> str:
        s, joiner = self.shape, self.p("and")
        decided = [(w, truth(w.shape, values)) for w in self.parts]
        chosen: list[str] = []
        if s.op == "and" and holds:
            chosen = [w.passed(values, None) for w in self.parts]
        elif s.op == "or" and holds:
            first = next((w for w, t in decided if t is True), self.parts[0])
            chosen = [first.passed(values, None)]
        elif s.op == "or":  # no way was met: the first as it failed, the others as what they ask
            first, *others = self.parts
            chosen = [first.failed(values, None)]
            chosen += [self.p("or.else").format(need=lower_first(w.need(values, case=True))) for w in others]
        else:
            wrong = [w for w, t in decided if t is False] or list(self.parts)
            for w in wrong:
                chosen.append(w.failed(values, None))
        return joiner.join(chosen)

    def _values(self, values: Values) -> str:
        shown = "; ".join(
            f"{self.names.label(k)}: {self.names.show(k, v)}" for k, v in values.items() if k in self.said
        )
        return self.p("values").format(values=shown) if shown else ""


def _points(value: float, lang: str) -> str:
    return format_number(value, lang)


__all__ = ["ShapeWords", "Values", "is_number"]
