#include "protocol/prometheustext.h"
#include "protocol/servervocabulary.h"

#include <QTest>

#include <cmath>

using namespace BurgerBench;

namespace {

// A sample flattened to one comparable line: name|family|kind|labels|value|timestamp.
QString flat(const PromSample &s)
{
    QStringList labels;
    for (const auto &l : s.labels)
        labels.append(QString::fromUtf8(l.first) + QLatin1Char('=') + QString::fromUtf8(l.second));
    QString value;
    if (std::isnan(s.value))
        value = QStringLiteral("NaN");
    else if (std::isinf(s.value))
        value = s.value > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    else
        value = QString::number(s.value, 'g', 17);
    return QStringList { QString::fromUtf8(s.name), QString::fromUtf8(s.family), promKindName(s.kind),
        labels.join(QLatin1Char(',')), value,
        s.hasTimestamp ? QString::number(s.timestampMs) : QStringLiteral("-") }
        .join(QLatin1Char('|'));
}

QStringList flatAll(const PromParseResult &r)
{
    QStringList out;
    for (const PromSample &s : r.samples)
        out.append(flat(s));
    return out;
}

QList<int> errorLines(const PromParseResult &r)
{
    QList<int> lines;
    for (const PromError &e : r.errors)
        lines.append(e.line);
    return lines;
}

// Recorded-style expositions, trimmed to a few families each, as the servers write them.
const QByteArray VllmSample = QByteArrayLiteral(
    "# HELP vllm:num_requests_running Number of requests in model execution batches.\n"
    "# TYPE vllm:num_requests_running gauge\n"
    "vllm:num_requests_running{engine=\"0\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 4.0\n"
    "# HELP vllm:num_requests_waiting Number of requests waiting to be processed.\n"
    "# TYPE vllm:num_requests_waiting gauge\n"
    "vllm:num_requests_waiting{engine=\"0\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 28.0\n"
    "# HELP vllm:kv_cache_usage_perc KV-cache usage. 1 means 100 percent usage.\n"
    "# TYPE vllm:kv_cache_usage_perc gauge\n"
    "vllm:kv_cache_usage_perc{engine=\"0\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 0.0421\n"
    "# HELP vllm:num_preemptions_total Cumulative number of preemption from the engine.\n"
    "# TYPE vllm:num_preemptions_total counter\n"
    "vllm:num_preemptions_total{engine=\"0\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 0.0\n"
    "# HELP vllm:prompt_tokens_total Number of prefill tokens processed.\n"
    "# TYPE vllm:prompt_tokens_total counter\n"
    "vllm:prompt_tokens_total{engine=\"0\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 1536.0\n"
    "# HELP vllm:generation_tokens_total Number of generation tokens processed.\n"
    "# TYPE vllm:generation_tokens_total counter\n"
    "vllm:generation_tokens_total{engine=\"0\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 4096.0\n"
    "# HELP vllm:prefix_cache_queries_total Prefix cache queries, in terms of number of queried tokens.\n"
    "# TYPE vllm:prefix_cache_queries_total counter\n"
    "vllm:prefix_cache_queries_total{engine=\"0\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 1536.0\n"
    "# HELP vllm:prefix_cache_hits_total Prefix cache hits, in terms of number of cached tokens.\n"
    "# TYPE vllm:prefix_cache_hits_total counter\n"
    "vllm:prefix_cache_hits_total{engine=\"0\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 768.0\n"
    "# HELP vllm:time_to_first_token_seconds Histogram of time to first token in seconds.\n"
    "# TYPE vllm:time_to_first_token_seconds histogram\n"
    "vllm:time_to_first_token_seconds_bucket{engine=\"0\",le=\"0.1\",model_name=\"m\"} 0.0\n"
    "vllm:time_to_first_token_seconds_bucket{engine=\"0\",le=\"0.25\",model_name=\"m\"} 4.0\n"
    "vllm:time_to_first_token_seconds_bucket{engine=\"0\",le=\"+Inf\",model_name=\"m\"} 4.0\n"
    "vllm:time_to_first_token_seconds_count{engine=\"0\",model_name=\"m\"} 4.0\n"
    "vllm:time_to_first_token_seconds_sum{engine=\"0\",model_name=\"m\"} 0.8123\n"
    "# HELP vllm:inter_token_latency_seconds Histogram of inter-token latency in seconds.\n"
    "# TYPE vllm:inter_token_latency_seconds histogram\n"
    "vllm:inter_token_latency_seconds_bucket{engine=\"0\",le=\"0.025\",model_name=\"m\"} 252.0\n"
    "vllm:inter_token_latency_seconds_count{engine=\"0\",model_name=\"m\"} 252.0\n"
    "# HELP python_gc_objects_collected_total Objects collected during gc\n"
    "# TYPE python_gc_objects_collected_total counter\n"
    "python_gc_objects_collected_total{generation=\"0\"} 12345.0\n");

// Older vLLM (0.6): gpu_cache_usage_perc and the gpu_ prefix-cache names.
const QByteArray VllmOldSample = QByteArrayLiteral(
    "# HELP vllm:gpu_cache_usage_perc GPU KV-cache usage. 1 means 100 percent usage.\n"
    "# TYPE vllm:gpu_cache_usage_perc gauge\n"
    "vllm:gpu_cache_usage_perc{model_name=\"facebook/opt-125m\"} 0.25\n"
    "# HELP vllm:gpu_prefix_cache_hit_rate GPU prefix cache block hit rate.\n"
    "# TYPE vllm:gpu_prefix_cache_hit_rate gauge\n"
    "vllm:gpu_prefix_cache_hit_rate{model_name=\"facebook/opt-125m\"} -1.0\n"
    "# HELP vllm:time_per_output_token_seconds Histogram of time per output token in seconds.\n"
    "# TYPE vllm:time_per_output_token_seconds histogram\n"
    "vllm:time_per_output_token_seconds_bucket{le=\"0.01\",model_name=\"facebook/opt-125m\"} 3.0\n");

const QByteArray SglangSample = QByteArrayLiteral(
    "# HELP sglang:num_running_reqs The number of running requests.\n"
    "# TYPE sglang:num_running_reqs gauge\n"
    "sglang:num_running_reqs{model_name=\"Qwen/Qwen2.5-7B-Instruct\"} 12.0\n"
    "# HELP sglang:num_queue_reqs The number of requests in the waiting queue.\n"
    "# TYPE sglang:num_queue_reqs gauge\n"
    "sglang:num_queue_reqs{model_name=\"Qwen/Qwen2.5-7B-Instruct\"} 3.0\n"
    "# HELP sglang:token_usage The token usage.\n"
    "# TYPE sglang:token_usage gauge\n"
    "sglang:token_usage{model_name=\"Qwen/Qwen2.5-7B-Instruct\"} 0.17\n"
    "# HELP sglang:cache_hit_rate The prefix cache hit rate.\n"
    "# TYPE sglang:cache_hit_rate gauge\n"
    "sglang:cache_hit_rate{model_name=\"Qwen/Qwen2.5-7B-Instruct\"} 0.52\n"
    "# HELP sglang:prompt_tokens_total Number of prefill tokens processed.\n"
    "# TYPE sglang:prompt_tokens_total counter\n"
    "sglang:prompt_tokens_total{model_name=\"Qwen/Qwen2.5-7B-Instruct\"} 8.128e+06\n"
    "# HELP sglang:time_to_first_token_seconds Histogram of time to first token in seconds.\n"
    "# TYPE sglang:time_to_first_token_seconds histogram\n"
    "sglang:time_to_first_token_seconds_sum{model_name=\"Qwen/Qwen2.5-7B-Instruct\"} 2.5e+04\n"
    "sglang:time_to_first_token_seconds_bucket{le=\"0.1\",model_name=\"Qwen/Qwen2.5-7B-Instruct\"} 5.0\n");

// TGI writes Rust's metrics-exporter-prometheus: no HELP, integer values.
const QByteArray TgiSample = QByteArrayLiteral("# TYPE tgi_queue_size gauge\n"
                                               "tgi_queue_size 7\n"
                                               "\n"
                                               "# TYPE tgi_batch_current_size gauge\n"
                                               "tgi_batch_current_size 32\n"
                                               "\n"
                                               "# TYPE tgi_request_count counter\n"
                                               "tgi_request_count 1024\n");

const QByteArray LlamacppSample
    = QByteArrayLiteral("# HELP llamacpp:prompt_tokens_total Number of prompt tokens processed.\n"
                        "# TYPE llamacpp:prompt_tokens_total counter\n"
                        "llamacpp:prompt_tokens_total 2048\n"
                        "# HELP llamacpp:tokens_predicted_total Number of generation tokens processed.\n"
                        "# TYPE llamacpp:tokens_predicted_total counter\n"
                        "llamacpp:tokens_predicted_total 512\n"
                        "# HELP llamacpp:kv_cache_usage_ratio KV-cache usage. 1 means 100 percent usage.\n"
                        "# TYPE llamacpp:kv_cache_usage_ratio gauge\n"
                        "llamacpp:kv_cache_usage_ratio 0.125\n"
                        "# HELP llamacpp:requests_processing Number of request processing.\n"
                        "# TYPE llamacpp:requests_processing gauge\n"
                        "llamacpp:requests_processing 2\n"
                        "# HELP llamacpp:requests_deferred Number of request deferred.\n"
                        "# TYPE llamacpp:requests_deferred gauge\n"
                        "llamacpp:requests_deferred 5\n");

} // namespace

