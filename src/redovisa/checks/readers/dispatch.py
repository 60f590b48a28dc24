"""Pick the reader by file extension; unreadable input is a diagnostic, not an exception."""

from __future__ import annotations

import json
from pathlib import Path

from redovisa.checks.build import report_from_raw
from redovisa.checks.model import CheckedReport
from redovisa.checks.readers.base import RawDocument
from redovisa.checks.readers.json_report import report_from_json
from redovisa.core import diagnostic_codes
from redovisa.core.diagnostics import Diagnostic, Severity, SourceRef

RDR001 = diagnostic_codes.register(
    "RDR001",
    Severity.ERROR,
    "Rapporten kan inte läsas",
    "The file given to redovisa check cannot be read in the format its extension names.",
)
RDR002 = diagnostic_codes.register(
    "RDR002",
    Severity.WARNING,
    "Inga tabeller hittades",
    "The report was read but no table was found in it, so no figure could be checked.",
)

SUFFIXES = (".md", ".markdown", ".txt", ".text", ".html", ".htm", ".docx", ".xlsx", ".pdf", ".json")


def _raw(path: Path) -> RawDocument:
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        from redovisa.checks.readers.html import read_html  # noqa: PLC0415

        return read_html(path.read_text(encoding="utf-8", errors="replace"))
    if suffix == ".docx":
        from redovisa.checks.readers.docx import read_docx  # noqa: PLC0415

        return read_docx(path)
    if suffix == ".xlsx":
        from redovisa.checks.readers.xlsx import read_xlsx  # noqa: PLC0415

        return read_xlsx(path)
    if suffix == ".pdf":
        from redovisa.checks.readers.pdf import read_pdf  # noqa: PLC0415

        return read_pdf(path)
    from redovisa.checks.readers.text import read_text  # noqa: PLC0415

    return read_text(path.read_text(encoding="utf-8", errors="replace"))


def read_report(path: str | Path) -> tuple[CheckedReport | None, list[Diagnostic]]:
    """Read any supported report into the checks' model, with problems as diagnostics."""
    p = Path(path)
    where = SourceRef(str(path))
    if p.is_dir():
        candidate = p / "build" / "report.json"
        if not candidate.is_file():
            msg = f"Katalogen har ingen build/report.json; kör först redovisa build {path}."
            return None, [Diagnostic(RDR001, Severity.ERROR, msg, where)]
        p = candidate
    try:
        if p.suffix.lower() == ".json":
            data = json.loads(p.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not an object")
            report = report_from_json(data)
        else:
            report = report_from_raw(_raw(p), str(path))
    except ImportError as e:
        msg = f"Formatet kräver ett tillägg som inte är installerat ({e.name}); installera redovisa[office] eller redovisa[pdf]."  # noqa: E501
        return None, [Diagnostic(RDR001, Severity.ERROR, msg, where)]
    except (OSError, ValueError, KeyError) as e:
        msg = f"Filen kan inte läsas som rapport: {e}"
        return None, [Diagnostic(RDR001, Severity.ERROR, msg, where)]
    except Exception as e:
        msg = f"Filen kan inte läsas som rapport ({type(e).__name__}): {e}"
        return None, [Diagnostic(RDR001, Severity.ERROR, msg, where)]
    report.path = str(path)
    diags: list[Diagnostic] = []
    if not report.tables:
        diags.append(
            Diagnostic(RDR002, Severity.WARNING, "Inga tabeller hittades i rapporten.", where)
        )
    return report, diags
