"""From expression text to our own syntax tree, through Python's parser and a strict whitelist.

The text is parsed with ``ast.parse(text, mode="eval")`` only to get a tree; nothing is ever
compiled or run. Each Python node is converted to one of our nodes (``rules.ast``) or reported
as ``expression-forbidden``. Offsets are 0-based character offsets in the original text.
"""

from __future__ import annotations

import ast as py
import io
import math
import tokenize
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from criteria_engine.errors import Diagnostic, error
from criteria_engine.messages import Msg, msg
from criteria_engine.rules import ast as nodes

MAX_LENGTH = 2000
MAX_DEPTH = 32
KEYWORD_CONSTANTS: dict[str, nodes.Value] = {"true": True, "false": False, "null": None}


@dataclass(frozen=True, slots=True)
class ExpressionDiagnostic:
    """A diagnostic about an expression, with the 0-based character offset it points at.

    The caller turns ``offset`` into a file line and column (it knows where the expression
    sits in the YAML file) and calls ``diagnostic.located(file, line, column)``.
    """

    diagnostic: Diagnostic
    offset: int

    @property
    def code(self) -> str:
        return self.diagnostic.code

    @property
    def message(self) -> str:
        return self.diagnostic.message

    def position(self, text: str) -> tuple[int, int]:
        """0-based (line, column) of the offset inside the expression ``text`` itself."""
        before = text[: self.offset]
        return before.count("\n"), self.offset - (before.rfind("\n") + 1)

    def located(self, file: str, line: int, column: int) -> Diagnostic:
        """The diagnostic placed at ``file:line:column`` (1-based, computed by the caller)."""
        return self.diagnostic.located(file, line, column)


def problem(code: str, text: Msg, offset: int, hint: Msg | None = None) -> ExpressionDiagnostic:
    """Shorthand for an :class:`ExpressionDiagnostic`."""
    return ExpressionDiagnostic(error(code, text, hint=hint), offset)


# operator -> (its token, how a message names it)
_OPERATORS: dict[type[py.AST], tuple[str, Msg]] = {
    py.Pow: ("**", msg("construct.power")),
    py.FloorDiv: ("//", msg("construct.floor-division")),
    py.Mod: ("%", msg("construct.modulo")),
    py.MatMult: ("@", msg("construct.matrix")),
    py.LShift: ("<<", msg("construct.shift-left")),
    py.RShift: (">>", msg("construct.shift-right")),
    py.BitOr: ("|", msg("construct.bit-or")),
    py.BitXor: ("^", msg("construct.bit-xor")),
    py.BitAnd: ("&", msg("construct.bit-and")),
    py.Invert: ("~", msg("construct.bit-not")),
    py.UAdd: ("+", msg("construct.unary-plus")),
    py.Is: ("is", msg("construct.is")),
    py.IsNot: ("is", msg("construct.is-not")),
}
_OPERATOR_HINTS: dict[type[py.AST], Msg] = {
    py.Mod: msg("expression-forbidden.percent-hint"),
    py.BitOr: msg("expression-forbidden.write", word="or"),
    py.BitAnd: msg("expression-forbidden.write", word="and"),
    py.Invert: msg("expression-forbidden.write", word="not"),
    py.Is: msg("expression-forbidden.is-hint", op="=="),
    py.IsNot: msg("expression-forbidden.is-hint", op="!="),
}
_COMPREHENSION = msg("construct.comprehension")
_FORBIDDEN_NODES: dict[type[py.AST], Msg] = {
    py.Subscript: msg("construct.subscript"),
    py.Slice: msg("construct.slice"),
    py.Lambda: msg("construct.lambda"),
    py.ListComp: _COMPREHENSION,
    py.SetComp: _COMPREHENSION,
    py.DictComp: _COMPREHENSION,
    py.GeneratorExp: _COMPREHENSION,
    py.JoinedStr: msg("construct.f-string"),
    py.FormattedValue: msg("construct.f-string"),
    py.NamedExpr: msg("construct.assignment"),
    py.Starred: msg("construct.starred"),
    py.Dict: msg("construct.dict"),
    py.Set: msg("construct.set"),
    py.Tuple: msg("construct.tuple"),
    py.Await: msg("construct.await"),
    py.Yield: msg("construct.yield"),
    py.YieldFrom: msg("construct.yield"),
}
_SYNTAX_HINTS = {
    "&&": msg("expression-syntax.use-instead", good="and", bad="&&"),
    "||": msg("expression-syntax.use-instead", good="or", bad="||"),
    "=>": msg("expression-syntax.use-instead", good=">=", bad="=>"),
    "=<": msg("expression-syntax.use-instead", good="<=", bad="=<"),
    "<>": msg("expression-syntax.use-instead", good="!=", bad="<>"),
    "!": msg("expression-syntax.not"),
    "=": msg("expression-syntax.equals"),
}
_SPLIT = msg("expression.split")


