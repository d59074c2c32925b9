"""The batched engine against the agent model: the same distribution of outcomes, the same
kinds of records, and reproducible tables.

The engines draw their random numbers differently (one stream per replicate against one stream
per block), so their tables are not equal; what must agree is the distribution. For every
scenario in ``scenarios/`` (and the Kursk exercise's inject deck, 14-day turns, a small war with
ceasefires and covert units) and for random parameter points drawn from the knobs' plausible
ranges (``sim.domain.params``; each of the four rule sets, both attrition laws), ~400 agent
replicates and 2,000 batched ones are compared: every milestone's probability, every actor's
P(peak rung >= k) for each rung k, and the mean final strength and control, each by a z test
(|z| < 4); the medians of the peak rungs are printed beside each other.
"""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sim.domain.params import AttritionLaw, CombatParams, RuleParams, RuleSetName, numeric_knobs
from sim.domain.scenario import Scenario
from sim.domain.scenario_io import parse_scenario, read_yaml, with_deck
from sim.experiment.catalog import scenario_files
from sim.experiment.job import Job
from sim.experiment.simulate import run_replicate, simulate_chunk
from tests.batch.test_perception import SMALL_RULES, small_war

pytest.importorskip("sim.batch.engine", reason="the batched mechanisms have not all landed",
                    exc_type=ImportError)  # fmt: skip
from sim.batch.engine import BatchModel  # noqa: E402

AGENTS, BATCHED = 400, 2000
Z_LIMIT = 4.0
EXERCISE_DECK = Path(__file__).parents[2] / "scenarios" / "exercises" / "kursk_2024" / "deck.yaml"


def kursk(**changes) -> Scenario:
    data = read_yaml(scenario_files()["kursk_2024"])
    deck = changes.pop("deck", None)
    if deck:
        data = with_deck(data, deck)
    return parse_scenario({**data, **changes}, source="kursk_2024")


def small_war_with_milestones() -> Scenario:
    """The small war of the perception tests with a stronger East (the border is retaken in
    about half the runs, a truce made in about two thirds) and milestones of four kinds."""
    data = small_war()
    data["forces"]["east_1"]["strength"] = 28000
    data["milestones"] = {
        "truce": {"kind": "ceasefire", "parties": ["east", "west"], "description": "truce",
                  "source": "assumption: test"},
        "border_lost": {"kind": "control_below", "theatre": "border", "below": 0.1,
                        "description": "the border lost", "source": "assumption: test"},
        "ally_fights": {"kind": "units_in_combat", "actors": ["ally"],
                        "description": "the ally fights", "source": "assumption: test"},
        "strikes": {"kind": "rung_reached", "rung": "strikes_on_territory",
                    "description": "strikes", "source": "assumption: test"},
    }  # fmt: skip
    return parse_scenario(data, source="small war")


def random_point(seed: int, name: RuleSetName) -> tuple[RuleParams, CombatParams]:
    """Every numeric rule and combat knob drawn uniformly from its plausible range."""
    rng = np.random.default_rng(seed)

    def drawn(cls) -> dict:
        return {k: float(rng.uniform(*m["plausible"])) for k, m in numeric_knobs(cls).items()}

    law = AttritionLaw.linear if rng.random() < 0.5 else AttritionLaw.square
    return RuleParams(name=name, **drawn(RuleParams)), CombatParams(law=law, **drawn(CombatParams))


def cases() -> dict[str, tuple[Scenario, RuleParams, CombatParams, int]]:
    """name -> (world, rules, combat, steps)."""
    out = {}
    for name, path in scenario_files().items():
        world = parse_scenario(read_yaml(path), source=str(path))
        out[name] = (world, RuleParams(), CombatParams(), 26)
    out["kursk_2024+deck"] = (kursk(deck=EXERCISE_DECK), RuleParams(), CombatParams(), 26)
    out["kursk_2024_14_days"] = (kursk(step_days=14), RuleParams(), CombatParams(), 13)
    out["small_war"] = (small_war_with_milestones(), replace(SMALL_RULES, offer_rate=1.0),
                        CombatParams(noise=0.5), 20)  # fmt: skip
    for i, rule_set in enumerate(RuleSetName):
        rules, combat = random_point(100 + i, rule_set)
        out[f"point_{i}_{rule_set.value}"] = (kursk(), rules, combat, 26)
    return out


CASES = cases()


def outcomes(world, rules, combat, steps, engine: str, n: int) -> pd.DataFrame:
    job = Job(world, rules, combat, steps, n, base_seed=20241028, engine=engine)
    if engine == "batched":
        return pd.DataFrame(simulate_chunk(job, list(range(n))).outcomes)
    return pd.DataFrame([run_replicate(job, i).outcome() for i in range(n)])


