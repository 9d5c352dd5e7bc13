"""Ranking: by status first, then by a declared order; shared ranks only for true ties.

A contest (``criteria evaluate --rank``) never puts a failed candidate beside a passed one:
the status comes first (passed, then undetermined, then failed), then the declared keys, each
higher-is-better (the rating band, the percentage of the applicable maximum, the score, the
votes, the years held). Two candidates share a rank only when they are equal on every key
(1, 2, 2, 4); the rule used is written out in words with the output.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from ..format.models import CriteriaSet
from ..format.procedure import RankKey
from ..results import Result

T = TypeVar("T")

DEFAULT_CONTEST_ORDER: tuple[RankKey, ...] = ("rating", "percent", "score")
"""The contest order when the set declares none: the band, then the share of the applicable
maximum (fair between candidates with different numbers of criteria applying), then the score."""

STATUS_ORDER = {"passed": 3, "undetermined": 2, "failed": 1}

_KEY_WORDS: dict[str, dict[str, str]] = {
    "rating": {"vi": "xếp loại", "en": "rating"},
    "votes": {"vi": "số phiếu đồng ý", "en": "votes in favour"},
    "score": {"vi": "điểm", "en": "score"},
    "percent": {"vi": "tỷ lệ điểm trên số điểm áp dụng", "en": "percentage of the applicable points"},
    "years_held": {"vi": "số năm liên tiếp đạt danh hiệu", "en": "consecutive years holding the title"},
}

Value = tuple[int, float]


def value(number: float | int | None) -> Value:
    """A key value, higher first; a missing value comes after every known one."""
    return (0, 0.0) if number is None else (1, float(number))


def ranked(items: Sequence[T], key: Callable[[T], tuple[Value, ...]]) -> list[tuple[int, T]]:
    """``items`` ordered by ``key`` (highest first) with their ranks; equal keys share a rank
    (1, 2, 2, 4); equal items keep their input order."""
    ordered = sorted(items, key=key, reverse=True)
    out: list[tuple[int, T]] = []
    previous: tuple[Value, ...] | None = None
    rank = 0
    for position, item in enumerate(ordered, start=1):
        current = key(item)
        if current != previous:
            rank, previous = position, current
        out.append((rank, item))
    return out


def take(ranked_items: Sequence[tuple[int, T]], limit: int, take_ties: bool) -> tuple[list[T], list[T]]:
    """The first ``limit`` places of a ranking, and the rest. Candidates tied across the limit
    are all taken (``take_ties``) or all left out (the limit is a ceiling)."""
    taken: list[T] = []
    rest: list[T] = []
    for rank, item in ranked_items:
        tied_size = sum(1 for r, _ in ranked_items if r == rank)
        fits = rank - 1 + tied_size <= limit
        if fits or (take_ties and rank <= limit):
            taken.append(item)
        else:
            rest.append(item)
    return taken, rest


def keys_in_words(keys: Sequence[str], lang: str) -> str:
    """``điểm, rồi tỷ lệ điểm`` / ``score, then percentage``."""
    lang = "en" if lang == "en" else "vi"
    joiner = ", then " if lang == "en" else ", rồi "
    return joiner.join(_KEY_WORDS[k][lang] for k in keys)


CONTEST_KEYS = frozenset({"rating", "score", "percent"})
"""The keys a contest outside a round can use (votes and years held live in the register)."""


def contest_order(model: CriteriaSet | None) -> tuple[RankKey, ...]:
    """The contest's keys after the status: the set's declared ranking, else the default."""
    declared = model.procedure.ranking if model is not None and model.procedure is not None else None
    keys = declared.by if declared is not None else DEFAULT_CONTEST_ORDER
    return tuple(k for k in keys if k in CONTEST_KEYS)


def contest_key(result: Result, keys: Sequence[str], ratings: Sequence[str]) -> tuple[Value, ...]:
    """A result's ranking key: the status first, then ``keys`` (higher first)."""
    parts = [value(STATUS_ORDER.get(result.status))]
    for key in keys:
        if key == "rating":
            place = ratings.index(result.rating) if result.rating in ratings else None
            parts.append(value(None if place is None else len(ratings) - place))
        elif key == "score":
            parts.append(value(result.score))
        else:
            parts.append(value(result.percent))
    return tuple(parts)


def contest_rule(keys: Sequence[str], lang: str) -> str:
    """The contest's ranking rule in one sentence."""
    if lang == "en":
        return (
            "Ranking: by result first (passed, then undetermined, then not passed), then by "
            f"{keys_in_words(keys, lang)}, highest first; a rank is shared only when every one of "
            "these is equal. Candidates with invalid data are not ranked."
        )
    return (
        "Xếp hạng: trước hết theo kết quả (Đạt, rồi Chưa xác định, rồi Chưa đạt), sau đó theo "
        f"{keys_in_words(keys, lang)}, cao xếp trước; chỉ cùng hạng khi bằng nhau ở tất cả các "
        "tiêu chí trên. Đối tượng có dữ liệu không hợp lệ không được xếp hạng."
    )


__all__ = [
    "DEFAULT_CONTEST_ORDER",
    "STATUS_ORDER",
    "contest_rule",
    "keys_in_words",
    "ranked",
    "take",
    "value",
]
