"""The criteria-set file: its models, the YAML loader, the two layers of checks, the JSON Schema,
the digest, and the registry of revisions.

* :mod:`.models` — the format ``criteria-set/1`` as frozen pydantic models (its shape);
* :mod:`.loader` (with its ``_yaml_*`` helpers) — safe YAML with a source map of positions;
* :mod:`.structure` and :mod:`.semantics` — the structure and meaning checks, located;
* :mod:`.schema` — the JSON Schema published for editors; :mod:`.digest` — a revision's digest;
* :mod:`.registry` — the revisions of every set and the selection of one by id, version and
  date. It lives here because selection is a pure function of revisions of this format (their
  ids, versions, windows and digests) and needs nothing above it.

Expressions are text here; checking them is the expression language's job (:mod:`criteria_engine.rules`),
which also validates a whole document (:mod:`criteria_engine.rules.validation`).

May import: :mod:`criteria_engine.errors`, :mod:`criteria_engine.results`, pydantic, PyYAML.
Reads files only in :mod:`.loader`.
"""

# The models import the procedure section (which builds on their first types) half way through
# themselves: loading the models first makes that work whichever module of this package a
# program asks for first (``import criteria_engine`` no longer loads them up front).
from . import models as _models  # noqa: F401
