"""The commune's score sheet: one self-contained HTML file (no scripts, no network), printed
on A4 as an official's document.

Page 1: the national heading, place and date, the title, which revision of which set was
used, the summary (counts, pass rate overall and by village, the criteria failed most) and
the signature blocks (người lập biểu, chủ tịch UBND). Then the table of every candidate,
:data:`ROWS_PER_PAGE` to a page; then one page per candidate with each criterion's verdict,
points and sentence. Cards and rows are spooled to temporary files as they come, so the
sheet is written in constant memory.
"""

from __future__ import annotations

import tempfile
from html import escape
from pathlib import Path
from typing import IO, Any

from ..explain.cache import plan_words
from ..explain.i18n import format_date, format_number, format_percent, format_period, pick
from ..explain.labels import word
from ..explain.phrases import phrase
from ..explain.text import criterion_lines, gap_line, headline, provenance_line, title_line
from ..results import Status
from .document import PAGE_END, DocumentInfo, heading, page_start, signatures
from .report_svg import CHART_CSS, bar_chart, status_bar
from .summary import STATUSES, Item, Summary, failing_ids
from .writers import Context

MAX_GROUPS = 16
"""The by-group chart shows at most this many groups (the rest are counted in a note), so the
summary stays on page 1."""
MOST_FAILED = 8
"""The criteria failed most: at most this many bars."""
ROWS_PER_PAGE = 14
"""Rows of the candidates' table on one page (each row may wrap to three lines)."""

CSS = (
    CHART_CSS
    + """
table.meta { border-collapse: collapse; margin: 0 0 2mm; font-size: 10pt; }
table.meta th, table.meta td { text-align: left; padding: .2mm 3mm .2mm 0; vertical-align: top; }
table.meta code { font-size: 8.5pt; overflow-wrap: anywhere; }
table.counts { border-collapse: collapse; margin: 0 0 2mm; font-size: 10pt; }
table.counts th, table.counts td { text-align: left; padding: .2mm 4mm .2mm 0; }
table.counts td { text-align: right; }
.summary p.line { margin: 1mm 0 2mm; }
.note, .provenance { color: #444; font-size: 9pt; }
h2 { font-size: 12pt; margin: 0 0 2mm; }
table.results { font-size: 9.5pt; }
table.results td.n, table.results td.score { text-align: right; white-space: nowrap; }
table.results td.id { white-space: nowrap; }
.card h2 { margin: 0 0 1mm; }
.card p { margin: .8mm 0; font-size: 10pt; }
.card .status { font-weight: bold; }
.card .gap { background: #e3f2fd; padding: .8mm 1.5mm; }
.card .missing { background: #fff8e1; padding: .8mm 1.5mm; }
table.crit { font-size: 8pt; line-height: 1.18; margin-top: 1mm; }
table.crit th, table.crit td { padding: .3mm 1mm; }
table.crit td.c { width: 36%; }
table.crit td.v { width: 11%; white-space: nowrap; }
table.crit tr.grp td { background: #f3f5f8; font-weight: bold; }
.v-pass td.v { color: #1b5e20; } .v-fail td.v { color: #b71c1c; font-weight: bold; }
.v-unknown td.v { color: #8d6e00; } .v-not_applicable td.v { color: #555; }
.badge { display: inline-block; padding: 0 2mm; border-radius: 1mm; color: #fff; font-size: 9.5pt;
         margin-left: 2mm; vertical-align: middle; }
.passed { background: #2e7d32; } .failed { background: #c62828; }
.undetermined { background: #f9a825; color: #111; } .invalid { background: #6a1b9a; }
.diagnostic { color: #6a1b9a; }
"""
)


def _share(part: int, whole: int, lang: str) -> str:
    return format_percent(100.0 * part / whole, lang) if whole else "—"


def candidate_name(item: Item, context: Context) -> str:
    """The kept columns of a candidate joined (``Giàng A Sử``), '' when none were kept."""
    kept = item.result.kept
    return " · ".join(kept[name] for name in context.keep if kept.get(name))


