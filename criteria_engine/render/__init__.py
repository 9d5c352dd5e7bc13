"""Rendering results for people and programs: the terminal table, CSV/Excel/Markdown rows,
JSON, and the self-contained HTML report. Renderers read results; they never evaluate."""

from .summary import Item, Summary, assign_ranks
from .writers import BINARY_FORMATS, FORMATS, Context, Writer, make_writer

__all__ = ["BINARY_FORMATS", "FORMATS", "Context", "Item", "Summary", "Writer", "assign_ranks", "make_writer"]
