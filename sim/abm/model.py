"""The escalation model: a Mesa model of states, alliances and their forces, turn by turn.

Each turn (``step_days`` of calendar time), over the model's ``World``:
The world state (postures, beliefs, forces, ...) is ``model.state``, a ``World``; the scenario
it started from is ``model.world``.
1. ``begin_turn``: injects due this turn are applied (by date, turn number, or condition;
   ``injects``);
2. every actor reads its situation (``perception``) and decides one move toward one target,
   all from the same snapshot and in actor-id order (rule sets, doctrine, or a player's choice);
   a move whose requirements are not met becomes a hold with the reason (``feasible``);
3. moves are applied (postures change), then each action's effects from the actions table;
   a posture that fell below combat takes the actor's units out of combat;
4. sides at war bargain (offers, acceptance, ceasefires that hold or break);
5. contested theatres fight (Lanchester), losses feed war weariness, units replenish from
   their reserves as far as sustainment and logistics allow;
6. slow processes run (recovery, commitments tested, covert units detected);
7. milestones are checked and the state is recorded.
"""

from __future__ import annotations

import datetime as dt

import mesa

from sim.abm import bargaining, dynamics, effects, injects
from sim.abm.agents import ActorAgent
from sim.abm.feasible import feasible
from sim.abm.forces import ForceAgent
from sim.abm.human import human_decision
from sim.abm.memo import by_identity
from sim.abm.milestones import reached
from sim.abm.perception import Outlook, flags_needed, outlook_of, situation_of
from sim.abm.recorder import Recorder
from sim.abm.theatre import ContestedTheatre
from sim.abm.world import World
from sim.domain import conditions
from sim.domain.ladder import standard_ladder
from sim.domain.params import CombatParams, RuleParams
from sim.domain.rules import HOLD, STEP_DOWN, WITHDRAW
from sim.domain.scenario import Scenario
from sim.domain.situation import Decision
from sim.domain.ties import index_ties

