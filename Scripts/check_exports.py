#!/usr/bin/env python3
"""Reads DiploGraph's exports back with networkx and checks their ties and weights against
ties computed here, independently, from the events file (yearly slices, one tie per slice,
ordered pair and kind, weights summed; a mediation with `about` also gives the leg from the
other side to the mediator). Also checks the GEXF against the GEXF 1.3 grammar's
rules for the elements and attributes DiploGraph writes.

Usage: check_exports.py EVENTS.csv DIR [--undirected]   (DIR holds export.gexf, export.graphml, export.json, export.csv)
"""
import csv, json, sys, xml.etree.ElementTree as ET
from collections import defaultdict
import networkx as nx

NS = "{http://gexf.net/1.3}"


def expected_ties(events_path, undirected):
    ties = defaultdict(float)
    with open(events_path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            w = float(row.get("weight") or 1)
            u, v = row["source"], row["target"]
            legs = [(u, v)]
            about = (row.get("about") or "").split("|")
            if row["kind"] == "mediation" and len(about) == 2:
                # A relay: the leg from the other side to the mediator, as DiploGraph adds it.
                origin = about[1] if v == about[0] else about[0]
                legs.append((origin, u))
            for u, v in legs:
                if undirected:
                    u, v = sorted((u, v), key=order(events_path).index)
                ties[(row["date"][:4], u, v, row["kind"])] += w
    return dict(ties)


_order = {}
def order(events_path):
    """Actors in order of first appearance (DiploGraph orients undirected ties by it)."""
    if events_path not in _order:
        seen = []
        with open(events_path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                about = [a for a in (row.get("about") or "").split("|") if a]
                for a in [row["source"], row["target"]] + about:
                    if a not in seen:
                        seen.append(a)
        _order[events_path] = seen
    return _order[events_path]


def normalise(ties, undirected, events_path):
    """Undirected readers may swap endpoints: put each pair in first-appearance order."""
    if not undirected:
        return ties
    out = {}
    for (s, u, v, k), w in ties.items():
        u, v = sorted((u, v), key=order(events_path).index)
        out[(s, u, v, k)] = w
    return out


def compare(name, got, want):
    assert set(got) == set(want), f"{name}: ties differ: missing {sorted(set(want) - set(got))[:5]}, extra {sorted(set(got) - set(want))[:5]}"
    for key, weight in want.items():
        assert abs(got[key] - weight) <= 1e-12 * max(1, abs(weight)), f"{name}: {key} weight {got[key]} != {weight}"
    print(f"{name}: {len(got)} ties match")


def check_gexf_grammar(path):
    """The GEXF 1.3 rules (gexf.rng / dynamics.rng) for what DiploGraph writes."""
    root = ET.parse(path).getroot()
    assert root.tag == NS + "gexf" and root.get("version") == "1.3", "root must be <gexf version='1.3'> in the 1.3 namespace"
    children = [c.tag for c in root]
    assert children in ([NS + "meta", NS + "graph"], [NS + "graph"]), f"gexf children {children}"
    meta = root.find(NS + "meta")
    if meta is not None:
        tags = [c.tag for c in meta]
        assert all(t in (NS + "creator", NS + "keywords", NS + "description") for t in tags) and len(set(tags)) == len(tags)
    graph = root.find(NS + "graph")
    allowed = {"defaultedgetype": {"directed", "undirected", "mutual"}, "mode": {"static", "dynamic", "slice"},
               "timeformat": {"integer", "double", "date", "dateTime"}, "timerepresentation": {"interval", "timestamp"}}
    for attribute, value in graph.attrib.items():
        assert attribute in allowed and value in allowed[attribute], f"graph attribute {attribute}={value}"
    tags = [c.tag for c in graph]
    n_attributes = sum(1 for t in tags if t == NS + "attributes")
    assert tags == [NS + "attributes"] * n_attributes + [NS + "nodes", NS + "edges"], f"graph children {tags}"
    types = {"integer", "long", "double", "float", "boolean", "string", "liststring", "anyURI"}
    declared = {}
    for attributes in graph.findall(NS + "attributes"):
        assert attributes.get("class") in ("node", "edge") and attributes.get("mode", "static") in ("static", "dynamic")
        for attribute in attributes:
            assert attribute.tag == NS + "attribute" and attribute.get("id") and attribute.get("title") and attribute.get("type") in types
            declared[(attributes.get("class"), attribute.get("id"))] = attributes.get("mode", "static")
    timeformat = graph.get("timeformat")
    def check_time(value):
        if timeformat == "integer":
            int(value)
        elif timeformat == "date":
            y, m, d = value.split("-")
            assert len(y) == 4 and len(m) == 2 and len(d) == 2
    def check_spells(element):
        spells = element.find(NS + "spells")
        if spells is None:
            return
        assert len(spells) > 0, "spells must hold at least one spell"
        for spell in spells:
            assert spell.tag == NS + "spell" and set(spell.attrib) <= {"start", "end", "timestamp"}
            for value in spell.attrib.values():
                check_time(value)
    def check_attvalues(element, cls):
        for attvalue in element.find(NS + "attvalues") if element.find(NS + "attvalues") is not None else []:
            assert attvalue.tag == NS + "attvalue" and attvalue.get("for") is not None and attvalue.get("value") is not None
            assert (cls, attvalue.get("for")) in declared, f"attvalue for undeclared attribute {attvalue.get('for')}"
            assert set(attvalue.attrib) <= {"for", "value", "start", "end", "timestamp"}
            if set(attvalue.attrib) & {"start", "end", "timestamp"}:
                assert declared[(cls, attvalue.get("for"))] == "dynamic", "time on a static attribute"
    ids = set()
    for node in graph.find(NS + "nodes"):
        assert node.tag == NS + "node" and node.get("id") is not None
        assert set(node.attrib) <= {"id", "label", "start", "end", "timestamp", "pid"}
        assert set(c.tag for c in node) <= {NS + "attvalues", NS + "spells"}
        ids.add(node.get("id"))
        check_attvalues(node, "node")
        check_spells(node)
    for edge in graph.find(NS + "edges"):
        assert edge.tag == NS + "edge" and edge.get("source") in ids and edge.get("target") in ids
        assert set(edge.attrib) <= {"id", "type", "label", "source", "target", "weight", "kind", "start", "end", "timestamp"}
        float(edge.get("weight", "1"))
        check_attvalues(edge, "edge")
        check_spells(edge)
    print(f"{path}: follows the GEXF 1.3 grammar")


def main(events_path, directory, undirected=False):
    want = expected_ties(events_path, undirected)
    # GEXF: one edge per (source, target, kind); its dynamic slice_weight per year.
    check_gexf_grammar(f"{directory}/export.gexf")
    g = nx.read_gexf(f"{directory}/export.gexf", version="1.3")
    got = {}
    for u, v, data in g.edges(data=True):
        for value, start, end in data["slice_weight"]:
            got[(str(start), u, v, data["kind"])] = float(value)
    compare("gexf (networkx read_gexf)", normalise(got, undirected, events_path), want)
    # GraphML: a multigraph with slice, kind, weight on each edge.
    g = nx.read_graphml(f"{directory}/export.graphml", force_multigraph=True)
    compare("graphml (networkx read_graphml)", normalise({(d["slice"], u, v, d["kind"]): d["weight"] for u, v, d in g.edges(data=True)}, undirected, events_path), want)
    labels = nx.get_node_attributes(g, "group")
    assert labels and all(labels.values()), "every node has a group"
    # node-link JSON.
    g = nx.node_link_graph(json.load(open(f"{directory}/export.json", encoding="utf-8")), edges="links")
    compare("json (networkx node_link_graph)", normalise({(d["slice"], u, v, d["kind"]): d["weight"] for u, v, d in g.edges(data=True)}, undirected, events_path), want)
    # CSV edge list.
    with open(f"{directory}/export.csv", newline="", encoding="utf-8") as f:
        got = {(r["slice"], r["source"], r["target"], r["kind"]): float(r["weight"]) for r in csv.DictReader(f)}
    compare("csv", normalise(got, undirected, events_path), want)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], "--undirected" in sys.argv[3:])
