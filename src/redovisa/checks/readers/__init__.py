"""Readers of external reports: Markdown/text, HTML, DOCX, XLSX, PDF and report.json."""

from __future__ import annotations

from redovisa.checks.readers.base import RawCell, RawDocument, RawTable

__all__ = ["RawCell", "RawDocument", "RawTable"]
