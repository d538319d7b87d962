#!/usr/bin/env python3
"""The hostile-server suite (issue 15): burgerbench-cli against servers, files and environments
written to misbehave, each case checked for what it must be recorded as.

Standard library only. CTest runs it as `hostile` with BURGERBENCH_BIN set to the build's bin/;
by hand: BURGERBENCH_BIN=build/ci/bin python3 tests/hostile/test_hostile.py -v [-k name].

Every server case runs on both transports (QNAM, the default, and --transport socket): the same
bytes must be recorded as the same facts. The server is hostile_server.py next to this file.
"""

import json
import os
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.environ.get("BURGERBENCH_BIN", os.path.join(HERE, "..", "..", "build", "dev", "bin"))
CLI = os.path.join(BIN, "burgerbench-cli")
TRANSPORTS = ("qnam", "socket")
MiB = 1024 * 1024


def _sanitized():
    # scripts/sanitize.sh runs this suite against an AddressSanitizer build, whose freed memory
    # waits in a quarantine (256 MiB by default) before reuse: peak RSS then measures that too.
    try:
        with open(CLI, "rb") as f:
            return b"__asan_init" in f.read()
    except OSError:
        return False


SANITIZED = _sanitized()
ASAN_QUARANTINE = 256 * MiB


class Result:
    def __init__(self, rc, out, err, maxrss_kib, seconds):
        self.rc, self.out, self.err, self.maxrss_kib, self.seconds = rc, out, err, maxrss_kib, seconds

    def __repr__(self):
        return "exit %s in %.2f s\nstdout:\n%s\nstderr:\n%s" % (self.rc, self.seconds, self.out[-3000:],
                                                              self.err[-3000:])


def run_cli(args, env=None, timeout=120, stdin=None):
    """Runs burgerbench-cli; returns its exit code, output and peak RSS (VmHWM, polled)."""
    full_env = dict(os.environ)
    full_env.pop("OPENAI_API_KEY", None)
    if env:
        full_env.update(env)
    start = time.monotonic()
    proc = subprocess.Popen([CLI] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL if stdin is None else stdin, env=full_env)
    out_chunks, err_chunks = [], []
    readers = [threading.Thread(target=lambda s=s, c=c: c.append(s.read()), daemon=True)
               for s, c in ((proc.stdout, out_chunks), (proc.stderr, err_chunks))]
    for r in readers:
        r.start()
    deadline = start + timeout
    # Peak RSS: the kernel's high-water mark of the program's own memory (VmHWM), read while it
    # runs. (wait4's ru_maxrss would also count this Python process's size, inherited at the fork.)
    hwm_kib = 0
    while True:
        try:
            with open("/proc/%d/status" % proc.pid) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        hwm_kib = max(hwm_kib, int(line.split()[1]))
        except (OSError, ValueError):
            pass
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.01)
    proc.returncode = os.waitstatus_to_exitcode(status)
    for r in readers:
        r.join(10)
    out = out_chunks[0].decode("utf-8", "replace") if out_chunks else ""
    err = err_chunks[0].decode("utf-8", "replace") if err_chunks else ""
    return Result(proc.returncode, out, err, hwm_kib, time.monotonic() - start)


