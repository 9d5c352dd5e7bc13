"""The public import surface is exactly a sorted ``__all__``; the core does no I/O."""

from __future__ import annotations

import ast
import subprocess
import sys
import types
from pathlib import Path

import pytest

import criteria_engine

PACKAGE = Path(criteria_engine.__file__).parent


def test_all_is_sorted_and_complete() -> None:
    names = criteria_engine.__all__
    assert list(names) == sorted(names)
    # Every exported name resolves (each is imported on first use) ...
    for name in names:
        assert getattr(criteria_engine, name) is not None, name
    # ... and once they all have, every public, non-module name the package holds is exported
    # (submodules are namespaces), so nothing public is left out of __all__.
    public = {
        n
        for n, v in vars(criteria_engine).items()
        if not n.startswith("_") and not isinstance(v, types.ModuleType)
    }
    assert public == set(names) - {"__version__"}
    assert set(dir(criteria_engine)) >= set(names)
    with pytest.raises(AttributeError, match="no attribute 'nothing_like_this'"):
        _ = criteria_engine.nothing_like_this  # type: ignore[attr-defined]


def _fresh(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_import_loads_only_what_it_uses() -> None:
    loaded = _fresh("import sys, criteria_engine; print(' '.join(sorted(sys.modules)))").split()
    heavy = {"pydantic", "yaml", "rich", "openpyxl", "jsonschema", "criteria_engine.evaluators", "argparse"}
    assert heavy.isdisjoint(loaded), heavy & set(loaded)
    assert "criteria_engine.results" in loaded


def test_a_result_is_explained_without_importing_the_wording_first() -> None:
    code = (
        "import sys\n"
        "from criteria_engine.io.catalog import load_registry\n"
        "from criteria_engine.evaluators.plan import compile_plan\n"
        "registry = load_registry()\n"
        "plan = compile_plan(registry.get('happy-family@2026.2'), registry.resolver())\n"
        "assert 'criteria_engine.explain.text' not in sys.modules\n"
        "result = plan.evaluate({'id': 'H1', 'area': 'rural', 'members': 4})\n"
        "print(result.explain('en').splitlines()[0])\n"
    )
    assert _fresh(code).startswith("Household H1")


# The pure core: models, compiler, evaluators, results and the expression language read no
# files, print nothing and import no YAML, rich or argparse.
CORE = [
    "results.py",
    "errors.py",
    *[
        f"format/{n}.py"
        for n in (
            "models",
            "digest",
            "semantics",
            "structure",
            "registry",
            "schema",
            "procedure",
            "procedure_checks",
        )
    ],
    *[f"explain/{p.name}" for p in (PACKAGE / "explain").glob("*.py")],
    *[f"evaluators/{p.name}" for p in (PACKAGE / "evaluators").glob("*.py")],
    *[f"rules/{p.name}" for p in (PACKAGE / "rules").glob("*.py")],
    *[f"award/{p.name}" for p in (PACKAGE / "award").glob("*.py")],
]
FORBIDDEN_IMPORTS = {"yaml", "rich", "argparse", "openpyxl", "csv"}
FORBIDDEN_CALLS = {"print", "open", "input"}


def test_core_modules_do_no_io() -> None:
    problems = []
    for rel in CORE:
        tree = ast.parse((PACKAGE / rel).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                roots = {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                roots = {node.module.split(".")[0]}
            else:
                roots = set()
            if roots & FORBIDDEN_IMPORTS:
                problems.append(f"{rel}: imports {roots & FORBIDDEN_IMPORTS}")
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in FORBIDDEN_CALLS
            ):
                problems.append(f"{rel}:{node.lineno}: calls {node.func.id}()")
    assert problems == []
