"""Pooled precision and recall over every labelled entry on the engine at WT: fixture sets, held-out writers, held-out checks.

    WT=repo python bench/heldout/pooled.py

WT defaults to this script's repository; its tests/portal/heldout sets are used (SETS="A B ..."
keeps only those), and the fixture labels against $ONCEONLY_SHARED/data/portal-2026. Slow (minutes).
"""
import os, sys
from collections import Counter
from pathlib import Path
HERE_REPO = Path(__file__).resolve().parents[2]
SHARED = os.environ.get('ONCEONLY_SHARED', str(HERE_REPO.parent / 'shared'))
wt = os.path.abspath(os.environ.get('WT', HERE_REPO)); sys.path.insert(0, wt); os.chdir(wt)
import tests.portal.test_heldout_quality as q
from tests.portal.test_paper_quality import score, load_labels, engine_answers
sets = os.environ.get('SETS')
items = q.load_sets()
if sets:
    keep = set(sets.split())
    items = [(r, i) for r, i in items if r.parent.name in keep]
ans = q.heldout_answers(items)
labels = [i for _, i in items]
sc = score(labels, [None if a[0] == 'unmatched' else a for a in ans])
fl = load_labels()
fa = engine_answers(Path(SHARED) / 'data/portal-2026', fl)
fsc = score(fl, fa)
def tot(d, pick):
    t = Counter()
    for n, s in d.items():
        if pick(n):
            for k in ('entries', 'tp', 'fp', 'fn', 'over_strikes'):
                t[k] += s[k]
    return t
def line(name, t):
    print(f"{name:16} {t['entries']:6} entries  P {t['tp']/(t['tp']+t['fp']):.3f} ({t['tp']}/{t['tp']+t['fp']})  R {t['tp']/(t['tp']+t['fn']):.3f} ({t['tp']}/{t['tp']+t['fn']})  wrong whole {t['over_strikes']}")
a = tot(fsc, lambda n: True); b = tot(sc, lambda n: not n.endswith('-check')); c = tot(sc, lambda n: n.endswith('-check'))
line('fixture', a); line('heldout writers', b); line('heldout checks', c); line('all', a + b + c)
bl = tot(fsc, lambda n: n == 'blind'); line('blind', bl)
firsts = tot(fsc, lambda n: n == 'blind' or (n.startswith('blind-') and not n.endswith('-check')))
line('blind firsts', firsts)
