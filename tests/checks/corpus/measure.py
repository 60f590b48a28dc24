"""Recall and precision of the checks on the generated corpus.

``python -m tests.checks.corpus.measure`` prints the table that docs/checks.md shows.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tests.checks.corpus.generate import Report, corpus, to_html, to_json, to_markdown

from redovisa.checks import check_file
from redovisa.core.diagnostics import Diagnostic, Severity


def write(rep: Report, fmt: str, folder: Path, name: str) -> tuple[Path, Path | None]:
    """Write a report (and its prior, if any) in the given format."""
    path = folder / f"{name}.{fmt}"
    if fmt == "md":
        path.write_text(to_markdown(rep), encoding="utf-8")
    elif fmt == "txt":
        path.write_text(to_markdown(rep, tabs=True), encoding="utf-8")
    elif fmt == "html":
        path.write_text(to_html(rep), encoding="utf-8")
    else:
        path.write_text(json.dumps(to_json(rep), ensure_ascii=False), encoding="utf-8")
    prior = None
    if rep.prior is not None:
        prior = folder / f"{name}.prior.json"
        prior.write_text(json.dumps(to_json(rep, rep.prior), ensure_ascii=False), encoding="utf-8")
    return path, prior


@dataclass
class Measure:
    """Counts over the corpus: findings of error and warning severity ("flagged")."""

    injected: int = 0
    detected: int = 0
    errors: int = 0
    true_errors: int = 0
    clean_reports: int = 0
    clean_errors: int = 0
    clean_warnings: int = 0
    missed: list[str] = field(default_factory=list)
    false: list[Diagnostic] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.detected / self.injected if self.injected else 1.0

    @property
    def precision(self) -> float:
        return self.true_errors / self.errors if self.errors else 1.0


def measure(variants: int = 3) -> Measure:
    """Write every corpus report, check it and count."""
    m = Measure()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, rep, injection, fmt in corpus(variants):
            path, prior = write(rep, fmt, folder, name)
            flagged = [d for d in check_file(path, prior) if d.severity is not Severity.INFO]
            found = flagged
            m.errors += len(found)
            if injection is None:
                m.clean_reports += 1
                m.clean_errors += sum(1 for d in found if d.severity is Severity.ERROR)
                m.clean_warnings += sum(1 for d in found if d.severity is Severity.WARNING)
                m.false += found
                continue
            m.injected += 1
            if any(d.code in injection.codes for d in found):
                m.detected += 1
            else:
                m.missed.append(f"{name} ({fmt})")
            ok = injection.codes | injection.also
            m.true_errors += sum(1 for d in found if d.code in ok)
            m.false += [d for d in found if d.code not in ok]
    return m


if __name__ == "__main__":
    result = measure()
    print(f"injected errors: {result.injected}, detected: {result.detected}")
    print(f"recall: {result.recall:.1%}, precision: {result.precision:.1%}")
    print(
        f"clean reports: {result.clean_reports}, error findings on them: {result.clean_errors}, "
        f"warnings: {result.clean_warnings}"
    )
    for name in result.missed:
        print("missed:", name)
    for d in result.false:
        print("false:", d.code, d.where, d.message[:160])
