"""netan against python-igraph and networkit on the same generated graphs, in one run.

Usage:  python3 bench/run.py [--quick] [--runs N] [--runs-big N]
        (make bench / make bench-quick)

Creates bench/.venv with python-igraph and networkit from PyPI if missing, builds netan in
release mode, generates the graphs (bench/graphs.py), runs every tool on the same files, and
prints per graph and measure the median wall time of the whole process (load + compute +
write), the peak memory (max RSS), the ratio netan / best peer, and whether netan's values
agree with each peer's. Results go to bench/RESULTS.md (only this mode's section is
replaced). Not part of `make test`.
"""
import argparse
import csv
import datetime
import os
import platform
import statistics
import subprocess
import sys
import venv

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
VENV = os.path.join(HERE, ".venv")
PY = os.path.join(VENV, "bin", "python")
NETAN = os.path.join(ROOT, ".build", "release", "netan")
sys.path.insert(0, HERE)
import graphs  # noqa: E402

# measure: (netan arguments, peers, check): check is a relative tolerance for per-node values,
# "partition" (same grouping, labels free), "modularity" (report Q of each tool's grouping)
# or None.
MEASURES = {
    "load": (["--measure", "degree", "--weights", "ignore"], ["igraph", "networkit"], 0),
    "components": (["--measure", "component", "--weights", "ignore"], ["igraph", "networkit"], "partition"),
    "kcore": (["--measure", "core_number", "--weights", "ignore"], ["igraph", "networkit"], 0),
    "pagerank": (["--measure", "pagerank"], ["igraph", "networkit"], 1e-6),
    "louvain": (["--measure", "community"], ["igraph", "networkit"], "modularity"),
    "betweenness": (["--measure", "betweenness", "--weights", "ignore"], ["igraph", "networkit"], 1e-9),
    "betweenness_weighted": (["--measure", "betweenness"], ["igraph", "networkit"], 1e-9),
    "closeness": (["--measure", "closeness", "--weights", "ignore"], ["igraph", "networkit"], 1e-9),
    "harmonic": (["--measure", "harmonic", "--weights", "ignore"], ["igraph", "networkit"], 1e-9),
    "sampled_betweenness": (["--measure", "betweenness", "--weights", "ignore", "--epsilon", "0.01"], [], None),
}
PLAN_QUICK = {"regional": list(MEASURES), "medium": [m for m in MEASURES if m != "sampled_betweenness"]}
BIG = {"national", "large"}
PLAN_FULL = {"regional": list(MEASURES), "national": [m for m in MEASURES if m != "sampled_betweenness"],
             "large": ["load", "components", "kcore", "pagerank", "louvain", "sampled_betweenness"]}


def ensure_tools():
    if not os.path.exists(PY):
        print("bench: creating bench/.venv with python-igraph and networkit", file=sys.stderr)
        venv.create(VENV, with_pip=True)
        subprocess.run([PY, "-m", "pip", "install", "-q", "python-igraph", "networkit", "numpy"], check=True)
    if not os.path.exists(NETAN):
        subprocess.run(["swift", "build", "-c", "release", "--product", "netan"], cwd=ROOT, check=True)


