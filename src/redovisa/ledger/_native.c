/*
 * redovisa.ledger._native: one pass over the bytes of an SIE file for the native import.
 *
 * Python (redovisa/ledger/native.py) feeds the file in chunks of whole lines. For each chunk
 * feed() returns the voucher lines (#VER, #TRANS, #RTRANS, #BTRANS in their canonical form) as column
 * buffers laid out as Apache Arrow arrays (int32 offsets for text, little-endian integers,
 * 16-byte decimals, LSB validity bitmaps), the other lines as (line number, bytes) for the
 * SIE reader's own parser, and the record bytes the #KSUMMA checksum covers. It also sums the
 * counted rows per account and day, per object, account and day, and per account and month of
 * the voucher date, and notes where each account and dimension is first used: totals() gives
 * these at the end. The line loop runs without the GIL, so DuckDB can store one chunk while
 * the next is read.
 *
 * Anything that is not canonical (a quote inside a bare token, a date that is not a date, a
 * block that is not "#VER / { / rows / }", a control character, mixed line ends, ...) makes
 * feed() return None with the reason in Parser.reason: the caller then uses another
 * import path, which words the diagnostics. So this file never decides what a diagnostic
 * says; it only decides when the import can be fast.
 *
 * The meaning of every field follows redovisa/ledger/bulk_sql.py (the SQL bulk path) and the
 * reader's lexer (redovisa/sie/lexer.py); tests compare the paths on every corpus file and on
 * generated files.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

/* ---- growable buffers and Arrow-shaped columns ------------------------------------------ */

typedef struct {
    char *p;
    size_t n, cap;
} Buf;

/* Allocation without the GIL: plain malloc (PyMem_RawRealloc is safe without the GIL). */
static int buf_reserve(Buf *b, size_t add) {
    if (b->n + add <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->n + add) cap *= 2;
    char *p = PyMem_RawRealloc(b->p, cap);
    if (!p) return -1;
    b->p = p;
    b->cap = cap;
    return 0;
}

static inline __attribute__((always_inline)) int buf_put(Buf *b, const void *src, size_t n) {
    if (__builtin_expect(b->n + n > b->cap, 0) && buf_reserve(b, n)) return -1;
    memcpy(b->p + b->n, src, n);
    b->n += n;
    return 0;
}

static void buf_free(Buf *b) {
    PyMem_RawFree(b->p);
    b->p = NULL;
    b->n = b->cap = 0;
}

typedef struct {
    Buf bits;
    int64_t n;
} Valid; /* an Arrow validity bitmap being built */

static inline __attribute__((always_inline)) int valid_put(Valid *v, int ok) {
    if ((v->n & 7) == 0) {
        char zero = 0;
        if (buf_put(&v->bits, &zero, 1)) return -1;
    }
    if (ok) v->bits.p[v->n >> 3] |= (char)(1 << (v->n & 7));
    v->n++;
    return 0;
}

static void valid_reset(Valid *v) {
    v->bits.n = 0;
    v->n = 0;
}

typedef struct {
    Buf off, data;
} StrCol; /* Arrow utf8: int32 offsets (n + 1) and data */

static int str_reset(StrCol *c) {
    int32_t zero = 0;
    c->off.n = c->data.n = 0;
    return buf_put(&c->off, &zero, 4);
}

static inline int str_end(StrCol *c) {
    if (c->data.n > INT32_MAX) return -1;
    int32_t o = (int32_t)c->data.n;
    return buf_put(&c->off, &o, 4);
}

/* ---- hash tables: interned strings and sums --------------------------------------------- */

static inline uint64_t hash_bytes(const char *s, size_t n) { /* FNV-1a, then mixed */
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) h = (h ^ (uint8_t)s[i]) * 1099511628211ULL;
    h ^= h >> 29;
    return h;
}

static inline uint64_t mix(uint64_t a, uint64_t b) {
    uint64_t h = a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL + (a << 6) + (a >> 2));
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 27;
    return h;
}

typedef struct {
    StrCol strs;        /* the distinct strings, in order of first use (an Arrow array) */
    Buf first_account;  /* int64 per string: first line where it is a row's account (0: never) */
    Buf first_dim;      /* int64 per string: first line where it is an object's dimension */
    int32_t *slots;     /* open addressing: string id + 1, 0 = empty */
    size_t cap, count;
    uint64_t short_key[1024]; /* cache of short strings: bytes and length -> id + 1 */
    int32_t short_id[1024];
} Interned;

static int interned_grow(Interned *t) {
    size_t cap = t->cap ? t->cap * 2 : 1024;
    int32_t *slots = PyMem_RawCalloc(cap, sizeof *slots);
    if (!slots) return -1;
    const int32_t *off = (const int32_t *)t->strs.off.p;
    for (size_t i = 0; i < t->count; i++) {
        uint64_t h = hash_bytes(t->strs.data.p + off[i], (size_t)(off[i + 1] - off[i]));
        size_t j = h & (cap - 1);
        while (slots[j]) j = (j + 1) & (cap - 1);
        slots[j] = (int32_t)i + 1;
    }
    PyMem_RawFree(t->slots);
    t->slots = slots;
    t->cap = cap;
    return 0;
}

static int32_t intern_long(Interned *t, const char *s, size_t n);

/* The id of the string s[0..n) (added when new); -1 on memory failure. Strings of at most 7
 * bytes (accounts, dimensions, most object ids) are looked up by their bytes as one integer in
 * a small direct-mapped cache before the general table. */
static inline int32_t intern(Interned *t, const char *s, size_t n) {
    if (n < 8) {
        uint64_t key = (uint64_t)n << 56;
        memcpy(&key, s, n); /* little-endian: the bytes fill the low end, the length the top */
        size_t j = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 54); /* 1024 entries */
        if (t->short_key[j] == key && t->short_id[j]) return t->short_id[j] - 1;
        int32_t id = intern_long(t, s, n);
        if (id >= 0) {
            t->short_key[j] = key;
            t->short_id[j] = id + 1;
        }
        return id;
    }
    return intern_long(t, s, n);
}

