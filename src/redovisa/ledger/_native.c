/*
 * redovisa.ledger._native: one pass over the bytes of an SIE file for the native import.
 *
 * Python (redovisa/ledger/native_pass.py, for native.py) feeds the file in chunks of whole
 * lines. For each chunk feed() returns the voucher lines (#VER, #TRANS, #RTRANS, #BTRANS in
 * their canonical form) as column buffers laid out as Apache Arrow arrays (int32 offsets for
 * text, little-endian integers, 16-byte decimals, LSB validity bitmaps) and the other lines as
 * (line number, bytes) for the SIE reader's own parser; Parser.crc is the running CRC-32 of
 * the record bytes the #KSUMMA checksum covers. It also sums the counted rows per account and
 * day, per object, account and month, and per account and month of the voucher date, and notes
 * where each account and dimension is first used: totals() gives these at the end. The line
 * loop runs without the GIL, so DuckDB can store one chunk while the next is read.
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
 *
 * What keeps it fast (per row it writes about 50 bytes of columns and adds to three sums; the
 * costs that matter are memory traffic, cache misses and per-line overhead):
 *   - output: a chunk's column buffers go to Python without a copy, as Buffer objects (the
 *     buffer protocol, read-only) that own their memory. When Python drops one, its memory
 *     goes back to the parser's spares for that column, so later chunks write into memory
 *     that is already mapped (no page faults, no zeroing). Buffers are sized up front from
 *     the previous chunk's bytes per input byte, so they rarely grow (a copy) on the way.
 *   - nullable columns (texts, row dates, quantities, signatures) are not written at all
 *     while every value of the chunk is null: most files have none, and such a column is
 *     returned as None anyway. The first value fills in the nulls before it.
 *   - the line loop finds each line end and any control character in one scan, 16 bytes at a
 *     time (SSE2, part of every x86-64; 8 bytes at a time elsewhere).
 *   - the common row, "#TRANS account {objects} amount", is read by fast_trans() in one go;
 *     every other line by the general lexer (a byte-class table), which also words the
 *     reasons to bail. Short values are copied 16 bytes at once, short names interned by
 *     their bytes as one integer.
 *   - the #KSUMMA checksum: the record bytes it covers are gathered in a small staging buffer
 *     that stays in the cache and folded into a CRC-32 (zlib's) by slicing-by-8; Python reads
 *     the result as Parser.crc.
 *   - the sums: a small window per table that stays in the cache, merged into the whole-file
 *     groups a window at a time, by day, so that even the merge rarely misses the cache (see
 *     "Sums per key"). The order of the groups in totals() is as it always was.
 *
 * Sections: portable loads; growable buffers and columns; CRC-32; interned names and sums;
 * the parser object; lexing; the checksum bytes; values; records (on_ver, on_trans,
 * fast_trans, on_line); the line loop; Buffer objects; the Python interface.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ---- portable loads ---------------------------------------------------------------------- */

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define LE64(x) __builtin_bswap64(x)
#define LE32(x) __builtin_bswap32(x)
#else
#define LE64(x) (x)
#define LE32(x) (x)
#endif

/* 8 or 4 bytes at p as a little-endian integer (the first byte lowest), on any byte order. */
static inline uint64_t load64le(const void *p) {
    uint64_t v;
    memcpy(&v, p, 8);
    return LE64(v);
}

static inline uint32_t load32le(const void *p) {
    uint32_t v;
    memcpy(&v, p, 4);
    return LE32(v);
}

/* ---- growable buffers and Arrow-shaped columns ------------------------------------------ */

typedef struct {
    char *p;
    size_t n, cap;
} Buf;

/* Allocation without the GIL: plain malloc (PyMem_Raw* is safe without the GIL). */
static int buf_reserve(Buf *b, size_t add) {
    if (b->n + add <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->n + add) cap *= 2;
    char *p;
    if (b->n == 0) { /* nothing to keep: a fresh block instead of a realloc that copies */
        PyMem_RawFree(b->p);
        b->p = NULL;
        b->cap = 0;
        p = PyMem_RawMalloc(cap);
    } else {
        p = PyMem_RawRealloc(b->p, cap);
    }
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

/* n zero bytes */
static int buf_zeros(Buf *b, size_t n) {
    if (!n) return 0; /* (the buffer may have no memory yet: no memset on NULL) */
    if (buf_reserve(b, n)) return -1;
    memset(b->p + b->n, 0, n);
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
    int live; /* a value of this chunk was not null: the column (and this bitmap) is written */
} Valid;  /* an Arrow validity bitmap being built */

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
    v->live = 0;
}

/* The first value of a nullable column in this chunk, at row `row`: the rows before it were
 * all null and nothing was written for them; write them now (zero values, zero bits). */
static __attribute__((noinline)) int valid_start(Valid *v, int64_t row) {
    if (buf_zeros(&v->bits, (size_t)(row + 7) / 8)) return -1;
    v->n = row;
    v->live = 1;
    return 0;
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

/* ---- CRC-32 (zlib's: reflected, polynomial 0xEDB88320) ----------------------------------- */

/* Tables for slicing-by-8, filled once when the module is first imported and only read after
 * that (so every Parser, in any thread, reads the same constant tables). */
static uint32_t crc_tab[8][256];

static void crc_init(void) {
    static int ready = 0; /* (module init runs with the GIL held) */
    if (ready) return;
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = (c & 1) ? (c >> 1) ^ 0xEDB88320u : c >> 1;
        crc_tab[0][i] = c;
    }
    for (uint32_t i = 0; i < 256; i++)
        for (int t = 1; t < 8; t++)
            crc_tab[t][i] = (crc_tab[t - 1][i] >> 8) ^ crc_tab[0][crc_tab[t - 1][i] & 0xff];
    ready = 1;
}

/* zlib.crc32(p[0..n), crc) */
static uint32_t crc32_update(uint32_t crc, const uint8_t *p, size_t n) {
    uint32_t c = ~crc;
    while (n >= 8) {
        uint32_t lo = load32le(p) ^ c, hi = load32le(p + 4);
        c = crc_tab[7][lo & 0xff] ^ crc_tab[6][(lo >> 8) & 0xff] ^ crc_tab[5][(lo >> 16) & 0xff] ^
            crc_tab[4][lo >> 24] ^ crc_tab[3][hi & 0xff] ^ crc_tab[2][(hi >> 8) & 0xff] ^
            crc_tab[1][(hi >> 16) & 0xff] ^ crc_tab[0][hi >> 24];
        p += 8;
        n -= 8;
    }
    while (n--) c = crc_tab[0][(c ^ *p++) & 0xff] ^ (c >> 8);
    return ~c;
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
 * bytes (accounts, dimensions, most object ids) are looked up by their bytes as one integer
 * (key: see short_key) in a small direct-mapped cache before the general table. */
static inline int32_t intern_short(Interned *t, uint64_t key, const char *s, size_t n) {
    size_t j = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 54); /* 1024 entries */
    if (t->short_key[j] == key && t->short_id[j]) return t->short_id[j] - 1;
    int32_t id = intern_long(t, s, n);
    if (id >= 0) {
        t->short_key[j] = key;
        t->short_id[j] = id + 1;
    }
    return id;
}

/* The cache key of a string of n < 8 bytes whose first 8 bytes (little-endian) are w: the
 * bytes fill the low end (whatever the byte order), the length the top byte. */
static inline uint64_t short_key(uint64_t w, size_t n) {
    return (w & ((1ULL << (8 * n)) - 1)) | (uint64_t)n << 56;
}

/* intern_short or the general table; s must have 8 readable bytes (the column buffers keep
 * slack after every value for this). */
static inline int32_t intern(Interned *t, const char *s, size_t n) {
    if (n < 8) return intern_short(t, short_key(load64le(s), n), s, n);
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
    uint64_t debit, credit; /* öre as two's complement (wraps like int64 without UB) */
    int64_t n;              /* debit = sum of amounts > 0, credit = the others */
} Sum;

