"""Unit tests of the SIE4 writer: exact bytes, quoting, checksum, refusals, streaming."""

from __future__ import annotations

import io
import zlib
from datetime import date
from decimal import Decimal

import pytest

from redovisa.sie.records import (
    Account,
    AccountType,
    Address,
    Balance,
    BalanceKind,
    Dimension,
    DimensionObject,
    FiscalYearRecord,
    Posting,
    SieFile,
    TransKind,
    UnknownRecord,
    Voucher,
)
from redovisa.sie.writer import SieWriteError, SieWriter, sie_to_bytes, write_sie


def small_doc() -> SieFile:
    doc = SieFile(
        flag=0,
        program="redovisa",
        program_version="0.1",
        generated=date(2025, 1, 15),
        sie_type="4",
        company_name="Lystkom kommunalförbund",
        orgnr="222000-0000",
        fiscal_years=[FiscalYearRecord(0, date(2024, 1, 1), date(2024, 12, 31))],
        currency="SEK",
    )
    doc.accounts["1930"] = Account("1930", "Bank", AccountType.T)
    doc.accounts["30106"] = Account("30106", "Försäljning 6 % moms", AccountType.I, sru=("7410",))
    doc.dimensions["1"] = Dimension("1", "Ansvar")
    doc.objects[("1", "0123")] = DimensionObject("1", "0123", "Kommunstyrelsen")
    doc.balances.append(Balance(BalanceKind.IB, 0, "1930", Decimal("1000.00")))
    doc.balances.append(
        Balance(
            BalanceKind.PSALDO, 0, "30106", Decimal("-250.50"), None, "202403", (("1", "0123"),)
        )
    )
    doc.vouchers.append(
        Voucher(
            "A",
            "1",
            date(2024, 3, 5),
            'Kaffe & "bullar"',
            postings=(
                Posting("1930", Decimal("250.50")),
                Posting("30106", Decimal("-250.50"), (("1", "0123"),), text="Fika"),
            ),
        )
    )
    return doc


EXPECTED_LINES = [
    "#FLAGGA 0",
    "#KSUMMA",
    "#PROGRAM redovisa 0.1",
    "#FORMAT PC8",
    "#GEN 20250115",
    "#SIETYP 4",
    "#ORGNR 222000-0000",
    '#FNAMN "Lystkom kommunalförbund"',
    "#RAR 0 20240101 20241231",
    "#VALUTA SEK",
    "#KONTO 1930 Bank",
    "#KTYP 1930 T",
    '#KONTO 30106 "Försäljning 6 % moms"',
    "#KTYP 30106 I",
    "#SRU 30106 7410",
    "#DIM 1 Ansvar",
    "#OBJEKT 1 0123 Kommunstyrelsen",
    "#IB 0 1930 1000.00",
    '#PSALDO 0 202403 30106 {1 "0123"} -250.50',
    '#VER A 1 20240305 "Kaffe & \\"bullar\\""',
    "{",
    "#TRANS 1930 {} 250.50",
    '#TRANS 30106 {1 "0123"} -250.50 "" Fika',
    "}",
]


def _fields(line: str) -> list[str]:
    """Field values of a written line as the spec's checksum sees them (test's own lexer)."""
    out: list[str] = []
    i = 0
    while i < len(line):
        c = line[i]
        if c == " ":
            i += 1
        elif c == '"':
            i += 1
            buf = []
            while line[i] != '"':
                if line[i] == "\\" and line[i + 1] == '"':
                    i += 1
                buf.append(line[i])
                i += 1
            i += 1
            out.append("".join(buf))
        elif c == "{":
            j = line.index("}", i)
            out.extend(_fields(line[i + 1 : j]))
            i = j + 1
        else:
            j = line.find(" ", i)
            j = len(line) if j < 0 else j
            out.append(line[i:j])
            i = j
    return out


def spec_checksum(lines: list[str]) -> int:
    """CRC-32 over labels and field characters between the two #KSUMMA (standards §1.7)."""
    start = lines.index("#KSUMMA") + 1
    crc = 0
    for line in lines[start:-1]:
        if line in ("{", "}"):
            continue
        for f in _fields(line):
            crc = zlib.crc32(f.encode("cp437"), crc)
    return crc


def test_small_document_is_written_exactly_in_spec_order() -> None:
    data = sie_to_bytes(small_doc())
    assert data.endswith(b"\r\n")
    lines = data.decode("cp437").split("\r\n")[:-1]
    assert lines[:-1] == EXPECTED_LINES
    assert lines[-1] == f"#KSUMMA {spec_checksum(lines)}"
    assert b"\n" not in data.replace(b"\r\n", b"")
    # Swedish letters are CP437 bytes (ö = 0x94), not UTF-8
    assert b"f\x94rbund" in data


