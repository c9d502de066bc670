/* out.c - tab-separated output. */
#include <config.h>

#include "out.h"

#include <math.h>

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
