#!/usr/bin/env python3
"""Generate reference-value fixtures for netan's centrality unit tests.

Run from the repository root:

    python3 scripts/reference/generate_fixtures.py

It (re)writes Tests/NetGraphTests/Fixtures/reference/*.json (one graph per file) and prints a
cross-check summary. Output is byte-for-byte reproducible on the same library versions: graphs
come from fixed seeds (numpy default_rng(20240611) plus networkx/random seeds named in each file's
"source"), networkx's Louvain uses seed=42, igraph's Leiden uses Python's `random` seeded with 42,
the script re-executes itself with PYTHONHASHSEED=0 (networkx sums harmonic centrality over a set,
so string hashing changes the last digit otherwise), networkx's ARPACK calls get an all-ones start
vector (eigenvector_centrality_numpy via a patched scipy eigs, hits via nstart) instead of a random
one. The shared reference files are read from ../shared/reference (override with
NETAN_SHARED_REFERENCE); without them the ref_* fixtures are left untouched.

Libraries (the script asserts these versions, so that the numbers are reproducible):
networkx 3.6.1 (reference values), python-igraph 1.0.0 (cross-check), numpy 2.4.x, scipy 1.17.x.
Every path-based value is additionally checked against an exact rational-arithmetic
(fractions.Fraction) Dijkstra/Brandes implementation in this file.

What it writes
--------------
gen_a_gnp_undirected        undirected unweighted G(n,p), 30 nodes, 2 isolates + 2 non-trivial components
gen_b_weighted_ties         undirected weighted, weights from {0.5, 1, 2, 4}, connected
gen_c_weighted_lognormal    undirected weighted, lognormal(0, 0.75) weights rounded to 3 decimals (>= 0.001), connected
gen_d_directed              directed unweighted, reciprocated arcs, not strongly connected, one isolate
gen_e_directed_weighted     directed weighted, weights from {1, 2, 3}, strongly connected
gen_f_path5, gen_f_star5    hand-checkable 5-node path 0-1-2-3-4 and star (centre 0)
ref_*                       the public reference graphs of shared/reference/ (florentine, karate
                            unweighted, karate weighted, star5, path5) converted to the same schema:
                            numbers COPIED from the shared files (then verified against this
                            script's own computation), only metrics whose convention equals ours.

Schema: name, source, directed, weighted, nodes [ids], edges [[u, v, weight]] (weight 1 when
unweighted; undirected edges once), node_metrics {metric: {id: value|null}},
graph_metrics {name: value|null}, tolerance {metric: max relative difference networkx vs
igraph (float) or a note (str)}, notes [str].

Conventions (weights are tie STRENGTHS; path-based measures use distance = 1/weight)
-----------------------------------------------------------------------------------
degree            G.degree (directed: in+out); in_degree/out_degree (directed only)
strength          weighted degree (directed: in+out); in_strength/out_strength (directed weighted)
betweenness       raw; undirected counts unordered pairs (networkx normalized=False == igraph
                  betweenness()); directed counts ordered pairs. Unweighted: networkx value.
                  WEIGHTED: igraph's value (igraph compares path lengths with a relative epsilon,
                  so ties survive floating sums of 1/w); networkx compares float sums exactly and
                  misses ties when 1/w is not dyadic (e.g. 1/3 + 1/6 != 1/2 in floating point).
                  The written value is also checked against exact rational arithmetic.
betweenness_normalized  raw / ((n-1)(n-2)/2) undirected, raw / ((n-1)(n-2)) directed
closeness         networkx closeness_centralization(wf_improved=True): ((r-1)/(n-1)) * (r-1)/sum d,
                  r = nodes that reach u (incl. u). On DIRECTED graphs networkx uses INCOMING
                  distances d(v -> u) (== igraph closeness(mode="in")).
harmonic          networkx harmonic_centrality: raw sum_{v != u} 1/d(v -> u); on directed graphs it
                  also uses INCOMING distances (the source loops over sources v and adds
                  1/d(v, u) to u) (== igraph harmonic_centrality(mode="in", normalized=False)).
eigenvector       networkx eigenvector_centrality_numpy (weighted when weighted), unit L2 norm,
                  positive; directed = left eigenvector (in-edges). networkx raises
                  AmbiguousSolution for disconnected / not strongly connected graphs: for an
                  undirected graph whose largest adjacency eigenvalue is simple we write the numpy
                  result on the dominant component and 0 elsewhere (the unique unit principal
                  eigenvector); for directed graphs that are not strongly connected: null.
pagerank          networkx pagerank(alpha=0.85, tol=1e-13), weighted when weighted; dangling
                  nodes (isolates, sinks) jump uniformly.
katz              networkx katz_centrality_numpy(alpha=0.05, beta=1, normalized=True) -> unit L2,
                  weighted when weighted; directed uses in-edges (x = alpha A^T x + beta).
hub, authority    networkx hits(normalized=True -> each sums to 1, tol=1e-13). networkx hits ALWAYS
                  uses the 'weight' edge attribute when present (no weight parameter), so weighted
                  graphs give weighted HITS. On undirected graphs hub == authority. null when the
                  top singular value of A is not simple (e.g. bipartite undirected graphs such as
                  path5/star5), because the vectors are then not unique.
core_number       networkx core_number, weights ignored (directed: in+out degree).
clustering        networkx clustering, unweighted, of the undirected view (directed graphs:
                  G.to_undirected(), reciprocated arcs merge into one edge).
articulation_point 1/0 from networkx articulation_points of the undirected view.
graph metrics     nodes, relations (edge/arc count), density (nx.density), reciprocity (directed,
                  nx.overall_reciprocity), components (weakly connected, isolates count),
                  strong_components (directed), transitivity (undirected view),
                  degree_assortativity (nx.degree_assortativity_coefficient as is, unweighted;
                  directed = out-degree of source vs in-degree of target), degree_centralization
                  (undirected: sum(max k - k_i)/((n-1)(n-2))), in_/out_degree_centralization
                  (directed: denominator (n-1)^2), betweenness_centralization (the fixture's
                  betweenness; undirected / ((n-1)^2 (n-2)/2), directed / ((n-1)^2 (n-2))),
                  closeness_centralization (undirected connected only, from the fixture's
                  closeness = (n-1)/sum d; / ((n-1)(n-2)/(2n-3)); null otherwise),
                  gini_degree / gini_betweenness (sum_ij |xi-xj| / (2 n^2 mean); null if mean 0),
                  modularity_louvain_networkx (seed 42, resolution 1, weight when weighted) and
                  modularity_leiden_igraph (objective modularity, resolution 1, n_iterations=-1,
                  random.seed(42)): quality floors only, not exact targets.
"""

from __future__ import annotations

import contextlib
import heapq
import json
import math
import os
import random
import sys
import warnings
from fractions import Fraction
from pathlib import Path

import igraph as ig
import networkx as nx
import numpy as np
import scipy

EXPECTED = {"networkx": "3.6.1", "igraph": "1.0.0"}
ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "Tests" / "NetGraphTests" / "Fixtures" / "reference"
SHARED = Path(os.environ.get("NETAN_SHARED_REFERENCE", str(ROOT.parent / "shared" / "reference")))
MASTER_SEED = 20240611
ZERO_NOISE = 1e-14  # |x| < ZERO_NOISE * max|x| is floating noise of an eigen-solver -> 0.0
VERSIONS = (
    f"networkx {nx.__version__}, python-igraph {ig.__version__}, numpy {np.__version__}, "
    f"scipy {scipy.__version__}, Python {sys.version.split()[0]}"
)



