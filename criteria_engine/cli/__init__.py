"""The ``criteria`` command line: a thin layer over the library (see docs/cli.md).

May import: every other part. Nothing imports it but the entry point (``criteria_engine.__main__``)
and the worker processes of ``--jobs`` (:mod:`.workers`).

``main`` is imported here, not on first use: importing the submodule ``criteria_engine.cli.main``
sets the package's attribute ``main`` to the module, and only an import in this file, after it,
makes the name the function again whatever was imported first. The commands import what they
run when they run, so this costs the workers about 20 ms.
"""

from .main import main

__all__ = ["main"]
