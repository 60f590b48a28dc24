"""goals.toml: parsed exactly; every problem is a diagnostic with the right line."""

from __future__ import annotations

from fractions import Fraction
from textwrap import dedent

from redovisa.core.diagnostics import SourceRef
from redovisa.goals import Measure, parse_goals
from redovisa.goals.lines import key_lines

GOOD = dedent(
    """\
    year = 2024

    [[area]]
    number = 5
    title = "Finansiellt"
    goals = ["Överskott varje år."]

    [[area.target]]
    id = "overskott"
    text = "Överskott minst 2 % av omsättningen"
    measure = "figures"
    value = "rr.resultat"
    per = "rr.verksamhetens_intakter + rr.medlemsavgifter"
    op = ">="
    target = 2.0

    [[area.target]]
    text = "E-arkiv infört"
    measure = "manual"
    assessment = "delvis uppfyllt"
    """
)


def lines_of(diags: list) -> list[tuple[str, int | None]]:  # type: ignore[type-arg]
    return [(d.code, d.where.line if isinstance(d.where, SourceRef) else None) for d in diags]


def test_good_file_is_read_with_exact_numbers() -> None:
    goals, diags = parse_goals(GOOD)
    assert diags == []
    assert goals is not None and goals.year == 2024
    area = goals.areas[0]
    assert area.heading == "Målområde 5. Finansiellt"
    first, second = area.targets
    assert first.measure is Measure.FIGURES and first.target == Fraction(2)
    assert first.per == [(1, "rr.verksamhetens_intakter"), (1, "rr.medlemsavgifter")]
    assert first.source.line == 8
    assert second.id == "malvarde-2" and second.assessment is not None


def test_unknown_keys_are_errors_with_their_lines() -> None:
    text = GOOD.replace('title = "Finansiellt"', 'titel = "Finansiellt"').replace(
        'op = ">="', 'op = ">="\ntraget = 3'
    )
    text = "yaer = 1\n" + text
    _, diags = parse_goals(text, "goals.toml")
    assert ("GOAL011", 1) in lines_of(diags)  # yaer
    assert ("GOAL011", 6) in lines_of(diags)  # titel, in [[area]]
    assert ("GOAL011", 16) in lines_of(diags)  # traget, in the first [[area.target]]
    unknown = [d for d in diags if d.code == "GOAL011"]
    assert any("'traget'" in d.message and "target" in d.message for d in unknown)
    assert all(d.where == SourceRef("goals.toml", d.where.line) for d in unknown)  # type: ignore[union-attr]


def test_unknown_key_in_second_area_and_target_points_at_that_table() -> None:
    text = GOOD + dedent(
        """
        [[area]]
        title = "Miljö"

        [[area.target]]
        text = "a"
        measure = "manual"

        [[area.target]]
        text = "b"
        measure = "manual"
        colour = "grön"
        """
    )
    _, diags = parse_goals(text)
    assert lines_of(diags) == [("GOAL011", text.splitlines().index('colour = "grön"') + 1)]


def test_syntax_error_has_line() -> None:
    _, diags = parse_goals('year = 2024\n[[area]]\ntitle = "x\n')
    assert lines_of(diags) == [("GOAL010", 3)]


def test_bad_values_are_reported_and_the_target_left_out() -> None:
    text = GOOD.replace('op = ">="', 'op = "=>"').replace(
        'assessment = "delvis uppfyllt"', 'assessment = "kanske"'
    )
    goals, diags = parse_goals(text)
    codes = lines_of(diags)
    assert ("GOAL012", 14) in codes  # op
    assert ("GOAL012", 20) in codes  # assessment
    assert goals is not None and len(goals.areas[0].targets) == 1


def test_missing_required_and_bad_expression() -> None:
    text = GOOD.replace('measure = "figures"\n', "").replace('text = "E-arkiv infört"\n', "")
    text = text.replace('value = "rr.resultat"', 'value = "rr.resultat * 2"')
    goals, diags = parse_goals(text)
    assert [c for c, _ in lines_of(diags)] == ["GOAL012", "GOAL012"]
    assert goals is not None and goals.areas[0].targets == ()
    _, diags = parse_goals(GOOD.replace('value = "rr.resultat"', 'value = "rr.resultat * 2"'))
    assert lines_of(diags) == [("GOAL012", 12)]


def test_key_lines_skips_multiline_strings_and_comments() -> None:
    text = 'a = 1\n# b = 2\nc = """\nd = 3\n"""\n[t]\n"quoted key" = 1\n[[x.y]]\nz = 1\n'
    lines = key_lines(text)
    assert lines[("a",)] == 1 and ("b",) not in lines and ("d",) not in lines
    assert lines[("t", "quoted key")] == 7
    assert lines[("x", "y", 0, "z")] == 9
