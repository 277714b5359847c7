#!/usr/bin/env python3
"""Where a hallyu/1 dataset and kpopnet.json disagree on birth years and current/former membership:
the cross-check behind the audit in datasets/README.md (json module only, none of hallyu's code).

Groups match on a shared name or Hangul name. A member matches the kpopnet idol of the matched group
who shares a name (stage name, real name or their Hangul) with it; a member with no such idol, or with
two, is reported as unmatched rather than guessed. kpopnet marks every member of a disbanded group
former; this dataset keeps a member current when the group reunited or the member never left it, so
each disagreement is for a person to judge, not an error by itself.

Usage: python3 scripts/compare_kpopnet.py datasets/hallyu.json tests/kpopnet/node_modules/kpopnet.json/kpopnet.json
"""
import json
import re
import sys


def norm(s):
    return re.sub(r'[^0-9a-z\uac00-\ud7a3]', '', (s or '').lower())


def names(*values):
    return {norm(v) for v in values if v and norm(v)}


def main(dataset_path, kpopnet_path):
    data = json.load(open(dataset_path, encoding='utf-8'))
    kpop = json.load(open(kpopnet_path, encoding='utf-8'))
    ents = {e['id']: e for e in data['entities']}
    idols = {i['id']: i for i in kpop['idols']}
    groups = {}
    for e in ents.values():
        if e['kind'] != 'group':
            continue
        ours = names(e['name'], *e.get('aliases', []))
        found = [g for g in kpop['groups'] if names(g['name'], g.get('name_alias'), g.get('name_original')) & ours]
        if len(found) == 1:
            groups[e['id']] = found[0]
    compared, lines = 0, []
    for r in data['relations']:
        if r['type'] != 'member_of' or r['to'] not in groups:
            continue
        e = ents[r['from']]
        ours = names(e['name'], *e.get('aliases', []))
        found = [(m, idols[m['idol_id']]) for m in groups[r['to']]['members']
                 if names(*(idols[m['idol_id']].get(k) for k in ('name', 'name_alias', 'name_original', 'real_name',
                                                                  'real_name_original'))) & ours]
        if len(found) != 1:
            lines.append(f"unmatched {r['from']} in {r['to']}: {len(found)} kpopnet candidates")
            continue
        member, idol = found[0]
        compared += 1
        current = r.get('status') != 'former' and 'until' not in r
        if current != member['current']:
            lines.append(f"status {r['from']} in {r['to']}: {'current' if current else 'former'} here, "
                         f"{'current' if member['current'] else 'former'} in kpopnet "
                         f"(group disbanded {groups[r['to']]['disband_date'] or 'never'})")
        born = idol.get('birth_date')
        if born and e.get('birth_year') != int(born[:4]):
            lines.append(f"birth_year {r['from']}: {e.get('birth_year')} here, born {born} in kpopnet")
    print(f"{len(groups)} groups matched, {compared} memberships compared")
    for line in sorted(set(lines)):
        print(line)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
