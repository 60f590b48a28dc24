"""The catalogue of check codes in docs/checks.md, generated from the registry."""

from __future__ import annotations

from redovisa.checks.registry import CODES

START = "<!-- codes:start (generated from redovisa.checks.registry; do not edit) -->"
END = "<!-- codes:end -->"


def codes_markdown() -> str:
    """The generated part of docs/checks.md: one section per code, in code order."""
    lines = [START, "", "| code | severity | title |", "|---|---|---|"]
    for code in sorted(CODES):
        info = CODES[code]
        lines.append(f"| [{code}](#{code.lower()}) | {info.severity} | {info.title} |")
    lines.append("")
    for code in sorted(CODES):
        info = CODES[code]
        lines += [f"### {code}", "", f"**{info.title}** ({info.severity})", "", info.doc, ""]
    lines.append(END)
    return "\n".join(lines)


def replace_codes(document: str) -> str:
    """docs/checks.md with its generated section brought up to date."""
    head, _, rest = document.partition(START)
    _, _, tail = rest.partition(END)
    return head + codes_markdown() + tail
