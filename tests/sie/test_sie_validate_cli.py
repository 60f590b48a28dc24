"""`redovisa sie validate`: output formats and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from reader_support import HEADER

from redovisa.cli import main
from redovisa.cli.sie_cmd import sie

GOOD = HEADER + '#VER A 1 20240105 "x"\n{\n#TRANS 1930 {} 1\n#TRANS 3010 {} -1\n}\n'
BAD = HEADER + '#VER A 1 20240105 "x"\n{\n#TRANS 1930 {} 1\n#TRANS 3010 {} -2\n}\n'
WARN = GOOD + "#VER A 2 20240105 y\n{\n}\n"
BAD_LINE = HEADER.count("\n") + 1


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, text in {"good": GOOD, "bad": BAD, "warn": WARN}.items():
        path = tmp_path / f"{name}.se"
        path.write_bytes(text.encode("cp437"))
        out[name] = path
    return out


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(sie, ["validate", *args])
    return result.exit_code, result.stdout, result.stderr


def test_clean_file_exits_0(files: dict[str, Path]) -> None:
    code, out, err = _run(str(files["good"]))
    assert code == 0
    assert err == ""
    assert "inga fel" in out


def test_warnings_exit_0_and_are_printed(files: dict[str, Path]) -> None:
    code, _out, err = _run(str(files["warn"]))
    assert code == 0
    assert f"{files['warn']}:{BAD_LINE + 5}: SIE028 " in err


def test_errors_exit_1_with_path_line_code(files: dict[str, Path]) -> None:
    code, out, err = _run(str(files["good"]), str(files["bad"]))
    assert code == 1
    lines = err.splitlines()
    assert lines == [lines[0]]
    assert lines[0].startswith(
        f"{files['bad']}:{BAD_LINE}: SIE021 verifikation A 1 balanserar inte"
    )
    assert "1 fel" in out


def test_json_format(files: dict[str, Path]) -> None:
    code, out, err = _run("--format", "json", str(files["bad"]), str(files["warn"]))
    assert code == 1
    assert err == ""
    data = json.loads(out)
    assert [(d["code"], d["severity"], d["line"]) for d in data] == [
        ("SIE021", "error", BAD_LINE),
        ("SIE028", "warning", BAD_LINE + 5),
    ]
    assert set(data[0]) == {"code", "severity", "message", "path", "line"}
    assert data[0]["path"] == str(files["bad"])


def test_quiet_hides_info(tmp_path: Path) -> None:
    path = tmp_path / "u.se"
    path.write_bytes((GOOD + "#EGEN 1\n").encode("cp437"))
    assert "SIE018" in _run(str(path))[2]
    assert "SIE018" not in _run("-q", str(path))[2]


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    code, _out, err = _run(str(tmp_path / "saknas.se"))
    assert code == 2
    assert "does not exist" in err or "finns inte" in err


def test_no_file_is_a_usage_error() -> None:
    assert _run()[0] == 2


def test_binary_file_is_reported_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "pdf.se"
    path.write_bytes(b"%PDF-1.4\n\x00\x01\x02\x03")
    code, _out, err = _run(str(path))
    assert code == 1
    assert "SIE001" in err
    assert "Traceback" not in err


def _main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    captured = capsys.readouterr()
    return int(exc.value.code or 0), captured.out, captured.err


def test_main_entry_point(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert _main(["sie", "validate", str(files["good"])], capsys)[0] == 0
    code, _out, err = _main(["sie", "validate", str(files["bad"])], capsys)
    assert code == 1
    assert f":{BAD_LINE}: SIE021 " in err
    code, _out, err = _main(["sie", "validate", str(files["bad"].with_name("x.se"))], capsys)
    assert code == 2
    code, out, _err = _main(["sie", "validate", "--format", "json", str(files["warn"])], capsys)
    assert code == 0
    assert json.loads(out)[0]["code"] == "SIE028"