@contextlib.contextmanager
def fixed_arpack_start():
    """Make networkx's ARPACK calls reproducible: start vector all ones instead of a random one.

    networkx eigenvector_centrality_numpy calls scipy.sparse.linalg.eigs without v0, so ARPACK starts
    from a random vector and the last 1-2 digits change from run to run."""
    original = scipy.sparse.linalg.eigs

    def eigs(A, *args, **kwargs):
        if kwargs.get("v0") is None:
            kwargs["v0"] = np.ones(A.shape[0])
        return original(A, *args, **kwargs)

    scipy.sparse.linalg.eigs = eigs
    try:
        yield
    finally:
        scipy.sparse.linalg.eigs = original


# ----------------------------------------------------------------------------- helpers

def rel_diff(a, b, floor_scale):
    """Max relative difference of two equal-keyed value dicts.

    Relative to max(|a|,|b|); pairs where both are below 1e-12*floor_scale are compared
    absolutely (counted as 0 when |a-b| <= 1e-12*floor_scale)."""
    worst = 0.0
    for k in a:
        x, y = a[k], b[k]
        if x is None or y is None:
            if x is None and y is None:
                continue
            return math.inf
        x, y = float(x), float(y)
        if math.isnan(x) or math.isnan(y):
            return math.inf
        m = max(abs(x), abs(y))
        if m <= 1e-12 * floor_scale:
            if abs(x - y) > 1e-12 * floor_scale:
                return math.inf
            continue
        worst = max(worst, abs(x - y) / m)
    return worst


def maxabs(d):
    vals = [abs(v) for v in d.values() if v is not None]
    return max(vals) if vals else 0.0


def gini(values):
    x = [float(v) for v in values]
    n = len(x)
    mean = sum(x) / n
    if mean == 0:
        return None
    return sum(abs(a - b) for a in x for b in x) / (2 * n * n * mean)


def gini_sorted(values):
    x = sorted(float(v) for v in values)
    n = len(x)
    s = sum(x)
    if s == 0:
        return None
    return (2 * sum((i + 1) * v for i, v in enumerate(x)) / (n * s)) - (n + 1) / n


def clean_noise(d):
    m = maxabs(d)
    return {k: (0.0 if abs(v) < ZERO_NOISE * m else float(v)) for k, v in d.items()}


def fmt(x):
    return "0" if x == 0 else f"{x:.2e}"


# ------------------------------------------------------------- exact rational path measures

def exact_paths(nodes, edges, directed, weighted):
    """Exact Dijkstra + Brandes with Fraction lengths (length = 1/weight, weight parsed as decimal).

    Returns (dist, betweenness): dist[s][t] Fraction for reachable t != s; betweenness raw
    (ordered pairs for directed, unordered for undirected)."""
    adj = {u: [] for u in nodes}
    for u, v, w in edges:
        length = (1 / Fraction(repr(float(w)))) if weighted else Fraction(1)
        adj[u].append((v, length))
        if not directed:
            adj[v].append((u, length))
    dist_all = {}
    bc = {u: Fraction(0) for u in nodes}
    order_index = {u: i for i, u in enumerate(nodes)}
    for s in nodes:
        dist = {s: Fraction(0)}
        sigma = {s: 1}
        preds = {s: []}
        settled = []
        done = set()
        heap = [(Fraction(0), order_index[s], s)]
        while heap:
            d, _, u = heapq.heappop(heap)
            if u in done or d > dist[u]:
                continue
            done.add(u)
            settled.append(u)
            for v, length in adj[u]:
                nd = d + length
                if v not in dist or nd < dist[v]:
                    dist[v] = nd
                    sigma[v] = sigma[u]
                    preds[v] = [u]
                    heapq.heappush(heap, (nd, order_index[v], v))
                elif nd == dist[v] and v not in done:
                    sigma[v] += sigma[u]
                    preds[v].append(u)
        delta = {u: Fraction(0) for u in settled}
        for w in reversed(settled):
            for p in preds[w]:
                delta[p] += Fraction(sigma[p], sigma[w]) * (1 + delta[w])
            if w != s:
                bc[w] += delta[w]
        dist_all[s] = {t: d for t, d in dist.items() if t != s}
    if not directed:
        bc = {u: b / 2 for u, b in bc.items()}
    return dist_all, bc


def exact_closeness_harmonic(nodes, dist_all):
    n = len(nodes)
    clo, har = {}, {}
    for u in nodes:
        incoming = [dist_all[v][u] for v in nodes if v != u and u in dist_all[v]]
        r1 = len(incoming)
        tot = sum(incoming, Fraction(0))
        clo[u] = 0.0 if tot == 0 or n <= 1 else float(Fraction(r1, n - 1) * Fraction(r1) / tot)
        har[u] = float(sum((1 / d for d in incoming), Fraction(0)))
    return clo, har


def tie_pairs(nodes, edges, directed, weighted):
    """Number of (s,t) pairs with more than one exact shortest path (ties)."""
    adj = {u: [] for u in nodes}
    for u, v, w in edges:
        length = (1 / Fraction(repr(float(w)))) if weighted else Fraction(1)
        adj[u].append((v, length))
        if not directed:
            adj[v].append((u, length))
    count = 0
    for s in nodes:
        dist, sigma, done = {s: Fraction(0)}, {s: 1}, set()
        heap = [(Fraction(0), 0, s)]
        k = 0
        while heap:
            d, _, u = heapq.heappop(heap)
            if u in done:
                continue
            done.add(u)
            for v, length in adj[u]:
                nd = d + length
                if v not in dist or nd < dist[v]:
                    dist[v], sigma[v] = nd, sigma[u]
                    k += 1
                    heapq.heappush(heap, (nd, k, v))
                elif nd == dist[v] and v not in done:
                    sigma[v] += sigma[u]
        count += sum(1 for t in dist if t != s and sigma[t] > 1)
    return count if directed else count // 2


# ----------------------------------------------------------------------------- graph builders

def build_nx(nodes, edges, directed, weighted):
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(nodes)
    for u, v, w in edges:
        if weighted:
            G.add_edge(u, v, weight=float(w), distance=1.0 / float(w))
        else:
            G.add_edge(u, v)
    return G


def build_ig(nodes, edges, directed, weighted):
    idx = {u: i for i, u in enumerate(nodes)}
    g = ig.Graph(n=len(nodes), edges=[(idx[u], idx[v]) for u, v, _ in edges], directed=directed)
    g.vs["name"] = list(nodes)
    if weighted:
        g.es["weight"] = [float(w) for _, _, w in edges]
        g.es["distance"] = [1.0 / float(w) for _, _, w in edges]
    return g


def relabel(G, rng, prefix):
    """Shuffle node ids so that components and isolates interleave in the node list."""
    perm = rng.permutation(G.number_of_nodes())
    old = list(G.nodes())
    mapping = {old[i]: f"{prefix}{int(perm[i]) + 1:02d}" for i in range(len(old))}
    H = nx.relabel_nodes(G, mapping)
    nodes = sorted(H.nodes())
    return H, nodes


