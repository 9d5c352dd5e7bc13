"""The package's layering, read from every module's imports, so the architecture cannot drift.

Parts, lowest first (a part may import its own modules and any lower part, never a higher one):

    messages  <-  errors, results  <-  format  <-  rules  <-  evaluators  <-  explain, award
        <-  io, render, revisions, register  <-  cli

``messages`` (the catalogue of every message in Vietnamese and English) imports nothing of the
package: every part words its diagnostics through it. ``award`` (the procedure of an award round: pure logic over results) sits beside ``explain``;
``register`` (the award register on disk) beside ``io``. Within the top row, ``render``,
``revisions`` and ``register`` may read data through ``io`` (the one place that reads data
files); nothing else crosses sideways. Imports inside functions and under ``TYPE_CHECKING``
count too: a lazy import that runs upward is still an upward dependency.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import criteria_engine

PACKAGE = Path(criteria_engine.__file__).parent

LEVELS = {
    "messages": -1,
    "errors": 0,
    "results": 0,
    "format": 1,
    "rules": 2,
    "evaluators": 3,
    "explain": 4,
    "award": 4,
    "io": 5,
    "render": 5,
    "revisions": 5,
    "register": 5,
    "cli": 6,
}
SIDEWAYS = {("render", "io"), ("revisions", "io"), ("register", "io"), ("revisions", "render")}
"""Imports between parts of one level that are allowed (reading data goes through ``io``)."""

TOP_LEVEL_ALLOWED = {"__init__.py", "__main__.py", "errors.py", "results.py", "vocabulary.py"}


def part_of(module: str) -> str:
    """``criteria_engine.format.loader`` -> ``format``; a top-level module is its own part."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).with_suffix("")
        names = [p for p in rel.parts if p != "__init__"]
        yield ".".join(["criteria_engine", *names]), path


def imports(module: str, text: str, is_package: bool = False) -> Iterator[tuple[int, str, list[str]]]:
    """(line, imported module, imported names) of every import in a module's text."""
    package = module if is_package else module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, []
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            yield node.lineno, target, [a.name for a in node.names]


def level(part: str) -> int:
    return LEVELS.get(part, 0) if part else 0


def upward_imports(module: str, text: str, is_package: bool = False) -> list[str]:
    """The imports of one module that break the layering."""
    mine = part_of(module)
    problems = []
    for line, target, _names in imports(module, text, is_package):
        if not target.startswith("criteria_engine"):
            continue
        theirs = part_of(target)
        if target == "criteria_engine":
            problems.append(f"{module}:{line} imports the package surface")
        elif theirs != mine and (
            level(theirs) > level(mine) or (level(theirs) == level(mine) and (mine, theirs) not in SIDEWAYS)
        ):
            problems.append(f"{module}:{line} ({mine or 'top'}) imports {target} ({theirs})")
    return problems


def test_no_part_imports_a_higher_part() -> None:
    problems = []
    for module, path in modules():
        if module in ("criteria_engine", "criteria_engine.__main__"):
            continue  # the public surface and the entry point sit above everything
        assert part_of(module) in LEVELS or path.parent == PACKAGE, f"{module} is in no layer"
        text = path.read_text(encoding="utf-8")
        problems.extend(upward_imports(module, text, path.name == "__init__.py"))
    assert problems == []


def test_the_layering_check_catches_upward_and_sideways_imports() -> None:
    text = (
        "from ..render import writers\n"
        "from .plan import Plan\n"
        "from ..rules import ast\n"
        "if TYPE_CHECKING:\n    from ..explain.text import explain_text\n"
        "def f():\n    import criteria_engine.cli.main\n"
    )
    found = upward_imports("criteria_engine.evaluators.fake", text)
    assert [p.split(" imports ")[1].split(" ")[0] for p in found] == [
        "criteria_engine.render",
        "criteria_engine.explain.text",
        "criteria_engine.cli.main",
    ]
    assert upward_imports("criteria_engine.io.fake", "from ..render import writers\n") != []
    assert upward_imports("criteria_engine.render.fake", "from ..io import records\n") == []


def test_no_module_imports_a_private_name_of_another() -> None:
    problems = []
    for module, path in modules():
        for line, target, names in imports(module, path.read_text(encoding="utf-8")):
            if not target.startswith("criteria_engine") or target == module:
                continue
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            if private:
                problems.append(f"{module}:{line} imports {', '.join(private)} from {target}")
    assert problems == []


def test_top_level_holds_only_the_shared_modules() -> None:
    top = {p.name for p in PACKAGE.glob("*.py")}
    assert top <= TOP_LEVEL_ALLOWED, top - TOP_LEVEL_ALLOWED
    parts = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert parts <= set(LEVELS), parts - set(LEVELS)


def test_every_part_states_its_job_and_what_it_may_import() -> None:
    for name in LEVELS:
        init = PACKAGE / name / "__init__.py"
        if not init.exists():
            continue  # a top-level module (errors, results) or a part not built yet
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert "May import" in doc, f"{name}/__init__.py does not say what it may import"
