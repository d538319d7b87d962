#include "gui/codesnippets.h"

#include <QCoreApplication>
#include <QLocale>

namespace BurgerBench {

// The comments' translation context (the code itself is never translated).
class CodeSnippetText
{
    Q_DECLARE_TR_FUNCTIONS(BurgerBench::CodeSnippets)
};

namespace {

struct Builder
{
    std::vector<CodeLine> lines;
    Builder &add(const char *code, const QString &comment = QString(), std::optional<CodeStep> step = {})
    {
        lines.push_back({ QString::fromUtf8(code), comment, step });
        return *this;
    }
    Builder &add(const QString &code, const QString &comment = QString(), std::optional<CodeStep> step = {})
    {
        lines.push_back({ code, comment, step });
        return *this;
    }
};

bool cpuOnly(const Scenario &s)
{
    return s.cpuTasksOnly();
}

bool postProcesses(const Scenario &s)
{
    return s.cpuTaskMs > 0 && (s.mode == ExecutionMode::Mixed || s.mode == ExecutionMode::AntiPattern);
}

// ---- Python, as the lesson teaches it ----------------------------------------------------------

// The one request: stream the answer, a token at a time; retried with backoff when asked.
void pythonOrder(Builder &b, const Scenario &s)
{
    b.add("async def order(client, prompt):");
    if (s.retries > 0) {
        b.add(QStringLiteral("    for attempt in range(%1):").arg(s.retries + 1));
        b.add("        try:");
        b.add("            return await stream(client, prompt)");
        b.add("        except Retryable as e:");
        b.add("            await asyncio.sleep(backoff(attempt, e))",
            CodeSnippetText::tr("wait, then try again"), CodeStep::RetryWait);
        b.add("");
        b.add("async def stream(client, prompt):");
    }
    b.add("    async with client.stream(\"POST\", URL, json=ask(prompt)) as r:",
        CodeSnippetText::tr("send the order"), CodeStep::Sending);
    b.add("        async for line in r.aiter_lines():",
        CodeSnippetText::tr("wait: the loop serves the others"), CodeStep::Waiting);
    b.add("            burger.append(token_of(line))", CodeSnippetText::tr("a token arrives"),
        CodeStep::Streaming);
    b.add("        return burger");
}

// The gates in front of one order: the semaphore, the token bucket.
void pythonGates(Builder &b, const Scenario &s, const char *indent)
{
    const QString in = QString::fromLatin1(indent);
    if (s.rateLimit > 0)
        b.add(in + QStringLiteral("await bucket.take()"),
            CodeSnippetText::tr("in line: at most %1 a second").arg(QLocale().toString(s.rateLimit)),
            CodeStep::InLine);
    b.add(in + QStringLiteral("async with gate:"),
        CodeSnippetText::tr("in line: at most %1 at once").arg(s.concurrency), CodeStep::InLine);
}

void pythonLoopRequests(Builder &b, const Scenario &s)
{
    pythonOrder(b, s);
    b.add("");
    b.add("async def main(prompts):");
    if (s.mode == ExecutionMode::Sequential) {
        b.add("    async with httpx.AsyncClient() as client:");
        b.add("        for prompt in prompts:", CodeSnippetText::tr("in line: one at a time"),
            CodeStep::InLine);
        b.add("            burger = await order(client, prompt)");
        if (postProcesses(s))
            b.add("            crunch(burger)", CodeSnippetText::tr("CPU work on the loop's thread"),
                CodeStep::CpuWork);
        return;
    }
    b.add(QStringLiteral("    gate = asyncio.Semaphore(%1)").arg(s.concurrency));
    if (s.rateLimit > 0)
        b.add(QStringLiteral("    bucket = TokenBucket(rate=%1)").arg(s.rateLimit));
    b.add("    async def one(prompt):");
    pythonGates(b, s, "        ");
    b.add("            burger = await order(client, prompt)");
    if (s.mode == ExecutionMode::Mixed && postProcesses(s)) {
        b.add("        return await loop.run_in_executor(pool, crunch, burger)",
            CodeSnippetText::tr("CPU work on a pool thread; the loop goes on"), CodeStep::CpuWork);
    } else if (s.mode == ExecutionMode::AntiPattern && postProcesses(s)) {
        b.add("        return crunch(burger)",
            CodeSnippetText::tr("CPU work ON the loop: everything else freezes"), CodeStep::CpuWork);
    } else {
        b.add("        return burger");
    }
    if (s.rate > 0) {
        const bool failFast = s.errorPolicy == ErrorPolicy::FailFast;
        const char *in = failFast ? "        " : "    ";
        if (failFast)
            b.add("    async with asyncio.TaskGroup() as tg:",
                CodeSnippetText::tr("fail-fast: the first error cancels the rest"));
        else
            b.add("    tasks = []");
        b.add(QString::fromLatin1(in)
            + QStringLiteral("for prompt, due in schedule(prompts, rate=%1):").arg(s.rate));
        b.add(QString::fromLatin1(in) + QStringLiteral("    await asyncio.sleep(due - loop.time())"),
            CodeSnippetText::tr("not due yet: a timer, no thread held"), CodeStep::NotDue);
        if (failFast) {
            b.add("            tg.create_task(one(prompt))");
        } else {
            b.add("        tasks.append(asyncio.create_task(one(prompt)))");
            b.add("    return await asyncio.gather(*tasks, return_exceptions=True)",
                CodeSnippetText::tr("collect-all: every result or error"));
        }
        return;
    }
    if (s.errorPolicy == ErrorPolicy::FailFast) {
        b.add("    async with asyncio.TaskGroup() as tg:",
            CodeSnippetText::tr("fail-fast: the first error cancels the rest"));
        b.add("        for prompt in prompts:");
        b.add("            tg.create_task(one(prompt))");
    } else {
        b.add("    return await asyncio.gather(*map(one, prompts),");
        b.add("                                return_exceptions=True)",
            CodeSnippetText::tr("collect-all: every result or error"));
    }
}

void pythonLoopCpu(Builder &b, const Scenario &s)
{
    b.add("def clean(room):");
    b.add("    return scrub(room)", CodeSnippetText::tr("CPU work: the thread computes"), CodeStep::CpuWork);
    b.add("");
    if (s.mode == ExecutionMode::Concurrent) {
        b.add("async def clean_in_slices(room):");
        b.add("    for part in room.parts():");
        b.add("        scrub(part)", CodeSnippetText::tr("CPU work: one slice"), CodeStep::CpuWork);
        b.add("        await asyncio.sleep(0)", CodeSnippetText::tr("give the next chore a turn"));
        b.add("");
        b.add("async def main(rooms):");
        b.add("    await asyncio.gather(*map(clean_in_slices, rooms))",
            CodeSnippetText::tr("in line: one thread, so one chore at a time"), CodeStep::InLine);
        return;
    }
    b.add("def main(rooms):");
    b.add("    for room in rooms:", CodeSnippetText::tr("in line: one after another"), CodeStep::InLine);
    b.add("        clean(room)");
}

void pythonBlocking(Builder &b, const Scenario &s)
{
    b.add("def order_blocking(prompt):", CodeSnippetText::tr("a worker thread runs this"));
    b.add("    r = requests.post(URL, json=ask(prompt), stream=True)",
        CodeSnippetText::tr("send; the thread is held"), CodeStep::Sending);
    b.add("    for line in r.iter_lines():", CodeSnippetText::tr("wait: held, doing nothing"),
        CodeStep::Waiting);
    b.add(
        "        burger.append(token_of(line))", CodeSnippetText::tr("a token arrives"), CodeStep::Streaming);
    b.add("");
    b.add("async def main(prompts):");
    b.add("    loop = asyncio.get_running_loop()");
    b.add(QStringLiteral("    with ThreadPoolExecutor(max_workers=%1) as pool:").arg(s.workers));
    b.add("        await asyncio.gather(*(loop.run_in_executor(pool, order_blocking, p)");
    b.add("                               for p in prompts))",
        CodeSnippetText::tr("in line: waiting for a free worker"), CodeStep::InLine);
}

void pythonParallelCpu(Builder &b, const Scenario &s)
{
    Q_UNUSED(s)
    b.add("def clean(room):", CodeSnippetText::tr("a process per core runs this"));
    b.add(
        "    return scrub(room)", CodeSnippetText::tr("CPU work, on every core at once"), CodeStep::CpuWork);
    b.add("");
    b.add("async def main(rooms):");
    b.add("    loop = asyncio.get_running_loop()");
    b.add("    with ProcessPoolExecutor() as pool:", CodeSnippetText::tr("one worker per core"));
    b.add("        await asyncio.gather(*(loop.run_in_executor(pool, clean, r)");
    b.add("                               for r in rooms))",
        CodeSnippetText::tr("in line: waiting for a free core"), CodeStep::InLine);
}

void pythonJobs(Builder &b, const Scenario &s)
{
    b.add("@app.post(\"/jobs\", status_code=202)", CodeSnippetText::tr("the server: FastAPI"));
    b.add("async def submit(job: Job, background: BackgroundTasks):");
    b.add("    background.add_task(run_job, job)", CodeSnippetText::tr("accepted now, worked on later"));
    b.add("    return {\"id\": job.id}");
    b.add("");
    b.add("def run_job(job):", CodeSnippetText::tr("a worker thread"));
    b.add("    job.result = order_blocking(job.prompt)", CodeSnippetText::tr("the LLM call"),
        CodeStep::Waiting);
    b.add("");
    b.add("async def follow(client, job_id):", CodeSnippetText::tr("the client"));
    b.add(
        "    while (await client.get(f\"/jobs/{job_id}\")).json()[\"status\"] in (\"pending\", \"running\"):",
        CodeSnippetText::tr("poll the status"), CodeStep::Polling);
    b.add(QStringLiteral("        await asyncio.sleep(%1)").arg(double(s.jobPollMs) / 1000.0));
}

// ---- The Qt code that ran ----------------------------------------------------------------------

void qtEngine(Builder &b, const Scenario &s)
{
    const bool socket = s.transport == Transport::Socket;
    b.add("// LoadEngine: one event loop on its own thread, every request on it");
    if (s.rate > 0)
        b.add("pumpTimer->start(msUntil(nextDue));",
            CodeSnippetText::tr("not due yet: a timer, no thread held"), CodeStep::NotDue);
    if (s.rateLimit > 0)
        b.add("if (!bucket.tryAcquire(now())) return pumpTimer->start(bucket.waitMs());",
            CodeSnippetText::tr("in line: the token bucket"), CodeStep::InLine);
    const int cap = s.mode == ExecutionMode::Sequential ? 1 : s.concurrency;
    b.add(QStringLiteral("while (inFlight < %1 && !due.empty())").arg(cap),
        s.mode == ExecutionMode::Sequential ? CodeSnippetText::tr("in line: one at a time")
                                            : CodeSnippetText::tr("in line: the cap"),
        CodeStep::InLine);
    b.add("    start(due.takeFirst());");
    b.add("");
    b.add("void LoadEngine::start(RequestRecord &r) {");
    if (socket) {
        b.add("    lane.socket->write(head + body);",
            CodeSnippetText::tr("send: QTcpSocket, our own HTTP/1.1"), CodeStep::Sending);
        b.add("    connect(lane.socket, &QTcpSocket::readyRead, this, [&] {",
            CodeSnippetText::tr("wait: back to the loop, nothing held"), CodeStep::Waiting);
        b.add("        for (const SseEvent &e : parser.feed(lane.socket->readAll()))");
    } else {
        b.add("    QNetworkReply *reply = managers[r.lane]->post(request, body);",
            CodeSnippetText::tr("send: QNetworkAccessManager"), CodeStep::Sending);
        b.add("    connect(reply, &QNetworkReply::readyRead, this, [&r, reply] {",
            CodeSnippetText::tr("wait: back to the loop, nothing held"), CodeStep::Waiting);
        b.add("        for (const SseEvent &e : parser.feed(reply->readAll()))");
    }
    b.add("            r.tokenNs.push_back(clock.nsecsElapsed());", CodeSnippetText::tr("a token arrives"),
        CodeStep::Streaming);
    b.add("    });");
    b.add("}");
    if (s.retries > 0)
        b.add("QTimer::singleShot(backoffMs(r, reply), this, [&r] { start(r); });",
            CodeSnippetText::tr("wait, then try again: a timer"), CodeStep::RetryWait);
    if (postProcesses(s) && s.mode == ExecutionMode::Mixed) {
        b.add("");
        b.add("// EngineModelRun, when a response is complete:");
        b.add("QtConcurrent::run(QThreadPool::globalInstance(), [text] { return crunch(text); })",
            CodeSnippetText::tr("CPU work on a pool thread"), CodeStep::CpuWork);
        b.add("    .then(this, [&r](const PoolWork &w) { record(r, w); });",
            CodeSnippetText::tr("back on the loop"));
    } else if (postProcesses(s)) {
        b.add("");
        b.add("// EngineModelRun, when a response is complete:");
        b.add("r.digest = crunch(r.text);", CodeSnippetText::tr("CPU work on the loop's own thread"),
            CodeStep::CpuWork);
    }
}

void qtLoopCpu(Builder &b, const Scenario &s)
{
    const bool sliced = s.mode == ExecutionMode::Concurrent;
    b.add("// LoopCpuRun: the chores on the event loop's one thread");
    b.add("void LoopCpuRun::step() {", CodeSnippetText::tr("one turn of the loop"));
    b.add("    Job job = ready.takeFirst();", CodeSnippetText::tr("in line: the others wait on the list"),
        CodeStep::InLine);
    b.add(sliced ? "    job.digest = hashRounds(job.digest, sliceRounds);"
                 : "    job.digest = hashRounds(job.digest, rounds);",
        CodeSnippetText::tr("CPU work: the loop is busy"), CodeStep::CpuWork);
    if (sliced)
        b.add("    if (job.roundsLeft > 0) ready.push_back(job);",
            CodeSnippetText::tr("to the back of the line"));
    b.add("    stepTimer.start(0);", CodeSnippetText::tr("yield: timers run between chores"));
    b.add("}");
}

void qtBlocking(Builder &b, const Scenario &s)
{
    const bool jobs = s.mode == ExecutionMode::BackgroundJobs;
    b.add("// BlockingWorkersRun: a QThread per worker, blocking calls");
    b.add(QStringLiteral("for (int w = 0; w < %1; ++w)").arg(s.workers));
    b.add("    QThread::create([&, w] { workerMain(shared, w); })->start();");
    b.add("");
    b.add("void workerMain(BlockingShared &sh, int w) {");
    b.add("    for (int k; (k = sh.next.fetch_add(1)) < sh.n;) {",
        CodeSnippetText::tr("in line: waiting for a free worker"),
        jobs ? std::optional<CodeStep>() : CodeStep::InLine);
    if (!jobs && s.concurrency < s.workers)
        b.add("        sh.cap.acquire();", CodeSnippetText::tr("in line: QSemaphore"), CodeStep::InLine);
    b.add("        socket.write(head + body);", CodeSnippetText::tr("send; the thread is held"),
        CodeStep::Sending);
    b.add("        while (socket.waitForReadyRead(100))", CodeSnippetText::tr("wait: held, doing nothing"),
        CodeStep::Waiting);
    b.add("            r.tokenNs.push_back(clock.nsecsElapsed());", CodeSnippetText::tr("a token arrives"),
        CodeStep::Streaming);
    b.add("    }");
    b.add("}");
    if (jobs) {
        b.add("");
        b.add("// every job is accepted at once; the run's own thread polls their status");
        b.add(QStringLiteral("pollTimer.start(%1);").arg(s.jobPollMs));
        b.add("connect(&pollTimer, &QTimer::timeout, this, &BlockingWorkersRun::poll);",
            CodeSnippetText::tr("poll the status"), CodeStep::Polling);
    }
}

void qtParallelCpu(Builder &b)
{
    b.add("// ParallelCpuRun: every task handed to Qt's thread pool, a thread per core");
    b.add("for (int i = 0; i < tasks; ++i)", CodeSnippetText::tr("in line: waiting for a pool thread"),
        CodeStep::InLine);
    b.add("    QtConcurrent::run(QThreadPool::globalInstance(), [i] { return hashRounds(seed(i), rounds); })",
        CodeSnippetText::tr("CPU work on a core"), CodeStep::CpuWork);
    b.add("        .then(this, [this, i](const PoolTask &done) { record(i, done); });",
        CodeSnippetText::tr("back on the loop"));
}

} // namespace

CodeSnippets codeSnippetsFor(const Scenario &s)
{
    CodeSnippets out;
    Builder py;
    Builder qt;
    QString source;
    switch (s.mode) {
    case ExecutionMode::Sequential:
    case ExecutionMode::Concurrent:
        if (cpuOnly(s)) {
            pythonLoopCpu(py, s);
            qtLoopCpu(qt, s);
            source = QStringLiteral("src/parallel/loopcpurun.cpp");
        } else {
            pythonLoopRequests(py, s);
            qtEngine(qt, s);
            source = QStringLiteral("src/engine/loadengine.cpp");
        }
        break;
    case ExecutionMode::Mixed:
    case ExecutionMode::AntiPattern:
        pythonLoopRequests(py, s);
        qtEngine(qt, s);
        source = QStringLiteral("src/engine/loadengine.cpp, src/parallel/enginemodelrun.cpp");
        break;
    case ExecutionMode::ParallelBlocking:
        if (cpuOnly(s)) {
            pythonParallelCpu(py, s);
            qtParallelCpu(qt);
            source = QStringLiteral("src/parallel/parallelcpurun.cpp");
        } else {
            pythonBlocking(py, s);
            qtBlocking(qt, s);
            source = QStringLiteral("src/parallel/blockingworkersrun.cpp, src/parallel/blockinghttp.cpp");
        }
        break;
    case ExecutionMode::ParallelCpu:
        pythonParallelCpu(py, s);
        qtParallelCpu(qt);
        source = QStringLiteral("src/parallel/parallelcpurun.cpp");
        break;
    case ExecutionMode::BackgroundJobs:
        pythonJobs(py, s);
        qtBlocking(qt, s);
        source = QStringLiteral("src/parallel/blockingworkersrun.cpp");
        break;
    }
    out.lesson.title = CodeSnippetText::tr("Python asyncio, as the lesson writes it");
    out.lesson.source = CodeSnippetText::tr("a sketch: names like ask() and scrub() stand for your own code");
    out.lesson.lines = std::move(py.lines);
    out.ran.title = CodeSnippetText::tr("The Qt code that ran it");
    out.ran.source = CodeSnippetText::tr("condensed from %1").arg(source);
    out.ran.lines = std::move(qt.lines);
    return out;
}

} // namespace BurgerBench