def test_checksum_is_the_spec_crc_and_changes_with_content() -> None:
    doc = small_doc()
    a = sie_to_bytes(doc).decode("cp437").split("\r\n")[-2]
    doc.balances[0] = Balance(BalanceKind.IB, 0, "1930", Decimal("1000.01"))
    b = sie_to_bytes(doc).decode("cp437").split("\r\n")[-2]
    assert a.startswith("#KSUMMA ") and b.startswith("#KSUMMA ")
    assert a != b


def test_without_checksum_there_is_no_ksumma() -> None:
    data = sie_to_bytes(small_doc(), checksum=False)
    assert b"#KSUMMA" not in data
    assert data.split(b"\r\n")[:2] == [b"#FLAGGA 0", b"#PROGRAM redovisa 0.1"]


def test_missing_flag_is_written_as_zero_and_format_is_always_pc8() -> None:
    data = sie_to_bytes(SieFile(format="UTF-8", company_name="X"), checksum=False)
    assert data == b"#FLAGGA 0\r\n#FORMAT PC8\r\n#FNAMN X\r\n"


def test_rtrans_is_followed_by_its_twin_and_btrans_is_kept() -> None:
    v = Voucher(
        "B",
        "7",
        date(2024, 2, 1),
        postings=(
            Posting("1930", Decimal(-100), kind=TransKind.BTRANS, sign="Eva"),
            Posting("1930", Decimal(-90), (("6", "P1"),), kind=TransKind.RTRANS, sign="Eva"),
            Posting("4010", Decimal(90), date=date(2024, 2, 2), quantity=Decimal("1.5")),
        ),
    )
    doc = SieFile(flag=0, vouchers=[v])
    lines = sie_to_bytes(doc, checksum=False).decode("cp437").split("\r\n")
    assert lines[2:9] == [
        "#VER B 7 20240201",
        "{",
        '#BTRANS 1930 {} -100 "" "" "" Eva',
        '#RTRANS 1930 {6 "P1"} -90 "" "" "" Eva',
        '#TRANS 1930 {6 "P1"} -90 "" "" "" Eva',
        '#TRANS 4010 {} 90 20240202 "" 1.5',
        "}",
    ]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("Bank", "Bank"),
        ("", '""'),
        ("två ord", '"två ord"'),
        ("tab\there", None),  # control character: refused (see below)
        ('citat"tecken', '"citat\\"tecken"'),
        ("{klammer}", '"{klammer}"'),
        ("#6 Linda", '"#6 Linda"'),
        ("C:\\Program\\SIE", "C:\\Program\\SIE"),
        ("slut\\", "slut\\"),
        ("#slut\\", "#slut\\"),
        ('a\\"b', '"a\\\\"b"'),
        ("åäöÅÄÖéü", "åäöÅÄÖéü"),
    ],
)
def test_field_quoting(value: str, written: str | None) -> None:
    doc = SieFile(company_name=value)
    if written is None:
        with pytest.raises(SieWriteError, match="styrtecken"):
            sie_to_bytes(doc, checksum=False)
        return
    lines = sie_to_bytes(doc, checksum=False).decode("cp437").split("\r\n")
    assert lines[2] == f"#FNAMN {written}"
    assert _fields(lines[2]) == ["#FNAMN", value]


def test_all_balance_kinds_and_quantities() -> None:
    obj = (("1", "10"), ("20", "A B"))
    doc = SieFile(
        balances=[
            Balance(BalanceKind.IB, 0, "1510", Decimal("12.5"), Decimal("3")),
            Balance(BalanceKind.UB, -1, "1510", Decimal("-0.01")),
            Balance(BalanceKind.OIB, 0, "1510", Decimal("5"), None, None, obj),
            Balance(BalanceKind.OUB, 0, "1510", Decimal("6.00"), Decimal("-2.250")),
            Balance(BalanceKind.RES, 0, "801", Decimal("-1E+6")),
            Balance(BalanceKind.PBUDGET, 0, "801", Decimal("-100"), None, "202401", ()),
        ]
    )
    lines = sie_to_bytes(doc, checksum=False).decode("cp437").split("\r\n")
    assert lines[2:8] == [
        "#IB 0 1510 12.5 3",
        "#UB -1 1510 -0.01",
        '#OIB 0 1510 {1 "10" 20 "A B"} 5',
        "#OUB 0 1510 {} 6.00 -2.250",
        "#RES 0 801 -1000000",
        "#PBUDGET 0 202401 801 {} -100",
    ]


