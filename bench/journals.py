"""Convert an SIE file to plain-text accounting journals, for the comparison benchmarks.

    python bench/journals.py bench/data/ledger-1m.se --hledger out.journal --beancount out.beancount

* ``--hledger``: the journal format that hledger and Ledger both read. One transaction per
  voucher, ``(A12)`` as code, one posting per counted row (``#TRANS``/``#RTRANS``; ``#BTRANS``
  rows are left out as they never count), the account as ``K<number>``, amounts without a
  commodity, the objects as hledger tags in a posting comment (``; ansvar:1100,
  verksamhet:110``; Ledger sees a comment).
* ``--beancount``: a Beancount 3 ledger. Accounts ``Assets:K1930``, ``Liabilities:K2440``,
  ``Equity:K2010``, ``Income:K801``, ``Expenses:K4010`` (from #KTYP, else from the first
  digit), opened on the first day of the fiscal year; amounts in SEK; objects as posting
  metadata.

Only the vouchers are converted (no #IB/#UB), so every tool sums the same rows. The SIE file
is read with :class:`redovisa.sie.SieStream`, so memory stays flat.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import TextIO

from redovisa.sie import AccountType, SieStream, Voucher

ROOTS = {
    AccountType.T: "Assets",
    AccountType.S: "Liabilities",
    AccountType.I: "Income",
    AccountType.K: "Expenses",
}
OBJECT_NAMES = {"1": "ansvar", "6": "projekt", "20": "verksamhet"}


def _tag(dim: str) -> str:
    return OBJECT_NAMES.get(dim, f"dim{dim}")


def _bean_root(number: str, typ: AccountType | None) -> str:
    if number.startswith("20"):
        return "Equity"
    if typ is not None:
        return ROOTS[typ]
    return {"1": "Assets", "2": "Liabilities", "3": "Income"}.get(number[:1], "Expenses")


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _hledger(v: Voucher, out: TextIO) -> None:
    day = (v.date or date(1900, 1, 1)).isoformat()
    text = (v.text or "").replace(";", ",")
    lines = [f"{day} ({v.series}{v.number}) {text}"]
    for p in v.postings:
        if not p.counts:
            continue
        line = f"    K{p.account}  {p.amount}"
        if p.objects:
            line += "  ; " + ", ".join(f"{_tag(d)}:{o}" for d, o in p.objects)
        lines.append(line)
    out.write("\n".join(lines) + "\n\n")


def _beancount(v: Voucher, accounts: dict[str, str], out: TextIO) -> None:
    day = (v.date or date(1900, 1, 1)).isoformat()
    lines = [f"{day} * {_quote(v.text or '')} ^{v.series}{v.number}"]
    for p in v.postings:
        if not p.counts:
            continue
        lines.append(f"  {accounts[p.account]}  {p.amount} SEK")
        lines.extend(f"    {_tag(d)}: {_quote(o)}" for d, o in p.objects)
    out.write("\n".join(lines) + "\n\n")


def _vouchers(stream: SieStream) -> Iterator[Voucher]:
    yield from stream.vouchers()
    errors = [d for d in stream.diagnostics if d.is_error]
    if errors:
        raise SystemExit(f"{stream.path}: {len(errors)} fel, t.ex. {errors[0].format_text()}")


def convert(sie_path: Path, hledger: Path | None, beancount: Path | None) -> int:
    """Write the requested journals; returns the number of vouchers."""
    # the chart and the fiscal year come before the vouchers: read the header first
    head = SieStream(sie_path)
    for _ in head.vouchers():
        break
    sie = head.header
    fy = sie.year(0)
    start = fy.start if fy is not None else date(1900, 1, 1)
    accounts = {n: f"{_bean_root(n, a.type)}:K{n}" for n, a in sie.accounts.items()}
    n = 0
    with ExitStack() as stack:
        h = stack.enter_context(open(hledger, "w", encoding="utf-8")) if hledger else None
        b = stack.enter_context(open(beancount, "w", encoding="utf-8")) if beancount else None
        if b is not None:
            b.write('option "operating_currency" "SEK"\n\n')
            for name in sorted(accounts.values()):
                b.write(f"{start.isoformat()} open {name} SEK\n")
            b.write("\n")
        if h is not None:
            h.write(f"; {sie.company_name or ''}: converted from {sie_path.name}\n\n")
        for v in _vouchers(SieStream(sie_path)):
            n += 1
            if h is not None:
                _hledger(v, h)
            if b is not None:
                for p in v.postings:
                    if p.account not in accounts:
                        raise SystemExit(f"konto {p.account} saknar #KONTO")
                _beancount(v, accounts, b)
    return n


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="SIE -> hledger/Ledger journal and Beancount")
    p.add_argument("sie", type=Path)
    p.add_argument("--hledger", type=Path, default=None)
    p.add_argument("--beancount", type=Path, default=None)
    a = p.parse_args(argv)
    n = convert(a.sie, a.hledger, a.beancount)
    print(f"{n} verifikationer konverterade")
    return 0


if __name__ == "__main__":
    sys.exit(main())
