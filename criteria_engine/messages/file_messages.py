"""Messages of a criteria-set file: reading it as YAML, its structure, its meaning and its
``procedure`` section (docs/errors.md, the first sections). Key -> (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # How a diagnostic is printed.
    "severity.error": ("lỗi", "error"),
    "severity.warning": ("cảnh báo", "warning"),
    "severity.help": ("gợi ý", "help"),
    "raw": ("{text}", "{text}"),
    "list.semicolons": ("{items:; }", "{items:; }"),
    "hint.did-you-mean": ("có phải là '{word}'?", "did you mean '{word}'?"),
    # Why the system could not open a file (errno), said after "cannot read the file: ".
    "os.ENOENT": ("không có tệp hoặc thư mục này", "No such file or directory"),
    "os.EACCES": ("không có quyền truy cập", "Permission denied"),
    "os.EISDIR": ("đây là một thư mục", "Is a directory"),
    "os.ENOTDIR": ("một phần của đường dẫn không phải thư mục", "Not a directory"),
    "os.ENOSPC": ("ổ đĩa đã đầy", "No space left on device"),
    "os.EROFS": ("ổ đĩa chỉ cho phép đọc", "Read-only file system"),
    "os.other": ("{detail}", "{detail}"),
    # Reading the file as YAML.
    "file-unreadable": ("không đọc được tệp: {reason}", "cannot read the file: {reason}"),
    "file-unreadable.empty-path": (
        "đường dẫn rỗng không chỉ tệp hay thư mục nào",
        "an empty path names no file or folder",
    ),
    "file-unreadable.not-regular": (
        "{path} không phải tệp thông thường; không đọc",
        "{path} is not a regular file; it is not read",
    ),
    "file-unreadable.missing": (
        "không có tệp hoặc thư mục: {path}",
        "no such file or folder: {path}",
    ),
    "file-unreadable.examples": (
        "không đọc được tệp ví dụ {file}: {reason}",
        "cannot read the examples file {file}: {reason}",
    ),
    "file-too-large": ("tệp lớn hơn {limit} byte", "the file is larger than {limit} bytes"),
    "not-utf8": (
        "tệp không phải văn bản UTF-8: không giải mã được byte 0x{byte}",
        "the file is not valid UTF-8: byte 0x{byte} cannot be decoded",
    ),
    "not-utf8.surrogate": (
        "văn bản không phải UTF-8 hợp lệ: ký tự thay thế lẻ {char}",
        "the text is not valid UTF-8: lone surrogate {char}",
    ),
    "not-utf8.hint": ("lưu tệp dưới dạng UTF-8", "save the file as UTF-8"),
    "empty-file": ("tệp trống", "the file is empty"),
    "empty-file.hint": ("ghi các cặp khóa: giá trị", "write a mapping of keys to values"),
    "not-a-mapping": (
        "cấp ngoài cùng phải là {wanted}, không phải {what}",
        "the top level must be {wanted}, not {what}",
    ),
    "not-a-mapping.set": (
        "bộ tiêu chí phải là các cặp khóa: giá trị",
        "a criteria set must be a mapping of keys to values",
    ),
    "yaml.mapping": ("các cặp khóa: giá trị", "a mapping of keys to values"),
    "yaml.mapping-or-list": ("các cặp khóa: giá trị hoặc một danh sách", "a mapping or a list"),
    "yaml.list": ("một danh sách", "a list"),
    "yaml.single": ("một giá trị đơn", "a single value"),
    "yaml-syntax": ("sai cú pháp YAML: {detail}", "{detail}"),
    "yaml-syntax.character": (
        "ký tự không được phép #x{code}: {reason}",
        "unacceptable character #x{code}: {reason}",
    ),
    "yaml-syntax.context": (
        "{problem} ({context} ở dòng {line}, cột {column})",
        "{problem} ({context} at line {line}, column {column})",
    ),
    "tab-indent": (
        "thụt lề bằng ký tự tab; YAML chỉ thụt lề bằng dấu cách",
        "tab character in indentation; YAML indents with spaces only",
    ),
    "tab-indent.hint": ("thụt lề bằng dấu cách", "indent with spaces"),
    "multiple-documents": (
        "tệp chứa nhiều hơn một tài liệu YAML",
        "the file holds more than one YAML document",
    ),
    "multiple-documents.hint": ("mỗi tệp chỉ một tài liệu", "keep one document per file"),
    "recursive-alias": (
        "bí danh '*{name}' được dùng ngay trong neo của chính nó",
        "alias '*{name}' is used inside its own anchor",
    ),
    "undefined-alias": (
        "bí danh '*{name}' không có neo '&{name}' ở trước",
        "alias '*{name}' has no anchor '&{name}' before it",
    ),
    "duplicate-anchor": ("neo '&{name}' được định nghĩa hai lần", "anchor '&{name}' is defined twice"),
    "too-many-nodes": ("tài liệu có hơn {limit} nút", "the document has more than {limit} nodes"),
    "too-many-nodes.expands": (
        "tài liệu khi mở rộng có hơn {limit} nút",
        "the document expands to more than {limit} nodes",
    ),
    "too-many-nodes.hint": ("dùng ít bí danh lồng nhau hơn", "use fewer nested aliases"),
    "too-deep": ("tài liệu lồng sâu quá {limit} cấp", "the document nests deeper than {limit} levels"),
    "too-deep.merges": (
        "các lần gộp '<<' lồng sâu quá {limit} cấp",
        "merges nest deeper than {limit} levels",
    ),
    "unsupported-tag": (
        "không hỗ trợ thẻ '{tag}'; chỉ cho phép dữ liệu thuần",
        "unsupported tag '{tag}'; only plain data is allowed",
    ),
    "unsupported-tag.hint": ("bỏ thẻ đi", "remove the tag"),
    "non-string-key": (
        "khóa {key} được đọc thành {kind}; khóa phải là chuỗi ký tự",
        "key {key} is read as {kind}; keys must be strings",
    ),
    "non-string-key.collection": (
        "một tập hợp không thể làm khóa; khóa phải là chuỗi ký tự",
        "a collection cannot be a key; keys must be strings",
    ),
    "non-string-key.quote": ('đặt khóa trong ngoặc kép: "{key}"', 'quote the key: "{key}"'),
    "non-string-key.write": ("ghi một khóa trước dấu ':'", "write a key before the ':'"),
    "yaml.number": ("một số", "a number"),
    "yaml.boolean": ("giá trị đúng/sai", "a boolean"),
    "yaml.null": ("giá trị rỗng (null)", "null"),
    "yaml.not-string": ("không phải chuỗi", "not a string"),
    "duplicate-key": (
        "khóa {key} bị lặp (đã có ở dòng {line})",
        "duplicate key {key} (first defined at line {line})",
    ),
    "duplicate-key.hint": ("chỉ giữ một khóa", "keep only one of them"),
    "bad-merge": (
        "'<<' chỉ gộp được một bảng khóa: giá trị hoặc một danh sách các bảng đó",
        "'<<' merges a mapping or a list of mappings only",
    ),
    "bad-scalar": ("không đọc được {value} thành {kind}", "{value} cannot be read as {kind}"),
    "bad-scalar.hint": ("đặt trong ngoặc kép để giữ nguyên là văn bản", "quote it to keep it as text"),
    # The file's structure.
    "unknown-key": ("khóa '{key}' không hợp lệ", "unknown key '{key}'"),
    "unknown-key.allowed": ("các khóa được dùng: {keys}", "allowed keys: {keys}"),
    "missing-key": ("thiếu khóa bắt buộc '{key}'", "missing required key '{key}'"),
    "bad-value": ("{value} không thuộc các giá trị: {options}", "{value} is not one of {options}"),
    "bad-date": ("{value} không phải ngày (ghi YYYY-MM-DD)", "{value} is not a date (write YYYY-MM-DD)"),
    "bad-format": (
        "{value} không đúng dạng bắt buộc {pattern}",
        "{value} does not match the required form {pattern}",
    ),
    "structure.value": ("{value}: {detail}", "{value}: {detail}"),
    "structure.mapping": ("một bảng khóa: giá trị", "a mapping"),
    "structure.list": ("một danh sách", "a list"),
    "pydantic.string_too_long": (
        "chuỗi dài quá {max_length} ký tự",
        "string should have at most {max_length} characters",
    ),
    "pydantic.string_too_short": ("không được để trống", "string should have at least 1 character"),
    "pydantic.too_short": (
        "danh sách cần ít nhất {min_length} mục, hiện có {actual_length}",
        "list should have at least {min_length} item after validation, not {actual_length}",
    ),
    "pydantic.greater_than_equal": (
        "giá trị phải từ {ge} trở lên",
        "input should be greater than or equal to {ge}",
    ),
    "pydantic.less_than_equal": ("giá trị không được quá {le}", "input should be less than or equal to {le}"),
    "pydantic.string_type": ("cần một chuỗi ký tự", "input should be a valid string"),
    "pydantic.int_type": ("cần một số nguyên", "input should be a valid integer"),
    "pydantic.int_parsing": (
        "cần một số nguyên",
        "input should be a valid integer, unable to parse string as an integer",
    ),
    "pydantic.int_from_float": (
        "cần một số nguyên, không có phần thập phân",
        "input should be a valid integer, got a number with a fractional part",
    ),
    "pydantic.float_type": ("cần một số", "input should be a valid number"),
    "pydantic.float_parsing": (
        "cần một số",
        "input should be a valid number, unable to parse string as a number",
    ),
    "pydantic.bool_type": ("cần giá trị true hoặc false", "input should be a valid boolean"),
    "pydantic.bool_parsing": (
        "cần giá trị true hoặc false",
        "input should be a valid boolean, unable to interpret input",
    ),
    "pydantic.dict_type": ("cần các cặp khóa: giá trị", "input should be a valid dictionary"),
    "pydantic.list_type": ("cần một danh sách", "input should be a valid list"),
    "pydantic.other": ("giá trị không hợp lệ ({detail})", "{detail}"),
    # The file's meaning.
    "duplicate-id.group": ("mã nhóm '{id}' được dùng hai lần", "group id '{id}' is used twice"),
    "duplicate-id.criterion": ("mã tiêu chí '{id}' được dùng hai lần", "criterion id '{id}' is used twice"),
    "duplicate-id.criterion-group": (
        "mã tiêu chí '{id}' trùng mã của một nhóm",
        "criterion id '{id}' is also a group's id",
    ),
    "duplicate-id.rating": ("mã xếp loại '{id}' được dùng hai lần", "rating id '{id}' is used twice"),
    "duplicate-id.check": ("mã kiểm tra '{id}' được dùng hai lần", "check id '{id}' is used twice"),
    "not-finite.too-large": (
        "{value} quá lớn: các số trong bộ tiêu chí phải trong khoảng ±1e308",
        "{value} is too large: numbers in a set stay within ±1e308",
    ),
    "not-finite.too-many-digits": (
        "một số có {digits} chữ số là quá lớn: các số trong bộ tiêu chí phải trong khoảng ±1e308",
        "a number of {digits} digits is too large: numbers in a set stay within ±1e308",
    ),
    "too-many-bands": (
        "{count} mức tính điểm; mỗi tiêu chí có nhiều nhất {most} mức",
        "{count} graded bands; a criterion may have at most {most}",
    ),
    "too-many-bands.ratings": (
        "{count} mức xếp loại; mỗi bộ tiêu chí có nhiều nhất {most} mức",
        "{count} rating bands; a set may have at most {most}",
    ),
    "duplicate-id.level": ("mã mức '{id}' được dùng hai lần", "level id '{id}' is used twice"),
    "duplicate-name": (
        "'{name}' được khai báo ở cả {first} và {second}",
        "'{name}' is defined in both {first} and {second}",
    ),
    "enum-without-values": (
        "trường liệt kê (enum) '{name}' cần khai báo 'values'",
        "enum input '{name}' needs 'values'",
    ),
    "values-not-enum": (
        "'values' chỉ dùng cho trường liệt kê (enum); '{name}' có kiểu {type}",
        "'values' is only for enum inputs; '{name}' is {type}",
    ),
    "list-without-items": (
        "trường danh sách '{name}' cần khai báo 'items'",
        "list input '{name}' needs 'items'",
    ),
    "items-not-list": (
        "'items' chỉ dùng cho trường danh sách; '{name}' có kiểu {type}",
        "'items' is only for list inputs; '{name}' is {type}",
    ),
    "digits-not-number": (
        "'digits' chỉ dùng cho trường số; '{name}' có kiểu {type}",
        "'digits' is only for number and integer inputs; '{name}' is {type}",
    ),
    "bad-range": ("min {min} lớn hơn max {max}", "min {min} is above max {max}"),
    "unknown-enum-value": (
        "'{value}' không phải giá trị của '{name}'",
        "'{value}' is not a value of '{name}'",
    ),
    "bad-blank.list": (
        "'blank' không dùng cho trường danh sách; '{name}' là danh sách",
        "'blank' is not for list inputs; '{name}' is a list",
    ),
    "bad-blank": (
        "blank {value} không phải giá trị của trường {type} '{name}'",
        "blank {value} is not a value of the {type} input '{name}'",
    ),
    "bad-blank.range": (
        "blank {value} nằm ngoài khoảng giá trị của '{name}'",
        "blank {value} is outside the range of '{name}'",
    ),
    "parameter-shape": (
        "tham số '{name}' cần 'value', hoặc 'by' kèm 'values'",
        "parameter '{name}' needs 'value', or 'by' with 'values'",
    ),
    "parameter-shape.values": (
        "tham số '{name}' có 'values' nhưng thiếu 'by'",
        "parameter '{name}' has 'values' but no 'by'",
    ),
    "parameter-shape.both": (
        "tham số '{name}' có cả 'value' và 'by'",
        "parameter '{name}' has both 'value' and 'by'",
    ),
    "unknown-reference": ("'by: {name}' không phải tên trường nào", "'by: {name}' names no input"),
    "parameter-by-not-enum": (
        "'by: {name}' phải là tên một trường liệt kê (enum)",
        "'by: {name}' must name an enum input",
    ),
    "table-incomplete": (
        "tham số '{name}' chưa có giá trị cho {by} = '{value}'",
        "parameter '{name}' has no value for {by} = '{value}'",
    ),
    "table-incomplete.points": (
        "bảng điểm không cho điểm nào khi {by} = '{value}'",
        "graded points give nothing for {by} = '{value}'",
    ),
    "rule-shape": (
        "tiêu chí '{id}' {what}; chỉ ghi đúng một trong hai",
        "criterion '{id}' has {what}; give exactly one",
    ),
    "rule-shape.both": ("có cả 'when' và 'points_by'", "both 'when' and 'points_by'"),
    "rule-shape.neither": ("không có 'when' cũng không có 'points_by'", "neither 'when' nor 'points_by'"),
    "rule-shape.points": (
        "tiêu chí '{id}': 'points' đi với 'when', không đi với 'points_by'",
        "criterion '{id}': 'points' goes with 'when', not 'points_by'",
    ),
    "negative-points": ("điểm theo mức không được âm", "graded points cannot be negative"),
    "points-by-shape": (
        "'points_by' cần đúng một trong 'table' hoặc 'bands'",
        "'points_by' needs exactly one of 'table' or 'bands'",
    ),
    "bands-order": (
        "các khoảng điểm phải xếp 'min' cao nhất trước, không lặp lại",
        "graded bands must be listed highest 'min' first, without repeats",
    ),
    "unknown-placeholder": (
        "'{{{name}}}' trong lời nhắn không phải tên trường, tham số, giá trị suy ra hay chỉ số nào",
        "'{{{name}}}' in the message names no input, parameter, derived value or measure",
    ),
    "max-score-mismatch": (
        "max_score là {declared:g} nhưng các tiêu chí cho tối đa {total:g} điểm",
        "max_score is {declared:g} but the criteria give at most {total:g}",
    ),
    "pass-unreachable": (
        "điểm đạt {mark:g} cao hơn điểm tối đa {total:g}",
        "the pass mark {mark:g} is above the maximum {total:g}",
    ),
    "rating-unreachable.after": (
        "xếp loại '{id}' đứng sau '{fallback}', loại luôn được áp dụng",
        "rating '{id}' comes after '{fallback}', which always applies",
    ),
    "rating-unreachable": (
        "xếp loại '{id}' cần {score:g} điểm; điểm tối đa là {total:g}",
        "rating '{id}' needs {score:g} points; the maximum is {total:g}",
    ),
    "ratings-order": ("các xếp loại phải xếp từ cao xuống thấp", "ratings must be listed highest first"),
    "rating-overlap": (
        "xếp loại '{id}' có cùng mức điểm với xếp loại ngay trước",
        "rating '{id}' has the same mark as the one before it",
    ),
    "ratings-no-fallback": (
        "xếp loại cuối cùng phải là loại còn lại (không min_score, không when, requires_pass: false)",
        "the last rating must be a fallback (no min_score, no when, requires_pass: false)",
    ),
    "missing-language": (
        "languages phải có '{lang}' (tiếng Việt và tiếng Anh)",
        "languages must include '{lang}' (Vietnamese and English)",
    ),
    "missing-translation": ("văn bản này chưa có bản '{lang}'", "this text has no '{lang}' version"),
    "unknown-language": (
        "'{lang}' không thuộc các ngôn ngữ của bộ tiêu chí",
        "'{lang}' is not among the set's languages",
    ),
    "bad-window": (
        "effective_to ({end}) phải sau effective_from ({start})",
        "effective_to ({end}) must be after effective_from ({start})",
    ),
    # The procedure section.
    "procedure-unknown-rating": (
        "mức '{id}' dùng xếp loại '{rating}', nhưng decision.ratings không có xếp loại này",
        "level '{id}' names the rating '{rating}', which decision.ratings does not have",
    ),
    "procedure-level-rating": (
        "mức '{id}' dùng xếp loại '{rating}', xếp loại này không đòi hỏi phải đạt",
        "level '{id}' names the rating '{rating}', which does not require a pass",
    ),
    "procedure-rank-repeat": ("một khóa được ghi hai lần trong rank_by", "a key is listed twice in rank_by"),
    "procedure-unknown-input": (
        "'{name}' không phải trường của bộ tiêu chí; sổ theo dõi chỉ điền được các trường đã khai báo",
        "'{name}' is not an input of the set; the register can only fill declared inputs",
    ),
    "procedure-unknown-input.name": (
        "'{name}' không phải tên trường nào (một trường chuỗi, hoặc danh_sách.trường)",
        "'{name}' names no input (a string input, or list.field)",
    ),
    "procedure-input-type": (
        "sổ theo dõi điền vào '{name}' số năm; trường này có kiểu {type}, không phải integer",
        "the register fills '{name}' with a number of years; the input is {type}, not integer",
    ),
    "procedure-input-type.name": (
        "tên phải là một trường chuỗi; '{name}' có kiểu {type}",
        "a name must be a string input; '{name}' is {type}",
    ),
    "procedure-private-name": (
        "'{name}' được đánh dấu riêng tư; tên của người được xét lại hiện trên danh sách niêm yết",
        "'{name}' is marked private; a candidate's name is shown on the public posting list",
    ),
    "procedure-quorum-of": (
        "tỷ lệ có mặt tính trên số người được mời ('of: invited'), không tính trên số người có mặt",
        "a quorum is a share of those invited ('of: invited'), not of those present",
    ),
}