static int32_t intern_long(Interned *t, const char *s, size_t n) {
    if ((t->count + 1) * 2 > t->cap && interned_grow(t)) return -1;
    uint64_t h = hash_bytes(s, n);
    size_t j = h & (t->cap - 1);
    const int32_t *off = (const int32_t *)t->strs.off.p;
    while (t->slots[j]) {
        int32_t id = t->slots[j] - 1;
        if ((size_t)(off[id + 1] - off[id]) == n && memcmp(t->strs.data.p + off[id], s, n) == 0)
            return id;
        j = (j + 1) & (t->cap - 1);
    }
    int32_t id = (int32_t)t->count;
    int64_t zero = 0;
    if (buf_put(&t->strs.data, s, n) || str_end(&t->strs) || buf_put(&t->first_account, &zero, 8) ||
        buf_put(&t->first_dim, &zero, 8))
        return -1;
    t->slots[j] = id + 1;
    t->count++;
    return id;
}

typedef struct {
    uint64_t k1, k2;
    int64_t debit, credit, n; /* öre; debit = sum of amounts > 0, credit = the others */
} Sum;

/* Sums in a small open-addressing table that stays in the cache: when it is half full its
 * groups are moved to a list of partial sums and it starts again. At the end equal keys in the
 * list are added up (rows come roughly in date order, so the list is not much longer than the
 * number of groups). */
typedef struct {
    Sum *slots;
    size_t count;
    size_t cap; /* a power of two, set before the first use: small for few groups */
    Buf done; /* partial sums (Sum) moved out of the table */
} Sums;

static int sums_flush(Sums *t) {
    if (!t->slots) return 0;
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i].n && buf_put(&t->done, &t->slots[i], sizeof(Sum))) return -1;
    memset(t->slots, 0, t->cap * sizeof *t->slots);
    t->count = 0;
    return 0;
}

static int sums_add(Sums *t, uint64_t k1, uint64_t k2, int64_t amount) {
    if (!t->slots && !(t->slots = PyMem_RawCalloc(t->cap, sizeof *t->slots))) return -1;
    size_t mask = t->cap - 1, j = mix(k1, k2) & mask;
    Sum *s = &t->slots[j];
    while (s->n && (s->k1 != k1 || s->k2 != k2)) {
        j = (j + 1) & mask;
        s = &t->slots[j];
    }
    if (!s->n) {
        if (t->count * 2 >= t->cap) {
            if (sums_flush(t)) return -1;
            return sums_add(t, k1, k2, amount);
        }
        s->k1 = k1;
        s->k2 = k2;
        t->count++;
    }
    if (amount > 0)
        s->debit += amount;
    else
        s->credit += amount;
    s->n++;
    return 0;
}

/* All groups, each once: the table emptied into the list, equal keys added up in a hash table
 * sized for the list (one pass), the list rewritten with one entry per group. */
static int sums_finish(Sums *t, size_t *count) {
    if (sums_flush(t)) return -1;
    Sum *v = (Sum *)t->done.p;
    size_t n = t->done.n / sizeof(Sum), m = 0, cap = 1024;
    while (cap < 2 * n) cap *= 2;
    int64_t *slot = PyMem_RawMalloc(cap * sizeof *slot); /* index into v + 1, 0 = empty */
    if (!slot) return -1;
    memset(slot, 0, cap * sizeof *slot);
    for (size_t i = 0; i < n; i++) {
        size_t j = mix(v[i].k1, v[i].k2) & (cap - 1);
        while (slot[j] && (v[slot[j] - 1].k1 != v[i].k1 || v[slot[j] - 1].k2 != v[i].k2))
            j = (j + 1) & (cap - 1);
        if (slot[j]) {
            Sum *g = &v[slot[j] - 1];
            g->debit += v[i].debit;
            g->credit += v[i].credit;
            g->n += v[i].n;
        } else {
            v[m] = v[i]; /* m <= i: compacting in place keeps earlier groups where they are */
            slot[j] = (int64_t)++m;
        }
    }
    PyMem_RawFree(slot);
    t->done.n = m * sizeof(Sum);
    *count = m;
    return 0;
}

static void sums_free(Sums *t) {
    PyMem_RawFree(t->slots);
    t->slots = NULL;
    t->count = 0;
    buf_free(&t->done);
}

/* ---- the parser object ------------------------------------------------------------------ */

typedef struct {
    const uint8_t *s, *e; /* content (inside the quotes for a quoted token) */
    int kind;             /* 'q' quoted, 'b' bare, 'l' object list, 'i' list item (quoted) */
    int esc;              /* quoted content holds \" */
    int items;            /* for 'l': number of items that follow */
} Tok;

#define MAXTOK 64

enum { ST_START, ST_HEADER, ST_AFTER_VER, ST_IN_BLOCK, ST_AFTER_BLOCK };

typedef struct {
    PyObject_HEAD
    /* decoding of bytes >= 0x80 (translate = 0: copy bytes as they are) */
    int translate;
    char utf8[128][4];
    uint8_t utf8_len[128];
    int crlf; /* -1 until the first line end is seen */
    /* state across feeds */
    int state;
    int64_t line;      /* lines consumed */
    int64_t base;      /* bytes consumed */
    int64_t vno;       /* vouchers seen */
    int32_t vdate;     /* current voucher date (days since 1970-01-01) */
    int32_t vym;       /* its year * 100 + month */
    int32_t rows;      /* rows in the current voucher */
    int64_t sum;       /* öre of counted rows in the current voucher */
    int ks_count;      /* #KSUMMA lines seen */
    int64_t ks_value;  /* the closing #KSUMMA value */
    int seen_voucher;
    int vsuspect;      /* the current voucher has something the reader must word */
    int rtrans;        /* the last row was an #RTRANS waiting for its #TRANS twin */
    const char *reason;
    /* vouchers */
    Buf v_vno, v_date, v_regdate, v_line, v_start, v_end;
    StrCol v_series, v_number, v_text, v_sign;
    Valid v_text_ok, v_regdate_ok, v_sign_ok;
    /* postings */
    Buf p_vno, p_row, p_amount, p_date, p_qty, p_kind, p_line;
    StrCol p_account, p_text, p_sign;
    Valid p_date_ok, p_text_ok, p_qty_ok, p_sign_ok;
    /* posting objects */
    Buf o_vno, o_row, o_pos;
    StrCol o_dim, o_obj;
    /* other lines (int64 line, start, end within the chunk), suspects (int64 vno), checksum */
    Buf header, suspects, cks;
    int64_t n_v, n_p, n_o;
    /* totals over the whole file */
    Interned names;
    Sums day, day_object, months;
    Buf scratch, twin; /* scratch: the key of the row being read; twin: the pending #RTRANS */
} Parser;

