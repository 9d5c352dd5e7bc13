"""The runners of ``criteria round STEP``: parse, call the library, write the documents.

A refused step prints its reasons in the chosen language (Vietnamese by default) and exits 1;
the register is left as it was. Documents are written through a temporary file, put in place
only when the step succeeded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter
from pathlib import Path

from ..award.deciding import provisional_levels
from ..award.messages import STATUS_WORDS, RoundError, subject_noun
from ..award.outcome import proposals
from ..award.records import Meeting, MeetingKind, Round, RoundKey
from ..award.refusals import not_open
from ..award.status import round_status
from ..format.registry import parse_ref
from ..messages import Msg, listing, msg, words
from ..register import rows
from ..register.candidates import evaluate_candidates, opening_of
from ..register.service import (
    add_objection,
    decide_round,
    history_of,
    open_round,
    post_list,
    record_votes,
    resolve_objection,
    round_of,
)
from ..register.store import Register, open_register
from ..render.award_letters import letters_html
from ..render.award_lists import (
    decision_html,
    posting_html,
    write_decision_csv,
    write_decision_xlsx,
    write_posting_csv,
)
from ..render.award_sheet import minutes_html, sheet_html, write_sheet_xlsx
from ..render.output import atomic_file, output_target
from .common import (
    EXIT_OK,
    Streams,
    UsageError,
    plan_for,
    print_diagnostics,
    refusals_in_language,
    registry_for,
)
from .round_files import read_votes


def _today(args: argparse.Namespace) -> dt.date:
    return args.date or dt.date.today()


def _key(args: argparse.Namespace, set_id: str) -> RoundKey:
    return RoundKey(set_id, args.year or _today(args).year, args.unit)


def _register(args: argparse.Namespace, create: bool = False) -> Register:
    return open_register(args.register, create=create)


def _opened(register: Register, args: argparse.Namespace) -> Round:
    key = _key(args, args.set)
    found = round_of(register, key)
    if found.opening is None:
        raise RoundError([not_open(found)])
    return found


def _write_text(path: str, text: str, *inputs: str | None) -> None:
    output_target(path, [i for i in inputs if i])
    with atomic_file(path) as stream:
        stream.write(text)


def _written(streams: Streams, args: argparse.Namespace, path: str) -> None:
    """ "→ FILE" on standard error, in the run's language."""
    streams.err.write(msg("cli.written", file=path)(args.lang) + "\n")


def _say(streams: Streams, lang: str, text: Msg) -> None:
    """One line of a step's report on standard output, in the run's language."""
    streams.out.write(text(lang) + "\n")


@refusals_in_language
def run_open(args: argparse.Namespace, streams: Streams) -> int:
    """``round open``."""
    registry = registry_for(args.sets)
    today = _today(args)
    revision = registry.get(args.set, None if "@" in args.set else today)
    plan = plan_for(registry, revision)
    key = _key(args, parse_ref(args.set)[0])
    created = not Path(args.register).exists()
    try:
        with _register(args, create=True) as register:
            history = history_of(register, key.set_id)
            persons = Path(args.persons) if args.persons else None
            candidates = evaluate_candidates(
                plan, registry, Path(args.data), key.unit, key.year, history, as_of=today, persons=persons
            )
            print_diagnostics(list(candidates.diagnostics), streams)
            opened = open_round(register, key, opening_of(plan, candidates, today, str(args.data)))
    except BaseException:
        if created:  # a register this step created, then could not fill: not left behind
            Path(args.register).unlink(missing_ok=True)
        raise
    assert opened.opening is not None
    counts = Counter(e.status for e in opened.opening.evaluations)
    lang = args.lang
    subject = opened.opening.subject

    noun = words({language: subject_noun(subject, language) for language in ("vi", "en")})
    split = words(
        {
            language: ", ".join(f"{n} {STATUS_WORDS[s][language].lower()}" for s, n in counts.items())
            for language in ("vi", "en")
        }
    )
    count = len(opened.opening.evaluations)
    text = msg("round.opened", round=key.label(), ref=revision.ref, count=count, noun=noun, split=split)
    _say(streams, lang, text)
    for name in plan.model.procedure.from_register if plan.model.procedure else {}:
        changed = [n for n in candidates.notes if n.vi.split(": ", 1)[1].startswith(name)]
        _say(streams, lang, msg("round.from-register", name=name, count=len(changed)))
        for note in changed[:5]:
            streams.out.write(f"  {note.text(lang)}\n")
        if len(changed) > 5:
            streams.out.write("  …\n")
    _say(streams, lang, msg("round.register", file=args.register))
    return EXIT_OK


def _invited_default(found: Round, given: int | None) -> int | None:
    assert found.opening is not None
    if given is not None:
        return given
    if found.opening.procedure.voters == "household_representatives":
        return len(found.opening.evaluations)
    return None


@refusals_in_language
def run_sheet(args: argparse.Namespace, streams: Streams) -> int:
    """``round sheet``."""
    if not args.output and not args.minutes:
        raise UsageError(msg("cli.round-sheet-output"))
    with _register(args) as register:
        found = _opened(register, args)
    invited = _invited_default(found, args.invited)
    if args.output:
        target = Path(args.output)
        if target.suffix.lower() == ".xlsx":
            with atomic_file(target, binary=True) as stream:
                write_sheet_xlsx(found, args.lang, invited, stream)
        elif target.suffix.lower() in (".html", ".htm"):
            _write_text(args.output, sheet_html(found, args.lang, invited), args.register)
        else:
            raise UsageError(msg("cli.round-sheet-kind", file=args.output))
        _written(streams, args, args.output)
    if args.minutes:
        _write_text(args.minutes, minutes_html(found, args.lang, invited), args.register)
        _written(streams, args, args.minutes)
    return EXIT_OK


