"""The published JSON Schema is exactly what the models generate, it is a valid schema, every
shipped file points editors at it, and it accepts every shipped revision."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from criteria_engine.format.loader import load_file
from criteria_engine.format.schema import criteria_set_schema, schema_text
from criteria_engine.io.catalog import set_files, shipped_sets_dir

ROOT = Path(__file__).parent.parent
PUBLISHED = ROOT / "docs" / "schema" / "criteria-set.schema.json"


def test_published_schema_matches_the_models() -> None:
    assert PUBLISHED.read_text(encoding="utf-8") == schema_text(), (
        "docs/schema/criteria-set.schema.json is stale: regenerate it with "
        "`criteria schema > docs/schema/criteria-set.schema.json`"
    )


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(criteria_set_schema())


def test_every_shipped_file_names_the_schema_and_validates_against_it() -> None:
    files, problems = set_files([shipped_sets_dir()])
    assert problems == [] and files
    validator = jsonschema.Draft202012Validator(json.loads(PUBLISHED.read_text(encoding="utf-8")))
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=", 1)[1].strip()).resolve()
        assert target == PUBLISHED.resolve(), (path, target)
        errors = list(validator.iter_errors(load_file(path).data))
        assert errors == [], (path, [e.message for e in errors[:3]])


def test_schema_rejects_an_unknown_key() -> None:
    validator = jsonschema.Draft202012Validator(criteria_set_schema())
    data = load_file(sorted(shipped_sets_dir().glob("happy-family/2026.1.yaml"))[0]).data
    assert isinstance(data, dict)
    assert list(validator.iter_errors({**data, "colour": "blue"}))
