"""The household letter: one page per household, its own result in plain words and what it
can do to reach the title next year.

It is the household's own explanation, so it may say what the public list never shows; it
names no other household. :func:`letter_html` renders one letter's section (the award round
can send letters of its own); :class:`LettersWriter` writes one page per evaluated candidate,
streaming.
"""

from __future__ import annotations

from html import escape
from typing import IO, Any

from ..explain.cache import PlanWords, plan_words
from ..explain.i18n import format_number, format_percent, pick
from ..explain.labels import word
from ..results import Result, Status, Verdict
from .document import PAGE_END, DocumentInfo, heading, page_start, signatures
from .summary import Item, Summary
from .writers import Context

MAX_LINES = 8
"""At most this many lines in each list of a letter (the rest are counted), so it fits a page."""

CSS = """
.letter h1.doc { margin-top: 4mm; }
.letter p { margin: 1.6mm 0; }
.letter h3 { font-size: 11.5pt; margin: 3mm 0 1mm; }
.letter ul { margin: 0 0 1mm; padding-left: 6mm; }
.letter li { margin: .6mm 0; }
.letter .result { font-weight: bold; font-size: 12.5pt; }
"""


def _list(items: list[str], lang: str) -> str:
    shown = items[:MAX_LINES]
    more = len(items) - len(shown)
    if more:
        shown.append(("… và {n} nội dung khác" if lang == "vi" else "… and {n} more").format(n=more))
    return "<ul>" + "".join(f"<li>{escape(text)}</li>" for text in shown) + "</ul>"


def addressee(result: Result, name: str, words: PlanWords, lang: str) -> str:
    """Who a letter is for: ``Hộ ông/bà Giàng A Sử (C001-V01-H001)``, else ``Hộ C001-V01-H001``."""
    if not name:
        return f"{words.heading} {result.id}"
    if result.plan is not None and result.plan.model.subject == "household":
        return f"{word(lang, 'household_of').format(name=name)} ({result.id})"
    return f"{words.heading} {name} ({result.id})"


def letter_html(result: Result, lang: str, info: DocumentInfo, name: str = "", where: str = "") -> str:
    """One letter as a page section: heading, addressee, result, what is not met yet, what to do."""
    plan: Any = result.plan
    words = plan_words(plan, lang)
    noun = words.noun
    year = info.date.year if info.date else plan.model.effective_from.year
    set_name = f"{words.title} ({plan.provenance.set_id}@{plan.provenance.version})"
    who = addressee(result, name, words, lang) + (f", {where}" if where else "")
    out = [
        '<section class="page letter">',
        heading(info, lang),
        f'<h1 class="doc">{escape(word(lang, "letter").format(title=words.title))}</h1>',
        f'<p class="sub">{escape(word(lang, "year").format(year=year))}</p>',
        f"<p>{escape(word(lang, 'dear').format(who=who))}</p>",
        f"<p>{escape(word(lang, 'letter_intro').format(noun=noun, set=set_name))}</p>",
    ]
    if result.status == Status.INVALID:
        fields = sorted({words.names.label(e.field.split("[")[0].split(".")[0]) for e in result.errors})
        out.append(f"<p>{escape(word(lang, 'letter_invalid').format(noun=noun))}</p>")
        out.append(_list(fields, lang))
    else:
        outcome = words.bands.get(result.rating or "", "") or word(lang, result.status)
        out.append(f'<p class="result">{escape(word(lang, "letter_result").format(result=outcome))}</p>')
        if result.score is not None:
            score = f"{format_number(result.score, lang)}/{format_number(result.max_score or 0, lang)}"
            if result.percent is not None:
                score += f" ({format_percent(result.percent, lang)})"
            out.append(f"<p>{escape(word(lang, 'letter_score_plain').format(score=score))}</p>")
        out.extend(_body(result, words, lang))
    out.append(f"<p>{escape(word(lang, 'letter_ask').format(noun=noun))}</p>")
    out.append(signatures(info.signers))
    out.append("</section>\n")
    return "".join(out)


