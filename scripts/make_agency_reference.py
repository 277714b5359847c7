#!/usr/bin/env python3
"""The agency x network table of `crossovers --pattern agency-networks`, recomputed from a dataset file
with nothing but the json module (not hallyu's code), for tests/integration/test_agency_contracts.cpp.

A drama counts for an agency when its acted_in year (the relation's `year`, else the drama's) lies in
the artist's own signed_to interval with the agency, or, for a member of a group signed to it, in both
the group's contract and the membership (since..until, a missing end open; a former member without
`until` counts for no agency through the group). Two roles in one drama are one credit.

Usage: python3 scripts/make_agency_reference.py datasets/hallyu.json > tests/fixtures/reference/agency_networks_hallyu.json
"""
import json
import sys
from collections import defaultdict

MIN_CREDITS = 3
LOW, HIGH = 1800, 2200


def year(value):
    return int(value) if value is not None else None


def interval(rel):
    since, until = year(rel.get('since')), year(rel.get('until'))
    if since is None and until is None and 'years' in rel:
        a, _, b = rel['years'].partition('-')
        since, until = (int(a) if a else None), (int(b) if b else None)
    return (since if since is not None else LOW, until if until is not None else HIGH)


def main(path):
    data = json.load(open(path, encoding='utf-8'))
    entities = {e['id']: e for e in data['entities']}
    kind = {i: e['kind'] for i, e in entities.items()}
    members = defaultdict(list)  # group -> [(idol, (first, last), former)]
    acted = defaultdict(dict)    # person -> drama -> year (first relation wins)
    aired = defaultdict(set)     # drama -> networks
    contracts = defaultdict(list)  # agency -> [(artist, (first, last))]
    for r in data['relations']:
        t = r['type']
        if t == 'member_of':
            members[r['to']].append((r['from'], interval(r), r.get('status') == 'former'))
        elif t == 'acted_in':
            y = r.get('year', entities[r['to']].get('year'))
            acted[r['from']].setdefault(r['to'], y)
        elif t == 'aired_on':
            aired[r['from']].add(r['to'])
        elif t == 'signed_to':
            contracts[r['to']].append((r['from'], interval(r)))
    rows = []
    for agency, signed in contracts.items():
        terms = defaultdict(list)
        for artist, (a, b) in signed:
            terms[artist].append((a, b))
            if kind[artist] == 'group':
                for idol, (ma, mb), former in members[artist]:
                    if former and mb == HIGH:
                        continue
                    lo, hi = max(a, ma), min(b, mb)
                    if lo <= hi:
                        terms[idol].append((lo, hi))
        total = 0
        per_network = defaultdict(int)
        artists_on = defaultdict(set)
        for artist, spans in terms.items():
            for drama, y in acted[artist].items():
                ok = any(lo <= y <= hi for lo, hi in spans) if y is not None else any(
                    (lo, hi) == (LOW, HIGH) for lo, hi in spans)
                if not ok:
                    continue
                total += 1
                for network in aired[drama]:
                    per_network[network] += 1
                    artists_on[network].add(artist)
        for network, count in per_network.items():
            if count >= MIN_CREDITS:
                rows.append({'agency': agency, 'network': network, 'count': count,
                             'artists': len(artists_on[network]), 'total': total})
    rows.sort(key=lambda r: (-r['count'], -r['artists'], -r['count'] / r['total'], r['agency'], r['network']))
    json.dump({'command': 'python3 scripts/make_agency_reference.py ' + path, 'agency_networks': rows},
              sys.stdout, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main(sys.argv[1])
