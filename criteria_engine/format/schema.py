"""The JSON Schema of the criteria-set format, generated from the models (for editors)."""

from __future__ import annotations

import json

from .models import CriteriaSet

SCHEMA_ID = "https://criteria-engine.example/schema/criteria-set.schema.json"


def criteria_set_schema() -> dict[str, object]:
    """The JSON Schema (draft 2020-12) of one criteria-set file."""
    schema = CriteriaSet.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "criteria_engine criteria set (format criteria-set/1)",
        **schema,
    }


def schema_text() -> str:
    """The schema as the published file holds it: indented JSON with a final newline."""
    return json.dumps(criteria_set_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


__all__ = ["SCHEMA_ID", "criteria_set_schema", "schema_text"]
