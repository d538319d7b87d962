#!/usr/bin/env python3
"""A scriptable misbehaving HTTP server for BurgerBench's hostile-server suite (issue 15).

Standard library only. One server answers every behaviour; the first path segment picks it:
POST http://127.0.0.1:PORT/<behaviour>/v1/chat/completions. It records every request head it
reads, per behaviour, and serves them back on GET /_log/<behaviour> (JSON: a list of
{"method", "target", "headers": [[name, value], ...]}), so a test can see what the client sent
(its User-Agent, whether it followed a redirect).

Run on its own: `hostile_server.py [--tls CERT KEY]` prints the port on its first stdout line and serves until
killed. The behaviours are the BEHAVIOURS table below; each is a function of (conn, head) that
writes whatever it likes and returns when the connection should be closed.
"""

import json
import socket
import ssl
import struct
import sys
import threading
import time

LOG = {}
LOG_LOCK = threading.Lock()


def chunk_json(content, extra=None):
    obj = {
        "id": "x",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "hostile",
        "choices": [{"index": 0, "delta": {"content": content}, "finish_reason": None}],
    }
    if extra:
        obj.update(extra)
    return json.dumps(obj, separators=(",", ":"))


def sse(payload):
    return b"data: " + payload.encode() + b"\n\n"


def usage_chunk(prompt, completion):
    return sse(json.dumps({"id": "x", "object": "chat.completion.chunk", "created": 1, "model": "hostile",
                           "choices": [],
                           "usage": {"prompt_tokens": prompt, "completion_tokens": completion,
                                     "total_tokens": prompt + completion}}))


SSE_HEAD_CLOSE = (b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                  b"Connection: close\r\n\r\n")
SSE_HEAD_CHUNKED = (b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                    b"Transfer-Encoding: chunked\r\n\r\n")


def chunked(data):
    return b"%x\r\n" % len(data) + data + b"\r\n"


def good_stream(tokens=5, usage=None):
    body = b"".join(sse(chunk_json("t%d " % i)) for i in range(tokens))
    if usage is not None:
        body += usage_chunk(3, usage)
    return body + b"data: [DONE]\n\n"


def reset(conn):
    # An RST instead of a FIN: linger on, timeout 0.
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


def send_all(conn, data):
    try:
        conn.sendall(data)
        return True
    except OSError:
        return False


# --- behaviours ---------------------------------------------------------------------------

def b_ok(conn, head):
    body = good_stream(5, usage=5)
    send_all(conn, b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: %d\r\n"
             b"Connection: close\r\n\r\n" % len(body) + body)


def b_closed_after_headers(conn, head):
    send_all(conn, SSE_HEAD_CHUNKED)


def b_big_event(conn, head):
    # One 10 MB data line, then a proper end.
    content = "x" * (10 * 1024 * 1024)
    send_all(conn, SSE_HEAD_CLOSE + sse(chunk_json(content)) + b"data: [DONE]\n\n")


def b_endless_line(conn, head):
    # Headers, then one line that never ends, for as long as the client reads.
    send_all(conn, SSE_HEAD_CLOSE + b"data: ")
    piece = b"x" * 65536
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if not send_all(conn, piece):
            return


def b_tiny_events(conn, head):
    # 100,000 one-token events in a close-delimited body.
    one = sse(chunk_json("a"))
    send_all(conn, SSE_HEAD_CLOSE + one * 100000 + b"data: [DONE]\n\n")


def b_slowloris(conn, head):
    # The status line one byte every 200 ms, for ever (the client's timeouts must end it).
    for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n":
        if not send_all(conn, bytes([byte])):
            return
        time.sleep(0.2)


def b_bad_utf8(conn, head):
    # Token events whose content carries invalid UTF-8 and a NUL, then a proper end.
    raw = b'{"id":"x","object":"chat.completion.chunk","created":1,"model":"hostile","choices":[{"index":0,"delta":{"content":"\xff\xfe\x00bad"},"finish_reason":null}]}'
    body = b"".join(b"data: " + raw + b"\n\n" for _ in range(3))
    body += b"data: " + chunk_json("ok").encode() + b"\n\ndata: [DONE]\n\n"
    send_all(conn, SSE_HEAD_CLOSE + body)


def b_http10(conn, head):
    # HTTP/1.0, no length: the body ends when the connection closes.
    send_all(conn, b"HTTP/1.0 200 OK\r\nContent-Type: text/event-stream\r\n\r\n" + good_stream(4))


def b_html(conn, head):
    body = b"<html><body><h1>502 Bad Gateway</h1>" + b"<p>nginx</p>" * 20 + b"</body></html>"
    send_all(conn, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n"
             b"Connection: close\r\n\r\n" % len(body) + body)


def b_big_header(conn, head):
    send_all(conn, b"HTTP/1.1 200 OK\r\nX-Big: " + b"b" * (100 * 1024) + b"\r\n"
             b"Content-Type: text/event-stream\r\nConnection: close\r\n\r\n" + good_stream(3))


def b_many_headers(conn, head):
    headers = b"".join(b"X-H%d: v\r\n" % i for i in range(20000))
    send_all(conn, b"HTTP/1.1 200 OK\r\n" + headers + b"Content-Type: text/event-stream\r\n"
             b"Connection: close\r\n\r\n" + good_stream(3))


def b_rst(conn, head):
    reset(conn)


