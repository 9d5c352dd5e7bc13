"""The award round ("bình xét") as pure functions over plain records.

From a set's evaluations to a voted, posted, decided title, following the set's declared
``procedure:`` (Decree 86/2023/NĐ-CP; the former Decree 122/2018/NĐ-CP): quorum and approval
(:mod:`.arithmetic`), the posting and decision deadlines (:mod:`.calendar`), who is proposed
(:mod:`.outcome`), multi-year levels with windows and quotas (:mod:`.levels`, :mod:`.history`),
rankings with shared ranks only for true ties (:mod:`.ranking`), the steps and their refusals
(:mod:`.steps`) and where a round stands (:mod:`.status`).

Nothing here reads or writes a file: the register (:mod:`criteria_engine.register`) stores
the records and the command line (``criteria round``) renders them.

May import: :mod:`criteria_engine.errors`, :mod:`criteria_engine.results`,
:mod:`criteria_engine.format`, :mod:`criteria_engine.rules`, :mod:`criteria_engine.evaluators`.
No I/O, no ``sqlite3``.
"""

from __future__ import annotations

from .arithmetic import ShareCheck, meets, minimum, quota_size
from .calendar import Deadlines, deadlines
from .deciding import awards_of, check_objection, check_resolution, decide, provisional_levels
from .history import History, Window, level_window, register_values
from .levels import LevelOutcome, apply_levels
from .messages import Message, RoundError
from .outcome import Proposal, approval_check, proposals, quorum_check
from .ranking import contest_rule, ranked, take
from .records import (
    Award,
    Decision,
    DecisionEntry,
    Evaluation,
    Meeting,
    Objection,
    Opening,
    Override,
    Posting,
    Resolution,
    Round,
    RoundKey,
    Vote,
)
from .status import RoundStatus, round_status
from .steps import check_open, check_post, check_votes

__all__ = [
    "Award",
    "Deadlines",
    "Decision",
    "DecisionEntry",
    "Evaluation",
    "History",
    "LevelOutcome",
    "Meeting",
    "Message",
    "Objection",
    "Opening",
    "Override",
    "Posting",
    "Proposal",
    "Resolution",
    "Round",
    "RoundError",
    "RoundKey",
    "RoundStatus",
    "ShareCheck",
    "Vote",
    "Window",
    "apply_levels",
    "approval_check",
    "awards_of",
    "check_objection",
    "check_open",
    "check_post",
    "check_resolution",
    "check_votes",
    "contest_rule",
    "deadlines",
    "decide",
    "level_window",
    "meets",
    "minimum",
    "proposals",
    "provisional_levels",
    "quorum_check",
    "quota_size",
    "ranked",
    "register_values",
    "round_status",
    "take",
]
