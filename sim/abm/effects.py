"""What decisions and injects change in the world: the actions table applied to the World.

A decision first moves its actor's posture toward its target (``move``); then, once every
actor has moved, the action's effects from ``sim/domain/data/actions.yaml`` apply in order
(``consequences``). Each effect kind is one small function that changes one field of the world
state; none knows which action called it. A posture that falls below combat toward every enemy
in a theatre takes the actor's units there out of combat (``stand_down``).
"""

from __future__ import annotations

from collections.abc import Callable

from sim.abm.world import PRIOR_RESOLVE, World
from sim.domain.actions import EffectSpec, action_table
from sim.domain.rules import HOLD
from sim.domain.scenario import (
    AdjustActor,
    CommitUnit,
    DamageUnit,
    DeclareCoBelligerent,
    LiftRestrictions,
    ReinforceUnit,
    SetRung,
)
from sim.domain.situation import Decision

RISK_CAP = 3.0  # perceived risk is kept below this
FLOOR = 0.2  # sustainment and logistics never fall below this share of normal
CAP = 2.0  # fire and mobilisation never rise above twice normal


def shifted(x: float, by: float, floor: float = FLOOR, cap: float = CAP) -> float:
    """An index ``x`` (1 = normal) moved by an effect of stated size ``by``, with diminishing
    returns. Away from normal the step is ``by`` times the share of room left to the bound
    (``floor`` below, ``cap`` above): a first package at normal has its stated size, each
    repeat less, and x approaches the bound geometrically without passing it (after n
    packages from normal, ``x - floor = (1 - floor) * (1 - |by| / (1 - floor)) ** n``). Back
    toward normal the step is linear and stops at normal."""
    if by < 0 and x <= 1.0:
        return max(floor, x + by * (x - floor) / (1.0 - floor))
    if by > 0 and x >= 1.0:
        return x if cap <= 1.0 else min(cap, x + by * (cap - x) / (cap - 1.0))
    return min(1.0, x + by) if by > 0 else max(1.0, x + by)


def move(world: World, d: Decision) -> None:
    """Put the actor on the decision's posture toward its target and mark a once-only doctrine
    entry as used (a hold changes nothing)."""
    agent = world.actors[d.actor]
    if d.action != HOLD and d.target is not None:
        world.set_posture(d.actor, d.target, d.rung)
    if d.action != HOLD:
        world.actions_taken.add((d.actor, d.action))
    if d.entry is not None:
        agent.spent.add(d.entry)


def consequences(world: World, d: Decision) -> None:
    """Apply the effects of the decision's action (actions table), in the table's order."""
    spec = action_table().get(d.action)
    if spec is None or d.target is None:
        return
    for e in spec.effects:
        for who in _whom(world, e.on, d.actor, d.target):
            _KINDS[e.kind](world, e, d.actor, d.target, who)


def _whom(world: World, role: str, actor: str, target: str) -> list[str]:
    if role == "self":
        return [actor]
    if role == "target":
        return [target]
    if role == "recipients":
        return world.recipients(actor, target)
    return world.receivers(actor, target)


def _bounds(e: EffectSpec, cap: float) -> tuple[float, float]:
    """The effect's floor and cap, or the index's own (``FLOOR``; ``cap``)."""
    return (FLOOR if e.floor is None else e.floor), (cap if e.cap is None else e.cap)


# --- one function per effect kind: (world, effect, actor, target, whom) -------------------
def _fire(w: World, e: EffectSpec, actor: str, target: str, who: str) -> None:
    a = w.actors[who]
    a.fire = shifted(a.fire, e.by, *_bounds(e, CAP))


def _mobilisation(w: World, e: EffectSpec, actor: str, target: str, who: str) -> None:
    a = w.actors[who]
    a.mobilisation = shifted(a.mobilisation, e.by, *_bounds(e, CAP))


def _sustainment(w: World, e: EffectSpec, actor: str, target: str, who: str) -> None:
    a = w.actors[who]
    a.sustainment = shifted(a.sustainment, e.by, *_bounds(e, 1.0))


def _logistics(w: World, e: EffectSpec, actor: str, target: str, who: str) -> None:
    a = w.actors[who]
    a.logistics = shifted(a.logistics, e.by, *_bounds(e, 1.0))


def _grievance(w: World, e: EffectSpec, actor: str, target: str, who: str) -> None:
    a = w.actors[who]
    a.grievance = max(0.0, min(1.0, a.grievance + e.by))


