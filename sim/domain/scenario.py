"""The scenario schema: the world a document describes, as typed, frozen data.

A scenario holds actors (states and alliances), relations between them, theatres, force units,
scheduled injects and the milestones to watch. Every value set in a scenario file carries its
provenance: a quote from the seed document, or ``assumption: <reason>``. An entity's ``source``
covers all its fields; ``sources: {field: ...}`` gives one field its own. ``validate_scenario``
(in ``scenario_io``) adds the cross-checks: every name refers to something that exists.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Probability = Annotated[float, Field(ge=0.0, le=1.0)]
Share = Annotated[float, Field(ge=0.0, le=1.0)]
Strength = Annotated[float, Field(ge=0.0)]
Quality = Annotated[float, Field(gt=0.0, le=5.0)]
When = dict[str, dict[str, Any] | None]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Sourced(_Strict):
    """An entity whose every value names where it came from (``source`` or ``sources``)."""

    _unsourced: ClassVar[frozenset[str]] = frozenset()
    source: str | None = None
    sources: dict[str, str] = {}

    @model_validator(mode="after")
    def _every_value_has_a_source(self) -> Sourced:
        fields = set(type(self).model_fields) - {"source", "sources"} - self._unsourced
        unknown = sorted(set(self.sources) - fields)
        if unknown:
            raise ValueError(
                f"sources names unknown field(s) {', '.join(unknown)}; "
                f"fields are {', '.join(sorted(fields))}"
            )
        if self.source is None:
            missing = sorted((self.model_fields_set & fields) - set(self.sources))
            if missing:
                raise ValueError(
                    f"no source for {', '.join(missing)}: add `source:` (a quote from the seed "
                    "document or 'assumption: <reason>') or `sources: {field: ...}`"
                )
        for text in [self.source, *self.sources.values()]:
            if text is not None and len(text.strip()) < 3:
                raise ValueError("a source must be a quote or 'assumption: <reason>', not empty")
        return self


class DoctrineEntry(Sourced):
    """One line of an actor's doctrine: when all named conditions hold, take ``then``."""

    when: When
    then: str
    target: str | None = None
    probability: Probability = 1.0
    once: bool = True
    reason: str


class Actor(Sourced):
    """A state or an alliance that decides each turn where it stands on the escalation ladder."""

    _unsourced = frozenset({"doctrine"})
    name: str
    kind: Literal["state", "alliance", "armed_group", "territory"]
    members: list[str] = []
    nuclear: bool = False
    initial_rung: str
    max_rung: str = "strikes_on_territory"  # nuclear rungs need nuclear: true and a max_rung
    adversaries: list[str] = []
    risk_tolerance: Probability = 0.5
    escalation_propensity: Probability = 0.5
    grievance: Probability = 0.0
    doctrine: dict[str, DoctrineEntry] = {}


class Relation(Sourced):
    """A tie between two actors. For ``supply`` the parties are [supplier, recipient]."""

    kind: Literal["war", "treaty", "supply", "alliance", "partnership"]
    parties: Annotated[list[str], Field(min_length=2, max_length=2)]
    name: str | None = None
    mutual_defence: bool = False
    goods: Literal["weapons", "ammunition", "instructors", "none"] = "none"
    restricted_use: bool = False


class Theatre(Sourced):
    """A front. ``held_by`` holds a salient on ``territory_of``'s land; control is its share."""

    name: str
    territory_of: str
    held_by: str | None = None
    initial_control: Share = 0.0


class Force(Sourced):
    """A military unit or grouping: personnel strength, relative quality, where it fights."""

    actor: str
    theatre: str
    strength: Strength
    quality: Quality = 1.0
    in_combat: bool = False
    replenishment: Share = 0.0
    covert: bool = False
    description: str | None = None


class AdjustActor(_Strict):
    """Change an actor's disposition by ``delta`` (kept inside [0, 1])."""

    kind: Literal["adjust_actor"]
    actor: str
    field: Literal["risk_tolerance", "escalation_propensity", "grievance"]
    delta: Annotated[float, Field(ge=-1.0, le=1.0)]


class SetRung(_Strict):
    """Put an actor on a rung (a ladder rung id)."""

    kind: Literal["set_rung"]
    actor: str
    rung: str


class DamageUnit(_Strict):
    """Destroy ``fraction`` of a unit's strength."""

    kind: Literal["damage_unit"]
    unit: str
    fraction: Share


class ReinforceUnit(_Strict):
    """Add ``strength`` personnel to a unit."""

    kind: Literal["reinforce_unit"]
    unit: str
    strength: Strength


class CommitUnit(_Strict):
    """Send a unit into combat."""

    kind: Literal["commit_unit"]
    unit: str


class LiftRestrictions(_Strict):
    """Lift the use restrictions on everything ``supplier`` supplies."""

    kind: Literal["lift_restrictions"]
    supplier: str


class DeclareCoBelligerent(_Strict):
    """``actor`` declares ``target`` a co-belligerent."""

    kind: Literal["declare_co_belligerent"]
    actor: str
    target: str


Effect = Annotated[
    AdjustActor
    | SetRung
    | DamageUnit
    | ReinforceUnit
    | CommitUnit
    | LiftRestrictions
    | DeclareCoBelligerent,
    Field(discriminator="kind"),
]


class Inject(Sourced):
    """A surprise or scheduled event: on ``date`` (or turn ``step``, or when ``when`` holds for
    ``actor``), show ``text`` and apply ``effects``."""

    _unsourced = frozenset({"effects"})
    text: str
    date: dt.date | None = None
    step: Annotated[int, Field(ge=1)] | None = None
    when: When | None = None
    actor: str | None = None
    effects: list[Effect] = []

    @model_validator(mode="after")
    def _has_a_trigger(self) -> Inject:
        triggers = [x for x in (self.date, self.step, self.when) if x is not None]
        if len(triggers) != 1:
            raise ValueError("an inject needs exactly one trigger: date, step or when")
        if self.when is not None and self.actor is None:
            raise ValueError("an inject triggered by `when` needs `actor` (whose view is tested)")
        return self


MilestoneKind = Literal[
    "units_in_combat",
    "declaration",
    "restrictions_lifted",
    "rung_reached",
    "control_below",
    "action_taken",
    "all_at_most",
]


class Milestone(Sourced):
    """A named event whose first turn is recorded in ``outcomes.parquet`` as ``<name>_step``.

    Kinds: units_in_combat (any unit of ``actors`` in combat), declaration (any of ``actors``
    declared ``target`` co-belligerent), restrictions_lifted (a supplier of ``target`` lifted
    them), rung_reached (any of ``actors``, or anyone, at ``rung`` or above), control_below
    (the holder's control of ``theatre`` under ``below``), action_taken (any of ``actors`` took
    ``action``), all_at_most (every one of ``actors`` at ``rung`` or below).
    """

    kind: MilestoneKind
    description: str
    actors: list[str] = []
    target: str | None = None
    rung: str | None = None
    theatre: str | None = None
    below: Share | None = None
    action: str | None = None


class Scenario(Sourced):
    """The whole world of one scenario file."""

    _unsourced = frozenset({"actors", "relations", "theatres", "forces", "injects", "milestones"})
    name: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    title: str
    seed_document: str | None = None
    start_date: dt.date
    step_days: Annotated[int, Field(ge=1, le=366)] = 7
    actors: Annotated[dict[str, Actor], Field(min_length=1)]
    relations: dict[str, Relation] = {}
    theatres: dict[str, Theatre] = {}
    forces: dict[str, Force] = {}
    injects: dict[str, Inject] = {}
    milestones: dict[str, Milestone] = {}