@refusals_in_language
def run_votes(args: argparse.Namespace, streams: Streams) -> int:
    """``round votes``."""
    sheet = read_votes(Path(args.votes))
    invited = args.invited if args.invited is not None else sheet.invited
    present = args.present if args.present is not None else sheet.present
    if invited is None or present is None:
        raise UsageError(msg("cli.round-attendance"))
    held_on = args.date or sheet.held_on or dt.date.today()
    kind: MeetingKind = "written_ballots" if args.written or sheet.written else "meeting"
    meeting = Meeting(held_on, invited, present, sheet.votes, kind, args.note)
    with _register(args) as register:
        key = _key(args, args.set)
        sentence = record_votes(register, key, meeting, correct=args.correct)
        found = round_of(register, key)
    streams.out.write(sentence.text(args.lang) + "\n")
    items = proposals(found)
    checked = [p for p in items if p.approval is not None]
    approved = sum(p.approval.met for p in checked if p.approval is not None)
    if sentence.code == "quorum-met":
        _say(streams, args.lang, msg("round.approved", approved=approved, checked=len(checked)))
    for p in checked:
        if p.approval is not None and not p.approval.met:
            streams.out.write(f"  {p.candidate} {p.evaluation.name}: {p.approval.sentence(args.lang)}\n")
    proposed = sum(p.proposed for p in items)
    _say(streams, args.lang, msg("round.proposed", proposed=proposed, total=len(items)))
    return EXIT_OK


@refusals_in_language
def run_post(args: argparse.Namespace, streams: Streams) -> int:
    """``round post``."""
    if args.output and Path(args.output).suffix.lower() not in (".html", ".htm", ".csv"):
        raise UsageError(msg("cli.round-posting-kind", file=args.output))
    with _register(args) as register:
        key = _key(args, args.set)
        found = post_list(register, key, _today(args))
        levels = provisional_levels(found, rows.load_awards(register.conn, key.set_id))
    items = proposals(found)
    if args.output:
        if Path(args.output).suffix.lower() == ".csv":
            with atomic_file(args.output) as stream:
                write_posting_csv(found, items, levels, args.lang, stream)
        else:
            _write_text(args.output, posting_html(found, items, levels, args.lang), args.register)
        _written(streams, args, args.output)
    streams.out.write(round_status(found, _today(args)).text(args.lang))
    return EXIT_OK


@refusals_in_language
def run_letters(args: argparse.Namespace, streams: Streams) -> int:
    """``round letters``."""
    if not args.output:
        raise UsageError(msg("cli.round-letters-output"))
    with _register(args) as register:
        found = _opened(register, args)
    items = proposals(found)
    unknown = [i for i in args.id if i not in {p.candidate for p in items}]
    if unknown:
        raise UsageError(msg("cli.round-unknown-ids", ids=listing(unknown)))
    _write_text(args.output, letters_html(found, items, args.lang, args.id), args.register)
    count = len(args.id) if args.id else len(items)
    streams.err.write(msg("cli.letters-written", count=count, file=args.output)(args.lang) + "\n")
    return EXIT_OK


@refusals_in_language
def run_object(args: argparse.Namespace, streams: Streams) -> int:
    """``round object``."""
    with _register(args) as register:
        objection = add_objection(register, _key(args, args.set), args.id, _today(args), args.by, args.text)
    _say(streams, args.lang, msg("round.objection-recorded", number=objection.number, id=objection.candidate))
    return EXIT_OK


@refusals_in_language
def run_resolve(args: argparse.Namespace, streams: Streams) -> int:
    """``round resolve``."""
    with _register(args) as register:
        override = resolve_objection(
            register, _key(args, args.set), args.number, _today(args), args.by, args.outcome, args.note
        )
    if override is None:
        _say(streams, args.lang, msg("round.objection-dismissed", number=args.number))
    else:
        key = (
            "round.objection-upheld.proposed" if override.proposed else "round.objection-upheld.not-proposed"
        )
        _say(streams, args.lang, msg(key, number=args.number, id=override.candidate))
    return EXIT_OK


@refusals_in_language
def run_decide(args: argparse.Namespace, streams: Streams) -> int:
    """``round decide``."""
    suffix = Path(args.output).suffix.lower() if args.output else ""
    if args.output and suffix not in (".html", ".htm", ".csv", ".xlsx"):
        raise UsageError(msg("cli.round-decision-kind", file=args.output))
    with _register(args) as register:
        key = _key(args, args.set)
        decision = decide_round(register, key, _today(args), args.by, args.reference)
        found = round_of(register, key)
    if args.output:
        if suffix == ".csv":
            with atomic_file(args.output) as stream:
                write_decision_csv(found, decision, args.lang, stream)
        elif suffix == ".xlsx":
            with atomic_file(args.output, binary=True) as stream:
                write_decision_xlsx(found, decision, args.lang, stream)
        else:
            _write_text(args.output, decision_html(found, decision, args.lang), args.register)
        _written(streams, args, args.output)
    streams.out.write(round_status(found, _today(args)).text(args.lang))
    return EXIT_OK


@refusals_in_language
def run_status(args: argparse.Namespace, streams: Streams) -> int:
    """``round status``."""
    with _register(args) as register:
        found = round_of(register, _key(args, args.set))
    status = round_status(found, _today(args))
    if args.format == "json":
        streams.out.write(json.dumps(status.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        streams.out.write(status.text(args.lang))
    return EXIT_OK


__all__ = [
    "run_decide",
    "run_letters",
    "run_object",
    "run_open",
    "run_post",
    "run_resolve",
    "run_sheet",
    "run_status",
    "run_votes",
]
