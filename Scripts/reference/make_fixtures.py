#!/usr/bin/env python3
"""Writes Tests/DiploGraphTests/Fixtures/reference.json: measures computed by the reference
libraries (networkx 3.6, python-igraph, R sna) on literature graphs and seeded random graphs.

Run from the repository root:  python3 Scripts/reference/make_fixtures.py
Needs: networkx, igraph (pip install igraph), R with sna (apt-get install r-cran-sna).
The JSON is committed, so the Swift tests need none of these.
"""
import json, os, random, subprocess, tempfile
import networkx as nx
import igraph as ig

OUT = os.path.join("Tests", "DiploGraphTests", "Fixtures", "reference.json")


def graph_cases():
    cases = []
    flo = nx.florentine_families_graph()
    nodes = sorted(flo.nodes())
    cases.append(("florentine", False, nodes, [(u, v, 1.0) for u, v in flo.edges()], [0] * len(nodes)))
    karate = nx.karate_club_graph()
    nodes = list(range(34))
    clubs = [0 if karate.nodes[v]["club"] == "Mr. Hi" else 1 for v in nodes]
    cases.append(("karate", False, nodes, [(u, v, 1.0) for u, v in karate.edges()], clubs))
    kite = nx.krackhardt_kite_graph()
    cases.append(("kite", False, list(range(10)), [(u, v, 1.0) for u, v in kite.edges()], [0] * 10))
    # networkx's weighted directed test graph (test_betweenness_centrality.py, G.add_weighted_edges_from)
    wd = [("s", "u", 10), ("s", "x", 5), ("u", "v", 1), ("u", "x", 2), ("v", "y", 1), ("x", "u", 3), ("x", "v", 5), ("x", "y", 2), ("y", "s", 7), ("y", "v", 6)]
    nodes = ["s", "u", "v", "x", "y"]
    cases.append(("nx-weighted-directed", True, nodes, [(u, v, float(w)) for u, v, w in wd], [0, 0, 1, 1, 1]))
    # Langville & Meyer's six-page PageRank example (networkx test_pagerank.py)
    lm = [(1, 2), (1, 3), (3, 1), (3, 2), (3, 5), (4, 5), (4, 6), (5, 4), (5, 6), (6, 4)]
    cases.append(("langville", True, [1, 2, 3, 4, 5, 6], [(u, v, 1.0) for u, v in lm], [0, 0, 0, 1, 1, 1]))
    # Small and odd slices: the references' behaviour at the edges.
    cases.append(("single-node", True, [0], [], [0]))
    cases.append(("two-nodes", True, [0, 1], [(0, 1, 2.0)], [0, 1]))
    cases.append(("two-nodes-undirected", False, [0, 1], [(0, 1, 1.0)], [0, 0]))
    cases.append(("no-edges", True, [0, 1, 2], [], [0, 1, 2]))
    cases.append(("isolates", True, [0, 1, 2, 3, 4, 5], [(0, 1, 1.0), (1, 2, 2.0), (2, 0, 1.0), (3, 1, 1.0)], [0, 0, 1, 1, 2, 2]))
    cases.append(("single-group", True, list(range(6)), [(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0), (3, 1, 1.0), (4, 2, 1.0), (2, 5, 1.0)], [0] * 6))
    cases.append(("disconnected", False, list(range(7)), [(0, 1, 1.0), (1, 2, 1.0), (0, 2, 4.0), (3, 4, 1.0), (4, 5, 2.0), (5, 6, 1.0)], [0, 1, 0, 1, 0, 1, 0]))
    cases.append(("dag", True, list(range(5)), [(0, 1, 1.0), (1, 2, 1.0), (0, 3, 1.0), (3, 4, 1.0), (2, 4, 1.0)], [0, 1, 0, 1, 0]))
    rng = random.Random(20260101)
    for i in range(60):
        directed = i % 2 == 0
        n = rng.randint(3, 24)
        p = rng.uniform(0.08, 0.45)
        weights = [1.0, 2.0, 4.0, 8.0] if i % 3 else [1.0]
        edges = []
        for u in range(n):
            for v in range(n):
                if u == v or (not directed and v < u):
                    continue
                if rng.random() < p:
                    edges.append((u, v, rng.choice(weights)))
        groups = [rng.randint(0, 2) for _ in range(n)]
        cases.append((f"random-{i}", directed, list(range(n)), edges, groups))
    return cases


def nx_graph(directed, nodes, edges, inverse=False):
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(nodes)
    for u, v, w in edges:
        G.add_edge(u, v, weight=w, length=1.0 / w)
    return G


