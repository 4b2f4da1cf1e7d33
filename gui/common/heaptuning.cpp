#include "common/heaptuning.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace RediStore::Admin {

void keepLargeBlocksMapped()
{
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
#endif
}

} // namespace RediStore::Admin