def edge_list(H, nodes):
    pos = {u: i for i, u in enumerate(nodes)}
    out = []
    for u, v in H.edges():
        if not H.is_directed() and pos[u] > pos[v]:
            u, v = v, u
        out.append((u, v))
    out.sort(key=lambda e: (pos[e[0]], pos[e[1]]))
    return [[u, v, 1] for u, v in out]


def gen_a(rng):
    for seed in range(10_000):
        G = nx.gnp_random_graph(30, 0.075, seed=seed)
        comps = sorted((len(c) for c in nx.connected_components(G)), reverse=True)
        nontrivial = [c for c in comps if c > 1]
        if (comps.count(1) == 2 and len(nontrivial) == 2 and nontrivial[1] >= 4
                and nx.transitivity(G) > 0 and not nx.is_bipartite(G)):
            H, nodes = relabel(G, rng, "a")
            desc = (f"networkx gnp_random_graph(30, 0.075, seed={seed}) (first seed giving exactly 2 isolates "
                    f"and 2 non-trivial components, the smaller with >= 4 nodes, with triangles and not bipartite), "
                    f"node ids shuffled")
            return nodes, edge_list(H, nodes), desc
    raise RuntimeError("no seed for graph a")


def gen_b(rng):
    for seed in range(10_000):
        G = nx.gnp_random_graph(32, 0.12, seed=1000 + seed)
        if nx.is_connected(G):
            H, nodes = relabel(G, rng, "b")
            edges = edge_list(H, nodes)
            for e in edges:
                e[2] = float(rng.choice([0.5, 1.0, 2.0, 4.0]))
            desc = (f"networkx gnp_random_graph(32, 0.12, seed={1000 + seed}) (first connected), ids shuffled, "
                    f"weights drawn uniformly from {{0.5, 1, 2, 4}} with numpy default_rng({MASTER_SEED})")
            return nodes, edges, desc
    raise RuntimeError("no seed for graph b")


def gen_c(rng):
    for seed in range(10_000):
        G = nx.gnp_random_graph(36, 0.1, seed=2000 + seed)
        if nx.is_connected(G):
            H, nodes = relabel(G, rng, "c")
            edges = edge_list(H, nodes)
            for e in edges:
                e[2] = max(0.001, round(float(rng.lognormal(0.0, 0.75)), 3))
            desc = (f"networkx gnp_random_graph(36, 0.1, seed={2000 + seed}) (first connected), ids shuffled, "
                    f"weights max(0.001, round(lognormal(0, 0.75), 3)) with numpy default_rng({MASTER_SEED})")
            return nodes, edges, desc
    raise RuntimeError("no seed for graph c")


def gen_d(rng):
    for seed in range(10_000):
        r = random.Random(3000 + seed)
        G = nx.gnp_random_graph(29, 0.055, seed=3000 + seed, directed=True)
        for u, v in list(G.edges()):
            if r.random() < 0.3:
                G.add_edge(v, u)
        if not nx.is_weakly_connected(G) or nx.is_strongly_connected(G):
            continue
        rec = nx.overall_reciprocity(G)
        if not (0.2 <= rec <= 0.5) or nx.number_strongly_connected_components(G) < 4:
            continue
        G.add_node(29)  # the isolate
        H, nodes = relabel(G, rng, "d")
        desc = (f"networkx gnp_random_graph(29, 0.055, seed={3000 + seed}, directed=True), each arc reciprocated "
                f"with probability 0.3 (random.Random({3000 + seed})); first seed that is weakly but not strongly "
                f"connected with reciprocity in [0.2, 0.5]; plus one isolate; ids shuffled")
        return nodes, edge_list(H, nodes), desc
    raise RuntimeError("no seed for graph d")


def gen_e(rng):
    for seed in range(10_000):
        r = random.Random(4000 + seed)
        G = nx.gnp_random_graph(26, 0.09, seed=4000 + seed, directed=True)
        for u, v in list(G.edges()):
            if r.random() < 0.25:
                G.add_edge(v, u)
        if not nx.is_strongly_connected(G):
            continue
        H, nodes = relabel(G, rng, "e")
        edges = edge_list(H, nodes)
        for e in edges:
            e[2] = int(rng.choice([1, 2, 3]))
        desc = (f"networkx gnp_random_graph(26, 0.09, seed={4000 + seed}, directed=True), arcs reciprocated with "
                f"probability 0.25 (random.Random({4000 + seed})); first strongly connected seed; ids shuffled; "
                f"weights uniform from {{1, 2, 3}} with numpy default_rng({MASTER_SEED})")
        return nodes, edges, desc
    raise RuntimeError("no seed for graph e")


# ----------------------------------------------------------------------------- metrics

def evc_numpy(G, weight=None):
    with fixed_arpack_start():
        return nx.eigenvector_centrality_numpy(G, weight=weight)


def katz_block(nm, tol, G, A, n, nodes, w, lam_max, check, igdict):
    kz = nx.katz_centrality_numpy(G, alpha=0.05, beta=1.0, normalized=True, weight=w)
    nm["katz"] = {u: float(kz[u]) for u in nodes}
    kp = nx.katz_centrality(G, alpha=0.05, beta=1.0, normalized=True, weight=w, max_iter=100000, tol=1e-15)
    ks = np.linalg.solve(np.eye(n) - 0.05 * A.T, np.ones(n))
    ks = ks / np.linalg.norm(ks)
    r1 = check("katz", nm["katz"], {u: float(kp[u]) for u in nodes}, "numpy vs networkx power iteration")
    r2 = check("katz", nm["katz"], igdict([float(x) for x in ks]), "numpy vs direct solve")
    tol["katz"] = (f"no igraph counterpart; katz_centrality_numpy vs networkx power iteration {fmt(r1)} max rel, vs "
                   f"direct solve of (I - 0.05 A^T) x = 1 {fmt(r2)} (spectral radius {lam_max:.4g}, 1/alpha = 20)")