/* Sums per key, in two levels. A window of recent groups (at most cap / 2) is an
 * open-addressing index (cap slots, linear probing from mix(k1, k2)) into a dense array of
 * partial sums: small enough to stay in the cache. When a new group would make the window
 * more than half full, the window is merged into the groups of the whole file, in slot order
 * of the index, and starts again.
 *
 * The order of the groups in totals() is the order in which they first reach the whole-file
 * groups, so it follows from the window's size, hash, probing and merge points: these are
 * part of the output and stay as they are. (The window used to hold the sums in its slots,
 * 40 bytes each, 640 KB for the objects; an index of 4-byte slots over a dense array has the
 * same slot order in half the memory. And the windows used to be moved to a list that was
 * added up at the end: a list as long as the groups, written, grown and read again.)
 *
 * A merge must find which groups of the window the file already has. Every key has a
 * bucket, the low half of k2 (the day, or the month), and rows come roughly in date order:
 * so most buckets of a window are new at its merge, and all their groups are new without a
 * look-up. Only a bucket that earlier merges added to needs an
 * index of its groups (built when first needed). So a merge rarely leaves the cache, where
 * an index of all groups would miss it for nearly every group. */
typedef struct {
    uint32_t key;    /* the low half of k2 */
    uint32_t seen;   /* the last merge that met this bucket */
    size_t old;      /* its groups from earlier merges */
    Buf members;     /* its groups (uint32 numbers in the whole-file list), in order */
    uint32_t *index; /* NULL, or by mix(k1, k2): member group + 1 (0 = empty) */
    size_t icap;
} Bucket;

#define GROUP_BLOCK 16384

typedef struct {
    uint32_t *index; /* per slot: 0 empty, else (hash tag << 16) | (entry + 1) */
    Sum *dense;      /* the window's groups in order of arrival */
    uint16_t *order; /* room to list them in slot order (for a merge) */
    size_t count;    /* groups in the window */
    size_t cap;      /* slots: a power of two <= 65536, set before the first use */
    Sum **blocks;    /* the whole file's groups, in order of first merge, GROUP_BLOCK to a */
    size_t groups;   /* block (a list that grows without being copied) */
    size_t nblocks;
    Buf buckets;     /* Bucket */
    uint32_t *bmap;  /* buckets by key: bucket + 1 (0 = empty) */
    size_t bcap;
    uint32_t merges;
} Sums;

/* Whole-file group number g. */
static inline Sum *group_at(const Sums *t, size_t g) {
    return &t->blocks[g / GROUP_BLOCK][g % GROUP_BLOCK];
}

/* The bucket of key `key` (added when new): its number, or -1 without memory. */
static int64_t bucket_of(Sums *t, uint32_t key) {
    size_t nb = t->buckets.n / sizeof(Bucket);
    if ((nb + 1) * 2 > t->bcap) { /* grow the map */
        size_t cap = t->bcap ? t->bcap * 2 : 256;
        uint32_t *map = PyMem_RawCalloc(cap, sizeof *map);
        if (!map) return -1;
        const Bucket *b = (const Bucket *)t->buckets.p;
        for (size_t i = 0; i < nb; i++) {
            size_t j = mix(b[i].key, 0) & (cap - 1);
            while (map[j]) j = (j + 1) & (cap - 1);
            map[j] = (uint32_t)i + 1;
        }
        PyMem_RawFree(t->bmap);
        t->bmap = map;
        t->bcap = cap;
    }
    size_t j = mix(key, 0) & (t->bcap - 1);
    for (uint32_t x; (x = t->bmap[j]); j = (j + 1) & (t->bcap - 1))
        if (((const Bucket *)t->buckets.p)[x - 1].key == key) return x - 1;
    Bucket nbk = {key, 0, 0, {NULL, 0, 0}, NULL, 0};
    if (buf_put(&t->buckets, &nbk, sizeof nbk)) return -1;
    t->bmap[j] = (uint32_t)nb + 1;
    return (int64_t)nb;
}

/* Group g (a member of bk) into bk's index. */
static void bucket_index_put(Bucket *bk, const Sums *t, uint32_t g) {
    const Sum *s = group_at(t, g);
    size_t j = mix(s->k1, s->k2) & (bk->icap - 1);
    while (bk->index[j]) j = (j + 1) & (bk->icap - 1);
    bk->index[j] = g + 1;
}

/* (Re)build bk's index for `count` members, all of them (room for twice as many). */
static int bucket_index(Bucket *bk, const Sums *t, size_t count) {
    size_t cap = 64;
    while (cap < 4 * count) cap *= 2;
    uint32_t *index = PyMem_RawCalloc(cap, sizeof *index);
    if (!index) return -1;
    PyMem_RawFree(bk->index);
    bk->index = index;
    bk->icap = cap;
    const uint32_t *m = (const uint32_t *)bk->members.p;
    for (size_t i = 0; i < bk->members.n / 4; i++) bucket_index_put(bk, t, m[i]);
    return 0;
}

/* One group of the window into the whole-file groups. */
static int groups_add(Sums *t, const Sum *s) {
    int64_t b = bucket_of(t, (uint32_t)s->k2);
    if (b < 0) return -1;
    Bucket *bk = &((Bucket *)t->buckets.p)[b];
    size_t nm = bk->members.n / 4;
    if (bk->seen != t->merges) { /* the first of this merge: what came before is old */
        bk->seen = t->merges;
        bk->old = nm;
    }
    if (bk->old) { /* the file may have it: look it up */
        if (!bk->index && bucket_index(bk, t, nm)) return -1;
        for (size_t j = mix(s->k1, s->k2) & (bk->icap - 1); bk->index[j];
             j = (j + 1) & (bk->icap - 1)) {
            Sum *g = group_at(t, bk->index[j] - 1);
            if (g->k1 == s->k1 && g->k2 == s->k2) {
                g->debit += s->debit;
                g->credit += s->credit;
                g->n += s->n;
                return 0;
            }
        }
    }
    if (t->groups >= UINT32_MAX) return -1; /* a new group */
    if (t->groups % GROUP_BLOCK == 0) {
        Sum **blocks = PyMem_RawRealloc(t->blocks, (t->nblocks + 1) * sizeof *blocks);
        if (!blocks) return -1;
        t->blocks = blocks;
        if (!(blocks[t->nblocks] = PyMem_RawMalloc(GROUP_BLOCK * sizeof(Sum)))) return -1;
        t->nblocks++;
    }
    uint32_t g = (uint32_t)t->groups++;
    *group_at(t, g) = *s;
    Buf *m = &bk->members; /* most buckets stay small: grow from 64 bytes, not buf_put's 4 KB */
    if (m->n + 4 > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 64;
        char *p = PyMem_RawRealloc(m->p, cap);
        if (!p) return -1;
        m->p = p;
        m->cap = cap;
    }
    memcpy(m->p + m->n, &g, 4);
    m->n += 4;
    if (bk->index) {
        if ((nm + 1) * 2 > bk->icap) return bucket_index(bk, t, nm + 1);
        bucket_index_put(bk, t, g);
    }
    return 0;
}

/* The window into the whole-file groups, in slot order; the window is empty afterwards. The
 * entries are listed in slot order first: slot order jumps around the dense array, which
 * has left the cache by now, so each entry is prefetched a few ahead of its turn. */
static int sums_flush(Sums *t) {
    if (!t->count) return 0;
    t->merges++;
    size_t n = 0;
    for (size_t i = 0; i < t->cap; i++)
        if (t->index[i]) {
            t->order[n++] = (uint16_t)((t->index[i] & 0xffff) - 1);
            t->index[i] = 0;
        }
    for (size_t i = 0; i < n; i++) {
        if (i + 8 < n) __builtin_prefetch(&t->dense[t->order[i + 8]]);
        if (groups_add(t, &t->dense[t->order[i]])) return -1; /* (the window is gone) */
    }
    t->count = 0;
    return 0;
}

static int sums_add(Sums *t, uint64_t k1, uint64_t k2, int64_t amount) {
    if (__builtin_expect(!t->index, 0)) { /* the first addition: the window */
        uint32_t *index = PyMem_RawCalloc(t->cap, sizeof *index);
        Sum *dense = PyMem_RawMalloc(t->cap / 2 * sizeof *dense);
        uint16_t *order = PyMem_RawMalloc(t->cap / 2 * sizeof *order);
        if (!index || !dense || !order) {
            PyMem_RawFree(index);
            PyMem_RawFree(dense);
            PyMem_RawFree(order);
            return -1;
        }
        t->index = index;
        t->dense = dense;
        t->order = order;
    }
    uint64_t h = mix(k1, k2);
    size_t mask = t->cap - 1, j = h & mask;
    uint32_t tag = (uint32_t)(h >> 48) << 16;
    Sum *s;
    for (uint32_t x;; j = (j + 1) & mask) {
        x = t->index[j];
        if (!x) { /* a new group */
            if (t->count * 2 >= t->cap) {
                if (sums_flush(t)) return -1;
                return sums_add(t, k1, k2, amount);
            }
            s = &t->dense[t->count++];
            *s = (Sum){k1, k2, 0, 0, 0};
            t->index[j] = tag | (uint32_t)t->count;
            break;
        }
        if ((x & 0xffff0000u) == tag) {
            s = &t->dense[(x & 0xffff) - 1];
            if (s->k1 == k1 && s->k2 == k2) break;
        }
    }
    if (amount > 0)
        s->debit += (uint64_t)amount;
    else
        s->credit += (uint64_t)amount;
    s->n++;
    return 0;
}

