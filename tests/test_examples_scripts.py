"""Every library example script in examples/ runs to completion (the docs are tested)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parent.parent / "examples"
# Generators write data and have their own tests; every other script is a library example.
SCRIPTS = sorted(p for p in EXAMPLES.glob("*.py") if not p.name.startswith("generate_"))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_example_script_runs(script: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip(), "an example should show what it does"
    assert "Traceback" not in done.stderr


def test_there_are_library_examples() -> None:
    assert any(p.name == "evaluate_households.py" for p in SCRIPTS)


def test_the_village_workbooks_are_what_their_generator_writes(tmp_path: Path) -> None:
    """examples/data/xa-mau is generated from the example commune: regenerating changes nothing."""
    sys.path.insert(0, str(EXAMPLES))
    try:
        import generate_workbooks
    finally:
        sys.path.remove(str(EXAMPLES))
    written = generate_workbooks.generate(tmp_path)
    assert [p.name for p in written] == ["ho-gia-dinh.xlsx", "thanh-vien.xlsx"]
    for path in written:
        assert path.read_bytes() == (EXAMPLES / "data" / "xa-mau" / path.name).read_bytes(), path.name
