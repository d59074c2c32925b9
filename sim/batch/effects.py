"""What moves change, for every lane at once: ``sim/abm/effects.py`` over a BatchState.

(The move application and the actions table's effect kinds are being written; ``stand_down``
is the agent model's rule over arrays.)
"""

from __future__ import annotations

import numpy as np

from sim.batch.state import BatchState


def stand_down(st: BatchState, lanes: np.ndarray, actor: int) -> None:
    """Take ``actor``'s units out of combat in ``lanes`` wherever its postures toward every
    enemy present in the unit's theatre (units with strength left, the owner and the holder)
    are below combat; nothing changes where it faces no such enemy it deals with
    (``sim.abm.effects.stand_down``)."""
    lay = st.layout
    lanes = np.asarray(lanes, dtype=np.int64)
    if not lanes.size:
        return
    combat = lay.ladder.index("combat")
    for j in lay.units_of[actor]:
        fighting = st.in_combat[lanes, j]
        if not fighting.any():
            continue
        ln = lanes[fighting]
        place = st.place[ln, j]
        t = lay.place_theatre[place]
        contested = t >= 0
        ln, place, t = ln[contested], place[contested], t[contested]
        if not ln.size:
            continue
        present = np.zeros((ln.size, lay.A), dtype=bool)
        for k in range(lay.U):
            here = (st.place[ln, k] == place) & (st.strength[ln, k] > 0)
            present[here, lay.unit_actor[k]] = True
        present[np.arange(ln.size), lay.owner[t]] = True
        present[np.arange(ln.size), lay.holder[t]] = True
        sides = lay.side[:, t].T  # [n, A]
        mine = lay.side[actor, t][:, None]
        enemies = present & (sides != 0) & (sides != mine)
        enemies[:, actor] = False
        toward = enemies & lay.deals[actor][None, :]
        top = np.where(toward, st.posture[ln, actor, :], -1).max(axis=1)
        below = toward.any(axis=1) & (top < combat)
        st.in_combat[ln[below], j] = False
