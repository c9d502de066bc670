/* tabout.c - a finished table in five formats (see tabout.h). */
#include <config.h>

#include "tabout.h"

#include <csv.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "util.h"

/* ---- strings ---- */

struct sbuf {
    char *s;
    size_t n;
    FILE *fp;
};

static void sb_open(struct sbuf *b)
{
    b->s = NULL;
    b->n = 0;
    b->fp = open_memstream(&b->s, &b->n);
    if (!b->fp)
        sk_die("out of memory");
}

static char *sb_close(struct sbuf *b)
{
    if (fclose(b->fp) != 0)
        sk_die("out of memory");
    return b->s;
}

size_t tabout_width(const char *s)
{
    static locale_t utf8;
    if (!utf8)
        utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    locale_t old = utf8 ? uselocale(utf8) : (locale_t)0;
    size_t w = 0, len = strlen(s);
    mbstate_t st;
    memset(&st, 0, sizeof st);
    while (len > 0) {
        wchar_t wc;
        size_t k = mbrtowc(&wc, s, len, &st);
        if (k == (size_t)-1 || k == (size_t)-2) {
            /* not UTF-8: a byte a column */
            memset(&st, 0, sizeof st);
            k = 1;
            w++;
        } else {
            if (k == 0)
                k = 1;
            int cw = wcwidth(wc);
            w += cw > 0 ? (size_t)cw : 0;
        }
        s += k;
        len -= k;
    }
    if (utf8)
        uselocale(old);
    return w;
}

/* The marks of each format: italic on/off, subscript on/off, minus. */
struct marks {
    const char *i, *i_end, *sub, *sub_end, *minus;
};

static const struct marks marks_of[] = {
    [TABOUT_MARKDOWN] = { "*", "*", "<sub>", "</sub>", "\xe2\x88\x92" },
    [TABOUT_LATEX] = { "\\textit{", "}", "\\textsubscript{", "}",
                       "\\ensuremath{-}" },
    [TABOUT_HTML] = { "<i>", "</i>", "<sub>", "</sub>", "&minus;" },
    [TABOUT_TEXT] = { "", "", "_", "", "-" },
    [TABOUT_CSV] = { "", "", "_", "", "-" },
    [TABOUT_TSV] = { "", "", "_", "", "-" },
};

/* LaTeX for the non-ASCII characters a table is likely to hold; others
 * pass through as UTF-8 (inputenc). */
static const char *const latex_chars[][2] = {
    { "\xce\xb8", "\\ensuremath{\\theta}" },
    { "\xce\xba", "\\ensuremath{\\kappa}" },
    { "\xce\xb1", "\\ensuremath{\\alpha}" },
    { "\xce\xb4", "\\ensuremath{\\delta}" },
    { "\xce\x94", "\\ensuremath{\\Delta}" },
    { "\xcf\x87", "\\ensuremath{\\chi}" },
    { "\xce\xb7", "\\ensuremath{\\eta}" },
    { "\xe2\x88\x9e", "\\ensuremath{\\infty}" },
    { "\xe2\x80\x94", "---" },
    { "\xe2\x80\x93", "--" },
    { "\xe2\x88\x92", "\\ensuremath{-}" },
    { "\xe2\x89\xa5", "\\ensuremath{\\geq}" },
    { "\xe2\x89\xa4", "\\ensuremath{\\leq}" },
    { "\xc2\xb1", "\\ensuremath{\\pm}" },
    { "\xc3\x97", "\\ensuremath{\\times}" },
};

