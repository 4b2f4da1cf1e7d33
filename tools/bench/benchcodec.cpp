#include "benchcodec.h"

#include <libredistore/codec/gob.h>
#include <libredistore/codec/securecookie.h>
#include <libredistore/serializer/sessionserializer.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTextStream>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <functional>
#include <optional>

using namespace RediStore;

namespace {

// The same inputs as Go's bench (anchors/go/src/bench/main.go): a 32-byte ASCII hash key, the
// cookie name "session", a 52-character session ID; AES keys of 16 and 32 ASCII bytes.
const QByteArray hashKey("0123456789abcdef0123456789abcdef");
const QByteArray cookieName("session");
const int payloadTargets[] = { 100, 1024, 4096 };

struct Measured
{
    double nsPerOp = 0; // wall time, median of the runs (what Go's testing.Benchmark reports)
    double cpuNsPerOp = 0; // this thread's CPU time, median: steadier on a busy machine
    QList<double> runs;
};

struct Row
{
    QString name; // our operation
    QString goName; // Go's micro-benchmark of the same work, if any
    QString note;
    qsizetype bytes = 0; // cookie or serialized size
    Measured ours;
    std::optional<double> goNsPerOp;
};

using Clock = std::chrono::steady_clock;

qint64 threadCpuNs()
{
    timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    if (n == 0)
        return 0;
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

// Median of `runs` runs of at least runMs each; op returns a size so it cannot be optimised out.
Measured measure(const std::function<qsizetype()> &op, int runMs, int runs = 3)
{
    volatile qsizetype sink = 0;
    // Warm up and size a batch to about a millisecond.
    qint64 batch = 1;
    for (;;) {
        const auto start = Clock::now();
        for (qint64 i = 0; i < batch; ++i)
            sink = sink + op();
        if (Clock::now() - start > std::chrono::milliseconds(1) || batch > (1 << 24))
            break;
        batch *= 2;
    }
    Measured measured;
    QList<double> cpuRuns;
    for (int r = 0; r < runs; ++r) {
        qint64 count = 0;
        const qint64 cpuStart = threadCpuNs();
        const auto start = Clock::now();
        auto elapsed = Clock::duration::zero();
        do {
            for (qint64 i = 0; i < batch; ++i)
                sink = sink + op();
            count += batch;
            elapsed = Clock::now() - start;
        } while (elapsed < std::chrono::milliseconds(runMs));
        measured.runs.append(
            double(std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count())
            / double(count));
        cpuRuns.append(double(threadCpuNs() - cpuStart) / double(count));
    }
    measured.nsPerOp = median(measured.runs);
    measured.cpuNsPerOp = median(cpuRuns);
    return measured;
}

QString randomSessionId()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    QString id;
    for (int i = 0; i < 52; ++i)
        id.append(QLatin1Char(alphabet[QRandomGenerator::global()->bounded(32)]));
    return id;
}

// Go's payload(target, counter): {"counter": counter, "blob": "x" * n} with n the largest
// length whose gob form stays within target bytes for every counter up to 2^31-1.
QVariantMap sessionValues(int target, qint64 counter)
{
    auto make = [](int n, qint64 c) {
        return QVariantMap { { QStringLiteral("counter"), c },
                             { QStringLiteral("blob"), QString(n, QLatin1Char('x')) } };
    };
    int n = 0;
    while (Gob::encode(make(n + 1, (qint64(1) << 31) - 1)).valueOr({}).size() <= target
           && n < target)
        ++n;
    return make(n, counter);
}

void addCookieRows(QList<Row> *rows, int runMs)
{
    const QString sid = randomSessionId();
    const struct
    {
        const char *label;
        QByteArray blockKey;
    } variants[] = { { "hash-only", QByteArray() },
                     { "aes128", QByteArray("0123456789abcdef") },
                     { "aes256", QByteArray("0123456789abcdef0123456789abcdef") } };
    for (const auto &variant : variants) {
        const SecureCookie codec(hashKey, variant.blockKey);
        const QByteArray cookie = codec.encode(cookieName, sid).valueOr({});
        if (cookie.isEmpty())
            qFatal("SecureCookie::encode failed");
        const QString label = QString::fromLatin1(variant.label);
        Row encode;
        encode.name = QStringLiteral("securecookie.Encode/") + label;
        encode.goName = encode.name;
        encode.note = QStringLiteral("52-char session ID, gob");
        encode.bytes = cookie.size();
        encode.ours
            = measure([&] { return codec.encode(cookieName, sid).valueOr({}).size(); }, runMs);
        rows->append(encode);

        Row decode;
        decode.name = QStringLiteral("securecookie.Decode/") + label;
        decode.goName = decode.name;
        decode.note = QStringLiteral("into a QString");
        decode.bytes = cookie.size();
        decode.ours = measure(
            [&] { return codec.decode(cookieName, cookie).valueOr({}).toString().size(); }, runMs);
        rows->append(decode);
    }
}

// Every session serializer on the same values; the gob rows are what Go's bench measures.
void addSerializerRows(QList<Row> *rows, int runMs)
{
    for (const QString &name : SessionSerializer::names()) {
        const auto serializer = SessionSerializer::byName(name);
        for (const int target : payloadTargets) {
            const QVariantMap values = sessionValues(target, 12345);
            const auto serialized = serializer->serialize(values);
            if (!serialized.ok())
                qFatal("%s cannot serialize the bench values", qPrintable(name));
            const QByteArray bytes = serialized.value();
            const bool isGob = name == QLatin1String("gob");

            Row serialize;
            serialize.name = QStringLiteral("%1.serialize/%2").arg(name).arg(target);
            if (isGob)
                serialize.goName
                    = QStringLiteral("redistore.GobSerializer.Serialize/%1").arg(target);
            serialize.note = QStringLiteral("{counter, blob} session values");
            serialize.bytes = bytes.size();
            serialize.ours
                = measure([&] { return serializer->serialize(values).valueOr({}).size(); }, runMs);
            rows->append(serialize);

            Row deserialize;
            deserialize.name = QStringLiteral("%1.deserialize/%2").arg(name).arg(target);
            if (isGob) {
                deserialize.goName
                    = QStringLiteral("redistore.GobSerializer.Deserialize/%1").arg(target);
            }
            deserialize.note = QStringLiteral("into a fresh QVariantMap");
            deserialize.bytes = bytes.size();
            deserialize.ours
                = measure([&] { return serializer->deserialize(bytes).valueOr({}).size(); }, runMs);
            rows->append(deserialize);
        }
    }
}

// bench.json of anchors/go/run.sh: {"micro": [{"name", "ns_per_op_median", ...}], ...}
bool readGoResults(const QString &path, QHash<QString, double> *results, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1 is not JSON: %2").arg(path, parseError.errorString());
        return false;
    }
    const QJsonArray micro = document.object().value(QLatin1String("micro")).toArray();
    if (micro.isEmpty()) {
        *error = QStringLiteral("%1 has no \"micro\" results (run the Go bench without "
                                "-skip-micro)")
                     .arg(path);
        return false;
    }
    for (const QJsonValue &entry : micro) {
        const QJsonObject m = entry.toObject();
        results->insert(m.value(QLatin1String("name")).toString(),
                        m.value(QLatin1String("ns_per_op_median")).toDouble());
    }
    return true;
}

} // namespace

