"""The ``procedure:`` section of a criteria set: how a title is voted on, posted and decided.

A set's criteria give a score; its procedure says what happens next (Decree 86/2023/NĐ-CP,
formerly Decree 122/2018/NĐ-CP): who votes at the meeting, the quorum and the approval
needed, what follows a failed quorum, the public posting period, the decision and
publication deadlines, and the multi-year levels ("Tiêu biểu": the title held in N
consecutive years, windows that may not overlap, a quota ranked by votes). Every number
carries its basis (law or proposal), because the province must see which ones it may change.

These models check the section's shape; :mod:`criteria_engine.procedure_checks` checks what
it means against the rest of the set. The round itself is run by :mod:`criteria_engine.award`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from .models import Basis, Identifier, Text

Compare = Literal["above", "at_least"]
"""``above``: strictly more than the share (> 50 %); ``at_least``: the share or more (≥ 60 %)."""

RegisterValue = Literal["title_years_before", "unused_title_years_before"]
"""Values the award register computes for an input (instead of typing them in):

* ``title_years_before``: consecutive years immediately before the round's year in which the
  candidate held the title;
* ``unused_title_years_before``: the same, stopping at a year already counted in the window
  of an earlier multi-year award (a year counts towards one award only).
"""

RankKey = Literal["rating", "votes", "score", "percent", "years_held"]
"""Keys a ranking may use, each higher-is-better: the rating band (the set's order), the votes
for, the score, the score as a percentage of the applicable maximum, the years held."""

NameRef = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$", max_length=130)
]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=False)


class Share(_Model):
    """A share of people that must be reached: ``percent``, strict or not, of whom."""

    percent: float = Field(gt=0, le=100, description="The share, in percent (50 for half).")
    compare: Compare = Field(
        description="above: strictly more than the share (> 50 %); at_least: the share or more (≥ 60 %)."
    )
    of: Literal["invited", "present"] = Field(
        description="The denominator: those invited (all voters or household representatives) or those present."
    )
    basis: list[Basis] = Field(min_length=1, description="Where the number comes from (law or proposal).")


class Period(_Model):
    """A number of days, counted from the day the period starts (that day is day 1)."""

    days: int = Field(ge=1, le=366)
    count: Literal["calendar", "working"] = Field(
        "calendar",
        description="calendar days, or working days (Monday to Friday; public holidays are not known).",
    )
    basis: list[Basis] = Field(min_length=1)


class Quota(_Model):
    """At most ``percent`` of a number of candidates may receive a level (rounded down)."""

    percent: float = Field(gt=0, le=100)
    of: Literal["round", "eligible"] = Field(
        description="round: of every candidate of the round (the village's households); "
        "eligible: of the candidates who qualify for the level."
    )
    basis: list[Basis] = Field(min_length=1)


class Level(_Model):
    """A multi-year level awarded on top of the title, e.g. "Tiêu biểu"."""

    id: Identifier
    label: Text
    rating: Identifier | None = Field(
        None, description="The rating band a candidate must reach this year (e.g. outstanding)."
    )
    years: int = Field(ge=1, le=20, description="The title held in this many consecutive years.")
    window_ends: Literal["previous_year", "this_year"] = Field(
        "previous_year",
        description="The years counted end with the year before the round's (previous_year) or with it (this_year).",
    )
    overlap: Literal["forbidden", "allowed"] = Field(
        "forbidden", description="Whether two awards of this level may count the same year."
    )
    quota: Quota | None = None
    rank_by: tuple[RankKey, ...] = Field(
        ("votes", "score"),
        min_length=1,
        description="The order the quota takes candidates in (highest first).",
    )
    quota_ties: Literal["leave_out", "take_all"] = Field(
        "leave_out",
        description="Candidates tied at the quota's last place: all left out (the quota is a ceiling) or all taken.",
    )
    basis: list[Basis] = Field(min_length=1)


class Ranking(_Model):
    """The order of a contest (``criteria evaluate --rank``) after the status."""

    by: tuple[RankKey, ...] = Field(min_length=1)
    basis: list[Basis] = Field(default_factory=list)


class Procedure(_Model):
    """How the title is voted on, posted, decided and published."""

    unit: Identifier = Field(
        description="The unit whose meeting votes; candidates link to it by <unit>_id (village, commune)."
    )
    voters: Literal["household_representatives", "voters", "council_members"]
    name: NameRef | None = Field(
        None,
        description="What names a candidate on lists: a string input, or list.field for a list's first member.",
    )
    quorum: Share
    approval: Share
    quorum_failure: list[Literal["meet_again", "written_ballots"]] = Field(
        min_length=1, description="What the procedure requires when the quorum is not reached, in order."
    )
    posting: Period = Field(description="The public posting for comments, from the day the list is posted.")
    decide_within: Period = Field(
        description="The decision is due within this period after the posting ends."
    )
    publish_within: Period = Field(description="The decided list is published within this period.")
    decided_by: Text
    from_register: dict[Identifier, RegisterValue] = Field(
        default_factory=dict, description="Inputs computed from the award register instead of typed in."
    )
    levels: list[Level] = Field(default_factory=list)
    ranking: Ranking | None = None
    basis: list[Basis] = Field(default_factory=list)


__all__ = ["Compare", "Level", "Period", "Procedure", "Quota", "RankKey", "Ranking", "RegisterValue", "Share"]
