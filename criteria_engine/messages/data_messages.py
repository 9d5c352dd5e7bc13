"""Messages of data files: reading a spreadsheet, CSV or JSON file, its columns, its rows and
each cell's value, with the fix (docs/errors.md, "Data files" and "Problems in a record").
Written as an official would say them: "dòng 41, cột 'Số nhân khẩu': '5 người?' không phải số
nguyên". Key -> (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Where a problem is.
    "at": ("{where}: {problem}", "{where}: {problem}"),
    "at.row": ("dòng {row}", "row {row}"),
    "at.row.rule": ("dòng {row} (quy tắc ở {file}:{line})", "row {row} (the rule at {file}:{line})"),
    "at.row-column": ("dòng {row}, cột '{column}'", "row {row}, column '{column}'"),
    "at.row-column-number": ("dòng {row}, cột {number}", "row {row}, column {number}"),
    "at.column": ("cột '{column}'", "column '{column}'"),
    "at.column-number": ("cột {number}", "column {number}"),
    "at.sheet": ("{file} (trang '{sheet}')", "{file} (sheet '{sheet}')"),
    "quoted": ("'{text}'", "'{text}'"),
    "more": ("{items}, …", "{items}, …"),
    # A value that cannot be read (data-bad-value): the problem, then how to write it.
    "data-bad-value.not-integer": ("{value} không phải số nguyên", "{value} is not a whole number"),
    "data-bad-value.not-number": ("{value} không phải số", "{value} is not a number"),
    "data-bad-value.not-finite": ("{value} không phải một số hữu hạn", "{value} is not a finite number"),
    "data-bad-value.kind-integer": (
        "{value} là {kind}, không phải số nguyên",
        "{value} is {kind}, not a whole number",
    ),
    "data-bad-value.kind-number": ("{value} là {kind}, không phải số", "{value} is {kind}, not a number"),
    "data-bad-value.too-long": (
        "số có {digits:,} chữ số, quá dài để đọc (tối đa {limit} chữ số)",
        "a number of {digits:,} digits is too long to read (at most {limit} digits)",
    ),
    "data-bad-value.not-yes-no": (
        "{value} không phải có/không (ghi có/không, đúng/sai, 1/0 hoặc x)",
        "{value} is not yes/no (expected có/không, đúng/sai, true/false, 1/0 or x)",
    ),
    "data-bad-value.ambiguous": (
        "{value} có thể là bất kỳ giá trị nào trong: {values}",
        "{value} could be any of: {values}",
    ),
    "data-bad-value.not-one-of": (
        "{value} không phải giá trị hợp lệ; dùng: {allowed}",
        "{value} is not one of: {allowed}",
    ),
    "data-bad-value.date-kind": (
        "{value} là {kind}, không phải ngày (ghi ngày dạng 31/01/2026 hoặc 2026-01-31)",
        "{value} is {kind}, not a date (expected a date such as 2026-01-31 or 31/01/2026)",
    ),
    "data-bad-value.not-date": (
        "{value} không phải ngày (ghi ngày dạng 31/01/2026 hoặc 2026-01-31)",
        "{value} is not a date (expected a date such as 2026-01-31 or 31/01/2026)",
    ),
    "data-bad-value.no-such-date": ("{value} không phải ngày có thật", "{value} is not a real date"),
    "data-bad-value.not-json-list": (
        "{value} không phải danh sách (cần một danh sách JSON các bản ghi)",
        "{value} is not a list (expected a JSON list of records)",
    ),
    "data-bad-value.kind-list": ("{value} là {kind}, không phải danh sách", "{value} is {kind}, not a list"),
    "data-bad-value.item-kind": (
        "mục {number} là {kind}, không phải một bản ghi",
        "item {number} is {kind}, not a record",
    ),
    "data-bad-value.item-field": (
        "mục {number}, trường '{field}': {problem}",
        "item {number}, field '{field}': {problem}",
    ),
    "kind.yes-no": ("giá trị có/không", "a yes/no value"),
    "kind.date": ("một ngày", "a date"),
    "kind.number": ("một số", "a number"),
    "kind.text": ("một đoạn chữ", "a text"),
    "kind.list": ("một danh sách", "a list"),
    "kind.record": ("một bản ghi", "a record"),
    "kind.other": ("kiểu {name}", "a {name}"),
    "data-formula-no-value": (
        "ô chứa công thức nhưng kết quả chưa được lưu trong tệp, nên chưa biết giá trị",
        "the cell holds a formula whose result was never saved in the file, so its value is unknown",
    ),
    "data-formula-no-value.hint": (
        "mở tệp bằng Excel hoặc LibreOffice rồi lưu lại để kết quả công thức được lưu",
        "open the file in Excel or LibreOffice and save it again, so the results are stored",
    ),
    # How to write a value (the fix).
    "fix.one-of": ("ghi một trong các giá trị: {labels}", "write one of: {labels}"),
    "fix.yes-no": ("ghi có hoặc không (hoặc x cho có)", "write có or không (or x for có)"),
    "fix.integer": ("ghi số nguyên, ví dụ 2", "write a whole number such as 2"),
    "fix.number": ("ghi số, ví dụ 1.500.000", "write a number such as 1.500.000"),
    "fix.bounded": ("{fix} ({bounds})", "{fix} ({bounds})"),
    "fix.at-least": ("ít nhất {min:,}", "at least {min:,}"),
    "fix.at-most": ("nhiều nhất {max:,}", "at most {max:,}"),
    "fix.date": ("ghi ngày dạng 31/01/2026", "write a date such as 31/01/2026"),
    "fix.list": (
        "ghi danh sách ở bảng riêng (--children) hoặc dạng danh sách JSON",
        "give the list in its own table (--children) or as a JSON list",
    ),
    "fix.text": ("ghi giá trị dạng chữ", "write the value as text"),
    "fix.fill-in": ("điền giá trị vào ô", "fill in the value"),
    "fix.members-column": (
        "thêm cột này vào bảng thành viên rồi điền giá trị",
        "add the column to the members' table and fill it in",
    ),
    "data-missing-value": (
        "chưa có giá trị '{label}' (trường '{name}'): các tiêu chí dùng giá trị này chưa xác định được",
        "no value for '{name}' ({label}): the criteria that read it are undetermined",
    ),
    # The data dictionary (a record's values against the set's inputs).
    "out-of-range.below": (
        "{value:g} nhỏ hơn mức tối thiểu {min:g}",
        "{value:g} is below the minimum {min:g}",
    ),
    "out-of-range.above": ("{value:g} lớn hơn mức tối đa {max:g}", "{value:g} is above the maximum {max:g}"),
    "wrong-type.integer": ("{value} không phải số nguyên", "{value} is not an integer"),
    "wrong-type.number": ("{value} không phải số", "{value} is not a number"),
    "wrong-type.boolean": ("{value} không phải có/không", "{value} is not true or false"),
    "wrong-type.text": ("{value} không phải chữ", "{value} is not text"),
    "wrong-type.date": ("{value} không phải ngày (YYYY-MM-DD)", "{value} is not a date (YYYY-MM-DD)"),
    "wrong-type.list": ("{value} không phải danh sách", "{value} is not a list"),
    "wrong-type.record": ("mỗi mục của danh sách phải là một bản ghi", "a list item must be a record"),
    "wrong-type.plain": ("{value} không phải {type} thông thường", "{value} is not a plain {type}"),
    "wrong-type.not-record": ("{value} không phải một bản ghi", "{value} is not a record"),
    "not-finite": ("{value} không phải một số hữu hạn", "{value} is not a finite number"),
    "not-finite.set": (
        "{value} không phải một số hữu hạn (không so sánh được NaN và vô cực)",
        "{value} is not a finite number (NaN and infinity cannot be compared)",
    ),
    "not-allowed": ("{value} không phải giá trị hợp lệ; dùng: {allowed}", "{value} is not one of {allowed}"),
    "engine-error": ("{where}: việc đánh giá bị lỗi: {detail}", "{where}: the evaluation failed: {detail}"),
    # The header row and the columns.
    "data-bad-header-row.empty": (
        "dòng {row} trống, nên không thể là dòng tiêu đề",
        "row {row} is empty, so it cannot be the header row",
    ),
    "data-bad-header-row": (
        "tệp không có dòng {row} để làm dòng tiêu đề",
        "the file has no row {row} to take as the header row",
    ),
    "data-bad-header-row.hint": (
        "ghi số dòng tiêu đề cột bằng --header-row N",
        "give the row of the column headers with --header-row N",
    ),
    "data-header-row": (
        "tiêu đề cột nằm ở dòng {line}; {rows} không phải dữ liệu",
        "the column headers are on row {line}; {rows} not data",
    ),
    "data-header-row.one": ("dòng {first} ở trên (tiêu đề bảng)", "row {first} above them (a title) is"),
    "data-header-row.many": (
        "các dòng {first}–{last} ở trên (tiêu đề bảng)",
        "rows {first}–{last} above them (a title) are",
    ),
    "data-header-row.hint": (
        "nếu tiêu đề cột nằm ở dòng khác, ghi rõ bằng --header-row N",
        "if another row holds the headers, give it with --header-row N",
    ),
    "data-too-many-columns": (
        "dòng tiêu đề có {count:,} cột; chỉ hỗ trợ tối đa {limit:,}",
        "the header has {count:,} columns; at most {limit:,} are supported",
    ),
    "data-duplicate-column.header": (
        "cột {first} và cột {second} cùng tên '{name}'",
        "columns {first} and {second} are both named '{name}'",
    ),
    "data-duplicate-column.header-hint": ("đổi tên một trong hai cột", "rename one of them"),
    "data-duplicate-column": (
        "cột '{first}' và cột '{second}' cùng cho trường '{name}'; dùng cột thứ nhất",
        "columns '{first}' and '{second}' both give input '{name}'; the first is used",
    ),
    "data-duplicate-column.hint": (
        "xóa một trong hai cột hoặc dùng --map",
        "remove one of them or use --map",
    ),
    "data-extra-cells": (
        "dòng {line} có {count} giá trị ở các cột không có tiêu đề (dòng tiêu đề có {named} cột có tên): {preview}; bỏ qua",
        "row {line} has {count} value(s) in columns without a header (the header has {named} named columns): {preview}; left out",
    ),
    "data-unknown-column": (
        "cột '{column}' không phải trường nào của bộ tiêu chí; bỏ qua",
        "column '{column}' is not an input; it is ignored",
    ),
    "data-missing-column": (
        "chưa có cột '{label}' (trường '{name}'); giá trị này sẽ bị thiếu",
        "no column for input '{name}' ({label}); it will be missing",
    ),
    "data-ambiguous-column": (
        "cột '{column}' có thể là: {names}",
        "column '{column}' could mean any of: {names}",
    ),
    "data-ambiguous-column.hint": ("ghi rõ bằng --map", "say which with --map"),
    "data-column-guessed": (
        "cột '{column}' được đọc là '{name}' ({label}), trường có nhãn bắt đầu như vậy",
        "column '{column}' is read as '{name}' ({label}), the input whose label it begins",
    ),
    "data-column-guessed.hint": ("nếu sai, ghi rõ bằng --map", "if that is wrong, say which with --map"),
    "data-no-id-column": (
        "không có cột nào chứa mã của đối tượng (đặt tên cột là 'id' hoặc 'Mã hộ', hoặc ánh xạ bằng --map)",
        "no column holds the candidate's id (name it 'id' or 'Mã hộ', or map one with --map)",
    ),
    "data-no-keep-column": (
        "không có cột '{column}' để giữ lại; để trống",
        "no column '{column}' to keep; it is left empty",
    ),
    "data-no-group-column": ("không có cột '{column}' để nhóm theo", "no column '{column}' to group by"),
    # The column map (--map).
    "data-bad-map.parse": (
        "không đọc được bảng ánh xạ cột: {detail}",
        "cannot parse the column map: {detail}",
    ),
    "data-bad-map.deep": (
        "không đọc được bảng ánh xạ cột: lồng nhau quá sâu",
        "cannot parse the column map: it is nested too deeply",
    ),
    "data-bad-map.shape": (
        "bảng ánh xạ cột phải ghép mỗi tiêu đề cột với một tên trường",
        "the column map must map each header to an input name",
    ),
    "data-bad-map": (
        "bảng ánh xạ cột ghép '{header}' với '{target}', nhưng đó không phải trường nào",
        "the column map sends '{header}' to '{target}', which is not an input",
    ),
    "data-bad-map.set": (
        "bảng ánh xạ cột ghép '{header}' với '{target}', nhưng đó không phải trường nào của {set}",
        "the column map sends '{header}' to '{target}', which is not an input of {set}",
    ),
    "data-bad-map.hint": (
        "xem các trường bằng lệnh: criteria show {set} --inputs",
        "see the inputs with: criteria show {set} --inputs",
    ),
    "data-map-unused": (
        "bảng ánh xạ cột có '{column}', nhưng đó không phải cột nào",
        "the column map names '{column}', which is not a column",
    ),
    "data-map-unused.tables": (
        "bảng ánh xạ cột có '{column}', nhưng đó không phải cột của bảng nào đã đọc",
        "the column map names '{column}', which is not a column of any table read",
    ),
    # Rows.
    "data-total-row": (
        "dòng {row} ('{label}') là dòng tổng cộng, không phải một đối tượng; bỏ qua",
        "row {row} ('{label}') is a totals row, not a candidate; it is skipped",
    ),
    "data-total-row.table": (
        "dòng {row} ('{label}') của bảng {table} là dòng tổng cộng; bỏ qua",
        "row {row} ('{label}') of the {table} table is a totals row; it is skipped",
    ),
    "data-total-row.hint": (
        "không cần làm gì nếu đó là dòng tổng của bảng; nếu không, ghi mã cho dòng này",
        "nothing to do if it is the table's total; otherwise give the row an id",
    ),
    "data-duplicate-id": (
        "dòng {row}: mã '{id}' đã dùng ở dòng {first}; dòng này không được đánh giá",
        "row {row}: the id '{id}' is already used on row {first}; this row is not evaluated",
    ),
    "data-duplicate-id.table": (
        "dòng {row}: mã '{id}' đã dùng ở dòng {first} của bảng '{table}'; dòng này không được đánh giá",
        "row {row}: the id '{id}' is already used on row {first} of table '{table}'; this row is not evaluated",
    ),
    "data-duplicate-id.hint": (
        "mỗi đối tượng một mã riêng, hoặc xóa dòng bị lặp (dòng {first} và {row})",
        "give each candidate its own id, or delete the repeated row (rows {first} and {row})",
    ),
    "data-duplicate-id.table-hint": (
        "mỗi dòng một mã riêng, hoặc xóa dòng bị lặp (dòng {first} và {row})",
        "give each row its own id, or delete the repeated row (rows {first} and {row})",
    ),
    # Members' tables (--persons, --children).
    "data-bad-children": (
        "--children cần dạng DANH_SÁCH=TỆP, không phải '{text}'",
        "--children wants LIST=FILE, not '{text}'",
    ),
    "data-bad-children.unknown": (
        "'{name}' không phải danh sách của bộ tiêu chí này (các danh sách: {lists})",
        "'{name}' is not a list of this set (lists: {lists})",
    ),
    "data-bad-children.unknown-hint": (
        "'{name}' không phải danh sách của bộ tiêu chí này (các danh sách: {lists}); {hint}",
        "'{name}' is not a list of this set (lists: {lists}); {hint}",
    ),
    "data-bad-children.frame": (
        "'{name}' không phải trường danh sách của {ref} (các danh sách: {lists})",
        "'{name}' is not a list input of {ref} (lists: {lists})",
    ),
    "list.none": ("không có", "none"),
    "data-missing-link-column": (
        "bảng {table} {where} không có cột nối mỗi dòng với đối tượng của nó "
        "('{link}', hoặc cột mã đối tượng như 'Mã hộ')",
        "the {table} table {where} has no column linking each row to its candidate "
        "('{link}', or the candidate's id header such as 'Mã hộ')",
    ),
    "data-missing-link": (
        "{count} dòng của {where} không có '{link}' nên không thuộc đối tượng nào; bỏ qua",
        "{count} row(s) of {where} have no '{link}' and belong to no candidate; they are ignored",
    ),
    "data-missing-link.parent": (
        "{count} dòng {table} không có '{link}' nên không thuộc bản ghi nào",
        "{count} {table} row(s) have no '{link}' and belong to no parent",
    ),
    "data-orphan-rows": (
        "{count} dòng của bảng {table} (cột '{link}') ghi mã không có trong {file}: {ids}; bỏ qua",
        "{count} {table} row(s) link through '{link}' to candidates not in {file}: {ids}; they are ignored",
    ),
    "data-orphan-rows.parent": (
        "{count} dòng của bảng {table} (cột '{link}') ghi mã không có: {ids}",
        "{count} {table} row(s) link through '{link}' to absent parents: {ids}",
    ),
    "data-missing-list": (
        "chưa có dữ liệu cho danh sách '{name}' ({label}): mọi tiêu chí dùng danh sách này đều "
        "chưa xác định được, nên không ai có thể đạt",
        "no data for the list '{name}' ({label}): every candidate's criteria on it would be "
        "undetermined, so nobody could pass",
    ),
    "data-missing-list.hint": (
        "cung cấp bằng --children {name}=TỆP{persons}, hoặc ở một trang tên '{label}' trong bảng tính",
        "give it with --children {name}=FILE{persons}, or on a sheet named '{label}' in the workbook",
    ),
    "data-missing-list.persons": (" (hoặc --persons TỆP)", " (or --persons FILE)"),
    "pandas-missing": (
        "evaluate_frame cần pandas nhưng pandas chưa được cài: pip install 'criteria_engine[pandas]'",
        "evaluate_frame needs pandas, which is not installed: pip install 'criteria_engine[pandas]'",
    ),
    # The closing notes of a run and the warnings told once for several columns or rows.
    "data-rows-counted": (
        "Số dòng đọc được: {rows} = {results} kết quả + {skipped} dòng bỏ qua (dòng tổng cộng)",
        "Rows read: {rows} = {results} results + {skipped} rows skipped (totals rows)",
    ),
    "data-warnings-again": ("Cần xem lại ({count} cảnh báo):", "To check ({count} warnings):"),
    "data-many-invalid": (
        "CẢNH BÁO: {invalid}/{total} dòng ({percent}%) không đọc được — có thể sai dòng tiêu đề, "
        "sai cột hoặc sai tệp; xem danh sách vấn đề dữ liệu (--format problems)",
        "WARNING: {invalid} of {total} rows ({percent}%) could not be read: the header row, "
        "the columns or the file may be wrong; see the data-quality list (--format problems)",
    ),
    "data-blank-cells": (
        "{count} ô trống ở cột '{column}' ({label}): coi là chưa có số liệu; tiêu chí cần giá trị "
        "này chưa xác định được",
        "{count} empty cell(s) in column '{column}' ({label}): read as missing data; a criterion "
        "that needs the value is undetermined",
    ),
    "data-blank-cells.column": (
        "{count} ô trống ở cột '{column}': coi là chưa có số liệu; tiêu chí cần giá trị này chưa "
        "xác định được",
        "{count} empty cell(s) in column '{column}': read as missing data; a criterion that needs "
        "the value is undetermined",
    ),
    "data-blank-cells.hint": ("điền vào các ô này", "fill them in"),
    "data-blank-cells.boolean-hint": (
        "điền vào các ô này; nếu ở đây ô trống nghĩa là 'không', bộ tiêu chí có thể ghi 'blank: false'",
        "fill them in; if an empty cell means 'không' here, the set can say so with 'blank: false'",
    ),
    "data-unknown-column.group": (
        "{n} cột không phải trường của bộ tiêu chí, bỏ qua: {items}",
        "{n} columns are not inputs and are ignored: {items}",
    ),
    "data-missing-column.group": (
        "{n} trường chưa có cột, sẽ bị thiếu: {items}",
        "{n} inputs have no column and will be missing: {items}",
    ),
    "data-column-guessed.group": (
        "{n} cột được đọc là trường có nhãn bắt đầu như vậy: {items}",
        "{n} columns are read as the input whose label they begin: {items}",
    ),
    "data-total-row.group": (
        "{n} dòng tổng cộng được bỏ qua, không đánh giá: {items}",
        "{n} totals rows are skipped, not evaluated: {items}",
    ),
    "data-map-unused.group": (
        "{n} mục của bảng ánh xạ cột không khớp cột nào của các bảng: {items}",
        "{n} column map entries name no column of any table: {items}",
    ),
}
