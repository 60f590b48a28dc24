"""Row labels: normalising them and recognising what a row means from its words.

External reports name rows variously ("Kassaflöde från drift", "Kassaflöde från den
löpande verksamheten"); these predicates are the checks' vocabulary of LKBR/RKR rows.
"""

from __future__ import annotations

import re

_LEAD = re.compile(r"^[\s\-\u2212\u2013+/*•]+")
_NOTE_NO = re.compile(r"^(not\s*)?\d+[.:)]?\s+", re.IGNORECASE)


def norm(label: str) -> str:
    """Lower-case label without leading dashes, signs, note numbers or extra spaces."""
    s = _LEAD.sub("", label.strip()).lower()
    s = re.sub(r"\s+", " ", s)
    return s.strip(" :")


def strip_note_number(title: str) -> str:
    """``1. Verksamhetens intäkter`` gives ``verksamhetens intäkter``."""
    return _NOTE_NO.sub("", norm(title))


def is_varav(label: str) -> bool:
    """A part of the row above ("varav", "därav", "- varav"), not a summand."""
    return bool(re.match(r"^(varav|därav)\b", norm(label)))


def matches(label: str, *patterns: str) -> bool:
    """True when the normalised label matches any regex (searched from the start)."""
    n = norm(label)
    return any(re.match(p, n) for p in patterns)


# Rows that total everything above them in a chain (a running total), by label.
RUNNING_TOTAL = (
    r"verksamhetens resultat",
    r"resultat (efter|före) ",
    r"(årets|periodens) resultat$",
    r"kassaflöde från (den löpande verksamheten|löpande verksamhet|drift|verksamheten)",
    r"likvida medel vid (årets|periodens) slut",
    r"årets resultat efter balanskravsjusteringar",
    r"årets balanskravsresultat",
    r"balanskravsresultat",
    r"utgående eget kapital",
)

# Rows that are sums, recognised by their words when the print shows no bold.
SUM_LABEL = (
    r"summa\b",
    r"totalt?\b",
    r"utgående\b",
    r"redovisat värde",
    r"bokfört värde",
    r"verksamhetens nettokostnader",
    r"kassaflöde från",
    r"(årets|periodens) kassaflöde",
    r"medel från verksamheten",
    r"likvida medel vid (årets|periodens) slut",
    r"årets resultat efter balanskravsjusteringar",
    r"årets balanskravsresultat",
)

RESULT_ROW = (r"(årets|periodens) resultat$", r"resultat efter finansiella poster$")
