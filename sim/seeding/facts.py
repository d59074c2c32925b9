"""The findings sorted into the facts a draft is built from, one list per kind.

Only facts (not denied, not hedged) become relations and initial positions; hedged findings
feed doctrine (something that may happen), negated ones are reported and dropped. One finding
per kind and pair of parties: the first in the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sim.seeding.extract import Extraction
from sim.seeding.findings import CONDITIONAL, FACT, HEDGED, Finding

AMMUNITION = ("ammunition", "shells", "munitions", "rounds")
SYMMETRIC = ("war", "treaty", "alliance", "partnership", "consultation")


@dataclass
class Facts:
    """Findings by kind: facts keyed by (kind, parties), hedged and conditional ones apart."""

    facts: dict[tuple[str, tuple], Finding] = field(default_factory=dict)
    hedged: dict[tuple[str, tuple], Finding] = field(default_factory=dict)
    conditionals: list[Finding] = field(default_factory=list)

    def of(self, kind: str) -> list[Finding]:
        """Every fact of a kind, in document order."""
        return [f for (k, _), f in self.facts.items() if k == kind]

    def hedged_of(self, kind: str) -> list[Finding]:
        """Every hedged finding of a kind, in document order."""
        return [f for (k, _), f in self.hedged.items() if k == kind]

    def wars(self) -> list[tuple[str, str]]:
        """Pairs at war, attacker first when the document shows one."""
        return [f.parties for f in self.of("war")]  # type: ignore[misc]

    def enemies(self, actor: str) -> list[str]:
        """Those at war with ``actor``."""
        return [b if a == actor else a for a, b in self.wars() if actor in (a, b)]

    def at_war(self) -> set[str]:
        return {p for pair in self.wars() for p in pair}

    def restricted_supplies(self) -> list[Finding]:
        return [f for f in self.of("supply") if f.attrs.get("restricted")]


def sort_findings(ex: Extraction) -> Facts:
    """File every finding under its kind; merge restricted-use into a pair's supply fact."""
    out = Facts()
    for f in ex.findings:
        parties = tuple(sorted(f.parties)) if f.kind in SYMMETRIC else f.parties  # type: ignore
        key = (f.kind, parties)
        if f.modality == FACT:
            if key in out.facts and f.kind == "supply" and f.attrs.get("restricted"):
                out.facts[key].attrs["restricted"] = True
            out.facts.setdefault(key, f)
        elif f.modality == HEDGED:
            out.hedged.setdefault(key, f)
        elif f.modality == CONDITIONAL:
            out.conditionals.append(f)
    return out


def goods_of(f: Finding) -> str:
    """The schema's goods for a supply finding: ammunition, instructors or weapons."""
    goods = str(f.attrs.get("goods", "weapons")).lower()
    if any(w in goods for w in AMMUNITION):
        return "ammunition"
    return "instructors" if "instructor" in goods else "weapons"
