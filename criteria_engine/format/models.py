"""The criteria-set file format v1 as frozen pydantic models (structure only).

These models check the *shape* of a file: keys, types, enums. Meaning (references resolve,
bands are ordered, every text has every language, expressions type-check) is checked by
:mod:`criteria_engine.validation` and the compiler, which report with file positions.
The JSON Schema published for editors is generated from these models.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Identifier = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$", max_length=64)]
"""A name usable in expressions: inputs, parameters, derived values, collections."""

CriterionId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_.-]*$", max_length=32)]
SetId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$", max_length=64)]
Version = Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z][0-9A-Za-z._-]*$", max_length=32)]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]
Expression = Annotated[str, StringConstraints(min_length=1)]
"""An expression's text; its length and depth are limited by the expression checker, which
reports the problem at its position."""
Number = int | float

Text = dict[LanguageCode, Annotated[str, StringConstraints(min_length=1)]]
"""A human-facing text: one entry per language, e.g. ``{vi: Khu vực, en: Area}``."""


class _Model(BaseModel):
    # No NaN or infinity anywhere in a set: a rule cannot compare with them (``not-finite``).
    model_config = ConfigDict(frozen=True, extra="forbid", strict=False, allow_inf_nan=False)


class Basis(_Model):
    """A legal or plan reference behind a set or criterion."""

    ref: Text = Field(description="The reference, e.g. Nghị định 86/2023/NĐ-CP, Điều 6 khoản 4.")
    kind: Literal["law", "plan", "guidance", "proposal"] = Field(
        "law", description="law / plan / guidance, or 'proposal' where the rule is ours, not the law's."
    )


InputType = Literal["integer", "number", "boolean", "string", "enum", "date", "list"]


class InputSpec(_Model):
    """One field of the data dictionary."""

    type: InputType
    label: Text
    description: Text | None = None
    values: tuple[str, ...] | None = Field(None, description="The allowed values of an enum.")
    value_labels: dict[str, Text] | None = Field(None, description="Labels of enum values.")
    min: Number | None = None
    max: Number | None = None
    unit: str | None = Field(None, description="Unit, e.g. VND/month, %, people.")
    digits: int | None = Field(
        None,
        ge=0,
        le=6,
        description="Decimal places shown wherever the value appears (default: 1 for %, 0 for money and counts).",
    )
    items: dict[Identifier, InputSpec] | None = Field(
        None, description="The fields of each record of a list (e.g. a household's persons)."
    )
    aliases: tuple[str, ...] = Field((), description="Other column headers that mean this field.")
    blank: bool | int | float | str | None = Field(
        None,
        description=(
            "The value an empty cell of this field's column means (e.g. false for a checkbox column"
            " where 'x' means yes); without it an empty cell is missing data."
        ),
    )
    private: bool = Field(
        False,
        description="Personal or sensitive (income, sanctions, violence, health): never shown on public lists.",
    )


class Parameter(_Model):
    """A named constant, or a table of values chosen by an input's value (``by``)."""

    label: Text
    value: bool | int | float | str | None = Field(None, description="A constant value.")
    by: Identifier | None = Field(None, description="The enum input that selects the value.")
    values: dict[str, Number] | None = Field(None, description="The table: enum value -> value.")
    unit: str | None = None
    digits: int | None = Field(None, ge=0, le=6, description="Decimal places shown (as for inputs).")
    basis: list[Basis] = Field(default_factory=list)


class Derived(_Model):
    """A named value computed from inputs, usable in rules like an input."""

    label: Text
    expr: Expression
    unit: str | None = None
    digits: int | None = Field(None, ge=0, le=6, description="Decimal places shown (as for inputs).")


class Collection(_Model):
    """Members read by this set's rules: linked candidates of another subject in a dataset."""

    label: Text
    subject: Identifier = Field(description="The members' subject, e.g. household.")
    criteria_set: SetId | None = Field(
        None, description="The set the members are evaluated with; their results become readable."
    )
    link: Identifier = Field(description="The members' field holding this candidate's id.")
    fields: dict[Identifier, InputSpec] = Field(
        default_factory=dict,
        description="The members' own fields that rules read (their results need no declaring).",
    )
    min_known: int = Field(0, ge=0, description="Fewer known members than this gives unknown.")
    unknown: Literal["exclude", "fail"] = Field(
        "exclude", description="Unknown members: excluded from denominators (default) or counted as failing."
    )


class Measure(_Model):
    """A named figure reported with the verdicts (an index, a rate)."""

    label: Text
    expr: Expression
    unit: str | None = None
    digits: int = Field(1, ge=0, le=6, description="Decimal places shown.")


class Check(_Model):
    """A consistency check of a candidate's record, e.g. ``insured_members <= members``.

    A record whose check is false is invalid (its message says why); a check that is unknown
    (a value it reads is missing) does not decide anything.
    """

    id: CriterionId = Field(description="A short id, shown with the message (e.g. insured-le-members).")
    rule: Expression = Field(description="Must hold for a consistent record (true or false).")
    message: Text = Field(description="What is wrong when the rule is false, in every language of the set.")


