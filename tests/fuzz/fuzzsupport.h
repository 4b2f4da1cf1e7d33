#ifndef REDISTORE_FUZZSUPPORT_H
#define REDISTORE_FUZZSUPPORT_H

// Shared by the fuzz targets: a strict value comparison for round-trip invariants, and a
// crash that libFuzzer reports (with the input) when an invariant breaks.

#include <QtCore/QByteArray>
#include <QtCore/QVariant>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace RediStore::Fuzz {

[[noreturn]] inline void invariantBroken(const char *what)
{
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    // A deep copy: the library must not rely on the caller's buffer outliving the call.
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Same types and values, recursively; doubles by bit pattern.
inline bool sameValue(const QVariant &a, const QVariant &b)
{
    if (a.metaType() != b.metaType())
        return false;
    switch (a.metaType().id()) {
    case QMetaType::UnknownType:
        return true;
    case QMetaType::Double: {
        const double x = a.toDouble();
        const double y = b.toDouble();
        return std::memcmp(&x, &y, sizeof x) == 0;
    }
    case QMetaType::QVariantList: {
        const auto *la = static_cast<const QVariantList *>(a.constData());
        const auto *lb = static_cast<const QVariantList *>(b.constData());
        if (la->size() != lb->size())
            return false;
        for (qsizetype i = 0; i < la->size(); ++i) {
            if (!sameValue(la->at(i), lb->at(i)))
                return false;
        }
        return true;
    }
    case QMetaType::QVariantMap: {
        const auto *ma = static_cast<const QVariantMap *>(a.constData());
        const auto *mb = static_cast<const QVariantMap *>(b.constData());
        if (ma->size() != mb->size())
            return false;
        for (auto ia = ma->cbegin(), ib = mb->cbegin(); ia != ma->cend(); ++ia, ++ib) {
            if (ia.key() != ib.key() || !sameValue(ia.value(), ib.value()))
                return false;
        }
        return true;
    }
    default:
        return a == b;
    }
}

} // namespace RediStore::Fuzz

#endif // REDISTORE_FUZZSUPPORT_H