class ReportWriter:
    """Writes the score sheet: rows and cards spooled as they come, the pages at the end."""

    def __init__(self, stream: IO[str], context: Context) -> None:
        self.stream, self.context = stream, context
        spool: Any = tempfile.SpooledTemporaryFile
        self.cards = spool(max_size=8 << 20, mode="w+", encoding="utf-8")
        self.rows = spool(max_size=4 << 20, mode="w+", encoding="utf-8")
        self.count = 0
        self.words = plan_words(context.plan, context.lang)

    def add(self, item: Item) -> None:
        """Render one candidate's row and card."""
        self.count += 1
        self.rows.write(self._row(item).replace("\n", " ") + "\n")
        self.cards.write(self._card(item))

    def _row(self, item: Item) -> str:
        lang, result = self.context.lang, item.result
        score = "—"
        if result.score is not None:
            score = f"{format_number(result.score, lang)}/{format_number(result.max_score or 0, lang)}"
        rating = self.words.bands.get(result.rating or "", "") if result.rating else ""
        cells = [
            f'<td class="n">{self.count if item.rank is None else item.rank}</td>',
            f'<td class="id">{escape(result.id)}</td>',
        ]
        if self.context.keep:
            cells.append(f"<td>{escape(candidate_name(item, self.context))}</td>")
        if self.context.group_field is not None:
            cells.append(f"<td>{escape(item.group or '')}</td>")
        cells += [
            f'<td class="score">{score}</td>',
            f"<td>{escape(word(lang, result.status))}</td>",
            f"<td>{escape(rating)}</td>",
            f"<td>{escape(failing_ids(result) if result.status != Status.INVALID else '')}</td>",
        ]
        return f"<tr>{''.join(cells)}</tr>"

    def _card(self, item: Item) -> str:
        lang, result, ctx = self.context.lang, item.result, self.context
        name = candidate_name(item, ctx)
        title = title_line(result, lang) + (f" — {name}" if name else "")
        where = [f"{word(lang, 'row')} {item.row}"]
        if item.rank is not None:
            where.insert(0, f"{word(lang, 'rank')} {item.rank}")
        if item.group:
            where.append(f"{self.words.field_heading(ctx.group_field or '')}: {item.group}")
        out = [
            f'<section class="page card" id="row-{item.row}">',
            f'<h2>{escape(title)}<span class="badge {result.status}">{escape(word(lang, result.status))}</span></h2>',
            f'<p class="note">{escape(" · ".join(where))}</p>',
            f'<p class="status">{escape(headline(result, lang))}</p>',
        ]
        if result.status == Status.INVALID:
            out.append("<ul>")
            for issue in result.errors:
                label = self.words.names.label(issue.field.split("[")[0])
                out.append(f'<li class="diagnostic">{escape(label)}: {escape(issue.message_in(lang))}</li>')
            out.append("</ul>")
        else:
            if result.gap is not None:
                out.append(f'<p class="gap">{escape(gap_line(result, lang))}</p>')
            if result.missing:
                names = self.words.names
                shown = ", ".join(names.field(m) if "." in m else names.label(m) for m in result.missing)
                out.append(f'<p class="missing">{escape(phrase(lang, "missing"))}: {escape(shown)}</p>')
            for measure, value in result.measures.items():
                label, shown = self.words.names.label(measure), self.words.names.show(measure, value)
                out.append(f"<p>{escape(label)}: {escape(shown)}</p>")
            out.append(self._criteria(result))
        out.append(f'<p class="provenance">{escape(provenance_line(result, lang))}</p></section>\n')
        return "".join(out)

    def _criteria(self, result: Any) -> str:
        lang, words = self.context.lang, self.words
        head = (
            f"<tr><th>{escape(word(lang, 'criterion'))}</th><th>{escape(word(lang, 'status'))}</th>"
            f"<th>{escape(word(lang, 'explanation').capitalize())}</th></tr>"
        )
        rows, group = [head], None
        for index, (criterion_id, _head, sentence) in enumerate(criterion_lines(result, lang)):
            outcome = result.criteria[index]
            if words.groups[index] != group:
                group = words.groups[index]
                rows.append(f'<tr class="grp"><td colspan="3">{escape(group)}</td></tr>')
            flags = [
                phrase(lang, k) for k, on in (("veto", outcome.veto), ("mandatory", outcome.mandatory)) if on
            ]
            flag = f" [{', '.join(flags)}]" if flags else ""
            points = ""
            if outcome.max_points:
                points = f" · {format_number(outcome.points, lang)}/{format_number(outcome.max_points, lang)}"
            rows.append(
                f'<tr class="v-{outcome.verdict}"><td class="c">{escape(criterion_id)} '
                f"{escape(words.titles[index])}{escape(flag)}</td>"
                f'<td class="v">{escape(phrase(lang, outcome.verdict))}{points}</td><td>{escape(sentence)}</td></tr>'
            )
        return f'<table class="grid crit">{"".join(rows)}</table>'

    def close(self, summary: Summary) -> None:
        """Write the whole document: page 1, the table pages, then the cards."""
        lang, ctx = self.context.lang, self.context
        cs = ctx.plan.model
        year = (ctx.as_of or cs.effective_from).year
        title = f"{word(lang, 'score_sheet')} — {self.words.title}"
        write = self.stream.write
        write(page_start(title, lang, CSS))
        write(self._first_page(summary, year))
        self.rows.seek(0)
        page: list[str] = []
        first = True
        for line in self.rows:  # a page at a time: the rows of a big file are never all in memory
            if line.strip():
                page.append(line.rstrip("\n"))
            if len(page) == ROWS_PER_PAGE:
                self._table_page(page, first)
                page, first = [], False
        if page:
            self._table_page(page, first)
        self.rows.close()
        self.cards.seek(0)
        while chunk := self.cards.read(1 << 20):
            write(chunk)
        self.cards.close()
        write(PAGE_END)

    def _table_page(self, rows: list[str], first: bool) -> None:
        """One page of the results table (the first one under its heading)."""
        write = self.stream.write
        write('<section class="page">')
        if first:
            write(f"<h2>{escape(word(self.context.lang, 'results'))}</h2>")
        write(f'<table class="grid results">{self._table_head()}{"".join(rows)}</table>')
        write("</section>\n")

    def _table_head(self) -> str:
        lang, ctx = self.context.lang, self.context
        heads = [word(lang, "number"), word(lang, "id")]
        if ctx.keep:
            heads.append(" · ".join(ctx.keep))
        if ctx.group_field is not None:
            heads.append(self.words.field_heading(ctx.group_field).capitalize())
        heads += [word(lang, k) for k in ("score", "status", "rating", "failing")]
        return "<tr>" + "".join(f"<th>{escape(h)}</th>" for h in heads) + "</tr>"

    def _first_page(self, summary: Summary, year: int) -> str:
        lang, ctx = self.context.lang, self.context
        cs, provenance = ctx.plan.model, ctx.plan.provenance
        info = (ctx.document or DocumentInfo()).with_defaults(lang, ctx.as_of)
        status_word = word(lang, f"status_{cs.status}")
        meta = [
            (word(lang, "set"), f"{escape(self.words.title)} (<code>{escape(provenance.set_id)}</code>)"),
            (word(lang, "revision"), f"{escape(provenance.version)} ({escape(status_word)})"),
            (word(lang, "effective"), escape(format_period(cs.effective_from, cs.effective_to, lang))),
            (word(lang, "digest"), f"<code>{escape(provenance.digest)}</code>"),
        ]
        if ctx.as_of is not None:
            meta.append((word(lang, "as_of"), escape(format_date(ctx.as_of, lang))))
        if ctx.source:
            meta.append((word(lang, "data"), escape(Path(ctx.source).name)))
        rows = "".join(f"<tr><th>{escape(k)}</th><td>{v}</td></tr>" for k, v in meta)
        out = [
            '<section class="page summary">',
            heading(info, lang),
            f'<h1 class="doc">{escape(word(lang, "score_sheet"))}</h1>',
            f'<p class="sub">{escape(word(lang, "score_sheet_of").format(title=self.words.title))} '
            f"{escape(word(lang, 'year').format(year=year))}</p>",
            f'<table class="meta">{rows}</table>',
            f'<p class="line"><strong>{escape(summary.line(lang))}</strong></p>',
            self._charts(summary),
            signatures(info.signers),
            "</section>\n",
        ]
        return "".join(out)

    def _charts(self, summary: Summary) -> str:
        lang, total = self.context.lang, summary.total
        labels: dict[str, str] = {s: word(lang, s) for s in STATUSES}
        shares: dict[str, str] = {s: _share(summary.counts.get(s, 0), total, lang) for s in STATUSES}
        rate = shares[Status.PASSED]
        out = [status_bar(summary.counts, labels, shares, f"{word(lang, 'pass_rate')}: {rate}")]
        if summary.group_field is not None and summary.groups:
            rows = []
            for key in sorted(summary.groups)[:MAX_GROUPS]:
                counts = summary.groups[key]
                n, passed = sum(counts.values()), counts.get(Status.PASSED, 0)
                rows.append(
                    (key, 100.0 * passed / n if n else 0.0, f"{passed}/{n} ({_share(passed, n, lang)})")
                )
            field = self.words.field_heading(summary.group_field)
            out.append(bar_chart(rows, word(lang, "by_field").format(field=field), maximum=100.0))
            if len(summary.groups) > MAX_GROUPS:
                more = word(lang, "more_groups").format(n=len(summary.groups) - MAX_GROUPS)
                out.append(f'<p class="note">{escape(more)}</p>')
        worst = summary.failing.most_common(MOST_FAILED)
        if worst:
            titles = {c.id: pick(c.criterion.title, lang) for c in self.context.plan.criteria}
            rows_f = [(f"{cid} {titles.get(cid, '')}", float(n), f"{n}/{total}") for cid, n in worst]
            out.append(bar_chart(rows_f, word(lang, "most_failed"), maximum=float(max(total, 1))))
        else:
            out.append(f"<p>{escape(word(lang, 'no_failures'))}</p>")
        return "".join(out)


__all__ = ["CSS", "MAX_GROUPS", "ROWS_PER_PAGE", "ReportWriter", "candidate_name"]
