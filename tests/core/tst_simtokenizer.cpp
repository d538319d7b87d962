#include "sim/simtokenizer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace BurgerBench;

namespace {

QJsonArray parseArray(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).array();
}

// A paragraph of ordinary English prose.
const char *const Prose
    = "A load test of an LLM service sends requests the way its users do: some short, some long, "
      "many of them starting with the same instructions, and most of them arriving while others are "
      "still being answered. The time to the first token depends on how long the prompt is, on how "
      "much of it the server has already seen and kept in its cache, and on how many other requests "
      "share the batch. A benchmark that sends one prompt with one length measures something nobody "
      "runs in production, however exactly it is timed. This is why the simulator counts tokens as "
      "a real tokenizer would, and not in words: a client that wants a prompt of a given length has "
      "to ask the server how it counts, or learn it from the usage the server reports. Nothing here "
      "is clever, but everything is deterministic, so the same text always gives the same tokens, "
      "and a test can say exactly what it expects before it runs.";

} // namespace

class tst_SimTokenizer : public QObject
{
    Q_OBJECT

private slots:
    void counts_data();
    void counts();
    void countMatchesTokenize();
    void idsFollowPieces();
    void concatenationAtWordBoundaries();
    void aboutFourBytesOfProseAToken();
    void chatTemplate();
    void chatTurnExtendsThePreviousPrompt();
    void contentParts();
    void promptForms();
};

void tst_SimTokenizer::counts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("tokens");
    // Expected values worked out by hand from the rule in simtokenizer.h.
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("short words, space on the next word") << QStringLiteral("one two three") << 3;
    QTest::newRow("8 bytes with the space: one token") << QStringLiteral(" pickles") << 1;
    QTest::newRow("9 bytes with the space: two") << QStringLiteral(" describe") << 2;
    QTest::newRow("8 letters alone: one") << QStringLiteral("describe") << 1;
    QTest::newRow("20 letters: 8 + 3 x 4") << QStringLiteral("internationalization") << 4;
    QTest::newRow("digits in threes") << QStringLiteral("12345") << 2;
    QTest::newRow("space joins the first digit group") << QStringLiteral(" 2026") << 2;
    QTest::newRow("punctuation") << QStringLiteral("Hello, world!") << 4;
    QTest::newRow("punctuation in pairs") << QStringLiteral("(((") << 2;
    QTest::newRow("space plus two punctuation bytes") << QStringLiteral(" ((") << 1;
    QTest::newRow("newlines are one group") << QStringLiteral("a\n\nb") << 3;
    QTest::newRow("a lone leading space") << QStringLiteral("  x") << 2;
    QTest::newRow("indentation: 7 spaces in groups of 4, the 8th on the word")
        << QStringLiteral("x        y") << 4;
    QTest::newRow("tab is its own group") << QStringLiteral("a\tb") << 3;
    QTest::newRow("trailing spaces") << QStringLiteral("word  ") << 2;
    QTest::newRow("UTF-8 is letters: héllo is 6 bytes") << QStringLiteral("h\u00e9llo") << 1;
    QTest::newRow("15 bytes of Japanese: 8 + 4 + 3") << QStringLiteral("\u65e5\u672c\u8a9e\u3067\u3059") << 3;
    QTest::newRow("old test prompt: be brief") << QStringLiteral("be brief") << 2;
    QTest::newRow("old test prompt with odd spacing") << QStringLiteral("  one\ttwo\nthree  ") << 7;
}

void tst_SimTokenizer::counts()
{
    QFETCH(QString, text);
    QFETCH(int, tokens);
    QCOMPARE(int(SimTokenizer::tokenize(text).size()), tokens);
    QCOMPARE(SimTokenizer::count(text), tokens);
}

void tst_SimTokenizer::countMatchesTokenize()
{
    QString text;
    for (int i = 0; i < 50; ++i)
        text += QLatin1String(Prose)
            + QStringLiteral("\n\n    code(x[%1]) == 0x%2;\n").arg(i).arg(i * 7919, 0, 16);
    QCOMPARE(SimTokenizer::count(text), int(SimTokenizer::tokenize(text).size()));
    QVERIFY(SimTokenizer::count(text) > 10000);
}

void tst_SimTokenizer::idsFollowPieces()
{
    const std::vector<qint32> ids = SimTokenizer::tokenize(u"a b a b");
    QCOMPARE(ids.size(), size_t(4));
    QCOMPARE(ids[1], ids[3]); // " b" twice
    QVERIFY(ids[0] != ids[2]); // "a" is not " a"
    QCOMPARE(ids[1], SimTokenizer::pieceId(" b"));
    for (qint32 id : SimTokenizer::tokenize(QString::fromLatin1(Prose))) {
        QVERIFY(id >= 4); // 1..3 are the template's markers
        QVERIFY(id < SimTokenizer::VocabularySize);
    }
    // Deterministic: the same text, the same ids, call after call.
    QCOMPARE(SimTokenizer::tokenize(QString::fromLatin1(Prose)),
        SimTokenizer::tokenize(QString::fromLatin1(Prose)));
}

