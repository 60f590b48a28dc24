"""Checks across records: vouchers, the fiscal years and the file as a whole.

Works in streaming mode: :class:`FileChecks` sees each voucher once, keeps per-account sums per
month, the ids of the vouchers and the first line where each account and dimension is used, and
nothing per row. Memory grows with accounts, months and voucher ids, not with rows.

The balance checks (#IB + the year's rows = #UB, #RES = the year's rows) also stand alone as
:func:`balance_diagnostics`, for callers that sum the rows elsewhere (the ledger import
sums them in SQL).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal

from redovisa.core.diagnostics import Diagnostic
from redovisa.sie import codes
from redovisa.sie.records import (
    AccountType,
    BalanceKind,
    FiscalYearRecord,
    SieFile,
    TransKind,
    Voucher,
)
from redovisa.sie.reporter import Reporter
from redovisa.sie.values import fmt_amount

ZERO = Decimal(0)
_BTRANS = TransKind.BTRANS
RESERVED_DIMENSIONS = frozenset(str(n) for n in range(1, 20))
"""Dimensions 1-19 are reserved by SIE and need no #DIM."""

Month = int
"""A month as ``YYYYMM``."""


def month_of(day: date) -> Month:
    """``date(2024, 3, 5)`` -> ``202403``."""
    return day.year * 100 + day.month


def _vid(v: Voucher) -> str:
    return f"{v.series} {v.number}".strip() or "utan serie och nummer"


