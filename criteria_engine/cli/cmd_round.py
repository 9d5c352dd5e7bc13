"""``criteria round ...``: the award round (bình xét), step by step, recorded in the register.

Each step reads the register and appends to it in one transaction; the logic is the
library's (:mod:`criteria_engine.award`, :mod:`criteria_engine.register`), this module only
parses the command line. The runners are in :mod:`.round_steps`.
"""

from __future__ import annotations

import argparse
from typing import Any

from .common import (
    DEFAULT_REGISTER,
    HelpFormatter,
    add_lang_option,
    add_sets_option,
    helped,
    parse_date,
    positive_int,
    run_later,
)

ROUND_HELP = helped("help.round.about")


def _common(p: argparse.ArgumentParser, with_set: bool = True) -> None:
    if with_set:
        p.add_argument("set", metavar="SET", help=helped("help.option.set"))
    p.add_argument("--year", type=int, metavar="YEAR", help=helped("help.option.year"))
    p.add_argument(
        "--unit",
        "--village",
        "--commune",
        dest="unit",
        required=True,
        metavar="UNIT",
        help=helped("help.option.unit"),
    )
    p.add_argument(
        "--register",
        metavar="FILE",
        default=DEFAULT_REGISTER,
        help=helped("help.option.register", default=DEFAULT_REGISTER),
    )
    p.add_argument("--date", type=parse_date, metavar="DATE", help=helped("help.option.date"))
    add_lang_option(p)


def _output(p: argparse.ArgumentParser, kinds: str) -> None:
    p.add_argument("-o", "--output", metavar="FILE", help=helped("help.round.output", kinds=kinds))


def register(sub: Any) -> None:
    """Add ``round`` and its steps."""
    parser = sub.add_parser(
        "round",
        help=helped("help.round"),
        description=ROUND_HELP,
        formatter_class=HelpFormatter,
    )
    steps = parser.add_subparsers(dest="step", metavar="STEP", parser_class=type(parser), required=True)

    def step(name: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = steps.add_parser(
            name,
            help=helped(f"help.round.{name}"),
            description=helped(f"help.round.{name}.about"),
            formatter_class=HelpFormatter,
        )
        p.set_defaults(run=run_later("round_steps", f"run_{name}"))
        return p

    p = step("open")
    p.add_argument("set", metavar="SET[@VERSION]", help=helped("help.round.set"))
    p.add_argument("data", metavar="DATA", help=helped("help.round.data"))
    _common(p, with_set=False)
    p.add_argument("--persons", metavar="FILE", help=helped("help.round.persons"))
    add_sets_option(p)

    p = step("sheet")
    _common(p)
    _output(p, ".xlsx or .html")
    p.add_argument("--minutes", metavar="FILE", help=helped("help.round.minutes"))
    p.add_argument("--invited", type=positive_int, metavar="N", help=helped("help.round.invited"))

    p = step("votes")
    p.add_argument("set", metavar="SET", help=helped("help.option.set"))
    p.add_argument("votes", metavar="VOTES", help=helped("help.round.sheet-file"))
    _common(p, with_set=False)
    p.add_argument("--invited", type=positive_int, metavar="N", help=helped("help.round.votes-invited"))
    p.add_argument("--present", type=int, metavar="N", help=helped("help.round.present"))
    p.add_argument("--written", action="store_true", help=helped("help.round.written"))
    p.add_argument("--correct", action="store_true", help=helped("help.round.correct"))
    p.add_argument("--note", default="", metavar="TEXT", help=helped("help.round.note"))

    p = step("post")
    _common(p)
    _output(p, ".html or .csv")

    p = step("letters")
    _common(p)
    _output(p, ".html")
    p.add_argument("--id", action="append", default=[], metavar="ID", help=helped("help.round.id"))

    p = step("object")
    _common(p)
    p.add_argument("--id", required=True, metavar="ID", help=helped("help.round.object-id"))
    p.add_argument("--by", required=True, metavar="NAME", help=helped("help.round.object-by"))
    p.add_argument("--text", required=True, metavar="TEXT", help=helped("help.round.text"))

    p = step("resolve")
    _common(p)
    p.add_argument("number", type=positive_int, metavar="NUMBER", help=helped("help.round.number"))
    p.add_argument(
        "--outcome", required=True, choices=("upheld", "dismissed"), help=helped("help.round.outcome")
    )
    p.add_argument("--by", required=True, metavar="NAME", help=helped("help.round.resolve-by"))
    p.add_argument("--note", default="", metavar="TEXT", help=helped("help.round.resolve-note"))

    p = step("decide")
    _common(p)
    p.add_argument("--by", required=True, metavar="NAME", help=helped("help.round.decide-by"))
    p.add_argument("--reference", default="", metavar="TEXT", help=helped("help.round.reference"))
    _output(p, ".html, .csv or .xlsx")

    p = step("status")
    _common(p)
    p.add_argument("--format", choices=("text", "json"), default="text", help=helped("help.round.format"))


__all__ = ["register"]
