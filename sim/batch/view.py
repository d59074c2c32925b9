"""What the batched mechanisms hand each other within a turn: the actors' view, and their moves.

``View`` is ``sim.domain.situation.Situation`` for every actor of every lane at once (its
``Dyad`` fields as [R, A, A] arrays, indexed [lane, actor, target], meaningful only where
``layout.deals[actor, target]``); ``Moves`` is ``Decision`` likewise ([R, A] arrays, one move per
actor and lane).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass
class View:
    """Every actor's Situation in every lane (``perception.perceive``)."""

    # dyads [R, A, A]: lane, actor, target (Dyad's fields)
    own: np.ndarray  # int: the actor's posture toward the target
    own_rise: np.ndarray  # int: own - its initial posture
    seen: np.ndarray  # int: the target's posture toward the actor, lagged (0 if it does not deal)
    seen_rise: np.ndarray  # int: seen - the target's initial posture toward the actor
    move: np.ndarray  # int: seen now - seen a week earlier
    next_up: np.ndarray  # int: next feasible rung up, NONE (-1) if none or in a ceasefire
    target_nuclear: np.ndarray  # bool
    deterrence: np.ndarray  # float
    commitment: np.ndarray  # float: audience cost toward the target
    in_ceasefire: np.ndarray  # bool
    fighting: np.ndarray  # bool
    floor: np.ndarray  # int: COMBAT where fighting, else 0
    # per actor [R, A]
    own_rung: np.ndarray  # int
    adversary: np.ndarray  # int: the target perceived highest toward the actor (NONE: none)
    adversary_rung: np.ndarray  # int
    adversary_last_move: np.ndarray  # int
    max_adversary_rung: np.ndarray  # int
    # the condition vocabulary's flags (Situation's names), each [R, A] bool or float
    flags: dict[str, np.ndarray] = field(default_factory=dict)


@dataclass
class Moves:
    """Every actor's decision in every lane (``decide.decide``), after the feasibility check."""

    action: np.ndarray  # [R, A] int: index into layout.ACTIONS (HOLD included)
    target: np.ndarray  # [R, A] int: NONE for no target
    rung: np.ndarray  # [R, A] int: the posture the move leaves toward its target
    entry: np.ndarray  # [R, A] int: the doctrine entry's index in layout.doctrine[a], NONE if none
    rule: np.ndarray  # [R, A] object: Decision.rule ("richardson", "doctrine:<id>", ...)
    reason: np.ndarray  # [R, A] object: Decision.reason in words