/* S written for format F: marks translated, the rest escaped. */
static char *render(const char *s, enum tabout_format f)
{
    const struct marks *m = &marks_of[f];
    struct sbuf b;
    sb_open(&b);
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        switch (c) {
        case 0x01: fputs(m->i, b.fp); continue;
        case 0x02: fputs(m->i_end, b.fp); continue;
        case 0x03: fputs(m->sub, b.fp); continue;
        case 0x04: fputs(m->sub_end, b.fp); continue;
        case 0x05: fputs(m->minus, b.fp); continue;
        default: break;
        }
        if (f == TABOUT_MARKDOWN) {
            if (strchr("\\|*_`", c))
                fputc('\\', b.fp);
            /* '<' only where it could open an HTML tag: "< .001" stays */
            if (c == '<' && p[1] && (strchr("/!?", p[1]) ||
                                     ((p[1] | 0x20) >= 'a' &&
                                      (p[1] | 0x20) <= 'z')))
                fputs("&lt;", b.fp);
            else
                fputc(c, b.fp);
        } else if (f == TABOUT_HTML) {
            if (c == '&')
                fputs("&amp;", b.fp);
            else if (c == '<')
                fputs("&lt;", b.fp);
            else if (c == '>')
                fputs("&gt;", b.fp);
            else if (c == '"')
                fputs("&quot;", b.fp);
            else
                fputc(c, b.fp);
        } else if (f == TABOUT_LATEX) {
            size_t k;
            for (k = 0; k < sizeof latex_chars / sizeof latex_chars[0]; k++) {
                size_t l = strlen(latex_chars[k][0]);
                if (strncmp(p, latex_chars[k][0], l) == 0) {
                    fputs(latex_chars[k][1], b.fp);
                    p += l - 1;
                    break;
                }
            }
            if (k < sizeof latex_chars / sizeof latex_chars[0])
                continue;
            switch (c) {
            case '\\': fputs("\\textbackslash{}", b.fp); break;
            case '{': case '}': case '$': case '&': case '#': case '%':
            case '_':
                fputc('\\', b.fp);
                fputc(c, b.fp);
                break;
            case '~': fputs("\\textasciitilde{}", b.fp); break;
            case '^': fputs("\\textasciicircum{}", b.fp); break;
            case '<': fputs("\\textless{}", b.fp); break;
            case '>': fputs("\\textgreater{}", b.fp); break;
            default: fputc(c, b.fp);
            }
        } else
            fputc(c, b.fp);
    }
    return sb_close(&b);
}

char *tabout_plain(const char *s)
{
    return render(s, TABOUT_TEXT);
}

/* ---- the formats ---- */

/* The span over column C, or NULL. */
static const struct tabout_span *span_at(const struct tabout *t, size_t c)
{
    for (size_t i = 0; i < t->nspans; i++)
        if (c >= t->span[i].first && c < t->span[i].first + t->span[i].n)
            return &t->span[i];
    return NULL;
}

/* The header of column C as one line (Markdown, text without spanners,
 * CSV): "SPAN: HEAD" under a spanner. */
static char *flat_head(const struct tabout *t, size_t c)
{
    const struct tabout_span *sp = span_at(t, c);
    char *r;
    if (!sp)
        return sk_xstrdup(t->head[c]);
    if (asprintf(&r, "%s: %s", sp->label, t->head[c]) < 0)
        sk_die("out of memory");
    return r;
}

static void pad(FILE *fp, size_t n)
{
    while (n--)
        fputc(' ', fp);
}

static void put_aligned(FILE *fp, const char *s, size_t width, int right)
{
    size_t w = tabout_width(s);
    if (right)
        pad(fp, width - w);
    fputs(s, fp);
    if (!right)
        pad(fp, width - w);
}

