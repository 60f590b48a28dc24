"""Voucher records: ``#VER`` with its ``{ }`` block of ``#TRANS``, ``#RTRANS``, ``#BTRANS`` rows.

A mixin of :class:`redovisa.sie.machine.SieParser`. ``#VER`` opens a voucher, its rows stand
between ``{`` and ``}`` (a ``{`` at the end of the ``#VER`` line is tolerated). ``#RTRANS`` is
kept as a row of kind RTRANS and its twin ``#TRANS`` (same account, objects and amount, on the
next row) is dropped; ``#BTRANS`` is kept with kind BTRANS and never counts. A missing object
list in a row is tolerated. Plain ``#TRANS`` rows take a fast path (:data:`FAST_TRANS`) that
gives the same result as the full one.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from redovisa.sie import codes
from redovisa.sie.fastbuild import make_posting, make_voucher
from redovisa.sie.fieldreader import FieldReader
from redovisa.sie.lexer import Field, Record, split_object_list
from redovisa.sie.records import Posting, TransKind, Voucher
from redovisa.sie.values import (
    object_refs,
    parse_amount,
    parse_date,
    parse_quantity,
    why_amount,
    why_date,
)

# A plain #TRANS row: account, object list without escapes, amount, optional date and text.
FAST_TRANS = re.compile(
    r'#TRANS[ \t]++([0-9]++)[ \t]++\{([^"}]*+(?:"[^"\\}]*+"[^"}]*+)*+)\}[ \t]*+'
    r"(-?[0-9]++(?:\.[0-9][0-9]?)?+)"
    r'(?:[ \t]++([0-9]{8}+|"[0-9]{8}"|"")(?:[ \t]++("[^"\\]*+"|[^ \t"{}]++))?+)?+',
    re.ASCII,
)
NO_BLOCK, AWAIT_BLOCK, IN_BLOCK = 0, 1, 2
"""Block states: no voucher open, #VER read and ``{`` awaited, inside ``{ }``."""

# (series, number, date, text, reg_date, sign, line)
VerHead = tuple[str, str, date | None, str | None, date | None, str | None, int]


