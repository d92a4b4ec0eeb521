"""Re-importing unchanged records without parsing them again.

Parsing is most of an import's work (a few ms a record). A record whose bytes,
place, ministry and mapping are those of a record already imported, read by
the same parser, parses to what it parsed to then; if the store still holds
that result, there is nothing to do. So every batch an import writes records,
in its catalogue version's ``counts``, a *fingerprint* of each record it
parsed (8 bytes of BLAKE2b over the parser's fingerprint, the record's place,
its ministry and its bytes) and what parsing it gave besides the procedure
(its warnings, whether its dossier came from the full text, or the reason it
was rejected).

A later import skips parsing a record when its fingerprint is known from a
version ``V`` and the store's row of its code was last written by ``V`` or
earlier: nothing has changed the procedure since. Everything else is parsed as
usual. The *parser's fingerprint* hashes the code and data parsing depends on
(``engine/portal``, ``engine/imports``, the importer, the models, the
document registry and sources, the agency data and the mapping), so any change
to them parses everything again.

Nothing here decides content: the store's own content hashes still decide
what an import writes. A record of one code that appears in two batches of
the same input is parsed again on every re-import (the later batch rewrote the
code after the earlier one's version).
"""

from __future__ import annotations

import base64
import hashlib
import struct
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parents[2]
#: What parsing depends on, relative to the repository.
PARSER_FILES = (
    "engine/portal", "engine/imports", "engine/importer.py", "engine/models.py", "engine/text.py",
    "procedures/documents", "procedures/sources", "procedures/agencies.yaml", "procedures/agency-aliases.yaml",
)
#: Bytes of a record's fingerprint.
FP_BYTES = 8
_ENTRY = struct.Struct(f">{FP_BYTES}sBH")  # fingerprint, flags, warnings
FROM_FULL_TEXT = 1


def parser_fingerprint(mapping_text: bytes = b"", root: Path | None = None) -> str:
    """Hex digest of everything parsing depends on, and the mapping's own text."""
    import pydantic

    root = root or ROOT
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{sys.version_info[:2]}|{pydantic.VERSION}|".encode())
    for name in PARSER_FILES:
        path = root / name
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in (".py", ".yaml", ".yml")) \
            if path.is_dir() else [path] if path.is_file() else []
        for file in files:
            h.update(str(file.relative_to(root)).encode() + b"\0")
            h.update(file.read_bytes())
    h.update(b"mapping\0" + mapping_text)
    return h.hexdigest()


def fingerprint(parser: bytes, where: str, ministry: str, raw: bytes | None, data: Any) -> bytes:
    """The record's fingerprint: its place, ministry and bytes (or canonical JSON) under ``parser``."""
    h = hashlib.blake2b(parser, digest_size=FP_BYTES)
    h.update(f"{where}\0{ministry}\0".encode("utf-8", "surrogateescape"))
    h.update(raw if raw is not None else orjson.dumps(data, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS,
                                                      default=str))
    return h.digest()


def pack(entries: Iterable[tuple[bytes, int, int]]) -> str:
    """``[(fingerprint, flags, warnings)]`` as one base64 string for a version's counts."""
    return base64.b64encode(b"".join(_ENTRY.pack(fp, flags, min(warnings, 0xFFFF)) for fp, flags, warnings in entries)).decode()


def unpack(text: str) -> list[tuple[bytes, int, int]]:
    data = base64.b64decode(text)
    return [_ENTRY.unpack_from(data, i) for i in range(0, len(data) - _ENTRY.size + 1, _ENTRY.size)]


class Known:
    """What earlier imports with the same parser recorded: parsed records and rejected ones."""

    def __init__(self) -> None:
        #: fingerprint -> (version, flags, warnings)
        self.parsed: dict[bytes, tuple[int, int, int]] = {}
        #: fingerprint -> (field, reason)
        self.rejected: dict[bytes, tuple[str, str]] = {}

    def __bool__(self) -> bool:
        return bool(self.parsed or self.rejected)

    @classmethod
    def from_versions(cls, versions: Iterable[Any], parser: str) -> Known:
        """Collect the fingerprints the store's versions hold for ``parser``."""
        known = cls()
        for version in versions:
            info = (version.counts or {}).get("reuse")
            if not isinstance(info, dict) or info.get("parser") != parser:
                continue
            try:
                for fp, flags, warnings in unpack(info.get("parsed") or ""):
                    known.parsed[fp] = (version.id, flags, warnings)
                for fp, field, reason in info.get("rejected") or []:
                    known.rejected[bytes.fromhex(fp)] = (field, reason)
            except (ValueError, TypeError, struct.error):
                continue  # a malformed entry only costs a parse
        return known


def version_info(parser: str, parsed: list[tuple[bytes, int, int]], rejected: list[tuple[bytes, str, str]]) -> dict:
    """The ``counts["reuse"]`` of a batch's version."""
    return {
        "parser": parser,
        "parsed": pack(parsed),
        "rejected": [[fp.hex(), field, reason] for fp, field, reason in rejected],
    }


def last_versions(store: Any, codes: list[str]) -> dict[str, int]:
    """``{code: last_version}`` of the stored procedures among ``codes`` (read only)."""
    from sqlalchemy import select

    from engine.store.schema import procedures

    out: dict[str, int] = {}
    if not codes:
        return out
    c = procedures.c
    with store.engine.connect() as conn:
        for start in range(0, len(codes), 500):
            chunk = codes[start : start + 500]
            out.update(conn.execute(select(c.code, c.last_version).where(c.code.in_(chunk))).all())
    return out