/* The buffers of one chunk. */
#define ALL_BUFS(self)                                                                           \
    &self->v_vno, &self->v_date, &self->v_regdate, &self->v_line, &self->v_start, &self->v_end,  \
        &self->v_series.off, &self->v_series.data, &self->v_number.off, &self->v_number.data,    \
        &self->v_text.off, &self->v_text.data, &self->v_sign.off, &self->v_sign.data,            \
        &self->v_text_ok.bits, &self->v_regdate_ok.bits, &self->v_sign_ok.bits, &self->p_vno,    \
        &self->p_row, &self->p_amount, &self->p_date, &self->p_qty, &self->p_kind, &self->p_line, \
        &self->p_account.off, &self->p_account.data, &self->p_text.off, &self->p_text.data,      \
        &self->p_sign.off, &self->p_sign.data, &self->p_date_ok.bits, &self->p_text_ok.bits,     \
        &self->p_qty_ok.bits, &self->p_sign_ok.bits, &self->o_vno, &self->o_row, &self->o_pos,   \
        &self->o_dim.off, &self->o_dim.data, &self->o_obj.off, &self->o_obj.data, &self->header, \
        &self->suspects, &self->cks

/* Buffers that live across chunks (the pending #RTRANS, the interned names). */
#define LASTING_BUFS(self)                                                                      \
    &self->twin, &self->scratch, &self->names.strs.off, &self->names.strs.data,                 \
        &self->names.first_account, &self->names.first_dim

#define ALL_STRS(self)                                                                           \
    &self->v_series, &self->v_number, &self->v_text, &self->v_sign, &self->p_account,            \
        &self->p_text, &self->p_sign, &self->o_dim, &self->o_obj

/* Empty the chunk's buffers (keeping their memory). */
static int batch_reset(Parser *self) {
    Buf *bufs[] = {ALL_BUFS(self)};
    for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++) bufs[i]->n = 0;
    valid_reset(&self->v_text_ok);
    valid_reset(&self->v_regdate_ok);
    valid_reset(&self->v_sign_ok);
    valid_reset(&self->p_date_ok);
    valid_reset(&self->p_text_ok);
    valid_reset(&self->p_qty_ok);
    valid_reset(&self->p_sign_ok);
    self->n_v = self->n_p = self->n_o = 0;
    StrCol *cols[] = {ALL_STRS(self)};
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
        if (str_reset(cols[i])) return -1;
    return 0;
}

static void parser_release(Parser *self) {
    Buf *bufs[] = {ALL_BUFS(self), LASTING_BUFS(self)};
    for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++) buf_free(bufs[i]);
    PyMem_RawFree(self->names.slots);
    self->names.slots = NULL;
    self->names.cap = self->names.count = 0;
    sums_free(&self->day);
    sums_free(&self->day_object);
    sums_free(&self->months);
}

/* ---- lexing ----------------------------------------------------------------------------- */

#define BAIL(msg)              \
    do {                       \
        self->reason = (msg);  \
        return 1;              \
    } while (0)

static inline int is_sep(uint8_t c) { return c == ' ' || c == '\t'; }

/* One quoted string from p (at the opening quote); returns the closing quote or NULL. */
static const uint8_t *scan_quoted(const uint8_t *p, const uint8_t *e, int *esc) {
    p++;
    while (p < e) {
        if (*p == '\\' && p + 1 < e && p[1] == '"') {
            *esc = 1;
            p += 2;
        } else if (*p == '"') {
            return p;
        } else {
            p++;
        }
    }
    return NULL;
}

/* The fields after a label, as the reader's lexer gives them; 1 (bail) on anything it would
 * treat in a less common way (unterminated quotes or braces, quotes or braces inside bare
 * tokens, a lone trailing brace, more than MAXTOK tokens). */
static int lex(Parser *self, const uint8_t *p, const uint8_t *e, Tok *toks, int *ntok) {
    int n = 0;
    for (;;) {
        while (p < e && is_sep(*p)) p++;
        if (p >= e) break;
        if (n >= MAXTOK - 1) BAIL("för många fält");
        Tok *t = &toks[n++];
        t->esc = 0;
        t->items = 0;
        if (*p == '"') {
            const uint8_t *q = scan_quoted(p, e, &t->esc);
            if (!q) BAIL("citattecken utan slut");
            t->kind = 'q';
            t->s = p + 1;
            t->e = q;
            p = q + 1;
            if (p < e && !is_sep(*p)) BAIL("fält direkt efter citat");
        } else if (*p == '{') {
            t->kind = 'l';
            p++;
            int closed = 0;
            while (p < e) {
                while (p < e && is_sep(*p)) p++;
                if (p >= e) break;
                if (*p == '}') {
                    closed = 1;
                    p++;
                    break;
                }
                if (n >= MAXTOK - 1) BAIL("för många objekt");
                Tok *it = &toks[n++];
                it->esc = 0;
                it->items = 0;
                if (*p == '"') {
                    const uint8_t *q = scan_quoted(p, e, &it->esc);
                    if (!q) BAIL("citattecken utan slut i objektlista");
                    it->kind = 'i';
                    it->s = p + 1;
                    it->e = q;
                    p = q + 1;
                    if (p < e && !is_sep(*p) && *p != '}') BAIL("objekt direkt efter citat");
                } else {
                    it->kind = 'b';
                    it->s = p;
                    while (p < e && !is_sep(*p) && *p != '}') {
                        if (*p == '"' || *p == '{') BAIL("citat eller klammer i objekt");
                        p++;
                    }
                    it->e = p;
                }
                t->items++;
            }
            if (!closed) BAIL("objektlista utan slut");
            if (p < e && !is_sep(*p)) BAIL("fält direkt efter objektlista");
        } else {
            t->kind = 'b';
            t->s = p;
            while (p < e && !is_sep(*p)) {
                if (*p == '"' || *p == '{' || *p == '}') BAIL("citat eller klammer i fält");
                p++;
            }
            t->e = p;
        }
    }
    *ntok = n;
    return 0;
}

