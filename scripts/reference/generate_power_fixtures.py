#!/usr/bin/env python3
"""Generate reference fixtures for netan's power-imbalance measures.

Run from the repository root:

    python3 scripts/reference/generate_power_fixtures.py

It (re)writes Tests/NetGraphTests/Fixtures/power/power_*.json (one graph per file; the older
florentine_core_periphery.json there is not touched) and prints a cross-check summary. Output is
byte-for-byte reproducible on the same library versions (the script re-executes itself with
PYTHONHASHSEED=0 because networkx sums over sets of string ids): every random graph comes from
numpy default_rng(seed) with the seed named in its "source", and every value except sna's
brokerage and the shared core-periphery block is computed in exact rational arithmetic
(fractions.Fraction) and rounded once to the nearest double.

Needs: networkx 3.6.1, python-igraph 1.0.0, numpy (cross-checks); R with sna
(Debian: apt-get install -y r-base-core r-cran-sna; bookworm has sna 2.7-1) for brokerage,
run through scripts/reference/generate_brokerage.R. Without Rscript the brokerage blocks of the
existing fixtures are kept (after checking that this script's Python port of sna still
reproduces them), so the other measures can be regenerated without R.
The shared reference files are read from ../shared/reference (override with
NETAN_SHARED_REFERENCE): brokerage_demo, governance_demo, florentine, karate are COPIED from
there (graphs and the values named in each fixture's notes) and re-verified here.

What is computed, and by what
-----------------------------
brokerage       R sna brokerage() itself (raw, exp, sd, z per node and role; exp/sd per group;
                graph level). Cross-checked with a line-by-line Python port of sna's R and C
                code (sna_brokerage below). z = null where sd = 0 (sna: NaN).
constraint,     exact Fraction implementation of Burt's formulas (values written), cross-checked
effective_size  with networkx per-node calls nx.constraint(G, nodes=[v]) /
                nx.effective_size(G, nodes=[v]), igraph Graph.constraint(weights) and a plain
                numpy implementation; networkx's all-node effective_size(G) is run for
                information only (wrong on weighted / reciprocated directed graphs).
dependence,     exact Fractions: D(j on i) = w_ij / in_strength(j) (0 when j has no inflow),
PI, MD, HHI     PI(i over j) = D(j on i) - D(i on j), MD = D(j on i) + D(i on j);
                HHI of inflow / outflow shares; normalised (H - 1/k)/(1 - 1/k).
fragmentation   exact Fractions over BFS distances of the undirected view; cross-checked with
                networkx shortest-path lengths in floating point.
core-periphery  copied from shared florentine.json; discrete optimum re-derived exhaustively
                with numpy, continuous fit re-derived by a converged fixed point.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
from collections import deque
from fractions import Fraction
from pathlib import Path

import igraph as ig
import networkx as nx
import numpy as np

EXPECTED = {"networkx": "3.6.1", "igraph": "1.0.0"}
ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "Tests" / "NetGraphTests" / "Fixtures" / "power"
R_SCRIPT = Path(__file__).resolve().parent / "generate_brokerage.R"
SHARED = Path(os.environ.get("NETAN_SHARED_REFERENCE", str(ROOT.parent / "shared" / "reference")))
VERSIONS = f"networkx {nx.__version__}, python-igraph {ig.__version__}, numpy {np.__version__}, Python {sys.version.split()[0]}"

# (our role name, sna column name)
ROLES = [("coordinator", "w_I"), ("itinerant", "w_O"), ("representative", "b_IO"),
         ("gatekeeper", "b_OI"), ("liaison", "b_O"), ("total", "t")]
SNA_TO_ROLE = {s: r for r, s in ROLES}

SUMMARY: list[str] = []


def note(line: str) -> None:
    SUMMARY.append(line)
    print(line)


def fl(x) -> float | None:
    """Fraction -> nearest double (None stays None)."""
    return None if x is None else float(x)


def maxdiff(a: dict, b: dict) -> float:
    """Max absolute difference over keys; None must match None; NaN counts as None."""
    worst = 0.0
    for k in a:
        x, y = a[k], b[k]
        xn = x is None or (isinstance(x, float) and math.isnan(x))
        yn = y is None or (isinstance(y, float) and math.isnan(y))
        if xn or yn:
            if xn != yn:
                return math.inf
            continue
        worst = max(worst, abs(float(x) - float(y)))
    return worst


def load_shared(name: str) -> dict:
    path = SHARED / f"{name}.json"
    if not path.exists():
        sys.exit(f"shared reference file {path} not found (set NETAN_SHARED_REFERENCE)")
    with open(path) as f:
        return json.load(f)


# --------------------------------------------------------------------------------------------
# Graphs


class G:
    """A fixture graph: string ids in order, edges [(u, v, w)] with w a Fraction-able number."""

    def __init__(self, name, source, directed, weighted, nodes, edges, groups=None):
        self.name, self.source, self.directed, self.weighted = name, source, directed, weighted
        self.nodes = [str(v) for v in nodes]
        self.edges = [(str(u), str(v), w) for u, v, w in edges]
        self.groups = groups
        seen = set()
        for u, v, _ in self.edges:
            assert u != v, f"self-loop in {name}"
            key = (u, v) if directed else frozenset((u, v))
            assert key not in seen, f"duplicate edge {u}-{v} in {name}"
            seen.add(key)
        self.index = {v: i for i, v in enumerate(self.nodes)}

    def weight_matrix(self, weighted=None) -> list[list[Fraction]]:
        """a[i][j] = strength of arc i -> j (undirected edges both ways), exact."""
        weighted = self.weighted if weighted is None else weighted
        n = len(self.nodes)
        a = [[Fraction(0)] * n for _ in range(n)]
        for u, v, w in self.edges:
            x = Fraction(str(w)) if weighted else Fraction(1)
            a[self.index[u]][self.index[v]] += x
            if not self.directed:
                a[self.index[v]][self.index[u]] += x
        return a

    def nx_graph(self):
        g = nx.DiGraph() if self.directed else nx.Graph()
        g.add_nodes_from(self.nodes)
        for u, v, w in self.edges:
            g.add_edge(u, v, weight=float(w))
        return g

    def ig_graph(self):
        g = ig.Graph(n=len(self.nodes), directed=self.directed)
        g.add_edges([(self.index[u], self.index[v]) for u, v, _ in self.edges])
        g.es["weight"] = [float(w) for _, _, w in self.edges]
        return g

    def base(self) -> dict:
        d = {"name": self.name, "source": self.source, "directed": self.directed,
             "weighted": self.weighted, "nodes": self.nodes,
             "edges": [[u, v, float(w)] for u, v, w in self.edges]}
        if self.groups is not None:
            d["groups"] = {v: self.groups[v] for v in self.nodes}
        return d


def shared_graph(data: dict, name: str, weighted: bool, groups=None) -> G:
    edges = [(e[0], e[1], e[2] if weighted else 1) for e in data["edges"]]
    return G(name, "", data["directed"], weighted, data["nodes"], edges, groups)


def random_brokerage_graph(n, sizes, seed, p, labels):
    """Directed G(n, p) without self-loops (each ordered pair independently), groups of the
    given sizes assigned by a random permutation. Retries seed+1, ... until the density is in
    [0.15, 0.25] and every brokerage role occurs; returns (graph, seed used)."""
    while True:
        rng = np.random.default_rng(seed)
        perm = rng.permutation(n)
        group_of = {}
        pos = 0
        for label, s in zip(labels, sizes):
            for i in perm[pos:pos + s]:
                group_of[int(i)] = label
            pos += s
        arcs = [(i, j) for i in range(n) for j in range(n) if i != j and rng.random() < p]
        d = len(arcs) / (n * (n - 1))
        nodes = [f"v{i:02d}" for i in range(n)]
        g = G("", "", True, False, nodes, [(nodes[i], nodes[j], 1) for i, j in arcs],
              {nodes[i]: group_of[i] for i in range(n)})
        raw = sna_brokerage(g)["raw"]
        present = {r for v in raw for r, c in raw[v].items() if c > 0}
        if 0.15 <= d <= 0.25 and len(present) == 6:
            return g, seed
        seed += 1


# --------------------------------------------------------------------------------------------
# Gould-Fernandez brokerage: Python port of sna 2.7-1 brokerage() (R part and brokerage_R C code)


def sna_brokerage(g: G) -> dict:
    nodes, N_int = g.nodes, len(g.nodes)
    idx = g.index
    out = [[] for _ in range(N_int)]
    arcs = set()
    for u, v, _ in g.edges:
        out[idx[u]].append(idx[v])
        arcs.add((idx[u], idx[v]))
    cl = [g.groups[v] for v in nodes]
    raw = {v: {r: 0 for r, _ in ROLES} for v in nodes}
    # C loop: ego i -> alter j -> k, k != i, k != j, no arc i -> k; j is the broker.
    for i in range(N_int):
        for j in out[i]:
            for k in out[j]:
                if k == i or k == j or (i, k) in arcs:
                    continue
                if cl[j] == cl[i]:
                    role = "coordinator" if cl[j] == cl[k] else "representative"
                elif cl[j] == cl[k]:
                    role = "gatekeeper"
                elif cl[i] == cl[k]:
                    role = "itinerant"
                else:
                    role = "liaison"
                raw[nodes[j]][role] += 1
                raw[nodes[j]]["total"] += 1
    m = len(g.edges)
    N = float(N_int)
    d = m / (N_int * (N_int - 1))
    clid = list(dict.fromkeys(cl))
    n = [float(sum(1 for c in cl if c == k)) for k in clid]

    def choose2(x):  # R choose(x, 2) for integer-valued x >= 0
        return x * (x - 1) / 2 if x >= 2 else 0.0

    d2, d3, omd3 = d * d, d ** 3, (1 - d) ** 3
    q = d2 * (1 - d)
    ebr, vbr = {}, {}
    for gi, label in enumerate(clid):
        ni = n[gi]
        rest = [n[h] for h in range(len(n)) if h != gi]
        e = [0.0] * 6
        v = [0.0] * 6
        e[0] = d2 * (1 - d) * (ni - 1) * (ni - 2)
        v[0] = e[0] * (1 - d2 * (1 - d)) + 2 * (ni - 1) * (ni - 2) * (ni - 3) * d3 * omd3
        e[1] = d2 * (1 - d) * sum(x * (x - 1) for x in rest)
        v[1] = e[1] * (1 - d2 * (1 - d)) + 2 * sum(x * (x - 1) * (x - 2) for x in rest) * d3 * omd3
        e[2] = d2 * (1 - d) * (N - ni) * (ni - 1)
        v[2] = e[2] * (1 - d2 * (1 - d)) + 2 * ((ni - 1) * choose2(N - ni) + (N - ni) * choose2(ni - 1)) * d3 * omd3
        e[3], v[3] = e[2], v[2]
        e[4] = d2 * (1 - d) * (sum(x * y for x in rest for y in rest) - sum(x * x for x in rest))
        v[4] = e[4] * (1 - d2 * (1 - d)) + 4 * math.fsum(x * choose2(N - x - ni) * d3 * omd3 for x in rest)
        e[5] = d2 * (1 - d) * (N - 1) * (N - 2)
        v[5] = e[5] * (1 - d2 * (1 - d)) + 2 * (N - 1) * (N - 2) * (N - 3) * d3 * omd3
        ebr[label] = {ROLES[r][0]: e[r] for r in range(6)}
        vbr[label] = {ROLES[r][0]: v[r] for r in range(6)}
    node = {}
    for vtx in nodes:
        lab = g.groups[vtx]
        node[vtx] = {}
        for r, _ in ROLES:
            ex, sd = ebr[lab][r], math.sqrt(vbr[lab][r])
            x = raw[vtx][r]
            node[vtx][r] = {"raw": x, "exp": ex, "sd": sd, "z": (x - ex) / sd if sd > 0 else None}
    return {"raw": raw, "node": node, "density": d, "arcs": m, "class_order": clid,
            "class_sizes": n, "q": q}


def run_sna(graphs: list[G]) -> dict | None:
    """Run generate_brokerage.R on the graphs; None when Rscript is not available."""
    if shutil.which("Rscript") is None:
        return None
    work = Path(tempfile.mkdtemp(prefix="netan_sna_"))
    try:
        for g in graphs:
            with open(work / f"{g.name}.nodes.tsv", "w") as f:
                f.write("id\tgroup\n")
                for v in g.nodes:
                    f.write(f"{v}\t{g.groups[v]}\n")
            with open(work / f"{g.name}.arcs.tsv", "w") as f:
                f.write("from\tto\tweight\n")
                for u, v, w in g.edges:
                    f.write(f"{u}\t{v}\t{float(w)!r}\n")
        subprocess.run(["Rscript", str(R_SCRIPT), str(work)], check=True)
        results = {}
        for g in graphs:
            res = {"meta": {}, "classes": [], "node": {}, "group": {}, "global": {}, "check": {}}
            for line in (work / f"{g.name}.sna.tsv").read_text().splitlines():
                f = line.split("\t")
                if f[0] == "meta":
                    res["meta"][f[1]] = f[2]
                elif f[0] == "class":
                    res["classes"].append((f[2], float(f[3])))
                elif f[0] == "node":
                    res["node"].setdefault(f[1], {})[SNA_TO_ROLE[f[2]]] = tuple(float(x) for x in f[3:7])
                elif f[0] == "group":
                    res["group"].setdefault(f[1], {})[SNA_TO_ROLE[f[2]]] = tuple(float(x) for x in f[3:5])
                elif f[0] == "global":
                    res["global"][SNA_TO_ROLE[f[1]]] = tuple(float(x) for x in f[2:6])
                elif f[0] == "check":
                    res["check"][f[1]] = f[2] == "TRUE"
            results[g.name] = res
        return results
    finally:
        shutil.rmtree(work)


def none_if_nan(x: float):
    return None if math.isnan(x) or math.isinf(x) else x


def brokerage_block(g: G, sna: dict | None, existing: dict | None) -> tuple[dict, str]:
    """The fixture's brokerage block from sna (or kept from the existing file), checked
    against the Python port. Returns (block, provenance sentence)."""
    port = sna_brokerage(g)
    if sna is None:
        if existing is None:
            sys.exit(f"Rscript not found and no existing brokerage block for {g.name}")
        block = existing
        how = existing["computed_by"]  # the block and its provenance stay as they were
        print(f"  {g.name}: brokerage block kept from the existing fixture ({how})")
    else:
        assert sna["check"]["weights_ignored"], g.name
        assert [c for c, _ in sna["classes"]] == port["class_order"]
        node = {}
        for v in g.nodes:
            node[v] = {}
            for r, _ in ROLES:
                raw, ex, sd, z = sna["node"][v][r]
                assert raw == int(raw)
                node[v][r] = {"raw": int(raw), "exp": ex, "sd": sd, "z": none_if_nan(z)}
        block = {
            "class_order": [c for c, _ in sna["classes"]],
            "class_sizes": {c: int(s) for c, s in sna["classes"]},
            "arcs": int(float(sna["meta"]["m"])),
            "density": float(sna["meta"]["d"]),
            "role_names_sna": {r: s for r, s in ROLES},
            "node": node,
            "group_expectation": {c: {r: sna["group"][c][r][0] for r, _ in ROLES} for c, _ in sna["classes"]},
            "group_sd": {c: {r: sna["group"][c][r][1] for r, _ in ROLES} for c, _ in sna["classes"]},
            "graph_level_sna": {r: {"raw": int(sna["global"][r][0]), "exp": sna["global"][r][1],
                                    "sd": sna["global"][r][2], "z": none_if_nan(sna["global"][r][3])}
                                for r, _ in ROLES},
        }
        how = f"computed by R sna {sna['meta']['sna_version']} brokerage() (R {sna['meta']['R_version']})"
        block["computed_by"] = how
        assert block["density"] == port["density"], (block["density"], port["density"])
    # Port vs block: raw exact, exp/sd/z relative difference.
    worst = 0.0
    for v in g.nodes:
        for r, _ in ROLES:
            a, b = block["node"][v][r], port["node"][v][r]
            assert a["raw"] == b["raw"], (g.name, v, r, a, b)
            for key in ("exp", "sd", "z"):
                if a[key] is None or b[key] is None:
                    assert a[key] is None and b[key] is None, (g.name, v, r, key)
                else:
                    worst = max(worst, abs(a[key] - b[key]) / max(1.0, abs(a[key])))
    note(f"  brokerage {g.name}: Python port vs sna node exp/sd/z max rel diff {worst:.3g}; raw identical")
    block["crosscheck_port_max_rel_diff"] = worst
    return block, how


# --------------------------------------------------------------------------------------------
# Burt constraint and effective size


def burt_exact(g: G, weighted=None):
    """Exact Fractions. Returns (constraint, effective_size) dicts id -> Fraction | None."""
    a = g.weight_matrix(weighted)
    n = len(g.nodes)
    mut = [[a[i][j] + a[j][i] if i != j else Fraction(0) for j in range(n)] for i in range(n)]
    nbrs = [[j for j in range(n) if mut[i][j] != 0] for i in range(n)]
    tot = [sum(mut[i]) for i in range(n)]
    mx = [max(mut[i]) for i in range(n)]
    p = [[mut[i][j] / tot[i] if tot[i] else Fraction(0) for j in range(n)] for i in range(n)]
    mm = [[mut[i][j] / mx[i] if mx[i] else Fraction(0) for j in range(n)] for i in range(n)]
    con, eff = {}, {}
    for i in range(n):
        v = g.nodes[i]
        if not nbrs[i]:
            con[v] = eff[v] = None
            continue
        c = e = Fraction(0)
        for j in nbrs[i]:
            indirect = sum((p[i][q] * p[q][j] for q in nbrs[i] if q != j), Fraction(0))
            red = sum((p[i][q] * mm[j][q] for q in nbrs[i] if q != j), Fraction(0))
            c += (p[i][j] + indirect) ** 2
            e += 1 - red
        con[v], eff[v] = c, e
    return con, eff


def burt_numpy(g: G, weighted=None):
    """The same formulas in floating point with numpy (independent code path)."""
    weighted = g.weighted if weighted is None else weighted
    n = len(g.nodes)
    A = np.zeros((n, n))
    for u, v, w in g.edges:
        x = float(w) if weighted else 1.0
        A[g.index[u], g.index[v]] += x
        if not g.directed:
            A[g.index[v], g.index[u]] += x
    M = A + A.T
    np.fill_diagonal(M, 0.0)
    tot, mx = M.sum(axis=1), M.max(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        P = np.where(tot[:, None] > 0, M / tot[:, None], 0.0)
        Mm = np.where(mx[:, None] > 0, M / mx[:, None], 0.0)
    con, eff = {}, {}
    for i in range(n):
        N = np.flatnonzero(M[i])
        if len(N) == 0:
            con[g.nodes[i]] = eff[g.nodes[i]] = None
            continue
        c = e = 0.0
        for j in N:
            qs = N[N != j]
            c += (P[i, j] + P[i, qs] @ P[qs, j]) ** 2
            e += 1.0 - P[i, qs] @ Mm[j, qs]
        con[g.nodes[i]], eff[g.nodes[i]] = c, e
    return con, eff


def burt_block(g: G, weighted=None) -> tuple[dict, dict, dict]:
    """Returns (node_metrics part, crosscheck diffs, nx all-node buggy effective size)."""
    weighted = g.weighted if weighted is None else weighted
    con, eff = burt_exact(g, weighted)
    con_f = {v: fl(x) for v, x in con.items()}
    eff_f = {v: fl(x) for v, x in eff.items()}
    G_nx = g.nx_graph()
    wkey = "weight" if weighted else None
    nx_con = {v: nx.constraint(G_nx, nodes=[v], weight=wkey)[v] for v in g.nodes}
    nx_eff = {v: nx.effective_size(G_nx, nodes=[v], weight=wkey)[v] for v in g.nodes}
    nx_eff_all = nx.effective_size(G_nx, weight=wkey)
    gi = g.ig_graph()
    ig_con = dict(zip(g.nodes, gi.constraint(weights="weight" if weighted else None)))
    np_con, np_eff = burt_numpy(g, weighted)
    diffs = {
        "constraint_networkx_per_node": maxdiff(con_f, nx_con),
        "constraint_igraph": maxdiff(con_f, ig_con),
        "constraint_numpy": maxdiff(con_f, np_con),
        "effective_size_networkx_per_node": maxdiff(eff_f, nx_eff),
        "effective_size_numpy": maxdiff(eff_f, np_eff),
        "effective_size_networkx_all_node_call_BUGGY": maxdiff(eff_f, nx_eff_all),
    }
    for k, x in diffs.items():
        if "BUGGY" not in k:
            assert x < 1e-12, (g.name, k, x)
    return {"constraint": con_f, "effective_size": eff_f}, diffs, {
        v: none_if_nan(x) for v, x in nx_eff_all.items()}


# --------------------------------------------------------------------------------------------
# Dependence and HHI


def flows_exact(g: G):
    a = g.weight_matrix(True)
    n = len(g.nodes)
    ins = [sum(a[i][j] for i in range(n)) for j in range(n)]
    outs = [sum(a[i]) for i in range(n)]

    def D(j, i):  # dependence of j on i
        return a[i][j] / ins[j] if ins[j] else Fraction(0)

    nodes = g.nodes
    Dm = {nodes[j]: {nodes[i]: D(j, i) for i in range(n) if i != j} for j in range(n)}
    PI = {nodes[i]: {nodes[j]: D(j, i) - D(i, j) for j in range(n) if j != i} for i in range(n)}
    MD = {nodes[i]: {nodes[j]: D(j, i) + D(i, j) for j in range(n) if j != i} for i in range(n)}
    maxdep, partner, tied = {}, {}, {}
    for j in range(n):
        if not ins[j]:
            maxdep[nodes[j]] = partner[nodes[j]] = None
            tied[nodes[j]] = []
            continue
        best = max(a[i][j] for i in range(n))
        winners = [nodes[i] for i in range(n) if a[i][j] == best]
        maxdep[nodes[j]] = best / ins[j]
        partner[nodes[j]] = winners[0]
        tied[nodes[j]] = winners

    def hhi(amounts):
        amounts = [x for x in amounts if x > 0]
        if not amounts:
            return None, None, 0
        total = sum(amounts)
        h = sum((x / total) ** 2 for x in amounts)
        k = len(amounts)
        return h, ((h - Fraction(1, k)) / (1 - Fraction(1, k)) if k > 1 else None), k

    hin = {nodes[j]: hhi([a[i][j] for i in range(n)]) for j in range(n)}
    hout = {nodes[i]: hhi(a[i]) for i in range(n)}
    return dict(a=a, ins=ins, outs=outs, D=Dm, PI=PI, MD=MD, maxdep=maxdep, partner=partner,
                tied=tied, hin=hin, hout=hout)


def nested_float(d):
    return {k: {k2: float(x) for k2, x in v.items()} for k, v in d.items()}


def dependence_blocks(g: G, fx: dict):
    nodes = g.nodes
    dep = {
        "D": nested_float(fx["D"]),
        "PI": nested_float(fx["PI"]),
        "MD": nested_float(fx["MD"]),
        "sum_dependence_of_others_on": {i: float(sum(fx["D"][j][i] for j in nodes if j != i)) for i in nodes},
        "net_power_sum_PI": {i: float(sum(fx["PI"][i].values())) for i in nodes},
    }
    hhi = {
        "inflow": {v: fl(fx["hin"][v][0]) for v in nodes},
        "inflow_normalized": {v: fl(fx["hin"][v][1]) for v in nodes},
        "inflow_partners": {v: fx["hin"][v][2] for v in nodes},
        "outflow": {v: fl(fx["hout"][v][0]) for v in nodes},
        "outflow_normalized": {v: fl(fx["hout"][v][1]) for v in nodes},
        "outflow_partners": {v: fx["hout"][v][2] for v in nodes},
    }
    nm = {
        "in_strength": {v: float(fx["ins"][k]) for k, v in enumerate(nodes)},
        "out_strength": {v: float(fx["outs"][k]) for k, v in enumerate(nodes)},
        "max_dependence": {v: fl(fx["maxdep"][v]) for v in nodes},
        "max_dependence_partner": dict(fx["partner"]),
        "max_dependence_partners_tied": {v: fx["tied"][v] for v in nodes if len(fx["tied"][v]) > 1},
    }
    return dep, hhi, nm


def dependence_float_check(g: G, fx: dict) -> float:
    """Independent floating-point computation with networkx in/out strengths."""
    G_nx = g.nx_graph()
    ins = dict(G_nx.in_degree(weight="weight"))
    worst = 0.0
    for j in g.nodes:
        for i in g.nodes:
            if i == j:
                continue
            w = G_nx[i][j]["weight"] if G_nx.has_edge(i, j) else 0.0
            d = w / ins[j] if ins[j] > 0 else 0.0
            worst = max(worst, abs(d - float(fx["D"][j][i])))
    return worst


# --------------------------------------------------------------------------------------------
# Fragmentation (Borgatti 2006), undirected view, unit lengths


def fragmentation_exact(g: G, removed: str | None = None):
    adj = {v: set() for v in g.nodes if v != removed}
    for u, v, _ in g.edges:
        if removed in (u, v):
            continue
        adj[u].add(v)
        adj[v].add(u)
    n = len(adj)
    if n < 2:
        return Fraction(0), Fraction(0)
    reach, inv = 0, Fraction(0)
    for s in adj:
        dist = {s: 0}
        dq = deque([s])
        while dq:
            x = dq.popleft()
            for y in adj[x]:
                if y not in dist:
                    dist[y] = dist[x] + 1
                    dq.append(y)
                    reach += 1
                    inv += Fraction(1, dist[y])
    pairs = n * (n - 1)
    return 1 - Fraction(reach, pairs), 1 - inv / pairs


def fragmentation_nx(g: G, removed=None):
    H = g.nx_graph().to_undirected()
    if removed is not None:
        H.remove_node(removed)
    n = H.number_of_nodes()
    sizes = [len(c) for c in nx.connected_components(H)]
    F = 1 - sum(s * (s - 1) for s in sizes) / (n * (n - 1))
    inv = sum(1 / d for s, dd in nx.all_pairs_shortest_path_length(H) for t, d in dd.items() if t != s)
    return F, 1 - inv / (n * (n - 1))


def fragmentation_blocks(g: G):
    F, DF = fragmentation_exact(g)
    after = {v: fragmentation_exact(g, v) for v in g.nodes}
    Fx, DFx = fragmentation_nx(g)
    worst = max(abs(Fx - float(F)), abs(DFx - float(DF)))
    for v in g.nodes:
        a, b = fragmentation_nx(g, v)
        worst = max(worst, abs(a - float(after[v][0])), abs(b - float(after[v][1])))
    gm = {"fragmentation": float(F), "distance_fragmentation": float(DF)}
    nm = {"fragmentation_after_removal": {v: float(after[v][0]) for v in g.nodes},
          "distance_fragmentation_after_removal": {v: float(after[v][1]) for v in g.nodes}}
    return gm, nm, worst


# --------------------------------------------------------------------------------------------
# Core-periphery re-derivation (Florentine)


def core_periphery_check(g: G, block: dict) -> dict:
    n = len(g.nodes)
    A = np.zeros((n, n))
    for u, v, _ in g.edges:
        A[g.index[u], g.index[v]] = A[g.index[v], g.index[u]] = 1.0
    iu, ju = np.triu_indices(n, 1)
    x = A[iu, ju]
    masks = np.arange(1, 1 << n)
    core = ((masks[:, None] >> np.arange(n)[None, :]) & 1).astype(bool)  # (2^n - 1, n)
    ci, cj = core[:, iu], core[:, ju]
    both, neither = ci & cj, ~ci & ~cj
    res = {}
    for key in ("cp_missing", "cp_one"):
        ideal = both.astype(float) if key == "cp_missing" else (~neither).astype(float)
        incl = (both | neither) if key == "cp_missing" else np.ones_like(both)
        cnt = incl.sum(1)
        sx = (incl * x).sum(1)
        sy = (incl * ideal).sum(1)
        sxy = (incl * ideal * x).sum(1)
        sxx = (incl * x * x).sum(1)
        syy = (incl * ideal * ideal).sum(1)
        with np.errstate(invalid="ignore", divide="ignore"):
            cov = sxy - sx * sy / cnt
            vx = sxx - sx * sx / cnt
            vy = syy - sy * sy / cnt
            r = np.where((vx > 0) & (vy > 0), cov / np.sqrt(vx * vy), -1.0)
        best = int(np.argmax(r))
        order = np.sort(r)[::-1]
        res[key] = {"best_correlation": float(r[best]),
                    "core": sorted(g.nodes[i] for i in range(n) if core[best, i]),
                    "runner_up_gap": float(order[0] - order[1])}
    # continuous: minimise sum_{i != j} (a_ij - c_i c_j)^2 by the damped fixed point
    c = A.sum(1) + 0.1
    c /= np.linalg.norm(c)
    for _ in range(200000):
        sq = c @ c
        nxt = (A @ c) / (sq - c * c)
        nxt = 0.5 * (nxt + c)
        if np.abs(nxt - c).sum() < 1e-16 * n:
            c = nxt
            break
        c = nxt
    off = ~np.eye(n, dtype=bool)
    fit = np.outer(c, c)
    resid = float(((A - fit)[off] ** 2).sum())
    corr = float(np.corrcoef(A[off], fit[off])[0, 1])
    cl2 = c / np.linalg.norm(c)
    res["continuous_l2"] = {v: float(cl2[i]) for i, v in enumerate(g.nodes)}
    res["continuous_residual"] = resid
    res["continuous_corr_a_vs_cc"] = corr
    shared_l2 = block["continuous_l2"]
    res["diff_vs_shared"] = {
        "continuous_l2_max_abs": max(abs(shared_l2[v] - res["continuous_l2"][v]) for v in g.nodes),
        "continuous_residual_abs": abs(block["continuous_residual"] - resid),
        "continuous_corr_abs": abs(block["continuous_corr_a_vs_cc"] - corr),
        "discrete_cp_one_abs": abs(block["discrete_exhaustive"]["cp_one"]["best_correlation"] - res["cp_one"]["best_correlation"]),
        "discrete_cp_missing_abs": abs(block["discrete_exhaustive"]["cp_missing"]["best_correlation"] - res["cp_missing"]["best_correlation"]),
        "discrete_cores_equal": all(sorted(block["discrete_exhaustive"][k]["core"]) == res[k]["core"] for k in ("cp_one", "cp_missing")),
    }
    return res


# --------------------------------------------------------------------------------------------


def write(name: str, data: dict) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / f"{name}.json", "w") as f:
        json.dump(data, f, indent=1, allow_nan=False, ensure_ascii=False)
        f.write("\n")


def existing_brokerage(name: str):
    path = OUT / f"{name}.json"
    if path.exists():
        with open(path) as f:
            return json.load(f).get("brokerage")
    return None


BROKERAGE_NOTE = (
    "brokerage: R sna brokerage(g, cl) conventions. Broker j of the ordered pair (i, k): arcs i->j "
    "and j->k, no arc i->k, i != k (self-loops never broker); arcs as a simple digraph, weights "
    "ignored (checked: weighted and 0/1 matrices give identical output). Roles by groups of "
    "(i, j, k): coordinator AAA (w_I), representative AAB (b_IO), gatekeeper ABB (b_OI), "
    "itinerant ABA (w_O), liaison ABC (b_O); total t = their sum. Density d = m/(N(N-1)) with m "
    "= number of arcs (sna counts self-loops in m, these fixtures have none). q = d^2(1-d). "
    "Expectation per broker group g (size n_g, N nodes): w_I q(n_g-1)(n_g-2); w_O q "
    "sum_{h!=g} n_h(n_h-1); b_IO = b_OI = q(N-n_g)(n_g-1); b_O q(sum_{h,h' != g} n_h n_h' - "
    "sum_{h != g} n_h^2); t q(N-1)(N-2). Variance (sna, NOT count*q(1-q)): E(1-q) + C*d^3(1-d)^3 "
    "with C = 2(n_g-1)(n_g-2)(n_g-3) for w_I; 2 sum_{h!=g} n_h(n_h-1)(n_h-2) for w_O; "
    "2[(n_g-1)C(N-n_g,2) + (N-n_g)C(n_g-1,2)] for b_IO and b_OI (C(x,2) = x(x-1)/2, 0 for x<2); "
    "4 sum_{h!=g} n_h C(N-n_h-n_g, 2) for b_O; 2(N-1)(N-2)(N-3) for t. sd = sqrt(variance); "
    "z = (raw-exp)/sd, null where sd = 0 (sna: NaN). Groups of size 1 or 2 give exp = 0 (sna "
    "prints -0.0 for size 1: 0 * -1) and sd = 0 for w_I; size 1 also for b_IO/b_OI. "
    "class_order = sna's unique(cl) in node order (expectations do not depend on it). "
    "graph_level_sna is sna's graph-level block, for information only: its sd is approximate "
    "(measures.md: overstated by 2-6%)."
)

BURT_NOTE = (
    "constraint/effective_size: Burt 1992 with mutual weights a_ij + a_ji over all neighbours "
    "(predecessors and successors), p_ij = (a_ij + a_ji)/sum_k (a_ik + a_ki), m_jq = (a_jq + "
    "a_qj)/max_k (a_jk + a_kj); c_i = sum_{j in N(i)} (p_ij + sum_{q in N(i), q != j} p_iq "
    "p_qj)^2; e_i = sum_{j in N(i)} [1 - sum_{q in N(i), q != j} p_iq m_jq]; isolates null. "
    "Values from an exact Fraction implementation (rounded once); networkx per-node calls, igraph "
    "constraint(weights) and a numpy implementation agree (crosscheck_max_abs_diff)."
)


def main():
    if os.environ.get("PYTHONHASHSEED") != "0":
        # networkx sums over set(nx.all_neighbors(...)): string hashing changes the summation
        # order and so the last bit of its cross-check values. Re-run with a fixed hash seed.
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, *sys.argv])
    for lib, mod in (("networkx", nx), ("igraph", ig)):
        if mod.__version__ != EXPECTED[lib]:
            print(f"warning: {lib} {mod.__version__} != {EXPECTED[lib]} (reference versions)", file=sys.stderr)
    note(f"libraries: {VERSIONS}")

    demo = load_shared("brokerage_demo")
    gov = load_shared("governance_demo")
    flo = load_shared("florentine")
    kar = load_shared("karate")

    # ---- graphs
    g_demo = shared_graph(demo, "power_brokerage_demo", False, demo["groups"])
    g_demo.source = ("Copied from shared/reference/brokerage_demo.json (" + demo["source"] + "); "
                     "groups MUN/VNG/PROV as given there.")
    g_gov = shared_graph(gov, "power_governance_demo", True, gov["groups"])
    g_gov.source = ("Copied from shared/reference/governance_demo.json (" + gov["source"] + "); "
                    "groups = its categories.")
    g_flo = shared_graph(flo, "power_florentine", False)
    g_flo.source = ("Copied from shared/reference/florentine.json (" + flo["source"] + ").")
    g_kar = shared_graph(kar, "power_karate", False)
    g_kar.source = ("Copied from shared/reference/karate.json (" + kar["source"] + "); weights dropped.")
    g_karw = shared_graph(kar, "power_karate_weighted", True)
    g_karw.source = ("Copied from shared/reference/karate.json (" + kar["source"] + "), "
                     "interaction-count weights kept.")

    rand = []
    for n, sizes, labels, seed in ((12, [5, 4, 3], ["A", "B", "C"], 1201),
                                   (20, [9, 6, 4, 1], ["A", "B", "C", "D"], 2001),
                                   (30, [10, 8, 6, 4, 2], ["A", "B", "C", "D", "E"], 3001)):
        g, used = random_brokerage_graph(n, sizes, seed, 0.2, labels)
        g.name = f"power_brokerage_random{n}"
        g.source = (f"Seeded random digraph: numpy default_rng({used}); group labels {labels} with sizes "
                    f"{sizes} assigned to the permutation rng.permutation({n}); then each ordered pair "
                    f"(i, j), i != j, in row-major order is an arc when rng.random() < 0.2 (first seed "
                    f"from {seed} upward whose density is in [0.15, 0.25] and where all five roles occur).")
        rand.append(g)

    # Weighted directed random graph with reciprocated arcs, for constraint/effective size.
    rng = np.random.default_rng(2020)
    wset = [0.5, 1, 1.5, 2, 3, 5, 8]
    nodes20 = [f"h{i:02d}" for i in range(20)]
    arcs = {}
    for i in range(19):  # h19 stays an isolate
        for j in range(19):
            if i != j and rng.random() < 0.12:
                arcs[(i, j)] = wset[int(rng.integers(len(wset)))]
    for (i, j) in sorted(arcs):
        if (j, i) not in arcs and rng.random() < 0.4:
            arcs[(j, i)] = wset[int(rng.integers(len(wset)))]
    g_h20 = G("power_holes_random20", (
        "Seeded random weighted digraph: numpy default_rng(2020); each ordered pair (i, j) of "
        "h00..h18, i != j, row-major, is an arc when rng.random() < 0.12 with weight "
        "wset[rng.integers(7)], wset = [0.5, 1, 1.5, 2, 3, 5, 8]; then, in sorted order, each "
        "unreciprocated arc (i, j) gets the reverse arc with probability 0.4 (rng.random() < 0.4) "
        "and its own weight drawn the same way. h19 is an isolate."),
        True, True, nodes20, [(nodes20[i], nodes20[j], w) for (i, j), w in sorted(arcs.items())])

    # Weighted flow digraph n = 10 for dependence / HHI.
    rng = np.random.default_rng(1010)
    nodes10 = [f"f{i}" for i in range(10)]
    arcs = {}
    for i in range(9):  # f9 isolate
        for j in range(9):
            if i != j and j != 0 and i != 8 and rng.random() < 0.35:  # f0 receives nothing, f8 sends nothing
                arcs[(i, j)] = int(rng.integers(1, 41))
    assert arcs[(4, 3)] == 10 and arcs[(1, 3)] == 17
    arcs[(4, 3)] = 17  # tie for f3's largest supplier (f1 and f4), to pin the tie-break
    g_f10 = G("power_flows_random10", (
        "Seeded random weighted flow digraph: numpy default_rng(1010); each ordered pair (i, j) of "
        "f0..f8 with i != j, j != f0, i != f8, row-major, is an arc when rng.random() < 0.35, weight "
        "rng.integers(1, 41) (integers 1..40); then the arc f4->f3 is set from 10 to 17 so that f3 "
        "receives its largest inflow from two partners (f1 and f4) at once. f9 is an isolate."),
        True, True, nodes10, [(nodes10[i], nodes10[j], w) for (i, j), w in sorted(arcs.items())])

    # Disconnected undirected graph for fragmentation.
    g_dis = G("power_fragmentation_disconnected",
              "Hand-built undirected graph, 11 nodes, 4 components: triangle a1-a2-a3 with tail a3-a4-a5; "
              "path b1-b2-b3; pair c1-c2; isolate d1.",
              False, False,
              ["a1", "a2", "a3", "a4", "a5", "b1", "b2", "b3", "c1", "c2", "d1"],
              [("a1", "a2", 1), ("a2", "a3", 1), ("a1", "a3", 1), ("a3", "a4", 1), ("a4", "a5", 1),
               ("b1", "b2", 1), ("b2", "b3", 1), ("c1", "c2", 1)])

    # ---- brokerage through sna
    brok_graphs = [g_demo, g_gov] + rand
    sna = run_sna(brok_graphs)
    if sna is None:
        note("WARNING: Rscript not found: brokerage blocks kept from the existing fixtures")
    else:
        note(f"R sna version {sna[g_demo.name]['meta']['sna_version']}, R {sna[g_demo.name]['meta']['R_version']}")

    def brok(g):
        return brokerage_block(g, None if sna is None else sna[g.name], existing_brokerage(g.name))

    # ---- power_brokerage_demo
    b, how = brok(g_demo)
    gf = demo["gould_fernandez"]
    worst = 0.0
    for v in g_demo.nodes:
        for r, s in ROLES:
            a, c = b["node"][v][r], gf["node"][v][s]
            assert a["raw"] == c["raw"] and (a["z"] is None) == (c["z"] is None), (v, r)
            for key in ("exp", "sd", "z"):
                if a[key] is not None:
                    worst = max(worst, abs(a[key] - c[key]))
    for r, s in ROLES:
        for key in ("raw", "exp", "sd", "z"):
            worst = max(worst, abs(b["graph_level_sna"][r][key] - gf["global"][s][key]))
    note(f"  brokerage_demo: sna vs shared brokerage_demo.json max abs diff {worst:.3g}")
    b["brokered_paths_shared"] = gf["brokered_paths"]
    nm, diffs, buggy = burt_block(g_demo)
    sh = demo["node_metrics"]
    shared_diff = max(maxdiff(nm["constraint"], sh["constraint_unweighted"]),
                      maxdiff(nm["effective_size"], sh["effective_size_unweighted"]))
    diffs["shared_constraint_effective_size_unweighted"] = shared_diff
    data = g_demo.base()
    data["brokerage"] = b
    data["node_metrics"] = {**nm, "effective_size_networkx_all_node_call_BUGGY": buggy}
    data["crosscheck_max_abs_diff"] = {"brokerage_vs_shared_file": worst, **diffs}
    data["notes"] = [
        f"brokerage {how}; equals the shared brokerage_demo.json gould_fernandez block (node and graph "
        f"level, max abs diff {worst:.3g}); brokered_paths_shared copied from it (i, j, k, groups, role).",
        BROKERAGE_NOTE,
        BURT_NOTE + " Unweighted digraph with one reciprocated pair (m1<->m2: mutual weight 2). "
        "Equal to the shared constraint_unweighted / effective_size_unweighted.",
        "effective_size_networkx_all_node_call_BUGGY = nx.effective_size(G) for all nodes at once "
        "(networkx 3.6.1): wrong for m1 and m2 (divides by column maxima); do NOT match it.",
    ]
    write(g_demo.name, data)

    # ---- random brokerage graphs
    for g in rand:
        b, how = brok(g)
        data = g.base()
        data["brokerage"] = b
        n_arcs = len(g.edges)
        recip = sum(1 for u, v, _ in g.edges if (v, u, 1) in set(g.edges))
        data["notes"] = [
            f"brokerage {how}. Held-out graph: {len(g.nodes)} nodes, {n_arcs} arcs, density "
            f"{b['density']!r}, {recip} arcs reciprocated; class sizes {b['class_sizes']}.",
            BROKERAGE_NOTE,
        ]
        write(g.name, data)

    # ---- governance_demo
    b, how = brok(g_gov)
    gf = gov["gould_fernandez_by_category"]
    worst_g = 0.0
    for v in g_gov.nodes:
        for r, s in ROLES:
            a, c = b["node"][v][r], gf["node"][v][s]
            assert a["raw"] == c["raw"] and (a["z"] is None) == (c["z"] is None), (v, r)
            for key in ("exp", "sd", "z"):
                if a[key] is not None:
                    worst_g = max(worst_g, abs(a[key] - c[key]))
    note(f"  governance_demo: sna vs shared gould_fernandez_by_category max abs diff {worst_g:.3g}")
    nmw, diffs_w, buggy_w = burt_block(g_gov, True)
    nmu, diffs_u, buggy_u = burt_block(g_gov, False)
    sh = gov["node_metrics"]
    gov_burt_shared = max(maxdiff(nmw["constraint"], sh["constraint_weighted"]),
                          maxdiff(nmw["effective_size"], sh["effective_size_weighted"]),
                          maxdiff(nmu["constraint"], sh["constraint_unweighted"]),
                          maxdiff(nmu["effective_size"], sh["effective_size_unweighted"]))
    fx = flows_exact(g_gov)
    dep, hhi, nmf = dependence_blocks(g_gov, fx)
    sd = gov["dependence"]
    # the fixture carries the shared numbers verbatim; verify them against exact arithmetic
    dep_shared_diff = 0.0
    for key, skey in (("D", "D_dependence_of_row_on_col"), ("PI", "PI_net_power_of_row_over_col"),
                      ("MD", "MD_mutual_dependence")):
        for x in dep[key]:
            dep_shared_diff = max(dep_shared_diff, maxdiff(dep[key][x], sd[skey][x]))
        dep[key] = {x: dict(sd[skey][x]) for x in g_gov.nodes}
    dep_shared_diff = max(dep_shared_diff,
                          maxdiff(dep["sum_dependence_of_others_on"], sd["sum_power_over_others"]),
                          maxdiff(dep["net_power_sum_PI"], sd["net_power_sum_PI"]))
    hhi_shared_diff = max(maxdiff(hhi["inflow"], sd["inflow_hhi"]), maxdiff(hhi["outflow"], sd["outflow_hhi"]))
    in_str_diff = maxdiff(nmf["in_strength"], sh["in_strength"])
    dep_float = dependence_float_check(g_gov, fx)
    ex = gov["hhi_examples"]["GEM1_purchase_shares"]
    shares = [Fraction(60, 80), Fraction(10, 80), Fraction(10, 80)]
    h = sum(s * s for s in shares)
    hn = (h - Fraction(1, 3)) / (1 - Fraction(1, 3))
    ex_diff = max(abs(float(h) - ex["hhi"]), abs(float(h) * 10000 - ex["hhi_points"]), abs(float(hn) - ex["hhi_normalized"]))
    hhi["examples"] = {"GEM1_purchase_shares": {
        **ex, "meaning": "GEM1's purchases from the three providers only (ZA_GROOT 60, ZA_KLEIN1 10, "
                         "ZA_KLEIN2 10 of its outflow): shares 60/80, 10/80, 10/80; normalised with k = 3."}}
    note(f"  governance_demo: dependence/PI/MD shared vs exact max abs diff {dep_shared_diff:.3g}; "
         f"HHI {hhi_shared_diff:.3g}; burt vs shared {gov_burt_shared:.3g}")
    data = g_gov.base()
    data["brokerage"] = b
    data["node_metrics"] = {
        "constraint": nmw["constraint"], "effective_size": nmw["effective_size"],
        "constraint_unweighted": nmu["constraint"], "effective_size_unweighted": nmu["effective_size"],
        **nmf,
        "effective_size_networkx_all_node_call_BUGGY": buggy_w,
    }
    data["dependence"] = dep
    data["hhi"] = hhi
    data["crosscheck_max_abs_diff"] = {
        "brokerage_vs_shared_file": worst_g,
        **{k: v for k, v in diffs_w.items()},
        **{k + "_unweighted": v for k, v in diffs_u.items()},
        "constraint_effective_size_vs_shared_file": gov_burt_shared,
        "dependence_shared_vs_exact_fractions": dep_shared_diff,
        "dependence_float_networkx_vs_exact": dep_float,
        "hhi_vs_shared_file": hhi_shared_diff,
        "hhi_example_vs_shared_file": ex_diff,
        "in_strength_vs_shared_file": in_str_diff,
    }
    data["notes"] = [
        f"brokerage (by the groups = categories) {how}; equals the shared governance_demo.json "
        f"gould_fernandez_by_category block (max abs diff {worst_g:.3g}). Weights are ignored by sna.",
        BROKERAGE_NOTE,
        BURT_NOTE + " constraint/effective_size use the weights (mutual weight a_ij + a_ji); "
        "*_unweighted treat every arc as 1 (reciprocated pair: 2). Both equal the shared "
        "constraint_weighted/effective_size_weighted and constraint_unweighted/effective_size_unweighted.",
        "effective_size_networkx_all_node_call_BUGGY = weighted nx.effective_size(G) all nodes at once; do NOT match it.",
        "dependence: D[j][i] = D(j on i) = w_ij / in_strength(j), w_ij = what i supplies to j; "
        "PI[i][j] = PI(i over j) = D(j on i) - D(i on j) in [-1, 1]; MD[i][j] = D(j on i) + D(i on j). "
        "D, PI, MD copied verbatim from the shared governance_demo.json dependence block "
        "(D_dependence_of_row_on_col, PI_net_power_of_row_over_col, MD_mutual_dependence) and verified "
        "against exact Fractions (dependence_shared_vs_exact_fractions). All ordered pairs i != j are "
        "listed, non-partners with 0.",
        "sum_dependence_of_others_on[i] = sum_j D(j on i) (shared: sum_power_over_others); "
        "net_power_sum_PI[i] = sum_j PI(i over j). Exact Fractions, equal to the shared values.",
        "max_dependence[j] = largest share of j's inflow from one partner = max_i D(j on i); "
        "max_dependence_partner = that partner, on ties the first in node order "
        "(max_dependence_partners_tied lists all tied partners); null without inflow.",
        "hhi: inflow[j] = sum_i (w_ij/in_strength(j))^2 over partners with w_ij > 0, outflow[i] = "
        "sum_j (w_ij/out_strength(i))^2; *_normalized = (H - 1/k)/(1 - 1/k), k = *_partners (number "
        "of partners with positive flow), null when k = 1; all null when there is no flow. 0..1 scale "
        "(x 10,000 = points). inflow/outflow equal the shared inflow_hhi/outflow_hhi.",
    ]
    write(g_gov.name, data)

    # ---- flows random 10
    fx = flows_exact(g_f10)
    dep, hhi, nmf = dependence_blocks(g_f10, fx)
    dep_float = dependence_float_check(g_f10, fx)
    # PI antisymmetry / bounds sanity
    for i in g_f10.nodes:
        for j in g_f10.nodes:
            if i != j:
                assert fx["PI"][i][j] == -fx["PI"][j][i] and -1 <= fx["PI"][i][j] <= 1
    data = g_f10.base()
    data["node_metrics"] = nmf
    data["dependence"] = dep
    data["hhi"] = hhi
    data["crosscheck_max_abs_diff"] = {"dependence_float_networkx_vs_exact": dep_float}
    tied = {v: t for v, t in nmf["max_dependence_partners_tied"].items()}
    no_in = [v for v in g_f10.nodes if nmf["in_strength"][v] == 0]
    no_out = [v for v in g_f10.nodes if nmf["out_strength"][v] == 0]
    data["notes"] = [
        "All values from exact rational arithmetic (fractions.Fraction), rounded once to the nearest double.",
        f"No inflow: {', '.join(no_in)}; no outflow: {', '.join(no_out)}. Reciprocated flows: "
        + ", ".join(f"{u}<->{v}" for u, v, _ in g_f10.edges if u < v and any(x == v and y == u for x, y, _ in g_f10.edges)) + ".",
        "dependence: D[j][i] = D(j on i) = w_ij / in_strength(j); 0 when j has no inflow; "
        "PI[i][j] = D(j on i) - D(i on j); MD[i][j] = D(j on i) + D(i on j); all ordered pairs i != j.",
        "max_dependence: max_i D(j on i), partner = first in node order among ties, null without inflow. "
        f"Tied maxima: {tied if tied else 'none'}.",
        "hhi as in power_governance_demo: over partners with positive flow; normalised null when k = 1; "
        "all null (partners 0) when there is no flow.",
    ]
    write(g_f10.name, data)

    # ---- constraint: random 20, karate, karate weighted, florentine, disconnected
    nm, diffs, buggy = burt_block(g_h20)
    data = g_h20.base()
    data["node_metrics"] = {**nm, "effective_size_networkx_all_node_call_BUGGY": buggy}
    data["crosscheck_max_abs_diff"] = diffs
    recip = sum(1 for u, v, _ in g_h20.edges if any(x == v and y == u for x, y, _ in g_h20.edges))
    data["notes"] = [BURT_NOTE + f" {len(g_h20.edges)} arcs, {recip} of them in reciprocated pairs (mutual weight "
                     "= sum of both arcs); h19 isolate -> null.",
                     "effective_size_networkx_all_node_call_BUGGY = weighted nx.effective_size(G) for all nodes at "
                     "once: wrong on this graph; do NOT match it."]
    write(g_h20.name, data)

    for g, shared, skey, wkey in ((g_kar, kar["node_metrics"], ("constraint", "effective_size"), None),
                                  (g_karw, kar["weighted"]["node_metrics"], ("constraint_weighted", "effective_size_weighted"), "w")):
        nm, diffs, buggy = burt_block(g)
        diffs["vs_shared_file"] = max(maxdiff(nm["constraint"], shared[skey[0]]), maxdiff(nm["effective_size"], shared[skey[1]]))
        data = g.base()
        data["node_metrics"] = dict(nm)
        if wkey:
            data["node_metrics"]["effective_size_networkx_all_node_call_BUGGY"] = buggy
        data["crosscheck_max_abs_diff"] = diffs
        data["notes"] = [BURT_NOTE + f" Equal to the shared karate.json {skey[0]}/{skey[1]} (vs_shared_file)."]
        if not wkey:
            gm, fnm, fr_diff = fragmentation_blocks(g)
            data["node_metrics"].update(fnm)
            data["graph_metrics"] = gm
            kpp_diff = max(maxdiff(fnm["fragmentation_after_removal"], shared["kpp_fragmentation_after_removal"]),
                           maxdiff(fnm["distance_fragmentation_after_removal"], shared["kpp_distance_fragmentation_after_removal"]),
                           abs(gm["fragmentation"] - kar["graph_metrics"]["fragmentation"]),
                           abs(gm["distance_fragmentation"] - kar["graph_metrics"]["distance_fragmentation"]))
            data["crosscheck_max_abs_diff"].update({"fragmentation_networkx_float_vs_exact": fr_diff,
                                                    "fragmentation_vs_shared_kpp": kpp_diff})
            data["notes"].append(FRAG_NOTE + f" Shared kpp_* and graph-level values agree (max abs diff {kpp_diff:.3g}); "
                                 "the shared file has no core-periphery block for karate.")
            note(f"  karate fragmentation vs shared kpp {kpp_diff:.3g}")
        else:
            data["notes"].append("effective_size_networkx_all_node_call_BUGGY = weighted nx.effective_size(G) all nodes at once; do NOT match it.")
        note(f"  {g.name}: burt vs shared {diffs['vs_shared_file']:.3g}")
        write(g.name, data)

    # florentine
    nm, diffs, _ = burt_block(g_flo)
    gm, fnm, fr_diff = fragmentation_blocks(g_flo)
    shf = flo["node_metrics"]
    diffs["vs_shared_file"] = max(maxdiff(nm["constraint"], shf["constraint"]), maxdiff(nm["effective_size"], shf["effective_size"]))
    kpp_diff = max(maxdiff(fnm["fragmentation_after_removal"], shf["kpp_fragmentation_after_removal"]),
                   maxdiff(fnm["distance_fragmentation_after_removal"], shf["kpp_distance_fragmentation_after_removal"]),
                   abs(gm["fragmentation"] - flo["graph_metrics"]["fragmentation"]),
                   abs(gm["distance_fragmentation"] - flo["graph_metrics"]["distance_fragmentation"]))
    cp = flo["core_periphery_borgatti_everett"]
    cpc = core_periphery_check(g_flo, cp)
    data = g_flo.base()
    data["node_metrics"] = {**nm, **fnm}
    data["graph_metrics"] = gm
    data["core_periphery"] = cp
    data["core_periphery_recomputed"] = {k: cpc[k] for k in ("cp_missing", "cp_one", "continuous_l2",
                                                               "continuous_residual", "continuous_corr_a_vs_cc")}
    data["crosscheck_max_abs_diff"] = {**diffs, "fragmentation_networkx_float_vs_exact": fr_diff,
                                       "fragmentation_vs_shared_kpp": kpp_diff,
                                       "core_periphery_recomputed_vs_shared": cpc["diff_vs_shared"]}
    data["notes"] = [
        BURT_NOTE + " Equal to the shared florentine.json constraint/effective_size (vs_shared_file).",
        FRAG_NOTE + f" Shared kpp_* and graph-level values agree (max abs diff {kpp_diff:.3g}).",
        CP_NOTE,
    ]
    write(g_flo.name, data)
    note(f"  florentine: burt vs shared {diffs['vs_shared_file']:.3g}; kpp vs shared {kpp_diff:.3g}; "
         f"core-periphery recomputed vs shared {cpc['diff_vs_shared']}")

    # disconnected
    gm, fnm, fr_diff = fragmentation_blocks(g_dis)
    nm, diffs, _ = burt_block(g_dis)
    data = g_dis.base()
    data["node_metrics"] = {**fnm, **nm}
    data["graph_metrics"] = gm
    data["crosscheck_max_abs_diff"] = {**diffs, "fragmentation_networkx_float_vs_exact": fr_diff}
    data["notes"] = [FRAG_NOTE + " Components of sizes 5, 3, 2, 1 (n = 11): F = 1 - (20 + 6 + 2)/110.",
                     BURT_NOTE + " d1 is an isolate: null."]
    write(g_dis.name, data)

    note("crosscheck summary (max abs diff of every tool vs the written values):")
    for f in sorted(OUT.glob("power_*.json")):
        with open(f) as fh:
            cc = json.load(fh).get("crosscheck_max_abs_diff", {})
        flat = {k: v for k, v in cc.items() if isinstance(v, (int, float))}
        note(f"  {f.name}: " + ", ".join(f"{k}={v:.3g}" for k, v in flat.items()))


FRAG_NOTE = (
    "fragmentation (Borgatti 2006) on the undirected unweighted view: F = 1 - sum_k s_k(s_k-1)/(n(n-1)) "
    "over component sizes s_k; DF = 1 - sum_{i != j} (1/d_ij)/(n(n-1)) over ordered pairs, 1/inf = 0. "
    "*_after_removal: the node and its edges removed, n = remaining nodes. Exact Fractions, rounded once; "
    "cross-checked with networkx shortest-path lengths (fragmentation_networkx_float_vs_exact)."
)

CP_NOTE = (
    "core_periphery: copied verbatim from shared florentine.json core_periphery_borgatti_everett "
    "(Borgatti & Everett 1999, undirected unweighted). discrete_exhaustive: over all 2^15 - 1 "
    "non-empty core sets, the split whose Pearson correlation between the observed ties a_ij and "
    "the ideal pattern over unordered pairs i < j is largest; cp_missing: core-core ideal 1, "
    "periphery-periphery 0, core-periphery pairs left out (UCINET's default); cp_one: "
    "core-periphery pairs ideal 1. continuous_l2: coreness c minimising sum_{i != j} (a_ij - c_i "
    "c_j)^2, scaled to unit L2 norm; continuous_residual: that minimum (unscaled c); "
    "continuous_corr_a_vs_cc: Pearson correlation of a_ij with c_i c_j over ordered pairs i != j. "
    "core_periphery_recomputed: this script's re-derivation (numpy exhaustive search; converged "
    "damped fixed point c_i = sum_j a_ij c_j / sum_{j != i} c_j^2); runner_up_gap = best minus "
    "second-best correlation. The shared continuous vector is accurate to ~1e-8 only (see "
    "crosscheck_max_abs_diff.core_periphery_recomputed_vs_shared); the discrete results agree exactly."
)


if __name__ == "__main__":
    main()
