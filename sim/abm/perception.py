"""How an actor sees the world at the start of a turn: builds its Situation from the model.

Who is whose partner, which units stand in which theatre and which supplies an actor sends never
change during a run, so each actor's ``Outlook`` (the static part of its view: the units, theatres
and supplies each question looks at) is worked out once per model; ``situation_of`` then only
reads the few values that move (rungs, strengths, control, lifted restrictions).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sim.abm.memo import by_identity
from sim.domain.scenario import Scenario
from sim.domain.situation import Situation

if TYPE_CHECKING:
    from sim.abm.agents import ActorAgent, ForceAgent
    from sim.abm.model import EscalationModel
    from sim.abm.theatre import ContestedTheatre
    from sim.domain.ties import Supply

# A theatre the actor fights in and whether its side there is the holder (control counts for it).
Front = tuple["ContestedTheatre", bool]


@dataclass(frozen=True)
class Outlook:
    """The static part of one actor's view: what each of its questions looks at."""

    adversaries: tuple[ActorAgent, ...]
    fronts: tuple[Front, ...]  # contested theatres it fights in, with its side
    supplied_fronts: tuple[tuple[Front, ...], ...]  # the fronts of each recipient it supplies
    own_ground: tuple[ContestedTheatre, ...]  # contested theatres on its own territory
    partner_ground: tuple[ContestedTheatre, ...]  # ... on a treaty partner's territory
    partner_units_near: tuple[ForceAgent, ...]  # treaty partners' units in its theatres
    adversary_partner_units: tuple[ForceAgent, ...]  # units of its adversaries' partners
    adversary_units: tuple[ForceAgent, ...]  # units of its adversaries
    own_units: tuple[ForceAgent, ...]
    restricted_supplies: tuple[Supply, ...]  # its own supplies that carry use restrictions
    supplies_to_adversaries: tuple[Supply, ...]  # anyone's supplies to its adversaries


def fronts_of(model: EscalationModel, actor: str) -> tuple[Front, ...]:
    """The contested theatres the actor fights in, each with whether it sides with the holder."""
    fronts = []
    for t in model.contested:
        side = model.ties.side_of(actor, t.owner, t.holder)
        if side is not None and t.involves(actor):
            fronts.append((t, side == "holder"))
    return tuple(fronts)


def outlook_of(model: EscalationModel, agent: ActorAgent) -> Outlook:
    """The static part of ``agent``'s view (once per model; see ``situation_of``).

    It depends only on the scenario, so the first model of a scenario works it out and keeps it
    as ids; the other replicates' models only look their own agents, units and theatres up.
    """
    plans = _plans_of(model.world)
    plan = plans.get(agent.actor_id)
    if plan is None:
        view = work_out_outlook(model, agent)
        plans[agent.actor_id] = _as_ids(view)
        return view
    return _from_ids(model, plan)


@by_identity
def _plans_of(world: Scenario) -> dict[str, Outlook]:
    return {}


def _as_ids(view: Outlook) -> Outlook:
    """``view`` with actor, unit and theatre ids in place of the model's objects."""
    ids = {f: tuple(x.unit_id for x in getattr(view, f)) for f in _UNIT_FIELDS}
    return Outlook(
        adversaries=tuple(a.actor_id for a in view.adversaries),
        fronts=tuple((t.id, holder) for t, holder in view.fronts),
        supplied_fronts=tuple(tuple((t.id, h) for t, h in fr) for fr in view.supplied_fronts),
        own_ground=tuple(t.id for t in view.own_ground),
        partner_ground=tuple(t.id for t in view.partner_ground),
        restricted_supplies=view.restricted_supplies,
        supplies_to_adversaries=view.supplies_to_adversaries,
        **ids,
    )  # type: ignore[arg-type]


def _from_ids(model: EscalationModel, plan: Outlook) -> Outlook:
    """An outlook kept as ids (``_as_ids``), with this model's own objects."""
    actors, units = model.actor_agents, model.unit_agents
    theatres = {t.id: t for t in model.contested}
    return Outlook(
        adversaries=tuple(actors[a] for a in plan.adversaries),
        fronts=tuple((theatres[t], h) for t, h in plan.fronts),
        supplied_fronts=tuple(
            tuple((theatres[t], h) for t, h in fr) for fr in plan.supplied_fronts
        ),
        own_ground=tuple(theatres[t] for t in plan.own_ground),
        partner_ground=tuple(theatres[t] for t in plan.partner_ground),
        restricted_supplies=plan.restricted_supplies,
        supplies_to_adversaries=plan.supplies_to_adversaries,
        **{f: tuple(units[u] for u in getattr(plan, f)) for f in _UNIT_FIELDS},
    )


