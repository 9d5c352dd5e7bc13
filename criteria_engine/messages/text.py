"""A message of the catalogue with the values that fill it, said in either language.

A :class:`Msg` is a catalogue key and its arguments; nothing is worded where a problem is
found. ``msg("data-bad-value", ...)`` checks the key at once (a misspelt key fails the first
test that reaches it), and ``message("vi")`` / ``message("en")`` fill the key's template in
that language. An argument is itself said in the language: a number with the language's
decimal sign, a date as the language writes it, a label given per language (:class:`Words`),
a nested :class:`Msg`, or a tuple of those joined with commas.
"""

from __future__ import annotations

import datetime as dt
import functools
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Union

from .catalogue import template

Arg = Union[str, int, float, bool, None, dt.date, "Msg", "Words", "Period", tuple["Arg", ...]]
"""What a message may be filled with (hashable, so a diagnostic stays hashable)."""

LANGUAGES = ("vi", "en")
"""The languages every message exists in, Vietnamese first."""


@dataclass(frozen=True, slots=True)
class Words:
    """A text given per language, such as a set's label: said in the language asked for,
    else in Vietnamese, else in whatever language it has."""

    texts: tuple[tuple[str, str], ...]

    def __call__(self, lang: str) -> str:
        found = dict(self.texts)
        return found.get(lang) or found.get("vi") or next(iter(found.values()), "")

    def __str__(self) -> str:
        return self("en")


def words(texts: Mapping[str, str] | None, fallback: str = "") -> Words:
    """A :class:`Words` of a ``{lang: text}`` mapping (``fallback`` in every language if none)."""
    if not texts:
        return Words((("vi", fallback), ("en", fallback)))
    return Words(tuple(texts.items()))


@dataclass(frozen=True, slots=True)
class Period:
    """A window of days whose ``end`` is exclusive (as a set's ``effective_to``): Vietnamese
    says it with inclusive ends, ``01/07/2026 – 31/12/2026`` (``từ 01/07/2026`` when open);
    English as the file writes it, ``[2026-07-01 – 2027-01-01)``."""

    start: dt.date
    end: dt.date | None = None

    def __call__(self, lang: str) -> str:
        if lang == "en":
            return f"[{self.start.isoformat()} – {self.end.isoformat() if self.end else '…'})"
        first = self.start.strftime("%d/%m/%Y")
        if self.end is None:
            return template("period.from", lang).format(start=first)
        return f"{first} – {(self.end - dt.timedelta(days=1)).strftime('%d/%m/%Y')}"


@dataclass(frozen=True, slots=True)
class Msg:
    """A catalogue key with the values of its placeholders."""

    key: str
    args: tuple[tuple[str, Arg], ...] = ()
    _said: dict[str, str] = field(default_factory=dict, compare=False, hash=False, repr=False)
    """What it said in each language so far (a diagnostic's English is asked for more than
    once: its ``message``, its field issue, its JSON)."""

    def __call__(self, lang: str) -> str:
        """The message in ``lang`` (English for ``en``, Vietnamese otherwise)."""
        said = self._said.get(lang)
        if said is None:
            said = self._said[lang] = _fill(template(self.key, lang), dict(self.args), lang)
        return said

    def __str__(self) -> str:
        return self("en")

    @property
    def values(self) -> dict[str, Arg]:
        """The arguments as a mapping."""
        return dict(self.args)


def msg(key: str, /, **args: Arg) -> Msg:
    """The message ``key`` of the catalogue filled with ``args`` (the key is checked now)."""
    template(key, "en")
    return Msg(key, tuple(args.items()))


def listing(items: Iterable[Arg]) -> tuple[Arg, ...]:
    """Values to be said as a comma-separated list."""
    return tuple(items)


def say(value: Arg, lang: str, spec: str = "") -> str:
    """One argument in ``lang``: a message or label in that language, a number with its
    decimal sign (``0,5`` in Vietnamese; ``spec`` as in ``format``), a date as the language
    writes it (``01/07/2026``; ISO in English), a tuple as ``a, b, c`` (``spec`` is then the
    separator: ``{items:; }`` joins with semicolons)."""
    if isinstance(value, Msg | Words | Period):
        return format(value(lang), spec)
    if isinstance(value, tuple):  # the spec, if any, is the separator: "{items:; }"
        return (spec or ", ").join(say(item, lang) for item in value)
    if isinstance(value, bool) or value is None:
        return format(str(value).lower() if value is not None else "", spec)
    if isinstance(value, int | float):
        text = _number_text(value, spec)
        return text.translate(_VI_NUMBER) if lang == "vi" else text
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y") if lang == "vi" else value.isoformat()
    return format(value, spec)


def _number_text(value: int | float, spec: str) -> str:
    """A number as ``format`` writes it; an integer too large for a float's spec (``10**400``
    with ``:g``) as its decimal form would write it (``1e+400``), never an error."""
    if not spec:
        return str(value) if isinstance(value, int) else f"{value:g}"
    try:
        return format(value, spec)
    except OverflowError:
        return format(Decimal(value), spec)


_VI_NUMBER = str.maketrans({",": ".", ".": ","})


@functools.lru_cache(maxsize=2048)
def _parts(text: str) -> tuple[tuple[str, str | None, str], ...]:
    """A template cut once into its literal texts and fields (name, spec)."""
    return tuple((literal, name, spec or "") for literal, name, spec, _ in string.Formatter().parse(text))


def _fill(text: str, values: Mapping[str, Arg], lang: str) -> str:
    """``text`` with its fields said in ``lang``: ``str.format`` without its cost per call."""
    out: list[str] = []
    for literal, name, spec in _parts(text):
        out.append(literal)
        if name is not None:
            if name not in values:  # a field with an index or attribute: the full formatter
                return _Filler(lang).vformat(text, (), dict(values))
            out.append(say(values[name], lang, spec))
    return "".join(out)


class _Filler(string.Formatter):
    """``str.format`` whose fields are said in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        return say(value, self.lang, format_spec)  # type: ignore[arg-type]


__all__ = ["LANGUAGES", "Arg", "Msg", "Period", "Words", "listing", "msg", "say", "words"]