def start_server(*extra):
    proc = subprocess.Popen([sys.executable, os.path.join(HERE, "hostile_server.py")] + list(extra),
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    port = int(proc.stdout.readline())
    return proc, port


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def measured(report):
    return [r for r in report["requests"] if not r.get("warmup")]


class HostileServers(unittest.TestCase):
    """Servers that misbehave: each request is recorded as what happened, and the run completes."""

    @classmethod
    def setUpClass(cls):
        cls.server, cls.port = start_server()
        cls.tmp = tempfile.TemporaryDirectory(prefix="hostile-")

    @classmethod
    def tearDownClass(cls):
        cls.server.kill()
        cls.server.wait()
        cls.server.stdout.close()
        cls.tmp.cleanup()

    def url(self, behaviour):
        return "http://127.0.0.1:%d/%s/v1" % (self.port, behaviour)

    def server_log(self, behaviour):
        with urllib.request.urlopen("http://127.0.0.1:%d/_log/%s" % (self.port, behaviour), timeout=10) as r:
            return json.loads(r.read())

    def run_case(self, behaviour, transport, *extra, requests=2, concurrency=2, timeout="10s", expect_rc=0,
                 env=None, url=None):
        path = os.path.join(self.tmp.name, "%s-%s.json" % (behaviour, transport))
        args = ["run", "--url", url or self.url(behaviour), "--transport", transport, "--requests", str(requests),
                "--concurrency", str(concurrency), "--timeout", timeout, "--json", path] + list(extra)
        res = run_cli(args, env=env)
        self.assertEqual(res.rc, expect_rc, res)
        report = load(path)
        reqs = measured(report)
        self.assertEqual(len(reqs), requests, res)
        for r in reqs:
            self.assertIn(r["outcome"], ("success", "failed", "incomplete"), r)
        s = report["summary"]
        self.assertEqual(s["completed"] + s["failed"] + s["incomplete"], s["sent"])
        return report, reqs, res

    def expect_kind(self, behaviour, kind, *extra, message=None, qnam_kind=None, **kw):
        # qnam_kind: what QNAM records where Qt 6.4 hides the bytes (docs/report-schema.md says which),
        # a kind or a tuple of the kinds Qt may give; the socket transport sees the bytes and must
        # give the exact kind.
        for transport in TRANSPORTS:
            with self.subTest(transport=transport):
                expected = qnam_kind if transport == "qnam" and qnam_kind else kind
                allowed = expected if isinstance(expected, tuple) else (expected,)
                report, reqs, res = self.run_case(behaviour, transport, *extra, **kw)
                for r in reqs:
                    self.assertEqual(r["outcome"], "failed", r)
                    self.assertIn(r["error"], allowed, r)
                    if message:
                        self.assertIn(message, r["error_message"], r)
                errors = report["summary"]["errors"]
                self.assertEqual(sum(errors.get(k, 0) for k in allowed), len(reqs), errors)

    # --- what a good server gets ----------------------------------------------------------

    def test_good_stream(self):
        for transport in TRANSPORTS:
            with self.subTest(transport=transport):
                report, reqs, _ = self.run_case("ok", transport)
                for r in reqs:
                    self.assertEqual(r["outcome"], "success", r)
                    self.assertEqual(len(r["token_ns"]), 5)
                    self.assertFalse(r.get("token_count_mismatch", False), r)

    def test_http10_without_length_is_read_to_the_close(self):
        for transport in TRANSPORTS:
            with self.subTest(transport=transport):
                _, reqs, _ = self.run_case("http10", transport)
                for r in reqs:
                    self.assertEqual(r["outcome"], "success", r)
                    self.assertEqual(len(r["token_ns"]), 4)

    def test_hundred_thousand_tiny_events_all_counted(self):
        for transport in TRANSPORTS:
            with self.subTest(transport=transport):
                _, reqs, _ = self.run_case("tiny-events", transport, requests=1, concurrency=1, timeout="60s")
                self.assertEqual(reqs[0]["outcome"], "success", reqs[0])
                self.assertEqual(len(reqs[0]["token_ns"]), 100000)
                self.assertEqual(reqs[0]["token_ns"], sorted(reqs[0]["token_ns"]))

    # --- broken HTTP: each under its own kind ---------------------------------------------

    def test_closed_after_headers(self):
        # Qt 6.4 sometimes takes a close right after the head of a chunked body for a clean end of
        # an empty body (seen under AddressSanitizer's slower timing): QNAM then records no_tokens.
        for transport in TRANSPORTS:
            with self.subTest(transport=transport):
                _, reqs, _ = self.run_case("closed-after-headers", transport)
                allowed = {"connection_reset", "no_tokens"} if transport == "qnam" else {"connection_reset"}
                for r in reqs:
                    self.assertEqual(r["outcome"], "failed", r)
                    self.assertIn(r["error"], allowed, r)
                    self.assertEqual(r["token_ns"], [], r)

    def test_accept_then_rst(self):
        self.expect_kind("rst", "connection_reset")

    def test_reset_mid_stream_is_a_reset_and_keeps_its_tokens(self):
        # Qt 6.4 sometimes takes an RST that follows bytes it has read for a clean close: QNAM then
        # records the stream as ended without [DONE] (seen once in CI under load).
        self.expect_kind("reset-mid-stream", "connection_reset", qnam_kind=("connection_reset", "missing_done"))
        for transport in TRANSPORTS:
            report = load(os.path.join(self.tmp.name, "reset-mid-stream-%s.json" % transport))
            for r in measured(report):
                self.assertEqual(len(r["token_ns"]), 2, (transport, r))

    def test_bad_chunk_size(self):
        # Qt reads the size "zz" as 0, the last chunk: to QNAM the stream just ended without [DONE].
        self.expect_kind("bad-chunk", "chunked_encoding", qnam_kind="missing_done")

    def test_garbage_status_line(self):
        # Qt reports a status line it cannot parse as the remote host closing.
        self.expect_kind("garbage-status", "bad_status_line", qnam_kind="connection_reset")

    def test_twenty_thousand_headers(self):
        # Qt drops a header block it will not hold, Content-Type with it.
        self.expect_kind("many-headers", "headers_too_large", qnam_kind="bad_response")

    def test_hundred_kilobyte_header(self):
        self.expect_kind("big-header", "headers_too_large", qnam_kind="bad_response")

    def test_html_instead_of_a_stream(self):
        self.expect_kind("html", "bad_response", message="text/event-stream")

    def test_invalid_utf8_and_nul(self):
        self.expect_kind("bad-utf8", "malformed_chunk")

    def test_redirect_is_named_and_never_followed(self):
        self.expect_kind("redirect", "redirect", message="/redirected-here/")
        self.assertEqual(self.server_log("redirected-here"), [])

    def test_429_is_retried_and_recorded(self):
        for transport in TRANSPORTS:
            with self.subTest(transport=transport):
                report, reqs, _ = self.run_case("too-many", transport, "--retries", "2")
                for r in reqs:
                    self.assertEqual(r["error"], "http_429", r)
                    self.assertEqual(r["status"], 429)
                    self.assertEqual(r["retries"], 2, r)
                    self.assertEqual(len(r["attempts"]), 2, r)

    # --- caps: a hostile stream never holds more than the cap -----------------------------

    def test_ten_megabyte_event_hits_the_event_cap(self):
        self.expect_kind("big-event", "event_too_large")

    def test_twenty_endless_lines_stay_bounded(self):
        # Done when (issue 15): twenty endless-line streams stay under 100 MiB plus 20 x the cap.
        cap = 1 * MiB
        for transport in TRANSPORTS:
            with self.subTest(transport=transport):
                report, reqs, res = self.run_case("endless-line", transport, requests=20, concurrency=20,
                                                  timeout="60s")
                for r in reqs:
                    self.assertEqual(r["error"], "event_too_large", r)
                peak = res.maxrss_kib * 1024
                bound = 100 * MiB + 20 * cap + (ASAN_QUARANTINE if SANITIZED else 0)
                print("endless lines, %s: peak RSS %.1f MiB (bound %.0f MiB%s)"
                      % (transport, peak / MiB, bound / MiB, ", AddressSanitizer build" if SANITIZED else ""))
                self.assertLess(peak, bound, res)

    # --- time: deadlines fire on time -----------------------------------------------------

    def check_deadline(self, behaviour, kind, seconds, transport):
        report, reqs, _ = self.run_case(behaviour, transport, requests=8, concurrency=8, timeout="%ds" % seconds)
        for r in reqs:
            self.assertEqual(r["error"], kind, r)
            took_ms = (r["end_ns"] - r["dispatch_ns"]) / 1e6
            self.assertGreaterEqual(took_ms, seconds * 1000, r)
            self.assertLessEqual(took_ms, seconds * 1000 + 5, r)

    def test_timeout_when_nothing_answers(self):
        for transport in TRANSPORTS:
            with self.subTest(transport=transport):
                self.check_deadline("never-answer", "timeout_total", 1, transport)

    def test_total_timeout_of_a_stream_that_never_ends(self):
        for transport in TRANSPORTS:
            with self.subTest(transport=transport):
                self.check_deadline("trickle", "timeout_total", 1, transport)

    def test_slowloris_headers(self):
        for transport in TRANSPORTS:
            with self.subTest(transport=transport):
                self.check_deadline("slowloris", "timeout_total", 1, transport)

    def test_idle_timeout(self):
        for transport in TRANSPORTS:
            with self.subTest(transport=transport):
                report, reqs, _ = self.run_case("never-answer", transport, "--idle-timeout", "500ms",
                                                requests=4, concurrency=4)
                for r in reqs:
                    self.assertEqual(r["error"], "timeout_idle", r)
                    self.assertLessEqual((r["end_ns"] - r["dispatch_ns"]) / 1e6, 505, r)

    # --- figures that disagree ------------------------------------------------------------

    def test_usage_that_disagrees_with_the_events_is_flagged(self):
        for transport in TRANSPORTS:
            with self.subTest(transport=transport):
                report, reqs, res = self.run_case("lying-usage", transport)
                for r in reqs:
                    self.assertEqual(r["outcome"], "success", r)
                    self.assertEqual(len(r["token_ns"]), 5)
                    self.assertEqual(r["output_tokens"], 9)
                    self.assertTrue(r["token_count_mismatch"], r)
                self.assertEqual(report["summary"]["token_count_mismatch"], 2)

    # --- the network itself ---------------------------------------------------------------

    def test_refused(self):
        url = "http://127.0.0.1:%d/v1" % free_port()
        for transport in TRANSPORTS:
            with self.subTest(transport=transport):
                _, reqs, _ = self.run_case("refused", transport, url=url)
                for r in reqs:
                    self.assertEqual(r["error"], "connection_refused", r)

    def test_unknown_host(self):
        for transport in TRANSPORTS:
            with self.subTest(transport=transport):
                _, reqs, _ = self.run_case("unknown", transport, url="http://no-such-host.invalid:9/v1")
                for r in reqs:
                    self.assertEqual(r["error"], "host_not_found", r)

    def test_server_dying_mid_run(self):
        for transport in TRANSPORTS:
            with self.subTest(transport=transport):
                server, port = start_server()
                path = os.path.join(self.tmp.name, "dying-%s.json" % transport)

                def kill_when_streaming():
                    # Once four streams are under way and have sent a few tokens, the server dies.
                    deadline = time.monotonic() + 30
                    while time.monotonic() < deadline:
                        try:
                            with urllib.request.urlopen("http://127.0.0.1:%d/_log/trickle" % port, timeout=5) as r:
                                if len(json.loads(r.read())) >= 4:
                                    break
                        except OSError:
                            pass
                        time.sleep(0.05)
                    time.sleep(0.6)
                    server.kill()

                killer = threading.Thread(target=kill_when_streaming)
                killer.start()
                res = run_cli(["run", "--url", "http://127.0.0.1:%d/trickle/v1" % port, "--transport", transport,
                               "--requests", "12", "--concurrency", "4", "--timeout", "20s", "--json", path])
                killer.join()
                server.wait()
                self.assertEqual(res.rc, 0, res)
                reqs = measured(load(path))
                self.assertEqual(len(reqs), 12)
                kinds = {r["error"] for r in reqs}
                # Those cut off mid-stream were reset; any sent after the death were refused.
                self.assertTrue(kinds <= {"connection_reset", "connection_refused"}, kinds)
                self.assertIn("connection_reset", kinds)
                # The four in flight at the death keep the tokens they got.
                cut = [r for r in reqs if r["error"] == "connection_reset" and len(r["token_ns"]) >= 3]
                self.assertEqual(len(cut), 4, [(r["error"], len(r["token_ns"])) for r in reqs])
                self.assertTrue(all(r["outcome"] == "failed" for r in reqs))

    def test_external_simulator_killed_mid_run(self):
        for transport in TRANSPORTS:
            with self.subTest(transport=transport):
                sim = subprocess.Popen([CLI, "simulate", "--ttft-ms", "50", "--token-interval-ms", "100",
                                        "--output-tokens", "200"], stdout=subprocess.PIPE,
                                       stderr=subprocess.DEVNULL)
                url = sim.stdout.readline().decode().strip()
                sim.stdout.close()
                path = os.path.join(self.tmp.name, "simkilled-%s.json" % transport)
                killer = threading.Timer(1.5, sim.kill)
                killer.start()
                res = run_cli(["run", "--url", url, "--transport", transport, "--requests", "8", "--concurrency", "4",
                               "--timeout", "30s", "--json", path])
                killer.join()
                sim.wait()
                self.assertEqual(res.rc, 0, res)
                reqs = measured(load(path))
                self.assertEqual(len(reqs), 8)
                kinds = {r["error"] for r in reqs}
                self.assertTrue(kinds <= {"connection_reset", "connection_refused"}, kinds)
                self.assertIn("connection_reset", kinds)

    # --- what the client sends ------------------------------------------------------------

    def test_identity_and_secrets(self):
        secret = "sk-hostile-0123456789abcdef-SECRET"
        for transport in TRANSPORTS:
            with self.subTest(transport=transport):
                before = len(self.server_log("head"))
                report, reqs, res = self.run_case("head", transport, requests=1, concurrency=1,
                                                  env={"OPENAI_API_KEY": secret})
                heads = self.server_log("head")[before:]
                self.assertEqual(len(heads), 1)
                headers = {name.lower(): value for name, value in heads[0]["headers"]}
                self.assertTrue(headers.get("user-agent", "").startswith("BurgerBench/"), headers)
                # QNAM cannot leave Accept-Language out (it adds the machine's locale to a request
                # without one): it sends the neutral "*"; the socket transport sends none.
                if transport == "qnam":
                    self.assertEqual(headers.get("accept-language"), "*", headers)
                else:
                    self.assertNotIn("accept-language", headers)
                self.assertEqual(headers.get("authorization"), "Bearer " + secret)
                html = os.path.join(self.tmp.name, "head-%s.html" % transport)
                csv = os.path.join(self.tmp.name, "head-%s.csv" % transport)
                rep = run_cli(["report", os.path.join(self.tmp.name, "head-%s.json" % transport), "--html", html,
                               "--csv", csv], env={"OPENAI_API_KEY": secret})
                self.assertEqual(rep.rc, 0, rep)
                for name in ("head-%s.json" % transport, "head-%s.html" % transport, "head-%s.csv" % transport):
                    with open(os.path.join(self.tmp.name, name), encoding="utf-8") as f:
                        self.assertNotIn(secret, f.read(), name)
                self.assertNotIn(secret, res.out + res.err + rep.out + rep.err)

    def test_user_agent_can_be_overridden(self):
        for transport in TRANSPORTS:
            with self.subTest(transport=transport):
                before = len(self.server_log("head"))
                self.run_case("head", transport, "--header", "User-Agent: my-harness/2", requests=1, concurrency=1)
                heads = self.server_log("head")[before:]
                agents = [v for n, v in heads[0]["headers"] if n.lower() == "user-agent"]
                self.assertEqual(agents, ["my-harness/2"])

    def test_header_injection_is_refused(self):
        for header, named in (("X-A: b\r\nGET /smuggled HTTP/1.1", "X-A"), ("X-A: b\nc", "X-A"),
                              ("Content-Length: 5", "Content-Length"), ("Transfer-Encoding: chunked",
                                                                        "Transfer-Encoding"),
                              ("Host: evil", "Host"), ("Bad Name: v", "Bad Name")):
            with self.subTest(header=header):
                res = run_cli(["run", "--url", self.url("head"), "--requests", "1", "--header", header])
                self.assertEqual(res.rc, 2, res)
                self.assertIn(named, res.err)
        self.assertEqual([h for h in self.server_log("head") if "smuggled" in h["target"]], [])

    def test_html_and_svg_escape_what_the_server_and_user_gave(self):
        model = '<script>alert("m")</script>'
        report, reqs, _ = self.run_case("ok", "qnam", "--model", model, requests=1, concurrency=1)
        src = os.path.join(self.tmp.name, "ok-qnam.json")
        html = os.path.join(self.tmp.name, "esc.html")
        svg = os.path.join(self.tmp.name, "esc.svg")
        res = run_cli(["report", src, "--html", html, "--svg", svg])
        self.assertEqual(res.rc, 0, res)
        for path in (html, svg):
            with open(path, encoding="utf-8") as f:
                self.assertNotIn('<script>alert("m")', f.read(), path)


class PrivateTls(unittest.TestCase):
    """A TLS server with a certificate from a private CA: trusted with --ca-file or SSL_CERT_FILE,
    refused clearly without, accepted loudly with --insecure."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="hostile-tls-")
        d = cls.tmp.name
        cls.ca, cls.cert, key, cakey = (os.path.join(d, n) for n in ("ca.pem", "cert.pem", "key.pem", "ca.key"))

        def openssl(*args):
            subprocess.run(["openssl"] + list(args), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", cakey, "-out", cls.ca, "-days", "2",
                "-subj", "/CN=BurgerBench hostile test CA")
        csr = os.path.join(d, "cert.csr")
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", csr, "-subj", "/CN=127.0.0.1")
        ext = os.path.join(d, "ext.cnf")
        with open(ext, "w") as f:
            f.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
        openssl("x509", "-req", "-in", csr, "-CA", cls.ca, "-CAkey", cakey, "-CAcreateserial", "-out", cls.cert,
                "-days", "2", "-extfile", ext)
        cls.server, cls.port = start_server("--tls", cls.cert, key)

    @classmethod
    def tearDownClass(cls):
        cls.server.kill()
        cls.server.wait()
        cls.server.stdout.close()
        cls.tmp.cleanup()

    def run_tls(self, transport, *extra, env=None):
        path = os.path.join(self.tmp.name, "tls-%s.json" % transport)
        res = run_cli(["run", "--url", "https://127.0.0.1:%d/ok/v1" % self.port, "--transport", transport,
                       "--requests", "2", "--concurrency", "2", "--timeout", "10s", "--json", path] + list(extra),
                      env=env)
        return res, (load(path) if os.path.exists(path) and res.rc in (0, 1) else None)

    def test_untrusted_certificate_fails_clearly(self):
        for transport in TRANSPORTS:
            with self.subTest(transport=transport):
                res, report = self.run_tls(transport)
                self.assertEqual(res.rc, 0, res)
                for r in measured(report):
                    self.assertEqual(r["error"], "tls_error", r)
                    self.assertRegex(r["error_message"], "(?i)certificate", r)

    def test_ca_file_trusts_the_private_ca(self):
        for transport in TRANSPORTS:
            with self.subTest(transport=transport):
                res, report = self.run_tls(transport, "--ca-file", self.ca)
                self.assertEqual(res.rc, 0, res)
                for r in measured(report):
                    self.assertEqual(r["outcome"], "success", r)

    def test_ssl_cert_file_is_honoured(self):
        for transport in TRANSPORTS:
            with self.subTest(transport=transport):
                res, report = self.run_tls(transport, env={"SSL_CERT_FILE": self.ca})
                self.assertEqual(res.rc, 0, res)
                for r in measured(report):
                    self.assertEqual(r["outcome"], "success", r)

    def test_insecure_works_and_is_loud(self):
        for transport in TRANSPORTS:
            with self.subTest(transport=transport):
                res, report = self.run_tls(transport, "--insecure")
                self.assertEqual(res.rc, 0, res)
                for r in measured(report):
                    self.assertEqual(r["outcome"], "success", r)
                self.assertRegex(res.err, "(?i)insecure")
                self.assertRegex(res.out, "(?i)insecure")
                self.assertTrue(report["meta"]["tls_insecure"], report["meta"])

    def test_garbage_ca_file_is_refused(self):
        bad = os.path.join(self.tmp.name, "garbage.pem")
        with open(bad, "w") as f:
            f.write("this is not a certificate\n")
        for path in (bad, os.path.join(self.tmp.name, "missing.pem")):
            with self.subTest(path=path):
                res = run_cli(["run", "--url", "https://127.0.0.1:%d/ok/v1" % self.port, "--requests", "1",
                               "--ca-file", path])
                self.assertEqual(res.rc, 2, res)
                self.assertIn(path, res.err)


class HostileFiles(unittest.TestCase):
    """Files, flags and environments that would hurt: refused by name, or handled without loss."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="hostile-files-")
        cls.good = os.path.join(cls.tmp.name, "good.json")
        res = run_cli(["run", "--requests", "4", "--concurrency", "2", "--sim-ttft-ms", "5",
                       "--sim-token-interval-ms", "1", "--json", cls.good])
        assert res.rc == 0, res

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def write(self, name, text):
        with open(self.path(name), "w", encoding="utf-8") as f:
            f.write(text)
        return self.path(name)

    def sim_run(self, *extra):
        return ["run", "--requests", "2", "--concurrency", "2", "--sim-ttft-ms", "1",
                "--sim-token-interval-ms", "1"] + list(extra)

    def test_scenario_dev_zero_exits_fast(self):
        res = run_cli(["run", "--scenario", "/dev/zero"], timeout=10)
        self.assertEqual(res.rc, 2, res)
        self.assertLess(res.seconds, 1.0, res)
        self.assertIn("/dev/zero", res.err)

    def test_huge_scenario_is_refused(self):
        big = self.path("big.json")
        with open(big, "w") as f:
            f.write('{"schema": "burgerbench.scenario/1", "name": "')
            f.write("x" * (17 * MiB))
            f.write('"}')
        res = run_cli(["run", "--scenario", big])
        self.assertEqual(res.rc, 2, res)
        self.assertIn("16 MiB", res.err)

    def test_scenario_with_duplicate_key_or_no_schema(self):
        dup = self.write("dup.json", '{"schema": "burgerbench.scenario/1", "load": {"concurrency": 2, '
                                     '"concurrency": 9}}')
        res = run_cli(["run", "--scenario", dup])
        self.assertEqual(res.rc, 2, res)
        self.assertIn("load.concurrency", res.err)
        noschema = self.write("noschema.json", '{"load": {"concurrency": 2}}')
        res = run_cli(["run", "--scenario", noschema])
        self.assertEqual(res.rc, 2, res)
        self.assertIn("schema", res.err)

    def test_bad_flags_are_named(self):
        for args, named in ((["--progress", "xyz"], "--progress"), (["--duration", "597h"], "--duration"),
                            (["--duration", "1e300s"], "--duration"), (["--timeout", "1e300s"], "--timeout"),
                            (["--concurrency", "0"], "--concurrency"), (["--url", "ht!tp://:::"], "ht!tp://:::")):
            with self.subTest(args=args):
                res = run_cli(["run", "--requests", "1"] + args, timeout=20)
                self.assertEqual(res.rc, 2, res)
                self.assertIn(named, res.err)

    def test_report_onto_a_fifo_is_written_through(self):
        fifo = self.path("report.fifo")
        os.mkfifo(fifo)
        got = []
        reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()), daemon=True)
        reader.start()
        res = run_cli(self.sim_run("--json", fifo))
        if reader.is_alive():
            open(fifo, "wb").close()  # the CLI never opened it: let the reader see an empty file
        reader.join(30)
        self.assertEqual(res.rc, 0, res)
        self.assertTrue(stat.S_ISFIFO(os.stat(fifo).st_mode), "the FIFO was replaced")
        self.assertEqual(json.loads(got[0])["schema"], "burgerbench.run/1")

    def test_report_onto_dev_null_keeps_dev_null(self):
        res = run_cli(self.sim_run("--json", "/dev/null", "--csv", "/dev/null"))
        self.assertEqual(res.rc, 0, res)
        self.assertTrue(stat.S_ISCHR(os.stat("/dev/null").st_mode))

    def test_full_disk_is_named(self):
        res = run_cli(self.sim_run("--json", "/dev/full"))
        self.assertNotEqual(res.rc, 0, res)
        self.assertIn("No space left on device", res.err)

    def test_report_to_stdout(self):
        res = run_cli(self.sim_run("--json", "-"))
        self.assertEqual(res.rc, 0, res)
        self.assertEqual(json.loads(res.out)["schema"], "burgerbench.run/1")

    def test_signals_keep_a_partial_report(self):
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            with self.subTest(signal=sig.name):
                path = self.path("partial-%s.json" % sig.name)
                proc = subprocess.Popen([CLI, "run", "--duration", "30s", "--concurrency", "4", "--sim-ttft-ms", "5",
                                         "--json", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                time.sleep(1.5)
                proc.send_signal(sig)
                out, err = proc.communicate(timeout=30)
                self.assertEqual(proc.returncode, 3, err)
                report = load(path)
                self.assertTrue(report["meta"]["cancelled"])
                self.assertGreater(report["summary"]["completed"], 0)

    def test_goodput_is_null_without_an_slo(self):
        path = self.path("noslo.json")
        res = run_cli(self.sim_run("--json", path))
        self.assertEqual(res.rc, 0, res)
        self.assertIsNone(load(path)["summary"]["goodput"])
        res = run_cli(self.sim_run("--fail-if", "goodput<1"))
        self.assertEqual(res.rc, 2, res)
        self.assertIn("goodput", res.err)
        self.assertIn("slo", res.err.lower())

    def test_all_failed_run_prints_no_token_figures(self):
        path = self.path("allfailed.json")
        res = run_cli(["run", "--url", "http://127.0.0.1:%d/v1" % free_port(), "--requests", "3", "--json", path])
        self.assertEqual(res.rc, 0, res)
        summary = load(path)["summary"]
        self.assertEqual(summary["completed"], 0)
        self.assertIsNone(summary["ttft_ms"]["median"])
        self.assertNotRegex(res.out, r"(?i)TTFT\s+[0-9]")
        self.assertNotRegex(res.out, r"(?i)tok/s\s*[:=]?\s*0")
        self.assertIn("no successful request", res.out.lower())

    def corrupt(self, name, mutate):
        report = load(self.good)
        mutate(report["requests"][1])
        path = self.path(name)
        with open(path, "w") as f:
            json.dump(report, f)
        return path

    def test_corrupt_samples_are_refused(self):
        cases = {
            "negative": lambda r: r.__setitem__("dispatch_ns", -5),
            "unsorted": lambda r: r.__setitem__("token_ns", list(reversed(r["token_ns"]))),
            "end-before-dispatch": lambda r: r.__setitem__("end_ns", r["dispatch_ns"] - 1),
            "token-after-end": lambda r: r.__setitem__("token_ns", r["token_ns"] + [r["end_ns"] + 10**9]),
        }
        for name, mutate in cases.items():
            with self.subTest(case=name):
                bad = self.corrupt("corrupt-%s.json" % name, mutate)
                for args in (["report", bad, "--html", self.path("c.html")],
                             ["merge", self.good, bad, "-o", self.path("m.json")],
                             ["compare", self.good, bad]):
                    res = run_cli(args)
                    self.assertEqual(res.rc, 2, (args, res))
                    self.assertIn("requests[1]", res.err, (args, res))

    def test_merge_refuses_doubles_and_overwriting_an_input(self):
        res = run_cli(["merge", self.good, self.good, "-o", self.path("double.json")])
        self.assertEqual(res.rc, 2, res)
        self.assertFalse(os.path.exists(self.path("double.json")))
        before = open(self.good, "rb").read()
        other = self.path("other.json")
        self.assertEqual(run_cli(self.sim_run("--json", other)).rc, 0)
        res = run_cli(["merge", self.good, other, "-o", self.good])
        self.assertEqual(res.rc, 2, res)
        self.assertEqual(open(self.good, "rb").read(), before)

    def test_simulator_on_every_interface_warns_with_the_real_port(self):
        proc = subprocess.Popen([CLI, "simulate", "--host", "0.0.0.0"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        try:
            url = proc.stdout.readline().decode().strip()
            port = url.rsplit(":", 1)[1]
        finally:
            proc.terminate()
        _, err = proc.communicate(timeout=10)
        err = err.decode()
        self.assertIn("warning", err)
        self.assertIn("every interface", err)
        self.assertIn("0.0.0.0 port %s" % port, err)


class HostileClients(unittest.TestCase):
    """The simulator facing clients that misbehave: it survives and still answers a good request."""

    @classmethod
    def setUpClass(cls):
        cls.proc = subprocess.Popen([CLI, "simulate", "--ttft-ms", "1", "--token-interval-ms", "1"],
                                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        url = cls.proc.stdout.readline().decode().strip()
        cls.port = int(url.rsplit(":", 1)[1])

    @classmethod
    def tearDownClass(cls):
        cls.proc.terminate()
        cls.proc.wait(10)

    def raw(self, data, read=True, timeout=5):
        s = socket.create_connection(("127.0.0.1", self.port), timeout=timeout)
        try:
            s.sendall(data)
            if not read:
                return b""
            got = b""
            try:
                while True:
                    piece = s.recv(65536)
                    if not piece:
                        break
                    got += piece
            except socket.timeout:
                pass
            return got
        finally:
            s.close()

    def healthy(self):
        body = json.dumps({"model": "m", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 3,
                           "stream": False}).encode()
        req = urllib.request.Request("http://127.0.0.1:%d/v1/chat/completions" % self.port, data=body,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as r:
            self.assertEqual(r.status, 200)
            self.assertIn("choices", json.loads(r.read()))

    def test_garbage(self):
        got = self.raw(b"\x00\xff\xfe garbage \r\n\r\n")
        self.assertTrue(got.startswith(b"HTTP/1.1 400"), got[:80])
        self.healthy()

    def test_huge_headers(self):
        # The simulator answers 431 (or 400) and closes; it may close while the rest is still being
        # sent, which the sender sees as a reset.
        try:
            got = self.raw(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (2 * MiB)
                           + b"\r\n\r\n")
            self.assertRegex(got[:40], rb"HTTP/1.1 4(00|31)")
        except (ConnectionResetError, BrokenPipeError):
            pass
        self.healthy()

    def test_huge_content_length(self):
        got = self.raw(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999\r\n\r\n{")
        self.assertRegex(got[:40], rb"HTTP/1.1 4(00|13)")
        self.healthy()

    def test_wrongly_typed_body(self):
        for body in (b'{"model": 5, "messages": []}', b'{"model": "m", "messages": [], "max_tokens": -1}'):
            with self.subTest(body=body):
                got = self.raw(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                               b"Connection: close\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
                self.assertTrue(got.startswith(b"HTTP/1.1 400"), got[:200])
        self.healthy()

    def test_pipelining(self):
        body = json.dumps({"model": "m", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 2,
                           "stream": False}).encode()
        one = (b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               b"Content-Length: %d\r\n\r\n" % len(body) + body)
        last = one.replace(b"Host: x\r\n", b"Host: x\r\nConnection: close\r\n")
        got = self.raw(one * 3 + last, timeout=10)
        self.assertEqual(got.count(b"HTTP/1.1 200"), 4, got[:400])
        self.healthy()

    def test_five_hundred_half_open_connections(self):
        socks = []
        try:
            for _ in range(500):
                s = socket.create_connection(("127.0.0.1", self.port), timeout=5)
                s.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{")
                socks.append(s)
            self.healthy()
        finally:
            for s in socks:
                s.close()
        self.healthy()


if __name__ == "__main__":
    if not os.access(CLI, os.X_OK):
        sys.exit("test_hostile.py: %s is not an executable; set BURGERBENCH_BIN to the build's bin/" % CLI)
    unittest.main()
