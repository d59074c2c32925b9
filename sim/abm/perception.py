"""How an actor sees the world at the start of a turn: its Situation, built from the World.

An actor sees other actors' postures toward it with a lag (``rules.perception_lag_days``): a
change of posture reaches it that many days later. Covert units of its adversaries stay out of
its view until detected. What it could do next toward each target (``next_up``) follows the
actions table's requirements. The static part of an actor's view (whom it deals with, which
units and theatres each question looks at) is worked out once per model (``Outlook``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sim.abm.world import PRIOR_RESOLVE, World
from sim.domain import conditions
from sim.domain.actions import action_table
from sim.domain.ladder import standard_ladder
from sim.domain.situation import Dyad, Situation, situation_from

if TYPE_CHECKING:
    from sim.abm.agents import ActorAgent
    from sim.abm.forces import ForceAgent
    from sim.abm.theatre import ContestedTheatre
    from sim.domain.ties import Supply

WEEK = 7.0
COMBAT = standard_ladder().index("combat")
Front = tuple["ContestedTheatre", bool]  # a theatre and whether the actor sides with the holder


@dataclass(frozen=True)
class Outlook:
    """The static part of one actor's view: what each of its questions looks at."""

    targets: tuple[str, ...]  # the actors it holds a posture toward, in id order
    initial: dict[str, int]  # its initial posture toward each
    fronts: tuple[Front, ...]
    supplied_fronts: tuple[tuple[Front, ...], ...]
    own_ground: tuple[ContestedTheatre, ...]
    partner_ground: tuple[ContestedTheatre, ...]
    partner_units_near: tuple[ForceAgent, ...]
    adversary_partner_units: tuple[ForceAgent, ...]
    adversary_units: tuple[ForceAgent, ...]
    own_units: tuple[ForceAgent, ...]
    restricted_supplies: tuple[Supply, ...]
    supplies_to_adversaries: tuple[Supply, ...]
    dyad_plan: tuple[tuple[str, int, bool, tuple[str, ...], tuple[str, str], frozenset[str]], ...]
    # per target: its id, its initial posture toward the actor, whether it is nuclear-armed, the
    # relations (treaty or alliance with a nuclear-armed ally) whose credibility covers it, and
    # the pair as an ordered key (actor, target) and as an unordered one


def targets_of(world: World, actor: str) -> tuple[str, ...]:
    """Whom an actor holds a posture toward: its adversaries and anyone at war with it."""
    spec = world.actors[actor].spec
    return tuple(sorted(set(spec.adversaries) | world.ties.at_war[actor]))


def fronts_of(world: World, actor: str) -> tuple[Front, ...]:
    """The contested theatres the actor fights in, each with whether it sides with the holder."""
    fronts = []
    for t in world.theatres:
        side = world.side_of(actor, t)
        if side is not None and t.involves(actor):
            fronts.append((t, side == "holder"))
    return tuple(fronts)


def outlook_of(world: World, agent: ActorAgent, initial: dict[str, int]) -> Outlook:
    """Work out the static part of ``agent``'s view from the world's structure."""
    me, ties = agent.actor_id, world.ties
    partners = ties.treaty_partners[me]
    my_theatres = {u.theatre for u in world.units_of[me]} | {
        t.id for t in world.theatres if t.owner == me
    }
    enemies = set(agent.spec.adversaries)
    belligerents = {a for a, foes in ties.at_war.items() if foes}
    adversary_partners = set().union(*(ties.aligned[a] for a in enemies)) - {me} - belligerents
    supplied = [s for s in ties.supplies if s.supplier == me]
    targets = targets_of(world, me)
    plan = []
    for b in targets:
        cover = []
        for rid, r in world.scenario.relations.items():
            if r.kind in ("treaty", "alliance") and b in r.parties:
                ally = r.parties[0] if r.parties[1] == b else r.parties[1]
                if ally != me and world.actors[ally].spec.nuclear:
                    cover.append(rid)
        deals = me in world.postures[b]
        base = _initial_toward(world, b, me) if deals else 0
        plan.append((b, base, world.actors[b].spec.nuclear, tuple(cover), (me, b),
                     frozenset((me, b))))  # fmt: skip
    return Outlook(
        targets=targets,
        initial=initial,
        fronts=fronts_of(world, me),
        supplied_fronts=tuple(fronts_of(world, s.recipient) for s in supplied),
        own_ground=tuple(t for t in world.theatres if t.owner == me),
        partner_ground=tuple(t for t in world.theatres if t.owner in partners),
        partner_units_near=tuple(
            u for p in sorted(partners) for u in world.units_of[p] if u.theatre in my_theatres
        ),
        adversary_partner_units=tuple(
            u for p in sorted(adversary_partners) for u in world.units_of[p]
        ),
        adversary_units=tuple(u for a in sorted(enemies) for u in world.units_of[a]),
        own_units=tuple(world.units_of[me]),
        restricted_supplies=tuple(s for s in supplied if s.restricted_use),
        supplies_to_adversaries=tuple(s for s in ties.supplies if s.recipient in enemies),
        dyad_plan=tuple(plan),
    )


