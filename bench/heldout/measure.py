"""Score the engine of one worktree against held-out sets' labels (writer + check), per set and pooled.

    WT=/path/to/worktree python bench/heldout/measure.py SET...

WT defaults to this script's repository. Sets are read from $HELDOUT_WORK/<SET>/records,
$HELDOUT_KEEP/<SET>/labels.yaml and $HELDOUT_WORK/<SET>/labels-check.yaml (if present), or,
with FROM=project, from WT/tests/portal/heldout/<SET>. SHOW=1 lists mismatches.
"""
import os, sys, shutil, tempfile
from collections import Counter
from pathlib import Path
WORK = os.environ.get('HELDOUT_WORK', '/tmp/heldout')
KEEP = os.environ.get('HELDOUT_KEEP', '/tmp/heldout-keep')
wt = os.path.abspath(os.environ.get('WT', Path(__file__).resolve().parents[2]))
sys.path.insert(0, wt)
os.chdir(wt)
import tests.portal.test_heldout_quality as q
from tests.portal.test_paper_quality import score, mismatches
sets = sys.argv[1:]
tmp = Path(tempfile.mkdtemp())
for s in sets:
    d = tmp / s
    if os.environ.get('FROM') == 'project':
        shutil.copytree(Path(wt) / 'tests/portal/heldout' / s, d)
    else:
        shutil.copytree(f'{WORK}/{s}/records', d / 'records')
        shutil.copy(f'{KEEP}/{s}/labels.yaml', d / 'labels.yaml')
        if os.path.exists(f'{WORK}/{s}/labels-check.yaml'):
            shutil.copy(f'{WORK}/{s}/labels-check.yaml', d / 'labels-check.yaml')
q.HELDOUT = tmp
items = q.load_sets()
answers = q.heldout_answers(items)
labels = [i for _, i in items]
un = Counter(l['set'] for l, a in zip(labels, answers) if a[0] == 'unmatched')
sc = score(labels, [None if a[0] == 'unmatched' else a for a in answers])
def line(name, s):
    p = s['tp'] / (s['tp'] + s['fp']) if s['tp'] + s['fp'] else 1.0
    r = s['tp'] / (s['tp'] + s['fn']) if s['tp'] + s['fn'] else 1.0
    print(f"{name:22} {s['entries']:4} entries ({un.get(name, 0)} unm)  P {p:.3f} ({s['tp']}/{s['tp']+s['fp']})  R {r:.3f} ({s['tp']}/{s['tp']+s['fn']})  wrong whole {s['over_strikes']}  struck whole {s['entries_struck']}/{s['entries_labelled_go']}")
for n in sorted(sc):
    line(n, sc[n])
for kind in ('writer', 'check'):
    tot = Counter()
    for n, s in sc.items():
        if n.endswith('-check') == (kind == 'check'):
            for k in ('entries', 'tp', 'fp', 'fn', 'over_strikes', 'entries_struck', 'entries_labelled_go'):
                tot[k] += s[k]
    line('pooled ' + kind, tot)
if os.environ.get('SHOW'):
    ans = [None if a[0] == 'unmatched' else a for a in answers]
    for n in sorted(sc):
        for item, d, want, got in mismatches(labels, ans, n):
            print(f"\n[{n}] {item['file']}#{item['entry']} want {want} got {got} entry {item['entry_goes']} -> {d.status.value if d else None}  {item['starts']!r}")
            for p in item['papers']:
                print(f"   L {p['goes']:4} {p['source']} {p['paper']}")
            for c in d.components if d else []:
                print(f"   E {c.id} {c.status.value:9} {c.source} {c.document_types} {c.path} {c.text[:90]!r}")
shutil.rmtree(tmp)
