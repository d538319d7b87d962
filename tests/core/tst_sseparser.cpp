#include "protocol/sseparser.h"

#include <QTest>

using namespace BurgerBench;

namespace {

// Events flattened into two parallel lists so QCOMPARE can print what differs.
struct Flat
{
    QByteArrayList names;
    QByteArrayList datas;
};

Flat flatten(const std::vector<SseEvent> &events)
{
    Flat f;
    for (const SseEvent &e : events) {
        f.names.append(e.event);
        f.datas.append(e.data);
    }
    return f;
}

// Feeds `input` cut at the given ascending positions, then finish().
std::vector<SseEvent> parseSplit(const QByteArray &input, const QList<qsizetype> &cuts)
{
    SseParser parser;
    std::vector<SseEvent> events;
    qsizetype from = 0;
    int returned = 0;
    for (qsizetype cut : cuts) {
        returned += parser.feed(QByteArrayView(input).sliced(from, cut - from), &events);
        from = cut;
    }
    returned += parser.feed(QByteArrayView(input).sliced(from), &events);
    returned += parser.finish(&events);
    // The return values must agree with what was appended.
    if (returned != int(events.size()))
        events.push_back(SseEvent { QByteArrayLiteral("<count mismatch>"), {} });
    return events;
}

const QByteArray Bom = QByteArrayLiteral("\xEF\xBB\xBF");

} // namespace

class tst_SseParser : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void splitAtEveryPosition_data() { parse_data(); }
    void splitAtEveryPosition();
    void splitAtEveryPair_data() { parse_data(); }
    void splitAtEveryPair();
    void oneByteAtATime_data() { parse_data(); }
    void oneByteAtATime();
    void utf8SplitAcrossFeeds();
    void pendingBytes();
    void resetDropsPartialEvent();
    void finishReadiesForNextStream();
    void manyEventsManyFeeds();
    // Issue 15: the per-line/per-event cap, enforced as bytes arrive.
    void endlessLineHoldsAtMostTheCap();
    void eventOfManyLinesOverTheCap();
    void underTheCapIsUntouched();
};