class tst_PrometheusText : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void crlfSameAsLf();
    void families();
    void limits();
    void numbers_data();
    void numbers();
    void vocabulary_data();
    void vocabulary();
    void extraNames();
    void serverFamily();
};

void tst_PrometheusText::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("samples");
    QTest::addColumn<QList<int>>("errorLines");

    QTest::newRow("empty") << QByteArray() << QStringList() << QList<int>();
    QTest::newRow("blank lines and comments")
        << QByteArrayLiteral("\n  \n# a comment\n#\n\t\n") << QStringList() << QList<int>();
    QTest::newRow("untyped, no labels")
        << QByteArrayLiteral("up 1\n") << QStringList { QStringLiteral("up|up|untyped||1|-") }
        << QList<int>();
    QTest::newRow("no final newline")
        << QByteArrayLiteral("up 1") << QStringList { QStringLiteral("up|up|untyped||1|-") } << QList<int>();
    QTest::newRow("CRLF line ends") << QByteArrayLiteral("# TYPE a gauge\r\na 2\r\nb 3\r\n")
                                    << QStringList { QStringLiteral("a|a|gauge||2|-"),
                                           QStringLiteral("b|b|untyped||3|-") }
                                    << QList<int>();
    QTest::newRow("counter typed by its sample name")
        << QByteArrayLiteral("# TYPE http_requests_total counter\nhttp_requests_total{code=\"200\"} 1027\n")
        << QStringList { QStringLiteral("http_requests_total|http_requests_total|counter|code=200|1027|-") }
        << QList<int>();
    QTest::newRow("OpenMetrics counter typed by its family")
        << QByteArrayLiteral("# TYPE jobs counter\njobs_total 5\njobs_created 1.7e9\n# EOF\nignored 1\n")
        << QStringList { QStringLiteral("jobs_total|jobs|counter||5|-"),
               QStringLiteral("jobs_created|jobs|counter||1700000000|-") }
        << QList<int>();
    QTest::newRow("gauge with timestamp")
        << QByteArrayLiteral("# TYPE t gauge\nt{a=\"b\"} -3.5 1395066363000\nt{a=\"c\"} 1 -12\n")
        << QStringList { QStringLiteral("t|t|gauge|a=b|-3.5|1395066363000"),
               QStringLiteral("t|t|gauge|a=c|1|-12") }
        << QList<int>();
    QTest::newRow("histogram") << QByteArrayLiteral(
        "# HELP h A histogram.\n# TYPE h histogram\n"
        "h_bucket{le=\"0.05\"} 24054\nh_bucket{le=\"+Inf\"} 144320\n"
        "h_sum 53423\nh_count 144320\n")
                               << QStringList { QStringLiteral("h_bucket|h|histogram|le=0.05|24054|-"),
                                      QStringLiteral("h_bucket|h|histogram|le=+Inf|144320|-"),
                                      QStringLiteral("h_sum|h|histogram||53423|-"),
                                      QStringLiteral("h_count|h|histogram||144320|-") }
                               << QList<int>();
    QTest::newRow("summary") << QByteArrayLiteral(
        "# TYPE rpc summary\nrpc{quantile=\"0.5\"} 4773\nrpc{quantile=\"0.99\"} NaN\n"
        "rpc_sum 1.7560473e+07\nrpc_count 2693\n")
                             << QStringList { QStringLiteral("rpc|rpc|summary|quantile=0.5|4773|-"),
                                    QStringLiteral("rpc|rpc|summary|quantile=0.99|NaN|-"),
                                    QStringLiteral("rpc_sum|rpc|summary||17560473|-"),
                                    QStringLiteral("rpc_count|rpc|summary||2693|-") }
                             << QList<int>();
    QTest::newRow("untyped declared and unknown")
        << QByteArrayLiteral("# TYPE u untyped\nu 1\n# TYPE k unknown\nk 2\n")
        << QStringList { QStringLiteral("u|u|untyped||1|-"), QStringLiteral("k|k|untyped||2|-") }
        << QList<int>();
    QTest::newRow("a _sum of a gauge is its own family")
        << QByteArrayLiteral("# TYPE g gauge\ng_sum 1\n")
        << QStringList { QStringLiteral("g_sum|g_sum|untyped||1|-") } << QList<int>();
    QTest::newRow("label escapes") << QByteArrayLiteral(
        "m{path=\"C:\\\\dir\",q=\"say \\\"hi\\\"\",nl=\"a\\nb\"} 1\n")
                                   << QStringList { QStringLiteral(
                                          "m|m|untyped|path=C:\\dir,q=say \"hi\",nl=a\nb|1|-") }
                                   << QList<int>();
    QTest::newRow("empty label set, empty value, trailing comma, blanks")
        << QByteArrayLiteral("a{} 1\nb{x=\"\"} 2\nc{x=\"1\",} 3\n  d { x = \"1\" , y=\"2\" }\t4 \n")
        << QStringList { QStringLiteral("a|a|untyped||1|-"), QStringLiteral("b|b|untyped|x=|2|-"),
               QStringLiteral("c|c|untyped|x=1|3|-"), QStringLiteral("d|d|untyped|x=1,y=2|4|-") }
        << QList<int>();
    QTest::newRow("colons in names, UTF-8 in values")
        << QByteArrayLiteral("vllm:x{model_name=\"caf\xC3\xA9\"} 1\n")
        << QStringList { QString::fromUtf8("vllm:x|vllm:x|untyped|model_name=caf\xC3\xA9|1|-") }
        << QList<int>();
    QTest::newRow("special values") << QByteArrayLiteral("a NaN\nb +Inf\nc -Inf\nd inf\ne 1e-3\nf .5\ng -0\n")
                                    << QStringList { QStringLiteral("a|a|untyped||NaN|-"),
                                           QStringLiteral("b|b|untyped||+Inf|-"),
                                           QStringLiteral("c|c|untyped||-Inf|-"),
                                           QStringLiteral("d|d|untyped||+Inf|-"),
                                           QStringLiteral("e|e|untyped||0.001|-"),
                                           QStringLiteral("f|f|untyped||0.5|-"),
                                           QStringLiteral("g|g|untyped||0|-") }
                                    << QList<int>();
    QTest::newRow("exemplar after the value")
        << QByteArrayLiteral("# TYPE h histogram\nh_bucket{le=\"1\"} 3 # {trace_id=\"x\"} 0.5\n")
        << QStringList { QStringLiteral("h_bucket|h|histogram|le=1|3|-") } << QList<int>();
    // Each bad line is skipped, named by its number; the good ones around it stay.
    QTest::newRow("bad lines are skipped")
        << QByteArrayLiteral("ok 1\n"
                             "{x=\"1\"} 2\n" // 2: no name
                             "m{x=1} 3\n" // 3: unquoted value
                             "m{x=\"1} 4\n" // 4: no closing quote
                             "m{x=\"\\t\"} 5\n" // 5: unknown escape
                             "m{x=\"1\",x=\"2\"} 6\n" // 6: duplicate label
                             "m abc\n" // 7: not a number
                             "m\n" // 8: no value
                             "m 1 2.5\n" // 9: fractional timestamp
                             "m 1 2 3\n" // 10: trailing text
                             "# TYPE m nonsense\n" // 11: unknown type
                             "# TYPE 9m gauge\n" // 12: bad name
                             "m{1x=\"1\"} 7\n" // 13: bad label name
                             "m{x=\"1\" 8\n" // 14: unclosed label set
                             "ok 2\n")
        << QStringList { QStringLiteral("ok|ok|untyped||1|-"), QStringLiteral("ok|ok|untyped||2|-") }
        << QList<int> { 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 };
    QTest::newRow("second TYPE and HELP")
        << QByteArrayLiteral("# TYPE a gauge\n# TYPE a counter\n# HELP a x\n# HELP a y\na 1\n")
        << QStringList { QStringLiteral("a|a|gauge||1|-") } << QList<int> { 2, 4 };
    QTest::newRow("histogram bucket without le")
        << QByteArrayLiteral("# TYPE h histogram\nh_bucket 1\nh_bucket{le=\"x\"} 1\nh_count 1\n")
        << QStringList { QStringLiteral("h_count|h|histogram||1|-") } << QList<int> { 2, 3 };
    QTest::newRow("summary without quantile")
        << QByteArrayLiteral("# TYPE s summary\ns 1\ns_count 1\n")
        << QStringList { QStringLiteral("s_count|s|summary||1|-") } << QList<int> { 2 };
}

