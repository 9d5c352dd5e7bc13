"""The HTML report: one self-contained file (no scripts, no network, no external assets),
printable on A4, in Vietnamese or English.

It shows the set, its revision and digest; a summary with charts (pass rate overall, by
group, the criteria failed most); then one card per candidate with its explanation, what it
lacks for the next band and the data still missing. Cards are rendered as they arrive and
spooled to a temporary file, so the report is written in constant memory.
"""

from __future__ import annotations

import tempfile
from html import escape
from pathlib import Path
from typing import IO

from ..explain.i18n import pick
from ..explain.labels import word
from ..explain.text import explain_lines
from ..results import Status
from .report_svg import bar_chart, status_bar
from .summary import STATUSES, Item, Summary
from .writers import Context

MAX_GROUPS = 40
"""The by-group chart shows at most this many groups (the rest are counted in a note)."""

CSS = """
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #1f2933;
       margin: 0 auto; max-width: 60rem; padding: 1rem; font-size: 11pt; line-height: 1.4; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #1565c0; padding-bottom: .2rem; margin-top: 1.5rem; }
table.meta, table.counts { border-collapse: collapse; margin: .5rem 0; }
table.meta th, table.meta td, table.counts th, table.counts td { text-align: left; padding: .15rem .8rem .15rem 0;
       vertical-align: top; }
table.counts td.n { text-align: right; }
code { font-size: .85em; word-break: break-all; }
.chart { display: block; max-width: 100%; margin: .6rem 0 1rem; }
.card { border: 1px solid #cfd6df; border-radius: 6px; padding: .8rem 1rem; margin: 1rem 0; }
.card h3 { margin: 0 0 .4rem; font-size: 1.15rem; }
.card ul { margin: .2rem 0 .6rem; padding-left: 1.2rem; }
.card li { margin: .1rem 0; }
.card h4 { margin: .6rem 0 .1rem; font-size: 1rem; }
.badge { display: inline-block; padding: .05rem .5rem; border-radius: 4px; color: #fff; font-weight: bold;
         font-size: .85rem; margin-left: .4rem; vertical-align: middle; }
.passed { background: #2e7d32; } .failed { background: #c62828; }
.undetermined { background: #f9a825; color: #1f2933; } .invalid { background: #6a1b9a; }
.v-pass { color: #1b5e20; } .v-fail { color: #b71c1c; font-weight: 600; } .v-unknown { color: #8d6e00; }
.v-not_applicable { color: #6b7280; }
.gap { background: #e3f2fd; padding: .3rem .5rem; border-radius: 4px; }
.missing { background: #fff8e1; padding: .3rem .5rem; border-radius: 4px; }
.error { color: #6a1b9a; }
.provenance, .note { color: #6b7280; font-size: .85rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .card { break-before: page; page-break-before: always; border: none; padding: 0; margin: 0; }
  .summary { break-after: page; }
  .chart { break-inside: avoid; }
}
"""


def _percent(part: int, whole: int, lang: str) -> str:
    text = f"{100.0 * part / whole:.1f}%" if whole else "—"
    return text.replace(".", ",") if lang == "vi" else text


