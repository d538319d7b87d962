#!/usr/bin/env python3
"""A plain asyncio + aiohttp streaming client, the peer bench.py section 8 measures against.

Written the way such clients usually are (vLLM's benchmarks/backend_request_func.py): one
aiohttp.ClientSession whose TCPConnector allows as many connections as the concurrency, one task
per request gated by a semaphore, POST /v1/chat/completions with stream=true, the response
content iterated by lines, every `data:` line parsed as JSON, TTFT and inter-token gaps taken with
time.perf_counter. A token event is a chunk whose choices[0].delta.content is not empty.

Prints one JSON object on stdout: requests, completed, failed, token_events, cpu_s (this
process's user + system time from resource.getrusage, interpreter start included), wall_s, and
TTFT / inter-token median and p99 in ms. Exit 2 on bad arguments, 1 when a request failed.
"""

import argparse
import asyncio
import json
import resource
import sys
import time

import aiohttp


def percentile(values, p):
    if not values:
        return None
    v = sorted(values)
    k = (len(v) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


async def request(session, url, payload, result):
    """One streamed chat completion; appends its TTFT and gaps (seconds) to result."""
    st = time.perf_counter()
    most_recent = st
    ttft = 0.0
    events = 0
    try:
        async with session.post(url, json=payload) as response:
            if response.status != 200:
                result["errors"].append(f"HTTP {response.status}")
                return
            async for chunk_bytes in response.content:
                chunk_bytes = chunk_bytes.strip()
                if not chunk_bytes:
                    continue
                chunk = chunk_bytes.decode("utf-8")
                if not chunk.startswith("data:"):
                    continue
                chunk = chunk[5:].lstrip()
                if chunk == "[DONE]":
                    continue
                data = json.loads(chunk)
                choices = data.get("choices")
                if not choices:
                    continue
                content = choices[0].get("delta", {}).get("content")
                if not content:
                    continue
                now = time.perf_counter()
                if events == 0:
                    ttft = now - st
                    result["ttft"].append(ttft)
                else:
                    result["itl"].append(now - most_recent)
                most_recent = now
                events += 1
        result["events"] += events
        if events:
            result["completed"] += 1
        else:
            result["errors"].append("no token events")
    except Exception as e:  # a failed request is counted, never fatal to the run
        result["events"] += events
        result["errors"].append(f"{type(e).__name__}: {e}")


async def main_async(a):
    url = a.url.rstrip("/") + "/v1/chat/completions"
    payload = {"model": a.model, "messages": [{"role": "user", "content": "Say something."}],
               "max_completion_tokens": a.max_tokens, "stream": True,
               "stream_options": {"include_usage": True}}
    result = {"ttft": [], "itl": [], "events": 0, "completed": 0, "errors": []}
    semaphore = asyncio.Semaphore(a.concurrency)
    timeout = aiohttp.ClientTimeout(total=a.timeout)
    connector = aiohttp.TCPConnector(limit=a.concurrency)

    async def limited():
        async with semaphore:
            await request(session, url, payload, result)

    start = time.perf_counter()
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        await asyncio.gather(*(limited() for _ in range(a.requests)))
    wall = time.perf_counter() - start
    return result, wall


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", required=True, help="base URL, e.g. http://127.0.0.1:8000")
    ap.add_argument("--concurrency", type=int, required=True)
    ap.add_argument("--requests", type=int, required=True)
    ap.add_argument("--max-tokens", type=int, default=64)
    ap.add_argument("--model", default="bench")
    ap.add_argument("--timeout", type=float, default=600, help="seconds for each request (default 600)")
    a = ap.parse_args()
    for name in ("concurrency", "requests", "max_tokens"):
        if getattr(a, name) < 1:
            ap.error(f"--{name.replace('_', '-')} must be at least 1, got {getattr(a, name)}")
    if not a.url.startswith(("http://", "https://")):
        ap.error(f"--url must start with http:// or https://, got {a.url!r}")
    result, wall = asyncio.run(main_async(a))
    ru = resource.getrusage(resource.RUSAGE_SELF)
    ms = lambda values, p: None if not values else round(percentile(values, p) * 1e3, 3)
    errors = {}
    for e in result["errors"]:
        errors[e] = errors.get(e, 0) + 1
    out = {"requests": a.requests, "completed": result["completed"], "failed": len(result["errors"]),
           "errors": dict(sorted(errors.items(), key=lambda kv: -kv[1])[:10]),
           "token_events": result["events"], "cpu_s": ru.ru_utime + ru.ru_stime, "wall_s": wall,
           "peak_rss_kib": ru.ru_maxrss,
           "ttft_ms": {"median": ms(result["ttft"], 50), "p99": ms(result["ttft"], 99)},
           "itl_ms": {"median": ms(result["itl"], 50), "p99": ms(result["itl"], 99)}}
    json.dump(out, sys.stdout)
    print()
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
