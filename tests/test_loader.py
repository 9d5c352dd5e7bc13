"""Tests of the safe, position-aware YAML loader, run against both the libyaml and pure-Python parsers."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from criteria_engine.errors import Diagnostic, LoadError
from criteria_engine.format import loader
from criteria_engine.format.loader import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    LoadedDocument,
    SourceMap,
    load_file,
    load_text,
)

CASES = Path(__file__).parent / "cases" / "loader"
LOADERS = loader.LOADERS


@pytest.fixture(params=LOADERS, ids=lambda cls: cls.__name__, autouse=True)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> type[Any]:
    """Every test runs once with each loader class load_text/load_file may use."""
    cls: type[Any] = request.param
    monkeypatch.setattr(loader, "LOADER", cls)
    return cls


def codes(text: str | bytes) -> list[str]:
    with pytest.raises(LoadError) as caught:
        load_text(text)
    return [d.code for d in caught.value.diagnostics]


def failure(text: str | bytes) -> Diagnostic:
    with pytest.raises(LoadError) as caught:
        load_text(text, "doc.yaml")
    assert len(caught.value.diagnostics) == 1
    return caught.value.diagnostics[0]


# --- the corpus: one file per problem, expected diagnostics compared whole --------------------------


def _case_files() -> list[Path]:
    return sorted(CASES.glob("*.yaml"))


@pytest.mark.parametrize("case", _case_files(), ids=lambda path: path.stem)
def test_corpus_case(case: Path) -> None:
    expected = json.loads(case.with_name(case.stem + ".expected.json").read_text(encoding="utf-8"))
    try:
        load_file(case)
        got: list[dict[str, object]] = []
    except LoadError as exc:
        assert all(d.file == str(case) for d in exc.diagnostics)
        got = [
            {"code": d.code, "line": d.line, "column": d.column, "message": d.message}
            for d in exc.diagnostics
        ]
    assert got == expected


def test_corpus_is_complete() -> None:
    stems = {path.stem for path in _case_files()}
    assert {path.name.removesuffix(".expected.json") for path in CASES.glob("*.expected.json")} == stems
    required = {"duplicate-key", "tab-indent", "alias-bomb", "not-utf8", "empty", "list-top", "scalar-top"}
    assert required | {"syntax-error", "bom", "deep", "multi-doc"} <= stems
    assert b"\xe9" in (CASES / "not-utf8.yaml").read_bytes()
    assert (CASES / "bom.yaml").read_bytes().startswith(b"\xef\xbb\xbf")


# --- data ---------------------------------------------------------------------------------------


def test_plain_data_and_yaml_1_1_scalars() -> None:
    doc = load_text(
        "s: text\ni: 12\nf: 1.5\nb: yes\noff_: off\nn: ~\nempty:\n"
        "date: 2026-01-01\nstamp: 2026-01-01 10:00:00\nq: '12'\nlist: [1, two]\n"
    )
    assert doc.data == {
        "s": "text",
        "i": 12,
        "f": 1.5,
        "b": True,
        "off_": False,
        "n": None,
        "empty": None,
        "date": "2026-01-01",
        "stamp": "2026-01-01 10:00:00",
        "q": "12",
        "list": [1, "two"],
    }
    assert isinstance(doc, LoadedDocument) and doc.file == "<string>"


def test_dates_stay_strings_in_keys_too() -> None:
    assert load_text("2026-01-01: new year\n").data == {"2026-01-01": "new year"}


def test_merge_keys_and_aliases() -> None:
    doc = load_text("base: &b {x: 1, y: 2}\nitem:\n  <<: *b\n  y: 3\ncopy: *b\n")
    assert doc.data == {"base": {"x": 1, "y": 2}, "item": {"x": 1, "y": 3}, "copy": {"x": 1, "y": 2}}
    assert doc.source.position(("item", "x")) == (1, 11)  # merged keys point where they were written
    assert doc.source.position(("item", "y")) == (4, 3)
    assert doc.source.value_position(("copy",)) == (5, 7)  # the alias, where the path is written
    assert doc.source.value_position(("copy", "x")) == (1, 14)


def test_list_of_merges_first_wins() -> None:
    doc = load_text("a: &a {k: 1}\nb: &b {k: 2, m: 3}\nc:\n  <<: [*a, *b]\n")
    assert doc.data["c"] == {"k": 1, "m": 3}  # type: ignore[index]


def test_unsupported_tag_on_collection() -> None:
    assert codes("s: !!set {a, b}\n") == ["unsupported-tag"]
    assert codes("s: !!omap [{a: 1}]\n") == ["unsupported-tag"]


def test_huge_integer_is_a_diagnostic_not_a_crash() -> None:
    assert codes("n: " + "9" * 5000 + "\n") == ["bad-scalar"]


def test_several_problems_are_all_reported() -> None:
    with pytest.raises(LoadError) as caught:
        load_text("a: 1\na: 2\n1: x\nb: !!int y\n", "f.yaml")
    assert [(d.code, d.line) for d in caught.value.diagnostics] == [
        ("duplicate-key", 2),
        ("non-string-key", 3),
        ("bad-scalar", 4),
    ]
    assert all(d.file == "f.yaml" for d in caught.value.diagnostics)


# --- positions ----------------------------------------------------------------------------------

DOC = """\
# criteria
id: happy-family
inputs:
  area: {type: text}
  income: 12
