"""The default Kommun-Bas mapping, longest-prefix resolution, overrides and MAP001-MAP003."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from redovisa.coa import Resolver, coverage, expand, load_mapping, valid_pattern


def test_default_mapping_loads_cleanly() -> None:
    mapping, diags = load_mapping()
    assert diags == []
    ids = [g.id for g in mapping.groups]
    assert len(ids) == len(set(ids))
    assert all(valid_pattern(p) for g in mapping.groups for p in g.accounts)
    assert [n.id for n in mapping.notes][:2] == ["intakter", "kostnader"]


def test_longest_prefix_wins() -> None:
    resolver = Resolver(load_mapping()[0])
    assert resolver.group_of("1221").id == "inventarier"  # type: ignore[union-attr]
    assert resolver.group_of("1229").id == "inventarier_ack"  # type: ignore[union-attr]
    assert resolver.group_of("8510").id == "rantekostnader"  # type: ignore[union-attr]
    assert resolver.group_of("8590").id == "ovriga_finansiella_kostnader"  # type: ignore[union-attr]
    assert resolver.group_of("81100").id == "medlemsavgifter"  # type: ignore[union-attr]
    assert resolver.group_of("2150") is None  # class 21 is deliberately unmapped


def test_expand_ranges() -> None:
    assert expand("50-52") == ["50", "51", "52"]
    assert expand("08-10") == ["08", "09", "10"]
    assert not valid_pattern("5-10")
    assert not valid_pattern("12a")


def test_unmapped_and_doubly_mapped_accounts_are_errors(tmp_path: Path) -> None:
    project = tmp_path / "mapping.toml"
    project.write_text(
        '[[group]]\nid = "extra"\nlabel = "Extra"\naccounts = ["30"]\nstatement = "rr"\n'
        'line = "verksamhetens_intakter"\n',
        encoding="utf-8",
    )
    mapping, diags = load_mapping(project)
    assert diags == []
    amounts = {"2150": Decimal("-1200.50"), "3010": Decimal("-500.00"), "1930": Decimal("10.00")}
    found = coverage(Resolver(mapping), amounts, {"2150": "Obeskattad reserv"})
    assert [d.code for d in found] == ["MAP001", "MAP002"]
    assert "2150 Obeskattad reserv" in found[0].message
    assert "-1200.50" in found[0].message
    assert "extra" in found[1].message and "forsaljning" in found[1].message


def test_project_overrides_label_and_adds_accounts(tmp_path: Path) -> None:
    project = tmp_path / "mapping.toml"
    project.write_text(
        '[[group]]\nid = "medlemsavgifter"\nlabel = "Medlemsavgifter från övriga kommuner"\n\n'
        '[[group]]\nid = "realisationsvinster"\naccounts = ["3611"]\n',
        encoding="utf-8",
    )
    mapping, diags = load_mapping(project)
    assert diags == []
    assert mapping.group("medlemsavgifter").label == "Medlemsavgifter från övriga kommuner"
    assert mapping.group("medlemsavgifter").accounts == ("81",)
    resolver = Resolver(mapping)
    assert resolver.group_of("36110").id == "realisationsvinster"  # type: ignore[union-attr]
    assert resolver.group_of("3600").id == "ovriga_intakter"  # type: ignore[union-attr]


def test_bad_mapping_file_reports_key_and_line(tmp_path: Path) -> None:
    project = tmp_path / "mapping.toml"
    project.write_text(
        '[[group]]\nid = "x"\nlabel = "X"\naccounts = ["4x"]\nstatement = "rr"\n'
        'line = "nope"\ncolour = "red"\n',
        encoding="utf-8",
    )
    _, diags = load_mapping(project, "mapping.toml")
    assert {d.code for d in diags} == {"MAP003"}
    by_text = {d.message: d.where.line for d in diags if d.where}  # type: ignore[union-attr]
    assert by_text["okänd nyckel 'colour' i [[group]] nr 1"] == 7
    assert any("4x" in m and line == 4 for m, line in by_text.items())
    assert any("nope" in m and line == 6 for m, line in by_text.items())


def test_budget_spec_groups() -> None:
    resolver = Resolver(load_mapping()[0])
    group, why = resolver.spec_group("85")
    assert group is not None and group.id == "rantekostnader" and why is None
    assert resolver.spec_group("3")[0] is None
    group, why = resolver.spec_group("12")
    assert group is None and why is not None