void tst_PrometheusText::parse()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, samples);
    QFETCH(QList<int>, errorLines);
    const PromParseResult r = parsePrometheusText(text);
    QCOMPARE(flatAll(r), samples);
    QCOMPARE(::errorLines(r), errorLines);
    QCOMPARE(r.badLines, int(errorLines.size()));
    QCOMPARE(r.ok(), errorLines.isEmpty());
    for (const PromError &e : r.errors)
        QVERIFY2(!e.message.isEmpty(), qPrintable(QString::number(e.line)));
}

// CRLF line ends read as LF ones (servers behind some proxies send them).
void tst_PrometheusText::crlfSameAsLf()
{
    const PromParseResult whole = parsePrometheusText(VllmSample);
    QVERIFY(whole.ok());
    QCOMPARE(int(whole.samples.size()), 16);
    const PromParseResult crlf = parsePrometheusText(QByteArray(VllmSample).replace("\n", "\r\n"));
    QCOMPARE(flatAll(crlf), flatAll(whole));
}

void tst_PrometheusText::families()
{
    const PromParseResult r = parsePrometheusText(QByteArrayLiteral(
        "# HELP a Line one\\nline two, a \\\\ backslash\n# TYPE a gauge\n# TYPE b histogram\n"));
    QCOMPARE(int(r.families.size()), 2);
    QCOMPARE(r.families[0].name, QByteArray("a"));
    QCOMPARE(r.families[0].kind, PromKind::Gauge);
    QCOMPARE(r.families[0].help, QStringLiteral("Line one\nline two, a \\ backslash"));
    QCOMPARE(r.families[1].kind, PromKind::Histogram);
    QVERIFY(r.families[1].help.isEmpty());
}

