"""Turning raw cells into typed values by the input's declared type.

Missing: ``None``, an empty or blank string, ``-``, ``NA`` and ``n/a`` (any case) are missing:
the value is ``None`` and the key is left out of the record.

Numbers are read as Vietnamese and English write them: ``1.500.000``, ``1.500.000,5``,
``69,5``, ``1,500,000``, ``1500000.5``, ``1 500 000``; a trailing ``đ``/``₫``/``VND``/``đồng``
and a trailing ``%`` are dropped (``45%`` is 45: percent inputs are declared in 0..100).

The ambiguity rule: a number with exactly one separator (``.`` or ``,``) followed by exactly
three digits, and one to three digits before it not starting with 0, is a thousands
separator: ``1.500`` and ``1,500`` are 1500. Otherwise a single separator is the decimal
point (``69,5``, ``0,500``, ``1234.567``). With two kinds, the last is the decimal point;
repeated separators are thousands and must group by three.

Numbers come out as ``int`` when written without decimals, else ``float``; an ``integer``
input refuses a fractional value. NaN and infinity are refused, and so is a number of more
than ``MAX_NUMBER_DIGITS`` digits. min/max are not checked here (the evaluator checks the
data dictionary).

Dates: a date cell, ``2026-01-31``, ``31/01/2026`` (day first), or an Excel day number
(:data:`SERIAL_DATES`). An empty cell is missing, or the input's ``blank`` value when it
declares one (a checkbox column: empty means ``không``).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Mapping
from numbers import Real

from criteria_engine.evaluators.records import MISSING_TOKENS, id_text, is_missing
from criteria_engine.format.models import InputSpec
from criteria_engine.io import readers
from criteria_engine.io.advice import (
    FORMULA_PROBLEM,
    how_to_write,
    is_empty,
    shortened,
    value_labels,
)
from criteria_engine.io.columns import InputMatcher, fold
from criteria_engine.io.readers import FORMULA_WITHOUT_VALUE
from criteria_engine.messages import Msg, listing, msg

TRUE_WORDS = frozenset({"true", "t", "1", "co", "x", "yes", "y", "dung", "dat", "v", "✓", "✔"})
FALSE_WORDS = frozenset({"false", "f", "0", "khong", "no", "n", "sai", "khong dat", "chua dat", "chua"})
"""Yes/no words, compared accent-insensitively: có/không, đúng/sai, đạt/không đạt, x..."""

_CURRENCY = re.compile(r"\s*(?:₫|đ|đồng|vnđ|vnd)\.?$", re.IGNORECASE)
_SPACED = re.compile(r"(\d{1,3}(?: \d{3})+)(?:[.,](\d+))?")
_SCIENTIFIC = re.compile(r"\d+(?:\.\d+)?[eE][+-]?\d+")
_ONE_SEP = re.compile(r"(\d*)[.,](\d+)")
_GROUPED = re.compile(r"(\d{1,3}(?P<t>[.,])\d{3}(?:(?P=t)\d{3})*)(?:(?!(?P=t))[.,](\d+))?")
_ISO_DATE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][0-9:.]+)?")
_DMY_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: [0-9:.]+)?")


def _show(raw: object) -> str:
    text = str(raw)
    return repr(text if len(text) <= 60 else text[:59] + "…")


def _kind(raw: object) -> Msg:
    if isinstance(raw, bool):
        return msg("kind.yes-no")
    if isinstance(raw, dt.date):
        return msg("kind.date")
    names = {int: "number", float: "number", str: "text", list: "list", dict: "record"}
    found = next((v for k, v in names.items() if isinstance(raw, k)), None)
    return msg(f"kind.{found}") if found else msg("kind.other", name=type(raw).__name__)


def parse_number(text: str) -> int | float | None:
    """A number written in Vietnamese or English style, or None when ``text`` is not one."""
    s = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    s = _CURRENCY.sub("", s).removesuffix("%").strip()
    sign = -1 if s[:1] in ("-", "−") else 1
    s = s[1:].lstrip() if s[:1] in ("-", "−", "+") else s
    whole, fraction = s, ""
    if s.isdigit() and s.isascii():
        pass
    elif m := _SPACED.fullmatch(s):
        whole, fraction = m.group(1).replace(" ", ""), m.group(2) or ""
    elif _SCIENTIFIC.fullmatch(s):
        return sign * float(s)
    elif m := _ONE_SEP.fullmatch(s):
        head, tail = m.groups()
        if len(tail) == 3 and 1 <= len(head) <= 3 and not head.startswith("0"):
            whole = head + tail
        else:
            whole, fraction = head or "0", tail
    elif m := _GROUPED.fullmatch(s):
        whole, fraction = re.sub(r"[.,]", "", m.group(1)), m.group(3) or ""
    else:
        return None
    if not whole.isascii() or not whole.isdigit():
        return None
    return sign * (float(f"{whole}.{fraction}") if fraction else int(whole))


def _too_long(digits: int) -> Msg:
    return msg("data-bad-value.too-long", digits=digits, limit=readers.MAX_NUMBER_DIGITS)


def _number(raw: object, integer: bool) -> tuple[object, Msg | None]:
    expected = "integer" if integer else "number"
    if isinstance(raw, int) and raw.bit_length() > readers.MAX_NUMBER_DIGITS * 3.32:  # log2(10) > 3.32
        digits = len(str(abs(raw))) if raw.bit_length() < 14_000 else raw.bit_length() * 3 // 10
        if digits > readers.MAX_NUMBER_DIGITS:
            return None, _too_long(digits)
    if isinstance(raw, Real) and not isinstance(raw, bool):
        value: int | float = raw if isinstance(raw, int) else float(raw)
    elif isinstance(raw, str):
        if len(raw) > readers.MAX_NUMBER_DIGITS:
            digits = sum(1 for c in raw if c.isdigit())
            if digits > readers.MAX_NUMBER_DIGITS:
                return None, _too_long(digits)
        parsed = parse_number(raw)
        if parsed is None:
            if raw.strip().casefold() in ("nan", "inf", "-inf", "infinity"):
                return None, msg("data-bad-value.not-finite", value=_show(raw))
            return None, msg(f"data-bad-value.not-{expected}", value=_show(raw))
        value = parsed
    else:
        return None, msg(f"data-bad-value.kind-{expected}", value=_show(raw), kind=_kind(raw))
    if isinstance(value, float):
        if not math.isfinite(value):
            return None, msg("data-bad-value.not-finite", value=_show(raw))
        if integer:
            if not value.is_integer():
                return None, msg("data-bad-value.not-integer", value=_show(raw))
            value = int(value)
    return value, None


def _boolean(raw: object) -> tuple[object, Msg | None]:
    if isinstance(raw, bool):
        return raw, None
    if isinstance(raw, Real) and raw in (0, 1):
        return bool(raw), None
    word = fold(str(raw))
    if word in TRUE_WORDS:
        return True, None
    if word in FALSE_WORDS:
        return False, None
    return None, msg("data-bad-value.not-yes-no", value=_show(raw))


def _enum(raw: object, spec: InputSpec) -> tuple[object, Msg | None]:
    text = (str(int(raw)) if isinstance(raw, float) and raw.is_integer() else str(raw)).strip()
    values = spec.values or ()
    if not values or text in values:
        return text, None
    key = fold(text)
    found = {v for v in values if fold(v) == key}
    found |= {
        v for v, labels in (spec.value_labels or {}).items() if key in {fold(t) for t in labels.values()}
    }
    if len(found) == 1:
        return found.pop(), None
    if found:
        return None, msg("data-bad-value.ambiguous", value=_show(raw), values=listing(sorted(found)))
    allowed = shortened(value_labels(spec, codes=True))  # the labels in Vietnamese, the codes in English
    return None, msg("data-bad-value.not-one-of", value=_show(raw), allowed=allowed)


EXCEL_EPOCH = dt.date(1899, 12, 30)
SERIAL_DATES = (20_000, 80_000)
"""A whole number in this range in a date column is read as an Excel day number (46053 is
2026-01-31): a date cell whose date format was lost shows it. 20,000 is 1954-10-03 and 80,000
is 2119-01-10; other numbers (a year, 2026) are not dates."""


def _date(raw: object) -> tuple[object, Msg | None]:
    if isinstance(raw, dt.datetime):
        return raw.date(), None
    if isinstance(raw, dt.date):
        return raw, None
    serial = isinstance(raw, int | float) and not isinstance(raw, bool) and float(raw).is_integer()
    if serial and SERIAL_DATES[0] <= raw <= SERIAL_DATES[1]:  # type: ignore[operator]
        # a date cell that lost its date format shows Excel's day number
        return EXCEL_EPOCH + dt.timedelta(days=int(raw)), None  # type: ignore[call-overload]
    if not isinstance(raw, str):
        return None, msg("data-bad-value.date-kind", value=_show(raw), kind=_kind(raw))
    text = raw.strip()
    if m := _ISO_DATE.fullmatch(text):
        year, month, day = m.groups()
    elif m := _DMY_DATE.fullmatch(text):
        day, month, year = m.groups()
    else:
        return None, msg("data-bad-value.not-date", value=_show(raw))
    try:
        return dt.date(int(year), int(month), int(day)), None
    except ValueError:
        return None, msg("data-bad-value.no-such-date", value=_show(raw))


def _string(raw: object) -> tuple[object, Msg | None]:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw)), None
    if isinstance(raw, dt.date):
        return raw.isoformat(), None
    text = str(raw).strip()
    return (text or None), None


_MATCHERS: dict[int, tuple[Mapping[str, InputSpec], InputMatcher]] = {}


def _matcher(items: Mapping[str, InputSpec]) -> InputMatcher:
    cached = _MATCHERS.get(id(items))
    if cached is None or cached[0] is not items:
        if len(_MATCHERS) > 256:
            _MATCHERS.clear()
        cached = _MATCHERS[id(items)] = (items, InputMatcher(items))
    return cached[1]


def _list(raw: object, spec: InputSpec) -> tuple[object, Msg | None]:
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return None, msg("data-bad-value.not-json-list", value=_show(raw))
    if not isinstance(raw, list | tuple):
        return None, msg("data-bad-value.kind-list", value=_show(raw), kind=_kind(raw))
    if not spec.items:
        return list(raw), None
    matcher = _matcher(spec.items)
    out: list[dict[str, object]] = []
    problems: list[Msg] = []
    for number, item in enumerate(raw, start=1):
        record: dict[str, object] = {}
        out.append(record)
        if not isinstance(item, dict):
            problems.append(msg("data-bad-value.item-kind", number=number, kind=_kind(item)))
            continue
        for key, value in item.items():
            name, _ = matcher.match(str(key))
            if name is None:
                record[str(key)] = value  # ids and link fields pass through
                continue
            converted, problem = convert_value(value, spec.items[name])
            if problem:
                problems.append(
                    msg("data-bad-value.item-field", number=number, field=str(key), problem=problem)
                )
            elif converted is not None:
                record[name] = converted
    return out, msg("list.semicolons", items=tuple(problems)) if problems else None


def convert_value(raw: object, spec: InputSpec) -> tuple[object, Msg | None]:
    """Convert one raw value for ``spec``: ``(value, None)``, ``(None, None)`` when missing,
    or ``(None, problem)`` when it cannot be converted. A list is converted item by item and
    returned even when some fields fail (those are left out and named in the problem)."""
    if is_missing(raw):
        return None, None
    if raw is FORMULA_WITHOUT_VALUE:
        return None, FORMULA_PROBLEM
    kind = spec.type
    if kind in ("integer", "number"):
        return _number(raw, kind == "integer")
    if kind == "boolean":
        return _boolean(raw)
    if kind == "enum":
        return _enum(raw, spec)
    if kind == "date":
        return _date(raw)
    if kind == "list":
        return _list(raw, spec)
    return _string(raw)


__all__ = [
    "FALSE_WORDS",
    "FORMULA_PROBLEM",
    "MISSING_TOKENS",
    "SERIAL_DATES",
    "TRUE_WORDS",
    "convert_value",
    "how_to_write",
    "id_text",
    "is_empty",
    "is_missing",
    "parse_number",
]
