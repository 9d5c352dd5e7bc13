"""The ``criteria`` command line: a thin layer over the library (see docs/cli.md)."""

from .main import main

__all__ = ["main"]
