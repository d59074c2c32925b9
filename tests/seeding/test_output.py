"""Writing is all or nothing: a failure leaves no file and no temporary file behind."""

from __future__ import annotations

import pytest

from sim.seeding import cli
from sim.seeding.errors import SeedingError
from sim.seeding.output import companions, write_all

from .conftest import SEED


def test_write_all_leaves_nothing_when_one_file_fails(tmp_path):
    blocker = tmp_path / "not_a_dir"
    blocker.write_text("a file where a directory should be")
    good = tmp_path / "good.yaml"
    with pytest.raises(SeedingError, match="Cannot write"):
        write_all({good: "name: x\n", blocker / "bad.yaml": "name: y\n"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not_a_dir"]


def test_a_failure_while_drafting_writes_nothing(tmp_path, monkeypatch):
    def broken_report(*args, **kwargs):
        raise RuntimeError("report failed")

    monkeypatch.setattr(cli, "render_report", broken_report)
    out = tmp_path / "scenarios" / "x.yaml"
    with pytest.raises(RuntimeError):
        cli.main([str(SEED), "--out", str(out)])
    assert not out.parent.exists() or not any(out.parent.iterdir())


def test_companions_sit_beside_the_scenario(tmp_path):
    report, sidecar = companions(tmp_path / "kursk.yaml")
    assert (report.name, sidecar.name) == ("kursk.report.html", "kursk.provenance.json")


def test_into_a_file_that_does_not_validate_is_refused(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\nactors: {}\n")
    assert cli.main([str(SEED), "--into", str(bad)]) == 1
    assert "is not valid" in capsys.readouterr().err
    assert bad.read_text() == "name: bad\nactors: {}\n"
    assert not (tmp_path / "bad.yaml.bak").exists()
