"""Choosing a revision by version or date, and revision hygiene (``Registry.check``)."""

from __future__ import annotations

import argparse
import datetime as dt
import io
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from criteria_engine.cli import cmd_validate
from criteria_engine.cli.common import Streams
from criteria_engine.errors import RevisionError, Severity
from criteria_engine.format.loader import load_text
from criteria_engine.format.models import CriteriaSet
from criteria_engine.format.registry import Registry, Revision, parse_ref
from criteria_engine.io.catalog import load_catalog, load_registry
from criteria_engine.rules.validation import validate_document

D = dt.date
BASE_TEXT = (Path(__file__).parent / "cases" / "revisions" / "texts.yaml").read_text(encoding="utf-8")
BASE_DOC = yaml.safe_load(BASE_TEXT.split("\n---\n")[0])


def _base() -> CriteriaSet:
    checked = validate_document(load_text(BASE_TEXT.split("\n---\n")[0]))
    assert checked.model is not None
    return checked.model


BASE = _base()


def rev(
    version: str,
    start: dt.date,
    end: dt.date | None = None,
    status: str = "active",
    changes: bool = True,
    title: str | None = None,
    file: str = "",
) -> Revision:
    """A revision of the sample set with its own window, status and change note."""
    update: dict[str, object] = {
        "version": version,
        "effective_from": start,
        "effective_to": end,
        "status": status,
    }
    update["changes"] = {"vi": f"Bản {version}.", "en": f"Revision {version}."} if changes else None
    if title is not None:
        update["title"] = {"vi": title, "en": title}
    return Revision.of(BASE.model_copy(update=update), file or f"sample/{version}.yaml")


def registry(*revisions: Revision) -> Registry:
    return Registry(revisions)


# --- selection by date --------------------------------------------------------------------------

CHAIN = registry(
    rev("1", D(2026, 1, 1), D(2026, 7, 1), changes=False),
    rev("2", D(2026, 7, 1), D(2027, 1, 1), title="Hai"),
    rev("3", D(2027, 1, 1), title="Ba"),
)


@pytest.mark.parametrize(
    ("day", "version"),
    [
        (D(2026, 1, 1), "1"),  # first day of the first window
        (D(2026, 6, 30), "1"),  # last day of the window (the end is exclusive)
        (D(2026, 7, 1), "2"),  # the day after: the next revision
        (D(2026, 12, 31), "2"),
        (D(2027, 1, 1), "3"),  # a future-dated revision applies from its first day...
        (D(2040, 5, 5), "3"),  # ...and an open window goes on
    ],
)
def test_the_revision_in_force_on_a_date(day: dt.date, version: str) -> None:
    chosen = CHAIN.get("sample", day)
    assert chosen.version == version
    assert chosen.in_force(day)


def test_a_future_revision_never_applies_before_its_date() -> None:
    day = D(2026, 1, 1)
    while day < D(2027, 1, 1):  # every day before it starts
        assert CHAIN.get("sample", day).version != "3", day
        day += dt.timedelta(days=1)
    assert CHAIN.get("sample", day).version == "3"


def test_an_explicit_version_wins_over_the_date() -> None:
    assert CHAIN.get("sample@1", D(2030, 1, 1)).version == "1"
    assert CHAIN.get("sample@3", D(2020, 1, 1)).version == "3"
    assert CHAIN.get(" sample @ 2 ").version == "2"


def test_the_default_date_is_today() -> None:
    today = dt.date.today()
    assert CHAIN.get("sample") == CHAIN.get("sample", today)


def test_a_date_before_every_revision_names_the_nearest() -> None:
    with pytest.raises(RevisionError) as caught:
        CHAIN.get("sample", D(2025, 12, 31))
    diag = caught.value.diagnostics[0]
    assert diag.code == "no-revision-in-force"
    assert "2025-12-31" in diag.message and "sample@1 [2026-01-01 – 2026-07-01)" in diag.message
    assert diag.suggestion == "name a version explicitly, e.g. sample@1"


def test_a_date_in_a_gap_names_the_revisions_on_both_sides() -> None:
    gap = registry(rev("1", D(2026, 1, 1), D(2026, 3, 1)), rev("2", D(2026, 4, 1)))
    assert gap.get("sample", D(2026, 2, 28)).version == "1"
    assert gap.get("sample", D(2026, 4, 1)).version == "2"
    with pytest.raises(RevisionError) as caught:
        gap.get("sample", D(2026, 3, 1))
    message = caught.value.diagnostics[0].message
    assert "sample@1 [2026-01-01 – 2026-03-01)" in message and "sample@2 [2026-04-01 – …)" in message


def test_a_date_after_the_last_window_names_the_last_revision() -> None:
    ended = registry(rev("1", D(2026, 1, 1), D(2026, 7, 1)))
    with pytest.raises(RevisionError) as caught:
        ended.get("sample", D(2026, 7, 1))
    assert "nearest: sample@1 [2026-01-01 – 2026-07-01)" in caught.value.diagnostics[0].message


