// ValueTreeModel: the editable typed tree of a session's values.

#include "translationloader.h"
#include "values/valuetreemodel.h"

#include <libredistore/utcdatetime_p.h>

#include <QtCore/QDateTime>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QtTest>

using namespace RediStore::Admin;

class tst_ValueTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTripKeepsExactTypes();
    void showsKindsAndNesting();
    void editsScalarsFromText_data();
    void editsScalarsFromText();
    void refusesInvalidText();
    void renamesAndRefusesDuplicateKeys();
    void addsAndDeletesEntries();
    void changesKindConvertingTheValue();
    void readOnlyRefusesEdits();

private:
    static QVariantMap sample();
    static QModelIndex find(const ValueTreeModel &model, const QString &key,
                            const QModelIndex &parent = QModelIndex());
};

QVariantMap tst_ValueTreeModel::sample()
{
    return {
        { QStringLiteral("name"), QStringLiteral("alice") },
        { QStringLiteral("user_id"), qint64(42) },
        { QStringLiteral("small"), int(7) },
        { QStringLiteral("big"), quint64(18446744073709551615ULL) },
        { QStringLiteral("score"), 3.5 },
        { QStringLiteral("admin"), true },
        { QStringLiteral("login"), RediStore::utcDateTime(QDate(2026, 11, 27), QTime(6, 0)) },
        { QStringLiteral("birthday"), QDate(1990, 5, 17) },
        { QStringLiteral("csrf"), QByteArray("\x00\xff\x10", 3) },
        { QStringLiteral("roles"),
          QStringList { QStringLiteral("admin"), QStringLiteral("viewer") } },
        { QStringLiteral("cart"),
          QVariantMap {
              { QStringLiteral("items"), 2 },
              { QStringLiteral("lines"),
                QVariantList { QVariantMap { { QStringLiteral("sku"), QStringLiteral("A1") } },
                               9 } } } },
        { QStringLiteral("hash"), QVariantHash { { QStringLiteral("h"), QStringLiteral("x") } } },
        { QStringLiteral("nothing"), QVariant() },
    };
}

QModelIndex tst_ValueTreeModel::find(const ValueTreeModel &model, const QString &key,
                                     const QModelIndex &parent)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, ValueTreeModel::KeyColumn, parent);
        if (index.data(Qt::EditRole).toString() == key)
            return index;
    }
    return QModelIndex();
}

void tst_ValueTreeModel::initTestCase()
{
    // English plural forms ("2 entries") come from the English translation, as in the app.
    TranslationLoader::install(qApp, QStringLiteral("en"));
}

void tst_ValueTreeModel::roundTripKeepsExactTypes()
{
    ValueTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setValues(sample());
    QVERIFY(!model.isModified());
    const QVariantMap back = model.values();
    QCOMPARE(back, sample());
    QCOMPARE(back.value(QStringLiteral("small")).metaType().id(), int(QMetaType::Int));
    QCOMPARE(back.value(QStringLiteral("user_id")).metaType().id(), int(QMetaType::LongLong));
    QCOMPARE(back.value(QStringLiteral("roles")).metaType().id(), int(QMetaType::QStringList));
    QCOMPARE(back.value(QStringLiteral("hash")).metaType().id(), int(QMetaType::QVariantHash));
    QCOMPARE(back.value(QStringLiteral("birthday")).metaType().id(), int(QMetaType::QDate));
}

