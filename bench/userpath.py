#!/usr/bin/env python3
"""netan on the user's path (issue 20): the network folder, `analyze`, `compare` over the 42
jeugdregio's and `report`, side by side with what a user would otherwise run.

Usage: python3 bench/userpath.py [--quick] [--runs N]      (make bench-userpath)

- folder: `netan validate FOLDER` (read, decode and check actors.csv and relations.csv with
  every message, build the network) against pandas `read_csv` of the same two files plus
  python-igraph's graph construction (`Graph.DataFrame`) — the peer does no checking at all.
  Relations per second are relations / whole-process time (start-up included).
- workbook: `netan validate NETWORK.xlsx` (the same network written by `netan convert`) against
  pandas `read_excel` (openpyxl) of the two sheets plus the same igraph construction.
- analyze: `netan analyze FOLDER --format json` (every measure of the chosen view plus the
  power analysis and findings) against its slowest single measure (`netan centrality --measure
  betweenness`), the issue's target being at most 1.5x; and against python-igraph computing the
  same actor measures (degree, betweenness, closeness, harmonic, PageRank, eigenvector, k-core,
  components, Louvain) on the same folder.
- flags: `netan flags FOLDER --format json` (the power analysis on the structural view) against
  its slowest measure, unweighted betweenness (sampled from 4,000 sources above 10,000 actors,
  as the structural view does); report: `netan report FOLDER` (analysis, findings, diagram,
  tables, notebook) against the same slowest measure as analyze. Target for both: at most 1.5x.
- compare: `netan compare` of the 42 generated jeugdregio's (time only: no peer does this).
- report: `netan report` of a generated region (time only).

Folders come from bench/graphs.py's Barabási–Albert graphs (national: 20,000 actors, about
200,000 ties; quick: medium, 5,000 actors) converted with `netan convert`, and from
`netan generate`. Each figure is the median of `--runs` whole-process wall times with its peak
memory (max RSS). Writes the section between `<!-- userpath:begin -->` markers of RESULTS.md.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import graphs  # noqa: E402
from run import PY, ensure_tools, timed  # noqa: E402
from sections import replace_section  # noqa: E402

NETAN = os.environ.get("NETAN", os.path.join(ROOT, ".build", "release", "netan"))

PEER_FOLDER = """
import sys, pandas, igraph
actors = pandas.read_csv(sys.argv[1] + "/actors.csv")
relations = pandas.read_csv(sys.argv[1] + "/relations.csv")
g = igraph.Graph.DataFrame(relations[["source", "target"]], directed=False, vertices=actors[["id"]])
print(g.vcount(), g.ecount())
"""

PEER_XLSX = """
import sys, pandas, igraph
sheets = pandas.read_excel(sys.argv[1], sheet_name=["actors", "relations"])
g = igraph.Graph.DataFrame(sheets["relations"][["source", "target"]], directed=False, use_vids=False,
                           vertices=sheets["actors"][["id"]])
print(g.vcount(), g.ecount())
"""

PEER_ANALYZE = """
import sys, pandas, igraph
actors = pandas.read_csv(sys.argv[1] + "/actors.csv")
relations = pandas.read_csv(sys.argv[1] + "/relations.csv")
g = igraph.Graph.DataFrame(relations[["source", "target"]], directed=False, vertices=actors[["id"]])
g.simplify()
values = [g.degree(), g.betweenness(), g.closeness(), g.harmonic_centrality(), g.pagerank(),
          g.eigenvector_centrality(), g.coreness(), g.connected_components().membership,
          g.community_multilevel().membership]
