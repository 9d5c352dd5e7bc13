"""Quorum, approval and quota arithmetic, exact at the boundaries.

Shares are compared as fractions, never as rounded floats: 30 of 60 is exactly 50 %, which
is *not* above 50 % and *is* at least 50 %. Each check says the smallest count that meets it
("at least 31 of 60"), and writes its sentence in Vietnamese and English:
"38/60 đại diện hộ dự họp (63,3%), đạt số lượng tối thiểu: trên 50% số được mời (ít nhất 31)".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from ..format.procedure import Compare, Share
from ..messages import msg
from .messages import VOTERS, Message, count, percent

CheckKind = Literal["quorum", "approval"]


def _exact(value: float) -> Fraction:
    """A declared percentage as the decimal it was written as (66.7 is 667/10, not a float)."""
    return Fraction(repr(float(value)))


def meets(part: int, whole: int, threshold: float, compare: Compare) -> bool:
    """Whether ``part`` of ``whole`` is above (or at least) ``threshold`` percent; never for 0 of 0."""
    if whole <= 0:
        return False
    share = Fraction(part * 100, whole)
    return share > _exact(threshold) if compare == "above" else share >= _exact(threshold)


def minimum(whole: int, threshold: float, compare: Compare) -> int:
    """The smallest count of ``whole`` that meets the share (may exceed ``whole``: unreachable)."""
    if whole <= 0:
        return 1  # nobody to count: no count meets the share
    target = _exact(threshold) * whole / 100
    return math.floor(target) + 1 if compare == "above" else math.ceil(target)


def quota_size(base: int, limit: float) -> int:
    """How many of ``base`` candidates a quota of at most ``limit`` percent allows (rounded down)."""
    return math.floor(_exact(limit) * base / 100)


def shown_share(part: int, whole: int, threshold: float, lang: str) -> str:
    """The share as text, with enough decimals that it never reads as equal to the threshold
    when it is not (50,01% is not shown as 50,0% beside "above 50%")."""
    if whole <= 0:
        return "—"
    exact = Fraction(part * 100, whole)
    for digits in (1, 2, 3, 4):
        rounded = round(exact, digits)
        if rounded != _exact(threshold) or exact == _exact(threshold):
            return percent(float(rounded), lang, digits)
    return percent(float(exact), lang, 4)


def _rule(share: Share, lang: str) -> str:
    value = percent(share.percent, lang, 0 if float(share.percent).is_integer() else 1)
    whom = {
        ("vi", "invited"): "số được mời",
        ("vi", "present"): "số người dự họp",
        ("en", "invited"): "of those invited",
        ("en", "present"): "of those present",
    }[("en" if lang == "en" else "vi", share.of)]
    if lang == "en":
        return f"{'more than' if share.compare == 'above' else 'at least'} {value} {whom}"
    return f"{'trên' if share.compare == 'above' else 'từ'} {value} {whom}{'' if share.compare == 'above' else ' trở lên'}"


@dataclass(frozen=True, slots=True)
class ShareCheck:
    """One quorum or approval check: the counts, the rule, whether it is met."""

    kind: CheckKind
    part: int
    whole: int
    share: Share
    voters: str

    @property
    def met(self) -> bool:
        """Whether the share is reached."""
        return meets(self.part, self.whole, self.share.percent, self.share.compare)

    @property
    def needed(self) -> int:
        """The smallest count that meets the share."""
        return minimum(self.whole, self.share.percent, self.share.compare)

    def rule(self, lang: str) -> str:
        """The rule in words: "trên 50% số được mời"."""
        return _rule(self.share, lang)

    def sentence(self, lang: str) -> str:
        """The check in one sentence, with the counts, the share and the rule."""
        noun = VOTERS[self.voters]["en" if lang == "en" else "vi"]
        shown = shown_share(self.part, self.whole, self.share.percent, lang)
        needed = count(self.needed, lang)
        key = f"round.check.{self.kind}.{'met' if self.met else 'not-met'}"
        said = msg(
            key, part=self.part, whole=self.whole, noun=noun, shown=shown, rule=self.rule(lang), needed=needed
        )
        return said(lang)

    def message(self, code: str) -> Message:
        """The sentence as a :class:`Message`."""
        return Message(code, self.sentence("vi"), self.sentence("en"))


__all__ = ["CheckKind", "ShareCheck", "meets", "minimum", "quota_size", "shown_share"]