def timed(command, out_path, timeout):
    """Runs a command under GNU time; returns (seconds, max RSS in MiB, stdout) or None on timeout/failure."""
    wrapped = ["/usr/bin/time", "-f", "%e %M", *command]
    try:
        with open(out_path, "w") as out:
            p = subprocess.run(wrapped, stdout=out, stderr=subprocess.PIPE, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if p.returncode != 0:
        print(f"bench: failed: {' '.join(command)}\n{p.stderr[-800:]}", file=sys.stderr)
        return None
    seconds, rss = p.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(rss) / 1024


def read_values(path, netan):
    values = {}
    with open(path) as f:
        rows = csv.reader(f)
        if netan:
            next(rows)
        for row in rows:
            if len(row) >= 2 and row[1] != "":
                values[int(row[0])] = float(row[1])
    return values


def agree(netan_values, peer_values, check):
    """Whether netan's per-node values match a peer's (relative tolerance or same partition)."""
    if check is None or not peer_values:
        return "n/a"
    if check == "partition":
        pairs = {}
        for k, v in peer_values.items():
            a = netan_values.get(k)
            if a is None:
                return "missing ids"
            pairs.setdefault(a, set()).add(v)
        same = all(len(v) == 1 for v in pairs.values()) and len({next(iter(v)) for v in pairs.values()}) == len(pairs)
        return "yes (same partition)" if same else "NO (partitions differ)"
    worst = 0.0
    for k, v in peer_values.items():
        a = netan_values.get(k)
        if a is None:
            return "missing ids"
        worst = max(worst, abs(a - v) / max(abs(v), abs(a), 1e-12))
    return "yes" if worst <= check else f"NO (max rel {worst:.1e})"


_EDGES = {}


def modularity(path, membership):
    """Q of a grouping on the weighted edge list (numpy; the same formula for every tool)."""
    import numpy as np
    if path not in _EDGES:
        with open(path) as f:
            data = np.array(f.read().split(), dtype=np.float64).reshape(-1, 3)
        _EDGES[path] = (data[:, 0].astype(np.int64), data[:, 1].astype(np.int64), data[:, 2])
    u, v, w = _EDGES[path]
    n = int(max(u.max(), v.max())) + 1
    m = np.zeros(n, dtype=np.int64)
    for node, label in membership.items():
        m[node] = int(label)
    two_m = 2 * w.sum()
    strength = np.bincount(u, weights=w, minlength=n) + np.bincount(v, weights=w, minlength=n)
    inside = 2 * w[m[u] == m[v]].sum()
    totals = np.bincount(m, weights=strength)
    return inside / two_m - float(((totals / two_m) ** 2).sum())


def check_column(path, check, values, peer):
    if check == "modularity":
        return f"Q {modularity(path, values[peer]):.4f} (netan {modularity(path, values['netan']):.4f})" if values.get(peer) else "n/a"
    return agree(values.get("netan", {}), values.get(peer), check)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure on regional/medium (median)")
    parser.add_argument("--runs-big", type=int, default=1, help="runs per figure on national/large")
    parser.add_argument("--only", default="", help="re-run only these rows, e.g. national:pagerank,large:louvain; "
                        "they replace the same rows of the mode's section, which keeps the others")
    parser.add_argument("--timeout", type=float, default=900)
    args = parser.parse_args()
    ensure_tools()
    plan = PLAN_QUICK if args.quick else PLAN_FULL
    if args.only:
        wanted = [tuple(item.split(":", 1)) for item in args.only.split(",")]
        plan = {g: [m for m in ms if (g, m) in wanted] for g, ms in plan.items()}
        plan = {g: ms for g, ms in plan.items() if ms}
    files = graphs.ensure(os.path.join(HERE, "data"), plan)
    work = os.path.join(HERE, "data", "out")
    os.makedirs(work, exist_ok=True)
    rows = []
    for name, measures in plan.items():
        path = files[name]
        runs = args.runs_big if name in BIG else args.runs
        for measure in measures:
            netan_args, peers, check = MEASURES[measure]
            result = {"graph": name, "measure": measure, "runs": runs}
            outputs = {}
            for tool in ["netan"] + peers:
                out = os.path.join(work, f"{name}-{measure}-{tool}.csv")
                if tool == "netan":
                    command = [NETAN, "centrality", path, *netan_args, "--format", "csv", "--threads", str(os.cpu_count() or 2)]
                else:
                    command = [PY, os.path.join(HERE, "peers.py"), tool, measure, path, out]
                times, memory = [], 0.0
                for _ in range(runs):
                    r = timed(command, out if tool == "netan" else os.devnull, args.timeout)
                    if r is None:
                        times = []
                        break
                    times.append(r[0]); memory = max(memory, r[1])
                result[tool] = (statistics.median(times), memory) if times else None
                if times:
                    outputs[tool] = out
                print(f"{name:9} {measure:22} {tool:9} " + (f"{result[tool][0]:8.2f} s {result[tool][1]:8.0f} MiB" if result[tool] else "   timeout/failed"), file=sys.stderr)
            best = min((result[p][0] for p in peers if result.get(p)), default=None)
            result["ratio"] = result["netan"][0] / best if result.get("netan") and best else None
            values = {tool: read_values(out, tool == "netan") for tool, out in outputs.items()} if check is not None else {}
            for peer in ("igraph", "networkit"):
                result[f"agree_{peer}"] = check_column(path, check, values, peer) if "netan" in values and peer in peers else "n/a"
            rows.append(result)
    write_results(rows, args)


def fmt(entry):
    return f"{entry[0]:.2f} s / {entry[1]:.0f} MiB" if entry else "—"


def write_results(rows, args):
    """Replaces this mode's section of RESULTS.md and keeps everything else in the file."""
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mode = "quick" if args.quick else "full"
    runs = f"{args.runs} on regional/medium" + ("" if args.quick else f", {args.runs_big} on national/large")
    lines = [
        f"<!-- {mode}:begin (written by bench/run.py) -->",
        f"## {'Quick' if args.quick else 'Full'} mode",
        "",
        f"Date: {datetime.date.today()} · runs per figure (median): {runs} · "
        f"machine: {os.cpu_count()} cores, {cpu}, {platform.platform()}",
        "",
        "| graph | measure | netan | igraph | networkit | ratio | agrees with igraph | agrees with networkit |",
        "|---|---|---|---|---|---|---|---|",
    ]
    def row(r):
        ratio = f"{r['ratio']:.2f}" if r.get("ratio") else "—"
        rerun = f" (re-run {datetime.date.today()})" if args.only else ""
        return f"| {r['graph']} | {r['measure']}{rerun} | {fmt(r.get('netan'))} | {fmt(r.get('igraph'))} | {fmt(r.get('networkit'))} | {ratio} | {r['agree_igraph']} | {r['agree_networkit']} |"
    path = os.path.join(HERE, "RESULTS.md")
    text = open(path).read() if os.path.exists(path) else "# Benchmark results\n\n"
    begin, end = f"<!-- {mode}:begin", f"<!-- {mode}:end -->"
    if args.only and begin in text:
        # Keep the section and swap in the re-run rows (same graph and measure).
        old = text[text.index(begin):text.index(end)].split("\n")
        fresh = {(r["graph"], r["measure"]): row(r) for r in rows}
        for k, line in enumerate(old):
            cells = [c.strip() for c in line.split("|")]
            if len(cells) > 3 and (cells[1], cells[2].split(" (re-run")[0]) in fresh:
                old[k] = fresh[(cells[1], cells[2].split(" (re-run")[0])]
        lines = old[:-1] if old[-1] == "" else old
    else:
        lines += [row(r) for r in rows]
    lines.append(f"<!-- {mode}:end -->")
    section = "\n".join(lines) + "\n"
    if begin in text and end in text:
        a = text.index(begin)
        b = text.index(end) + len(end) + 1
        text = text[:a] + section + text[b:]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)
    print(section)


if __name__ == "__main__":
    main()
