"""Write the bad-input corpus: files that must be refused with a clear message.

Run from the repository root: python3 scripts/corpus/make_bad_inputs.py
Output: Tests/NetGraphTests/Fixtures/bad/<case>/ — each case is a network folder or a single
file, plus expected.txt with the text the error must contain (file name, and a line where the
format has lines). The Swift test runs `netan validate` and `netan convert` on every case and
checks the exit code (65), the message, that no output file appears, and that the input is
unchanged.
"""
import io
import os
import shutil
import zipfile

OUT = "Tests/NetGraphTests/Fixtures/bad"
GOOD_ACTORS = "id,name,type\ng,Gemeente,gemeente\np,Aanbieder,zorgaanbieder\n"
GOOD_RELATIONS = "source,target,type,weight\ng,p,financiering,10\n"


def folder(name, actors=GOOD_ACTORS, relations=GOOD_RELATIONS, yaml=None, expect="", raw_actors=None, raw_relations=None):
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    if raw_actors is not None:
        open(os.path.join(d, "actors.csv"), "wb").write(raw_actors)
    elif actors is not None:
        open(os.path.join(d, "actors.csv"), "w", encoding="utf-8").write(actors)
    if raw_relations is not None:
        open(os.path.join(d, "relations.csv"), "wb").write(raw_relations)
    elif relations is not None:
        open(os.path.join(d, "relations.csv"), "w", encoding="utf-8").write(relations)
    if yaml is not None:
        open(os.path.join(d, "network.yaml"), "w", encoding="utf-8").write(yaml)
    open(os.path.join(d, "expected.txt"), "w").write(expect)