def situation_of(world: World, agent: ActorAgent, view: Outlook,
                 flags: bool | frozenset[str] = True) -> Situation:  # fmt: skip
    """Everything the actor's rules may look at this turn. The doctrine conditions' flags are
    all worked out (``flags=True``), only the named ones (a set, e.g. ``flags_needed``), or
    none (``False``: they keep their defaults; only conditions read them)."""
    me, p = agent.actor_id, world.rules
    seen_now = world.postures_ago(p.perception_lag_days)
    seen_before = world.postures_ago(p.perception_lag_days + WEEK)
    dyads = []
    top_target, top_rung, top_move, top_any = None, -1, 0, 0
    mine, cache, version = world.postures[me], world.cache, world.version
    resolve, credibility, audience = world.resolve_seen, world.credibility, world.audience
    ceasefires = world.ceasefires
    for b, base, nuclear, cover, key, pair in view.dyad_plan:
        own = mine[b]
        seen = seen_now[b].get(me, 0)
        move = seen - seen_before[b].get(me, 0)
        deterrence = resolve.get(key, PRIOR_RESOLVE) - PRIOR_RESOLVE
        for rid in cover:
            deterrence += credibility.get(rid, 0.0)
        in_ceasefire = pair in ceasefires
        fighting = cache.get(("fights", key, version))
        if fighting is None:
            fighting = cache["fights", key, version] = world.fights(me, b)
        if in_ceasefire:
            up = None
        else:
            up = cache.get((key, own, version), False)
            if up is False:
                up = cache[key, own, version] = _next_up(world, me, b, own)
        dyads.append(Dyad(
            b, own, own - view.initial[b], seen, seen - base, move, up, nuclear, deterrence,
            audience.get(key, 0.0), in_ceasefire, fighting, COMBAT if fighting else 0,
        ))  # fmt: skip
        if seen > top_rung:
            top_target, top_rung = b, seen
        if move > top_move:
            top_move = move
        if seen > top_any:
            top_any = seen
    values = {
        "actor": me, "step": world.step, "days": world.days, "own_rung": world.rung(me),
        "max_rung": agent.max_rung, "dyads": tuple(dyads), "adversary": top_target,
        "adversary_rung": max(top_rung, 0), "adversary_last_move": top_move,
        "max_adversary_rung": top_any, "risk_tolerance": agent.risk_tolerance,
        "escalation_propensity": agent.escalation_propensity, "grievance": agent.grievance,
        "weariness": agent.weariness, "perceived_risk": agent.perceived_risk,
        "own_losses": agent.weekly_losses,
    }  # fmt: skip
    for name in _FLAGS if flags is True else flags or ():
        values[name] = _FLAGS[name](world, agent, view)
    if agent.doctrine:
        values["doctrine"], values["spent"] = agent.doctrine, frozenset(agent.spent)
    return situation_from(values)


def flags_needed(agent: ActorAgent) -> frozenset[str]:
    """The flags the conditions of the actor's doctrine entries that can still fire read (a
    ``once`` entry already used never fires again): no other flag needs working out."""
    return frozenset(
        f
        for line in agent.doctrine
        if not (line.once and line.id in agent.spent)
        for c in line.when
        for f in conditions.reads(c)
        if f in _FLAGS
    )