groups:
  - id: g1
    when: "income >= floor"
  - id: g2
"""


def test_positions_of_keys_and_values() -> None:
    source = load_text(DOC, "set.yaml").source
    assert source.file == "set.yaml"
    assert source.position(()) == (2, 1)
    assert source.position(("id",)) == (2, 1)
    assert source.value_position(("id",)) == (2, 5)
    assert source.position(("inputs", "area")) == (4, 3)
    assert source.value_position(("inputs", "area")) == (4, 9)
    assert source.position(("inputs", "area", "type")) == (4, 10)
    assert source.value_position(("inputs", "income")) == (5, 11)
    assert source.position(("groups", 0)) == (7, 5)
    assert source.position(("groups", 1, "id")) == (9, 5)
    assert source.value_position(("groups", 0, "when")) == (8, 11)


def test_position_falls_back_to_the_nearest_ancestor() -> None:
    source = load_text(DOC).source
    assert source.position(("inputs", "area", "missing", 3)) == (4, 3)
    assert source.position(("inputs", "nope")) == (3, 1)
    assert source.value_position(("inputs", "nope")) == (4, 3)
    assert source.position(("nothing",)) == (2, 1)
    assert SourceMap("x.yaml").position(("a",)) == (1, 1)
    assert SourceMap("x.yaml").offset_position(("a",), 3) == (1, 1)


def test_locate_and_paths() -> None:
    source = load_text(DOC, "set.yaml").source
    located = source.locate(Diagnostic("unknown-key", "no", path=("inputs", "area")))
    assert (located.file, located.line, located.column) == ("set.yaml", 4, 3)
    paths = set(source.paths())
    assert {(), ("id",), ("inputs", "area", "type"), ("groups", 1), ("groups", 1, "id")} <= paths
    assert len(paths) == 12


def test_scalar_source() -> None:
    source = load_text(DOC).source
    assert source.scalar(("groups", 0, "when")) == loader.ScalarSource(8, 11, '"', '"income >= floor"')
    assert source.scalar(("id",)) == loader.ScalarSource(2, 5, "", "happy-family")
    assert source.scalar(("inputs",)) is None
    anchored = load_text("a: &x !!str  tagged\nb: *x\n").source
    assert anchored.scalar(("a",)) == loader.ScalarSource(1, 14, "", "tagged")


def test_columns_are_characters_and_a_bom_shifts_nothing() -> None:
    text = "tên: 'thu nhập'\nmức: x\n"
    for variant in (text, "\ufeff" + text, text.encode(), b"\xef\xbb\xbf" + text.encode()):
        source = load_text(variant).source
        assert source.value_position(("tên",)) == (1, 6)
        assert source.offset_position(("tên",), 4) == (1, 11)  # the 'n' of 'nhập'
        assert source.position(("mức",)) == (2, 1)
        assert source.value_position(("mức",)) == (2, 6)


def test_other_line_breaks() -> None:
    source = load_text("a: 1\r\nb: 2\rc: 3\n").source
    assert [source.position((k,)) for k in "abc"] == [(1, 1), (2, 1), (3, 1)]


# --- offset_position: every character of an expression ----------------------------------------

EXPRESSIONS = """\
plain: income >= floor
single: 'it''s income >= floor'
double: "a\\tb \\u00e9 x >= 1"
multi: income >= floor
  and  age < 60

  or x
folded_dq: "first line
   second \\
   third"
literal: |
  income >= floor
    and age < 60
  end
folded: >
  income >= floor
  and age < 60

  new para
explicit: |2
    two extra
  base