static void write_markdown(FILE *fp, const struct tabout *t)
{
    size_t nc = t->ncols;
    char **h = sk_xcalloc(nc, sizeof *h);
    size_t *w = sk_xcalloc(nc, sizeof *w);
    char ***cell = sk_xcalloc(t->nrows, sizeof *cell);
    for (size_t c = 0; c < nc; c++) {
        char *fh = flat_head(t, c);
        h[c] = render(fh, TABOUT_MARKDOWN);
        free(fh);
        w[c] = tabout_width(h[c]);
        if (w[c] < 3)
            w[c] = 3;
    }
    for (size_t r = 0; r < t->nrows; r++) {
        cell[r] = sk_xcalloc(nc, sizeof **cell);
        for (size_t c = 0; c < nc; c++) {
            cell[r][c] = render(t->cell[r][c], TABOUT_MARKDOWN);
            size_t cw = tabout_width(cell[r][c]);
            if (cw > w[c])
                w[c] = cw;
        }
    }
    if (t->number)
        fprintf(fp, "**Table %s**\n\n", t->number);
    if (t->title) {
        char *s = render(t->title, TABOUT_MARKDOWN);
        fprintf(fp, "*%s*\n\n", s);
        free(s);
    }
    if (t->caption) {
        char *s = render(t->caption, TABOUT_MARKDOWN);
        fprintf(fp, "%s\n\n", s);
        free(s);
    }
    fputc('|', fp);
    for (size_t c = 0; c < nc; c++) {
        fputc(' ', fp);
        put_aligned(fp, h[c], w[c], t->right[c]);
        fputs(" |", fp);
    }
    fputs("\n|", fp);
    for (size_t c = 0; c < nc; c++) {
        fputc(t->right[c] ? '-' : ':', fp);
        for (size_t k = 0; k < w[c]; k++)
            fputc('-', fp);
        fputs(t->right[c] ? ":|" : "-|", fp);
    }
    fputc('\n', fp);
    for (size_t r = 0; r < t->nrows; r++) {
        fputc('|', fp);
        for (size_t c = 0; c < nc; c++) {
            fputc(' ', fp);
            put_aligned(fp, cell[r][c], w[c], t->right[c]);
            fputs(" |", fp);
            free(cell[r][c]);
        }
        fputc('\n', fp);
        free(cell[r]);
    }
    if (t->nnotes) {
        fputs("\n*Note.*", fp);
        for (size_t i = 0; i < t->nnotes; i++) {
            char *s = render(t->note[i], TABOUT_MARKDOWN);
            fprintf(fp, " %s", s);
            free(s);
        }
        fputc('\n', fp);
    }
    for (size_t c = 0; c < nc; c++)
        free(h[c]);
    free(h);
    free(w);
    free(cell);
}

/* S in lines of at most WIDTH columns, broken at spaces. */
static void wrap(FILE *fp, const char *s, size_t width)
{
    size_t col = 0;
    while (*s) {
        const char *e = strchr(s, ' ');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        char *word = sk_xstrndup(s, len);
        size_t w = tabout_width(word);
        if (col && col + 1 + w > width) {
            fputc('\n', fp);
            col = 0;
        } else if (col) {
            fputc(' ', fp);
            col++;
        }
        fputs(word, fp);
        col += w;
        free(word);
        s += len;
        while (*s == ' ')
            s++;
    }
    fputc('\n', fp);
}

