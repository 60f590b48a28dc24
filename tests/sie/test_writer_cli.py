"""``redovisa sie convert``: read any SIE, write clean SIE 4 (CliRunner)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner

from redovisa.cli.sie_convert_cmd import convert
from redovisa.sie import parse_sie_bytes, read_sie

UTF8_LF = (
    "#FLAGGA 0\n#PROGRAM Test 1\n#FORMAT PC8\n#GEN 20240105\n#SIETYP 4\n"
    '#FNAMN "Lystkom kommunalförbund"\n#RAR 0 20240101 20241231\n'
    '#KONTO 1930 "Bank"\n#KONTO 30106 "Försäljning"\n#IB 0 1930 500.00\n'
    '#VER A 1 20240105 "Årsavgift"\n{\n#TRANS 1930 {} 1200.50\n'
    '#TRANS 30106 {1 "0123"} -1200.50\n}\n'
)


def test_convert_writes_clean_sie4(tmp_path: Path) -> None:
    src = tmp_path / "in.se"
    src.write_bytes(UTF8_LF.encode("utf-8"))
    out = tmp_path / "ut.se"
    result = CliRunner().invoke(convert, [str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"#FLAGGA 0\r\n#KSUMMA\r\n")
    assert b"\r\n#KSUMMA " in data and data.endswith(b"\r\n")
    assert "Försäljning".encode("cp437") in data  # was UTF-8, now CP437
    back, diags = parse_sie_bytes(data)
    assert back.encoding == "cp437"
    assert not [d for d in diags if d.is_error]
    original, _ = read_sie(src)
    assert back.vouchers == original.vouchers
    assert back.balances == original.balances
    # the input declared PC8 but was UTF-8: reported as validate does, on stderr
    assert "SIE002" in result.stderr
    assert "skrev SIE 4 (1 verifikationer, 2 transaktionsrader, 1 saldon" in result.stderr


def test_input_with_errors_is_not_written_without_force(tmp_path: Path) -> None:
    src = tmp_path / "obalans.se"
    src.write_bytes(UTF8_LF.replace("-1200.50", "-1200.00").encode("utf-8"))
    out = tmp_path / "ut.se"
    result = CliRunner().invoke(convert, [str(src), "--out", str(out)])
    assert result.exit_code == 1
    assert "SIE021" in result.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [src]  # no temporary file left behind

    forced = CliRunner().invoke(convert, [str(src), "--out", str(out), "--force"])
    assert forced.exit_code == 0, forced.output
    back, diags = parse_sie_bytes(out.read_bytes())
    assert [d.code for d in diags if d.is_error] == ["SIE021"]  # still unbalanced, as read
    assert back.vouchers[0].total() == Decimal("0.50")


def test_characters_outside_pc8_stop_the_conversion_unless_replaced(tmp_path: Path) -> None:
    src = tmp_path / "euro.se"
    src.write_bytes(UTF8_LF.replace("Årsavgift", "Avgift 10 €").encode("utf-8"))
    out = tmp_path / "ut.se"
    result = CliRunner().invoke(convert, [str(src), "--out", str(out)])
    assert result.exit_code == 1
    assert "U+20AC" in result.stderr and "--replace" in result.stderr
    assert not out.exists()

    replaced = CliRunner().invoke(convert, [str(src), "--out", str(out), "--replace"])
    assert replaced.exit_code == 0, replaced.output
    assert "'Avgift 10 €' skrevs som 'Avgift 10 ?'" in replaced.stderr
    assert b'#VER A 1 20240105 "Avgift 10 ?"' in out.read_bytes()


def test_json_diagnostics_on_stdout(tmp_path: Path) -> None:
    src = tmp_path / "in.se"
    src.write_bytes(UTF8_LF.encode("utf-8"))
    result = CliRunner().invoke(
        convert, [str(src), "-o", str(tmp_path / "ut.se"), "--format", "json"]
    )
    assert result.exit_code == 0
    codes = {d["code"] for d in json.loads(result.stdout)}
    assert "SIE002" in codes


def test_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(convert, [str(tmp_path / "finns-inte.se"), "-o", "x.se"])
    assert result.exit_code == 2


def test_reachable_as_redovisa_sie_convert(tmp_path: Path) -> None:
    from redovisa.cli import _register, cli

    _register()
    src = tmp_path / "in.se"
    src.write_bytes(UTF8_LF.encode("utf-8"))
    out = tmp_path / "ut.se"
    result = CliRunner().invoke(cli, ["sie", "convert", str(src), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"#FLAGGA 0\r\n#KSUMMA\r\n")