/* All groups, each once, in order (group_at); their number in *count. */
static int sums_finish(Sums *t, size_t *count) {
    if (sums_flush(t)) return -1;
    *count = t->groups;
    return 0;
}

static void sums_free(Sums *t) {
    PyMem_RawFree(t->index);
    PyMem_RawFree(t->dense);
    PyMem_RawFree(t->order);
    t->order = NULL;
    Bucket *b = (Bucket *)t->buckets.p;
    for (size_t i = 0; i < t->buckets.n / sizeof(Bucket); i++) {
        buf_free(&b[i].members);
        PyMem_RawFree(b[i].index);
    }
    buf_free(&t->buckets);
    PyMem_RawFree(t->bmap);
    t->index = NULL;
    t->dense = NULL;
    t->bmap = NULL;
    for (size_t i = 0; i < t->nblocks; i++) PyMem_RawFree(t->blocks[i]);
    PyMem_RawFree(t->blocks);
    t->blocks = NULL;
    t->count = t->bcap = t->groups = t->nblocks = 0;
    t->merges = 0;
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

/* Output buffers handed to Python per chunk (see OUT_BUFS), spare blocks kept per buffer. */
#define N_OUT 37
#define N_SPARE 2
/* Checksum bytes gathered before they go through the CRC (small: it stays in the L1 cache). */
#define CK_STAGE 8192

typedef struct {
    char *p;
    size_t cap;
} Spare;

typedef struct Parser {
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
    int32_t vmonth;    /* the first day of its month (days) */
    int32_t rows;      /* rows in the current voucher */
    int64_t sum;       /* öre of counted rows in the current voucher */
    int ks_count;      /* #KSUMMA lines seen */
    int64_t ks_value;  /* the closing #KSUMMA value */
    int seen_voucher;
    int vsuspect;      /* the current voucher has something the reader must word */
    int rtrans;        /* the last row was an #RTRANS waiting for its #TRANS twin */
    const char *reason;
    const uint8_t *end; /* end of the chunk being read: loads of 16 bytes never pass it */
    uint64_t date_key;  /* the last date read (its 8 bytes; 0: none) and its day number */
    int32_t date_days;
    /* vouchers */
    Buf v_vno, v_date, v_regdate, v_line, v_start, v_end;
    StrCol v_series, v_number, v_text, v_sign;
    Valid v_text_ok, v_regdate_ok, v_sign_ok;
    /* postings */
    Buf p_vno, p_row, p_amount, p_date, p_qty, p_kind, p_line;
    StrCol p_account, p_text, p_sign;
    Valid p_date_ok, p_text_ok, p_qty_ok, p_sign_ok;
    /* each row's object list as JSON text (see json_name) */
    StrCol p_objects;
    /* other lines (int64 line, start, end within the chunk), suspects (int64 vno) */
    Buf header, suspects;
    int64_t n_v, n_p;
    /* the #KSUMMA checksum: CRC-32 of the bytes so far, the last few staged before it */
    uint32_t crc;
    size_t ck_n;
    uint8_t ck[CK_STAGE + 16]; /* + 16: short copies always move 16 bytes */
    /* memory of the output buffers: spares given back by dropped Buffers (touched only with
     * the GIL held), and each buffer's bytes per input byte in the last chunk (to size it) */
    Spare spare[N_OUT][N_SPARE];
    double per_byte[N_OUT];
    /* totals over the whole file */
    Interned names;
    Sums day, month_object, months;
    Buf scratch, twin; /* scratch: the key of the row being read; twin: the pending #RTRANS */
} Parser;

/* The buffers of one chunk that go to Python (the index in this list is the buffer's slot for
 * spare memory). */
#define OUT_BUFS(self)                                                                           \
    &self->v_vno, &self->v_date, &self->v_regdate, &self->v_line, &self->v_start, &self->v_end,  \
        &self->v_series.off, &self->v_series.data, &self->v_number.off, &self->v_number.data,    \
        &self->v_text.off, &self->v_text.data, &self->v_sign.off, &self->v_sign.data,            \
        &self->v_text_ok.bits, &self->v_regdate_ok.bits, &self->v_sign_ok.bits, &self->p_vno,    \
        &self->p_row, &self->p_amount, &self->p_date, &self->p_qty, &self->p_kind, &self->p_line, \
        &self->p_account.off, &self->p_account.data, &self->p_text.off, &self->p_text.data,      \
        &self->p_sign.off, &self->p_sign.data, &self->p_date_ok.bits, &self->p_text_ok.bits,     \
        &self->p_qty_ok.bits, &self->p_sign_ok.bits, &self->p_objects.off,                       \
        &self->p_objects.data, &self->suspects

/* Buffers that live across chunks (the pending #RTRANS, the interned names). */
#define LASTING_BUFS(self)                                                                      \
    &self->header, &self->twin, &self->scratch, &self->names.strs.off, &self->names.strs.data,  \
        &self->names.first_account, &self->names.first_dim

#define ALL_STRS(self)                                                                           \
    &self->v_series, &self->v_number, &self->v_text, &self->v_sign, &self->p_account,            \
        &self->p_text, &self->p_sign, &self->p_objects

#define ALL_VALID(self)                                                                          \
    &self->v_text_ok, &self->v_regdate_ok, &self->v_sign_ok, &self->p_date_ok, &self->p_text_ok, \
        &self->p_qty_ok, &self->p_sign_ok

/* Chunks smaller than this are not worth sizing buffers for (nor learning sizes from). */
#define SIZE_FROM 65536

/* Bytes per input byte of each buffer in OUT_BUFS before the parser has seen a chunk with
 * rows: a typical file has a voucher in 200 bytes and a row in 50, whose object list takes
 * about 25 bytes as JSON (the nullable columns start empty). Only a first guess, so the first large chunk does not grow
 * its buffers step by step (each step a copy into fresh memory). */
#define PV(w) ((w) / 200.0)
#define PP(w) ((w) / 50.0)
static const double DEFAULT_PER_BYTE[N_OUT] = {
    PV(8), PV(4), 0, PV(8), PV(8), PV(8), PV(4), PV(1), PV(4), PV(5), 0, 0, 0, 0, 0, 0, 0,
    PP(8), PP(4), PP(16), 0, 0, PP(1), PP(8), PP(4), PP(4), 0, 0, 0, 0, 0, 0, 0, 0,
    PP(4), PP(25), 0};

/* Empty the chunk's buffers for a chunk of len bytes (with the GIL: it takes spares). A buffer
 * given to Python last time starts on a spare block if there is one; every buffer gets room
 * for what the last chunk needed per input byte (and a little more), so it rarely grows. */
static int batch_reset(Parser *self, Py_ssize_t len) {
    Buf *bufs[] = {OUT_BUFS(self)};
    _Static_assert(sizeof bufs / sizeof bufs[0] == N_OUT, "N_OUT: the number of OUT_BUFS");
    for (size_t i = 0; i < N_OUT; i++) {
        Buf *b = bufs[i];
        b->n = 0;
        if (!b->p) { /* the largest spare */
            Spare *best = NULL;
            for (int k = 0; k < N_SPARE; k++)
                if (self->spare[i][k].p && (!best || self->spare[i][k].cap > best->cap))
                    best = &self->spare[i][k];
            if (best) {
                b->p = best->p;
                b->cap = best->cap;
                best->p = NULL;
                best->cap = 0;
            }
        }
        if (len >= SIZE_FROM && self->per_byte[i] > 0) {
            /* a block that holds the estimate is kept; a new one gets a margin */
            double guess = self->per_byte[i] * (double)len;
            if (guess * 1.03 + 256 > (double)b->cap && guess < 1e15) {
                size_t want = (size_t)(guess * 1.25) + 4096;
                PyMem_RawFree(b->p); /* nothing to keep: no realloc */
                b->cap = 0;
                if (!(b->p = PyMem_RawMalloc(want))) return -1;
                b->cap = want;
            }
        }
    }
    self->header.n = 0;
    Valid *valid[] = {ALL_VALID(self)};
    for (size_t i = 0; i < sizeof valid / sizeof valid[0]; i++) valid_reset(valid[i]);
    self->n_v = self->n_p = 0;
    StrCol *cols[] = {ALL_STRS(self)};
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
        if (str_reset(cols[i])) return -1;
    return 0;
}

/* After a chunk of len bytes: how much each buffer needed, for sizing the next (learnt from
 * chunks with rows: a header says nothing about the vouchers). */
static void learn_sizes(Parser *self, Py_ssize_t len) {
    if (len < SIZE_FROM || self->n_p == 0) return;
    Buf *bufs[] = {OUT_BUFS(self)};
    for (size_t i = 0; i < N_OUT; i++) self->per_byte[i] = (double)bufs[i]->n / (double)len;
}

static void parser_release(Parser *self) {
    Buf *bufs[] = {OUT_BUFS(self), LASTING_BUFS(self)};
    for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++) buf_free(bufs[i]);
    PyMem_RawFree(self->names.slots);
    self->names.slots = NULL;
    self->names.cap = self->names.count = 0;
    sums_free(&self->day);
    sums_free(&self->month_object);
    sums_free(&self->months);
}

