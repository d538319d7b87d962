#include "sim/simtokenizer.h"

#include <QJsonObject>

#include <algorithm>

namespace BurgerBench {

namespace {

enum class ByteClass : quint8 { Letter, Digit, Space, Other };

constexpr ByteClass classOf(char ch)
{
    const auto c = static_cast<unsigned char>(ch);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        return ByteClass::Space;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80)
        return ByteClass::Letter;
    if (c >= '0' && c <= '9')
        return ByteClass::Digit;
    return ByteClass::Other;
}

// Bytes of a piece's first token (leading space included) and of each later token, by class.
constexpr qsizetype LetterFirst = 8;
constexpr qsizetype LetterRest = 4;
constexpr qsizetype DigitGroup = 3;
constexpr qsizetype OtherGroup = 2;
constexpr qsizetype SpaceGroup = 4;

// Calls onToken(start, length) for every token of s, in order. See the header for the rule.
template<typename Emit> void split(QByteArrayView s, Emit &&onToken)
{
    const qsizetype n = s.size();
    qsizetype i = 0;
    while (i < n) {
        if (classOf(s[i]) == ByteClass::Space) {
            qsizetype j = i;
            while (j < n && classOf(s[j]) == ByteClass::Space)
                ++j;
            // The run's last byte, when it is a space before a non-space, starts the next piece.
            const qsizetype end = j < n && s[j - 1] == ' ' ? j - 1 : j;
            for (qsizetype k = i; k < end; k += SpaceGroup)
                onToken(k, std::min(SpaceGroup, end - k));
            i = end;
            if (i >= n)
                break;
        }
        const qsizetype start = i;
        if (s[i] == ' ')
            ++i; // always followed by a non-space here
        const ByteClass c = classOf(s[i]);
        qsizetype j = i + 1;
        while (j < n && classOf(s[j]) == c)
            ++j;
        const qsizetype lead = i - start;
        qsizetype first = LetterFirst;
        qsizetype rest = LetterRest;
        if (c == ByteClass::Digit) {
            first = lead + DigitGroup;
            rest = DigitGroup;
        } else if (c == ByteClass::Other) {
            first = lead + OtherGroup;
            rest = OtherGroup;
        }
        qsizetype k = std::min(j, start + first);
        onToken(start, k - start);
        while (k < j) {
            const qsizetype length = std::min(rest, j - k);
            onToken(k, length);
            k += length;
        }
        i = j;
    }
}

} // namespace

qint32 SimTokenizer::pieceId(QByteArrayView piece)
{
    quint32 h = 2166136261u;
    for (char c : piece) {
        h ^= static_cast<unsigned char>(c);
        h *= 16777619u;
    }
    return qint32(4 + h % quint32(VocabularySize - 4));
}

void SimTokenizer::append(QByteArrayView utf8, std::vector<qint32> *out)
{
    split(utf8,
        [&](qsizetype start, qsizetype length) { out->push_back(pieceId(utf8.sliced(start, length))); });
}

std::vector<qint32> SimTokenizer::tokenize(QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    std::vector<qint32> out;
    out.reserve(size_t(utf8.size() / 3 + 1));
    append(utf8, &out);
    return out;
}

int SimTokenizer::count(QByteArrayView utf8)
{
    int n = 0;
    split(utf8, [&n](qsizetype, qsizetype) { ++n; });
    return n;
}

int SimTokenizer::count(QStringView text)
{
    return count(QByteArrayView(text.toUtf8()));
}

void SimTokenizer::appendContent(const QJsonValue &content, std::vector<qint32> *out)
{
    if (content.isString()) {
        append(content.toString().toUtf8(), out);
        return;
    }
    const QJsonArray parts = content.toArray();
    for (const auto &part : parts) {
        if (part.isString()) {
            append(part.toString().toUtf8(), out);
            continue;
        }
        const QJsonValue text = part.toObject().value(QLatin1String("text"));
        if (text.isString())
            append(text.toString().toUtf8(), out);
    }
}

std::vector<qint32> SimTokenizer::tokenizeChat(const QJsonArray &messages, bool addGenerationPrompt)
{
    std::vector<qint32> out;
    for (const auto &value : messages) {
        if (!value.isObject())
            continue;
        const QJsonObject message = value.toObject();
        out.push_back(MessageStart);
        out.push_back(pieceId(message.value(QLatin1String("role")).toString().toUtf8()));
        out.push_back(MessageSeparator);
        appendContent(message.value(QLatin1String("content")), &out);
        out.push_back(MessageEnd);
    }
    if (addGenerationPrompt) {
        out.push_back(MessageStart);
        out.push_back(pieceId("assistant"));
        out.push_back(MessageSeparator);
    }
    return out;
}

std::vector<qint32> SimTokenizer::tokenizePrompt(const QJsonValue &prompt)
{
    std::vector<qint32> out;
    if (prompt.isString()) {
        append(prompt.toString().toUtf8(), &out);
        return out;
    }
    const QJsonArray array = prompt.toArray();
    for (const auto &element : array) {
        if (element.isString()) {
            append(element.toString().toUtf8(), &out);
        } else if (element.isDouble()) {
            out.push_back(qint32(element.toInteger()));
        } else if (element.isArray()) {
            const QJsonArray ids = element.toArray();
            for (const auto &id : ids)
                out.push_back(qint32(id.toInteger()));
        }
    }
    return out;
}

} // namespace BurgerBench
