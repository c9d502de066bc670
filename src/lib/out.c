/* out.c - tab-separated output. */
#include <config.h>

#include "out.h"

#include <math.h>
#include <string.h>

void out_init(struct out *o, FILE *fp, int precision)
{
    o->fp = fp;
    o->precision = precision;
    o->col = 0;
}

static void sep(struct out *o)
{
    if (o->col++)
        putc('\t', o->fp);
}

void out_text(struct out *o, const char *s)
{
    sep(o);
    for (; *s; s++)
        putc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, o->fp);
}

void out_num(struct out *o, double x)
{
    if (isnan(x)) {
        out_na(o);
        return;
    }
    if (isinf(x)) {
        out_text(o, x > 0 ? "Inf" : "-Inf");
        return;
    }
    sep(o);
    if (x == 0)
        x = 0;    /* no "-0" */
    fprintf(o->fp, "%.*g", o->precision, x);
}

void out_count(struct out *o, size_t n)
{
    sep(o);
    fprintf(o->fp, "%zu", n);
}

void out_na(struct out *o)
{
    sep(o);
    fputs("NA", o->fp);
}

void out_end_row(struct out *o)
{
    putc('\n', o->fp);
    o->col = 0;
}

static int col_on(const struct out_col *c, unsigned flags)
{
    return !c->flag || (flags & c->flag);
}

void out_header(struct out *o, const struct out_col *cols, size_t n,
                unsigned flags)
{
    for (size_t i = 0; i < n; i++)
        if (col_on(&cols[i], flags))
            out_text(o, cols[i].name);
}

void out_cells(struct out *o, const struct out_col *cols, size_t n,
               unsigned flags, const void *result)
{
    const char *base = result;
    for (size_t i = 0; i < n; i++) {
        const struct out_col *c = &cols[i];
        if (!col_on(c, flags))
            continue;
        const void *p = base + c->offset;
        switch (c->kind) {
        case OUT_NUM:
            out_num(o, *(const double *)p);
            break;
        case OUT_COUNT:
            out_count(o, *(const size_t *)p);
            break;
        case OUT_TEXT: {
            const char *t = *(const char *const *)p;
            if (t)
                out_text(o, t);
            else
                out_na(o);
            break;
        }
        }
    }
}

void out_help(FILE *fp, const struct out_col *cols, size_t n)
{
    enum { INDENT = 2, NAMEW = 12, WIDTH = 78 };
    for (size_t i = 0; i < n; i++) {
        const char *h = cols[i].help;
        int col = fprintf(fp, "%*s%-*s", INDENT, "", NAMEW, cols[i].name);
        if (col > INDENT + NAMEW) {
            fputc('\n', fp);
            col = fprintf(fp, "%*s", INDENT + NAMEW, "");
        }
        /* words, wrapped */
        int first = 1;
        while (*h) {
            size_t w = strcspn(h, " ");
            if (!first && col + 1 + (int)w > WIDTH) {
                fputc('\n', fp);
                col = fprintf(fp, "%*s", INDENT + NAMEW, "");
                first = 1;
            }
            col += fprintf(fp, "%s%.*s", first ? " " : " ", (int)w, h);
            first = 0;
            h += w;
            while (*h == ' ')
                h++;
        }
        fputc('\n', fp);
    }
}