/* ---- lexing ----------------------------------------------------------------------------- */

#define BAIL(msg)              \
    do {                       \
        self->reason = (msg);  \
        return 1;              \
    } while (0)

static inline int is_sep(uint8_t c) { return c == ' ' || c == '\t'; }

/* Byte classes for the lexer: one table look-up per byte instead of a row of comparisons. */
enum { C_SEP = 1, C_QUOTE = 2, C_OPEN = 4, C_CLOSE = 8, C_BSL = 16 };
static const uint8_t CLS[256] = {[' '] = C_SEP,   ['\t'] = C_SEP,   ['"'] = C_QUOTE,
                                 ['{'] = C_OPEN,  ['}'] = C_CLOSE,  ['\\'] = C_BSL};

/* One quoted string from p (at the opening quote); returns the closing quote or NULL. A \"
 * is an escaped quote; any other backslash is itself. */
static const uint8_t *scan_quoted(const uint8_t *p, const uint8_t *e, int *esc) {
    p++;
    for (;;) {
        while (p < e && !(CLS[*p] & (C_QUOTE | C_BSL))) p++;
        if (p >= e) return NULL;
        if (*p == '"') return p;
        if (p + 1 < e && p[1] == '"') {
            *esc = 1;
            p += 2;
        } else {
            p++;
        }
    }
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
                    while (p < e && !(CLS[*p] & (C_SEP | C_QUOTE | C_OPEN | C_CLOSE))) p++;
                    if (p < e && (CLS[*p] & (C_QUOTE | C_OPEN)))
                        BAIL("citat eller klammer i objekt");
                    it->e = p;
                }
                t->items++;
            }
            if (!closed) BAIL("objektlista utan slut");
            if (p < e && !is_sep(*p)) BAIL("fält direkt efter objektlista");
        } else {
            t->kind = 'b';
            t->s = p;
            while (p < e && !(CLS[*p] & (C_SEP | C_QUOTE | C_OPEN | C_CLOSE))) p++;
            if (p < e && !is_sep(*p)) BAIL("citat eller klammer i fält");
            t->e = p;
        }
    }
    *ntok = n;
    return 0;
}

/* The high bits of the first n (<= 16) of the 16 bytes lo, hi: non-zero when one is >= 0x80. */
static inline uint64_t high_bits(uint64_t lo, uint64_t hi, size_t n) {
    const uint64_t h = 0x8080808080808080ULL;
    uint64_t mlo = n >= 8 ? h : h & ((1ULL << (8 * n)) - 1);
    uint64_t mhi = n >= 16 ? h : n <= 8 ? 0 : h & ((1ULL << (8 * (n - 8))) - 1);
    return (lo & mlo) | (hi & mhi);
}

/* Append a token's value (quotes removed, \" unescaped, bytes >= 0x80 decoded). Leaves 16
 * bytes of slack after the value (intern() reads 8 bytes from its start). */
