<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BurgerBench::Application</name>
    <message>
        <source>BurgerBench: a load tester for OpenAI-compatible LLM endpoints whose live timeline teaches sequential, concurrent and parallel work.</source>
        <translation>BurgerBench: a load tester for OpenAI-compatible LLM endpoints whose live timeline teaches sequential, concurrent and parallel work.</translation>
    </message>
    <message>
        <source>Open this scenario file.</source>
        <translation>Open this scenario file.</translation>
    </message>
    <message>
        <source>Start the run at once.</source>
        <translation>Start the run at once.</translation>
    </message>
    <message>
        <source>Save a picture of the window here when the run is done (or after start-up without --autorun).</source>
        <translation>Save a picture of the window here when the run is done (or after start-up without --autorun).</translation>
    </message>
    <message>
        <source>Save the timeline alone (PNG, SVG or PDF) when the run is done.</source>
        <translation>Save the timeline alone (PNG, SVG or PDF) when the run is done.</translation>
    </message>
    <message>
        <source>Quit once the run is done and pictures are saved.</source>
        <translation>Quit once the run is done and pictures are saved.</translation>
    </message>
    <message>
        <source>User interface language: en or es.</source>
        <translation>User interface language: en or es.</translation>
    </message>
    <message>
        <source>Window size, e.g. 1600x1000.</source>
        <translation>Window size, e.g. 1600x1000.</translation>
    </message>
    <message>
        <source>With --quit-when-done: give up after this many seconds (default 600).</source>
        <translation>With --quit-when-done: give up after this many seconds (default 600).</translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot; (use en or es)</source>
        <translation>unknown language &quot;%1&quot; (use en or es)</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>cannot write %1</translation>
    </message>
    <message>
        <source>gave up after %1 s</source>
        <translation>gave up after %1 s</translation>
    </message>
    <message>
        <source>When the run is done, select request N (from 1) and show its details.</source>
        <translation>When the run is done, select request N (from 1) and show its details.</translation>
    </message>
    <message>
        <source>Open this saved run report (JSON) as the current run.</source>
        <translation>Open this saved run report (JSON) as the current run.</translation>
    </message>
    <message>
        <source>Overlay this saved run report (JSON) on the timeline and compare it with the current run.</source>
        <translation>Overlay this saved run report (JSON) on the timeline and compare it with the current run.</translation>
    </message>
    <message>
        <source>Open the race window with this race preset (e.g. burgers) and run it; --screenshot then saves the race window when the race is done.</source>
        <translation>Open the race window with this race preset (e.g. burgers) and run it; --screenshot then saves the race window when the race is done.</translation>
    </message>
    <message>
        <source>unknown race preset &quot;%1&quot;</source>
        <translation>unknown race preset &quot;%1&quot;</translation>
    </message>
    <message>
        <source>When the run is done, save it as a run report (JSON), as File → Save run… does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the run is done, write this report, as File → Export report… does; the extension names the format: .json, .html, .csv or .trace.json (Perfetto). May be repeated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--export %1: unknown report format &quot;%2&quot; (use .json, .html, .csv or .trace.json; a picture of the timeline: --export-timeline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--save-run and --export save the main window&apos;s run, not a race</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--save-run and --export need a run: add --autorun (or --open-run FILE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the run is done, show The code tab as the run stood MS milliseconds in: the lines where its orders were then, lit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay this saved run report (JSON) as Run → Replay saved run… does, the story told as it happened; --screenshot saves the window when the replay ends (or pauses: --pause-at).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --replay: how fast, against the run&apos;s own time (0.25, 0.5, 1; up to 16; default 0.25).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --replay: pause when the replay reaches this moment (milliseconds into the run); --screenshot and --quit-when-done act then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--speed: a speed above 0 and at most 16, e.g. 0.25 (got &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--speed and --pause-at need --replay FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--replay plays a saved run: not with --autorun, --open-run or --race</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: a moment in milliseconds from 0 to 1000000000 (got &quot;%2&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::CodePanel</name>
    <message>
        <source>Point at the timeline to see where every order stood at that moment; during a run the lines follow it live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n not due yet</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in line</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n being sent</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for the kitchen</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n receiving tokens</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to retry</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n being worked on (CPU)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) being polled</source>
        <translation>
            <numerusform>%n job being polled</numerusform>
            <numerusform>%n jobs being polled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finished</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>At %1: nothing under way; %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now (%1): %2; %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At %1: %2; %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::CodeSnippets</name>
    <message>
        <source>wait, then try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait: the loop serves the others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a token arrives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in line: at most %1 a second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in line: at most %1 at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in line: one at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU work on the loop&apos;s thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU work on a pool thread; the loop goes on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU work ON the loop: everything else freezes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fail-fast: the first error cancels the rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not due yet: a timer, no thread held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>collect-all: every result or error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU work: the thread computes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU work: one slice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the next chore a turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in line: one thread, so one chore at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in line: one after another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a worker thread runs this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send; the thread is held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait: held, doing nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in line: waiting for a free worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a process per core runs this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU work, on every core at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one worker per core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in line: waiting for a free core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server: FastAPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted now, worked on later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a worker thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the LLM call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>poll the status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in line: the token bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in line: the cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send: QTcpSocket, our own HTTP/1.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait: back to the loop, nothing held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send: QNetworkAccessManager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait, then try again: a timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU work on a pool thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>back on the loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU work on the loop&apos;s own thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one turn of the loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in line: the others wait on the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU work: the loop is busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to the back of the line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yield: timers run between chores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in line: QSemaphore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in line: waiting for a pool thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU work on a core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python asyncio, as the lesson writes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sketch: names like ask() and scrub() stand for your own code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Qt code that ran it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>condensed from %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::ComparePanel</name>
    <message>
        <source>TTFT p50 (ms)</source>
        <translation>TTFT p50 (ms)</translation>
    </message>
    <message>
        <source>TTFT p99 (ms)</source>
        <translation>TTFT p99 (ms)</translation>
    </message>
    <message>
        <source>ITL p50 (ms)</source>
        <translation>ITL p50 (ms)</translation>
    </message>
    <message>
        <source>ITL p99 (ms)</source>
        <translation>ITL p99 (ms)</translation>
    </message>
    <message>
        <source>TPOT p50 (ms)</source>
        <translation>TPOT p50 (ms)</translation>
    </message>
    <message>
        <source>TPOT p99 (ms)</source>
        <translation>TPOT p99 (ms)</translation>
    </message>
    <message>
        <source>E2EL p50 (ms)</source>
        <translation>E2EL p50 (ms)</translation>
    </message>
    <message>
        <source>E2EL p99 (ms)</source>
        <translation>E2EL p99 (ms)</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Requests/s</translation>
    </message>
    <message>
        <source>Output tokens/s</source>
        <translation>Output tokens/s</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>beyond noise</source>
        <translation>beyond noise</translation>
    </message>
    <message>
        <source>within noise</source>
        <translation>within noise</translation>
    </message>
    <message>
        <source>n/a (one value per run)</source>
        <translation>n/a (one value per run)</translation>
    </message>
    <message>
        <source>too few samples</source>
        <translation>too few samples</translation>
    </message>
    <message>
        <source>No run to compare with: File → Compare with saved run…</source>
        <translation>No run to compare with: File → Compare with saved run…</translation>
    </message>
    <message>
        <source>comparing…</source>
        <translation>comparing…</translation>
    </message>
    <message>
        <source>Mann-Whitney p = %1</source>
        <translation>Mann-Whitney p = %1</translation>
    </message>
    <message>
        <source>95% interval of B − A: %1 … %2</source>
        <translation>95% interval of B − A: %1 … %2</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metric</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Change (B − A)</source>
        <translation>Change (B − A)</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Beyond noise: the Mann-Whitney test gives p &lt; 0.05 and the 95% bootstrap interval of B − A excludes 0 (as burgerbench-cli compare). Throughputs and counts are one value per run: repeat the runs to judge them.</source>
        <translation>Beyond noise: the Mann-Whitney test gives p &lt; 0.05 and the 95% bootstrap interval of B − A excludes 0 (as burgerbench-cli compare). Throughputs and counts are one value per run: repeat the runs to judge them.</translation>
    </message>
    <message>
        <source>&lt;b&gt;A&lt;/b&gt; %1 &amp;nbsp;&amp;nbsp; &lt;b&gt;B&lt;/b&gt; %2%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::DetailsPanel</name>
    <message>
        <source>Click a request on the timeline to see its details.</source>
        <translation>Click a request on the timeline to see its details.</translation>
    </message>
    <message>
        <source>(the text appears when the request ends)</source>
        <translation>(the text appears when the request ends)</translation>
    </message>
    <message numerus="yes">
        <source>Succeeded after %n retry(s).</source>
        <translation>
            <numerusform>Succeeded after %n retry.</numerusform>
            <numerusform>Succeeded after %n retries.</numerusform>
        </translation>
    </message>
    <message>
        <source>Report id: %1</source>
        <translation>Report id: %1</translation>
    </message>
    <message>
        <source>Attempt %1 failed: %2</source>
        <translation>Attempt %1 failed: %2</translation>
    </message>
    <message>
        <source>%1 before attempt %2</source>
        <translation>%1 before attempt %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Attempt %1: %2</source>
        <translation>Attempt %1: %2</translation>
    </message>
    <message>
        <source>Attempt %1 at %2: %3</source>
        <translation>Attempt %1 at %2: %3</translation>
    </message>
</context>
<context>
    <name>BurgerBench::HtmlReport</name>
    <message>
        <source>Waiting in line for a free slot or the rate limiter, before the request is sent.</source>
        <translation type="unfinished">Waiting in line for a free slot or the rate limiter, before the request is sent.</translation>
    </message>
    <message>
        <source>Building the request and handing it to the network: real work.</source>
        <translation type="unfinished">Building the request and handing it to the network: real work.</translation>
    </message>
    <message>
        <source>Sent; waiting for the server&apos;s first token. No thread is busy: this is the table with the order number.</source>
        <translation type="unfinished">Sent; waiting for the server&apos;s first token. No thread is busy: this is the table with the order number.</translation>
    </message>
    <message>
        <source>Tokens arriving; each tick is one token event.</source>
        <translation type="unfinished">Tokens arriving; each tick is one token event.</translation>
    </message>
    <message>
        <source>A thread computing: the cook at work.</source>
        <translation type="unfinished">A thread computing: the cook at work.</translation>
    </message>
    <message>
        <source>A thread held while it only waits, or the event loop frozen by work it should not do.</source>
        <translation type="unfinished">A thread held while it only waits, or the event loop frozen by work it should not do.</translation>
    </message>
    <message>
        <source>A failed attempt, or where the request failed.</source>
        <translation type="unfinished">A failed attempt, or where the request failed.</translation>
    </message>
    <message>
        <source>From when the schedule wanted to send the request to when it really went out.</source>
        <translation type="unfinished">From when the schedule wanted to send the request to when it really went out.</translation>
    </message>
    <message>
        <source>Cut off by a cancel, fail-fast or the end of the run.</source>
        <translation type="unfinished">Cut off by a cancel, fail-fast or the end of the run.</translation>
    </message>
    <message>
        <source>How late the event loop&apos;s timer fired: the loop was busy.</source>
        <translation type="unfinished">How late the event loop&apos;s timer fired: the loop was busy.</translation>
    </message>
    <message>
        <source>no samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time since the run started (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event loop</source>
        <translation type="unfinished">event loop</translation>
    </message>
    <message>
        <source>TTFT (time to first token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first token event − request start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TPOT (time per output token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(E2EL − TTFT) / (output tokens − 1), requests with more than 1 output token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ITL (inter-token latency)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each gap between consecutive token events, pooled over all successful requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E2EL (end-to-end latency)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last token event − request start (non-streaming: response fully read − request start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client queue time (extra)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request start − intended start (time at the client&apos;s own gates)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to first byte (extra)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first byte − request start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule-relative latency (extra)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end − intended start (what a user who arrived on schedule felt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sequential: one request at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>concurrent: one event loop, up to %1 in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parallel: %1 blocking workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parallel CPU work: %1 workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both: event loop plus a worker pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anti-pattern: CPU work on the event loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>background jobs: accepted at once, run by %1 workers, status polled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built-in simulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BurgerBench report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run was stopped early.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open loop: %1 req/s, burstiness %2, cap %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed loop: concurrency %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, for %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (+%1 warm-up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished">Target</translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished">Load</translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished">Request</translation>
    </message>
    <message>
        <source>%1, max %2 tokens, prompt %3 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric definitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one monotonic ns clock per run; times from the run start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed / failed / incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of %1 measured requests sent; warm-up excluded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just before the first measured dispatch → the last one settled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> req/s</source>
        <translation type="unfinished"> req/s</translation>
    </message>
    <message>
        <source>Request throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>successful requests / duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Σ output tokens / duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total token throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Σ prompt + Σ output tokens) / duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no SLO set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goodput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>successful requests meeting every SLO / duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak concurrency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exact sweep over [start, end), ends before starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busiest 1-second bucket of token events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt / output tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the server&apos;s usage.completion_tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counted as token events: the server sent no usage (flagged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency percentiles (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact samples of successful measured requests; percentiles by linear interpolation between closest ranks (numpy&apos;s default); std is the population standard deviation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished">Metric</translation>
    </message>
    <message>
        <source>mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formula</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Histograms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashed lines: p50 (black) and p99 (red).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak in each column: exact sweep over [request start, end).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token events in each column / column width.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed requests per column, at the moment they failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished">Timeline</translation>
    </message>
    <message>
        <source>Top: the event-loop thread (the cashier). Then worker threads, if any. Then one lane per request: who is busy and who is only waiting, at every instant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors by kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no message)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed and incomplete requests are excluded from every latency statistic and throughput.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation type="unfinished">Scenario</translation>
    </message>
    <message>
        <source>As JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One monotonic nanosecond clock per run; wall-clock time only as the run&apos;s label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request start = just before the POST is handed to the network, after any client-side gate; the wait at the gate is client queue time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A token event is an SSE event whose JSON has a non-empty choices array; a usage-only event is not one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTFT = first token event − request start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E2EL = last token event − request start (non-streaming: response fully read − start).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ITL = each gap between consecutive token events, pooled over all successful requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output tokens = usage.completion_tokens when the server sends it, else the number of token events (flagged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TPOT = (E2EL − TTFT) / (output tokens − 1), only when output tokens &gt; 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure = non-2xx, transport or parse error, in-stream error, timeout, or no token event; requests cut off by the end of the run are incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughputs = successes / duration; Σ output tokens / duration; (Σ prompt + Σ output) / duration. Goodput counts successes meeting every SLO.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics from the exact samples: mean, median, population std, percentiles by linear interpolation (numpy&apos;s default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peaks: busiest 1-second bucket of token events; requests in flight by an exact sweep over [start, end), ends before starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Definitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Definition set &quot;%1&quot;: the headline figures mean what vLLM&apos;s bench serve means by them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated by BurgerBench %1 from the run started %2. Self-contained: no scripts, fonts or images are loaded from anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between two attempts: the backoff or the server&apos;s Retry-After. Nothing is sent and nobody works.</source>
        <translation>Between two attempts: the backoff or the server&apos;s Retry-After. Nothing is sent and nobody works.</translation>
    </message>
    <message>
        <source>Inside the kitchen: the server&apos;s own metrics</source>
        <translation type="unfinished">Inside the kitchen: the server&apos;s own metrics</translation>
    </message>
    <message>
        <source>%1 scraped every %2 ms: %3 scrapes, %4 failed (%5). Each sample is at the midpoint of its scrape&apos;s round trip on the run&apos;s clock.</source>
        <translation type="unfinished">%1 scraped every %2 ms: %3 scrapes, %4 failed (%5). Each sample is at the midpoint of its scrape&apos;s round trip on the run&apos;s clock.</translation>
    </message>
    <message>
        <source>server not recognised</source>
        <translation type="unfinished">server not recognised</translation>
    </message>
    <message>
        <source>running (cooking)</source>
        <translation type="unfinished">running (cooking)</translation>
    </message>
    <message>
        <source>waiting (in the kitchen&apos;s line)</source>
        <translation type="unfinished">waiting (in the kitchen&apos;s line)</translation>
    </message>
    <message>
        <source>Server requests: running and waiting</source>
        <translation type="unfinished">Server requests: running and waiting</translation>
    </message>
    <message>
        <source>KV cache in use</source>
        <translation type="unfinished">KV cache in use</translation>
    </message>
    <message>
        <source>KV-cache usage</source>
        <translation type="unfinished">KV-cache usage</translation>
    </message>
    <message>
        <source>The share of the server&apos;s KV-cache (token pool) in use, in %.</source>
        <translation type="unfinished">The share of the server&apos;s KV-cache (token pool) in use, in %.</translation>
    </message>
    <message>
        <source>server TTFT %1</source>
        <translation type="unfinished">server TTFT %1</translation>
    </message>
    <message>
        <source>Server TTFT percentiles</source>
        <translation type="unfinished">Server TTFT percentiles</translation>
    </message>
    <message>
        <source>From the server&apos;s TTFT histogram between consecutive scrapes (differences of cumulative buckets), interpolated inside a bucket.</source>
        <translation type="unfinished">From the server&apos;s TTFT histogram between consecutive scrapes (differences of cumulative buckets), interpolated inside a bucket.</translation>
    </message>
    <message>
        <source>server observations</source>
        <translation type="unfinished">server observations</translation>
    </message>
    <message>
        <source>server p50 (ms)</source>
        <translation type="unfinished">server p50 (ms)</translation>
    </message>
    <message>
        <source>server p99 (ms)</source>
        <translation type="unfinished">server p99 (ms)</translation>
    </message>
    <message>
        <source>client p50 (ms)</source>
        <translation type="unfinished">client p50 (ms)</translation>
    </message>
    <message>
        <source>client p99 (ms)</source>
        <translation type="unfinished">client p99 (ms)</translation>
    </message>
    <message>
        <source>The difference is what the network and the client add (and the histogram&apos;s bucket width).</source>
        <translation type="unfinished">The difference is what the network and the client add (and the histogram&apos;s bucket width).</translation>
    </message>
    <message>
        <source>No running, waiting, KV-cache or TTFT series were scraped.</source>
        <translation type="unfinished">No running, waiting, KV-cache or TTFT series were scraped.</translation>
    </message>
    <message>
        <source>Per turn: the regulars&apos; second orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTFT p50 (ms)</source>
        <translation type="unfinished">TTFT p50 (ms)</translation>
    </message>
    <message>
        <source>TTFT p99 (ms)</source>
        <translation type="unfinished">TTFT p99 (ms)</translation>
    </message>
    <message>
        <source>E2EL p50 (ms)</source>
        <translation type="unfinished">E2EL p50 (ms)</translation>
    </message>
    <message>
        <source>E2EL p99 (ms)</source>
        <translation type="unfinished">E2EL p99 (ms)</translation>
    </message>
    <message>
        <source>Each session&apos;s k-th request. A later turn carries the whole conversation so far; with a prefix cache its TTFT should not grow with that history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTFT (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the target&apos;s own POST /tokenize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calibrated from the usage.prompt_tokens of probe requests sent before the clock started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>estimated: about 4 bytes of text a token (no /tokenize, no calibration)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the requests asked for and what the server says they got. Asked = the planned prompt length and max_tokens; achieved = the server&apos;s usage.prompt_tokens and usage.completion_tokens of each success.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input lengths asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request.prompt_tokens (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output lengths asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request.max_tokens (%1), or the dataset&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens, %2 groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 rows sampled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; %2 bytes a token, %3 tokens added per prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cached prompt tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Σ cached_tokens / Σ prompt tokens; %1 of %2 successes had cached tokens (the kitchen had that part ready)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server reported no usage.prompt_tokens_details.cached_tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of %1 successes with an asked max_tokens ended with fewer output tokens; they stay in every statistic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token counts from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input length: asked and achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asked (%1 requests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>achieved: usage.prompt_tokens (%1 successes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent no usage.prompt_tokens: nothing achieved to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both series on the same bins; a shared prefix is part of the prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output length: asked and achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asked: max_tokens (%1 requests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>achieved: output tokens (%1 successes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A success left of its asked bar stopped early (an end of sequence before max_tokens).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Least-squares line (red): TTFT grows by %1 ms per 1,000 input tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No slope: fewer than two different input lengths.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTFT against input length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>part of the prompt was cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing cached (or not reported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One point per measured success (%1); input = usage.prompt_tokens for %2 of them, else the asked length. A longer prompt takes longer to prefill; cached tokens do not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replay: %1 timestamped rows at time scale %2, up to %3 in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 sessions of %2 turns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, the dataset&apos;s conversations as sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS certificates were not verified (--insecure): anyone on the path could read or change this run&apos;s traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no successful request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage disagrees with token events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>successes whose usage.completion_tokens differs from the token events they sent: TPOT divides by the usage, ITL counts the events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No request succeeded: there is no TTFT, TPOT, ITL, E2EL or token throughput to give, only the failures below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This client limited the measurement: its engine thread was busy %1% of its busiest second and its loop lag p99 was %2 ms. The figures are upper bounds of what the server did.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The socket transport (--transport socket) costs less per token event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s own CPU work ran on the event loop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the engine thread&apos;s busiest second; loop lag p99 %1 ms; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not limiting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::Legend</name>
    <message>
        <source>In line</source>
        <translation>In line</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>Waiting for first token</source>
        <translation>Waiting for first token</translation>
    </message>
    <message>
        <source>Streaming (tick = token)</source>
        <translation>Streaming (tick = token)</translation>
    </message>
    <message>
        <source>CPU work</source>
        <translation>CPU work</translation>
    </message>
    <message>
        <source>Blocked / held</source>
        <translation>Blocked / held</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Ghost: intended start</source>
        <translation>Ghost: intended start</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Incomplete</translation>
    </message>
    <message>
        <source>Event-loop lag</source>
        <translation>Event-loop lag</translation>
    </message>
    <message>
        <source>Waiting in line for a free slot or the rate limiter, before the request is sent.</source>
        <translation>Waiting in line for a free slot or the rate limiter, before the request is sent.</translation>
    </message>
    <message>
        <source>Building the request and handing it to the network: real work.</source>
        <translation>Building the request and handing it to the network: real work.</translation>
    </message>
    <message>
        <source>Sent; waiting for the server&apos;s first token. No thread is busy: this is the table with the order number.</source>
        <translation>Sent; waiting for the server&apos;s first token. No thread is busy: this is the table with the order number.</translation>
    </message>
    <message>
        <source>Tokens arriving; each tick is one token event.</source>
        <translation>Tokens arriving; each tick is one token event.</translation>
    </message>
    <message>
        <source>A thread computing: the cook at work.</source>
        <translation>A thread computing: the cook at work.</translation>
    </message>
    <message>
        <source>A thread held while it only waits, or the event loop frozen by work it should not do.</source>
        <translation>A thread held while it only waits, or the event loop frozen by work it should not do.</translation>
    </message>
    <message>
        <source>A failed attempt, or where the request failed.</source>
        <translation>A failed attempt, or where the request failed.</translation>
    </message>
    <message>
        <source>From when the schedule wanted to send the request to when it really went out.</source>
        <translation>From when the schedule wanted to send the request to when it really went out.</translation>
    </message>
    <message>
        <source>Cut off by a cancel, fail-fast or the end of the run.</source>
        <translation>Cut off by a cancel, fail-fast or the end of the run.</translation>
    </message>
    <message>
        <source>How late the event loop&apos;s timer fired: the loop was busy.</source>
        <translation>How late the event loop&apos;s timer fired: the loop was busy.</translation>
    </message>
    <message>
        <source>Retry wait</source>
        <translation>Retry wait</translation>
    </message>
    <message>
        <source>Kitchen: cooking</source>
        <translation>Kitchen: cooking</translation>
    </message>
    <message>
        <source>Kitchen: waiting</source>
        <translation>Kitchen: waiting</translation>
    </message>
    <message>
        <source>Between two attempts: the backoff or the server&apos;s Retry-After. Nothing is sent and nobody works.</source>
        <translation>Between two attempts: the backoff or the server&apos;s Retry-After. Nothing is sent and nobody works.</translation>
    </message>
    <message>
        <source>Requests the server is running, from its own metrics.</source>
        <translation>Requests the server is running, from its own metrics.</translation>
    </message>
    <message>
        <source>Requests waiting in the server&apos;s queue, from its own metrics.</source>
        <translation>Requests waiting in the server&apos;s queue, from its own metrics.</translation>
    </message>
    <message>
        <source>Job running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs the status board says a worker has, as the client&apos;s last poll read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs the status board says are done, as the client&apos;s last poll read it: results to fetch.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::LengthHistogram</name>
    <message>
        <source>Input lengths of the sampled rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rows to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input tokens (%1 rows)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::MainWindow</name>
    <message>
        <source>The run could not start: %1</source>
        <translation>The run could not start: %1</translation>
    </message>
    <message>
        <source>Cannot run</source>
        <translation>Cannot run</translation>
    </message>
    <message>
        <source>Run the scenario (Ctrl+R)</source>
        <translation>Run the scenario (Ctrl+R)</translation>
    </message>
    <message>
        <source>Fix the scenario first: %1</source>
        <translation>Fix the scenario first: %1</translation>
    </message>
    <message numerus="yes">
        <source>The shop opens: %n order(s) to serve, kitchen = built-in simulator.</source>
        <translation>
            <numerusform>The shop opens: %n order to serve, kitchen = built-in simulator.</numerusform>
            <numerusform>The shop opens: %n orders to serve, kitchen = built-in simulator.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The shop opens: %n order(s) to serve at %1.</source>
        <translation>
            <numerusform>The shop opens: %n order to serve at %1.</numerusform>
            <numerusform>The shop opens: %n orders to serve at %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Running “%1”…</source>
        <translation>Running “%1”…</translation>
    </message>
    <message>
        <source>Stopping: requests still in flight are cut off and kept as incomplete.</source>
        <translation>Stopping: requests still in flight are cut off and kept as incomplete.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Stopped.</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>Finished.</translation>
    </message>
    <message>
        <source>time to first token</source>
        <translation>time to first token</translation>
    </message>
    <message>
        <source>gap between tokens</source>
        <translation>gap between tokens</translation>
    </message>
    <message>
        <source>whole-request latency</source>
        <translation>whole-request latency</translation>
    </message>
    <message numerus="yes">
        <source>Highlighted %n request(s) with %1 at or above p%2 (%3 ms).</source>
        <translation>
            <numerusform>Highlighted %n request with %1 at or above p%2 (%3 ms).</numerusform>
            <numerusform>Highlighted %n requests with %1 at or above p%2 (%3 ms).</numerusform>
        </translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>Open scenario</translation>
    </message>
    <message>
        <source>Scenarios (*.json);;All files (*)</source>
        <translation>Scenarios (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Cannot open the scenario</source>
        <translation>Cannot open the scenario</translation>
    </message>
    <message>
        <source>Save scenario</source>
        <translation>Save scenario</translation>
    </message>
    <message>
        <source>Scenarios (*.json)</source>
        <translation>Scenarios (*.json)</translation>
    </message>
    <message>
        <source>Cannot save the scenario</source>
        <translation>Cannot save the scenario</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Cannot write %1</translation>
    </message>
    <message>
        <source>Export timeline</source>
        <translation>Export timeline</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)</source>
        <translation>PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <source>About BurgerBench</source>
        <translation>About BurgerBench</translation>
    </message>
    <message>
        <source>&lt;h3&gt;BurgerBench %1&lt;/h3&gt;&lt;p&gt;A load tester for OpenAI-compatible LLM endpoints whose timeline teaches the difference between sequential, concurrent and parallel work, told as a burger shop.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;BurgerBench %1&lt;/h3&gt;&lt;p&gt;A load tester for OpenAI-compatible LLM endpoints whose timeline teaches the difference between sequential, concurrent and parallel work, told as a burger shop.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>BurgerBench — concurrency, told with burgers</source>
        <translation>BurgerBench — concurrency, told with burgers</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Wheel: zoom · drag: pan · Shift+drag or drag on the time axis: select a range · click a bar: details</source>
        <translation>Wheel: zoom · drag: pan · Shift+drag or drag on the time axis: select a range · click a bar: details</translation>
    </message>
    <message>
        <source>Open saved &amp;run…</source>
        <translation>Open saved &amp;run…</translation>
    </message>
    <message>
        <source>Show a run report (JSON) saved by burgerbench-cli run --json</source>
        <translation>Show a run report (JSON) saved by burgerbench-cli run --json</translation>
    </message>
    <message>
        <source>&amp;Compare with saved run…</source>
        <translation>&amp;Compare with saved run…</translation>
    </message>
    <message>
        <source>Overlay a saved run report (B) under the current run (A) on the timeline, with a comparison table</source>
        <translation>Overlay a saved run report (B) under the current run (A) on the timeline, with a comparison table</translation>
    </message>
    <message>
        <source>C&amp;lear comparison</source>
        <translation>C&amp;lear comparison</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <source>this run (none yet: press Run)</source>
        <translation>this run (none yet: press Run)</translation>
    </message>
    <message>
        <source>this run: %1</source>
        <translation>this run: %1</translation>
    </message>
    <message>
        <source>Cannot compare with %1.</source>
        <translation>Cannot compare with %1.</translation>
    </message>
    <message>
        <source>Comparing with %1: its requests are the lower row of each lane.</source>
        <translation>Comparing with %1: its requests are the lower row of each lane.</translation>
    </message>
    <message>
        <source>Compare with saved run</source>
        <translation>Compare with saved run</translation>
    </message>
    <message>
        <source>Run reports (*.json);;All files (*)</source>
        <translation>Run reports (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Cannot compare</source>
        <translation>Cannot compare</translation>
    </message>
    <message>
        <source>Stop the run first.</source>
        <translation>Stop the run first.</translation>
    </message>
    <message>
        <source>Cannot open the run %1.</source>
        <translation>Cannot open the run %1.</translation>
    </message>
    <message>
        <source>Open saved run</source>
        <translation>Open saved run</translation>
    </message>
    <message>
        <source>Cannot open the run</source>
        <translation>Cannot open the run</translation>
    </message>
    <message>
        <source>Compared run (B): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no extension to tell the report&apos;s format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;.%1&quot; is not a report format (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use .json (run report), .html, .csv or .trace.json (Perfetto trace).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the run to finish, or stop it, before saving it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no run to save yet: press Run, or open a saved run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run reports (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the run to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON run report (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV, one row per request (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perfetto / Chrome trace (*.trace.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the report to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scenario now uses the built-in simulator: press Run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the run on screen as a run report (JSON), as burgerbench-cli run --json writes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export re&amp;port…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the run on screen as a JSON run report, an HTML report, CSV or a Perfetto trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the run first: the main window shows one run at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sweep has no step %1 to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate %1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>concurrency %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sweep step %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing sweep step %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scenario now uses the socket transport: press Run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaying %1 at %2: the story is told as it happened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaying “%1” at %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;play saved run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play a saved run back slowly, the story told as it happened; pause, step, or click a line of the story to go back to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or resume the replay (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause and go to the next recorded event (.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay a saved run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”, %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time in line before sending</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::RaceController</name>
    <message>
        <source>A race is already running.</source>
        <translation>A race is already running.</translation>
    </message>
</context>
<context>
    <name>BurgerBench::RacePreset</name>
    <message>
        <source>8 orders × 2 s (I/O-bound)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eight orders, each takes two seconds in the kitchen. A cashier who stands at the counter until each order is out serves them in 16 s. A cashier who hands out a number and takes the next order while the kitchen works (the event loop) has all eight out in about 2 s. Four cashier-cooks who each wait at the counter for their own order need two rounds, about 4 s, and every one of them is held the whole time doing nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean the house: 8 rooms × 500 ms of CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eight rooms to clean, half a second of real work each. Nobody waits on anything here: it is all effort. Room after room takes N·T. Hopping between rooms on one thread (concurrency) spreads the attention, but the same pair of hands does all the scrubbing: no faster. One helper per core (QtConcurrent) splits the rooms and is done in about N·T / cores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web + ML: 8 calls × (2 s wait + 500 ms CPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A web service calls a model and then crunches each answer: two seconds of waiting, then half a second of computing. One at a time it costs N·(T_io + T_cpu). Blocking workers overlap the waits but elbow each other for the cores when they all compute at once. The mixed design keeps every call in flight on the event loop and hands the crunching to a pool as big as the machine: the waiting and the computing each go to the tool that suits them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocking the cashier: CPU work on the event loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders arrive every quarter of a second. In the anti-pattern the lone cashier, each time an order comes out, starts cleaning the house right at the till: for half a second nobody is served, no number is called, no token is read. Watch the loop lane turn red and its lag jump to the length of the chore. Give the same chore to the pool (mixed) and the cashier stays free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background jobs: accept now, work later, poll the status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client drops off eight jobs and gets a ticket for each at once (pending) instead of waiting at the counter. Two job workers take them in turn (running): each calls the model and then processes the answer. The client glances at the board every so often to see which are done and which failed. Every fourth job meets a server error on purpose, so a failure shows up as a status too.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::RaceWindow</name>
    <message>
        <source>Cannot start the race</source>
        <translation>Cannot start the race</translation>
    </message>
    <message>
        <source>Sequential: one thing after another</source>
        <translation>Sequential: one thing after another</translation>
    </message>
    <message>
        <source>Concurrent: one event loop</source>
        <translation>Concurrent: one event loop</translation>
    </message>
    <message numerus="yes">
        <source>Parallel: %n blocking worker(s)</source>
        <translation>
            <numerusform>Parallel: %n blocking worker</numerusform>
            <numerusform>Parallel: %n blocking workers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Parallel CPU: QtConcurrent on %n core(s)</source>
        <translation>
            <numerusform>Parallel CPU: QtConcurrent on %n core</numerusform>
            <numerusform>Parallel CPU: QtConcurrent on %n cores</numerusform>
        </translation>
    </message>
    <message>
        <source>Both: event loop + QtConcurrent</source>
        <translation>Both: event loop + QtConcurrent</translation>
    </message>
    <message>
        <source>Anti-pattern: CPU work on the event loop</source>
        <translation>Anti-pattern: CPU work on the event loop</translation>
    </message>
    <message numerus="yes">
        <source>Background jobs: %n worker(s)</source>
        <translation>
            <numerusform>Background jobs: %n worker</numerusform>
            <numerusform>Background jobs: %n workers</numerusform>
        </translation>
    </message>
    <message>
        <source>Measured: %1 s</source>
        <translation>Measured: %1 s</translation>
    </message>
    <message>
        <source>Measured: running… %1 s</source>
        <translation>Measured: running… %1 s</translation>
    </message>
    <message>
        <source>Measured: —</source>
        <translation>Measured: —</translation>
    </message>
    <message>
        <source>Theory: %1 s</source>
        <translation>Theory: %1 s</translation>
    </message>
    <message>
        <source>Theory: —</source>
        <translation>Theory: —</translation>
    </message>
    <message>
        <source>Efficiency: %1 %</source>
        <translation>Efficiency: %1 %</translation>
    </message>
    <message>
        <source>Theory ÷ measured: 100 % is as fast as the ideal run.</source>
        <translation>Theory ÷ measured: 100 % is as fast as the ideal run.</translation>
    </message>
    <message>
        <source>Speed-up: %1× (against the theoretical sequential time)</source>
        <translation>Speed-up: %1× (against the theoretical sequential time)</translation>
    </message>
    <message>
        <source>Speed-up: %1× over sequential</source>
        <translation>Speed-up: %1× over sequential</translation>
    </message>
    <message>
        <source>Efficiency: —</source>
        <translation>Efficiency: —</translation>
    </message>
    <message>
        <source>Did not run: %1</source>
        <translation>Did not run: %1</translation>
    </message>
    <message>
        <source>Stopped: the figures cover what ran.</source>
        <translation>Stopped: the figures cover what ran.</translation>
    </message>
    <message>
        <source>T_io estimated from the measured latency.</source>
        <translation>T_io estimated from the measured latency.</translation>
    </message>
    <message>
        <source>Worst event-loop lag: %1 ms</source>
        <translation>Worst event-loop lag: %1 ms</translation>
    </message>
    <message>
        <source>Threads held while only waiting: %1 s</source>
        <translation>Threads held while only waiting: %1 s</translation>
    </message>
    <message>
        <source>Waiting for its turn.</source>
        <translation>Waiting for its turn.</translation>
    </message>
    <message>
        <source>The race could not start: %1</source>
        <translation>The race could not start: %1</translation>
    </message>
    <message>
        <source>Running %1 (%2 of %3)…</source>
        <translation>Running %1 (%2 of %3)…</translation>
    </message>
    <message>
        <source>Starting the race…</source>
        <translation>Starting the race…</translation>
    </message>
    <message>
        <source>Stopped: the rows keep what ran.</source>
        <translation>Stopped: the rows keep what ran.</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <source>&amp;Run race</source>
        <translation>&amp;Run race</translation>
    </message>
    <message>
        <source>Stop the race; the model in progress is cut off (Esc)</source>
        <translation>Stop the race; the model in progress is cut off (Esc)</translation>
    </message>
    <message>
        <source>Run the workload through every model, one after another</source>
        <translation>Run the workload through every model, one after another</translation>
    </message>
    <message>
        <source>A race is already running.</source>
        <translation>A race is already running.</translation>
    </message>
    <message>
        <source>Finished: the fastest was “%1”, %2 s. Every row is drawn on the same time axis: compare the lengths.</source>
        <translation>Finished: the fastest was “%1”, %2 s. Every row is drawn on the same time axis: compare the lengths.</translation>
    </message>
    <message>
        <source>Press Run: the models run one after another, each on its own clock from 0, drawn on one shared time axis. The theory is already there: see how close each model gets.</source>
        <translation>Press Run: the models run one after another, each on its own clock from 0, drawn on one shared time axis. The theory is already there: see how close each model gets.</translation>
    </message>
    <message>
        <source>Efficiency: %1 % (%2 % on the CPU it got)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with %1 of the %2 cores it asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Done: %n CPU task(s), no requests.</source>
        <translation>
            <numerusform>Done: %n CPU task, no requests.</numerusform>
            <numerusform>Done: %n CPU tasks, no requests.</numerusform>
        </translation>
    </message>
    <message>
        <source>CPU time the tasks got: %1 s, %2 cores on average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This machine gave the run %1 of the %2 cores it asked for: other programs were using the rest, so it took longer than on an idle machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished: “%1” took %2 s. Add another model to the race to compare it with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>against %1 of the %2 jobs one at a time: the failed ones cost nothing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::RequestDescription</name>
    <message>
        <source>in line</source>
        <translation>in line</translation>
    </message>
    <message>
        <source>in flight</source>
        <translation>in flight</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>incomplete</translation>
    </message>
    <message>
        <source>Request #%1</source>
        <translation>Request #%1</translation>
    </message>
    <message>
        <source>warm-up</source>
        <translation>warm-up</translation>
    </message>
    <message>
        <source>In line</source>
        <translation>In line</translation>
    </message>
    <message>
        <source>TTFT</source>
        <translation>TTFT</translation>
    </message>
    <message>
        <source>E2E latency</source>
        <translation>E2E latency</translation>
    </message>
    <message>
        <source>Token events</source>
        <translation>Token events</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Slot</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Retries</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP status</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no error</source>
        <translation>no error</translation>
    </message>
    <message>
        <source>HTTP 429: too many requests</source>
        <translation>HTTP 429: too many requests</translation>
    </message>
    <message>
        <source>HTTP %1: the server failed</source>
        <translation>HTTP %1: the server failed</translation>
    </message>
    <message>
        <source>HTTP %1: the server refused the request</source>
        <translation>HTTP %1: the server refused the request</translation>
    </message>
    <message>
        <source>connection refused: nothing answers at that address</source>
        <translation>connection refused: nothing answers at that address</translation>
    </message>
    <message>
        <source>host not found: the name does not resolve</source>
        <translation>host not found: the name does not resolve</translation>
    </message>
    <message>
        <source>the secure (TLS) connection failed</source>
        <translation>the secure (TLS) connection failed</translation>
    </message>
    <message>
        <source>connection closed before the answer was complete</source>
        <translation>connection closed before the answer was complete</translation>
    </message>
    <message>
        <source>network error</source>
        <translation>network error</translation>
    </message>
    <message>
        <source>timed out: longer than the total time limit</source>
        <translation>timed out: longer than the total time limit</translation>
    </message>
    <message>
        <source>timed out: the server went quiet too long</source>
        <translation>timed out: the server went quiet too long</translation>
    </message>
    <message>
        <source>the server reported an error in the stream</source>
        <translation>the server reported an error in the stream</translation>
    </message>
    <message>
        <source>a streamed piece was not valid JSON</source>
        <translation>a streamed piece was not valid JSON</translation>
    </message>
    <message>
        <source>the stream ended without its final [DONE]</source>
        <translation>the stream ended without its final [DONE]</translation>
    </message>
    <message>
        <source>the answer carried no tokens</source>
        <translation>the answer carried no tokens</translation>
    </message>
    <message>
        <source>the answer was not an OpenAI completion</source>
        <translation>the answer was not an OpenAI completion</translation>
    </message>
    <message>
        <source>the answer was larger than the size limit</source>
        <translation>the answer was larger than the size limit</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>cancelled because another request failed (fail-fast)</source>
        <translation>cancelled because another request failed (fail-fast)</translation>
    </message>
    <message>
        <source>cut off by the end of the run</source>
        <translation>cut off by the end of the run</translation>
    </message>
    <message>
        <source>the answer did not start with an HTTP status line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer&apos;s chunked encoding was broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer&apos;s headers were larger than the limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1: redirected elsewhere (not followed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one streamed line or event was larger than the limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cut to keep the run&apos;s memory within its buffer budget</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::RunController</name>
    <message>
        <source>A run is already in progress.</source>
        <translation>A run is already in progress.</translation>
    </message>
    <message>
        <source>The run has nothing to replay: no request, task or job was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::RunStory</name>
    <message>
        <source>This run: no CPU task ran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This run: %n room(s) cleaned, %1 of work in all, by %2 in %3.</source>
        <translation>
            <numerusform>This run: %n room cleaned, %1 of work in all, by %2 in %3.</numerusform>
            <numerusform>This run: %n rooms cleaned, %1 of work in all, by %2 in %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n helper(s)</source>
        <translation>
            <numerusform>%n helper</numerusform>
            <numerusform>%n helpers</numerusform>
        </translation>
    </message>
    <message>
        <source>One helper alone would need about as long: the work did not spread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One helper alone would need about %1: %2 faster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bottleneck was this computer: the helpers had a core for only %1 of the time they ran; other programs were using the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The bottleneck was the cores: %1 at work at once on %n core(s), no room for more.</source>
        <translation>
            <numerusform>The bottleneck was the cores: %1 at work at once on %n core, no room for more.</numerusform>
            <numerusform>The bottleneck was the cores: %1 at work at once on %n cores, no room for more.</numerusform>
        </translation>
    </message>
    <message>
        <source>The bottleneck was the one helper: however the work is juggled, it is done one piece at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The bottleneck was the helpers: %1 at once, while the machine has %n core(s).</source>
        <translation>
            <numerusform>The bottleneck was the helpers: %1 at once, while the machine has %n core.</numerusform>
            <numerusform>The bottleneck was the helpers: %1 at once, while the machine has %n cores.</numerusform>
        </translation>
    </message>
    <message>
        <source>This run: no order went out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This run: %n order(s), %1 served, each in about %2.</source>
        <translation>
            <numerusform>This run: %n order, %1 served, each in about %2.</numerusform>
            <numerusform>This run: %n orders, %1 served, each in about %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This run: %n order(s), none served.</source>
        <translation>
            <numerusform>This run: %n order, none served.</numerusform>
            <numerusform>This run: %n orders, none served.</numerusform>
        </translation>
    </message>
    <message>
        <source>Their times add up to %1 and the run took %2: one after another, hardly any overlap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Their times add up to %1, yet the run took %2, %3 faster than one at a time: up to %n were in flight at once.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) handed out within %1; the cooks finished the last after %2.</source>
        <translation>
            <numerusform>%n ticket handed out within %1; the cooks finished the last after %2.</numerusform>
            <numerusform>%n tickets handed out within %1; the cooks finished the last after %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) failed in the back.</source>
        <translation>
            <numerusform>%n job failed in the back.</numerusform>
            <numerusform>%n jobs failed in the back.</numerusform>
        </translation>
    </message>
    <message>
        <source>Their answers took %1 of CPU work in the back, on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) needed another try (%1 more in all), waiting %2 between tries.</source>
        <translation>
            <numerusform>%n order needed another try (%1 more in all), waiting %2 between tries.</numerusform>
            <numerusform>%n orders needed another try (%1 more in all), waiting %2 between tries.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n went wrong, most often: %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n never finished: the run ended first.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The bottleneck was the kitchen: every order went out as soon as it came and only waited for the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The bottleneck was the kitchen: up to %n order(s) waited there for a cook, by the server&apos;s own count.</source>
        <translation>
            <numerusform>The bottleneck was the kitchen: up to %n order waited there for a cook, by the server&apos;s own count.</numerusform>
            <numerusform>The bottleneck was the kitchen: up to %n orders waited there for a cook, by the server&apos;s own count.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The bottleneck was the line: one order at a time, so %n order(s) waited in line, the longest %1.</source>
        <translation>
            <numerusform>The bottleneck was the line: one order at a time, so %n order waited in line, the longest %1.</numerusform>
            <numerusform>The bottleneck was the line: one order at a time, so %n orders waited in line, the longest %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The bottleneck was the line at the counter: only %1 at a time, so %n order(s) waited in line, the longest %2.</source>
        <translation>
            <numerusform>The bottleneck was the line at the counter: only %1 at a time, so %n order waited in line, the longest %2.</numerusform>
            <numerusform>The bottleneck was the line at the counter: only %1 at a time, so %n orders waited in line, the longest %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>The bottleneck was the cashier: it cooked at the counter for %1 in all (the longest %2), and nothing else moved meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bottleneck was the cashier: its own work on the event loop held the others up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bottleneck was this computer: the client&apos;s event loop was saturated, so these figures tell more about the client than about the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was served: this run shows what went wrong, not how fast the kitchen is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cashier (the event loop) was idle %1 of the time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This scenario: %n room(s) to clean, about %1 of work each.</source>
        <translation>
            <numerusform>This scenario: %n room to clean, about %1 of work each.</numerusform>
            <numerusform>This scenario: %n rooms to clean, about %1 of work each.</numerusform>
        </translation>
    </message>
    <message>
        <source>Press Run to see how long they take.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
    <message>
        <source>as many orders as fit in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This scenario: %1 arriving at %2 a second, at most %3 at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This scenario: %1, at most %2 at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The built-in simulator takes about %1 an order: its first token after %2, then %n token(s) %3 apart.</source>
        <translation>
            <numerusform>The built-in simulator takes about %1 an order: its first token after %2, then %n token %3 apart.</numerusform>
            <numerusform>The built-in simulator takes about %1 an order: its first token after %2, then %n tokens %3 apart.</numerusform>
        </translation>
    </message>
    <message>
        <source>One at a time, that is about %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One at a time that would be %1; %2 at a time, about %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kitchen is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Run to see what happens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The replay shows them as they ran; its figures follow at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each answer then gets about %1 of CPU work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The replay shows it as it happened; its figures follow at the end.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::ScenarioEditor</name>
    <message>
        <source>Burger shop: 8 orders</source>
        <translation>Burger shop: 8 orders</translation>
    </message>
    <message>
        <source>Chat service under load</source>
        <translation>Chat service under load</translation>
    </message>
    <message>
        <source>Flaky server</source>
        <translation>Flaky server</translation>
    </message>
    <message>
        <source>Your endpoint</source>
        <translation>Your endpoint</translation>
    </message>
    <message>
        <source>Scenario problems</source>
        <translation>Scenario problems</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>URL: enter an http:// or https:// address with a host, e.g. http://localhost:8000/v1</source>
        <translation>URL: enter an http:// or https:// address with a host, e.g. http://localhost:8000/v1</translation>
    </message>
    <message>
        <source>Model: enter the model name the server expects</source>
        <translation>Model: enter the model name the server expects</translation>
    </message>
    <message>
        <source>API key variable: a name like OPENAI_API_KEY (letters, digits, _), not the key itself</source>
        <translation>API key variable: a name like OPENAI_API_KEY (letters, digits, _), not the key itself</translation>
    </message>
    <message>
        <source>Requests: set a number of requests or a duration, or the run would never end</source>
        <translation>Requests: set a number of requests or a duration, or the run would never end</translation>
    </message>
    <message>
        <source>Backoff max: must be at least the backoff base</source>
        <translation>Backoff max: must be at least the backoff base</translation>
    </message>
    <message>
        <source>Faults: the probabilities add up to %1 %; at most 100 %</source>
        <translation>Faults: the probabilities add up to %1 %; at most 100 %</translation>
    </message>
    <message>
        <source>Fix before running:
%1</source>
        <translation>Fix before running:
%1</translation>
    </message>
    <message>
        <source>Lunch rush: 16 orders, 4 at a time</source>
        <translation>Lunch rush: 16 orders, 4 at a time</translation>
    </message>
    <message>
        <source>CPU work: this mode is about CPU work; give each task some (e.g. 100 ms)</source>
        <translation>CPU work: this mode is about CPU work; give each task some (e.g. 100 ms)</translation>
    </message>
    <message>
        <source>Set menu: the kitchen keeps it ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regulars: back for a second order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input lengths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output lengths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A seeded sample of %n row(s) read; the first ones:</source>
        <translation>
            <numerusform>A seeded sample of %n row read; the first ones:</numerusform>
            <numerusform>A seeded sample of %n rows read; the first ones:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s); the first ones:</source>
        <translation>
            <numerusform>%n row; the first ones:</numerusform>
            <numerusform>%n rows; the first ones:</numerusform>
        </translation>
    </message>
    <message>
        <source>input lengths estimated at about 4 bytes a token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(workload)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by duration</source>
        <translation type="unfinished">by duration</translation>
    </message>
    <message>
        <source>Datasets (*.jsonl *.json *.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Think time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::StatsPanel</name>
    <message>
        <source>Run progress</source>
        <translation>Run progress</translation>
    </message>
    <message>
        <source>Running: %1 elapsed, about %2 left</source>
        <translation>Running: %1 elapsed, about %2 left</translation>
    </message>
    <message>
        <source>Running: %1 elapsed</source>
        <translation>Running: %1 elapsed</translation>
    </message>
    <message numerus="yes">
        <source>Finished: %1 of %n request(s) done in %2</source>
        <translation>
            <numerusform>Finished: %1 of %n request done in %2</numerusform>
            <numerusform>Finished: %1 of %n requests done in %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>%1 p50</source>
        <translation>%1 p50</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>Time to first token</translation>
    </message>
    <message>
        <source>Between tokens</source>
        <translation>Between tokens</translation>
    </message>
    <message>
        <source>Whole request</source>
        <translation>Whole request</translation>
    </message>
    <message>
        <source>%1 p99</source>
        <translation>%1 p99</translation>
    </message>
    <message>
        <source>&lt;b&gt;Selected %1 → %2 (%3)&lt;/b&gt;&lt;br&gt;Started: %4 · finished: %5 · failed: %6&lt;br&gt;Tokens: %7 (%8/s) · most in flight: %9&lt;br&gt;Event loop busy %10 % · worst lag %11</source>
        <translation>&lt;b&gt;Selected %1 → %2 (%3)&lt;/b&gt;&lt;br&gt;Started: %4 · finished: %5 · failed: %6&lt;br&gt;Tokens: %7 (%8/s) · most in flight: %9&lt;br&gt;Event loop busy %10 % · worst lag %11</translation>
    </message>
    <message>
        <source>Drag across the time axis (or Shift+drag) to see the statistics of a time range.</source>
        <translation>Drag across the time axis (or Shift+drag) to see the statistics of a time range.</translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n CPU task(s) done in %1</source>
        <translation>
            <numerusform>Finished: %n CPU task done in %1</numerusform>
            <numerusform>Finished: %n CPU tasks done in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Requests/s, last second:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests/s, whole run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests/s:</source>
        <translation type="unfinished">Requests/s:</translation>
    </message>
    <message>
        <source>Tokens/s, last second:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens/s, whole run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens/s:</source>
        <translation type="unfinished">Tokens/s:</translation>
    </message>
    <message>
        <source>Finished requests per second, over the whole run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished requests per second, over the last second</source>
        <translation type="unfinished">Finished requests per second, over the last second</translation>
    </message>
    <message>
        <source>Token events per second, over the whole run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token events per second, over the last second</source>
        <translation type="unfinished">Token events per second, over the last second</translation>
    </message>
    <message>
        <source>In line before sending</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::StoryNarrator</name>
    <message>
        <source>The cashier stopped serving for %1 to cook at the counter: nobody orders and no number is called meanwhile.</source>
        <translation>The cashier stopped serving for %1 to cook at the counter: nobody orders and no number is called meanwhile.</translation>
    </message>
    <message>
        <source>Order %1 went wrong (%2): the customer leaves without burgers.</source>
        <translation>Order %1 went wrong (%2): the customer leaves without burgers.</translation>
    </message>
    <message>
        <source>The cashier takes order %1 and waits at the counter until it is ready; everybody else stays in line.</source>
        <translation>The cashier takes order %1 and waits at the counter until it is ready; everybody else stays in line.</translation>
    </message>
    <message>
        <source>A free cashier-cook takes order %1 and stands at the counter until its burgers are done.</source>
        <translation>A free cashier-cook takes order %1 and stands at the counter until its burgers are done.</translation>
    </message>
    <message>
        <source>Order %1 is waiting at the table with its number; the cashier is free and takes order %2.</source>
        <translation>Order %1 is waiting at the table with its number; the cashier is free and takes order %2.</translation>
    </message>
    <message>
        <source>The cashier takes orders %1 to %2, one after another, and hands out their numbers.</source>
        <translation>The cashier takes orders %1 to %2, one after another, and hands out their numbers.</translation>
    </message>
    <message>
        <source>The cashier takes order %1 and hands out its number.</source>
        <translation>The cashier takes order %1 and hands out its number.</translation>
    </message>
    <message>
        <source>Number %1 shows on the counter after %2: its burgers start coming, one token at a time.</source>
        <translation>Number %1 shows on the counter after %2: its burgers start coming, one token at a time.</translation>
    </message>
    <message>
        <source>Number %1 shows on the counter: its burgers are ready.</source>
        <translation>Number %1 shows on the counter: its burgers are ready.</translation>
    </message>
    <message>
        <source>Order %1 is served: %2 burgers (tokens) in %3.</source>
        <translation>Order %1 is served: %2 burgers (tokens) in %3.</translation>
    </message>
    <message>
        <source>Closed early: %1 orders served, %2 went wrong, %3 never finished.</source>
        <translation>Closed early: %1 orders served, %2 went wrong, %3 never finished.</translation>
    </message>
    <message>
        <source>Closing time: %1 orders served and %2 went wrong in %3.</source>
        <translation>Closing time: %1 orders served and %2 went wrong in %3.</translation>
    </message>
    <message>
        <source>Sequential: one cashier, one order at a time</source>
        <translation>Sequential: one cashier, one order at a time</translation>
    </message>
    <message>
        <source>Concurrent: one cashier, many orders in flight</source>
        <translation>Concurrent: one cashier, many orders in flight</translation>
    </message>
    <message>
        <source>Parallel: cashier-cooks who wait at the counter</source>
        <translation>Parallel: cashier-cooks who wait at the counter</translation>
    </message>
    <message>
        <source>Parallel: helpers cleaning the house</source>
        <translation>Parallel: helpers cleaning the house</translation>
    </message>
    <message>
        <source>Both: a cashier in front, cooks in the back</source>
        <translation>Both: a cashier in front, cooks in the back</translation>
    </message>
    <message>
        <source>Anti-pattern: the cashier cooks at the counter</source>
        <translation>Anti-pattern: the cashier cooks at the counter</translation>
    </message>
    <message>
        <source>Now the job is cleaning the house: real work with no waiting in it. One cashier juggling tasks gains nothing, because every minute of work still has to be done by someone. Helpers who work at the same time, one per room (threads on separate cores), finish up to as many times faster as there are cores: solid green on every worker lane.</source>
        <translation>Now the job is cleaning the house: real work with no waiting in it. One cashier juggling tasks gains nothing, because every minute of work still has to be done by someone. Helpers who work at the same time, one per room (threads on separate cores), finish up to as many times faster as there are cores: solid green on every worker lane.</translation>
    </message>
    <message>
        <source>A web service with machine learning: the cashier keeps many orders in flight at the front, and a team of cooks in the back does the heavy work on each answer. Waiting overlaps on the event loop; computing spreads over the cores.</source>
        <translation>A web service with machine learning: the cashier keeps many orders in flight at the front, and a team of cooks in the back does the heavy work on each answer. Waiting overlaps on the event loop; computing spreads over the cores.</translation>
    </message>
    <message>
        <source>The only cashier starts cleaning the house in the middle of service. While the cleaning goes on, nobody can order, no number is called and the customers at the tables wait longer for nothing. That is CPU work or a blocking call on the event-loop thread: the loop lane turns red, its lag climbs, and every request gets slower.</source>
        <translation>The only cashier starts cleaning the house in the middle of service. While the cleaning goes on, nobody can order, no number is called and the customers at the tables wait longer for nothing. That is CPU work or a blocking call on the event-loop thread: the loop lane turns red, its lag climbs, and every request gets slower.</translation>
    </message>
    <message>
        <source>Busy counter: %1 orders taken, %2 start getting their burgers, %3 served, %4 went wrong; now %5 in line, %6 at the tables with a number, %7 eating.</source>
        <translation>Busy counter: %1 orders taken, %2 start getting their burgers, %3 served, %4 went wrong; now %5 in line, %6 at the tables with a number, %7 eating.</translation>
    </message>
    <message>
        <source>The house is clean: %1 rooms done by %2 helpers in %3.</source>
        <translation>The house is clean: %1 rooms done by %2 helpers in %3.</translation>
    </message>
    <message>
        <source>Background jobs: order now, collect later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The counter takes every order at once and hands back a ticket: the order is accepted, not done. Cooks in the back work through the tickets a few at a time, and the customer checks the board now and then to see whether theirs is pending, cooking, done or failed. The answer comes fast; the work still takes as long as the cooks need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One order is waiting in the kitchen: the cooks, not the cashier, are the bottleneck.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 orders are waiting in the kitchen: the cooks, not the cashier, are the bottleneck.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is waiting in the kitchen (%1 cooking) while %2 orders wait in line at the counter: the cashier, not the cooks, is the bottleneck.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cashier takes one order and then stands at the counter until the kitchen hands over the burgers, before even greeting the next customer. Nothing is computed during that wait, yet nobody else is served: the waits add up, one after another. On the timeline the bars form a staircase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cashier takes an order, hands out a number and is free again at once. Customers wait at their tables while the kitchen works, and come back when their number is called. The waiting overlaps, so many orders take about as long as the slowest of them. This cashier is one event loop on one thread: the lanes are full of hatched waiting, and the loop lane stays almost idle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several cashier-cooks, each serving one customer from start to finish and standing at the counter while the burgers cook. As many orders move at once as there are cashier-cooks, but each one is held the whole time for nothing but waiting: the red bars on the worker lanes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cashier (the event loop) was held up for %1 with no CPU work of the run&apos;s own on it: the client&apos;s own work or another program on this computer kept it busy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::StoryPanel</name>
    <message>
        <source>The editor now asks for “%1”: press Run to see it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::StoryPicture</name>
    <message>
        <source>Burger shop picture</source>
        <translation>Burger shop picture</translation>
    </message>
    <message>
        <source>In line</source>
        <translation>In line</translation>
    </message>
    <message>
        <source>Cashier-cooks</source>
        <translation>Cashier-cooks</translation>
    </message>
    <message>
        <source>Helpers</source>
        <translation>Helpers</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <source>Cashier + cooks</source>
        <translation>Cashier + cooks</translation>
    </message>
    <message>
        <source>At tables</source>
        <translation>At tables</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>went wrong: %1</source>
        <translation>went wrong: %1</translation>
    </message>
    <message>
        <source>Some words did not fit: widen the panel to read them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not due yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::SweepController</name>
    <message>
        <source>A sweep is already running.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::SweepCurve</name>
    <message>
        <source>achieved requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTFT p50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTFT p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Served against offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to first token against served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offered load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offered requests/s (closed-loop steps at the rate they achieved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offered requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offered concurrency (requests in flight)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>theory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saturated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ceiling S/T = %1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ceiling %1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLO %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The curve grows here as the steps finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate %1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>concurrency %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 requests/s served, TTFT p50 %3 ms, p99 %4 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saturated: the line grew through the step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed the SLO.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click: show this step&apos;s timeline in the main window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::SweepDialog</name>
    <message>
        <source>Sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs “%1” at several load levels, one ordinary run a step, against the built-in simulator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs “%1” at several load levels, one ordinary run a step, against %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concurrency: a closed loop at each value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate: an open loop at each value (requests/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto: one at a time, flat out, then rates between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search: the highest level that meets the SLO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate (requests/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>concurrency (requests in flight)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate steps arrive at constant intervals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: the scenario&apos;s burstiness (1 = Poisson). A short Poisson step delivers a fixed seed&apos;s share of its rate at every level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A list 1,2,4 or a range A:B:STEP such as 5:30:5; for a search, the range LO,HI (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What must hold, comma-separated, e.g. ttft.p99&lt;=400ms,itl.p95&lt;=50ms,error_rate&lt;=1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Values:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto s&amp;teps:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search &amp;over:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search s&amp;tarts at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;SLO rules:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To&amp;lerance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Most probes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each step &amp;lasts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…or sends (re&amp;quests):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cap in flight (rate steps):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrivals:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional range LO,HI, e.g. 5,40</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 1,2,4 or 5:30:5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation type="unfinished">Scenario</translation>
    </message>
</context>
<context>
    <name>BurgerBench::SweepHtml</name>
    <message>
        <source>level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synchronous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>concurrency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capacity bracket [%1, %2] %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>achieved = offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capacity %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saturated (step %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pareto frontier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 · %2: %3 at %4 %5%6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (saturated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>achieved requests/s (the profile mixes concurrency and rate steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>req/s achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offered load (requests/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>req/s offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offered load (concurrency: requests in flight)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in flight</source>
        <translation type="unfinished">in flight</translation>
    </message>
    <message>
        <source>SLO %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>achieved requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>goodput (meeting the per-request SLOs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steady state: the slope of the completed requests&apos; running count against their end times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dotted: achieved = offered; below it the target falls behind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ceiling S/T = %1 / %2 s = %3 req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected (theory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grey: what the kitchen can serve in theory, S cooks each taking T = TTFT + (output tokens - 1) x token interval; past the ceiling the line only grows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slope of the successes&apos; running output-token count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ceiling %1 tok/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTFT (time to first token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ITL (inter-token latency)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E2EL (end-to-end latency)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percentiles of each step&apos;s successful measured requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>peak waiting (server /metrics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The longest line in front of the kitchen the server reported during each step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pareto: per stream against total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output tokens/s per stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a step (labelled with its offered load)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per stream: a request&apos;s output tokens over its E2EL, the mean of the step&apos;s successes. Dashed: the frontier, the steps no other step beats on both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BurgerBench sweep: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built-in simulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 step(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: the finished steps are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished">none</translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished">Target</translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tolerance %1%, at most %2 probes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S = %1 slots, T = %2 ms TTFT + %3 ms prefill + (%4 - 1) x %5 ms = %6 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished">unlimited</translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max request throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the best level&apos;s mean steady-state requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max output throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the best level&apos;s mean output tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saturated at (step %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saturation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no step ran past what the target serves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no level met the SLO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bracket [%1, %2], %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theoretical ceiling S/T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 slots / %2 s a request: more customers a second than this and the line only grows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Against the load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One point per step (a click opens its row below); the line joins the levels (the mean of their repeats). Red ring: saturated; hollow: missed the SLO. Red dashed line: the knee, the lowest saturated level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green: the capacity and its bracket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total output tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tok/s in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pareto view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished">Phase</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived (req/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Achieved (req/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output (tok/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goodput (req/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTFT p50 (ms)</source>
        <translation type="unfinished">TTFT p50 (ms)</translation>
    </message>
    <message>
        <source>TTFT p99 (ms)</source>
        <translation type="unfinished">TTFT p99 (ms)</translation>
    </message>
    <message>
        <source>ITL p50 (ms)</source>
        <translation type="unfinished">ITL p50 (ms)</translation>
    </message>
    <message>
        <source>ITL p99 (ms)</source>
        <translation type="unfinished">ITL p99 (ms)</translation>
    </message>
    <message>
        <source>E2EL p50 (ms)</source>
        <translation type="unfinished">E2EL p50 (ms)</translation>
    </message>
    <message>
        <source>E2EL p99 (ms)</source>
        <translation type="unfinished">E2EL p99 (ms)</translation>
    </message>
    <message>
        <source>OK / failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished">Verdict</translation>
    </message>
    <message>
        <source>Little: L vs λ·W (ratio)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>did not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target failed: no request succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SATURATED (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>meets SLO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>misses SLO: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(repeat %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 vs %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L = %1 in the system on average; λ = %2 req/s x W = %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived: the rate the requests really arrived at (open loop). Achieved and output: steady-state rates. Goodput: successes meeting the per-request SLOs (--slo-ttft, --slo-tpot, --slo-e2el) / duration, when the steps had them. Little&apos;s law: L, the mean number of requests in the system (from dispatch to the last token), against the achieved rate λ times the mean E2EL W; in a steady state they agree (ratio 1), a line that keeps growing breaks it. Every step&apos;s full run report is in the sweep JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Levels (mean and 95% interval of %1 repeats)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saturated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>misses SLO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated by BurgerBench %1 from a burgerbench.sweep/1 report. Self-contained: no scripts, fonts or images are loaded from anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTFT p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E2EL p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BurgerBench: two sweeps compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Levels both sweeps ran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated by BurgerBench %1 from two burgerbench.sweep/1 reports. Self-contained: no scripts, fonts or images are loaded from anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::SweepWindow</name>
    <message>
        <source>rate %1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>concurrency %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sweep could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of at most %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time left unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 · %3 done, %4 in flight · %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cancelling: the %n finished step(s) are kept.</source>
        <translation>
            <numerusform>Cancelling: the %n finished step are kept.</numerusform>
            <numerusform>Cancelling: the %n finished steps are kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: the %n finished step(s) are kept.</source>
        <translation>
            <numerusform>Cancelled: the %n finished step are kept.</numerusform>
            <numerusform>Cancelled: the %n finished steps are kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %n step(s).</source>
        <translation>
            <numerusform>Done: %n step.</numerusform>
            <numerusform>Done: %n steps.</numerusform>
        </translation>
    </message>
    <message>
        <source>No sweep yet: Run → Sweep… in the main window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>concurrency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search over %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep of “%1” (%2) against %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the built-in simulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A real target: no theory is drawn; its ceiling is where the served curve stops following the offered load.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kitchen (the built-in simulator) has a cook for every order, each taking %1 s: there is no ceiling, so the line never forms and every order is served in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The kitchen (the built-in simulator) has %n cook(s); each order takes T = %1 s (the first token after %2 ms, then %3 more, %4 ms apart), so it serves at most S/T = %5 orders a second. More customers a second than the kitchen can cook: past %5 a second the line only grows.</source>
        <translation>
            <numerusform>The kitchen (the built-in simulator) has %n cook; each order takes T = %1 s (the first token after %2 ms, then %3 more, %4 ms apart), so it serves at most S/T = %5 orders a second. More customers a second than the kitchen can cook: past %5 a second the line only grows.</numerusform>
            <numerusform>The kitchen (the built-in simulator) has %n cooks; each order takes T = %1 s (the first token after %2 ms, then %3 more, %4 ms apart), so it serves at most S/T = %5 orders a second. More customers a second than the kitchen can cook: past %5 a second the line only grows.</numerusform>
        </translation>
    </message>
    <message>
        <source>Little&apos;s law, step %1 (%2): on average L = %3 orders were in the shop (measured); λ·W = %4 served a second × %5 s each = %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>With %n cook(s), about %1 of them waited in line.</source>
        <translation>
            <numerusform>With %n cook, about %1 of them waited in line.</numerusform>
            <numerusform>With %n cooks, about %1 of them waited in line.</numerusform>
        </translation>
    </message>
    <message>
        <source>Little&apos;s law, step %1: too few orders served to tell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most served: %1 requests/s (%2 tokens/s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n level(s) saturated (ringed red): the line grew through the step.</source>
        <translation>
            <numerusform>%n level saturated (ringed red): the line grew through the step.</numerusform>
            <numerusform>%n levels saturated (ringed red): the line grew through the step.</numerusform>
        </translation>
    </message>
    <message>
        <source>Capacity (%1): no level met the SLO.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity (%1): %2, bracket [%3, %4] (%5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the sweep to finish, or cancel it, before saving it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no sweep to save yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep reports (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the sweep to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep — BurgerBench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished">&amp;File</translation>
    </message>
    <message>
        <source>&amp;Save sweep…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the sweep as a sweep report (JSON), as burgerbench-cli sweep --json writes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the sweep; the finished steps are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a point to show that step&apos;s timeline in the main window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::TargetBanner</name>
    <message>
        <source>Hide this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the built-in simulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch the scenario&apos;s target to the simulator that comes with BurgerBench; press Run again to see the orders served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing answers at %1 — is the server running? Or use the built-in simulator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New here? Press Run (Ctrl+R): the orders of the scenario on the left go to the built-in simulator, and each one becomes a lane on this timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the socket transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch the scenario to the lighter HTTP/1.1 client on QTcpSocket (target.transport &quot;socket&quot;); press Run again to measure anew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer limited the run, not the server: its engine thread was busy %1% of its busiest second and the loop lag p99 was %2 ms, so the figures are upper bounds of what the server did.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The socket transport costs less per token event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s own CPU work kept the event loop busy: the cashier was cooking.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::Theory</name>
    <message>
        <source>no requests or tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workload has neither requests nor CPU work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> + arrivals/rate limit/capacity (exact schedule)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>concurrent with CPU work on the loop is the anti-pattern model; choose anti-pattern or mixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⌈N/P⌉·T, P = min(N, cap, capacity) = %1: ⌈%2/%1⌉ × %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N·T_cpu = %1 × %2 (one thread: slices interleave)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⌈N/P⌉·(T_io + T_cpu·max(1, P/cores)), P = min(W, cap, N) = %1: ⌈%2/%1⌉ × (%3 + %4 × %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⌈N/P⌉·T, P = min(W, cap, capacity, N) = %1: ⌈%2/%1⌉ × %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⌈N/P⌉·T_cpu·max(1, P/cores), P = %1: ⌈%2/%1⌉ × %3 × %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parallel-cpu runs CPU tasks only; for requests use parallel-blocking, for requests with post-processing use mixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⌈N/P⌉·T_cpu, P = min(cores, N) = %1: ⌈%2/%1⌉ × %3 (ideal N·T/P = %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mixed needs requests and CPU post-processing (cpu task ms &gt; 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ ⌈N/P⌉·T_io + ⌈min(N, P)/cores⌉·T_cpu, P = %1, cores = %2: ⌈%3/%1⌉ × %4 + ⌈%5/%2⌉ × %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anti-pattern needs requests and CPU post-processing (cpu task ms &gt; 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ T_io + N·T_cpu when N ≤ P (all CPU in a row on the loop): %1 + %2 × %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (every %1th job fails at once and costs nothing)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::Timeline</name>
    <message>
        <source>worker %1</source>
        <translation>worker %1</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>slot %1</source>
        <translation>slot %1</translation>
    </message>
    <message>
        <source>event loop</source>
        <translation>event loop</translation>
    </message>
    <message>
        <source>No requests yet</source>
        <translation>No requests yet</translation>
    </message>
    <message>
        <source>event loop (cashier)</source>
        <translation>event loop (cashier)</translation>
    </message>
    <message>
        <source>worker %1 (cashier-cook)</source>
        <translation>worker %1 (cashier-cook)</translation>
    </message>
    <message>
        <source>job worker %1</source>
        <translation>job worker %1</translation>
    </message>
    <message>
        <source>B</source>
        <comment>the compared run&apos;s row</comment>
        <translation>B</translation>
    </message>
    <message>
        <source>A, upper row: %1</source>
        <translation>A, upper row: %1</translation>
    </message>
    <message>
        <source>B, lower row (pale, outlined): %1</source>
        <translation>B, lower row (pale, outlined): %1</translation>
    </message>
    <message>
        <source>QtConcurrent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU tasks only: no requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kitchen</source>
        <translation type="unfinished">kitchen</translation>
    </message>
    <message>
        <source>cooking %1</source>
        <translation type="unfinished">cooking %1</translation>
    </message>
    <message>
        <source>waiting %1</source>
        <translation type="unfinished">waiting %1</translation>
    </message>
    <message>
        <source>KV cache %1%</source>
        <translation type="unfinished">KV cache %1%</translation>
    </message>
    <message>
        <source>kitchen: %1 (peaks)</source>
        <translation type="unfinished">kitchen: %1 (peaks)</translation>
    </message>
    <message>
        <source>kitchen: %1 (peaks, %2 label sets summed; %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n in line</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not due yet</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>in line · not due yet</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending %1 · running %2 · done %3 · failed %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job board (no polls recorded: true statuses): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job board, polled once: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job board, polled every %1 (ticks): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At %1 the jobs were: %2. (No polls were recorded: these are their true statuses.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before the first poll, every ticket reads pending; the first poll at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read at the last poll, at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read at the poll at %1; the next at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At %1 the board said %2 (%3). The jobs themselves: %4.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurgerBench::TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Each row is a request (or a connection slot); colours and patterns show waiting in line, sending, waiting for the first token, streaming and errors.</source>
        <translation>Each row is a request (or a connection slot); colours and patterns show waiting in line, sending, waiting for the first token, streaming and errors.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Event loop&lt;/b&gt;&lt;br&gt;Green: the loop thread is busy. Red: busy for so long that everything else waits. Orange bars: how late its timer fired (lag).</source>
        <translation>&lt;b&gt;Event loop&lt;/b&gt;&lt;br&gt;Green: the loop thread is busy. Red: busy for so long that everything else waits. Orange bars: how late its timer fired (lag).</translation>
    </message>
    <message>
        <source>Run B</source>
        <translation>Run B</translation>
    </message>
    <message>
        <source>Run B: %1</source>
        <translation>Run B: %1</translation>
    </message>
</context>
<context>
    <name>BurgerBench::TokenGapPlot</name>
    <message>
        <source>No gaps: fewer than two tokens.</source>
        <translation>No gaps: fewer than two tokens.</translation>
    </message>
    <message>
        <source>token 2</source>
        <translation>token 2</translation>
    </message>
    <message>
        <source>token %1</source>
        <translation>token %1</translation>
    </message>
    <message>
        <source>median %1</source>
        <translation>median %1</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Click a request on the timeline to see its details.</source>
        <translation>Click a request on the timeline to see its details.</translation>
    </message>
    <message>
        <source>Request phases</source>
        <translation>Request phases</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>Starts at</translation>
    </message>
    <message>
        <source>Lasts</source>
        <translation>Lasts</translation>
    </message>
    <message>
        <source>Gaps between tokens</source>
        <translation>Gaps between tokens</translation>
    </message>
    <message>
        <source>Streamed text</source>
        <translation>Streamed text</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>BurgerBench</source>
        <translation>BurgerBench</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Run</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>The burger story</source>
        <translation>The burger story</translation>
    </message>
    <message>
        <source>Live statistics</source>
        <translation>Live statistics</translation>
    </message>
    <message>
        <source>Request details</source>
        <translation>Request details</translation>
    </message>
    <message>
        <source>Run the scenario (Ctrl+R)</source>
        <translation>Run the scenario (Ctrl+R)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <source>Stop the run; what finished is kept (Esc)</source>
        <translation>Stop the run; what finished is kept (Esc)</translation>
    </message>
    <message>
        <source>&amp;Open scenario…</source>
        <translation>&amp;Open scenario…</translation>
    </message>
    <message>
        <source>Open a scenario JSON file</source>
        <translation>Open a scenario JSON file</translation>
    </message>
    <message>
        <source>&amp;Save scenario as…</source>
        <translation>&amp;Save scenario as…</translation>
    </message>
    <message>
        <source>Save the scenario as JSON (the API key is never saved)</source>
        <translation>Save the scenario as JSON (the API key is never saved)</translation>
    </message>
    <message>
        <source>&amp;Export timeline…</source>
        <translation>&amp;Export timeline…</translation>
    </message>
    <message>
        <source>Save the timeline as PNG, SVG or PDF</source>
        <translation>Save the timeline as PNG, SVG or PDF</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <source>Zoom in (+, mouse wheel)</source>
        <translation>Zoom in (+, mouse wheel)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <source>Zoom out (-, mouse wheel)</source>
        <translation>Zoom out (-, mouse wheel)</translation>
    </message>
    <message>
        <source>&amp;Fit all</source>
        <translation>&amp;Fit all</translation>
    </message>
    <message>
        <source>Show the whole run (F)</source>
        <translation>Show the whole run (F)</translation>
    </message>
    <message>
        <source>Follow &amp;live</source>
        <translation>Follow &amp;live</translation>
    </message>
    <message>
        <source>Keep the newest moment in view while running (L)</source>
        <translation>Keep the newest moment in view while running (L)</translation>
    </message>
    <message>
        <source>Lanes per &amp;request</source>
        <translation>Lanes per &amp;request</translation>
    </message>
    <message>
        <source>One lane per request</source>
        <translation>One lane per request</translation>
    </message>
    <message>
        <source>Lanes per &amp;connection slot</source>
        <translation>Lanes per &amp;connection slot</translation>
    </message>
    <message>
        <source>One lane per connection slot: who is busy when</source>
        <translation>One lane per connection slot: who is busy when</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>&amp;System language</translation>
    </message>
    <message>
        <source>&amp;About BurgerBench</source>
        <translation>&amp;About BurgerBench</translation>
    </message>
    <message>
        <source>R&amp;ace…</source>
        <translation>R&amp;ace…</translation>
    </message>
    <message>
        <source>Race one workload through several execution models on a shared time axis (Ctrl+Shift+R)</source>
        <translation>Race one workload through several execution models on a shared time axis (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>S&amp;weep…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the scenario at several load levels and draw the curve: how much load it takes (Ctrl+Shift+W)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RaceWindow</name>
    <message>
        <source>Race: one workload, several execution models</source>
        <translation>Race: one workload, several execution models</translation>
    </message>
    <message>
        <source>Workload and knobs</source>
        <translation>Workload and knobs</translation>
    </message>
    <message>
        <source>R&amp;ace:</source>
        <translation>R&amp;ace:</translation>
    </message>
    <message>
        <source>The workload and the models it runs through</source>
        <translation>The workload and the models it runs through</translation>
    </message>
    <message>
        <source>Re&amp;quests (N):</source>
        <translation>Re&amp;quests (N):</translation>
    </message>
    <message>
        <source>Orders (or CPU tasks) in the workload</source>
        <translation>Orders (or CPU tasks) in the workload</translation>
    </message>
    <message>
        <source>&amp;Workers (W):</source>
        <translation>&amp;Workers (W):</translation>
    </message>
    <message>
        <source>Blocking worker threads (parallel-blocking) or job workers (background jobs)</source>
        <translation>Blocking worker threads (parallel-blocking) or job workers (background jobs)</translation>
    </message>
    <message>
        <source>Concurrenc&amp;y cap:</source>
        <translation>Concurrenc&amp;y cap:</translation>
    </message>
    <message>
        <source>The semaphore: at most this many requests in flight; the rest queue on the client</source>
        <translation>The semaphore: at most this many requests in flight; the rest queue on the client</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>no cap</translation>
    </message>
    <message>
        <source>Rate &amp;limit:</source>
        <translation>Rate &amp;limit:</translation>
    </message>
    <message>
        <source>The token bucket: requests sent per second at most; dispatches spread out</source>
        <translation>The token bucket: requests sent per second at most; dispatches spread out</translation>
    </message>
    <message>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <source>Server ca&amp;pacity:</source>
        <translation>Server ca&amp;pacity:</translation>
    </message>
    <message>
        <source>The built-in simulator serves at most this many requests at once; the rest wait on the server</source>
        <translation>The built-in simulator serves at most this many requests at once; the rest wait on the server</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unlimited</translation>
    </message>
    <message>
        <source>CP&amp;U per task:</source>
        <translation>CP&amp;U per task:</translation>
    </message>
    <message>
        <source>Real CPU work (SHA-256 rounds) per task or per response</source>
        <translation>Real CPU work (SHA-256 rounds) per task or per response</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Preset &amp;values</source>
        <translation>Preset &amp;values</translation>
    </message>
    <message>
        <source>Put the knobs back to the preset&apos;s values</source>
        <translation>Put the knobs back to the preset&apos;s values</translation>
    </message>
    <message>
        <source>&amp;Fit all</source>
        <translation>&amp;Fit all</translation>
    </message>
    <message>
        <source>Show every row whole on the shared time axis (F)</source>
        <translation>Show every row whole on the shared time axis (F)</translation>
    </message>
    <message>
        <source>The story</source>
        <translation>The story</translation>
    </message>
    <message>
        <source>Shared time axis</source>
        <translation>Shared time axis</translation>
    </message>
</context>
<context>
    <name>ScenarioEditor</name>
    <message>
        <source>Scenario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>&amp;Preset:</translation>
    </message>
    <message>
        <source>Ready-made scenarios; change any field afterwards</source>
        <translation>Ready-made scenarios; change any field afterwards</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>A name for this run</source>
        <translation>A name for this run</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Built-in &amp;simulator (no network needed)</source>
        <translation>Built-in &amp;simulator (no network needed)</translation>
    </message>
    <message>
        <source>OpenAI-compatible &amp;endpoint</source>
        <translation>OpenAI-compatible &amp;endpoint</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Base URL (…/v1) or the full endpoint URL</source>
        <translation>Base URL (…/v1) or the full endpoint URL</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Model:</translation>
    </message>
    <message>
        <source>model name</source>
        <translation>model name</translation>
    </message>
    <message>
        <source>&amp;API:</source>
        <translation>&amp;API:</translation>
    </message>
    <message>
        <source>Chat completions</source>
        <translation>Chat completions</translation>
    </message>
    <message>
        <source>Completions</source>
        <translation>Completions</translation>
    </message>
    <message>
        <source>API &amp;key variable:</source>
        <translation>API &amp;key variable:</translation>
    </message>
    <message>
        <source>Name of the environment variable holding the API key. The key itself is never stored.</source>
        <translation>Name of the environment variable holding the API key. The key itself is never stored.</translation>
    </message>
    <message>
        <source>HTTP/&amp;2 without TLS (h2c)</source>
        <translation>HTTP/&amp;2 without TLS (h2c)</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Load</translation>
    </message>
    <message>
        <source>M&amp;ode:</source>
        <translation>M&amp;ode:</translation>
    </message>
    <message>
        <source>Sequential: one after another</source>
        <translation>Sequential: one after another</translation>
    </message>
    <message>
        <source>Concurrent: one event loop</source>
        <translation>Concurrent: one event loop</translation>
    </message>
    <message>
        <source>Parallel: blocking workers</source>
        <translation>Parallel: blocking workers</translation>
    </message>
    <message>
        <source>Parallel: CPU work on cores</source>
        <translation>Parallel: CPU work on cores</translation>
    </message>
    <message>
        <source>Mixed: loop + CPU pool</source>
        <translation>Mixed: loop + CPU pool</translation>
    </message>
    <message>
        <source>Anti-pattern: cook on the loop</source>
        <translation>Anti-pattern: cook on the loop</translation>
    </message>
    <message>
        <source>&amp;Concurrency:</source>
        <translation>&amp;Concurrency:</translation>
    </message>
    <message>
        <source>Most requests in flight at once (the semaphore)</source>
        <translation>Most requests in flight at once (the semaphore)</translation>
    </message>
    <message>
        <source>&amp;Requests:</source>
        <translation>&amp;Requests:</translation>
    </message>
    <message>
        <source>by duration</source>
        <translation>by duration</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Duration:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>by requests</source>
        <translation>by requests</translation>
    </message>
    <message>
        <source>Arrival ra&amp;te:</source>
        <translation>Arrival ra&amp;te:</translation>
    </message>
    <message>
        <source> req/s</source>
        <translation> req/s</translation>
    </message>
    <message>
        <source>closed loop</source>
        <translation>closed loop</translation>
    </message>
    <message>
        <source>Open loop: requests are scheduled at this rate whether or not earlier ones finished</source>
        <translation>Open loop: requests are scheduled at this rate whether or not earlier ones finished</translation>
    </message>
    <message>
        <source>&amp;Burstiness:</source>
        <translation>&amp;Burstiness:</translation>
    </message>
    <message>
        <source>constant gaps</source>
        <translation>constant gaps</translation>
    </message>
    <message>
        <source>Gamma shape of the gaps: 1 = Poisson, smaller = burstier</source>
        <translation>Gamma shape of the gaps: 1 = Poisson, smaller = burstier</translation>
    </message>
    <message>
        <source>&amp;Warm-up:</source>
        <translation>&amp;Warm-up:</translation>
    </message>
    <message>
        <source>Requests sent first and left out of the statistics</source>
        <translation>Requests sent first and left out of the statistics</translation>
    </message>
    <message>
        <source>Wor&amp;kers:</source>
        <translation>Wor&amp;kers:</translation>
    </message>
    <message>
        <source>Threads for the parallel modes</source>
        <translation>Threads for the parallel modes</translation>
    </message>
    <message>
        <source>CPU &amp;work:</source>
        <translation>CPU &amp;work:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>CPU work per response (parallel, mixed and anti-pattern modes)</source>
        <translation>CPU work per response (parallel, mixed and anti-pattern modes)</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>S&amp;eed:</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>S&amp;tream tokens (SSE)</source>
        <translation>S&amp;tream tokens (SSE)</translation>
    </message>
    <message>
        <source>Max to&amp;kens:</source>
        <translation>Max to&amp;kens:</translation>
    </message>
    <message>
        <source>&amp;Prompt tokens:</source>
        <translation>&amp;Prompt tokens:</translation>
    </message>
    <message>
        <source>Prom&amp;pt:</source>
        <translation>Prom&amp;pt:</translation>
    </message>
    <message>
        <source>empty: generated from the prompt length</source>
        <translation>empty: generated from the prompt length</translation>
    </message>
    <message>
        <source>&amp;Ignore end of sequence (fixed-length answers)</source>
        <translation>&amp;Ignore end of sequence (fixed-length answers)</translation>
    </message>
    <message>
        <source>Timeouts and retries</source>
        <translation>Timeouts and retries</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Timeout:</translation>
    </message>
    <message>
        <source>&amp;Idle timeout:</source>
        <translation>&amp;Idle timeout:</translation>
    </message>
    <message>
        <source>&amp;Retries:</source>
        <translation>&amp;Retries:</translation>
    </message>
    <message>
        <source>Backoff &amp;base:</source>
        <translation>Backoff &amp;base:</translation>
    </message>
    <message>
        <source>Backoff ma&amp;x:</source>
        <translation>Backoff ma&amp;x:</translation>
    </message>
    <message>
        <source>Rate &amp;limit:</source>
        <translation>Rate &amp;limit:</translation>
    </message>
    <message>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <source>Client-side token bucket</source>
        <translation>Client-side token bucket</translation>
    </message>
    <message>
        <source>B&amp;urst:</source>
        <translation>B&amp;urst:</translation>
    </message>
    <message>
        <source>On &amp;error:</source>
        <translation>On &amp;error:</translation>
    </message>
    <message>
        <source>Collect all errors</source>
        <translation>Collect all errors</translation>
    </message>
    <message>
        <source>Fail fast: cancel the rest</source>
        <translation>Fail fast: cancel the rest</translation>
    </message>
    <message>
        <source>Built-in simulator</source>
        <translation>Built-in simulator</translation>
    </message>
    <message>
        <source>&amp;First token after:</source>
        <translation>&amp;First token after:</translation>
    </message>
    <message>
        <source>Token &amp;interval:</source>
        <translation>Token &amp;interval:</translation>
    </message>
    <message>
        <source>&amp;Jitter:</source>
        <translation>&amp;Jitter:</translation>
    </message>
    <message>
        <source>&amp;Output tokens:</source>
        <translation>&amp;Output tokens:</translation>
    </message>
    <message>
        <source>max tokens</source>
        <translation>max tokens</translation>
    </message>
    <message>
        <source>&amp;Server capacity:</source>
        <translation>&amp;Server capacity:</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unlimited</translation>
    </message>
    <message>
        <source>How many requests the server works on at once; the rest wait at the server</source>
        <translation>How many requests the server works on at once; the rest wait at the server</translation>
    </message>
    <message>
        <source>HTTP &amp;429:</source>
        <translation>HTTP &amp;429:</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>HTTP &amp;500:</source>
        <translation>HTTP &amp;500:</translation>
    </message>
    <message>
        <source>HTTP 50&amp;3:</source>
        <translation>HTTP 50&amp;3:</translation>
    </message>
    <message>
        <source>Connection &amp;reset:</source>
        <translation>Connection &amp;reset:</translation>
    </message>
    <message>
        <source>Stall:</source>
        <translation>Stall:</translation>
    </message>
    <message>
        <source>Malformed chunk:</source>
        <translation>Malformed chunk:</translation>
    </message>
    <message>
        <source>Error in stream:</source>
        <translation>Error in stream:</translation>
    </message>
    <message>
        <source>Missing [DONE]:</source>
        <translation>Missing [DONE]:</translation>
    </message>
    <message>
        <source>Send &amp;window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most this many requests being handed to the network at once; the others wait at this gate, recorded as client queue time. Keeps the time from start to wire short, so TTFT stays honest at high concurrency. 0 = no limit (raw requests/s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background jobs: accepted now, done later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Input lengths:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the prompt above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt lengths in tokens: N, uniform:A,B, normal:MEAN,STD, lognormal:MEAN,STD or a mix like 128:30,1024:70</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;utput lengths:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: max tokens above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max_tokens per request, a distribution like the input lengths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared prefi&amp;x:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished">none</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A system prompt every request starts with: the set menu the kitchen keeps ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix &amp;groups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many different shared prefixes; each request picks one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dataset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: synthetic prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A JSONL or ShareGPT JSON file of prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data&amp;set format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect from the content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSONL: one request a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ShareGPT conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;mple rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows kept from the dataset (seeded sampling); all = every row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV: one request a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mooncake trace (lengths, hash blocks, timestamps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sess&amp;ions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off: one request each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multi-turn: users who each hold a conversation; concurrency counts users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;urns:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turns of each synthetic conversation; each carries the history with the real answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;hink time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms, e.g. 500 or uniform:200,800</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milliseconds between an answer&apos;s end and the user&apos;s next turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dataset&apos;s conversations are sessions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatsPanel</name>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>In flight:</source>
        <translation>In flight:</translation>
    </message>
    <message>
        <source>Requests sent and not finished yet</source>
        <translation>Requests sent and not finished yet</translation>
    </message>
    <message>
        <source>Done:</source>
        <translation>Done:</translation>
    </message>
    <message>
        <source>Requests that finished well</source>
        <translation>Requests that finished well</translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation>Failed:</translation>
    </message>
    <message>
        <source>Requests that failed</source>
        <translation>Requests that failed</translation>
    </message>
    <message>
        <source>In line:</source>
        <translation>In line:</translation>
    </message>
    <message>
        <source>Requests/s:</source>
        <translation>Requests/s:</translation>
    </message>
    <message>
        <source>Finished requests per second, over the last second</source>
        <translation>Finished requests per second, over the last second</translation>
    </message>
    <message>
        <source>Tokens/s:</source>
        <translation>Tokens/s:</translation>
    </message>
    <message>
        <source>Token events per second, over the last second</source>
        <translation>Token events per second, over the last second</translation>
    </message>
    <message>
        <source>Loop lag:</source>
        <translation>Loop lag:</translation>
    </message>
    <message>
        <source>How late the event loop&apos;s timer fired most recently: a busy loop answers late</source>
        <translation>How late the event loop&apos;s timer fired most recently: a busy loop answers late</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latency</translation>
    </message>
    <message>
        <source>Time to first token:</source>
        <translation>Time to first token:</translation>
    </message>
    <message>
        <source>TTFT: from sending to the first token</source>
        <translation>TTFT: from sending to the first token</translation>
    </message>
    <message>
        <source>Click to highlight the requests at or above this value on the timeline</source>
        <translation>Click to highlight the requests at or above this value on the timeline</translation>
    </message>
    <message>
        <source>Between tokens:</source>
        <translation>Between tokens:</translation>
    </message>
    <message>
        <source>ITL: gap between consecutive tokens</source>
        <translation>ITL: gap between consecutive tokens</translation>
    </message>
    <message>
        <source>Whole request:</source>
        <translation>Whole request:</translation>
    </message>
    <message>
        <source>E2EL: from sending to the last token</source>
        <translation>E2EL: from sending to the last token</translation>
    </message>
    <message>
        <source>Drag across the time axis (or Shift+drag) to see the statistics of a time range.</source>
        <translation>Drag across the time axis (or Shift+drag) to see the statistics of a time range.</translation>
    </message>
    <message>
        <source>Requests waiting to be sent: for a free slot (in Sequential mode, the one cashier) or the rate limiter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not due yet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open loop: requests whose time in the schedule has not come, not yet in line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In line before sending:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client queue time: from when the request was due to when it was sent (extra, not a vLLM metric)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoryPanel</name>
    <message>
        <source>What is happening</source>
        <translation>What is happening</translation>
    </message>
    <message>
        <source>Live story captions</source>
        <translation>Live story captions</translation>
    </message>
    <message>
        <source>What this run shows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