def _body(result: Result, words: PlanWords, lang: str) -> list[str]:
    noun = words.noun
    failed, unknown, needs = [], [], []
    passed = applicable = 0
    measures = result.measures if words.measured else {}
    for index, (cw, outcome) in enumerate(zip(words.criteria, result.criteria, strict=True)):
        if outcome.verdict == Verdict.NOT_APPLICABLE:
            continue
        applicable += 1
        values = {**measures, **outcome.values} if measures else None
        title = words.titles[index]
        if outcome.verdict == Verdict.PASS:
            passed += 1
            if outcome.points < outcome.max_points:  # a graded criterion below its top level
                needs.append((2, cw.need(outcome.values, outcome.points)))
        elif outcome.verdict == Verdict.FAIL:
            failed.append(f"{title}: {cw.sentence(outcome, values)}")
            rank = 0 if outcome.veto or outcome.mandatory else 1
            needs.append((rank, cw.need(outcome.values, outcome.points)))
        else:
            unknown.append(f"{title}: {cw.sentence(outcome, values)}")
    out = [f"<p>{escape(word(lang, 'letter_passed').format(noun=noun, n=passed, total=applicable))}</p>"]
    if failed:
        out.append(f"<h3>{escape(word(lang, 'letter_not_met').format(noun=noun))}</h3>{_list(failed, lang)}")
    if unknown:
        out.append(f"<h3>{escape(word(lang, 'letter_unknown'))}</h3>{_list(unknown, lang)}")
    gap = result.gap
    todo = [text for _rank, text in sorted(needs, key=lambda pair: pair[0]) if text]
    if gap is not None and gap.points_needed:
        todo.insert(
            0, word(lang, "letter_points").format(points=format_number(gap.points_needed, lang)).capitalize()
        )
    if gap is not None and gap.condition:  # the band's own condition, e.g. years the title was held
        todo.append(_band_condition(result, words, gap.to))
    if result.status == Status.PASSED:
        out.append(f"<p>{escape(word(lang, 'letter_well_done').format(noun=noun))}</p>")
        if gap is not None and todo:
            band = words.bands.get(gap.to, gap.to)
            out.append(f"<h3>{escape(word(lang, 'letter_next_band').format(band=band, noun=noun))}</h3>")
            out.append(_list(todo, lang))
    elif todo:
        out.append(f"<h3>{escape(word(lang, 'letter_next').format(noun=noun))}</h3>{_list(todo, lang)}")
    return out


def _band_condition(result: Result, words: PlanWords, band_id: str) -> str:
    plan: Any = result.plan
    for index, band in enumerate(plan.model.decision.ratings):
        checked = plan.expressions().get(("decision", "ratings", index, "when"))
        if band.id == band_id and checked is not None:
            return words.condition(f"band:{band.id}", (checked.tree, checked.text)).need()
    return ""


class LettersWriter:
    """One letter (one page) per candidate, written as each result arrives."""

    def __init__(self, stream: IO[str], context: Context) -> None:
        self.stream, self.context = stream, context
        lang = context.lang
        self.info = (context.document or DocumentInfo()).with_defaults(lang, context.as_of)
        if not (context.document and context.document.signers):
            self.info = DocumentInfo(
                self.info.authority, self.info.place, self.info.date, (self.info.signers[-1],)
            )
        self.words = plan_words(context.plan, lang)
        title = word(lang, "letter").format(title=pick(context.plan.model.title, lang))
        stream.write(page_start(title, lang, CSS))

    def add(self, item: Item) -> None:
        """Write one letter."""
        ctx, result = self.context, item.result
        name = " · ".join(result.kept.get(c, "") for c in ctx.keep if result.kept.get(c))
        where = ""
        if item.group and ctx.group_field:
            where = f"{self.words.field_heading(ctx.group_field)} {item.group}"
        self.stream.write(letter_html(result, ctx.lang, self.info, name, where))

    def close(self, summary: Summary) -> None:
        """End the page."""
        self.stream.write(PAGE_END)


__all__ = ["MAX_LINES", "LettersWriter", "addressee", "letter_html"]
