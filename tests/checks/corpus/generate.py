"""A generated test corpus: consistent reports from a template, and copies with one
injected error each (of every kind the rules cover), rendered as Markdown, tab text,
HTML and report.json. ``measure()`` gives recall and precision of the checks.

Run ``python -m tests.checks.corpus.generate`` to print the figures for docs/checks.md.
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass, field
from typing import Any

Row = dict[str, Any]  # {"label", "kind", "note", "values": {col: int}}
Table = dict[str, Any]  # {"id", "title", "columns": [(id, label)], "rows": [Row]}

C, P, PR, BU = "2024-06-30", "2023-06-30", "Prognos 2024", "Budget 2024"
Y = "2023-12-31"


def _row(label: str, values: dict[str, Any], kind: str = "item", note: str | None = None) -> Row:
    return {"label": label, "kind": kind, "note": note, "values": dict(values)}


def _sum(*rows: dict[str, int], sign: tuple[int, ...] | None = None) -> dict[str, int]:
    out: dict[str, int] = {}
    for k, r in enumerate(rows):
        for c, v in r.items():
            out[c] = out.get(c, 0) + v * (sign[k] if sign else 1)
    return out


@dataclass
class Report:
    """A generated report: tables, narrative, and the prior report's tables (if any)."""

    tables: list[Table]
    paragraphs: list[tuple[str, str]]
    prior: list[Table] | None = None
    injected: dict[str, Any] = field(default_factory=dict)

    def table(self, tid: str) -> Table:
        return next(t for t in self.tables if t["id"] == tid)

    def row(self, tid: str, label: str) -> Row:
        return next(r for r in self.table(tid)["rows"] if r["label"] == label)


