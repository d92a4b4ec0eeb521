"""Read procedure records from other shapes than today's folder tree.

:mod:`.readers` turns a path (a folder tree of one-JSON-per-record files, one
JSON array of records, or a JSON Lines file) into located records;
:mod:`.agencies` finds the ministry of a record from its own agency field.
:func:`engine.importer.import_path` puts them together.
"""

from __future__ import annotations

from .agencies import AgencyMatcher, MinistryResolver
from .readers import (
    FORMATS,
    Batch,
    ImportFormatError,
    Incoming,
    detect_format,
    read_path,
)

__all__ = [
    "FORMATS",
    "AgencyMatcher",
    "Batch",
    "ImportFormatError",
    "Incoming",
    "MinistryResolver",
    "detect_format",
    "read_path",
]
