"""The web page's model and its controls, both derived from the one place defaults live.

``ClassroomModel`` is the escalation model built from plain keyword values (what Mesa's
SolaraViz passes when Reset is pressed): the scenario, a deck, the human seat, a seed, and one
keyword per field of RuleParams and CombatParams (``rules__noise``, ``combat__law``, ...).
``controls()`` turns those dataclasses' fields and defaults into SolaraViz parameter specs, so
a slider's default can never drift from the model's.
"""

from __future__ import annotations

import math
from dataclasses import MISSING, fields
from enum import Enum
from typing import Any

from sim.abm.model import EscalationModel
from sim.domain.params import COMBAT_RANGES, RULE_RANGES, CombatParams, RuleParams
from sim.experiment.job import Job
from sim.teaching.game import DEFAULT_SEED, DEFAULT_STEPS
from sim.teaching.world import DEFAULT_SCENARIO, check_seats, load_world

GROUPS = {"rules": (RuleParams, RULE_RANGES), "combat": (CombatParams, COMBAT_RANGES)}
# How `wargame app` hands its options to the page (solara imports the page module by name).
ENV = {"scenario": "WARGAME_APP_SCENARIO", "deck": "WARGAME_APP_DECK", "seat": "WARGAME_APP_SEAT",
       "seed": "WARGAME_APP_SEED"}  # fmt: skip
NOBODY = "nobody"  # the seat menu's entry for "all actors follow their rules"
SEP = "__"  # keyword = group + SEP + field, e.g. rules__escalation_threshold


class ClassroomModel(EscalationModel):
    """The escalation model of one classroom session, built from keyword values only."""

    def __init__(self, scenario: str = DEFAULT_SCENARIO, deck: str = "", seat: str = "",
                 seed: int = DEFAULT_SEED, **params: Any):  # fmt: skip
        world, _ = load_world(scenario, deck or None)
        seat = "" if seat == NOBODY else seat
        seats = check_seats(world, [seat]) if seat else ()
        rules, combat = params_from(params)
        job = Job(world, rules, combat, DEFAULT_STEPS, 1, int(seed), seats)  # as wargame play
        super().__init__(world, rules, combat, rng=job.replicate_seed(0),
                         human_actors=frozenset(seats))  # fmt: skip
        self.seat = seat or None
        self.seed = int(seed)
        self.last_choice: str | None = None

    def step(self) -> None:
        """One turn; remembers the seat's move (the model consumes ``choices``)."""
        if self.seat:
            self.last_choice = self.choices.get(self.seat, "hold")
        super().step()


def params_from(values: dict[str, Any]) -> tuple[RuleParams, CombatParams]:
    """RuleParams and CombatParams from ``group__field`` keywords (missing ones: defaults)."""
    out = []
    for group, (cls, _) in GROUPS.items():
        prefix = group + SEP
        kwargs = {k.removeprefix(prefix): v for k, v in values.items() if k.startswith(prefix)}
        out.append(cls(**kwargs))
    unknown = [k for k in values if not k.startswith(tuple(g + SEP for g in GROUPS))]
    if unknown:
        raise TypeError(f"unknown model parameters: {unknown}")
    return out[0], out[1]


def controls() -> dict[str, dict[str, Any]]:
    """SolaraViz input specs for every rule and combat parameter, at their dataclass defaults."""
    specs: dict[str, dict[str, Any]] = {}
    for group, (cls, ranges) in GROUPS.items():
        for f in fields(cls):
            default = f.default if f.default is not MISSING else f.default_factory()  # type: ignore[misc]
            key, label = f"{group}{SEP}{f.name}", f"{group}: {f.name.replace('_', ' ')}"
            if isinstance(default, Enum):
                values = [e.value for e in type(default)]
                specs[key] = {"type": "Select", "value": default.value, "values": values,
                              "label": label}  # fmt: skip
            else:
                specs[key] = _slider(float(default), ranges.get(f.name, (0.0, math.inf)), label)
    return specs


def _slider(default: float, allowed: tuple[float, float], label: str) -> dict[str, Any]:
    """A float slider over the allowed range (open ranges end at four times the default)."""
    lo, hi = allowed
    lo = 0.01 if 0 < lo < 0.01 else lo  # a slider cannot show 1e-9
    hi = hi if math.isfinite(hi) else max(1.0, 4 * default)
    return {"type": "SliderFloat", "value": default, "label": label, "min": float(lo),
            "max": float(hi), "step": (hi - lo) / 100}  # fmt: skip
