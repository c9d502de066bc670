/* export.c - a survey platform's CSV export, read whole and understood. */
#include <config.h>

#include "export.h"
#include "csvin.h"
#include "strmap.h"
#include "textenc.h"
#include "util.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *export_platform_name(int platform)
{
    switch (platform) {
    case EXPORT_QUALTRICS: return "Qualtrics";
    case EXPORT_SURVEYMONKEY: return "SurveyMonkey";
    case EXPORT_FORMS: return "Microsoft Forms";
    default: return "CSV";
    }
}

static void vnote(struct export *e, int warning, const char *fmt,
                  va_list ap)
{
    char *s;
    if (vasprintf(&s, fmt, ap) < 0)
        sk_die("out of memory");
    e->note = sk_xreallocarray(e->note, e->nnotes + 1, sizeof *e->note);
    e->warning = sk_xreallocarray(e->warning, e->nnotes + 1,
                                  sizeof *e->warning);
    e->warning[e->nnotes] = warning;
    e->note[e->nnotes++] = s;
}

/* What was done, for the record; and what the user must decide. */
static void note(struct export *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void note(struct export *e, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vnote(e, 0, fmt, ap);
    va_end(ap);
}

static void warn(struct export *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void warn(struct export *e, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vnote(e, 1, fmt, ap);
    va_end(ap);
}

/* ---- reading ---- */

static int read_all(const char *path, const char *name, char **buf,
                    size_t *len, char **err)
{
    FILE *fp = path && strcmp(path, "-") != 0 ? fopen(path, "rb") : stdin;
    if (!fp) {
        *err = sk_xasprintf("%s: %s", name, strerror(errno));
        return -1;
    }
    size_t cap = 1 << 16, n = 0;
    char *b = sk_xmalloc(cap);
    for (;;) {
        if (n == cap) {
            cap *= 2;
            b = sk_xrealloc(b, cap);
        }
        size_t got = fread(b + n, 1, cap - n, fp);
        n += got;
        if (got == 0)
            break;
    }
    int bad = ferror(fp);
    if (fp != stdin)
        fclose(fp);
    if (bad) {
        *err = sk_xasprintf("%s: read error: %s", name, strerror(errno));
        free(b);
        return -1;
    }
    *buf = b;
    *len = n;
    return 0;
}

/* The delimiter of the first line: the most frequent of , ; and tab
 * outside quotes (',' when none). */
static unsigned char find_delim(const char *s, size_t len)
{
    static const unsigned char cand[] = { ',', ';', '\t' };
    size_t count[3] = { 0 };
    int quoted = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '"')
            quoted = !quoted;
        else if (!quoted && (s[i] == '\n' || s[i] == '\r'))
            break;
        else if (!quoted)
            for (int k = 0; k < 3; k++)
                count[k] += (unsigned char)s[i] == cand[k];
    }
    int best = 0;
    for (int k = 1; k < 3; k++)
        if (count[k] > count[best])
            best = k;
    return cand[best];
}

/* The LEN bytes at S with each CR LF inside a field as LF. */
static char *lf_only(const char *s, size_t len)
{
    char *t = sk_xmalloc(len + 1), *p = t;
    for (size_t i = 0; i < len; i++)
        if (!(s[i] == '\r' && i + 1 < len && s[i + 1] == '\n'))
            *p++ = s[i];
    *p = '\0';
    return t;
}

/* ---- the platforms ---- */

static size_t find_col(char *const *f, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(f[i], name) == 0)
            return i;
    return (size_t)-1;
}

#define NONE ((size_t)-1)

/* Qualtrics: its columns, and a second header row (the question texts:
 * "Response ID" over the ids), not a response (R_...): a table saved
 * again with one header row is a plain CSV, its first response kept. */
static int is_qualtrics(char ***rows, size_t nrows, size_t ncols)
{
    size_t id = find_col(rows[0], ncols, "ResponseId");
    if (id == NONE)
        id = find_col(rows[0], ncols, "ResponseID");
    return nrows >= 2 && id != NONE &&
           (find_col(rows[0], ncols, "Finished") != NONE ||
            find_col(rows[0], ncols, "Status") != NONE) &&
           strncmp(rows[1][id], "R_", 2) != 0;
}

/* SurveyMonkey: its columns, and a second header row whose respondent id
 * is not a number (it is empty). */
static int is_surveymonkey(char ***rows, size_t nrows, size_t ncols)
{
    size_t id = find_col(rows[0], ncols, "Respondent ID");
    if (nrows < 2 || id == NONE ||
        find_col(rows[0], ncols, "Collector ID") == NONE)
        return 0;
    const char *v = rows[1][id];
    while (*v >= '0' && *v <= '9')
        v++;
    return *rows[1][id] == '\0' || *v != '\0';
}

static int is_forms(char ***rows, size_t ncols)
{
    return ncols >= 3 && strcmp(rows[0][0], "ID") == 0 &&
           strcmp(rows[0][1], "Start time") == 0 &&
           strcmp(rows[0][2], "Completion time") == 0;
}

static const char *const qualtrics_meta[] = {
    "StartDate", "EndDate", "Status", "IPAddress", "Progress",
    "Duration (in seconds)", "Finished", "RecordedDate", "ResponseId",
    "ResponseID", "RecipientLastName", "RecipientFirstName",
    "RecipientEmail", "ExternalReference", "ExternalDataReference",
    "LocationLatitude", "LocationLongitude", "DistributionChannel",
    "UserLanguage", "Q_RecaptchaScore", "Q_RelevantIDDuplicate",
    "Q_RelevantIDDuplicateScore", "Q_RelevantIDFraudScore",
    "Q_RelevantIDLastStartDate", NULL
};
static const char *const surveymonkey_meta[] = {
    "Respondent ID", "Collector ID", "Start Date", "End Date",
    "IP Address", "Email Address", "First Name", "Last Name", NULL
};
static const char *const forms_meta[] = {
    "ID", "Start time", "Completion time", "Email", "Name",
    "Last modified time", NULL
};

