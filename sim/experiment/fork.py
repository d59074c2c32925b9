"""Counterfactual forks: one replicate of a saved run, rebuilt exactly up to turn T, then played
on in branches with a change (other parameter values, or another move for an actor).

The model is deterministic given its config, its replicate seed and any human choices, so
replaying the saved config and seed for T turns rebuilds the replicate's state at T exactly
(checked against the saved rungs of every actor at turns 0..T). From there:

- ``same_stream``: the change, with the replicate's own random stream continued;
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

import numpy as np
import yaml

from sim.abm.model import EscalationModel
from sim.domain.errors import ConfigError
from sim.experiment.job import Job
from sim.experiment.simulate import new_model

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
    """Replicate ``replicate`` of ``job`` replayed for ``turn`` turns (its exact state at T).
    Only the agent engine replays one replicate: a batched run's replicate shares its block's
    random stream, so it is refused."""
    if job.engine != "agents":
        raise ConfigError(
            f"fork replays one replicate with the agent engine; this run used engine = "
            f"{job.engine!r}; allowed: runs made with engine=agents (rerun it with engine=agents)"
        )
    model = new_model(job, replicate)
    for _ in range(turn):
        if human_choices:
            model.choices.update(human_choices(model.steps + 1))
        model.step()
    return model


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
    """The branches of the module docstring, played to the job's last turn, by name."""
    seed = job.replicate_seed(replicate)
    out = {}
    model = rebuild(job, replicate, turn, human_choices)
    out["same_stream"] = play_on(model, job.steps, change, human_choices)
    for i in range(1, k + 1):
        for name, ch in ((f"changed_{i}", change), (f"control_{i}", None)):
            model = rebuild(job, replicate, turn, human_choices)
            reseed(model, seed, turn, i)
            out[name] = play_on(model, job.steps, ch, human_choices)
    return out
