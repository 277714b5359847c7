#!/usr/bin/python3
"""Writes a small random dataset in hallyu/1 (deterministic per seed) for tests that need more
than hand-sized graphs. Entities and relations follow the schema's endpoint rules; names are
synthetic ("Idol 17"), so nothing here claims a fact about real people.

Usage: make_generated_fixture.py SEED IDOLS OUT.json
"""
import json, random, sys


def generate(seed, idols):
    rng = random.Random(seed)
    n = {"idol": idols, "group": max(2, idols // 6), "drama": max(3, idols // 2), "ost": max(3, idols // 2),
         "actor": max(2, idols // 3), "agency": max(2, idols // 15), "network": max(2, idols // 20)}
    entities, relations = [], []
    ids = {}
    for kind, count in n.items():
        ids[kind] = [f"{kind}-{i}" for i in range(count)]
        for i, eid in enumerate(ids[kind]):
            entities.append({"id": eid, "kind": kind, "name": f"{kind.capitalize()} {i}"})
    seen = set()

    def rel(a, b, t, **attrs):
        key = (a, b, t) if t != "collaborated_with" else (min(a, b), max(a, b), t)
        if a == b or key in seen:
            return
        seen.add(key)
        r = {"from": a, "to": b, "type": t}
        r.update(attrs)
        relations.append(r)

    # Preferential choice gives the hubs real data has (a few prolific actors and busy networks).
    def pick(kind, skew=1.2):
        k = len(ids[kind])
        return ids[kind][min(k - 1, int(k * rng.random() ** skew))]

    for idol in ids["idol"]:
        if rng.random() < 0.8:
            rel(idol, pick("group", 1.0), "member_of")
        if rng.random() < 0.5:
            rel(idol, pick("agency"), "signed_to")
        for _ in range(rng.choice([0, 0, 1, 1, 2])):
            rel(idol, pick("drama"), "acted_in", billing=rng.choice(["lead", "support", "cameo"]))
        for _ in range(rng.choice([0, 1, 1, 2])):
            rel(idol, pick("ost"), "performed")
        if rng.random() < 0.1:
            rel(idol, pick("idol"), "collaborated_with")
    for group in ids["group"]:
        rel(group, pick("agency"), "signed_to")
        if rng.random() < 0.3:
            rel(group, pick("ost"), "performed")
    for actor in ids["actor"]:
        for _ in range(rng.choice([1, 2, 3])):
            rel(actor, pick("drama"), "acted_in", billing="lead")
        if rng.random() < 0.3:
            rel(actor, pick("agency"), "signed_to")
    for ost in ids["ost"]:
        rel(ost, pick("drama", 1.0), "ost_of")
    for drama in ids["drama"]:
        rel(drama, pick("network", 1.0), "aired_on")
    return {"format": "hallyu/1", "entities": entities, "relations": relations}


def write(doc, path):
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"format": "hallyu/1",\n "entities": [\n')
        f.write(",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in doc["entities"]))
        f.write('\n ],\n "relations": [\n')
        f.write(",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in doc["relations"]))
        f.write('\n ]}\n')


if __name__ == "__main__":
    write(generate(int(sys.argv[1]), int(sys.argv[2])), sys.argv[3])
