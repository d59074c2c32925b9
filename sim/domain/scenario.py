"""The scenario schema: the world a document describes, as typed, frozen data.

A scenario holds actors (states and alliances), relations between them, theatres, force units,
scheduled injects and the milestones to watch. Every value set in a scenario file carries its
provenance: a quote from the seed document, or ``assumption: <reason>``. An entity's ``source``
covers all its fields; ``sources: {field: ...}`` gives one field its own. ``validate_scenario``
(in ``scenario_io``) adds the cross-checks: every name refers to something that exists.

What every entity obeys (strict, frozen, sourced; the ranges of its numbers) is in
``sim.domain.entity``; the milestone kinds are in ``sim.domain.milestones``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, model_validator

from sim.domain.entity import Probability, Quality, Share, Sourced, Strength, Strict, When
from sim.domain.milestones import Milestone


class DoctrineEntry(Sourced):
    """One line of an actor's doctrine: when all named conditions hold, take ``then`` toward
    ``target`` (default: the adversary whose posture toward the actor is highest).

    ``probability`` is per WEEK while the conditions hold; the model converts it to the turn
    length (1 - (1 - p)^(days / 7)).
    """

    when: When
    then: str
    target: str | None = None
    probability: Probability = 1.0
    once: bool = True
    reason: str


class Actor(Sourced):
    """A state or an alliance that holds a posture (a ladder rung) toward each actor it deals
    with: its adversaries and anyone at war with it. ``initial_rung`` is its posture toward each
    of them at the start unless ``postures`` gives one for that actor; ``max_rung`` caps them."""

    _unsourced = frozenset({"doctrine"})
    name: str
    kind: Literal["state", "alliance", "armed_group", "territory"]
    members: list[str] = []
    nuclear: bool = False
    initial_rung: str
    postures: dict[str, str] = {}  # target actor -> rung id at the start, where not initial_rung
    max_rung: str = "strikes_on_territory"  # nuclear rungs need nuclear: true and a max_rung
    adversaries: list[str] = []
    risk_tolerance: Probability = 0.5
    escalation_propensity: Probability = 0.5
    grievance: Probability = 0.0
    doctrine: dict[str, DoctrineEntry] = {}


class Relation(Sourced):
    """A tie between two actors. For ``supply`` the parties are [supplier, recipient].

    A war may name ``mediators`` (actors that help the parties accept a ceasefire). A treaty or
    an alliance carries a ``credibility`` (0-1): how far the parties and their adversaries
    believe its commitments will be honoured; it moves with what the parties do.
    """

    kind: Literal["war", "treaty", "supply", "alliance", "partnership"]
    parties: Annotated[list[str], Field(min_length=2, max_length=2)]
    name: str | None = None
    mutual_defence: bool = False
    goods: Literal["weapons", "ammunition", "instructors", "none"] = "none"
    restricted_use: bool = False
    mediators: list[str] = []
    credibility: Share = 0.5


class Theatre(Sourced):
    """A front. ``held_by`` holds a salient on ``territory_of``'s land; control is its share."""

    name: str
    territory_of: str
    held_by: str | None = None
    initial_control: Share = 0.0


class Force(Sourced):
    """A military unit or grouping: personnel strength, relative quality, where it fights.

    ``quality`` scales the unit's fire and divides its share of its side's losses (1.0 is the
    reference). Losses are replaced from ``reserve`` (personnel available to this unit over the
    whole run) at ``replenishment`` of the initial strength a week; with no reserve there is no
    replacement. Reinforcements by decision or inject come on top of both.
    """

    actor: str
    theatre: str
    strength: Strength
    quality: Quality = 1.0
    in_combat: bool = False
    replenishment: Share = 0.0
    reserve: Strength = 0.0
    covert: bool = False
    description: str | None = None


class AdjustActor(Strict):
    """Change an actor's disposition by ``delta`` (kept inside [0, 1])."""

    kind: Literal["adjust_actor"]
    actor: str
    field: Literal["risk_tolerance", "escalation_propensity", "grievance"]
    delta: Annotated[float, Field(ge=-1.0, le=1.0)]


class SetRung(Strict):
    """Put an actor on a rung (a ladder rung id)."""

    kind: Literal["set_rung"]
    actor: str
    rung: str


class DamageUnit(Strict):
    """Destroy ``fraction`` of a unit's strength."""

    kind: Literal["damage_unit"]
    unit: str
    fraction: Share


class ReinforceUnit(Strict):
    """Add ``strength`` personnel to a unit."""

    kind: Literal["reinforce_unit"]
    unit: str
    strength: Strength


class CommitUnit(Strict):
    """Send a unit into combat."""

    kind: Literal["commit_unit"]
    unit: str


class LiftRestrictions(Strict):
    """Lift the use restrictions on everything ``supplier`` supplies."""

    kind: Literal["lift_restrictions"]
    supplier: str


class DeclareCoBelligerent(Strict):
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
