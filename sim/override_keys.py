"""Which keys an override may name: an existing key of the composed config, a key of the
chosen scenario's file, or (with ``+``) a new entry of the scenario and nothing else.

A misspelt key is refused with the keys allowed at that level and the closest match. ``+KEY``
adds a key, so it is for the scenario only (a new actor, force, doctrine entry, ...; the
scenario's schema then judges it): every other key of the config exists already, and a ``+``
for one of them, or for a key the config lacks, is refused like a misspelt key.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from hydra.core.override_parser.types import Override, OverrideType
from omegaconf import DictConfig, ListConfig

from sim.domain.errors import ConfigError
from sim.scenario_config import PREFIX

GROUPS = ("scenario", "rules", "combat", "experiment")


def is_plain_key(o: Override) -> bool:
    """A value override (not a group choice, not Hydra's own)."""
    return (o.key_or_group not in GROUPS and not o.key_or_group.startswith("hydra")
            and "/" not in o.key_or_group)  # fmt: skip


def changes_a_value(overrides: list[Override], key: str) -> bool:
    """Whether some override of ``key`` changes a value rather than adding one with '+'."""
    return any(o.key_or_group == key and o.type is not OverrideType.ADD for o in overrides)


def check_added_key(cfg: DictConfig, o: Override) -> None:
    """``+KEY=VALUE`` adds a key: to the scenario (a new actor, doctrine entry, ...; the
    scenario's schema then judges it) and nowhere else, since every other key of the config
    exists already. An existing key is set without the '+'."""
    key = o.key_or_group
    if key.startswith(f"{PREFIX}."):
        return
    problem = unknown_key(cfg, key)
    if problem:
        raise ConfigError(f"override {o.input_line}: {problem} Only scenario keys can be added "
                          "with '+'.")  # fmt: skip
    raise ConfigError(f"override {o.input_line}: {key} is already in the config; set it without "
                      f"the '+' ({o.input_line.lstrip('+')})")  # fmt: skip


def unknown_key(cfg: DictConfig | Mapping, key: str) -> str | None:
    """A message naming the first part of ``key`` that does not exist, or None if it exists.
    ``cfg`` is a composed config or plain data (a scenario file's mapping)."""
    node, path = cfg, []
    for part in key.split("."):
        if isinstance(node, ListConfig | list) and part.isdigit() and int(part) < len(node):
            node, path = node[int(part)], [*path, part]
            continue
        if not isinstance(node, DictConfig | Mapping) or part not in node:
            where = ".".join(path) or "the top level"
            allowed = list(node.keys()) if isinstance(node, DictConfig | Mapping) else []
            allowed = [str(k) for k in allowed if not str(k).startswith("_")]
            hint = difflib.get_close_matches(part, allowed, n=1)
            msg = f"unknown config key '{key}': '{part}' is not a key of {where}"
            if allowed:
                msg += f"; allowed: {', '.join(allowed)}."
            if hint:
                return msg + f" Did you mean '{'.'.join([*path, hint[0]])}'?"
            if path and path[0] == PREFIX:  # a scenario takes new actors, doctrine entries, ...
                return msg + " (To add a new entry to the scenario, prefix the override with '+'.)"
            return msg
        node, path = node[part], [*path, part]
    return None
