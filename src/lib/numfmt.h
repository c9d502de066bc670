/* numfmt.h - numbers as a paper prints them, from the text a program wrote.
 *
 * The programs print 15 significant digits; a table shows 2 or 3 decimals.
 * Rounding is done on the decimal text itself, half away from zero, so
 * 0.125 shows as 0.13 and 2.5 as 3 (printf("%.2f") rounds the binary
 * double, 0.125 to 0.12, and R's round() and sprintf() do the same): what
 * is shown is the correct rounding of the number as written. A result that
 * rounds to zero loses its sign (-0.001 shows as 0.00).
 *
 * A minus sign is written as NUMFMT_MINUS, a control byte each output
 * format turns into its own minus (U+2212, &minus;, $-$ or '-'). The
 * module knows nothing of statistics: what a p-value looks like is a style
 * the caller chooses. */
#ifndef SK_NUMFMT_H
#define SK_NUMFMT_H

#include <stddef.h>

#define NUMFMT_MINUS '\x05'
#define NUMFMT_MINUS_S "\x05"

struct numfmt {
    int digits;          /* decimals; -1: as written */
    int no_lead_zero;    /* .34 for 0.34 (APA: values that cannot exceed 1) */
    const char *thousands;   /* separator of thousands, or NULL */
};

/* 1 if S is a finite decimal number (sign, digits, point, exponent), as
 * strtod reads but without blanks, hex, inf or nan; 0 otherwise. */
int numfmt_is_number(const char *s);

/* S rounded to F->digits decimals: a string to free(); NULL when S is not
 * a number. "Inf", "-Inf" are shown as the infinity sign U+221E (with
 * NUMFMT_MINUS before it). */
char *numfmt_fixed(const char *s, const struct numfmt *f);

/* 1 if S is an integer as written (no point, no exponent). */
int numfmt_is_integer(const char *s);

/* A p-value: "< .001" when below 10^-digits (with a leading zero unless
 * F->no_lead_zero), "> .999" when it rounds to 1, else rounded as
 * numfmt_fixed. NULL when S is not a number. */
char *numfmt_p(const char *s, const struct numfmt *f);

/* A string with NUMFMT_MINUS written as '-': to free(). */
char *numfmt_ascii(const char *s);

#endif