/* Append a token's value (quotes removed, \" unescaped, bytes >= 0x80 decoded). */
static inline int put_value(Parser *self, Buf *out, const Tok *t) {
    const uint8_t *p = t->s, *e = t->e;
    if (out->n + (size_t)(e - p) * 3 > out->cap && buf_reserve(out, (size_t)(e - p) * 3)) return -1;
    char *o = out->p + out->n;
    if (!t->esc) { /* the common case: copy, decoding bytes >= 0x80 */
        while (p < e && *p < 0x80) *o++ = (char)*p++;
        if (p == e) {
            out->n = (size_t)(o - out->p);
            return 0;
        }
        if (!self->translate) {
            memcpy(o, p, (size_t)(e - p));
            out->n = (size_t)(o - out->p) + (size_t)(e - p);
            return 0;
        }
    }
    while (p < e) {
        uint8_t c = *p;
        if (c == '\\' && t->esc && p + 1 < e && p[1] == '"') {
            *o++ = '"';
            p += 2;
            continue;
        }
        if (c >= 0x80 && self->translate) {
            int k = self->utf8_len[c - 0x80];
            if (k == 0) {
                self->reason = "tecken som inte finns i teckenkodningen";
                out->n = (size_t)(o - out->p);
                return 1;
            }
            memcpy(o, self->utf8[c - 0x80], (size_t)k);
            o += k;
        } else {
            *o++ = (char)c;
        }
        p++;
    }
    out->n = (size_t)(o - out->p);
    return 0;
}

/* Raw value bytes (quotes removed, \" unescaped, no decoding) for the checksum. */
static inline int put_raw(Buf *out, const Tok *t) {
    const uint8_t *p = t->s, *e = t->e;
    if (!t->esc) return buf_put(out, p, (size_t)(e - p));
    if (buf_reserve(out, (size_t)(e - p))) return -1;
    char *o = out->p + out->n;
    while (p < e) {
        if (*p == '\\' && p + 1 < e && p[1] == '"') {
            *o++ = '"';
            p += 2;
        } else {
            *o++ = (char)*p++;
        }
    }
    out->n = (size_t)(o - out->p);
    return 0;
}

static inline int put_str(Parser *self, StrCol *c, const Tok *t) {
    int r = put_value(self, &c->data, t);
    if (r) return r;
    return str_end(c) ? -1 : 0;
}

static inline int put_empty_str(StrCol *c) { return str_end(c); }

static inline int blank(const Tok *t) { return t->s == t->e && (t->kind == 'q' || t->kind == 'b'); }

/* ---- values ----------------------------------------------------------------------------- */

static int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

/* YYYYMMDD (exactly eight digits, a real date) -> days since 1970-01-01; 0 ok, 1 not a date */
static int parse_date(const Tok *t, int32_t *out) {
    if (t->e - t->s != 8 || t->kind == 'l') return 1;
    int v[8];
    for (int i = 0; i < 8; i++) {
        if (t->s[i] < '0' || t->s[i] > '9') return 1;
        v[i] = t->s[i] - '0';
    }
    int y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
    int m = v[4] * 10 + v[5], d = v[6] * 10 + v[7];
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1) return 1;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > mdays[m - 1] + (m == 2 && leap)) return 1;
    *out = (int32_t)days_from_civil(y, (unsigned)m, (unsigned)d);
    return 0;
}

/* -?[0-9]+(\.[0-9]{1,scale})? as an integer scaled by 10^scale; 0 ok, 1 not canonical */
static int parse_fixed(const Tok *t, int scale, int max_int_digits, __int128 *out) {
    if (t->kind != 'b') return 1;
    const uint8_t *p = t->s, *e = t->e;
    int neg = 0;
    if (p < e && *p == '-') {
        neg = 1;
        p++;
    }
    __int128 v = 0;
    int digits = 0;
    while (p < e && *p >= '0' && *p <= '9') {
        v = v * 10 + (*p++ - '0');
        if (++digits > max_int_digits + 2) return 1;
    }
    if (digits == 0) return 1;
    /* leading zeros do not count towards the precision */
    const uint8_t *q = t->s + neg;
    while (q < p - 1 && *q == '0') {
        q++;
        digits--;
    }
    if (digits > max_int_digits) return 1;
    int frac = 0;
    if (p < e && *p == '.') {
        p++;
        while (p < e && *p >= '0' && *p <= '9') {
            if (++frac > scale) return 1;
            v = v * 10 + (*p++ - '0');
        }
        if (frac == 0) return 1;
    }
    if (p != e) return 1;
    for (; frac < scale; frac++) v *= 10;
    *out = neg ? -v : v;
    return 0;
}

static inline int put_i128(Buf *b, __int128 v) { return buf_put(b, &v, 16); }

/* ---- records ---------------------------------------------------------------------------- */

static inline int label_is(const uint8_t *s, const uint8_t *e, const char *name) {
    size_t n = strlen(name);
    if ((size_t)(e - s) != n) return 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = s[i];
        if (c >= 'a' && c <= 'z') c = (uint8_t)(c - 32);
        if (c != (uint8_t)name[i]) return 0;
    }
    return 1;
}

static int checksum_record(Parser *self, const uint8_t *ls, const uint8_t *le, Tok *toks,
                           int ntok) {
    if (buf_put(&self->cks, ls, (size_t)(le - ls))) return -1;
    for (int i = 0; i < ntok; i++)
        if (toks[i].kind != 'l' && put_raw(&self->cks, &toks[i])) return -1;
    return 0;
}

#define TRY(expr)                      \
    do {                               \
        int r_ = (expr);               \
        if (r_) return r_ < 0 ? -1 : 1; \
    } while (0)

