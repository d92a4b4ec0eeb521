"""Fill a helper's brief for one held-out set.

    python bench/heldout/mk.py WRITER.md|CHECKER.md SET "theme" FOLDER "9.xxx000 to 9.xxx009" CODE...

Replaces {SET} {THEME} {FOLDER} {FREE} and {APPENDIX} (the CODEs with their Appendix I titles,
from $ONCEONLY_SHARED/data/res-66-7/appendix-1.csv) and writes $HELDOUT_WORK/writer-SET.md
(or checker-SET.md for CHECKER.md); prints its path. A template given without a folder is read
from this script's folder. The briefs name the default paths (/tmp/heldout ...) as written.
"""
import csv, os, sys
from pathlib import Path
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
WORK = os.environ.get('HELDOUT_WORK', '/tmp/heldout')
SHARED = os.environ.get('ONCEONLY_SHARED', str(REPO.parent / 'shared'))
tpl, s, theme, folder, free, *codes = sys.argv[1:]
if not os.path.dirname(tpl):
    tpl = str(HERE / tpl)
names = {}
for r in csv.DictReader(open(f'{SHARED}/data/res-66-7/appendix-1.csv', encoding='utf-8')):
    names.setdefault(r['code_as_written'].replace(',', '.').strip(), r['procedure_name'])
app = ''.join(f"\n  - `{c}` {names[c]}" for c in codes)
text = open(tpl, encoding='utf-8').read().replace('{SET}', s).replace('{THEME}', theme).replace('{FOLDER}', folder).replace('{FREE}', free).replace('{APPENDIX}', app)
out = os.path.join(WORK, ('writer-' if 'WRITER' in os.path.basename(tpl) else 'checker-') + s + '.md')
open(out, 'w', encoding='utf-8').write(text)
print(out)
