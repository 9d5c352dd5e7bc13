"""Hypothesis strategies shared by the property tests: records that fit a data dictionary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from hypothesis import strategies as st

from criteria_engine.format.models import InputSpec


def value_for(spec: InputSpec) -> st.SearchStrategy[object]:
    """Valid values of one input (missing values are added by :func:`record_for`)."""
    low = spec.min if spec.min is not None else -1000
    high = spec.max if spec.max is not None else max(low, 0) + 10_000_000
    match spec.type:
        case "integer":
            return st.integers(min_value=int(low), max_value=int(min(high, low + 50)))
        case "number":
            return st.floats(
                min_value=float(low), max_value=float(high), allow_nan=False, allow_infinity=False
            )
        case "boolean":
            return st.booleans()
        case "enum":
            return st.sampled_from(list(spec.values or ()))
        case "string":
            return st.text(max_size=8)
        case "date":
            return st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))
        case _:
            return st.lists(record_for(spec.items or {}, missing=0.1), max_size=6)


@st.composite
def _record(draw: st.DrawFn, inputs: Mapping[str, InputSpec], missing: float) -> dict[str, object]:
    out: dict[str, object] = {}
    for name, spec in inputs.items():
        if missing and draw(st.floats(min_value=0, max_value=1)) < missing:
            continue
        out[name] = draw(value_for(spec))
    return out


def record_for(
    inputs: Mapping[str, InputSpec], missing: float = 0.15
) -> st.SearchStrategy[dict[str, object]]:
    """Records of a data dictionary: valid values, each field missing with probability ``missing``."""
    return _record(inputs, missing)
