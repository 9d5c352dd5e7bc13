"""``criteria round ...``: the award round (bình xét), step by step, recorded in the register.

Each step reads the register and appends to it in one transaction; the logic is the
library's (:mod:`criteria_engine.award`, :mod:`criteria_engine.register`), this module only
parses the command line. The runners are in :mod:`.round_steps`.
"""

from __future__ import annotations

import argparse
from typing import Any

from .common import DEFAULT_REGISTER, HelpFormatter, add_sets_option, parse_date, positive_int, run_later

ROUND_HELP = """\
The award round ("bình xét") of a title, step by step, as the set's procedure declares it
(Decree 86/2023/ND-CP): evaluate the candidates of a village (open), print the voting
sheet and the minutes (sheet), record the meeting's votes (votes), post the list
publicly (post), write each household its letter (letters), record objections during
the posting and their resolution (object, resolve), record the decision with the
multi-year levels and quota (decide), and see where the round stands (status).

Every step reads and appends to the award register, one SQLite file (--register,
default ./criteria-register.sqlite): nothing in it is ever changed or deleted. A step
that is refused (a vote count above those present, an objection after the posting, a
decision before the posting ended, a second decision...) says why and changes nothing.

Dates: each step takes --date (default: today), so a round can be recorded afterwards.

examples (one village's year, on the shipped example data):
  criteria round open happy-family examples/data/commune --year 2026 --village C001-V01 --date 2026-10-01
  criteria round sheet happy-family --year 2026 --village C001-V01 -o phieu.xlsx --minutes bien-ban.html
  criteria round votes happy-family examples/data/round-2026/phieu-C001-V01.csv --year 2026 --village C001-V01 --date 2026-10-10 --invited 33 --present 30
  criteria round post happy-family --year 2026 --village C001-V01 --date 2026-10-12 -o niem-yet.html
  criteria round letters happy-family --year 2026 --village C001-V01 -o thu.html
  criteria round decide happy-family --year 2026 --village C001-V01 --date 2026-10-23 --by "Chủ tịch UBND xã" -o quyet-dinh.html
  criteria round status happy-family --year 2026 --village C001-V01"""

_STEPS: dict[str, tuple[str, str]] = {
    "open": (
        "evaluate the unit's candidates and open the round",
        "Evaluate the candidates of the unit (a village's households, a commune's villages or\n"
        "schools) with the set in force on --date and store the evaluations. Inputs the\n"
        "procedure computes from the register (years_held_consecutive) replace the data's.\n"
        "Opening again before the posting corrects the data: the new evaluations supersede\n"
        "the old ones, which stay in the register.",
    ),
    "sheet": (
        "write the voting sheet and the minutes template",
        "Write the meeting's voting sheet: the candidates, their result in one line, empty vote\n"
        "columns; -o FILE.xlsx (to fill in and read back with 'round votes') or FILE.html (to\n"
        "print). --minutes FILE.html writes the minutes (biên bản) with the quorum filled in.",
    ),
    "votes": (
        "record the meeting's attendance and votes",
        "Record a meeting from the filled-in voting sheet (XLSX or CSV): the votes for and against\n"
        "each candidate, and those invited and present (from its 'Cuộc họp' sheet or --invited,\n"
        "--present). The quorum and every approval are computed and explained; a meeting\n"
        "without a quorum is recorded, and the procedure's next step is said (meet again, or\n"
        "written ballots with --written). --correct replaces a mistyped record (kept in the\n"
        "register as superseded).",
    ),
    "post": (
        "post the list publicly (names and outcomes only)",
        "Record the public posting and write the notice (-o FILE.html or .csv): names and\n"
        "outcomes only, no scores, no criteria, no personal data. The posting period starts on\n"
        "--date.",
    ),
    "letters": (
        "write one letter per candidate with its result",
        "Write every candidate's letter (one A4 page each, Vietnamese by default): the result\n"
        "criterion by criterion, the vote, whether it is proposed and why not, how to object.",
    ),
    "object": (
        "record an objection received during the posting",
        "Record an objection (or comment) about a candidate, received on --date, which must be\n"
        "within the posting period. Objections are numbered 1, 2, ... in the round.",
    ),
    "resolve": (
        "record how an objection was resolved",
        "Record the resolution of objection NUMBER: upheld (the candidate's proposal is reversed,\n"
        "recorded as an override with the reason and who resolved it) or dismissed.",
    ),
    "decide": (
        "record the decision and write the decision list",
        "Record the decision, after the posting ended and every objection was resolved: the\n"
        "titles, the multi-year levels (windows and quota from the register's history, ties\n"
        "as declared) and, for every candidate left out, why. -o writes the list (.html, .csv,\n"
        ".xlsx). A round is decided once.",
    ),
    "status": (
        "show where the round stands and what is overdue",
        "Show the round's stage, what happened, the next step and its deadline, and what is\n"
        "overdue on --date (dates checked against the procedure's periods).",
    ),
}


