"""The public list: who is proposed for the title, to post at the cultural house for ten days
of comments (Decree 86/2023). Names and outcome only: no score, no explanation, and never a
value of an input its set marks ``private: true`` (income, sanctions, violence, health) — a
kept column that is such an input is left out.

:func:`public_list_html` renders a list from plain entries, so the award round can post any
list it builds; :class:`PublicListWriter` builds it from evaluated items.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import IO

from ..explain.cache import plan_words
from ..explain.catalogue import subject_words
from ..explain.i18n import format_period, pick
from ..explain.labels import word
from ..format.models import CriteriaSet
from ..io.columns import fold
from ..results import Status
from .document import DocumentInfo, Signer, heading, page, signatures
from .summary import Item, Summary
from .writers import Context

POSTING_DAYS = 10
"""How long a list is posted for comments (Decree 86/2023)."""

CSS = """
table.public { font-size: 11pt; margin: 3mm 0; }
table.public td.n { text-align: right; width: 10mm; }
table.public tr { break-inside: avoid; }
p.note { margin: 1.5mm 0; }
"""


@dataclass(frozen=True)
class PublicEntry:
    """One line of a public list: the candidate's id, its name, its group and its outcome."""

    id: str
    name: str = ""
    group: str = ""
    outcome: str = ""


def private_names(model: CriteriaSet) -> frozenset[str]:
    """The folded names, labels and aliases of every input the set marks private (a column
    that matches one of them never reaches a public document)."""
    found: set[str] = set()
    for name, spec in model.inputs.items():
        specs = [(name, spec), *((f"{name}.{f}", s) for f, s in (spec.items or {}).items())]
        for key, item in specs:
            if item.private or spec.private:
                found.add(fold(key.rpartition(".")[2]))
                found.update(fold(text) for text in item.label.values())
                found.update(fold(alias) for alias in item.aliases)
    return frozenset(found)


def public_columns(model: CriteriaSet, columns: Sequence[str]) -> tuple[str, ...]:
    """The columns that may appear on a public list: those that are no private input."""
    hidden = private_names(model)
    return tuple(c for c in columns if fold(c) not in hidden)


def public_list_html(
    entries: Sequence[PublicEntry],
    *,
    title: str,
    lang: str,
    info: DocumentInfo,
    assessed: int,
    subject: str = "household",
    name_heading: str = "",
    group_heading: str = "",
    period: tuple[dt.date, dt.date] | None = None,
) -> str:
    """The whole list as a self-contained A4 HTML page. ``title`` is the title proposed
    ("Gia đình hạnh phúc"); ``assessed`` how many candidates were assessed; ``period`` the
    posting period (start, exclusive end; by default the ten days from the document's date)."""
    _heading, noun, plural = subject_words(subject, lang)
    heads = [word(lang, "number"), word(lang, "id")]
    if name_heading:
        heads.append(name_heading)
    if group_heading:
        heads.append(group_heading)
    heads.append(word(lang, "outcome"))
    rows = []
    for number, entry in enumerate(entries, start=1):
        cells = [f'<td class="n">{number}</td>', f"<td>{escape(entry.id)}</td>"]
        if name_heading:
            cells.append(f"<td>{escape(entry.name)}</td>")
        if group_heading:
            cells.append(f"<td>{escape(entry.group)}</td>")
        cells.append(f"<td>{escape(entry.outcome)}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    head = "<tr>" + "".join(f"<th>{escape(h)}</th>" for h in heads) + "</tr>"
    table = (
        f'<table class="grid public">{head}{"".join(rows)}</table>'
        if rows
        else f'<p class="note">{escape(word(lang, "none_listed").format(noun=noun))}</p>'
    )
    notes = [word(lang, "public_note")]
    if period is None and info.date is not None:
        period = (info.date, info.date + dt.timedelta(days=POSTING_DAYS))
    if period is not None:
        notes.append(word(lang, "public_period").format(period=format_period(period[0], period[1], lang)))
    notes.append(word(lang, "public_counts").format(assessed=assessed, listed=len(entries), noun=plural))
    notes.append(word(lang, "public_comments").format(unit=group_heading.lower() or noun))
    body = "".join(
        [
            '<section class="page">',
            heading(info, lang),
            f'<h1 class="doc">{escape(word(lang, "public_list").format(title=title))}</h1>',
            table,
            "".join(f'<p class="note">{escape(n)}</p>' for n in notes),
            signatures(info.signers),
            "</section>\n",
        ]
    )
    return page(word(lang, "public_list").format(title=title), lang, CSS, body)


class PublicListWriter:
    """Collects the candidates that passed (with their rating) and writes the list at the end."""

    def __init__(self, stream: IO[str], context: Context) -> None:
        self.stream, self.context = stream, context
        self.words = plan_words(context.plan, context.lang)
        self.columns = public_columns(context.plan.model, context.keep)
        self.entries: list[PublicEntry] = []
        self.assessed = 0
        hidden = private_names(context.plan.model)
        self.group = (
            context.group_field if context.group_field and fold(context.group_field) not in hidden else None
        )

    def add(self, item: Item) -> None:
        """Keep a candidate that passed (only its id, name, group and rating)."""
        result = item.result
        if result.status != Status.INVALID:
            self.assessed += 1
        if result.status != Status.PASSED:
            return
        name = " · ".join(result.kept.get(c, "") for c in self.columns if result.kept.get(c))
        outcome = self.words.bands.get(result.rating or "", "") or word(self.context.lang, "passed")
        group = (item.group or "") if self.group else ""
        self.entries.append(PublicEntry(result.id, name, group, outcome))

    def close(self, summary: Summary) -> None:
        """Write the page."""
        ctx, lang = self.context, self.context.lang
        base = ctx.document or DocumentInfo()
        info = base.with_defaults(lang, ctx.as_of)
        if not base.signers:  # the list is signed by the commune chairperson alone
            info = DocumentInfo(info.authority, info.place, info.date, (info.signers[-1],))
        start = info.date or dt.date.today()
        self.stream.write(
            public_list_html(
                self.entries,
                title=pick(ctx.plan.model.title, lang),
                lang=lang,
                info=info,
                assessed=self.assessed,
                subject=ctx.plan.model.subject,
                name_heading=" · ".join(self.columns),
                group_heading=self.words.field_heading(self.group).capitalize() if self.group else "",
                period=(start, start + dt.timedelta(days=POSTING_DAYS)),
            )
        )


__all__ = [
    "POSTING_DAYS",
    "PublicEntry",
    "PublicListWriter",
    "Signer",
    "private_names",
    "public_columns",
    "public_list_html",
]
