"""The ``criteria`` command line: a thin layer over the library (see docs/cli.md).

May import: every other part. Nothing imports it but the entry point (``criteria_engine.__main__``)
and the worker processes of ``--jobs`` (:mod:`.workers`, which need none of the commands: ``main``
is imported on first use).
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .main import main


def __getattr__(name: str) -> Any:
    if name != "main":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from .main import main

    globals()["main"] = main  # importing .main set the package's "main" to the module: the function wins
    return main


__all__ = ["main"]
