"""Messages of reading a data file: opening it, CSV, JSON and Excel files, each problem with
its fix (docs/errors.md, "Data files"). Key -> (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Opening and reading a file.
    "data-unreadable": ("không đọc được '{path}': {reason}", "cannot read '{path}': {reason}"),
    "data-unreadable.missing": (
        "không đọc được '{path}': không có tệp này",
        "cannot read '{path}': no such file",
    ),
    "data-unreadable.missing-path": (
        "không đọc được '{path}': không có tệp hoặc thư mục này",
        "cannot read '{path}': no such file or folder",
    ),
    "data-unreadable.map": (
        "không đọc được bảng ánh xạ cột: {reason}",
        "cannot read the column map: {reason}",
    ),
    "data-not-utf8": (
        "dòng {line} không phải văn bản UTF-8 (byte 0x{byte})",
        "line {line} is not UTF-8 text (byte 0x{byte})",
    ),
    "data-not-utf8.file": ("tệp không phải văn bản UTF-8", "the file is not UTF-8 text"),
    "data-not-utf8.line": ("dòng {line} không phải văn bản UTF-8", "line {line} is not UTF-8 text"),
    "data-not-utf8.hint": (
        "lưu tệp dạng UTF-8 (Excel: 'CSV UTF-8'; LibreOffice: bảng mã Unicode (UTF-8))",
        "save the file as UTF-8 (Excel: 'CSV UTF-8'; LibreOffice: character set Unicode (UTF-8))",
    ),
    "data-unknown-format": ("không biết định dạng dữ liệu '{format}'", "unknown data format '{format}'"),
    "data-unknown-format.file": (
        "không đọc được '{file}': không rõ loại tệp",
        "cannot read '{file}': unknown file type",
    ),
    "data-unknown-format.xls": ("lưu lại dạng .xlsx", "save it as .xlsx"),
    "data-unknown-format.use": ("dùng một trong: {formats}", "use one of: {formats}"),
    "data-unknown-format.header": (
        "chỉ bảng CSV và XLSX mới có dòng tiêu đề",
        "only CSV and XLSX tables have a header row",
    ),
    "data-unknown-format.stdin": (
        "đầu vào chuẩn chỉ được đọc dạng JSONL",
        "standard input is read as JSONL only",
    ),
    "data-empty": ("thư mục không có tệp dữ liệu nào ({kinds})", "the folder has no data files ({kinds})"),
    "data-empty.no-sheets": ("bảng tính không có trang nào", "the workbook has no sheets"),
    "data-empty.sheet": (
        "trang '{sheet}' trống (không có dòng tiêu đề)",
        "sheet '{sheet}' is empty (no header row)",
    ),
    "data-no-rows": (
        "tệp không có dòng dữ liệu nào (chỉ có dòng tiêu đề, hoặc các dòng trống)",
        "the file has no data rows (only a header row, or blank rows)",
    ),
    # CSV.
    "data-delimiter.pipe": (
        "dòng tiêu đề được phân cách bằng '|', không phải dấu phân cách của CSV",
        "the header row is separated by '|', which is not a CSV delimiter",
    ),
    "data-delimiter.single": (
        "dòng tiêu đề chỉ có một cột nhưng dòng {line} có các ô phân cách bằng '{delimiter}'",
        "the header has a single column but row {line} has cells separated by '{delimiter}'",
    ),
    "data-delimiter": (
        "dòng {line} được phân cách bằng '{delimiter}' nhưng dòng tiêu đề dùng '{header}'; dòng này không được đọc",
        "row {line} is separated by '{delimiter}' but the header row by '{header}'; the row is not read",
    ),
    "data-delimiter.hint": (
        "phân cách các cột bằng ',' hoặc ';' (hoặc tab, với tệp .tsv), giống nhau ở mọi dòng",
        "separate the columns with ',' or ';' (or tabs, as .tsv), the same in every row",
    ),
    "data-broken-row": ("dòng {line} không đọc được: {detail}", "row {line} cannot be read: {detail}"),
    "data-broken-row.quote": (
        'dòng {line} không đọc được: dấu ngoặc kép (") mở đầu cột {column} không được đóng trên dòng đó '
        "và {why}; dòng này bị bỏ qua, các dòng sau được đọc như các dòng bình thường",
        'row {line} cannot be read: the quote (") that opens column {column} is not closed on '
        "its line and {why}; the row is left out and the lines after it are read as rows",
    ),
    "data-broken-row.open": (
        "vẫn chưa đóng sau {count:,} dòng nữa",
        "is still open after {count:,} more lines",
    ),
    "data-broken-row.misplaced": (
        "kéo dài đến dòng {end}, nơi có một dấu ngoặc kép đặt sai chỗ",
        "runs on to line {end}, where a quote is misplaced",
    ),
    "data-broken-row.cells": (
        "kéo dài đến dòng {end}, làm dòng có {count} ô thay vì {columns}",
        "runs on to line {end}, which would make the row {count} cells long instead of {columns}",
    ),
    "data-broken-row.hint": (
        'xóa dấu ngoặc kép (") thừa hoặc đóng nó lại; ô bắt đầu bằng dấu ngoặc kép phải kết thúc bằng dấu ngoặc kép',
        'remove the stray quote (") or close it; a cell that starts with a quote must end with one',
    ),
    "data-column-count": (
        "dòng {line} có {cells} ô nhưng dòng tiêu đề có {columns} cột; dòng này có thể bị cắt "
        "hoặc lệch ô, nên không được đánh giá",
        "row {line} has {cells} cell(s) but the header has {columns} columns; the row may be "
        "cut short or its cells shifted, so it is not evaluated",
    ),
    "data-column-count.hint": (
        "ghi đủ một ô cho mỗi cột (ô trống cũng được: hai dấu phân cách liền nhau)",
        "give the row a cell for every column (an empty cell is fine: two delimiters in a row)",
    ),
    # JSON.
    "data-bad-json": ("dòng {line} không đọc được: {detail}", "row {line} cannot be read: {detail}"),
    "data-bad-json.line": (
        "dòng {line} không phải JSON hợp lệ: {detail}",
        "row {line} is not valid JSON: {detail}",
    ),
    "data-bad-json.character": ("{detail} (ở ký tự {column})", "{detail} (at character {column})"),
    "data-bad-json.file": ("tệp không phải JSON hợp lệ: {detail}", "the file is not valid JSON: {detail}"),
    "data-bad-json.repeated": (
        "khóa {keys} xuất hiện nhiều lần trong một bản ghi (không rõ dùng khóa nào)",
        "the key {keys} appears more than once in one record (which one is meant?)",
    ),
    "data-bad-json.deep": ("lồng nhau sâu quá {limit} cấp", "it is nested more than {limit} levels deep"),
    "data-bad-json.too-deep": (
        "lồng nhau quá sâu (không đọc quá {limit} cấp)",
        "it is nested too deeply (more than {limit} levels are not read)",
    ),
    "data-bad-json.digits": (
        "có một số dài {digits:,} chữ số, quá dài để đọc",
        "a number has {digits:,} digits, too many to read",
    ),
    "json.detail": ("{detail}", "{detail}"),
    "json.expecting-value": ("thiếu một giá trị", "Expecting value"),
    "json.expecting-comma": ("thiếu dấu phẩy ','", "Expecting ',' delimiter"),
    "json.expecting-colon": ("thiếu dấu hai chấm ':'", "Expecting ':' delimiter"),
    "json.expecting-name": (
        "tên khóa phải nằm trong ngoặc kép",
        "Expecting property name enclosed in double quotes",
    ),
    "json.unterminated": ("chuỗi chưa được đóng ngoặc kép", "Unterminated string starting at"),
    "json.control": ("có ký tự điều khiển không hợp lệ", "Invalid control character at"),
    "json.extra": ("có dữ liệu thừa sau giá trị", "Extra data"),
    "data-not-list.document": (
        "tài liệu JSON không phải danh sách các bản ghi",
        "the JSON document is not a list of records",
    ),
    "data-empty.no-header": ("tệp trống (không có dòng tiêu đề)", "the file is empty (no header row)"),
    "data-empty.no-records": ("tệp trống (không có bản ghi nào)", "the file is empty (no records)"),
    "data-not-object": (
        "dòng {line} là {kind}, không phải một đối tượng: {preview}",
        "row {line} is a {kind}, not an object: {preview}",
    ),
    "data-too-large.bytes": (
        "tài liệu JSON lớn hơn {limit:,} byte, giới hạn của một tài liệu",
        "the JSON document is larger than {limit:,} bytes, the limit for one document",
    ),
    "data-too-large.rows": (
        "tài liệu JSON có {count:,} bản ghi, vượt giới hạn {limit:,}",
        "the JSON document holds {count:,} records, more than the limit of {limit:,}",
    ),
    "data-too-large.hint": (
        "ghi các bản ghi dạng JSONL (mỗi dòng một bản ghi), được đọc từng dòng một",
        "write the records as JSONL (one record per line), which is read a line at a time",
    ),
    "data-not-list.object": (
        "tài liệu JSON là một đối tượng; hãy nêu tên bảng cần đọc{which}",
        "the JSON document is an object; name the table to read{which}",
    ),
    "data-not-list.which": (": một trong {tables}", ": one of {tables}"),
    "data-not-list.none": (" (tài liệu không có danh sách nào)", " (it holds no list)"),
    "data-not-list": (
        "'{table}' là {kind}, không phải danh sách các bản ghi",
        "'{table}' is a {kind}, not a list of records",
    ),
    "data-not-list.no-table": (
        "tài liệu JSON không có bảng nào (không có danh sách bản ghi)",
        "the JSON document holds no table (no list of records)",
    ),
    "data-cell-too-large.line": (
        "dòng {line} dài hơn {limit:,} byte; dòng này không được đọc",
        "row {line} is longer than {limit:,} bytes; it is not read",
    ),
    "data-cell-too-large": (
        "{where}: ô có {size:,} ký tự, vượt giới hạn {limit:,}; ô này bị bỏ qua",
        "{where}: the cell has {size:,} characters, more than the limit of {limit:,}; it is left out",
    ),
    "data-cell-too-large.header": (
        "ô tiêu đề {index} dài hơn {limit:,} ký tự",
        "header cell {index} is larger than {limit:,} characters",
    ),
    # Excel.
    "data-bad-xlsx": (
        "không đọc được bảng tính (không phải tệp .xlsx hợp lệ: {detail})",
        "the workbook cannot be read (not a valid .xlsx: {detail})",
    ),
    "data-bad-xlsx.broken": (
        "không đọc được bảng tính ({kind}: {detail})",
        "the workbook cannot be read ({kind}: {detail})",
    ),
    "data-bad-xlsx.hint": (
        "mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx",
        "open it in Excel or LibreOffice and save it again as .xlsx",
    ),
    "data-xlsx-too-large.parts": (
        "bảng tính có {count:,} phần, vượt giới hạn {limit:,}",
        "the workbook has {count:,} parts, more than the limit of {limit:,}",
    ),
    "data-xlsx-too-large": (
        "phần '{part}' của bảng tính sẽ bung ra {size:,} byte, {why}; phần này không được đọc",
        "part '{part}' of the workbook would inflate to {size:,} bytes, {why}; it is not read",
    ),
    "data-xlsx-too-large.limit": ("vượt giới hạn {limit:,} byte", "more than the limit of {limit:,} bytes"),
    "data-xlsx-too-large.ratio": (
        "gấp {ratio:,} lần kích thước lưu {stored:,} byte",
        "{ratio:,} times its stored size of {stored:,} bytes",
    ),
    "data-xlsx-too-large.hint": (
        "đây không phải bảng tính bình thường; mở bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx, hoặc chia thành các tệp nhỏ hơn",
        "this is not a normal spreadsheet; open it in Excel or LibreOffice and save it again as .xlsx or split it into smaller files",
    ),
    "data-missing-sheet": (
        "không có trang '{sheet}'; bảng tính có: {sheets}",
        "no sheet '{sheet}'; the workbook has: {sheets}",
    ),
}
