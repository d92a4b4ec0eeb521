"""A guard on the law: what a new catalogue would take away from the current one.

A reload or an import that drops rules in force, drops sources, or removes
more than a set share of procedures is most often a mistake (an emptied rules
file silently drops Art. 4, a half-copied folder drops a ministry). The
callers refuse such a catalogue unless an admin confirms the removals, and
show this diff.

Examples
--------
>>> from engine.loading import load_catalogue
>>> old = load_catalogue().catalogue
>>> new = old.copy_on_write()
>>> del new.rules["res-66-7-art4-1-population"]
>>> diff = law_diff(old, new)
>>> diff.rules_removed
['res-66-7-art4-1-population']
>>> diff.needs_confirmation()
True
>>> law_diff(old, old).needs_confirmation()
False
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ..catalogue import Catalogue

#: Share of procedures a change may remove without a confirmation.
DEFAULT_MAX_PROCEDURE_SHARE = 0.05


@dataclass
class LawDiff:
    """What ``new`` drops relative to ``old`` (and what it adds, for the record)."""

    rules_removed: list[str] = field(default_factory=list)
    sources_removed: list[str] = field(default_factory=list)
    procedures_removed: list[str] = field(default_factory=list)
    procedures_before: int = 0
    rules_added: list[str] = field(default_factory=list)
    sources_added: list[str] = field(default_factory=list)
    procedures_added: int = 0
    max_procedure_share: float = DEFAULT_MAX_PROCEDURE_SHARE

    @property
    def procedure_share_removed(self) -> float:
        return len(self.procedures_removed) / self.procedures_before if self.procedures_before else 0.0

    def reasons(self) -> list[str]:
        """Why the change needs a confirmation (empty: it does not)."""
        out = []
        if self.rules_removed:
            out.append(f"{len(self.rules_removed)} rule(s) in force removed: {', '.join(self.rules_removed[:10])}" + (" ..." if len(self.rules_removed) > 10 else ""))
        if self.sources_removed:
            out.append(f"{len(self.sources_removed)} source(s) removed: {', '.join(self.sources_removed)}")
        if self.procedure_share_removed > self.max_procedure_share:
            out.append(
                f"{len(self.procedures_removed)} of {self.procedures_before} procedures removed "
                f"({self.procedure_share_removed:.0%} > {self.max_procedure_share:.0%})"
            )
        return out

    def needs_confirmation(self) -> bool:
        return bool(self.reasons())

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["procedures_removed"] = self.procedures_removed[:100]
        out["procedures_removed_count"] = len(self.procedures_removed)
        out["reasons"] = self.reasons()
        return out


def law_diff(old: Catalogue, new: Catalogue, max_procedure_share: float = DEFAULT_MAX_PROCEDURE_SHARE) -> LawDiff:
    """What ``new`` removes from ``old``: rules in force, sources, procedures."""
    in_force = {r for r, rule in old.rules.items() if rule.status == "in_force"}
    return LawDiff(
        rules_removed=sorted(in_force - set(new.rules)),
        sources_removed=sorted(set(old.sources) - set(new.sources)),
        procedures_removed=sorted(set(old.procedures) - set(new.procedures)),
        procedures_before=len(old.procedures),
        rules_added=sorted(set(new.rules) - set(old.rules)),
        sources_added=sorted(set(new.sources) - set(old.sources)),
        procedures_added=len(set(new.procedures) - set(old.procedures)),
        max_procedure_share=max_procedure_share,
    )


def empty_law(cat: Catalogue) -> list[str]:
    """Reasons a catalogue cannot be law at all (no rule in force, no source)."""
    out = []
    if not any(r.status == "in_force" for r in cat.rules.values()):
        out.append("no rule in force")
    if not cat.sources:
        out.append("no source")
    return out
