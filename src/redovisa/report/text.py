"""Berättande text: Markdown sections whose figures are bound expressions.

A narrative file (``text/*.md``) is Markdown. A figure in it is written as a bound
expression, ``{{ rr.resultat }}``, and replaced by the figure as the tables show it, the
Swedish way ("1 718 tkr"). So the text cannot contradict the tables. A reference to
something the report does not have is an error with file, line and column (NAR001); an
expression that cannot be read or computed is NAR002. See docs/rendering.md for the syntax:

    {{ rr.resultat }}                       row ``resultat`` of the resultaträkning, first column
    {{ rr.resultat.prognos }}               ... in column ``prognos``
    {{ drift.81141.avvikelse }}             a driftredovisning row by key
    {{ drift."81141 IT".prognos | abs }}    a row by its label; filters after ``|``
    {{ langfristiga | mnkr }}               in millions ("16 mnkr")
    {{ 100 * rr.resultat.prognos / nyckeltal.omsattning.prognos | procent }}

After binding, the text is parsed as Markdown (markdown-it-py, CommonMark) into a small
format-neutral block model (:class:`Paragraph`, :class:`Heading`, :class:`BulletList` of
:class:`Run`) that every renderer writes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, DivisionByZero, InvalidOperation
from difflib import get_close_matches
from pathlib import Path
from typing import TypeAlias

from redovisa.core.diagnostics import Diagnostic, Severity, SourceRef
from redovisa.core.table import Table
from redovisa.report.blocks import (
    Block,
    BulletList,
    Heading,
    Paragraph,
    Run,
    parse_markdown,
    plain_text,
)
from redovisa.report.codes import BAD_EXPRESSION, UNKNOWN_REFERENCE
from redovisa.report.numfmt import format_money, format_number, format_percent
from redovisa.statements.table import StatementTable

AnyTable: TypeAlias = StatementTable | Table

# Short names for the tables a narrative refers to most (DESIGN.md §4 ids work as well).
ALIASES: dict[str, str] = {
    "rr": "resultatrakning",
    "br": "balansrakning",
    "kf": "kassaflodesanalys",
    "drift": "driftredovisning",
    "invest": "investeringsredovisning",
    "balanskrav": "balanskravsutredning",
    "nyckeltal": "finansiella_nyckeltal",
    "sjuk_alder": "sjukfranvaro_alder",
    "sjuk_kon": "sjukfranvaro_kon",
    "mal": "maluppfyllelse",
}
FILTERS = ("abs", "neg", "kr", "tkr", "mnkr", "procent", "tal", "decimal")

_EXPR = re.compile(r"\{\{(.*?)\}\}")
_TOKEN = re.compile(
    r"""\s*(?:
      (?P<num>\d+(?:\.\d+)?)(?![\w:"])
    | (?P<ref>[A-Za-z_][\w:]*(?:\.(?:[\w:]+|"[^"]*"))*)
    | (?P<op>[-+*/()])
    )""",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Value:
    """A bound value: exact ``number`` with its kind (``money`` in kronor, ``percent``,
    ``number``), or ``text`` shown as is (a cell with words)."""

    kind: str
    number: Decimal | None = None
    text: str | None = None


class ExprError(Exception):
    """A problem in one expression; ``code`` is NAR001 or NAR002."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def slug(text: str) -> str:
    """A row label as an ASCII key: ``"30–49 år"`` -> ``30_49_ar``."""
    table = str.maketrans("åäöÅÄÖéÉüÜ", "aaoAAOeEuU")
    return re.sub(r"[^a-z0-9]+", "_", text.translate(table).lower()).strip("_")


@dataclass(slots=True)
class Scope:
    """Everything an expression may name: tables by id and plain values by name."""

    tables: Mapping[str, AnyTable]
    unit: str = "tkr"
    values: Mapping[str, Value] = field(default_factory=dict)

    def lookup(self, path: list[str]) -> Value:
        """Resolve ``table.row[.column]`` (or a plain value name)."""
        joined = ".".join(path)
        if joined in self.values:
            return self.values[joined]
        head = ALIASES.get(path[0], path[0])
        table = self.tables.get(head)
        if table is None:
            names = sorted(set(self.tables) | {a for a, t in ALIASES.items() if t in self.tables})
            raise ExprError(
                UNKNOWN_REFERENCE,
                f"tabellen '{path[0]}' finns inte i rapporten"
                + _hint(path[0], names + sorted(self.values)),
            )
        if len(path) < 2 or len(path) > 3:
            raise ExprError(
                UNKNOWN_REFERENCE, f"'{joined}': skriv tabell.rad eller tabell.rad.kolumn"
            )
        row, column = path[1], path[2] if len(path) == 3 else None
        if isinstance(table, StatementTable):
            return _statement_value(table, row, column)
        return _table_value(table, row, column)


def _hint(name: str, choices: list[str]) -> str:
    close = get_close_matches(name, choices, n=3, cutoff=0.5)
    return f"; menade du {' eller '.join(close)}?" if close else ""


def _column(ids: list[str], column: str | None, table_id: str) -> str:
    if column is None:
        return "utfall" if "utfall" in ids else ids[0]
    if column not in ids:
        raise ExprError(
            UNKNOWN_REFERENCE,
            f"kolumnen '{column}' finns inte i {table_id} (kolumner: {', '.join(ids)})",
        )
    return column


def _statement_value(table: StatementTable, row: str, column: str | None) -> Value:
    match = next((ln for ln in table.rows if ln.key == row), None)
    if match is None:
        match = next((ln for ln in table.rows if row in (ln.label, slug(ln.label))), None)
    if match is None or match.kind == "heading":
        keys = [ln.key for ln in table.rows if ln.kind != "heading"]
        raise ExprError(
            UNKNOWN_REFERENCE, f"raden '{row}' finns inte i {table.id}" + _hint(row, keys)
        )
    col = _column([c.id for c in table.columns], column, table.id)
    number = match.values.get(col)
    if number is None:
        raise ExprError(UNKNOWN_REFERENCE, f"{table.id}.{row} har inget värde i kolumnen {col}")
    return Value("percent" if match.unit == "procent" else "money", number)


def _table_value(table: Table, row: str, column: str | None) -> Value:
    match = next((r for r in table.rows if row in (r.label, slug(r.label))), None)
    if match is None:
        keys = [slug(r.label) for r in table.rows if r.kind != "heading"]
        raise ExprError(
            UNKNOWN_REFERENCE, f"raden '{row}' finns inte i {table.id}" + _hint(row, keys)
        )
    col = _column([c.id for c in table.columns], column, table.id)
    cell = match.cells.get(col)
    if cell is None:
        raise ExprError(UNKNOWN_REFERENCE, f"{table.id}.{row} har inget värde i kolumnen {col}")
    if cell.value is None:
        return Value("text", text=cell.text)
    kind = "percent" if table.id.startswith("sjukfranvaro") else "number"
    return Value(kind, Decimal(cell.value))


class _Parser:
    """Recursive descent over + - * / and parentheses; values are exact Decimals."""

    def __init__(self, text: str, scope: Scope) -> None:
        self.tokens: list[tuple[str, str]] = []
        pos = 0
        text = text.rstrip()
        while pos < len(text):
            m = _TOKEN.match(text, pos)
            if m is None or m.end() == pos:
                raise ExprError(BAD_EXPRESSION, f"kan inte läsa '{text[pos:].strip()}'")
            kind = m.lastgroup or ""
            self.tokens.append((kind, m.group(kind)))
            pos = m.end()
        self.i = 0
        self.scope = scope

    def parse(self) -> Value:
        if not self.tokens:
            raise ExprError(BAD_EXPRESSION, "tomt uttryck")
        value = self.expr()
        if self.i != len(self.tokens):
            raise ExprError(BAD_EXPRESSION, f"oväntat '{self.tokens[self.i][1]}'")
        return value

    def _peek(self) -> str | None:
        return self.tokens[self.i][1] if self.i < len(self.tokens) else None

    def expr(self) -> Value:
        left = self.term()
        while self._peek() in ("+", "-"):
            op = self.tokens[self.i][1]
            self.i += 1
            left = _combine(left, op, self.term())
        return left

    def term(self) -> Value:
        left = self.factor()
        while self._peek() in ("*", "/"):
            op = self.tokens[self.i][1]
            self.i += 1
            left = _combine(left, op, self.factor())
        return left

    def factor(self) -> Value:
        if self.i >= len(self.tokens):
            raise ExprError(BAD_EXPRESSION, "uttrycket tar slut för tidigt")
        kind, text = self.tokens[self.i]
        self.i += 1
        if text == "-" and kind == "op":
            return _combine(Value("number", Decimal(0)), "-", self.factor())
        if text == "(":
            value = self.expr()
            if self._peek() != ")":
                raise ExprError(BAD_EXPRESSION, "')' saknas")
            self.i += 1
            return value
        if kind == "num":
            return Value("number", Decimal(text))
        if kind == "ref":
            return self.scope.lookup(_split_ref(text))
        raise ExprError(BAD_EXPRESSION, f"oväntat '{text}'")


def _split_ref(text: str) -> list[str]:
    return [p.strip('"') for p in re.findall(r'"[^"]*"|[^.]+', text)]


def _combine(a: Value, op: str, b: Value) -> Value:
    if a.number is None or b.number is None:
        raise ExprError(BAD_EXPRESSION, "en text kan inte räknas med")
    try:
        if op in "+-":
            number = a.number + b.number if op == "+" else a.number - b.number
            kind = a.kind if b.kind in (a.kind, "number") else b.kind
            if a.kind == "number":
                kind = b.kind
            return Value(kind, number)
        if op == "*":
            kind = a.kind if b.kind == "number" else b.kind if a.kind == "number" else "number"
            return Value(kind, a.number * b.number)
        kind = a.kind if b.kind == "number" else "number"
        return Value(kind, a.number / b.number)
    except (DivisionByZero, InvalidOperation) as e:
        raise ExprError(BAD_EXPRESSION, "division med noll") from e


def evaluate(expression: str, scope: Scope) -> str:
    """The text an expression (with its filters) shows; raises :class:`ExprError`."""
    expr, *filters = (part.strip() for part in expression.split("|"))
    value = _Parser(expr, scope).parse()
    unit = scope.unit
    places: int | None = None
    for f in filters:
        name, _, arg = f.partition(" ")
        if name not in FILTERS:
            raise ExprError(BAD_EXPRESSION, f"okänt format '{name}' (finns: {', '.join(FILTERS)})")
        number = value.number
        if number is None:
            raise ExprError(BAD_EXPRESSION, f"formatet '{name}' kan inte användas på en text")
        if name == "abs":
            value = Value(value.kind, abs(number))
        elif name == "neg":
            value = Value(value.kind, -number)
        elif name in ("kr", "tkr", "mnkr"):
            unit = name
        elif name == "procent":
            value = Value("percent", number)
        elif name == "tal":
            value = Value("number", number)
        else:
            if not arg.strip().isdigit():
                raise ExprError(BAD_EXPRESSION, "skriv antal decimaler: | decimal 1")
            places = int(arg)
    if value.number is None:
        return value.text or ""
    if value.kind == "money":
        if unit in ("kr", "tkr", "mnkr") and places is None:
            return format_money(value.number, unit)
        raise ExprError(BAD_EXPRESSION, "belopp visas i kr, tkr eller mnkr")
    if value.kind == "percent":
        return format_percent(value.number, 1 if places is None else places)
    return format_number(value.number, 0 if places is None else places)


def bind(text: str, path: str, scope: Scope) -> tuple[str, list[Diagnostic]]:
    """Replace every ``{{ ... }}`` in ``text``; errors name ``path``, line and column."""
    diags: list[Diagnostic] = []
    out_lines: list[str] = []
    for no, line in enumerate(text.splitlines(), start=1):

        def replace(m: re.Match[str], no: int = no, line: str = line) -> str:
            try:
                return evaluate(m.group(1), scope)
            except ExprError as e:
                diags.append(
                    Diagnostic(
                        e.code,
                        Severity.ERROR,
                        f"{{{{{m.group(1)}}}}}: {e.message}",
                        SourceRef(path, no, m.start() + 1),
                    )
                )
                return m.group(0)

        before = len(diags)
        bound = _EXPR.sub(replace, line)
        if "{{" in _EXPR.sub("", bound) and len(diags) == before:
            col = bound.index("{{") + 1
            diags.append(
                Diagnostic(
                    BAD_EXPRESSION,
                    Severity.ERROR,
                    "'{{' utan avslutande '}}' på samma rad",
                    SourceRef(path, no, col),
                )
            )
        out_lines.append(bound)
    return "\n".join(out_lines) + ("\n" if text.endswith("\n") else ""), diags


def load_narrative(path: Path, shown: str, scope: Scope) -> tuple[list[Block], list[Diagnostic]]:
    """Read, bind and parse one narrative file."""
    text = path.read_text(encoding="utf-8")
    bound, diags = bind(text, shown, scope)
    return parse_markdown(bound), diags


__all__ = [
    "ALIASES",
    "FILTERS",
    "Block",
    "BulletList",
    "ExprError",
    "Heading",
    "Paragraph",
    "Run",
    "Scope",
    "Value",
    "bind",
    "evaluate",
    "load_narrative",
    "parse_markdown",
    "plain_text",
    "slug",
]
