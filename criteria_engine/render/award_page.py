"""What the round's printable documents share: the round's words (the title, the unit, the
levels) in Vietnamese or English, and the frame every printed document of the library uses
(:mod:`.document`: the national heading, the A4 page, the signature blocks) with the round's
tables and paragraphs.

Every document is one self-contained HTML file (no scripts, no network), printed on A4.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from html import escape

from ..award.messages import day, subject_noun
from ..award.records import Round
from ..explain.i18n import format_number, format_percent, pick
from . import document

PAGE_CSS = """
td.n { text-align: right; white-space: nowrap; } td.blank { min-width: 18mm; }
table.grid { margin: 2mm 0 4mm; }
.procedure-rule { background: #f3f6fa; padding: 1mm 2mm; }
.letter { font-size: 10.5pt; } .letter p { margin: 1mm 0; }
.v-fail { color: #8b1a1a; font-weight: 600; } .v-unknown { color: #7a5d00; }
.note, .provenance { color: #555; font-size: 9.5pt; }
"""
"""What the round's documents add to the shared page style (:data:`.document.BASE_CSS`)."""

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
    """A whole HTML document around ``body`` (the shared A4 frame)."""
    return document.page(title, lang, PAGE_CSS, "".join(body))


def heading(words: RoundWords, title: str, sub: str, when: dt.date | None = None) -> str:
    """The national heading (the unit issuing it, Quốc hiệu and tiêu ngữ, the date when known),
    the document's title and its subtitle."""
    info = document.DocumentInfo(authority=words.unit, date=when)
    return (
        document.heading(info, words.lang)
        + f'<h1 class="doc">{escape(title)}</h1>\n<p class="sub">{escape(sub)}</p>\n'
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
    """Signature blocks, side by side (the role above, the name left to write)."""
    return document.signatures([document.Signer(role) for role in roles])


__all__ = ["PAGE_CSS", "RoundWords", "grid", "heading", "num", "page", "paragraph", "pct", "signatures", "w"]
