"""Content hashes and the difference between two versions of a procedure."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import orjson


def canonical_json(payload: dict[str, Any]) -> bytes:
    """Serialise ``payload`` deterministically (sorted keys, no spaces)."""
    return orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)


def content_hash(payload: dict[str, Any]) -> str:
    """Return the SHA-256 hex digest of the canonical JSON of ``payload``.

    Two records with equal content hash to the same value whatever their key
    order, which is what makes re-importing the same records a no-op.
    """
    return hashlib.sha256(canonical_json(payload)).hexdigest()


@dataclass
class Change:
    """What differs between an old and a new payload of one procedure."""

    requirements_added: list[str] = field(default_factory=list)
    requirements_removed: list[str] = field(default_factory=list)
    fields_changed: list[str] = field(default_factory=list)


def _texts(payload: dict[str, Any]) -> list[str]:
    return [req.get("text", "") for req in payload.get("requirements") or []]


def diff_payloads(old: dict[str, Any] | None, new: dict[str, Any]) -> Change:
    """Compare two ``Procedure.model_dump(mode="json")`` payloads.

    Parameters
    ----------
    old : dict or None
        The stored payload; ``None`` for a procedure seen for the first time
        (then every requirement counts as added).
    new : dict
        The incoming payload.

    Returns
    -------
    Change
        Requirement texts added and removed (as multisets, in document order, so
        a requirement listed twice and then once counts as one removal) and the
        sorted top-level keys whose values differ.
    """
    if old is None:
        return Change(requirements_added=_texts(new))
    old_texts, new_texts = Counter(_texts(old)), Counter(_texts(new))
    extra, missing = new_texts - old_texts, old_texts - new_texts
    added = _take(_texts(new), extra)
    removed = _take(_texts(old), missing)
    keys = set(old) | set(new)
    changed = sorted(k for k in keys if old.get(k) != new.get(k))
    return Change(requirements_added=added, requirements_removed=removed, fields_changed=changed)


def _take(texts: list[str], wanted: Counter) -> list[str]:
    """Pick from ``texts`` in order as many of each text as ``wanted`` counts."""
    left = Counter(wanted)
    out = []
    for text in texts:
        if left[text] > 0:
            out.append(text)
            left[text] -= 1
    return out
