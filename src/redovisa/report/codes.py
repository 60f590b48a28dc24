"""Diagnostic codes of the project file redovisa.toml (CFG...)."""

from __future__ import annotations

from redovisa.core.diagnostic_codes import register
from redovisa.core.diagnostics import Severity

UNKNOWN_KEY = register(
    "CFG001",
    Severity.ERROR,
    "Okänd nyckel i redovisa.toml",
    "An unknown section or key in the project file.",
)
MISSING_KEY = register(
    "CFG002",
    Severity.ERROR,
    "Nyckel saknas i redovisa.toml",
    "A required key of the project file is missing.",
)
BAD_VALUE = register(
    "CFG003",
    Severity.ERROR,
    "Felaktigt värde i redovisa.toml",
    "A value has the wrong type or is not one of the allowed values.",
)
MISSING_FILE = register(
    "CFG004", Severity.ERROR, "Källfilen finns inte", "A file named in [sources] does not exist."
)
DUPLICATE_YEAR = register(
    "CFG005",
    Severity.ERROR,
    "Två huvudböcker för samma år",
    "Two ledger files both have vouchers for the same fiscal year.",
)
BAD_TOML = register(
    "CFG006",
    Severity.ERROR,
    "redovisa.toml är inte giltig TOML",
    "The project file cannot be parsed.",
)


# -- narrative text and report definitions (render engineer; docs/rendering.md) --------------
UNKNOWN_REFERENCE = register(
    "NAR001",
    Severity.ERROR,
    "Hänvisningen i texten finns inte",
    "A bound expression {{ ... }} in a text/*.md file names a table,"
    " row or column that the report does not have.",
)
BAD_EXPRESSION = register(
    "NAR002",
    Severity.ERROR,
    "Felaktigt uttryck i texten",
    "A bound expression {{ ... }} cannot be parsed or computed"
    " (syntax, unknown format, division by zero, text in arithmetic).",
)
MISSING_TEXT = register(
    "NAR003",
    Severity.WARNING,
    "Textfilen saknas",
    "The report definition names a narrative file that the project's text"
    " folder does not have; the section is shown without text.",
)
UNUSED_TEXT = register(
    "NAR004",
    Severity.WARNING,
    "Textfilen används inte",
    "A Markdown file in the project's text folder belongs to no section of the"
    " report definition (often a misspelt file name).",
)
BAD_DEFINITION = register(
    "DEF001",
    Severity.ERROR,
    "Felaktig rapportdefinition",
    "The report definition (section order and titles) has an unknown key,"
    " a missing key or a wrong value.",
)
UNKNOWN_CONTENT = register(
    "DEF002",
    Severity.WARNING,
    "Innehållet i rapportdefinitionen finns inte",
    "A section of the report definition names a table or chart that the"
    " report does not have; it is left out.",
)

__all__ = [
    "BAD_DEFINITION",
    "BAD_EXPRESSION",
    "BAD_TOML",
    "BAD_VALUE",
    "DUPLICATE_YEAR",
    "MISSING_FILE",
    "MISSING_KEY",
    "MISSING_TEXT",
    "UNKNOWN_CONTENT",
    "UNKNOWN_KEY",
    "UNKNOWN_REFERENCE",
    "UNUSED_TEXT",
]