static int on_ver(Parser *self, Tok *t, int n, int64_t line_start) {
    if (n < 3 || n > 6) BAIL("#VER med fel antal fält");
    for (int i = 0; i < n; i++)
        if (t[i].kind == 'l') BAIL("#VER med objektlista");
    int32_t date, reg = 0;
    if (parse_date(&t[2], &date)) BAIL("#VER med ogiltigt datum");
    int has_reg = n > 4 && !blank(&t[4]);
    if (has_reg && parse_date(&t[4], &reg)) BAIL("#VER med ogiltigt registreringsdatum");
    int64_t vno = ++self->vno;
    self->vdate = date;
    const uint8_t *d = t[2].s;
    self->vym = (d[0] - '0') * 100000 + (d[1] - '0') * 10000 + (d[2] - '0') * 1000 +
                (d[3] - '0') * 100 + (d[4] - '0') * 10 + (d[5] - '0');
    self->rows = 0;
    self->sum = 0;
    self->vsuspect = 0;
    self->rtrans = 0;
    TRY(put_str(self, &self->v_series, &t[0]));
    TRY(put_str(self, &self->v_number, &t[1]));
    int has_text = n > 3 && !blank(&t[3]);
    TRY(has_text ? put_str(self, &self->v_text, &t[3]) : str_end(&self->v_text));
    int has_sign = n > 5 && !blank(&t[5]);
    TRY(has_sign ? put_str(self, &self->v_sign, &t[5]) : str_end(&self->v_sign));
    int64_t ln = self->line;
    if (buf_put(&self->v_vno, &vno, 8) || buf_put(&self->v_date, &date, 4) ||
        buf_put(&self->v_regdate, &reg, 4) || buf_put(&self->v_line, &ln, 8) ||
        buf_put(&self->v_start, &line_start, 8) || valid_put(&self->v_text_ok, has_text) ||
        valid_put(&self->v_regdate_ok, has_reg) || valid_put(&self->v_sign_ok, has_sign))
        return -1;
    self->n_v++;
    return 0;
}

/* The id of the value just appended to c (its last string). */
static inline int32_t intern_last(Parser *self, const StrCol *c) {
    const int32_t *off = (const int32_t *)(c->off.p + c->off.n - 8);
    return intern(&self->names, c->data.p + off[0], (size_t)(off[1] - off[0]));
}

static inline void first_use(Buf *b, int32_t id, int64_t line) {
    int64_t *v = (int64_t *)b->p + id;
    if (*v == 0) *v = line;
}

/* What makes a #TRANS the twin of the #RTRANS before it: account, amount and objects (values
 * as the reader sees them: quotes removed, \" unescaped). */
static int row_key(Buf *out, const Tok *t, int items, int64_t ore) {
    out->n = 0;
    if (put_raw(out, &t[0]) || buf_put(out, "", 1) || buf_put(out, &ore, 8)) return -1;
    for (int i = 0; i < items; i++) {
        size_t at = out->n;
        uint32_t len = 0;
        if (buf_put(out, &len, 4) || put_raw(out, &t[2 + i])) return -1;
        len = (uint32_t)(out->n - at - 4);
        memcpy(out->p + at, &len, 4);
    }
    return 0;
}

enum { K_TRANS = 0, K_BTRANS = 1, K_RTRANS = 2 };

static int on_trans(Parser *self, Tok *t, int n, int kind8) {
    /* account {objects} amount [date [text [quantity [sign]]]] */
    if (n < 3) BAIL("#TRANS med för få fält");
    if (t[0].kind != 'b' || t[0].s == t[0].e) BAIL("#TRANS med konto som inte är siffror");
    for (const uint8_t *p = t[0].s; p < t[0].e; p++)
        if (*p < '0' || *p > '9') BAIL("#TRANS med konto som inte är siffror");
    if (t[1].kind != 'l') BAIL("#TRANS utan objektlista");
    int items = t[1].items;
    if (items % 2) BAIL("#TRANS med udda objektlista");
    int k = 2 + items; /* index of the amount */
    int rest = n - k;  /* amount and optional fields */
    if (rest < 1 || rest > 5) BAIL("#TRANS med fel antal fält");
    for (int i = k; i < n; i++)
        if (t[i].kind == 'l') BAIL("#TRANS med flera objektlistor");
    __int128 amount;
    if (parse_fixed(&t[k], 2, 16, &amount)) BAIL("#TRANS med belopp som inte är kanoniskt");
    int32_t date = 0;
    int has_date = rest > 1 && !blank(&t[k + 1]);
    if (has_date && parse_date(&t[k + 1], &date)) BAIL("#TRANS med ogiltigt datum");
    int has_text = rest > 2 && !blank(&t[k + 2]);
    __int128 qty = 0;
    int has_qty = rest > 3 && !blank(&t[k + 3]);
    if (has_qty && parse_fixed(&t[k + 3], 6, 18, &qty))
        BAIL("#TRANS med kvantitet som inte är kanonisk");
    int has_sign = rest > 4 && !blank(&t[k + 4]);
    int64_t ore = (int64_t)amount;
    int btrans = kind8 == K_BTRANS;
    if (self->rtrans || kind8 == K_RTRANS) {
        if (row_key(&self->scratch, t, items, ore)) return -1;
        if (self->rtrans) { /* the row after an #RTRANS: its twin is dropped, else SIE027 */
            self->rtrans = 0;
            if (kind8 == K_TRANS && self->scratch.n == self->twin.n &&
                memcmp(self->scratch.p, self->twin.p, self->twin.n) == 0)
                return 0;
            self->vsuspect = 1;
        }
        if (kind8 == K_RTRANS) {
            Buf tmp = self->twin;
            self->twin = self->scratch;
            self->scratch = tmp;
            self->rtrans = 1;
        }
    }
    int32_t row = ++self->rows;
    int64_t vno = self->vno, ln = self->line;
    int32_t day = has_date ? date : self->vdate;
    int8_t kind = (int8_t)kind8;
    TRY(put_str(self, &self->p_account, &t[0]));
    int32_t acc = intern_last(self, &self->p_account);
    if (acc < 0) return -1;
    first_use(&self->names.first_account, acc, ln);
    TRY(has_text ? put_str(self, &self->p_text, &t[k + 2]) : str_end(&self->p_text));
    TRY(has_sign ? put_str(self, &self->p_sign, &t[k + 4]) : str_end(&self->p_sign));
    if (buf_put(&self->p_vno, &vno, 8) || buf_put(&self->p_row, &row, 4) ||
        put_i128(&self->p_amount, amount) || buf_put(&self->p_date, &date, 4) ||
        put_i128(&self->p_qty, qty) || buf_put(&self->p_kind, &kind, 1) ||
        buf_put(&self->p_line, &ln, 8) || valid_put(&self->p_date_ok, has_date) ||
        valid_put(&self->p_text_ok, has_text) || valid_put(&self->p_qty_ok, has_qty) ||
        valid_put(&self->p_sign_ok, has_sign))
        return -1;
    self->n_p++;
    if (!btrans) {
        self->sum += ore;
        if (sums_add(&self->day, (uint64_t)acc, (uint32_t)day, ore) ||
            sums_add(&self->months, (uint64_t)acc, (uint32_t)self->vym, ore))
            return -1;
    }
    /* objects: one row per pair; the first pair of each dimension counts in the sums */
    int32_t dims[MAXTOK];
    for (int i = 0; i < items / 2; i++) {
        int32_t pos = i + 1;
        TRY(put_str(self, &self->o_dim, &t[2 + 2 * i]));
        int32_t dim = intern_last(self, &self->o_dim);
        TRY(put_str(self, &self->o_obj, &t[3 + 2 * i]));
        int32_t obj = intern_last(self, &self->o_obj);
        if (dim < 0 || obj < 0) return -1;
        first_use(&self->names.first_dim, dim, ln);
        dims[i] = dim;
        int first = 1;
        for (int j = 0; j < i && first; j++) first = dims[j] != dim;
        if (!btrans && first &&
            sums_add(&self->day_object, (uint64_t)dim << 32 | (uint32_t)obj,
                     (uint64_t)acc << 32 | (uint32_t)day, ore))
            return -1;
        if (buf_put(&self->o_vno, &vno, 8) || buf_put(&self->o_row, &row, 4) ||
            buf_put(&self->o_pos, &pos, 4))
            return -1;
        self->n_o++;
    }
    return 0;
}

