"""Show the rows whose decision differs between two wdump.py dumps, with the labels' entry_goes where known.

    python bench/heldout/lab.py A.tsv B.tsv

Labels are looked up in this repository's tests/portal/heldout/*/labels*.yaml,
$HELDOUT_KEEP/*/labels.yaml and $HELDOUT_WORK/*/labels-check.yaml. Ends with the count of
changed rows.
"""
import os, sys, glob, yaml
from pathlib import Path
REPO = Path(__file__).resolve().parents[2]
WORK = os.environ.get('HELDOUT_WORK', '/tmp/heldout')
KEEP = os.environ.get('HELDOUT_KEEP', '/tmp/heldout-keep')
def load(p):
    d = {}
    for line in open(p, encoding='utf-8'):
        tag, rel, st, status, comps, text = line.rstrip('\n').split('\t')
        k = (tag, rel, st); n = 0
        while k + (n,) in d: n += 1
        d[k + (n,)] = (status, comps, text)
    return d
a, b = load(sys.argv[1]), load(sys.argv[2])
labs = {}
for f in glob.glob(f'{REPO}/tests/portal/heldout/*/labels*.yaml') + glob.glob(f'{KEEP}/*/labels.yaml') + glob.glob(f'{WORK}/*/labels-check.yaml'):
    s = f.split('/')[-2]
    for e in yaml.safe_load(open(f, encoding='utf-8'))['entries']:
        labs.setdefault((s, e['file'], e['starts'][:12]), []).append(e['entry_goes'])
n = 0
for k in sorted(set(a) | set(b)):
    if a.get(k, (None,))[:2] != b.get(k, (None,))[:2]:
        n += 1
        lab = labs.get((k[0], k[1], k[2][:12]), '')
        print(k[0], k[1], repr(k[2]), 'labels', lab)
        print('   A', a.get(k, ('-', '-'))[:2]); print('   B', b.get(k, ('-', '-'))[:2])
        print('   ', (a.get(k) or b.get(k))[2][:300])
print(n, 'changed rows of', len(b))