def burt_effective_size(G):
    """Burt's weighted effective size, formula of docs/measures.md, by brute force."""
    def nbrs(u):
        return set(G.predecessors(u)) | set(G.successors(u)) if G.is_directed() else set(G.neighbors(u))
    def mutual(u, v):
        a = G[u][v]["weight"] if G.has_edge(u, v) else 0.0
        b = G[v][u]["weight"] if G.has_edge(v, u) else 0.0
        return a + b if G.is_directed() else (a + b)
    out = {}
    for i in G:
        N = nbrs(i)
        if not N:
            out[i] = None
            continue
        tot = sum(mutual(i, k) for k in N)
        total = 0.0
        for j in N:
            mx = max(mutual(j, k) for k in nbrs(j))
            red = sum((mutual(i, q) / tot) * (mutual(j, q) / mx) for q in N if q != j)
            total += 1 - red
        out[i] = total
    return out


def sna_brokerage(cases):
    with tempfile.TemporaryDirectory() as tmp:
        script = ["suppressMessages(library(sna))"]
        for idx, (name, directed, nodes, edges, groups) in enumerate(cases):
            n = len(nodes)
            pos = {v: k for k, v in enumerate(nodes)}
            m = [[0] * n for _ in range(n)]
            for u, v, _ in edges:
                m[pos[u]][pos[v]] = 1
                if not directed:
                    m[pos[v]][pos[u]] = 1
            path = os.path.join(tmp, f"{idx}.csv")
            with open(path, "w") as f:
                f.write("\n".join(",".join(map(str, row)) for row in m) + "\n")
            script.append(f'm <- as.matrix(read.csv("{path}", header=FALSE)); cl <- c({",".join(map(str, groups))})')
            script.append(f'b <- brokerage(m, cl); write.table(cbind(b$raw.nli, b$z.nli), "{tmp}/{idx}.out", sep=",", row.names=FALSE, col.names=FALSE)')
        with open(os.path.join(tmp, "run.R"), "w") as f:
            f.write("\n".join(script))
        subprocess.run(["Rscript", os.path.join(tmp, "run.R")], check=True)
        results = []
        for idx in range(len(cases)):
            rows = []
            with open(os.path.join(tmp, f"{idx}.out")) as f:
                for line in f:
                    vals = []
                    for x in line.strip().split(","):
                        x = x.strip('"')
                        vals.append(None if x in ("NA", "NaN", "Inf", "-Inf") else float(x))
                    rows.append(vals)
            results.append(rows)
        return results


def clean(values):
    return [None if (v is None or v != v) else float(v) for v in values]


def main():
    cases = graph_cases()
    sna = sna_brokerage(cases)
    fixtures = []
    for (name, directed, nodes, edges, groups), brokerage in zip(cases, sna):
        G = nx_graph(directed, nodes, edges)
        pos = {v: k for k, v in enumerate(nodes)}
        expected = {}
        expected["betweenness"] = [nx.betweenness_centrality(G)[v] for v in nodes]
        expected["betweenness_raw"] = [nx.betweenness_centrality(G, normalized=False)[v] for v in nodes]
        expected["betweenness_inverse"] = [nx.betweenness_centrality(G, weight="length")[v] for v in nodes]
        expected["closeness"] = [nx.closeness_centrality(G)[v] for v in nodes]
        expected["closeness_inverse"] = [nx.closeness_centrality(G, distance="length")[v] for v in nodes]
        expected["harmonic"] = [nx.harmonic_centrality(G)[v] for v in nodes]
        expected["harmonic_inverse"] = [nx.harmonic_centrality(G, distance="length")[v] for v in nodes]
        pr = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000)
        expected["pagerank"] = [pr[v] for v in nodes]
        try:
            nx.eigenvector_centrality(G, weight="weight")  # does networkx's own run converge?
            ev = nx.eigenvector_centrality(G, weight="weight", tol=1e-15, max_iter=200000)
            expected["eigenvector"] = [ev[v] for v in nodes]
        except nx.PowerIterationFailedConvergence:
            expected["eigenvector"] = None
        h = ig.Graph(n=len(nodes), edges=[(pos[u], pos[v]) for u, v, _ in edges], directed=directed)
        expected["constraint"] = clean(h.constraint(weights=[w for _, _, w in edges]))
        es = burt_effective_size(G)
        expected["effective_size"] = [es[v] for v in nodes]
        if not directed and all(w == 1.0 for _, _, w in edges):
            nxes = nx.effective_size(G)
            expected["effective_size_networkx"] = clean([nxes[v] for v in nodes])
        roles = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "brokerage"]
        for k, role in enumerate(roles):
            expected[role] = [row[k] for row in brokerage]
            expected[role + "_z"] = [row[6 + k] for row in brokerage]
        fixtures.append({
            "name": name, "directed": directed, "nodes": [str(v) for v in nodes],
            "edges": [[pos[u], pos[v], w] for u, v, w in edges], "groups": groups, "expected": expected,
        })
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump({"generator": "Scripts/reference/make_fixtures.py", "networkx": nx.__version__, "igraph": ig.__version__,
                   "graphs": fixtures}, f, indent=0)
    print(f"wrote {OUT}: {len(fixtures)} graphs")


if __name__ == "__main__":
    main()
