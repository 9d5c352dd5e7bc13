"""Rendering results for people and programs: the terminal table, CSV/Excel/Markdown rows,
JSON, and the self-contained HTML report. Renderers read results; they never evaluate.

Importing this package registers the styled rich rendering of a result with the results
(:data:`criteria_engine.results.PRESENTATION`). Its names are imported on first use (PEP 562),
so the command line can read :mod:`.formats` and :mod:`.files` without loading the writers.

May import: every part below it (errors, results, format, rules, evaluators, explain), and
:mod:`criteria_engine.io` to read data; rich and openpyxl. Not revisions or cli.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..results import PRESENTATION, Result

if TYPE_CHECKING:
    from .formats import BINARY_FORMATS, FORMATS
    from .summary import Block, Item, Summary, assign_ranks
    from .writers import Context, Writer, make_writer

_HOME_OF = {
    "BINARY_FORMATS": "formats",
    "FORMATS": "formats",
    "Block": "summary",
    "Item": "summary",
    "Summary": "summary",
    "assign_ranks": "summary",
    "Context": "writers",
    "Writer": "writers",
    "make_writer": "writers",
}


def __getattr__(name: str) -> Any:
    """A public name, imported from its module the first time it is asked for."""
    if name not in _HOME_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_HOME_OF[name]}", __name__), name)
    globals()[name] = value
    return value


def _styled(result: Result, lang: str) -> Iterable[Any]:
    from .table import explanation_renderables  # rich is imported when a result is drawn

    return explanation_renderables(result, lang)


PRESENTATION.rich = _styled

__all__ = [
    "BINARY_FORMATS",
    "FORMATS",
    "Block",
    "Context",
    "Item",
    "Summary",
    "Writer",
    "assign_ranks",
    "make_writer",
]
