"""Reading scenario files and checking them, with errors a teacher can act on.

``load_scenario`` reads YAML safely (no tags, no code, dates kept as text until the schema
parses them), validates the schema and then the cross-references: every actor, unit, theatre,
rung, action and condition a scenario names must exist. Every problem is reported at once, each
with its field path and what is allowed, as one ``ScenarioError``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from sim.domain.errors import ScenarioError
from sim.domain.references import cross_reference_problems
from sim.domain.scenario import Scenario


class _TextDatesLoader(yaml.SafeLoader):
    """A safe YAML loader that leaves dates as strings (OmegaConf cannot hold date objects)."""


_TextDatesLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(path: Path) -> dict[str, Any]:
    """A scenario file's raw mapping; unreadable, non-UTF-8 or non-mapping files are errors."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ScenarioError(str(path), ["file not found"]) from None
    except UnicodeDecodeError:
        raise ScenarioError(str(path), ["not a UTF-8 text file"]) from None
    try:
        data = yaml.load(text, Loader=_TextDatesLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise ScenarioError(str(path), [f"not valid YAML: {exc}"]) from None
    if not isinstance(data, dict):
        raise ScenarioError(str(path), ["the file must hold a mapping (name:, actors:, ...)"])
    return data


def load_scenario(path: Path) -> Scenario:
    """Read and validate one scenario file."""
    return parse_scenario(read_yaml(path), source=str(path))


def parse_scenario(data: dict[str, Any], source: str = "<scenario>") -> Scenario:
    """Validate a scenario mapping (e.g. a YAML file after Hydra overrides) into a Scenario."""
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError(source, [_describe(err) for err in exc.errors()]) from None
    problems = cross_reference_problems(scenario)
    if problems:
        raise ScenarioError(source, problems)
    return scenario


def with_deck(data: dict[str, Any], deck_file: Path) -> dict[str, Any]:
    """Scenario data with an instructor's inject deck added (a YAML file with ``injects:``).

    A deck's inject ids must not repeat the scenario's; the merged world is validated as a whole.
    """
    deck = read_yaml(deck_file)
    unknown = sorted(set(deck) - {"injects", "title", "description", "sources"})
    if unknown or not isinstance(deck.get("injects"), dict):
        raise ScenarioError(str(deck_file), [
            f"a deck holds `injects:` (a mapping of inject id -> inject); unknown keys: {unknown}"
        ])  # fmt: skip
    clash = sorted(set(deck["injects"]) & set(data.get("injects") or {}))
    if clash:
        raise ScenarioError(
            str(deck_file), [f"injects.{c}: already in the scenario" for c in clash]
        )
    return {**data, "injects": {**(data.get("injects") or {}), **deck["injects"]}}


def scenario_hash(scenario: Scenario) -> str:
    """SHA-256 of the validated scenario's canonical JSON: equal worlds, equal hashes."""
    blob = json.dumps(scenario.model_dump(mode="json"), sort_keys=True).encode()
    return hashlib.sha256(blob).hexdigest()


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _describe(err: dict[str, Any]) -> str:
    where = ".".join(str(p) for p in err["loc"]) or "(top level)"
    msg = err["msg"]
    if err["type"] == "extra_forbidden":
        allowed = _allowed_fields(err["loc"][:-1])
        msg = f"unknown field; allowed fields: {', '.join(allowed)}" if allowed else msg
    elif err["type"] == "missing":
        msg = "required field is missing"
    elif "input" in err and err["type"] not in ("model_type",):
        msg = f"{msg} (got {err['input']!r})"
    return f"{where}: {msg}"


def _allowed_fields(loc: tuple) -> list[str]:
    """The field names allowed at ``loc``, found by walking the schema."""
    model: type[BaseModel] | None = Scenario
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