# The flags the condition vocabulary reads (``sim/domain/conditions.py``), each worked out here.
_FLAGS = {
    "own_control": lambda w, a, v: _worst_control(v.fronts),
    "supplied_ally_control": lambda w, a, v: min(map(_worst_control, v.supplied_fronts),
                                                 default=1.0),
    "own_territory_occupied": lambda w, a, v: _held(v.own_ground),
    "partner_forces_available": lambda w, a, v: _idle(v.partner_units_near),
    "treaty_partner_attacked": lambda w, a, v: _held(v.partner_ground),
    "adversary_partner_in_combat": lambda w, a, v: _fighting(v.adversary_partner_units,
                                                             w.detected),
    "adversary_forces_in_combat": lambda w, a, v: _fighting(v.adversary_units, w.detected),
    "own_supplies_restricted": lambda w, a, v: any(s.id not in w.lifted
                                                   for s in v.restricted_supplies),
    "declared_co_belligerent": lambda w, a, v: any(t == a.actor_id for _, t in w.declarations),
    "restrictions_lifted_against": lambda w, a, v: any(s.id in w.lifted
                                                       for s in v.supplies_to_adversaries),
    "own_forces_in_combat": lambda w, a, v: _fighting(v.own_units, None),
}  # fmt: skip


def _initial_toward(world: World, actor: str, target: str) -> int:
    spec = world.actors[actor].spec
    rung = spec.postures.get(target)
    return world.ladder.index(rung) if rung else world.actors[actor].initial_rung


# ------------------------------------------------------------------ what is possible


def next_up(world: World, actor: str, target: str, own: int) -> int | None:
    """The lowest rung above ``own`` (up to the actor's cap) with an action the actor can take
    toward ``target`` now; None if there is none. (Kept until what is possible changes:
    ``world.version``.)"""
    key = ((actor, target), own, world.version)  # the key situation_of uses too
    hit = world.cache.get(key, False)
    if hit is not False:
        return hit
    world.cache[key] = found = _next_up(world, actor, target, own)
    return found


def _next_up(world: World, actor: str, target: str, own: int) -> int | None:
    cap = world.actors[actor].max_rung
    for rung in range(own + 1, cap + 1):
        for action in world.ladder.rungs[rung].actions:
            if possible(world, actor, target, action):
                return rung
    return None


def possible(world: World, actor: str, target: str, action: str) -> bool:
    """Whether ``actor`` has what ``action`` requires toward ``target`` (actions table)."""
    for need in action_table()[action].requires:
        if not _REQUIREMENTS[need](world, actor, target):
            return False
    return True


def missing(world: World, actor: str, target: str, action: str) -> list[str]:
    """The requirements of ``action`` that ``actor`` lacks toward ``target``."""
    return [
        n for n in action_table()[action].requires if not _REQUIREMENTS[n](world, actor, target)
    ]


def _partner_units(world: World, a: str, b: str) -> bool:
    mine = {u.theatre for u in world.units_of[a]} | {t.id for t in world.theatres if t.owner == a}
    for p in world.ties.treaty_partners[a]:
        for u in world.units_of[p]:
            if u.theatre in mine and not u.in_combat and u.strength > 0:
                return True
    return False


_REQUIREMENTS = {
    "nuclear": lambda w, a, b: w.actors[a].spec.nuclear,
    "belligerent": lambda w, a, b: w.belligerent(a, b),
    "units_facing": lambda w, a, b: w.facing(a, b, in_combat=False),
    "partner_units": _partner_units,
    "recipients": lambda w, a, b: bool(w.recipients(a, b)),
    "restricted_supplies": lambda w, a, b: any(
        s.supplier == a and s.restricted_use and s.id not in w.lifted for s in w.ties.supplies
    ),
    "own_units": lambda w, a, b: any(u.strength > 0 for u in w.units_of[a]),
}


# ------------------------------------------------------------------ flags
def _worst_control(fronts: tuple[Front, ...]) -> float:
    worst = 1.0
    for t, holder in fronts:
        worst = min(worst, t.control if holder else 1.0 - t.control)
    return worst


def _held(theatres) -> bool:
    return any(t.control > 0.0 for t in theatres)


def _idle(units) -> bool:
    return any(not u.in_combat and u.strength > 0 for u in units)


def _fighting(units, detected: set[str] | None) -> bool:
    """Any of ``units`` in combat with strength left (covert ones only once ``detected``)."""
    for u in units:
        if u.in_combat and u.strength > 0 and (detected is None or not u.covert
                                               or u.unit_id in detected):  # fmt: skip
            return True
    return False
