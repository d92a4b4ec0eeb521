"""Redraw the candidate entries of ``labels.yaml`` (a helper, not a test).

Usage: ``python -m tests.portal.sample_labels > /tmp/candidates.json``. Prints,
for each drawn entry, file, entry index, hash and text, for a person to label.
The text goes to your terminal only: never commit it.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys

from engine.portal import DossierError, iter_records, parse_dossier
from engine.portal.folding import fold

from .conftest import portal_data

MENTION = re.compile(
    r"\b(khai sinh|ket hon|tinh trang hon nhan|chung tu|khai tu|can cuoc|chung minh nhan dan|chung minh thu|cmnd|cccd|"
    r"ho khau|tam tru|cu tru|bao hiem y te|bhyt|bao hiem xa hoi|bhxh|lai xe|dang ky doanh nghiep|dang ky kinh doanh|"
    r"ho kinh doanh|hop tac xa|dang ky xe|quyen su dung dat|so do|so hong|ly lich tu phap|suc khoe)\b"
)
NAMED = re.compile(
    r"\b(giay khai sinh|trich luc khai sinh|giay chung nhan ket hon|trich luc ket hon|tinh trang hon nhan|giay chung tu|"
    r"trich luc khai tu|can cuoc|chung minh nhan dan|cmnd|cccd|so ho khau|so tam tru|cu tru|the bao hiem y te|"
    r"so bao hiem xa hoi|giay phep lai xe|giay chung nhan dang ky (?:doanh nghiep|kinh doanh|ho kinh doanh|hop tac xa)|"
    r"dang ky xe|giay chung nhan quyen su dung dat|ly lich tu phap|kham suc khoe|giay chung nhan suc khoe)\b"
)


def _entries(root):
    out = []
    for path, ministry in iter_records(root):
        try:
            entries = parse_dossier(json.loads(path.read_text(encoding="utf-8"))["thanh_phan_ho_so"])
        except (DossierError, KeyError):
            continue
        rel = str(path.relative_to(root))
        out.extend((rel, ministry, e) for e in entries)
    return out


def draw(root):
    """The four strata of labels.yaml, in order."""
    entries = _entries(root)
    rng = random.Random(20260101)
    picked = []
    for ministry in sorted({m for _, m, _ in entries}):
        pool = [x for x in entries if x[1] == ministry]
        picked += rng.sample(pool, min(4, len(pool)))
    rest = [x for x in entries if x not in picked]
    picked += rng.sample(rest, 120)
    mention = [x for x in entries if x not in picked and MENTION.search(fold(x[2].text))]
    picked += rng.sample(mention, 80)
    seen = {(f, e.index) for f, _, e in picked}
    rng2 = random.Random(66072025)
    unique = {}
    for x in entries:
        if (x[0], x[2].index) not in seen and NAMED.search(fold(x[2].text)):
            unique.setdefault(x[2].text, x)
    picked += rng2.sample(sorted(unique.values(), key=lambda x: (x[0], x[2].index)), 70)
    return picked


if __name__ == "__main__":
    for rel, _, e in draw(portal_data()):
        digest = hashlib.sha1(e.text.encode("utf-8")).hexdigest()[:10]
        json.dump({"file": rel, "entry": e.index, "hash": digest, "kind": e.kind, "text": e.text}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
