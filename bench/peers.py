"""Run one measure with one peer library on one edge list and write the per-node values.

Usage: python peers.py igraph|networkit MEASURE EDGELIST OUT.csv
The whole process is timed by the caller (load + measure + write), like netan's run.
Conventions match netan's (see bench/README.md): weights are strengths, distances 1/w.
"""
import sys

tool, measure, path, out = sys.argv[1:5]


def write(values):
    with open(out, "w") as f:
        for i, v in enumerate(values):
            f.write(f"{i},{v!r}\n")


def load_edges():
    us, vs, ws = [], [], []
    with open(path) as f:
        for line in f:
            a, b, w = line.split()
            us.append(int(a)); vs.append(int(b)); ws.append(float(w))
    return us, vs, ws


if tool == "igraph":
    import igraph as ig
    g = ig.Graph.Read_Ncol(path, names=True, weights=True, directed=False)
    # Read_Ncol numbers vertices by first appearance; report by original id.
    ids = [int(x) for x in g.vs["name"]]
    w = g.es["weight"]
    dist = [1.0 / x for x in w]
    if measure == "load":
        values = g.degree()
    elif measure == "components":
        values = g.connected_components().membership
    elif measure == "kcore":
        values = g.coreness()
    elif measure == "pagerank":
        values = g.pagerank(weights=w)
    elif measure == "louvain":
        c = g.community_multilevel(weights=w)
        values = c.membership
        print(f"modularity {g.modularity(c.membership, weights=w)}")
    elif measure == "betweenness":
        values = g.betweenness()
    elif measure == "betweenness_weighted":
        values = g.betweenness(weights=dist)
    elif measure == "closeness":
        values = g.closeness()
    elif measure == "harmonic":
        values = g.harmonic_centrality(normalized=False)
    else:
        raise SystemExit(f"unknown measure {measure}")
    order = sorted(range(len(ids)), key=lambda i: ids[i])
    write([values[i] for i in order])
elif tool == "networkit":
    import networkit as nk
    nk.setNumberOfThreads(2)
    reader = nk.graphio.EdgeListReader(" ", 0, continuous=False, directed=False)
    g = reader.read(path)
    mapping = reader.getNodeMap()
    ids = {v: int(k) for k, v in mapping.items()}
    if measure in ("load",):
        values = [g.degree(u) for u in range(g.numberOfNodes())]
    elif measure == "components":
        cc = nk.components.ConnectedComponents(g); cc.run()
        values = [cc.componentOfNode(u) for u in range(g.numberOfNodes())]
    elif measure == "kcore":
        gu = nk.graphtools.toUnweighted(g)
        kc = nk.centrality.CoreDecomposition(gu); kc.run(); values = kc.scores()
    elif measure == "pagerank":
        pr = nk.centrality.PageRank(g, tol=1e-12); pr.run(); values = pr.scores()
    elif measure == "louvain":
        plm = nk.community.PLM(g, refine=True); plm.run()
        part = plm.getPartition()
        values = [part[u] for u in range(g.numberOfNodes())]
        print(f"modularity {nk.community.Modularity().getQuality(part, g)}")
    elif measure in ("betweenness", "betweenness_weighted"):
        h = g if measure == "betweenness_weighted" else nk.graphtools.toUnweighted(g)
        if measure == "betweenness_weighted":
            h = nk.Graph(g.numberOfNodes(), weighted=True)
            for u, v, w in g.iterEdgesWeights():
                h.addEdge(u, v, 1.0 / w)
        b = nk.centrality.Betweenness(h); b.run()
        values = [x / 2 for x in b.scores()]     # networkit counts ordered pairs
    elif measure == "closeness":
        h = nk.graphtools.toUnweighted(g)
        c = nk.centrality.Closeness(h, True, nk.centrality.ClosenessVariant.GENERALIZED); c.run(); values = c.scores()
    elif measure == "harmonic":
        h = nk.graphtools.toUnweighted(g)
        c = nk.centrality.HarmonicCloseness(h, False); c.run(); values = c.scores()
    else:
        raise SystemExit(f"unknown measure {measure}")
    order = sorted(range(len(values)), key=lambda u: ids[u])
    write([values[u] for u in order])