void tst_ValueTreeModel::showsKindsAndNesting()
{
    ValueTreeModel model;
    model.setValues(sample());
    QCOMPARE(model.rowCount(), sample().size());
    const QModelIndex cart = find(model, QStringLiteral("cart"));
    QVERIFY(cart.isValid());
    QCOMPARE(model.rowCount(cart), 2);
    QCOMPARE(cart.siblingAtColumn(ValueTreeModel::TypeColumn).data().toString(),
             QStringLiteral("Map (2 entries)"));
    const QModelIndex lines = find(model, QStringLiteral("lines"), cart);
    QCOMPARE(model.rowCount(lines), 2);
    QCOMPARE(model.index(1, ValueTreeModel::KeyColumn, lines).data(Qt::ToolTipRole).toString(),
             QStringLiteral("[1]"));
    QCOMPARE(model.index(1, ValueTreeModel::ValueColumn, lines).data().toString(),
             QStringLiteral("9"));
    const QModelIndex csrf = find(model, QStringLiteral("csrf"));
    QCOMPARE(csrf.siblingAtColumn(ValueTreeModel::TypeColumn).data().toString(),
             QStringLiteral("Bytes"));
    QCOMPARE(csrf.siblingAtColumn(ValueTreeModel::ValueColumn).data().toString(),
             QStringLiteral("00 ff 10 (3 bytes)"));
    QCOMPARE(find(model, QStringLiteral("login"))
                 .siblingAtColumn(ValueTreeModel::ValueColumn)
                 .data()
                 .toString(),
             QStringLiteral("2026-11-27T06:00:00.000Z"));
    QCOMPARE(find(model, QStringLiteral("nothing"))
                 .siblingAtColumn(ValueTreeModel::TypeColumn)
                 .data()
                 .toString(),
             QStringLiteral("Null"));
}

void tst_ValueTreeModel::editsScalarsFromText_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QVariant>("expected");
    QTest::newRow("string") << "name"
                            << "bob" << QVariant(QStringLiteral("bob"));
    QTest::newRow("int64 stays int64") << "user_id"
                                       << "-9000000000" << QVariant(qint64(-9000000000LL));
    QTest::newRow("int stays int") << "small"
                                   << "12" << QVariant(int(12));
    QTest::newRow("int too big widens") << "small"
                                        << "5000000000" << QVariant(qint64(5000000000LL));
    QTest::newRow("unsigned") << "big"
                              << "1" << QVariant(quint64(1));
    QTest::newRow("double") << "score"
                            << "-0.25" << QVariant(-0.25);
    QTest::newRow("bool") << "admin"
                          << "false" << QVariant(false);
    QTest::newRow("date time") << "login"
                               << "2027-01-02T03:04:05Z"
                               << QVariant(
                                      RediStore::utcDateTime(QDate(2027, 1, 2), QTime(3, 4, 5)));
    QTest::newRow("date") << "birthday"
                          << "2000-02-29" << QVariant(QDate(2000, 2, 29));
    QTest::newRow("bytes as hex") << "csrf"
                                  << "de ad BE EF" << QVariant(QByteArray("\xde\xad\xbe\xef", 4));
}

void tst_ValueTreeModel::editsScalarsFromText()
{
    QFETCH(QString, key);
    QFETCH(QString, text);
    QFETCH(QVariant, expected);
    ValueTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setValues(sample());
    QSignalSpy modified(&model, &ValueTreeModel::modifiedChanged);
    const QModelIndex value = find(model, key).siblingAtColumn(ValueTreeModel::ValueColumn);
    QVERIFY(model.flags(value) & Qt::ItemIsEditable);
    QVERIFY2(model.setData(value, text), qPrintable(model.lastError()));
    QVERIFY(model.isModified());
    QCOMPARE(modified.count(), 1);
    const QVariant stored = model.values().value(key);
    QCOMPARE(stored, expected);
    QCOMPARE(stored.metaType(), expected.metaType());
}

void tst_ValueTreeModel::refusesInvalidText()
{
    ValueTreeModel model;
    model.setValues(sample());
    QSignalSpy refused(&model, &ValueTreeModel::editRefused);
    QVERIFY(!model.setData(find(model, QStringLiteral("user_id")).siblingAtColumn(2),
                           QStringLiteral("12abc")));
    QVERIFY(!model.setData(find(model, QStringLiteral("admin")).siblingAtColumn(2),
                           QStringLiteral("maybe")));
    QVERIFY(!model.setData(find(model, QStringLiteral("csrf")).siblingAtColumn(2),
                           QStringLiteral("abc")));
    QCOMPARE(refused.count(), 3);
    QVERIFY(model.lastError().contains(QStringLiteral("abc")));
    QVERIFY(!model.isModified());
    QCOMPARE(model.values(), sample());
}

