"""Messages of datasets (a folder of tables evaluated bottom-up: households, villages, the
commune) and their roll-ups (docs/errors.md, "Datasets (roll-ups)"). Key -> (vi, en)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "dataset-missing-table": (
        "bộ dữ liệu không có bảng '{table}' (các bảng: {tables})",
        "the dataset has no table '{table}' (tables: {tables})",
    ),
    "dataset-missing-table.set": (
        "bộ dữ liệu không có bảng '{table}' cho {ref} (các bảng: {tables})",
        "the dataset has no table '{table}' for {ref} (tables: {tables})",
    ),
    "dataset-missing-table.collection": (
        "bộ dữ liệu không có bảng '{table}' cho {where} (các bảng: {tables}); tập thành viên này "
        "chưa xác định được, và mọi số liệu tính từ nó cũng vậy, trừ khi có số liệu báo cáo sẵn",
        "the dataset has no table '{table}' for {where} (tables: {tables}); "
        "the collection is unknown, and so is every figure computed from it unless a reported figure is given",
    ),
    "dataset-missing-table.list": (
        "bộ dữ liệu không có bảng '{name}' cho trường danh sách '{name}' của {level} (các dòng nối "
        "qua '{subject}_id'); mọi {subject} đều thiếu '{name}'",
        "the dataset has no table '{name}' for the list input '{name}' of {level} "
        "(rows linked by '{subject}_id'); '{name}' is missing for every {subject}",
    ),
    "dataset-missing-table.candidates": (
        "bộ dữ liệu không có bảng cho '{subject}', các đối tượng của {set} (các bảng: {tables})",
        "the dataset has no table for '{subject}', the candidates of {set} (tables: {tables})",
    ),
    "dataset-missing-table.hint": (
        "thêm vào thư mục một tệp tên {subject}.csv (hoặc .xlsx, .json)",
        "add a file named {subject}.csv (or .xlsx, .json) to the folder",
    ),
    "dataset-missing-table.one-list": (
        "tệp chỉ có một danh sách, không có bảng tên '{table}'",
        "the file holds one list, not a table named '{table}'",
    ),
    "dataset-missing-table.document": (
        "tài liệu không có bảng '{table}'{listed}",
        "no table '{table}' in the document{listed}",
    ),
    "dataset-missing-table.has": ("; tài liệu có: {tables}", "; it has: {tables}"),
    "dataset-duplicate-table": (
        "có hai tệp cho bảng '{table}': {first} và {second} (bảng được nhận theo tên tệp, không "
        "phân biệt hoa thường và chữ 's' số nhiều); một tệp sẽ bị bỏ qua",
        "two files for table '{table}': {first} and {second} "
        "(a subject is found by its name, ignoring case and a plural 's'); one would be ignored",
    ),
    "dataset-duplicate-table.hint": (
        "mỗi bảng chỉ một tệp: xóa hoặc đổi tên tệp kia",
        "keep one file per table: remove or rename the other",
    ),
    "dataset-collection": ("tập thành viên '{name}' của {level}", "the collection '{name}' of {level}"),
    "dataset-cycle": (
        "{where} tạo thành một vòng giữa các bộ tiêu chí: {cycle}; tập thành viên bị bỏ qua nên chưa xác định được",
        "{where} makes a cycle of sets: {cycle}; the collection is left out, so it is unknown",
    ),
    "dataset-cycle.measures": (
        "{source} và {reader} đọc chỉ số của nhau; {measure} không được chuyển tiếp",
        "{source} and {reader} read each other's measures; {measure} is not passed on",
    ),
    "dataset-subject-mismatch": (
        "{where} có thành viên thuộc loại '{subject}' nhưng {ref} đánh giá '{evaluates}'",
        "{where} has members of subject '{subject}' but {ref} evaluates '{evaluates}'",
    ),
    "dataset-dangling-link": (
        "{count} dòng {table} không nối tới {parent} nào của bảng '{parent_table}' qua '{link}': "
        "{rows}; các dòng này vẫn được đánh giá nhưng không thuộc {parent} nào",
        "{count} {table} row(s) give no {parent} of table '{parent_table}' "
        "in '{link}': {rows}; they are evaluated but are members of no {parent}",
    ),
    "dataset-dangling-link.row": ("dòng {row} ({value})", "row {row} ({value})"),
    "dataset-dangling-link.empty": ("trống", "empty"),
    "dataset-duplicate-id": (
        "mã '{id}' được dùng ở {count} dòng của bảng '{table}' (dòng {rows}); các dòng sau dòng đầu "
        "không hợp lệ (data-duplicate-id), và các thành viên nối tới mã này được tính cho từng dòng",
        "id '{id}' is used by {count} rows of table '{table}' (rows {rows}); "
        "the rows after the first are invalid (data-duplicate-id), and members linking to this id are given to each",
    ),
    "dataset-duplicate-id.more": (
        "còn {count} mã khác được dùng ở nhiều dòng của bảng '{table}'",
        "{count} more ids are used by several rows of table '{table}'",
    ),
    "dataset-missing-id": (
        "{count} dòng của bảng '{table}' không có '{field}'; các dòng này không thể có thành viên",
        "{count} row(s) of table '{table}' have no '{field}'; they cannot have members",
    ),
    "dataset-orphan-children.no-link": (
        "bảng '{table}' không có cột '{link}': không dòng {list} nào gán được cho một dòng {parent}",
        "table '{table}' has no '{link}' column: no {list} row can be given to a {parent} row",
    ),
    "dataset-orphan-children": (
        "{count} dòng {table} nối qua '{link}' tới không dòng {parent} nào: {ids}; các dòng này "
        "không được tính vào đánh giá nào",
        "{count} {table} row(s) link through '{link}' to no {parent} row: {ids}; "
        "they are not part of any evaluation",
    ),
    "dataset-orphan-children.unlinked": (
        "{count} dòng {table} không có '{link}' nên không thuộc dòng {parent} nào",
        "{count} {table} row(s) have no '{link}' and belong to no {parent} row",
    ),
    "dataset.more-same": (
        "{text} (và {count} lỗi cùng loại khác trong tệp này)",
        "{text} (and {count} more of the same kind in this file)",
    ),
}
