"""The public posting list never shows a field marked private (Decree 13/2023/NĐ-CP).

For each shipped set with a procedure, a round is opened on the example commune's data and
posted. The test reads the set's inputs, collects those marked ``private`` (list items too),
and fails if the posting list (HTML or CSV) shows any of them: its name, its label, a
criterion whose rule reads it, or a value the data holds for it. The same strings must show
up in the letters (sent to each household alone), so the check can see what it looks for.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from criteria_engine import compile_plan
from criteria_engine.award import (
    History,
    Meeting,
    Posting,
    Round,
    RoundKey,
    Vote,
    proposals,
    provisional_levels,
)
from criteria_engine.explain.i18n import format_number
from criteria_engine.format.models import InputSpec
from criteria_engine.register.candidates import evaluate_candidates, opening_of
from criteria_engine.render.award_letters import letters_html
from criteria_engine.render.award_lists import posting_html, write_posting_csv

from .award_support import REGISTRY

COMMUNE = Path(__file__).resolve().parent.parent / "examples" / "data" / "commune"
AS_OF = dt.date(2026, 10, 1)
CASES = [
    ("happy-family", "C001-V01", "household"),
    ("happy-village", "C001", "village"),
    ("happy-school", "C001", "school"),
]


def private_inputs(inputs: Mapping[str, InputSpec], within: str = "") -> Iterator[tuple[str, InputSpec]]:
    """Every input marked private, list items included (``persons.drug_user``)."""
    for name, spec in inputs.items():
        if spec.private:
            yield f"{within}{name}", spec
        if spec.items:
            yield from private_inputs(spec.items, f"{name}.")


def _round(set_id: str, unit: str) -> Round:
    revision = REGISTRY.get(set_id, as_of=AS_OF)
    plan = compile_plan(revision, REGISTRY.resolver())
    candidates = evaluate_candidates(plan, REGISTRY, COMMUNE, unit, 2026, History(set_id, []), as_of=AS_OF)
    opening = opening_of(plan, candidates, AS_OF, str(COMMUNE))
    votes = {e.candidate: Vote(9) for e in opening.evaluations}
    meeting = Meeting(dt.date(2026, 10, 10), 9, 9, votes)
    return Round(RoundKey(set_id, 2026, unit), opening, (meeting,), Posting(dt.date(2026, 10, 12)))


def _values(table: str, unit: str, names: list[str]) -> set[str]:
    """Numbers the data holds for private fields of the unit's rows, as both languages write them."""
    out: set[str] = set()
    with (COMMUNE / f"{table}.csv").open(encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            if unit not in (row.get("village_id"), row.get("commune_id")):
                continue
            for name in names:
                text = (row.get(name) or "").strip()
                if text.replace(".", "", 1).isdigit() and float(text) >= 1000:  # distinctive numbers only
                    out |= {format_number(float(text), "vi"), format_number(float(text), "en")}
    return out


@pytest.mark.parametrize(("set_id", "unit", "table"), CASES)
def test_the_posting_list_shows_no_private_field(set_id: str, unit: str, table: str) -> None:
    revision = REGISTRY.get(set_id, as_of=AS_OF)
    model = revision.model
    private = dict(private_inputs(model.inputs))
    assert private, f"{set_id} marks no input private: the test would prove nothing"
    plan = compile_plan(revision, REGISTRY.resolver())
    reading = [
        c for c in plan.criteria if set(c.inputs_read) & {n.split(".")[0] for n in private} | set(private)
    ]
    forbidden = {name.split(".")[-1] for name in private}
    forbidden |= {text for spec in private.values() for text in spec.label.values()}
    forbidden |= {text for c in reading for text in c.criterion.title.values()}
    forbidden |= _values(table, unit, [n for n in private if "." not in n])
    round_ = _round(set_id, unit)
    items = proposals(round_)
    levels = provisional_levels(round_, [])
    shown = posting_html(round_, items, levels, "vi") + posting_html(round_, items, levels, "en")
    for lang in ("vi", "en"):
        stream = io.StringIO()
        write_posting_csv(round_, items, levels, lang, stream)
        shown += stream.getvalue()
    leaks = sorted(f for f in forbidden if f in shown)
    assert leaks == [], f"the posting list of {set_id} shows private data: {leaks}"
    # The list is not empty, and what it must hide is visible where it belongs: the letters.
    proposed = [p.evaluation.name for p in items if p.proposed]
    assert proposed and all(name in shown for name in proposed)
    letters = letters_html(round_, items, "vi") + letters_html(round_, items, "en")
    assert any(f in letters for f in forbidden), "the letters should show the private details the list hides"