def clean_report(seed: int) -> Report:
    """A consistent delårsrapport with figures drawn from ``seed``."""
    rnd = random.Random(seed)

    def n(lo: int, hi: int) -> int:
        return rnd.randint(lo, hi)

    cols_rr = [C, P, PR, BU]
    inc = {C: n(20000, 26000), P: n(18000, 24000), PR: n(44000, 50000), BU: n(44000, 50000)}
    dep = {C: -n(5000, 6000), P: -n(5000, 6000), PR: -n(11000, 12500), BU: -n(11000, 12500)}
    cost = {c: -(inc[c] + dep[c] - n(200, 1500)) for c in cols_rr}
    fee = {C: 430, P: 405, PR: 860, BU: 860}
    fin = {C: -n(80, 150), P: -n(60, 120), PR: -n(200, 300), BU: -n(200, 300)}
    net = _sum(inc, cost, dep)
    opres = _sum(net, fee)
    res = _sum(opres, fin)
    rr = [
        _row("Verksamhetens intäkter", inc, note="1"),
        _row("Verksamhetens kostnader", cost, note="2"),
        _row("Av- och nedskrivningar", dep, note="5"),
        _row("Verksamhetens nettokostnader", net, "subtotal"),
        _row("Medlemsavgifter", fee, note="3"),
        _row("Verksamhetens resultat", opres, "subtotal"),
        _row("Finansiella kostnader", fin, note="4"),
        _row("Resultat efter finansiella poster", res, "subtotal"),
        _row("Periodens resultat", res, "total"),
    ]
    # 2023 full year, and balances
    r23, d23, p23, p24 = n(900, 1600), n(10000, 12000), n(7000, 10000), n(9000, 12000)
    ek23 = n(5000, 8000)
    ek = {C: ek23 + res[C], Y: ek23}
    ia23, ia24 = n(50000, 60000), 0
    acc23 = -n(30000, 36000)
    ia24 = ia23 + p24
    acc24 = acc23 + dep[C]
    mi = {C: ia24 + acc24, Y: ia23 + acc23}
    fo = {C: n(9000, 13000), Y: n(4000, 7000)}
    loan = {C: 1000 * n(5, 12)}
    loan[Y] = loan[C]
    dfo, dst = -(fo[C] - fo[Y]), n(2000, 7000)
    flow24 = res[C] - dep[C] + dfo + dst - p24
    kb23 = n(4000, 8000) + max(0, -flow24)
    kb = {C: kb23 + flow24, Y: kb23}
    st23 = mi[Y] + fo[Y] + kb23 - ek23 - loan[Y]
    st = {C: st23 + dst, Y: st23}
    # 2023 cash flow column, consistent with kb23
    dfo23, dst23, amort23 = -n(100, 400), n(500, 1500), -2000
    flow23 = r23 + d23 + dfo23 + dst23 - p23 + amort23
    kb22 = kb23 - flow23
    oms = _sum(fo, kb)
    tot = _sum(mi, oms)
    skulder = _sum(loan, st)
    br = [
        _row("TILLGÅNGAR", {}, "heading"),
        _row("Maskiner och inventarier", mi, note="5"),
        _row("Summa anläggningstillgångar", mi, "subtotal"),
        _row("Fordringar", fo, note="6"),
        _row("Kassa och bank", kb, note="7"),
        _row("Summa omsättningstillgångar", oms, "subtotal"),
        _row("Summa tillgångar", tot, "total"),
        _row("EGET KAPITAL OCH SKULDER", {}, "heading"),
        _row("Eget kapital", ek, note="8"),
        _row("- varav årets resultat", {C: res[C], Y: r23}),
        _row("Summa eget kapital", ek, "subtotal"),
        _row("Långfristiga skulder", loan, note="9"),
        _row("Kortfristiga skulder", st, note="10"),
        _row("Summa skulder", skulder, "subtotal"),
        _row("Summa eget kapital och skulder", _sum(ek, skulder), "total"),
    ]
    kfv = {
        "res": {C: res[C], Y: r23},
        "dep": {C: -dep[C], Y: d23},
        "dfo": {C: dfo, Y: dfo23},
        "dst": {C: dst, Y: dst23},
        "inv": {C: -p24, Y: -p23},
        "amort": {C: 0, Y: amort23},
    }
    before = _sum(kfv["res"], kfv["dep"])
    drift_cf = _sum(before, kfv["dfo"], kfv["dst"])
    flow = _sum(drift_cf, kfv["inv"], kfv["amort"])
    kf = [
        _row("DRIFT", {}, "heading"),
        _row("Årets resultat", kfv["res"]),
        _row("Justering för av- och nedskrivningar", kfv["dep"], note="5"),
        _row("Medel från verksamheten före förändring av rörelsekapital", before, "subtotal"),
        _row("Förändring av kortfristiga fordringar", kfv["dfo"]),
        _row("Förändring av kortfristiga skulder", kfv["dst"]),
        _row("Kassaflöde från den löpande verksamheten", drift_cf, "subtotal"),
        _row("INVESTERINGAR", {}, "heading"),
        _row("Investering i materiella anläggningstillgångar", kfv["inv"], note="5"),
        _row("Kassaflöde från investeringsverksamheten", kfv["inv"], "subtotal"),
        _row("FINANSIERING", {}, "heading"),
        _row("Amortering av långfristiga lån", kfv["amort"]),
        _row("Kassaflöde från finansieringsverksamheten", kfv["amort"], "subtotal"),
        _row("Årets kassaflöde", flow, "total"),
        _row("Likvida medel vid årets början", {C: kb23, Y: kb22}),
        _row("Likvida medel vid årets slut", _sum(flow, {C: kb23, Y: kb22}), "total"),
    ]
    nc = [C, Y]

    def two(a: dict[str, int], split: float) -> tuple[dict[str, int], dict[str, int]]:
        first = {c: int(v * split) for c, v in a.items()}
        return first, {c: v - first[c] for c, v in a.items()}

    inc_y = n(42000, 48000)
    cost_y = n(30000, 34000)
    fee_y, fin_y = 810, n(150, 250)
    i1, i2 = two({C: inc[C], Y: inc_y}, 0.9)
    pers, oth = two({C: -cost[C], Y: cost_y}, 0.55)
    o1, o2 = two(oth, 0.3)
    o2a, o2b = two(o2, 0.5)
    notes = [
        (
            "1",
            "Verksamhetens intäkter",
            [
                _row("Försäljningsintäkter", i1),
                _row("Bidrag", i2),
                _row("Summa verksamhetens intäkter", _sum(i1, i2), "total"),
            ],
        ),
        (
            "2",
            "Verksamhetens kostnader",
            [
                _row("Personalkostnader", pers),
                _row("- varav pensionskostnader", {c: v // 10 for c, v in pers.items()}),
                _row("Lokalkostnader", o1),
                _row("Köp av tjänster", o2a),
                _row("Övrigt", o2b),
                _row("Summa övriga kostnader", oth, "subtotal"),
                _row("Summa verksamhetens kostnader", _sum(pers, oth), "total"),
            ],
        ),
        (
            "3",
            "Medlemsavgifter",
            [
                _row("Medlemsavgifter från kommunerna", {C: 430, Y: fee_y}),
                _row("Summa medlemsavgifter", {C: 430, Y: fee_y}, "total"),
            ],
        ),
        (
            "4",
            "Finansiella kostnader",
            [
                _row("Räntekostnader", {C: -fin[C], Y: fin_y}),
                _row("Summa finansiella kostnader", {C: -fin[C], Y: fin_y}, "total"),
            ],
        ),
        (
            "5",
            "Maskiner och inventarier",
            [
                _row("Ingående anskaffningsvärde", {C: ia23, Y: ia23 - p23}),
                _row("Inköp", {C: p24, Y: p23}),
                _row("Utgående anskaffningsvärde", {C: ia24, Y: ia23}, "subtotal"),
                _row("Ingående ackumulerade avskrivningar", {C: acc23, Y: acc23 + d23}),
                _row("Årets avskrivningar", {C: dep[C], Y: -d23}),
                _row("Utgående ackumulerade avskrivningar", {C: acc24, Y: acc23}, "subtotal"),
                _row("Redovisat värde", mi, "total"),
            ],
        ),
        (
            "6",
            "Kortfristiga fordringar",
            [
                _row("Kundfordringar", two(fo, 0.7)[0]),
                _row("Interimsfordringar", two(fo, 0.7)[1]),
                _row("Summa kortfristiga fordringar", fo, "total"),
            ],
        ),
        ("7", "Kassa och bank", [_row("Bank", kb), _row("Summa kassa och bank", kb, "total")]),
        (
            "8",
            "Eget kapital",
            [
                _row("Balanserat resultat", {C: ek23, Y: ek23 - r23}),
                _row("Årets resultat", {C: res[C], Y: r23}),
                _row("Utgående eget kapital", ek, "total"),
            ],
        ),
        (
            "9",
            "Långfristiga skulder",
            [_row("Lån i kreditinstitut", loan), _row("Summa långfristiga skulder", loan, "total")],
        ),
        (
            "10",
            "Kortfristiga skulder",
            [
                _row("Leverantörsskulder", two(st, 0.4)[0]),
                _row("Övriga kortfristiga skulder", two(st, 0.4)[1]),
                _row("Summa kortfristiga skulder", st, "total"),
            ],
        ),
    ]
    dc = [BU, C, PR, "Avvikelse"]
    groups = []
    remaining = {BU: res[BU], C: res[C], PR: res[PR]}
    for k, name in enumerate(("IT", "Kundtjänst", "Administration")):
        ink = {c: n(3000, 9000) for c in (BU, C, PR)}
        per = {c: -n(1000, 3000) for c in (BU, C, PR)}
        if k == 2:
            ovr = {c: remaining[c] - ink[c] - per[c] for c in (BU, C, PR)}
        else:
            ovr = {c: -n(1000, 3000) for c in (BU, C, PR)}
        tot_g = _sum(ink, per, ovr)
        remaining = {c: remaining[c] - tot_g[c] for c in remaining}
        for d in (ink, per, ovr, tot_g):
            d["Avvikelse"] = d[PR] - d[BU]
        groups += [
            _row("Intäkter", ink),
            _row("Personalkostnader", per),
            _row("Övriga kostnader", ovr),
            _row(name, tot_g, "subtotal"),
        ]
    drift_total = {BU: res[BU], C: res[C], PR: res[PR], "Avvikelse": res[PR] - res[BU]}
    groups.append(_row("Totalt", drift_total, "total"))
    projects = []
    left = p24
    for k in range(3):
        u = left if k == 2 else n(1000, p24 // 3)
        left -= u
        b, pr = n(2000, 6000), u + n(0, 2000)
        projects.append(_row(f"Projekt {k + 1}", {BU: b, C: u, PR: pr, "Avvikelse": b - pr}))
    projects.append(_row("Totalt", _sum(*(r["values"] for r in projects)), "total"))
    bk = [
        _row("Årets resultat", {PR: res[PR], "Bokslut 2023": r23}),
        _row("Realisationsvinster", {PR: 0, "Bokslut 2023": 0}),
        _row(
            "Årets resultat efter balanskravsjusteringar",
            {PR: res[PR], "Bokslut 2023": r23},
            "subtotal",
        ),
        _row("Årets balanskravsresultat", {PR: res[PR], "Bokslut 2023": r23}, "total"),
    ]
    ages = sorted(n(15, 60) / 10 for _ in range(3))
    total_sick = round((ages[0] + ages[2]) / 2, 1)
    sick_cols = ["jan–juni 2024"]
    sick_age = [
        _row(f"{a}", {sick_cols[0]: v})
        for a, v in zip(("0-29 år", "30-49 år", "50- år"), ages, strict=True)
    ]
    sick_age.append(_row("Totalt", {sick_cols[0]: total_sick}, "total"))
    sick_sex = [
        _row("Kvinnor", {sick_cols[0]: round(total_sick + 0.6, 1)}),
        _row("Män", {sick_cols[0]: round(total_sick - 0.5, 1)}),
        _row("Totalt", {sick_cols[0]: total_sick}, "total"),
    ]
    share = res[PR] * 100 / (inc[PR] + fee[PR])
    met = share >= 2
    claim = "Målet bedöms kunna uppfyllas." if met else "Målet bedöms inte kunna uppfyllas."
    goal = [
        _row(
            "Ekonomi i balans",
            {
                "Målvärde 2024": "Överskottet ska minst motsvara 2 % av omsättningen.",
                "Utfall per 2024-06-30": "Målvärdet följs upp i årsredovisningen.",
                "Prognos per 2024-12-31": claim,
            },
        )
    ]
    tables = [
        {
            "id": "resultatrakning",
            "title": "Resultaträkning (tkr)",
            "columns": [(C, "Utfall 2024-06-30"), (P, "Utfall 2023-06-30"), (PR, PR), (BU, BU)],
            "rows": rr,
        },
        {
            "id": "balansrakning",
            "title": "Balansräkning (tkr)",
            "columns": [(C, C), (Y, Y)],
            "rows": br,
        },
        {
            "id": "kassaflodesanalys",
            "title": "Kassaflödesanalys (tkr)",
            "columns": [(C, C), (Y, Y)],
            "rows": kf,
        },
        *(
            {
                "id": f"not_{no}",
                "title": f"Not {no}. {title}",
                "columns": [(c, c) for c in nc],
                "rows": rows,
            }
            for no, title, rows in notes
        ),
        {
            "id": "driftredovisning",
            "title": "Driftredovisning (tkr)",
            "columns": [(c, "Utfall 2024-06-30" if c == C else c) for c in dc],
            "rows": groups,
        },
        {
            "id": "investeringsredovisning",
            "title": "Investeringsredovisning (tkr)",
            "columns": [(c, "Utfall 2024-06-30" if c == C else c) for c in dc],
            "rows": projects,
        },
        {
            "id": "balanskravsutredning",
            "title": "Balanskravsutredning (tkr)",
            "columns": [(PR, PR), ("Bokslut 2023", "Bokslut 2023")],
            "rows": bk,
        },
        {
            "id": "sjukfranvaro_alder",
            "title": "Sjukfrånvaro i procent per åldersgrupp",
            "columns": [(c, c) for c in sick_cols],
            "rows": sick_age,
        },
        {
            "id": "sjukfranvaro_kon",
            "title": "Sjukfrånvaro i procent per kön",
            "columns": [(c, c) for c in sick_cols],
            "rows": sick_sex,
        },
        {
            "id": "maluppfyllelse",
            "title": "Måluppfyllelse",
            "columns": [
                ("Målvärde 2024", "Målvärde 2024"),
                ("Utfall per 2024-06-30", "Utfall per 2024-06-30"),
                ("Prognos per 2024-12-31", "Prognos per 2024-12-31"),
            ],
            "rows": goal,
        },
    ]

    def sek(v: int) -> str:
        return f"{v:,}".replace(",", " ")

    verb = "når" if met else "når inte"
    paragraphs = [
        (
            "Ekonomisk översikt",
            f"Förbundet redovisar för perioden ett resultat på {sek(res[C])} tkr.",
        ),
        ("Ekonomisk översikt", f"Helårsprognosen pekar på ett resultat på {sek(res[PR])} tkr."),
        (
            "Ekonomisk översikt",
            f"Låneskulden uppgår till {loan[C] // 1000} mkr vid periodens slut.",
        ),
        ("Investeringar", f"Investeringarna för perioden uppgår till {sek(p24)} tkr."),
        (
            "Sjukfrånvaro",
            f"Den totala sjukfrånvaron är {str(total_sick).replace('.', ',')} % för perioden.",
        ),
        (
            "God ekonomisk hushållning",
            f"Förbundet bedöms enligt prognosen att det {verb} målet om ett överskott på minst 2 % av omsättningen.",  # noqa: E501
        ),
    ]
    return Report(tables, paragraphs)


# ---------------------------------------------------------------- rendering


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return str(v).replace(".", ",")
    if isinstance(v, int):
        s = f"{abs(v):,}".replace(",", " ")
        return f"−{s}" if v < 0 else s
    return str(v)


def to_markdown(rep: Report, tabs: bool = False) -> str:
    """Markdown with pipe tables (or text with tab tables and inline <b>, as the seed)."""
    out = ["# Delårsrapport 2024-06-30", ""]
    paras: dict[str, list[str]] = {}
    for section, text in rep.paragraphs:
        paras.setdefault(section, []).append(text)
    for section, texts in paras.items():
        out += [f"## {section}", "", *(t + "\n" for t in texts)]
    for t in rep.tables:
        out += [f"### {t['title']}", ""]
        has_notes = t["id"] in ("resultatrakning", "balansrakning")
        head = ["", *(["Not"] if has_notes else []), *(label for _, label in t["columns"])]
        lines = [head]
        for r in t["rows"]:
            bold = r["kind"] in ("subtotal", "total", "heading")
            cells = [r["label"], *([f"Not {r['note']}" if r["note"] else ""] if has_notes else [])]
            cells += [_fmt(r["values"].get(c, "")) for c, _ in t["columns"]]
            if bold:
                cells = [(f"<b>{c}</b>" if tabs else f"**{c}**") if c else c for c in cells]
            lines.append(cells)
        if tabs:
            out += ["\t".join(cells) for cells in lines]
        else:
            out.append("| " + " | ".join(lines[0]) + " |")
            out.append("|" + "---|" * len(lines[0]))
            out += [
                "| " + " | ".join(c.replace("|", "/") for c in cells) + " |" for cells in lines[1:]
            ]
        out.append("")
    return "\n".join(out)


def to_html(rep: Report) -> str:
    """HTML with <caption>, <th> headers and <strong> sums."""
    out = ["<html><body><h1>Delårsrapport</h1>"]
    for section, text in rep.paragraphs:
        out.append(f"<h2>{section}</h2><p>{text}</p>")
    for t in rep.tables:
        has_notes = t["id"] in ("resultatrakning", "balansrakning")
        out.append(f"<table><caption>{t['title']}</caption><tr><th></th>")
        out += ["<th>Not</th>"] if has_notes else []
        out += [f"<th>{label}</th>" for _, label in t["columns"]]
        out.append("</tr>")
        for r in t["rows"]:
            strong = r["kind"] in ("subtotal", "total", "heading")
            wrap = (lambda s: f"<strong>{s}</strong>") if strong else (lambda s: s)
            out.append(f"<tr><td>{wrap(r['label'])}</td>")
            out += [f"<td>{r['note'] or ''}</td>"] if has_notes else []
            out += [f"<td>{wrap(_fmt(r['values'].get(c, '')))}</td>" for c, _ in t["columns"]]
            out.append("</tr>")
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)


def to_json(rep: Report, tables: list[Table] | None = None) -> dict[str, Any]:
    """report.json (DESIGN §4) for the report (or for the given tables)."""
    return {
        "schema": "redovisa.report/1",
        "report": {
            "kind": "delårsrapport",
            "period_start": "2024-01-01",
            "period_end": C,
            "unit": "tkr",
        },
        "tables": [
            {
                "id": t["id"],
                "title": t["title"],
                "columns": [{"id": c, "label": label} for c, label in t["columns"]],
                "rows": [
                    {
                        "label": r["label"],
                        "note": r["note"],
                        "kind": r["kind"],
                        "values": r["values"],
                    }
                    for r in t["rows"]
                ],
            }
            for t in (tables if tables is not None else rep.tables)
        ],
        "paragraphs": [{"section": s, "text": p} for s, p in rep.paragraphs],
    }


# ---------------------------------------------------------------- injections


def _shift(rep: Report, tid: str, labels: tuple[str, ...], col: str, delta: int) -> None:
    for label in labels:
        rep.row(tid, label)["values"][col] += delta


def _set_para(rep: Report, index: int, old: str, new: str) -> None:
    section, text = rep.paragraphs[index]
    rep.paragraphs[index] = (section, text.replace(old, new))


@dataclass(frozen=True)
class Injection:
    """One kind of error: how to inject it, which codes find it, which may follow from it."""

    name: str
    codes: frozenset[str]
    also: frozenset[str]


def _inject(rep: Report, kind: str, rnd: random.Random) -> Injection:
    d = rnd.choice([-1, 1]) * rnd.randint(7, 900)
    col = rnd.choice([C, Y])

    def inj(codes: str, also: str = "") -> Injection:
        return Injection(kind, frozenset(codes.split()), frozenset(also.split()))

    if kind == "rr_subtotal":
        _shift(
            rep, "resultatrakning", ("Verksamhetens nettokostnader",), rnd.choice([C, P, PR, BU]), d
        )
        return inj("SUM001")
    if kind == "br_item":
        _shift(rep, "balansrakning", ("Fordringar",), col, d)
        return inj("SUM001 XTAB005", "XTAB009")
    if kind == "kf_subtotal":
        _shift(rep, "kassaflodesanalys", ("Kassaflöde från den löpande verksamheten",), col, d)
        return inj("SUM001")
    if kind == "note_item":
        _shift(rep, "not_10", ("Leverantörsskulder",), col, d)
        return inj("SUM001")
    if kind == "drift_group":
        _shift(
            rep, "driftredovisning", (rnd.choice(["IT", "Kundtjänst"]),), rnd.choice([BU, C, PR]), d
        )
        return inj("SUM001", "SUM003")
    if kind == "invest_total":
        _shift(rep, "investeringsredovisning", ("Totalt",), rnd.choice([BU, PR]), d)
        return inj("SUM001", "SUM003")
    if kind == "balance":
        _shift(rep, "balansrakning", ("Summa eget kapital och skulder",), col, d)
        return inj("SUM004 SUM001")
    if kind == "deviation":
        _shift(rep, "driftredovisning", ("Intäkter",), "Avvikelse", d)
        return inj("SUM003", "SUM001")
    if kind == "note_vs_statement":
        _shift(rep, "not_6", ("Kundfordringar", "Summa kortfristiga fordringar"), col, d)
        return inj("XTAB005")
    if kind == "result_balanskrav":
        _shift(
            rep,
            "balanskravsutredning",
            (
                "Årets resultat",
                "Årets resultat efter balanskravsjusteringar",
                "Årets balanskravsresultat",
            ),
            PR,
            d,
        )
        return inj("XTAB001")
    if kind == "result_equity_note":
        _shift(rep, "not_8", ("Balanserat resultat",), col, -d)
        _shift(rep, "not_8", ("Årets resultat",), col, d)
        return inj("XTAB001")
    if kind == "cash_note":
        _shift(rep, "not_7", ("Bank", "Summa kassa och bank"), col, d)
        return inj("XTAB002 XTAB005")
    if kind == "cash_opening":
        _shift(
            rep,
            "kassaflodesanalys",
            ("Likvida medel vid årets början", "Likvida medel vid årets slut"),
            C,
            d,
        )
        return inj("XTAB002")
    if kind == "depreciation":
        _shift(
            rep,
            "kassaflodesanalys",
            (
                "Justering för av- och nedskrivningar",
                "Medel från verksamheten före förändring av rörelsekapital",
                "Kassaflöde från den löpande verksamheten",
            ),
            col,
            d,
        )
        _shift(
            rep,
            "kassaflodesanalys",
            (
                "Investering i materiella anläggningstillgångar",
                "Kassaflöde från investeringsverksamheten",
            ),
            col,
            -d,
        )
        return inj("XTAB003 XTAB004")
    if kind == "investments":
        _shift(rep, "investeringsredovisning", ("Projekt 1", "Totalt"), C, d)
        _shift(rep, "investeringsredovisning", ("Projekt 1", "Totalt"), "Avvikelse", 0)
        return inj("XTAB004", "TXT001")
    if kind == "drift_total":
        _shift(rep, "driftredovisning", ("Intäkter", "IT", "Totalt"), C, d)
        return inj("XTAB006")
    if kind == "varav":
        pers = rep.row("not_2", "Personalkostnader")["values"][col]
        rep.row("not_2", "- varav pensionskostnader")["values"][col] = pers + abs(d)
        return inj("LBL001")
    if kind == "result_label":
        rep.row("balansrakning", "- varav årets resultat")["values"][col] = rep.row(
            "balansrakning", "Summa eget kapital"
        )["values"][col]
        return inj("LBL002")
    if kind == "text_result":
        res = rep.row("resultatrakning", "Periodens resultat")["values"][C]
        new = res + d if abs(d) > 60 else res + 500
        _set_para(
            rep, 0, f"{res:,}".replace(",", " ") + " tkr", f"{new:,}".replace(",", " ") + " tkr"
        )
        return inj("TXT001")
    if kind == "text_debt":
        loan = rep.row("balansrakning", "Långfristiga skulder")["values"][C] // 1000
        _set_para(rep, 2, f"{loan} mkr", f"{loan + rnd.randint(2, 9)} mkr")
        return inj("TXT001")
    if kind == "goal_table":
        row = rep.table("maluppfyllelse")["rows"][0]
        old = row["values"]["Prognos per 2024-12-31"]
        row["values"]["Prognos per 2024-12-31"] = (
            "Målet bedöms inte kunna uppfyllas."
            if "inte" not in old
            else "Målet bedöms kunna uppfyllas."
        )
        return inj("GOAL001")
    if kind == "goal_text":
        section, text = rep.paragraphs[5]
        rep.paragraphs[5] = (
            section,
            text.replace("når inte", "NÅR").replace(" når ", " når inte ").replace("NÅR", "når"),
        )
        return inj("GOAL001")
    if kind == "sick_total":
        tot = rep.row("sjukfranvaro_alder", "Totalt")["values"]
        key = next(iter(tot))
        tot[key] = round(tot[key] + 9.0, 1)
        return inj("SUM005 XTAB008", "TXT001")
    if kind == "sick_tables":
        tot = rep.row("sjukfranvaro_kon", "Totalt")["values"]
        key = next(iter(tot))
        tot[key] = round(tot[key] + 0.3, 1)
        return inj("XTAB008")
    if kind == "prior":
        rep.prior = copy.deepcopy(rep.tables)
        t = next(t for t in rep.prior if t["id"] == "not_10")
        t["rows"][0]["values"][Y] += d
        return inj("XTAB007")
    if kind == "kf_working_capital":
        # the receivables and liabilities lines swap part of their amounts: sums still hold
        _shift(rep, "kassaflodesanalys", ("Förändring av kortfristiga fordringar",), C, d)
        _shift(rep, "kassaflodesanalys", ("Förändring av kortfristiga skulder",), C, -d)
        return inj("XTAB009")
    if kind == "kf_adjusted":
        # an adjustment line takes part of the receivables change: only a warning
        kf = rep.table("kassaflodesanalys")["rows"]
        at = next(i for i, r in enumerate(kf) if r["label"] == "Förändring av kortfristiga skulder")
        kf.insert(at + 1, _row("Övriga ej likviditetspåverkande poster", {C: d, Y: 0}))
        _shift(rep, "kassaflodesanalys", ("Förändring av kortfristiga fordringar",), C, -d)
        return inj("XTAB010")
    if kind == "opening_note":
        _shift(rep, "not_5", ("Ingående anskaffningsvärde",), C, d)
        _shift(rep, "not_5", ("Inköp",), C, -d)
        return inj("XTAB011", "XTAB004")
    if kind == "prior_opening":
        rep.prior = copy.deepcopy(rep.tables)
        old = next(t for t in rep.prior if t["id"] == "not_5")
        for label in ("Inköp", "Utgående anskaffningsvärde"):
            next(r for r in old["rows"] if r["label"] == label)["values"][Y] += d
        note = rep.table("not_5")
        note["columns"] = [(C, C)]
        for r in note["rows"]:
            r["values"].pop(Y, None)
        return inj("XTAB011")
    raise ValueError(kind)


KINDS = (
    "rr_subtotal",
    "br_item",
    "kf_subtotal",
    "note_item",
    "drift_group",
    "invest_total",
    "balance",
    "deviation",
    "note_vs_statement",
    "result_balanskrav",
    "result_equity_note",
    "cash_note",
    "cash_opening",
    "depreciation",
    "investments",
    "drift_total",
    "varav",
    "result_label",
    "text_result",
    "text_debt",
    "goal_table",
    "goal_text",
    "sick_total",
    "sick_tables",
    "prior",
    "kf_working_capital",
    "kf_adjusted",
    "opening_note",
    "prior_opening",
)
FORMATS = ("md", "txt", "html", "json")


def corpus(variants: int = 3) -> list[tuple[str, Report, Injection | None, str]]:
    """(name, report, injection or None, format): every kind × variants, plus clean ones."""
    out: list[tuple[str, Report, Injection | None, str]] = []
    for seed in range(8):
        out.append((f"clean-{seed}", clean_report(1000 + seed), None, FORMATS[seed % 4]))
    k = 0
    for kind in KINDS:
        for v in range(variants):
            rep = clean_report(k + 1)
            injection = _inject(rep, kind, random.Random(k))
            out.append((f"{kind}-{v}", rep, injection, FORMATS[k % 4]))
            k += 1
    return out
