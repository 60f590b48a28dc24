"""Records outside vouchers: identification, chart of accounts, dimensions and balances.

A mixin of :class:`redovisa.sie.parser.SieParser`: one method per label, each taking the lexed
record and its line. Missing optional fields are ``None``; an empty quoted optional field
(``""``) is also ``None``. Extra unknown trailing fields are ignored (spec §7.3).

Plain ``#PSALDO``/``#PBUDGET`` lines (the bulk of a big file's header) take a fast path
(:data:`FAST_BALANCE`) that gives the same result as the full one; anything else, and anything
the full path would say something about, takes the full path.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from redovisa.sie import codes
from redovisa.sie.checksum import Checksum
from redovisa.sie.fastbuild import make_balance
from redovisa.sie.fieldreader import FieldReader
from redovisa.sie.lexer import Field, ObjectList, Record, split_object_list
from redovisa.sie.records import (
    Account,
    AccountType,
    Address,
    Balance,
    BalanceKind,
    Dimension,
    DimensionObject,
    FiscalYearRecord,
    ObjectRef,
)
from redovisa.sie.values import (
    is_period,
    object_refs,
    parse_int,
)

_SIE_TYPES = frozenset({"1", "2", "3", "4"})

# A plain #PSALDO/#PBUDGET line (label in upper case, separators spaces or tabs): year, period,
# account, an optional object list without escapes or nested braces, amount, optional quantity.
FAST_BALANCE = re.compile(
    r"(#PSALDO|#PBUDGET)[ \t]++(-?[0-9]++)[ \t]++([0-9]{4}(?:0[1-9]|1[0-2]))[ \t]++([0-9]++)"
    r'[ \t]++(?:\{([^"{}\\]*+(?:"[^"{}\\]*+"[^"{}\\]*+)*+)\}[ \t]*+)?+'
    r"(-?[0-9]++(?:\.[0-9][0-9]?)?+)(?:[ \t]++(-?[0-9]++(?:\.[0-9]++)?+))?+",
    re.ASCII,
)
_FAST_KINDS = {"#PSALDO": BalanceKind.PSALDO, "#PBUDGET": BalanceKind.PBUDGET}
_FAST_OBJECTS_MAX = 100_000


class HeaderRecords(FieldReader):
    """Handlers for every SIE record that is not part of a voucher."""

    seen: set[str]
    _sum: Checksum | None
    _fast_ok: bool
    _balance_objects: dict[str, tuple[ObjectList, tuple[ObjectRef, ...]]]

    # -- identification ---------------------------------------------------------------------
    def r_flagga(self, rec: Record, line: int) -> None:
        """#FLAGGA x."""
        self.sie.flag = self.int_field(rec, 0, line, "flagga")

    def r_program(self, rec: Record, line: int) -> None:
        """#PROGRAM programnamn version."""
        self.sie.program = self.need(rec, 0, line, "programnamn")
        self.sie.program_version = self.opt(rec, 1, line)

    def r_format(self, rec: Record, line: int) -> None:
        """#FORMAT PC8."""
        value = self.need(rec, 0, line, "teckenformat")
        self.sie.format = value
        if value is not None and value.upper() != "PC8":
            self.report.add(
                codes.FORMAT_NOT_PC8,
                line,
                f"#FORMAT är '{value}', men SIE 4 tillåter bara PC8 (CP437); filen lästes "
                "med den teckenkodning som upptäcktes",
            )

    def r_gen(self, rec: Record, line: int) -> None:
        """#GEN datum sign."""
        self.sie.generated = self.date_field(rec, 0, line, "genereringsdatum", required=True)
        self.sie.generated_by = self.opt(rec, 1, line)

    def r_sietyp(self, rec: Record, line: int) -> None:
        """#SIETYP typnr."""
        value = self.need(rec, 0, line, "SIE-typ")
        self.sie.sie_type = value
        if value is not None and value not in _SIE_TYPES:
            self.report.add(
                codes.MALFORMED, line, f"#SIETYP '{value}' är ingen SIE-typ (1, 2, 3 eller 4)"
            )

    def r_prosa(self, rec: Record, line: int) -> None:
        """#PROSA text."""
        self.sie.prosa = self.opt(rec, 0, line)

    def r_ftyp(self, rec: Record, line: int) -> None:
        """#FTYP företagstyp."""
        self.sie.company_type = self.opt(rec, 0, line)

    def r_fnr(self, rec: Record, line: int) -> None:
        """#FNR företagsid."""
        self.sie.company_id = self.opt(rec, 0, line)

    def r_orgnr(self, rec: Record, line: int) -> None:
        """#ORGNR orgnr förvnr verknr."""
        self.sie.orgnr = self.opt(rec, 0, line)
        extra = [self.opt(rec, i, line) for i in range(1, len(rec.fields))]
        self.sie.orgnr_extra = tuple(x or "" for x in extra)

    def r_bkod(self, rec: Record, line: int) -> None:
        """#BKOD SNI-kod."""
        self.sie.industry_code = self.opt(rec, 0, line)

    def r_adress(self, rec: Record, line: int) -> None:
        """#ADRESS kontakt utdelningsadr postadr tel."""
        self.sie.address = Address(*(self.opt(rec, i, line) for i in range(4)))

    def r_fnamn(self, rec: Record, line: int) -> None:
        """#FNAMN företagsnamn."""
        self.sie.company_name = self.opt(rec, 0, line)

    def r_rar(self, rec: Record, line: int) -> None:
        """#RAR årsnr start slut."""
        index = self.int_field(rec, 0, line, "årsnummer")
        start = self.date_field(rec, 1, line, "startdatum", required=True)
        end = self.date_field(rec, 2, line, "slutdatum", required=True)
        if index is not None and start is not None and end is not None:
            self.sie.fiscal_years.append(FiscalYearRecord(index, start, end, line))

    def r_taxar(self, rec: Record, line: int) -> None:
        """#TAXAR år."""
        value = self.opt(rec, 0, line)
        self.sie.tax_year = value
        if value is not None and (parse_int(value) is None or len(value) != 4):
            self.report.add(codes.BAD_NUMBER, line, f"#TAXAR: '{value}' är inte ett årtal (ÅÅÅÅ)")

    def r_omfattn(self, rec: Record, line: int) -> None:
        """#OMFATTN datum."""
        self.sie.extent = self.date_field(rec, 0, line, "omfattningsdatum", required=True)

    def r_kptyp(self, rec: Record, line: int) -> None:
        """#KPTYP typ."""
        self.sie.chart_type = self.opt(rec, 0, line)

    def r_valuta(self, rec: Record, line: int) -> None:
        """#VALUTA valutakod."""
        self.sie.currency = self.opt(rec, 0, line)

    # -- chart of accounts --------------------------------------------------------------------
    def _account(self, number: str, line: int) -> Account:
        acc = self.sie.accounts.get(number)
        if acc is None:
            acc = Account(number, "", line=line)
            self.sie.accounts[number] = acc
        return acc

    def r_konto(self, rec: Record, line: int) -> None:
        """#KONTO kontonr kontonamn."""
        number = self.account_field(rec, 0, line)
        if number is None:
            return
        name = self.opt(rec, 1, line) or ""
        old = self.sie.accounts.get(number)
        if old is not None and number in self.checks.declared:
            self.report.add(
                codes.DUPLICATE_DECLARATION,
                line,
                f"konto {number} deklareras igen (förra gången rad {old.line}); den senare används",
            )
        self.checks.declared.add(number)
        if old is None:
            self.sie.accounts[number] = Account(number, name, line=line)
        else:
            self.sie.accounts[number] = replace(old, name=name, line=line)

    def r_ktyp(self, rec: Record, line: int) -> None:
        """#KTYP kontonr kontotyp (T, S, K, I)."""
        number = self.account_field(rec, 0, line)
        kind = self.need(rec, 1, line, "kontotyp")
        if number is None or kind is None:
            return
        try:
            typ = AccountType(kind.upper())
        except ValueError:
            self.report.add(
                codes.MALFORMED,
                line,
                f"#KTYP: kontotypen '{kind}' finns inte; använd T, S, K eller I",
            )
            return
        self.sie.accounts[number] = replace(self._account(number, line), type=typ)

    def r_enhet(self, rec: Record, line: int) -> None:
        """#ENHET kontonr enhet."""
        number = self.account_field(rec, 0, line)
        unit = self.need(rec, 1, line, "enhet")
        if number is not None and unit is not None:
            self.sie.accounts[number] = replace(self._account(number, line), unit=unit)

    def r_sru(self, rec: Record, line: int) -> None:
        """#SRU konto SRU-kod."""
        number = self.account_field(rec, 0, line)
        code = self.opt(rec, 1, line)  # an empty #SRU carries nothing: ignored
        if number is not None and code is not None:
            acc = self._account(number, line)
            self.sie.accounts[number] = replace(acc, sru=(*acc.sru, code))

    def r_dim(self, rec: Record, line: int) -> None:
        """#DIM dimensionsnr namn."""
        self._dimension(rec, line, parent=None)

    def r_underdim(self, rec: Record, line: int) -> None:
        """#UNDERDIM dimensionsnr namn superdimension."""
        parent = self.need(rec, 2, line, "överordnad dimension")
        self._dimension(rec, line, parent=parent)

    def _dimension(self, rec: Record, line: int, parent: str | None) -> None:
        number = self.need(rec, 0, line, "dimensionsnummer")
        if number is None:
            return
        if parse_int(number) is None:
            self.report.add(
                codes.BAD_NUMBER, line, f"{rec.name}: dimensionen '{number}' är inte ett nummer"
            )
        old = self.sie.dimensions.get(number)
        if old is not None:
            self.report.add(
                codes.DUPLICATE_DECLARATION,
                line,
                f"dimension {number} deklareras igen (förra gången rad {old.line}); den "
                "senare används",
            )
        name = self.opt(rec, 1, line) or ""
        self.sie.dimensions[number] = Dimension(number, name, parent, line)

    def r_objekt(self, rec: Record, line: int) -> None:
        """#OBJEKT dimensionsnr objektnr objektnamn."""
        dim = self.need(rec, 0, line, "dimensionsnummer")
        obj = self.need(rec, 1, line, "objektnummer")
        if dim is None or obj is None:
            return
        name = self.opt(rec, 2, line) or ""
        old = self.sie.objects.get((dim, obj))
        if old is not None:
            self.report.add(
                codes.DUPLICATE_DECLARATION,
                line,
                f"objekt {obj} i dimension {dim} deklareras igen (förra gången rad "
                f"{old.line}); den senare används",
            )
        self.sie.objects[dim, obj] = DimensionObject(dim, obj, name, line)
        self.checks.use_dims(((dim, obj),), line)

    # -- balances ------------------------------------------------------------------------------
    def r_balance(self, rec: Record, line: int) -> None:
        """#IB #UB #RES: årsnr konto saldo kvantitet."""
        kind = BalanceKind(rec.name[1:])
        year = self.int_field(rec, 0, line, "årsnummer")
        account = self.account_field(rec, 1, line)
        amount = self.amount_field(rec, 2, line)
        quantity = self.quantity_field(rec, 3, line)
        if year is None or account is None or amount is None:
            return
        self.sie.balances.append(Balance(kind, year, account, amount, quantity, line=line))

    def r_object_balance(self, rec: Record, line: int) -> None:
        """#OIB #OUB: årsnr konto {objekt} saldo kvantitet."""
        kind = BalanceKind(rec.name[1:])
        year = self.int_field(rec, 0, line, "årsnummer")
        account = self.account_field(rec, 1, line)
        self._balance_tail(rec, line, kind=kind, year=year, account=account, period=None, at=2)

    def r_period_balance(self, rec: Record, line: int) -> None:
        """#PSALDO #PBUDGET: årsnr period konto {objektlista} saldo kvantitet."""
        kind = BalanceKind(rec.name[1:])
        year = self.int_field(rec, 0, line, "årsnummer")
        period = self.need(rec, 1, line, "period")
        if period is not None and not is_period(period):
            self.report.add(
                codes.BAD_PERIOD, line, f"{rec.name}: perioden '{period}' ska skrivas ÅÅÅÅMM"
            )
            period = None
        account = self.account_field(rec, 2, line)
        if period is None:
            return
        self._balance_tail(rec, line, kind=kind, year=year, account=account, period=period, at=3)

    def _balance_tail(
        self,
        rec: Record,
        line: int,
        *,
        kind: BalanceKind,
        year: int | None,
        account: str | None,
        period: str | None,
        at: int,
    ) -> None:
        objects: tuple[ObjectRef, ...] | None = ()
        if at < len(rec.fields) and isinstance(rec.fields[at], tuple):
            objects = self.objects_field(rec.fields[at], rec, line)
            at += 1
        elif kind in (BalanceKind.OIB, BalanceKind.OUB):
            objects = self.objects_field("", rec, line)
        amount = self.amount_field(rec, at, line)
        quantity = self.quantity_field(rec, at + 1, line)
        if year is None or account is None or amount is None or objects is None:
            return
        if objects:
            self.checks.use_dims(objects, line)
        self.sie.balances.append(
            Balance(kind, year, account, amount, quantity, period, objects, line)
        )

    def _fast_balance(self, m: re.Match[str], line: int) -> bool:
        """Append a plain balance line matched by :data:`FAST_BALANCE`; False: use the full path.

        The pattern admits only what the full path reads without a word: the fields lex the
        same, year and amount parse, the period is ``YYYYMM``, the account is digits. The
        object list is split by the lexer's own function and must pair up with numeric
        dimensions (checked once per distinct list).
        """
        name, year, period, account, raw, amount, quantity = m.groups()
        items: ObjectList | None = None
        objects: tuple[ObjectRef, ...] = ()
        if raw is not None:
            hit = self._balance_objects.get(raw)
            if hit is None:
                found, bad = split_object_list(raw)
                refs = None if bad else object_refs(found)
                if refs is None or any(parse_int(d) is None for d, _ in refs):
                    return False
                hit = (found, refs)
                if len(self._balance_objects) < _FAST_OBJECTS_MAX:
                    self._balance_objects[raw] = hit
                # dimensions are noted on the first use of a list: later uses add nothing
                if refs:
                    self.checks.use_dims(refs, line)
            items, objects = hit
        if self._sum is not None:
            fields: list[Field] = [year, period, account]
            if items is not None:
                fields.append(items)
            fields.append(amount)
            if quantity is not None:
                fields.append(quantity)
            self._sum.feed(name, fields)
        self.seen.add(name)
        self.sie.balances.append(
            make_balance(
                _FAST_KINDS[name],
                int(year),
                account,
                Decimal(amount),
                None if quantity is None else Decimal(quantity),
                period,
                objects,
                line,
            )
        )
        self._fast_ok = False
        return True
