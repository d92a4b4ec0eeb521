"""The catalogue: everything the engine decides from, in one immutable-by-convention bundle.

A :class:`Catalogue` holds the registry (agencies, attributes, document types),
the law (sources, rules, fallbacks), the procedures and the raw parameter and
scenario files. Scenarios work on :meth:`Catalogue.clone`, never on the
baseline itself.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .models import Agency, Attribute, DocumentType, Fallback, Procedure, Rule, Source


@dataclass
class Catalogue:
    documents: dict[str, DocumentType] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    rules: dict[str, Rule] = field(default_factory=dict)
    fallbacks: dict[str, Fallback] = field(default_factory=dict)
    procedures: dict[str, Procedure] = field(default_factory=dict)
    agencies: dict[str, Agency] = field(default_factory=dict)
    attributes: dict[str, Attribute] = field(default_factory=dict)
    #: Raw parameter files (procedures/parameters), by file stem.
    parameters: dict[str, Any] = field(default_factory=dict)
    #: Raw scenario files (procedures/scenarios), by file stem.
    scenarios: dict[str, Any] = field(default_factory=dict)
    #: Where each procedure came from (file path or store URL), for messages.
    origins: dict[str, str] = field(default_factory=dict)
    #: Rule files generated from published data (Res. 66.7's appendices): the
    #: data each was built from (file, sha256, rows, encoded) and its unmapped rows.
    built_from: dict[str, dict[str, Any]] = field(default_factory=dict)
    root: Path | None = None
    label: str = "baseline"
    _versions: tuple[str, str] | None = field(default=None, repr=False)

    # ------------------------------------------------------------------ versions

    def _compute_versions(self) -> tuple[str, str]:
        def dump(models, **kw) -> list[bytes]:
            # pydantic's JSON serialiser is several times faster than model_dump + orjson
            return [m.model_dump_json(**kw).encode() for m in models]

        h = hashlib.blake2b(digest_size=6)
        for part in (
            dump(sorted(self.documents.values(), key=lambda d: d.id)),
            # A source's live status is not law: it is keyed by the source-state version.
            dump(sorted(self.sources.values(), key=lambda s: s.id), exclude={"status"}),
            dump(sorted(self.rules.values(), key=lambda r: r.id)),
            dump(sorted(self.fallbacks.values(), key=lambda f: f.id)),
            dump(sorted(self.attributes.values(), key=lambda a: a.id)),
            [f"{k}:{v.get('sha256')}".encode() for k, v in sorted(self.built_from.items())],
        ):
            for blob in part:
                h.update(blob)
        law = h.hexdigest()
        h = hashlib.blake2b(law.encode(), digest_size=6)
        for blob in dump(sorted(self.procedures.values(), key=lambda p: p.code)):
            h.update(blob)
        return law, h.hexdigest()

    def invalidate(self) -> None:
        """Forget cached versions after an in-place change (scenarios call this on clones)."""
        self._versions = None

    @property
    def rules_version(self) -> str:
        """Hash of the law: documents, sources (without live status), rules, fallbacks."""
        if self._versions is None:
            self._versions = self._compute_versions()
        return self._versions[0]

    @property
    def version(self) -> str:
        """Hash of the law and every procedure."""
        if self._versions is None:
            self._versions = self._compute_versions()
        return self._versions[1]

    # ------------------------------------------------------------------ helpers

    def clone(self, label: str | None = None) -> "Catalogue":
        """A deep copy that can be changed without touching this catalogue."""
        twin = copy.deepcopy(self)
        twin._versions = None
        if label:
            twin.label = label
        return twin

    def copy_on_write(self, label: str | None = None) -> "Catalogue":
        """A copy whose dicts are new and whose records are shared with this one.

        Cheap (no deep copy of thousands of procedures): the caller must
        *replace* a record it changes (``twin.sources[k] = new``), never edit a
        shared one in place. Scenarios build on this.
        """
        twin = copy.copy(self)
        for name in ("documents", "sources", "rules", "fallbacks", "procedures", "agencies", "attributes", "origins"):
            setattr(twin, name, dict(getattr(self, name)))
        twin._versions = None
        if label:
            twin.label = label
        return twin

    def derive_versions(self, base: "Catalogue", changed: Iterable[str]) -> None:
        """Version a copy-on-write twin of ``base`` without re-hashing every procedure.

        The law is hashed in full (it is small); the full version chains
        ``base.version`` with the procedures listed in ``changed``, which is
        enough to tell the content apart as long as every other procedure is
        the very object ``base`` holds.
        """
        law_only = Catalogue(
            documents=self.documents, sources=self.sources, rules=self.rules,
            fallbacks=self.fallbacks, attributes=self.attributes,
        )
        law = law_only.rules_version
        h = hashlib.blake2b(f"{law}:{base.version}".encode(), digest_size=6)
        for code in sorted(changed):
            proc = self.procedures.get(code)
            h.update(code.encode() + (proc.model_dump_json().encode() if proc is not None else b"-"))
        self._versions = (law, h.hexdigest())

    def rule(self, rule_id: str) -> Rule:
        """A rule by id, including a dossier waiver bound to a source (``<id>@<source>``).

        Raises
        ------
        KeyError
            No such rule, or a bound id whose rule is not a dossier waiver or
            whose source is unknown.
        """
        found = self.rules.get(rule_id)
        if found is not None:
            return found
        base, _, source = rule_id.partition("@")
        template = self.rules.get(base)
        if template is None or template.scope != "dossier-waiver" or source not in self.sources:
            raise KeyError(rule_id)
        return template.model_copy(update={"id": rule_id, "source": source})

    def waiver_rules(self, include_proposed: bool = False) -> list[Rule]:
        """The dossier-waiver rules (``scope: dossier-waiver``) in force."""
        return [
            r for r in sorted(self.rules.values(), key=lambda r: r.id)
            if r.scope == "dossier-waiver" and (r.status == "in_force" or include_proposed)
        ]

    def rule_document_types(self, rule: Rule) -> list[str]:
        """Document types a rule applies to (its own list, or all its source replaces)."""
        if rule.scope == "dossier-waiver":
            return []
        if rule.document_types:
            return list(rule.document_types)
        if rule.source and rule.source in self.sources:
            return list(self.sources[rule.source].replaces)
        return []

    def ministry_of(self, code: str) -> str:
        return self.procedures[code].ministry

    def agency_name(self, agency_id: str, lang: str = "vi") -> str:
        agency = self.agencies.get(agency_id)
        if agency is None:
            return agency_id
        return getattr(agency.name, lang) or agency.name.vi

    def with_procedures(self, procedures: Iterable[Procedure], origin: str) -> "Catalogue":
        """A shallow copy with ``procedures`` added; codes already present are kept."""
        merged = dict(self.procedures)
        origins = dict(self.origins)
        for proc in procedures:
            if proc.code not in merged:
                merged[proc.code] = proc
                origins[proc.code] = origin
        twin = copy.copy(self)
        twin.procedures = merged
        twin.origins = origins
        twin._versions = None
        return twin
