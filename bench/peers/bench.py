#!/usr/bin/env python3
"""BurgerBench next to its peers, every figure a ratio to a peer measured in the same run.

Run through scripts/bench.sh, which installs the peers and builds the CLI. Loopback only; every
process is bounded in requests and time and is stopped before this script returns.

Sections (see bench/README.md for what each figure means):
  1. non-streaming requests/s at concurrency 64 against static nginx: BurgerBench, hey, wrk, h2load
  2. streaming capacity against a static SSE body (nginx) and against the simulator
  3. timing fidelity against the simulator's ground truth at 256 and 1,000 concurrent streams
  4. client CPU and peak RSS per request and per token event
  5. timeline paint times (bench/timeline), when that target was built
  6. the fault campaign: every simulator fault at 10% in one 10,000-request run, accounted for
  8. saturation: client CPU per token event, --transport qnam and socket, the aiohttp peer, h2load
 10. memory per token event (big run against a 512-request one), both transports, the aiohttp peer;
     what writing the JSON adds
 11. 5,000 streams at once on the socket transport: all complete, the simulator's peak, TTFT offset
 12. a 120,000-request report re-rendered as HTML: peak RSS against python3 json.load of the file
"""

import argparse
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
TOKENS = 64  # token events per response, static SSE and simulator alike


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Measured:
    """A finished child: output, exit code, CPU seconds (user + system) and peak RSS."""

    def __init__(self, out, err, code, cpu, rss_kb, wall):
        self.out, self.err, self.code, self.cpu, self.rss_kb, self.wall = out, err, code, cpu, rss_kb, wall


def run_measured(cmd, timeout, workdir):
    """Runs cmd to completion (killed after `timeout` s). CPU and peak RSS come from GNU time
    when it is there: wait4()'s ru_maxrss of a child forked from this (large) Python process
    counts the pre-exec copy of Python too, which made every small client look ~90 MiB."""
    out_path = os.path.join(workdir, "out.txt")
    err_path = os.path.join(workdir, "err.txt")
    time_path = os.path.join(workdir, "time.txt")
    gnu_time = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
    if gnu_time:
        cmd = [gnu_time, "-f", "%U %S %M", "-o", time_path, *cmd]
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                log(f"  ! {os.path.basename(cmd[0])} killed after {timeout} s")
                break
            time.sleep(0.02)
        wall = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    with open(out_path, "rb") as f:
        o = f.read().decode(errors="replace")
    with open(err_path, "rb") as f:
        e = f.read().decode(errors="replace")
    cpu, rss = usage.ru_utime + usage.ru_stime, usage.ru_maxrss
    if gnu_time and os.path.exists(time_path):
        with open(time_path) as f:
            fields = f.read().split()
        if len(fields) >= 3:
            cpu, rss = float(fields[-3]) + float(fields[-2]), int(fields[-1])
        os.unlink(time_path)
    return Measured(o, e, proc.returncode, cpu, rss, wall)


class Server:
    """A background process (nginx, the simulator) stopped by stop() or at exit."""

    def __init__(self, cmd, url=None, read_url=False, timeout=20):
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     stdin=subprocess.DEVNULL)
        self.url = url
        if read_url:
            ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
            if not ready:
                self.stop()
                raise RuntimeError(f"{cmd[0]} printed no URL within {timeout} s")
            self.url = self.proc.stdout.readline().decode().strip()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def cpu_seconds(self):
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_http(url, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1) as r:
                r.read()
                return
        except Exception:
            time.sleep(0.05)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def http_json(url, method="GET", timeout=60):
    req = urllib.request.Request(url, method=method, data=b"" if method == "POST" else None)
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return json.loads(r.read() or b"{}")


def percentile(values, p):
    """numpy's default (linear between closest ranks), as METRICS.md item 14."""
    if not values:
        return float("nan")
    v = sorted(values)
    k = (len(v) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


# ---------------------------------------------------------------------------------------------
# Static targets

def chat_body(model="bench"):
    return json.dumps({"model": model, "messages": [{"role": "user", "content": "Say something."}],
                       "max_completion_tokens": TOKENS, "stream": False}).encode()


def make_static(root):
    """The JSON completion body and the SSE stream nginx serves, shaped like the simulator's."""
    words = [f"tok{i} " for i in range(TOKENS)]
    completion = {"id": "chatcmpl-static", "object": "chat.completion", "created": 0, "model": "bench",
                  "choices": [{"index": 0, "message": {"role": "assistant", "content": "".join(words)},
                               "finish_reason": "length"}],
                  "usage": {"prompt_tokens": 8, "completion_tokens": TOKENS, "total_tokens": 8 + TOKENS}}
    lines = []
    for i, w in enumerate(words):
        chunk = {"id": "chatcmpl-static", "object": "chat.completion.chunk", "created": 0, "model": "bench",
                 "choices": [{"index": 0, "delta": ({"role": "assistant", "content": w} if i == 0 else
                                                    {"content": w}),
                              "finish_reason": "length" if i == TOKENS - 1 else None}],
                 "usage": None}
        lines.append("data: " + json.dumps(chunk, separators=(",", ":")) + "\n\n")
    usage = {"id": "chatcmpl-static", "object": "chat.completion.chunk", "created": 0, "model": "bench",
             "choices": [], "usage": {"prompt_tokens": 8, "completion_tokens": TOKENS,
                                      "total_tokens": 8 + TOKENS}}
    lines.append("data: " + json.dumps(usage, separators=(",", ":")) + "\n\n")
    lines.append("data: [DONE]\n\n")
    for kind, payload in (("json", json.dumps(completion)), ("sse", "".join(lines))):
        d = os.path.join(root, kind, "v1", "chat")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "completions"), "w") as f:
            f.write(payload)


