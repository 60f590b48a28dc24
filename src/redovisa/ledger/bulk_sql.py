"""The SQL of the bulk import: DuckDB reads, classifies and parses the voucher lines.

The patterns accept only the canonical form of ``#VER`` and ``#TRANS``/``#RTRANS``/``#BTRANS``
lines (fields separated by spaces or tabs, quoted fields with ``\\"`` escapes, an object list
of pairs, an amount with at most two decimals). For every line they accept they give the same
values as the SIE reader's lexer; a file with any other voucher line goes to the reader.

Speed: the common voucher lines (single spaces, no row text) are recognised by
``regexp_full_match`` without captures (RE2's DFA, several times faster) and cut with string
functions; every other line carrying a voucher label is matched by ``regexp_replace`` with a
template; both join the fields with the unit separator (``chr(31)``, which the scan
guarantees is not in the file), and ``string_split`` then gives the fields. Lines without a
voucher label are not matched at all. One narrow window pass numbers the vouchers and
checks the block structure.
"""

from __future__ import annotations

_Q = r'"(?:[^"\\]|\\"|\\[^"\\])*"'
_BARE = r'[^ \t"{}][^ \t]*'
_TOK = f"(?:{_Q}|{_BARE})"
_SEP = r"[ \t]+"
_ITEM = rf'(?:{_Q}|[^ \t"{{}}]+)'
US = "\x1f"


def _optional(n: int, first: int) -> str:
    out = ""
    for _ in range(n):
        out = f"(?:{_SEP}({_TOK}){out})?"
    return out


TRANS_RE = (
    rf"^[ \t]*#((?i:TRANS|RTRANS|BTRANS)){_SEP}([0-9]+){_SEP}"
    rf"\{{([ \t]*(?:{_ITEM}[ \t]*)*)\}}{_SEP}"
    rf"(-?[0-9]+(?:\.[0-9]{{1,2}})?){_optional(4, 5)}[ \t]*$"
)
"""#TRANS account {objects} amount [date [text [quantity [sign]]]] -> groups 1-8."""
TRANS_TEMPLATE = "T" + "".join(f"{US}\\{i}" for i in range(1, 9))

VER_RE = rf"^[ \t]*#(?i:VER){_SEP}({_TOK}){_SEP}({_TOK}){_SEP}({_TOK}){_optional(3, 4)}[ \t]*$"
"""#VER series number date [text [reg_date [sign]]] -> groups 1-6."""
VER_TEMPLATE = "V" + "".join(f"{US}\\{i}" for i in range(1, 7))

VOUCHER_LABEL_RE = r"^[ \t]*#(?i:VER|TRANS|RTRANS|BTRANS)(?:[ \t]|$)"
OBJECT_ITEM_RE = _ITEM
_SIMPLE_ITEM = r'(?:"[^" \t\\]*"|[^ \t"{}\\]+)'
SIMPLE_OBJECTS_RE = rf"{_SIMPLE_ITEM}(?: {_SIMPLE_ITEM})*"
"""An object list whose items are separated by single spaces and need no unquoting beyond
dropping the quotes (no separators or backslashes inside quotes): split, not matched."""
QUANTITY_RE = r"^-?[0-9]+(?:\.[0-9]{1,6})?$"

_SIMPLE_TOKEN = r'[^ \t"{}\\]+'
_SIMPLE_OBJ = r'(?:"[^" \t\\{}]*"|[^ \t"{}\\]+)'
SIMPLE_TRANS_RE = (
    rf"#(?:TRANS|RTRANS|BTRANS) [0-9]+ \{{(?:{_SIMPLE_OBJ}(?: {_SIMPLE_OBJ})*)?\}} "
    r"-?[0-9]+(?:\.[0-9]{1,2})?(?: [0-9]{8})?"
)
"""The common #TRANS line (single spaces, no row text): matched without captures (RE2's
fast DFA) and cut with string functions into the same ``j`` as :data:`TRANS_TEMPLATE`."""
SIMPLE_TRANS_J = (
    "('T' || chr(31) || replace(substr(txt, 2, strpos(txt, ' {') - 2), ' ', chr(31))"
    " || chr(31) || substr(txt, strpos(txt, ' {') + 2, strpos(txt, '} ') - strpos(txt, ' {') - 2)"
    " || chr(31) || replace(substr(txt, strpos(txt, '} ') + 2), ' ', chr(31))"
    " || CASE WHEN contains(substr(txt, strpos(txt, '} ') + 2), ' ')"
    " THEN repeat(chr(31), 3) ELSE repeat(chr(31), 4) END)"
)
SIMPLE_VER_RE = rf'#VER {_SIMPLE_TOKEN} {_SIMPLE_TOKEN} [0-9]{{8}} "[^"\\]*"'
"""The common #VER line (series, number, date, text): cut like :data:`SIMPLE_TRANS_J`."""
SIMPLE_VER_J = (
    "('V' || chr(31) || split_part(txt, ' ', 2) || chr(31) || split_part(txt, ' ', 3)"
    " || chr(31) || split_part(txt, ' ', 4) || chr(31) || substr(txt, strpos(txt, '\"'))"
    " || repeat(chr(31), 2))"
)