def test_a_draft_is_never_chosen_by_date() -> None:
    drafted = registry(rev("1", D(2026, 1, 1)), rev("2-draft", D(2026, 6, 1), status="draft"))
    assert drafted.get("sample", D(2026, 6, 15)).version == "1"
    assert drafted.get("sample@2-draft").model.status == "draft"  # only by name
    only_drafts = registry(rev("0.1", D(2026, 1, 1), status="draft"))
    with pytest.raises(RevisionError) as caught:
        only_drafts.get("sample", D(2026, 2, 1))
    diag = caught.value.diagnostics[0]
    assert "only drafts (sample@0.1)" in diag.message
    assert diag.suggestion and "sample@0.1" in diag.suggestion


def test_an_active_revision_is_preferred_to_a_retired_one_in_force() -> None:
    reg = registry(rev("1", D(2026, 1, 1), status="retired"), rev("2", D(2026, 6, 1), D(2026, 9, 1)))
    assert reg.get("sample", D(2026, 7, 1)).version == "2"
    assert reg.get("sample", D(2026, 3, 1)).version == "1"  # retired, but it applied then
    assert reg.get("sample", D(2026, 10, 1)).version == "1"


def test_unknown_sets_and_versions_are_clear_errors() -> None:
    with pytest.raises(RevisionError) as caught:
        CHAIN.get("sampel@1")
    assert caught.value.diagnostics[0].code == "unknown-set"
    assert caught.value.diagnostics[0].suggestion == "did you mean 'sample'?"
    with pytest.raises(RevisionError) as caught:
        CHAIN.get("sample@4")
    diag = caught.value.diagnostics[0]
    assert diag.code == "unknown-version" and "it has: 1, 2, 3" in diag.message


def test_parse_ref() -> None:
    assert parse_ref("happy-family@2026.1") == ("happy-family", "2026.1")
    assert parse_ref("happy-family") == ("happy-family", None)
    assert parse_ref("happy-family@") == ("happy-family", None)


def test_by_digest_finds_the_exact_revision() -> None:
    for revision in CHAIN.revisions():
        assert CHAIN.by_digest(revision.digest) is revision
    assert CHAIN.by_digest("sha256:" + "0" * 64) is None


@pytest.mark.parametrize(
    ("day", "version"),
    [
        (D(2026, 1, 1), "2026.1"),
        (D(2026, 6, 30), "2026.1"),
        (D(2026, 7, 1), "2026.2"),
        (D(2026, 12, 31), "2026.2"),
        (D(2027, 1, 1), "2027.1"),
    ],
)
def test_the_shipped_happy_family_windows(day: dt.date, version: str) -> None:
    assert load_registry().get("happy-family", day).version == version


@given(st.dates(D(2024, 1, 1), D(2030, 12, 31)))
def test_selection_agrees_with_the_windows(day: dt.date) -> None:
    reg = registry(
        rev("1", D(2026, 1, 1), D(2026, 3, 1)),
        rev("2", D(2026, 4, 1), D(2027, 1, 1)),
        rev("2b", D(2026, 5, 1), status="draft"),
        rev("3", D(2027, 1, 1)),
    )
    in_force = [r for r in reg.revisions() if r.model.status != "draft" and r.in_force(day)]
    if in_force:
        assert reg.get("sample", day) is in_force[-1]
    else:
        with pytest.raises(RevisionError):
            reg.get("sample", day)


# --- hygiene: a corpus of histories -------------------------------------------------------------