def test_amount_with_fractions_of_ore_is_refused_not_rounded() -> None:
    v = Voucher("A", "1", date(2024, 1, 1), postings=(Posting("1930", Decimal("0.005")),))
    with pytest.raises(SieWriteError, match="två decimaler"):
        sie_to_bytes(SieFile(vouchers=[v]))
    ok = Voucher("A", "1", date(2024, 1, 1), postings=(Posting("1930", Decimal("1.500")),))
    assert b"#TRANS 1930 {} 1.50\r\n" in sie_to_bytes(SieFile(vouchers=[ok]))


def test_balance_without_period_or_with_misplaced_objects_is_refused() -> None:
    with pytest.raises(SieWriteError, match="period"):
        sie_to_bytes(SieFile(balances=[Balance(BalanceKind.PSALDO, 0, "1", Decimal(1))]))
    with pytest.raises(SieWriteError, match="objekt"):
        sie_to_bytes(
            SieFile(balances=[Balance(BalanceKind.IB, 0, "1", Decimal(1), objects=(("1", "2"),))])
        )


def test_character_outside_cp437_is_refused_by_default() -> None:
    doc = SieFile(company_name="Pris i €", accounts={"1": Account("1", "Kassa")})
    with pytest.raises(SieWriteError, match=r"U\+20AC.*CP437"):
        sie_to_bytes(doc)


def test_replace_mode_maps_deliberately_and_reports_each_change() -> None:
    doc = SieFile(
        company_name="Pris i € för Łódź",
        prosa="rad1\nrad2",
        accounts={"1": Account("1", "trasig \ufffd text")},
        address=Address(contact="Anna Å", street="väg \\"),
    )
    out = io.BytesIO()
    with SieWriter(out, errors="replace") as w:
        w.begin(doc)
    text = out.getvalue().decode("cp437")
    assert '#FNAMN "Pris i ? för ?ódz"' in text
    assert '#PROSA "rad1 rad2"' in text
    assert '#KONTO 1 "trasig ? text"' in text
    assert '#ADRESS "Anna Å" "väg \\ " "" ""' in text
    assert [(r.label, r.original, r.written) for r in w.replacements] == [
        ("#PROSA", "rad1\nrad2", "rad1 rad2"),
        ("#ADRESS", "väg \\", "väg \\ "),
        ("#FNAMN", "Pris i € för Łódź", "Pris i ? för ?ódz"),
        ("#KONTO", "trasig \ufffd text", "trasig ? text"),
    ]
    assert all(r.line > 2 for r in w.replacements)


def test_quoted_field_ending_in_backslash_is_refused_in_strict_mode() -> None:
    with pytest.raises(SieWriteError, match="omvänt snedstreck"):
        sie_to_bytes(SieFile(company_name="C:\\Mina filer\\"))


def test_unknown_records_are_written_with_their_fields() -> None:
    doc = SieFile(
        unknown=[UnknownRecord("#KUND", ("17", "Anna Andersson")), UnknownRecord("X", ())]
    )
    lines = sie_to_bytes(doc, checksum=False).decode("cp437").split("\r\n")
    assert lines[2:4] == ['#KUND 17 "Anna Andersson"', "#X"]


def test_streaming_writer_equals_write_sie_and_keeps_no_vouchers() -> None:
    doc = small_doc()
    vouchers = [
        Voucher(
            "A",
            str(n),
            date(2024, 1, 1 + n % 28),
            postings=(Posting("1930", Decimal(n)), Posting("30106", Decimal(-n))),
        )
        for n in range(1, 5000)
    ]
    doc.vouchers = vouchers
    expected = sie_to_bytes(doc)

    class Sink(io.RawIOBase):
        def __init__(self) -> None:
            self.chunks: list[int] = []
            self.data = bytearray()

        def writable(self) -> bool:
            return True

        def write(self, b: bytes) -> int:  # type: ignore[override]
            self.chunks.append(len(b))
            self.data += b
            return len(b)

    sink = Sink()
    header = small_doc()
    header.vouchers = []
    with SieWriter(sink) as w:  # type: ignore[arg-type]
        w.begin(header)
        for b in header.balances:
            w.write_balance(b)
        for v in vouchers:
            w.write_voucher(v)
    assert bytes(sink.data) == expected
    # written in several bounded batches, not held until the end
    assert len(sink.chunks) > 3
    assert w.lines_written == expected.count(b"\r\n")


def test_write_sie_to_path(tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    target = tmp_path / "ut.se"
    write_sie(small_doc(), target)
    assert target.read_bytes() == sie_to_bytes(small_doc())


def test_writer_misuse_is_a_programming_error() -> None:
    w = SieWriter(io.BytesIO())
    with pytest.raises(RuntimeError):
        w.write_voucher(Voucher("A", "1", date(2024, 1, 1)))
    w.begin(SieFile())
    w.close()
    w.close()  # idempotent
    with pytest.raises(RuntimeError):
        w.write_balance(Balance(BalanceKind.IB, 0, "1", Decimal(1)))
