"""The one catalogue: every message the library and the command line say, keyed by a stable
key, each with a Vietnamese and an English template (Vietnamese first).

A diagnostic's key is its code (``data-bad-value``), or its code and a variant after a dot
when one code is said several ways (``duplicate-id.group``); other keys name what they say
(``cli.written``, ``help.evaluate``). The entries live by subject in the modules of this
package; here they are merged, and a test checks that no key is defined twice, that both
templates of each entry have the same placeholders and that every key the source uses is
here.
"""

from __future__ import annotations

from collections.abc import Mapping

from . import (
    cli_messages,
    data_messages,
    dataset_messages,
    expression_messages,
    file_messages,
    help_commands,
    help_options,
    help_round,
    output_messages,
    reading_messages,
    revision_messages,
    round_messages,
    round_report_messages,
)

SOURCES = (
    file_messages,
    expression_messages,
    revision_messages,
    data_messages,
    reading_messages,
    dataset_messages,
    output_messages,
    round_messages,
    round_report_messages,
    cli_messages,
    help_commands,
    help_options,
    help_round,
)
"""The modules the catalogue is made of, each with a ``MESSAGES`` dict of key -> (vi, en)."""

ENTRIES: dict[str, tuple[str, str]] = {}
for _source in SOURCES:
    ENTRIES.update(_source.MESSAGES)


def template(key: str, lang: str) -> str:
    """The template of ``key`` in ``lang`` (English for ``en``, Vietnamese otherwise);
    raises ``KeyError`` for a key the catalogue does not have."""
    vi, en = ENTRIES[key]
    return en if lang == "en" else vi


def catalogue(lang: str) -> Mapping[str, str]:
    """Every template in one language, by key."""
    index = 1 if lang == "en" else 0
    return {key: pair[index] for key, pair in ENTRIES.items()}


__all__ = ["ENTRIES", "SOURCES", "catalogue", "template"]
