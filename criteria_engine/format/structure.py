"""Layer one of validation: the file's structure, via the pydantic models.

pydantic's errors are turned into our diagnostics: a stable code, a plain message, the
document path (in the file's own key names) and a did-you-mean for unknown keys and values.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from typing import Any, get_args, get_origin

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from ..errors import Diagnostic, DocPath, did_you_mean, error
from ..messages import ENTRIES, Arg, Msg, listing, msg
from .models import CriteriaSet

_CODES = {
    "extra_forbidden": "unknown-key",
    "missing": "missing-key",
    "literal_error": "bad-value",
    "enum": "bad-value",
    "string_pattern_mismatch": "bad-format",
    "string_too_long": "too-long",
    "string_too_short": "empty-value",
    "too_short": "too-few-items",
    "greater_than_equal": "out-of-range",
    "less_than_equal": "out-of-range",
    "finite_number": "not-finite",
}


def code_for(kind: str) -> str:
    """The diagnostic code of a pydantic error kind (``string_too_long`` -> ``too-long``)."""
    if kind in _CODES:
        return _CODES[kind]
    if kind.startswith("date") or kind.startswith("datetime"):
        return "bad-date"
    return "wrong-type"


def _model_fields(model: type[BaseModel]) -> dict[str, Any]:
    """The model's keys as written in files (aliases), each with its annotation."""
    return {(info.alias or name): info.annotation for name, info in model.model_fields.items()}


def _submodel(annotation: Any) -> type[BaseModel] | None:
    """The model class inside an annotation such as ``list[Group]`` or ``X | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _submodel(arg)
        if found is not None:
            return found
    return None


def _is_mapping_of_models(annotation: Any) -> bool:
    origin = get_origin(annotation)
    if origin is dict:
        return _submodel(get_args(annotation)[1]) is not None
    return any(_is_mapping_of_models(a) for a in get_args(annotation))


def model_at(path: Sequence[str | int], root: type[BaseModel] = CriteriaSet) -> type[BaseModel] | None:
    """The model describing the mapping at ``path`` (used to suggest valid keys)."""
    model: type[BaseModel] | None = root
    annotation: Any = None
    skip_key = False
    for part in path:
        if skip_key:  # a key of a dict of models (an input name): the value is the model
            skip_key = False
            continue
        if isinstance(part, int):
            continue
        if model is None:
            return None
        annotation = _model_fields(model).get(part)
        if annotation is None:
            return None
        skip_key = _is_mapping_of_models(annotation)
        model = _submodel(annotation)
    return model


def _existing_prefix(data: object, loc: Sequence[str | int]) -> DocPath:
    """The longest prefix of a pydantic location that exists in the document."""
    node = data
    out: list[str | int] = []
    for part in loc:
        if isinstance(node, Mapping) and part in node:
            node = node[part]
            out.append(part)
            continue
        if not (isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)):
            break
        node = node[part]
        out.append(part)
    return tuple(out)


def _describe(value: object) -> Arg:
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, Mapping):
        return msg("structure.mapping")
    if isinstance(value, list):
        return msg("structure.list")
    return repr(value)


def pydantic_problem(err: Mapping[str, Any]) -> Msg:
    """pydantic's complaint in the catalogue's words (its own English for a kind the
    catalogue does not know)."""
    kind = str(err["type"])
    context = err.get("ctx", {})
    if f"pydantic.{kind}" in ENTRIES:
        values: dict[str, Arg] = {
            k: v for k, v in context.items() if isinstance(v, str | int | float) and not isinstance(v, bool)
        }
        if kind == "too_short":
            given = err.get("input")
            values.setdefault("actual_length", len(given) if isinstance(given, list) else 0)
        return msg(f"pydantic.{kind}", **values)
    text = str(err["msg"])
    return msg("pydantic.other", detail=text[:1].lower() + text[1:])


def _convert(err: Mapping[str, Any], data: object) -> Diagnostic:
    kind = str(err["type"])
    loc = tuple(err["loc"])
    code = code_for(kind)
    path = _existing_prefix(data, loc)
    suggestion: Msg | None = None
    if code == "unknown-key":
        key = str(loc[-1])
        model = model_at(path[:-1])
        allowed = sorted(_model_fields(model)) if model else []
        suggestion = did_you_mean(key, allowed)
        if suggestion is None and allowed:
            suggestion = msg("unknown-key.allowed", keys=listing(allowed))
        text = msg("unknown-key", key=key)
    elif code == "missing-key":
        text = msg("missing-key", key=str(loc[-1]))
    elif code == "bad-value":
        expected = str(err.get("ctx", {}).get("expected", ""))
        options = re.findall(r"'([^']*)'", expected)
        given = err.get("input")
        suggestion = did_you_mean(str(given), options) if isinstance(given, str) else None
        text = msg("bad-value", value=_describe(given), options=listing(options))
    elif code == "bad-date":
        text = msg("bad-date", value=_describe(err.get("input")))
    elif code == "not-finite":
        text = msg("not-finite.set", value=_describe(err.get("input")))
    elif code == "bad-format":
        pattern = str(err.get("ctx", {}).get("pattern", ""))
        text = msg("bad-format", value=_describe(err.get("input")), pattern=pattern)
    else:
        text = msg("structure.value", value=_describe(err.get("input")), detail=pydantic_problem(err))
    return error(code, text, path, suggestion)


def example_problem(index: int, err: Mapping[str, Any]) -> Msg:
    """The problem of the example at 0-based ``index`` of an examples file, from pydantic."""
    where: Arg = ".".join(str(p) for p in err["loc"]) or msg("bad-example.whole")
    return msg("bad-example", index=index + 1, where=where, detail=pydantic_problem(err))


def check_structure(data: object) -> tuple[CriteriaSet | None, list[Diagnostic]]:
    """Validate the document's shape; return the model, or None and every problem found."""
    if not isinstance(data, Mapping):
        return None, [error("not-a-mapping", msg("not-a-mapping.set"))]
    try:
        return CriteriaSet.model_validate(data), []
    except PydanticValidationError as exc:
        seen: set[tuple[DocPath, str]] = set()
        out: list[Diagnostic] = []
        for err in exc.errors():
            diag = _convert(err, data)
            # A union (number or expression) reports one error per member: keep the first.
            key = (diag.path, diag.code if diag.code in ("unknown-key", "missing-key") else "value")
            if diag.code in ("unknown-key", "missing-key"):
                key = (diag.path, diag.message)
            if key in seen:
                continue
            seen.add(key)
            out.append(diag)
        return None, out


def close_keys(word: str, options: Sequence[str]) -> list[str]:
    """Close matches of a key (exposed for callers building suggestions)."""
    return difflib.get_close_matches(word, options, n=3, cutoff=0.6)


__all__ = ["check_structure", "close_keys", "code_for", "example_problem", "model_at", "pydantic_problem"]
