"""Milestones: the named events a scenario watches for, as data.

A milestone is reached on the first turn its test holds, and that turn is recorded in
``outcomes.parquet`` as ``<name>_step`` (empty if never). Each kind below states its test; a
scenario picks kinds by ``kind`` (a discriminated union, so a missing field is an error naming
its path) and names the actors, rungs, theatres and actions it watches. The model's tests of
each kind are in ``sim.abm.milestones`` (one model) and ``sim.batch.milestones`` (every lane).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from sim.domain.entity import Share, Sourced


class _MilestoneBase(Sourced):
    """A named event whose first turn is recorded in ``outcomes.parquet`` as ``<name>_step``."""

    description: str


class UnitsInCombat(_MilestoneBase):
    """Any unit of ``actors`` is in combat."""

    kind: Literal["units_in_combat"]
    actors: Annotated[list[str], Field(min_length=1)]


class DeclarationMade(_MilestoneBase):
    """Any of ``actors`` (anyone, if empty) declared ``target`` a co-belligerent."""

    kind: Literal["declaration"]
    target: str
    actors: list[str] = []


class RestrictionsLifted(_MilestoneBase):
    """A supplier of ``target`` lifted the restrictions on the use of what it supplies."""

    kind: Literal["restrictions_lifted"]
    target: str


class RungReached(_MilestoneBase):
    """Any of ``actors`` (anyone, if empty) stands on ``rung`` or higher toward anyone."""

    kind: Literal["rung_reached"]
    rung: str
    actors: list[str] = []


class PostureReached(_MilestoneBase):
    """Any of ``actors`` (anyone, if empty) stands on ``rung`` or higher toward ``target``."""

    kind: Literal["posture_reached"]
    rung: str
    target: str
    actors: list[str] = []


class ControlBelow(_MilestoneBase):
    """The holder's control of the contested ``theatre`` is under ``below``."""

    kind: Literal["control_below"]
    theatre: str
    below: Share


class ActionTaken(_MilestoneBase):
    """Any of ``actors`` (anyone, if empty) took ``action``."""

    kind: Literal["action_taken"]
    action: str
    actors: list[str] = []


class AllAtMost(_MilestoneBase):
    """Every one of ``actors`` stands on ``rung`` or lower toward everyone."""

    kind: Literal["all_at_most"]
    rung: str
    actors: Annotated[list[str], Field(min_length=1)]


class CeasefireMade(_MilestoneBase):
    """A ceasefire between the two ``parties`` is in force."""

    kind: Literal["ceasefire"]
    parties: Annotated[list[str], Field(min_length=2, max_length=2)]


Milestone = Annotated[
    UnitsInCombat
    | DeclarationMade
    | RestrictionsLifted
    | RungReached
    | PostureReached
    | ControlBelow
    | ActionTaken
    | AllAtMost
    | CeasefireMade,
    Field(discriminator="kind"),
]
