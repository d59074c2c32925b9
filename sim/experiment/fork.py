"""Counterfactual forks: one replicate of a saved run, rebuilt exactly up to turn T, then played
on in branches with a change (other parameter values, or another move for an actor).

The model is deterministic given its config, its replicate seed and any human choices, so
replaying the saved config and seed for T turns rebuilds the replicate's state at T exactly
(checked against the saved rungs of every actor at turns 0..T). A run of the batched engine
(``engine=batched``) is rebuilt the same way, a block at a time: the replicate's whole block is
replayed from the block's seed for T turns, and its lane is turned into an agent model
(``sim.batch.bridge.model_from_lane``); the branches are always played by the agent model, the
specification. From there:

- ``same_stream``: the change, with the replicate's own random stream continued. A batched
  replicate shares its block's stream, which one agent model cannot continue: its
  ``same_stream`` gets a stream of its own, seeded by (block seed, lane, T), so it is one more
  fresh-stream continuation and, unchanged, does not replay the original after T;
- ``changed_k`` (k = 1..K): the change, with a fresh stream after T (seeded by the replicate's
  seed, T and k);
- ``control_k``: no change, with the same fresh stream as ``changed_k`` (so each pair k differs
  only by the change: a paired comparison).

A change is any of ``rules.X=V``, ``combat.X=V``, ``scenario.actors.ID.FIELD=V`` (FIELD one of
risk_tolerance, escalation_propensity, grievance), and moves ``ACTOR=ACTION`` played at turn
T + 1 in place of the actor's rule.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import yaml

from sim.abm.model import EscalationModel
from sim.domain.errors import ConfigError
from sim.experiment.job import Job
from sim.experiment.simulate import new_model

if TYPE_CHECKING:
    from sim.batch.engine import BatchModel

ACTOR_FIELDS = ("risk_tolerance", "escalation_propensity", "grievance")


@dataclass(frozen=True)
class Change:
    """What a branch changes at turn T: parameter overrides and moves for turn T + 1."""

    overrides: tuple[str, ...] = ()
    moves: tuple[tuple[str, str], ...] = ()  # (actor, action)

    def apply(self, model: EscalationModel) -> None:
        """Set the overridden values on the model (validated like a config)."""
        for override in self.overrides:
            key, _, text = override.partition("=")
            value = yaml.safe_load(text)
            group, _, name = key.partition(".")
            if group in ("rules", "combat") and name in _field_names(getattr(model, group)):
                setattr(model, group, dataclasses.replace(getattr(model, group), **{name: value}))
                continue
            parts = key.split(".")
            if len(parts) == 4 and parts[:2] == ["scenario", "actors"] and parts[3] in ACTOR_FIELDS:
                if parts[2] not in model.actor_agents:
                    raise ConfigError(
                        f"{key}: unknown actor {parts[2]!r}; allowed: "
                        f"{', '.join(model.actor_agents)}"
                    )
                if not isinstance(value, int | float) or not 0 <= value <= 1:
                    raise ConfigError(f"{key} = {text} must be a number in [0, 1]")
                setattr(model.actor_agents[parts[2]], parts[3], float(value))
                continue
            raise ConfigError(
                f"fork override {override!r}: allowed keys are rules.NAME, "
                f"combat.NAME and scenario.actors.ID.({'|'.join(ACTOR_FIELDS)})"
            )


def _field_names(obj) -> set[str]:
    return {f.name for f in dataclasses.fields(obj)}


def rebuild(
    job: Job,
    replicate: int,
    turn: int,
    human_choices: Callable[[int], dict[str, str]] | None = None,
) -> EscalationModel:
    """Replicate ``replicate`` of ``job`` replayed for ``turn`` turns (its exact state at T), as
    an agent model. A batched job's replicate is its lane of the block replayed by
    ``rebuild_block``, with a stream of its own after T (``same_stream_seed``)."""
    if job.engine == "batched":
        block, lane = rebuild_block(job, replicate, turn)
        return lane_model(job, block, lane, replicate, same_stream_seed(job, replicate, turn))
    model = new_model(job, replicate)
    for _ in range(turn):
        if human_choices:
            model.choices.update(human_choices(model.steps + 1))
        model.step()
    return model


def rebuild_block(job: Job, replicate: int, turn: int) -> tuple[BatchModel, int]:
    """The block of a batched job's replicate, replayed from the block's seed for ``turn``
    turns, and the replicate's lane in it."""
    from sim.batch.engine import BatchModel
    from sim.batch.run import BLOCK, block_of, layout_of

    b = block_of(replicate)
    lane = replicate - b * BLOCK  # the block's lanes up to it, exactly as in the whole block
    block = BatchModel(job.world, job.rules, job.combat, job.block_seed(b), lane + 1, b * BLOCK,
                       layout_of(job.world), BLOCK)  # fmt: skip
    for _ in range(turn):
        block.step()
    return block, lane