void tst_PrometheusText::limits()
{
    PromLimits limits;
    limits.maxBytes = 64;
    const PromParseResult refused = parsePrometheusText(QByteArray(65, 'a'), limits);
    QVERIFY(refused.refused);
    QVERIFY(refused.samples.empty());
    QCOMPARE(int(refused.errors.size()), 1);
    QCOMPARE(refused.errors[0].line, 0);
    QVERIFY2(
        refused.errors[0].message.contains(QLatin1String("65 bytes")), qPrintable(refused.errors[0].message));

    limits = PromLimits();
    limits.maxSamples = 3;
    const PromParseResult truncated
        = parsePrometheusText(QByteArrayLiteral("a 1\nb 2\nc 3\nd 4\ne 5\n"), limits);
    QVERIFY(truncated.truncated);
    QVERIFY(!truncated.ok());
    QCOMPARE(int(truncated.samples.size()), 3);
    QCOMPARE(truncated.errors.back().line, 4);

    limits = PromLimits();
    limits.maxErrors = 2;
    const PromParseResult errors = parsePrometheusText(QByteArrayLiteral("!\n!\n!\n!\nok 1\n"), limits);
    QCOMPARE(errors.badLines, 4);
    QCOMPARE(int(errors.errors.size()), 2);
    QCOMPARE(int(errors.samples.size()), 1);

    limits = PromLimits();
    limits.maxLabels = 2;
    const PromParseResult labels = parsePrometheusText(
        QByteArrayLiteral("a{x=\"1\",y=\"2\"} 1\nb{x=\"1\",y=\"2\",z=\"3\"} 1\n"), limits);
    QCOMPARE(int(labels.samples.size()), 1);
    QCOMPARE(::errorLines(labels), QList<int> { 2 });

    limits = PromLimits();
    limits.maxFamilies = 2;
    const PromParseResult families = parsePrometheusText(
        QByteArrayLiteral("# TYPE a gauge\n# TYPE b gauge\n# TYPE c gauge\nc 1\n"), limits);
    QCOMPARE(int(families.families.size()), 2);
    QVERIFY(families.truncated);
    QCOMPARE(flatAll(families), QStringList { QStringLiteral("c|c|untyped||1|-") });
}

