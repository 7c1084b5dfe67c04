/* dsl/fmt.c — prints one parsed rules file in its canonical layout, with the author's comments put back by position.
 *
 * The text is parsed with its comments (sc_parse_rules_keep_comments). Every statement that has a
 * location in the tree is an *anchor*: header lines, declarations, attributes, items, scale members,
 * bands. A comment alone on its line belongs before the first anchor after it; a comment after code
 * belongs at the end of the line of the last anchor before it (for a statement printed over several
 * lines: the line as far down as the comment was). Lines are collected first and written at the end,
 * so that trailing comments on consecutive lines can be aligned. */
#include "fmt.h"

#include "../base/num.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "dump.h"

/* An item's question starts on the next line when it would start after this column and not fit. */
#define SC_FMT_TEXT_BREAK 48

typedef struct fmt_anchor {
    ast_loc loc;
    bool blank_before;     /* first on its line, and the line before it is blank */
    bool done;             /* its comments have been printed */
    sc_ptrvec leading;     /* ast_comment* on their own lines before it */
    sc_ptrvec trailing;    /* ast_comment* at the end of one of its lines */
} fmt_anchor;

typedef struct fmt_line {
    const char *code;      /* indentation and code, or a whole-line comment; "" for a blank line */
    const char *comment;   /* a trailing comment, or NULL */
} fmt_line;

typedef struct fmt {
    sc_arena *arena;
    const char *text;
    size_t len;
    size_t *line_start;    /* byte offset of each line (0-based index) */
    uint32_t nlines;
    fmt_anchor *anchors;
    size_t nanchors, cap_anchors;
    fmt_line *lines;
    size_t nout, cap_out;
    sc_out cur;            /* the line being built */
    bool failed;
} fmt;

/* ---- source positions -------------------------------------------------------------------------- */

static const char *src_line(const fmt *f, uint32_t line, size_t *n)
{
    if (line == 0 || line > f->nlines) {
        *n = 0;
        return "";
    }
    size_t a = f->line_start[line - 1];
    size_t b = line < f->nlines ? f->line_start[line] - 1 : f->len;
    *n = b - a;
    return f->text + a;
}

static bool is_blank_line(const fmt *f, uint32_t line)
{
    size_t n;
    const char *s = src_line(f, line, &n);
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return false;
    return true;
}

/* Byte offset of line:col (col in code points). */
static size_t src_offset(const fmt *f, ast_loc at)
{
    size_t n;
    const char *s = src_line(f, at.line, &n);
    size_t i = 0;
    for (uint32_t c = 1; c < at.col && i < n; c++) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
    }
    return (size_t)(s - f->text) + i;
}