/* The platforms' columns that identify a respondent (names, e-mail, IP
 * address, location, the panel's reference). */
static const char *const identifying[] = {
    "IPAddress", "RecipientLastName", "RecipientFirstName",
    "RecipientEmail", "ExternalReference", "ExternalDataReference",
    "LocationLatitude", "LocationLongitude", NULL
};
static const char *const identifying_text[] = {
    "IP Address", "Email Address", "First Name", "Last Name", NULL
};
static const char *const identifying_forms[] = { "Email", "Name", NULL };

static int in_list(const char *s, const char *const *list, int prefix)
{
    for (size_t i = 0; list[i]; i++)
        if (prefix ? strncmp(s, list[i], strlen(list[i])) == 0
                   : strcmp(s, list[i]) == 0)
            return 1;
    return 0;
}

/* ---- names ---- */

static const char *const stopwords[] = {
    "a", "about", "after", "all", "am", "an", "and", "any", "anything",
    "are", "as", "at", "be", "been", "best", "by", "can", "could", "describe",
    "describes", "did", "do", "does", "during", "e", "each", "eg", "else",
    "following", "for", "from", "g", "had", "has", "have", "how", "i", "ie",
    "if", "in", "into", "is", "it", "its", "me", "much", "my", "of", "on",
    "or", "other", "our", "please", "roughly", "say", "so", "statements",
    "tell", "than", "that", "the", "their", "there", "these", "this", "to",
    "us", "was", "we", "were", "what", "when", "which", "who", "why", "with",
    "would", "like", "you", "your", "yourself", "extent", "following",
    "many", "really", "often", "got", NULL
};

static int is_stop(const char *w)
{
    for (size_t i = 0; stopwords[i]; i++)
        if (strcmp(w, stopwords[i]) == 0)
            return 1;
    return 0;
}

static int is_alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

/* The words of TEXT: ASCII letters and digits in lower case; an
 * apostrophe or hyphen inside a word joins it (don't, COVID-19); other
 * bytes separate. With SKIP_PAREN, text in parentheses is left out. */
static size_t words(const char *utf8, int skip_paren, char ***out)
{
    char *text = textenc_ascii(utf8);
    size_t n = 0, cap = 0;
    char **w = NULL;
    char buf[64];
    size_t len = 0;
    int depth = 0;
    for (const unsigned char *p = (const unsigned char *)text;; p++) {
        unsigned c = *p;
        if (c == '(' && skip_paren)
            depth++;
        else if (c == ')' && depth > 0) {
            depth--;
            c = ' ';
        }
        int in = depth == 0 && is_alnum((unsigned char)c);
        int join = depth == 0 && len > 0 && (c == '\'' || c == '-') &&
                   is_alnum(p[1]);
        if (in) {
            if (len < sizeof buf - 1)
                buf[len++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            continue;
        }
        if (join)
            continue;
        if (len > 0) {
            if (n == cap) {
                cap = cap ? 2 * cap : 16;
                w = sk_xreallocarray(w, cap, sizeof *w);
            }
            w[n++] = sk_xstrndup(buf, len);
            len = 0;
        }
        if (c == '\0')
            break;
    }
    free(text);
    *out = w;
    return n;
}

static void free_words(char **w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(w[i]);
    free(w);
}

static char *short_name(const char *text, size_t max);

/* Up to MAX of the significant words of TEXT joined by '_' (or of all its
 * words, when none is significant), or NULL when it has no words. */
char *export_short_name(const char *text, size_t max)
{
    return short_name(text, max);
}

static char *short_name(const char *text, size_t max)
{
    char **w;
    size_t n = words(text, 1, &w);
    size_t sig = 0;
    for (size_t i = 0; i < n; i++)
        sig += !is_stop(w[i]);
    if (sig == 0 && n == 0) {
        free_words(w, n);
        n = words(text, 0, &w);
        for (size_t i = 0; i < n; i++)
            sig += !is_stop(w[i]);
    }
    if (n == 0) {
        free(w);
        return NULL;
    }
    size_t cap = 1, taken = 0;
    for (size_t i = 0; i < n; i++)
        cap += strlen(w[i]) + 1;
    char *s = sk_xmalloc(cap + 1), *p = s;
    for (size_t i = 0; i < n && taken < max; i++) {
        if (sig > 0 && is_stop(w[i]))
            continue;
        if (taken++)
            *p++ = '_';
        if (p == s && w[i][0] >= '0' && w[i][0] <= '9')
            *p++ = 'q';
        p += sprintf(p, "%s", w[i]);
    }
    *p = '\0';
    free_words(w, n);
    return s;
}

/* An identifier as exported (Qualtrics' Q7#1_2, "Duration (in seconds)"),
 * every run of other bytes as one '_', none at either end. */
static char *sanitized(const char *utf8)
{
    char *id = textenc_ascii(utf8);
    char *s = sk_xmalloc(strlen(id) + 2), *p = s;
    int under = 0;
    for (const unsigned char *q = (const unsigned char *)id; *q; q++) {
        if (p - s >= 64)
            break;          /* a name, not a text */
        if (is_alnum(*q) || *q == '_') {
            if (under && p > s)
                *p++ = '_';
            under = 0;
            if (p == s && *q >= '0' && *q <= '9')
                *p++ = 'q';
            *p++ = (char)*q;
        } else
            under = 1;
    }
    *p = '\0';
    free(id);
    return s;
}

/* TEXT split at its first ": " or " - " into a leading part (returned, to
 * free()) and *REST; NULL when there is neither. */
static char *lead_part(const char *text, const char **rest)
{
    const char *c = strstr(text, ": "), *d = strstr(text, " - ");
    const char *at = c && (!d || c < d) ? c : d;
    if (!at || at == text)
        return NULL;
    *rest = at + (at == c ? 2 : 3);
    return sk_xstrndup(text, (size_t)(at - text));
}

/* Collapse blanks and line breaks of S into single spaces (a copy). */
static char *collapsed(const char *s)
{
    char *out = sk_xmalloc(strlen(s) + 1), *p = out;
    int blank = 0;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
            blank = 1;
            continue;
        }
        if (blank && p > out)
            *p++ = ' ';
        blank = 0;
        *p++ = *s;
    }
    *p = '\0';
    return out;
}