def compute(nodes, edges, directed, weighted):
    """All metrics of the schema, with igraph / exact cross-checks.

    Returns node_metrics, graph_metrics, tolerance, notes, extra (diagnostics)."""
    n = len(nodes)
    G = build_nx(nodes, edges, directed, weighted)
    g = build_ig(nodes, edges, directed, weighted)
    UG = G.to_undirected() if directed else G
    ug = g.as_undirected(mode="collapse") if directed else g
    w = "weight" if weighted else None
    dist = "distance" if weighted else None
    igw = g.es["weight"] if weighted else None
    igd = g.es["distance"] if weighted else None
    mode_in = "in" if directed else "all"
    random.seed(42)  # igraph's RNG (ARPACK start vectors) is Python's random module
    nm, gm, tol, notes, extra = {}, {}, {}, [], {}

    def igdict(values):
        return {u: values[i] for i, u in enumerate(nodes)}

    def check(metric, ours, other, what="networkx vs igraph"):
        r = rel_diff(ours, other, max(maxabs(ours), maxabs(other), 1e-300))
        extra[f"{metric}: {what}"] = r
        return r

    # degree / strength
    nm["degree"] = {u: int(d) for u, d in G.degree()}
    tol["degree"] = check("degree", nm["degree"], igdict(g.degree(mode="all")))
    if directed:
        nm["in_degree"] = {u: int(d) for u, d in G.in_degree()}
        nm["out_degree"] = {u: int(d) for u, d in G.out_degree()}
        tol["in_degree"] = check("in_degree", nm["in_degree"], igdict(g.degree(mode="in")))
        tol["out_degree"] = check("out_degree", nm["out_degree"], igdict(g.degree(mode="out")))
    if weighted:
        nm["strength"] = {u: float(d) for u, d in G.degree(weight="weight")}
        tol["strength"] = check("strength", nm["strength"], igdict(g.strength(mode="all", weights=igw)))
        if directed:
            nm["in_strength"] = {u: float(d) for u, d in G.in_degree(weight="weight")}
            nm["out_strength"] = {u: float(d) for u, d in G.out_degree(weight="weight")}
            tol["in_strength"] = check("in_strength", nm["in_strength"], igdict(g.strength(mode="in", weights=igw)))
            tol["out_strength"] = check("out_strength", nm["out_strength"], igdict(g.strength(mode="out", weights=igw)))

    # exact rational reference for path-based measures
    ex_dist, ex_bc = exact_paths(nodes, edges, directed, weighted)
    ex_bc = {u: float(b) for u, b in ex_bc.items()}
    ex_clo, ex_har = exact_closeness_harmonic(nodes, ex_dist)
    extra["tie_pairs"] = tie_pairs(nodes, edges, directed, weighted)

    # betweenness
    nx_b = nx.betweenness_centrality(G, normalized=False, weight=dist)
    ig_b = igdict(g.betweenness(directed=directed, weights=igd))
    r_ig_nx = check("betweenness", nx_b, ig_b)
    r_ig_ex = check("betweenness", ig_b, ex_bc, "igraph vs exact rational")
    r_nx_ex = check("betweenness", nx_b, ex_bc, "networkx vs exact rational")
    if weighted:
        nm["betweenness"] = {u: float(ig_b[u]) for u in nodes}
        differing = {u: (nx_b[u], ig_b[u]) for u in nodes if abs(nx_b[u] - ig_b[u]) > 1e-9 * max(1.0, abs(ig_b[u]))}
        if differing:
            tol["betweenness"] = (
                f"value = igraph (== exact rational Brandes within {fmt(r_ig_ex)} rel); networkx differs at "
                f"{len(differing)} node(s), max rel {fmt(r_ig_nx)}, because it misses weighted ties in float sums "
                f"of 1/w: see notes")
            notes.append(
                "Weighted betweenness: networkx (float sums of 1/w compared exactly) differs from igraph/exact at "
                + ", ".join(f"{u}: networkx {a!r} vs igraph {b!r}" for u, (a, b) in differing.items()) + ".")
        else:
            tol["betweenness"] = r_ig_nx
            notes.append(
                f"Weighted betweenness: {extra['tie_pairs']} node pairs have tied shortest paths (exact arithmetic); "
                f"networkx and igraph agree (max rel {fmt(r_ig_nx)}) and equal the exact rational Brandes "
                f"(max rel {fmt(r_ig_ex)})" + (" because all 1/w are dyadic (sums exact in binary floating point)."
                                               if all(math.log2(float(e[2])).is_integer() for e in edges) else "."))
    else:
        nm["betweenness"] = {u: float(nx_b[u]) for u in nodes}
        tol["betweenness"] = r_ig_nx
        assert r_nx_ex < 1e-12, ("unweighted betweenness vs exact", r_nx_ex)
    assert r_ig_ex < 1e-12, ("igraph betweenness vs exact", r_ig_ex)
    denom = (n - 1) * (n - 2) if directed else (n - 1) * (n - 2) / 2
    nm["betweenness_normalized"] = {u: nm["betweenness"][u] / denom for u in nodes}
    tol["betweenness_normalized"] = "derived: betweenness / " + ("((n-1)(n-2))" if directed else "((n-1)(n-2)/2)")

    # closeness (networkx wf_improved, incoming distances)
    nx_c = nx.closeness_centrality(G, distance=dist, wf_improved=True)
    nm["closeness"] = {u: float(nx_c[u]) for u in nodes}
    ig_c_raw = g.closeness(mode=mode_in, weights=igd, normalized=True)
    reach_in = {u: sum(1 for v in nodes if v != u and u in ex_dist[v]) for u in nodes}
    ig_c = {}
    for i, u in enumerate(nodes):
        c = ig_c_raw[i]
        ig_c[u] = 0.0 if reach_in[u] == 0 or math.isnan(c) else c * reach_in[u] / (n - 1)
    r = check("closeness", nm["closeness"], ig_c)
    r_ex = check("closeness", nm["closeness"], ex_clo, "networkx vs exact rational")
    connected_all = all(reach_in[u] == n - 1 for u in nodes)
    tol["closeness"] = r if connected_all else (
        f"{fmt(r)} max rel vs igraph closeness(mode={mode_in!r}) x (r-1)/(n-1) (igraph ignores unreachable nodes and "
        f"gives NaN for nodes nobody reaches; networkx gives 0 there); exact rational check {fmt(r_ex)}")

    # harmonic
    nx_h = nx.harmonic_centrality(G, distance=dist)
    nm["harmonic"] = {u: float(nx_h[u]) for u in nodes}
    ig_h = igdict(g.harmonic_centrality(mode=mode_in, weights=igd, normalized=False))
    tol["harmonic"] = check("harmonic", nm["harmonic"], ig_h)
    check("harmonic", nm["harmonic"], ex_har, "networkx vs exact rational")

    # eigenvector
    A = nx.to_numpy_array(G, nodelist=nodes, weight=w)  # A[i,j] = weight of i->j
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ig_e = g.eigenvector_centrality(directed=True, scale=True, weights=igw)
    extra["igraph warnings"] = [str(c.message).split(" Location")[0] for c in caught]
    ig_e = np.array(ig_e) / np.linalg.norm(ig_e)
    ig_e = igdict([float(x) for x in ig_e])
    if directed:
        if nx.is_strongly_connected(G):
            e = evc_numpy(G, weight=w)
            nm["eigenvector"] = clean_noise({u: float(e[u]) for u in nodes})
            tol["eigenvector"] = check("eigenvector", nm["eigenvector"], ig_e)
        else:
            nm["eigenvector"] = {u: None for u in nodes}
            tol["eigenvector"] = "null: not well defined (graph not strongly connected; networkx raises AmbiguousSolution)"
            notes.append("eigenvector is null: directed graph is not strongly connected, so the principal left "
                         "eigenvector is not strictly positive/unique in general and networkx "
                         "eigenvector_centrality_numpy raises AmbiguousSolution.")
    else:
        comps = [sorted(c, key=nodes.index) for c in nx.connected_components(G)]
        if len(comps) == 1:
            e = evc_numpy(G, weight=w)
            nm["eigenvector"] = {u: float(e[u]) for u in nodes}
            tol["eigenvector"] = check("eigenvector", nm["eigenvector"], ig_e)
        else:
            lams = []
            for c in comps:
                sub = nx.to_numpy_array(G.subgraph(c), weight=w)
                lams.append(float(np.max(np.linalg.eigvalsh(sub))) if len(c) > 1 else 0.0)
            order = sorted(range(len(comps)), key=lambda i: -lams[i])
            gap = (lams[order[0]] - lams[order[1]]) / lams[order[0]]
            if gap > 1e-6:
                dom = comps[order[0]]
                D = G.__class__()
                D.add_nodes_from(dom)
                D.add_edges_from((u, v, d) for u, v, d in G.edges(data=True) if u in D and v in D)
                e = evc_numpy(D, weight=w)
                vec = {u: float(e[u]) if u in e else 0.0 for u in nodes}
                nm["eigenvector"] = vec
                pw = nx.eigenvector_centrality(G, max_iter=100000, tol=1e-15, weight=w)
                r_pw = check("eigenvector", vec, clean_noise({u: float(pw[u]) for u in nodes}),
                             "padded numpy vs networkx power iteration")
                # dense eigh of the full matrix
                vals, vecs = np.linalg.eigh(A)
                v0 = vecs[:, -1] * np.sign(vecs[:, -1].sum())
                r_dense = check("eigenvector", vec, clean_noise(igdict([float(x) for x in v0])), "vs numpy eigh")
                tol["eigenvector"] = (
                    f"{fmt(rel_diff(vec, clean_noise(ig_e), 1.0))} max rel vs igraph (rescaled to unit L2, noise "
                    f"zeroed); vs networkx power iteration {fmt(r_pw)}; vs numpy.linalg.eigh {fmt(r_dense)}")
                notes.append(
                    f"eigenvector: graph is disconnected, networkx eigenvector_centrality_numpy raises "
                    f"AmbiguousSolution. The largest adjacency eigenvalue {lams[order[0]]!r} (component of "
                    f"{len(dom)} nodes) is simple (next component {lams[order[1]]!r}), so the unit-L2 principal "
                    f"eigenvector is unique: written = eigenvector_centrality_numpy of that component, exactly 0 "
                    f"elsewhere (networkx power-iteration eigenvector_centrality agrees, with ~0 off the component). "
                    f"Treat as 'defined but degenerate'.")
            else:
                nm["eigenvector"] = {u: None for u in nodes}
                tol["eigenvector"] = "null: leading eigenvalue not simple (disconnected)"
                notes.append("eigenvector null: disconnected graph whose components share the largest eigenvalue.")

    # pagerank
    pr = nx.pagerank(G, alpha=0.85, tol=1e-13, weight=w, max_iter=100000)
    nm["pagerank"] = {u: float(pr[u]) for u in nodes}
    ig_pr = igdict(g.pagerank(damping=0.85, weights=igw, directed=directed))
    tol["pagerank"] = check("pagerank", nm["pagerank"], ig_pr)
    # exact linear solve: x = 0.85 (P^T x + dangling mass/n) + 0.15/n
    out = A.sum(axis=1)
    P = np.divide(A, out[:, None], out=np.zeros_like(A), where=out[:, None] > 0)
    dang = (out == 0).astype(float)
    M = 0.85 * (P.T + np.outer(np.ones(n), dang) / n) + 0.15 / n * np.ones((n, n))
    vals, vecs = np.linalg.eig(M)
    k = int(np.argmin(abs(vals - 1)))
    pv = np.real(vecs[:, k])
    pv = pv / pv.sum()
    check("pagerank", nm["pagerank"], igdict([float(x) for x in pv]), "networkx vs dense eigen solve")

    # katz
    lam_max = float(max(abs(np.linalg.eigvals(A)))) if n else 0.0
    if 0.05 * lam_max >= 1:
        nm["katz"] = {u: None for u in nodes}
        tol["katz"] = f"null: alpha=0.05 >= 1/spectral radius (spectral radius {lam_max!r})"
        notes.append(f"katz is null: the weighted adjacency spectral radius is {lam_max!r} > 1/alpha = 20, so the Katz "
                     f"series diverges (networkx katz_centrality fails to converge; the numpy solve gives a meaningless "
                     f"vector).")
    else:
        katz_block(nm, tol, G, A, n, nodes, w, lam_max, check, igdict)

    # hits
    s = np.linalg.svd(A, compute_uv=False)
    sv_gap = (s[0] - s[1]) / s[0] if len(s) > 1 and s[0] > 0 else 1.0
    extra["hits_singular_gap"] = float(sv_gap)
    if sv_gap > 1e-8:
        ones = {u: 1.0 for u in nodes}
        h, a = nx.hits(G, max_iter=100000, tol=1e-13, nstart=ones, normalized=True)
        nm["hub"] = clean_noise({u: float(h[u]) for u in nodes})
        nm["authority"] = clean_noise({u: float(a[u]) for u in nodes})
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            ih = np.array(g.hub_score(weights=igw, scale=False))
            ia = np.array(g.authority_score(weights=igw, scale=False))
        extra["igraph warnings"] += [str(c.message).split(" Location")[0] for c in caught
                                     if "requested for undirected" not in str(c.message)]
        ih, ia = ih / ih.sum(), ia / ia.sum()
        tol["hub"] = check("hub", nm["hub"], clean_noise(igdict([float(x) for x in ih])))
        tol["authority"] = check("authority", nm["authority"], clean_noise(igdict([float(x) for x in ia])))
        np.random.seed(7)
        h2, a2 = nx.hits(G, max_iter=100000, tol=1e-13, normalized=True)
        check("hub", nm["hub"], clean_noise({u: float(h2[u]) for u in nodes}), "networkx ones vs random ARPACK start (varies per run)")
        if not directed:
            assert rel_diff(nm["hub"], nm["authority"], 1.0) < 1e-9
        zh = sum(1 for v in nm["hub"].values() if v == 0.0)
        za = sum(1 for v in nm["authority"].values() if v == 0.0)
        if zh or za:
            notes.append(
                f"hub/authority: {zh} hub and {za} authority scores are exactly 0 (structural: the node lies outside the "
                f"dominant block of A A^T resp. A^T A, e.g. no out-/in-arcs or isolated). igraph warns that many zeros "
                f"may mean a non-unique solution, but the top singular value of A is simple here (relative gap "
                f"{sv_gap:.3g}), so the vectors are unique; a power iteration from all-ones converges to them.")
    else:
        nm["hub"] = {u: None for u in nodes}
        nm["authority"] = {u: None for u in nodes}
        tol["hub"] = tol["authority"] = "null: top singular value of A not simple, HITS vectors not unique"
        notes.append(
            f"hub/authority null: the two largest singular values of the adjacency matrix coincide "
            f"({float(s[0])!r}, {float(s[1])!r}), so A^T A has a repeated top eigenvalue and HITS is not unique (networkx returns "
            f"an arbitrary vector from that eigenspace, depending on ARPACK's random start). Undirected bipartite "
            f"graphs always hit this (eigenvalues +-lambda).")

    # core number
    cn = nx.core_number(nx.Graph(G) if not directed else nx.DiGraph(G))
    nm["core_number"] = {u: int(cn[u]) for u in nodes}
    tol["core_number"] = check("core_number", nm["core_number"], igdict(g.coreness(mode="all")))

    # clustering (undirected view, unweighted)
    cl = nx.clustering(nx.Graph(UG))
    nm["clustering"] = {u: float(cl[u]) for u in nodes}
    tol["clustering"] = check("clustering", nm["clustering"], igdict(ug.transitivity_local_undirected(mode="zero")))

    # articulation points
    ap = set(nx.articulation_points(UG))
    nm["articulation_point"] = {u: int(u in ap) for u in nodes}
    iap = {nodes[i] for i in ug.articulation_points()}
    tol["articulation_point"] = 0.0 if iap == ap else f"DIFFERS: igraph {sorted(iap)}"

    # ------------------------------------------------------------------ graph metrics
    gm["nodes"] = n
    gm["relations"] = G.number_of_edges()
    gm["density"] = nx.density(G)
    tol["density"] = check("density", {"x": gm["density"]}, {"x": g.density(loops=False)})
    if directed:
        gm["reciprocity"] = nx.overall_reciprocity(G)
        tol["reciprocity"] = check("reciprocity", {"x": gm["reciprocity"]}, {"x": g.reciprocity(ignore_loops=True)})
        gm["components"] = nx.number_weakly_connected_components(G)
        gm["strong_components"] = nx.number_strongly_connected_components(G)
        assert gm["strong_components"] == len(g.connected_components(mode="strong"))
    else:
        gm["components"] = nx.number_connected_components(G)
    assert gm["components"] == len(g.connected_components(mode="weak"))
    gm["transitivity"] = nx.transitivity(nx.Graph(UG))
    tol["transitivity"] = check("transitivity", {"x": gm["transitivity"]}, {"x": ug.transitivity_undirected()})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        da = nx.degree_assortativity_coefficient(G)
    gm["degree_assortativity"] = None if da is None or math.isnan(da) else float(da)
    ida = g.assortativity_degree(directed=directed)
    if gm["degree_assortativity"] is None:
        tol["degree_assortativity"] = "null: degree variance 0 (networkx NaN)"
    else:
        tol["degree_assortativity"] = check("degree_assortativity", {"x": gm["degree_assortativity"]}, {"x": ida})

    def centralization(values, denom):
        m = max(values)
        return sum(m - x for x in values) / denom

    if directed:
        gm["in_degree_centralization"] = centralization(list(nm["in_degree"].values()), (n - 1) ** 2)
        gm["out_degree_centralization"] = centralization(list(nm["out_degree"].values()), (n - 1) ** 2)
        gm["betweenness_centralization"] = centralization(list(nm["betweenness"].values()), (n - 1) ** 2 * (n - 2))
        gm["closeness_centralization"] = None
        notes.append("Directed graph: degree_centralization is omitted; in_degree_centralization and "
                     "out_degree_centralization use denominator (n-1)^2. closeness_centralization is null (defined "
                     "for undirected connected graphs only).")
    else:
        gm["degree_centralization"] = centralization(list(nm["degree"].values()), (n - 1) * (n - 2))
        gm["betweenness_centralization"] = centralization(
            list(nm["betweenness"].values()), (n - 1) ** 2 * (n - 2) / 2)
        if nx.is_connected(G):
            gm["closeness_centralization"] = centralization(
                list(nm["closeness"].values()), (n - 1) * (n - 2) / (2 * n - 3))
        else:
            gm["closeness_centralization"] = None
            notes.append("closeness_centralization is null: graph is disconnected.")
        if weighted and gm["closeness_centralization"] is not None:
            notes.append("closeness_centralization on this weighted graph uses the weighted closeness (distance 1/w) "
                         "with Freeman's unweighted star normalisation (n-1)(n-2)/(2n-3); it is a formula check, not "
                         "bounded by 1 in general.")
    tol["centralizations"] = "formula on the fixture's own node values (no independent library)"
    gm["gini_degree"] = gini(nm["degree"].values())
    gm["gini_betweenness"] = gini(nm["betweenness"].values())
    for key, metric in (("gini_degree", "degree"), ("gini_betweenness", "betweenness")):
        alt = gini_sorted(nm[metric].values())
        extra[f"{key}: pairwise vs sorted formula"] = (
            0.0 if gm[key] is None and alt is None else abs(gm[key] - alt) / max(abs(gm[key]), 1e-300))
    tol["gini"] = (f"pairwise formula vs sorted-rank formula max rel "
                   f"{fmt(max(extra['gini_degree: pairwise vs sorted formula'], extra['gini_betweenness: pairwise vs sorted formula']))}")

    comms = nx.community.louvain_communities(G, weight=w, resolution=1, seed=42)
    gm["modularity_louvain_networkx"] = nx.community.modularity(G, comms, weight=w, resolution=1)
    memb = [0] * n
    for ci, c in enumerate(comms):
        for u in c:
            memb[nodes.index(u)] = ci
    q_ig = g.modularity(memb, weights=igw, directed=directed)
    r_mod = check("modularity_louvain_networkx", {"x": gm["modularity_louvain_networkx"]}, {"x": q_ig},
                  "networkx vs igraph modularity of the same partition")
    random.seed(42)
    lc = g.community_leiden(objective_function="modularity", weights=igw, resolution=1, n_iterations=-1)
    gm["modularity_leiden_igraph"] = g.modularity(lc.membership, weights=igw, directed=directed)
    parts = [{nodes[i] for i in c} for c in lc]
    q_nx = nx.community.modularity(G, parts, weight=w)
    r_lei = rel_diff({"x": gm["modularity_leiden_igraph"]}, {"x": q_nx}, 1.0)
    extra["modularity_leiden_igraph: igraph vs networkx modularity of the same partition"] = r_lei
    tol["modularity"] = (f"quality floor only (an implementation should reach >= these values minus ~1e-9); "
                         f"networkx vs igraph modularity of the same partition: Louvain {fmt(r_mod)}, "
                         f"Leiden {fmt(r_lei)} rel" + ("; directed modularity (igraph 1.0 Leiden has a directed "
                                                      "variant)" if directed else ""))
    for k, v in gm.items():
        if v is not None and k not in ("nodes", "relations", "components", "strong_components"):
            gm[k] = float(v)
    return nm, gm, tol, notes, extra


