"""Where a key is in a TOML file: tomllib gives values but no line numbers.

:func:`key_lines` scans the text once and maps every table and key to its first line, by
path: ``("area", 0, "target", 1, "measure")`` for the key ``measure`` in the second
``[[area.target]]`` of the first ``[[area]]``. It understands table headers, arrays of
tables, ``key =`` lines (bare or quoted keys, dotted keys by their first part) and skips
comments and multi-line strings. Keys inside inline tables are not located; callers fall
back to the enclosing table's line.
"""

from __future__ import annotations

import re

__all__ = ["Path", "key_lines", "line_of"]

Path = tuple[str | int, ...]

_ARRAY = re.compile(r"\[\[\s*([^\]]+?)\s*\]\]")
_TABLE = re.compile(r"\[\s*([^\]]+?)\s*\]")
_KEY = re.compile(r"(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+)\s*(?:\.|=)")


def _parts(header: str) -> list[str]:
    return [p.strip().strip("\"'") for p in header.split(".")]


def key_lines(text: str) -> dict[Path, int]:
    """First line of every table and key, by path (1-based line numbers)."""
    counters: dict[Path, int] = {}
    out: dict[Path, int] = {}
    current: Path = ()
    in_string: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if in_string is not None:
            if in_string in stripped:
                in_string = None
            continue
        if not stripped or stripped.startswith("#"):
            continue
        array = _ARRAY.match(stripped)
        table = None if array else _TABLE.match(stripped)
        if array or table:
            match = array or table
            assert match is not None
            parts = _parts(match.group(1))
            path: Path = ()
            for k, part in enumerate(parts):
                path += (part,)
                if k < len(parts) - 1 and path in counters:
                    path += (counters[path] - 1,)
            if array:
                index = counters.get(path, 0)
                counters[path] = index + 1
                path += (index,)
            current = path
            out.setdefault(current, number)
            continue
        key = _KEY.match(stripped)
        if key:
            out.setdefault((*current, key.group(1).strip("\"'")), number)
        for quote in ('"""', "'''"):
            if stripped.count(quote) == 1:
                in_string = quote
    return out


def line_of(lines: dict[Path, int], path: Path) -> int | None:
    """The line of ``path``, or of the nearest enclosing table that has one."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None
