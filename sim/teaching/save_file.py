"""The saved game's file (``game.json``) and its schema: the setup, every choice (with its
target, and whether the seat held because time ran out), the white cell's journal. Read back
only through ``read_save``, which names the field an edited file got wrong.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sim.config import RunConfig
from sim.domain.errors import WargameError
from sim.domain.scenario_io import describe_errors
from sim.limits import MAX_SEED, MAX_STEPS

SAVE_FORMAT = "wargame-play/2"
READABLE_FORMATS = ("wargame-play/1", SAVE_FORMAT)
DEFAULT_STEPS: int = RunConfig.__dataclass_fields__["steps"].default
DEFAULT_SEED: int = RunConfig.__dataclass_fields__["seed"].default


class SavedSetup(BaseModel):
    """A saved game's ``setup``: the fields of ``Setup`` with their types."""

    model_config = ConfigDict(extra="forbid", strict=True)

    scenario: str
    seats: list[str]
    seed: int = Field(DEFAULT_SEED, ge=0, le=MAX_SEED)
    steps: int = Field(DEFAULT_STEPS, ge=1, le=MAX_STEPS)
    deck: str | None = None
    exercise: str | None = None


class SavedChoice(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    turn: int = Field(ge=1, le=MAX_STEPS)
    actor: str
    action: str
    target: str | None = None  # None: the actor's main adversary
    held: bool = False  # the seat held because it did not choose before the clock ran out


class SavedWhiteCell(BaseModel):
    """One act of the white cell: fire a deck inject, write one live, or override."""

    model_config = ConfigDict(extra="forbid", strict=True)

    turn: int = Field(ge=1, le=MAX_STEPS)
    kind: Literal["fire", "write", "override"]
    inject: str | None = None
    text: str | None = None
    actor: str | None = None
    target: str | None = None
    rung: int | None = None
    reason: str | None = None


class SaveFile(BaseModel):
    """The schema of a saved game (``game.json``)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    format: Literal["wargame-play/1", "wargame-play/2"]
    setup: SavedSetup
    choices: list[SavedChoice] = []
    journal: list[SavedWhiteCell] = []


def read_save(path: Path) -> SaveFile:
    """A saved game file, checked against ``SaveFile``."""
    if path.is_dir():
        raise WargameError(f"--resume {path}: a folder; give its game.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise WargameError(f"cannot read saved game {path}: {exc}") from None
    if not isinstance(data, dict) or data.get("format") not in READABLE_FORMATS:
        raise WargameError(
            f"{path} is not a saved wargame game (format: {' or '.join(READABLE_FORMATS)})"
        )
    try:
        return SaveFile.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(describe_errors(exc, SaveFile))
        raise WargameError(
            f"saved game {path} is not valid (edited by hand?): {problems}"
        ) from None