class ReportWriter:
    """Writes the report: cards spooled as they come, the page assembled at the end."""

    def __init__(self, stream: IO[str], context: Context) -> None:
        self.stream, self.context = stream, context
        self.cards = tempfile.SpooledTemporaryFile(max_size=8 << 20, mode="w+", encoding="utf-8")  # noqa: SIM115  (closed in close())

    def add(self, item: Item) -> None:
        """Render one candidate's card."""
        self.cards.write(self._card(item))

    def _card(self, item: Item) -> str:
        lang, result = self.context.lang, item.result
        lines = explain_lines(result, lang)
        where = f"{word(lang, 'row')} {item.row}"
        if item.rank is not None:
            where = f"{word(lang, 'rank')} {item.rank} · {where}"
        if item.group:
            where += f" · {escape(self.context.group_field or '')}: {escape(item.group)}"
        out = [
            f'<section class="card" id="row-{item.row}">',
            f"<h3>{escape(lines[0][1])}"
            f'<span class="badge {result.status}">{escape(word(lang, result.status))}</span></h3>',
            f'<p class="note">{where}</p>',
        ]
        in_list = False
        for style, text in lines[1:]:
            is_item = style.startswith("verdict-") or style == "error"
            if in_list and not is_item:
                out.append("</ul>")
                in_list = False
            if style == "group":
                out.append(f"<h4>{escape(text)}</h4>")
            elif is_item:
                if not in_list:
                    out.append("<ul>")
                    in_list = True
                css = "error" if style == "error" else "v-" + style.removeprefix("verdict-")
                out.append(f'<li class="{css}">{escape(text.strip().lstrip("•").strip())}</li>')
            elif style.startswith("status-"):
                out.append(f'<p class="status"><strong>{escape(text)}</strong></p>')
            else:
                out.append(f'<p class="{escape(style)}">{escape(text)}</p>')
        if in_list:
            out.append("</ul>")
        out.append("</section>\n")
        return "".join(out)

    def close(self, summary: Summary) -> None:
        """Write the whole page: header, summary and charts, then the cards."""
        lang, plan = self.context.lang, self.context.plan
        cs, provenance = plan.model, plan.provenance
        title = pick(cs.title, lang)
        write = self.stream.write
        write(f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n')
        write('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
        write(
            f"<title>{escape(word(lang, 'report'))} — {escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        )
        write(f'<header><h1>{escape(word(lang, "report"))}: {escape(title)}</h1>\n<table class="meta">\n')
        end = cs.effective_to.isoformat() if cs.effective_to else "…"
        meta = [
            (word(lang, "set"), f"{escape(title)} (<code>{escape(provenance.set_id)}</code>)"),
            (word(lang, "revision"), f"{escape(provenance.version)} ({escape(cs.status)})"),
            (word(lang, "effective"), f"{cs.effective_from.isoformat()} → {end}"),
            (word(lang, "digest"), f"<code>{escape(provenance.digest)}</code>"),
        ]
        if self.context.as_of is not None:
            meta.append((word(lang, "as_of"), self.context.as_of.isoformat()))
        if self.context.source:
            meta.append((word(lang, "data"), escape(Path(self.context.source).name)))
        if self.context.generated:
            meta.append((word(lang, "generated"), escape(self.context.generated)))
        for label, value in meta:
            write(f"<tr><th>{escape(label)}</th><td>{value}</td></tr>\n")
        write("</table>\n</header>\n")
        write(self._summary(summary))
        write(f"<h2>{escape(word(lang, 'cards'))}</h2>\n")
        self.cards.seek(0)
        while chunk := self.cards.read(1 << 20):
            write(chunk)
        self.cards.close()
        write("</body>\n</html>\n")

    def _summary(self, summary: Summary) -> str:
        lang, plan = self.context.lang, self.context.plan
        total = summary.total
        labels: dict[str, str] = {s: word(lang, s) for s in STATUSES}
        rate = _percent(summary.counts.get(Status.PASSED, 0), total, lang)
        out = [f'<section class="summary">\n<h2>{escape(word(lang, "summary"))}</h2>\n']
        out.append(f'<p><strong>{escape(summary.line(lang))}</strong></p>\n<table class="counts">')
        for label, count in summary.rows(lang):
            out.append(f'<tr><th>{escape(label)}</th><td class="n">{count}</td></tr>')
        out.append("</table>\n")
        out.append(status_bar(summary.counts, labels, lang, f"{word(lang, 'pass_rate')}: {rate}"))
        if summary.group_field is not None and summary.groups:
            rows = []
            for key in sorted(summary.groups)[:MAX_GROUPS]:
                counts = summary.groups[key]
                n, passed = sum(counts.values()), counts.get(Status.PASSED, 0)
                rows.append(
                    (key, 100.0 * passed / n if n else 0.0, f"{passed}/{n} ({_percent(passed, n, lang)})")
                )
            field = summary.group_field
            out.append(bar_chart(rows, word(lang, "by_group").format(field=field), maximum=100.0))
            if len(summary.groups) > MAX_GROUPS:
                more = word(lang, "more_groups").format(n=len(summary.groups) - MAX_GROUPS)
                out.append(f'<p class="note">{escape(more)}</p>')
        titles = {c.id: pick(c.criterion.title, lang) for c in plan.criteria}
        worst = summary.failing.most_common(10)
        if worst:
            rows_f = [(f"{cid} {titles.get(cid, '')}", float(n), f"{n}/{total}") for cid, n in worst]
            out.append(bar_chart(rows_f, word(lang, "most_failed"), maximum=float(max(total, 1))))
        else:
            out.append(f"<p>{escape(word(lang, 'no_failures'))}</p>")
        out.append("</section>\n")
        return "".join(out)


__all__ = ["CSS", "ReportWriter"]
