"""The escalation model: a Mesa model of states, alliances and their forces, turn by turn.

Each turn (``step_days`` of calendar time):
1. injects due this turn are applied (by date, turn number, or condition);
2. every actor reads its situation and decides, all from the same snapshot (rule sets, doctrine,
   or a human player's choice);
3. decisions are applied: rungs move, forces commit, restrictions lift, declarations are made;
4. contested theatres fight (Lanchester) and the line moves; units replenish;
5. milestones are checked and the state is recorded.
"""

from __future__ import annotations

import datetime as dt

import mesa

from sim.abm import effects
from sim.abm.agents import ActorAgent, ForceAgent
from sim.abm.live_situation import LiveSituation
from sim.abm.memo import by_identity
from sim.abm.milestones import reached
from sim.abm.perception import Outlook, outlook_of, situation_of
from sim.abm.recorder import Recorder
from sim.abm.theatre import ContestedTheatre
from sim.domain import conditions
from sim.domain.errors import WargameError
from sim.domain.ladder import standard_ladder
from sim.domain.params import CombatParams, RuleParams
from sim.domain.rules import HOLD, STEP_DOWN
from sim.domain.scenario import Scenario
from sim.domain.situation import Decision
from sim.domain.ties import index_ties


class EscalationModel(mesa.Model):
    """States, alliances and force units of one scenario; one step is one turn."""

    def __init__(
        self,
        world: Scenario,
        rules: RuleParams | None = None,
        combat: CombatParams | None = None,
        rng: int | None = None,
        replicate: int = 0,
        human_actors: frozenset[str] = frozenset(),
    ):
        super().__init__(rng=rng)
        self.world = world
        self.rules = rules or RuleParams()
        self.combat = combat or CombatParams()
        self.ties = _ties_of(world)
        self.labels = standard_ladder().labels
        self.human_actors = frozenset(human_actors)
        self.choices: dict[str, str] = {}
        self.actor_agents = {aid: ActorAgent(self, aid, a) for aid, a in world.actors.items()}
        self.actor_list = list(self.actor_agents.values())
        self.unit_agents = {uid: ForceAgent(self, uid, f) for uid, f in world.forces.items()}
        self.unit_list = list(self.unit_agents.values())
        self.units_of = {aid: [] for aid in world.actors}
        for u in self.unit_list:
            self.units_of[u.actor_id].append(u)
        self._armed = {aid: us for aid, us in self.units_of.items() if us}  # actors with units
        self.contested = [
            ContestedTheatre(tid, t.territory_of, t.held_by, t.initial_control,
                             [u for u in self.unit_list if u.theatre == tid])
            for tid, t in world.theatres.items()
            if t.held_by is not None
        ]  # fmt: skip
        self.declarations: set[tuple[str, str]] = set()
        self.lifted: set[str] = set()
        self.actions_taken: set[tuple[str, str]] = set()
        self.fired_injects: set[str] = set()
        self.milestone_steps: dict[str, int | None] = dict.fromkeys(world.milestones)
        self._outlooks: dict[str, Outlook] = {}
        self.recorder = Recorder(replicate)
        self._date = world.start_date
        self._check_milestones()
        self.recorder.state(self, 0, self._date, self.labels)

    @property
    def date(self) -> dt.date:
        """The calendar date at the end of the last turn played (the start date before any)."""
        return self._date

    def step(self) -> None:
        """Play one turn (see the module docstring for its order)."""
        turn_start = self._date
        self._date = turn_start + dt.timedelta(days=self.world.step_days)
        rungs_before = [a.rung for a in self.actor_list]
        self._apply_injects(turn_start)
        situations = [LiveSituation(self, a) for a in self.actor_list]
        decisions = [self._decide(a, s) for a, s in zip(self.actor_list, situations, strict=True)]
        for d in decisions:
            effects.move(self, d)
            self.actions_taken.add((d.actor, d.action))
            rung = self.actor_agents[d.actor].rung
            self.recorder.decision(self.steps, self._date, d.actor, d.target, d.action, rung,
                                   d.rule, d.reason)  # fmt: skip
        for d in decisions:
            effects.side_effects(self, d)
        self._fight()
        for a, before in zip(self.actor_list, rungs_before, strict=True):
            a.last_move = a.rung - before
        self._check_milestones()
        self.recorder.state(self, self.steps, self._date, self.labels)

    def outlook(self, agent: ActorAgent) -> Outlook:
        """The static part of ``agent``'s view of the world, worked out on first use."""
        view = self._outlooks.get(agent.actor_id)
        if view is None:
            view = self._outlooks[agent.actor_id] = outlook_of(self, agent)
        return view

    def _decide(self, agent: ActorAgent, situation) -> Decision:
        if agent.actor_id not in self.human_actors:
            return agent.decide(situation)
        action = self.choices.pop(agent.actor_id, HOLD)
        return human_decision(agent, action)

    def _fight(self) -> None:
        """Fight every contested theatre; each actor's losses are a share of its committed
        strength; then units replenish."""
        committed = {aid: [u for u in us if u.in_combat] for aid, us in self._armed.items()}
        before = {aid: sum(u.strength for u in us) for aid, us in committed.items()}
        for t in self.contested:
            t.fight(self.ties, self.combat, self.world.step_days, self.rng)
        for aid, us in committed.items():
            after = sum(u.strength for u in us)
            self.actor_agents[aid].last_losses = 1.0 - after / before[aid] if before[aid] else 0.0
        weeks = self.world.step_days / 7.0
        for u in self.unit_list:
            u.replenish(weeks)

    def _apply_injects(self, turn_start: dt.date) -> None:
        turn_end = self._date
        for iid, inj in self.world.injects.items():
            if iid in self.fired_injects:
                continue
            if inj.date is not None:
                due = turn_start <= inj.date < turn_end
            elif inj.step is not None:
                due = inj.step == self.steps
            else:
                agent = self.actor_agents[inj.actor]
                due = conditions.holds(inj.when, situation_of(self, agent), self.rules)
            if due:
                self.fire_inject(iid)

    def fire_inject(self, iid: str) -> None:
        """Apply inject ``iid`` now and log it in the decisions table."""
        inj = self.world.injects[iid]
        self.fired_injects.add(iid)
        concerned = [effects.apply_effect(self, e, iid) for e in inj.effects] or [inj.actor]
        for actor in dict.fromkeys(concerned):
            rung = self.actor_agents[actor].rung if actor else -1
            self.recorder.decision(self.steps, self._date, actor or "world", None, "inject", rung,
                                   f"inject:{iid}", inj.text)  # fmt: skip

    def _check_milestones(self) -> None:
        for name, step in self.milestone_steps.items():
            if step is None and reached(self, self.world.milestones[name]):
                self.milestone_steps[name] = self.steps

    def log_event(self, actor: str, action: str, rule: str, reason: str, target=None) -> None:
        """Record a move that an effect (not the actor's own rule) made."""
        self.actions_taken.add((actor, action))
        rung = self.actor_agents[actor].rung
        self.recorder.decision(self.steps, self._date, actor, target, action, rung, rule, reason)

    def outcome(self) -> dict:
        """This replicate's outcome row: first turn of each milestone and the final state."""
        row: dict = {f"{m}_step": s for m, s in self.milestone_steps.items()}
        for a in self.actor_list:
            row[f"peak_rung_{a.actor_id}"] = a.peak_rung
            row[f"final_rung_{a.actor_id}"] = a.rung
        for t in self.contested:
            row[f"final_control_{t.id}"] = t.control
        for aid, units in self.units_of.items():
            if units:
                row[f"final_strength_{aid}"] = sum(u.strength for u in units)
        return row


_ties_of = by_identity(index_ties)


def human_decision(agent: ActorAgent, action: str) -> Decision:
    """A player's choice for ``agent`` as a Decision: hold, step down, or a ladder action."""
    ladder = standard_ladder()
    if action == HOLD:
        return Decision(agent.actor_id, HOLD, agent.rung, "human", "the player holds")
    if action == STEP_DOWN:
        return Decision(agent.actor_id, STEP_DOWN, max(0, agent.rung - 1), "human",
                        "the player steps down")  # fmt: skip
    if action not in ladder.actions:
        allowed = ", ".join([HOLD, STEP_DOWN, *sorted(ladder.actions)])
        raise WargameError(f"unknown action {action!r} for {agent.actor_id}; allowed: {allowed}")
    rung = ladder.rung_of(action)
    if rung > agent.max_rung:
        raise WargameError(
            f"{action!r} is on rung {ladder.rung_ids[rung]}, above {agent.actor_id}'s highest "
            f"rung {ladder.rung_ids[agent.max_rung]}"
        )
    target = agent.spec.adversaries[0] if agent.spec.adversaries else None
    new_rung = 0 if rung == 0 else max(rung, agent.rung)
    return Decision(agent.actor_id, action, new_rung, "human", "chosen by the player", target)
