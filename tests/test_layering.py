"""The award round's layers, beyond the part order tests/test_architecture.py checks:
``award/`` does no I/O (no file, database or spreadsheet module), and the register is the only
part of the library that touches ``sqlite3`` for data it keeps — besides the readers' id tracker
(``io/ids.py``), which spills the ids of a very large file to a temporary SQLite file of its own.

Imports are read from the source with ``ast`` (relative ones resolved), so a forbidden import
anywhere in a module, even inside a function, fails the test."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "criteria_engine"

FORBIDDEN = {
    "award": {"criteria_engine.io", "criteria_engine.render", "criteria_engine.revisions", "criteria_engine.cli",
              "criteria_engine.register", "sqlite3", "os", "io", "pathlib", "csv", "openpyxl", "subprocess",
              "shutil", "tempfile", "yaml"},
}  # fmt: skip


def imports(path: Path) -> Iterator[str]:
    """The modules a file imports, relative imports made absolute."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = parts[:-1]  # the package a relative import starts from (also for __init__.py)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                name = ".".join([*base, *(node.module.split(".") if node.module else [])])
            else:
                name = node.module or ""
            yield name
            yield from (f"{name}.{alias.name}" for alias in node.names)


def _hits(name: str, forbidden: set[str]) -> bool:
    return any(name == f or name.startswith(f + ".") for f in forbidden)


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_nothing_forbidden(layer: str) -> None:
    files = sorted((PACKAGE / layer).glob("*.py"))
    assert files
    bad = [(f.name, name) for f in files for name in imports(f) if _hits(name, FORBIDDEN[layer])]
    assert bad == []


def test_only_the_register_touches_sqlite() -> None:
    users = sorted(
        str(f.relative_to(PACKAGE))
        for f in PACKAGE.rglob("*.py")
        if any(_hits(n, {"sqlite3"}) for n in imports(f))
    )
    spills = {"io/ids.py"}  # a temporary file, deleted when the read ends: nothing kept
    assert users and all(u.startswith("register/") or u in spills for u in users), users


def test_the_checker_sees_relative_imports() -> None:
    assert "criteria_engine.register.store" in set(imports(PACKAGE / "register" / "service.py"))
    assert "criteria_engine.award.messages.RoundError" in set(imports(PACKAGE / "register" / "store.py"))