def start_nginx(work):
    prefix = os.path.join(work, "nginx")
    root = os.path.join(work, "www")
    # Started as root, nginx's workers drop to an unprivileged user, which must read the files
    # (mkdtemp makes the directory private).
    os.chmod(work, 0o755)
    for sub in ("", "body", "proxy", "fastcgi", "uwsgi", "scgi"):
        os.makedirs(os.path.join(prefix, sub), exist_ok=True)
    make_static(root)
    port = free_port()
    with open(os.path.join(HERE, "nginx.conf.in")) as f:
        conf = f.read().replace("@PREFIX@", prefix).replace("@ROOT@", root).replace("@PORT@", str(port))
    conf_path = os.path.join(prefix, "nginx.conf")
    with open(conf_path, "w") as f:
        f.write(conf)
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    server = Server([nginx, "-p", prefix, "-c", conf_path], url=f"http://127.0.0.1:{port}")
    try:
        wait_http(server.url + "/json/v1/chat/completions")
    except Exception:
        server.stop()
        with open(os.path.join(prefix, "error.log")) as f:
            log("nginx error.log:\n" + f.read()[-1500:])
        raise
    return server


# ---------------------------------------------------------------------------------------------
# The clients

class Bench:
    def __init__(self, args):
        self.args = args
        self.cli = args.cli
        self.work = tempfile.mkdtemp(prefix="bb-bench-")
        self.body_path = os.path.join(self.work, "body.json")
        with open(self.body_path, "wb") as f:
            f.write(chat_body())
        self.rows = []  # (section, label, value text, ratio text, peer)
        self.servers = []

    def close(self):
        for s in self.servers:
            s.stop()
        shutil.rmtree(self.work, ignore_errors=True)

    def row(self, section, label, value, unit, peer_value=None, peer_name=""):
        ratio = ""
        if peer_value:
            ratio = f"{value / peer_value:.2f}x {peer_name}"
        self.rows.append((section, label, f"{value:,.{self.digits(value)}f} {unit}", ratio))

    @staticmethod
    def digits(v):
        return 0 if abs(v) >= 100 else (1 if abs(v) >= 10 else (2 if abs(v) >= 0.1 else 3))

    def burgerbench(self, url, concurrency, requests, stream, timeout=300, extra=()):
        out_json = os.path.join(self.work, "run.json")
        cmd = [self.cli, "run", "--url", url, "--concurrency", str(concurrency), "--requests", str(requests),
               "--max-tokens", str(TOKENS), "--progress", "off", "--json", out_json,
               "--stream" if stream else "--no-stream", *extra]
        m = run_measured(cmd, timeout, self.work)
        if m.code != 0 or not os.path.exists(out_json):
            raise RuntimeError(f"burgerbench-cli run failed ({m.code}): {m.err[-2000:]}")
        with open(out_json) as f:
            report = json.load(f)
        os.unlink(out_json)
        s = report["summary"]
        events = sum(len(r["token_ns"]) for r in report["requests"] if not r["warmup"])
        return m, report, s, events

    def hey(self, url, concurrency, requests, timeout=300):
        m = run_measured(["hey", "-n", str(requests), "-c", str(concurrency), "-m", "POST",
                          "-T", "application/json", "-D", self.body_path, url], timeout, self.work)
        rate = re.search(r"Requests/sec:\s+([\d.]+)", m.out)
        if not rate:
            raise RuntimeError("hey printed no Requests/sec: " + m.out[-500:] + m.err[-500:])
        return m, float(rate.group(1))

    def wrk(self, url, concurrency, seconds, timeout=300):
        lua = os.path.join(self.work, "post.lua")
        with open(lua, "w") as f:
            f.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                    f"wrk.body = {json.dumps(chat_body().decode())}\n")
        m = run_measured(["wrk", "-t1", f"-c{concurrency}", f"-d{seconds}s", "-s", lua, url],
                         timeout, self.work)
        rate = re.search(r"Requests/sec:\s+([\d.]+)", m.out)
        total = re.search(r"(\d+) requests in", m.out)
        if not rate:
            raise RuntimeError("wrk printed no Requests/sec: " + m.out[-500:] + m.err[-500:])
        return m, float(rate.group(1)), int(total.group(1)) if total else 0

    def h2load(self, url, concurrency, requests, timeout=300):
        m = run_measured(["h2load", "--h1", "-t1", "-n", str(requests), "-c", str(concurrency),
                          "-d", self.body_path, "-H", "content-type: application/json", url],
                         timeout, self.work)
        rate = re.search(r"finished in [\d.]+\w+, ([\d.]+) req/s", m.out)
        ok = re.search(r"(\d+) succeeded", m.out)
        if not rate:
            raise RuntimeError("h2load printed no req/s: " + m.out[-500:] + m.err[-500:])
        return m, float(rate.group(1)), int(ok.group(1)) if ok else 0

    @staticmethod
    def aiohttp_python():
        """An interpreter that imports aiohttp: this one, else Debian's (python3-aiohttp), which a
        python3 earlier in PATH (pyenv, a venv) does not see."""
        for exe in dict.fromkeys((sys.executable, "/usr/bin/python3")):
            if exe and subprocess.run([exe, "-c", "import aiohttp"], capture_output=True).returncode == 0:
                return exe
        return None

    def aiohttp(self, url, concurrency, requests, timeout=600):
        """bench/peers/aiohttp_client.py: its summary (CPU from its own getrusage, the token events
        it counted), or a sentence saying why it did not run."""
        exe = self.aiohttp_python()
        if not exe:
            return "python3-aiohttp is not installed (scripts/setup.sh --deps-only installs it)"
        m = run_measured([exe, os.path.join(HERE, "aiohttp_client.py"), "--url", url, "--concurrency",
                          str(concurrency), "--requests", str(requests), "--max-tokens", str(TOKENS)],
                         timeout, self.work)
        try:
            out = json.loads(m.out.strip().splitlines()[-1])
        except (ValueError, IndexError):
            raise RuntimeError(f"aiohttp_client.py printed no summary ({m.code}): {m.err[-2000:]}")
        if out["failed"]:
            log(f"  ! aiohttp: {out['failed']} of {requests} failed: {out['errors']}")
        return out

    def simulator(self, ttft, interval, tokens):
        s = Server([self.cli, "simulate", "--ttft-ms", str(ttft), "--token-interval-ms", str(interval),
                    "--output-tokens", str(tokens)], read_url=True)
        self.servers.append(s)
        wait_http(s.url + "/v1/models")
        return s

    # -----------------------------------------------------------------------------------------

    def non_streaming(self, nginx):
        a = self.args
        url = nginx.url + "/json/v1/chat/completions"
        log(f"[1] non-streaming, concurrency 64, {a.requests} requests against static nginx")
        bb, _, s, _ = self.burgerbench(url, 64, a.requests, stream=False)
        bb_rate = s["request_throughput"]
        if s["completed"] != a.requests:
            raise RuntimeError(f"BurgerBench completed {s['completed']} of {a.requests}: {s.get('errors')}")
        # The send window (default 4) trades raw rate for honest TTFT under bursts; without it:
        bb0, _, s0, _ = self.burgerbench(url, 64, a.requests, stream=False, extra=("--send-window", "0"))
        bb0_rate = s0["request_throughput"]
        hm, hey_rate = self.hey(url, 64, a.requests)
        wm, wrk_rate, wrk_n = self.wrk(url, 64, max(2, round(a.requests / max(hey_rate, 1))))
        h2m, h2_rate, _ = self.h2load(url, 64, a.requests)
        sec = "non-streaming req/s, c=64, static nginx"
        self.row(sec, "BurgerBench", bb_rate, "req/s", hey_rate, "hey")
        self.row(sec, "BurgerBench", bb_rate, "req/s", wrk_rate, "wrk")
        self.row(sec, "BurgerBench", bb_rate, "req/s", h2_rate, "h2load")
        self.row(sec, "BurgerBench --send-window 0", bb0_rate, "req/s", hey_rate, "hey")
        self.row(sec, "hey", hey_rate, "req/s")
        self.row(sec, "wrk -t1", wrk_rate, "req/s")
        self.row(sec, "h2load --h1 -t1", h2_rate, "req/s")
        cpu = "client CPU per request (process total)"
        self.row(cpu, "BurgerBench, non-streaming", bb.cpu / a.requests * 1e6, "us", h2m.cpu / a.requests * 1e6,
                 "h2load")
        self.row(cpu, "BurgerBench, --send-window 0", bb0.cpu / a.requests * 1e6, "us",
                 h2m.cpu / a.requests * 1e6, "h2load")
        self.row(cpu, "hey", hm.cpu / a.requests * 1e6, "us")
        if wrk_n:
            self.row(cpu, "wrk -t1", wm.cpu / wrk_n * 1e6, "us")
        self.row(cpu, "h2load --h1 -t1", h2m.cpu / a.requests * 1e6, "us")

    def streaming_static(self, nginx):
        a = self.args
        url = nginx.url + "/sse/v1/chat/completions"
        log(f"[2] streaming, concurrency 64, {a.stream_requests} requests against the static SSE body")
        bb, _, s, events = self.burgerbench(url, 64, a.stream_requests, stream=True)
        if s["completed"] != a.stream_requests:
            raise RuntimeError(f"BurgerBench completed {s['completed']} of {a.stream_requests}: {s.get('errors')}")
        h2m, h2_rate, _ = self.h2load(url, 64, a.stream_requests)
        sec = "streaming capacity, c=64, static SSE (64 events/response)"
        rate = s["request_throughput"]
        ev_rate = events / s["duration_s"]
        self.row(sec, "BurgerBench requests", rate, "req/s", h2_rate, "h2load")
        self.row(sec, "BurgerBench token events", ev_rate, "events/s", h2_rate * TOKENS, "h2load bytes-only")
        self.row(sec, "h2load --h1 -t1", h2_rate, "req/s")
        cpu = "client CPU per token event (process total)"
        self.row(cpu, "BurgerBench, static SSE", bb.cpu / events * 1e6, "us",
                 h2m.cpu / (a.stream_requests * TOKENS) * 1e6, "h2load")
        mem = "client peak RSS"
        self.row(mem, f"BurgerBench, static SSE, {a.stream_requests} req", bb.rss_kb / 1024, "MiB")
        self.row(mem, "  per request", bb.rss_kb / a.stream_requests, "KiB")
        self.row(mem, "  per token event", bb.rss_kb * 1024 / events, "B")

    def streaming_sim(self):
        a = self.args
        sim = self.simulator(0, 2, TOKENS)
        url = sim.url
        n = a.sim_requests
        log(f"[2] streaming, concurrency 64, {n} requests against the simulator (TTFT 0, 2 ms/token)")
        bb, _, s, events = self.burgerbench(url, 64, n, stream=True)
        http_json(url + "/sim/reset", "POST")
        h2m, h2_rate, _ = self.h2load(url + "/v1/chat/completions", 64, n)
        sim.stop()
        sec = "streaming capacity, c=64, simulator (TTFT 0, 2 ms x 64 tokens)"
        ideal = 64 / (TOKENS * 0.002)
        rate = s["request_throughput"]
        self.row(sec, "BurgerBench requests", rate, "req/s", h2_rate, "h2load")
        self.row(sec, "BurgerBench token events", events / s["duration_s"], "events/s", h2_rate * TOKENS,
                 "h2load bytes-only")
        self.row(sec, "h2load --h1 -t1", h2_rate, "req/s", ideal, "ideal")
        self.row(sec, "ideal (64 / 128 ms)", ideal, "req/s")
        cpu = "client CPU per token event (process total)"
        self.row(cpu, "BurgerBench, simulator", bb.cpu / max(events, 1) * 1e6, "us",
                 h2m.cpu / (n * TOKENS) * 1e6, "h2load")

    def saturation(self):
        """Issue 19's saturation point: TTFT 0, 1 ms a token, 64 tokens, 256 streams, 4,096
        requests, the simulator in its own process; CPU per token event of both transports."""
        a = self.args
        n = 1024 if a.quick else 4096
        sim = self.simulator(0, 1, TOKENS)
        url = sim.url
        log(f"[8] saturation, concurrency 256, {n} requests against the simulator (TTFT 0, 1 ms/token), "
            "--transport qnam and socket, then the peers " + a.peers)
        runs = {}
        for transport in ("qnam", "socket"):
            http_json(url + "/sim/reset", "POST")
            bb, _, s, events = self.burgerbench(url, 256, n, stream=True, extra=("--transport", transport))
            if s.get("completed", n) != n or events != n * TOKENS:
                log(f"  ! --transport {transport}: {s.get('completed')} of {n} completed, {events} events")
            runs[transport] = (bb, s, events)
        peers = set(a.peers.split(","))
        aio = None
        if "aiohttp" in peers:
            http_json(url + "/sim/reset", "POST")
            aio = self.aiohttp(url, 256, n)
        h2m = None
        if "h2load" in peers:
            http_json(url + "/sim/reset", "POST")
            h2m, h2_rate, _ = self.h2load(url + "/v1/chat/completions", 256, n)
        sim.stop()
        h2_us = h2m.cpu / (n * TOKENS) * 1e6 if h2m else None
        sec = "saturation: client CPU per token event, c=256, simulator (TTFT 0, 1 ms x 64 tokens)"
        q_us = runs["qnam"][0].cpu / max(runs["qnam"][2], 1) * 1e6
        aio_us = None
        if isinstance(aio, dict):
            aio_us = aio["cpu_s"] / max(aio["token_events"], 1) * 1e6
        for transport, (bb, s, events) in runs.items():
            us = bb.cpu / max(events, 1) * 1e6
            self.row(sec, f"BurgerBench --transport {transport}", us, "us", h2_us, "h2load")
            if aio_us:
                verdict = ""
                if transport == "socket":
                    verdict = "target <= 0.5x: " + ("met" if us / aio_us <= 0.5 else "NOT MET")
                self.rows.append((sec, f"  {transport} / aiohttp", f"{us / aio_us:.2f} x", verdict))
            if transport == "socket":
                self.row(sec, "  socket against qnam", us / q_us, "x")
            self.row(sec, f"  --transport {transport}: wall", bb.wall, "s", h2m.wall if h2m else None, "h2load")
        if isinstance(aio, dict):
            self.row(sec, "aiohttp peer (Python asyncio, every event JSON-parsed)", aio_us, "us", h2_us, "h2load")
            self.rows.append((sec, "  aiohttp: completed / token events", f"{aio['completed']} / {aio['token_events']}",
                              "ok" if aio["completed"] == n and aio["token_events"] == n * TOKENS else "NOT EXACT"))
            self.row(sec, "  aiohttp: wall", aio["wall_s"], "s", h2m.wall if h2m else None, "h2load")
        elif aio is not None:
            self.rows.append((sec, "aiohttp peer", "not run", aio))
        if h2m:
            self.row(sec, "h2load --h1 -t1 (bytes only)", h2_us, "us")

    def memory(self):
        """Issue 19's memory figure: (peak RSS of a big run - peak RSS of a 512-request run) / the
        token events between them, 64 tokens a request, 256 streams, --keep-text none, both
        transports, then the same for the aiohttp peer (which keeps every gap as a Python float,
        as vLLM's client does); and what writing the big run's JSON adds to its peak. The small
        run opens all 256 connections too, so their buffers (fixed, tens of KiB each) are not
        counted as the big run's per-event cost."""
        a = self.args
        small, big = 512, 5000 if a.quick else 20000
        sim = self.simulator(0, 1, TOKENS)
        url = sim.url
        log(f"[10] memory per token event: {big} against {small} requests x {TOKENS} tokens, c=256, "
            "--keep-text none, both transports, then the aiohttp peer")
        sec = f"memory: (peak RSS, {big} req - {small} req) / token events, c=256, --keep-text none"

        def cli_run(n, transport, with_json):
            http_json(url + "/sim/reset", "POST")
            out_json = os.path.join(self.work, "mem.json")
            cmd = [self.cli, "run", "--url", url, "--concurrency", "256", "--requests", str(n),
                   "--max-tokens", str(TOKENS), "--progress", "off", "--keep-text", "none",
                   "--transport", transport]
            if with_json:
                cmd += ["--json", out_json]
            m = run_measured(cmd, 600, self.work)
            if m.code != 0:
                raise RuntimeError(f"burgerbench-cli run failed ({m.code}): {m.err[-2000:]}")
            events = None
            if with_json:
                with open(out_json) as f:
                    report = json.load(f)
                os.unlink(out_json)
                events = sum(len(r["token_ns"]) for r in report["requests"] if not r["warmup"])
            return m, events

        figures = {}
        for transport in ("qnam", "socket"):
            base, _ = cli_run(small, transport, False)
            trace, _ = cli_run(big, transport, False)
            written, events = cli_run(big, transport, True)
            if events != big * TOKENS:
                log(f"  ! --transport {transport}: {events} token events, {big * TOKENS} expected")
            per_event = (trace.rss_kb - base.rss_kb) * 1024 / max(events - small * TOKENS, 1)
            figures[transport] = per_event
            self.rows.append((sec, f"BurgerBench --transport {transport}", f"{per_event:.1f} B",
                              "target <= 12 B: " + ("met" if per_event <= 12 else "NOT MET")))
            json_mib = (written.rss_kb - trace.rss_kb) / 1024
            self.rows.append((sec, f"  writing its JSON adds ({transport})", f"{json_mib:.1f} MiB",
                              "target <= 16 MiB: " + ("met" if json_mib <= 16 else "NOT MET")))
        exe = self.aiohttp_python()
        if exe:
            peer = []
            for n in (small, big):
                http_json(url + "/sim/reset", "POST")
                peer.append(self.aiohttp(url, 256, n))
            if all(isinstance(p, dict) for p in peer):
                aio = (peer[1]["peak_rss_kib"] - peer[0]["peak_rss_kib"]) * 1024 / max(
                    peer[1]["token_events"] - peer[0]["token_events"], 1)
                self.row(sec, "aiohttp peer (gaps kept as Python floats)", aio, "B")
                for transport, per_event in figures.items():
                    self.rows.append((sec, f"  {transport} / aiohttp", f"{per_event / aio:.2f} x", ""))
        else:
            self.rows.append((sec, "aiohttp peer", "not run", "python3-aiohttp is not installed"))
        sim.stop()

    def many_streams(self):
        """Issue 19: 5,000 streams at once on the socket transport (the simulator in its own process,
        TTFT 1 s, 500 ms a token, 16 tokens): all complete, exactly 5,000 at once by the simulator's
        count, and the TTFT offset against its ground truth."""
        n = 2000 if self.args.quick else 5000
        s = Server([self.cli, "simulate", "--ttft-ms", "1000", "--token-interval-ms", "500",
                    "--output-tokens", "16"], read_url=True)
        self.servers.append(s)
        wait_http(s.url + "/v1/models")
        log(f"[11] {n} streams at once, --transport socket (TTFT 1 s, 500 ms x 16 tokens)")
        out_json = os.path.join(self.work, "many.json")
        m = run_measured([self.cli, "run", "--url", s.url, "--transport", "socket", "--concurrency", str(n),
                          "--requests", str(n), "--max-tokens", "16", "--progress", "off", "--json", out_json],
                         600, self.work)
        stats = http_json(s.url + "/sim/stats")
        s.stop()
        sec = f"{n} streams at once, --transport socket, simulator in its own process"
        if m.code != 0 or not os.path.exists(out_json):
            self.rows.append((sec, "run", "failed", m.err[-300:]))
            return
        with open(out_json) as f:
            report = json.load(f)
        os.unlink(out_json)
        truth = {r["id"]: r for r in stats["requests"]}
        done = sum(1 for r in report["requests"] if r["outcome"] == "success")
        ttft = []
        for r in report["requests"]:
            t = truth.get(r["id"])
            if r["outcome"] == "success" and t and r["token_ns"] and t.get("first_token_ns") is not None:
                ttft.append((r["token_ns"][0] - r["dispatch_ns"]) / 1e6 - (t["first_token_ns"] - t["arrival_ns"]) / 1e6)
        self.rows.append((sec, "completed / simulator peak_concurrent", f"{done} / {stats['peak_concurrent']}",
                          "ok" if done == n and stats["peak_concurrent"] == n else "NOT EXACT"))
        self.row(sec, "TTFT offset median", percentile(ttft, 50), "ms", 1000, "of TTFT")
        self.row(sec, "TTFT offset p99", percentile(ttft, 99), "ms", 1000, "of TTFT")
        self.row(sec, "client queue time median (not in TTFT)", report["summary"]["extras"]["queue_ms"]["median"], "ms")
        self.row(sec, "client peak RSS", m.rss_kb / 1024, "MiB")
        self.row(sec, "client CPU (user + system)", m.cpu, "s", m.wall, "of wall")

    def rerender(self):
        """Issue 19: a 120,000-request report (about 200 MB) re-rendered as HTML within 1 GiB. The
        report is a real 20,000-request socket run (simulator, TTFT 0, 1 ms x 64 tokens, 256
        streams) repeated six times one after another on its clock; the peer is Python's json.load
        of the same file, each in its own process."""
        small = 5000 if self.args.quick else 20000
        times = 6
        sim = self.simulator(0, 1, TOKENS)
        one = os.path.join(self.work, "one.json")
        m = run_measured([self.cli, "run", "--url", sim.url, "--requests", str(small), "--concurrency", "256",
                          "--max-tokens", str(TOKENS), "--transport", "socket", "--progress", "off",
                          "--json", one], 600, self.work)
        sim.stop()
        if m.code != 0:
            raise RuntimeError(f"burgerbench-cli run failed ({m.code}): {m.err[-2000:]}")
        with open(one) as f:
            d = json.load(f)
        os.unlink(one)
        reqs = d["requests"]
        span = max(r["end_ns"] or 0 for r in reqs) + 1_000_000
        stamps = ("intended_ns", "dispatch_ns", "sent_ns", "headers_ns", "first_byte_ns", "first_content_ns",
                  "end_ns")
        grown = []
        for k in range(times):
            for r in reqs:
                c = dict(r, index=len(grown), id=f"{r['id']}-{k}")
                for key in stamps:
                    if c.get(key) is not None:
                        c[key] += k * span
                c["token_ns"] = [t + k * span for t in r["token_ns"]]
                grown.append(c)
        d["requests"] = grown
        d["loop_busy"] = [[a + k * span, b + k * span] for k in range(times) for a, b in d["loop_busy"]]
        d["loop_lag"] = [[a + k * span, b] for k in range(times) for a, b in d["loop_lag"]]
        d["scenario"]["load"]["requests"] = len(grown)
        big = os.path.join(self.work, "big.json")
        with open(big, "w") as f:
            json.dump(d, f)
        del d, grown, reqs
        size_mb = os.path.getsize(big) / 1e6
        n = small * times
        log(f"[12] re-render a {n}-request report ({size_mb:.0f} MB) as HTML, against python3 json.load")
        html = os.path.join(self.work, "big.html")
        bb = run_measured([self.cli, "report", big, "--html", html], 600, self.work)
        if bb.code != 0:
            raise RuntimeError(f"burgerbench-cli report failed ({bb.code}): {bb.err[-2000:]}")
        peer = run_measured([sys.executable, "-c", f"import json; json.load(open({big!r}))"], 600, self.work)
        sec = f"re-render a {n}-request report ({size_mb:.0f} MB) as HTML"
        mib = bb.rss_kb / 1024
        self.rows.append((sec, "burgerbench-cli report --html: peak RSS", f"{mib:.0f} MiB",
                          f"{bb.rss_kb / max(peer.rss_kb, 1):.2f}x python json.load; target <= 1 GiB: "
                          + ("met" if mib <= 1024 else "NOT MET")))
        self.row(sec, "  wall", bb.wall, "s", peer.wall, "python json.load")
        self.row(sec, "python3 json.load of the same file: peak RSS", peer.rss_kb / 1024, "MiB")
        self.row(sec, "the HTML written", os.path.getsize(html) / 1e6, "MB", size_mb, "of the report")
        for path in (big, html):
            os.unlink(path)

    def fidelity(self, concurrency, requests, extra=()):
        sim = self.simulator(200, 20, TOKENS)
        log(f"[3] fidelity: {requests} requests at concurrency {concurrency} (TTFT 200 ms, 20 ms x 64) "
            + " ".join(extra))
        cpu0 = sim.cpu_seconds()
        bb, report, s, events = self.burgerbench(sim.url, concurrency, requests, stream=True, timeout=600,
                                                 extra=extra)
        sim_cpu = sim.cpu_seconds() - cpu0
        stats = http_json(sim.url + "/sim/stats")
        sim.stop()
        truth = {r["id"]: r for r in stats["requests"]}
        ttft, itl, missing = [], [], 0
        for r in report["requests"]:
            t = truth.get(r["id"])
            if r["outcome"] != "success" or t is None or not r["token_ns"] or t.get("first_token_ns") is None:
                missing += 1
                continue
            client_ttft = (r["token_ns"][0] - r["dispatch_ns"]) / 1e6
            server_ttft = (t["first_token_ns"] - t["arrival_ns"]) / 1e6
            ttft.append(client_ttft - server_ttft)
            ct, st = r["token_ns"], t["token_ns"]
            for i in range(1, min(len(ct), len(st))):
                itl.append((ct[i] - ct[i - 1] - (st[i] - st[i - 1])) / 1e6)
        sec = f"fidelity, c={concurrency}, {requests} req{', ' + ' '.join(extra) if extra else ''}: " \
              "client - simulator ground truth"
        self.rows.append((sec, "completed / simulator peak_concurrent",
                          f"{s['completed']} / {stats['peak_concurrent']}",
                          "ok" if s["completed"] == requests and stats["peak_concurrent"] == concurrency
                          else "NOT EXACT"))
        self.row(sec, "TTFT offset median", percentile(ttft, 50), "ms", 200, "of TTFT")
        self.row(sec, "TTFT offset p99", percentile(ttft, 99), "ms", 200, "of TTFT")
        self.row(sec, "ITL offset median", percentile(itl, 50), "ms", 20, "of ITL")
        self.row(sec, "ITL offset p99", percentile(itl, 99), "ms", 20, "of ITL")
        queue = s["extras"]["queue_ms"]
        self.row(sec, "client queue time median (not in TTFT)", queue["median"], "ms")
        self.row(sec, "client queue time p99 (not in TTFT)", queue["p99"], "ms")
        if extra:
            return percentile(ttft, 50), percentile(itl, 50)
        cpu = "client CPU per request / token event (process total)"
        self.row(cpu, f"BurgerBench, c={concurrency}, per request", bb.cpu / requests * 1e3, "ms",
                 sim_cpu / requests * 1e3, "simulator")
        self.row(cpu, f"BurgerBench, c={concurrency}, per token event", bb.cpu / max(events, 1) * 1e6, "us",
                 sim_cpu / max(events, 1) * 1e6, "simulator")
        mem = "client peak RSS"
        self.row(mem, f"BurgerBench, c={concurrency}, {requests} req", bb.rss_kb / 1024, "MiB")
        self.row(mem, "  per request", bb.rss_kb / requests, "KiB")
        self.row(mem, "  per token event", bb.rss_kb * 1024 / max(events, 1), "B")
        return percentile(ttft, 50), percentile(itl, 50)

    def fault_campaign(self):
        """Every simulator fault at 10% in one 10,000-request run: the printed accounting."""
        n = self.args.fault_requests
        faults = ["http_429", "http_500", "http_503", "reset", "stall", "malformed", "stream_error", "missing_done"]
        cmd = [self.cli, "simulate", "--ttft-ms", "5", "--token-interval-ms", "2", "--output-tokens", "16",
               "--stall-s", "3", "--seed", "6"]
        for f in faults:
            cmd += ["--fault", f + "=0.1"]
        sim = Server(cmd, read_url=True)
        self.servers.append(sim)
        wait_http(sim.url + "/v1/models")
        log(f"[6] fault campaign: {n} requests, c=64, every fault at 10%, idle timeout 1 s < 3 s stall")
        _, report, s, _ = self.burgerbench(sim.url, 64, n, stream=True, timeout=900,
                                           extra=("--idle-timeout", "1s", "--max-tokens", "16"))
        stats = http_json(sim.url + "/sim/stats")
        sim.stop()
        drawn = {r["id"]: r["fault"] for r in stats["requests"]}
        expected = {"none": "success", "http_429": "http_429", "http_500": "http_500", "http_503": "http_503",
                    "reset": "connection_reset", "client_closed": "timeout_idle", "malformed": "malformed_chunk",
                    "stream_error": "stream_error", "missing_done": "missing_done"}
        table, mismatched, never = {}, 0, 0
        for r in report["requests"]:
            kind = "success" if r["outcome"] == "success" else r["error"]
            fault = drawn.get(r["id"])
            if fault is None:
                never += 1
                table.setdefault(("(never arrived)", kind), 0)
                table[("(never arrived)", kind)] += 1
                continue
            table[(fault, kind)] = table.get((fault, kind), 0) + 1
            if expected.get(fault) != kind:
                mismatched += 1
        sec = f"fault campaign, {n} requests, c=64, every fault at 10%"
        sent = len(report["requests"])
        total = s["completed"] + s["failed"] + s["incomplete"]
        self.rows.append((sec, "sent / completed + failed + incomplete",
                          f"{sent} / {s['completed']} + {s['failed']} + {s['incomplete']} = {total}",
                          "ok" if total == sent == n else "NOT ACCOUNTED"))
        for (fault, kind), count in sorted(table.items(), key=lambda kv: (kv[0][0] != "none", kv[0])):
            ok = "ok" if expected.get(fault) == kind else ("race" if fault == "(never arrived)" else "MISMATCH")
            self.rows.append((sec, f"simulator {fault} -> client {kind}", f"{count}", ok))
        self.rows.append((sec, "mismatched / never reached the simulator", f"{mismatched} / {never}",
                          "ok" if mismatched == 0 else "MISMATCH"))

    def timeline(self):
        exe = self.args.timeline
        if not exe or not os.path.exists(exe):
            self.rows.append(("timeline paint (bench/timeline)", "not built", "-", ""))
            return
        log("[5] timeline paint (bench/timeline)")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        p = subprocess.run([exe], capture_output=True, text=True, timeout=600, env=env)
        # QBENCHMARK prints "RESULT : tst::paint():"rows" then "  12.5 msecs per iteration ..."
        current = None
        for line in p.stdout.splitlines():
            m = re.match(r"RESULT : \S+?::(\w+)\(\):\"?([^\"]*)\"?:?", line)
            if m:
                current = f"{m.group(1)} {m.group(2)}".strip()
                continue
            m = re.match(r"\s+([\d.]+) (msecs|CPU ticks|instructions) per iteration", line)
            if m and current:
                self.rows.append(("timeline paint (bench/timeline)", current, f"{float(m.group(1)):.2f} {m.group(2)}",
                                  ""))
                current = None

    def timeline_window(self):
        exe = self.args.timeline_window
        sec = "window frame time while 1,000 simulated streams run (bench/timeline)"
        if not exe or not os.path.exists(exe):
            self.rows.append((sec, "not built", "-", ""))
            return
        log("[5] window frame time, 1,000 streams (bench_timeline_window)")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        p = subprocess.run([exe], capture_output=True, text=True, timeout=900, env=env)
        out = p.stdout + p.stderr
        # "frameWhileStreaming(<row>) 100 frames: wall median 3.1 ms, p95 ..., GUI-thread CPU median ..."
        # QBENCHMARK calls the function more than once; each call prints its own 100-frame
        # figures. Report the median over the calls.
        seen = {}
        for m in re.finditer(r"frameWhileStreaming\((\w+)[^\n]*?\s\d+ frames: wall median ([\d.]+) ms, "
                             r"p95 ([\d.]+) ms, max ([\d.]+) ms; GUI-thread CPU median ([\d.]+) ms.*?"
                             r"in flight (\d+)", out):
            seen.setdefault(m.group(1), []).append(m)
        for key, ms in seen.items():
            what = {"timeline": "timeline alone, index rebuilt + full repaint",
                    "window": "whole window, one live update"}.get(key, key)
            med = lambda g: percentile([float(x.group(g)) for x in ms], 50)
            self.rows.append((sec, f"{what}: wall median / p95", f"{med(2):.2f} / {med(3):.2f} ms",
                              f"{min(int(x.group(6)) for x in ms)}+ in flight, {len(ms)} calls"))
            self.rows.append((sec, f"{what}: GUI-thread CPU median", f"{med(5):.2f} ms", ""))
        if p.returncode != 0:
            self.rows.append((sec, "bench_timeline_window failed", str(p.returncode), out[-300:]))

    def print_table(self):
        w1 = max(len(r[1]) for r in self.rows) + 2
        w2 = max(len(r[2]) for r in self.rows) + 2
        section = None
        for sec, label, value, ratio in self.rows:
            if sec != section:
                print(f"\n## {sec}")
                section = sec
            print(f"  {label:<{w1}}{value:>{w2}}   {ratio}")
        sys.stdout.flush()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", required=True, help="path to burgerbench-cli")
    ap.add_argument("--timeline", help="path to bench_timeline (optional)")
    ap.add_argument("--timeline-window", help="path to bench_timeline_window (optional)")
    ap.add_argument("--quick", action="store_true", help="smaller counts (a minute or two)")
    ap.add_argument("--only", default="1,2,3,4,5,6,8,10,11,12", help="sections to run, e.g. 3")
    ap.add_argument("--peers", default="aiohttp,h2load",
                    help="section 8's peers, comma-separated from aiohttp,h2load (default both)")
    a = ap.parse_args()
    a.requests = 5000 if a.quick else 20000
    a.stream_requests = 2000 if a.quick else 10000
    a.sim_requests = 1000 if a.quick else 4000
    a.fault_requests = 2000 if a.quick else 10000
    bad = set(a.peers.split(",")) - {"aiohttp", "h2load"}
    if bad:
        ap.error(f"--peers: unknown peer {', '.join(sorted(bad))} (known: aiohttp, h2load)")
    only = set(a.only.split(","))
    b = Bench(a)
    try:
        print(f"BurgerBench peer benchmark ({'quick' if a.quick else 'full'}), {os.cpu_count()} CPUs, "
              f"{time.strftime('%Y-%m-%d %H:%M')}")
        if only & {"1", "2", "4"}:
            nginx = start_nginx(b.work)
            b.servers.append(nginx)
            if only & {"1", "4"}:
                b.non_streaming(nginx)
            if only & {"2", "4"}:
                b.streaming_static(nginx)
            nginx.stop()
            if only & {"2", "4"}:
                b.streaming_sim()
        if only & {"3", "4"}:
            b.fidelity(256, 1024)
            b.fidelity(256, 1024, extra=("--send-window", "0"))
            b.fidelity(1000, 1000 if a.quick else 2000)
            b.fidelity(256, 1024, extra=("--transport", "socket"))
            b.fidelity(1000, 1000 if a.quick else 2000, extra=("--transport", "socket"))
        if "6" in only:
            b.fault_campaign()
        if "8" in only:
            b.saturation()
        if "10" in only:
            b.memory()
        if "11" in only:
            b.many_streams()
        if "12" in only:
            b.rerender()
        if "5" in only:
            b.timeline()
            b.timeline_window()
        b.print_table()
    finally:
        b.close()


if __name__ == "__main__":
    main()
