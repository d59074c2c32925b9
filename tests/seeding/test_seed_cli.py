"""``wargame seed``: files written atomically, never clobbered, bad input refused cleanly."""

from __future__ import annotations

import shutil

import pytest
import yaml

from sim.domain.scenario_io import load_scenario
from sim.seeding.cli import main

from .conftest import DOCS, ROOT, SEED


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_seed_writes_draft_report_and_provenance(workdir, capsys):
    assert main([str(SEED), "--name", "kursk_draft"]) == 0
    out = workdir / "scenarios" / "kursk_draft.yaml"
    scenario = load_scenario(out)
    assert len(scenario.actors) == 9
    assert (workdir / "scenarios" / "kursk_draft.report.html").is_file()
    assert (workdir / "scenarios" / "kursk_draft.provenance.json").is_file()
    assert "wargame scenario=kursk_draft" in capsys.readouterr().out
    assert sorted(p.name for p in out.parent.iterdir()) == [
        "kursk_draft.provenance.json", "kursk_draft.report.html", "kursk_draft.yaml"]  # fmt: skip


def test_default_name_comes_from_the_file_stem(workdir):
    assert main([str(SEED)]) == 0
    assert (workdir / "scenarios" / "2024_10_north_korean_troops_kursk.yaml").is_file()


def test_never_overwrites_without_force(workdir, capsys):
    out = workdir / "mine.yaml"
    out.write_text("curated: true\n")
    assert main([str(SEED), "--out", str(out)]) == 1
    assert out.read_text() == "curated: true\n"
    assert "already exist" in capsys.readouterr().err
    assert not (workdir / "mine.report.html").exists()
    assert main([str(SEED), "--out", str(out), "--force"]) == 0
    assert load_scenario(out).name == "2024_10_north_korean_troops_kursk"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        ("Nordkorea hat rund 10.000 Soldaten nach Russland verlegt, um dort an den Kämpfen "
         "gegen die Ukraine teilzunehmen, berichtet das Pentagon.".encode(), "English"),
        (b"The weather was fine and the market opened higher on Monday, traders said.",
         "no state or alliance"),
        (b"Rebels attacked gunmen near the town on Monday, residents said.",
         "no state or alliance"),  # unnamed sides only: no actor the gazetteer knows
    ],
)  # fmt: skip
def test_bad_input_gives_one_clear_message_and_no_file(workdir, capsys, content, words):
    doc = workdir / "doc.txt"
    doc.write_bytes(content)
    assert main([str(doc)]) == 1
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1
    assert not (workdir / "scenarios").exists()


def test_missing_file_and_bad_name(workdir, capsys):
    assert main(["nowhere.txt"]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert main([str(SEED), "--name", "Bad Name"]) == 1
    assert "lowercase" in capsys.readouterr().err


def test_into_adds_the_later_document_and_keeps_curated_values(workdir, capsys):
    target = workdir / "kursk_2024.yaml"
    shutil.copy(ROOT / "scenarios" / "kursk_2024.yaml", target)
    before = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert main([str(DOCS / "kursk_update.txt"), "--into", str(target)]) == 0
    printed = capsys.readouterr().out
    after = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert "+ actors.belarus" in printed
    assert "= forces.kpa_expeditionary_corps.in_combat: kept False" in printed
    for section, items in before.items():
        if isinstance(items, dict) and section not in ("sources",):
            for key, value in items.items():
                now = after[section][key]
                if section == "actors":  # a new doctrine entry may be added, none changed
                    added = now.get("doctrine", {})
                    assert all(added[e] == d for e, d in value.get("doctrine", {}).items())
                    now = {k: v for k, v in now.items() if k != "doctrine" or "doctrine" in value}
                assert now == value, f"{section}.{key} changed"
    injects = {k: v for k, v in after["injects"].items() if k.startswith("2024_11_04")}
    kinds = {e["kind"] for i in injects.values() for e in i["effects"]}
    assert kinds == {"commit_unit", "lift_restrictions", "reinforce_unit"}
    assert "+ relations.north_korea_ukraine_war" in printed  # "engaged in combat with"
    assert all(i["date"] == "2024-11-04" for i in injects.values())
    assert (workdir / "kursk_2024.yaml.bak").read_text() == (
        ROOT / "scenarios" / "kursk_2024.yaml").read_text()  # fmt: skip
    assert target.read_text().startswith("# North Korean troops on the Kursk front")
    assert load_scenario(target).name == "kursk_2024"
    assert (workdir / "kursk_2024.kursk_update.report.html").is_file()


def test_into_dry_run_writes_nothing(workdir, capsys):
    target = workdir / "kursk_2024.yaml"
    shutil.copy(ROOT / "scenarios" / "kursk_2024.yaml", target)
    text = target.read_text()
    assert main([str(DOCS / "kursk_update.txt"), "--into", str(target), "--dry-run"]) == 0
    assert "+ injects.2024_11_04_united_states_lift_restrictions" in capsys.readouterr().out
    assert target.read_text() == text
    assert sorted(p.name for p in workdir.iterdir()) == ["kursk_2024.yaml"]


def test_into_a_draft_twice_adds_nothing_the_second_time(workdir, capsys):
    out = workdir / "d.yaml"
    assert main([str(SEED), "--out", str(out)]) == 0
    assert main([str(DOCS / "kursk_update.txt"), "--into", str(out)]) == 0
    once = out.read_text()
    capsys.readouterr()
    assert main([str(DOCS / "kursk_update.txt"), "--into", str(out)]) == 0
    assert "0 additions" in capsys.readouterr().out.splitlines()[0]
    assert out.read_text() == once


UNDATED = (
    "Jets strike border posts\n\nThai F-16 jets struck Cambodian military positions on "
    "Thursday after troops clashed along the disputed border, the Thai army said.\n"
)


def test_date_gives_the_publication_date_of_a_text_that_dates_itself_nowhere(workdir, capsys):
    doc = workdir / "undated.txt"
    doc.write_text(UNDATED, encoding="utf-8")
    assert main([str(doc), "--date", "2025-07-25", "--out", "d.yaml"]) == 0
    data = yaml.safe_load((workdir / "d.yaml").read_text(encoding="utf-8"))
    assert data["start_date"] == "2025-07-24"  # the Thursday before the publication date
    assert "--date (2025-07-25)" in data["sources"]["start_date"]


def test_a_bad_date_is_refused_in_one_line(workdir, capsys):
    with pytest.raises(SystemExit) as stop:
        main([str(SEED), "--date", "2025-13-40"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "--date must be a date written YYYY-MM-DD" in err and "Traceback" not in err
    assert not list(workdir.glob("scenarios/*.yaml"))
