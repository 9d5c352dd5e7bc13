"""The public import surface is exactly a sorted ``__all__``; the core does no I/O."""

from __future__ import annotations

import ast
import types
from pathlib import Path

import criteria_engine

PACKAGE = Path(criteria_engine.__file__).parent


def test_all_is_sorted_and_complete() -> None:
    names = criteria_engine.__all__
    assert list(names) == sorted(names)
    # Every public, non-module name the package defines is exported (submodules are namespaces).
    public = {
        n
        for n, v in vars(criteria_engine).items()
        if not n.startswith("_") and not isinstance(v, types.ModuleType)
    }
    assert public == set(names) - {"__version__"}
    for name in names:
        assert hasattr(criteria_engine, name), name


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
