"""Why engine/host.py drives durable's C core itself: the stock Host, measured.

Run: ``python bench/durable_host.py [--rounds 7] [--n 3000]``

The same compiled template (the population rule and the VNeID rule, as CCCD
uses them) and the same facts go through (a) ``durable.engine.Host`` with its
timer threads disabled and string actions that record what fired, and (b) our
:class:`engine.host.DurableHost`. Both assert and retract the facts; medians
per batch, interleaved round by round, and the ratio in the same rounds.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from durable import engine as durable_engine  # noqa: E402

from engine.compiler import compile_template, template_key  # noqa: E402
from engine.host import DurableHost  # noqa: E402
from engine.loading import load_catalogue  # noqa: E402


class StockHost(durable_engine.Host):
    def __init__(self, sink):
        self.sink = sink
        super().__init__()

    def _run(self):  # the timer threads race with callers; off for a fair measure
        return None

    def get_action(self, name):
        def act(c):
            self.sink.append(name)
        return act


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--n", type=int, default=3000)
    args = parser.parse_args()
    cat = load_catalogue().raise_for_errors()
    compiled = compile_template(cat, template_key(cat, "cccd"))
    facts = [
        {"as_of": 20260601, "s_population": "online", "s_vneid": "online", "a_nationality": "vn"},
        {"as_of": 20260601, "s_population": "online", "s_vneid": "online"},
        {"as_of": 20260601, "s_population": "offline", "s_vneid": "online", "a_nationality": "vn", "a_vneid": "level2"},
    ]
    ours = DurableHost()
    ours.ensure(compiled)
    sink: list = []
    stock = StockHost(sink)
    definition = copy.deepcopy(compiled.definition)
    for name, rule in definition.items():
        rule["run"] = name
    stock.set_rulesets({"stock": definition})

    counter = iter(range(10**9))

    def run_stock() -> None:
        batch = [dict(f, sid="0", id=next(counter), i=k) for k, f in enumerate(facts)]
        stock.assert_facts("stock", batch)
        stock.retract_facts("stock", batch)

    def run_ours() -> None:
        ours.run([(compiled, [dict(f) for f in facts])])

    run_stock(), run_ours()
    fired_stock = len(sink)
    fired_ours = len(ours.run([(compiled, [dict(f) for f in facts])]))
    assert fired_stock == fired_ours, (fired_stock, fired_ours)
    times = {"stock durable.engine.Host": [], "engine.host.DurableHost": []}
    for _ in range(args.rounds):
        for name, fn in (("stock durable.engine.Host", run_stock), ("engine.host.DurableHost", run_ours)):
            start = time.perf_counter()
            for _ in range(args.n):
                fn()
            times[name].append((time.perf_counter() - start) / args.n * 1e6)
    base = statistics.median(times["stock durable.engine.Host"])
    print(f"{len(facts)} facts, {fired_ours} actions fired per batch; {args.rounds} rounds x {args.n} batches")
    for name, values in times.items():
        med = statistics.median(values)
        print(f"  {name:26s} median {med:8.1f} us/batch (x{med / base:.2f} stock)")


if __name__ == "__main__":
    main()
