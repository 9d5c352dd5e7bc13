"""Where a round stands on a day: its stage, the next step, and what is overdue.

Dates are checked against the procedure's declared periods: the posting window, the decision
deadline after it, the publication deadline after the decision.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from .calendar import Deadlines, deadlines
from .messages import STATUS_WORDS, Message, day, subject_noun
from .outcome import proposals, quorum_check
from .records import Round


@dataclass(frozen=True, slots=True)
class RoundStatus:
    """A round's stage on ``today``, what has happened, what comes next, what is overdue."""

    stage: str
    today: dt.date
    lines: tuple[Message, ...]
    next_step: Message | None
    overdue: tuple[Message, ...] = ()
    dates: Deadlines | None = None

    def to_dict(self) -> dict[str, object]:
        """Plain data with stable keys."""
        dates = self.dates
        return {
            "stage": self.stage,
            "today": self.today.isoformat(),
            "lines": [m.to_dict() for m in self.lines],
            "next_step": self.next_step.to_dict() if self.next_step else None,
            "overdue": [m.to_dict() for m in self.overdue],
            "deadlines": None
            if dates is None
            else {
                "posted_on": dates.posted_on.isoformat(),
                "posting_ends": dates.posting_ends.isoformat(),
                "decide_from": dates.decide_from.isoformat(),
                "decide_by": dates.decide_by.isoformat(),
                "publish_by": dates.publish_by.isoformat() if dates.publish_by else None,
            },
        }

    def text(self, lang: str) -> str:
        """The status as lines a person reads."""
        out = [m.text(lang) for m in self.lines]
        out += [("QUÁ HẠN: " if lang != "en" else "OVERDUE: ") + m.text(lang) for m in self.overdue]
        if self.next_step is not None:
            out.append(("Bước tiếp theo: " if lang != "en" else "Next step: ") + self.next_step.text(lang))
        return "\n".join(out) + "\n"


def _m(code: str, vi: str, en: str) -> Message:
    return Message(code, vi, en)


