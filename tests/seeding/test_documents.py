"""The answer-keyed corpus: every draft validates, quotes exactly and runs; the development
set keeps the quality it was brought to (benchmarks/seeding_quality.py prints the figures).

The held-out documents are only required to draft and run here: their scores are read by the
benchmark, never used to tune the extractor.
"""

from __future__ import annotations

import pytest

from sim.abm.model import EscalationModel
from sim.seeding.evaluate import Score, evaluate, load_key
from sim.seeding.keyed_texts import keyed_text

from .conftest import DEV, HELD_OUT

KINDS = ("actors", "relations", "forces", "conditionals")
# what the development set reached, less a margin for rewording: 52 documents, sixteen of them
# (coalitions, support and training, regions, Congo, claimed attacks ...) added in the third
# session and harder (relations 0.857 / 0.755 there)
FLOORS = {"actors": (0.85, 0.9), "relations": (0.75, 0.7), "forces": (0.8, 0.75),
          "conditionals": (0.5, 0.5)}  # fmt: skip


@pytest.fixture(scope="module")
def dev_results():
    return [evaluate(g) for g in DEV]


def test_the_corpus_has_twenty_development_and_ten_held_out_documents():
    assert len(DEV) >= 20 and len(HELD_OUT) >= 10


def test_development_set_quality(dev_results):
    totals = {k: sum((r[k] for r, _ in dev_results), Score(0, 0, 0)) for k in KINDS}
    for kind, (precision, recall) in FLOORS.items():
        s = totals[kind]
        assert s.precision >= precision and s.recall >= recall, (kind, s)
    right = [r["date_right"] for r, _ in dev_results]
    assert sum(right) / len(right) >= 0.9
    assert max(len(r["passing_actors"]) for r, _ in dev_results) <= 2


@pytest.mark.parametrize("gold", DEV + HELD_OUT, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_draft_quotes_exactly_and_runs(gold):
    result, draft = evaluate(gold)
    assert result["failed"] is None, result["failed"]
    text = keyed_text(gold, load_key(gold)).read_text(encoding="utf-8")
    for use in draft.ledger.uses:
        assert use.source.startswith("assumption: ") or use.source in text, use
    model = EscalationModel(draft.scenario, rng=3)
    for _ in range(26):
        model.step()
