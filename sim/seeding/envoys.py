"""Who summons an envoy: the state that hosts him.

Only the state an envoy is posted to summons him, so when a clause of summoning names no
summoner (a ministry with no state and no dateline: "The Ministry of Foreign Affairs summoned
the charge d'affaires of Russia in Estonia"), the envoy's posting names it: the actor of an
"in" or "to" after the envoy ("Russia's ambassador to Washington", a capital naming its state).
A summoner the clause names is kept ("Pakistan summoned the Afghan envoy"), and a posting that
names only the envoy's own state, or a body of states, names no one ("the Russian envoy in
Moscow", "Russia's ambassador to the UN").
"""

from __future__ import annotations

from sim.seeding.verb_sense import verb_lemma

_ENVOYS = {"ambassador", "envoy", "d'affaires", "chargé", "charge", "diplomat", "consul",
           "attaché", "attache", "emissary"}  # fmt: skip


def host_of_envoy(p, v, subjects: list[str], targets: list[str],
                  kinds: dict[str, str]) -> list[str]:  # fmt: skip
    """The summoner of verb ``v``: its ``subjects``, else the state its envoy is posted to
    (``kinds``: actor id -> kind; an envoy to the UN or to an alliance names no summoner)."""
    if subjects or verb_lemma(v) != "summon":
        return subjects
    envoys = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")
              and any(t.lower_ in _ENVOYS for t in c.subtree)]  # fmt: skip
    hosts: list[str] = []
    for e in envoys:
        for prep in (t for t in e.subtree if t.dep_ == "prep" and t.lower_ in ("in", "to")):
            for g in (c for c in prep.children if c.dep_ == "pobj"):
                a = p.actor_at.get(g.i) or p.capital_at.get(g.i)
                if a and kinds.get(a) == "state" and a not in targets and a not in hosts:
                    hosts.append(a)
    return hosts