def round_status(round_: Round, today: dt.date) -> RoundStatus:
    """The status of ``round_`` on ``today``."""
    key = round_.key.label()
    if round_.opening is None:
        return RoundStatus(
            "not_open",
            today,
            (_m("not-open", f"Chưa mở đợt {key}.", f"The round {key} is not open."),),
            _m("open", "Mở đợt bình xét: criteria round open.", "Open the round: criteria round open."),
        )
    opening, procedure = round_.opening, round_.opening.procedure
    counts = Counter(e.status for e in opening.evaluations)
    split_vi = ", ".join(f"{n} {STATUS_WORDS[s]['vi'].lower()}" for s, n in counts.items())
    split_en = ", ".join(f"{n} {STATUS_WORDS[s]['en'].lower()}" for s, n in counts.items())
    lines = [
        _m(
            "opened",
            f"Đợt {key}: mở ngày {day(opening.opened_on, 'vi')} với {opening.set_ref}; "
            f"{len(opening.evaluations)} {subject_noun(opening.subject, 'vi')} ({split_vi}).",
            f"Round {key}: opened on {day(opening.opened_on, 'en')} with {opening.set_ref}; "
            f"{len(opening.evaluations)} {subject_noun(opening.subject, 'en')} ({split_en}).",
        )
    ]
    meeting = round_.meeting
    if meeting is None:
        return RoundStatus(
            "opened",
            today,
            tuple(lines),
            _m(
                "vote",
                "Họp bình xét theo phiếu (criteria round sheet), rồi ghi kết quả (criteria round votes).",
                "Hold the meeting with the voting sheet (criteria round sheet), then record it (criteria round votes).",
            ),
        )
    quorum = quorum_check(procedure, meeting)
    lines.append(quorum.message("quorum"))
    if not quorum.met:
        return RoundStatus(
            "quorum_failed",
            today,
            tuple(lines),
            _m(
                "vote-again",
                "Họp lại hoặc lấy ý kiến bằng phiếu theo quy trình, rồi ghi kết quả (criteria round votes).",
                "Meet again or send written ballots, as the procedure says, then record them (criteria round votes).",
            ),
        )
    proposed = sum(p.proposed for p in proposals(round_))
    lines.append(
        _m(
            "proposed",
            f"Đề nghị công nhận: {proposed}/{len(opening.evaluations)}.",
            f"Proposed: {proposed} of {len(opening.evaluations)}.",
        )
    )
    if round_.posting is None:
        return RoundStatus(
            "voted",
            today,
            tuple(lines),
            _m(
                "post",
                "Niêm yết công khai danh sách (criteria round post).",
                "Post the list publicly (criteria round post).",
            ),
        )
    decided_on = round_.decision.decided_on if round_.decision else None
    dates = deadlines(procedure, round_.posting.posted_on, decided_on)
    lines.append(
        _m(
            "posting",
            f"Niêm yết từ {day(dates.posted_on, 'vi')} đến hết {day(dates.posting_ends, 'vi')} "
            f"({procedure.posting.days} ngày); {len(round_.objections)} phản ánh, "
            f"{len(round_.unresolved())} chưa giải quyết.",
            f"Posted from {day(dates.posted_on, 'en')} to {day(dates.posting_ends, 'en')} "
            f"({procedure.posting.days} days); {len(round_.objections)} objection(s), "
            f"{len(round_.unresolved())} unresolved.",
        )
    )
    if round_.decision is not None:
        decision = round_.decision
        titles = sum(e.title for e in decision.entries)
        levels = sum(e.level is not None for e in decision.entries)
        lines.append(
            _m(
                "decided",
                f"Quyết định ngày {day(decision.decided_on, 'vi')} ({decision.decided_by}): "
                f"{titles} công nhận, {levels} mức cao hơn.",
                f"Decided on {day(decision.decided_on, 'en')} ({decision.decided_by}): "
                f"{titles} awarded, {levels} at a higher level.",
            )
        )
        if decision.decided_on > dates.decide_by:
            lines.append(
                _m(
                    "decided-late",
                    f"Quyết định sau thời hạn ({day(dates.decide_by, 'vi')}).",
                    f"Decided after the deadline ({day(dates.decide_by, 'en')}).",
                )
            )
        assert dates.publish_by is not None
        return RoundStatus(
            "decided",
            today,
            tuple(lines),
            _m(
                "publish",
                f"Công bố danh sách chậm nhất ngày {day(dates.publish_by, 'vi')}.",
                f"Publish the list by {day(dates.publish_by, 'en')}.",
            ),
            (),
            dates,
        )
    overdue: list[Message] = []
    if today > dates.decide_by:
        overdue.append(
            _m(
                "decision-overdue",
                f"Hạn quyết định là ngày {day(dates.decide_by, 'vi')}.",
                f"The decision was due by {day(dates.decide_by, 'en')}.",
            )
        )
    if today <= dates.posting_ends:
        left = (dates.posting_ends - today).days + 1
        step = _m(
            "posting-running",
            f"Đang niêm yết, còn {left} ngày; nhận phản ánh (criteria round object).",
            f"Posting runs {left} more day(s); objections are received (criteria round object).",
        )
        return RoundStatus("posted", today, tuple(lines), step, tuple(overdue), dates)
    if round_.unresolved():
        step = _m(
            "resolve",
            "Giải quyết các phản ánh (criteria round resolve).",
            "Resolve the objections (criteria round resolve).",
        )
        return RoundStatus("objections_pending", today, tuple(lines), step, tuple(overdue), dates)
    step = _m(
        "decide",
        f"Trình quyết định (criteria round decide), hạn chót ngày {day(dates.decide_by, 'vi')}.",
        f"Submit for decision (criteria round decide), due by {day(dates.decide_by, 'en')}.",
    )
    return RoundStatus("ready", today, tuple(lines), step, tuple(overdue), dates)


__all__ = ["RoundStatus", "round_status"]