void tst_SseParser::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("beforeFinish"); // events out of feed() alone
    QTest::addColumn<QByteArrayList>("names");
    QTest::addColumn<QByteArrayList>("datas");

    const QByteArray chunk1
        = QByteArrayLiteral(R"({"choices":[{"delta":{"role":"assistant","content":""}}]})");
    const QByteArray chunk2 = QByteArrayLiteral(R"({"choices":[{"delta":{"content":"Burger"}}]})");
    const QByteArray chunk3 = QByteArrayLiteral(R"({"choices":[],"usage":{"completion_tokens":1}})");
    const QByteArray errorJson = QByteArrayLiteral(R"({"error":{"message":"boom","code":500}})");

    QTest::newRow("lf line ends") << QByteArrayLiteral("data: hello\n\n") << 1 << QByteArrayList { "" }
                                  << QByteArrayList { "hello" };
    QTest::newRow("crlf line ends") << QByteArrayLiteral("data: hello\r\n\r\n") << 1 << QByteArrayList { "" }
                                    << QByteArrayList { "hello" };
    QTest::newRow("lone cr line ends")
        << QByteArrayLiteral("data: hello\r\r") << 1 << QByteArrayList { "" } << QByteArrayList { "hello" };
    QTest::newRow("mixed line ends in one event")
        << QByteArrayLiteral("data: a\r\ndata: b\rdata: c\n\r\ndata: d\r\n\n") << 2
        << QByteArrayList { "", "" } << QByteArrayList { "a\nb\nc", "d" };
    // CR ends the data line, the second CR is the blank line, and the LF belongs to that CR:
    // it must not count as another blank line (nor break the next event).
    QTest::newRow("cr then crlf is one blank line")
        << QByteArrayLiteral("data: a\r\r\ndata: b\n\n") << 2 << QByteArrayList { "", "" }
        << QByteArrayList { "a", "b" };
    QTest::newRow("data without space")
        << QByteArrayLiteral("data:hello\n\n") << 1 << QByteArrayList { "" } << QByteArrayList { "hello" };
    QTest::newRow("only one leading space stripped")
        << QByteArrayLiteral("data:  two spaces\n\n") << 1 << QByteArrayList { "" }
        << QByteArrayList { " two spaces" };
    QTest::newRow("trailing space kept")
        << QByteArrayLiteral("data: a \n\n") << 1 << QByteArrayList { "" } << QByteArrayList { "a " };
    QTest::newRow("colon inside value kept") << QByteArrayLiteral("data: {\"a\":\"b:c\"}\n\n") << 1
                                             << QByteArrayList { "" } << QByteArrayList { "{\"a\":\"b:c\"}" };
    QTest::newRow("multi-line data joined with lf")
        << QByteArrayLiteral("data: line1\ndata:line2\ndata:\ndata: line4\n\n") << 1 << QByteArrayList { "" }
        << QByteArrayList { "line1\nline2\n\nline4" };
    QTest::newRow("empty data line dispatches empty event")
        << QByteArrayLiteral("data:\n\n") << 1 << QByteArrayList { "" } << QByteArrayList { "" };
    QTest::newRow("comments and pings ignored")
        << QByteArrayLiteral(": ping\n\n:\ndata: x\n: comment inside an event\n\n: ping - 2025\r\n\r\n") << 1
        << QByteArrayList { "" } << QByteArrayList { "x" };
    QTest::newRow("only pings") << QByteArrayLiteral(": ping\n\n: ping\n\n") << 0 << QByteArrayList {}
                                << QByteArrayList {};
    QTest::newRow("empty stream") << QByteArray() << 0 << QByteArrayList {} << QByteArrayList {};
    QTest::newRow("event error") << (QByteArrayLiteral("event: error\ndata: ") + errorJson + "\n\n") << 1
                                 << QByteArrayList { "error" } << QByteArrayList { errorJson };
    QTest::newRow("error payload passes through as data")
        << (QByteArrayLiteral("data: ") + chunk2 + "\n\ndata: " + errorJson + "\n\n") << 2
        << QByteArrayList { "", "" } << QByteArrayList { chunk2, errorJson };
    QTest::newRow("event name reset after dispatch")
        << QByteArrayLiteral("event: foo\ndata: 1\n\ndata: 2\n\n") << 2 << QByteArrayList { "foo", "" }
        << QByteArrayList { "1", "2" };
    QTest::newRow("event without data not dispatched but reset")
        << QByteArrayLiteral("event: foo\n\ndata: 2\n\n") << 1 << QByteArrayList { "" }
        << QByteArrayList { "2" };
    QTest::newRow("last event name wins") << QByteArrayLiteral("event: a\nevent:b\ndata: x\n\n") << 1
                                          << QByteArrayList { "b" } << QByteArrayList { "x" };
    QTest::newRow("many events per feed with done")
        << (QByteArrayLiteral("data: ") + chunk1 + "\n\ndata: " + chunk2 + "\n\ndata: " + chunk3
               + "\n\ndata: [DONE]\n\n")
        << 4 << QByteArrayList { "", "", "", "" } << QByteArrayList { chunk1, chunk2, chunk3, "[DONE]" };
    QTest::newRow("stream ending without done")
        << (QByteArrayLiteral("data: ") + chunk1 + "\n\ndata: " + chunk2 + "\n\n") << 2
        << QByteArrayList { "", "" } << QByteArrayList { chunk1, chunk2 };
    QTest::newRow("last event without blank line flushed by finish") << QByteArrayLiteral(
        "data: a\n\ndata: b\n") << 1 << QByteArrayList { "", "" } << QByteArrayList { "a", "b" };
    QTest::newRow("last line without line end flushed by finish")
        << QByteArrayLiteral("data: a\n\ndata: [DONE]") << 1 << QByteArrayList { "", "" }
        << QByteArrayList { "a", "[DONE]" };
    QTest::newRow("last line ended by cr flushed by finish")
        << QByteArrayLiteral("data: a\r") << 0 << QByteArrayList { "" } << QByteArrayList { "a" };
    QTest::newRow("pending event name without data not flushed")
        << QByteArrayLiteral("data: a\n\nevent: x\n") << 1 << QByteArrayList { "" } << QByteArrayList { "a" };
    QTest::newRow("bom at start dropped")
        << (Bom + "data: a\n\n") << 1 << QByteArrayList { "" } << QByteArrayList { "a" };
    // Only the stream's first bytes may be a BOM; later it is part of a field name ("\uFEFFdata"),
    // an unknown field.
    QTest::newRow("bom later is not dropped") << (QByteArrayLiteral("data: a\n\n") + Bom + "data: b\n\n") << 1
                                              << QByteArrayList { "" } << QByteArrayList { "a" };
    QTest::newRow("bom prefix that is not a bom") << QByteArrayLiteral("\xEF\xBB"
                                                                       "data: a\n\ndata: b\n\n")
                                                  << 1 << QByteArrayList { "" } << QByteArrayList { "b" };
    QTest::newRow("field without colon is name with empty value")
        << QByteArrayLiteral("data\n\nevent\ndata: x\n\n") << 2 << QByteArrayList { "", "" }
        << QByteArrayList { "", "x" };
    QTest::newRow("unknown field without colon ignored")
        << QByteArrayLiteral("foo\ndata: x\n\n") << 1 << QByteArrayList { "" } << QByteArrayList { "x" };
    QTest::newRow("id and retry ignored") << QByteArrayLiteral("id: 7\nretry: 1000\ndata: x\nid\n\n") << 1
                                          << QByteArrayList { "" } << QByteArrayList { "x" };
    QTest::newRow("field names are case sensitive") << QByteArrayLiteral("Data: x\nDATA: y\ndata: z\n\n") << 1
                                                    << QByteArrayList { "" } << QByteArrayList { "z" };
    QTest::newRow("nul byte kept") << QByteArray("data: a\0b\n\n", 11) << 1 << QByteArrayList { "" }
                                   << QByteArrayList { QByteArray("a\0b", 3) };
    QTest::newRow("raw utf-8 kept") << QByteArrayLiteral("data: h\xC3\xA9llo \xF0\x9F\x8D\x94\n\n") << 1
                                    << QByteArrayList { "" }
                                    << QByteArrayList { "h\xC3\xA9llo \xF0\x9F\x8D\x94" };
}

