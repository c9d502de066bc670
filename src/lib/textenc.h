/* textenc.h - a text file's encoding, found and converted to UTF-8.
 *
 * What survey platforms and spreadsheets save: UTF-8 with or without a
 * byte-order mark, UTF-16 (Excel's "Unicode text", with its mark, or
 * recognised by its zero bytes), and 8-bit code pages such as latin-1 and
 * Windows-1252, which cannot be told apart from each other by their bytes
 * and are therefore converted only when named. Conversion is iconv(3)'s.
 * It knows nothing of CSV. */
#ifndef SK_TEXTENC_H
#define SK_TEXTENC_H

#include <stddef.h>

/* The LEN bytes at BUF as UTF-8, without a byte-order mark, in *OUT (to
 * free(); NUL-terminated, *OUTLEN bytes). FROM names the encoding (an
 * iconv name such as "latin1", "windows-1252", "UTF-16"), or is NULL:
 * then a UTF-8 or UTF-16 byte-order mark, or UTF-16's zero bytes, decide,
 * and otherwise the text must be UTF-8. *WHAT (static) says what was
 * found ("UTF-8", "UTF-16LE, converted to UTF-8"). Returns 0, or -1 with
 * *ERR a message to free(), starting with "LINE: " when a line is known
 * ("3: not UTF-8: byte 0xE9 in 'Caf\xE9'"), and a hint on what to do. */
int textenc_to_utf8(const char *buf, size_t len, const char *from,
                    char **out, size_t *outlen, const char **what,
                    char **err);

/* The length of the longest prefix of the LEN bytes at S that is
 * well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
 * above U+10FFFF): LEN when all of it is. */
size_t textenc_utf8_valid(const char *s, size_t len);

/* The UTF-8 text S transliterated to ASCII (café -> cafe, Straße ->
 * Strasse) by iconv's //TRANSLIT under the C.UTF-8 locale's character
 * type (restored after); a byte that has no ASCII form becomes '?'. A
 * string to free(). */
char *textenc_ascii(const char *s);

#endif
