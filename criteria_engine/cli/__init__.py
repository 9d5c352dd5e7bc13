"""The ``criteria`` command line: a thin layer over the library (see docs/cli.md).

May import: every other part. Nothing imports it but the entry point (``criteria_engine.__main__``).
"""

from .main import main

__all__ = ["main"]