class FileChecks:
    """Per-voucher checks, and the sums the whole-file checks need."""

    def __init__(self, report: Reporter, sie: SieFile) -> None:
        self.report = report
        self.sie = sie
        self.movements: dict[Month, dict[str, Decimal]] = {}
        self.undated: dict[str, Decimal] = {}
        self.declared: set[str] = set()
        """Accounts declared by #KONTO (#KTYP, #ENHET, #SRU alone do not declare one)."""
        self.used_accounts: dict[str, int | None] = {}
        self.used_dims: dict[str, int | None] = {}
        self.voucher_ids: dict[tuple[str, str], tuple[int | None, int]] = {}
        self._seen_objects: set[tuple[tuple[str, str], ...]] = set()
        self._bucket_of: dict[date, dict[str, Decimal]] = {}
        self._date_ok: dict[date, bool] = {}
        self._years_known = 0
        self.vouchers = 0
        self.rows = 0

    def use_account(self, account: str, line: int | None) -> None:
        """Note that ``account`` is used (first use is kept for the message)."""
        if account not in self.used_accounts:
            self.used_accounts[account] = line

    def use_dims(self, objects: tuple[tuple[str, str], ...], line: int | None) -> None:
        """Note the dimensions of an object list."""
        for dim, _obj in objects:
            if dim not in self.used_dims:
                self.used_dims[dim] = line

    def voucher(self, v: Voucher, *, damaged: bool = False) -> None:
        """Check one closed voucher and add its rows to the sums.

        ``damaged`` says a row of it could not be read (already reported): then the voucher's
        balance is not judged again.
        """
        self.vouchers += 1
        postings = v.postings
        day = v.date
        if day is None:
            bucket = self.undated
        else:
            cached = self._bucket_of.get(day)
            bucket = cached if cached is not None else self._date_bucket(v, day)
        total = ZERO
        used = self.used_accounts
        seen_objects = self._seen_objects
        get = bucket.get
        for p in postings:
            acc = p.account
            if acc not in used:
                used[acc] = p.line
            objects = p.objects
            if objects and objects not in seen_objects:
                seen_objects.add(objects)
                self.use_dims(objects, p.line)
            if p.kind is not _BTRANS:
                amount = p.amount
                total += amount
                bucket[acc] = get(acc, ZERO) + amount
        self.rows += len(postings)
        if v.number:
            first = postings[0].amount if postings else None
            self._check_number(v, hash((day, v.text, len(postings), first)))
        if total and not damaged:
            self.report.add(
                codes.UNBALANCED_VOUCHER,
                v.line,
                f"verifikation {_vid(v)} balanserar inte: raderna summerar till "
                f"{fmt_amount(total)} i stället för 0.00 (#BTRANS räknas inte, #RTRANS "
                "räknas); rätta verifikationen i bokföringssystemet och exportera om filen",
            )
        elif not postings and not damaged:
            self.report.add(
                codes.EMPTY_VOUCHER,
                v.line,
                f"verifikation {_vid(v)} har inga transaktionsrader; ta bort den eller "
                "exportera om filen",
            )

    def _date_bucket(self, v: Voucher, day: date) -> dict[str, Decimal]:
        """The movement bucket of ``day``'s month; checks the date against #RAR once per date."""
        years = [fy for fy in self.sie.fiscal_years if fy.start <= fy.end]
        if len(years) != self._years_known:
            self._years_known = len(years)
            self._date_ok.clear()
        ok = self._date_ok.get(day)
        if ok is None:
            ok = not years or any(fy.start <= day <= fy.end for fy in years)
            if len(self._date_ok) < 100_000:
                self._date_ok[day] = ok
        if not ok:
            self.report.add(
                codes.DATE_OUTSIDE_YEAR,
                v.line,
                f"verifikation {_vid(v)} har datum {day:%Y%m%d}, som ligger utanför "
                "räkenskapsåren i #RAR; kontrollera datumet eller #RAR",
            )
            return self.movements.setdefault(month_of(day), {})
        bucket = self.movements.setdefault(month_of(day), {})
        if len(self._bucket_of) < 100_000 and years:
            self._bucket_of[day] = bucket
        return bucket

    def _check_number(self, v: Voucher, fingerprint: int) -> None:
        key = (v.series, v.number)
        first = self.voucher_ids.get(key)
        if first is None:
            self.voucher_ids[key] = (v.line, fingerprint)
            return
        where = f" (rad {first[0]})" if first[0] is not None else ""
        if first[1] == fingerprint:
            self.report.add(
                codes.DUPLICATE_VOUCHER,
                v.line,
                f"verifikation {_vid(v)} finns redan{where} med samma datum, text och belopp: "
                "den finns två gånger i filen och skulle räknas dubbelt; exportera om filen",
            )
        else:
            self.report.add(
                codes.REUSED_VOUCHER_NUMBER,
                v.line,
                f"verifikationsnumret {_vid(v)} används redan{where} av en annan verifikation; "
                "båda läses in, men numren i en serie ska vara unika",
            )

    def year_movements(self, fy: FiscalYearRecord | None) -> dict[str, Decimal]:
        """Sum of counted rows per account for vouchers dated in ``fy`` (all if None)."""
        out: dict[str, Decimal] = {}
        lo = month_of(fy.start) if fy else 0
        hi = month_of(fy.end) if fy else 999999
        for ym, bucket in self.movements.items():
            if lo <= ym <= hi:
                for acc, amount in bucket.items():
                    out[acc] = out.get(acc, ZERO) + amount
        if fy is None:
            for acc, amount in self.undated.items():
                out[acc] = out.get(acc, ZERO) + amount
        return out

    def finish(self, *, judge_content: bool = True) -> None:
        """Run the whole-file checks (call once, after the last record)."""
        sie, report = self.sie, self.report
        check_fiscal_years(sie, report)
        for b in sie.balances:
            self.use_account(b.account, b.line)
        if self.declared or sie.balances:
            for acc, line in sorted(self.used_accounts.items(), key=lambda kv: kv[1] or 0):
                if acc not in self.declared:
                    report.add(
                        codes.UNDECLARED_ACCOUNT,
                        line,
                        f"konto {acc} används men saknar #KONTO; lägg till kontot i "
                        "kontoplanen och exportera om filen",
                    )
        for dim, line in sorted(self.used_dims.items(), key=lambda kv: kv[1] or 0):
            if dim not in sie.dimensions and dim not in RESERVED_DIMENSIONS:
                report.add(
                    codes.UNDECLARED_DIMENSION,
                    line,
                    f"dimension {dim} används i en objektlista men saknar #DIM; lägg till "
                    f"#DIM {dim} eller rätta objektlistan",
                )
        if judge_content and not sie.balances and not self.vouchers:
            report.add(
                codes.ONLY_HEADER,
                None,
                "filen innehåller varken saldon (#IB, #UB, #RES ...) eller verifikationer; "
                "exportera med saldon och/eller verifikationer",
            )
        if self.vouchers:
            fy = sie.year(0)
            if fy is not None or len(sie.fiscal_years) == 0:
                balance_checks(sie, self.year_movements(fy), report)