/* Unique names: BASE, or a longer form of TEXT, or BASE_2, BASE_3 ... */
static char *unique(struct strmap *taken, char *base, const char *text,
                    const char *prefix)
{
    int added;
    strmap_intern(taken, base, strlen(base), &added);
    if (added)
        return base;
    if (text)
        for (size_t k = 4; k <= 10; k++) {
            char *s = short_name(text, k);
            if (s && prefix) {
                char *t = sk_xasprintf("%s_%s", prefix, s);
                free(s);
                s = t;
            }
            if (s) {
                strmap_intern(taken, s, strlen(s), &added);
                if (added) {
                    free(base);
                    return s;
                }
                free(s);
            }
        }
    for (size_t k = 2;; k++) {
        char *s = sk_xasprintf("%s_%zu", base, k);
        strmap_intern(taken, s, strlen(s), &added);
        if (added) {
            free(base);
            return s;
        }
        free(s);
    }
}

/* ---- values ---- */

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A strict number: [+-] digits [. digits] [e[+-]digits] (the decimal
 * mark POINT), nothing else. */
static int is_number(const char *s, char point)
{
    const char *p = s;
    if (*p == '+' || *p == '-')
        p++;
    size_t d = 0;
    while (is_digit(*p))
        p++, d++;
    if (*p == point) {
        p++;
        while (is_digit(*p))
            p++, d++;
    }
    if (d == 0)
        return 0;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!is_digit(*p))
            return 0;
        while (is_digit(*p))
            p++;
    }
    return *p == '\0';
}

static int is_integer(const char *s, long *v)
{
    const char *p = s + (*s == '-' || *s == '+');
    if (!is_digit(*p))
        return 0;
    while (is_digit(*p))
        p++;
    if (*p)
        return 0;
    errno = 0;
    *v = strtol(s, NULL, 10);
    return errno == 0 && *v > -1000000 && *v < 1000000;
}

/* "10 - Very high", "1 = Not at all": a scale point with its label. */
static int is_end_label(const char *s, long *v)
{
    const char *p = s;
    if (!is_digit(*p))
        return 0;
    while (is_digit(*p))
        p++;
    if (p - s > 3)
        return 0;
    if (strncmp(p, " - ", 3) != 0 && strncmp(p, " = ", 3) != 0)
        return 0;
    if (p[3] == '\0' || p[3] == ' ')
        return 0;
    *v = strtol(s, NULL, 10);
    return 1;
}

/* "1,5" (MARK ','), "1.5" (MARK '.'): digits, the mark, digits. */
static int is_decimal(const char *s, char mark)
{
    const char *p = s + (*s == '-' || *s == '+');
    if (!is_digit(*p))
        return 0;
    while (is_digit(*p))
        p++;
    if (*p++ != mark || !is_digit(*p))
        return 0;
    while (is_digit(*p))
        p++;
    return *p == '\0';
}

/* ---- what a column holds ---- */

/* The points a question names, "(1 = very low, 10 = very high)": the
 * lowest and highest N of "N = " in TEXT, when there are two or more. */
static int text_points(const char *text, long *lo, long *hi)
{
    size_t n = 0;
    for (const char *p = text; *p; p++) {
        if (!is_digit(*p) || (p > text && is_digit(p[-1])))
            continue;
        const char *q = p;
        while (is_digit(*q))
            q++;
        if (q - p > 3 || strncmp(q, " = ", 3) != 0)
            continue;
        long v = strtol(p, NULL, 10);
        if (n == 0 || v < *lo)
            *lo = v;
        if (n == 0 || v > *hi)
            *hi = v;
        n++;
    }
    return n >= 2 && *hi > *lo && *hi - *lo <= 100;
}

/* Answers short enough to be choices, not free text: at most 6 words. */
static int short_labels(const struct strmap *seen)
{
    for (size_t i = 0; i < strmap_size(seen); i++) {
        size_t words = 1;
        for (const char *p = strmap_key(seen, i); *p; p++)
            words += *p == ' ';
        if (words > 6)
            return 0;
    }
    return 1;
}

static char *capitalized(const char *s)
{
    char *t = sk_xstrdup(s);
    char *bar = strchr(t, '|');
    if (bar)
        *bar = '\0';
    if (t[0] >= 'a' && t[0] <= 'z')
        t[0] = (char)(t[0] - 'a' + 'A');
    return t;
}

/* A code apart from the others, as a numeric export codes "Don't know"
 * (9 after 1 to 5, 99 after 1 to 10): said, since it would count as the
 * highest answer. Only for a few distinct whole numbers. */
static void apart_code(struct export *e, struct export_col *col,
                       const struct strmap *seen)
{
    size_t nd = strmap_size(seen);
    if (nd < 3 || nd > 12)
        return;
    long top = LONG_MIN, next = LONG_MIN;
    for (size_t i = 0; i < nd; i++) {
        long x;
        if (!is_integer(strmap_key(seen, i), &x))
            return;
        if (x > top) {
            next = top;
            top = x;
        } else if (x > next)
            next = x;
    }
    if ((top == 9 || top == 99 || top == 98 || top == 8 || top == 77 ||
         top == 88 || top == 999) && top - next >= 3 && next <= 10) {
        long low = col->lo;
        warn(e, "%s: column '%s': code %ld is apart from the others (%ld to "
             "%ld): a \"Don't know\" or \"Not applicable\"? declare it "
             "missing=yes in the codebook, or it counts as the highest "
             "answer", e->file, col->name, top, low, next);
        col->hi = next;     /* the draft's comment gives the others' range */
        col->apart = top;
    }
}

