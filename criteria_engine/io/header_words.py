"""The words of a commune's spreadsheet: how headers are compared, the abbreviations officials
write, the headers of an id column, and the rows that are totals rather than candidates.

Everything here compares *folded* text (:func:`fold`): case, accents, ``đ``/``d``, spacing and
``_`` do not matter. :func:`loose` goes further for headers: text in brackets, numbering
(``1.``, ``(2)``) and punctuation are dropped and common abbreviations are spelt out
(``Xã ĐBKK`` reads as ``xa dac biet kho khan``), so a header typed the usual way meets the
label the set declares.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

ABBREVIATIONS: Mapping[str, str] = {
    "bhyt": "bao hiem y te",
    "bhxh": "bao hiem xa hoi",
    "tdtt": "the duc the thao",
    "dbkk": "dac biet kho khan",
    "gdvh": "gia dinh van hoa",
    "gdhp": "gia dinh hanh phuc",
    "blgd": "bao luc gia dinh",
    "hvs": "hop ve sinh",
    "dtts": "dan toc thieu so",
    "ntm": "nong thon moi",
    "vsmt": "ve sinh moi truong",
    "tnbq": "thu nhap binh quan",
    "bq": "binh quan",
    "tv": "thanh vien",
    "nk": "nhan khau",
    "hgd": "ho gia dinh",
    "sl": "so luong",
    "tdp": "to dan pho",
    "nct": "nguoi cao tuoi",
    "ctv": "cong tac vien",
    "sdd": "suy dinh duong",
}
"""Abbreviations common in Vietnamese administrative forms (folded), spelt out when headers are
compared loosely. A set can also declare any header as an input's ``aliases``."""

GENERIC_ID_HEADERS = ("id", "ma", "ma so", "code", "ma dinh danh")
"""Headers (folded) of an id column whatever the subject."""

SUBJECT_ID_HEADERS: Mapping[str, tuple[str, ...]] = {
    "household": ("ma ho", "ma ho gia dinh", "ma so ho", "household id", "household code"),
    "village": ("ma thon", "ma to dan pho", "ma thon to dan pho", "village id"),
    "commune": ("ma xa", "ma phuong", "ma xa phuong", "commune id"),
    "school": ("ma truong", "school id"),
    "person": ("ma thanh vien", "ma nhan khau", "person id"),
    "respondent": ("ma phieu", "respondent id"),
}
"""Headers (folded) of the id column of each subject; a child table's link column to that
subject (``household_id``) accepts them too ("Mã hộ" in a members sheet)."""

ID_LABELS: Mapping[str, Mapping[str, str]] = {
    "household": {"vi": "Mã hộ", "en": "Household id"},
    "village": {"vi": "Mã thôn", "en": "Village id"},
    "commune": {"vi": "Mã xã", "en": "Commune id"},
    "school": {"vi": "Mã trường", "en": "School id"},
    "person": {"vi": "Mã thành viên", "en": "Person id"},
    "respondent": {"vi": "Mã phiếu", "en": "Respondent id"},
}
"""The header written for a subject's id column (in templates), one that is read back as the id."""

_TOTAL = re.compile(
    r"(tong cong|tong so|tong|cong|total|grand total|sum)"
    r"(\s*[:.(\-].*|\s+[0-9].*|\s+(ho|nguoi|hang|dong|thon|truong|xa)\b.*)?"
)


_TOTAL_STARTS = frozenset("TtCcSsGg")  # tổng, cộng, total, sum, grand total


def fold(text: str) -> str:
    """Case-, accent- and spacing-insensitive form: ``'Thu_Nhập'`` -> ``'thu nhap'``."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\s_]+", " ", plain.casefold()).split())


def squash(text: str) -> str:
    """Case- and spacing-insensitive form: ``'  Thu  Nhập '`` -> ``'thu nhập'``."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def loose(text: str) -> str:
    """A header as compared loosely: folded, without brackets, numbering or punctuation, with
    abbreviations spelt out: ``'3. Số TV có thẻ BHYT (người)'`` -> ``'so thanh vien co the bao hiem y te'``."""
    plain = fold(text)
    plain = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", plain)
    plain = re.sub(r"^\s*(?:[0-9]+|[a-z])[.)/:]\s+", "", plain)
    plain = re.sub(r"[^\w\s]", " ", plain)
    words = [ABBREVIATIONS.get(w, w) for w in plain.split()]
    return " ".join(" ".join(words).split())


def id_headers(subject: str | None) -> tuple[str, ...]:
    """Folded headers taken as the candidate's id column for ``subject`` (every subject's
    when it is not known)."""
    if subject is None:
        return GENERIC_ID_HEADERS + tuple(h for hs in SUBJECT_ID_HEADERS.values() for h in hs)
    own = SUBJECT_ID_HEADERS.get(subject, (fold(f"{subject} id"),))
    return GENERIC_ID_HEADERS + own


def link_headers(link: str) -> tuple[str, ...]:
    """Folded headers taken as the link column ``link`` (``household_id``: its own name and
    the household's id headers, not the generic ``id``/``mã``, which name a row's own id)."""
    subject = link.removesuffix("_id") if link.endswith("_id") else None
    return (fold(link), *(SUBJECT_ID_HEADERS.get(subject, ()) if subject else ()))


def total_label(cells: Iterable[object], id_cell: object = None) -> str | None:
    """The text of a totals row ("Tổng cộng", "Cộng", "Tổng số: 30 hộ"), or None for a row of
    data: its first non-empty cell says total and its id cell is empty or is that cell."""
    first = next((c for c in cells if c is not None and str(c).strip()), None)
    if not isinstance(first, str) or first.lstrip()[:1] not in _TOTAL_STARTS:
        return None  # the common case, told without folding
    if not _TOTAL.fullmatch(fold(first)):
        return None
    if id_cell is not None and str(id_cell).strip() and id_cell is not first and str(id_cell) != first:
        return None
    return first.strip()


__all__ = [
    "ABBREVIATIONS",
    "GENERIC_ID_HEADERS",
    "ID_LABELS",
    "SUBJECT_ID_HEADERS",
    "fold",
    "id_headers",
    "link_headers",
    "loose",
    "squash",
    "total_label",
]
