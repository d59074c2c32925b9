"""Command-line overrides checked before Hydra runs: scenario paths, typos and value types.

``scenario=path/to/file.yaml`` (or a comma list of them, for a sweep) is registered as an option
of the scenario group, under the scenario's own name when the file is one of the scenarios
folder. Every ``key=value`` override is checked against the composed config (a ``scenario.*``
key against the chosen scenario's file; ``sim.override_keys``); an unknown key ends the run with
the allowed keys at that level and the closest match, and a value of the wrong type with what
the key takes, before any output folder is made. Then a single run's whole job is validated, or
every point of a sweep (``sim.sweep_points``). Float ranges are written out with clean values
(``sim.override_values``).
"""

from __future__ import annotations

import difflib
from pathlib import Path

from hydra import compose, initialize_config_dir
from hydra._internal.config_loader_impl import ConfigLoaderImpl
from hydra.core.config_store import ConfigStore
from hydra.core.override_parser.overrides_parser import OverridesParser
from hydra.core.override_parser.types import Glob, Override, OverrideType
from omegaconf import DictConfig, OmegaConf

from sim.config import register_scenarios
from sim.domain.errors import ConfigError, ScenarioError
from sim.experiment.catalog import CONF_DIR, find_scenario, option_name, scenario_files
from sim.files import folder_in_the_way
from sim.limits import RUN_KNOBS, knob_problem, run_knob_problems
from sim.override_keys import GROUPS, changes_a_value, check_added_key, is_plain_key, unknown_key
from sim.override_values import (
    blame_overrides,
    check_value_types,
    expand_float_range,
    typed_values,
)
from sim.scenario_config import PREFIX, raw_scenario, scenario_file

_FLAGS_WITH_VALUE = {"-c", "--cfg", "-p", "--package", "-cn", "--config-name", "-cp",
                     "--config-path", "-cd", "--config-dir"}  # fmt: skip


def split_args(argv: list[str]) -> tuple[list[str], list[int]]:
    """The override arguments of a command line and their positions (flags left aside)."""
    overrides, where, skip = [], [], False
    for i, arg in enumerate(argv):
        if skip:
            skip = False
        elif arg.startswith("-"):
            skip = arg in _FLAGS_WITH_VALUE
        else:
            overrides.append(arg)
            where.append(i)
    return overrides, where


def prepare(argv: list[str]) -> list[str]:
    """The command line with scenario paths registered; raises ConfigError on an unknown key.

    The config is composed once here (group choices only); the key checks and, for a single
    run, the whole job's validation use that one composition."""
    args, where = split_args(argv)
    argv = list(argv)
    for pos, arg in zip(where, args, strict=True):
        if arg.startswith("scenario="):
            argv[pos] = "scenario=" + _register_paths(arg.split("=", 1)[1])
    args, where = split_args(argv)
    parsed = parse(args)
    for pos, o in zip(where, parsed, strict=True):
        argv[pos] = expand_float_range(o) or argv[pos]
    parsed = parse(split_args(argv)[0])
    check_output_dirs(parsed)
    cfg = check_keys(parsed)
    if any(a in ("-m", "--multirun") for a in argv) or _is_multirun(cfg):
        check_sweep_knobs(parsed, cfg)
        from sim.sweep_points import check_sweep_points

        check_sweep_points(parsed, composed, parse, GROUPS)
    else:
        check_single_run(parsed, cfg)
    return argv


def check_output_dirs(overrides: list[Override]) -> None:
    """Refuse a run or sweep folder (``hydra.run.dir=``, ``hydra.sweep.dir=``) that a file
    stands in the way of, before Hydra tries to make it."""
    for o in overrides:
        if o.key_or_group in ("hydra.run.dir", "hydra.sweep.dir") and not o.is_sweep_override():
            blocker = folder_in_the_way(Path(str(o.value())))
            if blocker is not None:
                raise ConfigError(f"override {o.input_line}: {blocker} is a file, not a folder; "
                                  "allowed: a folder, new or existing")  # fmt: skip


