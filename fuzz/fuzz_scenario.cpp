// libFuzzer target for the scenario parser: arbitrary bytes -> QJsonDocument -> Scenario::fromJson.
//
// Besides "does not crash" (ASan, UBSan), it checks, aborting on a mismatch so libFuzzer keeps
// the input:
//   - a rejection always says why (a non-empty message naming the field);
//   - an accepted scenario passes validate(), and toJson() of it is accepted again and gives the
//     same JSON (the writer and the reader agree; nothing is lost or invented on a round trip).
//
// Built by fuzz/CMakeLists.txt (BURGERBENCH_FUZZ=ON, clang); scripts/fuzz-smoke.sh runs it.
#include "scenario/scenario.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using BurgerBench::Scenario;

namespace {

[[noreturn]] void fail(const char *what, const QByteArray &detail)
{
    std::fprintf(stderr, "fuzz_scenario: %s\n%s\n", what, detail.constData());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return 0;

    Scenario scenario;
    QString error;
    if (!Scenario::fromJson(doc.object(), &scenario, &error)) {
        if (error.isEmpty())
            fail("rejected without a message", bytes);
        return 0;
    }
    QString invalid;
    if (!scenario.validate(&invalid))
        fail("accepted by fromJson but not by validate()", invalid.toUtf8());

    const QJsonObject written = scenario.toJson();
    Scenario again;
    if (!Scenario::fromJson(written, &again, &error))
        fail("toJson() output rejected", error.toUtf8() + '\n' + QJsonDocument(written).toJson());
    const QJsonObject rewritten = again.toJson();
    if (rewritten != written)
        fail("round trip changed the scenario",
            QJsonDocument(written).toJson() + "\n---\n" + QJsonDocument(rewritten).toJson());
    return 0;
}
