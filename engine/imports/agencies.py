"""The ministry of a record, from its folder or from its own agency field.

Today's folder tree names the ministry by its folder (``bo-tu-phap/…``). A
record read from a file, or from a folder that is not an agency id, carries
its ministry only in its agency fields (``co_quan_thuc_hien``, then
``co_quan_co_tham_quyen``). Those are matched against the names of
``procedures/agencies.yaml`` and the other names of
``procedures/agency-aliases.yaml`` on their folded form
(:func:`engine.text.fold`): an agency matches when one of its folded names
occurs, as whole words, in the folded field. A field naming two different
agencies is ambiguous and is not used. No match keeps today's ``"unknown"``.

Examples
--------
>>> matcher = AgencyMatcher({"bo-tai-chinh": "Bộ Tài chính", "bo-tu-phap": ["Bộ Tư pháp", "Sở Tư pháp"]})
>>> matcher.match("Ủy ban Chứng khoán Nhà nước - Bộ tài chính")
'bo-tai-chinh'
>>> matcher.match("Ủy ban nhân dân cấp tỉnh, Sở Tư pháp")
'bo-tu-phap'
>>> matcher.match("Sở Y tế") is None
True
>>> MinistryResolver(matcher).resolve(None, {"co_quan_thuc_hien": "Bộ Tư pháp"})
('bo-tu-phap', 'agency')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from engine.text import fold
from engine.yamlio import read_yaml

PROCEDURES = Path(__file__).resolve().parents[2] / "procedures"
#: The shipped agency list.
AGENCIES = PROCEDURES / "agencies.yaml"
#: Other names of the agencies (data, cited from the portal crawl).
ALIASES = PROCEDURES / "agency-aliases.yaml"
#: Record fields naming the agency, most specific first.
AGENCY_FIELDS = ("co_quan_thuc_hien", "co_quan_co_tham_quyen")
#: The ministry of a record nothing places.
UNKNOWN = "unknown"
#: Distinct agency texts whose match is remembered (records repeat a few hundred of them).
_CACHE_SIZE = 20_000


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


def load_aliases(path: Path | str | None = None, known: Iterable[str] | None = None) -> dict[str, list[str]]:
    """``{agency id: [other names]}`` from ``agency-aliases.yaml`` (absent file: ``{}``).

    Raises
    ------
    DataError
        Malformed YAML, an entry that is not ``{agency, names}``, an agency id
        not in ``known`` (when given), an empty name, or one name (folded)
        given to two agencies; each names the file, line and field.
    """
    path = Path(path or ALIASES)
    if not path.exists():
        return {}
    display = path.name if path.parent == PROCEDURES else str(path)
    doc = read_yaml(path, f"procedures/{display}" if path.parent == PROCEDURES else display)
    items = doc.data or []
    if not isinstance(items, list):
        raise doc.error((), "expected a list of {agency, names}")
    known = set(known) if known is not None else None
    out: dict[str, list[str]] = {}
    owner: dict[str, tuple[str, int | None]] = {}
    for i, item in enumerate(items):
        if not isinstance(item, dict) or set(item) - {"agency", "names"} or "agency" not in item:
            extra = sorted(set(item) - {"agency", "names"}) if isinstance(item, dict) else []
            reason = f"unknown key(s) {extra}" if extra else "expected {agency: ID, names: [...]}"
            raise doc.error((i,), reason)
        agency = item["agency"]
        if not isinstance(agency, str) or (known is not None and agency not in known):
            raise doc.error((i, "agency"), f"unknown agency {agency!r} (not in procedures/agencies.yaml)")
        names = item.get("names") or []
        if not isinstance(names, list):
            raise doc.error((i, "names"), "expected a list of names")
        for j, name in enumerate(names):
            folded = fold(name) if isinstance(name, str) else ""
            if not folded:
                raise doc.error((i, "names", j), "empty name")
            if folded in owner and owner[folded][0] != agency:
                other, line = owner[folded]
                raise doc.error((i, "names", j), f"{name!r} is also a name of {other} (line {line})")
            owner[folded] = (agency, doc.line_of((i, "names", j)))
            out.setdefault(agency, []).append(name)
    return out


def shipped_names(agencies: Path | str | None = None, aliases: Path | str | None = None) -> dict[str, list[str]]:
    """Every name of every shipped agency: its official name, then its aliases."""
    official = load_agency_names(agencies)
    names = {agency: [name] for agency, name in official.items()}
    for agency, others in load_aliases(aliases, official).items():
        names.setdefault(agency, []).extend(others)
    return names


class AgencyMatcher:
    """Match free agency text to an agency id by folded whole-word names."""

    def __init__(self, names: Mapping[str, str | Iterable[str]]):
        self.ids = frozenset(names)
        needles: dict[str, str] = {}
        for agency, given in names.items():
            for name in [given] if isinstance(given, str) else given:
                if fold(name):
                    needles.setdefault(fold(name), agency)
        # Longest names first, so that a name containing another wins the span.
        self._needles = sorted(needles.items(), key=lambda x: -len(x[0]))
        self._cache: dict[str, frozenset[str]] = {}

    def matches(self, text: str) -> set[str]:
        """Every agency id one of whose folded names occurs in ``text``."""
        found = self._cache.get(text)
        if found is None:
            hay = f" {fold(text)} "
            hits: set[str] = set()
            for needle, agency in self._needles:
                spot = f" {needle} "
                if spot in hay:
                    hits.add(agency)
                    hay = hay.replace(spot, "  ")  # a shorter name inside it does not count again
            found = frozenset(hits)
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            self._cache[text] = found
        return set(found)

    def match(self, text: str) -> str | None:
        """The one agency ``text`` names, or None (none, or several)."""
        found = self.matches(text)
        return next(iter(found)) if len(found) == 1 else None


class MinistryResolver:
    """Decide a record's ministry: folder id, else agency field, else folder, else unknown."""

    def __init__(self, matcher: AgencyMatcher | None = None):
        self.matcher = matcher if matcher is not None else AgencyMatcher(shipped_names())

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


__all__ = [
    "AGENCY_FIELDS",
    "UNKNOWN",
    "AgencyMatcher",
    "MinistryResolver",
    "load_agency_names",
    "load_aliases",
    "shipped_names",
]