class Band(_Model):
    """One row of numeric graded points: ``points`` when the value is at least ``min``."""

    min: Number
    points: Number


class PointsBy(_Model):
    """Graded points: by an enum's value (``table``) or by numeric thresholds (``bands``)."""

    value: Expression
    table: dict[str, Number] | None = None
    bands: list[Band] | None = None


class Messages(_Model):
    """Message templates per verdict; ``{field}`` placeholders read the values."""

    pass_: Text | None = Field(None, alias="pass")
    fail: Text | None = None
    unknown: Text | None = None
    not_applicable: Text | None = None

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, allow_inf_nan=False)


class Criterion(_Model):
    """One criterion: a rule, its points, whether it is mandatory or a veto."""

    id: CriterionId
    title: Text
    description: Text | None = None
    when: Expression | None = Field(None, description="The rule: the criterion passes when it is true.")
    points: Number = Field(0, ge=0, description="Points earned when the rule passes.")
    points_by: PointsBy | None = Field(None, description="Graded points instead of 'when' + 'points'.")
    mandatory: bool = Field(False, description="Must pass for the title.")
    veto: bool = Field(False, description="Failing it rules the candidate out, whatever the score.")
    applies_if: Expression | None = Field(None, description="Otherwise the criterion is not applicable.")
    on_missing: Literal["unknown", "fail", "pass"] = "unknown"
    message: Messages | None = None
    basis: list[Basis] = Field(default_factory=list)


class Group(_Model):
    """A titled group of criteria."""

    id: CriterionId
    title: Text
    criteria: list[Criterion] = Field(min_length=1)


class PassRule(_Model):
    """When a candidate earns the title."""

    min_score: Number | Expression | None = Field(
        None, description="Points needed (a number, or an expression such as a parameter)."
    )
    min_percent: Number | None = Field(
        None, ge=0, le=100, description="Percent of the applicable maximum needed."
    )
    all_mandatory: bool = True


class Rating(_Model):
    """A rating band, listed highest first; the last one is the fallback."""

    id: Identifier
    label: Text
    min_score: Number | Expression | None = None
    when: Expression | None = Field(None, description="An extra condition (e.g. years held).")
    requires_pass: bool = Field(True, description="Only candidates that pass reach this band.")


class Decision(_Model):
    """The pass rule and the ordered rating bands."""

    max_score: Number | None = Field(None, description="Declared maximum; must equal what criteria give.")
    pass_: PassRule = Field(alias="pass")
    ratings: list[Rating] = Field(default_factory=list)

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, allow_inf_nan=False)


class Example(_Model):
    """A stored example candidate with its expected result (run by ``criteria test``)."""

    id: str
    description: str | None = None
    record: dict[str, object]
    expect: dict[str, object]
    explain: dict[str, str] | None = Field(
        None, description="Criterion id -> the Vietnamese sentence its explanation must read."
    )


# The procedure section builds on the types above (Basis, Text, Identifier).
from .procedure import Procedure  # noqa: E402


class CriteriaSet(_Model):
    """One revision of a criteria set (one file)."""

    format: Literal["criteria-set/1"]
    id: SetId
    version: Version
    status: Literal["draft", "active", "retired"]
    effective_from: dt.date
    effective_to: dt.date | None = None
    title: Text
    description: Text | None = None
    subject: Identifier
    languages: list[LanguageCode] = Field(min_length=1)
    basis: list[Basis] = Field(default_factory=list)
    changes: Text | None = None
    inputs: dict[Identifier, InputSpec]
    parameters: dict[Identifier, Parameter] = Field(default_factory=dict)
    derived: dict[Identifier, Derived] = Field(default_factory=dict)
    collections: dict[Identifier, Collection] = Field(default_factory=dict)
    measures: dict[Identifier, Measure] = Field(default_factory=dict)
    checks: list[Check] = Field(
        default_factory=list, description="Consistency checks of a record, before any criterion."
    )
    groups: list[Group] = Field(min_length=1)
    decision: Decision
    procedure: Procedure | None = Field(
        None, description="How the title is voted on, posted, decided and recorded (the award round)."
    )

    def criteria(self) -> list[Criterion]:
        """Every criterion, in file order."""
        return [c for g in self.groups for c in g.criteria]

    @property
    def ref(self) -> str:
        """``id@version``."""
        return f"{self.id}@{self.version}"


__all__ = [
    "Band",
    "Basis",
    "Check",
    "Collection",
    "CriteriaSet",
    "Criterion",
    "Decision",
    "Derived",
    "Example",
    "Group",
    "InputSpec",
    "Measure",
    "Messages",
    "Parameter",
    "PassRule",
    "PointsBy",
    "Procedure",
    "Rating",
    "Text",
]
