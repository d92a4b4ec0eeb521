"""Redraw the entries of ``paper_labels/`` (a helper, not a test).

Usage: ``python -m tests.portal.sample_paper_labels OUTDIR``. Writes, for each
drawn entry, file, entry index, hash, section, quantity and text to
``OUTDIR/part-N.jsonl`` for a person to label per paper. The text goes to a
scratch folder only: never commit it (the fixture stays in ../shared).

The draw, fixed by its seeds, over the *document* entries that
:func:`engine.portal.parse_dossier` returns for the six ministry folders:

* ``blind`` (seed 20261129): 80 entries at random plus 80 entries whose folded
  text mentions an Art. 4 word. They were labelled before anyone looked at the
  engine's answer on them, and the recognition rules were not tuned on them:
  they give the honest figure.
* ``blind-2`` (seed 29112026): 40 entries at random plus 120 mentioning an Art. 4
  word, drawn from the rest on 29 Nov 2026 and labelled, like ``blind``, before
  anyone looked at the engine's answer on them: the second honest figure, with
  more database papers in it. It was read after that first measure (its
  disagreements were studied to fix the reading), so it is no longer blind.
* ``blind-3`` (seed 30112026): drawn like ``blind-2`` once the fixes that
  reading brought were made, labelled before anyone looked at the engine's
  answer on it: the honest figure after them.
* ``blind-4`` (seed 20261130): drawn like ``blind-3`` on 30 Nov 2026 once
  blind-3's reading was fixed, labelled before anyone looked at the engine's
  answer on it: the honest figure after those fixes.
* ``blind-5`` to ``blind-15`` (seeds in :data:`DRAWS`): drawn like ``blind-4``,
  one after the other, each once the previous set's reading was fixed, and
  labelled by the same written guide (``paper_labels/GUIDE.md``) before anyone
  looked at the engine's answer on it. After ``blind-15`` no entry that
  mentions an Art. 4 word is left to draw.
* ``dev`` (seed 10102026): 130 entries at random plus 130 mentioning an Art. 4
  word, drawn from the rest. Tuning may read them.
* ``audit`` (``paper_labels/audit-part-1.yaml``, not drawn here): once the
  draws were done, the 31 entries outside them in which the engine struck a
  paper (a precision audit: every strike of the imported catalogue now sits in
  a labelled entry).
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

from engine.portal.folding import fold

from .conftest import portal_data
from .sample_labels import MENTION, _entries


def document_entries(root: Path) -> list[tuple[str, str, object]]:
    return [x for x in _entries(root) if x[2].kind == "document"]


# (set, seed, entries at random, entries mentioning an Art. 4 word), drawn in this order.
DRAWS = (
    ("blind", 20261129, 80, 80),
    ("dev", 10102026, 130, 130),
    ("blind-2", 29112026, 40, 120),
    ("blind-3", 30112026, 40, 120),
    ("blind-4", 20261130, 40, 120),
    ("blind-5", 30112027, 40, 120),
    ("blind-6", 1122026, 40, 120),
    ("blind-7", 2122026, 40, 120),
    ("blind-8", 3122026, 40, 120),
    ("blind-9", 4122026, 40, 120),
    ("blind-10", 5122026, 40, 120),
    ("blind-11", 6122026, 40, 120),
    ("blind-12", 7122026, 40, 120),
    ("blind-13", 8122026, 40, 120),
    ("blind-14", 9122026, 40, 120),
    ("blind-15", 10122026, 40, 120),
)


def draw(root: Path) -> list[tuple[str, str, object, str]]:
    """Entries with their set (``blind`` or ``dev``), in labelling order."""
    entries = document_entries(root)
    picked: list[tuple[str, str, object, str]] = []
    taken: set[tuple[str, int]] = set()
    for label, seed, n, m in DRAWS:
        rng = random.Random(seed)
        pool = [x for x in entries if (x[0], x[2].index) not in taken]
        chosen = rng.sample(pool, n)
        taken |= {(x[0], x[2].index) for x in chosen}
        mention = [x for x in entries if (x[0], x[2].index) not in taken and MENTION.search(fold(x[2].text))]
        more = rng.sample(mention, m)
        taken |= {(x[0], x[2].index) for x in more}
        picked += [(*x, label) for x in chosen + more]
    return picked


def digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    only = sys.argv[2] if len(sys.argv) > 2 else None
    items = [x for x in draw(portal_data()) if only is None or x[3] == only]
    parts = 3
    for k in range(parts):
        with (out / f"part-{k + 1}.jsonl").open("w", encoding="utf-8") as fh:
            for rel, ministry, e, label in items[k::parts]:
                record = json.loads((portal_data() / rel).read_text(encoding="utf-8"))
                row = {
                    "file": rel,
                    "entry": e.index,
                    "hash": digest(e.text),
                    "set": label,
                    "procedure": record.get("ten_thu_tuc"),
                    "section": e.section,
                    "originals": e.originals,
                    "copies": e.copies,
                    "text": e.text,
                }
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(items)} entries in {parts} parts under {out}")
