"""Messages about revisions: choosing one, the history of a set, the files' names, examples
files, ``criteria diff`` and ``criteria verify``. Key -> (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "period.from": ("từ {start}", "from {start}"),
    "revision.window": ("{ref} ({period})", "{ref} {period}"),
    # Choosing a revision.
    "unknown-set": ("không có bộ tiêu chí '{set}'", "no criteria set '{set}'"),
    "unknown-set.collection": (
        "tập thành viên '{name}' ghi bộ tiêu chí '{set}', bộ này không có",
        "collection '{name}' names the set '{set}', which does not exist",
    ),
    "unknown-version": (
        "'{set}' không có phiên bản '{version}' (các phiên bản: {versions})",
        "'{set}' has no revision '{version}' (it has: {versions})",
    ),
    "no-revision-in-force.drafts": (
        "ngày {day}, '{set}' chưa có phiên bản nào có hiệu lực: chỉ có bản dự thảo ({drafts})",
        "no revision of '{set}' is in force on {day}: it has only drafts ({drafts})",
    ),
    "no-revision-in-force.drafts-hint": (
        "bản dự thảo không bao giờ được chọn theo ngày; muốn thử thì ghi rõ phiên bản, ví dụ {ref}",
        "a draft is never chosen by date; name it to try it, e.g. {ref}",
    ),
    "no-revision-in-force": (
        "ngày {day}, '{set}' không có phiên bản nào có hiệu lực; gần nhất: {nearest}",
        "no revision of '{set}' is in force on {day}; nearest: {nearest}",
    ),
    "no-revision-in-force.hint": (
        "ghi rõ phiên bản, ví dụ {ref}",
        "name a version explicitly, e.g. {ref}",
    ),
    # The history of a set.
    "duplicate-revision": ("có hai tệp cùng khai báo {ref}", "two files define {ref}"),
    "retired-in-force": (
        "{ref} đã ngừng áp dụng nhưng thời gian hiệu lực vẫn gồm ngày {day}",
        "{ref} is retired but its window includes {day}",
    ),
    "changes-missing": (
        "{ref} không phải phiên bản đầu tiên: ghi những gì thay đổi vào 'changes'",
        "{ref} is not the first revision: say what it changes in 'changes'",
    ),
    "revision-unchanged": (
        "{ref} không thay đổi quy tắc nào so với {previous}",
        "{ref} changes nothing in the rules of {previous}",
    ),
    "revision-overlap": (
        "{window} trùng thời gian với {other}; các phiên bản đang áp dụng không được trùng thời gian",
        "{window} overlaps {other}; active windows must not overlap",
    ),
    "revision-overlap.hint": (
        "cho {ref} hết hiệu lực từ ngày {day} (effective_to)",
        "end {ref} on {day} (effective_to)",
    ),
    "revision-gap": (
        "'{set}' không có phiên bản nào có hiệu lực trong khoảng {period}",
        "no revision of '{set}' is in force in {period}",
    ),
    "revision-gap.hint": (
        "cho phiên bản trước hết hiệu lực đúng ngày phiên bản sau bắt đầu (effective_to)",
        "make one revision end where the next begins (effective_to)",
    ),
    "file-name-mismatch.folder": (
        "bộ tiêu chí '{set}' nằm trong thư mục tên '{folder}'",
        "the set '{set}' is in a folder named '{folder}'",
    ),
    "file-name-mismatch": (
        "phiên bản '{version}' nằm trong tệp tên '{file}'",
        "revision '{version}' is in a file named '{file}'",
    ),
    # Examples files.
    "examples-not-a-list": (
        "tệp ví dụ phải là một danh sách các ví dụ",
        "an examples file is a list of examples",
    ),
    "bad-example": ("ví dụ {index}, {where}: {detail}", "example {index}, {where}: {detail}"),
    "bad-example.whole": ("ví dụ", "example"),
    # criteria diff.
    "no-previous-revision": (
        "{ref} không có phiên bản nào trước đó để so sánh",
        "{ref} has no earlier revision to compare with",
    ),
    "no-previous-revision.hint": ("ghi cả hai phiên bản: SET@A SET@B", "name both revisions: SET@A SET@B"),
    "too-many-revisions": (
        "chỉ ghi một hoặc hai phiên bản, không phải {count}",
        "give one or two revisions, not {count}",
    ),
    "different-sets": (
        "{first} và {second} là phiên bản của hai bộ tiêu chí khác nhau",
        "{first} and {second} are revisions of different sets",
    ),
    # criteria verify: why a stored result could not be checked.
    "verify.not-a-result": ("không phải một kết quả", "not a result object"),
    "verify.no-digest": ("thiếu criteria_set.digest (mã kiểm tra)", "no criteria_set.digest"),
    "verify.no-record": ("dữ liệu không có bản ghi mang mã này", "no record with this id in the data"),
    "verify.unknown-digest": (
        "không phiên bản nào có mã kiểm tra này",
        "no known revision has this digest",
    ),
    "verify.altered": (
        "không phiên bản nào có mã kiểm tra này; {ref} có mã {digest}: quy tắc hoặc kết quả đã bị sửa",
        "no known revision has this digest; {ref} has {digest}: the rules or the result were altered",
    ),
    "verify.not-in-force": (
        "ngày {day}, {ref} chưa (hoặc không còn) có hiệu lực (phiên bản được chọn theo số hiệu)",
        "{ref} was not in force on {day} (it was chosen by version)",
    ),
    "verify.missing-result": (
        "có trong dữ liệu nhưng không có trong kết quả: kết quả của nó bị bỏ sót hoặc đã bị xóa",
        "in the data but not in the results: its result was left out or deleted",
    ),
    # criteria diff and criteria verify, as text and Markdown.
    "diff.note": ("Ghi chú thay đổi ({v})", "Change note ({v})"),
    "diff.digest": ("Mã kiểm tra", "Digest"),
    "diff.no-change": ("Không có thay đổi nào trong các quy tắc.", "No change in the rules."),
    "diff.changes": ("{n} thay đổi.", "{n} change(s)."),
    "diff.score-only": (
        "{n} {noun} đổi điểm nhưng giữ nguyên kết quả và xếp loại.",
        "{n} {noun}: the score changes, the status and rating do not.",
    ),
    "diff.unchanged": ("{n} {noun} không thay đổi gì.", "{n} {noun}: nothing changes."),
    "diff.impact": ("Ảnh hưởng trên dữ liệu{where}: {n} {noun}", "Impact on the data{where}: {n} {noun}"),
    "diff.criteria-moves": ("Tiêu chí có kết quả thay đổi:", "Criteria whose results change:"),
    "diff.candidates": (
        "Các trường hợp đổi kết quả hoặc xếp loại:",
        "Candidates whose status or rating changes:",
    ),
    "diff.more": (
        "  … và {n} trường hợp khác (dùng --limit 0 hoặc --format json để xem hết)",
        "  … and {n} more (use --limit 0 or --format json to see all)",
    ),
    "diff.checked": ("Đã kiểm tra {n} kết quả: ", "Checked {n} result(s): "),
}