TODAY = D(2026, 9, 1)
HISTORIES: dict[str, tuple[list[Revision], list[tuple[str, str, str]]]] = {
    "clean chain": (
        [rev("1", D(2026, 1, 1), D(2026, 7, 1), changes=False), rev("2", D(2026, 7, 1), title="Hai")],
        [],
    ),
    "overlap": (
        [rev("1", D(2026, 1, 1), D(2026, 7, 1)), rev("2", D(2026, 6, 1), title="Hai")],
        [("revision-overlap", "error", "2")],
    ),
    "previous never ends": (
        [rev("1", D(2026, 1, 1)), rev("2", D(2026, 7, 1), title="Hai")],
        [("revision-overlap", "error", "2")],
    ),
    "overlap with a revision before the previous one": (
        [
            rev("1", D(2026, 1, 1), D(2027, 1, 1)),
            rev("2", D(2026, 3, 1), D(2026, 4, 1), title="Hai"),
            rev("3", D(2026, 5, 1), title="Ba"),
        ],
        [("revision-overlap", "error", "2"), ("revision-overlap", "error", "3")],
    ),
    "gap": (
        [rev("1", D(2026, 1, 1), D(2026, 6, 1)), rev("2", D(2026, 7, 1), title="Hai")],
        [("revision-gap", "warning", "2")],
    ),
    "gap after a retired revision": (
        [rev("1", D(2026, 1, 1), D(2026, 6, 1), status="retired"), rev("2", D(2026, 7, 1), title="Hai")],
        [("revision-gap", "warning", "2")],
    ),
    "retired but in force today": (
        [rev("1", D(2026, 1, 1), status="retired")],
        [("retired-in-force", "warning", "1")],
    ),
    "retired and ended": (
        [rev("1", D(2026, 1, 1), D(2026, 7, 1), status="retired"), rev("2", D(2026, 7, 1), title="Hai")],
        [],
    ),
    "a new revision that changes nothing": (
        [rev("1", D(2026, 1, 1), D(2026, 7, 1)), rev("2", D(2026, 7, 1))],
        [("revision-unchanged", "warning", "2")],
    ),
    "no change note after the first": (
        [
            rev("1", D(2026, 1, 1), D(2026, 7, 1), changes=False),
            rev("2", D(2026, 7, 1), changes=False, title="Hai"),
        ],
        [("changes-missing", "error", "2")],
    ),
    "a draft needs a change note too": (
        [rev("1", D(2026, 1, 1)), rev("2-draft", D(2027, 1, 1), status="draft", changes=False, title="Hai")],
        [("changes-missing", "error", "2-draft")],
    ),
    "a draft may overlap": (
        [rev("1", D(2026, 1, 1)), rev("2-draft", D(2026, 3, 1), status="draft", title="Hai")],
        [],
    ),
    "the same version twice": (
        [
            rev("1", D(2026, 1, 1), D(2026, 7, 1)),
            rev("1", D(2026, 7, 1), title="Hai", file="sample/copy.yaml"),
        ],
        [("duplicate-revision", "error", "1")],
    ),
}


@pytest.mark.parametrize("name", list(HISTORIES))
def test_revision_hygiene(name: str) -> None:
    revisions, expected = HISTORIES[name]
    got = [
        (d.code, d.severity.value, d.file.removeprefix("sample/").removesuffix(".yaml"))
        for d in registry(*revisions).check(TODAY)
    ]
    expected_files = [(code, severity, version) for code, severity, version in expected]
    if name == "the same version twice":
        expected_files = [("duplicate-revision", "error", "copy")]
    assert sorted(got) == sorted(expected_files)


def test_hygiene_messages_say_what_to_do() -> None:
    diags = registry(rev("1", D(2026, 1, 1)), rev("2", D(2026, 7, 1), title="Hai")).check(TODAY)
    (overlap,) = diags
    assert overlap.message == (
        "sample@2 [2026-07-01 – …) overlaps sample@1 [2026-01-01 – …); active windows must not overlap"
    )
    assert overlap.suggestion == "end sample@1 on 2026-07-01 (effective_to)"
    assert overlap.path == ("effective_from",) and overlap.file == "sample/2.yaml"
    (gap,) = registry(rev("1", D(2026, 1, 1), D(2026, 6, 1)), rev("2", D(2026, 7, 1), title="x")).check(TODAY)
    assert gap.message == "no revision of 'sample' is in force in [2026-06-01 – 2026-07-01)"
    assert (
        gap.message_in("vi")
        == "'sample' không có phiên bản nào có hiệu lực trong khoảng 01/06/2026 – 30/06/2026"
    )
    assert overlap.message_in("vi") == (
        "sample@2 (từ 01/07/2026) trùng thời gian với sample@1 (từ 01/01/2026); "
        "các phiên bản đang áp dụng không được trùng thời gian"
    )


def test_the_shipped_sets_have_clean_histories() -> None:
    assert load_registry().check() == []


def _write(folder: Path, version: str, **fields: object) -> None:
    doc = dict(BASE_DOC, version=version, **fields)
    (folder / f"{version}.yaml").write_text(
        yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def test_validate_reports_revision_hygiene(tmp_path: Path) -> None:
    folder = tmp_path / "sample"
    folder.mkdir()
    _write(folder, "1", effective_from="2026-01-01", effective_to=None)
    _write(folder, "2", effective_from="2026-07-01", effective_to=None, changes=None)
    catalog = load_catalog([tmp_path])
    codes = {(d.code, d.severity) for d in catalog.diagnostics}
    assert ("revision-overlap", Severity.ERROR) in codes
    assert ("changes-missing", Severity.ERROR) in codes
    assert ("revision-unchanged", Severity.WARNING) in codes
    assert not catalog.ok

    parser = argparse.ArgumentParser()
    cmd_validate.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["validate", str(tmp_path)])
    out, err = io.StringIO(), io.StringIO()
    assert args.run(args, Streams(out, err)) == 1
    assert "error[revision-overlap]" in err.getvalue() and str(folder / "2.yaml") in err.getvalue()
    assert "warning[revision-unchanged]" in err.getvalue()
