"""The one formatter: numbers, quantities, money, percentages and dates per language.

Vietnamese writes ``1.500.000 đồng`` and ``69,0%``, dates ``01/07/2026``; English writes
``1,500,000 VND``, ``69.0%`` and ``1 Jul 2026``. A quantity (an input, parameter, derived
value or measure) is shown with one fixed precision wherever it appears: the ``digits`` its
set declares, else a default by its unit and type (``%``: 1 decimal, money and whole counts:
none) — so the same figure never shows two ways. Targets written in a rule (``> 91``) are
shown as the rule writes them ("trên 91%").

Hand-written rather than Babel: two languages, separators fixed by CLDR (checked by a test),
and officials' own words where CLDR differs ("đồng", not "₫"); Babel would add a dependency
and its locale data to every start-up for two separators.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_LANGUAGE = "vi"
SUPPORTED_LANGUAGES = ("vi", "en")

_SEPARATORS = {"vi": (".", ","), "en": (",", ".")}  # (thousands, decimal), as CLDR has them
_SWAP = {"vi": str.maketrans({",": ".", ".": ","}), "en": str.maketrans({})}


def pick(text: Mapping[str, str] | None, lang: str, fallback: str = DEFAULT_LANGUAGE) -> str:
    """The text in ``lang``, else in ``fallback``, else any language; '' for no text."""
    if not text:
        return ""
    found = text.get(lang)
    if found is not None:
        return found
    if fallback in text:
        return text[fallback]
    return next(iter(text.values()))


def format_number(value: float | int, lang: str, digits: int | None = None) -> str:
    """``1500000`` -> ``1.500.000`` (vi) or ``1,500,000`` (en); ``69.0`` -> ``69,0`` (vi).

    ``digits=None`` shows integers without decimals and other numbers with up to 2 decimals
    (trailing zeros dropped); a number of ``digits`` always shows that many.
    """
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if digits is None:
        if isinstance(value, int) or float(value).is_integer():
            text = f"{round(value):,}"
        else:
            text = f"{value:,.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:,.{digits}f}"
        if text.startswith("-") and not text.strip("-0.,"):
            text = text[1:]  # -0,0 reads as 0,0
    return text.translate(_SWAP.get(lang, _SWAP["en"]))


def format_percent(value: float, lang: str, digits: int = 1) -> str:
    """A percentage already scaled to 0..100: ``69.0`` -> ``69,0%`` (vi), ``69.0%`` (en)."""
    return f"{format_number(value, lang, digits)}%"


_UNITS: dict[str, dict[str, str]] = {
    "VND/month": {"vi": "đồng/tháng", "en": "VND/month"},
    "VND/year": {"vi": "đồng/năm", "en": "VND/year"},
    "VND": {"vi": "đồng", "en": "VND"},
    "%": {"vi": "%", "en": "%"},
    "people": {"vi": "người", "en": "people"},
    "households": {"vi": "hộ", "en": "households"},
    "years": {"vi": "năm", "en": "years"},
    "points": {"vi": "điểm", "en": "points"},
    "persons": {"vi": "người", "en": "people"},
    "children": {"vi": "trẻ", "en": "children"},
    "doctors": {"vi": "bác sĩ", "en": "doctors"},
    "dwellings": {"vi": "căn", "en": "dwellings"},
    "communes": {"vi": "xã, phường", "en": "communes/wards"},
    "villages": {"vi": "thôn, tổ dân phố", "en": "villages"},
    "schools": {"vi": "trường", "en": "schools"},
    "clubs": {"vi": "câu lạc bộ", "en": "clubs"},
    "cases": {"vi": "vụ", "en": "cases"},
    "times": {"vi": "lần", "en": "times"},
    "million VND/year": {"vi": "triệu đồng/năm", "en": "million VND/year"},
    "million VND": {"vi": "triệu đồng", "en": "million VND"},
    "percentage points": {"vi": "điểm phần trăm", "en": "percentage points"},
    "m2": {"vi": "m²", "en": "m²"},
}
_SINGULAR = {
    "people": "person",
    "children": "child",
    "households": "household",
    "doctors": "doctor",
    "dwellings": "dwelling",
    "communes/wards": "commune/ward",
    "villages": "village",
    "schools": "school",
    "clubs": "club",
    "cases": "case",
    "times": "time",
    "years": "year",
    "points": "point",
    "percentage points": "percentage point",
}
_WHOLE_UNITS = frozenset({"VND/month", "VND/year", "VND", "people", "households", "persons", "children"})
"""Units counted or paid in whole numbers: shown without decimals unless a set says otherwise."""
_COUNT_UNITS = frozenset(
    {"people", "households", "persons", "children", "doctors", "dwellings", "communes", "villages"}
    | {"schools", "clubs", "cases", "times"}
)


def unit_label(unit: str | None, lang: str, count: float | None = None) -> str:
    """How a unit is written in ``lang`` (known units translated, others kept as written);
    ``count=1`` gives the English singular."""
    if not unit:
        return ""
    known = _UNITS.get(unit)
    label = known.get(lang, unit) if known else unit
    if count == 1 and lang == "en":
        return _SINGULAR.get(label, label)
    return label


def is_count_unit(unit: str | None) -> bool:
    """Whether values of ``unit`` count things (people, cases...): said as "3 người"."""
    return unit in _COUNT_UNITS


SHARE = "share"
"""The unit of a fraction of a whole (0..1), shown as a percentage: ``0.75`` -> ``75,0%``."""


def default_digits(unit: str | None, kind: str | None) -> int | None:
    """The precision of a quantity that declares none: 1 decimal for ``%`` and shares, none
    for money, counts and integers; None (up to 2 decimals, zeros dropped) otherwise."""
    if unit in ("%", "percentage points", SHARE):
        return 1
    if kind == "integer" or unit in _WHOLE_UNITS:
        return 0
    return None


@dataclass(frozen=True, slots=True)
class Quantity:
    """How one name's values are shown: its unit and its fixed number of decimals."""

    unit: str | None = None
    digits: int | None = None

    def number(self, value: float | int, lang: str) -> str:
        """The number alone, at this quantity's precision (a share as its percentage)."""
        if self.unit == SHARE:
            return format_number(value * 100, lang, self.digits)
        return format_number(value, lang, self.digits)

    def show(self, value: object, lang: str) -> str:
        """The value with its unit: ``1.500.000 đồng/tháng``, ``88,9%``, ``3 người``."""
        if isinstance(value, bool) or not isinstance(value, int | float):
            return format_value(value, lang)
        if self.unit == SHARE:
            return format_number(value * 100, lang, self.digits) + "%"
        text = format_number(value, lang, self.digits)
        if self.unit == "%":
            return text + "%"
        label = unit_label(self.unit, lang, value)
        return f"{text} {label}" if label else text

    def target(self, value: float | int, lang: str) -> str:
        """A target written in a rule, as written (``91`` -> ``91%``), with this unit."""
        return Quantity(self.unit, None).show(value, lang)


