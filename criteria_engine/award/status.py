"""Where a round stands on a day: its stage, the next step, and what is overdue.

Dates are checked against the procedure's declared periods: the posting window, the decision
deadline after it, the publication deadline after the decision.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ..messages import Arg, Words, msg, words
from .calendar import Deadlines, deadlines
from .messages import STATUS_WORDS, Message, subject_noun
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
        out += [msg("round.status.overdue-line", text=m.text(lang))(lang) for m in self.overdue]
        if self.next_step is not None:
            out.append(msg("round.status.next-line", text=self.next_step.text(lang))(lang))
        return "\n".join(out) + "\n"


def _m(code: str, **args: Arg) -> Message:
    """The status line ``code`` (catalogue key ``round.status.CODE``) in both languages."""
    return Message.of(code, msg(f"round.status.{code}", **args))


def _both(say: Callable[[str], str]) -> Words:
    """A piece said per language by ``say``."""
    return words({lang: say(lang) for lang in ("vi", "en")})


def round_status(round_: Round, today: dt.date) -> RoundStatus:
    """The status of ``round_`` on ``today``."""
    key = round_.key.label()
    if round_.opening is None:
        return RoundStatus("not_open", today, (_m("not-open", round=key),), _m("open"))
    opening, procedure = round_.opening, round_.opening.procedure
    counts = Counter(e.status for e in opening.evaluations)
    split = _both(lambda lang: ", ".join(f"{n} {STATUS_WORDS[s][lang].lower()}" for s, n in counts.items()))
    lines = [
        _m(
            "opened",
            round=key,
            day=opening.opened_on,
            ref=opening.set_ref,
            count=len(opening.evaluations),
            noun=_both(lambda lang: subject_noun(opening.subject, lang)),
            split=split,
        )
    ]
    meeting = round_.meeting
    if meeting is None:
        return RoundStatus("opened", today, tuple(lines), _m("vote"))
    quorum = quorum_check(procedure, meeting)
    lines.append(quorum.message("quorum"))
    if not quorum.met:
        return RoundStatus("quorum_failed", today, tuple(lines), _m("vote-again"))
    proposed = sum(p.proposed for p in proposals(round_))
    lines.append(_m("proposed", proposed=proposed, total=len(opening.evaluations)))
    if round_.posting is None:
        return RoundStatus("voted", today, tuple(lines), _m("post"))
    decided_on = round_.decision.decided_on if round_.decision else None
    dates = deadlines(procedure, round_.posting.posted_on, decided_on)
    lines.append(
        _m(
            "posting",
            start=dates.posted_on,
            end=dates.posting_ends,
            days=procedure.posting.days,
            objections=len(round_.objections),
            unresolved=len(round_.unresolved()),
        )
    )
    if round_.decision is not None:
        decision = round_.decision
        titles = sum(e.title for e in decision.entries)
        levels = sum(e.level is not None for e in decision.entries)
        lines.append(
            _m("decided", day=decision.decided_on, by=decision.decided_by, titles=titles, levels=levels)
        )
        if decision.decided_on > dates.decide_by:
            lines.append(_m("decided-late", day=dates.decide_by))
        assert dates.publish_by is not None
        return RoundStatus("decided", today, tuple(lines), _m("publish", day=dates.publish_by), (), dates)
    overdue: list[Message] = []
    if today > dates.decide_by:
        overdue.append(_m("decision-overdue", day=dates.decide_by))
    if today <= dates.posting_ends:
        left = (dates.posting_ends - today).days + 1
        step = _m("posting-running", left=left)
        return RoundStatus("posted", today, tuple(lines), step, tuple(overdue), dates)
    if round_.unresolved():
        return RoundStatus("objections_pending", today, tuple(lines), _m("resolve"), tuple(overdue), dates)
    step = _m("decide", day=dates.decide_by)
    return RoundStatus("ready", today, tuple(lines), step, tuple(overdue), dates)


__all__ = ["RoundStatus", "round_status"]
