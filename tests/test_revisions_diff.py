"""The semantic diff: a corpus of revision pairs with their expected diffs, mirror and identity
properties, and the shipped happy-family revisions read in plain words."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from criteria_engine.format.loader import load_text
from criteria_engine.format.models import CriteriaSet
from criteria_engine.io.catalog import load_registry
from criteria_engine.revisions import Change, describe, diff_revisions
from criteria_engine.revisions.diff import KINDS, RevisionDiff
from criteria_engine.revisions.expressions import number_changes
from criteria_engine.rules.validation import validate_document

CASES = Path(__file__).parent / "cases" / "revisions"
PAIRS = sorted(CASES.glob("*.yaml"))
REGISTRY = load_registry()


def load_pair(path: Path) -> tuple[CriteriaSet, CriteriaSet]:
    """Revision A and revision B of a corpus file (two YAML documents), both validated clean."""
    parts = path.read_text(encoding="utf-8").split("\n---\n")
    assert len(parts) == 2, path
    models = []
    for side, text in zip("ab", parts, strict=True):
        checked = validate_document(load_text(text, f"{path.name}:{side}"))
        assert checked.ok and not checked.diagnostics, [str(d) for d in checked.diagnostics]
        assert checked.model is not None
        models.append(checked.model)
    return models[0], models[1]


def as_data(diff: RevisionDiff) -> list[dict[str, object]]:
    return [
        {
            "kind": c.kind,
            "path": c.path,
            "old": c.old,
            "new": c.new,
            "thresholds": [t.to_dict() for t in c.thresholds],
            "vi": describe(c, "vi"),
            "en": describe(c, "en"),
        }
        for c in diff.changes
    ]


def _key(change: Change) -> tuple[str, str]:
    return change.path, change.kind


def _core(change: Change) -> tuple[object, ...]:
    """What a change says, without the labels it borrows from the newer side for its sentence."""
    limits = tuple((t.about, t.op, t.old, t.new, t.percent) for t in change.thresholds)
    return change.kind, change.path, json.dumps([change.old, change.new], sort_keys=True), change.key, limits


def _sorted(changes: tuple[Change, ...] | list[Change]) -> list[tuple[object, ...]]:
    return sorted((_core(c) for c in changes), key=str)


# --- the corpus ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", PAIRS, ids=lambda p: p.stem)
def test_corpus_pair_gives_its_expected_diff(path: Path) -> None:
    a, b = load_pair(path)
    got = as_data(diff_revisions(a, b))
    expected_file = path.with_suffix(".expected.json")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected_file.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert got == json.loads(expected_file.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", PAIRS, ids=lambda p: p.stem)
def test_diff_of_a_revision_with_itself_is_empty(path: Path) -> None:
    for model in load_pair(path):
        diff = diff_revisions(model, model)
        assert not diff and len(diff) == 0 and diff.changes == ()


@pytest.mark.parametrize("path", PAIRS, ids=lambda p: p.stem)
def test_diff_b_to_a_mirrors_a_to_b(path: Path) -> None:
    a, b = load_pair(path)
    forward, backward = diff_revisions(a, b), diff_revisions(b, a)
    assert _sorted(backward.changes) == _sorted([c.mirror() for c in forward.changes])
    assert [c.mirror().mirror() for c in forward.changes] == list(forward.changes)
    assert len(forward) == len(backward)


def test_the_corpus_covers_every_kind_of_change() -> None:
    seen: set[str] = set()
    for path in PAIRS:
        a, b = load_pair(path)
        seen |= {c.kind for c in diff_revisions(a, b).changes}
        seen |= {c.kind for c in diff_revisions(b, a).changes}
    assert seen == set(KINDS), set(KINDS) - seen
    assert {p.stem for p in CASES.glob("*.expected.json")} == {p.stem + ".expected" for p in PAIRS}


def test_reformatting_and_metadata_are_not_changes() -> None:
    a, b = load_pair(CASES / "reformatted-only.yaml")
    assert a.version != b.version and a.changes != b.changes
    assert not diff_revisions(a, b)


def test_a_threshold_change_names_the_value_compared_and_its_unit() -> None:
    a, b = load_pair(CASES / "threshold-changed.yaml")
    changes = {c.path: c for c in diff_revisions(a, b).changes}
    a2 = changes["criteria.A2.when"]
    assert a2.kind == "threshold-changed"
    assert describe(a2, "en") == (
        "Criterion A2 “Someone exercises”, rule: Members exercising ≥ 1 → ≥ 2 people "
        "(“Members exercising ≥ 1” → “Members exercising ≥ 2”)."
    )
    assert "Số người tập thể dục ≥ 1 → ≥ 2 người" in describe(a2, "vi")
    # 80% is written as a percentage; a constant on the left reads as the comparison turned round
    assert "≥ 80% → ≥ 90%" in describe(changes["criteria.A3.when"], "vi")
    # an expression compared is said in words too, as the rule is
    assert "Số người có thẻ BHYT / Số nhân khẩu ≥ 80% → ≥ 90%" in describe(changes["criteria.A3.when"], "vi")
    assert "Income per person ≥ 1,500,000 → ≥ 2,200,000 VND/month" in describe(
        changes["criteria.A1.when"], "en"
    )


# --- the shipped revisions ----------------------------------------------------------------------


def _shipped(a: str, b: str) -> RevisionDiff:
    return diff_revisions(REGISTRY.get(f"happy-family@{a}"), REGISTRY.get(f"happy-family@{b}"))


def test_happy_family_2026_1_to_2026_2() -> None:
    diff = _shipped("2026.1", "2026.2")
    assert {(c.kind, c.path) for c in diff.changes} == {
        ("input-added", "inputs.persons.items.drug_user"),
        ("input-added", "inputs.vneid_level2_adults"),
        ("criterion-added", "criteria.K7"),
        ("criterion-added", "criteria.E4"),
        ("points-changed", "criteria.A2.points"),
        ("points-changed", "criteria.E1.points"),
        ("threshold-changed", "criteria.C1.points_by.bands[1].min"),
        ("description-changed", "criteria.C1.description"),
    }
    k7 = diff.of_kind("criterion-added")[0]
    assert k7.new["veto"] is True
    assert describe(k7, "en") == (
        "New criterion K7 “No member uses illegal drugs” (veto; `not any(persons, p.drug_user)`)."
    )
    a2 = next(c for c in diff.changes if c.path == "criteria.A2.points")
    assert (
        describe(a2, "vi")
        == "Tiêu chí A2 “Đăng ký và thực hiện Bộ tiêu chí ứng xử trong gia đình”: 5 → 3 điểm."
    )
    c1 = diff.of_kind("threshold-changed")[0]
    assert describe(c1, "en") == (
        "Criterion C1 “Members have health insurance”, 3-point band: "
        "Share of members with health insurance ≥ 0.8 → ≥ 0.9."
    )


def test_happy_family_2026_2_to_2027_1_reads_the_poverty_line_in_words() -> None:
    diff = _shipped("2026.2", "2027.1")
    values = {c.path: c for c in diff.of_kind("parameter-value-changed")}
    assert set(values) == {
        "parameters.income_line.values.rural",
        "parameters.income_line.values.urban",
        "parameters.middle_line.values.rural",
        "parameters.middle_line.values.urban",
    }
    rural = values["parameters.income_line.values.rural"]
    assert (rural.old, rural.new) == (1_500_000, 2_200_000)
    assert describe(rural, "vi") == "Chuẩn nghèo về thu nhập, Nông thôn: 1.500.000 → 2.200.000 đồng/tháng."
    assert describe(rural, "en") == "Income poverty line, Rural: 1,500,000 → 2,200,000 VND/month."
    urban = values["parameters.income_line.values.urban"]
    assert describe(urban, "vi") == "Chuẩn nghèo về thu nhập, Thành thị: 2.000.000 → 2.800.000 đồng/tháng."
    changed = [c.path for c in diff.of_kind("input-changed")]
    assert "inputs.deprivations.max" in changed
    # 2027.1 also names the headers officials write (aliases) and what an empty checkbox means
    assert "inputs.commune_group.aliases" in changed and "inputs.registered.blank" in changed


def test_happy_family_2027_1_fixes_read_as_rule_changes() -> None:
    """Besides the poverty line, 2027.1 carries the review's fixes, each a change of rule."""
    diff = _shipped("2026.2", "2027.1")
    assert [c.path for c in diff.of_kind("criterion-added")] == ["criteria.F1"]
    assert not diff.of_kind("criterion-removed", "threshold-changed")
    assert {c.path for c in diff.of_kind("rule-changed")} == {
        "criteria.K2.when",  # the previous year's "Gia đình văn hóa"
        *(f"criteria.K{i}.when" for i in range(3, 8)),  # unknown while the member list is short
        "derived.is_poor_or_near_poor.expr",  # the commune's review list first
        "derived.living_standard_level.expr",
    }
    assert {c.path for c in diff.of_kind("points-changed")} == {"criteria.B2.points", "criteria.B4.points"}
    k2 = next(c for c in diff.of_kind("rule-changed") if c.path == "criteria.K2.when")
    assert describe(k2, "en") == (
        'Criterion K2 “Held the "Cultural Family" title the year before”: rule changed: '
        '“Holds the "Cultural Family" title this year” → '
        '“Held the "Cultural Family" title in the year before the assessment”.'
    )
    assert "`" not in describe(k2, "vi")  # the rule in words, not its source


