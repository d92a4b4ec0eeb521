"""Read National Public Service Portal records into :class:`~engine.models.Procedure`.

Pure Python: no database, no web. ``onceonly import`` and the reports build on it.

Examples
--------
>>> from engine.portal import Recogniser, iter_records, parse_record   # doctest: +SKIP
>>> recogniser = Recogniser(load_documents())                         # doctest: +SKIP
>>> for path, ministry in iter_records("../shared/data/portal-2026"):  # doctest: +SKIP
...     result = parse_record(json.load(open(path)), str(path), ministry, recogniser)
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from .dossier import DossierError, Entry, parse_dossier
from .recognise import Recogniser, Recognition
from .record import ParseResult, RecordError, parse_record
from .registry import load_documents

__all__ = [
    "DossierError",
    "Entry",
    "ParseResult",
    "Recogniser",
    "Recognition",
    "RecordError",
    "iter_records",
    "load_documents",
    "parse_dossier",
    "parse_record",
]


def iter_records(root: str | os.PathLike) -> Iterator[tuple[Path, str]]:
    """Yield ``(path, ministry)`` for every ``*.json`` file under ``root``, sorted.

    The ministry is the name of the first folder under ``root`` on the file's
    path, or ``"unknown"`` for a file directly in ``root``.
    """
    root = Path(root)
    if root.is_file():
        yield root, "unknown"
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.endswith(".json"):
                continue
            path = Path(dirpath) / name
            parts = path.relative_to(root).parts
            yield path, (parts[0] if len(parts) > 1 else "unknown")
