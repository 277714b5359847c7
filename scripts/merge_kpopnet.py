#!/usr/bin/python3
"""Merges kpopnet.json (github.com/kpopnet/kpopnet.json, CC0-1.0; npm `kpopnet.json` 2.0.5) into
datasets/hallyu.json through hallyu's own importer and linker, so that it can be re-run.

    npm ci --prefix tests/kpopnet
    cmake --build build --target hallyu
    scripts/merge_kpopnet.py [--hallyu build/hallyu] [--data datasets/hallyu.json] [--work build/kpopnet]

1. `hallyu import --format kpopnet --link-to datasets/hallyu.json` links kpopnet's idols, groups and
   agencies to the existing entities (ids first, then names confirmed by years and linked neighbours;
   see include/hallyu/io/link.hpp), with the links audited by hand below (AUDITED) passed as --same-as.
   Entities merged before carry their kpopnet record's address (https://net.kpop.re/?id=...) in `urls`
   and are linked to it again by id; an agency (no address) whose contracts cite kpopnet is linked again
   to kpopnet's agency of the same name. So a second run changes nothing.
2. New entities get readable ids (the name, with the group, debut or birth year when another entity
   has that name), like the rest of the file.
3. The result is merged into the file line by line, keeping its order: new records land next to their
   neighbours; an existing entity gains only aliases, `urls` and the birth and debut years and dates it
   lacks (the linker already left out what disagrees); an existing relation gains only kpopnet's sources. What kpopnet says
   differently about existing records (a membership it calls former, a group it calls disbanded) is not
   merged but listed in WORK/differences.txt for an audit, since the existing records were checked against
   newer sources (KARA, 2NE1 and GFRIEND reunited after the dates kpopnet records).
   Heights and weights are left out: not what this graph is about.
Writes WORK/linked.json and WORK/report.json (the linker's report) too.
"""
import argparse, json, os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VERSION = "2.0.5"
KIND_ORDER = ["network", "agency", "group", "idol", "actor", "drama", "ost"]
TYPE_ORDER = ["member_of", "signed_to", "acted_in", "ost_of", "performed", "aired_on", "collaborated_with"]
IDENTITY = {"acted_in": ["role", "year"], "ost_of": ["part"], "signed_to": ["since"], "collaborated_with": ["work"]}
ON_EXISTING = ["urls", "birth_year", "birth_date", "debut_year", "debut_date"]
LEFT_OUT = {"height", "weight"}
KPOPNET_URL = "https://net.kpop.re/?id="

