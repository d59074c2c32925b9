"""The batched turn: ``sim/abm/model.py``'s order, for every lane of a block at once.

1. the calendar advances and the injects due are applied (``injects``);
2. every actor reads its view (``perception``) and decides one move (``decide``), all from the
   same snapshot; infeasible moves become holds with the reason;
3. moves are applied and logged, then their effects in actor order, with stand-downs
   (``effects``);
4. sides at war bargain (``bargaining``);
5. contested theatres fight; losses feed weariness; units replenish (``combat``);
6. slow processes: recovery, commitments tested, covert units detected (``dynamics``);
7. postures are remembered, milestones checked and the state recorded (``milestones``,
   ``record``).
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from sim.batch import bargaining, combat, decide, dynamics, effects, injects, milestones, perception
from sim.batch.layout import Layout, compile_layout
from sim.batch.record import Recorder
from sim.batch.state import BatchState, initial_state
from sim.domain.params import CombatParams, RuleParams
from sim.domain.scenario import Scenario


class BatchModel:
    """``lanes`` replicates of one scenario, stepped together (one ``step`` = one turn)."""

    def __init__(self, world: Scenario, rules: RuleParams, combat_params: CombatParams,
                 seed: int, lanes: int, first_replicate: int = 0,
                 layout: Layout | None = None, drawn: int = 0):  # fmt: skip
        """``lanes`` lanes from ``seed``: the first ``lanes`` of a block of ``drawn`` (0: a
        block of ``lanes``), played exactly as in the whole block (``BatchState.random``)."""
        self.layout = layout or compile_layout(world)
        self.state: BatchState = initial_state(
            self.layout, rules, combat_params, np.random.default_rng(seed), lanes, drawn
        )
        self.recorder = Recorder(self.state, first_replicate)
        self.state.remember_postures()
        milestones.check(self.state)
        self.recorder.record_state()

    def step(self) -> None:
        """Play one turn in every lane (see the module docstring for its order)."""
        st = self.state
        turn_start = st.date
        st.step += 1
        st.date = turn_start + dt.timedelta(days=int(self.layout.days))
        injects.apply_due(st, turn_start)
        view = perception.perceive(st)
        moves = decide.decide(st, view)
        effects.apply_moves(st, moves)
        bargaining.bargain(st)
        combat.fight(st)
        dynamics.recover(st)
        dynamics.test_commitments(st)
        dynamics.detect_covert(st)
        st.remember_postures()
        milestones.check(st)
        self.recorder.record_state()
