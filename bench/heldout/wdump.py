"""Dump every fixture and held-out row's decision (citizen, 2026-06-01) as TSV lines.

    python bench/heldout/wdump.py OUT [REPO]

REPO (the engine and tests/portal/heldout to use, e.g. a frozen worktree) defaults to this
script's repository; the fixture is $ONCEONLY_SHARED/data/portal-2026. OUT is relative to the
caller's folder. EXTRA="SET ..." also dumps those sets from
$HELDOUT_WORK/<SET>/records. Columns: set, file, row start, status, components, row text.
Compare two dumps with lab.py.
"""
import sys, os, json, glob
from pathlib import Path
HERE_REPO = Path(__file__).resolve().parents[2]
repo = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else str(HERE_REPO)
WORK = os.environ.get('HELDOUT_WORK', '/tmp/heldout')
SHARED = os.environ.get('ONCEONLY_SHARED', str(HERE_REPO.parent / 'shared'))
out = open(sys.argv[1], 'w')
sys.path.insert(0, repo); os.chdir(repo)
from engine.evaluator import Engine
from engine.importer import shipped_recogniser
from engine.loading import load_catalogue
from engine.portal import parse_record
from tests.portal.test_paper_quality import CITIZEN, AS_OF
rec = shipped_recogniser(); law = load_catalogue().catalogue
def run(tag, paths, root):
    parsed = {}
    for p in paths:
        rel = os.path.relpath(p, root)
        parsed[rel] = parse_record(json.load(open(p, encoding='utf-8')), rel, rel.split('/', 1)[0], rec)
    cat = law.copy_on_write(tag)
    cat.procedures = {r.procedure.code: r.procedure for r in parsed.values() if r.procedure is not None}
    eng = Engine(cat)
    for rel, r in sorted(parsed.items()):
        if r.procedure is None:
            continue
        ds = eng.evaluate(r.procedure.code, CITIZEN, AS_OF).decisions
        docs = [e for e in r.entries if e.kind == 'document']
        for i, (e, d) in enumerate(zip(docs, ds)):
            comps = ' '.join(f"{c.id}:{c.status.value}:{c.source}" for c in d.components)
            out.write(f"{tag}\t{rel}\t{e.text[:40]}\t{d.status.value}\t{comps}\t{e.text[:300]}\n")
fx = f'{SHARED}/data/portal-2026'
run('fixture', sorted(glob.glob(fx + '/*/*.json')), fx)
hd = os.path.join(repo, 'tests/portal/heldout')
for s in sorted(os.listdir(hd)):
    run(s, sorted(glob.glob(f'{hd}/{s}/records/*/*.json')), f'{hd}/{s}/records')
extra = os.environ.get('EXTRA')  # space-separated $HELDOUT_WORK set names
for s in (extra or '').split():
    run(s, sorted(glob.glob(f'{WORK}/{s}/records/*/*.json')), f'{WORK}/{s}/records')
