/* util.c - program name, exit codes, error reporting, checked allocation. */
#include <config.h>

#include "util.h"

#include <errno.h>
#ifdef HAVE_SCHED_GETAFFINITY
#include <sched.h>
#endif
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>

static const char *program_name = "surveykit";

void sk_set_program_name(const char *argv0)
{
    const char *slash = strrchr(argv0, '/');
    program_name = slash ? slash + 1 : argv0;
}

const char *sk_program_name(void)
{
    return program_name;
}

static void vmessage(const char *fmt, va_list ap)
{
    fflush(stdout);
    fprintf(stderr, "%s: ", program_name);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void sk_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage(fmt, ap);
    va_end(ap);
}

void sk_die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage(fmt, ap);
    va_end(ap);
    exit(SK_EXIT_DATA);
}

void sk_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage(fmt, ap);
    va_end(ap);
    fprintf(stderr, "Try '%s --help' for more information.\n", program_name);
    exit(SK_EXIT_USAGE);
}

void sk_try_help(void)
{
    fprintf(stderr, "Try '%s --help' for more information.\n", program_name);
    exit(SK_EXIT_USAGE);
}

void sk_close_stdout(void)
{
    int failed = ferror(stdout);
    if (fclose(stdout) != 0)
        failed = 1;
    if (failed) {
        const char *why = errno ? strerror(errno) : "write error";
        fprintf(stderr, "%s: write error: %s\n", program_name, why);
        _exit(SK_EXIT_DATA);
    }
    if (fclose(stderr) != 0)
        _exit(SK_EXIT_DATA);
}

void *sk_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        sk_die("out of memory");
    return p;
}

void *sk_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        sk_die("out of memory");
    return p;
}

void *sk_xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        sk_die("out of memory");
    return p;
}

void *sk_xreallocarray(void *p, size_t n, size_t size)
{
    if (size && n > (size_t)-1 / size)
        sk_die("out of memory");
    return sk_xrealloc(p, n * size);
}

char *sk_xstrdup(const char *s)
{
    return sk_xstrndup(s, strlen(s));
}

char *sk_xstrndup(const char *s, size_t n)
{
    char *p = sk_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *sk_shown(const char *s, size_t len)
{
    return sk_shown_max(s, len, 60);
}

char *sk_shown_max(const char *s, size_t len, size_t max)
{
    max = len > max ? max : len;
    char *out = sk_xmalloc(4 * max + 4), *p = out;
    for (size_t i = 0; i < max; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n')
            p += sprintf(p, "\\n");
        else if (c == '\r')
            p += sprintf(p, "\\r");
        else if (c == '\t')
            p += sprintf(p, "\\t");
        else if (c < 0x20 || c == 0x7f)
            p += sprintf(p, "\\x%02x", c);
        else
            *p++ = (char)c;
    }
    if (max < len)
        p += sprintf(p, "...");
    *p = '\0';
    return out;
}

void sk_gsl_init(void)
{
    gsl_set_error_handler_off();
}

char *sk_xasprintf(const char *fmt, ...)
{
    va_list ap;
    char *m;
    va_start(ap, fmt);
    if (vasprintf(&m, fmt, ap) < 0)
        sk_die("out of memory");
    va_end(ap);
    return m;
}

unsigned sk_ncpus(void)
{
#ifdef HAVE_SCHED_GETAFFINITY
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return (unsigned)CPU_COUNT(&set);
#endif
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}
