"""The catalogue of messages: every message the package says exists in Vietnamese and English
with the same placeholders; every code the source gives and every key it names is there; no
entry is dead; and the command line writes no English sentence of its own."""

from __future__ import annotations

import ast
import datetime as dt
import re
import string
from pathlib import Path

import pytest

from criteria_engine.errors import Diagnostic, diagnostic, did_you_mean
from criteria_engine.messages import ENTRIES, Msg, Period, Words, catalogue, msg, template, words
from criteria_engine.messages.catalogue import SOURCES

from .test_docs_errors import source_codes

PACKAGE = Path(__file__).resolve().parent.parent / "criteria_engine"
SOURCE = {path: path.read_text(encoding="utf-8") for path in sorted(PACKAGE.rglob("*.py"))}
KEY_CALL = re.compile(r"\b(?:msg|helped|template)\(\s*(f?)\"([^\"]+)\"")


def placeholders(text: str) -> set[str]:
    """The names a template fills (``{task.completed:,}`` is ``task.completed``)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def keys_named() -> tuple[set[str], set[str]]:
    """The keys the source names literally, and the prefixes of the keys it builds (f-strings)."""
    literal: set[str] = set()
    prefixes: set[str] = set()
    for path, text in SOURCE.items():
        if path.parent.name == "messages":
            continue
        for is_f, key in KEY_CALL.findall(text):
            if is_f:
                prefixes.add(key.split("{", 1)[0])
            else:
                literal.add(key)
    return literal, prefixes


@pytest.mark.parametrize("key", sorted(ENTRIES))
def test_every_entry_has_both_languages_with_the_same_placeholders(key: str) -> None:
    vi, en = ENTRIES[key]
    assert vi.strip() and en.strip()
    assert placeholders(vi) == placeholders(en), key


def test_no_key_is_defined_twice() -> None:
    seen: dict[str, str] = {}
    for source in SOURCES:
        for key in source.MESSAGES:
            assert key not in seen, f"{key} is in {seen.get(key)} and {source.__name__}"
            seen[key] = source.__name__
    assert len(seen) == len(ENTRIES) > 600


def test_one_catalogue_per_language() -> None:
    vi, en = catalogue("vi"), catalogue("en")
    assert vi.keys() == en.keys() == ENTRIES.keys()
    assert vi["data-bad-value.not-integer"] == "{value} không phải số nguyên"
    assert en["data-bad-value.not-integer"] == "{value} is not a whole number"


def test_every_code_the_source_gives_has_an_entry() -> None:
    codes = source_codes()
    assert len(codes) > 100
    missing = sorted(c for c in codes if c not in ENTRIES and not any(k.startswith(c + ".") for k in ENTRIES))
    assert missing == []


def test_every_key_the_source_names_is_in_the_catalogue() -> None:
    literal, prefixes = keys_named()
    assert len(literal) > 400
    assert sorted(literal - ENTRIES.keys()) == []
    assert sorted(p for p in prefixes if not any(k.startswith(p) for k in ENTRIES)) == []


def test_no_entry_is_dead() -> None:
    literal, prefixes = keys_named()
    said_by_the_package = {"severity.error", "severity.warning", "severity.help"}  # Diagnostic.render
    used = literal | said_by_the_package
    dead = sorted(k for k in ENTRIES if k not in used and not any(k.startswith(p) for p in prefixes))
    assert dead == []


# Entries whose Vietnamese is rightly the English: the file format's and Python's own words,
# file names, symbols.
SAME_IN_BOTH = {
    "raw", "at", "quoted", "more", "list.semicolons", "os.other", "json.detail", "cli.os-error",
    "cli.written", "cli.written-summary", "cli.files-written", "cli.template-written",
    "structure.value", "construct.is", "construct.is-not", "construct.lambda", "construct.f-string",
    "construct.await", "construct.yield", "construct.literal", "construct.other", "expression-type.a",
    "expression-type.an", "ordinal.n", "help.usage",
}  # fmt: skip
ENGLISH_WORD = re.compile(r"\b[a-z]{3,}\b")


@pytest.mark.parametrize("key", sorted(ENTRIES))
def test_the_vietnamese_is_not_a_copy_of_the_english(key: str) -> None:
    vi, en = ENTRIES[key]
    prose = re.sub(r"\{[^}]*\}|'[^']*'|`[^`]*`|--[a-z-]+", " ", en)
    if key in SAME_IN_BOTH or not ENGLISH_WORD.search(prose):
        return
    assert vi != en, f"{key} is not translated"


def test_arguments_are_said_in_each_language() -> None:
    label = words({"vi": "Xã nhóm 3", "en": "Group 3 commune"})
    text = msg("data-bad-value.not-one-of", value="'Nhóm 3'", allowed=(label, words({}, "group_1")))
    assert text("vi") == "'Nhóm 3' không phải giá trị hợp lệ; dùng: Xã nhóm 3, group_1"
    assert str(text) == "'Nhóm 3' is not one of: Group 3 commune, group_1"
    ratio = msg("data-xlsx-too-large.ratio", ratio=1500, stored=2048)
    assert ratio("vi") == "gấp 1.500 lần kích thước lưu 2.048 byte"
    assert ratio("en") == "1,500 times its stored size of 2,048 bytes"
    bound = msg("out-of-range.above", value=12.5, max=12.0)
    assert (bound("vi"), bound("en")) == ("12,5 lớn hơn mức tối đa 12", "12.5 is above the maximum 12")
    day = msg("retired-in-force", ref="x@1", day=dt.date(2026, 7, 1))
    assert day("vi").endswith("gồm ngày 01/07/2026") and day("en").endswith("includes 2026-07-01")
    window = Period(dt.date(2026, 7, 1), dt.date(2027, 1, 1))
    assert (window("vi"), window("en")) == ("01/07/2026 – 31/12/2026", "[2026-07-01 – 2027-01-01)")
    assert Period(dt.date(2026, 7, 1))("vi") == "từ 01/07/2026"
    assert isinstance(text, Msg) and isinstance(label, Words)


def test_an_unknown_key_fails_where_it_is_built() -> None:
    with pytest.raises(KeyError):
        msg("no-such-key")
    with pytest.raises(KeyError):
        template("no-such-key", "vi")


def test_a_diagnostic_is_english_for_the_library_and_said_in_either_language() -> None:
    found = diagnostic(
        "unknown-key",
        msg("unknown-key", key="point"),
        "m.yaml",
        33,
        9,
        hint=did_you_mean("point", ["points"]),
    )
    assert found.message == "unknown key 'point'" and found.suggestion == "did you mean 'points'?"
    assert (
        str(found) == "m.yaml:33:9: error[unknown-key]: unknown key 'point'\n  help: did you mean 'points'?"
    )
    assert (
        found.render("vi")
        == "m.yaml:33:9: lỗi[unknown-key]: khóa 'point' không hợp lệ\n  gợi ý: có phải là 'points'?"
    )
    assert found.located("n.yaml", 1, 2).render("vi").startswith("n.yaml:1:2: lỗi[unknown-key]: khóa")
    data = found.to_dict("vi")
    assert data["message"] == "unknown key 'point'" and data["text"] == "khóa 'point' không hợp lệ"
    assert "text" not in found.to_dict()
    plain = Diagnostic("custom", "a message of a program's own")  # still works, in its own words
    assert plain.render("vi") == "lỗi[custom]: a message of a program's own"


# --- the command line writes no English of its own ---------------------------------------------

CLI = PACKAGE / "cli"
SENTENCE = re.compile(r"[A-Za-z]{2,}(?:[ ,;:'\-]+[A-Za-z]+)+")
"""Two words or more: a sentence (a single word, a symbol, a placeholder are not)."""
KEY = re.compile(r"[a-z][a-z0-9.\-]*")
"""A key of the catalogue or a code (``help.option.sets``), not a sentence."""


def _literal_texts(node: ast.AST) -> list[str]:
    """The literal text pieces of an expression (f-string parts included)."""
    out: list[str] = []
    for child in ast.walk(node):
        if isinstance(child, ast.Constant) and isinstance(child.value, str):
            out.append(child.value)
    return out


def _offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        texts: list[str] = []
        if name in ("write", "print", "UsageError", "ArgumentTypeError", "RuntimeError"):
            for arg in node.args:
                texts += _literal_texts(arg)
        if name in ("add_argument", "add_parser"):
            texts += [
                t
                for kw in node.keywords
                if kw.arg in ("help", "description")
                for t in _literal_texts(kw.value)
            ]
        if name == "Diagnostic" and len(node.args) > 1:
            texts += _literal_texts(node.args[1])
        found += [
            f"{path.name}:{node.lineno}: {t!r}" for t in texts if SENTENCE.search(t) and not KEY.fullmatch(t)
        ]
    return found


def test_the_scanner_finds_an_english_sentence_written_by_the_cli(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'streams.err.write(f"{ref}: no examples file\\n")\n'
        'raise UsageError("give -o FILE")\n'
        'p.add_argument("--x", help="the x to use")\n'
        'streams.out.write(say(msg("test.total", passed=1, failed=0)) + "\\n")\n',
        encoding="utf-8",
    )
    assert [o.split(": ", 1)[1] for o in _offences(sample)] == [
        "': no examples file\\n'",
        "'give -o FILE'",
        "'the x to use'",
    ]


@pytest.mark.parametrize("path", sorted(CLI.glob("*.py")), ids=lambda p: p.name)
def test_the_cli_writes_no_english_sentence_of_its_own(path: Path) -> None:
    assert _offences(path) == []


def test_the_package_builds_every_diagnostic_from_the_catalogue() -> None:
    offences = []
    for path, text in SOURCE.items():
        if path.name == "errors.py" or path.parent.name == "messages":
            continue
        offences += _offences_anywhere(path, text)
    assert offences == []


def _offences_anywhere(path: Path, text: str) -> list[str]:
    """``Diagnostic(code, "a message")``, ``error(code, "a message")``: messages not from the
    catalogue."""
    tree = ast.parse(text)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute):
            name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr
            if name in ("Diagnostic", "error", "warning", "diagnostic", "FieldIssue") and len(node.args) > 1:
                message = node.args[2] if name == "FieldIssue" and len(node.args) > 2 else node.args[1]
                if isinstance(message, ast.Constant | ast.JoinedStr):
                    found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found