def b_reset_mid_stream(conn, head):
    send_all(conn, SSE_HEAD_CHUNKED + chunked(sse(chunk_json("a")) + sse(chunk_json("b"))))
    time.sleep(0.05)
    reset(conn)


def b_bad_chunk(conn, head):
    send_all(conn, SSE_HEAD_CHUNKED + chunked(sse(chunk_json("a"))) + b"zz\r\nnot a chunk\r\n")
    time.sleep(0.2)


def b_garbage_status(conn, head):
    send_all(conn, b"HELLO THERE, NOT HTTP\r\n\r\n")
    time.sleep(0.2)


def b_redirect(conn, head):
    send_all(conn, b"HTTP/1.1 301 Moved Permanently\r\nLocation: /redirected-here/v1/chat/completions\r\n"
             b"Content-Length: 0\r\nConnection: close\r\n\r\n")


def b_redirected_here(conn, head):
    # Where the redirect points: any request arriving here is a redirect followed.
    b_ok(conn, head)


def b_too_many(conn, head):
    body = b'{"error":{"message":"slow down","type":"rate_limit"}}'
    send_all(conn, b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 0\r\nContent-Type: application/json\r\n"
             b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(body) + body)


def b_never_answer(conn, head):
    # Reads the request, then says nothing until the client gives up.
    conn.settimeout(30)
    try:
        while conn.recv(65536):
            pass
    except OSError:
        pass


def b_trickle(conn, head):
    # A healthy chunked stream that never ends: a token event every 100 ms (an idle timeout never
    # fires, a total one must; a server killed in the middle leaves the body unterminated).
    if not send_all(conn, SSE_HEAD_CHUNKED):
        return
    for i in range(600):
        if not send_all(conn, chunked(sse(chunk_json("t%d " % i)))):
            return
        time.sleep(0.1)


def b_lying_usage(conn, head):
    # Five token events, but usage.completion_tokens says nine.
    body = good_stream(5, usage=9)
    send_all(conn, SSE_HEAD_CLOSE + body)


def b_head_only(conn, head):
    b_ok(conn, head)


BEHAVIOURS = {
    "ok": b_ok,
    "closed-after-headers": b_closed_after_headers,
    "big-event": b_big_event,
    "endless-line": b_endless_line,
    "tiny-events": b_tiny_events,
    "slowloris": b_slowloris,
    "bad-utf8": b_bad_utf8,
    "http10": b_http10,
    "html": b_html,
    "big-header": b_big_header,
    "many-headers": b_many_headers,
    "rst": b_rst,
    "reset-mid-stream": b_reset_mid_stream,
    "bad-chunk": b_bad_chunk,
    "garbage-status": b_garbage_status,
    "redirect": b_redirect,
    "redirected-here": b_redirected_here,
    "too-many": b_too_many,
    "never-answer": b_never_answer,
    "trickle": b_trickle,
    "lying-usage": b_lying_usage,
    "head": b_head_only,
}


# --- the server ---------------------------------------------------------------------------

def read_head(conn):
    """The request head and as much of the body as Content-Length says; None on a bad request."""
    data = b""
    while b"\r\n\r\n" not in data:
        piece = conn.recv(65536)
        if not piece:
            return None
        data += piece
        if len(data) > 1 << 20:
            return None
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3:
        return None
    headers = []
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers.append([name.strip(), value.strip()])
        if name.strip().lower() == "content-length":
            length = int(value.strip() or 0)
    while len(rest) < length:
        piece = conn.recv(65536)
        if not piece:
            break
        rest += piece
    return {"method": parts[0], "target": parts[1], "headers": headers}


def serve_log(conn, behaviour):
    with LOG_LOCK:
        body = json.dumps(LOG.get(behaviour, [])).encode()
    send_all(conn, b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n"
             b"Connection: close\r\n\r\n" % len(body) + body)


def handle(conn):
    try:
        conn.settimeout(65)
        head = read_head(conn)
        if head is None:
            return
        segments = head["target"].lstrip("/").split("/")
        if head["method"] == "GET" and segments[0] == "_log" and len(segments) > 1:
            serve_log(conn, segments[1])
            return
        behaviour = segments[0]
        with LOG_LOCK:
            LOG.setdefault(behaviour, []).append(head)
        fn = BEHAVIOURS.get(behaviour)
        if fn is None:
            send_all(conn, b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return
        fn(conn, head)
    except OSError:
        pass
    finally:
        try:
            conn.close()
        except OSError:
            pass


def handle_tls(context, conn):
    try:
        conn.settimeout(10)
        conn = context.wrap_socket(conn, server_side=True)
    except (OSError, ssl.SSLError):
        # The client refused our certificate (or spoke no TLS): nothing more to say.
        try:
            conn.close()
        except OSError:
            pass
        return
    handle(conn)


def main():
    # hostile_server.py [--tls CERT KEY]: with --tls every connection is TLS with that certificate.
    args = sys.argv[1:]
    context = None
    if args[:1] == ["--tls"]:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args[1], args[2])
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(512)
    print(listener.getsockname()[1], flush=True)
    while True:
        conn, _ = listener.accept()
        if context is None:
            threading.Thread(target=handle, args=(conn,), daemon=True).start()
        else:
            threading.Thread(target=handle_tls, args=(context, conn), daemon=True).start()


if __name__ == "__main__":
    main()
