"""Scoring a draft against its answer key, and a document the seeding stage refuses."""

from __future__ import annotations

import pytest

from sim.seeding.errors import SeedingError
from sim.seeding.evaluate import evaluate
from tests.seeding.helpers import benchmark_script

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


def test_a_relation_lost_with_its_party_is_counted_apart(tmp_path):
    """The key's war between the Houthis and Israel is missed because the text never names the
    Houthis; the Israel-Hezbollah war is found: one miss, and it was lost to actor finding."""
    (tmp_path / "wire.txt").write_text(
        "Israel strikes Hezbollah targets in south Lebanon\n\nBEIRUT, March 2, 2024 (Reuters) - "
        "Israeli jets struck Hezbollah positions in southern Lebanon on Saturday, the Israeli "
        "military said.\n"
    )
    key = KEY.replace("actors: [israel, hezbollah]", "actors: [israel, hezbollah, houthis]")
    key = key.replace("relations:\n", "relations:\n  - {kind: war, parties: [houthis, israel]}\n")
    (tmp_path / "wire.gold.yaml").write_text(key)
    result, _ = evaluate(tmp_path / "wire.gold.yaml")
    assert result["relations"].tp == 1 and result["relations"].fn == 1
    assert result["relations_missed_for_a_party"] == 1


UNDATED = (
    "Israel strikes Hezbollah targets in south Lebanon\n\nIsraeli jets struck Hezbollah "
    "positions in southern Lebanon on Saturday, the Israeli military said, after the group "
    "fired rockets at northern Israel.\n"
)


def test_the_pages_date_is_input_and_the_text_alone_is_scored_too(tmp_path):
    """A key's ``published`` is what a user passes as ``--date``: 'on Saturday' counts back from
    Monday 4 March 2024 to the 2nd; without it the undated text cannot be dated."""
    (tmp_path / "wire.txt").write_text(UNDATED)
    (tmp_path / "wire.gold.yaml").write_text("published: 2024-03-04\n" + KEY)
    result, draft = evaluate(tmp_path / "wire.gold.yaml")
    assert draft.data["start_date"] == "2024-03-02"
    assert result["date_right"] is True and result["date_right_text"] is False


def test_a_malformed_publication_date_is_named(tmp_path):
    (tmp_path / "wire.txt").write_text(UNDATED)
    (tmp_path / "wire.gold.yaml").write_text("published: March 4\n" + KEY)
    with pytest.raises(SeedingError, match=r"wire.gold.yaml: published must be a date written"):
        evaluate(tmp_path / "wire.gold.yaml")


def _benchmark():
    return benchmark_script("seeding_quality")


def _set(documents, tp, fp, fn, dates, hostile, moving, passing_max):
    counts = {"tp": tp, "fp": fp, "fn": fn, "precision": None, "recall": None}
    return {"documents": documents, "actors": counts, "relations": counts, "forces": counts,
            "conditionals": counts, "relations_missed_for_a_party": fn // 2,
            "start_dates_right": dates, "start_dates_right_from_text": dates,
            "dated_documents": documents,
            "passing_actors_mean": 0.5, "passing_actors_max_per_document": passing_max,
            "hostile_documents": hostile, "hostile_drafts_with_dynamics": moving,
            "failed_documents": 0}  # fmt: skip


def test_the_benchmark_pools_sets_by_their_counts_not_their_shares():
    """Set a: 12 documents, P 3/4, 1 in 4 dates, 2 of 4 hostile drafts move; set b: 4 documents,
    P 9/10, all dates, 6 of 6 move. Pooled: P 12/14 (not the mean .825 of .75 and .9), dates
    (3 + 4)/16, moving 8/10, the worse passing maximum."""
    pooled = _benchmark().pooled(
        {"a": _set(12, 3, 1, 4, 0.25, 4, 0.5, 3), "b": _set(4, 9, 1, 2, 1.0, 6, 1.0, 1)}
    )
    assert pooled["documents"] == 16
    assert pooled["relations"]["precision"] == round(12 / 14, 3)
    assert pooled["relations"]["recall"] == round(12 / 18, 3)
    assert pooled["relations_missed_for_a_party"] == 3
    assert pooled["start_dates_right"] == round(7 / 16, 3)
    assert pooled["hostile_drafts_with_dynamics"] == 0.8
    assert pooled["passing_actors_max_per_document"] == 3


def test_the_benchmark_refuses_a_malformed_key_without_a_table(tmp_path, capsys):
    bench = _benchmark()
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "wire.txt").write_text(UNDATED)
    (tmp_path / "news" / "wire.gold.yaml").write_text("published: 2024-13-04\n" + KEY)
    assert bench.main([str(tmp_path), "--sets", "news"]) == 2
    out = capsys.readouterr()
    assert "wire.gold.yaml: not a readable answer key: month must be in 1..12" in out.err
    assert "precision" not in out.out


def test_a_key_that_gives_no_start_date_is_left_out_of_the_date_share(tmp_path, capsys):
    """Two documents, the same dated text: one key gives its day (found), the other gives none
    (nothing in the text or the page fixes it): 1 of 1 dated, not 1 of 2."""
    bench = _benchmark()
    (tmp_path / "news").mkdir()
    for name, key in (("dated", KEY), ("undated", KEY.replace("2024-03-02", "null"))):
        (tmp_path / "news" / f"{name}.txt").write_text(UNDATED)
        (tmp_path / "news" / f"{name}.gold.yaml").write_text("published: 2024-03-04\n" + key)
    assert bench.main([str(tmp_path), "--sets", "news", "--replicates", "2"]) == 0
    out = capsys.readouterr().out
    assert (
        "start dates right 1.0 of 1 dated (from the text alone, without the page's date: 0.0)"
        in out
    )
