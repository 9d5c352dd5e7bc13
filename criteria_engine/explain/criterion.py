"""A criterion's sentences in one language: its own ``message`` when the set gives one for the
verdict, else the sentence of the shape of its rule (:class:`.sentences.ShapeWords`); missing
data, members and applicability said the same way for every criterion.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..results import CriterionResult, Reason, Verdict
from .i18n import pick
from .names import Names
from .sentences import ShapeWords, Values, is_number
from .shapes import OTHER, Shape, graded_shape, shape_of, truth

if TYPE_CHECKING:
    from ..evaluators.plan import CriterionPlan

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
"""Where a message's sentences end (a full stop and a space: ``1.500.000`` is one number)."""
_SPECIAL = {
    Reason.DIVISION_BY_ZERO: "division",
    Reason.NO_MEMBERS: "no_members",
    Reason.NO_KNOWN_MEMBERS: "no_known",
}
_KEPT = 512
"""Sentences kept per criterion (a figure with many values fills it; the rest are said afresh)."""
_VERDICT_WORDS = {
    "vi": {"pass": "đạt", "fail": "chưa đạt", "unknown": "chưa xác định", "not_applicable": "không áp dụng"},
    "en": {"pass": "pass", "fail": "fail", "unknown": "unknown", "not_applicable": "not applicable"},
}


class CriterionWords:
    """The prepared sentences of one criterion in one language."""

    def __init__(self, item: CriterionPlan, names: Names, subject: str) -> None:
        criterion, lang = item.criterion, names.lang
        self.names, self.lang, self.item = names, lang, item
        text = item.rule.text if item.rule is not None else ""
        if criterion.points_by is not None:
            tree = item.rule.tree if item.rule is not None else None
            shape = graded_shape(criterion, tree)
        elif item.rule is not None:
            shape = shape_of(item.rule.tree, names.model, text)
        else:
            shape = Shape(OTHER)
        self.words = ShapeWords(shape, names, subject, criterion.veto, text)
        applies = item.applies
        self.applies = (
            ShapeWords(shape_of(applies.tree, names.model, applies.text), names, subject, False, applies.text)
            if applies is not None
            else None
        )
        self.subject = subject
        self._said: dict[object, str] = {}
        self.messages: dict[str, str] = {}
        if criterion.message is not None:
            m = criterion.message
            for verdict, texts in (("pass", m.pass_), ("fail", m.fail), ("unknown", m.unknown)):
                if texts:
                    self.messages[verdict] = pick(texts, lang)
            if m.not_applicable:
                self.messages["not_applicable"] = pick(m.not_applicable, lang)

    @property
    def shape(self) -> Shape:
        """The shape of the criterion's rule."""
        return self.words.shape

    def sentence(self, result: CriterionResult, values: Values | None = None) -> str:
        """The sentence that explains one criterion's verdict (``values``: the criterion's own,
        by default, or those and the result's measures).

        Sentences are kept by what decides them (verdict, reason, points, values, missing
        fields, member counts): records repeat the same facts, so most sentences are looked up.
        """
        if values is None:
            values = result.values
        try:
            key: object = (result.verdict, result.reason, result.points, result.missing, result.aggregates,
                           tuple(values.items()))  # fmt: skip
            found = self._said.get(key)
        except TypeError:  # a value that cannot be a key: say it afresh
            key, found = None, None
        if found is None:
            found = self._sentence(result, values)
            if key is not None and len(self._said) < _KEPT:
                self._said[key] = found
        return found

    def _sentence(self, result: CriterionResult, values: Values) -> str:
        reason, verdict, p = result.reason, result.verdict, self.words.p
        if not reason:
            return _VERDICT_WORDS.get(self.lang, _VERDICT_WORDS["en"])[verdict]
        message = self.messages.get(verdict)
        if reason in (Reason.MISSING_DATA_AS_FAIL, Reason.MISSING_DATA_AS_PASS):
            key = "as_fail" if verdict == Verdict.FAIL else "as_pass"
            return p(key).format(fields=self._fields(result))
        if message is not None:
            return self._fill(message, values)
        if verdict == Verdict.PASS:
            return self.words.passed(values, result)
        if verdict == Verdict.FAIL:
            return self.words.failed(values, result)
        if verdict == Verdict.NOT_APPLICABLE:
            why = self.applies.why_not(values) if self.applies is not None else ""
            return p("na.why").format(why=why) if why else p("na").format(subject=self.subject)
        if reason == Reason.APPLICABILITY_UNKNOWN:
            fields = self._fields(result)
            return p("applicability.why").format(fields=fields) if fields else p("applicability")
        guard = self.words.guard
        if guard is not None and truth(guard.shape, values) is False:
            return self.words.unknown(values, result)  # the data is incomplete: say so first
        if reason in _SPECIAL:
            return p(_SPECIAL[reason]).format(member=self.words._member(2))
        if reason == Reason.TOO_FEW_MEMBERS and result.aggregates:
            detail = result.aggregates[0]
            return p("too_few").format(n=detail.total - detail.unknown, member=self.words._member(2), min="")
        if reason == Reason.MISSING_DATA and result.missing:
            shape = self.words.shape
            own = shape.kind not in ("compound", OTHER, "members") and result.missing == (shape.name,)
            own = own or (shape.kind == "members" and any(a.total for a in result.aggregates))
            if not own:  # say what is missing, not the figure it would have given
                return p("missing_data").format(fields=self._fields(result))
        return self.words.unknown(values, result)

    def need(self, values: Values | None = None, points: float | None = None) -> str:
        """What the criterion asks for, as a requirement (graded: the level above ``points``)."""
        return self.words.need(values, points)

    def _fields(self, result: CriterionResult) -> str:
        names = self.names
        return ", ".join(names.field(m) if "." in m else names.label(m) for m in result.missing)

    def _fill(self, template: str, values: Values) -> str:
        """A message template filled: placeholders give the values at their precision, enum
        values and listed codes by their label (the template's author writes the units around
        them). A sentence of the template naming a value the candidate does not have is left
        out, so one template can say each case ("Theo danh sách rà soát của xã: {official}.
        Hộ chưa có kết quả rà soát; tính từ …: {computed}."); when every sentence names one,
        the whole template is said, with "—" for the values it lacks."""
        names = self.names

        def one(match: re.Match[str]) -> str:
            name = match.group(1)
            value = values.get(name)
            if is_number(value) and name not in names.codes:
                return names.number(name, value)  # type: ignore[arg-type]
            return names.show(name, value)

        sentences = _SENTENCE_END.split(template)
        said = [t for t in sentences if all(values.get(n) is not None for n in _PLACEHOLDER.findall(t))]
        return _PLACEHOLDER.sub(one, " ".join(said) if said else template)


__all__ = ["CriterionWords"]
