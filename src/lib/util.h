/* util.h - program name, exit codes, error reporting, checked allocation.
 * Part of surveykit. */
#ifndef SK_UTIL_H
#define SK_UTIL_H

#include <stddef.h>
#include <stdio.h>

/* The exit statuses of every surveykit program. */
enum sk_exit {
    SK_EXIT_OK = 0,      /* success */
    SK_EXIT_DATA = 1,    /* bad data, or an input/output error */
    SK_EXIT_USAGE = 2    /* bad usage: options or arguments */
};

/* Set the program name used as the prefix of every message ("sk-describe"). */
void sk_set_program_name(const char *argv0);
const char *sk_program_name(void);

/* Print "PROGRAM: MESSAGE" to stderr. */
void sk_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print "PROGRAM: MESSAGE" and exit with status 1 (bad data or I/O). */
void sk_die(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), noreturn));

/* Print "PROGRAM: MESSAGE" and the "Try ... --help" line, exit with 2. */
void sk_usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), noreturn));

/* For an option error getopt has already reported: print only the
 * "Try ... --help" line and exit with 2. */
void sk_try_help(void) __attribute__((noreturn));

/* Flush and close stdout; a write error (e.g. to /dev/full) is fatal (1).
 * Register with atexit() first thing in main. */
void sk_close_stdout(void);

/* Allocation that never returns NULL: on failure it dies with status 1. */
void *sk_xmalloc(size_t n);
void *sk_xcalloc(size_t n, size_t size);
void *sk_xrealloc(void *p, size_t n);
/* realloc for an array of n elements of size size, checking overflow. */
void *sk_xreallocarray(void *p, size_t n, size_t size);
char *sk_xstrdup(const char *s);
/* A formatted string to free() (vasprintf; dies when out of memory). */
char *sk_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *sk_xstrndup(const char *s, size_t n);

/* The LEN bytes at S as a message shows them: control characters escaped
 * (\n, \t, \x01), at most 60 bytes then "...". A string to free(). */
char *sk_shown(const char *s, size_t len);
/* The same with at most MAX bytes of S shown. */
char *sk_shown_max(const char *s, size_t len, size_t max);

/* The processors this process may run on: the count of its CPU affinity
 * mask (sched_getaffinity; taskset, cgroups' cpusets), else the online
 * processors; at least 1. The default number of threads. */
unsigned sk_ncpus(void);

/* Turn off GSL's aborting error handler; GSL return codes are checked. */
void sk_gsl_init(void);

#endif
