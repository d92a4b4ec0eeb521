"""Draw N Appendix I codes of one ministry's section, least used by earlier held-out sets.

    python bench/heldout/draw.py SEED N "MINISTRY SUBSTRING"

Reads $ONCEONLY_SHARED/data/res-66-7/appendix-1.csv and the repository's
tests/portal/heldout/*/records; skips codes already in $HELDOUT_WORK/drawn.txt (if any) and
appends the drawn ones to it. Prints code, title and how many earlier sets used it.
"""
import csv, glob, os, random, sys, collections
from pathlib import Path
REPO = Path(__file__).resolve().parents[2]
WORK = os.environ.get('HELDOUT_WORK', '/tmp/heldout')
SHARED = os.environ.get('ONCEONLY_SHARED', str(REPO.parent / 'shared'))
os.makedirs(WORK, exist_ok=True)
drawn = os.path.join(WORK, 'drawn.txt')
seed, n, ministry = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3].upper()
rows = collections.OrderedDict()
for r in csv.DictReader(open(f'{SHARED}/data/res-66-7/appendix-1.csv', encoding='utf-8')):
    c = r['code_as_written'].replace(',', '.').strip()
    if ministry in r['ministry_section'].upper():
        rows.setdefault(c, r['procedure_name'])
used = collections.Counter(os.path.basename(p)[:-5] for p in glob.glob(f'{REPO}/tests/portal/heldout/*/records/*/*.json'))
taken = set(open(drawn).read().split()) if os.path.exists(drawn) else set()
cands = [c for c in rows if c not in taken and len(c.split('.')[1]) == 6]
if len(cands) < n:
    sys.exit(f"only {len(cands)} undrawn codes in {ministry!r}; draw from another ministry")
# The least used first; widen one use at a time until there are enough to draw from.
low = min(used[c] for c in cands)
pool = [c for c in cands if used[c] <= low]
while len(pool) < n:
    low += 1
    pool = [c for c in cands if used[c] <= low]
random.seed(seed)
pick = random.sample(pool, n)
with open(drawn, 'a') as f:
    f.write('\n'.join(pick) + '\n')
for c in pick:
    print(f"{c}\t{rows[c]}\t(used by {used[c]} earlier sets)")
