"""Read procedure records in other shapes than today's folder tree.

:mod:`.readers` (and :mod:`.tables` for Excel) turn a path (a folder tree of
one-JSON-per-record files, a JSON array, JSON Lines, CSV, an Excel workbook)
into located records; :mod:`.mapping` says which field of a record is the
code, the name, the dossier ... and turns it into the portal crawl's shape;
:mod:`.agencies` finds the ministry of a record from its own agency field;
:mod:`.reuse` lets a re-import skip records it parsed before.
:func:`engine.importer.import_path` puts them together.
"""

from __future__ import annotations

from engine.errors import DataError

from .agencies import AgencyMatcher, MinistryResolver
from .mapping import (
    Mapping,
    detect_mapping,
    find_mapping,
    shipped_mappings,
    synthetic_code,
)
from .readers import (
    FORMATS,
    Batch,
    ImportFormatError,
    Incoming,
    detect_format,
    read_path,
)


class MappingError(ImportFormatError):
    """A mapping does not fit the input: each error names the mapping's file, line and field."""

    def __init__(self, errors: list[DataError], mapping: str = ""):
        self.errors, self.mapping = errors, mapping
        super().__init__("\n".join(str(e) for e in errors))


__all__ = [
    "FORMATS",
    "AgencyMatcher",
    "Batch",
    "ImportFormatError",
    "Incoming",
    "Mapping",
    "MappingError",
    "MinistryResolver",
    "detect_format",
    "detect_mapping",
    "find_mapping",
    "read_path",
    "shipped_mappings",
    "synthetic_code",
]
