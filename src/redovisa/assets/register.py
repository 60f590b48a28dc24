"""Anläggningsregister: read the asset register from CSV or XLSX.

The format (columns, dates, amounts) is documented in ``docs/assets.md``. Every problem of
every row is a :class:`~redovisa.core.Diagnostic` with the file and line (for XLSX: the
sheet row); rows with errors are left out of the register.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from redovisa.assets import codes
from redovisa.assets.model import Asset, AssetConfig
from redovisa.core.diagnostic_codes import CODES
from redovisa.core.diagnostics import Diagnostic, SourceRef
from redovisa.core.money import ZERO

COLUMNS = (
    "asset_id",
    "description",
    "category",
    "acquisition_date",
    "acquisition_value",
    "cost_centre",
    "project",
    "residual_value",
    "disposal_date",
    "disposal_value",
    "quantity",
    "voucher",
)
"""The register's columns, in the order :func:`write_register_csv` writes them."""

REQUIRED = ("asset_id", "category", "acquisition_date", "acquisition_value")

ALIASES = {
    "id": "asset_id",
    "inventarienummer": "asset_id",
    "benämning": "description",
    "beskrivning": "description",
    "kategori": "category",
    "anskaffningsdatum": "acquisition_date",
    "anskaffningsvärde": "acquisition_value",
    "ansvar": "cost_centre",
    "kostnadsställe": "cost_centre",
    "projekt": "project",
    "restvärde": "residual_value",
    "avyttringsdatum": "disposal_date",
    "försäljningspris": "disposal_value",
    "antal": "quantity",
    "verifikation": "voucher",
}
"""Swedish column headings accepted for the English column names."""

_AMOUNT = re.compile(r"-?\d+([.,]\d{1,2})?")

Row = tuple[int, dict[str, str]]


def read_register(
    path: Path, config: AssetConfig | None = None, *, display_path: str | None = None
) -> tuple[list[Asset], list[Diagnostic]]:
    """Read a register from a ``.csv`` or ``.xlsx`` file; check categories against ``config``.

    Diagnostics name ``display_path`` (the path as the user gave it) when given.
    """
    shown = display_path if display_path is not None else str(path)
    where = SourceRef(shown)
    try:
        if path.suffix.lower() in {".xlsx", ".xlsm"}:
            rows = list(_xlsx_rows(path))
        else:
            rows = list(_csv_rows(path.read_bytes()))
    except (OSError, ValueError, KeyError) as exc:
        return [], [_diag(codes.UNREADABLE, f"registret kan inte läsas: {exc}", where)]
    return parse_register(rows, shown, config)


def parse_register(
    rows: Iterable[Row], path: str, config: AssetConfig | None = None
) -> tuple[list[Asset], list[Diagnostic]]:
    """Turn (line, {column: text}) rows into assets; the first row gives the header."""
    diags: list[Diagnostic] = []
    iterator = iter(rows)
    try:
        header_line, header = next(iterator)
    except StopIteration:
        return [], [_diag(codes.UNREADABLE, "registret är tomt", SourceRef(path))]
    names = [ALIASES.get(h.strip().lower(), h.strip().lower()) for h in header.values()]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        msg = "kolumn saknas: " + ", ".join(missing)
        return [], [_diag(codes.UNREADABLE, msg, SourceRef(path, header_line))]
    diags.extend(
        _diag(codes.UNKNOWN_COLUMN, f"kolumnen {n!r} används inte", SourceRef(path, header_line))
        for n in names
        if n and n not in COLUMNS
    )
    assets: list[Asset] = []
    seen: dict[str, int] = {}
    for line, raw in iterator:
        values = {n: v.strip() for n, v in zip(names, raw.values(), strict=False) if n}
        if not any(values.values()):
            continue
        asset, problems = _asset(values, SourceRef(path, line), config)
        diags.extend(problems)
        if asset is None:
            continue
        if asset.id in seen:
            msg = f"inventarienummer {asset.id} finns redan på rad {seen[asset.id]}"
            diags.append(_diag(codes.DUPLICATE_ID, msg, SourceRef(path, line)))
            continue
        seen[asset.id] = line
        assets.append(asset)
    return assets, diags