def proportion_z(x1: float, n1: int, x2: float, n2: int) -> float:
    """Two-proportion z statistic with the pooled proportion (0 when both are 0 or 1)."""
    p = (x1 + x2) / (n1 + n2)
    se = math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
    return 0.0 if se == 0 else (x1 / n1 - x2 / n2) / se


def mean_z(a: pd.Series, b: pd.Series) -> float:
    """Welch's z for two means (0 when they agree to rounding, e.g. two constant samples)."""
    se = math.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b))
    diff = a.mean() - b.mean()
    if abs(diff) <= 1e-9 * max(1.0, abs(a.mean())):
        return 0.0
    if se == 0:
        return 0.0 if diff == 0 else math.inf
    return diff / se


def comparisons(agents: pd.DataFrame, batched: pd.DataFrame) -> dict[str, float]:
    """Every comparison's z: milestones, P(peak >= k) per actor, mean final strengths and
    control."""
    n1, n2 = len(agents), len(batched)
    z = {}
    for col in [c for c in agents if c.endswith("_step")]:
        z[f"P({col.removesuffix('_step')})"] = proportion_z(
            agents[col].notna().sum(), n1, batched[col].notna().sum(), n2
        )
    for col in [c for c in agents if c.startswith("peak_rung_")]:
        top = int(max(agents[col].max(), batched[col].max()))
        for k in range(1, top + 1):
            z[f"P({col} >= {k})"] = proportion_z(
                (agents[col] >= k).sum(), n1, (batched[col] >= k).sum(), n2
            )
    for col in [c for c in agents if c.startswith(("final_strength_", "final_control_"))]:
        z[f"mean {col}"] = mean_z(agents[col].astype(float), batched[col].astype(float))
    return z


@pytest.mark.slow
@pytest.mark.parametrize("case", list(CASES))
def test_the_engines_agree_within_monte_carlo_error(case):
    world, rules, combat, steps = CASES[case]
    agents = outcomes(world, rules, combat, steps, "agents", AGENTS)
    batched = outcomes(world, rules, combat, steps, "batched", BATCHED)
    assert list(batched.columns[3:]) == list(agents.columns)  # replicate, seed, lane first
    z = comparisons(agents, batched)
    worst = max(z, key=lambda k: abs(z[k]))
    peaks = [c for c in agents if c.startswith("peak_rung_")]
    medians = pd.DataFrame({"agents": agents[peaks].median(), "batched": batched[peaks].median()})
    print(f"\n{case}: {len(z)} comparisons, largest |z| = {abs(z[worst]):.2f} ({worst})")
    print(medians.to_string())
    far = {k: round(v, 2) for k, v in z.items() if abs(v) >= Z_LIMIT}
    assert not far, f"{case}: outside Monte Carlo error: {far}"


def test_same_seed_same_tables_and_another_seed_others():
    world, rules, combat, _ = CASES["kursk_2024"]

    def tables(seed: int):
        model = BatchModel(world, rules, combat, seed, 60)
        for _ in range(8):
            model.step()
        return model.recorder.tables(), model.recorder.outcomes(seed)

    (a, oa), (b, ob), (c, _) = tables(5), tables(5), tables(6)
    assert oa == ob
    for name in a:
        assert a[name].equals(b[name]), name
    assert not all(a[name].equals(c[name]) for name in a)


def kind(rule: str) -> str:
    """A decision's kind: an actor's own decision, or an inject, a side effect, bargaining."""
    head = rule.split(":")[0]
    return head if head in ("inject", "effect", "bargaining") else "own"


@pytest.mark.parametrize("case", ["kursk_2024", "small_war"])
def test_a_replicate_records_the_same_kinds_of_rows(case):
    """Per replicate: the state tables have exactly the agent's rows; every actor makes exactly
    one decision of its own per turn; injects, side effects and bargaining add rows of the same
    kinds as the agent's, about as often."""
    world, rules, combat, steps = CASES[case]
    n = 40
    job = Job(world, rules, combat, steps, n, base_seed=3)
    agent = simulate_chunk(job, list(range(n))).tables
    block = simulate_chunk(replace(job, engine="batched"), list(range(n))).tables
    for name in ("timeseries", "postures", "forces", "theatres"):
        assert block[name].num_rows == agent[name].num_rows, name
    frames = {}
    for engine, tables in (("agents", agent), ("batched", block)):
        d = tables["decisions"].to_pandas()
        d["kind"] = d["rule"].astype(str).map(kind)
        own = d[d["kind"] == "own"].groupby(["replicate", "step", "actor"], observed=True).size()
        assert (own == 1).all() and len(own) == n * steps * len(world.actors), engine
        frames[engine] = d.groupby(["replicate", "kind"]).size().unstack(fill_value=0)
    kinds = frames["agents"].columns.union(frames["batched"].columns)
    a, b = (f.reindex(columns=kinds, fill_value=0) for f in frames.values())
    for col in kinds:
        assert abs(mean_z(a[col], b[col])) < Z_LIMIT, (col, a[col].mean(), b[col].mean())
