"""Parse every record of the portal fixture: no exception, and report the figures."""

from __future__ import annotations

import collections
import json
import time

from engine.portal import iter_records, parse_record
from engine.portal.folding import fold as fast_fold
from engine.text import fold

from .conftest import require_portal_data


def test_every_fixture_record_parses(recogniser):
    root = require_portal_data()
    start = time.perf_counter()
    records = parsed = entries = recognised = 0
    errors: collections.Counter = collections.Counter()
    unrecognised: collections.Counter = collections.Counter()
    for path, ministry in iter_records(root):
        records += 1
        result = parse_record(json.loads(path.read_text(encoding="utf-8")), str(path), ministry, recogniser)
        if result.procedure is None:
            assert result.errors, f"{path}: no procedure and no error"
            errors.update(f"{e.field}: {e.reason}" for e in result.errors)
            continue
        parsed += 1
        for req in result.procedure.requirements:
            entries += 1
            if req.document_types:
                recognised += 1
            else:
                unrecognised[" ".join(fold(req.text).split()[:4])] += 1
    elapsed = time.perf_counter() - start
    print(f"\n{records} records, {parsed} parsed, {entries} document entries, "
          f"{recognised / entries:.1%} with a recognised type, {elapsed:.2f} s")
    print("errors:", dict(errors))
    print("most frequent unrecognised openings:", unrecognised.most_common(15))
    assert records == 2117
    assert parsed / records > 0.98
    assert recognised / entries > 0.5
    # Generous bound for slow CI machines; about 3 s here.
    assert elapsed < 30


def test_fast_fold_matches_engine_fold_on_fixture():
    root = require_portal_data()
    checked = 0
    for path, _ in list(iter_records(root))[::7]:
        data = json.loads(path.read_text(encoding="utf-8"))
        for key in ("thanh_phan_ho_so", "ten_thu_tuc", "ket_qua_xu_ly"):
            text = data.get(key) or ""
            assert fast_fold(text) == fold(text), f"{path}: {key}"
            checked += 1
    assert checked > 100
