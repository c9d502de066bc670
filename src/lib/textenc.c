/* textenc.c - a text file's encoding, found and converted to UTF-8. */
#include <config.h>

#include "textenc.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <iconv.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

size_t textenc_utf8_valid(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        unsigned c = p[i];
        size_t n;
        unsigned lo = 0x80, hi = 0xBF;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF)
            n = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            if (c == 0xE0)
                lo = 0xA0;          /* not overlong */
            else if (c == 0xED)
                hi = 0x9F;          /* not a surrogate */
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;          /* not above U+10FFFF */
        } else
            return i;
        if (i + n >= len)
            return i;
        if (p[i + 1] < lo || p[i + 1] > hi)
            return i;
        for (size_t k = 2; k <= n; k++)
            if (p[i + k] < 0x80 || p[i + k] > 0xBF)
                return i;
        i += n + 1;
    }
    return len;
}

/* The LEN bytes at S with every byte that is not printable ASCII as \xNN
 * (the text is not UTF-8: its other bytes would print as garbage). */
static char *shown_bytes(const char *s, size_t len)
{
    char *out = sk_xmalloc(4 * len + 1), *p = out;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c >= 0x7f)
            p += sprintf(p, "\\x%02X", c);
        else
            *p++ = (char)c;
    }
    *p = '\0';
    return out;
}

/* Convert with iconv; 0, or -1 with *err. */
static int convert_to(const char *to, const char *from, const char *buf,
                      size_t len, char **out, size_t *outlen, char **err)
{
    iconv_t cd = iconv_open(to, from);
    if (cd == (iconv_t)-1) {
        *err = sk_xasprintf("unknown encoding '%s' (iconv -l lists the "
                            "names)", from);
        return -1;
    }
    size_t cap = len * 2 + 16, used = 0;
    char *o = sk_xmalloc(cap);
    char *in = (char *)buf;
    size_t inleft = len;
    for (;;) {
        char *op = o + used;
        size_t oleft = cap - used - 1;
        size_t rc = iconv(cd, &in, &inleft, &op, &oleft);
        used = (size_t)(op - o);
        if (rc != (size_t)-1)
            break;
        if (errno == E2BIG) {
            cap *= 2;
            o = sk_xrealloc(o, cap);
            continue;
        }
        size_t at = (size_t)(in - buf);
        if (strncasecmp(from, "UTF-16", 6) == 0)
            *err = sk_xasprintf("not %s: the bytes at offset %zu are not a "
                                "character of it%s", from, at,
                                errno == EINVAL ? " (the text ends inside a "
                                "character)" : "");
        else {
            unsigned long line = 1;
            for (size_t i = 0; i < at; i++)
                line += buf[i] == '\n';
            *err = sk_xasprintf("%lu: not %s: byte 0x%02X is not a "
                                "character of it", line, from,
                                (unsigned char)buf[at]);
        }
        iconv_close(cd);
        free(o);
        return -1;
    }
    iconv_close(cd);
    o[used] = '\0';
    *out = o;
    *outlen = used;
    return 0;
}

static int convert(const char *from, const char *buf, size_t len,
                   char **out, size_t *outlen, char **err)
{
    return convert_to("UTF-8", from, buf, len, out, outlen, err);
}

/* UTF-16 without a mark: at least 4 bytes and, in the first 64, every
 * other byte zero (ASCII text saved as UTF-16). 1 little-endian, 2 big,
 * 0 neither. */
static int utf16_by_zeros(const unsigned char *p, size_t len)
{
    size_t n = len < 64 ? len & ~(size_t)1 : 64;
    if (n < 4)
        return 0;
    int le = 1, be = 1;
    for (size_t i = 0; i < n; i += 2) {
        le &= p[i] != 0 && p[i + 1] == 0;
        be &= p[i] == 0 && p[i + 1] != 0;
    }
    return le ? 1 : be ? 2 : 0;
}

