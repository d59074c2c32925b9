"""What decisions and injects change in the world, beyond the actor's rung.

Most actions only move the actor on the ladder. These also change forces or status:
commit_partner_forces (treaty partners' idle units in the actor's theatres go into combat and
their actor climbs to combat), commit_to_combat (own idle units in contested theatres go into
combat), reinforce_troops (own units in combat, else alive, gain a share of their initial
strength and keep it), withdraw_forces (own units leave combat), declare_co_belligerent,
lift_weapons_restrictions (the recipient's units fight better) and nuclear_strike (adversary
units in shared theatres lose a share of their strength). A rule's climb onto a rung takes the
rung's first action, so it has that action's side effect too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sim.domain.ladder import standard_ladder
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

if TYPE_CHECKING:
    from sim.abm.model import EscalationModel


def move(model: EscalationModel, d: Decision) -> None:
    """Put the actor on the decision's rung (a hold leaves it where it stands) and mark a
    once-only doctrine entry as used."""
    agent = model.actor_agents[d.actor]
    if d.action != HOLD:
        agent.move_to(d.rung)
    if d.entry is not None:
        agent.spent.add(d.entry)


def side_effects(model: EscalationModel, d: Decision) -> None:
    """Apply what the decision's action changes beyond the actor's own rung.

    The model applies every actor's move first and the side effects after, so an effect on
    another actor (a partner sent into combat) is not undone by that actor's own move.
    """
    handler = _ACTIONS.get(d.action)
    if handler is not None:
        handler(model, d)


def _commit_partner_forces(model: EscalationModel, d: Decision) -> None:
    theatres = _theatres_of(model, d.actor)
    combat = standard_ladder().index("combat")
    for partner in sorted(model.ties.treaty_partners[d.actor]):
        committed = False
        for u in model.units_of[partner]:
            if u.theatre in theatres and not u.in_combat and u.strength > 0:
                u.in_combat = committed = True
        if committed:
            partner_agent = model.actor_agents[partner]
            if partner_agent.rung < combat:
                partner_agent.move_to(combat)
            model.log_event(
                partner,
                "commit_to_combat",
                f"effect:{d.actor}",
                f"units sent into combat by {d.actor}",
                d.target,
            )


def _commit_to_combat(model: EscalationModel, d: Decision) -> None:
    contested = {t.id for t in model.contested}
    for u in model.units_of[d.actor]:
        if u.strength > 0 and u.theatre in contested:
            u.in_combat = True


def _withdraw(model: EscalationModel, d: Decision) -> None:
    for u in model.units_of[d.actor]:
        u.in_combat = False


def _reinforce(model: EscalationModel, d: Decision) -> None:
    alive = [u for u in model.units_of[d.actor] if u.strength > 0]
    fighting = [u for u in alive if u.in_combat]
    for u in fighting or alive:
        u.reinforce(model.combat.reinforcement_fraction * u.initial_strength)


def _declare(model: EscalationModel, d: Decision) -> None:
    if d.target is not None:
        model.declarations.add((d.actor, d.target))


def _lift(model: EscalationModel, d: Decision) -> None:
    lift_restrictions(model, d.actor)


def _nuclear_strike(model: EscalationModel, d: Decision) -> None:
    enemies = set(model.actor_agents[d.actor].spec.adversaries)
    theatres = _theatres_of(model, d.actor)
    for t in model.contested:
        if t.id in theatres:
            for u in t.units:
                if u.actor_id in enemies:
                    u.strength *= 1.0 - model.combat.nuclear_strike_damage


_ACTIONS = {
    "commit_partner_forces": _commit_partner_forces,
    "commit_to_combat": _commit_to_combat,
    "withdraw_forces": _withdraw,
    "reinforce_troops": _reinforce,
    "declare_co_belligerent": _declare,
    "lift_weapons_restrictions": _lift,
    "nuclear_strike": _nuclear_strike,
}


def lift_restrictions(model: EscalationModel, supplier: str) -> None:
    """End the use restrictions on ``supplier``'s deliveries; recipients fight better once."""
    for s in model.ties.supplies:
        if s.supplier == supplier and s.restricted_use and s.id not in model.lifted:
            model.lifted.add(s.id)
            for t in model.contested:
                t.bonus.setdefault(s.recipient, 1.0 + model.combat.unrestricted_weapons_bonus)


def _theatres_of(model: EscalationModel, actor: str) -> set[str]:
    own = {u.theatre for u in model.units_of[actor]}
    return own | {t.id for t in model.contested if t.owner == actor or t.holder == actor}


def apply_effect(model: EscalationModel, effect, inject_id: str) -> str | None:
    """Apply one inject effect; returns the actor it concerns, if any."""
    if isinstance(effect, AdjustActor):
        agent = model.actor_agents[effect.actor]
        value = getattr(agent, effect.field) + effect.delta
        setattr(agent, effect.field, min(1.0, max(0.0, value)))
        return effect.actor
    if isinstance(effect, SetRung):
        model.actor_agents[effect.actor].move_to(standard_ladder().index(effect.rung))
        return effect.actor
    if isinstance(effect, DamageUnit | ReinforceUnit | CommitUnit):
        unit = model.unit_agents[effect.unit]
        if isinstance(effect, DamageUnit):
            unit.strength *= 1.0 - effect.fraction
        elif isinstance(effect, ReinforceUnit):
            unit.reinforce(effect.strength)
        else:
            unit.in_combat = True
        return unit.actor_id
    if isinstance(effect, LiftRestrictions):
        lift_restrictions(model, effect.supplier)
        return effect.supplier
    if isinstance(effect, DeclareCoBelligerent):
        model.declarations.add((effect.actor, effect.target))
        return effect.actor
    raise TypeError(f"inject {inject_id}: unsupported effect {effect!r}")
