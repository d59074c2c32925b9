"""Where scenarios and configs live, and how a name or a path finds a scenario file.

Scenarios are the ``*.yaml`` files directly in the scenarios folder: ``$WARGAME_SCENARIOS``
if set, else ``./scenarios`` when it exists, else the project's own ``scenarios/``. History files
beside them (``NAME.history.yaml``, see docs/analysis.md) are not scenarios.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from sim.domain.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CONF_DIR = PROJECT_ROOT / "conf"
SOURCE_FILE_KEY = "_source_file"  # added to a scenario's config node: the file it came from
HISTORY_SUFFIX = ".history.yaml"  # what happened, for `wargame score`: not a scenario


def scenarios_dir() -> Path:
    """The folder whose YAML files are the selectable scenarios."""
    env = os.environ.get("WARGAME_SCENARIOS")
    if env:
        return Path(env)
    local = Path.cwd() / "scenarios"
    return local if local.is_dir() else PROJECT_ROOT / "scenarios"


def scenario_files() -> dict[str, Path]:
    """Scenario name (the file's stem) -> file, for every YAML file in the scenarios folder."""
    folder = scenarios_dir()
    if not folder.is_dir():
        return {}
    return {
        p.stem: p
        for p in sorted(folder.glob("*.yaml"))
        if not p.name.startswith(".") and not p.name.endswith(HISTORY_SUFFIX)
    }


def find_scenario(name_or_path: str) -> Path:
    """A scenario file given by name (``kursk_2024``) or by path (``my/file.yaml``)."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") or path.exists():
        if path.is_dir():
            raise ConfigError(
                f"scenario={name_or_path} is a folder; give a scenario file (.yaml) or the name "
                f"of one in {scenarios_dir()}"
            )
        if not path.is_file():
            raise ConfigError(
                f"scenario file {name_or_path} does not exist. {_available(path.stem)}"
            )
        return path
    files = scenario_files()
    if name_or_path not in files:
        raise ConfigError(f"unknown scenario {name_or_path!r}. {_available(name_or_path)}")
    return files[name_or_path]


def _available(wanted: str) -> str:
    """The scenarios to choose from, and the closest to ``wanted``."""
    files = scenario_files()
    hint = difflib.get_close_matches(wanted, files, n=1)
    did_you_mean = f"Did you mean scenario={hint[0]}? " if hint else ""
    return (f"{did_you_mean}Available in {scenarios_dir()}: {', '.join(files) or 'none'} "
            "(scenario=NAME, or a path to a .yaml file)")  # fmt: skip


def option_name(path: Path, taken: set[str]) -> str:
    """A config-group option name for a scenario file given by path (its stem, made unique)."""
    stem = re.sub(r"[^a-z0-9_]", "_", path.stem.lower()) or "scenario"
    name, n = stem, 2
    while name in taken:
        name, n = f"{stem}_{n}", n + 1
    return name
