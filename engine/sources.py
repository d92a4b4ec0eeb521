"""Live source status (online / degraded / offline), versioned.

The status of a database is operational, not law: it changes at run time (an
outage, an admin's ``PUT /sources/{id}/status``). Every change bumps
:attr:`SourceState.version`, which is part of the decision-cache key, so a
change is seen by the very next evaluation.
"""

from __future__ import annotations

import threading

from .catalogue import Catalogue
from .errors import UnknownSource

STATUSES = ("online", "degraded", "offline")


class SourceState:
    """Current status of every source, starting from the catalogue's ``status``.

    Examples
    --------
    >>> from engine.loading import load_catalogue
    >>> state = SourceState(load_catalogue().catalogue)
    >>> state.status("population")
    'online'
    >>> v = state.version
    >>> state.set("population", "offline")
    >>> state.status("population"), state.version != v
    ('offline', True)
    """

    def __init__(self, catalogue: Catalogue, overrides: dict[str, str] | None = None):
        self._lock = threading.Lock()
        self._known = set(catalogue.sources)
        self._status = {sid: s.status for sid, s in catalogue.sources.items()}
        self._counter = 0
        for sid, status in (overrides or {}).items():
            self.set(sid, status)

    @property
    def version(self) -> str:
        return f"s{self._counter}"

    def status(self, source: str) -> str:
        return self._status.get(source, "offline")

    def snapshot(self) -> dict[str, str]:
        return dict(self._status)

    def set(self, source: str, status: str) -> None:
        """Set ``source`` to ``status``.

        Raises
        ------
        UnknownSource
            ``source`` is not in the catalogue.
        ValueError
            ``status`` is not one of online, degraded, offline.
        """
        if source not in self._known:
            raise UnknownSource(source)
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}")
        with self._lock:
            if self._status.get(source) != status:
                self._status[source] = status
                self._counter += 1

    def replace_all(self, statuses: dict[str, str], counter: int | None = None) -> None:
        """Adopt statuses read from a shared store (API workers)."""
        with self._lock:
            changed = any(self._status.get(k) != v for k, v in statuses.items() if k in self._known)
            for k, v in statuses.items():
                if k in self._known and v in STATUSES:
                    self._status[k] = v
            if counter is not None:
                self._counter = max(self._counter, counter) if not changed else max(self._counter + 1, counter)
            elif changed:
                self._counter += 1
