"""Helpers shared by the award-round tests: the shipped procedures and small rounds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from criteria_engine import load_registry
from criteria_engine.award import Evaluation, Meeting, Opening, Posting, Round, RoundKey, Vote
from criteria_engine.format.models import CriteriaSet
from criteria_engine.format.procedure import Procedure, Share

REGISTRY = load_registry()
FAMILY: CriteriaSet = REGISTRY.get("happy-family@2026.2").model
assert FAMILY.procedure is not None
PROCEDURE: Procedure = FAMILY.procedure
RATINGS = tuple(r.id for r in FAMILY.decision.ratings)
OPENED = dt.date(2026, 10, 1)
KEY = RoundKey("happy-family", 2026, "V1")


def share(percent: float, compare: str, of: str = "invited") -> Share:
    """A share with a basis (the basis is required)."""
    return Share.model_validate(
        {"percent": percent, "compare": compare, "of": of, "basis": [{"ref": {"vi": "x", "en": "x"}}]}
    )


def procedure(**changes: object) -> Procedure:
    """The happy-family procedure with some keys changed."""
    return PROCEDURE.model_copy(update=changes)


def evaluation(
    cid: str, status: str = "passed", score: float = 90, rating: str | None = "passed", max_score: float = 100
) -> Evaluation:
    """A stored evaluation."""
    order = RATINGS.index(rating) if rating in RATINGS else None
    return Evaluation(cid, f"Name {cid}", status, score, max_score, rating, order)


def opened(evaluations: Sequence[Evaluation], proc: Procedure = PROCEDURE, key: RoundKey = KEY) -> Round:
    """A round opened on 1 October 2026."""
    opening = Opening(
        OPENED, "happy-family@2026.2", "sha256:x", proc, tuple(evaluations), "", "household", RATINGS
    )
    return Round(key, opening)


MEETING_DAY = dt.date(2026, 10, 10)
POSTING_DAY = dt.date(2026, 10, 12)


def voted(
    round_: Round, invited: int, present: int, votes: dict[str, int], on: dt.date = MEETING_DAY
) -> Round:
    """The round with a meeting."""
    meeting = Meeting(on, invited, present, {c: Vote(v, 0) for c, v in votes.items()})
    return replace(round_, meetings=(*round_.meetings, meeting))


def posted(round_: Round, on: dt.date = POSTING_DAY) -> Round:
    """The round posted."""
    return replace(round_, posting=Posting(on))