PARAMS: dict[str, object] = {
    "trans_re": TRANS_RE,
    "trans_tmpl": TRANS_TEMPLATE,
    "ver_re": VER_RE,
    "ver_tmpl": VER_TEMPLATE,
    "label_re": VOUCHER_LABEL_RE,
    "simple_trans_re": SIMPLE_TRANS_RE,
    "simple_ver_re": SIMPLE_VER_RE,
}


def unquote(expr: str) -> str:
    """SQL: the value of a token (quotes removed, ``\\"`` -> ``"``)."""
    return (
        f"(CASE WHEN starts_with({expr}, '\"') THEN "
        f"replace(substr({expr}, 2, length({expr}) - 2), '\\\"', '\"') ELSE {expr} END)"
    )


def nullif_empty(expr: str) -> str:
    """SQL: NULL for an empty value."""
    return f"nullif({expr}, '')"


def sie_date(expr: str) -> str:
    """SQL: a YYYYMMDD value as DATE (NULL when empty or not a date)."""
    return f"try_strptime({expr}, '%Y%m%d')::DATE"


def _blank_value(expr: str) -> str:
    return f"{expr} IN ('', '\"\"')"


def read_raw(path: str, crlf: bool) -> str:
    """SQL: every line of ``path`` with its number (a sequential pass: the numbering)."""
    newline = r"\r\n" if crlf else r"\n"
    literal = path.replace("'", "''")
    return f"""
CREATE OR REPLACE TEMP TABLE bulk_raw AS
SELECT row_number() OVER () AS ln, l AS txt
FROM read_csv('{literal}', columns={{'l': 'VARCHAR'}}, delim='\\x01', quote='',
              escape='', header=false, auto_detect=false, new_line='{newline}',
              strict_mode=false, max_line_size=16777216)
"""


CLASSIFY = f"""
CREATE OR REPLACE TEMP TABLE bulk_cls AS
WITH t AS (SELECT ln, txt, CASE
    WHEN regexp_full_match(txt, $simple_trans_re) THEN {SIMPLE_TRANS_J}
    WHEN regexp_full_match(txt, $simple_ver_re) THEN {SIMPLE_VER_J}
    WHEN regexp_matches(txt, $label_re) THEN regexp_replace(txt, $trans_re, $trans_tmpl)
    END AS jt FROM bulk_raw)
SELECT ln, txt, j, CASE
    WHEN starts_with(j, 'T' || chr(31)) THEN 'T'
    WHEN starts_with(j, 'V' || chr(31)) THEN 'V'
    WHEN txt = '{{' THEN 'O'
    WHEN txt = '}}' THEN 'C'
    WHEN txt IS NULL OR trim(txt, ' ' || chr(9) || chr(13)) = '' THEN 'B'
    WHEN trim(txt, ' ' || chr(9)) = '{{' THEN 'O'
    WHEN trim(txt, ' ' || chr(9)) = '}}' THEN 'C'
    WHEN regexp_matches(txt, $label_re) THEN 'X'
    ELSE 'H' END AS cat
FROM (SELECT ln, txt, CASE WHEN starts_with(jt, 'T' || chr(31)) THEN jt
                           WHEN starts_with(jt, 'V' || chr(31)) THEN jt
                           WHEN jt IS NOT NULL THEN regexp_replace(txt, $ver_re, $ver_tmpl)
                           END AS j FROM t)
"""
"""Each line classified, each voucher line parsed into joined fields ``j`` (in parallel; the
table keeps the line order, which :data:`ORDERED_SEQUENCE` checks)."""


