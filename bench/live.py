#!/usr/bin/env python3
"""Change-to-view latency of `netan serve` (issue: live workshop mode).

Starts the release `netan serve` on a fresh folder at 127.0.0.1, fills it with a 100-actor
network (generated here, seeded), opens 30 live views (WebSockets, as 30 phones and laptops
would), then makes changes one after another (a quarter adding links, the rest changing an
actor's influence tower) and measures, per change and per view:

- change latency: from just before the change is sent until its "change" message arrives
  at that view (what the issue's p95 < 300 ms target is about);
- analysis latency: until an "analysis" message for that version or a later one arrives
  (findings and diagram recomputed, the same library code as the CLI).

Writes the figures between the `<!-- live:begin -->` markers of RESULTS.md and prints them.
Needs the `websockets` package: installed into bench/.venv when missing.
"""
import argparse
import asyncio
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import venv

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
VENV = os.path.join(HERE, ".venv")
PY = os.path.join(VENV, "bin", "python")
NETAN = os.environ.get("NETAN", os.path.join(ROOT, ".build", "release", "netan"))
CODE = "BENCHLIVE1"

try:
    import websockets  # noqa: F401
except ImportError:
    if sys.executable != PY:
        if not os.path.exists(PY):
            venv.create(VENV, with_pip=True)
        subprocess.run([PY, "-m", "pip", "install", "-q", "websockets"], check=True)
        os.execv(PY, [PY] + sys.argv)
    raise
from websockets.asyncio.client import connect  # noqa: E402

sys.path.insert(0, HERE)
from sections import replace_section  # noqa: E402


def call(port, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method)
    request.add_header("Authorization", f"Bearer {CODE}")
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"{}")


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


async def main(args):
    folder = tempfile.mkdtemp(prefix="netan-live-bench-")
    path = os.path.join(folder, "workshop")
    server = subprocess.Popen(
        [NETAN, "serve", path, "--port", "0", "--code", CODE], stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL, text=True)
    port = None
    while port is None:
        line = server.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if match:
            port = int(match.group(1))
    try:
        rng = random.Random(7)
        types = ["gemeente"] * 4 + ["zorgaanbieder"] * 60 + ["wijkteam"] * 8 + ["clientorganisatie"] * 12 \
            + ["burgerinitiatief"] * 10 + ["regio", "vng", "rijk", "zorgverzekeraar"] + ["onderwijs"] * 2
        ids = []
        for k, kind in enumerate(types[: args.actors]):
            ids.append(call(port, "POST", "/api/actors",
                            {"id": f"p{k}", "name": f"Partij {k}", "type": kind, "influence": rng.randint(1, 9)})["id"])
        for k in range(2 * args.actors):
            a, b = rng.sample(ids, 2)
            call(port, "POST", "/api/relations", {"source": a, "target": b, "type": "overleg"})

        sent = {}
        change_arrivals = []
        analysis_arrivals = []
        done = asyncio.Event()

        async def view(index, ready):
            async with connect(f"ws://127.0.0.1:{port}/api/live?code={CODE}", max_size=2**20) as ws:
                ready.set()
                pending = set()
                async for message in ws:
                    now = time.perf_counter()
                    event = json.loads(message)
                    if event["kind"] == "change":
                        change_arrivals.append((event["version"], now))
                        pending.add(event["version"])
                    elif event["kind"] == "analysis":
                        for v in [v for v in pending if v <= event["version"]]:
                            analysis_arrivals.append((v, now))
                            pending.discard(v)
                    if done.is_set() and not pending:
                        return

        readies = [asyncio.Event() for _ in range(args.clients)]
        tasks = [asyncio.create_task(view(i, readies[i])) for i in range(args.clients)]
        for r in readies:
            await r.wait()
        for k in range(args.changes):
            t0 = time.perf_counter()
            if k % 4 == 0:
                a, b = rng.sample(ids, 2)
                body = await asyncio.to_thread(call, port, "POST", "/api/relations",
                                               {"source": a, "target": b, "type": "overleg"})
            else:
                body = await asyncio.to_thread(call, port, "PATCH", f"/api/actors/{rng.choice(ids)}",
                                               {"influence": rng.randint(0, 10)})
            sent[body["version"]] = t0
            await asyncio.sleep(1 / args.rate)
        done.set()
        await asyncio.wait(tasks, timeout=30)
        for t in tasks:
            t.cancel()
        change = [1000 * (t - sent[v]) for v, t in change_arrivals if v in sent]
        analysis = [1000 * (t - sent[v]) for v, t in analysis_arrivals if v in sent]
        expected = args.changes * args.clients
        return {
            "actors": args.actors, "relations": 2 * args.actors + (args.changes + 3) // 4, "clients": args.clients,
            "changes": args.changes, "rate": args.rate, "delivered": len(change), "expected": expected,
            "change_p50": percentile(change, 0.5), "change_p95": percentile(change, 0.95),
            "change_max": max(change), "analysis_p50": percentile(analysis, 0.5),
            "analysis_p95": percentile(analysis, 0.95), "analysis_samples": len(analysis),
        }
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(folder, ignore_errors=True)


def write_results(r):
    text = (
        f"{r['actors']} actors, about {r['relations']} relations, {r['clients']} open views (WebSockets), "
        f"{r['changes']} changes at {r['rate']:g} per second (a quarter new links, the rest influence "
        f"edits), release build, 127.0.0.1.\n\n"
        "| measure | p50 | p95 | max | samples |\n|---|---|---|---|---|\n"
        f"| change → every view (`change` message) | {r['change_p50']:.1f} ms | {r['change_p95']:.1f} ms | "
        f"{r['change_max']:.1f} ms | {r['delivered']} of {r['expected']} |\n"
        f"| change → findings and diagram recomputed (`analysis` message) | {r['analysis_p50']:.1f} ms | "
        f"{r['analysis_p95']:.1f} ms | | {r['analysis_samples']} |\n\n"
        "Target (issue 18): p95 change-to-view latency under 300 ms.\n"
    )
    replace_section("live", "Live workshop (`netan serve`)", "bench/live.py", text)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=100)
    parser.add_argument("--clients", type=int, default=30)
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--rate", type=float, default=10.0, help="changes per second")
    arguments = parser.parse_args()
    write_results(asyncio.run(main(arguments)))
