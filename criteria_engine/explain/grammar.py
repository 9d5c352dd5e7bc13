"""A little grammar over labels: a fact said the other way round, the thing a count counts,
the codes a label lists. Pure text functions, used once per plan when sentences are prepared.

A set's labels name facts ("Đã đăng ký xây dựng …", "Có nhà tiêu hợp vệ sinh") and counts
("Số vụ bạo lực gia đình …"). A sentence needs the fact denied ("Chưa đăng ký …", "Không có
vụ bạo lực gia đình …"): Vietnamese puts ``chưa`` (not yet: a requirement still to meet) or
``không`` (absence) before the verb, and English ``not`` after its auxiliary. A label this
grammar cannot turn is said with a plain prefix ("Chưa đạt: …"), never wrongly; a set's own
``message`` remains the way to word a criterion exactly.
"""

from __future__ import annotations

import re

SOFT = "soft"
"""A requirement not met yet: ``chưa`` ("Chưa có nhà tiêu hợp vệ sinh")."""
HARD = "hard"
"""An absence: ``không`` ("Không có vi phạm về bảo vệ rừng")."""

# Vietnamese auxiliaries and verbs that take the negation, and how each is denied.
_VI_TURNS: dict[str, tuple[str, str]] = {
    # word: (soft, hard)
    "đã": ("chưa", "chưa"),
    "đang": ("không", "không"),
    "có": ("chưa có", "không có"),
    "được": ("chưa được", "không được"),
    "bị": ("không bị", "không bị"),
    "đạt": ("chưa đạt", "không đạt"),
    "là": ("không phải là", "không phải là"),
    "không": ("", ""),
    "chưa": ("đã", "đã"),
}
_VI_REACH = 8
"""How many words into a label its verb may stand ("Trẻ dưới 6 tuổi được tiêm chủng …")."""

_EN_AUX = frozenset({"is", "are", "was", "were", "can", "will", "must", "does", "do"})
_EN_IRREGULAR = {"broke": "break", "took": "take", "kept": "keep", "held": "hold", "met": "meet"}
_EN_IRREGULAR |= {"had": "have", "did": "do", "gave": "give", "made": "make", "went": "go"}
_WORD = re.compile(r"^[A-Za-z]+$")


def lower_first(text: str) -> str:
    """``Tỷ lệ …`` -> ``tỷ lệ …``; an acronym or a name (``BHYT``, ``Lào Cai``) stays."""
    if not text:
        return text
    words = text.split(" ", 2)
    head = words[0]
    if len(head) > 1 and head[1].isupper():
        return text  # BHYT, VNeID
    if len(words) > 1 and words[1][:1].isupper():
        return text  # Lào Cai, "Gia đình …" quoted names
    return head[0].lower() + text[1:]


def upper_first(text: str) -> str:
    """The text with its first letter capitalised."""
    return text[:1].upper() + text[1:]


def deny_vi(label: str, mode: str = SOFT) -> str:
    """A Vietnamese fact denied: the first verb of the label takes ``chưa``/``không``.

    ``Đã đăng ký …`` -> ``Chưa đăng ký …``; ``Có vi phạm …`` -> ``Không có vi phạm …`` (hard);
    ``Trẻ dưới 6 tuổi được tiêm chủng …`` -> ``Trẻ dưới 6 tuổi chưa được tiêm chủng …``;
    ``Không bị …`` -> ``Bị …``. Without a known verb: ``Chưa thực hiện …``.
    """
    words = label.split(" ")
    for index, word in enumerate(words[:_VI_REACH]):
        turn = _VI_TURNS.get(word.lower())
        if turn is None:
            continue
        replacement = turn[0] if mode == SOFT else turn[1]
        if word.lower() == "đang" and index + 1 < len(words) and words[index + 1].lower() != "bị":
            replacement = "chưa" if mode == SOFT else "không"  # "đang giữ" -> "chưa giữ"
        out = [*words[:index], *([replacement] if replacement else []), *words[index + 1 :]]
        text = " ".join(w for w in out if w)
        return upper_first(text) if index == 0 else text
    prefix = "Chưa" if mode == SOFT else "Không"
    return f"{prefix} {lower_first(label)}"


def _base_verb(word: str) -> str | None:
    """``takes`` -> ``take``, ``passes`` -> ``pass``, ``applies`` -> ``apply``; None when the
    word does not look like a verb in the third person (``hazardous``, ``class``)."""
    if not _WORD.match(word) or len(word) < 3 or not word.endswith("s"):
        return None
    if word.endswith(("ss", "us", "is", "ous")):
        return None
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    return word[:-1]


