"""Move the writer's labels out of the checker's reach and list the rows for the checker.

    python bench/heldout/prep.py SET

Moves $HELDOUT_WORK/SET/labels.yaml to $HELDOUT_KEEP/SET/labels.yaml and writes
$HELDOUT_WORK/SET/entries.yaml (file, entry, starts of every labelled row).
"""
import os, shutil, sys, yaml
WORK = os.environ.get('HELDOUT_WORK', '/tmp/heldout')
KEEP = os.environ.get('HELDOUT_KEEP', '/tmp/heldout-keep')
s = sys.argv[1]
src = f'{WORK}/{s}/labels.yaml'
keep = f'{KEEP}/{s}'
os.makedirs(keep, exist_ok=True)
d = yaml.safe_load(open(src, encoding='utf-8'))
rows = [{'file': e['file'], 'entry': e['entry'], 'starts': e['starts']} for e in d['entries']]
yaml.safe_dump({'entries': rows}, open(f'{WORK}/{s}/entries.yaml', 'w', encoding='utf-8'), allow_unicode=True, sort_keys=False, width=200)
shutil.move(src, f'{keep}/labels.yaml')
print(s, len(rows), 'rows; labels kept in', keep)