/* An empty field, or one of --na's tokens: a missing answer. */
static int is_missing(const struct export *e, const char *v)
{
    if (!*v)
        return 1;
    for (size_t i = 0; i < e->nna; i++)
        if (strcmp(v, e->na[i]) == 0)
            return 1;
    return 0;
}

static void classify(struct export *e, size_t c, int meta)
{
    struct export_col *col = &e->col[c];
    struct strmap *seen = strmap_new();
    size_t nonempty = 0, nnum = 0, nint = 0, nend = 0;
    long lo = 0, hi = 0;
    int have = 0;
    for (size_t r = 0; r < e->nrows; r++) {
        const char *v = e->row[r][c];
        if (is_missing(e, v))
            continue;
        nonempty++;
        strmap_intern(seen, v, strlen(v), NULL);
        long x;
        int integer = is_integer(v, &x), end = !integer && is_end_label(v, &x);
        if (integer || end) {
            nint++;
            nend += end;
            if (!have || x < lo)
                lo = x;
            if (!have || x > hi)
                hi = x;
            have = 1;
        }
        if (end || is_number(v, '.'))
            nnum++;
    }
    size_t nd = strmap_size(seen);
    long tlo = 0, thi = 0;
    if (!meta && nint == nonempty && nonempty > 0 &&
        text_points(col->text, &tlo, &thi) && tlo <= lo && hi <= thi) {
        nend = 1;       /* the question names its points */
        lo = tlo;
        hi = thi;
    }
    if (meta)
        col->kind = EXPORT_META;
    else if (nonempty == 0)
        col->kind = EXPORT_EMPTY;
    else if (nint == nonempty && nend > 0 && hi > (lo > 1 ? 1 : lo)) {
        col->kind = EXPORT_NUMSCALE;
        if (lo > 1)
            lo = 1;     /* scales start at 1 unless an answer says 0 */
        /* the question's "(1 = very low, 10 = very high)" may name the
           ends nobody chose */
        col->lo = lo;
        col->hi = hi;
        if (hi - lo > 100) {
            col->kind = EXPORT_NUMBER;
        } else {
            col->endlabel = sk_xcalloc((size_t)(hi - lo + 1),
                                       sizeof *col->endlabel);
            for (size_t i = 0; i < nd; i++) {
                long x;
                const char *v = strmap_key(seen, i);
                if (!is_integer(v, &x) && is_end_label(v, &x) &&
                    !col->endlabel[x - lo])
                    col->endlabel[x - lo] = sk_xstrdup(v);
            }
        }
    } else if (nnum == nonempty) {
        col->kind = EXPORT_NUMBER;
        col->integer = nint == nonempty;
        col->lo = lo;
        col->hi = hi;
        if (col->integer)
            apart_code(e, col, seen);
    } else if (2 * nnum >= nonempty) {
        col->kind = EXPORT_NUMBER;
        col->ntext = nonempty - nnum;
        for (size_t r = 0; r < e->nrows; r++) {
            const char *v = e->row[r][c];
            long x;
            if (!is_missing(e, v) && !is_number(v, '.') &&
                !is_end_label(v, &x)) {
                char *shown = sk_shown(v, strlen(v));
                size_t l = strlen(v);
                const char *why = l && (v[l - 1] == ' ' || v[0] == ' ')
                                      ? " (a blank at its end)" : "";
                if (l && v[0] == ' ')
                    why = " (a blank at its start)";
                warn(e, "%s:%lu: column '%s': '%s' is not a number%s: left "
                     "as text, for you to decide (a program reading the "
                     "column as numbers stops there)", e->file, e->line[r],
                     col->name, shown, why);
                free(shown);
            }
        }
    }
    {
        /* labelled answers? */
        if (col->kind == EXPORT_TEXT) {
            char **norm = sk_xcalloc(nd + 1, sizeof *norm);
            size_t nsub = 0;
            char **ns = NULL;
            size_t nns = 0;
            for (size_t i = 0; i < nd; i++) {
                const char *v = strmap_key(seen, i);
                char *n = vocab_norm(v, strlen(v));
                if (vocab_nonsubstantive(n)) {
                    ns = sk_xreallocarray(ns, nns + 1, sizeof *ns);
                    ns[nns++] = sk_xstrdup(v);
                    free(n);
                } else
                    norm[nsub++] = n;
            }
            const struct vocab *voc = vocab_find((const char *const *)norm,
                                                 nsub);
            if (voc) {
                col->kind = EXPORT_LABELLED;
                col->vocab = voc;
                col->nlabel = voc->n;
                col->label = sk_xcalloc(voc->n, sizeof *col->label);
                for (size_t i = 0; i < nd; i++) {
                    const char *v = strmap_key(seen, i);
                    char *n = vocab_norm(v, strlen(v));
                    int k = vocab_index(voc, n);
                    if (k >= 0 && !col->label[k])
                        col->label[k] = sk_xstrdup(v);
                    free(n);
                }
                for (size_t k = 0; k < voc->n; k++)
                    if (!col->label[k])
                        col->label[k] = capitalized(voc->level[k]);
                col->nslabel = ns;
                col->nns = nns;
                ns = NULL;
                nns = 0;
            } else if (nd <= 10 && nd * 2 <= nonempty &&
                       short_labels(seen)) {
                col->kind = EXPORT_NOMINAL;
            } else
                col->kind = EXPORT_TEXT;
            for (size_t i = 0; i < nsub; i++)
                free(norm[i]);
            free(norm);
            for (size_t i = 0; i < nns; i++)
                free(ns[i]);
            free(ns);
            if (col->kind == EXPORT_NOMINAL) {
                col->ndistinct = nd;
                col->distinct = sk_xcalloc(nd, sizeof *col->distinct);
                for (size_t i = 0; i < nd; i++)
                    col->distinct[i] = sk_xstrdup(strmap_key(seen, i));
            }
        }
    }
    strmap_free(seen);
}

