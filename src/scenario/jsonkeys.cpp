#include "scenario/jsonkeys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QSet>

#include <vector>

namespace BurgerBench {

namespace {

struct Frame
{
    bool object = false;
    QSet<QString> keys; // objects: the keys seen so far
    QString path; // of this container
    QString member; // objects: the key whose value comes next
    qint64 index = -1; // arrays: the element being read
};

QString childPath(const Frame &f)
{
    if (f.object)
        return f.path.isEmpty() ? f.member : f.path + u'.' + f.member;
    return f.path + u'[' + QString::number(f.index) + u']';
}

// Reads the JSON string starting at json[i] == '"'; returns the index after its closing quote.
qsizetype readString(const QByteArray &json, qsizetype i, QString *text)
{
    const qsizetype start = i;
    ++i;
    while (i < json.size() && json.at(i) != '"')
        i += json.at(i) == '\\' ? 2 : 1;
    if (text) {
        const QByteArray quoted = json.mid(start, i + 1 - start);
        // Decode escapes the way QJsonDocument does, so "a" and "\u0061" are one key.
        *text = quoted.contains('\\') ? QJsonDocument::fromJson("[" + quoted + "]").array().at(0).toString()
                                      : QString::fromUtf8(quoted.mid(1, quoted.size() - 2));
    }
    return i + 1;
}

} // namespace

QString firstDuplicateKey(const QByteArray &json)
{
    std::vector<Frame> stack;
    bool expectKey = false; // inside an object, before a key
    for (qsizetype i = 0; i < json.size();) {
        const char c = json.at(i);
        switch (c) {
        case '{':
        case '[': {
            Frame f;
            f.object = c == '{';
            f.path = stack.empty() ? QString() : childPath(stack.back());
            if (!f.object)
                f.index = 0;
            stack.push_back(std::move(f));
            expectKey = c == '{';
            ++i;
            break;
        }
        case '}':
        case ']':
            if (!stack.empty())
                stack.pop_back();
            expectKey = false;
            ++i;
            break;
        case ',':
            if (!stack.empty()) {
                if (stack.back().object)
                    expectKey = true;
                else
                    ++stack.back().index;
            }
            ++i;
            break;
        case '"':
            if (expectKey && !stack.empty()) {
                Frame &f = stack.back();
                QString key;
                i = readString(json, i, &key);
                f.member = key;
                if (f.keys.contains(key))
                    return childPath(f);
                f.keys.insert(key);
                expectKey = false;
            } else {
                i = readString(json, i, nullptr);
            }
            break;
        default:
            ++i;
            break;
        }
    }
    return {};
}

} // namespace BurgerBench
