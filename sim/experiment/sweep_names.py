"""Folder names that say what differed: ``13-45-02_kursk_2024_rules.noise=0.2`` for a run,
``3_united_states.risk_tolerance=0.6,rules.noise=0.4`` for a sweep's job.

``conf/config.yaml`` builds run and job folder names with the ``wargame_label`` resolver over
Hydra's ``hydra.job.override_dirname`` (the job's own overrides, plumbing such as replicates or
plots left out by ``hydra.job.config.override_dirname.exclude_keys``). The resolver is
registered when ``sim.cli`` is imported, which every process running a job does.
"""

from __future__ import annotations

import re

from omegaconf import OmegaConf

RESOLVER = "wargame_label"
RUN_RESOLVER = "wargame_run_label"  # a run's folder: its name says the scenario already
ITEM_SEP = "|"  # hydra.job.config.override_dirname.item_sep in conf/config.yaml
MAX_LENGTH = 90


def short_key(key: str) -> str:
    """The last two dotted parts of a key: 'united_states.risk_tolerance', 'rules.noise'."""
    return ".".join(key.split(".")[-2:])


def label(override_dirname: str, prefix: str = "_") -> str:
    """``prefix`` + the overrides as ``key=value`` joined by commas, safe in a path ('' if none)."""
    items = []
    for item in filter(None, str(override_dirname).split(ITEM_SEP)):
        key, _, value = item.partition("=")
        value = re.sub(r"[^A-Za-z0-9._+,-]", "-", value.replace("/", "-"))
        items.append(f"{short_key(key.lstrip('+~'))}={value}")
    text = ",".join(items)
    if len(text) > MAX_LENGTH:
        text = text[: MAX_LENGTH - 3] + "..."
    return prefix + text if text else ""


def run_label(override_dirname: str) -> str:
    """``label`` for a single run's folder, without the scenario choice: the folder's name
    starts with the scenario (``13-45-02_kursk_2024``), however it was given."""
    items = [i for i in str(override_dirname).split(ITEM_SEP) if not i.startswith("scenario=")]
    return label(ITEM_SEP.join(items))


def register_resolver() -> None:
    """Make ``${wargame_label:...}`` and ``${wargame_run_label:...}`` available to the Hydra
    config (idempotent)."""
    for name, function in ((RESOLVER, label), (RUN_RESOLVER, run_label)):
        if not OmegaConf.has_resolver(name):
            OmegaConf.register_new_resolver(name, function)
