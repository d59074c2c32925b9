"""The end-of-sweep callback draws the sweep figures, and only when plots are asked for."""

import shutil

from omegaconf import OmegaConf

from sim.analysis.sweep_callback import SweepPlotsCallback


def _config(sweep_dir, plots: bool, formats=("png",)):
    return OmegaConf.create(
        {"plots": plots, "plot_formats": list(formats), "hydra": {"sweep": {"dir": str(sweep_dir)}}}
    )


def test_callback_draws_the_sweep_figures_as_png_only(sweep_dir, tmp_path):
    copy = tmp_path / "sweep"
    shutil.copytree(sweep_dir, copy, ignore=shutil.ignore_patterns("plots"))
    SweepPlotsCallback().on_multirun_end(_config(copy, plots=True))
    pngs = sorted(p.name for p in (copy / "plots").glob("*.png"))
    assert "sweep_peak_rung.png" in pngs
    assert any(name.startswith("sweep_milestone_") for name in pngs)
    assert not list((copy / "plots").glob("*.svg"))  # SVG only with plot_formats


def test_callback_writes_svg_when_plot_formats_ask(sweep_dir, tmp_path):
    copy = tmp_path / "sweep"
    shutil.copytree(sweep_dir, copy, ignore=shutil.ignore_patterns("plots"))
    SweepPlotsCallback().on_multirun_end(_config(copy, plots=True, formats=("png", "svg")))
    assert (copy / "plots" / "sweep_peak_rung.svg").exists()


def test_callback_does_nothing_when_plots_are_off(sweep_dir, tmp_path):
    copy = tmp_path / "sweep"
    shutil.copytree(sweep_dir, copy, ignore=shutil.ignore_patterns("plots"))
    SweepPlotsCallback().on_multirun_end(_config(copy, plots=False))
    assert not (copy / "plots").exists()


def test_callback_logs_instead_of_failing_on_an_empty_folder(tmp_path, caplog):
    SweepPlotsCallback().on_multirun_end(_config(tmp_path, plots=True))
    assert "no sweep figures" in caplog.text