void tst_SseParser::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(int, beforeFinish);
    QFETCH(QByteArrayList, names);
    QFETCH(QByteArrayList, datas);

    SseParser parser;
    std::vector<SseEvent> events;
    QCOMPARE(parser.feed(input, &events), beforeFinish);
    QCOMPARE(int(events.size()), beforeFinish);
    QCOMPARE(parser.finish(&events), int(names.size()) - beforeFinish);
    const Flat got = flatten(events);
    QCOMPARE(got.names, names);
    QCOMPARE(got.datas, datas);
    QCOMPARE(parser.pendingBytes(), qsizetype(0));
}

void tst_SseParser::splitAtEveryPosition()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArrayList, names);
    QFETCH(QByteArrayList, datas);

    for (qsizetype cut = 0; cut <= input.size(); ++cut) {
        const Flat got = flatten(parseSplit(input, { cut }));
        if (got.names != names || got.datas != datas)
            qWarning() << "split at" << cut;
        QCOMPARE(got.names, names);
        QCOMPARE(got.datas, datas);
    }
}

void tst_SseParser::splitAtEveryPair()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArrayList, names);
    QFETCH(QByteArrayList, datas);

    // Three feeds: catches state carried across two boundaries (a CR at the end of one feed,
    // an empty middle feed, then the LF).
    for (qsizetype a = 0; a <= input.size(); ++a) {
        for (qsizetype b = a; b <= input.size(); ++b) {
            const Flat got = flatten(parseSplit(input, { a, b }));
            if (got.names != names || got.datas != datas)
                qWarning() << "split at" << a << b;
            QCOMPARE(got.names, names);
            QCOMPARE(got.datas, datas);
        }
    }
}

void tst_SseParser::oneByteAtATime()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArrayList, names);
    QFETCH(QByteArrayList, datas);

    QList<qsizetype> cuts;
    for (qsizetype i = 1; i < input.size(); ++i)
        cuts.append(i);
    const Flat got = flatten(parseSplit(input, cuts));
    QCOMPARE(got.names, names);
    QCOMPARE(got.datas, datas);
}

void tst_SseParser::utf8SplitAcrossFeeds()
{
    const QString text = QStringLiteral("h\u00e9llo \u043c\u0438\u0440 \U0001F354!");
    const QByteArray input = "data: " + text.toUtf8() + "\n\n";
    for (qsizetype cut = 0; cut <= input.size(); ++cut) {
        const std::vector<SseEvent> events = parseSplit(input, { cut });
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE(QString::fromUtf8(events.front().data), text);
    }
}

void tst_SseParser::pendingBytes()
{
    SseParser parser;
    std::vector<SseEvent> events;
    QCOMPARE(parser.feed("data: abc", &events), 0);
    QCOMPARE(parser.pendingBytes(), qsizetype(9));
    QCOMPARE(parser.feed("def", &events), 0);
    QCOMPARE(parser.pendingBytes(), qsizetype(12));
    QCOMPARE(parser.feed("\n", &events), 0);
    QCOMPARE(parser.pendingBytes(), qsizetype(0));
    QCOMPARE(parser.feed("\ndata: x", &events), 1);
    QCOMPARE(parser.pendingBytes(), qsizetype(7));
    QCOMPARE(events.front().data, QByteArray("abcdef"));
}

void tst_SseParser::resetDropsPartialEvent()
{
    SseParser parser;
    std::vector<SseEvent> events;
    parser.feed("event: error\ndata: half", &events);
    parser.reset();
    QCOMPARE(parser.pendingBytes(), qsizetype(0));
    QCOMPARE(parser.feed("data: fresh\n\n", &events), 1);
    QCOMPARE(parser.finish(&events), 0);
    QCOMPARE(events.size(), std::size_t(1));
    QCOMPARE(events.front().event, QByteArray());
    QCOMPARE(events.front().data, QByteArray("fresh"));
}

