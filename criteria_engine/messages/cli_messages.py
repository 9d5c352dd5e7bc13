"""Messages of the command line itself: usage errors (argparse's complaints included), the
"→ FILE" notes, the summaries of ``validate``, ``test``, ``register check``, progress.
Key -> (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Usage errors (exit 2).
    "cli.usage": ("{prog}: lỗi: {problem}", "{prog}: error: {problem}"),
    "cli.try-help": ("Xem hướng dẫn: 'criteria{command} --help'.", "Try 'criteria{command} --help'."),
    "cli.interrupted": (
        "criteria: đã dừng giữa chừng; không tệp kết quả nào bị thay đổi",
        "criteria: interrupted; no output file was changed",
    ),
    "cli.terminated": (
        "criteria: đã bị yêu cầu dừng; không tệp kết quả nào bị thay đổi",
        "criteria: stopped (terminated); no output file was changed",
    ),
    "cli.os-error": ("{reason}: {file}", "{reason}: {file}"),
    "cli.argparse.argument": ("tham số {names}: {problem}", "argument {names}: {problem}"),
    "cli.argparse.required": (
        "thiếu tham số bắt buộc: {names}",
        "the following arguments are required: {names}",
    ),
    "cli.argparse.unrecognized": ("không hiểu các tham số: {names}", "unrecognized arguments: {names}"),
    "cli.argparse.choice": (
        "{value} không phải lựa chọn hợp lệ (chọn một trong: {choices})",
        "invalid choice: {value} (choose from {choices})",
    ),
    "cli.argparse.one": ("cần một giá trị", "expected one argument"),
    "cli.argparse.at-least-one": ("cần ít nhất một giá trị", "expected at least one argument"),
    "cli.argparse.at-most-one": ("chỉ được một giá trị", "expected at most one argument"),
    "cli.argparse.value": ("giá trị {type} không hợp lệ: {value}", "invalid {type} value: {value}"),
    "cli.argparse.not-with": ("không dùng cùng với tham số {names}", "not allowed with argument {names}"),
    "cli.argparse.one-of": ("cần một trong các tham số {names}", "one of the arguments {names} is required"),
    "cli.argparse.ambiguous": (
        "tùy chọn {option} không rõ ràng, có thể là: {names}",
        "ambiguous option: {option} could match {names}",
    ),
    "cli.not-a-date": (
        "'{text}' không phải ngày (ghi YYYY-MM-DD)",
        "'{text}' is not a date (write YYYY-MM-DD)",
    ),
    "cli.not-a-whole-number": ("'{text}' không phải số nguyên", "'{text}' is not a whole number"),
    "cli.at-least-one": ("'{text}' phải từ 1 trở lên", "'{text}' must be at least 1"),
    "cli.format-unknown": (
        "không biết định dạng của '{file}' theo đuôi tệp; thêm --format",
        "cannot tell the format of '{file}' from its extension; add --format",
    ),
    "cli.format-needs-file": (
        "--format {format} ghi ra tệp: thêm -o TỆP",
        "--format {format} writes a file: add -o FILE",
    ),
    "cli.dataset-format": (
        "bộ dữ liệu chỉ ghi ra dạng bảng (table) hoặc json, không ghi được dạng {format}",
        "a dataset is written as a table or as json, not {format}",
    ),
    "cli.template-needs-file": (
        "mẫu bảng tính xlsx là một tệp: thêm -o TỆP (hoặc --format csv)",
        "the xlsx template is a file: add -o FILE (or --format csv)",
    ),
    "cli.no-candidate": ("không có đối tượng mã {ids} trong {file}", "no candidate with id {ids} in {file}"),
    "cli.no-candidate-hint": (
        "không có đối tượng mã {ids} trong {file}; {hint}",
        "no candidate with id {ids} in {file}; {hint}",
    ),
    "cli.register-link": (
        "'{path}' là một liên kết; chọn thư mục khác",
        "'{path}' is a link; choose another folder",
    ),
    "cli.round-sheet-output": (
        "cần -o TỆP (.xlsx hoặc .html) và/hoặc --minutes TỆP.html",
        "give -o FILE (.xlsx or .html) and/or --minutes FILE.html",
    ),
    "cli.round-sheet-kind": (
        "'{file}': phiếu biểu quyết ghi dạng .xlsx hoặc .html",
        "'{file}': write the sheet as .xlsx or .html",
    ),
    "cli.round-attendance": (
        "cần số được mời và số dự họp: điền trang cuộc họp của phiếu, hoặc ghi --invited và --present",
        "say how many were invited and present: fill in the sheet's meeting tab, or give --invited and --present",
    ),
    "cli.round-posting-kind": (
        "'{file}': danh sách niêm yết ghi dạng .html hoặc .csv",
        "'{file}': write the posting list as .html or .csv",
    ),
    "cli.round-letters-output": ("cần -o TỆP.html", "give -o FILE.html"),
    "cli.round-unknown-ids": ("không thuộc đợt bình xét: {ids}", "not a candidate of the round: {ids}"),
    "cli.round-decision-kind": (
        "'{file}': danh sách quyết định ghi dạng .html, .csv hoặc .xlsx",
        "'{file}': write the decision list as .html, .csv or .xlsx",
    ),
    # Notes on standard error.
    "cli.written": ("→ {file}", "→ {file}"),
    "cli.written-summary": ("{summary} → {file}", "{summary} → {file}"),
    "cli.files-written": ("{ref}: → {files}", "{ref}: → {files}"),
    "cli.template-written": ("{ref}: {sheets} → {file}", "{ref}: {sheets} → {file}"),
    "cli.letters-written": ("{count} thư → {file}", "{count} → {file}"),
    "cli.more-problems": ("… còn các vấn đề dữ liệu khác không in ra", "… more data problems are not shown"),
    "cli.jobs-lowered": (
        "criteria: --jobs {asked} giảm còn {jobs}: máy này có {jobs} CPU",
        "criteria: --jobs {asked} lowered to {jobs}: this computer has {jobs} CPU(s)",
    ),
    "cli.rows-word": ("dòng", "rows"),
    "worker-failed": (
        "một tiến trình phụ bị lỗi: {detail}",
        "a worker process failed: {detail}",
    ),
    "worker-failed.start": (
        "tiến trình phụ không khởi động được: {detail}",
        "the worker could not start: {detail}",
    ),
    "worker-failed.ended": (
        "một tiến trình phụ đã dừng bất ngờ",
        "a worker process ended unexpectedly",
    ),
    "worker-failed.changed": (
        "{ref} đã bị sửa trên đĩa sau khi bắt đầu chạy; hãy chạy lại",
        "{ref} changed on disk after the run started; run it again",
    ),
    # Summaries.
    "cli.validated": (
        "Đã kiểm tra {files} tệp, {invalid} tệp không hợp lệ",
        "{files} file(s) checked, {invalid} invalid",
    ),
    "cli.register-checked": (
        "{file}: lược đồ {version}; {health}; số dòng: {rows}",
        "{file}: schema {version}; {health}; rows: {rows}",
    ),
    "cli.register-sound": ("toàn vẹn", "sound"),
    "cli.register-problems": ("{count} lỗi", "{count} problem(s)"),
    # criteria test.
    "test.no-file": ("{ref}: không có tệp ví dụ", "{ref}: no examples file"),
    "test.unusable": (
        "{ref}: tệp ví dụ không dùng được ({file})",
        "{ref}: the examples file cannot be used ({file})",
    ),
    "test.summary": (
        "{ref}: {count} ví dụ, {passed} đúng, {failed} sai",
        "{ref}: {count} example(s), {passed} passed, {failed} failed",
    ),
    "test.round-summary": (
        "{ref}: {count} đợt bình xét mẫu, {passed} đúng, {failed} sai",
        "{ref}: {count} round example(s), {passed} passed, {failed} failed",
    ),
    "test.round-needs-procedure": (
        "{ref}: {file} cần bộ tiêu chí có phần procedure",
        "{ref}: {file} needs a procedure section in the set",
    ),
    "test.round-unusable": (
        "{ref}: tệp đợt bình xét mẫu không dùng được ({file})",
        "{ref}: the round examples file cannot be used ({file})",
    ),
    "test.total": ("tổng cộng: {passed} đúng, {failed} sai", "total: {passed} passed, {failed} failed"),
    "test.none": ("không tìm thấy ví dụ nào cho {set}", "no examples found for {set}"),
    "test.fail": ("SAI {id}", "FAIL {id}"),
    "test.fail-about": ("SAI {id} — {about}", "FAIL {id} — {about}"),
    "test.verdict": (
        "kết quả {id}: mong đợi {expected}, thực tế {got}",
        "verdict {id}: expected {expected}, got {got}",
    ),
    "test.no-criterion-said": ("(không có tiêu chí này)", "(no such criterion)"),
    "test.field": ("{key}: mong đợi {expected}, thực tế {got}", "{key}: expected {expected}, got {got}"),
    "test.not-a-field": (
        "'{key}' không phải một phần của kết quả (mong đợi {expected})",
        "'{key}' is not part of a result (expected {expected})",
    ),
    "test.invalid": ("bản ghi không hợp lệ: {problems:; }", "the record is invalid: {problems:; }"),
    "test.no-criterion": (
        "lời giải thích {id}: không có tiêu chí này",
        "explanation {id}: no such criterion",
    ),
    "test.explanation": (
        "lời giải thích {id}: mong đợi {expected}, thực tế {got}",
        "explanation {id}: expected {expected}, got {got}",
    ),
    "test.refused": ("bị từ chối: {code}: {text}", "refused: {code}: {text}"),
    "test.reasons": (
        "lý do của {id}: mong đợi {expected}, thực tế {got}",
        "reasons of {id}: expected {expected}, got {got}",
    ),
}