def single(name, filename, content, expect):
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    mode = "wb" if isinstance(content, bytes) else "w"
    with open(os.path.join(d, filename), mode) as f:
        f.write(content)
    open(os.path.join(d, "expected.txt"), "w").write(expect)


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    # CSV folders
    folder("csv-empty-actors", actors="", expect="actors.csv:1")
    folder("csv-only-headers", actors="id,name,type\n", relations="source,target,type\n", expect="actors.csv: fout: Het netwerk heeft geen actoren")
    folder("csv-missing-relations", relations=None, expect="relations.csv")
    folder("csv-missing-type-column", actors="id,name\ng,G\n", expect="actors.csv:1")
    folder("csv-wrong-delimiter", actors="id|name|type\ng|G|gemeente\n", expect="actors.csv:1")
    folder("csv-unbalanced-quote", actors='id,name,type\ng,"Gemeente,gemeente\np,P,zorgaanbieder\n', expect="actors.csv:2")
    folder("csv-duplicate-id", actors=GOOD_ACTORS + "g,Nog een,gemeente\n", expect="actors.csv:4")
    folder("csv-unknown-actor", relations=GOOD_RELATIONS + "g,x,overleg,1\n", expect="relations.csv:3")
    folder("csv-negative-weight", relations="source,target,type,weight\ng,p,financiering,-3\n", expect="relations.csv:2")
    folder("csv-nan-weight", relations="source,target,type,weight\ng,p,financiering,NaN\n", expect="relations.csv:2")
    folder("csv-infinite-weight", relations="source,target,type,weight\ng,p,financiering,inf\n", expect="relations.csv:2")
    folder("csv-zero-weight", relations="source,target,type,weight\ng,p,financiering,0\n", expect="relations.csv:2")
    folder("csv-text-weight", relations="source,target,type,weight\ng,p,financiering,veel\n", expect="relations.csv:2")
    folder("csv-bad-directed", relations="source,target,type,directed\ng,p,overleg,misschien\n", expect="relations.csv:2")
    folder("csv-bad-year", relations="source,target,type,year\ng,p,overleg,twintig\n", expect="relations.csv:2")
    folder("csv-too-many-fields", actors="id,name,type\ng,Gemeente, Breda,gemeente\n", expect="actors.csv:2")
    folder("csv-binary-junk", raw_actors=bytes(range(256)) * 4, expect="actors.csv")
    folder("csv-invalid-encoding", raw_actors=b"id,name,type\ng,Gem\x81ente,gemeente\n", expect="actors.csv:2")
    folder("csv-mixed-encodings", raw_actors=b"id,name,type\ng,Cli\xc3\xabnt,gemeente\np,Caf\xe9\x9d,zorgaanbieder\n", expect="actors.csv:3")
    folder("csv-huge-field", actors="id,name,type\ng," + "x" * 2_000_000 + ",gemeente\n", relations="source,target,type\ng,q,overleg\n", expect="relations.csv:2")
    folder("csv-empty-id", actors="id,name,type\n,Naamloos,gemeente\n", relations="source,target,type\n", expect="actors.csv:2")
    folder("csv-negative-size", actors="id,name,type,size\ng,G,gemeente,-5\n", relations="source,target,type\n", expect="actors.csv:2")
    folder("csv-bad-influence", actors="id,name,type,influence\ng,G,gemeente,hoog\n", relations="source,target,type\n", expect="actors.csv:2")
    folder("yaml-bad-metadata", yaml="name: [unclosed\n", expect="network.yaml")
    folder("yaml-unknown-role", yaml="name: x\nactor_types:\n  school: leraar\n", expect="network.yaml:3")
    folder("yaml-bad-year", yaml="name: x\nyear: vorig jaar\n", expect="network.yaml:2")
    # single files
    single("yaml-syntax-error", "net.yaml", "network:\n  name: x\nactors:\n  - {id: a, type: gemeente\nrelations: []\n", expect="net.yaml")
    single("yaml-anchor-bomb", "bomb.yaml", "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(f"l{i}: &l{i} [" + ",".join([f"*{'a' if i == 1 else f'l{i-1}'}"] * 10) + "]\n" for i in range(1, 8)) + "actors: []\nrelations: []\n", expect="bomb.yaml")
    single("yaml-deeply-nested", "deep.yaml", "actors: " + "[" * 5000 + "]" * 5000 + "\nrelations: []\n", expect="deep.yaml")
    single("json-truncated", "net.json", '{"actors": [{"id": "a", "type": "gemeente"}], "relations": [', expect="net.json")
    single("json-deeply-nested", "deep.json", '{"actors": ' + "[" * 5000 + "]" * 5000 + ', "relations": []}', expect="deep.json")
    single("json-not-a-mapping", "list.json", "[1, 2, 3]", expect="list.json")
    single("json-nodelink-missing-target", "nl.json", '{"directed": true, "nodes": [{"id": "a"}], "links": [{"source": "a"}]}', expect="nl.json")
    single("graphml-xxe", "xxe.graphml", '<?xml version="1.0"?>\n<!DOCTYPE graphml [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<graphml><graph><node id="&x;"/></graph></graphml>\n', expect="DTD")
    single("graphml-billion-laughs", "lol.graphml", '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(f'<!ENTITY lol{i} "' + f"&lol{i-1};" * 10 + '">' for i in range(1, 9)).replace("&lol0;", "&lol;") + ']>\n<graphml><graph><node id="&lol8;"/></graph></graphml>\n', expect="DTD")
    single("graphml-malformed", "bad.graphml", "<graphml>\n<graph>\n<node id=\"a\">\n</graph>\n", expect="bad.graphml")
    single("graphml-deeply-nested", "deep.graphml", "<graphml>" + "<a>" * 100000 + "</a>" * 100000 + "</graphml>\n", expect="nested")
    single("graphml-not-graphml", "other.graphml", "<html><body>hallo</body></html>\n", expect="not a GraphML")
    single("gexf-edge-without-target", "e.gexf", '<gexf><graph><nodes><node id="a"/></nodes><edges><edge source="a"/></edges></graph></gexf>\n', expect="e.gexf")
    single("pajek-edge-before-section", "x.net", "1 2\n*Vertices 2\n1 \"a\"\n2 \"b\"\n", expect="x.net:1")
    single("pajek-short-arc", "y.net", "*Vertices 2\n1 \"a\"\n2 \"b\"\n*Arcs\n1\n", expect="y.net:5")
    single("dot-syntax-error", "bad.dot", "digraph { a -> ; }\n", expect="bad.dot")
    single("dot-trailing-garbage", "tail.dot", "digraph { a -> b } garbage here\n", expect="tail.dot")
    single("edgelist-one-token", "ties.txt", "a b\nalleen\n", expect="ties.txt:2")
    single("edgelist-bad-weight", "w.txt", "a b -1\n", expect="w.txt:1")
    single("xlsx-not-zip", "fake.xlsx", "id,type\na,gemeente\n", expect="fake.xlsx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", b"\0" * (40 * 1024 * 1024))
    single("xlsx-zip-bomb", "bomb.xlsx", buffer.getvalue(), expect="zip bomb")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    single("xlsx-no-workbook", "empty.xlsx", buffer.getvalue(), expect="workbook")
    single("unknown-extension", "net.docx", "hallo", expect="does not know this file type")
    print(f"{len(os.listdir(OUT))} cases in {OUT}")


if __name__ == "__main__":
    main()
