"""The scenario of a composed config: a file, plus the command line's changes to its values.

The composed Hydra config never holds the world itself. Its ``scenario`` node holds the chosen
file (under ``_source_file``) and, free-form, the values the command line or an experiment
changed (``scenario.forces.kpa_expeditionary_corps.strength=30000`` puts ``forces:
{kpa_expeditionary_corps: {strength: 30000}}`` there). After Hydra has composed the config, the
file is read by the project's one YAML reader (``sim.domain.scenario_io.read_yaml``), the
changes are applied to its raw mapping, and the result is validated by the scenario schema.

Why: composing the world into the config cost time in proportion to its size, four times per
command and again per sweep job (100 s for a 2 MB scenario); OmegaConf would interpolate
``${...}`` in scenario text (a title could read an environment variable into run.json); and a
YAML alias bomb hung in OmegaConf instead of being refused by our reader (which also limits a
file's size, depth and expanded values: ``sim.domain.safe_yaml``).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from omegaconf import DictConfig, OmegaConf

from sim.domain.errors import ConfigError
from sim.domain.scenario_io import read_yaml
from sim.experiment.catalog import SOURCE_FILE_KEY

PREFIX = "scenario"


def scenario_file(node: DictConfig | Mapping | None) -> str | None:
    """The file a config's ``scenario`` node names, or None."""
    if node is None:
        return None
    value = node.get(SOURCE_FILE_KEY) if isinstance(node, Mapping | DictConfig) else None
    return str(value) if value else None


def scenario_changes(node: DictConfig | Mapping) -> dict[str, Any]:
    """The values a config's ``scenario`` node changes (interpolations of the command line's
    own values resolved), without the file's name."""
    data = OmegaConf.to_container(node, resolve=True) if isinstance(node, DictConfig) else node
    return {k: v for k, v in dict(data).items() if k != SOURCE_FILE_KEY}


@lru_cache(maxsize=8)
def _read(path: str, stamp: tuple[int, int]) -> dict[str, Any]:
    return read_yaml(Path(path))  # refuses alias bombs, deep nesting and oversized files


def raw_scenario(path: str | Path) -> dict[str, Any]:
    """A scenario file's raw mapping, read once per process while the file is unchanged. It is
    shared: do not change it in place (``apply_changes`` copies what it changes)."""
    try:
        st = Path(path).stat()
    except OSError:
        return read_yaml(Path(path))  # its own message: file not found
    return _read(str(path), (st.st_mtime_ns, st.st_size))


def scenario_data(node: DictConfig | Mapping) -> tuple[dict[str, Any], str | None]:
    """The scenario mapping a config's ``scenario`` node describes (file + changes), and the
    file."""
    source = scenario_file(node)
    if source is None:
        raise ConfigError("scenario: no scenario chosen; give scenario=NAME or scenario=FILE.yaml")
    return apply_changes(raw_scenario(source), scenario_changes(node)), source


def scenario_value(node: DictConfig | Mapping, dotted: str) -> Any:
    """The value at ``dotted`` (``actors.russia.risk_tolerance``; list items by index) in the
    scenario a config's ``scenario`` node describes, or None if there is none."""
    data: Any = scenario_data(node)[0]
    for part in dotted.split("."):
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        else:
            return None
    return data


def apply_changes(data: Any, changes: Mapping[str, Any], where: str = PREFIX) -> Any:
    """A copy of ``data`` with ``changes`` merged in: mappings key by key (a new key is added,
    as Hydra's ``+key=value`` asks; the schema then judges it), list items by their index,
    anything else replaced. Only the mappings and lists on the way to a change are copied;
    ``data`` itself is left as it was. Keys misspelt on the command line were refused before
    (``sim.overrides``)."""
    data = copy.copy(data)
    for key, value in changes.items():
        key, here = str(key), f"{where}.{key}"
        if isinstance(data, list):
            if not (key.isdigit() and int(key) < len(data)):
                raise ConfigError(f"{here}: {where} is a list of {len(data)} items, "
                                  f"indexed 0 to {len(data) - 1}")  # fmt: skip
            data[int(key)] = _merged(data[int(key)], value, here)
        elif isinstance(data, dict):
            data[key] = _merged(data.get(key), value, here)
        else:
            raise ConfigError(f"{here}: {where} is a single value ({data!r}), not a mapping")
    return data


def _merged(old: Any, new: Any, where: str) -> Any:
    if isinstance(new, Mapping) and isinstance(old, dict | list):
        return apply_changes(old, new, where)
    return new