# Voucher-region lines in file order: voucher number, neighbours. A streaming window (no
# ORDER BY: the table is scanned in insertion order, i.e. file order); ORDERED_SEQUENCE checks
# that and SEQUENCE_SORTED is the fallback.
_SEQ = """
CREATE OR REPLACE TEMP TABLE bulk_seq AS
SELECT ln, cat, j,
  sum((cat = 'V')::INTEGER) OVER ({frame}) AS vno,
  lag(cat) OVER ({w}) AS prev_cat, lead(cat) OVER ({w}) AS next_cat,
  lag(ln) OVER ({w}) AS prev_ln, lead(ln) OVER ({w}) AS next_ln
FROM bulk_cls WHERE cat <> 'B'
"""
SEQUENCE = _SEQ.format(frame="ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW", w="")
SEQUENCE_SORTED = _SEQ.format(frame="ORDER BY ln", w="ORDER BY ln")
ORDERED_SEQUENCE = "SELECT count(*) FROM bulk_seq WHERE prev_ln >= ln"

# A line the bulk path does not take, or a block structure that is not VER { rows }.
PROBLEMS = """
SELECT
  count(*) FILTER (WHERE cat = 'X') AS odd_lines,
  count(*) FILTER (WHERE prev_cat IS NULL AND cat <> 'H') AS first_not_header,
  count(*) FILTER (WHERE cat = 'O' AND prev_cat IS DISTINCT FROM 'V'
                   OR cat = 'V' AND next_cat IS DISTINCT FROM 'O'
                   OR cat IN ('T', 'C') AND prev_cat NOT IN ('O', 'T')
                   OR cat = 'H' AND prev_cat IN ('V', 'O', 'T')
                   OR cat IN ('V', 'O', 'T') AND next_cat IS NULL) AS structure
FROM bulk_seq
"""

ROWS = f"""
CREATE OR REPLACE TEMP TABLE bulk_t AS
SELECT vno, ln, next_ln, next_cat, upper(f[2]) AS kind, f[3] AS account,
  f[5]::DECIMAL(18,2) AS amount,
  CASE WHEN f[4] = '' THEN []::VARCHAR[]
       WHEN regexp_full_match(f[4], $simple_objects_re)
         THEN string_split(replace(f[4], '"', ''), ' ')
       ELSE list_transform(regexp_extract_all(f[4], $item_re), lambda x: {unquote("x")}) END
    AS objs,
  f[6] AS d, f[7] AS tx, f[8] AS qty, f[9] AS sg
FROM (SELECT vno, ln, next_ln, next_cat, string_split(j, chr(31)) AS f
      FROM bulk_seq WHERE cat = 'T')
"""

# Row dates: few distinct values, each parsed once.
DATES = f"""
CREATE OR REPLACE TEMP TABLE bulk_dates AS
SELECT d, {sie_date(unquote("d"))} AS date FROM (SELECT DISTINCT d FROM bulk_t)
"""

FIELD_PROBLEMS = f"""
SELECT
  count(*) FILTER (WHERE len(objs) % 2 = 1) AS odd_objects,
  (SELECT count(*) FROM bulk_dates WHERE date IS NULL AND NOT {_blank_value("d")})
    AS bad_dates,
  count(*) FILTER (WHERE NOT {_blank_value("qty")} AND NOT regexp_matches(qty, $quantity_re))
    AS bad_quantities
FROM bulk_t
"""

VER_PROBLEMS = f"""
SELECT count(*) FROM (SELECT string_split(j, chr(31)) AS f FROM bulk_cls WHERE cat = 'V')
WHERE {sie_date(unquote("f[4]"))} IS NULL
   OR NOT {_blank_value("f[6]")} AND {sie_date(unquote("f[6]"))} IS NULL
"""

