"""The award register: one SQLite file holding every round's evaluations, meetings, postings,
objections, decisions and the award history, append-only.

This package is the only part of the library that touches ``sqlite3``. :func:`open_register`
opens (and migrates) a file; :mod:`.service` runs the round's steps against it, each in one
transaction; :mod:`.transfer` exports and imports it as CSV or XLSX; :mod:`.candidates` reads
a round's candidates from the data with the register's history filled in.

May import: every part below it (:mod:`criteria_engine.award`, :mod:`criteria_engine.explain`,
:mod:`criteria_engine.evaluators`, :mod:`criteria_engine.format`...) and, sideways,
:mod:`criteria_engine.io` (reading data files); never :mod:`criteria_engine.render` or
:mod:`criteria_engine.cli`.
"""

from __future__ import annotations

from .candidates import Candidates, evaluate_candidates, opening_of
from .service import (
    add_objection,
    decide_round,
    history_of,
    import_history,
    open_round,
    post_list,
    record_votes,
    resolve_objection,
    round_of,
)
from .store import DEFAULT_NAME, Register, RegisterError, open_register

__all__ = [
    "DEFAULT_NAME",
    "Candidates",
    "Register",
    "RegisterError",
    "add_objection",
    "decide_round",
    "evaluate_candidates",
    "history_of",
    "import_history",
    "open_register",
    "open_round",
    "opening_of",
    "post_list",
    "record_votes",
    "resolve_objection",
    "round_of",
]