class _Positions:
    """Converts Python's (1-based line, UTF-8 byte column) into character offsets."""

    def __init__(self, text: str, base: int) -> None:
        self.base = base
        parts = text.split("\n")  # Python's parser breaks lines at "\n" only
        self.lines = [part + "\n" for part in parts[:-1]] + [parts[-1]]
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))

    def offset(self, lineno: int, byte_col: int) -> int:
        index = min(max(lineno - 1, 0), len(self.lines) - 1)
        line = self.lines[index]
        col = byte_col if line.isascii() else len(line.encode()[:byte_col].decode(errors="ignore"))
        return self.base + self.starts[index] + col

    def char_offset(self, lineno: int, char_col: int) -> int:
        index = min(max(lineno - 1, 0), len(self.lines) - 1)
        return self.base + self.starts[index] + char_col


def _scan(text: str, pos: _Positions) -> tuple[dict[int, int], list[int]]:
    """The percent signs (number offset -> ``%`` offset) and the comments (offsets) of ``text``.

    A number immediately followed by ``%`` is a percentage unless an operand follows the ``%``
    (then it is Python's modulo, which is forbidden). Strings are skipped by the tokenizer.
    """
    percents: dict[int, int] = {}
    try:
        tokens = [t for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.type != tokenize.NL]
    except (tokenize.TokenError, SyntaxError):
        return percents, []  # ast.parse reports the syntax error
    comments = [pos.char_offset(*t.start) for t in tokens if t.type == tokenize.COMMENT]
    non_operands = {"and", "or", "if", "else", "in", "not", "is"}
    for number, sign, after in zip(tokens, tokens[1:], [*tokens[2:], None], strict=False):
        if number.type != tokenize.NUMBER or sign.string != "%" or number.end != sign.start:
            continue
        operand = after is not None and (
            after.type in (tokenize.NUMBER, tokenize.STRING)
            or (after.type == tokenize.NAME and after.string not in non_operands)
            or after.string in ("(", "[", "{", "~")
        )
        if not operand:
            percents[pos.char_offset(*number.start)] = pos.char_offset(*sign.start)
    return percents, comments


def parse(text: str) -> nodes.Expr | list[ExpressionDiagnostic]:
    """Parse ``text`` into our tree, or return every problem found (syntax, forbidden, limits)."""
    if len(text) > MAX_LENGTH:
        too_long = msg("expression-too-long", length=len(text), limit=MAX_LENGTH)
        return [problem("expression-too-long", too_long, 0, _SPLIT)]
    surrogate = next((i for i, c in enumerate(text) if "\ud800" <= c <= "\udfff"), None)
    if surrogate is not None:
        return [problem("expression-syntax", msg("expression-syntax.surrogate"), surrogate)]
    base = len(text) - len(text.lstrip())
    body = text[base:]
    if not body.strip():
        return [problem("expression-syntax", msg("expression-syntax.empty"), 0)]
    pos = _Positions(body, base)
    percents, comments = _scan(body, pos)
    signs = {sign - base for sign in percents.values()}
    source = "".join(" " if i in signs else c for i, c in enumerate(body))
    try:
        tree = py.parse(source, mode="eval")
    except SyntaxError as exc:
        if "too many nested" in (exc.msg or "") or "too complex" in (exc.msg or ""):
            return [_too_deep(0)]
        return [_syntax_problem(text, exc, pos)]
    except (RecursionError, MemoryError):
        return [_too_deep(0)]
    converter = _Converter(text, pos, percents)
    result = converter.convert(tree.body, 1, in_list=False)
    for offset in comments:
        converter.problems.append(
            problem("expression-forbidden", msg("expression-forbidden.comment"), offset)
        )
    if converter.problems or result is None:
        return sorted(converter.problems, key=lambda p: p.offset)
    return result


