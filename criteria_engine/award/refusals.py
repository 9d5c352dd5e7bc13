"""Refusals shared by the round's steps: a round not open, already posted, already decided,
a date before the step it follows, a candidate not in the round."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from ..errors import closest
from .messages import Message, RoundError, day
from .records import Round


def m(code: str, vi: str, en: str) -> Message:
    return Message(code, vi, en)


def raise_all(refusals: Sequence[Message]) -> None:
    if refusals:
        raise RoundError(refusals)


def dates(value: dt.date) -> tuple[str, str]:
    return day(value, "vi"), day(value, "en")


def before(
    code: str, what: tuple[str, str], when: dt.date, earlier: tuple[str, str], then: dt.date
) -> Message:
    (w_vi, w_en), (e_vi, e_en) = what, earlier
    return m(
        code,
        f"Ngày {w_vi} ({day(when, 'vi')}) không được trước ngày {e_vi} ({day(then, 'vi')}).",
        f"The {w_en} date ({day(when, 'en')}) cannot be before the {e_en} date ({day(then, 'en')}).",
    )


def not_open(round_: Round) -> Message:
    return m(
        "round-not-open",
        f"Chưa mở đợt bình xét {round_.key.label()}: chạy 'criteria round open' trước.",
        f"The round {round_.key.label()} is not open: run 'criteria round open' first.",
    )


def decided(round_: Round) -> Message:
    assert round_.decision is not None
    when_vi, when_en = dates(round_.decision.decided_on)
    return m(
        "already-decided",
        f"Đợt bình xét {round_.key.label()} đã có quyết định ngày {when_vi}; không ghi thêm được nữa.",
        f"The round {round_.key.label()} was decided on {when_en}; nothing more can be recorded.",
    )


def posted(round_: Round, what_vi: str, what_en: str) -> Message:
    assert round_.posting is not None
    when_vi, when_en = dates(round_.posting.posted_on)
    return m(
        "already-posted",
        f"Danh sách đã niêm yết ngày {when_vi}; không thể {what_vi}. Sai sót sau khi niêm yết "
        "được xử lý bằng phản ánh ('criteria round object', 'criteria round resolve').",
        f"The list was posted on {when_en}; cannot {what_en}. Mistakes found after posting are "
        "handled as objections ('criteria round object', 'criteria round resolve').",
    )


def unknown_candidates(round_: Round, ids: Iterable[str]) -> list[Message]:
    assert round_.opening is not None
    known = [e.candidate for e in round_.opening.evaluations]
    out = []
    for candidate in ids:
        if candidate not in known:
            near = closest(candidate, known)
            out.append(
                m(
                    "unknown-candidate",
                    f"'{candidate}' không có trong đợt bình xét {round_.key.label()}"
                    + (f" (có phải '{near}'?)" if near else "")
                    + ".",
                    f"'{candidate}' is not a candidate of the round {round_.key.label()}"
                    + (f"; did you mean '{near}'?" if near else "."),
                )
            )
    return out


__all__ = ["before", "dates", "decided", "m", "not_open", "posted", "raise_all", "unknown_candidates"]
