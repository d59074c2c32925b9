"""Shared fixtures: the shipped seed, its draft, and the answer-keyed corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.seeding.draft import Draft, draft_scenario
from sim.seeding.extract import extract_file

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "2024-10_north_korean_troops_kursk.txt"
CORPUS = Path(__file__).resolve().parent / "corpus"
DOCS = CORPUS  # later reports used by the --into tests live beside the two sets
DEV = sorted((CORPUS / "dev").glob("*.gold.yaml"))
HELD_OUT = (
    sorted((CORPUS / "heldout").glob("*.gold.yaml"))
    + sorted((CORPUS / "fresh").glob("*.gold.yaml"))
    + sorted((CORPUS / "fresh2").glob("*.gold.yaml"))
)


@pytest.fixture(scope="session")
def kursk_draft() -> Draft:
    """The draft of the shipped Kursk seed document."""
    return draft_scenario(extract_file(SEED), "kursk_draft")
