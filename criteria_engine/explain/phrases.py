"""The fixed words of explanations, in Vietnamese and English (data only).

Every phrase the library writes exists in both languages; a test keeps the two key sets equal.
"""

from __future__ import annotations

PHRASES: dict[str, dict[str, str]] = {
    "vi": {
        "passed": "ĐẠT",
        "failed": "CHƯA ĐẠT",
        "undetermined": "CHƯA XÁC ĐỊNH",
        "invalid": "DỮ LIỆU KHÔNG HỢP LỆ",
        "pass": "đạt",
        "fail": "chưa đạt",
        "unknown": "chưa xác định",
        "not_applicable": "không áp dụng",
        "points": "điểm",
        "result": "Kết quả",
        "rating": "Xếp loại",
        "candidate": "Mã",
        "missing": "Còn thiếu dữ liệu",
        "gap": "Để đạt mức «{band}»: cần thêm {points} điểm",
        "gap_must": "phải đạt các tiêu chí bắt buộc/điều kiện loại trừ: {ids}",
        "gap_gates": "Để đạt mức «{band}»: đã đủ điểm",
        "gap_unknown": "Để đạt mức «{band}»: chưa xác định được số điểm cần đạt (thiếu dữ liệu)",
        "gap_condition": "và cần: {condition}",
        "gap_suggest": "nên đạt thêm: {ids}",
        "missing_data": "chưa có số liệu: {fields}",
        "as_fail": "thiếu dữ liệu ({fields}) nên tính là chưa đạt",
        "as_pass": "thiếu dữ liệu ({fields}) nên tính là đạt",
        "division": "không tính được (phép chia cho 0)",
        "no_members": "không có thành viên nào",
        "no_known": "không có thành viên nào đủ dữ liệu",
        "applicability": "chưa rõ tiêu chí có áp dụng hay không",
        "veto": "điều kiện loại trừ",
        "mandatory": "bắt buộc",
        "errors": "Dữ liệu không hợp lệ",
        "set": "Bộ tiêu chí",
        "aggregate": "{num}/{den} đạt ({pct})",
        "aggregate_unknown": "{n} chưa xác định",
        "aggregate_match": "{num}/{den} thành viên",
        "aggregate_need": "cần {target}: thêm {more}",
        "aggregate_failing": "chưa đạt: {ids}",
        "aggregate_title": "{num}/{den} {noun} đạt “{title}” ({pct})",
        "aggregate_noun": "{num}/{den} {noun} đạt ({pct})",
        "aggregate_weighted": "{pct} (có trọng số: {num}/{den}; {n} {noun})",
        "aggregate_value": "{value} (tính từ {n} {noun})",
        "aggregate_unknown_noun": "{n} {noun} chưa xác định",
        "aggregate_too_few": "chỉ {n} {noun} có dữ liệu, cần ít nhất {min}",
        "aggregate_need_more": "cần {target}: thêm {n} {noun}",
        "aggregate_match_noun": "{num}/{den} {noun}",
        "graded": "được {points}/{max} điểm",
        "as_of": "ngày áp dụng {date}",
        "value_list": "giá trị",
    },
    "en": {
        "passed": "PASSED",
        "failed": "NOT PASSED",
        "undetermined": "UNDETERMINED",
        "invalid": "INVALID DATA",
        "pass": "pass",
        "fail": "fail",
        "unknown": "unknown",
        "not_applicable": "not applicable",
        "points": "points",
        "result": "Result",
        "rating": "Rating",
        "candidate": "Candidate",
        "missing": "Data still needed",
        "gap": "To reach «{band}»: {points} more points needed",
        "gap_must": "must pass (mandatory or veto): {ids}",
        "gap_gates": "To reach «{band}»: enough points already",
        "gap_unknown": "To reach «{band}»: the points needed are not known yet (data missing)",
        "gap_condition": "and needs: {condition}",
        "gap_suggest": "pass also: {ids}",
        "missing_data": "not enough data: {fields} missing",
        "as_fail": "data missing ({fields}), counted as not passed",
        "as_pass": "data missing ({fields}), counted as passed",
        "division": "cannot be computed (division by zero)",
        "no_members": "no members",
        "no_known": "no member has enough data",
        "applicability": "unclear whether this criterion applies",
        "veto": "veto",
        "mandatory": "mandatory",
        "errors": "Invalid data",
        "set": "Criteria set",
        "aggregate": "{num}/{den} met ({pct})",
        "aggregate_unknown": "{n} undetermined",
        "aggregate_match": "{num} of {den} members",
        "aggregate_need": "needs {target}: {more} more",
        "aggregate_failing": "not met: {ids}",
        "aggregate_title": "{num}/{den} {noun} rated “{title}” ({pct})",
        "aggregate_noun": "{num}/{den} {noun} met ({pct})",
        "aggregate_weighted": "{pct} (weighted: {num}/{den}; {n} {noun})",
        "aggregate_value": "{value} (from {n} {noun})",
        "aggregate_unknown_noun": "{n} {noun} undetermined",
        "aggregate_too_few": "only {n} {noun} with data, at least {min} needed",
        "aggregate_need_more": "for a share {target}: {n} more {noun}",
        "aggregate_match_noun": "{num} of {den} {noun}",
        "graded": "earned {points}/{max} points",
        "as_of": "as of {date}",
        "value_list": "values",
    },
}

# How a comparison reads when it holds and when it does not.
RELATIONS: dict[str, dict[str, tuple[str, str]]] = {
    "vi": {
        ">=": ("không thấp hơn", "thấp hơn"),
        ">": ("cao hơn", "không cao hơn"),
        "<=": ("không cao hơn", "cao hơn"),
        "<": ("thấp hơn", "không thấp hơn"),
        "==": ("bằng", "khác"),
        "!=": ("khác", "bằng"),
    },
    "en": {
        ">=": ("at or above", "below"),
        ">": ("above", "not above"),
        "<=": ("at or below", "above"),
        "<": ("below", "not below"),
        "==": ("equal to", "not equal to"),
        "!=": ("not equal to", "equal to"),
    },
}


def phrase(lang: str, key: str) -> str:
    """A fixed phrase of the library in ``lang`` (English when the language is unknown)."""
    return PHRASES.get(lang, PHRASES["en"])[key]


MEMBER_NOUNS: dict[str, dict[str, tuple[str, str]]] = {
    "household": {"vi": ("hộ", "hộ"), "en": ("household", "households")},
    "village": {"vi": ("thôn", "thôn"), "en": ("village", "villages")},
    "commune": {"vi": ("xã", "xã"), "en": ("commune", "communes")},
    "respondent": {"vi": ("người trả lời", "người trả lời"), "en": ("respondent", "respondents")},
    "person": {"vi": ("người", "người"), "en": ("person", "persons")},
    "school": {"vi": ("trường", "trường"), "en": ("school", "schools")},
    "province": {"vi": ("tỉnh", "tỉnh"), "en": ("province", "provinces")},
    "": {"vi": ("thành viên", "thành viên"), "en": ("member", "members")},
}
"""How members are counted in sentences, by subject (singular, plural): "4 more households"."""


__all__ = ["MEMBER_NOUNS", "PHRASES", "RELATIONS", "phrase"]
