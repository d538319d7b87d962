// libFuzzer target for the Prometheus text exposition parser (protocol/prometheustext) and the
// server vocabulary that reads its samples.
//
// Checks, aborting on a mismatch so libFuzzer keeps the input:
//   - the limits hold: samples <= maxSamples, families <= maxFamilies, labels <= maxLabels per
//     sample, errors <= maxErrors and <= badLines, every error's line within the text;
//   - every sample has a valid metric name and label names;
//   - writing the samples back out (untyped, labels escaped, values and timestamps exact) and
//     parsing that gives the same samples, with no error: what the parser keeps is what it read;
//   - the vocabulary never maps a name without a known server prefix.
//
// The first byte picks small limits (so the caps are exercised) or the defaults.

#include "protocol/prometheustext.h"
#include "protocol/servervocabulary.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>

using namespace BurgerBench;

namespace {

[[noreturn]] void fail()
{
    std::abort();
}

bool validName(const QByteArray &name, bool label)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool alpha
            = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (!label && c == ':');
        if (!alpha && !(i > 0 && c >= '0' && c <= '9'))
            return false;
    }
    return true;
}

QByteArray number(double v)
{
    if (std::isnan(v))
        return QByteArrayLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    return QByteArray::number(v, 'g', 17);
}

QByteArray write(const std::vector<PromSample> &samples)
{
    QByteArray out;
    for (const PromSample &s : samples) {
        out.append(s.name);
        out.append('{');
        for (const auto &l : s.labels) {
            out.append(l.first);
            out.append("=\"");
            for (char c : l.second) {
                if (c == '\\' || c == '"')
                    out.append('\\').append(c);
                else if (c == '\n')
                    out.append("\\n");
                else
                    out.append(c);
            }
            out.append("\",");
        }
        out.append("} ");
        out.append(number(s.value));
        if (s.hasTimestamp)
            out.append(' ').append(QByteArray::number(s.timestampMs));
        out.append('\n');
    }
    return out;
}

bool sameValue(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *bytes, std::size_t size)
{
    if (size == 0)
        return 0;
    PromLimits limits;
    if (bytes[0] & 1) {
        limits.maxBytes = 4096;
        limits.maxSamples = 8;
        limits.maxFamilies = 4;
        limits.maxLabels = 3;
        limits.maxErrors = 2;
    }
    const QByteArrayView text(reinterpret_cast<const char *>(bytes) + 1, qsizetype(size - 1));
    const PromParseResult r = parsePrometheusText(text, limits);

    if (r.refused != (text.size() > limits.maxBytes))
        fail();
    if (int(r.samples.size()) > limits.maxSamples || int(r.families.size()) > limits.maxFamilies)
        fail();
    if (int(r.errors.size()) > limits.maxErrors)
        fail();
    if (!r.refused && !r.truncated && int(r.errors.size()) > r.badLines)
        fail();
    const qsizetype lines = text.count('\n') + 1;
    for (const PromError &e : r.errors) {
        if (e.line < 0 || e.line > lines || e.message.isEmpty())
            fail();
    }
    for (const PromSample &s : r.samples) {
        if (!validName(s.name, false) || !validName(s.family, false) || s.labels.size() > limits.maxLabels)
            fail();
        for (const auto &l : s.labels) {
            if (!validName(l.first, true))
                fail();
        }
        const ServerMetric metric = serverMetricOf(s);
        if (metric != ServerMetric::None && !s.name.startsWith("vllm:") && !s.name.startsWith("sglang:")
            && !s.name.startsWith("tgi_") && !s.name.startsWith("llamacpp:"))
            fail();
    }

    PromLimits generous;
    generous.maxBytes = 64 * 1024 * 1024;
    generous.maxLabels = limits.maxLabels;
    const PromParseResult again = parsePrometheusText(write(r.samples), generous);
    if (!again.ok() || again.samples.size() != r.samples.size())
        fail();
    for (std::size_t i = 0; i < r.samples.size(); ++i) {
        const PromSample &a = r.samples[i];
        const PromSample &b = again.samples[i];
        if (a.name != b.name || a.labels != b.labels || !sameValue(a.value, b.value)
            || a.hasTimestamp != b.hasTimestamp || a.timestampMs != b.timestampMs)
            fail();
    }
    return 0;
}