int textenc_to_utf8(const char *buf, size_t len, const char *from,
                    char **out, size_t *outlen, const char **what,
                    char **err)
{
    const unsigned char *p = (const unsigned char *)buf;
    *err = NULL;
    if (from) {
        int utf8 = strcasecmp(from, "utf-8") == 0 ||
                   strcasecmp(from, "utf8") == 0;
        if (!utf8) {
            *what = "converted to UTF-8 from the --encoding given";
            if (convert(from, buf, len, out, outlen, err) != 0)
                return -1;
            if (*outlen >= 3 && memcmp(*out, "\xEF\xBB\xBF", 3) == 0) {
                memmove(*out, *out + 3, *outlen - 3 + 1);
                *outlen -= 3;
            }
            return 0;
        }
    }
    if (len >= 2 && (memcmp(p, "\xFF\xFE", 2) == 0 ||
                     memcmp(p, "\xFE\xFF", 2) == 0)) {
        int le = p[0] == 0xFF;
        *what = le ? "UTF-16LE (with a byte-order mark), converted to UTF-8"
                   : "UTF-16BE (with a byte-order mark), converted to UTF-8";
        return convert(le ? "UTF-16LE" : "UTF-16BE", buf + 2, len - 2,
                       out, outlen, err);
    }
    int z = utf16_by_zeros(p, len);
    if (z) {
        *what = z == 1 ? "UTF-16LE (no byte-order mark), converted to UTF-8"
                       : "UTF-16BE (no byte-order mark), converted to UTF-8";
        return convert(z == 1 ? "UTF-16LE" : "UTF-16BE", buf, len, out,
                       outlen, err);
    }
    size_t skip = 0;
    *what = "UTF-8";
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
        skip = 3;
        *what = "UTF-8 (with a byte-order mark)";
    }
    size_t ok = textenc_utf8_valid(buf + skip, len - skip);
    if (ok != len - skip) {
        size_t at = skip + ok;
        unsigned long line = 1;
        size_t bol = 0;
        for (size_t i = 0; i < at; i++)
            if (p[i] == '\n') {
                line++;
                bol = i + 1;
            }
        /* the bytes around it, at most 24 either side, within its line */
        size_t start = at - bol > 24 ? at - 24 : bol;
        size_t eol = at;
        while (eol < len && p[eol] != '\n' && p[eol] != '\r' &&
               eol - at < 24)
            eol++;
        char *bytes = shown_bytes(buf + start, eol - start);
        char *shown = sk_xasprintf("%s%s%s", start > bol ? "..." : "", bytes,
                                   eol < len && p[eol] != '\n' &&
                                   p[eol] != '\r' ? "..." : "");
        free(bytes);
        *err = sk_xasprintf("%lu: not UTF-8: byte 0x%02X in '%s'; a latin-1 "
                            "or Windows-1252 file (Excel's \"CSV\" on "
                            "Windows)? name its encoding: "
                            "--encoding=windows-1252 or --encoding=latin1",
                            line, p[at], shown);
        free(shown);
        return -1;
    }
    *out = sk_xmalloc(len - skip + 1);
    memcpy(*out, buf + skip, len - skip);
    (*out)[len - skip] = '\0';
    *outlen = len - skip;
    return 0;
}

char *textenc_ascii(const char *s)
{
    size_t len = strlen(s);
    int ascii = 1;
    for (size_t i = 0; i < len && ascii; i++)
        ascii = (unsigned char)s[i] < 0x80;
    if (ascii)
        return sk_xstrdup(s);
    char *old = setlocale(LC_CTYPE, NULL);
    char *saved = old ? sk_xstrdup(old) : NULL;
    char *out = NULL;
    size_t outlen;
    char *err = NULL;
    if (setlocale(LC_CTYPE, "C.UTF-8") || setlocale(LC_CTYPE, "C.utf8"))
        if (convert_to("ASCII//TRANSLIT", "UTF-8", s, len, &out, &outlen,
                       &err) != 0) {
            free(err);
            out = NULL;
        }
    setlocale(LC_CTYPE, saved ? saved : "C");
    free(saved);
    if (!out) {     /* no transliteration: every other byte as '?' */
        out = sk_xstrdup(s);
        for (char *p = out; *p; p++)
            if ((unsigned char)*p >= 0x80)
                *p = '?';
    }
    return out;
}
