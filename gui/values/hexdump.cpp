#include "values/hexdump.h"

namespace RediStore::Admin {

QString HexDump::format(const QByteArray &bytes, int maxBytes)
{
    static const char digits[] = "0123456789abcdef";
    const qsizetype shown = qMin(bytes.size(), qsizetype(maxBytes));
    QByteArray out;
    out.reserve((shown / 16 + 1) * 80);
    for (qsizetype line = 0; line < shown; line += 16) {
        out += QByteArray::number(line, 16).rightJustified(8, '0');
        out += "  ";
        QByteArray ascii;
        for (int i = 0; i < 16; ++i) {
            if (i == 8)
                out += ' ';
            if (line + i < shown) {
                const auto byte = quint8(bytes.at(line + i));
                out += digits[byte >> 4];
                out += digits[byte & 0xf];
                out += ' ';
                ascii += byte >= 0x20 && byte < 0x7f ? char(byte) : '.';
            } else {
                out += "   ";
            }
        }
        out += " |" + ascii + "|\n";
    }
    QString text = QString::fromLatin1(out);
    if (bytes.size() > shown)
        text += tr("\u2026 %n more byte(s) not shown", nullptr, int(bytes.size() - shown));
    return text;
}

} // namespace RediStore::Admin