static void write_text(FILE *fp, const struct tabout *t)
{
    size_t nc = t->ncols;
    char **h = sk_xcalloc(nc, sizeof *h);
    size_t *w = sk_xcalloc(nc, sizeof *w);
    char ***cell = sk_xcalloc(t->nrows, sizeof *cell);
    for (size_t c = 0; c < nc; c++) {
        h[c] = render(t->head[c], TABOUT_TEXT);
        w[c] = tabout_width(h[c]);
    }
    for (size_t r = 0; r < t->nrows; r++) {
        cell[r] = sk_xcalloc(nc, sizeof **cell);
        for (size_t c = 0; c < nc; c++) {
            cell[r][c] = render(t->cell[r][c], TABOUT_TEXT);
            size_t cw = tabout_width(cell[r][c]);
            if (cw > w[c])
                w[c] = cw;
        }
    }
    /* a spanner wider than its columns widens the last of them */
    char **sl = sk_xcalloc(t->nspans + 1, sizeof *sl);
    for (size_t i = 0; i < t->nspans; i++) {
        const struct tabout_span *sp = &t->span[i];
        sl[i] = render(sp->label, TABOUT_TEXT);
        size_t have = 0;
        for (size_t c = sp->first; c < sp->first + sp->n; c++)
            have += w[c] + (c > sp->first ? 2 : 0);
        size_t need = tabout_width(sl[i]);
        if (need > have)
            w[sp->first + sp->n - 1] += need - have;
    }
    size_t total = 0;
    for (size_t c = 0; c < nc; c++)
        total += w[c] + (c ? 2 : 0);
    if (t->number || t->title) {
        char *s = t->title ? render(t->title, TABOUT_TEXT) : NULL;
        if (t->number)
            fprintf(fp, "Table %s%s", t->number, s ? ". " : "");
        fprintf(fp, "%s\n", s ? s : "");
        free(s);
    }
    if (t->caption) {
        char *s = render(t->caption, TABOUT_TEXT);
        fprintf(fp, "%s\n", s);
        free(s);
    }
    for (size_t k = 0; k < total; k++)
        fputc('=', fp);
    fputc('\n', fp);
    if (t->nspans) {
        /* each spanner's label centred over its block, a rule under it */
        size_t *pos = sk_xcalloc(nc, sizeof *pos);
        for (size_t c = 1; c < nc; c++)
            pos[c] = pos[c - 1] + w[c - 1] + 2;
        for (int rule = 0; rule < 2; rule++) {
            size_t at = 0;
            for (size_t i = 0; i < t->nspans; i++) {
                const struct tabout_span *sp = &t->span[i];
                size_t last = sp->first + sp->n - 1;
                size_t start = pos[sp->first];
                size_t inner = pos[last] + w[last] - start;
                size_t lw = rule ? inner : tabout_width(sl[i]);
                pad(fp, start + (inner - lw) / 2 - at);
                if (rule)
                    for (size_t k = 0; k < inner; k++)
                        fputc('-', fp);
                else
                    fputs(sl[i], fp);
                at = start + (inner - lw) / 2 + lw;
            }
            fputc('\n', fp);
        }
        free(pos);
    }
    for (size_t c = 0; c < nc; c++) {
        if (c)
            fputs("  ", fp);
        if (c + 1 == nc && !t->right[c])
            fputs(h[c], fp);
        else
            put_aligned(fp, h[c], w[c], t->right[c]);
    }
    fputc('\n', fp);
    for (size_t k = 0; k < total; k++)
        fputc('-', fp);
    fputc('\n', fp);
    for (size_t r = 0; r < t->nrows; r++) {
        for (size_t c = 0; c < nc; c++) {
            if (c)
                fputs("  ", fp);
            if (c + 1 == nc && !t->right[c])
                fputs(cell[r][c], fp);
            else
                put_aligned(fp, cell[r][c], w[c], t->right[c]);
            free(cell[r][c]);
        }
        fputc('\n', fp);
        free(cell[r]);
    }
    for (size_t k = 0; k < total; k++)
        fputc('=', fp);
    fputc('\n', fp);
    if (t->nnotes) {
        struct sbuf nb;
        sb_open(&nb);
        fputs("Note.", nb.fp);
        for (size_t i = 0; i < t->nnotes; i++) {
            char *s = render(t->note[i], TABOUT_TEXT);
            fprintf(nb.fp, " %s", s);
            free(s);
        }
        char *s = sb_close(&nb);
        wrap(fp, s, total < 60 ? 60 : total);
        free(s);
    }
    for (size_t c = 0; c < nc; c++)
        free(h[c]);
    for (size_t i = 0; i < t->nspans; i++)
        free(sl[i]);
    free(sl);
    free(h);
    free(w);
    free(cell);
}

static void csv_field(FILE *fp, const char *s)
{
    char *p = render(s, TABOUT_CSV);
    size_t n = strlen(p);
    if (n && !strpbrk(p, ",\"\r\n") && p[0] != ' ' && p[n - 1] != ' ')
        fputs(p, fp);
    else
        csv_fwrite(fp, p, n);
    free(p);
}

