"""How an actor sees the world at the start of a turn: builds its Situation from the model."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sim.domain.situation import Situation

if TYPE_CHECKING:
    from sim.abm.agents import ActorAgent
    from sim.abm.model import EscalationModel


def own_control(model: EscalationModel, actor: str) -> float:
    """The smallest share of ground the actor's side holds in any contested theatre it fights in
    (1.0 when it fights nowhere contested)."""
    worst = 1.0
    for t in model.contested:
        side = model.ties.side_of(actor, t.owner, t.holder)
        if side is None or not t.involves(actor):
            continue
        worst = min(worst, t.control if side == "holder" else 1.0 - t.control)
    return worst


def territory_occupied(model: EscalationModel, actor: str) -> bool:
    """True when a holder still controls part of a theatre on the actor's territory."""
    return any(t.owner == actor and t.control > 0.0 for t in model.contested)


def situation_of(model: EscalationModel, agent: ActorAgent) -> Situation:
    """Everything the actor's rules may look at this turn."""
    me = agent.actor_id
    ties, actors = model.ties, model.actor_agents
    advs = [actors[a] for a in agent.spec.adversaries]
    main = max(advs, key=lambda x: (x.rung - x.initial_rung, x.rung), default=None)
    partners = ties.treaty_partners[me]
    my_theatres = {u.theatre for u in model.units_of[me]} | {
        t.id for t in model.contested if t.owner == me
    }
    enemies_of_mine = set(agent.spec.adversaries)
    belligerents = {a for a, foes in ties.at_war.items() if foes}
    adversary_partners = (
        set().union(*(ties.aligned[a] for a in enemies_of_mine)) - {me} - belligerents
    )
    supplied = [s for s in ties.supplies if s.supplier == me]
    return Situation(
        actor=me,
        step=model.steps,
        own_rung=agent.rung,
        max_rung=agent.max_rung,
        own_rise=agent.rung - agent.initial_rung,
        adversary=main.actor_id if main else None,
        adversary_rung=main.rung if main else 0,
        adversary_rise=(main.rung - main.initial_rung) if main else 0,
        adversary_last_move=max((a.last_move for a in advs), default=0),
        max_adversary_rung=max((a.rung for a in advs), default=0),
        risk_tolerance=agent.risk_tolerance,
        escalation_propensity=agent.escalation_propensity,
        grievance=agent.grievance,
        own_losses=agent.last_losses,
        own_control=own_control(model, me),
        supplied_ally_control=min(
            (own_control(model, s.recipient) for s in supplied), default=1.0
        ),
        own_territory_occupied=territory_occupied(model, me),
        partner_forces_available=any(
            not u.in_combat and u.strength > 0 and u.theatre in my_theatres
            for p in partners
            for u in model.units_of[p]
        ),
        treaty_partner_attacked=any(territory_occupied(model, p) for p in partners),
        adversary_partner_in_combat=any(
            u.in_combat and u.strength > 0 for p in adversary_partners for u in model.units_of[p]
        ),
        own_supplies_restricted=any(s.restricted_use and s.id not in model.lifted for s in supplied),
        declared_co_belligerent=any(target == me for _, target in model.declarations),
        restrictions_lifted_against=any(
            s.id in model.lifted and s.recipient in enemies_of_mine for s in ties.supplies
        ),
        own_forces_in_combat=any(u.in_combat and u.strength > 0 for u in model.units_of[me]),
        doctrine=agent.doctrine,
        spent=frozenset(agent.spent),
    )