# ----------------------------------------------------------------------------- fixture assembly

COMMON_NOTES = [
    "Weights are tie strengths; path-based measures (betweenness, closeness, harmonic) use distance = 1/weight.",
    "closeness = networkx closeness_centrality(wf_improved=True) = ((r-1)/(n-1)) * (r-1)/sum d, r = nodes that reach u "
    "incl. u; 0 for nodes nobody reaches. On directed graphs networkx uses INCOMING distances d(v->u) (igraph mode='in').",
    "harmonic = networkx harmonic_centrality, raw sum of 1/d; on directed graphs also INCOMING distances d(v->u) "
    "(networkx loops over sources v and adds 1/d(v,u) to u).",
    "betweenness: raw (undirected = unordered pairs = igraph betweenness(); directed = ordered pairs). Weighted graphs: "
    "igraph's value (epsilon comparison of path lengths, exact on ties); verified against exact rational arithmetic.",
    "hub/authority: networkx hits(normalized=True, tol=1e-13), each sums to 1; networkx hits always uses the 'weight' "
    "attribute when present, so weighted graphs give weighted HITS; undirected graphs: hub == authority.",
    "eigenvector: unit L2 norm, positive; directed = left eigenvector (in-edges); katz: alpha=0.05, beta=1, unit L2, "
    "in-edges on directed graphs; pagerank: alpha=0.85, tol=1e-13, dangling nodes jump uniformly.",
    "core_number ignores weights (directed: in+out degree); clustering and articulation_point use the undirected view "
    "(unweighted).",
    f"Eigen-solver outputs (eigenvector, hub, authority) have |x| < {ZERO_NOISE:g}*max|x| set to exactly 0; networkx's "
    "ARPACK calls were given an all-ones start vector (instead of a random one) so that the digits are reproducible.",
    "modularity_* are quality floors for a community-detection implementation, not exact targets.",
]