static int close_voucher(Parser *self, int64_t end) {
    if (buf_put(&self->v_end, &end, 8)) return -1;
    if (self->rtrans) self->vsuspect = 1; /* an #RTRANS last in its voucher has no twin */
    self->rtrans = 0;
    if (self->rows == 0 || self->sum != 0 || self->vsuspect)
        if (buf_put(&self->suspects, &self->vno, 8)) return -1;
    return 0;
}

static int add_header(Parser *self, int64_t s, int64_t e) {
    int64_t rec[3] = {self->line, s, e};
    return buf_put(&self->header, rec, sizeof rec);
}

/* One line (without its line end): 0 ok, 1 bail, -1 out of memory. s and e are relative to
 * the chunk at ``chunk``; start and next are file offsets of the line and the line after. */
static int on_line(Parser *self, const uint8_t *chunk, const uint8_t *s, const uint8_t *e,
                   int64_t start, int64_t next) {
    for (const uint8_t *p = s; p < e; p++)
        if ((*p < 0x20 && *p != '\t') || *p == 0x7f) BAIL("styrtecken");
    const uint8_t *a = s, *b = e;
    while (a < b && is_sep(*a)) a++;
    while (b > a && is_sep(b[-1])) b--;
    if (a == b) return 0; /* blank lines are not records */
    if (b - a == 1 && (*a == '{' || *a == '}')) {
        if (*a == '{') {
            if (self->state != ST_AFTER_VER) BAIL("{ utan #VER");
            self->state = ST_IN_BLOCK;
        } else {
            if (self->state != ST_IN_BLOCK) BAIL("} utan {");
            self->state = ST_AFTER_BLOCK;
            if (close_voucher(self, next)) return -1;
        }
        return 0;
    }
    int collect = self->ks_count == 1;
    if (*a != '#') { /* text that is not a record: the reader reports it */
        if (self->state == ST_START) BAIL("första raden är ingen post");
        if (self->state == ST_AFTER_VER || self->state == ST_IN_BLOCK) BAIL("text i verifikation");
        if (collect) BAIL("text inom kontrollsumman");
        return add_header(self, s - chunk, e - chunk);
    }
    const uint8_t *le = a;
    while (le < b && !is_sep(*le)) le++;
    int ver = label_is(a, le, "#VER"), trans = label_is(a, le, "#TRANS");
    int btrans = label_is(a, le, "#BTRANS"), rtrans = label_is(a, le, "#RTRANS");
    Tok toks[MAXTOK];
    int ntok = 0;
    if (ver || trans || btrans || rtrans) {
        if (self->state == ST_START) BAIL("verifikation före huvudet");
        if (lex(self, le, b, toks, &ntok)) return 1;
        if (ver) {
            if (self->state == ST_AFTER_VER || self->state == ST_IN_BLOCK)
                BAIL("#VER i verifikation");
            TRY(on_ver(self, toks, ntok, start));
            self->state = ST_AFTER_VER;
            self->seen_voucher = 1;
        } else {
            if (self->state != ST_IN_BLOCK) BAIL("rad utanför verifikation");
            TRY(on_trans(self, toks, ntok, btrans ? K_BTRANS : rtrans ? K_RTRANS : K_TRANS));
        }
        if (collect && checksum_record(self, a, le, toks, ntok)) return -1;
        return 0;
    }
    /* any other record: the reader's parser reads it */
    if (self->state == ST_AFTER_VER || self->state == ST_IN_BLOCK) BAIL("post i verifikation");
    if (self->seen_voucher && label_is(a, le, "#RAR")) BAIL("#RAR efter verifikationerna");
    if (self->state == ST_START) self->state = ST_HEADER;
    if (label_is(a, le, "#KSUMMA")) {
        if (lex(self, le, b, toks, &ntok)) return 1;
        self->ks_count++;
        if (self->ks_count == 1) {
            if (ntok != 0) BAIL("#KSUMMA med värde först");
        } else if (self->ks_count == 2) {
            __int128 v;
            if (ntok != 1 || parse_fixed(&toks[0], 0, 12, &v)) BAIL("#KSUMMA utan värde");
            self->ks_value = (int64_t)v;
        } else {
            BAIL("mer än två #KSUMMA");
        }
    } else if (collect) {
        if (lex(self, le, b, toks, &ntok)) return 1;
        if (checksum_record(self, a, le, toks, ntok)) return -1;
    }
    return add_header(self, s - chunk, e - chunk);
}

