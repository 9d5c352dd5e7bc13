"""Languages: picking a text's language and formatting numbers the way each language writes them.

Vietnamese writes 1.500.000 đ and 69,0%; English writes 1,500,000 VND and 69.0%.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping

DEFAULT_LANGUAGE = "vi"
SUPPORTED_LANGUAGES = ("vi", "en")

_SEPARATORS = {"vi": (".", ","), "en": (",", ".")}  # (thousands, decimal)


def pick(text: Mapping[str, str] | None, lang: str, fallback: str = DEFAULT_LANGUAGE) -> str:
    """The text in ``lang``, else in ``fallback``, else any language; '' for no text."""
    if not text:
        return ""
    if lang in text:
        return text[lang]
    if fallback in text:
        return text[fallback]
    return next(iter(text.values()))


def format_number(value: float | int, lang: str, digits: int | None = None) -> str:
    """``1500000`` -> ``1.500.000`` (vi) or ``1,500,000`` (en); ``69.0`` -> ``69,0`` (vi).

    ``digits=None`` shows integers without decimals and other numbers with up to 2 decimals
    (trailing zeros dropped).
    """
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    thousands, decimal = _SEPARATORS.get(lang, _SEPARATORS["en"])
    if digits is None:
        if isinstance(value, int) or float(value).is_integer():
            text = f"{round(value):,}"
        else:
            text = f"{value:,.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:,.{digits}f}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def format_percent(value: float, lang: str, digits: int = 1) -> str:
    """A percentage already scaled to 0..100: ``69.0`` -> ``69,0%`` (vi), ``69.0%`` (en)."""
    return f"{format_number(value, lang, digits)}%"


_UNITS = {
    "VND/month": {"vi": "đ/tháng", "en": "VND/month"},
    "VND/year": {"vi": "đ/năm", "en": "VND/year"},
    "VND": {"vi": "đ", "en": "VND"},
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
    "million VND/year": {"vi": "triệu đ/năm", "en": "million VND/year"},
    "million VND": {"vi": "triệu đ", "en": "million VND"},
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
}


def unit_label(unit: str | None, lang: str) -> str:
    """How a unit is written in ``lang`` (known units are translated; others kept)."""
    if not unit:
        return ""
    known = _UNITS.get(unit)
    return known.get(lang, unit) if known else unit


def format_value(value: object, lang: str, unit: str | None = None) -> str:
    """Any result value as a person reads it, with its unit."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return ("có" if value else "không") if lang == "vi" else ("yes" if value else "no")
    if isinstance(value, int | float):
        text = format_number(value, lang)
        if unit == "%":
            return f"{text}%"
        label = unit_label(unit, lang)
        if lang == "en" and value == 1:
            label = _SINGULAR.get(label, label)
        return f"{text} {label}" if label else text
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y") if lang == "vi" else value.isoformat()
    if isinstance(value, list):
        return f"{len(value)}"
    return str(value)


__all__ = [
    "DEFAULT_LANGUAGE",
    "SUPPORTED_LANGUAGES",
    "format_number",
    "format_percent",
    "format_value",
    "pick",
    "unit_label",
]