void tst_PrometheusText::numbers_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<double>("value");
    QTest::newRow("integer") << QByteArray("42") << true << 42.0;
    QTest::newRow("float") << QByteArray("4.0") << true << 4.0;
    QTest::newRow("exponent") << QByteArray("1.5E+3") << true << 1500.0;
    QTest::newRow("negative") << QByteArray("-0.25") << true << -0.25;
    QTest::newRow("+Inf") << QByteArray("+Inf") << true << qInf();
    QTest::newRow("-Inf") << QByteArray("-Inf") << true << -qInf();
    QTest::newRow("Infinity") << QByteArray("Infinity") << true << qInf();
    QTest::newRow("empty") << QByteArray() << false << 0.0;
    QTest::newRow("word") << QByteArray("four") << false << 0.0;
    QTest::newRow("sign only") << QByteArray("-") << false << 0.0;
    QTest::newRow("+NaN") << QByteArray("+NaN") << false << 0.0;
    QTest::newRow("hex") << QByteArray("0x10") << false << 0.0;
    QTest::newRow("overflow") << QByteArray("1e999") << false << 0.0;
    QTest::newRow("two dots") << QByteArray("1.2.3") << false << 0.0;
}

void tst_PrometheusText::numbers()
{
    QFETCH(QByteArray, token);
    QFETCH(bool, ok);
    QFETCH(double, value);
    double got = -1;
    QCOMPARE(parsePromNumber(token, &got), ok);
    if (ok)
        QCOMPARE(got, value);
    double nan = 0;
    QVERIFY(parsePromNumber("NaN", &nan) && std::isnan(nan));
    QVERIFY(parsePromNumber("nan", &nan) && std::isnan(nan));
}

