"""What the round's printable documents share: an A4 page frame, the administrative heading,
tables, and the round's words (the title, the unit, the levels) in Vietnamese or English.

Every document is one self-contained HTML file (no scripts, no network), printed on A4.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from html import escape

from ..award.messages import day, subject_noun
from ..award.records import Round
from ..explain.i18n import format_number, format_percent, pick
from .report import CSS

PAGE_CSS = (
    CSS
    + """
.heading { display: flex; justify-content: space-between; text-align: center; font-size: .95rem; margin-bottom: 1rem; }
.heading div { width: 48%; } .heading strong { display: block; }
h1.doc { text-align: center; font-size: 1.3rem; margin: .8rem 0 .2rem; text-transform: uppercase; }
p.sub { text-align: center; margin: 0 0 .8rem; }
table.grid { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
table.grid th, table.grid td { border: 1px solid #555; padding: .25rem .4rem; vertical-align: top; }
table.grid th { background: #eef2f7; } td.n { text-align: right; white-space: nowrap; } td.blank { min-width: 4.5rem; }
.signatures { display: flex; justify-content: space-around; margin-top: 2rem; text-align: center; }
.signatures div { min-height: 6rem; }
.letter { break-after: page; page-break-after: always; font-size: 10.5pt; }
.letter p { margin: .25rem 0; }
.letter:last-child { break-after: auto; page-break-after: auto; }
.rule { background: #f3f6fa; padding: .3rem .5rem; border-radius: 4px; }
"""
)

UNIT_WORDS = {
    "village": {"vi": "Thôn, tổ dân phố", "en": "Village"},
    "commune": {"vi": "Xã, phường", "en": "Commune"},
    "province": {"vi": "Tỉnh", "en": "Province"},
}


def w(lang: str, vi: str, en: str) -> str:
    """The Vietnamese or the English wording."""
    return en if lang == "en" else vi


def num(value: float | int | None, lang: str) -> str:
    """A number as the language writes it ('' for none)."""
    return "" if value is None else format_number(value, lang)


def pct(value: float | None, lang: str) -> str:
    """A percentage as the language writes it ('' for none)."""
    return "" if value is None else format_percent(value, lang)


class RoundWords:
    """The round's names in one language: the title, the unit, the levels, the ratings."""

    def __init__(self, round_: Round, lang: str) -> None:
        assert round_.opening is not None
        self.round, self.lang, self.opening = round_, lang, round_.opening
        self.procedure = self.opening.procedure
        self.title = pick(self.opening.title, lang) or round_.key.set_id
        self.noun = subject_noun(self.opening.subject, lang)

    @property
    def unit(self) -> str:
        """``Thôn, tổ dân phố C001-V01``."""
        words = UNIT_WORDS.get(self.procedure.unit, {"vi": self.procedure.unit, "en": self.procedure.unit})
        return f"{words['en' if self.lang == 'en' else 'vi']} {self.round.key.unit}"

    def level(self, level_id: str | None) -> str:
        """A level's label ('' for none)."""
        for level in self.procedure.levels:
            if level.id == level_id:
                return pick(level.label, self.lang)
        return level_id or ""

    def rating(self, rating_id: str | None) -> str:
        """A rating's label ('' for none)."""
        if rating_id is None:
            return ""
        return pick(self.opening.rating_labels.get(rating_id), self.lang) or rating_id

    def day(self, value: dt.date | None) -> str:
        """A date in this language ('' for none)."""
        return "" if value is None else day(value, self.lang)


def page(title: str, body: Iterable[str], lang: str) -> str:
    """A whole HTML document around ``body``."""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{PAGE_CSS}</style>\n</head>\n<body>\n"
        + "".join(body)
        + "</body>\n</html>\n"
    )


def heading(words: RoundWords, title: str, sub: str) -> str:
    """The administrative heading (the unit, the national motto), the document's title, its subtitle."""
    lang = words.lang
    left = f"<strong>{escape(words.unit)}</strong>"
    right = w(
        lang,
        "<strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong>Độc lập - Tự do - Hạnh phúc",
        "<strong>SOCIALIST REPUBLIC OF VIETNAM</strong>Independence - Freedom - Happiness",
    )
    return (
        f'<div class="heading"><div>{left}</div><div>{right}</div></div>\n'
        f'<h1 class="doc">{escape(title)}</h1>\n<p class="sub">{escape(sub)}</p>\n'
    )


def grid(
    head: Sequence[str],
    rows: Iterable[Sequence[object]],
    numeric: Sequence[int] = (),
    blank: Sequence[int] = (),
) -> str:
    """A bordered table; ``numeric`` columns right-aligned, ``blank`` ones left to fill in."""
    out = ['<table class="grid">\n<tr>', *(f"<th>{escape(h)}</th>" for h in head), "</tr>\n"]
    for row in rows:
        out.append("<tr>")
        for i, cell in enumerate(row):
            css = ' class="n"' if i in numeric else (' class="blank"' if i in blank else "")
            out.append(f"<td{css}>{escape('' if cell is None else str(cell))}</td>")
        out.append("</tr>\n")
    out.append("</table>\n")
    return "".join(out)


def paragraph(text: str, css: str = "") -> str:
    """One escaped paragraph."""
    return f"<p{f' class={chr(34)}{css}{chr(34)}' if css else ''}>{escape(text)}</p>\n"


def signatures(*roles: str) -> str:
    """Signature blocks, side by side."""
    return (
        '<div class="signatures">'
        + "".join(f"<div><strong>{escape(r)}</strong></div>" for r in roles)
        + "</div>\n"
    )


__all__ = ["PAGE_CSS", "RoundWords", "grid", "heading", "num", "page", "paragraph", "pct", "signatures", "w"]