static inline int put_value(Parser *self, Buf *out, const Tok *t) {
    const uint8_t *p = t->s, *e = t->e;
    size_t len = (size_t)(e - p);
    if (out->n + len * 3 + 16 > out->cap && buf_reserve(out, len * 3 + 16)) return -1;
    char *o = out->p + out->n;
    if (!t->esc && len <= 16 && self->end - p >= 16) {
        /* most values: short, nothing to unescape and nothing to decode: one 16-byte copy */
        uint64_t lo = load64le(p), hi = load64le(p + 8);
        if (!self->translate || !high_bits(lo, hi, len)) {
            memcpy(o, p, 16);
            out->n += len;
            return 0;
        }
    }
    if (!t->esc) { /* copy, decoding bytes >= 0x80 */
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

/* Raw value bytes (quotes removed, \" unescaped, no decoding), for the #RTRANS twin key. */
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

/* A nullable text at row `row` of the chunk: the value of t when has, else null. */
static inline __attribute__((always_inline)) int opt_str(Parser *self, StrCol *c, Valid *ok,
                                                         int64_t row, const Tok *t, int has) {
    if (!ok->live) {
        if (!has) return 0; /* all null so far: nothing is written */
        if (buf_zeros(&c->off, (size_t)row * 4) || valid_start(ok, row)) return -1;
    }
    int r = has ? put_str(self, c, t) : str_end(c);
    if (r) return r;
    return valid_put(ok, has);
}

/* A nullable fixed-width value (w bytes at v, zero when null) at row `row` of the chunk. */
static inline __attribute__((always_inline)) int opt_fixed(Buf *b, Valid *ok, int64_t row,
                                                           const void *v, size_t w, int has) {
    if (!ok->live) {
        if (!has) return 0;
        if (buf_zeros(b, (size_t)row * w) || valid_start(ok, row)) return -1;
    }
    if (buf_put(b, v, w)) return -1;
    return valid_put(ok, has);
}

static inline int blank(const Tok *t) { return t->s == t->e && (t->kind == 'q' || t->kind == 'b'); }

/* ---- the checksum bytes ------------------------------------------------------------------ */

static void ck_flush(Parser *self) {
    self->crc = crc32_update(self->crc, self->ck, self->ck_n);
    self->ck_n = 0;
}

/* n bytes of the chunk at p (they may be read 16 at a time up to self->end) */
static inline void ck_put(Parser *self, const uint8_t *p, size_t n) {
    if (__builtin_expect(self->ck_n + n > CK_STAGE, 0)) {
        ck_flush(self);
        if (n > CK_STAGE) {
            self->crc = crc32_update(self->crc, p, n);
            return;
        }
    }
    uint8_t *o = self->ck + self->ck_n;
    if (n <= 16 && self->end - p >= 16)
        memcpy(o, p, 16); /* a fixed-size copy is a move or two, not a call */
    else
        memcpy(o, p, n);
    self->ck_n += n;
}

static inline void ck_byte(Parser *self, uint8_t c) {
    if (self->ck_n == CK_STAGE) ck_flush(self);
    self->ck[self->ck_n++] = c;
}

/* A token's raw value (quotes removed, \" unescaped, not decoded). */
static inline void ck_value(Parser *self, const Tok *t) {
    if (!t->esc) {
        ck_put(self, t->s, (size_t)(t->e - t->s));
        return;
    }
    const uint8_t *p = t->s, *q = p;
    while (q < t->e) {
        if (*q == '\\' && q + 1 < t->e && q[1] == '"') {
            ck_put(self, p, (size_t)(q - p));
            ck_byte(self, '"');
            q += 2;
            p = q;
        } else {
            q++;
        }
    }
    ck_put(self, p, (size_t)(q - p));
}

/* n bytes from p to o (p in the chunk: 16 bytes may be read up to self->end; o has 16 bytes
 * of room past n); returns o + n. */
static inline uint8_t *copy_short(const Parser *self, uint8_t *o, const uint8_t *p, size_t n) {
    if (n <= 16 && self->end - p >= 16)
        memcpy(o, p, 16); /* a fixed-size copy is a move or two, not a call */
    else
        memcpy(o, p, n);
    return o + n;
}

/* What a record adds to the checksum: its label and its values (not the list tokens). The
 * record's line ends at `end`: its bytes are at most that many, so one check of the room in
 * the staging buffer does for the whole record. */
static void checksum_record(Parser *self, const uint8_t *ls, const uint8_t *le,
                            const uint8_t *end, const Tok *toks, int ntok) {
    size_t most = (size_t)(end - ls);
    if (self->ck_n + most + 16 > CK_STAGE) {
        ck_flush(self);
        if (most + 16 > CK_STAGE) { /* a very long line: piece by piece */
            ck_put(self, ls, (size_t)(le - ls));
            for (int i = 0; i < ntok; i++)
                if (toks[i].kind != 'l') ck_value(self, &toks[i]);
            return;
        }
    }
    uint8_t *o = copy_short(self, self->ck + self->ck_n, ls, (size_t)(le - ls));
    for (int i = 0; i < ntok; i++) {
        const Tok *t = &toks[i];
        if (t->kind == 'l') continue;
        if (!t->esc) {
            o = copy_short(self, o, t->s, (size_t)(t->e - t->s));
            continue;
        }
        for (const uint8_t *p = t->s; p < t->e;) { /* \" is a quote */
            if (*p == '\\' && p + 1 < t->e && p[1] == '"') {
                *o++ = '"';
                p += 2;
            } else {
                *o++ = *p++;
            }
        }
    }
    self->ck_n = (size_t)(o - self->ck);
}

/* ---- values ----------------------------------------------------------------------------- */

static int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

/* The first day of the month of day z (days since 1970-01-01): z less its day of the month
 * less one (civil_from_days of Howard Hinnant's date algorithms, up to the day). */
static int32_t month_start(int32_t z) {
    const int64_t x = (int64_t)z + 719468;
    const int64_t era = (x >= 0 ? x : x - 146096) / 146097;
    const unsigned doe = (unsigned)(x - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned dom = doy - (153 * mp + 2) / 5 + 1;
    return z - (int32_t)(dom - 1);
}

/* YYYYMMDD (exactly eight digits, a real date) -> days since 1970-01-01; 0 ok, 1 not a date */
static int parse_date_digits(const uint8_t *s, int32_t *out) {
    int v[8];
    for (int i = 0; i < 8; i++) {
        if (s[i] < '0' || s[i] > '9') return 1;
        v[i] = s[i] - '0';
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

/* parse_date_digits for a token, remembering the last date read (vouchers come in runs of
 * the same date). */
static inline int parse_date(Parser *self, const Tok *t, int32_t *out) {
    if (t->e - t->s != 8 || t->kind == 'l') return 1;
    uint64_t key = load64le(t->s);
    if (key == self->date_key && self->date_key) {
        *out = self->date_days;
        return 0;
    }
    if (parse_date_digits(t->s, out)) return 1;
    self->date_key = key;
    self->date_days = *out;
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

/* parse_fixed(t, 2, 16, ...) for amounts, in 64-bit arithmetic: at most 18 digits before the
 * point (< 10^18) are read before the check, and after it the value is below 10^16, so with
 * two decimals it stays below 10^18. */
static inline int parse_amount(const Tok *t, int64_t *out) {
    if (t->kind != 'b') return 1;
    const uint8_t *p = t->s, *e = t->e;
    int neg = 0;
    if (p < e && *p == '-') {
        neg = 1;
        p++;
    }
    uint64_t v = 0;
    int digits = 0;
    while (p < e && (unsigned)(*p - '0') < 10) {
        v = v * 10 + (unsigned)(*p++ - '0');
        if (++digits > 18) return 1;
    }
    if (digits == 0) return 1;
    const uint8_t *q = t->s + neg;
    while (q < p - 1 && *q == '0') {
        q++;
        digits--;
    }
    if (digits > 16) return 1;
    int frac = 0;
    if (p < e && *p == '.') {
        p++;
        while (p < e && (unsigned)(*p - '0') < 10) {
            if (++frac > 2) return 1;
            v = v * 10 + (unsigned)(*p++ - '0');
        }
        if (frac == 0) return 1;
    }
    if (p != e) return 1;
    for (; frac < 2; frac++) v *= 10;
    *out = neg ? -(int64_t)v : (int64_t)v;
    return 0;
}

static inline int put_i128(Buf *b, __int128 v) { return buf_put(b, &v, 16); }

/* ---- records ---------------------------------------------------------------------------- */

enum { L_OTHER, L_VER, L_TRANS, L_BTRANS, L_RTRANS, L_KSUMMA, L_RAR };

/* The letters after '#' as one integer, lower case (c | 0x20 equals a lower-case letter
 * exactly when c is that letter in either case, so this compares as the reader does). */
#define W3(a, b, c) ((uint64_t)(a) | (uint64_t)(b) << 8 | (uint64_t)(c) << 16)
#define W5(a, b, c, d, e) (W3(a, b, c) | (uint64_t)(d) << 24 | (uint64_t)(e) << 32)
#define W6(a, b, c, d, e, f) (W5(a, b, c, d, e) | (uint64_t)(f) << 40)

/* Which record the label a..le is (a[0] is '#'; letters in either case). */
static inline int label_kind(const uint8_t *a, const uint8_t *le) {
    size_t n = (size_t)(le - a);
    if (n != 4 && n != 6 && n != 7) return L_OTHER;
    uint64_t w = 0;
    for (size_t i = 1; i < n; i++) w |= (uint64_t)(a[i] | 0x20) << (8 * (i - 1));
    if (n == 6) return w == W5('t', 'r', 'a', 'n', 's') ? L_TRANS : L_OTHER;
    if (n == 4) return w == W3('v', 'e', 'r') ? L_VER : w == W3('r', 'a', 'r') ? L_RAR : L_OTHER;
    if (w == W6('b', 't', 'r', 'a', 'n', 's')) return L_BTRANS;
    if (w == W6('r', 't', 'r', 'a', 'n', 's')) return L_RTRANS;
    if (w == W6('k', 's', 'u', 'm', 'm', 'a')) return L_KSUMMA;
    return L_OTHER;
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
    if (parse_date(self, &t[2], &date)) BAIL("#VER med ogiltigt datum");
    int has_reg = n > 4 && !blank(&t[4]);
    if (has_reg && parse_date(self, &t[4], &reg)) BAIL("#VER med ogiltigt registreringsdatum");
    int64_t vno = ++self->vno;
    if (date != self->vdate || !self->vmonth) self->vmonth = month_start(date);
    self->vdate = date;
    const uint8_t *d = t[2].s;
    self->vym = (d[0] - '0') * 100000 + (d[1] - '0') * 10000 + (d[2] - '0') * 1000 +
                (d[3] - '0') * 100 + (d[4] - '0') * 10 + (d[5] - '0');
    self->rows = 0;
    self->sum = 0;
    self->vsuspect = 0;
    self->rtrans = 0;
    int64_t row = self->n_v;
    TRY(put_str(self, &self->v_series, &t[0]));
    TRY(put_str(self, &self->v_number, &t[1]));
    int has_text = n > 3 && !blank(&t[3]);
    TRY(opt_str(self, &self->v_text, &self->v_text_ok, row, &t[3], has_text));
    int has_sign = n > 5 && !blank(&t[5]);
    TRY(opt_str(self, &self->v_sign, &self->v_sign_ok, row, &t[5], has_sign));
    int64_t ln = self->line;
    if (buf_put(&self->v_vno, &vno, 8) || buf_put(&self->v_date, &date, 4) ||
        opt_fixed(&self->v_regdate, &self->v_regdate_ok, row, &reg, 4, has_reg) ||
        buf_put(&self->v_line, &ln, 8) || buf_put(&self->v_start, &line_start, 8))
        return -1;
    self->n_v++;
    return 0;
}

/* A name (account, dimension, object id) into column c, and its interned id in *id: 0 ok, 1
 * bail, -1 out of memory. Short plain names (almost all) are keyed from the bytes already in
 * a register, not read back from the column just written (cold memory: that read waits). */
static inline int put_name(Parser *self, StrCol *c, const Tok *t, int32_t *id) {
    Buf *out = &c->data;
    const uint8_t *p = t->s;
    size_t len = (size_t)(t->e - p);
    if (!t->esc && len < 8 && self->end - p >= 16) {
        uint64_t lo = load64le(p);
        if (!self->translate || !high_bits(lo, 0, len)) {
            if (out->n + 16 > out->cap && buf_reserve(out, 16)) return -1;
            memcpy(out->p + out->n, p, 16);
            out->n += len;
            if (str_end(c)) return -1;
            *id = intern_short(&self->names, short_key(lo, len), out->p + out->n - len, len);
            return *id < 0 ? -1 : 0;
        }
    }
    size_t at = out->n;
    TRY(put_str(self, c, t));
    *id = intern(&self->names, out->p + at, out->n - at);
    return *id < 0 ? -1 : 0;
}

/* Escape the text out[at..] for a JSON string as DuckDB's to_json does: \" \\ \b \f \n \r \t,
 * other control characters as \u00XX. Almost no name has any of these: one look at each
 * byte, nothing moved. */
static int json_escape(Buf *out, size_t at) {
    size_t more = 0;
    for (size_t i = at; i < out->n; i++) {
        uint8_t c = (uint8_t)out->p[i];
        if (c == '"' || c == '\\') more += 1;
        else if (c < 0x20) more += (c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') ? 1 : 5;
    }
    if (!more) return 0;
    if (buf_reserve(out, more)) return -1;
    static const char hex[] = "0123456789ABCDEF";
    char *src = out->p + out->n, *dst = src + more, *first = out->p + at;
    while (src > first) { /* from the end, so nothing is overwritten before it is moved */
        uint8_t c = (uint8_t)*--src;
        char e = c == '"' ? '"' : c == '\\' ? '\\' : c == '\b' ? 'b' : c == '\f' ? 'f'
               : c == '\n' ? 'n' : c == '\r' ? 'r' : c == '\t' ? 't' : 0;
        if (e) {
            *--dst = e;
            *--dst = '\\';
        } else if (c < 0x20) {
            *--dst = hex[c & 15];
            *--dst = hex[c >> 4];
            *--dst = '0';
            *--dst = '0';
            *--dst = 'u';
            *--dst = '\\';
        } else {
            *--dst = (char)c;
        }
    }
    out->n += more;
    return 0;
}

/* A dimension or object id into a row's JSON object list, and its interned id in *id (as
 * put_name, without the column's offsets): 0 ok, 1 bail, -1 out of memory. */
static inline int json_name(Parser *self, Buf *out, const Tok *t, int32_t *id) {
    const uint8_t *p = t->s;
    size_t len = (size_t)(t->e - p), at = out->n;
    if (!t->esc && len < 8 && self->end - p >= 16) {
        uint64_t lo = load64le(p);
        if (!self->translate || !high_bits(lo, 0, len)) {
            if (out->n + 16 > out->cap && buf_reserve(out, 16)) return -1;
            memcpy(out->p + at, p, 16);
            out->n += len;
            *id = intern_short(&self->names, short_key(lo, len), out->p + at, len);
            return *id < 0 || json_escape(out, at) ? -1 : 0;
        }
    }
    TRY(put_value(self, out, t));
    *id = intern(&self->names, out->p + at, out->n - at);
    return *id < 0 || json_escape(out, at) ? -1 : 0;
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

static inline __attribute__((always_inline)) int trans_row(Parser *self, const Tok *t, int items,
                                                           int k, int64_t ore, int has_date,
                                                           int32_t date, int has_text, int has_qty,
                                                           __int128 qty, int has_sign, int kind8);

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
    int64_t ore;
    if (parse_amount(&t[k], &ore)) BAIL("#TRANS med belopp som inte är kanoniskt");
    int32_t date = 0;
    int has_date = rest > 1 && !blank(&t[k + 1]);
    if (has_date && parse_date(self, &t[k + 1], &date)) BAIL("#TRANS med ogiltigt datum");
    int has_text = rest > 2 && !blank(&t[k + 2]);
    __int128 qty = 0;
    int has_qty = rest > 3 && !blank(&t[k + 3]);
    if (has_qty && parse_fixed(&t[k + 3], 6, 18, &qty))
        BAIL("#TRANS med kvantitet som inte är kanonisk");
    int has_sign = rest > 4 && !blank(&t[k + 4]);
    return trans_row(self, t, items, k, ore, has_date, date, has_text, has_qty, qty, has_sign,
                     kind8);
}

/* A row that passed the checks: its columns, sums and first uses. t[k] is the amount (ore),
 * t[k + 2] the text, t[k + 4] the signature. Inlined into on_trans and fast_trans, where
 * most arguments are constants. */
static inline __attribute__((always_inline)) int trans_row(Parser *self, const Tok *t, int items,
                                                           int k, int64_t ore, int has_date,
                                                           int32_t date, int has_text, int has_qty,
                                                           __int128 qty, int has_sign, int kind8) {
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
    int64_t vno = self->vno, ln = self->line, at = self->n_p;
    int32_t day = has_date ? date : self->vdate;
    int32_t month = has_date ? month_start(date) : self->vmonth;
    int8_t kind = (int8_t)kind8;
    int32_t acc;
    TRY(put_name(self, &self->p_account, &t[0], &acc));
    first_use(&self->names.first_account, acc, ln);
    TRY(opt_str(self, &self->p_text, &self->p_text_ok, at, has_text ? &t[k + 2] : NULL, has_text));
    TRY(opt_str(self, &self->p_sign, &self->p_sign_ok, at, has_sign ? &t[k + 4] : NULL, has_sign));
    __int128 amount = ore;
    if (buf_put(&self->p_vno, &vno, 8) || buf_put(&self->p_row, &row, 4) ||
        put_i128(&self->p_amount, amount) ||
        opt_fixed(&self->p_date, &self->p_date_ok, at, &date, 4, has_date) ||
        opt_fixed(&self->p_qty, &self->p_qty_ok, at, &qty, 16, has_qty) ||
        buf_put(&self->p_kind, &kind, 1) || buf_put(&self->p_line, &ln, 8))
        return -1;
    self->n_p++;
    if (!btrans) {
        self->sum = (int64_t)((uint64_t)self->sum + (uint64_t)ore);
        if (sums_add(&self->day, (uint64_t)acc, (uint32_t)day, ore) ||
            sums_add(&self->months, (uint64_t)acc, (uint32_t)self->vym, ore))
            return -1;
    }
    /* objects: [["dim","obj"],...] as JSON; the first pair of each dimension counts in the
     * sums */
    Buf *js = &self->p_objects.data;
    if (buf_put(js, "[", 1)) return -1;
    int32_t dims[MAXTOK];
    for (int i = 0; i < items / 2; i++) {
        int32_t dim, obj;
        if (buf_put(js, ",[\"" + (i == 0), i == 0 ? 2 : 3)) return -1; /* ["  or  ,[" */
        TRY(json_name(self, js, &t[2 + 2 * i], &dim));
        if (buf_put(js, "\",\"", 3)) return -1;
        TRY(json_name(self, js, &t[3 + 2 * i], &obj));
        if (buf_put(js, "\"]", 2)) return -1;
        first_use(&self->names.first_dim, dim, ln);
        dims[i] = dim;
        int first = 1;
        for (int j = 0; j < i && first; j++) first = dims[j] != dim;
        if (!btrans && first &&
            sums_add(&self->month_object, (uint64_t)dim << 32 | (uint32_t)obj,
                     (uint64_t)acc << 32 | (uint32_t)month, ore))
            return -1;
    }
    return buf_put(js, "]", 1) || str_end(&self->p_objects) ? -1 : 0;
}

static int close_voucher(Parser *self, int64_t end) {
    if (buf_put(&self->v_end, &end, 8)) return -1;
    if (self->rtrans) self->vsuspect = 1; /* an #RTRANS last in its voucher has no twin */
    self->rtrans = 0;
    if (self->rows == 0 || self->sum != 0 || self->vsuspect)
        if (buf_put(&self->suspects, &self->vno, 8)) return -1;
    return 0;
}

/* The common row, "#TRANS account {dim "object" ...} amount" with single spaces or more
 * between the fields, nothing after the amount and no escapes, read in one go (about 99 % of
 * the rows of a typical file). a..b is the line without trailing blanks; it starts "#TRANS ".
 * Returns 2 for anything else, before changing anything: on_line then reads the line the
 * general way, which also words every reason to bail. The tokens are the ones lex() gives,
 * and every check of on_trans holds for them, so the result is the same. */
static int fast_trans(Parser *self, const uint8_t *a, const uint8_t *b, int collect) {
    Tok t[MAXTOK];
    const uint8_t *p = a + 7;
    while (p < b && *p == ' ') p++;
    const uint8_t *as = p; /* the account: digits */
    while (p < b && (unsigned)(*p - '0') < 10) p++;
    if (p == as || p >= b || *p != ' ') return 2;
    t[0] = (Tok){as, p, 'b', 0, 0};
    while (*p == ' ') p++; /* stops before b: b[-1] is not blank */
    if (*p != '{') return 2;
    t[1] = (Tok){p, p + 1, 'l', 0, 0};
    p++;
    int n = 2;
    for (;;) { /* the object list: quoted or bare items, no escapes */
        while (p < b && *p == ' ') p++;
        if (p >= b) return 2;
        if (*p == '}') {
            p++;
            break;
        }
        if (n >= MAXTOK - 8) return 2;
        Tok *it = &t[n++];
        it->esc = it->items = 0;
        if (*p == '"') {
            const uint8_t *q = p + 1;
            while (q < b && !(CLS[*q] & (C_QUOTE | C_BSL))) q++;
            if (q >= b || *q != '"') return 2;
            it->kind = 'i';
            it->s = p + 1;
            it->e = q;
            p = q + 1;
        } else {
            it->kind = 'b';
            it->s = p;
            while (p < b && !(CLS[*p] & (C_SEP | C_QUOTE | C_OPEN | C_CLOSE))) p++;
            it->e = p;
        }
        if (p < b && *p != ' ' && *p != '}') return 2;
    }
    int items = n - 2;
    t[1].items = items;
    if ((items & 1) || p >= b || *p != ' ') return 2;
    while (*p == ' ') p++;
    const uint8_t *ms = p; /* the amount, last on the line */
    while (p < b && !(CLS[*p] & C_SEP)) p++;
    if (p != b) return 2;
    t[n] = (Tok){ms, b, 'b', 0, 0};
    int64_t ore;
    if (parse_amount(&t[n], &ore)) return 2;
    if (self->rtrans) return 2; /* the twin of an #RTRANS: the general path compares */
    int r = trans_row(self, t, items, n, ore, 0, 0, 0, 0, 0, 0, K_TRANS);
    if (r == 0 && collect) checksum_record(self, a, a + 6, b, t, n + 1);
    return r;
}

static int add_header(Parser *self, int64_t s, int64_t e) {
    int64_t rec[3] = {self->line, s, e};
    return buf_put(&self->header, rec, sizeof rec);
}

/* One line (without its line end): 0 ok, 1 bail, -1 out of memory. s and e are relative to
 * the chunk at ``chunk``; start and next are file offsets of the line and the line after;
 * ctrl: the line holds a control character (other than a tab). */
static int on_line(Parser *self, const uint8_t *chunk, const uint8_t *s, const uint8_t *e,
                   int64_t start, int64_t next, int ctrl) {
    if (ctrl) BAIL("styrtecken");
    /* the first 8 bytes of the line (when the chunk has them) tell the common lines apart */
    uint64_t head = self->end - s >= 8 ? load64le(s) : 0;
    const uint64_t TRANS_ = 0x20534e41525423ULL, VER_ = 0x2052455623ULL; /* "#TRANS ", "#VER " */
    if ((head & 0xffffffffffffffULL) == TRANS_ && self->state == ST_IN_BLOCK) {
        const uint8_t *b = e;
        while (is_sep(b[-1])) b--; /* stops at the label */
        int r = fast_trans(self, s, b, self->ks_count == 1);
        if (r != 2) return r;
    }
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
    const uint8_t *le;
    int label;
    if (a == s && (head & 0xffffffffffffffULL) == TRANS_) {
        le = a + 6;
        label = L_TRANS;
    } else if (a == s && (head & 0xffffffffffULL) == VER_) {
        le = a + 4;
        label = L_VER;
    } else {
        le = a;
        while (le < b && !is_sep(*le)) le++;
        label = label_kind(a, le);
    }
    Tok toks[MAXTOK];
    int ntok = 0;
    if (label == L_TRANS || label == L_VER || label == L_BTRANS || label == L_RTRANS) {
        if (self->state == ST_START) BAIL("verifikation före huvudet");
        if (lex(self, le, b, toks, &ntok)) return 1;
        if (label == L_VER) {
            if (self->state == ST_AFTER_VER || self->state == ST_IN_BLOCK)
                BAIL("#VER i verifikation");
            TRY(on_ver(self, toks, ntok, start));
            self->state = ST_AFTER_VER;
            self->seen_voucher = 1;
        } else {
            if (self->state != ST_IN_BLOCK) BAIL("rad utanför verifikation");
            TRY(on_trans(self, toks, ntok,
                         label == L_BTRANS ? K_BTRANS : label == L_RTRANS ? K_RTRANS : K_TRANS));
        }
        if (collect) checksum_record(self, a, le, b, toks, ntok);
        return 0;
    }
    /* any other record: the reader's parser reads it */
    if (self->state == ST_AFTER_VER || self->state == ST_IN_BLOCK) BAIL("post i verifikation");
    if (self->seen_voucher && label == L_RAR) BAIL("#RAR efter verifikationerna");
    if (self->state == ST_START) self->state = ST_HEADER;
    if (label == L_KSUMMA) {
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
        checksum_record(self, a, le, b, toks, ntok);
    }
    return add_header(self, s - chunk, e - chunk);
}

/* Bytes that end a stretch of ordinary line content: every control character (< 0x20, 0x7f).
 * In 8 bytes at once: non-zero when one of them is such a byte (the classic has-zero trick
 * for "below 0x20" and "equal to 0x7f"; bits above the first hit may be wrong, only
 * "some byte" is used). */
static inline uint64_t ctl8(uint64_t x) {
    const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    uint64_t y = x ^ (ones * 0x7f);
    return (((x - ones * 0x20) & ~x) | ((y - ones) & ~y)) & high;
}

static inline int is_ctl(uint8_t c) { return c < 0x20 || c == 0x7f; }

/* Where the line at p ends: its '\n', or end when there is none. *ctrl is set when the line
 * holds a control character other than a tab (a '\r' right before the '\n' is part of the
 * line end, which the caller checks). One scan finds both, 16 or 8 bytes at a time. */
static inline const uint8_t *line_end(const uint8_t *p, const uint8_t *end, int *ctrl) {
    for (;;) {
#if defined(__SSE2__)
        const __m128i c1f = _mm_set1_epi8(0x1f), c7f = _mm_set1_epi8(0x7f);
        while (end - p >= 16) {
            __m128i x = _mm_loadu_si128((const __m128i *)p);
            __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(x, c1f), x), /* x <= 0x1f */
                                       _mm_cmpeq_epi8(x, c7f));
            unsigned m = (unsigned)_mm_movemask_epi8(hit);
            if (m) {
                p += __builtin_ctz(m);
                goto found;
            }
            p += 16;
        }
#else
        while (end - p >= 8 && !ctl8(load64le(p))) p += 8;
#endif
        while (p < end && !is_ctl(*p)) p++;
        if (p == end) return end;
#if defined(__SSE2__)
    found:
#endif
        if (*p == '\n') return p;
        if (*p == '\t') {
            p++;
            continue;
        }
        if (*p == '\r' && end - p >= 2 && p[1] == '\n') return p + 1;
        *ctrl = 1; /* the line is refused; only its end still matters */
        const uint8_t *nl = memchr(p, '\n', (size_t)(end - p));
        return nl ? nl : end;
    }
}

/* Every line of a chunk (runs without the GIL): 0 ok, 1 bail, -1 out of memory. */
static int feed_lines(Parser *self, const uint8_t *chunk, Py_ssize_t len) {
    const uint8_t *p = chunk, *end = chunk + len;
    int r = 0;
    self->end = end;
    while (p < end) {
        int ctrl = 0;
        const uint8_t *le = line_end(p, end, &ctrl);
        const uint8_t *next = le < end ? le + 1 : end;
        if (le < end) {
            int cr = le > p && le[-1] == '\r';
            if (self->crlf < 0) self->crlf = cr;
            if (cr != self->crlf) {
                self->reason = "blandade radslut";
                r = 1;
                break;
            }
            if (cr) le--;
        }
        self->line++;
        r = on_line(self, chunk, p, le, self->base + (p - chunk), self->base + (next - chunk),
                    ctrl);
        if (r) break;
        p = next;
    }
    ck_flush(self);
    return r;
}

/* ---- column buffers for Python ----------------------------------------------------------- */

/* A read-only bytes-like object that owns a block of memory (a column buffer, handed over
 * without a copy). When it is dropped, the memory goes back to its parser's spares for the
 * same column (owner set) or is freed. */
typedef struct {
    PyObject_HEAD
    char *p;
    size_t n, cap;
    Parser *owner; /* a strong reference, or NULL */
    int slot;      /* index in OUT_BUFS */
} Block;

static void Block_dealloc(Block *self) {
    Parser *o = self->owner;
    if (o && self->p) { /* keep the largest blocks: the next chunks write into them */
        Spare *s = o->spare[self->slot], *small = &s[0];
        for (int k = 1; k < N_SPARE; k++)
            if (s[k].cap < small->cap) small = &s[k];
        if (small->cap < self->cap) {
            PyMem_RawFree(small->p);
            small->p = self->p;
            small->cap = self->cap;
            self->p = NULL;
        }
    }
    PyMem_RawFree(self->p);
    Py_XDECREF(o);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int Block_getbuffer(Block *self, Py_buffer *view, int flags) {
    return PyBuffer_FillInfo(view, (PyObject *)self, self->p ? self->p : (char *)"",
                             (Py_ssize_t)self->n, 1, flags);
}

static Py_ssize_t Block_len(Block *self) { return (Py_ssize_t)self->n; }

static PyBufferProcs Block_as_buffer = {(getbufferproc)Block_getbuffer, NULL};
static PySequenceMethods Block_as_sequence = {.sq_length = (lenfunc)Block_len};

static PyTypeObject BlockType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "redovisa.ledger._native.Buffer",
    .tp_basicsize = sizeof(Block),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_doc = "A column buffer of the C pass: read-only, bytes-like (buffer protocol).",
    .tp_dealloc = (destructor)Block_dealloc,
    .tp_as_buffer = &Block_as_buffer,
    .tp_as_sequence = &Block_as_sequence,
};

/* A Buffer of size bytes of fresh memory (not recycled), or NULL with an exception. */
static Block *new_block(size_t size) {
    Block *o = PyObject_New(Block, &BlockType);
    if (!o) return NULL;
    o->owner = NULL;
    o->slot = -1;
    o->n = o->cap = size;
    o->p = size ? PyMem_RawMalloc(size) : NULL;
    if (size && !o->p) {
        Py_DECREF(o);
        PyErr_NoMemory();
        return NULL;
    }
    return o;
}

/* The memory of b, given to Python as a Buffer (b is left empty, to start on a spare). */
static PyObject *block_of(Parser *self, Buf *b) {
    Buf *bufs[] = {OUT_BUFS(self)};
    int slot = 0;
    while (slot < N_OUT && bufs[slot] != b) slot++;
    Block *o = PyObject_New(Block, &BlockType);
    if (!o) return NULL;
    o->p = b->p;
    o->n = b->n;
    o->cap = b->cap;
    o->slot = slot;
    o->owner = slot < N_OUT ? self : NULL;
    Py_XINCREF(o->owner);
    b->p = NULL;
    b->n = b->cap = 0;
    return (PyObject *)o;
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
    self->vdate = self->vym = self->vmonth = self->rows = 0;
    self->ks_count = self->seen_voucher = 0;
    self->reason = NULL;
    self->crc = 0;
    self->ck_n = 0;
    self->date_key = 0;
    memcpy(self->per_byte, DEFAULT_PER_BYTE, sizeof self->per_byte);
    memset(self->names.short_key, 0, sizeof self->names.short_key);
    memset(self->names.short_id, 0, sizeof self->names.short_id);
    self->day.cap = 1 << 12;        /* accounts x days of a few weeks */
    self->months.cap = 1 << 10;     /* accounts x months */
    self->month_object.cap = 1 << 14; /* objects x accounts x months */
    if (str_reset(&self->names.strs) || batch_reset(self, 0)) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static void Parser_dealloc(Parser *self) {
    parser_release(self);
    for (int i = 0; i < N_OUT; i++)
        for (int k = 0; k < N_SPARE; k++) PyMem_RawFree(self->spare[i][k].p);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *bytes_of(const Buf *b) {
    return PyBytes_FromStringAndSize(b->p ? b->p : "", (Py_ssize_t)b->n);
}

static int set_item(PyObject *d, const char *k, PyObject *v) {
    if (!v) return -1;
    int r = PyDict_SetItemString(d, k, v);
    Py_DECREF(v);
    return r;
}

#define SETB(name, buf) \
    if (set_item(d, name, block_of(self, &(buf)))) goto fail
#define SETS(name, col)           \
    SETB(name "_off", (col).off); \
    SETB(name "_data", (col).data)

/* A nullable column: its buffers and validity bitmap, or None for all three when every value
 * of the chunk is null (most files have no row dates, texts, quantities or signatures; such
 * a column was never written: see opt_str and opt_fixed). */
#define SETNULL(name)                                 \
    if (PyDict_SetItemString(d, name, Py_None)) goto fail
#define SETNB(name, buf, ok)        \
    if (!(ok).live) {               \
        SETNULL(name);              \
        SETNULL(name "_ok");        \
    } else {                        \
        SETB(name, buf);            \
        SETB(name "_ok", (ok).bits); \
    }
#define SETNS(name, col, ok)         \
    if (!(ok).live) {                \
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
        set_item(d, "n_postings", PyLong_FromLongLong(self->n_p)))
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
    SETS("p_objects", self->p_objects);
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
    if (batch_reset(self, view.len)) {
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
        learn_sizes(self, view.len);
        out = batch_dict(self, view.buf);
    }
    PyBuffer_Release(&view);
    if (!out && !PyErr_Occurred()) Py_RETURN_NONE;
    return out;
}

/* One table of sums as Arrow buffers: the key halves as int32 columns, debit, credit (16-byte
 * decimals), n. */
static int put_sums(PyObject *d, Sums *t, const char *prefix) {
    static const char *cols[] = {"k1hi", "k1lo", "k2hi", "k2lo", "debit", "credit", "n"};
    static const size_t width[] = {4, 4, 4, 4, 16, 16, 8};
    size_t n;
    if (sums_finish(t, &n)) {
        PyErr_NoMemory();
        return -1;
    }
    Block *b[7] = {NULL};
    int r = 0;
    for (int i = 0; i < 7 && !r; i++) r = !(b[i] = new_block(n * width[i]));
    if (!r) {
        int32_t *k1hi = (int32_t *)b[0]->p, *k1lo = (int32_t *)b[1]->p;
        int32_t *k2hi = (int32_t *)b[2]->p, *k2lo = (int32_t *)b[3]->p;
        char *debit = b[4]->p, *credit = b[5]->p, *count = b[6]->p;
        for (size_t i = 0; i < n; i++) {
            const Sum *v = group_at(t, i);
            k1hi[i] = (int32_t)(v->k1 >> 32);
            k1lo[i] = (int32_t)v->k1;
            k2hi[i] = (int32_t)(v->k2 >> 32);
            k2lo[i] = (int32_t)v->k2;
            __int128 dv = (int64_t)v->debit, cv = (int64_t)v->credit;
            memcpy(debit + 16 * i, &dv, 16);
            memcpy(credit + 16 * i, &cv, 16);
            memcpy(count + 8 * i, &v->n, 8);
        }
    }
    char key[40];
    for (int i = 0; i < 7; i++) {
        snprintf(key, sizeof key, "%s_%s", prefix, cols[i]);
        if (!r)
            r = set_item(d, key, (PyObject *)b[i]); /* takes the reference */
        else
            Py_XDECREF(b[i]);
    }
    snprintf(key, sizeof key, "%s_count", prefix);
    if (!r) r = set_item(d, key, PyLong_FromSize_t(n));
    return r ? -1 : 0;
}

/* At the end: every sum, and where names were first used. */
static PyObject *Parser_totals(Parser *self, PyObject *unused) {
    PyObject *d = PyDict_New();
    if (!d) return NULL;
    if (put_sums(d, &self->day, "day") || put_sums(d, &self->month_object, "month_object") ||
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

static PyObject *Parser_get_crc(Parser *self, void *closure) {
    return PyLong_FromUnsignedLong(self->crc);
}

static PyObject *Parser_get_vouchers(Parser *self, void *closure) {
    return PyLong_FromLongLong(self->vno);
}

static PyGetSetDef Parser_getset[] = {
    {"reason", (getter)Parser_get_reason, NULL, "Why the native pass gave up (None: it did not).",
     NULL},
    {"checksum", (getter)Parser_get_checksum, NULL, "(#KSUMMA lines seen, the closing value).",
     NULL},
    {"crc", (getter)Parser_get_crc, NULL,
     "CRC-32 (zlib.crc32) of the record bytes the #KSUMMA checksum covers, so far.", NULL},
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
    crc_init();
    if (PyType_Ready(&ParserType) < 0 || PyType_Ready(&BlockType) < 0) return NULL;
    PyObject *m = PyModule_Create(&moduledef);
    if (!m) return NULL;
    if (PyModule_AddObjectRef(m, "Parser", (PyObject *)&ParserType) < 0 ||
        PyModule_AddObjectRef(m, "Buffer", (PyObject *)&BlockType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
