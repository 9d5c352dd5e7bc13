"""What to tell a person about a cell: whether it is empty, and how to write a value the readers
can read (the "fix" beside each bad cell in the data-quality list)."""

from __future__ import annotations

from ..evaluators.records import value_labels
from ..format.models import InputSpec
from ..messages import Arg, Msg, listing, msg

FORMULA_PROBLEM = msg("data-formula-no-value")
"""The problem of an xlsx formula cell without a stored result."""


def is_empty(raw: object) -> bool:
    """An empty cell (nothing, or only spaces): what an input's ``blank`` value stands for.
    ``-`` and ``NA`` are missing but not empty: someone wrote that the value is not known."""
    return raw is None or (isinstance(raw, str) and not raw.strip())


RESAVE_FORMULAS = msg("data-formula-no-value.hint")


def cell_text(raw: object) -> str:
    """A cell as shown beside its problem (cut at 200 characters)."""
    text = str(raw)
    return text if len(text) <= 200 else text[:199] + "…"


def shortened(items: tuple[Arg, ...], limit: int = 12) -> Arg:
    """At most ``limit`` items of a list to say, with "…" when there are more."""
    return msg("more", items=items[:limit]) if len(items) > limit else listing(items)


def how_to_write(spec: InputSpec) -> Msg:
    """How to write a value of ``spec`` so it can be read (the fix named with a bad value)."""
    kind = spec.type
    if kind == "enum":
        return msg("fix.one-of", labels=shortened(value_labels(spec)))
    if kind == "boolean":
        return msg("fix.yes-no")
    if kind in ("integer", "number"):
        fix = msg("fix.integer" if kind == "integer" else "fix.number")
        bounds: list[Arg] = []
        if spec.min is not None:
            bounds.append(msg("fix.at-least", min=_number(spec.min)))
        if spec.max is not None:
            bounds.append(msg("fix.at-most", max=_number(spec.max)))
        return msg("fix.bounded", fix=fix, bounds=listing(bounds)) if bounds else fix
    if kind == "date":
        return msg("fix.date")
    if kind == "list":
        return msg("fix.list")
    return msg("fix.text")


def _number(value: float) -> Arg:
    """A bound as the set wrote it (``0``, not ``0.0``)."""
    return int(value) if float(value).is_integer() else float(value)


__all__ = [
    "FORMULA_PROBLEM",
    "RESAVE_FORMULAS",
    "cell_text",
    "how_to_write",
    "is_empty",
    "shortened",
    "value_labels",
]