def _too_deep(offset: int) -> ExpressionDiagnostic:
    return problem("expression-too-deep", msg("expression-too-deep", limit=MAX_DEPTH), offset, _SPLIT)


def _syntax_problem(text: str, exc: SyntaxError, pos: _Positions) -> ExpressionDiagnostic:
    stripped_end = len(text.rstrip())
    if exc.lineno is None or not exc.offset or exc.offset < 1:
        offset = stripped_end
    else:
        offset = min(pos.char_offset(exc.lineno, exc.offset - 1), stripped_end)
    hint = None
    for token, text_hint in _SYNTAX_HINTS.items():
        starts = [offset] if len(token) == 1 else [offset, offset - 1]
        start = next((s for s in starts if s >= 0 and text.startswith(token, s)), None)
        if start is None or (token == "!" and text.startswith("!=", start)):
            continue
        if token == "=" and (
            text[:start].rstrip()[-1:] in ("=", "!", "<", ">") or text.startswith("==", start)
        ):
            continue
        hint, offset = text_hint, start
        break
    said = exc.msg or "invalid syntax"
    if said == "invalid syntax":  # Python's own words otherwise (kept as Python says them)
        said_msg = msg(
            "expression-syntax.ends-early" if offset >= stripped_end else "expression-syntax.invalid"
        )
    else:
        said_msg = msg("expression-syntax", detail=said)
    return problem("expression-syntax", said_msg, offset, hint)