static void write_csv(FILE *fp, const struct tabout *t)
{
    for (size_t c = 0; c < t->ncols; c++) {
        char *h = flat_head(t, c);
        if (c)
            fputc(',', fp);
        csv_field(fp, h);
        free(h);
    }
    fputc('\n', fp);
    for (size_t r = 0; r < t->nrows; r++) {
        for (size_t c = 0; c < t->ncols; c++) {
            if (c)
                fputc(',', fp);
            csv_field(fp, t->cell[r][c]);
        }
        fputc('\n', fp);
    }
}

/* Tab-separated, one header row, spanners into the header: the cells
 * hold no tab or line break (tabin made control bytes spaces). */
static void write_tsv(FILE *fp, const struct tabout *t)
{
    for (size_t c = 0; c < t->ncols; c++) {
        char *h = flat_head(t, c), *p = render(h, TABOUT_TSV);
        fprintf(fp, "%s%s", c ? "\t" : "", p);
        free(p);
        free(h);
    }
    fputc('\n', fp);
    for (size_t r = 0; r < t->nrows; r++) {
        for (size_t c = 0; c < t->ncols; c++) {
            char *p = render(t->cell[r][c], TABOUT_TSV);
            fprintf(fp, "%s%s", c ? "\t" : "", p);
            free(p);
        }
        fputc('\n', fp);
    }
}

static const char html_style[] =
"body { font-family: \"Times New Roman\", Times, serif; margin: 2em; }\n"
"table.sk-table { border-collapse: collapse; "
"font-variant-numeric: tabular-nums; }\n"
".sk-table caption { text-align: left; margin-bottom: 0.6em; "
"line-height: 1.5; }\n"
".sk-table th, .sk-table td { padding: 0.25em 0.7em; "
"vertical-align: top; }\n"
".sk-table th { font-weight: normal; text-align: left; }\n"
".sk-table .num { text-align: right; white-space: nowrap; }\n"
".sk-table thead tr:first-child th { border-top: 2px solid black; }\n"
".sk-table thead tr:last-child th { border-bottom: 1px solid black; }\n"
".sk-table th.span { text-align: center; }\n"
".sk-table th.span span { display: block; "
"border-bottom: 1px solid black; }\n"
".sk-table tbody tr:last-child td { border-bottom: 2px solid black; }\n"
".sk-table tfoot td { padding-top: 0.6em; font-size: 90%; }\n";

static void write_html(FILE *fp, const struct tabout *t,
                       const struct tabout_opts *o)
{
    char *s;
    if (o->standalone) {
        char *ti = tabout_plain(t->title ? t->title : "Table");
        s = render(ti, TABOUT_HTML);
        fprintf(fp, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                "<meta charset=\"utf-8\">\n<title>%s</title>\n"
                "<style>\n%s</style>\n</head>\n<body>\n", s, html_style);
        free(s);
        free(ti);
    }
    fputs("<table class=\"sk-table\"", fp);
    if (o->label) {
        s = render(o->label, TABOUT_HTML);
        fprintf(fp, " id=\"%s\"", s);
        free(s);
    }
    fputs(">\n", fp);
    if (t->number || t->title || t->caption) {
        fputs("<caption>", fp);
        int br = 0;
        if (t->number) {
            s = render(t->number, TABOUT_HTML);
            fprintf(fp, "<b>Table %s</b>", s);
            free(s);
            br = 1;
        }
        if (t->title) {
            s = render(t->title, TABOUT_HTML);
            fprintf(fp, "%s<i>%s</i>", br ? "<br>" : "", s);
            free(s);
            br = 1;
        }
        if (t->caption) {
            s = render(t->caption, TABOUT_HTML);
            fprintf(fp, "%s%s", br ? "<br>" : "", s);
            free(s);
        }
        fputs("</caption>\n", fp);
    }
    fputs("<thead>\n", fp);
    if (t->nspans) {
        fputs("<tr>", fp);
        for (size_t c = 0; c < t->ncols;) {
            const struct tabout_span *sp = span_at(t, c);
            if (!sp) {
                fputs("<th></th>", fp);
                c++;
                continue;
            }
            s = render(sp->label, TABOUT_HTML);
            fprintf(fp, "<th class=\"span\" colspan=\"%zu\"><span>%s</span>"
                    "</th>", sp->n, s);
            free(s);
            c += sp->n;
        }
        fputs("</tr>\n", fp);
    }
    fputs("<tr>", fp);
    for (size_t c = 0; c < t->ncols; c++) {
        s = render(t->head[c], TABOUT_HTML);
        fprintf(fp, "<th%s>%s</th>", t->right[c] ? " class=\"num\"" : "", s);
        free(s);
    }
    fputs("</tr>\n</thead>\n<tbody>\n", fp);
    for (size_t r = 0; r < t->nrows; r++) {
        fputs("<tr>", fp);
        for (size_t c = 0; c < t->ncols; c++) {
            s = render(t->cell[r][c], TABOUT_HTML);
            fprintf(fp, "<td%s>%s</td>", t->right[c] ? " class=\"num\"" : "",
                    s);
            free(s);
        }
        fputs("</tr>\n", fp);
    }
    fputs("</tbody>\n", fp);
    if (t->nnotes) {
        fprintf(fp, "<tfoot>\n<tr><td colspan=\"%zu\"><i>Note.</i>",
                t->ncols);
        for (size_t i = 0; i < t->nnotes; i++) {
            s = render(t->note[i], TABOUT_HTML);
            fprintf(fp, " %s", s);
            free(s);
        }
        fputs("</td></tr>\n</tfoot>\n", fp);
    }
    fputs("</table>\n", fp);
    if (o->standalone)
        fputs("</body>\n</html>\n", fp);
}