"""


def _char_at(text: str, position: tuple[int, int]) -> str:
    line = text.split("\n")[position[0] - 1]
    return line[position[1] - 1] if position[1] <= len(line) else "\n"


@pytest.mark.parametrize("key", ["plain", "single", "multi", "literal", "folded", "explicit", "folded_dq"])
def test_offset_position_finds_every_visible_character(key: str) -> None:
    doc = load_text(EXPRESSIONS)
    value = doc.data[key]  # type: ignore[index]
    for offset, char in enumerate(value):
        found = _char_at(EXPRESSIONS, doc.source.offset_position((key,), offset))
        # Folding turns breaks into spaces: those map to the end of their line.
        assert found == char or (char in " \n" and found == "\n"), (offset, char, found)


def test_offset_position_exact_spots() -> None:
    source = load_text(EXPRESSIONS).source
    assert source.offset_position(("plain",), 0) == (1, 8)
    assert source.offset_position(("plain",), 7) == (1, 15)  # '>='
    assert source.offset_position(("plain",), 15) == (1, 23)  # just after the end
    assert source.offset_position(("single",), 0) == (2, 10)  # after the opening quote
    assert source.offset_position(("single",), 3) == (2, 14)  # "''" is one character
    assert source.offset_position(("double",), 1) == (3, 11)  # "\t" starts at its backslash
    assert source.offset_position(("double",), 3) == (3, 14)
    assert source.offset_position(("double",), 4) == (3, 15)  # the 6-character "\u00e9"
    assert source.offset_position(("double",), 6) == (3, 22)  # after it
    assert source.offset_position(("multi",), 16) == (5, 3)  # 'and' on the continuation line
    assert source.offset_position(("multi",), 30) == (7, 3)  # 'or' after the blank line
    assert source.offset_position(("folded_dq",), 11) == (9, 4)
    assert source.offset_position(("folded_dq",), 18) == (10, 4)  # joined by the escaped break
    assert source.offset_position(("literal",), 0) == (12, 3)
    assert source.offset_position(("literal",), 18) == (13, 5)  # 'and', more indented
    assert source.offset_position(("literal",), 35) == (14, 6)  # the end: after 'end', not below
    assert source.offset_position(("folded",), 16) == (17, 3)
    assert source.offset_position(("folded",), 29) == (19, 3)
    assert source.offset_position(("explicit",), 0) == (21, 3)  # indentation 2 from '|2', not 4
    assert source.offset_position(("explicit",), 12) == (22, 3)


def test_offset_position_falls_back_to_the_value() -> None:
    source = load_text("n: 12\ns: abc\nm: {k: v}\n").source
    assert source.offset_position(("n",), 0) == (1, 4)
    assert source.offset_position(("s",), 99) == (2, 4)
    assert source.offset_position(("s",), -1) == (2, 4)
    assert source.offset_position(("m",), 0) == (3, 4)
    assert source.offset_position(("m", "k"), 0) == (3, 8)


# --- problems -----------------------------------------------------------------------------------


def test_duplicate_key_points_at_the_second_key() -> None:
    d = failure("a:\n  id: 1\n  id: 2\n")
    assert (d.code, d.line, d.column, d.path) == ("duplicate-key", 3, 3, ("a", "id"))
    assert d.message == "duplicate key 'id' (first defined at line 2)"
    assert d.file == "doc.yaml"


def test_tab_indentation() -> None:
    d = failure("a:\n  b: 1\n  \tc: 2\n")
    assert (d.code, d.line, d.column, d.suggestion) == ("tab-indent", 3, 3, "indent with spaces")
    assert failure("items:\n-\tx\n").code == "tab-indent"
    assert load_text("a: 'x\n\ty'\n").data == {"a": "x y"}  # a tab inside a scalar is no indentation


def test_tabs_pyyaml_refuses_are_refused_by_both_parsers() -> None:
    # libyaml alone would accept these; a file must not pass on one machine and fail on another.
    d = failure("a: b\tc\n")
    assert (d.code, d.line, d.column, d.message) == (
        "yaml-syntax",
        1,
        5,
        "tab characters are not allowed here",
    )
    assert codes("a: [1,\n\t2]\n") == ["tab-indent"]


def test_syntax_error_is_located_and_cleaned() -> None:
    d = failure("a: [1, 2\n")
    assert (d.code, d.line, d.column) == ("yaml-syntax", 2, 1)
    assert (
        d.message
        == "expected ',' or ']', but got end of file (while parsing a flow sequence at line 1, column 4)"
    )
    assert "<" not in failure("- a\nb: 1\n").message


def test_empty_inputs() -> None:
    for text in ("", "   \n\n", "# nothing\n", "---\n", "--- # c\n...\n", b"", b"\xef\xbb\xbf"):
        assert codes(text) == ["empty-file"]


def test_top_level_must_be_a_mapping() -> None:
    for text in ("- a\n", "42\n", "~\n", "'quoted'\n", "[a]\n", "|\n  block\n"):
        assert codes(text) == ["not-a-mapping"]


def test_not_utf8_position() -> None:
    d = failure(b"a: 1\nname: \xc3\xa9\xff\n")
    assert (d.code, d.line, d.column) == ("not-utf8", 2, 8)
    assert failure(b"\xff\xfea\x00:\x00").code == "not-utf8"  # UTF-16 is refused, not guessed
    d = failure("a: 1\nb: \ud800\n")
    assert (d.code, d.line, d.column) == ("not-utf8", 2, 4)


def test_allow_list_for_examples_files(tmp_path: Path) -> None:
    assert load_text("- a\n- b\n", allow_list=True).data == ["a", "b"]
    assert load_text("a: 1\n", allow_list=True).data == {"a": 1}
    d = failure("- a\n")
    assert d.message == "the top level must be a mapping of keys to values, not a list"
    with pytest.raises(LoadError) as caught:
        load_text("just text\n", allow_list=True)
    assert (
        caught.value.diagnostics[0].message == "the top level must be a mapping or a list, not a single value"
    )
    path = tmp_path / "set.examples.yaml"
    path.write_text("- id: e1\n  expect: pass\n", encoding="utf-8")
    doc = load_file(path, allow_list=True)
    assert doc.source.position((0, "expect")) == (2, 3)
    assert doc.source.position((0,)) == (1, 3)


def test_multiple_documents() -> None:
    d = failure("a: 1\n--- \nb: 2\n")
    assert (d.code, d.line, d.column) == ("multiple-documents", 2, 1)
    assert codes("a: 1\n---\n") == ["multiple-documents"]
    assert load_text("---\na: 1\n...\n").data == {"a": 1}


def test_alias_bomb_is_rejected() -> None:
    levels = ["a: &a [" + ", ".join(["lol"] * 10) + "]"]
    levels += [
        f"{c}: &{c} [" + ", ".join([f"*{p}"] * 10) + "]" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    ]
    assert codes("\n".join(levels) + "\n") == ["too-many-nodes"]


def test_wide_alias_fan_out_is_rejected() -> None:
    text = "a: &a [" + ", ".join(["x"] * 1000) + "]\nb: [" + ", ".join(["*a"] * 1000) + "]\n"
    assert codes(text) == ["too-many-nodes"]


def test_aliases_cannot_recurse_or_dangle() -> None:
    assert codes("a: &x [1, *x]\n") == ["recursive-alias"]
    assert codes("a: &x {k: *x}\n") == ["recursive-alias"]
    assert codes("a: *nothing\n") == ["undefined-alias"]
    assert codes("a: &x 1\nb: &x 2\n") == ["duplicate-anchor"]


def test_depth_limits() -> None:
    ok = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    assert load_text(ok).data is not None
    assert codes("a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n") == ["too-deep"]
    # Far deeper than either PyYAML composer survives (RecursionError, or a crashed process).
    assert codes("a: " + "[" * 200_000) == ["too-deep"]
    assert codes("a:\n" + "".join(" " * (2 * i + 2) + "- \n" for i in range(100))) == ["too-deep"]


def test_aliases_cannot_nest_deeper_than_the_limit() -> None:
    lines = ["l0: &l0 [x]"] + [f"l{i}: &l{i} [*l{i - 1}]" for i in range(1, MAX_DEPTH + 2)]
    assert codes("\n".join(lines) + "\n") == ["too-deep"]
    merges = ["m0: &m0 {x: 1}"] + [f"m{i}: &m{i} {{<<: *m{i - 1}}}" for i in range(1, MAX_DEPTH + 2)]
    assert codes("\n".join(merges) + "\n") == ["too-deep"]


def test_control_characters_and_bad_escapes() -> None:
    d = failure("a: b\x00c\n")
    assert (d.code, d.line, d.column) == ("yaml-syntax", 1, 5)
    assert codes('a: "\\U0011FFFF"\n') == ["yaml-syntax"]
    assert codes('a: "\\q"\n') == ["yaml-syntax"]


# --- files --------------------------------------------------------------------------------------


def test_load_file(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text("id: x\n", encoding="utf-8")
    doc = load_file(path)
    assert (doc.file, doc.data, doc.source.file) == (str(path), {"id": "x"}, str(path))


def test_unreadable_files(tmp_path: Path) -> None:
    for path in (tmp_path / "missing.yaml", tmp_path):
        with pytest.raises(LoadError) as caught:
            load_file(path)
        (d,) = caught.value.diagnostics
        assert (d.code, d.file, d.line, d.column) == ("file-unreadable", str(path), 1, 1)


def test_too_large(tmp_path: Path) -> None:
    big = "a: " + "x" * MAX_FILE_BYTES + "\n"
    assert codes(big) == ["file-too-large"]
    assert codes(big.encode()) == ["file-too-large"]
    assert codes("a: " + "é" * (MAX_FILE_BYTES // 2)) == ["file-too-large"]  # bytes count, not characters
    path = tmp_path / "big.yaml"
    path.write_text(big, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_file(path)
    assert [(d.code, d.file) for d in caught.value.diagnostics] == [("file-too-large", str(path))]


def test_file_size_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "sparse.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)

    class Unreadable(io.FileIO):
        def read(self, size: int | None = -1) -> bytes:
            raise AssertionError("the file was read before its size was checked")

    monkeypatch.setattr(loader, "open", lambda name, mode: Unreadable(name, "r"), raising=False)
    with pytest.raises(LoadError) as caught:
        load_file(path)
    assert caught.value.diagnostics[0].code == "file-too-large"


# --- the loader classes -------------------------------------------------------------------------


def test_loader_classes() -> None:
    assert loader.PyLoader in LOADERS
    assert all(
        issubclass(cls, (yaml.SafeLoader, *([yaml.CSafeLoader] if yaml.__with_libyaml__ else [])))
        for cls in LOADERS
    )
    if yaml.__with_libyaml__:
        assert loader.LOADERS[0].__name__ == "_CLoader"  # the fast one is the default
    for cls in LOADERS:
        assert cls.yaml_constructors is not yaml.SafeLoader.yaml_constructors


def test_pyyaml_global_loaders_are_untouched() -> None:
    script = (
        "import yaml\n"
        "names = ['SafeLoader', 'Loader', 'FullLoader', 'CSafeLoader', 'CLoader']\n"
        "classes = [getattr(yaml, n) for n in names if hasattr(yaml, n)]\n"
        "before = [dict(c.yaml_constructors) for c in classes]\n"
        "import criteria_engine.format.loader\n"
        "assert [dict(c.yaml_constructors) for c in classes] == before\n"
        "import datetime\n"
        "assert isinstance(yaml.safe_load('d: 2026-01-01')['d'], datetime.date)\n"
    )
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-c", script], check=True, cwd=root, env={"PYTHONPATH": str(root)})
    assert yaml.SafeLoader.yaml_constructors["tag:yaml.org,2002:timestamp"] is (
        yaml.constructor.SafeConstructor.construct_yaml_timestamp
    )


# --- nothing but LoadError, whatever the input --------------------------------------------------

YAMLISH = st.text(
    alphabet=st.sampled_from(list("ab1 :-?[]{},&*!|>'\"#%@`\\\n\t\r~.<=é\x85\u2028\ufeff\x00")), max_size=80
)
FUZZ = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _survives(text: str | bytes) -> None:
    try:
        result = load_text(text)
    except LoadError as exc:
        assert exc.diagnostics and all(d.line >= 1 and d.column >= 1 and d.file for d in exc.diagnostics)
    else:
        assert isinstance(result.data, dict)
        for path in result.source.paths():
            assert min(result.source.position(path)) >= 1


@FUZZ
@given(st.text())
def test_any_text_gives_a_document_or_a_load_error(text: str) -> None:
    _survives(text)


@FUZZ
@given(st.binary())
def test_any_bytes_give_a_document_or_a_load_error(data: bytes) -> None:
    _survives(data)


@FUZZ
@given(YAMLISH)
def test_yaml_like_junk_gives_a_document_or_a_load_error(text: str) -> None:
    _survives(text)


@FUZZ
@given(st.text(alphabet="ab :-[]{}'\"|>\n", max_size=60), st.integers(min_value=0, max_value=70))
def test_offset_position_never_fails(text: str, offset: int) -> None:
    try:
        source = load_text(text).source
    except LoadError:
        return
    for path in source.paths():
        line, column = source.offset_position(path, offset)
        assert line >= 1 and column >= 1
