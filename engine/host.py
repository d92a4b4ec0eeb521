"""Run compiled rulesets in durable-rules' engine, safely under threads and long runs.

We drive durable's C core (``durable_rules_engine``) directly rather than
through ``durable.engine.Host``:

- the stock Host starts two timer threads that dispatch rulesets in the
  background; they race with request threads (error 307, then a segfault);
- its per-action wrapper (a closure object, a JSON round-trip of the session
  state per action) costs ~12 µs an action; our actions only record which rule
  fired, so the loop here pops activations itself: 3x faster, same engine.

durable is not thread-safe: one lock serialises every call. Ruleset names
cannot be replaced, so compiled rulesets carry a content hash in their name and
are registered once. Every evaluation asserts its facts under one reused
session id and retracts them afterwards: no state accumulates (durable dies
past 1,024 live sids). ``delete_state`` is never called: it segfaults on a sid
where no action ran.
"""

from __future__ import annotations

import itertools
import threading

import durable_rules_engine as dre
import orjson

from .compiler import Action, CompiledRuleset, definition_copy
from .errors import EngineFailure


class DurableHost:
    """Registers compiled rulesets and runs facts through them.

    Examples
    --------
    >>> import datetime as dt
    >>> from engine.loading import load_catalogue
    >>> from engine.compiler import compile_template
    >>> host = DurableHost()
    >>> rs = compile_template(load_catalogue().catalogue, ())
    >>> fired = host.run([(rs, [{"as_of": 20260601}])])
    >>> [(i, a.kind) for i, a in fired]
    [(0, 'default')]
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._handles: dict[str, int] = {}
        self._actions: dict[str, dict[str, Action]] = {}
        self._ids = itertools.count(1)
        self._sid = 0

    @property
    def rulesets(self) -> int:
        return len(self._handles)

    def ensure(self, compiled: CompiledRuleset) -> int:
        """Register ``compiled`` unless a ruleset of the same name already is."""
        handle = self._handles.get(compiled.name)
        if handle is not None:
            return handle
        with self._lock:
            handle = self._handles.get(compiled.name)
            if handle is None:
                definition = definition_copy(compiled)
                try:
                    handle = dre.create_ruleset(compiled.name, orjson.dumps(definition).decode())
                except Exception as exc:  # durable raises bare Exceptions with codes
                    raise EngineFailure(f"durable-rules refused ruleset {compiled.name}: {exc}") from None
                self._actions[compiled.name] = compiled.actions
                self._handles[compiled.name] = handle
            return handle

    def _drain(self, handle: int, state_handle: int, actions: dict[str, Action], sink: list) -> None:
        result = dre.start_action_for_state(handle, state_handle)
        message = result[1] if result else None
        while message:
            for rule_name, matched in orjson.loads(message).items():
                sink.append((matched["m"]["i"], actions[rule_name]))
            message = dre.complete_and_start_action(handle, state_handle)

    def run(self, batches: list[tuple[CompiledRuleset, list[dict]]]) -> list[tuple[int, Action]]:
        """Assert then retract each batch of facts; return ``(fact index, action)`` fired.

        Each fact gets ``sid``, a unique ``id`` and ``i`` (its index in the
        caller's order, counted across batches) added here.

        Raises
        ------
        EngineFailure
            durable-rules reported an error.
        """
        sink: list[tuple[int, Action]] = []
        with self._lock:
            sid = str(self._sid)
            index = 0
            try:
                for compiled, facts in batches:
                    handle = self._handles.get(compiled.name) or self.ensure(compiled)
                    actions = self._actions[compiled.name]
                    for fact in facts:
                        fact["sid"] = sid
                        fact["id"] = next(self._ids)
                        fact["i"] = index
                        index += 1
                    payload = orjson.dumps(facts).decode()
                    code, state_handle = dre.assert_facts(handle, payload)[:2]
                    if code == 0:
                        self._drain(handle, state_handle, actions, sink)
                    retracted = dre.retract_facts(handle, payload)
                    if retracted and retracted[0] == 0:
                        self._drain(handle, retracted[1], actions, sink)
            except EngineFailure:
                raise
            except Exception as exc:  # bare Exceptions with durable error codes
                # A failed session may hold half-asserted facts: move to a fresh sid.
                self._sid += 1
                raise EngineFailure(f"durable-rules error: {exc}") from None
        return sink