void tst_SimTokenizer::concatenationAtWordBoundaries()
{
    const QString a = QStringLiteral("The kitchen keeps the set menu ready, 24/7");
    const QString b = QStringLiteral(" regulars order again after eating.");
    std::vector<qint32> joined = SimTokenizer::tokenize(a);
    const std::vector<qint32> tail = SimTokenizer::tokenize(b);
    joined.insert(joined.end(), tail.begin(), tail.end());
    QCOMPARE(SimTokenizer::tokenize(QString(a + b)), joined);
}

void tst_SimTokenizer::aboutFourBytesOfProseAToken()
{
    const QByteArray prose(Prose);
    const double bytesPerToken = double(prose.size()) / SimTokenizer::count(QByteArrayView(prose));
    QVERIFY2(bytesPerToken > 3.6 && bytesPerToken < 4.6, qPrintable(QString::number(bytesPerToken)));
    QVERIFY(SimTokenizer::count(QByteArrayView(prose)) != QString::fromLatin1(prose).split(u' ').size());
}

void tst_SimTokenizer::chatTemplate()
{
    const QJsonArray messages = parseArray(R"([{"role":"user","content":"one two three"}])");
    const std::vector<qint32> ids = SimTokenizer::tokenizeChat(messages);
    QCOMPARE(ids.size(), size_t(3 + SimTokenizer::TokensPerMessage + SimTokenizer::GenerationPromptTokens));
    QCOMPARE(ids[0], SimTokenizer::MessageStart);
    QCOMPARE(ids[1], SimTokenizer::pieceId("user"));
    QCOMPARE(ids[2], SimTokenizer::MessageSeparator);
    QCOMPARE(ids[3], SimTokenizer::pieceId("one"));
    QCOMPARE(ids[6], SimTokenizer::MessageEnd);
    QCOMPARE(ids[7], SimTokenizer::MessageStart);
    QCOMPARE(ids[8], SimTokenizer::pieceId("assistant"));
    QCOMPARE(ids[9], SimTokenizer::MessageSeparator);
    QCOMPARE(SimTokenizer::tokenizeChat(messages, false).size(), size_t(7));
    // Two messages: 2 + 7 content tokens, 2 x 4 template tokens, 3 for the generation prompt.
    const QJsonArray two = parseArray(
        R"([{"role":"system","content":"be brief"},{"role":"user","content":"  one\ttwo\nthree  "}])");
    QCOMPARE(SimTokenizer::tokenizeChat(two).size(), size_t(20));
}

void tst_SimTokenizer::chatTurnExtendsThePreviousPrompt()
{
    const std::vector<qint32> turn1 = SimTokenizer::tokenizeChat(parseArray(
        R"([{"role":"system","content":"You take burger orders."},{"role":"user","content":"A cheeseburger, please."}])"));
    const std::vector<qint32> turn2 = SimTokenizer::tokenizeChat(parseArray(
        R"([{"role":"system","content":"You take burger orders."},{"role":"user","content":"A cheeseburger, please."},
            {"role":"assistant","content":"One cheeseburger coming up."},{"role":"user","content":"And fries."}])"));
    QVERIFY(turn2.size() > turn1.size());
    QVERIFY(std::equal(turn1.begin(), turn1.end(), turn2.begin()));
}

void tst_SimTokenizer::contentParts()
{
    const QJsonArray messages = parseArray(
        R"([{"role":"user","content":[{"type":"text","text":"a b"},{"type":"image_url","image_url":{"url":"x"}},{"type":"text","text":"c"}]}])");
    QCOMPARE(SimTokenizer::tokenizeChat(messages, false).size(), size_t(3 + SimTokenizer::TokensPerMessage));
}

void tst_SimTokenizer::promptForms()
{
    QCOMPARE(
        SimTokenizer::tokenizePrompt(QJsonValue(QStringLiteral("four words of prompt"))).size(), size_t(4));
    QCOMPARE(SimTokenizer::tokenizePrompt(parseArray(R"(["one two","three"])")).size(), size_t(3));
    QCOMPARE(SimTokenizer::tokenizePrompt(parseArray("[7, 8, 9]")), (std::vector<qint32> { 7, 8, 9 }));
    QCOMPARE(SimTokenizer::tokenizePrompt(parseArray("[[5, 6], [7]]")), (std::vector<qint32> { 5, 6, 7 }));
    QVERIFY(SimTokenizer::tokenizePrompt(QJsonValue()).empty());
}

QTEST_GUILESS_MAIN(tst_SimTokenizer)
#include "tst_simtokenizer.moc"