# #RTRANS rows and their twins: an #RTRANS followed by a #TRANS with the same account, amount
# and objects drops that #TRANS; an #RTRANS without one is reported (SIE027).
TWINS = """
CREATE OR REPLACE TEMP TABLE bulk_twins AS
SELECT r.ln AS rtrans_ln, t.ln AS twin_ln
FROM bulk_t r LEFT JOIN bulk_t t ON t.ln = r.next_ln AND r.next_cat = 'T' AND t.kind = 'TRANS'
  AND t.account = r.account AND t.amount = r.amount AND t.objs = r.objs
WHERE r.kind = 'RTRANS'
"""

ROWS_FINAL = f"""
CREATE OR REPLACE TEMP TABLE bulk_rows AS
SELECT vno, ln, row_number() OVER (PARTITION BY vno ORDER BY ln) AS row_no, kind, account,
  amount, objs, date, {nullif_empty(unquote("tx"))} AS text,
  {nullif_empty(unquote("qty"))}::DECIMAL(24,6) AS quantity,
  {nullif_empty(unquote("sg"))} AS sign
FROM bulk_t JOIN bulk_dates USING (d)
WHERE ln NOT IN (SELECT twin_ln FROM bulk_twins WHERE twin_ln IS NOT NULL)
"""

ROWS_FINAL_NO_TWINS = f"""
CREATE OR REPLACE TEMP TABLE bulk_rows AS
SELECT vno, ln, (ln - first_ln + 1)::INTEGER AS row_no, kind, account,
  amount, objs, date, {nullif_empty(unquote("tx"))} AS text,
  {nullif_empty(unquote("qty"))}::DECIMAL(24,6) AS quantity,
  {nullif_empty(unquote("sg"))} AS sign
FROM bulk_t JOIN bulk_dates USING (d)
  JOIN (SELECT vno, min(ln) AS first_ln FROM bulk_t GROUP BY vno) USING (vno)
"""
"""Without dropped twins and with no blank lines inside blocks, a row's number is its line
offset in the block (checked by :data:`BLANKS_IN_BLOCKS`)."""

BLANKS_IN_BLOCKS = """
SELECT count(*) FROM bulk_seq WHERE cat = 'T' AND next_cat = 'T' AND next_ln <> ln + 1
"""

VOUCHERS = f"""
CREATE OR REPLACE TEMP TABLE bulk_vouchers AS
SELECT vno, ln, {unquote("f[2]")} AS series, {unquote("f[3]")} AS number,
  {sie_date(unquote("f[4]"))} AS date, {nullif_empty(unquote("f[5]"))} AS text,
  {sie_date(unquote("f[6]"))} AS reg_date, {nullif_empty(unquote("f[7]"))} AS sign
FROM (SELECT vno, ln, string_split(j, chr(31)) AS f FROM bulk_seq WHERE cat = 'V')
"""

INSERT_VOUCHERS = """
INSERT INTO voucher SELECT $imp, vno, series, number, date, text, reg_date, sign, ln
FROM bulk_vouchers
"""

# objects: the flat list (dim, obj, dim, obj, ...) as JSON pairs, written by DuckDB's to_json
# (the escapes the other paths copy: redovisa.ledger.loader.objects_json)
INSERT_POSTINGS = """
INSERT INTO posting
SELECT $imp, vno, row_no, account, amount, date, text, quantity, sign, kind, kind <> 'BTRANS', ln,
  to_json(list_transform(range(1, len(objs) // 2 + 1),
                         lambda k: [objs[2 * k - 1], objs[2 * k]]))::VARCHAR
FROM bulk_rows
"""

CHECK_MOVEMENTS = """
SELECT year(v.date) * 100 + month(v.date) AS ym, r.account, sum(r.amount)
FROM bulk_rows r JOIN bulk_vouchers v USING (vno) WHERE r.kind <> 'BTRANS' GROUP BY ALL
"""
CHECK_USED_ACCOUNTS = "SELECT account, min(ln) FROM bulk_rows GROUP BY ALL"
CHECK_USED_DIMS = """
SELECT objs[2 * k - 1] AS dim, min(ln)
FROM (SELECT ln, objs, unnest(range(1, len(objs) // 2 + 1)) AS k FROM bulk_rows
      WHERE len(objs) > 0) GROUP BY ALL
"""

