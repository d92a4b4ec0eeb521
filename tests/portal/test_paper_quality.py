"""Per-paper strike precision and recall on the labelled entries (paper_labels/).

Each labelled entry lists the papers it asks for and, for a Vietnamese citizen
on 2026-06-01 with every Art. 4 database online, whether each paper goes (its
data is fetched), goes only with a fact the profile lacks (``cond``: land use,
entity kind), or stays. The engine's answer for the same entry, after a real
import of the record (parser, recogniser, durable-rules), is compared per
paper: the sources of the papers it strikes against the sources of the papers
labelled ``yes``, as multisets. Whole-entry over-strikes count entries the
engine strikes whole although the label says something in them stays.

Four sets (see ``sample_paper_labels.py``). ``blind`` (160 entries) was
labelled before anyone looked at the engine's answer on it and was never read
while tuning. ``blind-2`` (160) was labelled the same way, measured once
(precision 0.909, recall 0.690), then read to fix the reading: it is tuning
data now. ``blind-3`` (160) was labelled after those fixes and measured before
it was read (precision 0.966, recall 0.812, no wrong whole-entry strike): the
honest figure for them. ``blind-4`` (160) was labelled on 30 Nov 2026 by three
people following ``paper_labels/GUIDE.md`` (written before), who read only the
law and the text; measured once before it was read: precision 0.930 (53/57),
recall 0.815 (53/65), one wrong whole-entry strike. It was read afterwards and
is tuning data now. ``blind-5`` (160) was labelled the same way by the same
guide with four clarifications asked for on blind-4, after blind-4's fixes:
first measure precision 0.925 (37/40), recall 0.755 (37/49), three wrong
whole-entry strikes; read afterwards. ``blind-6`` (160), the same again after
blind-5's fixes: first measure precision 0.926 (50/54), recall 0.676 (50/74;
14 of the 24 misses in one entry), one wrong whole-entry strike; read
afterwards. ``blind-7`` (160), the same after blind-6's fixes: first measure
precision 0.868 (46/53), recall 0.885 (46/52), two wrong whole-entry strikes;
read afterwards. ``blind-8`` (160), the same after blind-7's fixes: first
measure precision 0.911 (51/56), recall 0.864 (51/59), no wrong whole-entry
strike; read afterwards. ``dev`` (260) is tuning data.

Run: ``pytest tests/portal/test_paper_quality.py -s`` (add
``ONCEONLY_SHOW_MISMATCHES=dev`` to list the dev set's disagreements).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections import Counter
from pathlib import Path

import pytest
import yaml

from engine.evaluator import Engine
from engine.importer import shipped_recogniser
from engine.loading import load_catalogue
from engine.portal import parse_record

from .conftest import require_portal_data

LABELS = Path(__file__).with_name("paper_labels")
AS_OF = dt.date(2026, 6, 1)
CITIZEN = {"nationality": "vn", "residence": "domestic", "vneid": "level2", "by-proxy": "no"}
GONE = ("struck", "replaced")


def load_labels() -> list[dict]:
    out = []
    for file in sorted(LABELS.glob("*.yaml")):
        out.extend(yaml.safe_load(file.read_text(encoding="utf-8"))["entries"])
    return out


def engine_answers(root: Path, labels: list[dict]):
    """The engine's decision for each labelled entry (None when the hash is stale)."""
    recogniser = shipped_recogniser()
    law = load_catalogue().catalogue
    parsed: dict[str, tuple] = {}
    for item in labels:
        if item["file"] in parsed:
            continue
        ministry = item["file"].split("/", 1)[0]
        data = json.loads((root / item["file"]).read_text(encoding="utf-8"))
        parsed[item["file"]] = parse_record(data, item["file"], ministry, recogniser)
    cat = law.copy_on_write("labels")
    cat.procedures = {r.procedure.code: r.procedure for r in parsed.values() if r.procedure is not None}
    engine = Engine(cat)
    answers = []
    for item in labels:
        result = parsed[item["file"]]
        entries = result.entries
        k = item["entry"]
        if result.procedure is None or k >= len(entries) or hashlib.sha1(entries[k].text.encode()).hexdigest()[:10] != item["hash"]:
            answers.append(None)
            continue
        answers.append(decision_at(engine, result, k))
    return answers


def decision_at(engine: Engine, result, k: int):
    """``("note", None)`` for a row that asks nothing, else ``("document", decision)``
    of the parsed record's ``k``-th row, for a citizen on ``AS_OF``."""
    entries = result.entries
    if entries[k].kind != "document":
        return ("note", None)
    req_index = sum(1 for e in entries[:k] if e.kind == "document")
    return ("document", engine.evaluate(result.procedure.code, CITIZEN, AS_OF).decisions[req_index])


