"""Helpers for the classroom tests: scripted players and a short exercise game."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
DECK = PROJECT / "scenarios" / "exercises" / "kursk_2024" / "deck.yaml"


def _scripted(answers: Iterable[str]):
    """An ``input()`` stand-in answering from a list, then EOFError like a closed stdin."""
    it = iter(answers)

    def ask(prompt: str = "") -> str:
        try:
            return next(it)
        except StopIteration:
            raise EOFError from None

    return ask


@pytest.fixture(autouse=True)
def _project_scenarios(monkeypatch):
    """Find the project's scenarios and exercise packs whatever the working directory."""
    monkeypatch.setenv("WARGAME_SCENARIOS", str(PROJECT / "scenarios"))


@pytest.fixture
def scripted():
    """Make an ``input()`` stand-in from a list of answers: ``ask = scripted(["1", "q"])``."""
    return _scripted


@pytest.fixture
def deck_file() -> Path:
    """The shipped exercise's inject deck."""
    return DECK


@pytest.fixture
def project_root() -> Path:
    return PROJECT
