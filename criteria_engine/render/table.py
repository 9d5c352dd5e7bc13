"""The terminal table (rich): status, score, rating and the failing criteria of each candidate.

Colour only on a terminal; elsewhere plain text at a fixed width, so that output piped to a
file or compared in tests is the same everywhere. The table keeps one short row of text per
candidate until the end (to size its columns), for the first :data:`TABLE_ROWS` candidates
only: a longer run shows its first :data:`TABLE_HEAD` rows, the summary, and how to write
every result to a file (``-o``), so its memory stays small however many rows it reads.

Ids and other texts from the data are printed with their control characters escaped
(:func:`~.safe.printable`): an id holding a terminal escape sequence cannot clear the screen
or rewrite what was printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..explain.catalogue import subject_words
from ..explain.i18n import pick
from ..explain.labels import word
from ..explain.text import explain_lines
from ..messages import msg
from ..results import Result
from .safe import printable
from .summary import Item, Summary, failing_ids, number, rating_label
from .writers import Context

PLAIN_WIDTH = 110
"""The width of tables written to something that is not a terminal."""

TABLE_ROWS = 300
"""Up to this many candidates, the table shows every one."""
TABLE_HEAD = 100
"""Beyond :data:`TABLE_ROWS`, the table shows this many (the first ones) and says how to see all."""

STATUS_STYLES = {
    "passed": "bold green",
    "failed": "bold red",
    "undetermined": "bold yellow",
    "invalid": "bold magenta",
}
LINE_STYLES = {
    "title": "bold",
    "gap": "cyan",
    "missing": "yellow",
    "group": "bold underline",
    "verdict-pass": "green",
    "verdict-fail": "red",
    "verdict-unknown": "yellow",
    "verdict-not_applicable": "dim",
    "error": "magenta",
    "provenance": "dim",
    "measure": "blue",
}


def console(stream: IO[str], colour: bool) -> Console:
    """A rich console on ``stream``: coloured for a terminal, plain and fixed-width otherwise."""
    if colour:
        return Console(file=stream, force_terminal=True, highlight=False, emoji=False)
    return Console(
        file=stream, force_terminal=False, no_color=True, highlight=False, emoji=False, width=PLAIN_WIDTH
    )


class TableWriter:
    """Collects rows (the first :data:`TABLE_ROWS`), prints the table and the summary at the end."""

    def __init__(self, stream: IO[str], context: Context) -> None:
        self.stream, self.context = stream, context
        self.rows: list[tuple[str, ...]] = []
        self.count = 0

    def add(self, item: Item) -> None:
        """Keep one row of text (while the table may still show it)."""
        self.count += 1
        if len(self.rows) >= TABLE_ROWS:
            return
        result, lang = item.result, self.context.lang
        first = item.rank if self.context.ranked else item.row
        score = f"{number(result.score)}/{number(result.max_score)}" if result.score is not None else "—"
        row = (
            "" if first is None else str(first),
            printable(result.id),
            result.status,
            score,
            printable(rating_label(result, lang)),
        )
        self.rows.append((*row, printable(failing_ids(result))))

    def close(self, summary: Summary) -> None:
        """Print everything."""
        lang, plan = self.context.lang, self.context.plan
        out = console(self.stream, self.context.colour)
        title = f"{pick(plan.model.title, lang)} — {plan.provenance.set_id}@{plan.provenance.version}"
        table = Table(title=title, title_justify="left", show_lines=False, pad_edge=False)
        first = word(lang, "rank") if self.context.ranked else word(lang, "row")
        table.add_column(first, justify="right", no_wrap=True)
        table.add_column(word(lang, "id"), overflow="fold")
        table.add_column(word(lang, "status"), no_wrap=True)
        table.add_column(word(lang, "score"), justify="right", no_wrap=True)
        table.add_column(word(lang, "rating"))
        table.add_column(word(lang, "failing"), overflow="fold")
        shown = self.rows if self.count <= TABLE_ROWS else self.rows[:TABLE_HEAD]
        for row in shown:
            status = Text(word(lang, row[2]), style=STATUS_STYLES.get(row[2], ""))
            table.add_row(row[0], Text(row[1]), status, row[3], Text(row[4]), Text(row[5]))
        out.print(table)
        if len(shown) < self.count:
            hidden = self.count - len(shown)
            noun = subject_words(plan.model.subject, lang)[2 if hidden != 1 else 1]
            note = msg("table.more-rows", count=hidden, noun=noun)(lang)
            out.print(Text(note, style="bold"))
        out.print(summary.line(lang))
        out.print(Text(f"{word(lang, 'digest')}: {plan.provenance.digest}", style="dim"))


def explanation_renderables(result: Result, lang: str) -> list[Text]:
    """The explanation as styled rich lines (used by ``Result.__rich_console__``)."""
    out: list[Text] = []
    for style, line in explain_lines(result, lang):
        text = printable(line)
        if style.startswith("status-"):
            out.append(Text(text, style=STATUS_STYLES.get(style.removeprefix("status-"), "bold")))
        else:
            out.append(Text(text, style=LINE_STYLES.get(style, "")))
    return out


def print_explanation(stream: IO[str], results: Sequence[Result], lang: str, colour: bool) -> None:
    """Explanations, styled on a terminal (plain text otherwise, exactly ``result.explain``)."""
    if not colour:
        stream.write("\n\n".join(printable(r.explain(lang), lines=True) for r in results) + "\n")
        return
    out = console(stream, True)
    for index, result in enumerate(results):
        if index:
            out.print()
        for line in explanation_renderables(result, lang):
            out.print(line)


__all__ = [
    "PLAIN_WIDTH",
    "TABLE_HEAD",
    "TABLE_ROWS",
    "TableWriter",
    "console",
    "explanation_renderables",
    "print_explanation",
]