def _asset(
    v: dict[str, str], where: SourceRef, config: AssetConfig | None
) -> tuple[Asset | None, list[Diagnostic]]:
    diags: list[Diagnostic] = [
        _diag(codes.MISSING_VALUE, f"{col} saknas", where) for col in REQUIRED if not v.get(col)
    ]
    acquired = _date(v, "acquisition_date", where, diags)
    disposed = _date(v, "disposal_date", where, diags)
    value = _amount(v, "acquisition_value", where, diags)
    residual = _amount(v, "residual_value", where, diags) or ZERO
    proceeds = _amount(v, "disposal_value", where, diags) or ZERO
    quantity: int | None = None
    if v.get("quantity"):
        if v["quantity"].isdigit():
            quantity = int(v["quantity"])
        else:
            diags.append(
                _diag(codes.BAD_VALUE, f"antal {v['quantity']!r} är inte ett heltal", where)
            )
    category = v.get("category", "")
    group = False
    if config is not None and category:
        if category not in config.categories:
            known = ", ".join(sorted(config.categories))
            diags.append(
                _diag(codes.UNKNOWN_CATEGORY, f"kategorin {category!r} finns inte ({known})", where)
            )
        else:
            group = config.categories[category].group
    if value is not None and value <= 0:
        diags.append(_diag(codes.BAD_VALUE, "anskaffningsvärdet ska vara större än noll", where))
    if residual < 0 or (value is not None and 0 < value < residual):
        msg = "restvärdet ska vara mellan noll och anskaffningsvärdet"
        diags.append(_diag(codes.BAD_VALUE, msg, where))
    if proceeds < 0:
        diags.append(_diag(codes.BAD_VALUE, "försäljningspriset får inte vara negativt", where))
    if proceeds and disposed is None and not v.get("disposal_date"):
        diags.append(
            _diag(codes.DISPOSAL_VALUE_WITHOUT_DATE, "försäljningspris utan avyttringsdatum", where)
        )
    if acquired and disposed and disposed < acquired:
        diags.append(
            _diag(
                codes.DISPOSAL_BEFORE_ACQUISITION,
                f"avyttringsdatum {disposed} är före anskaffningsdatum {acquired}",
                where,
            )
        )
    if group and disposed is not None:
        diags.append(
            _diag(
                codes.GROUP_DISPOSAL,
                f"kategorin {category} skrivs av som grupp; avyttringen på raden används inte",
                where,
            )
        )
        disposed, proceeds = None, ZERO
    if any(d.is_error for d in diags) or acquired is None or value is None:
        return None, diags
    asset = Asset(
        id=v["asset_id"],
        description=v.get("description", ""),
        category=category,
        acquisition_date=acquired,
        acquisition_value=value,
        cost_centre=v.get("cost_centre", ""),
        project=v.get("project", ""),
        residual_value=residual,
        disposal_date=disposed,
        disposal_value=proceeds,
        quantity=quantity,
        voucher=v.get("voucher", ""),
        line=where.line,
    )
    return asset, diags


def parse_register_amount(text: str) -> Decimal | None:
    """Kronor as a spreadsheet writes them: ``12 345,50``, ``12345.50``; None if not one."""
    cleaned = text.replace("\u00a0", "").replace(" ", "")
    if not _AMOUNT.fullmatch(cleaned):
        return None
    try:
        return Decimal(cleaned.replace(",", ".")).quantize(Decimal("0.01"))
    except InvalidOperation:  # pragma: no cover - the regex admits only valid text
        return None


def _amount(
    v: dict[str, str], col: str, where: SourceRef, diags: list[Diagnostic]
) -> Decimal | None:
    text = v.get(col, "")
    if not text:
        return None
    amount = parse_register_amount(text)
    if amount is None:
        diags.append(_diag(codes.BAD_AMOUNT, f"{col}: {text!r} är inte ett belopp", where))
    return amount


def _date(v: dict[str, str], col: str, where: SourceRef, diags: list[Diagnostic]) -> date | None:
    text = v.get(col, "")
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10]) if len(text) in (10, 19) else _fail(text)
    except ValueError:
        diags.append(
            _diag(codes.BAD_DATE, f"{col}: {text!r} är inte ett datum (ÅÅÅÅ-MM-DD)", where)
        )
        return None


def _fail(text: str) -> date:
    raise ValueError(text)


def _csv_rows(data: bytes) -> Iterator[Row]:
    text = data.decode("utf-8-sig")
    if "\x00" in text:
        raise ValueError("filen är binär")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    for index, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter)):
        yield index + 1, {str(i): cell for i, cell in enumerate(row)}


def _xlsx_rows(path: Path) -> Iterator[Row]:
    from openpyxl import load_workbook  # noqa: PLC0415 - optional at import time

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        for index, row in enumerate(sheet.iter_rows(values_only=True)):
            yield index + 1, {str(i): _cell_text(c) for i, c in enumerate(row)}
    finally:
        workbook.close()


def _cell_text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, float):
        if cell.is_integer():
            return str(int(cell))
        return f"{Decimal(repr(cell)).quantize(Decimal('0.01'))}"
    return str(cell)


def write_register_csv(assets: Iterable[Asset]) -> str:
    """The register as CSV text in the documented format (comma, UTF-8, header row)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for a in assets:
        writer.writerow(
            [
                a.id,
                a.description,
                a.category,
                a.acquisition_date.isoformat(),
                f"{a.acquisition_value:.2f}",
                a.cost_centre,
                a.project,
                f"{a.residual_value:.2f}" if a.residual_value else "",
                a.disposal_date.isoformat() if a.disposal_date else "",
                f"{a.disposal_value:.2f}" if a.disposal_value else "",
                "" if a.quantity is None else str(a.quantity),
                a.voucher,
            ]
        )
    return out.getvalue()


def _diag(code: str, message: str, where: SourceRef) -> Diagnostic:
    return Diagnostic(code, CODES[code].severity, message, where)