def deny_en(label: str, mode: str = SOFT) -> str:
    """An English fact denied: ``Has a latrine`` -> ``Does not have a latrine``; ``Elders are
    cared for`` -> ``Elders are not cared for``; ``A child marriage …`` -> ``No child
    marriage …``; ``Registered …`` -> ``Not registered …``; ``The school boards pupils`` ->
    ``The school does not board pupils``. Otherwise ``Not yet: …`` / ``Not so: …``."""
    words = label.split(" ")
    first = words[0].lower()
    rest = " ".join(words[1:])
    if first in ("a", "an", "any", "some"):
        return f"No {rest}"
    if first == "no":
        return f"A {rest}" if rest else label
    if first in _EN_IRREGULAR:
        return f"Did not {_EN_IRREGULAR[first]} {rest}"
    for index, word in enumerate(words[:6]):
        lowered = word.lower()
        if lowered in ("has", "have"):
            does = "does" if lowered == "has" else "do"
            head = " ".join([*words[:index], does if index else does.capitalize(), "not", "have"])
            return " ".join([head, *words[index + 1 :]])
        if lowered in _EN_AUX:
            if index + 1 < len(words) and words[index + 1].lower() == "not":
                return " ".join(words[: index + 1] + words[index + 2 :])
            return " ".join([*words[: index + 1], "not", *words[index + 1 :]])
    if _WORD.match(words[0]) and (first.endswith("ing") or first.endswith("ed")):
        return f"Not {lower_first(label)}"
    verb = _base_verb(first) if len(words) > 1 and words[1][:1].islower() else None
    if verb is not None:
        return f"Does not {verb} {rest}"
    if first in ("the", "this", "its") and len(words) > 3:
        verb = _base_verb(words[2])
        if verb is not None:
            return " ".join([*words[:2], "does not", verb, *words[3:]])
    if _WORD.match(words[0]) and len(words) > 3 and _WORD.match(words[1]):
        verb = _base_verb(words[2])  # "Hazardous waste arises in …": an adjective, a noun, a verb
        if verb is not None and words[1].islower() and words[3].islower():
            return " ".join([*words[:2], "does not", verb, *words[3:]])
    return ("Not yet: " if mode == SOFT else "Not so: ") + lower_first(label)


def plural_en(phrase: str) -> str:
    """An English verb phrase agreeing with a plural subject: ``exercises regularly`` ->
    ``exercise regularly``, ``has a job`` -> ``have a job``, ``is …`` -> ``are …``."""
    head, _, rest = phrase.partition(" ")
    lowered = head.lower()
    swap = {"is": "are", "was": "were", "has": "have", "does": "do"}.get(lowered)
    if swap is None:
        swap = _base_verb(lowered) if rest else None
    if swap is None:
        return phrase
    return f"{swap} {rest}" if rest else swap


def deny(label: str, lang: str, mode: str = SOFT) -> str:
    """A fact denied in ``lang`` (Vietnamese rules for ``vi``, English otherwise)."""
    return deny_vi(label, mode) if lang == "vi" else deny_en(label, mode)


def to_do(label: str, lang: str) -> str:
    """A fact as something to do: ``Đã đăng ký …`` -> ``Đăng ký …`` (what a household can do)."""
    if lang == "vi":
        for done in ("Đã ", "đã "):
            if label.startswith(done):
                return upper_first(label[len(done) :])
    return label


_COUNT_HEADS = {"vi": ("Số ", "số "), "en": ("Number of ", "number of ")}


def counted(label: str, lang: str) -> str | None:
    """What a count's label counts: ``Số vụ bạo lực gia đình …`` -> ``vụ bạo lực gia đình …``
    (``Number of cases`` -> ``cases``); None when the label does not name a count."""
    for head in _COUNT_HEADS.get(lang, _COUNT_HEADS["en"]):
        if label.startswith(head) and len(label) > len(head):
            return label[len(head) :]
    return None


_CODED = re.compile(r"^(?P<base>[^:]+):\s*(?P<codes>-?\d+\s+[^,]+(?:,\s*-?\d+\s+[^,]+)+)$")


def coded(label: str) -> tuple[str, dict[int, str]] | None:
    """A label that lists its codes, ``Mức sống: 0 nghèo, 1 cận nghèo, 2 trung bình``, as its
    name and its codes (``("Mức sống", {0: "nghèo", 1: "cận nghèo", 2: "trung bình"})``)."""
    found = _CODED.match(label.strip())
    if found is None:
        return None
    codes: dict[int, str] = {}
    for part in found["codes"].split(","):
        number, _, word = part.strip().partition(" ")
        codes[int(number)] = word.strip()
    return found["base"].strip(), codes


def without_year(label: str, lang: str) -> str:
    """A yearly figure's label without "this year": ``Tỷ lệ che phủ rừng năm nay`` ->
    ``Tỷ lệ che phủ rừng`` (the sentence says the two years itself)."""
    for tail in (" năm nay", " trong năm nay", " this year", " (this year)"):
        if label.endswith(tail):
            return label[: -len(tail)]
    return label


PREVIOUS_MARKS = ("_prev", "_previous", "_last_year", "_prior")
"""Name endings of last year's figure (``forest_cover_prev`` is ``forest_cover`` a year ago)."""


def previous_of(name: str, other: str) -> bool:
    """Whether ``other`` is last year's value of ``name``."""
    return any(other == name + mark for mark in PREVIOUS_MARKS)


__all__ = [
    "HARD",
    "PREVIOUS_MARKS",
    "SOFT",
    "coded",
    "counted",
    "deny",
    "deny_en",
    "deny_vi",
    "lower_first",
    "plural_en",
    "previous_of",
    "to_do",
    "upper_first",
    "without_year",
]
