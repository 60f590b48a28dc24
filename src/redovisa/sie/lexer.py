"""Lexer: one decoded SIE line -> label and fields.

SIE lexical rules (spec 4B §5.3-5.10, digest in ``standards.md`` §1.3):

* a record starts with ``#LABEL`` (any case) after optional indentation;
* fields are separated by one or more spaces or tabs;
* a field may be quoted; inside quotes ``\\"`` is a quote, and a backslash that is not followed
  by a quote is a literal backslash;
* ``{dim obj dim obj}`` is an object list, ids quoted or not; ``{}`` and ``{ }`` are empty;
* a ``{`` or ``}`` alone on a line opens or closes the rows of a voucher; a trailing ``{`` on
  the ``#VER`` line is tolerated.

The lexer knows nothing of record types. A field is a ``str`` (the value, quotes removed and
``\\"`` unescaped) or an :data:`ObjectList` (a tuple of the strings inside the braces).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import TypeAlias

ObjectList: TypeAlias = tuple[str, ...]
"""The items of an object list ``{1 "456" 6 "47"}`` -> ``("1", "456", "6", "47")``."""

Field: TypeAlias = str | ObjectList


class LineKind(Enum):
    """What a line is, before its label is looked at."""

    BLANK = 0
    RECORD = 1
    BLOCK_OPEN = 2
    BLOCK_CLOSE = 3
    OTHER = 4  # text that is not a record


class LexProblem(Enum):
    """A lexical problem found in a record line (the parser turns it into a diagnostic)."""

    UNTERMINATED_QUOTE = "quote"
    UNTERMINATED_BRACE = "brace"


@dataclass(slots=True)
class Record:
    """One lexed record line."""

    label: str
    """The label as written, ``#`` included (``#trans`` stays ``#trans``)."""
    fields: list[Field]
    problem: LexProblem | None = None
    block_open: bool = False
    """True when the line ended with a lone ``{`` (tolerated on the ``#VER`` line)."""

    @property
    def name(self) -> str:
        """The label in upper case, ``#`` included, for dispatch."""
        return self.label.upper()


# A quoted field: possessive so that `"abc\"` is unterminated instead of `abc\`.
_Q = r'"(?:\\"|[^"])*+"'
# One token at top level: quoted | object list | bare | an unterminated quote or brace.
_TOKEN = re.compile(
    rf'({_Q})|(\{{(?:{_Q}|[^"}}])*+\}})|([^ \t"{{][^ \t]*)|(["{{].*)',
)
# One item inside an object list.
_ITEM = re.compile(rf'{_Q}|[^ \t"}}]+|"')
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def classify(line: str) -> LineKind:
    """Say whether ``line`` is blank, a record, a block brace or other text."""
    s = line.strip(" \t\r")
    if not s:
        return LineKind.BLANK
    if s[0] == "#":
        return LineKind.RECORD
    if s == "{":
        return LineKind.BLOCK_OPEN
    if s == "}":
        return LineKind.BLOCK_CLOSE
    return LineKind.OTHER


def unquote(token: str) -> str:
    """The value of a quoted token (enclosing quotes removed, ``\\"`` -> ``"``)."""
    inner = token[1:-1]
    if "\\" in inner:
        inner = inner.replace('\\"', '"')
    return inner


def split_object_list(inner: str) -> tuple[ObjectList, bool]:
    """Items of an object list given the text between its braces; flag True if a quote is open."""
    items: list[str] = []
    bad = False
    for tok in _ITEM.findall(inner):
        if tok[0] == '"':
            if len(tok) == 1:
                bad = True
                continue
            items.append(unquote(tok))
        else:
            items.append(tok)
    return tuple(items), bad


def _split_simple_quotes(text: str) -> list[Field] | None:
    """Fast path for ASCII text with quotes but no braces or backslashes; None if unsure."""
    parts = text.split('"')
    last = len(parts) - 1
    if last % 2:
        return None
    out: list[Field] = []
    for i, seg in enumerate(parts):
        if i % 2:
            out.append(seg)
            continue
        if seg:
            if i and seg[0] not in " \t":
                return None
            if i < last and seg[-1] not in " \t":
                return None
            out.extend(seg.split())
    return out


def lex_fields(text: str) -> tuple[list[Field], LexProblem | None, bool]:
    """Fields of the part of a record line after its label.

    Returns the fields, the first lexical problem (if any) and whether the line ended with a
    lone ``{`` (which is then not a field).
    """
    if "{" not in text and text.isascii():
        if '"' not in text:
            return [*text.split()], None, False
        if "\\" not in text:
            simple = _split_simple_quotes(text)
            if simple is not None:
                return simple, None, False
    fields: list[Field] = []
    problem: LexProblem | None = None
    block_open = False
    for quoted, objects, bare, rest in _TOKEN.findall(text):
        if quoted:
            fields.append(unquote(quoted))
        elif objects:
            items, bad = split_object_list(objects[1:-1])
            if bad and problem is None:
                problem = LexProblem.UNTERMINATED_QUOTE
            fields.append(items)
        elif bare:
            fields.append(bare)
        elif rest:
            if rest[0] == '"':
                problem = problem or LexProblem.UNTERMINATED_QUOTE
                value = rest[1:].rstrip(" \t")
                fields.append(value.replace('\\"', '"'))
            elif rest.rstrip(" \t") == "{":
                block_open = True
            else:
                problem = problem or LexProblem.UNTERMINATED_BRACE
                items, _bad = split_object_list(rest[1:])
                fields.append(items)
            break
    return fields, problem, block_open


def lex_record(line: str) -> Record | None:
    """Lex a record line (one that starts with ``#`` after indentation); None otherwise."""
    s = line.strip(" \t\r")
    if not s or s[0] != "#":
        return None
    cut = len(s)
    for sep in (" ", "\t"):
        i = s.find(sep)
        if 0 <= i < cut:
            cut = i
    fields, problem, block_open = lex_fields(s[cut:])
    return Record(s[:cut], fields, problem, block_open)


def has_control_chars(line: str) -> bool:
    """True when ``line`` contains ASCII control characters other than tab (CR at end allowed)."""
    return _CONTROL.search(line.rstrip("\r")) is not None


def quote(value: str) -> str:
    """Write ``value`` as a field the lexer reads back unchanged (quoted when needed).

    Quotes are written ``\\"``. A value ending in a backslash cannot be written so that
    ``\\"`` is not read as an escaped quote; SIE has no escape for the backslash itself.
    """
    if value and not any(c in value for c in ' \t"{}') and value[0] != "#":
        return value
    return '"' + value.replace('"', '\\"') + '"'
