#!/usr/bin/python3
"""Merges hallyu/1 part files into one dataset, by the loader's rules (same id = same entity: kind
and name must agree, aliases and attributes are united; repeated relations are kept once), and
writes it with one record per line, entities grouped by kind and relations by type.

Usage: merge_dataset_parts.py OUT.json PART.json [PART.json ...]
"""
import json, sys

KIND_ORDER = ["network", "agency", "group", "idol", "actor", "drama", "ost"]
TYPE_ORDER = ["member_of", "signed_to", "acted_in", "ost_of", "performed", "aired_on", "collaborated_with"]

out_path, parts = sys.argv[1], sys.argv[2:]
entities, relations, seen_relations = {}, [], set()
for path in parts:
    doc = json.load(open(path, encoding="utf-8"))
    for e in doc.get("entities", []):
        old = entities.get(e["id"])
        if old is None:
            entities[e["id"]] = dict(e)
            continue
        if old["kind"] != e["kind"] or old["name"] != e["name"]:
            sys.exit(f"{path}: {e['id']} disagrees with an earlier part: {old['kind']} {old['name']!r} vs {e['kind']} {e['name']!r}")
        for alias in e.get("aliases", []):
            if alias not in old.setdefault("aliases", []):
                old["aliases"].append(alias)
        for k, v in e.items():
            if k in ("id", "kind", "name", "aliases"):
                continue
            if k in old and old[k] != v:
                sys.exit(f"{path}: {e['id']}.{k} disagrees with an earlier part: {old[k]!r} vs {v!r}")
            old[k] = v
    for r in doc.get("relations", []):
        key = json.dumps(r, sort_keys=True, ensure_ascii=False)
        if key not in seen_relations:
            seen_relations.add(key)
            relations.append(r)

ordered_entities = sorted(entities.values(), key=lambda e: (KIND_ORDER.index(e["kind"]), e["id"]))
ordered_relations = sorted(relations, key=lambda r: (TYPE_ORDER.index(r["type"]), r["from"], r["to"]))
with open(out_path + ".tmp", "w", encoding="utf-8") as f:
    f.write('{"format": "hallyu/1",\n "entities": [\n')
    f.write(",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in ordered_entities))
    f.write('\n ],\n "relations": [\n')
    f.write(",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in ordered_relations))
    f.write('\n ]}\n')
import os
os.replace(out_path + ".tmp", out_path)
print(f"{out_path}: {len(ordered_entities)} entities, {len(ordered_relations)} relations")