def score(labels: list[dict], answers) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for item, answer in zip(labels, answers):
        s = out.setdefault(item["set"], Counter())
        if answer is None:
            s["stale"] += 1
            continue
        s["entries"] += 1
        want = Counter(p["source"] for p in item["papers"] if p["goes"] == "yes")
        want_cond = Counter(p["source"] for p in item["papers"] if p["goes"] == "cond")
        _, d = answer
        got = Counter() if d is None else Counter(c.source for c in d.components if c.status.value in GONE)
        got_cond = Counter() if d is None else Counter(c.source for c in d.components if c.struck_if and c.status.value not in GONE)
        tp = sum((want & got).values())
        s["tp"] += tp
        s["fp"] += sum(got.values()) - tp
        s["fn"] += sum(want.values()) - tp
        s["cond_tp"] += sum((want_cond & got_cond).values())
        s["cond_want"] += sum(want_cond.values())
        s["cond_got"] += sum(got_cond.values())
        whole = d is not None and d.status.value in GONE
        s["entries_struck"] += whole
        s["entries_labelled_go"] += item["entry_goes"] == "yes"
        if whole and item["entry_goes"] != "yes":
            s["over_strikes"] += 1
        if whole and item["entry_goes"] == "yes":
            s["entries_right"] += 1
    for s in out.values():
        s["precision"] = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else 1.0
        s["recall"] = s["tp"] / (s["tp"] + s["fn"]) if s["tp"] + s["fn"] else 1.0
    return out


def mismatches(labels, answers, which: str):
    for item, answer in zip(labels, answers):
        if item["set"] != which or answer is None:
            continue
        _, d = answer
        want = sorted((p["source"] for p in item["papers"] if p["goes"] == "yes"), key=str)
        got = sorted((c.source for c in d.components if c.status.value in GONE), key=str) if d else []
        whole = d is not None and d.status.value in GONE
        if want != got or (whole and item["entry_goes"] != "yes"):
            yield item, d, want, got


#: set -> (precision, recall, whole-entry over-strikes) floors. blind-5 keeps one
#: over-strike (a foreign party's papers the text does not mark as foreign).
FLOORS = {
    "blind": (0.98, 0.90, 0),
    "blind-2": (0.98, 0.93, 0),
    "blind-3": (0.98, 0.91, 0),
    "blind-4": (0.98, 0.86, 0),
    "blind-5": (0.97, 0.87, 1),
    # blind-5 labelled a second time, blind (fifth session): first measured at 0.978
    # (44/45) / 0.880 (44/50), one wrong whole entry (a copy of the marriage certificate
    # in a re-registration of a marriage whose register is lost: now kept, Decree
    # 123/2015 Art. 24), where blind-5 has another (the residence proof of a
    # person who died at the border, which this labeller strikes as the engine does).
    "blind-5-check": (1.0, 0.88, 0),
    "blind-6": (0.94, 0.77, 0),
    "blind-7": (0.95, 0.88, 0),
    "blind-8": (0.91, 0.84, 0),
    "blind-9": (0.93, 0.93, 0),
    "blind-10": (0.95, 0.90, 0),
    "blind-11": (0.93, 0.89, 0),
    "blind-12": (0.97, 0.93, 0),
    "blind-13": (0.98, 0.90, 0),
    "blind-14": (0.98, 0.90, 0),
    "blind-15": (0.97, 0.90, 0),
    # Every entry outside the sets where the engine struck a paper (a precision
    # audit): first measured at 0.026 (1/38), 23 whole entries over-struck.
    "audit": (1.00, 1.00, 0),
}


@pytest.fixture(scope="module")
def measured():
    root = require_portal_data()
    labels = load_labels()
    if not labels:
        pytest.skip("no paper labels")
    answers = engine_answers(root, labels)
    return labels, answers, score(labels, answers)


def test_labels_are_well_formed():
    labels = load_labels()
    assert len(labels) >= 400
    assert sum(1 for x in labels if x["set"] == "blind") >= 120
    assert {x["set"] for x in labels} == {*FLOORS, "dev"}
    sources = {None, "population", "civil-status", "insurance", "driving-licence", "business-registration",
               "vehicle-registration", "land", "criminal-record", "e-health-book"}
    for x in labels:
        assert x["entry_goes"] in ("yes", "no", "cond"), x
        for p in x["papers"]:
            assert p["goes"] in ("yes", "no", "cond") and p["source"] in sources, x


def test_paper_strikes_are_precise(measured):
    labels, answers, scores = measured
    for name in sorted(scores):
        s = scores[name]
        print(
            f"\n{name}: {s['entries']} entries ({s['stale']} stale); papers struck: precision {s['precision']:.3f} "
            f"({s['tp']}/{s['tp'] + s['fp']}), recall {s['recall']:.3f} ({s['tp']}/{s['tp'] + s['fn']}); "
            f"conditional papers {s['cond_tp']}/{s['cond_want']} found, {s['cond_got']} given; "
            f"entries struck whole {s['entries_struck']} (right {s['entries_right']}, over-strikes {s['over_strikes']}) "
            f"of {s['entries_labelled_go']} labelled to go"
        )
    show = os.environ.get("ONCEONLY_SHOW_MISMATCHES")
    if show:
        for item, d, want, got in mismatches(labels, answers, show):
            print(f"\n{item['file']}#{item['entry']} want {want} got {got} entry {item['entry_goes']} -> {d.status.value if d else None}")
            print("   ", d.requirement.text[:300] if d else "")
            for c in d.components if d else []:
                print(f"     {c.id} {c.status.value:9} {c.source} {c.document_types} {c.path} {c.text[:80]!r}")
    for name, s in scores.items():
        assert s["stale"] == 0, f"{name}: labels no longer match the parsed entries"
    # Floors just under what each set measured after it was read (its first,
    # honest measure is in BENCHMARKS.md): a regression fails.
    for name, (precision, recall, over) in FLOORS.items():
        s = scores[name]
        assert s["precision"] >= precision and s["recall"] >= recall and s["over_strikes"] <= over, (name, s)
