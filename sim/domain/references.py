"""Cross-reference checks of a scenario: every name it uses must point at something that exists.

The schema checks each value on its own; these checks look across the file: actors named in
relations, units in injects, rungs, actions, conditions, and the ceilings they must respect.
Each problem names its field path and the allowed values.
"""

from __future__ import annotations

from sim.domain import conditions
from sim.domain.actions import is_aid
from sim.domain.ladder import standard_ladder
from sim.domain.scenario import Actor, Inject, Milestone, Scenario


class _Check:
    """Collects the problems of one scenario."""

    def __init__(self, s: Scenario):
        self.s, self.ladder, self.out = s, standard_ladder(), []
        self.actors, self.units, self.theatres = set(s.actors), set(s.forces), set(s.theatres)
        self.rungs, self.actions = set(self.ladder.rung_ids), set(self.ladder.actions)

    def need(self, value: str | None, allowed: set[str], where: str, what: str) -> None:
        """A problem unless ``value`` is absent or one of ``allowed``."""
        if value is not None and value not in allowed:
            listing = ", ".join(sorted(allowed))
            self.out.append(f"{where}: unknown {what} {value!r}; allowed: {listing}")

    def actor(self, aid: str, a: Actor) -> None:
        """Rungs exist and are in order; members and adversaries exist; nuclear rungs need
        nuclear weapons."""
        where, idx = f"actors.{aid}", self.ladder.index
        self.need(a.initial_rung, self.rungs, f"{where}.initial_rung", "rung")
        self.need(a.max_rung, self.rungs, f"{where}.max_rung", "rung")
        for i, m in enumerate(a.members):
            self.need(m, self.actors, f"{where}.members.{i}", "actor")
        for i, adv in enumerate(a.adversaries):
            self.need(adv, self.actors - {aid}, f"{where}.adversaries.{i}", "actor")
        for target, rung in a.postures.items():
            self.need(target, self.actors - {aid}, f"{where}.postures.{target}", "actor")
            self.need(rung, self.rungs, f"{where}.postures.{target}", "rung")
            if rung in self.rungs and a.max_rung in self.rungs and idx(rung) > idx(a.max_rung):
                self.out.append(f"{where}.postures.{target}: {rung!r} is above max_rung")
        if aid in a.members:
            self.out.append(f"{where}.members: an alliance cannot be its own member")
        if {a.initial_rung, a.max_rung} <= self.rungs:
            if idx(a.initial_rung) > idx(a.max_rung):
                self.out.append(f"{where}.initial_rung: {a.initial_rung!r} is above max_rung")
            if not a.nuclear and idx(a.max_rung) >= idx("nuclear_signalling"):
                self.out.append(
                    f"{where}.max_rung: {a.max_rung!r} needs nuclear: true; without nuclear "
                    "weapons the highest rung is strikes_on_territory"
                )
        for eid, entry in a.doctrine.items():
            self.doctrine(f"{where}.doctrine.{eid}", a, entry.then, entry.target, entry.when)
            self.aimed(f"{where}.doctrine.{eid}.target", aid, a, entry.then, entry.target)

    def aimed(self, where: str, aid: str, a: Actor, then: str, target: str | None) -> None:
        """Aid (an action coded toward its recipient: arms, instructors, lifted restrictions) is
        aimed at an adversary or a party the actor is at war with, and reaches whoever fights
        that target; aimed at the partner it means to help, it would reach no one."""
        if target is None or target not in self.actors or not is_aid(then):
            return
        at_war = {p for r in self.s.relations.values() if r.kind == "war" and aid in r.parties
                  for p in r.parties}  # fmt: skip
        allowed = (set(a.adversaries) | at_war) - {aid}
        if target not in allowed:
            self.out.append(
                f"{where}: {target!r} is not an actor {aid} holds a posture toward; allowed: "
                f"{', '.join(sorted(allowed)) or 'none'} (its adversaries and those it is at war "
                "with: aid is aimed at the adversary and reaches whoever fights it)"
            )

    def doctrine(self, where: str, a: Actor, then: str, target, when) -> None:
        """The action exists and is not above the actor's ceiling; target and conditions exist."""
        self.need(then, self.actions, f"{where}.then", "action")
        if then in self.actions and a.max_rung in self.rungs:
            rung = self.ladder.rung_of(then)
            if rung > self.ladder.index(a.max_rung):
                self.out.append(
                    f"{where}.then: {then!r} is on rung {self.ladder.rung_ids[rung]}, above "
                    f"max_rung {a.max_rung!r}; raise max_rung or choose a lower action"
                )
        self.need(target, self.actors, f"{where}.target", "actor")
        self.out.extend(conditions.check(when, f"{where}.when"))

    def inject(self, iid: str, inj: Inject) -> None:
        """Actors, units and rungs of an inject's trigger and effects exist; dates are in play."""
        self.need(inj.actor, self.actors, f"injects.{iid}.actor", "actor")
        if inj.when is not None:
            self.out.extend(conditions.check(inj.when, f"injects.{iid}.when"))
        for k, eff in enumerate(inj.effects):
            where = f"injects.{iid}.effects.{k}"
            for field in ("actor", "target", "supplier"):
                self.need(getattr(eff, field, None), self.actors, f"{where}.{field}", "actor")
            self.need(getattr(eff, "unit", None), self.units, f"{where}.unit", "unit")
            self.need(getattr(eff, "rung", None), self.rungs, f"{where}.rung", "rung")
        if inj.date is not None and inj.date < self.s.start_date:
            self.out.append(
                f"injects.{iid}.date: {inj.date} is before start_date {self.s.start_date}"
            )

    def milestone(self, mid: str, m: Milestone) -> None:
        """Everything a milestone names exists; a control milestone names a contested theatre
        (one with ``held_by``), since only those have a control that moves."""
        where = f"milestones.{mid}"
        for field in ("actors", "parties"):
            for i, a in enumerate(getattr(m, field, ())):
                self.need(a, self.actors, f"{where}.{field}.{i}", "actor")
        self.need(getattr(m, "target", None), self.actors, f"{where}.target", "actor")
        self.need(getattr(m, "rung", None), self.rungs, f"{where}.rung", "rung")
        self.need(getattr(m, "action", None), self.actions, f"{where}.action", "action")
        theatre = getattr(m, "theatre", None)
        contested = {t for t, th in self.s.theatres.items() if th.held_by is not None}
        self.need(theatre, contested, f"{where}.theatre", "contested theatre (with held_by)")


def cross_reference_problems(s: Scenario) -> list[str]:
    """Every reference in the scenario that points at nothing, each with the allowed values."""
    c = _Check(s)
    for aid, a in s.actors.items():
        c.actor(aid, a)
    for rid, r in s.relations.items():
        for i, p in enumerate(r.parties):
            c.need(p, c.actors, f"relations.{rid}.parties.{i}", "actor")
        for i, m in enumerate(r.mediators):
            c.need(m, c.actors - set(r.parties), f"relations.{rid}.mediators.{i}", "actor")
        if r.mediators and r.kind != "war":
            c.out.append(f"relations.{rid}.mediators: only a war has mediators")
    for tid, t in s.theatres.items():
        c.need(t.territory_of, c.actors, f"theatres.{tid}.territory_of", "actor")
        c.need(t.held_by, c.actors, f"theatres.{tid}.held_by", "actor")
    for fid, f in s.forces.items():
        c.need(f.actor, c.actors, f"forces.{fid}.actor", "actor")
        c.need(f.theatre, c.theatres, f"forces.{fid}.theatre", "theatre")
    for iid, inj in s.injects.items():
        c.inject(iid, inj)
    for mid, m in s.milestones.items():
        c.milestone(mid, m)
    return c.out
