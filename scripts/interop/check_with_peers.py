"""Read netan's outputs with the peers' own readers and compare with the source network.

Usage: python3 scripts/interop/check_with_peers.py DIR
DIR holds files netan wrote, in either or both of two groups:
- net.graphml, net.gexf, node-link.json, net.xlsx and source.json (netan's native JSON of the
  same network), from datasets/breda-illustratief: read with networkx and openpyxl and compared
  with the source;
- undirected.gexf and directed.gexf with undirected-betweenness.json and
  directed-betweenness.json (netan's unweighted betweenness per actor id): read with
  networkx.read_gexf, and networkx's betweenness compared with netan's.
Prints one line per check and "N passed, N failed"; exits 1 on any failure (or when DIR holds
neither group), 3 when networkx or openpyxl is missing (the caller may skip then).
"""
import json
import os
import sys
import xml.etree.ElementTree as ElementTree

try:
    import networkx as nx
    import openpyxl
except ImportError as error:  # pragma: no cover
    print(f"skipped: {error}")
    sys.exit(3)

folder = sys.argv[1]
passed = failed = 0
actors = {}
relations = []


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


GEXF = "{http://gexf.net/1.3}"


def gexf_edge_type(path):
    return ElementTree.parse(path).getroot().find(f"{GEXF}graph").get("defaultedgetype")


def gexf_by_xml(path):
    """A mixed GEXF as a MultiDiGraph, read with ElementTree: networkx refuses defaultedgetype
    "mixed" ("Directed edge found in undirected graph"), Gephi reads it."""
    graph = ElementTree.parse(path).getroot().find(f"{GEXF}graph")
    g = nx.MultiDiGraph()
    for block in graph.findall(f"{GEXF}attributes"):
        titles = {a.get("id"): a.get("title") for a in block.findall(f"{GEXF}attribute")}
        kind = block.get("class")
        for element in graph.iter(f"{GEXF}{kind}"):
            values = element.find(f"{GEXF}attvalues")
            for value in [] if values is None else values.findall(f"{GEXF}attvalue"):
                element.set("_" + titles[value.get("for")], value.get("value"))
    for node in graph.iter(f"{GEXF}node"):
        data = {"label": node.get("label")}
        data.update({k[1:]: v for k, v in node.attrib.items() if k.startswith("_")})
        g.add_node(node.get("id"), **data)
    for edge in graph.iter(f"{GEXF}edge"):
        data = {"weight": float(edge.get("weight", 1)), "label": edge.get("label")}
        data.update({k[1:]: v for k, v in edge.attrib.items() if k.startswith("_")})
        data["direction"] = edge.get("type")
        g.add_edge(edge.get("source"), edge.get("target"), **data)
    return g


def check_source_group():
    global actors, relations
    source = json.load(open(f"{folder}/source.json", encoding="utf-8"))
    actors = {a["id"]: a for a in source["actors"]}
    relations = source["relations"]
    compare("graphml", nx.read_graphml(f"{folder}/net.graphml", force_multigraph=True))
    if gexf_edge_type(f"{folder}/net.gexf") == "mixed":
        try:
            nx.read_gexf(f"{folder}/net.gexf")
            check("gexf (mixed): networkx refuses mixed GEXF", False, "it read it; read it as below")
        except nx.NetworkXError:
            pass
        g = gexf_by_xml(f"{folder}/net.gexf")
        check("gexf (mixed): every edge has type directed or undirected",
              all(d["direction"] in ("directed", "undirected") for _, _, d in g.edges(data=True)))
        compare("gexf (mixed, read with ElementTree)", g)
    else:
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
    check("xlsx: weights are numbers",
          all(isinstance(r[rel_rows[0].index("weight")], (int, float)) for r in rel_rows[1:]))


def check_betweenness(label):
    """networkx.read_gexf of netan's GEXF of an all-`label` network: the graph's direction,
    the viz elements, and unweighted betweenness equal to netan's (unordered pairs on an
    undirected graph, as networkx counts them)."""
    g = nx.read_gexf(f"{folder}/{label}.gexf")
    ours = json.load(open(f"{folder}/{label}-betweenness.json", encoding="utf-8"))
    check(f"gexf {label}: networkx reads it as {label}", g.is_directed() == (label == "directed"))
    check(f"gexf {label}: actors", set(g.nodes) == set(ours), f"{len(g.nodes)} vs {len(ours)}")
    check(f"gexf {label}: viz colour and size on every node",
          all("color" in d.get("viz", {}) and "size" in d.get("viz", {}) for _, d in g.nodes(data=True)))
    theirs = nx.betweenness_centrality(g, normalized=False)
    differences = [(abs(theirs[a] - v) / max(1.0, abs(v)) if a in theirs else float("inf"), a)
                   for a, v in ours.items()]
    worst = max(differences, default=(0.0, None))
    check(f"gexf {label}: betweenness equals netan's", worst[0] <= 1e-9,
          f"{worst[1]}: networkx {theirs.get(worst[1])}, netan {ours.get(worst[1])}")


groups = 0
if os.path.exists(f"{folder}/source.json"):
    groups += 1
    check_source_group()
for label in ("undirected", "directed"):
    if os.path.exists(f"{folder}/{label}.gexf"):
        groups += 1
        check_betweenness(label)
check("files to check", groups > 0, f"none of the expected files in {folder}")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
