"""The parts every printed document shares: the national heading (Quốc hiệu, tiêu ngữ), the
issuing body, place and date, signature blocks, and the A4 page style — as an official's
document has them. Reused by the score sheet, the public list, the household letters and any
other document of the award round (:class:`DocumentInfo`, :func:`page`, :func:`heading`,
:func:`signatures`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from ..explain.i18n import format_long_date
from ..explain.labels import word

BASE_CSS = """
@page { size: A4; margin: 12mm 12mm 12mm 15mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; color: #111;
       margin: 0 auto; max-width: 180mm; padding: 0; font-size: 11.5pt; line-height: 1.35; }
.nation { display: flex; justify-content: space-between; gap: 6mm; margin-bottom: 4mm; }
.nation > div { text-align: center; }
.nation .issuer { width: 42%; text-transform: uppercase; font-weight: bold; font-size: 10.5pt; }
.nation .state { width: 58%; }
.nation .state .name { font-weight: bold; font-size: 10.5pt; white-space: nowrap; }
.nation .state .motto { font-weight: bold; font-size: 11.5pt; }
.nation .rule { display: block; width: 40%; margin: 1mm auto 0; border-top: 1px solid #111; }
.dated { text-align: right; font-style: italic; margin: 0 0 4mm; }
h1.doc { text-align: center; text-transform: uppercase; font-size: 13pt; margin: 2mm 0 1mm; }
p.sub { text-align: center; margin: 0 0 4mm; font-weight: bold; }
.signs { display: flex; justify-content: space-between; gap: 8mm; margin-top: 6mm; break-inside: avoid; }
.signs > div { width: 45%; text-align: center; min-height: 32mm; }
.signs .role { font-weight: bold; text-transform: uppercase; font-size: 10.5pt; }
.signs .note { font-style: italic; font-size: 9.5pt; }
.signs .who { margin-top: 18mm; font-weight: bold; }
table.grid { border-collapse: collapse; width: 100%; }
table.grid th, table.grid td { border: 1px solid #555; padding: 1mm 1.5mm; vertical-align: top;
       overflow-wrap: break-word; }
table.grid th { background: #eef1f5; font-size: 10pt; }
.page { break-after: page; padding-top: 1.5mm; }  /* room for the accents of a first line */
.page:last-child { break-after: auto; }
@media screen { body { padding: 8mm; } .page { border-bottom: 1px dashed #99a; padding-bottom: 6mm;
       margin-bottom: 6mm; } }
"""
"""The page style every document starts from (A4, serif as printed documents are)."""


@dataclass(frozen=True)
class Signer:
    """A signature block: the role printed above, the note under it, the name (may be empty)."""

    role: str
    note: str = ""
    name: str = ""
    above: str = ""
    """A line above the role (``TM. Ủy ban nhân dân``)."""


@dataclass(frozen=True)
class DocumentInfo:
    """Who issues a document, where and when: the heading and the signature blocks."""

    authority: str = ""
    """The issuing body, e.g. ``UBND xã Bản Xèo`` (printed upper case at the top left)."""
    place: str = ""
    """Where it is signed, e.g. ``Bản Xèo`` (``Bản Xèo, ngày 01 tháng 12 năm 2026``)."""
    date: dt.date | None = None
    signers: tuple[Signer, ...] = field(default_factory=tuple)

    def with_defaults(self, lang: str, when: dt.date | None) -> DocumentInfo:
        """This information with the date (``when`` or today) and the score sheet's two
        signature blocks (người lập biểu, chủ tịch UBND) when none are given."""
        signers = self.signers or (
            Signer(word(lang, "preparer"), word(lang, "sign_note")),
            Signer(word(lang, "chair"), word(lang, "seal_note"), above=word(lang, "on_behalf")),
        )
        return DocumentInfo(self.authority, self.place, self.date or when or dt.date.today(), signers)


def heading(info: DocumentInfo, lang: str) -> str:
    """The national heading: the issuing body on the left, Quốc hiệu and tiêu ngữ on the
    right; then the place and date."""
    issuer = escape(info.authority) if info.authority else "&nbsp;"
    rule = '<span class="rule"></span>'
    out = [
        '<header class="nation">',
        f'<div class="issuer">{issuer}{rule if info.authority else ""}</div>',
        f'<div class="state"><div class="name">{escape(word(lang, "nation"))}</div>',
        f'<div class="motto">{escape(word(lang, "motto"))}</div>{rule}</div>',
        "</header>",
    ]
    if info.date is not None:
        date = format_long_date(info.date, lang)
        dated = word(lang, "dated").format(place=info.place, date=date) if info.place else date
        out.append(f'<p class="dated">{escape(dated[:1].upper() + dated[1:])}</p>')
    return "".join(out)


def signatures(signers: Sequence[Signer]) -> str:
    """The signature blocks side by side."""
    blocks = []
    for signer in signers:
        above = f'<div class="role">{escape(signer.above)}</div>' if signer.above else ""
        blocks.append(
            f'<div>{above}<div class="role">{escape(signer.role)}</div>'
            f'<div class="note">{escape(signer.note)}</div>'
            f'<div class="who">{escape(signer.name) if signer.name else "&nbsp;"}</div></div>'
        )
    return f'<section class="signs">{"".join(blocks)}</section>'


def page(title: str, lang: str, css: str, body: str) -> str:
    """A whole self-contained HTML page (no scripts, no network, no external file)."""
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{BASE_CSS}{css}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )


def page_start(title: str, lang: str, css: str) -> str:
    """The start of a page whose body is written piece by piece (end it with :data:`PAGE_END`)."""
    return page(title, lang, css, "\0").split("\0")[0]


PAGE_END = "</body>\n</html>\n"
"""What closes a page started with :func:`page_start`."""


__all__ = ["BASE_CSS", "PAGE_END", "DocumentInfo", "Signer", "heading", "page", "page_start", "signatures"]