def fixture(name, source, nodes, edges, directed, weighted, extra_notes=()):
    nm, gm, tol, notes, extra = compute(nodes, edges, directed, weighted)
    data = {
        "name": name,
        "source": source,
        "directed": directed,
        "weighted": weighted,
        "nodes": list(nodes),
        # weights as JSON floats (1.0, not 1) on weighted graphs, so that every JSON reader yields a double
        "edges": [[u, v, float(w) if weighted else 1] for u, v, w in edges],
        "node_metrics": nm,
        "graph_metrics": gm,
        "tolerance": tol,
        "notes": list(extra_notes) + notes + COMMON_NOTES,
    }
    return data, extra


def write(data):
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{data['name']}.json"
    with open(path, "w") as f:
        json.dump(data, f, indent=1, allow_nan=False, ensure_ascii=False)
        f.write("\n")
    return path


# ----------------------------------------------------------------------------- shared references

REF_NODE_MAP = {  # shared name -> our name (identical convention)
    "degree": "degree",
    "betweenness_raw": "betweenness",
    "betweenness_norm": "betweenness_normalized",
    "closeness": "closeness",
    "harmonic_raw": "harmonic",
    "eigenvector_l2": "eigenvector",
    "pagerank": "pagerank",
    "katz": "katz",
    "core_number": "core_number",
    "clustering": "clustering",
}
REF_GRAPH_MAP = {
    "n": "nodes",
    "m": "relations",
    "density": "density",
    "transitivity": "transitivity",
    "degree_assortativity": "degree_assortativity",
    "freeman_degree_centralization": "degree_centralization",
    "freeman_betweenness_centralization": "betweenness_centralization",
    "freeman_closeness_centralization": "closeness_centralization",
    "gini_degree": "gini_degree",
    "gini_betweenness": "gini_betweenness",
}
WEIGHTED_NODE_MAP = {
    "strength": "strength",
    "closeness_dist_inv_w": "closeness",
    "pagerank_weighted": "pagerank",
    "eigenvector_weighted_l2": "eigenvector",
}


