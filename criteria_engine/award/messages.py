"""Sentences of the award round in Vietnamese and English, and refusals as data.

A :class:`Message` is a code with its sentence in both languages: the reason a household was
left out, a note on a step. A refusal is a message that stops a step: :class:`RoundError`
carries them (it is a :class:`~criteria_engine.errors.CriteriaError`, so the command line
prints it as a diagnostic, never a traceback). Messages are Vietnamese first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..errors import CriteriaError, Diagnostic
from ..messages import Msg


@dataclass(frozen=True, slots=True)
class Message:
    """A code and its sentence in Vietnamese and English."""

    code: str
    vi: str
    en: str

    def text(self, lang: str) -> str:
        """The sentence in ``lang`` (English for ``en``, Vietnamese otherwise)."""
        return self.en if lang == "en" else self.vi

    @classmethod
    def of(cls, code: str, text: Msg) -> Message:
        """The message ``code`` said by the catalogue of messages in both languages."""
        return cls(code, text("vi"), text("en"))

    def to_dict(self) -> dict[str, str]:
        """Plain data with stable keys."""
        return {"code": self.code, "vi": self.vi, "en": self.en}


class RoundError(CriteriaError):
    """A step of the award round was refused; nothing was written."""

    def __init__(self, refusals: Sequence[Message], lang: str = "vi", file: str = "") -> None:
        self.refusals = tuple(refusals)
        self.file = file
        super().__init__(self.diagnostics_in(lang))

    def diagnostics_in(self, lang: str) -> list[Diagnostic]:
        """The refusals as diagnostics in ``lang``."""
        return [Diagnostic(r.code, r.text(lang), self.file) for r in self.refusals]


def refuse(code: str, text: Msg) -> RoundError:
    """A :class:`RoundError` with one refusal, worded by the catalogue of messages."""
    return RoundError([Message.of(code, text)])


def day(value: dt.date, lang: str) -> str:
    """A date as each language writes it: 05/11/2026 (vi), 2026-11-05 (en)."""
    return value.strftime("%d/%m/%Y") if lang == "vi" else value.isoformat()


def both_days(value: dt.date) -> tuple[str, str]:
    """A date in Vietnamese and English."""
    return day(value, "vi"), day(value, "en")


def count(value: int | float, lang: str, digits: int | None = None) -> str:
    """A count or score as each language writes it: 1.500 and 69,5 (vi); 1,500 and 69.5 (en).

    The round's sentences are written here, not with :mod:`criteria_engine.explain`, which
    sits beside this package in the layering, not below it; the two agree (a test compares)."""
    if digits is None:
        text = f"{round(value):,}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:,.{digits}f}"
        if text.startswith("-") and not text.strip("-0.,"):
            text = text[1:]  # -0,0 reads as 0,0
    return text if lang == "en" else text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def percent(value: float, lang: str, digits: int = 1) -> str:
    """A percentage (0..100) as each language writes it: 63,3% or 63.3%."""
    return f"{count(value, lang, digits)}%"


def pick(text: Mapping[str, str] | None, lang: str) -> str:
    """A text in ``lang``, else Vietnamese, else any language ('' for none)."""
    if not text:
        return ""
    return text.get(lang) or text.get("vi") or next(iter(text.values()))


VOTERS: dict[str, dict[str, str]] = {
    "household_representatives": {"vi": "đại diện hộ", "en": "household representatives"},
    "voters": {"vi": "cử tri", "en": "voters"},
    "council_members": {"vi": "thành viên hội đồng", "en": "council members"},
}

SUBJECTS: dict[str, dict[str, str]] = {
    "household": {"vi": "hộ", "en": "households"},
    "village": {"vi": "thôn, tổ dân phố", "en": "villages"},
    "school": {"vi": "trường", "en": "schools"},
    "commune": {"vi": "xã, phường", "en": "communes"},
}


def subject_noun(subject: str, lang: str) -> str:
    """The plural noun of a subject: "hộ", "villages"; "đối tượng" for others."""
    lang = "en" if lang == "en" else "vi"
    default = {"vi": "đối tượng", "en": "candidates"}
    return SUBJECTS.get(subject, default)[lang]


STATUS_WORDS: dict[str, dict[str, str]] = {
    "passed": {"vi": "Đạt", "en": "Passed"},
    "failed": {"vi": "Chưa đạt", "en": "Not passed"},
    "undetermined": {"vi": "Chưa xác định", "en": "Undetermined"},
    "invalid": {"vi": "Dữ liệu không hợp lệ", "en": "Invalid data"},
}


__all__ = [
    "STATUS_WORDS",
    "SUBJECTS",
    "VOTERS",
    "Message",
    "RoundError",
    "both_days",
    "count",
    "day",
    "percent",
    "pick",
    "refuse",
    "subject_noun",
]
