"""War termination: ceasefire offers, their acceptance, and ceasefires that hold or break.

After the bargaining model of war (Fearon 1995; Reiter 2009, How Wars End; Slantchev 2003):
fighting goes on while each side expects more from continuing than from settling; fighting
itself is informative, and its costs accumulate. For each pair at war (a war relation, or units
of each in combat against the other), a side's cost of fighting on is
    cost sensitivity x (war weariness + weariness from losses x last week's loss rate)
and its gain from fighting on is
    grievance weight x grievance + its audience cost toward the other + its perceived edge
    + territory stake x the share of contested ground between them at stake,
where the perceived edge is half the log of its side's effective strength over its (noisily
estimated, ``intel_noise``) view of the enemy's, kept within [-0.5, 0.5]. A side is willing to
settle when cost - gain exceeds ``settle_margin``. A willing side offers a ceasefire at
``offer_rate`` a week; the other accepts if it is willing too, with a margin lowered by
``mediation_bonus`` when a mediator named in the war relation stands at diplomacy or lower
toward both. An accepted ceasefire puts both sides (and treaty partners fighting beside them)
at de-escalation toward each other and takes their units out of combat. A ceasefire breaks at
``ceasefire_break_rate`` x (1 + both grievances) a week; the side with the larger gain from
fighting breaks it and returns to combat.
"""

from __future__ import annotations

import math
import random

from sim.abm import effects
from sim.abm.world import World
from sim.domain.rates import hazard_probability


def war_pairs(world: World) -> list[tuple[str, str]]:
    """Pairs (in id order) at war or whose units fight each other, not in a ceasefire."""
    key = ("war_pairs", world.version)
    if key not in world.cache:
        world.cache[key] = _war_pairs(world)
    return world.cache[key]


def _war_pairs(world: World) -> list[tuple[str, str]]:
    pairs = []
    ids = world.actor_ids
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            if frozenset((a, b)) in world.ceasefires:
                continue
            if world.at_war(a, b) or (world.fights(a, b) and world.fights(b, a)):
                pairs.append((a, b))
    return pairs


def willingness(world: World, a: str, b: str, rng: random.Random) -> float:
    """How much ``a``'s cost of fighting ``b`` on exceeds its gain (positive: it would settle)."""
    p, agent = world.rules, world.actors[a]
    cost = p.cost_sensitivity * (agent.weariness + p.weariness_from_losses * agent.weekly_losses)
    gain = p.grievance_weight * agent.grievance + world.audience.get((a, b), 0.0)
    gain += _perceived_edge(world, a, b, rng) + p.territory_stake * _at_stake(world, a, b)
    return cost - gain


def _at_stake(world: World, a: str, b: str) -> float:
    """The largest share of a contested theatre where the two face each other that the
    holder still holds: the owner's side wants it back, the holder's side keeps it to bargain
    with (Kursk was both)."""
    stake = 0.0
    for t in world.theatres:
        sa, sb = world.side_of(a, t), world.side_of(b, t)
        if sa and sb and sa != sb:
            stake = max(stake, t.control)
    return stake


def _perceived_edge(world: World, a: str, b: str, rng: random.Random) -> float:
    """Half the log of ``a``'s side's effective strength (the holder's with the defender's
    advantage) over its noisy estimate of ``b``'s side's, within [-0.5, 0.5]."""
    own = enemy = 0.0
    for t in world.theatres:
        sa, sb = world.side_of(a, t), world.side_of(b, t)
        if not (sa and sb and sa != sb):
            continue
        for u in t.units:
            if u.in_combat and u.strength > 0:
                side = world.side_of(u.actor_id, t)
                edge = world.combat.defender_advantage if side == "holder" else 1.0
                if side == sa:
                    own += u.strength * u.quality * edge
                elif side == sb:
                    enemy += u.strength * u.quality * edge
    if own <= 0 or enemy <= 0:
        return 0.0
    noise = math.exp(world.rules.intel_noise * rng.gauss(0.0, 1.0))
    return max(-0.5, min(0.5, 0.5 * math.log(own / (enemy * noise))))


def bargain(world: World, rng: random.Random) -> None:
    """One turn of offers, acceptances and breakdowns (see the module docstring)."""
    p = world.rules
    _breakdowns(world, rng)
    offer_chance = hazard_probability(p.offer_rate, world.days)
    for a, b in war_pairs(world):
        wa, wb = willingness(world, a, b, rng), willingness(world, b, a, rng)
        offerer, other, w_other = (a, b, wb) if wa >= wb else (b, a, wa)
        if max(wa, wb) <= p.settle_margin or rng.random() >= offer_chance:
            continue
        world.offers[(offerer, other)] = world.step
        _log(world, offerer, other, "offer_ceasefire", "its cost of fighting on exceeds its gain")
        bonus = p.mediation_bonus if _mediated(world, a, b) else 0.0
        if w_other > p.settle_margin - bonus:
            _agree(world, offerer, other)
        else:
            _log(world, other, offerer, "reject_ceasefire", "it still expects more from fighting")


def _mediated(world: World, a: str, b: str) -> bool:
    """A mediator named in a war relation between the two stands at diplomacy or lower
    toward both."""
    diplomacy = world.ladder.index("diplomacy")
    for r in world.scenario.relations.values():
        if r.kind == "war" and set(r.parties) == {a, b}:
            for m in r.mediators:
                if world.posture(m, a) <= diplomacy and world.posture(m, b) <= diplomacy:
                    return True
    return False


def _agree(world: World, a: str, b: str) -> None:
    pair = frozenset((a, b))
    world.ceasefires[pair] = world.step
    world.ceasefires_made.add(pair)
    sides = [(x, y) for x, y in ((a, b), (b, a))]
    for x, y in list(sides):
        for partner in world.ties.treaty_partners[x]:
            if y in world.postures.get(partner, {}):
                sides.append((partner, y))
    for x, y in sides:
        if y in world.postures[x]:
            world.set_posture(x, y, 0)
        effects.stand_down(world, x)
    world.version += 1
    _log(world, b, a, "accept_ceasefire", "a ceasefire is agreed")


def _breakdowns(world: World, rng: random.Random) -> None:
    p = world.rules
    combat = world.ladder.index("combat")
    for pair in sorted(world.ceasefires, key=sorted):
        a, b = sorted(pair)
        rate = p.ceasefire_break_rate * (
            1.0 + world.actors[a].grievance + world.actors[b].grievance
        )
        if rng.random() >= hazard_probability(rate, world.days):
            continue
        del world.ceasefires[pair]
        breaker, other = (
            (a, b) if willingness(world, a, b, rng) <= willingness(world, b, a, rng) else (b, a)
        )  # noqa: E501
        world.set_posture(breaker, other, combat)
        for u in world.units_of[breaker]:
            if u.strength > 0 and any(t.id == u.theatre for t in world.theatres):
                u.in_combat = True
        world.version += 1
        _log(world, breaker, other, "break_ceasefire", "the ceasefire breaks down")


def _log(world: World, actor: str, target: str, action: str, why: str) -> None:
    world.actions_taken.add((actor, action))
    world.recorder.decision(world.step, world.date, actor, target, action,
                            world.posture(actor, target), "bargaining", why)  # fmt: skip
    world.recorder.event(world.step, world.date, actor, target, action)