def _perceived_risk(w: World, e: EffectSpec, actor: str, target: str, who: str) -> None:
    a = w.actors[who]
    a.perceived_risk = max(0.0, min(RISK_CAP, a.perceived_risk + e.by))


def _resolve(w: World, e: EffectSpec, actor: str, target: str, who: str) -> None:
    """The observer's estimate of the actor's resolve moves ``by`` of the way to 1 (or to 0)."""
    key = (who, actor)
    r = w.resolve_seen.get(key, PRIOR_RESOLVE)
    w.resolve_seen[key] = r + e.by * (1.0 - r) if e.by >= 0 else r + e.by * r


def _audience_cost(w: World, e: EffectSpec, actor: str, target: str, who: str) -> None:
    key = (actor, target)
    w.audience[key] = w.audience.get(key, 0.0) + e.by


def _credibility(w: World, e: EffectSpec, actor: str, target: str, who: str) -> None:
    raise_credibility(w, actor, e.by)


def _declare(w: World, e: EffectSpec, actor: str, target: str, who: str) -> None:
    w.declarations.add((actor, target))
    w.version += 1


def _lift(w: World, e: EffectSpec, actor: str, target: str, who: str) -> None:
    lift_restrictions(w, actor)


def _commit(w: World, e: EffectSpec, actor: str, target: str, who: str) -> None:
    for u in w.units_of[actor]:
        if u.strength > 0 and not u.in_combat and w.opposed(actor, target, u.theatre):
            u.in_combat = True
            w.version += 1


def _commit_partners(w: World, e: EffectSpec, actor: str, target: str, who: str) -> None:
    mine = {u.theatre for u in w.units_of[actor]} | {t.id for t in w.theatres if t.owner == actor}
    combat = w.ladder.index("combat")
    for partner in sorted(w.ties.treaty_partners[actor]):
        sent = False
        for u in w.units_of[partner]:
            if u.theatre in mine and not u.in_combat and u.strength > 0:
                u.in_combat = sent = True
        if sent:
            w.version += 1
            if target in w.postures[partner] and w.posture(partner, target) < combat:
                w.set_posture(partner, target, combat)
            w.actions_taken.add((partner, "commit_to_combat"))
            w.recorder.decision(w.step, w.date, partner, target, "commit_to_combat",
                                w.posture(partner, target), f"effect:{actor}",
                                f"units sent into combat by {actor}")  # fmt: skip
            w.recorder.event(w.step, w.date, partner, target, "commit_to_combat")


def _withdraw(w: World, e: EffectSpec, actor: str, target: str, who: str) -> None:
    for u in w.units_of[actor]:
        if u.in_combat and w.opposed(actor, target, u.theatre):
            u.in_combat = False
            w.version += 1


def _reinforce(w: World, e: EffectSpec, actor: str, target: str, who: str) -> None:
    alive = [u for u in w.units_of[actor] if u.strength > 0]
    fighting = [u for u in alive if u.in_combat]
    for u in fighting or alive:
        u.reinforce(w.combat.reinforcement_fraction * u.initial_strength)


def _deploy(w: World, e: EffectSpec, actor: str, target: str, who: str) -> None:
    """Idle own units outside any contested theatre move to one where the target's side fights
    (the first in id order); with none to move, the actor mobilises (+5% replenishment)."""
    fronts = sorted(t.id for t in w.theatres if w.opposed(actor, target, t.id))
    contested = {t.id for t in w.theatres}
    moved = False
    if fronts:
        front = next(t for t in w.theatres if t.id == fronts[0])
        for u in w.units_of[actor]:
            if u.strength > 0 and not u.in_combat and u.theatre not in contested:
                u.theatre = front.id
                front.units.append(u)
                moved = True
    if moved:
        w.version += 1
    else:
        a = w.actors[actor]
        a.mobilisation = shifted(a.mobilisation, 0.05)


def _nuclear_damage(w: World, e: EffectSpec, actor: str, target: str, who: str) -> None:
    theatres = {u.theatre for u in w.units_of[actor]} | {
        t.id for t in w.theatres if actor in (t.owner, t.holder)
    }
    for t in w.theatres:
        if t.id in theatres:
            enemy_side = w.side_of(target, t)
            for u in t.units:
                if enemy_side and w.side_of(u.actor_id, t) == enemy_side:
                    u.strength *= 1.0 - w.combat.nuclear_strike_damage