PLAIN = Quantity()
"""A quantity with no unit and no fixed precision."""

_MONTHS_LONG_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(value: dt.date, lang: str) -> str:
    """``01/07/2026`` (vi) or ``1 Jul 2026`` (en)."""
    if lang == "vi":
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"


def format_long_date(value: dt.date, lang: str) -> str:
    """How a document is dated: ``ngày 01 tháng 12 năm 2026`` (vi), ``1 December 2026`` (en)."""
    if lang == "vi":
        return f"ngày {value.day:02d} tháng {value.month:02d} năm {value.year}"
    return f"{value.day} {_MONTHS_LONG_EN[value.month - 1]} {value.year}"


def format_period(start: dt.date, end: dt.date | None, lang: str) -> str:
    """A period whose ``end`` is exclusive, said with inclusive ends:
    ``01/07/2026 – 31/12/2026``; an open end reads ``từ 01/07/2026`` (``from 1 Jul 2026``)."""
    if end is None:
        return ("từ " if lang == "vi" else "from ") + format_date(start, lang)
    last = end - dt.timedelta(days=1)
    return f"{format_date(start, lang)} – {format_date(last, lang)}"


def format_value(value: object, lang: str, unit: str | None = None, digits: int | None = None) -> str:
    """Any result value as a person reads it, with its unit."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return ("có" if value else "không") if lang == "vi" else ("yes" if value else "no")
    if isinstance(value, int | float):
        return Quantity(unit, digits).show(value, lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, list):
        return format_number(len(value), lang)
    return str(value)


__all__ = [
    "DEFAULT_LANGUAGE",
    "PLAIN",
    "SHARE",
    "SUPPORTED_LANGUAGES",
    "Quantity",
    "default_digits",
    "format_date",
    "format_long_date",
    "format_number",
    "format_percent",
    "format_period",
    "format_value",
    "is_count_unit",
    "pick",
    "unit_label",
]