/* Only blanks before line:col on its line. */
static bool first_on_line(const fmt *f, ast_loc at)
{
    size_t n;
    const char *s = src_line(f, at.line, &n);
    size_t end = src_offset(f, at) - (size_t)(s - f->text);
    for (size_t i = 0; i < end; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return false;
    return true;
}

/* The number at `at` was written with a '%' after it. */
static bool has_percent(const fmt *f, ast_loc at)
{
    if (!at.line)
        return false;
    size_t i = src_offset(f, at);
    while (i < f->len && ((f->text[i] >= '0' && f->text[i] <= '9') || f->text[i] == '.'))
        i++;
    while (i < f->len && (f->text[i] == ' ' || f->text[i] == '\t' || f->text[i] == '\r' || f->text[i] == '\n'))
        i++;
    return i < f->len && f->text[i] == '%';
}

/* The word at `at` is `percent` (and not a number). */
static bool has_percent_kw(const fmt *f, ast_loc at)
{
    size_t i = src_offset(f, at);
    return at.line && i + 7 <= f->len && memcmp(f->text + i, "percent", 7) == 0;
}

static int loc_cmp(ast_loc a, ast_loc b)
{
    if (a.line != b.line)
        return a.line < b.line ? -1 : 1;
    if (a.col != b.col)
        return a.col < b.col ? -1 : 1;
    return 0;
}

/* ---- anchors ------------------------------------------------------------------------------------ */

static void anchor_add(fmt *f, ast_loc at)
{
    if (!at.line)
        return;
    if (f->nanchors == f->cap_anchors) {
        size_t cap = f->cap_anchors ? f->cap_anchors * 2 : 64;
        fmt_anchor *a = realloc(f->anchors, cap * sizeof *a);
        if (!a) {
            f->failed = true;
            return;
        }
        f->anchors = a;
        f->cap_anchors = cap;
    }
    f->anchors[f->nanchors++] = (fmt_anchor){.loc = at};
}

static int anchor_cmp(const void *a, const void *b)
{
    return loc_cmp(((const fmt_anchor *)a)->loc, ((const fmt_anchor *)b)->loc);
}

static fmt_anchor *anchor_find(fmt *f, ast_loc at)
{
    fmt_anchor key = {.loc = at};
    return bsearch(&key, f->anchors, f->nanchors, sizeof key, anchor_cmp);
}

static void anchor_items(fmt *f, const sc_ptrvec *items)
{
    for (size_t i = 0; i < items->len; i++) {
        const ast_item *it = items->items[i];
        anchor_add(f, it->loc);
        anchor_add(f, it->norm ? it->norm_loc : (ast_loc){0, 0});
        anchor_add(f, it->ambition ? it->ambition_loc : (ast_loc){0, 0});
        anchor_add(f, it->when ? it->when_loc : (ast_loc){0, 0});
        anchor_add(f, it->note.text ? it->note.loc : (ast_loc){0, 0});
        anchor_add(f, it->help.text ? it->help.loc : (ast_loc){0, 0});
        anchor_add(f, it->source.text ? it->source.loc : (ast_loc){0, 0});
        anchor_add(f, it->serves.len ? it->serves_loc : (ast_loc){0, 0});
        anchor_add(f, it->capacity ? it->capacity_loc : (ast_loc){0, 0});
    }
}

static void anchor_file(fmt *f, const ast_file *file)
{
    if (file->ruleset.text)
        anchor_add(f, file->ruleset.loc);
    if (file->version.text)
        anchor_add(f, file->version.loc);
    if (file->has_valid_from)
        anchor_add(f, file->valid_loc);
    if (file->source.text)
        anchor_add(f, file->source.loc);
    for (size_t i = 0; i < file->decls.len; i++) {
        const ast_decl *d = file->decls.items[i];
        anchor_add(f, d->loc);
        switch (d->kind) {
        case AST_DECL_INCLUDE: break;
        case AST_DECL_SCALE:
            for (size_t k = 0; k < d->u.scale->members.len; k++)
                anchor_add(f, ((const ast_member *)d->u.scale->members.items[k])->loc);
            break;
        case AST_DECL_BANDS:
            for (size_t k = 0; k < d->u.bands->bands.len; k++)
                anchor_add(f, ((const ast_band *)d->u.bands->bands.items[k])->loc);
            break;
        case AST_DECL_PROMISE:
            if (d->u.promise->source.text)
                anchor_add(f, d->u.promise->source.loc);
            anchor_items(f, &d->u.promise->items);
            break;
        case AST_DECL_AGREEMENT:
        case AST_DECL_CATALOGUE: {
            const ast_agreement *a = d->u.agreement;
            if (a->title.text)
                anchor_add(f, a->title.loc);
            if (a->serves.len)
                anchor_add(f, a->serves_loc);
            if (a->source.text)
                anchor_add(f, a->source.loc);
            anchor_items(f, &a->items);
            break;
        }
        case AST_DECL_FIELD: {
            sc_ptrvec one = {(void **)&d->u.field, 1, 1};
            anchor_items(f, &one);
            break;
        }
        case AST_DECL_EXTEND: anchor_items(f, &d->u.extend->items); break;
        case AST_DECL_TIGHTEN:
            if (d->u.tighten->norm)
                anchor_add(f, d->u.tighten->norm_loc);
            break;
        }
    }
    if (f->failed || !f->nanchors)
        return;
    qsort(f->anchors, f->nanchors, sizeof *f->anchors, anchor_cmp);
    size_t k = 0;
    for (size_t i = 0; i < f->nanchors; i++)
        if (k == 0 || loc_cmp(f->anchors[k - 1].loc, f->anchors[i].loc) != 0)
            f->anchors[k++] = f->anchors[i];
    f->nanchors = k;
    for (size_t i = 0; i < f->nanchors; i++) {
        fmt_anchor *a = &f->anchors[i];
        bool first = i == 0 || f->anchors[i - 1].loc.line != a->loc.line;
        a->blank_before = first && a->loc.line > 1 && is_blank_line(f, a->loc.line - 1);
    }
}

/* Give each comment to its anchor; the ones after the last anchor go to `tail`. */
static void attach_comments(fmt *f, const sc_ptrvec *comments, sc_ptrvec *tail)
{
    for (size_t i = 0; i < comments->len; i++) {
        ast_comment *c = comments->items[i];
        /* the first anchor after the comment */
        size_t lo = 0, hi = f->nanchors;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (loc_cmp(f->anchors[mid].loc, c->loc) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        sc_ptrvec *to;
        if (!first_on_line(f, c->loc) && lo > 0)
            to = &f->anchors[lo - 1].trailing;
        else if (lo < f->nanchors)
            to = &f->anchors[lo].leading;
        else
            to = tail;
        if (sc_ptrvec_push(f->arena, to, c) != 0)
            f->failed = true;
    }
}

/* ---- lines -------------------------------------------------------------------------------------- */

static void push_line(fmt *f, const char *code, const char *comment)
{
    if (f->nout == f->cap_out) {
        size_t cap = f->cap_out ? f->cap_out * 2 : 256;
        fmt_line *l = realloc(f->lines, cap * sizeof *l);
        if (!l) {
            f->failed = true;
            return;
        }
        f->lines = l;
        f->cap_out = cap;
    }
    f->lines[f->nout++] = (fmt_line){code, comment};
}

/* Insert a line at index `at` (before what is there). */
static void insert_line(fmt *f, size_t at, const char *code)
{
    push_line(f, "", NULL);
    if (f->failed)
        return;
    memmove(&f->lines[at + 1], &f->lines[at], (f->nout - 1 - at) * sizeof *f->lines);
    f->lines[at] = (fmt_line){code, NULL};
}

static void blank(fmt *f)
{
    if (f->nout > 0 && f->lines[f->nout - 1].code[0] != '\0')
        push_line(f, "", NULL);
}

static void put(fmt *f, const char *s)
{
    sc_out_puts(&f->cur, s);
}

static void putf(fmt *f, const char *fmtstr, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void putf(fmt *f, const char *fmtstr, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmtstr);
    vsnprintf(buf, sizeof buf, fmtstr, ap);
    va_end(ap);
    put(f, buf);
}

static void indent(fmt *f, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        sc_out_putc(&f->cur, ' ');
}

/* Code points on the current line so far. */
static size_t column(const fmt *f)
{
    return f->cur.buf ? sc_utf8_len(f->cur.buf, f->cur.len) : 0;
}

static void end_line(fmt *f)
{
    char *s = sc_arena_strndup(f->arena, f->cur.buf ? f->cur.buf : "", f->cur.len);
    if (!s)
        f->failed = true;
    else
        push_line(f, s, NULL);
    f->cur.len = 0;
    if (f->cur.buf)
        f->cur.buf[0] = '\0';
}

/* The comments before an anchor, at `ind`, and the blank line the author had before it. */
static void lead(fmt *f, ast_loc at, unsigned ind, bool blanks)
{
    fmt_anchor *a = anchor_find(f, at);
    if (!a || a->done)
        return;
    for (size_t i = 0; i < a->leading.len; i++) {
        const ast_comment *c = a->leading.items[i];
        if (blanks && c->loc.line > 1 && is_blank_line(f, c->loc.line - 1))
            blank(f);
        indent(f, ind);
        put(f, c->text);
        end_line(f);
    }
    if (blanks && a->blank_before)
        blank(f);
}

/* The anchor's trailing comments onto the lines [first, first + n) it was printed on: the one on
 * the k-th line after the anchor's own goes to the k-th printed line (or the last); when two meet
 * on one line, the later one goes on its own line before the statement. */
static void trail(fmt *f, ast_loc at, size_t first, unsigned ind)
{
    fmt_anchor *a = anchor_find(f, at);
    if (!a || a->done || f->failed)
        return;
    a->done = true;
    size_t n = f->nout - first;
    for (size_t i = 0; i < a->trailing.len && n > 0; i++) {
        const ast_comment *c = a->trailing.items[i];
        size_t k = c->loc.line - a->loc.line;
        if (k >= n)
            k = n - 1;
        if (!f->lines[first + k].comment && f->lines[first + k].code[0]) {
            f->lines[first + k].comment = c->text;
        } else {
            char *s = sc_arena_printf(f->arena, "%*s%s", (int)ind, "", c->text);
            if (!s) {
                f->failed = true;
                return;
            }
            insert_line(f, first, s);
            first++;
        }
    }
}

/* ---- pieces of statements ----------------------------------------------------------------------- */

static size_t quoted_width(const char *s, size_t n)
{
    size_t w = 2;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\' || c == '\n')
            w += 2;
        else if ((c & 0xC0) != 0x80)
            w++;
    }
    return w;
}

static void put_quoted_n(fmt *f, const char *s, size_t n)
{
    char *piece = sc_arena_strndup(f->arena, s, n);
    if (!piece) {
        f->failed = true;
        return;
    }
    sc_write_quoted(&f->cur, piece);
}

/* A text in quotes; a text too long for the line is split at spaces into adjacent texts (which the
 * parser joins with one space again), each further one on its own line under the first. */
static void put_text(fmt *f, const char *s)
{
    size_t col = column(f);
    size_t room = col < SC_FMT_WIDTH ? SC_FMT_WIDTH - col : 0;
    size_t n = strlen(s);
    for (;;) {
        size_t cut = 0;
        if (quoted_width(s, n) > room) {
            /* the last space that fits, else the first space at all; never an empty piece */
            for (size_t i = 1; i + 1 < n; i++) {
                if (s[i] != ' ')
                    continue;
                if (quoted_width(s, i) <= room || cut == 0)
                    cut = i;
                if (quoted_width(s, i) > room)
                    break;
            }
        }
        if (cut == 0) {
            put_quoted_n(f, s, n);
            return;
        }
        put_quoted_n(f, s, cut);
        end_line(f);
        indent(f, (unsigned)col);
        s += cut + 1;
        n -= cut + 1;
    }
}

static void put_number(fmt *f, double v, bool pct)
{
    char buf[SC_NUM_BUF];
    sc_num_format(buf, sizeof buf, v);
    putf(f, "%s%s", buf, pct ? "%" : "");
}

static void put_names(fmt *f, const sc_ptrvec *names)
{
    for (size_t i = 0; i < names->len; i++) {
        if (i)
            put(f, ", ");
        put(f, ((const ast_name *)names->items[i])->name);
    }
}

static void put_date(fmt *f, sc_date d)
{
    char buf[16];
    sc_date_format(d, buf);
    put(f, buf);
}

/* The condition ends in a list of names: followed by ',' it would take the next part as a name. */
static bool ends_with_list(const ast_pred *p)
{
    switch (p->kind) {
    case AST_AND: case AST_OR: return p->kids.len && ends_with_list(p->kids.items[p->kids.len - 1]);
    case AST_NOT: return p->kids.len && ends_with_list(p->kids.items[0]);
    case AST_IS_ONE_OF: case AST_CONTAINS: case AST_CONTAINS_N: return true;
    default: return false;
    }
}

static void put_pred(fmt *f, const ast_pred *p);

/* Part i of a condition, in parentheses where leaving them out would change how it is read:
 * or inside and/not, and inside not, a nested chain of the same kind (the parser keeps it nested),
 * and a list of names inside 'at least N of (...)' that a ',' follows; and/or inside 'at least N of'
 * keep theirs for the reader. */
static void put_kid(fmt *f, const ast_pred *parent, size_t i)
{
    const ast_pred *k = parent->kids.items[i];
    bool paren = false;
    switch (parent->kind) {
    case AST_OR: paren = k->kind == AST_OR; break;
    case AST_AND: case AST_NOT: paren = k->kind == AST_OR || k->kind == AST_AND; break;
    case AST_AT_LEAST_OF:
        paren = k->kind == AST_OR || k->kind == AST_AND || (i + 1 < parent->kids.len && ends_with_list(k));
        break;
    default: break;
    }
    if (paren)
        put(f, "(");
    put_pred(f, k);
    if (paren)
        put(f, ")");
}

static void put_pred(fmt *f, const ast_pred *p)
{
    static const char *const units[] = {"day", "month", "year"};
    static const char *const cmps[] = {"at least", "more than", "at most", "less than"};
    if (p->subject.name) {
        put(f, p->subject.name);
        put(f, " ");
    }
    switch (p->kind) {
    case AST_AND:
    case AST_OR:
        for (size_t i = 0; i < p->kids.len; i++) {
            if (i)
                put(f, p->kind == AST_AND ? " and " : " or ");
            put_kid(f, p, i);
        }
        break;
    case AST_NOT:
        put(f, "not ");
        put_kid(f, p, 0);
        break;
    case AST_AT_LEAST_OF:
        put(f, "at least ");
        put_number(f, p->number, false);
        put(f, " of (");
        for (size_t i = 0; i < p->kids.len; i++) {
            if (i)
                put(f, ", ");
            put_kid(f, p, i);
        }
        put(f, ")");
        break;
    case AST_IS_YES: put(f, "is ja"); break;
    case AST_IS_NO: put(f, "is nee"); break;
    case AST_IS_NAME:
        put(f, "is ");
        put_names(f, &p->names);
        break;
    case AST_IS_NUMBER:
        put(f, "is ");
        put_number(f, p->number, has_percent(f, p->number_loc));
        break;
    case AST_IS_ONE_OF:
        put(f, "is one of ");
        put_names(f, &p->names);
        break;
    case AST_AT:
        put(f, "at ");
        put_names(f, &p->names);
        break;
    case AST_OR_BETTER:
        put_names(f, &p->names);
        put(f, " or better");
        break;
    case AST_NUM_CMP:
        put(f, cmps[p->cmp]);
        put(f, " ");
        put_number(f, p->number, has_percent(f, p->number_loc));
        break;
    case AST_CONTAINS:
        put(f, "contains ");
        put_names(f, &p->names);
        break;
    case AST_CONTAINS_N:
        put(f, "contains at least ");
        put_number(f, p->number, false);
        put(f, " of ");
        put_names(f, &p->names);
        break;
    case AST_WITHIN:
        put(f, "within ");
        put_number(f, p->number, false);
        putf(f, " %s%s before peildatum", units[p->unit], p->number == 1 ? "" : "s");
        break;
    case AST_DATE_BEFORE:
        put(f, "before ");
        put_date(f, p->date);
        break;
    case AST_DATE_AFTER:
        put(f, "after ");
        put_date(f, p->date);
        break;
    case AST_ANSWERED: put(f, "answered"); break;
    }
}

static void put_type(fmt *f, const ast_type *t)
{
    switch (t->kind) {
    case AST_TYPE_YESNO: put(f, "yesno"); break;
    case AST_TYPE_NUMBER:
        put(f, "number");
        if (t->has_range) {
            put(f, " from ");
            put_number(f, t->min, false);
            put(f, " to ");
            put_number(f, t->max, false);
        }
        break;
    case AST_TYPE_PERCENT: put(f, "percent"); break;
    case AST_TYPE_DATE: put(f, "date"); break;
    case AST_TYPE_TEXT: put(f, "text"); break;
    case AST_TYPE_NAMED: put(f, t->scale.name); break;
    case AST_TYPE_SET_OF:
        put(f, "set of ");
        put(f, t->scale.name);
        break;
    }
    if ((t->kind == AST_TYPE_NUMBER || t->kind == AST_TYPE_PERCENT) && t->bands.name) {
        put(f, " in ");
        put(f, t->bands.name);
    }
}

/* ---- statements --------------------------------------------------------------------------------- */

/* A statement of one keyword and a text ("source ...", "title ...", "ruleset ..."). */
static void stmt_text(fmt *f, ast_loc at, unsigned ind, const char *kw, const char *text)
{
    lead(f, at, ind, true);
    size_t first = f->nout;
    indent(f, ind);
    put(f, kw);
    put(f, " ");
    put_text(f, text);
    end_line(f);
    trail(f, at, first, ind);
}

static void stmt_pred(fmt *f, ast_loc at, unsigned ind, const char *kw, const ast_pred *p)
{
    lead(f, at, ind, true);
    size_t first = f->nout;
    indent(f, ind);
    put(f, kw);
    put(f, " ");
    put_pred(f, p);
    end_line(f);
    trail(f, at, first, ind);
}

/* A statement of one keyword and a list of names ("serves P1, P4", "capacity places, hours"). */
static void stmt_names(fmt *f, ast_loc at, unsigned ind, const char *kw, const sc_ptrvec *names)
{
    lead(f, at, ind, true);
    size_t first = f->nout;
    indent(f, ind);
    put(f, kw);
    put(f, " ");
    for (size_t i = 0; i < names->len; i++) {
        if (i)
            put(f, ", ");
        put(f, ((const ast_name *)names->items[i])->name);
    }
    end_line(f);
    trail(f, at, first, ind);
}

static void stmt_item(fmt *f, const ast_item *it, unsigned ind)
{
    lead(f, it->loc, ind, true);
    size_t first = f->nout;
    indent(f, ind);
    putf(f, "%s %s: ", it->is_field ? "field" : "item", it->id);
    put_type(f, &it->type);
    /* a question that does not fit after a long header starts on a line of its own */
    if (column(f) + 1 > SC_FMT_TEXT_BREAK && column(f) + 1 + quoted_width(it->text, strlen(it->text)) > SC_FMT_WIDTH) {
        end_line(f);
        indent(f, ind + 4);
    } else {
        put(f, " ");
    }
    put_text(f, it->text);
    end_line(f);
    if (it->required) {
        indent(f, ind + 4);
        put(f, "required");
        end_line(f);
    }
    /* `required` has no place of its own in the tree: comments near it stay with the item line */
    trail(f, it->loc, first, ind);
    if (it->norm)
        stmt_pred(f, it->norm_loc, ind + 4, "norm", it->norm);
    if (it->ambition)
        stmt_pred(f, it->ambition_loc, ind + 4, "ambition", it->ambition);
    if (it->when)
        stmt_pred(f, it->when_loc, ind + 4, "when", it->when);
    if (it->serves.len)
        stmt_names(f, it->serves_loc, ind + 4, "serves", &it->serves);
    if (it->capacity) {
        lead(f, it->capacity_loc, ind + 4, true);
        size_t cap_first = f->nout;
        indent(f, ind + 4);
        put(f, it->capacity == (AST_CAPACITY_PLACES | AST_CAPACITY_HOURS) ? "capacity places, hours"
               : it->capacity == AST_CAPACITY_PLACES                       ? "capacity places"
                                                                           : "capacity hours");
        end_line(f);
        trail(f, it->capacity_loc, cap_first, ind + 4);
    }
    if (it->note.text)
        stmt_text(f, it->note.loc, ind + 4, "note", it->note.text);
    if (it->help.text)
        stmt_text(f, it->help.loc, ind + 4, "help", it->help.text);
    if (it->source.text)
        stmt_text(f, it->source.loc, ind + 4, "source", it->source.text);
}

static void stmt_items(fmt *f, const sc_ptrvec *items, unsigned ind)
{
    for (size_t i = 0; i < items->len; i++)
        stmt_item(f, items->items[i], ind);
}

static bool scale_has_comments(fmt *f, const ast_scale *s)
{
    size_t trailing = 0;
    fmt_anchor *a = anchor_find(f, s->loc);
    if (a)
        trailing += a->trailing.len;
    for (size_t i = 0; i < s->members.len; i++) {
        a = anchor_find(f, ((const ast_member *)s->members.items[i])->loc);
        if (a && a->leading.len)
            return true;
        if (a)
            trailing += a->trailing.len;
    }
    return trailing > 1;
}

static void put_member(fmt *f, const ast_member *m)
{
    put(f, m->name);
    if (m->label) {
        put(f, " ");
        sc_write_quoted(&f->cur, m->label);
    }
}

static void put_scale_head(fmt *f, const ast_scale *s)
{
    putf(f, "scale %s", s->name);
    if (s->label) {
        put(f, " ");
        sc_write_quoted(&f->cur, s->label);
    }
    put(f, ":");
}

/* On one line when it fits (and comments allow); else one member a line, the separator in front
 * ('> wijk') for an order, behind ('bao,') for a plain list. */
static void stmt_scale(fmt *f, const ast_scale *s)
{
    lead(f, s->loc, 0, true);
    size_t first = f->nout;
    char sep[4] = {' ', s->sep ? s->sep : ',', ' ', '\0'};
    if (s->sep == ',')
        sep[0] = ',', sep[1] = ' ', sep[2] = '\0';
    if (!scale_has_comments(f, s)) {
        put_scale_head(f, s);
        for (size_t i = 0; i < s->members.len; i++) {
            put(f, i ? sep : " ");
            put_member(f, s->members.items[i]);
        }
        if (column(f) <= SC_FMT_WIDTH) {
            end_line(f);
            trail(f, s->loc, first, 0);
            for (size_t i = 0; i < s->members.len; i++)
                trail(f, ((const ast_member *)s->members.items[i])->loc, first, 0);
            return;
        }
        f->cur.len = 0;
    }
    put_scale_head(f, s);
    end_line(f);
    trail(f, s->loc, first, 0);
    for (size_t i = 0; i < s->members.len; i++) {
        const ast_member *m = s->members.items[i];
        lead(f, m->loc, 4, false);
        size_t at = f->nout;
        indent(f, 4);
        if (i && s->sep != ',')
            putf(f, "%c ", s->sep);
        put_member(f, m);
        if (s->sep == ',' && i + 1 < s->members.len)
            put(f, ",");
        end_line(f);
        trail(f, m->loc, at, 4);
    }
}

/* Bands one a line, names, labels and bounds in columns. */
static void stmt_bands(fmt *f, const ast_bandset *b)
{
    lead(f, b->loc, 0, true);
    size_t first = f->nout;
    putf(f, "bands %s over ", b->name);
    if (b->min == 0 && b->max == 100 && has_percent_kw(f, b->range_loc))
        put(f, "percent");
    else {
        put(f, "number from ");
        put_number(f, b->min, false);
        put(f, " to ");
        put_number(f, b->max, false);
    }
    put(f, ":");
    end_line(f);
    trail(f, b->loc, first, 0);
    size_t wname = 0, wlabel = 0;
    for (size_t i = 0; i < b->bands.len; i++) {
        const ast_band *band = b->bands.items[i];
        size_t n = sc_utf8_len(band->name, strlen(band->name));
        if (n > wname)
            wname = n;
        if (band->label) {
            n = quoted_width(band->label, strlen(band->label));
            if (n > wlabel)
                wlabel = n;
        }
    }
    for (size_t i = 0; i < b->bands.len; i++) {
        const ast_band *band = b->bands.items[i];
        lead(f, band->loc, 4, false);
        size_t at = f->nout;
        indent(f, 4);
        put(f, band->name);
        indent(f, (unsigned)(wname - sc_utf8_len(band->name, strlen(band->name)) + 1));
        if (wlabel) {
            size_t n = 0;
            if (band->label) {
                sc_write_quoted(&f->cur, band->label);
                n = quoted_width(band->label, strlen(band->label));
            }
            indent(f, (unsigned)(wlabel - n + 1));
        }
        if (band->has_from) {
            put(f, "from ");
            put_number(f, band->from, has_percent(f, band->from_loc));
            if (band->has_below)
                put(f, " ");
        }
        if (band->has_below) {
            put(f, "below ");
            put_number(f, band->below, has_percent(f, band->below_loc));
        }
        end_line(f);
        trail(f, band->loc, at, 4);
    }
}

/* ---- the file ----------------------------------------------------------------------------------- */

typedef struct fmt_unit {
    ast_loc loc;
    int kind;              /* -1 ruleset, -2 version, -3 valid, -4 source; else the declaration */
    const ast_decl *decl;
} fmt_unit;

static int unit_cmp(const void *a, const void *b)
{
    return loc_cmp(((const fmt_unit *)a)->loc, ((const fmt_unit *)b)->loc);
}

static void stmt_unit(fmt *f, const ast_file *file, const fmt_unit *u)
{
    switch (u->kind) {
    case -1: stmt_text(f, u->loc, 0, "ruleset", file->ruleset.text); return;
    case -2: stmt_text(f, u->loc, 0, "version", file->version.text); return;
    case -4: stmt_text(f, u->loc, 0, "source", file->source.text); return;
    case -3: {
        lead(f, u->loc, 0, true);
        size_t first = f->nout;
        put(f, "valid from ");
        put_date(f, file->valid_from);
        if (file->has_valid_until) {
            put(f, " until ");
            put_date(f, file->valid_until);
        }
        end_line(f);
        trail(f, u->loc, first, 0);
        return;
    }
    default: break;
    }
    const ast_decl *d = u->decl;
    switch (d->kind) {
    case AST_DECL_INCLUDE: stmt_text(f, d->loc, 0, "include", d->u.include.text); break;
    case AST_DECL_SCALE: stmt_scale(f, d->u.scale); break;
    case AST_DECL_BANDS: stmt_bands(f, d->u.bands); break;
    case AST_DECL_PROMISE: {
        const ast_promise *p = d->u.promise;
        stmt_text(f, p->loc, 0, sc_arena_printf(f->arena, "promise %s", p->id), p->text);
        if (p->source.text)
            stmt_text(f, p->source.loc, 4, "source", p->source.text);
        stmt_items(f, &p->items, 4);
        break;
    }
    case AST_DECL_AGREEMENT:
    case AST_DECL_CATALOGUE: {
        const ast_agreement *a = d->u.agreement;
        stmt_text(f, a->loc, 0, sc_arena_printf(f->arena, "%s %s", a->is_catalogue ? "catalogue" : "agreement", a->id), a->text);
        if (a->title.text)
            stmt_text(f, a->title.loc, 4, "title", a->title.text);
        if (a->serves.len)
            stmt_names(f, a->serves_loc, 4, "serves", &a->serves);
        if (a->source.text)
            stmt_text(f, a->source.loc, 4, "source", a->source.text);
        stmt_items(f, &a->items, 4);
        break;
    }
    case AST_DECL_FIELD: stmt_item(f, d->u.field, 0); break;
    case AST_DECL_EXTEND: {
        const ast_extend *e = d->u.extend;
        if (e->restate) {
            stmt_text(f, e->loc, 0, sc_arena_printf(f->arena, "restate %s", e->agreement.name), e->text);
            if (e->title.text)
                stmt_text(f, e->title.loc, 4, "title", e->title.text);
            if (e->source.text)
                stmt_text(f, e->source.loc, 4, "source", e->source.text);
            stmt_items(f, &e->items, 4);
            break;
        }
        lead(f, e->loc, 0, true);
        size_t first = f->nout;
        putf(f, "extend %s", e->agreement.name);
        end_line(f);
        trail(f, e->loc, first, 0);
        stmt_items(f, &e->items, 4);
        break;
    }
    case AST_DECL_TIGHTEN: {
        const ast_tighten *t = d->u.tighten;
        lead(f, t->loc, 0, true);
        size_t first = f->nout;
        putf(f, "tighten %s", t->item.name);
        end_line(f);
        trail(f, t->loc, first, 0);
        if (t->norm)
            stmt_pred(f, t->norm_loc, 4, "norm", t->norm);
        break;
    }
    }
}

/* Every line, trailing comments of consecutive lines aligned two columns after the longest code. */
static void write_lines(fmt *f, sc_out *o)
{
    size_t i = 0;
    /* no blank lines at the end */
    while (f->nout > 0 && f->lines[f->nout - 1].code[0] == '\0')
        f->nout--;
    while (i < f->nout) {
        size_t j = i, width = 0;
        while (j < f->nout && f->lines[j].comment) {
            size_t w = sc_utf8_len(f->lines[j].code, strlen(f->lines[j].code));
            if (w > width)
                width = w;
            j++;
        }
        if (j == i) {
            sc_out_puts(o, f->lines[i].code);
            sc_out_putc(o, '\n');
            i++;
            continue;
        }
        for (; i < j; i++) {
            size_t w = sc_utf8_len(f->lines[i].code, strlen(f->lines[i].code));
            sc_out_puts(o, f->lines[i].code);
            for (size_t k = w; k < width + 2; k++)
                sc_out_putc(o, ' ');
            sc_out_puts(o, f->lines[i].comment);
            sc_out_putc(o, '\n');
        }
    }
}

int sc_fmt_rules(sc_out *o, const char *path, const char *text, size_t len, sc_diag_sink *diags)
{
    /* a byte order mark is dropped (the parser skips it too, so that positions agree) */
    size_t bom = sc_bom_len(text, len);
    text += bom;
    len -= bom;
    sc_arena arena;
    sc_arena_init(&arena, 0);
    fmt f = {.arena = &arena, .text = text, .len = len};
    sc_out_init_mem(&f.cur);
    int rc = -1;
    sc_ptrvec comments = {0};
    unsigned errors = diags->errors;
    ast_file *file = sc_parse_rules_keep_comments(&arena, path, text, len, NULL, diags, &comments);
    if (!file || diags->errors != errors)
        goto done;
    for (size_t i = 0; i < file->decls.len; i++) {
        const ast_decl *d = file->decls.items[i];
        if (d->kind == AST_DECL_SCALE && d->u.scale->mixed_seps) {
            sc_diag_report(diags, SC_SEV_ERROR, path, text, len, d->u.scale->mixed_loc.line, d->u.scale->mixed_loc.col,
                           "use '>' (best first), '<' (worst first) or ',' (no order), not a mix",
                           "scale '%s' mixes separators", d->u.scale->name);
            goto done;
        }
    }

    /* where each line starts */
    f.nlines = 1;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n')
            f.nlines++;
    f.line_start = malloc(f.nlines * sizeof *f.line_start);
    if (!f.line_start) {
        f.failed = true;
        goto done;
    }
    f.line_start[0] = 0;
    for (size_t i = 0, k = 1; i < len; i++)
        if (text[i] == '\n')
            f.line_start[k++] = i + 1;

    anchor_file(&f, file);
    sc_ptrvec tail = {0};
    attach_comments(&f, &comments, &tail);

    /* the header lines and declarations, in the order they were written */
    size_t nunits = file->decls.len + 4, n = 0;
    fmt_unit *units = malloc(nunits * sizeof *units);
    if (!units) {
        f.failed = true;
        goto done;
    }
    if (file->ruleset.text)
        units[n++] = (fmt_unit){file->ruleset.loc, -1, NULL};
    if (file->version.text)
        units[n++] = (fmt_unit){file->version.loc, -2, NULL};
    if (file->has_valid_from)
        units[n++] = (fmt_unit){file->valid_loc, -3, NULL};
    if (file->source.text)
        units[n++] = (fmt_unit){file->source.loc, -4, NULL};
    for (size_t i = 0; i < file->decls.len; i++) {
        const ast_decl *d = file->decls.items[i];
        units[n++] = (fmt_unit){d->loc, 0, d};
    }
    qsort(units, n, sizeof *units, unit_cmp);
    for (size_t i = 0; i < n && !f.failed; i++)
        stmt_unit(&f, file, &units[i]);
    free(units);

    /* comments after the last statement, and any an anchor did not take (none, normally) */
    for (size_t i = 0; i < f.nanchors; i++) {
        fmt_anchor *a = &f.anchors[i];
        if (a->done)
            continue;
        for (size_t k = 0; k < a->leading.len; k++)
            push_line(&f, ((const ast_comment *)a->leading.items[k])->text, NULL);
        for (size_t k = 0; k < a->trailing.len; k++)
            push_line(&f, ((const ast_comment *)a->trailing.items[k])->text, NULL);
    }
    for (size_t i = 0; i < tail.len; i++) {
        const ast_comment *c = tail.items[i];
        if (c->loc.line > 1 && is_blank_line(&f, c->loc.line - 1))
            blank(&f);
        push_line(&f, c->text, NULL);
    }
    if (f.cur.failed)
        f.failed = true;
    if (f.failed) {
        sc_diag_report(diags, SC_SEV_ERROR, path, text, len, 0, 0, NULL, "out of memory while formatting the rules");
        goto done;
    }
    write_lines(&f, o);
    rc = 0;
done:
    free(f.line_start);
    free(f.anchors);
    free(f.lines);
    sc_out_free(&f.cur);
    sc_arena_free(&arena);
    return rc;
}
