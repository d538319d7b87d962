// The streamed reader of large JSON documents (report/jsonscan.h): what it walks must be what a
// whole-document parse sees, and whatever breaks the structure is an error naming its byte.
#include "report/jsonscan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>

using namespace BurgerBench;

namespace {

const QStringList streamed { QStringLiteral("requests"), QStringLiteral("loop_busy") };

QJsonArray walked(JsonScan &scan, const QString &key)
{
    QJsonArray out;
    const bool ok = scan.forEach(key, [&out](qsizetype i, const QJsonValue &v) {
        if (i != out.size())
            return false;
        out.append(v);
        return true;
    });
    return ok ? out : QJsonArray { QJsonValue(QStringLiteral("walk failed: ") + scan.error()) };
}

} // namespace

class tst_JsonScan : public QObject
{
    Q_OBJECT
private slots:
    void seesWhatTheParserSees_data();
    void seesWhatTheParserSees();
    void brokenDocumentsNameTheByte_data();
    void brokenDocumentsNameTheByte();
    void visitorStopsTheWalk();
};

void tst_JsonScan::seesWhatTheParserSees_data()
{
    QTest::addColumn<QByteArray>("json");
    const QJsonObject doc {
        { QStringLiteral("schema"), QStringLiteral("burgerbench.run/1") },
        { QStringLiteral("meta"),
            QJsonObject { { QStringLiteral("note"), QStringLiteral("a \"quoted\" ] } [ {") } } },
        { QStringLiteral("requests"),
            QJsonArray { QJsonObject { { QStringLiteral("text"), QStringLiteral("}]\\\",") },
                             { QStringLiteral("n"), 1 } },
                QJsonObject { { QStringLiteral("tokens"), QJsonArray { 1, 2, 3 } } }, QJsonObject {} } },
        { QStringLiteral("loop_busy"), QJsonArray { QJsonArray { 1, 2 }, QJsonArray { 3, 4 } } },
        { QStringLiteral("count"), 42 },
        { QStringLiteral("flag"), true },
        { QStringLiteral("nothing"), QJsonValue::Null },
    };
    QTest::newRow("compact") << QJsonDocument(doc).toJson(QJsonDocument::Compact);
    QTest::newRow("indented") << QJsonDocument(doc).toJson(QJsonDocument::Indented);
    QTest::newRow("one element a line, CRLF and tabs") << QByteArray(
        "{\t\"schema\" :\"burgerbench.run/1\",\r\n \"requests\":[\r\n{\"n\":1},\r\n\t{\"n\":2}\r\n],"
        "\"loop_busy\" : [ ] , \"count\":-1.5e3}\r\n");
    QTest::newRow("escaped member name") << QByteArray(R"({"re\u0071uests":[{"n":1}],"k\"ey":"v"})");
    QTest::newRow("a streamed name that is not an array stays in the head")
        << QByteArray(R"({"requests":{"n":1},"loop_busy":7})");
    QTest::newRow("empty object") << QByteArray("  {  }  ");
}

void tst_JsonScan::seesWhatTheParserSees()
{
    QFETCH(QByteArray, json);
    QJsonParseError parseError;
    const QJsonObject whole = QJsonDocument::fromJson(json, &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);

    JsonScan scan(json, streamed);
    QVERIFY2(scan.ok(), qPrintable(scan.error()));
    for (const QString &key : whole.keys()) {
        QVERIFY2(scan.has(key), qPrintable(key));
        const QJsonValue value = whole.value(key);
        const bool isStreamed = streamed.contains(key) && value.isArray();
        QCOMPARE(scan.isStreamed(key), isStreamed);
        if (isStreamed) {
            QVERIFY2(!scan.head().contains(key), qPrintable(key));
            QCOMPARE(scan.count(key), value.toArray().size());
            QCOMPARE(walked(scan, key), value.toArray());
        } else {
            QCOMPARE(scan.head().value(key), value);
        }
    }
    const auto streamedHere = std::count_if(
        streamed.begin(), streamed.end(), [&scan](const QString &k) { return scan.isStreamed(k); });
    QCOMPARE(scan.head().size() + int(streamedHere), whole.size());
}

void tst_JsonScan::brokenDocumentsNameTheByte_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error"); // the scan's error, or the walk's when the scan is fine
    QTest::newRow("empty") << QByteArray() << QStringLiteral("at byte 0: no document");
    QTest::newRow("array at the top")
        << QByteArray("[1]") << QStringLiteral("at byte 0: the top level is not an object");
    QTest::newRow("cut off in a string")
        << QByteArray(R"({"requests":[{"a":"abc)") << QStringLiteral("at byte 12: a value is cut off");
    QTest::newRow("cut off after a member")
        << QByteArray(R"({"a":1,)") << QStringLiteral("at byte 7: expected a member name");
    QTest::newRow("no comma between elements")
        << QByteArray(R"({"requests":[{"n":1} {"n":2}]})")
        << QStringLiteral("at byte 21: expected ',' or ']' after an array element");
    QTest::newRow("no colon") << QByteArray(R"({"a" 1})")
                              << QStringLiteral("at byte 5: expected ':' after a member name");
    QTest::newRow("garbage after the end")
        << QByteArray(R"({"a":1} x)") << QStringLiteral("at byte 8: garbage after the document");
    QTest::newRow("a broken head value")
        << QByteArray(R"({"a":[1,,2],"requests":[]})") << QStringLiteral("at byte 9: illegal value");
    QTest::newRow("a broken element, found by the walk")
        << QByteArray(R"({"requests":[{"n":1},{"n":}]})") << QStringLiteral("walk: at byte 27:");
    QTest::newRow("mismatched brackets in an element")
        << QByteArray(R"({"requests":[{"n":[1}]]})") << QStringLiteral("walk: at byte");
}

void tst_JsonScan::brokenDocumentsNameTheByte()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    JsonScan scan(json, streamed);
    if (!error.startsWith(QLatin1String("walk: "))) {
        QVERIFY(!scan.ok());
        QVERIFY2(scan.error().startsWith(error), qPrintable(scan.error()));
        return;
    }
    QVERIFY2(scan.ok(), qPrintable(scan.error()));
    QVERIFY(!scan.forEach(QStringLiteral("requests"), [](qsizetype, const QJsonValue &) { return true; }));
    QVERIFY2(scan.error().startsWith(error.mid(6)), qPrintable(scan.error()));
}

void tst_JsonScan::visitorStopsTheWalk()
{
    const QByteArray json(R"({"requests":[1,2,3,4]})");
    JsonScan scan(json, streamed);
    QVERIFY(scan.ok());
    QCOMPARE(scan.count(QStringLiteral("requests")), 4);
    QList<double> seen;
    QVERIFY(!scan.forEach(QStringLiteral("requests"), [&seen](qsizetype, const QJsonValue &v) {
        seen.append(v.toDouble());
        return seen.size() < 2;
    }));
    QCOMPARE(seen, (QList<double> { 1, 2 }));
    QVERIFY(scan.ok()); // the visitor's reason, not a broken document
}

QTEST_GUILESS_MAIN(tst_JsonScan)
#include "tst_jsonscan.moc"
