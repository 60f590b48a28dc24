-- The redovisa ledger store (DuckDB). Documented in docs/ledger.md.
-- Every table is keyed by import_id: one imported SIE file = one organisation row.
-- Money is DECIMAL(18,2) (kronor, exact to the öre), quantities DECIMAL(24,6): no floats.
-- Dimension numbers and object ids are text as written ("0123" <> "123"), in posting.objects
-- as JSON pairs ([["1","100"],["6","P1"]]; [] for none), one row per pair in posting_object.
CREATE TABLE IF NOT EXISTS organisation (   -- one row per imported file (#FNAMN, #ORGNR, ...)
  import_id INTEGER NOT NULL, identity VARCHAR NOT NULL, source_path VARCHAR NOT NULL,
  encoding VARCHAR, name VARCHAR, orgnr VARCHAR, program VARCHAR, program_version VARCHAR,
  sie_type VARCHAR, generated DATE, extent DATE, currency VARCHAR, chart_type VARCHAR,
  flag INTEGER);
CREATE TABLE IF NOT EXISTS fiscal_year (    -- #RAR: year_index 0 current, -1 previous
  import_id INTEGER NOT NULL, year_index INTEGER NOT NULL, start_date DATE NOT NULL,
  end_date DATE NOT NULL);
CREATE TABLE IF NOT EXISTS account (        -- #KONTO with #KTYP, #ENHET, #SRU
  import_id INTEGER NOT NULL, account VARCHAR NOT NULL, name VARCHAR NOT NULL,
  type VARCHAR, unit VARCHAR, sru VARCHAR[] NOT NULL, line INTEGER);
CREATE TABLE IF NOT EXISTS dimension (      -- #DIM, #UNDERDIM (parent = superdimension)
  import_id INTEGER NOT NULL, dimension VARCHAR NOT NULL, name VARCHAR NOT NULL,
  parent VARCHAR, line INTEGER);
CREATE TABLE IF NOT EXISTS object (         -- #OBJEKT
  import_id INTEGER NOT NULL, dimension VARCHAR NOT NULL, object_id VARCHAR NOT NULL,
  name VARCHAR NOT NULL, line INTEGER);
CREATE TABLE IF NOT EXISTS voucher (        -- #VER; voucher_id = its position in the file
  import_id INTEGER NOT NULL, voucher_id BIGINT NOT NULL, series VARCHAR NOT NULL,
  number VARCHAR NOT NULL USING COMPRESSION uncompressed, -- unique: compressing costs, saves little
  date DATE, text VARCHAR, reg_date DATE, sign VARCHAR, line BIGINT);
CREATE TYPE IF NOT EXISTS posting_kind AS ENUM ('TRANS', 'RTRANS', 'BTRANS');
CREATE TABLE IF NOT EXISTS posting (        -- #TRANS #RTRANS #BTRANS; counted = not BTRANS
  import_id INTEGER NOT NULL, voucher_id BIGINT NOT NULL, row_no INTEGER NOT NULL,
  account VARCHAR NOT NULL, amount DECIMAL(18,2) NOT NULL, date DATE, text VARCHAR,
  quantity DECIMAL(24,6), sign VARCHAR, kind posting_kind NOT NULL, counted BOOLEAN NOT NULL,
  line BIGINT, objects VARCHAR);
CREATE VIEW IF NOT EXISTS posting_object AS SELECT import_id, voucher_id, row_no,
  k::INTEGER AS position, pairs[k][1] AS dimension, pairs[k][2] AS object_id FROM (
  SELECT *, unnest(range(1, len(pairs) + 1)) AS k FROM (SELECT import_id, voucher_id, row_no,
  from_json(objects, '[["VARCHAR"]]') AS pairs FROM posting WHERE objects <> '[]'));
CREATE TABLE IF NOT EXISTS balance (        -- #IB #UB #OIB #OUB #RES #PSALDO #PBUDGET
  import_id INTEGER NOT NULL, balance_id BIGINT NOT NULL, kind VARCHAR NOT NULL,
  year_index INTEGER NOT NULL, account VARCHAR NOT NULL, period VARCHAR,
  amount DECIMAL(18,2) NOT NULL, quantity DECIMAL(24,6), line BIGINT);
CREATE TABLE IF NOT EXISTS balance_object ( -- the object list of a balance
  import_id INTEGER NOT NULL, balance_id BIGINT NOT NULL, position INTEGER NOT NULL,
  dimension VARCHAR NOT NULL, object_id VARCHAR NOT NULL);
-- By every import (ledger/daily.py), for StoreLedger: counted rows with a date (their own, else
-- the voucher's) per account and day; debit/credit: sums of amounts > 0 / <= 0, n: rows.
CREATE TABLE IF NOT EXISTS posting_day (
  import_id INTEGER NOT NULL, account VARCHAR NOT NULL, day DATE NOT NULL,
  debit DECIMAL(18,2) NOT NULL, credit DECIMAL(18,2) NOT NULL, n BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS posting_month_object ( -- per month (its first day) and first object
  import_id INTEGER NOT NULL, dimension VARCHAR NOT NULL, object_id VARCHAR NOT NULL, -- of a dim.
  account VARCHAR NOT NULL, month DATE NOT NULL, debit DECIMAL(18,2) NOT NULL,
  credit DECIMAL(18,2) NOT NULL, n BIGINT NOT NULL);