print(len(values))
"""


def median_run(command, runs, timeout=3600):
    results = []
    for _ in range(runs):
        r = timed(command, os.devnull, timeout)
        if r is None:
            return None
        results.append(r)
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def folder_from_graph(name, work):
    edges = os.path.join(HERE, "data", f"{name}.txt")
    graphs.ensure(os.path.join(HERE, "data"), [name])
    folder = os.path.join(work, name)
    subprocess.run([NETAN, "convert", edges, folder, "--to", "folder"], check=True, capture_output=True)
    return folder


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ensure_tools()
    subprocess.run([PY, "-m", "pip", "install", "-q", "pandas", "openpyxl"], check=True)
    work = tempfile.mkdtemp(prefix="netan-userpath-")
    rows = []
    try:
        name = "medium" if args.quick else "national"
        folder = folder_from_graph(name, work)
        relations = sum(1 for _ in open(os.path.join(folder, "relations.csv"))) - 1
        actors = sum(1 for _ in open(os.path.join(folder, "actors.csv"))) - 1
        peer_folder = os.path.join(work, "peer_folder.py")
        peer_analyze = os.path.join(work, "peer_analyze.py")
        open(peer_folder, "w").write(PEER_FOLDER)
        open(peer_analyze, "w").write(PEER_ANALYZE)

        netan_read = median_run([NETAN, "validate", folder], args.runs)
        peer_read = median_run([PY, peer_folder, folder], args.runs)
        rows.append((f"read folder ({name}: {actors:,} actors, {relations:,} relations)",
                     netan_read, "pandas read_csv + igraph Graph.DataFrame", peer_read,
                     f"{relations / netan_read[0] / 1e6:.2f} M relations/s"))

        # The same network as an Excel workbook: netan's reader against pandas read_excel
        # (openpyxl) plus igraph.
        workbook = os.path.join(work, name + ".xlsx")
        subprocess.run([NETAN, "convert", folder, workbook], check=True, capture_output=True)
        peer_xlsx = os.path.join(work, "peer_xlsx.py")
        open(peer_xlsx, "w").write(PEER_XLSX)
        netan_xlsx = median_run([NETAN, "validate", workbook], args.runs)
        pandas_xlsx = median_run([PY, peer_xlsx, workbook], 1, timeout=3600)
        rows.append((f"read workbook ({name}.xlsx, {os.path.getsize(workbook) / 2**20:.1f} MiB)", netan_xlsx,
                     "pandas read_excel (openpyxl) + igraph Graph.DataFrame", pandas_xlsx,
                     f"{relations / netan_xlsx[0] / 1e6:.2f} M relations/s"))

        analyze = median_run([NETAN, "analyze", folder, "--format", "json"], 1)
        slowest = median_run([NETAN, "centrality", folder, "--measure", "betweenness", "--format", "csv"], 1)
        rows.append((f"analyze ({name})", analyze, "its slowest measure: centrality --measure betweenness",
                     slowest, "target ≤ 1.5"))
        peer = median_run([PY, peer_analyze, folder], 1, timeout=7200)
        rows.append((f"analyze ({name})", analyze, "igraph: the same actor measures", peer, ""))

        # flags computes the structural view only: every relation unweighted, betweenness from
        # 4,000 sampled sources above 10,000 actors (PowerAnalysis.structuralSample).
        flags = median_run([NETAN, "flags", folder, "--format", "json"], 1)
        structural = ["--weights", "ignore"] + (["--sample", "4000"] if actors > 10_000 else [])
        flags_slowest = median_run(
            [NETAN, "centrality", folder, "--measure", "betweenness", "--format", "csv"] + structural, 1)
        rows.append((f"flags ({name})", flags, "its slowest measure: unweighted betweenness"
                     + (", 4,000 sampled sources" if actors > 10_000 else ""), flags_slowest, "target ≤ 1.5"))
        national_report = os.path.join(work, "report-" + name)
        report_big = median_run([NETAN, "report", folder, "-o", national_report], 1)
        rows.append((f"report ({name})", report_big, "its slowest measure: centrality --measure betweenness",
                     slowest, "target ≤ 1.5"))

        regions = []
        listing = subprocess.run([NETAN, "generate", "--list"], capture_output=True, text=True)
        codes = re.findall(r"^(JZ\d+)\s", listing.stdout, flags=re.M)
        for code in codes:
            path = os.path.join(work, "regions", code)
            subprocess.run([NETAN, "generate", code, "-o", path, "--seed", "1"], check=True, capture_output=True)
            regions.append(path)
        compare = median_run([NETAN, "compare", *regions, "--format", "csv"], args.runs)
        rows.append((f"compare {len(regions)} jeugdregio's", compare, "", None, ""))
        report_out = os.path.join(work, "report")
        report = median_run([NETAN, "report", regions[0], "-o", report_out], 1)
        rows.append((f"report ({os.path.basename(regions[0])})", report, "", None, ""))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    write_results(rows, args)


def write_results(rows, args):
    lines = ["| user path | netan | peak MiB | compared with | time | peak MiB | ratio | note |",
             "|---|---|---|---|---|---|---|---|"]
    for label, ours, peer_label, peer, note in rows:
        ratio = f"{ours[0] / peer[0]:.2f}" if ours and peer else ""
        lines.append(
            f"| {label} | {ours[0]:.2f} s | {ours[1]:.0f} | {peer_label} | "
            + (f"{peer[0]:.2f} s | {peer[1]:.0f} | " if peer else " |  | ")
            + f"{ratio} | {note} |")
    text = ("Median of whole-process wall times (start-up included), release build, "
            f"{'quick (medium graph)' if args.quick else 'national graph'}. Ratio = netan / other.\n\n"
            + "\n".join(lines) + "\n")
    replace_section("userpath", "User paths (issue 20)", "bench/userpath.py", text)


if __name__ == "__main__":
    main()