def _offer_ceasefire(w: World, e: EffectSpec, actor: str, target: str, who: str) -> None:
    w.offers[(actor, target)] = w.step


_KINDS: dict[str, Callable[[World, EffectSpec, str, str, str], None]] = {
    "fire": _fire, "mobilisation": _mobilisation, "sustainment": _sustainment,
    "logistics": _logistics, "grievance": _grievance, "perceived_risk": _perceived_risk,
    "resolve": _resolve, "audience_cost": _audience_cost, "credibility": _credibility,
    "declare": _declare, "lift": _lift, "commit": _commit, "commit_partners": _commit_partners,
    "withdraw": _withdraw, "reinforce": _reinforce, "deploy": _deploy,
    "nuclear_damage": _nuclear_damage, "offer_ceasefire": _offer_ceasefire,
}  # fmt: skip


def stand_down(world: World, actor: str) -> None:
    """Take ``actor``'s units out of combat in every theatre where its posture toward each
    enemy present is below combat (a posture and its forces stay consistent)."""
    combat = world.ladder.index("combat")
    below: dict[str, bool] = {}  # theatre id -> whether the actor stands below combat there
    for u in world.units_of[actor]:
        if not u.in_combat:
            continue
        if u.theatre not in below:
            t = world.theatre_by_id.get(u.theatre)
            below[u.theatre] = t is not None and _below_combat(world, actor, t, combat)
        if below[u.theatre]:
            u.in_combat = False
            world.version += 1


def _below_combat(world: World, actor: str, t, combat: int) -> bool:
    """Whether ``actor``'s postures toward the enemies present in theatre ``t`` (units with
    strength left, the owner and the holder) are all below combat (False if it faces none)."""
    mine = world.side_of(actor, t)
    present = {x.actor_id for x in t.units if x.strength > 0} | ({t.owner, t.holder} - {None})
    enemies = {e for e in present - {actor} if world.side_of(e, t) not in (None, mine)}
    toward = [world.posture(actor, e) for e in enemies if e in world.postures[actor]]
    return bool(toward) and max(toward) < combat


def raise_credibility(world: World, actor: str, by: float) -> None:
    """Move the credibility of every treaty or alliance ``actor`` is party to by ``by``."""
    for rid, r in world.scenario.relations.items():
        if r.kind in ("treaty", "alliance") and actor in r.parties:
            c = world.credibility.get(rid, r.credibility)
            world.credibility[rid] = max(0.0, min(1.0, c + by))


def lift_restrictions(world: World, supplier: str) -> None:
    """End the use restrictions on ``supplier``'s deliveries; recipients fight better once."""
    for s in world.ties.supplies:
        if s.supplier == supplier and s.restricted_use and s.id not in world.lifted:
            world.lifted.add(s.id)
            a = world.actors[s.recipient]
            a.fire = a.fire + world.combat.unrestricted_weapons_bonus
            world.version += 1


def apply_inject_effect(world: World, effect, inject_id: str) -> str | None:
    """Apply one inject effect; returns the actor it concerns, if any."""
    if isinstance(effect, AdjustActor):
        agent = world.actors[effect.actor]
        value = getattr(agent, effect.field) + effect.delta
        setattr(agent, effect.field, min(1.0, max(0.0, value)))
        return effect.actor
    if isinstance(effect, SetRung):
        rung = world.ladder.index(effect.rung)
        for target in world.postures[effect.actor]:
            world.set_posture(effect.actor, target, rung)
        stand_down(world, effect.actor)
        return effect.actor
    if isinstance(effect, DamageUnit | ReinforceUnit | CommitUnit):
        unit = world.units[effect.unit]
        if isinstance(effect, DamageUnit):
            unit.strength *= 1.0 - effect.fraction
        elif isinstance(effect, ReinforceUnit):
            unit.reinforce(effect.strength)
        else:
            unit.in_combat = True
            world.version += 1
        return unit.actor_id
    if isinstance(effect, LiftRestrictions):
        lift_restrictions(world, effect.supplier)
        return effect.supplier
    if isinstance(effect, DeclareCoBelligerent):
        world.declarations.add((effect.actor, effect.target))
        world.version += 1
        return effect.actor
    raise TypeError(f"inject {inject_id}: unsupported effect {effect!r}")
