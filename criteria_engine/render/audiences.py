"""Which HTML document a run writes, by its audience: the commune's score sheet, the public
list to post, or one letter per household (``criteria report --audience``)."""

from __future__ import annotations

from typing import IO

from .formats import AUDIENCES
from .writers import Context, Writer


def html_writer(stream: IO[str], context: Context) -> Writer:
    """The writer of the HTML document for ``context.audience``."""
    if context.audience == "public":
        from .public_list import PublicListWriter

        return PublicListWriter(stream, context)
    if context.audience == "letters":
        from .letters import LettersWriter

        return LettersWriter(stream, context)
    if context.audience != "commune":
        raise ValueError(f"unknown audience '{context.audience}' (audiences: {', '.join(AUDIENCES)})")
    from .report import ReportWriter

    return ReportWriter(stream, context)


__all__ = ["AUDIENCES", "html_writer"]