_UNIT_FIELDS = ("partner_units_near", "adversary_partner_units", "adversary_units", "own_units")


def work_out_outlook(model: EscalationModel, agent: ActorAgent) -> Outlook:
    """Work out the static part of ``agent``'s view from the model's structure."""
    me, ties = agent.actor_id, model.ties
    partners = ties.treaty_partners[me]
    my_theatres = {u.theatre for u in model.units_of[me]} | {
        t.id for t in model.contested if t.owner == me
    }
    enemies = set(agent.spec.adversaries)
    belligerents = {a for a, foes in ties.at_war.items() if foes}
    adversary_partners = set().union(*(ties.aligned[a] for a in enemies)) - {me} - belligerents
    supplied = [s for s in ties.supplies if s.supplier == me]
    return Outlook(
        adversaries=tuple(model.actor_agents[a] for a in agent.spec.adversaries),
        fronts=fronts_of(model, me),
        supplied_fronts=tuple(fronts_of(model, s.recipient) for s in supplied),
        own_ground=tuple(t for t in model.contested if t.owner == me),
        partner_ground=tuple(t for t in model.contested if t.owner in partners),
        partner_units_near=tuple(
            u for p in partners for u in model.units_of[p] if u.theatre in my_theatres
        ),
        adversary_partner_units=tuple(
            u for p in sorted(adversary_partners) for u in model.units_of[p]
        ),
        adversary_units=tuple(u for a in agent.spec.adversaries for u in model.units_of[a]),
        own_units=tuple(model.units_of[me]),
        restricted_supplies=tuple(s for s in supplied if s.restricted_use),
        supplies_to_adversaries=tuple(s for s in ties.supplies if s.recipient in enemies),
    )


def own_control(model: EscalationModel, actor: str) -> float:
    """The smallest share of ground the actor's side holds in any contested theatre it fights in
    (1.0 when it fights nowhere contested)."""
    return _worst_control(fronts_of(model, actor))


def _worst_control(fronts: tuple[Front, ...]) -> float:
    worst = 1.0
    for t, holder in fronts:
        worst = min(worst, t.control if holder else 1.0 - t.control)
    return worst


def territory_occupied(model: EscalationModel, actor: str) -> bool:
    """True when a holder still controls part of a theatre on the actor's territory."""
    return any(t.owner == actor and t.control > 0.0 for t in model.contested)


# The helpers below loop instead of calling any() on a generator: they run for every actor every
# turn, and on these short tuples the loop costs a third as much.


def _fighting(units: tuple[ForceAgent, ...]) -> bool:
    """Whether any of ``units`` is in combat with strength left."""
    for u in units:  # noqa: SIM110 - see above
        if u.in_combat and u.strength > 0:
            return True
    return False


def _idle(units: tuple[ForceAgent, ...]) -> bool:
    """Whether any of ``units`` is out of combat with strength left."""
    for u in units:  # noqa: SIM110 - see above
        if not u.in_combat and u.strength > 0:
            return True
    return False


def _any_in(supplies: tuple[Supply, ...], lifted: set[str]) -> bool:
    for s in supplies:  # noqa: SIM110 - see above
        if s.id in lifted:
            return True
    return False


def _any_not_in(supplies: tuple[Supply, ...], lifted: set[str]) -> bool:
    for s in supplies:  # noqa: SIM110 - see above
        if s.id not in lifted:
            return True
    return False


def _main_adversary(advs: tuple[ActorAgent, ...]) -> tuple[ActorAgent | None, int, int]:
    """The adversary that climbed most since the start (then the highest; the first on ties),
    the largest last move of any adversary, and the highest adversary rung."""
    if not advs:
        return None, 0, 0
    main = advs[0]
    best, last, top = (main.rung - main.initial_rung, main.rung), main.last_move, main.rung
    for a in advs[1:]:
        key = (a.rung - a.initial_rung, a.rung)
        if key > best:
            main, best = a, key
        last, top = max(last, a.last_move), max(top, a.rung)
    return main, last, top


def situation_of(model: EscalationModel, agent: ActorAgent) -> Situation:
    """Everything the actor's rules may look at this turn, every field worked out now."""
    from sim.abm.live_situation import LiveSituation  # it builds on this module's helpers

    return LiveSituation(model, agent).freeze()


def _held(theatres: tuple[ContestedTheatre, ...]) -> bool:
    """Whether a holder still controls part of any of ``theatres``."""
    for t in theatres:  # noqa: SIM110 - see above
        if t.control > 0.0:
            return True
    return False
