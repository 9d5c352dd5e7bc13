"""The output formats and what names them (no imports: the command line's parser reads these
without loading any writer)."""

FORMATS = ("table", "json", "jsonl", "csv", "xlsx", "md", "html", "problems")
"""Every output format of ``criteria evaluate --format``."""
BINARY_FORMATS = ("xlsx",)
"""The formats written as bytes (to a file only)."""
SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".csv": "csv", ".xlsx": "xlsx", ".md": "md", ".html": "html"}
"""Output file extension -> format."""
AUDIENCES = ("commune", "public", "letters")
"""The audiences of ``--audience``: the commune (score sheet), the public (list to post),
the households (letters)."""

__all__ = ["AUDIENCES", "BINARY_FORMATS", "FORMATS", "SUFFIXES"]
