"""Write network files the way other tools write them, as fixtures for netan's readers.

Run from the repository root:  python3 scripts/interop/make_peer_fixtures.py
Needs networkx (3.6.1 used) and openpyxl (3.1 used). Output: Tests/NetGraphTests/Fixtures/interop/.
The network: 5 actors (gemeente, two providers, a client organisation with a Dutch name, a
wijkteam) and 6 relations with types and weights; the expected values are listed in
expected.json so the Swift tests compare against this script's input, not netan's output.
"""
import json
import os

import networkx as nx
import openpyxl

OUT = "Tests/NetGraphTests/Fixtures/interop"
ACTORS = [
    ("gem", "Gemeente Zuid", "gemeente", 120.5, 9),
    ("za1", "Zorg & Co", "zorgaanbieder", 40.0, 6),
    ("za2", "Kleine Praktijk", "zorgaanbieder", 0.75, 2),
    ("co", "Cliëntenraad \"Samen\"", "clientorganisatie", None, 3),
    ("wt", "Wijkteam Oost", "wijkteam", 2.0, 5),
]
RELATIONS = [
    ("gem", "za1", "financiering", 30.0),
    ("gem", "za2", "financiering", 1.5),
    ("gem", "wt", "financiering", 2.0),
    ("co", "gem", "informatie", 4.0),
    ("wt", "za1", "verwijzing", 12.0),
    ("wt", "za2", "verwijzing", 3.0),
]


def graph():
    g = nx.DiGraph(name="Peer fixture")
    for id_, name, type_, size, influence in ACTORS:
        attrs = {"name": name, "type": type_, "influence": influence}
        if size is not None:
            attrs["size"] = size
        g.add_node(id_, **attrs)
    for s, t, type_, w in RELATIONS:
        g.add_edge(s, t, type=type_, weight=w)
    return g


def main():
    os.makedirs(OUT, exist_ok=True)
    g = graph()
    with open(f"{OUT}/networkx_node_link.json", "w", encoding="utf-8") as f:
        json.dump(nx.node_link_data(g, edges="links"), f, ensure_ascii=False, indent=1)
    nx.write_graphml(g, f"{OUT}/networkx.graphml")
    nx.write_gexf(g, f"{OUT}/networkx.gexf")
    # Pajek holds labels and weights only; networkx writes names as labels.
    p = nx.relabel_nodes(g, {a[0]: a[0] for a in ACTORS})
    nx.write_pajek(p, f"{OUT}/networkx.net")

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "actoren"
    ws.append(["ID", "Naam", "Soort", "Omvang", "Invloed"])
    for id_, name, type_, size, influence in ACTORS:
        ws.append([id_, name, type_, size, influence])
    rel = wb.create_sheet("relaties")
    rel.append(["Bron", "Doel", "Soort", "Gewicht", "Gericht"])
    for s, t, type_, w in RELATIONS:
        rel.append([s, t, type_, w, True])
    meta = wb.create_sheet("netwerk")
    meta.append(["key", "value"])
    meta.append(["naam", "Peer fixture"])
    meta.append(["jaar", 2024])
    wb.save(f"{OUT}/openpyxl.xlsx")

    expected = {
        "actors": {a[0]: {"name": a[1], "type": a[2], "size": a[3], "influence": a[4]} for a in ACTORS},
        "relations": [{"source": s, "target": t, "type": ty, "weight": w} for s, t, ty, w in RELATIONS],
    }
    with open(f"{OUT}/expected.json", "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
