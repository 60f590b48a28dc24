"""Rapport: the project file, the format-neutral document and the build."""

from __future__ import annotations

from redovisa.report.build import build_document, report_period
from redovisa.report.document import SCHEMA, Document
from redovisa.report.project import PROJECT_FILE, Project, load_project

__all__ = [
    "PROJECT_FILE",
    "SCHEMA",
    "Document",
    "Project",
    "build_document",
    "load_project",
    "report_period",
]