def convert_reference(fname, weighted_block=False):
    src = json.loads((SHARED / fname).read_text())
    directed = bool(src["directed"])
    assert not directed
    nodes = [str(u) for u in src["nodes"]]
    edges = []
    for e in src["edges"]:
        u, v = str(e[0]), str(e[1])
        wt = float(e[2]) if (weighted_block and len(e) > 2) else 1
        edges.append([u, v, wt])
    versions = ", ".join(f"{k} {v}" for k, v in src.get("generated_with", {}).items())
    name = f"ref_{src['graph']}" + ("_weighted" if weighted_block else "")
    source = (f"Copied from the project's shared reference file reference/{fname} "
              f"({'weighted block' if weighted_block else 'unweighted block'}); its source: {src['source']}; "
              f"computed there with {versions}. Numbers copied verbatim, then re-verified by "
              f"scripts/reference/generate_fixtures.py ({VERSIONS}).")
    mine, gm_mine, tol_mine, notes_mine, extra = compute(nodes, edges, False, weighted_block)
    nm, gm, tol, notes = {}, {}, {}, []
    un = src["node_metrics"]
    dropped_node = [k for k in un if k not in REF_NODE_MAP]
    dropped_graph = [k for k in src["graph_metrics"] if k not in REF_GRAPH_MAP]

    def copy_node(theirs, ours, block):
        nm[ours] = {u: block[theirs][u] for u in nodes}

    if not weighted_block:
        for theirs, ours in REF_NODE_MAP.items():
            if theirs in un:
                copy_node(theirs, ours, un)
        for theirs, ours in REF_GRAPH_MAP.items():
            if theirs in src["graph_metrics"]:
                gm[ours] = src["graph_metrics"][theirs]
        lv = src["graph_metrics"].get("louvain_networkx")
        if lv and lv.get("seed") == 42 and lv.get("weight") is None and lv.get("resolution", 1) == 1:
            gm["modularity_louvain_networkx"] = lv["modularity"]
        ld = src["graph_metrics"].get("leiden_igraph_modularity")
        if ld and ld.get("python_random_seed") == 42:
            gm["modularity_leiden_igraph"] = ld["modularity"]
        if "connected" in src["graph_metrics"]:
            gm["components"] = 1 if src["graph_metrics"]["connected"] else gm_mine["components"]
        notes.append("Dropped (convention differs from ours or not in our schema): node metrics "
                     + ", ".join(dropped_node) + "; graph metrics "
                     + ", ".join(k for k in dropped_graph if k not in ("louvain_networkx", "leiden_igraph_modularity"))
                     + ". Not in the shared file, so absent here: hub, authority, articulation_point.")
    else:
        wb = src["weighted"]
        wn = wb["node_metrics"]
        nm["degree"] = {u: un["degree"][u] for u in nodes}
        for theirs, ours in WEIGHTED_NODE_MAP.items():
            copy_node(theirs, ours, wn)
        for k in ("core_number", "clustering"):
            nm[k] = {u: un[k][u] for u in nodes}
        # betweenness: shared value is networkx's (misses weighted ties) -> use igraph (our convention)
        theirs_b = {u: wn["betweenness_raw_dist_inv_w"][u] for u in nodes}
        nm["betweenness"] = mine["betweenness"]
        n = len(nodes)
        nm["betweenness_normalized"] = {u: nm["betweenness"][u] / ((n - 1) * (n - 2) / 2) for u in nodes}
        diff = {u: (theirs_b[u], nm["betweenness"][u]) for u in nodes
                if abs(theirs_b[u] - nm["betweenness"][u]) > 1e-9 * max(1, abs(nm["betweenness"][u]))}
        notes.append(
            "betweenness / betweenness_normalized are NOT copied: the shared betweenness_raw_dist_inv_w is networkx's "
            "value, which misses ties in floating sums of 1/w (karate weights 1..7 give non-dyadic distances). "
            "Written: igraph betweenness(weights=1/w), equal to an exact rational Brandes. Shared (networkx) vs "
            "written at differing nodes: " + ", ".join(f"{u}: {a!r} vs {b!r}" for u, (a, b) in diff.items()) + ".")
        for k in ("nodes", "relations", "density", "transitivity", "degree_assortativity", "degree_centralization",
                  "gini_degree"):
            theirs = {v: k2 for k2, v in REF_GRAPH_MAP.items()}.get(k, k)
            gm[k] = src["graph_metrics"][{"nodes": "n", "relations": "m"}.get(k, theirs)]
        gm["components"] = 1 if src["graph_metrics"]["connected"] else gm_mine["components"]
        gm["betweenness_centralization"] = gm_mine["betweenness_centralization"]
        gm["gini_betweenness"] = gm_mine["gini_betweenness"]
        gm["closeness_centralization"] = gm_mine["closeness_centralization"]
        lv = wb["graph_metrics"].get("louvain_networkx_weighted")
        if lv and lv.get("seed") == 42 and lv.get("weight") == "weight":
            gm["modularity_louvain_networkx"] = lv["modularity"]
        notes.append(
            "Copied from the weighted block: strength, closeness (closeness_dist_inv_w), pagerank (pagerank_weighted), "
            "eigenvector (eigenvector_weighted_l2), modularity_louvain_networkx (louvain_networkx_weighted). degree, "
            "core_number, clustering, density, transitivity, degree_assortativity, degree_centralization, gini_degree "
            "are weight-free by our conventions and copied from the unweighted block. betweenness_centralization, "
            "gini_betweenness, closeness_centralization are computed by generate_fixtures.py from the written weighted "
            "betweenness/closeness. Dropped: betweenness_raw_weight_as_distance_WRONG_for_strengths (weight used as "
            "length), constraint_weighted, effective_size_weighted(_BUGGY), gini_strength; absent: harmonic, katz, "
            "hub, authority, articulation_point, modularity_leiden_igraph (not in the weighted block).")

    # verify every copied number against our computation
    worst = {}
    for k, vals in nm.items():
        r = rel_diff(vals, {u: mine[k][u] for u in nodes}, max(maxabs(vals), 1e-300))
        worst[k] = r
        assert r < 1e-9, (fname, k, r)
        tm = tol_mine.get(k, "derived")
        # copied values vs igraph <= (ours vs igraph) + (copied vs ours)
        tol[k] = tm if isinstance(tm, str) else tm + r
    for k, v in gm.items():
        if v is None or gm_mine.get(k) is None:
            assert v is None and gm_mine.get(k) is None, (fname, k, v, gm_mine.get(k))
            continue
        if k.startswith("modularity"):
            continue
        r = abs(v - gm_mine[k]) / max(abs(v), 1e-300)
        worst[k] = r
        assert r < 1e-9, (fname, k, v, gm_mine[k])
    for k in ("density", "transitivity", "degree_assortativity", "modularity", "centralizations", "gini"):
        if k in tol_mine:
            tol[k] = tol_mine[k]
    if "betweenness" in tol_mine and weighted_block:
        tol["betweenness"] = tol_mine["betweenness"]
    notes.append("Re-verified: every copied value equals this script's own networkx computation within max rel "
                 f"{fmt(max(worst.values()))} (eigenvector/pagerank differ only by solver tolerance).")
    notes.append("tolerance = max relative difference networkx vs igraph recomputed by generate_fixtures.py on this "
                 "graph plus the copied-vs-recomputed difference (the shared file's crosscheck_max_abs_diff are "
                 "absolute differences).")
    if nm.get("katz") is None and mine["katz"][nodes[0]] is None:
        notes.append(next(t for t in notes_mine if t.startswith("katz is null")).replace(
            "katz is null", "katz (absent from the shared file) is undefined here"))
    src_notes = src.get("conventions", {})
    if weighted_block:
        src_notes = {**src_notes, **src["weighted"].get("conventions", {})}
    notes.append("Shared file conventions (verbatim): " + "; ".join(f"{k}: {v}" for k, v in src_notes.items()))
    data = {
        "name": name,
        "source": source,
        "directed": False,
        "weighted": weighted_block,
        "nodes": nodes,
        "edges": edges,
        "node_metrics": nm,
        "graph_metrics": gm,
        "tolerance": tol,
        "notes": notes + [t for t in notes_mine if t.split()[0].rstrip(":") in {**nm, **gm}] + COMMON_NOTES,
    }
    return data, extra