def test_shipped_diffs_mirror_and_chain() -> None:
    for a, b in (("2026.1", "2026.2"), ("2026.2", "2027.1"), ("2026.1", "2027.1")):
        forward, backward = _shipped(a, b), _shipped(b, a)
        assert _sorted(backward.changes) == _sorted([c.mirror() for c in forward.changes])
    # what 2026.1 -> 2027.1 changes is what the two steps change, where the steps do not cancel
    steps = {_key(c) for c in _shipped("2026.1", "2026.2").changes} | {
        _key(c) for c in _shipped("2026.2", "2027.1").changes
    }
    assert {_key(c) for c in _shipped("2026.1", "2027.1").changes} <= steps


def test_diff_metadata_and_json_shape() -> None:
    diff = _shipped("2026.1", "2026.2")
    assert diff.a.ref == "happy-family@2026.1" and diff.b.ref == "happy-family@2026.2"
    assert diff.a.digest == REGISTRY.get("happy-family@2026.1").digest
    assert diff.b.effective_from == "2026-07-01" and diff.b.effective_to == "2027-01-01"
    assert diff.counts() == {
        "criterion-added": 2,
        "threshold-changed": 1,
        "points-changed": 2,
        "input-added": 2,
        "description-changed": 1,
    }
    json.dumps([c.to_dict() for c in diff.changes], ensure_ascii=False)  # plain data only


