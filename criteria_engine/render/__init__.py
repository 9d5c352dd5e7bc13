"""Rendering results for people and programs: the terminal table, CSV/Excel/Markdown rows,
JSON, and the self-contained HTML report. Renderers read results; they never evaluate.

Importing this package registers the styled rich rendering of a result with the results
(:data:`criteria_engine.results.PRESENTATION`).

May import: every part below it (errors, results, format, rules, evaluators, explain), and
:mod:`criteria_engine.io` to read data; rich and openpyxl. Not revisions or cli.
"""

from collections.abc import Iterable
from typing import Any

from ..results import PRESENTATION, Result
from .summary import Block, Item, Summary, assign_ranks
from .writers import BINARY_FORMATS, FORMATS, Context, Writer, make_writer


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