# ----------------------------------------------------------------------------- main

def main():
    if os.environ.get("PYTHONHASHSEED") != "0":
        # networkx iterates sets in several places (harmonic_centrality sums over a set of sources, subgraph
        # views, Louvain); fix string hashing so that floating summation order, and so every digit, is reproducible
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, *sys.argv])
    if nx.__version__ != EXPECTED["networkx"] or ig.__version__ != EXPECTED["igraph"]:
        print(f"WARNING: expected networkx {EXPECTED['networkx']} / igraph {EXPECTED['igraph']}, "
              f"have {nx.__version__} / {ig.__version__}; numbers may differ in the last digits", file=sys.stderr)
    rng = np.random.default_rng(MASTER_SEED)
    prov = f"Generated by scripts/reference/generate_fixtures.py with {VERSIONS}. Graph: "
    specs = []
    nodes, edges, desc = gen_a(rng)
    specs.append(("gen_a_gnp_undirected", desc, nodes, edges, False, False, []))
    nodes, edges, desc = gen_b(rng)
    specs.append(("gen_b_weighted_ties", desc, nodes, edges, False, True, []))
    nodes, edges, desc = gen_c(rng)
    specs.append(("gen_c_weighted_lognormal", desc, nodes, edges, False, True, []))
    nodes, edges, desc = gen_d(rng)
    specs.append(("gen_d_directed", desc, nodes, edges, True, False, []))
    nodes, edges, desc = gen_e(rng)
    specs.append(("gen_e_directed_weighted", desc, nodes, edges, True, True, []))
    p5 = [str(i) for i in range(5)]
    specs.append(("gen_f_path5", "nx.path_graph(5): 0-1-2-3-4", p5,
                  [[str(i), str(i + 1), 1] for i in range(4)], False, False,
                  ["Hand check: betweenness 0,3,4,3,0; closeness 4/10,4/7,4/6,4/7,4/10; harmonic 25/12, 17/6, 3, 17/6, 25/12; pagerank/eigenvector/katz symmetric about node 2."]))
    specs.append(("gen_f_star5", "nx.star_graph(4): centre 0, leaves 1-4", p5,
                  [["0", str(i), 1] for i in range(1, 5)], False, False,
                  ["Hand check: betweenness centre 6 (normalized 1), leaves 0; degree/betweenness/closeness "
                   "centralization all 1; closeness centre 1, leaves 4/7."]))
    summary = []
    for name, desc, nodes, edges, directed, weighted, extra_notes in specs:
        data, extra = fixture(name, prov + desc, nodes, edges, directed, weighted, extra_notes)
        path = write(data)
        summary.append((name, data, extra))
        print(f"wrote {path.relative_to(ROOT)}")
    if SHARED.is_dir():
        for fname, wb in (("florentine.json", False), ("karate.json", False), ("karate.json", True),
                          ("star5.json", False), ("path5.json", False)):
            data, extra = convert_reference(fname, wb)
            path = write(data)
            summary.append((data["name"], data, extra))
            print(f"wrote {path.relative_to(ROOT)}")
    else:
        print(f"NOTE: {SHARED} not found; ref_* fixtures left as they are", file=sys.stderr)
    # cross-check summary
    print("\nCross-check summary (max relative differences):")
    for name, data, extra in summary:
        print(f"== {name}: n={len(data['nodes'])} m={len(data['edges'])} tie_pairs={extra.get('tie_pairs')} "
              f"hits_gap={extra.get('hits_singular_gap', float('nan')):.3g}")
        for k, v in extra.items():
            if k in ("tie_pairs", "hits_singular_gap"):
                continue
            print(f"   {k:<60} {fmt(v) if isinstance(v, float) else v}")
    # the generated path5/star5 must equal the converted shared ones
    by = {name: data for name, data, _ in summary}
    for a, b in (("gen_f_path5", "ref_path5"), ("gen_f_star5", "ref_star5")):
        if b in by:
            for k, vals in by[b]["node_metrics"].items():
                r = rel_diff(vals, by[a]["node_metrics"][k], max(maxabs(vals), 1e-300))
                assert r < 1e-9, (a, b, k, r)
            print(f"{a} agrees with {b} on all shared metrics")


if __name__ == "__main__":
    main()
