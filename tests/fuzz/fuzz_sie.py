"""Fuzz target for the SIE reader (atheris): no exception may escape, whatever the bytes.

Run for longer with ``make fuzz``, i.e.
``python tests/fuzz/fuzz_sie.py -max_total_time=300 tests/fuzz/corpus``.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from redovisa.core.diagnostics import Diagnostic
    from redovisa.ledger import native
    from redovisa.sie import parse_lines, parse_sie_bytes, parse_sie_text


def test_one_input(data: bytes) -> None:
    """Parse ``data`` as bytes, as text and as lines; every result must be well formed."""
    doc, diags = parse_sie_bytes(data, path="fuzz.se")
    assert all(isinstance(d, Diagnostic) for d in diags)
    assert all(v.line is not None for v in doc.vouchers)
    text = data.decode("utf-8", errors="replace")
    parse_sie_text(text, path="fuzz.se")
    parse_lines(enumerate(text.split("\n"), 1), path="fuzz.se")
    fuzz_native(data)


def fuzz_native(data: bytes) -> None:
    """The C line pass, fed in two chunks cut at the first line end: a result or a reason."""
    if not native.available():
        return
    cut = data.find(b"\n") + 1
    parser = native.new_parser(native.decode_table("cp437"))
    for chunk, final in ((data[:cut], False), (data[cut:], True)):
        if parser.feed(chunk, final) is None:
            assert isinstance(parser.reason, str)
            return
    parser.totals()


def main() -> None:
    """Entry point: libFuzzer options and corpus directories come from the command line."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
