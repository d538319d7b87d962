// The Perfetto protobuf trace (report/perfettotrace.h, issue 19 item 7), read back with a standard
// decoder, `protoc --decode_raw` (Debian's protobuf-compiler), and set against the Chrome JSON
// trace of the same run: the same slices (name and time, to the ns) and instants, the same number
// of counter values, names interned once per sequence, timestamps that add up from their deltas,
// and at least 5x fewer bytes.
#include "report/chrometrace.h"
#include "report/jsonreport.h"
#include "report/perfettotrace.h"
#include "reportfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>
#include <memory>
#include <set>

using namespace BurgerBench;

namespace {

// protoc --decode_raw's text: "N: value" and "N { ... }" lines.
struct Node
{
    struct Field
    {
        int number = 0;
        QByteArray value; // scalar as printed (strings unquoted)
        bool quoted = false;
        std::shared_ptr<Node> child;
    };
    // The bytes this node was decoded from. decode_raw prints a length-delimited field as a
    // message whenever its bytes happen to parse as one ("in_flight" reads as field 13, a fixed64;
    // "model" as a fixed32), so a string field is read back through this.
    QByteArray encode() const
    {
        QByteArray out;
        auto varint = [&out](quint64 v) {
            do {
                out += char((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
                v >>= 7;
            } while (v);
        };
        for (const Field &f : fields) {
            if (f.child || f.quoted) {
                const QByteArray inner = f.child ? f.child->encode() : f.value;
                varint(quint64(f.number) << 3 | 2);
                varint(quint64(inner.size()));
                out += inner;
            } else if (f.value.startsWith("0x")) {
                const int bytes = f.value.size() == 10 ? 4 : 8;
                varint(quint64(f.number) << 3 | (bytes == 4 ? 5 : 1));
                quint64 v = f.value.mid(2).toULongLong(nullptr, 16);
                for (int i = 0; i < bytes; ++i, v >>= 8)
                    out += char(v & 0xff);
            } else {
                varint(quint64(f.number) << 3);
                varint(f.value.toULongLong());
            }
        }
        return out;
    }
    // A string field, whichever way decode_raw printed it.
    QByteArray string(int number) const
    {
        const Field *f = first(number);
        if (!f)
            return QByteArray();
        return f->child ? f->child->encode() : f->value;
    }
    std::vector<Field> fields;

    const Field *first(int number) const
    {
        for (const Field &f : fields)
            if (f.number == number)
                return &f;
        return nullptr;
    }
    std::vector<const Field *> all(int number) const
    {
        std::vector<const Field *> out;
        for (const Field &f : fields)
            if (f.number == number)
                out.push_back(&f);
        return out;
    }
    qint64 integer(int number, qint64 fallback = -1) const
    {
        const Field *f = first(number);
        return f && !f->child ? f->value.toLongLong() : fallback;
    }
    const Node *message(int number) const
    {
        const Field *f = first(number);
        return f ? f->child.get() : nullptr;
    }
};

QByteArray unquote(const QByteArray &quoted)
{
    // C escapes as protoc prints them: \n, \", \\, octal \ooo.
    QByteArray out;
    for (qsizetype i = 1; i + 1 < quoted.size(); ++i) {
        char c = quoted[i];
        if (c == '\\' && i + 2 < quoted.size()) {
            const char n = quoted[++i];
            if (n >= '0' && n <= '7') {
                int v = n - '0';
                for (int k = 0;
                     k < 2 && i + 1 < quoted.size() - 1 && quoted[i + 1] >= '0' && quoted[i + 1] <= '7'; ++k)
                    v = v * 8 + (quoted[++i] - '0');
                c = char(v);
            } else {
                c = n == 'n' ? '\n' : n == 't' ? '\t' : n == 'r' ? '\r' : n;
            }
        }
        out += c;
    }
    return out;
}

bool parseDecodeRaw(const QByteArray &text, Node *root, QString *error)
{
    std::vector<Node *> stack { root };
    int lineNo = 0;
    for (const QByteArray &raw : text.split('\n')) {
        ++lineNo;
        const QByteArray line = raw.trimmed();
        if (line.isEmpty())
            continue;
        if (line == "}") {
            if (stack.size() < 2) {
                *error = QStringLiteral("line %1: unbalanced }").arg(lineNo);
                return false;
            }
            stack.pop_back();
            continue;
        }
        Node::Field f;
        if (line.endsWith('{')) {
            f.number = line.left(line.size() - 1).trimmed().toInt();
            f.child = std::make_shared<Node>();
            stack.back()->fields.push_back(f);
            stack.push_back(stack.back()->fields.back().child.get());
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon < 0) {
            *error = QStringLiteral("line %1: %2").arg(lineNo).arg(QString::fromUtf8(line));
            return false;
        }
        f.number = line.left(colon).toInt();
        QByteArray v = line.mid(colon + 1).trimmed();
        if (v.startsWith('"')) {
            v = unquote(v);
            f.quoted = true;
        }
        f.value = v;
        stack.back()->fields.push_back(f);
    }
    if (stack.size() != 1) {
        *error = QStringLiteral("unbalanced {");
        return false;
    }
    return true;
}

struct Decoded
{
    int packets = 0;
    int eventPackets = 0;
    int sequences = 0;
    std::multiset<std::pair<QString, qint64>> begins; // (name, absolute ns)
    std::multiset<std::pair<QString, qint64>> instants;
    int ends = 0;
    int counters = 0;
    int processes = 0;
    int threads = 0;
    std::set<QString> trackNames;
};

// Reads the decoded packets as a trace processor would, checking the rules on the way.
bool readTrace(const Node &root, Decoded *out, QString *error)
{
    struct SequenceState
    {
        bool cleared = false;
        qint64 clockId = -1;
        bool incremental = false;
        qint64 now = 0;
        int depth = 0;
        std::map<qint64, QString> names, categories, annotationNames;
    };
    std::map<qint64, SequenceState> sequences;
    auto fail = [&](const QString &why) {
        *error = QStringLiteral("packet %1: %2").arg(out->packets).arg(why);
        return false;
    };
    auto internInto = [&](std::map<qint64, QString> &table, const Node *interned, int field) -> bool {
        for (const Node::Field *entry : interned->all(field)) {
            const qint64 iid = entry->child->integer(1);
            const QString name = QString::fromUtf8(entry->child->string(2));
            if (iid <= 0 || table.count(iid))
                return fail(QStringLiteral("iid %1 given twice or invalid").arg(iid));
            for (const auto &[other, known] : table)
                if (known == name)
                    return fail(QStringLiteral("\"%1\" interned twice on one sequence").arg(name));
            table[iid] = name;
        }
        return true;
    };
    for (const Node::Field &top : root.fields) {
        if (top.number != 1 || !top.child)
            return fail(QStringLiteral("a Trace holds only field 1 (packet) messages"));
        ++out->packets;
        const Node &p = *top.child;
        if (const Node *d = p.message(60)) { // track_descriptor
            if (d->integer(1) <= 0)
                return fail(QStringLiteral("track without uuid"));
            if (d->message(3))
                ++out->processes;
            if (const Node *thread = d->message(4)) {
                ++out->threads;
                out->trackNames.insert(QString::fromUtf8(thread->string(5)));
            }
            if (d->first(2))
                out->trackNames.insert(QString::fromUtf8(d->string(2)));
        }
        const qint64 seq = p.integer(10);
        const qint64 flags = p.integer(13, 0);
        if (seq < 0) {
            if (p.message(11))
                return fail(QStringLiteral("track event outside a sequence"));
            continue;
        }
        SequenceState &s = sequences[seq];
        if (flags & 1) {
            if (s.cleared)
                return fail(QStringLiteral("incremental state cleared twice"));
            s.cleared = true;
            ++out->sequences;
            const Node *defaults = p.message(59);
            if (!defaults || defaults->integer(58) != 64 || !defaults->message(11)
                || defaults->message(11)->integer(11) <= 0)
                return fail(QStringLiteral("first packet without the defaults (clock 64, track uuid)"));
            s.clockId = 64;
            const Node *snapshot = p.message(6);
            if (!snapshot)
                return fail(QStringLiteral("no clock snapshot"));
            for (const Node::Field *clock : snapshot->all(1))
                if (clock->child->integer(1) == 64 && clock->child->integer(3) == 1) {
                    s.incremental = true;
                    s.now = clock->child->integer(2);
                }
            if (!s.incremental)
                return fail(QStringLiteral("clock 64 is not incremental"));
        }
        if (const Node *interned = p.message(12)) {
            if (!internInto(s.names, interned, 2) || !internInto(s.categories, interned, 1)
                || !internInto(s.annotationNames, interned, 3))
                return false;
        }
        const Node *e = p.message(11);
        if (!e)
            continue;
        ++out->eventPackets;
        if (!s.cleared)
            return fail(QStringLiteral("event before its sequence cleared incremental state"));
        const qint64 delta = p.integer(8);
        if (delta < 0)
            return fail(QStringLiteral("event without timestamp"));
        s.now += delta;
        const qint64 type = e->integer(9);
        QString name;
        if (const qint64 iid = e->integer(10); iid >= 0) {
            if (!s.names.count(iid))
                return fail(QStringLiteral("name iid %1 used before it was interned").arg(iid));
            name = s.names[iid];
        }
        for (const Node::Field *c : e->all(3))
            if (!s.categories.count(c->value.toLongLong()))
                return fail(QStringLiteral("category iid used before it was interned"));
        for (const Node::Field *a : e->all(4))
            if (!s.annotationNames.count(a->child->integer(1)))
                return fail(QStringLiteral("annotation name iid used before it was interned"));
        switch (type) {
        case 1:
            ++s.depth;
            out->begins.insert({ name, s.now });
            break;
        case 2:
            if (--s.depth < 0)
                return fail(QStringLiteral("slice end without a begin"));
            ++out->ends;
            break;
        case 3:
            out->instants.insert({ name, s.now });
            break;
        case 4:
            if (!e->first(30) && !e->first(44))
                return fail(QStringLiteral("counter without a value"));
            ++out->counters;
            break;
        default:
            return fail(QStringLiteral("event type %1").arg(type));
        }
    }
    for (const auto &[id, s] : sequences)
        if (s.depth != 0) {
            *error = QStringLiteral("sequence %1 ends with %2 open slices").arg(id).arg(s.depth);
            return false;
        }
    return true;
}

qint64 usToNs(const QJsonValue &v)
{
    return std::llround(v.toDouble() * 1000.0);
}

struct JsonCounts
{
    std::multiset<std::pair<QString, qint64>> begins;
    std::multiset<std::pair<QString, qint64>> instants;
    int ends = 0;
    int counters = 0;
    int processes = 0;
};

JsonCounts readJson(const QByteArray &json)
{
    JsonCounts c;
    const QJsonArray events
        = QJsonDocument::fromJson(json).object().value(QStringLiteral("traceEvents")).toArray();
    for (const auto &v : events) {
        const QJsonObject e = v.toObject();
        const QString ph = e.value(QStringLiteral("ph")).toString();
        const QString name = e.value(QStringLiteral("name")).toString();
        if (ph == QLatin1String("b")) {
            c.begins.insert({ name, usToNs(e.value(QStringLiteral("ts"))) });
        } else if (ph == QLatin1String("X")) {
            c.begins.insert({ name, usToNs(e.value(QStringLiteral("ts"))) });
            ++c.ends;
        } else if (ph == QLatin1String("e")) {
            ++c.ends;
        } else if (ph == QLatin1String("n")) {
            c.instants.insert({ name, usToNs(e.value(QStringLiteral("ts"))) });
        } else if (ph == QLatin1String("C")) {
            ++c.counters;
        } else if (ph == QLatin1String("M") && name == QLatin1String("process_name")) {
            ++c.processes;
        }
    }
    return c;
}

} // namespace

class TestPerfettoTrace : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sameAsTheJsonTrace_data();
    void sameAsTheJsonTrace();
    void cliRunIsFiveTimesSmaller();
    void secretsStayOut();

private:
    bool decode(const QByteArray &pftrace, Node *root, QString *error);
    void compareWithJson(const QList<ChromeTrace::Run> &runs, const QByteArray &pftrace, Decoded *decoded);
    QString m_protoc;
    QTemporaryDir m_dir;
};

void TestPerfettoTrace::initTestCase()
{
    m_protoc = QStandardPaths::findExecutable(QStringLiteral("protoc"));
    QVERIFY2(!m_protoc.isEmpty(),
        "protoc is not on PATH (apt-get install protobuf-compiler; scripts/setup.sh does)");
    QVERIFY(m_dir.isValid());
}

bool TestPerfettoTrace::decode(const QByteArray &pftrace, Node *root, QString *error)
{
    QProcess p;
    p.start(m_protoc, { QStringLiteral("--decode_raw") });
    p.write(pftrace);
    p.closeWriteChannel();
    if (!p.waitForFinished(120'000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("protoc --decode_raw failed: ") + QString::fromUtf8(p.readAllStandardError());
        return false;
    }
    return parseDecodeRaw(p.readAllStandardOutput(), root, error);
}

void TestPerfettoTrace::compareWithJson(
    const QList<ChromeTrace::Run> &runs, const QByteArray &pftrace, Decoded *d)
{
    Node root;
    QString error;
    QVERIFY2(decode(pftrace, &root, &error), qPrintable(error));
    QVERIFY2(readTrace(root, d, &error), qPrintable(error));
    const JsonCounts json = readJson(ChromeTrace::toBytes(runs));
    QCOMPARE(d->processes, json.processes);
    QCOMPARE(d->processes, int(runs.size()));
    // Every slice of the JSON trace, by name and start to the ns; every instant; as many ends and
    // counter values. The packets: the process descriptors, two heading each sequence, the events.
    QCOMPARE(d->begins.size(), json.begins.size());
    QVERIFY(d->begins == json.begins);
    QVERIFY(d->instants == json.instants);
    QCOMPARE(d->ends, json.ends);
    QCOMPARE(d->counters, json.counters);
    QCOMPARE(d->eventPackets, int(json.begins.size() + json.instants.size()) + json.ends + json.counters);
    QCOMPARE(d->packets, d->processes + 2 * d->sequences + d->eventPackets);
    QVERIFY(d->trackNames.count(QStringLiteral("event loop (cashier)")));
    QVERIFY(d->trackNames.count(QStringLiteral("in_flight")));
    QVERIFY(d->trackNames.count(QStringLiteral("tokens_per_s")));
}

void TestPerfettoTrace::sameAsTheJsonTrace_data()
{
    QTest::addColumn<int>("runs");
    QTest::newRow("fixture: retries, failures, warm-up, worker tasks") << 1;
    QTest::newRow("two runs side by side") << 2;
}

void TestPerfettoTrace::sameAsTheJsonTrace()
{
    QFETCH(int, runs);
    const RunTrace a = Fixture::sampleTrace(24);
    const RunTrace b = Fixture::sampleTrace(9, 0, 7);
    QList<ChromeTrace::Run> list { { &a, QString() } };
    if (runs == 2)
        list.append({ &b, QString() });
    const QByteArray pftrace = PerfettoTrace::toBytes(list);
    Decoded d;
    compareWithJson(list, pftrace, &d);
    if (QTest::currentTestFailed())
        return;
    // One "request" slice a request (the fixture's all became eligible), its phases inside.
    qsizetype requests = qsizetype(a.requests.size()) + (runs == 2 ? qsizetype(b.requests.size()) : 0);
    QCOMPARE(qsizetype(std::count_if(d.begins.begin(), d.begins.end(),
                 [](const auto &x) { return x.first == QLatin1String("request"); })),
        requests);
    QVERIFY(d.trackNames.count(QStringLiteral("lane 0")));
    // Deterministic: the same bytes twice.
    QCOMPARE(PerfettoTrace::toBytes(list), pftrace);
}

void TestPerfettoTrace::cliRunIsFiveTimesSmaller()
{
    // A real run against the built-in simulator: engine lanes, the event loop's spans, tokens.
    const QString cli = qEnvironmentVariable("BURGERBENCH_BIN") + QStringLiteral("/burgerbench-cli");
    QVERIFY2(QFile::exists(cli), qPrintable(QStringLiteral("no CLI at %1 (BURGERBENCH_BIN)").arg(cli)));
    const QString json = m_dir.filePath(QStringLiteral("run.json"));
    const QString pftrace = m_dir.filePath(QStringLiteral("run.pftrace"));
    const QString jsonTrace = m_dir.filePath(QStringLiteral("run.trace.json"));
    QProcess run;
    run.start(cli,
        { QStringLiteral("run"), QStringLiteral("--requests"), QStringLiteral("300"),
            QStringLiteral("--concurrency"), QStringLiteral("16"), QStringLiteral("--sim-ttft-ms"),
            QStringLiteral("5"), QStringLiteral("--sim-token-interval-ms"), QStringLiteral("1"),
            QStringLiteral("--sim-output-tokens"), QStringLiteral("48"), QStringLiteral("--json"), json,
            QStringLiteral("--progress"), QStringLiteral("off") });
    QVERIFY(run.waitForFinished(120'000));
    QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
    for (const QString &out : { pftrace, jsonTrace }) {
        QProcess report;
        report.start(cli, { QStringLiteral("report"), json, QStringLiteral("--trace"), out });
        QVERIFY(report.waitForFinished(120'000));
        QVERIFY2(report.exitCode() == 0, report.readAllStandardError().constData());
    }
    QFile pf(pftrace);
    QVERIFY(pf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pf.readAll();
    QFile jf(jsonTrace);
    QVERIFY(jf.open(QIODevice::ReadOnly));
    const QByteArray jsonBytes = jf.readAll();
    QVERIFY2(jsonBytes.startsWith("{\"displayTimeUnit\""), "a .json --trace stays the Chrome JSON trace");

    RunTrace trace;
    QString error;
    QVERIFY2(JsonReport::read(json, &trace, &error), qPrintable(error));
    QCOMPARE(bytes, PerfettoTrace::toBytes(trace)); // what the CLI wrote
    QCOMPARE(jsonBytes, ChromeTrace::toBytes(trace));
    Decoded d;
    compareWithJson({ { &trace, QString() } }, bytes, &d);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(qsizetype(std::count_if(d.begins.begin(), d.begins.end(),
                 [](const auto &x) { return x.first == QLatin1String("request"); })),
        qsizetype(300));
    QCOMPARE(d.instants.size(), size_t(300 * 48)); // a "token" instant per token event
    QVERIFY(std::count_if(d.begins.begin(), d.begins.end(), [](const auto &x) {
        return x.first == QLatin1String("loop busy");
    }) > 0); // the event loop's spans
    const double ratio = double(jsonBytes.size()) / double(bytes.size());
    qInfo("JSON trace %lld B, protobuf %lld B: %.2fx smaller", qlonglong(jsonBytes.size()),
        qlonglong(bytes.size()), ratio);
    QVERIFY2(ratio >= 5.0, qPrintable(QStringLiteral("only %1x smaller").arg(ratio)));

    // The JSON trace of the same run still passes the shared checker.
    const QString source = qEnvironmentVariable("BURGERBENCH_SOURCE");
    const QString checker = QDir(source).absoluteFilePath(QStringLiteral("../shared/tools/check_trace.py"));
    QVERIFY2(!source.isEmpty() && QFileInfo::exists(checker),
        qPrintable(QStringLiteral("no checker at ") + checker));
    QProcess check;
    check.start(QStandardPaths::findExecutable(QStringLiteral("python3")), { checker, jsonTrace });
    QVERIFY(check.waitForFinished(120'000));
    QVERIFY2(check.exitCode() == 0,
        QByteArray(check.readAllStandardOutput() + check.readAllStandardError()).constData());
}

void TestPerfettoTrace::secretsStayOut()
{
    RunTrace t = Fixture::sampleTrace(4);
    t.scenario.apiKeyEnv = QStringLiteral("BB_TEST_SECRET");
    qputenv("BB_TEST_SECRET", "sk-very-secret-123456");
    t.requests[2].errorMessage = QStringLiteral("401 for key sk-very-secret-123456");
    t.requests[2].error = ErrorKind::Http;
    t.requests[2].outcome = Outcome::Failed;
    const QByteArray bytes = PerfettoTrace::toBytes(t);
    qunsetenv("BB_TEST_SECRET");
    QVERIFY(!bytes.contains("sk-very-secret-123456"));
    QVERIFY(bytes.contains("401 for key"));
}

QTEST_GUILESS_MAIN(TestPerfettoTrace)
#include "tst_perfettotrace.moc"