void tst_PrometheusText::vocabulary_data()
{
    QTest::addColumn<QByteArray>("text");
    // "key=value" for each kept sample in order (histograms: one entry per sample).
    QTest::addColumn<QStringList>("mapped");

    QTest::newRow("vllm") << VllmSample
                          << QStringList { QStringLiteral("running=4"), QStringLiteral("waiting=28"),
                                 QStringLiteral("kv_cache_usage=0.0421"), QStringLiteral("preemptions=0"),
                                 QStringLiteral("prompt_tokens=1536"),
                                 QStringLiteral("generation_tokens=4096"),
                                 QStringLiteral("prefix_cache_queries=1536"),
                                 QStringLiteral("prefix_cache_hits=768"), QStringLiteral("ttft=0"),
                                 QStringLiteral("ttft=4"), QStringLiteral("ttft=4"), QStringLiteral("ttft=4"),
                                 QStringLiteral("ttft=0.8123"), QStringLiteral("inter_token=252"),
                                 QStringLiteral("inter_token=252") };
    QTest::newRow("vllm 0.6") << VllmOldSample
                              << QStringList { QStringLiteral("kv_cache_usage=0.25"),
                                     QStringLiteral("prefix_cache_hit_rate=-1"),
                                     QStringLiteral("inter_token=3") };
    QTest::newRow("sglang") << SglangSample
                            << QStringList { QStringLiteral("running=12"), QStringLiteral("waiting=3"),
                                   QStringLiteral("kv_cache_usage=0.17"),
                                   QStringLiteral("prefix_cache_hit_rate=0.52"),
                                   QStringLiteral("prompt_tokens=8128000"), QStringLiteral("ttft=25000"),
                                   QStringLiteral("ttft=5") };
    QTest::newRow("tgi") << TgiSample
                         << QStringList { QStringLiteral("waiting=7"), QStringLiteral("running=32") };
    QTest::newRow("llama.cpp") << LlamacppSample
                               << QStringList { QStringLiteral("prompt_tokens=2048"),
                                      QStringLiteral("generation_tokens=512"),
                                      QStringLiteral("kv_cache_usage=0.125"), QStringLiteral("running=2"),
                                      QStringLiteral("waiting=5") };
    QTest::newRow("OpenMetrics counter family")
        << QByteArrayLiteral("# TYPE vllm:prompt_tokens counter\nvllm:prompt_tokens_total 9\n# EOF\n")
        << QStringList { QStringLiteral("prompt_tokens=9") };
    QTest::newRow("untyped histogram samples") << QByteArrayLiteral(
        "vllm:time_to_first_token_seconds_bucket{le=\"1\"} 2\nvllm:time_to_first_token_secondsX 1\n")
                                               << QStringList { QStringLiteral("ttft=2") };
    QTest::newRow("look-alikes are not known") << QByteArrayLiteral(
        "vllm:num_requests_waiting_max 1\nmy_vllm:num_requests_waiting 2\ntgi_queue_size_total 3\n")
                                               << QStringList();
}

