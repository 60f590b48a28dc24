"""Diagnostic codes of goals.toml (prefix GOAL) and of the KPI readers (prefix KPI)."""

from __future__ import annotations

from redovisa.core.diagnostic_codes import register
from redovisa.core.diagnostics import Severity

E, W = Severity.ERROR, Severity.WARNING

# -- goals.toml --------------------------------------------------------------------------------
SYNTAX = register("GOAL010", E, "goals.toml är inte giltig TOML",
    "The file cannot be parsed as TOML; the message gives the line and column.")  # fmt: skip
UNKNOWN_KEY = register("GOAL011", E, "Okänd nyckel i goals.toml",
    "A key that goals.toml does not define (often a misspelling); it is ignored.")  # fmt: skip
BAD_VALUE = register("GOAL012", E, "Ogiltigt eller saknat värde i goals.toml",
    "A required key is missing or a value has the wrong type or an unknown choice; the"
    " målvärde is shown as not measured.")  # fmt: skip
MISSING_FIGURE = register("GOAL013", W, "Nyckeltal saknas för målvärdet",
    "A figure named in a målvärde's expression was not supplied (or is hidden by"
    " suppression), so the målvärde cannot be measured.")  # fmt: skip
TYPED_CONTRADICTS = register("GOAL014", W, "Angiven bedömning motsäger mätningen",
    "goals.toml types an assessment that the measured value contradicts; the measured"
    " assessment is shown.")  # fmt: skip
# -- KPI files -----------------------------------------------------------------------------------
KPI_UNREADABLE = register("KPI001", E, "KPI-filen kan inte läsas",
    "The KPI file is missing, empty, or not valid CSV/XLSX.")  # fmt: skip
KPI_MISSING_COLUMN = register("KPI002", E, "Kolumn saknas i KPI-filen",
    "A required column is missing from the header of a KPI file.")  # fmt: skip
KPI_BAD_VALUE = register("KPI003", E, "Ogiltigt värde i KPI-filen",
    "A cell cannot be read (a timestamp not in ISO 8601, a negative or non-numeric wait"
    " time or value, an unknown call outcome, an empty queue or category). The row is left"
    " out.")  # fmt: skip
KPI_CLOSED_BEFORE = register("KPI004", E, "Ärendet avslutas före det skapas",
    "A ticket's closing time is earlier than its creation time. The row is left out.")  # fmt: skip
KPI_DUPLICATE = register("KPI005", W, "Dubblett i KPI-serien",
    "The same series id and period appear twice; the first value is used.")  # fmt: skip
