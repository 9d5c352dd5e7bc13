"""Multi-year levels ("Tiêu biểu") on top of the title: windows, overlap, quota, ties.

For each level, in the order the procedure lists them (highest first), the candidates given
the title this year and rated for the level are checked: the title held in every year of the
level's window (from the register's history), no year shared with the window of an earlier
award of the level, then the quota: candidates ranked by the declared keys, at most
``quota.percent`` of the base (rounded down), ties at the last place handled as declared.
Everyone rated for a level but not given it is told why.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..format.procedure import Level, Procedure
from ..messages import Words, msg, words
from .arithmetic import quota_size
from .history import History, level_window
from .messages import Message, count, percent, subject_noun
from .outcome import Proposal
from .ranking import Value, keys_in_words, ranked, take, value


@dataclass(frozen=True, slots=True)
class LevelOutcome:
    """A titled candidate's level: the level given (or None), its window, rank and reasons."""

    level: str | None = None
    window: tuple[int, int] | None = None
    rank: int | None = None
    reasons: tuple[Message, ...] = ()


def _key(
    level: Level, history: History, year: int, ratings: Sequence[str]
) -> Callable[[Proposal], tuple[Value, ...]]:
    def key(proposal: Proposal) -> tuple[Value, ...]:
        e = proposal.evaluation
        parts: list[Value] = []
        for name in level.rank_by:
            if name == "votes":
                parts.append(value(proposal.vote.votes_for if proposal.vote else None))
            elif name == "score":
                parts.append(value(e.score))
            elif name == "percent":
                parts.append(value(e.percent))
            elif name == "rating":
                parts.append(value(len(ratings) - ratings.index(e.rating) if e.rating in ratings else None))
            else:
                parts.append(value(history.years_before(e.candidate, year)))
        return tuple(parts)

    return key


def _label(level: Level) -> Words:
    return words(level.label)


def _both(say: Callable[[str], str]) -> Words:
    """A piece said per language by ``say``."""
    return words({lang: say(lang) for lang in ("vi", "en")})


def _not_held(level: Level, missing: list[int]) -> Message:
    years = ", ".join(map(str, missing))
    said = msg("round.reason.level-years", level=_label(level), years=level.years, missing=years)
    return Message.of("level-years", said)


def _overlap(level: Level, first: int, last: int, awarded: int) -> Message:
    said = msg("round.reason.level-overlap", level=_label(level), first=first, last=last, awarded=awarded)
    return Message.of("level-overlap", said)


def _quota(level: Level, rank: int, eligible: int, limit: int, base: int, subject: str, tie: bool) -> Message:
    assert level.quota is not None
    quota = level.quota
    said = msg(
        "round.reason.level-quota-tie" if tie else "round.reason.level-quota",
        level=_label(level),
        rank=rank,
        eligible=eligible,
        order=_both(lambda lang: keys_in_words(level.rank_by, lang)),
        share=_both(lambda lang: percent(quota.percent, lang, 0)),
        base=_both(lambda lang: f"{count(base, lang)} {subject_noun(subject, lang)}"),
        limit=limit,
    )
    return Message.of("level-quota-tie" if tie else "level-quota", said)


def apply_levels(
    procedure: Procedure,
    proposals: Sequence[Proposal],
    history: History,
    year: int,
    *,
    ratings: Sequence[str] = (),
    round_size: int | None = None,
    subject: str = "",
) -> dict[str, LevelOutcome]:
    """The level of every titled candidate (``proposals`` with ``proposed``), by candidate id."""
    titled = [p for p in proposals if p.proposed]
    out: dict[str, LevelOutcome] = {p.candidate: LevelOutcome() for p in titled}
    size = len(proposals) if round_size is None else round_size
    for level in procedure.levels:
        window = level_window(level, year)
        running = [
            p
            for p in titled
            if out[p.candidate].level is None
            and (level.rating is None or p.evaluation.rating == level.rating)
        ]
        eligible: list[Proposal] = []
        for p in running:
            missing = [y for y in window if y != year and not history.held(p.candidate, y)]
            earlier = history.overlap(p.candidate, level.id, window) if level.overlap == "forbidden" else None
            if missing:
                reason = _not_held(level, missing)
            elif earlier is not None:
                reason = _overlap(level, earlier.first, earlier.last, earlier.awarded)
            else:
                eligible.append(p)
                continue
            if level.rating is not None:
                previous = out[p.candidate]
                out[p.candidate] = LevelOutcome(reasons=(*previous.reasons, reason))
        order = ranked(eligible, _key(level, history, year, ratings))
        rest: list[Proposal] = []
        if level.quota is None:
            taken = [p for _, p in order]
        else:
            base = size if level.quota.of == "round" else len(eligible)
            limit = quota_size(base, level.quota.percent)
            taken, rest = take(order, limit, level.quota_ties == "take_all")
        ranks = {id(p): rank for rank, p in order}
        for p in taken:
            out[p.candidate] = LevelOutcome(
                level.id, (window[0], window[-1]), ranks[id(p)], out[p.candidate].reasons
            )
        for p in rest:
            assert level.quota is not None
            rank = ranks[id(p)]
            tie = sum(1 for r, _ in order if r == rank) > 1 and rank <= limit
            reason = _quota(level, rank, len(eligible), limit, base, subject, tie)
            previous = out[p.candidate]
            out[p.candidate] = LevelOutcome(None, None, rank, (*previous.reasons, reason))
    return out


__all__ = ["LevelOutcome", "apply_levels"]