Move = str | tuple[str, str | None]  # a player's move: an action, or (action, target)


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
        self.world = world  # the scenario (frozen); the changing state is ``self.state``
        self.rules = rules or RuleParams()
        self.combat = combat or CombatParams()
        ladder = standard_ladder()
        self.labels = ladder.labels
        self.human_actors = frozenset(human_actors)
        self.choices: dict[str, Move] = {}
        days = float(world.step_days)
        actors = {aid: ActorAgent(self, aid, a, days) for aid, a in world.actors.items()}
        units = {uid: ForceAgent(self, uid, f) for uid, f in world.forces.items()}
        theatres = [
            ContestedTheatre(tid, t.territory_of, t.held_by, t.initial_control,
                             [units[u] for u in sorted(units) if units[u].theatre == tid])
            for tid, t in sorted(world.theatres.items())
            if t.held_by is not None
        ]  # fmt: skip
        self.recorder = Recorder(replicate)
        self.state = World(world, self.rules, self.combat, _ties_of(world), ladder,
                           self.recorder, actors, units, theatres, days,
                           date=world.start_date)  # fmt: skip
        for a in actors.values():
            a.world = self.state
        self.actor_agents, self.unit_agents = actors, units
        self.actor_list = [actors[a] for a in self.state.actor_ids]
        self.unit_list = [units[u] for u in sorted(units)]
        self.contested = theatres
        self._outlooks: dict[str, Outlook] = {}
        self._flags_needed: dict[tuple[str, int], frozenset[str]] = {}
        self._init_postures()
        self.fired_injects: set[str] = set()
        self._turn_begun = False
        self.milestone_steps: dict[str, int | None] = dict.fromkeys(world.milestones)
        self.state.remember_postures()
        self._check_milestones()
        self.recorder.state(self.state, self.labels)

    def _init_postures(self) -> None:
        from sim.abm.perception import targets_of

        w, ladder = self.state, standard_ladder()
        for aid in w.actor_ids:
            spec = w.actors[aid].spec
            w.postures[aid] = {
                b: ladder.index(spec.postures.get(b, spec.initial_rung)) for b in targets_of(w, aid)
            }
        w._rungs.clear()
        for rid, r in self.world.relations.items():
            if r.kind in ("treaty", "alliance"):
                w.credibility[rid] = r.credibility

    @property
    def date(self) -> dt.date:
        """The calendar date at the end of the last turn played (the start date before any)."""
        return self.state.date

    def _needs(self, agent: ActorAgent) -> frozenset[str]:
        key = (agent.actor_id, len(agent.spent))  # an actor's used entries only ever grow
        need = self._flags_needed.get(key)
        if need is None:
            need = self._flags_needed[key] = flags_needed(agent)
        return need

    def outlook(self, agent: ActorAgent) -> Outlook:
        """The static part of ``agent``'s view, worked out on first use."""
        view = self._outlooks.get(agent.actor_id)
        if view is None:
            initial = dict(self.state.postures[agent.actor_id])
            view = self._outlooks[agent.actor_id] = outlook_of(self.state, agent, initial)
        return view

    def begin_turn(self) -> list[str]:
        """Start the next turn: advance the calendar and apply the injects due in it (once per
        turn; ``step`` calls it if a player interface has not). Returns the injects fired."""
        if self._turn_begun:
            return []
        self._turn_begun = True
        w = self.state
        w.step = self.steps + 1 if not self._in_step else self.steps
        turn_start = w.date
        w.date = turn_start + dt.timedelta(days=self.world.step_days)
        return self._apply_injects(turn_start)

    _in_step = False

    def step(self) -> None:
        """Play one turn (see the module docstring for its order)."""
        self._in_step = True
        try:
            self.begin_turn()
            self._play_turn()
        finally:
            self._in_step = False
            self._turn_begun = False

    def _play_turn(self) -> None:
        w = self.state
        w.step = self.steps
        self.apply_decisions(self.decide_all())
        bargaining.bargain(w, self.random)
        self._fight()
        dynamics.recover(w)
        dynamics.test_commitments(w)
        dynamics.detect_covert(w, self.random)
        w.remember_postures()
        self._check_milestones()
        self.recorder.state(w, self.labels)

    def decide_all(self) -> list[Decision]:
        """Every actor's decision on the current state, in actor-id order, all from the same
        snapshot (a move lacking its requirements becomes a hold with the reason)."""
        w, decisions = self.state, []
        for agent in self.actor_list:
            view = self.outlook(agent)
            if not view.targets and not agent.doctrine:
                decisions.append(Decision(agent.actor_id, HOLD, w.rung(agent.actor_id), "hold",
                                          "deals with no other actor"))  # fmt: skip
                continue
            human = agent.actor_id in self.human_actors
            s = situation_of(w, agent, view, flags=True if human else self._needs(agent))
            decisions.append(self._feasible(self._decide(agent, s)))
        return decisions

    def apply_decisions(self, decisions: list[Decision]) -> None:
        """Apply the turn's decisions: every move (and its decision and event rows) first, then,
        in the same order, each action's effects, with a stand-down after step-downs and
        withdrawals."""
        w = self.state
        for d in decisions:
            effects.move(w, d)
            self.recorder.decision(w.step, w.date, d.actor, d.target, d.action, d.rung, d.rule,
                                   d.reason)  # fmt: skip
            if d.action != HOLD:
                self.recorder.event(w.step, w.date, d.actor, self._coded_target(d), d.action)
        for d in decisions:
            if d.action == HOLD:
                continue
            effects.consequences(w, d)
            if d.action in (STEP_DOWN, WITHDRAW):
                effects.stand_down(w, d.actor)

    def _coded_target(self, d: Decision) -> str | None:
        """Whom the event is coded toward: the target, or the first recipient of aid."""
        from sim.domain.actions import action_table

        spec = action_table().get(d.action)
        if spec is not None and spec.coded_toward == "recipient" and d.target is not None:
            helped = self.state.recipients(d.actor, d.target)
            return helped[0] if helped else d.target
        return d.target

    def _decide(self, agent: ActorAgent, situation) -> Decision:
        if agent.actor_id not in self.human_actors:
            return agent.decide(situation)
        move = self.choices.pop(agent.actor_id, HOLD)
        action, target = move if isinstance(move, tuple) else (move, None)
        return human_decision(self.state, agent, action, target or situation.adversary)

    def _feasible(self, d: Decision) -> Decision:
        """The decision, or a hold saying what it lacks (``sim.abm.feasible``)."""
        return feasible(self.state, d)

    def _fight(self) -> None:
        """Fight every contested theatre (fire scaled by each actor's fire multiplier and
        logistics, replacements by its supply factor: sustainment x logistics x mobilisation);
        losses feed weariness; the other units replenish."""
        w = self.state
        before = {a: sum(u.strength for u in w.units_of[a] if u.in_combat) for a in w.actor_ids}
        fighting = [u.in_combat and u.strength > 0 for u in self.unit_list]
        multipliers = {a: ag.fire * ag.logistics for a, ag in w.actors.items()}
        supply = {a: ag.sustainment * ag.logistics * ag.mobilisation for a, ag in w.actors.items()}
        for t in self.contested:
            t.fight(w.ties, self.combat, w.days, self.random, multipliers, supply)
        lost = {}
        for a, total in before.items():
            if total > 0:
                lost[a] = sum(u.losses for u in w.units_of[a]) / total
        dynamics.accumulate_costs(w, lost)
        if fighting != [u.in_combat and u.strength > 0 for u in self.unit_list]:
            w.version += 1  # who fights whom changed (a salient fell, a unit was destroyed)
        for u in self.unit_list:  # units that fought were replenished within the exchange
            u.replenish(w.days, supply[u.actor_id])

    def _apply_injects(self, turn_start: dt.date) -> list[str]:
        """Fire the injects due in the turn that began on ``turn_start`` (``sim.abm.injects``)."""
        turn_end, fired = self.state.date, []
        for iid, inj in self.world.injects.items():
            if iid not in self.fired_injects and injects.is_due(
                inj, turn_start, turn_end, self.state.step, self._holds
            ):
                self.fire_inject(iid)
                fired.append(iid)
        return fired

    def _holds(self, when: dict, actor: str) -> bool:
        """Whether condition ``when`` holds in ``actor``'s view of the world now."""
        agent = self.actor_agents[actor]
        situation = situation_of(self.state, agent, self.outlook(agent))
        return conditions.holds(when, situation, self.rules)

    def fire_inject(self, iid: str) -> None:
        """Apply inject ``iid`` now and log it once in the decisions and events tables."""
        inj = self.world.injects[iid]
        self.fired_injects.add(iid)
        injects.fire(self.state, iid, inj)

    def _check_milestones(self) -> None:
        for name, step in self.milestone_steps.items():
            if step is None and reached(self.state, self.world.milestones[name]):
                self.milestone_steps[name] = self.state.step
                if self.state.step:
                    self.recorder.event(self.state.step, self.state.date, "world", None,
                                        f"milestone:{name}")  # fmt: skip

    def outcome(self) -> dict:
        """This replicate's outcome row: first turn of each milestone and the final state."""
        w = self.state
        row: dict = {f"{m}_step": s for m, s in self.milestone_steps.items()}
        for aid in w.actor_ids:
            row[f"peak_rung_{aid}"] = w.actors[aid].peak_rung
            row[f"final_rung_{aid}"] = w.rung(aid)
        for t in self.contested:
            row[f"final_control_{t.id}"] = t.control
        for aid in w.actor_ids:
            if w.units_of[aid]:
                row[f"final_strength_{aid}"] = sum(u.strength for u in w.units_of[aid])
        return row


_ties_of = by_identity(index_ties)
