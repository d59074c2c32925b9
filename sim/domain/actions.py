"""The actions table: what every ladder action is coded as and what it does to the world.

``data/actions.yaml`` has one entry per action (never code branches per action): its CAMEO
code, Goldstein weight, quad class and MID hostility level, whom the event is coded toward, what
the actor needs for the action to be possible (``requires``) and its effects, each a kind from
the small vocabulary ``EFFECT_KINDS`` with its size. ``sim/abm/effects.py`` applies them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from types import MappingProxyType

import yaml

QUAD_CLASSES = ("verbal_cooperation", "material_cooperation", "verbal_conflict",
                "material_conflict")  # fmt: skip
REQUIREMENTS = ("nuclear", "belligerent", "units_facing", "partner_units", "recipients",
                "restricted_supplies", "own_units")  # fmt: skip
ROLES = ("self", "target", "recipients", "receivers")
# effect kind -> (its default `on`, whether it takes a size `by`)
EFFECT_KINDS = MappingProxyType({
    "fire": ("recipients", True), "mobilisation": ("recipients", True),
    "sustainment": ("target", True), "logistics": ("target", True),
    "grievance": ("target", True), "perceived_risk": ("receivers", True),
    "resolve": ("receivers", True), "audience_cost": ("self", True),
    "credibility": ("self", True), "declare": ("target", False), "lift": ("recipients", False),
    "commit": ("self", False), "commit_partners": ("self", False), "withdraw": ("self", False),
    "reinforce": ("self", False), "deploy": ("self", False), "nuclear_damage": ("target", False),
    "offer_ceasefire": ("target", False),
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class EffectSpec:
    """One consequence of an action: which field of whom changes, by how much. An index moved
    away from normal (1) is bounded by ``cap`` above or ``floor`` below (None: the index's
    own bound); see ``sim.abm.effects.shifted`` for the diminishing returns."""

    kind: str
    on: str
    by: float = 0.0
    cap: float | None = None
    floor: float | None = None


@dataclass(frozen=True)
class ActionSpec:
    """One action: its codes, what it needs and what it does."""

    id: str
    cameo: str
    goldstein: float
    quad_class: str
    mid_level: int
    coded_toward: str
    requires: tuple[str, ...]
    effects: tuple[EffectSpec, ...]
    source: str


@cache
def action_table() -> MappingProxyType:
    """The shipped actions table (``sim/domain/data/actions.yaml``), checked, by action id."""
    text = files("sim.domain").joinpath("data/actions.yaml").read_text(encoding="utf-8")
    return MappingProxyType(parse_actions(yaml.safe_load(text)["actions"]))


def is_aid(action: str) -> bool:
    """Whether ``action`` is aid (coded toward its recipient: arms, instructors, lifted
    restrictions): it is aimed at an adversary and reaches whoever fights that adversary."""
    spec = action_table().get(action)
    return spec is not None and spec.coded_toward == "recipient"


@dataclass(frozen=True, slots=True)
class EventCode:
    """How an event is coded: CAMEO code, Goldstein weight, MID hostility level, quad class."""

    cameo: str
    goldstein: float
    mid_level: int
    quad_class: str


@cache
def event_codes() -> MappingProxyType:
    """Codes of every event a run records: each ladder action and the other events
    (ceasefires, fighting, detection) listed under ``events:`` in the actions table."""
    text = files("sim.domain").joinpath("data/actions.yaml").read_text(encoding="utf-8")
    extra = yaml.safe_load(text).get("events", {})
    codes = {a: EventCode(s.cameo, s.goldstein, s.mid_level, s.quad_class)
             for a, s in action_table().items()}  # fmt: skip
    for name, e in extra.items():
        codes[name] = EventCode(str(e["cameo"]), float(e["goldstein"]), int(e["mid_level"]),
                                e["quad_class"])  # fmt: skip
    return MappingProxyType(codes)


def parse_actions(data: dict) -> dict[str, ActionSpec]:
    """Build and check the table; raises ValueError listing every problem with its path."""
    problems: list[str] = []
    table = {}
    for aid, entry in data.items():
        where = f"actions.yaml: actions.{aid}"
        effects = []
        for i, e in enumerate(entry.get("effects", [])):
            kind = e.get("kind")
            if kind not in EFFECT_KINDS:
                problems.append(f"{where}.effects[{i}].kind: {kind!r}; allowed: "
                                f"{', '.join(EFFECT_KINDS)}")  # fmt: skip
                continue
            default_on, sized = EFFECT_KINDS[kind]
            on = e.get("on", default_on)
            if on not in ROLES:
                problems.append(f"{where}.effects[{i}].on: {on!r}; allowed: {', '.join(ROLES)}")
            if sized and not isinstance(e.get("by"), int | float):
                problems.append(f"{where}.effects[{i}].by: a number is required for {kind}")
            cap, floor = e.get("cap"), e.get("floor")
            if cap is not None and not (isinstance(cap, int | float) and cap > 1):
                problems.append(f"{where}.effects[{i}].cap: {cap!r}; allowed: a number above 1")
            if floor is not None and not (isinstance(floor, int | float) and 0 <= floor < 1):
                problems.append(f"{where}.effects[{i}].floor: {floor!r}; allowed: 0 <= floor < 1")
            effects.append(EffectSpec(kind, on, float(e.get("by", 0.0)), cap, floor))
        unknown = [r for r in entry.get("requires", []) if r not in REQUIREMENTS]
        if unknown:
            problems.append(f"{where}.requires: {unknown}; allowed: {', '.join(REQUIREMENTS)}")
        if entry.get("quad_class") not in QUAD_CLASSES:
            problems.append(f"{where}.quad_class: allowed: {', '.join(QUAD_CLASSES)}")
        if entry.get("coded_toward") not in ("target", "recipient"):
            problems.append(f"{where}.coded_toward: allowed: target, recipient")
        table[aid] = ActionSpec(
            id=aid,
            cameo=str(entry["cameo"]),
            goldstein=float(entry["goldstein"]),
            quad_class=entry.get("quad_class", ""),
            mid_level=int(entry["mid_level"]),
            coded_toward=entry.get("coded_toward", "target"),
            requires=tuple(entry.get("requires", [])),
            effects=tuple(effects),
            source=entry["source"],
        )
    if problems:
        raise ValueError("; ".join(problems))
    return table