int runCodecBench(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "ns/op of SecureCookie encode/decode (session-ID cookie: hash only, AES-128, "
        "AES-256) and of the session serializers at 100 B, 1 KiB and 4 KiB, measured as Go's "
        "bench does (median of 3 runs)."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON instead of a table.") });
    parser.addOption({ QStringLiteral("go-results"),
                       QStringLiteral("Go's bench.json (written by anchors/go/run.sh); adds a Go "
                                      "column and the ratio."),
                       QStringLiteral("file") });
    parser.addOption({ QStringLiteral("run-ms"),
                       QStringLiteral("Length of one measured run (default 200)."),
                       QStringLiteral("ms"), QStringLiteral("200") });
    parser.process(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);

    QHash<QString, double> goResults;
    const QString goPath = parser.value(QStringLiteral("go-results"));
    if (!goPath.isEmpty()) {
        QString error;
        if (!readGoResults(goPath, &goResults, &error)) {
            err << "redistore-bench codec: " << error << Qt::endl;
            return 2;
        }
    }
    bool ok = false;
    const int runMs = parser.value(QStringLiteral("run-ms")).toInt(&ok);
    if (!ok || runMs <= 0) {
        err << "redistore-bench codec: --run-ms needs a positive number" << Qt::endl;
        return 2;
    }

    QList<Row> rows;
    addCookieRows(&rows, runMs);
    addSerializerRows(&rows, runMs);
    for (Row &row : rows) {
        if (goResults.contains(row.goName))
            row.goNsPerOp = goResults.value(row.goName);
    }

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Row &row : rows) {
            QJsonArray runs;
            for (double ns : row.ours.runs)
                runs.append(ns);
            QJsonObject object { { QStringLiteral("name"), row.name },
                                 { QStringLiteral("ns_per_op_median"), row.ours.nsPerOp },
                                 { QStringLiteral("ns_per_op_runs"), runs },
                                 { QStringLiteral("cpu_ns_per_op_median"), row.ours.cpuNsPerOp },
                                 { QStringLiteral("bytes"), row.bytes },
                                 { QStringLiteral("note"), row.note } };
            if (!row.goName.isEmpty())
                object.insert(QStringLiteral("go_name"), row.goName);
            if (row.goNsPerOp) {
                object.insert(QStringLiteral("go_ns_per_op_median"), *row.goNsPerOp);
                object.insert(QStringLiteral("speedup_vs_go"), *row.goNsPerOp / row.ours.nsPerOp);
            }
            array.append(object);
        }
        QJsonObject document { { QStringLiteral("codec"), array },
                               { QStringLiteral("run_ms"), runMs },
                               { QStringLiteral("runs"), 3 } };
        if (!goPath.isEmpty())
            document.insert(QStringLiteral("go_results"), goPath);
        out << QJsonDocument(document).toJson();
        return 0;
    }

    const bool withGo = !goResults.isEmpty();
    out << "SecureCookie and session serializers: wall-clock ns/op as Go reports it and this "
           "thread's CPU ns/op, medians of 3 runs of "
        << runMs << " ms\n";
    QString header = QStringLiteral("%1 %2 %3 %4")
                         .arg(QStringLiteral("operation"), -34)
                         .arg(QStringLiteral("bytes"), 6)
                         .arg(QStringLiteral("ns/op"), 10)
                         .arg(QStringLiteral("cpu ns/op"), 10);
    if (withGo)
        header += QStringLiteral(" %1 %2")
                      .arg(QStringLiteral("Go ns/op"), 10)
                      .arg(QStringLiteral("Go/ours"), 8);
    out << header << "  note\n";
    for (const Row &row : rows) {
        QString line = QStringLiteral("%1 %2 %3 %4")
                           .arg(row.name, -34)
                           .arg(row.bytes, 6)
                           .arg(row.ours.nsPerOp, 10, 'f', 0)
                           .arg(row.ours.cpuNsPerOp, 10, 'f', 0);
        if (withGo) {
            line += row.goNsPerOp
                ? QStringLiteral(" %1 %2")
                      .arg(*row.goNsPerOp, 10, 'f', 0)
                      .arg(QStringLiteral("%1x").arg(*row.goNsPerOp / row.ours.nsPerOp, 0, 'f', 1),
                           8)
                : QStringLiteral(" %1 %2").arg(QStringLiteral("-"), 10).arg(QStringLiteral("-"), 8);
        }
        out << line << "  " << row.note << '\n';
    }
    return 0;
}
