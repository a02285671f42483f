"""Read netan's outputs with the peers' own readers and compare with the source network.

Usage: python3 scripts/interop/check_with_peers.py DIR
DIR holds files netan wrote from datasets/breda-illustratief: net.graphml, net.gexf,
node-link.json, net.xlsx, and source.json (netan's native JSON of the same network).
Prints one line per check and "N passed, N failed"; exits 1 on any failure, 3 when
networkx or openpyxl is missing (the caller may skip then).
"""
import json
import sys

try:
    import networkx as nx
    import openpyxl
except ImportError as error:  # pragma: no cover
    print(f"skipped: {error}")
    sys.exit(3)

folder = sys.argv[1]
source = json.load(open(f"{folder}/source.json", encoding="utf-8"))
actors = {a["id"]: a for a in source["actors"]}
relations = source["relations"]
passed = failed = 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def compare(label, g):
    """The relations as netan wrote them. In GraphML of a network that mixes directed and
    undirected ties, an undirected tie is written as two arcs so that networkx traverses it both
    ways; the second arc carries netan_mirror=True and is not a relation of its own."""
    edges = [(u, v, d) for u, v, d in g.edges(data=True) if not d.get("netan_mirror")]
    check(f"{label}: actors", set(map(str, g.nodes)) == set(actors), f"{len(g.nodes)} vs {len(actors)}")
    check(f"{label}: relations", len(edges) == len(relations), f"{len(edges)} vs {len(relations)}")
    types_ok = all(g.nodes[a].get("type") == actors[a]["type"] for a in actors)
    check(f"{label}: actor types", types_ok)
    names_ok = all(g.nodes[a].get("name", g.nodes[a].get("label")) == actors[a]["name"] for a in actors)
    check(f"{label}: actor names", names_ok)
    weights = sorted(float(d.get("weight", 1)) for _, _, d in edges)
    check(f"{label}: weights", weights == sorted(float(r["weight"]) for r in relations))
    rtypes = sorted(d.get("type", d.get("label")) for _, _, d in edges)
    check(f"{label}: relation types", rtypes == sorted(r["type"] for r in relations))


compare("graphml", nx.read_graphml(f"{folder}/net.graphml", force_multigraph=True))
compare("gexf", nx.read_gexf(f"{folder}/net.gexf"))
with open(f"{folder}/node-link.json", encoding="utf-8") as f:
    compare("node-link", nx.node_link_graph(json.load(f), edges="links"))

wb = openpyxl.load_workbook(f"{folder}/net.xlsx")
check("xlsx: sheets", {"actors", "relations", "network"} <= set(wb.sheetnames), str(wb.sheetnames))
rows = list(wb["actors"].iter_rows(values_only=True))
header = rows[0]
by_id = {r[header.index("id")]: r for r in rows[1:]}
check("xlsx: actors", set(by_id) == set(actors))
check("xlsx: types", all(by_id[a][header.index("type")] == actors[a]["type"] for a in actors))
rel_rows = list(wb["relations"].iter_rows(values_only=True))
check("xlsx: relations", len(rel_rows) - 1 == len(relations))
check("xlsx: weights are numbers", all(isinstance(r[rel_rows[0].index("weight")], (int, float)) for r in rel_rows[1:]))

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