def parse(args: list[str]) -> list[Override]:
    """Hydra's reading of the overrides; a grammar error is reworded for people."""
    try:
        return OverridesParser.create().parse_overrides(args)
    except Exception as exc:  # noqa: BLE001 - Hydra's grammar error, reworded for people
        bad = next((a for a in args if "=" not in a), None)
        if bad is not None:
            raise ConfigError(
                f"'{bad}' is neither a command nor a KEY=VALUE override{_command_hint(bad)}. "
                "Commands: " + ", ".join(_commands()) + "; see wargame --help"
            ) from None
        detail = str(exc).splitlines()[0]
        raise ConfigError(
            f"cannot read the overrides {' '.join(args)}: {detail}. Quote values with "
            "parentheses or spaces for the shell, e.g. 'key=range(0.2,1.0,0.2)'"
        ) from None


def _commands() -> list[str]:
    from sim.cli import SUBCOMMANDS

    return list(SUBCOMMANDS)


def _command_hint(word: str) -> str:
    hint = difflib.get_close_matches(word, _commands(), n=1)
    return f" (did you mean 'wargame {hint[0]}'?)" if hint else ""


def _register_paths(value: str) -> str:
    """Turn scenario paths in ``value`` (maybe a comma list) into scenario-group option names: a
    file of the scenarios folder by its own name, any other file by its stem made unique."""
    names, taken, new = [], set(scenario_files()), {}
    known = {p.resolve(): name for name, p in scenario_files().items()}
    for item in value.split(","):
        if item.endswith((".yaml", ".yml")) or "/" in item:
            path = find_scenario(item)
            if path.resolve() in known:  # scenarios/kursk_2024.yaml is kursk_2024
                names.append(known[path.resolve()])
                continue
            name = option_name(path, taken)
            taken.add(name)
            new[name] = Path(path)
            names.append(name)
        else:
            names.append(item)
    register_scenarios(new)
    return ",".join(names)


def check_keys(overrides: list[Override]) -> DictConfig:
    """Check group choices against the available options, then compose the config with the
    chosen groups and check that every overridden key exists: scenario keys in the chosen
    scenario's file, the others in the config. Returns that composed config."""
    choices = []
    for o in overrides:
        if o.key_or_group in GROUPS and o.type is OverrideType.CHANGE:
            values = _values(o)
            if not values:
                allowed = ", ".join(available_options(o.key_or_group))
                raise ConfigError(f"override {o.input_line}: no {o.key_or_group} option matches; "
                                  f"allowed: {allowed}")  # fmt: skip
            for value in values:
                _check_option(o.key_or_group, value)
            choices.append(f"{o.key_or_group}={values[0]}")
    keys = [o.key_or_group for o in overrides if is_plain_key(o) and o.type is not OverrideType.DEL]
    cfg = composed(choices)
    world = None
    for o in overrides:
        if o.type is OverrideType.ADD and is_plain_key(o):
            check_added_key(cfg, o)
    keys = [k for k in keys if not k.startswith(f"{PREFIX}.") or changes_a_value(overrides, k)]
    for key in keys:
        if key.startswith(f"{PREFIX}."):
            world = world if world is not None else {PREFIX: _raw_world(cfg)}
            problem = unknown_key(world, key)
        else:
            problem = unknown_key(cfg, key)
        if problem:
            raise ConfigError(problem)
    check_value_types(cfg, overrides, keys)
    return cfg


def composed(choices: list[str]) -> DictConfig:
    """The config composed with the group ``choices`` (``rules=cautious``), Hydra's node too."""
    try:
        with initialize_config_dir(config_dir=str(CONF_DIR), version_base="1.3"):
            return compose(config_name="config", overrides=choices, return_hydra_config=True)
    except Exception as exc:  # noqa: BLE001 - Hydra's composition error, reworded for people
        raise ConfigError(f"the config does not compose with {' '.join(choices)}: {exc}") from None


def _raw_world(cfg: DictConfig) -> dict:
    """The chosen scenario file's raw mapping, for checking ``scenario.*`` keys."""
    source = scenario_file(cfg.get(PREFIX))
    return raw_scenario(source) if source else {}


