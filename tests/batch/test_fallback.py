"""Richardson's pressure and the climb gap over arrays against the agent's, dyad by dyad.

(The fallback rules' decisions are tested with the doctrine's in ``test_decide.py``: the table
of cases and the situations of agent runs, for every rule set and a grid of draws.)
"""

from __future__ import annotations

import dataclasses

import numpy as np

from sim.batch import fallback
from sim.domain import rules
from sim.domain.params import RuleParams
from tests.batch.test_conditions import block_of, run_lanes, varied


def test_pressure_and_climb_gap_as_the_agent():
    checked = 0
    for k, (layout, params, lanes) in enumerate(run_lanes()):
        lanes = [[varied(s, 13 * r + a + k) if (r + a) % 2 else s for a, s in enumerate(lane)]
                 for r, lane in enumerate(lanes)]  # fmt: skip
        lanes = [[dataclasses.replace(s, perceived_risk=0.1 * (r % 3), risk_tolerance=0.25 * r % 1)
                  for s in lane] for r, lane in enumerate(lanes)]  # fmt: skip
        st, view = block_of(layout, params, lanes)
        d = fallback.Dyads(st, view)
        for restraint in (0.0, params.restraint, 2.5):
            push = fallback.pressure(st, d, restraint)
            gap, can, crossing = fallback.climb_gap(st, d)
            for r, lane in enumerate(lanes):
                for k_, (a, b) in enumerate(zip(d.actor, d.target, strict=True)):
                    s = lane[a]
                    dyad = s.dyad(layout.actor_ids[b])
                    assert push[r, k_] == rules.pressure(s, dyad, params, restraint)
                    want = rules.climb_gap(s, dyad, params)
                    assert can[r, k_] == (want is not None)
                    if want is not None:
                        assert gap[r, k_] == want
                        ladder = layout.ladder
                        assert crossing[r, k_] == (
                            ladder.crosses_threshold(dyad.own_rung, dyad.next_up) is not None
                        )
                    checked += 1
    assert checked > 1000


def test_dyads_are_the_pairs_actors_deal_with_in_id_order():
    layout, params, lanes = run_lanes()[2]
    st, view = block_of(layout, RuleParams(), lanes)
    d = fallback.Dyads(st, view)
    pairs = list(zip(d.actor.tolist(), d.target.tolist(), strict=True))
    assert pairs == sorted(pairs)
    assert pairs == [tuple(p) for p in np.argwhere(layout.deals).tolist()]
    for r, lane in enumerate(lanes):
        for k, (a, b) in enumerate(pairs):
            assert d.own[r, k] == lane[a].dyad(layout.actor_ids[b]).own_rung
