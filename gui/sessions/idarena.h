#ifndef REDISTORE_ADMIN_IDARENA_H
#define REDISTORE_ADMIN_IDARENA_H

#include <QtCore/QByteArrayView>

#include <memory>
#include <vector>

namespace RediStore::Admin {

// Session IDs stored back to back in large blocks: no allocation and no header per ID, which
// is most of what a row of the session browser would otherwise cost. IDs stay where they are
// until clear(); a removed ID's bytes are not reused (the next rescan of a big database starts
// from a fresh model, so the waste stays bounded by the IDs seen).
class IdArena
{
public:
    // Copies id into the arena; the pointer stays valid until clear().
    const char *store(QByteArrayView id);
    void clear();
    qint64 bytesReserved() const { return m_reserved; }

private:
    static constexpr qsizetype blockSize = 256 * 1024;
    std::vector<std::unique_ptr<char[]>> m_blocks;
    std::vector<std::unique_ptr<char[]>> m_large;
    qsizetype m_used = blockSize; // in the last block
    qint64 m_reserved = 0;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_IDARENA_H