def check_single_run(overrides: list[Override], cfg: DictConfig) -> None:
    """Validate a single run's whole config (scenario, rules, combat, run knobs) up front, so a
    bad value stops it before Hydra creates an output folder (sweeps: ``check_sweep_knobs``).
    ``cfg`` is the config composed with the group choices; the other overrides are applied to
    it here, as Hydra applies them."""
    if any(o.is_sweep_override() for o in overrides):
        return  # Hydra refuses a sweep value without -m itself
    from sim.cli import job_from_config  # the CLI's own conversion, reused

    if not _apply_rest(overrides, cfg):
        return
    try:
        job_from_config(cfg)
    except ScenarioError as exc:
        blame_overrides(exc, overrides)
        raise


def check_sweep_knobs(overrides: list[Override], cfg: DictConfig) -> None:
    """Refuse a sweep whose run knobs (``workers``, ``steps``, ``seeding``, ...: ``sim.limits``)
    cannot be used, for every value the sweep would give them (from the command line or the
    experiment's ``hydra.sweeper.params``), before the sweep folder is made. What depends on
    the scenario is checked per job."""
    if not _apply_rest(overrides, cfg):
        return
    problems = run_knob_problems(cfg)
    typed = {o.key_or_group for o in overrides}
    params = OmegaConf.select(cfg, "hydra.sweeper.params") or {}
    from_experiment = [f"{k}={v}" for k, v in params.items() if k in RUN_KNOBS and k not in typed]
    for o in [*overrides, *parse(from_experiment)]:
        if o.key_or_group in RUN_KNOBS and o.is_sweep_override():
            problems += [knob_problem(o.key_or_group, v) for v in typed_values(o)]
    problems = list(dict.fromkeys(p for p in problems if p))
    if problems:
        raise ConfigError("; ".join(problems))


def check_knob_overrides(args: list[str]) -> None:
    """Refuse run-knob values among the overrides ``args`` (``workers=-1``, ``steps=0,5``)
    before a command that runs its own sweep (``sensitivity``, ``calibrate``) writes anything."""
    problems = [knob_problem(o.key_or_group, v) for o in parse(args)
                if o.key_or_group in RUN_KNOBS for v in typed_values(o)]  # fmt: skip
    problems = list(dict.fromkeys(p for p in problems if p))
    if problems:
        raise ConfigError("; ".join(problems))


def _is_multirun(cfg: DictConfig) -> bool:
    """Whether the composed config asks for a sweep (an experiment's ``hydra.mode``)."""
    return "MULTIRUN" in str(OmegaConf.select(cfg, "hydra.mode"))


def _apply_rest(overrides: list[Override], cfg: DictConfig) -> bool:
    """Apply the plain ``key=value`` overrides to ``cfg`` as Hydra will; False if Hydra would
    refuse them (it then says so itself)."""
    rest = [o for o in overrides if o.key_or_group not in GROUPS and not o.is_sweep_override()
            and not o.key_or_group.startswith("hydra") and "/" not in o.key_or_group]  # fmt: skip
    try:
        ConfigLoaderImpl._apply_overrides_to_config(rest, cfg)  # noqa: SLF001 - Hydra's own rule
    except Exception:  # noqa: BLE001 - Hydra reports composition errors itself
        return False
    return True


def available_options(group: str) -> list[str]:
    """The options of a config group: YAML files in conf/GROUP and registered scenario nodes."""
    found = {p.stem for p in (CONF_DIR / group).glob("*.yaml")}
    repo = ConfigStore.instance().repo.get(group, {})
    found |= {name.removesuffix(".yaml") for name in repo}
    return sorted(found)


def _check_option(group: str, value: str) -> None:
    if group == "experiment" and value in ("null", "None"):
        return
    allowed = available_options(group)
    if value not in allowed:
        hint = difflib.get_close_matches(value, allowed, n=1)
        msg = f"unknown {group} {value!r}; available options in '{group}': {', '.join(allowed)}"
        raise ConfigError(msg + (f". Did you mean '{hint[0]}'?" if hint else ""))


def _values(o: Override) -> list[str]:
    """The options a group override names: one, a sweep list, or a glob over the options."""
    if isinstance(o.value(), Glob):
        return o.value().filter(available_options(o.key_or_group))
    if o.is_sweep_override():
        return [str(v) for v in o.sweep_string_iterator()]
    return [str(o.get_value_element_as_str())]


def resolved(cfg: DictConfig) -> dict:
    """The config as plain data, interpolations resolved (for run.json)."""
    return OmegaConf.to_container(cfg, resolve=True)  # type: ignore[return-value]
