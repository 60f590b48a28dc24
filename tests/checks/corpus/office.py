"""Real office files of a corpus report: XLSX (openpyxl), DOCX (python-docx), PDF (Typst).

The layout is the usual municipal one: a title per statement, a "Not" column, figures
right-aligned with space thousands separators, sums in bold. Negative figures are
printed with U+2212 minus, with parentheses or with a hyphen, depending on the table
(``MINUS_STYLE``), and thousands separators vary between a space, a no-break space and a
narrow no-break space, as real reports do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.checks.corpus.generate import Report, Table

# table id -> how negatives are printed
MINUS_STYLE = {
    "resultatrakning": "\u2212",
    "balansrakning": "-",
    "kassaflodesanalys": "()",
}
SEPARATOR = {
    "resultatrakning": "\u00a0",
    "balansrakning": "\u202f",
    "kassaflodesanalys": " ",
}
NOTE_TABLES = ("resultatrakning", "balansrakning", "kassaflodesanalys")


def figure(value: Any, tid: str) -> str:
    """A figure as the table prints it."""
    if isinstance(value, float):
        return str(value).replace(".", ",")
    if not isinstance(value, int):
        return str(value)
    sep = SEPARATOR.get(tid, " ")
    digits = f"{abs(value):,}".replace(",", sep)
    if value >= 0:
        return digits
    style = MINUS_STYLE.get(tid, "\u2212")
    return f"({digits})" if style == "()" else f"{style}{digits}"


def _is_notes(t: Table) -> bool:
    return str(t["id"]).startswith("not_")


def _has_note_column(t: Table) -> bool:
    return t["id"] in NOTE_TABLES


def _note_ref(row: dict[str, Any], tid: str) -> str:
    note = row.get("note")
    if not note:
        return ""
    return f"Not {note}" if tid == "kassaflodesanalys" else str(note)


def blocks(rep: Report) -> list[tuple[str, Any]]:
    """The report as a sequence of ("heading", text), ("para", text), ("table", Table).

    The notes are one table ("Noter (tkr)") with a bold heading row per note, as the seed.
    """
    out: list[tuple[str, Any]] = [("heading", "Delårsrapport 2024-06-30")]
    section = None
    for sec, text in rep.paragraphs:
        if sec != section:
            out.append(("heading", sec))
            section = sec
        out.append(("para", text))
    notes = [t for t in rep.tables if _is_notes(t)]
    for t in rep.tables:
        if _is_notes(t):
            if t is notes[0]:
                rows: list[dict[str, Any]] = []
                for n in notes:
                    rows.append({"label": n["title"].removeprefix("Not "), "kind": "heading"})
                    rows += n["rows"]
                out.append(("heading", "Noter"))
                out.append(
                    (
                        "table",
                        {
                            "id": "noter",
                            "title": "Noter (tkr)",
                            "columns": t["columns"],
                            "rows": rows,
                        },
                    )
                )
            continue
        out.append(("heading", t["title"]))
        out.append(("table", t))
    return out


def grid(t: Table) -> list[tuple[list[str], bool]]:
    """Header and rows of a table as printed cells, with whether the row is bold."""
    tid = t["id"]
    head = ["", *(["Not"] if _has_note_column(t) else []), *(label for _, label in t["columns"])]
    rows = [(head, True)]
    for r in t["rows"]:
        bold = r.get("kind") in ("subtotal", "total", "heading")
        cells = [r["label"], *([_note_ref(r, tid)] if _has_note_column(t) else [])]
        cells += [figure(r.get("values", {}).get(c, ""), tid) for c, _ in t["columns"]]
        rows.append((cells, bold))
    return rows


# ------------------------------------------------------------------ PDF (Typst)


def _typst_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_typst(rep: Report) -> str:
    """Typst source: one statement per page, notes spanning pages, repeated headers."""
    out = [
        '#set page(paper: "a4", margin: (x: 2cm, y: 2.2cm), numbering: "1")',
        '#set text(lang: "sv", size: 10pt)',
        "#set heading(numbering: none)",
    ]
    first_table = True
    for kind, item in blocks(rep):
        if kind == "heading":
            out.append(f"#heading(level: 2, {_typst_str(item)})")
        elif kind == "para":
            out.append(f"#par({_typst_str(item)})")
        else:
            t = item
            if first_table or t["id"] in ("resultatrakning", "balansrakning", "noter"):
                # statements start on a new page; the heading goes with its table
                out.insert(len(out) - 1, "#pagebreak()")
            first_table = False
            ncols = len(t["columns"])
            note = _has_note_column(t)
            label_w = "6cm" if t["id"] == "kassaflodesanalys" else "1fr"
            widths = [label_w, *(["1.3cm"] if note else []), *(["2.3cm"] * ncols)]
            aligns = ["left", *(["center"] if note else []), *(["right"] * ncols)]
            cells = grid(t)
            head, _ = cells[0]
            body = []
            for row, bold in cells[1:]:
                wrap = (lambda s: f"strong({_typst_str(s)})") if bold else _typst_str
                body.append(", ".join(wrap(c) for c in row))
            out.append(
                "#table(\n"
                f"  columns: ({', '.join(widths)}),\n"
                f"  align: ({', '.join(aligns)}),\n"
                "  stroke: none,\n"
                f"  table.header({', '.join(f'strong({_typst_str(c)})' for c in head)}),\n"
                + "".join(f"  {line},\n" for line in body)
                + ")"
            )
    return "\n".join(out) + "\n"


def write_pdf(rep: Report, path: Path) -> Path:
    """Compile the report to a text-based PDF with Typst."""
    import typst

    path.write_bytes(typst.compile(to_typst(rep).encode("utf-8")))
    return path


# ------------------------------------------------------------------ XLSX


def _xlsx_value(text: str, raw: Any) -> Any:
    return raw if isinstance(raw, int | float) and not isinstance(raw, bool) else text


def write_xlsx(rep: Report, path: Path) -> Path:
    """One sheet per statement (notes together), titles in A1, figures as numbers.

    Figures are numbers with a Swedish number format; the comparison column of the
    balansräkning is typed as text (as in hand-made sheets), and the table starts in
    column B, as many municipal workbooks do.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    wb.remove(wb.active)
    narrative = wb.create_sheet("Text")
    for k, (sec, text) in enumerate(rep.paragraphs, start=1):
        narrative.cell(k * 2, 1, sec).font = Font(bold=True)
        narrative.cell(k * 2 + 1, 1, text)
    names = {
        "resultatrakning": "RR",
        "balansrakning": "BR",
        "kassaflodesanalys": "KF",
        "noter": "Noter",
        "driftredovisning": "Drift",
        "investeringsredovisning": "Investeringar",
        "balanskravsutredning": "Balanskrav",
        "sjukfranvaro_alder": "Sjukfrånvaro",
        "sjukfranvaro_kon": "Sjukfrånvaro kön",
        "maluppfyllelse": "Mål",
    }
    for kind, t in blocks(rep):
        if kind != "table":
            continue
        ws = wb.create_sheet(names.get(t["id"], t["id"])[:31])
        ws.cell(1, 2, t["title"]).font = Font(bold=True, size=12)
        tid = t["id"]
        note = _has_note_column(t)
        head = ["", *(["Not"] if note else []), *(label for _, label in t["columns"])]
        for j, h in enumerate(head):
            ws.cell(3, 2 + j, h or None).font = Font(bold=True)
        for i, r in enumerate(t["rows"]):
            bold = r.get("kind") in ("subtotal", "total", "heading")
            ws.cell(4 + i, 2, r["label"]).font = Font(bold=bold)
            if note:
                ws.cell(4 + i, 3, r.get("note") and int(r["note"]))
            for j, (c, _) in enumerate(t["columns"]):
                v = r.get("values", {}).get(c)
                if v is None or v == "":
                    continue
                col = 2 + (2 if note else 1) + j
                as_text = tid == "balansrakning" and c == "2023-12-31"
                cell = ws.cell(4 + i, col, figure(v, tid) if as_text else v)
                cell.font = Font(bold=bold)
                cell.alignment = Alignment(horizontal="right", wrap_text=True)
                if isinstance(v, float):
                    cell.number_format = "0.0"
                elif isinstance(v, int):
                    cell.number_format = "# ##0;[Red]\u2212# ##0"
    wb.save(path)
    return path


# ------------------------------------------------------------------ DOCX


def write_docx(rep: Report, path: Path) -> Path:
    """Headings, paragraphs and tables; heading rows of the notes merged across the row."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    for kind, item in blocks(rep):
        if kind == "heading":
            document.add_heading(item, level=2)
            continue
        if kind == "para":
            document.add_paragraph(item)
            continue
        cells = grid(item)
        table = document.add_table(rows=len(cells), cols=len(cells[0][0]))
        merge = []
        for (row, bold), docx_row in zip(cells, table.rows, strict=True):
            row_cells = docx_row.cells
            if all(not c for c in row[1:]) and bold and row[0]:
                merge.append((row_cells[0], row_cells[-1]))
            for j, (text, cell) in enumerate(zip(row, row_cells, strict=True)):
                paragraph = cell.paragraphs[0]
                run = paragraph.add_run(text)
                run.bold = bold
                if j > 0:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for first, last in merge:
            first.merge(last)
    document.save(str(path))
    return path
