#!/usr/bin/python3
"""Validate hallyu/1 dataset part files loaded together (authoring aid for datasets/parts).

Usage: check_dataset_parts.py FILE [FILE ...]
Entities with the same id in several files must agree on kind and name (they merge by id);
within one file an id may appear once. Prints counts, then every problem; exit 1 on problems.
"""
import json, sys, collections

KINDS = {"idol", "actor", "group", "drama", "ost", "agency", "network"}
PEOPLE = {"idol", "actor"}
ENDPOINTS = {
    "member_of": ({"idol"}, {"group"}),
    "acted_in": (PEOPLE, {"drama"}),
    "performed": (PEOPLE | {"group"}, {"ost"}),
    "ost_of": ({"ost"}, {"drama"}),
    "signed_to": (PEOPLE | {"group"}, {"agency"}),
    "aired_on": ({"drama"}, {"network"}),
    "collaborated_with": (PEOPLE | {"group"}, PEOPLE | {"group"}),
}
problems, kinds, names, rels = [], {}, {}, []
for path in sys.argv[1:]:
    doc = json.load(open(path, encoding="utf-8"))
    if doc.get("format") != "hallyu/1":
        problems.append(f"{path}: format is not hallyu/1")
    seen = set()
    for i, e in enumerate(doc.get("entities", [])):
        eid, kind, name = e.get("id"), e.get("kind"), e.get("name")
        where = f"{path}: entity #{i} ({eid})"
        if not eid or not name:
            problems.append(f"{where}: missing id or name")
        if kind not in KINDS:
            problems.append(f"{where}: unknown kind {kind}")
        if eid in seen:
            problems.append(f"{where}: duplicate id within file")
        seen.add(eid)
        if eid in kinds and (kinds[eid] != kind or names[eid] != name):
            problems.append(f"{where}: id already defined differently ({kinds[eid]} {names[eid]!r})")
        kinds[eid], names[eid] = kind, name
    for i, r in enumerate(doc.get("relations", [])):
        rels.append((path, i, r))
keys = collections.Counter()
for path, i, r in rels:
    where = f"{path}: relation #{i} ({r.get('from')} -{r.get('type')}-> {r.get('to')})"
    t = r.get("type")
    if t not in ENDPOINTS:
        problems.append(f"{where}: unknown type"); continue
    if not r.get("source"):
        problems.append(f"{where}: no source")
    for end, allowed in (("from", ENDPOINTS[t][0]), ("to", ENDPOINTS[t][1])):
        k = kinds.get(r.get(end))
        if k is None:
            problems.append(f"{where}: dangling {end}")
        elif k not in allowed:
            problems.append(f"{where}: {end} is a {k}, not allowed for {t}")
    key = (r.get("from"), r.get("to"), t, r.get("role"))
    keys[key] += 1
    if keys[key] == 2:
        problems.append(f"{where}: repeated relation")
print("entities by kind:", dict(collections.Counter(kinds.values())))
print("relations by type:", dict(collections.Counter(r.get("type") for _, _, r in rels)), "total", len(rels))
for p in problems:
    print("PROBLEM:", p)
sys.exit(1 if problems else 0)
