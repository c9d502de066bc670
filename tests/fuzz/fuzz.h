/* fuzz.h - what the fuzz harnesses share (tests/fuzz/README.md).
 *
 * Each harness defines LLVMFuzzerTestOneInput. Built with clang's
 * -fsanitize=fuzzer it is a libFuzzer target ('make fuzz'); linked with
 * standalone.c it runs the saved inputs in 'make check'. An invariant that
 * fails prints what and where, then aborts, which both count as a crash. */
#ifndef SK_FUZZ_H
#define SK_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_ASSERT(c)                                                   \
    do {                                                                 \
        if (!(c))                                                        \
            fuzz_fail(__FILE__, __LINE__, #c);                           \
    } while (0)

static inline void fuzz_fail(const char *file, int line, const char *what)
    __attribute__((noreturn));

static inline void fuzz_fail(const char *file, int line, const char *what)
{
    fprintf(stderr, "%s:%d: invariant failed: %s\n", file, line, what);
    abort();
}

/* A path naming a file that holds the SIZE bytes at DATA: an anonymous
 * memory file, rewritten on each call, so that the readers that take a
 * path (csvin_open, codebook_read) read it like any file. */
static inline const char *fuzz_path(const uint8_t *data, size_t size)
{
    static int fd = -1;
    static char path[64];
    if (fd < 0) {
        fd = memfd_create("sk-fuzz", 0);
        if (fd < 0) {
            perror("memfd_create");
            abort();
        }
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    }
    if (ftruncate(fd, 0) != 0 ||
        (size && pwrite(fd, data, size, 0) != (ssize_t)size)) {
        perror("sk-fuzz: writing the input");
        abort();
    }
    return path;
}

#endif
