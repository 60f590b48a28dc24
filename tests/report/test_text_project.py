"""The report project: `redovisa new`, report definitions, [render]/[text] keys, narrative."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from redovisa.cli.build_cmd import build
from redovisa.cli.new_cmd import create_project, new
from redovisa.report.project import KNOWN
from redovisa.report.publication import RENDER_KEYS, TEXT_KEYS, build_publication
from redovisa.report.sections import builtin_definition, load_definition

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str) -> tuple[int, str, str]:
    command = {"build": build, "new": new}[args[0]]  # not the global group (see test_cli.py)
    result = CliRunner().invoke(command, list(args[1:]))
    return result.exit_code, result.stdout, result.stderr


def test_new_project_builds_and_binds_its_figures(tmp_path: Path) -> None:
    target = tmp_path / "delar"
    code, out, _ = _cli("new", str(target))
    assert code == 0
    assert "redovisa.toml" in out and (target / "text" / "forvaltningsberattelse.md").is_file()
    toml = (target / "redovisa.toml").read_text(encoding="utf-8")
    assert toml.count("#") > 20  # commented
    pub, diags = build_publication(target)
    assert pub is not None and not [d for d in diags if d.is_error]
    assert pub.decision == "Beslutad av direktionen 2024-08-29 § 21"
    text = "".join(r.text for s in pub.sections for b in s.content
                   for r in getattr(b, "runs", ()))  # fmt: skip
    assert "Periodens resultat är 85\u00a0tkr" in text
    assert _cli("new", str(target))[0] == 2  # not empty: usage error


def test_every_project_key_is_documented() -> None:
    doc = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    keys = {k for keys in KNOWN.values() for k in keys} | RENDER_KEYS | TEXT_KEYS
    missing = [k for k in sorted(keys) if not re.search(rf"^\s*#?\s*{re.escape(k)}\s*=", doc, re.M)
               and f"`{k}`" not in doc]  # fmt: skip
    assert missing == []
    skeleton = (ROOT / "src" / "redovisa" / "report" / "skeleton" / "redovisa.toml").read_text(
        "utf-8"
    )
    for key in re.findall(r"^#?\s*([a-z_]+)\s*=", skeleton, re.M):
        assert key in doc, key


def test_misspelt_render_key_is_an_error_with_line(tmp_path: Path) -> None:
    create_project(tmp_path / "p")
    path = tmp_path / "p" / "redovisa.toml"
    text = path.read_text(encoding="utf-8").replace("decision =", "desicion =")
    path.write_text(text, encoding="utf-8")
    _pub, diags = build_publication(tmp_path / "p")
    errors = [d for d in diags if d.code == "CFG001"]
    assert len(errors) == 1
    line = text.splitlines().index(next(ln for ln in text.splitlines() if "desicion" in ln)) + 1
    assert errors[0].where.line == line  # type: ignore[union-attr]
    assert "desicion" in errors[0].message


def test_bad_reference_in_text_is_an_error_with_file_and_line(tmp_path: Path) -> None:
    create_project(tmp_path / "p")
    (tmp_path / "p" / "text" / "handelser.md").write_text(
        "Första raden.\n\nResultatet blev {{ rr.resultatet }}.\n", encoding="utf-8"
    )
    code, _, err = _cli("build", str(tmp_path / "p"), "--format", "md")
    assert code == 1
    assert "text/handelser.md:3:17: NAR001 " in err
    assert "menade du resultat" in err


def test_unused_text_file_is_a_warning(tmp_path: Path) -> None:
    create_project(tmp_path / "p")
    (tmp_path / "p" / "text" / "forvaltnings.md").write_text("x\n", encoding="utf-8")
    _, diags = build_publication(tmp_path / "p")
    assert [d.code for d in diags if d.code.startswith("NAR")] == ["NAR004"]


def test_builtin_definitions_have_the_seed_sections() -> None:
    for kind in ("delårsrapport", "årsredovisning"):
        definition, diags = load_definition(builtin_definition(kind), org_kind="kommunalforbund")
        assert diags == [] and definition is not None
        titles = [s.title for s in definition.sections]
        for expected in (
            "Innehållsförteckning",
            "Förvaltningsberättelse",
            "Sjukfrånvaro",
            "Måluppfyllelse",
            "Driftredovisning",
            "Investeringsredovisning",
            "Kassaflödesanalys",
            "Resultat- och balansräkning",
            "Noter",
            "Redovisningsprinciper",
            "Ord och begrepp",
            "Om kommunalförbundet",
        ):
            assert expected in titles
        assert definition.sections[0].kind == "cover"


def test_definition_errors_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "rapport.toml"
    path.write_text(
        'title = "X"\n\n[[section]]\nid = "a"\ntitle = "A"\nlevle = 2\n'
        '\n[[section]]\nid = "b"\ntitle = "B"\ncontent = ["tabel:x"]\n',
        encoding="utf-8",
    )
    definition, diags = load_definition(path, "rapport.toml")
    assert definition is None
    assert [(d.code, d.where.line) for d in diags] == [("DEF001", 6), ("DEF001", 11)]  # type: ignore[union-attr]
