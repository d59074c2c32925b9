"""Scoring a draft against its answer key, and a document the seeding stage refuses."""

from __future__ import annotations

from sim.seeding.evaluate import evaluate

KEY = """start_date: 2024-03-02
hostilities: true
actors: [israel, hezbollah]
passing: []
relations:
  - {kind: war, parties: [israel, hezbollah]}
forces: []
conditionals: []
"""


def test_a_refused_document_scores_as_finding_nothing(tmp_path):
    (tmp_path / "page.txt").write_text("<html><body><p>Israel struck Hezbollah.</p></body></html>")
    (tmp_path / "page.gold.yaml").write_text(KEY)
    result, draft = evaluate(tmp_path / "page.gold.yaml")
    assert draft is None and result["failed"]
    assert result["actors"].fn == 2 and result["actors"].tp == 0
    assert result["relations"].fn == 1 and result["date_right"] is False


def test_a_document_is_scored_against_its_key(tmp_path):
    (tmp_path / "wire.txt").write_text(
        "Israel strikes Hezbollah targets in south Lebanon\n\nBEIRUT, March 2, 2024 (Reuters) - "
        "Israeli jets struck Hezbollah positions in southern Lebanon on Saturday, the Israeli "
        "military said, after the group fired rockets at northern Israel.\n"
    )
    (tmp_path / "wire.gold.yaml").write_text(KEY)
    result, draft = evaluate(tmp_path / "wire.gold.yaml")
    assert result["failed"] is None and draft is not None
    assert result["actors"].tp == 2 and result["relations"].tp == 1
    assert result["date_right"] is True
