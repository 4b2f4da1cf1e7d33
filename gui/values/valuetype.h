#ifndef REDISTORE_ADMIN_VALUETYPE_H
#define REDISTORE_ADMIN_VALUETYPE_H

#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QVariant>

#include <optional>

namespace RediStore::Admin {

// The kinds of session values the editor knows. Integers and floats keep their exact
// QMetaType (int stays int, qint64 stays qint64) when edited.
enum class ValueKind {
    Null,
    String,
    Integer,
    Unsigned,
    Float,
    Boolean,
    DateTime,
    Date,
    Bytes,
    Map,
    List,
    Other
};

// Names, defaults, display, parsing and conversion of value kinds.
class ValueType
{
    Q_DECLARE_TR_FUNCTIONS(ValueType)

public:
    static ValueKind kindOf(const QVariant &value);
    static QString name(ValueKind kind);
    // The kinds a user may choose for a value (all but Other).
    static QList<ValueKind> choosableKinds();
    static bool isContainer(ValueKind kind)
    {
        return kind == ValueKind::Map || kind == ValueKind::List;
    }
    static QVariant defaultValue(ValueKind kind);

    // The text shown for a scalar value.
    static QString displayText(const QVariant &value);
    // The text an editor starts with (hex for bytes, ISO 8601 for dates).
    static QString editText(const QVariant &value);
    // The value a user typed for kind; like gives the exact type to keep (e.g. int vs qint64).
    // Nothing when the text is not a valid value of that kind.
    static std::optional<QVariant> fromText(ValueKind kind, const QString &text,
                                            QMetaType like = QMetaType());
    // value turned into kind as well as it goes ("42" -> 42), else the kind's default.
    static QVariant convert(const QVariant &value, ValueKind kind);
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_VALUETYPE_H