def lane_model(job: Job, block: BatchModel, lane: int, replicate: int, seed: int,
               earlier: list[tuple] | None = None) -> EscalationModel:  # fmt: skip
    """Lane ``lane`` of a replayed block as an agent model with random stream ``seed``; its
    recorded rungs of the turns before the block's step are the block's (``earlier``, else
    ``lane_rows``), so the rebuild check and the branch figures see turns 0..T as for an agent
    run."""
    from sim.batch.bridge import model_from_lane

    model = model_from_lane(block.state, lane, job.world, rng=seed, replicate=replicate)
    model.recorder.timeseries[:0] = lane_rows(block, lane) if earlier is None else earlier
    return model


def lane_rows(block: BatchModel, lane: int) -> list[tuple]:
    """The block's timeseries rows of ``lane`` before its current step, as agent rows."""
    import pyarrow.compute as pc

    ts = block.recorder.tables(lane + 1)["timeseries"]
    ts = ts.filter(pc.and_(pc.equal(ts["replicate"], block.recorder.first + lane),
                           pc.less(ts["step"], block.state.step)))  # fmt: skip
    return [tuple(r.values()) for r in ts.to_pylist()]


def same_stream_seed(job: Job, replicate: int, turn: int) -> int:
    """The seed of a batched replicate's ``same_stream`` branch: from (block seed, lane, T)."""
    from sim.batch.run import BLOCK, block_of

    b = block_of(replicate)
    seq = np.random.SeedSequence([job.block_seed(b), replicate - b * BLOCK, turn])
    return int(seq.generate_state(1, dtype=np.uint64)[0] >> np.uint64(1))


def reseed(model: EscalationModel, seed: int, turn: int, k: int) -> None:
    """Give the model a fresh random stream, the same for every branch with this k."""
    seq = np.random.SeedSequence([seed, turn, k])
    model.rng = np.random.default_rng(seq)
    model.random = random.Random(int(seq.generate_state(1)[0]))


def play_on(
    model: EscalationModel,
    steps: int,
    change: Change | None,
    human_choices: Callable[[int], dict[str, str]] | None = None,
) -> EscalationModel:
    """Apply ``change`` (its moves to the next turn only) and play until turn ``steps``."""
    if change:
        change.apply(model)
    humans = model.human_actors
    first = True
    while model.steps < steps:
        if first and change and change.moves:
            _check_moves(model, change.moves)
            model.human_actors = humans | {a for a, _ in change.moves}
            model.choices.update(dict(change.moves))
        elif human_choices:
            model.choices.update(human_choices(model.steps + 1))
        model.step()
        model.human_actors, first = humans, False
    return model


def _check_moves(model: EscalationModel, moves) -> None:
    for actor, _ in moves:
        if actor not in model.actor_agents:
            raise ConfigError(
                f"--move {actor}=...: unknown actor; allowed: {', '.join(model.actor_agents)}"
            )


def branches(
    job: Job, replicate: int, turn: int, change: Change, k: int, human_choices=None
) -> dict[str, EscalationModel]:
    """The branches of the module docstring, played to the job's last turn, by name (a batched
    job's block is replayed once and each branch starts from its lane)."""
    seed = job.replicate_seed(replicate)
    if job.engine == "batched":
        block, lane = rebuild_block(job, replicate, turn)
        rows = lane_rows(block, lane)
        start = lambda s: lane_model(job, block, lane, replicate, s, rows)  # noqa: E731
        first = start(same_stream_seed(job, replicate, turn))
    else:
        start = lambda s: rebuild(job, replicate, turn, human_choices)  # noqa: E731
        first = start(None)
    out = {"same_stream": play_on(first, job.steps, change, human_choices)}
    for i in range(1, k + 1):
        for name, ch in ((f"changed_{i}", change), (f"control_{i}", None)):
            model = start(None)
            reseed(model, seed, turn, i)
            out[name] = play_on(model, job.steps, ch, human_choices)
    return out
