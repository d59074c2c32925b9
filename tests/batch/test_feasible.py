"""Batched feasibility against ``EscalationModel._feasible``: every action toward every actor.

On bridged states (Kursk played with many seeds, states set by hand, a small war with a
ceasefire), every actor of every lane proposes the same action toward the same target (every
action of the actions table, a hold and a step down, toward every actor and toward nobody);
the batched check must turn exactly the same moves into holds, with the same rung and reason.
"""

from __future__ import annotations

import numpy as np
import pytest

from sim.batch import requirements
from sim.batch.bridge import state_from_models
from sim.batch.feasible import feasible
from sim.batch.layout import ACTION, ACTIONS, NONE
from sim.batch.view import Moves
from sim.domain.actions import action_table
from sim.domain.rules import HOLD, STEP_DOWN
from sim.domain.situation import Decision
from tests.batch.test_perception import hand_made, kursk_blocks, played, small_blocks

PROPOSED = (*action_table(), HOLD, STEP_DOWN)


@pytest.fixture(scope="module")
def blocks():
    made = kursk_blocks()[::2]
    made.append([hand_made(played(300 + i, 3), i) for i in range(10)])
    made += small_blocks()[1::2]
    return made


def proposals(st, name: str, target: int) -> Moves:
    """Every actor of every lane proposes ``name`` toward ``target`` one rung above its
    posture, as doctrine entry 0 of rule "test"."""
    shape = (st.R, st.layout.A)
    aimed = max(target, 0)
    return Moves(
        action=np.full(shape, ACTION[name]), target=np.full(shape, target),
        rung=st.posture[:, :, aimed] + 1, entry=np.zeros(shape, dtype=np.int64),
        rule=np.full(shape, "test", dtype=object),
        reason=np.full(shape, f"{name} proposed", dtype=object),
    )  # fmt: skip


def test_feasible_matches_the_agents(blocks):
    for block in blocks:
        st = state_from_models(block)
        lay = st.layout
        needs = requirements.Requirements(st)
        for name in PROPOSED:
            for target in (NONE, *range(lay.A)):
                moves = proposals(st, name, target)
                got = feasible(st, moves, needs)
                for lane, m in enumerate(block):
                    for i, a in enumerate(lay.actor_ids):
                        tid = None if target < 0 else lay.actor_ids[target]
                        d = Decision(a, name, int(moves.rung[lane, i]), "test",
                                     f"{name} proposed", tid, "entry-0")  # fmt: skip
                        want = m._feasible(d)
                        entry = int(got.entry[lane, i])
                        assert (
                            ACTIONS[got.action[lane, i]], int(got.rung[lane, i]),
                            got.rule[lane, i], got.reason[lane, i],
                            None if got.target[lane, i] < 0 else lay.actor_ids[got.target[lane, i]],
                            None if entry < 0 else f"entry-{entry}",
                        ) == (want.action, want.rung, want.rule, want.reason, want.target,
                              want.entry), (name, a, tid, lane)  # fmt: skip


def test_some_moves_are_turned_down_and_some_stand(blocks):
    st = state_from_models(blocks[0])
    russia, ukraine = st.layout.actor_index["russia"], st.layout.actor_index["ukraine"]
    got = feasible(st, proposals(st, "nuclear_signal", russia))
    assert (got.action[:, ukraine] == ACTION[HOLD]).all()
    assert "lacks nuclear" in got.reason[0, ukraine]
    got = feasible(st, proposals(st, "nuclear_signal", ukraine))
    assert (got.action[:, russia] == ACTION["nuclear_signal"]).all()


def test_the_moves_handed_in_are_left_alone(blocks):
    st = state_from_models(blocks[0])
    moves = proposals(st, "nuclear_signal", 0)
    before = {k: v.copy() for k, v in vars(moves).items()}
    feasible(st, moves)
    for k, v in vars(moves).items():
        assert (v == before[k]).all(), k
