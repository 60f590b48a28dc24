"""The SIE parser: a state machine fed one decoded line at a time.

:class:`SieParser` is the one parser behind every entry point of :mod:`redovisa.sie.parser`.
Feed it ``(line_number, text)`` pairs; it fills a :class:`SieFile` with everything except the
vouchers, returns each voucher when its ``}`` closes it, and collects diagnostics. Call
:meth:`SieParser.finish` after the last line for the whole-file checks.

Voucher rules: ``#VER`` opens a voucher, its rows stand between ``{`` and ``}`` (a ``{`` at the
end of the ``#VER`` line is tolerated). ``#RTRANS`` is kept as a row of kind RTRANS and its twin
``#TRANS`` (same account, objects and amount, on the next row) is dropped; ``#BTRANS`` is kept
with kind BTRANS and never counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from redovisa.core.diagnostics import Diagnostic, SourceRef
from redovisa.sie import codes
from redovisa.sie.checksum import MODULUS, Checksum
from redovisa.sie.header import FAST_BALANCE, HeaderRecords
from redovisa.sie.lexer import LexProblem, Record, lex_fields
from redovisa.sie.records import Posting, SieFile, TransKind, UnknownRecord, Voucher
from redovisa.sie.reporter import MAX_PER_CODE, Reporter
from redovisa.sie.validate import FileChecks
from redovisa.sie.values import (
    parse_int,
)
from redovisa.sie.vouchers import FAST_TRANS, IN_BLOCK, NO_BLOCK, VerHead, VoucherRecords

SUSPECT = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffd]")
"""Characters that need a closer look: control characters (not tab) and U+FFFD."""
_PRELUDE_MAX = 20
_TRANS_KINDS = {"#TRANS": TransKind.TRANS, "#RTRANS": TransKind.RTRANS, "#BTRANS": TransKind.BTRANS}

Handler = Callable[[Record, int], None]


class SieParser(VoucherRecords, HeaderRecords):
    """Parse SIE lines into a :class:`SieFile` (without vouchers) and a stream of vouchers."""

    def __init__(
        self,
        path: str,
        sie: SieFile | None = None,
        *,
        verify_checksum: bool = True,
        judge_content: bool = True,
        judge_header: bool = True,
        max_per_code: int = MAX_PER_CODE,
    ) -> None:
        self.path = path
        self.sie = sie if sie is not None else SieFile()
        self.report = Reporter(path, max_per_code)
        self.checks = FileChecks(self.report, self.sie)
        self.checks.declared.update(self.sie.accounts)  # a header read before
        self.verify_checksum = verify_checksum
        self.judge_content = judge_content
        self.judge_header = judge_header
        self.seen: set[str] = set()
        self.started = False
        self.stopped = False
        self.lines = 0
        self.check_chars = True
        """Look for control characters and U+FFFD in each line (off when the caller did)."""
        self.fast_path = True
        """Parse plain #TRANS, #PSALDO and #PBUDGET lines with one pattern each (the result is
        the same; tests switch it)."""
        self._fast_ok = False
        self._fast_objects: dict[str, tuple[tuple[str, str], ...]] = {}
        self._balance_objects = {}
        self._prelude: list[tuple[int, str]] = []
        self._first_record = ("", 0)
        self._ver: VerHead | None = None
        self._block = NO_BLOCK
        self._rows: list[Posting] = []
        self._rtrans: Posting | None = None
        self._damaged = False
        self._sum: Checksum | None = None
        self._sum_closed = False
        self._replacement_lines = 0
        self._first_replacement: int | None = None
        self.handlers: dict[str, Handler] = {
            "#FLAGGA": self.r_flagga,
            "#KSUMMA": self.r_ksumma,
            "#PROGRAM": self.r_program,
            "#FORMAT": self.r_format,
            "#GEN": self.r_gen,
            "#SIETYP": self.r_sietyp,
            "#PROSA": self.r_prosa,
            "#FTYP": self.r_ftyp,
            "#FNR": self.r_fnr,
            "#ORGNR": self.r_orgnr,
            "#BKOD": self.r_bkod,
            "#ADRESS": self.r_adress,
            "#FNAMN": self.r_fnamn,
            "#RAR": self.r_rar,
            "#TAXAR": self.r_taxar,
            "#OMFATTN": self.r_omfattn,
            "#KPTYP": self.r_kptyp,
            "#VALUTA": self.r_valuta,
            "#KONTO": self.r_konto,
            "#KTYP": self.r_ktyp,
            "#ENHET": self.r_enhet,
            "#SRU": self.r_sru,
            "#DIM": self.r_dim,
            "#UNDERDIM": self.r_underdim,
            "#OBJEKT": self.r_objekt,
            "#IB": self.r_balance,
            "#UB": self.r_balance,
            "#RES": self.r_balance,
            "#OIB": self.r_object_balance,
            "#OUB": self.r_object_balance,
            "#PSALDO": self.r_period_balance,
            "#PBUDGET": self.r_period_balance,
            "#VER": self.r_ver,
        }

    # -- feeding -------------------------------------------------------------------------------
    def feed(self, lineno: int, line: str) -> Voucher | None:
        """Parse one line (no line end); returns a voucher when this line closed one."""
        if (  # printable ASCII (most lines) has nothing SUSPECT looks for
            self.check_chars
            and not (line.isascii() and line.isprintable())
            and SUSPECT.search(line) is not None
        ):
            self._suspect(lineno, line)
        s = line.strip(" \t\r")
        if not s:
            return None
        self.lines = lineno
        if self._fast_ok and s.startswith("#TRANS"):
            m = FAST_TRANS.fullmatch(s)
            if m is not None and self._fast_trans(m, lineno):
                return None
        if s.startswith("#P") and self._ver is None and self.started and self.fast_path:
            m = FAST_BALANCE.fullmatch(s)
            if m is not None and self._fast_balance(m, lineno):
                return None
        out = self._feed(lineno, s)
        self._fast_ok = (
            self._block == IN_BLOCK
            and self._rtrans is None
            and self._sum is None
            and self.fast_path
        )
        return out

    def _feed(self, lineno: int, s: str) -> Voucher | None:
        if s[0] != "#":
            if s == "}":
                return self._close_brace(lineno)
            if s == "{":
                self._open_brace(lineno)
                return None
            if not self.started:
                self._before_start(lineno, s)
            else:
                self.report.add(
                    codes.MALFORMED,
                    lineno,
                    f"raden '{_clip(s)}' är ingen SIE-post (en post börjar med #); rätta "
                    "eller ta bort raden",
                )
            return None
        sp = s.find(" ")
        tab = s.find("\t")
        cut = sp if tab < 0 or 0 <= sp < tab else tab
        if cut < 0:
            cut = len(s)
        label = s[:cut]
        name = label.upper()
        fields, problem, block_open = lex_fields(s[cut:])
        kind = _TRANS_KINDS.get(name)
        if not self.started:
            if kind is None and name not in self.handlers:
                self._before_start(lineno, s)
                return None
            self._start(name, lineno)
        if problem is not None:
            self._lex_problem(problem, name, lineno)
            if problem is LexProblem.UNTERMINATED_BRACE:
                # the rest of the line went into the object list: nothing more to trust
                if kind is not None and self._ver is not None:
                    self._damaged = True
                return None
        if self._sum is not None and name != "#KSUMMA":
            self._sum.feed(label, fields)
        if kind is not None:
            self._trans(kind, name, fields, lineno)
            return None
        out: Voucher | None = None
        if self._ver is not None and name != "#VER" and name in self.handlers:
            out = self._close_unterminated(lineno)
        handler = self.handlers.get(name)
        rec = Record(label, fields, problem, block_open)
        if handler is None:
            self._unknown(rec, lineno)
            return out
        self.seen.add(name)
        if name == "#VER":
            out = self._close_unterminated(lineno) if self._ver is not None else None
            handler(rec, lineno)
            if block_open:
                self._block = IN_BLOCK
            return out
        if block_open:
            self.report.add(
                codes.MALFORMED, lineno, f"{name}: en ensam {{ i slutet av raden hör inte hit"
            )
        handler(rec, lineno)
        return out

    def _start(self, name: str, lineno: int) -> None:
        self.started = True
        for line, text in self._prelude:
            self.report.add(
                codes.MALFORMED,
                line,
                f"raden '{_clip(text)}' före första posten är ingen SIE-post; ta bort raden",
            )
        self._prelude.clear()
        self._first_record = (name, lineno)

    def _before_start(self, lineno: int, text: str) -> None:
        self._prelude.append((lineno, text))
        if len(self._prelude) >= _PRELUDE_MAX:
            self.not_sie(
                f"ingen SIE-post bland de första {_PRELUDE_MAX} raderna (rad "
                f"{self._prelude[0][0]}: '{_clip(self._prelude[0][1])}')",
                self._prelude[0][0],
            )

    def not_sie(self, why: str, line: int | None = None) -> None:
        """Give up on the file: it is not SIE (SIE001). Stops the parser."""
        self.report.add(
            codes.NOT_SIE,
            line,
            f"filen är ingen SIE-fil: {why}; kontrollera att rätt fil exporterades som SIE 4",
        )
        self.stopped = True
        self._prelude.clear()

    def _suspect(self, lineno: int, line: str) -> None:
        if "\ufffd" in line:
            self._replacement_lines += 1
            if self._first_replacement is None:
                self._first_replacement = lineno
        if re.search("[\x00-\x08\x0b-\x1f\x7f]", line):
            self.report.add(
                codes.CONTROL_CHAR,
                lineno,
                "raden innehåller styrtecken (ASCII 0-31 eller 127, utom tabb); de hör inte "
                "hemma i en SIE-fil, kontrollera raden",
            )

    def _lex_problem(self, problem: LexProblem, name: str, lineno: int) -> None:
        if problem is LexProblem.UNTERMINATED_QUOTE:
            self.report.add(
                codes.UNTERMINATED_QUOTE,
                lineno,
                f'{name}: ett citattecken " avslutas inte på raden; lägg till det avslutande '
                'citattecknet (ett citattecken i texten skrivs \\")',
            )
        else:
            self.report.add(
                codes.UNTERMINATED_BRACE,
                lineno,
                f"{name}: objektlistan {{...}} avslutas inte med }} på raden; rätta raden",
            )

    def _unknown(self, rec: Record, lineno: int) -> None:
        values = tuple(f if isinstance(f, str) else "{" + " ".join(f) + "}" for f in rec.fields)
        self.sie.unknown.append(UnknownRecord(rec.label, values, lineno))
        self.report.add(
            codes.UNKNOWN_RECORD,
            lineno,
            f"posten {rec.label} finns inte i SIE 4B; den sparas men används inte",
        )

    # -- checksum ------------------------------------------------------------------------------
    def r_ksumma(self, rec: Record, line: int) -> None:
        """#KSUMMA (opening, no value) and #KSUMMA checksum (closing)."""
        value = self.opt(rec, 0, line)
        if value is None:
            if self.sie.has_checksum:
                self.report.add(
                    codes.MALFORMED, line, "#KSUMMA utan värde förekommer mer än en gång"
                )
                return
            self.sie.has_checksum = True
            if self.verify_checksum:
                self._sum = Checksum()
            return
        declared = parse_int(value)
        if declared is None:
            self.report.add(codes.BAD_NUMBER, line, f"#KSUMMA: '{value}' är inte ett heltal")
            return
        self.sie.checksum = declared % MODULUS
        acc, self._sum = self._sum, None
        self._sum_closed = True
        if not self.sie.has_checksum:
            self.report.add(
                codes.CHECKSUM_MISMATCH,
                line,
                "#KSUMMA med kontrollsumma saknar inledande #KSUMMA efter #FLAGGA; "
                "kontrollsumman kan inte kontrolleras, exportera om filen",
            )
        elif acc is not None and not acc.matches(declared):
            self.report.add(
                codes.CHECKSUM_MISMATCH,
                line,
                f"kontrollsumman i #KSUMMA är {declared} men filens innehåll ger {acc.crc}; "
                "filen har ändrats efter exporten, exportera om den",
            )

    # -- end -----------------------------------------------------------------------------------
    def finish(self) -> Voucher | None:
        """Close what is open and run the whole-file checks; returns a last unclosed voucher."""
        out: Voucher | None = None
        if self.stopped:
            return None
        if not self.started:
            if self._prelude:
                self.not_sie(
                    f"den innehåller ingen SIE-post (rad {self._prelude[0][0]}: "
                    f"'{_clip(self._prelude[0][1])}')",
                    self._prelude[0][0],
                )
            else:
                self.not_sie("den är tom")
            return None
        if self._ver is not None:
            out = self._close_unterminated(self.lines + 1)
        first, first_line = self._first_record
        if not self.judge_header:
            pass
        elif "#FLAGGA" not in self.seen:
            self.report.add(
                codes.NO_FLAG,
                first_line,
                f"#FLAGGA saknas (filen börjar med {first}); en SIE-fil ska börja med #FLAGGA 0",
            )
        elif first != "#FLAGGA":
            self.report.add(
                codes.NO_FLAG,
                first_line,
                f"filen börjar med {first}, inte med #FLAGGA; #FLAGGA ska stå först",
            )
        if self.verify_checksum and self.sie.has_checksum and not self._sum_closed:
            self.report.add(
                codes.CHECKSUM_MISSING,
                None,
                "filen börjar med #KSUMMA men avslutande #KSUMMA med kontrollsumma saknas; "
                "filen är troligen avkortad, exportera om den",
            )
        if self._replacement_lines:
            self.report.add(
                codes.REPLACEMENT_CHAR,
                self._first_replacement,
                f"{_count(self._replacement_lines, 'rad', 'rader')} innehåller "
                "ersättningstecknet � (U+FFFD): "
                "tecken förstördes innan filen nådde redovisa; exportera om filen",
            )
        if self.judge_header:
            self._missing_records()
        self.checks.finish(judge_content=self.judge_content)
        return out

    def _missing_records(self) -> None:
        sie, seen = self.sie, self.seen
        has_balances = bool(sie.balances)
        kind = sie.sie_type or "1"
        is_4i = kind == "4" and not has_balances
        need = ["#PROGRAM", "#FORMAT", "#GEN", "#FNAMN"]
        if not is_4i:
            need += ["#RAR", "#KONTO"]
        if kind in ("2", "3"):
            need.append("#OMFATTN")
        missing = [n for n in need if n not in seen]
        if "#FNAMN" in seen and not sie.company_name:
            self.report.add(
                codes.MISSING_RECORD, None, "#FNAMN saknar företagsnamn; exportera om filen med det"
            )
        if sie.sie_type is None and (
            self.checks.vouchers or any(b.period is not None or b.objects for b in sie.balances)
        ):
            missing.insert(0, "#SIETYP")
        for name in missing:
            self.report.add(
                codes.MISSING_RECORD,
                None,
                f"posten {name} saknas men krävs i SIE typ {kind}{'I' if is_4i else ''}; "
                "exportera om filen med den",
            )

    def diagnostics(self) -> list[Diagnostic]:
        """All diagnostics found so far, ordered by line (whole-file ones first)."""
        out = self.report.finish()
        out.sort(key=_line_of)
        return out


def _line_of(d: Diagnostic) -> int:
    return d.where.line or 0 if isinstance(d.where, SourceRef) else 0


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
