"""Shared fixtures: the shipped seed, its draft, and the gold-annotated test documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.seeding.draft import Draft, draft_scenario
from sim.seeding.extract import extract_file

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "2024-10_north_korean_troops_kursk.txt"
DOCS = Path(__file__).resolve().parent / "docs"
GOLD = sorted(DOCS.glob("*.gold.yaml"))
HELD_OUT = sorted((DOCS / "heldout").glob("*.gold.yaml"))


@pytest.fixture(scope="session")
def kursk_draft() -> Draft:
    """The draft of the shipped Kursk seed document."""
    return draft_scenario(extract_file(SEED), "kursk_draft")
