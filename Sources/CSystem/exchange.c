// Glibc declares renameat2 only under _GNU_SOURCE, which Swift's Glibc module does not set,
// so this one call is made from C.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include "coalition_system.h"

int coalition_exchange_paths(const char *a, const char *b) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
    (void)a;
    (void)b;
    errno = EINVAL;
    return -1;
#endif
}
