"""The plain records of an award round, as the register stores them and the steps read them.

Every record is a frozen dataclass of plain values: the pure steps (:mod:`.steps`) take them
and return new ones; the register (:mod:`criteria_engine.register`) stores and reloads them.
A round is identified by its set, its year and its unit (a village for households, a commune
for villages and schools).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from ..format.procedure import Procedure
from .messages import Message

MeetingKind = Literal["meeting", "written_ballots"]
ResolutionOutcome = Literal["upheld", "dismissed"]
Explanation = tuple[tuple[str, str], ...]
"""An explanation as (style, line) pairs, the way :func:`criteria_engine.explain.explain_lines`
writes it; kept per language so a letter shows exactly what the round computed."""


@dataclass(frozen=True, slots=True)
class RoundKey:
    """Which round: the set, the year (a school year by its ending year) and the unit."""

    set_id: str
    year: int
    unit: str

    def label(self) -> str:
        """``happy-family 2026 C001-V01``."""
        return f"{self.set_id} {self.year} {self.unit}"


@dataclass(frozen=True, slots=True)
class Evaluation:
    """One candidate's evaluation as stored when the round was opened."""

    candidate: str
    name: str
    status: str
    score: float | None
    max_score: float | None
    rating: str | None
    rating_order: int | None = None
    """The rating's place in the set's bands, 0 = the highest (for rankings)."""
    computed: Mapping[str, int] = field(default_factory=dict)
    """Inputs the register computed for the evaluation (years held...)."""
    explanation: Mapping[str, Explanation] = field(default_factory=dict)

    @property
    def percent(self) -> float | None:
        """The score as a percentage of the applicable maximum."""
        if self.score is None or not self.max_score:
            return None
        return 100.0 * self.score / self.max_score


@dataclass(frozen=True, slots=True)
class Opening:
    """The round opened (or re-opened, superseding the one before): the evaluations."""

    opened_on: dt.date
    set_ref: str
    digest: str
    procedure: Procedure
    evaluations: tuple[Evaluation, ...]
    source: str = ""
    subject: str = ""
    ratings: tuple[str, ...] = ()
    """The set's rating ids, highest first (for the rating's label and order)."""
    rating_labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    title: Mapping[str, str] = field(default_factory=dict)
    """The set's title (the title being awarded), per language."""

    def evaluation(self, candidate: str) -> Evaluation | None:
        """The evaluation of one candidate, or None."""
        for item in self.evaluations:
            if item.candidate == candidate:
                return item
        return None


@dataclass(frozen=True, slots=True)
class Vote:
    """A candidate's votes at a meeting."""

    votes_for: int
    votes_against: int = 0


@dataclass(frozen=True, slots=True)
class Meeting:
    """A meeting (or a round of written ballots) with its attendance and votes."""

    held_on: dt.date
    invited: int
    present: int
    votes: Mapping[str, Vote]
    kind: MeetingKind = "meeting"
    note: str = ""


@dataclass(frozen=True, slots=True)
class Posting:
    """The public posting of the list of candidates proposed."""

    posted_on: dt.date


@dataclass(frozen=True, slots=True)
class Objection:
    """A comment or objection received during the posting, numbered within the round."""

    number: int
    candidate: str
    filed_on: dt.date
    filed_by: str
    content: str


@dataclass(frozen=True, slots=True)
class Resolution:
    """How an objection was resolved: upheld (the candidate's proposal is reversed) or dismissed."""

    objection: int
    resolved_on: dt.date
    resolved_by: str
    outcome: ResolutionOutcome
    note: str = ""


@dataclass(frozen=True, slots=True)
class Override:
    """A computed outcome changed by a person, with the reason and the author."""

    candidate: str
    proposed: bool
    reason: str
    author: str
    made_on: dt.date
    objection: int | None = None


@dataclass(frozen=True, slots=True)
class DecisionEntry:
    """One candidate on the decision list: the title, the level, and why when left out."""

    candidate: str
    name: str
    title: bool
    level: str | None = None
    window: tuple[int, int] | None = None
    reasons: tuple[Message, ...] = ()
    votes_for: int | None = None
    score: float | None = None
    percent: float | None = None
    level_rank: int | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    """The chairman's decision: who decided, when, and the list."""

    decided_on: dt.date
    decided_by: str
    entries: tuple[DecisionEntry, ...]
    reference: str = ""


@dataclass(frozen=True, slots=True)
class Award:
    """One line of the award history: a candidate's title (and level) in a year."""

    set_id: str
    year: int
    candidate: str
    title: bool
    level: str | None = None
    window: tuple[int, int] | None = None
    unit: str = ""
    source: str = "round"


@dataclass(frozen=True, slots=True)
class Round:
    """Everything the register holds about one round, the superseded rows left out."""

    key: RoundKey
    opening: Opening | None = None
    meetings: tuple[Meeting, ...] = ()
    posting: Posting | None = None
    objections: tuple[Objection, ...] = ()
    resolutions: tuple[Resolution, ...] = ()
    overrides: tuple[Override, ...] = ()
    decision: Decision | None = None

    @property
    def meeting(self) -> Meeting | None:
        """The latest meeting (a failed quorum is followed by another one)."""
        return self.meetings[-1] if self.meetings else None

    def resolution(self, objection: int) -> Resolution | None:
        """How an objection was resolved, if it was."""
        for item in self.resolutions:
            if item.objection == objection:
                return item
        return None

    def unresolved(self) -> tuple[Objection, ...]:
        """Objections not resolved yet."""
        return tuple(o for o in self.objections if self.resolution(o.number) is None)


__all__ = [
    "Award",
    "Decision",
    "DecisionEntry",
    "Evaluation",
    "Explanation",
    "Meeting",
    "MeetingKind",
    "Message",
    "Objection",
    "Opening",
    "Override",
    "Posting",
    "Resolution",
    "ResolutionOutcome",
    "Round",
    "RoundKey",
    "Vote",
]
