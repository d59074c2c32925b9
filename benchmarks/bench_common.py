"""What the model measurements share: the scenario, seeded replicates, knob ranges, statistics.

The scripts in ``benchmarks/`` measure whichever source tree is first on ``PYTHONPATH`` (the old
model in a detached worktree, or the new one), so they use only the model's stable public entry
points: ``EscalationModel``, ``model.step()``, ``model.choices``, ``model.outcome()``, the
recorder's rows and ``SCHEMAS`` (the results tables' column names). Where the new model differs
(a ``losses`` column, ``(action, target)`` moves, knob metadata) the helpers detect it.

Common random numbers: replicate ``i`` of every design point runs with the same seed
(``replicate_seeds``), not the job's parameter-dependent seed, so two parameter points differ
only by the parameters (until their random streams drift apart).
"""

from __future__ import annotations

import math
from dataclasses import MISSING, fields, replace
from functools import cache
from pathlib import Path

import numpy as np
from bench_stats import fmt, mean_se, print_table, proportion  # noqa: F401 (one import for scripts)

from sim.abm.model import EscalationModel
from sim.domain.params import CombatParams, RuleParams
from sim.domain.scenario import Scenario
from sim.domain.scenario_io import load_scenario
from sim.experiment.catalog import PROJECT_ROOT
from sim.experiment.tables import SCHEMAS

ACTOR_KNOBS = ("risk_tolerance", "escalation_propensity", "grievance")  # each in [0, 1]
CALENDAR_WEEKS = 26


# --- the world and its knobs -------------------------------------------------------------------


@cache
def scenario(path: str | None = None) -> Scenario:
    """The scenario at ``path``, else the measured tree's own ``scenarios/kursk_2024.yaml``
    (read once per process: scenarios are frozen)."""
    return load_scenario(Path(path) if path else PROJECT_ROOT / "scenarios" / "kursk_2024.yaml")


def with_actor(world: Scenario, actor: str, **values) -> Scenario:
    """``world`` with actor fields replaced (like ``scenario.actors.<actor>.<field>=V``)."""
    actors = dict(world.actors)
    actors[actor] = actors[actor].model_copy(update=values)
    return world.model_copy(update={"actors": actors})


def with_actors(world: Scenario, values: dict[tuple[str, str], float]) -> Scenario:
    """``world`` with several ``(actor, field) -> value`` replaced at once."""
    actors = dict(world.actors)
    per_actor: dict[str, dict[str, float]] = {}
    for (actor, name), v in values.items():
        per_actor.setdefault(actor, {})[name] = v
    for actor, update in per_actor.items():
        actors[actor] = actors[actor].model_copy(update=update)
    return world.model_copy(update={"actors": actors})


def with_turns(world: Scenario, step_days: int) -> Scenario:
    """``world`` played in turns of ``step_days`` days."""
    return world.model_copy(update={"step_days": step_days})


def knob_ranges(cls: type) -> list[tuple[str, float, float, float, str]]:
    """Every numeric knob of ``RuleParams`` or ``CombatParams``: (name, default, lo, hi, doc).

    (lo, hi) is the plausible range to sample: the field's ``metadata["plausible"]`` where the
    knob registry declares it (issue 9); otherwise half to one and a half times the default,
    kept inside the valid range of today's ``RULE_RANGES`` / ``COMBAT_RANGES``.
    """
    legacy = _legacy_ranges(cls)
    out = []
    for f in fields(cls):
        default = f.default if f.default is not MISSING else None
        if isinstance(default, bool) or not isinstance(default, int | float):
            continue  # names and laws are choices, not numbers
        if hasattr(default, "value"):  # an enum member that happens to be numeric
            continue
        meta = f.metadata or {}
        if "plausible" in meta:
            lo, hi = meta["plausible"]
        else:
            vlo, vhi = meta.get("valid", legacy.get(f.name, (0.0, math.inf)))
            lo, hi = max(vlo, 0.5 * default), min(vhi, 1.5 * default)
            if lo == hi:  # a zero default: sample up to a small positive value
                hi = lo + 0.1
        out.append((f.name, float(default), float(lo), float(hi), str(meta.get("doc", ""))))
    return out


def _legacy_ranges(cls: type) -> dict[str, tuple[float, float]]:
    """Today's valid ranges (before the knob registry), if the measured tree has them."""
    try:
        from sim.domain import params
    except ImportError:  # pragma: no cover
        return {}
    name = "RULE_RANGES" if cls is RuleParams else "COMBAT_RANGES"
    return dict(getattr(params, name, {}))


def actor_ids(world: Scenario) -> list[str]:
    return list(world.actors)


# --- running replicates ------------------------------------------------------------------------


def replicate_seeds(n: int, base_seed: int = 0) -> list[int]:
    """Seeds of replicates 0..n-1: the same at every design point (common random numbers)."""
    seq = np.random.SeedSequence(base_seed)
    return [int(s.generate_state(1, dtype=np.uint64)[0] >> np.uint64(1)) for s in seq.spawn(n)]


def steps_for(world: Scenario, weeks: int = CALENDAR_WEEKS) -> int:
    """Turns that make ``weeks`` calendar weeks at the scenario's turn length."""
    return round(weeks * 7 / world.step_days)


def play(
    world: Scenario,
    seed: int,
    rules: RuleParams | None = None,
    combat: CombatParams | None = None,
    steps: int | None = None,
    replicate: int = 0,
    human: dict[str, object] | None = None,
    on_model=None,
) -> EscalationModel:
    """One replicate, played for ``steps`` turns (26 calendar weeks by default).

    ``human`` maps an actor to the move it plays every turn (an action, or ``(action, target)``
    for the new model); ``on_model(model)`` runs once before the first turn (instrumentation).
    """
    human = human or {}
    model = EscalationModel(
        world,
        rules=rules or RuleParams(),
        combat=combat or CombatParams(),
        rng=seed,
        replicate=replicate,
        human_actors=frozenset(human),
    )
    if on_model is not None:
        on_model(model)
    for _ in range(steps if steps is not None else steps_for(world)):
        for actor, move in human.items():
            model.choices[actor] = move
        model.step()
    return model


def rows(model: EscalationModel, table: str) -> list[dict]:
    """The recorder's rows of ``table`` as dicts keyed by the results contract's column names."""
    records = getattr(model.recorder, table, None)
    if records is None or table not in SCHEMAS:
        return []
    names = SCHEMAS[table].names
    return [dict(zip(names, r, strict=True)) for r in records]


def has_table(table: str) -> bool:
    """Whether the measured tree records ``table`` (e.g. ``postures``, ``events``)."""
    return table in SCHEMAS


def reached(outcome: dict, milestone: str) -> bool:
    """Whether ``<milestone>_step`` is set (None and NaN mean never)."""
    v = outcome.get(f"{milestone}_step")
    return v is not None and not (isinstance(v, float) and math.isnan(v))


def milestones_of(outcome: dict) -> list[str]:
    return [k[: -len("_step")] for k in outcome if k.endswith("_step")]


def describe_tree() -> str:
    """Which source tree is measured (its folder and git commit, when it is a checkout)."""
    import subprocess

    root = PROJECT_ROOT
    try:
        rev = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%h %s"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        rev = "unknown commit"
    return f"tree {root} ({rev})"


def replaced(params, **values):
    """``dataclasses.replace`` that leaves unknown knobs out (a knob the tree does not have)."""
    known = {f.name for f in fields(params)}
    return replace(params, **{k: v for k, v in values.items() if k in known})
