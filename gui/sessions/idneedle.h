#ifndef REDISTORE_ADMIN_IDNEEDLE_H
#define REDISTORE_ADMIN_IDNEEDLE_H

#include "sessions/sessionrows.h"

#include <QtCore/QByteArray>

namespace RediStore::Admin {

// The text an ID filter looks for (ignoring case), prepared once for a million rows. A
// store-made ID is decoded into a buffer of its own and searched a block of characters at a
// time; a text with a character that such an ID never holds skips the decoding.
class IdNeedle
{
public:
    explicit IdNeedle(const QString &text = QString());
    bool isIn(const SessionRow &row) const; // true when the text is empty

private:
    static quint64 placesOf(const char *text, char c);

    QByteArray m_utf8;
    QByteArray m_upper; // for a store-made ID's text (ASCII upper case)
    bool m_ascii;
    bool m_inPacked = false; // whether a store-made ID may hold the text at all
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_IDNEEDLE_H
