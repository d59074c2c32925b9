"""What makes a sweep the same sweep, so that ``resume=true`` only ever finishes the sweep that
made a folder and never replaces its finished jobs with a different one's.

A sweep's identity is what decides its results: the composed config's values outside ``hydra``
(replicates, steps, seed, rules, combat, the scenario's file and changes, the deck, ...), each
job's overrides, and the bytes of the scenario and deck files. Knobs that change how a sweep
runs but not what it finds (``workers``, ``chunk_size``, ``memory_mb``, ``progress``,
``plots``, ``plot_formats``, ``resume``; the launcher and the rest of ``hydra.*``) are left out,
so a resume may run on more cores or skip the figures. The engine counts (its results differ),
but ``engine=agents`` is left out: sweeps saved before the knob existed ran that engine and have
no engine in their identity, so a missing engine means agents. Such a sweep resumes with
``engine=agents``; resumed with the default engine (``batched``) it is refused, the difference
named as ``engine = agents then, batched now``. The identity is saved in the sweep's
plan (``sweep_plan.json``) when the sweep starts; a resume whose identity differs is refused
before anything in the folder is touched, with the first difference named.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from omegaconf import DictConfig, OmegaConf

from sim.experiment.catalog import SOURCE_FILE_KEY

UNSET = "(not set)"
UNSAID_ENGINE = "agents"  # left out of the identity: what sweeps made before the knob ran
HOW_IT_RUNS = ("workers", "chunk_size", "memory_mb", "progress", "plots", "plot_formats", "resume")


def _strip(override: str) -> str:
    return override.lstrip("+~").split("=", 1)[0]


def _flat(data: Any, prefix: str = "") -> dict[str, Any]:
    """``{"rules": {"noise": 0.4}}`` -> ``{"rules.noise": 0.4}`` (lists stay values)."""
    if not isinstance(data, dict):
        return {prefix: data}
    flat: dict[str, Any] = {}
    for key, value in data.items():
        flat.update(_flat(value, f"{prefix}.{key}" if prefix else str(key)))
    return flat


def _file_digest(path: Any) -> str | None:
    try:
        return hashlib.sha256(Path(str(path)).read_bytes()).hexdigest()
    except OSError:
        return None


def sweep_identity(config: DictConfig, jobs: list[list[str]], swept: list[str]) -> dict[str, Any]:
    """The identity of the sweep that ``config`` (the sweep's composed config) and its planned
    ``jobs`` describe (see the module docstring). Swept keys are left out of the settings:
    each job's overrides hold their values."""
    data = OmegaConf.to_container(config, resolve=False)
    data.pop("hydra", None)
    settings = {
        key: value
        for key, value in _flat(data).items()
        if key.split(".")[0] not in HOW_IT_RUNS
        and not any(key == s or key.startswith(f"{s}.") for s in swept)
    }
    if settings.get("engine") == UNSAID_ENGINE:  # as sweeps made before the knob existed
        del settings["engine"]
    files = {}
    for key in (f"scenario.{SOURCE_FILE_KEY}", "deck"):
        if settings.get(key):
            files[str(settings[key])] = _file_digest(settings[key])
    plain_jobs = [[o for o in job if _strip(o) not in HOW_IT_RUNS] for job in jobs]
    return {"settings": _jsonable(settings), "jobs": plain_jobs, "files": files}


def _jsonable(settings: dict[str, Any]) -> dict[str, Any]:
    return {k: v if isinstance(v, str | int | float | bool | type(None)) else str(v)
            for k, v in settings.items()}  # fmt: skip


def difference(before: dict[str, Any], now: dict[str, Any]) -> str | None:
    """The first way the sweep ``now`` differs from the sweep ``before``, in words; None when
    they are the same sweep."""
    old, new = before.get("settings", {}), now.get("settings", {})
    old, new = ({"engine": UNSAID_ENGINE, **s} for s in (old, new))  # missing means agents
    changed = [k for k in dict.fromkeys([*old, *new]) if old.get(k, UNSET) != new.get(k, UNSET)]
    if changed:
        shown = [f"{k} = {old.get(k, UNSET)} then, {new.get(k, UNSET)} now" for k in changed[:3]]
        if "engine" in changed[:3] and old["engine"] == UNSAID_ENGINE:
            shown[changed.index("engine")] += " (add engine=agents to resume it)"
        more = f" and {len(changed) - 3} more" if len(changed) > 3 else ""
        return "; ".join(shown) + more
    old_jobs, new_jobs = before.get("jobs", []), now.get("jobs", [])
    if len(old_jobs) != len(new_jobs):
        return f"it had {len(old_jobs)} jobs, this command plans {len(new_jobs)}"
    for num, (a, b) in enumerate(zip(old_jobs, new_jobs, strict=True)):
        if a != b:
            return f"job #{num} was '{' '.join(a)}', now '{' '.join(b)}'"
    for path, digest in now.get("files", {}).items():
        if before.get("files", {}).get(path, digest) != digest:
            return f"the file {path} has changed since"
    return None