def _common(p: argparse.ArgumentParser, with_set: bool = True) -> None:
    if with_set:
        p.add_argument("set", metavar="SET", help="the criteria set, e.g. happy-family")
    p.add_argument("--year", type=int, metavar="YEAR", help="the round's year (default: the year of --date)")
    p.add_argument(
        "--unit",
        "--village",
        "--commune",
        dest="unit",
        required=True,
        metavar="UNIT",
        help="the unit whose meeting votes: a village for households, a commune for villages and schools",
    )
    p.add_argument(
        "--register",
        metavar="FILE",
        default=DEFAULT_REGISTER,
        help=f"the award register (default: {DEFAULT_REGISTER})",
    )
    p.add_argument(
        "--date", type=parse_date, metavar="DATE", help="the step's date, YYYY-MM-DD (default: today)"
    )
    p.add_argument("--lang", choices=("vi", "en"), default="vi", help="language of the output (default: vi)")


def _output(p: argparse.ArgumentParser, kinds: str) -> None:
    p.add_argument("-o", "--output", metavar="FILE", help=f"write the document to FILE ({kinds})")


def register(sub: Any) -> None:
    """Add ``round`` and its steps."""
    parser = sub.add_parser(
        "round",
        help="run the award round step by step",
        description=ROUND_HELP,
        formatter_class=HelpFormatter,
    )
    steps = parser.add_subparsers(dest="step", metavar="STEP", parser_class=type(parser), required=True)

    def step(name: str) -> argparse.ArgumentParser:
        short, long = _STEPS[name]
        p: argparse.ArgumentParser = steps.add_parser(
            name, help=short, description=long, formatter_class=HelpFormatter
        )
        p.set_defaults(run=run_later("round_steps", f"run_{name}"))
        return p

    p = step("open")
    p.add_argument(
        "set", metavar="SET[@VERSION]", help="the criteria set (the revision in force on --date unless named)"
    )
    p.add_argument(
        "data", metavar="DATA", help="a dataset folder (examples/data/commune) or the candidates' data file"
    )
    _common(p, with_set=False)
    p.add_argument(
        "--persons", metavar="FILE", help="the members' table of a single data file, linked by <subject>_id"
    )
    add_sets_option(p)

    p = step("sheet")
    _common(p)
    _output(p, ".xlsx or .html")
    p.add_argument("--minutes", metavar="FILE", help="also write the minutes template (.html)")
    p.add_argument(
        "--invited", type=positive_int, metavar="N", help="those invited (default: one per household)"
    )

    p = step("votes")
    p.add_argument("set", metavar="SET", help="the criteria set, e.g. happy-family")
    p.add_argument("votes", metavar="VOTES", help="the filled-in voting sheet (.xlsx or .csv)")
    _common(p, with_set=False)
    p.add_argument("--invited", type=positive_int, metavar="N", help="those invited (overrides the sheet)")
    p.add_argument(
        "--present", type=int, metavar="N", help="those present, or ballots returned (overrides the sheet)"
    )
    p.add_argument("--written", action="store_true", help="written ballots after a meeting without a quorum")
    p.add_argument("--correct", action="store_true", help="replace the latest record (a typing mistake)")
    p.add_argument("--note", default="", metavar="TEXT", help="a note kept with the record")

    p = step("post")
    _common(p)
    _output(p, ".html or .csv")

    p = step("letters")
    _common(p)
    _output(p, ".html")
    p.add_argument("--id", action="append", default=[], metavar="ID", help="only this candidate (repeatable)")

    p = step("object")
    _common(p)
    p.add_argument("--id", required=True, metavar="ID", help="the candidate the objection is about")
    p.add_argument("--by", required=True, metavar="NAME", help="who objects")
    p.add_argument("--text", required=True, metavar="TEXT", help="what the objection says")

    p = step("resolve")
    _common(p)
    p.add_argument("number", type=positive_int, metavar="NUMBER", help="the objection's number")
    p.add_argument(
        "--outcome", required=True, choices=("upheld", "dismissed"), help="upheld reverses the proposal"
    )
    p.add_argument("--by", required=True, metavar="NAME", help="who resolved it")
    p.add_argument("--note", default="", metavar="TEXT", help="the reasons")

    p = step("decide")
    _common(p)
    p.add_argument("--by", required=True, metavar="NAME", help="who decides")
    p.add_argument("--reference", default="", metavar="TEXT", help="the decision's number, e.g. 123/QĐ-UBND")
    _output(p, ".html, .csv or .xlsx")

    p = step("status")
    _common(p)
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")


__all__ = ["register"]
