#ifndef COALITION_SYSTEM_H
#define COALITION_SYSTEM_H

/// Swaps the two paths in one step (Linux renameat2 with RENAME_EXCHANGE): both must exist.
/// Returns 0, or -1 with errno set; EINVAL or ENOSYS where the file system or kernel cannot.
int coalition_exchange_paths(const char *a, const char *b);

#endif
