"""Messages about where an output is written (``-o FILE``): refused before anything is
written (docs/errors.md, "Outputs"). Key -> (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "output-unwritable": ("không ghi được '{file}': {reason}", "cannot write '{file}': {reason}"),
    "output-not-a-file": (
        "không ghi được '{file}': đây là {kind}; hãy ghi tên một tệp để lưu kết quả",
        "cannot write '{file}': it is {kind}; name a file to write the output to",
    ),
    "output-not-a-file.folder": ("một thư mục", "a folder"),
    "output-not-a-file.device": (
        "một thiết bị hoặc ống dẫn, không phải tệp thông thường",
        "a device or a pipe, not a regular file",
    ),
    "output-is-input": (
        "không ghi được '{file}': đây là tệp đầu vào {input}, kết quả sẽ ghi đè lên nó",
        "cannot write '{file}': it is the input {input}, which the output would replace",
    ),
    "output-no-folder": (
        "không ghi được '{file}': không có thư mục '{folder}'",
        "cannot write '{file}': no folder '{folder}'",
    ),
    # The note under a table that shows only its first rows.
    "table.more-rows": (
        "… và {count:,} {noun} nữa không hiện ở đây. Để ghi toàn bộ kết quả ra tệp, thêm -o ket-qua.xlsx "
        "(hoặc .csv, .jsonl).",
        "… and {count:,} more {noun} not shown here. To write every result to a file, add -o results.xlsx "
        "(or .csv, .jsonl).",
    ),
}