void tst_ValueTreeModel::renamesAndRefusesDuplicateKeys()
{
    ValueTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setValues(sample());
    const QModelIndex name = find(model, QStringLiteral("name"));
    QVERIFY(!model.setData(name, QStringLiteral("admin"))); // taken
    QVERIFY(model.lastError().contains(QStringLiteral("admin")));
    QVERIFY(!model.setData(name, QString()));
    QVERIFY(model.setData(name, QStringLiteral("full_name")));
    const QVariantMap values = model.values();
    QVERIFY(!values.contains(QStringLiteral("name")));
    QCOMPARE(values.value(QStringLiteral("full_name")).toString(), QStringLiteral("alice"));
    // List entries have positions, not keys.
    const QModelIndex roles = find(model, QStringLiteral("roles"));
    QVERIFY(!(model.flags(model.index(0, 0, roles)) & Qt::ItemIsEditable));
}

void tst_ValueTreeModel::addsAndDeletesEntries()
{
    ValueTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setValues(sample());
    const int top = model.rowCount();
    const QModelIndex added = model.addEntry();
    QVERIFY(added.isValid());
    QCOMPARE(model.rowCount(), top + 1);
    QCOMPARE(added.data().toString(), QStringLiteral("new_key"));
    QVERIFY(model.addEntry().isValid());
    QVERIFY(model.values().contains(QStringLiteral("new_key_2")));
    QVERIFY(model.setData(added, QStringLiteral("theme")));
    QVERIFY(model.setData(added.siblingAtColumn(2), QStringLiteral("dark")));

    // Into a nested list, and next to a scalar inside a map.
    const QModelIndex cart = find(model, QStringLiteral("cart"));
    const QModelIndex lines = find(model, QStringLiteral("lines"), cart);
    const QModelIndex item = model.addEntry(lines);
    QCOMPARE(item.parent(), lines);
    QVERIFY(model.setData(item, QStringLiteral("third")));
    const QModelIndex sibling = model.addEntry(find(model, QStringLiteral("items"), cart));
    QCOMPARE(sibling.parent(), cart);

    QVERIFY(model.removeEntry(model.index(0, 0, lines)));
    QVERIFY(model.removeEntry(find(model, QStringLiteral("csrf"))));
    const QVariantMap values = model.values();
    QCOMPARE(values.value(QStringLiteral("theme")).toString(), QStringLiteral("dark"));
    QVERIFY(!values.contains(QStringLiteral("csrf")));
    const QVariantMap newCart = values.value(QStringLiteral("cart")).toMap();
    QCOMPARE(newCart.value(QStringLiteral("lines")).toList(),
             (QVariantList { 9, QStringLiteral("third") }));
    QCOMPARE(newCart.size(), 3);
}

void tst_ValueTreeModel::changesKindConvertingTheValue()
{
    ValueTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setValues({ { QStringLiteral("n"), QStringLiteral("42") },
                      { QStringLiteral("l"), QVariantList { 1, 2 } },
                      { QStringLiteral("s"), QStringLiteral("x") } });
    QVERIFY(model.setData(find(model, QStringLiteral("n")).siblingAtColumn(1),
                          int(ValueKind::Integer)));
    QCOMPARE(model.values().value(QStringLiteral("n")), QVariant(qint64(42)));
    const QModelIndex list = find(model, QStringLiteral("l"));
    QVERIFY(model.setData(list.siblingAtColumn(1), int(ValueKind::Map)));
    QCOMPARE(model.rowCount(list), 2);
    QCOMPARE(model.values().value(QStringLiteral("l")).toMap(),
             (QVariantMap { { QStringLiteral("0"), 1 }, { QStringLiteral("1"), 2 } }));
    QVERIFY(
        model.setData(find(model, QStringLiteral("s")).siblingAtColumn(1), int(ValueKind::List)));
    QCOMPARE(model.values().value(QStringLiteral("s")).toList(),
             QVariantList { QStringLiteral("x") });
}

void tst_ValueTreeModel::readOnlyRefusesEdits()
{
    ValueTreeModel model;
    model.setValues(sample());
    model.setReadOnly(true);
    const QModelIndex name = find(model, QStringLiteral("name"));
    QVERIFY(!(model.flags(name) & Qt::ItemIsEditable));
    QVERIFY(!model.setData(name.siblingAtColumn(2), QStringLiteral("mallory")));
    QVERIFY(!model.addEntry().isValid());
    QVERIFY(!model.removeEntry(name));
    QCOMPARE(model.values(), sample());
}

QTEST_MAIN(tst_ValueTreeModel)
#include "tst_valuetreemodel.moc"
