"""A Hydra callback that draws a sweep's figures once its tables are written.

It is listed before the sweep callback in ``conf/config.yaml``; Hydra calls end-of-sweep
callbacks in reverse order, so it runs after ``sweep.parquet`` and ``manifest.json`` exist.
A sweep with failed jobs stops before it (re-draw later with ``wargame plot SWEEP_DIR``).
The jobs of a sweep draw no run figures of their own (``sim.cli``): per-job figures are opt-in,
``wargame plot SWEEP_DIR --jobs``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from hydra.experimental.callback import Callback
from omegaconf import DictConfig

from sim.domain.errors import WargameError

log = logging.getLogger(__name__)


class SweepPlotsCallback(Callback):
    """Draw the sweep figures into ``<sweep>/plots/`` when the config asks for plots, in the
    config's ``plot_formats`` (PNG unless SVG or PDF are asked for, as for a run)."""

    def on_multirun_end(self, config: DictConfig, **kwargs: Any) -> None:
        if not config.get("plots", True):
            return
        from sim.analysis import style
        from sim.analysis.sweep_plots import plot_sweep

        sweep_dir = Path(config.hydra.sweep.dir)
        try:
            with style.formats(list(config.get("plot_formats", None) or ["png"])):
                paths = plot_sweep(sweep_dir)
        except WargameError as exc:
            log.warning("no sweep figures for %s: %s", sweep_dir, exc)
            return
        log.info("wrote %d sweep figure files to %s", len(paths), sweep_dir / "plots")