static void write_latex(FILE *fp, const struct tabout *t,
                        const struct tabout_opts *o)
{
    char *s;
    int flt = o->latex_float || o->standalone;
    if (o->standalone)
        /* a wide table is scaled to the (landscape) page, and the notes
         * are as wide as the table */
        fputs("\\documentclass{article}\n\\usepackage[T1]{fontenc}\n"
              "\\usepackage[utf8]{inputenc}\n\\usepackage{lmodern}\n"
              "\\usepackage{booktabs}\n\\usepackage{graphicx}\n"
              "\\usepackage[landscape,margin=2cm]{geometry}\n"
              "\\newsavebox\\sktable\n\\newlength\\sknote\n"
              "\\begin{document}\n", fp);
    if (flt) {
        fputs("\\begin{table}[htbp]\n\\centering\n", fp);
        if (t->number) {
            long n = strtol(t->number, &s, 10);
            if (*s == '\0' && n > 0)
                fprintf(fp, "\\setcounter{table}{%ld}\n", n - 1);
            else {
                char *num = render(t->number, TABOUT_LATEX);
                fprintf(fp, "\\renewcommand{\\thetable}{%s}\n", num);
                free(num);
            }
        }
        if (t->title || t->caption) {
            fputs("\\caption{", fp);
            if (t->title) {
                s = render(t->title, TABOUT_LATEX);
                fprintf(fp, "\\textit{%s}", s);
                free(s);
            }
            if (t->caption) {
                s = render(t->caption, TABOUT_LATEX);
                fprintf(fp, "%s%s", t->title ? ". " : "", s);
                free(s);
            }
            fputs("}\n", fp);
        }
        if (o->label) {
            s = render(o->label, TABOUT_LATEX);
            fprintf(fp, "\\label{%s}\n", s);
            free(s);
        }
    } else {
        if (t->number)
            fprintf(fp, "\\noindent\\textbf{Table %s}\\par\n", t->number);
        if (t->title) {
            s = render(t->title, TABOUT_LATEX);
            fprintf(fp, "\\noindent\\textit{%s}\\par\n", s);
            free(s);
        }
        if (t->caption) {
            s = render(t->caption, TABOUT_LATEX);
            fprintf(fp, "\\noindent %s\\par\n", s);
            free(s);
        }
    }
    if (o->standalone)
        fputs("\\sbox\\sktable{%\n", fp);
    fputs("\\begin{tabular}{", fp);
    for (size_t c = 0; c < t->ncols; c++)
        fputc(t->right[c] ? 'r' : 'l', fp);
    fputs("}\n\\toprule\n", fp);
    if (t->nspans) {
        for (size_t c = 0; c < t->ncols;) {
            const struct tabout_span *sp = span_at(t, c);
            if (c)
                fputs(" & ", fp);
            if (!sp) {
                c++;
                continue;
            }
            s = render(sp->label, TABOUT_LATEX);
            fprintf(fp, "\\multicolumn{%zu}{c}{%s}", sp->n, s);
            free(s);
            c += sp->n;
        }
        fputs(" \\\\\n", fp);
        for (size_t i = 0; i < t->nspans; i++)
            fprintf(fp, "\\cmidrule(lr){%zu-%zu}", t->span[i].first + 1,
                    t->span[i].first + t->span[i].n);
        fputc('\n', fp);
    }
    for (size_t c = 0; c < t->ncols; c++) {
        s = render(t->head[c], TABOUT_LATEX);
        fprintf(fp, "%s%s", c ? " & " : "", s);
        free(s);
    }
    fputs(" \\\\\n\\midrule\n", fp);
    for (size_t r = 0; r < t->nrows; r++) {
        for (size_t c = 0; c < t->ncols; c++) {
            s = render(t->cell[r][c], TABOUT_LATEX);
            fprintf(fp, "%s%s", c ? " & " : "", s);
            free(s);
        }
        fputs(" \\\\\n", fp);
    }
    fputs("\\bottomrule\n\\end{tabular}\n", fp);
    if (o->standalone)
        fputs("}%\n\\setlength\\sknote{\\wd\\sktable}%\n"
              "\\ifdim\\sknote>\\linewidth\\setlength\\sknote{\\linewidth}%\n"
              "\\resizebox{\\linewidth}{!}{\\usebox\\sktable}%\n"
              "\\else\\usebox\\sktable\\fi\n", fp);
    if (t->nnotes) {
        fputs(o->standalone ? "\\par\\smallskip\n\\parbox{\\sknote}{\\raggedright"
              "\\small\\textit{Note.}" : "\\par\\smallskip\n{\\small\\textit{Note.}",
              fp);
        for (size_t i = 0; i < t->nnotes; i++) {
            s = render(t->note[i], TABOUT_LATEX);
            fprintf(fp, " %s", s);
            free(s);
        }
        fputs("\\par}\n", fp);
    }
    if (flt)
        fputs("\\end{table}\n", fp);
    if (o->standalone)
        fputs("\\end{document}\n", fp);
}

