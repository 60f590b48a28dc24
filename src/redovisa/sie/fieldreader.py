"""Typed access to the fields of a lexed record, reporting what is wrong with them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from redovisa.sie import codes
from redovisa.sie.lexer import Field, Record
from redovisa.sie.records import ObjectRef, SieFile
from redovisa.sie.reporter import Reporter
from redovisa.sie.validate import FileChecks
from redovisa.sie.values import (
    is_account,
    object_refs,
    parse_amount,
    parse_date,
    parse_int,
    parse_quantity,
    why_amount,
    why_date,
)


class FieldReader:
    """Typed access to the fields of a record, reporting what is wrong."""

    sie: SieFile
    report: Reporter
    checks: FileChecks

    def opt(self, rec: Record, i: int, line: int) -> str | None:
        """Field ``i`` as text; None when absent, empty or blank; an object list is malformed."""
        if i >= len(rec.fields):
            return None
        f = rec.fields[i]
        if isinstance(f, tuple):
            self.report.add(
                codes.MALFORMED,
                line,
                f"{rec.name}: fält {i + 1} är en objektlista {{...}}, "
                "men här ska stå en text; rätta raden",
            )
            return None
        return f if f and not f.isspace() else None

    def need(self, rec: Record, i: int, line: int, what: str) -> str | None:
        """Mandatory field ``i``; reports SIE010 when it is missing."""
        value = self.opt(rec, i, line)
        if value is None and (i >= len(rec.fields) or rec.fields[i] == ""):
            self.report.add(
                codes.MALFORMED, line, f"{rec.name}: {what} saknas (fält {i + 1}); rätta raden"
            )
        return value

    def date_field(
        self, rec: Record, i: int, line: int, what: str, *, required: bool
    ) -> date | None:
        """A date field; returns the date, None, or reports SIE013."""
        text = self.opt(rec, i, line)
        if text is None:
            if required:
                self.report.add(codes.BAD_DATE, line, f"{rec.name}: {what} saknas; skriv ÅÅÅÅMMDD")
            return None
        value = parse_date(text)
        if value is None:
            self.report.add(codes.BAD_DATE, line, f"{rec.name}: {why_date(text)} ({what})")
        return value

    def amount_field(self, rec: Record, i: int, line: int) -> Decimal | None:
        """A mandatory amount; reports SIE010 (missing) or SIE014 (malformed)."""
        text = self.need(rec, i, line, "belopp")
        if text is None:
            return None
        value = parse_amount(text)
        if value is None:
            self.report.add(codes.BAD_AMOUNT, line, f"{rec.name}: {why_amount(text)}")
        return value

    def quantity_field(self, rec: Record, i: int, line: int) -> Decimal | None:
        """An optional quantity; reports SIE015."""
        text = self.opt(rec, i, line)
        if text is None:
            return None
        value = parse_quantity(text)
        if value is None:
            self.report.add(
                codes.BAD_NUMBER, line, f"{rec.name}: kvantiteten '{text}' är inte ett tal"
            )
        return value

    def int_field(self, rec: Record, i: int, line: int, what: str) -> int | None:
        """A mandatory whole number; reports SIE010 or SIE015."""
        text = self.need(rec, i, line, what)
        if text is None:
            return None
        value = parse_int(text)
        if value is None:
            self.report.add(
                codes.BAD_NUMBER, line, f"{rec.name}: {what} '{text}' är inte ett heltal"
            )
        return value

    def account_field(self, rec: Record, i: int, line: int) -> str | None:
        """A mandatory account number; a non-numeric one is reported (SIE016) but kept."""
        text = self.need(rec, i, line, "kontonummer")
        if text is not None and not is_account(text):
            self.report.add(
                codes.BAD_ACCOUNT,
                line,
                f"{rec.name}: kontonumret '{text}' innehåller annat än siffror; rätta kontoplanen",
            )
        return text

    def objects_field(self, f: Field, rec: Record, line: int) -> tuple[ObjectRef, ...] | None:
        """An object list ``{dim obj ...}``; reports SIE010 when it is not pairs."""
        if isinstance(f, str):
            self.report.add(
                codes.MALFORMED, line, f"{rec.name}: objektlista {{...}} saknas; rätta raden"
            )
            return None
        refs = object_refs(f)
        if refs is None:
            self.report.add(
                codes.MALFORMED,
                line,
                f"{rec.name}: objektlistan {{{' '.join(f)}}} ska bestå av par av "
                "dimension och objekt; rätta raden",
            )
            return None
        for dim, _obj in refs:
            if parse_int(dim) is None:
                self.report.add(
                    codes.BAD_NUMBER,
                    line,
                    f"{rec.name}: dimensionen '{dim}' i objektlistan är inte ett nummer",
                )
        return refs