class _Converter:
    """Python ``ast`` → ``rules.ast``, collecting a problem for each construct not allowed."""

    def __init__(self, text: str, pos: _Positions, percents: dict[int, int]) -> None:
        self.text = text
        self.pos = pos
        self.percents = percents
        self.signs = set(percents.values())
        self.problems: list[ExpressionDiagnostic] = []
        self.too_deep = False

    def span(self, node: py.expr | py.keyword) -> tuple[int, int]:
        start = self.pos.offset(node.lineno, node.col_offset)
        end_line = node.end_lineno if node.end_lineno is not None else node.lineno
        end_col = node.end_col_offset if node.end_col_offset is not None else node.col_offset
        end = self.pos.offset(end_line, end_col)
        return start, end + 1 if end in self.signs else end

    def forbid(
        self,
        node: py.expr | py.keyword,
        what: Msg | None,
        hint: Msg | None = None,
        *,
        text: Msg | None = None,
    ) -> None:
        said = text or msg("expression-forbidden", what=what)
        self.problems.append(problem("expression-forbidden", said, self.span(node)[0], hint))

    def convert(self, node: py.expr, depth: int, *, in_list: bool) -> nodes.Expr | None:
        if depth > MAX_DEPTH:
            if not self.too_deep:
                self.too_deep = True
                self.problems.append(_too_deep(self.span(node)[0]))
            return None
        offset, end = self.span(node)
        forbidden = _FORBIDDEN_NODES.get(type(node))
        if forbidden is not None:
            hint = msg("expression-forbidden.list-hint") if isinstance(node, py.Tuple) else None
            self.forbid(node, forbidden, hint)
            if not isinstance(node, py.JoinedStr):
                self.convert_all(py.iter_child_nodes(node), depth + 1)
            return None
        method = getattr(self, "convert_" + type(node).__name__, None)
        if method is None:
            self.forbid(node, msg("construct.other", name=type(node).__name__))
            return None
        result: nodes.Expr | None = method(node, offset, end, depth + 1)
        if isinstance(result, nodes.ListExpr) and not in_list:
            what = msg("expression-forbidden.list-outside-in")
            self.forbid(node, what, msg("expression-forbidden.list-only-in"))
            return None
        return result

    def convert_all(self, children: Iterable[py.AST], depth: int) -> list[nodes.Expr | None]:
        return [self.convert(c, depth, in_list=False) for c in children if isinstance(c, py.expr)]

    def op_offset(self, before: py.expr, after: py.expr, token: str) -> int:
        """Where the operator ``token`` between two operands starts."""
        start, stop = self.span(before)[1], self.span(after)[0]
        found = self.text.find(token, start, stop)
        return found if found >= 0 else start

    def forbid_operator(self, op: py.AST, offset: int) -> None:
        what, hint = _OPERATORS[type(op)][1], _OPERATOR_HINTS.get(type(op))
        self.problems.append(
            problem("expression-forbidden", msg("expression-forbidden", what=what), offset, hint)
        )

    def convert_Constant(self, node: py.Constant, offset: int, end: int, depth: int) -> nodes.Expr | None:
        value = node.value
        if isinstance(value, bool) or value is None or isinstance(value, str):
            return nodes.Constant(value, offset=offset, end=end)
        if isinstance(value, int | float) and not isinstance(value, bool):
            if isinstance(value, float) and not math.isfinite(value):
                self.forbid(
                    node, None, text=msg("expression-forbidden.too-large", number=self.text[offset:end])
                )
                return None
            if offset in self.percents:
                literal = self.text[offset : self.percents[offset]].replace("_", "")
                percent = float(Decimal(literal) / 100)
                return nodes.Constant(percent, True, offset=offset, end=self.percents[offset] + 1)
            return nodes.Constant(value, offset=offset, end=end)
        what = {bytes: "construct.bytes", complex: "construct.complex"}.get(type(value), "construct.literal")
        self.forbid(node, msg(what))
        return None

    def convert_Name(self, node: py.Name, offset: int, end: int, depth: int) -> nodes.Expr:
        if node.id in KEYWORD_CONSTANTS:
            return nodes.Constant(KEYWORD_CONSTANTS[node.id], offset=offset, end=end)
        return nodes.Name(node.id, offset=offset, end=end)

    def convert_List(self, node: py.List, offset: int, end: int, depth: int) -> nodes.Expr | None:
        items = self.convert_all(node.elts, depth)
        clean = [i for i in items if i is not None]
        return nodes.ListExpr(tuple(clean), offset=offset, end=end) if len(clean) == len(items) else None

    def convert_Attribute(self, node: py.Attribute, offset: int, end: int, depth: int) -> nodes.Expr | None:
        value = self.convert(node.value, depth, in_list=False)
        if value is None:
            return None
        if not isinstance(value, nodes.Name | nodes.Attribute):
            key = "literal-fields" if isinstance(value, nodes.Constant) else "computed-fields"
            hint = msg("expression-forbidden.fields-hint")
            self.forbid(node, None, hint, text=msg(f"expression-forbidden.{key}"))
            return None
        return nodes.Attribute(value, node.attr, end - len(node.attr), offset=offset, end=end)

    def convert_UnaryOp(self, node: py.UnaryOp, offset: int, end: int, depth: int) -> nodes.Expr | None:
        operand = self.convert(node.operand, depth, in_list=False)
        if isinstance(node.op, py.USub | py.Not):
            op = "-" if isinstance(node.op, py.USub) else "not"
            return None if operand is None else nodes.UnaryOp(op, operand, offset=offset, end=end)
        self.forbid_operator(node.op, offset)
        return None

    def convert_BinOp(self, node: py.BinOp, offset: int, end: int, depth: int) -> nodes.Expr | None:
        left = self.convert(node.left, depth, in_list=False)
        ops = {py.Add: "+", py.Sub: "-", py.Mult: "*", py.Div: "/"}
        op = ops.get(type(node.op))
        if op is None:
            self.forbid_operator(node.op, self.op_offset(node.left, node.right, _OPERATORS[type(node.op)][0]))
        right = self.convert(node.right, depth, in_list=False)
        if op is None or left is None or right is None:
            return None
        return nodes.BinOp(op, left, right, offset=offset, end=end)

    def convert_BoolOp(self, node: py.BoolOp, offset: int, end: int, depth: int) -> nodes.Expr | None:
        values = self.convert_all(node.values, depth)
        clean = tuple(v for v in values if v is not None)
        if len(clean) != len(values):
            return None
        op = "and" if isinstance(node.op, py.And) else "or"
        return nodes.BoolOp(op, clean, offset=offset, end=end)

    def convert_Compare(self, node: py.Compare, offset: int, end: int, depth: int) -> nodes.Expr | None:
        names = {py.Eq: "==", py.NotEq: "!=", py.Lt: "<", py.LtE: "<=", py.Gt: ">", py.GtE: ">="}
        names |= {py.In: "in", py.NotIn: "not in"}
        left = self.convert(node.left, depth, in_list=False)
        ops: list[str] = []
        comparators: list[nodes.Expr | None] = []
        previous = node.left
        for op, comparator in zip(node.ops, node.comparators, strict=True):
            name = names.get(type(op))
            if name is None:
                self.forbid_operator(op, self.op_offset(previous, comparator, "is"))
            previous = comparator
            ops.append(name or "")
            comparators.append(self.convert(comparator, depth, in_list=name in ("in", "not in")))
        if left is None or "" in ops or None in comparators:
            return None
        clean = tuple(c for c in comparators if c is not None)
        return nodes.Compare(left, tuple(ops), clean, offset=offset, end=end)

    def convert_IfExp(self, node: py.IfExp, offset: int, end: int, depth: int) -> nodes.Expr | None:
        body = self.convert(node.body, depth, in_list=False)
        test = self.convert(node.test, depth, in_list=False)
        orelse = self.convert(node.orelse, depth, in_list=False)
        if body is None or test is None or orelse is None:
            return None
        return nodes.IfExp(test, body, orelse, offset=offset, end=end)

    def convert_Call(self, node: py.Call, offset: int, end: int, depth: int) -> nodes.Expr | None:
        ok = True
        if not isinstance(node.func, py.Name):
            known = len(self.problems)
            if not isinstance(node.func, py.Attribute):
                self.convert(node.func, depth, in_list=False)
            if len(self.problems) == known:
                what = msg(
                    "construct.call-field"
                    if isinstance(node.func, py.Attribute)
                    else "construct.call-computed"
                )
                self.forbid(node, what, msg("expression-forbidden.call-hint"))
            ok = False
        args = self.convert_all(node.args, depth)
        weight: nodes.Expr | None = None
        for keyword in node.keywords:
            if keyword.arg != "weight":
                what = (
                    msg("construct.double-star")
                    if keyword.arg is None
                    else msg("construct.keyword", name=keyword.arg)
                )
                self.forbid(keyword, what, msg("expression-forbidden.keyword-hint"))
                self.convert(keyword.value, depth, in_list=False)
                ok = False
                continue
            weight = self.convert(keyword.value, depth, in_list=False)
            ok = ok and weight is not None
        clean = tuple(a for a in args if a is not None)
        if not ok or len(clean) != len(args) or not isinstance(node.func, py.Name):
            return None
        return nodes.Call(node.func.id, clean, weight, offset=offset, end=end)


__all__ = ["MAX_DEPTH", "MAX_LENGTH", "ExpressionDiagnostic", "parse", "problem"]
