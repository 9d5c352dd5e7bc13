"""The names of a set in one language: labels, units, precisions, enum and code labels.

Built once per plan and language (:func:`.cache.plan_words`), read by every sentence: a value
is shown through its name, so ``income_per_capita`` is always ``1.200.000 đồng/tháng`` and a
percentage always has the same decimals, wherever it appears.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..format.models import CriteriaSet, InputSpec
from .grammar import coded, counted, lower_first
from .i18n import PLAIN, SHARE, Quantity, default_digits, format_number, format_value, is_count_unit, pick
from .shapes import Target

_DECIMALS = re.compile(r"[.,](\d+)$")
_RATIO = re.compile(r"^\s*([A-Za-z_]\w*)\s*/\s*([A-Za-z_]\w*)\s*$")


class Names:
    """Labels and quantities of every name of a set (inputs, parameters, derived values,
    collections, measures and members' fields) in one language."""

    def __init__(self, model: CriteriaSet, lang: str) -> None:
        self.lang = lang
        self.model = model
        self.labels: dict[str, str] = {}
        self.quantities: dict[str, Quantity] = {}
        self.declared: dict[str, Quantity] = {}
        """Quantities with only the precision the set declares (for targets said as written)."""
        self.enums: dict[str, dict[str, str]] = {}
        self.codes: dict[str, tuple[str, dict[int, str]]] = {}
        self.counts: dict[str, str] = {}
        self.fields: dict[str, str] = {}
        for name, spec in model.inputs.items():
            self._input(name, spec)
        for name, param in model.parameters.items():
            kind = "integer" if isinstance(param.value, int) and not isinstance(param.value, bool) else None
            self._name(name, param.label, param.unit, param.digits, kind)
        for name, derived in model.derived.items():
            unit = derived.unit or (SHARE if self._is_share(derived.expr) else None)
            self._name(name, derived.label, unit, derived.digits, None)
        for name, measure in model.measures.items():
            self._name(name, measure.label, measure.unit, measure.digits, None)
        for name, collection in model.collections.items():
            self.labels[name] = pick(collection.label, lang)
            for field, spec in collection.fields.items():
                self.fields[f"{name}.{field}"] = pick(spec.label, lang)

    def _name(self, name: str, label: object, unit: str | None, digits: int | None, kind: str | None) -> None:
        text = pick(label, self.lang) if isinstance(label, Mapping) else ""
        found = coded(text)
        if found is not None:
            self.codes[name] = found
            text = found[0]
        self.labels[name] = text or name
        self.quantities[name] = Quantity(unit, digits if digits is not None else default_digits(unit, kind))
        self.declared[name] = Quantity(unit, digits)

    def _is_share(self, expr: str) -> bool:
        # ``insured_members / members``: a part of a count over the count, a share of a whole.
        found = _RATIO.match(expr)
        if found is None:
            return False
        part, whole = (self.model.inputs.get(found.group(i)) for i in (1, 2))
        return (
            part is not None
            and whole is not None
            and part.type == whole.type == "integer"
            and part.unit == whole.unit
            and is_count_unit(part.unit)
        )

    def _input(self, name: str, spec: InputSpec) -> None:
        self._name(name, spec.label, spec.unit, spec.digits, spec.type)
        if spec.value_labels:
            self.enums[name] = {code: pick(text, self.lang) for code, text in spec.value_labels.items()}
        if spec.type == "integer" and (spec.unit is None or is_count_unit(spec.unit)):
            noun = counted(self.labels[name], self.lang)
            if noun is None and self.lang != "vi" and counted(pick(spec.label, "vi"), "vi") is not None:
                noun = lower_first(self.labels[name])  # "Members who exercise" counts members
            if noun is not None:
                self.counts[name] = noun
        for field, item in (spec.items or {}).items():
            self.fields[f"{name}.{field}"] = pick(item.label, self.lang) or field

    def label(self, name: str) -> str:
        """The label of a name (the name itself when it has none)."""
        return self.labels.get(name, name)

    def field(self, dotted: str) -> str:
        """The label of a member's field, ``persons.drug_user``."""
        found = self.fields.get(dotted)
        return found if found is not None else dotted.partition(".")[2] or dotted

    def quantity(self, name: str) -> Quantity:
        """How the name's values are shown."""
        return self.quantities.get(name, PLAIN)

    def noun(self, name: str) -> str | None:
        """What a count counts (``vụ bạo lực gia đình …``), None when the name is no count."""
        return self.counts.get(name)

    def show(self, name: str, value: object) -> str:
        """A value of a name as a person reads it: enum values and listed codes by their label,
        numbers at the name's precision with its unit."""
        if isinstance(value, str):
            labels = self.enums.get(name)
            if labels is not None and value in labels:
                return labels[value]
            return value
        codes = self.codes.get(name)
        if codes is not None and isinstance(value, int | float) and not isinstance(value, bool):
            word = codes[1].get(int(value)) if float(value).is_integer() else None
            if word is not None:
                return word
        quantity = self.quantities.get(name)
        if quantity is not None:
            return quantity.show(value, self.lang)
        return format_value(value, self.lang)

    def number(self, name: str, value: float | int) -> str:
        """A number of a name at its precision, without the unit."""
        return self.quantity(name).number(value, self.lang)

    def enum(self, name: str, code: object) -> str:
        """An enum value's label (the value itself when it has none)."""
        return self.enums.get(name, {}).get(str(code), str(code))

    def target(self, name: str | None, target: Target, values: Mapping[str, object]) -> str:
        """A target as the rule writes it, with the unit of the figure it is compared with:
        ``91`` -> ``91%``, ``69.0`` -> ``69,0%``, a parameter by its value (or its label)."""
        unit = self.quantity(name).unit if name is not None else None
        if target.param is not None:
            value = values.get(target.param)
            if value is None and target.param in self.model.parameters:
                value = self.model.parameters[target.param].value  # a constant parameter
            declared = self.declared.get(target.param, PLAIN)
            own_unit = declared.unit or unit
            if isinstance(value, int | float) and not isinstance(value, bool):
                return Quantity(own_unit, declared.digits).show(value, self.lang)
            label = lower_first(self.label(target.param))
            param = self.model.parameters.get(target.param)
            if param is not None and param.by is not None and param.values:
                steps = "; ".join(
                    f"{self.enum(param.by, code)}: {Quantity(own_unit, declared.digits).show(v, self.lang)}"
                    for code, v in param.values.items()
                )
                return f"{label} ({steps})"
            return label
        value = target.value
        if isinstance(value, str):
            return self.enum(name, value) if name is not None else value
        if not isinstance(value, int | float):
            return str(value)
        found = _DECIMALS.search(target.text)
        digits = len(found.group(1)) if found and "e" not in target.text.lower() else None
        if target.percent or unit == SHARE:
            shown = digits - 2 if digits is not None and digits > 2 and not target.percent else None
            return format_number(value * 100, self.lang, shown) + "%"
        return Quantity(
            unit, digits if digits is not None else 0 if float(value).is_integer() else None
        ).show(value, self.lang)

    def band(self, name: str | None, minimum: object) -> str:
        """A band's minimum: by its listed code (``cận nghèo``) or as a target (``60%``)."""
        if name is not None and name in self.codes and isinstance(minimum, int | float):
            word = self.codes[name][1].get(int(minimum)) if float(minimum).is_integer() else None
            if word is not None:
                return word
        unit = self.quantity(name).unit if name is not None else None
        if isinstance(minimum, int | float) and not isinstance(minimum, bool):
            if unit == SHARE:
                return format_number(minimum * 100, self.lang) + "%"
            return Quantity(unit, None).show(minimum, self.lang)
        return str(minimum)


__all__ = ["Names"]
