"""Helpers shared by the seeding tests."""

from __future__ import annotations

from sim.seeding.extract import extract
from sim.seeding.text import parse_document


def kept_and_passing(text: str) -> tuple[set[str], set[str]]:
    """The actors a text's draft keeps, and those it names only in passing."""
    ex = extract(parse_document(text.encode(), "t.txt"))
    return set(ex.actors), set(ex.passing)
