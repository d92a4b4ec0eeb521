"""Print the parsed rows and decisions of one held-out record.

    WT=repo python bench/heldout/one.py SET FILE [K...]

FILE is the record's path under records/ (e.g. ubnd-xa/9.886001.json); K... limits the output to
those row indexes. WT (the engine to use) defaults to this script's repository. The record is
read from $HELDOUT_WORK/SET/records if $HELDOUT_WORK/SET exists, else from
WT/tests/portal/heldout/SET/records.
"""
import sys, os, json
from pathlib import Path
WORK = os.environ.get('HELDOUT_WORK', '/tmp/heldout')
repo = os.path.abspath(os.environ.get('WT', Path(__file__).resolve().parents[2])); sys.path.insert(0, repo); os.chdir(repo)
from engine.evaluator import Engine
from engine.importer import shipped_recogniser
from engine.loading import load_catalogue
from engine.portal import parse_record
from tests.portal.test_paper_quality import decision_at
s, f, *ks = sys.argv[1:]
root = f'{WORK}/{s}/records' if os.path.exists(f'{WORK}/{s}') else f'{repo}/tests/portal/heldout/{s}/records'
r = parse_record(json.load(open(f'{root}/{f}', encoding='utf-8')), f, f.split('/')[0], shipped_recogniser())
cat = load_catalogue().catalogue.copy_on_write('x'); cat.procedures = {r.procedure.code: r.procedure}
eng = Engine(cat)
for k, e in enumerate(r.entries):
    if ks and str(k) not in ks: continue
    kind, d = decision_at(eng, r, k)
    print(f"#{k} [{e.kind}] {e.text}")
    if d:
        print(f"   -> {d.status.value} rule={d.rule}")
        for c in d.components:
            print(f"   {c.id} {c.status.value:9} {c.source} {c.document_types} {c.path} {c.rule} {c.text[:100]!r}")
