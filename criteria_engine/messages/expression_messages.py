"""Messages of the expression language (docs/expressions.md): syntax, forbidden constructs,
names and types. Type names (``number``, ``boolean``, ``list``...) and the language's own
words (``and``, ``in``, ``present()``) stay as they are written in a set. Key -> (vi, en)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Reading the expression.
    "expression-too-long": (
        "biểu thức dài {length} ký tự; giới hạn là {limit}",
        "expression is {length} characters long; the limit is {limit}",
    ),
    "expression.split": ("tách thành các giá trị suy ra (derived)", "split it into derived values"),
    "expression-syntax": ("sai cú pháp: {detail}", "{detail}"),
    "expression-syntax.surrogate": (
        "ký tự không hợp lệ (ký tự thay thế lẻ)",
        "invalid character (a lone surrogate)",
    ),
    "expression-syntax.empty": ("biểu thức trống", "empty expression"),
    "expression-syntax.invalid": ("cú pháp không hợp lệ", "invalid syntax"),
    "expression-syntax.ends-early": ("biểu thức kết thúc quá sớm", "the expression ends too early"),
    "expression-syntax.use-instead": ("viết '{good}' thay cho '{bad}'", "write '{good}' instead of '{bad}'"),
    "expression-syntax.not": ("viết 'not x' thay cho '!x'", "write 'not x' instead of '!x'"),
    "expression-syntax.equals": ("viết '==' để so sánh", "write '==' to compare"),
    "expression-too-deep": (
        "biểu thức lồng nhau quá {limit} cấp",
        "expression is nested more than {limit} levels",
    ),
    "expression-forbidden": (
        "không được dùng {what} trong biểu thức",
        "{what} is not allowed in an expression",
    ),
    "expression-forbidden.comment": (
        "không được ghi chú thích trong biểu thức",
        "a comment is not allowed in an expression",
    ),
    "expression-forbidden.too-large": ("số {number} quá lớn", "number {number} is too large"),
    "expression-forbidden.literal-fields": ("một giá trị cố định không có trường", "a literal has no fields"),
    "expression-forbidden.computed-fields": (
        "một giá trị tính ra không có trường",
        "a computed value has no fields",
    ),
    "expression-forbidden.fields-hint": (
        "trường được đọc từ một tên: p.field",
        "fields are read from names: p.field",
    ),
    "expression-forbidden.list-hint": ("viết danh sách dạng [a, b]", "write a list as [a, b]"),
    "expression-forbidden.list-outside-in": ("một danh sách đứng ngoài 'in'", "a list outside 'in'"),
    "expression-forbidden.list-only-in": (
        "danh sách [a, b] chỉ được đứng sau 'in' hoặc 'not in'",
        "a list [a, b] may only follow 'in' or 'not in'",
    ),
    "expression-forbidden.call-hint": (
        "chỉ gọi được các hàm có sẵn: any(...), share(...), ...",
        "only catalogue functions can be called: any(...), share(...), ...",
    ),
    "expression-forbidden.keyword-hint": (
        "chỉ share() và mean() nhận một tham số có tên: weight=",
        "only share() and mean() take a keyword: weight=",
    ),
    "expression-forbidden.percent-hint": (
        "viết tỷ lệ phần trăm là 95% (không có dấu cách trước '%')",
        "write a percentage as 95% (no space before '%')",
    ),
    "expression-forbidden.write": ("viết '{word}'", "write '{word}'"),
    "expression-forbidden.is-hint": (
        "viết '{op}', hoặc present(x) để kiểm tra có giá trị hay không",
        "write '{op}', or present(x) to test for a value",
    ),
    # What is forbidden, as the messages name it.
    "construct.power": ("'**' (lũy thừa)", "'**' (power)"),
    "construct.floor-division": ("'//' (chia lấy phần nguyên)", "'//' (floor division)"),
    "construct.modulo": ("'%' (chia lấy dư)", "'%' (modulo)"),
    "construct.matrix": ("'@' (nhân ma trận)", "'@' (matrix multiplication)"),
    "construct.shift-left": ("'<<' (dịch bit)", "'<<' (bit shift)"),
    "construct.shift-right": ("'>>' (dịch bit)", "'>>' (bit shift)"),
    "construct.bit-or": ("'|' (hoặc theo bit)", "'|' (bitwise or)"),
    "construct.bit-xor": ("'^' (xor theo bit)", "'^' (bitwise xor)"),
    "construct.bit-and": ("'&' (và theo bit)", "'&' (bitwise and)"),
    "construct.bit-not": ("'~' (phủ định theo bit)", "'~' (bitwise not)"),
    "construct.unary-plus": ("dấu '+' một ngôi", "unary '+'"),
    "construct.is": ("'is'", "'is'"),
    "construct.is-not": ("'is not'", "'is not'"),
    "construct.subscript": ("chỉ số 'x[...]'", "subscript 'x[...]'"),
    "construct.slice": ("cắt lát (slice)", "slice"),
    "construct.lambda": ("lambda", "lambda"),
    "construct.comprehension": ("biểu thức sinh danh sách (comprehension)", "comprehension"),
    "construct.f-string": ("f-string", "f-string"),
    "construct.assignment": ("phép gán ':='", "assignment ':='"),
    "construct.starred": ("dấu sao '*'", "starred '*'"),
    "construct.dict": ("từ điển '{{...}}'", "dict literal '{{...}}'"),
    "construct.set": ("tập hợp '{{...}}'", "set literal '{{...}}'"),
    "construct.tuple": ("bộ giá trị (tuple)", "tuple"),
    "construct.await": ("await", "await"),
    "construct.yield": ("yield", "yield"),
    "construct.bytes": ("chuỗi byte", "bytes literal"),
    "construct.complex": ("số phức", "complex number"),
    "construct.literal": ("'...'", "'...'"),
    "construct.call-field": ("gọi một trường như hàm", "calling a field"),
    "construct.call-computed": ("gọi một giá trị tính ra như hàm", "calling a computed value"),
    "construct.double-star": ("tham số '**'", "'**' argument"),
    "construct.keyword": ("tham số có tên '{name}='", "keyword argument '{name}='"),
    "construct.other": ("{name}", "{name}"),
    # Names and fields.
    "expression-unknown-name": ("không có tên '{name}'", "unknown name '{name}'"),
    "expression-type.member": (
        "'{name}' là một thành viên của {list}; hãy đọc một trường của nó{example}",
        "'{name}' stands for a member of {list}; read one of its fields{example}",
    ),
    "expression-type.member-example": (", ví dụ {field}", ", e.g. {field}"),
    "expression-type.no-fields": (
        "'{name}' có kiểu {type}; không có trường",
        "'{name}' is {type}; it has no fields",
    ),
    "expression-unknown-field": ("'{name}' không có trường '{field}'", "'{name}' has no field '{field}'"),
    "expression-unknown-field.hint": ("các trường của nó: {fields}", "its fields are: {fields}"),
    # Types.
    "expression-type.must-be": (
        "biểu thức phải là {wanted}, nhưng lại là {got}",
        "the expression must be {wanted}, got {got}",
    ),
    "expression-type.condition": ("một điều kiện (đúng hoặc sai)", "a condition (true or false)"),
    "expression-type.boolean-operands": (
        "'{op}' cần toán hạng kiểu boolean, nhưng lại là {got}",
        "'{op}' needs boolean operands, got {got}",
    ),
    "expression-type.not-operand": (
        "'not' cần toán hạng kiểu boolean, nhưng lại là {got}",
        "'not' needs a boolean operand, got {got}",
    ),
    "expression-type.minus": (
        "dấu '-' một ngôi cần một số, nhưng lại là {got}",
        "unary '-' needs a number, got {got}",
    ),
    "expression-type.number-operands": (
        "'{op}' cần toán hạng là số, nhưng lại là {got}",
        "'{op}' needs number operands, got {got}",
    ),
    "expression-type.list-right": (
        "'{op}' cần một danh sách [a, b] ở bên phải, nhưng lại là {got}",
        "'{op}' needs a list [a, b] on its right, got {got}",
    ),
    "expression-type.null": (
        "so sánh với null luôn cho kết quả chưa xác định",
        "comparing with null is always unknown",
    ),
    "expression-type.null-write-not": ("viết not {test}", "write not {test}"),
    "expression-type.null-write": ("viết {test}", "write {test}"),
    "expression-type.null-use": ("dùng {test}", "use {test}"),
    "expression-type.compare": ("không so sánh được các giá trị {type}", "cannot compare {type} values"),
    "expression-type.compare-with": ("không so sánh được {a} với {b}", "cannot compare {a} with {b}"),
    "expression-type.orderable": (
        "'{op}' cần số hoặc ngày, nhưng lại là {got}",
        "'{op}' needs numbers or dates, got {got}",
    ),
    "expression-type.enum-value": (
        "'{value}' không phải giá trị của {name}: {values}",
        "'{value}' is not a value of {name}: {values}",
    ),
    "expression-type.date-string": ("không so sánh được ngày với chuỗi", "cannot compare date with string"),
    "expression-type.not-date": (
        "'{value}' không phải ngày (YYYY-MM-DD)",
        "'{value}' is not a date (YYYY-MM-DD)",
    ),
    "expression-type.if-condition": (
        "điều kiện sau 'if' phải là boolean, nhưng lại là {got}",
        "the condition after 'if' must be boolean, got {got}",
    ),
    "expression-type.if-branches": (
        "hai nhánh của 'if' khác kiểu: {a} và {b}",
        "the two branches of 'if' differ: {a} and {b}",
    ),
    "expression-type.a": ("{type}", "a {type}"),
    "expression-type.an": ("{type}", "an {type}"),
    "expression-type.rule-boolean": (
        "quy tắc này phải cho kết quả đúng hoặc sai, nhưng lại cho {got}",
        "this rule must be true or false, but it gives {got}",
    ),
    "expression-type.must-be-number": (
        "giá trị này phải là một số, nhưng lại là {got}",
        "this must be a number, but it gives {got}",
    ),
    "expression-type.table-enum": (
        "bảng điểm theo mức cần một giá trị liệt kê (enum), nhưng đây lại là {got}",
        "graded points by table need an enum value, but this gives {got}",
    ),
    # Functions.
    "expression-unknown-function": ("không có hàm '{name}'", "unknown function '{name}'"),
    "expression-unknown-function.hint": ("các hàm có sẵn: {names}", "the functions are: {names}"),
    "expression-arity": (
        "{name}() nhận {wanted}, nhưng được {given}",
        "{name}() takes {wanted}, got {given}",
    ),
    "expression-arity.at-least": ("ít nhất {low} tham số", "at least {low} arguments"),
    "expression-arity.at-least-one": ("ít nhất 1 tham số", "at least 1 argument"),
    "expression-arity.exactly": ("{low} tham số", "{low} arguments"),
    "expression-arity.exactly-one": ("1 tham số", "1 argument"),
    "expression-arity.either": ("{low} hoặc {high} tham số", "{low} or {high} arguments"),
    "expression-arity.range": ("từ {low} đến {high} tham số", "{low} to {high} arguments"),
    "expression-arity.weight": ("{name}() không nhận weight=", "{name}() does not take weight="),
    "expression-arity.over-list": (
        "{name}() trên một danh sách nhận 2 tham số, nhưng được {given}",
        "{name}() over a list takes 2 arguments, got {given}",
    ),
    "expression-type.argument": (
        "{name}() cần {what} ở tham số thứ {position}, nhưng lại là {got}",
        "{name}() needs {what} as its {position} argument, got {got}",
    ),
    "expression-type.weight": (
        "{name}() cần một số cho weight=, nhưng lại là {got}",
        "{name}() needs a number as weight=, got {got}",
    ),
    "expression-type.mix": ("{name}() không trộn được số với ngày", "{name}() cannot mix numbers and dates"),
    "ordinal.1": ("nhất", "first"),
    "ordinal.2": ("hai", "second"),
    "ordinal.3": ("ba", "third"),
    "ordinal.n": ("{n}", "argument {n}"),
    "argument.list": ("một danh sách", "a list"),
    "argument.condition": ("một điều kiện (boolean)", "a condition (boolean)"),
    "argument.number": ("một số", "a number"),
    "argument.orderable": ("một số hoặc một ngày", "a number or a date"),
    "argument.decimals": ("một số nguyên (số chữ số thập phân)", "an integer (the number of decimals)"),
}
