"""Recognition precision and recall on the labelled set (labels.yaml).

Targets of issue 3 for the Art. 4 document types (every id an Art. 4 source in
procedures/sources replaces, plus the paper residence books of Decree 104):
precision >= 0.97, recall >= 0.90. The prediction for an entry is what the
importer would put in the requirement: the recogniser's types for a document
entry, nothing for a note or a lead.

Run: ``pytest tests/portal/test_recognition_quality.py -s``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import yaml

from engine.portal import parse_dossier

from .conftest import REPO, require_portal_data

LABELS = Path(__file__).with_name("labels.yaml")
RESIDENCE_BOOKS = {"household-book", "temporary-residence-book"}


def art4_types() -> set[str]:
    ids = set(RESIDENCE_BOOKS)
    for file in sorted((REPO / "procedures" / "sources").glob("*.yaml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        for source in data if isinstance(data, list) else [data]:
            # Art. 4's databases (a clause); not those only an appendix row names.
            if source.get("clause"):
                ids.update(source.get("replaces", []))
    return ids


def _score(recogniser, root: Path):
    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8"))["entries"]
    art4 = art4_types()
    cache: dict[str, list] = {}
    tp = fp = fn = 0
    stale, misses = [], []
    for item in labels:
        if item["file"] not in cache:
            data = json.loads((root / item["file"]).read_text(encoding="utf-8"))
            cache[item["file"]] = parse_dossier(data["thanh_phan_ho_so"])
        entries = cache[item["file"]]
        if item["entry"] >= len(entries) or hashlib.sha1(entries[item["entry"]].text.encode("utf-8")).hexdigest()[:10] != item["hash"]:
            stale.append(f"{item['file']}#{item['entry']}")
            continue
        entry = entries[item["entry"]]
        predicted = set(recogniser.types_of(entry.text)) if entry.kind == "document" else set()
        gold = set(item["types"])
        p, g = predicted & art4, gold & art4
        tp += len(p & g)
        fp += len(p - g)
        fn += len(g - p)
        if p != g:
            misses.append(f"{item['file']}#{item['entry']}: extra {sorted(p - g)} missing {sorted(g - p)}")
    return tp, fp, fn, stale, misses, len(labels)


def test_labelled_set_is_large_and_stratified():
    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8"))["entries"]
    assert len(labels) >= 220
    assert len({item["file"].split("/")[0] for item in labels}) == 6
    art4 = art4_types()
    mentioning = [i for i in labels if i["stratum"] in ("mention", "named")]
    assert len(mentioning) >= 80
    assert sum(bool(set(i["types"]) & art4) for i in labels) >= 40
    assert all("text" not in i for i in labels), "the fixture's text must not be copied into the project"


def test_art4_precision_and_recall(recogniser):
    root = require_portal_data()
    tp, fp, fn, stale, misses, total = _score(recogniser, root)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"\nArt. 4 recognition on {total - len(stale)} labelled entries: "
          f"precision {precision:.3f} ({tp}/{tp + fp}), recall {recall:.3f} ({tp}/{tp + fn})")
    for line in misses:
        print("  ", line)
    # Labels point at entries by index and hash: a parser change that moves
    # them must come with relabelling, not silently shrink the set.
    assert len(stale) <= 0.02 * total, f"{len(stale)} labels no longer match the parsed entries: {stale[:10]}"
    assert precision >= 0.97
    assert recall >= 0.90