/* Every line of a chunk (runs without the GIL): 0 ok, 1 bail, -1 out of memory. */
static int feed_lines(Parser *self, const uint8_t *chunk, Py_ssize_t len) {
    const uint8_t *p = chunk, *end = chunk + len;
    while (p < end) {
        const uint8_t *nl = memchr(p, '\n', (size_t)(end - p));
        const uint8_t *le = nl ? nl : end;
        const uint8_t *next = nl ? nl + 1 : end;
        if (nl) {
            int cr = le > p && le[-1] == '\r';
            if (self->crlf < 0) self->crlf = cr;
            if (cr != self->crlf) BAIL("blandade radslut");
            if (cr) le--;
        }
        self->line++;
        int r = on_line(self, chunk, p, le, self->base + (p - chunk), self->base + (next - chunk));
        if (r) return r;
        p = next;
    }
    return 0;
}

/* ---- Python interface ------------------------------------------------------------------- */

static int Parser_init(Parser *self, PyObject *args, PyObject *kwds) {
    static char *kwlist[] = {"table", NULL};
    PyObject *table = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O", kwlist, &table)) return -1;
    self->translate = 0;
    if (table != Py_None) {
        if (!PyTuple_Check(table) || PyTuple_GET_SIZE(table) != 128) {
            PyErr_SetString(PyExc_ValueError, "table: a tuple of 128 bytes objects");
            return -1;
        }
        for (int i = 0; i < 128; i++) {
            PyObject *it = PyTuple_GET_ITEM(table, i);
            if (!PyBytes_Check(it) || PyBytes_GET_SIZE(it) > 4) {
                PyErr_SetString(PyExc_ValueError, "table: UTF-8 of at most 4 bytes per entry");
                return -1;
            }
            self->utf8_len[i] = (uint8_t)PyBytes_GET_SIZE(it);
            memcpy(self->utf8[i], PyBytes_AS_STRING(it), (size_t)PyBytes_GET_SIZE(it));
        }
        self->translate = 1;
    }
    parser_release(self);
    self->crlf = -1;
    self->state = ST_START;
    self->line = self->base = self->vno = self->sum = self->ks_value = 0;
    self->vdate = self->vym = self->rows = 0;
    self->ks_count = self->seen_voucher = 0;
    self->reason = NULL;
    self->day.cap = 1 << 12;        /* accounts x days of a few weeks */
    self->months.cap = 1 << 10;     /* accounts x months */
    self->day_object.cap = 1 << 14; /* objects x accounts x days: moved out often */
    if (str_reset(&self->names.strs) || batch_reset(self)) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static void Parser_dealloc(Parser *self) {
    parser_release(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *bytes_of(const Buf *b) {
    return PyBytes_FromStringAndSize(b->p ? b->p : "", (Py_ssize_t)b->n);
}

static int set_item(PyObject *d, const char *k, PyObject *v);
static int set_item(PyObject *d, const char *k, PyObject *v) {
    if (!v) return -1;
    int r = PyDict_SetItemString(d, k, v);
    Py_DECREF(v);
    return r;
}

#define SETB(name, buf) \
    if (set_item(d, name, bytes_of(&(buf)))) goto fail
#define SETS(name, col)           \
    SETB(name "_off", (col).off); \
    SETB(name "_data", (col).data)

static int all_null(const Valid *v) {
    for (size_t i = 0; i < v->bits.n; i++)
        if (v->bits.p[i]) return 0;
    return 1;
}

/* A nullable column: its buffers and validity bitmap, or None for all three when every value
 * of the chunk is null (most files have no row dates, texts, quantities or signatures). */
#define SETNULL(name)                                 \
    if (PyDict_SetItemString(d, name, Py_None)) goto fail
#define SETNB(name, buf, ok)        \
    if (all_null(&(ok))) {          \
        SETNULL(name);              \
        SETNULL(name "_ok");        \
    } else {                        \
        SETB(name, buf);            \
        SETB(name "_ok", (ok).bits); \
    }
#define SETNS(name, col, ok)         \
    if (all_null(&(ok))) {           \
        SETNULL(name "_off");        \
        SETNULL(name "_data");       \
        SETNULL(name "_ok");         \
    } else {                         \
        SETS(name, col);             \
        SETB(name "_ok", (ok).bits); \
    }

static PyObject *batch_dict(Parser *self, const char *chunk) {
    PyObject *d = PyDict_New();
    if (!d) return NULL;
    if (set_item(d, "n_vouchers", PyLong_FromLongLong(self->n_v)) ||
        set_item(d, "n_postings", PyLong_FromLongLong(self->n_p)) ||
        set_item(d, "n_objects", PyLong_FromLongLong(self->n_o)))
        goto fail;
    SETB("v_vno", self->v_vno);
    SETB("v_date", self->v_date);
    SETNB("v_regdate", self->v_regdate, self->v_regdate_ok);
    SETB("v_line", self->v_line);
    SETB("v_start", self->v_start);
    SETB("v_end", self->v_end);
    SETS("v_series", self->v_series);
    SETS("v_number", self->v_number);
    SETNS("v_text", self->v_text, self->v_text_ok);
    SETNS("v_sign", self->v_sign, self->v_sign_ok);
    SETB("p_vno", self->p_vno);
    SETB("p_row", self->p_row);
    SETB("p_amount", self->p_amount);
    SETNB("p_date", self->p_date, self->p_date_ok);
    SETNB("p_qty", self->p_qty, self->p_qty_ok);
    SETB("p_kind", self->p_kind);
    SETB("p_line", self->p_line);
    SETS("p_account", self->p_account);
    SETNS("p_text", self->p_text, self->p_text_ok);
    SETNS("p_sign", self->p_sign, self->p_sign_ok);
    SETB("o_vno", self->o_vno);
    SETB("o_row", self->o_row);
    SETB("o_pos", self->o_pos);
    SETS("o_dim", self->o_dim);
    SETS("o_obj", self->o_obj);
    SETB("checksum_bytes", self->cks);
    SETB("suspects", self->suspects);
    PyObject *header = PyList_New(0);
    if (set_item(d, "header", header)) goto fail;
    const int64_t *h = (const int64_t *)self->header.p;
    for (size_t i = 0; i < self->header.n / 24; i++) {
        PyObject *t = Py_BuildValue("(Ly#)", (long long)h[3 * i], chunk + h[3 * i + 1],
                                    (Py_ssize_t)(h[3 * i + 2] - h[3 * i + 1]));
        if (!t || PyList_Append(header, t)) {
            Py_XDECREF(t);
            goto fail;
        }
        Py_DECREF(t);
    }
    return d;
fail:
    Py_DECREF(d);
    return NULL;
}

static PyObject *Parser_feed(Parser *self, PyObject *args) {
    Py_buffer view;
    int final = 0;
    if (!PyArg_ParseTuple(args, "y*|p", &view, &final)) return NULL;
    if (self->reason) {
        PyBuffer_Release(&view);
        Py_RETURN_NONE;
    }
    if (batch_reset(self)) {
        PyBuffer_Release(&view);
        return PyErr_NoMemory();
    }
    int r;
    Py_BEGIN_ALLOW_THREADS r = feed_lines(self, view.buf, view.len);
    Py_END_ALLOW_THREADS self->base += view.len;
    PyObject *out = NULL;
    if (r < 0) {
        PyErr_NoMemory();
    } else if (r == 0 && final && (self->state == ST_AFTER_VER || self->state == ST_IN_BLOCK)) {
        self->reason = "filen slutar inuti en verifikation";
    } else if (r == 0 && final && self->state == ST_START) {
        self->reason = "inga poster";
    } else if (r == 0) {
        out = batch_dict(self, view.buf);
    }
    PyBuffer_Release(&view);
    if (!out && !PyErr_Occurred()) Py_RETURN_NONE;
    return out;
}

/* One table of sums as Arrow buffers: the key halves as int32 columns, debit, credit, n. */
static int put_sums(PyObject *d, Sums *t, const char *prefix) {
    size_t n;
    if (sums_finish(t, &n)) return -1;
    Buf b[7] = {{0}};
    int r = 0;
    const Sum *v = (const Sum *)t->done.p;
    for (size_t i = 0; i < n && !r; i++) {
        int32_t k[4] = {(int32_t)(v[i].k1 >> 32), (int32_t)v[i].k1, (int32_t)(v[i].k2 >> 32),
                        (int32_t)v[i].k2};
        __int128 debit = v[i].debit, credit = v[i].credit;
        r = buf_put(&b[0], &k[0], 4) || buf_put(&b[1], &k[1], 4) || buf_put(&b[2], &k[2], 4) ||
            buf_put(&b[3], &k[3], 4) || buf_put(&b[4], &debit, 16) ||
            buf_put(&b[5], &credit, 16) || buf_put(&b[6], &v[i].n, 8);
    }
    static const char *cols[] = {"k1hi", "k1lo", "k2hi", "k2lo", "debit", "credit", "n"};
    char key[40];
    for (int i = 0; i < 7 && !r; i++) {
        snprintf(key, sizeof key, "%s_%s", prefix, cols[i]);
        r = set_item(d, key, bytes_of(&b[i]));
    }
    for (int i = 0; i < 7; i++) buf_free(&b[i]);
    snprintf(key, sizeof key, "%s_count", prefix);
    if (!r) r = set_item(d, key, PyLong_FromSize_t(n));
    if (r && !PyErr_Occurred()) PyErr_NoMemory();
    return r ? -1 : 0;
}

/* At the end: every sum, and where names were first used. */
static PyObject *Parser_totals(Parser *self, PyObject *unused) {
    PyObject *d = PyDict_New();
    if (!d) return NULL;
    if (put_sums(d, &self->day, "day") || put_sums(d, &self->day_object, "day_object") ||
        put_sums(d, &self->months, "months") ||
        set_item(d, "names_off", bytes_of(&self->names.strs.off)) ||
        set_item(d, "names_data", bytes_of(&self->names.strs.data)) ||
        set_item(d, "names_count", PyLong_FromSize_t(self->names.count)) ||
        set_item(d, "first_account", bytes_of(&self->names.first_account)) ||
        set_item(d, "first_dim", bytes_of(&self->names.first_dim))) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

static PyObject *Parser_get_reason(Parser *self, void *closure) {
    if (!self->reason) Py_RETURN_NONE;
    return PyUnicode_FromString(self->reason);
}

static PyObject *Parser_get_checksum(Parser *self, void *closure) {
    return Py_BuildValue("(iL)", self->ks_count, (long long)self->ks_value);
}

static PyObject *Parser_get_vouchers(Parser *self, void *closure) {
    return PyLong_FromLongLong(self->vno);
}

static PyGetSetDef Parser_getset[] = {
    {"reason", (getter)Parser_get_reason, NULL, "Why the native pass gave up (None: it did not).",
     NULL},
    {"checksum", (getter)Parser_get_checksum, NULL, "(#KSUMMA lines seen, the closing value).",
     NULL},
    {"vouchers", (getter)Parser_get_vouchers, NULL, "Vouchers read so far.", NULL},
    {NULL, NULL, NULL, NULL, NULL}};

static PyMethodDef Parser_methods[] = {
    {"feed", (PyCFunction)Parser_feed, METH_VARARGS,
     "feed(chunk, final=False) -> dict of column buffers, or None when the file is not canonical"},
    {"totals", (PyCFunction)Parser_totals, METH_NOARGS,
     "totals() -> dict of the sums per day, per object and day, per month, and first uses"},
    {NULL, NULL, 0, NULL}};

static PyTypeObject ParserType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "redovisa.ledger._native.Parser",
    .tp_basicsize = sizeof(Parser),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "One pass over the lines of an SIE file (see redovisa/ledger/native.py).",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Parser_init,
    .tp_dealloc = (destructor)Parser_dealloc,
    .tp_methods = Parser_methods,
    .tp_getset = Parser_getset,
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT, "_native", "Native line pass for the SIE import.", -1, NULL, NULL, NULL,
    NULL, NULL};

PyMODINIT_FUNC PyInit__native(void) {
    if (PyType_Ready(&ParserType) < 0) return NULL;
    PyObject *m = PyModule_Create(&moduledef);
    if (!m) return NULL;
    Py_INCREF(&ParserType);
    if (PyModule_AddObject(m, "Parser", (PyObject *)&ParserType) < 0) {
        Py_DECREF(&ParserType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
