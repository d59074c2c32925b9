"""Who stands with whom: the scenario's relations indexed for quick questions.

Aligned actors share a mutual-defence treaty, a treaty or an alliance (an alliance actor is also
aligned with its members). Supplies carry whether the supplier still restricts their use.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.domain.scenario import Scenario


@dataclass(frozen=True)
class Supply:
    """A supply tie: what goes from ``supplier`` to ``recipient``; is its use limited?"""

    id: str
    supplier: str
    recipient: str
    goods: str
    restricted_use: bool


@dataclass(frozen=True)
class Ties:
    """Indexed relations of one scenario."""

    treaty_partners: dict[str, frozenset[str]]  # bound by a mutual-defence clause
    aligned: dict[str, frozenset[str]]  # treaty, mutual defence or alliance (incl. membership)
    at_war: dict[str, frozenset[str]]
    supplies: tuple[Supply, ...]

    def side_of(self, actor: str, owner: str, holder: str | None) -> str | None:
        """Which side of a theatre an actor fights on: 'owner', 'holder' or None."""
        if actor == owner or actor in self.aligned[owner]:
            return "owner"
        if holder is not None and (actor == holder or actor in self.aligned[holder]):
            return "holder"
        return None


def index_ties(s: Scenario) -> Ties:
    """Index a scenario's relations (and alliance memberships)."""
    ids = list(s.actors)
    treaty = {a: set() for a in ids}
    aligned = {a: set() for a in ids}
    war = {a: set() for a in ids}
    supplies = []
    for rid, r in s.relations.items():
        a, b = r.parties
        if r.kind == "war":
            war[a].add(b)
            war[b].add(a)
        elif r.kind in ("treaty", "alliance"):
            aligned[a].add(b)
            aligned[b].add(a)
            if r.kind == "treaty" and r.mutual_defence:
                treaty[a].add(b)
                treaty[b].add(a)
        elif r.kind == "supply":
            supplies.append(Supply(rid, a, b, r.goods, r.restricted_use))
    for aid, actor in s.actors.items():
        for m in actor.members:
            aligned[aid].add(m)
            aligned[m].add(aid)
    freeze = lambda d: {k: frozenset(v) for k, v in d.items()}  # noqa: E731
    return Ties(freeze(treaty), freeze(aligned), freeze(war), tuple(supplies))
