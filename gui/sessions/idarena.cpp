#include "sessions/idarena.h"

#include <cstring>

namespace RediStore::Admin {

const char *IdArena::store(QByteArrayView id)
{
    if (id.size() > blockSize / 4) { // a huge key gets a block of its own
        m_large.push_back(std::make_unique<char[]>(size_t(id.size())));
        std::memcpy(m_large.back().get(), id.data(), size_t(id.size()));
        m_reserved += id.size();
        return m_large.back().get();
    }
    if (m_blocks.empty() || m_used + id.size() > blockSize) {
        m_blocks.push_back(std::make_unique<char[]>(size_t(blockSize)));
        m_used = 0;
        m_reserved += blockSize;
    }
    char *at = m_blocks.back().get() + m_used;
    if (!id.isEmpty())
        std::memcpy(at, id.data(), size_t(id.size()));
    m_used += id.size();
    return at;
}

void IdArena::clear()
{
    m_blocks.clear();
    m_blocks.shrink_to_fit();
    m_large.clear();
    m_large.shrink_to_fit();
    m_used = blockSize;
    m_reserved = 0;
}

} // namespace RediStore::Admin