# --- properties ---------------------------------------------------------------------------------

POOL = [m for path in PAIRS for m in load_pair(path)] + [r.model for r in REGISTRY.revisions("happy-family")]


@given(st.sampled_from(POOL), st.sampled_from(POOL))
def test_any_two_revisions_diff_as_mirrors(x: CriteriaSet, y: CriteriaSet) -> None:
    forward, backward = diff_revisions(x, y), diff_revisions(y, x)
    assert _sorted(backward.changes) == _sorted([c.mirror() for c in forward.changes])
    assert len(forward) == len(backward)
    for change in forward.changes:
        assert describe(change, "vi") and describe(change, "en")


@given(st.integers(0, 10**7), st.integers(0, 10**7), st.sampled_from([">=", ">", "<=", "<", "==", "!="]))
def test_numbers_in_a_comparison_are_thresholds(n: int, m: int, op: str) -> None:
    found = number_changes(f"income {op} {n}", f"income {op} {m}")
    assert found == ([] if n == m else [("income", op, n, m, False)])
    flipped = number_changes(f"{n} {op} income", f"{m} {op} income")
    turned = {">=": "<=", "<=": ">=", ">": "<", "<": ">"}.get(op, op)
    assert flipped == ([] if n == m else [("income", turned, n, m, False)])


def test_a_different_shape_is_not_a_threshold() -> None:
    assert number_changes("a >= 1", "b >= 1") is None
    assert number_changes("a >= 1", "a > 1") is None
    assert number_changes("a >= 1", "a >= 1 and b") is None
    assert number_changes("x in ['a']", "x in ['b']") is None
    assert number_changes("((a)) >= 1", "a>=1") == []
    assert number_changes("a >= 1", "a >= ") is None  # unparsable: reported as a rule change


def test_the_pure_revision_modules_do_no_io() -> None:
    """diff, describe, impact and verify take data and give data: no files, no printing."""
    import ast

    import criteria_engine.revisions as package

    folder = Path(package.__file__).parent
    for name in ("diff.py", "_compare.py", "expressions.py", "describe.py", "impact.py", "verify.py"):
        tree = ast.parse((folder / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                modules = (
                    [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                )
                assert not {m.split(".")[0] for m in modules} & {"rich", "yaml", "argparse", "csv", "io"}, (
                    name
                )
                assert not (isinstance(node, ast.ImportFrom) and node.module in ("io", "data", "render")), (
                    name
                )
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in ("open", "print", "input"), f"{name}:{node.lineno}"
