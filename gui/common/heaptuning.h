#ifndef REDISTORE_ADMIN_HEAPTUNING_H
#define REDISTORE_ADMIN_HEAPTUNING_H

namespace RediStore::Admin {

// With a million sessions listed, the browser's rows live in a few lists of tens of MiB that
// grow by doubling. Each must then stay a block mapped on its own, so that growing it only
// remaps pages, never copies them into fresh memory (touching every page at once: a stall).
// glibc raises its threshold for such blocks as large blocks are freed; this fixes it at
// 1 MiB. Call it once, first thing in main(). Elsewhere it does nothing.
void keepLargeBlocksMapped();

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_HEAPTUNING_H