# Links the rules cannot make, each checked by hand (kpopnet id, existing id, why).
AUDITED = [
    # People: one side's birth year differs (December birthdays recorded a year late), or no year to compare.
    ("kpopnet-9P-3DiIEkavBUNoijPmL", "hyolyn", "SISTAR's Hyolyn (Kim Hyo-jung); kpopnet 1990-12-11, here 1991"),
    ("kpopnet-5TG2sX09sB7wUeoE8Nem", "bora", "SISTAR's Yoon Bo-ra; kpopnet 1989-12-30 (here 1990 until the audit corrected it)"),
    ("kpopnet-hlP-1f4rhpH-KoCIcbQE", "song-ha-ye", "the soloist Song Ha-ye (송하예), an OST singer; no year here"),
    ("kpopnet-Uki_rWbXIGzPJEwfXKHo", "chanmi", "AOA's Chanmi (born 1996-06-19, AOA since its 2012 debut), renamed Im Dohwa"),
    # Agencies: the same company under another name or spelling (no shared group to confirm it).
    ("kpopnet-agency-big-hit-entertainment", "big-hit-music", "Big Hit Entertainment, an alias here"),
    ("kpopnet-agency-belift-lab", "belift-lab", "the same name"),
    ("kpopnet-agency-dsp", "dsp-media", "DSP Media (Rainbow's agency), DSP for short"),
    ("kpopnet-agency-dream-tea-entertainment", "dream-t-entertainment", "드림티엔터테인먼트, Girl's Day's agency"),
    ("kpopnet-agency-plan-a-entertainment", "ist-entertainment", "Plan A became Play M, then IST (Apink)"),
    ("kpopnet-agency-play-m-entertainment", "ist-entertainment", "Play M Entertainment, an alias here"),
    ("kpopnet-agency-creker-entertainment", "ist-entertainment", "Cre.ker merged into IST in 2021; an alias here"),
    ("kpopnet-agency-mystic-entertainment", "mystic-story", "Mystic Entertainment, an alias here"),
    ("kpopnet-agency-mystic-story", "mystic-story", "the same name"),
    ("kpopnet-agency-sm", "sm-entertainment", "SM, an alias here (Red Velvet)"),
    # ... and the spellings the rules would link but for the one above claiming the company first.
    ("kpopnet-agency-sm-entertainment", "sm-entertainment", "the same name; aespa, f(x), Girls' Generation"),
    ("kpopnet-agency-dsp-media", "dsp-media", "the same name; KARA"),
    ("kpopnet-agency-sidushq", "sidushq", "the same name"),
    ("kpopnet-agency-star-empire-entertainment", "star-empire-entertainment", "the same name"),
    ("kpopnet-agency-yuehua-entertainment", "yuehua-entertainment", "the same name"),
]
# Display names corrected (kpopnet's becomes an alias): (kpopnet id -> (name, why)).
NAMES = {
    "kpopnet-EmS6tMtnHKWecNa9Gemw": ("Yuuna", "유우나 (Ogura Yuuna of bugAboo) is Yuuna; Yoona romanises 윤아"),
}
# New agencies kpopnet spells two ways (kpopnet id -> the one kept; its name becomes an alias).
INCOMING_SAME = {
    "kpopnet-agency-wake-one": "kpopnet-agency-wake-one-entertainment",
    "kpopnet-agency-kakao-m": "kpopnet-agency-loen-entertainment",  # LOEN was renamed Kakao M in 2018
}


def slug(text):
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s