void tst_PrometheusText::vocabulary()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, mapped);
    const PromParseResult r = parsePrometheusText(text);
    QVERIFY(r.ok());
    QStringList got;
    for (const PromSample &s : r.samples) {
        ServerMetric metric = ServerMetric::None;
        if (keepServerSample(s, {}, &metric)) {
            QVERIFY(metric != ServerMetric::None);
            got.append(serverMetricKey(metric) + QLatin1Char('=') + QString::number(s.value, 'g', 12));
        }
    }
    QCOMPARE(got, mapped);
}

void tst_PrometheusText::extraNames()
{
    const PromParseResult r = parsePrometheusText(QByteArray(VllmSample + TgiSample));
    QStringList kept;
    for (const PromSample &s : r.samples) {
        ServerMetric metric = ServerMetric::None;
        if (keepServerSample(s,
                { QByteArrayLiteral("python_gc_objects_collected_total"),
                    QByteArrayLiteral("tgi_request_count") },
                &metric)
            && metric == ServerMetric::None)
            kept.append(QString::fromUtf8(s.name));
    }
    QCOMPARE(kept,
        (QStringList {
            QStringLiteral("python_gc_objects_collected_total"), QStringLiteral("tgi_request_count") }));

    // Every key round-trips, and every table name maps to its own entry.
    for (const ServerMetricName &name : serverMetricNames()) {
        ServerMetric back = ServerMetric::None;
        QVERIFY(serverMetricFromKey(serverMetricKey(name.metric), &back));
        QCOMPARE(back, name.metric);
        PromSample s;
        s.name = s.family = QByteArray(name.raw);
        QCOMPARE(serverMetricOf(s), name.metric);
    }
    ServerMetric none = ServerMetric::Running;
    QVERIFY(!serverMetricFromKey(QStringLiteral("cooking"), &none));
}

void tst_PrometheusText::serverFamily()
{
    QCOMPARE(serverFamilyOf(parsePrometheusText(VllmSample)), QStringLiteral("vllm"));
    QCOMPARE(serverFamilyOf(parsePrometheusText(SglangSample)), QStringLiteral("sglang"));
    QCOMPARE(serverFamilyOf(parsePrometheusText(TgiSample)), QStringLiteral("tgi"));
    QCOMPARE(serverFamilyOf(parsePrometheusText(LlamacppSample)), QStringLiteral("llamacpp"));
    QCOMPARE(serverFamilyOf(parsePrometheusText("up 1\n")), QString());
}

QTEST_GUILESS_MAIN(tst_PrometheusText)
#include "tst_prometheustext.moc"
