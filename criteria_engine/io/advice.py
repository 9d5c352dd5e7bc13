"""What to tell a person about a cell: whether it is empty, and how to write a value the readers
can read (the "fix" beside each bad cell in the data-quality list)."""

from __future__ import annotations

from ..format.models import InputSpec

FORMULA_PROBLEM = "the cell holds a formula whose result was never saved in the file, so its value is unknown"
"""The problem of an xlsx formula cell without a stored result."""


def is_empty(raw: object) -> bool:
    """An empty cell (nothing, or only spaces): what an input's ``blank`` value stands for.
    ``-`` and ``NA`` are missing but not empty: someone wrote that the value is not known."""
    return raw is None or (isinstance(raw, str) and not raw.strip())


RESAVE_FORMULAS = "open the file in Excel or LibreOffice and save it again, so the results are stored"


def cell_text(raw: object) -> str:
    """A cell as shown beside its problem (cut at 200 characters)."""
    text = str(raw)
    return text if len(text) <= 200 else text[:199] + "…"


def how_to_write(spec: InputSpec) -> str:
    """How to write a value of ``spec`` so it can be read (the fix named with a bad value)."""
    kind = spec.type
    if kind == "enum":
        labels = [next(iter((spec.value_labels or {}).get(v, {}).values()), v) for v in spec.values or ()]
        return "write one of: " + ", ".join(labels[:12]) + (", …" if len(labels) > 12 else "")
    if kind == "boolean":
        return "write có or không (or x for có)"
    if kind in ("integer", "number"):
        example = "2" if kind == "integer" else "1.500.000"
        bounds = []
        if spec.min is not None:
            bounds.append(f"at least {spec.min:g}")
        if spec.max is not None:
            bounds.append(f"at most {spec.max:g}")
        whole = "a whole number" if kind == "integer" else "a number"
        return f"write {whole} such as {example}" + (f" ({', '.join(bounds)})" if bounds else "")
    if kind == "date":
        return "write a date such as 31/01/2026"
    if kind == "list":
        return "give the list in its own table (--children) or as a JSON list"
    return "write the value as text"


__all__ = ["FORMULA_PROBLEM", "RESAVE_FORMULAS", "cell_text", "how_to_write", "is_empty"]
