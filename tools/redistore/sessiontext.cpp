#include "sessiontext.h"

#include "cli.h"
#include "sessionscommand.h"

#include <libredistore/session/sessionadmin.h>

#include <QtCore/QRegularExpression>

namespace Cli {

QString printableKey(const QString &key)
{
    static const QRegularExpression plainKey(QStringLiteral("^[A-Za-z0-9_.:/@-]+$"));
    return plainKey.match(key).hasMatch() ? key : QString::fromUtf8(toJson(key));
}

QString sessionText(const QString &id, const QByteArray &key,
                    const RediStore::SessionContent &content)
{
    QString text = QStringLiteral("id:         %1\n"
                                  "key:        %2\n"
                                  "ttl:        %3\n"
                                  "size:       %4 bytes\n"
                                  "serializer: %5\n"
                                  "values:%6\n")
                       .arg(id, QString::fromUtf8(key), formatTtl(content.ttlMs),
                            QString::number(content.raw.size()), content.serializer,
                            content.values.isEmpty() ? QStringLiteral(" (none)") : QString());
    for (auto it = content.values.cbegin(); it != content.values.cend(); ++it) {
        text += QStringLiteral("  ") + printableKey(it.key()) + QStringLiteral(": ")
            + QString::fromUtf8(toJson(it.value())) + QLatin1Char('\n');
    }
    return text;
}

} // namespace Cli
