"""Line numbers for TOML keys: tomllib gives values, not positions, so find them in the text.

Good enough for diagnostics: headers (``[a]``, ``[[a]]``, ``[a."b"]``) are matched by name,
keys by ``name =`` at the start of a line, counting the n-th array-of-tables entry.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_\-]+)\s*=")


def _norm(name: str) -> str:
    return ".".join(part.strip().strip("\"'") for part in name.split("."))


class TomlPositions:
    """Where sections and keys stand in a TOML text (1-based lines)."""

    def __init__(self, text: str) -> None:
        # (header name, occurrence index, line) in order; "" is the top level
        self._sections: list[tuple[str, int, int]] = [("", 0, 1)]
        self._keys: dict[tuple[str, int, str], int] = {}
        counts: dict[str, int] = {}
        current = ("", 0)
        for no, raw in enumerate(text.splitlines(), start=1):
            header = _HEADER.match(raw)
            if header and not raw.lstrip().startswith("#"):
                name = _norm(header.group(1))
                index = counts.get(name, 0)
                counts[name] = index + 1
                current = (name, index)
                self._sections.append((name, index, no))
                continue
            key = _KEY.match(raw)
            if key:
                self._keys.setdefault((current[0], current[1], _norm(key.group(1))), no)

    def section(self, name: str, index: int = 0) -> int | None:
        """Line of the ``index``-th header ``[name]`` or ``[[name]]``."""
        for sec, i, line in self._sections:
            if sec == name and i == index:
                return line
        return None

    def key(self, section: str, key: str, index: int = 0) -> int | None:
        """Line of ``key =`` inside the ``index``-th ``section`` (or the section line)."""
        line = self._keys.get((section, index, key))
        if line is not None:
            return line
        dotted = f"{section}.{key}" if section else key
        found = self.section(dotted)
        return found if found is not None else self.section(section, index)


__all__ = ["TomlPositions"]