class VoucherRecords(FieldReader):
    """Handlers for #VER and its rows; the parser state of the open voucher."""

    _ver: VerHead | None
    _block: int
    _rows: list[Posting]
    _rtrans: Posting | None
    _damaged: bool
    _fast_objects: dict[str, tuple[tuple[str, str], ...]]

    # -- vouchers ------------------------------------------------------------------------------
    def r_ver(self, rec: Record, line: int) -> None:
        """#VER serie vernr verdatum vertext regdatum sign."""
        series = self.opt(rec, 0, line) or ""
        number = self.opt(rec, 1, line) or ""
        if len(rec.fields) < 2:
            self.report.add(codes.MALFORMED, line, "#VER: serie och nummer saknas; rätta raden")
        day = self._voucher_date(rec, line)
        text = self.opt(rec, 3, line)
        reg = self.date_field(rec, 4, line, "registreringsdatum", required=False)
        sign = self.opt(rec, 5, line)
        self._ver = (series, number, day, text, reg, sign, line)
        self._block = AWAIT_BLOCK
        self._rows = []
        self._rtrans = None
        self._damaged = False

    def _voucher_date(self, rec: Record, line: int) -> date | None:
        text = self.opt(rec, 2, line)
        value = parse_date(text) if text else None
        if value is None:
            why = why_date(text or "")
            hint = ""
            second = rec.fields[1] if len(rec.fields) > 1 else ""
            if isinstance(second, str) and parse_date(second) is not None:
                hint = "; serie eller nummer verkar saknas före datumet"
            self.report.add(
                codes.BAD_DATE,
                line,
                f"#VER: verifikationsdatum: {why}{hint}; rätta verifikationen",
            )
        return value

    def _open_brace(self, lineno: int) -> None:
        if self._ver is not None and self._block == AWAIT_BLOCK:
            self._block = IN_BLOCK
            return
        where = "inne i en verifikation" if self._block == IN_BLOCK else "utan föregående #VER"
        self.report.add(
            codes.MALFORMED, lineno, f"{{ står {where}; ta bort raden eller lägg till #VER"
        )

    def _close_brace(self, lineno: int) -> Voucher | None:
        if self._ver is None:
            self.report.add(
                codes.MALFORMED, lineno, "} står utan öppen verifikation; ta bort raden"
            )
            return None
        if self._block == AWAIT_BLOCK:
            self.report.add(
                codes.MALFORMED,
                lineno,
                f"verifikationen på rad {self._ver[6]} saknar {{ före raderna; lägg till {{",
            )
        return self._emit()

    def _close_unterminated(self, lineno: int) -> Voucher:
        head = self._ver
        assert head is not None
        if self._block == IN_BLOCK:
            self.report.add(
                codes.UNTERMINATED_BRACE,
                head[6],
                f"verifikation {head[0]} {head[1]} avslutas inte med }} före rad {lineno}; "
                "lägg till }",
            )
        elif not self._rows:
            self.report.add(
                codes.MALFORMED,
                head[6],
                f"verifikation {head[0]} {head[1]} följs inte av {{ och }} med "
                "transaktionsrader; rätta filen",
            )
        return self._emit()

    def _emit(self) -> Voucher:
        head = self._ver
        assert head is not None
        if self._rtrans is not None:
            self._missing_twin(self._rtrans)
        v = make_voucher(
            head[0], head[1], head[2], head[3], head[4], head[5], tuple(self._rows), head[6]
        )
        self.checks.voucher(v, damaged=self._damaged)
        self._ver = None
        self._block = NO_BLOCK
        self._rows = []
        self._rtrans = None
        return v

    def _missing_twin(self, p: Posting) -> None:
        self.report.add(
            codes.RTRANS_WITHOUT_TWIN,
            p.line,
            f"#RTRANS för konto {p.account} följs inte av en likadan #TRANS (som SIE kräver "
            "för äldre läsare); raden räknas en gång",
        )
        self._rtrans = None

    def _trans(self, kind: TransKind, name: str, fields: list[Field], lineno: int) -> None:
        if self._ver is None:
            self.report.add(
                codes.TRANS_OUTSIDE_VOUCHER,
                lineno,
                f"{name} står utanför en verifikation; transaktionsrader ska stå mellan {{ och }} "
                "efter en #VER",
            )
            return
        if self._block == AWAIT_BLOCK:
            self.report.add(
                codes.MALFORMED,
                lineno,
                f"{{ saknas mellan #VER på rad {self._ver[6]} och {name}; lägg till {{",
            )
            self._block = IN_BLOCK
        p = self._posting(kind, name, fields, lineno)
        if p is None:
            self._damaged = True
            return
        twin = self._rtrans
        if twin is not None:
            self._rtrans = None
            if (
                kind is TransKind.TRANS
                and p.account == twin.account
                and p.amount == twin.amount
                and p.objects == twin.objects
            ):
                return
            self._missing_twin(twin)
        if kind is TransKind.RTRANS:
            self._rtrans = p
        self._rows.append(p)

    def _fast_trans(self, m: re.Match[str], lineno: int) -> bool:
        """Append a plain #TRANS row matched by the fast pattern; False: use the full path."""
        account, raw_objects, amount, day_text, text = m.groups()
        objects = self._fast_objects.get(raw_objects)
        if objects is None:
            items, bad = split_object_list(raw_objects)
            refs = None if bad else object_refs(items)
            if refs is None or not all(d.isdigit() for d, _ in refs):
                return False
            if len(self._fast_objects) < 100_000:
                self._fast_objects[raw_objects] = refs
            objects = refs
        day = None
        if day_text:
            if day_text[0] == '"':
                day_text = day_text[1:-1]
            if day_text:
                day = parse_date(day_text)
                if day is None:
                    return False
        if text and text[0] == '"':
            text = text[1:-1]
        self._rows.append(
            make_posting(
                account,
                Decimal(amount),
                objects,
                day,
                text or None,
                None,
                None,
                TransKind.TRANS,
                lineno,
            )
        )
        return True

    def _posting(self, kind: TransKind, name: str, f: list[Field], lineno: int) -> Posting | None:
        n = len(f)
        acc = f[0] if n else ""
        if not isinstance(acc, str) or not acc:
            self.report.add(codes.MALFORMED, lineno, f"{name}: kontonummer saknas; rätta raden")
            return None
        if not acc.isdigit() or not acc.isascii():
            self.report.add(
                codes.BAD_ACCOUNT,
                lineno,
                f"{name}: kontonumret '{acc}' innehåller annat än siffror; rätta raden",
            )
        i = 1
        objects: tuple[tuple[str, str], ...] = ()
        if n > 1 and isinstance(f[1], tuple):
            i = 2
            refs = object_refs(f[1]) if f[1] else ()
            if refs is None:
                rec = Record(name, f)
                refs = self.objects_field(f[1], rec, lineno)
                if refs is None:
                    return None
            objects = refs
        if i >= n or f[i] == "":
            self.report.add(codes.MALFORMED, lineno, f"{name}: belopp saknas; rätta raden")
            return None
        text = f[i]
        amount = parse_amount(text) if isinstance(text, str) else None
        if amount is None:
            self.report.add(codes.BAD_AMOUNT, lineno, f"{name}: {why_amount(str(text))}")
            return None
        day = None
        trans_text = quantity = sign = None
        if n > i + 1:
            rest = [x if isinstance(x, str) else None for x in f[i + 1 : i + 5]]
            if None in rest:
                self.report.add(
                    codes.MALFORMED, lineno, f"{name}: oväntad objektlista {{...}}; rätta raden"
                )
            rest += [None] * (4 - len(rest))
            d_text, trans_text, q_text, sign = rest
            if d_text:
                day = parse_date(d_text)
                if day is None:
                    self.report.add(
                        codes.BAD_DATE, lineno, f"{name}: {why_date(d_text)} (transaktionsdatum)"
                    )
            if q_text:
                quantity = parse_quantity(q_text)
                if quantity is None:
                    self.report.add(
                        codes.BAD_NUMBER, lineno, f"{name}: kvantiteten '{q_text}' är inte ett tal"
                    )
            trans_text = trans_text or None
            sign = sign or None
        return make_posting(acc, amount, objects, day, trans_text, quantity, sign, kind, lineno)