void tst_SseParser::finishReadiesForNextStream()
{
    // One parser per connection is reused across retries: after finish() the next stream starts
    // clean, and a BOM at its start is dropped again.
    SseParser parser;
    std::vector<SseEvent> events;
    parser.feed("data: one\r", &events);
    QCOMPARE(parser.finish(&events), 1);
    QCOMPARE(parser.feed(QByteArray(Bom + "\ndata: two\n\n"), &events), 1);
    QCOMPARE(events.size(), std::size_t(2));
    QCOMPARE(events.at(0).data, QByteArray("one"));
    QCOMPARE(events.at(1).data, QByteArray("two"));
}

void tst_SseParser::manyEventsManyFeeds()
{
    // 20 000 events in odd-sized feeds, with a long unterminated line held across many feeds
    // in the middle: everything comes out, in order.
    QByteArray input;
    const int n = 20000;
    for (int i = 0; i < n; ++i) {
        input += "data: {\"i\":" + QByteArray::number(i) + "}\r\n\r\n";
        if (i == n / 2)
            input += ": " + QByteArray(100000, 'x') + "\n";
    }
    SseParser parser;
    std::vector<SseEvent> events;
    for (qsizetype from = 0; from < input.size(); from += 7)
        parser.feed(QByteArrayView(input).sliced(from, qMin<qsizetype>(7, input.size() - from)), &events);
    parser.finish(&events);
    QCOMPARE(events.size(), std::size_t(n));
    for (int i = 0; i < n; i += 997)
        QCOMPARE(events.at(i).data, "{\"i\":" + QByteArray::number(i) + "}");
    QCOMPARE(events.back().data, "{\"i\":" + QByteArray::number(n - 1) + "}");
}

void tst_SseParser::endlessLineHoldsAtMostTheCap()
{
    constexpr qsizetype Cap = 4096;
    SseParser p;
    p.setMaxEventBytes(Cap);
    std::vector<SseEvent> events;
    QCOMPARE(p.feed("data: {\"a\":1}\n\n", &events), 1); // a whole event first, kept
    const QByteArray piece(1000, 'x');
    QVERIFY(p.feed("data: ", &events) == 0);
    qsizetype most = 0;
    int feeds = 0;
    while (!p.overflowed() && feeds < 100) {
        p.feed(piece, &events);
        most = std::max(most, p.heldBytes());
        ++feeds;
    }
    QVERIFY(p.overflowed());
    QCOMPARE(feeds, 5); // 6 + 5000 bytes: the fifth feed crosses 4096
    QVERIFY2(most <= Cap, qPrintable(QString::number(most)));
    QCOMPARE(p.heldBytes(), 0); // what it held is dropped
    // Nothing more is read, even a line end and a good event.
    QCOMPARE(p.feed("\n\ndata: {\"b\":2}\n\n", &events), 0);
    QCOMPARE(p.heldBytes(), 0);
    QCOMPARE(p.finish(&events), 0);
    QCOMPARE(events.size(), size_t(1));
    // reset() (the next attempt) reads again, with the same cap.
    p.reset();
    QVERIFY(!p.overflowed());
    QCOMPARE(p.feed("data: ok\n\n", &events), 1);
    QCOMPARE(p.feed(QByteArray(Cap + 1, 'y'), &events), 0);
    QVERIFY(p.overflowed());
}

void tst_SseParser::eventOfManyLinesOverTheCap()
{
    // Each line short, the event's data joined past the cap.
    SseParser p;
    p.setMaxEventBytes(2048);
    std::vector<SseEvent> events;
    const QByteArray line = "data: " + QByteArray(500, 'z') + "\n";
    p.feed(QByteArray(line + line + line + line), &events);
    QVERIFY(!p.overflowed());
    QVERIFY(p.heldBytes() <= 2048);
    p.feed(line, &events);
    QVERIFY(p.overflowed());
    QCOMPARE(p.heldBytes(), 0);
    QVERIFY(events.empty());
}

void tst_SseParser::underTheCapIsUntouched()
{
    // An event just under the cap, and no cap at all, parse as before.
    const QByteArray big(4000, 'q');
    for (qsizetype cap : { qsizetype(4096), qsizetype(0) }) {
        SseParser p;
        p.setMaxEventBytes(cap);
        std::vector<SseEvent> events;
        QCOMPARE(p.feed(QByteArray("data: " + big + "\n\n"), &events), 1);
        QVERIFY(!p.overflowed());
        QCOMPARE(events.front().data, big);
    }
    SseParser uncapped;
    std::vector<SseEvent> events;
    uncapped.feed(QByteArray("data: " + QByteArray(100000, 'w')), &events);
    QVERIFY(!uncapped.overflowed());
    QCOMPARE(uncapped.heldBytes(), 100006);
}

QTEST_GUILESS_MAIN(tst_SseParser)
#include "tst_sseparser.moc"