int tabout_write(FILE *fp, const struct tabout *t, enum tabout_format f,
                 const struct tabout_opts *o)
{
    switch (f) {
    case TABOUT_MARKDOWN: write_markdown(fp, t); break;
    case TABOUT_LATEX: write_latex(fp, t, o); break;
    case TABOUT_HTML: write_html(fp, t, o); break;
    case TABOUT_TEXT: write_text(fp, t); break;
    case TABOUT_CSV: write_csv(fp, t); break;
    case TABOUT_TSV: write_tsv(fp, t); break;
    }
    return ferror(fp) ? -1 : 0;
}

void tabout_free(struct tabout *t)
{
    if (!t)
        return;
    free(t->number);
    free(t->title);
    free(t->caption);
    for (size_t i = 0; i < t->nnotes; i++)
        free(t->note[i]);
    free(t->note);
    for (size_t c = 0; c < t->ncols; c++)
        free(t->head[c]);
    free(t->head);
    free(t->right);
    for (size_t i = 0; i < t->nspans; i++)
        free(t->span[i].label);
    free(t->span);
    for (size_t r = 0; r < t->nrows; r++) {
        for (size_t c = 0; c < t->ncols; c++)
            free(t->cell[r][c]);
        free(t->cell[r]);
    }
    free(t->cell);
    free(t);
}