def check_fiscal_years(sie: SieFile, report: Reporter) -> None:
    """#RAR: each year ends after it starts, indexes are unique, years follow without gaps."""
    by_index: dict[int, FiscalYearRecord] = {}
    for fy in sie.fiscal_years:
        if fy.end < fy.start:
            report.add(
                codes.BAD_FISCAL_YEAR,
                fy.line,
                f"räkenskapsår {fy.index} slutar ({fy.end:%Y%m%d}) före det börjar "
                f"({fy.start:%Y%m%d}); rätta #RAR",
            )
        if fy.index in by_index:
            report.add(
                codes.BAD_FISCAL_YEAR,
                fy.line,
                f"räkenskapsår {fy.index} anges två gånger i #RAR; ta bort den ena",
            )
        by_index[fy.index] = fy
    for index, fy in sorted(by_index.items()):
        prev = by_index.get(index - 1)
        if prev is None or prev.end < prev.start or fy.end < fy.start:
            continue
        if prev.end + timedelta(days=1) != fy.start:
            report.add(
                codes.BAD_FISCAL_YEAR,
                fy.line,
                f"räkenskapsår {fy.index} börjar {fy.start:%Y%m%d} men år {prev.index} slutar "
                f"{prev.end:%Y%m%d}; åren ska följa på varandra utan glapp eller överlapp",
            )


def balance_checks(sie: SieFile, movements: Mapping[str, Decimal], report: Reporter) -> None:
    """IB(0) + movements = UB(0) for balance accounts, RES(0) = movements for result accounts.

    An account counts as a balance account when it has #IB or #UB for year 0 or #KTYP T/S, as a
    result account when it has #RES for year 0 or #KTYP K/I. Accounts that are neither are not
    judged (a missing balance record may mean zero or may mean unknown). Only account totals
    (no object rows) are compared. Each mismatch is a warning with the account and amounts.
    """
    ib: dict[str, Decimal] = {}
    ub: dict[str, Decimal] = {}
    res: dict[str, Decimal] = {}
    lines: dict[str, int | None] = {}
    for b in sie.balances:
        if b.year != 0 or b.objects:
            continue
        if b.kind is BalanceKind.IB:
            ib[b.account] = b.amount
            lines.setdefault(b.account, b.line)
        elif b.kind is BalanceKind.UB:
            ub[b.account] = b.amount
            lines[b.account] = b.line
        elif b.kind is BalanceKind.RES:
            res[b.account] = b.amount
            lines[b.account] = b.line
    if not (ib or ub or res):
        return
    typed = {n: a.type for n, a in sie.accounts.items() if a.type is not None}
    balance_accounts = set(ib) | set(ub)
    balance_accounts |= {n for n, t in typed.items() if t in (AccountType.T, AccountType.S)}
    result_accounts = set(res)
    result_accounts |= {n for n, t in typed.items() if t in (AccountType.K, AccountType.I)}
    for acc in sorted(balance_accounts):
        opening = ib.get(acc, ZERO)
        moved = movements.get(acc, ZERO)
        closing = ub.get(acc, ZERO)
        if opening + moved != closing:
            report.add(
                codes.IB_UB_MISMATCH,
                lines.get(acc),
                f"konto {acc}: IB {fmt_amount(opening)} + årets transaktioner "
                f"{fmt_amount(moved)} = {fmt_amount(opening + moved)}, men UB är "
                f"{fmt_amount(closing)} (skillnad {fmt_amount(closing - opening - moved)}); "
                "kontrollera att filen innehåller alla verifikationer för året",
            )
    for acc in sorted(result_accounts):
        moved = movements.get(acc, ZERO)
        total = res.get(acc, ZERO)
        if total != moved:
            report.add(
                codes.RES_MISMATCH,
                lines.get(acc),
                f"konto {acc}: RES är {fmt_amount(total)} men årets transaktioner summerar "
                f"till {fmt_amount(moved)} (skillnad {fmt_amount(total - moved)}); "
                "kontrollera att filen innehåller alla verifikationer för året",
            )


def balance_diagnostics(
    sie: SieFile, movements: Mapping[str, Decimal], path: str
) -> list[Diagnostic]:
    """:func:`balance_checks` for callers that sum the year's rows themselves.

    ``movements`` maps each account to the sum of its counted rows (#TRANS and #RTRANS, not
    #BTRANS) dated in fiscal year 0; the result is the SIE025/SIE026 diagnostics.
    """
    report = Reporter(path)
    balance_checks(sie, movements, report)
    return report.finish()