/* ---- leaving responses out (Qualtrics) ---- */

static int status_left_out(const char *s, const char **why)
{
    static const struct { const char *v; const char *why; } t[] = {
        { "Survey Preview", "preview" }, { "1", "preview" },
        { "Offline Survey Preview", "preview" }, { "17", "preview" },
        { "Survey Test", "test" }, { "2", "test" },
        { "Spam", "spam" }, { "8", "spam" }, { "Preview Spam", "spam" },
        { "9", "spam" }, { "Imported Spam", "spam" }, { "12", "spam" },
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (strcmp(s, t[i].v) == 0) {
            *why = t[i].why;
            return 1;
        }
    return 0;
}

/* "line 5" or "lines 5, 9 and 12" into a string to free(). */
static char *lines_text(const unsigned long *l, size_t n)
{
    size_t cap = 32 + n * 24;
    char *s = sk_xmalloc(cap), *p = s;
    p += sprintf(p, "line%s ", n > 1 ? "s" : "");
    for (size_t i = 0; i < n && i < 10; i++)
        p += sprintf(p, "%s%lu", i == 0 ? "" : i + 1 == n ? " and " : ", ",
                     l[i]);
    if (n > 10)
        sprintf(p, " ...");
    return s;
}

static void leave_out(struct export *e, int keep_unfinished)
{
    size_t st, fin, ch;
    size_t ncols = e->ncols;
    char **ids = sk_xcalloc(ncols, sizeof *ids);
    for (size_t c = 0; c < ncols; c++)
        ids[c] = e->col[c].id;
    st = find_col(ids, ncols, "Status");
    fin = find_col(ids, ncols, "Finished");
    ch = find_col(ids, ncols, "DistributionChannel");
    free(ids);
    unsigned long *lp = sk_xcalloc(e->nrows + 1, sizeof *lp);
    unsigned long *lu = sk_xcalloc(e->nrows + 1, sizeof *lu);
    unsigned long *ls = sk_xcalloc(e->nrows + 1, sizeof *ls);
    size_t np = 0, nu = 0, ns = 0, kept = 0;
    for (size_t r = 0; r < e->nrows; r++) {
        const char *why = NULL;
        int out = 0;
        if (st != NONE && status_left_out(e->row[r][st], &why))
            out = 1;
        else if (ch != NONE && (strcmp(e->row[r][ch], "preview") == 0 ||
                                strcmp(e->row[r][ch], "test") == 0)) {
            out = 1;
            why = "preview";
        }
        if (out && strcmp(why, "spam") == 0)
            ls[ns++] = e->line[r];
        else if (out)
            lp[np++] = e->line[r];
        else if (fin != NONE && !keep_unfinished &&
                 (strcmp(e->row[r][fin], "False") == 0 ||
                  strcmp(e->row[r][fin], "0") == 0 ||
                  strcmp(e->row[r][fin], "FALSE") == 0)) {
            lu[nu++] = e->line[r];
            out = 1;
        }
        if (out) {
            for (size_t c = 0; c < ncols; c++)
                free(e->row[r][c]);
            free(e->row[r]);
        } else {
            e->row[kept] = e->row[r];
            e->line[kept++] = e->line[r];
        }
    }
    e->nrows = kept;
    if (np) {
        char *t = lines_text(lp, np);
        note(e, "%s: left out %zu preview or test response%s (%s)", e->file,
             np, np > 1 ? "s" : "", t);
        free(t);
    }
    if (ns) {
        char *t = lines_text(ls, ns);
        note(e, "%s: left out %zu response%s marked spam (%s)", e->file, ns,
             ns > 1 ? "s" : "", t);
        free(t);
    }
    if (nu) {
        char *t = lines_text(lu, nu);
        note(e, "%s: left out %zu unfinished response%s (%s; "
             "--keep-unfinished keeps %s)", e->file, nu, nu > 1 ? "s" : "", t,
             nu > 1 ? "them" : "it");
        free(t);
    }
    free(lp);
    free(lu);
    free(ls);
}

/* Responses with the same id: the same answers twice (two downloads
 * joined) are kept once, with a note; different answers are an error. */
static int duplicates(struct export *e, size_t idcol, char **err)
{
    struct strmap *ids = strmap_new();
    size_t *first = sk_xcalloc(e->nrows + 1, sizeof *first);
    size_t kept = 0, dropped = 0;
    unsigned long *ld = sk_xcalloc(e->nrows + 1, sizeof *ld);
    unsigned long *le = sk_xcalloc(e->nrows + 1, sizeof *le);
    int rc = 0;
    for (size_t r = 0; r < e->nrows; r++) {
        const char *id = e->row[r][idcol];
        if (!*id) {
            e->row[kept] = e->row[r];
            e->line[kept++] = e->line[r];
            continue;
        }
        int added;
        size_t k = strmap_intern(ids, id, strlen(id), &added);
        if (added) {
            first[k] = kept;
            e->row[kept] = e->row[r];
            e->line[kept++] = e->line[r];
            continue;
        }
        char **a = e->row[first[k]], **b = e->row[r];
        size_t c = 0;
        while (c < e->ncols && strcmp(a[c], b[c]) == 0)
            c++;
        if (c < e->ncols) {
            char *s = sk_shown(id, strlen(id));
            *err = sk_xasprintf("%s:%lu: response id '%s' (column '%s') is "
                                "also at line %lu, with other answers "
                                "(column '%s'): two responses cannot have "
                                "one id; were two exports joined?", e->file,
                                e->line[r], s, e->col[idcol].name,
                                e->line[first[k]], e->col[c].name);
            free(s);
            rc = -1;
            for (size_t j = r; j < e->nrows; j++) {
                for (size_t c2 = 0; c2 < e->ncols; c2++)
                    free(e->row[j][c2]);
                free(e->row[j]);
            }
            break;
        }
        le[dropped] = e->line[first[k]];
        ld[dropped++] = e->line[r];
        for (c = 0; c < e->ncols; c++)
            free(b[c]);
        free(b);
    }
    e->nrows = kept;
    if (rc == 0 && dropped) {
        /* "line 18 (a copy of line 14), line 25 (of line 3)" */
        size_t cap = 64 + dropped * 48;
        char *t = sk_xmalloc(cap), *p = t;
        for (size_t i = 0; i < dropped && i < 10; i++)
            p += sprintf(p, "%sline %lu (%s line %lu)", i ? ", " : "", ld[i],
                         i ? "of" : "a copy of", le[i]);
        if (dropped > 10)
            sprintf(p, " ...");
        note(e, "%s: left out %zu duplicate response%s, the same id and "
             "answers as an earlier one: %s", e->file, dropped,
             dropped > 1 ? "s" : "", t);
        free(t);
    }
    free(ld);
    free(le);
    free(first);
    strmap_free(ids);
    return rc;
}

/* ---- the whole ---- */

static void free_col(struct export_col *col);

void export_free(struct export *e)
{
    if (!e)
        return;
    for (size_t c = 0; c < e->ncols; c++)
        free_col(&e->col[c]);
    free(e->col);
    for (size_t r = 0; r < e->nrows; r++) {
        for (size_t c = 0; c < e->ncols; c++)
            free(e->row[r][c]);
        free(e->row[r]);
    }
    free(e->row);
    free(e->line);
    for (size_t i = 0; i < e->nnotes; i++)
        free(e->note[i]);
    free(e->note);
    free(e->warning);
    for (size_t i = 0; i < e->nna; i++)
        free(e->na[i]);
    free(e->na);
    free(e->file);
    free(e);
}

static void free_col(struct export_col *col)
{
    free(col->id);
    free(col->text);
    free(col->name);
    free(col->group);
    free(col->group_text);
    for (size_t i = 0; i < col->nlabel; i++)
        free(col->label[i]);
    free(col->label);
    for (size_t i = 0; i < col->nns; i++)
        free(col->nslabel[i]);
    free(col->nslabel);
    if (col->endlabel)
        for (long i = 0; i <= col->hi - col->lo; i++)
            free(col->endlabel[i]);
    free(col->endlabel);
    for (size_t i = 0; i < col->ndistinct; i++)
        free(col->distinct[i]);
    free(col->distinct);
}

size_t export_drop_identifying(struct export *e)
{
    size_t kept = 0, dropped = 0;
    for (size_t c = 0; c < e->ncols; c++) {
        if (e->col[c].identifying) {
            for (size_t r = 0; r < e->nrows; r++)
                free(e->row[r][c]);
            free_col(&e->col[c]);
            dropped++;
            continue;
        }
        for (size_t r = 0; r < e->nrows; r++)
            e->row[r][kept] = e->row[r][c];
        e->col[kept++] = e->col[c];
    }
    e->ncols = kept;
    return dropped;
}

static struct export *fail(struct export *e, char ***rows, size_t nrows,
                           size_t ncols, char **err, char *msg)
{
    if (rows)
        for (size_t r = 0; r < nrows; r++) {
            for (size_t c = 0; c < ncols; c++)
                free(rows[r][c]);
            free(rows[r]);
        }
    free(rows);
    *err = msg;
    export_free(e);
    return NULL;
}

/* Names and texts of the columns, from the header rows. */
static void name_columns(struct export *e, char ***hdr)
{
    size_t n = e->ncols;
    struct strmap *taken = strmap_new();
    const char *const *meta = e->platform == EXPORT_QUALTRICS
                                  ? qualtrics_meta
                              : e->platform == EXPORT_SURVEYMONKEY
                                  ? surveymonkey_meta
                              : e->platform == EXPORT_FORMS ? forms_meta
                                                            : NULL;
    /* the text of each column and its matrix */
    char *question = NULL;
    for (size_t c = 0; c < n; c++) {
        struct export_col *col = &e->col[c];
        col->id = sk_xstrdup(hdr[0][c]);
        if (e->platform == EXPORT_QUALTRICS) {
            col->text = collapsed(hdr[1][c]);
            const char *us = strrchr(col->id, '_');
            const char *dash = strstr(col->text, " - ");
            if (us && col->id[0] == 'Q' && is_digit(us[1]) && dash) {
                char *g = sk_xstrndup(col->id, (size_t)(us - col->id));
                col->group = sanitized(g);
                free(g);
                const char *last = dash, *d;
                while ((d = strstr(last + 3, " - ")))
                    last = d;
                col->group_text = sk_xstrndup(col->text,
                                              (size_t)(last - col->text));
            }
        } else if (e->platform == EXPORT_SURVEYMONKEY) {
            if (*hdr[0][c]) {
                free(question);
                question = collapsed(hdr[0][c]);
            }
            const char *sub = hdr[1][c];
            if (!*sub || strcmp(sub, "Response") == 0 ||
                strcmp(sub, "Open-Ended Response") == 0 || !question)
                col->text = sk_xstrdup(question ? question : "");
            else {
                char *s = collapsed(sub);
                col->text = sk_xasprintf("%s - %s", question, s);
                col->group = sk_xstrdup(question);
                col->group_text = sk_xstrdup(question);
                free(s);
            }
        } else
            col->text = collapsed(hdr[0][c]);
    }
    free(question);
    /* the leading parts of the texts ("Before the programme: ..."), and
       how many columns share each */
    struct strmap *leads = strmap_new();
    size_t *lead_count = sk_xcalloc(n + 1, sizeof *lead_count);
    for (size_t k = 0; k < n; k++) {
        const char *r2;
        const char *t2 = e->col[k].text;
        if (e->col[k].group && e->platform == EXPORT_SURVEYMONKEY)
            t2 = t2 + strlen(e->col[k].group) + 3;
        char *l2 = lead_part(t2, &r2);
        if (l2)
            lead_count[strmap_intern(leads, l2, strlen(l2), NULL)]++;
        free(l2);
    }
    /* names */
    for (size_t c = 0; c < n; c++) {
        struct export_col *col = &e->col[c];
        int is_meta = meta && in_list(e->platform == EXPORT_SURVEYMONKEY
                                          ? col->text : col->id, meta,
                                      e->platform == EXPORT_SURVEYMONKEY);
        col->kind = is_meta ? EXPORT_META : EXPORT_TEXT;
        col->identifying =
            is_meta && (e->platform == EXPORT_QUALTRICS
                            ? in_list(col->id, identifying, 0)
                        : e->platform == EXPORT_SURVEYMONKEY
                            ? in_list(col->text, identifying_text, 0)
                            : in_list(col->id, identifying_forms, 0));
        char *name = NULL;
        const char *text = col->text, *prefix_text = NULL;
        char *lead = NULL, *prefix = NULL;
        if (e->platform == EXPORT_QUALTRICS)
            name = sanitized(col->id);
        else if (e->platform == EXPORT_CSV) {
            size_t l = strlen(col->id);
            int plain = l > 0 && l <= 32;
            for (size_t i = 0; i < l && plain; i++)
                plain = is_alnum((unsigned char)col->id[i]) ||
                        strchr("_.-", col->id[i]);
            if (plain)
                name = sanitized(col->id);
        }
        if (!name || !*name) {
            free(name);
            name = NULL;
            /* a sub-item's own text (SurveyMonkey), a shared lead part
               ("Before the programme: ...") as a prefix word */
            if (col->group && e->platform == EXPORT_SURVEYMONKEY)
                text = col->text + strlen(col->group) + 3;
            const char *rest;
            lead = lead_part(text, &rest);
            if (lead) {
                size_t share = lead_count[strmap_intern(leads, lead,
                                                        strlen(lead), NULL)];
                if (share >= 2) {
                    prefix = short_name(lead, 1);
                    prefix_text = rest;
                }
            }
            if (prefix) {
                char *s = short_name(prefix_text, 3);
                if (s) {
                    name = sk_xasprintf("%s_%s", prefix, s);
                    free(s);
                    text = prefix_text;
                }
            }
            if (!name)
                name = short_name(text, 3);
            if (!name) {
                name = sk_xasprintf("col_%zu", c + 1);
                if (!*col->text)
                    note(e, "%s: column %zu has no name: called '%s'",
                         e->file, c + 1, name);
            }
        }
        col->name = unique(taken, name, e->platform == EXPORT_QUALTRICS
                                            ? NULL : text, prefix);
        free(lead);
        free(prefix);
    }
    strmap_free(leads);
    free(lead_count);
    strmap_free(taken);
}

struct export *export_read(const struct export_opts *o, char **err)
{
    struct export *e = sk_xcalloc(1, sizeof *e);
    e->file = sk_xstrdup(o->path && strcmp(o->path, "-") != 0
                             ? o->path : "(standard input)");
    char *raw, *text;
    size_t rawlen, len;
    *err = NULL;
    if (read_all(o->path, e->file, &raw, &rawlen, err) != 0)
        return fail(e, NULL, 0, 0, err, *err);
    if (rawlen == 0) {
        free(raw);
        return fail(e, NULL, 0, 0, err,
                    sk_xasprintf("%s: empty input: no header row", e->file));
    }
    char *why;
    if (textenc_to_utf8(raw, rawlen, o->encoding, &text, &len, &e->encoding,
                        &why) != 0) {
        free(raw);
        char *m = is_digit(why[0]) ? sk_xasprintf("%s:%s", e->file, why)
                                   : sk_xasprintf("%s: %s", e->file, why);
        free(why);
        return fail(e, NULL, 0, 0, err, m);
    }
    free(raw);
    /* the missing-value tokens */
    for (const char *p = o->na ? o->na : "NA"; *p;) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        e->na = sk_xreallocarray(e->na, e->nna + 1, sizeof *e->na);
        e->na[e->nna++] = sk_xstrndup(p, n);
        p += n + (comma != NULL);
    }
    e->delim = o->delim ? o->delim : find_delim(text, len);
    e->delim_found = !o->delim;

    FILE *fp = fmemopen(text, len, "r");
    if (!fp)
        sk_die("%s: %s", e->file, strerror(errno));
    /* blanks kept: "5 " is an answer to report, not the number 5 */
    struct csvin_opts co = { .delim = e->delim, .header = 1,
                             .keep_blanks = 1 };
    char *cerr;
    struct csvin *r = csvin_open_stream(fp, e->file, &co, &cerr);
    if (!r) {
        fclose(fp);
        free(text);
        return fail(e, NULL, 0, 0, err, cerr);
    }
    size_t ncols = csvin_ncols(r);
    size_t nrows = 1, cap = 64;
    char ***rows = sk_xcalloc(cap, sizeof *rows);
    unsigned long *line = sk_xcalloc(cap, sizeof *line);
    rows[0] = sk_xcalloc(ncols, sizeof *rows[0]);
    for (size_t c = 0; c < ncols; c++)
        rows[0][c] = sk_xstrdup(csvin_names(r)[c]);
    line[0] = 1;
    struct csvin_row row;
    int rc;
    while ((rc = csvin_read(r, &row)) == 1) {
        if (nrows == cap) {
            cap *= 2;
            rows = sk_xreallocarray(rows, cap, sizeof *rows);
            line = sk_xreallocarray(line, cap, sizeof *line);
        }
        rows[nrows] = sk_xcalloc(ncols, sizeof *rows[nrows]);
        for (size_t c = 0; c < ncols; c++)
            rows[nrows][c] = lf_only(row.field[c], row.len[c]);
        line[nrows++] = row.line;
    }
    if (rc < 0) {
        char *m = sk_xstrdup(csvin_errmsg(r));
        const char *h = csvin_names(r)[0];
        unsigned char other = strchr(h, ';') && e->delim != ';' ? ';'
                              : strchr(h, '\t') && e->delim != '\t' ? '\t'
                              : strchr(h, ',') && e->delim != ',' ? ','
                                                                   : 0;
        if (ncols == 1 && other) {     /* the delimiter given is not it */
            char *t = sk_xasprintf("%s; the first line has no '%s' but has "
                                   "'%s': try --delimiter=%s", m,
                                   e->delim == '\t' ? "\\t" : (char[]){
                                       (char)e->delim, 0 },
                                   other == '\t' ? "\\t" : (char[]){
                                       (char)other, 0 },
                                   other == '\t' ? "tab" : other == ';'
                                                   ? "';'" : "','");
            free(m);
            m = t;
        }
        csvin_close(r);
        fclose(fp);
        free(text);
        free(line);
        return fail(e, rows, nrows, ncols, err, m);
    }
    csvin_close(r);
    fclose(fp);
    free(text);

    /* the platform */
    int p = o->from;
    if (p == EXPORT_AUTO)
        p = is_qualtrics(rows, nrows, ncols) ? EXPORT_QUALTRICS
            : is_surveymonkey(rows, nrows, ncols) ? EXPORT_SURVEYMONKEY
            : is_forms(rows, ncols) ? EXPORT_FORMS : EXPORT_CSV;
    else if ((p == EXPORT_QUALTRICS && !is_qualtrics(rows, nrows, ncols)) ||
             (p == EXPORT_SURVEYMONKEY &&
              !is_surveymonkey(rows, nrows, ncols)) ||
             (p == EXPORT_FORMS && !is_forms(rows, ncols))) {
        const char *need = p == EXPORT_QUALTRICS
            ? "columns 'ResponseId' and 'Finished' or 'Status' in its first "
              "row, and a row of question texts"
            : p == EXPORT_SURVEYMONKEY
            ? "columns 'Respondent ID' and 'Collector ID', and a second "
              "header row"
            : "first columns 'ID', 'Start time', 'Completion time'";
        free(line);
        return fail(e, rows, nrows, ncols, err,
                    sk_xasprintf("%s:1: not a %s export (it has no %s); "
                                 "--from=auto finds the shape", e->file,
                                 export_platform_name(p), need));
    }
    e->platform = p;
    e->nheader = p == EXPORT_QUALTRICS
                     ? 2 + (nrows > 2 && strncmp(rows[2][0], "{\"ImportId\"",
                                                 11) == 0)
                 : p == EXPORT_SURVEYMONKEY ? 2 : 1;
    if (nrows <= e->nheader) {
        free(line);
        return fail(e, rows, nrows, ncols, err,
                    sk_xasprintf("%s: no responses after the %zu header "
                                 "row%s", e->file, e->nheader,
                                 e->nheader > 1 ? "s" : ""));
    }
    e->col = sk_xcalloc(ncols, sizeof *e->col);
    e->ncols = ncols;
    name_columns(e, rows);
    for (size_t h = 0; h < e->nheader; h++) {
        for (size_t c = 0; c < ncols; c++)
            free(rows[h][c]);
        free(rows[h]);
    }
    e->nrows = nrows - e->nheader;
    e->nread = e->nrows;
    memmove(rows, rows + e->nheader, e->nrows * sizeof *rows);
    memmove(line, line + e->nheader, e->nrows * sizeof *line);
    e->row = rows;
    e->line = line;

    if (p == EXPORT_QUALTRICS)
        leave_out(e, o->keep_unfinished);
    size_t idcol = NONE;
    for (size_t c = 0; c < ncols && idcol == NONE; c++)
        if ((p == EXPORT_QUALTRICS && (strcmp(e->col[c].id, "ResponseId") == 0
                                       || strcmp(e->col[c].id,
                                                 "ResponseID") == 0)) ||
            (p == EXPORT_SURVEYMONKEY &&
             strcmp(e->col[c].id, "Respondent ID") == 0) ||
            (p == EXPORT_FORMS && strcmp(e->col[c].id, "ID") == 0))
            idcol = c;
    if (idcol != NONE && duplicates(e, idcol, err) != 0) {
        char *m = *err;
        return fail(e, NULL, 0, 0, err, m);
    }

    /* decimal commas */
    e->decimal_comma = o->decimal_comma == 1;
    if (o->decimal_comma == -1 && e->delim != ',') {
        size_t dc = 0, dp = 0;
        for (size_t r2 = 0; r2 < e->nrows; r2++)
            for (size_t c = 0; c < ncols; c++)
                if (e->col[c].kind != EXPORT_META) {
                    dc += is_decimal(e->row[r2][c], ',');
                    dp += is_decimal(e->row[r2][c], '.');
                }
        e->decimal_comma = dc > 0 && dp == 0;
    }
    if (e->decimal_comma) {
        size_t n = 0;
        for (size_t r2 = 0; r2 < e->nrows; r2++)
            for (size_t c = 0; c < ncols; c++)
                if (e->col[c].kind != EXPORT_META &&
                    is_decimal(e->row[r2][c], ',')) {
                    *strchr(e->row[r2][c], ',') = '.';
                    n++;
                }
        note(e, "%s: %zu number%s with a decimal comma (1,5) written with "
             "a decimal point (1.5)%s", e->file, n, n == 1 ? "" : "s",
             o->decimal_comma == -1 ? "; --decimal-comma=no keeps them" : "");
    }
    for (size_t c = 0; c < ncols; c++)
        classify(e, c, e->col[c].kind == EXPORT_META);
    return e;
}