def load_lines(path):
    """The file as (kind of line, parsed record or None, text) in order."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            body = line.strip().rstrip(",")
            if body.startswith('{"id"'):
                out.append(("entity", json.loads(body), line))
            elif body.startswith('{"from"'):
                out.append(("relation", json.loads(body), line))
            else:
                out.append(("text", None, line))
    return out


def identity(r):
    ends = (r["from"], r["to"])
    if r["type"] == "collaborated_with":
        ends = tuple(sorted(ends))
    return (r["type"],) + ends + tuple(json.dumps(r.get(k), ensure_ascii=False) for k in IDENTITY.get(r["type"], []))


def sources(r):
    s = r.get("source")
    return [] if s is None else [s] if isinstance(s, str) else list(s)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hallyu", default=os.path.join(ROOT, "build", "hallyu"))
    parser.add_argument("--kpopnet", default=os.path.join(ROOT, "tests", "kpopnet", "node_modules", "kpopnet.json"))
    parser.add_argument("--data", default=os.path.join(ROOT, "datasets", "hallyu.json"))
    parser.add_argument("--work", default=os.path.join(ROOT, "build", "kpopnet"))
    args = parser.parse_args()
    package = json.load(open(os.path.join(args.kpopnet, "package.json"), encoding="utf-8"))
    if package.get("version") != VERSION or package.get("license") != "CC0-1.0":
        sys.exit(f"expected kpopnet.json {VERSION} (CC0-1.0), found {package.get('version')} ({package.get('license')})")
    kpopnet_file = os.path.join(args.kpopnet, "kpopnet.json")
    os.makedirs(args.work, exist_ok=True)
    linked_path, report_path = os.path.join(args.work, "linked.json"), os.path.join(args.work, "report.json")

    lines = load_lines(args.data)
    existing = {rec["id"]: rec for kind, rec, _ in lines if kind == "entity"}
    same = {incoming: (ex, why) for incoming, ex, why in AUDITED}
    for rec in existing.values():
        for url in rec.get("urls", []):
            if url.startswith(KPOPNET_URL):
                same.setdefault("kpopnet-" + url[len(KPOPNET_URL):], (rec["id"], "merged before"))
    # Agencies have no kpopnet address: one merged before (a contract cites kpopnet) is the kpopnet agency
    # of its name or alias.
    cited = {rec["to"] for kind, rec, _ in lines
             if kind == "relation" and rec["type"] == "signed_to" and any(KPOPNET_URL in u for u in sources(rec))}
    kpopnet_data = json.load(open(kpopnet_file, encoding="utf-8"))
    kpopnet_agencies = {slug(a) for g in kpopnet_data["groups"] for a in (g.get("agency_name") or "").split(",") if a.strip()}
    for agency in sorted(cited):
        rec = existing[agency]
        for name in [rec["name"]] + rec.get("aliases", []):
            if slug(name) in kpopnet_agencies:
                same.setdefault("kpopnet-agency-" + slug(name), (agency, "merged before"))
    command = [args.hallyu, "import", "--format", "kpopnet", kpopnet_file, "--link-to", args.data,
               "-o", linked_path, "--report", report_path]
    for incoming, (ex, _) in sorted(same.items()):
        command += ["--same-as", f"{incoming}={ex}"]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    linked = json.load(open(linked_path, encoding="utf-8"))
    report = json.load(open(report_path, encoding="utf-8"))
    kept = {e["id"]: e for e in linked["entities"]}
    for gone, into in INCOMING_SAME.items():
        if gone in kept and into in kept:
            kept[into].setdefault("aliases", []).append(kept[gone]["name"])
            del kept[gone]
    linked["entities"] = list(kept.values())
    for r in linked["relations"]:
        r["from"], r["to"] = INCOMING_SAME.get(r["from"], r["from"]), INCOMING_SAME.get(r["to"], r["to"])

    # Readable ids for the new entities.
    incoming = {e["id"]: e for e in linked["entities"]}
    groups_of = {}
    for r in linked["relations"]:
        if r["type"] == "member_of":
            groups_of.setdefault(r["from"], []).append(r["to"])
    name_count = {}
    for e in list(existing.values()) + [e for e in linked["entities"] if e["id"] not in existing]:
        name = NAMES[e["id"]][0] if e["id"] in NAMES else e["name"]
        name_count[slug(name)] = name_count.get(slug(name), 0) + 1
    used = set(existing)
    rename = {}

    def year(e, key):
        v = e.get(key)
        return str(v) if v else None

    new_ids = [e["id"] for e in linked["entities"] if e["id"] not in existing]
    new_ids.sort(key=lambda i: (KIND_ORDER.index(incoming[i]["kind"]), i))
    for i in new_ids:
        e = incoming[i]
        base = slug(NAMES[i][0] if i in NAMES else e["name"]) or slug(i)
        tries = []
        if name_count.get(base, 0) <= 1:
            tries.append(base)
        if e["kind"] == "idol":
            for g in groups_of.get(i, []):
                tries.append(base + "-" + slug(incoming[g]["name"] if g in incoming else existing[g]["name"]))
            if year(e, "birth_year"):
                tries.append(base + "-" + year(e, "birth_year"))
        elif e["kind"] == "group" and year(e, "debut_year"):
            tries.append(base + "-" + year(e, "debut_year"))
        elif e["kind"] == "agency":
            tries.append(base + "-agency")
        tries.append(i)
        rename[i] = next(t for t in tries if t and t not in used)
        used.add(rename[i])

    def new_id(i):
        return rename.get(i, i)

    # Records to merge.
    differences = []
    new_entities, updated = [], {}
    for e in linked["entities"]:
        if e["id"] in existing:
            old = existing[e["id"]]
            rec = dict(old)
            aliases = list(old.get("aliases", []))
            aliases += [a for a in e.get("aliases", []) if a not in aliases and a != old["name"]]
            if "aliases" in old or aliases:
                rec["aliases"] = aliases
            for k in ON_EXISTING:
                if k in e and k not in rec:
                    rec[k] = e[k]
            for k, v in e.items():
                if k not in ("id", "kind", "name", "aliases", "parent_group") and k not in ON_EXISTING and k not in LEFT_OUT and old.get(k) != v:
                    differences.append(f"{old['id']}: kpopnet says {k} {json.dumps(v, ensure_ascii=False)}; here {json.dumps(old.get(k))}")
            if rec != old:
                updated[old["id"]] = rec
            continue
        rec = {"id": new_id(e["id"]), "kind": e["kind"], "name": e["name"], "aliases": e.get("aliases", [])}
        if e["id"] in NAMES:
            rec["name"] = NAMES[e["id"]][0]
            rec["aliases"] = [e["name"]] + [a for a in rec["aliases"] if a != e["name"]]
        for k, v in e.items():
            if k in rec or k in LEFT_OUT:
                continue
            rec[k] = new_id(v) if k == "parent_group" else v
        new_entities.append(rec)

    existing_relations = {}
    for kind, rec, _ in lines:
        if kind == "relation":
            existing_relations[identity(rec)] = rec
    by_ends = {}
    for rec in existing_relations.values():
        by_ends.setdefault((rec["type"], rec["from"], rec["to"]), []).append(rec)
    new_relations, relation_updates = [], {}
    for r in linked["relations"]:
        r = dict(r)
        r["from"], r["to"] = new_id(r["from"]), new_id(r["to"])
        key = identity(r)
        old = existing_relations.get(key)
        if old is None and r["type"] == "signed_to" and "since" not in r and by_ends.get((r["type"], r["from"], r["to"])):
            differences.append(f"{r['from']} signed_to {r['to']}: kpopnet states it without years; here several contracts, left as they are")
            continue
        if old is None:
            new_relations.append(r)
            continue
        merged = relation_updates.get(key, dict(old))
        for s in sources(r):
            if s not in sources(merged):
                merged["source"] = sources(merged) + [s]
        for k, v in r.items():
            if k not in ("from", "to", "type", "source", "roles") and merged.get(k) != v:
                differences.append(f"{r['from']} {r['type']} {r['to']}: kpopnet says {k} {json.dumps(v, ensure_ascii=False)}; here {json.dumps(merged.get(k))}")
        if merged != old:
            relation_updates[key] = merged

    # Write: existing lines in their order, updated in place, new ones inserted before the first greater line.
    def entity_key(rec):
        return (KIND_ORDER.index(rec["kind"]), rec["id"])

    def relation_key(rec):
        return (TYPE_ORDER.index(rec["type"]), rec["from"], rec["to"])

    new_entities.sort(key=entity_key)
    new_relations.sort(key=relation_key)
    out_entities, out_relations = [], []
    ne = nr = 0
    for kind, rec, _ in lines:
        if kind == "entity":
            while ne < len(new_entities) and entity_key(new_entities[ne]) < entity_key(rec):
                out_entities.append(new_entities[ne]); ne += 1
            out_entities.append(updated.get(rec["id"], rec))
        elif kind == "relation":
            while nr < len(new_relations) and relation_key(new_relations[nr]) < relation_key(rec):
                out_relations.append(new_relations[nr]); nr += 1
            out_relations.append(relation_updates.get(identity(rec), rec))
    out_entities += new_entities[ne:]
    out_relations += new_relations[nr:]
    head = [text for kind, _, text in lines if kind == "text"]
    if head[:2] != ['{"format": "hallyu/1",', ' "entities": [']:
        sys.exit(f"{args.data}: unexpected layout (expected one record per line)")
    tmp = args.data + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write('{"format": "hallyu/1",\n "entities": [\n')
        f.write(",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in out_entities))
        f.write('\n ],\n "relations": [\n')
        f.write(",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in out_relations))
        f.write('\n ]}\n')
    os.replace(tmp, args.data)
    with open(os.path.join(args.work, "differences.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(set(differences))) + "\n")
    with open(os.path.join(args.work, "ids.json"), "w", encoding="utf-8") as f:
        json.dump(rename, f, ensure_ascii=False, indent=0, sort_keys=True)
    print(f"{args.data}: {len(report['linked'])} linked, {len(new_entities)} new entities "
          f"({len(report['ambiguous'])} with a namesake left apart), {len(updated)} existing entities and "
          f"{len(relation_updates)} existing relations gained aliases or sources, {len(new_relations)} new relations; "
          f"{len(set(differences))} differences listed in {os.path.join(args.work, 'differences.txt')}")


if __name__ == "__main__":
    main()
