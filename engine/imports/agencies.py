"""The ministry of a record, from its folder or from its own agency field.

Today's folder tree names the ministry by its folder (``bo-tu-phap/…``). A
record read from a file, or from a folder that is not an agency id, carries
its ministry only in its agency fields (``co_quan_thuc_hien``, then
``co_quan_co_tham_quyen``). Those are matched against the names of
``procedures/agencies.yaml`` on their folded form (:func:`engine.text.fold`):
an agency matches when its whole folded name occurs, as whole words, in the
folded field. A field naming two different agencies is ambiguous and is not
used. No match keeps today's ``"unknown"``.

Examples
--------
>>> matcher = AgencyMatcher({"bo-tai-chinh": "Bộ Tài chính", "bo-tu-phap": "Bộ Tư pháp"})
>>> matcher.match("Ủy ban Chứng khoán Nhà nước - Bộ tài chính")
'bo-tai-chinh'
>>> matcher.match("Sở Tư pháp") is None
True
>>> MinistryResolver(matcher).resolve(None, {"co_quan_thuc_hien": "Bộ Tư pháp"})
('bo-tu-phap', 'agency')
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from engine.text import fold

#: The shipped agency list.
AGENCIES = Path(__file__).resolve().parents[2] / "procedures" / "agencies.yaml"
#: Record fields naming the agency, most specific first.
AGENCY_FIELDS = ("co_quan_thuc_hien", "co_quan_co_tham_quyen")
#: The ministry of a record nothing places.
UNKNOWN = "unknown"


def load_agency_names(path: Path | str | None = None) -> dict[str, str]:
    """``{agency id: Vietnamese name}`` from ``agencies.yaml``; ``{}`` when unreadable.

    Read on its own (not through the catalogue loader) so that a broken file
    elsewhere in ``procedures/`` never stops an import.
    """
    try:
        items = yaml.safe_load(Path(path or AGENCIES).read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError):
        return {}
    out: dict[str, str] = {}
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        name = item.get("name")
        vi = name.get("vi") if isinstance(name, dict) else name
        if isinstance(vi, str) and vi.strip():
            out[item["id"]] = vi
    return out


class AgencyMatcher:
    """Match free agency text to an agency id by folded whole-word names."""

    def __init__(self, names: Mapping[str, str]):
        self.ids = frozenset(names)
        # Longest names first, so that a name containing another wins the span.
        self._needles = sorted(((fold(n), i) for i, n in names.items() if fold(n)), key=lambda x: -len(x[0]))

    def matches(self, text: str) -> set[str]:
        """Every agency id whose folded name occurs in ``text``."""
        hay = f" {fold(text)} "
        found: set[str] = set()
        for needle, agency in self._needles:
            spot = f" {needle} "
            if spot in hay:
                found.add(agency)
                hay = hay.replace(spot, "  ")  # a shorter name inside it does not count again
        return found

    def match(self, text: str) -> str | None:
        """The one agency ``text`` names, or None (none, or several)."""
        found = self.matches(text)
        return next(iter(found)) if len(found) == 1 else None


class MinistryResolver:
    """Decide a record's ministry: folder id, else agency field, else folder, else unknown."""

    def __init__(self, matcher: AgencyMatcher | None = None):
        self.matcher = matcher if matcher is not None else AgencyMatcher(load_agency_names())

    def from_agency(self, data: Any) -> str | None:
        if not isinstance(data, dict):
            return None
        for key in AGENCY_FIELDS:
            value = data.get(key)
            if isinstance(value, str) and value.strip():
                found = self.matcher.match(value)
                if found is not None:
                    return found
        return None

    def resolve(self, folder: str | None, data: Any, root: str | None = None) -> tuple[str, str]:
        """Return ``(ministry, how)``; ``how`` is ``folder``, ``agency`` or ``unknown``.

        ``folder`` is the ministry folder the record came from (None for a
        record read from a file); ``root`` the name of the import folder for a
        file directly in it. A folder (or root) that is an agency id wins; a
        folder that is not one still names the ministry when the record's
        agency does not (today's behaviour); a root that is not one does not.
        """
        for given in (folder, root):
            if given and given in self.matcher.ids:
                return given, "folder"
        agency = self.from_agency(data)
        if agency is not None:
            return agency, "agency"
        if folder and folder != UNKNOWN:
            return folder, "folder"
        return UNKNOWN, "unknown"