# Vouchers the reader may have something to say about (a superset): no rows, rows that do
# not sum to zero, an #RTRANS without twin, a series and number used twice, a date outside
# the fiscal years. The reader re-reads just these to word the diagnostics.
SUSPECT_VOUCHERS = """
SELECT DISTINCT vno FROM (
  SELECT vno FROM bulk_vouchers v WHERE NOT EXISTS (SELECT 1 FROM bulk_rows r WHERE r.vno = v.vno)
  UNION ALL SELECT vno FROM bulk_rows GROUP BY vno
    HAVING coalesce(sum(amount) FILTER (WHERE kind <> 'BTRANS'), 0) <> 0
  UNION ALL SELECT r.vno FROM bulk_t r JOIN bulk_twins w ON w.rtrans_ln = r.ln
    WHERE w.twin_ln IS NULL
  UNION ALL SELECT vno FROM (SELECT vno, count(*) OVER (PARTITION BY series, number) AS n
                             FROM bulk_vouchers) WHERE n > 1
  UNION ALL SELECT vno FROM bulk_vouchers v WHERE $check_years AND NOT EXISTS (
    SELECT 1 FROM (SELECT unnest($starts) AS s, unnest($ends) AS e) y
    WHERE v.date BETWEEN y.s AND y.e))
ORDER BY vno
"""
SUSPECT_LINES = """
SELECT s.ln, c.txt FROM bulk_seq s JOIN bulk_cls c USING (ln)
WHERE s.vno IN (SELECT unnest($vnos)) AND s.cat IN ('V', 'O', 'T', 'C') ORDER BY s.ln
"""
REPLACED_LINES = """
SELECT count(*), min(ln) FROM bulk_cls WHERE cat IN ('V', 'T') AND contains(txt, chr(65533))
"""
RAR_AFTER_VOUCHERS = r"""
SELECT count(*) FROM bulk_cls WHERE cat = 'H'
  AND regexp_matches(txt, '^[ \t]*#(?i:RAR)(?:[ \t]|$)')
  AND ln > (SELECT min(ln) FROM bulk_cls WHERE cat = 'V')
"""
HEADER_LINES = "SELECT ln, txt FROM bulk_cls WHERE cat = 'H' ORDER BY ln"
DROP = "DROP TABLE IF EXISTS {}"
TEMP_TABLES = (
    "bulk_raw",
    "bulk_cls",
    "bulk_seq",
    "bulk_t",
    "bulk_dates",
    "bulk_twins",
    "bulk_rows",
    "bulk_vouchers",
)

# The pre-aggregates (see redovisa.ledger.daily), from the temp tables rather than the
# stored rows: no join with posting_object. A pair is the first of its dimension in the row
# when no earlier pair has that dimension (checked exactly only when the value occurs earlier).
_DAILY_ROWS = """
  SELECT r.account, coalesce(r.date, v.date) AS day, r.amount, r.objs
  FROM bulk_rows r JOIN bulk_vouchers v USING (vno)
  WHERE r.kind <> 'BTRANS' AND coalesce(r.date, v.date) IS NOT NULL
"""
_DAILY_SUMS = """coalesce(sum(amount) FILTER (WHERE amount > 0), 0) AS debit,
  coalesce(sum(amount) FILTER (WHERE amount <= 0), 0) AS credit, count(*) AS n"""
INSERT_DAY = f"""
INSERT INTO posting_day
SELECT $imp, account, day, {_DAILY_SUMS} FROM ({_DAILY_ROWS}) GROUP BY ALL
"""
INSERT_MONTH_OBJECT = f"""
INSERT INTO posting_month_object
SELECT $imp, dim, obj, account, date_trunc('month', day)::DATE, {_DAILY_SUMS}
FROM (SELECT objs[2 * k - 1] AS dim, objs[2 * k] AS obj, k, objs, account, day, amount
      FROM (SELECT objs, account, day, amount, unnest(range(1, len(objs) // 2 + 1)) AS k
            FROM ({_DAILY_ROWS}) WHERE len(objs) > 1))
WHERE CASE WHEN k = 1 THEN true
           WHEN k = 2 THEN objs[1] <> objs[3]
           WHEN k = 3 THEN objs[1] <> objs[5] AND objs[3] <> objs[5]
           WHEN NOT list_contains(list_slice(objs, 1, 2 * k - 2), dim) THEN true
           ELSE NOT list_contains(
             list_filter(list_slice(objs, 1, 2 * k - 2), lambda x, i: i % 2 = 1), dim) END
GROUP BY ALL
"""
