"""Reading scenario files and checking them, with errors a teacher can act on.

``load_scenario`` reads YAML safely (``sim.domain.safe_yaml``: plain data only, no duplicate
keys, finite numbers, size limits; dates kept as text until the schema parses them), validates
the schema and then the cross-references: every actor, unit, theatre, rung, action and
condition a scenario names must exist. Every problem is reported at once, each with its field
path and what is allowed, as one ``ScenarioError``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from sim.domain.errors import ScenarioError
from sim.domain.references import cross_reference_problems
from sim.domain.safe_yaml import YamlProblem, finite_problems, parse_text, read_text
from sim.domain.scenario import Scenario


class FileError(ScenarioError):
    """A YAML file the project reads (scenario, deck, exercise pack) that is refused, named
    as what it is ("Deck ...", "Exercise pack ...")."""

    def __init__(self, source: str, problems: list[str], kind: str = "Scenario"):
        super().__init__(source, problems)
        lines = "\n".join(f"  - {p}" for p in problems)
        self.args = (f"{kind} {source} is not valid:\n{lines}",)


HINTS = {
    "Scenario": "name:, actors:, relations:, ...",
    "Deck": "injects:",
    "Exercise pack": "title:, scenario:, deck:, ...",
}


def read_yaml(path: Path, kind: str = "Scenario") -> dict[str, Any]:
    """A YAML file's mapping, read the project's one safe way (``sim.domain.safe_yaml``).

    ``kind`` names the file in messages. Unreadable, oversized, non-UTF-8 or non-mapping files,
    tags, duplicate keys, infinite numbers and alias bombs are FileErrors.
    """
    try:
        data = parse_text(read_text(path))
    except YamlProblem as exc:
        raise FileError(str(path), [str(exc)], kind) from None
    if not isinstance(data, dict):
        hint = HINTS.get(kind, "key: value lines")
        raise FileError(str(path), [f"the file must hold a mapping ({hint})"], kind)
    return data


def load_scenario(path: Path) -> Scenario:
    """Read and validate one scenario file."""
    return parse_scenario(read_yaml(path), source=str(path))


def parse_scenario(data: dict[str, Any], source: str = "<scenario>") -> Scenario:
    """Validate a scenario mapping (e.g. a YAML file after Hydra overrides) into a Scenario."""
    problems = finite_problems(data)
    if problems:
        raise ScenarioError(source, problems)
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError(source, describe_errors(exc)) from None
    problems = cross_reference_problems(scenario) + _self_membership(scenario)
    if problems:
        raise ScenarioError(source, problems)
    return scenario


def _self_membership(scenario: Scenario) -> list[str]:
    """An alliance listed among its own members (it would count itself twice)."""
    return [
        f"actors.{aid}.members: {aid} is listed as a member of itself; allowed: other actors"
        for aid, actor in scenario.actors.items()
        if aid in (actor.members or [])
    ]


def with_deck(data: dict[str, Any], deck_file: Path) -> dict[str, Any]:
    """Scenario data with an instructor's inject deck added (a YAML file with ``injects:``).

    A deck's inject ids must not repeat the scenario's; the merged world is validated as a whole.
    """
    deck = read_yaml(deck_file, "Deck")
    unknown = sorted(set(deck) - {"injects", "title", "description", "sources"})
    if unknown or not isinstance(deck.get("injects"), dict):
        raise FileError(str(deck_file), [
            f"a deck holds `injects:` (a mapping of inject id -> inject), and may have title:, "
            f"description:, sources:; unknown keys: {unknown}"
        ], "Deck")  # fmt: skip
    clash = sorted(set(deck["injects"]) & set(data.get("injects") or {}))
    if clash:
        raise FileError(
            str(deck_file), [f"injects.{c}: already in the scenario" for c in clash], "Deck"
        )
    return {**data, "injects": {**(data.get("injects") or {}), **deck["injects"]}}


def scenario_hash(scenario: Scenario) -> str:
    """SHA-256 of the validated scenario's canonical JSON: equal worlds, equal hashes."""
    blob = json.dumps(scenario.model_dump(mode="json"), sort_keys=True).encode()
    return hashlib.sha256(blob).hexdigest()


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def describe_errors(exc: ValidationError, model: type[BaseModel] = Scenario) -> list[str]:
    """Each validation error of ``model`` as "field.path: what is wrong (and what is allowed)"."""
    return [_describe(err, model) for err in exc.errors()]


def _describe(err: dict[str, Any], model: type[BaseModel] = Scenario) -> str:
    where = ".".join(str(p) for p in err["loc"]) or "(top level)"
    msg = err["msg"]
    if err["type"] == "extra_forbidden":
        allowed = _allowed_fields(err["loc"][:-1], model)
        msg = f"unknown field; allowed fields: {', '.join(allowed)}" if allowed else msg
    elif err["type"] == "missing":
        msg = "required field is missing"
    elif "input" in err and err["type"] != "model_type" and not isinstance(err["input"], dict):
        msg = f"{msg} (got {_shown(err['input'])})"  # a whole mapping is never worth printing
    return f"{where}: {msg}"


def _shown(value: Any, limit: int = 120) -> str:
    """A value as the message shows it: its repr, cut to ``limit`` characters."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 5] + " ...)"


def _allowed_fields(loc: tuple, root: type[BaseModel] = Scenario) -> list[str]:
    """The field names allowed at ``loc``, found by walking the schema."""
    model: type[BaseModel] | None = root
    expect_key = False
    for part in loc:
        if model is None:
            return []
        if expect_key:  # a free-form key of a dict[str, Model]
            expect_key = False
            continue
        field = model.model_fields.get(str(part))
        if field is None:
            return []
        ann = field.annotation
        args = getattr(ann, "__args__", ())
        inner = next((a for a in args if isinstance(a, type) and issubclass(a, BaseModel)), None)
        if inner is not None and getattr(ann, "__origin__", None) is dict:
            model, expect_key = inner, True
        elif isinstance(ann, type) and issubclass(ann, BaseModel):
            model = ann
        else:
            model = inner
    return sorted(model.model_fields) if model is not None else []
