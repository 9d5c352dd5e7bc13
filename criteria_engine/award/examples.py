"""Stored examples of a set's procedure: small rounds with the decision each must give.

Beside ``2026.2.yaml``, the file ``2026.2.round.examples.yaml`` holds a list of rounds: the
candidates (their evaluation and votes), the meeting (invited, present), the history (years
the title was held, earlier levels) and what the decision must be (quorum met or not, who is
awarded, the levels, the reasons of those left out). ``criteria test SET`` runs them through
the same pure steps as a real round, so the set's numbers (a quorum above 50 %, a 15 % quota,
non-overlapping windows) are checked where they are declared.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..format.models import CriteriaSet
from ..messages import Msg, msg, words
from .calendar import deadlines
from .deciding import decide
from .messages import RoundError
from .outcome import quorum_check
from .records import Award, Evaluation, Meeting, Opening, Posting, Round, RoundKey, Vote


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ExampleCandidate(_Model):
    """A candidate of the example round: its evaluation and its votes."""

    id: str
    status: Literal["passed", "failed", "undetermined", "invalid"] = "passed"
    score: float | None = None
    max_score: float | None = None
    rating: str | None = None
    votes_for: int | None = None
    votes_against: int = 0


class ExampleLevel(_Model):
    """An earlier award of a level."""

    level: str
    year: int
    window: tuple[int, int]


class ExampleHistory(_Model):
    """A candidate's earlier years: the titles held and the levels awarded."""

    titles: list[int] = Field(default_factory=list)
    levels: list[ExampleLevel] = Field(default_factory=list)


class ExampleMeeting(_Model):
    """Those invited and present."""

    invited: int
    present: int


class ExampleExpect(_Model):
    """What the decision must be; only the keys given are checked."""

    quorum: Literal["met", "not_met"] | None = None
    awarded: list[str] | None = None
    levels: dict[str, str] | None = None
    reasons: dict[str, list[str]] | None = None


class RoundExample(_Model):
    """One stored round."""

    id: str
    description: str | None = None
    year: int = 2026
    meeting: ExampleMeeting
    candidates: list[ExampleCandidate] = Field(min_length=1)
    round_size: int | None = Field(
        None, description="Candidates in the round; the unlisted ones did not pass."
    )
    history: dict[str, ExampleHistory] = Field(default_factory=dict)
    expect: ExampleExpect


def _round(model: CriteriaSet, example: RoundExample) -> tuple[Round, list[Award]]:
    assert model.procedure is not None
    ratings = tuple(r.id for r in model.decision.ratings)
    evaluations = [
        Evaluation(c.id, c.id, c.status, c.score, c.max_score, c.rating,
                   ratings.index(c.rating) if c.rating in ratings else None)
        for c in example.candidates
    ]  # fmt: skip
    for n in range(len(evaluations), example.round_size or 0):
        evaluations.append(Evaluation(f"~{n + 1}", f"~{n + 1}", "failed", 0.0, 100.0, None))
    opened = dt.date(example.year, 9, 1)
    opening = Opening(opened, model.ref, "", model.procedure, tuple(evaluations), "", model.subject, ratings)
    votes = {c.id: Vote(c.votes_for, c.votes_against) for c in example.candidates if c.votes_for is not None}
    meeting = Meeting(opened, example.meeting.invited, example.meeting.present, votes)
    awards = []
    for candidate, past in example.history.items():
        awards += [Award(model.id, year, candidate, True) for year in past.titles]
        awards += [Award(model.id, lv.year, candidate, True, lv.level, lv.window) for lv in past.levels]
    key = RoundKey(model.id, example.year, "example")
    return Round(key, opening, (meeting,), Posting(opened + dt.timedelta(days=1))), awards


def check_example(model: CriteriaSet, example: RoundExample) -> list[Msg]:
    """The differences between what the example expects and what the round decides."""
    round_, awards = _round(model, example)
    assert round_.opening is not None and round_.meeting is not None and round_.posting is not None
    problems: list[Msg] = []
    expect = example.expect
    met = quorum_check(round_.opening.procedure, round_.meeting).met
    if expect.quorum is not None and (expect.quorum == "met") != met:
        got = "met" if met else "not_met"
        problems.append(msg("test.field", key="quorum", expected=str(expect.quorum), got=got))
    when = deadlines(round_.opening.procedure, round_.posting.posted_on).decide_from
    try:
        decision = decide(round_, awards, when, "example")
    except RoundError as exc:
        return problems + [
            msg("test.refused", code=r.code, text=words({"vi": r.vi, "en": r.en})) for r in exc.refusals
        ]
    entries = {e.candidate: e for e in decision.entries}
    if expect.awarded is not None:
        awarded = sorted(c for c, e in entries.items() if e.title)
        if awarded != sorted(expect.awarded):
            said = msg("test.field", key="awarded", expected=str(sorted(expect.awarded)), got=str(awarded))
            problems.append(said)
    if expect.levels is not None:
        got_levels = {c: e.level for c, e in entries.items() if e.level}
        if got_levels != expect.levels:
            problems.append(msg("test.field", key="levels", expected=str(expect.levels), got=str(got_levels)))
    for candidate, codes in (expect.reasons or {}).items():
        entry = entries.get(candidate)
        found = [r.code for r in entry.reasons] if entry else []
        if sorted(found) != sorted(codes):
            said = msg("test.reasons", id=candidate, expected=str(sorted(codes)), got=str(sorted(found)))
            problems.append(said)
    return problems


__all__ = ["RoundExample", "check_example"]
